// `npm run bench:live`: part 10 of the benchmarks, new comments live. One production build of the
// magazine on a fresh embedded database, one `next start`: its resident memory and CPU (from
// /proc, the instance's process tree) idle, then holding 1,000 idle streams of the founding
// interview (raw HTTP from this process, to 127.0.0.1 only); then, in Chromium with the piece
// open, the time from a comment's commit (written straight into the database) to the notice on
// the page, over 50 comments one after the other.
import { rmSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from '@playwright/test';
import pg from 'pg';
import { startEmbeddedPostgres } from '../lib/db/embedded-postgres';
import { migrate } from '../lib/db/migrations';
import { assertPortsFree, bin, CLOCK_TICKS, ensureTools, OUT, run, startProcess, stopAll, treeUsage, waitForHttp, writeBenchmarkSection } from './lib';
import { magazineEnv, PIECE } from './serve';

const PORT = 3111;
const STREAMS = 1000;
const COMMENTS = 50;
const IDLE_SECONDS = 60;
const WARM_UP_SECONDS = 20;
const BUILD = 'bench/out/next-live';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export type LiveFigures = {
  idle: { rssMb: number; cpuPercent: number };
  streams: { rssMb: number; cpuPercent: number; opened: number; seconds: number };
  latencyMs: number[];
};

/** Resident memory at the end, and CPU over `seconds` of doing nothing but holding what is open. */
async function idleUsage(pid: number, seconds: number): Promise<{ rssMb: number; cpuPercent: number }> {
  const before = treeUsage(pid);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const after = treeUsage(pid);
  return { rssMb: after.rss / 2 ** 20, cpuPercent: ((after.ticks - before.ticks) / CLOCK_TICKS / seconds) * 100 };
}

/** `count` streams held open, each resolved once its first bytes are in. */
async function openStreams(count: number, agent: http.Agent): Promise<http.ClientRequest[]> {
  const requests: http.ClientRequest[] = [];
  const opened: Array<Promise<void>> = [];
  for (let index = 0; index < count; index++) {
    opened.push(new Promise<void>((resolve, reject) => {
      const request = http.get({ host: '127.0.0.1', port: PORT, path: `/api/pieces${PIECE}/events`, agent }, (response) => {
        if (response.statusCode !== 200) reject(new Error(`flux n° ${index + 1} refusé : ${response.statusCode}`));
        response.once('data', () => resolve());
        response.resume();
      });
      request.once('error', reject);
      requests.push(request);
    }));
    // Opened 50 at a time: the measure is of streams held, not of a burst of connections.
    if (index % 50 === 49) await Promise.all(opened.slice(-50));
  }
  await Promise.all(opened);
  return requests;
}

/** Commit-to-notice times, in Chromium with the piece open: each comment committed once the previous one shows. */
async function noticeLatencies(databaseUrl: string): Promise<number[]> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    const stream = page.waitForResponse((response) => response.url().endsWith('/events'));
    await page.goto(`http://127.0.0.1:${PORT}${PIECE}`);
    await stream;
    // When the notice shows each new count, by the page's own clock (the same machine's).
    await page.evaluate(() => {
      const seen: Record<number, number> = {};
      Object.assign(window, { noticeSeenAt: seen });
      new MutationObserver(() => {
        const count = /^(\d+) nouveaux? commentaires? — Afficher$/.exec(document.querySelector('[aria-live="polite"] button')?.textContent ?? '');
        if (count) seen[Number(count[1])] ??= Date.now();
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    const latencies: number[] = [];
    for (let index = 1; index <= COMMENTS; index++) {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO comments (piece_key, author_name, body, status, reader_key, address_key) VALUES ($1, $2, $3, 'published', $4, $4)`,
        [PIECE.slice(1), `Lectrice ${index}`, `Commentaire en direct n° ${index}.`, `r:direct-${index}`],
      );
      const committing = Date.now();
      await client.query('COMMIT');
      const shown = await page.waitForFunction((count) => (window as unknown as { noticeSeenAt: Record<number, number> }).noticeSeenAt[count], index, { timeout: 10_000 });
      latencies.push(((await shown.jsonValue()) as number) - committing);
    }
    return latencies;
  } finally {
    await client.end();
    await browser.close();
  }
}

export async function benchLive(): Promise<LiveFigures> {
  await assertPortsFree([PORT]);
  const dataDir = path.join(OUT, 'data-live');
  rmSync(dataDir, { recursive: true, force: true });
  const database = await startEmbeddedPostgres(path.join(dataDir, 'postgres'));
  const agent = new http.Agent({ keepAlive: true, maxSockets: STREAMS });
  try {
    await migrate(database.url, undefined, () => undefined);
    const env = { ...magazineEnv, NEXT_DIST_DIR: BUILD, DATA_DIR: dataDir, SITE_URL: `http://127.0.0.1:${PORT}`, DATABASE_URL: database.url };
    console.log('▶ Build du magazine (bench/out/next-live)');
    run(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', 'build'], env);
    const instance = startProcess(bin('next'), ['start', '-p', String(PORT), '-H', '127.0.0.1'], {
      env: { ...env, NEXT_MANUAL_SIG_HANDLE: '1', LIVE_MAX_STREAMS: String(STREAMS) },
      log: path.join(OUT, 'logs', 'live.log'),
    });
    await waitForHttp(`http://127.0.0.1:${PORT}${PIECE}`);
    const pid = instance.pid ?? 0;
    // What a fresh instance does in its first seconds (the archive's synchronisation, compiling)
    // is not what holding streams costs: measured once it has settled.
    await new Promise((resolve) => setTimeout(resolve, WARM_UP_SECONDS * 1000));
    console.log(`▶ Instance au repos (${IDLE_SECONDS / 2} s), puis ${STREAMS} flux ouverts (${IDLE_SECONDS} s)`);
    const idle = await idleUsage(pid, IDLE_SECONDS / 2);
    const requests = await openStreams(STREAMS, agent);
    const held = await idleUsage(pid, IDLE_SECONDS);
    for (const request of requests) request.destroy();
    console.log(`▶ De la validation à l’annonce, dans Chromium (${COMMENTS} commentaires)`);
    const latencyMs = await noticeLatencies(database.url);
    return { idle, streams: { ...held, opened: requests.length, seconds: IDLE_SECONDS }, latencyMs };
  } finally {
    agent.destroy();
    await stopAll();
    await database.stop();
  }
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const mb = (value: number) => `${value.toFixed(0)} Mo`;
const percent = (value: number) => `${value.toFixed(2).replace('.', ',')} %`;

export function liveSection({ idle, streams, latencyMs }: LiveFigures): string {
  const perStream = ((streams.rssMb - idle.rssMb) * 1024) / streams.opened;
  const median = percentile(latencyMs, 50);
  const p99 = percentile(latencyMs, 99);
  return `## 10. Nouveaux commentaires en direct (\`npm run bench:live\`)

Build de production du magazine sur une base embarquée neuve, un \`next start\`
(\`LIVE_MAX_STREAMS=${STREAMS}\`). Mémoire résidente et CPU (utime + stime) de l’arbre de processus de
l’instance, lus dans \`/proc\` (la connexion PostgreSQL à l’écoute est un processus du serveur de
base, non compté) : au repos pendant ${IDLE_SECONDS / 2} s, ${WARM_UP_SECONDS} s après son démarrage, puis tenant
${streams.opened.toLocaleString('fr-FR')} flux \`GET /api/pieces${PIECE}/events\` ouverts et inactifs
(requêtes HTTP brutes depuis le banc, sur 127.0.0.1, ouvertes 50 par 50) pendant ${streams.seconds} s,
battements de 20 s compris. Puis, dans Chromium, la page de l’interview fondatrice ouverte :
${latencyMs.length} commentaires écrits un à un directement en base (\`INSERT\` publié puis \`COMMIT\`), et le
temps entre le \`COMMIT\` et l’affichage de « N nouveaux commentaires — Afficher » dans la page
(horloge de la même machine, relevée par un MutationObserver de la page) ; chaque commentaire
attend que le précédent soit annoncé. La mémoire résidente suit le tas de V8, que le ramasse-miettes
ne rend pas aussitôt : le coût par flux varie du simple au double d’une exécution à l’autre sur
cette machine partagée (37 puis 84 Kio dans deux exécutions successives).

| Instance | Mémoire résidente | CPU moyen |
| --- | ---: | ---: |
| au repos, aucun flux | ${mb(idle.rssMb)} | ${percent(idle.cpuPercent)} |
| ${streams.opened.toLocaleString('fr-FR')} flux inactifs | ${mb(streams.rssMb)} (+${perStream.toFixed(1).replace('.', ',')} Kio par flux) | ${percent(streams.cpuPercent)} |

- De la validation du commentaire à l’annonce dans Chromium, sur ${latencyMs.length} : médiane ${median} ms, p99 ${p99} ms${p99 < 2000 ? ' (objectif : moins de 2 s ✓)' : ' (objectif : moins de 2 s ✗)'} ; min ${Math.min(...latencyMs)} ms, max ${Math.max(...latencyMs)} ms.`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureTools();
  benchLive()
    .then((figures) => writeBenchmarkSection(10, liveSection(figures)))
    .catch(async (error: unknown) => {
      await stopAll();
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    });
}
