import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes, tableOfContents } from '@/lib/content/markdown';
import { formatDate, isoDay, plural } from '@/lib/format';
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
