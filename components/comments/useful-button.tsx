'use client';

import { useState } from 'react';
import type { PieceTarget } from '@/lib/http/action-context';
import { useReader } from '@/components/reader/reader-provider';
import { useHydrated } from '@/components/reader/use-hydrated';

type Props = { target: PieceTarget; commentId: string; useful: number };

const readers = (count: number) =>
  count === 0 ? 'aucun lecteur ne l’a encore trouvé utile' : count === 1 ? '1 lecteur a trouvé ce commentaire utile' : `${count.toLocaleString('fr-FR')} lecteurs ont trouvé ce commentaire utile`;

/**
 * « Utile »: one per reader, toggled. Without JavaScript a form posts to /…/utile (which toggles
 * it); with it, the API answers with the new count in place.
 */
export function UsefulButton({ target, commentId, useful }: Props) {
  const { reacted } = useReader();
  const hydrated = useHydrated();
  const [answer, setAnswer] = useState<{ useful: number; reacted: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const on = answer?.reacted ?? reacted.includes(commentId);
  const count = answer?.useful ?? useful;

  async function toggle(event: React.FormEvent) {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    setError(null);
    try {
      const response = await fetch(`/api/comments/${commentId}/reaction`, { method: on ? 'DELETE' : 'PUT', credentials: 'same-origin' });
      const body = (await response.json()) as { useful: number; reacted: boolean } | { error: { message: string } };
      if ('error' in body) setError(body.error.message);
      else setAnswer(body);
    } catch {
      setError('Votre avis n’a pas pu être envoyé. Réessayez.');
    } finally {
      setSending(false);
    }
  }

  return (
    <form method="post" action={`/${target.section}/${target.slug}/utile`} onSubmit={hydrated ? toggle : undefined} className="mt-2 inline-flex flex-wrap items-center gap-2 text-sm">
      <input type="hidden" name="commentaire" value={commentId} />
      <button type="submit" aria-pressed={hydrated ? on : undefined} disabled={sending} className={`rounded-full border px-2.5 py-0.5 font-medium ${on ? 'border-accent bg-accent text-accent-ink' : 'border-line text-muted hover:text-ink'}`}>
        Utile{count > 0 && <span aria-hidden="true"> · {count.toLocaleString('fr-FR')}</span>}
        <span className="sr-only"> — {readers(count)}</span>
      </button>
      {error && <span role="alert" className="text-accent">{error}</span>}
    </form>
  );
}
