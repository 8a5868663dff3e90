// The bare Next 16 page the benchmarks compare the magazine with: static text, nothing else,
// of the size of the magazine's page (BARE_PAGE_BYTES at build time, about 11 KB by default).
const PARAGRAPH =
  'Les réseaux sociaux tels Facebook ou Viadeo sont de bons outils de communication dans la palette à la disposition des PME. La présence sur ces réseaux permet surtout de communiquer à moindre frais. ';

const paragraphs = Math.max(1, Math.round(Number(process.env.BARE_PAGE_BYTES ?? 11_000) / (PARAGRAPH.length + 7)));

export default function Page() {
  return (
    <main>
      <h1>Page témoin</h1>
      {Array.from({ length: paragraphs }, (_, i) => (
        <p key={i}>{PARAGRAPH}</p>
      ))}
    </main>
  );
}
