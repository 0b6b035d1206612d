/**
 * eslint-plugin-whatsapp-errors: the plugin object (meta, rules, flat configs).
 */
import './typescript-version.js'; // first: a one-line error on an unsupported TypeScript, before the parser loads it
import { buildConfigs, type PluginConfigs } from './configs/index.js';
import { PLUGIN_META } from './meta.js';
import { rules } from './rules.js';

/**
 * A rule as the plugin exports it. typescript-eslint's `RuleModule` (what
 * the rules are built as) and ESLint's `RuleDefinition` describe `create`'s
 * context differently and are not assignable to each other; this type is
 * assignable to both, so the plugin object fits ESLint's `ESLint.Plugin` and
 * typescript-eslint's `FlatConfig.Plugin` alike.
 */
export type PluginRule = {
  meta: {
    type: 'problem' | 'suggestion' | 'layout';
    docs?: { description: string; url?: string; recommended?: boolean; requiresTypeChecking?: boolean };
    messages: { [messageId: string]: string };
    schema: object;
    hasSuggestions?: boolean;
    fixable?: 'code' | 'whitespace';
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one type both ESLint's and typescript-eslint's rule contexts are assignable to
  create(context: any): any;
};

/** The plugin's type: assignable to ESLint's `ESLint.Plugin` and typescript-eslint's `FlatConfig.Plugin`. */
export interface WhatsAppErrorsPlugin {
  meta: { name: string; version: string };
  rules: { [name in keyof typeof rules]: PluginRule };
  configs: PluginConfigs<WhatsAppErrorsPlugin>;
}

const plugin: WhatsAppErrorsPlugin = {
  meta: { name: PLUGIN_META.name, version: PLUGIN_META.version },
  rules,
  configs: {} as PluginConfigs<WhatsAppErrorsPlugin>,
};
Object.assign(plugin.configs, buildConfigs(plugin));

export type { ConfigName, PluginConfig, PluginConfigs, RuleEntry } from './configs/index.js';
export default plugin;
