/**
 * The plugin object as ESLint sees it: every rule file is registered and
 * documented, options have schemas with descriptions, and the configs work
 * alone under ESLint 10 and ESLint 9.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint as ESLint10 } from 'eslint';
import { ESLint as ESLint9 } from 'eslint9';
import { describe, expect, test } from 'vitest';
import plugin from '../src/index.js';
import { rules } from '../src/rules.js';

const ruleFiles = readdirSync(new URL('../rules/', import.meta.url))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''));

describe('plugin', () => {
  test('has meta from package.json', () => {
    expect(plugin.meta).toEqual({ name: 'eslint-plugin-whatsapp-errors', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  test('registers every rule file under its file name', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(ruleFiles.sort());
  });

  test.each(Object.entries(rules))('%s has docs, messages and described options', (name, rule) => {
    expect(rule.meta.docs?.description).toMatch(/^[A-Z].{20,}[^.]$/);
    expect(rule.meta.docs?.url).toBe(`https://github.com/eslint-plugin-whatsapp-errors/eslint-plugin-whatsapp-errors/blob/main/docs/rules/${name}.md`);
    expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
    expect(Array.isArray(rule.meta.schema)).toBe(true);
    // options have defaults in meta (ESLint 10); a rule without options declares none
    expect(rule.meta.defaultOptions !== undefined).toBe((rule.meta.schema as unknown[]).length > 0);
    for (const schema of rule.meta.schema as unknown as { properties?: Record<string, { description?: string }> }[]) {
      for (const [option, spec] of Object.entries(schema.properties ?? {})) expect(spec.description, `${name} option ${option}`).toBeTruthy();
    }
  });

  test('recommended holds the recommended rules as errors; strict turns on requireAll; all holds every rule', () => {
    const recommended = Object.entries(plugin.rules).filter(([, r]) => r.meta.docs?.recommended).map(([n]) => `whatsapp-errors/${n}`);
    expect(Object.keys(plugin.configs.recommended.rules ?? {}).sort()).toEqual(recommended.sort());
    expect(Object.values(plugin.configs.recommended.rules ?? {}).every((v) => v === 'error')).toBe(true);
    expect(plugin.configs.strict.rules?.['whatsapp-errors/exhaustive-error-codes']).toEqual(['error', { requireAll: true }]);
    expect(Object.keys(plugin.configs.all.rules ?? {})).toHaveLength(ruleFiles.length);
  });

  test('the type-checked configs add the project service and keep the same rules', () => {
    for (const [typed, plain] of [
      ['recommended-type-checked', 'recommended'],
      ['strict-type-checked', 'strict'],
    ] as const) {
      expect(plugin.configs[typed].rules).toEqual(plugin.configs[plain].rules);
      expect(plugin.configs[typed].languageOptions.parserOptions).toEqual({ projectService: true });
      expect(plugin.configs[typed].languageOptions.parser.meta).toEqual({ name: 'eslint-plugin-whatsapp-errors/typed-parser', version: plugin.meta.version });
      expect(plugin.configs[plain].languageOptions.parserOptions).toBeUndefined();
    }
  });
});

describe('the type-checked configs on a project whose tsconfig.json leaves out its JS files', () => {
  // eslint.config.js, a script, a CommonJS file: in no tsconfig.json, so the project service cannot find them
  const dir = mkdtempSync(join(tmpdir(), 'wa-typed-js-'));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, types: [] }, include: ['src'] }));
  const SEND_JS = "const res = await fetch('https://wa.sagad.net/devices/1/messages');\nif (res.status === 409) throw new Error('conflict');\n";

  test.each([
    ['ESLint 10', ESLint10],
    ['ESLint 9', ESLint9],
  ] as const)('%s lints JS files without type information instead of failing to parse them', async (_, ESLint) => {
    const eslint = new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: [plugin.configs['recommended-type-checked'], { languageOptions: { parserOptions: { tsconfigRootDir: dir } } }] as never,
    });
    const results = await Promise.all(
      ['eslint.config.js', 'scripts/send.mjs', 'legacy.cjs'].map((filePath) => eslint.lintText(SEND_JS, { filePath: join(dir, filePath) })),
    );
    expect(results.map((r) => r[0]?.messages.map((m) => [m.ruleId, m.line, m.column]))).toEqual(
      Array(3).fill([
        ['whatsapp-errors/no-status-branching', 2, 5],
        ['whatsapp-errors/preserve-error-code', 2, 25],
      ]),
    );
  });

  test('a TypeScript file outside the tsconfig.json is still reported by the project service (types are not dropped silently)', async () => {
    const eslint = new ESLint10({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: [plugin.configs['recommended-type-checked'], { languageOptions: { parserOptions: { tsconfigRootDir: dir } } }] as never,
    });
    const [result] = await eslint.lintText(SEND_JS, { filePath: join(dir, 'vite.config.ts') });
    expect(result?.messages).toEqual([expect.objectContaining({ fatal: true, message: expect.stringContaining('was not found by the project service') })]);
  }, 60_000); // starts a TypeScript project service
});

const SAMPLE = `
const res = await fetch('https://wa.sagad.net/devices/1/messages', { method: 'POST' });
if (res.status === 409) {
  throw new Error('conflict');
}
const body: { error: { code: string } } = await res.json();
if (body.error.code === 'loged_out') {
  throw new Error('relink');
}
`;

describe.each([
  ['ESLint 10', ESLint10],
  ['ESLint 9', ESLint9],
] as const)('%s with the recommended config alone', (_, ESLint) => {
  test('lints a TypeScript file and reports the provider mistakes', async () => {
    const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] as never, cwd: process.cwd() });
    const [result] = await eslint.lintText(SAMPLE, { filePath: 'src/send.ts' });
    expect(result?.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([
      ['whatsapp-errors/no-status-branching', 3, 5],
      ['whatsapp-errors/preserve-error-code', 4, 3],
      ['whatsapp-errors/no-unknown-error-code', 7, 25],
    ]);
  });
});
