// A reader of a piece's live stream (GET …/events) in Node: fetch, its body parsed as the
// Server-Sent Events a browser's EventSource would see.

export type LiveEvent = { event: string; data: string };

export type LiveStream = {
  response: Response;
  events: LiveEvent[];
  /** Everything received so far, as text. */
  text: () => string;
  /** Resolves when the server has ended the stream: `clean` unless it broke off with an error. */
  ended: Promise<{ clean: boolean }>;
  close: () => void;
};

/** Opens the stream at `url`; its events are collected as they come. */
export async function openEvents(url: string, headers: Record<string, string> = {}): Promise<LiveStream> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const events: LiveEvent[] = [];
  let received = '';
  let pending = '';
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  const read = async (): Promise<{ clean: boolean }> => {
    try {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return { clean: true };
        const text = decoder.decode(chunk.value, { stream: true });
        received += text;
        pending += text;
        let end: number;
        while ((end = pending.indexOf('\n\n')) >= 0) {
          const block = pending.slice(0, end);
          pending = pending.slice(end + 2);
          const field = (name: string) => block.split('\n').filter((line) => line.startsWith(`${name}:`)).map((line) => line.slice(name.length + 1).trimStart());
          const data = field('data');
          if (data.length > 0) events.push({ event: field('event')[0] ?? 'message', data: data.join('\n') });
        }
      }
    } catch {
      return { clean: controller.signal.aborted };
    }
  };
  return { response, events, text: () => received, ended: response.ok ? read() : Promise.resolve({ clean: true }), close: () => controller.abort() };
}

/** The comment events of a stream, parsed. */
export function comments(stream: LiveStream): Array<Record<string, unknown>> {
  return stream.events.filter((event) => event.event === 'comment').map((event) => JSON.parse(event.data) as Record<string, unknown>);
}

/** Polls every 10 ms until `check` holds; the time it took, or null after `timeoutMs`. */
export async function within(timeoutMs: number, check: () => boolean): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started <= timeoutMs) {
    if (check()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return null;
}
