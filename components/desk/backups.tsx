import { deskBackups } from '@/lib/desk/backups';
import { formatDateTime } from '@/lib/format';

/** The state of the backups on the desk's home: a warning when the last good one is too old or failed. */
export function BackupState() {
  const backups = deskBackups();
  if (backups.kind === 'server') {
    return (
      <p className="mb-6 text-sm text-muted">
        Base PostgreSQL du serveur : sauvegardez-la avec ses propres outils, ou <code>npm run db:export</code>.
      </p>
    );
  }
  const { status, warning } = backups;
  const last = status.lastSuccess;
  const summary = last
    ? `Dernière sauvegarde de la base : ${formatDateTime(last.at)}, ${(last.bytes / 1e6).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo (${last.rows.toLocaleString('fr-FR')} lignes).`
    : null;
  if (!warning) return <p className="mb-6 text-sm text-muted">{summary}</p>;
  return (
    <div role="status" className="mb-6 rounded-md border-2 border-red-700 p-4 text-sm">
      <p className="font-semibold">Sauvegardes : {warning}</p>
      {summary && <p className="mt-1">{summary}</p>}
      <p className="mt-1">Chaque nuit, <code>npm start</code> sauvegarde la base embarquée ; voyez son journal, ou lancez <code>npm run db:backup</code>.</p>
    </div>
  );
}
