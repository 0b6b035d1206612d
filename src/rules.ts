/** Every rule of the plugin, by name. */
export const rules = {};
