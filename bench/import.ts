// `npm run bench:import`: part 14 of the benchmarks. `npm run import` of a generated WordPress
// export of 5,000 posts and 100,000 approved comments (threaded, with pingbacks and spam beside
// them), then the same file again (nothing to import), then a Disqus export of 100,000 posts on
// those 5,000 pieces, into a copy of the magazine's content, on a database of the machine's
// PostgreSQL (127.0.0.1:5432): duration and peak RSS of the command's process (GNU time).
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { closeSync, cpSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import sharp from 'sharp';
import { migrate } from '../lib/db/migrations';
import { ensureTools, OUT, writeBenchmarkSection } from './lib';

const SERVER = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const POSTS = Number(process.env.BENCH_IMPORT_POSTS ?? 5_000);
const COMMENTS_PER_POST = 20;
const DIR = path.join(OUT, 'import');

const WORDS = 'réseau rencontre client entrepreneur recommandation salon conseil partage message contact confiance visibilité communauté projet échange'.split(' ');
const sentence = (seed: number) => {
  const words = Array.from({ length: 12 }, (_, index) => WORDS[(seed * 7 + index * 3) % WORDS.length]);
  return `${words.join(' ').replace(/^./, (letter) => letter.toUpperCase())}.`;
};
const paragraph = (seed: number) => Array.from({ length: 6 }, (_, index) => sentence(seed + index)).join(' ');
const day = (index: number) => new Date(Date.UTC(2012, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);

/** A WXR 1.2 file: 10 authors, 20 categories, 100 tags, `POSTS` block-editor posts of ~700 words, each with its comments. */
function writeWordpress(file: string): { bytes: number } {
  const fd = openSync(file, 'w');
  const write = (text: string) => writeSync(fd, text);
  write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Grand blog</title><link>https://grand-blog.example</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>https://grand-blog.example</wp:base_blog_url>
`);
  for (let author = 1; author <= 10; author++) write(`<wp:author><wp:author_id>${author}</wp:author_id><wp:author_login><![CDATA[auteur${author}]]></wp:author_login><wp:author_display_name><![CDATA[Auteur n° ${author}]]></wp:author_display_name></wp:author>\n`);
  write(`<item><title>photo</title><wp:post_id>1</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status><wp:attachment_url>https://grand-blog.example/wp-content/uploads/2012/01/photo.jpg</wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>2012/01/photo.jpg</wp:meta_value></wp:postmeta><wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>Une salle de réunion</wp:meta_value></wp:postmeta></item>\n`);
  let commentId = 1;
  for (let index = 1; index <= POSTS; index++) {
    const id = index + 10;
    const slug = `billet-${index}`;
    const date = day(index % 4000);
    const [year, month, dayOfMonth] = date.split('-');
    const previous = day(Math.max(1, index - 1) % 4000).split('-').join('/');
    const body = [
      `<!-- wp:paragraph --><p>${paragraph(index)} Voir <a href="https://grand-blog.example/${previous}/billet-${Math.max(1, index - 1)}/">le billet précédent</a>.</p><!-- /wp:paragraph -->`,
      `<!-- wp:heading --><h2>Partie ${index}</h2><!-- /wp:heading -->`,
      ...Array.from({ length: 12 }, (_, part) => `<!-- wp:paragraph --><p>${paragraph(index + part)}</p><!-- /wp:paragraph -->`),
      `<!-- wp:list --><ul><li>${sentence(index)}</li><li>${sentence(index + 1)}</li></ul><!-- /wp:list -->`,
      `<!-- wp:image {"id":1} --><figure class="wp-block-image"><img src="https://grand-blog.example/wp-content/uploads/2012/01/photo.jpg" alt="Une salle de réunion" class="wp-image-1"/><figcaption>Légende ${index}</figcaption></figure><!-- /wp:image -->`,
      `<!-- wp:quote --><blockquote class="wp-block-quote"><p>${sentence(index + 5)}</p><cite>Quelqu’un</cite></blockquote><!-- /wp:quote -->`,
    ].join('\n');
    const comments: string[] = [];
    let top = 0;
    for (let n = 0; n < COMMENTS_PER_POST; n++) {
      const parent = n % 4 === 0 ? 0 : n % 4 === 3 ? commentId - 1 : top;
      if (parent === 0) top = commentId;
      const minute = String(n % 60).padStart(2, '0');
      comments.push(
        `<wp:comment><wp:comment_id>${commentId}</wp:comment_id><wp:comment_author><![CDATA[Lecteur ${commentId % 5000}]]></wp:comment_author><wp:comment_author_email>lecteur${commentId % 5000}@exemple.fr</wp:comment_author_email><wp:comment_author_IP>198.18.${commentId % 250}.${(commentId >> 8) % 250}</wp:comment_author_IP><wp:comment_date>${date} 12:${minute}:00</wp:comment_date><wp:comment_date_gmt>${date} 10:${minute}:00</wp:comment_date_gmt><wp:comment_content><![CDATA[${sentence(commentId)}\n\n${sentence(commentId + 1)} <a href="https://exemple.fr/${commentId}">un lien</a>]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>`,
      );
      commentId++;
    }
    comments.push(`<wp:comment><wp:comment_id>${9_000_000 + index}</wp:comment_id><wp:comment_author>Un blog</wp:comment_author><wp:comment_date_gmt>${date} 11:00:00</wp:comment_date_gmt><wp:comment_content>[…]</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_type>pingback</wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>`);
    write(`<item><title><![CDATA[Billet numéro ${index} : ${sentence(index).slice(0, 40)}]]></title><link>https://grand-blog.example/${year}/${month}/${dayOfMonth}/${slug}/</link><dc:creator><![CDATA[auteur${(index % 10) + 1}]]></dc:creator>
<content:encoded><![CDATA[${body}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>${id}</wp:post_id><wp:post_date>${date} 10:00:00</wp:post_date><wp:post_date_gmt>${date} 08:00:00</wp:post_date_gmt><wp:post_name>${slug}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="rubrique-${index % 20}"><![CDATA[Rubrique ${index % 20}]]></category><category domain="post_tag" nicename="theme-${index % 100}"><![CDATA[Thème ${index % 100}]]></category>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>1</wp:meta_value></wp:postmeta>
${comments.join('\n')}
</item>\n`);
  }
  write('</channel>\n</rss>\n');
  closeSync(fd);
  return { bytes: statSync(file).size };
}

/** A Disqus export: one thread per imported post (its old permalink), 20 posts each, threaded. */
function writeDisqus(file: string): { bytes: number } {
  const fd = openSync(file, 'w');
  const write = (text: string) => writeSync(fd, text);
  write('<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">\n');
  for (let index = 1; index <= POSTS; index++) {
    const [year, month, dayOfMonth] = day(index % 4000).split('-');
    write(`<thread dsq:id="${index}"><id>${index + 10} https://grand-blog.example/?p=${index + 10}</id><forum>grand-blog</forum><link>https://grand-blog.example/${year}/${month}/${dayOfMonth}/billet-${index}/</link><title>Billet ${index}</title><createdAt>2012-01-01T08:00:00Z</createdAt><isDeleted>false</isDeleted></thread>\n`);
  }
  let postId = 1;
  for (let index = 1; index <= POSTS; index++) {
    let top = 0;
    for (let n = 0; n < COMMENTS_PER_POST; n++) {
      const parent = n % 4 === 0 ? 0 : n % 4 === 3 ? postId - 1 : top;
      if (parent === 0) top = postId;
      write(`<post dsq:id="${postId}"><message><![CDATA[<p>${sentence(postId)}</p><p>${sentence(postId + 3)}</p>]]></message><createdAt>2013-01-01T10:${String(n % 60).padStart(2, '0')}:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam><author><email>membre${postId % 5000}@exemple.fr</email><name>Membre ${postId % 5000}</name><isAnonymous>false</isAnonymous></author><ipAddress>198.19.${postId % 250}.1</ipAddress><thread dsq:id="${index}"/>${parent ? `<parent dsq:id="${parent}"/>` : ''}</post>\n`);
      postId++;
    }
  }
  write('</disqus>\n');
  closeSync(fd);
  return { bytes: statSync(file).size };
}

type Timed = { seconds: number; rssMb: number; stdout: string };

/** Runs `scripts/import.ts <args>` under GNU time: wall seconds and peak RSS of its process. */
function timed(args: string[], url: string): Timed {
  const report = path.join(DIR, `time-${randomInt(1e9)}.txt`);
  const run = spawnSync('/usr/bin/time', ['-v', '-o', report, process.execPath, '--import', 'tsx', 'scripts/import.ts', ...args], {
    env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: 'bench-secret-for-the-import-benchmark-0123456789' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`import ${args.join(' ')} a échoué : ${run.stderr}${run.stdout}`);
  const text = readFileSync(report, 'utf8');
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(text);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
  if (!wall || !rss) throw new Error(`sortie de GNU time illisible : ${text}`);
  return { seconds: Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]), rssMb: Number(rss[1]) / 1024, stdout: run.stdout };
}

async function sql(url: string, text: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

export type ImportBench = { posts: number; comments: number; wxrMb: number; disqusMb: number; first: Timed; second: Timed; disqus: Timed; storedComments: number };

export async function benchImport(): Promise<ImportBench> {
  ensureTools();
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(path.join(DIR, 'uploads/2012/01'), { recursive: true });
  await sharp({ create: { width: 1600, height: 900, channels: 3, background: { r: 90, g: 120, b: 150 } } }).jpeg().toFile(path.join(DIR, 'uploads/2012/01/photo.jpg'));
  cpSync('content', path.join(DIR, 'content'), { recursive: true });
  mkdirSync(path.join(DIR, 'public'), { recursive: true });
  const wxr = writeWordpress(path.join(DIR, 'wordpress.xml'));
  const disqusFile = writeDisqus(path.join(DIR, 'disqus.xml'));
  const name = `pdr_bench_wp_${randomInt(1e9)}`;
  await sql(SERVER, `CREATE DATABASE ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  try {
    await migrate(url.href, undefined, () => undefined);
    const args = ['wordpress', path.join(DIR, 'wordpress.xml'), '--uploads', path.join(DIR, 'uploads'), '--content', path.join(DIR, 'content'), '--public', path.join(DIR, 'public')];
    const first = timed(args, url.href);
    const second = timed(args, url.href);
    const disqus = timed(['disqus', path.join(DIR, 'disqus.xml'), '--content', path.join(DIR, 'content')], url.href);
    const [stored] = (await sql(url.href, 'SELECT count(*)::int AS n FROM comments')) as Array<{ n: number }>;
    return { posts: POSTS, comments: POSTS * COMMENTS_PER_POST, wxrMb: wxr.bytes / 1e6, disqusMb: disqusFile.bytes / 1e6, first, second, disqus, storedComments: stored?.n ?? 0 };
  } finally {
    await sql(SERVER, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

const fr = (value: number, digits = 1) => value.toLocaleString('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Part 14 of BENCHMARKS.md. */
export function importSection(run: ImportBench): string {
  const row = (label: string, timedRun: Timed, goal: boolean) =>
    `| ${label} | ${fr(timedRun.seconds)} s | ${fr(timedRun.rssMb, 0)} Mo |${goal ? ` ${timedRun.seconds < 300 && timedRun.rssMb < 500 ? '✓' : '✗'}` : ''} |`;
  return `## 14. Importer un ancien site (\`npm run bench:import\`)

\`npm run import\` (docs/redaction.md, « Importer un ancien site ») d’un export WordPress généré :
${run.posts.toLocaleString('fr-FR')} articles de l’éditeur de blocs d’environ 700 mots (intertitre, liste, image avec légende, citation, lien vers
l’article précédent, image mise en avant), 10 auteurs, 20 catégories, 100 étiquettes et
${run.comments.toLocaleString('fr-FR')} commentaires approuvés (un quart de têtes, des réponses et des réponses aux réponses ; un
rétrolien par article en plus), ${fr(run.wxrMb)} Mo ; puis le même fichier une seconde fois ; puis un export Disqus de
${run.comments.toLocaleString('fr-FR')} messages sur ces ${run.posts.toLocaleString('fr-FR')} fils (${fr(run.disqusMb)} Mo). Dans une copie du contenu du magazine, sur une base
neuve du PostgreSQL de la machine ; durée et pic de mémoire (RSS) du processus de la commande
(GNU time), un passage (objectif : moins de 5 minutes et de 500 Mo).

| Commande | Durée | Pic de mémoire | Objectif |
| --- | ---: | ---: | :---: |
${row(`WordPress : ${run.posts.toLocaleString('fr-FR')} articles, ${run.comments.toLocaleString('fr-FR')} commentaires`, run.first, true)}
${row('Le même export, une seconde fois (rien à importer)', run.second, false)}
${row(`Disqus : ${run.comments.toLocaleString('fr-FR')} messages`, run.disqus, true)}

Commentaires en base à la fin : ${run.storedComments.toLocaleString('fr-FR')} (attendus : ${(2 * run.comments).toLocaleString('fr-FR')}). L’export est lu en flux (saxes) en deux passages :
seules les têtes des articles restent en mémoire d’un passage à l’autre ; les messages Disqus, dont
l’ordre n’est pas celui de leurs fils, sont gardés jusqu’à la fin de la lecture.

Mesuré d’abord (7 décembre) à 194,5 s et 718 Mo pour WordPress, 138,1 s et 675 Mo pour Disqus, 136,4 s et 958 Mo pour la
seconde fois. Deux causes, corrigées : les chaînes que saxes donne sont des tranches du morceau de
fichier lu (256 Ko) ; une tête d’article ou un message Disqus gardé en retenait tout le morceau,
donc presque tout le fichier (copie de ce qui est gardé : \`own()\`, lib/import/xml-elements.ts) ;
et html-to-text recompilait ses options à chaque commentaire (compilées une fois). Une seconde
passe ne convertit plus les commentaires déjà en base.`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeBenchmarkSection(14, importSection(await benchImport()));
}
