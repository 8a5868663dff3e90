import 'server-only';
import type { Account } from '@/lib/accounts/session';
import { db } from '@/lib/db/client';

// The word lists « refusés » and « à vérifier ». PostgreSQL matches them (migration
// word_lists_suspensions) in each comment's own write, through the terms that share a word with
// it (a GIN index), so a change is true on every instance at once.

export type WordLists = { refused: string[]; review: string[]; updatedAt: string | null };

/** The lists as the editors wrote them, in alphabetical order. */
export async function wordLists(): Promise<WordLists> {
  const { prisma } = db();
  const [terms, lists] = await Promise.all([
    prisma.wordListTerm.findMany({ select: { list: true, term: true } }),
    prisma.wordListState.findMany({ select: { updatedAt: true, updatedById: true } }),
  ]);
  terms.sort((a, b) => a.term.localeCompare(b.term, 'fr'));
  const changed = lists.filter((list) => list.updatedById !== null).map((list) => list.updatedAt.getTime());
  return {
    refused: terms.filter((term) => term.list === 'refused').map((term) => term.term),
    review: terms.filter((term) => term.list === 'review').map((term) => term.term),
    updatedAt: changed.length > 0 ? new Date(Math.max(...changed)).toISOString() : null,
  };
}

const count = (terms: number) => `${terms.toLocaleString('fr-FR')} terme${terms >= 2 ? 's' : ''}`;

/** Replaces the lists given (terms of the same words are kept once), in the audit log with their sizes. */
export async function setWordLists(input: { refused?: string[]; review?: string[] }, editor: Account): Promise<WordLists> {
  await db().prisma.$transaction(async (tx) => {
    const sizes = await tx.$queryRaw<{ list: 'refused' | 'review'; terms: number }[]>`
      SELECT "list", "terms" FROM word_lists_set(${input.refused ?? null}::TEXT[], ${input.review ?? null}::TEXT[], ${editor.id}::uuid)`;
    const size = (list: 'refused' | 'review') => count(sizes.find((row) => row.list === list)?.terms ?? 0);
    await tx.moderationEvent.create({ data: { editorId: editor.id, editor: editor.email, action: 'words', reason: `Refusés : ${size('refused')} ; à vérifier : ${size('review')}` } });
  });
  return wordLists();
}
