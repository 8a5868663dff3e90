import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wrk } from '../../../bench/lib';
import { writeNginxConfig } from '../../../scripts/local-nginx';
import { SITE_URL, startCluster, within, type Cluster } from '../setup/cluster';
import { Visitor, pieceApi, signInAs } from '../setup/helpers';
import { comments, openEvents, within as withinStream } from '../setup/live-events';
import { freePort, waitForUrl } from '../setup/next-server';

// Two instances of one build, each from its own copy, on one PostgreSQL and one Redis: what is
// written through one shows on the other's pages, listings and API within a second, rate limits
// hold across both, Redis may stop and come back, and a rolling restart behind nginx loses no
// reader's request; behind nginx, a picture is encoded once for both, in each browser's format.

const KEY = 'interviews/valerie-march-place-des-reseaux';
const PIECE = `/${KEY}`;
const LISTING = '/interviews';
const api = pieceApi(KEY);
const RATINGS_PER_MINUTE = 8;

let cluster: Cluster;
let a: string;
let b: string;
let backups: string;

const text = async (url: string) => (await fetch(url)).text();
/** The card of the piece in a listing: its title, then its figures. */
const card = async (base: string) => {
  const html = await text(`${base}${LISTING}`);
  const start = html.indexOf('href="/interviews/valerie-march-place-des-reseaux"');
  // The card alone: up to the end of its article (the footer links « Charte des commentaires »).
  return start < 0 ? '' : html.slice(start, html.indexOf('</article>', start));
};
const figures = async (base: string) => (await new Visitor(undefined, SITE_URL).get(`${base}${api.rating}`)).body;

/** Everything a reader of instance `base` sees of a change, within a second. */
async function showsWithinASecond(base: string, what: { page?: string; notOnPage?: string; card?: string; api?: (body: Record<string, unknown>) => boolean }) {
  const elapsed = await within(1000, async () => {
    const page = what.page || what.notOnPage ? await text(`${base}${PIECE}`) : '';
    return (
      (!what.page || page.includes(what.page)) &&
      (!what.notOnPage || !page.includes(what.notOnPage)) &&
      (!what.card || (await card(base)).includes(what.card)) &&
      (!what.api || what.api(await figures(base)))
    );
  });
  expect(elapsed, `${base} : ${JSON.stringify({ ...what, api: Boolean(what.api) })} pas visible en 1 s`).not.toBeNull();
}

beforeAll(async () => {
  // The cluster's database is an embedded one: its last backup is read from BACKUP_DIR, as `npm start` writes it.
  backups = mkdtempSync(path.join(tmpdir(), 'pdr-cluster-backups-'));
  writeFileSync(path.join(backups, 'status.json'), JSON.stringify({ lastSuccess: { at: new Date().toISOString(), file: 'place-des-reseaux.tar.gz', bytes: 1, rows: 1 } }));
  cluster = await startCluster(2, { RATE_RATINGS_PER_MINUTE_READER: String(RATINGS_PER_MINUTE), COMMENT_MODERATION: 'pre', DATABASE_EMBEDDED: '1', BACKUP_DIR: backups });
  [a, b] = cluster.instances.map((instance) => instance.url) as [string, string];
  // Both instances have served the piece, its listing and its figures: each holds them in memory.
  for (const base of [a, b]) for (const path of [PIECE, LISTING, api.rating, api.comments]) expect((await fetch(`${base}${path}`)).status).toBe(200);
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
  if (backups) rmSync(backups, { recursive: true, force: true });
});

describe('two instances, one Redis', () => {
  it('answers /api/health with the database and the shared cache', async () => {
    const response = await fetch(`${a}/api/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok', cache: 'redis' });
  });

  it('tells a reader whose live stream is on B of a comment written through A, within 2 s', async () => {
    const stream = await openEvents(`${b}/api/pieces/${KEY}/events`);
    try {
      expect(await withinStream(2000, () => stream.text().includes('retry: 5000'))).not.toBeNull();
      const writer = new Visitor(undefined, SITE_URL);
      await signInAs(writer, 'lectrice-instances@exemple.fr', 'reader', 'Lectrice', cluster.databaseUrl);
      const posted = await writer.post(`${a}${api.comments}`, { author: 'Lectrice', body: 'Écrit sur A, annoncé sur B.' });
      expect(posted.status).toBe(201);
      const id = (posted.body.comment as { id: string }).id;
      expect(await withinStream(2000, () => comments(stream).some((comment) => comment.id === id)), 'annoncé sur B en 2 s').not.toBeNull();
      expect(comments(stream).find((comment) => comment.id === id)).toMatchObject({ author: 'Lectrice', body: 'Écrit sur A, annoncé sur B.', parentId: null });
      // Deleted at once, so that the figures the next tests check are the piece's without it.
      expect((await writer.delete(`${a}/api/comments/${id}`)).status).toBe(200);
    } finally {
      stream.close();
    }
  });

  it('shows a rating made on A on B’s page, card and API within a second, and the other way round', async () => {
    expect(await (await fetch(`${b}${PIECE}`)).text()).toContain('Aucun avis');
    expect((await new Visitor(undefined, SITE_URL).put(`${a}${api.rating}`, { value: 4 })).status).toBe(200);
    await showsWithinASecond(b, { page: '4/5', card: '1 avis', api: (body) => body.count === 1 });
    expect((await new Visitor(undefined, SITE_URL).put(`${b}${api.rating}`, { value: 2 })).status).toBe(200);
    await showsWithinASecond(a, { page: '3/5', card: '2 avis', api: (body) => body.count === 2 && body.average === 3 });
  });

  it('shows a comment approved on A, edited on B and deleted on A, on the other instance each time', async () => {
    const author = new Visitor(undefined, SITE_URL);
    const posted = await author.post(`${a}${api.comments}`, { author: 'Camille', body: 'Deux instances, un seul fil de discussion.' });
    expect(posted.status).toBe(201);
    const id = (posted.body.comment as { id: string }).id;
    const editor = new Visitor(undefined, SITE_URL);
    await signInAs(editor, 'redaction-instances@exemple.fr', 'editor', null, cluster.databaseUrl);
    expect((await editor.post(`${a}/api/moderation/comments`, { ids: [id], action: 'approve' })).status).toBe(200);
    await showsWithinASecond(b, { page: 'Deux instances, un seul fil de discussion.', card: '1 commentaire' });

    expect((await author.patch(`${b}/api/comments/${id}`, { body: 'Deux instances, un fil, modifié sur B.' })).status).toBe(200);
    await showsWithinASecond(a, { page: 'Deux instances, un fil, modifié sur B.', notOnPage: 'un seul fil de discussion' });

    expect((await author.delete(`${a}/api/comments/${id}`)).status).toBe(200);
    await showsWithinASecond(b, { notOnPage: 'modifié sur B.' });
    expect(await card(b)).not.toContain('commentaire');
  });

  it('closes a piece’s comments through A: B refuses the next comment and its page says so within a second; reopened the same way', async () => {
    const editor = new Visitor(undefined, SITE_URL);
    await signInAs(editor, 'redaction-fermeture@exemple.fr', 'editor', null, cluster.databaseUrl);
    const closed = 'Les commentaires sont fermés pour ce contenu.';
    expect((await editor.put(`${a}/api/moderation/pieces/${KEY}`, { comments: 'closed' })).status).toBe(200);
    const refused = await within(1000, async () => {
      const answer = await new Visitor(undefined, SITE_URL).post(`${b}${api.comments}`, { author: 'Tardif', body: 'Sur B, après la fermeture.' });
      return answer.status === 403 && (answer.body.error as { code?: string } | undefined)?.code === 'comments_closed';
    });
    expect(refused, 'B n’a pas refusé en 1 s').not.toBeNull();
    await showsWithinASecond(b, { page: closed });
    expect((await editor.put(`${a}/api/moderation/pieces/${KEY}`, { comments: 'open' })).status).toBe(200);
    await showsWithinASecond(b, { notOnPage: closed });
    expect((await new Visitor(undefined, SITE_URL).post(`${b}${api.comments}`, { author: 'Revenu', body: 'Sur B, rouvert.' })).status).toBe(201);
  });

  it('counts a reader’s per-minute allowance across both instances, as on one', async () => {
    const reader = new Visitor(undefined, SITE_URL);
    const statuses: number[] = [];
    for (let i = 0; i < RATINGS_PER_MINUTE + 2; i++) {
      statuses.push((await reader.put(`${i % 2 === 0 ? a : b}${api.rating}`, { value: 1 + (i % 5) })).status);
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(RATINGS_PER_MINUTE);
    expect(statuses.slice(RATINGS_PER_MINUTE)).toEqual([429, 429]);
  });

  it('keeps serving and writing while Redis is stopped, and shows fresh figures on both once it is back', async () => {
    const before = (await figures(a)).count as number;
    await cluster.redis.stop();
    for (const base of [a, b]) {
      for (const path of [PIECE, LISTING, api.rating]) expect((await fetch(`${base}${path}`)).status, `${base}${path}`).toBe(200);
    }
    const health = await fetch(`${a}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'degraded', cache: 'unavailable' });
    expect((await new Visitor(undefined, SITE_URL).put(`${a}${api.rating}`, { value: 5 })).status).toBe(200);
    const comment = await new Visitor(undefined, SITE_URL).post(`${b}${api.comments}`, { author: 'Sam', body: 'Écrit pendant que Redis dormait.' });
    expect(comment.status).toBe(201);

    await cluster.redis.start();
    for (const base of [a, b]) {
      const elapsed = await within(5000, async () => (await figures(base)).count === before + 1 && (await card(base)).includes(`${before + 1} avis`));
      expect(elapsed, `${base} après le retour de Redis`).not.toBeNull();
    }
    for (const base of [a, b]) {
      const healthy = await within(5000, async () => ((await (await fetch(`${base}/api/health`)).json()) as { status: string }).status === 'ok');
      expect(healthy, `${base}/api/health après le retour de Redis`).not.toBeNull();
    }
  });
});

// deploy/'s Prometheus, as an operator runs it (Debian's package), pointed at both instances'
// metrics ports; its alert rules checked by promtool.
describe('Prometheus scraping both instances', () => {
  let prometheus: ChildProcess | undefined;
  let promDir: string;

  afterAll(async () => {
    if (prometheus && prometheus.exitCode === null) {
      prometheus.kill('SIGTERM');
      await new Promise((resolve) => prometheus?.once('exit', resolve));
    }
    if (promDir) rmSync(promDir, { recursive: true, force: true });
  });

  it('accepts deploy/prometheus.yml and its alert rules (promtool)', () => {
    for (const args of [['check', 'config', 'deploy/prometheus.yml'], ['check', 'rules', 'deploy/alerts.yml']]) {
      const checked = spawnSync('promtool', args, { encoding: 'utf8' });
      expect(checked.error, 'promtool (paquet Debian prometheus) est introuvable').toBeUndefined();
      expect(checked.status, checked.stdout + checked.stderr).toBe(0);
    }
  });

  it('scrapes both with deploy/’s configuration, answers the request rate per route for each, and knows every metric the alerts and the dashboard use', async () => {
    promDir = mkdtempSync(path.join(tmpdir(), 'pdr-prometheus-'));
    const targets = cluster.instances.map((instance) => `'127.0.0.1:${instance.metricsPort}'`).join(', ');
    const production = readFileSync('deploy/prometheus.yml', 'utf8');
    expect(production).toContain("targets: ['127.0.0.1:9464', '127.0.0.1:9465']");
    const config = production
      .replace("targets: ['127.0.0.1:9464', '127.0.0.1:9465']", `targets: [${targets}]`)
      .replace('scrape_interval: 15s', 'scrape_interval: 1s')
      .replace('  - alerts.yml', `  - ${path.resolve('deploy/alerts.yml')}`);
    writeFileSync(path.join(promDir, 'prometheus.yml'), config);
    const port = await freePort();
    const server = `http://127.0.0.1:${port}`;
    prometheus = spawn('prometheus', [`--config.file=${path.join(promDir, 'prometheus.yml')}`, `--storage.tsdb.path=${path.join(promDir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`], { stdio: 'ignore' });
    await waitForUrl(`${server}/-/ready`, 30_000, () => '');
    const ask = async (promql: string) => {
      const response = await fetch(`${server}/api/v1/query?query=${encodeURIComponent(promql)}`);
      return ((await response.json()) as { data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> } }).data.result;
    };
    const instances = cluster.instances.map((instance) => `127.0.0.1:${instance.metricsPort}`).sort();
    const up = await within(20_000, async () => (await ask('up{job="place-des-reseaux"} == 1')).length === 2);
    expect(up, 'les deux instances lues par Prometheus').not.toBeNull();
    // Readers keep reading the piece on both while Prometheus scrapes every second.
    let rates: Array<{ metric: Record<string, string>; value: [number, string] }> = [];
    const answered = await within(30_000, async () => {
      for (const base of [a, b]) await (await fetch(`${base}${PIECE}`)).arrayBuffer();
      rates = await ask('sum by (instance, route) (rate(magazine_http_requests_total{route=~".*slug.*", route!~"/api/.*"}[5s])) > 0');
      return new Set(rates.map((rate) => rate.metric.instance)).size === 2;
    });
    expect(answered, JSON.stringify(rates)).not.toBeNull();
    expect([...new Set(rates.map((rate) => rate.metric.instance))].sort()).toEqual(instances);
    expect(rates.every((rate) => rate.metric.route === rates[0]?.metric.route)).toBe(true);
    expect((await ask('magazine_redis_up')).map((sample) => sample.value[1])).toEqual(['1', '1']);
    expect((await ask('sum by (store) (magazine_cache_operations_total)')).map((sample) => sample.metric.store)).toContain('redis');

    // Every metric the alerts and the dashboard read is one the instances expose.
    // (An instance declares each of its metrics, with or without a sample yet: its « # TYPE » lines.)
    const declared = await (await fetch(`http://127.0.0.1:${cluster.instances[0]?.metricsPort}/metrics`)).text();
    const exposed = new Set([...declared.matchAll(/^# TYPE (\S+) /gm)].map((match) => match[1] ?? ''));
    const used = [readFileSync('deploy/alerts.yml', 'utf8'), readFileSync('deploy/grafana-dashboard.json', 'utf8')]
      .flatMap((text) => [...text.matchAll(/\b((?:magazine|nodejs|process)_[a-z0-9_]+)/g)].map((match) => match[1] ?? ''))
      .map((name) => (exposed.has(name) ? name : name.replace(/_(bucket|count|sum)$/, '')));
    expect(used.length).toBeGreaterThan(20);
    expect([...new Set(used)].filter((name) => !exposed.has(name))).toEqual([]);
    expect((await ask('time() - magazine_backup_last_success_timestamp_seconds < 600')).length).toBe(2);
  }, 90_000);
});

describe('a rolling restart behind nginx', () => {
  let nginx: ChildProcess;
  let dir: string;
  let proxy: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pdr-nginx-'));
    // nginx's workers run as another user when the tests run as root.
    chmodSync(dir, 0o755);
    const port = await freePort();
    proxy = `http://127.0.0.1:${port}`;
    // The micro-cache off: every reader's request reaches an instance.
    const config = writeNginxConfig({ dir, proxyPort: port, upstreamPorts: cluster.instances.map((instance) => instance.port), microCache: false });
    nginx = spawn('nginx', ['-c', config, '-g', 'daemon off;'], { stdio: 'ignore' });
    await waitForUrl(`${proxy}/api/health`, 10_000, () => '');
  });

  afterAll(async () => {
    if (nginx.exitCode === null) {
      await new Promise<void>((resolve) => {
        nginx.once('exit', () => resolve());
        nginx.kill('SIGTERM');
      });
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps each picture once for both instances, in the format each browser reads', async () => {
    const picture = `${proxy}/_next/image?url=%2Fimages%2Fcouvertures%2Fanimer-un-hub.jpg&w=640&q=75`;
    const get = async (accept: string) => {
      const response = await fetch(picture, { headers: { accept } });
      await response.arrayBuffer();
      return [response.status, response.headers.get('content-type'), response.headers.get('x-cache')];
    };
    expect(await get('image/avif,image/webp,image/*,*/*;q=0.8')).toEqual([200, 'image/avif', 'MISS']);
    expect(await get('image/avif,image/webp,image/*,*/*;q=0.8')).toEqual([200, 'image/avif', 'HIT']);
    // A browser without AVIF after one with it: never the AVIF kept for the first.
    expect(await get('image/webp,*/*')).toEqual([200, 'image/webp', 'MISS']);
    expect(await get('image/webp,*/*')).toEqual([200, 'image/webp', 'HIT']);
    expect(await get('*/*')).toEqual([200, 'image/jpeg', 'MISS']);
  });

  it('loses no reader request while each instance in turn is stopped (SIGTERM) and started again', async () => {
    // Readers' requests: the piece, its listing, its figures and its comments, in turn.
    const script = path.join(dir, 'readers.lua');
    writeFileSync(
      script,
      `local paths = { "${PIECE}", "${LISTING}", "${api.rating}", "${api.comments}" }
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
`,
    );
    for (const path of [PIECE, LISTING, api.rating, api.comments]) expect((await fetch(`${proxy}${path}`)).status, path).toBe(200);
    const load = wrk(`${proxy}${PIECE}`, { connections: 8, seconds: 20, script });
    const restarts: string[] = [];
    await new Promise((resolve) => setTimeout(resolve, 2000));
    for (const instance of cluster.instances) {
      const stopped = Date.now();
      const before = instance.server;
      await instance.stop();
      expect(before.process.exitCode, `${instance.name} arrêtée proprement :\n${before.output().slice(-2000)}`).toBe(0);
      expect(before.output()).toContain('arrêt demandé');
      await instance.start();
      restarts.push(`${instance.name} : ${Date.now() - stopped} ms`);
      // nginx tries an instance it left aside again after fail_timeout (3 s): the operator waits
      // that long before stopping the next one (docs/exploitation.md, « Plusieurs instances »).
      await new Promise((resolve) => setTimeout(resolve, 3500));
    }
    const result = await load;
    expect(result.requests).toBeGreaterThan(100);
    expect({ non2xx: result.non2xx, socketErrors: result.socketErrors }, restarts.join(', ')).toEqual({ non2xx: 0, socketErrors: 0 });
  }, 60_000);
});
