/**
 * `whatsapp-errors [paths…]`: lints a codebase with this plugin through
 * ESLint's Node API.
 *
 * With the project's `eslint.config.*` (found as ESLint finds it, or given
 * with --config) the project's settings, rule options and ignores apply, and
 * the plugin's rules are added where the config does not set them; only the
 * plugin's rules run. Without a config file, the recommended config runs on
 * its own. Exit code 0 when clean, 1 on findings at the error level, 2 when
 * the lint could not be done (usage, configuration, unsupported TypeScript,
 * no files, a file that could not be parsed, a crash), with a one-line reason.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { includeIgnoreFile } from '@eslint/compat';
import { ESLint, type Linter } from 'eslint';
import { PROVIDERS } from '../catalog/index.js';
import plugin from '../index.js';
import { typescriptSupport } from '../typescript-version.js';
import { toGitLab } from './gitlab.js';
import { toSarif, type SarifRuleInfo } from './sarif.js';
import { formatSummary, summarise } from './summary.js';

const USAGE = `Usage: whatsapp-errors [options] [paths...]

Lints TypeScript and JavaScript files for WhatsApp API error-handling mistakes.
Paths default to the current directory.

With an eslint.config.* in the current directory (or --config), its settings,
rule options and ignores apply, and the plugin's recommended rules are added
where it does not set them; only this plugin's rules run. Without one,
node_modules, dist, build, coverage and .gitignore'd paths are skipped.

Options:
  -c, --config <file>    use this ESLint config file
  --strict               also require every documented code in a dispatch with a fallback
  --type-checked         use type information (needs a tsconfig.json)
  --format <name>        stylish (default), json, sarif or gitlab
  --provider <id>        only these providers (repeat, or comma-separate): ${PROVIDERS.join(', ')}
  -o, --output-file <f>  write the report to a file instead of stdout
  -h, --help             show this help
  -v, --version          show the version

Exit codes: 0 no findings, 1 findings, 2 the lint could not be done (a one-line reason on stderr).`;

const FORMATS = ['stylish', 'json', 'sarif', 'gitlab'] as const;
type Format = (typeof FORMATS)[number];

const RULE_PREFIX = 'whatsapp-errors/';
const INFORMATION_URI = 'https://github.com/eslint-plugin-whatsapp-errors/eslint-plugin-whatsapp-errors';

/** ESLint's reports on a comment, not on the code: `Unused eslint-disable directive (…)`, `/* eslint-env *\/ comments are no longer supported`. */
const DIRECTIVE = /^Unused eslint-(?:disable|enable) directive\b|^\/\* eslint-env \*\/ comments are no longer supported/;

/**
 * Only this plugin's findings, parse errors and ESLint's own notes (a file
 * ignored by the config): a project's comments for the rules of its other
 * tools are not this tool's business. Such a comment (`// eslint-disable-next-line
 * no-console`, a blanket `// eslint-disable-line`) looks unused to a run that
 * loads none of those rules, and `/* eslint-env *\/` is an error of the
 * project's ESLint set-up; a disable comment for one of this plugin's rules
 * that nothing needs is still reported.
 */
function ownFindings(results: ESLint.LintResult[]): ESLint.LintResult[] {
  return results.map((result) => {
    const messages = result.messages.filter((m) => (m.ruleId === null ? !DIRECTIVE.test(m.message) || m.message.includes(`'${RULE_PREFIX}`) : m.ruleId.startsWith(RULE_PREFIX)));
    if (messages.length === result.messages.length) return result;
    const count = (severity: number, fixable?: boolean) => messages.filter((m) => m.severity === severity && (fixable === undefined || m.fix !== undefined)).length;
    return {
      ...result,
      messages,
      errorCount: count(2),
      warningCount: count(1),
      fatalErrorCount: messages.filter((m) => m.fatal).length,
      fixableErrorCount: count(2, true),
      fixableWarningCount: count(1, true),
    };
  });
}

/** typescript-eslint's parse error for a file no tsconfig.json includes. */
const NOT_IN_PROJECT = /was not found by the project service|not included in (any|the) project|none of those TSConfigs include this file/i;

function outsideTheProject(result: ESLint.LintResult): boolean {
  return result.messages.some((m) => m.fatal && NOT_IN_PROJECT.test(m.message));
}

/** Turns type information off (for files outside every tsconfig.json). */
const WITHOUT_TYPES: Linter.Config = { languageOptions: { parserOptions: { projectService: false, project: null, programs: null } } };

/** A failure to lint: printed as one line, exit code 2. */
class LintFailure extends Error {}

interface Options {
  paths: string[];
  config: string | undefined;
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
        config: { type: 'string', short: 'c' },
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
    throw new LintFailure(`${unknown ? `unknown option '${unknown[1]}'` : firstLine(message)} (see --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.version) return 'version';
  if (!FORMATS.includes(values.format as Format)) throw new LintFailure(`unknown --format '${values.format}'; expected one of ${FORMATS.join(', ')} (see --help)`);
  const providers = values.provider?.flatMap((p) => p.split(',')).map((p) => p.trim()).filter(Boolean);
  for (const id of providers ?? []) {
    if (!(PROVIDERS as string[]).includes(id)) throw new LintFailure(`unknown --provider '${id}'; expected one of ${PROVIDERS.join(', ')} (see --help)`);
  }
  return {
    paths: positionals.length ? positionals : ['.'],
    config: values.config,
    strict: values.strict,
    typeChecked: values['type-checked'],
    format: values.format as Format,
    providers,
    outputFile: values['output-file'],
  };
}

function firstLine(text: string): string {
  return (text.split('\n').find((line) => line.trim()) ?? text).trim();
}

/** The plugin's config for these options (recommended or strict, typed or not). */
function pluginConfig(options: Options, cwd: string): Linter.Config {
  const base = plugin.configs[`${options.strict ? 'strict' : 'recommended'}${options.typeChecked ? '-type-checked' : ''}`] as unknown as Linter.Config;
  return options.typeChecked ? { ...base, languageOptions: { ...base.languageOptions, parserOptions: { projectService: true, tsconfigRootDir: cwd } } } : base;
}

/** --provider, applied last so that it narrows the providers a config file lists. */
function overrides(options: Options): Linter.Config[] {
  return options.providers ? [{ settings: { 'whatsapp-errors': { providers: options.providers } } }] : [];
}

/** Without a config file: the plugin's config, with the usual output folders and .gitignore skipped. */
function zeroConfig(options: Options, cwd: string): Linter.Config[] {
  const gitignore = join(cwd, '.gitignore');
  return [
    { ignores: ['**/node_modules/**', '**/dist/**', '**/build/**', '**/coverage/**'] },
    ...(existsSync(gitignore) ? [includeIgnoreFile(gitignore) as Linter.Config] : []),
    pluginConfig(options, cwd),
    ...overrides(options),
  ];
}

/**
 * The ESLint instance: the project's config file when there is one (the
 * plugin's config goes first as ESLint's `baseConfig`, so every setting,
 * rule option and ignore of the project wins), or the zero-config set-up.
 */
async function createESLint(options: Options, cwd: string, last: Linter.Config[] = []): Promise<{ eslint: ESLint; configFile: string | undefined }> {
  const common = {
    cwd,
    errorOnUnmatchedPattern: false,
    // only this plugin's rules: the project's other rules are not this tool's business
    ruleFilter: ({ ruleId }: { ruleId: string }) => ruleId.startsWith(RULE_PREFIX),
  };
  let configFile: string | undefined;
  if (options.config !== undefined) {
    configFile = resolve(cwd, options.config);
    if (!existsSync(configFile)) throw new LintFailure(`config file not found: ${options.config}`);
  } else {
    configFile = await new ESLint({ cwd }).findConfigFile();
  }
  if (configFile === undefined) {
    return { eslint: new ESLint({ ...common, overrideConfigFile: true, overrideConfig: [...zeroConfig(options, cwd), ...last] }), configFile };
  }
  const eslint = new ESLint({
    ...common,
    ...(options.config !== undefined ? { overrideConfigFile: configFile } : {}),
    baseConfig: pluginConfig(options, cwd),
    overrideConfig: [...overrides(options), ...last],
  });
  return { eslint, configFile };
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
    Object.entries(plugin.rules).map(([name, rule]) => [`${RULE_PREFIX}${name}`, { description: rule.meta.docs?.description ?? name, ...(rule.meta.docs?.url ? { url: rule.meta.docs.url } : {}) }]),
  );
}

async function report(eslint: ESLint, results: ESLint.LintResult[], format: Format, cwd: string): Promise<string> {
  switch (format) {
    case 'sarif':
      return `${JSON.stringify(toSarif(results, ruleInfo(), { name: plugin.meta.name, version: plugin.meta.version, informationUri: INFORMATION_URI }, cwd), null, 2)}\n`;
    case 'gitlab':
      return `${JSON.stringify(toGitLab(results, cwd), null, 2)}\n`;
    default: {
      const formatter = await eslint.loadFormatter(format);
      return formatter.format(results);
    }
  }
}

/** A one-line reason for an error ESLint or a rule threw. */
function reasonOf(error: unknown, configFile: string | undefined): string {
  const message = firstLine(error instanceof Error ? error.message : String(error));
  if (/Cannot redefine plugin "whatsapp-errors"/.test(message)) {
    return `${configFile ?? 'the config'} loads another copy of ${plugin.meta.name} than this command; run the project's own (npx whatsapp-errors)`;
  }
  return message;
}

async function lint(options: Options, cwd: string): Promise<number> {
  const typescript = typescriptSupport();
  if (!typescript.supported) throw new LintFailure(typescript.reason ?? 'unsupported TypeScript');
  for (const path of options.paths) {
    if (!existsSync(resolve(cwd, path))) throw new LintFailure(`no such file or directory: ${path}`);
  }
  let configFile: string | undefined;
  let results: ESLint.LintResult[];
  let text: string;
  let untypedFiles = 0;
  const done = progress(process.stderr);
  try {
    const created = await createESLint(options, cwd);
    configFile = created.configFile;
    results = ownFindings(await created.eslint.lintFiles(options.paths));
    if (results.length === 0) {
      throw new LintFailure(`no files to lint in ${options.paths.join(', ')} (every file there is ignored${configFile ? ` by ${configFile}` : ''}, or none has a .ts/.js extension)`);
    }
    if (options.typeChecked) {
      const outside = results.filter(outsideTheProject).map((r) => r.filePath);
      if (outside.length > 0) {
        // files no tsconfig includes (tests, tool configs) are checked without types rather than failed
        const untyped = await createESLint({ ...options, typeChecked: false }, cwd, [WITHOUT_TYPES]);
        const again = new Map(ownFindings(await untyped.eslint.lintFiles(outside)).map((r) => [r.filePath, r]));
        results = results.map((r) => again.get(r.filePath) ?? r);
        untypedFiles = again.size;
      }
    }
    text = await report(created.eslint, results, options.format, cwd);
  } catch (error) {
    throw error instanceof LintFailure ? error : new LintFailure(reasonOf(error, configFile));
  } finally {
    done();
  }
  if (options.outputFile) writeFileSync(resolve(cwd, options.outputFile), text);
  else if (text) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  const summary = summarise(results, options.providers ?? PROVIDERS);
  process.stderr.write(`${formatSummary(summary)}\n`);
  if (untypedFiles > 0) {
    process.stderr.write(`  ${untypedFiles} file${untypedFiles === 1 ? ' is' : 's are'} in no tsconfig.json and ${untypedFiles === 1 ? 'was' : 'were'} checked without type information\n`);
  }
  if (summary.unparsed > 0) return 2;
  return summary.errors > 0 ? 1 : 0;
}

export async function main(argv: readonly string[], cwd = process.cwd()): Promise<number> {
  try {
    const options = parse(argv);
    if (options === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (options === 'version') {
      process.stdout.write(`${plugin.meta.version}\n`);
      return 0;
    }
    return await lint(options, cwd);
  } catch (error) {
    process.stderr.write(`whatsapp-errors: ${error instanceof LintFailure ? error.message : firstLine(error instanceof Error ? error.message : String(error))}\n`);
    return 2;
  }
}
