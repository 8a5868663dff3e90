import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ImageResponse } from 'next/og';
import { getPiece } from '@/lib/content';
import { SECTION_INFO, sectionFromParam } from '@/lib/content/sections';

export const size = { width: 1200, height: 630 };
export const contentType = 'image/png';
export const alt = 'Place des Réseaux';

// The font is in the repository: nothing is fetched to draw the card.
const font = () => readFile(path.join(/* turbopackIgnore: true */ process.cwd(), 'lib/publishing/og/DejaVuSerif-Bold.ttf'));

/** The social card of a piece: its section, its title, the magazine's name. */
export default async function Image({ params }: { params: Promise<{ section: string; slug: string }> }) {
  const { section: sectionParam, slug } = await params;
  const section = sectionFromParam(sectionParam);
  const found = section ? await getPiece(section, slug) : null;
  const title = found?.piece.title ?? 'Place des Réseaux';
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: 72, background: '#fdfcf9', color: '#1c1b19', fontFamily: 'DejaVu Serif' }}>
        <div style={{ fontSize: 30, color: '#9d2b1f', textTransform: 'uppercase', letterSpacing: 4 }}>{section ? SECTION_INFO[section].title : 'Le webmagazine'}</div>
        <div style={{ fontSize: title.length > 90 ? 52 : 64, lineHeight: 1.15 }}>{title}</div>
        <div style={{ display: 'flex', alignItems: 'center', fontSize: 34, borderTop: '6px solid #9d2b1f', paddingTop: 24 }}>Place des Réseaux</div>
      </div>
    ),
    { ...size, fonts: [{ name: 'DejaVu Serif', data: await font(), weight: 700, style: 'normal' }] },
  );
}
