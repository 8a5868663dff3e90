// `npm run db:migrate`: applies the pending migrations of prisma/migrations to DATABASE_URL.
import { env } from '../lib/env';
import { migrate } from '../lib/db/migrations';

if (!env.DATABASE_URL) {
  console.error('Définissez DATABASE_URL (la base embarquée se migre toute seule au démarrage de npm run dev / npm start).');
  process.exit(2);
}
migrate(env.DATABASE_URL)
  .then((applied) => console.log(applied.length ? `${applied.length} migration(s) appliquée(s).` : 'La base est à jour.'))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
