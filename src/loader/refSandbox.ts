// The rules restlint's `$ref` resolver (src/loader/refResolver.ts) reads files and URLs by, and what it shares
// with Spectral's inventory: what may be read, how a referenced text is read and parsed, and how its
// errors are put at the `$ref` they are about. src/loader/resolver.ts makes the resolver.
import { existsSync, lstatSync, realpathSync, statSync } from 'node:fs';
import { internal } from './internals.js';
import path from 'node:path';
import { Document } from '@stoplight/spectral-core';
import { extname } from './plainPaths.js';
import type { Resolver } from '@stoplight/spectral-ref-resolver';
import { checkYamlAliases, decodeText, inspectData } from './inspect.js';
import { BOUNDED_PARSE_BYTES, BudgetWatch, formatBytes, LIMITS, type Budget } from './limits.js';
import { describeReadError, readBoundedFileSync } from './readFile.js';
import { FastJson, FastYaml } from './parse.js';
import { DEFAULT_REMOTE_POLICY, fetchText, type RemotePolicy } from './remote.js';

/** How `$ref`s are resolved. The defaults are the safe ones: no network, no file outside the root. */
export interface RefOptions {
  /**
   * The folder file references must stay inside. Default: the working directory when the document lies
   * inside it, else the document's own folder.
   */
  readonly root?: string;
  /** The working directory the default root is taken from (default: process.cwd()). */
  readonly cwd?: string;
  /** Fetch http(s) references (never from loopback, private or link-local addresses). Default false. */
  readonly allowRemote?: boolean;
  /** What a refused remote reference tells the user to do to allow them. */
  readonly remoteHint?: string;
  /** What a reference refused for lying outside the root tells the user about choosing the root. */
  readonly rootHint?: string;
  /** How remote references are fetched when allowed (tests narrow the address check). */
  readonly remotePolicy?: RemotePolicy;
  /** Told the text of every referenced file read, under the name findings give it as their source. */
  readonly onRead?: (file: string, text: string) => void;
  /** Time and memory per description (default DEFAULT_BUDGET). */
  readonly budget?: Budget;
  /** The budget watch of the description being linted, when the caller keeps one across resolving and checking. */
  readonly watch?: () => BudgetWatch | undefined;
  /** The largest file a description may be made of, in bytes (default LIMITS.maxFileBytes, which is also the most it may be). */
  readonly maxFileBytes?: number;
  /** What a file refused for its size tells the user about raising the limit. */
  readonly sizeHint?: string;
  /** Parse referenced files with restlint's parser (src/loader/parse.ts) instead of Spectral's. Default false. */
  readonly fastParser?: boolean;
}

/** The scheme a refused `$ref` is rewritten to, so that the resolver reports it at the `$ref` without reading anything. */
export const REFUSED_SCHEME = 'restlint-refused';

/** Why a `$ref` rewritten to REFUSED_SCHEME (an absolute path) is not read. */
export function refusedRefError(ref: RefUri): Error {
  const written = decodeURIComponent(ref.toString().slice(REFUSED_SCHEME.length + 1));
  return new Error(`reference to ${written} was not read: it is an absolute path; write file references relative to the file that holds them`);
}

/** An absolute file path or `file:` URL: `/etc/passwd`, `file:///etc/passwd`, `C:\\Windows`, `\\\\server\\share`. */
export function isAbsoluteFileRef(ref: string): boolean {
  const text = ref.trim();
  return text.startsWith('/') || text.startsWith('\\') || /^file:/i.test(text) || /^[a-z]:[\\/]/i.test(text);
}

export const CLI_REMOTE_HINT = 'pass --allow-remote-refs to fetch it';
export const CLI_ROOT_HINT = 'see --ref-root';
export const CLI_SIZE_HINT = 'see --max-file-size';

export interface RefUri {
  href(): string;
  toString(): string;
  scheme(): string;
}

/** What one resolution (one linted document) may read, and what it has read so far. */
export interface Session {
  /** The root, symbolic links resolved. */
  readonly root: string;
  /** The root document's folder relative to the root: hidden folders on this way are the user's choice. */
  readonly documentDir: readonly string[];
  readonly rootHint: string;
  /** The largest file that may be read, and what a refusal for size says about it. */
  readonly maxFileBytes: number;
  readonly sizeHint: string;
  readonly onRead?: (file: string, text: string) => void;
  files: number;
  bytes: number;
  /** Every `$ref` to another file that was followed: `<file>#<pointer key>` -> where each such `$ref` is written. */
  readonly references: Map<string, { file: string; pointer: string }[]>;
  /** The time and memory left for this description. */
  readonly watch: BudgetWatch;
}

/** What one resolution (one linted document, its root at `baseUri`) may read, with nothing read yet. */
export function openSession(options: RefOptions, baseUri: string | undefined): Session {
  const cwd = realpathOr(path.resolve(options.cwd ?? process.cwd()));
  const document = baseUri !== undefined && baseUri !== '' && !/^[a-z][a-z0-9+.-]+:/i.test(baseUri) ? path.resolve(cwd, baseUri) : undefined;
  const documentDir = document === undefined ? cwd : realpathOr(path.dirname(document));
  const root = options.root !== undefined ? realpathOr(path.resolve(cwd, options.root)) : isInside(documentDir, cwd) ? cwd : documentDir;
  const relative = path.relative(root, documentDir);
  return {
    root,
    documentDir: isInside(documentDir, root) && relative !== '' ? relative.split(path.sep) : [],
    rootHint: options.rootHint ?? CLI_ROOT_HINT,
    maxFileBytes: Math.min(options.maxFileBytes ?? LIMITS.maxFileBytes, LIMITS.maxFileBytes),
    sizeHint: options.sizeHint ?? CLI_SIZE_HINT,
    ...(options.onRead === undefined ? {} : { onRead: options.onRead }),
    files: 0,
    bytes: 0,
    references: new Map(),
    watch: options.watch?.() ?? new BudgetWatch(options.budget),
  };
}

/** Fetches a remote reference if the options allow it; otherwise throws the reason. */
export async function readRemoteRef(options: RefOptions, ref: RefUri, session: Session): Promise<string> {
  const url = ref.href();
  if (options.allowRemote !== true) {
    throw new Error(`remote reference ${url} was not fetched: restlint reads local files only; ${options.remoteHint ?? CLI_REMOTE_HINT}`);
  }
  // A remote body counts against the description's budget like a file: reserve the most it may take
  // before fetching (fetches run in parallel), then keep only what it took.
  const policy = options.remotePolicy ?? DEFAULT_REMOTE_POLICY;
  session.watch.check('resolving references');
  if (session.files >= LIMITS.maxReferencedFiles) {
    throw new Error(`remote reference ${url} was not fetched: the description references more than ${LIMITS.maxReferencedFiles.toLocaleString('en-US')} files`);
  }
  const reserved = Math.min(policy.maxBytes, LIMITS.maxReferencedBytes - session.bytes);
  if (reserved <= 0) {
    throw new Error(`remote reference ${url} was not fetched: the files the description references exceed ${formatBytes(LIMITS.maxReferencedBytes)} together`);
  }
  session.files += 1;
  session.watch.files += 1;
  session.bytes += reserved;
  let text: string;
  try {
    text = await fetchText(url, { ...policy, maxBytes: reserved });
  } catch (error) {
    session.bytes -= reserved;
    const reason = error instanceof Error ? error.message : String(error);
    if (reserved < policy.maxBytes && reason.includes(' is larger than ')) {
      throw new Error(`remote reference ${url} was not fetched: the files the description references exceed ${formatBytes(LIMITS.maxReferencedBytes)} together`);
    }
    throw new Error(`remote reference ${url} was not fetched: ${reason}`);
  }
  const bytes = Buffer.from(text, 'utf8');
  session.bytes += bytes.length - reserved;
  return checkText(bytes, url, 'remote reference');
}

export type ResolveError = Awaited<ReturnType<Resolver['resolve']>>['errors'][number];

/**
 * Puts each resolver error at the `$ref` it is about, in the file where that `$ref` is written. Resolution
 * records two kinds where Spectral's resolver records them, which is not there: a pointer missing in another
 * file (`other.yaml#/Nope`) at the pointer's path inside the other file, but against the root document; a
 * local pointer missing inside a referenced file (`#/Nope` in `other.yaml`) against the root document. The
 * first becomes one error per `$ref` that asks for the pointer, found in the session's record of references.
 */
export function placeErrors(errors: readonly ResolveError[], session: Session, rootUri: string): ResolveError[] {
  const out: ResolveError[] = [];
  for (const error of errors) {
    if (error.code !== 'POINTER_MISSING') {
      out.push(withoutParsePrefix(error, session));
      continue;
    }
    const file = String(error.uri ?? '').replace(/#.*$/, '');
    const external = / does not exist @ '/.test(error.message);
    if (!external) {
      const inRoot = file === '' || file === rootUri;
      out.push(inRoot || error.uriStack[error.uriStack.length - 1] === file ? error : { ...error, uriStack: [...error.uriStack, file] });
      continue;
    }
    const pointer = `/${error.path.map((s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
    const referrers = session.references.get(`${file}#${pointerKey(pointer)}`) ?? [];
    const shown = isInside(file, session.root) ? path.relative(session.root, file) : file;
    for (const at of referrers) {
      out.push({
        ...error,
        message: `'#${pointer === '/' ? '' : pointer}' does not exist in ${shown}`,
        path: pointerPath(at.pointer),
        uriStack: at.file === '' || at.file === rootUri ? [] : [at.file],
      });
    }
    if (referrers.length === 0) out.push(error);
  }
  return out;
}

/** `Could not parse remote reference response for '/abs/x.yaml' - Error: <reason>` as `reference to x.yaml cannot be read: <reason>`. */
function withoutParsePrefix(error: ResolveError, session: Session): ResolveError {
  const match = /^(?:Error:\s*)?Could not parse remote reference response for '(.*?)' - (?:\w*Error:\s*)?(.*)$/s.exec(error.message);
  if (match === null) return error;
  const [, file, reason] = match;
  const shown = path.isAbsolute(file) && isInside(file, session.root) ? path.relative(session.root, file) || '.' : file;
  return { ...error, message: `reference to ${shown} cannot be read: ${reason}` };
}

/** The words that say a missing reference target lies in a missing folder: lint.ts folds such findings by folder. */
export const MISSING_FOLDER = 'the folder';

/**
 * The outermost folder that does not exist on the way to a missing file, inside the root: `code_samples`
 * for `code_samples/PHP/get.php` when the description's folder has no `code_samples`. Undefined when the
 * file's own folder exists (only the file is missing) or the file lies outside the root.
 */
function missingFolder(file: string, root: string): string | undefined {
  if (!path.isAbsolute(file) || !isInside(file, root)) return undefined;
  let folder = path.dirname(file);
  if (existsSync(folder)) return undefined;
  // Up from the file's folder, which lies inside the root, to the last folder whose parent exists (or is the root).
  for (let parent = path.dirname(folder); parent !== root && parent !== folder && !existsSync(parent); parent = path.dirname(folder)) {
    folder = parent;
  }
  return folder;
}

/** A JSON pointer (or URI fragment) in one spelling: decoded segments joined by NUL. */
export function pointerKey(pointer: string): string {
  return pointerPath(pointer).join('\u0000');
}

/** The path of a JSON pointer or URI fragment (`#/a~1b/c%20d` -> ['a/b', 'c d']). */
function pointerPath(pointer: string): string[] {
  const body = pointer.replace(/^#/, '');
  if (body === '' || body === '/') return [];
  return body
    .slice(body.startsWith('/') ? 1 : 0)
    .split('/')
    .map((s) => {
      let decoded = s;
      try {
        decoded = decodeURIComponent(s);
      } catch {
        // a lone % stays as written
      }
      return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
    });
}

/**
 * Spectral keeps one resolver error per distinct message (lodash `uniqBy(errors, 'message')`), so of ten
 * `$ref`s to one missing file only the first would be reported. Each broken `$ref` is a finding of its own:
 * a String object is distinct from every other one, and Spectral turns it back into the same text.
 */
export function keepApart<E extends { message: string }>(error: E): E {
  return { ...error, message: new String(error.message) as unknown as string };
}

/** Reads a file reference if the session allows it; otherwise throws the reason, without reading. */
export async function readFileRef(ref: RefUri, session: Session): Promise<string> {
  const scheme = ref.scheme().toLowerCase();
  const href = ref.href();
  if (scheme !== '' && scheme !== 'file' && !(process.platform === 'win32' && /^[a-z]$/.test(scheme))) {
    throw new Error(`reference ${href} was not read: restlint follows file and http(s) references, not ${scheme}: ones`);
  }
  const target = path.resolve(session.root, href.replace(/^file:\/\//i, ''));
  const shown = isInside(target, session.root) ? path.relative(session.root, target) || '.' : target;
  const refused = refusal(target, session);
  if (refused !== undefined) throw new Error(`reference to ${shown} was not read: ${refused}`);

  // Synchronous file calls: a description may reference thousands of small files, and each asynchronous call
  // costs a thread-pool round trip (see readBoundedFileSync).
  let real: string;
  try {
    real = realpathSync.native(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && hasSymlinkOnTheWay(target, session.root)) {
      throw new Error(`reference to ${shown} was not read: a symbolic link on its way leads to no readable file`);
    }
    const folder = (error as NodeJS.ErrnoException).code === 'ENOENT' ? missingFolder(target, session.root) : undefined;
    const missing = folder === undefined ? '' : ` (${MISSING_FOLDER} ${path.relative(session.root, folder)}${path.sep} does not exist)`;
    throw new Error(`reference to ${shown} cannot be read: ${describeReadError(error)}${missing}`);
  }
  session.watch.check('resolving references');
  const refusedReal = refusal(real, session, 'link');
  if (refusedReal !== undefined) throw new Error(`reference to ${shown} was not read: ${refusedReal}`);

  // Reserve the file's share of the budget before the first await that reads it: references are read in
  // parallel, and thousands of symbolic links to one large file must not all pass the check at once.
  let size: number;
  try {
    size = statSync(real).size;
  } catch (error) {
    throw new Error(`reference to ${shown} cannot be read: ${describeReadError(error)}`);
  }
  if (session.files >= LIMITS.maxReferencedFiles) {
    throw new Error(`reference to ${shown} was not read: the description references more than ${LIMITS.maxReferencedFiles.toLocaleString('en-US')} files`);
  }
  if (size <= session.maxFileBytes && session.bytes + size > LIMITS.maxReferencedBytes) {
    throw new Error(`reference to ${shown} was not read: the files the description references exceed ${formatBytes(LIMITS.maxReferencedBytes)} together`);
  }
  session.files += 1;
  session.watch.files += 1;
  session.bytes += Math.min(size, session.maxFileBytes);
  const bytes = readBoundedFileSync(real, Math.min(session.maxFileBytes, Math.max(size, 0)));
  if (!bytes.ok) throw new Error(`reference to ${shown} cannot be read: ${bytes.reason}${/ is too large /.test(bytes.reason) ? ` (${session.sizeHint})` : ''}`);
  const text = checkText(bytes.value, shown);
  session.onRead?.(href, text);
  return text;
}

/** Refuses a referenced text that cannot be parsed safely. */
function checkText(bytes: Buffer, where: string, label = 'reference to'): string {
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    const at = decoded.problem.line === undefined ? '' : ` (line ${decoded.problem.line}, column ${decoded.problem.column})`;
    throw new Error(`${label} ${where} cannot be read: ${decoded.problem.message}${at}`);
  }
  // Whatever the name says: Spectral picks its parser by an extension test of its own (`x.JSON` is read as YAML).
  const bomb = checkYamlAliases(decoded.text);
  if (bomb !== undefined) throw new Error(`${label} ${where} was not parsed: ${bomb.message.replace(/^refused: /, '')}`);
  return decoded.text;
}

/** Why a path (as written, or the real path behind a symbolic link) must not be read, or undefined when it may be. */
function refusal(target: string, session: Session, as: 'path' | 'link' = 'path'): string | undefined {
  const subject = as === 'link' ? 'it is a symbolic link that leads' : 'it lies';
  if (target.includes('\0')) return 'its name holds a NUL character';
  if (!isInside(target, session.root)) return `${subject} outside ${session.root}, the folder restlint reads references from (${session.rootHint})`;
  const segments = path.relative(session.root, target).split(path.sep);
  for (let i = 0; i < segments.length; i += 1) {
    if (!segments[i].startsWith('.')) continue;
    // A hidden folder that holds the linted document itself was chosen by the user.
    if (segments.slice(0, i + 1).every((s, j) => session.documentDir[j] === s)) continue;
    const hidden = as === 'link' ? 'it is a symbolic link to a hidden file or folder' : `${segments[i]} is a hidden file or folder`;
    return `${hidden}, which restlint does not read through $ref (such files often hold secrets)`;
  }
  return undefined;
}

function hasSymlinkOnTheWay(target: string, root: string): boolean {
  const parts = path.relative(root, target).split(path.sep);
  let current = root;
  for (const part of parts) {
    current = path.join(current, part);
    try {
      if (lstatSync(current).isSymbolicLink()) return true;
    } catch {
      return false;
    }
  }
  return false;
}

export type ParseResolveResult = NonNullable<NonNullable<Parameters<Resolver['resolve']>[1]>['parseResolveResult']>;

// Files a `$ref` includes as text (Markdown descriptions, code samples), never as YAML or JSON.
const TEXT_FILES = /\.(md|markdown|txt|html?|php|[cm]?js|ts|py|rb|java|go|cs|sh|bash|kts?|swift|c|cpp|h|rs|xml|csv|graphql|gql|sql|http)$/i;

/**
 * Parses a referenced text (with restlint's parser when `fast`, else Spectral's), turning a stack overflow
 * or an over-deep tree into a reason. A Markdown file or a code sample is included as a string, as
 * documentation tools do: parsed as YAML it would only give parser errors about a file that was never
 * meant to be YAML.
 */
export async function parseChecked(parse: ParseResolveResult, o: Parameters<ParseResolveResult>[0], fast: boolean, watch: BudgetWatch): ReturnType<ParseResolveResult> {
  if (TEXT_FILES.test(String(o.targetAuthority).replace(/[?#].*$/, '')) && typeof o.result === 'string') return o;
  let parsed: Awaited<ReturnType<ParseResolveResult>>;
  try {
    const inventory = fast ? inventoryOf(parse) : undefined;
    // restlint's parser runs in one synchronous step, stopped at the deadline if it runs past it.
    const large = typeof o.result === 'string' && o.result.length >= BOUNDED_PARSE_BYTES;
    parsed = inventory === undefined ? await parse(o) : large ? watch.bounded('parsing', () => parseFast(inventory, o)) : parseFast(inventory, o);
  } catch (error) {
    if (error instanceof RangeError) throw new Error(`nested too deeply to parse (restlint reads up to ${LIMITS.maxDepth} levels)`);
    throw error;
  }
  const { tooDeep, shadowKey } = inspectData(parsed.result);
  if (tooDeep !== undefined) throw new Error(`nested more than ${LIMITS.maxDepth} levels deep; restlint reads up to ${LIMITS.maxDepth}`);
  if (shadowKey !== undefined) throw new Error(`it has a key named "hasOwnProperty" (at ${shadowKey.join('.')}), which Spectral's $ref resolver cannot read; rename it`);
  return parsed;
}

/** What restlint reads and fills of Spectral's inventory of a linted document (spectral-core's DocumentInventory). */
interface Inventory {
  readonly diagnostics: unknown[];
  readonly referencedDocuments: Record<string, Document>;
}

const INVENTORY = Symbol('restlint: the inventory this parse function fills');
const SPECTRAL_CORE = (() => {
  try {
    return {
      DocumentInventory: (internal('documentInventory') as { DocumentInventory: { prototype: object } }).DocumentInventory,
      formatParserDiagnostics: (internal('errorMessages') as { formatParserDiagnostics: (d: unknown, source: string | null) => unknown[] }).formatParserDiagnostics,
    };
  } catch {
    return undefined; // a Spectral laid out differently: referenced files are parsed by Spectral's parser
  }
})();

/**
 * Spectral's inventory parses each referenced file with its own parser in a function it hands the
 * resolver (`parseResolveResult`), and keeps the parsed documents and their diagnostics. To parse those
 * files with restlint's parser instead, the resolver needs the inventory that function belongs to: each
 * such function is marked with it as the inventory is made (nothing else changes).
 */
function markInventories(): void {
  const proto = SPECTRAL_CORE?.DocumentInventory.prototype;
  if (proto === undefined || Object.prototype.hasOwnProperty.call(proto, 'parseResolveResult')) return;
  Object.defineProperty(proto, 'parseResolveResult', {
    configurable: true,
    get: () => undefined,
    set(this: object, fn: unknown) {
      if (typeof fn === 'function') (fn as { [INVENTORY]?: object })[INVENTORY] = this;
      Object.defineProperty(this, 'parseResolveResult', { value: fn, writable: true, configurable: true, enumerable: true });
    },
  });
}
markInventories();

function inventoryOf(parse: ParseResolveResult): Inventory | undefined {
  const inventory = (parse as { [INVENTORY]?: Inventory })[INVENTORY];
  return inventory !== undefined && Array.isArray(inventory.diagnostics) && typeof inventory.referencedDocuments === 'object' ? inventory : undefined;
}

/** What Spectral's inventory does with a referenced file, with restlint's parser: the parsed document, its diagnostics, its data. */
function parseFast(inventory: Inventory, o: Parameters<ParseResolveResult>[0]): Awaited<ReturnType<ParseResolveResult>> {
  const source = o.targetAuthority.href().replace(/\/$/, '');
  const parser = (extname(source) === '.json' ? FastJson : FastYaml) as unknown as ConstructorParameters<typeof Document>[1];
  const document = new Document(String(o.result), parser, source);
  o.result = document.data;
  if (document.diagnostics.length > 0) inventory.diagnostics.push(...SPECTRAL_CORE!.formatParserDiagnostics(document.diagnostics, document.source));
  inventory.referencedDocuments[source] = document;
  return o;
}

/** Whether `inner` is `outer` or lies below it. */
export function isInside(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

function realpathOr(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

// Keys under which a name, not a keyword, comes next: `properties: {example: ...}` is a property named example.
const NAME_MAPS = new Set([
  'properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas', 'schemas', 'responses', 'parameters',
  'examples', 'requestBodies', 'headers', 'securitySchemes', 'securityDefinitions', 'links', 'callbacks', 'pathItems',
  'content', 'encoding', 'variables', 'mapping', 'paths', 'webhooks', 'scopes',
]);

/**
 * Whether a JSON pointer (of the object holding a `$ref`) lies inside an example payload: below an
 * `example` keyword, an Example Object's `value`, or a Swagger 2.0 response's `examples.<media type>`.
 */
export function isPayloadPointer(pointer: string | undefined): boolean {
  if (pointer === undefined) return false;
  const segments = pointer.replace(/^#/, '').split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (let i = 0; i < segments.length; i += 1) {
    if (i > 0 && NAME_MAPS.has(segments[i - 1])) continue; // a name, such as a property called "example"
    if (segments[i] === 'example') return true;
    const name = segments[i + 1];
    if (segments[i] === 'examples' && name !== undefined && (name.includes('/') || segments[i + 2] === 'value')) return true;
  }
  return false;
}
