import { createRulesetFunction } from '@stoplight/spectral-core';
import { guard } from './guard.js';
import { missingResponseHeader } from './missingResponseHeader.js';

/** Decides whether each `201 Created` response of a POST declares a `Location` header. */
export const createdLocationHeader = createRulesetFunction<unknown, null>(
  { input: null, options: null },
  function createdLocationHeader(root) {
    return guard('created-location-header', () =>
      missingResponseHeader(root, {
        method: 'post',
        status: '201',
        header: 'location',
        message: '201 Created response declares no `Location` header; declare `Location` with the URI of the created resource.',
      }),
    );
  },
);
