import { compile } from 'html-to-text';
import { autop } from './html-to-mdx';

// A comment of WordPress or Disqus (HTML) as the plain text the magazine keeps of every comment.
// html-to-text's options compiled once: compiling them again for every comment cost more than the text.
const toCommentText = compile({
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true, linkBrackets: ['(', ')'] } },
    { selector: 'img', format: 'skip' },
    { selector: 'p', options: { leadingLineBreaks: 2, trailingLineBreaks: 2 } },
    { selector: 'blockquote', options: { leadingLineBreaks: 2, trailingLineBreaks: 2, trimEmptyLines: true } },
  ],
});

/** A comment's HTML as the plain text the magazine keeps: paragraphs, and links as their address. */
export function commentText(html: string): string {
  return toCommentText(autop(html))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
