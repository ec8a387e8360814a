/**
 * Component keys that once cut a finding's path short, or that a pointer decoder could get wrong; the
 * fixtures under test/fixtures/exact-paths hold one block per key, each laid out alike.
 */
export const AWKWARD_KEYS = ['widget@200', 'a:b', 'a::b', 'a.b', 'a/b', 'a~b', 'a~1b', '50%', 'two words', 'Größe', 'ключ', '日本'];
