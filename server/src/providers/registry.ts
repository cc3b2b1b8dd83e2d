/**
 * The providers, found from the one list of stores (`shared/src/stores/registry.ts`): every store
 * that does not declare `noProvider` has its provider in `./<name>/index.ts`, exported as
 * `provider`. So a store is its folders and one line in that list; allowed hosts, rate limits,
 * merge preferences and CLI names derive from the declarations. A folder missing or exporting
 * the wrong thing stops the start with a message naming it.
 */
import { type ProviderName, STORES } from '@liner/shared';
import type { ProviderDeclaration } from './types.ts';

async function load(name: ProviderName): Promise<ProviderDeclaration> {
  const where = `server/src/providers/${name}/index.ts`;
  let module: { provider?: ProviderDeclaration };
  try {
    module = await import(`./${name}/index.ts`);
  } catch (error) {
    throw new Error(
      `the store "${name}" has no provider (${where}: ${(error as Error).message}); add one, or declare noProvider in its store.ts`,
    );
  }
  const provider = module.provider;
  if (provider?.name !== name || typeof provider.create !== 'function')
    throw new Error(`${where} must export \`provider\`, the declaration of provider "${name}"`);
  return provider;
}

export const PROVIDERS: ReadonlyMap<ProviderName, ProviderDeclaration> = new Map(
  await Promise.all(
    STORES.filter((store) => store.noProvider === undefined).map(
      async (store) => [store.name, await load(store.name)] as const,
    ),
  ),
);

export function providerDeclaration(name: ProviderName): ProviderDeclaration | undefined {
  return PROVIDERS.get(name);
}
