import { AUTHOR_NAME_MAX } from '@/lib/comment-limits';
import { z } from './zod';

/** « Mon compte »: the name shown on the reader's comments. */
export const displayNameSchema = z
  .object({
    name: z
      .string({ error: 'Indiquez un nom.' })
      .trim()
      .min(1, { error: 'Indiquez un nom.' })
      .max(AUTHOR_NAME_MAX, { error: `Le nom ne peut pas dépasser ${AUTHOR_NAME_MAX} caractères.` }),
  })
  .meta({ id: 'DisplayName' });
