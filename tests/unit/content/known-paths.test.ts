import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isKnownPath, STATIC_FIRST_SEGMENTS } from '@/lib/content/known-paths';

const appDir = path.resolve(import.meta.dirname, '../../../app');
const now = Date.now();

describe('the paths proxy.ts sends to the 404 page', () => {
  it('knows every first segment that app/ serves with a route of its own', () => {
    const folders = readdirSync(appDir).flatMap((name) => {
      if (!statSync(path.join(appDir, name)).isDirectory()) return [];
      if (/^\(.*\)$/.test(name)) return readdirSync(path.join(appDir, name)).filter((inner) => statSync(path.join(appDir, name, inner)).isDirectory());
      return [name];
    });
    expect([...STATIC_FIRST_SEGMENTS].sort()).toEqual([...new Set(folders.filter((name) => !name.startsWith('[')))].sort());
  });

  it.each([
    ['/interviews', true],
    ['/interviews/valerie-march-place-des-reseaux', true],
    ['/interviews/valerie-march-place-des-reseaux/commentaires', true],
    ['/auteurs/la-redaction', true],
    ['/cette-page-nexiste-pas', false],
    ['/articles/nexiste-pas', false],
    ['/articles/nexiste-pas/commentaires', false],
    ['/interviews/valerie-march-place-des-reseaux/autre-chose', false],
    ['/articles/page/999', false],
    ['/articles/page/deux', false],
    ['/tags/nexiste-pas', false],
    ['/auteurs/nexiste-pas', false],
    ['/auteurs/la-redaction/page/999', false],
    ['/podcasts/un-episode', false],
    ['/', null],
    ['/tags', null],
    ['/connexion/verifier', null],
    ['/redaction/journal', null],
    ['/a/b/c/d', null],
    ['/les-plus-apprecies', null],
    ['/les-plus-apprecies/page/3', null],
    ['/les-plus-apprecies/page/trois', false],
    ['/les-plus-apprecies/autre', false],
    ['/les-plus-apprecies/page/3/4', false],
  ])('%s → %s', (pathname, known) => {
    expect(isKnownPath(pathname, now)).toBe(known);
  });
});
