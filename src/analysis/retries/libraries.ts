/** Retry libraries around provider calls: p-retry, async-retry, promise-retry, exponential-backoff, cockatiel, axios-retry. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findProperty, isFunction, memberName, skipTransparent, type FunctionNode, type Node } from '../ast.js';
import { clientOf } from '../clients.js';
import type { FileAnalysis } from '../file.js';
import { cockatielRetryOf, functionValue, libraryName, reached } from './library-calls.js';
import { resolveExpression, staticValue } from '../values.js';
import { NETWORK_ERROR, type Outcome, type RetryConstruct, type Walk } from './types.js';
import { baseWalk, branch, callbackTruth, callsIn, functionErrorPath, runExpression, runList, set, statusMatches } from './decision.js';
import { construct, delayIn } from './construct.js';

function optionsOf(analysis: FileAnalysis, node: Node | undefined): TSESTree.ObjectExpression | undefined {
  if (!node) return undefined;
  const resolved = resolveExpression(analysis, node);
  return resolved.type === AST_NODE_TYPES.ObjectExpression ? resolved : undefined;
}

function optionFunction(analysis: FileAnalysis, options: TSESTree.ObjectExpression | undefined, name: string): FunctionNode | undefined {
  const property = options && findProperty(options, name);
  return property ? functionValue(analysis, property.value) : undefined;
}

function isZero(analysis: FileAnalysis, options: TSESTree.ObjectExpression | undefined, name: string): boolean {
  const property = options && findProperty(options, name);
  return !!property && staticValue(analysis, property.value) === 0;
}

export function libraryConstructs(analysis: FileAnalysis): RetryConstruct[] {
  const found: RetryConstruct[] = [];
  for (const call of analysis.allCalls) {
    const callee = skipTransparent(call.callee);
    // cockatiel: policy.execute(fn)
    if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'execute') {
      const retryCall = cockatielRetryOf(analysis, callee.object);
      const fn = functionValue(analysis, call.arguments[0]);
      const target = reached(analysis, fn);
      if (!retryCall || !fn || !target) continue;
      const handler = retryCall.arguments[0] && skipTransparent(retryCall.arguments[0]);
      const handlerLib = handler && (handler.type === AST_NODE_TYPES.CallExpression ? libraryName(analysis, handler.callee) : libraryName(analysis, handler));
      const predicate =
        handler?.type === AST_NODE_TYPES.CallExpression
          ? functionValue(analysis, handlerLib?.name === 'handleType' ? handler.arguments[1] : handler.arguments[0])
          : undefined;
      const options = optionsOf(analysis, retryCall.arguments[1]);
      found.push(
        construct({
          form: 'library',
          library: 'cockatiel',
          node: call,
          provider: target.provider,
          calls: target.call ? [target.call] : [],
          region: fn,
          delay: options && findProperty(options, 'backoff') ? 'some' : 'none',
          walk: (entry, basis) => {
            const walk = baseWalk(analysis, entry, target.provider, basis, { onThrow: () => 'retry' });
            const thrown = functionErrorPath(analysis, fn, walk);
            if (!thrown.has('retry')) return thrown;
            const truth = handlerLib?.name === 'handleAll' || (handlerLib?.name === 'handleType' && !predicate) ? 'T' : callbackTruth(walk, predicate);
            return branch(walk, truth, () => thrown, () => set('stop'));
          },
        }),
      );
      continue;
    }
    const lib = libraryName(analysis, callee);
    if (!lib) continue;
    if (lib.library === 'axios-retry') {
      found.push(...axiosRetryConstructs(analysis, call));
      continue;
    }
    if (!['pRetry', 'retry', 'promiseRetry', 'backOff'].includes(lib.name) || lib.library === 'cockatiel') continue;
    const fnArg = call.arguments.find((a) => functionValue(analysis, a));
    const fn = functionValue(analysis, fnArg);
    const target = reached(analysis, fn);
    if (!fn || !target) continue;
    const options = optionsOf(analysis, call.arguments.find((a) => a !== fnArg));
    const firstParam = fn.params[0]?.type === AST_NODE_TYPES.Identifier ? fn.params[0] : undefined;
    const isParamCall = (c: TSESTree.CallExpression): boolean => {
      const inner = skipTransparent(c.callee);
      return !!firstParam && inner.type === AST_NODE_TYPES.Identifier && inner.name === firstParam.name;
    };
    const noDelay = isZero(analysis, options, 'minTimeout') || isZero(analysis, options, 'startingDelay');
    const hooks = ['onFailedAttempt', 'onRetry', 'retry', 'shouldRetry'].map((name) => optionFunction(analysis, options, name)).filter((f): f is FunctionNode => !!f);
    const hinted = hooks.some((hook) => delayIn(analysis, hook.body, target.provider) === 'provider-hint');
    found.push(
      construct({
        form: 'library',
        library: lib.library,
        node: call,
        provider: target.provider,
        calls: target.call ? [target.call] : [],
        region: fn,
        delay: hinted ? 'provider-hint' : noDelay ? 'none' : 'some',
        walk: (entry, basis) => {
          switch (lib.library) {
            case 'p-retry': {
              const walk = baseWalk(analysis, entry, target.provider, basis, {
                onThrow: (t) => (t.argument && isAbortError(analysis, t.argument) ? 'stop' : 'retry'),
              });
              const thrown = functionErrorPath(analysis, fn, walk);
              if (!thrown.has('retry')) return thrown;
              const shouldRetry = optionFunction(analysis, options, 'shouldRetry');
              const onFailed = optionFunction(analysis, options, 'onFailedAttempt');
              const afterHook = (): Set<Outcome> => (onFailed?.body.type === AST_NODE_TYPES.BlockStatement ? runList({ ...walk, onThrow: () => 'stop' }, onFailed.body.body, () => set('retry')) : set('retry'));
              return branch(walk, shouldRetry ? callbackTruth(walk, shouldRetry) : 'T', afterHook, () => set('stop'));
            }
            case 'async-retry': {
              const walk = baseWalk(analysis, entry, target.provider, basis, { onThrow: () => 'retry', isStopCall: isParamCall });
              return functionErrorPath(analysis, fn, walk);
            }
            case 'promise-retry':
              return promiseRetryWalk(analysis, fn, baseWalk(analysis, entry, target.provider, basis, { isRetryCall: isParamCall }));
            default: {
              const walk = baseWalk(analysis, entry, target.provider, basis, { onThrow: () => 'retry' });
              const thrown = functionErrorPath(analysis, fn, walk);
              if (!thrown.has('retry')) return thrown;
              return branch(walk, callbackTruth(walk, optionFunction(analysis, options, 'retry')), () => thrown, () => set('stop'));
            }
          }
        },
      }),
    );
  }
  return found;
}

function isAbortError(analysis: FileAnalysis, node: Node): boolean {
  const current = skipTransparent(node);
  return current.type === AST_NODE_TYPES.NewExpression && libraryName(analysis, current.callee)?.name === 'AbortError';
}

/** promise-retry: `send().catch(retry)` retries everything; a handler retries where it calls `retry(err)`. */
function promiseRetryWalk(analysis: FileAnalysis, fn: FunctionNode, walk: Walk): Set<Outcome> {
  const keys = analysis.sourceCode.visitorKeys;
  for (const c of callsIn(fn.body, keys)) {
    const callee = skipTransparent(c.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'catch') continue;
    const handler = c.arguments[0] && skipTransparent(c.arguments[0]);
    if (!handler) continue;
    if (handler.type === AST_NODE_TYPES.Identifier && fn.params[0]?.type === AST_NODE_TYPES.Identifier && handler.name === fn.params[0].name) return set('retry');
    if (isFunction(handler)) {
      return handler.body.type === AST_NODE_TYPES.BlockStatement ? runList(walk, handler.body.body, () => set('stop')) : runExpression(walk, handler.body);
    }
  }
  return functionErrorPath(analysis, fn, walk);
}

/** axios-retry on a client: its default only retries network errors and idempotent methods. */
function axiosRetryConstructs(analysis: FileAnalysis, call: TSESTree.CallExpression): RetryConstruct[] {
  const client = call.arguments[0];
  if (!client) return [];
  const options = optionsOf(analysis, call.arguments[1]);
  const condition = optionFunction(analysis, options, 'retryCondition');
  const origin = clientOriginOf(analysis, client);
  if (origin === undefined) return [];
  const calls = analysis.calls.filter((c) => c.request && c.request.clientOrigin === origin);
  // the instance is used from other files (`export const graph = axios.create(…)`): their requests
  const remote = analysis.remoteRequests.filter((r) => r.origin === origin);
  const provider = calls[0]?.provider ?? remote[0]?.provider;
  if (!provider) return [];
  const methods = [...calls.map((c) => c.request?.method), ...remote.map((r) => r.method)];
  const idempotent = (method: string | undefined) => ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'].includes(method ?? 'GET');
  const hasDelay = !!(options && findProperty(options, 'retryDelay'));
  return [
    construct({
      form: 'library',
      library: 'axios-retry',
      node: call,
      provider,
      calls,
      region: calls[0]?.node ?? call,
      delay: hasDelay ? 'some' : 'none',
      walk: (entry, basis) => {
        const walk = baseWalk(analysis, entry, provider, basis, {});
        if (!condition) {
          // default: network errors, or 5xx on idempotent requests
          if (entry === NETWORK_ERROR) return set('retry');
          if (!methods.some(idempotent)) return set('stop');
          return branch(walk, statusMatches(entry, [[500, 599]]), () => set('retry'), () => set('stop'));
        }
        return branch(walk, callbackTruth(walk, condition), () => set('retry'), () => set('stop'));
      },
    }),
  ];
}

function clientOriginOf(analysis: FileAnalysis, node: Node): unknown {
  return clientOf(analysis, node)?.origin;
}
