import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { projectRootFor } from '../../src/analysis/modules.js';

/** A monorepo: a root package.json, a package with its own, and a folder with neither. */
function monorepo(): string {
  const root = mkdtempSync(join(tmpdir(), 'wa-root-'));
  writeFileSync(join(root, 'package.json'), '{}');
  mkdirSync(join(root, 'packages', 'bot', 'src'), { recursive: true });
  writeFileSync(join(root, 'packages', 'bot', 'package.json'), '{}');
  mkdirSync(join(root, 'scripts'), { recursive: true });
  return root;
}

describe('projectRootFor: the folder cross-file recognition lists', () => {
  test('ESLint run at a project root: the root, also for a file in a nested package', () => {
    const root = monorepo();
    expect(projectRootFor(root, join(root, 'packages', 'bot', 'src', 'send.ts'))).toBe(root);
    expect(projectRootFor(root, join(root, 'scripts', 'job.ts'))).toBe(root);
  });

  test('a cwd at the filesystem root (RuleTester, some editors): the nearest folder with a package.json', () => {
    const root = monorepo();
    expect(projectRootFor('/', join(root, 'packages', 'bot', 'src', 'send.ts'))).toBe(join(root, 'packages', 'bot'));
    expect(projectRootFor('/', join(root, 'scripts', 'job.ts'))).toBe(root);
  });

  test('a cwd that is not a project: the nearest project below it, else the cwd', () => {
    const outer = mkdtempSync(join(tmpdir(), 'wa-outer-'));
    const root = join(outer, 'app');
    mkdirSync(join(root, 'src'), { recursive: true });
    writeFileSync(join(root, 'tsconfig.json'), '{}');
    mkdirSync(join(outer, 'loose'), { recursive: true });
    expect(projectRootFor(outer, join(root, 'src', 'send.ts'))).toBe(root);
    expect(projectRootFor(outer, join(outer, 'loose', 'send.ts'))).toBe(outer);
  });

  test('a file outside the cwd: its own nearest project', () => {
    const root = monorepo();
    const elsewhere = mkdtempSync(join(tmpdir(), 'wa-elsewhere-'));
    expect(projectRootFor(elsewhere, join(root, 'packages', 'bot', 'src', 'send.ts'))).toBe(join(root, 'packages', 'bot'));
  });
});
