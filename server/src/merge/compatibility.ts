/**
 * Which releases describe the same product. Releases with different barcodes or different track
 * counts are not merged; they are grouped, one group is used, and the others are reported so the
 * user can pick another group instead of hitting a dead end.
 */
import {
  gtinKey,
  type Incompatibility,
  type ProviderName,
  trackCount,
  trackCountSummary,
} from '@liner/shared';
import type { MergeInput } from './types.ts';

export interface Cluster {
  members: MergeInput[];
  gtin?: string;
  tracks: number;
}

export function fits(cluster: Cluster, input: MergeInput): boolean {
  if (trackCount(input.release) !== cluster.tracks) return false;
  const gtin = input.release.gtin;
  return !gtin || !cluster.gtin || gtinKey(gtin) === gtinKey(cluster.gtin);
}

export function clusterReleases(inputs: readonly MergeInput[]): Cluster[] {
  const clusters: Cluster[] = [];
  for (const input of inputs) {
    const cluster = clusters.find((c) => fits(c, input));
    if (cluster) {
      cluster.members.push(input);
      cluster.gtin ??= input.release.gtin;
    } else {
      clusters.push({
        members: [input],
        tracks: trackCount(input.release),
        ...(input.release.gtin ? { gtin: input.release.gtin } : {}),
      });
    }
  }
  return clusters;
}

/** The group to use: the preferred provider's, else the user's own URL's, else the largest. */
export function chooseCluster(
  clusters: readonly Cluster[],
  prefer?: ProviderName,
): Cluster | undefined {
  const has = (c: Cluster, p: (m: MergeInput) => boolean) => c.members.some(p);
  return (
    (prefer && clusters.find((c) => has(c, (m) => m.provider === prefer))) ||
    clusters.find((c) => has(c, (m) => m.requested)) ||
    [...clusters].sort((a, b) => b.members.length - a.members.length)[0]
  );
}

/**
 * The chosen group plus every release without a barcode whose tracks fit it: such a release can
 * belong to any group, so it follows the user's choice instead of the first group it met.
 */
export function withFloating(chosen: Cluster, inputs: readonly MergeInput[]): MergeInput[] {
  return inputs.filter(
    (input) => chosen.members.includes(input) || (!input.release.gtin && fits(chosen, input)),
  );
}

export function describeIncompatible(chosen: Cluster, other: Cluster): Incompatibility {
  const first = other.members[0]!.release;
  const reasons: string[] = [];
  if (other.tracks !== chosen.tracks)
    reasons.push(`${other.tracks} tracks instead of ${chosen.tracks}`);
  if (other.gtin && chosen.gtin && gtinKey(other.gtin) !== gtinKey(chosen.gtin)) {
    reasons.push(`barcode ${other.gtin} instead of ${chosen.gtin}`);
  }
  return {
    providers: other.members.map((m) => m.provider),
    reason: reasons.join(' and ') || 'a different release',
    ...(other.gtin ? { gtin: other.gtin } : {}),
    tracks: trackCountSummary(first),
    title: first.title,
  };
}
