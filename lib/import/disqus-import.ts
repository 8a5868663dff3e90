import type pg from 'pg';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseRedirects, redirectFor, REDIRECTS_FILE, type Redirects } from '@/lib/content/redirects';
import { importedEmail, importedName, recordComments, storedSourceIds, type ImportedComment } from './comment-store';
import { indexContent } from './content-files';
import { ImportReport, plural } from './report';
import { commentText } from './comment-text';
import { child, childText, hasBadBytes, own, readElements, type XmlElement } from './xml-elements';

// `npm run import -- disqus <export.xml>`: the comments of a Disqus export (« Administration →
// Exporter les commentaires »: <thread> elements, then <post> elements that name their thread and
// their parent by Disqus's id) under the pieces their threads were about. A thread is matched to a
// piece by its address: a piece's own (/articles/mon-article), or an old one that
// content/redirects.json sends to a piece (the WordPress import writes them), or WordPress's
// identifier « 123 https://ancien.fr/?p=123 ». Deleted and spam posts are left out; a reply goes
// under its top comment; a reply whose parent is left out goes to the top level (reported).

export type DisqusImportOptions = {
  file: string;
  contentDir: string;
  dryRun: boolean;
  database: { pool: pg.Pool; secret: string };
  progress: (line: string) => void;
};

type Thread = { id: string; link: string; identifier: string; title: string };
type Post = { id: string; thread: string; parent: string; message: string; createdAt: string; deleted: boolean; spam: boolean; name: string; email: string; ip: string; badBytes: boolean };

/** The export is not a Disqus one. */
export class NotDisqusError extends Error {
  override name = 'NotDisqusError';
  constructor(readonly root: string | null) {
    super(root ?? 'vide');
  }
}

const dsqId = (element: XmlElement | undefined) => element?.attributes['dsq:id'] ?? '';
const yes = (element: XmlElement, name: string) => childText(element, name) === 'true';

/** The path (and query) of an address, when it is one. */
function pathOf(address: string): { pathname: string; search: string } | null {
  try {
    const url = new URL(address, 'http://magazine.invalid');
    return { pathname: decodeURI(url.pathname), search: url.search };
  } catch {
    return null;
  }
}

export async function importDisqus(options: DisqusImportOptions): Promise<{ report: ImportReport; summary: string[] }> {
  const report = new ImportReport();
  const threads = new Map<string, Thread>();
  const posts: Post[] = [];
  let forum = '';
  const reading = await readElements(
    options.file,
    new Set(['disqus/thread', 'disqus/post']),
    (elementPath, element) => {
      if (elementPath === 'disqus/thread') {
        forum ||= childText(element, 'forum');
        threads.set(own(dsqId(element)), { id: own(dsqId(element)), link: own(childText(element, 'link')), identifier: own(childText(element, 'id')), title: own(childText(element, 'title')) });
      } else {
        const author = child(element, 'author');
        // Kept until the whole file is read (a post may come before its parent): in strings of their own.
        const deleted = yes(element, 'isDeleted');
        const spam = yes(element, 'isSpam');
        posts.push({
          id: own(dsqId(element)),
          thread: own(dsqId(child(element, 'thread'))),
          parent: own(dsqId(child(element, 'parent'))),
          message: deleted || spam ? '' : own(child(element, 'message')?.text ?? ''),
          createdAt: own(childText(element, 'createdAt')),
          deleted,
          spam,
          name: own(childText(author, 'name') || childText(author, 'username')),
          email: own(childText(author, 'email')),
          ip: own(childText(element, 'ipAddress')),
          badBytes: hasBadBytes(element),
        });
        if (posts.length % 20_000 === 0) options.progress(`${posts.length.toLocaleString('fr-FR')} messages lus`);
      }
    },
    (root, attributes) => {
      if (root !== 'disqus' || !Object.values(attributes).some((value) => /disqus\.com/.test(value))) throw new NotDisqusError(root);
    },
  );
  if (reading.root === null) throw new NotDisqusError(null);
  if (reading.stop) {
    report.problem(`le fichier ${reading.stop.kind === 'truncated' ? 's’arrête avant sa fin' : 'est mal formé'} à la ligne ${reading.stop.line} (${reading.stop.message}) : seuls les messages complets avant cette ligne sont importés.`);
  }

  // Threads to pieces.
  const index = indexContent(options.contentDir);
  const redirectsFile = path.join(options.contentDir, REDIRECTS_FILE);
  const redirects: Redirects = existsSync(redirectsFile) ? parseRedirects(readFileSync(redirectsFile, 'utf8'), { isTarget: () => true, isPage: () => false }).redirects : {};
  const pieceAt = (address: string): string | null => {
    const found = pathOf(address);
    if (!found) return null;
    const direct = found.pathname.replace(/^\/+|\/+$/g, '');
    if (index.pieces.has(direct)) return direct;
    const target = redirectFor(redirects, found.pathname, found.search)?.split(/[?#]/)[0]?.replace(/^\/+|\/+$/g, '');
    return target && index.pieces.has(target) ? target : null;
  };
  const pieceOf = new Map<string, string>();
  const used = new Set(posts.filter((post) => !post.deleted && !post.spam).map((post) => post.thread));
  for (const thread of threads.values()) {
    const identifier = /^(\d+) (https?:\/\/\S+)$/.exec(thread.identifier)?.[2] ?? thread.identifier;
    const key = pieceAt(thread.link) ?? (identifier ? pieceAt(identifier) : null);
    if (key) pieceOf.set(thread.id, key);
    else if (used.has(thread.id)) report.problem(`le fil « ${thread.title || thread.id} » (${thread.link || thread.identifier || 'sans adresse'}) ne correspond à aucune pièce du magazine : ses commentaires ne sont pas importés.`);
  }

  // Posts to comments, by piece.
  const kept = new Map<string, Post>();
  for (const post of posts) {
    if (post.deleted) report.count('deleted');
    else if (post.spam) report.count('spam');
    else if (!threads.has(post.thread)) report.problem(`le message n° ${post.id} de « ${post.name} » appartient à un fil absent de l’export (n° ${post.thread}) : ignoré.`);
    else if (!pieceOf.has(post.thread)) report.count('unmatched');
    else if (post.badBytes) report.problem(`le message n° ${post.id} de « ${post.name} » contient des octets illisibles : ignoré.`);
    else kept.set(post.id, post);
  }
  const source = `disqus:${forum || 'forum'}`;
  const byPiece = new Map<string, Post[]>();
  for (const post of kept.values()) {
    const key = pieceOf.get(post.thread) as string;
    const piecePosts = byPiece.get(key) ?? [];
    piecePosts.push(post);
    byPiece.set(key, piecePosts);
  }
  // Piece by piece: the posts a previous run stored are not converted again.
  let done = 0;
  for (const [key, piecePosts] of byPiece) {
    const stored = await storedSourceIds(options.database.pool, piecePosts.map((post) => `${source}:${post.id}`));
    report.count('comments-already', stored.size);
    const comments: ImportedComment[] = [];
    for (const post of piecePosts) {
      if (stored.has(`${source}:${post.id}`)) continue;
      let top: Post = post;
      let missing: string | null = null;
      for (let depth = 0; depth < 100 && top.parent; depth++) {
        const parent = kept.get(top.parent);
        if (!parent) {
          missing = top.parent;
          break;
        }
        top = parent;
      }
      const body = commentText(post.message);
      const createdAt = new Date(post.createdAt);
      if (!body || Number.isNaN(createdAt.getTime())) {
        report.problem(`${key} : le message n° ${post.id} de « ${post.name} » ${body ? 'n’a pas de date lisible' : 'est vide'} : ignoré.`);
        continue;
      }
      if (missing) report.problem(`${key} : le message n° ${post.id} de « ${post.name} » répond au n° ${missing}, supprimé, indésirable ou absent : placé au premier niveau${top !== post ? ' de son fil' : ''}.`);
      comments.push({
        sourceId: `${source}:${post.id}`,
        parentSourceId: top !== post ? `${source}:${top.id}` : null,
        author: importedName(post.name),
        email: importedEmail(post.email),
        ip: post.ip || null,
        createdAt,
        body,
        badge: null,
      });
    }
    await recordComments(report, options.database, key, comments, { dryRun: options.dryRun, source });
    if (++done % 250 === 0 || done === byPiece.size) options.progress(`${done.toLocaleString('fr-FR')} / ${byPiece.size.toLocaleString('fr-FR')} pièces, ${report.figure('comments').toLocaleString('fr-FR')} commentaires`);
  }
  const verb = options.dryRun ? 'seraient' : 'sont';
  const summary = [
    `${options.dryRun ? 'Simulation (--dry-run), rien n’a été écrit. ' : ''}Export Disqus${forum ? ` du forum « ${forum} »` : ''} : ${plural(threads.size, 'fil')}, ${plural(posts.length, 'message')} ;`,
    `- ${plural(report.figure('comments'), 'commentaire')} ${verb} enregistrés sous ${plural(byPiece.size, 'pièce')} (${plural(report.figure('comments-already'), 'déjà enregistré')}) ;`,
    `- écartés : ${plural(report.figure('deleted'), 'supprimé')}, ${plural(report.figure('spam'), 'indésirable')}, ${plural(report.figure('unmatched'), 'message')} d’un fil sans pièce.`,
  ];
  return { report, summary };
}
