import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '@/lib/content/check';
import { archivePaths, nginxMapEntries, parseRedirects, redirectFor, redirectKey } from '@/lib/content/redirects';

const archive = archivePaths({ pieces: new Set(['/articles/mon-article', '/interviews/valerie-march']), tags: new Set(['reseaux']), authors: new Set(['nelly-lambert']) });
const parse = (entries: unknown) => parseRedirects(JSON.stringify(entries), { isTarget: archive, isPage: archive });

describe('old addresses (content/redirects.json)', () => {
  it('keys a path without its trailing slash, with its query', () => {
    expect(redirectKey('/2010/05/12/mon-article/')).toBe('/2010/05/12/mon-article');
    expect(redirectKey('/')).toBe('/');
    expect(redirectKey('/?p=123')).toBe('/?p=123');
    expect(redirectKey('/tag/reseaux/?')).toBe('/tag/reseaux');
  });

  it('sends an old path, with or without its slash, and an old query to their page; the reader’s query is kept', () => {
    const { redirects, problems } = parse({ '/2010/05/12/mon-article/': '/articles/mon-article', '/?p=123': '/articles/mon-article', '/tag/reseaux/': '/tags/reseaux', '/feed/': '/flux/rss.xml' });
    expect(problems).toEqual([]);
    expect(redirectFor(redirects, '/2010/05/12/mon-article/', '')).toBe('/articles/mon-article');
    expect(redirectFor(redirects, '/2010/05/12/mon-article', '')).toBe('/articles/mon-article');
    expect(redirectFor(redirects, '/2010/05/12/mon-article/', '?utm_source=linkedin')).toBe('/articles/mon-article?utm_source=linkedin');
    expect(redirectFor(redirects, '/', '?p=123')).toBe('/articles/mon-article');
    expect(redirectFor(redirects, '/', '?p=124')).toBeNull();
    expect(redirectFor(redirects, '/', '')).toBeNull();
    expect(redirectFor(redirects, '/feed', '')).toBe('/flux/rss.xml');
    expect(redirectFor(redirects, '/constructor', '')).toBeNull();
  });

  it('reads an accented old address however its escapes are written: as typed, as WordPress exports it, as a browser sends it', () => {
    for (const written of ['/2010/05/café-réseau/', '/2010/05/caf%c3%a9-r%c3%a9seau/']) {
      const { redirects, problems } = parse({ [written]: '/articles/mon-article' });
      expect(problems).toEqual([]);
      expect(redirectFor(redirects, '/2010/05/caf%C3%A9-r%C3%A9seau/', '')).toBe('/articles/mon-article');
      expect(redirectFor(redirects, '/2010/05/caf%c3%a9-r%c3%a9seau', '?utm_source=x')).toBe('/articles/mon-article?utm_source=x');
    }
    // A malformed escape is kept as it is, and matches only itself.
    expect(redirectKey('/100%-utile/')).toBe('/100%-utile');
  });

  it('follows a chain to its last page', () => {
    const { redirects } = parse({ '/2010/05/mon-article/': '/2010/05/12/mon-article/', '/2010/05/12/mon-article/': '/articles/mon-article' });
    expect(redirectFor(redirects, '/2010/05/mon-article/', '')).toBe('/articles/mon-article');
  });

  it('names each entry it refuses and why, and keeps the others', () => {
    const { redirects, problems } = parse({
      'pas-un-chemin': '/articles/mon-article',
      '/ancien': 'https://ailleurs.example/',
      '/ancien-3': '/\\ailleurs.example',
      '/ancien-2/': '/articles/n-existe-pas',
      '/articles/mon-article/': '/interviews/valerie-march',
      '/a': '/b',
      '/b': '/a',
      '/bon/': '/tags/reseaux',
    });
    expect(problems).toEqual([
      'content/redirects.json, « pas-un-chemin » : l’ancienne adresse doit être un chemin qui commence par « / », sans espace ni « # ».',
      'content/redirects.json, « /ancien » : la nouvelle adresse « https://ailleurs.example/ » doit être un chemin du magazine : « /… », sans espace, jamais « // » ni « /\\ ».',
      'content/redirects.json, « /ancien-3 » : la nouvelle adresse « /\\ailleurs.example » doit être un chemin du magazine : « /… », sans espace, jamais « // » ni « /\\ ».',
      'content/redirects.json, « /articles/mon-article/ » : cette adresse est une page du magazine ; la rediriger la cacherait.',
      'content/redirects.json, « /ancien-2 » : « /articles/n-existe-pas » ne mène à aucune page publiée du magazine.',
      'content/redirects.json, « /a » : ces redirections tournent en rond.',
      'content/redirects.json, « /b » : ces redirections tournent en rond.',
    ]);
    expect(redirects).toEqual({ '/bon': '/tags/reseaux' });
    expect(parse({ '/a/': '/tags/reseaux', '/a': '/tags/reseaux' }).problems).toEqual(['content/redirects.json, « /a » : cette adresse est déjà redirigée par une autre entrée.']);
    expect(parseRedirects('{ "/a": ', { isTarget: archive, isPage: archive }).problems[0]).toMatch(/^content\/redirects\.json n’est pas du JSON valide/);
    expect(parseRedirects('["/a"]', { isTarget: archive, isPage: archive }).problems).toEqual(['content/redirects.json doit être un objet { "/ancienne/adresse/": "/nouvelle-adresse" }, chaque valeur une chaîne.']);
  });

  it('is checked by npm run content:check against the archive', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pdr-redirects-'));
    try {
      writeFileSync(path.join(dir, 'redirects.json'), JSON.stringify({ '/2010/05/12/perdu/': '/articles/perdu' }));
      expect(checkContent(dir)).toEqual(['content/redirects.json, « /2010/05/12/perdu » : « /articles/perdu » ne mène à aucune page publiée du magazine.']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes nginx’s map entries: decoded paths with and without their slash, queries apart, unreadable ones left to the magazine', () => {
    const { redirects } = parse({ '/2010/05/12/caf%C3%A9/': '/articles/mon-article', '/?p=7': '/tags/reseaux', '/a$b': '/tags/reseaux' });
    const { paths, queries, skipped } = nginxMapEntries(redirects);
    expect(paths).toContain('"/2010/05/12/café" "/articles/mon-article";\n"/2010/05/12/café/" "/articles/mon-article";');
    expect(queries).toContain('"/?p=7" "/tags/reseaux";');
    expect(skipped).toEqual(['/a$b']);
  });
});
