/**
 * The flat configs. Each one applies to TS and JS sources, sets the
 * typescript-eslint parser, and registers the plugin, so that
 * `export default [whatsappErrors.configs.recommended]` works on its own.
 *
 * Their types are plain object types (no interfaces), so that they are
 * assignable both to ESLint's `Linter.Config` (whose `languageOptions` has an
 * index signature) and to typescript-eslint's `TSESLint.FlatConfig.Config`:
 * `defineConfig(whatsappErrors.configs.recommended)` and
 * `tseslint.config(whatsappErrors.configs.recommended)` both type-check.
 */
import tsParser from '@typescript-eslint/parser';
import { rules } from '../rules.js';
import { typedParser } from './typed-parser.js';

type RuleName = keyof typeof rules;

export type RuleLevel = 'error' | 'warn' | 'off';
/** A rule's level, alone or with its options. */
export type RuleEntry = RuleLevel | [RuleLevel, ...unknown[]];

export const PLUGIN_NAME = 'whatsapp-errors';

/** The files every config applies to. */
export const FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];

export type ConfigName = 'recommended' | 'strict' | 'all' | 'recommended-type-checked' | 'strict-type-checked';

/** The parsers the configs set: typescript-eslint's, or its typed wrapper (./typed-parser.ts). */
export type ConfigParser = typeof tsParser | typeof typedParser;

/** One of the plugin's configs; `P` is the plugin's own type. */
export type PluginConfig<P> = {
  name: string;
  files: string[];
  languageOptions: {
    parser: ConfigParser;
    sourceType: 'module';
    parserOptions?: { projectService: true };
  };
  plugins: { [name: string]: P };
  rules: { [rule: string]: RuleEntry };
};

export type PluginConfigs<P> = { [name in ConfigName]: PluginConfig<P> };

function ruleSet(select: (name: RuleName) => RuleEntry | undefined): Record<string, RuleEntry> {
  const result: Record<string, RuleEntry> = {};
  for (const name of Object.keys(rules) as RuleName[]) {
    const entry = select(name);
    if (entry !== undefined) result[`${PLUGIN_NAME}/${name}`] = entry;
  }
  return result;
}

export function buildConfigs<P>(plugin: P): PluginConfigs<P> {
  const config = (name: string, entries: Record<string, RuleEntry>, typed = false): PluginConfig<P> => ({
    name: `${PLUGIN_NAME}/${name}`,
    files: FILES,
    languageOptions: {
      parser: typed ? typedParser : tsParser,
      sourceType: 'module',
      // typed linting: the project service finds each TS file's tsconfig.json (JS files parse without types)
      ...(typed ? { parserOptions: { projectService: true as const } } : {}),
    },
    plugins: { [PLUGIN_NAME]: plugin },
    rules: entries,
  });
  const recommended = ruleSet((name) => (rules[name].meta.docs?.recommended ? 'error' : undefined));
  const strict: Record<string, RuleEntry> = { ...recommended, [`${PLUGIN_NAME}/exhaustive-error-codes`]: ['error', { requireAll: true }] };
  return {
    recommended: config('recommended', recommended),
    strict: config('strict', strict),
    all: config('all', ruleSet(() => 'error')),
    'recommended-type-checked': config('recommended-type-checked', recommended, true),
    'strict-type-checked': config('strict-type-checked', strict, true),
  };
}
