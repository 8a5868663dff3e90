/** A piece of a line of comment text: plain text, or a web link to make clickable. */
export type Segment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?»)\]}]+$/;

function splitLinks(line: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    let url = match[0];
    // Punctuation that ends a sentence is not part of the link; a closing bracket is, when it
    // closes one opened in the link (Wikipedia's « …_(homonymie) »).
    const trailing = TRAILING.exec(url)?.[0] ?? '';
    let keep = trailing;
    while (keep.startsWith(')') && (url.match(/\(/g)?.length ?? 0) > (url.slice(0, url.length - keep.length).match(/\)/g)?.length ?? 0)) {
      keep = keep.slice(1);
    }
    url = url.slice(0, url.length - keep.length);
    let href: string | null = null;
    try {
      const parsed = new URL(url);
      if (parsed.protocol === 'http:' || parsed.protocol === 'https:') href = parsed.href;
    } catch {
      href = null;
    }
    const start = match.index;
    if (start > last) segments.push({ kind: 'text', text: line.slice(last, start) });
    segments.push(href ? { kind: 'link', text: url, href } : { kind: 'text', text: url });
    last = start + url.length;
  }
  if (last < line.length) segments.push({ kind: 'text', text: line.slice(last) });
  return segments;
}

/** A comment's plain text as paragraphs of lines of segments: nothing in it is markup. */
export function commentParagraphs(text: string): Segment[][][] {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n[ \t]*\n+/)
    .map((paragraph) => paragraph.split('\n').map(splitLinks));
}
