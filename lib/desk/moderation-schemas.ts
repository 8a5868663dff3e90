import { CHARTER_ARTICLE_IDS } from '@/lib/desk/charter';
import { MODERATION_ACTIONS } from '@/lib/desk/moderation-actions';
import { BAN_DURATIONS } from '@/lib/desk/ban-durations';
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

const banDuration = z
  .enum(BAN_DURATIONS, { error: 'Durée inconnue : "1h", "24h", "7d" ou "permanent".' })
  .default('permanent')
  .meta({ description: 'Suspension d’une heure, de 24 heures, de 7 jours, ou bannissement définitif (par défaut)' });

/** `POST /api/moderation/bans`: bar the author of a comment, or an email, for a while or for good. */
export const banInputSchema = z
  .union([
    z.object({ commentId: z.uuid(), kind: z.enum(['account', 'reader', 'email']), reason: z.string().trim().min(3).max(500), duration: banDuration }).strict(),
    z.object({ email: z.email({ error: 'Cette adresse e-mail n’est pas valide.' }), reason: z.string().trim().min(3).max(500), duration: banDuration }).strict(),
  ])
  .meta({ id: 'BanInput' });

/** `PUT /api/moderation/pieces/{section}/{slug}`: open or close a piece's comments at once. */
export const pieceSettingInputSchema = z
  .object({
    comments: z.enum(['open', 'closed'], { error: 'Indiquez « comments » : "open" pour ouvrir les commentaires, "closed" pour les fermer.' }),
  })
  .strict()
  .meta({ id: 'PieceSettingInput' });

// One term of a word list: a word or a phrase with at least one letter or digit.
const listedTerm = z
  .string({ error: 'Chaque terme est un texte.' })
  .trim()
  .min(1, { error: 'Un terme est vide : retirez la ligne vide ou écrivez un mot.' })
  .max(100, { error: 'Un terme fait au plus 100 caractères.' })
  .refine((term) => /[\p{L}\p{N}]/u.test(term), { error: (issue) => `« ${String(issue.input).trim()} » n’est fait que de ponctuation : un terme contient au moins une lettre ou un chiffre.` });

const wordList = (name: string) => z.array(listedTerm, { error: `« ${name} » est une liste de termes : ["terme", "autre terme"].` }).max(5000, { error: 'Une liste compte au plus 5 000 termes.' });

/** `PUT /api/moderation/words`: the lists « refusés » and « à vérifier », each replaced whole (an absent one is left as it is). */
export const wordListsInputSchema = z
  .object({
    refused: wordList('refused').optional().meta({ description: 'Termes refusés : un commentaire qui en contient un est enregistré comme rejeté' }),
    review: wordList('review').optional().meta({ description: 'Termes à vérifier : un commentaire qui en contient un attend la rédaction, même en post-modération' }),
  })
  .strict()
  .meta({ id: 'WordListsInput' });

/** `GET` / `PUT /api/moderation/words`: the lists as they are. */
export const wordListsSchema = z
  .object({
    refused: z.array(z.string()),
    review: z.array(z.string()),
    updatedAt: z.string().nullable().meta({ description: 'Dernière modification (ISO 8601), null si jamais modifiées' }),
  })
  .meta({ id: 'WordLists' });
