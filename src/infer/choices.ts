// From the evidence of one or more descriptions to the team's choices: a ready-made profile (or the
// team's error schema) where the evidence is clear, and for every convention a line that says what was seen.
import type { CaseStyle } from '../openapi/propertyNames.js';
import { isMajorUrlVersion } from '../openapi/versioning.js';
import type { CaseEvidence, CorsEvidence, DocumentEvidence, HeaderEvidence, PagingEvidence, PagingStyle, VersioningEvidence } from './conventions.js';
import { PAGING_STYLES } from './conventions.js';
import { problemSchema, type ErrorBody } from './errorBodies.js';
import { addTally, CLEAR_SHARE, decide, MIN_EVIDENCE, tallyText, tooLittleText, type Tally } from './share.js';

export type Convention = 'versioning' | 'pagination' | 'errors' | 'property case' | 'X- headers' | 'CORS';

/** What one convention came to. */
export interface Judgement {
  readonly convention: Convention;
  /** The option the evidence shows clearly (`url`, `camelCase`, `own:code,text`), or undefined. */
  readonly option: string | undefined;
  /** The ready-made profile that chooses it; none when restlint's default already fits or no profile does. */
  readonly profile?: string;
  /** The team's error body schema, for an API's own shape or RFC 9457 problem details. */
  readonly errorSchema?: Record<string, unknown>;
  /** What was seen and what was chosen, in one sentence. */
  readonly text: string;
}

export interface DescriptionEvidence {
  /** The file, as shown to the user. */
  readonly file: string;
  readonly evidence: DocumentEvidence;
}

const pct = (n: number, total: number) => `${n} of ${total}`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const share = Math.round(CLEAR_SHARE * 100);

/** The judgement of every convention over all descriptions; descriptions that each show a different clear option choose nothing. */
export function inferChoices(descriptions: readonly DescriptionEvidence[]): Judgement[] {
  const all = descriptions.map((d) => d.evidence);
  const judges: [Convention, (e: DocumentEvidence[]) => Judgement][] = [
    ['versioning', (e) => judgeVersioning(sumVersioning(e.map((x) => x.versioning)))],
    ['pagination', (e) => judgePaging(sumPaging(e.map((x) => x.paging)))],
    ['errors', (e) => judgeErrors(e.flatMap((x) => x.errors.bodies), e.reduce((n, x) => n + x.errors.withoutSchema, 0))],
    ['property case', (e) => judgeCase(sumCase(e.map((x) => x.propertyCase)))],
    ['X- headers', (e) => judgeHeaders(sumHeaders(e.map((x) => x.headers)))],
    ['CORS', (e) => judgeCors(sumCors(e.map((x) => x.cors)))],
  ];
  return judges.map(([convention, judge]) => {
    const overall = judge(all);
    if (descriptions.length < 2) return overall;
    const each = descriptions.map((d) => ({ file: d.file, judgement: judge([d.evidence]) }));
    const options = new Set(each.map((e) => e.judgement.option).filter((o) => o !== undefined));
    if (options.size < 2) return { ...overall, text: `${overall.text} (${plural(descriptions.length, 'description')})` };
    const seen = each.filter((e) => e.judgement.option !== undefined).map((e) => `${e.file}: ${e.judgement.text}`);
    return { convention, option: undefined, text: `not chosen: the descriptions disagree. ${seen.join(' / ')}` };
  });
}

function sumVersioning(list: VersioningEvidence[]): VersioningEvidence {
  return list.reduce((a, b) => ({
    tally: addTally({ ...a.tally }, b.tally),
    operations: a.operations + b.operations,
    acceptFromResponse: a.acceptFromResponse + b.acceptFromResponse,
    acceptFromParameter: a.acceptFromParameter + b.acceptFromParameter,
    acceptExample: a.acceptExample ?? b.acceptExample,
    pathKeys: a.pathKeys + b.pathKeys,
    pathPrefixes: addTally({ ...a.pathPrefixes }, b.pathPrefixes),
    versionedPathKeys: a.versionedPathKeys + b.versionedPathKeys,
    versionedServers: [...new Set([...a.versionedServers, ...b.versionedServers])],
    urlVersions: addTally({ ...a.urlVersions }, b.urlVersions),
  }));
}

export function judgeVersioning(e: VersioningEvidence): Judgement {
  const verdict = decide(e.tally, ['accept', 'url', 'none']);
  const accept = e.tally.accept ?? 0;
  const url = e.tally.url ?? 0;
  const none = e.tally.none ?? 0;
  const acceptText = `${pct(accept, e.operations)} operations negotiate a versioned media type in the Accept header${e.acceptExample ? ` (${e.acceptExample})` : ''}`;
  const [prefix, prefixCount] = (Object.entries(e.pathPrefixes) as [string, number][]).sort((a, b) => b[1] - a[1])[0] ?? [];
  const urlParts: string[] = [];
  if (prefix !== undefined && prefixCount !== undefined) urlParts.push(`${pct(prefixCount, e.pathKeys)} paths start with ${prefix}`);
  else if (e.versionedPathKeys > 0) urlParts.push(`${pct(e.versionedPathKeys, e.pathKeys)} paths carry a version segment`);
  if (e.versionedServers.length > 0) urlParts.push(`the server URL ${e.versionedServers.slice(0, 2).join(', ')} carries a version`);
  const urlText = `${pct(url, e.operations)} operations carry the version in the URL (${urlParts.join('; ')})`;
  if (accept + url === 0) return { convention: 'versioning', option: undefined, text: `not chosen: no version seen in a URL or a media type of ${plural(e.operations, 'operation')}` };
  const seen = [accept > 0 ? acceptText : '', url > 0 ? urlText : ''].filter(Boolean).join('; ');
  if (verdict.tooLittle) return { convention: 'versioning', option: undefined, text: tooLittleText(plural(verdict.total, 'operation'), seen) };
  if (verdict.choice === 'none') {
    return { convention: 'versioning', option: undefined, text: `not chosen: ${pct(none, verdict.total)} operations with a JSON success body carry no version (${seen})` };
  }
  if (verdict.choice === 'url') {
    // The profile takes a major version (`v1`) only: say so when the API's URL versions have another form.
    const others = Object.keys(e.urlVersions).filter((token) => !isMajorUrlVersion(token));
    const caveat = others.length > 0 ? `; the profile takes only v{n} versions (v1, v2), so rl-version-not-in-url still reports ${others.slice(0, 2).join(', ')}` : '';
    return { convention: 'versioning', option: 'url', profile: 'url-versioning', text: `${urlText}${accept > 0 ? `; ${acceptText}` : ''}${caveat}` };
  }
  if (verdict.choice === 'accept') {
    return { convention: 'versioning', option: 'accept', text: `restlint's default (the Accept header) fits: ${acceptText}${url > 0 ? `; ${urlText}` : ''}` };
  }
  return { convention: 'versioning', option: undefined, text: `not chosen, no clear majority (${share}% needed): ${acceptText}; ${urlText}` };
}

function sumPaging(list: PagingEvidence[]): PagingEvidence {
  return list.reduce((a, b) => ({ tally: addTally({ ...a.tally }, b.tally), collections: a.collections + b.collections, unpaged: a.unpaged + b.unpaged }));
}

const PAGING_TEXT: Record<PagingStyle, string> = {
  'offset-limit': 'offset and limit',
  range: 'a Range header',
  cursor: 'a cursor and a limit',
  'cursor-without-limit': 'a cursor without a `limit` parameter',
  page: 'page numbers (page, per_page)',
  other: 'other paging parameters (a limit alone, skip, top, ...)',
};
const PAGING_PROFILES: Partial<Record<PagingStyle, string>> = { 'offset-limit': 'offset-limit-pagination', range: 'range-pagination', cursor: 'cursor-pagination', page: 'page-pagination' };

export function judgePaging(e: PagingEvidence): Judgement {
  const verdict = decide(e.tally, PAGING_STYLES);
  const seen = `${pct(verdict.total, e.collections)} collection reads page: ${tallyText(e.tally, (k) => `with ${PAGING_TEXT[k]}`)}`;
  if (e.collections === 0) return { convention: 'pagination', option: undefined, text: 'not chosen: no collection read' };
  if (verdict.total === 0) return { convention: 'pagination', option: undefined, text: `not chosen: none of ${plural(e.collections, 'collection read')} pages` };
  if (verdict.tooLittle) return { convention: 'pagination', option: undefined, text: tooLittleText(plural(verdict.total, 'collection read that pages', 'collection reads that page'), seen) };
  if (verdict.choice === undefined) return { convention: 'pagination', option: undefined, text: `not chosen, no clear majority (${share}% needed): ${seen}` };
  const profile = PAGING_PROFILES[verdict.choice];
  if (profile !== undefined) return { convention: 'pagination', option: verdict.choice, profile, text: seen };
  return { convention: 'pagination', option: verdict.choice, text: `no profile fits (restlint's profiles are offset/limit, Range, cursor with limit and page numbers), so rl-collection-pagination keeps its default: ${seen}` };
}

const ERROR_TEXT: Record<string, string> = {
  'status-code': '{status, code, message}',
  'errors-array': '{errors: [{code, message}]}',
  'code-message': '{code, message}',
  problem: 'RFC 9457 problem details',
};
const ERROR_PROFILES: Record<string, string> = { 'status-code': 'status-code-errors', 'errors-array': 'errors-array-errors', 'code-message': 'code-message-errors' };

export function judgeErrors(bodies: readonly ErrorBody[], withoutSchema: number): Judgement {
  const total = bodies.length;
  const count = (test: (b: ErrorBody) => boolean) => bodies.filter(test).length;
  const own = bodies.filter((b) => b.kind === 'own');
  const signatures: Tally<string> = {};
  for (const b of own) signatures[b.signature] = (signatures[b.signature] ?? 0) + 1;
  const [ownSignature, ownCount] = (Object.entries(signatures) as [string, number][]).sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  const coverage: [string, number][] = [
    ['status-code', count((b) => b.kind === 'status-code')],
    ['errors-array', count((b) => b.kind === 'errors-array')],
    ['code-message', count((b) => b.kind === 'code-message' || b.kind === 'status-code')],
    ['problem', count((b) => b.kind === 'problem')],
    [`own:${ownSignature}`, ownCount],
  ];
  const noBody = withoutSchema > 0 ? `; ${plural(withoutSchema, 'error response')} without a JSON body schema not counted` : '';
  if (total === 0) return { convention: 'errors', option: undefined, text: `not chosen: no error response declares a JSON body schema${noBody}` };
  const kinds = tallyText(
    Object.fromEntries(['status-code', 'errors-array', 'code-message', 'problem', 'own', 'not-object'].map((k) => [k, count((b) => b.kind === k)])),
    (k) => (k === 'own' ? 'of their own shape' : k === 'not-object' ? 'not an object' : ERROR_TEXT[k]!),
  );
  if (total < MIN_EVIDENCE) return { convention: 'errors', option: undefined, text: tooLittleText(plural(total, 'error body', 'error bodies'), `${kinds}${noBody}`) };
  const chosen = coverage.find(([, n]) => n > 0 && n >= CLEAR_SHARE * total);
  if (chosen === undefined) return { convention: 'errors', option: undefined, text: `not chosen, no clear majority (${share}% needed): ${total} error bodies: ${kinds}${noBody}` };
  const [option, n] = chosen;
  const envelopes = count((b) => b.envelope && (option === 'code-message' ? b.kind === 'code-message' || b.kind === 'status-code' : b.kind === option));
  const inEnvelope = envelopes > 0 ? ` (${envelopes} inside an {error: {...}} envelope)` : '';
  if (option in ERROR_PROFILES) {
    return { convention: 'errors', option, profile: ERROR_PROFILES[option], text: `${pct(n, total)} error bodies are ${ERROR_TEXT[option]}${inEnvelope}${noBody}` };
  }
  if (option === 'problem') {
    const schema = problemSchema(bodies.filter((b) => b.kind === 'problem'));
    return { convention: 'errors', option, errorSchema: schema, text: `${pct(n, total)} error bodies are ${ERROR_TEXT.problem}, written as the team's error schema${noBody}` };
  }
  const first = own.find((b) => b.signature === ownSignature)!;
  return {
    convention: 'errors',
    option,
    errorSchema: first.teamSchema,
    text: `${pct(n, total)} error bodies have the API's own shape {${ownSignature.split(',').join(', ')}}, written as the team's error schema${noBody}`,
  };
}

function sumCase(list: CaseEvidence[]): CaseEvidence {
  return list.reduce((a, b) => ({ tally: addTally({ ...a.tally }, b.tally), neutral: a.neutral + b.neutral, none: a.none + b.none, examples: { ...b.examples, ...a.examples } }));
}
const CASE_PROFILES: Partial<Record<CaseStyle, string>> = { camelCase: 'camel-case', 'kebab-case': 'kebab-case', PascalCase: 'pascal-case' };

export function judgeCase(e: CaseEvidence): Judgement {
  const verdict = decide(e.tally, ['snake_case', 'camelCase', 'kebab-case', 'PascalCase']);
  const seen = `${verdict.total} property names tell the styles apart: ${tallyText(e.tally, (k) => `${k}${e.examples[k] ? ` (${e.examples[k]})` : ''}`)}`;
  if (verdict.total === 0) return { convention: 'property case', option: undefined, text: `not chosen: no property name tells the case styles apart (${e.neutral} one-word names fit several)` };
  if (verdict.tooLittle) return { convention: 'property case', option: undefined, text: tooLittleText(plural(verdict.total, 'property name that tells', 'property names that tell') + ' the styles apart', seen) };
  if (verdict.choice === undefined) return { convention: 'property case', option: undefined, text: `not chosen, no clear majority (${share}% needed): ${seen}` };
  const profile = CASE_PROFILES[verdict.choice];
  const text = `${pct(verdict.leaderCount, verdict.total)} property names that tell the styles apart are ${verdict.choice}${e.examples[verdict.choice] ? ` (${e.examples[verdict.choice]})` : ''}${verdict.leaderCount < verdict.total ? `; the others: ${tallyText(Object.fromEntries(Object.entries(e.tally).filter(([k]) => k !== verdict.choice)))}` : ''}`;
  return profile === undefined
    ? { convention: 'property case', option: verdict.choice, text: `restlint's default (snake_case) fits: ${text}` }
    : { convention: 'property case', option: verdict.choice, profile, text };
}

function sumHeaders(list: HeaderEvidence[]): HeaderEvidence {
  return { prefixed: new Set(list.flatMap((h) => [...h.prefixed])), unprefixed: new Set(list.flatMap((h) => [...h.unprefixed])) };
}
const names = (set: ReadonlySet<string>) => [...set].slice(0, 3).join(', ') + (set.size > 3 ? ', ...' : '');

export function judgeHeaders(e: HeaderEvidence): Judgement {
  const verdict = decide({ unprefixed: e.unprefixed.size, prefixed: e.prefixed.size }, ['unprefixed', 'prefixed']);
  const seen = `${plural(verdict.total, 'custom header name')}: ${e.prefixed.size} with X- (${names(e.prefixed) || 'none'}), ${e.unprefixed.size} without (${names(e.unprefixed) || 'none'})`;
  if (verdict.total === 0) return { convention: 'X- headers', option: undefined, text: 'not chosen: no custom header (one no HTTP specification defines) is declared' };
  if (verdict.tooLittle) return { convention: 'X- headers', option: undefined, text: tooLittleText(plural(verdict.total, 'custom header name'), seen) };
  if (verdict.choice === 'unprefixed') return { convention: 'X- headers', option: 'unprefixed', profile: 'no-x-headers', text: seen };
  if (verdict.choice === 'prefixed') return { convention: 'X- headers', option: 'prefixed', text: `restlint's default (X- allowed) fits: ${seen}` };
  return { convention: 'X- headers', option: undefined, text: `not chosen, no clear majority (${share}% needed): ${seen}` };
}

function sumCors(list: CorsEvidence[]): CorsEvidence {
  return list.reduce((a, b) => ({ wildcard: a.wildcard + b.wildcard, other: a.other + b.other, undocumented: a.undocumented + b.undocumented }));
}

export function judgeCors(e: CorsEvidence): Judgement {
  const verdict = decide({ wildcard: e.wildcard, other: e.other }, ['wildcard', 'other']);
  const all = e.wildcard + e.other + e.undocumented;
  const seen = `${pct(e.wildcard, all)} Access-Control-Allow-Origin response headers are documented as *, ${e.other} with other origins, ${e.undocumented} without a value`;
  if (verdict.total === 0) return { convention: 'CORS', option: undefined, text: all === 0 ? 'not chosen: no response declares Access-Control-Allow-Origin' : `not chosen: ${seen}` };
  if (verdict.tooLittle) return { convention: 'CORS', option: undefined, text: tooLittleText(plural(verdict.total, 'documented Access-Control-Allow-Origin value'), seen) };
  if (verdict.choice === 'wildcard') return { convention: 'CORS', option: 'wildcard', profile: 'cors-allowed', text: seen };
  if (verdict.choice === 'other') return { convention: 'CORS', option: 'other', text: `restlint's default (* reported) fits: ${seen}` };
  return { convention: 'CORS', option: undefined, text: `not chosen, no clear majority (${share}% needed): ${seen}` };
}
