/**
 * Label lines MusicBrainz would not take as they are. A distributor's placeholder (DistroKid
 * names every release it delivers "DistroKid" or "<number> Records DK") is no imprint: the
 * release has MusicBrainz's "[no label]". A label that only repeats the artist's name may be a
 * self-release or a real imprint: the editor is asked to check.
 */
import type { Label, LookupMessage, Release } from '@liner/shared';
import { simplifyName } from '@liner/shared';
import { NO_LABEL_MBID } from '../providers/common/various.ts';

/** Placeholder label names of distributors, as the stores show them. */
const DISTRIBUTOR_PLACEHOLDERS = /^(?:distro ?kid|\d+ records dk\d*)$/i;

export function isDistributorPlaceholder(name: string): boolean {
  return DISTRIBUTOR_PLACEHOLDERS.test(name.trim());
}

export function reviewLabels(release: Release): { labels: Label[]; messages: LookupMessage[] } {
  const messages: LookupMessage[] = [];
  const labels = release.labels.map((label): Label => {
    if (!isDistributorPlaceholder(label.name)) return label;
    messages.push({
      level: 'info',
      text: `"${label.name}" is a distributor's placeholder, not a label: seeded as [no label].`,
    });
    return {
      name: '[no label]',
      mbid: NO_LABEL_MBID,
      externalIds: [],
      ...(label.catalogNumber ? { catalogNumber: label.catalogNumber } : {}),
    };
  });
  const artistNames = new Set(
    [
      ...release.artists.map((a) => a.creditedName ?? a.name),
      release.artists.map((a) => (a.creditedName ?? a.name) + (a.joinPhrase ?? '')).join(''),
    ].map(simplifyName),
  );
  for (const label of labels)
    if (label.mbid !== NO_LABEL_MBID && artistNames.has(simplifyName(label.name)))
      messages.push({
        level: 'warning',
        text: `The label "${label.name}" only repeats the artist's name: check that it is a real imprint (a release the artist put out alone has the label [no label]).`,
      });
  return { labels, messages };
}
