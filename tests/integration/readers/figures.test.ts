import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { deleteAccount } from '@/lib/accounts/account-changes';
import { mergeReader } from '@/lib/accounts/merge';
import { recountFigures } from '@/lib/db/figures';
import { moderateComments } from '@/lib/desk/moderation';
import { createComment, deleteComment, editComment } from '@/lib/readers/comments';
import { ratingAggregate, removeRating, setRating } from '@/lib/readers/ratings';
import { databaseUrl, query } from '../setup/helpers';

// Each piece's figures are kept by the database (migration piece_figures), not recomputed: after
// any mix of concurrent changes they must equal a count of the rows.

const MODERATION = { mode: 'post' as const, maxLinks: 2 };
const EDITOR = { id: randomUUID(), email: 'redaction@exemple.fr', name: null, isEditor: true };

/** The figures that differ from a count of the rows (nothing corrected: rolled back). */
async function drift(): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    return await recountFigures(client);
  } finally {
    await client.query('ROLLBACK');
    await client.end();
  }
}

type Op =
  | { kind: 'rate'; reader: number; piece: number; value: number }
  | { kind: 'withdraw'; reader: number; piece: number }
  | { kind: 'comment'; reader: number; piece: number }
  | { kind: 'edit' | 'delete'; comment: number }
  | { kind: 'moderate'; comment: number; action: 'approve' | 'reject' | 'spam' | 'delete' }
  | { kind: 'deleteAccount' | 'merge'; account: number; reader: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('rate' as const), reader: fc.nat(5), piece: fc.nat(2), value: fc.integer({ min: 1, max: 5 }) }), weight: 5 },
  fc.record({ kind: fc.constant('withdraw' as const), reader: fc.nat(5), piece: fc.nat(2) }),
  { arbitrary: fc.record({ kind: fc.constant('comment' as const), reader: fc.nat(5), piece: fc.nat(2) }), weight: 3 },
  fc.record({ kind: fc.constantFrom('edit' as const, 'delete' as const), comment: fc.nat(20) }),
  fc.record({ kind: fc.constant('moderate' as const), comment: fc.nat(20), action: fc.constantFrom('approve' as const, 'reject' as const, 'spam' as const, 'delete' as const) }),
  fc.record({ kind: fc.constantFrom('deleteAccount' as const, 'merge' as const), account: fc.nat(2), reader: fc.nat(5) }),
);

describe('the figures kept by the database', () => {
  it('equal a count of the rows after random concurrent ratings, comments, moderation, account deletions and merges', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(op, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }), async (batches) => {
        const run = randomUUID().slice(0, 8);
        const pieces = [0, 1, 2].map((index) => `articles/figures-${run}-${index}`);
        const readers = [0, 1, 2, 3, 4, 5].map((index) => `figures-${run}-${index}`);
        const accounts = await Promise.all(
          [0, 1, 2].map(async (index) => (await query<{ id: string }>('INSERT INTO users (email) VALUES ($1) RETURNING id', [`figures-${run}-${index}@exemple.fr`]))[0]?.id ?? ''),
        );
        const comments: { id: string; readerKey: string }[] = [];
        const apply = async (step: Op) => {
          try {
            switch (step.kind) {
              case 'rate':
                return await setRating(pieces[step.piece] ?? '', readers[step.reader] ?? '', step.value);
              case 'withdraw':
                return await removeRating(pieces[step.piece] ?? '', readers[step.reader] ?? '');
              case 'comment': {
                const writer = { readerKey: readers[step.reader] ?? '', addressKey: 'figures' };
                const created = await createComment(pieces[step.piece] ?? '', { author: 'Figure', body: 'Un commentaire compté.' }, writer, { moderation: MODERATION });
                comments.push({ id: created.id, readerKey: writer.readerKey });
                return;
              }
              case 'edit': {
                const target = comments[step.comment % Math.max(1, comments.length)];
                if (target) await editComment(target.id, 'Modifié, avec http://a.fr http://b.fr http://c.fr', target.readerKey, { moderation: MODERATION });
                return;
              }
              case 'delete': {
                const target = comments[step.comment % Math.max(1, comments.length)];
                if (target) await deleteComment(target.id, target.readerKey);
                return;
              }
              case 'moderate': {
                const target = comments[step.comment % Math.max(1, comments.length)];
                if (target) await moderateComments([target.id], step.action, EDITOR);
                return;
              }
              case 'merge':
                return await mergeReader(readers[step.reader] ?? '', accounts[step.account] ?? '');
              case 'deleteAccount': {
                const id = accounts[step.account] ?? '';
                await mergeReader(readers[step.reader] ?? '', id);
                await query('DELETE FROM sessions WHERE user_id = $1', [id]);
                if ((await query('SELECT 1 FROM users WHERE id = $1', [id])).length > 0) await deleteAccount(id);
                return;
              }
            }
          } catch (error) {
            // The rules refuse some steps (a comment already gone or no longer its author's, an
            // account another step of the batch deleted first), and
            // PostgreSQL may abort one of two crossing transactions (deadlock, unique key): each
            // rolls back whole, and the figures must still match.
            const refused = /comment_not_found|not_author|P2025|deadlock|duplicate key|Unique constraint|could not serialize/i;
            if (!(error instanceof Error) || !refused.test(`${(error as { code?: string }).code ?? ''} ${error.message}`)) throw error;
          }
        };
        // Each batch runs concurrently; batches one after the other.
        for (const batch of batches) await Promise.all(batch.map(apply));
        expect(await drift()).toEqual([]);
        const aggregate = await ratingAggregate(pieces[0] ?? '');
        const [counted] = await query<{ count: number; sum: number | null }>('SELECT count(*)::int AS count, sum(value)::int AS sum FROM ratings WHERE piece_key = $1', [pieces[0]]);
        expect(aggregate.count).toBe(counted?.count);
        expect(aggregate.average).toBe(counted?.count ? Math.round(((counted.sum ?? 0) / counted.count) * 10) / 10 : null);
      }),
      { numRuns: 25 },
    );
  });

  it('stays exact when 200 readers rate one piece at once', async () => {
    const piece = `articles/figures-foule-${randomUUID().slice(0, 8)}`;
    await Promise.all(Array.from({ length: 200 }, (_, index) => setRating(piece, `foule-${index}`, 1 + (index % 5))));
    expect(await ratingAggregate(piece)).toEqual({ average: 3, count: 200, distribution: { 1: 40, 2: 40, 3: 40, 4: 40, 5: 40 } });
    expect(await drift()).toEqual([]);
  });

  it('npm run db:recount corrects a deliberately corrupted figure and says which', async () => {
    const piece = `articles/figures-abimees-${randomUUID().slice(0, 8)}`;
    for (let index = 0; index < 10; index++) await setRating(piece, `abime-${index}`, 4);
    await query('UPDATE piece_figures SET ratings = ratings + 5, stars_1 = stars_1 + 5, rating_sum = rating_sum + 5, comments = 7 WHERE piece_key = $1', [piece]);
    expect((await ratingAggregate(piece)).count).toBe(15);
    const recount = () => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/recount.ts'], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8', timeout: 60_000 });
    const first = recount();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain(`- ${piece} : ratings 15 → 10, rating_sum 45 → 40, stars_1 5 → 0, comments 7 → 0`);
    expect(await ratingAggregate(piece)).toEqual({ average: 4, count: 10, distribution: { 1: 0, 2: 0, 3: 0, 4: 10, 5: 0 } });
    const second = recount();
    expect(second.stdout).toContain('Les chiffres de chaque contenu sont justes');
  });
});
