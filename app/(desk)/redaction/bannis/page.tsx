import { BanList } from '@/components/desk/bans';
import { activeBans } from '@/lib/desk/moderation';

export const metadata = { title: 'Bannis' };
export const instant = false;

export default async function BansPage() {
  const bans = await activeBans();
  return (
    <section aria-labelledby="bannis-titre">
      <h1 id="bannis-titre" className="mb-6 font-serif text-3xl font-bold">
        Bannis
      </h1>
      <BanList bans={bans.map(({ id, kind, label, reason, createdAt }) => ({ id, kind, label, reason, createdAt: createdAt.toISOString() }))} />
    </section>
  );
}
