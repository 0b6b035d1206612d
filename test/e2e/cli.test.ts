/**
 * The zero-config CLI, spawned as a user runs it: exit codes, formats
 * (stylish, json, SARIF 2.1.0), the summary, --provider and --output-file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { DEMO_FINDINGS } from './demo-findings.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The built CLI (`npm test` builds first). */
const CLI = join(ROOT, 'dist/src/cli/bin.js');

function run(args: string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('exit codes', () => {
  test('0 on a codebase without findings', () => {
    const { status, stderr } = run(['test/fixtures/clean']);
    expect(status).toBe(0);
    expect(stderr).toBe('whatsapp-errors: 0 findings in 1 file\n');
  });

  test('1 on findings, with a summary per rule and provider on stderr', () => {
    const { status, stdout, stderr } = run(['examples/demo-app']);
    expect(status).toBe(1);
    expect(stdout).toContain('whatsapp-errors/no-blind-retry');
    expect(stderr).toBe(
      [
        'whatsapp-errors: 13 findings in 6 files',
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
      ].join('\n'),
    );
  });

  test.each([
    [['--format', 'xml'], "whatsapp-errors: unknown --format 'xml'; expected one of stylish, json, sarif (see --help)\n"],
    [['--provider', 'plivo'], "whatsapp-errors: unknown --provider 'plivo'; expected one of meta-cloud, cequens, wa-server, digiworld, msgbubbles, connexease, twilio, 360dialog, vonage, infobip, gupshup (see --help)\n"],
    [['--frobnicate'], "whatsapp-errors: unknown option '--frobnicate' (see --help)\n"],
    [['no/such/dir'], 'whatsapp-errors: no such file or directory: no/such/dir\n'],
  ])('2 with a one-line reason for %j', (args, message) => {
    const { status, stdout, stderr } = run(args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(message);
  });

  test('--help and --version exit 0', () => {
    expect(run(['--help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('Usage: whatsapp-errors [options] [paths...]') });
    expect(run(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('formats', () => {
  test('json is ESLint results with the same findings as the Node API', () => {
    const { status, stdout } = run(['examples/demo-app', '--format', 'json']);
    expect(status).toBe(1);
    const results = JSON.parse(stdout) as { filePath: string; messages: { line: number; column: number; ruleId: string }[] }[];
    const found = results
      .flatMap((r) => r.messages.map((m) => `${r.filePath.slice(r.filePath.indexOf('src/'))}:${m.line}:${m.column} ${m.ruleId.replace('whatsapp-errors/', '')}`))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    expect(found).toEqual(DEMO_FINDINGS);
  });

  test('sarif is SARIF 2.1.0 with the required fields, relative URIs and one result per finding', () => {
    const { stdout } = run(['examples/demo-app', '--format', 'sarif']);
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
    const { status, stdout } = run(['examples/demo-app', '--format', 'sarif', '--output-file', out]);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe('2.1.0');
  });
});

test('--provider restricts the findings to those providers', () => {
  const { status, stderr } = run(['examples/demo-app', '--provider', 'wa-server,digiworld']);
  expect(status).toBe(1);
  expect(stderr.split('\n')[0]).toBe('whatsapp-errors: 5 findings in 6 files');
  expect(stderr).toContain('  wa-server         2');
  expect(stderr).not.toContain('meta-cloud');
});

test('a wrapper in another file is followed with and without --type-checked', () => {
  const cwd = join(ROOT, 'test/fixtures/typed-cli');
  for (const args of [['src'], ['--type-checked', 'src']]) {
    const result = run(args, cwd);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/jobs\.ts\n\s+5:3\s+error\s+This retry re-sends on every error from meta-cloud/);
    expect(result.stderr.split('\n')[0]).toBe('whatsapp-errors: 1 finding in 2 files');
  }
});

test('runs through a symlink, as npm links node_modules/.bin/whatsapp-errors', () => {
  const link = join(mkdtempSync(join(tmpdir(), 'wa-bin-')), 'whatsapp-errors');
  symlinkSync(CLI, link);
  const result = spawnSync(process.execPath, [link, 'test/fixtures/clean'], { cwd: ROOT, encoding: 'utf8' });
  expect(result.status).toBe(0);
  expect(result.stderr).toBe('whatsapp-errors: 0 findings in 1 file\n');
});
