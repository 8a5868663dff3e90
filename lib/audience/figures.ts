import 'server-only';
import { db } from '@/lib/db/client';
import { pieceRows, type PieceRow } from '@/lib/desk/figures';
import { addDays, parisDay } from './days';
import { sourceLabel } from './sources';

// What the desk's « Audience » shows (app/(desk)/redaction/audience): the days counted
// (audience_days) and those not yet (today's, from audience_visits through audience_groupings),
// read in one statement. Visitors over a period are the sum of each day's visitors: a reader who
// comes back tomorrow is a new visitor, since the day's hashes are gone (lib/audience/beacons.ts).

export const PERIODS = ['7j', '30j', '12m'] as const;
export type Period = (typeof PERIODS)[number];
export const PERIOD_LABELS: Record<Period, string> = { '7j': '7 derniers jours', '30j': '30 derniers jours', '12m': '12 derniers mois' };
/** The period a query names (`?periode=`), 30 days when it names none. */
export const periodFromParam = (value: string | null | undefined): Period => ((PERIODS as readonly string[]).includes(value ?? '') ? (value as Period) : '30j');

/** The GROUPING() bitmasks of migration audience: the columns grouped away are ''. */
const GRAIN = { detail: 0, pieceSource: 1, piece: 3, sourceCampaign: 4, source: 5, site: 7 } as const;

export type Figures = { views: number; visitors: number; reads: number };
/** One point of the chart: a day (7 and 30 days) or a month (12 months). */
export type Point = Figures & { start: string; label: string };
export type SourceRow = Figures & { source: string; label: string };
export type PieceAudienceRow = Figures & Pick<PieceRow, 'pieceKey' | 'title' | 'url' | 'average' | 'ratings' | 'comments' | 'useful'>;
export type PageRow = Figures & { path: string };
export type LetterRow = Figures & { send: string; kind: 'piece' | 'digest' | null; createdAt: Date | null; sent: number; pieces: string[] };

type Row = Figures & { day: string; grain: number; path: string; source: string; campaign: string };

const MONTHS = new Intl.DateTimeFormat('fr-FR', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const DAYS = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** The days a period covers, ending today in Paris, and the chart's points. */
export function periodRange(period: Period, now: number): { from: string; to: string; points: { start: string; end: string; label: string }[] } {
  const to = parisDay(now);
  if (period !== '12m') {
    const length = period === '7j' ? 7 : 30;
    const from = addDays(to, 1 - length);
    const points = Array.from({ length }, (_, index) => {
      const day = addDays(from, index);
      return { start: day, end: day, label: DAYS.format(new Date(`${day}T12:00:00Z`)) };
    });
    return { from, to, points };
  }
  const [year = 0, month = 1] = to.split('-').map(Number);
  const points = Array.from({ length: 12 }, (_, index) => {
    const first = new Date(Date.UTC(year, month - 12 + index, 1, 12));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0, 12));
    return { start: first.toISOString().slice(0, 10), end: last.toISOString().slice(0, 10), label: MONTHS.format(first) };
  });
  return { from: points[0]?.start ?? to, to, points };
}

const empty = (): Figures => ({ views: 0, visitors: 0, reads: 0 });
const plus = (into: Figures, row: Figures) => {
  into.views += row.views;
  into.visitors += row.visitors;
  into.reads += row.reads;
  return into;
};

async function rows(from: string, to: string, grains: number[], path?: string): Promise<Row[]> {
  const { rows: found } = await db().pool.query<Row>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS "day", grain, path, source, campaign, views, visitors, reads FROM (
       SELECT * FROM audience_days WHERE day BETWEEN $1::date AND $2::date
       UNION ALL SELECT * FROM audience_groupings($1::date, $2::date)
     ) r WHERE grain = ANY($3::smallint[]) AND ($4::text IS NULL OR path = $4)`,
    [from, to, grains, path ?? null],
  );
  return found;
}

function sumBy<K>(found: Row[], key: (row: Row) => K): Map<K, Figures> {
  const sums = new Map<K, Figures>();
  for (const row of found) {
    const k = key(row);
    sums.set(k, plus(sums.get(k) ?? empty(), row));
  }
  return sums;
}

function series(found: Row[], range: ReturnType<typeof periodRange>): Point[] {
  return range.points.map((point) => ({
    start: point.start,
    label: point.label,
    ...found.filter((row) => row.day >= point.start && row.day <= point.end).reduce(plus, empty()),
  }));
}

function sources(found: Row[]): SourceRow[] {
  return [...sumBy(found, (row) => row.source)]
    .map(([source, figures]) => ({ source, label: sourceLabel(source), ...figures }))
    .sort((a, b) => b.views - a.views || a.label.localeCompare(b.label, 'fr'));
}

export const PIECE_SORTS = ['vues', 'visiteurs', 'lus', 'note', 'commentaires', 'titre'] as const;
export type PieceSort = (typeof PIECE_SORTS)[number];

const readShare = (row: Figures) => (row.views > 0 ? row.reads / row.views : -1);
const COMPARE: Record<PieceSort, (a: PieceAudienceRow, b: PieceAudienceRow) => number> = {
  vues: (a, b) => b.views - a.views,
  visiteurs: (a, b) => b.visitors - a.visitors,
  lus: (a, b) => readShare(b) - readShare(a),
  note: (a, b) => (b.average ?? -1) - (a.average ?? -1),
  commentaires: (a, b) => b.comments - a.comments,
  titre: (a, b) => a.title.localeCompare(b.title, 'fr'),
};

export type Overview = {
  period: Period;
  from: string;
  to: string;
  total: Figures;
  points: Point[];
  sources: SourceRow[];
  pieces: PieceAudienceRow[];
  otherPages: PageRow[];
  letters: LetterRow[];
};

/** The whole site over a period: the chart, the sources, every published piece beside its readers' figures, the letter's sends. */
export async function audienceOverview(period: Period, sort: PieceSort, now = Date.now()): Promise<Overview> {
  const range = periodRange(period, now);
  const [found, published] = await Promise.all([rows(range.from, range.to, [GRAIN.site, GRAIN.source, GRAIN.piece, GRAIN.sourceCampaign]), pieceRows('titre')]);
  const byGrain = (grain: number) => found.filter((row) => row.grain === grain);
  const points = series(byGrain(GRAIN.site), range);
  const byPath = sumBy(byGrain(GRAIN.piece), (row) => row.path);
  const pieces = published
    .map((piece) => ({ pieceKey: piece.pieceKey, title: piece.title, url: piece.url, average: piece.average, ratings: piece.ratings, comments: piece.comments, useful: piece.useful, ...(byPath.get(piece.url) ?? empty()) }))
    .sort((a, b) => COMPARE[sort](a, b) || a.title.localeCompare(b.title, 'fr'));
  const pieceUrls = new Set(published.map((piece) => piece.url));
  const otherPages = [...byPath]
    .filter(([path]) => !pieceUrls.has(path))
    .map(([path, figures]) => ({ path, ...figures }))
    .sort((a, b) => b.views - a.views || a.path.localeCompare(b.path));
  return {
    period,
    from: range.from,
    to: range.to,
    total: points.reduce(plus, empty()),
    points,
    sources: sources(byGrain(GRAIN.source)),
    pieces,
    otherPages,
    letters: await letterRows(byGrain(GRAIN.sourceCampaign).filter((row) => row.source === 'lettre')),
  };
}

async function letterRows(found: Row[]): Promise<LetterRow[]> {
  const byCampaign = sumBy(found, (row) => row.campaign);
  if (byCampaign.size === 0) return [];
  const { rows: sends } = await db().pool.query<{ id: string; kind: 'piece' | 'digest'; createdAt: Date; sent: number; pieces: string[] }>(
    `SELECT id::text AS "id", kind::text AS "kind", created_at AS "createdAt", sent, piece_keys AS "pieces" FROM newsletter_sends WHERE id::text = ANY($1::text[])`,
    [[...byCampaign.keys()]],
  );
  const known = new Map(sends.map((send) => [send.id, send]));
  return [...byCampaign]
    .map(([send, figures]) => {
      const found = known.get(send);
      return { send, kind: found?.kind ?? null, createdAt: found?.createdAt ?? null, sent: found?.sent ?? 0, pieces: found?.pieces ?? [], ...figures };
    })
    .sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0) || b.views - a.views);
}

export type PieceAudience = { period: Period; total: Figures; points: Point[]; sources: SourceRow[] };

/** One page over a period: its days (or months) and its sources. */
export async function pageAudience(path: string, period: Period, now = Date.now()): Promise<PieceAudience> {
  const range = periodRange(period, now);
  const found = await rows(range.from, range.to, [GRAIN.piece, GRAIN.pieceSource], path);
  const points = series(found.filter((row) => row.grain === GRAIN.piece), range);
  return { period, total: points.reduce(plus, empty()), points, sources: sources(found.filter((row) => row.grain === GRAIN.pieceSource)) };
}

const cell = (value: string | number) => {
  const text = String(value);
  return /[;"\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * Every day × page × source × campaign of a period, for a spreadsheet (semicolons and a BOM, as
 * French Excel expects): the figures the desk's tables add up.
 */
export async function audienceCsv(period: Period, now = Date.now()): Promise<string> {
  const range = periodRange(period, now);
  const [found, published] = await Promise.all([rows(range.from, range.to, [GRAIN.detail]), pieceRows('titre')]);
  const titles = new Map(published.map((piece) => [piece.url, piece.title]));
  const lines = found
    .sort((a, b) => a.day.localeCompare(b.day) || a.path.localeCompare(b.path) || a.source.localeCompare(b.source) || a.campaign.localeCompare(b.campaign))
    .map((row) => [row.day, row.path, titles.get(row.path) ?? '', sourceLabel(row.source), row.campaign, row.views, row.visitors, row.reads].map(cell).join(';'));
  const header = ['jour', 'page', 'titre', 'source', 'campagne', 'vues', 'visiteurs', 'lus jusqu’au bout'];
  return `\uFEFF${[header.join(';'), ...lines].join('\r\n')}\r\n`;
}
