import { describe, expect, it } from 'vitest';
import { campaignOf, NAMED_SOURCES, sourceKind, sourceLabel, sourceOf } from '@/lib/audience/sources';

const siteUrl = 'https://www.placedesreseaux.fr';
const fromReferrer = (referrer: string) => sourceOf({ referrer, utmSource: null, siteUrl });
const fromUtm = (utmSource: string, referrer = '') => sourceOf({ referrer, utmSource, siteUrl });

describe('the source of a referrer', () => {
  it.each([
    ['https://www.linkedin.com/feed/update/urn:li:activity:7000000000000000000/', 'linkedin'],
    ['https://lnkd.in/eAbCdEf', 'linkedin'],
    ['android-app://com.linkedin.android/', 'linkedin'],
    ['https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.placedesreseaux.fr%2F', 'facebook'],
    ['https://m.facebook.com/', 'facebook'],
    ['https://www.viadeo.com/fr/', 'viadeo'],
    ['https://t.co/AbCdEf123', 'x'],
    ['https://x.com/', 'x'],
    ['https://twitter.com/placedesreseaux/status/1', 'x'],
    ['https://bsky.app/profile/placedesreseaux.fr', 'bluesky'],
    ['https://mastodon.social/@placedesreseaux', 'mastodon'],
    ['https://piaille.fr/@quelquun/113', 'mastodon'],
    ['https://mastodon.example.org/', 'mastodon'],
    ['android-app://org.joinmastodon.android/', 'mastodon'],
    ['https://www.google.fr/', 'google'],
    ['https://news.google.com/', 'google'],
    ['https://www.bing.com/search?q=reseaux', 'bing'],
    ['https://www.qwant.com/?q=reseaux', 'qwant'],
    ['https://duckduckgo.com/', 'duckduckgo'],
    ['https://www.ecosia.org/search?q=reseaux', 'ecosia'],
  ])('names %s as %s', (referrer, source) => {
    expect(fromReferrer(referrer)).toBe(source);
  });

  it('tells a visit from one page of the magazine to another, with or without www', () => {
    expect(fromReferrer('https://www.placedesreseaux.fr/articles/un-article')).toBe('interne');
    expect(fromReferrer('https://placedesreseaux.fr/')).toBe('interne');
    expect(sourceOf({ referrer: 'https://www.placedesreseaux.fr/', utmSource: null, siteUrl: 'https://placedesreseaux.fr' })).toBe('interne');
  });

  it('counts a missing, blank or unreadable referrer as direct access', () => {
    for (const referrer of ['', 'about:blank', 'pas une adresse', 'javascript:alert(1)', 'file:///etc/passwd', 'https://']) {
      expect(fromReferrer(referrer)).toBe('direct');
    }
  });

  it('counts any other site under its registrable domain', () => {
    expect(fromReferrer('https://www.lemonde.fr/pixels/article/2026/12/01/un-article.html')).toBe('lemonde.fr');
    expect(fromReferrer('https://blog.example.co.uk/post')).toBe('example.co.uk');
    expect(fromReferrer('https://un-petit-instance.social/@quelquun')).toBe('un-petit-instance.social');
    expect(fromReferrer('http://192.168.1.20:8080/')).toBe('192.168.1.20');
    expect(fromReferrer('android-app://com.slack/')).toBe('com.slack');
    expect(fromReferrer('https://WWW.Lemonde.FR./')).toBe('lemonde.fr');
  });

  // Its cost is the bench's (npm run bench:audience), not a timed test's.
  it('reads a referrer of 10,000 characters from its first 2,048, and keeps at most 100 of a host', () => {
    expect(fromReferrer(`https://www.lemonde.fr/${'a'.repeat(10_000)}`)).toBe('lemonde.fr');
    expect(fromReferrer(`https://${'a'.repeat(9_990)}.fr/`).length).toBeLessThanOrEqual(100);
  });
});

describe('the source of a utm_source', () => {
  it('counts our newsletter’s links as the letter, whatever the referrer', () => {
    expect(fromUtm('lettre', 'https://mail.google.com/')).toBe('lettre');
    expect(fromUtm(' Lettre ', 'https://www.placedesreseaux.fr/')).toBe('lettre');
  });

  it('reads the usual names of the networks and engines', () => {
    expect(fromUtm('fb')).toBe('facebook');
    expect(fromUtm('Twitter')).toBe('x');
    expect(fromUtm('t.co')).toBe('x');
    expect(fromUtm('bsky')).toBe('bluesky');
    expect(fromUtm('mastodon', 'https://www.lemonde.fr/')).toBe('mastodon');
    expect(fromUtm('ddg')).toBe('duckduckgo');
  });

  it('keeps a partner’s own value, made sane', () => {
    expect(fromUtm('newsletter')).toBe('newsletter');
    expect(fromUtm('Partenaire Été!')).toBe('partenaire-ete');
    expect(fromUtm('x'.repeat(30) + ' ' + 'y'.repeat(30))).toMatch(/^[a-z0-9._-]{1,40}$/);
  });

  it('falls back on the referrer when nothing is left of the value', () => {
    expect(fromUtm('', 'https://www.lemonde.fr/')).toBe('lemonde.fr');
    expect(fromUtm('  ', 'https://t.co/x')).toBe('x');
    expect(fromUtm('!!!', 'https://www.lemonde.fr/')).toBe('lemonde.fr');
  });
});

describe('the campaign', () => {
  it('keeps letters, digits, dots, underscores and hyphens, 64 at most', () => {
    expect(campaignOf(null)).toBe('');
    expect(campaignOf('   ')).toBe('');
    expect(campaignOf(' Lettre_2026-12 ')).toBe('Lettre_2026-12');
    expect(campaignOf('Été 2026 <script>')).toBe('Ete-2026-script');
    expect(campaignOf('c'.repeat(100))).toHaveLength(64);
  });
});

describe('what the desk reads', () => {
  it('names every named source in French and sorts it by kind', () => {
    expect(sourceLabel('direct')).toBe('Accès direct');
    expect(sourceLabel('interne')).toBe('Navigation sur le site');
    expect(sourceLabel('lettre')).toBe('La lettre');
    expect(sourceLabel('x')).toBe('X (Twitter)');
    expect(sourceLabel('duckduckgo')).toBe('DuckDuckGo');
    expect(sourceKind('linkedin')).toBe('réseau social');
    expect(sourceKind('ecosia')).toBe('moteur de recherche');
    expect(sourceKind('lettre')).toBe('lettre');
    for (const source of NAMED_SOURCES) expect(sourceLabel(source)).not.toBe(source);
  });

  it('shows a domain or a partner’s value as it is', () => {
    expect(sourceLabel('lemonde.fr')).toBe('lemonde.fr');
    expect(sourceKind('lemonde.fr')).toBe('site');
    expect(sourceKind('partenaire-ete')).toBe('site');
    expect(sourceLabel('constructor')).toBe('constructor');
    expect(sourceLabel('__proto__')).toBe('__proto__');
  });
});
