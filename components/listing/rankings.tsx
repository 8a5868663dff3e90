import Link from '@/components/layout/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { Pagination } from '@/components/article/pagination';
import { CardStatsLine } from '@/components/article/piece-card';
import { authorNames, type PieceSummary } from '@/lib/content';
import { SECTION_INFO } from '@/lib/content/sections';
import { plural } from '@/lib/format';
import { mostCommentedPieces, mostLikedPage } from '@/lib/readers/ranking-view';
import { COMMENTED_DAYS, PRIOR_COUNT, PRIOR_MEAN, RANKING_PAGE_SIZE } from '@/lib/readers/rankings';

// « Les plus appréciés » (a Bayesian average of the ratings, lib/readers/rankings.ts) and « Les
// plus commentés » (the last 30 days), on the home page and at /les-plus-apprecies. Read from
// the rankings' caches, which every write revalidates.

export const MOST_LIKED_PATH = '/les-plus-apprecies';
/** How many pieces of each ranking the home page shows. */
const HOME_COUNT = 5;

type Entry = { piece: PieceSummary; figures: ReactNode };

/** A ranking: its place, the piece's section, title and byline, and the figures it is ranked by. */
function RankedPieces({ entries, start, headingLevel: Heading }: { entries: Entry[]; start: number; headingLevel: 'h2' | 'h3' }) {
  const authors = authorNames();
  return (
    <ol start={start} className="flex flex-col gap-5">
      {entries.map(({ piece, figures }, index) => (
        <li key={piece.key} className="flex gap-4 border-t border-line pt-4">
          <span aria-hidden="true" className="w-8 shrink-0 font-serif text-3xl font-bold leading-none text-accent">
            {start + index}
          </span>
          <div className="flex min-w-0 flex-col gap-1">
            <p className="text-xs font-semibold uppercase tracking-widest text-accent">{SECTION_INFO[piece.section].singular}</p>
            <Heading className="font-serif text-lg font-bold leading-snug">
              <Link href={piece.url} className="hover:underline hover:underline-offset-4">
                {piece.title}
              </Link>
            </Heading>
            <p className="text-sm">{piece.interviewee ? `Avec ${piece.interviewee.name}` : `Par ${authors[piece.author] ?? piece.author}`}</p>
            {figures}
          </div>
        </li>
      ))}
    </ol>
  );
}

/** A page of the most liked published pieces, with their figures; null while the database is unavailable. */
async function mostLikedEntries(page: number) {
  const ranking = await mostLikedPage(page);
  if (!ranking) return null;
  const entries = ranking.entries.map(({ piece, average, ratings, comments }) => ({ piece, figures: <CardStatsLine stats={{ average, ratings, comments }} /> }));
  return { entries, pageCount: ranking.pageCount };
}

/** The published pieces most commented over the last 30 days; null while the database is unavailable. */
async function mostCommentedEntries(limit: number): Promise<Entry[] | null> {
  const commented = await mostCommentedPieces(limit);
  return (
    commented?.map(({ piece, recentComments }) => ({
      piece,
      figures: <p className="text-sm text-muted">{`${plural(recentComments, 'commentaire')} en ${COMMENTED_DAYS} jours`}</p>,
    })) ?? null
  );
}

/** « Les plus commentés », its heading (`id`), its period and its list. */
function MostCommented({ id, entries }: { id: string; entries: Entry[] }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-4 font-serif text-2xl font-bold">
        Les plus commentés
      </h2>
      <p className="mb-4 text-sm text-muted">Sur les {COMMENTED_DAYS} derniers jours.</p>
      <RankedPieces entries={entries} start={1} headingLevel="h3" />
    </section>
  );
}

const UNAVAILABLE = 'Le classement est momentanément indisponible ; réessayez dans quelques instants.';

/** The page /les-plus-apprecies (page 1) or /les-plus-apprecies/page/<n>: 404 past the last page. */
export async function MostLikedListing({ page }: { page: number }) {
  const liked = await mostLikedEntries(page);
  const pageCount = liked?.pageCount ?? 1;
  if (liked && page > pageCount) notFound();
  const commented = page === 1 ? await mostCommentedEntries(RANKING_PAGE_SIZE) : null;
  return (
    <>
      <header className="mb-10 max-w-3xl">
        <h1 className="font-serif text-4xl font-bold">Les plus appréciés</h1>
        <p className="mt-2 text-lg text-muted">Les contenus que les lecteurs ont le mieux notés.</p>
        <p className="mt-2 text-sm text-muted">
          Classement par moyenne bayésienne : chaque contenu compte comme s’il avait reçu {PRIOR_COUNT} avis de plus à {PRIOR_MEAN}/5. Une seule
          note de 5/5 ne suffit donc pas à passer devant un contenu que vingt lecteurs ont noté 4/5 ; plus un contenu reçoit d’avis, plus
          sa place suit sa moyenne.
        </p>
        {pageCount > 1 && (
          <p className="mt-1 text-sm text-muted">
            Page {page} sur {pageCount}
          </p>
        )}
      </header>
      <div className="grid gap-12 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <section aria-labelledby="classement">
          <h2 id="classement" className="sr-only">
            Classement
          </h2>
          {!liked ? (
            <p role="status">{UNAVAILABLE}</p>
          ) : liked.entries.length === 0 ? (
            <p>Aucun contenu n’a encore reçu d’avis. Notez ceux que vous lisez : « Évaluer ce contenu », sous chaque article et chaque interview.</p>
          ) : (
            <RankedPieces entries={liked.entries} start={(page - 1) * RANKING_PAGE_SIZE + 1} headingLevel="h3" />
          )}
          <Pagination page={page} pageCount={pageCount} basePath={MOST_LIKED_PATH} />
        </section>
        {commented && commented.length > 0 && <MostCommented id="plus-commentes" entries={commented} />}
      </div>
    </>
  );
}

/** The home page's two short rankings; nothing at all while neither has a piece. */
export async function HomeRankings() {
  // The same cached entries as the ranking's first page and the API's (one query each per
  // invalidation, not one more for the home's shorter lists).
  const [liked, commented] = await Promise.all([mostLikedEntries(1), mostCommentedEntries(RANKING_PAGE_SIZE)]);
  const likedEntries = liked?.entries.slice(0, HOME_COUNT) ?? [];
  const commentedEntries = commented?.slice(0, HOME_COUNT) ?? [];
  if (likedEntries.length === 0 && commentedEntries.length === 0) return null;
  return (
    <div className="mt-14 grid gap-12 sm:grid-cols-2">
      {likedEntries.length > 0 && (
        <section aria-labelledby="les-plus-apprecies">
          <h2 id="les-plus-apprecies" className="mb-4 font-serif text-2xl font-bold">
            Les plus appréciés
          </h2>
          <RankedPieces entries={likedEntries} start={1} headingLevel="h3" />
          <p className="mt-4">
            <Link href={MOST_LIKED_PATH} className="font-semibold underline underline-offset-4">
              Tout le classement
            </Link>
          </p>
        </section>
      )}
      {commentedEntries.length > 0 && <MostCommented id="les-plus-commentes" entries={commentedEntries} />}
    </div>
  );
}
