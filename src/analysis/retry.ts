/**
 * Retries around provider calls — hand-written loops, recursion, retry
 * libraries, client retry options — and what their retry decision does with
 * each documented code. A decision is evaluated per catalog entry by walking
 * the error path: each condition is true, false, unknown for that code (an
 * attempt counter: both ways are possible), or opaque (it looks at the error
 * in a way this analysis cannot evaluate, such as an imported predicate).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { entryMatches } from '../catalog/lookup.js';
import type { ErrorEntry } from '../catalog/schema.js';
import { enclosingFunction, findProperty, findVariable, isFunction, memberName, skipTransparent, someNode, walkNodes, type FunctionNode, type Node, type VisitorKeys } from './ast.js';
import { clientOf, importOf } from './clients.js';
import type { FileAnalysis, ProviderCall } from './file.js';
import type { ProviderInfo } from './providers.js';
import { cockatielRetryOf, functionValue, libraryName, reached, type RetryLibrary } from './retry-libraries.js';
import { codeComparisonsOf, simpleStatusComparison, statusTestOf, type StatusRange } from './tests.js';
import { resolveExpression, staticList, staticValue, UNKNOWN } from './values.js';

/** What a retry decision looks at. */
export type DecisionBasis = 'nothing' | 'attempts' | 'status' | 'code' | 'classification' | 'opaque';
export type RetryVerdict = 'retried' | 'not-retried' | 'opaque';
/** How long the construct waits before re-sending. */
export type RetryDelay = 'none' | 'some' | 'provider-hint';

export interface RetryConstruct {
  readonly form: 'loop' | 'recursion' | 'library' | 'client-option';
  readonly library?: RetryLibrary | 'got' | 'ky';
  /** Where to report: the loop keyword's statement, the recursive call, the library call. */
  readonly node: Node;
  readonly provider: ProviderInfo;
  /** The provider calls the construct re-sends. */
  readonly calls: readonly ProviderCall[];
  verdict(entry: ErrorEntry): RetryVerdict;
  /** What the decision looked at, over all codes. */
  basis(): DecisionBasis;
  readonly delay: RetryDelay;
  /** The code that runs again on each attempt (a loop body, the retried function). */
  readonly region: Node;
  /** Does the construct re-send after a network error (no response at all)? That is when a lost response can double a send. */
  resendsOnNetworkError(): boolean;
}

/** A pseudo entry for an error with no response: no code, no status, `err.response` unset. */
export const NETWORK_ERROR: ErrorEntry = { code: '\u0000network', httpStatus: [], title: 'network error', remedy: '', retry: 'never', source: '' };

type Truth = 'T' | 'F' | 'U' | 'O';
type Outcome = 'retry' | 'stop' | 'opaque' | 'next';

const not = (t: Truth): Truth => (t === 'T' ? 'F' : t === 'F' ? 'T' : t);
const and = (a: Truth, b: Truth): Truth => (a === 'F' || b === 'F' ? 'F' : a === 'T' && b === 'T' ? 'T' : a === 'O' || b === 'O' ? 'O' : 'U');
const or = (a: Truth, b: Truth): Truth => (a === 'T' || b === 'T' ? 'T' : a === 'F' && b === 'F' ? 'F' : a === 'O' || b === 'O' ? 'O' : 'U');

const HTTP_ERROR_CLASSES = new Set(['HTTPError', 'AxiosError', 'FetchError', 'HttpError', 'ResponseError']);
const DELAY_CALLEE = /^(sleep|delay|wait|pause|backoff|setTimeout|timeout|setTimeoutPromise)$|(Sleep|Delay|Backoff|Wait|Timeout)$/;
const CATALOG_MODULE = 'eslint-plugin-whatsapp-errors/catalog';
const RETRYABLE_CLASSES = new Set(['transient', 'rate-limit']);

interface Walk {
  readonly analysis: FileAnalysis;
  readonly entry: ErrorEntry;
  readonly provider: ProviderInfo;
  /** Calls that re-send (a recursive call, promise-retry's `retry(err)`). */
  readonly isRetryCall: (call: TSESTree.CallExpression) => boolean;
  /** Calls that give up (async-retry's `bail(err)`). */
  readonly isStopCall: (call: TSESTree.CallExpression) => boolean;
  /** What a `throw` means here: the error leaves (`stop`) or the library retries it (`retry`, p-retry unless `AbortError`). */
  readonly onThrow: (statement: TSESTree.ThrowStatement) => Outcome;
  /** What a `return` means; by default it re-sends when its value calls a retry call, else stops. */
  readonly onReturn?: (statement: TSESTree.ReturnStatement) => Set<Outcome>;
  /** Inside a loop, `continue` retries and `break` stops. */
  readonly inLoop: boolean;
  readonly basis: Set<DecisionBasis>;
}

/** The truth of a condition for the code being walked. */
function evaluate(walk: Walk, node: Node): Truth {
  const { analysis, entry } = walk;
  const current = skipTransparent(node);
  switch (current.type) {
    case AST_NODE_TYPES.Literal:
      return current.value ? 'T' : 'F';
    case AST_NODE_TYPES.UnaryExpression:
      return current.operator === '!' ? not(evaluate(walk, current.argument)) : opaqueOrUnknown(walk, current);
    case AST_NODE_TYPES.LogicalExpression:
      if (current.operator === '&&') return and(evaluate(walk, current.left), evaluate(walk, current.right));
      if (current.operator === '||') return or(evaluate(walk, current.left), evaluate(walk, current.right));
      return opaqueOrUnknown(walk, current);
    case AST_NODE_TYPES.BinaryExpression: {
      const [comparison] = codeComparisonsOf(analysis, current);
      if (comparison) {
        walk.basis.add('code');
        const matches = valueMatches(entry, comparison.value);
        return current.operator.startsWith('!') ? not(matches) : matches;
      }
      const classified = classificationComparison(walk, current);
      if (classified) return classified;
      const status = simpleStatusComparison(analysis, current);
      if (status) {
        walk.basis.add('status');
        const matches = statusMatches(entry, [status.range]);
        return current.operator === '!==' || current.operator === '!=' ? not(matches) : matches;
      }
      if (current.operator === 'instanceof' && current.right.type === AST_NODE_TYPES.Identifier && mentionsProvider(walk, current.left)) {
        return HTTP_ERROR_CLASSES.has(current.right.name) ? 'T' : 'O';
      }
      return opaqueOrUnknown(walk, current);
    }
    case AST_NODE_TYPES.CallExpression: {
      const comparisons = codeComparisonsOf(analysis, current);
      if (comparisons.length > 0) {
        walk.basis.add('classification');
        return comparisons.some((c) => valueMatches(entry, c.value) === 'T') ? 'T' : comparisons.some((c) => valueMatches(entry, c.value) === 'U') ? 'U' : 'F';
      }
      const status = statusTestOf(analysis, current);
      if (status) {
        walk.basis.add('status');
        return statusMatches(entry, status.ranges);
      }
      const helper = catalogHelper(walk, current);
      if (helper === 'isRetryable') {
        walk.basis.add('classification');
        return entry !== NETWORK_ERROR && RETRYABLE_CLASSES.has(entry.retry) ? 'T' : 'F';
      }
      const callee = skipTransparent(current.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'isAxiosError') return 'T';
      return opaqueOrUnknown(walk, current);
    }
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression: {
      const kind = analysis.kindOf(current);
      if (!kind) return opaqueOrUnknown(walk, current);
      if (walk.entry === NETWORK_ERROR) return kind.k === 'error' ? 'T' : 'F';
      if (kind.k === 'ok') return 'F';
      if (kind.k === 'body' && kind.provider.successFlagPath && kind.path.join('.') === kind.provider.successFlagPath.join('.')) return 'F';
      return 'T';
    }
    default:
      return opaqueOrUnknown(walk, current);
  }
}

/** `retryClassOf(p, code) === 'transient'` */
function classificationComparison(walk: Walk, node: TSESTree.BinaryExpression): Truth | undefined {
  if (!['===', '==', '!==', '!='].includes(node.operator)) return undefined;
  for (const [call, other] of [
    [node.left, node.right],
    [node.right, node.left],
  ] as const) {
    const inner = skipTransparent(call);
    if (inner.type !== AST_NODE_TYPES.CallExpression || catalogHelper(walk, inner) !== 'retryClassOf') continue;
    const value = staticValue(walk.analysis, other);
    if (typeof value !== 'string') return undefined;
    walk.basis.add('classification');
    const matches: Truth = walk.entry !== NETWORK_ERROR && walk.entry.retry === value ? 'T' : 'F';
    return node.operator.startsWith('!') ? not(matches) : matches;
  }
  return undefined;
}

function catalogHelper(walk: Walk, call: TSESTree.CallExpression): string | undefined {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const source = importOf(walk.analysis, callee);
  return source?.module === CATALOG_MODULE ? source.name : undefined;
}

function valueMatches(entry: ErrorEntry, value: unknown): Truth {
  if (typeof entry.code === 'string' && entry.code.startsWith('*')) return entryMatches(entry, value) ? 'U' : 'F';
  if (entryMatches(entry, value)) return 'T';
  // a range entry (Meta 200–299) matches one of its values only
  return entry.rangeEnd !== undefined && typeof value === 'number' && value >= (entry.code as number) && value <= entry.rangeEnd ? 'U' : 'F';
}

/** Codes with no documented status never match a status test: nothing can be said of them. */
function statusMatches(entry: ErrorEntry, ranges: readonly StatusRange[]): Truth {
  const inside = entry.httpStatus.filter((s) => ranges.some(([lo, hi]) => s >= lo && s <= hi));
  if (inside.length === 0) return 'F';
  return inside.length === entry.httpStatus.length ? 'T' : 'U';
}

function mentionsProvider(walk: Walk, node: Node): boolean {
  return someNode(node, walk.analysis.sourceCode.visitorKeys, (n) => (n.type === AST_NODE_TYPES.Identifier || n.type === AST_NODE_TYPES.MemberExpression) && !!walk.analysis.kindOf(n));
}

function opaqueOrUnknown(walk: Walk, node: Node): Truth {
  if (mentionsProvider(walk, node)) {
    walk.basis.add('opaque');
    return 'O';
  }
  walk.basis.add('attempts');
  return 'U';
}

/** Calls inside a statement (not inside nested functions, except a `setTimeout` or `.catch` callback). */
function callsIn(node: Node, visitorKeys: VisitorKeys): TSESTree.CallExpression[] {
  const found: TSESTree.CallExpression[] = [];
  walkNodes(node, visitorKeys, (n) => {
    if (n.type === AST_NODE_TYPES.CallExpression) found.push(n);
    if (!isFunction(n) || n === node) return undefined;
    const parent = n.parent;
    const timer = parent?.type === AST_NODE_TYPES.CallExpression && parent.callee.type === AST_NODE_TYPES.Identifier && parent.callee.name === 'setTimeout';
    const catcher = parent?.type === AST_NODE_TYPES.CallExpression && parent.callee.type === AST_NODE_TYPES.MemberExpression && memberName(parent.callee) === 'catch';
    // `await new Promise((resolve) => setTimeout(resolve, ms))`
    const promise = parent?.type === AST_NODE_TYPES.NewExpression && parent.callee.type === AST_NODE_TYPES.Identifier && parent.callee.name === 'Promise';
    return timer || catcher || promise;
  });
  return found;
}

function set(...outcomes: Outcome[]): Set<Outcome> {
  return new Set(outcomes);
}

function sameSet(a: Set<Outcome>, b: Set<Outcome>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/** Runs a statement list; `onEnd` gives what happens when control falls off its end. */
function runList(walk: Walk, statements: readonly TSESTree.Statement[], onEnd: () => Set<Outcome>): Set<Outcome> {
  const result = new Set<Outcome>();
  for (const statement of statements) {
    const effects = runStatement(walk, statement);
    for (const effect of effects) if (effect !== 'next') result.add(effect);
    if (!effects.has('next')) return result;
  }
  for (const outcome of onEnd()) result.add(outcome);
  return result;
}

function branch(walk: Walk, truth: Truth, whenTrue: () => Set<Outcome>, whenFalse: () => Set<Outcome>): Set<Outcome> {
  if (truth === 'T') return whenTrue();
  if (truth === 'F') return whenFalse();
  const a = whenTrue();
  const b = whenFalse();
  if (truth === 'O') return sameSet(a, b) ? a : set('opaque');
  return new Set([...a, ...b]);
}

function runStatement(walk: Walk, statement: TSESTree.Statement): Set<Outcome> {
  const keys = walk.analysis.sourceCode.visitorKeys;
  switch (statement.type) {
    case AST_NODE_TYPES.ThrowStatement:
      return set(walk.onThrow(statement));
    case AST_NODE_TYPES.ReturnStatement: {
      if (walk.onReturn) return walk.onReturn(statement);
      return statement.argument ? runExpression(walk, statement.argument) : set('stop');
    }
    case AST_NODE_TYPES.ContinueStatement:
      return set(walk.inLoop ? 'retry' : 'next');
    case AST_NODE_TYPES.BreakStatement:
      return set(walk.inLoop && !statement.label ? 'stop' : 'next');
    case AST_NODE_TYPES.BlockStatement:
      return runList(walk, statement.body, () => set('next'));
    case AST_NODE_TYPES.IfStatement:
      return branch(
        walk,
        evaluate(walk, statement.test),
        () => runStatement(walk, statement.consequent),
        () => (statement.alternate ? runStatement(walk, statement.alternate) : set('next')),
      );
    case AST_NODE_TYPES.SwitchStatement:
      return runSwitch(walk, statement);
    case AST_NODE_TYPES.TryStatement:
      return runList(walk, [...statement.block.body, ...(statement.finalizer?.body ?? [])], () => set('next'));
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.ClassDeclaration:
      return set('next');
    default: {
      const calls = callsIn(statement, keys);
      if (calls.some(walk.isStopCall)) return set('stop');
      if (calls.some(walk.isRetryCall)) return set('retry');
      return set('next');
    }
  }
}

/** An expression that may re-send: `cond ? send() : Promise.reject(err)`, `cond && send()`, `send()`. */
function runExpression(walk: Walk, node: Node): Set<Outcome> {
  const current = skipTransparent(node);
  if (current.type === AST_NODE_TYPES.ConditionalExpression) {
    return branch(walk, evaluate(walk, current.test), () => runExpression(walk, current.consequent), () => runExpression(walk, current.alternate));
  }
  if (current.type === AST_NODE_TYPES.LogicalExpression && (current.operator === '&&' || current.operator === '||')) {
    const truth = evaluate(walk, current.left);
    return current.operator === '&&'
      ? branch(walk, truth, () => runExpression(walk, current.right), () => set('stop'))
      : branch(walk, truth, () => set('stop'), () => runExpression(walk, current.right));
  }
  if (current.type === AST_NODE_TYPES.AwaitExpression) return runExpression(walk, current.argument);
  const calls = callsIn(current, walk.analysis.sourceCode.visitorKeys);
  if (calls.some(walk.isStopCall)) return set('stop');
  return set(calls.some(walk.isRetryCall) ? 'retry' : 'stop');
}

function runSwitch(walk: Walk, statement: TSESTree.SwitchStatement): Set<Outcome> {
  const inner: Walk = { ...walk, inLoop: false };
  const fromCase = (index: number): Set<Outcome> => {
    const statements = statement.cases.slice(index).flatMap((c) => c.consequent);
    const result = runListUntilBreak(inner, statements);
    // `continue` inside a switch inside a loop still continues the loop
    return result;
  };
  const discriminantIsCode = walk.analysis.codeOf(statement.discriminant);
  if (discriminantIsCode) walk.basis.add('code');
  const matches: number[] = [];
  let fallback = statement.cases.findIndex((c) => c.test === null);
  statement.cases.forEach((c, i) => {
    if (!c.test) return;
    const value = staticValue(walk.analysis, c.test);
    const truth: Truth = !discriminantIsCode || value === UNKNOWN ? 'U' : valueMatches(walk.entry, value);
    if (truth !== 'F') matches.push(i);
    if (truth === 'T') fallback = -2; // a definite match: default not reached
  });
  const result = new Set<Outcome>();
  for (const index of matches) for (const o of fromCase(index)) result.add(o);
  if (fallback >= 0) for (const o of fromCase(fallback)) result.add(o);
  if (fallback === -1 && !matches.some((i) => valueMatches(walk.entry, staticValue(walk.analysis, statement.cases[i]!.test!)) === 'T')) result.add('next');
  return result;

  function runListUntilBreak(w: Walk, statements: readonly TSESTree.Statement[]): Set<Outcome> {
    const out = new Set<Outcome>();
    for (const s of statements) {
      if (s.type === AST_NODE_TYPES.BreakStatement && !s.label) {
        out.add('next');
        return out;
      }
      const effects = s.type === AST_NODE_TYPES.ContinueStatement ? set(walk.inLoop ? 'retry' : 'next') : runStatement(w, s);
      for (const e of effects) if (e !== 'next') out.add(e);
      if (!effects.has('next')) return out;
    }
    out.add('next');
    return out;
  }
}

/** What follows `statement` up to the end of `container` (a loop body, a function body), then `atEnd`. */
function continueAfter(walk: Walk, statement: Node, container: Node, atEnd: () => Set<Outcome>): Set<Outcome> {
  if (statement === container) return atEnd();
  const parent = statement.parent;
  if (!parent) return atEnd();
  if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program) {
    const body = parent.body as TSESTree.Statement[];
    const rest = body.slice(body.indexOf(statement as TSESTree.Statement) + 1);
    return runList(walk, rest, () => continueAfter(walk, parent, container, atEnd));
  }
  if (parent.type === AST_NODE_TYPES.SwitchCase) return continueAfter(walk, parent.parent, container, atEnd);
  return continueAfter(walk, parent, container, atEnd);
}

/** The statement directly holding `node` (climbing out of expressions). */
function statementOf(node: Node): Node {
  let current: Node = node;
  while (current.parent && !current.type.endsWith('Statement') && current.type !== AST_NODE_TYPES.VariableDeclaration) current = current.parent;
  return current;
}

/** A `throw` in `node`, outside nested functions. */
function containsThrow(node: Node, visitorKeys: VisitorKeys): boolean {
  return someNode(node, visitorKeys, (n) => n.type === AST_NODE_TYPES.ThrowStatement, (n) => isFunction(n) && n !== node);
}

/**
 * Does a failed send reject? Throwing clients (axios, got, ky, ofetch) do;
 * `fetch` and undici resolve, so their errors only reach a `catch` through
 * a `throw` of the code's own (`if (!res.ok) throw …`).
 */
export function rejectsOnError(analysis: FileAnalysis, call: ProviderCall, scope: Node): boolean {
  const keys = analysis.sourceCode.visitorKeys;
  if (call.request) return call.request.throwsOnHttpError || containsThrow(scope, keys);
  const external = call.external;
  if (external) {
    const inner = external.analysis.calls.filter((c) => c.node.range[0] >= external.fn.range[0] && c.node.range[1] <= external.fn.range[1]);
    return inner.some((c) => rejectsOnError(external.analysis, c, external.fn)) || containsThrow(scope, keys);
  }
  const wrapper = call.wrapper;
  if (!wrapper) return true; // a wrapper named in settings: assume it throws
  const inner = analysis.calls.filter((c) => c !== call && c.node.range[0] >= wrapper.range[0] && c.node.range[1] <= wrapper.range[1]);
  return inner.some((c) => rejectsOnError(analysis, c, wrapper)) || containsThrow(wrapper.body, keys) || containsThrow(scope, keys);
}

export function innermostTry(call: Node, within: Node): TSESTree.TryStatement | undefined {
  for (let current = call.parent; current && current !== within; current = current.parent) {
    if (isFunction(current)) return undefined;
    if (current.type === AST_NODE_TYPES.TryStatement && current.handler && current.block.range[0] <= call.range[0] && call.range[1] <= current.block.range[1]) return current;
  }
  return undefined;
}

/** A delay in the construct: a sleep/timer call, and whether its duration comes from the provider's wait hint. */
function delayIn(analysis: FileAnalysis, node: Node, provider: ProviderInfo): RetryDelay {
  let delay: RetryDelay = 'none';
  for (const call of callsIn(node, analysis.sourceCode.visitorKeys)) {
    const callee = skipTransparent(call.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    if (typeof name !== 'string' || !DELAY_CALLEE.test(name)) continue;
    const duration = name === 'setTimeout' ? call.arguments[1] : call.arguments[0];
    if (duration && staticValue(analysis, duration) === 0) continue;
    if (!duration && name === 'setTimeout') continue;
    if (duration && usesWaitHint(analysis, duration, provider)) return 'provider-hint';
    delay = 'some';
  }
  return delay;
}

function usesWaitHint(analysis: FileAnalysis, node: Node, provider: ProviderInfo): boolean {
  const hint = (n: Node): boolean => {
    if (n.type === AST_NODE_TYPES.Literal && typeof n.value === 'string' && n.value.toLowerCase() === 'retry-after') return true;
    if (n.type === AST_NODE_TYPES.Identifier && /retry_?after/i.test(n.name)) return true;
    if ((n.type === AST_NODE_TYPES.MemberExpression || n.type === AST_NODE_TYPES.Identifier) && provider.retryAfterPath) {
      const kind = analysis.kindOf(n);
      return kind?.k === 'body' && kind.path.join('.') === provider.retryAfterPath.join('.');
    }
    return false;
  };
  let found = false;
  const visit = (n: Node): void => {
    found ||= someNode(n, analysis.sourceCode.visitorKeys, hint);
  };
  visit(node);
  // follow a variable holding the wait (`const wait = body.errors.params.retry_after`, also a `let`)
  const resolved = resolveExpression(analysis, node);
  if (!found && resolved !== node) visit(resolved);
  const declarator = node.type === AST_NODE_TYPES.Identifier ? findVariable(analysis.sourceCode, node)?.defs[0]?.node : undefined;
  if (!found && declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init) visit(declarator.init);
  return found;
}

interface Builder {
  form: RetryConstruct['form'];
  library?: RetryConstruct['library'];
  node: Node;
  provider: ProviderInfo;
  calls: ProviderCall[];
  delay: RetryDelay;
  region: Node;
  /** Walks the error path for one code (or NETWORK_ERROR); `basis` collects what it looked at. */
  walk(entry: ErrorEntry, basis: Set<DecisionBasis>): Set<Outcome>;
}

function construct(builder: Builder): RetryConstruct {
  const verdicts = new Map<ErrorEntry, RetryVerdict>();
  const basis = new Set<DecisionBasis>();
  const verdict = (entry: ErrorEntry): RetryVerdict => {
    let found = verdicts.get(entry);
    if (!found) {
      const outcomes = builder.walk(entry, basis);
      found = outcomes.has('opaque') ? 'opaque' : outcomes.has('retry') ? 'retried' : 'not-retried';
      verdicts.set(entry, found);
    }
    return found;
  };
  return {
    form: builder.form,
    ...(builder.library ? { library: builder.library } : {}),
    node: builder.node,
    provider: builder.provider,
    calls: builder.calls,
    delay: builder.delay,
    region: builder.region,
    verdict,
    resendsOnNetworkError() {
      const outcomes = builder.walk(NETWORK_ERROR, new Set());
      return outcomes.has('retry') || outcomes.has('opaque');
    },
    basis() {
      for (const entry of builder.provider.def.errors) verdict(entry);
      for (const b of ['opaque', 'classification', 'code', 'status', 'attempts'] as const) if (basis.has(b)) return b;
      return 'nothing';
    },
  };
}

function baseWalk(analysis: FileAnalysis, entry: ErrorEntry, provider: ProviderInfo, basis: Set<DecisionBasis>, overrides: Partial<Walk>): Walk {
  return {
    analysis,
    entry,
    provider,
    isRetryCall: () => false,
    isStopCall: () => false,
    onThrow: () => 'stop',
    inLoop: false,
    basis,
    ...overrides,
  };
}

/**
 * A loop over a collection sends different requests, not the same one again:
 * its condition or counter reads a `.length` / `.size` (`i < items.length`,
 * `i = items.length - 1; i >= 0`, `while (queue.length > 0)`).
 */
function isCollectionLoop(analysis: FileAnalysis, loop: TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement): boolean {
  const parts: (Node | null | undefined)[] = [loop.test, loop.type === AST_NODE_TYPES.ForStatement ? loop.init : undefined];
  const text = parts.filter((p): p is Node => !!p).map((p) => analysis.sourceCode.getText(p)).join(' ');
  return /\.(length|size)\b/.test(text);
}

function loopConstructs(analysis: FileAnalysis): RetryConstruct[] {
  const found: RetryConstruct[] = [];
  const loops = new Map<Node, ProviderCall[]>();
  for (const call of analysis.calls) {
    for (let current: Node | undefined = call.node.parent; current; current = current.parent) {
      if (isFunction(current)) break;
      if (current.type === AST_NODE_TYPES.ForStatement || current.type === AST_NODE_TYPES.WhileStatement || current.type === AST_NODE_TYPES.DoWhileStatement) {
        if (!isCollectionLoop(analysis, current)) loops.set(current, [...(loops.get(current) ?? []), call]);
        break;
      }
      if (current.type === AST_NODE_TYPES.ForOfStatement || current.type === AST_NODE_TYPES.ForInStatement) break;
    }
  }
  for (const [loop, calls] of loops) {
    const body = (loop as TSESTree.ForStatement).body;
    const call = calls[0]!;
    const enclosingTry = innermostTry(call.node, loop);
    const rejects = enclosingTry ? rejectsOnError(analysis, call, enclosingTry.block) : false;
    const resolvesOnError = call.request ? !call.request.throwsOnHttpError : false;
    // No try and a client that throws: the first error leaves the loop.
    if (!enclosingTry && !resolvesOnError) continue;
    const provider = call.provider;
    found.push(
      construct({
        form: 'loop',
        node: loop,
        provider,
        calls,
        region: body,
        delay: delayIn(analysis, body, provider),
        walk: (entry, basis) => {
          const walk = baseWalk(analysis, entry, provider, basis, { inLoop: true });
          const goRound = () => set('retry');
          if (enclosingTry?.handler && (rejects || entry === NETWORK_ERROR)) {
            return runList(walk, enclosingTry.handler.body.body, () => continueAfter(walk, enclosingTry, body, goRound));
          }
          if (entry === NETWORK_ERROR) return set('stop');
          // fetch resolves on HTTP errors: what follows the call decides (`if (res.ok) return …`)
          const holder = statementOf(call.node);
          if (holder.type === AST_NODE_TYPES.ReturnStatement || holder.type === AST_NODE_TYPES.ThrowStatement) return set('stop');
          return resolvesOnError ? continueAfter(walk, holder, body, goRound) : set('stop');
        },
      }),
    );
  }
  return found;
}

function recursionConstructs(analysis: FileAnalysis): RetryConstruct[] {
  const found: RetryConstruct[] = [];
  const keys = analysis.sourceCode.visitorKeys;
  for (const call of analysis.calls) {
    const fn = enclosingFunction(call.node);
    if (!fn) continue;
    const callsAgain = (c: TSESTree.CallExpression): boolean =>
      c !== call.node && (analysis.calledFunction(c) === fn || (call.wrapper !== undefined && analysis.calledFunction(c) === call.wrapper));
    /** A recursion when `errorPath` calls the function again; `run` walks it for one code. */
    const add = (errorPath: Node, run: (walk: Walk) => Set<Outcome>): void => {
      const again = callsIn(errorPath, keys).find(callsAgain);
      if (again) found.push(recursion(analysis, call, again, run, callsAgain, errorPath));
    };
    // try { await send() } catch { … send() … }
    const tryStatement = innermostTry(call.node, fn);
    const handler = tryStatement?.handler;
    if (tryStatement && handler) {
      const rejects = rejectsOnError(analysis, call, tryStatement.block);
      add(handler.body, (walk) => (rejects || walk.entry === NETWORK_ERROR ? runList(walk, handler.body.body, () => set('stop')) : set('stop')));
    }
    // const res = await fetch(…); if (!res.ok) { setTimeout(() => send(…), 1000); return; }
    if (call.request && !call.request.throwsOnHttpError && !tryStatement) {
      const branchAfter = statementsIn(fn.body, keys).find(
        (statement): statement is TSESTree.IfStatement =>
          statement.type === AST_NODE_TYPES.IfStatement && statement.range[0] > call.node.range[1] && callsIn(statement, keys).some(callsAgain),
      );
      if (branchAfter) {
        add(branchAfter, (walk) => {
          if (walk.entry === NETWORK_ERROR) return set('stop');
          const outcomes = runStatement(walk, branchAfter);
          outcomes.delete('next');
          return outcomes.size ? outcomes : set('stop');
        });
      }
    }
    // send().catch((err) => … send() …)
    let outer: Node = call.node;
    while (outer.parent?.type === AST_NODE_TYPES.MemberExpression && outer.parent.parent?.type === AST_NODE_TYPES.CallExpression) {
      const chained: TSESTree.CallExpression = outer.parent.parent;
      const method = memberName(outer.parent);
      const callback = method === 'catch' ? chained.arguments[0] : method === 'then' ? chained.arguments[1] : undefined;
      const fnNode = callback && skipTransparent(callback);
      if (fnNode && isFunction(fnNode)) {
        const rejecting = rejectsOnError(analysis, call, call.node) || chainThrows(analysis, call.node, outer);
        const body = fnNode.body;
        add(body, (walk) =>
          !rejecting && walk.entry !== NETWORK_ERROR
            ? set('stop')
            : body.type === AST_NODE_TYPES.BlockStatement
              ? runList(walk, body.body, () => set('stop'))
              : runExpression(walk, body),
        );
      }
      outer = chained;
    }
  }
  return found;
}

/** Statements of a function body and its blocks, not of nested functions. */
function statementsIn(body: Node, visitorKeys: VisitorKeys): TSESTree.Statement[] {
  const found: TSESTree.Statement[] = [];
  walkNodes(body, visitorKeys, (n) => {
    if (isFunction(n) && n !== body) return false;
    if (n.type.endsWith('Statement') && n !== body) found.push(n as TSESTree.Statement);
    return undefined;
  });
  return found;
}

/** A `throw` in a `.then(…)` handler between the call and `end` (`fetch().then((r) => { if (!r.ok) throw … })`). */
function chainThrows(analysis: FileAnalysis, call: Node, end: Node): boolean {
  for (let current: Node = call; current !== end && current.parent?.type === AST_NODE_TYPES.MemberExpression; ) {
    const chained = current.parent.parent;
    if (chained?.type !== AST_NODE_TYPES.CallExpression) return false;
    if (memberName(current.parent) === 'then') {
      const handler = chained.arguments[0] && skipTransparent(chained.arguments[0]);
      if (handler && isFunction(handler) && containsThrow(handler.body, analysis.sourceCode.visitorKeys)) return true;
    }
    current = chained;
  }
  return false;
}

function recursion(
  analysis: FileAnalysis,
  call: ProviderCall,
  again: TSESTree.CallExpression,
  run: (walk: Walk) => Set<Outcome>,
  isRetryCall: (c: TSESTree.CallExpression) => boolean,
  errorPath: Node,
): RetryConstruct {
  const provider = call.provider;
  return construct({
    form: 'recursion',
    node: again,
    provider,
    calls: [call],
    region: enclosingFunction(call.node) ?? call.node,
    delay: delayIn(analysis, errorPath, provider),
    walk: (entry, basis) => run(baseWalk(analysis, entry, provider, basis, { isRetryCall })),
  });
}

/** The error path inside a retried function: its try/catch around the provider call, or none (every error propagates). */
function functionErrorPath(analysis: FileAnalysis, fn: FunctionNode, walk: Walk): Set<Outcome> {
  const call = analysis.calls.find((c) => c.node.range[0] >= fn.range[0] && c.node.range[1] <= fn.range[1]);
  if (!call) return set('stop');
  const tryStatement = innermostTry(call.node, fn);
  const network = walk.entry === NETWORK_ERROR;
  if (tryStatement?.handler && (network || rejectsOnError(analysis, call, tryStatement.block))) return runList(walk, tryStatement.handler.body.body, () => set('stop'));
  // No catch of its own: a rejection leaves the function, and the library sees it.
  if (!network && !rejectsOnError(analysis, call, fn.body)) return set('stop');
  return set(walk.onThrow({ type: AST_NODE_TYPES.ThrowStatement, argument: null } as unknown as TSESTree.ThrowStatement));
}

/** The truth of a callback's result (`shouldRetry`, `retryCondition`, `handleWhen`) for a code. */
function callbackTruth(walk: Walk, fn: FunctionNode | undefined): Truth {
  if (!fn) return 'T';
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return evaluate(walk, fn.body);
  // each `return <value>`: true re-sends, false stops
  const onReturn = (statement: TSESTree.ReturnStatement): Set<Outcome> => {
    if (!statement.argument) return set('stop');
    const truth = evaluate(walk, statement.argument);
    return truth === 'T' ? set('retry') : truth === 'F' ? set('stop') : truth === 'O' ? set('opaque') : set('retry', 'stop');
  };
  const outcomes = runList({ ...walk, onReturn, onThrow: () => 'stop' }, fn.body.body, () => set('stop'));
  if (outcomes.has('opaque')) return 'O';
  if (outcomes.has('retry') && outcomes.has('stop')) return 'U';
  return outcomes.has('retry') ? 'T' : 'F';
}

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

function libraryConstructs(analysis: FileAnalysis): RetryConstruct[] {
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
  const calls = analysis.calls.filter((c) => c.request && c.request.clientOrigin === origin);
  const first = calls[0];
  if (!first || origin === undefined) return [];
  const idempotent = (c: ProviderCall) => ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'].includes(c.request?.method ?? 'GET');
  const hasDelay = !!(options && findProperty(options, 'retryDelay'));
  return [
    construct({
      form: 'library',
      library: 'axios-retry',
      node: call,
      provider: first.provider,
      calls,
      region: first.node,
      delay: hasDelay ? 'some' : 'none',
      walk: (entry, basis) => {
        const walk = baseWalk(analysis, entry, first.provider, basis, {});
        if (!condition) {
          // default: network errors, or 5xx on idempotent requests
          if (entry === NETWORK_ERROR) return set('retry');
          if (!calls.some(idempotent)) return set('stop');
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

const GOT_STATUS = [408, 413, 429, 500, 502, 503, 504, 521, 522, 524];
const KY_STATUS = [408, 413, 429, 500, 502, 503, 504];
const DEFAULT_METHODS = ['GET', 'PUT', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE'];

/** got / ky `retry: { limit, methods, statusCodes }` on a call or its instance. */
function clientOptionConstructs(analysis: FileAnalysis): RetryConstruct[] {
  const found: RetryConstruct[] = [];
  for (const call of analysis.calls) {
    const request = call.request;
    if (!request || (request.family !== 'got' && request.family !== 'ky')) continue;
    const retry = (request.config && findProperty(request.config, 'retry')) ?? (request.instanceConfig && findProperty(request.instanceConfig, 'retry'));
    if (!retry) continue;
    const value = resolveExpression(analysis, retry.value);
    if (value.type !== AST_NODE_TYPES.ObjectExpression) continue; // a number only sets the limit; POST is still not retried
    const limit = findProperty(value, 'limit');
    if (limit && staticValue(analysis, limit.value) === 0) continue;
    const methodsProperty = findProperty(value, 'methods');
    const methods = methodsProperty ? staticList(analysis, methodsProperty.value)?.map((m) => String(m.value).toUpperCase()) : DEFAULT_METHODS;
    if (!methods?.includes(request.method ?? 'GET')) continue;
    const statusProperty = findProperty(value, 'statusCodes');
    const statuses = statusProperty
      ? (staticList(analysis, statusProperty.value)?.map((s) => s.value).filter((s): s is number => typeof s === 'number') ?? [])
      : request.family === 'got'
        ? GOT_STATUS
        : KY_STATUS;
    found.push(
      construct({
        form: 'client-option',
        library: request.family,
        node: retry,
        provider: call.provider,
        calls: [call],
        region: call.node,
        // got and ky honour a Retry-After header; a wait given in the body (Connexease) they cannot see
        delay: call.provider.def.retryAfter?.bodyPath ? 'some' : 'provider-hint',
        walk: (entry, basis) => {
          if (entry === NETWORK_ERROR) return set('retry'); // got and ky retry network errors for the listed methods
          basis.add('status');
          return statusMatches(entry, statuses.map((s): StatusRange => [s, s])) === 'F' ? set('stop') : set('retry');
        },
      }),
    );
  }
  return found;
}

const cache = new WeakMap<FileAnalysis, RetryConstruct[]>();

/** Every retry construct around a provider call in the file (computed once per file). */
export function retryConstructs(analysis: FileAnalysis): readonly RetryConstruct[] {
  let found = cache.get(analysis);
  if (!found) {
    found = [...loopConstructs(analysis), ...recursionConstructs(analysis), ...libraryConstructs(analysis), ...clientOptionConstructs(analysis)];
    cache.set(analysis, found);
  }
  return found;
}
