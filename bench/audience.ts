// `npm run bench:audience`: part 12 of BENCHMARKS.md. What one instance takes of the audience's
// beacons: POST /api/views from 50,000 readers (each its own address, as behind nginx), at 10 and
// 50 connections, in alternating rounds; latency p50 / p99, CPU of the magazine per beacon (from
// /proc), and what the database writes for it (statements and rows a second, from its statistics).
// Then the beacon's weight: the inline script of the piece's prerendered page, gzip'd.
// `-- --no-build` reuses the magazine's last bench build (bench/out/next).
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { startEmbeddedPostgres } from '../lib/db/embedded-postgres';
import { luaScript } from './api';
import { assertPortsFree, bin, CLOCK_TICKS, ensureTools, OUT, run, startProcess, stopAll, treeUsage, waitForHttp, wrk, writeBenchmarkSection } from './lib';
import { magazineEnv, PIECE, PORTS } from './serve';

const ROUNDS = 3;
const SECONDS = 10;
const LOADS = [10, 50];
const READERS = 50_000;
const FLUSH_SECONDS = 5;

// Reader i has its own address; the referrers turn between a network, a search engine and none.
const beaconLua = (origin: string) => `
local n = 0
local referrers = { "https://www.linkedin.com/feed/", "https://www.google.fr/", "" }
request = function()
  n = n + 1
  local r = (n * 7919) % ${READERS}
  local body = '{"path":"${PIECE}","referrer":"' .. referrers[n % 3 + 1] .. '"}'
  return wrk.format("POST", nil, {
    ["Content-Type"] = "text/plain;charset=UTF-8", ["Origin"] = "${origin}", ["Sec-Fetch-Site"] = "same-origin",
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
    ["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.floor(r / 62500) + 80, math.floor(r / 250) % 250, r % 250 + 1),
  }, body)
end
`;

type Round = { connections: number; beaconsPerSecond: number; p50Ms: number; p99Ms: number; cpuMsPerBeacon: number; statementsPerSecond: number; rowsPerSecond: number; errors: number };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

// The database's own counts: transactions committed, rows inserted or updated in audience_visits.
async function databaseWrites(client: pg.Client): Promise<{ commits: number; rows: number }> {
  const { rows } = await client.query<{ commits: string; rows: string }>(
    `SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()) AS commits,
       (SELECT n_tup_ins + n_tup_upd FROM pg_stat_user_tables WHERE relname = 'audience_visits') AS rows`,
  );
  return { commits: Number(rows[0]?.commits ?? 0), rows: Number(rows[0]?.rows ?? 0) };
}

/** The rounds; `build`: make the bench build first (the full run has made it already). */
export async function benchAudience({ build }: { build: boolean }): Promise<Round[]> {
  rmSync(path.resolve(magazineEnv.DATA_DIR), { recursive: true, force: true });
  await assertPortsFree([PORTS.magazine]);
  const database = await startEmbeddedPostgres(path.join(magazineEnv.DATA_DIR, 'postgres'));
  const env = { ...magazineEnv, DATABASE_URL: database.url, AUDIENCE_FLUSH_SECONDS: String(FLUSH_SECONDS) };
  const client = new pg.Client({ connectionString: database.url });
  try {
    if (build) run(bin('tsx'), ['scripts/serve.ts', 'build'], env);
    const magazine = startProcess(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', 'start', '-p', String(PORTS.magazine)], { env, log: path.join(OUT, 'logs', 'magazine.log') });
    await waitForHttp(`http://127.0.0.1:${PORTS.magazine}${PIECE}`);
    await client.connect();
    const url = `http://127.0.0.1:${PORTS.magazine}/api/views`;
    const script = luaScript('beacon', beaconLua(magazineEnv.SITE_URL));
    await wrk(url, { connections: 10, seconds: 3, script }); // warm-up, not reported
    const rounds: Round[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const connections of LOADS) {
        // The last batch of the previous run written, and the statistics reported (they lag up to 1 s).
        await new Promise((resolve) => setTimeout(resolve, (FLUSH_SECONDS + 1.5) * 1000));
        const before = { ticks: treeUsage(magazine.pid ?? 0).ticks, writes: await databaseWrites(client) };
        const result = await wrk(url, { connections, seconds: SECONDS, script });
        const ticks = treeUsage(magazine.pid ?? 0).ticks - before.ticks;
        await new Promise((resolve) => setTimeout(resolve, (FLUSH_SECONDS + 1.5) * 1000));
        const after = await databaseWrites(client);
        // The statements a second the beacons cost: commits over the run and the flush after it, less the bench's own two reads.
        const seconds = SECONDS + FLUSH_SECONDS + 1.5;
        rounds.push({
          connections,
          beaconsPerSecond: result.requestsPerSecond,
          p50Ms: result.p50Ms,
          p99Ms: result.p99Ms,
          cpuMsPerBeacon: ((ticks / CLOCK_TICKS) * 1000) / Math.max(1, result.requests),
          statementsPerSecond: Math.max(0, after.commits - before.writes.commits - 2) / seconds,
          rowsPerSecond: (after.rows - before.writes.rows) / SECONDS,
          errors: result.errors,
        });
        const last = rounds.at(-1) as Round;
        console.log(`tour ${round + 1}, ${connections} connexions : ${Math.round(last.beaconsPerSecond)} mesures/s, p99 ${last.p99Ms.toFixed(1)} ms, ${last.cpuMsPerBeacon.toFixed(3)} ms CPU/mesure, ${last.statementsPerSecond.toFixed(2)} instructions/s, ${Math.round(last.rowsPerSecond)} lignes/s`);
      }
    }
    return rounds;
  } finally {
    await client.end().catch(() => undefined);
    await stopAll();
    await database.stop();
  }
}

/** The beacon's script as the piece's prerendered page carries it: bytes, and gzip'd alone. */
export function beaconWeight(): { bytes: number; gzipBytes: number } {
  const html = readFileSync(path.join(magazineEnv.NEXT_DIST_DIR, 'server/app', `${PIECE}.html`), 'utf8');
  const script = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '').find((text) => text.includes('/api/views'));
  if (!script) throw new Error(`le script de l’audience manque dans ${PIECE}.html`);
  return { bytes: Buffer.byteLength(script), gzipBytes: gzipSync(script, { level: 9 }).length };
}

const number = (value: number, digits: number) => value.toLocaleString('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function audienceSection(rounds: Round[], weight: { bytes: number; gzipBytes: number }): string {
  const at = (connections: number, figure: keyof Omit<Round, 'connections'>) => median(rounds.filter((round) => round.connections === connections).map((round) => round[figure]));
  const spread = (connections: number, figure: keyof Omit<Round, 'connections'>, digits: number) => {
    const values = rounds.filter((round) => round.connections === connections).map((round) => round[figure]);
    return `${number(Math.min(...values), digits)}–${number(Math.max(...values), digits)}`;
  };
  const held = LOADS.filter((connections) => at(connections, 'p99Ms') < 50).map((connections) => at(connections, 'beaconsPerSecond'));
  const best = held.length > 0 ? Math.max(...held) : 0;
  const row = (connections: number) =>
    `| ${connections} | ${number(at(connections, 'beaconsPerSecond'), 0)} (${spread(connections, 'beaconsPerSecond', 0)}) | ${number(at(connections, 'p50Ms'), 1)} ms | ${number(at(connections, 'p99Ms'), 1)} ms (${spread(connections, 'p99Ms', 1)}) | ${number(at(connections, 'cpuMsPerBeacon'), 3)} ms (${spread(connections, 'cpuMsPerBeacon', 3)}) | ${number(at(connections, 'statementsPerSecond'), 2)} | ${number(at(connections, 'rowsPerSecond'), 0)} |`;
  return `## 12. Mesure d’audience (\`npm run bench:audience\`)

Build de production du magazine sur une base embarquée neuve, un \`next start\`
(\`AUDIENCE_FLUSH_SECONDS=${FLUSH_SECONDS}\`, \`TRUST_PROXY=1\`). \`POST /api/views\` de ${number(READERS, 0)}
lecteurs, chacun son adresse (\`X-Forwarded-For\`) — le pire cas : presque chaque mesure est un
nouveau visiteur, donc une ligne de plus —, référents tournant entre LinkedIn, Google et aucun ;
\`wrk -t1 -d${SECONDS}s\` à ${LOADS.join(' puis ')} connexions, ${ROUNDS} tours alternés (après 3 s de chauffe) ;
médiane des tours et, entre parenthèses, le plus bas et le plus haut. CPU (utime + stime, \`/proc\`)
du magazine par mesure ; écritures de la base d’après ses statistiques : transactions validées
(\`pg_stat_database\`, toutes, les autres tâches du magazine comprises) et lignes insérées ou mises à
jour dans \`audience_visits\` (\`pg_stat_user_tables\`), la dernière écriture du tour comprise.

| Connexions | Mesures/s | Latence p50 | Latence p99 | CPU par mesure | Transactions/s de la base | Lignes écrites/s |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${LOADS.map(row).join('\n')}

- Tenu avec une p99 sous 50 ms : ${number(best, 0)} mesures/s (objectif : 1 000 ${best >= 1000 ? '✓' : '✗'}).
- Une mesure n’est pas un INSERT : chaque instance additionne en mémoire et écrit toutes les ${FLUSH_SECONDS} s en une instruction (\`audience_record\`), d’où une transaction toutes les 5 s quel que soit le débit ; les lignes écrites sont les visiteurs × pages × sources distincts.
- Erreurs : ${rounds.reduce((total, round) => total + round.errors, 0)}.
- Le script de la mesure, en ligne dans chaque page : ${number(weight.bytes, 0)} octets, ${number(weight.gzipBytes, 0)} octets gzip seul (objectif : ≤ 1 Ko ${weight.gzipBytes <= 1024 ? '✓' : '✗'}) ; aucun fichier JavaScript de plus.`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureTools();
  benchAudience({ build: !process.argv.includes('--no-build') })
    .then((rounds) => writeBenchmarkSection(12, audienceSection(rounds, beaconWeight())))
    .catch(async (error: unknown) => {
      await stopAll();
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
