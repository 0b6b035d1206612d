/**
 * A retry's decision is walked once per group of codes that its tests treat
 * alike (see `traced` in `retries/decision.ts`), not once per code. The
 * verdicts must be exactly those of one walk per code: this compares both
 * on every retry in the rule docs' examples and in a generated gateway
 * codebase (the bench's provider-heavy variant), and checks that grouping
 * does save walks there.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { afterEach, describe, expect, test } from 'vitest';
import { generate } from '../../bench/generate.js';
import { getAnalysis, retryConstructs } from '../../src/analysis/index.js';
import { codeWalks, groupCodes } from '../../src/analysis/retries/construct.js';
import { examplesOf } from '../docs/examples.js';

/** Every construct's verdict for every code, its basis, and whether it re-sends after a network error. */
function verdictsOf({ cwd, files }: Sources): string[] {
  const lines: string[] = [];
  const rule: TSESLint.RuleModule<'x'> = {
    defaultOptions: [],
    meta: { type: 'problem', schema: [], messages: { x: 'x' } },
    create(context) {
      const analysis = getAnalysis(context);
      if (!analysis) return {};
      for (const construct of retryConstructs(analysis)) {
        const verdicts = construct.provider.def.errors.map((entry) => `${String(entry.code)}=${construct.verdict(entry)}`);
        lines.push(`${context.filename}:${construct.node.loc.start.line} ${construct.form} ${construct.basis()} ${construct.resendsOnNetworkError()} ${verdicts.join(' ')}`);
      }
      return {};
    },
  };
  const linter = new Linter({ cwd });
  const config = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as unknown as Linter.Parser }, plugins: { probe: { rules: { verdicts: rule } } as never }, rules: { 'probe/verdicts': 'error' as const } }];
  for (const file of files) expect(linter.verify(file.code, config as never, file.path)).toEqual([]);
  return lines;
}

interface Sources {
  readonly cwd: string;
  readonly files: readonly { readonly path: string; readonly code: string }[];
}

function docExamples(): Sources {
  const docs = new URL('../../docs/rules/', import.meta.url);
  const cwd = mkdtempSync(join(tmpdir(), 'wa-groups-docs-'));
  const files = readdirSync(docs).flatMap((page) => examplesOf(readFileSync(new URL(page, docs), 'utf8')).map((example, i) => ({ path: join(cwd, `${page}-${i}.ts`), code: example.code })));
  return { cwd, files };
}

function gateway(): Sources {
  const cwd = join(mkdtempSync(join(tmpdir(), 'wa-groups-')), 'gateway');
  const files = generate(cwd, 120, 'provider-heavy').map((file) => ({ path: file.path, code: readFileSync(file.path, 'utf8') }));
  return { cwd, files };
}

describe('retry verdicts by groups of codes', () => {
  afterEach(() => groupCodes(true));

  test.each([
    ['the rule docs examples', docExamples],
    ['a generated gateway codebase', gateway],
  ])('%s: the same verdicts as one walk per code, with fewer walks', { timeout: 120_000 }, (_, files) => {
    const sources = files();
    const before = codeWalks();
    const grouped = verdictsOf(sources);
    const groupedWalks = codeWalks() - before;
    groupCodes(false);
    const single = verdictsOf(sources);
    const singleWalks = codeWalks() - before - groupedWalks;
    expect(grouped.length).toBeGreaterThan(10);
    expect(grouped).toEqual(single);
    expect(groupedWalks * 3).toBeLessThan(singleWalks);
  });
});
