import 'server-only';
import { createHmac, randomBytes } from 'node:crypto';
import { isbot } from 'isbot';
import { accountFromSessionToken, SESSION_COOKIES } from '@/lib/accounts/session';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { ApiError } from '@/lib/errors';
import { beaconSchema } from './audience-schemas';
import { monthsBefore, parisDay } from './days';
import { isAudiencePath } from './paths';
import { campaignOf, sourceOf } from './sources';
import { failure, logger } from '@/lib/log';

// The audience's beacons (POST /api/views), counted as Plausible counts: a visitor of the day is
// HMAC(salt of the day, address, User-Agent), and neither the address nor the User-Agent is kept.
// A beacon is not an INSERT: each instance sums its beacons in memory by day × page × source ×
// campaign × visitor and writes them every AUDIENCE_FLUSH_SECONDS in one statement
// (audience_record, migration audience). What a crash loses is at most that: the beacons of the
// last AUDIENCE_FLUSH_SECONDS (and, while the database is away, those waiting for it, up to
// MAX_PENDING). On SIGTERM the instance writes them before it stops (lib/http/instance.ts).
// Once a day is over, the first instance to notice counts it (audience_close): totals kept,
// visitors and the day's salt deleted, totals past AUDIENCE_KEEP_MONTHS purged.

/** Entries waiting to be written, at most (a database away for long: newer beacons are dropped). */
const MAX_PENDING = 200_000;
/** Addresses followed a minute, at most (past it, beacons from new ones are dropped until the next minute). */
const MAX_ADDRESSES = 100_000;
/** A day is closed this long after midnight: the other instances' last batches of it have landed. */
const CLOSE_GRACE_MS = 60_000;
/** How long an instance remembers whether a session is an editor's. */
const EDITOR_CACHE_MS = 60_000;

type Entry = { day: string; path: string; source: string; campaign: string; visitor: Buffer; views: number; reads: number };

type State = {
  pending: Map<string, Entry>;
  salts: Map<string, Promise<Buffer>>;
  minute: number;
  perAddress: Map<string, number>;
  editors: Map<string, { editor: boolean; until: number }>;
  flushing: Promise<void> | null;
  closedThrough: string | null;
  failing: boolean;
  timer: NodeJS.Timeout | null;
  dropped: number;
};

// One recorder per process: the server's request hook and the route handler live in different bundles.
const STATE = Symbol.for('placedesreseaux.audience');
const state = ((globalThis as { [STATE]?: State })[STATE] ??= {
  pending: new Map(),
  salts: new Map(),
  minute: 0,
  perAddress: new Map(),
  editors: new Map(),
  flushing: null,
  closedThrough: null,
  failing: false,
  timer: null,
  dropped: 0,
});

/** What a beacon's request carries, as the server received it. */
export type BeaconRequest = {
  /** The body's text (the adapter refused one larger than MAX_BEACON_BYTES). */
  body: string;
  /** The reader's address (the TCP peer, or the proxy's X-Forwarded-For under TRUST_PROXY). */
  address: string;
  /** A request header by its lowercase name. */
  header: (name: string) => string | undefined;
  now: number;
};

/** Why a well-formed beacon was not counted. */
export type NotCounted = 'robot' | 'prefetch' | 'privacy' | 'editor';

function overAddressLimit(address: string, now: number): boolean {
  const minute = Math.floor(now / 60_000);
  if (minute !== state.minute) {
    state.minute = minute;
    state.perAddress.clear();
  }
  const count = state.perAddress.get(address);
  if (count === undefined && state.perAddress.size >= MAX_ADDRESSES) return true;
  state.perAddress.set(address, (count ?? 0) + 1);
  return (count ?? 0) >= env.AUDIENCE_BEACONS_PER_MINUTE_ADDRESS;
}

function notCounted(header: BeaconRequest['header']): NotCounted | null {
  const userAgent = header('user-agent') ?? '';
  if (userAgent === '' || isbot(userAgent)) return 'robot';
  const purpose = `${header('sec-purpose') ?? ''} ${header('purpose') ?? ''} ${header('x-moz') ?? ''}`;
  if (/prefetch|prerender/i.test(purpose)) return 'prefetch';
  if (header('sec-gpc')?.trim() === '1' || header('dnt')?.trim() === '1') return 'privacy';
  return null;
}

function sessionToken(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name && SESSION_COOKIES.includes(name)) return value.join('=');
  }
  return undefined;
}

// Only a request with a session cookie is looked up, once a minute per session.
async function isEditorSession(token: string, now: number): Promise<boolean> {
  const known = state.editors.get(token);
  if (known && known.until > now) return known.editor;
  const editor = (await accountFromSessionToken(token).catch(() => null))?.isEditor ?? false;
  if (state.editors.size >= 1000) state.editors.clear();
  state.editors.set(token, { editor, until: now + EDITOR_CACHE_MS });
  return editor;
}

/** The salt of `day`, the same for every instance: drawn by the first that needs it. */
function saltOf(day: string): Promise<Buffer> {
  let salt = state.salts.get(day);
  if (!salt) {
    salt = db()
      .pool.query<{ salt: Buffer }>({ name: 'audience_salt', text: 'SELECT audience_salt($1::date, $2) AS "salt"', values: [day, randomBytes(32)] })
      .then(({ rows }) => {
        const [row] = rows;
        if (!row) throw new Error('audience_salt n’a rien rendu');
        return row.salt;
      });
    // A failure is not kept: the next beacon asks again.
    salt.catch(() => state.salts.delete(day));
    state.salts.set(day, salt);
  }
  return salt;
}

function parse(body: string) {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    throw new ApiError('invalid_json', 'Le corps de la requête n’est pas du JSON valide.');
  }
  const result = beaconSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ApiError('validation_failed', issue?.message ?? 'Les données envoyées ne sont pas valides.', issue ? { field: issue.path.join('.') } : {});
  }
  return result.data;
}

function add(entry: Entry): void {
  const key = `${entry.day}\0${entry.path}\0${entry.source}\0${entry.campaign}\0${entry.visitor.toString('base64')}`;
  let pending = state.pending.get(key);
  if (!pending) {
    if (state.pending.size >= MAX_PENDING) {
      state.dropped += 1;
      return;
    }
    pending = { ...entry, views: 0, reads: 0 };
    state.pending.set(key, pending);
  }
  pending.views += entry.views;
  pending.reads += entry.reads;
}

/**
 * Takes one beacon: counted (true), or not counted by rule (robot, prefetch, GPC or DNT, an editor).
 * Refused with an ApiError: another site's (403), over the address's limit (429), malformed
 * (400, 422), for a path that is no page of the magazine (404), or without the database (503).
 */
export async function receiveBeacon(request: BeaconRequest): Promise<true | NotCounted> {
  const { header, now } = request;
  const site = header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin') throw new ApiError('forbidden_origin', 'La mesure d’audience n’accepte que les pages du site lui-même.');
  if (overAddressLimit(request.address, now)) {
    throw new ApiError('rate_limited', 'Trop de pages vues en une minute depuis cette connexion : elles ne sont plus comptées pour l’instant.', { retryAfterSeconds: 60 });
  }
  const beacon = parse(request.body);
  if (!isAudiencePath(beacon.path, now)) throw new ApiError('not_found', `« ${beacon.path.slice(0, 100)} » n’est pas une page du magazine : rien n’a été compté.`);
  const skipped = notCounted(header);
  if (skipped) return skipped;
  const token = sessionToken(header('cookie'));
  if (token && (await isEditorSession(token, now))) return 'editor';
  const day = parisDay(now);
  const salt = await saltOf(day).catch(() => null);
  if (!salt) throw new ApiError('database_unavailable', 'La mesure d’audience est momentanément indisponible : cette page n’a pas été comptée.');
  const visitor = createHmac('sha256', salt).update(request.address).update('\0').update(header('user-agent') ?? '').digest().subarray(0, 16);
  const source = sourceOf({ referrer: beacon.referrer, utmSource: beacon.utmSource ?? null, siteUrl: env.SITE_URL });
  const read = beacon.kind === 'read' ? 1 : 0;
  add({ day, path: beacon.path, source, campaign: campaignOf(beacon.utmCampaign ?? null), visitor, views: 1 - read, reads: read });
  return true;
}

async function write(entries: Entry[]): Promise<void> {
  await db().pool.query({
    name: 'audience_record',
    text: 'SELECT audience_record($1::date[], $2::text[], $3::text[], $4::text[], $5::bytea[], $6::int[], $7::int[])',
    values: [
      entries.map((entry) => entry.day),
      entries.map((entry) => entry.path),
      entries.map((entry) => entry.source),
      entries.map((entry) => entry.campaign),
      entries.map((entry) => entry.visitor),
      entries.map((entry) => entry.views),
      entries.map((entry) => entry.reads),
    ],
  });
}

/** Writes the beacons this instance holds (one statement); kept for the next try if the database is away. */
export function flushAudience(): Promise<void> {
  state.flushing ??= (async () => {
    const entries = [...state.pending.values()];
    state.pending = new Map();
    if (entries.length === 0) return;
    try {
      await write(entries);
      if (state.failing) logger('audience').info(`écriture reprise : ${entries.length} entrée(s) écrite(s)`);
      state.failing = false;
    } catch (error) {
      // Back in the queue, summed with what came meanwhile, within MAX_PENDING.
      for (const entry of entries) add(entry);
      if (!state.failing) logger('audience').error({ err: failure(error) }, `écriture différée (${entries.length} entrée(s) en attente)`);
      state.failing = true;
    }
  })().finally(() => {
    state.flushing = null;
  });
  return state.flushing;
}

/**
 * Counts the days before today (Paris) that are not yet: their totals kept, their visitors and
 * salts deleted, the totals older than AUDIENCE_KEEP_MONTHS purged. Once a day per instance.
 */
export async function closeAudienceDays(now: number): Promise<{ closed: number; purged: number } | null> {
  const today = parisDay(now - CLOSE_GRACE_MS);
  if (state.closedThrough === today) return null;
  const { rows } = await db().pool.query<{ closed: string; purged: string }>('SELECT * FROM audience_close($1::date, $2::date)', [today, monthsBefore(today, env.AUDIENCE_KEEP_MONTHS)]);
  state.closedThrough = today;
  for (const day of state.salts.keys()) if (day < today) state.salts.delete(day);
  const closed = Number(rows[0]?.closed ?? 0);
  const purged = Number(rows[0]?.purged ?? 0);
  if (closed > 0 || purged > 0) logger('audience').info({ closed, purged }, `jours comptés : ${closed} ligne(s) de visiteurs effacée(s), ${purged} total(aux) de plus de ${env.AUDIENCE_KEEP_MONTHS} mois purgé(s)`);
  return { closed, purged };
}

/** Writes this instance's beacons every AUDIENCE_FLUSH_SECONDS, and closes the days gone by. */
export function startAudience(): void {
  if (state.timer) return;
  state.timer = setInterval(() => {
    void flushAudience()
      .then(() => closeAudienceDays(Date.now()))
      .catch((error: unknown) => logger('audience').error({ err: failure(error) }, 'jours non comptés (nouvel essai plus tard)'));
    if (state.dropped > 0) {
      logger('audience').error(`${state.dropped} page(s) vue(s) non comptée(s) : trop d’entrées en attente d’écriture`);
      state.dropped = 0;
    }
  }, env.AUDIENCE_FLUSH_SECONDS * 1000);
  state.timer.unref();
}
