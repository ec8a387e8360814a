import { createRulesetFunction, type IFunctionResult, type RulesetFunction, type RulesetFunctionContext } from '@stoplight/spectral-core';
import { messageShape } from '../formatters/messageShape.js';
import { isIgnored } from '../openapi/ignores.js';
import type { JsonPath } from '../openapi/model.js';
import { escapeResultPaths, placeExactly } from './exactPaths.js';
import { resolvedRoot } from './resolvedRoot.js';

/**
 * What a rule function decides about one place of the document: the node it judged (a path in the resolved
 * document) and, when the place breaks the rule, the finding's message. A verdict without a message says
 * that a place was checked, whatever the outcome (`checked`): a rule that folds (see `FoldSpec`) gives one for
 * every place it judges, so that the kernel can tell a choice the whole document makes from a few outliers.
 */
export interface Verdict {
  readonly path?: JsonPath;
  readonly message?: string;
  /**
   * The design choice a finding stands for; findings of one choice can fold into one (default: the shape of
   * the message, src/formatters/messageShape.ts).
   */
  readonly choice?: string;
  /** What was judged at the node when one node holds several candidates (a property name in a `properties` object). */
  readonly subject?: string;
  /**
   * The kind of place, when a rule judges places of several kinds (request and response bodies): a choice is
   * compared with the checked places of its own kind only.
   */
  readonly scope?: string;
  /**
   * The part of the document the place lies in, when parts may choose apart (request bodies and the rest): a
   * choice of the whole document folds first; failing that, a choice of one part folds over that part.
   */
  readonly area?: string;
  /**
   * The choice a finding follows from, when several findings follow from one (the paths below a path that
   * nests too deep nest too deep because of it): findings of one family are one finding, at the family's
   * first, with every member among its places (see `FoldSpec.family`).
   */
  readonly family?: string;
}

/** The verdict that a place was checked (it counts among the places a folded choice is compared with). */
export function checked(path: JsonPath, subject?: string, scope?: string, area?: string): Verdict {
  return { path, ...(subject === undefined ? {} : { subject }), ...(scope === undefined ? {} : { scope }), ...(area === undefined ? {} : { area }) };
}

/** A rule function that only decides: the kernel does the rest (see `ruleKernel`). */
export type Decide<O> = (input: unknown, options: O, context: RulesetFunctionContext) => Verdict[];

/**
 * Creates a rule function (with its options schema, as Spectral's createRulesetFunction does) whose body
 * returns verdicts, passes included; defineRule wraps it in the kernel.
 */
export function decisionFunction<O>(schemas: Parameters<typeof createRulesetFunction>[0], decide: Decide<O>): RulesetFunction<unknown, O> {
  return createRulesetFunction<unknown, O>(schemas as Parameters<typeof createRulesetFunction<unknown, O>>[0], decide as unknown as RulesetFunction<unknown, O>);
}

/** One place of a folded finding, as restlint's JSON and SARIF output give it. */
export interface FoldPlace {
  readonly path: JsonPath;
  readonly source?: string;
  readonly range?: { start: { line: number; character: number }; end: { line: number; character: number } };
  readonly message: string;
}

/** A group of findings of one choice, as a rule's summary speaks of it. */
export interface FoldGroup {
  /** The findings of the group, in document order of discovery. */
  readonly findings: readonly { readonly path: JsonPath; readonly message: string }[];
  /** How many places the rule checked in the document (compliant ones included; see `checked`). */
  readonly candidates: number;
  /** How many distinct operations (`GET /a`) the group's places were reached from. */
  readonly operations: number;
  /** The choice the group stands for. */
  readonly choice: string;
  /** The part of the document the group covers (see `Verdict.area`), or undefined for the whole document. */
  readonly area?: string;
}

/** How a rule folds a document-wide choice into one finding. */
export interface FoldSpec {
  /**
   * The message of the folded finding: a true statement about the document, with a fix; undefined when this
   * choice is not one to fold (its findings are then reported one by one).
   */
  summary(group: FoldGroup): string | undefined;
  /** The fewest places that fold (default FOLD_MIN). */
  readonly min?: number;
  /**
   * The message of the one finding a family of findings (`Verdict.family`) becomes, given its first finding
   * and the others; without it, a family's findings are reported one by one.
   */
  family?(group: FamilyGroup): string;
  /** The fewest findings a family needs to be one finding (default 2). */
  readonly familyMin?: number;
}

/** The findings of one family, as the finding they become speaks of them. */
export interface FamilyGroup {
  /** The family (`Verdict.family`). */
  readonly family: string;
  /**
   * The family's head: the finding most operations reach (a shared response), else the first in the order the
   * rule gave them; its message with the uses of a shared node.
   */
  readonly head: { readonly path: JsonPath; readonly message: string };
  /** The others, in order. */
  readonly others: readonly { readonly path: JsonPath; readonly message: string }[];
}

/**
 * A choice folds only when it has at least this many places: below that, a reader takes in each finding
 * (a short list of the same finding is still read), so a small document keeps its findings where they are.
 * On the large descriptions that prompted folding, one choice repeats 50 to 1,000 times.
 */
export const FOLD_MIN = 20;

/**
 * Where the places of folded findings are recorded: a map on the Spectral Document being linted, which
 * restlint's linter puts there before a run (src/lint.ts) and reads after it. Hosts that do not put one there
 * (the Spectral CLI, the VS Code extension) get the folded finding alone.
 */
export const FOLD_PLACES = Symbol.for('restlint.foldPlaces');

/** The key a folded finding's places are recorded under. */
export function foldKey(ruleId: string, message: string): string {
  return `${ruleId}\u0000${message.trim()}`;
}

const nodeIds = new WeakMap<object, number>();
let nextNodeId = 1;

/** The identity of the node at `path` in the resolved document: the same object reached through several `$ref`s is one node. */
function nodeKey(root: unknown, path: JsonPath): string {
  let node = root;
  let depth = 0;
  let holder: object | undefined = typeof root === 'object' && root !== null ? root : undefined;
  let holderDepth = 0;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, segment)) break;
    node = (node as Record<string, unknown>)[segment as string];
    depth += 1;
    if (typeof node === 'object' && node !== null) {
      holder = node;
      holderDepth = depth;
    }
  }
  if (holder === undefined) return JSON.stringify(path.map(String));
  let id = nodeIds.get(holder);
  if (id === undefined) {
    id = nextNodeId++;
    nodeIds.set(holder, id);
  }
  return `${id}:${JSON.stringify(path.slice(holderDepth).map(String))}`;
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query']);

/** The operation a resolved path lies in, as a reader names it (`GET /pets`), if any. */
export function operationName(path: JsonPath): string | undefined {
  const operation = operationOf(path);
  return operation === undefined ? undefined : `${operation.method} ${String(path[1])}`;
}

/** The operation (`GET /pets`) a resolved path lies in, if any. */
function operationOf(path: JsonPath): { method: string; key: string } | undefined {
  if ((path[0] === 'paths' || path[0] === 'webhooks') && typeof path[1] === 'string') {
    if (typeof path[2] === 'string' && METHODS.has(path[2])) return { method: path[2].toUpperCase(), key: `${path[0]}:${path[1]}` };
    if (path[2] === 'additionalOperations' && typeof path[3] === 'string') return { method: path[3], key: `${path[0]}:${path[1]}` };
  }
  return undefined;
}

interface Merged {
  path: JsonPath;
  message: string;
  choice: string;
  scope: string;
  area: string;
  family: string | undefined;
  /** The distinct resolved paths the node was reached from. */
  readonly reached: Set<string>;
  /** The operations it was reached from, by `method key`, with their method. */
  readonly operations: Map<string, string>;
}

/** The sentence a finding on a shared node gets: how many operations it applies to, and with which methods. */
function usage(merged: Merged): string {
  if (merged.reached.size < 2 || merged.operations.size < 2) return '';
  const perMethod = new Map<string, number>();
  for (const method of merged.operations.values()) perMethod.set(method, (perMethod.get(method) ?? 0) + 1);
  const methods = [...perMethod].map(([method, n]) => `${n} ${method}`).join(', ');
  return ` Applies to ${merged.operations.size} operations that use it (${methods}).`;
}

/**
 * Wraps a rule function once for every host: it runs under a guard that names the rule (an exception is
 * one finding, never the end of a run), drops what `x-restlint-ignore` silences, reports each node once (the
 * same resolved node reached from several operations gives one finding, which says how many use it), folds
 * a choice the whole document makes into one finding (`fold`), and places each finding where its node is
 * written (src/functions/exactPaths.ts). The function itself only decides.
 */
export function ruleKernel<F extends RulesetFunction<any, any>>(ruleId: string, fn: F, fold?: FoldSpec, honoursIgnores = true): F {
  const wrapped = function (input: unknown, options: unknown, context: RulesetFunctionContext) {
    placeExactly(context);
    let raw: unknown;
    try {
      raw = fn(input, options, context);
    } catch (error) {
      return [unfinished(ruleId, error)];
    }
    const finish = (verdicts: unknown): IFunctionResult[] | undefined => {
      if (verdicts === undefined || verdicts === null) return undefined;
      try {
        return escapeResultPaths(settle(ruleId, verdicts as Verdict[], context, fold, honoursIgnores), context);
      } catch (error) {
        return [unfinished(ruleId, error)];
      }
    };
    if (raw instanceof Promise) return raw.then(finish, (error: unknown) => [unfinished(ruleId, error)]);
    return finish(raw);
  };
  Object.defineProperty(wrapped, 'name', { value: fn.name });
  if ('validator' in fn) Object.defineProperty(wrapped, 'validator', { value: fn.validator, enumerable: true, writable: true });
  if ('schemas' in fn) Object.defineProperty(wrapped, 'schemas', { value: fn.schemas, enumerable: false });
  return wrapped as unknown as F;
}

function unfinished(ruleId: string, error: unknown): IFunctionResult {
  const reason = error instanceof Error ? error.message : String(error);
  return { message: `restlint could not finish the ${ruleId} check on this document: ${reason}`, path: [] };
}

function settle(ruleId: string, verdicts: readonly Verdict[], context: RulesetFunctionContext, fold: FoldSpec | undefined, honoursIgnores: boolean): IFunctionResult[] {
  if (verdicts.length === 0) return [];
  const root = resolvedRoot(context);
  const candidates = new Map<string, Set<string>>();
  const merged = new Map<string, Merged>();
  for (const verdict of verdicts) {
    const path = verdict.path ?? context.path;
    // A finding without a path sits where the rule's `given` pointed.
    if (honoursIgnores && isIgnored(root, path, ruleId)) continue;
    const node = nodeKey(root, path);
    if (verdict.message === undefined) {
      const place = verdict.subject === undefined ? node : `${node}\u0000${verdict.subject}`;
      for (const scope of [verdict.scope ?? '', `${verdict.scope ?? ''}\u0000${verdict.area ?? ''}`]) {
        if (!candidates.has(scope)) candidates.set(scope, new Set());
        candidates.get(scope)!.add(place);
      }
      continue;
    }
    const key = `${node}\u0000${verdict.message}`;
    let entry = merged.get(key);
    if (entry === undefined) {
      entry = { path, message: verdict.message, choice: verdict.choice ?? messageShape(verdict.message), scope: verdict.scope ?? '', area: verdict.area ?? '', family: verdict.family, reached: new Set(), operations: new Map() };
      merged.set(key, entry);
    }
    entry.reached.add(JSON.stringify(path));
    const operation = operationOf(path);
    if (operation !== undefined) entry.operations.set(`${operation.method} ${operation.key}`, operation.method);
  }
  const findings = [...merged.values()];
  const folds: IFunctionResult[] = [];
  const inFold = new Set<Merged>();
  if (fold !== undefined) {
    for (const group of foldable(findings, candidates, fold)) {
      const folded = foldedFinding(ruleId, group, fold, root, context);
      if (folded === undefined) continue;
      folds.push(folded);
      for (const member of group.members) inFold.add(member);
    }
  }
  const heads = fold?.family === undefined ? new Map<Merged, IFunctionResult>() : families(ruleId, findings, inFold, fold.family, fold.familyMin ?? 2, context);
  const results: IFunctionResult[] = [];
  for (const finding of findings) {
    if (inFold.has(finding)) continue;
    const head = heads.get(finding);
    if (head !== undefined) results.push(head);
    else results.push({ message: finding.message + usage(finding), path: finding.path });
  }
  return [...results, ...folds];
}

/**
 * The one finding of each family of at least `min` findings (`Verdict.family`), by its head (the member most
 * operations reach, else the first), which it replaces; the other members join `inFold` (they are among its
 * places, in order).
 */
function families(ruleId: string, findings: readonly Merged[], inFold: Set<Merged>, message: NonNullable<FoldSpec['family']>, min: number, context: RulesetFunctionContext): Map<Merged, IFunctionResult> {
  const byFamily = new Map<string, Merged[]>();
  for (const finding of findings) {
    if (finding.family === undefined || inFold.has(finding)) continue;
    const members = byFamily.get(finding.family);
    if (members === undefined) byFamily.set(finding.family, [finding]);
    else members.push(finding);
  }
  const heads = new Map<Merged, IFunctionResult>();
  for (const [family, members] of byFamily) {
    if (members.length < min) continue;
    // The family sits on the member most operations reach (a shared response), else on its first.
    let head = members[0]!;
    for (const member of members) if (member.operations.size > head.operations.size) head = member;
    const others = members.filter((m) => m !== head);
    const text = message({ family, head: { path: head.path, message: head.message + usage(head) }, others: others.map((m) => ({ path: m.path, message: m.message })) });
    recordPlaces(ruleId, text, members, context);
    heads.set(head, { message: text, path: head.path });
    for (const other of others) inFold.add(other);
  }
  return heads;
}

/**
 * The choices whose findings are more than half of the places of their kind (`Verdict.scope`) the rule
 * checked, and at least FOLD_MIN: at most one per kind over the whole document, else at most one per part of
 * it (`Verdict.area`). A rule that marks no checked place never folds.
 */
function foldable(findings: readonly Merged[], candidates: ReadonlyMap<string, ReadonlySet<string>>, fold: FoldSpec): FoldCandidate[] {
  const eligible = (byArea: boolean): FoldCandidate[] => {
    const groups = new Map<string, Merged[]>();
    for (const finding of findings) {
      const key = [finding.scope, byArea ? finding.area : '', finding.choice].join('\u0000');
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [finding]);
      else group.push(finding);
    }
    const out: FoldCandidate[] = [];
    for (const members of groups.values()) {
      const { scope, area } = members[0]!;
      const checkedPlaces = candidates.get(byArea ? `${scope}\u0000${area}` : scope)?.size ?? 0;
      if (checkedPlaces > 0 && members.length >= (fold.min ?? FOLD_MIN) && members.length * 2 > checkedPlaces) {
        out.push({ choice: members[0]!.choice, scope, members, candidates: checkedPlaces, ...(byArea ? { area } : {}) });
      }
    }
    return out;
  };
  // The whole document first; a kind of place whose choice none of it makes is then looked at part by part.
  const whole = eligible(false);
  const decided = new Set(whole.map((g) => g.scope));
  return [...whole, ...eligible(true).filter((g) => !decided.has(g.scope))];
}

interface FoldCandidate {
  readonly choice: string;
  readonly scope: string;
  readonly members: Merged[];
  readonly candidates: number;
  readonly area?: string;
}

function foldedFinding(ruleId: string, group: FoldCandidate, fold: FoldSpec, root: unknown, context: RulesetFunctionContext): IFunctionResult | undefined {
  const operations = new Set<string>();
  for (const member of group.members) for (const key of member.operations.keys()) operations.add(key);
  const message = fold.summary({
    findings: group.members.map((m) => ({ path: m.path, message: m.message })),
    candidates: group.candidates,
    operations: operations.size,
    choice: group.choice,
    ...(group.area === undefined ? {} : { area: group.area }),
  });
  if (message === undefined) return undefined;
  // A summary may begin with `share` ("all 277 ..."): it is a sentence.
  const sentence = message.charAt(0).toUpperCase() + message.slice(1);
  recordPlaces(ruleId, sentence, group.members, context);
  return { message: sentence, path: documentAnchor(root) };
}

/** Where a document-level finding sits: the key that names the document's OpenAPI (or Swagger) version. */
function documentAnchor(root: unknown): JsonPath {
  if (typeof root !== 'object' || root === null) return [];
  for (const key of ['openapi', 'swagger']) if (Object.prototype.hasOwnProperty.call(root, key)) return [key];
  return [];
}

type PlacesMap = Map<string, FoldPlace[]>;
type Located = { document: { source: string | null; getRangeForJsonPath(path: JsonPath, closest?: boolean): FoldPlace['range'] }; path: JsonPath };

/** Records where each finding of a folded group is written, when the host asked for it (src/lint.ts). */
function recordPlaces(ruleId: string, message: string, members: readonly Merged[], context: RulesetFunctionContext): void {
  const places = (context.document as unknown as { [FOLD_PLACES]?: PlacesMap } | undefined)?.[FOLD_PLACES];
  if (!(places instanceof Map)) return;
  const inventory = context.documentInventory;
  const list: FoldPlace[] = members.map((member) => {
    const fullMessage = member.message + usage(member);
    try {
      const item = inventory.findAssociatedItemForPath(member.path.map(String), true) as unknown as Located | null;
      if (item === null) return { path: member.path, message: fullMessage };
      const range = item.document.getRangeForJsonPath(item.path, true);
      return { path: item.path, ...(item.document.source === null ? {} : { source: item.document.source }), ...(range === undefined ? {} : { range }), message: fullMessage };
    } catch {
      return { path: member.path, message: fullMessage };
    }
  });
  places.set(foldKey(ruleId, message), list);
}

/**
 * How many of the places a rule checked a folded group holds, for its summary: "all 277" when it holds every
 * one, else "277 of 300".
 */
export function share(group: FoldGroup): string {
  const n = group.findings.length;
  return n >= group.candidates ? `all ${n}` : `${n} of ${group.candidates}`;
}

/** " in 182 operations" when the group's places lie in operations, else nothing. */
export function inOperations(group: FoldGroup): string {
  return group.operations === 0 ? '' : ` in ${group.operations} operation${group.operations === 1 ? '' : 's'}`;
}

/** What a finding's message asks for: the text after its first "; " (restlint's messages say what is wrong, then the fix). */
export function remedyOf(message: string): string {
  const at = message.indexOf('; ');
  return at < 0 ? message : message.slice(at + 2).replace(/\.$/, '');
}
