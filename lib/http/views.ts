import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_BEACON_BYTES } from '@/lib/audience/audience-schemas';
import { receiveBeacon } from '@/lib/audience/beacons';
import { env } from '@/lib/env';
import { ApiError } from '@/lib/errors';
import { methodNotAllowedBody } from '@/lib/http/route-methods';
import { beforeEveryRequest } from '@/lib/http/server-requests';
import { clientAddress, REMOTE_ADDRESS_HEADER } from '@/lib/readers/identity';
import { failure, logger } from '@/lib/log';

// POST /api/views, the audience's beacon, answered in the server's own request event: one
// instance takes 1,000 of them a second (BENCHMARKS.md), where a route handler would spend on
// each the CPU of a page. The other hooks run first (the in-flight count, the peer's address,
// the request guard); Next never sees a beacon. Nothing is logged per beacon, refused or not.

const PATH = '/api/views';

function answer(response: ServerResponse, status: number, body?: object, headers: Record<string, string> = {}): void {
  const text = body ? JSON.stringify(body) : '';
  response.writeHead(status, {
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...(text && { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) }),
    ...headers,
  });
  response.end(text);
}

function refuse(response: ServerResponse, error: ApiError): void {
  const headers: Record<string, string> = {};
  if (error.details.retryAfterSeconds) headers['retry-after'] = String(error.details.retryAfterSeconds);
  if (error.code === 'payload_too_large') headers.connection = 'close';
  const body = { error: { code: error.code, message: error.message, ...(error.details.field !== undefined && { field: error.details.field }) } };
  answer(response, error.status, body, headers);
}

const tooLarge = () => new ApiError('payload_too_large', `Une mesure d’audience fait ${MAX_BEACON_BYTES / 1024} Ko au plus.`);

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_BEACON_BYTES) return reject(tooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BEACON_BYTES) {
        request.removeAllListeners('data');
        request.resume();
        reject(tooLarge());
      } else chunks.push(chunk);
    });
    request.on('end', () => {
      try {
        resolve(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
      } catch {
        reject(new ApiError('invalid_json', 'Le corps de la requête n’est pas du texte UTF-8 valide.'));
      }
    });
    request.on('error', reject);
  });
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  try {
    const body = await readBody(request);
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    };
    await receiveBeacon({ body, address: clientAddress({ get: (name) => header(name) ?? null }, env.TRUST_PROXY), header, now: Date.now() });
    answer(response, 204);
  } catch (error) {
    if (error instanceof ApiError) return refuse(response, error);
    logger('audience').error({ err: failure(error) }, 'mesure non comptée');
    refuse(response, new ApiError('internal_error', 'Une erreur inattendue est survenue : cette page n’a pas été comptée.'));
  }
}

/** Makes every HTTP server of this process answer the audience's beacons (POST /api/views) itself. */
export function countViews(): void {
  beforeEveryRequest('audienceViews', (request, response) => {
    const url = request.url ?? '';
    if (url !== PATH && !url.startsWith(`${PATH}?`)) return false;
    if (request.method === 'POST') {
      request.headers[REMOTE_ADDRESS_HEADER] = request.socket.remoteAddress ?? 'unknown';
      void handle(request, response);
    } else if (request.method === 'OPTIONS') {
      answer(response, 204, undefined, { allow: 'POST, OPTIONS' });
    } else {
      const body = methodNotAllowedBody(request.method ?? '', ['POST', 'OPTIONS']);
      answer(response, 405, JSON.parse(body) as object, { allow: 'POST, OPTIONS' });
    }
    return true;
  });
}
