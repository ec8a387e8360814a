import { type IFunctionResult } from '@stoplight/spectral-core';
import { isObject } from '../openapi/model.js';
import { decisionFunction } from './kernel.js';

const MAJOR_MINOR = /^(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const SEMVER = /^v?(\d+)\.(\d+)\.\d+([-+][\w.+-]*)?$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBERISH = /^v?(\d+)(?:\.(\d+))?/i;

/** Decides whether `info.version` is a `major.minor` version with a major of at least 1. */
export const infoVersionFormat = decisionFunction<null>(
  { input: null, options: null },
  function infoVersionFormat(root) {
    if (!isObject(root) || !isObject(root.info)) return [];
    const message = problem(root.info.version);
    // A missing version is reported on `info`, the nearest node that exists.
    const path = 'version' in root.info ? ['info', 'version'] : ['info'];
    return message === undefined ? [] : [{ message, path } satisfies IFunctionResult];
  },
);

/** What is wrong with a version value, or undefined when it is a good `major.minor`. */
function problem(version: unknown): string | undefined {
  if (version === undefined) return 'info has no version; add info.version as "major.minor", for example "1.0".';
  if (typeof version === 'number') {
    return `info.version is the number ${version}, not a string; quote it as "major.minor", for example "${suggest(String(version))}".`;
  }
  if (typeof version !== 'string') return 'info.version is not a string; write it as "major.minor", for example "1.0".';
  const text = version.trim();
  const majorMinor = MAJOR_MINOR.exec(text);
  if (majorMinor) {
    if (majorMinor[1] !== '0') return undefined;
    return `info.version "${version}" has major version 0, which makes the API look unstable; start at "1.0".`;
  }
  const semver = SEMVER.exec(text);
  if (semver && semver[1] !== '0' && !/^v/i.test(text) && semver[3] === undefined) {
    return `info.version "${version}" has a patch part; the API version is only "major.minor": use "${semver[1]}.${semver[2]}".`;
  }
  if (DATE.test(text)) return `info.version "${version}" is a date; version the API as "major.minor", for example "1.0".`;
  return `info.version "${version}" is not a "major.minor" version; use the form x.y with x >= 1, for example "${suggest(text)}".`;
}

/** A `major.minor` version close to what was written: `v2` -> `2.0`, `0.3.1` -> `1.0`. */
function suggest(text: string): string {
  const m = NUMBERISH.exec(text);
  if (!m || m[1] === undefined || Number(m[1]) === 0) return '1.0';
  return `${Number(m[1])}.${m[2] === undefined ? 0 : Number(m[2])}`;
}
