import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes, tableOfContents } from '@/lib/content/markdown';
import { formatDate, formatMoment, isoDay, plural } from '@/lib/format';
import { slugify } from '@/lib/content/slugify';

describe('table of contents', () => {
  it('lists ## and ### headings with the ids rehype-slug gives them', () => {
    const markdown = [
      '## Par où commencer ?',
      'Texte.',
      '### Le **bon** outil',
      '```',
      '## pas un titre',
      '```',
      '## Par où commencer ?',
    ].join('\n');
    expect(tableOfContents(markdown)).toEqual([
      { depth: 2, text: 'Par où commencer ?', id: 'par-où-commencer-' },
      { depth: 3, text: 'Le bon outil', id: 'le-bon-outil' },
      { depth: 2, text: 'Par où commencer ?', id: 'par-où-commencer--1' },
    ]);
  });
});

describe('reading time', () => {
  it('counts words without markup and rounds to whole minutes, at least one', () => {
    expect(countWords('<PullQuote>Un deux</PullQuote>\n\n## Trois quatre\n\n- cinq')).toBe(5);
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(941)).toBe(4);
  });
});

describe('French formats', () => {
  it('writes the moment a suspension ends as French typography does, in Paris time', () => {
    const now = Date.parse('2026-12-02T10:00:00Z');
    expect(formatMoment('2026-12-03T13:00:00Z', now)).toBe('le 3 décembre à 14 h');
    expect(formatMoment('2026-12-02T23:05:00Z', now)).toBe('le 3 décembre à 0 h 05');
    expect(formatMoment('2027-01-01T08:30:00Z', now)).toBe('le 1er janvier 2027 à 9 h 30');
    expect(formatMoment('2026-07-01T10:00:00Z', now)).toBe('le 1er juillet à 12 h');
  });

  it('writes dates in French, in Paris time', () => {
    expect(formatDate('2026-11-25T23:00:00Z')).toBe('26 novembre 2026');
    expect(formatDate('2026-10-31T23:00:00Z')).toBe('1er novembre 2026');
    expect(isoDay('2026-11-25T23:00:00Z')).toBe('2026-11-26');
  });

  it('puts the plural from two on', () => {
    expect(plural(0, 'avis', 'avis')).toBe('0 avis');
    expect(plural(1, 'contenu')).toBe('1 contenu');
    expect(plural(12, 'contenu')).toBe('12 contenus');
    expect(plural(1500, 'contenu')).toBe('1\u202f500 contenus');
  });

  it('makes URL slugs without accents', () => {
    expect(slugify('Réseaux sociaux')).toBe('reseaux-sociaux');
    expect(slugify('L’animation de communauté !')).toBe('l-animation-de-communaute');
  });
});
