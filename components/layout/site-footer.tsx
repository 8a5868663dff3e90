import Link from '@/components/layout/link';

/** The foot of every page. */
export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-line">
      <div className="mx-auto flex max-w-5xl flex-col gap-2 px-4 py-8 text-sm text-muted sm:flex-row sm:justify-between">
        <p>
          <strong className="text-ink">Place des Réseaux</strong> — le webmagazine des entrepreneurs en réseaux.
        </p>
        <nav aria-label="Pied de page">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            <li>
              <Link href="/lettre" className="underline underline-offset-4">
                La lettre
              </Link>
            </li>
            <li>
              <Link href="/les-plus-apprecies" className="underline underline-offset-4">
                Les plus appréciés
              </Link>
            </li>
            <li>
              <Link href="/auteurs" className="underline underline-offset-4">
                Auteurs
              </Link>
            </li>
            <li>
              <Link href="/tags" className="underline underline-offset-4">
                Thèmes
              </Link>
            </li>
            <li>
              <Link href="/charte" className="underline underline-offset-4">
                Charte des commentaires
              </Link>
            </li>
            <li>
              <Link href="/transparence" className="underline underline-offset-4">
                Transparence
              </Link>
            </li>
            <li>
              <Link href="/confidentialite" className="underline underline-offset-4">
                Confidentialité
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
