/**
 * Requires retried sends to providers with an idempotency mechanism to carry
 * it, so that a retry after a lost response cannot send the message twice.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getAnalysis, retryConstructs, type FileAnalysis, type ProviderCall } from '../src/analysis/index.js';
import { findProperty, memberName, propertyKeyName } from '../src/analysis/ast.js';
import { resolveExpression } from '../src/analysis/values.js';
import type { Idempotency } from '../src/catalog/schema.js';
import { createRule } from '../src/util/create-rule.js';

const KEY_EXPRESSION = 'crypto.randomUUID()';

/** The object literal a payload is written as (through `JSON.stringify` and constants), if any. */
function payloadObject(analysis: FileAnalysis, node: TSESTree.Node | undefined): TSESTree.ObjectExpression | undefined {
  if (!node) return undefined;
  let resolved = resolveExpression(analysis, node);
  if (
    resolved.type === AST_NODE_TYPES.CallExpression &&
    resolved.callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(resolved.callee) === 'stringify' &&
    resolved.arguments[0]
  ) {
    resolved = resolveExpression(analysis, resolved.arguments[0]);
  }
  return resolved.type === AST_NODE_TYPES.ObjectExpression ? resolved : undefined;
}

function hasKey(object: TSESTree.ObjectExpression, names: readonly string[]): boolean | undefined {
  const wanted = names.map((n) => n.toLowerCase());
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) return undefined; // may come from the spread
    const key = propertyKeyName(property);
    if (typeof key === 'string' && wanted.includes(key.toLowerCase())) return true;
  }
  return false;
}

export default createRule({
  name: 'require-idempotency-key',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: {
      description: "Require retried sends to carry the provider's idempotency key",
      recommended: true,
    },
    schema: [],
    defaultOptions: [],
    messages: {
      missingHeader:
        'This {{provider}} send is retried without an {{name}} header, so a retry after a lost response can deliver the message twice; send one key per message and reuse it on every attempt.',
      missingField:
        'This {{provider}} send is retried without the {{name}} body field, so a retry after a lost response can deliver the message twice; send one key per message and reuse it on every attempt.',
      addHeader: 'Add an {{name}} header (replace the generated key with one per message, created before the retry).',
      addField: 'Add the {{name}} field (replace the generated key with one per message, created before the retry).',
    },
  },
  create(context) {
    const analysis = getAnalysis(context);
    if (!analysis) return {};
    /** The direct requests a construct re-sends (through wrappers too). */
    const requestsOf = (calls: readonly ProviderCall[]): ProviderCall[] =>
      calls.flatMap((call) => {
        if (call.request) return [call];
        const wrapper = call.wrapper;
        return wrapper ? analysis.calls.filter((c) => c.request && c.node.range[0] >= wrapper.range[0] && c.node.range[1] <= wrapper.range[1]) : [];
      });

    const insertInto = (fixer: TSESLint.RuleFixer, object: TSESTree.ObjectExpression, text: string) => {
      const first = object.properties[0];
      return first ? fixer.insertTextBefore(first, `${text}, `) : fixer.replaceText(object, `{ ${text} }`);
    };

    return {
      'Program:exit'() {
        const seen = new Set<ProviderCall>();
        for (const construct of retryConstructs(analysis)) {
          const idempotency: Idempotency | undefined = construct.provider.def.idempotency;
          if (!idempotency) continue;
          for (const call of requestsOf(construct.calls)) {
            if (seen.has(call) || !call.request) continue;
            seen.add(call);
            const data = { provider: call.provider.id, name: idempotency.name };
            if (idempotency.kind === 'header') {
              const config = call.request.config;
              const headersProperty = config && findProperty(config, 'headers');
              const headers = headersProperty && resolveExpression(analysis, headersProperty.value);
              const instanceHeaders = call.request.instanceConfig && findProperty(call.request.instanceConfig, 'headers');
              const instanceObject = instanceHeaders && resolveExpression(analysis, instanceHeaders.value);
              const present =
                (headers?.type === AST_NODE_TYPES.ObjectExpression ? hasKey(headers, [idempotency.name]) : headers ? undefined : false) ||
                (instanceObject?.type === AST_NODE_TYPES.ObjectExpression ? hasKey(instanceObject, [idempotency.name]) : instanceObject ? undefined : false);
              if (present !== false) continue;
              const header = `'${idempotency.name}': ${KEY_EXPRESSION}`;
              const fix = config
                ? headers?.type === AST_NODE_TYPES.ObjectExpression
                  ? (fixer: TSESLint.RuleFixer) => insertInto(fixer, headers, header)
                  : headersProperty
                    ? undefined
                    : (fixer: TSESLint.RuleFixer) => insertInto(fixer, config, `headers: { ${header} }`)
                : undefined;
              context.report({ node: call.node, messageId: 'missingHeader', data, suggest: fix ? [{ messageId: 'addHeader', data, fix }] : [] });
            } else {
              const payload = payloadObject(analysis, call.request.data);
              if (!payload) continue;
              const present = hasKey(payload, [idempotency.name, ...(idempotency.aliases ?? [])]);
              if (present !== false) continue;
              context.report({
                node: call.node,
                messageId: 'missingField',
                data,
                suggest: [{ messageId: 'addField', data, fix: (fixer) => insertInto(fixer, payload, `${idempotency.name}: ${KEY_EXPRESSION}`) }],
              });
            }
          }
        }
      },
    };
  },
});
