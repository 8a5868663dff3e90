import 'server-only';
import { db } from '@/lib/db/client';
import { ApiError, MESSAGES } from '@/lib/errors';
import { Prisma } from '@/lib/db/generated/prisma/client';
import type { ReportInput } from '@/lib/readers/report-schemas';

/** A reader reports a published comment; one report per reader and comment. */
export async function reportComment(commentId: string, input: ReportInput, readerKey: string) {
  const { prisma } = db();
  const comment = await prisma.comment.findFirst({ where: { id: commentId, status: 'published' }, select: { id: true } });
  if (!comment) throw new ApiError('comment_not_found', MESSAGES.commentNotFound);
  try {
    const report = await prisma.report.create({
      data: { commentId, reason: input.reason, details: input.details || null, readerKey },
    });
    return { id: report.id, reason: report.reason, createdAt: report.createdAt.toISOString() };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new ApiError('already_reported', 'Vous avez déjà signalé ce commentaire : la rédaction l’examinera.');
    }
    throw error;
  }
}
