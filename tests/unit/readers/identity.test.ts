import { describe, expect, it } from 'vitest';
import {
  addressKeyOf,
  clientAddress,
  isReaderId,
  newReaderId,
  readerCookie,
  readerIdFromCookies,
  readerKeyOf,
  REMOTE_ADDRESS_HEADER,
} from '@/lib/readers/identity';

const SECRET = 'a'.repeat(32);

describe('reader identity', () => {
  it('makes random 128-bit ids and recognises only well-formed ones', () => {
    const ids = new Set(Array.from({ length: 100 }, newReaderId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(isReaderId(id)).toBe(true);
    expect(isReaderId('short')).toBe(false);
    expect(isReaderId('<script>alert(1)</script>xx')).toBe(false);
  });

  it('stores a keyed hash, never the id itself, and the same id always gives the same key', () => {
    const id = newReaderId();
    const key = readerKeyOf(SECRET, id);
    expect(key).toMatch(/^r:[0-9a-f]{64}$/);
    expect(key).not.toContain(id);
    expect(readerKeyOf(SECRET, id)).toBe(key);
    expect(readerKeyOf('b'.repeat(32), id)).not.toBe(key);
  });

  it('sets an HttpOnly, SameSite=Lax cookie, __Host- and Secure on https', () => {
    expect(readerCookie('x'.repeat(22), false)).toBe(`pdr_reader=${'x'.repeat(22)}; Path=/; Max-Age=63072000; HttpOnly; SameSite=Lax`);
    expect(readerCookie('x'.repeat(22), true)).toMatch(/^__Host-pdr_reader=x{22}; Path=\/; .*HttpOnly; SameSite=Lax; Secure$/);
  });

  it('reads the id back from either cookie name and ignores forged values', () => {
    const id = newReaderId();
    expect(readerIdFromCookies(`theme=dark; pdr_reader=${id}`)).toBe(id);
    expect(readerIdFromCookies(`__Host-pdr_reader=${id}`)).toBe(id);
    expect(readerIdFromCookies('pdr_reader=../../etc')).toBeNull();
    expect(readerIdFromCookies(null)).toBeNull();
  });
});

describe('client address', () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);

  it('uses the TCP peer and ignores X-Forwarded-For unless proxies are trusted', () => {
    const request = headers({ [REMOTE_ADDRESS_HEADER]: '203.0.113.7', 'x-forwarded-for': '198.51.100.1' });
    expect(clientAddress(request, 0)).toBe('203.0.113.7');
  });

  it('with one trusted proxy, takes the address that proxy appended', () => {
    const request = headers({ [REMOTE_ADDRESS_HEADER]: '127.0.0.1', 'x-forwarded-for': '6.6.6.6, 198.51.100.1' });
    expect(clientAddress(request, 1)).toBe('198.51.100.1');
    expect(clientAddress(request, 2)).toBe('6.6.6.6');
  });

  it('falls back to the peer when the forwarded entry is missing or not an address', () => {
    expect(clientAddress(headers({ [REMOTE_ADDRESS_HEADER]: '127.0.0.1', 'x-forwarded-for': 'nonsense' }), 1)).toBe('127.0.0.1');
    expect(clientAddress(headers({ [REMOTE_ADDRESS_HEADER]: '127.0.0.1' }), 1)).toBe('127.0.0.1');
  });

  it('hashes addresses, groups an IPv6 /64 together and reads IPv4-mapped addresses as IPv4', () => {
    expect(addressKeyOf(SECRET, '192.0.2.1')).toMatch(/^a:[0-9a-f]{64}$/);
    expect(addressKeyOf(SECRET, '::ffff:192.0.2.1')).toBe(addressKeyOf(SECRET, '192.0.2.1'));
    expect(addressKeyOf(SECRET, '2001:db8:1:2::1')).toBe(addressKeyOf(SECRET, '2001:0db8:0001:0002:ffff:1:2:3'));
    expect(addressKeyOf(SECRET, '2001:db8:1:2::1')).not.toBe(addressKeyOf(SECRET, '2001:db8:1:3::1'));
    expect(addressKeyOf(SECRET, '192.0.2.1')).not.toBe(addressKeyOf(SECRET, '192.0.2.2'));
  });
});
