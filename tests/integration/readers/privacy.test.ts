import { describe, expect, it } from 'vitest';
import { oneClickUnsubscribeLink } from '@/lib/newsletter/links';
import { pieceApi, query, Visitor } from '../setup/helpers';

describe('what the database keeps of a reader', () => {
  it('never holds the raw address nor the raw cookie id, only keyed hashes', async () => {
    const address = '203.0.113.201';
    const reader = new Visitor(address);
    const key = 'articles/strategie-des-petits-cailloux';
    await reader.put(pieceApi(key).rating, { value: 4 });
    const { body } = await reader.post(pieceApi(key).comments, { author: 'Discrète', body: 'Je ne laisse pas de traces.' });
    await reader.post(`/api/comments/${(body.comment as { id: string }).id}/reports`, { reason: 'other' }).catch(() => undefined);
    // Subscribed to the letter, then gone: the address leaves nothing behind.
    const email = `discrete-${Date.now()}@exemple.fr`;
    expect((await reader.post('/api/newsletter/subscriptions', { email })).status).toBe(202);
    const [subscriber] = await query<{ id: string }>('SELECT id FROM newsletter_subscribers WHERE email = $1', [email]);
    const left = await fetch(oneClickUnsubscribeLink(subscriber?.id ?? ''), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(left.status).toBe(200);
    const readerId = reader.cookie?.split('=')[1] ?? '';
    expect(readerId).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const tables = await query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    );
    let dump = '';
    for (const { table_name } of tables) {
      const rows = await query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`);
      dump += rows.map((row) => row.row).join('\n');
    }
    expect(dump).toContain('Je ne laisse pas de traces.');
    expect(dump).not.toContain(address);
    expect(dump).not.toContain(readerId);
    expect(dump).not.toContain(email);
  });
});
