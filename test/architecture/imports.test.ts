/**
 * The import rules `npm run check` enforces (.dependency-cruiser.cjs), run on a small tree that
 * breaks each of them once: a circle, and an import upwards from every module of the lowest floor.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type IViolation } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';

const rules = createRequire(import.meta.url)('../../.dependency-cruiser.cjs');

const TREE: Record<string, string> = {
  'shared/src/model.ts': "import { x } from '../../server/src/util/x.ts';\nexport const m = x;",
  'server/src/util/x.ts': "import { c } from '../config/c.ts';\nexport const x = c;",
  'server/src/log.ts': "import { s } from './services/s.ts';\nexport const l = s;",
  'server/src/config/c.ts': "import { m } from '../merge/m.ts';\nexport const c = m;",
  'server/src/config/d.ts':
    "import { l } from '../log.ts';\nimport { x } from '../util/x.ts';\nexport const d = [l, x];",
  'server/src/services/s.ts': 'export const s = 1;',
  'server/src/merge/m.ts': "import { n } from './n.ts';\nexport const m = n;",
  'server/src/merge/n.ts': "import { m } from './m.ts';\nexport const n = () => m;",
};

describe('import rules', () => {
  const root = mkdtempSync(join(tmpdir(), 'liner-imports-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('names every circle and every upward import from config, log, util and shared', async () => {
    for (const [file, text] of Object.entries(TREE)) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    }
    const result = await cruise(['shared', 'server'], {
      baseDir: root,
      validate: true,
      ruleSet: { forbidden: rules.forbidden },
      tsPreCompilationDeps: true,
    });
    if (typeof result.output === 'string') throw new Error('expected a cruise result');
    const broken = result.output.summary.violations.map(
      (v: IViolation) => `${v.rule.name}: ${v.from} -> ${v.to}`,
    );
    expect(broken).toEqual(
      expect.arrayContaining([
        'shared-imports-nothing-above: shared/src/model.ts -> server/src/util/x.ts',
        'util-imports-nothing-above: server/src/util/x.ts -> server/src/config/c.ts',
        'log-imports-nothing-above: server/src/log.ts -> server/src/services/s.ts',
        'config-imports-nothing-above: server/src/config/c.ts -> server/src/merge/m.ts',
      ]),
    );
    expect(broken.some((line: string) => line.startsWith('no-circular: server/src/merge/'))).toBe(
      true,
    );
    // Down the floor (config -> log, config -> util) is allowed.
    expect(broken.filter((line: string) => line.includes('config/d.ts'))).toEqual([]);
  });
});
