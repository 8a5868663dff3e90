/** A Server-Sent Events answer: never stored, never compressed or buffered on its way (nginx reads X-Accel-Buffering). */
export function eventStream(body: ReadableStream<Uint8Array>): Response {
  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      // no-transform: Next's compression, like any proxy's, would hold the events in its buffer.
      'cache-control': 'no-store, no-transform',
      'x-accel-buffering': 'no',
      // One stream per connection: when the instance ends it (a drain), the connection goes with it,
      // so the browser's reconnection, and nginx's next request, never land on a closing socket.
      connection: 'close',
    },
  });
}
