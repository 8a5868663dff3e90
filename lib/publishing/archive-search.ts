import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import type pg from 'pg';
import { CONTENT_TAG, RANKINGS_TAG } from '@/lib/cache-tags';
import { getPublishedPieces } from '@/lib/content';
import { INVALIDATION_CHANNEL } from '@/lib/db/archive';
import { db } from '@/lib/db/client';
import { env, showUnpublished } from '@/lib/env';
import { ApiError } from '@/lib/errors';
import { allPieceSummaries, contentVersion, readPiece } from '@/lib/content/store';
import type { PieceSummary, Section } from '@/lib/content/types';
import { plainText } from '@/lib/publishing/search-index';
import type { SearchResults, Segment } from '@/lib/publishing/search-schemas';

// Full-text search of the whole archive in PostgreSQL (migration archive_search): the table
// `pieces` mirrors the build's content; every word of every piece is found, French without
// accents; the matches are ranked on their title, summary and tags, with a boost for recent pieces.

/** Results per page, for the API and the search page. */
export const SEARCH_PAGE_SIZE = 10;
const MAX_QUERY_LENGTH = 200;
const MAX_PAGE = 100;
const SYNC_LOCK = 'place_des_reseaux:pieces';
/** Pieces written per statement by a synchronisation (each well within DB_STATEMENT_TIMEOUT_MS). */
const BATCH = 250;

export type SyncReport = { added: number; changed: number; removed: number; unchanged: number; milliseconds: number };

/** `work` in a transaction of one connection (opened by `begin`), where SET LOCAL settings hold. */
async function inTransaction<T>(pool: pg.Pool, begin: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((failure: Error) => (broken = failure));
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * Brings `pieces` to the build's content, in one transaction: pieces whose hash changed (or new)
 * written, pieces gone deleted, the others untouched. Instances starting together take turns on
 * an advisory lock: the first writes, the next find nothing to do.
 */
export async function syncPieces(pool: pg.Pool = db().pool): Promise<SyncReport> {
  const started = performance.now();
  const summaries = allPieceSummaries();
  return inTransaction(pool, 'BEGIN', async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [SYNC_LOCK]);
    const { rows } = await client.query<{ key: string; content_hash: string }>('SELECT "key", "content_hash" FROM "pieces"');
    const stored = new Map(rows.map((row) => [row.key, row.content_hash]));
    const current = new Set(summaries.map((summary) => summary.key));
    const stale = summaries.filter((summary) => !summary.digest || stored.get(summary.key) !== summary.digest);
    const removed = [...stored.keys()].filter((key) => !current.has(key));
    for (let start = 0; start < stale.length; start += BATCH) await writePieces(client, stale.slice(start, start + BATCH));
    if (removed.length > 0) await client.query('DELETE FROM "pieces" WHERE "key" = ANY($1::text[])', [removed]);
    // The rankings list only the pieces of this table: every instance drops them at COMMIT.
    if (stale.length + removed.length > 0) await client.query('SELECT pg_notify($1, $2)', [INVALIDATION_CHANNEL, JSON.stringify([RANKINGS_TAG])]);
    const added = stale.filter((summary) => !stored.has(summary.key)).length;
    return { added, changed: stale.length - added, removed: removed.length, unchanged: summaries.length - stale.length, milliseconds: Math.round(performance.now() - started) };
  });
}

async function writePieces(client: pg.PoolClient, summaries: PieceSummary[]): Promise<void> {
  const columns: unknown[][] = [[], [], [], [], [], [], [], [], [], [], []];
  for (const summary of summaries) {
    const piece = readPiece(summary);
    const values = [
      piece.key, piece.section, piece.url, piece.title, piece.summary, piece.tags.join(' · '), piece.author,
      new Date(Date.parse(piece.date)).toISOString(), piece.draft, plainText(piece.bodyRaw), summary.digest ?? '',
    ];
    values.forEach((value, index) => columns[index]?.push(value));
  }
  await client.query(
    `INSERT INTO "pieces" ("key", "section", "url", "title", "summary", "tags", "author", "published_at", "draft", "body_text", "content_hash")
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::boolean[], $10::text[], $11::text[])
     ON CONFLICT ("key") DO UPDATE SET
       "section" = EXCLUDED."section", "url" = EXCLUDED."url", "title" = EXCLUDED."title", "summary" = EXCLUDED."summary",
       "tags" = EXCLUDED."tags", "author" = EXCLUDED."author", "published_at" = EXCLUDED."published_at", "draft" = EXCLUDED."draft",
       "body_text" = EXCLUDED."body_text", "content_hash" = EXCLUDED."content_hash"`,
    columns,
  );
}

// One synchronisation per content version and process: at start (instrumentation.ts), and again
// when contentlayer compiles the content anew (`npm run dev`), before the next search. Kept on
// globalThis: Next bundles instrumentation.ts and the routes apart, each with its own modules.
const process_ = globalThis as unknown as { placeDesReseauxPieces?: { version: string; done: Promise<SyncReport> } };

/** Waits for `pieces` to hold this process's content (synchronised once per content version). */
export function piecesSynced(): Promise<SyncReport> {
  const version = contentVersion();
  const synced = process_.placeDesReseauxPieces;
  if (synced?.version === version) return synced.done;
  const done = syncPieces();
  process_.placeDesReseauxPieces = { version, done };
  // A failure (the database away) is tried again by the next search.
  done.catch(() => {
    if (process_.placeDesReseauxPieces?.done === done) process_.placeDesReseauxPieces = undefined;
  });
  return done;
}

export type { SearchHit, SearchResults, Segment } from '@/lib/publishing/search-schemas';

/** What a reader typed, checked: a French message names what to change (422). */
export function searchQuery(raw: string | null, rawPage: string | null = null): { query: string; page: number } {
  const query = (raw ?? '')
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const invalid = (message: string, field = 'q') => new ApiError('validation_failed', message, { field });
  if (query.length === 0) throw invalid('Tapez un ou plusieurs mots à chercher.');
  if ([...query].length < 2) throw invalid('Tapez au moins deux caractères.');
  if ([...query].length > MAX_QUERY_LENGTH) throw invalid(`Votre recherche est trop longue : ${MAX_QUERY_LENGTH} caractères au plus.`);
  const page = rawPage === null || rawPage === '' ? 1 : Number(rawPage);
  if (!Number.isInteger(page) || page < 1 || page > MAX_PAGE) throw invalid(`La page demandée n’existe pas : donnez un nombre entre 1 et ${MAX_PAGE}.`, 'page');
  return { query, page };
}

/**
 * The query as PostgreSQL reads it: websearch syntax (« phrase », -exclusion, OR) over the
 * French configuration without accents; with `prefix` (the reader is still typing), the last
 * word, when it is a plain word, matches the words that begin with it.
 */
function queryParts(query: string, prefix: boolean): { head: string; last: string | null } {
  const match = /^(.*?)([\p{L}\p{N}]+)$/u.exec(query);
  const plainLast = match && !/["-]$/.test(match[1] ?? '') && (query.match(/"/g) ?? []).length % 2 === 0 && !/\bor$/i.test(match[2] ?? '');
  if (!prefix || !match || !plainLast) return { head: query, last: null };
  return { head: (match[1] ?? '').trim(), last: match[2] ?? null };
}

const START = '\u0002';
const STOP = '\u0003';
const TITLE_OPTIONS = `HighlightAll=true, StartSel=${START}, StopSel=${STOP}`;
const EXCERPT_OPTIONS = `MaxFragments=2, MinWords=10, MaxWords=28, ShortWord=2, FragmentDelimiter=" … ", StartSel=${START}, StopSel=${STOP}`;

function segments(text: string): Segment[] {
  const parts: Segment[] = [];
  for (const [index, part] of text.split(new RegExp(`[${START}${STOP}]`)).entries()) {
    if (part) parts.push(index % 2 === 1 ? { text: part, mark: true } : { text: part });
  }
  return parts;
}

type HitRow = { terms: number; key: string | null; url: string; section: Section; title: string; summary: string; excerpt: string; published_at: Date; total: string };

/**
 * One page of the archive's pieces matching `query` anywhere, best first: ts_rank_cd over the
 * title (A) and the summary and tags (B), plus a floor for a match in the body alone, times a
 * boost for recent pieces (×1.5 for today's, ×1.25 a year old, fading). Drafts and future pieces
 * are never found. Only common words: no result and a notice.
 */
export async function searchArchive(query: string, page: number, prefix = false): Promise<SearchResults> {
  await piecesSynced();
  const { head, last } = queryParts(query, prefix);
  const rows = await inTransaction(db().pool, 'BEGIN READ ONLY', async (client) => {
    // The planner reads a word found in every piece through the table, opening each piece's
    // out-of-row vector to test it (26 of 41 ms for 10,000 matches, measured); the index answers
    // that test without them (6 ms). A phrase still opens them: only they know the positions.
    await client.query('SET LOCAL enable_seqscan = off');
    // Not a named (prepared) statement: after five runs PostgreSQL may keep a generic plan, blind
    // to how common the searched words are; each search is planned for its own words (≈ 2 ms).
    const result = await client.query<HitRow>({
      text: `
        WITH q AS (
          SELECT CASE
            WHEN $2::text IS NULL THEN websearch_to_tsquery('french_unaccent', $1)
            WHEN $1 = '' THEN to_tsquery('french_unaccent', $2 || ':*')
            ELSE websearch_to_tsquery('french_unaccent', $1) && to_tsquery('french_unaccent', $2 || ':*')
          END AS query
        ),
        -- Only what ranks is read for every match, and only its key, date and score are kept to be
        -- counted and sorted (the whole rows, kept, spilled 4 MB to disk); the texts are read for
        -- the ten shown.
        scored AS MATERIALIZED (
          SELECT p."key", p."published_at",
                 (ts_rank_cd(p."search_head", q.query) + 0.05)
                   * (1 + 0.5 * exp(-greatest(extract(epoch FROM now() - p."published_at")::float8, 0) / (365.0 * 86400))) AS score
          FROM "pieces" p, q
          WHERE p."search" @@ q.query AND ($5 OR (NOT p."draft" AND p."published_at" <= now()))
        ),
        hits AS (
          SELECT s.*, count(*) OVER () AS total FROM scored s
          ORDER BY s.score DESC, s."published_at" DESC, s."key"
          LIMIT $3 OFFSET $4
        )
        SELECT numnode(q.query) AS terms, h."key", p."url", p."section", p."summary", h."published_at", h."total",
               ts_headline('french_unaccent', p."title", q.query, $6) AS title,
               ts_headline('french_unaccent', p."body_text", q.query, $7) AS excerpt
        FROM q LEFT JOIN hits h ON true LEFT JOIN "pieces" p ON p."key" = h."key"
        ORDER BY h.score DESC, h."published_at" DESC, h."key"`,
      values: [head, last, SEARCH_PAGE_SIZE, (page - 1) * SEARCH_PAGE_SIZE, showUnpublished, TITLE_OPTIONS, EXCERPT_OPTIONS],
    });
    return result.rows;
  });
  const terms = rows[0]?.terms ?? 0;
  const hits = rows.filter((row) => row.key !== null);
  const total = Number(hits[0]?.total ?? 0);
  return {
    query,
    page,
    pageCount: Math.ceil(total / SEARCH_PAGE_SIZE),
    total,
    notice: terms === 0 ? 'Ces mots sont trop courants pour être cherchés : ajoutez un mot plus précis.' : null,
    hits: hits.map((row) => ({
      key: row.key ?? '',
      url: row.url,
      section: row.section,
      title: segments(row.title),
      summary: row.summary,
      excerpt: segments(row.excerpt),
      date: row.published_at.toISOString(),
    })),
  };
}

// searchArchive kept briefly per query and page in the shared cache (Redis with several
// instances): the same words typed by many readers cost one query per SEARCH_CACHE_SECONDS.
async function cachedSearchArchive(query: string, page: number, prefix: boolean): Promise<SearchResults> {
  'use cache';
  cacheTag(CONTENT_TAG);
  cacheLife({ stale: env.SEARCH_CACHE_SECONDS, revalidate: env.SEARCH_CACHE_SECONDS, expire: env.SEARCH_CACHE_SECONDS * 5 });
  return searchArchive(query, page, prefix);
}

/** A page of results, from the cache when SEARCH_CACHE_SECONDS allows (0: always the database). */
export function cachedSearch(query: string, page: number, prefix: boolean): Promise<SearchResults> {
  return env.SEARCH_CACHE_SECONDS > 0 ? cachedSearchArchive(query, page, prefix) : searchArchive(query, page, prefix);
}

/** Whether the search page should ask the server as the reader types (a large archive). */
export async function searchesOnServer(): Promise<boolean> {
  return (await getPublishedPieces()).length > env.FULL_TEXT_SEARCH_MAX_PIECES;
}
