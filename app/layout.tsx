import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { AudienceScript } from '@/components/layout/audience-script';
import { PrefetchOnIntent } from '@/components/layout/prefetch-on-intent';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { ThemeScript } from '@/components/layout/theme-script';
import { env } from '@/lib/env';
import { MAGAZINE_CARD, MAGAZINE_FEEDS, SITE_DESCRIPTION, SITE_TITLE } from '@/lib/publishing/page-metadata';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(env.SITE_URL),
  title: { default: SITE_TITLE, template: '%s · Place des Réseaux' },
  description: SITE_DESCRIPTION,
  // Public pages give their own (lib/publishing/page-metadata.ts); this is for the others.
  openGraph: { siteName: 'Place des Réseaux', locale: 'fr_FR', type: 'website', images: [MAGAZINE_CARD] },
  twitter: { card: 'summary_large_image', images: [MAGAZINE_CARD] },
  alternates: { types: MAGAZINE_FEEDS },
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
        <AudienceScript />
        <PrefetchOnIntent />
      </body>
    </html>
  );
}
