// `npm run newsletter -- preview [recapitulatif]`: the next letter (a piece's, or Monday's digest),
//   its subject and text printed, its HTML written to DATA_DIR/lettre-apercu.html;
// `npm run newsletter -- send-test adresse@exemple.fr [recapitulatif]`: that letter, sent there;
// `npm run newsletter -- send`: one round (what is due is created and sent), for a timer when
//   the instances do not send themselves (NEWSLETTER_INTERVAL_SECONDS=0).
// Uses DATABASE_URL, else the embedded database: the running one, or started for the occasion;
// AUTH_SECRET and SITE_URL as the instances have them (default set-up: DATA_DIR/secret).
import './local-secret';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { migrate } from '../lib/db/migrations';
import { env } from '../lib/env';
import { commandDatabase } from './command-database';

const USAGE = 'Usage : npm run newsletter -- preview [recapitulatif] | send-test adresse@exemple.fr [recapitulatif] | send';
const [command, ...rest] = process.argv.slice(2);
const kind = rest.includes('recapitulatif') ? 'digest' : 'piece';
const email = command === 'send-test' ? rest.find((arg) => arg !== 'recapitulatif') : undefined;

if (!['preview', 'send-test', 'send'].includes(command ?? '') || (command === 'send-test' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email ?? ''))) {
  console.error(USAGE);
  process.exit(2);
}

async function main(): Promise<void> {
  if (!env.AUTH_SECRET) {
    throw new Error(`AUTH_SECRET n’est pas défini et ${path.join(env.DATA_DIR, 'secret')} n’existe pas : lancez la commande avec l’environnement des instances (AUTH_SECRET, SITE_URL, DATABASE_URL), ou après un premier « npm run dev » / « npm start ».`);
  }
  const database = await commandDatabase();
  try {
    await migrate(database.url, undefined, () => undefined);
    const [{ connectDatabase }, { testLetter, sendTestLetter }, { runNewsletter, describeRun }] = await Promise.all([
      import('../lib/db/client'),
      import('../lib/newsletter/desk'),
      import('../lib/newsletter/worker'),
    ]);
    connectDatabase(database.url);
    if (command === 'send') {
      const run = await runNewsletter(new Date());
      console.log(`[lettre] ${describeRun(run) ?? 'rien à envoyer.'}`);
      if (run.delivery.busy) console.log('[lettre] une autre instance envoie déjà : elle enverra ce qui est dû.');
      return;
    }
    const empty = kind === 'digest' ? 'Rien n’est paru cette semaine : le récapitulatif de lundi serait vide (il ne partira pas).' : 'Aucun contenu publié ou programmé : pas de lettre à montrer.';
    if (command === 'send-test') {
      if (!(await sendTestLetter(email ?? '', kind))) throw new Error(empty);
      console.log(`Lettre de test envoyée à ${email}${env.EMAIL_SERVER ? '' : ' (EMAIL_SERVER n’est pas défini : elle est affichée ci-dessus)'}.`);
      return;
    }
    const mail = await testLetter('apercu@exemple.fr', kind);
    if (!mail) throw new Error(empty);
    const file = path.join(env.DATA_DIR, 'lettre-apercu.html');
    mkdirSync(env.DATA_DIR, { recursive: true });
    writeFileSync(file, mail.html ?? '');
    console.log(`Objet : ${mail.subject}\n\n${mail.text}\n\nVersion HTML : ${path.resolve(file)}`);
  } finally {
    const { closeDatabase } = await import('../lib/db/client');
    await closeDatabase();
    await database.stop();
  }
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
