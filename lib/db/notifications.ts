import 'server-only';
import pg from 'pg';
import { env } from '@/lib/env';
import { logger } from '@/lib/log';

/** A channel being listened to; `close` ends its connection for good. */
export type Listener = { close: () => Promise<void> };

const FIRST_RETRY_MS = 500;
const LAST_RETRY_MS = 30_000;

/**
 * LISTENs on `channel` over one connection of its own (outside the pool: a pooled connection is
 * handed to other queries between them), calling `onMessage` with each payload. A dropped
 * connection (database restarted, network cut) is opened again with a growing delay; what is
 * notified in between is lost.
 */
export function listen(url: string, channel: string, onMessage: (payload: string) => void): Listener {
  if (!/^[a-z_]+$/.test(channel)) throw new Error(`canal invalide : ${channel}`);
  let client: pg.Client | null = null;
  let closed = false;
  let delay = FIRST_RETRY_MS;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const drop = (current: pg.Client, reason: string) => {
    if (client !== current) return;
    client = null;
    current.end().catch(() => undefined);
    if (closed) return;
    logger('db').warn(`écoute de ${channel} interrompue (${reason}) : nouvel essai dans ${delay} ms`);
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, delay);
    timer.unref();
    delay = Math.min(delay * 2, LAST_RETRY_MS);
  };

  const connect = async () => {
    if (closed) return;
    const current = new pg.Client({ connectionString: url, connectionTimeoutMillis: env.DB_CONNECT_TIMEOUT_MS, keepAlive: true });
    client = current;
    current.on('notification', (message) => {
      if (message.channel === channel && message.payload) onMessage(message.payload);
    });
    // Without a listener, an error on this connection would crash the process.
    current.on('error', (error) => drop(current, error.message));
    current.on('end', () => drop(current, 'connexion fermée'));
    try {
      await current.connect();
      await current.query(`LISTEN ${channel}`);
      delay = FIRST_RETRY_MS;
    } catch (error) {
      drop(current, error instanceof Error ? error.message : String(error));
    }
  };

  void connect();
  return {
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}
