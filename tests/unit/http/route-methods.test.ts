import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mayBePage } from '@/lib/http/request-guard';
import { allowedMethods, ROUTE_METHODS } from '@/lib/http/route-methods';

const appDir = path.resolve(import.meta.dirname, '../../../app');

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? routeFiles(full) : /^route\.tsx?$/.test(name) ? [full] : [];
  });
}

// The methods a route file exports, as Next reads them.
function exportedMethods(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const declared = [...text.matchAll(/export (?:async )?(?:function|const) (GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g)].map((match) => match[1] ?? '');
  const listed = [...text.matchAll(/export \{([^}]*)\}/g)].flatMap((match) => [...(match[1] ?? '').matchAll(/as (GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g)].map((name) => name[1] ?? ''));
  return [...declared, ...listed].sort();
}

describe('the methods of route handlers', () => {
  it('lists every route handler of app/ with exactly the methods it exports', () => {
    const found = Object.fromEntries(
      routeFiles(appDir).map((file) => {
        const route = `/${path.relative(appDir, path.dirname(file)).split(path.sep).filter((segment) => !/^\(.*\)$/.test(segment)).join('/')}`;
        return [route, exportedMethods(file)];
      }),
    );
    const table = Object.fromEntries(Object.entries(ROUTE_METHODS).map(([route, methods]) => [route, [...methods].sort()]));
    expect(table).toEqual(found);
  });

  it('allows HEAD with GET and OPTIONS everywhere, and knows no other path', () => {
    expect(allowedMethods('/api/pieces/articles/un-article/rating')).toEqual(['GET', 'PUT', 'DELETE', 'HEAD', 'OPTIONS']);
    expect(allowedMethods('/api/comments/0b7f/reports')).toEqual(['POST', 'OPTIONS']);
    expect(allowedMethods('/api/auth/callback/email')).toEqual(['GET', 'POST', 'HEAD', 'OPTIONS']);
    expect(allowedMethods('/api/openapi.json')).toEqual(['GET', 'HEAD', 'OPTIONS']);
    expect(allowedMethods('/api/openapiXjson')).toBeNull();
    expect(allowedMethods('/articles/un-article')).toBeNull();
  });
});

describe('the paths the request guard judges as pages', () => {
  it('leaves Next’s own paths, the API, the feeds and files alone', () => {
    for (const path of ['/_next/static/chunks/a.js', '/__nextjs_original-stack-frame', '/api/pieces/articles/x/rating', '/flux/rss.xml', '/robots.txt', '/image-sociale.png']) {
      expect(mayBePage(path), path).toBe(false);
    }
    for (const path of ['/', '/articles/un-article', '/tags/strategie/page/2', '/cette-page-nexiste-pas']) expect(mayBePage(path), path).toBe(true);
  });
});
