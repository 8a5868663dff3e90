import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { SEARCH_OPTIONS, searchTerm } from '@/lib/publishing/search-terms';

describe('French search terms', () => {
  it('ignores case and accents, folds plurals and simple inflections, drops common words', () => {
    expect(searchTerm('Réseaux')).toBe(searchTerm('reseau'));
    expect(searchTerm('entrepreneurs')).toBe(searchTerm('Entrepreneur'));
    expect(searchTerm('journaux')).toBe(searchTerm('journal'));
    expect(searchTerm('l’entreprise')).toBe(searchTerm('entreprises'));
    expect(searchTerm('les')).toBeNull();
  });

  it('finds a document by a word written differently, ranking titles first', () => {
    const index = new MiniSearch(SEARCH_OPTIONS);
    index.addAll([
      { id: 'a', title: 'Animer un hub', summary: '', tags: '', text: 'Les réseaux sociaux demandent du temps.', url: '/a', section: 'articles', date: '' },
      { id: 'b', title: 'Les réseaux sociaux', summary: '', tags: '', text: 'Rien.', url: '/b', section: 'articles', date: '' },
      { id: 'c', title: 'Autre chose', summary: '', tags: '', text: 'Sans rapport.', url: '/c', section: 'articles', date: '' },
    ]);
    expect(index.search('reseau').map((hit) => hit.id)).toEqual(['b', 'a']);
  });
});
