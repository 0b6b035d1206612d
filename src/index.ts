import { PLUGIN_META } from './meta.js';
import { rules } from './rules.js';

const plugin = {
  meta: { name: PLUGIN_META.name, version: PLUGIN_META.version },
  rules,
};

export default plugin;
