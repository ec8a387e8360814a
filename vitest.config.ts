import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig, type Plugin } from 'vitest/config';

/**
 * GitHub's action parser (test/formatters/action.test.ts) imports its JSON schema without an import attribute,
 * which Node refuses; Vite loads it instead (`server.deps.inline`). Its published source maps name sources it
 * does not ship: they are dropped here, so that Vite does not warn about each of its files.
 */
const ACTIONS_PARSER = /[\\/]node_modules[\\/]@actions[\\/](workflow-parser|expressions)[\\/]/;
const withoutSourceMaps: Plugin = {
  name: 'restlint-actions-parser-without-source-maps',
  load: (id) => (ACTIONS_PARSER.test(id) && id.endsWith('.js') ? { code: readFileSync(id, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, ''), map: null } : undefined),
};

/**
 * `npm test`: everything that runs with Node alone and small fixtures of its own. test/precommit needs the
 * pre-commit tool (vitest.precommit.config.ts), test/corpus a corpus of real descriptions (vitest.corpus.config.ts).
 */
export default defineConfig({
  plugins: [withoutSourceMaps],
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'test/precommit/**', 'test/corpus/**'],
    server: { deps: { inline: [ACTIONS_PARSER] } },
    // Many tests wait on a child process or a file: two workers on two cores take 110 s where one takes 160 s.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
