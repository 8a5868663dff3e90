import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The README is a map and docs/ the manual: every setting of lib/env.ts is described there, the
// README stays short and opens on the two commands, and no relative link leads nowhere.
const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const docFiles = readdirSync(path.join(root, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => `docs/${name}`);

/** The keys of the zod object `schema` in lib/env.ts: the settings the magazine reads. */
function settingNames(): string[] {
  const source = read('lib/env.ts');
  const start = source.indexOf('const schema = z.object({');
  const end = source.indexOf('\n});', start);
  expect(start, 'lib/env.ts : « const schema = z.object({ » introuvable').toBeGreaterThanOrEqual(0);
  expect(end, 'lib/env.ts : la fin de l’objet schema (« }); ») introuvable').toBeGreaterThan(start);
  return [...source.slice(start, end).matchAll(/^ {2}([A-Z][A-Z0-9_]*)\s*:/gm)].map((match) => match[1] ?? '');
}

/** Markdown without its fenced code blocks (a shell line is not a link). */
const withoutCode = (text: string) => text.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');

describe('the documentation', () => {
  it('describes in docs/ every setting that lib/env.ts reads', () => {
    const names = settingNames();
    expect(names.length).toBeGreaterThan(30);
    expect(new Set(names).size).toBe(names.length);
    const docs = docFiles.map(read).join('\n');
    const undocumented = names.filter((name) => !docs.includes(`\`${name}\``) && !new RegExp(`\\|\\s*${name}\\s*\\|`).test(docs));
    expect(undocumented, 'réglages de lib/env.ts décrits nulle part dans docs/ (ajoutez-les au tableau « Réglages » de docs/exploitation.md)').toEqual([]);
  });

  it('keeps the README within 10 kB', () => {
    expect(statSync(path.join(root, 'README.md')).size).toBeLessThanOrEqual(10_240);
  });

  it('opens the README on the two commands, before any section', () => {
    const readme = read('README.md');
    const block = /^```bash\n([\s\S]*?)^```$/m.exec(readme);
    expect(block, 'README.md : pas de bloc ```bash').not.toBeNull();
    const firstSection = readme.search(/^## /m);
    expect(block?.index ?? Infinity).toBeLessThan(firstSection === -1 ? Infinity : firstSection);
    const commands = (block?.[1] ?? '').split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
    expect(commands).toEqual(['npm ci && npm run dev', 'npm ci && npm test']);
  });

  it.each(['README.md', ...docFiles])('links from %s only to files that exist', (file) => {
    const targets = [...withoutCode(read(file)).matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1] ?? '');
    const relative = targets.filter((target) => !/^([a-z][a-z+.-]*:|#)/i.test(target));
    expect(targets.length, `${file} : aucun lien trouvé`).toBeGreaterThan(0);
    const missing = relative.filter((target) => !existsSync(path.resolve(root, path.dirname(file), decodeURI(target.replace(/#.*$/, '')))));
    expect(missing, `liens de ${file} vers des fichiers qui n’existent pas`).toEqual([]);
  });
});
