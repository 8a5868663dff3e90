import { seeOther } from '@/lib/http/form-posts';
import { assertSameOrigin, parseInput, readerOf, readFormBody, writerOf } from '@/lib/http/api';
import { ApiError } from '@/lib/errors';
import { noticeInputSchema } from '@/lib/desk/notice-schemas';
import { noticeAs } from '@/lib/readers/writes';
import { failure, logger } from '@/lib/log';

// « Signaler un contenu illicite » sent without JavaScript: the same checks and service as the
// API, then back (303) to the form's page, which says the reference or what to correct.
export async function POST(request: Request) {
  let back = '/';
  try {
    assertSameOrigin(request);
    const fields = await readFormBody(request);
    const commentId = fields.get('commentaire') ?? '';
    back = `/signalement?commentaire=${encodeURIComponent(commentId)}`;
    const input = parseInput(noticeInputSchema, {
      ground: fields.get('ground') ?? undefined,
      explanation: fields.get('explanation') ?? undefined,
      name: fields.get('name') ?? undefined,
      email: fields.get('email') ?? undefined,
      goodFaith: fields.get('goodFaith') === 'on' || undefined,
    });
    const reader = await readerOf(request, { create: true });
    const notice = await noticeAs(writerOf(reader), commentId, input);
    return seeOther(`${back}&reference=${notice.reference}#resultat`, reader);
  } catch (error) {
    if (error instanceof ApiError) return seeOther(`${back}&erreur=${error.details.field ?? error.code}#resultat`);
    logger('signalement').error({ err: failure(error) }, 'erreur inattendue');
    return seeOther(`${back}&erreur=internal_error#resultat`);
  }
}
