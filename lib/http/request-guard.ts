import type { ServerResponse } from 'node:http';
import { isKnownPath, NOT_FOUND_PATH } from '@/lib/content/known-paths';
import { redirectFor } from '@/lib/content/redirects';
import { contentRedirects } from '@/lib/content/store';
import { allowedMethods, methodNotAllowedBody } from '@/lib/http/route-methods';
import { beforeEveryRequest } from '@/lib/http/server-requests';
import { cursorPosition } from '@/lib/readers/comment-cursor';
import { sortFromParam } from '@/lib/readers/comment-sorts';
import { failure, logger } from '@/lib/log';

// Three answers given before Next sees a request, in the server's own request event. A proxy.ts
// doing the same cost a third of the pages' throughput (wrk, 50 connections, the founding
// interview of the test build: 560–620 answers/s with it, 830–880 without); this guard costs
// about 6 µs a page (820–940 answers/s).
// - A method a route handler does not answer: 405, Allow, and the JSON error body of the API.
//   (Next answers an undefined method with an empty 405, and TRACE with a 500.)
// - A page path that names no section, piece, tag or author: Next renders a page that calls
//   notFound() under a dynamic segment as an empty shell (`<html id="__next_error__">`, the text
//   only in the script payload), while a path that matches no route gets its real 404 page,
//   rendered on the server. Such a path is handed to Next as one that matches no route; the
//   browser keeps the address it asked for.
// - An old address of content/redirects.json: 301 to its page (lib/content/redirects.ts).

const PAGE_METHODS = ['GET', 'HEAD', 'POST', 'OPTIONS'];
// Next's own paths (`/_next/…`, and `/__nextjs…` under `next dev`), the API, the feeds and anything
// with a file extension are never pages.
const NOT_A_PAGE = /^\/(?:_|api\/|flux\/)|\.[A-Za-z0-9]+$/;

/** Whether a path may be a page of the magazine, to be judged by the content index. */
export function mayBePage(pathname: string): boolean {
  return !NOT_A_PAGE.test(pathname);
}

function refuse(response: ServerResponse, method: string, allowed: readonly string[]): void {
  const body = methodNotAllowedBody(method, allowed);
  response.writeHead(405, { allow: allowed.join(', '), 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

// A page of comments after a forged cursor, or in an unknown order, names nothing either.
function forgedCursor(pathname: string, search: string): boolean {
  if (!pathname.endsWith('/commentaires')) return false;
  const query = new URLSearchParams(search);
  const cursor = query.get('apres');
  const sort = sortFromParam(query.get('tri'));
  if (!sort) return true;
  try {
    if (cursor) cursorPosition(cursor, sort);
    return false;
  } catch {
    return true;
  }
}

// A path the content index cannot judge (no manifest: a broken deployment) is left to Next.
function unknownPage(pathname: string, search: string, includeUnpublished: boolean): boolean {
  try {
    return isKnownPath(pathname, Date.now(), includeUnpublished) === false || forgedCursor(pathname, search);
  } catch (error) {
    logger('pages').error({ err: failure(error) }, 'index des contenus illisible');
    return false;
  }
}

// An old address of content/redirects.json (an imported magazine's permalinks, a slug changed).
function oldAddress(pathname: string, search: string): string | null {
  try {
    return redirectFor(contentRedirects(), pathname, search);
  } catch {
    return null;
  }
}

function moved(response: ServerResponse, location: string): void {
  response.writeHead(301, { location, 'cache-control': 'public, max-age=86400', 'content-length': 0 });
  response.end();
}

/** Makes every HTTP server of this process answer unsupported methods with a 405, old addresses with a 301, and send unknown pages to the 404 page. */
export function guardRequests(includeUnpublished: boolean): void {
  beforeEveryRequest('requestGuard', (request, response) => {
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    const query = url.indexOf('?');
    const pathname = query === -1 ? url : url.slice(0, query);
    const allowed = allowedMethods(pathname);
    if ((allowed && !allowed.includes(method)) || (!allowed && method === 'TRACE')) {
      refuse(response, method, allowed ?? PAGE_METHODS);
      return true;
    }
    const search = query === -1 ? '' : url.slice(query);
    const reading = method === 'GET' || method === 'HEAD';
    if (reading && !pathname.startsWith('/_next/')) {
      const target = oldAddress(pathname, search);
      if (target) {
        moved(response, target);
        return true;
      }
    }
    // In preview (draft mode's cookie), drafts are pages too: the page itself decides.
    const page = reading && mayBePage(pathname) && !request.headers.cookie?.includes('__prerender_bypass');
    if (page && unknownPage(pathname, search, includeUnpublished)) request.url = NOT_FOUND_PATH + search;
    return false;
  });
}
