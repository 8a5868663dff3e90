/** Cache tag of every list built from the content (listings, tags, feeds). */
export const CONTENT_TAG = 'content';
