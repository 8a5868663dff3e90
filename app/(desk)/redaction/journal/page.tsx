import { moderationLog } from '@/lib/desk/moderation';
import { ACTION_LABELS } from '@/lib/desk/moderation-actions';
import { BAN_DURATIONS, DURATION_LABELS, type BanDuration } from '@/lib/desk/ban-durations';

const durationLabel = (duration: string | null) => (BAN_DURATIONS as readonly string[]).includes(duration ?? '') ? DURATION_LABELS[duration as BanDuration] : null;

export const metadata = { title: 'Journal de modération' };
export const instant = false;

export default async function LogPage() {
  const events = await moderationLog();
  return (
    <section aria-labelledby="journal-titre">
      <h1 id="journal-titre" className="mb-6 font-serif text-3xl font-bold">
        Journal de modération
      </h1>
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b border-line">
            <th className="py-2">Quand</th>
            <th>Qui</th>
            <th>Décision</th>
            <th>Sur</th>
            <th>Pourquoi</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} className="border-b border-line">
              <td className="py-2">{event.createdAt.toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })}</td>
              <td>{event.editor}</td>
              <td>
                {ACTION_LABELS[event.action as keyof typeof ACTION_LABELS] ?? event.action}
                {durationLabel(event.duration) && ` (${durationLabel(event.duration)})`}
              </td>
              <td>
                <bdi>{event.target ?? (event.pieceKey ? `${event.pieceKey} (${event.commentId?.slice(0, 8)})` : '')}</bdi>
              </td>
              <td>{event.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {events.length === 0 && <p className="mt-4">Aucune décision pour l’instant.</p>}
    </section>
  );
}
