import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ratingAggregate, readerRating, removeRating, setRating } from '@/lib/readers/ratings';
import { pieceApi, query, randomAddress, Visitor } from '../setup/helpers';

describe('ratings through the API', () => {
  const api = pieceApi('articles/archive-02');

  it('rates, shows the reader their own rating, lets them change and withdraw it', async () => {
    const first = new Visitor();
    const empty = await first.get(api.rating);
    expect(empty).toMatchObject({ status: 200, body: { average: null, count: 0, distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }, mine: null } });

    const rated = await first.put(api.rating, { value: 5 });
    expect(rated.status).toBe(200);
    expect(rated.body).toEqual({ average: 5, count: 1, distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 1 }, mine: 5 });
    expect(rated.headers.get('set-cookie')).toMatch(/^pdr_reader=[A-Za-z0-9_-]{22}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
    expect((await first.get(api.rating)).body).toMatchObject({ count: 1, mine: 5 });

    const second = new Visitor();
    expect((await second.put(api.rating, { value: 3 })).body).toMatchObject({ average: 4, count: 2, mine: 3 });
    expect((await second.get(api.rating)).body).toMatchObject({ average: 4, count: 2, mine: 3 });

    expect((await first.put(api.rating, { value: 4 })).body).toMatchObject({ average: 3.5, count: 2, mine: 4, distribution: { 3: 1, 4: 1, 5: 0 } });
    expect((await first.delete(api.rating)).body).toMatchObject({ average: 3, count: 1, mine: null });
    expect((await new Visitor().get(api.rating)).body).toMatchObject({ average: 3, count: 1, mine: null });
  });

  it('answers an aggregate equal to one computed independently in SQL', async () => {
    const key = 'articles/archive-03';
    const visitors = Array.from({ length: 25 }, () => new Visitor());
    for (const [i, visitor] of visitors.entries()) await visitor.put(pieceApi(key).rating, { value: (i * 7) % 5 + 1 });
    await visitors[0]?.put(pieceApi(key).rating, { value: 1 });
    await visitors[1]?.delete(pieceApi(key).rating);
    const [expected] = await query<{ count: string; average: string }>(
      'SELECT count(*) AS count, round(avg(value), 1) AS average FROM ratings WHERE piece_key = $1',
      [key],
    );
    const perValue = await query<{ value: number; n: string }>('SELECT value, count(*) AS n FROM ratings WHERE piece_key = $1 GROUP BY value', [key]);
    const { body } = await new Visitor().get(pieceApi(key).rating);
    expect(body.count).toBe(Number(expected?.count));
    expect(body.average).toBe(Number(expected?.average));
    for (const row of perValue) expect((body.distribution as Record<string, number>)[row.value]).toBe(Number(row.n));
  });

  it('keeps exactly one rating when one reader sends 100 at once, and rate-limits the rest', async () => {
    const key = 'articles/archive-04';
    const reader = new Visitor();
    const warmup = await reader.put(pieceApi(key).rating, { value: 1 });
    expect(warmup.status).toBe(200);
    // Each from its own address, so that only the reader's own limit is at play.
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => reader.send('PUT', pieceApi(key).rating, { value: (i % 5) + 1 }, { 'x-forwarded-for': randomAddress() })),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status !== 200 && status !== 429)).toEqual([]);
    expect(statuses.filter((status) => status === 200)).toHaveLength(29); // 30 a minute, the warm-up included
    for (const answer of answers.filter((a) => a.status === 429)) {
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(answer.body).toMatchObject({ error: { code: 'rate_limited' } });
    }
    const rows = await query('SELECT * FROM ratings WHERE piece_key = $1', [key]);
    expect(rows).toHaveLength(1);
  });

  it('caps what clearing cookies can add: 100 new readers from one address add at most 20 ratings to a piece a day', async () => {
    const key = 'articles/archive-05';
    const address = '198.19.0.42';
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) statuses.push((await new Visitor(address).put(pieceApi(key).rating, { value: 5 })).status);
    expect(statuses.slice(0, 20).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(20).every((status) => status === 429)).toBe(true);
    expect((await new Visitor().get(pieceApi(key).rating)).body).toMatchObject({ count: 20, average: 5 });
  });

  it('limits rating changes per address and minute, over several readers', async () => {
    const key = 'articles/archive-11';
    const address = '198.19.0.43';
    const readers = [new Visitor(address), new Visitor(address), new Visitor(address)];
    const statuses: number[] = [];
    for (let round = 0; round < 21; round++) {
      for (const reader of readers) statuses.push((await reader.put(pieceApi(key).rating, { value: (round % 5) + 1 })).status);
    }
    expect(statuses.slice(0, 60).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(60)).toEqual([429, 429, 429]);
  });

  it.each([
    [{ value: 0 }, 'value'],
    [{ value: 6 }, 'value'],
    [{ value: 4.5 }, 'value'],
    [{ value: '5' }, 'value'],
    [{ value: null }, 'value'],
    [{}, 'value'],
    [{ value: 5, extra: true }, 'extra'],
  ])('refuses %j with 422 naming the field, and stores nothing', async (body, field) => {
    const visitor = new Visitor();
    const answer = await visitor.put(pieceApi('articles/archive-06').rating, body);
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ error: { code: 'validation_failed', field } });
    expect((answer.body.error as { message: string }).message).toMatch(/[a-zé]/);
    expect(await query('SELECT 1 FROM ratings WHERE piece_key = $1', ['articles/archive-06'])).toEqual([]);
  });
});

describe('the ratings service', () => {
  it('rounds the average to a tenth: 4, 4 and 5 make 4.3', async () => {
    const piece = `test/${randomUUID()}`;
    await setRating(piece, 'r:a', 4);
    await setRating(piece, 'r:b', 4);
    await setRating(piece, 'r:c', 5);
    expect(await ratingAggregate(piece)).toEqual({ average: 4.3, count: 3, distribution: { 1: 0, 2: 0, 3: 0, 4: 2, 5: 1 } });
  });

  it('changes a rating in place and withdraws it', async () => {
    const piece = `test/${randomUUID()}`;
    await setRating(piece, 'r:a', 2);
    const [before] = await query<{ id: string; created_at: Date }>('SELECT id, created_at FROM ratings WHERE piece_key = $1', [piece]);
    await setRating(piece, 'r:a', 5);
    const after = await query<{ id: string; value: number; updated_at: Date }>('SELECT id, value, updated_at FROM ratings WHERE piece_key = $1', [piece]);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: before?.id, value: 5 });
    expect(await readerRating(piece, 'r:a')).toBe(5);
    await removeRating(piece, 'r:a');
    expect(await readerRating(piece, 'r:a')).toBeNull();
    await removeRating(piece, 'r:a');
  });

  it('is refused by the database itself outside 1 to 5', async () => {
    await expect(query("INSERT INTO ratings (piece_key, reader_key, value) VALUES ('x', 'r:x', 6)")).rejects.toThrow(/ratings_value_check/);
  });
});
