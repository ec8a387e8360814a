import { configDefaults, defineConfig } from 'vitest/config';

/** `npm test`: everything that runs with Node alone. test/precommit needs the pre-commit tool: vitest.precommit.config.ts. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'test/precommit/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
