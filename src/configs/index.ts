/**
 * The flat configs. Each one applies to TS and JS sources, sets the
 * typescript-eslint parser, and registers the plugin, so that
 * `export default [whatsappErrors.configs.recommended]` works on its own.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from '../rules.js';

type RuleName = keyof typeof rules;
type RuleEntry = TSESLint.SharedConfig.RuleEntry;

export const PLUGIN_NAME = 'whatsapp-errors';

/** The files every config applies to. */
export const FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];

export type ConfigName = 'recommended' | 'strict' | 'all' | 'recommended-type-checked' | 'strict-type-checked';

function ruleSet(select: (name: RuleName) => RuleEntry | undefined): Record<string, RuleEntry> {
  const result: Record<string, RuleEntry> = {};
  for (const name of Object.keys(rules) as RuleName[]) {
    const entry = select(name);
    if (entry !== undefined) result[`${PLUGIN_NAME}/${name}`] = entry;
  }
  return result;
}

export function buildConfigs(plugin: TSESLint.FlatConfig.Plugin): Record<ConfigName, TSESLint.FlatConfig.Config> {
  const config = (name: string, entries: Record<string, RuleEntry>, typed = false): TSESLint.FlatConfig.Config => ({
    name: `${PLUGIN_NAME}/${name}`,
    files: FILES,
    languageOptions: {
      parser: tsParser as TSESLint.FlatConfig.Parser,
      sourceType: 'module',
      // typed linting: the project service finds each file's tsconfig.json
      ...(typed ? { parserOptions: { projectService: true } } : {}),
    },
    plugins: { [PLUGIN_NAME]: plugin },
    rules: entries,
  });
  const recommended = ruleSet((name) => (rules[name].meta.docs?.recommended ? 'error' : undefined));
  const strict = { ...recommended, [`${PLUGIN_NAME}/exhaustive-error-codes`]: ['error', { requireAll: true }] as RuleEntry };
  return {
    recommended: config('recommended', recommended),
    strict: config('strict', strict),
    all: config('all', ruleSet(() => 'error')),
    'recommended-type-checked': config('recommended-type-checked', recommended, true),
    'strict-type-checked': config('strict-type-checked', strict, true),
  };
}
