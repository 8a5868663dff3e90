// deploy/nginx.conf, made runnable as an ordinary process on this machine for the benchmarks and
// the tests: only its ports, its upstream instances and its folders change (and, on request, the
// micro-cache is switched off), so what is measured is the production file.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type LocalNginx = {
  /** Everything nginx writes: configuration, pid, logs, cache. */
  dir: string;
  /** The port of deploy/nginx.conf's server. */
  proxyPort: number;
  /** The instances of its upstream, in place of 3000 and 3001. */
  upstreamPorts: number[];
  /** A plain static server on `dir`/www as well (the benchmark's reference). */
  staticPort?: number;
  microCache?: boolean;
};

/** Writes `dir`/nginx.conf and returns its path (run it with `nginx -c <path>`). */
export function writeNginxConfig({ dir, proxyPort, upstreamPorts, staticPort, microCache = true }: LocalNginx): string {
  mkdirSync(path.join(dir, 'www'), { recursive: true });
  mkdirSync(path.join(dir, 'cache'), { recursive: true });
  mkdirSync(path.join(dir, 'cache-images'), { recursive: true });
  const production = readFileSync(path.resolve('deploy/nginx.conf'), 'utf8');
  const servers = /^ {2}server 127\.0\.0\.1:300[01] (.*);\n/gm;
  if ((production.match(servers) ?? []).length !== 2) throw new Error('deploy/nginx.conf n’a plus ses deux lignes « server 127.0.0.1:3000/3001 » : mettez scripts/local-nginx.ts à jour.');
  const replacements: Array<[string | RegExp, string]> = [
    ['/var/cache/nginx/place-des-reseaux-images', `${dir}/cache-images`],
    ['/var/cache/nginx/place-des-reseaux ', `${dir}/cache `],
    [servers, ''],
    ['  keepalive 32;', `${upstreamPorts.map((port) => `  server 127.0.0.1:${port} max_fails=1 fail_timeout=3s;\n`).join('')}  keepalive 32;`],
    ['listen 80;', `listen 127.0.0.1:${proxyPort};`],
    [/\/etc\/nginx\/place-des-reseaux-redirects\//g, `${dir}/redirects/`],
    ...(microCache ? [] : ([['    proxy_cache pdr_pages;', '    proxy_cache off;']] as Array<[string, string]>)),
  ];
  const proxy = replacements.reduce((text, [from, to]) => {
    if (typeof from === 'string' && !text.includes(from)) throw new Error(`deploy/nginx.conf ne contient plus « ${from} » : mettez scripts/local-nginx.ts à jour.`);
    return text.replace(from, to);
  }, production);
  const file = path.join(dir, 'nginx.conf');
  writeFileSync(file, `worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp-body;
  proxy_temp_path ${dir}/tmp-proxy;
  fastcgi_temp_path ${dir}/tmp-fastcgi;
  uwsgi_temp_path ${dir}/tmp-uwsgi;
  scgi_temp_path ${dir}/tmp-scgi;
  default_type text/html;
${staticPort === undefined ? '' : `  server {
    listen 127.0.0.1:${staticPort};
    root ${dir}/www;
  }
`}${proxy}
}
`);
  return file;
}
