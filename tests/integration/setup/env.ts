import { inject } from 'vitest';
import { EDITOR_REPLY_TO, TEST_SECRET } from './global-db';

// Read by lib/env.ts when the modules under test load, after this file.
process.env.DATABASE_URL = inject('databaseUrl');
process.env.AUTH_SECRET = TEST_SECRET;
process.env.EDITOR_EMAILS = 'redaction@exemple.fr';
process.env.EMAIL_SERVER = inject('emailServer');
process.env.EDITOR_REPLY_TO = EDITOR_REPLY_TO;
// Links in e-mails made here (the letter's tests) lead to the test server, as the server's own do.
process.env.SITE_URL = inject('baseUrl');
// The letters sent here go to the test's own SMTP listener: no reason to pace them.
process.env.NEWSLETTER_RATE = '1000';
