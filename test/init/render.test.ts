import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Judgement } from '../../src/infer/choices.js';
import { teamRuleset } from '../../src/infer/ruleset.js';

const chosen: Judgement = { convention: 'versioning', option: 'url', profile: 'url-versioning', text: '3 of 3 paths start with /v1/' };
const none: Judgement = { convention: 'CORS', option: undefined, text: 'not chosen: no response declares Access-Control-Allow-Origin' };

describe('the ruleset init writes', () => {
  it('extends restlint first, then each chosen profile under its comment; a convention not chosen is a comment only', () => {
    const { yaml, layer } = teamRuleset([chosen, none], 'the description a.yaml', ['#   rl-x: warn # X.']);
    expect(layer).toBeUndefined();
    expect(parse(yaml)).toEqual({ extends: ['./node_modules/restlint/dist/restlint.mjs', './node_modules/restlint/dist/profiles/url-versioning.mjs'] });
    expect(yaml).toContain('\n  # versioning: url-versioning, because 3 of 3 paths start with /v1/.\n  - ./node_modules/restlint/dist/profiles/url-versioning.mjs\n');
    expect(yaml).toContain('\n  # CORS: not chosen: no response declares Access-Control-Allow-Origin.\n');
    expect(yaml).toContain('\n# rules:\n#   rl-x: warn # X.\n');
  });

  it('names from a description cannot break out of a comment or hide text', () => {
    const evil: Judgement = { ...none, text: 'x-a\nextends: [evil]\u202e\u0007' };
    const { yaml } = teamRuleset([evil], 'b.yaml\nrules: {}', []);
    expect(parse(yaml)).toEqual({ extends: ['./node_modules/restlint/dist/restlint.mjs'] });
    expect(yaml).toContain('# CORS: x-a\\nextends: [evil]\\u202e\\u0007.');
  });

  it('the team’s error schema goes into a JavaScript layer listed last, whose schema reads back as written', () => {
    const schema = { type: 'object', required: ['re\u2028ason', "it's"], properties: { 're\u2028ason': { type: 'string' }, "it's": {} } };
    const errors: Judgement = { convention: 'errors', option: 'own:x', errorSchema: schema, text: '3 of 3 error bodies' };
    const { yaml, layer } = teamRuleset([errors, chosen], 'c.yaml', []);
    expect((parse(yaml) as { extends: string[] }).extends.at(-1)).toBe('./restlint-team.mjs');
    expect(yaml).toContain("# errors: the team's error schema (restlint-team.mjs), because 3 of 3 error bodies.");
    const literal = /errorSchema: ([\s\S]*) \}\);\n$/.exec(layer!)![1]!;
    expect(literal).not.toContain('\u2028');
    expect(JSON.parse(literal)).toEqual(schema);
    expect(layer).toContain("import restlintProfile from './node_modules/restlint/dist/restlint-profile.mjs';");
  });
});
