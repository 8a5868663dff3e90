'use client';

import { useActionState } from 'react';
import { ACTION_LABELS, type ModerationAction } from '@/lib/desk/moderation-actions';
import { banFromDesk, moderateFromDesk, type DeskState } from './actions';
import { chooseDecision } from './decision-field';

export type QueueItem = {
  id: string;
  pieceKey: string;
  author: string;
  email: string | null;
  body: string;
  status: string;
  createdAt: string;
  signedIn: boolean;
  reports: { reason: string; details: string | null }[];
};

const REASONS: Record<string, string> = { spam: 'spam', abuse: 'propos injurieux', off_topic: 'hors sujet', other: 'autre' };
const initial: DeskState = { message: null, error: false };
const ITEM_ACTIONS: ModerationAction[] = ['approve', 'reject', 'spam', 'delete'];


function Decisions({ pending, reported }: { pending: boolean; reported?: boolean }) {
  return (
    <>
      <input type="hidden" name="decision" defaultValue="" />
      {[...ITEM_ACTIONS, ...(reported ? (['keep'] as const) : [])].map((name) => (
        <button key={name} type="submit" value={name} onClick={chooseDecision} disabled={pending} className="rounded-md border border-line px-2 py-1 text-sm font-semibold">
          {ACTION_LABELS[name]}
        </button>
      ))}
    </>
  );
}

function BanForm({ item }: { item: QueueItem }) {
  const [state, action, pending] = useActionState(banFromDesk, initial);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-muted">Bannir l’auteur</summary>
      <form action={action} className="mt-2 flex flex-wrap items-end gap-2">
        <input type="hidden" name="commentId" value={item.id} />
        <label>
          Par
          <select name="kind" className="ml-1 rounded border border-line bg-paper px-1 py-0.5" defaultValue={item.signedIn ? 'account' : 'reader'}>
            {item.signedIn && <option value="account">compte</option>}
            <option value="reader">navigateur</option>
            {item.email && <option value="email">e-mail</option>}
          </select>
        </label>
        <label>
          Raison
          <input name="reason" required minLength={3} className="ml-1 rounded border border-line bg-paper px-1 py-0.5" />
        </label>
        <button type="submit" disabled={pending} className="rounded-md border border-accent px-2 py-0.5 text-accent">
          Bannir
        </button>
        {state.message && <span role="status" className={state.error ? 'text-accent' : ''}>{state.message}</span>}
      </form>
    </details>
  );
}

/** The queue: pending and reported comments, each decided alone or several at once. */
export function ModerationQueue({ items }: { items: QueueItem[] }) {
  const [state, action, pending] = useActionState(moderateFromDesk, initial);
  return (
    <div className="space-y-6">
      <form id="lot" action={action} className="sticky top-0 z-10 flex flex-wrap items-center gap-2 border-b border-line bg-paper py-3" aria-label="Décider pour la sélection">
        <span className="text-sm font-semibold">Pour la sélection :</span>
        <Decisions pending={pending} reported />
        <label className="text-sm">
          Motif <input name="reason" maxLength={500} className="ml-1 rounded border border-line bg-paper px-1 py-0.5" />
        </label>
        <p role="status" aria-live="polite" className={`w-full text-sm ${state.error ? 'text-accent' : ''}`}>{state.message}</p>
      </form>
      {items.length === 0 && <p>Rien n’attend la rédaction. 🎉</p>}
      <ul className="space-y-6">
        {items.map((item) => (
          <li key={item.id} className="rounded-md border border-line p-4" aria-label={`Commentaire de ${item.author}`}>
            <div className="flex flex-wrap items-baseline gap-x-3 text-sm">
              <input type="checkbox" name="ids" value={item.id} form="lot" aria-label={`Sélectionner le commentaire de ${item.author}`} />
              <bdi className="font-semibold">{item.author}</bdi>
              {item.email && <span className="text-muted">{item.email}</span>}
              <span className="text-muted">{new Date(item.createdAt).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })}</span>
              <a href={`/${item.pieceKey}#commentaires`} className="underline underline-offset-4">
                {item.pieceKey}
              </a>
              <span className="rounded bg-surface px-1.5 text-xs font-semibold">{item.status === 'pending' ? 'En attente' : 'Publié, signalé'}</span>
            </div>
            <p className="mt-2 whitespace-pre-wrap break-words">{item.body}</p>
            {item.reports.length > 0 && (
              <ul className="mt-2 text-sm text-accent" aria-label="Signalements">
                {item.reports.map((report, i) => (
                  <li key={i}>
                    Signalé : {REASONS[report.reason] ?? report.reason}
                    {report.details && ` — ${report.details}`}
                  </li>
                ))}
              </ul>
            )}
            <form action={action} className="mt-3 flex flex-wrap gap-2" aria-label={`Décider pour le commentaire de ${item.author}`}>
              <input type="hidden" name="ids" value={item.id} />
              <Decisions pending={pending} reported={item.reports.length > 0} />
            </form>
            <div className="mt-2">
              <BanForm item={item} />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
