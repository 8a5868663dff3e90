import http, { type IncomingMessage } from 'node:http';
import { REMOTE_ADDRESS_HEADER } from '@/lib/readers/identity';

const STAMPED = Symbol.for('placedesreseaux.remoteAddressStamped');

/** Makes every HTTP server of this process set REMOTE_ADDRESS_HEADER to the TCP peer's address. */
export function stampRemoteAddress(): void {
  const prototype = http.Server.prototype as http.Server & { [STAMPED]?: true };
  if (prototype[STAMPED]) return;
  prototype[STAMPED] = true;
  const emit = prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as IncomingMessage;
      request.headers[REMOTE_ADDRESS_HEADER] = request.socket.remoteAddress ?? 'unknown';
    }
    return emit.call(this, event, ...args);
  } as typeof prototype.emit;
}
