import { createHash } from 'node:crypto';
import { readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
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
  html: string;
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
type GeneratedData = { allInterviews: unknown[]; allArticles: unknown[]; allAuthors: unknown[] };

/**
 * `authorEmails`: the address of each author who gave one (slug → email), kept apart from the
 * profiles that pages show: it only decides the « Auteur de l’article » badge of their comments.
 */
export type Manifest = { pieces: PieceSummary[]; authors: AuthorProfile[]; authorEmails: Record<string, string> };

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

// Contentlayer never deletes the file of a document whose source is gone (a deleted piece,
// another content directory): remove them, so that only the current archive is on disk.
function pruneStaleDocuments(type: string, ids: Set<string>) {
  const dir = path.join(GENERATED_DIR, type);
  for (const name of readdirSync(dir)) {
    if (name.startsWith('_') || !name.endsWith('.json')) continue;
    if (!ids.has(name.slice(0, -'.json'.length).replaceAll('__', '/'))) unlinkSync(path.join(dir, name));
  }
}

/**
 * Called by contentlayer after every successful compilation: checks the references between
 * files, writes the slim manifest and removes documents that no longer exist.
 */
export async function writeManifest(importData: () => Promise<GeneratedData>): Promise<void> {
  const data = await importData();
  const interviews = data.allInterviews as GeneratedPiece[];
  const articles = data.allArticles as GeneratedPiece[];
  const authorDocs = data.allAuthors as GeneratedAuthor[];
  const authorEmails = Object.fromEntries(authorDocs.flatMap((doc) => (doc.email ? [[doc.slug, doc.email.trim().toLowerCase()]] : [])));
  const manifest: Manifest = {
    pieces: [...interviews, ...articles].map((doc) => ({ ...summaryOf(doc), digest: digestOf(doc) })),
    authors: authorDocs.map(authorOf),
    authorEmails,
  };
  const errors = [
    ...referenceErrors(manifest.pieces, manifest.authors),
    ...authorDocs.flatMap((doc) =>
      doc.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(doc.email.trim())
        ? [`content/${doc._raw.sourceFilePath} : le champ « email » vaut « ${doc.email} », qui n’est pas une adresse e-mail (par exemple prenom@exemple.fr).`]
        : [],
    ),
  ];
  if (errors.length > 0) throw new Error(`Contenu invalide :\n- ${errors.join('\n- ')}`);
  pruneStaleDocuments('Interview', new Set(interviews.map((doc) => doc._id)));
  pruneStaleDocuments('Article', new Set(articles.map((doc) => doc._id)));
  pruneStaleDocuments('Author', new Set(authorDocs.map((doc) => doc._id)));
  writeFileSync(MANIFEST_FILE, JSON.stringify(manifest));
}
