import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sendTestLetter } from '@/lib/newsletter/desk';
import { isUnsubscribeToken } from '@/lib/newsletter/links';
import { baseUrl, databaseUrl, mailDir, query, signInAs, Visitor } from '../setup/helpers';
import { waitForMail } from '../../fixtures/smtp';
import { TEST_SECRET } from '../../fixtures/test-env.mjs';

// The letter in the editors' desk and on the command line.
const root = path.resolve(import.meta.dirname, '../../..');

/** A desk address as the visitor's browser gets it (Visitor keeps only JSON bodies). */
const asVisitor = (visitor: Visitor, address: string) => fetch(`${baseUrl}${address}`, { headers: { cookie: [...visitor.cookies].map(([name, value]) => `${name}=${value}`).join('; ') } });

describe('the letter for the editors', () => {
  it('shows the subscribers by rhythm and the sends, to editors only', async () => {
    const editor = new Visitor();
    await signInAs(editor, `redac-${randomUUID().slice(0, 8)}@exemple.fr`, 'editor');
    const reader = new Visitor();
    await signInAs(reader, `lect-${randomUUID().slice(0, 8)}@exemple.fr`);
    expect((await new Visitor().get('/redaction/lettre')).status).toBe(401);
    expect((await reader.get('/redaction/lettre')).status).toBe(403);
    const page = await asVisitor(editor, '/redaction/lettre');
    expect(page.status).toBe(200);
    const html = await page.text();
    const [counts] = await query<{ each: number; weekly: number; waiting: number }>(
      "SELECT count(*) FILTER (WHERE rhythm = 'each' AND confirmed_at IS NOT NULL)::int AS each, count(*) FILTER (WHERE rhythm = 'weekly' AND confirmed_at IS NOT NULL)::int AS weekly, count(*) FILTER (WHERE confirmed_at IS NULL)::int AS waiting FROM newsletter_subscribers",
    );
    expect(html).toContain('À chaque parution');
    expect(html).toContain(`<dd class="text-2xl font-bold">${(counts?.weekly ?? 0).toLocaleString('fr-FR')}</dd>`);
    expect(html).toContain('Renvoyer le test à moi-même');
  });

  it('exports the confirmed subscribers as CSV, to editors only, safe for a spreadsheet', async () => {
    const confirmed = `=cmd-${randomUUID().slice(0, 8)}@exemple.fr`;
    const pending = `attente-${randomUUID().slice(0, 8)}@exemple.fr`;
    await query("INSERT INTO newsletter_subscribers (email, rhythm, confirmed_at) VALUES ($1, 'weekly', now()), ($2, 'each', NULL)", [confirmed, pending]);
    const editor = new Visitor();
    await signInAs(editor, `redac-${randomUUID().slice(0, 8)}@exemple.fr`, 'editor');
    expect((await new Visitor().get('/redaction/lettre/abonnes.csv')).status).toBe(401);
    const reader = new Visitor();
    await signInAs(reader, `lect-${randomUUID().slice(0, 8)}@exemple.fr`);
    expect((await reader.get('/redaction/lettre/abonnes.csv')).status).toBe(403);
    const response = await asVisitor(editor, '/redaction/lettre/abonnes.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="abonnes-lettre.csv"');
    const csv = await response.text();
    expect(csv.split('\r\n')[0]).toBe('adresse,rythme,inscrit_le,confirme_le');
    expect(csv).toContain(`'${confirmed},hebdomadaire,`);
    expect(csv).not.toContain(pending);
  });

  it('sends an editor the next letter as a test, « [Test] » in its subject', async () => {
    const to = `test-${randomUUID().slice(0, 8)}@exemple.fr`;
    expect(await sendTestLetter(to, 'piece', new Date('2098-12-30T12:00:00Z'))).toBe(true);
    const mail = await waitForMail(mailDir, to);
    expect(mail.subject).toBe('[Test] Article : À paraître Zorglubesque');
    expect(mail.html).toContain('Se désinscrire en un clic');
    // Monday's digest of a week in which nothing was published: nothing to test.
    expect(await sendTestLetter(to, 'digest', new Date('2099-01-06T12:00:00Z'))).toBe(false);
  });

  it('previews and sends the next letter from the command line', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pdr-lettre-cli-'));
    try {
      // No AUTH_SECRET in its environment: on the default set-up, the one the launcher wrote in DATA_DIR.
      const env = { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: '', DATA_DIR: dataDir };
      const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'scripts/newsletter.ts', ...args], { cwd: root, env, encoding: 'utf8' });
      const unset = run('preview');
      expect(unset.status).toBe(1);
      expect(unset.stderr).toContain('AUTH_SECRET n’est pas défini');
      writeFileSync(path.join(dataDir, 'secret'), TEST_SECRET);
      const preview = run('preview');
      expect(preview.status, preview.stderr).toBe(0);
      expect(preview.stdout).toMatch(/^Objet : /);
      expect(preview.stdout).toContain('Lire : ');
      expect(readFileSync(path.join(dataDir, 'lettre-apercu.html'), 'utf8')).toMatch(/^<!doctype html><html lang="fr">/);
      const usage = run('send-test', 'pas-une-adresse');
      expect(usage.status).toBe(2);
      expect(usage.stderr).toContain('Usage : npm run newsletter');
      const to = `cli-${randomUUID().slice(0, 8)}@exemple.fr`;
      const sent = run('send-test', to);
      expect(sent.status, sent.stderr).toBe(0);
      expect(sent.stdout).toContain(`Lettre de test envoyée à ${to}`);
      const mail = await waitForMail(mailDir, to);
      expect(mail.subject).toMatch(/^\[Test\] /);
      // Signed with the site's own secret: its link is one the site accepts (this one names no subscriber).
      const link = new URL(/Se désinscrire en un clic : (\S+)/.exec(mail.text)?.[1] ?? '');
      expect(isUnsubscribeToken(link.searchParams.get('abonne') ?? '', link.searchParams.get('jeton') ?? '')).toBe(true);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
