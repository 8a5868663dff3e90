import { CHARTER_ARTICLE_IDS } from '@/lib/desk/charter';
import { MODERATION_ACTIONS } from '@/lib/desk/moderation-actions';
import { z } from '@/lib/zod';

/** `POST /api/moderation/comments`: one decision on one or several comments. */
export const moderationInputSchema = z
  .object({
    ids: z.array(z.uuid({ error: 'Identifiant de commentaire invalide.' })).min(1, { error: 'Choisissez au moins un commentaire.' }).max(200),
    action: z.enum(MODERATION_ACTIONS, { error: 'Action inconnue : approve, reject, spam, delete, keep, feature ou unfeature.' }),
    reason: z.string().trim().max(500).optional(),
    // The charte article a rejection or deletion applies, cited in the author's statement of reasons (DSA art. 17).
    ground: z.enum(CHARTER_ARTICLE_IDS, { error: 'Article de la charte inconnu (« ground ») : courtoisie, spam, attaque ou illicite.' }).optional(),
  })
  .strict()
  .meta({ id: 'ModerationInput' });

/** `POST /api/moderation/bans`: bar the author of a comment, or an email. */
export const banInputSchema = z
  .union([
    z.object({ commentId: z.uuid(), kind: z.enum(['account', 'reader', 'email']), reason: z.string().trim().min(3).max(500) }).strict(),
    z.object({ email: z.email({ error: 'Cette adresse e-mail n’est pas valide.' }), reason: z.string().trim().min(3).max(500) }).strict(),
  ])
  .meta({ id: 'BanInput' });

/** `PUT /api/moderation/pieces/{section}/{slug}`: open or close a piece's comments at once. */
export const pieceSettingInputSchema = z
  .object({
    comments: z.enum(['open', 'closed'], { error: 'Indiquez « comments » : "open" pour ouvrir les commentaires, "closed" pour les fermer.' }),
  })
  .strict()
  .meta({ id: 'PieceSettingInput' });
