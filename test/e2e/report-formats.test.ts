/**
 * The machine-readable reports a CI uploads: the SARIF the CLI writes is valid
 * against the SARIF 2.1.0 JSON schema (a copy in test/fixtures/sarif, see its
 * README; no network), and the GitLab code quality report has exactly the
 * fields GitLab documents, with the values GitLab accepts.
 * https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import formats from 'ajv-formats';
import { describe, expect, test, vi } from 'vitest';
import { DEMO_FINDINGS } from './demo-findings.js';
import { ROOT, cli, project } from './project.js';

vi.setConfig({ testTimeout: 60_000 });

const schema = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;

// CommonJS packages: under NodeNext their default export is the module object
const Ajv = AjvDraft04.default;
const addFormats = formats.default;

function sarifValidator() {
  // unicodeRegExp off: one of the schema's patterns (a language tag) is not valid with the u flag
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('SARIF', () => {
  test('the schema rejects what it should (the validator is live)', () => {
    const validate = sarifValidator();
    expect(validate({ version: '2.1.0', runs: [] })).toBe(true);
    expect(validate({ version: '2.0.0', runs: [] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { region: { startLine: 0 } } }] }] }] })).toBe(false);
  });

  test("the CLI's SARIF for the demo is valid SARIF 2.1.0", () => {
    const { stdout, status } = cli(['examples/demo-app', '--format', 'sarif']);
    expect(status).toBe(1);
    const validate = sarifValidator();
    const sarif = JSON.parse(stdout) as { runs: { results: unknown[] }[] };
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(sarif.runs[0]?.results).toHaveLength(DEMO_FINDINGS.length);
  });

  test('a parse error and a warning are valid too', () => {
    const cwd = project(
      {
        'package.json': '{ "type": "module" }\n',
        'eslint.config.js': "import w from 'eslint-plugin-whatsapp-errors';\nexport default [w.configs.recommended, { rules: { 'whatsapp-errors/no-status-branching': 'warn' } }];\n",
        'src/broken.ts': 'export const = ;\n',
        'src/send.ts': "const res = await fetch('https://wa.sagad.net/devices/1/messages');\nif (res.status === 409) throw new Error('conflict', { cause: await res.json() });\n",
      },
    );
    const { stdout, status } = cli(['src', '--format', 'sarif'], cwd);
    expect(status).toBe(2);
    const validate = sarifValidator();
    const sarif = JSON.parse(stdout) as { runs: { results: { ruleId: string; level: string }[] }[] };
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(sarif.runs[0]?.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['parse-error', 'error'],
      ['whatsapp-errors/no-status-branching', 'warning'],
    ]);
  });
});

describe('GitLab code quality', () => {
  const SEVERITIES = ['info', 'minor', 'major', 'critical', 'blocker'];

  test('one issue per finding with the documented fields, relative paths and unique fingerprints', () => {
    const { stdout, status } = cli(['examples/demo-app', '--format', 'gitlab']);
    expect(status).toBe(1);
    const issues = JSON.parse(stdout) as Record<string, unknown>[];
    expect(issues).toHaveLength(DEMO_FINDINGS.length);
    for (const issue of issues) {
      expect(Object.keys(issue).sort()).toEqual(['check_name', 'description', 'fingerprint', 'location', 'severity']);
      expect(issue).toEqual({
        description: expect.stringMatching(/\S/),
        check_name: expect.stringMatching(/^whatsapp-errors\/[a-z-]+$/),
        fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
        severity: 'major',
        location: { path: expect.stringMatching(/^examples\/demo-app\/src\/whatsapp\/[a-z-]+\.ts$/), lines: { begin: expect.any(Number) } },
      });
      expect(SEVERITIES).toContain(issue['severity']);
    }
    expect(new Set(issues.map((i) => i['fingerprint'])).size).toBe(issues.length);
    const found = issues
      .map((i) => {
        const location = i['location'] as { path: string; lines: { begin: number } };
        return `${location.path.replace('examples/demo-app/', '')}:${location.lines.begin} ${String(i['check_name']).replace('whatsapp-errors/', '')}`;
      })
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    expect(found).toEqual(DEMO_FINDINGS.map((f) => f.replace(/:(\d+):\d+ /, ':$1 ')));
  });

  test('fingerprints stay the same when the code moves down, and warnings are minor', () => {
    const send = "const res = await fetch('https://wa.sagad.net/devices/1/messages');\nif (res.status === 409) throw new Error('conflict', { cause: await res.json() });\n";
    const files = (code: string) => ({
      'package.json': '{ "type": "module" }\n',
      'eslint.config.js': "import w from 'eslint-plugin-whatsapp-errors';\nexport default [w.configs.recommended, { rules: { 'whatsapp-errors/no-status-branching': 'warn' } }];\n",
      'src/send.ts': code,
    });
    const before = JSON.parse(cli(['src', '--format', 'gitlab'], project(files(send))).stdout) as { fingerprint: string; severity: string; location: { lines: { begin: number } } }[];
    const after = JSON.parse(cli(['src', '--format', 'gitlab'], project(files(`// a comment\n\n${send}`))).stdout) as typeof before;
    expect(before.map((i) => [i.severity, i.location.lines.begin])).toEqual([['minor', 2]]);
    expect(after.map((i) => [i.severity, i.location.lines.begin])).toEqual([['minor', 4]]);
    expect(after[0]?.fingerprint).toBe(before[0]?.fingerprint);
  });
});
