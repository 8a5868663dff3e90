// `npm run db:export -- <fichier>` and `npm run db:import -- <fichier> [--replace]`: the readers'
// data to and from one archive (lib/db/archive.ts), on DATABASE_URL or the embedded database,
// whether the magazine runs or not. Progress on stderr; the result on stdout.
import { ArchiveError, exportArchive, importArchive } from '../lib/db/archive';
import { runBackup } from '../lib/db/backups';
import { backupDirectory, env } from '../lib/env';
import { commandDatabase } from './command-database';

const [command, file, ...flags] = process.argv.slice(2);
const usage = 'Usage : npm run db:export -- sauvegarde.tar.gz\n        npm run db:import -- sauvegarde.tar.gz [--replace]\n        npm run db:backup';
const isBackup = command === 'backup' && file === undefined;
if (!isBackup && ((command !== 'export' && command !== 'import') || !file || flags.some((flag) => flag !== '--replace') || (command === 'export' && flags.length > 0))) {
  console.error(usage);
  process.exit(2);
}

async function main() {
  const database = await commandDatabase();
  const progress = (line: string) => console.error(line);
  try {
    if (isBackup) {
      await runBackup(database.url, backupDirectory(), { ...env.BACKUP_KEEP, log: (line) => console.log(line) });
    } else if (command === 'export') {
      const manifest = await exportArchive(database.url, file ?? '', progress);
      const rows = manifest.tables.reduce((total, table) => total + table.rows, 0);
      console.log(`Archive écrite : ${file} (${rows} lignes, migration ${manifest.migration}).`);
    } else {
      const manifest = await importArchive(database.url, file ?? '', { replace: flags.includes('--replace'), progress });
      const rows = manifest.tables.reduce((total, table) => total + table.rows, 0);
      console.log(`Archive importée : ${rows} lignes de ${manifest.createdAt} (migration ${manifest.migration}).`);
    }
  } finally {
    await database.stop();
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error instanceof ArchiveError ? error.message : `Échec : ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
