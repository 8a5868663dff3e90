import { createHash } from 'node:crypto';
import http from 'node:http';
import fresh from 'fresh';

const PATCHED = Symbol.for('placedesreseaux.responseBytesPatched');
/** Below this many UTF-16 units, a string answer is left to Node as it is. */
const MIN_LENGTH = 4096;
/** The bytes of the last pages sent: a cached page is the same string for every reader. */
const RECENT_MAX = 64;

type Page = { bytes: Buffer; etag: string };
const recent = new Map<string, Page>();

function pageOf(text: string): Page {
  // A string keeps its hash once computed, so finding the page sent a moment ago costs nothing
  // next to encoding and hashing it again.
  let page = recent.get(text);
  if (!page) {
    const bytes = Buffer.from(text, 'utf8');
    // Weak: Next's compression may send these bytes gzipped, another representation.
    page = { bytes, etag: `W/"${createHash('sha1').update(bytes).digest('base64url')}"` };
    if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value as string);
    recent.set(text, page);
  }
  return page;
}

type End = (this: http.ServerResponse, ...args: unknown[]) => http.ServerResponse;

/**
 * `end`'s arguments with the page's bytes in place of its string, its ETag set; without the page
 * (a 304, no body) for a reader who has it.
 */
function asPage(response: http.ServerResponse, args: unknown[]): unknown[] {
  const [chunk, encoding] = args;
  const utf8 = encoding === undefined || typeof encoding === 'function' || encoding === 'utf8' || encoding === 'utf-8';
  if (typeof chunk !== 'string' || chunk.length < MIN_LENGTH || !utf8) return args;
  const page = pageOf(chunk);
  const rest = args.slice(typeof encoding === 'string' ? 2 : 1);
  const request = response.req as http.IncomingMessage | undefined;
  if (response.headersSent || response.statusCode !== 200 || request?.method !== 'GET' || response.hasHeader('etag')) return [page.bytes, ...rest];
  response.setHeader('ETag', page.etag);
  // fresh: Next's own rule (If-None-Match, and never under the request's Cache-Control: no-cache).
  if (!fresh(request.headers, { etag: page.etag })) return [page.bytes, ...rest];
  response.statusCode = 304;
  response.removeHeader('content-length');
  return rest;
}

/**
 * Makes `res.end(string)` of a page send its UTF-8 bytes, encoded once per page rather than once
 * per reader, with an ETag hashed once per page too (Next's own, `generateEtags`, is off in
 * next.config.ts: it hashed the whole HTML in JavaScript on every request, ≈ 19 % of the busy
 * CPU in a profile under load). Next answers a prerendered page with `res.end(html)`, and Node
 * writes a string holding any character beyond Latin-1 (the typographic apostrophe of every
 * French text) about three times slower than the same bytes encoded first: 3,755 against 11,524
 * answers a second for an 85 kB page in a bare Node server here (wrk, 50 connections).
 *
 * Next's compression replaces `end` on each response and sends the headers as soon as its own
 * `end` is called, before the prototype's: `end` becomes an accessor, so that the function
 * compression sets runs after ours (the ETag goes out with the headers) and the one it keeps
 * (`res.end` read before) is ours too. The bytes sent and Content-Length are unchanged; a HEAD
 * request, which Next ends without the page, gets no ETag.
 */
export function sendPagesAsBytes(): void {
  const prototype = http.ServerResponse.prototype as http.ServerResponse & { [PATCHED]?: true };
  if (prototype[PATCHED]) return;
  prototype[PATCHED] = true;
  const end = prototype.end as End;
  // The prototype's: the page prepared (a second time does nothing: the chunk is bytes by then).
  const pageEnd: End = function (this: http.ServerResponse, ...args: unknown[]) {
    return end.apply(this, asPage(this, args));
  };
  Object.defineProperty(prototype, 'end', {
    configurable: true,
    get: () => pageEnd,
    set(this: http.ServerResponse, replacement: End) {
      // A 304 goes through compression's `end` too: without a body it compresses nothing.
      const own: End = function (this: http.ServerResponse, ...args: unknown[]) {
        return replacement.apply(this, asPage(this, args));
      };
      Object.defineProperty(this, 'end', { value: own, writable: true, configurable: true, enumerable: true });
    },
  });
}
