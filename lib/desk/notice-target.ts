import 'server-only';
import { db } from '@/lib/db/client';

// Apart from notices.ts so that proxy.ts, which asks before rendering, imports the database client only.

/** The published comment a notice form names, or null. */
export async function noticeTarget(commentId: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(commentId)) return null;
  const row = await db().prisma.comment.findFirst({ where: { id: commentId.toLowerCase(), status: 'published' }, select: { id: true, pieceKey: true, authorName: true, body: true, createdAt: true } });
  return row && { id: row.id, pieceKey: row.pieceKey, author: row.authorName, body: row.body, createdAt: row.createdAt.toISOString() };
}

/** The reference of a notice about this comment, when the form's answer names one that exists. */
export async function receivedNotice(commentId: string, reference: string): Promise<string | null> {
  if (!/^DSA-\d{4}-[0-9A-Z]{5}$/.test(reference)) return null;
  const row = await db().prisma.notice.findFirst({ where: { commentId, reference }, select: { reference: true } });
  return row?.reference ?? null;
}
