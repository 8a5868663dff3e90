import 'server-only';
import type { z } from 'zod';
import { isDatabaseUnavailable } from '@/lib/db';
import { env } from '@/lib/env';
import { ApiError, MESSAGES } from '@/lib/errors';
import { addressKeyOf, clientAddress, newReaderId, readerCookie, readerIdFromCookies, readerKeyOf } from '@/lib/reader';

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
  const body = { error: { code: error.code, message: error.message, ...(error.details.field !== undefined && { field: error.details.field }) } };
  return json(body, { status: error.status, headers });
}

/** Runs a route handler; every failure becomes a JSON error with its status and a French message. */
export async function handleApi(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof ApiError) return errorResponse(error);
    if (isDatabaseUnavailable(error)) {
      console.error('[api] base de données indisponible :', error instanceof Error ? error.message : error);
      return errorResponse(new ApiError('database_unavailable', MESSAGES.databaseUnavailable));
    }
    console.error('[api] erreur inattendue :', error);
    return errorResponse(new ApiError('internal_error', 'Une erreur inattendue est survenue. Réessayez ; si elle persiste, écrivez à la rédaction.'));
  }
}

/**
 * Refuses a state-changing request sent from another origin (CSRF): its Origin must be this
 * site's, and a browser's Sec-Fetch-Site must say same-origin. `Origin: null` is another origin.
 */
export function assertSameOrigin(request: Request): void {
  const refuse = () => {
    throw new ApiError('forbidden_origin', 'Cette action doit être faite depuis le site Place des Réseaux lui-même.');
  };
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') refuse();
  const origin = request.headers.get('origin');
  if (origin === null) return; // not sent by a browser form or script: no ambient credentials to abuse
  const allowed = new Set([new URL(request.url).origin, new URL(env.SITE_URL).origin]);
  if (!allowed.has(origin)) refuse();
}

function depth(value: unknown, level = 0): number {
  if (level > MAX_JSON_DEPTH || value === null || typeof value !== 'object') return level;
  let deepest = level;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depth(child, level + 1));
  return deepest;
}

/** The JSON body of a request, refused when too large, malformed or too deeply nested. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const tooLarge = () => new ApiError('payload_too_large', `La requête est trop volumineuse (${MAX_BODY_BYTES / 1024} Ko au plus).`);
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new ApiError('unsupported_media_type', 'Envoyez les données en JSON (Content-Type: application/json).');
  }
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
  const malformed = () => new ApiError('invalid_json', 'Le corps de la requête n’est pas du JSON valide.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw malformed();
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw malformed();
  }
  if (depth(data) > MAX_JSON_DEPTH) throw new ApiError('invalid_json', 'Le JSON envoyé est imbriqué trop profondément.');
  return data;
}

/** Validates input with its zod schema; the first problem becomes a 422 naming the field. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, data: unknown): z.infer<Schema> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new ApiError('validation_failed', 'Les données envoyées ne sont pas valides.');
  if (issue.code === 'unrecognized_keys') {
    const [key = ''] = issue.keys;
    throw new ApiError('validation_failed', `Le champ « ${key} » n’est pas attendu ici.`, { field: key });
  }
  if (issue.path.length === 0) throw new ApiError('validation_failed', 'Le corps de la requête doit être un objet JSON.');
  const field = issue.path.join('.');
  throw new ApiError('validation_failed', issue.message, { field });
}

/** Who sends the request: their reader id (from the cookie), its keyed hash and their address's. */
export type Reader = { readerId: string | null; readerKey: string | null; addressKey: string; setCookie: string | null };

function secret(): string {
  if (!env.AUTH_SECRET) throw new ApiError('database_unavailable', 'Le service n’est pas configuré (AUTH_SECRET manquant).');
  return env.AUTH_SECRET;
}

/** The reader behind a request; with `create`, one is made (and its cookie set) when there is none. */
export function identifyReader(request: Request, { create }: { create: boolean }): Reader {
  const key = secret();
  const addressKey = addressKeyOf(key, clientAddress(request.headers, env.TRUST_PROXY));
  const existing = readerIdFromCookies(request.headers.get('cookie'));
  if (existing) return { readerId: existing, readerKey: readerKeyOf(key, existing), addressKey, setCookie: null };
  if (!create) return { readerId: null, readerKey: null, addressKey, setCookie: null };
  const readerId = newReaderId();
  const secure = new URL(request.url).protocol === 'https:';
  return { readerId, readerKey: readerKeyOf(key, readerId), addressKey, setCookie: readerCookie(readerId, secure) };
}

/** Adds the reader's new cookie to a response, when one was made. */
export function withReaderCookie(response: Response, reader: Reader): Response {
  if (reader.setCookie) response.headers.append('set-cookie', reader.setCookie);
  return response;
}
