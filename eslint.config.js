// @ts-check
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import moduleBoundaries from './eslint-rules/module-boundaries.js';

/**
 * Fast lint (no type information: `tsc --noEmit` does the type checking) plus the house rule that
 * enforces the module boundaries and the allowed module graph (ARCHITECTURE.md).
 */
export default defineConfig(
  { ignores: ['dist/', 'data/', 'node_modules/', 'coverage/', 'test-results/', '.bench/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    plugins: { onestop: { rules: { 'module-boundaries': moduleBoundaries } } },
    rules: {
      'onestop/module-boundaries': [
        'error',
        { allowed: { portal: ['catalog', 'search', 'identity'], catalog: ['search'], demo: ['catalog', 'search', 'population', 'legalpersons', 'identity'], search: [], identity: ['catalog', 'population', 'legalpersons'], population: [], legalpersons: ['population'], calendar: ['catalog'], forms: ['catalog', 'identity'], uploads: ['identity'], cases: ['catalog', 'identity', 'calendar', 'forms', 'uploads'] } },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Node 20 lacks these (see CODE_STYLE.md); tsc's lib setting catches them in .ts, this in .js too.
      'no-restricted-properties': [
        'error',
        { object: 'Object', property: 'groupBy', message: 'Not in Node 20: group with a Map and a loop.' },
        { object: 'Map', property: 'groupBy', message: 'Not in Node 20: group with a Map and a loop.' },
        { object: 'Promise', property: 'withResolvers', message: 'Not in Node 20: use new Promise((resolve, reject) => …).' },
        { object: 'Array', property: 'fromAsync', message: 'Not in Node 20: collect with for await.' },
      ],
    },
  },
  {
    // The one browser script (progressive enhancement); everything else runs on Node.
    files: ['src/web/assets/**/*.js'],
    languageOptions: {
      globals: { document: 'readonly', window: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly' },
    },
  },
);
