import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { hasNounReading, isActionNoun, isPluralWord, lexicalReading, splitWords, verbReading, type VerbReading } from '../../src/openapi/words.js';

// How the English lexicon reads path words. Each row: word, reading as a segment of its own.
const readings: [string, VerbReading | undefined][] = [
  // Verbs only: reported wherever they stand.
  ['approve', 'verb'], ['refer', 'verb'], ['dismiss', 'verb'],
  ['explain', 'verb'], ['compute', 'verb'], ['activate', 'verb'], ['fulfil', 'verb'],
  // Verbs the HTTP methods say: verbs as a segment of their own, even where English has a noun.
  ['delete', 'verb'], ['list', 'verb'], ['set', 'verb'], ['change', 'verb'], ['lookup', 'verb'],
  // A verb whose noun the lexicon's texts never use: reported as a segment of its own like a verb.
  ['cancel', 'verb-rare-noun'], ['compare', 'verb-rare-noun'], ['seek', 'verb-rare-noun'], ['render', 'verb-rare-noun'],
  // Verbs first, nouns too: the position decides.
  ['play', 'verb-first'], ['count', 'verb-first'], ['capture', 'verb-first'], ['associate', 'verb-first'],
  ['search', 'either'], ['check', 'either'], ['revoke', 'either'], ['archive', 'either'],
  ['refund', 'noun-first'], ['copy', 'noun-first'], ['name', 'noun-first'], ['end', 'noun-first'], ['import', 'noun-first'],
  // A verb the tagged texts never use, beside a noun or adjective they do use.
  ['access', 'noun-rare-verb'], ['team', 'noun-rare-verb'], ['slack', 'noun-rare-verb'], ['void', 'noun-rare-verb'],
  // Rare verbs and verbs written with their particle.
  ['download', 'rare-verb'], ['regenerate', 'rare-verb'], ['disassociate', 'rare-verb'], ['hangup', 'rare-verb'],
  ['login', 'rare-verb'],
  // Prefixes on a verb the lexicon lacks.
  ['unlink', 'verb'], ['reindex', 'verb'], ['unmerge', 'verb'], ['deregister', 'verb'],
  // Near-misses: nouns, a noun that looks like a prefix on a verb, plurals, participles, short codes.
  ['resource', undefined], ['status', undefined], ['event', undefined], ['settings', undefined],
  ['requests', undefined], ['exports', undefined], ['charges', undefined], ['searches', undefined],
  ['following', undefined], ['id', undefined], ['up', undefined], ['termvectors', undefined],
];

describe('verbReading', () => {
  it.each(readings)('%s -> %s', (word, reading) => {
    expect(verbReading(word)).toBe(reading);
  });

  it('a team verb is a verb; the lexicon does not know the word without it', () => {
    expect(verbReading('geocode')).toBeUndefined();
    expect(verbReading('geocode', new Set(['geocode']))).toBe('verb');
  });
});

describe('lexicalReading (a word inside a compound name)', () => {
  it.each([
    ['change', 'either'], ['list', 'noun-first'], ['set', 'either'], ['add', 'verb-rare-noun'], ['get', 'verb-rare-noun'],
    ['approve', 'verb'], ['lookup', undefined],
  ] as [string, VerbReading | undefined][])('%s -> %s', (word, reading) => {
    expect(lexicalReading(word)).toBe(reading);
  });
});

describe('hasNounReading', () => {
  it.each([
    ['update', true], ['list', true], ['count', true], ['change', true], ['approve', false], ['download', false],
    ['connect', false],
  ] as [string, boolean][])('%s -> %s', (word, noun) => {
    expect(hasNounReading(word)).toBe(noun);
  });
});

describe('splitWords', () => {
  it.each([
    ['get_inventory_by_id', ['get', 'inventory', 'by', 'id']], ['addItem', ['add', 'item']],
    ['AddOnResults', ['add', 'on', 'results']], ['reset-password', ['reset', 'password']],
    ['_reindex', ['reindex']], ['SIP', ['sip']], ['setURLPrefix', ['set', 'url', 'prefix']],
  ] as [string, string[]][])('%s -> %j', (name, words) => {
    expect(splitWords(name)).toEqual(words);
  });
});

describe('isPluralWord', () => {
  it.each([
    ['users', true], ['mice', true], ['news', true], ['data', true], ['skus', true], ['user', false], ['address', false],
    ['status', false], ['item', false],
  ] as [string, boolean][])('%s -> %s', (word, plural) => {
    expect(isPluralWord(word)).toBe(plural);
  });
});

describe('the compacted lexicon', () => {
  it('is what scripts/build-lexicon.mjs makes of the installed WordNet database', () => {
    const result = spawnSync(process.execPath, ['scripts/build-lexicon.mjs', '--check'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

/** Each row: a noun and whether its ending may name the doing of a verb. */
const ACT_NOUNS: [string, boolean][] = [
  ['payment', true], ['activation', true], ['deactivation', true], ['approval', true], ['acceptance', true], ['deletion', true],
  ['renewal', true], ['confirmation', true],
  ['invoice', false], ['statement', false], ['document', false], ['station', false], ['balance', false], ['instance', false],
  ['comment', false], ['segment', false], ['animal', false], ['session', false], ['subscription', false],
];

describe('isActionNoun', () => {
  it.each(ACT_NOUNS)('%s', (word, expected) => {
    expect(isActionNoun(word)).toBe(expected);
  });
});
