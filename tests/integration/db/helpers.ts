import { randomInt } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export const baseUrl = inject('baseUrl');
export const databaseUrl = inject('databaseUrl');

export type Answer = { status: number; body: Record<string, unknown>; headers: Headers };

/** An address from the benchmarking range, different for every visitor. */
export function randomAddress(): string {
  return `198.18.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

/**
 * A reader in a browser: keeps the cookie the site sets, sends its Origin like a browser does,
 * and comes from its own address (the test server trusts one proxy: X-Forwarded-For).
 */
export class Visitor {
  cookie: string | null = null;

  constructor(readonly address = randomAddress()) {}

  async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        origin: baseUrl,
        'x-forwarded-for': this.address,
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(this.cookie && { cookie: this.cookie }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? null;
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: response.headers };
  }

  get = (path: string) => this.send('GET', path);
  put = (path: string, body: unknown) => this.send('PUT', path, body);
  post = (path: string, body: unknown) => this.send('POST', path, body);
  patch = (path: string, body: unknown) => this.send('PATCH', path, body);
  delete = (path: string) => this.send('DELETE', path);
}

/** The API paths of a piece. */
export function pieceApi(key: string) {
  return { rating: `/api/pieces/${key}/rating`, comments: `/api/pieces/${key}/comments` };
}

/** Runs SQL on the test database directly, to check what the API stored. */
export async function query<Row extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** A new empty database on the same server as the test database, and how to drop it. */
export async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `pdr_scratch_${randomInt(1e9)}`;
  await query(`CREATE DATABASE ${name}`);
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return { url: url.href, drop: async () => void (await query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
}
