// Next's `cacheHandlers.default` and `.remote`: the `'use cache'` entries (the figures of a
// piece, the content index). With REDIS_URL, in Redis for every instance (shared-cache.cjs);
// without it, or while `next build` runs, Next's own in-memory handler, as for one instance.
// The interface: node_modules/next/dist/server/lib/cache-handlers/types.d.ts.
'use strict';

const { createDefaultCacheHandler } = require('next/dist/server/lib/cache-handlers/default');
const { countedUseCache } = require('./counted.cjs');
const { onDataReplaced } = require('./invalidations.cjs');
const { sharedCache } = require('./shared-cache.cjs');

const KIND = 'use-cache';
const inMemory = createDefaultCacheHandler(50 * 1024 * 1024);

/** The entry's metadata (JSON, its length first) then its bytes, as one buffer. */
function pack(entry, value) {
  const { tags, stale, timestamp, expire, revalidate } = entry;
  const head = Buffer.from(JSON.stringify({ tags, stale, timestamp, expire, revalidate }));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(head.length);
  return Buffer.concat([length, head, value]);
}

function unpack(bytes) {
  const length = bytes.readUInt32BE(0);
  return { metadata: JSON.parse(bytes.subarray(4, 4 + length).toString('utf8')), value: bytes.subarray(4 + length) };
}

async function streamToBuffer(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const pendingSets = new Map();

const sharedHandler = (cache) => ({
  async get(cacheKey) {
    await pendingSets.get(cacheKey);
    const found = await cache.read(KIND, cacheKey);
    if (!found) return undefined;
    const { metadata, value } = unpack(found);
    // As Next's own handler: past `revalidate` is a miss; an expired tag too; a stale one is
    // served once more and refreshed.
    if (
      Date.now() > metadata.timestamp + metadata.revalidate * 1000 ||
      cache.expired(metadata.tags, metadata.timestamp) ||
      !cache.fresh(metadata.timestamp)
    ) {
      cache.forget(KIND, cacheKey);
      return undefined;
    }
    const revalidate = cache.stale(metadata.tags, metadata.timestamp) ? -1 : metadata.revalidate;
    return {
      ...metadata,
      revalidate,
      value: new ReadableStream({
        start(controller) {
          controller.enqueue(new Uint8Array(value));
          controller.close();
        },
      }),
    };
  },

  async set(cacheKey, pendingEntry) {
    let done;
    pendingSets.set(cacheKey, new Promise((resolve) => (done = resolve)));
    try {
      const entry = await pendingEntry;
      // An entry that expires at once is dynamic: Next renders it again on every read.
      if (entry.expire === 0) return;
      const value = await streamToBuffer(entry.value);
      await cache.write(KIND, cacheKey, pack(entry, value), entry.expire * 1000);
    } catch {
      // A render that failed midway: nothing kept, the next read renders again.
    } finally {
      pendingSets.delete(cacheKey);
      done();
    }
  },

  // The copy of the tags is kept up to date by Redis's messages: nothing to ask per request.
  async refreshTags() {},

  async getExpiration(tags) {
    return cache.expiration(tags);
  },

  async updateTags(tags, durations) {
    await cache.updateTags(tags, durations);
  },
});

const cache = sharedCache();
const handler = cache ? sharedHandler(cache) : inMemory;
// Data replaced under the running instances (db:import): as if they had written it. In memory,
// Next's own handler marks the tags in the table its incremental cache reads too.
onDataReplaced((tags) => handler.updateTags(tags));
module.exports = countedUseCache(handler, cache ? 'redis' : 'memory');
