import type { AuthorProfile, PieceSummary, Section, Tag } from './types';

export const PAGE_SIZE = 10;

/** Pages of each listing the build prerenders (the 100 newest pieces); deeper ones on first visit. */
export const PRERENDERED_LISTING_PAGES = 10;

/** The `page` params a listing's `/page/<n>` route prerenders: 2 up to its last page, within the budget. */
export function prerenderedPageNumbers(itemCount: number, size = PAGE_SIZE): string[] {
  const last = Math.min(Math.ceil(itemCount / size), PRERENDERED_LISTING_PAGES);
  return Array.from({ length: Math.max(0, last - 1) }, (_, i) => String(i + 2));
}

/** Whether readers may see a piece now: not a draft, and its date has come. */
export function isPublished(piece: PieceSummary, now: number, includeUnpublished = false): boolean {
  if (includeUnpublished) return true;
  return !piece.draft && Date.parse(piece.date) <= now;
}

/** Newest first; pieces of the same instant by title, so the order never depends on the file system. */
export function newestFirst(pieces: readonly PieceSummary[]): PieceSummary[] {
  return [...pieces].sort(
    (a, b) => Date.parse(b.date) - Date.parse(a.date) || a.title.localeCompare(b.title, 'fr'),
  );
}

/** The pieces of one page of a listing (pages count from 1), or null past the last page. */
export function paginate<T>(items: readonly T[], page: number, size = PAGE_SIZE) {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  if (!Number.isInteger(page) || page < 1 || page > pageCount) return null;
  return { items: items.slice((page - 1) * size, page * size), page, pageCount };
}

/** The page number of a `/page/<n>` path segment, or null when it is not one. */
export function pageNumberParam(value: string): number | null {
  return /^[1-9]\d{0,5}$/.test(value) ? Number(value) : null;
}

/**
 * The page numbers a pagination shows: the first, the last, and two either side of the current
 * one, with null where pages are left out (800 pages of articles are not 800 links).
 */
export function pageWindow(page: number, pageCount: number, around = 2): Array<number | null> {
  const shown = new Set([1, pageCount]);
  for (let n = Math.max(1, page - around); n <= Math.min(pageCount, page + around); n++) shown.add(n);
  const pages = [...shown].sort((a, b) => a - b);
  return pages.flatMap((n, i) => {
    const previous = pages[i - 1];
    if (previous === undefined || n === previous + 1) return [n];
    // A single missing page is shown rather than replaced by an ellipsis.
    return n === previous + 2 ? [previous + 1, n] : [null, n];
  });
}

/** When the next scheduled piece falls due after `now` (Infinity when none is). */
export function nextPublication(pieces: readonly PieceSummary[], now: number): number {
  return Math.min(Infinity, ...pieces.filter((piece) => !piece.draft && Date.parse(piece.date) > now).map((piece) => Date.parse(piece.date)));
}

/** The index of the pieces readers may see at `now`; a future piece shown anyway (development) is marked scheduled. */
export function publishedIndex(pieces: readonly PieceSummary[], now: number, includeUnpublished = false): PieceIndex {
  const shown = pieces
    .filter((piece) => isPublished(piece, now, includeUnpublished))
    .map((piece) => (Date.parse(piece.date) > now ? { ...piece, scheduled: true } : piece));
  return new PieceIndex(newestFirst(shown));
}

/**
 * Lookups over the published pieces, built once per list (newest first): a page finds its piece,
 * its neighbours, its related pieces and the pieces of a section, tag or author without scanning
 * the archive again — at 10,000 pieces, scans and sorts per page made the build quadratic.
 */
export class PieceIndex {
  private readonly byKey = new Map<string, PieceSummary>();
  private readonly position = new Map<PieceSummary, number>();
  private readonly inSectionAt = new Map<string, number>();
  private readonly sections = new Map<Section, PieceSummary[]>();
  private readonly tagged = new Map<string, PieceSummary[]>();
  private readonly authored = new Map<string, PieceSummary[]>();
  /** Every tag in use, most used first. */
  readonly tags: Tag[];

  constructor(readonly pieces: readonly PieceSummary[]) {
    const push = <K>(map: Map<K, PieceSummary[]>, key: K, piece: PieceSummary) => {
      const list = map.get(key);
      if (list) list.push(piece);
      else map.set(key, [piece]);
    };
    for (const [i, piece] of pieces.entries()) {
      this.byKey.set(piece.key, piece);
      this.position.set(piece, i);
      this.inSectionAt.set(piece.key, this.sections.get(piece.section)?.length ?? 0);
      push(this.sections, piece.section, piece);
      for (const tag of piece.tagSlugs) push(this.tagged, tag, piece);
      push(this.authored, piece.author, piece);
    }
    this.tags = tagsOf(pieces);
  }

  /** The piece of `<section>/<slug>`, or undefined. */
  find(section: string, slug: string): PieceSummary | undefined {
    return this.byKey.get(`${section}/${slug}`);
  }

  section(section: Section): readonly PieceSummary[] {
    return this.sections.get(section) ?? [];
  }

  withTag(tag: string): readonly PieceSummary[] {
    return this.tagged.get(tag) ?? [];
  }

  byAuthor(author: string): readonly PieceSummary[] {
    return this.authored.get(author) ?? [];
  }

  /** Up to `limit` other pieces sharing the most tags with `piece`, newest first among equals. */
  related(piece: PieceSummary, limit = 3): PieceSummary[] {
    const shared = new Map<PieceSummary, number>();
    for (const tag of new Set(piece.tagSlugs)) {
      for (const other of this.tagged.get(tag) ?? []) if (other.key !== piece.key) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    return [...shared]
      .sort(([a, sharedA], [b, sharedB]) => sharedB - sharedA || (this.position.get(a) ?? 0) - (this.position.get(b) ?? 0))
      .slice(0, limit)
      .map(([other]) => other);
  }

  /** The previous (older) and next (newer) piece of the same section. */
  adjacent(piece: PieceSummary): { previous: PieceSummary | null; next: PieceSummary | null } {
    const section = this.sections.get(piece.section) ?? [];
    const index = this.inSectionAt.get(piece.key) ?? -1;
    return {
      previous: index >= 0 ? (section[index + 1] ?? null) : null,
      next: index > 0 ? (section[index - 1] ?? null) : null,
    };
  }
}

/** Every tag in use, with its display name and number of pieces, most used first. */
export function tagsOf(pieces: readonly PieceSummary[]): Tag[] {
  const bySlug = new Map<string, Tag>();
  for (const piece of pieces) {
    piece.tagSlugs.forEach((slug, i) => {
      const tag = bySlug.get(slug) ?? { slug, name: piece.tags[i] ?? slug, count: 0 };
      tag.count += 1;
      bySlug.set(slug, tag);
    });
  }
  return [...bySlug.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'fr'));
}

/** Errors of references between files that the content compiler cannot check itself. */
export function referenceErrors(pieces: readonly PieceSummary[], authors: readonly AuthorProfile[]): string[] {
  const authorSlugs = new Set(authors.map((author) => author.slug));
  const errors: string[] = [];
  for (const piece of pieces) {
    if (!authorSlugs.has(piece.author)) {
      errors.push(
        `content/${piece.sourceFile} : le champ « author » vaut « ${piece.author} », ` +
          `mais aucun fichier content/authors/${piece.author}.mdx n'existe.`,
      );
    }
    if (piece.tags.length === 0) {
      errors.push(`content/${piece.sourceFile} : le champ « tags » doit contenir au moins un mot-clé.`);
    }
  }
  return errors;
}
