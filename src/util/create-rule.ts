import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';

export interface PluginDocs {
  description: string;
  /** In the `recommended` config. */
  recommended?: boolean;
  /** Needs type information (only in the `*-type-checked` configs). */
  requiresTypeChecking?: boolean;
}

export const DOCS_BASE = 'https://github.com/eslint-plugin-whatsapp-errors/eslint-plugin-whatsapp-errors/blob/main/docs/rules/';

const creator = ESLintUtils.RuleCreator<PluginDocs>((name) => `${DOCS_BASE}${name}.md`);

/**
 * typescript-eslint's RuleCreator, with the defaults merged once per distinct
 * options value instead of on every file (its `applyDefault` deep-clones the
 * defaults each time a rule is created, which is most of a rule's cost on a
 * file that names no provider).
 */
export const createRule = <Options extends readonly unknown[], MessageIds extends string>(
  spec: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, PluginDocs>>,
): ESLintUtils.RuleModule<MessageIds, Options, PluginDocs> => {
  const rule = creator(spec);
  const defaults = (spec.meta.defaultOptions ?? []) as unknown as Options;
  const merged = new Map<string, Options>();
  return {
    ...rule,
    create(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>) {
      const key = context.options.length === 0 ? '' : JSON.stringify(context.options);
      let options = merged.get(key);
      if (!options) {
        options = ESLintUtils.applyDefault(defaults, context.options) as Options;
        merged.set(key, options);
      }
      return spec.create(context, options);
    },
  };
};

/** Lists the first few items and counts the rest: `a, b, c and 3 more`. */
export function listSome(items: readonly string[], shown = 3): string {
  if (items.length <= shown + 1) return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '');
  return `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`;
}

/** The name a call is written with: `sendText` of `this.whatsapp.sendText`. */
export function calleeName(text: string): string {
  return text.replace(/^.*\./, '').replace(/\s+/g, '');
}

/** A code as written in source: `'rate_limited'` or `131047`. */
export function formatCode(code: string | number): string {
  return typeof code === 'string' ? `'${code}'` : String(code);
}

/**
 * A code as a message cites it: a number or a code with digits (`131047`,
 * `'AUTH_003'`, `'1340'`) with its title, a code made of words
 * (`'invalid_signature'`) bare, since it already says what it is.
 */
export function citeCode(entry: { readonly code: string | number; readonly title: string }): string {
  const shown = formatCode(entry.code);
  return typeof entry.code === 'string' && /^[A-Za-z_.-]+$/.test(entry.code) ? shown : `${shown} (${entry.title})`;
}

/** A rule option that its schema allows but the catalog does not: reported like a settings error, without stack frames. */
export class OptionsError extends Error {
  constructor(problem: string) {
    super(`eslint-plugin-whatsapp-errors: invalid option: ${problem}`);
    this.name = 'OptionsError';
    this.stack = `${this.name}: ${this.message}`;
  }
}
