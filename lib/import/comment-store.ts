import { createHmac, randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import type pg from 'pg';
import { FIGURES_TAG, pieceTag, RANKINGS_TAG } from '@/lib/cache-tags';
import { INVALIDATION_CHANNEL } from '@/lib/db/archive';
import { addressKeyOf } from '@/lib/readers/identity';
import type { ImportReport } from './report';

// Imported comments go in as published, with the id they had (`source_id`, unique: a second run
// stores nothing twice), one transaction per piece: its comments are all there or none. Their
// author's address is kept (notifications off), their IP address only as the keyed hash the
// magazine keeps of any writer's, their reader key a keyed hash of the source and the author, so
// that the desk sees one person's imported comments together. The figures follow by the
// triggers of piece_figures; running instances drop the piece's cached pages at COMMIT.

export type ImportedComment = {
  sourceId: string;
  /** The source id of the top comment it answers, or null. */
  parentSourceId: string | null;
  author: string;
  email: string | null;
  ip: string | null;
  createdAt: Date;
  body: string;
  badge: 'auteur' | null;
};

/** PostgreSQL's text holds no NUL, and the magazine's comments no other control character but line breaks and tabs. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** A comment's text and name as the magazine keeps them. */
export function cleanText(text: string): string {
  return text.replace(CONTROL, '');
}

export type StoredComments = { stored: number; already: number };

/** The magazine's limit on a name (lib/readers/comment-schemas.ts). */
const AUTHOR_NAME_MAX = 60;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An imported author's name as the magazine shows it: « Anonyme » when there is none, cut at 60 characters. */
export function importedName(name: string): string {
  return (name.trim() || 'Anonyme').slice(0, AUTHOR_NAME_MAX);
}

/** An imported author's address, lower-cased, when it looks like one. */
export function importedEmail(email: string): string | null {
  const clean = email.trim().toLowerCase();
  return EMAIL.test(clean) && clean.length <= 254 ? clean : null;
}

/** The reader key of an imported author: the same for all their comments from one source. */
export function importedReaderKey(secret: string, source: string, author: { email: string | null; name: string }): string {
  const who = author.email ? `email\0${author.email.toLowerCase()}` : `name\0${author.name}`;
  return `i:${createHmac('sha256', secret).update(`import\0${source}\0${who}`).digest('hex')}`;
}

/** Which of these source ids are stored already (for --dry-run and the report). */
export async function storedSourceIds(pool: pg.Pool, sourceIds: string[]): Promise<Set<string>> {
  if (sourceIds.length === 0) return new Set();
  const { rows } = await pool.query<{ source_id: string }>('SELECT "source_id" FROM "comments" WHERE "source_id" = ANY($1::varchar[])', [sourceIds]);
  return new Set(rows.map((row) => row.source_id));
}

/**
 * Stores the comments of one piece not stored yet, tops before replies, in one transaction. A
 * reply whose top comment is neither here nor stored goes to the top level (the caller reports it).
 */
export async function storeComments(pool: pg.Pool, pieceKey: string, comments: ImportedComment[], options: { secret: string; source: string }): Promise<StoredComments> {
  if (comments.length === 0) return { stored: 0, already: 0 };
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ source_id: string; id: string }>('SELECT "source_id", "id" FROM "comments" WHERE "source_id" = ANY($1::varchar[])', [
      [...new Set(comments.flatMap((comment) => [comment.sourceId, ...(comment.parentSourceId ? [comment.parentSourceId] : [])]))],
    ]);
    const ids = new Map(rows.map((row) => [row.source_id, row.id]));
    const fresh = comments.filter((comment) => !ids.has(comment.sourceId));
    for (const comment of fresh) ids.set(comment.sourceId, randomUUID());
    const ordered = [...fresh.filter((comment) => !comment.parentSourceId), ...fresh.filter((comment) => comment.parentSourceId)];
    const column = <T>(pick: (comment: ImportedComment) => T) => ordered.map(pick);
    if (ordered.length > 0) {
      await client.query(
        `INSERT INTO "comments" ("id", "piece_key", "parent_id", "author_name", "email", "body", "status", "reader_key", "address_key", "created_at", "notify_replies", "badge", "source_id")
         SELECT "id", $1, "parent_id", "author_name", "email", "body", 'published', "reader_key", "address_key", "created_at", false, "badge"::"CommentBadge", "source_id"
         FROM unnest($2::uuid[], $3::uuid[], $4::varchar[], $5::varchar[], $6::text[], $7::varchar[], $8::varchar[], $9::timestamptz[], $10::text[], $11::varchar[])
           AS t("id", "parent_id", "author_name", "email", "body", "reader_key", "address_key", "created_at", "badge", "source_id")
         ON CONFLICT ("source_id") DO NOTHING`,
        [
          pieceKey,
          column((comment) => ids.get(comment.sourceId)),
          column((comment) => (comment.parentSourceId ? (ids.get(comment.parentSourceId) ?? null) : null)),
          column((comment) => cleanText(comment.author)),
          column((comment) => comment.email),
          column((comment) => cleanText(comment.body)),
          column((comment) => importedReaderKey(options.secret, options.source, { email: comment.email, name: comment.author })),
          column((comment) => (comment.ip && isIP(comment.ip) ? addressKeyOf(options.secret, comment.ip) : '')),
          column((comment) => comment.createdAt),
          column((comment) => comment.badge),
          column((comment) => comment.sourceId),
        ],
      );
      await client.query('SELECT pg_notify($1, $2)', [INVALIDATION_CHANNEL, JSON.stringify([pieceTag(pieceKey)])]);
    }
    await client.query('COMMIT');
    return { stored: ordered.length, already: comments.length - ordered.length };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Once an import is over: every instance counts the figures and the rankings again. */
export async function announceImport(pool: pg.Pool): Promise<void> {
  await pool.query('SELECT pg_notify($1, $2)', [INVALIDATION_CHANNEL, JSON.stringify([FIGURES_TAG, RANKINGS_TAG])]);
}

/**
 * The comments of one piece, oldest first, stored (or, `dryRun`, counted) and the figures put in
 * the report; a failure of the piece's transaction is reported, and the import goes on.
 */
export async function recordComments(
  report: ImportReport,
  database: { pool: pg.Pool; secret: string },
  pieceKey: string,
  comments: ImportedComment[],
  options: { dryRun: boolean; source: string },
): Promise<void> {
  comments.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  if (options.dryRun) {
    report.count('comments', comments.length);
    return;
  }
  try {
    const result = await storeComments(database.pool, pieceKey, comments, { secret: database.secret, source: options.source });
    report.count('comments', result.stored);
    report.count('comments-already', result.already);
  } catch (error) {
    report.problem(`${pieceKey} : ses ${comments.length} commentaires n’ont pas pu être enregistrés (${error instanceof Error ? error.message : String(error)}) : aucun ne l’est ; relancez l’import une fois la cause corrigée.`);
  }
}
