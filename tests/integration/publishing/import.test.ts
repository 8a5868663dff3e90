import { execFile } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRedirects, redirectFor } from '@/lib/content/redirects';
import { baseUrl, databaseUrl, query } from '../setup/helpers';
import { TEST_SECRET } from '../setup/global-db';

// `npm run import` as an editor runs it, into a scratch copy of the magazine (its content and its
// images), on the test database: the hand-written exports of tests/fixtures/import/ (WordPress's
// WXR with its uploads folder, Disqus's XML), then the same again, a simulation, --strict, and the
// bad inputs. The pieces it writes are also built and served by the test archive (scripts/test.mjs
// imports the same exports there) and read in a browser by tests/e2e/import.spec.ts.
const root = path.resolve(import.meta.dirname, '../../..');
const FIXTURES = path.join(root, 'tests/fixtures/import');
const WXR = path.join(FIXTURES, 'wordpress.xml');
const DISQUS = path.join(FIXTURES, 'disqus.xml');
const UPLOADS = path.join(FIXTURES, 'uploads');

type Run = { code: number; stdout: string; stderr: string };

function importCli(args: string[], cwd = root): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'scripts/import.ts'), ...args],
      { cwd, env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: TEST_SECRET, CONTENT_DIR: 'content', LOG_LEVEL: 'warn' }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A copy of the magazine's content and images, as a project an editor imports into. */
function scratchProject(): { dir: string; content: string; publicDir: string; args: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdr-import-'));
  chmodSync(dir, 0o755);
  cpSync(path.join(root, 'content'), path.join(dir, 'content'), { recursive: true });
  mkdirSync(path.join(dir, 'public'));
  cpSync(path.join(root, 'public/images'), path.join(dir, 'public/images'), { recursive: true });
  const content = path.join(dir, 'content');
  const publicDir = path.join(dir, 'public');
  return { dir, content, publicDir, args: ['--content', content, '--public', publicDir] };
}

/** Every file under `dir` with its bytes, to compare a folder before and after. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(dir, full)] = readFileSync(full).toString('base64');
    }
  };
  walk(dir);
  return files;
}

const importedRows = (pieceKey: string) =>
  query<{ author: string; parent: string | null; badge: string | null; email: string | null; notify: boolean; status: string; body: string; source: string }>(
    `SELECT c.author_name AS author, p.author_name AS parent, c.badge::text AS badge, c.email, c.notify_replies AS notify, c.status::text AS status, c.body, c.source_id AS source
     FROM comments c LEFT JOIN comments p ON p.id = c.parent_id WHERE c.piece_key = $1 AND c.source_id IS NOT NULL ORDER BY c.created_at`,
    [pieceKey],
  );

const sourcedCount = async () => (await query<{ n: number }>('SELECT count(*)::int AS n FROM comments WHERE source_id IS NOT NULL'))[0]?.n ?? 0;

/** A WordPress export of one post, for the bad inputs. */
function wxr(items: string, declaration = '<?xml version="1.0" encoding="UTF-8" ?>'): string {
  return `${declaration}
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Petit site</title><link>https://petit.example</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>https://petit.example</wp:base_blog_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login>ana</wp:author_login><wp:author_display_name>Ana</wp:author_display_name></wp:author>
${items}
</channel></rss>
`;
}

const post = (id: number, title: string, slug: string, comments = '') => `<item><title>${title}</title><link>https://petit.example/${slug}/</link><dc:creator>ana</dc:creator>
<content:encoded><![CDATA[<p>Le texte de ${slug}.</p>]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>${id}</wp:post_id><wp:post_date>2015-06-0${id % 9} 10:00:00</wp:post_date><wp:post_date_gmt>2015-06-0${id % 9} 08:00:00</wp:post_date_gmt>
<wp:post_name>${slug}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="post_tag" nicename="terrain"><![CDATA[Terrain]]></category>${comments}</item>`;

const scratches: string[] = [];
const project = () => {
  const made = scratchProject();
  scratches.push(made.dir);
  return made;
};

beforeAll(async () => {
  await query('DELETE FROM comments WHERE source_id IS NOT NULL');
});

afterAll(async () => {
  await query('DELETE FROM comments WHERE source_id IS NOT NULL');
  for (const dir of scratches) rmSync(dir, { recursive: true, force: true });
});

describe('npm run import -- wordpress', () => {
  it('--dry-run says what it would do and writes nothing, neither files nor rows', async () => {
    const scratch = project();
    const before = snapshot(scratch.dir);
    const run = await importCli(['wordpress', WXR, '--uploads', UPLOADS, '--dry-run', ...scratch.args]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Simulation (--dry-run), rien n’a été écrit.');
    expect(run.stdout).toContain('- 3 pièces seraient écrites');
    expect(run.stdout).toContain('- 5 commentaires seraient enregistrés');
    expect(snapshot(scratch.dir)).toEqual(before);
    expect(await sourcedCount()).toBe(0);
  });

  it('--strict writes nothing at all when the export has a single problem', async () => {
    const scratch = project();
    const before = snapshot(scratch.dir);
    const run = await importCli(['wordpress', WXR, '--uploads', UPLOADS, '--strict', ...scratch.args]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Rien n’a été importé (--strict) : 6 problème(s).');
    expect(run.stdout).toContain('- l’article n° 106 (billet-sans-titre) n’a pas de titre : ignoré.');
    expect(snapshot(scratch.dir)).toEqual(before);
    expect(await sourcedCount()).toBe(0);
  });

  let scratch: ReturnType<typeof scratchProject>;

  it('writes the published posts as pieces, their authors, covers and images, their comments threaded, and every old address', async () => {
    scratch = project();
    const run = await importCli(['wordpress', WXR, '--uploads', UPLOADS, ...scratch.args]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('[import] 3 / 3 articles, 5 commentaires');
    expect(run.stdout).toContain('Export WordPress de « Le Carnet des Réseaux » (https://ancien-carnet.example, WXR 1.2) :');
    expect(run.stdout).toContain('- 3 pièces sont écrites');
    expect(run.stdout).toContain('2 fiches d’auteur créée(s)');
    expect(run.stdout).toContain('- 5 commentaires sont enregistrés (0 déjà enregistré) ; écartés : 1 rétrolien, 1 en attente, 1 indésirable, 0 à la corbeille ;');
    // Left out as expected, and the problems, each naming the item and what was done with it.
    for (const line of [
      '- article « Brouillon jamais publié » (n° 103), brouillon : non importé.',
      '- page « À propos » (n° 104) : les pages ne sont pas importées.',
      '- 1 révision : non importé(s).',
      '- l’article n° 106 (billet-sans-titre) n’a pas de titre : ignoré.',
      '- l’adresse « articles/le-ton-juste-sur-les-reseaux » est déjà prise : l’article « Le ton juste sur les réseaux (première version) » (n° 107) devient articles/le-ton-juste-sur-les-reseaux-2.',
      '- articles/reseauter-sans-s-epuiser : le commentaire n° 17 de « Élodie » répond au n° 999, absent de l’export ou non approuvé : placé au premier niveau.',
      '- articles/le-ton-juste-en-2011 : le code court [contact-form-7] n’est pas converti : laissé tel quel dans le texte, à reprendre à la main.',
      '- articles/reseauter-sans-s-epuiser : le lien https://ancien-carnet.example/a-propos/ mène à une page de l’ancien site qui n’est pas importée : laissé tel quel.',
    ]) {
      expect(run.stdout).toContain(line);
    }
    expect(run.stdout).toMatch(/articles\/le-ton-juste-en-2011 : l’image mise en avant \S+sans-alt\.png n’a pas de texte alternatif : pas de couverture/);

    const piece = matter(readFileSync(path.join(scratch.content, 'articles/reseauter-sans-s-epuiser.mdx'), 'utf8'));
    expect(piece.data).toEqual({
      title: 'Réseauter sans s’épuiser : l’été des « petits cailloux »',
      summary: 'Cultiver son réseau un peu chaque jour plutôt qu’en un week-end : trois gestes simples pour l’été.',
      date: new Date('2010-05-12T08:00:00Z'),
      tags: ['Stratégie réseau', 'LinkedIn'],
      author: 'claire',
      cover: { src: '/images/importees/2010/05/poignee-de-mains.jpg', alt: 'Deux mains qui se serrent au-dessus d’une table de café' },
      importedFrom: 'https://ancien-carnet.example/?p=101',
    });
    expect(piece.content).toContain('Relisez aussi [notre billet sur le ton juste](/articles/le-ton-juste-en-2011)');
    expect(piece.content).toContain('<Figure src={"/images/importees/2010/05/poignee-de-mains.jpg"} alt={"Deux mains qui se serrent au-dessus d’une table de café"} width={1200} height={800} caption={"Une rencontre au café du coin"} />');
    expect(piece.content).toContain('<PullQuote>Semer des petits cailloux, chaque jour. — Le Carnet</PullQuote>');
    expect(piece.content).not.toMatch(/script|alert/);
    const classic = matter(readFileSync(path.join(scratch.content, 'articles/le-ton-juste-en-2011.mdx'), 'utf8'));
    expect(classic.data).toMatchObject({ title: 'Le ton juste, en 2011', author: 'marc-petit', tags: ['Savoir-vivre en ligne'], date: new Date('2011-03-02T09:00:00Z') });
    expect(classic.data.cover).toBeUndefined();
    expect(classic.content).toContain('Sur les réseaux, le ton compte autant que le fond.  \nUne phrase sèche se lit comme un reproche.');
    expect(classic.content).toContain('caption={"Une poignée de mains, en 2011"}');
    expect(classic.content).toContain('\\[contact-form-7 id="42" title="Contact"\\]');
    expect(classic.content).toContain('un « \\]\\]> » qui coupe la section CDATA');
    expect(matter(readFileSync(path.join(scratch.content, 'authors/marc-petit.mdx'), 'utf8')).data).toEqual({ name: 'Marc Pétit', role: 'A publié sur « Le Carnet des Réseaux »' });
    expect(existsSync(path.join(scratch.content, 'articles/le-ton-juste-sur-les-reseaux-2.mdx'))).toBe(true);
    expect(readFileSync(path.join(scratch.content, 'articles/le-ton-juste-sur-les-reseaux.mdx'), 'utf8')).toBe(readFileSync(path.join(root, 'content/articles/le-ton-juste-sur-les-reseaux.mdx'), 'utf8'));
    expect(statSync(path.join(scratch.publicDir, 'images/importees/2010/05/poignee-de-mains.jpg')).size).toBe(statSync(path.join(UPLOADS, '2010/05/poignee-de-mains.jpg')).size);
    // No temporary file left behind.
    expect(Object.keys(snapshot(scratch.dir)).filter((file) => file.endsWith('.tmp'))).toEqual([]);

    const redirects = JSON.parse(readFileSync(path.join(scratch.content, 'redirects.json'), 'utf8')) as Record<string, string>;
    expect(redirects).toMatchObject({
      '/2010/05/12/reseauter-sans-s-epuiser/': '/articles/reseauter-sans-s-epuiser',
      '/2010/05/reseauter-sans-s-epuiser/': '/articles/reseauter-sans-s-epuiser',
      '/reseauter-sans-s-epuiser/': '/articles/reseauter-sans-s-epuiser',
      '/2010/05/12/reseauter-sans-s-epuiser/feed/': '/articles/reseauter-sans-s-epuiser',
      '/?p=101': '/articles/reseauter-sans-s-epuiser',
      '/?p=107': '/articles/le-ton-juste-sur-les-reseaux-2',
      '/category/strategie-reseau/': '/tags/strategie-reseau',
      '/category/strategie-reseau/feed/': '/flux/theme/strategie-reseau/rss.xml',
      '/tag/linkedin/': '/tags/linkedin',
      '/author/marc-petit/': '/auteurs/marc-petit',
      '/feed/': '/flux/rss.xml',
    });
    expect(Object.keys(redirects).some((from) => from.includes('non-classe') || from.includes('a-propos') || from.includes('103'))).toBe(false);

    // What npm run content:check and the build check: nothing to correct.
    const check = await new Promise<Run>((resolve) =>
      execFile(process.execPath, ['--import', pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href, path.join(root, 'scripts/content-check.ts')], { cwd: scratch.dir, env: { ...process.env, CONTENT_DIR: 'content' } }, (error, stdout, stderr) =>
        resolve({ code: error ? 1 : 0, stdout, stderr }),
      ),
    );
    expect(check.stderr).toBe('');
    expect(check.stdout).toContain('aucun problème');

    // The comments: approved ones only, threaded (a reply to a reply under its top comment), the author's badge, notifications off.
    expect(await importedRows('articles/reseauter-sans-s-epuiser')).toEqual([
      { author: 'Aurélie Martin', parent: null, badge: null, email: 'aurelie.martin@exemple.fr', notify: false, status: 'published', body: 'Merci pour ces conseils, j’essaie dès lundi.\n\nEt un message par jour, c’est tenable & motivant.', source: 'wordpress:ancien-carnet.example:11' },
      { author: 'Claire Dubois', parent: 'Aurélie Martin', badge: 'auteur', email: 'claire@ancien-carnet.example', notify: false, status: 'published', body: 'Avec plaisir Aurélie ! Dites-nous ce que ça donne, voir ce billet (https://ancien-carnet.example/2011/03/02/le-ton-juste-en-2011/).', source: 'wordpress:ancien-carnet.example:12' },
      { author: 'Bruno Lefèvre', parent: 'Aurélie Martin', badge: null, email: null, notify: false, status: 'published', body: 'Je réponds à la réponse : ça marche aussi pour les artisans.', source: 'wordpress:ancien-carnet.example:13' },
      { author: 'Élodie', parent: null, badge: null, email: 'elodie@exemple.fr', notify: false, status: 'published', body: 'Je réponds à un commentaire qui a disparu depuis.', source: 'wordpress:ancien-carnet.example:17' },
    ]);
    expect(await query("SELECT comments FROM piece_figures WHERE piece_key = 'articles/reseauter-sans-s-epuiser'")).toEqual([{ comments: 4 }]);
    // The magazine serves them (its test build holds the same imported pieces).
    const served = (await (await fetch(`${baseUrl}/api/pieces/articles/reseauter-sans-s-epuiser/comments`)).json()) as { comments: Array<{ author: string; replies?: Array<{ author: string }> }> };
    expect(served.comments.map((comment) => [comment.author, (comment.replies ?? []).map((reply) => reply.author)])).toEqual([
      ['Aurélie Martin', ['Claire Dubois', 'Bruno Lefèvre']],
      ['Élodie', []],
    ]);
  });

  it('imports nothing twice: a second run writes no file and stores no comment', async () => {
    const before = snapshot(scratch.dir);
    const count = await sourcedCount();
    const run = await importCli(['wordpress', WXR, '--uploads', UPLOADS, ...scratch.args]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('- 0 pièce sont écrites');
    expect(run.stdout).toContain('(3 déjà importées), 0 fiche d’auteur créée(s) ;');
    expect(run.stdout).toContain('- 0 commentaire sont enregistrés (5 déjà enregistrés)');
    expect(run.stdout).toContain('- 0 ancienne adresse ajoutées');
    expect(snapshot(scratch.dir)).toEqual(before);
    expect(await sourcedCount()).toBe(count);
  });

  it('npm run import -- disqus: threads matched by their old address, identifier or new address; deleted and spam left out; a second run stores nothing', async () => {
    const run = await importCli(['disqus', DISQUS, '--content', scratch.content]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Export Disqus du forum « ancien-carnet » : 4 fils, 9 messages ;');
    expect(run.stdout).toContain('- 6 commentaires sont enregistrés sous 3 pièces (0 déjà enregistré) ;');
    expect(run.stdout).toContain('- écartés : 1 supprimé, 1 indésirable, 1 message d’un fil sans pièce.');
    expect(run.stdout).toContain('- le fil « Une page disparue » (https://ancien-carnet.example/page-disparue/) ne correspond à aucune pièce du magazine : ses commentaires ne sont pas importés.');
    expect(run.stdout).toContain('- articles/le-ton-juste-en-2011 : le message n° 5006 de « Louise » répond au n° 5004, supprimé, indésirable ou absent : placé au premier niveau.');
    expect((await importedRows('articles/le-ton-juste-en-2011')).map((row) => [row.author, row.parent])).toEqual([
      ['Gaëlle', null],
      ['Hélène Roux', null],
      ['Igor', 'Hélène Roux'],
      ['Jeanne', 'Hélène Roux'],
      ['Louise', null],
    ]);
    expect((await importedRows('articles/le-ton-juste-en-2011'))[3]).toMatchObject({ body: 'Et une réponse à la réponse.', source: 'disqus:ancien-carnet:5003' });
    expect((await importedRows('articles/le-ton-juste-en-2011'))[2]?.body).toBe('D’accord avec Hélène.\n\nDeux paragraphes & un lien : https://exemple.fr/ton');
    expect((await importedRows('articles/reseauter-sans-s-epuiser')).map((row) => row.author)).toEqual(['Aurélie Martin', 'Claire Dubois', 'Bruno Lefèvre', 'Élodie', 'Mathieu']);
    expect((await importedRows('articles/le-ton-juste-sur-les-reseaux-2')).map((row) => row.author)).toEqual(['Nina']);

    const again = await importCli(['disqus', DISQUS, '--content', scratch.content]);
    expect(again.stdout).toContain('- 0 commentaire sont enregistrés sous 3 pièces (6 déjà enregistrés) ;');
  });
});

describe('bad inputs: a French message naming the item and what was done, the rest imported', () => {
  it('refuses a file of another kind, and says which command reads a Disqus export', async () => {
    const scratch = project();
    const disqusAsWordpress = await importCli(['wordpress', DISQUS, ...scratch.args]);
    expect(disqusAsWordpress.code).toBe(1);
    expect(disqusAsWordpress.stderr).toContain('Ce fichier est un export Disqus : lancez npm run import -- disqus <fichier>.');
    const json = await importCli(['wordpress', path.join(root, 'package.json'), ...scratch.args]);
    expect(json.code).toBe(1);
    expect(json.stderr).toContain('Ce fichier n’est pas un export WordPress (WXR, « Outils → Exporter ») : son élément racine est absent (fichier vide ou qui n’est pas du XML). Rien n’a été importé.');
    const feed = path.join(scratch.dir, 'flux.xml');
    writeFileSync(feed, '<?xml version="1.0"?><rss version="2.0"><channel><title>Un flux</title></channel></rss>');
    expect((await importCli(['wordpress', feed, ...scratch.args])).stderr).toContain('son élément racine est <rss>. Rien n’a été importé.');
    expect((await importCli(['disqus', WXR, '--content', scratch.content])).stderr).toContain('Ce fichier n’est pas un export Disqus ; si c’est un export WordPress, lancez npm run import -- wordpress <fichier>.');
    const usage = await importCli(['wordpress', WXR, '--section', 'blog', ...scratch.args]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--section vaut « blog » : articles ou interviews.');
    expect((await importCli(['wordpress', path.join(scratch.dir, 'absent.xml')])).stderr).toContain('n’existe pas.');
    expect(snapshot(scratch.content)).toEqual(snapshot(path.join(root, 'content')));
  });

  it('imports what comes before the end of a truncated file, and says where it stops', async () => {
    const scratch = project();
    const text = readFileSync(WXR, 'utf8');
    const file = path.join(scratch.dir, 'coupe.xml');
    writeFileSync(file, text.slice(0, text.indexOf('<title><![CDATA[Le ton juste, en 2011]]></title>') + 30));
    const run = await importCli(['wordpress', file, '--uploads', UPLOADS, ...scratch.args]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/- le fichier s’arrête avant sa fin à la ligne \d+ \(<title> n’est jamais refermé\) : seuls les éléments complets avant cette ligne sont importés\./);
    expect(existsSync(path.join(scratch.content, 'articles/reseauter-sans-s-epuiser.mdx'))).toBe(true);
    expect(existsSync(path.join(scratch.content, 'articles/le-ton-juste-en-2011.mdx'))).toBe(false);
    await query("DELETE FROM comments WHERE source_id LIKE 'wordpress:%'");
  });

  it('skips a post with bytes of another encoding, reads a file declared ISO-8859-1, and puts a reply whose parent is missing at the top level', async () => {
    const scratch = project();
    const comment = (id: number, parent: number, author: string) =>
      `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>${author}</wp:comment_author><wp:comment_author_email>${author.toLowerCase()}@exemple.fr</wp:comment_author_email><wp:comment_date_gmt>2015-06-0${id} 09:00:00</wp:comment_date_gmt><wp:comment_content>Bonjour de ${author}.</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent></wp:comment>`;
    const [head = '', tail = ''] = wxr(`${post(1, 'Un billet lisible', 'lisible', comment(1, 0, 'Zoé') + comment(2, 7, 'Yves'))}\n${post(2, 'Un @@ billet', 'abime')}`).split('@@');
    const utf8 = Buffer.concat([Buffer.from(head), Buffer.from([0xff, 0xfe]), Buffer.from(tail)]);
    const broken = path.join(scratch.dir, 'abime.xml');
    writeFileSync(broken, utf8);
    const run = await importCli(['wordpress', broken, ...scratch.args]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('- l’article « Un \uFFFD\uFFFD billet » (n° 2) contient des octets qui ne sont pas du texte dans l’encodage du fichier : ignoré');
    expect(run.stdout).toContain('- articles/lisible : le commentaire n° 2 de « Yves » répond au n° 7, absent de l’export ou non approuvé : placé au premier niveau.');
    expect(existsSync(path.join(scratch.content, 'articles/lisible.mdx'))).toBe(true);
    expect(existsSync(path.join(scratch.content, 'articles/abime.mdx'))).toBe(false);
    expect((await importedRows('articles/lisible')).map((row) => [row.author, row.parent])).toEqual([
      ['Zoé', null],
      ['Yves', null],
    ]);

    const latin = path.join(scratch.dir, 'latin.xml');
    // WordPress keeps an accented slug escaped (« caf%c3%a9… »); a browser asks for « caf%C3%A9… ».
    writeFileSync(latin, Buffer.from(wxr(post(3, 'Café réseau à Sète', 'caf%c3%a9-r%c3%a9seau'), '<?xml version="1.0" encoding="ISO-8859-1" ?>'), 'latin1'));
    const latinRun = await importCli(['wordpress', latin, ...scratch.args]);
    expect(latinRun.code, latinRun.stderr).toBe(0);
    expect(matter(readFileSync(path.join(scratch.content, 'articles/cafe-reseau.mdx'), 'utf8')).data.title).toBe('Café réseau à Sète');
    const { redirects } = parseRedirects(readFileSync(path.join(scratch.content, 'redirects.json'), 'utf8'), { isTarget: () => true, isPage: () => false });
    expect(redirectFor(redirects, '/caf%C3%A9-r%C3%A9seau/', '')).toBe('/articles/cafe-reseau');
    expect(redirectFor(redirects, '/2015/06/03/caf%C3%A9-r%C3%A9seau', '')).toBe('/articles/cafe-reseau');
    await query("DELETE FROM comments WHERE source_id LIKE 'wordpress:petit.example%'");
  });
});
