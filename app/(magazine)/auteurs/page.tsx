import type { Metadata } from 'next';
import Link from 'next/link';
import { getAuthors } from '@/lib/content';
import { pageMetadata } from '@/lib/publishing/page-metadata';

export const metadata: Metadata = pageMetadata('/auteurs', { title: 'Auteurs' });

export default function AuthorsPage() {
  return (
    <>
      <h1 className="mb-8 font-serif text-4xl font-bold">Auteurs</h1>
      <ul className="grid gap-6 sm:grid-cols-2">
        {getAuthors().map((author) => (
          <li key={author.slug} className="border-t border-line pt-4">
            <h2 className="font-serif text-xl font-bold">
              <Link href={author.url} className="hover:underline">
                {author.name}
              </Link>
            </h2>
            <p className="text-muted">{author.role}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
