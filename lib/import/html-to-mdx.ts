import { gfm } from '@joplin/turndown-plugin-gfm';
import TurndownService from 'turndown';

// A WordPress body to the magazine's MDX: the HTML of the block editor (Gutenberg's comments
// dropped, its image, quote, pull quote and embed blocks understood) or of the classic editor
// (paragraphs made as WordPress's wpautop makes them, [caption] and [embed] shortcodes read), then
// turndown (with its GFM plugin for tables and strikethrough) to Markdown. Images become the
// magazine's <Figure> with their measured size, pull quotes its <PullQuote>; embeds and iframes
// become links. What MDX would read as code (`{`, `}`, `<`) is escaped in the text. Shortcodes it
// does not know stay visible as text and are reported, as is every image it could not keep.

/** An image of the body, once copied under public/ and measured; null: not kept (reported). */
export type KeptImage = { src: string; width: number; height: number };

export type BodyContext = {
  /** The copied image for an address of the old site (found beforehand by `imageSources`). */
  image: (source: string) => KeptImage | null;
  /** An attachment's alternative text, by its id (the class « wp-image-123 »). */
  attachmentAlt: (id: string) => string;
  /** Where a link now points: an old post's address becomes its piece's. */
  link: (href: string) => string;
};

export type ConvertedBody = { markdown: string; problems: string[] };

/** The shortcodes of WordPress itself and of common plugins: reported when met, never taken for text in brackets. */
const KNOWN_SHORTCODES = new Set(['audio', 'video', 'playlist', 'gallery', 'embed', 'caption', 'wp_caption', 'contact-form-7', 'contact-form', 'youtube', 'vimeo', 'soundcloud', 'instagram', 'twitter', 'tweet', 'gravityform', 'su_button', 'vc_row', 'vc_column', 'et_pb_section', 'button', 'toc', 'table', 'code', 'sourcecode', 'slideshow', 'mailpoet_form']);

/** How an embed's provider (Gutenberg's « is-provider-… ») is written. */
const PROVIDERS: Record<string, string> = { youtube: 'YouTube', vimeo: 'Vimeo', dailymotion: 'Dailymotion', twitter: 'X (Twitter)', linkedin: 'LinkedIn', instagram: 'Instagram', facebook: 'Facebook', soundcloud: 'SoundCloud', spotify: 'Spotify', slideshare: 'SlideShare', tiktok: 'TikTok', wordpress: 'WordPress' };

const BLOCK_TAG = /^<\/?(p|div|h[1-6]|ul|ol|li|dl|dt|dd|blockquote|figure|figcaption|table|thead|tbody|tr|td|th|pre|hr|iframe|form|address|section|article|aside|header|footer|nav|details|summary|script|style|object|embed|video|audio)\b/i;

/** Paragraphs as WordPress's wpautop makes them from a classic post: blank lines, line breaks. */
export function autop(html: string): string {
  const text = html.replace(/\r\n?/g, '\n');
  const pre: string[] = [];
  const shielded = text.replace(/<pre[\s\S]*?<\/pre>/gi, (block) => `\u0000${pre.push(block) - 1}\u0000`);
  const paragraphs = shielded
    .split(/\n[ \t]*\n+/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (BLOCK_TAG.test(chunk) || /^\u0000\d+\u0000$/.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br />\n')}</p>`));
  return paragraphs.join('\n\n').replace(/\u0000(\d+)\u0000/g, (_match, index: string) => pre[Number(index)] ?? '');
}

const attribute = (attributes: string, name: string) => new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)')`, 'i').exec(attributes)?.slice(1).find((value) => value !== undefined) ?? '';

/** [caption] and [embed] made HTML; the other shortcodes named, left as they are. */
export function shortcodes(html: string): { html: string; unknown: string[] } {
  let out = html.replace(/\[caption([^\]]*)\]([\s\S]*?)\[\/caption\]/gi, (_match, attributes: string, inner: string) => {
    const image = /(<a\b[^>]*>\s*)?<img\b[^>]*>(\s*<\/a>)?/i.exec(inner);
    const caption = (image ? inner.replace(image[0], '') : inner).trim() || attribute(attributes, 'caption');
    return `<figure>${image?.[0] ?? ''}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
  });
  out = out.replace(/\[embed([^\]]*)\]\s*(\S+?)\s*\[\/embed\]/gi, (_match, _attributes: string, url: string) => `<p><a href="${url}">${url}</a></p>`);
  const unknown = new Set<string>();
  for (const match of out.matchAll(/\[(\/?)([a-z][a-z0-9_-]*)(\s[^\]]*)?\]/gi)) {
    const name = (match[2] ?? '').toLowerCase();
    const closed = new RegExp(`\\[/${name}\\]`, 'i').test(out);
    if (KNOWN_SHORTCODES.has(name) || closed || /=/.test(match[3] ?? '')) unknown.add(name);
  }
  return { html: out, unknown: [...unknown] };
}

/** The addresses of every image of a body (img src), to copy them before converting. */
export function imageSources(html: string): string[] {
  return [...html.matchAll(/<img\b[^>]*?\bsrc=(?:"([^"]*)"|'([^']*)')/gi)].map((match) => (match[1] ?? match[2] ?? '').trim()).filter(Boolean);
}

/** A JSX attribute's value as a JavaScript string: any character is safe in it. */
const jsx = (value: string) => `{${JSON.stringify(value)}}`;

type Element = HTMLElement;

const textOf = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** MDX-safe plain text for a component's children. */
const mdxText = (text: string) => text.replace(/[\\`*_[\]{}<>]/g, '\\$&');

function service(context: BodyContext, problems: string[]): TurndownService {
  const turndown = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', codeBlockStyle: 'fenced', emDelimiter: '_', strongDelimiter: '**', hr: '---' });
  turndown.use(gfm);
  const markdownEscape = turndown.escape.bind(turndown);
  // MDX reads « { » as the start of an expression and « < » as a tag.
  // turndown escapes a line's « # », « - », « + » only before a space: alone, they make an empty heading or item.
  turndown.escape = (text: string) =>
    markdownEscape(text)
      .replace(/[{}<]/g, '\\$&')
      .replace(/^(#{1,6}|[-+*])$/gm, '\\$1');
  turndown.remove(['script', 'style', 'noscript', 'form', 'input', 'button', 'select', 'textarea', 'object']);

  const figureOf = (img: Element, caption: string): string => {
    const source = (img.getAttribute('src') ?? '').trim();
    const id = /\bwp-image-(\d+)\b/.exec(img.getAttribute('class') ?? '')?.[1];
    const alt = (img.getAttribute('alt') ?? '').trim() || (id ? context.attachmentAlt(id) : '') || caption;
    const kept = context.image(source);
    if (!kept) {
      problems.push(`l’image ${source || '(sans adresse)'} n’a pas été trouvée dans le dossier des fichiers envoyés (--uploads) : retirée du texte.`);
      return caption ? `\n\n${mdxText(caption)}\n\n` : '';
    }
    if (!alt) {
      problems.push(`l’image ${source} n’a pas de texte alternatif (ni alt, ni légende) : retirée du texte ; ajoutez-la avec <Figure … alt="…" />.`);
      return '';
    }
    const attributes = [`src=${jsx(kept.src)}`, `alt=${jsx(alt)}`, `width={${kept.width}}`, `height={${kept.height}}`, ...(caption ? [`caption=${jsx(caption)}`] : [])];
    return `\n\n<Figure ${attributes.join(' ')} />\n\n`;
  };

  turndown.addRule('embed', {
    filter: (node) => node.nodeName === 'FIGURE' && /\bwp-block-embed\b/.test(node.getAttribute('class') ?? ''),
    replacement: (_content, node) => {
      const element = node as Element;
      const wrapper = element.querySelector('.wp-block-embed__wrapper') ?? element;
      const url = /https?:\/\/\S+/.exec(textOf(wrapper))?.[0] ?? element.querySelector('a')?.getAttribute('href') ?? '';
      const caption = textOf(element.querySelector('figcaption'));
      if (!url) return caption ? `\n\n${mdxText(caption)}\n\n` : '';
      const provider = /\bis-provider-([a-z0-9-]+)/.exec(element.getAttribute('class') ?? '')?.[1];
      const name = provider ? (PROVIDERS[provider] ?? provider.replace(/-/g, ' ').replace(/^./, (letter) => letter.toUpperCase())) : '';
      const label = name ? `${name} : ${url}` : url;
      return `\n\n[${mdxText(label)}](${context.link(url)})${caption ? `\n_${mdxText(caption)}_` : ''}\n\n`;
    },
  });
  turndown.addRule('pullquote', {
    filter: (node) => node.nodeName === 'FIGURE' && /\bwp-block-pullquote\b/.test(node.getAttribute('class') ?? ''),
    replacement: (_content, node) => {
      const element = node as Element;
      const cite = textOf(element.querySelector('cite'));
      const quote = Array.from(element.querySelectorAll('p')).map(textOf).filter(Boolean).join(' ') || textOf(element);
      return `\n\n<PullQuote>${mdxText(quote)}${cite ? ` — ${mdxText(cite)}` : ''}</PullQuote>\n\n`;
    },
  });
  turndown.addRule('figure', {
    filter: (node) => node.nodeName === 'FIGURE' && Boolean(node.querySelector('img')),
    replacement: (_content, node) => {
      const element = node as Element;
      const caption = textOf(element.querySelector('figcaption'));
      const images = Array.from(element.querySelectorAll('img'));
      return images.map((img, index) => figureOf(img, index === images.length - 1 ? caption : '')).join('');
    },
  });
  turndown.addRule('image', { filter: 'img', replacement: (_content, node) => figureOf(node as Element, '') });
  // « Lier à : fichier média »: the image alone, not a link around a figure.
  turndown.addRule('linked-image', {
    filter: (node) => node.nodeName === 'A' && Boolean(node.querySelector('img')) && textOf(node) === '',
    replacement: (_content, node) => Array.from((node as Element).querySelectorAll('img')).map((img) => figureOf(img, '')).join(''),
  });
  turndown.addRule('iframe', {
    filter: 'iframe',
    replacement: (_content, node) => {
      const source = (node as Element).getAttribute('src') ?? '';
      if (!/^https?:\/\//.test(source)) return '';
      problems.push(`un cadre intégré (iframe) vers ${source} est devenu un lien.`);
      return `\n\n[${mdxText(source)}](${source})\n\n`;
    },
  });
  turndown.addRule('link', {
    filter: (node) => node.nodeName === 'A' && Boolean(node.getAttribute('href')) && !(node.querySelector('img') && textOf(node) === ''),
    replacement: (content, node) => {
      const href = (node as Element).getAttribute('href')?.trim() ?? '';
      if (!/^(https?:|mailto:|\/|#)/i.test(href) && !/^[\w./-]+$/.test(href)) return content;
      const target = context.link(href).replace(/[()]/g, (bracket) => encodeURIComponent(bracket)).replace(/ /g, '%20');
      return content.trim() ? `[${content}](${target})` : '';
    },
  });
  turndown.addRule('cite', { filter: 'cite', replacement: (content) => (content.trim() ? `— ${content.trim()}` : '') });
  return turndown;
}

/**
 * The body's headings moved so that its highest is a level 2 (the page's title is the level 1; a
 * post that starts at <h3> would skip a level, one with an <h1> would have two), their order kept.
 */
export function headingsFromTwo(markdown: string): string {
  let fenced = false;
  const lines = markdown.split('\n').map((line) => {
    if (/^(```|~~~)/.test(line)) fenced = !fenced;
    return { line, level: fenced ? 0 : (/^(#{1,6}) /.exec(line)?.[1]?.length ?? 0) };
  });
  const levels = lines.map((entry) => entry.level).filter((level) => level > 0);
  if (levels.length === 0) return markdown;
  const shift = 2 - Math.min(...levels);
  return lines.map(({ line, level }) => (level === 0 ? line : `${'#'.repeat(Math.min(6, level + shift))}${line.slice(level)}`)).join('\n');
}

/** A post's HTML (`gutenberg`: written in the block editor) as MDX, and what could not be kept. */
export function htmlToMdx(html: string, context: BodyContext): ConvertedBody {
  const problems: string[] = [];
  const gutenberg = /<!--\s*wp:/.test(html);
  const { html: expanded, unknown } = shortcodes(html.replace(/<!--[\s\S]*?-->/g, ''));
  for (const name of unknown) problems.push(`le code court [${name}] n’est pas converti : laissé tel quel dans le texte, à reprendre à la main.`);
  const markdown = headingsFromTwo(
    service(context, problems)
      .turndown(gutenberg ? expanded : autop(expanded))
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
  );
  // A figure's image is converted twice (turndown converts every child, used or not): reported once.
  return { markdown, problems: [...new Set(problems)] };
}

/** The first sentences of a text, about `length` characters, for a summary. */
export function firstSentences(text: string, length = 200): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= length) return clean;
  const sentences = clean.match(/[^.!?…]+[.!?…]+(\s|$)/g) ?? [];
  let summary = '';
  for (const sentence of sentences) {
    if (summary && summary.length + sentence.length > length) break;
    summary += sentence;
  }
  if (summary.trim()) return summary.trim();
  const cut = clean.slice(0, length);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).trim()}…`;
}
