import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const attribute = (attributes: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(attributes)?.[1] ?? '';

/**
 * A piece's body as plain HTML, for feeds: the magazine's MDX components become their Markdown
 * equivalents (quote, boxed title, image, italics), and no raw HTML from the source goes through.
 */
export function pieceHtml(markdown: string): string {
  const plain = markdown
    .replace(/<PullQuote>([\s\S]*?)<\/PullQuote>/g, (_, text: string) => `\n\n> ${text.trim()}\n\n`)
    .replace(/<Encadre\s+title="([^"]*)"\s*>([\s\S]*?)<\/Encadre>/g, (_, title: string, body: string) => `\n\n**${title}**\n\n${body.trim()}\n\n`)
    .replace(/<Credits>([\s\S]*?)<\/Credits>/g, (_, text: string) => `\n\n*${text.trim()}*\n\n`)
    .replace(/<Figure\s([\s\S]*?)\/>/g, (_, attributes: string) => {
      const caption = attribute(attributes, 'caption');
      return `\n\n![${attribute(attributes, 'alt')}](${attribute(attributes, 'src')})${caption ? `\n\n*${caption}*` : ''}\n\n`;
    });
  return String(unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify).processSync(plain));
}
