import { getApiModel, type HttpMethod, type OperationInfo } from '../openapi/model.js';
import { isUnresolvedRef } from '../openapi/parameters.js';
import { checked, type Verdict } from './kernel.js';

export interface RequiredResponseHeader {
  /** The response status key that must declare the header. */
  readonly status: string;
  /** The header, lower-case. */
  readonly header: string;
  /** Only responses of operations with this method, when given. */
  readonly method?: HttpMethod;
  /** Only operations for which this holds, when given. */
  readonly applies?: (operation: OperationInfo) => boolean;
  /** The finding's message. It speaks of the response only: the response may be shared by many operations. */
  readonly message: string;
}

/** A verdict per response with the given status (each is checked), and a finding where it does not declare the header. */
export function missingResponseHeader(root: unknown, wanted: RequiredResponseHeader): Verdict[] {
  const findings: Verdict[] = [];
  for (const operation of getApiModel(root).operations) {
    if (wanted.method !== undefined && operation.method !== wanted.method) continue;
    if (wanted.applies !== undefined && !wanted.applies(operation)) continue;
    for (const response of operation.responses) {
      if (response.status !== wanted.status || isUnresolvedRef(response.value)) continue;
      findings.push(checked(response.jsonPath));
      if (!response.headers.has(wanted.header)) findings.push({ path: response.jsonPath, message: wanted.message });
    }
  }
  return findings;
}
