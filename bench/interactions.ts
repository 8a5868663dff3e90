// Part 6 of the benchmarks, beside Lighthouse: how long a reader waits after a gesture on a
// phone. Debian's Chromium with the CPU slowed 4× (DevTools' Emulation.setCPUThrottlingRate, as
// Lighthouse's mobile profile), a phone's screen; each interaction's duration read by the Event
// Timing API (PerformanceEventTiming: for each interactionId the longest entry, as INP does),
// from the gesture to the next frame. Two gestures on a piece: a star clicked (the rating saved
// and shown), a comment sent (the form's button clicked, the comment shown as waiting).
import { chromium, expect, type Browser, type Page } from '@playwright/test';
import { showSpread, spread, type Spread } from './lib';

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, locale: 'fr-FR' };
/** The form refuses a comment sent within 3 seconds of the page being shown (a robot's pace). */
const HUMAN_PACE_MS = 3500;

export type InteractionFigures = { star: Spread; comment: Spread; rounds: number };

declare global {
  interface Window {
    __interactions?: number[];
  }
}

/** Before the page's own scripts: every interaction's longest entry, from the page's start. */
function recordInteractions(): void {
  const longest = new Map<number, number>();
  window.__interactions = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Array<PerformanceEventTiming & { interactionId?: number }>) {
      if (!entry.interactionId) continue;
      longest.set(entry.interactionId, Math.max(longest.get(entry.interactionId) ?? 0, entry.duration));
    }
    window.__interactions = [...longest.values()];
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
}

/** The longest interaction since the last call (the observer reports a little after the frame). */
async function longestSince(page: Page, before: number): Promise<number> {
  await page.waitForTimeout(500);
  const all = await page.evaluate(() => window.__interactions ?? []);
  return Math.max(0, ...all.slice(before));
}

async function oneRound(browser: Browser, url: string, round: number): Promise<{ star: number; comment: number }> {
  const context = await browser.newContext(PHONE);
  try {
    const page = await context.newPage();
    await page.addInitScript(recordInteractions);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const me = page.waitForResponse((response) => response.url().endsWith('/me'));
    await page.goto(url, { waitUntil: 'load' });
    await me;
    const shownAt = Date.now();

    // A reader scrolls down to the stars, reads them, then taps one.
    const star = page.getByRole('radio', { name: `${1 + (round % 5)} ${round % 5 > 0 ? 'étoiles' : 'étoile'} sur 5` });
    await star.scrollIntoViewIfNeeded();
    await page.waitForTimeout(1000);
    let count = (await page.evaluate(() => window.__interactions ?? [])).length;
    await star.click();
    await expect(star).toBeChecked();
    const starMs = await longestSince(page, count);

    const form = page.locator('form[aria-label="Laisser un commentaire"]');
    await form.scrollIntoViewIfNeeded();
    await form.getByLabel('Nom').fill('Banc de mesure');
    const body = `Mesure de latence n° ${round + 1} : un commentaire envoyé sur un téléphone lent.`;
    await form.getByLabel('Votre commentaire').fill(body);
    const wait = shownAt + HUMAN_PACE_MS - Date.now();
    if (wait > 0) await page.waitForTimeout(wait);
    count = (await page.evaluate(() => window.__interactions ?? [])).length;
    await form.getByRole('button', { name: 'Publier le commentaire' }).click();
    // Shown under the form, published or waiting.
    await page.getByText(body).filter({ visible: true }).first().waitFor();
    const commentMs = await longestSince(page, count);
    return { star: starMs, comment: commentMs };
  } finally {
    await context.close();
  }
}

/** `rounds` cold visits of `piece` (a fresh context each), a star and a comment in each. */
export async function benchInteractions(baseUrl: string, piece: string, rounds = 5): Promise<InteractionFigures> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
  try {
    const results: Array<{ star: number; comment: number }> = [];
    for (let round = 0; round < rounds; round++) results.push(await oneRound(browser, `${baseUrl}${piece}`, round));
    return { star: spread(results.map((result) => result.star)), comment: spread(results.map((result) => result.comment)), rounds };
  } finally {
    await browser.close();
  }
}

export function interactionsTable({ star, comment, rounds }: InteractionFigures): string {
  const goal = (value: Spread) => `${showSpread(value, 0, ' ms')}${value.median <= 200 ? ' ✓' : ' ✗'}`;
  return [
    `${rounds} visites à froid, médiane (min–max) ; objectif : 200 ms au plus.`,
    '',
    '| Geste, processeur ralenti 4× | durée de l’interaction (Event Timing) |',
    '| --- | ---: |',
    `| une étoile touchée (la note enregistrée et affichée) | ${goal(star)} |`,
    `| « Publier le commentaire » (le commentaire affiché en attente) | ${goal(comment)} |`,
  ].join('\n');
}
