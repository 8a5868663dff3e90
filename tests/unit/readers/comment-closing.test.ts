import { describe, expect, it } from 'vitest';
import { closingInstant, commentsOpen, openByContent } from '@/lib/readers/comment-closing';
import { cursorBefore, cursorPosition, decodeCursor, encodeCursor } from '@/lib/readers/comment-cursor';
import { sortFromParam } from '@/lib/readers/comment-sorts';

const DAY = 86_400_000;
const piece = { date: '2026-10-01T22:00:00Z' };
const published = Date.parse(piece.date);

describe('when a piece’s comments are open', () => {
  it('closes them N days after the date, never with 0', () => {
    expect(closingInstant(piece, 30)).toBe(published + 30 * DAY);
    expect(openByContent(piece, 30, published + 30 * DAY - 1)).toBe(true);
    expect(openByContent(piece, 30, published + 30 * DAY)).toBe(false);
    expect(closingInstant(piece, 0)).toBeNull();
    expect(openByContent(piece, 0, published + 10_000 * DAY)).toBe(true);
  });

  it('lets the frontmatter decide before the age, and an editor before both', () => {
    expect(openByContent({ ...piece, comments: 'open' }, 30, published + 365 * DAY)).toBe(true);
    expect(openByContent({ ...piece, comments: 'closed' }, 0, published)).toBe(false);
    expect(closingInstant({ ...piece, comments: 'open' }, 30)).toBeNull();
    expect(commentsOpen({ ...piece, comments: 'closed' }, true, 30, published)).toBe(true);
    expect(commentsOpen({ ...piece, comments: 'open' }, false, 30, published)).toBe(false);
    expect(commentsOpen(piece, null, 30, published + 31 * DAY)).toBe(false);
  });
});

describe('the orders and cursors of the comments pages', () => {
  it('reads the French names of ?tri=, the oldest first by default, and nothing else', () => {
    expect(sortFromParam(undefined)).toBe('oldest');
    expect(sortFromParam('')).toBe('oldest');
    expect(sortFromParam('anciens')).toBe('oldest');
    expect(sortFromParam('recents')).toBe('newest');
    expect(sortFromParam('utiles')).toBe('useful');
    expect(sortFromParam('useful')).toBeNull();
    expect(sortFromParam(['recents', 'utiles'])).toBeNull();
  });

  it('keeps the count of « Utile » in the cursor of that order, and starts a page just before a comment', () => {
    const row = { createdAt: new Date('2026-11-02T10:00:00.123Z'), id: '0b0e6c8e-3c2f-4d8e-9a35-8a8f6d1f2b3c' };
    expect(decodeCursor(encodeCursor(row))).toEqual(row);
    expect(decodeCursor(encodeCursor({ ...row, useful: 4 }))).toEqual({ ...row, useful: 4 });
    const before = decodeCursor(cursorBefore(row));
    expect(before.createdAt.getTime()).toBe(row.createdAt.getTime() - 1);
    expect(() => decodeCursor('pas-un-curseur')).toThrow(/pagination/);
    // A cursor of the dated orders does not say where « Les plus utiles » stopped.
    expect(() => cursorPosition(encodeCursor(row), 'useful')).toThrow(/pagination/);
    expect(cursorPosition(encodeCursor(row), 'newest')).toEqual(row);
  });
});
