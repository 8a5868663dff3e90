// `npm run dev`: compiles the content once, then runs the content watcher beside `next dev`,
// and stops both together (Ctrl-C, SIGTERM, or either one exiting).
import { spawn, spawnSync } from 'node:child_process';

// Next's anonymous telemetry would only time out on a closed network.
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;

const first = spawnSync(bin('contentlayer2'), ['build'], { stdio: 'inherit' });
if (first.status !== 0) process.exit(first.status ?? 1);

const children = [
  spawn(bin('contentlayer2'), ['dev'], { stdio: 'inherit' }),
  spawn(bin('next'), ['dev', ...process.argv.slice(2)], { stdio: 'inherit' }),
];

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}

for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
