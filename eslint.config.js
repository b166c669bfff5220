// One lint configuration for the monorepo. Besides the usual TypeScript checks it
// guards the architecture: packages/core stays pure (no Node, no file system, no
// spreadsheet library, no Office) and money code never goes through floats.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export const corePurity = {
  patterns: [
    { group: ['node:*'], message: 'packages/core is pure: no Node.js modules (use a port implemented by the CLI or the add-in).' },
    {
      group: ['fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'stream', 'url', 'util', 'zlib', 'buffer', 'http', 'https', 'net', 'worker_threads', 'module', 'process'],
      message: 'packages/core is pure: no Node.js built-ins.',
    },
    { group: ['exceljs', 'exceljs/*', 'xlsx', 'jszip'], message: 'packages/core never reads files: spreadsheet libraries belong to the CLI adapter.' },
    { group: ['office-js', '@microsoft/office-js', '@types/office-js', 'office-addin-*'], message: 'packages/core knows nothing of Office: the add-in is an adapter.' },
    { group: ['@yusuan/cli', '@yusuan/cli/*', '@yusuan/excel-addin', '@yusuan/excel-addin/*'], message: 'core must not depend on its hosts.' },
  ],
};

export const moneyRules = {
  'no-restricted-globals': ['error', { name: 'parseFloat', message: 'Money is parsed from strings by Amount.parse, never through a float.' }],
  'no-restricted-properties': [
    'error',
    { object: 'Number', property: 'parseFloat', message: 'Money is parsed from strings by Amount.parse, never through a float.' },
    { property: 'toFixed', message: 'Format money with Amount.format; toFixed rounds binary floats.' },
  ],
};

export default tseslint.config(
  { ignores: ['**/*.bundled_*.mjs', '**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/coverage/**', '**/test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'No enums: use string-literal unions (see CONVENTIONS.md).' }],
    },
  },
  {
    files: ['packages/core/src/**/*.ts', 'packages/core/src/**/*.js'],
    ignores: ['packages/core/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', corePurity],
      ...moneyRules,
    },
  },
  {
    files: ['scripts/**/*.mjs', '**/*.config.*', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
