import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { ThemeScript } from '@/components/layout/theme-script';
import { env } from '@/lib/env';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(env.SITE_URL),
  title: { default: 'Place des Réseaux — le webmagazine des entrepreneurs en réseaux', template: '%s · Place des Réseaux' },
  description:
    'Méthodes, points de vue d’experts et outils pour développer la démarche réseau des entrepreneurs : interviews et conseils pratiques.',
  openGraph: { siteName: 'Place des Réseaux', locale: 'fr_FR', type: 'website' },
  twitter: { card: 'summary_large_image' },
  alternates: {
    types: {
      'application/rss+xml': [{ url: '/flux/rss.xml', title: 'Place des Réseaux (RSS)' }],
      'application/atom+xml': [{ url: '/flux/atom.xml', title: 'Place des Réseaux (Atom)' }],
      'application/feed+json': [{ url: '/flux/feed.json', title: 'Place des Réseaux (JSON Feed)' }],
    },
  },
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fdfcf9' },
    { media: '(prefers-color-scheme: dark)', color: '#151412' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="fr" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="flex min-h-screen flex-col bg-paper font-sans text-ink antialiased">
        <SiteHeader />
        <main id="contenu" className="mx-auto w-full max-w-5xl flex-1 px-4 pt-8">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
