// `npm run bench:serve`: parts 1, 2, 3 and 6 of the benchmarks, on one production build of the
// magazine. Serving the founding interview, side by side in one run: nginx on the page's exact
// bytes, a bare Next 16 page of the same size, the magazine's `next start`, and the magazine
// behind nginx with a one-second micro-cache (wrk, one thread, 50 connections, 10 s, all on
// 127.0.0.1); then Lighthouse on the same page (bench/lighthouse.ts) and the bytes of a piece
// with and without a cover (bench/piece-bytes.ts), then reading and writing ratings and comments
// (bench/api.ts).
import { cpSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../lib/db/embedded-postgres';
import { benchRatingCost, benchReads, benchWrites, readsTable, writesSection, writesTable, type RatingCost, type ReadFigures, type WriteRow } from './api';
import { benchInteractions, interactionsTable, type InteractionFigures } from './interactions';
import { benchLighthouse, lighthouseTable, type LighthouseFigures } from './lighthouse';
import { benchPieceBytes, pieceBytesTable, type PieceBytes } from './piece-bytes';
import { alternate, assertPortsFree, benchRounds, bin, ensureTools, failures, measuredWrk, OUT, ratios, run, showSpread, spreadOf, startProcess, stopAll, waitForHttp, wrk, writeBenchmarkSection, writeBenchNginxConfig, type MeasuredRun } from './lib';

export const PIECE = '/interviews/valerie-march-place-des-reseaux';
/** A piece without a cover, weighed beside PIECE, which has one (part 6). */
export const UNCOVERED_PIECE = '/articles/le-ton-juste-sur-les-reseaux';
/** The page loaded with no comment, then with 200 (part 2). */
export const ARTICLE = '/articles/strategie-des-petits-cailloux';
export const PORTS = { magazine: 3101, bare: 3102, nginx: 3103, proxy: 3104, measured: 3105, metrics: 3106, proxied: 3107, quiet: 3108 } as const;
/** The pieces rated after 0, 10,000 and 100,000 ratings written beforehand (part 3). */
export const COST_PIECES: [string, string, string] = ['/articles/le-ton-juste-sur-les-reseaux', '/articles/deleguer-l-animation-de-ses-reseaux', '/articles/animer-un-hub-plutot-que-pousser'];
const BENCH_SECRET = 'banc-de-mesure-place-des-reseaux-0123456789';

/** Where the bare Next app is copied and built (out of the repository, see its next.config). */
export const BARE_DIR = path.join(tmpdir(), 'place-des-reseaux-bench-bare');

export const magazineEnv = {
  NEXT_DIST_DIR: 'bench/out/next',
  NEXT_TSCONFIG: 'tsconfig.bench.json',
  DATA_DIR: 'bench/out/data',
  AUTH_SECRET: BENCH_SECRET,
  SITE_URL: `http://127.0.0.1:${PORTS.magazine}`,
  // Comments published at once (moderation afterwards), so the freshness check can see them.
  COMMENT_MODERATION: 'post',
  // As behind the reverse proxy: the writes come from 1,000 readers with 1,000 addresses.
  TRUST_PROXY: '1',
  // A reader of the write benchmark comments a few times in 10 s: the limits stay in the path
  // of every request, with room for the load.
  RATE_COMMENTS_PER_MINUTE_READER: '60',
  RATE_COMMENTS_PER_MINUTE_ADDRESS: '60',
  // Each of the 1,000 readers rates about 40 times a minute across part 3's runs.
  RATE_RATINGS_PER_MINUTE_READER: '120',
  RATE_RATINGS_PER_MINUTE_ADDRESS: '120',
};

/** One server of part 1: its runs, one a round. */
export type ServingRow = { name: string; runs: MeasuredRun[] };

export type ServingFigures = {
  bytes: number;
  bareBytes: number;
  rows: ServingRow[];
  freshnessMs: number[];
  lighthouse: LighthouseFigures;
  interactions: InteractionFigures | undefined;
  pieceBytes: PieceBytes[];
  reads: ReadFigures | undefined;
  writes: WriteRow[];
  ratingCost: RatingCost[];
};

const pageBytes = async (url: string) => Buffer.byteLength(await (await fetch(url)).text());

/**
 * While the proxy is loaded, posts comments to Next and times how long each takes to show on
 * the page as the proxy serves it.
 */
async function commentFreshness(proxyPage: string, count: number): Promise<number[]> {
  const delays: number[] = [];
  for (let index = 0; index < count; index += 1) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const marker = `Mesure de fraîcheur ${Date.now()}-${index}`;
    const posted = Date.now();
    const response = await fetch(`http://127.0.0.1:${PORTS.proxied}/api/pieces${PIECE}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: magazineEnv.SITE_URL },
      body: JSON.stringify({ author: 'Banc de mesure', body: `${marker} : ce commentaire doit paraître en moins de 2 s.` }),
    });
    if (response.status !== 201) throw new Error(`commentaire refusé (${response.status}) : ${await response.text()}`);
    while (!(await (await fetch(proxyPage)).text()).includes(marker)) {
      if (Date.now() - posted > 30_000) throw new Error('le commentaire n’a pas paru en 30 s derrière le proxy.');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    delays.push(Date.now() - posted);
  }
  return delays;
}

/**
 * Builds and starts the bare Next app (bench/bare) on its port, on the given database. With
 * `matchBytes`, its page is built again at the size that matches the magazine's (its text
 * appears twice, in the HTML and in React's payload). Returns the bare page's bytes and the
 * server's process.
 */
export async function startBareApp(databaseUrl: string, matchBytes?: number): Promise<{ bytes: number; pid: number }> {
  const bare = BARE_DIR;
  rmSync(bare, { recursive: true, force: true });
  cpSync(path.resolve('bench/bare'), bare, { recursive: true });
  symlinkSync(path.resolve('node_modules'), path.join(bare, 'node_modules'));
  const bareUrl = `http://127.0.0.1:${PORTS.bare}/`;
  let bareBytes = 0;
  for (const target of matchBytes ? [matchBytes, 0] : [0]) {
    const requested = target || (matchBytes ? Math.round((matchBytes * matchBytes) / bareBytes) : 0);
    run(bin('next'), ['build'], requested ? { BARE_PAGE_BYTES: String(requested) } : {}, bare);
    const server = startProcess(bin('next'), ['start', '-p', String(PORTS.bare)], { cwd: bare, env: { DATABASE_URL: databaseUrl }, log: path.join(OUT, 'logs', 'bare.log') });
    await waitForHttp(bareUrl);
    bareBytes = await pageBytes(bareUrl);
    if (target === 0 || Math.abs(bareBytes - target) / target < 0.03) return { bytes: bareBytes, pid: server.pid as number };
    await stopAll([server]);
  }
  throw new Error('la page nue n’a pas pu être construite à la taille voulue.');
}

export async function benchServing(rounds = benchRounds()): Promise<ServingFigures> {
  // A fresh database every run: the founding interview starts without comments. Started here
  // rather than by the launcher, with pg_stat_statements, so part 2 can count the queries.
  rmSync(path.resolve(magazineEnv.DATA_DIR), { recursive: true, force: true });
  await assertPortsFree(Object.values(PORTS));
  const database = await startEmbeddedPostgres(path.join(magazineEnv.DATA_DIR, 'postgres'), undefined, {
    postgresFlags: ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.track=all'],
  });
  const env = { ...magazineEnv, DATABASE_URL: database.url };
  try {
    run(bin('tsx'), ['scripts/serve.ts', 'build'], env);
    const magazinePid = startProcess(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', 'start', '-p', String(PORTS.magazine)], { env, log: path.join(OUT, 'logs', 'magazine.log') }).pid as number;
    await waitForHttp(`http://127.0.0.1:${PORTS.magazine}${PIECE}`);
    // The same build with its metrics on (METRICS_PORT), read every 2 s as a busy Prometheus would.
    const measuredPid = startProcess(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', 'start', '-p', String(PORTS.measured)], {
      env: { ...env, METRICS_PORT: String(PORTS.metrics) },
      log: path.join(OUT, 'logs', 'magazine-metrics.log'),
    }).pid as number;
    await waitForHttp(`http://127.0.0.1:${PORTS.measured}${PIECE}`);
    // And with its log cut to what goes wrong (LOG_LEVEL=warn: no line per request).
    const quietPid = startProcess(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', 'start', '-p', String(PORTS.quiet)], {
      env: { ...env, LOG_LEVEL: 'warn' },
      log: path.join(OUT, 'logs', 'magazine-quiet.log'),
    }).pid as number;
    await waitForHttp(`http://127.0.0.1:${PORTS.quiet}${PIECE}`);
    // The proxy's own instance: the comments published through it, and the pages they make Next
    // render again, never weigh on the two instances compared above.
    const proxiedPid = startProcess(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', 'start', '-p', String(PORTS.proxied)], { env, log: path.join(OUT, 'logs', 'magazine-proxied.log') }).pid as number;
    await waitForHttp(`http://127.0.0.1:${PORTS.proxied}${PIECE}`);
    const scraper = setInterval(() => void fetch(`http://127.0.0.1:${PORTS.metrics}/metrics`).then((response) => response.arrayBuffer()).catch(() => undefined), 2000);
    const html = await (await fetch(`http://127.0.0.1:${PORTS.magazine}${PIECE}`)).text();
    const bytes = Buffer.byteLength(html);

    const config = writeBenchNginxConfig({ staticPort: PORTS.nginx, proxyPort: PORTS.proxy, upstreamPorts: [PORTS.proxied] });
    writeFileSync(path.join(OUT, 'nginx', 'www', 'interview.html'), html);

    const bare = await startBareApp(database.url, bytes);
    const nginxPid = startProcess('nginx', ['-c', config, '-g', 'daemon off;'], { log: path.join(OUT, 'logs', 'nginx.log') }).pid as number;
    await waitForHttp(`http://127.0.0.1:${PORTS.nginx}/interview.html`);
    await waitForHttp(`http://127.0.0.1:${PORTS.proxy}${PIECE}`);

    // The CPU of the proxy's row is nginx's and Next's behind it (a page rebuilt after a comment).
    const targets = [
      { name: 'nginx, fichier statique (mêmes octets)', url: `http://127.0.0.1:${PORTS.nginx}/interview.html`, servers: [nginxPid] },
      { name: 'Next 16 nu, page prérendue de même taille', url: `http://127.0.0.1:${PORTS.bare}/`, servers: [bare.pid] },
      { name: 'Place des Réseaux, next start', url: `http://127.0.0.1:${PORTS.magazine}${PIECE}`, servers: [magazinePid] },
      { name: 'Place des Réseaux derrière nginx (micro-cache 1 s)', url: `http://127.0.0.1:${PORTS.proxy}${PIECE}`, servers: [nginxPid, proxiedPid], proxy: true },
      { name: 'Place des Réseaux, next start, métriques lues toutes les 2 s', url: `http://127.0.0.1:${PORTS.measured}${PIECE}`, servers: [measuredPid] },
      { name: 'Place des Réseaux, next start, sans ligne de journal par requête (LOG_LEVEL=warn)', url: `http://127.0.0.1:${PORTS.quiet}${PIECE}`, servers: [quietPid] },
    ];
    for (const target of targets) await wrk(target.url, { seconds: 2 }); // warm-up, not reported
    // Three comments in all, published while the proxy is loaded, spread over the rounds.
    const commentsPerRound = Math.max(1, Math.ceil(3 / rounds));
    const freshnessMs: number[] = [];
    const runs = await alternate(targets, rounds, async (target) => {
      if (!target.proxy) return measuredWrk(target.url, target.servers);
      const [proxied, delays] = await Promise.all([measuredWrk(target.url, target.servers), commentFreshness(target.url, commentsPerRound)]);
      freshnessMs.push(...delays);
      return proxied;
    });
    clearInterval(scraper);
    const rows = targets.map((target, index) => ({ name: target.name, runs: runs[index] ?? [] }));
    // Printed at once: a later part that fails does not lose these figures.
    console.log(servingTable({ bytes, bareBytes: bare.bytes, rows, freshnessMs }));

    const magazine = { baseUrl: `http://127.0.0.1:${PORTS.magazine}`, databaseUrl: database.url, origin: magazineEnv.SITE_URL };
    // `-- --pages`: part 1 only, to weigh one change to the serving path; `-- --phone`: parts 1 and 6.
    const only = { bytes, bareBytes: bare.bytes, rows, freshnessMs, pieceBytes: [], reads: undefined, writes: [], ratingCost: [] };
    if (process.argv.includes('--pages')) return { ...only, lighthouse: [], interactions: undefined };
    console.log('▶ Lighthouse, le contenu et la page nue à tour de rôle');
    const lighthouse = await benchLighthouse([
      { name: 'Place des Réseaux', url: `${magazine.baseUrl}${PIECE}` },
      { name: 'Next 16 nu, même taille', url: `http://127.0.0.1:${PORTS.bare}/` },
    ]);
    console.log(lighthouseTable(lighthouse));
    console.log('▶ Latence d’une interaction (processeur ralenti 4×)');
    const interactions = await benchInteractions(magazine.baseUrl, ARTICLE);
    if (process.argv.includes('--phone')) return { ...only, lighthouse, interactions };
    console.log('▶ Octets d’un contenu avec et sans couverture');
    const pieceBytes = await benchPieceBytes(magazine.baseUrl, [{ path: PIECE }, { path: UNCOVERED_PIECE }]);
    console.log('▶ Lectures (requêtes comptées, page à 200 commentaires)');
    const reads = await benchReads(magazine, ARTICLE);
    console.log('▶ Écritures (1 000 lecteurs, boucle pg brute)');
    const writes = await benchWrites(magazine, PIECE, `http://127.0.0.1:${PORTS.bare}`, { app: magazinePid, bare: bare.pid }, rounds);
    console.log('▶ Coût d’une note selon le nombre de notes du contenu (0, 10 000, 100 000)');
    const ratingCost = await benchRatingCost(magazine, COST_PIECES);
    return { bytes, bareBytes: bare.bytes, rows, freshnessMs, lighthouse, interactions, pieceBytes, reads, writes, ratingCost };
  } finally {
    await stopAll();
    await database.stop();
  }
}

export function servingTable({ bytes, bareBytes, rows, freshnessMs }: Pick<ServingFigures, 'bytes' | 'bareBytes' | 'rows' | 'freshnessMs'>): string {
  const [nginx, bare, magazine, , measured, quiet] = rows;
  const rounds = nginx?.runs.length ?? 0;
  const cpu = (run: MeasuredRun) => run.cpuMsPerRequest;
  const rate = (run: MeasuredRun) => run.requestsPerSecond;
  const cpuRatio = bare && magazine ? ratios(bare.runs, magazine.runs, cpu, cpu) : undefined;
  const metricsCost = magazine && measured ? ratios(measured.runs, magazine.runs, cpu, cpu) : undefined;
  const logsCost = magazine && quiet ? ratios(magazine.runs, quiet.runs, cpu, cpu) : undefined;
  const bothCost = measured && quiet ? ratios(measured.runs, quiet.runs, cpu, cpu) : undefined;
  const lines = [
    `Page servie : ${PIECE} (${(bytes / 1000).toFixed(1)} ko de HTML ; page Next nue : ${(bareBytes / 1000).toFixed(1)} ko). ` +
      `${rounds} passage(s) de 10 s par serveur, à tour de rôle ; chaque chiffre est la médiane des passages, (min–max) entre parenthèses.`,
    '',
    '| Serveur | CPU du serveur par requête | req/s | p50 | p99 | non 2xx / erreurs de socket | req/s vs nginx | CPU : Next nu ÷ serveur |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((row) => {
      const versusNginx = nginx ? showSpread(ratios(row.runs, nginx.runs, rate, rate, 100), 1, ' %') : '';
      const versusBare = bare ? showSpread(ratios(bare.runs, row.runs, cpu, cpu), 2, '×') : '';
      return (
        `| ${row.name} | ${showSpread(spreadOf(row.runs, cpu), 3, ' ms')} | ${showSpread(spreadOf(row.runs, (run) => run.requestsPerSecond))} | ` +
        `${showSpread(spreadOf(row.runs, (run) => run.p50Ms), 2, ' ms')} | ${showSpread(spreadOf(row.runs, (run) => run.p99Ms), 2, ' ms')} | ${failures(row.runs)} | ${versusNginx} | ${versusBare} |`
      );
    }),
    '',
    cpuRatio
      ? `\`next start\` du magazine : ${showSpread(cpuRatio, 2, '×')} du CPU par requête de la page Next nue (objectif : au moins 1,00×, sur la médiane${cpuRatio.median >= 1 ? ' ✓' : ' ✗'}).`
      : '',
    metricsCost
      ? `Métriques (METRICS_PORT, lues toutes les 2 s) : ${showSpread(metricsCost, 3, '×')} le CPU par requête sans elles (objectif : 1,03× au plus, sur la médiane${metricsCost.median <= 1.03 ? ' ✓' : ' ✗'}).`
      : '',
    logsCost
      ? `Journal (une ligne JSON par requête, LOG_LEVEL=info, le réglage par défaut, relayée par \`npm start\`) : ${showSpread(logsCost, 3, '×')} le CPU par requête sans elle ; journal et métriques ensemble : ${bothCost ? showSpread(bothCost, 3, '×') : '—'} (objectif : 1,03× au plus chacun, sur la médiane${logsCost.median <= 1.03 ? ' ✓' : ' ✗'}).`
      : '',
    `Un commentaire publié pendant la charge paraît derrière le proxy en ${freshnessMs.map((ms) => `${ms} ms`).join(', ')} (objectif : moins de 2 s).`,
  ];
  return lines.join('\n');
}

/** Part 1 of BENCHMARKS.md, its method and its table. */
export function servingSection(table: string): string {
  return `## 1. Servir un contenu (\`npm run bench:serve\`)

Build de production du magazine (\`npm run build\`, base embarquée neuve, dans \`bench/out/next\`),
\`next start\` ; nginx sert les mêmes octets en fichier statique ; une application Next 16 nue
(\`bench/bare\`, copiée hors du dépôt et construite à la même taille de page) ; enfin nginx en
proxy inverse devant \`next start\` avec un micro-cache d’une seconde (configuration écrite dans
\`bench/out/nginx/nginx.conf\` par \`bench/lib.ts\`). Charge : \`wrk -t1 -c50 -d10s --latency\`,
après 2 s de chauffe pour chacun, tout sur 127.0.0.1, en plusieurs passages (\`-- --rounds N\`,
3 par défaut) où les serveurs se suivent à tour de rôle : une dérive de cette machine partagée
les touche tous. Le chiffre qui juge est le **CPU par requête** : temps processeur (utilisateur
et système) de l’arbre de processus du serveur, lu dans \`/proc\` avant et après chaque passage,
divisé par les requêtes servies ; les requêtes par seconde varient du simple au double d’une
heure à l’autre ici, le CPU par requête de quelques pour cent. Les objectifs se jugent sur les
médianes ; les écarts (min–max) sont donnés. Pendant la charge du proxy, trois commentaires
sont publiés (modération a posteriori) et l’on mesure quand chacun paraît dans la page servie
par le proxy (une instance à part, derrière lui seul). Une autre instance du même build sert avec
ses métriques (\`METRICS_PORT\`), lues toutes les 2 s pendant toute la mesure : son CPU par requête,
rapporté à celui de la première, mesurée de la même façon, est le coût des métriques. Une dernière
sert sans ligne de journal par requête (\`LOG_LEVEL=warn\`) : la première rapportée à elle est le
coût du journal (pino dans l’instance, et la ligne relayée par \`npm start\`, dont le processus est
compté avec l’arbre). \`npm run bench:profile\` dit où va ce CPU (profil de \`next start\` sous charge).

${table}`;
}

/** Part 2 of BENCHMARKS.md. */
export function readsSection(table: string): string {
  return `## 2. Lire les notes et les commentaires (même commande)

Requêtes comptées par PostgreSQL lui-même (\`pg_stat_statements\`, remis à zéro avant chaque
charge ; sont comptées celles qui touchent notes, commentaires, limites de débit, sessions et
comptes). Puis la même page sans commentaire et avec 200 commentaires publiés (199 écrits
directement en base, le 200e par l’API, qui fait régénérer la page), chacune sous
\`wrk -t1 -c50 -d10s\`.

${table}`;
}

/** Part 6 of BENCHMARKS.md: Lighthouse, the interactions and the bytes of a piece. */
export function phoneSection(lighthouse: string, interactions: string, pieceBytes: string): string {
  return `## 6. Lighthouse (même commande que la partie 1)

Lighthouse 12.2.3 (la 13 demande Node 22) par son API Node, dans le Chromium de Debian, profil
mobile par défaut (téléphone moyen, 4G lente simulée, processeur ralenti 4×), sur la page de
l’interview fondatrice servie par \`next start\`, qui a une couverture (préchargée, servie en AVIF),
et sur la page Next nue de même taille, à tour de rôle (\`npm run bench:serve -- --phone\` : les
parties 1 et 6 seules).

${lighthouse}

Latence d’une interaction (\`bench/interactions.ts\`) : Chromium de Debian, processeur ralenti 4×
(\`Emulation.setCPUThrottlingRate\`), écran de téléphone ; la durée de chaque interaction lue par
l’API Event Timing (\`PerformanceEventTiming\`, la plus longue des entrées d’une même interaction :
ce que mesure l’INP), du geste jusqu’à l’image suivante.

${interactions}

Ce qu’un lecteur télécharge pour ouvrir un contenu avec couverture et un contenu sans, dans
Chromium, en téléphone (412 × 823 px à 1,75×, l’écran mobile de Lighthouse) et en ordinateur
(1350 × 940 à 1×) : octets reçus (compressés, en-têtes compris) comptés par Chromium, premier
affichage sans défilement (les images paresseuses plus bas ne sont pas chargées), cache vide ; à
part, ce que Next précharge ensuite pour les liens de la page (\`bench/piece-bytes.ts\`).

${pieceBytes}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureTools();
  benchServing()
    .then((figures) => {
      // Written into BENCHMARKS.md, in place of the parts measured (the others kept).
      writeBenchmarkSection(1, servingSection(servingTable(figures)));
      if (figures.interactions) {
        const pieceBytes = figures.pieceBytes.length > 0 ? pieceBytesTable(figures.pieceBytes, PIECE) : 'Non mesuré dans cette exécution (`--phone`).';
        writeBenchmarkSection(6, phoneSection(lighthouseTable(figures.lighthouse), interactionsTable(figures.interactions), pieceBytes));
      }
      if (figures.reads) {
        writeBenchmarkSection(2, readsSection(readsTable(figures.reads, ARTICLE)));
        writeBenchmarkSection(3, writesSection(writesTable(figures.writes, figures.ratingCost)));
      }
    })
    .catch(async (error: unknown) => {
      await stopAll();
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
