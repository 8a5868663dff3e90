import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { CLOSED_PIECE } from './fixtures/compose-content.mjs';
import { XSS_PAYLOADS } from '../fixtures/xss-payloads';
import { startStack, type Stack } from './fixtures/stack';

// Every kind of page, and a piece under hostile comments, through the Nu Html Checker (the W3C's
// validator, vnu.jar from npm) in a single run of Java: no error allowed.
const VNU_JAR = String(createRequire(import.meta.url)('vnu-jar'));
// A small heap and the serial collector start fast; the checker's schema wants a deep thread stack
// (it overflowed at 1 MB here under some JIT settings).
const JAVA = ['-Xss4m', '-Xmx256m', '-XX:+UseSerialGC'];
const PIECE = '/articles/archive-08';
// Each kind of page: its file name for the report, its address, and the status it answers.
const PAGES: [string, string, number][] = [
  ['accueil', '/', 200],
  ['interviews', '/interviews', 200],
  ['articles', '/articles', 200],
  ['articles-page-2', '/articles/page/2', 200],
  ['interview', '/interviews/valerie-march-place-des-reseaux', 200],
  ['article', '/articles/strategie-des-petits-cailloux', 200],
  // Imported from WordPress (scripts/test.mjs, npm run import): figure, pull quote, table of links, comments.
  ['article-importe', '/articles/reseauter-sans-s-epuiser', 200],
  ['article-importe-classique', '/articles/le-ton-juste-en-2011', 200],
  ['themes', '/tags', 200],
  ['theme', '/tags/savoir-vivre', 200],
  ['auteurs', '/auteurs', 200],
  ['auteur', '/auteurs/nelly-lambert', 200],
  ['recherche', '/recherche', 200],
  ['lettre', '/lettre', 200],
  ['les-plus-apprecies', '/les-plus-apprecies', 200],
  ['commentaires-recents', `${PIECE}/commentaires?tri=recents`, 200],
  ['commentaires-utiles', `${PIECE}/commentaires?tri=utiles`, 200],
  ['contenu-ferme', `/${CLOSED_PIECE}`, 200],
  ['lettre-notice', '/lettre?inscription=adresse', 200],
  ['lettre-confirmer', '/lettre/confirmer?abonne=x&rythme=each&date=1&jeton=y', 200],
  ['lettre-desinscription', '/lettre/desinscription?abonne=x&jeton=y', 200],
  ['connexion', '/connexion', 200],
  ['charte', '/charte', 200],
  ['transparence', '/transparence', 200],
  ['transparence-trimestre', '/transparence?trimestre=2026-3', 200],
  ['confidentialite', '/confidentialite', 200],
  ['article-inconnu', '/articles/nexiste-pas', 404],
  ['page-inconnue', '/cette-page-nexiste-pas', 404],
];
// Names and texts that must come out as text, and as valid HTML: markup, quotes, ampersands (bare
// and as entities), a link carrying them, emoji, bidirectional and zero-width marks, line breaks.
const HOSTILE = [
  { author: '<script>alert(1)</script>', body: '<script>alert("x")</script> </p></article><p>fin' },
  { author: 'Zoé "Zaza" O’Neil & fils', body: 'Guillemets "doubles", \'simples\', « français » ; & seule, &amp; &lt;b&gt; &#x27; &copy' },
  { author: '👩🏽‍💻 Émoji 🎉', body: 'Bravo 👏🏽 ! 🇫🇷 👨‍👩‍👧‍👦 😀 — des caractères hors du plan de base.' },
  { author: '\u202Egnp.exe', body: 'De droite à gauche : \u200Fمرحبا بالعالم\u200F, \u202Bimbriqué\u202C et \u2067isolé\u2069 \u200E.' },
  { author: 'Lien', body: 'Voir https://exemple.fr/?a=1&b="2"&c=<3> et https://exemple.fr/chemin#ancre.' },
  { author: 'Balises', body: '<!-- commentaire --> ]]> <![CDATA[ x ]]> </textarea></title><style>*{}</style>' },
  { author: 'Lignes', body: 'Ligne 1\nLigne 2\n\n\nParagraphe\r\n\tavec tabulation' },
  { author: 'Zéro\u200Blargeur', body: '<\u200Bscript>alert(1)</script> jav\u200Bascript:alert(1)' },
];
let stack: Stack;
let folder = '';

// Comments published at once, on a stack of their own: the piece's HTML shows them to everyone.
test.beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'pdr-vnu-'));
  stack = await startStack({ COMMENT_MODERATION: 'post', COMMENT_MAX_LINKS: '10', RATE_COMMENTS_PER_MINUTE_READER: '1000', RATE_COMMENTS_PER_MINUTE_ADDRESS: '1000' });
});
test.afterAll(async () => {
  await stack?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

async function comment(input: { author: string; body: string; parentId?: string; email?: string }, cookie = ''): Promise<string> {
  const response = await fetch(`${stack.baseUrl}/api/pieces${PIECE}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: stack.baseUrl, ...(cookie && { cookie }) },
    body: JSON.stringify(input),
  });
  expect(response.status, `${input.author}: ${input.body}`).toBe(201);
  const { comment } = (await response.json()) as { comment: { id: string; status: string } };
  expect(comment.status, input.author).toBe('published');
  return comment.id;
}

/** A signed-in editor's session cookie on the stack. */
async function editorCookie(): Promise<string> {
  const client = new pg.Client({ connectionString: stack.databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ id: string }>("INSERT INTO users (email, name, role) VALUES ('vnu-redaction@exemple.fr', 'Rédaction & « Cie »', 'editor') RETURNING id");
  await client.query("INSERT INTO sessions (session_token, user_id, expires) VALUES ('vnu-editor', $1, now() + interval '1 day')", [rows[0]?.id]);
  await client.end();
  return 'next-auth.session-token=vnu-editor';
}

async function html(url: string, status = 200, init: RequestInit = {}): Promise<string> {
  const response = await fetch(`${stack.baseUrl}${url}`, init);
  expect(response.status, url).toBe(status);
  const text = await response.text();
  expect(text, url).toMatch(/^<!DOCTYPE html>/i);
  return text;
}

type VnuMessage = { type: string; url: string; lastLine?: number; firstColumn?: number; message: string; extract?: string };

test('every kind of page, and a piece under hostile comments, is valid HTML', async () => {
  // More top-level comments than a page holds, so the next ones have a page of their own; the
  // whole corpus of hostile strings as replies, shown with their parent.
  const ids: string[] = [];
  for (const input of [...HOSTILE, ...HOSTILE.slice(0, 4)]) ids.push(await comment(input));
  const replies = XSS_PAYLOADS.map((payload, i) => ({
    author: payload.trim() && payload.length <= 60 && !/[\n\r\t]/.test(payload) ? payload : `Lecteur ${i}`,
    body: `Réponse ${i} : ${payload}`,
    parentId: ids[i % 10],
  }));
  for (let start = 0; start < replies.length; start += 8) await Promise.all(replies.slice(start, start + 8).map((reply) => comment(reply)));
  // The newsroom's marks: a « Coup de cœur » (the strip above the thread) and an editor's badged reply.
  const editor = await editorCookie();
  const featured = await fetch(`${stack.baseUrl}/api/moderation/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: stack.baseUrl, cookie: editor },
    body: JSON.stringify({ ids: [ids[1], ids[4]], action: 'feature' }),
  });
  expect(featured.status).toBe(200);
  await comment({ author: 'Rédaction', body: 'La rédaction vous répond.', parentId: ids[0] }, editor);
  let piece = '';
  await expect.poll(async () => (piece = await html(PIECE)).includes('La rédaction vous répond.'), { timeout: 15_000 }).toBe(true);
  expect(piece).toContain('coups-de-coeur-titre');
  const more = /href="([^"]*\/commentaires\?apres=[^"]+)"/.exec(piece)?.[1]?.replaceAll('&amp;', '&');
  expect(more, 'the link to the next comments').toBeTruthy();

  const files: Record<string, string> = { 'contenu-commente': piece, 'commentaires-suivants': await html(more ?? '') };
  for (const [name, url, status] of PAGES) files[name] = await html(url, status);
  // The desk, with a reported comment in its queue (whose author gave an email: « Écrire à
  // l’auteur » shows), and that reader's history with the desk's message and an editor's note.
  const reported = await comment({ author: HOSTILE[1]?.author ?? '', body: HOSTILE[1]?.body ?? '', email: 'zoe@exemple.fr' });
  const desk = async (path: string, body: unknown, cookie = editor) => {
    const answer = await fetch(`${stack.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: stack.baseUrl, cookie }, body: JSON.stringify(body) });
    expect(answer.status, path).toBeLessThan(300);
  };
  await desk(`/api/comments/${reported}/reports`, { reason: 'abuse', details: HOSTILE[0]?.body }, '');
  await desk('/api/moderation/messages', { commentId: reported, subject: 'Votre commentaire & « ses » <guillemets>', text: HOSTILE[5]?.body });
  await desk('/api/moderation/notes', { commentId: reported, text: HOSTILE[6]?.body });
  await desk('/api/moderation/bans', { commentId: ids[0], kind: 'reader', reason: 'Essai <b>du</b> pupitre', duration: '24h' });
  const lists = await fetch(`${stack.baseUrl}/api/moderation/words`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', origin: stack.baseUrl, cookie: editor },
    body: JSON.stringify({ refused: ['<b>gras</b>', 'Zoé « Zaza » & fils'], review: ['</textarea><script>x</script>', 'œuvre d’art'] }),
  });
  expect(lists.status).toBe(200);
  // A reader from LinkedIn, for the audience's charts and tables to show something.
  const beacon = await fetch(`${stack.baseUrl}/api/views`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', 'sec-fetch-site': 'same-origin', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36' },
    body: JSON.stringify({ path: '/interviews/valerie-march-place-des-reseaux', referrer: 'https://www.linkedin.com/', utmSource: 'lettre', utmCampaign: 'essai' }),
  });
  expect(beacon.status).toBe(204);
  const deskPages: [string, string][] = [
    ['redaction-audience', '/redaction/audience?periode=7j'],
    ['redaction-audience-annee', '/redaction/audience?periode=12m&tri=titre'],
    ['redaction-audience-contenu', '/redaction/audience/interviews/valerie-march-place-des-reseaux?periode=30j'],
    ['redaction', '/redaction'],
    ['redaction-commentaires', '/redaction/commentaires'],
    ['redaction-bannis', '/redaction/bannis'],
    ['redaction-journal', '/redaction/journal'],
    ['redaction-contenus', '/redaction/contenus'],
    ['redaction-lettre', '/redaction/lettre'],
    ['redaction-mots', '/redaction/mots'],
    ['redaction-lecteur', `/redaction/lecteurs?commentaire=${reported}`],
    ['redaction-lecteur-banni', `/redaction/lecteurs?commentaire=${ids[0]}`],
  ];
  for (const [name, url] of deskPages) files[name] = await html(url, 200, { headers: { cookie: editor } });
  expect(files.redaction, 'a comment waits in the queue').toContain('Publié, signalé');
  expect(files['redaction-audience']).toContain('Lettres d’essai de la rédaction');
  expect(files['redaction-lecteur']).toContain('Votre commentaire &amp; « ses » &lt;guillemets&gt;');
  // « Signaler un contenu illicite » about a published comment (DSA art. 16).
  files['signalement'] = await html(`/signalement?commentaire=${ids[0]}`);
  // The page that gives back a comment sent to a closed piece.
  files['commentaire-refuse'] = await html(`/${CLOSED_PIECE}/commenter`, 403, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: stack.baseUrl },
    body: new URLSearchParams({ author: 'Tardif', body: HOSTILE[0]?.body ?? '' }).toString(),
  });
  const paths = Object.entries(files).map(([name, text]) => {
    const file = path.join(folder, `${name}.html`);
    writeFileSync(file, text);
    return file;
  });

  const vnu = spawnSync('java', [...JAVA, '-jar', VNU_JAR, '--format', 'json', '--errors-only', '--stdout', ...paths], { encoding: 'utf8' });
  expect(vnu.error, 'Java is needed: scripts/ensure-java.sh installs it').toBeUndefined();
  expect(vnu.stdout, vnu.stderr).toMatch(/^\{/);
  const errors = (JSON.parse(vnu.stdout) as { messages: VnuMessage[] }).messages.filter((message) => message.type !== 'info');
  const report = errors.map((error) => `${path.basename(error.url)}:${error.lastLine ?? '?'}:${error.firstColumn ?? '?'} ${error.message}\n    ${error.extract?.replace(/\n/g, '⏎') ?? ''}`);
  expect(errors.length, `The Nu Html Checker finds ${errors.length} error(s):\n${report.join('\n')}`).toBe(0);
});
