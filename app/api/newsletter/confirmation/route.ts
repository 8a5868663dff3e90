import { assertSameOrigin, readFormBody } from '@/lib/http/api';
import { seeOther } from '@/lib/http/form-posts';
import { noticeOfFailure } from '@/lib/http/newsletter-requests';
import { confirmSubscription } from '@/lib/newsletter/subscriptions';
import { RHYTHMS, type Rhythm } from '@/lib/newsletter/newsletter-schemas';

// The button of /lettre/confirmer (a GET only shows it: mail scanners that open links confirm nothing).
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const fields = await readFormBody(request);
    const subscriberId = fields.get('abonne') ?? '';
    const rhythm = fields.get('rythme') ?? '';
    const issuedAt = Number(fields.get('date'));
    if (!/^[0-9a-f-]{36}$/i.test(subscriberId) || !RHYTHMS.includes(rhythm as Rhythm) || !Number.isSafeInteger(issuedAt)) return seeOther('/lettre/confirmer?resultat=invalide');
    const outcome = await confirmSubscription({ subscriberId, rhythm: rhythm as Rhythm, issuedAt, token: fields.get('jeton') ?? '' });
    const result = { confirmed: 'confirme', expired: 'expire', invalid: 'invalide', unknown: 'inconnu' }[outcome.status];
    return seeOther(`/lettre/confirmer?resultat=${result}${outcome.status === 'confirmed' ? `&rythme=${outcome.rhythm}` : ''}`);
  } catch (error) {
    return seeOther(`/lettre/confirmer?resultat=${noticeOfFailure(error)}`);
  }
}
