import { env } from '../lib/env';
import { checkContent } from '../lib/content/check';

const started = performance.now();
const problems = checkContent(env.CONTENT_DIR);
const took = Math.round(performance.now() - started);
if (problems.length > 0) {
  console.error(`${problems.length} problème(s) dans ${env.CONTENT_DIR}/ :\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`Contenu vérifié (${env.CONTENT_DIR}/) en ${took} ms : aucun problème.`);
