// Invalidations that come from outside any instance: `npm run db:import` replaces the readers'
// data, then, in its transaction, sends the tags to drop on PostgreSQL's channel
// `place_des_reseaux_cache` (NOTIFY is delivered at COMMIT). Every running instance listens on
// one connection of its own and applies them through its cache hook, as a write of its own
// would: in memory, or in Redis for every instance.
'use strict';

const CHANNEL = 'place_des_reseaux_cache';
const LISTENER = Symbol.for('placedesreseaux.invalidations');

/** Calls `apply(tags)` for each notification, from now on (not while `next build` runs). */
function onDataReplaced(apply) {
  if (!process.env.DATABASE_URL || process.env.NEXT_PHASE === 'phase-production-build') return;
  const state = (globalThis[LISTENER] ??= { appliers: new Set(), started: false });
  state.appliers.add(apply);
  if (state.started) return;
  state.started = true;
  const listen = async () => {
    const { Client } = require('pg');
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    const again = () => {
      client.removeAllListeners();
      client.end().catch(() => undefined);
      setTimeout(() => void listen(), 2000).unref();
    };
    client.on('error', again);
    client.on('notification', (message) => {
      let tags;
      try {
        tags = JSON.parse(message.payload ?? '[]');
      } catch {
        return;
      }
      if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string')) return;
      for (const applier of state.appliers) Promise.resolve(applier(tags)).catch(() => undefined);
    });
    try {
      await client.connect();
      // Not a reason to keep the process alive.
      client.connection?.stream?.unref?.();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch {
      again();
    }
  };
  void listen();
}

module.exports = { onDataReplaced, CHANNEL };
