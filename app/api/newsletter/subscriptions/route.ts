import { assertSameOrigin, handleApi, json, parseInput, readJsonBody, withReaderCookie } from '@/lib/http/api';
import { subscribeFrom, subscriptionMessage } from '@/lib/http/newsletter-requests';
import { subscriptionInputSchema } from '@/lib/newsletter/newsletter-schemas';

// « Recevoir la lettre »: 202 with the same answer whether or not the address was known.
export async function POST(request: Request) {
  return handleApi(async () => {
    assertSameOrigin(request);
    const input = parseInput(subscriptionInputSchema, await readJsonBody(request));
    const { outcome, reader } = await subscribeFrom(request, input);
    return withReaderCookie(json({ status: outcome, message: subscriptionMessage(outcome, input) }, { status: 202 }), reader);
  });
}
