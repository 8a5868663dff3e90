import type { Metadata } from 'next';
import Link from '@/components/layout/link';
import { Portrait } from '@/components/article/pictures';
import { getAuthors } from '@/lib/content';
import { pageMetadata } from '@/lib/publishing/page-metadata';

export const metadata: Metadata = pageMetadata('/auteurs', { title: 'Auteurs' });

export default function AuthorsPage() {
  return (
    <>
      <h1 className="mb-8 font-serif text-4xl font-bold">Auteurs</h1>
      <ul className="grid gap-6 sm:grid-cols-2">
        {getAuthors().map((author) => (
          <li key={author.slug} className="flex items-center gap-4 border-t border-line pt-4">
            {author.portrait && <Portrait portrait={author.portrait} size="small" />}
            <div>
              <h2 className="font-serif text-xl font-bold">
                <Link href={author.url} className="hover:underline">
                  {author.name}
                </Link>
              </h2>
              <p className="text-muted">{author.role}</p>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
