import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Each case compiles a small content directory with the project's real contentlayer config,
// in a scratch copy of the project so the working tree's `.contentlayer` is left alone.
const root = path.resolve(import.meta.dirname, '../../..');
const scratchDirs: string[] = [];

const AUTHOR = '---\nname: La rédaction\nrole: Rédaction\n---\n\nBio.\n';
const GOOD_FRONTMATTER = [
  'title: "Un article"',
  'summary: "Un résumé."',
  'date: 2026-11-20',
  'tags: ["stratégie"]',
  'author: la-redaction',
];

/** `images`: files to write under the scratch project's public/ (covers and portraits). */
function compile(files: Record<string, string>, images: Record<string, Buffer> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdr-content-'));
  scratchDirs.push(dir);
  for (const [file, bytes] of Object.entries(images)) {
    mkdirSync(path.dirname(path.join(dir, 'public', file)), { recursive: true });
    writeFileSync(path.join(dir, 'public', file), bytes);
  }
  cpSync(path.join(root, 'contentlayer.config.ts'), path.join(dir, 'contentlayer.config.ts'));
  cpSync(path.join(root, 'lib'), path.join(dir, 'lib'), { recursive: true });
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  for (const [file, text] of Object.entries({ 'authors/la-redaction.mdx': AUTHOR, ...files })) {
    mkdirSync(path.dirname(path.join(dir, 'content', file)), { recursive: true });
    writeFileSync(path.join(dir, 'content', file), text);
  }
  return { ...runContentlayer(dir), dir };
}

function runContentlayer(dir: string) {
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules/contentlayer2/bin/cli.cjs'), 'build'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, PWD: dir, CONTENT_DIR: 'content' },
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

function article(lines: string[]): string {
  return `---\n${lines.join('\n')}\n---\n\nLe texte.\n`;
}

afterAll(() => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

describe('frontmatter checked at build time', () => {
  it('compiles a valid piece with its computed fields', () => {
    const { status, output, dir } = compile({ 'articles/bon.mdx': article(GOOD_FRONTMATTER) });
    expect(status, output).toBe(0);
    const doc = JSON.parse(readFileSync(path.join(dir, '.contentlayer/generated/Article/articles__bon.mdx.json'), 'utf8'));
    expect(doc).toMatchObject({ key: 'articles/bon', url: '/articles/bon', tagSlugs: ['strategie'], draft: false, readingTime: 1 });
    expect(doc.structuredData).toMatchObject({ '@type': 'Article', headline: 'Un article', inLanguage: 'fr-FR' });
  });

  it('fails on a missing field, naming the file and the field', () => {
    const { status, output } = compile({
      'articles/sans-titre.mdx': article(GOOD_FRONTMATTER.filter((line) => !line.startsWith('title'))),
    });
    expect(status).not.toBe(0);
    expect(output).toContain('articles/sans-titre.mdx');
    expect(output).toMatch(/missing the following required fields:\s+• title/);
  });

  it('fails on a malformed date, naming the file and the field', () => {
    const lines = GOOD_FRONTMATTER.map((line) => (line.startsWith('date') ? 'date: "le 20 novembre"' : line));
    const { status, output } = compile({ 'articles/mauvaise-date.mdx': article(lines) });
    expect(status).not.toBe(0);
    expect(output).toContain('articles/mauvaise-date.mdx');
    expect(output).toContain('« date » vaut « le 20 novembre »');
  });

  it('fails on an interview without its interviewee', () => {
    const { status, output } = compile({ 'interviews/sans-invite.mdx': article(GOOD_FRONTMATTER) });
    expect(status).not.toBe(0);
    expect(output).toContain('interviews/sans-invite.mdx');
    expect(output).toContain('interviewee');
  });

  it('fails on an author that has no file, naming the file and the field', () => {
    const lines = GOOD_FRONTMATTER.map((line) => (line.startsWith('author') ? 'author: personne' : line));
    const { status, output } = compile({ 'articles/auteur-inconnu.mdx': article(lines) });
    expect(status).not.toBe(0);
    expect(output).toContain('content/articles/auteur-inconnu.mdx : le champ « author » vaut « personne »');
  });

  it('writes the slim manifest and removes the documents of deleted files', () => {
    const first = compile({ 'articles/bon.mdx': article(GOOD_FRONTMATTER), 'articles/supprime.mdx': article(GOOD_FRONTMATTER) });
    expect(first.status, first.output).toBe(0);
    rmSync(path.join(first.dir, 'content/articles/supprime.mdx'));
    const rerun = runContentlayer(first.dir);
    expect(rerun.status, rerun.output).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(first.dir, '.contentlayer/manifest.json'), 'utf8'));
    expect(manifest.pieces.map((piece: { key: string }) => piece.key)).toEqual(['articles/bon']);
    expect(manifest.pieces[0]).not.toHaveProperty('body');
    expect(existsSync(path.join(first.dir, '.contentlayer/generated/Article/articles__supprime.mdx.json'))).toBe(false);
  });

  it('fails on a field the schema does not know (a typo), naming it', () => {
    const { status, output } = compile({ 'articles/coquille.mdx': article([...GOOD_FRONTMATTER, 'tittle: "Coquille"']) });
    expect(status).not.toBe(0);
    expect(output).toContain('articles/coquille.mdx');
    expect(output).toContain('tittle');
  });
});

describe('covers and portraits checked at build time', () => {
  let jpeg: Buffer;
  beforeAll(async () => {
    jpeg = await sharp({ create: { width: 800, height: 450, channels: 3, background: '#9d2b1f' } }).jpeg().toBuffer();
  });
  const cover = (lines: string[]) => article([...GOOD_FRONTMATTER, 'cover:', ...lines.map((line) => `  ${line}`)]);

  it('measures a cover and a portrait, and puts them in the manifest', () => {
    const portraitAuthor = '---\nname: La rédaction\nrole: Rédaction\nportrait:\n  src: /images/portraits/redaction.jpg\n  alt: "L’emblème"\n---\n\nBio.\n';
    const interview = [
      '---', ...GOOD_FRONTMATTER, 'interviewee:', '  name: Valérie March', '  role: Cofondatrice', '  organisation: Place des Réseaux',
      '  portrait:', '    src: /images/portraits/valerie.jpg', '    alt: "Valérie March, souriante"', '---', '', 'Le texte.', '',
    ].join('\n');
    const { status, output, dir } = compile(
      {
        'authors/la-redaction.mdx': portraitAuthor,
        'articles/illustre.mdx': cover(['src: /images/couvertures/illustre.jpg', 'alt: "Un dégradé rouge"', 'credit: "Illustration : la rédaction"']),
        'interviews/portrait.mdx': interview,
      },
      { 'images/couvertures/illustre.jpg': jpeg, 'images/portraits/redaction.jpg': jpeg, 'images/portraits/valerie.jpg': jpeg },
    );
    expect(status, output).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(dir, '.contentlayer/manifest.json'), 'utf8'));
    const pieces = Object.fromEntries(manifest.pieces.map((piece: { key: string }) => [piece.key, piece]));
    expect(pieces['articles/illustre'].cover).toEqual({ src: '/images/couvertures/illustre.jpg', alt: 'Un dégradé rouge', credit: 'Illustration : la rédaction', width: 800, height: 450 });
    expect(pieces['interviews/portrait'].interviewee.portrait).toEqual({ src: '/images/portraits/valerie.jpg', alt: 'Valérie March, souriante', width: 800, height: 450 });
    expect(manifest.authors[0].portrait).toMatchObject({ src: '/images/portraits/redaction.jpg', width: 800, height: 450 });
  });

  it('fails on a cover without its alt, naming the file and the field', () => {
    const { status, output } = compile({ 'articles/sans-alt.mdx': cover(['src: /images/couvertures/illustre.jpg']) }, { 'images/couvertures/illustre.jpg': jpeg });
    expect(status).not.toBe(0);
    expect(output).toContain('articles/sans-alt.mdx');
    expect(output).toContain('le champ « cover.alt » manque');
  });

  it('fails on an empty alt too', () => {
    const { status, output } = compile({ 'articles/alt-vide.mdx': cover(['src: /images/couvertures/illustre.jpg', 'alt: " "']) }, { 'images/couvertures/illustre.jpg': jpeg });
    expect(status).not.toBe(0);
    expect(output).toContain('articles/alt-vide.mdx');
    expect(output).toContain('le champ « cover.alt » manque');
  });

  it('fails on a missing file, naming the file, the field and the path', () => {
    const { status, output } = compile({ 'articles/sans-fichier.mdx': cover(['src: /images/couvertures/absente.jpg', 'alt: "Une image"']) });
    expect(status).not.toBe(0);
    expect(output).toContain('articles/sans-fichier.mdx');
    expect(output).toContain('le champ « cover.src » vaut « /images/couvertures/absente.jpg », mais le fichier public/images/couvertures/absente.jpg n’existe pas');
  });

  it('fails on a portrait of an author without its alt, and on an SVG or a file that is no image', () => {
    const noAlt = compile({ 'authors/la-redaction.mdx': '---\nname: La rédaction\nrole: Rédaction\nportrait:\n  src: /images/r.jpg\n---\n\nBio.\n' }, { 'images/r.jpg': jpeg });
    expect(noAlt.status).not.toBe(0);
    expect(noAlt.output).toContain('authors/la-redaction.mdx');
    expect(noAlt.output).toContain('le champ « portrait.alt » manque');
    const svg = compile({ 'articles/svg.mdx': cover(['src: /images/logo.svg', 'alt: "Un logo"']) }, { 'images/logo.svg': Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
    expect(svg.status).not.toBe(0);
    expect(svg.output).toContain('une image SVG n’est pas optimisée par next/image');
    const text = compile({ 'articles/texte.mdx': cover(['src: /images/faux.jpg', 'alt: "Pas une image"']) }, { 'images/faux.jpg': Buffer.from('bonjour') });
    expect(text.status).not.toBe(0);
    expect(text.output).toContain('ce fichier n’est pas une image JPEG, PNG, WebP ou AVIF lisible');
  });
});
