import Link from '@/components/layout/link';

/** The tags of a piece, each linking to its tag page. */
export function TagList({ tags, tagSlugs }: { tags: string[]; tagSlugs: string[] }) {
  return (
    <ul className="flex flex-wrap gap-2" aria-label="Thèmes">
      {tags.map((tag, i) => (
        <li key={tagSlugs[i] ?? tag}>
          <Link
            href={`/tags/${tagSlugs[i] ?? ''}`}
            className="inline-block rounded-full border border-line px-3 py-0.5 text-sm text-muted hover:border-accent hover:text-ink"
          >
            {tag}
          </Link>
        </li>
      ))}
    </ul>
  );
}
