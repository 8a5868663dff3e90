/** Machine codes of the API's errors, stable for clients. */
export type ErrorCode =
  | 'invalid_json'
  | 'invalid_cursor'
  | 'unsupported_media_type'
  | 'not_signed_in'
  | 'not_editor'
  | 'forbidden_origin'
  | 'not_author'
  | 'edit_window_closed'
  | 'banned'
  | 'comments_closed'
  | 'own_comment'
  | 'not_published'
  | 'piece_not_found'
  | 'comment_not_found'
  | 'not_found'
  | 'method_not_allowed'
  | 'already_reported'
  | 'already_decided'
  | 'payload_too_large'
  | 'validation_failed'
  | 'refused_term'
  | 'rate_limited'
  | 'database_unavailable'
  | 'mail_unavailable'
  | 'live_unavailable'
  | 'internal_error';

const STATUS: Record<ErrorCode, number> = {
  invalid_json: 400,
  invalid_cursor: 400,
  unsupported_media_type: 415,
  not_signed_in: 401,
  not_editor: 403,
  forbidden_origin: 403,
  not_author: 403,
  edit_window_closed: 403,
  banned: 403,
  comments_closed: 403,
  own_comment: 403,
  not_published: 409,
  piece_not_found: 404,
  comment_not_found: 404,
  not_found: 404,
  method_not_allowed: 405,
  already_reported: 409,
  already_decided: 409,
  payload_too_large: 413,
  validation_failed: 422,
  refused_term: 422,
  rate_limited: 429,
  database_unavailable: 503,
  mail_unavailable: 503,
  live_unavailable: 503,
  internal_error: 500,
};

/** An error a reader can act on: an HTTP status, a stable code and a French message. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { field?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export const MESSAGES = {
  databaseUnavailable:
    'Les avis et commentaires sont momentanément indisponibles. Votre saisie n’a pas été enregistrée : réessayez dans quelques minutes.',
  pieceNotFound: 'Ce contenu n’existe pas ou n’est pas publié.',
  commentNotFound: 'Ce commentaire n’existe pas ou n’est plus visible.',
  /** What a closed piece shows in place of its comment form (in the browser too), and every refused write says. */
  commentsClosed: 'Les commentaires sont fermés pour ce contenu.',
} as const;
