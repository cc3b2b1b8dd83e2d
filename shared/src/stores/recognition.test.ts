import { describe, expect, it } from 'vitest';
import { recognizeUrl, STORES } from './index.ts';
import type { RecognitionCases } from './recognition.ts';

/** A store's recognition tests; the store completeness test names a store without them. */
async function recognitionOf(name: string): Promise<RecognitionCases | undefined> {
  try {
    return ((await import(`./${name}/recognition.ts`)) as { recognition: RecognitionCases })
      .recognition;
  } catch {
    return undefined;
  }
}

const cases = await Promise.all(
  STORES.map(async (store) => [store.name, await recognitionOf(store.name)] as const),
);

describe.each(cases)('%s URL recognition', (name, recognition) => {
  it('has recognition tests in its folder', () => {
    expect(recognition, `shared/src/stores/${name}/recognition.ts`).toBeDefined();
  });

  it.each(recognition?.recognized ?? [])('%s -> %s %s', (input, type, canonical) => {
    const { entity, canonicalUrl } = recognizeUrl(input);
    expect(entity.store).toBe(name);
    expect(entity.type).toBe(type);
    expect(canonicalUrl).toBe(canonical);
  });

  it.each(recognition?.rejected ?? [])('rejects the non-entity page %s', (input) => {
    expect(() => recognizeUrl(input)).toThrow(
      expect.objectContaining({ kind: 'unsupported-page' }),
    );
  });
});
