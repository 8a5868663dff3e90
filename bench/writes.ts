// `npm run bench:writes`: part 3 of the benchmarks alone (the full run, `npm run bench`, measures
// it with parts 1, 2 and 6 in bench/serve.ts): PUT rating and POST comment through the magazine,
// the bare Next handler doing only the same SQL, the raw pg loop, and the cost of a rating on
// pieces holding 0, 10,000 and 100,000 ratings, written as part 3 of BENCHMARKS.md.
// `-- --no-build` reuses the magazine's last bench build (bench/out/next).
import { rmSync } from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres } from '../lib/db/embedded-postgres';
import { benchRatingCost, benchWrites, writesSection, writesTable } from './api';
import { assertPortsFree, bin, ensureTools, OUT, run, startProcess, stopAll, waitForHttp, writeBenchmarkSection } from './lib';
import { COST_PIECES, magazineEnv, PIECE, PORTS, startBareApp } from './serve';

async function benchWritesAlone(): Promise<string> {
  rmSync(path.resolve(magazineEnv.DATA_DIR), { recursive: true, force: true });
  await assertPortsFree([PORTS.magazine, PORTS.bare]);
  const database = await startEmbeddedPostgres(path.join(magazineEnv.DATA_DIR, 'postgres'));
  const env = { ...magazineEnv, DATABASE_URL: database.url };
  try {
    if (!process.argv.includes('--no-build')) run(bin('tsx'), ['scripts/serve.ts', 'build'], env);
    const app = startProcess(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', 'start', '-p', String(PORTS.magazine)], { env, log: path.join(OUT, 'logs', 'magazine.log') }).pid as number;
    await waitForHttp(`http://127.0.0.1:${PORTS.magazine}${PIECE}`);
    const bare = await startBareApp(database.url);
    const magazine = { baseUrl: `http://127.0.0.1:${PORTS.magazine}`, databaseUrl: database.url, origin: magazineEnv.SITE_URL };
    const writes = await benchWrites(magazine, PIECE, `http://127.0.0.1:${PORTS.bare}`, { app, bare: bare.pid });
    const cost = await benchRatingCost(magazine, COST_PIECES);
    return writesTable(writes, cost);
  } finally {
    await stopAll();
    await database.stop();
  }
}

ensureTools();
benchWritesAlone()
  .then((table) => writeBenchmarkSection(3, writesSection(table)))
  .catch(async (error: unknown) => {
    await stopAll();
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
