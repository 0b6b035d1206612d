/**
 * oxlint runs ESLint-compatible JavaScript plugins (`jsPlugins`) without type
 * information. Every rule of this plugin runs under the oxlint binary
 * unchanged and finds the same things as under ESLint: same rules, same
 * lines and columns, same messages.
 */
import { spawnSync } from 'node:child_process';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { expect, test } from 'vitest';
import plugin from '../../src/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OXLINT = `${ROOT}node_modules/oxlint/bin/oxlint`;
const TARGETS = ['examples/demo-app/src', 'test/fixtures/lsp-typed/src'];

interface OxlintDiagnostic {
  message: string;
  code: string;
  filename: string;
  labels: { span: { line: number; column: number } }[];
}

test('oxlint with the plugin as a JS plugin finds exactly what ESLint finds', async () => {
  const run = spawnSync(process.execPath, [OXLINT, '-A', 'all', '-c', 'test/fixtures/oxlint/.oxlintrc.json', '--format', 'json', ...TARGETS], { cwd: ROOT, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: OxlintDiagnostic[] };
  const fromOxlint = diagnostics
    .map((d) => `${d.filename}:${d.labels[0]?.span.line}:${d.labels[0]?.span.column} ${d.code.replace(/^whatsapp-errors\((.+)\)$/, 'whatsapp-errors/$1')} ${d.message}`)
    .sort();

  const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: [plugin.configs.all] as never });
  const fromEslint = (await eslint.lintFiles(TARGETS))
    .flatMap((r) => r.messages.map((m) => `${relative(ROOT, r.filePath)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`))
    .sort();

  expect(fromOxlint).toEqual(fromEslint);
  expect(new Set(fromOxlint.map((f) => f.split(' ')[1])).size).toBe(Object.keys(plugin.rules).length);
}, 60_000);
