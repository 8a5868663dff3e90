import { CHARTER_ARTICLE_IDS } from '@/lib/desk/charter';
import { DECISION_EXPLANATION_MAX, NOTICE_DECISIONS, NOTICE_EXPLANATION_MAX, NOTICE_GROUNDS } from '@/lib/desk/legal-grounds';
import { z } from '@/lib/zod';

/** `POST /api/comments/{id}/notices`: a notice of illegal content (DSA art. 16). */
export const noticeInputSchema = z
  .object({
    ground: z.enum(NOTICE_GROUNDS, { error: 'Choisissez le motif (« ground ») : defamation, hate, privacy, counterfeit ou other.' }),
    explanation: z
      .string({ error: 'Expliquez (« explanation ») en quoi ce contenu est illicite.' })
      .trim()
      .min(1, { error: 'Expliquez (« explanation ») en quoi ce contenu est illicite.' })
      .max(NOTICE_EXPLANATION_MAX, { error: 'L’explication (« explanation ») ne peut pas dépasser 2 000 caractères.' }),
    name: z.string({ error: 'Indiquez votre nom (« name »).' }).trim().min(1, { error: 'Indiquez votre nom (« name »).' }).max(100, { error: 'Votre nom (« name ») ne peut pas dépasser 100 caractères.' }),
    email: z.email({ error: 'Votre adresse e-mail (« email ») n’est pas valide.' }).max(254, { error: 'Votre adresse e-mail (« email ») est trop longue.' }),
    goodFaith: z.literal(true, { error: 'Cochez la déclaration de bonne foi (« goodFaith ») : les informations données sont exactes et complètes.' }),
  })
  .strict()
  .meta({ id: 'NoticeInput' });
export type NoticeInput = z.infer<typeof noticeInputSchema>;

export const noticeAnswerSchema = z
  .object({ notice: z.object({ reference: z.string().meta({ example: 'DSA-2026-7K3QZ' }), createdAt: z.iso.datetime() }) })
  .meta({ id: 'NoticeAnswer' });

/** `POST /api/moderation/notices/{id}/decision`: the editor's decision on a notice. */
export const noticeDecisionInputSchema = z
  .object({
    decision: z.enum(NOTICE_DECISIONS, { error: 'Choisissez la décision (« decision ») : illegal, charter ou none.' }),
    explanation: z
      .string({ error: 'Expliquez la décision (« explanation »).' })
      .trim()
      .min(1, { error: 'Expliquez la décision (« explanation »).' })
      .max(DECISION_EXPLANATION_MAX, { error: 'L’explication de la décision (« explanation ») ne peut pas dépasser 1 000 caractères.' }),
    // For `charter`: the article broken (by default `attaque` for injure or haine, `courtoisie` otherwise).
    article: z.enum(CHARTER_ARTICLE_IDS, { error: 'Article de la charte inconnu (« article ») : courtoisie, spam, attaque ou illicite.' }).optional(),
  })
  .strict()
  .meta({ id: 'NoticeDecisionInput' });
export type NoticeDecisionInput = z.infer<typeof noticeDecisionInputSchema>;
