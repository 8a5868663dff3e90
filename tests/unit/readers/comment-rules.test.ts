import { describe, expect, it } from 'vitest';
import { countLinks, EDIT_WINDOW_MS, initialStatus, withinEditWindow } from '@/lib/readers/comment-rules';
import { commentParagraphs } from '@/lib/readers/comment-text';
import { checkFormToken, issueFormToken } from '@/lib/readers/form-token';
import { relativeTime } from '@/lib/format';
import { formatAverage, formatRatingCount, withReaderRating } from '@/lib/readers/rating-math';

const guest = { signedIn: false, hasApprovedComment: false };

describe('moderation rules', () => {
  it('holds a guest’s first comment under pre-moderation, not under post-moderation', () => {
    expect(initialStatus('Bonjour', guest, { mode: 'pre', maxLinks: 2 })).toBe('pending');
    expect(initialStatus('Bonjour', guest, { mode: 'post', maxLinks: 2 })).toBe('published');
    expect(initialStatus('Bonjour', { ...guest, hasApprovedComment: true }, { mode: 'pre', maxLinks: 2 })).toBe('published');
    expect(initialStatus('Bonjour', { ...guest, signedIn: true }, { mode: 'pre', maxLinks: 2 })).toBe('published');
  });

  it('always holds a comment with more links than allowed', () => {
    const threeLinks = 'https://a.fr http://b.fr www.c.fr';
    expect(countLinks(threeLinks)).toBe(3);
    expect(initialStatus(threeLinks, { signedIn: true, hasApprovedComment: true }, { mode: 'post', maxLinks: 2 })).toBe('pending');
    expect(initialStatus('https://a.fr https://b.fr', guest, { mode: 'post', maxLinks: 2 })).toBe('published');
  });

  it('opens the edit window for 15 minutes exactly', () => {
    const created = new Date('2026-11-26T10:00:00Z');
    expect(withinEditWindow(created, new Date(created.getTime() + EDIT_WINDOW_MS))).toBe(true);
    expect(withinEditWindow(created, new Date(created.getTime() + EDIT_WINDOW_MS + 1))).toBe(false);
    expect(withinEditWindow(created, new Date(created.getTime() - 1000))).toBe(false);
  });
});

describe('comment text', () => {
  it('keeps paragraphs and line breaks, and makes only http(s) links clickable', () => {
    expect(commentParagraphs('Bonjour,\nvoici :\n\nhttps://exemple.fr/page. Merci !')).toEqual([
      [[{ kind: 'text', text: 'Bonjour,' }], [{ kind: 'text', text: 'voici :' }]],
      [[{ kind: 'link', text: 'https://exemple.fr/page', href: 'https://exemple.fr/page' }, { kind: 'text', text: '. Merci !' }]],
    ]);
  });

  it('never makes a link of javascript:, data: or markup', () => {
    const segments = commentParagraphs('javascript:alert(1) data:text/html,<b>x</b> <a href="https://x.fr">lien</a>').flat(2);
    expect(segments.filter((segment) => segment.kind === 'link').map((segment) => segment.text)).toEqual(['https://x.fr']);
  });

  it('keeps a closing bracket that belongs to the link', () => {
    const [link] = commentParagraphs('(voir https://fr.wikipedia.org/wiki/Réseau_(homonymie))').flat(2).filter((segment) => segment.kind === 'link');
    expect(link?.text).toBe('https://fr.wikipedia.org/wiki/Réseau_(homonymie)');
  });
});

describe('the form timing token', () => {
  const secret = 's'.repeat(32);

  it('accepts a form sent 3 seconds or more after it was shown', () => {
    const token = issueFormToken(secret, 1_000_000_000_000);
    expect(checkFormToken(secret, token, 1_000_000_002_999)).toBe('too-fast');
    expect(checkFormToken(secret, token, 1_000_000_003_000)).toBe('ok');
  });

  it('refuses a missing, forged or re-dated token', () => {
    const token = issueFormToken(secret, 1_000_000_000_000);
    expect(checkFormToken(secret, null, Date.now())).toBe('invalid');
    expect(checkFormToken('t'.repeat(32), token, 1_000_000_010_000)).toBe('invalid');
    expect(checkFormToken(secret, token.replace('1000000000000', '999999990000'), 1_000_000_010_000)).toBe('invalid');
  });
});

describe('what the rating section shows', () => {
  const empty = { average: null, count: 0, distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }, mine: null };

  it('writes averages and counts in French', () => {
    expect(formatAverage(4.3)).toBe('4,3/5');
    expect(formatAverage(5)).toBe('5/5');
    expect(formatRatingCount(0)).toBe('Aucun avis pour l’instant');
    expect(formatRatingCount(1)).toBe('1 avis');
    expect(formatRatingCount(1200)).toBe('1\u202f200 avis');
  });

  it('computes the summary a rating leads to, for the optimistic display', () => {
    const one = withReaderRating(empty, 5);
    expect(one).toEqual({ average: 5, count: 1, distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 1 }, mine: 5 });
    const other = { ...one, mine: null };
    const two = withReaderRating(other, 3);
    expect(two).toMatchObject({ average: 4, count: 2, mine: 3 });
    expect(withReaderRating(two, 4)).toMatchObject({ average: 4.5, count: 2, distribution: { 3: 0, 4: 1, 5: 1 }, mine: 4 });
    expect(withReaderRating(two, null)).toMatchObject({ average: 5, count: 1, mine: null });
  });
});

describe('relative dates', () => {
  const now = Date.parse('2026-11-26T12:00:00Z');
  it.each([
    ['2026-11-26T11:59:40Z', 'à l’instant'],
    ['2026-11-26T11:55:00Z', 'il y a 5 minutes'],
    ['2026-11-26T09:00:00Z', 'il y a 3 heures'],
    ['2026-11-25T11:00:00Z', 'hier'],
    ['2026-11-22T12:00:00Z', 'il y a 4 jours'],
    ['2026-09-01T12:00:00Z', 'le 1er septembre 2026'],
  ])('%s is « %s »', (iso, text) => {
    expect(relativeTime(iso, now)).toBe(text);
  });
});
