import { createHmac, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';

/** The cookie that recognises an anonymous reader; `__Host-` and Secure on https. */
export const READER_COOKIE = 'pdr_reader';
export const SECURE_READER_COOKIE = '__Host-pdr_reader';
const TWO_YEARS_SECONDS = 2 * 365 * 24 * 3600;

/** Header our instrumentation hook sets to the TCP peer's address (see instrumentation.ts). */
export const REMOTE_ADDRESS_HEADER = 'x-pdr-remote-address';

/** A new random 128-bit reader id. */
export function newReaderId(): string {
  return randomBytes(16).toString('base64url');
}

export function isReaderId(value: string | undefined | null): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{22}$/.test(value);
}

function keyedHash(secret: string, purpose: string, value: string): string {
  return createHmac('sha256', secret).update(`${purpose}\0${value}`).digest('hex');
}

/** What the database stores for an anonymous reader: a keyed hash of their cookie id. */
export function readerKeyOf(secret: string, readerId: string): string {
  return `r:${keyedHash(secret, 'reader', readerId)}`;
}

// An IPv6 subscriber usually holds a whole /64: rotating inside it must not escape the limits.
function addressBucket(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = address.includes('::') ? 8 - left.length - right.length : 0;
  const groups = [...left, ...Array<string>(missing).fill('0'), ...right];
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** What the database stores of an address: a keyed hash, by /64 for IPv6. */
export function addressKeyOf(secret: string, address: string): string {
  return `a:${keyedHash(secret, 'address', addressBucket(address))}`;
}

/**
 * The client's address: the TCP peer, or with `trustedProxies` > 0 the entry of
 * X-Forwarded-For that the nearest trusted proxy saw. A client's own X-Forwarded-For is
 * never believed otherwise.
 */
export function clientAddress(headers: Pick<Headers, 'get'>, trustedProxies: number): string {
  const peer = headers.get(REMOTE_ADDRESS_HEADER)?.trim() || 'unknown';
  if (trustedProxies === 0) return peer;
  const chain = (headers.get('x-forwarded-for') ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  const candidate = chain[chain.length - trustedProxies];
  return candidate && isIP(candidate) ? candidate : peer;
}

/** The Set-Cookie value that gives a reader their id. */
export function readerCookie(readerId: string, secure: boolean): string {
  const name = secure ? SECURE_READER_COOKIE : READER_COOKIE;
  return `${name}=${readerId}; Path=/; Max-Age=${TWO_YEARS_SECONDS}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** The reader id carried by a Cookie header, if it is a well-formed one. */
export function readerIdFromCookies(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SECURE_READER_COOKIE || name === READER_COOKIE) {
      const value = rest.join('=');
      if (isReaderId(value)) return value;
    }
  }
  return null;
}
