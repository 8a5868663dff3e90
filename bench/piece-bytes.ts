// Part 6 of the benchmarks, beside Lighthouse: what a reader downloads to open a piece with a
// cover and one without, in Chromium, as a phone (412 × 823 CSS px at 1.75×, Lighthouse's mobile
// screen) and as a laptop (1350 × 940 at 1×). Bytes as they came over the wire (compressed,
// headers included), counted by Chromium (CDP Network.loadingFinished), by kind of resource,
// for the first load only: no scroll, so lazy pictures further down are not fetched. What Next
// prefetches afterwards for the page's links (fetch requests for other pages' RSC payloads)
// is counted apart: it depends on how long the page stays open, not on the page.
import { chromium } from '@playwright/test';

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREENS = [
  { name: 'téléphone', viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 },
  { name: 'ordinateur', viewport: { width: 1350, height: 940 }, deviceScaleFactor: 1 },
] as const;
const KINDS = ['Document', 'Script', 'Stylesheet', 'Font', 'Image', 'Other', 'Prefetch'] as const;
const PREFETCHES = new Set(['Fetch', 'XHR']);

/** `total`: the page itself, without the prefetches. */
export type PieceBytes = { path: string; screen: string; bytes: Record<(typeof KINDS)[number], number>; total: number; imageFormats: string[] };

export async function benchPieceBytes(baseUrl: string, pieces: Array<{ path: string }>): Promise<PieceBytes[]> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
  const results: PieceBytes[] = [];
  try {
    for (const { path } of pieces) {
      for (const screen of SCREENS) {
        const context = await browser.newContext({ viewport: screen.viewport, deviceScaleFactor: screen.deviceScaleFactor, locale: 'fr-FR' });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        const kinds = new Map<string, string>();
        const formats: string[] = [];
        const bytes = Object.fromEntries(KINDS.map((kind) => [kind, 0])) as PieceBytes['bytes'];
        cdp.on('Network.responseReceived', (event) => {
          kinds.set(event.requestId, event.type);
          if (event.type === 'Image') formats.push(event.response.mimeType);
        });
        cdp.on('Network.loadingFinished', (event) => {
          const kind = kinds.get(event.requestId) ?? 'Other';
          const key = PREFETCHES.has(kind) ? 'Prefetch' : (KINDS as readonly string[]).includes(kind) ? (kind as (typeof KINDS)[number]) : 'Other';
          bytes[key] += event.encodedDataLength;
        });
        await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
        await page.waitForTimeout(2000);
        const total = KINDS.filter((kind) => kind !== 'Prefetch').reduce((sum, kind) => sum + bytes[kind], 0);
        results.push({ path, screen: screen.name, bytes, total, imageFormats: [...new Set(formats)] });
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} ko`;

export function pieceBytesTable(rows: PieceBytes[], covered: string): string {
  return [
    '| Page | Écran | HTML | JS | CSS | Polices | Images | Autres | Total de la page | puis préchargé pour ses liens |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (row) =>
        `| ${row.path}${row.path === covered ? ' (avec couverture)' : ' (sans couverture)'} | ${row.screen} | ${kB(row.bytes.Document)} | ${kB(row.bytes.Script)} | ${kB(row.bytes.Stylesheet)} | ` +
        `${kB(row.bytes.Font)} | ${kB(row.bytes.Image)}${row.imageFormats.length > 0 ? ` (${row.imageFormats.join(', ')})` : ''} | ${kB(row.bytes.Other)} | **${kB(row.total)}** | ${kB(row.bytes.Prefetch)} |`,
    ),
  ].join('\n');
}
