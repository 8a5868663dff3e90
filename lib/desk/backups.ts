import 'server-only';
import { backupWarning, readBackupStatus, type BackupStatus } from '@/lib/db/backups';
import { backupDirectory, env } from '@/lib/env';

export type DeskBackups =
  | { kind: 'server' }
  | { kind: 'embedded'; status: BackupStatus; warning: string | null };

/** What the desk says of the backups: the embedded database's nightly copies, or the server's own tools. */
export function deskBackups(now = new Date()): DeskBackups {
  if (!env.DATABASE_EMBEDDED) return { kind: 'server' };
  const status = readBackupStatus(backupDirectory());
  return { kind: 'embedded', status, warning: backupWarning(status, now) };
}
