import { child, childText, children, hasBadBytes, own, readElements, type XmlElement, type XmlStop } from './xml-elements';

// WordPress's export (WXR 1.1 and 1.2, « Outils → Exporter »): an RSS 2.0 file whose channel holds
// the site's address, its authors (<wp:author>), categories and tags, then one <item> per post,
// page, attachment or revision, each post's comments inside it (<wp:comment>). Read in two
// passes (`scanWordpress`, then `eachWordpressPost`): the first keeps what every post may refer to
// (authors, attachments, the other posts' addresses) and no body; the second hands over the
// posts one at a time, each with its comments.

export type WordpressAuthor = { login: string; displayName: string; id: string };
export type WordpressAttachment = { id: string; url: string; file: string; alt: string };

/** What the first pass keeps of a post: enough to place it and to point other posts to it. */
export type WordpressPostHead = {
  id: string;
  type: string;
  status: string;
  slug: string;
  title: string;
  link: string;
  /** « 2010-05-12 10:00:00 », the site's own time, and the same in UTC (empty for a draft). */
  date: string;
  dateGmt: string;
  author: string;
  categories: Array<{ slug: string; name: string }>;
  tags: Array<{ slug: string; name: string }>;
  /** Its custom fields (postmeta): the featured image's id, an interview's interviewee. */
  meta: Record<string, string>;
  badBytes: boolean;
};

export type WordpressComment = {
  id: string;
  parent: string;
  author: string;
  email: string;
  ip: string;
  dateGmt: string;
  date: string;
  content: string;
  approved: string;
  type: string;
  userId: string;
  badBytes: boolean;
};

export type WordpressPost = WordpressPostHead & {
  content: string;
  excerpt: string;
  comments: WordpressComment[];
};

export type WordpressScan = {
  site: { title: string; link: string; baseUrl: string; version: string };
  authors: Map<string, WordpressAuthor>;
  categories: Map<string, string>;
  tags: Map<string, string>;
  attachments: Map<string, WordpressAttachment>;
  posts: WordpressPostHead[];
  stop: XmlStop | null;
};

/** The export is not a WordPress one. */
export class NotWordpressError extends Error {
  override name = 'NotWordpressError';
  constructor(readonly root: string | null) {
    super(root === 'disqus' ? 'disqus' : 'other');
  }
}

const ITEM = 'rss/channel/item';
const AUTHOR = 'rss/channel/wp:author';
const CATEGORY = 'rss/channel/wp:category';
const TAG = 'rss/channel/wp:tag';
const CHANNEL_FIELDS = ['title', 'link', 'wp:base_site_url', 'wp:base_blog_url', 'wp:wxr_version'].map((name) => `rss/channel/${name}`);

/** The custom fields the import reads (page builders keep megabytes in others). */
const META_KEYS = new Set(['_thumbnail_id', '_wp_attached_file', '_wp_attachment_image_alt', 'interviewee_name', 'interviewee_role', 'interviewee_organisation']);

function meta(item: XmlElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const entry of children(item, 'wp:postmeta')) {
    const key = childText(entry, 'wp:meta_key');
    if (META_KEYS.has(key)) values[key] = own(child(entry, 'wp:meta_value')?.text ?? '');
  }
  return values;
}

const ownText = (element: XmlElement | undefined, name: string) => own(childText(element, name));

function terms(item: XmlElement, domain: string): Array<{ slug: string; name: string }> {
  return children(item, 'category')
    .filter((category) => category.attributes.domain === domain)
    .map((category) => ({ slug: own(category.attributes.nicename ?? ''), name: own(category.text.trim()) }));
}

/** What the first pass keeps of an item, in strings of its own. */
function head(item: XmlElement): WordpressPostHead {
  return {
    id: ownText(item, 'wp:post_id'),
    type: ownText(item, 'wp:post_type'),
    status: ownText(item, 'wp:status'),
    slug: ownText(item, 'wp:post_name'),
    title: ownText(item, 'title'),
    link: ownText(item, 'link'),
    date: ownText(item, 'wp:post_date'),
    dateGmt: ownText(item, 'wp:post_date_gmt').replace(/^0000-00-00 00:00:00$/, ''),
    author: ownText(item, 'dc:creator'),
    categories: terms(item, 'category'),
    tags: terms(item, 'post_tag'),
    meta: meta(item),
    // A comment's bad bytes are its own: the post is read all the same.
    badBytes: item.children.some((field) => field.name !== 'wp:comment' && hasBadBytes(field)),
  };
}

function comment(element: XmlElement): WordpressComment {
  return {
    id: childText(element, 'wp:comment_id'),
    parent: childText(element, 'wp:comment_parent'),
    author: childText(element, 'wp:comment_author'),
    email: childText(element, 'wp:comment_author_email'),
    ip: childText(element, 'wp:comment_author_IP'),
    date: childText(element, 'wp:comment_date'),
    dateGmt: childText(element, 'wp:comment_date_gmt').replace(/^0000-00-00 00:00:00$/, ''),
    content: child(element, 'wp:comment_content')?.text ?? '',
    approved: childText(element, 'wp:comment_approved'),
    type: childText(element, 'wp:comment_type'),
    userId: childText(element, 'wp:comment_user_id'),
    badBytes: hasBadBytes(element),
  };
}

function checkRoot(root: string | null, attributes: Record<string, string>): void {
  const wordpress = root === 'rss' && Object.entries(attributes).some(([name, value]) => name === 'xmlns:wp' && /wordpress\.org\/export\//.test(value));
  if (!wordpress) throw new NotWordpressError(root);
}

/** The first pass: the site, its authors, terms and attachments, and every item's head. */
export async function scanWordpress(file: string): Promise<WordpressScan> {
  const scan: WordpressScan = {
    site: { title: '', link: '', baseUrl: '', version: '' },
    authors: new Map(),
    categories: new Map(),
    tags: new Map(),
    attachments: new Map(),
    posts: [],
    stop: null,
  };
  const reading = await readElements(file, new Set([ITEM, AUTHOR, CATEGORY, TAG, ...CHANNEL_FIELDS]), (path, element) => {
    if (path === ITEM) {
      const item = head(element);
      if (item.type === 'attachment') {
        const values = item.meta;
        scan.attachments.set(item.id, { id: item.id, url: ownText(element, 'wp:attachment_url'), file: values._wp_attached_file ?? '', alt: (values._wp_attachment_image_alt ?? '').trim() });
      } else {
        scan.posts.push(item);
      }
    } else if (path === AUTHOR) {
      const login = ownText(element, 'wp:author_login');
      scan.authors.set(login, { login, displayName: ownText(element, 'wp:author_display_name') || login, id: ownText(element, 'wp:author_id') });
    } else if (path === CATEGORY) {
      scan.categories.set(ownText(element, 'wp:category_nicename'), ownText(element, 'wp:cat_name'));
    } else if (path === TAG) {
      scan.tags.set(ownText(element, 'wp:tag_slug'), ownText(element, 'wp:tag_name'));
    } else if (path === 'rss/channel/title') {
      scan.site.title = element.text.trim();
    } else if (path === 'rss/channel/link') {
      scan.site.link = element.text.trim();
    } else if (path === 'rss/channel/wp:base_blog_url' || (path === 'rss/channel/wp:base_site_url' && !scan.site.baseUrl)) {
      scan.site.baseUrl = element.text.trim();
    } else if (path === 'rss/channel/wp:wxr_version') {
      scan.site.version = element.text.trim();
    }
  }, checkRoot);
  if (reading.root === null) throw new NotWordpressError(null);
  scan.stop = reading.stop;
  return scan;
}

/** The second pass: every post (type `post`) with its body, its fields and its comments. */
export async function eachWordpressPost(file: string, onPost: (post: WordpressPost) => Promise<void>): Promise<XmlStop | null> {
  const reading = await readElements(file, new Set([ITEM]), async (_path, element) => {
    if (childText(element, 'wp:post_type') !== 'post') return;
    await onPost({
      ...head(element),
      content: child(element, 'content:encoded')?.text ?? '',
      excerpt: child(element, 'excerpt:encoded')?.text ?? '',
      comments: children(element, 'wp:comment').map(comment),
    });
  });
  return reading.stop;
}
