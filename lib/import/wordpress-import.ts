import { existsSync } from 'node:fs';
import path from 'node:path';
import { compile } from 'html-to-text';
import type pg from 'pg';
import { archivePaths, redirectKey, REDIRECTS_FILE, type Redirects } from '@/lib/content/redirects';
import { slugify } from '@/lib/content/slugify';
import { importedEmail, importedName, recordComments, storedSourceIds, type ImportedComment } from './comment-store';
import { authorMdx, copyImage, indexContent, mergeRedirects, pieceMdx, writeAtomically, type CopiedImage } from './content-files';
import { autop, firstSentences, htmlToMdx, imageSources, type KeptImage } from './html-to-mdx';
import { ImportReport, plural } from './report';
import { commentText } from './comment-text';
import { eachWordpressPost, scanWordpress, type WordpressComment, type WordpressPost, type WordpressPostHead, type WordpressScan } from './wordpress';

// `npm run import -- wordpress <export.xml>`: WordPress's posts as MDX pieces, their authors, their
// featured images as covers, their approved comments in the database, and every old address of
// them in content/redirects.json. Two passes over the file (lib/import/wordpress.ts): the first
// plans every piece (its key, with a suffix when the slug is taken; skipped items listed), the
// second writes them one at a time with their comments. A piece imported by an earlier run (its
// `importedFrom`) is not written again; its comments not stored yet are.

export type Section = 'articles' | 'interviews';

export type WordpressImportOptions = {
  file: string;
  contentDir: string;
  publicDir: string;
  /** Where images go under publicDir (`images/importees`). */
  imagesDir: string;
  /** WordPress's wp-content/uploads folder, for the images. */
  uploads: string | null;
  section: Section | null;
  dryRun: boolean;
  database: { pool: pg.Pool; secret: string };
  progress: (line: string) => void;
};

/** A post the import keeps, where it goes and what it is made of. */
type Planned = {
  head: WordpressPostHead;
  key: string;
  /** Already imported by an earlier run: only its comments are looked at. */
  existing: boolean;
  tags: string[];
  author: string;
  interviewee: { name: string; role: string; organisation: string } | null;
};

const STATUS_LEFT_OUT: Record<string, string> = { draft: 'brouillon', pending: 'en attente de relecture', 'auto-draft': 'brouillon automatique', private: 'privé', trash: 'dans la corbeille' };
const TYPE_LABEL: Record<string, string> = { page: 'page', revision: 'révision', nav_menu_item: 'élément de menu', wp_block: 'bloc réutilisable', custom_css: 'CSS personnalisé', wp_navigation: 'menu de navigation', wp_global_styles: 'styles globaux', wp_template: 'modèle', wp_template_part: 'partie de modèle' };
const DEFAULT_CATEGORIES = new Set(['uncategorized', 'non-classe', 'sans-categorie']);
const INTERVIEW_CATEGORIES = new Set(['interview', 'interviews', 'entretien', 'entretiens']);
/** WordPress's custom fields that name an interview's interviewee (docs/redaction.md). */
const INTERVIEWEE_FIELDS = { name: 'interviewee_name', role: 'interviewee_role', organisation: 'interviewee_organisation' } as const;

const described = (head: WordpressPostHead) => `« ${head.title || head.slug || 'sans titre'} » (n° ${head.id})`;

function siteOf(scan: WordpressScan): URL {
  const address = scan.site.baseUrl || scan.site.link;
  try {
    return new URL(address.endsWith('/') ? address : `${address}/`);
  } catch {
    throw new Error(`l’export ne donne pas l’adresse du site WordPress (<wp:base_blog_url> ou <link> du canal vaut « ${address} »).`);
  }
}

function decodedSlug(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}

/** WordPress's time « 2010-05-12 10:00:00 » and its UTC twin as ISO 8601 with the site's offset. */
export function isoDate(local: string, gmt: string): string {
  const day = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})/.exec(local);
  if (!day) return '';
  const utc = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})/.exec(gmt);
  if (!utc) return day[1] ?? '';
  const minutes = Math.round((Date.parse(`${day[1]}T${day[2]}Z`) - Date.parse(`${utc[1]}T${utc[2]}Z`)) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const offset = `${sign}${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0')}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;
  return `${day[1]}T${day[2]}${offset}`;
}

function commentDate(comment: WordpressComment): Date | null {
  const written = comment.dateGmt || comment.date;
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})/.exec(written);
  return match ? new Date(`${match[1]}T${match[2]}Z`) : null;
}

// html-to-text's options compiled once: compiling them again for every text cost more than the text.
const toPlainText = compile({
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    ...['h1', 'h2', 'h3', 'h4'].map((selector) => ({ selector, options: { uppercase: false } })),
  ],
});

/** Plain text of an excerpt or a body, for a summary. */
const plainText = (html: string) => toPlainText(autop(html.replace(/<!--[\s\S]*?-->/g, '').replace(/\[caption[\s\S]*?\[\/caption\]/gi, ' ').replace(/\[\/?[a-z][^\]]*\]/gi, ' ')));

export async function importWordpress(options: WordpressImportOptions): Promise<{ report: ImportReport; summary: string[] }> {
  const report = new ImportReport();
  const scan = await scanWordpress(options.file);
  const site = siteOf(scan);
  const base = site.pathname.replace(/\/$/, '');
  const sourceOf = (id: string) => `${site.origin}${base}/?p=${id}`;
  if (scan.stop) {
    report.problem(`le fichier ${scan.stop.kind === 'truncated' ? 's’arrête avant sa fin' : 'est mal formé'} à la ligne ${scan.stop.line} (${scan.stop.message}) : seuls les éléments complets avant cette ligne sont importés.`);
  }
  const index = indexContent(options.contentDir);
  const siteTitle = scan.site.title || site.host;

  // First pass done: every post placed.
  const planned = new Map<string, Planned>();
  const takenKeys = new Set(index.pieces.keys());
  const leftOutTypes = new Map<string, number>();
  for (const head of scan.posts) {
    if (head.type !== 'post') {
      const label = TYPE_LABEL[head.type] ?? `contenu de type « ${head.type} »`;
      if (head.type === 'page') report.skip(`page ${described(head)} : les pages ne sont pas importées.`);
      else leftOutTypes.set(label, (leftOutTypes.get(label) ?? 0) + 1);
      continue;
    }
    const leftOut = STATUS_LEFT_OUT[head.status];
    if (leftOut || (head.status !== 'publish' && head.status !== 'future')) {
      report.skip(`article ${described(head)}, ${leftOut ?? `à l’état « ${head.status} »`} : non importé.`);
      continue;
    }
    if (head.badBytes) {
      report.problem(`l’article ${described(head)} contient des octets qui ne sont pas du texte dans l’encodage du fichier : ignoré (corrigez l’export puis relancez : le reste ne sera pas importé deux fois).`);
      continue;
    }
    if (!head.title.trim()) {
      report.problem(`l’article n° ${head.id} (${head.slug || 'sans adresse'}) n’a pas de titre : ignoré.`);
      continue;
    }
    const already = index.imported.get(sourceOf(head.id));
    const categories = head.categories.filter((category) => !DEFAULT_CATEGORIES.has(category.slug));
    const names = [...categories, ...head.tags].map((term) => term.name || term.slug).filter(Boolean);
    const tags = [...new Map(names.map((name) => [slugify(name), name])).values()].filter((name) => slugify(name));
    if (tags.length === 0) tags.push(siteTitle);
    const author = slugify(head.author) || 'la-redaction';
    const wantsInterview = (options.section ?? (categories.some((category) => INTERVIEW_CATEGORIES.has(category.slug)) ? 'interviews' : 'articles')) === 'interviews';
    const interviewee = { name: head.meta[INTERVIEWEE_FIELDS.name]?.trim() ?? '', role: head.meta[INTERVIEWEE_FIELDS.role]?.trim() ?? '', organisation: head.meta[INTERVIEWEE_FIELDS.organisation]?.trim() ?? '' };
    const isInterview = wantsInterview && Boolean(interviewee.name && interviewee.role && interviewee.organisation);
    if (wantsInterview && !isInterview && !already) {
      report.problem(`l’article ${described(head)} devait aller dans les interviews, mais ne nomme pas la personne interrogée (champs personnalisés ${Object.values(INTERVIEWEE_FIELDS).join(', ')}) : importé dans les articles.`);
    }
    const section = isInterview ? 'interviews' : 'articles';
    const slug = slugify(decodedSlug(head.slug)) || slugify(head.title);
    let key = already ?? `${section}/${slug}`;
    if (!already && takenKeys.has(key)) {
      let suffix = 2;
      while (takenKeys.has(`${section}/${slug}-${suffix}`)) suffix++;
      key = `${section}/${slug}-${suffix}`;
      report.problem(`l’adresse « ${section}/${slug} » est déjà prise : l’article ${described(head)} devient ${key}.`);
    }
    takenKeys.add(key);
    planned.set(head.id, { head, key, existing: Boolean(already), tags, author, interviewee: isInterview ? interviewee : null });
  }
  for (const [label, count] of leftOutTypes) report.skip(`${plural(count, label)} : non importé(s).`);

  // The content as the import leaves it, for the redirects' targets.
  const pieces = new Set([...index.pieces.keys(), ...[...planned.values()].map((post) => post.key)].map((key) => `/${key}`));
  const tags = new Set([...[...index.pieces.values()].filter((piece) => !piece.draft).flatMap((piece) => piece.tags), ...[...planned.values()].flatMap((post) => post.tags.map(slugify))]);
  const authors = new Set([...index.authors, ...[...planned.values()].map((post) => post.author)]);
  // One predicate for the old paths and the targets: the import's targets are its own pieces (never drafts), tags, authors and feeds.
  const isPage = archivePaths({ pieces, tags, authors });

  // Every old address of every post, and of the categories, tags, authors and feeds.
  const redirects: Redirects = {};
  const oldPaths = new Map<string, string>();
  const redirect = (from: string, to: string) => {
    const key = redirectKey(from);
    if (oldPaths.has(key) || key === redirectKey(to)) return;
    oldPaths.set(key, to);
    redirects[from] = to;
  };
  const pathOf = (link: string) => {
    try {
      const url = new URL(link, site);
      return url.host === site.host ? `${url.pathname}${url.search}` : null;
    } catch {
      return null;
    }
  };
  for (const post of planned.values()) {
    const target = `/${post.key}`;
    const [year, month, day] = (post.head.date.split(' ')[0] ?? '').split('-');
    const slug = decodedSlug(post.head.slug);
    const linked = pathOf(post.head.link);
    const shapes = [linked, ...(year && month && day && slug ? [`${base}/${year}/${month}/${day}/${slug}/`, `${base}/${year}/${month}/${slug}/`] : []), ...(slug ? [`${base}/${slug}/`] : [])].filter((shape): shape is string => Boolean(shape && shape !== `${base}/`));
    redirect(`${base}/?p=${post.head.id}`, target);
    for (const shape of shapes) {
      if (shape.includes('?') || !isPage(shape)) redirect(shape, target);
      if (!shape.includes('?')) redirect(`${shape.replace(/\/$/, '')}/feed/`, target);
    }
    for (const category of post.head.categories) {
      const tag = slugify(category.name || category.slug);
      if (!tags.has(tag) || DEFAULT_CATEGORIES.has(category.slug)) continue;
      redirect(`${base}/category/${category.slug}/`, `/tags/${tag}`);
      redirect(`${base}/category/${category.slug}/feed/`, `/flux/theme/${tag}/rss.xml`);
    }
    for (const term of post.head.tags) {
      const tag = slugify(term.name || term.slug);
      if (!tags.has(tag)) continue;
      redirect(`${base}/tag/${term.slug}/`, `/tags/${tag}`);
      redirect(`${base}/tag/${term.slug}/feed/`, `/flux/theme/${tag}/rss.xml`);
    }
    redirect(`${base}/author/${post.author}/`, `/auteurs/${post.author}`);
  }
  if (planned.size > 0) {
    redirect(`${base}/feed/`, '/flux/rss.xml');
    redirect(`${base}/feed/rss2/`, '/flux/rss.xml');
    redirect(`${base}/feed/atom/`, '/flux/atom.xml');
    redirect(`${base}/?feed=rss2`, '/flux/rss.xml');
  }

  // Links of the bodies to old posts go to their pieces; to the rest of the old site, left and reported.
  const linkFor = (problems: string[]) => (href: string) => {
    const old = pathOf(href);
    if (old === null || href.startsWith('#') || href.startsWith('mailto:')) return href;
    const hash = href.includes('#') ? href.slice(href.indexOf('#')) : '';
    const clean = old.split('#')[0] ?? old;
    const found = oldPaths.get(redirectKey(clean)) ?? oldPaths.get(redirectKey(clean.split('?')[0] ?? clean));
    if (found) return `${found}${hash}`;
    const absolute = new URL(href, site).href;
    problems.push(`le lien ${absolute} mène à une page de l’ancien site qui n’est pas importée : laissé tel quel.`);
    return absolute;
  };

  // Images: found in --uploads by their address under wp-content/uploads/.
  const uploadsPath = (address: string): string | null => {
    const match = /\/wp-content\/uploads\/([^?#]+)/.exec(address);
    if (!match?.[1]) return null;
    try {
      return decodeURIComponent(match[1]);
    } catch {
      return match[1];
    }
  };
  const copied = new Map<string, CopiedImage | null>();
  const copy = async (relative: string): Promise<CopiedImage | null> => {
    if (!options.uploads) return null;
    if (!copied.has(relative)) {
      const original = relative.replace(/-\d+x\d+(\.[a-z0-9]+)$/i, '$1');
      const found = [relative, original].find((candidate) => existsSync(path.join(options.uploads ?? '', candidate)));
      copied.set(relative, found ? await copyImage(path.join(options.uploads, found), found, options) : null);
    }
    return copied.get(relative) ?? null;
  };

  // Authors: one file per WordPress author met, unless the magazine has one of that slug.
  const createdAuthors = new Set<string>();
  const ensureAuthor = (post: Planned) => {
    if (index.authors.has(post.author) || createdAuthors.has(post.author)) return;
    createdAuthors.add(post.author);
    const known = scan.authors.get(post.head.author);
    if (!known) report.problem(`l’auteur « ${post.head.author} » de l’article ${described(post.head)} n’est pas dans la liste des auteurs de l’export : fiche créée à son identifiant.`);
    const name = known?.displayName || post.head.author || 'La rédaction';
    if (!options.dryRun) {
      writeAtomically(
        path.join(options.contentDir, 'authors', `${post.author}.mdx`),
        authorMdx({ name, role: `A publié sur « ${siteTitle} »`, about: `${name} a publié ces articles sur ${siteTitle} (${site.host}), repris par Place des Réseaux.` }),
      );
    }
  };

  const total = planned.size;
  let done = 0;
  const source = `wordpress:${site.host}${base}`;
  const stop = await eachWordpressPost(options.file, async (post) => {
    const plan = planned.get(post.id);
    if (!plan || plan.head.type !== post.type) return;
    if (!plan.existing) await writePiece(post, plan);
    await importComments(post, plan);
    done++;
    if (done % 250 === 0 || done === total) options.progress(`${done.toLocaleString('fr-FR')} / ${total.toLocaleString('fr-FR')} articles, ${report.figure('comments').toLocaleString('fr-FR')} commentaires`);
  });
  if (stop && !scan.stop) report.problem(`le fichier a changé pendant l’import (ligne ${stop.line}) : relancez-le.`);

  async function writePiece(post: WordpressPost, plan: Planned): Promise<void> {
    const problems: string[] = [];
    const images = new Map<string, KeptImage | null>();
    for (const address of imageSources(post.content)) {
      const relative = uploadsPath(address);
      images.set(address, relative ? await copy(relative) : null);
    }
    const body = htmlToMdx(post.content, {
      image: (address) => images.get(address) ?? null,
      attachmentAlt: (id) => scan.attachments.get(id)?.alt ?? '',
      link: linkFor(problems),
    });
    problems.push(...body.problems);
    let cover: { src: string; alt: string } | undefined;
    const thumbnail = post.meta._thumbnail_id ? scan.attachments.get(post.meta._thumbnail_id) : undefined;
    if (post.meta._thumbnail_id && !thumbnail) problems.push(`l’image mise en avant (fichier joint n° ${post.meta._thumbnail_id}) n’est pas dans l’export : pas de couverture.`);
    if (thumbnail) {
      const relative = thumbnail.file || uploadsPath(thumbnail.url);
      const image = relative ? await copy(relative) : null;
      if (!image) problems.push(`l’image mise en avant ${thumbnail.url} ${options.uploads ? 'n’est pas dans le dossier --uploads ou n’est pas une image JPEG, PNG, WebP, AVIF ou GIF' : 'n’est pas copiée (donnez le dossier wp-content/uploads avec --uploads)'} : pas de couverture.`);
      else if (!thumbnail.alt) problems.push(`l’image mise en avant ${thumbnail.url} n’a pas de texte alternatif : pas de couverture (ajoutez « cover: { src: "${image.src}", alt: "…" } » à la main).`);
      else cover = { src: image.src, alt: thumbnail.alt };
    }
    const excerpt = plainText(post.excerpt).replace(/\s+/g, ' ').trim();
    const summary = excerpt ? firstSentences(excerpt, 300) : firstSentences(plainText(post.content.slice(0, 4000)));
    if (!body.markdown) problems.push('le texte est vide.');
    for (const problem of problems) report.problem(`${plan.key} : ${problem}`);
    ensureAuthor(plan);
    const file = path.join(options.contentDir, `${plan.key}.mdx`);
    if (!options.dryRun) {
      writeAtomically(
        file,
        pieceMdx({
          title: post.title.trim(),
          summary: summary || post.title.trim(),
          date: isoDate(post.date, post.dateGmt),
          tags: plan.tags,
          author: plan.author,
          ...(cover && { cover }),
          ...(plan.interviewee && { interviewee: plan.interviewee }),
          importedFrom: sourceOf(post.id),
          body: body.markdown || '_Texte vide dans l’export WordPress._',
        }),
      );
    }
    report.count('pieces');
  }

  async function importComments(post: WordpressPost, plan: Planned): Promise<void> {
    const approved = new Map<string, WordpressComment>();
    for (const comment of post.comments) {
      if (comment.type === 'pingback' || comment.type === 'trackback') {
        report.count('comments-pingbacks');
      } else if (comment.approved !== '1') {
        report.count(comment.approved === 'spam' ? 'comments-spam' : comment.approved === 'trash' ? 'comments-trash' : 'comments-pending');
      } else if (comment.badBytes) {
        report.problem(`${plan.key} : le commentaire n° ${comment.id} de « ${comment.author} » contient des octets illisibles : ignoré.`);
      } else {
        approved.set(comment.id, comment);
      }
    }
    const topOf = (comment: WordpressComment): { top: string | null; missing: string | null } => {
      let current = comment;
      for (let depth = 0; depth < 100 && current.parent && current.parent !== '0'; depth++) {
        const parent = approved.get(current.parent);
        if (!parent) return { top: current === comment ? null : current.id, missing: current.parent };
        current = parent;
      }
      return { top: current === comment ? null : current.id, missing: null };
    };
    const authorId = scan.authors.get(post.author)?.id;
    // Those a previous run stored are neither converted nor looked at again.
    const stored = await storedSourceIds(options.database.pool, [...approved.keys()].map((id) => `${source}:${id}`));
    report.count('comments-already', stored.size);
    const comments: ImportedComment[] = [];
    for (const comment of approved.values()) {
      if (stored.has(`${source}:${comment.id}`)) continue;
      const body = commentText(comment.content);
      const createdAt = commentDate(comment);
      if (!body || !createdAt) {
        report.problem(`${plan.key} : le commentaire n° ${comment.id} de « ${comment.author} » ${body ? 'n’a pas de date lisible' : 'est vide'} : ignoré.`);
        continue;
      }
      const { top, missing } = topOf(comment);
      if (missing) report.problem(`${plan.key} : le commentaire n° ${comment.id} de « ${comment.author} » répond au n° ${missing}, absent de l’export ou non approuvé : placé au premier niveau${top ? ' de son fil' : ''}.`);
      comments.push({
        sourceId: `${source}:${comment.id}`,
        parentSourceId: top ? `${source}:${top}` : null,
        author: importedName(comment.author),
        email: importedEmail(comment.email),
        ip: comment.ip || null,
        createdAt,
        body,
        badge: authorId && comment.userId === authorId ? 'auteur' : null,
      });
    }
    await recordComments(report, options.database, plan.key, comments, { dryRun: options.dryRun, source });
  }

  const merged = mergeRedirects(options.contentDir, redirects, { dryRun: options.dryRun, isPage, isTarget: isPage });
  for (const conflict of merged.conflicts) report.problem(`${path.join(options.contentDir, REDIRECTS_FILE)} redirige déjà ${conflict.from} vers ${conflict.kept} : gardé (l’import l’aurait envoyé vers ${conflict.wanted}).`);
  for (const line of merged.problems) report.problem(`${line} : ${path.join(options.contentDir, REDIRECTS_FILE)} n’a pas été modifié.`);
  for (const line of merged.refused) report.skip(line);

  const already = [...planned.values()].filter((post) => post.existing).length;
  const verb = options.dryRun ? 'seraient' : 'sont';
  const summary = [
    `${options.dryRun ? 'Simulation (--dry-run), rien n’a été écrit. ' : ''}Export WordPress de « ${siteTitle} » (${site.origin}${base}${scan.site.version ? `, WXR ${scan.site.version}` : ''}) :`,
    `- ${plural(report.figure('pieces'), 'pièce')} ${verb} écrites dans ${options.contentDir}/ (${plural(already, 'déjà importée')}), ${plural(createdAuthors.size, 'fiche')} d’auteur ${options.dryRun ? 'à créer' : 'créée(s)'} ;`,
    `- ${plural(report.figure('comments'), 'commentaire')} ${verb} enregistrés (${plural(report.figure('comments-already'), 'déjà enregistré')}) ; écartés : ${plural(report.figure('comments-pingbacks'), 'rétrolien')}, ${report.figure('comments-pending')} en attente, ${plural(report.figure('comments-spam'), 'indésirable')}, ${report.figure('comments-trash')} à la corbeille ;`,
    `- ${plural(merged.written, 'ancienne adresse', 'anciennes adresses')} ${options.dryRun ? 'seraient ajoutées' : 'ajoutées'} à ${path.join(options.contentDir, REDIRECTS_FILE)}.`,
  ];
  return { report, summary };
}
