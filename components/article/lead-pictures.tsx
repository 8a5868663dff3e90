import { getImageProps } from 'next/image';
import type { Picture } from '@/lib/content';
import { EagerImage } from './eager-image';
import { COLUMN, type OptimisedProps } from './pictures';

// The page's largest picture: a piece's cover, the home page's feature. Apart from
// components/article/pictures.tsx because it is rendered by a (tiny) client component, which
// only the pages that show such a picture should load.

/**
 * An <img> through Next's image optimiser, fetched at high priority, never lazy, and preloaded
 * from the <head> with its srcset and sizes (so the browser fetches the width it will show).
 */
function LeadImage(image: OptimisedProps) {
  // `preload` makes it eager; the priority is asked for apart (getImageProps sets it only for
  // the deprecated `priority`).
  const { props } = getImageProps({ ...image, preload: true, fetchPriority: 'high' });
  return <EagerImage {...props} alt={image.alt} />;
}

/** A piece's cover at the top of its page, with its credit. */
export function PieceCover({ cover }: { cover: Picture }) {
  return (
    <figure className="mb-10">
      <LeadImage src={cover.src} alt={cover.alt} width={cover.width} height={cover.height} sizes={COLUMN} className="h-auto w-full rounded-lg bg-surface" />
      {cover.credit && <figcaption className="mt-2 text-right text-xs text-muted">{cover.credit}</figcaption>}
    </figure>
  );
}

/** The cover of the home page's feature, over its card, cropped to 16:9 like the cards'. */
export function FeaturedCover({ cover }: { cover: Picture }) {
  return (
    <LeadImage
      src={cover.src}
      alt={cover.alt}
      width={cover.width}
      height={cover.height}
      sizes={COLUMN}
      className="aspect-video h-auto w-full rounded-md bg-surface object-cover"
    />
  );
}
