import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Parsers from '@stoplight/spectral-parsers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../cli/helpers.js';
import { description, GIT_ENV, TempRepo } from '../since/gitRepo.js';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = Parsers.Yaml.parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')).data as Action;
const lintStep = action.runs.steps.find((s) => s.id === 'lint')!;

describe('action.yml', () => {
  it('is a composite action that lints, then uploads SARIF with codeql-action even when findings fail the lint', () => {
    expect(action.runs.using).toBe('composite');
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.if).toContain('always()');
    expect(upload?.with?.sarif_file).toContain('steps.lint.outputs.sarif-file');
    expect(action.runs.steps.at(-1)!.run).toContain('exit "$CODE"');
  });

  it('names only inputs it declares, and passes them to scripts through the environment, never inline', () => {
    const text = readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
    const used = new Set([...text.matchAll(/inputs\.([a-z-]+)/g)].map((m) => m[1]));
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

    it('does not run shell code given as an input', async () => {
      const { code, output } = await runScript({ INPUT_TARGETS: 'api/*.yaml $(touch injected) `touch injected`', INPUT_SINCE: '$(touch injected)' });
      expect(code).toBe(0);
      expect(output).toMatch(/^exit-code=2\n/);
      expect(existsSync(path.join(repo.dir, 'injected'))).toBe(false);
    });
  });
});
