import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../e2e/fixtures/stack';

// Without TRUST_PROXY, X-Forwarded-For is the client's own word: the limits go by the TCP peer.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

async function comment(i: number, forwardedFor: string): Promise<number> {
  const response = await fetch(`${stack.baseUrl}/api/pieces/articles/archive-01/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: stack.baseUrl, 'x-forwarded-for': forwardedFor, 'x-pdr-remote-address': forwardedFor },
    body: JSON.stringify({ author: 'Robot', body: `Message ${i}` }),
  });
  await response.arrayBuffer();
  return response.status;
}

describe('the client address', () => {
  it('ignores X-Forwarded-For (and a forged address header) unless proxies are trusted', async () => {
    const statuses: number[] = [];
    // A new reader (no cookie) every time, each claiming another address.
    for (let i = 0; i < 11; i++) statuses.push(await comment(i, `203.0.113.${i + 1}`));
    expect(statuses.slice(0, 10).every((status) => status === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
