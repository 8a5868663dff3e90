// `npm run bench`: the figures of issue 7 measured so far, side by side in one run, printed and
// written to BENCHMARKS.md with the machine, the versions and the commands. Not part of
// `npm test`: nothing here asserts a timing.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kB, pageWeights, type PageWeight } from './page-weight';
import { BARE_DIR, benchServing, servingTable } from './serve';

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

async function main() {
  const serving = await benchServing();
  const weights = weightTable(pageWeights(path.resolve('bench/out/next')), pageWeights(path.join(BARE_DIR, '.next')));
  const report = `# Mesures de performance

Produit par \`npm run bench\` (scripts dans \`bench/\`) ; à relancer tel quel sur un clone neuf
(il faut les paquets Debian \`wrk\` et \`nginx-light\`). Ce fichier est réécrit à chaque mesure.

${machine()}

## 1. Servir un contenu (\`npm run bench:serve\`)

Build de production du magazine (\`npm run build\`, base embarquée neuve, dans \`bench/out/next\`),
\`next start\` ; nginx sert les mêmes octets en fichier statique ; une application Next 16 nue
(\`bench/bare\`, copiée hors du dépôt et construite à la même taille de page) ; enfin nginx en
proxy inverse devant \`next start\` avec un micro-cache d’une seconde (configuration écrite dans
\`bench/out/nginx/nginx.conf\` par \`bench/lib.ts\`). Charge : \`wrk -t1 -c50 -d10s --latency\`,
après 2 s de chauffe pour chacun, tout sur 127.0.0.1. Pendant la charge du proxy, trois
commentaires sont publiés (modération a posteriori) et l’on mesure quand chacun paraît dans la
page servie par le proxy.

${servingTable(serving)}

## 5. Poids des pages (\`npm run bench:weight -- bench/out/next\`)

JavaScript chargé au premier affichage, gzip -9, additionné depuis les manifestes du build
(fichiers racine de \`build-manifest.json\` et fichiers d’entrée du manifeste client de la page,
sans les polyfills \`nomodule\`), comparé à la page nue construite dans la même exécution.

${weights}

## Pas encore mesuré

Lecture sans requête en régime établi et page à 200 commentaires (2), écritures contre une
boucle \`pg\` brute (3), builds à 1 000 et 10 000 contenus (4 ; le générateur existe :
\`npm run bench:content -- 1000\`), Lighthouse (6).
`;
  writeFileSync('BENCHMARKS.md', report);
  console.log(`\n${servingTable(serving)}\n\n${weights}\n\nÉcrit dans BENCHMARKS.md.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
