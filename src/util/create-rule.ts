import { ESLintUtils } from '@typescript-eslint/utils';

export interface PluginDocs {
  description: string;
  /** In the `recommended` config. */
  recommended?: boolean;
  /** Needs type information (only in the `*-type-checked` configs). */
  requiresTypeChecking?: boolean;
}

export const DOCS_BASE = 'https://github.com/eslint-plugin-whatsapp-errors/eslint-plugin-whatsapp-errors/blob/main/docs/rules/';

export const createRule = ESLintUtils.RuleCreator<PluginDocs>((name) => `${DOCS_BASE}${name}.md`);

/** Lists the first few items and counts the rest: `a, b, c and 3 more`. */
export function listSome(items: readonly string[], shown = 3): string {
  if (items.length <= shown + 1) return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '');
  return `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`;
}

/** A code as written in source: `'rate_limited'` or `131047`. */
export function formatCode(code: string | number): string {
  return typeof code === 'string' ? `'${code}'` : String(code);
}
