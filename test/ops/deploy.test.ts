/**
 * Checks of the deployment files that need no container engine (none runs here): the systemd unit
 * through systemd-analyze, the Dockerfile through a Dockerfile linter (dockerfile-utils), and
 * both with the compose file for structure, pinning, health checks and settings Liner reads.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../server/src/config/load.ts';
import { need } from '../support/skip.ts';

const deploy = resolve(import.meta.dirname, '../../docs/deploy');
const repo = resolve(deploy, '../..');
const read = (name: string) => readFileSync(join(deploy, name), 'utf8');

/** Settings given by variables must be ones Liner knows: loading them must not fail. */
function expectKnownSettings(env: Record<string, string>) {
  // LINER_CONFIG names the file to read, not a setting: the file itself is the operator's.
  const sample = Object.fromEntries(
    Object.entries(env)
      .filter(([key]) => key !== 'LINER_CONFIG')
      .map(([key, value]) => [key, key.endsWith('_FILE') ? '/dev/null' : value]),
  );
  const readFile = (path: string) =>
    path === '/dev/null'
      ? sample.DATABASE_URL_FILE
        ? 'postgres://u@db/liner'
        : 'x'.repeat(32)
      : readFileSync(path, 'utf8');
  expect(() => loadConfig({ env: sample, cwd: tmpdir(), readFile })).not.toThrow();
}

describe('systemd unit', () => {
  const hasSystemd = spawnSync('systemd-analyze', ['--version']).status === 0;
  it.skipIf(
    !need('systemd-analyze verify', hasSystemd, 'systemd-analyze is not installed', {
      requiredInCi: false,
    }),
  )('passes systemd-analyze verify without a warning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'liner-unit-'));
    // verify checks that ExecStart's binary exists: point it at this machine's node.
    writeFileSync(
      join(dir, 'liner.service'),
      read('liner.service').replaceAll('/usr/bin/node', process.execPath),
    );
    const result = spawnSync('systemd-analyze', ['verify', join(dir, 'liner.service')], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(`${result.stdout}${result.stderr}`.trim()).toBe('');
  });

  it('is hardened and may write only its data directory', () => {
    const unit = read('liner.service');
    for (const line of [
      'NoNewPrivileges=true',
      'PrivateTmp=true',
      'ProtectSystem=strict',
      'ProtectHome=true',
      'ReadWritePaths=/var/lib/liner',
      'StateDirectory=liner',
    ]) {
      expect(unit).toContain(line);
    }
    expect(unit.match(/^ReadWritePaths=/gm)).toHaveLength(1);
    const env = Object.fromEntries(
      [...unit.matchAll(/^Environment=(\w+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]),
    );
    expectKnownSettings(env);
  });
});

describe('Dockerfile', () => {
  const text = read('Dockerfile');
  const instructions = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

  it('passes a Dockerfile linter (the parser of the Docker language server) without a finding', () => {
    expect(validate(text)).toEqual([]);
    // The linter does find what a hand edit could break:
    const broken = text.replace(/HEALTHCHECK --interval=\S+/, 'HEALTHCHECK --interval=often');
    expect(validate(broken).map((d) => d.message)).toContain('time: invalid duration often');
  });

  it('uses only known instructions, pinned multi-stage bases, a non-root user and a health check', () => {
    const known = [
      'FROM',
      'WORKDIR',
      'COPY',
      'RUN',
      'ENV',
      'USER',
      'VOLUME',
      'EXPOSE',
      'HEALTHCHECK',
      'CMD',
      'ARG',
      'LABEL',
    ];
    for (const line of instructions) expect(known).toContain(line.split(/\s+/)[0]);
    const froms = instructions.filter((l) => l.startsWith('FROM '));
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const from of froms) expect(from).toMatch(/^FROM \S+:\d+\.\d+\.\d+-\S+ AS \w+$/);
    const stages = froms.map((f) => f.split(' AS ')[1]);
    for (const copy of instructions.filter((l) => l.includes('--from=')))
      expect(stages).toContain(/--from=(\w+)/.exec(copy)![1]);
    const finalStage = instructions.slice(instructions.lastIndexOf(froms.at(-1)!));
    const user = finalStage.filter((l) => l.startsWith('USER ')).at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/USER (root|0)\b/);
    expect(finalStage.some((l) => l.startsWith('HEALTHCHECK '))).toBe(true);
    const cmd = finalStage.find((l) => l.startsWith('CMD '))!;
    expect(JSON.parse(cmd.slice(4))).toEqual(['node', 'server/bin/liner.js', 'serve']);
  });

  it('copies only paths that exist and sets only settings Liner knows', () => {
    for (const line of instructions.filter(
      (l) => l.startsWith('COPY ') && !l.includes('--from='),
    )) {
      const parts = line
        .split(/\s+/)
        .filter((p) => !p.startsWith('--'))
        .slice(1, -1);
      for (const path of parts) expect(existsSync(join(repo, path)), path).toBe(true);
    }
    const env = Object.fromEntries(
      instructions
        .filter((l) => l.startsWith('ENV '))
        .flatMap((l) => [...l.slice(4).matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1]!, m[2]!])),
    );
    expect(env.LINER_HOST).toBe('0.0.0.0');
    expectKnownSettings({ ...env, LINER_API_TOKEN: 'x'.repeat(32) });
  });
});

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml'));

  it('starts the app after PostgreSQL is healthy, with pinned images, a named volume and health checks', () => {
    const { db, liner } = compose.services;
    expect(db.image).toMatch(/^postgres:\d+\.\d+/);
    expect(db.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(liner.depends_on).toEqual({ db: { condition: 'service_healthy' } });
    expect(liner.healthcheck.test.join(' ')).toContain('/ready');
    expect(liner.image).toMatch(/^liner:\d+\.\d+\.\d+$/);
    expect(Object.keys(compose.volumes)).toContain('pgdata');
    expect(db.volumes).toContain('pgdata:/var/lib/postgresql/data');
    for (const port of liner.ports) expect(port).toMatch(/^127\.0\.0\.1:/);
    for (const secret of [...db.secrets, ...liner.secrets])
      expect(compose.secrets[secret]).toBeDefined();
    expect(existsSync(join(deploy, liner.build.context, liner.build.dockerfile))).toBe(true);
    expectKnownSettings(liner.environment);
  });
});

describe('deployment guide', () => {
  it('says plainly that no container engine ran here', () => {
    expect(read('README.md')).toMatch(/no Docker engine/i);
  });
});
