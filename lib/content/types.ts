/** The two kinds of published pieces, as they appear in URLs. */
export const SECTIONS = ['interviews', 'articles'] as const;
export type Section = (typeof SECTIONS)[number];

/** A cover or a portrait: a file under public/ (`src` is its address), with its size read at build time. */
export type Picture = { src: string; alt: string; credit?: string; width: number; height: number };

export type Interviewee = { name: string; role: string; organisation: string; portrait?: Picture };

/** What listings, cards and feeds need of a piece: everything but its body. */
export type PieceSummary = {
  key: string;
  section: Section;
  slug: string;
  url: string;
  sourceFile: string;
  title: string;
  summary: string;
  date: string;
  updated?: string;
  tags: string[];
  tagSlugs: string[];
  author: string;
  draft: boolean;
  readingTime: number;
  cover?: Picture;
  interviewee?: Interviewee;
  /** The frontmatter's `comments`: open whatever its age, or closed; unset, they close with age. */
  comments?: 'open' | 'closed';
  /** Set on a piece dated in the future that development mode shows ahead of time. */
  scheduled?: boolean;
  /** Set on a draft or future piece shown to an editor in preview. */
  preview?: boolean;
  /** In the manifest: a hash of what search reads of the piece (its text, title, dates…). */
  digest?: string;
};

export type TocEntry = { depth: 2 | 3; text: string; id: string };

/** A piece with its compiled MDX body, for its own page. */
export type Piece = PieceSummary & {
  bodyCode: string;
  /** The body as written (search; feeds make their HTML from it). */
  bodyRaw: string;
  toc: TocEntry[];
  structuredData: Record<string, unknown>;
};

export type AuthorProfile = {
  slug: string;
  url: string;
  name: string;
  role: string;
  bioCode: string;
  sourceFile: string;
  portrait?: Picture;
};

export type Tag = { name: string; slug: string; count: number };
