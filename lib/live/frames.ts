import type { LiveComment } from '@/lib/readers/comment-schemas';

// The Server-Sent Events a live stream writes (text/event-stream): comments are lines starting
// with a colon, ignored by EventSource, and keep proxies from closing an idle stream.

/** The first bytes of a stream: how long the browser waits before reconnecting, and a comment. */
export const OPENING_FRAME = 'retry: 5000\n: nouveaux commentaires en direct\n\n';

/** Written every 20 s on every open stream. */
export const HEARTBEAT_FRAME = ': \n\n';

/** The last bytes of a stream closed by its instance: reconnect soon (to another instance), spread over `ms`. */
export function reconnectFrame(ms: number): string {
  return `retry: ${Math.max(0, Math.round(ms))}\n\n`;
}

/** A comment just published, as one `comment` event (JSON on one line: JSON.stringify escapes line breaks). */
export function commentFrame(comment: LiveComment): string {
  return `event: comment\ndata: ${JSON.stringify(comment)}\n\n`;
}
