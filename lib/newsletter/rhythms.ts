// The letter's two rhythms, shared by the forms in the browser (no validation library there) and the server.

/** How often a subscriber hears from the magazine. */
export const RHYTHMS = ['each', 'weekly'] as const;
export type Rhythm = (typeof RHYTHMS)[number];

/** How each rhythm reads in French (forms, e-mails, the desk). */
export const RHYTHM_LABELS: Record<Rhythm, string> = {
  each: 'à chaque parution',
  weekly: 'une fois par semaine (le lundi)',
};
