import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PieceHeader } from '@/components/article/piece-header';
import type { Piece } from '@/lib/content';

// The interviewee's portrait beside their name in the header of an interview: an <img> through
// next/image, its alt from the frontmatter, square and at its two densities; none without one.
const interview = {
  key: 'interviews/x', section: 'interviews', slug: 'x', url: '/interviews/x', sourceFile: 'interviews/x.mdx',
  title: 'Un entretien', summary: 'Un résumé.', date: '2026-11-20', tags: ['stratégie'], tagSlugs: ['strategie'],
  author: 'la-redaction', draft: false, readingTime: 3, bodyCode: '', bodyRaw: '', toc: [], structuredData: {},
  interviewee: {
    name: 'Valérie March', role: 'Cofondatrice', organisation: 'Place des Réseaux',
    portrait: { src: '/images/portraits/valerie.jpg', alt: 'Valérie March, souriante', width: 800, height: 1000 },
  },
} satisfies Piece;

describe('the interviewee portrait', () => {
  it('is shown beside the name, with its alt, 56 px square, 1x and 2x', () => {
    const html = renderToStaticMarkup(<PieceHeader piece={interview} author={null} />);
    const img = /<img [^>]*>/.exec(html)?.[0] ?? '';
    expect(img).toContain('alt="Valérie March, souriante"');
    expect(img).toContain('width="56"');
    expect(img).toContain('height="56"');
    expect(img).toMatch(/srcSet="\/_next\/image\?url=%2Fimages%2Fportraits%2Fvalerie\.jpg&amp;w=\d+&amp;q=75 1x, \/_next\/image\?url=%2Fimages%2Fportraits%2Fvalerie\.jpg&amp;w=\d+&amp;q=75 2x"/);
    expect(html.indexOf('<img')).toBeLessThan(html.indexOf('Entretien avec'));
  });

  it('leaves no empty place when there is none', () => {
    const { name, role, organisation } = interview.interviewee;
    const html = renderToStaticMarkup(<PieceHeader piece={{ ...interview, interviewee: { name, role, organisation } }} author={null} />);
    expect(html).not.toContain('<img');
    expect(html).toContain('Entretien avec <strong>Valérie March</strong>');
  });
});
