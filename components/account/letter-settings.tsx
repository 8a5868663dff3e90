import { RHYTHM_LABELS, RHYTHMS, type Rhythm } from '@/lib/newsletter/rhythms';

type Props = { email: string; subscription: { rhythm: Rhythm; confirmedAt: Date | null } | null; notice: string | null };

const NOTICES: Record<string, string> = {
  inscrit: 'C’est fait : vous recevez la lettre.',
  desinscrit: 'C’est fait : vous ne recevez plus la lettre, et votre adresse en est effacée.',
  rythme: 'Choisissez un rythme : à chaque parution, ou une fois par semaine.',
  indisponible: 'La lettre est momentanément indisponible : rien n’a changé. Réessayez dans quelques minutes.',
  origine: 'Ce formulaire doit être envoyé depuis le site Place des Réseaux lui-même.',
  erreur: 'Une erreur inattendue est survenue : rien n’a changé. Réessayez dans quelques minutes.',
};

/** « La lettre » on the account page: the account's address subscribed, changed or removed in one click (no JavaScript needed). */
export function LetterSettings({ email, subscription, notice }: Props) {
  const subscribed = subscription?.confirmedAt ? subscription.rhythm : null;
  const message = notice ? NOTICES[notice] : undefined;
  return (
    <div id="lettre" className="border-t border-line pt-6">
      <h2 className="mb-3 font-serif text-xl font-bold">La lettre</h2>
      {message && <p role={notice === 'inscrit' || notice === 'desinscrit' ? 'status' : 'alert'} className="mb-3 font-semibold">{message}</p>}
      <p className="mb-3">
        {subscribed ? (
          <>
            Vous recevez la lettre {RHYTHM_LABELS[subscribed]} à <strong>{email}</strong>.
          </>
        ) : (
          <>Recevez la lettre à <strong>{email}</strong>, sans e-mail de confirmation : votre compte prouve déjà que l’adresse est la vôtre.</>
        )}
      </p>
      <form method="post" action="/api/newsletter/account" className="flex flex-wrap items-end gap-3">
        <fieldset>
          <legend className="text-sm font-semibold">Rythme</legend>
          <div className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
            {RHYTHMS.map((rhythm) => (
              <label key={rhythm} className="flex items-center gap-2">
                <input type="radio" name="rhythm" value={rhythm} defaultChecked={rhythm === (subscribed ?? 'each')} />
                {RHYTHM_LABELS[rhythm]}
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" name="action" value="inscrire" className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink">
          {subscribed ? 'Changer de rythme' : 'Recevoir la lettre'}
        </button>
        {subscribed && (
          <button type="submit" name="action" value="desinscrire" formNoValidate className="rounded-md border border-line px-4 py-2 font-semibold">
            Me désinscrire
          </button>
        )}
      </form>
    </div>
  );
}
