/** Runs the real `liner` binary as a child process, as a user would. */
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LINER_BIN = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../server/bin/liner.js',
);

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Environment for child processes: no LINER_* or DATABASE_URL leaking from the test runner. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !key.startsWith('LINER_') && key !== 'DATABASE_URL',
    ),
  );
  return { ...env, LINER_LOG_FORMAT: 'json', ...extra };
}

export function runLiner(
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [LINER_BIN, ...args], {
      env: cleanEnv(env),
      cwd: env.CWD ?? process.cwd(),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `liner ${args.join(' ')} did not finish in ${timeoutMs} ms\n${stdout}\n${stderr}`,
        ),
      );
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** Sends a signal and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `liner serve` (or, with `npm: true`, `npm start` in the repository, as the README says)
 * and waits for its "listening" log line.
 */
export function spawnServer(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 60_000,
  bin = LINER_BIN,
  { npm = false }: { npm?: boolean } = {},
): Promise<ServerProcess> {
  return new Promise((resolvePromise, reject) => {
    const child = npm
      ? spawn('npm', ['start', '--', '--port', '0', ...args], {
          env: cleanEnv(env),
          cwd: resolve(dirname(bin), '../..'),
        })
      : spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], {
          env: cleanEnv(env),
        });
    let output = '';
    const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (data: Buffer) => {
      output += data;
      const match = /"url":"(http:\/\/[^"]+)"[^\n]*listening/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise({
          url: match[1]!,
          child,
          output: () => output,
          stop: (signal = 'SIGTERM') => {
            child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
}
