/**
 * The package's types resolve as an application's TypeScript finds them in
 * node_modules, under each moduleResolution: `node10` finds
 * `eslint-plugin-whatsapp-errors/catalog` through `typesVersions` (it does
 * not read `exports`), `nodenext` and `bundler` through `exports`. The
 * package is linked into a throwaway node_modules, as an install puts it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

const APP = `import { catalog, isRetryable, type ErrorCode } from 'eslint-plugin-whatsapp-errors/catalog';
import whatsappErrors from 'eslint-plugin-whatsapp-errors';

export const code: ErrorCode<'wa-server'> = 'validation_error';
// @ts-expect-error not a wa-server code: fails to compile only when the catalog's types were found
export const wrong: ErrorCode<'wa-server'> = 'validation_eror';
export const retry: boolean = isRetryable('meta-cloud', 130429);
export const hosts: readonly string[] = catalog['meta-cloud'].hosts;
export const config: string = whatsappErrors.configs.recommended.name;
`;

test.each([
  ['node10', 'commonjs', { ignoreDeprecations: '6.0' }],
  ['nodenext', 'nodenext', {}],
  ['bundler', 'esnext', {}],
] as const)('moduleResolution %s finds the root and ./catalog types', (moduleResolution, module, extra) => {
  const dir = mkdtempSync(join(tmpdir(), `wa-types-${moduleResolution}-`));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules/eslint-plugin-whatsapp-errors'), 'dir');
  writeFileSync(join(dir, 'app.ts'), APP);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module, moduleResolution, strict: true, noEmit: true, skipLibCheck: true, types: [], ...extra }, files: ['app.ts'] }),
  );
  const run = spawnSync(process.execPath, [TSC, '-p', dir], { encoding: 'utf8' });
  expect(run.stdout + run.stderr).toBe('');
  expect(run.status).toBe(0);
}, 60_000);
