/**
 * Flags dispatches on a provider's error code (switch, if/else chain, lookup
 * object, membership test) that leave documented codes unhandled.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { byNotability, codeSource, deliverableByWebhook, dispatchOf, fromWebhook, getAnalysis, resolveSettings, spell, type Dispatch, type DispatchForm, type ResolvedSettings } from '../src/analysis/index.js';
import type { Node } from '../src/analysis/ast.js';
import { entryMatches } from '../src/catalog/lookup.js';
import type { ErrorEntry, RetryClass } from '../src/catalog/schema.js';
import { createRule, formatCode, listSome, OptionsError } from '../src/util/create-rule.js';

type Options = [{ requireAll?: boolean; ignore?: (string | number)[] }];
type MessageId = 'missingNoFallback' | 'missingEmptyFallback' | 'missingRequireAll' | 'addMissingCases' | 'addMissingKeys' | 'addDefaultRethrow' | 'addDefaultThrow';

const FORM_LABEL: Record<DispatchForm, string> = {
  switch: 'switch',
  'if-chain': 'if/else chain',
  lookup: 'lookup object',
  membership: 'membership test',
};

const CLASS_LABEL: Record<RetryClass, string> = {
  never: 'never-retry',
  'after-fix': 'after-fix',
  'provider-retries': 'provider-retried',
  'rate-limit': 'rate-limit',
  transient: 'transient',
};

/** `22 never-retry, 20 after-fix, 5 transient`: how many missing codes of each retry class. */
function describeMissing(missing: readonly ErrorEntry[]): string {
  return (Object.keys(CLASS_LABEL) as RetryClass[])
    .map((retry) => {
      const count = missing.filter((e) => e.retry === retry).length;
      return count ? `${count} ${CLASS_LABEL[retry]}` : '';
    })
    .filter(Boolean)
    .join(', ');
}

/** The two best-known missing codes: `131047 and 190`. */
function exampleCodes(dispatch: Dispatch, missing: readonly ErrorEntry[]): string {
  return listSome(byNotability(dispatch.provider, missing).slice(0, 2).map((e) => formatCode(e.code)));
}

const checked = new WeakMap<ResolvedSettings, Set<string>>();

/**
 * `ignore` names codes of the enabled providers, in their type: `'131000'`
 * for Meta's numeric 131000 never matches, so it is a configuration error.
 */
function checkIgnore(ignore: readonly (string | number)[], settings: ResolvedSettings): void {
  if (ignore.length === 0) return;
  let done = checked.get(settings);
  if (!done) checked.set(settings, (done = new Set()));
  const key = JSON.stringify(ignore);
  if (done.has(key)) return;
  for (const [i, value] of ignore.entries()) {
    if (settings.providers.some((p) => p.def.errors.some((e) => entryMatches(e, value)))) continue;
    const other = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : typeof value === 'number' ? String(value) : undefined;
    const owner = other === undefined ? undefined : settings.providers.find((p) => p.def.errors.some((e) => entryMatches(e, other)));
    const hint = owner ? `; ${owner.id} documents ${formatCode(other!)} (write it as a ${typeof other})` : `; it is not a documented code of ${settings.providers.map((p) => p.id).join(', ')}`;
    throw new OptionsError(`exhaustive-error-codes: ignore[${i}] is ${formatCode(value)}${hint}.`);
  }
  done.add(key);
}

const placeholders = new Map<string, WeakMap<ErrorEntry, string>>();

/** The statement a suggested case starts with (the same text for every dispatch of a provider: made once per code). */
function placeholder(dispatch: Dispatch, entry: ErrorEntry): string {
  let byEntry = placeholders.get(dispatch.provider.id);
  if (!byEntry) placeholders.set(dispatch.provider.id, (byEntry = new WeakMap()));
  let text = byEntry.get(entry);
  if (text === undefined) {
    const what = `${dispatch.provider.id} ${entry.code} (${entry.title})`.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
    byEntry.set(entry, (text = `throw new Error('Not implemented yet: ${what}');`));
  }
  return text;
}

function lineIndent(sourceCode: Readonly<TSESLint.SourceCode>, node: Node): string {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  return /^\s*/.exec(line)![0];
}

function objectKey(code: string | number, quoted: boolean): string {
  if (typeof code === 'number') return String(code);
  return !quoted && /^[A-Za-z_$][\w$]*$/.test(code) ? code : `'${code}'`;
}

export default createRule<Options, MessageId>({
  name: 'exhaustive-error-codes',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: {
      description: "Require dispatches on a provider's error code to handle every documented code",
      recommended: true,
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          requireAll: {
            type: 'boolean',
            description: 'Report missing codes even when the dispatch has a fallback that does something (on in the strict config).',
          },
          ignore: {
            type: 'array',
            items: { type: ['string', 'number'] },
            uniqueItems: true,
            description: 'Codes you deliberately leave to the fallback; they are never reported as missing.',
          },
        },
      },
    ],
    defaultOptions: [{ requireAll: false, ignore: [] }],
    messages: {
      missingNoFallback: 'This {{form}} on the {{provider}} error code ignores {{count}} codes ({{groups}}), such as {{examples}}; handle them or add a fallback.',
      missingEmptyFallback: 'This {{form}} on the {{provider}} error code sends {{count}} codes ({{groups}}), such as {{examples}}, to an empty fallback.',
      missingRequireAll: 'This {{form}} on the {{provider}} error code leaves {{count}} codes ({{groups}}), such as {{examples}}, to its fallback; handle each.',
      addMissingCases: 'Add a case for each missing {{provider}} code ({{count}}).',
      addMissingKeys: 'Add a key for each missing {{provider}} code ({{count}}).',
      addDefaultRethrow: 'Add a default that rethrows the {{provider}} error ({{thrown}}).',
      addDefaultThrow: 'Add a default that throws an error keeping the {{provider}} error body as its cause.',
    },
  },
  create(context, [options]) {
    checkIgnore(options.ignore ?? [], resolveSettings(context.settings));
    const analysis = getAnalysis(context);
    if (!analysis) return {};
    const ignore = new Set<string | number>(options.ignore ?? []);
    const seen = new Set<Node>();
    const { sourceCode } = context;

    const suggestions = (dispatch: Dispatch, missing: readonly ErrorEntry[]) => {
      const data = { count: missing.length, provider: dispatch.provider.id };
      const { switchStatement, object, spelling } = dispatch;
      // a whole Vonage `type` with no case to copy the URL from: the cases cannot be written
      const written = (code: string | number) => (spelling === null ? undefined : spell(code, spelling));
      if (switchStatement) {
        const defaultCase = switchStatement.cases.find((c) => c.test === null);
        const anchor = defaultCase ?? switchStatement.cases.at(-1);
        const indent = anchor ? lineIndent(sourceCode, anchor) : `${lineIndent(sourceCode, switchStatement)}  `;
        const clauses = missing.map((e) => `case ${formatCode(written(e.code)!)}: { ${placeholder(dispatch, e)} }`);
        return [
          ...(spelling === null ? [] : [{
            messageId: 'addMissingCases' as const,
            data,
            fix: (fixer: TSESLint.RuleFixer) => {
              if (defaultCase) return fixer.insertTextBefore(defaultCase, `${clauses.join(`\n${indent}`)}\n${indent}`);
              if (anchor) return fixer.insertTextAfter(anchor, `\n${indent}${clauses.join(`\n${indent}`)}`);
              const closing = sourceCode.getLastToken(switchStatement)!;
              return fixer.insertTextBefore(closing, `${indent}${clauses.join(`\n${indent}`)}\n${lineIndent(sourceCode, switchStatement)}`);
            },
          }]),
          ...rethrowDefault(dispatch, switchStatement, defaultCase, anchor, indent),
        ];
      }
      const properties = object?.properties ?? [];
      const functions = properties.length > 0 && properties.every((p) => p.type === 'Property' && (p.value.type === 'ArrowFunctionExpression' || p.value.type === 'FunctionExpression' || p.method));
      if (!object || !functions || spelling === null) return [];
      const last = properties.at(-1)!;
      const indent = lineIndent(sourceCode, last);
      const quoted = properties.some((p) => p.type === 'Property' && p.key.type === 'Literal' && typeof p.key.value === 'string');
      const keys = missing.map((e) => `${objectKey(written(e.code)!, quoted)}: () => { ${placeholder(dispatch, e)} },`);
      const afterLast = sourceCode.getTokenAfter(last);
      const comma = afterLast?.value === ',' ? '' : ',';
      return [
        {
          messageId: 'addMissingKeys' as const,
          data,
          fix: (fixer: TSESLint.RuleFixer) => fixer.insertTextAfter(comma ? last : afterLast!, `${comma}\n${indent}${keys.join(`\n${indent}`)}`),
        },
      ];
    };

    /** A `default` (in place of an empty one) that rethrows the error, or throws one that keeps the body. */
    const rethrowDefault = (dispatch: Dispatch, switchStatement: TSESTree.SwitchStatement, defaultCase: TSESTree.SwitchCase | undefined, anchor: TSESTree.SwitchCase | undefined, indent: string) => {
      const source = codeSource(analysis, dispatch.code);
      if (!source || dispatch.fallback === 'handled' || !anchor) return [];
      const text = sourceCode.getText(source.node);
      const code = sourceCode.getText(dispatch.code);
      const statement =
        source.kind === 'error' ? `throw ${text};` : `throw new Error(\`Unhandled ${dispatch.provider.id} error \${String(${code})}\`, { cause: ${text} });`;
      const clause = `default:\n${indent}  ${statement}`;
      const data = { provider: dispatch.provider.id, thrown: text };
      return [
        {
          messageId: source.kind === 'error' ? ('addDefaultRethrow' as const) : ('addDefaultThrow' as const),
          data,
          fix: (fixer: TSESLint.RuleFixer) => (defaultCase ? fixer.replaceText(defaultCase, clause) : fixer.insertTextAfter(anchor, `\n${indent}${clause}`)),
        },
      ];
    };

    const check = (node: Node): void => {
      const dispatch = dispatchOf(analysis, node);
      if (!dispatch || seen.has(dispatch.node)) return;
      if (dispatch.fallback === 'handled' && !options.requireAll) return;
      // a webhook's errors: only the codes that can arrive by webhook (unset delivery counts as both)
      const webhook = fromWebhook(analysis, dispatch.code);
      const missing = dispatch.provider.def.errors.filter(
        (entry) =>
          (entry.scope ?? 'messaging') === 'messaging' &&
          (!webhook || deliverableByWebhook(entry)) &&
          !(typeof entry.code === 'string' && entry.code.startsWith('*')) &&
          !ignore.has(entry.code) &&
          !dispatch.handled.some((value) => entryMatches(entry, value)),
      );
      if (missing.length === 0) return;
      seen.add(dispatch.node);
      const messageId = dispatch.fallback === 'none' ? 'missingNoFallback' : dispatch.fallback === 'empty' ? 'missingEmptyFallback' : 'missingRequireAll';
      context.report({
        node: dispatch.node as TSESTree.Node,
        loc: sourceCode.getFirstToken(dispatch.node)!.loc,
        messageId,
        data: { form: FORM_LABEL[dispatch.form], provider: `${dispatch.provider.id}${webhook ? ' webhook' : ''}`, count: missing.length, groups: describeMissing(missing), examples: exampleCodes(dispatch, missing) },
        suggest: suggestions(dispatch, missing),
      });
    };
    return { SwitchStatement: check, IfStatement: check, MemberExpression: check };
  },
});
