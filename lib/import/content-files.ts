import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import sharp from 'sharp';
import { mdxFiles } from '@/lib/content/check';
import { parseRedirects, redirectKey, REDIRECTS_FILE, type Redirects } from '@/lib/content/redirects';
import { slugify } from '@/lib/content/slugify';

// What an import reads from and writes to the content folder: the pieces already there (each
// imported one names its origin in `importedFrom`, which is how a second run knows it), the
// authors, the images copied under public/, and content/redirects.json. Every file is written to
// a temporary name beside its place, then renamed: never half a file.

/** The pieces and authors of a content folder, as an import needs them. */
export type ContentIndex = {
  /** Piece keys (`articles/mon-article`) of every piece, with their tag slugs and whether published. */
  pieces: Map<string, { tags: string[]; draft: boolean }>;
  /** The key of each imported piece, by its `importedFrom`. */
  imported: Map<string, string>;
  authors: Set<string>;
};

export function indexContent(contentDir: string): ContentIndex {
  const index: ContentIndex = { pieces: new Map(), imported: new Map(), authors: new Set() };
  for (const section of ['articles', 'interviews']) {
    for (const file of mdxFiles(path.join(contentDir, section))) {
      const key = path.relative(contentDir, file).split(path.sep).join('/').replace(/\.mdx$/, '');
      const { data } = matter(readFileSync(file, 'utf8'));
      const tags = Array.isArray(data.tags) ? data.tags.map((tag: unknown) => slugify(String(tag))) : [];
      index.pieces.set(key, { tags, draft: data.draft === true });
      if (typeof data.importedFrom === 'string') index.imported.set(data.importedFrom, key);
    }
  }
  for (const file of mdxFiles(path.join(contentDir, 'authors'))) index.authors.add(path.basename(file, '.mdx'));
  return index;
}

/** Writes `text` to `file` through a temporary file renamed into place. */
export function writeAtomically(file: string, text: string | Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/** A YAML scalar: JSON's double-quoted strings are YAML's too. */
const yaml = (value: string) => JSON.stringify(value);

export type PieceFile = {
  title: string;
  summary: string;
  date: string;
  tags: string[];
  author: string;
  cover?: { src: string; alt: string };
  interviewee?: { name: string; role: string; organisation: string };
  importedFrom: string;
  body: string;
};

/** The MDX of a piece, its frontmatter in the order editors write it. */
export function pieceMdx(piece: PieceFile): string {
  const lines = [
    '---',
    `title: ${yaml(piece.title)}`,
    `summary: ${yaml(piece.summary)}`,
    `date: ${piece.date}`,
    `tags: [${piece.tags.map(yaml).join(', ')}]`,
    `author: ${piece.author}`,
    ...(piece.cover ? ['cover:', `  src: ${yaml(piece.cover.src)}`, `  alt: ${yaml(piece.cover.alt)}`] : []),
    ...(piece.interviewee
      ? ['interviewee:', `  name: ${yaml(piece.interviewee.name)}`, `  role: ${yaml(piece.interviewee.role)}`, `  organisation: ${yaml(piece.interviewee.organisation)}`]
      : []),
    `importedFrom: ${yaml(piece.importedFrom)}`,
    '---',
    '',
    piece.body,
    '',
  ];
  return lines.join('\n');
}

export function authorMdx(author: { name: string; role: string; about: string }): string {
  return ['---', `name: ${yaml(author.name)}`, `role: ${yaml(author.role)}`, '---', '', author.about, ''].join('\n');
}

/** The image formats the magazine's pages serve through next/image. */
const FORMATS = new Set(['jpeg', 'png', 'webp', 'avif', 'gif']);

export type CopiedImage = { src: string; width: number; height: number };

/** A file name that is safe in an address: its words slugified, its extension kept. */
export function safeImagePath(relative: string): string {
  return relative
    .split('/')
    .filter((part) => part && part !== '.' && part !== '..')
    .map((part) => {
      const extension = path.extname(part).toLowerCase();
      return `${slugify(path.basename(part, path.extname(part))) || 'image'}${extension.replace(/[^a-z0-9.]/g, '')}`;
    })
    .join('/');
}

/**
 * Copies `source` to `<publicDir>/<imagesDir>/<relative>` (unless `dryRun`) and measures it; null
 * when it is no image the pages can show (the caller reports it).
 */
export async function copyImage(source: string, relative: string, options: { publicDir: string; imagesDir: string; dryRun: boolean }): Promise<CopiedImage | null> {
  if (!existsSync(source) || !statSync(source).isFile()) return null;
  const metadata = await sharp(source).metadata().catch(() => null);
  if (!metadata?.format || !FORMATS.has(metadata.format)) return null;
  const src = `/${options.imagesDir}/${safeImagePath(relative)}`;
  if (!options.dryRun) {
    const target = path.join(options.publicDir, src);
    mkdirSync(path.dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    copyFileSync(source, temporary);
    renameSync(temporary, target);
  }
  const { width, height } = metadata.autoOrient;
  return { src, width, height };
}

/**
 * content/redirects.json with `added` merged in, written unless `dryRun`: an entry already there
 * for an old path wins (the conflicting new ones are returned); an old path that is a page of the
 * magazine, or a target that is none (`isPage`, `isTarget`, of the content as the import leaves
 * it), is left out and returned. The merged file is checked as the build checks it: not written if
 * the build would refuse it.
 */
export function mergeRedirects(
  contentDir: string,
  added: Redirects,
  options: { dryRun: boolean; isPage: (path: string) => boolean; isTarget: (path: string) => boolean },
): { written: number; conflicts: Array<{ from: string; kept: string; wanted: string }>; refused: string[]; problems: string[] } {
  const file = path.join(contentDir, REDIRECTS_FILE);
  let existing: Redirects = {};
  try {
    existing = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Redirects) : {};
  } catch (error) {
    return { written: 0, conflicts: [], refused: [], problems: [`${file} n’est pas du JSON valide (${error instanceof Error ? error.message : String(error)})`] };
  }
  const merged: Redirects = { ...existing };
  const known = new Map(Object.keys(existing).map((from) => [redirectKey(from), from]));
  const conflicts: Array<{ from: string; kept: string; wanted: string }> = [];
  const refused: string[] = [];
  let written = 0;
  for (const [from, to] of Object.entries(added)) {
    const key = redirectKey(from);
    const current = known.get(key);
    if (current !== undefined) {
      if (existing[current] !== to && merged[current] !== to) conflicts.push({ from, kept: merged[current] ?? '', wanted: to });
      continue;
    }
    if (!key.includes('?') && options.isPage(key)) {
      refused.push(`${from} est une page du magazine : pas redirigée.`);
      continue;
    }
    if (!options.isTarget(to)) {
      refused.push(`${from} : ${to} n’est pas une page publiée du magazine : pas redirigée.`);
      continue;
    }
    merged[from] = to;
    known.set(key, from);
    written++;
  }
  const { problems } = parseRedirects(JSON.stringify(merged), options);
  if (!options.dryRun && written > 0 && problems.length === 0) writeAtomically(file, `${JSON.stringify(merged, null, 2)}\n`);
  return { written, conflicts, refused, problems };
}
