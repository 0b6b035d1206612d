/**
 * The CLI, spawned as a user runs it: the project's config (settings, rule
 * options, ignores) and --config, exit codes (0 clean, 1 findings, 2 every
 * failure to lint, with one line), the summary, formats (stylish, json,
 * SARIF 2.1.0, GitLab code quality), --provider, --output-file, --type-checked.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { DEMO_FINDINGS } from './demo-findings.js';
import { CLI, ROOT, cli, eslint, findings, project, withoutProgress } from './project.js';

// each case spawns the CLI (and some ESLint too): a few seconds each on a loaded 2-core machine
vi.setConfig({ testTimeout: 60_000 });

const DEMO_SUMMARY = [
  'whatsapp-errors: 13 findings in 5 of 7 linted files',
  '',
  '  rule                     findings',
  '  no-blind-retry                  2',
  '  no-status-branching             2',
  '  no-unknown-error-code           2',
  '  require-idempotency-key         2',
  '  exhaustive-error-codes          1',
  '  handle-failed-status            1',
  '  no-message-branching            1',
  '  no-unchecked-response           1',
  '  preserve-error-code             1',
  '',
  '  provider    findings',
  '  meta-cloud         5',
  '  digiworld          3',
  '  msgbubbles         3',
  '  wa-server          2',
  '',
].join('\n');

/** A file that reaches wa-server only through a host that settings map to it. */
const INTERNAL_HOST = `export async function send(to: string) {
  const res = await fetch('https://wa.internal.example.com/devices/1/messages', { method: 'POST', body: JSON.stringify({ to }) });
  if (res.status === 409) throw new Error('conflict', { cause: await res.json() });
  const body = (await res.json()) as { error?: { code: string } };
  if (body.error?.code === 'rate_limit') return 'later';
  debugger;
  return 'sent';
}
`;

const INTERNAL_CONFIG = `import whatsappErrors from 'eslint-plugin-whatsapp-errors';

export default [
  whatsappErrors.configs.recommended,
  {
    settings: { 'whatsapp-errors': { hosts: { 'wa.internal.example.com': 'wa-server' } } },
    rules: { 'whatsapp-errors/no-status-branching': 'warn', 'no-debugger': 'error' },
  },
];
`;

describe('exit codes and the summary', () => {
  test('0 on a codebase without findings (no config file: the recommended config)', () => {
    const cwd = project({}, { copy: { src: 'test/fixtures/clean/src' }, plugin: false });
    const { status, stderr } = cli([], cwd);
    expect(stderr).toBe('whatsapp-errors: 0 findings in 1 linted file\n');
    expect(status).toBe(0);
  });

  test('1 on findings, with files with findings and files linted, per rule and per provider', () => {
    const { status, stdout, stderr } = cli(['examples/demo-app']);
    expect(stdout).toContain('whatsapp-errors/no-blind-retry');
    expect(stderr).toBe(DEMO_SUMMARY);
    expect(status).toBe(1);
  });

  test.each([
    [['--format', 'xml'], "whatsapp-errors: unknown --format 'xml'; expected one of stylish, json, sarif, gitlab (see --help)\n"],
    [['--provider', 'plivo'], "whatsapp-errors: unknown --provider 'plivo'; expected one of meta-cloud, cequens, wa-server, digiworld, msgbubbles, connexease, twilio, 360dialog, vonage, infobip, gupshup (see --help)\n"],
    [['--frobnicate'], "whatsapp-errors: unknown option '--frobnicate' (see --help)\n"],
    [['no/such/dir'], 'whatsapp-errors: no such file or directory: no/such/dir\n'],
    [['--config', 'no-such.config.js'], 'whatsapp-errors: config file not found: no-such.config.js\n'],
  ])('2 with a one-line reason for %j', (args, message) => {
    const { status, stdout, stderr } = cli(args);
    expect(stdout).toBe('');
    expect(stderr).toBe(message);
    expect(status).toBe(2);
  });

  test('2 when no file is linted: every path ignored or without a JS/TS file', () => {
    const cwd = project({ 'docs/README.md': '# Notes\n' }, { plugin: false });
    const { status, stdout, stderr } = cli(['docs'], cwd);
    expect(stdout).toBe('');
    expect(stderr).toBe('whatsapp-errors: no files to lint in docs (every file there is ignored, or none has a .ts/.js extension)\n');
    expect(status).toBe(2);
  });

  test('2 on invalid settings, naming the key', () => {
    const cwd = project({
      'package.json': '{ "type": "module" }\n',
      'eslint.config.js': "import w from 'eslint-plugin-whatsapp-errors';\nexport default [w.configs.recommended, { settings: { 'whatsapp-errors': { providers: ['plivo'] } } }];\n",
      'src/send.ts': INTERNAL_HOST,
    });
    const { status, stdout, stderr } = cli([], cwd);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^whatsapp-errors: .*invalid settings\['whatsapp-errors'\]\.providers\[0\]: .*'plivo'.*\n$/);
    expect(stderr.split('\n')).toHaveLength(2);
    expect(status).toBe(2);
  });

  test('2 when the config file itself fails (a crash while loading it), in one line', () => {
    const cwd = project({ 'package.json': '{ "type": "module" }\n', 'eslint.config.js': "throw new Error('config exploded');\n", 'src/send.ts': INTERNAL_HOST });
    const { status, stdout, stderr } = cli([], cwd);
    expect(stdout).toBe('');
    expect(stderr).toBe('whatsapp-errors: config exploded\n');
    expect(status).toBe(2);
  });

  test('2 when a file cannot be parsed: it was not checked', () => {
    const cwd = project({ 'src/broken.ts': 'export const = ;\n', 'src/ok.ts': 'export const ok = 1;\n' }, { plugin: false });
    const { status, stdout, stderr } = cli([], cwd);
    expect(stdout).toContain('Parsing error');
    expect(stderr).toBe(['whatsapp-errors: 0 findings in 2 linted files', '  1 file could not be parsed and was not checked (see the parse errors above)', ''].join('\n'));
    expect(status).toBe(2);
  });

  test('--help and --version exit 0', () => {
    expect(cli(['--help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('Usage: whatsapp-errors [options] [paths...]') });
    expect(cli(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe("the project's eslint.config.*", () => {
  test('settings and rule options reach the CLI: it finds what `eslint .` finds, and runs only the plugin rules', () => {
    const cwd = project({ 'package.json': '{ "type": "module" }\n', 'eslint.config.js': INTERNAL_CONFIG, 'src/send.ts': INTERNAL_HOST });
    const ours = cli(['--format', 'json'], cwd);
    const theirs = eslint(['--format', 'json', '.'], cwd);
    const plugin = findings(theirs.stdout, cwd).filter((line) => / whatsapp-errors\//.test(line));
    // the host from settings makes the file a wa-server caller; the severity from the config is kept
    expect(plugin.map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual(['src/send.ts:3:7 whatsapp-errors/no-status-branching', 'src/send.ts:5:28 whatsapp-errors/no-unknown-error-code']);
    expect(findings(ours.stdout, cwd)).toEqual(plugin);
    // ESLint runs the project's other rules too; the CLI does not
    expect(findings(theirs.stdout, cwd).filter((line) => line.startsWith('src/send.ts:6:3 no-debugger '))).toHaveLength(1);
    expect(ours.status).toBe(1);
    expect(ours.stderr.split('\n')[0]).toBe('whatsapp-errors: 2 findings (1 warning) in 1 of 2 linted files');
  });

  test('warnings alone exit 0, as ESLint does', () => {
    const cwd = project({
      'package.json': '{ "type": "module" }\n',
      'eslint.config.js': INTERNAL_CONFIG.replace("'no-debugger': 'error'", "'whatsapp-errors/no-unknown-error-code': 'off'"),
      'src/send.ts': INTERNAL_HOST,
    });
    const { status, stderr } = cli([], cwd);
    expect(stderr.split('\n')[0]).toBe('whatsapp-errors: 1 finding (1 warning) in 1 of 2 linted files');
    expect(status).toBe(0);
    expect(eslint(['.'], cwd).status).toBe(0);
  });

  test("the plugin's rules are added where the config does not set them", () => {
    // a config with settings only: without the CLI's own rules this would find nothing
    const cwd = project({
      'package.json': '{ "type": "module" }\n',
      'eslint.config.js': "export default [{ files: ['**/*.ts'], settings: { 'whatsapp-errors': { hosts: { 'wa.internal.example.com': 'wa-server' } } } }];\n",
      'src/send.ts': INTERNAL_HOST,
    });
    const { status, stdout } = cli(['--format', 'json'], cwd);
    expect(findings(stdout, cwd).map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual([
      'src/send.ts:3:7 whatsapp-errors/no-status-branching',
      'src/send.ts:5:28 whatsapp-errors/no-unknown-error-code',
    ]);
    expect(status).toBe(1);
  });

  test('--config <file> uses that file', () => {
    const cwd = project({
      'package.json': '{ "type": "module" }\n',
      'lint/whatsapp.config.js': INTERNAL_CONFIG.replace("'warn'", "'off'"),
      'src/send.ts': INTERNAL_HOST,
    });
    const without = cli(['src'], cwd);
    expect(without.stderr.split('\n')[0]).toBe('whatsapp-errors: 0 findings in 1 linted file');
    const withConfig = cli(['--config', 'lint/whatsapp.config.js', 'src'], cwd);
    expect(withConfig.stderr.split('\n')[0]).toBe('whatsapp-errors: 1 finding in 1 of 1 linted file');
    expect(withConfig.stdout).toMatch(/src\/send\.ts\n\s+5:28\s+error\s+.*whatsapp-errors\/no-unknown-error-code/);
    expect(withConfig.status).toBe(1);
  });

  test("the config's ignores apply", () => {
    const cwd = project({
      'package.json': '{ "type": "module" }\n',
      'eslint.config.js': `${INTERNAL_CONFIG}\nexport const ignored = 1;\n`.replace('export default [', "export default [\n  { ignores: ['legacy/**'] },"),
      'src/send.ts': INTERNAL_HOST,
      'legacy/send.ts': INTERNAL_HOST,
    });
    const { stdout } = cli(['--format', 'json'], cwd);
    expect(findings(stdout, cwd).every((line) => line.startsWith('src/') || line.startsWith('eslint.config.js'))).toBe(true);
  });
});

describe('what ESLint reports besides findings', () => {
  const config = `${INTERNAL_CONFIG.replace("'no-debugger': 'error'", "'no-console': 'error'").replace('export default [', "export default [\n  { ignores: ['legacy/**'] },")}`;

  // ESLint does not report a disable comment as unused when its rule did not run (ruleFilter)
  test("eslint-disable comments for the project's other rules, which the CLI does not run, are not reported", () => {
    const cwd = project({
      'package.json': '{ "type": "module" }\n',
      'eslint.config.js': config,
      'src/log.ts': '// eslint-disable-next-line no-console\nconsole.log("sent");\n',
    });
    const { status, stdout, stderr } = cli(['src'], cwd);
    expect(stdout).toBe('');
    expect(stderr).toBe('whatsapp-errors: 0 findings in 1 linted file\n');
    expect(status).toBe(0);
  });

  test("without a config, comments for rules the project's other tools run, and /* eslint-env */, are not reported; an unneeded disable of this plugin's rule is", () => {
    const cwd = project({
      'package.json': '{ "type": "module" }\n',
      'src/legacy.js': '/* eslint-env node */\n// eslint-disable-next-line no-param-reassign\nexport function touch(o) { o.seen = true; } // eslint-disable-line\n',
      'src/send.js': '// eslint-disable-next-line whatsapp-errors/no-blind-retry\nexport const sent = 1;\n',
    });
    const { status, stdout } = cli(['--format', 'json'], cwd);
    expect(findings(stdout, cwd)).toEqual(["src/send.js:1:1 null Unused eslint-disable directive (no problems were reported from 'whatsapp-errors/no-blind-retry')."]);
    expect(status).toBe(0);
  });

  test('a file named on the command line that the config ignores is skipped, as ESLint does (lint-staged passes such files)', () => {
    const cwd = project({ 'package.json': '{ "type": "module" }\n', 'eslint.config.js': config, 'legacy/send.ts': INTERNAL_HOST, 'src/ok.ts': 'export const ok = 1;\n' });
    const { status, stderr } = cli(['legacy/send.ts', 'src/ok.ts'], cwd);
    expect(stderr).toBe('whatsapp-errors: 0 findings in 1 linted file (1 file ignored by the config)\n');
    expect(status).toBe(0);
  });
});

describe('formats', () => {
  test('json is ESLint results with the same findings as the Node API', () => {
    const { status, stdout } = cli(['examples/demo-app', '--format', 'json']);
    expect(status).toBe(1);
    const results = JSON.parse(stdout) as { filePath: string; messages: { line: number; column: number; ruleId: string }[] }[];
    const found = results
      .flatMap((r) => r.messages.map((m) => `${r.filePath.slice(r.filePath.indexOf('src/'))}:${m.line}:${m.column} ${m.ruleId.replace('whatsapp-errors/', '')}`))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    expect(found).toEqual(DEMO_FINDINGS);
  });

  test('sarif has the required fields, relative URIs and one result per finding', () => {
    const { stdout } = cli(['examples/demo-app', '--format', 'sarif']);
    const sarif = JSON.parse(stdout);
    expect(sarif).toMatchObject({ version: '2.1.0', $schema: 'https://json.schemastore.org/sarif-2.1.0.json' });
    expect(sarif.runs).toHaveLength(1);
    const [runOf] = sarif.runs;
    expect(runOf.tool.driver).toMatchObject({ name: 'eslint-plugin-whatsapp-errors', version: expect.any(String), informationUri: expect.stringMatching(/^https:/) });
    const ruleIds: string[] = runOf.tool.driver.rules.map((r: { id: string }) => r.id);
    for (const rule of runOf.tool.driver.rules) {
      expect(rule).toMatchObject({ id: expect.stringMatching(/^whatsapp-errors\//), shortDescription: { text: expect.any(String) }, helpUri: expect.stringMatching(/^https:/) });
    }
    expect(runOf.results).toHaveLength(DEMO_FINDINGS.length);
    for (const result of runOf.results) {
      expect(result).toMatchObject({ ruleId: expect.any(String), level: 'error', message: { text: expect.any(String) } });
      expect(ruleIds[result.ruleIndex]).toBe(result.ruleId);
      const location = result.locations[0].physicalLocation;
      expect(location.artifactLocation).toEqual({ uri: expect.stringMatching(/^examples\/demo-app\/src\/whatsapp\/[a-z-]+\.ts$/), uriBaseId: '%SRCROOT%' });
      expect(location.region.startLine).toBeGreaterThan(0);
      expect(location.region.startColumn).toBeGreaterThan(0);
    }
    expect(runOf.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/$/);
  });

  test('--output-file writes the report and keeps stdout empty', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'wa-cli-')), 'report.sarif');
    const { status, stdout } = cli(['examples/demo-app', '--format', 'sarif', '--output-file', out]);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe('2.1.0');
  });
});

test('--provider restricts the findings to those providers, over the config file', () => {
  const { status, stderr } = cli(['examples/demo-app', '--provider', 'wa-server,digiworld']);
  expect(status).toBe(1);
  expect(stderr.split('\n')[0]).toBe('whatsapp-errors: 5 findings in 2 of 7 linted files');
  expect(stderr).toContain('  wa-server         2');
  expect(stderr).not.toContain('meta-cloud');
});

test('a wrapper in another file is followed with and without --type-checked', () => {
  const cwd = project({}, { copy: { src: 'test/fixtures/typed-cli/src', 'tsconfig.json': 'test/fixtures/typed-cli/tsconfig.json' }, plugin: false });
  for (const args of [['src'], ['--type-checked', 'src']]) {
    const result = cli(args, cwd);
    expect(result.stdout).toMatch(/jobs\.ts\n\s+5:3\s+error\s+This retry re-sends every meta-cloud error/);
    expect(result.stderr.split('\n')[0]).toBe('whatsapp-errors: 1 finding in 1 of 2 linted files');
    expect(result.status).toBe(1);
  }
});

test('--type-checked: a file in no tsconfig.json (a test, a tool config) is checked without types, not failed', () => {
  const outside = `import { sendTemplate } from '../src/graph.js';\nexport async function retryWelcome(to: string) {\n  for (let attempt = 0; attempt < 3; attempt++) {\n    try {\n      return await sendTemplate(to, 'welcome');\n    } catch {}\n  }\n}\n`;
  const cwd = project({ 'scripts/resend.ts': outside }, { copy: { src: 'test/fixtures/typed-cli/src', 'tsconfig.json': 'test/fixtures/typed-cli/tsconfig.json' }, plugin: false });
  const result = cli(['--type-checked', '.'], cwd);
  expect(result.stdout).toMatch(/resend\.ts\n\s+3:3\s+error\s+This retry re-sends every meta-cloud error/);
  expect(result.stderr.split('\n')).toEqual([
    'whatsapp-errors: 2 findings in 2 of 3 linted files',
    '',
    '  rule            findings',
    '  no-blind-retry         2',
    '',
    '  provider    findings',
    '  meta-cloud         2',
    '  1 file is in no tsconfig.json and was checked without type information',
    '',
  ]);
  expect(result.status).toBe(1);
});

test("a project's disable comments for rules this run does not load are not findings", () => {
  const file = `// eslint-disable-next-line @typescript-eslint/no-explicit-any\nexport const x: any = 1;\n/* eslint-disable-next-line import/no-unresolved */\nexport { y } from './y.js';\n`;
  const cwd = project({ 'src/index.ts': file }, { plugin: false });
  const result = cli(['src'], cwd);
  expect(result.stdout).toBe('');
  expect(result.stderr).toBe('whatsapp-errors: 0 findings in 1 linted file\n');
  expect(result.status).toBe(0);
});

test('runs through a symlink, as npm links node_modules/.bin/whatsapp-errors', () => {
  const cwd = project({}, { copy: { src: 'test/fixtures/clean/src' }, plugin: false });
  const link = join(mkdtempSync(join(tmpdir(), 'wa-bin-')), 'whatsapp-errors');
  symlinkSync(CLI, link);
  const result = spawnSync(process.execPath, [link], { cwd, encoding: 'utf8' });
  expect(withoutProgress(result.stderr)).toBe('whatsapp-errors: 0 findings in 1 linted file\n');
  expect(result.status).toBe(0);
});

test('npm run demo exits 0 on the findings the demo expects', () => {
  const result = spawnSync(process.execPath, [join(ROOT, 'dist/scripts/demo.js')], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  expect(withoutProgress(result.stderr)).toBe(DEMO_SUMMARY);
  expect(result.status).toBe(0);
});
