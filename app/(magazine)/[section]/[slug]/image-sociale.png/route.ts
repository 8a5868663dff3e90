import { getPiece, prerenderedPieceParams } from '@/lib/content';
import { SECTION_INFO, sectionFromParam } from '@/lib/content/sections';
import { pngResponse, socialCardPng } from '@/lib/publishing/social-card';

type Context = { params: Promise<{ section: string; slug: string }> };

// Drawn at build for the pieces the build prerenders, on first request for older ones.
export async function generateStaticParams() {
  return prerenderedPieceParams();
}

/** The social card of a piece: its section, its title, the magazine's name. */
export async function GET(_request: Request, { params }: Context) {
  const { section: sectionParam, slug } = await params;
  const section = sectionFromParam(sectionParam);
  const found = section ? await getPiece(section, slug) : null;
  if (!section || !found) return new Response('Image introuvable.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return pngResponse(await socialCardPng(SECTION_INFO[section].title, found.piece.title));
}
