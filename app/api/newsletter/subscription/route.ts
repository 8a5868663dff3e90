import { connection } from 'next/server';
import { currentAccount } from '@/lib/accounts/session';
import { handleApi, json } from '@/lib/http/api';
import { subscriptionOf } from '@/lib/newsletter/subscriptions';
import { issueFormToken } from '@/lib/readers/form-token';
import { readerSecret } from '@/lib/readers/secret';

// For the subscription box of a cached page: a fresh form token, and a signed-in reader's address
// and subscription (they subscribe in one click). Never cached: it is about who asks.
export async function GET() {
  return handleApi(async () => {
    await connection();
    const account = await currentAccount();
    const subscription = account ? await subscriptionOf(account.email) : null;
    return json({
      formToken: issueFormToken(readerSecret(), Date.now()),
      account: account ? { email: account.email } : null,
      rhythm: subscription?.confirmedAt ? subscription.rhythm : null,
    });
  });
}
