/**
 * The grounds of a DSA notice (art. 16) and the French law each names, and the desk's decisions on
 * a notice: shared by the schemas, the forms, the e-mails and /transparence (no zod here: the
 * notice form, a client component, imports it).
 */
export const NOTICE_GROUNDS = ['defamation', 'hate', 'privacy', 'counterfeit', 'other'] as const;
export type NoticeGround = (typeof NOTICE_GROUNDS)[number];

export const NOTICE_GROUND_LABELS: Record<NoticeGround, string> = {
  defamation: 'Injure ou diffamation',
  hate: 'Incitation à la haine ou à la violence',
  privacy: 'Atteinte à la vie privée',
  counterfeit: 'Contrefaçon',
  other: 'Autre infraction',
};

/** The law a removal for illegal content cites, by ground. */
export const NOTICE_GROUND_LAWS: Record<NoticeGround, string> = {
  defamation: 'article 29 de la loi du 29 juillet 1881 sur la liberté de la presse (injure et diffamation)',
  hate: 'article 24 de la loi du 29 juillet 1881 sur la liberté de la presse (provocation à la haine ou à la violence)',
  privacy: 'article 226-1 du Code pénal et article 9 du Code civil (atteinte à la vie privée)',
  counterfeit: 'articles L335-2 et suivants du Code de la propriété intellectuelle (contrefaçon)',
  other: 'la disposition pénale précisée dans l’explication ci-dessous',
};

/** What the editor decides about a notice: illegal content, against the charte, or no action. */
export const NOTICE_DECISIONS = ['illegal', 'charter', 'none'] as const;
export type NoticeDecision = (typeof NOTICE_DECISIONS)[number];

export const NOTICE_DECISION_LABELS: Record<NoticeDecision, string> = {
  illegal: 'Contenu illicite',
  charter: 'Contraire à la charte',
  none: 'Aucune action',
};

export const NOTICE_EXPLANATION_MAX = 2000;
export const DECISION_EXPLANATION_MAX = 1000;
