import { AUTHOR_NAME_MAX } from '@/lib/readers/comment-limits';
import { controlMessage, NO_CONTROL } from '@/lib/readers/comment-schemas';
import { z } from '@/lib/zod';

/** « Mon compte »: the name shown on the reader's comments. */
export const displayNameSchema = z
  .object({
    name: z
      .string({ error: 'Indiquez un nom.' })
      .regex(NO_CONTROL, controlMessage('Le nom'))
      .trim()
      .min(1, { error: 'Indiquez un nom.' })
      .max(AUTHOR_NAME_MAX, { error: `Le nom ne peut pas dépasser ${AUTHOR_NAME_MAX} caractères.` }),
  })
  .meta({ id: 'DisplayName' });
