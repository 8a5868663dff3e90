import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { blocksInsideParagraphs, checkContent } from '@/lib/content/check';
import { pieceHtml } from '@/lib/content/html';

describe('the body of a piece as HTML, for feeds', () => {
  it('turns the magazine’s components into plain HTML and lets no raw HTML through', () => {
    const html = pieceHtml('Un **texte**.\n\n<PullQuote>Une citation.</PullQuote>\n\n<Encadre title="À retenir">\n\n- un point\n\n</Encadre>\n\n<script>alert(1)</script>');
    expect(html).toContain('<strong>texte</strong>');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<strong>À retenir</strong>');
    expect(html).toContain('<li>un point</li>');
    expect(html).not.toContain('<script');
  });
});

describe('npm run content:check', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function contentDir(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'pdr-check-'));
    dirs.push(dir);
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    return dir;
  }
  const author = '---\nname: La rédaction\nrole: Rédaction\n---\nBio.\n';
  const article = (extra: string, body = 'Texte.') => `---\ntitle: "T"\nsummary: "S"\ndate: 2026-11-20\ntags: ["stratégie"]\nauthor: la-redaction\n${extra}---\n\n${body}\n`;

  it('passes the magazine’s own content', () => {
    expect(checkContent(path.resolve(import.meta.dirname, '../../../content'))).toEqual([]);
  });

  it('names the file and the field of a frontmatter error, and a link to a piece that does not exist', () => {
    const dir = contentDir({
      'authors/la-redaction.mdx': author,
      'articles/bon.mdx': article('', 'Voir [l’autre](/articles/autre) et [le thème](/tags/strategie).'),
      'articles/autre.mdx': article('', 'Voir [rien](/articles/n-existe-pas).'),
      'articles/sans-auteur.mdx': article('').replace('author: la-redaction', 'author: personne'),
      'articles/coquille.mdx': article('tittle: "x"\n'),
      'interviews/sans-invite.mdx': article(''),
    });
    const problems = checkContent(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/content\/articles\/autre\.mdx : le lien « \/articles\/n-existe-pas »/),
        expect.stringMatching(/content\/articles\/sans-auteur\.mdx : le champ « author » vaut « personne »/),
        expect.stringMatching(/content\/articles\/coquille\.mdx : le champ « tittle » n’est pas attendu/),
        expect.stringMatching(/content\/interviews\/sans-invite\.mdx : le champ « interviewee »/),
      ]),
    );
    expect(problems.filter((problem) => problem.includes('bon.mdx'))).toEqual([]);
  });

  it('names a cover without alt, a cover whose file is missing and an author portrait without alt', () => {
    const dir = contentDir({
      'authors/la-redaction.mdx': author,
      'authors/sans-alt.mdx': '---\nname: Sans alt\nrole: Auteur\nportrait:\n  src: /images/portrait.jpg\n---\nBio.\n',
      'articles/couverture-sans-alt.mdx': article('cover:\n  src: /images/couverture.jpg\n'),
      'articles/couverture-absente.mdx': article('cover:\n  src: /images/absente.jpg\n  alt: "Une image"\n'),
      'articles/couverture-bonne.mdx': article('cover:\n  src: /images/couverture.jpg\n  alt: "Une image"\n  credit: "Photo : X"\n'),
    });
    const publicDir = contentDir({ 'images/couverture.jpg': 'jpeg', 'images/portrait.jpg': 'jpeg' });
    expect(checkContent(dir, publicDir).sort()).toEqual([
      expect.stringMatching(/^content\/articles\/couverture-absente\.mdx : le champ « cover\.src » vaut « \/images\/absente\.jpg », mais le fichier .*images\/absente\.jpg n’existe pas\.$/),
      expect.stringMatching(/^content\/articles\/couverture-sans-alt\.mdx : le champ « cover\.alt » manque/),
      expect.stringMatching(/^content\/authors\/sans-alt\.mdx : le champ « portrait\.alt » manque/),
    ]);
  });

  it('finds a component written on the line after a paragraph, which MDX would put inside it', () => {
    const body = ['Un paragraphe.', '<Credits>Propos recueillis</Credits>', '', 'Un autre.', '', '<PullQuote>Bien.</PullQuote>', '## Titre', '<Encadre title="x">', '', '```', 'texte', '<Figure />', '```'].join('\n');
    expect(blocksInsideParagraphs(body)).toEqual([{ line: 2, name: 'Credits' }]);
  });

  it('names the file and the line in content:check', () => {
    const dir = contentDir({
      'authors/la-redaction.mdx': author,
      'articles/colle.mdx': article('', 'Dernier paragraphe.\n<Credits>Propos recueillis par la rédaction</Credits>'),
    });
    expect(checkContent(dir)).toEqual([expect.stringMatching(/^content\/articles\/colle\.mdx : ligne \d+, <Credits> suit une ligne de texte sans ligne vide/)]);
  });
});

describe('npm run new', () => {
  it('writes a draft dated today, its slug without accents, that content:check accepts', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pdr-new-'));
    mkdirSync(path.join(dir, 'authors'));
    writeFileSync(path.join(dir, 'authors/la-redaction.mdx'), '---\nname: La rédaction\nrole: Rédaction\n---\nBio.\n');
    mkdirSync(path.join(dir, 'interviews'));
    const root = path.resolve(import.meta.dirname, '../../..');
    const run = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/new-piece.ts', 'interview', 'Élodie Dupré : réseaux & café'], {
      cwd: root,
      env: { ...process.env, CONTENT_DIR: dir },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const file = readFileSync(path.join(dir, 'interviews/elodie-dupre-reseaux-cafe.mdx'), 'utf8');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
    expect(file).toContain('title: "Élodie Dupré : réseaux & café"');
    expect(file).toContain(`date: ${today}`);
    expect(file).toContain('draft: true');
    expect(file).toContain('interviewee:');
    expect(checkContent(dir)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});
