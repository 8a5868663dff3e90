import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../e2e/fixtures/stack';

// Faults injected into a running magazine: a database that hangs on a lock, and an app killed
// in the middle of a burst of writes.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    DB_STATEMENT_TIMEOUT_MS: '1000',
    TRUST_PROXY: '1',
    RATE_COMMENTS_PER_MINUTE_ADDRESS: '10000',
    RATE_RATINGS_PER_MINUTE_ADDRESS: '10000',
  });
});
afterAll(() => stack.stop());

let counter = 0;
async function write(method: 'PUT' | 'POST', path: string, body: unknown) {
  counter += 1;
  try {
    const response = await fetch(`${stack.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', origin: stack.baseUrl, 'x-forwarded-for': `198.18.${counter % 250}.${1 + (counter % 200)}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, unknown> };
  } catch {
    return { status: -1, body: {} };
  }
}

async function sql<Row extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: stack.databaseUrl });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

describe('a database that hangs', () => {
  it('answers writes with 503 after the statement timeout instead of piling them up, and keeps serving pages', async () => {
    const lock = new pg.Client({ connectionString: stack.databaseUrl });
    await lock.connect();
    await lock.query('BEGIN');
    await lock.query('LOCK TABLE ratings IN ACCESS EXCLUSIVE MODE');
    try {
      const writes = await Promise.all(Array.from({ length: 20 }, () => write('PUT', '/api/pieces/articles/archive-04/rating', { value: 3 })));
      expect(writes.map((answer) => answer.status)).toEqual(Array(20).fill(503));
      expect(String((writes[0]?.body.error as { message?: string })?.message)).toContain('momentanément indisponibles');
      const page = await fetch(`${stack.baseUrl}/articles/strategie-des-petits-cailloux`);
      expect(page.status).toBe(200);
    } finally {
      await lock.query('ROLLBACK');
      await lock.end();
    }
    expect((await write('PUT', '/api/pieces/articles/archive-04/rating', { value: 3 })).status).toBe(200);
  });
});

describe('an app killed during a burst of writes', () => {
  it('loses no comment nor rating it acknowledged', async () => {
    const acknowledged: string[] = [];
    let ratings = 0;
    const burst = Array.from({ length: 150 }, (_, i) =>
      i % 2 === 0
        ? write('POST', '/api/pieces/articles/archive-05/comments', { author: `Rafale ${i}`, body: `Message de la rafale ${i}` }).then((answer) => {
            // Acknowledged: the whole answer arrived (a kill may cut one after its status line).
            const id = (answer.body.comment as { id?: string } | undefined)?.id;
            if (answer.status === 201 && id) acknowledged.push(id);
          })
        : write('PUT', '/api/pieces/articles/archive-06/rating', { value: 4 }).then((answer) => {
            if (answer.status === 200) ratings += 1;
          }),
    );
    // Kill the app once a part of the burst has been answered.
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (acknowledged.length + ratings >= 30) {
          clearInterval(check);
          resolve();
        }
      }, 5);
    });
    await stack.killServer();
    await Promise.all(burst);
    expect(acknowledged.length + ratings).toBeGreaterThanOrEqual(30);
    await stack.restartServer();

    const stored = await sql<{ id: string }>('SELECT id FROM comments WHERE id = ANY($1::uuid[])', [acknowledged]);
    expect(stored.length).toBe(acknowledged.length);
    const [row] = await sql<{ n: string }>("SELECT count(*) AS n FROM ratings WHERE piece_key = 'articles/archive-06'");
    expect(Number(row?.n)).toBeGreaterThanOrEqual(ratings);
    const after = await write('POST', '/api/pieces/articles/archive-05/comments', { author: 'Après', body: 'L’application est repartie.' });
    expect(after.status).toBe(201);
  });
});
