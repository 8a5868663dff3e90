import type { ErrorCode } from '@/lib/errors';

/** The forms under a piece: its rating, a comment, « Utile » on a comment. */
export type FormName = 'note' | 'commentaire' | 'utile';

const GENERAL: Partial<Record<ErrorCode, string>> = {
  forbidden_origin: 'Ce formulaire doit être envoyé depuis le site Place des Réseaux lui-même.',
  payload_too_large: 'Votre envoi est trop volumineux (16 Ko au plus).',
  unsupported_media_type: 'Ce formulaire doit être envoyé par le navigateur, tel quel.',
  invalid_json: 'Votre envoi n’a pas pu être lu. Réessayez.',
  database_unavailable: 'Les avis et commentaires sont momentanément indisponibles : rien n’a été enregistré. Réessayez dans quelques minutes.',
  internal_error: 'Une erreur inattendue est survenue. Réessayez ; si elle persiste, écrivez à la rédaction.',
};

const BY_FORM: Record<FormName, Record<string, string>> = {
  note: {
    rate_limited: 'Vous avez changé votre note de nombreuses fois en peu de temps. Patientez une minute avant de réessayer.',
    'validation_failed-value': 'Choisissez une note de 1 à 5 étoiles avant d’envoyer.',
  },
  utile: {
    own_comment: 'Vous ne pouvez pas marquer votre propre commentaire comme utile.',
    comment_not_found: 'Ce commentaire n’existe plus ou n’est plus visible : rien n’a été enregistré.',
    rate_limited: 'Vous avez marqué beaucoup de commentaires comme utiles en peu de temps. Patientez une minute avant de réessayer.',
  },
  commentaire: {
    pending: 'Merci ! Votre commentaire est en attente de modération : il sera publié dès qu’un membre de la rédaction l’aura relu.',
    rate_limited: 'Vous avez envoyé beaucoup de commentaires en peu de temps. Patientez une minute avant de réessayer.',
    comments_closed: 'Les commentaires sont fermés pour ce contenu : votre commentaire n’a pas été publié.',
    'validation_failed-author': 'Indiquez votre nom (60 caractères au plus, sans caractère de contrôle invisible).',
    'validation_failed-email': 'Cette adresse e-mail n’est pas valide : corrigez-la ou laissez le champ vide.',
    'validation_failed-body': 'Le commentaire doit contenir entre 2 et 4 000 caractères (les espaces seuls ne comptent pas), sans caractère de contrôle invisible.',
    validation_failed: 'Le formulaire contient une erreur : vérifiez-le et renvoyez-le.',
  },
};

/** The id of the notice a form sent without JavaScript comes back to, e.g. `commentaire-rate_limited`. */
export function noticeId(form: FormName, code: string, field?: string): string {
  const specific = field ? `${code}-${field}` : code;
  if (BY_FORM[form][specific]) return `${form}-${specific}`;
  if (BY_FORM[form][code] || GENERAL[code as ErrorCode]) return `${form}-${code}`;
  return `${form}-internal_error`;
}

/** Every notice of a form, by id: the page carries them all, hidden until the URL names one. */
export function formNotices(form: FormName): { id: string; text: string; error: boolean }[] {
  const entries = { ...GENERAL, ...BY_FORM[form] } as Record<string, string>;
  return Object.entries(entries).map(([key, text]) => ({ id: `${form}-${key}`, text, error: key !== 'pending' }));
}
