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

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'coverage', 'bench/data', 'tmp'] },
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
);
