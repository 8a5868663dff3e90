'use client';

import Link from '@/components/layout/link';
import { useActionState, useEffect, useId, useRef, useState } from 'react';
import type { PieceTarget } from '@/lib/http/action-context';
import { AUTHOR_NAME_MAX, COMMENT_BODY_MAX, COMMENT_BODY_MIN } from '@/lib/readers/comment-limits';
import { MESSAGES } from '@/lib/errors';
import { useReader } from '@/components/reader/reader-provider';
import { HoneypotField } from '@/components/reader/honeypot-field';
import { useHydrated } from '@/components/reader/use-hydrated';
import { submitComment, type CommentFormState } from './actions';
import { CommentItem } from './comment-item';

/** `closed`: the piece takes no more comments (the form then shows why, and keeps a text it refused). */
type Props = { target: PieceTarget; parentId?: string; heading?: string; onDone?: () => void; closed?: boolean };

const initial: CommentFormState = { status: 'idle', message: null };

/** « Laisser un commentaire »: name, optional email, text; a reply when `parentId` is given. */
export function CommentForm({ target, parentId, heading, onDone, closed = false }: Props) {
  const [state, action, pending] = useActionState(submitComment.bind(null, { ...target, parentId }), initial);
  const { formToken, remember, ready, account } = useReader();
  const [length, setLength] = useState(state.values?.body.length ?? 0);
  const id = useId();
  const hydrated = useHydrated();

  // Each answer is handled once, whatever else re-renders the form.
  const handled = useRef<CommentFormState>(initial);
  const onDoneRef = useRef(onDone);
  useEffect(() => {
    onDoneRef.current = onDone;
  }, [onDone]);
  useEffect(() => {
    if (handled.current === state) return;
    handled.current = state;
    if (state.comment && state.status !== 'error') {
      remember(state.comment);
      onDoneRef.current?.();
    }
  }, [state, remember]);

  if (closed && !(state.status === 'error' && state.values?.body)) {
    return (
      <p id="laisser-un-commentaire" role="status" className="mt-10 rounded-md border border-line p-4 font-semibold">
        {MESSAGES.commentsClosed}
      </p>
    );
  }
  const error = (field: string) => (state.status === 'error' && state.field === field ? state.message : null);
  const fieldClass = 'mt-1 w-full rounded-md border border-line bg-paper px-3 py-2 text-ink';
  return (
    // Without JavaScript the form posts to /…/commenter (new comments only: replies need JavaScript).
    <form action={hydrated ? action : `/${target.section}/${target.slug}/commenter`} method="post" className="space-y-4" aria-label={heading ?? 'Laisser un commentaire'} key={state.status === 'error' ? 'retry' : state.comment?.id ?? 'new'}>
      <input type="hidden" name="startedAt" value={formToken} />
      <HoneypotField />
      {account?.name ? (
        <p className="text-sm">
          Vous commentez en tant que <strong>{account.name}</strong> (<Link href="/compte" className="underline underline-offset-4">mon compte</Link>).
          <input type="hidden" name="author" value={account.name} />
        </p>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <p>
            <label htmlFor={`${id}-author`} className="text-sm font-semibold">
              Nom
            </label>
            <input id={`${id}-author`} name="author" required maxLength={AUTHOR_NAME_MAX} autoComplete="name" defaultValue={state.values?.author} className={fieldClass} aria-invalid={Boolean(error('author'))} aria-describedby={error('author') ? `${id}-author-error` : undefined} />
            {error('author') && <span id={`${id}-author-error`} className="text-sm text-accent">{error('author')}</span>}
          </p>
          {!account && (
            <p>
              <label htmlFor={`${id}-email`} className="text-sm font-semibold">
                E-mail <span className="font-normal text-muted">(facultatif, jamais affiché)</span>
              </label>
              <input id={`${id}-email`} name="email" type="email" maxLength={254} autoComplete="email" defaultValue={state.values?.email} className={fieldClass} aria-invalid={Boolean(error('email'))} aria-describedby={error('email') ? `${id}-email-error` : undefined} />
              {error('email') && <span id={`${id}-email-error`} className="text-sm text-accent">{error('email')}</span>}
            </p>
          )}
        </div>
      )}
      <p>
        <label htmlFor={`${id}-body`} className="text-sm font-semibold">
          {parentId ? 'Votre réponse' : 'Votre commentaire'}
        </label>
        <textarea
          id={`${id}-body`}
          name="body"
          required
          minLength={COMMENT_BODY_MIN}
          maxLength={COMMENT_BODY_MAX}
          rows={parentId ? 3 : 5}
          defaultValue={state.values?.body}
          onChange={(event) => setLength(event.target.value.length)}
          className={fieldClass}
          aria-invalid={Boolean(error('body'))}
          aria-describedby={`${id}-count${error('body') ? ` ${id}-body-error` : ''}`}
        />
        <span id={`${id}-count`} className="block text-right text-xs text-muted">
          {length.toLocaleString('fr-FR')} / {COMMENT_BODY_MAX.toLocaleString('fr-FR')} caractères
        </span>
        {error('body') && <span id={`${id}-body-error`} className="text-sm text-accent">{error('body')}</span>}
      </p>
      <p className="text-sm text-muted">
        Les commentaires suivent la{' '}
        <Link href="/charte" className="underline underline-offset-4">
          charte des commentaires
        </Link>{' '}
        : courtoisie, pas de spam, pas d’attaque personnelle, rien d’illicite.
      </p>
      <p className="text-sm">
        <label>
          <input type="checkbox" name="notify" value="on" className="mr-2" />
          Me prévenir des réponses par e-mail{account ? '' : ' (si vous avez donné votre adresse)'}
        </label>
      </p>
      <p className="flex flex-wrap items-center gap-4">
        <button type="submit" disabled={pending || closed} className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink disabled:opacity-60">
          {pending ? 'Envoi…' : parentId ? 'Répondre' : 'Publier le commentaire'}
        </button>
        <span role="status" aria-live="polite" className={state.status === 'error' ? 'text-accent' : 'text-ink'}>
          {state.status !== 'error' || !state.field ? state.message : null}
        </span>
      </p>
      {/* Without JavaScript the page cannot know its reader: the answer shows their pending comment. */}
      {!ready && state.comment && state.status === 'pending' && (
        <div className="rounded-md border border-line p-3">
          <CommentItem comment={state.comment} status="En attente de modération" />
        </div>
      )}
    </form>
  );
}
