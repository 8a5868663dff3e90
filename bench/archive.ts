// `npm run bench:archive`: part 8 of the benchmarks. `npm run db:export` and `db:import` of a
// database of 10,000 ratings and 2,000 comments, then of 1,000,000 ratings and 200,000 comments,
// on the machine's PostgreSQL (127.0.0.1:5432): duration, archive size, and the peak RSS of the
// command's process (GNU time), so that "flat from 10,000 to 1,000,000 rows" is a figure.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { migrate } from '../lib/db/migrations';
import { ensureTools, OUT, writeBenchmarkSection } from './lib';

const SERVER = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const SIZES = [
  { ratings: 10_000, comments: 2_000 },
  { ratings: 1_000_000, comments: 200_000 },
];

export type ArchiveRun = { ratings: number; comments: number; exportSeconds: number; exportRssMb: number; importSeconds: number; importRssMb: number; archiveMb: number };

async function sql(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function databaseUrl(name: string): string {
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return url.href;
}

/** Runs `db-archive.ts <args>` under GNU time: wall seconds and peak RSS of its process. */
function timed(args: string[], url: string): { seconds: number; rssMb: number } {
  const report = path.join(OUT, 'archive', `time-${randomInt(1e9)}.txt`);
  const run = spawnSync('/usr/bin/time', ['-v', '-o', report, process.execPath, '--import', 'tsx', 'scripts/db-archive.ts', ...args], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`db-archive ${args.join(' ')} a échoué : ${run.stderr}`);
  const text = readFileSync(report, 'utf8');
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(text);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
  if (!wall || !rss) throw new Error(`sortie de GNU time illisible : ${text}`);
  return { seconds: Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]), rssMb: Number(rss[1]) / 1024 };
}

export async function benchArchive(): Promise<ArchiveRun[]> {
  mkdirSync(path.join(OUT, 'archive'), { recursive: true });
  const runs: ArchiveRun[] = [];
  for (const size of SIZES) {
    const source = `pdr_bench_export_${randomInt(1e9)}`;
    const target = `pdr_bench_import_${randomInt(1e9)}`;
    await sql(SERVER, `CREATE DATABASE ${source}`);
    await sql(SERVER, `CREATE DATABASE ${target}`);
    try {
      await migrate(databaseUrl(source), undefined, () => undefined);
      await sql(databaseUrl(source), `INSERT INTO ratings (piece_key, reader_key, value) SELECT 'articles/contenu-' || (g % 500), 'lecteur-' || g, 1 + g % 5 FROM generate_series(1, ${size.ratings}) g`);
      await sql(
        databaseUrl(source),
        `INSERT INTO comments (piece_key, author_name, body, status, reader_key, address_key)
         SELECT 'articles/contenu-' || (g % 500), 'Lecteur ' || g, 'Un commentaire de lecteur, numéro ' || g || ', de la longueur d’un avis ordinaire sous un article.', 'published', 'lecteur-' || g, 'adresse-' || (g % 997)
         FROM generate_series(1, ${size.comments}) g`,
      );
      const file = path.join(OUT, 'archive', `lecteurs-${size.ratings}.tar.gz`);
      console.log(`▶ Archive : ${size.ratings.toLocaleString('fr-FR')} notes et ${size.comments.toLocaleString('fr-FR')} commentaires`);
      const exported = timed(['export', file], databaseUrl(source));
      const imported = timed(['import', file], databaseUrl(target));
      runs.push({
        ...size,
        exportSeconds: exported.seconds,
        exportRssMb: exported.rssMb,
        importSeconds: imported.seconds,
        importRssMb: imported.rssMb,
        archiveMb: statSync(file).size / 1e6,
      });
      rmSync(file, { force: true });
    } finally {
      await sql(SERVER, `DROP DATABASE IF EXISTS ${source} WITH (FORCE)`);
      await sql(SERVER, `DROP DATABASE IF EXISTS ${target} WITH (FORCE)`);
    }
  }
  return runs;
}

export function archiveTable(runs: ArchiveRun[]): string {
  const number = (value: number, digits = 1) => value.toLocaleString('fr-FR', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return [
    '| Notes + commentaires | archive | export | RSS export | import | RSS import |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    ...runs.map(
      (run) =>
        `| ${run.ratings.toLocaleString('fr-FR')} + ${run.comments.toLocaleString('fr-FR')} | ${number(run.archiveMb)} Mo | ${number(run.exportSeconds)} s | ${number(run.exportRssMb, 0)} Mo | ${number(run.importSeconds)} s | ${number(run.importRssMb, 0)} Mo |`,
    ),
    '',
    'Objectifs : moins de 60 s dans chaque sens et moins de 200 Mo, à peu près constants de la petite à la grande base.',
  ].join('\n');
}

export function archiveSection(table: string): string {
  return `## 8. Exporter et importer les données des lecteurs (\`npm run bench:archive\`)

\`npm run db:export\` puis \`npm run db:import\` (dans une base vide, migrée par l’import) sur le
PostgreSQL de la machine, chacun sous \`/usr/bin/time -v\` : durée murale, taille de l’archive et
pic de mémoire résidente du processus de la commande. Les lignes sont écrites par
\`generate_series\` ; les commentaires ont la longueur d’un avis ordinaire.

${table}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureTools();
  benchArchive()
    .then((runs) => {
      writeBenchmarkSection(8, archiveSection(archiveTable(runs)));
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
