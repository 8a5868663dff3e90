import { z } from 'zod';
import { ApiError } from '@/lib/errors';
import type { CommentSort } from '@/lib/readers/comment-sorts';

// Where a page of comments starts: the creation time and id of the last comment of the page
// before (and, in « Les plus utiles », its number of « Utile »), in the address (`?apres=`,
// `?cursor=`). Apart from the queries, so that the server's request guard can refuse a forged
// one without loading the database client.
const cursorSchema = z.union([z.tuple([z.iso.datetime(), z.uuid()]), z.tuple([z.iso.datetime(), z.uuid(), z.number().int().min(0)])]);

export type CommentPosition = { createdAt: Date; id: string; useful?: number };

/** The cursor that names the position after a comment (with its count of « Utile » when the order is by them). */
export function encodeCursor(row: { createdAt: Date; id: string; useful?: number }): string {
  const position = [row.createdAt.toISOString(), row.id, ...(row.useful === undefined ? [] : [row.useful])];
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/**
 * The cursor of a page of the oldest-first thread that starts with this top comment: just
 * before it (timestamps are kept to the millisecond, and no uuid sorts after the largest one).
 */
export function cursorBefore(top: { createdAt: Date }): string {
  return encodeCursor({ createdAt: new Date(top.createdAt.getTime() - 1), id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' });
}

const invalidCursor = () => new ApiError('invalid_cursor', 'Ce lien de pagination des commentaires n’est pas valide : rechargez la page.');

/** The position a pagination cursor names; 400 for anything else. */
export function decodeCursor(cursor: string): CommentPosition {
  try {
    const [createdAt, id, useful] = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { createdAt: new Date(createdAt), id, ...(useful !== undefined && { useful }) };
  } catch {
    throw invalidCursor();
  }
}

/** The position a cursor names in this order; 400 for a forged one, or one made for another order. */
export function cursorPosition(cursor: string, sort: CommentSort): CommentPosition {
  const position = decodeCursor(cursor);
  if (sort === 'useful' && position.useful === undefined) throw invalidCursor();
  return position;
}
