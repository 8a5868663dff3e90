// What an import did, for the person who ran it: counts, then the items left out as expected
// (drafts, pages, pingbacks…), then the problems (each naming the item and what was done with it).
// `--strict` refuses to write anything when there is a single problem.

const LISTED = 50;

export class ImportReport {
  readonly counts = new Map<string, number>();
  /** Left out as an import should: not a problem. */
  readonly skipped: string[] = [];
  /** Bad or unconvertible input, and what was done with it. */
  readonly problems: string[] = [];

  count(what: string, by = 1): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + by);
  }

  figure(what: string): number {
    return this.counts.get(what) ?? 0;
  }

  skip(line: string): void {
    this.skipped.push(line);
  }

  problem(line: string): void {
    this.problems.push(line);
  }

  /** The report as lines of French: `summary` first, the lists capped at 50 lines each. */
  lines(summary: string[]): string[] {
    const list = (title: string, items: string[]) =>
      items.length === 0 ? [] : [`${title} (${items.length}) :`, ...items.slice(0, LISTED).map((item) => `- ${item}`), ...(items.length > LISTED ? [`- … et ${items.length - LISTED} autre(s).`] : [])];
    return [...summary, ...list('Laissés de côté', this.skipped), ...list('Problèmes', this.problems)];
  }
}

/** « 1 article », « 2 articles »: French plurals of the report. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('fr-FR')} ${count > 1 ? many : one}`;
}
