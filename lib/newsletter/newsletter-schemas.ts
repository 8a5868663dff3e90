import { z } from '@/lib/zod';

import { RHYTHMS } from './rhythms';

export { RHYTHM_LABELS, RHYTHMS, type Rhythm } from './rhythms';

/** `POST /api/newsletter/subscriptions` and the subscription forms. */
export const subscriptionInputSchema = z
  .object({
    email: z
      .string({ error: 'Indiquez votre adresse e-mail.' })
      .trim()
      .min(1, { error: 'Indiquez votre adresse e-mail.' })
      .max(254, { error: 'Cette adresse e-mail est trop longue (254 caractères au plus).' })
      .pipe(z.email({ error: 'Cette adresse e-mail n’est pas valide : vérifiez-la (par exemple prenom@exemple.fr).' }))
      .transform((email) => email.toLowerCase())
      .meta({ description: 'L’adresse qui recevra la lettre (un e-mail de confirmation y est envoyé d’abord)' }),
    rhythm: z
      .enum(RHYTHMS, { error: 'Choisissez « à chaque parution » (each) ou « une fois par semaine » (weekly).' })
      .default('each')
      .meta({ description: 'each : un e-mail à chaque parution ; weekly : le récapitulatif du lundi' }),
    startedAt: z.string().max(100).optional().meta({ description: 'Jeton du formulaire (quand il a été affiché) : les formulaires du site l’envoient' }),
    website: z.string({ error: 'Ce champ doit rester vide.' }).max(500, { error: 'Ce champ doit rester vide.' }).optional().meta({ description: 'Piège à robots : laisser vide' }),
  })
  .strict()
  .meta({ id: 'SubscriptionInput' });
export type SubscriptionInput = z.infer<typeof subscriptionInputSchema>;

/** What the API answers to a subscription request, the same whether or not the address was known. */
export const subscriptionAnswerSchema = z
  .object({ status: z.enum(['confirmation_sent', 'subscribed']), message: z.string() })
  .meta({ id: 'SubscriptionAnswer' });
