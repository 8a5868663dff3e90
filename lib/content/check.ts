import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { z } from 'zod';
import { pictureProblem, PUBLIC_DIR, type WrittenPicture } from './pictures';
import { archivePaths, parseRedirects, REDIRECTS_FILE } from './redirects';
import { slugify } from './slugify';

// `npm run content:check`: the frontmatter rules of contentlayer.config.ts and the internal
// links between pieces, checked straight from the files, in well under a second, without a build.

const picture = z.object({ src: z.string(), alt: z.string().optional(), credit: z.string().optional() }).strict();
const isoDay = z.union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/)]);
const piece = z
  .object({
    title: z.string().min(1),
    summary: z.string().min(1),
    date: isoDay,
    updated: isoDay.optional(),
    tags: z.array(z.string().min(1)).min(1),
    author: z.string().min(1),
    draft: z.boolean().optional(),
    cover: picture.optional(),
    comments: z.enum(['open', 'closed']).optional(),
    importedFrom: z.string().min(1).optional(),
  })
  .strict();
const interview = piece
  .extend({ interviewee: z.object({ name: z.string().min(1), role: z.string().min(1), organisation: z.string().min(1), portrait: picture.optional() }).strict() })
  .strict();
const author = z.object({ name: z.string().min(1), role: z.string().min(1), portrait: picture.optional() }).strict();

/** Every .mdx file under `dir` (none when it does not exist). */
export function mdxFiles(dir: string): string[] {
  try {
    return readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? mdxFiles(full) : name.endsWith('.mdx') ? [full] : [];
    });
  } catch {
    return [];
  }
}

/** Every problem of a content directory, one line each naming the file and the field or link. */
// The magazine's MDX components that render a block (a <figure>, an <aside>, a <p>…).
const BLOCK_COMPONENTS = ['PullQuote', 'Encadre', 'Figure', 'Credits'];

/**
 * Lines (1-based, in the body) where a block component follows a line of text with no blank
 * line between: MDX then makes it part of that paragraph, and the HTML nests a block in a <p>.
 */
export function blocksInsideParagraphs(body: string): Array<{ line: number; name: string }> {
  const lines = body.split('\n');
  const opening = new RegExp(`^\\s*<(${BLOCK_COMPONENTS.join('|')})\\b`);
  const found: Array<{ line: number; name: string }> = [];
  let inFence = false;
  lines.forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const name = inFence ? undefined : opening.exec(line)?.[1];
    if (!name) return;
    const previous = lines[index - 1];
    // After a line of text: not a blank line, a heading, or a line of another component or tag.
    if (previous !== undefined && previous.trim() !== '' && !/^\s*(#|<)/.test(previous)) found.push({ line: index + 1, name });
  });
  return found;
}

export function checkContent(contentDir: string, publicDir = PUBLIC_DIR): string[] {
  const problems: string[] = [];
  const files = mdxFiles(contentDir).map((file) => ({ file, relative: path.relative(contentDir, file).split(path.sep).join('/') }));
  const parsed = files.map(({ file, relative }) => {
    const source = readFileSync(file, 'utf8');
    const document = matter(source);
    return { relative, ...document, frontmatterLines: source.split('\n').length - document.content.split('\n').length };
  });
  const authors = new Set(parsed.filter((doc) => doc.relative.startsWith('authors/')).map((doc) => doc.relative.slice('authors/'.length, -'.mdx'.length)));
  const pieces = new Set(parsed.filter((doc) => /^(interviews|articles)\//.test(doc.relative)).map((doc) => `/${doc.relative.slice(0, -'.mdx'.length)}`));
  const tags = new Set<string>();
  for (const doc of parsed) {
    const [section] = doc.relative.split('/');
    const schema = section === 'interviews' ? interview : section === 'articles' ? piece : section === 'authors' ? author : null;
    if (!schema) {
      problems.push(`content/${doc.relative} : ce fichier n’est ni dans interviews/, ni dans articles/, ni dans authors/.`);
      continue;
    }
    const result = schema.safeParse(doc.data);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '');
        problems.push(`content/${doc.relative} : le champ « ${field} » ${issue.code === 'unrecognized_keys' ? 'n’est pas attendu' : 'manque ou est mal écrit'} (${issue.message}).`);
      }
      continue;
    }
    const withPictures: { cover?: WrittenPicture; portrait?: WrittenPicture; interviewee?: { portrait?: WrittenPicture } } = result.data;
    const pictures = { cover: withPictures.cover, portrait: withPictures.portrait, 'interviewee.portrait': withPictures.interviewee?.portrait };
    for (const [field, written] of Object.entries(pictures)) {
      const problem = written && pictureProblem(field, written, publicDir);
      if (problem) problems.push(`content/${doc.relative} : ${problem}`);
    }
    if ('author' in result.data && !authors.has(result.data.author)) {
      problems.push(`content/${doc.relative} : le champ « author » vaut « ${result.data.author} », mais aucun fichier content/authors/${result.data.author}.mdx n’existe.`);
    }
    if ('tags' in result.data) for (const tag of result.data.tags) tags.add(slugify(tag));
  }
  const known = (target: string) => {
    const clean = target.split(/[?#]/)[0]?.replace(/\/$/, '') || '/';
    if (pieces.has(clean) || ['/', '/interviews', '/articles', '/tags', '/auteurs', '/recherche'].includes(clean)) return true;
    if (clean.startsWith('/tags/')) return tags.has(clean.slice('/tags/'.length));
    if (clean.startsWith('/auteurs/')) return authors.has(clean.slice('/auteurs/'.length));
    return /^\/(images|fonts|tests)\//.test(clean);
  };
  for (const doc of parsed) {
    for (const { line, name } of blocksInsideParagraphs(doc.content)) {
      problems.push(`content/${doc.relative} : ligne ${line + doc.frontmatterLines}, <${name}> suit une ligne de texte sans ligne vide ; MDX le met alors dans ce paragraphe (un bloc dans un <p> : page mal formée, que React doit reconstruire dans le navigateur). Ajoutez une ligne vide avant <${name}>.`);
    }
    for (const match of doc.content.matchAll(/\]\((\/[^)\s]*)\)|href="(\/[^"]*)"/g)) {
      const target = match[1] ?? match[2] ?? '';
      if (!known(target)) problems.push(`content/${doc.relative} : le lien « ${target} » ne mène à aucun contenu publié du magazine.`);
    }
  }
  const redirects = path.join(contentDir, REDIRECTS_FILE);
  if (existsSync(redirects)) {
    const isPage = archivePaths({ pieces, tags, authors });
    problems.push(...parseRedirects(readFileSync(redirects, 'utf8'), { isTarget: isPage, isPage }, `content/${REDIRECTS_FILE}`).problems);
  }
  return problems;
}
