import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync, realpathSync } from 'node:fs';
import { internal } from './internals.js';
import { lstat, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { Document } from '@stoplight/spectral-core';
import { extname } from '@stoplight/path';
import { Resolver } from '@stoplight/spectral-ref-resolver';
import { checkYamlAliases, decodeText, inspectData } from './inspect.js';
import { BOUNDED_PARSE_BYTES, BudgetWatch, formatBytes, LIMITS, type Budget } from './limits.js';
import { describeReadError, readBoundedFile } from './readFile.js';
import { FastJson, FastYaml } from './parse.js';
import { createRefResolver } from './refResolver.js';
import { memoizeResolverSteps } from './resolverMemo.js';
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
  /**
   * Which resolver follows the `$ref`s: restlint's own (src/loader/refResolver.ts) or Spectral's, patched
   * (the one restlint used first, kept to compare the two). Default: RESTLINT_REF_ENGINE, else 'restlint'.
   */
  readonly engine?: 'restlint' | 'spectral';
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

/** The budget of the resolution running now, for the resolver's synchronous steps (see watchMerges). */
const RESOLVING = new AsyncLocalStorage<BudgetWatch>();
const WATCHED_MERGE = Symbol('restlint checks the budget before each merge');

/**
 * Makes the resolver check the budget before each merge of a resolved target into its document. It merges
 * each `$ref`'s target with a copy-on-write step (immer's produce) that copies the object holding the `$ref`,
 * so N `$ref`s side by side in one object cost N² (10,000 took 746 s) in one synchronous loop that no other
 * check interrupts. The cost stays until restlint has its own loader; the budget now ends it.
 */
function watchMerges(): void {
  try {
    const immer = internal('resolverImmer') as { default: (...args: unknown[]) => unknown };
    const produce = immer.default as typeof immer.default & { [WATCHED_MERGE]?: true };
    if (produce[WATCHED_MERGE]) return;
    const watched = (...args: unknown[]): unknown => {
      RESOLVING.getStore()?.check('resolving references');
      return produce(...args);
    };
    (watched as typeof produce)[WATCHED_MERGE] = true;
    immer.default = watched;
  } catch {
    // A resolver laid out differently: the other checks still bound the work.
  }
}
watchMerges();
memoizeResolverSteps();

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
  /** Each `<file>#<fragment>` resolved so far, or being resolved: resolved once, whatever the number of `$ref`s to it. */
  readonly resolutions: Map<string, Promise<Resolution>>;
  /** For each target being resolved, the targets it waits for (with how many waits): a wait that would close a loop is a cycle. */
  readonly waits: Map<string, Map<string, number>>;
}

const SESSION = Symbol('restlint ref session');
type SessionContext = { [SESSION]?: Session };

/**
 * The `$ref` resolver restlint lints with, safe by default for descriptions from strangers:
 * - a file reference is read only when it stays inside the root (see RefOptions.root) once `..` and
 *   symbolic links are resolved, and names no hidden file or folder (`.env`, `.git/config`); a reference
 *   that fails is refused unread, with the same message whether the file exists or not;
 * - only regular files up to RefOptions.maxFileBytes, at most LIMITS.maxReferencedFiles files and
 *   LIMITS.maxReferencedBytes bytes per document; YAML alias bombs and over-deep nesting are refused;
 * - a remote (http/https) reference is not fetched unless `allowRemote`, and then never from a loopback,
 *   private or link-local address, with a timeout and a size cap; any other scheme is refused;
 * - a `$ref` inside an example payload (`example`, `examples/<name>/value`) is data, not a reference:
 *   it is left as it is, unresolved and unreported.
 * Each refusal is a reason Spectral reports as an `invalid-ref` finding at the `$ref`.
 */
export function createSafeResolver(options: RefOptions = {}): Resolver {
  const engine = options.engine ?? (process.env.RESTLINT_REF_ENGINE === 'spectral' ? 'spectral' : 'restlint');
  // Spectral calls only `resolve` and reads `uriCache`, which both have.
  return engine === 'restlint' ? (createRefResolver(options) as unknown as Resolver) : new SafeResolver(options);
}

/** The resolver of restlint's first versions, by its old name: now the safe resolver with default options. */
export const createLocalResolver = (): Resolver => createSafeResolver();

class SafeResolver extends Resolver {
  constructor(private readonly options: RefOptions) {
    super({
      resolvers: {
        file: { resolve: (ref: RefUri, ctx: SessionContext) => readFileRef(ref, sessionOf(ctx)) },
        http: { resolve: (ref: RefUri, ctx: SessionContext) => this.readRemoteRef(ref, sessionOf(ctx)) },
        https: { resolve: (ref: RefUri, ctx: SessionContext) => this.readRemoteRef(ref, sessionOf(ctx)) },
        [REFUSED_SCHEME]: {
          resolve: (ref: RefUri) => Promise.reject(refusedRefError(ref)),
        },
      },
      transformRef: (opts: { ref?: RefUri & { path(): string; fragment(): string }; uri?: RefUri; val?: unknown; jsonPointer?: string }, ctx: SessionContext) => {
        if (isPayloadPointer(opts.jsonPointer)) return undefined;
        const written = (opts.val as { $ref?: unknown } | undefined)?.$ref;
        if (opts.ref !== undefined && typeof written === 'string' && isAbsoluteFileRef(written) && ['', 'file'].includes(opts.uri?.scheme() ?? '')) {
          // The resolver would read an absolute path relative to the document's folder; restlint says no instead.
          const Uri = opts.ref.constructor as new (text: string) => RefUri;
          return new Uri(`${REFUSED_SCHEME}:${encodeURIComponent(written.trim())}`);
        }
        if (opts.ref !== undefined && opts.ref.path() !== '' && opts.jsonPointer !== undefined) {
          const target = `${String(opts.ref).replace(/#.*$/, '')}#${pointerKey(opts.ref.fragment())}`;
          const list = sessionOf(ctx).references.get(target) ?? [];
          list.push({ file: String(opts.uri ?? ''), pointer: opts.jsonPointer });
          sessionOf(ctx).references.set(target, list);
        }
        return opts.ref;
      },
    } as ConstructorParameters<typeof Resolver>[0]);
  }

  override resolve(source: unknown, opts: Parameters<Resolver['resolve']>[1] = {}): ReturnType<Resolver['resolve']> {
    const session = this.openSession(opts.baseUri);
    const parse = opts.parseResolveResult;
    const resolving = RESOLVING.run(session.watch, () => super.resolve(source, {
      ...opts,
      // A cache of its own for each document: what was read under one root (and counted against one
      // document's budget) must not be served to another document. Every runner the resolver makes (one
      // per file) passes through it, and is made to resolve each target once (see followOnce).
      uriCache: new UriCache((runner) => followOnce(runner as Runner, session)),
      ctx: { ...(opts.ctx as object | undefined), [SESSION]: session },
      ...(parse === undefined ? {} : { parseResolveResult: (o) => parseChecked(parse, o, this.options.fastParser === true, session.watch) }),
    }));
    return resolving.then((result) => ({ ...result, errors: placeErrors(result.errors, session, opts.baseUri ?? '').map(keepApart) }));
  }

  private openSession(baseUri: string | undefined): Session {
    return openSession(this.options, baseUri);
  }

  private readRemoteRef(ref: RefUri, session: Session): Promise<string> {
    return readRemoteRef(this.options, ref, session);
  }
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
    resolutions: new Map(),
    waits: new Map(),
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
 * Puts each resolver error at the `$ref` it is about, in the file where that `$ref` is written. The
 * resolver gets two cases wrong: a pointer missing in another file (`other.yaml#/Nope`) is reported at the
 * pointer's path inside the other file, but against the root document; a local pointer missing inside a
 * referenced file (`#/Nope` in `other.yaml`) is reported against the root document. The first becomes one
 * error per `$ref` that asks for the pointer, found in the session's record of references.
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

function sessionOf(ctx: SessionContext | undefined): Session {
  // Without a session (a caller that bypasses resolve()), nothing but the working directory is readable.
  return (
    ctx?.[SESSION] ?? {
      root: realpathOr(process.cwd()),
      documentDir: [],
      rootHint: CLI_ROOT_HINT,
      maxFileBytes: LIMITS.maxFileBytes,
      sizeHint: CLI_SIZE_HINT,
      files: 0,
      bytes: 0,
      references: new Map(),
      watch: new BudgetWatch(),
      resolutions: new Map(),
      waits: new Map(),
    }
  );
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

  let real: string;
  try {
    real = await realpath(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && (await hasSymlinkOnTheWay(target, session.root))) {
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
    size = (await stat(real)).size;
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
  const bytes = await readBoundedFile(real, Math.min(session.maxFileBytes, Math.max(size, 0)));
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

async function hasSymlinkOnTheWay(target: string, root: string): Promise<boolean> {
  const parts = path.relative(root, target).split(path.sep);
  let current = root;
  for (const part of parts) {
    current = path.join(current, part);
    try {
      if ((await lstat(current)).isSymbolicLink()) return true;
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

/**
 * The resolver's cache of read documents, one per root. It holds the resolver's runner of each file (the
 * root's, and a promise of each other file's), and shows each to `onRunner` as it arrives.
 */
class UriCache {
  private readonly data = new Map<string, unknown>();
  readonly stats = { hits: 0, misses: 0 };
  constructor(private readonly onRunner: (runner: unknown) => void) {}
  get(key: string): unknown {
    if (this.data.has(key)) this.stats.hits += 1;
    else this.stats.misses += 1;
    return this.data.get(key);
  }
  set(key: string, value: unknown): void {
    if (value instanceof Promise) {
      // Runs before the resolver's own continuation, which was attached after this one.
      value.then(this.onRunner, () => undefined);
    } else if (typeof value === 'object' && value !== null) {
      this.onRunner(value);
    }
    this.data.set(key, value);
  }
  has(key: string): boolean {
    return this.data.has(key);
  }
  purge(): void {
    this.data.clear();
  }
}

/** The parts of the resolver's per-file runner (`ResolveRunner` of @stoplight/json-ref-resolver) that followOnce uses. */
interface Runner {
  readonly depth: number;
  readonly baseUri: RefUri & { clone(): FragmentUri };
  readonly graph: unknown;
  uriStack: string[];
  atMaxUriDepth: () => boolean;
  lookupUri: (opts: { ref: FragmentUri; fragment: string; cacheKey: string; parentPath: unknown[] }) => Promise<Runner>;
  lookupAndResolveUri: (opts: LookupOptions) => Promise<LookupResult>;
  computeUriCacheKey: (ref: FragmentUri) => string;
  resolve: (opts: { jsonPointer: string; parentPath: unknown[] }) => Promise<Resolved>;
}

interface FragmentUri extends RefUri {
  clone(): FragmentUri;
  fragment(): string;
  fragment(value: string): FragmentUri;
}

interface LookupOptions {
  readonly val: unknown;
  readonly ref: FragmentUri;
  readonly resolvingPointer?: string;
  readonly parentPointer?: string;
  readonly pointerStack: unknown[];
  readonly parentPath?: unknown[];
}

interface Resolved {
  result: unknown;
  readonly graph: unknown;
  readonly refMap: Record<string, string>;
  readonly errors: { code: string; path: unknown[] }[];
  readonly runner: unknown;
}

interface LookupResult {
  readonly uri: FragmentUri;
  readonly pointerStack: unknown[];
  readonly targetPath: unknown[];
  resolved?: Resolved;
  error?: unknown;
}

/** A target (`<file>#<fragment>`) a resolution is under way for, and the resolution that asked for it. */
interface Frame {
  readonly key: string;
  readonly file: string;
  readonly parent: Frame | undefined;
}

/** Which target the code running now resolves: undefined in the root document's own pass. */
const CURRENT = new AsyncLocalStorage<Frame>();

/** The outcome of resolving one target, shared by every `$ref` to it. */
type Resolution = { ok: true; resolved: Resolved; firstVal: unknown } | { ok: false; error: unknown };

const FOLLOWS_ONCE = Symbol('restlint follows each target once');

/**
 * Makes a runner of the resolver follow each `$ref` target once per description. The resolver as
 * published resolves a target afresh for every `$ref` to it, and again inside each of those, so a graph
 * of files that reach each other in cycles is expanded along every path through it: exponential work
 * (a 150-file description with 4,000 `$ref`s never finished). Here each `<file>#<fragment>` is resolved
 * once and its result shared; a `$ref` back into a file already on the way to it is kept as a `$ref`
 * (the resolver's own rule for cycles between files, applied along the real way rather than to every file
 * that ever referenced it); and a `$ref` whose resolution would wait, through other pending ones, for
 * itself is kept as a `$ref` too. The resolver's limit of 100 files on the way (after which it silently
 * dropped every further `$ref`, broken ones included) is gone: the budget bounds the work instead.
 */
function followOnce(runner: Runner, session: Session): void {
  const marked = runner as Runner & { [FOLLOWS_ONCE]?: true };
  if (marked[FOLLOWS_ONCE]) return;
  marked[FOLLOWS_ONCE] = true;
  // The resolver reads `uriStack` for the file an error is in (its last entry: the file that holds the `$ref`);
  // what it writes there (every file that ever referenced this one) is not needed.
  Object.defineProperty(runner, 'uriStack', {
    get: () => {
      const parent = CURRENT.getStore()?.parent;
      return parent === undefined ? [] : [parent.file];
    },
    set: () => undefined,
    configurable: true,
  });
  runner.atMaxUriDepth = () => false;
  runner.lookupAndResolveUri = (opts) => lookupOnce(runner, opts, session);
}

async function lookupOnce(runner: Runner, opts: LookupOptions, session: Session): Promise<LookupResult> {
  const { val, ref, resolvingPointer, parentPointer, pointerStack } = opts;
  // The crawler changes parentPath after this call: take its value now.
  const parentPath = opts.parentPath ? opts.parentPath.slice() : [];
  const file = runner.computeUriCacheKey(ref);
  const here = CURRENT.getStore();
  const base: LookupResult = { uri: ref, pointerStack, targetPath: resolvingPointer === parentPointer ? [] : parentPath };
  const keep = (): LookupResult => ({ ...base, resolved: { result: val, graph: runner.graph, refMap: {}, errors: [], runner } });
  session.watch.check('resolving references');
  session.watch.refs += 1;
  for (let frame = here; frame !== undefined; frame = frame.parent) if (frame.file === file) return keep();

  const key = `${file}#${ref.fragment()}`;
  let pending = session.resolutions.get(key);
  if (pending === undefined) {
    const frame: Frame = { key, file, parent: here };
    pending = CURRENT.run(frame, () => resolveTarget(runner, ref, file, parentPath, val, session));
    session.resolutions.set(key, pending);
    const done = (): void => void session.waits.delete(key);
    pending.then(done, done);
  } else if (here !== undefined && (here.key === key || waitsFor(session, key, here.key))) {
    return keep(); // it waits, through pending resolutions, for the one asking
  }
  if (here !== undefined) addWait(session, here.key, key, 1);
  let outcome: Resolution;
  try {
    outcome = await pending;
  } finally {
    if (here !== undefined) addWait(session, here.key, key, -1);
  }
  if (!outcome.ok) {
    const from = runner.depth !== 0 ? [String(runner.baseUri)] : [];
    return { ...base, error: { code: 'RESOLVE_URI', message: String(outcome.error), uri: ref, uriStack: from, pointerStack, path: parentPath } };
  }
  const { resolved, firstVal } = outcome;
  // A missing target leaves the `$ref` as written (each one its own).
  return { ...base, resolved: resolved.result === firstVal && firstVal !== val ? { ...resolved, result: val } : resolved };
}

/** Reads the file of a target (once per file, the resolver caches it) and resolves the target in it. */
async function resolveTarget(runner: Runner, ref: FragmentUri, file: string, parentPath: unknown[], val: unknown, session: Session): Promise<Resolution> {
  let target: Runner;
  try {
    target = await runner.lookupUri({ ref: ref.clone().fragment(''), fragment: ref.fragment(), cacheKey: file, parentPath });
  } catch (error) {
    return { ok: false, error };
  }
  followOnce(target, session);
  const jsonPointer = ref.fragment() !== '' ? `#${ref.fragment()}` : ref.href() === '' ? '#' : '';
  const resolved = await target.resolve({ jsonPointer, parentPath });
  const fragment = ref.fragment().slice(1);
  for (const error of resolved.errors) {
    // The target itself is missing: the resolver keeps the `$ref` in its place.
    if (error.code === 'POINTER_MISSING' && error.path.join('/') === fragment && resolved.result !== undefined && resolved.result !== null) resolved.result = val;
  }
  return { ok: true, resolved, firstVal: val };
}

/** Whether the resolution of `from` waits, directly or through others, for that of `to`. */
function waitsFor(session: Session, from: string, to: string): boolean {
  const seen = new Set<string>([from]);
  const stack = [from];
  while (stack.length > 0) {
    for (const next of session.waits.get(stack.pop()!)?.keys() ?? []) {
      if (next === to) return true;
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return false;
}

function addWait(session: Session, from: string, to: string, change: 1 | -1): void {
  const waits = session.waits.get(from) ?? new Map<string, number>();
  const count = (waits.get(to) ?? 0) + change;
  if (count > 0) waits.set(to, count);
  else waits.delete(to);
  if (waits.size > 0) session.waits.set(from, waits);
  else session.waits.delete(from);
}
