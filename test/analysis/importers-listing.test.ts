/**
 * The project listing behind "which files import this one": made once per
 * run of lints, and in a later run refreshed after two seconds, or after
 * twenty times what making it took, so that an editor sees a new importer
 * soon and a large project is not listed again on every keystroke. Time is simulated: `Date.now` for the listing's age,
 * `performance.now` for what making it cost.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importersOf } from '../../src/analysis/importers.js';
import { startLint } from '../../src/analysis/project.js';
import { resolveSettings } from '../../src/analysis/settings.js';

function project() {
  const root = mkdtempSync(join(tmpdir(), 'wa-listing-'));
  writeFileSync(join(root, 'package.json'), '{ "name": "listing", "private": true }');
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src/http.ts'), 'export const post = (url: string) => fetch(url, { method: "POST" });\n');
  writeFileSync(join(root, 'src/a.ts'), "import { post } from './http';\nexport const a = () => post('/a');\n");
  /** The importers of http.ts, asked in the lint of `linted` (a lint of a file already linted starts a new run). */
  const importers = (linted = 'x.ts') => importersOf(startLint({ path: join(root, 'src', linted), root }, resolveSettings({}), undefined), join(root, 'src/http.ts'));
  const addImporter = () => writeFileSync(join(root, 'src/b.ts'), "import { post } from './http';\nexport const b = () => post('/b');\n");
  return { root, importers, addImporter };
}

/** Each `performance.now()` reads `step` ms later than the one before: listing and indexing then "cost" a multiple of it. */
function slowClock(step: number) {
  let now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => (now += step));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the project listing of importers', () => {
  it('a small project: a new importer is seen once the listing is two seconds old', () => {
    const { root, importers, addImporter } = project();
    let time = 1_000_000;
    vi.spyOn(Date, 'now').mockImplementation(() => time);
    expect(importers()).toEqual([join(root, 'src/a.ts')]);
    addImporter();
    time += 1_900;
    expect(importers()).toEqual([join(root, 'src/a.ts')]);
    time += 200;
    expect(importers()).toEqual([join(root, 'src/a.ts'), join(root, 'src/b.ts')]);
  });

  it('a listing is kept for the rest of the run of lints it was made in, however long the run', () => {
    const { root, importers, addImporter } = project();
    let time = 3_000_000;
    vi.spyOn(Date, 'now').mockImplementation(() => time);
    expect(importers('x.ts')).toEqual([join(root, 'src/a.ts')]);
    addImporter();
    time += 10_000;
    // the next files of the same run (each linted once, without a pause) see the listing the run made
    expect(importers('y.ts')).toEqual([join(root, 'src/a.ts')]);
    expect(importers('z.ts')).toEqual([join(root, 'src/a.ts')]);
    // x.ts linted again (the editor, on the next keystroke): a new run, and the listing is old
    expect(importers('x.ts')).toEqual([join(root, 'src/a.ts'), join(root, 'src/b.ts')]);
  });

  it('a listing that took long to make is kept twenty times as long', () => {
    const { root, importers, addImporter } = project();
    let time = 2_000_000;
    vi.spyOn(Date, 'now').mockImplementation(() => time);
    // listing, then indexing: two intervals of 250 ms each, 500 ms in all → kept 10 s
    slowClock(250);
    expect(importers()).toEqual([join(root, 'src/a.ts')]);
    addImporter();
    time += 9_900;
    expect(importers()).toEqual([join(root, 'src/a.ts')]);
    time += 200;
    expect(importers()).toEqual([join(root, 'src/a.ts'), join(root, 'src/b.ts')]);
  });
});
