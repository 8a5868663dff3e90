// Parts 2 and 3 of the benchmarks, on the magazine already started by serve.ts:
// reading ratings and comments (queries counted by PostgreSQL's pg_stat_statements while wrk
// loads the page and the API; a page with 200 comments against the same page with none), and
// writing them (PUT rating and POST comment from 1,000 readers at 50 connections, against a
// raw `pg` loop of the same statement on the same database).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { alternate, benchRounds, failures, measuredWrk, OUT, ratios, showSpread, spreadOf, wrk, type MeasuredRun, type WrkResult } from './lib';

export const READERS = 1000;
const CONNECTIONS = 50;
const SECONDS = 10;
/** The app's own pool size (DB_POOL_MAX's default), given to the raw loop too. */
const POOL_MAX = 10;

export type ReadFigures = {
  queries: Array<{ name: string; requests: number; queries: number }>;
  comments: { none: WrkResult; many: WrkResult; shown: number; bytesNone: number; bytesMany: number };
};
/** `bare`: the bare Next app's handler doing only the same SQL, Next's own ceiling for a write. One result a round each. */
export type WriteRow = { name: string; app: MeasuredRun[]; bare: MeasuredRun[]; raw: RawResult[] };
export type RawResult = { requestsPerSecond: number; p50Ms: number; p99Ms: number; errors: number; requests: number };

type Target = { baseUrl: string; databaseUrl: string; origin: string };

async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Statements the app sent about ratings, comments and rate limits since the last reset. */
async function readerQueries(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ calls: string | null }>(
    `SELECT sum(calls) AS calls FROM pg_stat_statements
     WHERE query ~* '(ratings|comments|rate_limits|sessions|users)' AND query !~* 'pg_stat_statements'`,
  );
  return Number(rows[0]?.calls ?? 0);
}

export function luaScript(name: string, body: string): string {
  const dir = path.join(OUT, 'lua');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.lua`);
  writeFileSync(file, body);
  return file;
}

// Reader i (of READERS) has its own cookie id (22 characters, like the app's) and its own
// address, passed as X-Forwarded-For (the bench runs the app with TRUST_PROXY=1, as behind nginx).
const readerLua = `
local n = 0
local function reader(i)
  local r = i % ${READERS}
  return string.format("bench%017d", r), string.format("10.77.%d.%d", math.floor(r / 250), r % 250 + 1)
end
`;

/** A wrk script sending `method` with the Lua expression `body`, each request as the next reader. */
function writerLua(name: string, method: string, origin: string, body: string): string {
  return luaScript(name, `${readerLua}
request = function()
  n = n + 1
  local id, address = reader(n)
  return wrk.format("${method}", nil, {
    ["Content-Type"] = "application/json", ["Origin"] = "${origin}",
    ["Cookie"] = "pdr_reader=" .. id, ["X-Forwarded-For"] = address,
  }, ${body})
end
`);
}

// Each time reader i comes back (every READERS requests), they give other stars: every write
// after the first round changes a rating, and so the piece's figures.
const ratingLua = (origin: string) => writerLua('rating', 'PUT', origin, `'{"value":' .. (math.floor(n / ${READERS}) % 5 + 1) .. '}'`);
export const commentLua = (origin: string) =>
  writerLua('comment', 'POST', origin, `'{"author":"Lectrice ' .. (n % ${READERS}) .. '","body":"Commentaire de mesure n° ' .. n .. ' : merci pour ces conseils concrets."}'`);

/** The same statement as the app's, from 50 callers sharing a pool of the app's size, for 10 s. */
async function rawLoop(databaseUrl: string, statement: string, values: (n: number) => unknown[]): Promise<RawResult> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: POOL_MAX });
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  try {
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < deadline) {
          const n = (next += 1);
          const sent = performance.now();
          try {
            await pool.query(statement, values(n));
            latencies.push(performance.now() - sent);
          } catch {
            errors += 1;
          }
        }
      }),
    );
  } finally {
    await pool.end();
  }
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (share: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * share))] ?? 0;
  return { requestsPerSecond: latencies.length / elapsed, p50Ms: at(0.5), p99Ms: at(0.99), errors, requests: latencies.length + errors };
}

async function pieceKeyOf(client: pg.Client, table: 'ratings' | 'comments'): Promise<string> {
  const { rows } = await client.query<{ piece_key: string }>(`SELECT piece_key FROM ${table} ORDER BY created_at DESC LIMIT 1`);
  const key = rows[0]?.piece_key;
  if (!key) throw new Error(`aucune ligne dans ${table} après la charge : les écritures ont-elles toutes échoué ?`);
  return key;
}

/** The processes whose CPU a write costs: the magazine's server and the bare app's. */
export type WriteServers = { app: number; bare: number };

/**
 * PUT rating and POST comment through the app, through the bare Next handler and from a raw pg
 * loop, `rounds` times in turn; the CPU per write of each Next server counted from /proc.
 */
export async function benchWrites({ baseUrl, databaseUrl, origin }: Target, piece: string, bareBaseUrl: string, servers: WriteServers, rounds = benchRounds()): Promise<WriteRow[]> {
  const api = `${baseUrl}/api/pieces${piece}`;
  const load = { connections: CONNECTIONS, seconds: SECONDS };
  const http = [
    { url: `${api}/rating`, script: ratingLua(origin), server: servers.app },
    { url: `${api}/comments`, script: commentLua(origin), server: servers.app },
    { url: `${bareBaseUrl}/api/rating`, script: ratingLua(origin), server: servers.bare },
    { url: `${bareBaseUrl}/api/comments`, script: commentLua(origin), server: servers.bare },
  ];
  // Each server warmed up on each write first (not reported), as the pages of part 1 are: the
  // first seconds of a fresh process (compiling, filling its pool) are not a write's cost.
  for (const { url, script } of http) await wrk(url, { connections: CONNECTIONS, seconds: 2, script });
  const [ratingKey, commentKey] = await withClient(databaseUrl, async (client) => [await pieceKeyOf(client, 'ratings'), await pieceKeyOf(client, 'comments')]);
  const raw = [
    {
      statement: `INSERT INTO ratings (piece_key, reader_key, user_id, value) VALUES ($1, $2, NULL, $3)
       ON CONFLICT (piece_key, reader_key) DO UPDATE SET value = EXCLUDED.value, user_id = EXCLUDED.user_id, updated_at = CURRENT_TIMESTAMP`,
      values: (n: number) => [ratingKey, `r:brut-${n % READERS}`, (Math.floor(n / READERS) % 5) + 1],
    },
    {
      statement: `INSERT INTO comments (piece_key, author_name, body, status, reader_key, address_key) VALUES ($1, $2, $3, 'published', $4, $5)`,
      values: (n: number) => [commentKey, `Lectrice ${n % READERS}`, `Commentaire de mesure n° ${n} : merci pour ces conseils concrets.`, `r:brut-${n % READERS}`, `a:brut-${n % READERS}`],
    },
  ];
  type Measure = { name: string; run: () => Promise<MeasuredRun | RawResult> };
  const measures: Measure[] = [
    ...http.map(({ url, script, server }) => ({ name: url, run: () => measuredWrk(url, [server], { ...load, script }) })),
    ...raw.map(({ statement, values }, index) => ({ name: `boucle pg brute ${index + 1}`, run: () => rawLoop(databaseUrl, statement, values) })),
  ];
  const results = await alternate(measures, rounds, (measure) => measure.run());
  const [rating, comment, bareRating, bareComment] = results.slice(0, 4) as MeasuredRun[][];
  const [rawRating, rawComment] = results.slice(4) as RawResult[][];
  return [
    { name: 'PUT …/rating', app: rating ?? [], bare: bareRating ?? [], raw: rawRating ?? [] },
    { name: 'POST …/comments', app: comment ?? [], bare: bareComment ?? [], raw: rawComment ?? [] },
  ];
}

/** `result`: the median of `runs` (each run's req/s, in order). */
export type RatingCost = { existing: number; piece: string; result: WrkResult; runs: number[] };

/** Rounds of the rating-cost measure: the three pieces in turn, each round, so that a drift of the machine over the minute touches all three alike. */
const COST_ROUNDS = 3;
const COST_SECONDS = 5;

/**
 * The cost of a rating as a piece grows: the same PUT load on three pieces holding 0, 10,000 and
 * 100,000 ratings beforehand (written straight into the database; the figures kept by the
 * triggers count them). Each piece is loaded COST_ROUNDS times, in turn; its median run is kept.
 */
export async function benchRatingCost({ baseUrl, databaseUrl, origin }: Target, pieces: [string, string, string]): Promise<RatingCost[]> {
  const sizes = [0, 10_000, 100_000];
  await withClient(databaseUrl, async (client) => {
    for (const [index, existing] of sizes.entries()) {
      await client.query(
        `INSERT INTO ratings (piece_key, reader_key, value) SELECT $1, 'r:existant-' || g, 1 + g % 5 FROM generate_series(1, $2::int) g`,
        [(pieces[index] ?? '').slice(1), existing],
      );
    }
    await client.query('VACUUM ANALYZE ratings');
  });
  const url = (piece: string) => `${baseUrl}/api/pieces${piece}/rating`;
  for (const piece of pieces) await wrk(url(piece), { connections: CONNECTIONS, seconds: 2, script: ratingLua(origin) }); // warm-up
  const runs: WrkResult[][] = pieces.map(() => []);
  for (let round = 0; round < COST_ROUNDS; round++) {
    for (const [index, piece] of pieces.entries()) runs[index]?.push(await wrk(url(piece), { connections: CONNECTIONS, seconds: COST_SECONDS, script: ratingLua(origin) }));
  }
  return sizes.map((existing, index) => {
    const sorted = [...(runs[index] ?? [])].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
    const runsPerSecond = (runs[index] ?? []).map((run) => Math.round(run.requestsPerSecond));
    return { existing, piece: pieces[index] ?? '', result: sorted[Math.floor(sorted.length / 2)] as WrkResult, runs: runsPerSecond };
  });
}

async function waitForText(url: string, text: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const html = await (await fetch(url)).text();
    if (html.includes(text)) return html;
    if (Date.now() > deadline) throw new Error(`${url} ne montre pas « ${text} » après ${timeoutMs / 1000} s.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The same page with no comment, then with 200 (199 written straight into the database, the
 * 200th through the API, which revalidates the page); the queries PostgreSQL received while wrk
 * loaded the page, the rating API and the comments API in steady state.
 */
export async function benchReads({ baseUrl, databaseUrl, origin }: Target, piece: string): Promise<ReadFigures> {
  const url = `${baseUrl}${piece}`;
  const api = `${baseUrl}/api/pieces${piece}`;
  return withClient(databaseUrl, async (client) => {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    const bytesNone = Buffer.byteLength(await waitForText(url, 'Aucun commentaire pour l’instant'));
    await wrk(url, { seconds: 2 });
    const none = await wrk(url);

    const first = await fetch(`${api}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, cookie: 'pdr_reader=benchlectrice0000000001' },
      body: JSON.stringify({ author: 'Lectrice 0', body: 'Premier commentaire : la page doit en montrer 200.' }),
    });
    if (first.status !== 201) throw new Error(`commentaire refusé (${first.status}) : ${await first.text()}`);
    await client.query(
      `INSERT INTO comments (piece_key, author_name, body, status, reader_key, address_key, created_at)
       SELECT piece_key, 'Lectrice ' || n, 'Commentaire n° ' || n || E' : une réponse argumentée,\\nsur deux lignes, comme en écrivent les lecteurs.', 'published', reader_key, address_key, created_at - n * interval '1 minute'
       FROM (SELECT * FROM comments ORDER BY created_at DESC LIMIT 1) AS first, generate_series(1, 199) AS n`,
    );
    // A rating revalidates the page: it is rebuilt with the 200 comments.
    const revalidate = await fetch(`${api}/rating`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', origin, cookie: 'pdr_reader=benchlectrice0000000001' },
      body: '{"value":4}',
    });
    if (!revalidate.ok) throw new Error(`note refusée (${revalidate.status}) : ${await revalidate.text()}`);
    const manyHtml = await waitForText(url, '200 commentaires');
    // Each comment's text is in the page more than once (HTML, React's payload, JSON-LD).
    const shown = new Set(manyHtml.match(/Commentaire n° \d+/g)).size;
    for (const path of [url, `${api}/rating`, `${api}/comments`]) await wrk(path, { seconds: 2 });

    await client.query('SELECT pg_stat_statements_reset()');
    const many = await wrk(url);
    const pageQueries = await readerQueries(client);
    await client.query('SELECT pg_stat_statements_reset()');
    const ratingApi = await wrk(`${api}/rating`, { seconds: 5 });
    const ratingQueries = await readerQueries(client);
    await client.query('SELECT pg_stat_statements_reset()');
    const commentsApi = await wrk(`${api}/comments`, { seconds: 5 });
    const commentsQueries = await readerQueries(client);
    return {
      queries: [
        { name: 'page du contenu (200 commentaires)', requests: many.requests, queries: pageQueries },
        { name: 'GET …/rating', requests: ratingApi.requests, queries: ratingQueries },
        { name: 'GET …/comments', requests: commentsApi.requests, queries: commentsQueries },
      ],
      comments: { none, many, shown, bytesNone, bytesMany: Buffer.byteLength(manyHtml) },
    };
  });
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

export function readsTable({ queries, comments }: ReadFigures, piece = ''): string {
  const ratio = comments.many.requestsPerSecond / comments.none.requestsPerSecond;
  return [
    '| En régime établi, sous charge wrk | requêtes HTTP | requêtes SQL reçues par PostgreSQL |',
    '| --- | ---: | ---: |',
    ...queries.map((row) => `| ${row.name} | ${row.requests} | ${row.queries} |`),
    '',
    `| Page ${piece} | HTML | req/s | p50 | p99 | erreurs |`,
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    `| sans commentaire | ${(comments.bytesNone / 1000).toFixed(1)} ko | ${comments.none.requestsPerSecond.toFixed(0)} | ${ms(comments.none.p50Ms)} | ${ms(comments.none.p99Ms)} | ${comments.none.errors} |`,
    `| 200 commentaires (${comments.shown} affichés, la suite par « Voir plus de commentaires ») | ${(comments.bytesMany / 1000).toFixed(1)} ko | ${comments.many.requestsPerSecond.toFixed(0)} | ${ms(comments.many.p50Ms)} | ${ms(comments.many.p99Ms)} | ${comments.many.errors} |`,
    '',
    `Avec 200 commentaires : ${(ratio * 100).toFixed(1)} % du débit de la même page sans commentaire (objectif : au moins 80 %${ratio >= 0.8 ? ' ✓' : ' ✗'}).`,
  ].join('\n');
}

export function writesTable(rows: WriteRow[], cost: RatingCost[] = []): string {
  const mark = (met: boolean) => (met ? ' ✓' : ' ✗');
  const first = cost[0]?.result.requestsPerSecond ?? 1;
  const costLines = cost.length === 0 ? [] : [
    '',
    `Coût d’une note selon ce que le contenu en a déjà (même charge, ${CONNECTIONS} connexions ; ${COST_ROUNDS} passages de ${COST_SECONDS} s par contenu, à tour de rôle, le passage médian) :`,
    '',
    '| Notes déjà données au contenu | req/s (passage médian) | p50 | p99 | écart à 0 note (objectif : 10 % au plus) | chaque passage, req/s |',
    '| ---: | ---: | ---: | ---: | ---: | --- |',
    ...cost.map(({ existing, result, runs }) => {
      const gap = (result.requestsPerSecond - first) / first;
      return `| ${existing.toLocaleString('fr-FR')} | ${result.requestsPerSecond.toFixed(0)} | ${ms(result.p50Ms)} | ${ms(result.p99Ms)} | ${(gap * 100).toFixed(1)} %${mark(Math.abs(gap) <= 0.1)} | ${runs.join(', ')} |`;
    }),
  ];
  const rate = (run: { requestsPerSecond: number }) => run.requestsPerSecond;
  const p99 = (run: { p99Ms: number }) => run.p99Ms;
  const cpu = (run: MeasuredRun) => run.cpuMsPerRequest;
  const share = (a: Array<{ requestsPerSecond: number }>, b: Array<{ requestsPerSecond: number }>) => ratios(a, b, rate, rate, 100);
  const rounds = rows[0]?.app.length ?? 0;
  return [
    `${rounds} passage(s) de ${SECONDS} s par écriture et par serveur, à tour de rôle ; chaque chiffre est la médiane des passages, (min–max) entre parenthèses ; le CPU est celui du processus Next qui répond.`,
    '',
    `| Écriture (${READERS.toLocaleString('fr-FR')} lecteurs, ${CONNECTIONS} connexions) | req/s | p99 (objectif < 100 ms) | CPU par écriture | refus (non 2xx) / erreurs de socket | boucle \`pg\` brute : req/s | rapport à la boucle (objectif ≥ 50 %) | Next nu, même SQL seul : req/s | Next nu : CPU par écriture | magazine / Next nu (objectif ≥ 60 %) |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(({ name, app, bare, raw }) => {
      const toRaw = share(app, raw);
      const toBare = share(app, bare);
      const p99App = spreadOf(app, p99);
      return (
        `| ${name} | ${showSpread(spreadOf(app, rate))} | ${showSpread(p99App, 1, ' ms')}${mark(p99App.median < 100)} | ${showSpread(spreadOf(app, cpu), 3, ' ms')} | ${failures(app)} | ` +
        `${showSpread(spreadOf(raw, rate))} | ${showSpread(toRaw, 1, ' %')}${mark(toRaw.median >= 50)} | ${showSpread(spreadOf(bare, rate))} | ${showSpread(spreadOf(bare, cpu), 3, ' ms')} | ` +
        `${showSpread(toBare, 1, ' %')}${mark(toBare.median >= 60)} |`
      );
    }),
    ...costLines,
  ].join('\n');
}

/** Part 3 of BENCHMARKS.md, its method and its table. */
export function writesSection(table: string): string {
  return `## 3. Écrire (\`npm run bench:writes\`, aussi mesuré par \`npm run bench:serve\`)

\`wrk\` avec un script Lua (\`bench/out/lua/\`) : ${READERS.toLocaleString('fr-FR')} lecteurs distincts (un cookie et une
adresse chacun, transmise par \`X-Forwarded-For\` comme derrière le proxy : l’application tourne
ici avec \`TRUST_PROXY=1\`), qui reviennent chacun avec une autre note à chaque tour (toute
écriture après le premier tour change une note, donc les chiffres du contenu), ${CONNECTIONS} connexions,
${SECONDS} s, après 2 s de chauffe pour chaque serveur et chaque écriture ; la validation, l’origine, les
limites de débit, les bannissements et l’invalidation de la page sont sur le chemin de chaque
requête. Une note est une instruction SQL (\`rate_piece\` : limites, écriture, chiffres rendus),
un commentaire aussi (\`post_comment\`). En regard, dans la même exécution et sur la même base
(déclencheurs des chiffres compris) : l’instruction d’écriture seule (\`INSERT … ON CONFLICT\` pour
une note, \`INSERT\` pour un commentaire), envoyée par une route Next nue (\`bench/bare\`) et par
une boucle du client \`pg\` (${CONNECTIONS} appelants sur un pool de ${POOL_MAX} connexions, la taille de celui de
l’application).

${table}`;
}
