/**
 * What an editor decides about a comment; `keep` dismisses its reports and leaves it as it is;
 * `feature` / `unfeature` make a published comment a « Coup de cœur de la rédaction » or not.
 */
export const MODERATION_ACTIONS = ['approve', 'reject', 'spam', 'delete', 'keep', 'feature', 'unfeature'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** The French names of the decisions, for the desk and its log. */
export const ACTION_LABELS: Record<ModerationAction | 'ban' | 'unban' | 'role' | 'close_comments' | 'open_comments' | 'words' | 'auto_hold' | 'auto_reject' | 'message' | 'notice' | 'notice_decision', string> = {
  approve: 'Approuver',
  reject: 'Rejeter',
  spam: 'Spam',
  delete: 'Supprimer',
  keep: 'Garder',
  feature: 'Coup de cœur',
  unfeature: 'Retirer le coup de cœur',
  close_comments: 'Fermeture des commentaires',
  open_comments: 'Réouverture des commentaires',
  ban: 'Bannissement',
  unban: 'Levée de bannissement',
  role: 'Rôle',
  words: 'Listes de mots',
  auto_hold: 'Retenu par les listes de mots (à vérifier)',
  auto_reject: 'Rejeté par les listes de mots (refusé)',
  message: 'Message à l’auteur',
  notice: 'Notification DSA reçue',
  notice_decision: 'Décision sur une notification DSA',
};
