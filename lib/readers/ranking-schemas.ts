import { z } from 'zod';

// The answer of GET /api/rankings, described once: the OpenAPI document is generated from it.
const rankedPiece = {
  key: z.string(),
  url: z.string().meta({ description: 'Adresse du contenu sur le site, par exemple /interviews/valerie-march-place-des-reseaux' }),
  section: z.enum(['interviews', 'articles']),
  title: z.string(),
};

export const rankingsSchema = z
  .object({
    page: z.number().int().min(1),
    pageCount: z.number().int().min(1),
    total: z.number().int().min(0).meta({ description: 'Nombre de contenus notés au moins une fois' }),
    prior: z
      .object({ mean: z.number(), count: z.number().int() })
      .meta({ description: 'Le classement compte chaque contenu comme s’il avait reçu `count` avis de plus à `mean`/5 (moyenne bayésienne)' }),
    mostLiked: z.array(
      z.object({
        ...rankedPiece,
        average: z.number().meta({ description: 'Moyenne des avis, arrondie au dixième' }),
        ratings: z.number().int().min(1),
        comments: z.number().int().min(0),
        score: z.number().meta({ description: 'Moyenne bayésienne, qui fait le rang' }),
      }),
    ),
    mostCommented: z
      .object({
        days: z.number().int(),
        pieces: z.array(z.object({ ...rankedPiece, comments: z.number().int().min(1).meta({ description: 'Commentaires publiés sur la période' }) })),
      })
      .meta({ description: 'Les plus commentés sur les `days` derniers jours (seulement avec la page 1)' })
      .nullable(),
  })
  .meta({ id: 'Rankings' });

export type Rankings = z.infer<typeof rankingsSchema>;
