import { z } from '@/lib/zod';

import { AUTHOR_NAME_MAX, COMMENT_BODY_MAX, COMMENT_BODY_MIN } from '@/lib/readers/comment-limits';
import { COMMENT_SORTS } from '@/lib/readers/comment-sorts';

// Control characters are invisible, can hide text and make the page invalid HTML; PostgreSQL
// refuses NUL outright. Tabs and line breaks are kept (a name's are shown as spaces).
/** No control character but tabs and line breaks (C0, DEL and C1 refused). */
export const NO_CONTROL = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$/;
/** The refusal of a control character, naming the field. */
export const controlMessage = (field: string) => ({
  error: `${field} contient un caractère de contrôle invisible (copié d’un autre logiciel ?) : retirez-le, puis envoyez à nouveau.`,
});

/** The name a reader signs with (a comment's, an account's), with the message for a missing one. */
export const readerNameSchema = (missing: string) =>
  z
    .string({ error: missing })
    .regex(NO_CONTROL, controlMessage('Le nom'))
    .trim()
    .min(1, { error: missing })
    .max(AUTHOR_NAME_MAX, { error: `Le nom ne peut pas dépasser ${AUTHOR_NAME_MAX} caractères.` });

const bodySchema = z
  .string({ error: 'Le commentaire est obligatoire.' })
  .regex(NO_CONTROL, controlMessage('Le commentaire'))
  .trim()
  .min(COMMENT_BODY_MIN, { error: `Le commentaire doit contenir au moins ${COMMENT_BODY_MIN} caractères.` })
  .max(COMMENT_BODY_MAX, { error: `Le commentaire ne peut pas dépasser ${COMMENT_BODY_MAX.toLocaleString('fr-FR')} caractères.` })
  .meta({ description: 'Texte brut : paragraphes et liens http(s), aucun HTML interprété' });

/** `POST …/comments`: a new comment or a reply. */
export const commentInputSchema = z
  .object({
    author: readerNameSchema('Indiquez votre nom.'),
    email: z
      .union([z.literal(''), z.email({ error: 'Cette adresse e-mail n’est pas valide.' }).max(254)])
      .transform((value) => value || undefined)
      .optional()
      .meta({ description: 'Facultative, jamais affichée' }),
    body: bodySchema,
    parentId: z.uuid({ error: 'Le commentaire auquel vous répondez est introuvable.' }).optional(),
    notify: z.boolean().optional().meta({ description: 'Me prévenir des réponses (il faut un e-mail)' }),
    website: z.string({ error: 'Ce champ doit rester vide.' }).max(500, { error: 'Ce champ doit rester vide.' }).optional().meta({ description: 'Piège à robots : laisser vide' }),
  })
  .strict()
  .meta({ id: 'CommentInput' });
export type CommentInput = z.infer<typeof commentInputSchema>;

/** `PATCH /api/comments/{id}`: the new text. */
export const commentEditSchema = z.object({ body: bodySchema }).strict().meta({ id: 'CommentEdit' });
export type CommentEdit = z.infer<typeof commentEditSchema>;

/** The badges the server gives a comment from its writer's account (never from what they typed). */
export const COMMENT_BADGES = ['redaction', 'auteur'] as const;
export type CommentBadge = (typeof COMMENT_BADGES)[number];

const publicReplySchema = z.object({
  id: z.uuid(),
  author: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime(),
  editedAt: z.iso.datetime().nullable(),
  badge: z.enum(COMMENT_BADGES).nullable().meta({ description: 'redaction : écrit depuis un compte de la rédaction ; auteur : par l’auteur du contenu' }),
  featured: z.boolean().meta({ description: 'Coup de cœur de la rédaction' }),
  useful: z.number().int().min(0).meta({ description: 'Nombre de lecteurs qui l’ont trouvé utile' }),
});

/** A published comment as the API shows it (never the email). */
export const publicCommentSchema = publicReplySchema
  .extend({
    deleted: z.boolean().meta({ description: 'Commentaire supprimé, gardé pour ses réponses ; auteur et texte vides' }),
    replies: z.array(publicReplySchema),
  })
  .meta({ id: 'Comment' });
export type PublicComment = z.infer<typeof publicCommentSchema>;
export type PublicReply = z.infer<typeof publicReplySchema>;

export { COMMENT_SORTS, SORT_LABELS, SORT_PARAMS, sortFromParam, type CommentSort } from '@/lib/readers/comment-sorts';

/** `GET …/comments?sort=&cursor=`. */
export const commentListQuerySchema = z
  .object({
    sort: z.enum(COMMENT_SORTS, { error: 'Tri inconnu : utilisez sort=oldest, newest ou useful.' }).default('oldest'),
    cursor: z.string().min(1).optional(),
  })
  .strict();

/** A featured comment in the strip above the thread, with where it is in the thread. */
export const featuredCommentSchema = publicReplySchema.extend({
  href: z.string().meta({ description: 'Lien vers le commentaire dans la discussion' }),
});
export type FeaturedComment = z.infer<typeof featuredCommentSchema>;

export const commentPageSchema = z
  .object({
    count: z.number().int().min(0).meta({ description: 'Nombre de commentaires publiés, réponses comprises' }),
    sort: z.enum(COMMENT_SORTS),
    comments: z.array(publicCommentSchema),
    nextCursor: z.string().nullable(),
    open: z.boolean().meta({ description: 'false quand les commentaires sont fermés pour ce contenu (ils restent lisibles)' }),
  })
  .meta({ id: 'CommentPage' });
export type CommentPage = z.infer<typeof commentPageSchema>;

/** `PUT` / `DELETE /api/comments/{id}/reaction`: the comment's count after the change. */
export const reactionAnswerSchema = z
  .object({
    useful: z.number().int().min(0).meta({ description: 'Nombre de lecteurs qui ont trouvé ce commentaire utile' }),
    reacted: z.boolean().meta({ description: 'Si le lecteur qui demande l’a trouvé utile' }),
  })
  .meta({ id: 'ReactionAnswer' });
export type ReactionAnswer = z.infer<typeof reactionAnswerSchema>;

/** The author's view of their own comment, just written or edited. */
export const ownCommentSchema = publicReplySchema
  .extend({
    parentId: z.uuid().nullable(),
    status: z.enum(['published', 'pending']),
  })
  .meta({ id: 'OwnComment' });
export type OwnComment = z.infer<typeof ownCommentSchema>;

/** A comment just published, as `GET …/events` announces it (`event: comment`). */
export const liveCommentSchema = publicReplySchema.extend({ parentId: z.uuid().nullable() }).meta({ id: 'LiveComment' });
export type LiveComment = z.infer<typeof liveCommentSchema>;

/** `GET …/me`: what the reader asking sees of their own activity on a piece. */
export const readerStateSchema = z
  .object({
    mine: z.number().int().min(1).max(5).nullable(),
    pending: z.array(ownCommentSchema).meta({ description: 'Ses commentaires en attente de modération' }),
    editable: z
      .array(z.object({ id: z.uuid(), until: z.iso.datetime(), body: z.string() }))
      .meta({ description: 'Ses commentaires encore modifiables, jusqu’à quand, et leur texte (pour les modifier)' }),
    formToken: z.string().meta({ description: 'Jeton signé du moment où le formulaire est montré' }),
    reacted: z.array(z.uuid()).meta({ description: 'Les commentaires de ce contenu qu’il a trouvés utiles' }),
    account: z.object({ name: z.string().nullable(), isEditor: z.boolean() }).nullable().meta({ description: 'Le compte connecté, s’il y en a un' }),
  })
  .meta({ id: 'ReaderState' });
export type ReaderState = z.infer<typeof readerStateSchema>;
