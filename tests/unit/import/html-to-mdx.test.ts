import { evaluate } from '@mdx-js/mdx';
import { createElement, type ReactNode } from 'react';
import * as runtime from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autop, firstSentences, headingsFromTwo, htmlToMdx, shortcodes, type BodyContext } from '@/lib/import/html-to-mdx';
import { commentText } from '@/lib/import/comment-text';
import { isoDate } from '@/lib/import/wordpress-import';

// WordPress bodies to the magazine's MDX, compiled and rendered by MDX itself (the version
// contentlayer2 compiles pieces with), with the magazine's components as plain stand-ins.
const components = {
  Figure: (props: { src: string; alt: string; caption?: string; width: number; height: number }) =>
    createElement('figure', null, createElement('img', { src: props.src, alt: props.alt, width: props.width, height: props.height }), props.caption ? createElement('figcaption', null, props.caption) : null),
  PullQuote: ({ children }: { children: ReactNode }) => createElement('aside', null, children),
};

async function rendered(mdx: string): Promise<string> {
  const { default: Content } = await evaluate(mdx, { ...runtime, baseUrl: import.meta.url });
  return renderToStaticMarkup(createElement(Content, { components }));
}

const context = (images: Record<string, { src: string; width: number; height: number }> = {}): BodyContext => ({
  image: (source) => images[source] ?? null,
  attachmentAlt: (id) => (id === '456' ? 'Deux mains' : ''),
  link: (href) => href.replace('https://ancien.example/2010/05/12/autre/', '/articles/autre'),
});

describe('a WordPress body as MDX', () => {
  it('keeps what MDX would read as code as text: braces, angle brackets, tags in the text, a script block', async () => {
    const html = '<p>Une règle : {un message} par jour &lt; dix &amp; <code>{code}</code>.</p><p>&lt;script&gt;alert(1)&lt;/script&gt; et {alert(2)}</p><script>alert(3)</script><p>Fin.</p>';
    const { markdown } = htmlToMdx(`<!-- wp:paragraph -->${html}`, context());
    const page = await rendered(markdown);
    expect(page).toContain('Une règle : {un message} par jour &lt; dix &amp; <code>{code}</code>.');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; et {alert(2)}');
    expect(page).not.toContain('<script');
    expect(page).not.toContain('alert(3)');
  });

  it('turns Gutenberg blocks into headings, lists, figures with their size, quotes, pull quotes and links', async () => {
    const html = [
      '<!-- wp:heading --><h2 class="wp-block-heading">Trois gestes</h2><!-- /wp:heading -->',
      '<!-- wp:list --><ul><li>Un</li><li>Deux</li></ul><!-- /wp:list -->',
      '<!-- wp:image {"id":456} --><figure class="wp-block-image"><a href="https://ancien.example/wp-content/uploads/x.jpg"><img src="https://ancien.example/wp-content/uploads/x-1024x683.jpg" alt="" class="wp-image-456"/></a><figcaption>Au café</figcaption></figure><!-- /wp:image -->',
      '<!-- wp:quote --><blockquote class="wp-block-quote"><p>Être utile.</p><cite>Valérie March</cite></blockquote><!-- /wp:quote -->',
      '<!-- wp:pullquote --><figure class="wp-block-pullquote"><blockquote><p>Des petits cailloux.</p><cite>Le Carnet</cite></blockquote></figure><!-- /wp:pullquote -->',
      '<!-- wp:embed {"url":"https://www.youtube.com/watch?v=abc"} --><figure class="wp-block-embed is-provider-youtube"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=abc\n</div></figure><!-- /wp:embed -->',
      '<!-- wp:paragraph --><p>Voir <a href="https://ancien.example/2010/05/12/autre/">l’autre billet</a>.</p><!-- /wp:paragraph -->',
    ].join('\n\n');
    const { markdown, problems } = htmlToMdx(html, context({ 'https://ancien.example/wp-content/uploads/x-1024x683.jpg': { src: '/images/importees/x.jpg', width: 1200, height: 800 } }));
    expect(problems).toEqual([]);
    const page = await rendered(markdown);
    expect(page).toContain('<h2>Trois gestes</h2>');
    expect(page).toContain('<li>Un</li>');
    expect(page).toContain('<figure><img src="/images/importees/x.jpg" alt="Deux mains" width="1200" height="800"/><figcaption>Au café</figcaption></figure>');
    expect(page).toMatch(/<blockquote>\s*<p>Être utile.<\/p>\s*<p>— Valérie March<\/p>\s*<\/blockquote>/);
    expect(page).toContain('<aside>Des petits cailloux. — Le Carnet</aside>');
    expect(page).toContain('<a href="https://www.youtube.com/watch?v=abc">YouTube : https://www.youtube.com/watch?v=abc</a>');
    expect(page).toContain('<a href="/articles/autre">l’autre billet</a>');
  });

  it('makes the classic editor’s paragraphs and [caption], leaves unknown shortcodes visible and reports them, and never keeps an image without its file or its alt', async () => {
    const html = 'Première ligne\nseconde ligne.\n\n[caption id="attachment_9" width="300"]<img src="https://ancien.example/wp-content/uploads/y.jpg" alt="Un stand" /> Le salon[/caption]\n\n[gallery ids="1,2"] et [sic].\n\n<img src="https://ancien.example/wp-content/uploads/absente.jpg" alt="Absente" />\n\n<img src="https://ancien.example/wp-content/uploads/z.jpg" alt="" />';
    const { markdown, problems } = htmlToMdx(html, context({ 'https://ancien.example/wp-content/uploads/y.jpg': { src: '/images/importees/y.jpg', width: 300, height: 200 }, 'https://ancien.example/wp-content/uploads/z.jpg': { src: '/images/importees/z.jpg', width: 10, height: 10 } }));
    const page = await rendered(markdown);
    expect(page).toContain('<p>Première ligne<br/>\nseconde ligne.</p>');
    expect(page).toContain('<figure><img src="/images/importees/y.jpg" alt="Un stand" width="300" height="200"/><figcaption>Le salon</figcaption></figure>');
    expect(page).toContain('[gallery ids=&quot;1,2&quot;] et [sic].');
    expect(page).not.toContain('absente.jpg');
    expect(page).not.toContain('z.jpg');
    expect(problems).toEqual([
      'le code court [gallery] n’est pas converti : laissé tel quel dans le texte, à reprendre à la main.',
      'l’image https://ancien.example/wp-content/uploads/absente.jpg n’a pas été trouvée dans le dossier des fichiers envoyés (--uploads) : retirée du texte.',
      'l’image https://ancien.example/wp-content/uploads/z.jpg n’a pas de texte alternatif (ni alt, ni légende) : retirée du texte ; ajoutez-la avec <Figure … alt="…" />.',
    ]);
  });

  it('compiles any text of a paragraph to that very text: nothing in it is read as MDX or Markdown syntax', async () => {
    const character = fc.constantFrom(...'abc é{}<>`*_[]()\\&#!-+=.:|~$/"\''.split(''), ' ');
    const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    await fc.assert(
      fc.asyncProperty(fc.array(character, { minLength: 1, maxLength: 40 }).map((characters) => characters.join('')).filter((text) => text.trim() !== ''), async (text) => {
        const { markdown } = htmlToMdx(`<!-- wp:paragraph --><p>${escape(text)}</p>`, context());
        const page = await rendered(markdown);
        const shown = page.replace(/^<p>|<\/p>$/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
        expect(shown).toBe(text.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 500 },
    );
  });

  it('reads text in brackets as text, a shortcode only by its name, attributes or closing tag', () => {
    expect(shortcodes('[sic] [1] [à vérifier]').unknown).toEqual([]);
    expect(shortcodes('[toc] [custom_box color="red"]x[/custom_box] [video src="a.mp4"]').unknown).toEqual(['toc', 'custom_box', 'video']);
    expect(autop('<h2>Titre</h2>\n\nTexte')).toBe('<h2>Titre</h2>\n\n<p>Texte</p>');
    // The page's title is the only level 1: a body's highest heading becomes a level 2.
    expect(headingsFromTwo('### Un\n\nTexte\n\n#### Deux\n\n```\n# pas un titre\n```')).toBe('## Un\n\nTexte\n\n### Deux\n\n```\n# pas un titre\n```');
    expect(headingsFromTwo('# Un\n\n## Deux')).toBe('## Un\n\n### Deux');
  });
});

describe('the rest of a post', () => {
  it('gives a summary of the first sentences, dates with the site’s offset, and comments as plain text', () => {
    expect(firstSentences('Une phrase. Une autre phrase. '.repeat(20), 60)).toBe('Une phrase. Une autre phrase. Une phrase. Une autre phrase.');
    expect(isoDate('2010-05-12 10:00:00', '2010-05-12 08:00:00')).toBe('2010-05-12T10:00:00+02:00');
    expect(isoDate('2011-01-12 10:00:00', '2011-01-12 09:00:00')).toBe('2011-01-12T10:00:00+01:00');
    expect(isoDate('2012-01-01 10:00:00', '')).toBe('2012-01-01');
    expect(commentText('Merci !\n\nEt <strong>bravo</strong> &amp; <a href="https://exemple.fr/a">ce lien</a>, <a href="https://exemple.fr/b">https://exemple.fr/b</a>.<script>x</script>')).toBe(
      'Merci !\n\nEt bravo & ce lien (https://exemple.fr/a), https://exemple.fr/b.',
    );
  });
});
