import 'server-only';
import { publishedPieceKey } from '@/lib/content';
import { ApiError, MESSAGES } from '@/lib/errors';

/** The piece named by an API path, or 404 when it names no published piece. */
export async function requirePieceKey(params: Promise<{ section: string; slug: string }>): Promise<string> {
  const { section, slug } = await params;
  const key = await publishedPieceKey(section, slug);
  if (!key) throw new ApiError('piece_not_found', MESSAGES.pieceNotFound);
  return key;
}

/** A comment id (from a path, a form, an action); anything but a UUID names no comment: 404. */
export function commentIdOf(id: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    throw new ApiError('comment_not_found', MESSAGES.commentNotFound);
  }
  return id.toLowerCase();
}

/** A comment id from an API path; anything but a UUID names no comment. */
export async function requireCommentId(params: Promise<{ id: string }>): Promise<string> {
  return commentIdOf((await params).id);
}
