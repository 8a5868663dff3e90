import 'server-only';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { documentFile, MANIFEST_FILE, TYPE_OF_SECTION, summaryOf, type GeneratedPiece, type Manifest } from './manifest';
import type { Redirects } from './redirects';
import type { AuthorProfile, Piece, PieceSummary } from './types';

// Pages read the slim manifest and the one document they show, never `contentlayer/generated`
// (importing it puts every document, bodies included, into the server bundles).
// (The comment keeps Turbopack from tracing the whole project into the build for these reads.)
function fromRoot(file: string): string {
  return path.join(/* turbopackIgnore: true */ process.cwd(), file);
}

let cached: { version: string; manifest: Manifest } | undefined;

// A production server's content changes only with a new build (and a restart): its version is
// read once there (a stat on every call was 3.5 % of a page's CPU, `npm run bench:profile`); under
// `npm run dev`, on every call, as `contentlayer2 dev` compiles each edit.
const READ_ONCE = process.env.NODE_ENV === 'production';
let knownVersion: string | undefined;

/** Changes whenever contentlayer compiles the content again (`contentlayer2 dev` does on every edit). */
export function contentVersion(): string {
  if (knownVersion === undefined || !READ_ONCE) knownVersion = String(statSync(fromRoot(MANIFEST_FILE)).mtimeMs);
  return knownVersion;
}

function manifest(): Manifest {
  const version = contentVersion();
  if (cached?.version !== version) {
    cached = { version, manifest: JSON.parse(readFileSync(fromRoot(MANIFEST_FILE), 'utf8')) as Manifest };
  }
  return cached.manifest;
}

/** Every piece of the archive, drafts and future ones included, without bodies. */
export function allPieceSummaries(): PieceSummary[] {
  return manifest().pieces;
}

/** Every author profile. */
export function allAuthors(): AuthorProfile[] {
  return manifest().authors;
}

/** The account address an author gave in their file (lowercase), or null. */
export function authorEmail(slug: string): string | null {
  return manifest().authorEmails?.[slug] ?? null;
}

/** The content's old addresses and where they go (lib/content/redirects.ts). */
export function contentRedirects(): Redirects {
  return manifest().redirects ?? NO_REDIRECTS;
}

const NO_REDIRECTS: Redirects = {};

/** The full piece behind a summary, read from its own file. */
export function readPiece(summary: PieceSummary): Piece {
  const file = fromRoot(documentFile(TYPE_OF_SECTION[summary.section], summary.sourceFile));
  const doc = JSON.parse(readFileSync(file, 'utf8')) as GeneratedPiece;
  return { ...summaryOf(doc), preview: summary.preview, ...(summary.digest && { digest: summary.digest }), bodyCode: doc.body.code, bodyRaw: doc.body.raw, toc: doc.toc, structuredData: doc.structuredData };
}
