// @vitest-environment happy-dom
/**
 * The comparison as the release page shows it: exactly the missing links and ISRCs with their
 * actions, ISRCs that differ, the barcode, cover art by size, provider messages, and store data
 * as text only.
 */

import { buildEditSeed } from '@liner/shared/seed/build';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { comparisonSchema, comparisonView } from '../src/background/comparison-view.ts';
import { ComparePanel, type ComparePanelProps } from '../src/content/musicbrainz/compare-panel.tsx';
import type { ComparisonView } from '../src/messages.ts';
import {
  BEATPORT_URL,
  COMPARED_MBID,
  SPOTIFY_URL,
  sampleComparison,
} from './support/comparison.ts';
import { userClick } from './support/dom.ts';
import { DEEZER_URL } from './support/release.ts';

let container: HTMLElement;

function view(
  change: (raw: ReturnType<typeof sampleComparison>) => void = () => {},
): ComparisonView {
  const raw = sampleComparison();
  change(raw);
  return comparisonView(comparisonSchema.parse(raw), {
    serverUrl: 'http://127.0.0.1:5733',
    editorUrl: 'https://musicbrainz.org',
    version: '0.1.0',
  });
}

function show(props: Partial<ComparePanelProps> = {}) {
  container = document.createElement('div');
  document.body.append(container);
  const all: ComparePanelProps = {
    comparison: view(),
    musicbrainzUrl: 'https://test.musicbrainz.org',
    linksState: { state: 'idle' },
    onAddLinks: vi.fn(),
    ...props,
  };
  act(() => render(<ComparePanel {...all} />, container));
  return all;
}

const part = (name: string) => container.querySelector(`[data-liner="${name}"]`);
const texts = (selector: string) =>
  [...container.querySelectorAll(selector)].map((element) => element.textContent);

afterEach(() => {
  render(null, container);
  container.remove();
});

describe('the comparison panel', () => {
  it('lists exactly the missing links with their link types, and adds them on a click', () => {
    const props = show();
    expect(texts('[data-liner="missing-links"] li')).toEqual([
      `Spotify: ${SPOTIFY_URL} (free streaming)`,
      `Beatport: ${BEATPORT_URL} (paid download, paid streaming)`,
    ]);
    expect(container.querySelector(`[data-url="${SPOTIFY_URL}"] a`)?.getAttribute('href')).toBe(
      SPOTIFY_URL,
    );
    act(() => userClick(part('add-links')!));
    expect(props.onAddLinks).toHaveBeenCalledOnce();
  });

  it('lists only the links the edit seed carries, leaving out one whose types the site does not allow', () => {
    const appleUrl = 'https://music.apple.com/gb/album/night-shift/1700000001';
    let posted: string[] = [];
    const comparison = view((raw) => {
      // Spotify allows no download link and Apple Music no free streaming: no type is left.
      raw.lookup.release!.externalLinks.push(
        { url: `${SPOTIFY_URL}?dl=1`, types: ['paid download'], provider: 'spotify' },
        { url: appleUrl, types: ['free streaming'], provider: 'itunes' },
      );
      raw.missingLinks.push(
        { url: `${SPOTIFY_URL}?dl=1`, provider: 'spotify', types: ['paid download'] },
        { url: appleUrl, provider: 'itunes', types: ['free streaming'] },
      );
      raw.editSeed = {
        ...buildEditSeed(raw.lookup, COMPARED_MBID, {
          editorUrl: 'https://musicbrainz.org',
          version: '0.1.0',
          linkedUrls: [DEEZER_URL],
        }),
        problems: [],
      };
      posted = raw.editSeed.fields
        .filter(([name]) => /^urls\.\d+\.url$/.test(name))
        .map(([, url]) => url);
    });
    const listed = comparison.missingLinks.map((link) => link.url);
    expect(listed).toEqual([SPOTIFY_URL, BEATPORT_URL]);
    expect(new Set(listed)).toEqual(new Set(posted));
    expect(comparison.missingLinks.every((link) => link.types.length > 0)).toBe(true);
  });

  it('lists the missing ISRCs at their places with a MagicISRC link for exactly those', () => {
    show();
    expect(texts('[data-liner="missing-isrcs"] tr')).toEqual([
      '1.2DawnGBAAA2300002',
      '1.3NoonGBAAA2300003',
    ]);
    const magic = new URL(part('magicisrc')!.getAttribute('href')!);
    expect(part('magicisrc')?.textContent).toBe('Submit 2 ISRCs with MagicISRC');
    expect([...magic.searchParams]).toEqual([
      ['musicbrainzid', COMPARED_MBID],
      ['isrc1-2', 'GBAAA2300002'],
      ['isrc1-3', 'GBAAA2300003'],
      ['edit-note', 'ISRCs from Deezer, found by Liner'],
    ]);
  });

  it('shows cover art by size with links to the images and to MusicBrainz’s upload form', () => {
    show();
    expect(texts('[data-liner="cover-art"] li')).toEqual(['3000×3000 (front)', '500×500 (front)']);
    expect(container.querySelector('[data-liner="cover-art"] li a')?.getAttribute('href')).toBe(
      'https://cdn.example/big.jpg',
    );
    expect(part('add-cover-art')?.getAttribute('href')).toBe(
      `https://test.musicbrainz.org/release/${COMPARED_MBID}/add-cover-art`,
    );
    expect(texts('[data-liner="messages"] li')).toEqual([
      'Apple Music / iTunes: the iTunes look-up timed out',
    ]);
    expect(texts('[data-liner="providers"] > li')).toEqual([
      '✓ Deezer',
      '✗ Apple Music / iTunes did not answer in timeDetailsitunes did not answer within 15000 ms',
    ]);
  });

  it('marks a barcode the stores disagree with, and ISRCs that differ', () => {
    show({
      comparison: view((raw) => {
        raw.barcode = { musicbrainz: '5012345678900', stores: '0192758000019', agrees: false };
        raw.differentIsrcs = [
          {
            medium: 1,
            position: 1,
            title: 'Dusk',
            isrc: 'GBAAA2300001',
            musicbrainz: 'USXXX2300001',
          },
        ] as never;
      }),
    });
    expect(part('barcode')?.textContent).toBe(
      'Barcode: MusicBrainz has 5012345678900, the stores 0192758000019.',
    );
    expect(part('barcode')?.getAttribute('data-agrees')).toBe('false');
    expect(texts('[data-liner="different-isrcs"] tr')).toEqual([
      '1.1DuskMusicBrainz USXXX2300001, stores GBAAA2300001',
    ]);
    expect(part('nothing-missing')).toBeNull();
  });

  it('says when nothing is missing, and offers no action that would post nothing', () => {
    show({
      comparison: view((raw) => {
        raw.missingLinks = [];
        raw.missingIsrcs = [];
        delete (raw as { editSeed?: unknown }).editSeed;
        delete (raw as { magicIsrcUrl?: unknown }).magicIsrcUrl;
      }),
    });
    expect(part('nothing-missing')?.textContent).toBe(
      'The stores know nothing that this release lacks.',
    );
    expect(part('add-links')).toBeNull();
    expect(part('magicisrc')).toBeNull();
    expect(part('barcode')?.textContent).toBe(
      'Barcode 0192758000019: the stores agree (0192758000019).',
    );
  });

  it('offers the barcode MusicBrainz lacks, alone or with the missing links, in one edit', () => {
    const withBarcode = (keepLinks: boolean) =>
      view((raw) => {
        raw.barcode = { stores: '0192758000019' } as never;
        if (!keepLinks) raw.missingLinks = [];
        const fields = raw.editSeed!.fields.filter(
          ([name]) => keepLinks || !name.startsWith('urls.'),
        );
        raw.editSeed!.fields = [...fields, ['barcode', '0192758000019']];
      });
    const alone = show({ comparison: withBarcode(false) });
    expect(part('nothing-missing')).toBeNull();
    expect(part('barcode')?.textContent).toBe(
      'MusicBrainz has no barcode; the stores say 0192758000019.',
    );
    expect(part('add-barcode')?.querySelector('button')?.textContent).toBe('Add the barcode');
    act(() => userClick(part('add-links')!));
    expect(alone.onAddLinks).toHaveBeenCalledOnce();
    render(null, container);
    container.remove();
    show({ comparison: withBarcode(true) });
    expect(part('add-barcode')).toBeNull();
    expect(part('add-links')?.textContent).toBe('Add missing links and barcode');
  });

  it('lists each other field MusicBrainz lacks as a row the edit seed carries, and disagreements', () => {
    const status = {
      field: 'status',
      label: 'Status',
      value: 'Official',
      seed: [['status', 'Official']],
    };
    const events = {
      field: 'events',
      label: 'Release events',
      value: '2023-05-05 GB',
      seed: [
        ['events.0.date.year', '2023'],
        ['events.0.country', 'GB'],
      ],
    };
    const withFields = (inSeed: boolean) =>
      view((raw) => {
        raw.missingLinks = [];
        (raw as Record<string, unknown>).missingFields = [status, events];
        (raw as Record<string, unknown>).disagreements = [
          { field: 'labels', label: 'Labels', musicbrainz: 'A (1)', stores: '<b>B</b> (2)' },
        ];
        raw.editSeed!.fields = [
          ...(inSeed ? [['status', 'Official'] as [string, string]] : []),
          ['events.0.date.year', '2023'],
          ['events.0.country', 'GB'],
          ['edit_note', 'note'],
        ];
      });
    const props = show({ comparison: withFields(true) });
    expect(part('nothing-missing')).toBeNull();
    expect(texts('[data-liner="missing-fields"] tr')).toEqual([
      'StatusOfficial',
      'Release events2023-05-05 GB',
    ]);
    expect(part('add-links')?.textContent).toBe('Add missing status, release events');
    act(() => userClick(part('add-links')!));
    expect(props.onAddLinks).toHaveBeenCalledOnce();
    expect(texts('[data-liner="disagreements"] tr')).toEqual([
      'LabelsMusicBrainz A (1), stores <b>B</b> (2)',
    ]);
    expect(part('disagreements')?.querySelector('b')).toBeNull();
    render(null, container);
    container.remove();
    // A row whose fields the seed does not carry is not listed.
    show({ comparison: withFields(false) });
    expect(texts('[data-liner="missing-fields"] th')).toEqual(['Release events']);
  });

  it('does not claim nothing is missing when no store could be asked', () => {
    show({
      comparison: view((raw) => {
        delete (raw as { lookup?: unknown }).lookup;
        delete (raw as { editSeed?: unknown }).editSeed;
        raw.missingLinks = [];
        raw.missingIsrcs = [];
        raw.coverArt = [];
        raw.barcode = {} as never;
        raw.messages = [
          { level: 'warning', text: 'This release has no store links and no barcode.' },
        ] as never;
      }),
    });
    expect(part('providers')?.textContent).toBe('No store was asked.');
    expect(part('nothing-missing')).toBeNull();
    expect(part('barcode')).toBeNull();
    expect(texts('[data-liner="messages"] li')).toEqual([
      'This release has no store links and no barcode.',
    ]);
  });

  it('shows store data as text, never as HTML, and drops links that are not http(s)', () => {
    show({
      comparison: view((raw) => {
        raw.missingIsrcs[0]!.title = '<img src=x onerror="window.hacked=1">';
        raw.messages = [
          { level: 'error', provider: 'itunes', text: '<script>window.hacked=2</script>' },
        ];
        raw.coverArt.push({
          url: 'javascript:alert(1)',
          types: ['front'],
          width: 9000,
          height: 9000,
        });
      }),
    });
    expect(container.querySelector('img, script')).toBeNull();
    expect(texts('[data-liner="missing-isrcs"] td')[1]).toBe(
      '<img src=x onerror="window.hacked=1">',
    );
    expect(texts('[data-liner="messages"] li')).toEqual([
      'Apple Music / iTunes: <script>window.hacked=2</script>',
    ]);
    expect(
      [...container.querySelectorAll('a')].every((a) => /^https?:/.test(a.getAttribute('href')!)),
    ).toBe(true);
  });
});
