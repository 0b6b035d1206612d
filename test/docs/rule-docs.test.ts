/**
 * Every rule has a doc page, and every example in it behaves as labelled: code
 * under an "❌ Incorrect" heading must be reported by the rule, code under
 * "✅ Correct" must not. Examples are linted as TypeScript with the rule's
 * default options, unless a block's info string carries options as JSON:
 * ```ts {"options":[{"requireAll":true}],"settings":{…}}
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, test } from 'vitest';
import { examplesOf } from './examples.js';

const docsDir = new URL('../../docs/rules/', import.meta.url);
const rulesDir = new URL('../../rules/', import.meta.url);
/** Every rule file has a page; each page's examples run against its rule file. */
const ruleNames = readdirSync(rulesDir).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));
const ruleModules = Object.fromEntries(
  await Promise.all(ruleNames.map(async (name) => [name, ((await import(new URL(`${name}.ts`, rulesDir).href)) as { default: TSESLint.RuleModule<string, unknown[]> }).default] as const)),
);
const plugin = { rules: ruleModules } as unknown as NonNullable<Linter.Config['plugins']>[string];

const linter = new Linter({ configType: 'flat' });

describe.each(ruleNames)('docs/rules/%s.md', (name) => {
  const page = new URL(`${name}.md`, docsDir);
  const markdown = existsSync(page) ? readFileSync(page, 'utf8') : '';

  test('exists', () => {
    expect(existsSync(page)).toBe(true);
  });
  const examples = examplesOf(markdown);

  test('has incorrect and correct examples, options and "When Not To Use It"', () => {
    expect(examples.some((e) => e.kind === 'incorrect')).toBe(true);
    expect(examples.some((e) => e.kind === 'correct')).toBe(true);
    expect(markdown).toMatch(/^## Options$/m);
    expect(markdown).toMatch(/^## When Not To Use It$/m);
  });

  test.each(examples.map((e) => [`${e.kind} example at line ${e.line}`, e] as const))('%s', (_, example) => {
    const messages = linter.verify(
      example.code,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser, sourceType: 'module' },
          plugins: { 'whatsapp-errors': plugin },
          settings: example.settings ?? {},
          rules: { [`whatsapp-errors/${name}`]: ['error', ...(example.options ?? [])] },
        },
      ],
      'example.ts',
    );
    const fatal = messages.filter((m) => m.fatal);
    expect(fatal).toEqual([]);
    const own = messages.filter((m) => m.ruleId === `whatsapp-errors/${name}`);
    if (example.kind === 'incorrect') expect(own.length).toBeGreaterThan(0);
    else expect(own).toEqual([]);
  });
});

test('every doc page belongs to a rule file', () => {
  const pages = readdirSync(docsDir).filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, ''));
  expect(pages.sort()).toEqual([...ruleNames].sort());
});
