'use client';

import { useEffect, useRef } from 'react';

const DECISION_KEYS: Record<string, string> = { a: 'approve', r: 'reject', s: 'spam' };
const LIST: [string, string][] = [
  ['j', 'commentaire suivant'],
  ['k', 'commentaire précédent'],
  ['a', 'approuver le commentaire marqué'],
  ['r', 'rejeter le commentaire marqué'],
  ['s', 'classer le commentaire marqué comme spam'],
  ['?', 'afficher ou masquer cette liste'],
];

/** The element of a queue item, which j / k focus. */
export const queueItemId = (id: string) => `file-${id}`;

// Keys typed into a field are the editor's text, never a shortcut.
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/**
 * The queue's keyboard: j / k mark the next or previous item (focused, scrolled into view), a / r / s
 * send the marked item's form with that decision, ? opens or closes the list of shortcuts.
 */
export function QueueShortcuts({ ids, current, onMove }: { ids: string[]; current: string | null; onMove: (id: string) => void }) {
  const help = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented || typing(event.target)) return;
      if (event.key === '?') {
        if (help.current) help.current.open = !help.current.open;
        event.preventDefault();
        return;
      }
      if (event.key === 'j' || event.key === 'k') {
        const index = current ? ids.indexOf(current) : -1;
        const next = ids[event.key === 'j' ? Math.min(index + 1, ids.length - 1) : Math.max(index - 1, 0)];
        if (!next) return;
        event.preventDefault();
        onMove(next);
        const element = document.getElementById(queueItemId(next));
        element?.focus({ preventScroll: true });
        element?.scrollIntoView({ block: 'nearest' });
        return;
      }
      const decision = DECISION_KEYS[event.key];
      if (!decision || !current) return;
      const form = document.querySelector<HTMLFormElement>(`form[data-decide="${current}"]`);
      const button = form?.querySelector<HTMLButtonElement>(`button[value="${decision}"]`);
      if (!form || !button || button.disabled) return;
      event.preventDefault();
      form.requestSubmit(button);
    }
    document.addEventListener('keydown', onKey);
    // Says the keys are listened to (the page's script has run): what a test waits for.
    help.current?.setAttribute('data-keyboard', 'on');
    return () => document.removeEventListener('keydown', onKey);
  }, [ids, current, onMove]);
  return (
    <details ref={help} className="text-sm">
      <summary className="cursor-pointer font-semibold">Raccourcis clavier (touche ?)</summary>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        {LIST.map(([key, meaning]) => (
          <div key={key} className="contents">
            <dt>
              <kbd className="rounded border border-line px-1.5 font-mono">{key}</kbd>
            </dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-muted">Jamais pendant la saisie dans un champ, ni avec Ctrl, Alt ou Cmd.</p>
    </details>
  );
}
