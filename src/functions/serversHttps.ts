import { createRulesetFunction } from '@stoplight/spectral-core';
import { plainServers, type PlainServer } from '../openapi/transport.js';
import { guard } from './guard.js';
import { FindingList } from './findingList.js';

/** Decides whether every server and scheme the description offers is HTTPS. */
export const serversHttps = createRulesetFunction<unknown, null>(
  { input: null, options: null },
  function serversHttps(root) {
    return guard('servers-https', () => {
      const findings = new FindingList();
      for (const server of plainServers(root)) {
        findings.add(server.jsonPath, describe(server));
      }
      return findings.results;
    });
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
