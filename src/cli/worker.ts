// A worker thread of `restlint lint` over several descriptions (src/cli/pool.ts): it builds the run's ruleset
// from the settings it is started with, then lints each file it is sent and replies with what became of it.
import { parentPort, workerData } from 'node:worker_threads';
import type { Ruleset } from '@stoplight/spectral-core';
import { reasonOf } from '../loader/problem.js';
import { lintFile, settingsRuleset, type LintSettings, type WorkerReply, type WorkerRequest } from './pool.js';

/** Serves the requests of the thread's parent until it says the run is done. */
export function serve(): void {
  const settings = workerData as LintSettings;
  const port = parentPort!;
  const ruleset: Promise<Ruleset | string> = settingsRuleset(settings).catch((error: unknown) => reasonOf(error));
  port.on('message', (request: WorkerRequest) => {
    if ('done' in request) {
      port.close();
      return;
    }
    void (async () => {
      const loaded = await ruleset;
      const reply: WorkerReply = typeof loaded === 'string' ? { failed: loaded } : { index: request.index, outcome: await lintFile(request.file, loaded, settings) };
      port.postMessage(reply);
    })();
  });
}
