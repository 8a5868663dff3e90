// The cache that several instances of one build share, on Redis (REDIS_URL). Both of Next's
// cache hooks use it: `incremental-cache-handler.cjs` (prerendered pages, route handlers) and
// `use-cache-handler.cjs` (`'use cache'` entries). Plain CommonJS, because Next loads the hooks
// with a bare import() of their path, at build and at start, outside the compiled app.
//
// What is where:
// - Entries in Redis under `<prefix>:<build id>:<kind>:<key>`, each with a time to live (Redis is
//   set to evict with volatile-lru, so the tags below, which have none, are never evicted).
// - Tag invalidations in one hash `<prefix>:tags` (field `expired:<tag>` or `stale:<tag>`, a
//   time in ms, only ever raised, by a script) and published on the channel `<prefix>:tags`: every
//   instance keeps a copy in memory, updated as messages arrive and read again in full each time
//   its subscription (re)connects. Reads check an entry's tags against that copy, never Redis.
// - In front of Redis, a bounded copy in this process's memory, valid while the copy of the tags
//   is up to date.
//
// Redis away: every command fails within REDIS_TIMEOUT_MS (no queue). Pages keep being served
// from this process's memory, but no entry older than LOCAL_LIFE_WHILE_AWAY_MS is served, since
// invalidations from other instances no longer arrive; this instance's own invalidations are kept
// and sent when Redis returns, then the tags are read again: everything recovers without restart.
'use strict';

const LOG = Symbol.for('placedesreseaux.log');

/** A line of the magazine's log (lib/log.ts, made by instrumentation.ts), or of the console before it exists. */
function log(level, message) {
  const root = globalThis[LOG]?.root;
  if (root) root[level]({ module: 'cache' }, message);
  else console[level](`[cache] ${message}`);
}

const { readFileSync } = require('node:fs');
const path = require('node:path');

const REDIS_TIMEOUT_MS = 250;
const LOCAL_LIFE_WHILE_AWAY_MS = 15_000;
const LOCAL_BYTES = 64 * 1024 * 1024;
/** An entry whose lifetime Next does not bound (a page revalidated by tags only) stays this long. */
const DEFAULT_TTL_MS = 7 * 24 * 3600 * 1000;

// Raises each `field` of the hash to `value` if it is higher, then publishes what changed.
const RAISE_TAGS = `
local changed = {}
for i = 1, #ARGV, 2 do
  local current = tonumber(redis.call('HGET', KEYS[1], ARGV[i]))
  if not current or current < tonumber(ARGV[i + 1]) then
    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
    table.insert(changed, ARGV[i])
    table.insert(changed, ARGV[i + 1])
  end
end
if #changed > 0 then redis.call('PUBLISH', KEYS[1], cjson.encode(changed)) end
return #changed / 2`;

/** True while `next build` runs: nothing is written to Redis then (each instance starts clean). */
const building = () => process.env.NEXT_PHASE === 'phase-production-build';

/** The prefix of every key: REDIS_PREFIX, or `pdr:` and the site's host, so two sites can share a Redis. */
function keyPrefix() {
  if (process.env.REDIS_PREFIX) return process.env.REDIS_PREFIX;
  try {
    return `pdr:${new URL(process.env.SITE_URL || 'http://localhost').host}`;
  } catch {
    return 'pdr:localhost';
  }
}

/** The id of the build being served: entries of another build are never read. */
function buildId() {
  try {
    return readFileSync(path.join(process.cwd(), process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'), 'utf8').trim();
  } catch {
    return 'dev';
  }
}

/** A Map kept under a byte budget, least recently used out first. */
class LocalCopy {
  constructor(budget) {
    this.budget = budget;
    this.bytes = 0;
    this.entries = new Map();
  }
  get(key) {
    const found = this.entries.get(key);
    if (!found) return undefined;
    this.entries.delete(key);
    this.entries.set(key, found);
    return found;
  }
  set(key, entry) {
    this.delete(key);
    if (entry.size > this.budget / 4) return;
    this.entries.set(key, entry);
    this.bytes += entry.size;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.budget) break;
      this.entries.delete(oldest);
      this.bytes -= old.size;
    }
  }
  delete(key) {
    const found = this.entries.get(key);
    if (!found) return;
    this.entries.delete(key);
    this.bytes -= found.size;
  }
}

class SharedCache {
  constructor(url) {
    this.url = url;
    this.prefix = keyPrefix();
    this.tagsKey = `${this.prefix}:tags`;
    this.entriesPrefix = `${this.prefix}:${buildId()}`;
    /** tag → { expired?: ms, stale?: ms }, as Next's own tags manifest. */
    this.tags = new Map();
    this.local = new LocalCopy(LOCAL_BYTES);
    /** Invalidations made here while Redis was away, sent when it returns. */
    this.unsent = new Map();
    /** Invalidations of this moment, sent together. */
    this.batch = new Map();
    this.sending = null;
    /** Since when the copy of the tags may be behind (null: up to date). */
    this.awaySince = Date.now();
    this.started = null;
    this.firstWait = null;
    this.resyncing = null;
    this.lastResync = 0;
    this.client = null;
    this.binary = null;
    this.subscriber = null;
    this.closing = false;
    this.warned = false;
  }

  /**
   * Connects on first use, in the background, and lets that first use wait for it 1 s at most;
   * never throws, and never waits again: a Redis down at start is retried by the client until it
   * answers, while pages are served without it.
   */
  ready() {
    if (!this.started) {
      this.started = this.connect().catch((error) => this.away(error));
      this.firstWait = Promise.race([this.started, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
    }
    if (this.awaySince !== null && this.client?.isReady && this.subscriber?.isReady) void this.resync();
    return this.firstWait;
  }

  async connect() {
    const { createClient, RESP_TYPES } = await import('redis');
    const options = {
      url: this.url,
      disableOfflineQueue: true,
      commandOptions: { timeout: REDIS_TIMEOUT_MS },
      socket: { connectTimeout: 1000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 1000) },
    };
    this.client = createClient(options);
    this.binary = this.client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
    this.subscriber = createClient(options);
    for (const connection of [this.client, this.subscriber]) {
      connection.on('error', (error) => this.away(error));
      connection.on('end', () => this.away());
      // Each time a connection is (re)established: send our own invalidations, read every tag
      // again; once more a moment later, for a message published while the subscription resumed.
      connection.on('ready', () => {
        void this.resync();
        setTimeout(() => void this.resync(true), 500).unref();
      });
    }
    await Promise.all([this.client.connect(), this.subscriber.connect()]);
    await this.subscriber.subscribe(this.tagsKey, (message) => this.receive(message));
    await this.resync();
  }

  away(error) {
    if (this.closing) return;
    if (this.awaySince === null) this.awaySince = Date.now();
    if (!this.warned) {
      this.warned = true;
      log('error', `Redis injoignable (${error?.message ?? 'connexion fermée'}) : pages servies depuis la mémoire de l’instance (15 s au plus) ou rendues à nouveau`);
    }
  }

  /** Sends the invalidations made while away, then reads every tag; at most one at a time. */
  resync(again = false) {
    if (!this.client?.isReady || !this.subscriber?.isReady || this.closing) return Promise.resolve();
    if (this.resyncing) return this.resyncing;
    if (!again && this.awaySince === null) return Promise.resolve();
    if (!again && Date.now() - this.lastResync < 1000) return Promise.resolve();
    this.lastResync = Date.now();
    this.resyncing = this.readTags().finally(() => (this.resyncing = null));
    return this.resyncing;
  }

  async readTags() {
    try {
      if (this.unsent.size > 0) {
        const pending = [...this.unsent];
        this.unsent.clear();
        await this.raise(pending).catch((error) => {
          for (const [field, time] of pending) this.unsent.set(field, Math.max(time, this.unsent.get(field) ?? 0));
          throw error;
        });
      }
      const all = await this.client.hGetAll(this.tagsKey);
      for (const [field, value] of Object.entries(all)) this.apply(String(field), Number(String(value)));
      if (this.awaySince !== null && this.warned) log('info', 'Redis de retour : invalidations resynchronisées');
      this.awaySince = null;
      this.warned = false;
    } catch (error) {
      this.away(error);
    }
  }

  receive(message) {
    try {
      const changed = JSON.parse(message);
      for (let i = 0; i < changed.length; i += 2) this.apply(changed[i], Number(changed[i + 1]));
    } catch {
      // A message we did not write: ignored.
    }
  }

  /** Applies `expired:<tag>` or `stale:<tag>` = time, keeping the later one. */
  apply(field, time) {
    const separator = field.indexOf(':');
    const kind = field.slice(0, separator);
    const tag = field.slice(separator + 1);
    if ((kind !== 'expired' && kind !== 'stale') || !Number.isFinite(time)) return;
    const entry = this.tags.get(tag) ?? {};
    if ((entry[kind] ?? 0) >= time) return;
    this.tags.set(tag, { ...entry, [kind]: time });
  }

  async raise(fields) {
    await this.client.eval(RAISE_TAGS, { keys: [this.tagsKey], arguments: fields.flatMap(([field, time]) => [field, String(time)]) });
  }

  /**
   * Next's revalidateTag/updateTag, for every instance: as Next's own handlers, then shared. Next
   * calls every hook for the same tags at once: those calls are sent to Redis as one.
   */
  updateTags(tags, durations) {
    const now = Date.now();
    for (const tag of tags) {
      const fields = durations
        ? [[`stale:${tag}`, now], ...(durations.expire === undefined ? [] : [[`expired:${tag}`, now + durations.expire * 1000]])]
        : [[`expired:${tag}`, now]];
      for (const [field, time] of fields) {
        this.apply(field, time);
        this.batch.set(field, Math.max(time, this.batch.get(field) ?? 0));
      }
    }
    this.sending ??= Promise.resolve().then(() => {
      const fields = [...this.batch];
      this.batch.clear();
      this.sending = null;
      return this.send(fields);
    });
    return this.sending;
  }

  async send(fields) {
    await this.ready();
    if (this.awaySince === null && this.client?.isReady) {
      try {
        await this.raise(fields);
        return;
      } catch (error) {
        this.away(error);
      }
    }
    for (const [field, time] of fields) this.unsent.set(field, Math.max(time, this.unsent.get(field) ?? 0));
  }

  /** As Next's areTagsExpired: a tag expired after `timestamp`, and that time has come. */
  expired(tags, timestamp) {
    const now = Date.now();
    return tags.some((tag) => {
      const at = this.tags.get(tag)?.expired;
      return at !== undefined && at <= now && at > timestamp;
    });
  }

  /** As Next's areTagsStale: a tag marked stale after `timestamp`. */
  stale(tags, timestamp) {
    return tags.some((tag) => (this.tags.get(tag)?.stale ?? 0) > timestamp);
  }

  /** The latest expiry of these tags (0: never), for Next's implicit tags. */
  expiration(tags) {
    return Math.max(0, ...tags.map((tag) => this.tags.get(tag)?.expired ?? 0));
  }

  /**
   * Whether an entry made at `timestamp` may be served: always while the tags are up to date;
   * while Redis is away, only if it is younger than 15 s, since other instances' invalidations
   * no longer arrive.
   */
  fresh(timestamp) {
    return this.awaySince === null || Date.now() - timestamp < LOCAL_LIFE_WHILE_AWAY_MS;
  }

  /** The entry's bytes from this process's memory, or Redis, or undefined. */
  async read(kind, key) {
    const id = `${kind}:${key}`;
    const copy = this.local.get(id);
    if (copy) return copy.bytes;
    await this.ready();
    if (this.awaySince !== null || !this.client?.isReady) return undefined;
    try {
      const bytes = await this.binary.get(`${this.entriesPrefix}:${id}`);
      if (!bytes) return undefined;
      this.local.set(id, { bytes, size: bytes.length + id.length });
      return bytes;
    } catch (error) {
      this.away(error);
      return undefined;
    }
  }

  /** Keeps the entry here and, unless at build or while Redis is away, in Redis. */
  async write(kind, key, bytes, ttlMs) {
    const id = `${kind}:${key}`;
    this.local.set(id, { bytes, size: bytes.length + id.length });
    await this.ready();
    if (this.awaySince !== null || !this.client?.isReady) return;
    try {
      await this.client.set(`${this.entriesPrefix}:${id}`, bytes, { expiration: { type: 'PX', value: Math.max(1, Math.round(ttlMs || DEFAULT_TTL_MS)) } });
    } catch (error) {
      this.away(error);
    }
  }

  forget(kind, key) {
    this.local.delete(`${kind}:${key}`);
  }

  /** Whether Redis answers now (for /api/health): one PING, bounded. */
  async reachable() {
    await this.ready();
    if (!this.client?.isReady) return false;
    try {
      return String(await this.client.ping()) === 'PONG' && this.awaySince === null;
    } catch {
      return false;
    }
  }

  async close() {
    this.closing = true;
    await Promise.allSettled([this.client?.close(), this.subscriber?.close()]);
  }
}

const SHARED = Symbol.for('placedesreseaux.sharedCache');

/**
 * The process's shared cache, or null when REDIS_URL is not set (Next's own in-memory handlers
 * then do everything, as for a single instance) or while `next build` runs.
 */
function sharedCache() {
  if (!process.env.REDIS_URL || building()) return null;
  globalThis[SHARED] ??= new SharedCache(process.env.REDIS_URL);
  return globalThis[SHARED];
}

module.exports = { sharedCache, building, DEFAULT_TTL_MS };
