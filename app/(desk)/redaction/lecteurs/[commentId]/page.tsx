import { notFound } from 'next/navigation';
import { ReaderHistoryView } from '@/components/desk/reader-history';
import { readerHistory } from '@/lib/desk/reader-history';

export const metadata = { title: 'Historique du lecteur' };
export const instant = false;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Props = { params: Promise<{ commentId: string }> };

/** A reader's history, from one of their comments. */
export default async function ReaderHistoryPage({ params }: Props) {
  const { commentId } = await params;
  const history = UUID.test(commentId) ? await readerHistory(commentId.toLowerCase()) : null;
  if (!history) notFound();
  return <ReaderHistoryView history={history} />;
}
