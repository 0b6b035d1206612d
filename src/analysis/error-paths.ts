/**
 * Error paths of provider calls: the `catch` of a `try` the rejection
 * reaches, a `.catch(...)` handler, and a branch taken when the response
 * failed (`!res.ok`, an error status, the body's error field set, a success
 * flag false). Rules look at what these paths throw and return.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findVariable, isFunction, isPromiseExecutor, isPromiseReject, memberName, outermostWrapper, programOf, skipTransparent, someNode, walkNodes, type FunctionNode, type Node } from './ast.js';
import { importOf, isClientError, type ClientFamily } from './clients.js';
import type { FileAnalysis, Kind, ProviderCall } from './file.js';
import type { ProviderInfo } from './providers.js';
import { innermostTry, rejectsOnError } from './retries/index.js';
import { exits } from './dispatch.js';
import { codeComparisonsOf, statusTestOf } from './tests.js';
import { calleeFunction, resolveExpression, staticValue } from './values.js';
import { carries, failureFlagTest, failureObjectsKeepCode, failureValueOf } from './failure-values.js';

export interface ErrorPath {
  readonly provider: ProviderInfo;
  /** The provider call whose failure the path handles, when known. */
  readonly call?: ProviderCall | undefined;
  /** The block or handler body that runs on failure. */
  readonly body: Node;
  /** The caught error's binding, when there is one (`catch (err)`, `.catch((err) => …)`). */
  readonly caught: TSESTree.Identifier | undefined;
  readonly form: 'catch' | 'promise-catch' | 'failure-branch';
  /** For the rest of a block after `if (res.ok) return …;`: the `if`; the path is what follows it. */
  readonly after?: Node;
  /** Taken on a flag of a wrapper's failure object (`if (!result.ok)`, see `failureFlagTest`). */
  readonly flag?: boolean;
}

type Polarity = 'failure' | 'success' | undefined;

function flip(p: Polarity): Polarity {
  return p === 'failure' ? 'success' : p === 'success' ? 'failure' : undefined;
}

/** Does a condition hold when the provider response failed, or when it succeeded? */
function polarity(analysis: FileAnalysis, node: Node, flags = true): { polarity: Polarity; provider?: ProviderInfo; call?: ProviderCall | undefined; flag?: boolean } {
  const current = skipTransparent(node);
  if (current.type === AST_NODE_TYPES.UnaryExpression && current.operator === '!') {
    const inner = polarity(analysis, current.argument, flags);
    return { ...inner, polarity: flip(inner.polarity) };
  }
  if (current.type === AST_NODE_TYPES.LogicalExpression) {
    const left = polarity(analysis, current.left, flags);
    const right = polarity(analysis, current.right, flags);
    if (current.operator === '||') return left.polarity === 'failure' ? left : right.polarity === 'failure' ? right : { polarity: undefined };
    return left.polarity ? left : right;
  }
  if (current.type === AST_NODE_TYPES.BinaryExpression) {
    if (current.operator === 'in') {
      const kind = analysis.kindOf(current.right);
      const field = staticValue(analysis, current.left);
      return kind?.k === 'body' && field === kind.provider.codePath[0] ? { polarity: 'failure', provider: kind.provider, call: kind.call } : { polarity: undefined };
    }
    const status = statusTestOf(analysis, current);
    if (status && status.node === current) {
      const failing = status.ranges.every(([lo]) => lo >= 400);
      const succeeding = status.ranges.every(([, hi]) => hi < 400);
      const p: Polarity = failing ? 'failure' : succeeding ? 'success' : undefined;
      return { polarity: current.operator === '!==' || current.operator === '!=' ? flip(p) : p, provider: status.provider, call: analysis.statusOf(status.node.type === AST_NODE_TYPES.BinaryExpression ? status.node.left : status.node)?.call };
    }
    // `body.isSuccess === false`
    for (const [side, other] of [
      [current.left, current.right],
      [current.right, current.left],
    ] as const) {
      const kind = analysis.kindOf(side);
      const value = staticValue(analysis, other);
      if (kind && typeof value === 'boolean' && (current.operator === '===' || current.operator === '==' || current.operator === '!==' || current.operator === '!=')) {
        const base = truthPolarity(kind);
        const p = value ? base : flip(base);
        return { polarity: current.operator.startsWith('!') ? flip(p) : p, provider: kind.provider, call: kind.call };
      }
    }
    return { polarity: undefined };
  }
  const kind = analysis.kindOf(current);
  if (kind) return { polarity: truthPolarity(kind), provider: kind.provider, call: kind.call };
  // `result.ok` where a wrapper gives its failures back as `{ ok: false, … }`
  const flagged = flags ? failureFlagTest(analysis, current) : undefined;
  return flagged ? { polarity: 'success', provider: flagged.provider, call: flagged, flag: true } : { polarity: undefined };
}

/** What a value being truthy says: `res.ok` → success; `body.error` → failure. */
function truthPolarity(kind: Kind): Polarity {
  if (kind.k === 'ok') return 'success';
  if (kind.k !== 'body' || kind.path.length === 0) return undefined;
  const flag = kind.provider.successFlagPath;
  if (flag && kind.path.join('.') === flag.join('.')) return 'success';
  if (kind.path[0] === kind.provider.codePath[0]) return 'failure';
  // a field only a success has (`data.messages[0].id`, `body.url`): its absence is the failure
  return kind.call ? 'success' : undefined;
}

/** Does a condition hold when the provider call failed (or when it succeeded)? */
export function failurePolarity(analysis: FileAnalysis, test: Node): Polarity {
  return polarity(analysis, test).polarity;
}

/**
 * Does `scope` throw when a provider call fails: a `throw` (or a call of a
 * function that always throws) in a failure branch (`if (!res.ok)`, `if
 * (body.error)`, the else of `if (res.ok)`, a wrapper's failure flag when
 * its failure objects keep the code)? A throw for another reason (a missing
 * setting, a validation of the input) is not a failed send.
 */
export function throwsOnFailure(analysis: FileAnalysis, scope: Node): boolean {
  return someThrow(analysis, scope, (node) => inFailureBranch(analysis, node, scope));
}

/** Is there a `throw` (or a call of a function that always throws) in `scope`, outside nested functions, that `accept`s? */
function someThrow(analysis: FileAnalysis, scope: Node, accept: (node: Node) => boolean): boolean {
  let found = false;
  let executors = 0;
  walkNodes(scope, analysis.sourceCode.visitorKeys, (node) => {
    if (found) return 'stop';
    if (isFunction(node) && node !== scope) {
      // a promise made by hand that `scope` returns or awaits: rejected from anywhere in its executor's callbacks
      if (isPromiseExecutor(node) && executors++ < MAX_EXECUTORS) found = someNode(node, analysis.sourceCode.visitorKeys, (inner) => isPromiseReject(inner, analysis.sourceCode) && accept(inner));
      return false;
    }
    const throwing = node.type === AST_NODE_TYPES.ThrowStatement || (node.type === AST_NODE_TYPES.CallExpression && alwaysThrows(analysis, node));
    if (throwing && accept(node)) found = true;
    return undefined;
  });
  return found;
}

/**
 * Does `scope` throw on every failed response: a `throw` under a test that
 * holds for any failure (`if (!res.ok)`, `if (body.error)`, `if (res.status
 * >= 400)`, or the else of `if (res.ok)`)? A throw for one status only (`if
 * (res.status === 401)`) lets the other failures through.
 */
export function throwsOnEveryFailure(analysis: FileAnalysis, scope: Node): boolean {
  return someThrow(analysis, scope, (node) => underFailure(node, scope, (test) => everyFailure(analysis, test)));
}

/**
 * Is `node` on the failure side of an `if` within `scope`, by `polarity`
 * (what the test says when true): the consequent of a test that holds on a
 * failure, or the `else` of one that holds only on a success?
 */
export function underFailure(node: Node, scope: Node, polarity: (test: Node) => Polarity): boolean {
  for (let current: Node = node; current !== scope && current.parent; current = current.parent) {
    const parent: Node = current.parent;
    if (parent.type !== AST_NODE_TYPES.IfStatement || parent.test === current) continue;
    const p = polarity(parent.test);
    if ((parent.consequent === current && p === 'failure') || (parent.alternate === current && p === 'success')) return true;
  }
  return false;
}

/** `'failure'` for a test that holds on every failed response, `'success'` for one that holds only on a success. */
function everyFailure(analysis: FileAnalysis, test: Node): Polarity {
  const current = skipTransparent(test);
  if (current.type === AST_NODE_TYPES.UnaryExpression && current.operator === '!') return flip(everyFailure(analysis, current.argument));
  if (current.type === AST_NODE_TYPES.LogicalExpression) {
    const sides = [everyFailure(analysis, current.left), everyFailure(analysis, current.right)];
    if (current.operator === '||') return sides.includes('failure') ? 'failure' : undefined;
    return current.operator === '&&' && sides.includes('success') ? 'success' : undefined;
  }
  if (current.type === AST_NODE_TYPES.BinaryExpression) {
    const status = statusTestOf(analysis, current);
    if (!status || status.node !== current) return undefined;
    const succeeding = status.ranges.every(([, hi]) => hi < 400);
    const allFailures = status.ranges.some(([lo, hi]) => lo <= 400 && hi >= 599);
    const p: Polarity = succeeding ? 'success' : allFailures ? 'failure' : undefined;
    return current.operator === '!==' || current.operator === '!=' ? (p === 'success' ? 'failure' : undefined) : p;
  }
  const kind = analysis.kindOf(current);
  if (kind?.k === 'ok') return 'success';
  return kind?.k === 'body' && kind.path.length > 0 && kind.path[0] === kind.provider.codePath[0] ? 'failure' : undefined;
}

function inFailureBranch(analysis: FileAnalysis, node: Node, scope: Node): boolean {
  for (let current: Node = node; current !== scope && current.parent; current = current.parent) {
    const parent: Node = current.parent;
    if (parent.type !== AST_NODE_TYPES.IfStatement && parent.type !== AST_NODE_TYPES.ConditionalExpression) continue;
    if (parent.test === current) continue;
    const tested = polarity(analysis, parent.test);
    // a wrapper's failure flag: a failure whose code is thrown on only when the wrapper's failure objects keep it
    const p = tested.flag && !(tested.call && failureObjectsKeepCode(tested.call)) ? undefined : tested.polarity;
    if ((parent.consequent === current && p === 'failure') || (parent.alternate === current && p === 'success')) return true;
  }
  return false;
}

/** Does `node` leave by throwing: a `throw`, a call of a function that always throws, a `reject(…)` of a promise made by hand (see `isPromiseReject`)? */
export function throwsHere(analysis: FileAnalysis, node: Node): node is TSESTree.ThrowStatement | TSESTree.CallExpression {
  return node.type === AST_NODE_TYPES.ThrowStatement || (node.type === AST_NODE_TYPES.CallExpression && (alwaysThrows(analysis, node) || isPromiseReject(node, analysis.sourceCode)));
}

const throwers = new WeakMap<Node, boolean>();

/** A call of a function (this file's or an imported one) whose body ends in a `throw` and never returns: `fail(msg): never`. */
export function alwaysThrows(analysis: FileAnalysis, call: TSESTree.CallExpression): boolean {
  const callee = calleeFunction(analysis, call.callee);
  if (!callee) return false;
  const fn = callee.fn;
  let known = throwers.get(fn);
  if (known === undefined) {
    const last = fn.body.type === AST_NODE_TYPES.BlockStatement ? fn.body.body.at(-1) : undefined;
    // a function that also returns (a send that calls itself again before it gives up: `if (attempt < 3) return
    // send(…, attempt + 1); throw data.error`) does not always throw
    known = last?.type === AST_NODE_TYPES.ThrowStatement && !someNode(fn.body, analysis.sourceCode.visitorKeys, (node) => node.type === AST_NODE_TYPES.ReturnStatement, (node) => isFunction(node));
    throwers.set(fn, known);
  }
  return known;
}

const cache = new WeakMap<FileAnalysis, readonly ErrorPath[]>();

export function errorPaths(analysis: FileAnalysis): readonly ErrorPath[] {
  let found = cache.get(analysis);
  if (found) return found;
  const base = basePaths(analysis);
  // tests of a wrapper's failure flag: only where a wrapper gives its failures back as objects
  const flagged = analysis.calls.some((call) => {
    const target = call.wrapper ? { analysis, fn: call.wrapper } : call.external;
    return !!target && failureValueOf(target.analysis, target.fn, 0, true) === 'a failure object';
  });
  found = flagged ? [...base, ...findPaths(analysis, true).filter((path) => path.flag)] : base;
  cache.set(analysis, found);
  return found;
}

const baseCache = new WeakMap<FileAnalysis, readonly ErrorPath[]>();

/** The error paths other than those taken on a wrapper's failure flag (see `failureFlagTest`). */
export function basePaths(analysis: FileAnalysis): readonly ErrorPath[] {
  let found = baseCache.get(analysis);
  if (!found) baseCache.set(analysis, (found = findPaths(analysis, false)));
  return found;
}

function findPaths(analysis: FileAnalysis, flags: boolean): ErrorPath[] {
  const found: ErrorPath[] = [];
  const seen = new Set<Node>();
  for (const call of analysis.calls) {
    // try { await send() } catch (err) { … }
    const tryStatement = innermostTry(call.node, analysis.sourceCode.ast);
    if (tryStatement?.handler && !seen.has(tryStatement.handler) && rejectsOnError(analysis, call, tryStatement.block)) {
      seen.add(tryStatement.handler);
      const param = tryStatement.handler.param;
      found.push({ provider: call.provider, call, body: tryStatement.handler.body, caught: param?.type === AST_NODE_TYPES.Identifier ? param : undefined, form: 'catch' });
    }
    // send().catch((err) => …)
    let outer: Node = call.node;
    while (outer.parent?.type === AST_NODE_TYPES.MemberExpression && outer.parent.object === outer && outer.parent.parent?.type === AST_NODE_TYPES.CallExpression) {
      const chained: TSESTree.CallExpression = outer.parent.parent;
      const method = memberName(outer.parent);
      const handler = method === 'catch' ? chained.arguments[0] : method === 'then' ? chained.arguments[1] : undefined;
      const fn = handler && skipTransparent(handler);
      if (fn && isFunction(fn) && !seen.has(fn) && rejectsOnError(analysis, call, call.node)) {
        seen.add(fn);
        const param = fn.params[0];
        found.push({ provider: call.provider, call, body: fn.body, caught: param?.type === AST_NODE_TYPES.Identifier ? param : undefined, form: 'promise-catch' });
      }
      outer = chained;
    }
  }
  // if (!res.ok) { … }
  walkNodes(analysis.sourceCode.ast, analysis.sourceCode.visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.IfStatement) return;
    const { polarity: p, provider, call, flag } = polarity(analysis, node.test, flags);
    const branch = p === 'failure' ? node.consequent : p === 'success' ? node.alternate : null;
    const flagged = flag ? { flag: true } : {};
    if (provider && branch && !seen.has(branch)) {
      seen.add(branch);
      found.push({ provider, call, body: branch, caught: undefined, form: 'failure-branch', ...flagged });
    }
    // `if (res.ok) return res.json();` with no else: what follows runs on failure
    const block = node.parent;
    if (provider && p === 'success' && !node.alternate && exits(node.consequent) && (block?.type === AST_NODE_TYPES.BlockStatement || block?.type === AST_NODE_TYPES.Program)) {
      found.push({ provider, call, body: block, caught: undefined, form: 'failure-branch', after: node, ...flagged });
    }
  });
  return found;
}

/**
 * Inside an error path, has a branch already singled out one documented code
 * (`if (code === 131047)`, `case 'logged_out':`, a status that maps to one
 * code)? Then the decision was made on the code.
 */
export function decidedOnCode(analysis: FileAnalysis, node: Node, root: Node): boolean {
  for (let current: Node | undefined = node; current && current !== root; current = current.parent) {
    const parent: Node | undefined = current.parent;
    if (parent?.type === AST_NODE_TYPES.IfStatement && parent.consequent === current) {
      if (singlesOutCode(analysis, parent.test)) return true;
    }
    if (parent?.type === AST_NODE_TYPES.SwitchCase && parent.test && codeComparisonsOf(analysis, parent).length > 0) return true;
    if (parent?.type === AST_NODE_TYPES.SwitchCase && parent.test && parent.parent.type === AST_NODE_TYPES.SwitchStatement) {
      const status = statusTestOf(analysis, parent);
      if (status && status.provider.entriesForStatuses(status.ranges).length === 1) return true;
    }
  }
  // the branch's own test: `if (body.error && body.error.code === 131047)`, `if (res.status === 402)`
  const holder = root.parent;
  return holder?.type === AST_NODE_TYPES.IfStatement && holder.consequent === root && singlesOutCode(analysis, holder.test);
}

function singlesOutCode(analysis: FileAnalysis, test: Node): boolean {
  const current = skipTransparent(test);
  if (current.type === AST_NODE_TYPES.LogicalExpression && current.operator === '&&') return singlesOutCode(analysis, current.left) || singlesOutCode(analysis, current.right);
  if (current.type === AST_NODE_TYPES.BinaryExpression && (current.operator === '===' || current.operator === '==')) {
    if (codeComparisonsOf(analysis, current).length > 0) return true;
    const status = statusTestOf(analysis, current);
    return !!status && status.provider.entriesForStatuses(status.ranges).length === 1;
  }
  if (current.type === AST_NODE_TYPES.CallExpression) return codeComparisonsOf(analysis, current).length > 0;
  return false;
}

/**
 * Is `classRef` the class of the provider errors that reach `value` (a caught
 * error): an HTTP client's error class (`AxiosError`, ky's or got's
 * `HTTPError`), or a class that the code behind the `try` throws on a failed
 * response (`if (!res.ok) throw new WhatsAppError(body)` in the `try` block or
 * in a wrapper it calls)? Any other class (a job engine's
 * `NonRetriableError`, the project's `ValidationError`) says nothing about
 * whether the error came from the provider.
 */
export function isProviderErrorClass(analysis: FileAnalysis, classRef: Node, value: Node): boolean {
  if (isClientError(analysis, classRef)) return true;
  const ref = skipTransparent(classRef);
  const name = ref.type === AST_NODE_TYPES.Identifier ? ref.name : ref.type === AST_NODE_TYPES.MemberExpression ? memberName(ref) : undefined;
  if (typeof name !== 'string') return false;
  const caught = skipTransparent(value);
  const def = caught.type === AST_NODE_TYPES.Identifier ? findVariable(analysis.sourceCode, caught)?.defs[0] : undefined;
  if (def?.type === 'CatchClause') {
    const tryStatement = (def.node as TSESTree.CatchClause).parent;
    if (tryStatement.type !== AST_NODE_TYPES.TryStatement || !failureClassesIn(analysis, tryStatement.block, 0).has(name)) return false;
    // the class is the provider's error only when no provider call in the `try` lets the client's own error out
    const block = tryStatement.block;
    return !analysis.calls.some((call) => call.node.range[0] >= block.range[0] && call.node.range[1] <= block.range[1] && rawErrorsEscape(analysis, call, 0));
  }
  // `.catch((err) => …)`: what the call's wrapper throws
  const call = analysis.kindOf(value)?.call;
  return !!call && failureClassesIn(analysis, call.node, 0).has(name);
}

/** JavaScript's error classes whose first argument is the message, as text (not `AggregateError`, whose first is the errors). */
export const TEXT_ERROR_CLASSES: ReadonlySet<string> = new Set(['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError']);

/** JavaScript's own error classes: what `new Error(…)` and a failed `fetch` throw. */
const BUILTIN_ERRORS = new Set([...TEXT_ERROR_CLASSES, 'AggregateError', 'DOMException']);

/** The packages whose errors an HTTP client throws (on an HTTP error or a failed connection). */
const CLIENT_MODULES: Partial<Record<ClientFamily, readonly string[]>> = {
  fetch: ['node-fetch', 'undici', 'cross-fetch'],
  'undici-request': ['undici'],
  axios: ['axios'],
  got: ['got'],
  ky: ['ky', 'ky-universal'],
  ofetch: ['ofetch', 'ohmyfetch'],
  superagent: ['superagent'],
};

/** Where a name is bound at the top of a file: the module it is imported from, `'local'` for a declaration, `undefined` when unbound. */
function topLevelBinding(analysis: FileAnalysis, name: string): string | undefined {
  for (const statement of analysis.sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      if (statement.specifiers.some((spec) => spec.local.name === name)) return statement.source.value;
      continue;
    }
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
    if (declaration?.type === AST_NODE_TYPES.ClassDeclaration && declaration.id?.name === name) return 'local';
    if (declaration?.type === AST_NODE_TYPES.VariableDeclaration && declaration.declarations.some((d) => d.id.type === AST_NODE_TYPES.Identifier && d.id.name === name)) return 'local';
  }
  return undefined;
}

/**
 * Is `classRef` a class that no provider failure reaching `value` (a caught
 * error) can be an instance of? It is imported from a module (an ORM's
 * `EntityNotFoundError`, a validation library's error), and everything the
 * `try` lets out on a failure is of other origin: the classes its error paths
 * and wrappers throw are JavaScript's own (`throw new Error(…)` after `!res.ok`)
 * or imported from other modules, and an HTTP client's own error that escapes
 * comes from that client's package. Then `if (err instanceof
 * EntityNotFoundError)` is taken only by errors that carry no provider code. A
 * class of this file, one a wrapper of another file throws, or an SDK's error
 * leaves the question open (it may extend the class tested).
 */
export function isForeignErrorClass(analysis: FileAnalysis, classRef: Node, value: Node): boolean {
  const ref = skipTransparent(classRef);
  if (ref.type !== AST_NODE_TYPES.Identifier || isClientError(analysis, ref)) return false;
  const source = importOf(analysis, ref);
  if (!source) return false;
  const caught = skipTransparent(value);
  const def = caught.type === AST_NODE_TYPES.Identifier ? findVariable(analysis.sourceCode, caught)?.defs[0] : undefined;
  if (def?.type !== 'CatchClause') return false;
  const tryStatement = (def.node as TSESTree.CatchClause).parent;
  if (tryStatement.type !== AST_NODE_TYPES.TryStatement) return false;
  const block = tryStatement.block;
  for (const name of failureClassesIn(analysis, block, 0)) {
    const bound = topLevelBinding(analysis, name);
    if (name === ref.name || bound === 'local' || bound === source.module) return false;
    if (bound === undefined && !BUILTIN_ERRORS.has(name)) return false; // thrown in another file: of unknown origin here
  }
  const within = (node: Node) => node.range[0] >= block.range[0] && node.range[1] <= block.range[1];
  for (const call of analysis.calls) {
    if (!within(call.node) || !rawErrorsEscape(analysis, call, 0)) continue;
    const modules = call.request ? CLIENT_MODULES[call.request.family] : undefined;
    if (!modules || modules.includes(source.module)) return false;
  }
  return true;
}

/**
 * Is a failure of the provider calls in `block` only ever the HTTP client's
 * own error (axios's, fetch's): some call lets it out unconverted, no error
 * path there or in the wrappers on the way throws an error of the code's own
 * on a provider failure, and the file installs no interceptor? Then a field
 * that only the app's own errors carry is absent on it.
 */
export function onlyClientErrors(analysis: FileAnalysis, block: TSESTree.BlockStatement): boolean {
  if (/\binterceptors\b/.test(analysis.sourceCode.text) || failureClassesIn(analysis, block, 0).size > 0) return false;
  const within = (node: Node) => node.range[0] >= block.range[0] && node.range[1] <= block.range[1];
  return analysis.calls.some((call) => within(call.node) && rawErrorsEscape(analysis, call, 0));
}

const failureClasses = new WeakMap<Node, Set<string>>();

/**
 * The classes thrown on a provider failure (`throw new K(…)` in an error path)
 * inside `scope`, and inside the wrappers (same file or imported) that the
 * provider calls in `scope` go through.
 */
function failureClassesIn(analysis: FileAnalysis, scope: Node, depth: number): Set<string> {
  const known = failureClasses.get(scope);
  if (known) return known;
  const found = new Set<string>();
  failureClasses.set(scope, found); // recursion
  const within = (node: Node) => node.range[0] >= scope.range[0] && node.range[1] <= scope.range[1] && programOf(node) === programOf(scope);
  for (const path of errorPaths(analysis)) {
    if (!within(path.body)) continue;
    walkNodes(path.body, analysis.sourceCode.visitorKeys, (node) => {
      if (isFunction(node)) return false;
      if (node.type !== AST_NODE_TYPES.ThrowStatement) return undefined;
      const thrown = resolveExpression(analysis, node.argument);
      const callee = thrown.type === AST_NODE_TYPES.NewExpression ? skipTransparent(thrown.callee) : undefined;
      const name = callee?.type === AST_NODE_TYPES.Identifier ? callee.name : callee?.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
      if (typeof name === 'string') found.add(name);
      return undefined;
    });
  }
  if (depth < 3) {
    for (const call of analysis.calls) {
      if (!within(call.node)) continue;
      const target: { analysis: FileAnalysis; fn: FunctionNode } | undefined = call.wrapper ? { analysis, fn: call.wrapper } : call.external;
      if (target && target.fn !== scope) for (const name of failureClassesIn(target.analysis, target.fn, depth + 1)) found.add(name);
    }
  }
  return found;
}

const rawEscapes = new WeakMap<FunctionNode, boolean>();

/**
 * Can the HTTP client's own error (not one the code builds from it) leave a
 * provider call: a request whose client throws on HTTP errors, or a wrapper
 * in which such a request is not inside a `try` or `.catch(…)` of its own
 * (`return ky.get(url).json()`)? A wrapper that converts every failure
 * (`catch (e) { throw new WhatsAppError(e) }`) lets only its own class out.
 */
function rawErrorsEscape(analysis: FileAnalysis, call: ProviderCall, depth: number): boolean {
  if (call.request) return call.request.throwsOnHttpError;
  const target: { analysis: FileAnalysis; fn: FunctionNode } | undefined = call.wrapper ? { analysis, fn: call.wrapper } : call.external;
  if (!target || depth >= 4) return false;
  const { fn } = target;
  const known = rawEscapes.get(fn);
  if (known !== undefined) return known;
  rawEscapes.set(fn, false); // recursion
  const inside = (node: Node) => node.range[0] >= fn.range[0] && node.range[1] <= fn.range[1] && programOf(node) === programOf(fn);
  const found = target.analysis.calls.some((inner) => inside(inner.node) && !caughtWithin(inner.node, fn) && rawErrorsEscape(target.analysis, inner, depth + 1));
  rawEscapes.set(fn, found);
  return found;
}

/** Is `node` inside a `try` block with a `catch`, or a promise chain with a `.catch(…)` handler, within `fn`? */
function caughtWithin(node: Node, fn: FunctionNode): boolean {
  for (let current: Node = node; current !== fn && current.parent; current = current.parent) {
    const parent: Node = current.parent;
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === current && parent.handler) return true;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current && parent.parent.type === AST_NODE_TYPES.CallExpression) {
      const method = memberName(parent);
      if (method === 'catch' || (method === 'then' && parent.parent.arguments.length > 1)) return true;
    }
  }
  return false;
}

/** What stops a provider failure inside a wrapper, and which of its own throws let one out. */
interface EscapeTest {
  readonly cache: WeakMap<FunctionNode, boolean>;
  readonly stopped: (analysis: FileAnalysis, node: Node, fn: Node) => boolean;
  readonly letsOut: (analysis: FileAnalysis, node: Node) => boolean;
}

const ERRORS: EscapeTest = { cache: new WeakMap(), stopped: (a, n, fn) => swallowedWithin(a, n, fn), letsOut: () => true };
const CODES: EscapeTest = {
  cache: new WeakMap(),
  stopped: (a, n, fn) => swallowedWithin(a, n, fn) || codeDroppedWithin(a, n, fn),
  letsOut: (a, n) => throwCarries(a, n),
};

/**
 * One search of {@link escapesFrom}: the functions whose search is under way
 * (by the order they were entered), and those whose `false` depended on one
 * of them (a call back into a function still being searched, as in a flow
 * runner whose steps call the runner again).
 */
interface EscapeSearch {
  readonly open: Map<FunctionNode, number>;
  /** Functions found `false` while depending on an open one, in the order they finished. */
  readonly pending: FunctionNode[];
  /** The same functions, each with the place in `open` of the outermost function it depended on. */
  readonly unsettled: Map<FunctionNode, number>;
}

/** How many calls deep the search follows wrappers; a call past that is assumed to let its failures out (and that answer is not kept). */
const MAX_ESCAPE_DEPTH = 8;

/** How many promise executors a search for throws enters (a function that makes one per item is not walked for each). */
const MAX_EXECUTORS = 4;

function escapesFrom(analysis: FileAnalysis, call: ProviderCall, test: EscapeTest): boolean {
  return escapeSearch(analysis, call, test, 0, { open: new Map(), pending: [], unsettled: new Map() }).found;
}

/**
 * Is a call's promise dropped where it is made: a statement of its own or
 * `void`ed, or the value an arrow hands back to `forEach`, without `await`
 * (also at the end of a chain of `.then(onFulfilled)` and `.finally(…)`,
 * which rejects as the call does)? Its rejection then reaches neither a
 * `catch` around it nor the callers of the function it is made in. Only a
 * call that gives a promise: a request, or a call of an `async` function or
 * of one that returns a promise (a function that returns something else may
 * throw where it is called). `'void'` when a `void` drops it on purpose,
 * `'dropped'` otherwise.
 */
export function promiseDropped(analysis: FileAnalysis, call: ProviderCall): 'dropped' | 'void' | undefined {
  let outer: Node = call.node;
  for (;;) {
    outer = outermostWrapper(outer);
    // `send(…).then((m) => log(m.sid))`: the chain rejects as the call does, unless a handler takes the rejection;
    // `.done()` (Q's, in old Twilio samples) ends a chain and rethrows what no handler took
    const member: Node | undefined = outer.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== outer || member.property.type !== AST_NODE_TYPES.Identifier) break;
    const chained: Node | undefined = member.parent;
    if (chained?.type !== AST_NODE_TYPES.CallExpression || chained.callee !== member) break;
    const name = member.property.name;
    const passesRejection = name === 'finally' || ((name === 'then' || name === 'done') && chained.arguments.length < 2);
    if (!passesRejection) return undefined;
    outer = chained;
  }
  const parent = outer.parent;
  const dropped =
    parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void'
      ? 'void'
      : parent?.type === AST_NODE_TYPES.ExpressionStatement || (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === outer && isForEachCallback(parent))
        ? 'dropped'
        : undefined;
  if (!dropped || call.request) return dropped;
  const target = call.wrapper ? { analysis, fn: call.wrapper } : call.external;
  return target && (target.fn.async || target.analysis.returnKind(target.fn)?.k === 'promise') ? dropped : undefined;
}

/** `items.forEach((item) => send(item))`: what the arrow gives back is dropped. */
function isForEachCallback(fn: TSESTree.ArrowFunctionExpression): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return false;
  const callee = skipTransparent(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && callee.property.name === 'forEach';
}

/**
 * Does a provider failure leave the call? A call back into a function whose
 * search is under way lets out nothing of its own (whatever that function
 * lets out is found where it is searched): recursion alone is no escape.
 * A `false` that depended on such a function is kept only once the outermost
 * of the functions it depended on is found `false` too (all of them are then
 * `false`: a `true` below it would have made it `true`); `true` is kept,
 * unless it came only from a call past the depth limit, assumed to let its
 * failures out: searched from nearer, the same function may let out none.
 */
function escapeSearch(analysis: FileAnalysis, call: ProviderCall, test: EscapeTest, depth: number, search: EscapeSearch): { found: boolean; low: number; assumed?: boolean } {
  const settled = (found: boolean) => ({ found, low: Infinity });
  if (call.request) return settled(call.request.throwsOnHttpError);
  const target: { analysis: FileAnalysis; fn: FunctionNode } | undefined = call.wrapper ? { analysis, fn: call.wrapper } : call.external;
  if (!target) return settled(true); // a wrapper named in settings: assume it throws
  const { fn, analysis: own } = target;
  const known = test.cache.get(fn);
  if (known !== undefined) return settled(known);
  const entered = search.open.get(fn) ?? search.unsettled.get(fn);
  if (entered !== undefined) return { found: false, low: entered };
  const index = search.open.size;
  search.open.set(fn, index);
  const pendingBefore = search.pending.length;
  let low = Infinity;
  /** Found only by assuming that a call past the depth limit lets its failures out: not kept. */
  let assumed = false;
  const inside = (node: Node) => node.range[0] >= fn.range[0] && node.range[1] <= fn.range[1] && programOf(node) === programOf(fn);
  let found = own.calls.some((inner) => {
    // a promise dropped where it is made rejects into nothing: no caller of `fn` sees it
    if (!inside(inner.node) || promiseDropped(own, inner)) return false;
    if (depth >= MAX_ESCAPE_DEPTH) {
      assumed = !test.stopped(own, inner.node, fn);
      return assumed;
    }
    const result = escapeSearch(own, inner, test, depth + 1, search);
    if (result.found && test.stopped(own, inner.node, fn)) return false;
    // a call whose failure is stopped here passes on nothing this answer depends on
    if (!result.found && result.low < low && !test.stopped(own, inner.node, fn)) low = result.low;
    if (result.found) assumed = result.assumed === true;
    return result.found;
  });
  // `if (!res.ok) throw new WhatsAppError(body)` that no catch inside stops
  if (!found) {
    walkNodes(fn.body, own.sourceCode.visitorKeys, (node) => {
      if (found) return 'stop';
      const throwing = throwsHere(own, node);
      if (throwing && inFailureBranch(own, node, fn) && !test.stopped(own, node, fn) && test.letsOut(own, node)) found = true;
      return undefined;
    });
  }
  search.open.delete(fn);
  // what finished `false` below while depending on this function is `false` if this is; what depended on a
  // function further out waits for that one
  const waiting: FunctionNode[] = [];
  for (const other of search.pending.splice(pendingBefore)) {
    if (search.unsettled.get(other)! < index) waiting.push(other);
    else {
      search.unsettled.delete(other);
      if (!found) test.cache.set(other, false);
    }
  }
  search.pending.push(...waiting);
  if (found) {
    if (assumed) return { found: true, low: Infinity, assumed };
    test.cache.set(fn, true);
    return settled(true);
  }
  if (low >= index) {
    test.cache.set(fn, false);
    return settled(false);
  }
  search.pending.push(fn);
  search.unsettled.set(fn, low);
  return { found: false, low };
}

/**
 * Can a provider error leave the call as a rejection, so that a `catch`
 * around it sees the provider's code? A direct request rejects when its client
 * throws on HTTP errors. A wrapper (same file or imported) passes the error on
 * unless every provider failure inside it is caught by a `catch` (or
 * `.catch(…)`) that never throws: a function that logs the failed send and
 * goes on (`catch (e) { console.error(e); }`) lets only its other errors out.
 */
export function providerErrorsEscape(analysis: FileAnalysis, call: ProviderCall): boolean {
  return escapesFrom(analysis, call, ERRORS);
}

/**
 * Can the provider's code leave the call inside the error it rejects with?
 * As {@link providerErrorsEscape}, but a `catch` inside a wrapper whose every
 * throw drops the code (`throw new Error(e.response.data.error.message)`)
 * stops the code too: a caller catches an error that no longer has it, and
 * the wrapper's catch is where it was lost.
 */
export function providerCodeEscapes(analysis: FileAnalysis, call: ProviderCall): boolean {
  return escapesFrom(analysis, call, CODES);
}

/** Is what `node` rejects with caught inside `fn` by a `catch` whose every throw drops the provider's code? */
function codeDroppedWithin(analysis: FileAnalysis, node: Node, fn: Node): boolean {
  for (let current: Node = node; current !== fn && current.parent; current = current.parent) {
    const parent: Node = current.parent;
    if (parent.type !== AST_NODE_TYPES.TryStatement || parent.block !== current || !parent.handler) continue;
    let drops = true;
    walkNodes(parent.handler.body, analysis.sourceCode.visitorKeys, (n) => {
      if (!drops) return 'stop';
      if (isFunction(n)) return false;
      const throwing = n.type === AST_NODE_TYPES.ThrowStatement || (n.type === AST_NODE_TYPES.CallExpression && alwaysThrows(analysis, n));
      if (throwing && throwCarries(analysis, n)) drops = false;
      return undefined;
    });
    if (drops) return true;
  }
  return false;
}

/** Does a throw (or a call of an always-throwing helper) pass on the caught error, the code or the body? */
function throwCarries(analysis: FileAnalysis, node: Node): boolean {
  const values = node.type === AST_NODE_TYPES.ThrowStatement ? [node.argument] : node.type === AST_NODE_TYPES.CallExpression ? node.arguments : [];
  return values.length === 0 || values.some((value) => analysis.kindOf(skipTransparent(value)) !== undefined || carries(analysis, value));
}

/**
 * Can a `catch` see the provider's code: something in its `try` throws on a
 * failure, or rejects with the provider's error with its code still in it
 * (not a wrapper that already replaced it with an error of its own)? Never
 * for a request to a provider whose codes all arrive by webhook (Gupshup's
 * message events): its errors carry a status and a message, no code.
 */
export function catchGetsCode(analysis: FileAnalysis, path: ErrorPath): boolean {
  if (path.call && !path.provider.codesInResponses) return false;
  if (path.form === 'failure-branch') return true;
  const tryStatement = path.form === 'catch' ? path.body.parent?.parent : undefined;
  if (tryStatement?.type !== AST_NODE_TYPES.TryStatement) return !path.call || providerCodeEscapes(analysis, path.call);
  const block = tryStatement.block;
  if (throwsOnFailure(analysis, block)) return true;
  return analysis.calls.some((call) => call.node.range[0] >= block.range[0] && call.node.range[1] <= block.range[1] && providerCodeEscapes(analysis, call));
}

const thrownBodies = new WeakMap<FunctionNode, readonly (string | number)[] | null>();

/**
 * The part of the provider's error body a wrapper throws as it is on every
 * failure it throws on (`if (!res.ok) throw data.error`, `reject(parsed.error)`
 * in a promise made by hand, `throw body`): what a `catch` around its call
 * holds (`err.code` is then the code). `undefined` when a throw in a failure
 * branch throws something else (`new Error(…)`), or none throws there.
 */
export function thrownBodyPath(analysis: FileAnalysis, call: ProviderCall): readonly (string | number)[] | undefined {
  const target: { analysis: FileAnalysis; fn: FunctionNode } | undefined = call.wrapper ? { analysis, fn: call.wrapper } : call.external;
  if (!target) return undefined;
  const { fn, analysis: own } = target;
  const known = thrownBodies.get(fn);
  if (known !== undefined) return known ?? undefined;
  thrownBodies.set(fn, null); // recursion
  let path: readonly (string | number)[] | undefined;
  let other = false;
  const thrown = (node: Node) => {
    const value = thrownBy(own, node);
    if (!value || !inFailureBranch(own, node, fn)) return;
    const kind = own.kindOf(skipTransparent(value));
    if (kind?.k === 'body' && kind.call && (!path || (path.length === kind.path.length && path.every((step, i) => step === kind.path[i])))) path = kind.path;
    else other = true;
  };
  walkNodes(fn.body, own.sourceCode.visitorKeys, (node) => {
    if (other) return 'stop';
    if (isFunction(node) && node !== fn.body) {
      // a promise made by hand: its `reject(…)`, however deep in the executor's callbacks
      if (isPromiseExecutor(node)) walkNodes(node, own.sourceCode.visitorKeys, (inner) => void (isPromiseReject(inner, own.sourceCode) && thrown(inner)));
      return false;
    }
    if (node.type === AST_NODE_TYPES.ThrowStatement) thrown(node);
    return undefined;
  });
  const found = other ? undefined : path;
  thrownBodies.set(fn, found ?? null);
  return found;
}

/**
 * What an exit of an error path throws: a `throw`'s argument, or what a
 * promise made by hand is rejected with (`reject(new Error(…))`, see
 * `isPromiseReject`); `undefined` for any other exit.
 */
export function thrownBy(analysis: FileAnalysis, exit: Node): Node | undefined {
  if (exit.type === AST_NODE_TYPES.ThrowStatement) return exit.argument;
  const [value] = isPromiseReject(exit, analysis.sourceCode) ? exit.arguments : [];
  return value && value.type !== AST_NODE_TYPES.SpreadElement ? value : undefined;
}

/** Does a handler leave by throwing (`throw`, a call of an always-throwing helper), outside its nested functions? */
function handlerThrows(analysis: FileAnalysis, body: Node): boolean {
  let found = false;
  walkNodes(body, analysis.sourceCode.visitorKeys, (node) => {
    if (found) return 'stop';
    if (isFunction(node) && node !== body) return false;
    if (node.type === AST_NODE_TYPES.ThrowStatement || (node.type === AST_NODE_TYPES.CallExpression && alwaysThrows(analysis, node))) found = true;
    return undefined;
  });
  return found;
}

/** Is what `node` rejects (or throws) with caught inside `fn` (a function, or a `try` block) by a `catch` or `.catch(…)` handler that never throws? */
export function swallowedWithin(analysis: FileAnalysis, node: Node, fn: Node): boolean {
  for (let current: Node = node; current !== fn && current.parent; current = current.parent) {
    const parent: Node = current.parent;
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === current && parent.handler && !handlerThrows(analysis, parent.handler.body)) return true;
    // `send().catch(() => null)`
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === current && parent.parent.type === AST_NODE_TYPES.CallExpression) {
      const method = memberName(parent);
      const handler = method === 'catch' ? parent.parent.arguments[0] : method === 'then' ? parent.parent.arguments[1] : undefined;
      const fnHandler = handler && skipTransparent(handler);
      if (fnHandler && isFunction(fnHandler) && !handlerThrows(analysis, fnHandler.body)) return true;
    }
  }
  return false;
}
