// dist/cli/worker.cjs: the script of each worker thread of `restlint lint` (src/cli/pool.ts).
import { runLintWorker } from './load.js';

void runLintWorker();
