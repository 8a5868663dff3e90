import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

// lib/ is one folder per domain; dependencies run one way: http → domains → db (docs/developpement.md, « Le code »).
const DOMAINS = ['content', 'readers', 'accounts', 'desk', 'publishing', 'newsletter', 'live', 'audience', 'import'].map((domain) => `./lib/${domain}`);
const layers = {
  files: ['**/*.{ts,tsx,mjs,mts}'],
  rules: {
    'import/no-restricted-paths': [
      'error',
      {
        zones: [
          { target: './lib/db', from: [...DOMAINS, './lib/http'], message: 'lib/db connaît la base, pas les domaines ni HTTP.' },
          { target: DOMAINS, from: './lib/http', message: 'Un domaine ne dépend pas de HTTP : c’est lib/http qui appelle les domaines.' },
          {
            target: './lib/content',
            from: ['./lib/readers', './lib/accounts', './lib/desk', './lib/publishing', './lib/newsletter', './lib/live', './lib/audience', './lib/import', './lib/db'],
            message: 'Le contenu est compilé au build, sans base ni lecteurs.',
          },
          {
            target: './lib/*.ts',
            from: ['./lib/*/**'],
            message: 'Les modules partagés de lib/ (env, errors, format…) ne dépendent d’aucun domaine.',
          },
          { target: ['./lib', './proxy.ts', './instrumentation.ts'], from: ['./app', './components'], message: 'lib/ ne dépend ni des pages ni des composants.' },
          {
            target: ['./app', './components'],
            from: './lib/db',
            message: 'Pages, routes, actions et composants passent par un domaine de lib/, jamais par la base.',
          },
        ],
      },
    ],
    'import/no-cycle': 'error',
  },
};

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  layers,
  // Links prefetch on intent, not on sight (components/layout/link.tsx).
  {
    files: ['app/**/*.tsx', 'components/**/*.tsx'],
    ignores: ['components/layout/link.tsx'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'next/link', message: 'Importez Link de @/components/layout/link : il précharge au survol, pas à l’affichage.' }] }],
    },
  },
  // Next's cache hooks are CommonJS on purpose (lib/cache/README.md).
  { files: ['lib/cache/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    ignores: ['.next/**', '.next-e2e/**', '.next-instance-*/**', 'lib/db/generated/**', '.contentlayer/**', 'node_modules/**', '.data/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**', 'bench/out/**', 'bench/bare/.next/**', 'bench/bare/next-env.d.ts'],
  },
];

export default config;
