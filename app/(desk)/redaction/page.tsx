import { BackupState } from '@/components/desk/backups';
import { DeskNotices } from '@/components/desk/notices';
import { ModerationQueue } from '@/components/desk/queue';
import { openNotices } from '@/lib/desk/notices';
import { moderationQueue } from '@/lib/desk/moderation';

export const metadata = { title: 'File de modération' };
export const instant = false;

export default async function QueuePage() {
  const [items, notices] = await Promise.all([moderationQueue(), openNotices()]);
  return (
    <section aria-labelledby="file-titre">
      <h1 id="file-titre" className="mb-4 font-serif text-3xl font-bold">
        File de modération <span className="text-lg font-normal text-muted">({items.length})</span>
      </h1>
      <BackupState />
      <DeskNotices notices={notices} />
      <ModerationQueue items={items} />
    </section>
  );
}
