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

/** Retries whose decisions ask each kind of question about a code: its value, its statuses, its retry class, whether a tested text names its title. */
function decisions(): Sources {
  const cwd = mkdtempSync(join(tmpdir(), 'wa-groups-decisions-'));
  const code = `
    import axios from 'axios';
    import { retryClassOf } from 'eslint-plugin-whatsapp-errors/catalog';
    const graph = axios.create({ baseURL: 'https://graph.facebook.com/v21.0' });
    export async function byText(to: string) {
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          return await graph.post('/123/messages', { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } });
        } catch (err) {
          if (err.response?.data?.error?.message.includes('Re-engagement')) throw err;
        }
      }
    }
    export async function byStatus(to: string) {
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          return await graph.post('/123/messages', { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } });
        } catch (err) {
          if (err.response?.status === 400) throw err;
        }
      }
    }
    export async function byCodeAndClass(to: string) {
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          return await graph.post('/123/messages', { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } });
        } catch (err) {
          const code = err.response?.data?.error?.code;
          if (code === 131047 || [131026, 131050].includes(code)) throw err;
          if (retryClassOf('meta-cloud', code) === 'never') throw err;
        }
      }
    }
  `;
  return { cwd, files: [{ path: join(cwd, 'retries.ts'), code }] };
}

describe('retry verdicts by groups of codes', () => {
  afterEach(() => groupCodes(true));

  test.each([
    ['the rule docs examples', docExamples],
    ['a generated gateway codebase', gateway],
    ['decisions on a code, its statuses, its class and its title', decisions],
  ])('%s: the same verdicts as one walk per code, with fewer walks', { timeout: 120_000 }, (_, files) => {
    const sources = files();
    const before = codeWalks();
    const grouped = verdictsOf(sources);
    const groupedWalks = codeWalks() - before;
    groupCodes(false);
    const single = verdictsOf(sources);
    const singleWalks = codeWalks() - before - groupedWalks;
    expect(grouped.length).toBeGreaterThanOrEqual(sources.files.length > 1 ? 10 : 2);
    expect(grouped).toEqual(single);
    expect(groupedWalks * 3).toBeLessThan(singleWalks);
  });
});
