/**
 * ESLint's multithreaded mode lints files in worker threads: the rules keep
 * no state across files that a worker could get wrong, so the findings are
 * the same with and without it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { expect, test } from 'vitest';
import plugin from '../../src/index.js';

const DEMO = fileURLToPath(new URL('../../examples/demo-app/', import.meta.url));
const BUILT = new URL('../../dist/src/index.js', import.meta.url).href;

const findings = (results: ESLint.LintResult[]) =>
  results.flatMap((r) => r.messages.map((m) => `${relative(DEMO, r.filePath)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`)).sort();

test("findings are identical with concurrency: 'auto'", async () => {
  const single = await new ESLint({ cwd: DEMO, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] as never }).lintFiles(['src']);
  // with concurrency, options must be cloneable: the config comes from an options module
  const dir = mkdtempSync(join(tmpdir(), 'wa-threads-'));
  const file = join(dir, 'options.mjs');
  writeFileSync(
    file,
    `import plugin from ${JSON.stringify(BUILT)};\nexport default { cwd: ${JSON.stringify(DEMO)}, overrideConfigFile: true, concurrency: 2, overrideConfig: [plugin.configs.recommended] };\n`,
  );
  const threaded = await (await ESLint.fromOptionsModule(pathToFileURL(file))).lintFiles(['src']);
  expect(findings(threaded)).toEqual(findings(single));
  expect(findings(single).length).toBeGreaterThan(0);
}, 60_000);
