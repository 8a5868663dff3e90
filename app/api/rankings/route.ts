import { handleApi, json } from '@/lib/http/api';
import { ApiError, MESSAGES } from '@/lib/errors';
import { mostCommentedPieces, mostLikedPage } from '@/lib/readers/ranking-view';
import { COMMENTED_DAYS, PRIOR_COUNT, PRIOR_MEAN, RANKING_PAGE_SIZE } from '@/lib/readers/rankings';
import type { Rankings } from '@/lib/readers/ranking-schemas';

const MAX_PAGE = 10_000;

// GET /api/rankings?page=…: « Les plus appréciés » (10 a page), and on page 1 « Les plus
// commentés » of the last 30 days; read from the same caches as the pages (no query in steady state).
export async function GET(request: Request) {
  return handleApi(async () => {
    const raw = new URL(request.url).searchParams.get('page');
    const page = raw === null || raw === '' ? 1 : Number(raw);
    if (!Number.isInteger(page) || page < 1 || page > MAX_PAGE) {
      throw new ApiError('validation_failed', `La page demandée n’existe pas : donnez un nombre entier entre 1 et ${MAX_PAGE}.`, { field: 'page' });
    }
    const [liked, commented] = await Promise.all([mostLikedPage(page), page === 1 ? mostCommentedPieces(RANKING_PAGE_SIZE) : null]);
    if (!liked || (page === 1 && !commented)) throw new ApiError('database_unavailable', MESSAGES.databaseUnavailable);
    if (page > liked.pageCount) throw new ApiError('not_found', `Le classement n’a que ${liked.pageCount} page${liked.pageCount > 1 ? 's' : ''} : demandez une page entre 1 et ${liked.pageCount}.`, { field: 'page' });
    const about = ({ key, url, section, title }: (typeof liked.entries)[number]['piece']) => ({ key, url, section, title });
    const answer: Rankings = {
      page,
      pageCount: liked.pageCount,
      total: liked.total,
      prior: { mean: PRIOR_MEAN, count: PRIOR_COUNT },
      mostLiked: liked.entries.map(({ piece, average, ratings, comments, score }) => ({ ...about(piece), average, ratings, comments, score })),
      mostCommented: commented && { days: COMMENTED_DAYS, pieces: commented.map(({ piece, recentComments }) => ({ ...about(piece), comments: recentComments })) },
    };
    return json(answer);
  });
}
