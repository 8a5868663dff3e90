import Link from '@/components/layout/link';
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
      {/* One line from 1024 px up; below, the sections go to a line of their own. */}
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-4 lg:flex-nowrap">
        <Link href="/" className="shrink-0 whitespace-nowrap font-serif text-xl font-bold tracking-tight text-ink no-underline sm:text-2xl">
          Place des Réseaux
        </Link>
        <nav aria-label="Rubriques" className="order-3 w-full sm:order-none sm:w-auto">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm font-medium lg:flex-nowrap">
            {NAV.map((item) => (
              <li key={item.href} className="whitespace-nowrap">
                <Link href={item.href} className="text-ink underline-offset-4 hover:underline">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <form action="/recherche" role="search" aria-label="Rechercher sur le site" className="order-2 flex shrink-0 sm:order-none">
          <label htmlFor="recherche-entete" className="sr-only">
            Rechercher
          </label>
          <input id="recherche-entete" name="q" type="search" placeholder="Rechercher…" className="w-32 rounded-l-md border border-line bg-paper px-2 py-1 text-sm" />
          <button type="submit" className="rounded-r-md border border-l-0 border-line px-2 text-muted hover:text-ink">
            <svg aria-hidden="true" viewBox="0 0 20 20" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="2">
              <circle cx="8.5" cy="8.5" r="5.5" />
              <path d="M13 13l4.5 4.5" strokeLinecap="round" />
            </svg>
            <span className="sr-only">Rechercher</span>
          </button>
        </form>
        <ThemeToggle />
      </div>
    </header>
  );
}
