import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import { truthy } from '@actions/expressions/result';
import { NoOperationTraceWriter } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/action-parser';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../cli/helpers.js';
import { description, GIT_ENV, TempRepo } from '../since/gitRepo.js';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  'continue-on-error'?: boolean | string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const ACTION_TEXT = readFileSync(path.join(ROOT, 'action.yml'), 'utf8');

/** Every complaint of a strict YAML 1.2 parser (errors and warnings, duplicate keys included), as `line:col message`. */
function yamlProblems(text: string): string[] {
  const doc = parseDocument(text, { strict: true, uniqueKeys: true, prettyErrors: false });
  return [...doc.errors, ...doc.warnings].map((e) => `${e.linePos?.[0]?.line ?? '?'}:${e.linePos?.[0]?.col ?? '?'} ${e.code}`);
}

/** What GitHub's own action parser (the schema of action.yml, the expressions in it) says is wrong with the file. */
function actionProblems(text: string): string[] {
  const result = parseAction({ name: 'action.yml', content: text }, new NoOperationTraceWriter());
  return result.context.errors.getErrors().map((e) => e.message);
}

const action = parseDocument(ACTION_TEXT, { strict: true }).toJS() as Action;
const lintStep = action.runs.steps.find((s) => s.id === 'lint')!;
const uploadStep = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;

/** Evaluates a step's `if` as the runner does, with the status function always() and the given contexts. */
function condition(expression: string, contexts: Record<string, unknown>): boolean {
  const source = expression.replace(/^\$\{\{\s*|\s*\}\}$/g, '');
  const always = { name: 'always', minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(true) };
  const tree = new Parser(new Lexer(source).lex().tokens, Object.keys(contexts), [always]).parse();
  const context = JSON.parse(JSON.stringify(contexts), data.reviver) as data.Dictionary;
  return truthy(new Evaluator(tree, context, new Map([['always', always]])).evaluate());
}

describe('action.yml', () => {
  it('is valid YAML to a strict parser, and a valid action to GitHub’s own action parser', () => {
    expect(yamlProblems(ACTION_TEXT)).toEqual([]);
    expect(actionProblems(ACTION_TEXT)).toEqual([]);
  });

  it.each([
    ['an unquoted ": " inside a plain scalar (what broke line 38)', (t: string) => t.replace(/description: '(Upload the SARIF[^']*)'/, 'description: $1'), 'yaml'],
    ['a duplicate key', (t: string) => t.replace('  targets:\n', '  targets:\n    required: false\n    required: true\n'), 'yaml'],
    ['a key GitHub does not know', (t: string) => t.replace('author: restlint\n', 'author: restlint\nhomepage: x\n'), 'action'],
    ['a run step without a shell', (t: string) => t.replace(/( {4}- name: Fail on findings\n(?:.*\n)*?) {6}shell: bash\n/, '$1'), 'action'],
    ['a broken expression', (t: string) => t.replace("inputs.upload-sarif == 'true'", "inputs.upload-sarif == ('true'"), 'action'],
  ])('rejects %s, so that its checks are real', (_name, mutate, checker) => {
    const broken = mutate(ACTION_TEXT);
    expect(broken).not.toBe(ACTION_TEXT);
    const problems = checker === 'yaml' ? yamlProblems(broken) : actionProblems(broken);
    expect(problems).not.toEqual([]);
    // GitHub's parser reads YAML strictly too: a file the YAML check rejects never loads as an action.
    expect(actionProblems(broken)).not.toEqual([]);
  });

  it('is a composite action that lints, then uploads SARIF with codeql-action even when findings fail the lint', () => {
    expect(action.runs.using).toBe('composite');
    expect(uploadStep.if).toContain('always()');
    expect(uploadStep.with?.sarif_file).toContain('steps.lint.outputs.sarif-file');
    expect(action.runs.steps.at(-1)!.run).toContain('exit "$CODE"');
  });

  it('skips the SARIF upload on pull requests from forks, and a refused upload does not fail the job', () => {
    const when = (github: Record<string, unknown>, inputs = { 'upload-sarif': 'true' }) =>
      condition(uploadStep.if!, { github: { repository: 'acme/api', ...github }, inputs, steps: { lint: { outputs: { 'sarif-file': 'restlint.sarif' } } } });
    const pullRequest = (headRepo: string) => ({ event_name: 'pull_request', event: { pull_request: { head: { repo: { full_name: headRepo } } } } });
    expect(when(pullRequest('acme/api'))).toBe(true);
    expect(when(pullRequest('someone/api'))).toBe(false);
    expect(when({ event_name: 'push', event: {} })).toBe(true);
    expect(when({ event_name: 'pull_request_target', event: { pull_request: { head: { repo: { full_name: 'someone/api' } } } } })).toBe(true);
    expect(when(pullRequest('acme/api'), { 'upload-sarif': 'false' })).toBe(false);
    expect(uploadStep['continue-on-error']).toBe(true);
  });

  it('runs the restlint of its own folder, never one of the checked-out branch', () => {
    const setup = action.runs.steps.find((s) => s.id === 'setup')!;
    expect(setup.env?.ACTION_PATH).toBe('${{ github.action_path }}');
    expect(setup.run).toMatch(/^cd "\$ACTION_PATH"$/m);
    expect(setup.run).toContain('echo "bin=$ACTION_PATH/bin/restlint" >> "$GITHUB_OUTPUT"');
    expect(setup.run).not.toContain('node_modules/.bin');
    expect(setup).not.toHaveProperty('working-directory');
    expect(lintStep.env?.RESTLINT).toBe('${{ steps.setup.outputs.bin }}');
    expect(lintStep.run).toContain('node "$RESTLINT"');
  });

  it('names only inputs it declares, and passes them to scripts through the environment, never inline', () => {
    const used = new Set([...ACTION_TEXT.matchAll(/inputs\.([a-z-]+)/g)].map((m) => m[1]));
    expect([...used].filter((name) => !(name in action.inputs))).toEqual([]);
    for (const step of action.runs.steps) expect(step.run ?? '').not.toMatch(/\$\{\{/);
  });

  describe('its lint script, run as the runner runs it', () => {
    let repo: TempRepo;
    let runner: string;

    beforeAll(() => {
      repo = new TempRepo('action');
      repo.write('api/bad.yaml', description(['/user/{id}'])).commit('API');
      runner = mkdtempSync(path.join(os.tmpdir(), 'restlint-runner-'));
    });
    afterAll(() => {
      repo.remove();
      rmSync(runner, { recursive: true, force: true });
    });

    const runScript = (inputs: Record<string, string>) => {
      const env = {
        ...GIT_ENV,
        NO_COLOR: '1',
        RESTLINT: BIN,
        INPUT_TARGETS: 'api/*.yaml',
        INPUT_RULESET: path.join(ROOT, 'test/fixtures/workflow/two-rules.spectral.yaml'),
        INPUT_FAIL_SEVERITY: 'warn',
        INPUT_BASELINE: '',
        INPUT_SINCE: '',
        INPUT_SHARD: '',
        INPUT_SARIF_FILE: 'restlint.sarif',
        INPUT_ANNOTATIONS: 'true',
        INPUT_JOB_SUMMARY: 'true',
        GITHUB_OUTPUT: path.join(runner, 'output'),
        GITHUB_STEP_SUMMARY: path.join(runner, 'summary'),
        RUNNER_TEMP: runner,
        ...inputs,
      };
      for (const file of ['output', 'summary']) writeFileSync(path.join(runner, file), '');
      return new Promise<{ code: number; stdout: string; output: string }>((resolve) => {
        execFile('bash', ['-e', '-c', lintStep.run!], { cwd: repo.dir, env }, (error, stdout) =>
          resolve({ code: error === null ? 0 : Number(error.code), stdout, output: readFileSync(path.join(runner, 'output'), 'utf8') }),
        );
      });
    };

    it('prints findings and annotations, writes SARIF and the job summary, and hands the exit code on', async () => {
      const { code, stdout } = await runScript({});
      expect(code).toBe(0);
      expect(readFileSync(path.join(runner, 'output'), 'utf8')).toBe('exit-code=1\nsarif-file=restlint.sarif\n');
      expect(stdout).toMatch(/^api\/bad\.yaml\n {2}6:14 +warning +rl-collection-names-plural/);
      expect(stdout).toMatch(/^::warning file=api\/bad\.yaml,line=6,endLine=\d+,title=rl-collection-names-plural::Collection "user"/m);
      const sarif = JSON.parse(readFileSync(path.join(repo.dir, 'restlint.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
      expect(sarif.runs[0].results.map((r) => r.ruleId)).toEqual(['rl-collection-names-plural', 'rl-get-cache-headers']);
      expect(readFileSync(path.join(runner, 'summary'), 'utf8')).toMatch(/^### restlint\n\n✖ \*\*2 problems\*\*/);
    });

    it('lints the part of the descriptions its shard input names', async () => {
      // One description: it is in part 1 of 2, and part 2 is empty (a clean run).
      expect((await runScript({ INPUT_SHARD: '1/2' })).output).toMatch(/^exit-code=1\n/);
      const second = await runScript({ INPUT_SHARD: '2/2' });
      expect(second.output).toMatch(/^exit-code=0\n/);
      expect(second.stdout).not.toMatch(/api\/bad\.yaml/);
      expect((await runScript({ INPUT_SHARD: '3/2' })).output).toMatch(/^exit-code=2\n/);
    });

    it('does not run shell code given as an input', async () => {
      const { code, output } = await runScript({ INPUT_TARGETS: 'api/*.yaml $(touch injected) `touch injected`', INPUT_SINCE: '$(touch injected)' });
      expect(code).toBe(0);
      expect(output).toMatch(/^exit-code=2\n/);
      expect(existsSync(path.join(repo.dir, 'injected'))).toBe(false);
    });
  });
});
