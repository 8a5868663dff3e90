import Link from 'next/link';
import { SECTION_INFO } from '@/lib/content/sections';
import { ThemeToggle } from './theme-toggle';

const NAV = [
  { href: SECTION_INFO.interviews.path, label: SECTION_INFO.interviews.title },
  { href: SECTION_INFO.articles.path, label: SECTION_INFO.articles.title },
  { href: '/tags', label: 'Thèmes' },
  { href: '/compte', label: 'Mon compte' },
];

/** The masthead: the magazine's name, its sections, the theme switch. */
export function SiteHeader() {
  return (
    <header className="border-b border-line">
      <a href="#contenu" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-paper focus:p-2">
        Aller au contenu
      </a>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-4">
        <Link href="/" className="font-serif text-xl font-bold sm:text-2xl tracking-tight text-ink no-underline">
          Place des Réseaux
        </Link>
        <nav aria-label="Rubriques" className="order-3 w-full sm:order-none sm:w-auto">
          <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm font-medium">
            {NAV.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="text-ink underline-offset-4 hover:underline">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <form action="/recherche" role="search" aria-label="Rechercher sur le site" className="order-2 flex sm:order-none">
          <label htmlFor="recherche-entete" className="sr-only">
            Rechercher
          </label>
          <input id="recherche-entete" name="q" type="search" placeholder="Rechercher…" className="w-36 rounded-md border border-line bg-paper px-2 py-1 text-sm" />
        </form>
        <ThemeToggle />
      </div>
    </header>
  );
}
