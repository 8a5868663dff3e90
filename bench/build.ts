// `npm run bench:build -- 1000 10000`: part 4 of the benchmarks. For each size, a synthetic
// archive (bench/content.ts) built as `npm run build` builds the magazine (the launcher: embedded
// PostgreSQL, contentlayer2, next build), under /usr/bin/time -v, while the memory of the whole
// process tree is sampled from /proc. Then the size of the build and its largest server chunk.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { bin, ensureTools, OUT } from './lib';

export const DEFAULT_SIZES = [1000, 10_000];
const DIST_DIR = 'bench/out/next';
const PAGE_SIZE = 4096;

export type BuildFigures = {
  pieces: number;
  ok: boolean;
  wallSeconds: number;
  contentSeconds: number | null;
  peakTreeRssBytes: number;
  peakProcessRssBytes: number;
  distBytes: number;
  distBytesWithoutCache: number;
  largestServerChunk: { file: string; bytes: number };
  /** The search index the build wrote (/recherche/index.json), raw and gzip. */
  searchIndex: { bytes: number; gzipBytes: number };
  pages: number;
};

/** Resident memory of `root` and every process below it, summed, from /proc. */
function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: the fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), pid]);
      rss.set(pid, Number(fields[21]) * PAGE_SIZE);
    } catch {
      // the process ended while we read
    }
  }
  let total = 0;
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop() as number;
    total += rss.get(pid) ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

function directoryBytes(dir: string, skip?: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (skip && full === skip) continue;
    if (entry.isDirectory()) total += directoryBytes(full, skip);
    else if (entry.isFile()) total += statSync(full).size;
  }
  return total;
}

function largestFile(dir: string, pattern: RegExp): { file: string; bytes: number } {
  let best = { file: '', bytes: 0 };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !pattern.test(entry.name)) continue;
    const full = path.join(entry.parentPath, entry.name);
    const bytes = statSync(full).size;
    if (bytes > best.bytes) best = { file: path.relative(path.resolve(DIST_DIR), full), bytes };
  }
  return best;
}

function searchIndexSize(dist: string): { bytes: number; gzipBytes: number } {
  const file = path.join(dist, 'server/app/recherche/index.json.body');
  if (!existsSync(file)) return { bytes: 0, gzipBytes: 0 };
  const body = readFileSync(file);
  return { bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
}

function timeField(report: string, label: string): string | undefined {
  return new RegExp(`${label.replace(/[()]/g, '\\$&')}: (.+)`).exec(report)?.[1]?.trim();
}

/** « 1:02:03 » or « 4:05.67 » from /usr/bin/time, in seconds. */
function clockSeconds(value: string): number {
  return value.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

export async function benchBuild(pieces: number): Promise<BuildFigures> {
  const contentDir = path.join(OUT, `content-${pieces}`);
  const generated = spawnSync(bin('tsx'), ['bench/content.ts', String(pieces), contentDir], { stdio: 'inherit' });
  if (generated.status !== 0) throw new Error('la génération du contenu a échoué.');
  const dataDir = path.join(OUT, 'scale-data');
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(path.resolve(DIST_DIR), { recursive: true, force: true });
  mkdirSync(path.join(OUT, 'logs'), { recursive: true });
  const log = path.join(OUT, 'logs', `build-${pieces}.log`);
  const timeReport = path.join(OUT, 'logs', `build-${pieces}.time`);

  const child = spawn('/usr/bin/time', ['-v', '-o', timeReport, bin('tsx'), 'scripts/serve.ts', 'build'], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      CONTENT_DIR: contentDir,
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_TSCONFIG: 'tsconfig.bench.json',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      AUTH_SECRET: 'banc-de-mesure-place-des-reseaux-0123456789',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: Buffer[] = [];
  // Written as it comes, so a long build can be followed with tail -f.
  const logStream = createWriteStream(log);
  let contentDone: number | null = null;
  const started = Date.now();
  const watch = (chunk: Buffer) => {
    output.push(chunk);
    logStream.write(chunk);
    // contentlayer2 prints « Generated N documents in .contentlayer » when it is done.
    if (contentDone === null && /Generated \d+ documents/.test(chunk.toString())) contentDone = Date.now();
  };
  child.stdout.on('data', watch);
  child.stderr.on('data', watch);
  let peakTreeRssBytes = 0;
  const sampler = setInterval(() => {
    if (child.pid) peakTreeRssBytes = Math.max(peakTreeRssBytes, treeRss(child.pid));
  }, 200);
  const code = await new Promise<number>((resolve) => child.once('exit', (exitCode) => resolve(exitCode ?? 1)));
  clearInterval(sampler);
  logStream.end();

  const report = readFileSync(timeReport, 'utf8');
  const text = Buffer.concat(output).toString();
  const pages = Number(/Generating static pages[^\n]*\((\d+)\/\1\)/.exec(text)?.[1] ?? 0);
  const dist = path.resolve(DIST_DIR);
  return {
    pieces,
    ok: code === 0,
    wallSeconds: clockSeconds(timeField(report, 'Elapsed (wall clock) time (h:mm:ss or m:ss)') ?? '0'),
    contentSeconds: contentDone === null ? null : (contentDone - started) / 1000,
    peakTreeRssBytes,
    peakProcessRssBytes: Number(timeField(report, 'Maximum resident set size (kbytes)') ?? 0) * 1024,
    distBytes: code === 0 ? directoryBytes(dist) : 0,
    distBytesWithoutCache: code === 0 ? directoryBytes(dist, path.join(dist, 'cache')) : 0,
    largestServerChunk: code === 0 ? largestFile(path.join(dist, 'server'), /\.js$/) : { file: '', bytes: 0 },
    searchIndex: code === 0 ? searchIndexSize(dist) : { bytes: 0, gzipBytes: 0 },
    pages,
  };
}

/** Puts the magazine's own compiled content back (the builds above replaced .contentlayer). */
export function restoreMagazineContent(): void {
  spawnSync(bin('contentlayer2'), ['build'], { stdio: 'inherit', env: { ...process.env, CONTENT_DIR: 'content' } });
}

const mb = (bytes: number) => `${(bytes / 1e6).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
const seconds = (value: number) => (value >= 60 ? `${Math.floor(value / 60)} min ${Math.round(value % 60)} s` : `${value.toFixed(1)} s`);

export function buildTable(rows: BuildFigures[]): string {
  const base = rows[0];
  const lines = [
    '| Contenus | pages générées | durée totale | dont contentlayer2 | coût par contenu | rapport au plus petit | pic RSS de l’arbre de processus | pic RSS d’un processus | `.next` (sans `cache/`) | plus gros fichier serveur | index de recherche (gzip) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
    ...rows.map((row) => {
      if (!row.ok) return `| ${row.pieces.toLocaleString('fr-FR')} | build en échec après ${seconds(row.wallSeconds)} (voir bench/out/logs/build-${row.pieces}.log) | | | | | ${mb(row.peakTreeRssBytes)} | | | | |`;
      const perPiece = row.wallSeconds / row.pieces;
      const ratio = base ? perPiece / (base.wallSeconds / base.pieces) : 1;
      return `| ${row.pieces.toLocaleString('fr-FR')} | ${row.pages.toLocaleString('fr-FR')} | ${seconds(row.wallSeconds)} | ${row.contentSeconds === null ? '?' : seconds(row.contentSeconds)} | ${(perPiece * 1000).toFixed(0)} ms | ${ratio.toFixed(2)}× | ${mb(row.peakTreeRssBytes)} | ${mb(row.peakProcessRssBytes)} | ${mb(row.distBytes)} (${mb(row.distBytesWithoutCache)}) | ${row.largestServerChunk.file} (${mb(row.largestServerChunk.bytes)}) | ${mb(row.searchIndex.bytes)} (${mb(row.searchIndex.gzipBytes)}) |`;
    }),
  ];
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv.slice(2).map(Number);
  if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
    console.error('Usage : npm run bench:build -- 1000 10000');
    process.exit(2);
  }
  ensureTools();
  (async () => {
    const rows: BuildFigures[] = [];
    try {
      for (const pieces of sizes.length > 0 ? sizes : DEFAULT_SIZES) rows.push(await benchBuild(pieces));
    } finally {
      restoreMagazineContent();
    }
    console.log(`\n${buildTable(rows)}`);
  })().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
