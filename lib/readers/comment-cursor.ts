import { z } from 'zod';
import { ApiError } from '@/lib/errors';

// Where a page of comments starts: the creation time and id of the last comment of the page
// before, in the address (`?apres=`, `?cursor=`). Apart from the queries, so that the server's
// request guard can refuse a forged one without loading the database client.
const cursorSchema = z.tuple([z.iso.datetime(), z.uuid()]);

/** The cursor that names the position after a comment. */
export function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');
}

/** The position a pagination cursor names; 400 for anything else. */
export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [createdAt, id] = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { createdAt: new Date(createdAt), id };
  } catch {
    throw new ApiError('invalid_cursor', 'Ce lien de pagination des commentaires n’est pas valide : rechargez la page.');
  }
}
