import { inject } from 'vitest';
import { TEST_SECRET } from './global-db';

// Read by lib/env.ts when the modules under test load, after this file.
process.env.DATABASE_URL = inject('databaseUrl');
process.env.AUTH_SECRET = TEST_SECRET;
process.env.EDITOR_EMAILS = 'redaction@exemple.fr';
