// Part 6 of the benchmarks: Lighthouse 12.2.3 (13 needs Node 22) in Debian's Chromium, mobile
// (Lighthouse's default: a mid-range phone, simulated slow 4G and 4× CPU slowdown), on a page
// served by `next start`. Several runs, the median performance score reported with all of them.
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';

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

export async function lighthouseRun(url: string): Promise<LighthouseRun> {
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

export async function benchLighthouse(url: string, runs = 3): Promise<LighthouseRun[]> {
  const results: LighthouseRun[] = [];
  for (let index = 0; index < runs; index += 1) results.push(await lighthouseRun(url));
  return results;
}

export function lighthouseTable(url: string, runs: LighthouseRun[]): string {
  const sorted = [...runs].sort((a, b) => a.scores.performance - b.scores.performance);
  const median = sorted[Math.floor(sorted.length / 2)];
  if (!median) return 'Lighthouse n’a pas tourné.';
  const goal = (value: number, target: number) => `${value}${value >= target ? ' ✓' : ' ✗'}`;
  const failed = [...new Set(runs.flatMap((run) => run.failed))];
  return [
    `Page : ${url} ; ${runs.length} passages, médiane par score de performance (tous : ${runs.map((run) => run.scores.performance).join(', ')}).`,
    '',
    '| Performance (≥ 95) | Accessibilité (100) | Bonnes pratiques (100) | SEO (100) | CLS (0) | LCP | TBT | FCP |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${goal(median.scores.performance, 95)} | ${goal(median.scores.accessibility, 100)} | ${goal(median.scores['best-practices'], 100)} | ${goal(median.scores.seo, 100)} | ${median.cls.toFixed(3)}${median.cls === 0 ? ' ✓' : ' ✗'} | ${(median.lcpMs / 1000).toFixed(2)} s | ${median.tbtMs.toFixed(0)} ms | ${(median.fcpMs / 1000).toFixed(2)} s |`,
    '',
    failed.length > 0 ? `Audits sous 1 dans au moins un passage : ${failed.join(', ')}.` : 'Aucun audit d’accessibilité, de bonnes pratiques ou de SEO sous 1.',
  ].join('\n');
}
