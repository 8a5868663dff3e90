import 'server-only';
import { db } from '@/lib/db/client';
import { NOTICE_DECISIONS, NOTICE_GROUNDS, type NoticeDecision, type NoticeGround } from '@/lib/desk/legal-grounds';

// The transparency report of /transparence, per calendar quarter (Paris time), computed from the
// audit log alone (moderation_events): what the desk received and decided, and how fast.

/** A calendar quarter: 2026 and 4 is « 4e trimestre 2026 ». */
export type Quarter = { year: number; quarter: 1 | 2 | 3 | 4 };

export const BAN_DURATIONS = ['1h', '24h', '7d', 'permanent'] as const;
export type BanDuration = (typeof BAN_DURATIONS)[number];

export type TransparencyReport = {
  quarter: Quarter;
  noticesByGround: Record<NoticeGround, number>;
  decisions: Record<NoticeDecision, number>;
  /** Notice received → decision, in seconds; null without a decision in the quarter. */
  medianSecondsToDecide: number | null;
  ownInitiativeRemovals: number;
  automatedHolds: number;
  automatedRefusals: number;
  bans: Record<BanDuration, number>;
};

/** The quarter a moment falls in, in Paris time. */
export function quarterOf(now: Date): Quarter {
  const [year = '1970', month = '01'] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' }).format(now).split('-');
  return { year: Number(year), quarter: (Math.floor((Number(month) - 1) / 3) + 1) as Quarter['quarter'] };
}

/** « 2026-4 » as a quarter, or null. */
export function parseQuarter(value: string | null | undefined): Quarter | null {
  const match = /^(\d{4})-([1-4])$/.exec(value ?? '');
  if (!match) return null;
  return { year: Number(match[1]), quarter: Number(match[2]) as Quarter['quarter'] };
}

/** The quarter before. */
export function previousQuarter({ year, quarter }: Quarter): Quarter {
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: (quarter - 1) as Quarter['quarter'] };
}

/** « 4e trimestre 2026 », « 1er trimestre 2027 ». */
export function quarterLabel({ year, quarter }: Quarter): string {
  return `${quarter === 1 ? '1er' : `${quarter}e`} trimestre ${year}`;
}

const parisMidnight = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}-01 00:00:00 Europe/Paris`;

type Row = { kind: string; key: string | null; count: number; median: number | null };

/** The report of one quarter: notices by ground, decisions, median time to decide, removals, automated holds and refusals, bans by duration. */
export async function transparencyReport(quarter: Quarter): Promise<TransparencyReport> {
  const from = parisMidnight(quarter.year, quarter.quarter * 3 - 2);
  const to = quarter.quarter === 4 ? parisMidnight(quarter.year + 1, 1) : parisMidnight(quarter.year, quarter.quarter * 3 + 1);
  // A ban logged before suspensions existed has no duration (NULL): it was permanent.
  const rows = await db().prisma.$queryRaw<Row[]>`
    WITH e AS (
      SELECT * FROM moderation_events
      WHERE created_at >= ${from}::timestamptz AND created_at < ${to}::timestamptz
    )
    SELECT 'notice' AS kind, reason AS key, count(*)::int AS count, NULL::float AS median FROM e WHERE action = 'notice' GROUP BY reason
    UNION ALL
    SELECT 'decision', target, count(*)::int, NULL FROM e WHERE action = 'notice_decision' GROUP BY target
    UNION ALL
    SELECT 'median', NULL, count(*)::int, percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e.created_at - n.created_at))::float
    FROM e JOIN moderation_events n ON n.notice_id = e.notice_id AND n.action = 'notice'
    WHERE e.action = 'notice_decision'
    UNION ALL
    SELECT 'own_initiative', NULL, count(*)::int, NULL FROM e
    WHERE e.action IN ('reject', 'delete') AND NOT EXISTS (
      SELECT 1 FROM moderation_events d
      WHERE d.action = 'notice_decision' AND d.comment_id = e.comment_id AND d.target IN ('illegal', 'charter') AND d.created_at <= e.created_at
    )
    UNION ALL
    SELECT action, NULL, count(*)::int, NULL FROM e WHERE action IN ('auto_hold', 'auto_reject') GROUP BY action
    UNION ALL
    SELECT 'ban', COALESCE(e.duration, 'permanent'), count(*)::int, NULL FROM e WHERE action = 'ban' GROUP BY 2`;
  const count = (kind: string, key: string | null = null) => rows.filter((row) => row.kind === kind && (key === null || row.key === key)).reduce((sum, row) => sum + row.count, 0);
  const median = rows.find((row) => row.kind === 'median')?.median ?? null;
  return {
    quarter,
    noticesByGround: Object.fromEntries(NOTICE_GROUNDS.map((ground) => [ground, count('notice', ground)])) as Record<NoticeGround, number>,
    decisions: Object.fromEntries(NOTICE_DECISIONS.map((decision) => [decision, count('decision', decision)])) as Record<NoticeDecision, number>,
    medianSecondsToDecide: median === null ? null : Math.round(median),
    ownInitiativeRemovals: count('own_initiative'),
    automatedHolds: count('auto_hold'),
    automatedRefusals: count('auto_reject'),
    bans: Object.fromEntries(BAN_DURATIONS.map((duration) => [duration, count('ban', duration)])) as Record<BanDuration, number>,
  };
}
