/**
 * How the outcome of each provider request is used across the file: checks
 * (`ok`, the HTTP status, the provider's error field or success flag),
 * success uses (a body field read, the body returned or passed on), hand-offs
 * (the response given to another function), or nothing at all.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, isPromiseResolve, programOf, skipTransparent, someNode, walkNodes, type FunctionNode, type Node } from './ast.js';
import type { ClientFamily } from './clients.js';
import { exits } from './dispatch.js';
import { promiseDropped, providerErrorsEscape } from './error-paths.js';
import { failureLacks, failureValueOf } from './failure-values.js';
import type { FileAnalysis, Kind, ProviderCall } from './file.js';
import { rejectsOnError } from './retries/index.js';
import { returnedExpressions, staticValue } from './values.js';

export interface OutcomeUses {
  /** Reads of `ok` or the status. */
  readonly statusChecks: Node[];
  /** Reads of the provider's error field or success flag (`body.error`, `'error' in body`, `body.isSuccess`). */
  readonly errorChecks: Node[];
  /** A body field other than the error read, or the body returned / passed on. */
  readonly successUses: Node[];
  /** The body or response only printed (`console.log('sent', data)`): reported as sent with no check. */
  readonly logged: Node[];
  /** The response or its promise given to another function, which may check it. */
  handedOff: boolean;
  /** The call's result is dropped. */
  discarded: boolean;
}

const PASSTHROUGH_PARENTS = new Set<string>([
  AST_NODE_TYPES.ChainExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.AwaitExpression,
]);

/** The outermost expression that still is the same value (`await x!` → the await). */
function outermost(node: Node): Node {
  let current = node;
  while (current.parent && PASSTHROUGH_PARENTS.has(current.parent.type)) current = current.parent;
  return current;
}

/** An identifier that only names something: an object key, a binding in a destructuring pattern, a parameter. */
function isNameOnly(node: TSESTree.Identifier): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.Property) {
    if (parent.parent?.type === AST_NODE_TYPES.ObjectPattern) return true; // `const { status } = res`
    return parent.key === node && parent.value !== node && !parent.computed; // `{ body: … }`
  }
  return (
    parent.type === AST_NODE_TYPES.ArrayPattern ||
    parent.type === AST_NODE_TYPES.RestElement ||
    (parent.type === AST_NODE_TYPES.AssignmentPattern && parent.left === node) ||
    (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id === node) ||
    ((parent.type === AST_NODE_TYPES.ArrowFunctionExpression || parent.type === AST_NODE_TYPES.FunctionExpression || parent.type === AST_NODE_TYPES.FunctionDeclaration) &&
      parent.params.includes(node))
  );
}

function isConsoleArgument(node: Node): boolean {
  for (let current: Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CallExpression) {
      const callee = skipTransparent(current.callee);
      return callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && (callee.object.name === 'console' || callee.object.name === 'logger');
    }
    if (current.type.endsWith('Statement') || current.type.endsWith('Declaration')) return false;
  }
  return false;
}

/** Test assertion functions: what they are given is examined (`expect(result).toEqual(…)`, `assert.equal(result, …)`, `t.deepEqual(result, …)`). */
const ASSERTIONS = new Set(['expect', 'assert', 'expectTypeOf']);
const ASSERTION_RECEIVERS = new Set(['assert', 't', 'expect']);

/** Is the value an argument of a test assertion? An assertion on a result checks it. */
function isAssertionArgument(node: Node): boolean {
  const outer = outermost(node);
  const call = outer.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee === outer) return false;
  const callee = skipTransparent(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return ASSERTIONS.has(callee.name);
  return callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && ASSERTION_RECEIVERS.has(callee.object.name);
}

/** Is the node in a function handed to a test assertion (`expect(async () => { await send() }).rejects.toThrow()`)? The assertion examines how it ends. */
function insideAssertedFunction(node: Node): boolean {
  const fn = enclosingFunction(node);
  return !!fn && isAssertionArgument(fn);
}

/** Test-suite functions: the callback they are given is a test (`it('sends', async () => …)`, `describe(…)`, `test.only(…)`). */
const SUITE_CALLS = new Set(['it', 'test', 'describe']);

/** Is the call a test assertion: `expect(…)`, `assert(…)`, `assert.deepEqual(…)`, `t.is(…)`? */
function isAssertionCall(node: Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTransparent(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return ASSERTIONS.has(callee.name);
  return callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && ASSERTION_RECEIVERS.has(callee.object.name);
}

/**
 * Is the node inside a test suite's callback (at any depth: a helper declared
 * in a `describe`, a `test` of `node:test`) that asserts something? There the
 * send goes to a stub, and what the test checks is what its assertions read
 * (the payload the stub captured), not the result it drops. A test that
 * asserts nothing checks nothing.
 */
export function insideTestSuite(analysis: FileAnalysis, node: Node): boolean {
  for (let fn = enclosingFunction(node); fn; fn = fn.parent ? enclosingFunction(fn.parent) : undefined) {
    const call = fn.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) continue;
    let callee = skipTransparent(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed) callee = skipTransparent(callee.object); // `it.only`, `test.skip`
    if (callee.type === AST_NODE_TYPES.Identifier && SUITE_CALLS.has(callee.name) && someNode(fn.body, analysis.sourceCode.visitorKeys, isAssertionCall)) return true;
  }
  return false;
}

function errorFields(kind: Kind): Set<string | number> {
  const fields = new Set<string | number>();
  const first = kind.provider.codePath[0];
  if (first !== undefined) fields.add(first);
  const flag = kind.provider.successFlagPath?.[0];
  if (flag !== undefined) fields.add(flag);
  return fields;
}

/** Is a value read in the test of a branch that leaves (`if (!data.url) throw …`, `if (!id) return null`)? */
function guards(node: Node): boolean {
  let current = node;
  while (current.parent && (current.parent.type === AST_NODE_TYPES.UnaryExpression || current.parent.type === AST_NODE_TYPES.LogicalExpression || current.parent.type === AST_NODE_TYPES.ChainExpression)) {
    current = current.parent;
  }
  const parent = current.parent;
  if (parent?.type !== AST_NODE_TYPES.IfStatement || parent.test !== current) return false;
  return exits(parent.consequent) || (!!parent.alternate && exits(parent.alternate));
}

/** Does `call` give back the very body it is given (a helper that parses or casts it), as its result or its promise's? */
function sameBody(analysis: FileAnalysis, call: TSESTree.CallExpression, kind: Kind): boolean {
  const result = analysis.kindOf(call);
  const settled = result?.k === 'promise' ? result.of : result;
  return settled?.k === 'body' && settled.path.length === 0 && settled.call === kind.call;
}

/**
 * Does the function that returns `node` declare a result that includes the
 * provider's error body: a return type (`Promise<T>` too) that is, or names a
 * type alias or interface of the file that is, a union with a member holding
 * the error field (`{ messages: … } | { error: { code: number } }`)? Then a
 * failure is part of its contract, and its callers are the ones to check it.
 */
function declaresFailure(analysis: FileAnalysis, node: Node, kind: Kind): boolean {
  const fn = enclosingFunction(node);
  const field = kind.provider.codePath[0];
  const annotation = fn?.returnType?.typeAnnotation;
  if (!annotation || typeof field !== 'string') return false;
  const program = programOf(fn);
  const seen = new Set<Node>();
  const visit = (type: TSESTree.TypeNode | TSESTree.TSInterfaceBody, depth: number): boolean => {
    if (depth > 4 || seen.has(type)) return false;
    seen.add(type);
    switch (type.type) {
      case AST_NODE_TYPES.TSUnionType:
      case AST_NODE_TYPES.TSIntersectionType:
        return type.types.some((t) => visit(t, depth + 1));
      case AST_NODE_TYPES.TSTypeLiteral:
        return type.members.some((m) => m.type === AST_NODE_TYPES.TSPropertySignature && !m.computed && m.key.type === AST_NODE_TYPES.Identifier && m.key.name === field);
      case AST_NODE_TYPES.TSInterfaceBody:
        return type.body.some((m) => m.type === AST_NODE_TYPES.TSPropertySignature && !m.computed && m.key.type === AST_NODE_TYPES.Identifier && m.key.name === field);
      case AST_NODE_TYPES.TSTypeReference: {
        if (type.typeName.type !== AST_NODE_TYPES.Identifier) return false;
        const name = type.typeName.name;
        if (name === 'Promise') {
          const inner = type.typeArguments?.params[0];
          return !!inner && visit(inner, depth + 1);
        }
        if (name === 'ErrorBody') return true; // the plugin's own type
        const declared = typeDeclaration(program, name);
        return !!declared && visit(declared.type === AST_NODE_TYPES.TSTypeAliasDeclaration ? declared.typeAnnotation : declared.body, depth + 1);
      }
      default:
        return false;
    }
  };
  return visit(annotation, 0);
}

/** A type alias or interface declared at the top of the file (exported or not). */
function typeDeclaration(program: TSESTree.Program, name: string): TSESTree.TSTypeAliasDeclaration | TSESTree.TSInterfaceDeclaration | undefined {
  for (const statement of program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if ((declaration?.type === AST_NODE_TYPES.TSTypeAliasDeclaration || declaration?.type === AST_NODE_TYPES.TSInterfaceDeclaration) && declaration.id.name === name) return declaration;
  }
  return undefined;
}

export class OutcomeIndex {
  private readonly uses = new Map<ProviderCall, OutcomeUses>();

  constructor(private readonly analysis: FileAnalysis) {
    walkNodes(analysis.sourceCode.ast, analysis.sourceCode.visitorKeys, (node) => {
      this.visit(node);
      return undefined;
    });
  }

  usesOf(call: ProviderCall): OutcomeUses {
    let uses = this.uses.get(call);
    if (!uses) {
      uses = { statusChecks: [], errorChecks: [], successUses: [], logged: [], handedOff: false, discarded: false };
      this.uses.set(call, uses);
    }
    return uses;
  }

  private visit(node: Node): void {
    if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === 'in') {
      const kind = this.analysis.kindOf(node.right);
      const field = staticValue(this.analysis, node.left);
      if (kind?.k === 'body' && kind.call && kind.path.length === 0 && (typeof field === 'string' || typeof field === 'number') && errorFields(kind).has(field)) {
        this.usesOf(kind.call).errorChecks.push(node);
      }
      return;
    }
    const call = this.analysis.providerCall(node);
    if (call?.request || call?.external) this.visitCall(call, node as TSESTree.CallExpression);
    if (node.type === AST_NODE_TYPES.CallExpression && !call) {
      // `return res.json()`: the parsed body handed to the caller as it is
      const kind = this.analysis.kindOf(node);
      const context = outermost(node).parent;
      // also `return parse(body)`, a helper that gives the body back as it is
      const settled = kind?.k === 'promise' ? kind.of : kind;
      // (`resolve(JSON.parse(data))` in a promise made by hand gives it to the caller the same way)
      const returned = context?.type === AST_NODE_TYPES.ReturnStatement || context?.type === AST_NODE_TYPES.ArrowFunctionExpression || (context?.type === AST_NODE_TYPES.CallExpression && isPromiseResolve(context.callee, this.analysis.sourceCode));
      if (settled?.k === 'body' && settled.path.length === 0 && returned) {
        // a function whose declared result includes the error body hands the check to its callers
        if (settled.call && !declaresFailure(this.analysis, outermost(node), settled)) this.usesOf(settled.call).successUses.push(node);
      }
      return;
    }
    if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression) return;
    const parent = node.parent;
    // Only the end of a member chain counts: `body.messages[0].id`, not `body.messages`.
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node) return;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id === node) return;
    if (node.type === AST_NODE_TYPES.Identifier && parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) return;
    if (node.type === AST_NODE_TYPES.Identifier && isNameOnly(node)) return;
    const kind = this.analysis.kindOf(node);
    if (!kind?.call) return;
    const uses = this.usesOf(kind.call);
    const outer = outermost(node);
    const context = outer.parent;
    if (kind.k === 'body' && kind.path.length > 0 && guards(outer)) {
      // `if (!body.messages?.[0]?.id) throw …`: an error body has no such field
      uses.errorChecks.push(node);
      return;
    }
    if (isAssertionArgument(node)) {
      // a test asserting on the response or its body examines the outcome
      uses.errorChecks.push(node);
      return;
    }
    switch (kind.k) {
      case 'status':
      case 'ok':
        if (!isConsoleArgument(node)) uses.statusChecks.push(node);
        return;
      case 'body': {
        if (isConsoleArgument(node)) {
          uses.logged.push(node);
          return;
        }
        if (kind.path.length > 0 && errorFields(kind).has(kind.path[0]!)) {
          uses.errorChecks.push(node);
          return;
        }
        if (kind.path.length > 0) {
          // `body.json()` (undici) is not a read of a field.
          if (context?.type === AST_NODE_TYPES.CallExpression && context.callee === outer) return;
          uses.successUses.push(node);
          return;
        }
        if (context?.type === AST_NODE_TYPES.VariableDeclarator) return; // tracked through the variable
        // `parse(body)` that gives the same body back (a cast, `await res.json()`): tracked through its result
        if (context?.type === AST_NODE_TYPES.CallExpression && context.callee !== outer && sameBody(this.analysis, context, kind)) return;
        // returned from a function whose declared result includes the error body: the callers are told to check it
        if ((context?.type === AST_NODE_TYPES.ReturnStatement || context?.type === AST_NODE_TYPES.ArrowFunctionExpression) && declaresFailure(this.analysis, outer, kind)) return;
        if (
          context?.type === AST_NODE_TYPES.ReturnStatement ||
          context?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
          (context?.type === AST_NODE_TYPES.CallExpression && context.callee !== outer) ||
          context?.type === AST_NODE_TYPES.Property ||
          context?.type === AST_NODE_TYPES.AssignmentExpression ||
          context?.type === AST_NODE_TYPES.SpreadElement
        ) {
          uses.successUses.push(node);
        }
        return;
      }
      case 'response':
      case 'error':
        // a call that resolves on HTTP errors (fetch, whatsapp-api-js) rejects only on network errors:
        // passing what its catch caught on (`log('send failed', err)`) says nothing about the response
        if (kind.k === 'error' && resolvesOnFailure(kind.call)) return;
        if (context?.type === AST_NODE_TYPES.CallExpression && context.callee !== outer) {
          if (isConsoleArgument(node)) uses.logged.push(node);
          else uses.handedOff = true;
        }
        return;
      default:
    }
  }

  private visitCall(call: ProviderCall, node: TSESTree.CallExpression): void {
    // `.catch(log)` / `.finally(…)` do not use the result
    const outer = pastRejectionHandlers(node);
    const parent = outer.parent;
    const uses = this.usesOf(call);
    if (parent?.type === AST_NODE_TYPES.ExpressionStatement || (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void')) {
      if (insideAssertedFunction(node)) uses.errorChecks.push(node);
      else uses.discarded = true;
    } else if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee !== outer) {
      uses.handedOff = true;
    } else if (parent?.type === AST_NODE_TYPES.ArrayExpression) {
      uses.handedOff = true; // Promise.all([...]) and friends
    }
  }
}

const indexes = new WeakMap<FileAnalysis, OutcomeIndex>();

/** The uses of a request's outcome in its file (the index is built once per file, on first use). */
export function outcomeUses(analysis: FileAnalysis, call: ProviderCall): OutcomeUses {
  let index = indexes.get(analysis);
  if (!index) {
    index = new OutcomeIndex(analysis);
    indexes.set(analysis, index);
  }
  return index.usesOf(call);
}

/**
 * How a provider call that does not reject on a failed request gives the
 * failure back: the client family of the request whose response (or parsed
 * body) the caller receives. `undefined` when a failure rejects (axios, got,
 * ky, a wrapper that throws), so there is nothing to check at the call.
 * Calls of same-file wrappers are judged at the request inside them, whose
 * uses include the caller's; calls of another file's wrapper that gives its
 * failures back as values are judged by the test of that value.
 */
export function resolvesOnFailure(call: ProviderCall): { family: ClientFamily } | undefined {
  if (call.request) return call.request.throwsOnHttpError ? undefined : { family: call.request.family };
  const external = call.external;
  if (!external) return undefined;
  const returned = external.analysis.returnKind(external.fn);
  const settled = returned?.k === 'promise' ? returned.of : returned;
  const inner = settled?.call;
  if (!settled || !inner?.request || (settled.k !== 'response' && !(settled.k === 'body' && settled.path.length === 0))) return undefined;
  // a wrapper that tests the outcome itself and gives a failure back as a value (`if (!res.ok) return null;`
  // before `return res.json()`): what it returns past that test is a success, and its callers test the value
  if (failureValueOf(external.analysis, external.fn)) return undefined;
  // every way a value comes back from the request to the wrapper's callers (through same-file helpers whose calls it
  // returns, `send = (to) => post(path, body)`, or several senders, `return useCloud ? viaCloud(m) : viaTwilio(m)`):
  // when on each of them some function tests the response and throws (`if (!res.ok) throw …`), only successes come back
  const maker = enclosingFunction(inner.node);
  const paths = returnPaths(external.analysis, external.fn, []) ?? [{ call: inner, fns: maker && maker !== external.fn ? [external.fn, maker] : [external.fn] }];
  const checked = paths.length > 0 && paths.every(({ call: sent, fns }) => fns.some((fn) => rejectsOnError(external.analysis, sent, fn)));
  return checked ? undefined : { family: inner.request.family };
}

/** The expressions a returned value may come from: both sides of `c ? a : b` and `a ?? b`, past `await`. */
function returnedLeaves(node: Node, out: Node[]): void {
  const current = skipTransparent(node);
  if (current.type === AST_NODE_TYPES.ConditionalExpression) {
    returnedLeaves(current.consequent, out);
    returnedLeaves(current.alternate, out);
  } else if (current.type === AST_NODE_TYPES.LogicalExpression) {
    returnedLeaves(current.left, out);
    returnedLeaves(current.right, out);
  } else if (current.type === AST_NODE_TYPES.AwaitExpression) {
    returnedLeaves(current.argument, out);
  } else {
    out.push(current);
  }
}

/**
 * The ways the value a function returns comes back from a request of its
 * file: for each request whose response or parsed body it returns, the
 * functions the value passes through (`fn`, the same-file functions whose
 * calls it returns, a few levels, and the function making the request).
 * `undefined` when a returned value is not known to be one.
 */
function returnPaths(analysis: FileAnalysis, fn: FunctionNode, through: readonly FunctionNode[]): { call: ProviderCall; fns: FunctionNode[] }[] | undefined {
  if (through.length >= 4 || through.includes(fn)) return undefined;
  const fns = [...through, fn];
  const leaves: Node[] = [];
  for (const returned of returnedExpressions(fn)) returnedLeaves(returned, leaves);
  const found: { call: ProviderCall; fns: FunctionNode[] }[] = [];
  for (const leaf of leaves) {
    const next = leaf.type === AST_NODE_TYPES.CallExpression ? analysis.calledFunction(leaf) : undefined;
    if (next) {
      const inner = returnPaths(analysis, next, fns);
      if (!inner) return undefined;
      found.push(...inner);
      continue;
    }
    const kind = analysis.kindOf(leaf);
    const settled = kind?.k === 'promise' ? kind.of : kind;
    const call = settled?.call;
    if (!settled || !call?.request || (settled.k !== 'response' && !(settled.k === 'body' && settled.path.length === 0))) return undefined;
    const maker = programOf(call.node) === programOf(fn) ? enclosingFunction(call.node) : undefined;
    if (!maker) return undefined;
    found.push({ call, fns: fns.includes(maker) ? fns : [...fns, maker] });
  }
  return found;
}

/**
 * What a caller does with the value a call gives back. `truthiness-only`: the
 * only tests are of the value's truth (`if (!r)`, `r ??`, `r === null`), which
 * a failure that is itself truthy (an error body, `{ ok: false }`, a
 * sentence) passes.
 */
export type ResultUse = 'discarded' | 'tested' | 'handed-off' | 'used' | 'truthiness-only';

const TEST_FIELDS = new Set(['ok', 'success', 'error', 'errors', 'isSuccess', 'status', 'failed', 'err']);

/** Methods of an HTTP framework's reply that send a value to the client: `res.send(x)`, `res.status(200).json(x)`, `reply.send(x)`. */
const REPLY_METHODS = new Set(['send', 'json', 'jsonp', 'end']);
const REPLY_NAMES = new Set(['res', 'response', 'reply', 'resp']);

/**
 * Is `call` a reply to an HTTP request (Express, Fastify): a `send`/`json` on
 * a parameter named `res`/`reply` (also after `.status(…)`)? What it is given
 * is reported to the client as the result, not examined.
 */
export function isReply(call: TSESTree.CallExpression): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.property.type !== AST_NODE_TYPES.Identifier || !REPLY_METHODS.has(callee.property.name)) return false;
  let receiver = skipTransparent(callee.object);
  while (receiver.type === AST_NODE_TYPES.CallExpression) {
    const inner = skipTransparent(receiver.callee);
    if (inner.type !== AST_NODE_TYPES.MemberExpression) return false;
    receiver = skipTransparent(inner.object); // `res.status(500)`
  }
  if (receiver.type !== AST_NODE_TYPES.Identifier || !REPLY_NAMES.has(receiver.name)) return false;
  // a parameter of an enclosing function (the request handler), not a module-level name
  for (let current: Node | undefined = call.parent; current; current = current.parent) {
    if ((current.type === AST_NODE_TYPES.ArrowFunctionExpression || current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) && current.params.some((p) => p.type === AST_NODE_TYPES.Identifier && p.name === receiver.name)) {
      return true;
    }
  }
  return false;
}

/**
 * Is the value the test of a branch (`if (r.id)`, `r.data?.length ? … : …`,
 * `while (!r.id)`, `if (r.id !== undefined && …)`)? A default (`r.items ??
 * []`, `r.count || 0` in a log line) decides nothing: the failure goes on as
 * an empty value.
 */
function decides(node: Node): boolean {
  let current = node;
  for (let parent = current.parent; parent; current = parent, parent = current.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.ForStatement:
        return parent.test === current;
      case AST_NODE_TYPES.UnaryExpression:
        if (parent.operator !== '!') return false;
        continue;
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSAsExpression:
        continue;
      case AST_NODE_TYPES.MemberExpression:
        if (parent.object !== current) return false;
        continue;
      case AST_NODE_TYPES.BinaryExpression:
        if (!['==', '===', '!=', '!==', '<', '<=', '>', '>='].includes(parent.operator)) return false;
        continue;
      default:
        return false;
    }
  }
  return false;
}

/**
 * `truth-test`: a test of a value's truth or presence only: `!r`, `if (r)`, `r && …`, `r ?? …`, `r == null`.
 * `field-test`: a test of a field every failure lacks (`if (r.id)` where a failure is `{ error }`).
 */
type ReadUse = ResultUse | 'truth-test' | 'field-test';

function isNullish(node: Node): boolean {
  const current = skipTransparent(node);
  return (current.type === AST_NODE_TYPES.Literal && current.value === null) || (current.type === AST_NODE_TYPES.Identifier && current.name === 'undefined');
}

/** Is a field absent from every failure value of the result read (so `r.id` is `undefined` on a failure)? */
type LacksField = (field: string) => boolean;

/**
 * Is `test` (`r.id`, `!r?.id`) a read of a field every failure lacks on the
 * variable `guard` names? Then `guard` before it (`r && r.id`, `!r || !r.id`)
 * only keeps the read from throwing on a null result: the field test decides,
 * and a truthy failure fails it.
 */
function guardsFieldTest(guard: Node, test: Node, lacks: LacksField | undefined): boolean {
  if (!lacks || guard.type !== AST_NODE_TYPES.Identifier) return false;
  let current = skipTransparent(test);
  if (current.type === AST_NODE_TYPES.UnaryExpression && current.operator === '!') current = skipTransparent(current.argument);
  if (current.type === AST_NODE_TYPES.ChainExpression) current = current.expression;
  if (current.type !== AST_NODE_TYPES.MemberExpression || current.computed || current.property.type !== AST_NODE_TYPES.Identifier) return false;
  const object = skipTransparent(current.object);
  return object.type === AST_NODE_TYPES.Identifier && object.name === guard.name && lacks(current.property.name);
}

/**
 * How one read of a value is used: tested, handed on, used as a success, or
 * nothing. `lacks`: the fields the value's failures do not have; a test of
 * one (`if (r.id)`, `r.data?.items ?? []`) is a test of the value.
 */
function readUse(node: Node, lacks?: LacksField): ReadUse | undefined {
  const outer = outermost(node);
  const parent = outer.parent;
  if (!parent) return undefined;
  switch (parent.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.WhileStatement:
      return parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== outer ? 'tested' : 'truth-test';
    case AST_NODE_TYPES.SwitchStatement:
      return 'tested';
    case AST_NODE_TYPES.UnaryExpression:
      if (parent.operator !== '!') return undefined;
      // `!r || !r.id`: the guard of a test of a field every failure lacks, which decides alone
      return parent.parent?.type === AST_NODE_TYPES.LogicalExpression && parent.parent.operator === '||' && parent.parent.left === parent && guardsFieldTest(outer, parent.parent.right, lacks) ? undefined : 'truth-test';
    case AST_NODE_TYPES.LogicalExpression:
      if (parent.left !== outer) return readUse(parent);
      // `r && r.id`: the same guard, before the field test
      return parent.operator === '&&' && guardsFieldTest(outer, parent.right, lacks) ? undefined : 'truth-test';
    case AST_NODE_TYPES.BinaryExpression: {
      const other = parent.left === outer ? parent.right : parent.left;
      return ['==', '===', '!=', '!=='].includes(parent.operator) && isNullish(other) ? 'truth-test' : 'tested';
    }
    case AST_NODE_TYPES.MemberExpression: {
      const name = parent.property.type === AST_NODE_TYPES.Identifier && !parent.computed ? parent.property.name : undefined;
      if (name !== undefined && TEST_FIELDS.has(name)) return 'tested';
      // `if (r.id)` where a failure is `{ error }`: the test is false for every failure
      if (name !== undefined && parent.object === outer && lacks?.(name) && decides(parent)) return 'field-test';
      // `r?.id` in a test (`if (r?.category)`): a null or undefined failure makes the test false
      if (parent.optional && parent.object === outer) {
        const up = readUse(parent);
        if (up === 'truth-test' || up === 'tested') return 'truth-test';
      }
      return 'used';
    }
    case AST_NODE_TYPES.CallExpression:
      if (parent.callee === outer) return 'used';
      if (isAssertionArgument(outer)) return 'tested';
      return isConsoleArgument(outer) || isReply(parent) ? 'used' : 'handed-off';
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.SpreadElement:
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.VariableDeclarator:
      return 'handed-off';
    default:
      return 'handed-off';
  }
}

/**
 * The uses of a promise's value read in a `.then` callback: `send().then((r) => { if (r.success) … })`
 * tests `r` there (also after `.catch(…)` or `.finally(…)`, which pass the value on). `undefined` when the
 * promise is not handed to `.then`; a callback that is not a function literal of this file is a hand-off.
 */
function promiseReadUses(analysis: FileAnalysis, node: Node, depth = 0, lacks?: LacksField): (ReadUse | undefined)[] | undefined {
  const outer = pastRejectionHandlers(node);
  const member = outer.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== outer || member.computed || member.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const call = member.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member || depth > 4) return undefined;
  if (member.property.name !== 'then') return undefined;
  const callback = call.arguments[0];
  if (!callback || (callback.type !== AST_NODE_TYPES.ArrowFunctionExpression && callback.type !== AST_NODE_TYPES.FunctionExpression)) return ['handed-off'];
  const param = callback.params[0];
  if (!param) return ['discarded'];
  if (param.type !== AST_NODE_TYPES.Identifier) return ['handed-off']; // destructured: what it keeps is read by name
  const variable = analysis.sourceCode.getDeclaredVariables(callback).find((v) => v.name === param.name);
  const reads = (variable?.references ?? []).filter((ref) => ref.isRead());
  return reads.length === 0 ? ['discarded'] : reads.flatMap((ref) => promiseReadUses(analysis, ref.identifier, depth + 1, lacks) ?? [readUse(ref.identifier, lacks)]);
}

/**
 * The outermost expression of a value after the `.catch(…)` and `.finally(…)`
 * calls on it (`send(to).catch((e) => log(e))`): they pass a resolved value on
 * as it is, so what happens to the end of the chain happens to the value.
 */
function pastRejectionHandlers(node: Node): Node {
  let outer = outermost(node);
  for (;;) {
    const member = outer.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== outer || member.computed || member.property.type !== AST_NODE_TYPES.Identifier || !['catch', 'finally'].includes(member.property.name)) return outer;
    const next = member.parent;
    if (next?.type !== AST_NODE_TYPES.CallExpression || next.callee !== member) return outer;
    outer = outermost(next);
  }
}

/**
 * Is a provider call's promise left floating (see `promiseDropped`), not
 * `void`ed on purpose, so that a rejection is unhandled (Node ends the
 * process on one by default) and its code goes nowhere? Only a call that
 * rejects with the provider's error: a request of a client that throws on
 * HTTP errors (not one handed a callback, `create(params, (err, m) => …)`),
 * or a function that lets the provider's failure out (see
 * `providerErrorsEscape`). Not inside a test that asserts something, nor
 * at a module's top level, outside every function (a script's or example's
 * send, run once as the module loads: a rejection there stops it at once,
 * printed with its code).
 */
export function floats(analysis: FileAnalysis, call: ProviderCall): boolean {
  if (!enclosingFunction(call.node) || promiseDropped(analysis, call) !== 'dropped') return false;
  if (insideAssertedFunction(call.node) || insideTestSuite(analysis, call.node)) return false;
  if (call.request && call.node.arguments.some((argument) => argument.type === AST_NODE_TYPES.ArrowFunctionExpression || argument.type === AST_NODE_TYPES.FunctionExpression)) return false;
  return providerErrorsEscape(analysis, call);
}

/**
 * What the caller does with a call's result: drops it (a statement, `void`, a
 * variable never read), tests it (`if (!r)`, `r.ok`, `r?.error`, `r ??`),
 * hands it on (returns it, passes it to a function, stores it), or uses it
 * as a success without any test (`r.id`, `console.log('sent', r)`,
 * `res.send(r)`). When the failure is itself truthy (`truthyFailure`), a test
 * of the value's truth does not count: `if (!r) throw …; return r.data` uses
 * an error body as data (`truthiness-only`).
 */
export function resultUse(
  analysis: FileAnalysis,
  call: TSESTree.CallExpression,
  truthyFailure = false,
  wrapper?: { analysis: FileAnalysis; fn: FunctionNode },
): ResultUse {
  const lacks: LacksField | undefined = wrapper && ((field) => failureLacks(wrapper.analysis, wrapper.fn, field));
  const outer = pastRejectionHandlers(call);
  const parent = outer.parent;
  if (parent?.type === AST_NODE_TYPES.ExpressionStatement || (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void')) {
    return insideAssertedFunction(call) || insideTestSuite(analysis, call) ? 'tested' : 'discarded';
  }
  let uses: (ReadUse | undefined)[];
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer) {
    if (parent.id.type !== AST_NODE_TYPES.Identifier) return 'handed-off'; // destructured: what it keeps is read by name
    const variable = analysis.sourceCode.getDeclaredVariables(parent)[0];
    const reads = (variable?.references ?? []).filter((ref) => ref.isRead());
    // a variable never read: dropped, unless a test that asserts on something else (the mocked request) keeps it
    if (reads.length === 0) return insideAssertedFunction(call) || insideTestSuite(analysis, call) ? 'tested' : 'discarded';
    uses = reads.flatMap((ref) => promiseReadUses(analysis, ref.identifier, 0, lacks) ?? [readUse(ref.identifier, lacks)]);
  } else {
    uses = promiseReadUses(analysis, call, 0, lacks) ?? [readUse(outer, lacks) ?? 'handed-off'];
  }
  const truthTested = uses.includes('truth-test');
  if (uses.includes('tested') || (truthTested && !truthyFailure)) return 'tested';
  // a test of a field no failure has, unless another test of the result's truth lets a failure through
  if (uses.includes('field-test') && !truthTested) return 'tested';
  if (uses.includes('handed-off')) return 'handed-off';
  if (uses.includes('used')) return truthTested ? 'truthiness-only' : 'used';
  return truthTested ? 'truthiness-only' : 'discarded';
}
