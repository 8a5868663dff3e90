import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// What a client component imports ships to every reader: no validation library, no server code.
// This follows each 'use client' file's value imports (type imports are erased) through the project.
const root = path.resolve(import.meta.dirname, '../../..');
const FORBIDDEN = ['zod', 'server-only', 'pg', '@prisma/client', '@prisma/adapter-pg', 'node:crypto', 'next/headers'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/') ? path.join(root, specifier.slice(2)) : path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^import\s+(?!type\b)[^'"]*?from\s+'([^']+)';|^import\s+'([^']+)';/gm)].map((match) => match[1] ?? match[2] ?? '');
}

function reachable(file: string, seen = new Set<string>(), trail: string[] = []): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  // A server action module is only a reference in the browser.
  if (/^['"]use server['"]/m.test(readFileSync(file, 'utf8'))) return [];
  const problems: string[] = [];
  for (const specifier of valueImports(file)) {
    const chain = [...trail, path.relative(root, file)];
    if (FORBIDDEN.includes(specifier)) problems.push(`${chain.join(' → ')} → ${specifier}`);
    else if (specifier.startsWith('.') || specifier.startsWith('@/')) {
      const target = resolveLocal(file, specifier);
      if (target) problems.push(...reachable(target, seen, chain));
    }
  }
  return problems;
}

describe('the code that runs in the browser', () => {
  const clientFiles = [...sourceFiles(path.join(root, 'components')), ...sourceFiles(path.join(root, 'app'))].filter((file) =>
    /^['"]use client['"]/m.test(readFileSync(file, 'utf8')),
  );

  it('exists (the check below looks at something)', () => {
    expect(clientFiles.length).toBeGreaterThan(5);
  });

  it('imports neither zod nor anything meant for the server', () => {
    expect(clientFiles.flatMap((file) => reachable(file))).toEqual([]);
  });
});
