import { z } from '@/lib/zod';

/** An audience beacon's body can be no larger (a referrer is cut to 1,000 characters by the page's script). */
export const MAX_BEACON_BYTES = 2048;

/** `POST /api/views`: a page seen (`view`), or the end of a piece's text reached (`read`). */
export const beaconSchema = z
  .object({
    kind: z.enum(['view', 'read'], { error: 'Le type doit être « view » ou « read ».' }).default('view'),
    path: z
      .string({ error: 'L’adresse de la page (path) est obligatoire.' })
      .max(300, { error: 'L’adresse de la page ne peut pas dépasser 300 caractères.' })
      .regex(/^\/[^?#\s]*$/, { error: 'L’adresse de la page doit être un chemin, par exemple /articles/un-article.' }),
    referrer: z.string().max(1000, { error: 'Le référent ne peut pas dépasser 1 000 caractères.' }).default(''),
    utmSource: z.string().max(100, { error: 'utm_source ne peut pas dépasser 100 caractères.' }).optional(),
    utmCampaign: z.string().max(100, { error: 'utm_campaign ne peut pas dépasser 100 caractères.' }).optional(),
  })
  .strict()
  .meta({ id: 'ViewBeacon' });
export type Beacon = z.infer<typeof beaconSchema>;
