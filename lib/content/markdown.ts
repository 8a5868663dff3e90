import GithubSlugger from 'github-slugger';

/** A heading of a piece, as listed in its table of contents. */
export type TocEntry = { depth: 2 | 3; text: string; id: string };

const WORDS_PER_MINUTE = 220;

function withoutCodeFences(markdown: string): string[] {
  const lines: string[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (!inFence) lines.push(line);
  }
  return lines;
}

/** The visible text of inline Markdown: links, emphasis and code marks removed. */
export function plainInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .trim();
}

/** The `##` and `###` headings of a Markdown body, with the ids rehype-slug gives them. */
export function tableOfContents(markdown: string): TocEntry[] {
  const slugger = new GithubSlugger();
  const entries: TocEntry[] = [];
  for (const line of withoutCodeFences(markdown)) {
    const match = /^(#{2,3})\s+(.+?)\s*#*\s*$/.exec(line);
    if (!match?.[1] || !match[2]) continue;
    const text = plainInline(match[2]);
    entries.push({ depth: match[1].length === 2 ? 2 : 3, text, id: slugger.slug(text) });
  }
  return entries;
}

/** The number of words a reader reads: Markdown and MDX tags left out. */
export function countWords(markdown: string): number {
  const text = withoutCodeFences(markdown)
    .join('\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[#>*_`|[\]()]/g, ' ');
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Reading time in whole minutes, at least one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
