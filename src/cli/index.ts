/**
 * `whatsapp-errors [paths…]`: lints a codebase with this plugin and no config
 * file, through ESLint's Node API. Exit code 0 when clean, 1 on findings,
 * 2 on a usage or configuration error (with a one-line reason).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { includeIgnoreFile } from '@eslint/compat';
import { ESLint, type Linter } from 'eslint';
import { PROVIDERS } from '../catalog/index.js';
import plugin from '../index.js';
import { toSarif, type SarifRuleInfo } from './sarif.js';
import { formatSummary, summarise } from './summary.js';

const USAGE = `Usage: whatsapp-errors [options] [paths...]

Lints TypeScript and JavaScript files for WhatsApp API error-handling mistakes.
Paths default to the current directory; node_modules, dist, build, coverage
and .gitignore'd paths are skipped.

Options:
  --strict               also require every documented code in a dispatch with a fallback
  --type-checked         use type information (needs a tsconfig.json)
  --format <name>        stylish (default), json or sarif
  --provider <id>        only these providers (repeat, or comma-separate): ${PROVIDERS.join(', ')}
  -o, --output-file <f>  write the report to a file instead of stdout
  -h, --help             show this help
  -v, --version          show the version

Exit codes: 0 no findings, 1 findings, 2 usage or configuration error.`;

const FORMATS = ['stylish', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

class UsageError extends Error {}

interface Options {
  paths: string[];
  strict: boolean;
  typeChecked: boolean;
  format: Format;
  providers: string[] | undefined;
  outputFile: string | undefined;
}

function parse(argv: readonly string[]): Options | 'help' | 'version' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        strict: { type: 'boolean', default: false },
        'type-checked': { type: 'boolean', default: false },
        format: { type: 'string', default: 'stylish' },
        provider: { type: 'string', multiple: true },
        'output-file': { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message);
    throw new UsageError(unknown ? `unknown option '${unknown[1]}'` : (message.split('\n')[0] ?? message));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.version) return 'version';
  if (!FORMATS.includes(values.format as Format)) throw new UsageError(`unknown --format '${values.format}'; expected one of ${FORMATS.join(', ')}`);
  const providers = values.provider?.flatMap((p) => p.split(',')).map((p) => p.trim()).filter(Boolean);
  for (const id of providers ?? []) {
    if (!(PROVIDERS as string[]).includes(id)) throw new UsageError(`unknown --provider '${id}'; expected one of ${PROVIDERS.join(', ')}`);
  }
  return {
    paths: positionals.length ? positionals : ['.'],
    strict: values.strict,
    typeChecked: values['type-checked'],
    format: values.format as Format,
    providers,
    outputFile: values['output-file'],
  };
}

function config(options: Options, cwd: string): Linter.Config[] {
  const name = `${options.strict ? 'strict' : 'recommended'}${options.typeChecked ? '-type-checked' : ''}` as const;
  const base = plugin.configs[name] as Linter.Config;
  const gitignore = join(cwd, '.gitignore');
  return [
    { ignores: ['**/node_modules/**', '**/dist/**', '**/build/**', '**/coverage/**'] },
    ...(existsSync(gitignore) ? [includeIgnoreFile(gitignore) as Linter.Config] : []),
    options.typeChecked ? { ...base, languageOptions: { ...base.languageOptions, parserOptions: { projectService: true, tsconfigRootDir: cwd } } } : base,
    ...(options.providers ? [{ settings: { 'whatsapp-errors': { providers: options.providers } } }] : []),
  ];
}

/** Prints "still linting" on stderr when a run takes more than a few seconds. */
function progress(stderr: NodeJS.WriteStream): () => void {
  const started = Date.now();
  const tty = stderr.isTTY;
  const tick = () => {
    const seconds = Math.round((Date.now() - started) / 1000);
    stderr.write(tty ? `\rwhatsapp-errors: linting… ${seconds}s` : `whatsapp-errors: still linting after ${seconds}s\n`);
  };
  const first = setTimeout(() => {
    tick();
    timer = setInterval(tick, tty ? 1000 : 5000);
  }, 3000);
  let timer: NodeJS.Timeout | undefined;
  return () => {
    clearTimeout(first);
    if (timer) {
      clearInterval(timer);
      if (tty) stderr.write('\r\u001b[K');
    }
  };
}

function ruleInfo(): Record<string, SarifRuleInfo> {
  return Object.fromEntries(
    Object.entries(plugin.rules).map(([name, rule]) => [`whatsapp-errors/${name}`, { description: rule.meta.docs?.description ?? name, ...(rule.meta.docs?.url ? { url: rule.meta.docs.url } : {}) }]),
  );
}

export async function main(argv: readonly string[], cwd = process.cwd()): Promise<number> {
  let options;
  try {
    options = parse(argv);
  } catch (error) {
    process.stderr.write(`whatsapp-errors: ${(error as Error).message} (see --help)\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options === 'version') {
    process.stdout.write(`${plugin.meta.version}\n`);
    return 0;
  }
  for (const path of options.paths) {
    if (!existsSync(resolve(cwd, path))) {
      process.stderr.write(`whatsapp-errors: no such file or directory: ${path}\n`);
      return 2;
    }
  }
  const done = progress(process.stderr);
  let results: ESLint.LintResult[];
  try {
    const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config(options, cwd), errorOnUnmatchedPattern: false });
    results = await eslint.lintFiles(options.paths);
    const report =
      options.format === 'sarif'
        ? `${JSON.stringify(toSarif(results, ruleInfo(), { name: plugin.meta.name, version: plugin.meta.version, informationUri: 'https://github.com/eslint-plugin-whatsapp-errors/eslint-plugin-whatsapp-errors' }, cwd), null, 2)}\n`
        : await (await eslint.loadFormatter(options.format)).format(results);
    done();
    if (options.outputFile) writeFileSync(resolve(cwd, options.outputFile), report);
    else if (report) process.stdout.write(report.endsWith('\n') ? report : `${report}\n`);
  } catch (error) {
    done();
    process.stderr.write(`whatsapp-errors: ${(error as Error).message.split('\n')[0]}\n`);
    return 2;
  }
  const summary = summarise(results, options.providers ?? PROVIDERS);
  process.stderr.write(`${formatSummary(summary)}\n`);
  return summary.findings + summary.parseErrors > 0 ? 1 : 0;
}
