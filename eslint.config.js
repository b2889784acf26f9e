import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Lower pipeline stages never import higher ones (STYLE.md): each zone lists what it may not reach.
const stages = [
  'core',
  'config',
  'parsers',
  'sources',
  'rules',
  'detection',
  'triage',
  'incidents',
  'routing',
  'outbox',
  'channels',
  'store',
  'server',
  'cli',
  'app',
];
const forbiddenFor = (stage) => {
  if (stage === 'core') return stages.filter((s) => s !== 'core');
  const allowed = {
    parsers: ['core'],
    rules: ['core'],
    detection: ['core', 'rules'],
    triage: ['core'],
    incidents: ['core', 'triage'],
  }[stage];
  return allowed ? stages.filter((s) => s !== stage && !allowed.includes(s)) : [];
};
const boundaryRules = stages
  .map((stage) => ({ stage, forbidden: forbiddenFor(stage) }))
  .filter(({ forbidden }) => forbidden.length > 0)
  .map(({ stage, forbidden }) => ({
    files: [`src/${stage}/**/*.ts`],
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
