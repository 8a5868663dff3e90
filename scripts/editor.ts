// `npm run editor -- add someone@example.com` (or `remove`): gives or takes the editor role.
// Uses DATABASE_URL, else the embedded database: the running one, or started for the occasion.
import { migrate } from '../lib/db/migrations';
import { commandDatabase } from './command-database';

const [command, email] = process.argv.slice(2);
if ((command !== 'add' && command !== 'remove') || !email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
  console.error('Usage : npm run editor -- add|remove adresse@exemple.fr');
  process.exit(2);
}

async function main() {
  const database = await commandDatabase();
  const url = database.url;
  try {
    await migrate(url, undefined, () => undefined);
    const [{ connectDatabase }, { setEditor }] = await Promise.all([import('../lib/db/client'), import('../lib/accounts/account-changes')]);
    connectDatabase(url);
    await setEditor(email ?? '', command === 'add');
    console.log(command === 'add' ? `${email} fait maintenant partie de la rédaction.` : `${email} n’est plus membre de la rédaction.`);
  } finally {
    const { db } = await import('../lib/db/client');
    await db().pool.end();
    await database.stop();
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
