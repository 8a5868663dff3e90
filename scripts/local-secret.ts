// Imported first by command-line tools that sign links: on the default set-up, the AUTH_SECRET
// that `npm run dev` / `npm start` generated in DATA_DIR/secret, when none is set, so that a link
// a command signs is the site's own. (Before lib/env.ts reads the environment: hence a module.)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const file = path.join(process.env.DATA_DIR || '.data', 'secret');
if (!process.env.AUTH_SECRET && existsSync(file)) process.env.AUTH_SECRET = readFileSync(file, 'utf8').trim();
