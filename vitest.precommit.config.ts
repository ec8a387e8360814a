import { defineConfig } from 'vitest/config';

/**
 * `npm run test:precommit`: the pre-commit hook run by the real pre-commit tool (`pre-commit try-repo`), which
 * needs the tool installed (Debian: apt-get install pre-commit) and the npm registry. .ci/run runs it after npm test.
 */
export default defineConfig({
  test: {
    include: ['test/precommit/**/*.test.ts'],
    testTimeout: 900_000,
    hookTimeout: 120_000,
  },
});
