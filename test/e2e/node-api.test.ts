/**
 * End to end through ESLint's Node API, as editors and CI call it: the
 * recommended config on the demo project gives exactly the expected findings
 * under ESLint 10 and 9, and every suggestion applies to code that parses.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint as ESLint10, Linter } from 'eslint';
import { ESLint as ESLint9 } from 'eslint9';
import { describe, expect, test } from 'vitest';
import plugin from '../../src/index.js';
import { DEMO_FINDINGS } from './demo-findings.js';

const DEMO = fileURLToPath(new URL('../../examples/demo-app/', import.meta.url));

describe.each([
  ['ESLint 10', ESLint10],
  ['ESLint 9', ESLint9],
] as const)('%s lintFiles on examples/demo-app', (_, ESLint) => {
  test('gives exactly the expected findings', async () => {
    const eslint = new ESLint({ cwd: DEMO, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] as never });
    const results = await eslint.lintFiles(['src']);
    const found = results
      .flatMap((r) => r.messages.map((m) => `${relative(DEMO, r.filePath)}:${m.line}:${m.column} ${m.ruleId?.replace('whatsapp-errors/', '')}`))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    expect(found).toEqual(DEMO_FINDINGS);
    expect(results.flatMap((r) => r.messages).filter((m) => m.fatal)).toEqual([]);
  });
});

describe('suggestions', () => {
  test('every suggestion in the demo applies and the result parses', async () => {
    const eslint = new ESLint10({ cwd: DEMO, overrideConfigFile: true, overrideConfig: [plugin.configs.all] as never });
    const results = await eslint.lintFiles(['src']);
    const linter = new Linter({ configType: 'flat' });
    let applied = 0;
    for (const result of results) {
      const text = readFileSync(result.filePath, 'utf8');
      for (const message of result.messages) {
        for (const suggestion of message.suggestions ?? []) {
          const [start, end] = suggestion.fix.range;
          const fixed = text.slice(0, start) + suggestion.fix.text + text.slice(end);
          const parse = linter.verify(fixed, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }], 'fixed.ts');
          expect(parse.filter((m) => m.fatal), `${suggestion.desc} in ${result.filePath}`).toEqual([]);
          applied++;
        }
      }
    }
    expect(applied).toBeGreaterThan(0);
  });
});
