import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionHint } from './extension-hint.ts';

describe('the extension hint of `npm start`', () => {
  it('says nothing without the extension, how to build it, or where the builds are', () => {
    const dir = mkdtempSync(join(tmpdir(), 'liner-ext-'));
    expect(extensionHint(dir)).toBeUndefined();
    writeFileSync(join(dir, 'package.json'), '{}');
    expect(extensionHint(dir)).toMatch(/not built yet\. Run "npm run build:ext"/);
    for (const build of ['chrome-mv3', 'firefox-mv3']) {
      mkdirSync(join(dir, '.output', build), { recursive: true });
      writeFileSync(join(dir, '.output', build, 'manifest.json'), '{}');
    }
    const hint = extensionHint(dir)!;
    expect(hint).toContain(`${join(dir, '.output', 'chrome-mv3')} (chrome://extensions`);
    expect(hint).toContain(join(dir, '.output', 'firefox-mv3', 'manifest.json'));
  });
});
