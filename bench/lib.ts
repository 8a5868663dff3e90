// Shared pieces of the benchmarks: wrk runs and their figures, servers started and stopped
// together, nginx configurations written under bench/out.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeNginxConfig } from '../scripts/local-nginx';

export const OUT = path.resolve('bench/out');
export const bin = (name: string) => path.resolve('node_modules/.bin', name);

const PAGE_SIZE = 4096;
/** Linux's clock ticks a second (`getconf CLK_TCK`), the unit of /proc's CPU times. */
export const CLOCK_TICKS = 100;

/** Resident bytes and CPU ticks (user + system) of `root` and every process below it, from /proc. */
export function treeUsage(root: number): { rss: number; ticks: number } {
  const children = new Map<number, number[]>();
  const usage = new Map<number, { rss: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      children.set(Number(fields[1]), [...(children.get(Number(fields[1])) ?? []), Number(entry)]);
      usage.set(Number(entry), { rss: Number(fields[21]) * PAGE_SIZE, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended while we read
    }
  }
  const total = { rss: 0, ticks: 0 };
  for (const pending = [root]; pending.length > 0; ) {
    const pid = pending.pop() as number;
    total.rss += usage.get(pid)?.rss ?? 0;
    total.ticks += usage.get(pid)?.ticks ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * Rounds of each measure: `--rounds N` on the command line, or BENCH_ROUNDS, 3 by default. Each
 * round runs every server compared in turn, so that a drift of this shared host touches them
 * alike; goals are judged on the medians.
 */
export function benchRounds(): number {
  const index = process.argv.indexOf('--rounds');
  const value = Number(index >= 0 ? process.argv[index + 1] : (process.env.BENCH_ROUNDS ?? 3));
  if (!Number.isInteger(value) || value < 1) throw new Error('Usage : --rounds N (ou BENCH_ROUNDS=N), N entier au moins égal à 1.');
  return value;
}

/** A figure over several rounds: its median, its spread and every value, in the order measured. */
export type Spread = { median: number; min: number; max: number; values: number[] };

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
  return { median, min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN, values };
}

/** « 2.31 (2.20–2.66) »: the median, then the min–max of the rounds (none for a single round). */
export function showSpread({ median, min, max, values }: Spread, digits = 0, unit = ''): string {
  const show = (value: number) => `${value.toFixed(digits)}${unit}`;
  return values.length < 2 ? show(median) : `${show(median)} (${min.toFixed(digits)}–${show(max)})`;
}

/** The spread of one field of several results. */
export const spreadOf = <T>(results: T[], field: (result: T) => number): Spread => spread(results.map(field));

/** The first series' figure divided by the second's, round by round (× `scale`): each pair was measured a minute apart at most. */
export function ratios<A, B>(a: A[], b: B[], fieldA: (result: A) => number, fieldB: (result: B) => number, scale = 1): Spread {
  return spread(a.map((result, index) => {
    const other = b[index];
    return other === undefined ? NaN : (scale * fieldA(result)) / fieldB(other);
  }));
}

/** « non 2xx / socket errors » summed over the rounds. */
export const failures = (runs: Array<{ non2xx: number; socketErrors: number }>): string =>
  `${runs.reduce((total, run) => total + run.non2xx, 0)} / ${runs.reduce((total, run) => total + run.socketErrors, 0)}`;

/** `errors`: non-2xx/3xx answers plus socket errors; `non2xx` and `socketErrors` apart. */
export type WrkResult = { url: string; requestsPerSecond: number; p50Ms: number; p99Ms: number; errors: number; non2xx: number; socketErrors: number; requests: number };

function milliseconds(value: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(value.trim());
  if (!match) throw new Error(`durée wrk illisible : « ${value} »`);
  const factor = { us: 0.001, ms: 1, s: 1000, m: 60_000 }[match[2] as 'us' | 'ms' | 's' | 'm'];
  return Number(match[1]) * factor;
}

/** `script`: a wrk Lua script (writes with a body, one reader per request). */
type WrkOptions = { connections?: number; seconds?: number; script?: string };

function wrkArgs(url: string, { connections = 50, seconds = 10, script }: WrkOptions): string[] {
  return ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', ...(script ? ['-s', script] : []), url];
}

function wrkFigures(url: string, out: string): WrkResult {
  const figure = (pattern: RegExp) => pattern.exec(out)?.[1];
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const non2xx = Number(figure(/Non-2xx or 3xx responses: (\d+)/) ?? 0);
  const socketErrors = socket ? socket.slice(1).reduce((total, count) => total + Number(count), 0) : 0;
  return {
    url,
    requestsPerSecond: Number(figure(/Requests\/sec:\s+([\d.]+)/)),
    p50Ms: milliseconds(figure(/^\s+50(?:\.0+)?%\s+(\S+)\s*$/m) ?? '?'),
    p99Ms: milliseconds(figure(/^\s+99(?:\.0+)?%\s+(\S+)\s*$/m) ?? '?'),
    requests: Number(figure(/(\d+) requests in/)),
    errors: non2xx + socketErrors,
    non2xx,
    socketErrors,
  };
}

/**
 * wrk with one thread (a Node load generator is the bottleneck on 2 cores), 50 connections, 10 s.
 * Run in the background, never with spawnSync: a blocked event loop keeps fetch's idle sockets
 * past the server's keep-alive, and the next fetch fails on a socket the server has closed.
 */
export function wrk(url: string, options: WrkOptions = {}): Promise<WrkResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', wrkArgs(url, options), { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(wrkFigures(url, out)) : reject(new Error(`wrk a échoué (${code}) : ${err}`))));
  });
}

/** A wrk run, with the CPU its servers spent per request (ms, user + system, from /proc). */
export type MeasuredRun = WrkResult & { cpuMsPerRequest: number };

/**
 * wrk on `url` while counting the CPU of the processes that serve it (each pid with every process
 * below it): the steadiest figure on a shared host, where another tenant's load changes the
 * requests a second far more than what each request costs.
 */
export async function measuredWrk(url: string, servers: number[], options: WrkOptions = {}): Promise<MeasuredRun> {
  const ticks = () => servers.reduce((total, pid) => total + treeUsage(pid).ticks, 0);
  const before = ticks();
  const result = await wrk(url, options);
  const spent = ticks() - before;
  return { ...result, cpuMsPerRequest: result.requests > 0 ? (spent * 1000) / CLOCK_TICKS / result.requests : NaN };
}

/**
 * `rounds` rounds of `measure` over `targets`, in turn within each round: each target's results
 * in the order measured.
 */
export async function alternate<T, R>(targets: readonly T[], rounds: number, measure: (target: T, round: number) => Promise<R>): Promise<R[][]> {
  const results: R[][] = targets.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [index, target] of targets.entries()) {
      console.log(`  passage ${round + 1}/${rounds} : ${String((target as { name?: string }).name ?? index + 1)}`);
      results[index]?.push(await measure(target, round));
    }
  }
  return results;
}

/** Refuses to measure a server left over from another run on the same port. */
export async function assertPortsFree(ports: number[]): Promise<void> {
  for (const port of ports) {
    const busy = await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false);
    if (busy) throw new Error(`Le port ${port} est déjà pris : arrêtez le serveur qui l’occupe (ss -ltnp | grep ${port}) avant de mesurer.`);
  }
}

export async function waitForHttp(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} ne répond pas après ${timeoutMs / 1000} s.`);
}

const started: ChildProcess[] = [];

export function startProcess(command: string, args: string[], options: { env?: Record<string, string>; cwd?: string; log: string }): ChildProcess {
  mkdirSync(path.dirname(options.log), { recursive: true });
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const chunks: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.once('exit', () => writeFileSync(options.log, Buffer.concat(chunks)));
  started.push(child);
  return child;
}

/** Stops the given processes (all those started, by default) and their children. */
export async function stopAll(which?: ChildProcess[]): Promise<void> {
  const stopping = which ?? started.splice(0);
  for (const child of stopping) {
    const index = started.indexOf(child);
    if (index >= 0) started.splice(index, 1);
  }
  await Promise.all(
    stopping.map((child) => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      }, 15_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    })),
  );
}

export function run(command: string, args: string[], env: Record<string, string> = {}, cwd?: string): void {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} a échoué (code ${result.status}).`);
}

// nginx as the same user, everything under bench/out/nginx: one static server on the page's
// exact bytes, and the production set-up of deploy/nginx.conf (reverse proxy with a one-second
// micro-cache) with only its ports and folders changed (scripts/local-nginx.ts).
export function writeBenchNginxConfig({ name = 'nginx', staticPort, proxyPort, upstreamPorts, microCache = true }: { name?: string; staticPort?: number; proxyPort: number; upstreamPorts: number[]; microCache?: boolean }): string {
  return writeNginxConfig({ dir: path.join(OUT, name), staticPort, proxyPort, upstreamPorts, microCache });
}

/** wrk, nginx, Chromium and GNU time, installed from Debian when missing (bench/ensure-tools.sh). */
export function ensureTools(): void {
  run('bash', [path.resolve('bench/ensure-tools.sh')]);
}

/**
 * Writes part `number` of BENCHMARKS.md (a section that starts « ## number. »), in place of the
 * one there, or before « Objectifs manqués » the first time: a part run on its own keeps the others.
 */
export function writeBenchmarkSection(number: number, section: string): void {
  const existing = new RegExp(`## ${number}\\. [^\\n]*\\n[\\s\\S]*?(?=\\n## |$)`);
  const report = readFileSync('BENCHMARKS.md', 'utf8');
  const marker = '\n## Objectifs manqués';
  // The part found ends with its own line break (the lookahead stops before the blank line's).
  writeFileSync('BENCHMARKS.md', existing.test(report) ? report.replace(existing, `${section}\n`) : report.replace(marker, `\n${section}\n${marker}`));
  console.log(`${section}\n\nÉcrit dans BENCHMARKS.md (partie ${number}).`);
}
