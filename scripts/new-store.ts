/**
 * Adds a store from the template (scripts/store-template): its folder in shared/src/stores and
 * its provider folder in server/src/providers, named after it, and its one line in
 * shared/src/stores/registry.ts. Nothing else needs touching; `npm run check:stores` (and the
 * test suite) then says what the new store still lacks.
 *
 *   npm run new-store -- <name> "<Display name>"
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const TEMPLATE = join(ROOT, 'scripts/store-template');
const REGISTRY = join(ROOT, 'shared/src/stores/registry.ts');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Copies a template folder, with the placeholder name and display name replaced in names and text. */
function instantiate(from: string, to: string, name: string, displayName: string): void {
  if (existsSync(to)) throw new Error(`${to} exists already`);
  for (const file of files(from)) {
    const target = join(to, relative(from, file).replaceAll('examplestore', name));
    mkdirSync(dirname(target), { recursive: true });
    const text = readFileSync(file, 'utf8');
    writeFileSync(
      target,
      text.replaceAll('Example Store', displayName).replaceAll('examplestore', name),
    );
  }
}

/** The store's line, among the others in name order. */
function register(name: string): void {
  const line = `export { ${name} } from './${name}/store.ts';`;
  const lines = readFileSync(REGISTRY, 'utf8').split('\n');
  const entries = lines.filter((l) => l.startsWith('export {'));
  const after = entries.filter((l) => l < line).at(-1);
  const at = after ? lines.indexOf(after) + 1 : lines.indexOf(entries[0]!);
  lines.splice(at, 0, line);
  writeFileSync(REGISTRY, lines.join('\n'));
}

const [name, displayName = name] = process.argv.slice(2);
if (!name || !/^[a-z][a-z0-9]*$/.test(name)) {
  console.error(
    'usage: npm run new-store -- <name: lower-case letters and digits> "<Display name>"',
  );
  process.exit(2);
}
instantiate(join(TEMPLATE, 'store'), join(ROOT, 'shared/src/stores', name), name, displayName!);
instantiate(
  join(TEMPLATE, 'provider'),
  join(ROOT, 'server/src/providers', name),
  name,
  displayName!,
);
register(name);
console.log(
  `Added ${displayName}: shared/src/stores/${name}/, server/src/providers/${name}/ and its line in shared/src/stores/registry.ts. Now follow docs/providers.md.`,
);
