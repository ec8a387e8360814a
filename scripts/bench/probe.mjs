// Loaded into every Node process the benchmark starts (NODE_OPTIONS=--import, so also into their own Node
// children): on exit, appends { pid, cpu (user + system, microseconds), maxRSS (KiB), net } as a JSON line to the
// file named by RESTLINT_BENCH_PROBE. It also turns the network off: a TCP connection is refused (the socket
// ends with an error) and recorded in `net`, so that a run that tried to fetch something shows it.
import { appendFileSync } from 'node:fs';
import net from 'node:net';
import { isMainThread } from 'node:worker_threads';

const report = process.env.RESTLINT_BENCH_PROBE;
if (report) {
  const attempts = [];
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function benchConnect(...args) {
    let target = args[0];
    if (Array.isArray(target)) target = target[0]; // the normalized form net.connect passes
    const local = typeof target === 'string' ? Number.isNaN(Number(target)) : target !== null && typeof target === 'object' && typeof target.path === 'string';
    if (local) return connect.apply(this, args);
    const where = typeof target === 'object' && target !== null ? `${target.host ?? 'localhost'}:${target.port}` : `${typeof args[1] === 'string' ? args[1] : 'localhost'}:${target}`;
    attempts.push(where);
    process.nextTick(() => this.destroy(new Error(`the network is off in the benchmark (${where})`)));
    return this;
  };
  process.on('exit', () => {
    if (!isMainThread) {
      // A worker's CPU is in its process's figure already; only its connection attempts are its own.
      if (attempts.length > 0) appendFileSync(report, `${JSON.stringify({ pid: process.pid, worker: true, net: attempts })}\n`);
      return;
    }
    const { user, system } = process.cpuUsage();
    appendFileSync(report, `${JSON.stringify({ pid: process.pid, cpu: user + system, maxRSS: process.resourceUsage().maxRSS, net: attempts })}\n`);
  });
}
