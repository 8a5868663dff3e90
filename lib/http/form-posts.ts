import 'server-only';
import { isDatabaseUnavailable } from '@/lib/db/client';
import { ApiError } from '@/lib/errors';
import { requirePieceKey } from '@/lib/http/path-params';
import { assertSameOrigin, readFormBody, withReaderCookie, type Reader } from '@/lib/http/api';
import { noticeId, type FormName } from '@/lib/http/form-notices';
import { failure, logger } from '@/lib/log';

// The forms under a piece post here when the browser runs no JavaScript: the write goes
// through the same services, then the reader is sent back (303) to the piece, to the place that
// shows the new state or, through the URL's fragment, to the notice that says what happened
// (the page is static: its notices are shown by CSS `:target`, see components/reader/form-notice.tsx).

/** A 303 to `location`, with the reader's new cookie when one was made. */
export function seeOther(location: string, reader?: Reader): Response {
  const response = new Response(null, { status: 303, headers: { location } });
  return reader ? withReaderCookie(response, reader) : response;
}

/**
 * Runs a form sent without JavaScript to a piece's `/noter` or `/commenter`: the checks common
 * to both (a published piece, this site's origin, a form body), then `handle`; any refusal
 * sends the reader back to the notice that explains it.
 */
export async function handleFormPost(
  request: Request,
  params: Promise<{ section: string; slug: string }>,
  form: FormName,
  handle: (context: { pieceKey: string; fields: URLSearchParams; back: string }) => Promise<Response>,
): Promise<Response> {
  const { section, slug } = await params;
  const back = `/${section}/${slug}`;
  try {
    const pieceKey = await requirePieceKey(params);
    assertSameOrigin(request);
    return await handle({ pieceKey, fields: await readFormBody(request), back });
  } catch (error) {
    return formFailure(error, back, form);
  }
}

/** Back to the piece, at the notice that says why the form was refused. */
function formFailure(error: unknown, back: string, form: FormName): Response {
  if (error instanceof ApiError) {
    if (error.code === 'piece_not_found') return seeOther('/');
    return seeOther(`${back}#${noticeId(form, error.code, error.details.field)}`);
  }
  if (!isDatabaseUnavailable(error)) logger('formulaire').error({ err: failure(error) }, 'erreur inattendue');
  return seeOther(`${back}#${noticeId(form, isDatabaseUnavailable(error) ? 'database_unavailable' : 'internal_error')}`);
}
