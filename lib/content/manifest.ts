import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { archivePaths, parseRedirects, REDIRECTS_FILE, type Redirects } from './redirects';
import { referenceErrors } from './rules';
import type { AuthorProfile, Interviewee, Picture, PieceSummary, TocEntry } from './types';

/** Where contentlayer writes its documents, one JSON file each. */
export const GENERATED_DIR = path.join('.contentlayer', 'generated');
/** The slim index of the archive that pages read instead of every document. */
export const MANIFEST_FILE = path.join('.contentlayer', 'manifest.json');

export const TYPE_OF_SECTION = { interviews: 'Interview', articles: 'Article' } as const;

export type GeneratedPiece = Omit<PieceSummary, 'sourceFile' | 'cover' | 'interviewee'> & {
  _id: string;
  _raw: { sourceFilePath: string };
  body: { code: string; raw: string };
  toc: TocEntry[];
  structuredData: Record<string, unknown>;
  /** The cover and the interviewee's portrait, checked and measured by the build (lib/content/pictures.ts). */
  pictures: { cover: Picture | null; portrait: Picture | null };
  interviewee?: Omit<Interviewee, 'portrait'>;
};
type GeneratedAuthor = Omit<AuthorProfile, 'bioCode' | 'sourceFile' | 'portrait'> & {
  _id: string;
  _raw: { sourceFilePath: string };
  body: { code: string };
  portraitPicture: Picture | null;
  email?: string;
};

/**
 * `authorEmails`: the address of each author who gave one (slug → email), kept apart from the
 * profiles that pages show: it only decides the « Auteur de l’article » badge of their comments.
 */
export type Manifest = { pieces: PieceSummary[]; authors: AuthorProfile[]; authorEmails: Record<string, string>; redirects?: Redirects };

/** The file contentlayer writes for a document, relative to the project. */
export function documentFile(type: string, sourceFilePath: string): string {
  return path.join(GENERATED_DIR, type, `${sourceFilePath.replaceAll('/', '__')}.json`);
}

/** A piece without its body. */
export function summaryOf(doc: GeneratedPiece): PieceSummary {
  return {
    key: doc.key,
    section: doc.section,
    slug: doc.slug,
    url: doc.url,
    sourceFile: doc._raw.sourceFilePath,
    title: doc.title,
    summary: doc.summary,
    date: doc.date,
    updated: doc.updated,
    tags: doc.tags,
    tagSlugs: doc.tagSlugs,
    author: doc.author,
    draft: doc.draft,
    readingTime: doc.readingTime,
    ...(doc.comments && { comments: doc.comments }),
    ...(doc.pictures.cover && { cover: doc.pictures.cover }),
    interviewee: doc.interviewee && {
      name: doc.interviewee.name,
      role: doc.interviewee.role,
      organisation: doc.interviewee.organisation,
      ...(doc.pictures.portrait && { portrait: doc.pictures.portrait }),
    },
  };
}

/** What the search mirror of a piece is made of, hashed: it is written again only when this changes. */
function digestOf(doc: GeneratedPiece): string {
  const searched = [doc.url, doc.title, doc.summary, doc.tags, doc.author, doc.date, doc.draft, doc.body.raw];
  return createHash('sha256').update(JSON.stringify(searched)).digest('hex');
}

function authorOf(doc: GeneratedAuthor): AuthorProfile {
  return {
    slug: doc.slug,
    url: doc.url,
    name: doc.name,
    role: doc.role,
    bioCode: doc.body.code,
    sourceFile: doc._raw.sourceFilePath,
    ...(doc.portraitPicture && { portrait: doc.portraitPicture }),
  };
}

/**
 * The files of this compilation's documents of one type, as contentlayer's barrel of the type
 * (`_index.mjs`, one `import … from './<file>.json'` a document) lists them.
 */
function compiledFiles(type: string): string[] {
  const barrel = readFileSync(path.join(GENERATED_DIR, type, '_index.mjs'), 'utf8');
  return [...barrel.matchAll(/from '\.\/([^']+\.json)'/g)].map((match) => match[1] ?? '');
}

/**
 * The documents of one type, each read, reduced by `reduce` and let go before the next: the
 * whole archive's bodies are never in memory at once (contentlayer's `importData` parses them
 * all, a second copy of the archive beside contentlayer's own at 10,000 pieces).
 */
function eachDocument<Doc, Out>(type: string, reduce: (doc: Doc) => Out): Out[] {
  return compiledFiles(type).map((file) => reduce(JSON.parse(readFileSync(path.join(GENERATED_DIR, type, file), 'utf8')) as Doc));
}

// Contentlayer never deletes the file of a document whose source is gone (a deleted piece,
// another content directory): remove them, so that only the current archive is on disk.
function pruneStaleDocuments(type: string) {
  const current = new Set(compiledFiles(type));
  const dir = path.join(GENERATED_DIR, type);
  for (const name of readdirSync(dir)) {
    if (name.startsWith('_') || !name.endsWith('.json')) continue;
    if (!current.has(name)) unlinkSync(path.join(dir, name));
  }
}

const authorEmailError = (doc: GeneratedAuthor): string[] =>
  doc.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(doc.email.trim())
    ? [`content/${doc._raw.sourceFilePath} : le champ « email » vaut « ${doc.email} », qui n’est pas une adresse e-mail (par exemple prenom@exemple.fr).`]
    : [];

/** The content's old addresses (lib/content/redirects.ts), checked against its pieces, tags and authors. */
function readRedirects(contentDir: string, pieces: PieceSummary[], authors: AuthorProfile[]): { redirects: Redirects; problems: string[] } {
  const file = path.join(contentDir, REDIRECTS_FILE);
  if (!existsSync(file)) return { redirects: {}, problems: [] };
  const published = pieces.filter((piece) => !piece.draft);
  const isPage = archivePaths({ pieces: new Set(pieces.map((piece) => piece.url)), tags: new Set(pieces.flatMap((piece) => piece.tagSlugs)), authors: new Set(authors.map((author) => author.slug)) });
  const isTarget = archivePaths({ pieces: new Set(published.map((piece) => piece.url)), tags: new Set(published.flatMap((piece) => piece.tagSlugs)), authors: new Set(authors.map((author) => author.slug)) });
  return parseRedirects(readFileSync(file, 'utf8'), { isTarget, isPage });
}

/**
 * Called by contentlayer after every successful compilation: checks the references between
 * files, writes the slim manifest and removes documents that no longer exist.
 */
export async function writeManifest(contentDir: string): Promise<void> {
  const pieces = [...eachDocument('Interview', pieceEntry), ...eachDocument('Article', pieceEntry)];
  const authors = eachDocument('Author', (doc: GeneratedAuthor) => ({ profile: authorOf(doc), email: doc.email, errors: authorEmailError(doc) }));
  const redirects = readRedirects(contentDir, pieces, authors.map((author) => author.profile));
  const manifest: Manifest = {
    pieces,
    authors: authors.map((author) => author.profile),
    authorEmails: Object.fromEntries(authors.flatMap(({ profile, email }) => (email ? [[profile.slug, email.trim().toLowerCase()]] : []))),
    redirects: redirects.redirects,
  };
  const errors = [...referenceErrors(manifest.pieces, manifest.authors), ...authors.flatMap((author) => author.errors), ...redirects.problems];
  if (errors.length > 0) throw new Error(`Contenu invalide :\n- ${errors.join('\n- ')}`);
  for (const type of ['Interview', 'Article', 'Author']) pruneStaleDocuments(type);
  writeFileSync(MANIFEST_FILE, JSON.stringify(manifest));
}

const pieceEntry = (doc: GeneratedPiece): PieceSummary => ({ ...summaryOf(doc), digest: digestOf(doc) });
