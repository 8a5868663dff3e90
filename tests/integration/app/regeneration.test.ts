import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../e2e/fixtures/stack';

// The build prerendered the piece with no comment under it; once comments are published, Next
// renders it again in the background. That rendering runs under the same rules as the build's
// (no clock, no request data in a client component): a slip there answers 500 to readers and
// shows only in the server's log, so both are checked here.
let stack: Stack;
const PIECE = '/interviews/valerie-march-place-des-reseaux';
const API = '/api/pieces/interviews/valerie-march-place-des-reseaux';

beforeAll(async () => {
  stack = await startStack({ COMMENT_MODERATION: 'post' });
}, 120_000);

afterAll(async () => {
  await stack.stop();
});

async function pageUntil(text: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const response = await fetch(`${stack.baseUrl}${PIECE}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    if (html.includes(text)) return html;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`la page ne montre pas « ${text} »`);
}

describe('regenerating a piece after new comments', () => {
  it('serves the comments in the page’s HTML, without an error in the log', async () => {
    const reader = 'pdr_reader=regenerationLecteur001';
    for (const body of ['Premier avis publié sous l’interview.', 'Une réponse, un peu plus tard.']) {
      const response = await fetch(`${stack.baseUrl}${API}/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: stack.baseUrl, cookie: reader },
        body: JSON.stringify({ author: 'Camille', body }),
      });
      expect(response.status).toBe(201);
      const html = await pageUntil(body);
      expect(html).toContain('Camille');
    }
    // Served again from the regenerated entry, still with both comments.
    const again = await fetch(`${stack.baseUrl}${PIECE}`);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('2 commentaires');
    expect(stack.output()).not.toMatch(/NEXT_STATIC_GEN_BAILOUT|unstable value|⨯/);
  });
});

describe('pieces past the prerender budget', () => {
  it('renders an old piece on its first visit, then serves it from the cache', async () => {
    // The test build prerenders the 15 newest pieces (PRERENDER_PIECES=15 in scripts/test.mjs).
    const distDir = path.resolve(process.env.NEXT_DIST_DIR ?? '.next-e2e');
    expect(existsSync(path.join(distDir, 'server/app/articles/archive-11.html'))).toBe(true);
    expect(existsSync(path.join(distDir, 'server/app/articles/archive-02.html'))).toBe(false);

    const first = await fetch(`${stack.baseUrl}/articles/archive-02`);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('Archive numéro 02');
    const again = await fetch(`${stack.baseUrl}/articles/archive-02`);
    expect(again.status).toBe(200);
    expect(again.headers.get('x-nextjs-cache')).toBe('HIT');
    expect(await again.text()).toContain('Évaluer ce contenu');
    expect((await fetch(`${stack.baseUrl}/articles/archive-99`)).status).toBe(404);
    expect(stack.output()).not.toMatch(/⨯|Error:/);
  });
});

describe('a page sent as bytes', () => {
  it('keeps its length, gets an ETag hashed once, answers 304 to a reader who has it (compressed or not), and changes with the page', async () => {
    const url = `${stack.baseUrl}/articles/le-ton-juste-sur-les-reseaux`;
    // Uncompressed, as wrk and proxies ask (compressed answers are chunked, without a length);
    // with If-None-Match, fetch itself would add Cache-Control: no-cache, which forbids a 304,
    // so the conditional requests say max-age=0, as a browser revalidating does.
    const plain = { 'accept-encoding': 'identity' };
    const revalidate = { ...plain, 'cache-control': 'max-age=0' };
    const first = await fetch(url, { headers: plain });
    const etag = first.headers.get('etag');
    const html = await first.text();
    expect(html).toContain('Le ton juste sur les réseaux');
    expect(html).toContain('’');
    expect(first.headers.get('content-length')).toBe(String(Buffer.byteLength(html)));
    expect(etag).toBeTruthy();

    // Hashed once per page by the magazine (lib/http/response-bytes.ts), not by Next.
    expect(etag).toMatch(/^W\/"[\w-]{27}"$/);

    const same = await fetch(url, { headers: { ...revalidate, 'if-none-match': etag ?? '' } });
    expect(same.status).toBe(304);
    expect(same.headers.get('etag')).toBe(etag);
    expect(await same.text()).toBe('');

    // Compressed by Next, as a browser asks: the same ETag, and the same 304.
    const gzipped = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gzipped.headers.get('etag')).toBe(etag);
    expect(await gzipped.text()).toBe(html);
    const gzippedSame = await fetch(url, { headers: { 'accept-encoding': 'gzip', 'cache-control': 'max-age=0', 'if-none-match': etag ?? '' } });
    expect(gzippedSame.status).toBe(304);
    expect(gzippedSame.headers.get('content-encoding')).toBeNull();
    // A reader who asks for the page again (no-cache) gets it whole.
    expect((await fetch(url, { headers: { ...plain, 'cache-control': 'no-cache', 'if-none-match': etag ?? '' } })).status).toBe(200);

    const posted = await fetch(`${stack.baseUrl}/api/pieces/articles/le-ton-juste-sur-les-reseaux/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: stack.baseUrl },
      body: JSON.stringify({ author: 'Marion', body: 'Un avis qui change la page.' }),
    });
    expect(posted.status).toBe(201);
    let changed: Response | undefined;
    for (let attempt = 0; attempt < 50 && changed?.status !== 200; attempt++) {
      changed = await fetch(url, { headers: { ...revalidate, 'if-none-match': etag ?? '' } });
      if (changed.status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(changed?.status).toBe(200);
    expect(changed?.headers.get('etag')).not.toBe(etag);
    const fresh = await changed?.text();
    expect(fresh).toContain('Un avis qui change la page.');
    expect(changed?.headers.get('content-length')).toBe(String(Buffer.byteLength(fresh ?? '')));
  });
});
