import { controlMessage, NO_CONTROL } from '@/lib/readers/comment-schemas';
import { z } from '@/lib/zod';

export const MESSAGE_SUBJECT_MAX = 150;
export const MESSAGE_TEXT_MAX = 5000;
export const NOTE_TEXT_MAX = 2000;
/** The decisions a message may go with (« rejeter et écrire à l’auteur »). */
export const MESSAGE_ACTIONS = ['reject', 'delete', 'spam', 'approve'] as const;

const commentId = z.uuid({ error: 'Indiquez le commentaire (commentId) : l’identifiant d’un commentaire.' });

/** `POST /api/moderation/messages`: the desk writes to a comment's author, possibly with a decision. */
export const deskMessageInputSchema = z
  .object({
    commentId,
    subject: z
      .string({ error: 'Indiquez l’objet du message (subject).' })
      .regex(/^[^\p{Cc}]*$/u, { error: 'L’objet du message (subject) tient sur une ligne, sans caractère de contrôle.' })
      .trim()
      .min(1, { error: 'L’objet du message (subject) est vide.' })
      .max(MESSAGE_SUBJECT_MAX, { error: `L’objet du message (subject) ne peut pas dépasser ${MESSAGE_SUBJECT_MAX} caractères.` }),
    text: z
      .string({ error: 'Indiquez le texte du message (text).' })
      .regex(NO_CONTROL, controlMessage('Le texte du message (text)'))
      .trim()
      .min(1, { error: 'Le texte du message (text) est vide.' })
      .max(MESSAGE_TEXT_MAX, { error: `Le texte du message (text) ne peut pas dépasser ${MESSAGE_TEXT_MAX.toLocaleString('fr-FR')} caractères.` }),
    action: z.enum(MESSAGE_ACTIONS, { error: 'La décision (action) est reject, delete, spam ou approve, ou absente pour ne rien décider.' }).optional(),
  })
  .strict()
  .meta({ id: 'DeskMessageInput' });
export type DeskMessageInput = z.infer<typeof deskMessageInputSchema>;

/** `POST /api/moderation/notes`: an editor's note about the reader who wrote a comment. */
export const readerNoteInputSchema = z
  .object({
    commentId,
    text: z
      .string({ error: 'Indiquez le texte de la note (text).' })
      .regex(NO_CONTROL, controlMessage('Le texte de la note (text)'))
      .trim()
      .min(1, { error: 'Le texte de la note (text) est vide.' })
      .max(NOTE_TEXT_MAX, { error: `La note (text) ne peut pas dépasser ${NOTE_TEXT_MAX.toLocaleString('fr-FR')} caractères.` }),
  })
  .strict()
  .meta({ id: 'ReaderNoteInput' });
