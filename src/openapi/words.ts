import pluralize from 'pluralize';

// Word knowledge shared by the path rules. Lists hold lower-case words.

/** Resources that exist once per parent: never collections, never asked to be plural. */
export const SINGLETON_WORDS: ReadonlySet<string> = new Set([
  'about', 'account', 'auth', 'balance', 'billing', 'cart', 'config', 'configuration', 'current', 'dashboard',
  'health', 'healthcheck', 'healthz', 'home', 'identity', 'index', 'info', 'license', 'livez', 'me', 'metadata',
  'metrics', 'myself', 'openapi', 'overview', 'ping', 'policy', 'preferences', 'profile', 'readiness', 'readyz',
  'root', 'schema', 'self', 'session', 'settings', 'status', 'summary', 'swagger', 'usage', 'user', 'version',
  'whoami', 'avatar', 'banner', 'icon', 'logo', 'photo', 'picture', 'thumbnail', 'password', 'owner', 'parent',
  'preview',
]);

/** Nouns that have no separate plural form: plural enough as they are. */
export const UNCOUNTABLE_WORDS: ReadonlySet<string> = new Set([
  'analytics', 'audio', 'content', 'data', 'equipment', 'evidence', 'feedback', 'firmware', 'hardware',
  'information', 'inventory', 'knowledge', 'media', 'metadata', 'money', 'news', 'software', 'staff', 'stock',
  'traffic', 'info', 'music', 'series', 'species', 'sheep', 'fish', 'deer', 'aircraft', 'personnel', 'logging',
  'storage', 'billing', 'shipping', 'tracking', 'search', 'auth', 'access',
  // Collective nouns: one word for a set of things.
  'activity', 'calendar', 'feed', 'history', 'inbox', 'queue', 'stream', 'timeline', 'backlog', 'catalog',
  'catalogue', 'inventory', 'registry', 'roster', 'team', 'staff', 'audience', 'crew', 'log',
]);

/** Words that describe rather than name: a path segment made of them is not judged as a noun. */
export const ADJECTIVE_WORDS: ReadonlySet<string> = new Set([
  'active', 'all', 'archived', 'available', 'current', 'default', 'deleted', 'disabled', 'enabled', 'expired',
  'inactive', 'latest', 'mine', 'new', 'next', 'old', 'own', 'pending', 'popular', 'previous', 'private',
  'public', 'recent', 'shared', 'top', 'trending', 'upcoming',
]);

/** Prepositions and conjunctions that end the head noun of a compound (`branches_where_head`, `item_by_id`). */
export const PREPOSITION_WORDS: ReadonlySet<string> = new Set([
  'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'per', 'to', 'via', 'where', 'with', 'without',
]);

/**
 * Words that are verbs in a path whatever their position. Nouns that share a spelling with a verb
 * ("order", "report", "request", "export", "search") are deliberately absent: they are judged by
 * {@link AMBIGUOUS_VERBS} and their position instead.
 */
export const VERB_WORDS: ReadonlySet<string> = new Set([
  'abandon', 'activate', 'add', 'allocate', 'append', 'apply', 'approve', 'assign', 'attach', 'authenticate', 'authorize',
  'calculate', 'change', 'compare', 'compute', 'confirm', 'convert', 'count', 'create', 'deactivate', 'decline', 'decrypt',
  'delete', 'deny', 'deregister', 'destroy', 'detach', 'disable', 'edit', 'enable', 'encrypt', 'enqueue', 'erase',
  'execute', 'fetch', 'finalize', 'find', 'generate', 'get', 'insert', 'install', 'invalidate', 'invoke', 'kill',
  'list', 'lookup', 'make', 'modify', 'move', 'notify', 'obtain', 'perform', 'provision', 'purge', 'put',
  'query', 'read', 'reactivate', 'recalculate', 'reject', 'reload', 'remove', 'rename', 'reopen', 'replace',
  'resend', 'restore', 'restrict', 'resume', 'retrieve', 'retry', 'revoke', 'save', 'send', 'set', 'show',
  'start', 'stop', 'submit', 'suspend', 'toggle', 'trigger', 'unassign', 'unblock', 'undelete', 'uninstall', 'unlock',
  'unpublish', 'unregister', 'unsubscribe', 'unsuspend', 'update', 'upsert', 'validate', 'verify', 'void', 'write',
]);

/**
 * Words that are verbs when they name what a request does ("/charges/{id}/capture",
 * "/posts/delete") but are also ordinary resource nouns ("/export", "/search"). They are reported
 * only where a noun makes no sense: after an item parameter, or before another segment that is
 * not a collection.
 */
export const AMBIGUOUS_VERBS: ReadonlySet<string> = new Set([
  'accept', 'archive', 'block', 'cancel', 'capture', 'check', 'clone', 'close', 'commit', 'complete', 'connect',
  'copy', 'disconnect', 'do', 'download', 'end', 'exchange', 'export', 'follow', 'grant', 'import', 'invite',
  'issue', 'join', 'leave', 'load', 'lock', 'login', 'logout', 'mark', 'merge', 'mute', 'open', 'pause', 'pay',
  'publish', 'push', 'refresh', 'refund', 'register', 'reissue', 'release', 'renew', 'reply', 'report', 'request',
  'rerequest', 'rerun', 'reset', 'restart', 'review', 'rollback', 'run', 'search', 'share', 'sign', 'signin',
  'signout', 'signup', 'split', 'star', 'subscribe', 'sync', 'test', 'transfer', 'unarchive', 'unfollow', 'unmute',
  'unshare', 'unstar', 'upload', 'vote', 'watch',
]);

/**
 * Verbs that are also ordinary nouns at the end of a compound name: `task_list`, `user_count`,
 * `status_update`, `data_set` name things, while `users.list` and `bulk_update` name actions.
 */
export const NOUN_VERB_WORDS: ReadonlySet<string> = new Set([
  'change', 'count', 'edit', 'find', 'insert', 'list', 'lookup', 'move', 'query', 'read', 'set', 'show', 'start',
  'stop', 'update',
]);

/** Words that say how an action is done, not what it acts on: `bulk_delete`, `batchGet`, `auto_assign`. */
export const MODIFIER_WORDS: ReadonlySet<string> = new Set([
  'async', 'auto', 'batch', 'bulk', 'force', 'hard', 'mass', 'multi', 'quick', 'soft',
]);

/** A verb and a particle that together are one noun (`add-ons`, `AddOnResults`, `set_up`). */
export const JOINED_NOUNS: ReadonlySet<string> = new Set([
  'addon', 'addons', 'setup', 'setups', 'startup', 'startups', 'showcase', 'showcases', 'writeup', 'writeups',
]);

/** Splits a path segment name into lower-case words: snake_case, kebab-case, dot.case and camelCase. */
export function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

/**
 * Whether a word can be judged as a noun: participles and gerunds (`starred`, `following`) and
 * adjectives (`public`, `recent`) describe a collection without naming it, so they are not judged.
 */
export function isNounLike(word: string): boolean {
  const w = word.toLowerCase();
  if (ADJECTIVE_WORDS.has(w)) return false;
  if (w.length > 4 && /(ed|ing)$/.test(w) && !/(eed|ings)$/.test(w)) return false;
  // Codes, hashes and abbreviations of one or two letters are not words to inflect.
  return /^[a-z]{3,}$/.test(w);
}

/** Whether a word reads as plural: regular and irregular plurals, and uncountable nouns. */
export function isPluralWord(word: string, extraUncountable: ReadonlySet<string> = EMPTY): boolean {
  const w = word.toLowerCase();
  if (UNCOUNTABLE_WORDS.has(w) || extraUncountable.has(w)) return true;
  if (/^\d+$/.test(w)) return true;
  // pluralize knows regular and irregular plurals and its own list of uncountable words.
  if (pluralize.isPlural(w)) return true;
  // Plurals of short abbreviations (`skus`, `vms`, `ips`) that inflection rules read as singular.
  return /^[a-z]{2,3}s$/.test(w) && !w.endsWith('ss');
}

/** The plural a finding suggests for a singular word. */
export function pluralOf(word: string): string {
  return pluralize.plural(word);
}

const EMPTY: ReadonlySet<string> = new Set();
