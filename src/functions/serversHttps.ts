import { plainServers, type PlainServer } from '../openapi/transport.js';
import { decisionFunction, type Verdict } from './kernel.js';

/** Decides whether every server and scheme the description offers is HTTPS. */
export const serversHttps = decisionFunction<null>(
  { input: null, options: null },
  function serversHttps(root) {
    const findings: Verdict[] = [];
    for (const server of plainServers(root)) {
      findings.push({ path: server.jsonPath, message: describe(server) });
    }
    return findings;
  },
);

function describe(server: PlainServer): string {
  switch (server.kind) {
    case 'url':
      return `Server URL "${server.value}" is not encrypted; serve the API over HTTPS only ("${server.suggestion}").`;
    case 'variable':
      return `Server variable value "${server.value}" makes the server URL "${server.url}" unencrypted; offer HTTPS only ("${server.suggestion}").`;
    case 'scheme':
      return `Scheme "${server.value}" serves the API unencrypted; list only "${server.value.toLowerCase() === 'ws' ? 'wss' : 'https'}" in \`schemes\`.`;
  }
}
