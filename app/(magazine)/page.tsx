import type { Metadata } from 'next';
import Link from '@/components/layout/link';
import { FeaturedCover } from '@/components/article/lead-pictures';
import { PieceCards, PieceCardWithStats } from '@/components/article/piece-cards';
import { HomeRankings } from '@/components/listing/rankings';
import { NewsletterBox } from '@/components/newsletter/newsletter-box';
import { authorNames, getPublishedPieces } from '@/lib/content';
import { SECTION_INFO } from '@/lib/content/sections';
import { env } from '@/lib/env';
import { pageMetadata, SITE_DESCRIPTION } from '@/lib/publishing/page-metadata';
import { jsonLdScript, siteJsonLd } from '@/lib/publishing/structured-data';

export const metadata: Metadata = pageMetadata('/', { description: SITE_DESCRIPTION });

const LATEST_COUNT = 6;

export default async function HomePage() {
  const pieces = await getPublishedPieces();
  const featured = pieces.find((piece) => piece.section === 'interviews');
  const latest = pieces.filter((piece) => piece.key !== featured?.key).slice(0, LATEST_COUNT);
  const authors = authorNames();
  return (
    <>
      {siteJsonLd(env.SITE_URL).map(({ key, data }) => (
        <script key={key} type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(data) }} />
      ))}
      <h1 className="sr-only">Place des Réseaux, le webmagazine des entrepreneurs en réseaux</h1>
      {featured && (
        <section aria-labelledby="a-la-une" className="mb-14">
          <h2 id="a-la-une" className="mb-2 text-sm font-semibold uppercase tracking-widest text-muted">
            À la une
          </h2>
          <PieceCardWithStats
            piece={featured}
            authorName={authors[featured.author]}
            headingLevel="h3"
            featured
            picture={featured.cover && <FeaturedCover cover={featured.cover} />}
          />
        </section>
      )}
      <section aria-labelledby="derniers-contenus">
        <h2 id="derniers-contenus" className="mb-6 font-serif text-2xl font-bold">
          Derniers contenus
        </h2>
        {latest.length > 0 ? (
          <PieceCards pieces={latest} authors={authors} headingLevel="h3" />
        ) : (
          <p>Les premiers contenus arrivent bientôt.</p>
        )}
      </section>
      <HomeRankings />
      <NewsletterBox />
      <section aria-labelledby="rubriques" className="mt-14 rounded-lg bg-surface p-6">
        <h2 id="rubriques" className="mb-4 font-serif text-2xl font-bold">
          Rubriques
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {Object.values(SECTION_INFO).map((info) => (
            <li key={info.path}>
              <Link href={info.path} className="font-semibold underline underline-offset-4">
                {info.title}
              </Link>
              <p className="text-muted">{info.description}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
