import { describe, expect, it } from 'vitest';
import { onRequestError } from '../../../instrumentation';
import { inRequest, logger, scrub, writeLogsTo } from '@/lib/log';

/** What the process's logger writes from now on, line by line. */
function captured(): Array<Record<string, unknown>> {
  const lines: Array<Record<string, unknown>> = [];
  writeLogsTo({ write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return lines;
}

describe('what a log line never carries (lib/log.ts)', () => {
  it('masks e-mail addresses, plain or in a URL, and leaves package versions alone', () => {
    expect(scrub('envoi à Marie.Dupont+lettre@exemple.fr refusé')).toBe('envoi à [adresse masquée] refusé');
    expect(scrub('/api/auth/callback/email?email=marie%40exemple.fr&token=abc')).toBe('/api/auth/callback/email?email=[masqué]&token=[masqué]');
    expect(scrub('at node_modules/.pnpm/pino@10.1.0/lib/worker.js (next@16.4.6)')).toBe('at node_modules/.pnpm/pino@10.1.0/lib/worker.js (next@16.4.6)');
  });

  it('masks passwords in URLs, signed links’ tokens and the magazine’s cookies', () => {
    expect(scrub('connect postgres://magazine:s3cr3t-Pass@db.interne:5432/pdr')).toBe('connect postgres://magazine:[masqué]@db.interne:5432/pdr');
    expect(scrub('https://placedesreseaux.fr/desabonnement?commentaire=42&jeton=f00ba4')).toBe('https://placedesreseaux.fr/desabonnement?commentaire=42&jeton=[masqué]');
    expect(scrub('cookie: __Host-pdr_reader=r.123.abc; next-auth.session-token=tok-456; theme=dark')).toBe(
      'cookie: __Host-pdr_reader=[masqué]; next-auth.session-token=[masqué]; theme=dark',
    );
  });

  it('masks this instance’s secrets wherever they show', () => {
    const secret = 'un-secret-de-trente-deux-caracteres-au-moins';
    expect(scrub(`config: {"AUTH_SECRET":"${secret}"}`, [secret])).toBe('config: {"AUTH_SECRET":"[masqué]"}');
  });

  it('writes JSON lines with the level’s name, the module, the request’s id; redacts the fields that may carry a reader, and scrubs an address deeper', () => {
    const lines = captured();
    const log = logger('essai');
    log.info({ email: 'a@exemple.fr', mail: { to: 'b@exemple.fr', subject: 'Bonjour' }, headers: { cookie: 'x=1' } }, 'premier');
    inRequest('0123456789abcdef0123456789abcdef', () => log.warn('dans une requête'));
    expect(lines[0]).toMatchObject({ level: 'info', module: 'essai', msg: 'premier', email: '[masqué]', mail: { to: '[adresse masquée]', subject: 'Bonjour' }, headers: { cookie: '[masqué]' } });
    expect(lines[0]).not.toHaveProperty('request_id');
    expect(lines[1]).toMatchObject({ level: 'warn', msg: 'dans une requête', request_id: '0123456789abcdef0123456789abcdef' });
    expect(Number.isNaN(Date.parse(String(lines[0]?.time)))).toBe(false);
  });

  it('logs a server error Next reports (onRequestError) with its digest, its stack and its request’s id, the reader’s address masked', async () => {
    const lines = captured();
    // As in Next's server (the hook does nothing in the edge runtime).
    process.env.NEXT_RUNTIME = 'nodejs';
    const error = Object.assign(new Error('rendu impossible pour lectrice@exemple.fr'), { digest: '2817364509' });
    await onRequestError(error, { method: 'GET', headers: { 'x-request-id': 'req-42' } }, { routeType: 'render', routePath: '/[section]/[slug]', routerKind: 'App Router' }).finally(() => delete process.env.NEXT_RUNTIME);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'error', module: 'next', digest: '2817364509', request_id: 'req-42', method: 'GET', route: '/[section]/[slug]', route_type: 'render' });
    expect(lines[0]?.msg).toBe('erreur du serveur sur /[section]/[slug] (digest 2817364509)');
    const err = lines[0]?.err as { message: string; stack: string };
    expect(err.message).toBe('rendu impossible pour [adresse masquée]');
    expect(err.stack).toMatch(/\n\s+at /);
  });
});
