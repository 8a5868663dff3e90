import { readerNameSchema } from '@/lib/readers/comment-schemas';
import { z } from '@/lib/zod';

/** « Mon compte »: the name shown on the reader's comments. */
export const displayNameSchema = z
  .object({
    name: readerNameSchema('Indiquez un nom.'),
  })
  .meta({ id: 'DisplayName' });
