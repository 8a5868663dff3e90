import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { cacheLife, cacheTag } from 'next/cache';
import { ImageResponse } from 'next/og';
import { CONTENT_TAG } from '@/lib/cache-tags';
import { CARD_SIZE } from '@/lib/publishing/page-metadata';

// The font is in the repository: nothing is fetched to draw the card.
const font = () => readFile(path.join(/* turbopackIgnore: true */ process.cwd(), 'lib/publishing/og/DejaVuSerif-Bold.ttf'));

/** A 1200 × 630 PNG: a kicker (the section), a title, the magazine's name; drawn once and cached. */
export async function socialCardPng(kicker: string, title: string): Promise<Uint8Array> {
  'use cache';
  cacheTag(CONTENT_TAG);
  cacheLife('max');
  const image = new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: 72, background: '#fdfcf9', color: '#1c1b19', fontFamily: 'DejaVu Serif' }}>
        <div style={{ fontSize: 30, color: '#9d2b1f', textTransform: 'uppercase', letterSpacing: 4 }}>{kicker}</div>
        <div style={{ fontSize: title.length > 90 ? 52 : 64, lineHeight: 1.15 }}>{title}</div>
        <div style={{ display: 'flex', alignItems: 'center', fontSize: 34, borderTop: '6px solid #9d2b1f', paddingTop: 24 }}>Place des Réseaux</div>
      </div>
    ),
    { ...CARD_SIZE, fonts: [{ name: 'DejaVu Serif', data: await font(), weight: 700, style: 'normal' }] },
  );
  return new Uint8Array(await image.arrayBuffer());
}

/** A card's answer: a PNG that browsers and crawlers may keep for a day. */
export function pngResponse(bytes: Uint8Array): Response {
  return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': 'image/png', 'cache-control': 'public, max-age=86400' } });
}
