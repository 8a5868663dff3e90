import { mkdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { seeded } from './seeded';

// `npm run illustrations`: draws the magazine's own illustrations (covers of the founding
// interview and of two articles, the editorial team's emblem) as SVG, and has sharp rasterise
// them to JPEG in public/images/. Nothing is downloaded; the drawings are seeded, so running it
// again writes the same pictures. JPEG and not SVG: next/image serves rasters as AVIF/WebP at the
// width each screen needs, and leaves SVG as it is.

const OUT = path.resolve('public/images');
const PAPER = '#f6f1e7';
const INK = '#1f1c18';
const ACCENT = '#9d2b1f';
const OCHRE = '#c98b2b';
const TEAL = '#2f6f6a';


type Point = { x: number; y: number; r: number; color: string };

const line = (a: Point, b: Point, color = INK, width = 2, opacity = 0.35) =>
  `<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" stroke="${color}" stroke-width="${width}" stroke-opacity="${opacity}" stroke-linecap="round"/>`;
const dot = (p: Point) => `<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${p.r.toFixed(1)}" fill="${p.color}"/>`;

function canvas(width: number, height: number, body: string, background = PAPER): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<defs><radialGradient id="light" cx="50%" cy="45%" r="70%"><stop offset="0" stop-color="#ffffff" stop-opacity="0.55"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/></radialGradient></defs>
<rect width="100%" height="100%" fill="${background}"/><rect width="100%" height="100%" fill="url(#light)"/>${body}</svg>`;
}

/** « Place des Réseaux »: a square where circles of people meet and link up. */
function place(width: number, height: number): string {
  const random = seeded(2026);
  const centre = { x: width / 2, y: height / 2 };
  const rings = [150, 270, 390];
  const people: Point[] = rings.flatMap((radius, ring) => {
    const count = 8 + ring * 6;
    return Array.from({ length: count }, (_, i) => {
      const angle = (i / count) * Math.PI * 2 + ring * 0.4 + random() * 0.15;
      const color = [ACCENT, OCHRE, TEAL, INK][Math.floor(random() * 4)] ?? INK;
      return { x: centre.x + Math.cos(angle) * radius * 1.35, y: centre.y + Math.sin(angle) * radius * 0.78, r: 9 + random() * 12, color };
    });
  });
  const links = people.flatMap((a, i) =>
    people.slice(i + 1).filter((b) => Math.hypot(a.x - b.x, a.y - b.y) < 230 && random() < 0.45).map((b) => line(a, b)),
  );
  const plaza = `<ellipse cx="${centre.x}" cy="${centre.y}" rx="150" ry="86" fill="${ACCENT}" fill-opacity="0.12" stroke="${ACCENT}" stroke-width="3"/>`;
  const spokes = people.filter((_, i) => i % 3 === 0).map((p) => line({ ...centre, r: 0, color: ACCENT }, p, ACCENT, 3, 0.5));
  return canvas(width, height, [plaza, ...links, ...spokes, ...people.map(dot), dot({ ...centre, r: 28, color: ACCENT })].join(''));
}

/** « Animer un hub »: one place in the middle, every network feeding it and fed by it. */
function hub(width: number, height: number): string {
  const random = seeded(7);
  const centre: Point = { x: width * 0.5, y: height * 0.52, r: 64, color: TEAL };
  const clusters = Array.from({ length: 6 }, (_, i) => {
    const angle = (i / 6) * Math.PI * 2 - Math.PI / 2;
    const heart: Point = { x: centre.x + Math.cos(angle) * 520, y: centre.y + Math.sin(angle) * 300, r: 26, color: [ACCENT, OCHRE, INK][i % 3] ?? INK };
    const around: Point[] = Array.from({ length: 7 }, (_, j) => {
      const a = (j / 7) * Math.PI * 2 + random();
      return { x: heart.x + Math.cos(a) * (60 + random() * 50), y: heart.y + Math.sin(a) * (50 + random() * 40), r: 7 + random() * 7, color: heart.color };
    });
    return { heart, around };
  });
  const body = clusters.flatMap(({ heart, around }) => [
    line(centre, heart, TEAL, 10, 0.55),
    ...around.map((p) => line(heart, p, heart.color, 2, 0.5)),
    ...around.map(dot),
    dot(heart),
  ]);
  const halo = `<circle cx="${centre.x}" cy="${centre.y}" r="110" fill="${TEAL}" fill-opacity="0.15"/>`;
  return canvas(width, height, [halo, ...body, dot(centre), dot({ ...centre, r: 26, color: PAPER })].join(''));
}

/** « La stratégie des petits cailloux »: a path of pebbles crossing the page, one step at a time. */
function pebbles(width: number, height: number): string {
  const random = seeded(42);
  const stones = Array.from({ length: 26 }, (_, i) => {
    const t = i / 25;
    const x = 90 + t * (width - 180);
    const y = height * 0.62 - Math.sin(t * Math.PI * 1.6) * 190 + (random() - 0.5) * 40;
    const rx = 20 + random() * 18 + t * 12;
    const color = i === 25 ? ACCENT : [INK, OCHRE, TEAL][i % 3] ?? INK;
    return `<ellipse cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" rx="${rx.toFixed(1)}" ry="${(rx * 0.62).toFixed(1)}" transform="rotate(${(random() * 40 - 20).toFixed(1)} ${x.toFixed(1)} ${y.toFixed(1)})" fill="${color}" fill-opacity="${(0.55 + t * 0.45).toFixed(2)}"/>`;
  });
  const ground = `<path d="M0 ${height * 0.8} Q ${width / 2} ${height * 0.68} ${width} ${height * 0.82} L ${width} ${height} L 0 ${height} Z" fill="${OCHRE}" fill-opacity="0.18"/>`;
  const goal = `<circle cx="${width - 90}" cy="${height * 0.2}" r="70" fill="${ACCENT}" fill-opacity="0.14"/>`;
  return canvas(width, height, [ground, goal, ...stones].join(''));
}

/** The editorial team's emblem (its « portrait »): the magazine's square of linked circles. */
function emblem(size: number): string {
  const random = seeded(11);
  const centre: Point = { x: size / 2, y: size / 2, r: 40, color: PAPER };
  const ring: Point[] = Array.from({ length: 9 }, (_, i) => {
    const angle = (i / 9) * Math.PI * 2;
    return { x: centre.x + Math.cos(angle) * size * 0.3, y: centre.y + Math.sin(angle) * size * 0.3, r: 16 + random() * 10, color: [PAPER, OCHRE][i % 2] ?? PAPER };
  });
  const links = ring.flatMap((a, i) => [line(a, ring[(i + 1) % ring.length] ?? a, PAPER, 4, 0.6), line(a, centre, PAPER, 3, 0.45)]);
  return canvas(size, size, [...links, ...ring.map(dot), dot(centre)].join(''), ACCENT);
}

const drawings = [
  { file: 'couvertures/place-des-reseaux.jpg', svg: place(1600, 900) },
  { file: 'couvertures/animer-un-hub.jpg', svg: hub(1600, 900) },
  { file: 'couvertures/petits-cailloux.jpg', svg: pebbles(1600, 900) },
  { file: 'portraits/la-redaction.jpg', svg: emblem(640) },
];

for (const { file, svg } of drawings) {
  const target = path.join(OUT, file);
  mkdirSync(path.dirname(target), { recursive: true });
  const info = await sharp(Buffer.from(svg)).jpeg({ quality: 86, mozjpeg: true }).toFile(target);
  console.log(`${path.relative(process.cwd(), target)} : ${info.width} × ${info.height}, ${(info.size / 1024).toFixed(0)} Kio`);
}
