import { z } from 'zod';

// Old addresses that answer 301 to their new page (issue 31): `content/redirects.json`, an object
// from an old path to a path of the magazine, committed like the pieces (written by
// `npm run import`, or by hand when a piece changes its slug):
//
//   { "/2010/05/12/mon-article/": "/articles/mon-article", "/?p=123": "/articles/mon-article" }
//
// A path is matched without its trailing slash, an old path with a query (WordPress's `/?p=123`)
// only with that very query; a path matched alone keeps the reader's query (`?utm_source=…`).
// Checked by `npm run content:check` and by the build (lib/content/manifest.ts), which keeps them
// in the content's manifest; served before Next by lib/http/request-guard.ts; and, for nginx,
// `npm run content:redirects` writes them as a map (docs/exploitation.md, « Anciennes adresses »).

export const REDIRECTS_FILE = 'redirects.json';

/** Where the old paths go, by their key (`redirectKey`), chains resolved to their last page. */
export type Redirects = Record<string, string>;

const MAX_LENGTH = 2048;
/** `//host` and `/\host`, which browsers read as another site's address. */
const OTHER_SITE = /^\/[\\/]/;
const MAX_CHAIN = 10;

/** A path's escapes written one way: `/café/`, `/caf%c3%a9/` and `/caf%C3%A9/` (as browsers send it) are one address. */
function canonicalEscapes(pathname: string): string {
  if (!/%|[^\x00-\x7f]/.test(pathname)) return pathname;
  try {
    return encodeURI(decodeURI(pathname));
  } catch {
    return pathname;
  }
}

/** How a path is looked up: without its trailing slash (but `/`), its escapes canonical, with its query when it has one. */
export function redirectKey(path: string): string {
  const query = path.indexOf('?');
  const pathname = canonicalEscapes(query === -1 ? path : path.slice(0, query));
  const trimmed = pathname.length > 1 && pathname.endsWith('/') ? pathname.replace(/\/+$/, '') || '/' : pathname;
  return query === -1 || query === path.length - 1 ? trimmed : `${trimmed}${path.slice(query)}`;
}

const fileSchema = z.record(z.string(), z.string());

/**
 * The redirects of `text` (the file's content), and the problems that make them unusable, each
 * naming the entry: a path that is not one, a target that is no page (`isTarget`), an old path that
 * is a page of the magazine (`isPage`), two entries for one path, a loop.
 */
export function parseRedirects(
  text: string,
  { isTarget, isPage }: { isTarget: (path: string) => boolean; isPage: (path: string) => boolean },
  file = `content/${REDIRECTS_FILE}`,
): { redirects: Redirects; problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { redirects: {}, problems: [`${file} n’est pas du JSON valide (${error instanceof Error ? error.message : String(error)}).`] };
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    return { redirects: {}, problems: [`${file} doit être un objet { "/ancienne/adresse/": "/nouvelle-adresse" }, chaque valeur une chaîne.`] };
  }
  const problems: string[] = [];
  const direct = new Map<string, string>();
  for (const [from, to] of Object.entries(parsed.data)) {
    const entry = `${file}, « ${from} »`;
    if (!from.startsWith('/') || OTHER_SITE.test(from) || from.includes('#') || from.length > MAX_LENGTH || /\s/.test(from)) {
      problems.push(`${entry} : l’ancienne adresse doit être un chemin qui commence par « / », sans espace ni « # ».`);
      continue;
    }
    if (!to.startsWith('/') || OTHER_SITE.test(to) || /\s/.test(to)) {
      problems.push(`${entry} : la nouvelle adresse « ${to} » doit être un chemin du magazine : « /… », sans espace, jamais « // » ni « /\\ ».`);
      continue;
    }
    const key = redirectKey(from);
    if (direct.has(key)) {
      problems.push(`${entry} : cette adresse est déjà redirigée par une autre entrée.`);
      continue;
    }
    // An old query on a page (WordPress's `/?p=123`) does not hide the page.
    if (!key.includes('?') && isPage(key)) {
      problems.push(`${entry} : cette adresse est une page du magazine ; la rediriger la cacherait.`);
      continue;
    }
    direct.set(key, to);
  }
  const redirects: Redirects = {};
  for (const [key, to] of direct) {
    let target = to;
    const seen = new Set([key]);
    for (let step = 0; step < MAX_CHAIN && direct.has(redirectKey(target)); step++) {
      const next = redirectKey(target);
      if (seen.has(next)) {
        target = '';
        break;
      }
      seen.add(next);
      target = direct.get(next) as string;
    }
    if (!target) {
      problems.push(`${file}, « ${key} » : ces redirections tournent en rond.`);
      continue;
    }
    if (!isTarget(target)) {
      problems.push(`${file}, « ${key} » : « ${target} » ne mène à aucune page publiée du magazine.`);
      continue;
    }
    redirects[key] = target;
  }
  return { redirects, problems };
}

/**
 * Where a request for `pathname` (with `search`, its query and its `?`, or '') is sent, or null:
 * an entry for the path and its query first, then for the path alone (the query then kept).
 */
export function redirectFor(redirects: Redirects, pathname: string, search: string): string | null {
  const key = redirectKey(pathname);
  if (search.length > 1 && Object.hasOwn(redirects, `${key}${search}`)) return redirects[`${key}${search}`] as string;
  if (!Object.hasOwn(redirects, key)) return null;
  const target = redirects[key] as string;
  return search.length > 1 ? `${target}${target.includes('?') ? `&${search.slice(1)}` : search}` : target;
}

const FEEDS = ['rss.xml', 'atom.xml', 'feed.json'];
const PAGES = new Set(['/', '/interviews', '/articles', '/tags', '/auteurs', '/recherche', '/lettre', '/les-plus-apprecies', '/charte', '/confidentialite', '/transparence', '/signalement']);

/**
 * Whether a path (query and trailing slash aside) is a page of an archive of these pieces
 * (`/articles/mon-article`), tags and authors (their slugs): its sections, tags, authors, its
 * other pages and its feeds.
 */
export function archivePaths({ pieces, tags, authors }: { pieces: ReadonlySet<string>; tags: ReadonlySet<string>; authors: ReadonlySet<string> }): (path: string) => boolean {
  return (path) => {
    const clean = redirectKey(path.split(/[?#]/)[0] ?? '/');
    if (PAGES.has(clean) || pieces.has(clean)) return true;
    const [first, second, third, fourth] = clean.split('/').slice(1);
    if (first === 'tags' && second !== undefined && third === undefined) return tags.has(second);
    if (first === 'auteurs' && second !== undefined && third === undefined) return authors.has(second);
    if (first === 'flux') {
      if (third === undefined) return FEEDS.includes(second ?? '');
      if (second === 'rubrique') return (third === 'interviews' || third === 'articles') && FEEDS.includes(fourth ?? '');
      if (second === 'theme') return tags.has(third) && FEEDS.includes(fourth ?? '');
    }
    return false;
  };
}

/** A character nginx would read as syntax or as a variable in a map's string. */
const NGINX_UNSAFE = /["\\$;{}\s]/;

/**
 * The redirects as the entries of deploy/nginx.conf's two maps (docs/exploitation.md, « Anciennes
 * adresses »): `paths`, by `$uri` (nginx's decoded path, with and without its trailing slash),
 * and `queries`, by `$request_uri` (the entries with a query); and the entries nginx could not read
 * (left to the magazine, which serves them all the same).
 */
export function nginxMapEntries(redirects: Redirects): { paths: string; queries: string; skipped: string[] } {
  const paths: string[] = [];
  const queries: string[] = [];
  const skipped: string[] = [];
  for (const [key, target] of Object.entries(redirects)) {
    const query = key.indexOf('?');
    let pathname = '';
    try {
      pathname = decodeURI(query === -1 ? key : key.slice(0, query));
    } catch {
      // a malformed escape: left to the magazine
    }
    if (!pathname || NGINX_UNSAFE.test(pathname) || NGINX_UNSAFE.test(key) || NGINX_UNSAFE.test(target)) {
      skipped.push(key);
    } else if (query !== -1) {
      queries.push(`"${key}" "${target}";`);
    } else {
      paths.push(`"${pathname}" "${target}";`);
      if (pathname !== '/') paths.push(`"${pathname}/" "${target}";`);
    }
  }
  const file = (lines: string[]) => `# content/redirects.json, écrit par npm run content:redirects\n${lines.join('\n')}\n`;
  return { paths: file(paths), queries: file(queries), skipped };
}
