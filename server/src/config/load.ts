import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { SECRET_KEYS } from '../log.ts';
import { settingsFromEnv } from './env.ts';
import { type Config, configSchema } from './schema.ts';

export const DEFAULT_CONFIG_FILE = 'liner.yaml';

/** A configuration that cannot be used; the message is one line naming key, value and source. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export interface LoadConfigOptions {
  env?: Readonly<Record<string, string | undefined>>;
  /** Config file path; default $LINER_CONFIG, else ./liner.yaml when it exists. */
  file?: string;
  cwd?: string;
  /** Values from command-line flags, applied last (e.g. { server: { port: 8080 } }). */
  overrides?: Record<string, unknown>;
  readFile?: (path: string) => string;
}

export interface LoadedConfig {
  config: Config;
  file: string | undefined;
  /** Where each explicitly set path came from, for error messages and `liner config`. */
  sources: Map<string, string>;
}

type Tree = Record<string, unknown>;

function setPath(tree: Tree, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = tree;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Tree;
  }
  node[keys.at(-1)!] = value;
}

function getPath(tree: unknown, path: readonly PropertyKey[]): unknown {
  let node = tree;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function flatten(tree: unknown, prefix: string, out: Map<string, unknown>): void {
  if (typeof tree === 'object' && tree !== null && !Array.isArray(tree)) {
    for (const [key, value] of Object.entries(tree)) {
      flatten(value, prefix ? `${prefix}.${key}` : key, out);
    }
  } else if (prefix) out.set(prefix, tree);
}

export function isSecretPath(path: string): boolean {
  return SECRET_KEYS.some((pattern) => {
    const re = new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\*/g, '[^.]+')}(\\.|$)`);
    return re.test(path);
  });
}

function findSource(sources: Map<string, string>, path: string): string {
  for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const source = sources.get(p);
    if (source) return source;
  }
  // An unknown section ("servr") is only known through the settings below it.
  for (const [key, source] of sources) if (key.startsWith(`${path}.`)) return source;
  return 'default';
}

function describeIssue(issue: z.core.$ZodIssue, raw: Tree, sources: Map<string, string>): string {
  if (issue.code === 'unrecognized_keys') {
    const base = issue.path.map(String).join('.');
    const key = issue.keys[0]!;
    const path = base ? `${base}.${key}` : key;
    return `unknown setting "${path}" (from ${findSource(sources, path)})`;
  }
  const path = issue.path.map(String).join('.');
  // A mapping's key that is not allowed (merge.preferences.releasdate): the key is the problem.
  if (issue.code === 'invalid_key') {
    const inner = issue.issues[0]?.message ?? issue.message;
    return `${path}: ${inner} (from ${findSource(sources, path)})`;
  }
  const value = getPath(raw, issue.path);
  const shown = isSecretPath(path) ? '"[redacted]"' : (JSON.stringify(value) ?? 'nothing');
  const expected = issue.message.replace(/^Invalid (input|option): expected /, '');
  return `${path} = ${shown} (from ${findSource(sources, path)}): expected ${expected}`;
}

/** Reads defaults < YAML file < environment < *_FILE < command-line flags, then validates. */
export function loadConfig(options: LoadConfigOptions = {}): LoadedConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const readFile = options.readFile ?? ((path: string) => readFileSync(path, 'utf8'));
  const sources = new Map<string, string>();

  let file = options.file ?? env.LINER_CONFIG;
  const explicit = file !== undefined;
  file ??= DEFAULT_CONFIG_FILE;
  file = resolve(cwd, file);
  let raw: Tree = {};
  if (existsSync(file)) {
    let parsed: unknown;
    try {
      parsed = parseYaml(readFile(file));
    } catch (error) {
      const where = error instanceof YAMLParseError ? ` at line ${error.linePos?.[0].line}` : '';
      throw new ConfigError(`invalid configuration: ${file} is not valid YAML${where}`);
    }
    if (parsed !== null && parsed !== undefined) {
      if (typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new ConfigError(`invalid configuration: ${file} must hold a mapping of settings`);
      }
      raw = parsed as Tree;
    }
    const flat = new Map<string, unknown>();
    flatten(raw, '', flat);
    for (const path of flat.keys()) sources.set(path, file);
  } else if (explicit) {
    throw new ConfigError(`invalid configuration: config file ${file} does not exist`);
  } else {
    file = undefined;
  }

  let envSettings: ReturnType<typeof settingsFromEnv>;
  try {
    envSettings = settingsFromEnv(env, readFile);
  } catch (error) {
    throw new ConfigError(`invalid configuration: ${(error as Error).message}`);
  }
  for (const setting of envSettings) {
    setPath(raw, setting.path, setting.value);
    sources.set(
      setting.path,
      setting.file ? `${setting.variable}=${setting.file}` : setting.variable,
    );
  }
  const overrides = new Map<string, unknown>();
  flatten(options.overrides ?? {}, '', overrides);
  for (const [path, value] of overrides) {
    if (value === undefined) continue;
    setPath(raw, path, value);
    sources.set(path, 'command line');
  }

  const result = configSchema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(
      `invalid configuration: ${describeIssue(result.error.issues[0]!, raw, sources)}`,
    );
  }
  const config = result.data;
  const base = file ? dirname(file) : cwd;
  if (!isAbsolute(config.database.dataDir))
    config.database.dataDir = resolve(base, config.database.dataDir);
  return { config, file, sources };
}

/** A copy of the configuration safe to print or log. */
export function redactConfig(config: Config): Tree {
  const copy = structuredClone(config) as unknown as Tree;
  const flat = new Map<string, unknown>();
  flatten(copy, '', flat);
  for (const [path, value] of flat) {
    if (value !== undefined && isSecretPath(path)) setPath(copy, path, '[redacted]');
  }
  return copy;
}
