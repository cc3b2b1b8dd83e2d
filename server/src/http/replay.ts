/**
 * Record and replay of upstream responses as files (`--record DIR`, `--replay DIR`), in the
 * layout of ../shared/fixtures/recorded, so a recorded corpus replays as is.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { NotRecordedError } from './errors.ts';
import { fixturePath, parsePiece, pieceMatches } from './fixture-path.ts';

export interface ReplayedBody {
  body: string;
  file: string;
  /** 200 unless a `<file>.status` beside it says otherwise (hand-written error answers). */
  status: number;
}

/**
 * A file may give its HTTP status in a sidecar file: hand-written error answers, and recorded
 * refusals (a 404 recorded by --record replays as a 404).
 */
const STATUS_SUFFIX = '.status';

function replayedStatus(file: string): number {
  const sidecar = `${file}${STATUS_SUFFIX}`;
  if (!existsSync(sidecar)) return 200;
  const status = Number(readFileSync(sidecar, 'utf8').trim());
  if (!Number.isInteger(status) || status < 100 || status > 599)
    throw new Error(`${sidecar} does not hold an HTTP status`);
  return status;
}

/**
 * Finds the file for a URL: the exact name first, else the one sibling whose identifying query
 * parameters match (the provider may ask with other limits or includes than the recording did).
 */
export function findReplayFile(
  dir: string,
  url: string,
  mode: 'exact' | 'loose' = 'loose',
): string | undefined {
  const relative = fixturePath(url);
  const exact = join(dir, relative);
  if (existsSync(exact)) return exact;
  if (mode === 'exact') return undefined;
  const folder = dirname(exact);
  if (!existsSync(folder)) return undefined;
  const requested = parsePiece(relative.slice(relative.lastIndexOf('/') + 1));
  if (requested.params.length === 0) return undefined;
  const matches = readdirSync(folder).filter(
    (name) => !name.endsWith(STATUS_SUFFIX) && pieceMatches(parsePiece(name), requested),
  );
  return matches.length === 1 ? join(folder, matches[0]!) : undefined;
}

/**
 * Answers from the first of `dirs` that holds the URL (a corpus, then the project's own files).
 * An exact file in any directory wins over a near match in an earlier one: a near match is a
 * guess, and a hashed (cut) name can hide the very parameter that tells two items apart.
 */
export function replayResponse(
  dirs: string | readonly string[],
  provider: string,
  url: string,
): ReplayedBody {
  const list = typeof dirs === 'string' ? [dirs] : dirs;
  for (const mode of ['exact', 'loose'] as const) {
    for (const dir of list) {
      const file = findReplayFile(dir, url, mode);
      if (file) return { body: readFileSync(file, 'utf8'), file, status: replayedStatus(file) };
    }
  }
  throw new NotRecordedError(
    provider,
    url,
    list.map((dir) => join(dir, fixturePath(url))).join(' or '),
  );
}

export function recordResponse(dir: string, url: string, body: string, status = 200): string {
  const file = join(dir, fixturePath(url));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, body);
  // A later answer for the same URL replaces the earlier one, status and all.
  const sidecar = `${file}${STATUS_SUFFIX}`;
  if (status !== 200) writeFileSync(sidecar, `${status}\n`);
  else rmSync(sidecar, { force: true });
  return file;
}

/** Answers that will be the same next time: client errors other than time-outs and throttling. */
export function isDefiniteRefusal(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}
