import type { Metadata } from 'next';
import Link from '@/components/layout/link';
import { forbidden, unauthorized } from 'next/navigation';
import type { ReactNode } from 'react';
import { currentAccount } from '@/lib/accounts/session';

export const metadata: Metadata = { title: { default: 'Rédaction', template: '%s · Rédaction' }, robots: { index: false } };

// Rendered whole for each request, so that a refusal is a real 401 or 403.
export const instant = false;

const NAV = [
  { href: '/redaction', label: 'File de modération' },
  { href: '/redaction/commentaires', label: 'Commentaires publiés' },
  { href: '/redaction/bannis', label: 'Bannis' },
  { href: '/redaction/mots', label: 'Listes de mots' },
  { href: '/redaction/journal', label: 'Journal' },
  { href: '/redaction/contenus', label: 'Contenus' },
  { href: '/redaction/audience', label: 'Audience' },
  { href: '/redaction/lettre', label: 'La lettre' },
];

/** The editors' desk: 401 for a visitor, 403 for a reader. */
export default async function DeskLayout({ children }: { children: ReactNode }) {
  const account = await currentAccount();
  if (!account) unauthorized();
  if (!account.isEditor) forbidden();
  return (
    <div>
      <nav aria-label="Rédaction" className="mb-8 border-b border-line pb-3">
        <ul className="flex flex-wrap gap-4 text-sm font-semibold">
          {NAV.map((item) => (
            <li key={item.href}>
              <Link href={item.href} className="underline-offset-4 hover:underline">
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
        <p className="mt-2 text-xs text-muted">Connecté : {account.email}</p>
      </nav>
      {children}
    </div>
  );
}
