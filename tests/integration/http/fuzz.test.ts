import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseUrl, query, randomAddress } from '../setup/helpers';

// Generated bodies, headers and path segments thrown at every write endpoint: the answer is
// always one of the documented ones, never a 500, and what is stored keeps the schema's rules.
const DOCUMENTED = new Set([200, 201, 202, 400, 403, 404, 409, 413, 415, 422, 429, 503]);
const RUNS_PER_ENDPOINT = 2500;

const anyText = fc.string({ unit: 'binary', maxLength: 120 });
const body = fc.oneof(
  fc.json(),
  anyText,
  fc.record({ author: anyText, body: anyText, details: anyText, reason: fc.constant('other') }, { requiredKeys: [] }).map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 200 }),
  fc.record({ value: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null)) }, { requiredKeys: [] }).map((value) => JSON.stringify(value)),
  fc
    .record(
      { author: fc.string({ maxLength: 80 }), body: fc.string({ maxLength: 300 }), email: fc.string(), parentId: fc.uuid(), website: fc.string({ maxLength: 5 }), notify: fc.boolean() },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
  fc.record({ reason: fc.constantFrom('spam', 'abuse', 'off_topic', 'other', 'x'), details: fc.string({ maxLength: 1200 }) }, { requiredKeys: [] }).map((value) => JSON.stringify(value)),
  fc
    .record({ email: fc.oneof(fc.emailAddress(), fc.string({ maxLength: 300 })), rhythm: fc.constantFrom('each', 'weekly', 'daily', ''), website: fc.string({ maxLength: 3 }), startedAt: fc.string({ maxLength: 30 }) }, { requiredKeys: [] })
    .map((value) => JSON.stringify(value)),
  fc.integer({ min: 1, max: 40 }).map((depth) => `${'['.repeat(depth)}1${']'.repeat(depth)}`),
);
const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', '', 'application/json; boundary=x');
const segment = fc.oneof(fc.constantFrom('valerie-march-place-des-reseaux', 'archive-01', '..', '%2e%2e', 'x'.repeat(300)), fc.string({ maxLength: 40 }));
const section = fc.constantFrom('interviews', 'articles', 'podcasts', '');

async function send(method: string, path: string, payload: string, type: string): Promise<number> {
  try {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { origin: baseUrl, 'x-forwarded-for': randomAddress(), ...(type && { 'content-type': type }) },
      body: payload,
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return -1;
  }
}

const endpoints: [string, fc.Arbitrary<{ method: string; path: string }>][] = [
  ['PUT rating', fc.tuple(section, segment).map(([s, slug]) => ({ method: 'PUT', path: `/api/pieces/${s}/${encodeURIComponent(slug)}/rating` }))],
  ['POST comment', fc.tuple(section, segment).map(([s, slug]) => ({ method: 'POST', path: `/api/pieces/${s}/${encodeURIComponent(slug)}/comments` }))],
  ['PATCH comment', fc.oneof(fc.uuid(), segment).map((id) => ({ method: 'PATCH', path: `/api/comments/${encodeURIComponent(id)}` }))],
  ['POST report', fc.oneof(fc.uuid(), segment).map((id) => ({ method: 'POST', path: `/api/comments/${encodeURIComponent(id)}/reports` }))],
  ['POST subscription', fc.constant({ method: 'POST', path: '/api/newsletter/subscriptions' })],
];

describe('fuzzing the write endpoints', () => {
  it.each(endpoints)('%s: %# never answers outside the documented statuses', async (_name, target) => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(target, body, contentType, async ({ method, path }, payload, type) => {
        const status = await send(method, path, payload, type);
        seen.set(status, (seen.get(status) ?? 0) + 1);
        // Unknown paths (an empty section, `..`) are Next's own 404 or 405 pages.
        return DOCUMENTED.has(status) || status === 405;
      }),
      { numRuns: RUNS_PER_ENDPOINT, seed: 20261126 },
    );
    expect(seen.has(500)).toBe(false);
  }, 180_000);

  it('left only rows that keep the schema’s rules', async () => {
    expect(await query('SELECT 1 FROM ratings WHERE value NOT BETWEEN 1 AND 5')).toEqual([]);
    expect(await query("SELECT 1 FROM comments WHERE char_length(body) NOT BETWEEN 2 AND 4000 OR char_length(btrim(author_name)) = 0 OR char_length(author_name) > 60")).toEqual([]);
    expect(await query('SELECT 1 FROM reports WHERE char_length(details) > 1000')).toEqual([]);
    expect(await query("SELECT 1 FROM newsletter_subscribers WHERE email <> lower(email) OR email NOT LIKE '%_@_%' OR char_length(email) > 254")).toEqual([]);
  });
});
