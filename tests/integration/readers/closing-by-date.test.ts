import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { query } from '../setup/helpers';

// Closing by age, with a controlled clock: the services of this process run with
// COMMENTS_CLOSE_AFTER_DAYS=30 (the test servers with 0, so that the dated test archive never
// closes by itself), and each write says when it happens.

// Dated 2026-10-02 (midnight in Paris, 2026-10-01T22:00Z): open for 30 × 24 hours, until 2026-10-31T22:00Z.
const key = 'articles/archive-02';
const writer = () => ({ readerKey: `r:${randomUUID()}`, addressKey: `a:${randomUUID()}` });
const POST = { mode: 'post', maxLinks: 2 } as const;
let lib: typeof import('@/lib/readers/comments');

beforeAll(async () => {
  vi.stubEnv('COMMENTS_CLOSE_AFTER_DAYS', '30');
  vi.resetModules();
  lib = await import('@/lib/readers/comments');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await query('DELETE FROM piece_settings WHERE piece_key = $1', [key]);
});

describe('comments closing by themselves', () => {
  it('takes a comment on the last day, refuses it the day after, until an editor reopens the piece', async () => {
    const before = new Date('2026-10-31T21:59:00Z');
    const after = new Date('2026-10-31T22:01:00Z');
    await expect(lib.createComment(key, { author: 'À temps', body: 'Juste à temps.' }, writer(), { moderation: POST, now: before })).resolves.toMatchObject({ status: 'published' });
    await expect(lib.createComment(key, { author: 'En retard', body: 'Un jour trop tard.' }, writer(), { moderation: POST, now: after })).rejects.toMatchObject({
      code: 'comments_closed',
      status: 403,
      message: 'Les commentaires sont fermés pour ce contenu.',
    });
    expect((await lib.pieceCommentsState(key, after.getTime())).open).toBe(false);
    expect((await lib.pieceCommentsState(key, before.getTime())).closesAt).toBe(Date.parse('2026-10-31T22:00:00Z'));

    // An editor's choice comes before the age rule.
    await query('INSERT INTO piece_settings (piece_key, comments_open) VALUES ($1, true)', [key]);
    await expect(lib.createComment(key, { author: 'Rouvert', body: 'Rouvert par la rédaction.' }, writer(), { moderation: POST, now: after })).resolves.toMatchObject({ status: 'published' });
  });
});
