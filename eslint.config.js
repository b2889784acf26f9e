import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Lower pipeline stages never import higher ones (STYLE.md): a stage may import only the stages
// to its left in this order, through their index.ts.
const stages = [
  'core',
  'demo',
  'config',
  'store',
  'sources',
  'parsers',
  'rules',
  'detection',
  'triage',
  'incidents',
  'routing',
  'outbox',
  'channels',
  'server',
  'app',
  'cli',
];
const forbiddenFor = (stage) => stages.slice(stages.indexOf(stage) + 1);
const boundaryRules = stages
  .map((stage) => ({ stage, forbidden: forbiddenFor(stage) }))
  .filter(({ forbidden }) => forbidden.length > 0)
  .map(({ stage, forbidden }) => ({
    files: [`src/${stage}/**/*.ts`],
    // Tests and their fixtures compose stages as the app does; the order binds the code they test.
    ignores: ['**/*.test.ts', '**/testdata/**', '**/*.contract.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: forbidden.map((s) => ({
            group: [`**/${s}/*`, `**/${s}`],
            message: `${stage}/ may not import ${s}/ (pipeline order, STYLE.md)`,
          })),
        },
      ],
    },
  }));

// The dashboard runs in browsers. It may use Klaxon's pure modules (core/ types and values,
// triage/'s ATT&CK catalogue) and the store's types, nothing that touches files, sockets or SQL.
const browserGlobals = Object.fromEntries(
  [
    'window',
    'document',
    'navigator',
    'location',
    'history',
    'fetch',
    'EventSource',
    'URL',
    'URLSearchParams',
    'ResizeObserver',
    'HTMLElement',
    'File',
    'Response',
    'console',
    'setTimeout',
    'clearTimeout',
  ].map((name) => [name, 'readonly']),
);
const webRules = {
  files: ['web/**/*.{ts,tsx}'],
  languageOptions: { globals: browserGlobals },
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['**/src/*', '!**/src/core', '!**/src/triage', '!**/src/store'],
            message: 'web/ may import only core/, triage/ and types of store/ (STYLE.md)',
          },
          {
            group: ['**/src/store'],
            allowTypeImports: true,
            message: 'web/ may import only types from store/',
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'packages/*/dist',
      'coverage',
      'bench/data',
      'bench/.peers',
      'bench/.build',
      'tmp',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['bin/**/*.js'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
  ...boundaryRules,
  webRules,
);
