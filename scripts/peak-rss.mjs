// Preloaded with `node --import` by the corpus script: writes the process's peak resident memory (KiB)
// to the file named by RESTLINT_PEAK_RSS_FILE when the process exits, however it exits.
import { writeFileSync } from 'node:fs';

const target = process.env.RESTLINT_PEAK_RSS_FILE;
if (target) {
  process.on('exit', () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS));
  });
}
