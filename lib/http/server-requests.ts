import http, { type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * Runs `handle` on each request of every HTTP server of this process before Next sees it (the
 * first time for a given `name`); a handler that answered returns true and Next never sees it.
 */
export function beforeEveryRequest(name: string, handle: (request: IncomingMessage, response: ServerResponse) => boolean): void {
  const installed = Symbol.for(`placedesreseaux.${name}`);
  const prototype = http.Server.prototype as http.Server & { [key: symbol]: true | undefined };
  if (prototype[installed]) return;
  prototype[installed] = true;
  const emit = prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request' && handle(args[0] as IncomingMessage, args[1] as ServerResponse)) return true;
    return emit.call(this, event, ...args);
  } as typeof prototype.emit;
}
