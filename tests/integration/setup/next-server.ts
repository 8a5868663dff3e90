import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Waits until `url` answers, or fails after `timeoutMs` with what the process printed. */
export async function waitForUrl(url: string, timeoutMs: number, output: () => string, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`Le serveur s’est arrêté (code ${child.exitCode}) :\n${output().slice(-3000)}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} ne répond pas après ${timeoutMs} ms :\n${output().slice(-3000)}`);
}

export type RunningServer = { baseUrl: string; process: ChildProcess; output: () => string; streams: () => { stdout: string; stderr: string }; stop: () => Promise<void> };

/** Runs `command` (a Next server of the test build) and waits until it answers. */
export async function startServer(command: string[], env: Record<string, string>, port: number): Promise<RunningServer> {
  const [file = '', ...args] = command;
  let output = '';
  const streams = { stdout: '', stderr: '' };
  const child = spawn(file, args, {
    cwd: root,
    env: { ...process.env, NEXT_DIST_DIR: '.next-e2e', NEXT_TELEMETRY_DISABLED: '1', NEXT_ISR_FLUSH_TO_DISK: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    streams.stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    streams.stderr += chunk.toString();
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  try {
    await waitForUrl(`${baseUrl}/api/openapi.json`, 60_000, () => output, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, process: child, output: () => output, streams: () => streams, stop };
}

export const NEXT_BIN = path.join(root, 'node_modules/.bin/next');
/**
 * The launcher as `npm start` runs it: one Node process with tsx as its loader. (tsx's own command
 * relays a signal through a second process, which it kills if the first does not acknowledge the
 * signal within 30 ms: on a loaded machine, a clean stop became a SIGKILL.)
 */
export const LAUNCHER = [process.execPath, '--import', 'tsx', 'scripts/serve.ts'];
