/**
 * The charte des commentaires: the rules the desk applies, each an article that a decision and
 * its statement of reasons (DSA art. 17) cite by `id`. Shown whole at /charte.
 */
export const CHARTER_ARTICLES = [
  {
    id: 'courtoisie',
    number: 1,
    title: 'La courtoisie',
    text: 'On débat des idées, pas des personnes : le ton de Place des Réseaux est celui d’une conversation entre professionnels qui se respectent. Les termes grossiers ou méprisants n’y ont pas leur place.',
  },
  {
    id: 'spam',
    number: 2,
    title: 'Pas de spam',
    text: 'Pas de publicité, de démarchage, de liens répétés ni de messages sans rapport avec le contenu commenté.',
  },
  {
    id: 'attaque',
    number: 3,
    title: 'Pas d’attaque personnelle',
    text: 'Pas de moquerie, d’insulte, d’intimidation ni de propos visant une personne (auteur, invité, lecteur) plutôt que ce qu’elle dit.',
  },
  {
    id: 'illicite',
    number: 4,
    title: 'Pas de contenu illicite',
    text: 'Rien de ce que la loi interdit : injure ou diffamation, incitation à la haine ou à la violence, atteinte à la vie privée, contrefaçon, ou toute autre infraction.',
  },
] as const;

export type CharterArticleId = (typeof CHARTER_ARTICLES)[number]['id'];
export const CHARTER_ARTICLE_IDS = CHARTER_ARTICLES.map((article) => article.id) as [CharterArticleId, ...CharterArticleId[]];

/** « article 3 de la charte (Pas d’attaque personnelle) » */
export function charterArticleLabel(id: CharterArticleId): string {
  const article = CHARTER_ARTICLES.find((candidate) => candidate.id === id) ?? CHARTER_ARTICLES[0];
  return `article ${article.number} de la charte des commentaires (${article.title})`;
}
