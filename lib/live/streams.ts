import 'server-only';
import { listen, type Listener } from '@/lib/db/notifications';
import { env } from '@/lib/env';
import { ApiError } from '@/lib/errors';
import { publishedComment } from '@/lib/readers/comments';
import { commentFrame, HEARTBEAT_FRAME, OPENING_FRAME, reconnectFrame } from './frames';
import { failure, logger } from '@/lib/log';

// One hub per process: the open streams by piece, and the one connection that LISTENs for
// published comments. Next bundles each route and instrumentation.ts apart, so the hub lives on
// globalThis: the drain (lib/http/instance.ts) must close the streams the route opened.

/** The channel the triggers of migration 20261201090000_live_comments notify. */
export const CHANNEL = 'comments_published';
const HEARTBEAT_MS = 20_000;
// Frames queued for a reader who does not read them (a stalled connection): past this, their
// stream is closed instead of holding memory; their browser reconnects.
const MAX_QUEUED_FRAMES = 64;

type Stream = { send: (frame: Uint8Array) => void; end: () => void };
type Hub = {
  pieces: Map<string, Set<Stream>>;
  open: number;
  closing: boolean;
  listener: Listener | null;
  heartbeat: ReturnType<typeof setInterval> | null;
};

const HUB = Symbol.for('placedesreseaux.live');
const hub = ((globalThis as { [HUB]?: Hub })[HUB] ??= { pieces: new Map(), open: 0, closing: false, listener: null, heartbeat: null });
const encoder = new TextEncoder();

function everyStream(): Stream[] {
  return [...hub.pieces.values()].flatMap((streams) => [...streams]);
}

/** Fetches a notified comment once, whatever the number of streams, and writes it to its piece's streams. */
async function announce(payload: string): Promise<void> {
  let message: { pieceKey?: unknown; id?: unknown };
  try {
    message = JSON.parse(payload) as typeof message;
  } catch {
    return;
  }
  const { pieceKey, id } = message;
  if (typeof pieceKey !== 'string' || typeof id !== 'string' || !hub.pieces.get(pieceKey)?.size) return;
  const comment = await publishedComment(id).catch((error: unknown) => {
    logger('direct').error({ err: failure(error) }, 'commentaire illisible');
    return null;
  });
  if (!comment) return;
  const frame = encoder.encode(commentFrame(comment));
  for (const stream of [...(hub.pieces.get(pieceKey) ?? [])]) stream.send(frame);
}

function add(pieceKey: string, stream: Stream): void {
  const streams = hub.pieces.get(pieceKey) ?? new Set();
  hub.pieces.set(pieceKey, streams.add(stream));
  hub.open++;
  if (env.DATABASE_URL && !hub.listener) hub.listener = listen(env.DATABASE_URL, CHANNEL, (message) => void announce(message));
  if (!hub.heartbeat) {
    const beat = encoder.encode(HEARTBEAT_FRAME);
    hub.heartbeat = setInterval(() => everyStream().forEach((each) => each.send(beat)), HEARTBEAT_MS);
    hub.heartbeat.unref();
  }
}

function remove(pieceKey: string, stream: Stream): void {
  const streams = hub.pieces.get(pieceKey);
  if (!streams?.delete(stream)) return;
  hub.open--;
  if (streams.size === 0) hub.pieces.delete(pieceKey);
  if (hub.open === 0 && hub.heartbeat) {
    clearInterval(hub.heartbeat);
    hub.heartbeat = null;
  }
}

/** A stream that only tells the browser to come back soon: this instance is stopping. */
function comeBackLater(): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(reconnectFrame(500 + Math.random() * 2000)));
      controller.close();
    },
  });
}

/**
 * The Server-Sent Events of a piece: an `event: comment` for each comment published under it,
 * a heartbeat every 20 s, until `signal` aborts (the reader left) or the instance drains.
 * Refused (503) past LIVE_MAX_STREAMS open streams on this instance.
 */
export function openCommentStream(pieceKey: string, signal: AbortSignal): ReadableStream<Uint8Array> {
  if (hub.closing) return comeBackLater();
  if (!env.DATABASE_URL || hub.open >= env.LIVE_MAX_STREAMS) {
    throw new ApiError('live_unavailable', 'Les nouveaux commentaires ne peuvent pas être annoncés en direct pour le moment : ils paraîtront quand vous rechargerez la page.');
  }
  let stream: Stream | null = null;
  return new ReadableStream<Uint8Array>({
    // Runs at once, inside the constructor: the count above and this addition are one step.
    start(controller) {
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        signal.removeEventListener('abort', end);
        remove(pieceKey, own);
        try {
          controller.close();
        } catch {
          // already cancelled by the reader's side
        }
      };
      const own: Stream = {
        send: (frame) => {
          if (ended) return;
          if ((controller.desiredSize ?? 0) < -MAX_QUEUED_FRAMES) return end();
          controller.enqueue(frame);
        },
        end,
      };
      stream = own;
      add(pieceKey, own);
      controller.enqueue(encoder.encode(OPENING_FRAME));
      if (signal.aborted) end();
      else signal.addEventListener('abort', end, { once: true });
    },
    cancel() {
      stream?.end();
    },
  });
}

/** How many live streams this instance holds open. */
export function openStreamCount(): number {
  return hub.open;
}

/**
 * Ends every live stream (each told to reconnect within 0.5 to 2.5 s, so they do not all come
 * back at once) and the listening connection; streams asked for afterwards end at once too.
 */
export async function closeLiveStreams(): Promise<void> {
  hub.closing = true;
  for (const stream of everyStream()) {
    stream.send(encoder.encode(reconnectFrame(500 + Math.random() * 2000)));
    stream.end();
  }
  const listener = hub.listener;
  hub.listener = null;
  await listener?.close();
}
