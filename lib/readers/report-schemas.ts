import { controlMessage, NO_CONTROL } from './comment-schemas';
import { z } from '@/lib/zod';

import { REPORT_DETAILS_MAX, REPORT_REASONS } from '@/lib/readers/comment-limits';

/** `POST /api/comments/{id}/reports`. */
export const reportInputSchema = z
  .object({
    reason: z.enum(REPORT_REASONS, { error: 'Choisissez un motif : spam, abuse, off_topic ou other.' }),
    details: z.string().regex(NO_CONTROL, controlMessage('Le texte des précisions')).trim().max(REPORT_DETAILS_MAX, { error: 'Les précisions ne peuvent pas dépasser 1 000 caractères.' }).optional(),
  })
  .strict()
  .meta({ id: 'ReportInput' });
export type ReportInput = z.infer<typeof reportInputSchema>;

export const reportSchema = z
  .object({ id: z.uuid(), reason: z.enum(REPORT_REASONS), createdAt: z.iso.datetime() })
  .meta({ id: 'Report' });
