/**
 * Seed completeness: for every case of the recorded corpus, which of the release editor's fields
 * the seed fills, and the fill rate of each field over the corpus. Each case is replayed through
 * its real provider, merged and completed (the guesses) as a look-up would, and seeded.
 *
 *   npm run bench:seeds
 */
import {
  buildReleaseSeed,
  type LookupResult,
  lookupResultSchema,
  releaseSchema,
} from '@liner/shared';
import { mergeReleases } from '../server/src/merge/index.ts';
import { providerDeclaration } from '../server/src/providers/registry.ts';
import { corpusCases } from '../test/corpus/cases.ts';
import { lookUpCase } from '../test/corpus/lookup.ts';
import type { CorpusCase } from '../test/corpus/types.ts';
import { corpusAvailable } from '../test/support/corpus.ts';
import { machineLine } from './lib/machine.ts';

const CORPUS_CASES = await corpusCases();

type Completer = (
  release: LookupResult['release'] & object,
) => Promise<Pick<LookupResult, 'sources' | 'messages'> & { release: LookupResult['release'] }>;

/** The guesses, where this checkout has them (a checkout from before them seeds without). */
async function loadCompleter(): Promise<Completer | undefined> {
  try {
    const guess = await import('../server/src/guess/index.ts');
    const language = await import('../server/src/guess/language.ts');
    const detect = await language.loadLanguageDetector();
    return async (release) => guess.completeRelease(release, detect);
  } catch {
    return undefined;
  }
}

/** Editor fields, each filled when the seed has a field its test accepts. */
const FIELDS: [string, (names: readonly string[]) => boolean][] = [
  ['title', (n) => n.includes('name')],
  ['credit', (n) => n.some((f) => f.startsWith('artist_credit.'))],
  ['types', (n) => n.includes('type')],
  ['status', (n) => n.includes('status')],
  ['packaging', (n) => n.includes('packaging')],
  ['language', (n) => n.includes('language')],
  ['script', (n) => n.includes('script')],
  ['date', (n) => n.some((f) => /^events\.\d+\.date\.year$/.test(f))],
  ['country', (n) => n.some((f) => /^events\.\d+\.country$/.test(f))],
  ['labels', (n) => n.some((f) => /^labels\.\d+\.(name|mbid)$/.test(f))],
  ['catno', (n) => n.some((f) => /^labels\.\d+\.catalog_number$/.test(f))],
  ['barcode', (n) => n.includes('barcode')],
  ['tracks', (n) => n.some((f) => /^mediums\.\d+\.track\.\d+\.name$/.test(f))],
  [
    'lengths',
    (n) => {
      const tracks = n.filter((f) => /^mediums\.\d+\.track\.\d+\.name$/.test(f)).length;
      return tracks > 0 && n.filter((f) => /\.track\.\d+\.length$/.test(f)).length === tracks;
    },
  ],
  ['trk-artists', (n) => n.some((f) => /\.track\.\d+\.artist_credit\./.test(f))],
  ['links', (n) => n.some((f) => /^urls\.\d+\.link_type$/.test(f))],
  ['edit note', (n) => n.includes('edit_note')],
];

async function seedFieldNames(testCase: CorpusCase, complete?: Completer): Promise<string[]> {
  const found = await lookUpCase(testCase);
  const regions = testCase.regions ?? ['GB', 'US'];
  const declaration = providerDeclaration(testCase.provider)!;
  const merged = mergeReleases([
    {
      provider: testCase.provider,
      release: releaseSchema.parse(found.release),
      features: declaration.features,
      category: declaration.category,
      requested: true,
    },
  ]);
  const completed = complete && merged.release ? await complete(merged.release) : undefined;
  const result = lookupResultSchema.parse({
    id: 'benchbenchbe',
    createdAt: new Date(0).toISOString(),
    query: { urls: [], regions },
    release: completed?.release ?? merged.release,
    sources: { ...merged.sources, ...completed?.sources },
    conflicts: merged.conflicts,
    incompatible: [],
    providers: [
      {
        name: testCase.provider,
        displayName: declaration.displayName,
        url: found.url,
        apiUrl: found.apiUrl,
        lookup: { method: 'id', value: found.id },
      },
    ],
    messages: [...found.messages, ...(completed?.messages ?? [])],
  });
  const seed = buildReleaseSeed(result, { editorUrl: 'https://musicbrainz.org' });
  return seed.fields.map(([name]) => name);
}

async function main() {
  if (!corpusAvailable('bench:seeds')) process.exit(1);
  const complete = await loadCompleter();
  console.log(`Seed fields per recorded corpus case (${machineLine()})`);
  console.log(complete ? 'with the guesses (language, script, types)' : 'without guesses');
  const head = ['case', ...FIELDS.map(([name]) => name)];
  const rows: string[][] = [];
  const filled = FIELDS.map(() => 0);
  for (const testCase of CORPUS_CASES) {
    const names = await seedFieldNames(testCase, complete);
    const marks = FIELDS.map(([, has], i) => {
      const yes = has(names);
      if (yes) filled[i]!++;
      return yes ? '✓' : '·';
    });
    rows.push([`${testCase.provider}: ${testCase.name}`.slice(0, 48), ...marks]);
  }
  const rate = filled.map((n) => `${Math.round((n / CORPUS_CASES.length) * 100)}%`);
  const table = [head, ...rows, ['fill rate', ...rate]];
  const widths = head.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  const line = (r: string[]) => `| ${r.map((v, c) => v.padEnd(widths[c]!)).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of table.slice(1)) console.log(line(r));
}

await main();
