import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', 'docs/', 'assets/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'crypto'], message: 'shared/ is platform-neutral: no Node built-ins.' },
          { group: ['electron', 'electron/*'], message: 'shared/ must not import electron.' },
          { group: ['../main/*', '../../main/*', '../renderer/*', '../../renderer/*'], message: 'shared/ imports only shared/.' },
        ],
      }],
    },
  },
  {
    files: ['main/core/**/*.ts', 'main/cli.ts', 'main/serve/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['electron', 'electron/*'], message: 'The core never imports electron: keep it in main/electron/.' }],
      }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'electron', 'electron/*'], message: 'The renderer runs sandboxed: no Node or Electron imports.' },
          { group: ['../main/*', '../../main/*'], message: 'The renderer imports shared/ types only.' },
        ],
      }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
