// `npm run bench:instances`: part 7 of the benchmarks. One instance against two behind nginx
// (deploy/nginx.conf with the micro-cache off, so that every request reaches an instance), on
// one build copied twice, one embedded PostgreSQL and one Redis of the benchmark's own; then the
// time for a rating written on A to show on B (API and page), over 50 writes.
import { spawn } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../lib/db/embedded-postgres';
import { migrate } from '../lib/db/migrations';
import { assertPortsFree, bin, ensureTools, OUT, run, startProcess, stopAll, waitForHttp, wrk, writeBenchmarkSection, writeBenchNginxConfig, type WrkResult } from './lib';
import { magazineEnv, PIECE } from './serve';

const PORTS = { a: 3105, b: 3106, oneInstance: 3107, twoInstances: 3108, redis: 3109 } as const;
const BUILD = path.resolve('bench/out/next-instances');
const API = `/api/pieces${PIECE}/rating`;
const WRITES = 50;

export type InstancesFigures = {
  rows: Array<{ target: string; instances: number } & WrkResult>;
  apiMs: number[];
  pageMs: number[];
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

async function propagation(origin: string): Promise<Pick<InstancesFigures, 'apiMs' | 'pageMs'>> {
  const apiMs: number[] = [];
  const pageMs: number[] = [];
  for (let index = 0; index < WRITES; index++) {
    const written = await fetch(`http://127.0.0.1:${PORTS.a}${API}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', origin, 'x-forwarded-for': `198.18.7.${index + 1}` },
      body: JSON.stringify({ value: 1 + (index % 5) }),
    });
    if (written.status !== 200) throw new Error(`note refusée sur A (${written.status}) : ${await written.text()}`);
    const { count } = (await written.json()) as { count: number };
    const started = Date.now();
    let apiDone = false;
    let pageDone = false;
    while (!apiDone || !pageDone) {
      if (Date.now() - started > 10_000) throw new Error(`la note n° ${count} n’a pas paru sur B en 10 s.`);
      if (!apiDone && ((await (await fetch(`http://127.0.0.1:${PORTS.b}${API}`)).json()) as { count: number }).count === count) {
        apiDone = true;
        apiMs.push(Date.now() - started);
      }
      if (!pageDone && new RegExp(`(?<![\\d\\s])${count}\\s?avis`).test(await (await fetch(`http://127.0.0.1:${PORTS.b}${PIECE}`)).text())) {
        pageDone = true;
        pageMs.push(Date.now() - started);
      }
    }
  }
  return { apiMs, pageMs };
}

function redisServer(): Promise<void> {
  startProcess('redis-server', ['--port', String(PORTS.redis), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'volatile-lru'], {
    log: path.join(OUT, 'logs', 'redis.log'),
  });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 10_000;
    const ping = () => {
      const child = spawn('redis-cli', ['-p', String(PORTS.redis), 'ping'], { stdio: ['ignore', 'pipe', 'ignore'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.once('exit', () => {
        if (out.trim() === 'PONG') resolve();
        else if (Date.now() > deadline) reject(new Error('redis-server ne répond pas.'));
        else setTimeout(ping, 100);
      });
    };
    ping();
  });
}

const siteUrl = `http://127.0.0.1:${PORTS.a}`;

/** One build of the magazine against the benchmark's own fresh database, then two copies of it. */
export async function benchInstances(): Promise<InstancesFigures> {
  await assertPortsFree(Object.values(PORTS));
  const dataDir = path.join(OUT, 'data-instances');
  rmSync(dataDir, { recursive: true, force: true });
  const database = await startEmbeddedPostgres(path.join(dataDir, 'postgres'));
  const copies = ['a', 'b'].map((name) => path.join(path.dirname(BUILD), `instance-${name}`));
  try {
    await migrate(database.url, undefined, () => undefined);
    const env = { ...magazineEnv, NEXT_DIST_DIR: path.relative(process.cwd(), BUILD), SITE_URL: siteUrl, DATABASE_URL: database.url };
    run(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', 'build'], env);
    await redisServer();
    for (const [index, copy] of copies.entries()) {
      // A copy of its own beside the build (its links to node_modules are relative to its depth).
      rmSync(copy, { recursive: true, force: true });
      cpSync(BUILD, copy, { recursive: true, filter: (source) => path.basename(source) !== 'cache' });
      const port = index === 0 ? PORTS.a : PORTS.b;
      startProcess(bin('next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
        env: {
          ...env,
          NEXT_DIST_DIR: path.relative(process.cwd(), copy),
          REDIS_URL: `redis://127.0.0.1:${PORTS.redis}`,
          NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
          NEXT_MANUAL_SIG_HANDLE: '1',
          // The benchmark's readers all come from one address: its limits must not be the figure.
          RATE_RATINGS_PER_MINUTE_ADDRESS: '100000',
          RATE_NEW_RATINGS_PER_DAY_ADDRESS: '100000',
        },
        log: path.join(OUT, 'logs', `instance-${index === 0 ? 'a' : 'b'}.log`),
      });
      await waitForHttp(`http://127.0.0.1:${port}/api/health`);
    }
    const one = writeBenchNginxConfig({ name: 'nginx-one-instance', proxyPort: PORTS.oneInstance, upstreamPorts: [PORTS.a], microCache: false });
    const two = writeBenchNginxConfig({ name: 'nginx-two-instances', proxyPort: PORTS.twoInstances, upstreamPorts: [PORTS.a, PORTS.b], microCache: false });
    for (const config of [one, two]) startProcess('nginx', ['-c', config, '-g', 'daemon off;'], { log: path.join(path.dirname(config), 'stdout.log') });
    const rows: InstancesFigures['rows'] = [];
    for (const [label, target] of [['page du contenu', PIECE], ['API : note du contenu (GET)', API]] as const) {
      for (const [instances, port] of [[1, PORTS.oneInstance], [2, PORTS.twoInstances]] as const) {
        const url = `http://127.0.0.1:${port}${target}`;
        await waitForHttp(url);
        await wrk(url, { seconds: 2 }); // warm-up, not reported
        rows.push({ target: label, instances, ...(await wrk(url)) });
      }
    }
    return { rows, ...(await propagation(siteUrl)) };
  } finally {
    await stopAll();
    await database.stop();
    for (const copy of copies) rmSync(copy, { recursive: true, force: true });
  }
}

export function instancesTable({ rows, apiMs, pageMs }: InstancesFigures): string {
  return [
    `${os.cpus().length} cœurs pour tout : les deux instances, nginx, PostgreSQL, Redis et wrk se partagent la même machine ; deux instances y apportent de la disponibilité (redémarrage progressif sans requête perdue, voir \`npm test\`) plus que du débit, qui viendrait de machines séparées.`,
    '',
    '| Cible (nginx, micro-cache coupé) | instances | req/s | p50 | p99 | non 2xx / erreurs de socket | deux ÷ une |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((row) => {
      const single = rows.find((other) => other.target === row.target && other.instances === 1);
      const ratio = row.instances === 2 && single ? `${(row.requestsPerSecond / single.requestsPerSecond).toFixed(2)}×` : '';
      return `| ${row.target} | ${row.instances} | ${row.requestsPerSecond.toFixed(0)} | ${row.p50Ms.toFixed(2)} ms | ${row.p99Ms.toFixed(2)} ms | ${row.non2xx} / ${row.socketErrors} | ${ratio} |`;
    }),
    '',
    `Une note écrite sur A, visible sur B (${WRITES} écritures, l’une après l’autre, B interrogé en boucle) : ` +
      `API médiane ${percentile(apiMs, 50)} ms, p99 ${percentile(apiMs, 99)} ms, max ${Math.max(...apiMs)} ms ; ` +
      `page médiane ${percentile(pageMs, 50)} ms, p99 ${percentile(pageMs, 99)} ms, max ${Math.max(...pageMs)} ms (objectif : moins d’une seconde).`,
  ].join('\n');
}

/** Section 7 of BENCHMARKS.md, as bench/index.ts writes it. */
export function instancesSection(table: string): string {
  return `## 7. Plusieurs instances (\`npm run bench:instances\`)

Un build du magazine (\`bench/out/next-instances\`, sur une base embarquée neuve) copié deux fois
(\`bench/out/instance-a\`, \`-b\`), deux \`next start\` sur cette base et un \`redis-server\` du banc
(port ${PORTS.redis}), derrière
\`deploy/nginx.conf\` micro-cache coupé (\`proxy_cache off\`, tout le reste identique) : une fois
avec la seule instance A dans l’\`upstream\`, une fois avec A et B. Charge :
\`wrk -t1 -c50 -d10s --latency\` après 2 s de chauffe. Le rapport du micro-cache à nginx
(partie 1, une instance) reste mesuré avec le même \`deploy/nginx.conf\`.

${table}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureTools();
  benchInstances()
    .then((figures) => {
      writeBenchmarkSection(7, instancesSection(instancesTable(figures)));
    })
    .catch(async (error: unknown) => {
      await stopAll();
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
