/**
 * `npm run bench -- --repo <dir>`: an existing project measured in place.
 * Times are printed, never asserted; what is checked is the table's shape,
 * the findings, and an error for a folder that does not exist.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './project.js';

const BENCH = join(ROOT, 'dist/bench/run.js');
const APP = join(ROOT, 'test/fixtures/cross-file/hubs');

describe('bench --repo', () => {
  it('lints the project once per run and reports its findings, the same in every run', () => {
    const result = spawnSync(process.execPath, [BENCH, '--repo', APP, '--runs', '2'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    const rows = result.stdout.split('\n').filter((line) => /^\| (?:1|2|median) \|/.test(line));
    expect(rows.map((row) => row.split('|')[1]!.trim())).toEqual(['1', '2', 'median']);
    // files linted: the fixture's sources, none of node_modules
    expect(rows.slice(0, 2).map((row) => row.split('|')[2]!.trim())).toEqual(['13', '13']);
    expect(result.stdout).toContain(`## Project \`${APP}\``);
    expect(result.stdout).toMatch(/Findings \(plugin rules; a file that does not parse counts too\): \d+; identical in every run: yes/);
  }, 60_000);

  it('a folder that does not exist is an error, not a lint of nothing', () => {
    const result = spawnSync(process.execPath, [BENCH, '--repo', join(APP, 'missing')], { encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`--repo: no such folder: ${join(APP, 'missing')}`);
  });
});
