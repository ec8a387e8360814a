// What a team gets when it installs restlint: the files the package holds, and type declarations that a
// TypeScript consumer can import.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/helpers.js';

const run = promisify(execFile);
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');

describe('the package', () => {
  let files: string[];
  beforeAll(async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, env: { ...process.env, SCARF_ANALYTICS: 'false' }, maxBuffer: 64 * 1024 * 1024 });
    files = (JSON.parse(stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
  }, 60_000);

  it('holds every file the README links to', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/i.test(l));
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((l) => !files.includes(path.posix.normalize(l)))).toEqual([]);
  });

  it('holds the licence, the README, the CLI, the ruleset, the profiles and their declarations', () => {
    for (const file of ['LICENSE', 'README.md', 'package.json', 'bin/restlint', 'dist/index.js', 'dist/index.d.ts', 'dist/restlint.mjs', 'dist/restlint.d.mts', 'dist/restlint-profile.d.mts', 'dist/profiles/cursor-pagination.mjs', 'dist/profiles/cursor-pagination.d.mts', 'dist/resolver.cjs']) {
      expect(files, file).toContain(file);
    }
    expect(files.filter((f) => f.startsWith('test/') || f.startsWith('src/') || f.startsWith('node_modules/'))).toEqual([]);
  });

  it('points types and exports at declarations that exist, and turns off install analytics for consumers', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { types: string; exports: Record<string, string | { types: string; default: string }>; scarfSettings: { enabled: boolean }; license: string };
    expect(files).toContain(path.posix.normalize(pkg.types));
    for (const [entry, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'string') continue;
      const sample = (p: string) => path.posix.normalize(p.replace('*', 'cursor-pagination'));
      expect(files, entry).toContain(sample(target.types));
      expect(files, entry).toContain(sample(target.default));
    }
    expect(pkg.scarfSettings).toEqual({ enabled: false });
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) the restlint authors\n/);
  });
});

describe('a TypeScript consumer of the built package', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'restlint-consumer-'));
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(ROOT, path.join(dir, 'node_modules/restlint'), 'dir');
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', type: 'module', private: true }));
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, types: ['node'], typeRoots: [path.join(ROOT, 'node_modules/@types')] }, include: ['*.ts'] }),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const tsc = async (source: string): Promise<string> => {
    writeFileSync(path.join(dir, 'consumer.ts'), source);
    try {
      await run(process.execPath, [TSC, '-p', dir], { cwd: dir });
      return '';
    } catch (error) {
      return (error as { stdout: string }).stdout;
    }
  };

  it('type-checks the library, the ruleset and the profiles', async () => {
    const source = [
      "import { createLinter, severityName, type Finding } from 'restlint';",
      "import ruleset from 'restlint/ruleset';",
      "import restlintProfile, { type TeamChoices } from 'restlint/profile';",
      "import cursor from 'restlint/profiles/cursor-pagination';",
      'const linter = createLinter(ruleset);',
      "const findings: Finding[] = await linter.lint('openapi: 3.0.3', '/tmp/openapi.yaml');",
      'const names: string[] = findings.map((f) => `${f.code} ${severityName(f.severity)}`);',
      "const choices: TeamChoices = { pagination: 'cursor' };",
      'const layer = restlintProfile(ruleset, choices);',
      'export const rules: string[] = [...names, ...Object.keys(layer.rules), ...Object.keys(cursor.rules)];',
      '',
    ].join('\n');
    expect(await tsc(source)).toBe('');
  }, 120_000);

  it('type-checks the README\'s library example', async () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const example = /## As a library\n[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toContain("from 'restlint'");
    expect(await tsc(`${example!}export { cursorPaging };\n`)).toBe('');
  }, 120_000);

  it('reports a consumer that misuses the types', async () => {
    const output = await tsc("import { createLinter } from 'restlint';\nconst linter = createLinter({ rules: {} });\nexport const n: number = await linter.lint('x', 'y');\n");
    expect(output).toMatch(/consumer\.ts\(3,14\): error TS2322/);
  }, 120_000);
});

describe('the CLI of a packed tarball', () => {
  let dir: string;
  let packed: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'restlint-packed-'));
    const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, env: { ...process.env, SCARF_ANALYTICS: 'false' }, maxBuffer: 64 * 1024 * 1024 });
    const tarball = path.join(dir, (JSON.parse(stdout) as { filename: string }[])[0]!.filename);
    await run('tar', ['-xzf', tarball, '-C', dir]);
    packed = path.join(dir, 'package');
    // What `npm install` would put beside it: the dependencies (the bundle carries its own, bar a few).
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(packed, 'node_modules'), 'dir');
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cli = (bin: string, args: string[], cwd: string) =>
    run(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', SCARF_ANALYTICS: 'false' } }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );

  it('holds the bundled CLI, its loader, its worker and its code cache', () => {
    for (const file of ['dist/cli/main.cjs', 'dist/cli/main.cjs.cache', 'dist/cli/load.cjs', 'dist/cli/worker.cjs']) expect(existsSync(path.join(packed, file)), file).toBe(true);
  });

  it('lints as the checkout does: one description, and a folder in worker threads', async () => {
    const examples = path.join(packed, 'examples');
    const [fromPackage, fromCheckout] = await Promise.all([
      cli(path.join(packed, 'bin/restlint'), ['lint', 'non-compliant.yaml', '--no-ruleset-lookup', '-f', 'json'], examples),
      cli(path.join(ROOT, 'bin/restlint'), ['lint', 'non-compliant.yaml', '--no-ruleset-lookup', '-f', 'json'], path.join(ROOT, 'examples')),
    ]);
    expect(fromPackage.code).toBe(1);
    const findings = (text: string) => (JSON.parse(text) as { code: string; path: string[]; source: string }[]).map((f) => [f.code, f.path.join('.'), path.basename(f.source)]);
    expect(findings(fromPackage.stdout).length).toBeGreaterThan(10);
    expect(findings(fromPackage.stdout)).toEqual(findings(fromCheckout.stdout));
    const [pooled, alone] = await Promise.all(['3', '1'].map((jobs) => cli(path.join(packed, 'bin/restlint'), ['lint', '.', '--no-ruleset-lookup', '-f', 'json', '--jobs', jobs], examples)));
    expect(pooled).toEqual(alone);
    expect(findings(pooled.stdout)).toEqual(findings(fromPackage.stdout));
  }, 120_000);
});
