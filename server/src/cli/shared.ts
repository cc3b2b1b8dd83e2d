import { existsSync, statSync } from 'node:fs';
import { Writable } from 'node:stream';
import { type Command, InvalidArgumentError } from 'commander';
import { ConfigError, type LoadedConfig, loadConfig } from '../config/load.ts';
import { type DatabaseHandle, openDatabase } from '../db/connect.ts';
import { databaseStartProblem } from '../db/errors.ts';
import { DataDirLockedError } from '../db/lock.ts';
import { UpstreamError } from '../http/errors.ts';
import { createLogger, type Logger } from '../log.ts';
import { UnsafeListenError } from '../serve.ts';
import { isInputError } from '../services/errors.ts';
import { shortenUrls } from './format.ts';

/** An error to print as one line and exit with, instead of a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Known failures become one-line CLI errors; anything else is a bug and keeps its stack. */
export function asCliError(error: unknown): unknown {
  if (error instanceof ConfigError) return new CliError(error.message, 2);
  if (error instanceof DataDirLockedError || error instanceof UnsafeListenError)
    return new CliError(error.message, 1);
  if (isInputError(error)) return new CliError(error.message, 2);
  const database = databaseStartProblem(error);
  if (database) return new CliError(database, 1);
  // A store or MusicBrainz failing (not recorded under --replay, down, refusing) is said in its
  // own words; it is not a bug in Liner.
  if (error instanceof UpstreamError) return new CliError(error.message, 1);
  if (error instanceof Error && error.name === 'ZodError') {
    const issue = (error as unknown as { issues: { message: string; path: PropertyKey[] }[] })
      .issues[0];
    return new CliError(
      issue ? `${issue.path.join('.') || 'input'}: ${issue.message}` : error.message,
      2,
    );
  }
  return error;
}

export function loadCliConfig(
  command: Command,
  overrides: Record<string, unknown> = {},
): LoadedConfig {
  const globals = command.optsWithGlobals<{ config?: string }>();
  try {
    return loadConfig({ ...(globals.config ? { file: globals.config } : {}), overrides });
  } catch (error) {
    throw asCliError(error);
  }
}

const LEVEL_NAMES: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  40: 'warning',
  50: 'error',
  60: 'fatal',
};

/**
 * One of pino's JSON lines as a person reads it: "liner: warning: Qobuz is disabled: …", with
 * the error's message when the line has one, and long URLs shortened. What is not a log line is
 * passed on as it is.
 */
export function readableLogLine(line: string): string {
  let entry: { level?: unknown; msg?: unknown; err?: { message?: unknown } };
  try {
    entry = JSON.parse(line);
  } catch {
    return line;
  }
  const level = typeof entry.level === 'number' ? LEVEL_NAMES[entry.level] : undefined;
  const msg = typeof entry.msg === 'string' ? entry.msg : '';
  const error = typeof entry.err?.message === 'string' ? entry.err.message : '';
  const text = error && !msg.includes(error) ? (msg ? `${msg}: ${error}` : error) : msg;
  return `liner: ${level ? `${level}: ` : ''}${shortenUrls(text)}`;
}

/** A stream that writes pino's lines to `out` as readableLogLine has them. */
function readableLogStream(out: NodeJS.WritableStream): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n'))
        if (line.trim()) out.write(`${readableLogLine(line)}\n`);
      done();
    },
  });
}

/**
 * The server logs to stdout; one-shot commands log to stderr (warnings only by default), so their
 * stdout is exactly the result, ready for a pipe. On stderr a line is JSON only when
 * log.format is json; otherwise it is one short readable line ("liner: warning: …").
 */
export function cliLogger(
  loaded: LoadedConfig,
  options: { quiet?: boolean; stderr?: boolean } = {},
): Logger {
  const { level, format } = loaded.config.log;
  const readable = options.stderr && format !== 'json';
  return createLogger({
    level: options.quiet && level === 'info' ? 'warn' : level,
    format: options.stderr ? 'json' : format,
    ...(options.stderr
      ? { destination: readable ? readableLogStream(process.stderr) : process.stderr }
      : {}),
  });
}

/**
 * The --replay directories (several: a,b). A mistyped one fails here, in one line, instead of
 * every provider answering "not recorded" for a directory that never existed.
 */
export function replayDirs(option: string): string[] {
  const dirs = option
    .split(',')
    .map((dir) => dir.trim())
    .filter(Boolean);
  if (dirs.length === 0) throw new CliError('--replay: give a directory of recorded responses', 2);
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory())
      throw new CliError(`--replay: "${dir}" is not a directory`, 2);
  }
  return dirs;
}

/**
 * The database a --replay run works on: in memory, gone when the process ends, so replayed
 * answers never land in the configured database's cache (where a later live look-up would serve
 * them as cached and `--record` would record nothing).
 */
export function openThrowawayDatabase(): Promise<DatabaseHandle> {
  return openDatabase({ kind: 'pglite', dataDir: 'memory://', lock: false });
}

/** Said beside a --replay run's permalink: its database is gone when the run ends. */
export function throwawayNote(what = 'the permalink'): string {
  return ` (this run's database is thrown away: ${what} will not open)`;
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError(`"${value}" is not a port (a whole number from 0 to 65535)`);
  }
  return port;
}
