// Counts the operations of Next's two cache hooks in the process's Prometheus metrics
// (`magazine_cache_operations_total`, lib/metrics.ts), which share this symbol on globalThis:
// these files are loaded outside the compiled application and import nothing of lib/.
'use strict';

const METRICS = Symbol.for('placedesreseaux.metrics');

function count(cache, store, op, result) {
  globalThis[METRICS]?.cacheOperations.inc({ cache, store, op, result });
}

/** The `'use cache'` handler `handler`, its reads counted as hits or misses and its writes as stored. */
function countedUseCache(handler, store) {
  return {
    ...handler,
    async get(cacheKey, softTags) {
      const entry = await handler.get(cacheKey, softTags);
      count('use-cache', store, 'get', entry ? 'hit' : 'miss');
      return entry;
    },
    async set(cacheKey, pendingEntry) {
      await handler.set(cacheKey, pendingEntry);
      count('use-cache', store, 'set', 'stored');
    },
  };
}

/** A subclass of the incremental cache `Base`, its reads and writes counted the same way. */
function countedIncremental(Base, store) {
  return class CountedIncrementalCache extends Base {
    async get(...args) {
      const data = await super.get(...args);
      count('incremental', store, 'get', data ? 'hit' : 'miss');
      return data;
    }

    async set(...args) {
      await super.set(...args);
      count('incremental', store, 'set', 'stored');
    }
  };
}

module.exports = { countedUseCache, countedIncremental };
