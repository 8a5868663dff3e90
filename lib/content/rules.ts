import type { AuthorProfile, PieceSummary, Section, Tag } from './types';

export const PAGE_SIZE = 10;

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

/** Up to `limit` other pieces sharing the most tags with `piece`, newest first among equals. */
export function relatedPieces(piece: PieceSummary, pieces: readonly PieceSummary[], limit = 3): PieceSummary[] {
  const tags = new Set(piece.tagSlugs);
  return newestFirst(pieces)
    .filter((other) => other.key !== piece.key)
    .map((other) => ({ other, shared: other.tagSlugs.filter((tag) => tags.has(tag)).length }))
    .filter(({ shared }) => shared > 0)
    .sort((a, b) => b.shared - a.shared)
    .slice(0, limit)
    .map(({ other }) => other);
}

/** The previous (older) and next (newer) piece of the same section. */
export function adjacentPieces(piece: PieceSummary, pieces: readonly PieceSummary[]) {
  const section = newestFirst(pieces.filter((other) => other.section === piece.section));
  const index = section.findIndex((other) => other.key === piece.key);
  return {
    previous: index >= 0 ? (section[index + 1] ?? null) : null,
    next: index > 0 ? (section[index - 1] ?? null) : null,
  };
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

export function inSection(pieces: readonly PieceSummary[], section: Section): PieceSummary[] {
  return pieces.filter((piece) => piece.section === section);
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
