/**
 * Provider order per field. Configured orders come first; then providers are ranked by what they
 * declare they supply well; ties go to the provider whose URL the user gave, then to stores
 * before databases (a store knows its own release), then to the registry order.
 */
import type { ProviderName } from '@liner/shared';
import { QUALITY } from '../providers/types.ts';
import { FIELD_FEATURES, type MergeField, type MergeInput } from './types.ts';

const CATEGORY_RANK = { download: 0, streaming: 1, database: 2 } as const;

function featureScore(input: MergeInput, field: MergeField): number {
  const feature = FIELD_FEATURES[field];
  if (feature === undefined) return 0;
  const value = input.features[feature];
  return typeof value === 'number' ? value : QUALITY[value];
}

export function providerOrder(
  inputs: readonly MergeInput[],
  field: MergeField,
  configured: Readonly<Record<string, readonly ProviderName[]>> = {},
): ProviderName[] {
  const explicit = configured[field] ?? [];
  const rank = (input: MergeInput) => {
    const position = explicit.indexOf(input.provider);
    return position === -1 ? explicit.length : position;
  };
  return [...inputs]
    .map((input, index) => ({ input, index }))
    .sort(
      (a, b) =>
        rank(a.input) - rank(b.input) ||
        featureScore(b.input, field) - featureScore(a.input, field) ||
        Number(b.input.requested) - Number(a.input.requested) ||
        CATEGORY_RANK[a.input.category] - CATEGORY_RANK[b.input.category] ||
        a.index - b.index,
    )
    .map(({ input }) => input.provider);
}
