// Build once, run N: every instance of one build must agree on its id (the shared cache's keys,
// the deployment id that ties browsers to their build's files). The build takes BUILD_ID, or the
// git commit (with a random suffix when the tree has uncommitted changes, which the commit does
// not describe); the instances read the id their build wrote.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const VALID = /^[A-Za-z0-9_-]{1,64}$/;

function gitCommit(): string | null {
  try {
    const run = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const commit = run('rev-parse', '--short=12', 'HEAD');
    return run('status', '--porcelain') === '' ? commit : `${commit}-${randomBytes(3).toString('hex')}`;
  } catch {
    return null;
  }
}

/** The id of the build about to be made. */
export function newBuildId(): string {
  const given = process.env.BUILD_ID?.trim();
  if (given) {
    if (!VALID.test(given)) throw new Error(`BUILD_ID doit faire 1 à 64 caractères parmi A-Z, a-z, 0-9, _ et - (reçu : « ${given} »).`);
    return given;
  }
  // Kept for the build's worker processes, which read the configuration again.
  process.env.BUILD_ID = gitCommit() ?? `build-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  return process.env.BUILD_ID;
}

/** The id the build in `distDir` was made with, or null before any build. */
export function builtId(distDir: string): string | null {
  try {
    return readFileSync(path.join(distDir, 'BUILD_ID'), 'utf8').trim() || null;
  } catch {
    return null;
  }
}
