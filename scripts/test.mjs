// `npm test`: unit and integration tests (Vitest), then a production build of the test archive
// and the browser tests (Playwright in Debian's Chromium). Ends with one line of totals.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { composeContent } from '../tests/e2e/fixtures/compose-content.mjs';
import { E2E_DATA_DIR, E2E_PORT, TEST_SECRET } from '../tests/fixtures/test-env.mjs';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const E2E_CONTENT = '.data/e2e-content';

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function readJson(file) {
  const full = path.join(root, file);
  return existsSync(full) ? JSON.parse(readFileSync(full, 'utf8')) : null;
}

if (!run('Chromium (Debian)', 'bash', [path.join(root, 'scripts/ensure-chromium.sh')])) process.exit(1);
if (!run('Java (Debian), pour le Nu Html Checker', 'bash', [path.join(root, 'scripts/ensure-java.sh')])) process.exit(1);
if (!run('redis-server, nginx et wrk (Debian), pour le test à plusieurs instances', 'bash', [path.join(root, 'scripts/ensure-instances-tools.sh')])) process.exit(1);
mkdirSync(path.join(root, 'test-results'), { recursive: true });
composeContent(root, path.join(root, E2E_CONTENT));
// A fresh embedded database for the test build and the browser tests, every run.
rmSync(path.join(root, E2E_DATA_DIR), { recursive: true, force: true });
const testEnv = {
  NEXT_TELEMETRY_DISABLED: '1',
  CONTENT_DIR: E2E_CONTENT,
  NEXT_DIST_DIR: '.next-e2e',
  NEXT_TSCONFIG: 'tsconfig.e2e.json',
  SITE_URL: `http://127.0.0.1:${E2E_PORT}`,
  DATA_DIR: E2E_DATA_DIR,
  AUTH_SECRET: TEST_SECRET,
  DATABASE_URL: '',
  // The four oldest of the 19 published pieces are left to be rendered on their first visit,
  // so the tests go through that path too (tests/integration/app/regeneration.test.ts).
  PRERENDER_PIECES: '15',
  // The test archive is dated: with the default (180 days) its pieces would close by themselves
  // one day and the tests that comment would fail. Closing by age is tested with a controlled clock.
  COMMENTS_CLOSE_AFTER_DAYS: '0',
};

// A WordPress site and its Disqus comments moved into the test archive as an editor would move
// theirs (npm run import, issue 31): its pieces are built and served with the others, its comments
// stored in the build's database, its old addresses in the archive's redirects.json.
const IMPORTED = 'tests/fixtures/import';
const importOk =
  run('Import WordPress dans le contenu de test', bin('tsx'), ['scripts/import.ts', 'wordpress', `${IMPORTED}/wordpress.xml`, '--uploads', `${IMPORTED}/uploads`, '--images', 'tests/importees'], testEnv) &&
  run('Import Disqus dans le contenu de test', bin('tsx'), ['scripts/import.ts', 'disqus', `${IMPORTED}/disqus.xml`], testEnv);

let ok = importOk;
// The integration tests serve this build against their own databases; the browser tests too.
const buildOk = importOk && run('Build de production du contenu de test (base embarquée)', bin('tsx'), ['scripts/serve.ts', 'build'], testEnv);
const vitestOk = buildOk && run('Tests unitaires et d’intégration (Vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json'], testEnv);
const e2eOk = buildOk && run('Tests de bout en bout (Playwright, Chromium)', bin('playwright'), ['test'], testEnv);
// Leave the developer's compiled content as it was: the magazine's own.
run('Contenu du magazine (contentlayer2)', bin('contentlayer2'), ['build']);
ok = ok && vitestOk && buildOk && e2eOk;

const vitest = readJson('test-results/vitest.json');
const e2e = buildOk ? readJson('test-results/e2e.json') : null;
const passed = (vitest?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0);
const failed = (vitest?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0) + (e2e?.stats?.flaky ?? 0);
const skipped = (vitest?.numPendingTests ?? 0) + (e2e?.stats?.skipped ?? 0);
console.log(`\nVitest ${vitest?.numPassedTests ?? 0}/${vitest?.numTotalTests ?? 0}, Playwright ${e2e?.stats?.expected ?? 0}/${e2e ? e2e.stats.expected + e2e.stats.unexpected + e2e.stats.flaky + e2e.stats.skipped : 0}`);
console.log(`Total: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(ok && failed === 0 && passed > 0 ? 0 : 1);
