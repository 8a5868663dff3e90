// `npm run bench:content -- 1000 [directory]`: writes N synthetic French pieces (about 800
// words each, tags, authors) for the build benchmarks, into a directory outside `content/`
// (bench/out/content by default, git-ignored). Build against it with CONTENT_DIR=<directory>.
// The text is drawn from a fixed seed, so two runs with the same N write the same archive.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seeded } from '../scripts/seeded';

const DEFAULT_DIR = 'bench/out/content';
const WORDS_PER_PIECE = 800;
const INTERVIEW_SHARE = 0.2;

const [countArg, dirArg] = process.argv.slice(2);
const count = Number(countArg);
if (!Number.isInteger(count) || count < 1 || count > 100_000) {
  console.error('Usage : npm run bench:content -- <nombre de contenus, de 1 à 100000> [dossier]');
  process.exit(2);
}
const dir = path.resolve(dirArg ?? DEFAULT_DIR);
if (dir === path.resolve('content') || dir.startsWith(path.resolve('content') + path.sep)) {
  console.error('Le dossier généré ne doit pas être content/ : choisissez par exemple bench/out/content.');
  process.exit(2);
}

const random = seeded(20261126);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const AUTHORS = [
  { slug: 'claire-dumas', name: 'Claire Dumas', role: 'Journaliste économique' },
  { slug: 'karim-benali', name: 'Karim Benali', role: 'Consultant en développement commercial' },
  { slug: 'sophie-marchand', name: 'Sophie Marchand', role: 'Rédactrice en chef adjointe' },
  { slug: 'thomas-leroy', name: 'Thomas Leroy', role: 'Fondateur d’un club d’affaires' },
  { slug: 'amelie-rousseau', name: 'Amélie Rousseau', role: 'Coach pour dirigeants de TPE' },
] as const;

const TAGS = [
  'réseaux sociaux', 'stratégie', 'prospection', 'linkedin', 'viadeo', 'facebook', 'événements',
  'clubs d’affaires', 'recommandation', 'fidélisation', 'savoir-vivre', 'animation de communauté',
  'indépendants', 'export', 'recrutement', 'image de marque', 'veille', 'partenariats',
] as const;

const SUBJECTS = [
  'le dirigeant', 'la créatrice d’entreprise', 'un artisan', 'la consultante', 'l’équipe commerciale',
  'un club d’affaires', 'la jeune pousse', 'le réseau', 'votre interlocuteur', 'la communauté',
] as const;
const VERBS = [
  'développe', 'entretient', 'anime', 'mesure', 'recommande', 'partage', 'construit', 'choisit',
  'prépare', 'relance', 'présente', 'écoute',
] as const;
const OBJECTS = [
  'ses contacts', 'une relation de confiance', 'des échanges réguliers', 'un carnet d’adresses utile',
  'les bonnes introductions', 'une offre claire', 'des rendez-vous qualifiés', 'une réputation solide',
  'ses prescripteurs', 'une présence régulière', 'un suivi attentif', 'des partenariats durables',
] as const;
const ENDINGS = [
  'sans attendre de retour immédiat', 'au fil des mois', 'avec patience et méthode',
  'en donnant avant de demander', 'dans les groupes où se trouvent ses clients',
  'plutôt que de diffuser la même annonce partout', 'lors des rencontres physiques',
  'grâce à des informations vraiment utiles', 'sur un seul réseau pour commencer',
] as const;
const TITLE_STARTS = [
  'Comment', 'Pourquoi', 'Cinq façons de', 'Ce que change', 'Les erreurs à éviter pour', 'Bien',
] as const;
const TITLE_ENDS = [
  'développer son réseau professionnel', 'transformer un contact en client', 'animer un groupe en ligne',
  'préparer un salon professionnel', 'obtenir des recommandations', 'choisir ses clubs d’affaires',
  'mesurer le retour de sa présence en ligne', 'relancer un contact sans insister', 'soigner son profil',
] as const;
const FIRST_NAMES = ['Julie', 'Marc', 'Nadia', 'Olivier', 'Camille', 'Hugo', 'Léa', 'Yann'] as const;
const LAST_NAMES = ['Garnier', 'Fabre', 'Moreau', 'Chevalier', 'Perrin', 'Lemoine', 'Roche'] as const;
const ROLES = ['Fondatrice', 'Gérant', 'Directrice commerciale', 'Consultant indépendant', 'Présidente'] as const;
const ORGANISATIONS = ['Atelier Nord', 'Conseil & Cie', 'Les Réseaux d’Ici', 'Boréal Export', 'Studio Ligne'] as const;

function sentence(): string {
  const text = `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(ENDINGS)}.`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function paragraph(): string {
  return Array.from({ length: 4 + Math.floor(random() * 3) }, sentence).join(' ');
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function body(interview: boolean): string {
  const blocks: string[] = [paragraph()];
  let words = countWords(blocks[0] ?? '');
  let section = 1;
  while (words < WORDS_PER_PIECE) {
    const heading = interview ? `## ${pick(TITLE_STARTS)} ${pick(TITLE_ENDS)} ?` : `## Partie ${section} : ${pick(TITLE_ENDS)}`;
    const text = [paragraph(), paragraph()];
    if (section % 3 === 0) text.push(`- ${sentence()}\n- ${sentence()}\n- ${sentence()}`);
    blocks.push(heading, ...text);
    words += countWords([heading, ...text].join(' '));
    section += 1;
  }
  return `${blocks.join('\n\n')}\n`;
}

function isoDate(index: number): string {
  // Spread over the past years, newest first, never in the future (no scheduled pieces).
  const day = new Date(Date.UTC(2026, 9, 31) - index * 86_400_000 * 0.9);
  return day.toISOString().slice(0, 10);
}

function frontmatter(fields: Record<string, unknown>): string {
  const lines = Object.entries(fields).map(([key, value]) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? `${key}:\n${Object.entries(value).map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`).join('\n')}`
      : `${key}: ${JSON.stringify(value)}`,
  );
  return `---\n${lines.join('\n')}\n---\n\n`;
}

const started = performance.now();
rmSync(dir, { recursive: true, force: true });
for (const section of ['authors', 'interviews', 'articles']) mkdirSync(path.join(dir, section), { recursive: true });
for (const author of AUTHORS) {
  writeFileSync(
    path.join(dir, 'authors', `${author.slug}.mdx`),
    `${frontmatter({ name: author.name, role: author.role })}${author.name} écrit pour Place des Réseaux.\n`,
  );
}

let interviews = 0;
for (let index = 0; index < count; index += 1) {
  const interview = random() < INTERVIEW_SHARE;
  const title = `${pick(TITLE_STARTS)} ${pick(TITLE_ENDS)} (n° ${index + 1})`;
  const tags = [...new Set(Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(TAGS)))];
  const fields: Record<string, unknown> = {
    title,
    summary: `${sentence()} ${sentence()}`,
    date: isoDate(index),
    tags,
    author: pick(AUTHORS).slug,
  };
  if (interview) {
    fields.interviewee = { name: `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`, role: pick(ROLES), organisation: pick(ORGANISATIONS) };
    interviews += 1;
  }
  const slug = `contenu-${String(index + 1).padStart(6, '0')}`;
  writeFileSync(path.join(dir, interview ? 'interviews' : 'articles', `${slug}.mdx`), frontmatter(fields) + body(interview));
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `${count} contenus écrits dans ${path.relative(process.cwd(), dir) || dir}/ (${interviews} entretiens, ` +
    `${count - interviews} articles, ${AUTHORS.length} auteurs) en ${seconds} s.\n` +
    `Construire avec : CONTENT_DIR=${path.relative(process.cwd(), dir)} npm run build`,
);
