// `npm run bench:words`: part 11 of BENCHMARKS.md. What the word lists cost a comment's write:
// POST …/comments through the magazine with both lists empty, then with 1,000 terms in
// « refusés » (900 words and 100 phrases, none in the comments written), in alternating rounds;
// CPU of the magazine and of PostgreSQL per request (from /proc), and the statement alone.
// `-- --no-build` reuses the magazine's last bench build (bench/out/next).
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../lib/db/embedded-postgres';
import { commentLua } from './api';
import { assertPortsFree, bin, CLOCK_TICKS, ensureTools, OUT, run, startProcess, stopAll, treeUsage, waitForHttp, wrk, writeBenchmarkSection } from './lib';
import { magazineEnv, PIECE, PORTS } from './serve';

const ROUNDS = 5;
const SECONDS = 8;
const CONNECTIONS = 20;
const STATEMENTS = 2000;
const TERMS = 1000;

// Made-up words of three syllables: nothing a comment of the load holds.
const SYLLABLES = ['ba', 'cor', 'dri', 'fel', 'gan', 'hop', 'jil', 'kur', 'lom', 'mip', 'nor', 'pul', 'quis', 'rav', 'sol', 'tur', 'vex', 'zan'];
function madeUpWord(index: number): string {
  const at = (shift: number) => SYLLABLES[Math.floor(index / SYLLABLES.length ** shift) % SYLLABLES.length];
  return `${at(2)}${at(1)}${at(0)}`;
}
const LIST = Array.from({ length: TERMS }, (_, i) => (i < 900 ? madeUpWord(i) : `${madeUpWord(i)} ${madeUpWord(i + 1000)}`));

type Round = { lists: 'none' | 'terms'; requestsPerSecond: number; p50Ms: number; cpuMsPerRequest: number; statementMs: number; errors: number };

async function setLists(client: pg.Client, terms: string[]): Promise<void> {
  await client.query('SELECT * FROM word_lists_set($1::TEXT[], $2::TEXT[], NULL)', [terms, []]);
}

// post_comment alone, one call after the other on one connection: what the lists add to the statement.
async function statementMs(client: pg.Client, pieceKey: string, round: number): Promise<number> {
  const started = performance.now();
  for (let n = 0; n < STATEMENTS; n++) {
    await client.query(
      `SELECT * FROM post_comment($1, NULL, $2, NULL, false, NULL, $3, $4, $5, NULL, 'published', 'published', false, '{}', '{}', NULL, NULL, NULL, true)`,
      [pieceKey, `Lectrice ${n}`, `Commentaire de mesure n° ${n} : merci pour ces conseils concrets.`, `r:mots-${round}-${n}`, `a:mots-${n}`],
    );
  }
  return (performance.now() - started) / STATEMENTS;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** The rounds; `build`: make the bench build first (the full run has made it already). */
export async function benchWords({ build }: { build: boolean }): Promise<Round[]> {
  rmSync(path.resolve(magazineEnv.DATA_DIR), { recursive: true, force: true });
  await assertPortsFree([PORTS.magazine]);
  const database = await startEmbeddedPostgres(path.join(magazineEnv.DATA_DIR, 'postgres'));
  const postmaster = Number(readFileSync(path.join(magazineEnv.DATA_DIR, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const env = { ...magazineEnv, DATABASE_URL: database.url, RATE_COMMENTS_PER_MINUTE_READER: '1000', RATE_COMMENTS_PER_MINUTE_ADDRESS: '1000' };
  const client = new pg.Client({ connectionString: database.url });
  try {
    if (build) run(bin('tsx'), ['scripts/serve.ts', 'build'], env);
    const magazine = startProcess(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', 'start', '-p', String(PORTS.magazine)], { env, log: path.join(OUT, 'logs', 'magazine.log') });
    await waitForHttp(`http://127.0.0.1:${PORTS.magazine}${PIECE}`);
    await client.connect();
    const url = `http://127.0.0.1:${PORTS.magazine}/api/pieces${PIECE}/comments`;
    const script = commentLua(magazineEnv.SITE_URL);
    await wrk(url, { connections: CONNECTIONS, seconds: 3, script }); // warm-up, not reported
    const rounds: Round[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const lists of ['none', 'terms'] as const) {
        await setLists(client, lists === 'none' ? [] : LIST);
        const before = treeUsage(magazine.pid ?? 0).ticks + treeUsage(postmaster).ticks;
        const result = await wrk(url, { connections: CONNECTIONS, seconds: SECONDS, script });
        const ticks = treeUsage(magazine.pid ?? 0).ticks + treeUsage(postmaster).ticks - before;
        rounds.push({
          lists,
          requestsPerSecond: result.requestsPerSecond,
          p50Ms: result.p50Ms,
          cpuMsPerRequest: ((ticks / CLOCK_TICKS) * 1000) / Math.max(1, result.requests),
          statementMs: await statementMs(client, PIECE.slice(1), round),
          errors: result.errors,
        });
        console.log(`tour ${round + 1}, ${lists === 'none' ? 'listes vides' : `${TERMS} termes`} : ${Math.round(result.requestsPerSecond)} req/s, ${rounds.at(-1)?.cpuMsPerRequest.toFixed(2)} ms CPU/req, ${rounds.at(-1)?.statementMs.toFixed(3)} ms/instruction`);
      }
    }
    return rounds;
  } finally {
    await client.end().catch(() => undefined);
    await stopAll();
    await database.stop();
  }
}

const number = (value: number, digits: number) => value.toLocaleString('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function wordsSection(rounds: Round[]): string {
  const of = (lists: Round['lists'], figure: keyof Omit<Round, 'lists'>) => median(rounds.filter((round) => round.lists === lists).map((round) => round[figure]));
  const change = (figure: 'cpuMsPerRequest' | 'statementMs' | 'p50Ms') => ((of('terms', figure) / of('none', figure) - 1) * 100);
  const slower = change('cpuMsPerRequest');
  const row = (label: string, lists: Round['lists']) =>
    `| ${label} | ${number(of(lists, 'requestsPerSecond'), 0)} | ${number(of(lists, 'p50Ms'), 1)} ms | ${number(of(lists, 'cpuMsPerRequest'), 2)} ms | ${number(of(lists, 'statementMs'), 3)} ms |`;
  const runs = (lists: Round['lists']) => rounds.filter((round) => round.lists === lists).map((round) => number(round.cpuMsPerRequest, 2)).join(' ; ');
  return `## 11. Listes de mots (\`npm run bench:words\`)

Build de production du magazine sur une base embarquée neuve, un \`next start\` (modération a
posteriori, limites par lecteur relevées). \`POST /api/pieces${PIECE}/comments\` de 1 000 lecteurs
(\`wrk -t1 -c${CONNECTIONS} -d${SECONDS}s\`, après 3 s de chauffe), listes de mots vides puis
« refusés » de ${number(TERMS, 0)} termes (900 mots, 100 expressions de deux mots ; aucun dans les
commentaires écrits, qui sont donc tous publiés), ${ROUNDS} tours alternés ; médiane des tours. CPU
(utime + stime, \`/proc\`) du magazine et du serveur PostgreSQL par requête ; puis \`post_comment\`
seule, ${number(STATEMENTS, 0)} appels l’un après l’autre sur une connexion.

| Listes | Requêtes/s | Latence p50 | CPU par requête | \`post_comment\` seule |
| --- | ---: | ---: | ---: | ---: |
${row('vides', 'none')}
${row(`${number(TERMS, 0)} termes`, 'terms')}

- CPU par requête, tours : vides ${runs('none')} ; ${number(TERMS, 0)} termes ${runs('terms')}.
- Écart de CPU par requête : ${slower >= 0 ? '+' : ''}${number(slower, 1)} % (objectif : au plus +10 % ${slower <= 10 ? '✓' : '✗'}) ; instruction seule : ${change('statementMs') >= 0 ? '+' : ''}${number(change('statementMs'), 1)} %.
- Erreurs : ${rounds.reduce((total, round) => total + round.errors, 0)}.`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureTools();
  benchWords({ build: !process.argv.includes('--no-build') })
    .then((rounds) => writeBenchmarkSection(11, wordsSection(rounds)))
    .catch(async (error: unknown) => {
      await stopAll();
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
