import 'server-only';
import { cursorBefore, cursorPosition, encodeCursor, type CommentPosition } from '@/lib/readers/comment-cursor';
import { db } from '@/lib/db/client';
import type { Comment as CommentRow, Prisma } from '@/lib/db/generated/prisma/client';
import type { CommentPage, CommentSort, FeaturedComment, LiveComment, PublicComment, PublicReply } from '@/lib/readers/comment-schemas';

// What readers read of a piece's comments: its pages in the three orders, the featured ones for
// the strip above the thread, and one comment (for the live notices).

// Ten under the piece, then « Voir plus de commentaires »: each comment shown weighs on every
// reader's page (its text goes out twice, in the HTML and in React's payload).
export const COMMENTS_PAGE_SIZE = 10;
/** The « Coups de cœur de la rédaction » shown above the thread, at most. */
export const FEATURED_SHOWN = 3;

/** A comment row as every reader may see it (never its email, nor its writer's keys). */
export function publicReply(row: CommentRow): PublicReply {
  return {
    id: row.id,
    author: row.authorName,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    badge: row.badge ?? null,
    featured: row.featuredAt !== null,
    useful: row.useful,
  };
}

const ORDER: Record<CommentSort, Prisma.CommentOrderByWithRelationInput[]> = {
  oldest: [{ createdAt: 'asc' }, { id: 'asc' }],
  newest: [{ createdAt: 'desc' }, { id: 'desc' }],
  useful: [{ useful: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }],
};

function after(sort: CommentSort, position: CommentPosition): Prisma.CommentWhereInput {
  const later = { OR: [{ createdAt: { gt: position.createdAt } }, { createdAt: position.createdAt, id: { gt: position.id } }] };
  if (sort === 'oldest') return later;
  if (sort === 'newest') return { OR: [{ createdAt: { lt: position.createdAt } }, { createdAt: position.createdAt, id: { lt: position.id } }] };
  return { OR: [{ useful: { lt: position.useful } }, { useful: position.useful, ...later }] };
}

/** The number of published comments of a piece, replies included. */
export async function countPublishedComments(pieceKey: string): Promise<number> {
  return db().prisma.comment.count({ where: { pieceKey, status: 'published' } });
}

/** One page of a piece's published comments in `sort` order, each with its published replies (oldest first). */
export async function listPublishedComments(pieceKey: string, cursor?: string | null, sort: CommentSort = 'oldest'): Promise<Omit<CommentPage, 'open'>> {
  const position = cursor ? cursorPosition(cursor, sort) : null;
  const where: Prisma.CommentWhereInput = {
    pieceKey,
    parentId: null,
    // A deleted comment stays as a placeholder while it has published replies.
    OR: [{ status: 'published' }, { status: 'deleted', replies: { some: { status: 'published' } } }],
    ...(position && { AND: [after(sort, position)] }),
  };
  const [count, rows] = await Promise.all([
    countPublishedComments(pieceKey),
    db().prisma.comment.findMany({
      where,
      orderBy: ORDER[sort],
      take: COMMENTS_PAGE_SIZE + 1,
      include: { replies: { where: { status: 'published' }, orderBy: ORDER.oldest } },
    }),
  ]);
  const page = rows.slice(0, COMMENTS_PAGE_SIZE);
  const last = page.at(-1);
  const comments: PublicComment[] = page.map((row) => {
    const deleted = row.status === 'deleted';
    return {
      ...publicReply(row),
      ...(deleted && { author: '', body: '', editedAt: null, badge: null, featured: false }),
      deleted,
      replies: row.replies.map(publicReply),
    };
  });
  const nextCursor = rows.length > COMMENTS_PAGE_SIZE && last ? encodeCursor({ ...last, useful: sort === 'useful' ? last.useful : undefined }) : null;
  return { count, sort, comments, nextCursor };
}

/**
 * The newest « Coups de cœur » of a piece (3 at most), each with its link: into the page when its
 * thread is among `shownTopIds` (the first page's), else to the comments page where its thread starts.
 */
export async function featuredComments(pieceKey: string, shownTopIds: ReadonlySet<string>): Promise<FeaturedComment[]> {
  const rows = await db().prisma.comment.findMany({
    where: { pieceKey, status: 'published', featuredAt: { not: null } },
    orderBy: [{ featuredAt: 'desc' }, { id: 'asc' }],
    take: FEATURED_SHOWN,
    include: { parent: { select: { id: true, createdAt: true } } },
  });
  return rows.map((row) => {
    const top = row.parent ?? row;
    const anchor = `#commentaire-${row.id}`;
    const href = shownTopIds.has(top.id) ? anchor : `/${pieceKey}/commentaires?apres=${cursorBefore(top)}${anchor}`;
    return { ...publicReply(row), href };
  });
}

/** A comment as it is announced live: its public fields and its parent, or null once it is not published. */
export async function publishedComment(id: string): Promise<LiveComment | null> {
  const row = await db().prisma.comment.findFirst({ where: { id, status: 'published' } });
  return row && { ...publicReply(row), parentId: row.parentId };
}
