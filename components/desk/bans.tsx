'use client';

import { useActionState } from 'react';
import { banFromDesk, liftFromDesk, type DeskState } from './actions';
import { DurationField } from './duration-field';

const initial: DeskState = { message: null, error: false };
// The page these forms are on: their action without JavaScript (an empty action is invalid HTML).
const PERMALINK = '/redaction/bannis';
const KINDS: Record<string, string> = { account: 'compte', reader: 'navigateur', email: 'e-mail' };

export type BanRow = { id: string; kind: string; label: string; reason: string; createdAt: string; expiresAt: string | null };

const day = (iso: string) => new Date(iso).toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });

function LiftButton({ id, label }: { id: string; label: string }) {
  const [state, action, pending] = useActionState(liftFromDesk, initial, PERMALINK);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="rounded-md border border-line px-2 py-0.5 text-sm" aria-label={`Lever le bannissement de ${label}`}>
        Lever
      </button>
      {state.message && <span role="status" className="ml-2 text-sm">{state.message}</span>}
    </form>
  );
}

/** The bans in force, and a form to bar an email address. */
export function BanList({ bans }: { bans: BanRow[] }) {
  const [state, action, pending] = useActionState(banFromDesk, initial, PERMALINK);
  return (
    <div className="space-y-8">
      <form action={action} className="flex flex-wrap items-end gap-3" aria-label="Bannir une adresse e-mail">
        <label className="text-sm">
          E-mail
          <input name="email" type="email" required className="ml-1 rounded border border-line bg-paper px-2 py-1" />
        </label>
        <label className="text-sm">
          Raison
          <input name="reason" required minLength={3} className="ml-1 rounded border border-line bg-paper px-2 py-1" />
        </label>
        <DurationField />
        <button type="submit" disabled={pending} className="rounded-md border border-accent px-3 py-1 text-sm font-semibold text-accent">
          Bannir
        </button>
        {state.message && <p role="status" className={`w-full text-sm ${state.error ? 'text-accent' : ''}`}>{state.message}</p>}
      </form>
      {bans.length === 0 ? (
        <p>Aucun bannissement en cours.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-line">
              <th className="py-2">Qui</th>
              <th>Par</th>
              <th>Raison</th>
              <th>Depuis</th>
              <th>Jusqu’au</th>
              <th><span className="sr-only">Action</span></th>
            </tr>
          </thead>
          <tbody>
            {bans.map((ban) => (
              <tr key={ban.id} className="border-b border-line">
                <td className="py-2"><bdi>{ban.label}</bdi></td>
                <td>{KINDS[ban.kind] ?? ban.kind}</td>
                <td>{ban.reason}</td>
                <td>{day(ban.createdAt)}</td>
                <td>{ban.expiresAt ? day(ban.expiresAt) : 'définitif'}</td>
                <td><LiftButton id={ban.id} label={ban.label} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
