import { z } from '@/lib/zod';

/** `PUT …/rating`: the reader's stars. */
export const ratingInputSchema = z
  .object({
    value: z
      .number({ error: 'La note doit être un nombre entier de 1 à 5.' })
      .int({ error: 'La note doit être un nombre entier de 1 à 5.' })
      .min(1, { error: 'La note doit être un nombre entier de 1 à 5.' })
      .max(5, { error: 'La note doit être un nombre entier de 1 à 5.' })
      .meta({ description: 'Nombre d’étoiles, de 1 à 5' }),
  })
  .strict()
  .meta({ id: 'RatingInput' });
export type RatingInput = z.infer<typeof ratingInputSchema>;

const count = z.number().int().min(0);

/** What readers see of a piece's ratings. */
export const ratingSummarySchema = z
  .object({
    average: z.number().min(1).max(5).nullable().meta({ description: 'Moyenne arrondie au dixième ; null sans avis' }),
    count,
    distribution: z.object({ 1: count, 2: count, 3: count, 4: count, 5: count }),
    mine: z.number().int().min(1).max(5).nullable().meta({ description: 'La note du lecteur qui demande, s’il en a donné une' }),
  })
  .meta({ id: 'RatingSummary' });
export type RatingSummary = z.infer<typeof ratingSummarySchema>;
