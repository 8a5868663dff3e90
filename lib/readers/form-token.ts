import { createHmac } from 'node:crypto';
import { sameToken } from '@/lib/tokens';

/** A form sent sooner than this after it was shown is a robot's. */
export const MIN_FILL_MS = 3000;

function sign(secret: string, issuedAt: number): string {
  return createHmac('sha256', secret).update(`comment-form\0${issuedAt}`).digest('base64url');
}

/** A token recording when the comment form was shown, signed so it cannot be forged. */
export function issueFormToken(secret: string, now: number): string {
  return `${now}.${sign(secret, now)}`;
}

/** Whether a form came with a genuine token, shown at least MIN_FILL_MS before `now`. */
export function checkFormToken(secret: string, token: string | null | undefined, now: number): 'ok' | 'too-fast' | 'invalid' {
  const [issued = '', signature = ''] = (token ?? '').split('.');
  const issuedAt = Number(issued);
  if (!/^\d{10,16}$/.test(issued) || !Number.isSafeInteger(issuedAt)) return 'invalid';
  if (!sameToken(sign(secret, issuedAt), signature)) return 'invalid';
  return now - issuedAt >= MIN_FILL_MS ? 'ok' : 'too-fast';
}
