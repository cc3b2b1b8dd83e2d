/**
 * What the built content scripts carry: one script for every store site, with neither zod nor
 * webextension-polyfill in it (both stay in the background and the pages). Their sizes are
 * measured by `npm run bench:ext-size`; this only says what must not be in them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allSiteMatches } from '../../extension/src/sites.ts';
import { EXTENSION_DIR, extensionBuilt } from './support/extension-browser.ts';

const SCRIPTS = join(EXTENSION_DIR, 'content-scripts');

describe.skipIf(!extensionBuilt())('the built content scripts', () => {
  it('are one for the store sites and one for MusicBrainz', () => {
    expect(
      readdirSync(SCRIPTS)
        .filter((f) => f.endsWith('.js'))
        .sort(),
    ).toEqual(['musicbrainz.js', 'stores.js']);
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    const stores = manifest.content_scripts.find((s: { js: string[] }) =>
      s.js.includes('content-scripts/stores.js'),
    );
    expect([...stores.matches].sort()).toEqual([...allSiteMatches()].sort());
  });

  it.each(['stores.js', 'musicbrainz.js'])('%s carries no zod and no polyfill', (file) => {
    const code = readFileSync(join(SCRIPTS, file), 'utf8');
    expect(code).not.toContain('$ZodType');
    expect(code).not.toContain('webextension-polyfill');
  });
});
