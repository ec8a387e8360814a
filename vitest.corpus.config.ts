import { defineConfig } from 'vitest/config';

/**
 * `npm run test:corpus -- <folder>`: the tests on a corpus of real descriptions (test/corpus), which need the
 * folder and take minutes. .ci/run runs them on ../shared/corpus after npm test.
 */
export default defineConfig({
  test: {
    include: ['test/corpus/**/*.test.ts'],
    testTimeout: 900_000,
    hookTimeout: 300_000,
    maxWorkers: 1,
  },
});
