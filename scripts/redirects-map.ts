// `npm run content:redirects -- /etc/nginx/place-des-reseaux-redirects`: content/redirects.json as
// the entries of deploy/nginx.conf's two maps (`redirects.paths`, `redirects.queries`), checked
// first as `npm run content:check` does (docs/exploitation.md, « Anciennes adresses »). The
// magazine serves these redirects itself; with them, nginx answers them without asking an instance.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkContent } from '../lib/content/check';
import { nginxMapEntries, parseRedirects, REDIRECTS_FILE } from '../lib/content/redirects';
import { env } from '../lib/env';

const target = process.argv[2];
if (!target) {
  console.error('Usage : npm run content:redirects -- <dossier> (par exemple /etc/nginx/place-des-reseaux-redirects, que deploy/nginx.conf lit)');
  process.exit(2);
}
const file = path.join(env.CONTENT_DIR, REDIRECTS_FILE);
if (!existsSync(file)) {
  console.error(`${file} n’existe pas : aucune ancienne adresse à rediriger.`);
  process.exit(1);
}
const problems = checkContent(env.CONTENT_DIR).filter((problem) => problem.includes(REDIRECTS_FILE));
if (problems.length > 0) {
  console.error(`${problems.length} problème(s) dans ${file} (rien n’est écrit) :\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
const { redirects } = parseRedirects(readFileSync(file, 'utf8'), { isTarget: () => true, isPage: () => false }, file);
const { paths, queries, skipped } = nginxMapEntries(redirects);
mkdirSync(target, { recursive: true });
// Written beside, then renamed: nginx, reloaded meanwhile, never reads half a file.
for (const [name, text] of [['redirects.paths', paths], ['redirects.queries', queries]] as const) {
  writeFileSync(path.join(target, `.${name}.tmp`), text);
  renameSync(path.join(target, `.${name}.tmp`), path.join(target, name));
}
if (skipped.length > 0) console.error(`${skipped.length} adresse(s) laissée(s) au magazine (des caractères que nginx lirait autrement) : ${skipped.join(', ')}`);
console.log(`${Object.keys(redirects).length} redirection(s) écrite(s) dans ${target}/ : rechargez nginx (systemctl reload nginx).`);
