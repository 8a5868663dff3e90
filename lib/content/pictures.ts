import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Picture } from './types';

// Covers of pieces and portraits of authors and interviewees, as the frontmatter names them:
// `cover: { src, alt, credit? }`, `portrait: { src, alt }` (a portrait's credit is kept but not
// shown). The files live under
// `public/` (by convention `public/images/couvertures/` and `public/images/portraits/`), so `src`
// is the address the site serves them at. The build reads each file's format and size, so pages
// reserve its room before it loads (nothing shifts) and next/image can serve it as AVIF/WebP.

/** The folder `src` is read from, relative to the project. */
export const PUBLIC_DIR = 'public';

/** The raster formats next/image optimises (it serves an SVG as it is, so SVG is refused). */
const FORMATS = new Set(['jpeg', 'png', 'webp', 'avif']);

export type WrittenPicture = { src?: string; alt?: string; credit?: string };

/**
 * What is wrong with a picture of the frontmatter (`field` is « cover » or « portrait »), in
 * French, naming the field: a missing or empty alt, a path outside public/, a missing file. Null
 * when none of those is. Shared by the build and `npm run content:check`.
 */
export function pictureProblem(field: string, picture: WrittenPicture, publicDir = PUBLIC_DIR): string | null {
  const src = picture.src?.trim() ?? '';
  if (src === '') return `le champ « ${field}.src » manque : indiquez le chemin de l’image sous public/, par exemple /images/couvertures/mon-article.jpg.`;
  if (!picture.alt?.trim()) {
    return `le champ « ${field}.alt » manque : décrivez ce que montre l’image « ${src} » (c’est ce que lit un lecteur qui ne la voit pas).`;
  }
  const file = path.join(publicDir, src);
  if (!src.startsWith('/') || src.includes('..') || /[?#]/.test(src)) {
    return `le champ « ${field}.src » vaut « ${src} » : écrivez un chemin sous public/ commençant par /, par exemple /images/couvertures/mon-article.jpg.`;
  }
  if (!existsSync(file) || !statSync(file).isFile()) {
    return `le champ « ${field}.src » vaut « ${src} », mais le fichier ${file} n’existe pas.`;
  }
  if (/\.svg$/i.test(src)) return `le champ « ${field}.src » vaut « ${src} » : une image SVG n’est pas optimisée par next/image ; donnez un JPEG, un PNG, un WebP ou un AVIF.`;
  return null;
}

/**
 * The picture with its format checked and its size read from the file, or null when the
 * frontmatter gives none. Throws the problem in French, naming the field, otherwise.
 */
export async function checkedPicture(field: string, picture: WrittenPicture | undefined, publicDir = PUBLIC_DIR): Promise<Picture | null> {
  if (!picture) return null;
  const problem = pictureProblem(field, picture, publicDir);
  if (problem) throw new Error(problem);
  const src = (picture.src ?? '').trim();
  const metadata = await sharp(path.join(publicDir, src)).metadata().catch(() => null);
  if (!metadata?.format || !FORMATS.has(metadata.format)) {
    throw new Error(`le champ « ${field}.src » vaut « ${src} » : ce fichier n’est pas une image JPEG, PNG, WebP ou AVIF lisible.`);
  }
  // The size as displayed: a photo turned by its EXIF orientation has its sides swapped.
  const { width, height } = metadata.autoOrient;
  return { src, alt: (picture.alt ?? '').trim(), ...(picture.credit?.trim() && { credit: picture.credit.trim() }), width, height };
}
