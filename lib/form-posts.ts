import 'server-only';
import { isDatabaseUnavailable } from '@/lib/db';
import { ApiError } from '@/lib/errors';
import { withReaderCookie, type Reader } from '@/lib/http';
import { noticeId, type FormName } from '@/lib/form-notices';

// The forms under a piece post here when the browser runs no JavaScript: the write goes
// through the same services, then the reader is sent back (303) to the piece, to the place that
// shows the new state or, through the URL's fragment, to the notice that says what happened
// (the page is static: its notices are shown by CSS `:target`, see components/reader/form-notice.tsx).

/** A 303 to `location`, with the reader's new cookie when one was made. */
export function seeOther(location: string, reader?: Reader): Response {
  const response = new Response(null, { status: 303, headers: { location } });
  return reader ? withReaderCookie(response, reader) : response;
}

/** Back to the piece, at the notice that says why the form was refused. */
export function formFailure(error: unknown, back: string, form: FormName): Response {
  if (error instanceof ApiError) {
    if (error.code === 'piece_not_found') return seeOther('/');
    return seeOther(`${back}#${noticeId(form, error.code, error.details.field)}`);
  }
  if (!isDatabaseUnavailable(error)) console.error('[formulaire] erreur inattendue :', error);
  return seeOther(`${back}#${noticeId(form, isDatabaseUnavailable(error) ? 'database_unavailable' : 'internal_error')}`);
}
