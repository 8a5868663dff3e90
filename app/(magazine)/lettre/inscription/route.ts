import { assertSameOrigin, parseInput, readFormBody } from '@/lib/http/api';
import { seeOther } from '@/lib/http/form-posts';
import { noticeOfFailure, subscribeFrom } from '@/lib/http/newsletter-requests';
import { subscriptionInputSchema } from '@/lib/newsletter/newsletter-schemas';

// The subscription forms, sent without JavaScript (from a piece, the home or /lettre): the same
// checks as the API, then back to /lettre, at the notice that says what happened.
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const fields = await readFormBody(request);
    const field = (name: string) => fields.get(name) ?? undefined;
    const input = parseInput(subscriptionInputSchema, { email: fields.get('email') ?? '', rhythm: field('rhythm'), website: field('website'), startedAt: field('startedAt') });
    const { outcome, reader } = await subscribeFrom(request, input);
    return seeOther(`/lettre?inscription=${outcome === 'subscribed' ? 'inscrit' : 'envoye'}#inscription`, reader);
  } catch (error) {
    return seeOther(`/lettre?inscription=${noticeOfFailure(error)}#inscription`);
  }
}
