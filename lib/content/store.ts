import 'server-only';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { referenceErrors } from './rules';
import type { AuthorProfile, Piece, PieceSummary, Section, TocEntry } from './types';

// Contentlayer writes one JSON file per document. Reading them here, instead of importing
// `contentlayer/generated`, keeps every document out of the server bundles: a page loads the
// slim index and its own piece, whatever the size of the archive.
const generatedDir = path.join(/* turbopackIgnore: true */ process.cwd(), '.contentlayer', 'generated');

const TYPE_OF_SECTION = { interviews: 'Interview', articles: 'Article' } as const satisfies Record<Section, string>;

type GeneratedPiece = Omit<PieceSummary, 'sourceFile'> & {
  _id: string;
  _raw: { sourceFilePath: string };
  body: { code: string };
  toc: TocEntry[];
  structuredData: Record<string, unknown>;
};
type GeneratedAuthor = Omit<AuthorProfile, 'bioCode' | 'sourceFile'> & {
  _raw: { sourceFilePath: string };
  body: { code: string };
};

function typeDir(type: string): string {
  return path.join(generatedDir, type);
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

function documentsOf<T>(type: string): T[] {
  const dir = typeDir(type);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !name.startsWith('_'))
    .map((name) => readJson<T>(path.join(dir, name)));
}

function summaryOf(doc: GeneratedPiece): PieceSummary {
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
    image: doc.image,
    imageAlt: doc.imageAlt,
    interviewee: doc.interviewee && {
      name: doc.interviewee.name,
      role: doc.interviewee.role,
      organisation: doc.interviewee.organisation,
    },
  };
}

function authorOf(doc: GeneratedAuthor): AuthorProfile {
  return {
    slug: doc.slug,
    url: doc.url,
    name: doc.name,
    role: doc.role,
    bioCode: doc.body.code,
    sourceFile: doc._raw.sourceFilePath,
  };
}

type Catalogue = { version: string; pieces: PieceSummary[]; authors: AuthorProfile[] };
let catalogue: Catalogue | undefined;

// Contentlayer rewrites each `_index.json` on every build; their times say whether to read again
// (only `contentlayer2 dev` changes them while the server runs).
function currentVersion(): string {
  return ['Interview', 'Article', 'Author']
    .map((type) => statSync(path.join(typeDir(type), '_index.json')).mtimeMs)
    .join(':');
}

function load(): Catalogue {
  const version = currentVersion();
  if (catalogue?.version === version) return catalogue;
  const pieces = Object.values(TYPE_OF_SECTION).flatMap((type) => documentsOf<GeneratedPiece>(type).map(summaryOf));
  const authors = documentsOf<GeneratedAuthor>('Author').map(authorOf);
  const errors = referenceErrors(pieces, authors);
  if (errors.length > 0) throw new Error(`Contenu invalide :\n- ${errors.join('\n- ')}`);
  catalogue = { version, pieces, authors };
  return catalogue;
}

/** Every piece of the archive, drafts and future ones included, without bodies. */
export function allPieceSummaries(): PieceSummary[] {
  return load().pieces;
}

/** Every author profile. */
export function allAuthors(): AuthorProfile[] {
  return load().authors;
}

/** The full piece behind a summary, read from its own file. */
export function readPiece(summary: PieceSummary): Piece {
  const type = TYPE_OF_SECTION[summary.section];
  const file = path.join(typeDir(type), `${summary.sourceFile.replaceAll('/', '__')}.json`);
  const doc = readJson<GeneratedPiece>(file);
  return { ...summaryOf(doc), bodyCode: doc.body.code, toc: doc.toc, structuredData: doc.structuredData };
}
