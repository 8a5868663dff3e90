import Link from '@/components/layout/link';
import { SECTION_INFO } from '@/lib/content/sections';
import type { AuthorProfile, Piece } from '@/lib/content';
import { PieceMeta } from './piece-meta';
import { Portrait } from './pictures';
import { TagList } from './tag-list';

/** Title, summary, byline, dates and tags at the top of a piece. */
export function PieceHeader({ piece, author }: { piece: Piece; author: AuthorProfile | null }) {
  const section = SECTION_INFO[piece.section];
  return (
    <header className="mb-8 flex flex-col gap-4">
      <p className="text-sm font-semibold uppercase tracking-widest text-accent">
        <Link href={section.path}>{section.title}</Link>
      </p>
      <h1 className="font-serif text-3xl font-bold leading-tight sm:text-5xl">{piece.title}</h1>
      <p className="text-lg text-muted sm:text-xl">{piece.summary}</p>
      {piece.interviewee && (
        <div className="flex items-center gap-3">
          {piece.interviewee.portrait && <Portrait portrait={piece.interviewee.portrait} size="small" />}
          <p>
            Entretien avec <strong>{piece.interviewee.name}</strong>, {piece.interviewee.role.toLowerCase()} de{' '}
            {piece.interviewee.organisation}
          </p>
        </div>
      )}
      {author && (
        <p className="text-sm">
          {piece.interviewee ? 'Propos recueillis par ' : 'Par '}
          <Link href={author.url} className="font-semibold underline underline-offset-4">
            {author.name}
          </Link>
          <span className="text-muted"> — {author.role}</span>
        </p>
      )}
      <PieceMeta piece={piece} showUpdated />
      <TagList tags={piece.tags} tagSlugs={piece.tagSlugs} />
    </header>
  );
}
