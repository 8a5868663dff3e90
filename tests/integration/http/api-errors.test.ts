import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '@/lib/http/openapi';
import { TEST_SECRET } from '../setup/global-db';
import { freePort, NEXT_BIN, startServer, type RunningServer } from '../setup/next-server';
import { baseUrl, pieceApi, query, Visitor } from '../setup/helpers';

const api = pieceApi('articles/archive-01');

function expectError(answer: { status: number; body: unknown }, status: number, code: string) {
  expect(answer.status).toBe(status);
  const parsed = apiErrorSchema.parse(answer.body);
  expect(parsed.error.code).toBe(code);
  expect(parsed.error.message.length).toBeGreaterThan(10);
}

describe('unknown pieces and comments', () => {
  it.each([
    'articles/n-existe-pas',
    'podcasts/valerie-march-place-des-reseaux',
    'articles/brouillon-confidentiel',
    'articles/article-a-paraitre',
  ])('answers 404 for %s, on every method', async (key) => {
    const visitor = new Visitor();
    expectError(await visitor.get(pieceApi(key).rating), 404, 'piece_not_found');
    expectError(await visitor.put(pieceApi(key).rating, { value: 5 }), 404, 'piece_not_found');
    expectError(await visitor.get(pieceApi(key).comments), 404, 'piece_not_found');
    expectError(await visitor.post(pieceApi(key).comments, { author: 'A', body: 'Bonjour' }), 404, 'piece_not_found');
  });

  it('answers 404 for a comment id that is not one', async () => {
    const visitor = new Visitor();
    expectError(await visitor.patch('/api/comments/42', { body: 'Bonjour' }), 404, 'comment_not_found');
    expectError(await visitor.delete(`/api/comments/${randomUUID()}`), 403, 'not_author');
    expectError(await visitor.post('/api/comments/pas-un-identifiant/reports', { reason: 'spam' }), 404, 'comment_not_found');
  });
});

describe('malformed requests', () => {
  it('answers 400 to malformed JSON and to JSON nested too deeply', async () => {
    const visitor = new Visitor();
    expectError(await visitor.post(api.comments, '{"author": "A",'), 400, 'invalid_json');
    expectError(await visitor.put(api.rating, '\u00ff\u00fe'), 400, 'invalid_json');
    const deep = `${'{"a":'.repeat(50)}1${'}'.repeat(50)}`;
    expectError(await visitor.put(api.rating, deep), 400, 'invalid_json');
    expectError(await visitor.put(api.rating, '[1, 2]'), 422, 'validation_failed');
  });

  it('answers 413 to a body over 16 KB, declared or streamed, before parsing it', async () => {
    const big = JSON.stringify({ author: 'A', body: 'x'.repeat(17 * 1024) });
    expectError(await new Visitor().post(api.comments, big), 413, 'payload_too_large');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
        controller.close();
      },
    });
    const response = await fetch(`${baseUrl}${api.comments}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expectError({ status: response.status, body: await response.json() }, 413, 'payload_too_large');
    // The rest of the body was never read: the client must not reuse this connection.
    expect(response.headers.get('connection')).toBe('close');
  });

  it('answers 415 to a body that is not JSON', async () => {
    const answer = await new Visitor().send('POST', api.comments, 'author=A&body=Bonjour', { 'content-type': 'application/x-www-form-urlencoded' });
    expectError(answer, 415, 'unsupported_media_type');
  });

  it.each([
    [{ body: 'Bonjour' }, 'author'],
    [{ author: '   ', body: 'Bonjour' }, 'author'],
    [{ author: 'x'.repeat(61), body: 'Bonjour' }, 'author'],
    [{ author: 'A', body: 'x' }, 'body'],
    [{ author: 'A', body: 'x'.repeat(4001) }, 'body'],
    [{ author: 'A', body: 'Bonjour', email: 'pas-une-adresse' }, 'email'],
    [{ author: 'A', body: 'Bonjour', parentId: 'abc' }, 'parentId'],
    [{ author: 'A', body: 'Bonjour', role: 'admin' }, 'role'],
    [{ author: 'A', body: 'Nul\u0000caractère' }, 'body'],
    [{ author: 'N\u0000', body: 'Bonjour' }, 'author'],
    [{ author: 'A', body: 'Sonnerie\u0007 cachée' }, 'body'],
    [{ author: 'A', body: 'Échappement \u001b[31m rouge' }, 'body'],
    [{ author: 'A', body: 'Suppression\u007f ici' }, 'body'],
    [{ author: 'A', body: 'Ligne suivante\u0085 en C1' }, 'body'],
    [{ author: 'Al\u0008ice', body: 'Bonjour' }, 'author'],
    [{ author: 'Cloche\u0007', body: 'Bonjour' }, 'author'],
  ])('answers 422 to %j, naming %s', async (input, field) => {
    const answer = await new Visitor().post(api.comments, input);
    expectError(answer, 422, 'validation_failed');
    expect((answer.body.error as { field: string }).field).toBe(field);
  });

  it('says which field holds a control character, and keeps tabs and line breaks in a comment', async () => {
    const refused = await new Visitor().post(api.comments, { author: 'A', body: 'Bonjour\u0007' });
    expect((refused.body.error as { message: string }).message).toMatch(/^Le commentaire contient un caractère de contrôle invisible/);
    const kept = await new Visitor().post(api.comments, { author: 'A', body: 'Premier\tparagraphe.\r\n\r\nSecond.' });
    expect(kept.status).toBe(201);
  });

  it('refuses a control character in a report and in a form sent without JavaScript', async () => {
    const visitor = new Visitor();
    const posted = await visitor.post(api.comments, { author: 'A', body: 'À signaler' });
    const id = (posted.body.comment as { id: string }).id;
    const report = await new Visitor().post(`/api/comments/${id}/reports`, { reason: 'other', details: 'Voir\u0007' });
    expectError(report, 422, 'validation_failed');
    expect((report.body.error as { field: string }).field).toBe('details');
    const form = await visitor.send('POST', '/articles/archive-01/commenter', new URLSearchParams({ author: 'A', body: 'Bonjour\u0007 !' }).toString(), {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe('/articles/archive-01#commentaire-validation_failed-body');
  });
});

// Node's fetch refuses TRACE: the raw client sends any method.
function rawRequest(method: string, path: string): Promise<{ status: number; allow: string | undefined; body: unknown }> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest(`${baseUrl}${path}`, { method }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, allow: response.headers.allow, body: text ? JSON.parse(text) : {} }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

describe('methods a route does not answer', () => {
  it.each([
    ['TRACE', api.rating, 'GET, PUT, DELETE, HEAD, OPTIONS'],
    ['PATCH', api.rating, 'GET, PUT, DELETE, HEAD, OPTIONS'],
    ['TRACE', api.comments, 'GET, POST, HEAD, OPTIONS'],
    ['PUT', '/api/comments/0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f', 'PATCH, DELETE, OPTIONS'],
    ['TRACE', '/api/openapi.json', 'GET, HEAD, OPTIONS'],
    ['PROPFIND', '/api/moderation/queue', 'GET, HEAD, OPTIONS'],
    ['TRACE', '/interviews/valerie-march-place-des-reseaux', 'GET, HEAD, POST, OPTIONS'],
    ['TRACE', '/api/auth/session', 'GET, POST, HEAD, OPTIONS'],
    ['DELETE', '/flux/rss.xml', 'GET, HEAD, OPTIONS'],
    ['TRACE', '/articles/archive-01/commenter', 'POST, OPTIONS'],
  ])('answers %s %s with 405, Allow: %s and a French JSON error', async (method, path, allow) => {
    const answer = await rawRequest(method, path);
    expectError(answer, 405, 'method_not_allowed');
    expect(answer.allow).toBe(allow);
  });
});

describe('requests from another origin', () => {
  const hostile: Record<string, string>[] = [
    { origin: 'https://evil.example' },
    { origin: 'null' },
    { 'sec-fetch-site': 'cross-site' },
    { origin: baseUrl, 'sec-fetch-site': 'same-site' },
  ];

  it.each(hostile)('refuses every write with %j, and stores nothing', async (headers) => {
    const visitor = new Visitor();
    const comment = randomUUID();
    expectError(await visitor.send('PUT', api.rating, { value: 1 }, headers), 403, 'forbidden_origin');
    expectError(await visitor.send('DELETE', api.rating, undefined, headers), 403, 'forbidden_origin');
    expectError(await visitor.send('POST', api.comments, { author: 'A', body: 'CSRF' }, headers), 403, 'forbidden_origin');
    expectError(await visitor.send('PATCH', `/api/comments/${comment}`, { body: 'CSRF' }, headers), 403, 'forbidden_origin');
    expectError(await visitor.send('DELETE', `/api/comments/${comment}`, undefined, headers), 403, 'forbidden_origin');
    expectError(await visitor.send('POST', `/api/comments/${comment}/reports`, { reason: 'spam' }, headers), 403, 'forbidden_origin');
    expect(await query("SELECT 1 FROM comments WHERE body = 'CSRF'")).toEqual([]);
  });

  it.each(hostile)('refuses a server action (the forms’ path) with %j: 403', async (headers) => {
    const response = await fetch(`${baseUrl}/articles/archive-01`, {
      method: 'POST',
      headers: { 'next-action': '7f'.padEnd(42, '0'), 'content-type': 'text/plain;charset=UTF-8', ...headers },
      body: '[]',
    });
    expectError({ status: response.status, body: await response.json() }, 403, 'forbidden_origin');
  });

  it('lets a server action from the site itself through to Next', async () => {
    const response = await fetch(`${baseUrl}/articles/archive-01`, {
      method: 'POST',
      headers: { 'next-action': '7f'.padEnd(42, '0'), 'content-type': 'text/plain;charset=UTF-8', origin: baseUrl },
      body: '[]',
    });
    await response.arrayBuffer();
    expect(response.status).not.toBe(403);
  });

  it('accepts a client that is not a browser (no Origin, no Sec-Fetch-Site)', async () => {
    const response = await fetch(`${baseUrl}${api.rating}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"value":2}' });
    expect(response.status).toBe(200);
  });
});

describe('the OpenAPI document', () => {
  it('describes every path and method, with schemas generated from the validation rules', async () => {
    const { status, body } = await new Visitor().get('/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    const paths = body.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths['/api/pieces/{section}/{slug}/rating'] ?? {})).toEqual(expect.arrayContaining(['get', 'put', 'delete']));
    expect(Object.keys(paths['/api/pieces/{section}/{slug}/comments'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(paths['/api/comments/{id}'] ?? {})).toEqual(expect.arrayContaining(['patch', 'delete']));
    expect(Object.keys(paths['/api/comments/{id}/reports'] ?? {})).toEqual(['parameters', 'post']);
    const schemas = (body.components as { schemas: Record<string, { properties: Record<string, Record<string, unknown>>; required?: string[] }> }).schemas;
    expect(schemas.RatingInput?.properties.value).toMatchObject({ type: 'integer', minimum: 1, maximum: 5 });
    expect(schemas.CommentInput?.properties.body).toMatchObject({ minLength: 2, maxLength: 4000 });
    expect(schemas.CommentInput?.required).toEqual(expect.arrayContaining(['author', 'body']));
    expect(schemas.Comment?.properties).not.toHaveProperty('email');
    expect(schemas.Error).toBeDefined();
  });
});

describe('a database that cannot be reached', () => {
  let server: RunningServer;

  beforeAll(async () => {
    const port = await freePort();
    const closed = await freePort();
    server = await startServer([NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'], {
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${closed}/nothing`,
      AUTH_SECRET: TEST_SECRET,
      SITE_URL: `http://127.0.0.1:${port}`,
    }, port);
  });
  afterAll(() => server.stop());

  it('answers 503 with a French message to reads and writes, and the page still renders', async () => {
    const headers = { origin: server.baseUrl, 'content-type': 'application/json' };
    const write = await fetch(`${server.baseUrl}${api.rating}`, { method: 'PUT', headers, body: '{"value":5}' });
    expectError({ status: write.status, body: await write.json() }, 503, 'database_unavailable');
    const post = await fetch(`${server.baseUrl}${api.comments}`, { method: 'POST', headers, body: '{"author":"A","body":"Bonjour"}' });
    expectError({ status: post.status, body: await post.json() }, 503, 'database_unavailable');
    const read = await fetch(`${server.baseUrl}${api.rating}`);
    expectError({ status: read.status, body: await read.json() }, 503, 'database_unavailable');
    const page = await fetch(`${server.baseUrl}/interviews/valerie-march-place-des-reseaux`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Propos recueillis par Nelly Lambert');
  });
});
