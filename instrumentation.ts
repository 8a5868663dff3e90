// Next passes a client's own X-Forwarded-For through and offers route handlers no way to read
// the TCP peer's address. Stamp every incoming request with that address, under a header of
// ours that a client cannot forge (it is overwritten), before Next handles it.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { stampRemoteAddress } = await import('./lib/remote-address');
    stampRemoteAddress();
  }
}
