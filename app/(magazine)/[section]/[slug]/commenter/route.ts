import { requirePieceKey } from '@/lib/api-pieces';
import { createComment } from '@/lib/comments';
import { env } from '@/lib/env';
import { checkFormToken } from '@/lib/form-token';
import { formFailure, seeOther } from '@/lib/form-posts';
import { assertSameOrigin, parseInput, readerOf, readerSecret, readFormBody } from '@/lib/http';
import { revalidatePiece } from '@/lib/piece-data';
import { consumeRateLimit } from '@/lib/rate-limit';
import { commentInputSchema } from '@/lib/validations/comment';

type Context = { params: Promise<{ section: string; slug: string }> };

// The comment form, sent without JavaScript: the same rules as the server action behind it.
export async function POST(request: Request, { params }: Context) {
  const { section, slug } = await params;
  const back = `/${section}/${slug}`;
  try {
    const pieceKey = await requirePieceKey(params);
    assertSameOrigin(request);
    const form = await readFormBody(request);
    const field = (name: string) => form.get(name) ?? undefined;
    const input = parseInput(commentInputSchema, { author: field('author'), email: field('email'), body: field('body'), website: field('website') });
    const timing = checkFormToken(readerSecret(), form.get('startedAt'), Date.now());
    if (timing === 'too-fast') input.website ||= 'envoyé trop vite';
    const reader = readerOf(request, { create: true });
    const writer = { readerKey: reader.readerKey ?? '', addressKey: reader.addressKey };
    await consumeRateLimit('comment', writer);
    const comment = await createComment(pieceKey, input, writer, {
      moderation: { mode: env.COMMENT_MODERATION, maxLinks: env.COMMENT_MAX_LINKS },
      hold: timing === 'invalid',
    });
    revalidatePiece(pieceKey);
    if (comment.status === 'published') return seeOther(`${back}#commentaire-${comment.id}`, reader);
    return seeOther(`${back}#commentaire-pending`, reader);
  } catch (error) {
    return formFailure(error, back, 'commentaire');
  }
}
