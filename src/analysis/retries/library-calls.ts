/**
 * Retry libraries: which call is `pRetry(fn, opts)`, `retry(fn)` (async-retry),
 * `promiseRetry(fn)`, `backOff(fn, opts)`, a cockatiel policy's `execute(fn)`,
 * `axiosRetry(client, opts)`; and which provider call their callbacks' error
 * parameter belongs to.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isFunction, memberName, own, skipTransparent, type FunctionNode, type Node } from '../ast.js';
import { clientOf, importOf } from '../clients.js';
import type { FileAnalysis, ProviderCall } from '../file.js';
import type { ProviderInfo } from '../providers.js';
import { resolveExpression } from '../values.js';

export type RetryLibrary = 'p-retry' | 'async-retry' | 'promise-retry' | 'exponential-backoff' | 'cockatiel' | 'axios-retry';

const EXPORTS: Record<string, Record<string, string>> = {
  'p-retry': { default: 'pRetry', AbortError: 'AbortError' },
  'async-retry': { default: 'retry' },
  'promise-retry': { default: 'promiseRetry' },
  'exponential-backoff': { backOff: 'backOff' },
  cockatiel: { retry: 'retry', handleAll: 'handleAll', handleWhen: 'handleWhen', handleType: 'handleType', wrap: 'wrap' },
  'axios-retry': { default: 'axiosRetry', axiosRetry: 'axiosRetry' },
};

/** `{ library: 'p-retry', name: 'pRetry' }` for an identifier imported from a retry library. */
export function libraryName(analysis: FileAnalysis, node: Node): { library: RetryLibrary; name: string } | undefined {
  const current = skipTransparent(node);
  if (current.type === AST_NODE_TYPES.MemberExpression && current.object.type === AST_NODE_TYPES.Identifier) {
    // `axiosRetry.default(...)`, namespace imports
    const source = importOf(analysis, current.object);
    const name = memberName(current);
    const found = source && typeof name === 'string' ? own(own(EXPORTS, source.module), name) : undefined;
    return found && source ? { library: source.module as RetryLibrary, name: found } : undefined;
  }
  if (current.type !== AST_NODE_TYPES.Identifier) return undefined;
  const source = importOf(analysis, current);
  const name = source && own(own(EXPORTS, source.module), source.name);
  return name && source ? { library: source.module as RetryLibrary, name } : undefined;
}

/** The function a value holds: an inline function, a same-file function, or `() => wrapper()`. */
export function functionValue(analysis: FileAnalysis, node: Node | undefined): FunctionNode | undefined {
  if (!node) return undefined;
  const current = skipTransparent(node);
  if (isFunction(current)) return current;
  if (current.type === AST_NODE_TYPES.Identifier || current.type === AST_NODE_TYPES.MemberExpression) {
    const resolved = resolveExpression(analysis, current);
    if (isFunction(resolved)) return resolved;
    if (current.type === AST_NODE_TYPES.Identifier) return analysis.functionOf(current);
  }
  if (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression && memberName(current.callee) === 'bind') {
    return functionValue(analysis, current.callee.object);
  }
  return undefined;
}

/** The provider a function reaches, and its first provider call. */
export function reached(analysis: FileAnalysis, fn: FunctionNode | undefined): { provider: ProviderInfo; call: ProviderCall | undefined } | undefined {
  if (!fn) return undefined;
  const provider = analysis.wrappers.get(fn);
  if (!provider) return undefined;
  const [start, end] = fn.range;
  return { provider, call: analysis.calls.find((c) => c.node.range[0] >= start && c.node.range[1] <= end) };
}

/** For `policy.execute(fn)`: the cockatiel `retry(handler, opts)` call behind `policy`, if any. */
export function cockatielRetryOf(analysis: FileAnalysis, policy: Node): TSESTree.CallExpression | undefined {
  const resolved = resolveExpression(analysis, policy);
  if (resolved.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const lib = libraryName(analysis, resolved.callee);
  if (lib?.library !== 'cockatiel') return undefined;
  if (lib.name === 'retry') return resolved;
  if (lib.name === 'wrap') {
    for (const arg of resolved.arguments) {
      const inner = cockatielRetryOf(analysis, arg);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** Every `execute(fn)` of a cockatiel retry policy in the file, with its retry call. */
function cockatielExecutions(analysis: FileAnalysis, retryCall: TSESTree.CallExpression): FunctionNode[] {
  const found: FunctionNode[] = [];
  for (const call of analysis.allCalls) {
    const callee = skipTransparent(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'execute') continue;
    if (cockatielRetryOf(analysis, callee.object) !== retryCall) continue;
    const fn = functionValue(analysis, call.arguments[0]);
    if (fn) found.push(fn);
  }
  return found;
}

/**
 * When `fn` is a retry library's error callback (`shouldRetry`, `onFailedAttempt`,
 * `retry` of exponential-backoff, `retryCondition` of axios-retry, cockatiel's
 * `handleWhen` predicate), the provider whose errors it receives.
 */
export function retryCallbackProvider(analysis: FileAnalysis, fn: FunctionNode): { provider: ProviderInfo; call: ProviderCall | undefined } | undefined {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
    const lib = libraryName(analysis, parent.callee);
    if (lib?.library === 'cockatiel' && (lib.name === 'handleWhen' || lib.name === 'handleType')) {
      const retryCall = parent.parent;
      if (retryCall?.type !== AST_NODE_TYPES.CallExpression || libraryName(analysis, retryCall.callee)?.name !== 'retry') return undefined;
      for (const executed of cockatielExecutions(analysis, retryCall)) {
        const found = reached(analysis, executed);
        if (found) return found;
      }
    }
    return undefined;
  }
  const property = parent?.type === AST_NODE_TYPES.Property && parent.value === fn ? parent : undefined;
  const options = property?.parent;
  const call = options?.type === AST_NODE_TYPES.ObjectExpression ? options.parent : undefined;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const lib = libraryName(analysis, call.callee);
  if (!lib) return undefined;
  if (lib.library === 'axios-retry') {
    const client = call.arguments[0] && clientOf(analysis, call.arguments[0]);
    const used = client && analysis.calls.find((c) => c.request?.clientOrigin === client.origin);
    return used ? { provider: used.provider, call: used } : undefined;
  }
  if (lib.library === 'p-retry' || lib.library === 'exponential-backoff' || lib.library === 'async-retry' || lib.library === 'promise-retry') {
    const target = call.arguments.find((arg) => arg !== options);
    return reached(analysis, functionValue(analysis, target));
  }
  return undefined;
}
