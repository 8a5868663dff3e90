import 'server-only';
import { TYPE_OF_SECTION } from '@/lib/content/manifest';
import { allAuthors } from '@/lib/content/store';
import { db } from '@/lib/db/client';
import type { LetterPiece } from './letters';
import { digestWeek } from './sends';

// The pieces a letter presents, read from `pieces`, the archive's mirror in PostgreSQL that every
// instance keeps in step with its build (lib/publishing/archive-search.ts); authors' names from
// the build's content.

function authorNames(): Map<string, string> {
  try {
    return new Map(allAuthors().map((author) => [author.slug, author.name]));
  } catch {
    // No compiled content here (a command run outside the build): the slug says who wrote it.
    return new Map();
  }
}

type PieceRow = { key: string; section: string; url: string; title: string; summary: string; author: string; publishedAt: Date };

function toLetterPieces(rows: PieceRow[]): Map<string, LetterPiece> {
  const names = authorNames();
  const kind = (section: string) => (section in TYPE_OF_SECTION ? TYPE_OF_SECTION[section as keyof typeof TYPE_OF_SECTION] : 'Article');
  return new Map(rows.map((row) => [row.key, { url: row.url, title: row.title, summary: row.summary, author: names.get(row.author) ?? row.author, kind: kind(row.section), publishedAt: row.publishedAt }]));
}

const COLUMNS = { key: true, section: true, url: true, title: true, summary: true, author: true, publishedAt: true } as const;

/** The pieces of `keys`, as letters present them. */
export async function letterPieces(keys: readonly string[]): Promise<Map<string, LetterPiece>> {
  return toLetterPieces(await db().prisma.piece.findMany({ where: { key: { in: [...keys] } }, select: COLUMNS }));
}

/**
 * What the next letters will present, for the editors' test and `npm run newsletter -- preview`:
 * the next scheduled piece (else the newest published one), and the pieces of next Monday's digest so far.
 */
export async function nextLetters(now = new Date()): Promise<{ piece: LetterPiece | null; digest: { pieces: LetterPiece[]; weekOf: Date } }> {
  const { prisma } = db();
  const scheduled = await prisma.piece.findFirst({ where: { draft: false, publishedAt: { gt: now } }, orderBy: { publishedAt: 'asc' }, select: COLUMNS });
  const newest = scheduled ?? (await prisma.piece.findFirst({ where: { draft: false, publishedAt: { lte: now } }, orderBy: { publishedAt: 'desc' }, select: COLUMNS }));
  const { weekOf } = await digestWeek(now);
  const nextMonday = await digestWeek(new Date(weekOf.getTime() + 8 * 24 * 3600 * 1000));
  const week = await prisma.piece.findMany({ where: { draft: false, publishedAt: { gte: weekOf, lt: nextMonday.weekOf } }, orderBy: [{ publishedAt: 'asc' }, { key: 'asc' }], select: COLUMNS });
  return { piece: newest ? (toLetterPieces([newest]).get(newest.key) ?? null) : null, digest: { pieces: [...toLetterPieces(week).values()], weekOf: nextMonday.weekOf } };
}
