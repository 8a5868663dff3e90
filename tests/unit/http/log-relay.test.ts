import { spawn } from 'node:child_process';
import { prettyFactory } from 'pino-pretty';
import { describe, expect, it } from 'vitest';
import { writeLogsTo } from '@/lib/log';
import { relayed } from '../../../scripts/log-relay';

// What the launcher makes of its children's output (scripts/log-relay.ts): under `npm start`, JSON
// lines only; under `npm run dev`, readable lines.
const INSTANCE_LINE = JSON.stringify({ level: 'info', time: '2026-12-06T22:02:53.889Z', pid: 7, hostname: 'vm', module: 'http', request_id: 'abc', method: 'GET', route: '/', status: 200, duration_ms: 3.2, msg: 'GET / 200 (3.2 ms)' });

/** The text the launcher writes while relaying a child that prints `stdout` and `stderr`. */
async function relay(stdout: string, stderr: string, prettify: ((line: string) => string) | null): Promise<string> {
  let written = '';
  writeLogsTo({ write: (line: string) => void (written += line) });
  const child = spawn(process.execPath, ['-e', `process.stdout.write(${JSON.stringify(stdout)}); process.stderr.write(${JSON.stringify(stderr)});`], { stdio: ['ignore', 'pipe', 'pipe'] });
  relayed(child, { module: 'next', prettify, write: (text) => void (written += text) });
  await new Promise((resolve) => child.once('close', resolve));
  await new Promise((resolve) => setImmediate(resolve));
  return written;
}

describe('the launcher’s relay of its children’s output', () => {
  it('under npm start, passes the instance’s JSON lines on and writes every other line as one, stderr as warnings', async () => {
    const written = await relay(`▲ Next.js 16.4.6\n${INSTANCE_LINE}\n✓ Ready in 112ms\n`, '⚠ quelque chose\n', null);
    const lines = written.trim().split('\n').map((line) => JSON.parse(line) as { level: string; module: string; msg: string });
    expect(lines.map((line) => [line.level, line.module, line.msg])).toEqual(
      expect.arrayContaining([
        ['info', 'next', '▲ Next.js 16.4.6'],
        ['info', 'http', 'GET / 200 (3.2 ms)'],
        ['info', 'next', '✓ Ready in 112ms'],
        ['warn', 'next', '⚠ quelque chose'],
      ]),
    );
    expect(lines).toHaveLength(4);
  });

  it('under npm run dev, shows the JSON lines readable and the others as they are', async () => {
    const prettify = prettyFactory({ colorize: false, ignore: 'pid,hostname,module,request_id,method,route,status,duration_ms', messageFormat: '[{module}] {msg}', translateTime: 'HH:MM:ss', singleLine: true });
    const written = await relay(`${INSTANCE_LINE}\n- Local: http://localhost:3000\n`, '', prettify);
    expect(written).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: \[http\] GET \/ 200 \(3\.2 ms\)\n/m);
    expect(written).toContain('- Local: http://localhost:3000\n');
    expect(written).not.toContain('{"level"');
  });
});
