import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint rule that keeps lib/'s dependencies one way (eslint.config.mjs): each case is a file
// that would break it, linted as if it were in the tree.
const root = path.resolve(import.meta.dirname, '../..');
// import/no-cycle reads files from the disk, which these examples are not on.
const eslint = new ESLint({ cwd: root, overrideConfig: { rules: { 'import/no-cycle': 'off' } } });

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'import/no-restricted-paths').map((message) => message.message);
}

describe('the direction of lib/ (http → domains → db)', () => {
  it.each([
    ['lib/db/example.ts', "import { ratingAggregate } from '@/lib/readers/ratings';\nexport const x = ratingAggregate;\n"],
    ['lib/readers/example.ts', "import { json } from '@/lib/http/api';\nexport const x = json;\n"],
    ['lib/content/example.ts', "import { db } from '@/lib/db/client';\nexport const x = db;\n"],
    ['lib/live/example.ts', "import { json } from '@/lib/http/api';\nexport const x = json;\n"],
    ['lib/db/example.ts', "import { openCommentStream } from '@/lib/live/streams';\nexport const x = openCommentStream;\n"],
    ['lib/example.ts', "import { json } from './http/api';\nexport const x = json;\n"],
    ['components/example.ts', "import { db } from '@/lib/db/client';\nexport const x = db;\n"],
    ['app/example.ts', "import { db } from '../lib/db/client';\nexport const x = db;\n"],
  ])('refuses %s importing what lies above it or the database', async (file, code) => {
    expect(await restrictedImports(file, code)).toHaveLength(1);
  });

  it('lets http use the domains and the domains use the database', async () => {
    expect(await restrictedImports('lib/http/example.ts', "import { setRating } from '@/lib/readers/ratings';\nexport const x = setRating;\n")).toEqual([]);
    expect(await restrictedImports('lib/readers/example.ts', "import { db } from '@/lib/db/client';\nexport const x = db;\n")).toEqual([]);
  });
});
