import type { Metadata } from 'next';
import Link from '@/components/layout/link';
import { getTags } from '@/lib/content';
import { plural } from '@/lib/format';
import { pageMetadata } from '@/lib/publishing/page-metadata';

export const metadata: Metadata = pageMetadata('/tags', {
  title: 'Thèmes',
  description: 'Tous les thèmes abordés par Place des Réseaux, du choix d’un réseau à la modération des échanges.',
});

export default async function TagsPage() {
  const tags = await getTags();
  return (
    <>
      <h1 className="mb-8 font-serif text-4xl font-bold">Thèmes</h1>
      <ul className="flex flex-wrap gap-3">
        {tags.map((tag) => (
          <li key={tag.slug}>
            <Link href={`/tags/${tag.slug}`} className="inline-block rounded-full border border-line px-4 py-1.5 hover:border-accent">
              {tag.name} <span className="text-sm text-muted">({plural(tag.count, 'contenu')})</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
