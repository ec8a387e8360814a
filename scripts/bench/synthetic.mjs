// Synthetic descriptions for the benchmark: one OpenAPI 3.x description of about `targetBytes`, made of renamed
// copies of real single-file descriptions (their paths, operations and components), with every `$ref` rewritten so
// that it resolves inside the new document.
//
// Copy 0 is the first base description as it is. Copy k (k >= 1) of a base takes its paths under `/c<k>`, and its
// components and operationIds with the suffix `_c<k>`; its refs (`#/components/...`, `#/paths/...`, discriminator
// mappings) point at its own renamed components and paths. When what is left to reach the target is smaller than
// a whole copy, path items are added one by one, with refs that point at the components and paths of the last
// whole copy: the size lands within one path item of the target. Security schemes keep their names (security
// requirements name them); tags, servers and the rest of the root come from the first base.

/** Component sections whose entries are renamed in each copy (securitySchemes are not: requirements name them). */
const RENAMED_SECTIONS = new Set(['schemas', 'responses', 'parameters', 'examples', 'requestBodies', 'headers', 'links', 'callbacks', 'pathItems']);

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

const setKey = (target, key, value) => {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
};

/** Every `$ref` string of a parsed document, with the JSON path where it sits. */
export function collectRefs(value, found = []) {
  const stack = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const item of node) if (item !== null && typeof item === 'object') stack.push(item);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (key === '$ref' && typeof child === 'string') found.push(child);
        else if (child !== null && typeof child === 'object') stack.push(child);
      }
    }
  }
  return found;
}

const decodeToken = (raw) => {
  let token = raw;
  try {
    token = decodeURIComponent(raw);
  } catch {
    // a stray '%': the token as written
  }
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
};

/** The value a local ref (`#/a/b`) points at in `doc`, or undefined. */
export function resolveLocal(doc, ref) {
  if (!ref.startsWith('#')) return undefined;
  const pointer = ref.slice(1);
  if (pointer === '') return doc;
  if (!pointer.startsWith('/')) return undefined;
  let node = doc;
  for (const raw of pointer.slice(1).split('/')) {
    const token = decodeToken(raw);
    if (Array.isArray(node)) node = /^(0|[1-9]\d*)$/.test(token) ? node[Number(token)] : undefined;
    else if (isObject(node) && Object.hasOwn(node, token)) node = node[token];
    else return undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/** The refs of a parsed document that do not resolve inside it: local refs to nothing, and every non-local ref. */
export function unresolvedRefs(doc) {
  const bad = new Set();
  for (const ref of new Set(collectRefs(doc))) if (resolveLocal(doc, ref) === undefined) bad.add(ref);
  return [...bad];
}

/** A base is usable when it is an OpenAPI 3.x description with paths, all of whose refs resolve inside it. */
export function usableBase(doc) {
  return isObject(doc) && typeof doc.openapi === 'string' && doc.openapi.startsWith('3.') && isObject(doc.paths) && Object.keys(doc.paths).length > 0 && unresolvedRefs(doc).length === 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Rewriting one copy

/**
 * How a copy's refs are rewritten: `refSuffix` is appended to component names, `refPathToken` (an escaped
 * JSON Pointer token, '~1c3') is put before path keys; `opSuffix` is appended to operationIds.
 */
function rewriter({ opSuffix, refSuffix, refPathToken }) {
  const ref = (value) => {
    if (refSuffix === '' && refPathToken === '') return value;
    if (value.startsWith('#/components/')) {
      const tokens = value.split('/');
      if (tokens.length >= 4 && RENAMED_SECTIONS.has(tokens[2])) {
        tokens[3] += refSuffix;
        return tokens.join('/');
      }
      return value;
    }
    if (value.startsWith('#/paths/')) return `#/paths/${refPathToken}${value.slice('#/paths/'.length)}`;
    return value;
  };
  const mappingValue = (value) => (value.startsWith('#') || value.includes('/') ? ref(value) : value + refSuffix);
  const rewrite = (node) => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!isObject(node)) return node;
    const out = {};
    for (const [key, child] of Object.entries(node)) {
      let value;
      if (key === '$ref' && typeof child === 'string') value = ref(child);
      else if (key === 'operationId' && typeof child === 'string') value = child + opSuffix;
      else if (key === 'mapping' && isObject(child) && isObject(node) && typeof node.propertyName === 'string') {
        value = {};
        for (const [name, target] of Object.entries(child)) setKey(value, name, typeof target === 'string' ? mappingValue(target) : rewrite(target));
      } else value = rewrite(child);
      setKey(out, key, value);
    }
    return out;
  };
  return rewrite;
}

// ---------------------------------------------------------------------------------------------------------------
// Emitting: each entry is emitted once, at its final indentation, so that the size is known as it grows

const RESERVED_PLAIN = /^(true|false|null|yes|no|on|off|y|n)$/i;
// Plain (unquoted) when nothing in it can mean something else to a YAML parser: no ':', '#', quotes, brackets or
// braces, no space at either end, not a word YAML 1.1 reads as a boolean or null, not starting like a number.
const PLAIN = /^[A-Za-z_$/](?:[A-Za-z0-9_.$/ -]*[A-Za-z0-9_.$/-])?$/;
const yamlString = (text) =>
  PLAIN.test(text) && !RESERVED_PLAIN.test(text)
    ? text
    : // JSON's escapes are YAML's double-quoted escapes; YAML also wants these characters escaped.
      JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const yamlInline = (value) => {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return yamlString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return '[]';
  return '{}';
};
const isInline = (value) => value === null || typeof value !== 'object' || (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0);

function yamlBlock(value, indent, parts) {
  const pad = '  '.repeat(indent);
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isInline(item)) parts.push(`${pad}- ${yamlInline(item)}\n`);
      else {
        // The item's block, with its first line's indentation taken by the dash.
        const inner = [];
        yamlBlock(item, indent + 1, inner);
        inner[0] = `${pad}- ${inner[0].slice(pad.length + 2)}`;
        for (const part of inner) parts.push(part);
      }
    }
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    if (isInline(child)) parts.push(`${pad}${yamlString(key)}: ${yamlInline(child)}\n`);
    else {
      parts.push(`${pad}${yamlString(key)}:\n`);
      yamlBlock(child, indent + 1, parts);
    }
  }
}

/** One `key: value` entry of a mapping at nesting depth `depth`, as text. */
function emitEntry(format, key, value, depth) {
  if (format === 'json') {
    const pad = '  '.repeat(depth);
    return `${pad}${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replaceAll('\n', `\n${pad}`)}`;
  }
  const parts = [];
  yamlBlock({ [key]: value }, depth, parts);
  return parts.join('');
}

const byteLength = (text) => Buffer.byteLength(text);

// ---------------------------------------------------------------------------------------------------------------

/**
 * Generates a description of about `targetBytes` from `bases` ([{ name, doc }], parsed, each `usableBase`).
 * Returns { text, bytes, copies, pathItems, refsChecked, unresolved }: `unresolved` lists the refs of the result
 * that do not resolve (empty when the generator did its job).
 */
export function generateSynthetic(bases, targetBytes, { format = 'yaml' } = {}) {
  if (bases.length === 0) throw new Error('no base description to copy');
  const first = bases[0].doc;
  const paths = []; // emitted path entries
  const sections = new Map(); // component section -> emitted entries
  // What the result holds, to check its refs without parsing it: new name -> the original value it copies.
  const index = { paths: new Map(), sections: new Map(), refs: new Set() };
  const separator = format === 'json' ? 2 : 0; // ",\n" between JSON entries
  let bytes = 0;
  const entryDepth = { paths: 1, section: 2 };
  const addPath = (key, value, original) => {
    const text = emitEntry(format, key, value, entryDepth.paths + (format === 'json' ? 1 : 0));
    paths.push(text);
    index.paths.set(key, original);
    bytes += byteLength(text) + separator;
    for (const ref of collectRefs(value)) index.refs.add(ref);
  };
  const addComponent = (section, name, value, original) => {
    if (!sections.has(section)) {
      sections.set(section, []);
      index.sections.set(section, new Map());
      bytes += section.length + 8;
    }
    if (index.sections.get(section).has(name)) return; // a security scheme two bases share: the first one's
    const text = emitEntry(format, name, value, entryDepth.section + (format === 'json' ? 1 : 0));
    sections.get(section).push(text);
    index.sections.get(section).set(name, original);
    bytes += byteLength(text) + separator;
    for (const ref of collectRefs(value)) index.refs.add(ref);
  };

  const rootEntries = Object.entries(first).filter(([key]) => key !== 'paths' && key !== 'components');
  for (const [key, value] of rootEntries) bytes += byteLength(emitEntry(format, key, value, format === 'json' ? 1 : 0)) + separator;
  for (const ref of collectRefs(Object.fromEntries(rootEntries))) index.refs.add(ref);
  // The size of a whole copy of a base, from its compact JSON and the ratio copy 0 showed.
  let ratio = 1;
  const baseSize = (doc) => byteLength(JSON.stringify({ paths: doc.paths, components: doc.components })) * ratio;

  const addWholeCopy = (doc, k) => {
    const suffix = k === 0 ? '' : `_c${k}`;
    const prefix = k === 0 ? '' : `/c${k}`;
    const rewrite = rewriter({ opSuffix: suffix, refSuffix: suffix, refPathToken: k === 0 ? '' : `~1c${k}` });
    for (const [key, item] of Object.entries(doc.paths)) addPath(prefix + key, rewrite(item), item);
    for (const [section, entries] of Object.entries(doc.components ?? {})) {
      if (!isObject(entries)) continue;
      const renamed = RENAMED_SECTIONS.has(section);
      if (!renamed && section !== 'securitySchemes' && k !== 0) continue;
      for (const [name, value] of Object.entries(entries)) addComponent(section, renamed ? name + suffix : name, rewrite(value), value);
    }
  };

  let k = 0;
  let lastWhole; // { doc, k } of the last whole copy: partial copies point their refs at it
  // Whole copies while one more fits.
  for (;;) {
    const { doc } = bases[k % bases.length];
    if (k > 0 && bytes + baseSize(doc) > targetBytes) break;
    const before = bytes;
    addWholeCopy(doc, k);
    if (k === 0) ratio = (bytes - before) / byteLength(JSON.stringify({ paths: doc.paths, components: doc.components }));
    lastWhole = { doc, k };
    k += 1;
    if (bytes >= targetBytes) break;
  }
  // Then path items one by one, with the refs of the last whole copy, until the target is reached.
  let pathItems = 0;
  while (bytes < targetBytes) {
    const { doc, k: anchor } = lastWhole;
    const rewrite = rewriter({ opSuffix: `_c${k}`, refSuffix: anchor === 0 ? '' : `_c${anchor}`, refPathToken: anchor === 0 ? '' : `~1c${anchor}` });
    for (const [key, item] of Object.entries(doc.paths)) {
      if (bytes >= targetBytes) break;
      addPath(`/c${k}${key}`, rewrite(item), item);
      pathItems += 1;
    }
    k += 1;
  }

  const text = assemble(format, first, rootEntries, paths, sections);
  return { text, bytes: byteLength(text), copies: k, pathItems, refsChecked: index.refs.size, unresolved: checkRefs(first, index) };
}

/** The refs of the generated document that point at nothing, found from what it was made of. */
function checkRefs(first, index) {
  const bad = [];
  for (const ref of index.refs) {
    let ok = false;
    const tokens = ref.split('/');
    if (ref.startsWith('#/paths/') && tokens.length >= 3) {
      const key = decodeToken(tokens[2]);
      ok = index.paths.has(key) && (tokens.length === 3 || resolveLocal(index.paths.get(key), `#/${tokens.slice(3).join('/')}`) !== undefined);
    } else if (ref.startsWith('#/components/') && tokens.length >= 4) {
      const section = index.sections.get(decodeToken(tokens[2]));
      const name = decodeToken(tokens[3]);
      ok = section !== undefined && section.has(name) && (tokens.length === 4 || resolveLocal(section.get(name), `#/${tokens.slice(4).join('/')}`) !== undefined);
    } else if (ref.startsWith('#')) {
      ok = resolveLocal(first, ref) !== undefined;
    }
    if (!ok) bad.push(ref);
  }
  return bad;
}

function assemble(format, first, rootEntries, paths, sections) {
  const out = [];
  const hasComponents = sections.size > 0;
  if (format === 'json') {
    const entries = [];
    const pathsText = paths.length === 0 ? '  "paths": {}' : `  "paths": {\n${paths.join(',\n')}\n  }`;
    const componentsText = `  "components": {\n${[...sections].map(([name, items]) => `    ${JSON.stringify(name)}: {\n${items.join(',\n')}\n    }`).join(',\n')}\n  }`;
    let placed = false;
    for (const key of Object.keys(first)) {
      if (key === 'paths') entries.push(pathsText);
      else if (key === 'components') {
        if (hasComponents) entries.push(componentsText);
        placed = true;
      } else entries.push(emitEntry('json', key, first[key], 1));
    }
    if (!placed && hasComponents) entries.push(componentsText);
    out.push(`{\n${entries.join(',\n')}\n}\n`);
    return out.join('');
  }
  const root = new Map(rootEntries);
  let placed = false;
  for (const key of Object.keys(first)) {
    if (key === 'paths') out.push(paths.length === 0 ? 'paths: {}\n' : 'paths:\n', ...paths);
    else if (key === 'components') {
      placed = true;
      if (hasComponents) out.push('components:\n', ...[...sections].flatMap(([name, items]) => [`  ${yamlString(name)}:\n`, ...items]));
    } else out.push(emitEntry('yaml', key, root.get(key), 0));
  }
  if (!placed && hasComponents) out.push('components:\n', ...[...sections].flatMap(([name, items]) => [`  ${yamlString(name)}:\n`, ...items]));
  return out.join('');
}
