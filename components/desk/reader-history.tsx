import type { ReaderHistory } from '@/lib/desk/reader-history';
import { formatDateTime } from '@/lib/format';
import { ReaderNoteForm } from './reader-notes';

const STATUSES = { pending: 'En attente', published: 'Publié', rejected: 'Rejeté', spam: 'Spam', deleted: 'Supprimé' } as const;
const BAN_KINDS: Record<string, string> = { account: 'compte', reader: 'navigateur', email: 'e-mail' };
const plural = (count: number, one: string, many: string) => `${count.toLocaleString('fr-FR')} ${count === 1 ? one : many}`;
const when = (date: Date) => formatDateTime(date.toISOString());

function Identity({ history }: { history: ReaderHistory }) {
  const { account, signedIn, emails } = history.identity;
  return (
    <ul className="mb-8 list-disc space-y-1 pl-5 text-sm">
      <li>{signedIn ? <>Compte : <bdi>{account ?? 'supprimé'}</bdi></> : 'Sans compte (lecteur anonyme)'}</li>
      <li>{emails.length > 0 ? <>E-mail : <bdi>{emails.join(', ')}</bdi></> : 'Aucun e-mail donné'}</li>
      <li>Navigateur : reconnu par son cookie de lecteur</li>
    </ul>
  );
}

function Comments({ history }: { history: ReaderHistory }) {
  const total = Object.values(history.counts).reduce((sum, count) => sum + (count ?? 0), 0);
  return (
    <section aria-labelledby="historique-commentaires" className="mb-10">
      <h2 id="historique-commentaires" className="mb-3 font-serif text-2xl font-bold">
        Commentaires <span className="text-lg font-normal text-muted">{`(${total.toLocaleString('fr-FR')})`}</span>
      </h2>
      <dl className="mb-4 flex flex-wrap gap-3 text-sm">
        {(Object.keys(STATUSES) as (keyof typeof STATUSES)[]).map((status) => (
          <div key={status} className="rounded-md bg-surface px-3 py-2">
            <dt className="text-muted">{STATUSES[status]}</dt>
            <dd className="text-xl font-bold">{(history.counts[status] ?? 0).toLocaleString('fr-FR')}</dd>
          </div>
        ))}
      </dl>
      {total > history.comments.length && <p className="mb-3 text-sm text-muted">Les {history.comments.length} plus récents :</p>}
      <ol className="space-y-4">
        {history.comments.map((comment) => (
          <li key={comment.id} className={`rounded-md border p-3 ${comment.id === history.comment.id ? 'border-accent' : 'border-line'}`}>
            <div className="flex flex-wrap items-baseline gap-x-3 text-sm">
              <span className="rounded bg-surface px-1.5 text-xs font-semibold">{STATUSES[comment.status]}</span>
              <span className="text-muted">{when(comment.createdAt)}</span>
              <a href={comment.status === 'published' ? `/${comment.pieceKey}#commentaire-${comment.id}` : `/${comment.pieceKey}`} className="underline underline-offset-4">
                {comment.pieceTitle}
              </a>
              <span>
                signé <bdi className="font-semibold">{comment.author}</bdi>
              </span>
              {comment.id === history.comment.id && <span className="text-xs font-semibold text-accent">(le commentaire d’où vous venez)</span>}
            </div>
            <p className="mt-1 whitespace-pre-wrap break-words">{comment.body}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Bans({ history }: { history: ReaderHistory }) {
  return (
    <section aria-labelledby="historique-bannissements" className="mb-10">
      <h2 id="historique-bannissements" className="mb-3 font-serif text-2xl font-bold">Bannissements</h2>
      {history.bans.length === 0 ? (
        <p className="text-sm">Aucun bannissement.</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {history.bans.map((ban) => (
            <li key={ban.id}>
              Par {BAN_KINDS[ban.kind] ?? ban.kind} (<bdi>{ban.label}</bdi>), le {when(ban.createdAt)} : {ban.reason}.{' '}
              <strong>{ban.liftedAt ? `Levé le ${when(ban.liftedAt)}.` : 'En cours.'}</strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Messages({ history }: { history: ReaderHistory }) {
  return (
    <section aria-labelledby="historique-messages" className="mb-10">
      <h2 id="historique-messages" className="mb-3 font-serif text-2xl font-bold">Messages de la rédaction</h2>
      {history.messages.length === 0 ? (
        <p className="text-sm">La rédaction n’a pas encore écrit à ce lecteur.</p>
      ) : (
        <ul className="space-y-4">
          {history.messages.map((message) => (
            <li key={message.id} className="rounded-md border border-line p-3">
              <p className="text-sm text-muted">
                {when(message.createdAt)}, par <bdi>{message.editor}</bdi>, à <bdi>{message.recipient}</bdi>
              </p>
              <p className="font-semibold">{message.subject}</p>
              <p className="mt-1 whitespace-pre-wrap break-words text-sm">{message.body}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Notes({ history }: { history: ReaderHistory }) {
  return (
    <section aria-labelledby="historique-notes">
      <h2 id="historique-notes" className="mb-3 font-serif text-2xl font-bold">Notes de la rédaction</h2>
      {history.notes.length === 0 ? (
        <p className="mb-4 text-sm">Aucune note sur ce lecteur.</p>
      ) : (
        <ul className="mb-6 space-y-3">
          {history.notes.map((note) => (
            <li key={note.id} className="border-l-4 border-line pl-3">
              <p className="whitespace-pre-wrap break-words">{note.body}</p>
              <p className="text-sm text-muted">
                <bdi>{note.editor}</bdi>, le {when(note.createdAt)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <ReaderNoteForm commentId={history.comment.id} />
    </section>
  );
}

/** A reader's history in the desk: who they are to the desk, their comments, bans, the desk's messages and notes. */
export function ReaderHistoryView({ history }: { history: ReaderHistory }) {
  const count = Object.values(history.counts).reduce((sum, value) => sum + (value ?? 0), 0);
  return (
    <article aria-labelledby="lecteur-titre">
      <h1 id="lecteur-titre" className="mb-2 font-serif text-3xl font-bold">
        Historique du lecteur <bdi>{history.comment.author}</bdi>
      </h1>
      <p className="mb-4 text-sm text-muted">
        Tout ce qu’a écrit la même personne : même compte, même navigateur ou même e-mail ({plural(count, 'commentaire', 'commentaires')}).
      </p>
      <Identity history={history} />
      <Comments history={history} />
      <Bans history={history} />
      <Messages history={history} />
      <Notes history={history} />
    </article>
  );
}
