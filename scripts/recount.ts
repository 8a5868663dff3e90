// `npm run db:recount`: checks every piece's figures (kept by the database's triggers) against
// its ratings and comments, corrects what differs and says what it corrected. On DATABASE_URL or
// the embedded database, whether the magazine runs or not; writers wait the few moments it takes.
import pg from 'pg';
import { FIGURE_COLUMNS, recountFigures } from '../lib/db/figures';
import { commandDatabase } from './command-database';

async function main() {
  const database = await commandDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query('BEGIN');
    const corrections = await recountFigures(client);
    await client.query('COMMIT');
    if (corrections.length === 0) {
      console.log('Les chiffres de chaque contenu sont justes : rien à corriger.');
      return;
    }
    console.log(`${corrections.length} contenu(s) corrigé(s) :`);
    for (const { pieceKey, stored, counted } of corrections) {
      const changes = FIGURE_COLUMNS
        .filter((column) => stored[column] !== counted[column])
        .map((column) => `${column} ${stored[column]} → ${counted[column]}`);
      console.log(`- ${pieceKey} : ${changes.join(', ')}`);
    }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
    await database.stop();
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(`Échec du recomptage : ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
