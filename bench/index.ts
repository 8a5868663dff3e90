// `npm run bench`: every figure of issue 7, side by side in one run, printed and written to
// BENCHMARKS.md with the machine, the versions and the commands. Not part of `npm test`:
// nothing here asserts a timing.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kB, pageWeights, type PageWeight } from './page-weight';
import { readsTable, writesSection, writesTable } from './api';
import { benchBuild, buildTable, DEFAULT_SIZES, restoreMagazineContent, type BuildFigures } from './build';
import { interactionsTable } from './interactions';
import { lighthouseTable } from './lighthouse';
import { pieceBytesTable } from './piece-bytes';
import { ensureTools } from './lib';
import { archiveSection, archiveTable, benchArchive } from './archive';
import { benchInstances, instancesSection, instancesTable } from './instances';
import { benchSearch, searchSection } from './search';
import { benchLive, liveSection } from './live';
import { benchWords, wordsSection } from './words';
import { audienceSection, beaconWeight, benchAudience } from './audience';
import { benchImport, importSection } from './import';
import { benchLogCost, logCostSection } from './log-cost';
import { ARTICLE, BARE_DIR, benchServing, phoneSection, PIECE, readsSection, servingSection, servingTable } from './serve';

/** First line a tool prints about its version (nginx and wrk print it on stderr, or exit 1). */
function version(command: string): string {
  return execFileSync('sh', ['-c', `${command} 2>&1 || true`], { encoding: 'utf8' }).trim().split('\n')[0] ?? '?';
}

function machine(): string {
  const packageVersion = (name: string) => (JSON.parse(readFileSync(path.join('node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  return [
    `- Machine : ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} Gio, ${os.type()} ${os.release()}`,
    `- Node ${process.versions.node}, Next ${packageVersion('next')}, React ${packageVersion('react')}, ${version('nginx -v').replace('nginx version: ', '')}, ${version('wrk -v').split(' [')[0]}`,
    `- Mesuré le ${new Date().toISOString().slice(0, 16).replace('T', ' à ')} UTC`,
  ].join('\n');
}

function weightTable(magazine: PageWeight[], bare: PageWeight[]): string {
  const barePage = bare.find((weight) => weight.route === '/');
  if (!barePage) throw new Error('la page nue n’a pas de manifeste : son build a-t-il échoué ?');
  const pageTypes = [
    ['Contenu (interview, article), avec notes et commentaires', '/[section]/[slug]', 20_000],
    ['Rubrique (liste des contenus)', '/[section]', 5_000],
    ['Accueil', '/', 5_000],
    ['Thème', '/tags/[tag]', 5_000],
    ['Recherche', '/recherche', null],
  ] as const;
  return [
    `Page Next nue (même exécution, même version) : ${kB(barePage.gzipBytes)}, dont ${kB(barePage.ownChunks.reduce((total, own) => total + own.gzipBytes, 0))} hors fichiers racine.`,
    '',
    '| Page | JS au premier chargement (gzip) | écart à la page nue | objectif | fichiers propres au magazine (hors fichiers racine de Next) |',
    '| --- | ---: | ---: | ---: | --- |',
    ...pageTypes.map(([label, route, budget]) => {
      const weight = magazine.find((candidate) => candidate.route === route);
      if (!weight) return `| ${label} | route ${route} absente du build | | | |`;
      const extra = weight.gzipBytes - barePage.gzipBytes;
      const own = weight.ownChunks.map(({ chunk, gzipBytes }) => `${path.basename(chunk)} (${kB(gzipBytes)})`);
      return `| ${label} | ${kB(weight.gzipBytes)} | +${kB(extra)} | ${budget === null ? '—' : `≤ +${kB(budget)}${extra <= budget ? ' ✓' : ' ✗'}`} | ${own.join(', ')} |`;
    }),
  ].join('\n');
}

/** `npm run bench -- --builds 1000,10000` (the default); `--builds none` skips part 4. */
function buildSizes(): number[] {
  const index = process.argv.indexOf('--builds');
  const value = index >= 0 ? process.argv[index + 1] : undefined;
  if (value === undefined) return DEFAULT_SIZES;
  if (value === 'none') return [];
  const sizes = value.split(',').map(Number);
  if (sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error('Usage : npm run bench -- --builds 1000,10000 (ou --builds none)');
  return sizes;
}

async function main() {
  const sizes = buildSizes();
  ensureTools();
  const serving = await benchServing();
  if (!serving.reads) throw new Error('la partie 2 n’a pas été mesurée.');
  console.log('▶ Plusieurs instances (partie 7)');
  const instances = await benchInstances();
  console.log('▶ Exporter et importer (partie 8)');
  const archive = await benchArchive();
  console.log('▶ Chercher dans une grande archive (partie 9)');
  const search = await benchSearch();
  console.log('▶ Nouveaux commentaires en direct (partie 10)');
  const live = await benchLive();
  console.log('▶ Listes de mots (partie 11)');
  const words = await benchWords({ build: false });
  console.log('▶ Mesure d’audience (partie 12)');
  const audience = await benchAudience({ build: false });
  console.log('▶ Une ligne de journal par requête (partie 13)');
  const logCost = await benchLogCost();
  console.log('▶ Importer un ancien site (partie 14)');
  const imported = await benchImport();
  const weights = weightTable(pageWeights(path.resolve('bench/out/next')), pageWeights(path.join(BARE_DIR, '.next')));
  const builds: BuildFigures[] = [];
  try {
    for (const pieces of sizes) builds.push(await benchBuild(pieces));
  } finally {
    if (sizes.length > 0) restoreMagazineContent();
  }
  const sections = {
    serving: servingTable(serving),
    reads: readsTable(serving.reads, ARTICLE),
    writes: writesTable(serving.writes, serving.ratingCost),
    builds: builds.length > 0 ? buildTable(builds) : 'Non mesuré dans cette exécution (`--builds none`).',
    weights,
    lighthouse: lighthouseTable(serving.lighthouse),
    interactions: serving.interactions ? interactionsTable(serving.interactions) : 'Non mesuré.',
    pieceBytes: pieceBytesTable(serving.pieceBytes, PIECE),
    instances: instancesSection(instancesTable(instances)),
    archive: archiveSection(archiveTable(archive)),
    search: searchSection(search),
    live: liveSection(live),
    words: wordsSection(words),
    audience: audienceSection(audience, beaconWeight()),
    logCost: logCostSection(logCost),
    imported: importSection(imported),
  };
  const report = `# Mesures de performance

Produit par \`npm run bench\` (scripts dans \`bench/\`) ; à relancer tel quel sur un clone neuf
(il faut les paquets Debian \`wrk\`, \`nginx-light\`, \`redis-server\` et \`chromium\`, et les ports
3101 à 3111 libres). Ce fichier est réécrit à chaque mesure ; chaque partie se relance seule avec la
commande donnée dans son titre. Rien de tout cela n’est dans \`npm test\`.

${machine()}

${servingSection(sections.serving)}

${readsSection(sections.reads)}

${writesSection(sections.writes)}

## 4. Construire à grande échelle (\`npm run bench:build -- 1000 10000\`)

Archive synthétique (\`npm run bench:content -- N\`, ≈ 860 mots par contenu, 2 à 4 thèmes,
5 auteurs, ≈ 20 % d’entretiens), construite comme le magazine (\`npm run build\` : base embarquée
neuve, contentlayer2, \`next build\`) sous \`/usr/bin/time -v\`. Pic RSS de l’arbre : somme de la
mémoire résidente de tous les processus du build, relevée toutes les 200 ms dans \`/proc\` ;
pic d’un processus : le plus gros d’entre eux, selon \`time\`. Coût par contenu : durée totale
divisée par le nombre de contenus.

${sections.builds}

## 5. Poids des pages (\`npm run bench:weight -- bench/out/next\`)

JavaScript chargé au premier affichage, gzip -9, additionné depuis les manifestes du build
(fichiers racine de \`build-manifest.json\` et fichiers d’entrée du manifeste client de la page,
sans les polyfills \`nomodule\`), comparé à la page nue construite dans la même exécution.

${sections.weights}

${phoneSection(sections.lighthouse, sections.interactions, sections.pieceBytes)}

${sections.instances}

${sections.archive}

${sections.search}

${sections.live}

${sections.words}

${sections.audience}

${sections.logCost}

${sections.imported}

${readFileSync('bench/analyse.md', 'utf8').trim()}
`;
  writeFileSync('BENCHMARKS.md', report);
  console.log(`\n${Object.values(sections).join('\n\n')}\n\nÉcrit dans BENCHMARKS.md.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error, error instanceof Error && error.cause ? error.cause : '');
  process.exit(1);
});
