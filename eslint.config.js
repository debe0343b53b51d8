import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const serverOnly = ['express', 'mongoose', 'better-sqlite3', 'pino', 'pino-http', 'helmet', 'node:*', 'fs', 'http'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.data/**', 'test/artifacts/**', 'bench/.builds/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Ambient declarations for untyped deep imports travel with the files that use them, so a
      // workspace that compiles engine sources (the server's typecheck) sees them too.
      '@typescript-eslint/triple-slash-reference': ['error', { path: 'always', types: 'prefer-import', lib: 'always' }],
    },
  },
  {
    // The engine is pure: it never reaches into the server or the designer, nor does I/O.
    files: ['engine/src/**/*.ts'],
    ignores: ['engine/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@switchboard/server', '@switchboard/designer', '**/server/**', '**/designer/**'], message: 'The engine imports neither the server nor the designer.' },
            { group: serverOnly, message: 'The engine does no I/O: time and backends are arguments.' },
            { group: ['natural'], message: 'Import only the parts of natural you use (natural/lib/natural/...).' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'The engine reads no environment.' }],
    },
  },
  {
    // The schema is the browser-safe contract: zod and nothing else.
    files: ['engine/src/schema/**/*.ts'],
    ignores: ['engine/src/schema/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!zod$|\\./).*', message: 'engine/src/schema imports only zod and its own files.' }] },
      ],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@switchboard/designer', '**/designer/**'], message: 'The server talks to the designer over HTTP only.' },
            { group: ['**/engine/src/**'], message: 'Import the engine as @switchboard/engine.' },
          ],
        },
      ],
    },
  },
  {
    files: ['designer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@switchboard/engine', message: 'The designer imports only @switchboard/engine/schema (no natural in the bundle).' }],
          patterns: [
            { group: ['@switchboard/server', '**/server/**', '**/engine/src/**'], message: 'The designer talks to the server over HTTP and imports only @switchboard/engine/schema.' },
          ],
        },
      ],
    },
  },
);
