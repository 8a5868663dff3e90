import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { accountReaderKey } from '@/lib/accounts/merge';
import { currentAccount, type Account } from '@/lib/accounts/session';
import { isDatabaseUnavailable } from '@/lib/db/client';
import { env } from '@/lib/env';
import { ApiError, MESSAGES } from '@/lib/errors';
import { isForeignOrigin } from '@/lib/http/origin';
import {
  addressKeyOf,
  clientAddress,
  newReaderId,
  READER_COOKIE,
  readerCookie,
  readerIdFromCookies,
  readerKeyOf,
  SECURE_READER_COOKIE,
} from '@/lib/readers/identity';
import { readerSecret } from '@/lib/readers/secret';
import { failure, logger } from '@/lib/log';

/** Bodies larger than this are refused before they are parsed. */
export const MAX_BODY_BYTES = 16 * 1024;
const MAX_JSON_DEPTH = 20;

/** A JSON response. */
export function json(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set('content-type', 'application/json; charset=utf-8');
  headers.set('cache-control', 'no-store');
  return new Response(JSON.stringify(data), { ...init, headers });
}

function errorResponse(error: ApiError): Response {
  const headers: Record<string, string> = {};
  if (error.details.retryAfterSeconds) headers['retry-after'] = String(error.details.retryAfterSeconds);
  // A body refused before it was all read leaves the connection unusable: say so, or the
  // client may send its next request on a socket the server is about to reset.
  if (error.code === 'payload_too_large') headers.connection = 'close';
  const body = { error: { code: error.code, message: error.message, ...(error.details.field !== undefined && { field: error.details.field }) } };
  return json(body, { status: error.status, headers });
}

/** Runs a route handler; every failure becomes a JSON error with its status and a French message. */
export async function handleApi(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    // Next's own signals (a dynamic route found out while prerendering, a redirect) go through.
    unstable_rethrow(error);
    if (error instanceof ApiError) return errorResponse(error);
    if (isDatabaseUnavailable(error)) {
      logger('api').error({ err: failure(error) }, 'base de données indisponible');
      return errorResponse(new ApiError('database_unavailable', MESSAGES.databaseUnavailable));
    }
    logger('api').error({ err: failure(error) }, 'erreur inattendue');
    return errorResponse(new ApiError('internal_error', 'Une erreur inattendue est survenue. Réessayez ; si elle persiste, écrivez à la rédaction.'));
  }
}

/**
 * Refuses a state-changing request sent from another origin (CSRF): its Origin must be this
 * site's, and a browser's Sec-Fetch-Site must say same-origin. `Origin: null` is another origin.
 */
export function assertSameOrigin(request: Request): void {
  if (isForeignOrigin(request.headers, [new URL(request.url).origin, new URL(env.SITE_URL).origin])) {
    throw new ApiError('forbidden_origin', 'Cette action doit être faite depuis le site Place des Réseaux lui-même.');
  }
}

function depth(value: unknown, level = 0): number {
  if (level > MAX_JSON_DEPTH || value === null || typeof value !== 'object') return level;
  let deepest = level;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depth(child, level + 1));
  return deepest;
}

/** The raw text of a request body, refused (413) past MAX_BODY_BYTES before it is all read. */
async function readBodyText(request: Request): Promise<string> {
  const tooLarge = () => new ApiError('payload_too_large', `La requête est trop volumineuse (${MAX_BODY_BYTES / 1024} Ko au plus).`);
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new ApiError('invalid_json', 'Le corps de la requête n’est pas du texte UTF-8 valide.');
  }
}

/** The JSON body of a request, refused when too large, malformed or too deeply nested. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    // Read (within the size limit) before answering: answering a body still in flight resets the connection.
    await readBodyText(request).catch(() => undefined);
    throw new ApiError('unsupported_media_type', 'Envoyez les données en JSON (Content-Type: application/json).');
  }
  const text = await readBodyText(request);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ApiError('invalid_json', 'Le corps de la requête n’est pas du JSON valide.');
  }
  if (depth(data) > MAX_JSON_DEPTH) throw new ApiError('invalid_json', 'Le JSON envoyé est imbriqué trop profondément.');
  return data;
}

/** The fields of an HTML form sent without JavaScript (application/x-www-form-urlencoded). */
export async function readFormBody(request: Request): Promise<URLSearchParams> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) {
    await readBodyText(request).catch(() => undefined);
    throw new ApiError('unsupported_media_type', 'Ce formulaire doit être envoyé par le navigateur, tel quel.');
  }
  return new URLSearchParams(await readBodyText(request));
}

/** Validates input with its zod schema; the first problem becomes a 422 naming the field. */
// Of a union's branches, the one the input came closest to (the fewest issues) tells what is wrong:
// `{ email, reason, duration: "3j" }` is an email ban with a bad duration, not a comment ban.
function closestIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  const branch = issue.errors.reduce((best, candidate) => (candidate.length < best.length ? candidate : best));
  const first = branch[0];
  return first ? closestIssue({ ...first, path: [...issue.path, ...first.path] } as z.core.$ZodIssue) : issue;
}

export function parseInput<Schema extends z.ZodType>(schema: Schema, data: unknown): z.infer<Schema> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0] && closestIssue(result.error.issues[0]);
  if (!issue) throw new ApiError('validation_failed', 'Les données envoyées ne sont pas valides.');
  if (issue.code === 'unrecognized_keys') {
    const [key = ''] = issue.keys;
    throw new ApiError('validation_failed', `Le champ « ${key} » n’est pas attendu ici.`, { field: key });
  }
  if (issue.path.length === 0) throw new ApiError('validation_failed', 'Le corps de la requête doit être un objet JSON.');
  const field = issue.path.join('.');
  throw new ApiError('validation_failed', issue.message, { field });
}

/** Who sends a request: their account or reader id (from the cookie), its keyed hash and their address's. */
export type Reader = {
  readerId: string | null;
  readerKey: string | null;
  addressKey: string;
  account: Account | null;
  /** The cookie to set when a reader id was just made. */
  newCookie: { name: string; value: string; secure: boolean } | null;
};

type Identify = { create: boolean; secure: boolean; account: Account | null };

/**
 * The reader behind request headers: a signed-in account is stored under its own key; an
 * anonymous reader under the keyed hash of their cookie, made (with `create`) when there is none.
 */
export function identifyReader(headers: Pick<Headers, 'get'>, { create, secure, account }: Identify): Reader {
  const key = readerSecret();
  const addressKey = addressKeyOf(key, clientAddress(headers, env.TRUST_PROXY));
  const existing = readerIdFromCookies(headers.get('cookie'));
  if (account) return { readerId: existing, readerKey: accountReaderKey(account.id), addressKey, account, newCookie: null };
  if (existing) return { readerId: existing, readerKey: readerKeyOf(key, existing), addressKey, account: null, newCookie: null };
  if (!create) return { readerId: null, readerKey: null, addressKey, account: null, newCookie: null };
  const readerId = newReaderId();
  return {
    readerId,
    readerKey: readerKeyOf(key, readerId),
    addressKey,
    account: null,
    newCookie: { name: secure ? SECURE_READER_COOKIE : READER_COOKIE, value: readerId, secure },
  };
}

/** The reader behind a route handler's request. */
export async function readerOf(request: Request, { create }: { create: boolean }): Promise<Reader> {
  const account = await currentAccount();
  return identifyReader(request.headers, { create, secure: new URL(request.url).protocol === 'https:', account });
}

/** Who writes, as the services take it. */
export function writerOf(reader: Reader): { readerKey: string; addressKey: string; userId: string | null } {
  return { readerKey: reader.readerKey ?? '', addressKey: reader.addressKey, userId: reader.account?.id ?? null };
}

/** Adds the reader's new cookie to a response, when one was made. */
export function withReaderCookie(response: Response, reader: Reader): Response {
  if (reader.newCookie) response.headers.append('set-cookie', readerCookie(reader.newCookie.value, reader.newCookie.secure));
  return response;
}
