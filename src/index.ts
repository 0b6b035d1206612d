/**
 * eslint-plugin-whatsapp-errors: the plugin object (meta, rules, flat configs).
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { buildConfigs, type ConfigName } from './configs/index.js';
import { PLUGIN_META } from './meta.js';
import { rules } from './rules.js';

const plugin = {
  meta: { name: PLUGIN_META.name, version: PLUGIN_META.version },
  rules,
  configs: {} as Record<ConfigName, TSESLint.FlatConfig.Config>,
};
Object.assign(plugin.configs, buildConfigs(plugin as unknown as TSESLint.FlatConfig.Plugin));

export default plugin;
