/**
 * The README's type-checked set-up, pasted into a normal project: an
 * eslint.config.js that no tsconfig.json includes, a tsconfig.json for src,
 * a JS script beside it. `eslint .` lints every file (the JS files without
 * type information) and finds the typed-only finding; the CLI finds the
 * same with the project's config and with --type-checked alone.
 */
import { expect, test, vi } from 'vitest';
import { cli, eslint, findings, project } from './project.js';

vi.setConfig({ testTimeout: 120_000 });

const README_CONFIG = `// eslint.config.js
import whatsappErrors from 'eslint-plugin-whatsapp-errors';

export default [
  whatsappErrors.configs['recommended-type-checked'], // or 'strict-type-checked'
  { languageOptions: { parserOptions: { tsconfigRootDir: import.meta.dirname } } },
];
`;

const TYPED_FINDING = 'src/jobs.ts:5:3 whatsapp-errors/no-blind-retry';

function typedProject(config: string | undefined): string {
  return project(
    {
      'package.json': '{ "type": "module" }\n',
      ...(config ? { 'eslint.config.js': config } : {}),
      'scripts/notify.js': "// a JS script in no tsconfig.json\nexport const url = 'https://example.com';\n",
    },
    { copy: { src: 'test/fixtures/typed-cli/src', 'tsconfig.json': 'test/fixtures/typed-cli/tsconfig.json' } },
  );
}

const short = (lines: string[]) => lines.map((line) => line.split(' ').slice(0, 2).join(' '));

test("`eslint .` with the README's recommended-type-checked config: no parse errors, the typed finding", () => {
  const cwd = typedProject(README_CONFIG);
  const run = eslint(['--format', 'json', '.'], cwd);
  expect(short(findings(run.stdout, cwd))).toEqual([TYPED_FINDING]);
  expect(run.status).toBe(1);
});

test('the CLI with that config, and --type-checked without a config, find the same', () => {
  const withConfig = typedProject(README_CONFIG);
  const fromConfig = cli(['--format', 'json'], withConfig);
  expect(short(findings(fromConfig.stdout, withConfig))).toEqual([TYPED_FINDING]);
  expect(fromConfig.stderr.split('\n')[0]).toBe('whatsapp-errors: 1 finding in 1 of 4 linted files');
  expect(fromConfig.status).toBe(1);

  const zeroConfig = typedProject(undefined);
  const typed = cli(['--type-checked', '--format', 'json'], zeroConfig);
  expect(short(findings(typed.stdout, zeroConfig))).toEqual([TYPED_FINDING]);
  expect(typed.stderr.split('\n')[0]).toBe('whatsapp-errors: 1 finding in 1 of 3 linted files');
  expect(typed.status).toBe(1);
});
