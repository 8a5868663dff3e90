import { timingSafeEqual } from 'node:crypto';

/** Whether a signed token received equals the one expected, compared in constant time. */
export function sameToken(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
