import { spelledAsAction } from '../openapi/model.js';
import { missingResponseHeader } from './missingResponseHeader.js';
import { decisionFunction } from './kernel.js';

/**
 * Decides whether each `201 Created` response of a POST declares a `Location` header. A POST to an
 * operation spelled as one (`/{index}/_termvectors`, `/_render/template`, `/topics:publish`) computes or
 * acts: the classifier gives it no created resource to point at, so it is not asked for `Location`.
 */
export const createdLocationHeader = decisionFunction<null>(
  { input: null, options: null },
  function createdLocationHeader(root) {
    return missingResponseHeader(root, {
        method: 'post',
        status: '201',
        header: 'location',
        applies: (operation) => !spelledAsAction(operation.path.parsed),
        message: '201 Created response declares no `Location` header; declare `Location` with the URI of the created resource.',
      });
  },
);
