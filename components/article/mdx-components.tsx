import Link from '@/components/layout/link';
import type { ComponentProps, ReactNode } from 'react';
import { OptimisedImage } from './pictures';

/** A sentence set large in the margin of the text. */
export function PullQuote({ children }: { children: ReactNode }) {
  return (
    <aside aria-label="Citation" className="not-prose my-8 border-y-2 border-accent py-4 font-serif text-2xl leading-snug">
      {children}
    </aside>
  );
}

/** « Encadré »: a boxed aside with its own title. */
export function Encadre({ title, children }: { title: string; children: ReactNode }) {
  return (
    <aside aria-label={title} className="my-8 rounded-lg bg-surface px-5 py-1 [&>h2]:mt-4">
      <p className="mb-0! mt-4! font-sans text-sm font-bold uppercase tracking-wider text-accent">{title}</p>
      {children}
    </aside>
  );
}

type FigureProps = { src: string; alt: string; caption?: string; width: number; height: number; credit?: string };

/** An image of the piece, through Next's image optimiser, with an optional caption and credit. */
export function Figure({ src, alt, caption, width, height, credit }: FigureProps) {
  return (
    <figure>
      <OptimisedImage src={src} alt={alt} width={width} height={height} sizes="(min-width: 768px) 42rem, 100vw" />
      {(caption ?? credit) && (
        <figcaption>
          {caption}
          {credit && <span className="block text-xs">© {credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}

/** The closing credits of an interview: who collected the words, for whom. */
export function Credits({ children }: { children: ReactNode }) {
  return <p className="mt-10 border-t border-line pt-4 text-right italic text-muted">{children}</p>;
}

function MdxLink({ href = '', children, ...props }: ComponentProps<'a'>) {
  if (href.startsWith('/')) {
    return (
      <Link href={href} {...props}>
        {children}
      </Link>
    );
  }
  if (href.startsWith('#')) return <a href={href} {...props}>{children}</a>;
  return (
    <a href={href} rel="noopener noreferrer" {...props}>
      {children}
    </a>
  );
}

/** The components MDX pieces may use, and the HTML elements we render our own way. */
export const mdxComponents = { PullQuote, Encadre, Figure, Credits, a: MdxLink };
