/**
 * Flags dispatches on a provider's error code (switch, if/else chain, lookup
 * object, membership test) that leave documented codes unhandled.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { deliverableByWebhook, dispatchOf, fromWebhook, getAnalysis, type Dispatch, type DispatchForm } from '../src/analysis/index.js';
import type { Node } from '../src/analysis/ast.js';
import { entryMatches } from '../src/catalog/lookup.js';
import type { ErrorEntry, RetryClass } from '../src/catalog/schema.js';
import { createRule, formatCode, listSome } from '../src/util/create-rule.js';

type Options = [{ requireAll?: boolean; ignore?: (string | number)[] }];
type MessageId = 'missingNoFallback' | 'missingEmptyFallback' | 'missingRequireAll' | 'addMissingCases' | 'addMissingKeys';

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

/** `3 never-retry codes: 131047, 131026 and 1 more; 1 after-fix code: 190` */
function describeMissing(missing: readonly ErrorEntry[]): string {
  return (Object.keys(CLASS_LABEL) as RetryClass[])
    .map((retry) => {
      const codes = missing.filter((e) => e.retry === retry).map((e) => String(e.code));
      return codes.length ? `${codes.length} ${CLASS_LABEL[retry]} code${codes.length > 1 ? 's' : ''}: ${listSome(codes)}` : '';
    })
    .filter(Boolean)
    .join('; ');
}

function placeholder(dispatch: Dispatch, entry: ErrorEntry): string {
  const what = `${dispatch.provider.id} ${entry.code} (${entry.title})`.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
  return `throw new Error('Not implemented yet: ${what}');`;
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
      missingNoFallback: 'This {{form}} on the {{provider}} error code ignores {{count}} of the documented codes ({{groups}}); handle them or add a fallback that does.',
      missingEmptyFallback:
        'This {{form}} on the {{provider}} error code sends {{count}} of the documented codes to a fallback that does nothing ({{groups}}); handle them or make the fallback act.',
      missingRequireAll: 'This {{form}} on the {{provider}} error code leaves {{count}} of the documented codes to its fallback ({{groups}}); handle each of them.',
      addMissingCases: 'Add a case for each missing {{provider}} code ({{count}}).',
      addMissingKeys: 'Add a key for each missing {{provider}} code ({{count}}).',
    },
  },
  create(context, [options]) {
    const analysis = getAnalysis(context);
    if (!analysis) return {};
    const ignore = new Set<string | number>(options.ignore ?? []);
    const seen = new Set<Node>();
    const { sourceCode } = context;

    const suggestions = (dispatch: Dispatch, missing: readonly ErrorEntry[]) => {
      const data = { count: missing.length, provider: dispatch.provider.id };
      const { switchStatement, object } = dispatch;
      if (switchStatement) {
        const defaultCase = switchStatement.cases.find((c) => c.test === null);
        const anchor = defaultCase ?? switchStatement.cases.at(-1);
        const indent = anchor ? lineIndent(sourceCode, anchor) : `${lineIndent(sourceCode, switchStatement)}  `;
        const clauses = missing.map((e) => `case ${formatCode(e.code)}: { ${placeholder(dispatch, e)} }`);
        return [
          {
            messageId: 'addMissingCases' as const,
            data,
            fix: (fixer: TSESLint.RuleFixer) => {
              if (defaultCase) return fixer.insertTextBefore(defaultCase, `${clauses.join(`\n${indent}`)}\n${indent}`);
              if (anchor) return fixer.insertTextAfter(anchor, `\n${indent}${clauses.join(`\n${indent}`)}`);
              const closing = sourceCode.getLastToken(switchStatement)!;
              return fixer.insertTextBefore(closing, `${indent}${clauses.join(`\n${indent}`)}\n${lineIndent(sourceCode, switchStatement)}`);
            },
          },
        ];
      }
      const properties = object?.properties ?? [];
      const functions = properties.length > 0 && properties.every((p) => p.type === 'Property' && (p.value.type === 'ArrowFunctionExpression' || p.value.type === 'FunctionExpression' || p.method));
      if (!object || !functions) return [];
      const last = properties.at(-1)!;
      const indent = lineIndent(sourceCode, last);
      const quoted = properties.some((p) => p.type === 'Property' && p.key.type === 'Literal' && typeof p.key.value === 'string');
      const keys = missing.map((e) => `${objectKey(e.code, quoted)}: () => { ${placeholder(dispatch, e)} },`);
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
        data: { form: FORM_LABEL[dispatch.form], provider: `${dispatch.provider.id}${webhook ? ' webhook' : ''}`, count: missing.length, groups: describeMissing(missing) },
        suggest: suggestions(dispatch, missing),
      });
    };
    return { SwitchStatement: check, IfStatement: check, MemberExpression: check };
  },
});
