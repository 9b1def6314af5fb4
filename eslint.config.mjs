// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'build/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // Type-aware rules: the checks that need the types (a promise passed where a void callback is
    // expected, a floating promise, an assertion the compiler already knows).
    files: ['**/*.{ts,tsx,mts}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unnecessary-condition': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to the core only through api.ts.' },
            { name: 'better-sqlite3', message: 'The renderer talks to the core only through api.ts.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a browser sandbox: no Node modules.' },
            {
              group: ['**/electron/core/**', '!**/electron/core/contract'],
              message: 'The renderer may import only types from the contract.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // Shared by the core and the renderer (bundled into both): plain TypeScript, nothing of Node,
    // Electron, the database or the core.
    files: ['electron/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'electron/shared is bundled into the renderer.' },
            { name: 'better-sqlite3', message: 'electron/shared is bundled into the renderer.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'electron/shared is bundled into the renderer: no Node modules.' },
            {
              group: ['**/core/**', '**/renderer/**', '**/db/**'],
              message: 'electron/shared depends on nothing of the app.',
            },
          ],
        },
      ],
    },
  },
  {
    // The core is plain TypeScript: no Electron, ever.
    files: ['electron/core/**/*.ts', 'db/**/*.ts', 'electron/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The core and the loopback server must not import Electron.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
