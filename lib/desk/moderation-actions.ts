/** What an editor decides about a comment; `keep` dismisses its reports and leaves it as it is. */
export const MODERATION_ACTIONS = ['approve', 'reject', 'spam', 'delete', 'keep'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** The French names of the decisions, for the desk and its log. */
export const ACTION_LABELS: Record<ModerationAction | 'ban' | 'unban' | 'role', string> = {
  approve: 'Approuver',
  reject: 'Rejeter',
  spam: 'Spam',
  delete: 'Supprimer',
  keep: 'Garder',
  ban: 'Bannissement',
  unban: 'Levée de bannissement',
  role: 'Rôle',
};
