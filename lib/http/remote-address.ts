import { beforeEveryRequest } from '@/lib/http/server-requests';
import { REMOTE_ADDRESS_HEADER } from '@/lib/readers/identity';

/** Makes every HTTP server of this process set REMOTE_ADDRESS_HEADER to the TCP peer's address. */
export function stampRemoteAddress(): void {
  beforeEveryRequest('remoteAddressStamped', (request) => {
    request.headers[REMOTE_ADDRESS_HEADER] = request.socket.remoteAddress ?? 'unknown';
    return false;
  });
}
