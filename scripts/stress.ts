/**
 * `npm run stress`: runs every rule over a large body of real JavaScript and
 * TypeScript available offline (the sources shipped in node_modules) and
 * counts crashes: exceptions thrown by a rule. Parse errors of files the
 * parser rejects are counted apart (they are not the plugin's).
 *
 * To make the analysis fire on code that talks to no provider, the settings
 * map common hosts, env vars and call names (`get`, `post`, `then`, …) to
 * providers, so that wrappers, retries, dispatches and error paths are
 * recognised all over the place.
 *
 *   npm run stress -- [--limit 4000] [--typed]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import plugin from '../src/index.js';

export const STRESS_SETTINGS = {
  'whatsapp-errors': {
    hosts: { 'github.com': 'meta-cloud', localhost: 'wa-server', 'example.com': 'msgbubbles', 'npmjs.org': 'connexease', 'nodejs.org': 'digiworld' },
    envVars: { NODE_ENV: 'meta-cloud', DEBUG: 'cequens' },
    wrappers: { request: 'meta-cloud', fetch: 'wa-server', get: 'msgbubbles', post: 'cequens', send: 'digiworld', then: 'connexease', emit: 'meta-cloud' },
  },
};

const ALL_RULES = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`whatsapp-errors/${name}`, 'error' as const]));

export interface StressReport {
  files: number;
  parseErrors: number;
  findings: number;
  crashes: { file: string; error: string }[];
}

/** Source files under `root` (no .d.ts, no huge or minified files), in a stable order. */
export function sourceFiles(root: string, limit: number): string[] {
  const found: string[] = [];
  for (const entry of (readdirSync(root, { recursive: true }) as string[]).sort()) {
    if (!/\.(c|m)?(j|t)sx?$/.test(entry) || entry.endsWith('.d.ts') || /\.min\./.test(entry)) continue;
    const file = join(root, entry);
    try {
      const size = statSync(file).size;
      if (size === 0 || size > 300_000) continue;
    } catch {
      continue;
    }
    found.push(file);
    if (found.length >= limit) break;
  }
  return found;
}

/** Lints each file with every rule (untyped) and records what throws. */
export function stressUntyped(files: readonly string[], root: string): StressReport {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts', '**/*.tsx'],
      languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'module' },
      plugins: { 'whatsapp-errors': plugin as never },
      settings: STRESS_SETTINGS,
      rules: ALL_RULES,
    },
  ];
  const report: StressReport = { files: 0, parseErrors: 0, findings: 0, crashes: [] };
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    // the TS parser reads .js as TS; JSX needs a .jsx/.tsx name
    const name = /\.(j|t)sx$/.test(file) ? 'file.tsx' : 'file.ts';
    report.files++;
    try {
      const messages = linter.verify(text, config, name);
      report.parseErrors += messages.filter((m) => m.fatal).length;
      report.findings += messages.filter((m) => m.ruleId?.startsWith('whatsapp-errors/')).length;
    } catch (error) {
      report.crashes.push({ file: relative(root, file), error: String((error as Error).stack ?? error).split('\n').slice(0, 6).join('\n') });
    }
  }
  return report;
}

/** Lints a TypeScript project with type information (its own tsconfig) and records what throws. */
export async function stressTyped(projectRoot: string, patterns: string[], ignores = ['**/fixtures/**', 'dist/**', 'node_modules/**', 'examples/**']): Promise<StressReport> {
  const eslint = new ESLint({
    cwd: projectRoot,
    overrideConfigFile: true,
    overrideConfig: [
      { ignores },
      {
        ...(plugin.configs['recommended-type-checked'] as Linter.Config),
        languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { projectService: true, tsconfigRootDir: projectRoot } },
        settings: STRESS_SETTINGS,
        rules: ALL_RULES,
      },
    ] as never,
  });
  const report: StressReport = { files: 0, parseErrors: 0, findings: 0, crashes: [] };
  try {
    for (const result of await eslint.lintFiles(patterns)) {
      report.files++;
      report.parseErrors += result.messages.filter((m) => m.fatal).length;
      report.findings += result.messages.filter((m) => m.ruleId?.startsWith('whatsapp-errors/')).length;
    }
  } catch (error) {
    report.crashes.push({ file: projectRoot, error: String((error as Error).stack ?? error).split('\n').slice(0, 6).join('\n') });
  }
  return report;
}

function print(title: string, report: StressReport): void {
  console.log(`${title}: ${report.files} files, ${report.findings} findings, ${report.parseErrors} parse errors, ${report.crashes.length} crashes`);
  for (const crash of report.crashes.slice(0, 20)) console.log(`\n  ${crash.file}\n    ${crash.error.replace(/\n/g, '\n    ')}`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--limit');
  const limit = at === -1 ? 4000 : Number(argv[at + 1]);
  const root = process.cwd();
  const started = performance.now();
  const untyped = stressUntyped(sourceFiles(join(root, 'node_modules'), limit), join(root, 'node_modules'));
  print('untyped, node_modules', untyped);
  const typed = await stressTyped(root, ['src', 'rules', 'test', 'bench', 'scripts']);
  print('typed, this repository', typed);
  console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (untyped.crashes.length + typed.crashes.length > 0) process.exitCode = 1;
}

if (process.argv[1]?.endsWith('stress.js')) await main();
