import { getImageProps, type ImageProps } from 'next/image';
import type { Picture } from '@/lib/content';

// Covers, portraits and the pictures of a piece's text, served by Next's image optimiser
// (/_next/image) as AVIF or WebP at the width each screen needs. Their width and height come
// from the file (read at build time), so the browser reserves their room before they load:
// nothing moves. Rendered as a plain <img> from next/image's getImageProps: the <Image>
// component is a client component, and would add its JavaScript to every page that shows a
// picture (measured: 5.7 kB gzip on the home page and the listings), for nothing a plain <img>
// does not do.

// The column is max-w-5xl (64rem) less its padding; below that, about the screen's width (in vw,
// so that next/image leaves the widths no screen needs out of the srcset).
export const COLUMN = '(min-width: 64rem) 62rem, 100vw';
// Cards sit two a row from 40rem (sm), one below.
const CARD = '(min-width: 64rem) 30rem, (min-width: 40rem) 50vw, 100vw';

export type OptimisedProps = Omit<ImageProps, 'src' | 'alt' | 'preload' | 'priority'> & { src: string; alt: string };

/**
 * An <img> through Next's image optimiser, lazy (fetched when it nears the screen). The page's
 * largest picture is components/article/lead-pictures.tsx's instead.
 */
export function OptimisedImage(image: OptimisedProps) {
  const { props } = getImageProps(image);
  // eslint-disable-next-line @next/next/no-img-element -- getImageProps gives the optimised <img>'s attributes
  return <img {...props} alt={image.alt} />;
}

/** A cover on a card: cropped to 16:9 so cards line up, and lazy. */
export function CardCover({ cover }: { cover: Picture }) {
  return (
    <OptimisedImage
      src={cover.src}
      alt={cover.alt}
      width={cover.width}
      height={cover.height}
      sizes={CARD}
      className="aspect-video h-auto w-full rounded-md bg-surface object-cover"
    />
  );
}

const PORTRAIT_SIZES = { small: { px: 56, className: 'size-14' }, large: { px: 112, className: 'size-28' } } as const;

/** A round portrait, small beside an interviewee's name, large on an author's page (1x and 2x files). */
export function Portrait({ portrait, size }: { portrait: Picture; size: keyof typeof PORTRAIT_SIZES }) {
  const { px, className } = PORTRAIT_SIZES[size];
  return <OptimisedImage src={portrait.src} alt={portrait.alt} width={px} height={px} className={`${className} shrink-0 rounded-full bg-surface object-cover`} />;
}
