// `npm run new -- interview "Titre"` (or `article`): writes content/<section>/<slug>.mdx, a draft
// dated today with its frontmatter filled in.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { env } from '../lib/env';
import { slugify } from '../lib/content/slugify';

const [kind, ...words] = process.argv.slice(2);
const title = words.join(' ').trim();
if ((kind !== 'interview' && kind !== 'article') || !title) {
  console.error('Usage : npm run new -- interview|article "Titre du contenu"');
  process.exit(2);
}
const section = kind === 'interview' ? 'interviews' : 'articles';
const slug = slugify(title);
const file = path.join(env.CONTENT_DIR, section, `${slug}.mdx`);
if (existsSync(file)) {
  console.error(`${file} existe déjà : choisissez un autre titre, ou modifiez ce fichier.`);
  process.exit(1);
}
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
const frontmatter = [
  '---',
  `title: ${JSON.stringify(title)}`,
  'summary: "Une ou deux phrases pour les cartes, la recherche et les moteurs (120 à 220 caractères)."',
  `date: ${today}`,
  'tags: ["réseaux sociaux"]',
  'author: la-redaction',
  'draft: true',
  ...(kind === 'interview' ? ['interviewee:', '  name: Prénom Nom', '  role: Fonction', '  organisation: Organisation'] : []),
  '---',
  '',
  kind === 'interview' ? 'Le chapeau de l’entretien.\n\n## Première question ?\n\nLa réponse.\n' : 'Le chapeau de l’article.\n\n## Première partie\n\nLe texte.\n',
].join('\n');
writeFileSync(file, frontmatter);
console.log(`Créé : ${file} (brouillon, visible avec npm run dev). Retirez « draft: true » pour le publier.`);
