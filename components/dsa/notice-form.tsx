'use client';

import Link from '@/components/layout/link';
import { useActionState, useId } from 'react';
import { useHydrated } from '@/components/reader/use-hydrated';
import { NOTICE_EXPLANATION_MAX, NOTICE_GROUND_LABELS, NOTICE_GROUNDS } from '@/lib/desk/legal-grounds';
import { submitNotice, type NoticeFormState } from './actions';

const initial: NoticeFormState = { status: 'idle', message: null };
const fieldClass = 'mt-1 w-full rounded-md border border-line bg-paper px-3 py-2 text-ink';

/**
 * « Signaler un contenu illicite » (DSA art. 16): a server action once the page is interactive;
 * without JavaScript the form posts to /signalement/envoi, which sends the browser back here with
 * the reference (`received`) or the field to correct (`refused`, its message).
 */
export function NoticeForm({ commentId, back, received, refused }: { commentId: string; back: string; received?: string | null; refused?: { field?: string; message: string } | null }) {
  const [answer, action, pending] = useActionState(submitNotice.bind(null, commentId), initial);
  const hydrated = useHydrated();
  const id = useId();
  const state: NoticeFormState =
    answer.status === 'idle' && received
      ? { status: 'done', message: `Votre notification est enregistrée sous la référence ${received}. Un accusé de réception vient de partir à votre adresse ; la décision de la rédaction vous y sera envoyée.` }
      : answer.status === 'idle' && refused
        ? { status: 'error', ...refused }
        : answer;
  if (state.status === 'done') {
    return (
      <div id="resultat" role="status" className="space-y-3 rounded-md border border-line p-4">
        <p className="font-semibold">{state.message}</p>
        <p>
          <Link href={back} className="underline underline-offset-4">
            Retour au contenu
          </Link>
        </p>
      </div>
    );
  }
  const error = (field: string) => (state.status === 'error' && state.field === field ? state.message : null);
  const described = (field: string) => (error(field) ? `${id}-${field}-error` : undefined);
  const message = (field: string) => error(field) && <span id={`${id}-${field}-error`} className="block text-sm text-accent">{error(field)}</span>;
  return (
    <form action={hydrated ? action : '/signalement/envoi'} method="post" className="space-y-5" aria-label="Signaler un contenu illicite" key={state.status === 'error' ? 'retry' : 'new'}>
      <input type="hidden" name="commentaire" value={commentId} />
      <p>
        <label htmlFor={`${id}-ground`} className="font-semibold">
          Motif
        </label>
        <select id={`${id}-ground`} name="ground" required defaultValue={state.values?.ground ?? ''} className={fieldClass} aria-invalid={Boolean(error('ground'))} aria-describedby={described('ground')}>
          <option value="" disabled>
            Choisissez le motif
          </option>
          {NOTICE_GROUNDS.map((ground) => (
            <option key={ground} value={ground}>
              {NOTICE_GROUND_LABELS[ground]}
            </option>
          ))}
        </select>
        {message('ground')}
      </p>
      <p>
        <label htmlFor={`${id}-explanation`} className="font-semibold">
          En quoi ce contenu est-il illicite ?
        </label>
        <span id={`${id}-explanation-help`} className="block text-sm text-muted">
          Expliquez précisément ce qui enfreint la loi, et laquelle si vous la connaissez ({NOTICE_EXPLANATION_MAX.toLocaleString('fr-FR')} caractères au plus).
        </span>
        <textarea
          id={`${id}-explanation`}
          name="explanation"
          required
          maxLength={NOTICE_EXPLANATION_MAX}
          rows={6}
          defaultValue={state.values?.explanation}
          className={fieldClass}
          aria-invalid={Boolean(error('explanation'))}
          aria-describedby={`${id}-explanation-help${error('explanation') ? ` ${id}-explanation-error` : ''}`}
        />
        {message('explanation')}
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <p>
          <label htmlFor={`${id}-name`} className="font-semibold">
            Votre nom
          </label>
          <input id={`${id}-name`} name="name" required maxLength={100} autoComplete="name" defaultValue={state.values?.name} className={fieldClass} aria-invalid={Boolean(error('name'))} aria-describedby={described('name')} />
          {message('name')}
        </p>
        <p>
          <label htmlFor={`${id}-email`} className="font-semibold">
            Votre e-mail
          </label>
          <input id={`${id}-email`} name="email" type="email" required maxLength={254} autoComplete="email" defaultValue={state.values?.email} className={fieldClass} aria-invalid={Boolean(error('email'))} aria-describedby={described('email')} />
          {message('email')}
        </p>
      </div>
      <p>
        <label className="flex gap-2">
          <input type="checkbox" name="goodFaith" required defaultChecked={state.values?.goodFaith} className="mt-1" aria-invalid={Boolean(error('goodFaith'))} aria-describedby={described('goodFaith')} />
          <span>Je déclare de bonne foi que les informations et les allégations de cette notification sont exactes et complètes.</span>
        </label>
        {message('goodFaith')}
      </p>
      <p className="flex flex-wrap items-center gap-4">
        <button type="submit" disabled={pending} className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink disabled:opacity-60">
          {pending ? 'Envoi…' : 'Envoyer la notification'}
        </button>
        {state.status === 'error' && !state.field && (
          <span id="resultat" role="alert" className="text-accent">
            {state.message}
          </span>
        )}
      </p>
    </form>
  );
}
