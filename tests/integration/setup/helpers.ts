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
  readonly cookies = new Map<string, string>();

  /** `site`: the address the site is served at (its Origin); a path may also be a whole URL, of one instance. */
  constructor(readonly address = randomAddress(), readonly site: string = baseUrl) {}

  /** The reader cookie, as the browser would send it back. */
  get cookie(): string | null {
    const value = this.cookies.get('pdr_reader');
    return value === undefined ? null : `pdr_reader=${value}`;
  }

  async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await fetch(/^https?:/.test(path) ? path : `${this.site}${path}`, {
      method,
      headers: {
        origin: this.site,
        'x-forwarded-for': this.address,
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(this.cookies.size > 0 && { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      redirect: 'manual',
    });
    this.keepCookies(response);
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('json') && text;
    return { status: response.status, body: json ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: response.headers };
  }

  keepCookies(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', ...value] = pair.split('=');
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value.join('='));
    }
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
export async function query<Row extends pg.QueryResultRow>(text: string, values: unknown[] = [], url: string = databaseUrl): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
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

export const mailDir = inject('mailDir');

/** A signed-in account for this visitor: a user and a session made in the database (the mail flow has its own test). */
export async function signInAs(visitor: Visitor, email: string, role: 'reader' | 'editor' = 'reader', name: string | null = null, url: string = databaseUrl): Promise<string> {
  const [user] = await query<{ id: string }>(
    `INSERT INTO users (email, role, name) VALUES ($1, $2, $3)
     ON CONFLICT (email) DO UPDATE SET role = EXCLUDED.role RETURNING id`,
    [email, role, name],
    url,
  );
  const token = `test-${randomInt(1e12)}-${randomInt(1e12)}`;
  await query("INSERT INTO sessions (session_token, user_id, expires) VALUES ($1, $2, now() + interval '1 day')", [token, user?.id], url);
  visitor.cookies.set('next-auth.session-token', token);
  return user?.id ?? '';
}
