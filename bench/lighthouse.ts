// Part 6 of the benchmarks: Lighthouse 12.2.3 (13 needs Node 22) in Debian's Chromium, mobile
// (Lighthouse's default: a mid-range phone, simulated slow 4G and 4× CPU slowdown), on a page
// served by `next start`, beside the bare Next page of the same bytes: runs alternating, medians
// and spreads reported.
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { showSpread, spread } from './lib';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export type LighthouseRun = {
  scores: Record<(typeof CATEGORIES)[number], number>;
  cls: number;
  lcpMs: number;
  tbtMs: number;
  fcpMs: number;
  failed: string[];
};

/** Lighthouse's own transient failures (a trace it failed to record): run again, twice at most. */
const TRANSIENT = /NO_NAVSTART|NO_FCP|NO_LCP|PROTOCOL_TIMEOUT|NO_TRACING_STARTED/;

export async function lighthouseRun(url: string, attempts = 3): Promise<LighthouseRun> {
  try {
    return await lighthouseOnce(url);
  } catch (error) {
    if (attempts <= 1 || !(error instanceof Error) || !TRANSIENT.test(error.message)) throw error;
    console.log(`  ${error.message} : nouveau passage.`);
    return lighthouseRun(url, attempts - 1);
  }
}

async function lighthouseOnce(url: string): Promise<LighthouseRun> {
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: FLAGS, logLevel: 'silent' });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error('Lighthouse n’a rien rendu.');
    const { categories, audits, runtimeError } = result.lhr;
    if (runtimeError) throw new Error(`Lighthouse : ${runtimeError.code} ${runtimeError.message}`);
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    const numeric = (id: string) => audits[id]?.numericValue ?? Number.NaN;
    // What kept a category under 100: its audits that scored below 1 (informative ones aside).
    const failed = CATEGORIES.filter((id) => id !== 'performance').flatMap((id) =>
      (categories[id]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && (audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${id} : ${ref.id}`),
    );
    return {
      scores: Object.fromEntries(CATEGORIES.map((id) => [id, score(id)])) as LighthouseRun['scores'],
      cls: numeric('cumulative-layout-shift'),
      lcpMs: numeric('largest-contentful-paint'),
      tbtMs: numeric('total-blocking-time'),
      fcpMs: numeric('first-contentful-paint'),
      failed,
    };
  } finally {
    chrome.kill();
  }
}

/** A page Lighthouse loads: the magazine's piece, and the bare Next page beside it. */
export type LighthouseTarget = { name: string; url: string };
export type LighthouseFigures = Array<LighthouseTarget & { runs: LighthouseRun[] }>;

/** `runs` runs of each target, alternating (a drift of the host touches both alike). */
export async function benchLighthouse(targets: LighthouseTarget[], runs = 5): Promise<LighthouseFigures> {
  const figures = targets.map((target) => ({ ...target, runs: [] as LighthouseRun[] }));
  for (let index = 0; index < runs; index += 1) {
    for (const figure of figures) figure.runs.push(await lighthouseRun(figure.url));
  }
  return figures;
}

const median = (values: number[]) => spread(values).median;

export function lighthouseTable(figures: LighthouseFigures): string {
  const goal = (value: number, target: number) => `${value}${value >= target ? ' ✓' : ' ✗'}`;
  const failed = [...new Set(figures.flatMap((figure) => figure.runs.flatMap((run) => run.failed)))];
  const [magazine, bare] = figures;
  const rows = figures.map(({ name, url, runs }) => {
    const of = (field: (run: LighthouseRun) => number) => spread(runs.map(field));
    const cls = of((run) => run.cls).max;
    return (
      `| ${name} (${new URL(url).pathname}) | ${showSpread(of((run) => run.scores.performance))} | ${showSpread(of((run) => run.tbtMs), 0, ' ms')} | ` +
      `${showSpread(of((run) => run.lcpMs / 1000), 2, ' s')} | ${showSpread(of((run) => run.fcpMs / 1000), 2, ' s')} | ${cls.toFixed(3)}${cls === 0 ? ' ✓' : ' ✗'} | ` +
      `${goal(median(runs.map((run) => run.scores.accessibility)), 100)} | ${goal(median(runs.map((run) => run.scores['best-practices'])), 100)} | ${goal(median(runs.map((run) => run.scores.seo)), 100)} |`
    );
  });
  const gaps: string[] = [];
  if (magazine && bare) {
    const tbtGap = median(magazine.runs.map((run) => run.tbtMs)) - median(bare.runs.map((run) => run.tbtMs));
    const scoreGap = median(bare.runs.map((run) => run.scores.performance)) - median(magazine.runs.map((run) => run.scores.performance));
    gaps.push(
      '',
      `Sur les médianes : temps de blocage du magazine ${tbtGap >= 0 ? '+' : '−'}${Math.abs(tbtGap).toFixed(0)} ms par rapport à la page nue (objectif : 150 ms au plus${tbtGap <= 150 ? ' ✓' : ' ✗'}), ` +
        `performance ${scoreGap >= 0 ? `${scoreGap} point(s) sous` : `${-scoreGap} point(s) au-dessus de`} la page nue (objectif : 3 au plus${scoreGap <= 3 ? ' ✓' : ' ✗'}).`,
    );
  }
  return [
    `${magazine?.runs.length ?? 0} passages par page, à tour de rôle ; médiane (min–max). CLS : le plus grand des passages.`,
    '',
    '| Page | Performance | TBT | LCP | FCP | CLS (0) | Accessibilité (100) | Bonnes pratiques (100) | SEO (100) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    ...gaps,
    '',
    failed.length > 0 ? `Audits sous 1 dans au moins un passage : ${failed.join(', ')}.` : 'Aucun audit d’accessibilité, de bonnes pratiques ou de SEO sous 1.',
  ].join('\n');
}
