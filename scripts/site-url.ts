// The public address is a build setting: prerendered pages, feeds, the sitemap and the API's
// description keep the SITE_URL the build saw. `npm run build` records it in the build folder;
// `npm start` serves with it, and refuses another one rather than serve one site at two origins.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const RECORD = 'place-des-reseaux-site-url';

/** Where the build's public address is recorded. */
export function siteUrlRecord(distDir: string): string {
  return path.join(distDir, RECORD);
}

/** Records the address a build was made for. */
export function recordSiteUrl(distDir: string, siteUrl: string): void {
  writeFileSync(siteUrlRecord(distDir), `${siteUrl}\n`);
}

/**
 * The address to serve a build with: the one it recorded; a different SITE_URL given at start is
 * refused with the way out. A build made before the record existed serves with what it is given.
 */
export function servedSiteUrl(distDir: string, requested: string | undefined, fallback: string): string {
  const file = siteUrlRecord(distDir);
  const built = existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
  if (!built) return requested || fallback;
  if (requested && new URL(requested).href !== new URL(built).href) {
    throw new Error(
      `Ce build a été fait pour SITE_URL=${built}, pas ${requested} : ses pages prérendues, ses flux et son sitemap portent cette adresse. ` +
        `Relancez le build avec la bonne adresse (SITE_URL=${requested} npm run build), puis npm start ; ou démarrez sans SITE_URL pour servir ${built}.`,
    );
  }
  return built;
}
