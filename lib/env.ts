import { z } from 'zod';

// The one module that reads process.env: every setting is named, typed and checked here.
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  SITE_URL: z.url({ message: 'SITE_URL doit être une URL complète, par exemple https://placedesreseaux.fr' }).default('http://localhost:3000'),
  CONTENT_DIR: z.string().min(1).default('content'),
  /** Local state of `npm run dev` / `npm start`: the embedded database and the generated secret. */
  DATA_DIR: z.string().min(1).default('.data'),
  /** Set by the launcher (embedded PostgreSQL) or by the operator. */
  DATABASE_URL: z.string().min(1).optional(),
  /** Set to 1 by the launcher when DATABASE_URL is the embedded database it started (backups are then ours). */
  DATABASE_EMBEDDED: z.literal('1').optional(),
  DB_POOL_MAX: positiveInt(10),
  DB_CONNECT_TIMEOUT_MS: positiveInt(3000),
  DB_STATEMENT_TIMEOUT_MS: positiveInt(5000),
  /** Key of the HMACs that replace reader ids and addresses in the database. */
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET doit faire au moins 32 caractères').optional(),
  /** `pre`: a guest's first comment waits for an editor; `post`: comments are published at once. */
  COMMENT_MODERATION: z.enum(['pre', 'post']).default('pre'),
  /**
   * How many pieces (the newest) the build prerenders; older ones are rendered on their first
   * visit, then cached like the others. Listings prerender their first 10 pages.
   */
  PRERENDER_PIECES: positiveInt(1000),
  /**
   * Comments close by themselves this many days after a piece's publication (0: never); a piece's
   * frontmatter `comments: open | closed` and an editor's choice in the desk come first.
   */
  COMMENTS_CLOSE_AFTER_DAYS: z.coerce.number().int().min(0, 'COMMENTS_CLOSE_AFTER_DAYS : un nombre de jours, 0 pour jamais').max(36_500).default(180),
  /** Comments with more links than this are always held for moderation. */
  COMMENT_MAX_LINKS: z.coerce.number().int().min(0).default(2),
  RATE_COMMENTS_PER_MINUTE_READER: positiveInt(5),
  RATE_COMMENTS_PER_MINUTE_ADDRESS: positiveInt(10),
  RATE_RATINGS_PER_MINUTE_READER: positiveInt(30),
  RATE_RATINGS_PER_MINUTE_ADDRESS: positiveInt(60),
  RATE_REPORTS_PER_MINUTE_READER: positiveInt(10),
  /** Searches one address may send a minute to /api/search (the search page as the reader types). */
  RATE_SEARCHES_PER_MINUTE_ADDRESS: positiveInt(60),
  /**
   * Up to this many published pieces, the search page searches in the browser as the reader types
   * (an index with every piece's text); beyond, it asks the server's full-text search.
   */
  FULL_TEXT_SEARCH_MAX_PIECES: positiveInt(1000),
  /** How long the results of one search (words and page) are kept in the cache; 0: not kept. */
  SEARCH_CACHE_SECONDS: z.coerce.number().int().min(0).default(60),
  /** New ratings one address may add to one piece a day: clearing cookies cannot inflate an average past this. */
  RATE_NEW_RATINGS_PER_DAY_ADDRESS: positiveInt(20),
  /** Who holds it may preview drafts and future pieces at /api/preview?secret=…&slug=… (editors may too). */
  PREVIEW_SECRET: z.string().min(16, 'PREVIEW_SECRET doit faire au moins 16 caractères').optional(),
  /** SMTP server for sign-in links and notifications (smtp://user:pass@host:587); unset: printed in the log. */
  EMAIL_SERVER: z.string().min(1).optional(),
  EMAIL_FROM: z.string().min(3).default('Place des Réseaux <redaction@placedesreseaux.fr>'),
  /**
   * The desk's address, the `Reply-To` of what the desk writes to a reader (a direct message, a
   * statement of reasons, a notice's decision): their answer reaches a person.
   */
  EDITOR_REPLY_TO: z.email({ message: 'EDITOR_REPLY_TO doit être une adresse e-mail, par exemple moderation@placedesreseaux.fr' }).default('redaction@placedesreseaux.fr'),
  /** Accounts whose email is listed here are editors (comma-separated). */
  EDITOR_EMAILS: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((email) => email.trim().toLowerCase()).filter(Boolean)),
  /**
   * Redis shared by several instances of one build: the cache of pages and of cached reads, and
   * tag invalidations (lib/cache/). Unset: one instance, its own memory.
   */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/./, 'REDIS_URL doit être une adresse redis://hôte:port (ou rediss:// avec TLS), par exemple redis://127.0.0.1:6379/0')
    .optional(),
  /** Prefix of this site's keys in Redis (default `pdr:` and the site's host), so two sites can share one. */
  REDIS_PREFIX: z.string().regex(/^[\w.:-]{1,100}$/, 'REDIS_PREFIX : 1 à 100 caractères parmi lettres, chiffres, _ . : -').optional(),
  /**
   * Key with which Next encrypts the server actions' bound values: the same for every instance of
   * one build (base64 of 16, 24 or 32 bytes; `openssl rand -base64 32`). Required with REDIS_URL.
   */
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z
    .string()
    .refine((value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && [16, 24, 32].includes(Buffer.from(value, 'base64').length), {
      message: 'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY doit être 16, 24 ou 32 octets en base64 (par exemple : openssl rand -base64 32)',
    })
    .optional(),
  /** E-mails of the letter sent a second at most, through EMAIL_SERVER (all instances together: one sends at a time). */
  NEWSLETTER_RATE: z.coerce.number().int().min(1, 'NEWSLETTER_RATE : au moins 1 e-mail par seconde').max(1000, 'NEWSLETTER_RATE : 1 000 e-mails par seconde au plus').default(10),
  /**
   * Every so many seconds, each instance looks for letters due (a piece just published, the Monday
   * digest) and sends them; 0: never (run `npm run newsletter -- send` from a timer instead).
   */
  NEWSLETTER_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600, 'NEWSLETTER_INTERVAL_SECONDS : 3 600 secondes au plus').default(60),
  /** Hour (local time, 0–23) of the nightly backup of the embedded database under `npm start`. */
  BACKUP_HOUR: z.coerce.number().int().min(0, 'BACKUP_HOUR : une heure de 0 à 23').max(23, 'BACKUP_HOUR : une heure de 0 à 23').default(3),
  /** Backups kept: the newest of each of the last N days, and of each of the last M weeks (`N,M`). */
  BACKUP_KEEP: z
    .string()
    .regex(/^\d{1,3},\d{1,3}$/, 'BACKUP_KEEP : deux nombres, jours puis semaines, par exemple 7,4')
    .default('7,4')
    .transform((value) => {
      const [daily = 7, weekly = 4] = value.split(',').map(Number);
      return { daily: Math.max(1, daily), weekly };
    }),
  /** Where the nightly backups go (default: DATA_DIR/backups). */
  BACKUP_DIR: z.string().min(1).optional(),
  /** Live streams of new comments (GET …/events) one instance keeps open at most; past it, a page has no live notice. */
  LIVE_MAX_STREAMS: positiveInt(1000),
  /** On SIGTERM, how long in-flight requests may take before their connections are closed. */
  DRAIN_TIMEOUT_MS: positiveInt(10_000),
  /**
   * The port of this instance's Prometheus metrics (GET /metrics), a server apart from the
   * magazine's, never routed by deploy/nginx.conf; unset: no metrics server.
   */
  METRICS_PORT: z.coerce.number().int().min(1, 'METRICS_PORT : un numéro de port, de 1 à 65535').max(65_535, 'METRICS_PORT : un numéro de port, de 1 à 65535').optional(),
  /** The address the metrics server listens on: this machine alone unless an operator says otherwise. */
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /** With it, a scrape must send `Authorization: Bearer <METRICS_TOKEN>` (401 otherwise). */
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN doit faire au moins 16 caractères').optional(),
  /** The least severe log lines written (lib/log.ts): `info` writes one line per request, `warn` only what goes wrong. */
  LOG_LEVEL: z
    .enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'], { message: 'LOG_LEVEL : trace, debug, info, warn, error, fatal ou silent' })
    .default('info'),
  /**
   * With it, OpenTelemetry traces (Next's spans, PostgreSQL, HTTP in and out) go to this
   * OTLP/HTTP collector (lib/tracing.ts); unset, no OpenTelemetry code is loaded.
   */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ message: 'OTEL_EXPORTER_OTLP_ENDPOINT doit être une URL, par exemple http://127.0.0.1:4318' }).optional(),
  /** The service's name in the traces (OpenTelemetry reads it itself). */
  OTEL_SERVICE_NAME: z.string().min(1).default('place-des-reseaux'),
  /** Months the audience's daily totals are kept (purged each night); the CNIL's bound for such data is 25. */
  AUDIENCE_KEEP_MONTHS: z.coerce.number().int().min(1, 'AUDIENCE_KEEP_MONTHS : au moins 1 mois').max(25, 'AUDIENCE_KEEP_MONTHS : 25 mois au plus (la durée que la CNIL admet pour la mesure d’audience exemptée de consentement)').default(13),
  /** Every so many seconds, each instance writes the audience beacons it received (one statement); a crash loses at most these. */
  AUDIENCE_FLUSH_SECONDS: z.coerce.number().int().min(1, 'AUDIENCE_FLUSH_SECONDS : au moins 1 seconde').max(60, 'AUDIENCE_FLUSH_SECONDS : 60 secondes au plus').default(5),
  /** Audience beacons one address may send a minute to one instance; past it they are dropped (a flood, not a reader). */
  AUDIENCE_BEACONS_PER_MINUTE_ADDRESS: positiveInt(120),
  /** Number of reverse proxies in front of the app whose X-Forwarded-For to believe (0: none). */
  TRUST_PROXY: z
    .string()
    .default('0')
    .transform((value) => (value === 'true' ? 1 : value === 'false' ? 0 : Number(value)))
    .pipe(z.number().int().min(0).max(10)),
});

// An empty variable counts as unset (`DATABASE_URL= npm start` uses the embedded database).
const parsed = schema.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== '')));
if (!parsed.success) {
  throw new Error(`Configuration invalide : ${z.prettifyError(parsed.error)}`);
}

/** The validated settings of this process. */
export const env = parsed.data;

/** The folder of the nightly backups of the embedded database. */
export const backupDirectory = (): string => env.BACKUP_DIR ?? `${env.DATA_DIR.replace(/\/+$/, '')}/backups`;

/** Drafts and future pieces are shown in development only (`npm run dev`). */
export const showUnpublished = env.NODE_ENV === 'development';
