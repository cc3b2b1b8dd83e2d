/**
 * The last step of every import, whatever started it (a store page, the comparison on a release
 * page, the editor's paste box): the seed is pointed at the MusicBrainz site the options choose,
 * validated for that site (and the release an edit is for), and handed to the post page, which
 * opens in a new tab or in the tab the user is in. A seed that fails validation is refused with
 * the reasons, never posted.
 */
import type { Seed } from '@liner/shared/seed/types';
import { seedAddsNothing, validateSeed } from '@liner/shared/seed/validate';
import type { ImportResponse } from '../messages.ts';
import { samePageOn } from '../musicbrainz-pages.ts';
import { musicBrainzUrl, type Settings } from '../settings/schema.ts';
import type { BackgroundDeps } from './deps.ts';

export type ImportFailure = Extract<ImportResponse, { ok: false }>;

/** Opens the post page: a new tab, or the sender's own tab. */
export type Opener = (pageUrl: string) => Promise<void>;

/** Undefined when the seed was handed over; else why it was not. */
export async function handOver(
  deps: BackgroundDeps,
  settings: Settings,
  seed: Seed,
  target: { existing?: string | undefined; open: Opener },
): Promise<ImportFailure | undefined> {
  // An edit that adds nothing is not posted: MusicBrainz would only open an unchanged editor.
  if (seedAddsNothing(seed)) {
    return {
      ok: false,
      problem: {
        kind: 'not-found',
        message: 'MusicBrainz already has all of this: there is nothing to add to the release.',
        retryable: false,
      },
    };
  }
  const editorUrl = musicBrainzUrl(settings);
  // The same path and query on the MusicBrainz site the user chose.
  const final = { ...seed, url: samePageOn(seed.url, editorUrl) };
  // The redirect must lead back to the server the options name, whatever that server said.
  const checked = {
    editorUrl,
    serverUrl: settings.serverUrl,
    ...(target.existing ? { existing: target.existing } : {}),
  };
  const seedProblems = validateSeed(final, checked);
  if (final.action !== (target.existing ? 'edit' : 'add'))
    seedProblems.push({
      field: '(action)',
      message: target.existing
        ? `an edit of ${target.existing} was asked for, but the seed makes a new release`
        : 'a new release was asked for, but the seed edits an existing one',
    });
  if (seedProblems.length > 0) {
    const list = seedProblems.map((p) => `${p.field}: ${p.message}`).join('; ');
    return {
      ok: false,
      problem: {
        kind: 'bad-answer',
        message: `Liner did not post this seed, because MusicBrainz would drop parts of it: ${list}`,
        retryable: false,
      },
      seedProblems,
    };
  }
  const id = await deps.seeds.put({ seed: final, target: checked });
  await target.open(deps.pageUrl(`/post.html#${id}`));
  return undefined;
}
