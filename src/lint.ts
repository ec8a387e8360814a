import { Document, Spectral, type ISpectralDiagnostic, type Ruleset, type RulesetDefinition } from '@stoplight/spectral-core';
import Parsers from '@stoplight/spectral-parsers';
import { createLocalResolver } from './loader/resolver.js';

export type Finding = ISpectralDiagnostic;

/** A linter bound to one ruleset; `lint` takes a description's text and its absolute file path. */
export interface Linter {
  lint(text: string, source: string): Promise<Finding[]>;
}

/** Whether a file name is read as JSON (by extension); everything else is read as YAML. */
export function isJsonSource(source: string): boolean {
  return /\.json$/i.test(source);
}

export function createLinter(ruleset: RulesetDefinition | Ruleset): Linter {
  const spectral = new Spectral({ resolver: createLocalResolver() });
  spectral.setRuleset(ruleset);
  return {
    async lint(text, source) {
      const document = isJsonSource(source)
        ? new Document(text, Parsers.Json, source)
        : new Document(text, Parsers.Yaml, source);
      const findings = await spectral.run(document, { ignoreUnknownFormat: false });
      return findings.sort(compareFindings);
    },
  };
}

/** Orders findings by file, then position, then rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.source ?? '').localeCompare(b.source ?? '') ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.code.toString().localeCompare(b.code.toString())
  );
}
