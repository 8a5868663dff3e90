// `npm run bench:profile -- [--no-build] [--seconds 10]`: where `next start` spends its CPU
// serving the founding interview. The magazine's bench build (bench/out/next) is started under
// `node --cpu-prof`, loaded by wrk (one thread, 50 connections), stopped; the profile is written
// to bench/out/profile/ (open it in Chromium's DevTools) and summed here: self time by function
// and by package, as a share of the busy (non-idle) time, with the CPU per request from /proc.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres } from '../lib/db/embedded-postgres';
import { migrate } from '../lib/db/migrations';
import { assertPortsFree, bin, ensureTools, measuredWrk, OUT, run, startProcess, stopAll, waitForHttp, wrk } from './lib';
import { magazineEnv, PIECE, PORTS } from './serve';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const DIR = path.join(OUT, 'profile');
const IDLE = new Set(['(idle)', '(program)', '(garbage collector)']);

/** Where a function comes from: a package of node_modules, Node itself, or the magazine's own code. */
function origin(url: string): string {
  if (!url) return '(natif)';
  if (url.startsWith('node:')) return 'node';
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)(?:\/dist\/(compiled\/[^/]+|server\/[^/]+|[^/]+))?/.exec(url);
  if (inModules) return inModules[2] ? `${inModules[1]}/${inModules[2]}` : (inModules[1] ?? url);
  return path.relative(process.cwd(), url.replace(/^file:\/\//, '')).split(path.sep).slice(0, 3).join('/');
}

function summarise(profile: Profile): { busyMs: number; functions: Array<[string, number]>; origins: Array<[string, number]>; gcMs: number } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const functions = new Map<string, number>();
  const origins = new Map<string, number>();
  let busy = 0;
  let gc = 0;
  for (const [id, micros] of self) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    if (frame.functionName === '(garbage collector)') gc += micros;
    if (IDLE.has(frame.functionName) && frame.functionName !== '(garbage collector)') continue;
    busy += micros;
    const name = `${frame.functionName || '(anonyme)'} ${origin(frame.url)}:${frame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
    origins.set(origin(frame.url), (origins.get(origin(frame.url)) ?? 0) + micros);
  }
  const top = (map: Map<string, number>, count: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, count);
  return { busyMs: busy / 1000, functions: top(functions, 25), origins: top(origins, 15), gcMs: gc / 1000 };
}

async function main() {
  ensureTools();
  const secondsIndex = process.argv.indexOf('--seconds');
  const seconds = secondsIndex >= 0 ? Number(process.argv[secondsIndex + 1]) : 10;
  await assertPortsFree([PORTS.magazine]);
  rmSync(path.resolve(magazineEnv.DATA_DIR), { recursive: true, force: true });
  const database = await startEmbeddedPostgres(path.join(magazineEnv.DATA_DIR, 'postgres'));
  const env = { ...magazineEnv, DATABASE_URL: database.url };
  try {
    if (!process.argv.includes('--no-build')) run(bin('tsx'), ['scripts/serve.ts', 'build'], env);
    rmSync(DIR, { recursive: true, force: true });
    mkdirSync(DIR, { recursive: true });
    // Next itself under the profiler (Node refuses --cpu-prof in NODE_OPTIONS, so not through the
    // launcher): the database migrated first, the launcher's settings given as it gives them.
    await migrate(database.url, undefined, () => undefined);
    const server = startProcess(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${DIR}`, path.resolve('node_modules/next/dist/bin/next'), 'start', '-p', String(PORTS.magazine)], {
      env: { ...env, NEXT_MANUAL_SIG_HANDLE: '1' },
      log: path.join(OUT, 'logs', 'profile.log'),
    });
    const url = `http://127.0.0.1:${PORTS.magazine}${PIECE}`;
    await waitForHttp(url);
    await wrk(url, { seconds: 2 }); // warm-up
    const measured = await measuredWrk(url, [server.pid as number], { seconds });
    await stopAll([server]);
    // The largest profile is the server's (Next's router and render in one process here).
    const files = readdirSync(DIR).filter((file) => file.endsWith('.cpuprofile'));
    const largest = files.map((file) => ({ file, profile: JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as Profile })).sort((a, b) => b.profile.samples.length - a.profile.samples.length)[0];
    if (!largest) throw new Error(`aucun profil écrit dans ${DIR}.`);
    const { busyMs, functions, origins, gcMs } = summarise(largest.profile);
    const share = (micros: number) => `${((micros / 1000 / busyMs) * 100).toFixed(1)} %`;
    console.log(
      [
        `${PIECE} : ${measured.requestsPerSecond.toFixed(0)} req/s, ${measured.cpuMsPerRequest.toFixed(3)} ms de CPU par requête (/proc), ${measured.requests} requêtes.`,
        `Profil : ${path.join(DIR, largest.file)} ; ${busyMs.toFixed(0)} ms occupés, dont ramasse-miettes ${gcMs.toFixed(0)} ms.`,
        '',
        'Temps propre par paquet ou dossier :',
        ...origins.map(([name, micros]) => `  ${share(micros).padStart(7)}  ${name}`),
        '',
        'Temps propre par fonction :',
        ...functions.map(([name, micros]) => `  ${share(micros).padStart(7)}  ${name}`),
      ].join('\n'),
    );
  } finally {
    await stopAll();
    await database.stop();
  }
}

main().catch(async (error: unknown) => {
  await stopAll();
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
