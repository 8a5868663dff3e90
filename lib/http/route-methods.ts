// The methods each route handler answers. Next answers a method a route does not define with an
// empty 405, and TRACE (which the Fetch API cannot represent) with a 500: lib/http/request-guard.ts
// answers both from this table, before Next, with a 405, the Allow header and the JSON error body.
// tests/unit/http/route-methods.test.ts checks the table against every app/**/route.ts.

/** Route handlers by path (`[name]` a segment, `[...name]` the rest), with the methods they define. */
export const ROUTE_METHODS: Record<string, readonly string[]> = {
  '/api/auth/[...nextauth]': ['GET', 'POST'],
  '/api/comments/[id]': ['PATCH', 'DELETE'],
  '/api/comments/[id]/notices': ['POST'],
  '/api/comments/[id]/reaction': ['PUT', 'DELETE'],
  '/api/comments/[id]/reports': ['POST'],
  '/api/health': ['GET'],
  '/api/moderation/bans': ['GET', 'POST'],
  '/api/moderation/bans/[id]': ['DELETE'],
  '/api/moderation/comments': ['POST'],
  '/api/moderation/log': ['GET'],
  '/api/moderation/messages': ['POST'],
  '/api/moderation/notes': ['POST'],
  '/api/moderation/notices': ['GET'],
  '/api/moderation/notices/[id]/decision': ['POST'],
  '/api/moderation/pieces': ['GET'],
  '/api/moderation/pieces/[section]/[slug]': ['PUT'],
  '/api/moderation/queue': ['GET'],
  '/api/moderation/words': ['GET', 'PUT'],
  '/api/newsletter/account': ['POST'],
  '/api/newsletter/confirmation': ['POST'],
  '/api/newsletter/subscription': ['GET'],
  '/api/newsletter/subscriptions': ['POST'],
  '/api/newsletter/unsubscribe': ['POST'],
  '/api/notifications/unsubscribe': ['POST'],
  '/api/openapi.json': ['GET'],
  '/api/pieces/[section]/[slug]/comments': ['GET', 'POST'],
  '/api/pieces/[section]/[slug]/events': ['GET'],
  '/api/pieces/[section]/[slug]/me': ['GET'],
  '/api/pieces/[section]/[slug]/rating': ['GET', 'PUT', 'DELETE'],
  '/api/preview': ['GET'],
  '/api/preview/stop': ['GET'],
  '/api/rankings': ['GET'],
  '/api/search': ['GET'],
  '/compte/mes-donnees': ['GET'],
  '/flux/[format]': ['GET'],
  '/flux/rubrique/[section]/[format]': ['GET'],
  '/flux/theme/[tag]/[format]': ['GET'],
  '/image-sociale.png': ['GET'],
  '/lettre/inscription': ['POST'],
  '/recherche/index.json': ['GET'],
  '/[section]/[slug]/commenter': ['POST'],
  '/[section]/[slug]/image-sociale.png': ['GET'],
  '/[section]/[slug]/noter': ['POST'],
  '/[section]/[slug]/utile': ['POST'],
  '/redaction/audience/audience.csv': ['GET'],
  '/redaction/lettre/abonnes.csv': ['GET'],
  '/signalement/envoi': ['POST'],
};

const MATCHERS = Object.entries(ROUTE_METHODS).map(([route, methods]) => {
  const source = route
    .split('/')
    .map((segment) => (segment.startsWith('[...') ? '.+' : segment.startsWith('[') ? '[^/]+' : segment.replace(/\./g, '\\.')))
    .join('/');
  // Next answers HEAD with GET, and OPTIONS itself.
  const allowed = [...methods, ...(methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS'];
  return { pattern: new RegExp(`^${source}/?$`), allowed };
});

/** The methods a route handler's path allows, or null when no route handler serves it. */
export function allowedMethods(pathname: string): readonly string[] | null {
  return MATCHERS.find((matcher) => matcher.pattern.test(pathname))?.allowed ?? null;
}

/** The JSON error body of a 405. */
export function methodNotAllowedBody(method: string, allowed: readonly string[]): string {
  const message = `La méthode ${method} n’est pas prise en charge à cette adresse : utilisez ${allowed.filter((name) => name !== 'OPTIONS').join(', ')}.`;
  return JSON.stringify({ error: { code: 'method_not_allowed', message } });
}
