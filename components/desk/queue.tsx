'use client';

import { useCallback, useEffect, useState } from 'react';
import { useActionState } from 'react';
import { CHARTER_ARTICLES, type CharterArticleId } from '@/lib/desk/charter';
import { ACTION_LABELS, type ModerationAction } from '@/lib/desk/moderation-actions';
import { readerHistoryPath } from '@/lib/desk/reader-link';
import { banFromDesk, moderateFromDesk, type DeskState } from './actions';
import { MessageForm } from './message-form';
import { DurationField } from './duration-field';
import { QueueShortcuts, queueItemId } from './queue-shortcuts';

export type QueueItem = {
  id: string;
  pieceKey: string;
  author: string;
  email: string | null;
  body: string;
  status: string;
  createdAt: string;
  signedIn: boolean;
  writable: boolean;
  /** The term « à vérifier » that held it. */
  matchedTerm: string | null;
  reports: { reason: string; details: string | null }[];
};

const REASONS: Record<string, string> = { spam: 'spam', abuse: 'propos injurieux', off_topic: 'hors sujet', other: 'autre' };
const initial: DeskState = { message: null, error: false };
const ITEM_ACTIONS: ModerationAction[] = ['approve', 'reject', 'spam', 'delete'];
/** The page the queue's forms are on: where a form sent without JavaScript goes (and the Nu checker wants an action). */
const PERMALINK = '/redaction';
const GROUNDS: Record<CharterArticleId, string> = { courtoisie: 'Courtoisie', spam: 'Pas de spam', attaque: 'Pas d’attaque personnelle', illicite: 'Contenu illicite' };
const select = 'ml-1 rounded border border-line bg-paper px-1 py-0.5';

function Decisions({ pending, reported }: { pending: boolean; reported?: boolean }) {
  return (
    <>
      {[...ITEM_ACTIONS, ...(reported ? (['keep'] as const) : [])].map((name) => (
        <button key={name} type="submit" name="decision" value={name} disabled={pending} className="rounded-md border border-line px-2 py-1 text-sm font-semibold">
          {ACTION_LABELS[name]}
        </button>
      ))}
      <label className="text-sm">
        Motif (charte)
        <select name="ground" defaultValue="" className={select}>
          <option value="">aucun</option>
          {CHARTER_ARTICLES.map((article) => (
            <option key={article.id} value={article.id}>
              {`Article ${article.number} — ${GROUNDS[article.id]}`}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

function BanForm({ item }: { item: QueueItem }) {
  const [state, action, pending] = useActionState(banFromDesk, initial, PERMALINK);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-muted">
        Bannir l’auteur<span className="sr-only"> : {item.author}</span>
      </summary>
      <form action={action} className="mt-2 flex flex-wrap items-end gap-2" aria-label={`Bannir ${item.author}`}>
        <input type="hidden" name="commentId" value={item.id} />
        <label>
          Par
          <select name="kind" className={select} defaultValue={item.signedIn ? 'account' : 'reader'}>
            {item.signedIn && <option value="account">compte</option>}
            <option value="reader">navigateur</option>
            {item.email && <option value="email">e-mail</option>}
          </select>
        </label>
        <DurationField />
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

// The item j / k marked; when it leaves the queue (decided), the one now at its place.
function useCurrentItem(ids: string[]) {
  const [cursor, setCursor] = useState<{ id: string; index: number } | null>(null);
  const current = !cursor ? null : ids.includes(cursor.id) ? cursor.id : (ids[Math.min(cursor.index, ids.length - 1)] ?? null);
  const move = useCallback((id: string) => setCursor({ id, index: ids.indexOf(id) }), [ids]);
  useEffect(() => {
    if (current && cursor && current !== cursor.id) document.getElementById(queueItemId(current))?.focus({ preventScroll: true });
  }, [current, cursor]);
  return { current, move };
}

/** The queue: pending and reported comments, each decided alone or several at once, with the keyboard too. */
export function ModerationQueue({ items }: { items: QueueItem[] }) {
  const [state, action, pending] = useActionState(moderateFromDesk, initial, PERMALINK);
  const ids = items.map((item) => item.id);
  const { current, move } = useCurrentItem(ids);
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
      <QueueShortcuts ids={ids} current={current} onMove={move} />
      {items.length === 0 && <p>Rien n’attend la rédaction. 🎉</p>}
      <ul className="space-y-6">
        {items.map((item) => (
          <li
            key={item.id}
            id={queueItemId(item.id)}
            tabIndex={-1}
            aria-current={item.id === current ? 'true' : undefined}
            className="scroll-mt-32 rounded-md border border-line p-4 outline-none aria-[current=true]:border-accent aria-[current=true]:ring-4 aria-[current=true]:ring-accent"
            aria-label={`Commentaire de ${item.author}`}
          >
            <div className="flex flex-wrap items-baseline gap-x-3 text-sm">
              <input type="checkbox" name="ids" value={item.id} form="lot" aria-label={`Sélectionner le commentaire de ${item.author}`} />
              <bdi className="font-semibold">{item.author}</bdi>
              {item.email && <span className="text-muted">{item.email}</span>}
              <span className="text-muted">{new Date(item.createdAt).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })}</span>
              <a href={`/${item.pieceKey}#commentaires`} className="underline underline-offset-4">
                {item.pieceKey}
              </a>
              <span className="rounded bg-surface px-1.5 text-xs font-semibold">{item.status === 'pending' ? 'En attente' : 'Publié, signalé'}</span>
              <a href={readerHistoryPath(item.id)} className="underline underline-offset-4">
                Historique du lecteur<span className="sr-only"> : {item.author}</span>
              </a>
            </div>
            <p className="mt-2 whitespace-pre-wrap break-words">{item.body}</p>
            {item.matchedTerm && (
              <p className="mt-2 text-sm text-accent">
                Retenu par les listes de mots : « <bdi>{item.matchedTerm}</bdi> » (à vérifier)
              </p>
            )}
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
            <form action={action} data-decide={item.id} className="mt-3 flex flex-wrap items-center gap-2" aria-label={`Décider pour le commentaire de ${item.author}`}>
              <input type="hidden" name="ids" value={item.id} />
              <Decisions pending={pending} reported={item.reports.length > 0} />
            </form>
            <div className="mt-2 space-y-2">
              {item.writable && <MessageForm commentId={item.id} author={item.author} permalink={PERMALINK} />}
              <BanForm item={item} />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
