import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Unit tests (`*.test.ts`) sit next to the code; integration tests (`*.int.test.ts`) go through HTTP
 * against a real database via test/support/app.ts, on PGlite by default and on PostgreSQL when
 * DATABASE_URL is set. Sized for a 2-core machine: every integration test file holds its own
 * PGlite instance (300–700 MB), so at most two files run at once.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'eslint-rules/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'data/**'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // A PGlite copy starts in ~1 s; the first file that needs the demo template builds it (~30 s).
    testTimeout: 20_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
  },
});
