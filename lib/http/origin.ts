/**
 * Whether a state-changing request comes from another site (CSRF): a browser's Sec-Fetch-Site
 * must say same-origin, and its Origin, when sent, must be this site's (`Origin: null` is not).
 * A request with neither comes from no browser, so carries no ambient credentials to abuse.
 */
export function isForeignOrigin(headers: Pick<Headers, 'get'>, ownOrigins: string[]): boolean {
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return true;
  const origin = headers.get('origin');
  return origin !== null && !ownOrigins.includes(origin);
}
