'use client';

import { Activity, use, useId, type ReactNode } from 'react';
import { useHydrated } from '@/components/reader/use-hydrated';

// An island under the text (rating, comments, the letter, sharing) hydrates when it comes near
// the screen, when the browser is idle after the page has loaded, or at once when the reader
// reaches for it (pointer, finger, keyboard), instead of with the whole page: on a phone, the
// page's hydration was one long task. It is React's own selective hydration: an <Activity>
// boundary hydrates apart from the page, in a pass React can interrupt, and a component that
// suspends while it hydrates leaves the server's HTML in place and hydrates when its promise is
// fulfilled. Not <Suspense>: Next's prerender sends a Suspense boundary's content apart, hidden
// until an inline script shows it, and the sections must be in place without JavaScript; an
// Activity boundary is written in place. After the first page (a navigation renders on the
// client, nothing to hydrate), an island renders at once.

/** A promise React reads synchronously once fulfilled (React's `use` honours its status). */
type Gate = Promise<void> & { status: 'pending' | 'fulfilled'; value?: undefined; open: () => void };

const ATTRIBUTE = 'data-island';
const NEAR = '400px 0px';
// Each of them hydrates the island under it first: React then replays the event on it.
const REACHING = ['pointerdown', 'touchstart', 'mousedown', 'keydown', 'focusin', 'click', 'input', 'submit'] as const;

const gates = new Map<string, Gate>();

function newGate(): Gate {
  let resolve = () => undefined as void;
  const promise = new Promise<void>((settle) => (resolve = settle));
  const gate: Gate = Object.assign(promise, {
    status: 'pending' as Gate['status'],
    open() {
      if (gate.status === 'fulfilled') return;
      gate.status = 'fulfilled';
      resolve();
    },
  });
  return gate;
}

const islandOf = (id: string) => document.querySelector(`[${ATTRIBUTE}="${CSS.escape(id)}"]`);
const gateAt = (element: Element) => gates.get(element.getAttribute(ATTRIBUTE) ?? '');

let near: IntersectionObserver | null = null;
let idleRunning = false;

/** One island at a time, each in an idle moment of its own, once the page has loaded. */
function openWhenIdle(): void {
  if (idleRunning) return;
  idleRunning = true;
  const idle = (callback: () => void) => (window.requestIdleCallback ? window.requestIdleCallback(callback) : window.setTimeout(callback, 200));
  const next = () => {
    const pending = [...gates.values()].find((gate) => gate.status === 'pending');
    if (!pending) {
      idleRunning = false;
      return;
    }
    pending.open();
    idle(next);
  };
  if (document.readyState === 'complete') idle(next);
  else window.addEventListener('load', () => idle(next), { once: true });
}

/** The islands near the screen, watched once the first gate is made. */
function watch(): IntersectionObserver {
  near ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        near?.unobserve(entry.target);
        gateAt(entry.target)?.open();
      }
    },
    { rootMargin: NEAR },
  );
  return near;
}

// A reader reaching for an island, listened to from the start (before React hydrates anything),
// and remembered: React may reach an island's gate only while it replays that very event.
const reached = new Set<string>();
if (typeof window !== 'undefined') {
  const reach = (event: Event) => {
    const island = event.target instanceof Element ? event.target.closest(`[${ATTRIBUTE}]`) : null;
    const id = island?.getAttribute(ATTRIBUTE);
    if (!id) return;
    reached.add(id);
    gates.get(id)?.open();
  };
  for (const type of REACHING) window.addEventListener(type, reach, { capture: true, passive: true });
}

/** The gate of the island whose server HTML is `element`, made (and watched) the first time. */
function gateOf(id: string, element: Element): Gate {
  let gate = gates.get(id);
  if (!gate) {
    gate = newGate();
    gates.set(id, gate);
    if (reached.has(id)) gate.open();
    watch().observe(element);
    openWhenIdle();
  }
  return gate;
}

function Gate({ id, as: Tag, className, children }: { id: string; as: 'div' | 'span'; className?: string; children: ReactNode }) {
  const hydrated = useHydrated();
  // While the page hydrates (and only then: the server renders at once, and so does a navigation).
  const element = !hydrated && typeof window !== 'undefined' ? islandOf(id) : null;
  if (element) use(gateOf(id, element) as Promise<void>);
  return (
    <Tag {...{ [ATTRIBUTE]: id }} className={className}>
      {children}
    </Tag>
  );
}

/** Hydrates its children near the screen, when idle, or when reached for; their HTML is the server's until then. */
export function Island({ as = 'div', className, children }: { as?: 'div' | 'span'; className?: string; children: ReactNode }) {
  const id = useId();
  return (
    <Activity mode="visible">
      <Gate id={id} as={as} className={className}>
        {children}
      </Gate>
    </Activity>
  );
}
