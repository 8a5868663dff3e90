import { currentAccount } from '@/lib/accounts/session';
import { assertSameOrigin, readFormBody } from '@/lib/http/api';
import { seeOther } from '@/lib/http/form-posts';
import { noticeOfFailure } from '@/lib/http/newsletter-requests';
import { requestSubscription, unsubscribeAddress } from '@/lib/newsletter/subscriptions';
import { RHYTHMS, type Rhythm } from '@/lib/newsletter/newsletter-schemas';

// « La lettre » on the account page: the account's own address, subscribed or unsubscribed in one
// click (signing in proved it is theirs: no confirmation e-mail).
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const account = await currentAccount();
    if (!account) return seeOther('/connexion');
    const fields = await readFormBody(request);
    if (fields.get('action') === 'desinscrire') {
      await unsubscribeAddress(account.email);
      return seeOther('/compte?lettre=desinscrit#lettre');
    }
    const rhythm = fields.get('rhythm');
    if (!RHYTHMS.includes(rhythm as Rhythm)) return seeOther('/compte?lettre=rythme#lettre');
    await requestSubscription({ email: account.email.toLowerCase(), rhythm: rhythm as Rhythm, accountEmail: account.email });
    return seeOther('/compte?lettre=inscrit#lettre');
  } catch (error) {
    return seeOther(`/compte?lettre=${noticeOfFailure(error)}#lettre`);
  }
}
