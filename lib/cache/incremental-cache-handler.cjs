// Next's `cacheHandler`: the incremental cache (prerendered pages, route handlers). With
// REDIS_URL, in Redis for every instance (shared-cache.cjs), the build's own prerendered files
// read from disk until an instance renders the page again; without it, or while `next build`
// runs, Next's own handler (memory and the build folder), as for one instance.
// The interface: node_modules/next/dist/server/lib/incremental-cache/index.d.ts.
'use strict';

const v8 = require('node:v8');
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache').default;
const { countedIncremental } = require('./counted.cjs');
const { sharedCache, DEFAULT_TTL_MS } = require('./shared-cache.cjs');

const KIND = 'incremental';
/** The header in which Next keeps the tags a page or a route handler was rendered with. */
const TAGS_HEADER = 'x-next-cache-tags';

function entryTags(data, ctx) {
  if (data.value?.kind === 'FETCH') return [...(ctx.tags ?? []), ...(ctx.softTags ?? [])];
  const header = data.value?.headers?.[TAGS_HEADER];
  return typeof header === 'string' && header ? header.split(',') : [];
}

function lifetimeMs(data, ctx) {
  const seconds = data?.kind === 'FETCH' ? data.revalidate : ctx.cacheControl?.expire;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_TTL_MS;
}

function sharedHandler(cache) {
  return class SharedIncrementalCache extends FileSystemCache {
    async get(key, ctx) {
      const found = await cache.read(KIND, key);
      // Not in the shared cache yet: the page as the build prerendered it, if it did.
      const data = found ? v8.deserialize(found) : await super.get(key, ctx);
      if (!data) return null;
      const tags = entryTags(data, ctx);
      if (cache.expired(tags, data.lastModified) || !cache.fresh(data.lastModified)) {
        cache.forget(KIND, key);
        return null;
      }
      // Marked stale by another instance: served no more, rendered again before answering.
      if (cache.stale(tags, data.lastModified)) return { ...data, lastModified: -1 };
      return data;
    }

    async set(key, data, ctx) {
      const entry = { lastModified: Date.now(), value: data, cacheControl: ctx.cacheControl };
      await cache.write(KIND, key, v8.serialize(entry), lifetimeMs(data, ctx));
    }

    async revalidateTag(tags, durations) {
      await cache.updateTags(typeof tags === 'string' ? [tags] : tags, durations);
    }
  };
}

const cache = sharedCache();
module.exports = countedIncremental(cache ? sharedHandler(cache) : FileSystemCache, cache ? 'redis' : 'memory');
