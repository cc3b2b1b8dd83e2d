/**
 * A Discogs tracklist is one flat list for the whole release: tracks, headings and index tracks
 * (a title over sub-tracks). Media are implied by the positions: "1-3" and "CD2-3" name a disc,
 * "A1", "B2" a side of a record (two sides to a record), and plain numbers that start again at 1
 * begin another disc. This module turns the list into media drafts; formats come later.
 */
import type { DiscogsArtist, DiscogsSubTrack, DiscogsTrack } from './api.ts';
import type { FormatFamily } from './formats.ts';

export interface DraftTrack {
  number: string;
  title: string;
  lengthMs?: number;
  artists?: DiscogsArtist[];
}

export interface MediumDraft {
  /** The kind of item the positions point to ('any' when they do not say). */
  family: FormatFamily | 'any';
  title?: string;
  tracks: DraftTrack[];
}

type Entry = { heading: string } | { track: DraftTrack & { position: string } };

/** "m:ss", "mm:ss" or "h:mm:ss" (minutes may exceed 59: "116:00"); anything else is no length. */
export function parseDuration(value: string | undefined): number | undefined {
  const match = /^(?:(\d+):)?(\d+):(\d{1,2})$/.exec(value?.trim() ?? '');
  if (!match) return undefined;
  const [hours, minutes, seconds] = [match[1], match[2], match[3]].map((n) => Number(n ?? 0));
  if (seconds! >= 60 || (match[1] !== undefined && minutes! >= 60)) return undefined;
  return ((hours! * 60 + minutes!) * 60 + seconds!) * 1000;
}

/** "C1.2", "A3b", "4.a" are parts of one physical track ("C1", "A3", "4"). */
function parentPosition(position: string): string | undefined {
  const parent = position.replace(/(?:\.\d+|\.?[a-z])$/, '');
  return parent && parent !== position ? parent : undefined;
}

function cleanTitle(title: string): string {
  return title.replace(/\s+/g, ' ').trim();
}

function entry(track: DiscogsSubTrack, position: string, artists?: DiscogsArtist[]): Entry {
  const lengthMs = parseDuration(track.duration);
  const credited = track.artists?.length ? track.artists : artists;
  return {
    track: {
      position,
      number: position,
      title: cleanTitle(track.title),
      ...(lengthMs !== undefined ? { lengthMs } : {}),
      ...(credited?.length ? { artists: credited } : {}),
    },
  };
}

/**
 * Sub-tracks sharing one parent position are movements of one track: they become that track,
 * "Index: Part 1 / Part 2". Sub-tracks with positions of their own are tracks, and the index
 * title is then only a heading over them.
 */
function indexEntries(index: DiscogsTrack): Entry[] {
  const subs = (index.sub_tracks ?? []).filter((s) => (s.type_ ?? 'track') === 'track');
  const own = index.position?.trim() ?? '';
  if (subs.length === 0) return own ? [entry(index, own)] : [{ heading: index.title }];
  const positions = subs.map((s) => s.position?.trim() ?? '').filter(Boolean);
  const parents = new Set(positions.map(parentPosition));
  if (!parents.has(undefined) && parents.size <= 1) {
    const parts = subs.map((s) => cleanTitle(s.title)).filter(Boolean);
    const title = [cleanTitle(index.title), parts.join(' / ')].filter(Boolean).join(': ');
    const lengths = subs.map((s) => parseDuration(s.duration));
    const summed = lengths.every((l) => l !== undefined)
      ? lengths.reduce((sum, l) => sum! + l!, 0)
      : undefined;
    const merged = entry({ ...index, title }, [...parents][0] ?? own);
    if ('track' in merged && merged.track.lengthMs === undefined && summed !== undefined)
      merged.track.lengthMs = summed;
    return [merged];
  }
  return [
    { heading: index.title },
    ...subs.map((s) => entry(s, s.position?.trim() ?? '', index.artists)),
  ];
}

export function flattenTracklist(tracklist: readonly DiscogsTrack[]): Entry[] {
  return tracklist.flatMap((track): Entry[] => {
    const type = track.type_ ?? 'track';
    if (type === 'heading') return [{ heading: track.title }];
    if (type === 'index') return indexEntries(track);
    if (type === 'track') return [entry(track, track.position?.trim() ?? '')];
    return [];
  });
}

type Position =
  | { kind: 'disc'; key: string; family: MediumDraft['family']; number: string }
  | { kind: 'side'; side: string }
  | { kind: 'plain'; value: number }
  | { kind: 'none' };

const DISC_FAMILIES: Readonly<Record<string, FormatFamily>> = {
  CD: 'cd',
  DVD: 'dvd',
  BR: 'bluray',
  BD: 'bluray',
};

function classify(position: string): Position {
  const disc = /^([A-Za-z]*)(\d+)-(.+)$/.exec(position);
  if (disc) {
    const letters = disc[1]!.toUpperCase();
    const family = DISC_FAMILIES[letters] ?? 'any';
    return { kind: 'disc', key: `${letters}${Number(disc[2])}`, family, number: disc[3]! };
  }
  const side = /^([A-Z])\1*(?=$|\d|[.a-z])/.exec(position);
  if (side) return { kind: 'side', side: side[0] };
  const plain = /^\d+/.exec(position);
  if (plain) return { kind: 'plain', value: Number(plain[0]) };
  return { kind: 'none' };
}

interface Current {
  draft: MediumDraft;
  position: Position;
  sides: string[];
  lastPlain: number;
}

/** Whether a track at this position starts another medium after the current one. */
function startsMedium(current: Current | undefined, at: Position): boolean {
  if (!current) return true;
  const was = current.position;
  // Unnumbered tracks so far say nothing about media: the first real position decides.
  if (was.kind === 'none') return false;
  switch (at.kind) {
    case 'disc':
      return was.kind !== 'disc' || was.key !== at.key;
    case 'side': {
      if (was.kind !== 'side') return true;
      const seen = current.sides.indexOf(at.side);
      if (seen >= 0) return seen !== current.sides.length - 1;
      return current.sides.length >= 2;
    }
    case 'plain':
      if (was.kind !== 'plain') return true;
      return at.value < current.lastPlain || (at.value === 1 && current.lastPlain >= 1);
    case 'none':
      return false;
  }
}

function meaningfulHeading(title: string): string | undefined {
  const clean = cleanTitle(title).replace(/[\s:]+$/, '');
  return /[\p{L}\p{N}]/u.test(clean) ? clean : undefined;
}

/**
 * Splits the flattened tracklist into media. A heading standing right before a medium's first
 * track titles that medium (the first of several such headings wins: it is the outer one);
 * headings inside a medium are section titles MusicBrainz has no place for, and are dropped.
 */
export function splitMedia(tracklist: readonly DiscogsTrack[]): MediumDraft[] {
  const media: MediumDraft[] = [];
  let current: Current | undefined;
  let heading: string | undefined;
  for (const item of flattenTracklist(tracklist)) {
    if ('heading' in item) {
      heading ??= meaningfulHeading(item.heading);
      continue;
    }
    const { position, ...track } = item.track;
    const at = classify(position);
    if (startsMedium(current, at)) {
      const family = at.kind === 'disc' ? at.family : at.kind === 'side' ? 'sides' : 'any';
      const draft: MediumDraft = { family, tracks: [], ...(heading ? { title: heading } : {}) };
      media.push(draft);
      current = { draft, position: at, sides: [], lastPlain: 0 };
    }
    heading = undefined;
    const medium = current!;
    if (at.kind === 'side' && !medium.sides.includes(at.side)) medium.sides.push(at.side);
    if (at.kind === 'plain') medium.lastPlain = at.value;
    if (medium.position.kind === 'none' && at.kind !== 'none') medium.position = at;
    if (at.kind === 'disc') track.number = at.number;
    if (!track.number) track.number = String(medium.draft.tracks.length + 1);
    medium.draft.tracks.push(track);
  }
  return media;
}
