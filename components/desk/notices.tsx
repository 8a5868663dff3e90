'use client';

import { useActionState, useId } from 'react';
import { CHARTER_ARTICLES } from '@/lib/desk/charter';
import { DECISION_EXPLANATION_MAX, NOTICE_DECISION_LABELS, NOTICE_DECISIONS, NOTICE_GROUND_LABELS, type NoticeGround } from '@/lib/desk/legal-grounds';
import type { DeskState } from './actions';
import { decideNoticeFromDesk } from './notice-actions';

/** A notice as the desk shows it (from lib/desk/notices.ts openNotices). */
export type DeskNotice = {
  id: string;
  reference: string;
  commentId: string;
  pieceKey: string;
  author: string;
  body: string;
  ground: NoticeGround;
  explanation: string;
  notifier: { name: string; email: string };
  createdAt: string;
};

const initial: DeskState = { message: null, error: false };
const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
const field = 'mt-1 w-full rounded border border-line bg-paper px-2 py-1';

function NoticeDecision({ notice, action, pending }: { notice: DeskNotice; action: (formData: FormData) => void; pending: boolean }) {
  const id = useId();
  return (
    <form action={action} className="mt-3 grid gap-3 sm:grid-cols-2" aria-label={`Décider la notification ${notice.reference}`}>
      <input type="hidden" name="notice" value={notice.id} />
      <p>
        <label htmlFor={`${id}-decision`} className="text-sm font-semibold">
          Décision
        </label>
        <select id={`${id}-decision`} name="decision" required defaultValue="" className={field}>
          <option value="" disabled>
            Choisissez
          </option>
          {NOTICE_DECISIONS.map((decision) => (
            <option key={decision} value={decision}>
              {NOTICE_DECISION_LABELS[decision]}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label htmlFor={`${id}-article`} className="text-sm font-semibold">
          Article de la charte <span className="font-normal text-muted">(si contraire à la charte)</span>
        </label>
        <select id={`${id}-article`} name="article" defaultValue={notice.ground === 'defamation' || notice.ground === 'hate' ? 'attaque' : 'courtoisie'} className={field}>
          {CHARTER_ARTICLES.map((article) => (
            <option key={article.id} value={article.id}>
              {article.number}. {article.title}
            </option>
          ))}
        </select>
      </p>
      <p className="sm:col-span-2">
        <label htmlFor={`${id}-explanation`} className="text-sm font-semibold">
          Explication <span className="font-normal text-muted">(envoyée à la personne qui a notifié et, en cas de retrait, à l’auteur)</span>
        </label>
        <textarea id={`${id}-explanation`} name="explanation" required maxLength={DECISION_EXPLANATION_MAX} rows={3} className={field} />
      </p>
      <p className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <button type="submit" disabled={pending} className="rounded-md border border-line px-3 py-1 text-sm font-semibold">
          Enregistrer la décision
        </button>
      </p>
    </form>
  );
}

/** « Notification DSA »: the open notices of illegal content, first in the queue, each with its decision form. */
export function DeskNotices({ notices }: { notices: DeskNotice[] }) {
  // One state for every notice's form: a decided notice leaves the list, its outcome stays said.
  const [state, action, pending] = useActionState(decideNoticeFromDesk, initial, '/redaction');
  const outcome = state.message && (
    <p role="status" className={`mb-4 ${state.error ? 'text-accent' : ''}`}>
      {state.message}
    </p>
  );
  if (notices.length === 0) return outcome || null;
  return (
    <section aria-labelledby="notifications-titre" className="mb-8 space-y-4">
      {outcome}
      <h2 id="notifications-titre" className="font-serif text-2xl font-bold">
        Notifications DSA <span className="text-lg font-normal text-muted">({notices.length})</span>
      </h2>
      <ol className="space-y-4">
        {notices.map((notice) => (
          <li key={notice.id}>
            <article className="rounded-md border-2 border-accent p-4" aria-labelledby={`notification-${notice.id}`}>
              <h3 id={`notification-${notice.id}`} className="font-semibold">
                {`Notification DSA ${notice.reference} · ${NOTICE_GROUND_LABELS[notice.ground]}`}
              </h3>
              <p className="text-sm text-muted">
                Reçue le {dateTime.format(new Date(notice.createdAt))} de <bdi>{notice.notifier.name}</bdi> ({notice.notifier.email})
              </p>
              <blockquote className="mt-2 border-l-2 border-line pl-3">
                <p className="text-sm text-muted">
                  Commentaire de <bdi>{notice.author}</bdi> sous{' '}
                  <a href={`/${notice.pieceKey}#commentaire-${notice.commentId}`} className="underline underline-offset-4">
                    {notice.pieceKey}
                  </a>
                </p>
                <p className="whitespace-pre-line">{notice.body}</p>
              </blockquote>
              <p className="mt-2">
                <span className="font-semibold">Explication de la personne qui notifie :</span> <span className="whitespace-pre-line">{notice.explanation}</span>
              </p>
              <NoticeDecision notice={notice} action={action} pending={pending} />
            </article>
          </li>
        ))}
      </ol>
    </section>
  );
}
