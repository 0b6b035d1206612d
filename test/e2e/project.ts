/**
 * Throwaway projects for the end-to-end tests, outside this repository (so
 * that its own eslint.config.js is not found above them), with the plugin
 * installed as an application installs it: node_modules/eslint-plugin-whatsapp-errors
 * (a symlink to this repository, so the built `dist` is what runs).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The built CLI (`npm test` builds first). */
export const CLI = join(ROOT, 'dist/src/cli/bin.js');
/** ESLint's own command line (ESLint 10). */
export const ESLINT = join(ROOT, 'node_modules/eslint/bin/eslint.js');

export interface ProjectOptions {
  /** Repository folders copied into the project, as `{ 'src': 'test/fixtures/clean/src' }`. */
  readonly copy?: Readonly<Record<string, string>>;
  /** Install the plugin in node_modules (default true). */
  readonly plugin?: boolean;
}

export function project(files: Readonly<Record<string, string>>, options: ProjectOptions = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'wa-project-'));
  for (const [to, from] of Object.entries(options.copy ?? {})) cpSync(join(ROOT, from), join(dir, to), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  if (options.plugin !== false) {
    mkdirSync(join(dir, 'node_modules'), { recursive: true });
    symlinkSync(ROOT, join(dir, 'node_modules/eslint-plugin-whatsapp-errors'), 'dir');
  }
  return dir;
}

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** stderr without the CLI's "still linting after Ns" lines, which only a slow run prints. */
export function withoutProgress(stderr: string): string {
  return stderr.replace(/^whatsapp-errors: still linting after \d+s\n/gm, '');
}

function node(script: string, args: readonly string[], cwd: string): Run {
  const result = spawnSync(process.execPath, [script, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { status: result.status, stdout: result.stdout, stderr: withoutProgress(result.stderr) };
}

/** `whatsapp-errors …` in cwd. */
export function cli(args: readonly string[], cwd = ROOT): Run {
  return node(CLI, args, cwd);
}

/** `eslint …` in cwd. */
export function eslint(args: readonly string[], cwd: string): Run {
  return node(ESLINT, args, cwd);
}

interface JsonResult {
  readonly filePath: string;
  readonly messages: readonly { readonly line: number; readonly column: number; readonly ruleId: string | null; readonly message: string; readonly fatal?: boolean }[];
}

/** Findings of a `--format json` run, one line each: `file:line:column rule message`, sorted. */
export function findings(json: string, cwd: string): string[] {
  return (JSON.parse(json) as JsonResult[])
    .flatMap((r) => r.messages.map((m) => `${r.filePath.slice(cwd.length).replace(/^[\\/]/, '')}:${m.line}:${m.column} ${m.ruleId} ${m.message}`))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}
