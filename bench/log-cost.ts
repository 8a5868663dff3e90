// `npm run bench:logs`: what one request's log line costs, apart from the noise of a loaded server
// (BENCHMARKS.md, part 1). In the instance, lib/log.ts's logger writing the line of a request
// (lib/http/observed-requests.ts writes the same fields) to /dev/null; in the launcher, the line
// relayed by scripts/log-relay.ts from a child's stdout, as `npm start` does. CPU time
// (process.cpuUsage) per line, median of 3 rounds of 100,000 lines each.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import pino from 'pino';
import { logger, writeLogsTo } from '../lib/log';
import { relayed } from '../scripts/log-relay';
import { writeBenchmarkSection } from './lib';

const LINES = 100_000;
const ROUNDS = 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const cpuMicros = (usage: NodeJS.CpuUsage) => usage.user + usage.system;

/** The instance's side: µs of CPU per request line. */
function inInstance(): number {
  writeLogsTo(pino.destination({ dest: '/dev/null', sync: true }));
  const log = logger('http');
  const started = process.cpuUsage();
  for (let index = 0; index < LINES; index++) {
    const fields = { request_id: `4f9c0d2a7e1b4c3d8a6f5e2d1c0b${String(index).padStart(4, '0')}`, method: 'GET', route: '/[section]/[slug]', status: 200, duration_ms: 12.4 };
    log.info(fields, `GET /[section]/[slug] 200 (12.4 ms)`);
  }
  return cpuMicros(process.cpuUsage(started)) / LINES;
}

/** The launcher's side: µs of CPU per line relayed from a child (the child's own CPU not counted). */
async function inLauncher(): Promise<number> {
  const line = JSON.stringify({ level: 'info', time: new Date().toISOString(), pid: 1, hostname: 'vm', module: 'http', request_id: '4f9c0d2a7e1b4c3d8a6f5e2d1c0b9a87', method: 'GET', route: '/[section]/[slug]', status: 200, duration_ms: 12.4, msg: 'GET /[section]/[slug] 200 (12.4 ms)' });
  const sink = createWriteStream('/dev/null');
  // One write per line, as an instance writes one per request, each on its own turn of the loop.
  const child = spawn(process.execPath, ['-e', `const fs = require('node:fs'); const line = ${JSON.stringify(`${line}\n`)}; let left = ${LINES}; const next = () => { for (let burst = 0; burst < 4 && left > 0; burst++, left--) fs.writeSync(1, line); if (left > 0) setImmediate(next); }; next();`], { stdio: ['ignore', 'pipe', 'inherit'] });
  const started = process.cpuUsage();
  relayed(child, { module: 'next', write: (text) => void sink.write(text) });
  await new Promise((resolve) => child.once('close', resolve));
  const spent = cpuMicros(process.cpuUsage(started));
  sink.end();
  return spent / LINES;
}

export type LogCost = { instance: number[]; launcher: number[] };

export async function benchLogCost(): Promise<LogCost> {
  const figures: LogCost = { instance: [], launcher: [] };
  for (let round = 0; round < ROUNDS; round++) {
    figures.instance.push(inInstance());
    figures.launcher.push(await inLauncher());
  }
  return figures;
}

const micros = (values: number[]) => `${median(values).toFixed(1)} µs (${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)})`;

/** Part 13 of BENCHMARKS.md. */
export function logCostSection({ instance, launcher }: LogCost): string {
  const total = median(instance) + median(launcher);
  return `## 13. Une ligne de journal par requête (\`npm run bench:logs\`)

Ce que coûte, hors du bruit d’un serveur chargé, la ligne JSON que chaque requête écrit au niveau
\`info\` (le réglage par défaut, docs/exploitation.md « Journaux ») : dans l’instance, le logger de
\`lib/log.ts\` écrit les champs d’une requête (ceux de \`lib/http/observed-requests.ts\`) vers
/dev/null, masquage et nettoyage compris ; dans le lanceur, la ligne relayée depuis la sortie
d’un processus enfant qui l’écrit seule, comme \`npm start\` relaie celles de Next
(\`scripts/log-relay.ts\`). Temps processeur (\`process.cpuUsage\`) par ligne, ${LINES.toLocaleString('fr-FR')} lignes par
passage, médiane de ${ROUNDS} passages (min–max). La partie 1 compare aussi une instance sans ces lignes
(\`LOG_LEVEL=warn\`) sous charge.

| Où | CPU par ligne |
| --- | ---: |
| Dans l’instance (pino, masquage, nettoyage, écriture) | ${micros(instance)} |
| Relayée par \`npm start\` | ${micros(launcher)} |
| Ensemble | ${total.toFixed(1)} µs |

Soit ${((total / 500) * 100).toFixed(1).replace('.', ',')} % du CPU d’une requête de 0,5 ms (la page prérendue, partie 1, aux heures calmes de cette machine) et ${((total / 1000) * 100).toFixed(1).replace('.', ',')} % d’une requête de 1 ms (objectif : 3 % au plus${total <= 15 ? ' ✓' : ' ✗'}). Les chemins masqués sont des champs de premier niveau : des chemins à joker (\`*.email\`) coûtaient 8 µs de plus par ligne, et le nettoyage de chaque ligne attrape une adresse à toute profondeur.`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeBenchmarkSection(13, logCostSection(await benchLogCost()));
}
