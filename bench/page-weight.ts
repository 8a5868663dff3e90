// `npm run bench:weight -- [.next]`: first-load JavaScript of every page of a production build,
// gzip, summed from the build's manifests (Next 16 no longer prints it). A page loads the root
// chunks of build-manifest.json plus the entry chunks its client-reference manifest lists for
// its layouts, boundaries and page; the nomodule polyfills are left out, as browsers skip them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';

/** `ownChunks`: the chunks beyond the framework's root chunks, with their gzip sizes. */
export type PageWeight = { route: string; chunks: string[]; gzipBytes: number; ownChunks: Array<{ chunk: string; gzipBytes: number }> };

type ClientManifest = { entryJSFiles?: Record<string, string[]> };

function clientManifests(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name === 'page_client-reference-manifest.js')
    .map((entry) => path.join(entry.parentPath, entry.name));
}

export function pageWeights(distDir: string): PageWeight[] {
  const buildManifestFile = path.join(distDir, 'build-manifest.json');
  if (!existsSync(buildManifestFile)) {
    throw new Error(`${buildManifestFile} manque : lancez d’abord un build de production (npm run build).`);
  }
  const { rootMainFiles } = JSON.parse(readFileSync(buildManifestFile, 'utf8')) as { rootMainFiles: string[] };
  const gzipped = new Map<string, number>();
  const gzipSize = (chunk: string) => {
    let size = gzipped.get(chunk);
    if (size === undefined) {
      size = gzipSync(readFileSync(path.join(distDir, chunk)), { level: 9 }).length;
      gzipped.set(chunk, size);
    }
    return size;
  };

  return clientManifests(path.join(distDir, 'server', 'app'))
    .map((file) => {
      const sandbox = { globalThis: {} as { __RSC_MANIFEST?: Record<string, ClientManifest> } };
      runInNewContext(readFileSync(file, 'utf8'), sandbox);
      const manifests = sandbox.globalThis.__RSC_MANIFEST ?? {};
      const [routeKey, manifest] = Object.entries(manifests)[0] ?? ['', {}];
      const chunks = [...new Set([...rootMainFiles, ...Object.values(manifest.entryJSFiles ?? {}).flat()])];
      const route = routeKey.replace(/\/page$/, '').replace(/\/\([^)]+\)/g, '') || '/';
      return {
        route,
        chunks,
        gzipBytes: chunks.reduce((total, chunk) => total + gzipSize(chunk), 0),
        ownChunks: chunks.filter((chunk) => !rootMainFiles.includes(chunk)).map((chunk) => ({ chunk, gzipBytes: gzipSize(chunk) })),
      };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}

export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const distDir = process.argv[2] ?? '.next';
  const weights = pageWeights(distDir);
  const width = Math.max(...weights.map((weight) => weight.route.length));
  console.log(`JavaScript au premier chargement (gzip -9), ${distDir} :`);
  for (const weight of weights) {
    console.log(`  ${weight.route.padEnd(width)}  ${kB(weight.gzipBytes).padStart(9)}  (${weight.chunks.length} fichiers)`);
  }
}
