/**
 * What every registered store must have, checked from its declaration and its folders: recognition
 * tests, link types, a site entry (or a declared none), and a provider with at least one corpus
 * case (or a declared noProvider). Each problem names the store and the file to add or the field
 * to declare. Reads the tree under `root`, so it can check a copy with a throw-away store in it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { StoreDefinition } from '@liner/shared';
import type { RecognitionCases } from '@liner/shared/stores/recognition';
import type { CorpusCase } from '../corpus/types.ts';

export const storeFolder = (name: string) => `shared/src/stores/${name}`;
export const providerFolder = (name: string) => `server/src/providers/${name}`;

/** A module of the tree under root, or undefined when the file is not there. */
async function load<T>(root: string, path: string): Promise<T | undefined> {
  const file = join(root, path);
  return existsSync(file) ? ((await import(pathToFileURL(file).href)) as T) : undefined;
}

function recognitionProblems(name: string, recognition: RecognitionCases | undefined): string[] {
  const file = `${storeFolder(name)}/recognition.ts`;
  if (!recognition) return [`${name}: no recognition tests (add ${file})`];
  const problems: string[] = [];
  if (!recognition.recognized.some(([, type]) => type === 'release'))
    problems.push(`${name}: its recognition tests recognize no release page (${file})`);
  if (recognition.rejected.length === 0)
    problems.push(`${name}: its recognition tests reject no page of the store (${file})`);
  return problems;
}

async function providerProblems(root: string, store: StoreDefinition): Promise<string[]> {
  const { name } = store;
  if (typeof store.noProvider === 'string') return [];
  const folder = providerFolder(name);
  const module = await load<{ provider?: { name?: string } }>(root, `${folder}/index.ts`);
  if (!module)
    return [
      `${name}: no provider (add ${folder}/ from the template, or declare noProvider in ${storeFolder(name)}/store.ts)`,
    ];
  const problems: string[] = [];
  if (module.provider?.name !== name)
    problems.push(`${name}: ${folder}/index.ts exports no \`provider\` named "${name}"`);
  const corpus = await load<{ cases?: CorpusCase[] }>(root, `${folder}/corpus.ts`);
  if (!corpus?.cases?.some((c) => c.provider === name))
    problems.push(`${name}: no corpus case (add one to ${folder}/corpus.ts)`);
  return problems;
}

export async function storeCompleteness(root: string): Promise<string[]> {
  const registry = await load<Record<string, StoreDefinition>>(
    root,
    'shared/src/stores/registry.ts',
  );
  const problems: string[] = [];
  for (const [key, store] of Object.entries(registry ?? {})) {
    const name = store.name;
    const declared = `${storeFolder(name)}/store.ts`;
    if (key !== name) problems.push(`${name}: registered as "${key}" (the line must name it)`);
    problems.push(
      ...recognitionProblems(
        name,
        (
          await load<{ recognition?: RecognitionCases }>(
            root,
            `${storeFolder(name)}/recognition.ts`,
          )
        )?.recognition,
      ),
    );
    if (!Array.isArray(store.links?.release))
      problems.push(`${name}: no link types (declare links.release in ${declared})`);
    if (!store.site)
      problems.push(
        `${name}: no site entry (declare site in ${declared}, or site: { none: '<why>' })`,
      );
    problems.push(...(await providerProblems(root, store)));
  }
  return problems;
}
