'use client';

import type { ImgHTMLAttributes } from 'react';

/**
 * The page's largest picture (eager, at high priority), rendered as a client component for one
 * reason: React's server components emit a preload hint for every eager <img> into the page's RSC
 * payload, and Next prefetches that payload for the links of other pages, so every page linking
 * to a piece would preload its cover. Rendered here, the <img> is in the HTML all the same, and
 * React's HTML renderer preloads it from the <head> of its own page only.
 */
export function EagerImage({ alt, ...props }: ImgHTMLAttributes<HTMLImageElement> & { alt: string }) {
  // eslint-disable-next-line @next/next/no-img-element -- next/image's getImageProps gave these attributes
  return <img alt={alt} {...props} />;
}
