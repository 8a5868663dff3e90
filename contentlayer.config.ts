import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineDocumentType, defineNestedType, makeSource, type FieldDefs } from 'contentlayer2/source-files';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { writeManifest } from './lib/content/manifest';
import { REDIRECTS_FILE } from './lib/content/redirects';
import { countWords, readingMinutes, tableOfContents } from './lib/content/markdown';
import { checkedPicture, type WrittenPicture } from './lib/content/pictures';
import { slugify } from './lib/content/slugify';

// The build config runs outside Next, so it reads its one setting itself: benchmarks point
// CONTENT_DIR at a generated archive instead of the magazine's own `content/`.
const contentDirPath = process.env.CONTENT_DIR ?? 'content';

// A cover or a portrait. `alt` is required when a picture is given, but checked by
// lib/content/pictures.ts rather than here, so that the build's message names « cover.alt ».
const PictureField = defineNestedType(() => ({
  name: 'PictureField',
  fields: {
    src: { type: 'string', required: true, description: 'Address of a JPEG, PNG, WebP or AVIF under public/, e.g. /images/couvertures/x.jpg' },
    alt: { type: 'string', required: false, description: 'Required: what the picture shows, for readers who cannot see it' },
    credit: { type: 'string', required: false, description: 'Photographer or illustrator, shown under a cover' },
  },
}));

const Interviewee = defineNestedType(() => ({
  name: 'Interviewee',
  fields: {
    name: { type: 'string', required: true, description: 'Full name of the person interviewed' },
    role: { type: 'string', required: true, description: 'Their role, e.g. « Cofondatrice »' },
    organisation: { type: 'string', required: true, description: 'Their company or organisation' },
    portrait: { type: 'nested', of: PictureField, required: false, description: 'Their portrait, shown beside their name' },
  },
}));

const pieceFields = {
  title: { type: 'string', required: true },
  summary: { type: 'string', required: true, description: 'One or two sentences for cards and search' },
  date: { type: 'date', required: true, description: 'Publication date; a future date schedules the piece' },
  updated: { type: 'date', required: false, description: 'Date of the last significant update' },
  tags: { type: 'list', of: { type: 'string' }, required: true },
  author: { type: 'string', required: true, description: 'Slug of a file in content/authors/' },
  draft: { type: 'boolean', default: false },
  cover: { type: 'nested', of: PictureField, required: false, description: 'The cover: on the piece, its cards and as its social image' },
  importedFrom: {
    type: 'string',
    required: false,
    description: 'Where an imported piece came from (its old address, e.g. https://ancien-site.fr/?p=123): npm run import does not import it twice',
  },
  comments: {
    type: 'enum',
    options: ['open', 'closed'],
    required: false,
    description: 'open: comments never close by age; closed: no new comment (an editor’s choice in the desk comes first)',
  },
} satisfies FieldDefs;

function sectionOf(flattenedPath: string): string {
  return flattenedPath.split('/')[0] ?? '';
}

function slugOf(flattenedPath: string): string {
  return flattenedPath.split('/').slice(1).join('/');
}

// Values reach computed fields as the parser holds them: a list is an iterable
// collection, not an array, and a nested object keeps its plain fields.
type ParsedPiece = {
  _raw: { flattenedPath: string; sourceFilePath: string };
  body: { raw: string };
  title: string;
  summary: string;
  date: string;
  updated?: string;
  tags: Iterable<string>;
  interviewee?: { name: string; role: string; organisation: string; portrait?: WrittenPicture };
  cover?: WrittenPicture;
};

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])([T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

// Contentlayer's date fields accept anything JavaScript's lenient Date parser reads
// (« le 20 novembre » becomes 20 November 2001): check the dates as the editor wrote them.
function checkedDates(doc: ParsedPiece): { date: string; updated: string | null } {
  const source = readFileSync(path.join(contentDirPath, doc._raw.sourceFilePath), 'utf8');
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? '';
  const written = (field: string) => {
    const line = new RegExp(`^${field}:[ \t]*(.*)$`, 'm').exec(frontmatter);
    return line?.[1]?.trim().replace(/^(["'])(.*)\1$/, '$2') || null;
  };
  const [date, updated] = [written('date'), written('updated')];
  for (const [field, value] of [['date', date], ['updated', updated]] as const) {
    if (value !== null && !ISO_DATE.test(value)) {
      throw new Error(`le champ « ${field} » vaut « ${value} » : écrivez une date AAAA-MM-JJ, par exemple 2026-11-26.`);
    }
  }
  if (date === null) throw new Error('le champ « date » manque.');
  return { date, updated };
}

function structuredData(doc: ParsedPiece) {
  const words = countWords(doc.body.raw);
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: doc.title,
    description: doc.summary,
    datePublished: doc.date,
    dateModified: doc.updated ?? doc.date,
    keywords: Array.from(doc.tags).join(', '),
    inLanguage: 'fr-FR',
    wordCount: words,
    timeRequired: `PT${readingMinutes(words)}M`,
    url: `/${doc._raw.flattenedPath}`,
    ...(doc.interviewee && {
      about: {
        '@type': 'Person',
        name: doc.interviewee.name,
        jobTitle: doc.interviewee.role,
        worksFor: { '@type': 'Organization', name: doc.interviewee.organisation },
      },
    }),
  };
}

const pieceComputedFields = {
  key: { type: 'string', description: 'Piece key for ratings and comments', resolve: (doc: ParsedPiece) => doc._raw.flattenedPath },
  section: { type: 'string', resolve: (doc: ParsedPiece) => sectionOf(doc._raw.flattenedPath) },
  slug: { type: 'string', resolve: (doc: ParsedPiece) => slugOf(doc._raw.flattenedPath) },
  url: { type: 'string', resolve: (doc: ParsedPiece) => `/${doc._raw.flattenedPath}` },
  tagSlugs: {
    type: 'list',
    of: { type: 'string' },
    resolve: (doc: ParsedPiece) => Array.from(doc.tags, slugify),
  },
  wordCount: { type: 'number', resolve: (doc: ParsedPiece) => countWords(doc.body.raw) },
  readingTime: { type: 'number', resolve: (doc: ParsedPiece) => readingMinutes(countWords(doc.body.raw)) },
  writtenDates: {
    type: 'json',
    description: 'The dates as written in the frontmatter, checked to be ISO dates',
    resolve: (doc: ParsedPiece) => checkedDates(doc),
  },
  toc: { type: 'json', resolve: (doc: ParsedPiece) => tableOfContents(doc.body.raw) },
  structuredData: {
    type: 'json',
    description: 'schema.org Article, with paths relative to the site URL',
    resolve: (doc: ParsedPiece) => structuredData(doc),
  },
  pictures: {
    type: 'json',
    description: 'The cover and the interviewee portrait, checked (alt, file) and measured',
    resolve: async (doc: ParsedPiece) => ({
      cover: await checkedPicture('cover', doc.cover),
      portrait: await checkedPicture('interviewee.portrait', doc.interviewee?.portrait),
    }),
  },
} as const;

export const Interview = defineDocumentType(() => ({
  name: 'Interview',
  filePathPattern: 'interviews/**/*.mdx',
  contentType: 'mdx',
  fields: { ...pieceFields, interviewee: { type: 'nested', of: Interviewee, required: true } },
  computedFields: pieceComputedFields,
}));

export const Article = defineDocumentType(() => ({
  name: 'Article',
  filePathPattern: 'articles/**/*.mdx',
  contentType: 'mdx',
  fields: pieceFields,
  computedFields: pieceComputedFields,
}));

export const Author = defineDocumentType(() => ({
  name: 'Author',
  filePathPattern: 'authors/*.mdx',
  contentType: 'mdx',
  fields: {
    name: { type: 'string', required: true },
    role: { type: 'string', required: true, description: 'One line under the name' },
    portrait: { type: 'nested', of: PictureField, required: false, description: 'Shown on their page and in the list of authors' },
    email: {
      type: 'string',
      required: false,
      description: 'The address of their account: their comments then carry « Auteur de l’article » under their pieces (never shown)',
    },
  },
  computedFields: {
    portraitPicture: {
      type: 'json',
      description: 'The portrait, checked (alt, file) and measured',
      resolve: (doc: { portrait?: WrittenPicture }) => checkedPicture('portrait', doc.portrait),
    },
    slug: { type: 'string', resolve: (doc: { _raw: { flattenedPath: string } }) => slugOf(doc._raw.flattenedPath) },
    url: { type: 'string', resolve: (doc: { _raw: { flattenedPath: string } }) => `/auteurs/${slugOf(doc._raw.flattenedPath)}` },
  },
}));

export default makeSource({
  contentDirPath,
  // The old addresses are read by writeManifest (lib/content/redirects.ts), not as a document.
  contentDirExclude: [REDIRECTS_FILE],
  documentTypes: [Interview, Article, Author],
  disableImportAliasWarning: true,
  date: { timezone: 'Europe/Paris' },
  onUnknownDocuments: 'fail',
  onMissingOrIncompatibleData: 'fail',
  onExtraFieldData: 'fail',
  mdx: { remarkPlugins: [remarkGfm], rehypePlugins: [rehypeSlug] },
  onSuccess: () => writeManifest(contentDirPath),
});
