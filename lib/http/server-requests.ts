import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { inRequest } from '@/lib/log';

type Handler = (request: IncomingMessage, response: ServerResponse) => boolean;
type Hooks = { names: Set<string>; handlers: Handler[] };

/** An id nginx (or another proxy) gave: short, and nothing that could forge a log line. */
const GIVEN_ID = /^[\w.:-]{1,128}$/;

/**
 * The request's id: nginx's $request_id, passed as X-Request-Id by deploy/nginx.conf, or one made
 * up here. Kept in its headers for what reads them later (onRequestError), and given back in the
 * answer's X-Request-Id.
 */
function requestIdOf(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && GIVEN_ID.test(given) ? given : randomUUID();
  request.headers['x-request-id'] = id;
  response.setHeader('x-request-id', id);
  return id;
}

const HOOKS = Symbol.for('placedesreseaux.beforeEveryRequest');
const UNHOOKED = Symbol.for('placedesreseaux.unhookedServer');

/** The handlers, kept on globalThis: Next may load this module more than once. */
function hooks(): Hooks {
  const global = globalThis as { [HOOKS]?: Hooks };
  if (global[HOOKS]) return global[HOOKS];
  const installed: Hooks = { names: new Set(), handlers: [] };
  global[HOOKS] = installed;
  // One patch of the servers' `emit` for every hook: a request costs one loop, not a call per hook.
  const prototype = http.Server.prototype;
  const emit = prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request' && !(this as { [UNHOOKED]?: true })[UNHOOKED]) {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      // Every line logged while the hooks and Next serve it carries its id.
      return inRequest(requestIdOf(request, response), () => {
        for (const handle of installed.handlers) if (handle(request, response)) return true;
        return emit.call(this, event, ...args);
      });
    }
    return emit.call(this, event, ...args);
  } as typeof prototype.emit;
  return installed;
}

/**
 * Runs `handle` on each request of every HTTP server of this process before Next sees it (the
 * first time for a given `name`); a handler that answered returns true and Next never sees it.
 * Each hook installed runs before those installed earlier.
 */
export function beforeEveryRequest(name: string, handle: Handler): void {
  const { names, handlers } = hooks();
  if (names.has(name)) return;
  names.add(name);
  handlers.unshift(handle);
}

/** Keeps the magazine's request hooks off `server` (the metrics server: no guard, no count of its own). */
export function withoutHooks<T extends http.Server>(server: T): T {
  (server as { [UNHOOKED]?: true })[UNHOOKED] = true;
  return server;
}

/** Patches the servers' `emit` now, before anything else wraps it (OpenTelemetry's HTTP span: lib/tracing.ts). */
export function installRequestHooks(): void {
  hooks();
}
