/**
 * An unsupported TypeScript installed next to the plugin: the CLI exits 2
 * with one line that says what to install, and the plugin, loaded by ESLint,
 * fails with that line instead of typescript-eslint's crash under
 * TypeScript 7. The plugin is installed in a throwaway node_modules (a copy
 * of its package.json and dist, its dependencies linked from this
 * repository) beside a `typescript` package of the version under test.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test, vi } from 'vitest';
import { typescriptSupport } from '../../src/typescript-version.js';
import { ESLINT, ROOT } from './project.js';

vi.setConfig({ testTimeout: 60_000 });

const PEER_RANGE = '>=5.0.0 <6.1.0';
const FIX = 'install a supported version, e.g. npm install --save-dev typescript@~6.0';

/** A project whose node_modules holds the plugin and a `typescript` package.json of this version (or none). */
function installWith(typescript: string | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'wa-ts-'));
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (entry === 'typescript' || entry.startsWith('.')) continue;
    symlinkSync(join(ROOT, 'node_modules', entry), join(modules, entry));
  }
  const plugin = join(modules, 'eslint-plugin-whatsapp-errors');
  mkdirSync(plugin);
  cpSync(join(ROOT, 'package.json'), join(plugin, 'package.json'));
  cpSync(join(ROOT, 'dist/src'), join(plugin, 'dist/src'), { recursive: true });
  cpSync(join(ROOT, 'dist/rules'), join(plugin, 'dist/rules'), { recursive: true });
  if (typescript) {
    mkdirSync(join(modules, 'typescript'));
    writeFileSync(join(modules, 'typescript/package.json'), JSON.stringify({ name: 'typescript', version: typescript }));
  }
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src/send.ts'), "const res = await fetch('https://wa.sagad.net/devices/1/messages');\nif (res.status === 409) throw new Error('conflict');\n");
  return dir;
}

describe('typescriptSupport()', () => {
  test.each([
    ['6.0.3', true],
    ['5.0.2', true],
    ['7.0.2', false],
    ['6.1.0', false],
    ['4.9.5', false],
  ])('TypeScript %s: supported %s', (version, supported) => {
    const dir = installWith(version);
    const support = typescriptSupport(pathToFileURL(join(dir, 'node_modules/eslint-plugin-whatsapp-errors/dist/src/index.js')));
    expect(support).toEqual({
      version,
      range: PEER_RANGE,
      supported,
      reason: supported ? undefined : `TypeScript ${version} is installed, but eslint-plugin-whatsapp-errors supports TypeScript ${PEER_RANGE}, the versions its parser (typescript-eslint) supports: ${FIX}`,
    });
  });

  test('no TypeScript at all', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wa-no-ts-'));
    expect(typescriptSupport(pathToFileURL(join(dir, 'index.js')))).toEqual({
      version: undefined,
      range: PEER_RANGE,
      supported: false,
      reason: `TypeScript is not installed; eslint-plugin-whatsapp-errors needs TypeScript ${PEER_RANGE} for its parser (typescript-eslint): ${FIX}`,
    });
  });
});

describe('an unsupported TypeScript installed', () => {
  test.each(['7.0.2', '4.9.5'])('TypeScript %s: the CLI exits 2 with one line', (version) => {
    const dir = installWith(version);
    const run = spawnSync(process.execPath, [join(dir, 'node_modules/eslint-plugin-whatsapp-errors/dist/src/cli/bin.js'), 'src'], { cwd: dir, encoding: 'utf8' });
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`whatsapp-errors: TypeScript ${version} is installed, but eslint-plugin-whatsapp-errors supports TypeScript ${PEER_RANGE}, the versions its parser (typescript-eslint) supports: ${FIX}\n`);
    expect(run.status).toBe(2);
  });

  test('TypeScript 7: ESLint loading the plugin stops with the same line, before typescript-eslint loads', () => {
    const dir = installWith('7.0.2');
    writeFileSync(join(dir, 'eslint.config.mjs'), "import whatsappErrors from 'eslint-plugin-whatsapp-errors';\nexport default [whatsappErrors.configs.recommended];\n");
    const run = spawnSync(process.execPath, [ESLINT, 'src'], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr).toContain(`Error: TypeScript 7.0.2 is installed, but eslint-plugin-whatsapp-errors supports TypeScript ${PEER_RANGE}`);
    expect(run.stderr).not.toContain('typescript-eslint does not support');
    expect(run.status).toBe(2);
  });
});
