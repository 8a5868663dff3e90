import NextLink from 'next/link';
import type { ComponentProps } from 'react';

/** The attribute by which PrefetchOnIntent knows the magazine's links. */
export const PREFETCH_ON_INTENT = 'data-prefetch-on-intent';

/**
 * next/link, without its prefetch of every link that enters the viewport: on a phone, handling
 * those pages' payloads as the page loads was a good part of its blocking time. A link's page
 * is prefetched when the reader shows intent (PrefetchOnIntent, in the root layout). Every link
 * of the magazine goes through here (eslint refuses next/link elsewhere).
 */
export default function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...{ [PREFETCH_ON_INTENT]: '' }} {...props} />;
}
