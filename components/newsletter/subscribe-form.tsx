'use client';

import Link from '@/components/layout/link';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { HoneypotField } from '@/components/reader/honeypot-field';
import { useHydrated } from '@/components/reader/use-hydrated';
import { RHYTHM_LABELS, RHYTHMS, type Rhythm } from '@/lib/newsletter/rhythms';

type Props = { formToken?: string };
type Visitor = { formToken: string; account: { email: string } | null; rhythm: Rhythm | null };
type Answer = { kind: 'idle' } | { kind: 'done'; message: string; height: number } | { kind: 'error'; message: string; field?: string };

/**
 * « Recevoir la lettre »: an address and a rhythm. Without JavaScript the form posts to
 * /lettre/inscription (and the reader lands on /lettre's notice); with it, the answer shows here.
 * A signed-in reader finds their account's address filled in: one click subscribes it. Once the
 * request is accepted, its answer takes the form's place and keeps its height: the page below,
 * where the reader may be reading by then, does not move.
 */
export function SubscribeForm({ formToken = '' }: Props) {
  const id = useId();
  const hydrated = useHydrated();
  const [visitor, setVisitor] = useState<Visitor | null>(null);
  const [answer, setAnswer] = useState<Answer>({ kind: 'idle' });
  const [pending, setPending] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    fetch('/api/newsletter/subscription', { headers: { accept: 'application/json' } })
      .then((response) => (response.ok ? (response.json() as Promise<Visitor>) : null))
      .then((data) => live && data && setVisitor(data))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = new FormData(event.currentTarget);
    const text = (name: string) => String(fields.get(name) ?? '');
    setPending(true);
    try {
      const response = await fetch('/api/newsletter/subscriptions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: text('email'), rhythm: text('rhythm'), website: text('website'), startedAt: text('startedAt') }),
      });
      const body = (await response.json().catch(() => ({}))) as { message?: string; error?: { message?: string; field?: string } };
      if (response.ok) setAnswer({ kind: 'done', message: body.message ?? 'Demande enregistrée.', height: box.current?.offsetHeight ?? 0 });
      else setAnswer({ kind: 'error', message: body.error?.message ?? 'La demande n’a pas abouti. Réessayez dans un instant.', field: body.error?.field });
    } catch {
      setAnswer({ kind: 'error', message: 'Le site ne répond pas : vérifiez votre connexion, puis réessayez.' });
    } finally {
      setPending(false);
    }
  }

  if (visitor?.account && visitor.rhythm) {
    return (
      <p role="status">
        Vous recevez la lettre {RHYTHM_LABELS[visitor.rhythm]} à <strong>{visitor.account.email}</strong>.{' '}
        <Link href="/compte#lettre" className="underline underline-offset-4">Changer de rythme ou se désinscrire</Link>
      </p>
    );
  }
  const emailError = answer.kind === 'error' && answer.field === 'email';
  const status = (
    <p
      id={`${id}-message`}
      role="status"
      style={answer.kind === 'done' ? { minHeight: answer.height } : undefined}
      className={answer.kind === 'error' ? 'mt-3 text-accent' : answer.kind === 'done' ? '' : 'mt-3'}
    >
      {answer.kind === 'idle' ? null : answer.message}
    </p>
  );
  return (
    <div ref={box} className="flow-root">
      {answer.kind === 'done' ? null : (
        <form action="/lettre/inscription" method="post" onSubmit={hydrated ? submit : undefined} className="space-y-3" aria-label="S’inscrire à la lettre">
          <input type="hidden" name="startedAt" value={visitor?.formToken ?? formToken} />
          <HoneypotField />
          <p>
            <label htmlFor={`${id}-email`} className="text-sm font-semibold">
              Votre adresse e-mail
            </label>
            <input
              id={`${id}-email`}
              name="email"
              type="email"
              required
              maxLength={254}
              autoComplete="email"
              defaultValue={visitor?.account?.email}
              key={visitor?.account?.email ?? 'anonyme'}
              aria-invalid={emailError}
              aria-describedby={emailError ? `${id}-message` : undefined}
              className="mt-1 w-full rounded-md border border-line bg-paper px-3 py-2 text-ink"
            />
          </p>
          <fieldset>
            <legend className="text-sm font-semibold">Je la reçois</legend>
            <div className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
              {RHYTHMS.map((rhythm) => (
                <label key={rhythm} className="flex items-center gap-2">
                  <input type="radio" name="rhythm" value={rhythm} defaultChecked={rhythm === 'each'} />
                  {RHYTHM_LABELS[rhythm]}
                </label>
              ))}
            </div>
          </fieldset>
          <button type="submit" disabled={pending} className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink">
            {visitor?.account ? 'Recevoir la lettre à mon adresse' : 'Recevoir la lettre'}
          </button>
        </form>
      )}
      {status}
    </div>
  );
}
