import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '@/lib/http/openapi';
import { ROUTE_METHODS } from '@/lib/http/route-methods';

// GET /api/openapi.json describes every route under app/api (but next-auth's), and Spectral's
// ruleset for OpenAPI finds nothing to say about it. ROUTE_METHODS is checked against the route
// files themselves (route-methods.test.ts): a route added without its description fails here.
const root = path.resolve(import.meta.dirname, '../../..');
const document = openApiDocument('https://www.placedesreseaux.fr', 'redaction@placedesreseaux.fr');
type Operation = { operationId?: string; tags?: string[]; summary?: string; description?: string; security?: unknown[]; responses?: Record<string, unknown> };
const paths = document.paths as Record<string, Record<string, Operation | unknown[]>>;

const apiRoutes = Object.entries(ROUTE_METHODS).filter(([route]) => route.startsWith('/api/') && !route.startsWith('/api/auth/'));
const documented = (route: string) => route.replace(/\[([^\]]+)\]/g, '{$1}');

describe('the OpenAPI document', () => {
  it('describes every method of every API route, each with an operationId, tags, a summary and a description', () => {
    expect(apiRoutes.length).toBeGreaterThan(30);
    const missing = apiRoutes.flatMap(([route, methods]) => methods.filter((method) => !paths[documented(route)]?.[method.toLowerCase()]).map((method) => `${method} ${route}`));
    expect(missing).toEqual([]);
    const operations = Object.values(paths).flatMap((item) => Object.entries(item).filter(([key]) => key !== 'parameters').map(([, operation]) => operation as Operation));
    const ids = operations.map((operation) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const operation of operations) {
      expect(operation.operationId).toMatch(/^[a-z][A-Za-z]+$/);
      expect(operation.tags?.length).toBe(1);
      expect(operation.summary?.length).toBeGreaterThan(10);
      expect(operation.description?.length).toBeGreaterThan(10);
    }
  });

  it('says which operations need the desk’s session, and how it is carried', () => {
    const security = (route: string, method: string) => (paths[route]?.[method] as Operation).security ?? document.security;
    expect(security('/api/moderation/queue', 'get')).toEqual([{ sessionCookie: [] }]);
    expect(security('/api/moderation/notices/{id}/decision', 'post')).toEqual([{ sessionCookie: [] }]);
    expect(security('/api/health', 'get')).toEqual([]);
    expect(security('/api/pieces/{section}/{slug}/comments', 'post')).toEqual(expect.arrayContaining([{}, { readerCookie: [] }]));
    expect(document.components.securitySchemes.sessionCookie).toMatchObject({ type: 'apiKey', in: 'cookie', name: '__Secure-next-auth.session-token' });
  });

  it('passes Spectral’s OpenAPI ruleset (spectral:oas) without an error or a warning', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'openapi-'));
    try {
      const file = path.join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(document, null, 2));
      const result = spawnSync(path.join(root, 'node_modules/.bin/spectral'), ['lint', file, '--ruleset', path.join(root, '.spectral.yaml'), '--format', 'json', '--fail-severity', 'hint', '--quiet'], { encoding: 'utf8' });
      const problems = JSON.parse(result.stdout || '[]') as Array<{ code: string; message: string; path: string[] }>;
      expect(problems.map((problem) => `${problem.code} ${problem.path.join('.')} : ${problem.message}`)).toEqual([]);
      expect(result.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
