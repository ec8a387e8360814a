export { compareFindings, createLinter, isJsonSource, SEVERITIES, severityName } from './lint.js';
export type { Finding, Linter, RuleInfo, SeverityName } from './lint.js';
export { formatJson, formatRulesJson } from './formatters/json.js';
export { formatJsonPath, formatRulesStylish, formatStylish } from './formatters/stylish.js';
export type { FormatContext } from './formatters/context.js';
export { expandTargets } from './loader/targets.js';
export { readDescriptionFile } from './loader/readFile.js';
export { LoadError } from './loader/problem.js';
export type { Problem, Result } from './loader/problem.js';
