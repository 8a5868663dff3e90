import type { Point } from '@/lib/audience/figures';

// The audience over time as an SVG drawn on the server: read without JavaScript, by a screen
// reader (its title and its summary), and again as a table under it. Views are the bars,
// visitors the line. No charting library: a bar chart of at most 30 points is a few rectangles,
// and the lightest libraries (uPlot, 50 kB; Chart.js, 200 kB) need JavaScript in the browser.

const WIDTH = 720;
const HEIGHT = 240;
const LEFT = 48;
const BOTTOM = 28;
const TOP = 12;

const number = (value: number) => value.toLocaleString('fr-FR');
// French: 0 and 1 take the singular.
const count = (value: number, one: string, many: string) => `${number(value)} ${value < 2 ? one : many}`;

/** A rounded top for the scale: 1, 2 or 5 times a power of ten. */
function scaleTop(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return ([1, 2, 5, 10].map((step) => step * power).find((top) => top >= max) ?? 10 * power);
}

export function AudienceChart({ id, title, points }: { id: string; title: string; points: Point[] }) {
  const top = scaleTop(Math.max(...points.map((point) => point.views), 0));
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const step = (WIDTH - LEFT) / Math.max(points.length, 1);
  const y = (value: number) => TOP + plotHeight - (value / top) * plotHeight;
  const every = points.length > 12 ? 5 : 1;
  const busiest = points.reduce<Point | undefined>((best, point) => (!best || point.views > best.views ? point : best), undefined);
  const views = points.reduce((total, point) => total + point.views, 0);
  const visitors = points.reduce((total, point) => total + point.visitors, 0);
  const summary =
    views === 0
      ? `Aucune vue du ${points[0]?.label ?? ''} au ${points.at(-1)?.label ?? ''}.`
      : `Du ${points[0]?.label ?? ''} au ${points.at(-1)?.label ?? ''} : ${count(views, 'vue', 'vues')} et ${count(visitors, 'visiteur', 'visiteurs')} ; le plus : ${busiest?.label ?? ''}, ${count(busiest?.views ?? 0, 'vue', 'vues')}.`;
  const line = points.map((point, index) => `${LEFT + step * index + step / 2},${y(point.visitors)}`).join(' ');
  return (
    <div className="my-6">
      <figure>
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-titre ${id}-resume`} className="h-auto w-full" data-graphique={id}>
          <title id={`${id}-titre`}>{title}</title>
          <desc id={`${id}-resume`}>{summary}</desc>
          {[0, top / 2, top].map((tick) => (
            <g key={tick}>
              <line x1={LEFT} x2={WIDTH} y1={y(tick)} y2={y(tick)} className="stroke-line" strokeWidth="1" />
              <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end" fontSize="11" className="fill-muted">
                {number(tick)}
              </text>
            </g>
          ))}
          {points.map((point, index) => {
            const height = (point.views / top) * plotHeight;
            return (
              <g key={point.start} data-point={point.start} data-vues={point.views} data-visiteurs={point.visitors} data-lus={point.reads}>
                <title>{`${point.label} : ${count(point.views, 'vue', 'vues')}, ${count(point.visitors, 'visiteur', 'visiteurs')}, ${count(point.reads, 'lu', 'lus')} jusqu’au bout`}</title>
                <rect x={LEFT + step * index + step * 0.15} y={TOP + plotHeight - height} width={step * 0.7} height={height} className="fill-accent" opacity="0.75" />
                {index % every === 0 && (
                  <text x={LEFT + step * index + step / 2} y={HEIGHT - 8} textAnchor="middle" fontSize="11" className="fill-muted">
                    {point.label}
                  </text>
                )}
              </g>
            );
          })}
          <polyline points={line} fill="none" className="stroke-ink" strokeWidth="2" />
        </svg>
        <figcaption className="mt-2 text-sm text-muted">
          Barres : vues ; ligne : visiteurs (chaque jour compte ses visiteurs). {summary}
        </figcaption>
      </figure>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer underline underline-offset-4">Les chiffres du graphique</summary>
        <table className="mt-2 w-full text-left">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-1">Période</th>
              <th scope="col">Vues</th>
              <th scope="col">Visiteurs</th>
              <th scope="col">Lus jusqu’au bout</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.start} className="border-b border-line" data-ligne={point.start}>
                <th scope="row" className="py-1 font-normal">{point.label}</th>
                <td>{number(point.views)}</td>
                <td>{number(point.visitors)}</td>
                <td>{number(point.reads)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
