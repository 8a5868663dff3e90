// `npm run bench:search`: part 9 of the benchmarks, the archive's full-text search at 10,000
// synthetic pieces (bench/content.ts). One production build of that archive (a few pieces
// prerendered: search is what is measured), one `next start` on a fresh embedded database: the
// synchronisation of `pieces` when it starts (cold: an empty table; warm: the same archive again,
// after a restart), then /api/search under wrk with a mix of 20 queries, with the cache and with
// SEARCH_CACHE_SECONDS=0 (every request a query to PostgreSQL).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../lib/db/embedded-postgres';
import { restoreMagazineContent } from './build';
import { assertPortsFree, bin, ensureTools, OUT, run, startProcess, stopAll, waitForHttp, wrk, writeBenchmarkSection, type WrkResult } from './lib';

const PIECES = 10_000;
const PORT = 3110;
const DIST_DIR = 'bench/out/next-search';
const DATA_DIR = path.join(OUT, 'search-data');
const LOG = path.join(OUT, 'logs', 'search.log');
/** Words of the synthetic archive (bench/content.ts), a phrase, an exclusion, an OR, prefixes as typed. */
const QUERIES = [
  'réseau', 'reseaux', 'prospection', 'recommandation', 'confiance', 'fidélisation', 'artisan', 'dirigeant',
  'club affaires', '"relation de confiance"', 'partenariats -export', 'veille OR recrutement', 'image de marque',
  'indépendants', 'rendez-vous qualifiés', 'salon professionnel', 'recommandations clients',
  'prosp', 'recomm', 'fidél',
];

/** The last three queries are sent as the reader types them (`prefix=1`). */
const PREFIXES_FROM = 17;

type SearchFigures = {
  pieces: number;
  coldMs: number;
  warmMs: number;
  tableBytes: number;
  cached: WrkResult;
  uncached: WrkResult;
  uncachedAlone: WrkResult;
  hits: number[];
  /** Each query alone, uncached: the median of its timings (ms), in the order of QUERIES. */
  queryMs: number[];
};

/** The query string of the query at `index`, as the search box sends it. */
const searchParams = (index: number) => `${encodeURIComponent(QUERIES[index] ?? '')}${index >= PREFIXES_FROM ? '&prefix=1' : ''}`;
const searchUrl = (index: number) => `http://127.0.0.1:${PORT}/api/search?q=${searchParams(index)}`;

/** Each query sent `times` times in turn, one at a time: the median of its timings (ms). */
async function timeEachQuery(times: number): Promise<number[]> {
  const timings: number[][] = QUERIES.map(() => []);
  for (let round = 0; round < times; round++) {
    for (const index of QUERIES.keys()) {
      const started = performance.now();
      await (await fetch(searchUrl(index))).arrayBuffer();
      timings[index]?.push(performance.now() - started);
    }
  }
  return timings.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? NaN);
}

/**
 * When wrk stops, the server still answers the requests its 50 connections had sent (with 50 in
 * line, up to a second of work): a run that starts at once queues its first requests behind them.
 */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 3000));
}

function queriesLua(): string {
  const file = path.join(OUT, 'lua', 'search.lua');
  mkdirSync(path.dirname(file), { recursive: true });
  const list = QUERIES.map((_, index) => `"${searchParams(index)}"`).join(', ');
  writeFileSync(file, `local queries = { ${list} }\nlocal n = 0\nrequest = function()\n  n = n + 1\n  return wrk.format("GET", "/api/search?q=" .. queries[(n % #queries) + 1])\nend\n`);
  return file;
}

/** Starts the magazine, waits for its synchronisation of `pieces`, returns how long it took. */
async function startAndSync(env: Record<string, string>): Promise<number> {
  const child = startProcess(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', 'start', '-p', String(PORT)], { env, log: LOG });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitForHttp(`http://127.0.0.1:${PORT}/api/health`);
  const deadline = Date.now() + 600_000;
  for (;;) {
    const line = /archive synchronisée en (\d+) ms/.exec(output);
    if (line) return Number(line[1]);
    if (/archive non synchronisée/.test(output)) throw new Error(`synchronisation échouée :\n${output.slice(-2000)}`);
    if (Date.now() > deadline) throw new Error('pas de synchronisation en 10 minutes');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function benchSearch(): Promise<SearchFigures> {
  await assertPortsFree([PORT]);
  const contentDir = path.join(OUT, `content-${PIECES}`);
  if (spawnSync(bin('tsx'), ['bench/content.ts', String(PIECES), contentDir], { stdio: 'inherit' }).status !== 0) throw new Error('la génération du contenu a échoué.');
  rmSync(DATA_DIR, { recursive: true, force: true });
  const database = await startEmbeddedPostgres(path.join(DATA_DIR, 'postgres'));
  const env = {
    CONTENT_DIR: contentDir,
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TSCONFIG: 'tsconfig.bench.json',
    DATA_DIR,
    DATABASE_URL: database.url,
    AUTH_SECRET: 'banc-de-mesure-place-des-reseaux-0123456789',
    SITE_URL: `http://127.0.0.1:${PORT}`,
    PRERENDER_PIECES: '20',
    // One address (wrk's) sends every request: its limit stays on the path, with room for the load.
    RATE_SEARCHES_PER_MINUTE_ADDRESS: '100000000',
  };
  try {
    console.log(`▶ Build de ${PIECES.toLocaleString('fr-FR')} contenus (quelques minutes)`);
    run(bin('tsx'), ['scripts/serve.ts', 'build'], env);
    console.log('▶ Synchronisation à froid, puis à chaud');
    const coldMs = await startAndSync(env);
    await stopAll();
    const warmMs = await startAndSync(env);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query<{ bytes: string }>("SELECT pg_total_relation_size('pieces') AS bytes");
    await client.end();
    const hits: number[] = [];
    for (const index of QUERIES.keys()) hits.push(((await (await fetch(searchUrl(index))).json()) as { total: number }).total);
    const script = queriesLua();
    const url = `http://127.0.0.1:${PORT}/api/search`;
    console.log('▶ /api/search sous wrk, avec le cache');
    await wrk(url, { seconds: 2, script });
    const cached = await wrk(url, { script });
    await stopAll();
    console.log('▶ /api/search sous wrk, sans cache (SEARCH_CACHE_SECONDS=0)');
    await startAndSync({ ...env, SEARCH_CACHE_SECONDS: '0' });
    await wrk(url, { seconds: 2, script });
    const uncached = await wrk(url, { script });
    // One reader at a time: what a search costs when it does not queue behind 49 others.
    await settle();
    const uncachedAlone = await wrk(url, { connections: 1, seconds: 10, script });
    await settle();
    const queryMs = await timeEachQuery(5);
    return { pieces: PIECES, coldMs, warmMs, tableBytes: Number(rows[0]?.bytes ?? 0), cached, uncached, uncachedAlone, hits, queryMs };
  } finally {
    await stopAll();
    await database.stop();
    restoreMagazineContent();
  }
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

export function searchSection({ pieces, coldMs, warmMs, tableBytes, cached, uncached, uncachedAlone, hits, queryMs }: SearchFigures): string {
  const slowest = Math.max(...queryMs);
  const row = (name: string, result: WrkResult, goal: boolean) =>
    `| ${name} | ${result.requestsPerSecond.toFixed(0)} | ${ms(result.p50Ms)} | ${ms(result.p99Ms)}${goal ? (result.p99Ms < 50 ? ' ✓' : ' ✗') : ''} | ${result.non2xx} / ${result.socketErrors} |`;
  return `## 9. Chercher dans une grande archive (\`npm run bench:search\`)

Archive synthétique de ${pieces.toLocaleString('fr-FR')} contenus (\`npm run bench:content\`, ≈ 860 mots chacun), build de production
(20 contenus prérendus : c’est la recherche qui est mesurée), \`next start\` sur une base embarquée neuve.
Synchronisation de la table \`pieces\` au démarrage, lue dans le journal de l’instance : à froid (table
vide) puis à chaud (même archive, après un redémarrage ; objectif : moins de 2 s). Puis
\`GET /api/search\` sous \`wrk -t1 -c50 -d10s --latency\` (après 2 s de chauffe), 20 recherches à tour
de rôle (mots simples, expression entre guillemets, exclusion, OR, 3 débuts de mot) : avec le cache
(60 s par recherche), puis \`SEARCH_CACHE_SECONDS=0\` (chaque requête interroge PostgreSQL ; objectif :
p99 sous 50 ms), à 50 connexions puis, 3 s plus tard (le temps que le serveur finisse les requêtes
que les 50 connexions avaient envoyées : sans cette pause, les premières recherches du lecteur seul
pouvaient attendre derrière elles, ce qui explique selon toute vraisemblance le p99 de 0,5 s mesuré
jusqu’au 3 décembre), à une seule ; enfin chaque recherche seule, 5 fois, sans cache. La limite par adresse reste sur le chemin
(relevée pour la charge). Le vocabulaire de l’archive synthétique est petit : la plupart des 20
recherches trouvent 8 000 à 10 000 contenus, le pire cas pour un classement.

- Synchronisation au démarrage : à froid ${(coldMs / 1000).toFixed(1)} s, à chaud ${(warmMs / 1000).toFixed(2)} s${warmMs < 2000 ? ' ✓' : ' ✗'} ; table et index : ${(tableBytes / 1e6).toFixed(0)} Mo.
- Contenus trouvés par chacune des 20 recherches : ${hits.map((count) => count.toLocaleString('fr-FR')).join(', ')}.
- Chaque recherche seule, sans cache (médiane de 5, requête HTTP comprise) : ${QUERIES.map((query, index) => `${query} ${(queryMs[index] ?? NaN).toFixed(0)} ms`).join(', ')} ; la plus lente ${slowest.toFixed(0)} ms${slowest < 50 ? ' ✓' : ' ✗'}.

| \`/api/search\`, ${pieces.toLocaleString('fr-FR')} contenus | req/s | p50 | p99 | non 2xx / erreurs de socket |
| --- | ---: | ---: | ---: | ---: |
${row('avec le cache, 50 connexions', cached, false)}
${row('sans cache, 50 connexions (objectif p99 < 50 ms)', uncached, true)}
${row('sans cache, une connexion (objectif p99 < 50 ms)', uncachedAlone, true)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureTools();
  benchSearch()
    .then((figures) => writeBenchmarkSection(9, searchSection(figures)))
    .catch(async (error: unknown) => {
      await stopAll();
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
