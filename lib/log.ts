import { AsyncLocalStorage } from 'node:async_hooks';
import { format } from 'node:util';
import pino, { type DestinationStream, type Logger } from 'pino';
import { env } from '@/lib/env';

// The process's log (issue 30): JSON lines on stdout, written by pino, one per event, at LOG_LEVEL
// and above: `{"level":"info","time":"…","module":"lettre","msg":"…"}`. One logger per process, on
// globalThis, as Next bundles instrumentation.ts and the routes apart (each with its own copy of
// this module) and the cache hooks (lib/cache/*.cjs) log through the same symbol. `npm run dev`
// shows them as readable lines (scripts/serve.ts passes them through pino-pretty); `npm start`
// writes them as they are, for journald, Loki or jq.
//
// What a reader gave never reaches a line: the fields that may carry it are redacted by pino, and
// every line, messages and stacks included, is scrubbed on its way out of e-mail addresses,
// passwords in URLs, signed links' tokens, the magazine's cookies and this instance's secrets.

export const REDACTED = '[masqué]';

/**
 * The fields pino blanks in a line (top-level, and in `headers`: wildcard paths cost 8 µs a line
 * against 0.3, and the scrubbing below catches an address at any depth anyway).
 */
const REDACT_PATHS = [
  'email', 'to', 'replyTo', 'cookie', 'authorization', 'token', 'jeton', 'secret', 'password', 'ip', 'remoteAddress',
  'headers.cookie', 'headers.authorization', 'headers["set-cookie"]',
];

/** An e-mail address (its domain ends in letters: `pino@10.1.0` in a stack is none). */
const EMAIL_ADDRESS = /[\w.+-]+(?:@|%40)[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b/gi;
/** A password in a URL: `postgres://user:secret@host`. */
const URL_PASSWORD = /(\b[a-z][\w+.-]*:\/\/[^\s:/@"]+):[^\s@"]+@/gi;
/** The signature of a signed link, and an address, in its query string. */
const LINK_TOKEN = /([?&](?:token|jeton|signature|code|secret|key|email)=)[^&\s"#\\]+/gi;
/** The magazine's and next-auth's cookies, with their values. */
const COOKIE_VALUE = /((?:__Host-|__Secure-)?(?:pdr_[\w-]*|next-auth\.[\w.-]+)=)[^;\s"\\]+/g;

/** This instance's own secrets, as they may show in a message (a connection string, a config dump). */
function secretsOf(): string[] {
  const values = [env.AUTH_SECRET, env.METRICS_TOKEN, env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY];
  for (const url of [env.EMAIL_SERVER, env.DATABASE_URL, env.REDIS_URL]) {
    try {
      const password = url ? decodeURIComponent(new URL(url).password) : '';
      if (password) values.push(password);
    } catch {
      // not a URL: nothing to take from it
    }
  }
  return values.filter((value): value is string => typeof value === 'string' && value.length >= 6);
}

/** `line` without what must never be logged (see above); a line with none of it is returned as it is. */
export function scrub(line: string, secrets: readonly string[] = []): string {
  let clean = line;
  if (clean.includes('=')) clean = clean.replace(LINK_TOKEN, `$1${REDACTED}`).replace(COOKIE_VALUE, `$1${REDACTED}`);
  if (clean.includes('@') || clean.includes('%40')) clean = clean.replace(URL_PASSWORD, `$1:${REDACTED}@`).replace(EMAIL_ADDRESS, '[adresse masquée]');
  for (const secret of secrets) if (clean.includes(secret)) clean = clean.split(secret).join(REDACTED);
  return clean;
}

/** A stream that scrubs each line before `out` writes it. */
export function scrubbing(out: DestinationStream): DestinationStream {
  const secrets = secretsOf();
  return { write: (line: string) => out.write(scrub(line, secrets)) };
}

type TraceFields = () => { trace_id?: string; span_id?: string };
type LogState = { root: Logger; modules: Map<string, Logger>; trace: TraceFields; requests: AsyncLocalStorage<string>; open(out: DestinationStream): Logger };

const STATE = Symbol.for('placedesreseaux.log');

function state(): LogState {
  const global = globalThis as { [STATE]?: LogState };
  if (!global[STATE]) {
    const created: LogState = {
      root: undefined as unknown as Logger,
      modules: new Map(),
      trace: () => ({}),
      requests: new AsyncLocalStorage(),
      open: (out) =>
        pino(
          {
            level: env.LOG_LEVEL,
            timestamp: pino.stdTimeFunctions.isoTime,
            formatters: { level: (label) => ({ level: label }) },
            redact: { paths: REDACT_PATHS, censor: REDACTED },
            // The request a line was written for, and its trace with OTEL_EXPORTER_OTLP_ENDPOINT.
            mixin: () => {
              const id = created.requests.getStore();
              return id === undefined ? created.trace() : { request_id: id, ...created.trace() };
            },
          },
          scrubbing(out),
        ),
    };
    // Written asynchronously: under load, the lines that come while one is being written go out
    // together (one write for many requests); flushed when the process exits.
    created.root = created.open(pino.destination({ dest: 1, sync: false }));
    global[STATE] = created;
  }
  return global[STATE];
}

/** From now on, this process's lines go to `out` (the launcher's readable lines under `npm run dev`). */
export function writeLogsTo(out: DestinationStream): void {
  const current = state();
  current.root = current.open(out);
  current.modules.clear();
}

/** A logger of `module` on stderr, for the one line a process writes before it stops on an error. */
export function logToStderr(module: string): Logger {
  return state().open(pino.destination({ dest: 2, sync: true })).child({ module });
}

/** The logger of one part of the magazine: its lines carry `"module":"<name>"`. */
export function logger(module: string): Logger {
  const { root, modules } = state();
  let child = modules.get(module);
  if (!child) {
    child = root.child({ module });
    modules.set(module, child);
  }
  return child;
}

/** From now on, each line carries the trace and span active when it is written. */
export function traceLogsWith(fields: TraceFields): void {
  state().trace = fields;
}

/** What a caught value says, for a line's `err` field (pino serialises an Error with its stack). */
export const failure = (error: unknown): Error | { message: string } => (error instanceof Error ? error : { message: String(error) });

/** Runs `serve` (a request's handling by Next) so that each line it writes carries the request's id. */
export function inRequest<T>(id: string, serve: () => T): T {
  return state().requests.run(id, serve);
}

/** The trace and span active now (empty without OTEL_EXPORTER_OTLP_ENDPOINT). */
export const activeTrace = (): ReturnType<TraceFields> => state().trace();

/**
 * What Next and the libraries print on the console (Next's own error lines, a warning), as log
 * lines of the module `console`, each call one line however many lines it prints.
 */
export function routeConsoleToLog(): void {
  const log = logger('console');
  const at = (level: 'debug' | 'info' | 'warn' | 'error') => (...args: unknown[]) => log[level](format(...args));
  console.debug = at('debug');
  console.log = at('info');
  console.info = at('info');
  console.warn = at('warn');
  console.error = at('error');
}
