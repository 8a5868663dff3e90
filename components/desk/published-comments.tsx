'use client';

import { useActionState } from 'react';
import { ACTION_LABELS } from '@/lib/desk/moderation-actions';
import { readerHistoryPath } from '@/lib/desk/reader-link';
import type { CommentBadge } from '@/lib/readers/comment-schemas';
import { BADGE_LABELS } from '@/components/comments/comment-item';
import { moderateFromDesk, type DeskState } from './actions';
import { MessageForm } from './message-form';

export type PublishedItem = { id: string; pieceKey: string; author: string; body: string; createdAt: string; badge: CommentBadge | null; featured: boolean; useful: number; writable: boolean };

const initial: DeskState = { message: null, error: false };
const PERMALINK = '/redaction/commentaires';

/** Published comments, featured first: « Coup de cœur », or take it back, or remove a comment. */
export function PublishedComments({ items }: { items: PublishedItem[] }) {
  const [state, action, pending] = useActionState(moderateFromDesk, initial, PERMALINK);
  return (
    <div className="space-y-4">
      <p role="status" aria-live="polite" className={`text-sm ${state.error ? 'text-accent' : ''}`}>{state.message}</p>
      {items.length === 0 && <p>Aucun commentaire publié pour l’instant.</p>}
      <ul className="space-y-6">
        {items.map((item) => (
          <li key={item.id} className={`rounded-md border p-4 ${item.featured ? 'border-accent' : 'border-line'}`} aria-label={`Commentaire de ${item.author}`}>
            <div className="flex flex-wrap items-baseline gap-x-3 text-sm">
              <bdi className="font-semibold">{item.author}</bdi>
              {item.badge && <span className="rounded bg-accent px-1.5 text-xs font-semibold text-accent-ink">{BADGE_LABELS[item.badge]}</span>}
              <span className="text-muted">{new Date(item.createdAt).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })}</span>
              <a href={`/${item.pieceKey}#commentaire-${item.id}`} className="underline underline-offset-4">
                {item.pieceKey}
              </a>
              {item.featured && <span className="text-xs font-semibold text-accent">♥ Coup de cœur</span>}
              <span className="text-muted">{item.useful === 1 ? '1 « Utile »' : `${item.useful} « Utile »`}</span>
              <a href={readerHistoryPath(item.id)} className="underline underline-offset-4">
                Historique du lecteur<span className="sr-only"> : {item.author}</span>
              </a>
            </div>
            <p className="mt-2 whitespace-pre-wrap break-words">{item.body}</p>
            <form action={action} className="mt-3 flex flex-wrap gap-2" aria-label={`Décider pour le commentaire de ${item.author}`}>
              <input type="hidden" name="ids" value={item.id} />
              {([item.featured ? 'unfeature' : 'feature', 'reject', 'delete'] as const).map((name) => (
                <button key={name} type="submit" name="decision" value={name} disabled={pending} className="rounded-md border border-line px-2 py-1 text-sm font-semibold">
                  {ACTION_LABELS[name]}
                </button>
              ))}
            </form>
            {item.writable && (
              <div className="mt-2">
                <MessageForm commentId={item.id} author={item.author} permalink={PERMALINK} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
