/**
 * The per-code decision walk: a retry's error path run for one documented
 * code at a time. Each condition is true, false, unknown for that code (an
 * attempt counter: both ways are possible), or opaque (it looks at the error
 * in a way this analysis cannot evaluate). Predicates of the project
 * (`isRetryable(status)`) are evaluated with their arguments bound.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { entryMatches } from '../../catalog/lookup.js';
import type { ErrorEntry } from '../../catalog/schema.js';
import { findVariable, isFunction, memberName, propertyKeyName, skipTransparent, someNode, walkNodes, type FunctionNode, type Node, type VisitorKeys } from '../ast.js';
import { importOf } from '../clients.js';
import type { FileAnalysis, ProviderCall } from '../file.js';
import { codeComparisonsOf, messageTestOf, simpleStatusComparison, statusTestOf, type StatusRange } from '../tests.js';
import { entriesForText, type ProviderInfo } from '../providers.js';
import { calleeFunction, constInit, inline, resolveExpression, staticValue, UNKNOWN } from '../values.js';
import { failureValueOf, type FailureShape } from '../failure-values.js';
import { onlyClientErrors, providerErrorsEscape, throwsOnFailure, underFailure } from '../error-paths.js';
import { NETWORK_ERROR, type DecisionBasis, type Outcome, type Truth, type Walk } from './types.js';

export const not = (t: Truth): Truth => (t === 'T' ? 'F' : t === 'F' ? 'T' : t);

export const and = (a: Truth, b: Truth): Truth => (a === 'F' || b === 'F' ? 'F' : a === 'T' && b === 'T' ? 'T' : a === 'O' || b === 'O' ? 'O' : 'U');

export const or = (a: Truth, b: Truth): Truth => (a === 'T' || b === 'T' ? 'T' : a === 'F' && b === 'F' ? 'F' : a === 'O' || b === 'O' ? 'O' : 'U');

const HTTP_ERROR_CLASSES = new Set(['HTTPError', 'AxiosError', 'FetchError', 'HttpError', 'ResponseError']);

const CATALOG_MODULE = 'eslint-plugin-whatsapp-errors/catalog';

const RETRYABLE_CLASSES = new Set(['transient', 'rate-limit']);

/** The truth of a condition for the code being walked. */
export function evaluate(walk: Walk, node: Node): Truth {
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
      const labelled = labelComparison(walk, current);
      if (labelled) return labelled;
      const status = simpleStatusComparison(analysis, current);
      if (status) {
        walk.basis.add('status');
        walk.decisions.add(current);
        const matches = statusMatches(entry, [status.range]);
        return current.operator === '!==' || current.operator === '!=' ? not(matches) : matches;
      }
      const text = messageTruth(walk, current);
      if (text) return text;
      if (current.operator === 'instanceof' && current.right.type === AST_NODE_TYPES.Identifier && mentionsProvider(walk, current.left)) {
        if (HTTP_ERROR_CLASSES.has(current.right.name)) return 'T';
        const mapped = mappedClassTruth(walk, current.right.name);
        if (mapped) return mapped;
        // a class of this file that nothing creates, or one the failed call never throws: no provider error is one
        return neverInstantiated(analysis, current.right) || onlyBuiltinErrors(analysis, current.left, current.right) || appClassOnClientError(analysis, current.left, current.right) ? 'F' : 'O';
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
        walk.decisions.add(current);
        return statusMatches(entry, status.ranges);
      }
      const text = messageTruth(walk, current);
      if (text) return text;
      const helper = catalogHelper(walk, current);
      if (helper === 'isRetryable') {
        walk.basis.add('classification');
        return entry !== NETWORK_ERROR && RETRYABLE_CLASSES.has(retryClassOf(entry)) ? 'T' : 'F';
      }
      const callee = skipTransparent(current.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'isAxiosError') return 'T';
      // a predicate of the project (`isRetryableError(code, status)`): its body, with the arguments bound
      const predicate = current.arguments.length > 0 && !analysis.providerCall(current) ? calleeFunction(analysis, current.callee) : undefined;
      const inner = new Set<Node>();
      const truth = predicate && inline(analysis, predicate, current, () => callbackTruth({ ...walk, decisions: inner }, predicate.fn));
      if (truth) {
        // status tests inside the predicate decide this retry: so does the call
        if (inner.size > 0) for (const node of [current, ...inner]) walk.decisions.add(node);
        return truth;
      }
      return opaqueOrUnknown(walk, current);
    }
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression: {
      const kind = analysis.kindOf(current);
      // `const retryable = this.isRetryableStatus(status); if (retryable && …)`: read as the call written in place
      const held = !kind && current.type === AST_NODE_TYPES.Identifier ? heldCondition(walk, current) : undefined;
      if (held) return held;
      // `err.permanent` where only the app's own errors get that field: the provider's failure has none
      if (!kind && current.type === AST_NODE_TYPES.MemberExpression && ownErrorFieldAbsent(analysis, current)) return 'F';
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

/**
 * A test of the provider's error text (`message.includes('template')`,
 * `/re-engagement/i.test(message)`, `message === '…'`): true for a code whose
 * documented title the text points at (see `entriesForText`), false for the
 * others; an exact comparison is unknown either way (a title is not the
 * message word for word).
 */
function messageTruth(walk: Walk, node: Node): Truth | undefined {
  const test = messageTestOf(walk.analysis, node);
  if (!test || test.provider !== walk.provider) return undefined;
  walk.basis.add('classification');
  if (walk.entry === NETWORK_ERROR || EQUALITY_FORMS.has(test.form)) return 'U';
  return textNames(walk.entry, test.provider, test.text);
}

const namedByText = new WeakMap<ProviderInfo, Map<string, ReadonlySet<ErrorEntry>>>();

/** Does a tested text name the code's documented title (see `entriesForText`)? */
function textNames(entry: ErrorEntry, provider: ProviderInfo, text: string): Truth {
  return noted(entry, ['text', provider, text], matchText(entry, provider, text));
}

function matchText(entry: ErrorEntry, provider: ProviderInfo, text: string): Truth {
  let byText = namedByText.get(provider);
  if (!byText) namedByText.set(provider, (byText = new Map()));
  let named = byText.get(text);
  if (!named) byText.set(text, (named = new Set(entriesForText(provider, text).map((m) => m.entry))));
  return named.has(entry) ? 'T' : 'F';
}

const EQUALITY_FORMS = new Set(['===', '==', '!==', '!=']);

/** Functions of a file that build an error of a class from a provider error, by file and class name. */
const mappersByFile = new WeakMap<FileAnalysis, Map<string, FunctionNode[]>>();

/**
 * `err instanceof WhatsAppAuthError` where the file's own mapper builds that
 * class from the provider's error (an interceptor's `handleError(error)`
 * that returns `new WhatsAppAuthError(…)` for 401 and 403): true for a code
 * for which every mapper returns that class, false for one for which none
 * does. `undefined` when no function of the file maps provider errors to it.
 */
function mappedClassTruth(walk: Walk, className: string): Truth | undefined {
  const mappers = errorMappers(walk.analysis, className).filter((fn) => {
    const param = fn.params[0];
    const kind = param && walk.analysis.kindOf(param);
    return kind?.k === 'error' && kind.provider === walk.provider;
  });
  if (mappers.length === 0) return undefined;
  let truth: Truth | undefined;
  for (const fn of mappers) {
    const one = mapperTruth(walk, fn, className);
    truth = truth === undefined ? one : truth === one ? truth : truth === 'O' || one === 'O' ? 'O' : 'U';
  }
  return truth;
}

/** Functions of the file (first parameter a plain name) that return `new <className>(…)`. */
function errorMappers(analysis: FileAnalysis, className: string): FunctionNode[] {
  let byClass = mappersByFile.get(analysis);
  if (!byClass) mappersByFile.set(analysis, (byClass = new Map()));
  let found = byClass.get(className);
  if (!found) {
    const list: FunctionNode[] = [];
    walkNodes(analysis.sourceCode.ast, analysis.sourceCode.visitorKeys, (node) => {
      if (!isFunction(node) || node.params[0]?.type !== AST_NODE_TYPES.Identifier) return undefined;
      const builds = someNode(
        node.body,
        analysis.sourceCode.visitorKeys,
        (n) => n.type === AST_NODE_TYPES.ReturnStatement && !!n.argument && isNewOf(n.argument, className),
        (n) => isFunction(n) && n !== node.body,
      );
      if (builds) list.push(node);
      return undefined;
    });
    byClass.set(className, (found = list));
  }
  return found;
}

function isNewOf(node: Node, className: string): boolean {
  const current = skipTransparent(node);
  return current.type === AST_NODE_TYPES.NewExpression && current.callee.type === AST_NODE_TYPES.Identifier && current.callee.name === className;
}

/** Does the mapper return `new <className>` for the walked code: each `return` read as that class or another. */
function mapperTruth(walk: Walk, fn: FunctionNode, className: string): Truth {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return 'O';
  const onReturn = (statement: TSESTree.ReturnStatement): Set<Outcome> => {
    const value = statement.argument && skipTransparent(statement.argument);
    if (value?.type !== AST_NODE_TYPES.NewExpression) return set('opaque');
    return set(isNewOf(value, className) ? 'retry' : 'stop');
  };
  // the mapper's own status tests decide which class it builds, not whether to retry: they are not the retry's decisions
  const mapperWalk: Walk = { ...walk, onReturn, onThrow: () => 'stop', isRetryCall: () => false, isStopCall: () => false, inLoop: false, decisions: new Set() };
  const outcomes = runList(mapperWalk, fn.body.body, () => set('stop'));
  if (outcomes.has('opaque')) return 'O';
  if (outcomes.has('retry') && outcomes.has('stop')) return 'U';
  return outcomes.has('retry') ? 'T' : 'F';
}

/**
 * A class declared in this file, not exported, whose name is used only on the
 * right of `instanceof`: no value is ever an instance of it.
 */
function neverInstantiated(analysis: FileAnalysis, id: TSESTree.Identifier): boolean {
  const variable = findVariable(analysis.sourceCode, id);
  const def = variable?.defs[0];
  if (!variable || def?.type !== 'ClassName' || def.node.type !== AST_NODE_TYPES.ClassDeclaration) return false;
  const holder = def.node.parent;
  if (holder?.type === AST_NODE_TYPES.ExportNamedDeclaration || holder?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return false;
  return variable.references.every((ref) => ref.identifier.parent?.type === AST_NODE_TYPES.BinaryExpression && ref.identifier.parent.operator === 'instanceof' && ref.identifier.parent.right === ref.identifier);
}

const BUILTIN_ERRORS = new Set(['Error', 'TypeError', 'RangeError', 'SyntaxError']);

/**
 * `err instanceof RateLimitError` where `err` is the failure of a same-file
 * wrapper whose requests do not reject on an HTTP error (fetch) and whose
 * every `throw` (its own and its same-file callees') is `new Error(…)`: a
 * provider failure is a plain `Error`, never an instance of the app's class.
 */
function onlyBuiltinErrors(analysis: FileAnalysis, error: Node, cls: TSESTree.Identifier): boolean {
  if (BUILTIN_ERRORS.has(cls.name)) return false;
  const kind = analysis.kindOf(error);
  const wrapper = kind?.k === 'error' ? kind.call?.wrapper : undefined;
  if (!wrapper) return false;
  const seen = new Set<FunctionNode>();
  const plain = (fn: FunctionNode): boolean => {
    if (seen.has(fn)) return true;
    seen.add(fn);
    let ok = true;
    walkNodes(fn.body, analysis.sourceCode.visitorKeys, (node) => {
      if (!ok) return 'stop';
      if (isFunction(node)) return false;
      if (node.type === AST_NODE_TYPES.ThrowStatement) {
        const thrown = skipTransparent(node.argument);
        const callee = thrown.type === AST_NODE_TYPES.NewExpression ? skipTransparent(thrown.callee) : undefined;
        ok = callee?.type === AST_NODE_TYPES.Identifier && BUILTIN_ERRORS.has(callee.name) && !findVariable(analysis.sourceCode, callee)?.defs.length;
      } else if (node.type === AST_NODE_TYPES.CallExpression) {
        const call = analysis.providerCall(node);
        if (call?.request) ok = !call.request.throwsOnHttpError;
        else if (call?.wrapper) ok = plain(call.wrapper);
        else if (call) ok = false;
      }
      return undefined;
    });
    return ok;
  };
  return plain(wrapper);
}

/**
 * `err instanceof OutboundError` where `err` is the rejection of a request
 * made right there with a client that rejects on HTTP errors (axios, an SDK)
 * and whose file installs no interceptor, and the class is the app's own
 * (declared in this file or imported from a relative path): the provider's
 * failure arrives as the client's error, never as the app's class (that test
 * singles out the app's own throws from the same `try`).
 */
function appClassOnClientError(analysis: FileAnalysis, error: Node, cls: TSESTree.Identifier): boolean {
  const kind = analysis.kindOf(error);
  const request = kind?.k === 'error' ? kind.call?.request : undefined;
  if (!request?.throwsOnHttpError || /\binterceptors\b/.test(analysis.sourceCode.text)) return false;
  const def = findVariable(analysis.sourceCode, cls)?.defs[0];
  if (def?.type === 'ClassName') return true;
  const source = importOf(analysis, cls);
  return !!source && /^\.{1,2}\//.test(source.module);
}

/** Fields an HTTP client's error (axios's, fetch's, Node's) or a JavaScript error may carry. */
const CLIENT_ERROR_FIELDS = new Set(['message', 'name', 'stack', 'cause', 'code', 'errno', 'syscall', 'config', 'request', 'response', 'status', 'isAxiosError', 'errors', 'toJSON']);

/**
 * `err.permanent` where `err` is the caught failure of provider calls that
 * only ever fail with the HTTP client's own error (see `onlyClientErrors`),
 * and `permanent` is a field the file sets only on errors it creates itself
 * (`const e = new Error('invalid payload'); e.permanent = true; throw e`,
 * `Object.assign(new Error(…), { permanent: true })`): the provider's failure
 * never has it, so the test is false for every provider code.
 */
function ownErrorFieldAbsent(analysis: FileAnalysis, member: TSESTree.MemberExpression): boolean {
  const name = memberName(member);
  const object = skipTransparent(member.object);
  if (typeof name !== 'string' || CLIENT_ERROR_FIELDS.has(name) || object.type !== AST_NODE_TYPES.Identifier) return false;
  const def = findVariable(analysis.sourceCode, object)?.defs[0];
  const tryStatement = def?.type === 'CatchClause' ? (def.node as TSESTree.CatchClause).parent : undefined;
  if (tryStatement?.type !== AST_NODE_TYPES.TryStatement || analysis.kindOf(object)?.k !== 'error') return false;
  return fieldOnlyOnOwnErrors(analysis, name) && onlyClientErrors(analysis, tryStatement.block);
}

const ownErrorFields = new WeakMap<FileAnalysis, Map<string, boolean>>();

/** Does the file give errors a field `name` only on errors it creates (`e.name = …` on a `new` value, or `Object.assign(new …, { name })`)? */
function fieldOnlyOnOwnErrors(analysis: FileAnalysis, name: string): boolean {
  let byName = ownErrorFields.get(analysis);
  if (!byName) ownErrorFields.set(analysis, (byName = new Map()));
  const known = byName.get(name);
  if (known !== undefined) return known;
  const created = (node: Node): boolean => {
    const value = resolveExpression(analysis, node);
    return value.type === AST_NODE_TYPES.NewExpression;
  };
  let own = false;
  let other = false;
  walkNodes(analysis.sourceCode.ast, analysis.sourceCode.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression && memberName(node.left) === name) {
      if (created(node.left.object)) own = true;
      else other = true;
    }
    if (node.type === AST_NODE_TYPES.CallExpression && node.arguments.length >= 2) {
      const callee = skipTransparent(node.callee);
      const assign = callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'assign' && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Object';
      const sources = node.arguments.slice(1).map((a) => skipTransparent(a));
      if (assign && sources.some((a) => a.type === AST_NODE_TYPES.ObjectExpression && a.properties.some((p) => p.type === AST_NODE_TYPES.Property && !p.computed && String(propertyKeyName(p)) === name))) {
        if (created(node.arguments[0]!)) own = true;
        else other = true;
      }
    }
    return undefined;
  });
  const found = own && !other;
  byName.set(name, found);
  return found;
}


const evaluating = new Set<Node>();

/**
 * The truth of the condition a variable holds (a `const`, or a `let` never
 * reassigned): its initializer evaluated as if written where it is tested.
 */
function heldCondition(walk: Walk, id: TSESTree.Identifier): Truth | undefined {
  const init = constInit(walk.analysis, id);
  if (!init || isFunction(skipTransparent(init)) || evaluating.has(init)) return undefined;
  evaluating.add(init);
  try {
    return evaluate(walk, init);
  } finally {
    evaluating.delete(init);
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
    const matches: Truth = walk.entry !== NETWORK_ERROR && retryClassOf(walk.entry) === value ? 'T' : 'F';
    return node.operator.startsWith('!') ? not(matches) : matches;
  }
  return undefined;
}

/**
 * `kind === 'transient'` where `kind` holds (or is) the call of a function of
 * the project that classifies the error by returning labels
 * (`classifyFailure(err)` returning `'transient'` or `'permanent'`): its
 * returns, with the arguments bound, true where it returns that label.
 */
function labelComparison(walk: Walk, node: TSESTree.BinaryExpression): Truth | undefined {
  if (!EQUALITY_FORMS.has(node.operator)) return undefined;
  const { analysis } = walk;
  for (const [side, other] of [
    [node.left, node.right],
    [node.right, node.left],
  ] as const) {
    const label = staticValue(analysis, other);
    if (typeof label !== 'string') continue;
    let call = skipTransparent(side);
    if (call.type === AST_NODE_TYPES.Identifier) {
      const init = constInit(analysis, call);
      if (init) call = skipTransparent(init);
    }
    if (call.type === AST_NODE_TYPES.AwaitExpression) call = skipTransparent(call.argument);
    if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments.length === 0 || analysis.providerCall(call) || evaluating.has(call)) continue;
    const target = calleeFunction(analysis, call.callee);
    if (!target || target.fn.body.type !== AST_NODE_TYPES.BlockStatement) continue;
    const inner = new Set<Node>();
    evaluating.add(call);
    let truth: Truth | undefined;
    try {
      truth = inline(analysis, target, call, () => labelTruth({ ...walk, decisions: inner }, target.fn, label));
    } finally {
      evaluating.delete(call);
    }
    if (!truth) continue;
    if (inner.size > 0) for (const n of [node, ...inner]) walk.decisions.add(n);
    return node.operator.startsWith('!') ? not(truth) : truth;
  }
  return undefined;
}

/** Does a classifier return `label` for the code being walked: each `return '…'` compared, other returns unknown. */
function labelTruth(walk: Walk, fn: FunctionNode, label: string): Truth {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return 'U';
  const onReturn = (statement: TSESTree.ReturnStatement): Set<Outcome> => {
    const value = statement.argument ? staticValue(walk.analysis, statement.argument) : undefined;
    return value === label ? set('retry') : typeof value === 'string' ? set('stop') : set('retry', 'stop');
  };
  const outcomes = runList({ ...walk, onReturn, onThrow: () => 'stop' }, fn.body.body, () => set('stop'));
  if (outcomes.has('opaque')) return 'O';
  if (outcomes.has('retry') && outcomes.has('stop')) return 'U';
  return outcomes.has('retry') ? 'T' : 'F';
}

export function catalogHelper(walk: Walk, call: TSESTree.CallExpression): string | undefined {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const source = importOf(walk.analysis, callee);
  return source?.module === CATALOG_MODULE ? source.name : undefined;
}

/**
 * What a walk asked about the code it ran for, with the answers. A walk
 * reads its code only through `valueMatches`, `statusMatches`,
 * `retryClassOf` and `textNames`, so another code that gives the same answers takes the same
 * path to the same outcome: `construct.ts` walks once per group of codes that
 * a retry's tests treat alike, not once per code.
 */
export type Question = readonly ['value', unknown] | readonly ['status', readonly StatusRange[]] | readonly ['retry'] | readonly ['text', ProviderInfo, string];

export interface Trace {
  readonly entry: ErrorEntry;
  readonly answers: (readonly [Question, Truth | string])[];
}

let tracing: Trace | undefined;

/** Runs a walk for `entry`, recording the questions it asks about `entry`. */
export function traced<T>(entry: ErrorEntry, run: () => T): { readonly result: T; readonly trace: Trace } {
  const saved = tracing;
  const trace: Trace = { entry, answers: [] };
  tracing = trace;
  try {
    return { result: run(), trace };
  } finally {
    tracing = saved;
    // a walk run inside another one for the same code: the outer outcome depends on these answers too
    if (saved?.entry === entry) saved.answers.push(...trace.answers);
  }
}

/** Is a walk being traced (a verdict asked for from inside another walk)? */
export function insideWalk(): boolean {
  return tracing !== undefined;
}

/** The answer `entry` gives to a question another walk asked. */
export function answer(entry: ErrorEntry, question: Question): Truth | string {
  switch (question[0]) {
    case 'value':
      return matchValue(entry, question[1]);
    case 'status':
      return matchStatus(entry, question[1]);
    case 'retry':
      return entry.retry;
    case 'text':
      return matchText(entry, question[1], question[2]);
  }
}

function noted<A extends Truth | string>(entry: ErrorEntry, question: Question, found: A): A {
  if (tracing?.entry === entry) tracing.answers.push([question, found]);
  return found;
}

export function valueMatches(entry: ErrorEntry, value: unknown): Truth {
  return noted(entry, ['value', value], matchValue(entry, value));
}

function matchValue(entry: ErrorEntry, value: unknown): Truth {
  if (typeof entry.code === 'string' && entry.code.startsWith('*')) return entryMatches(entry, value) ? 'U' : 'F';
  if (entryMatches(entry, value)) return 'T';
  // a range entry (Meta 200–299) matches one of its values only
  return entry.rangeEnd !== undefined && typeof value === 'number' && value >= (entry.code as number) && value <= entry.rangeEnd ? 'U' : 'F';
}

/** Codes with no documented status never match a status test: nothing can be said of them. */
export function statusMatches(entry: ErrorEntry, ranges: readonly StatusRange[]): Truth {
  return noted(entry, ['status', ranges], matchStatus(entry, ranges));
}

function matchStatus(entry: ErrorEntry, ranges: readonly StatusRange[]): Truth {
  const inside = entry.httpStatus.filter((s) => ranges.some(([lo, hi]) => s >= lo && s <= hi));
  if (inside.length === 0) return 'F';
  return inside.length === entry.httpStatus.length ? 'T' : 'U';
}

/** The code's retry class, as a walk reads it (`isRetryable(code)`, `retryClassOf(p, code) === …`). */
function retryClassOf(entry: ErrorEntry): string {
  return noted(entry, ['retry'], entry.retry);
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
export function callsIn(node: Node, visitorKeys: VisitorKeys): TSESTree.CallExpression[] {
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

export function set(...outcomes: Outcome[]): Set<Outcome> {
  return new Set(outcomes);
}

function sameSet(a: Set<Outcome>, b: Set<Outcome>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/** Runs a statement list; `onEnd` gives what happens when control falls off its end. */
export function runList(walk: Walk, statements: readonly TSESTree.Statement[], onEnd: () => Set<Outcome>): Set<Outcome> {
  const result = new Set<Outcome>();
  for (const statement of statements) {
    const effects = runStatement(walk, statement);
    for (const effect of effects) if (effect !== 'next') result.add(effect);
    if (!effects.has('next')) return result;
  }
  for (const outcome of onEnd()) result.add(outcome);
  return result;
}

export function branch(walk: Walk, truth: Truth, whenTrue: () => Set<Outcome>, whenFalse: () => Set<Outcome>): Set<Outcome> {
  if (truth === 'T') return whenTrue();
  if (truth === 'F') return whenFalse();
  const a = whenTrue();
  const b = whenFalse();
  if (truth === 'O') return sameSet(a, b) ? a : set('opaque');
  return new Set([...a, ...b]);
}

export function runStatement(walk: Walk, statement: TSESTree.Statement): Set<Outcome> {
  const keys = walk.analysis.sourceCode.visitorKeys;
  switch (statement.type) {
    case AST_NODE_TYPES.ThrowStatement:
    {
      const outcome = walk.onThrow(statement);
      return outcome instanceof Set ? outcome : set(outcome);
    }
    case AST_NODE_TYPES.ReturnStatement: {
      if (walk.onReturn) return walk.onReturn(statement);
      return statement.argument ? runExpression(walk, statement.argument) : set('stop');
    }
    case AST_NODE_TYPES.ContinueStatement:
      return set(continueOutcome(walk));
    case AST_NODE_TYPES.BreakStatement:
      return set(walk.inLoop && !statement.label ? (walk.onBreak ?? 'stop') : 'next');
    case AST_NODE_TYPES.BlockStatement:
      return runList(walk, statement.body, () => set('next'));
    case AST_NODE_TYPES.IfStatement: {
      const tests = new Set<Node>();
      const basis = new Set<DecisionBasis>();
      const truth = evaluate({ ...walk, decisions: tests, basis }, statement.test);
      const whenTrue = runStatement(walk, statement.consequent);
      const whenFalse = statement.alternate ? runStatement(walk, statement.alternate) : set('next');
      // a test decides the retry only when its two sides go different ways (not one that only logs):
      // only then does what it looks at (a status, a code, the attempt) count, and its status tests are decisions
      if (!sameSet(whenTrue, whenFalse)) {
        for (const test of tests) walk.decisions.add(test);
        for (const b of basis) walk.basis.add(b);
      }
      return branch(walk, truth, () => whenTrue, () => whenFalse);
    }
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
      if (walk.isStopStatement?.(statement)) return set('stop');
      if (walk.isRetryStatement?.(statement)) return set('retry');
      const calls = callsIn(statement, keys);
      if (calls.some(walk.isStopCall)) return set('stop');
      if (calls.some(walk.isRetryCall)) return set('retry');
      return set('next');
    }
  }
}

/** What `continue` does: the loop's next pass re-sends in a retry loop, moves on to another item in a drain loop. */
function continueOutcome(walk: Walk): Outcome {
  return walk.inLoop ? (walk.nextPass ?? 'retry') : 'next';
}

/** An expression that may re-send: `cond ? send() : Promise.reject(err)`, `cond && send()`, `send()`. */
export function runExpression(walk: Walk, node: Node): Set<Outcome> {
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
  const discriminantIsStatus = !discriminantIsCode && walk.analysis.statusOf(statement.discriminant);
  if (discriminantIsStatus) walk.basis.add('status');
  const caseTruth = (test: TSESTree.Expression): Truth => {
    const value = staticValue(walk.analysis, test);
    if (value === UNKNOWN) return 'U';
    if (discriminantIsCode) return valueMatches(walk.entry, value);
    if (discriminantIsStatus && typeof value === 'number') {
      walk.decisions.add(test);
      return statusMatches(walk.entry, [[value, value]]);
    }
    return 'U';
  };
  const matches: number[] = [];
  let fallback = statement.cases.findIndex((c) => c.test === null);
  let definite = false;
  statement.cases.forEach((c, i) => {
    if (!c.test) return;
    const truth = caseTruth(c.test);
    if (truth !== 'F') matches.push(i);
    if (truth === 'T') definite = true; // a definite match: default not reached
  });
  if (definite) fallback = -2;
  const result = new Set<Outcome>();
  for (const index of matches) for (const o of fromCase(index)) result.add(o);
  if (fallback >= 0) for (const o of fromCase(fallback)) result.add(o);
  if (fallback === -1 && !definite) result.add('next');
  return result;

  function runListUntilBreak(w: Walk, statements: readonly TSESTree.Statement[]): Set<Outcome> {
    const out = new Set<Outcome>();
    for (const s of statements) {
      if (s.type === AST_NODE_TYPES.BreakStatement && !s.label) {
        out.add('next');
        return out;
      }
      const effects = s.type === AST_NODE_TYPES.ContinueStatement ? set(continueOutcome(walk)) : runStatement(w, s);
      for (const e of effects) if (e !== 'next') out.add(e);
      if (!effects.has('next')) return out;
    }
    out.add('next');
    return out;
  }
}

/** What follows `statement` up to the end of `container` (a loop body, a function body), then `atEnd`. */
export function continueAfter(walk: Walk, statement: Node, container: Node, atEnd: () => Set<Outcome>): Set<Outcome> {
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
export function statementOf(node: Node): Node {
  let current: Node = node;
  while (current.parent && !current.type.endsWith('Statement') && current.type !== AST_NODE_TYPES.VariableDeclaration) current = current.parent;
  return current;
}

/** A `throw` in `node`, outside nested functions. */
export function containsThrow(node: Node, visitorKeys: VisitorKeys): boolean {
  return someNode(node, visitorKeys, (n) => n.type === AST_NODE_TYPES.ThrowStatement, (n) => isFunction(n) && n !== node);
}

/**
 * Does a failed send reject? Throwing clients (axios, got, ky, ofetch) do;
 * `fetch` and undici resolve, so their errors only reach a `catch` through
 * a `throw` of the code's own (`if (!res.ok) throw …`).
 */
export function rejectsOnError(analysis: FileAnalysis, call: ProviderCall, scope: Node): boolean {
  if (call.request) return call.request.throwsOnHttpError || throwsOnFailure(analysis, scope);
  const external = call.external;
  const wrapper = call.wrapper;
  if (!external && !wrapper) return true; // a wrapper named in settings: assume it throws
  // a wrapper whose own catch takes every provider failure (and gives a value back) does not reject with it
  return providerErrorsEscape(analysis, call) || (wrapper !== undefined && throwsOnFailedResult(analysis, wrapper)) || throwsOnFailure(analysis, scope);
}

type ResultPolarity = 'failure' | 'success' | undefined;

const flipResult = (p: ResultPolarity): ResultPolarity => (p === 'failure' ? 'success' : p === 'success' ? 'failure' : undefined);

/**
 * Does a function throw when a wrapper it calls gives a failure back as a
 * value (`const r = await send(…); if (!r.ok) throw new Error(r.errorCode)`)?
 * Then the failed send reaches its caller as a rejection.
 */
function throwsOnFailedResult(analysis: FileAnalysis, fn: FunctionNode): boolean {
  return someNode(
    fn.body,
    analysis.sourceCode.visitorKeys,
    (node) => node.type === AST_NODE_TYPES.ThrowStatement && underFailure(node, fn, (test) => resultPolarity(analysis, test)),
    (node) => isFunction(node) && node !== fn,
  );
}

/** What a test of a failure-value result says when true: `!r.ok`, `r.success === false`, `r.error` (failure); `r.ok`, `r` when failures are `null` (success). */
export function resultPolarity(analysis: FileAnalysis, node: Node): ResultPolarity {
  const current = skipTransparent(node);
  if (current.type === AST_NODE_TYPES.UnaryExpression && current.operator === '!') return flipResult(resultPolarity(analysis, current.argument));
  if (current.type === AST_NODE_TYPES.BinaryExpression && ['===', '==', '!==', '!='].includes(current.operator)) {
    const [side, other] = typeof staticValue(analysis, current.right) === 'boolean' ? [current.left, current.right] : [current.right, current.left];
    const value = staticValue(analysis, other);
    if (typeof value !== 'boolean') return undefined;
    const p = value ? resultPolarity(analysis, side) : flipResult(resultPolarity(analysis, side));
    return current.operator.startsWith('!') ? flipResult(p) : p;
  }
  if (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(current);
    if (failureResult(analysis, current.object) !== 'a failure object') return undefined;
    return name === 'ok' || name === 'success' ? 'success' : name === 'error' ? 'failure' : undefined;
  }
  if (current.type === AST_NODE_TYPES.Identifier) {
    const shape = failureResult(analysis, current);
    return shape === 'null' || shape === 'false' || shape === 'undefined' ? 'success' : undefined;
  }
  return undefined;
}

/** How the provider wrapper whose result `node` holds gives failures back, if it does. */
function failureResult(analysis: FileAnalysis, node: Node): FailureShape | undefined {
  let value = skipTransparent(resolveExpression(analysis, node));
  if (value.type === AST_NODE_TYPES.AwaitExpression) value = skipTransparent(value.argument);
  const call = value.type === AST_NODE_TYPES.CallExpression ? analysis.providerCall(value) : undefined;
  const target = call?.wrapper ? { analysis, fn: call.wrapper } : call?.external;
  return target ? failureValueOf(target.analysis, target.fn) : undefined;
}

export function innermostTry(call: Node, within: Node): TSESTree.TryStatement | undefined {
  for (let current = call.parent; current && current !== within; current = current.parent) {
    if (isFunction(current)) return undefined;
    if (current.type === AST_NODE_TYPES.TryStatement && current.handler && current.block.range[0] <= call.range[0] && call.range[1] <= current.block.range[1]) return current;
  }
  return undefined;
}

export function baseWalk(analysis: FileAnalysis, entry: ErrorEntry, provider: ProviderInfo, basis: Set<DecisionBasis>, overrides: Partial<Walk>): Walk {
  return {
    analysis,
    entry,
    provider,
    isRetryCall: () => false,
    isStopCall: () => false,
    onThrow: () => 'stop',
    inLoop: false,
    basis,
    decisions: decisionsOf(analysis),
    ...overrides,
  };
}

const decisionSets = new WeakMap<FileAnalysis, Set<Node>>();

/** The status tests that retry decisions of the file evaluated (filled as constructs are walked). */
export function decisionsOf(analysis: FileAnalysis): Set<Node> {
  let found = decisionSets.get(analysis);
  if (!found) decisionSets.set(analysis, (found = new Set()));
  return found;
}

/** The error path inside a retried function: its try/catch around the provider call (the first, or `sent`), or none (every error propagates). */
export function functionErrorPath(analysis: FileAnalysis, fn: FunctionNode, walk: Walk, sent?: ProviderCall): Set<Outcome> {
  const call = sent ?? analysis.calls.find((c) => c.node.range[0] >= fn.range[0] && c.node.range[1] <= fn.range[1]);
  if (!call) return set('stop');
  const found = innermostTry(call.node, fn);
  // `catch (e) { throw e; }` changes nothing: the error leaves as it came
  const tryStatement = found?.handler && !onlyRethrows(found.handler) ? found : undefined;
  const handler = tryStatement?.handler;
  const network = walk.entry === NETWORK_ERROR;
  const rejection = (): Set<Outcome> => {
    if (handler) return runList(walk, handler.body.body, () => set('stop'));
    // no catch of its own: the rejection leaves the function, and the library sees it
    const outcome = walk.onThrow({ type: AST_NODE_TYPES.ThrowStatement, argument: null } as unknown as TSESTree.ThrowStatement);
    return outcome instanceof Set ? outcome : set(outcome);
  };
  if (network || rejectsOnError(analysis, call, call.node)) return rejection();
  // fetch, undici, a wrapper returning the Response: what follows the call decides, as in a loop body;
  // a `throw` there goes to the catch, if any, and otherwise to the library
  const after: Walk = handler ? { ...walk, onThrow: () => runList(walk, handler.body.body, () => set('stop')) } : walk;
  return continueAfter(after, statementOf(call.node), tryStatement ? tryStatement.block : fn.body, () => set('stop'));
}

/** A catch that only rethrows what it caught. */
function onlyRethrows(handler: TSESTree.CatchClause): boolean {
  const [only] = handler.body.body;
  return (
    handler.body.body.length === 1 &&
    only?.type === AST_NODE_TYPES.ThrowStatement &&
    handler.param?.type === AST_NODE_TYPES.Identifier &&
    only.argument.type === AST_NODE_TYPES.Identifier &&
    only.argument.name === handler.param.name
  );
}

/** The truth of a callback's result (`shouldRetry`, `retryCondition`, `handleWhen`) for a code. */
export function callbackTruth(walk: Walk, fn: FunctionNode | undefined): Truth {
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
