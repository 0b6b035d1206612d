/**
 * Requires retried sends to providers with an idempotency mechanism to carry
 * it, created once per message, so that a retry after a lost response cannot
 * send the message twice.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { getAnalysis, retryConstructs, type FileAnalysis, type ProviderCall, type RetryConstruct } from '../src/analysis/index.js';
import { findProperty, isFunction, memberName, programOf, propertyKeyName, skipTransparent, type Node } from '../src/analysis/ast.js';
import { payloadObject } from '../src/analysis/clients.js';
import { resolveExpression, staticValue } from '../src/analysis/values.js';
import type { Idempotency } from '../src/catalog/schema.js';
import { createRule } from '../src/util/create-rule.js';

const KEY_EXPRESSION = 'crypto.randomUUID()';
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Found, absent, or unknowable from this file (a spread, a variable, a computed name). */
type Presence = { found: true; value: Node | undefined } | { found: false } | { found: 'unknown' };

function within(inner: Node, outer: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1] && programOf(inner) === programOf(outer);
}

/** Is one of `names` a key of `object`? Header names ignore case; body fields do not. */
function keyIn(analysis: FileAnalysis, object: TSESTree.ObjectExpression, names: readonly string[], ignoreCase: boolean): Presence {
  const norm = (name: string) => (ignoreCase ? name.toLowerCase() : name);
  const wanted = names.map(norm);
  let unknown = false;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      unknown = true;
      continue;
    }
    const computed = property.computed ? staticValue(analysis, property.key) : undefined;
    const key = property.computed ? (typeof computed === 'string' ? computed : undefined) : propertyKeyName(property);
    if (key === undefined) {
      unknown = true;
      continue;
    }
    if (typeof key === 'string' && wanted.includes(norm(key))) return { found: true, value: property.value };
  }
  return unknown ? { found: 'unknown' } : { found: false };
}

/** Where a request's headers say whether the header is there. */
function headerPresence(analysis: FileAnalysis, call: ProviderCall, name: string): { presence: Presence; insertInto?: TSESTree.ObjectExpression; addTo?: TSESTree.ObjectExpression } {
  const request = call.request!;
  // superagent: `.set('Idempotency-Key', key)` or `.set({ … })` on the chain
  let current: Node = call.node;
  while (current.parent?.type === AST_NODE_TYPES.MemberExpression && current.parent.object === current && current.parent.parent?.type === AST_NODE_TYPES.CallExpression) {
    const chained: TSESTree.CallExpression = current.parent.parent;
    if (memberName(current.parent) === 'set' && chained.arguments[0]) {
      const first = chained.arguments[0];
      const value = staticValue(analysis, first);
      if (typeof value === 'string' && value.toLowerCase() === name.toLowerCase()) return { presence: { found: true, value: chained.arguments[1] } };
      const object = resolveExpression(analysis, first);
      if (object.type === AST_NODE_TYPES.ObjectExpression) {
        const found = keyIn(analysis, object, [name], true);
        if (found.found !== false) return { presence: found };
      } else if (typeof value !== 'string') {
        return { presence: { found: 'unknown' } };
      }
    }
    current = chained;
  }
  const fromInstance = (): Presence => {
    const property = request.instanceConfig && findProperty(request.instanceConfig, 'headers');
    if (!property) return { found: false };
    const object = resolveExpression(analysis, property.value);
    return object.type === AST_NODE_TYPES.ObjectExpression ? keyIn(analysis, object, [name], true) : { found: 'unknown' };
  };
  const config = request.config;
  if (request.configSource && !config) return { presence: { found: 'unknown' } }; // options from a parameter or a variable
  const headersProperty = config && findProperty(config, 'headers');
  if (!headersProperty) {
    const instance = fromInstance();
    if (instance.found !== false) return { presence: instance };
    if (config?.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement)) return { presence: { found: 'unknown' } };
    return { presence: { found: false }, ...(config ? { addTo: config } : {}) };
  }
  const headers = resolveExpression(analysis, headersProperty.value);
  if (headers.type !== AST_NODE_TYPES.ObjectExpression) return { presence: { found: 'unknown' } };
  const own = keyIn(analysis, headers, [name], true);
  if (own.found !== false) return { presence: own };
  const instance = fromInstance();
  if (instance.found !== false) return { presence: instance };
  return { presence: { found: false }, insertInto: headers };
}

/** An object written in the call, or inside a function: not a module-level constant shared by every message. */
function editable(node: Node, call: ProviderCall, sourceCode: { readonly ast: Node }): boolean {
  if (programOf(node) !== sourceCode.ast) return false; // another file
  if (within(node, call.node)) return true;
  for (let current = node.parent; current; current = current.parent) if (isFunction(current)) return true;
  return false;
}

/** A key made by a call inside the retried code is new on every attempt. */
function perAttempt(analysis: FileAnalysis, value: Node | undefined, construct: RetryConstruct): boolean {
  if (!value) return false;
  const resolved = resolveExpression(analysis, value);
  return resolved.type === AST_NODE_TYPES.CallExpression && within(resolved, construct.region) && !isFunction(skipTransparent(resolved.callee));
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
    messages: {
      missingHeader: 'This {{provider}} send is retried without an {{name}} header, so a retry after a lost response can deliver it twice; send one key per message.',
      missingField: 'This {{provider}} send is retried without the {{name}} body field, so a retry after a lost response can deliver it twice; send one key per message.',
      keyPerAttempt: 'This {{name}} is made anew on every attempt, so {{provider}} cannot spot the retry; create it once per message, before the retry.',
      addHeader: 'Add an {{name}} header (then create the key once per message, before the retry).',
      addField: 'Add the {{name}} field (then create the key once per message, before the retry).',
    },
  },
  create(context) {
    const analysis = getAnalysis(context);
    if (!analysis) return {};

    /**
     * The direct requests a construct re-sends, through wrappers too, with the
     * call to report: the request itself, or (for a wrapper of another file)
     * the call of the wrapper here.
     */
    const requestsOf = (calls: readonly ProviderCall[]): { request: ProviderCall; at: ProviderCall }[] =>
      calls.flatMap((call) => {
        if (call.request) return [{ request: call, at: call }];
        const wrapper = call.wrapper;
        if (wrapper) return analysis.calls.filter((c) => c.request && within(c.node, wrapper)).map((c) => ({ request: c, at: c }));
        const external = call.external;
        if (!external) return [];
        return external.analysis.calls.filter((c) => c.request && within(c.node, external.fn)).map((c) => ({ request: c, at: call }));
      });

    const insertInto = (fixer: TSESLint.RuleFixer, object: TSESTree.ObjectExpression, text: string) => {
      const first = object.properties[0];
      return first ? fixer.insertTextBefore(first, `${text}, `) : fixer.replaceText(object, `{ ${text} }`);
    };

    const resends = (construct: RetryConstruct): boolean =>
      construct.resendsOnNetworkError() || construct.provider.def.errors.some((e) => construct.verdict(e) !== 'not-retried');

    return {
      'Program:exit'() {
        const seen = new Set<ProviderCall>();
        for (const construct of retryConstructs(analysis)) {
          if (!resends(construct)) continue;
          for (const { request: call, at } of requestsOf(construct.calls)) {
            const idempotency: Idempotency | undefined = call.provider.def.idempotency;
            if (!idempotency || seen.has(call) || !call.request) continue;
            if (READ_METHODS.has(call.request.method ?? '')) continue; // a read cannot send twice
            seen.add(call);
            const data = { provider: call.provider.id, name: idempotency.name };
            if (idempotency.kind === 'header') {
              const { presence, insertInto: headers, addTo } = headerPresence(analysis, call, idempotency.name);
              if (presence.found === 'unknown') continue;
              if (presence.found) {
                if (perAttempt(analysis, presence.value, construct)) context.report({ node: at === call ? presence.value! : at.node, messageId: 'keyPerAttempt', data });
                continue;
              }
              const header = `'${idempotency.name}': ${KEY_EXPRESSION}`;
              // never edit a module-level object: one key for the whole process would make every later message a replay
              const fix =
                headers && editable(headers, call, context.sourceCode)
                  ? (fixer: TSESLint.RuleFixer) => insertInto(fixer, headers, header)
                  : addTo && editable(addTo, call, context.sourceCode)
                    ? (fixer: TSESLint.RuleFixer) => insertInto(fixer, addTo, `headers: { ${header} }`)
                    : undefined;
              context.report({ node: at.node, messageId: 'missingHeader', data, suggest: fix ? [{ messageId: 'addHeader', data, fix }] : [] });
            } else {
              const payload = payloadObject(analysis, call.request.data);
              if (!payload) continue;
              const presence = keyIn(analysis, payload, [idempotency.name, ...(idempotency.aliases ?? [])], false);
              if (presence.found === 'unknown') continue;
              if (presence.found) {
                if (perAttempt(analysis, presence.value, construct)) context.report({ node: at === call ? presence.value! : at.node, messageId: 'keyPerAttempt', data });
                continue;
              }
              const fix = editable(payload, call, context.sourceCode) ? (fixer: TSESLint.RuleFixer) => insertInto(fixer, payload, `${idempotency.name}: ${KEY_EXPRESSION}`) : undefined;
              context.report({ node: at.node, messageId: 'missingField', data, suggest: fix ? [{ messageId: 'addField', data, fix }] : [] });
            }
          }
        }
      },
    };
  },
});
