import { z } from 'zod';

// The answer of GET /api/search, described once: the OpenAPI document is generated from it.
const segment = z.object({ text: z.string(), mark: z.literal(true).optional().meta({ description: 'Un mot cherché' }) });

export const searchResultsSchema = z
  .object({
    query: z.string().meta({ description: 'La recherche, telle qu’elle a été comprise (espaces réduits)' }),
    page: z.number().int().min(1),
    pageCount: z.number().int().min(0),
    total: z.number().int().min(0).meta({ description: 'Nombre de contenus trouvés' }),
    notice: z.string().nullable().meta({ description: 'Quand la recherche n’a que des mots trop courants : quoi changer' }),
    hits: z.array(
      z.object({
        key: z.string(),
        url: z.string().meta({ description: 'Adresse du contenu sur le site, par exemple /interviews/valerie-march-place-des-reseaux' }),
        section: z.enum(['interviews', 'articles']),
        title: z.array(segment).meta({ description: 'Le titre, mots cherchés marqués' }),
        summary: z.string(),
        excerpt: z.array(segment).meta({ description: 'Passages du texte autour des mots trouvés, marqués' }),
        date: z.string().meta({ description: 'Date de publication (ISO 8601)' }),
      }),
    ),
  })
  .meta({ id: 'SearchResults' });

export type SearchResults = z.infer<typeof searchResultsSchema>;
export type SearchHit = SearchResults['hits'][number];
export type Segment = SearchHit['excerpt'][number];
