import { describe, expect, it } from 'vitest';
import { archivesToDelete, backupWarning, nextBackupTime } from '@/lib/db/backups';

const name = (iso: string) => `place-des-reseaux-${iso.slice(0, 19).replace(/:/g, '')}Z.tar.gz`;

describe('which backups are kept', () => {
  it('keeps the newest of each of the last 7 days and of each of the last 4 weeks, and nothing else', () => {
    // Two a day for 60 days, at 03:00 and 15:00 UTC, newest first.
    const names: string[] = [];
    for (let day = 0; day < 60; day++) {
      for (const hour of ['15', '03']) names.push(name(new Date(Date.UTC(2026, 10, 27 - day, Number(hour))).toISOString()));
    }
    const deleted = new Set(archivesToDelete([...names, 'status.json', '.lock'], 7, 4));
    const kept = names.filter((file) => !deleted.has(file));
    // The newest copy of each of 7 days, and of each of 4 weeks (from Monday; as restic's
    // --keep-daily 7 --keep-weekly 4): this week and the last are among the days, then two
    // Sundays more. 27 November 2026 is a Friday.
    expect(kept).toEqual([
      ...[27, 26, 25, 24, 23, 22, 21].map((day) => name(`2026-11-${day}T15:00:00`)),
      ...[15, 8].map((day) => name(`2026-11-${String(day).padStart(2, '0')}T15:00:00`)),
    ]);
    expect(deleted.has('status.json')).toBe(false);
  });
});

describe('when the nightly backup runs', () => {
  it('runs at the hour today if it is still to come, else tomorrow', () => {
    expect(nextBackupTime(new Date(2026, 10, 27, 2, 59), 3)).toEqual(new Date(2026, 10, 27, 3, 0));
    expect(nextBackupTime(new Date(2026, 10, 27, 3, 0), 3)).toEqual(new Date(2026, 10, 28, 3, 0));
    expect(nextBackupTime(new Date(2026, 10, 30, 23, 0), 3)).toEqual(new Date(2026, 11, 1, 3, 0));
  });
});

describe('the desk’s warning', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  it('warns with no backup, an old one, or a failure since the last good one; not otherwise', () => {
    expect(backupWarning({}, now)).toBe('Aucune sauvegarde réussie pour l’instant.');
    expect(backupWarning({ lastSuccess: { at: '2026-11-25T02:00:00Z', file: 'a', bytes: 1, rows: 1 } }, now)).toBe('La dernière sauvegarde réussie a plus de deux jours.');
    expect(backupWarning({ lastSuccess: { at: '2026-11-27T02:00:00Z', file: 'a', bytes: 1, rows: 1 } }, now)).toBeNull();
    expect(
      backupWarning({ lastSuccess: { at: '2026-11-26T02:00:00Z', file: 'a', bytes: 1, rows: 1 }, lastFailure: { at: '2026-11-27T02:00:00Z', message: 'disque plein' } }, now),
    ).toBe('La dernière sauvegarde a échoué : disque plein');
    expect(
      backupWarning({ lastSuccess: { at: '2026-11-27T02:00:00Z', file: 'a', bytes: 1, rows: 1 }, lastFailure: { at: '2026-11-26T02:00:00Z', message: 'x' } }, now),
    ).toBeNull();
  });
});
