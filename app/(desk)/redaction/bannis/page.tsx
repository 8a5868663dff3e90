import { BanList } from '@/components/desk/bans';
import { connection } from 'next/server';
import { activeBans } from '@/lib/desk/moderation';

export const metadata = { title: 'Bannis' };
export const instant = false;

export default async function BansPage() {
  await connection(); // the bans in force now: never prerendered
  const bans = await activeBans();
  return (
    <section aria-labelledby="bannis-titre">
      <h1 id="bannis-titre" className="mb-6 font-serif text-3xl font-bold">
        Bannis
      </h1>
      <BanList bans={bans.map(({ id, kind, label, reason, createdAt, expiresAt }) => ({ id, kind, label, reason, createdAt: createdAt.toISOString(), expiresAt: expiresAt?.toISOString() ?? null }))} />
    </section>
  );
}
