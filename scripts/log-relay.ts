import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { logger } from '../lib/log';

// The launcher's view of its children's output (scripts/serve.ts): each line of a child's stdout
// and stderr becomes a line of the launcher's log. A line of lib/log.ts is passed on as it is
// (no parse: one per request), another JSON object as well, any other line (Next's banner, a
// backup's progress) written as a log line of `module`; or, with `prettify` (`npm run dev`),
// each shown readable and the others as they are.

export type RelayOptions = { module: string; prettify?: ((line: string) => string) | null; write?: (text: string) => void };

function relayLine(line: string, level: 'info' | 'warn', { module, prettify, write = (text) => void process.stdout.write(text) }: RelayOptions): void {
  if (line.startsWith('{"level":"')) return write(prettify ? prettify(line) : `${line}\n`);
  if (line.startsWith('{') && line.endsWith('}')) {
    try {
      JSON.parse(line);
      return write(prettify ? prettify(line) : `${line}\n`);
    } catch {
      // not a log line: written as one below
    }
  }
  if (prettify) write(`${line}\n`);
  else if (line.trim()) logger(module)[level](line);
}

/** `child`'s stdout (lines of level info) and stderr (warn), line by line, into this process's log. */
export function relayed(child: ChildProcess, options: RelayOptions): ChildProcess {
  if (child.stdout) createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => relayLine(line, 'info', options));
  if (child.stderr) createInterface({ input: child.stderr, crlfDelay: Infinity }).on('line', (line) => relayLine(line, 'warn', options));
  return child;
}
