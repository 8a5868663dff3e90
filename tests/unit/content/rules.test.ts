import { describe, expect, it } from 'vitest';
import {
  isPublished,
  newestFirst,
  pageNumberParam,
  pageWindow,
  prerenderedPageNumbers,
  paginate,
  PieceIndex,
  referenceErrors,
  tagsOf,
} from '@/lib/content/rules';
import type { AuthorProfile } from '@/lib/content/types';
import { makePiece } from './piece-fixture';

const NOW = Date.parse('2026-11-26T10:00:00Z');

describe('publication rules', () => {
  it('publishes a piece whose date has come and that is not a draft', () => {
    expect(isPublished(makePiece('a', { date: '2026-11-26T09:59:00Z' }), NOW)).toBe(true);
  });

  it('hides a draft in production', () => {
    expect(isPublished(makePiece('a', { draft: true }), NOW)).toBe(false);
  });

  it('hides a piece dated in the future until its time, then shows it', () => {
    const scheduled = makePiece('a', { date: '2026-11-26T10:01:00Z' });
    expect(isPublished(scheduled, NOW)).toBe(false);
    expect(isPublished(scheduled, NOW + 60_000)).toBe(true);
  });

  it('shows drafts and future pieces in development', () => {
    expect(isPublished(makePiece('a', { draft: true }), NOW, true)).toBe(true);
    expect(isPublished(makePiece('b', { date: '2099-01-01T00:00:00Z' }), NOW, true)).toBe(true);
  });
});

describe('listings', () => {
  it('sorts newest first, and pieces of the same day by title', () => {
    const pieces = [
      makePiece('old', { date: '2026-01-01T00:00:00Z' }),
      makePiece('b', { date: '2026-06-01T00:00:00Z', title: 'Bravo' }),
      makePiece('a', { date: '2026-06-01T00:00:00Z', title: 'Alpha' }),
      makePiece('new', { date: '2026-11-01T00:00:00Z' }),
    ];
    expect(newestFirst(pieces).map((piece) => piece.slug)).toEqual(['new', 'a', 'b', 'old']);
  });

  it('cuts a listing in pages of ten and refuses pages past the end', () => {
    const items = Array.from({ length: 23 }, (_, i) => i);
    expect(paginate(items, 1)).toEqual({ items: items.slice(0, 10), page: 1, pageCount: 3 });
    expect(paginate(items, 3)?.items).toEqual([20, 21, 22]);
    expect(paginate(items, 4)).toBeNull();
    expect(paginate(items, 0)).toBeNull();
    expect(paginate(items, 1.5)).toBeNull();
  });

  it('gives an empty listing one empty page', () => {
    expect(paginate([], 1)).toEqual({ items: [], page: 1, pageCount: 1 });
  });

  it('shows the first, the last and two pages either side of the current one, not every page', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageWindow(1, 800)).toEqual([1, 2, 3, null, 800]);
    expect(pageWindow(400, 800)).toEqual([1, null, 398, 399, 400, 401, 402, null, 800]);
    expect(pageWindow(800, 800)).toEqual([1, null, 798, 799, 800]);
    // One page left out is shown: an ellipsis would hide nothing more than the number.
    expect(pageWindow(5, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('prerenders the pages of a listing after the first, ten pages at most', () => {
    expect(prerenderedPageNumbers(0)).toEqual([]);
    expect(prerenderedPageNumbers(10)).toEqual([]);
    expect(prerenderedPageNumbers(11)).toEqual(['2']);
    expect(prerenderedPageNumbers(8000)).toEqual(['2', '3', '4', '5', '6', '7', '8', '9', '10']);
  });

  it('reads a page number from its path segment only when it is one', () => {
    expect(pageNumberParam('2')).toBe(2);
    for (const bad of ['0', '02', '-1', '1.5', 'deux', '', '10000000']) expect(pageNumberParam(bad)).toBeNull();
  });
});

describe('tags', () => {
  it('counts the pieces of each tag and keeps its display name', () => {
    const pieces = [
      makePiece('a', { tags: ['réseaux sociaux', 'stratégie'] }),
      makePiece('b', { tags: ['réseaux sociaux'] }),
    ];
    expect(tagsOf(pieces)).toEqual([
      { slug: 'reseaux-sociaux', name: 'réseaux sociaux', count: 2 },
      { slug: 'strategie', name: 'stratégie', count: 1 },
    ]);
  });
});

describe('related pieces', () => {
  it('ranks pieces by shared tags and leaves out the piece itself and unrelated ones', () => {
    const piece = makePiece('me', { tags: ['a', 'b', 'c'] });
    const pieces = [
      piece,
      makePiece('one-tag', { tags: ['a'], date: '2026-11-20T00:00:00Z' }),
      makePiece('three-tags', { tags: ['a', 'b', 'c'], date: '2026-01-01T00:00:00Z' }),
      makePiece('unrelated', { tags: ['z'] }),
      makePiece('two-tags', { tags: ['b', 'c'] }),
    ];
    expect(new PieceIndex(newestFirst(pieces)).related(piece).map((p) => p.slug)).toEqual(['three-tags', 'two-tags', 'one-tag']);
  });
});

describe('the index of published pieces', () => {
  it('finds a piece, the pieces of a section, a tag and an author, in the order it was given', () => {
    const pieces = newestFirst([
      makePiece('old', { tags: ['a'], date: '2026-01-01T00:00:00Z' }),
      makePiece('talk', { section: 'interviews', tags: ['a', 'b'], date: '2026-02-01T00:00:00Z' }),
      makePiece('new', { tags: ['b'], date: '2026-03-01T00:00:00Z' }),
    ]);
    const index = new PieceIndex(pieces);
    expect(index.find('interviews', 'talk')?.slug).toBe('talk');
    expect(index.find('articles', 'talk')).toBeUndefined();
    expect(index.section('articles').map((p) => p.slug)).toEqual(['new', 'old']);
    expect(index.withTag('a').map((p) => p.slug)).toEqual(['talk', 'old']);
    expect(index.byAuthor(pieces[0]?.author ?? '').map((p) => p.slug)).toEqual(['new', 'talk', 'old']);
    expect(index.tags.map((tag) => [tag.slug, tag.count])).toEqual([['a', 2], ['b', 2]]);
  });
});

describe('previous and next', () => {
  const pieces = [
    makePiece('first', { date: '2026-01-01T00:00:00Z' }),
    makePiece('second', { date: '2026-02-01T00:00:00Z' }),
    makePiece('interview', { section: 'interviews', date: '2026-02-15T00:00:00Z' }),
    makePiece('third', { date: '2026-03-01T00:00:00Z' }),
  ];

  it('links to the older and newer piece of the same section', () => {
    const second = pieces[1];
    if (!second) throw new Error('fixture');
    const { previous, next } = new PieceIndex(newestFirst(pieces)).adjacent(second);
    expect(previous?.slug).toBe('first');
    expect(next?.slug).toBe('third');
  });

  it('has no previous for the oldest and no next for the newest', () => {
    const [first, , , third] = pieces;
    if (!first || !third) throw new Error('fixture');
    const index = new PieceIndex(newestFirst(pieces));
    expect(index.adjacent(first).previous).toBeNull();
    expect(index.adjacent(third).next).toBeNull();
  });
});

describe('references between files', () => {
  const authors: AuthorProfile[] = [
    { slug: 'la-redaction', url: '/auteurs/la-redaction', name: 'La rédaction', role: '', bioCode: '', sourceFile: 'authors/la-redaction.mdx' },
  ];

  it('accepts a piece whose author exists', () => {
    expect(referenceErrors([makePiece('a')], authors)).toEqual([]);
  });

  it('names the file and the field of an unknown author', () => {
    const [error] = referenceErrors([makePiece('a', { author: 'inconnu' })], authors);
    expect(error).toContain('content/articles/a.mdx');
    expect(error).toContain('« author »');
    expect(error).toContain('inconnu');
  });

  it('refuses a piece without tags', () => {
    expect(referenceErrors([makePiece('a', { tags: [] })], authors)[0]).toContain('« tags »');
  });
});
