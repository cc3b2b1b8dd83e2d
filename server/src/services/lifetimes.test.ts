import type { LookupResult } from '@liner/shared';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../../test/support/providers.ts';
import { PROVIDERS } from '../providers/registry.ts';
import { reusableUntil } from './lifetimes.ts';

const HOUR = 3600_000;
const created = new Date('2026-03-02T12:00:00Z');
const hoursAgo = (h: number) => new Date(created.getTime() - h * HOUR).toISOString();

function result(extra: Partial<LookupResult> = {}): LookupResult {
  return {
    id: 'x',
    createdAt: created.toISOString(),
    query: { urls: [], regions: [] },
    release: {
      title: 'T',
      artists: [],
      labels: [],
      types: [],
      media: [],
      externalLinks: [],
      images: [],
      externalIds: [],
    },
    sources: {},
    conflicts: [],
    incompatible: [],
    providers: [],
    messages: [],
    existing: [{ mbid: '1f6e2d7c-3b4a-4c5d-8e9f-0a1b2c3d4e5f', url: 'u' }],
    ...extra,
  } as LookupResult;
}

const until = (r: LookupResult, resolverFailed = false) =>
  (reusableUntil(testConfig(), PROVIDERS, r, created, { resolverFailed }).getTime() -
    created.getTime()) /
  HOUR;

const deezer = (fetchedAt: string, error?: { kind: string; message: string }) => ({
  name: 'deezer' as const,
  displayName: 'Deezer',
  lookup: { method: 'id' as const, value: '1' },
  fetchedAt,
  ...(error ? { error } : {}),
});

describe('look-up reuse', () => {
  it('counts each part from when it was fetched, not from now', () => {
    expect(until(result({ providers: [deezer(hoursAgo(0))] }))).toBe(24);
    // Served from a cache filled 23 hours ago: one hour left, not another day.
    expect(until(result({ providers: [deezer(hoursAgo(23))] }))).toBe(1);
  });

  it('asks again soon after a failure or a release MusicBrainz did not know', () => {
    const failed = deezer(hoursAgo(0), { kind: 'status', message: 'HTTP 500' });
    expect(until(result({ providers: [failed] }))).toBeCloseTo(1 / 60);
    expect(until(result({ existing: [] }))).toBe(1);
    expect(until(result(), true)).toBeCloseTo(1 / 60);
  });

  it('does not shorten reuse for an ordinary MusicBrainz warning', () => {
    const warned = result({
      messages: [
        { level: 'warning', provider: 'musicbrainz', text: '2 releases have this barcode' },
      ],
    });
    expect(until(warned)).toBe(24);
  });
});
