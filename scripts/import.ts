// `npm run import -- wordpress <export.xml> [--uploads <wp-content/uploads>] [--section articles|interviews] [--dry-run] [--strict]`
// `npm run import -- disqus <export.xml> [--dry-run] [--strict]`
// A magazine moved in (lib/import/): WordPress's posts as MDX pieces in CONTENT_DIR (or --content),
// their images under public/ (or --public), their old addresses in content/redirects.json, and
// their comments, or a Disqus export's, in the database (DATABASE_URL, else the embedded one).
// Progress on stderr, the report on stdout; exit 1 when nothing could be imported, or with
// --strict as soon as there is one problem (then nothing at all is written).
import { existsSync, statSync } from 'node:fs';
import pg from 'pg';
import { env } from '../lib/env';
import { importDisqus, NotDisqusError } from '../lib/import/disqus-import';
import type { ImportReport } from '../lib/import/report';
import { NotWordpressError } from '../lib/import/wordpress';
import { importWordpress, type Section } from '../lib/import/wordpress-import';
import { migrate } from '../lib/db/migrations';
import { commandDatabase, embeddedSecret } from './command-database';

const USAGE = [
  'Usage : npm run import -- wordpress export.xml [--uploads wp-content/uploads] [--section articles|interviews] [--dry-run] [--strict]',
  '        npm run import -- disqus export.xml [--dry-run] [--strict]',
  'Autres options : --content <dossier> (défaut : CONTENT_DIR ou content), --public <dossier> (défaut : public), --images <dossier sous public/> (défaut : images/importees).',
].join('\n');

class UsageError extends Error {}

type Arguments = { kind: 'wordpress' | 'disqus'; file: string; uploads: string | null; section: Section | null; dryRun: boolean; strict: boolean; contentDir: string; publicDir: string; imagesDir: string };

function parse(argv: string[]): Arguments {
  const [kind, file, ...rest] = argv;
  if (kind !== 'wordpress' && kind !== 'disqus') throw new UsageError(kind ? `« ${kind} » n’est pas un format d’import : wordpress ou disqus.` : 'Indiquez le format : wordpress ou disqus.');
  if (!file || file.startsWith('--')) throw new UsageError('Indiquez le fichier d’export à importer.');
  const parsed: Arguments = { kind, file, uploads: null, section: null, dryRun: false, strict: false, contentDir: env.CONTENT_DIR, publicDir: 'public', imagesDir: 'images/importees' };
  const value = (flag: string, index: number) => {
    const next = rest[index + 1];
    if (next === undefined || next.startsWith('--')) throw new UsageError(`L’option ${flag} attend une valeur.`);
    return next;
  };
  for (let index = 0; index < rest.length; index++) {
    const flag = rest[index] as string;
    if (flag === '--dry-run') parsed.dryRun = true;
    else if (flag === '--strict') parsed.strict = true;
    else if (flag === '--uploads' && kind === 'wordpress') parsed.uploads = value(flag, index++);
    else if (flag === '--section' && kind === 'wordpress') {
      const section = value(flag, index++);
      if (section !== 'articles' && section !== 'interviews') throw new UsageError(`--section vaut « ${section} » : articles ou interviews.`);
      parsed.section = section;
    } else if (flag === '--content') parsed.contentDir = value(flag, index++);
    else if (flag === '--public') parsed.publicDir = value(flag, index++);
    else if (flag === '--images') {
      const images = value(flag, index++).replace(/^\/+|\/+$/g, '');
      if (!/^[a-z0-9_-]+(\/[a-z0-9_-]+)*$/i.test(images)) throw new UsageError(`--images vaut « ${images} » : un dossier sous public/, par exemple images/importees.`);
      parsed.imagesDir = images;
    } else throw new UsageError(`Option inconnue : ${flag}.`);
  }
  if (!existsSync(parsed.file) || !statSync(parsed.file).isFile()) throw new UsageError(`Le fichier ${parsed.file} n’existe pas.`);
  if (parsed.uploads && (!existsSync(parsed.uploads) || !statSync(parsed.uploads).isDirectory())) throw new UsageError(`Le dossier --uploads ${parsed.uploads} n’existe pas.`);
  if (!existsSync(parsed.contentDir)) throw new UsageError(`Le dossier du contenu ${parsed.contentDir} n’existe pas.`);
  return parsed;
}

/** The key of the magazine's keyed hashes: AUTH_SECRET, or the embedded set-up's own (DATA_DIR/secret). */
function secret(embedded: boolean): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (!embedded) throw new Error('AUTH_SECRET manque : donnez celle des instances du magazine (les commentaires importés en portent les empreintes).');
  return embeddedSecret((file) => console.error(`[import] clé secrète générée dans ${file}`));
}

async function run(args: Arguments, database: { pool: pg.Pool; secret: string }, dryRun: boolean): Promise<{ report: ImportReport; summary: string[] }> {
  const progress = (line: string) => console.error(`[import] ${line}`);
  return args.kind === 'wordpress'
    ? importWordpress({ ...args, dryRun, database, progress })
    : importDisqus({ file: args.file, contentDir: args.contentDir, dryRun, database, progress });
}

async function main(): Promise<number> {
  const args = parse(process.argv.slice(2));
  const commandDb = await commandDatabase();
  // The comments need the schema of this version (source_id): migrated as the build would.
  await migrate(commandDb.url, undefined, (line) => console.error(`[import] ${line}`));
  const pool = new pg.Pool({ connectionString: commandDb.url, max: 2 });
  try {
    const database = { pool, secret: secret(commandDb.embedded) };
    if (args.strict && !args.dryRun) {
      // --strict: the whole import simulated first; a single problem and nothing is written.
      const trial = await run(args, database, true);
      if (trial.report.problems.length > 0) {
        console.log(trial.report.lines([`Rien n’a été importé (--strict) : ${trial.report.problems.length} problème(s). Corrigez-les, ou relancez sans --strict pour importer le reste.`]).join('\n'));
        return 1;
      }
    }
    const { report, summary } = await run(args, database, args.dryRun);
    console.log(report.lines(summary).join('\n'));
    return args.strict && report.problems.length > 0 ? 1 : 0;
  } finally {
    await pool.end();
    await commandDb.stop();
  }
}

const started = Date.now();
main()
  .then((code) => {
    console.error(`[import] terminé en ${((Date.now() - started) / 1000).toFixed(1)} s`);
    process.exit(code);
  })
  .catch((error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n${USAGE}`);
      process.exit(2);
    }
    if (error instanceof NotWordpressError) {
      console.error(error.root === 'disqus' ? 'Ce fichier est un export Disqus : lancez npm run import -- disqus <fichier>.' : `Ce fichier n’est pas un export WordPress (WXR, « Outils → Exporter ») : son élément racine est ${error.root ? `<${error.root}>` : 'absent (fichier vide ou qui n’est pas du XML)'}. Rien n’a été importé.`);
      process.exit(1);
    }
    if (error instanceof NotDisqusError) {
      console.error(error.root === 'rss' ? 'Ce fichier n’est pas un export Disqus ; si c’est un export WordPress, lancez npm run import -- wordpress <fichier>.' : `Ce fichier n’est pas un export Disqus : son élément racine est ${error.root && error.root !== 'vide' ? `<${error.root}>` : 'absent (fichier vide ou qui n’est pas du XML)'}. Rien n’a été importé.`);
      process.exit(1);
    }
    console.error(`Échec de l’import : ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
