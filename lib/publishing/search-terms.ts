// How words become search terms, the same when the index is built and when a reader types:
// case and accents ignored, common French words left out, plurals and simple inflections folded.

const STOP_WORDS = new Set(
  'a au aux avec ce ces dans de des du elle en et est il ils la le les leur lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y etre avoir fait comme plus tout tous cette cet'.split(' '),
);

/** Lower case, no accents: « Réseaux » → « reseaux ». */
export function foldAccents(word: string): string {
  return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** A light French stemmer: « réseaux » and « réseau », « entrepreneurs » and « entrepreneur » meet. */
export function stem(word: string): string {
  let w = word;
  if (w.endsWith('eaux')) w = w.slice(0, -1);
  else if (w.length > 4 && w.endsWith('aux')) w = `${w.slice(0, -3)}al`;
  else if (w.length > 3 && (w.endsWith('s') || w.endsWith('x'))) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ement')) w = w.slice(0, -5);
  else if (w.length > 5 && w.endsWith('ment')) w = w.slice(0, -4);
  if (w.length > 4 && (w.endsWith('e') || w.endsWith('é'))) w = w.slice(0, -1);
  return w;
}

/** MiniSearch's term processing: null drops the word. */
export function searchTerm(term: string): string | null {
  const folded = foldAccents(term).replace(/^[’'-]+|[’'-]+$/g, '');
  if (folded.length < 2 || STOP_WORDS.has(folded)) return null;
  return stem(folded.replace(/^(?:l|d|j|m|n|s|t|c|qu)[’']/, ''));
}

/** The words of a text, for tokenizing (apostrophes split « l’entreprise »). */
export function searchTokens(text: string): string[] {
  return text.split(/[\s.,;:!?«»"()[\]{}/\\…’'–—-]+/u).filter(Boolean);
}

export const SEARCH_FIELDS = ['title', 'summary', 'tags', 'text'] as const;
export const STORED_FIELDS = ['title', 'summary', 'url', 'section', 'date'] as const;
export const SEARCH_OPTIONS = {
  fields: [...SEARCH_FIELDS],
  storeFields: [...STORED_FIELDS],
  tokenize: searchTokens,
  processTerm: searchTerm,
  searchOptions: { boost: { title: 3, tags: 2, summary: 1.5 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' as const },
};
