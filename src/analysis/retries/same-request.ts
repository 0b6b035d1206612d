/**
 * Is a call on a failure path the same request sent again? Only then is it a
 * retry. A `catch` that sends another message (an apology after the
 * confirmation failed), a recursion that moves on to the next recipient
 * (`next(receivers[i])`) or a re-send with a payload corrected from the error
 * sends a new request.
 *
 * What makes a request is what the provider call reads: its arguments and
 * callee, followed through local variables to the parameters of the function
 * around it. A call sends the same request again when every parameter the
 * request reads gets the same value: the parameter itself (or the same
 * expression, for another call of the same wrapper), not written since the
 * first send. Parameters the request does not read (an attempt counter, a
 * delay, a logger) may change freely.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findVariable, isFunction, memberName, skipTransparent, walkNodes, type FunctionNode, type Node, type Variable } from '../ast.js';
import type { FileAnalysis, ProviderCall } from '../file.js';

/** How far local variables are followed back to what they are built from. */
const MAX_DEPTH = 4;

/** Identifiers that read a variable in `root` (property keys and `a.b`'s `b` are names, not reads); nested functions included. */
function readsIn(root: Node, keys: FileAnalysis['sourceCode']['visitorKeys']): TSESTree.Identifier[] {
  const found: TSESTree.Identifier[] = [];
  walkNodes(root, keys, (node) => {
    if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) return undefined;
    if (parent?.type === AST_NODE_TYPES.Property && parent.key === node && !parent.computed && !parent.shorthand) return undefined;
    found.push(node);
    return undefined;
  });
  return found;
}

function paramVariables(analysis: FileAnalysis, fn: FunctionNode): Variable[] {
  const scope = analysis.sourceCode.scopeManager?.acquire(fn);
  return scope ? scope.variables.filter((v) => v.defs.some((d) => d.type === 'Parameter' && d.node === fn)) : [];
}

/** What the requests of a function read: its parameters, and variables from outside it. */
interface Reads {
  readonly params: Set<Variable>;
  readonly outer: Set<Variable>;
}

/**
 * What the provider calls `calls` of `fn` read: the arguments and callee of
 * each, followed through variables declared in `fn` (their initializers and
 * later assignments) to parameters of `fn` and variables from outside it.
 */
function requestReads(analysis: FileAnalysis, calls: readonly TSESTree.CallExpression[], fn: FunctionNode): Reads {
  const keys = analysis.sourceCode.visitorKeys;
  const params = new Set(paramVariables(analysis, fn));
  const reads: Reads = { params: new Set(), outer: new Set() };
  const seen = new Set<Variable>();
  const follow = (node: Node, depth: number): void => {
    for (const id of readsIn(node, keys)) {
      const variable = findVariable(analysis.sourceCode, id);
      if (!variable || seen.has(variable)) continue;
      seen.add(variable);
      if (params.has(variable)) {
        reads.params.add(variable);
        continue;
      }
      const def = variable.defs[0];
      if (!def) continue; // a global
      const local = def.node.range[0] >= fn.range[0] && def.node.range[1] <= fn.range[1];
      if (!local) {
        reads.outer.add(variable);
        continue;
      }
      // a variable of the function (`const payload = payloadFor(receiver)`): what it is built from
      if (depth >= MAX_DEPTH || def.node.type !== AST_NODE_TYPES.VariableDeclarator) continue;
      if (def.node.init) follow(def.node.init, depth + 1);
      for (const ref of variable.references) if (ref.isWrite() && ref.writeExpr && !ref.init) follow(ref.writeExpr, depth + 1);
    }
  };
  for (const call of calls) {
    for (const argument of call.arguments) follow(argument, 0);
    follow(call.callee, 0);
  }
  return reads;
}

/**
 * Is `variable` changed between `from` and `to`: assigned (`payload = fix(payload)`,
 * `i += 1`), or its object mutated (`payload.text = …`, `Object.assign(payload, …)`)?
 */
function changedBetween(variable: Variable, from: number, to: number): boolean {
  return variable.references.some((ref) => {
    const at = ref.identifier.range[0];
    if (at < from || at > to) return false;
    if (ref.isWrite() && !ref.init) return true;
    // `payload.text = …`, `payload.a.b++`
    let current: Node = ref.identifier;
    while (current.parent?.type === AST_NODE_TYPES.MemberExpression && current.parent.object === current) current = current.parent;
    const parent = current.parent;
    if (current !== ref.identifier) {
      if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === current) return true;
      if (parent?.type === AST_NODE_TYPES.UpdateExpression) return true;
      if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete') return true;
    }
    // `Object.assign(payload, …)`
    return (
      parent?.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments[0] === current &&
      parent.callee.type === AST_NODE_TYPES.MemberExpression &&
      parent.callee.object.type === AST_NODE_TYPES.Identifier &&
      parent.callee.object.name === 'Object' &&
      memberName(parent.callee) === 'assign'
    );
  });
}

/** The variables a parameter declares, with the part of the pattern that binds each. */
function parameterBindings(param: TSESTree.Parameter): { pattern: Node; name: TSESTree.Identifier }[] {
  const plain = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
  const inner = plain.type === AST_NODE_TYPES.AssignmentPattern ? plain.left : plain;
  if (inner.type === AST_NODE_TYPES.Identifier) return [{ pattern: inner, name: inner }];
  if (inner.type === AST_NODE_TYPES.RestElement && inner.argument.type === AST_NODE_TYPES.Identifier) return [{ pattern: inner, name: inner.argument }];
  if (inner.type === AST_NODE_TYPES.ObjectPattern) {
    const found: { pattern: Node; name: TSESTree.Identifier }[] = [];
    for (const property of inner.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
      if (value.type === AST_NODE_TYPES.Identifier) found.push({ pattern: property, name: value });
    }
    return found;
  }
  return [];
}

/** Does `argument` pass on exactly the value the parameter binding holds (the parameter itself, unchanged since `from`)? */
function passesSame(analysis: FileAnalysis, argument: Node | undefined, binding: { pattern: Node; name: TSESTree.Identifier }, variable: Variable, from: number): boolean {
  if (!argument) return false;
  const to = argument.range[0];
  const same = (node: Node | undefined): boolean => {
    const current = node && skipTransparent(node);
    return current?.type === AST_NODE_TYPES.Identifier && findVariable(analysis.sourceCode, current) === variable && !changedBetween(variable, from, to);
  };
  if (binding.pattern.type === AST_NODE_TYPES.RestElement) return argument.type === AST_NODE_TYPES.SpreadElement && same(argument.argument);
  if (binding.pattern.type === AST_NODE_TYPES.Property) {
    // `function send({ to, text })` called again as `send({ to, text })`
    const current = skipTransparent(argument);
    if (current.type !== AST_NODE_TYPES.ObjectExpression) return false;
    const key = binding.pattern.key.type === AST_NODE_TYPES.Identifier ? binding.pattern.key.name : binding.pattern.key.type === AST_NODE_TYPES.Literal ? String(binding.pattern.key.value) : undefined;
    const property = current.properties.find(
      (p): p is TSESTree.Property =>
        p.type === AST_NODE_TYPES.Property && !p.computed && (p.key.type === AST_NODE_TYPES.Identifier ? p.key.name : p.key.type === AST_NODE_TYPES.Literal ? String(p.key.value) : undefined) === key,
    );
    return !!property && same(property.value);
  }
  return same(argument);
}

/**
 * `fn` calling itself again (`again`): the same request when every parameter
 * the requests of `fn` read is passed on unchanged since `call` was sent.
 */
function recursesWithSameRequest(analysis: FileAnalysis, fn: FunctionNode, call: ProviderCall, again: TSESTree.CallExpression): boolean {
  const [start, end] = fn.range;
  const requests = analysis.calls
    .filter((c) => c.node.range[0] >= start && c.node.range[1] <= end && analysis.calledFunction(c.node) !== fn)
    .map((c) => c.node);
  if (!requests.includes(call.node)) requests.push(call.node);
  const read = requestReads(analysis, requests, fn);
  const from = call.node.range[1];
  // the next element of a list the function walks (`i += 1; next()` where the request reads `items[i]`)
  for (const variable of read.outer) if (changedBetween(variable, from, again.range[0])) return false;
  for (const [index, param] of fn.params.entries()) {
    for (const binding of parameterBindings(param)) {
      const variable = findVariable(analysis.sourceCode, binding.name);
      if (!variable || !read.params.has(variable)) continue;
      if (!passesSame(analysis, again.arguments[index], binding, variable, from)) return false;
    }
  }
  return true;
}

/**
 * Are two expressions the same value: written the same, each name reading the
 * same variable (not a `const msg` of the `try` and another of the `catch`),
 * and none of those variables changed since the first send?
 */
function sameExpression(analysis: FileAnalysis, a: Node | undefined, b: Node | undefined, from: number): boolean {
  if (!a || !b) return a === b;
  const text = (n: Node) => analysis.sourceCode.getText(n).replace(/\s+/g, '');
  if (text(a) !== text(b)) return false;
  const keys = analysis.sourceCode.visitorKeys;
  const first = readsIn(a, keys);
  const second = readsIn(b, keys);
  if (first.length !== second.length) return false;
  return second.every((id, i) => {
    const variable = findVariable(analysis.sourceCode, id);
    if (variable !== findVariable(analysis.sourceCode, first[i]!)) return false;
    return !variable || !changedBetween(variable, from, b.range[0]);
  });
}

/**
 * Another call of the function `call` invoked (`wrapper`, of this file or of
 * `owner`'s): the same request when each argument the wrapper's requests read
 * is written the same and reads nothing changed since the first send.
 */
function callsWrapperWithSameRequest(analysis: FileAnalysis, wrapper: FunctionNode, owner: FileAnalysis, call: ProviderCall, again: TSESTree.CallExpression): boolean {
  const [start, end] = wrapper.range;
  const requests = owner.calls.filter((c) => c.node.range[0] >= start && c.node.range[1] <= end && owner.calledFunction(c.node) !== wrapper).map((c) => c.node);
  const read = requestReads(owner, requests, wrapper);
  const from = call.node.range[1];
  for (const [index, param] of wrapper.params.entries()) {
    const readsParam = parameterBindings(param).some((binding) => {
      const variable = findVariable(owner.sourceCode, binding.name);
      return !!variable && read.params.has(variable);
    });
    if (!readsParam) continue;
    const first = call.node.arguments[index];
    const second = again.arguments[index];
    if (first?.type === AST_NODE_TYPES.SpreadElement || second?.type === AST_NODE_TYPES.SpreadElement) {
      if (!sameExpression(analysis, first, second, from)) return false;
      break; // positions after a spread are not known
    }
    if (!sameExpression(analysis, first, second, from)) return false;
  }
  return true;
}

/** A direct request sent again: the same client, method, URL and payload, with nothing they read changed. */
function sameDirectRequest(analysis: FileAnalysis, call: ProviderCall, again: ProviderCall): boolean {
  const first = call.request;
  const second = again.request;
  if (!first || !second || first.family !== second.family || first.method !== second.method || first.clientOrigin !== second.clientOrigin) return false;
  if (first.url?.text !== second.url?.text) return false;
  const from = call.node.range[1];
  return sameExpression(analysis, first.urlNode, second.urlNode, from) && sameExpression(analysis, first.data, second.data, from) && sameExpression(analysis, first.configSource, second.configSource, from);
}

/**
 * Does `again`, on the failure path of `call` inside `fn`, send the same
 * request once more: `fn` calling itself with the same request arguments, the
 * same wrapper called with the same arguments, or the same direct request?
 */
export function sendsSameRequest(analysis: FileAnalysis, fn: FunctionNode, call: ProviderCall, again: TSESTree.CallExpression): boolean {
  if (again === call.node) return false;
  const target = analysis.calledFunction(again);
  if (target === fn) return recursesWithSameRequest(analysis, fn, call, again);
  if (call.wrapper && target === call.wrapper) return callsWrapperWithSameRequest(analysis, call.wrapper, analysis, call, again);
  const other = analysis.providerCall(again);
  if (!other || other.provider !== call.provider) return false;
  if (call.external && other.external) return call.external.fn === other.external.fn && callsWrapperWithSameRequest(analysis, call.external.fn, call.external.analysis, call, again);
  return sameDirectRequest(analysis, call, other);
}

type LoopNode = TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement;

/**
 * Variables a loop counts with: stepped by its update (`i++`) or by its own
 * statements (`attempt += 1`, `n = n + 1`), not in nested functions.
 */
function loopCounters(analysis: FileAnalysis, loop: LoopNode): Set<Variable> {
  const found = new Set<Variable>();
  const add = (target: Node) => {
    if (target.type !== AST_NODE_TYPES.Identifier) return;
    const variable = findVariable(analysis.sourceCode, target);
    if (variable) found.add(variable);
  };
  walkNodes(loop, analysis.sourceCode.visitorKeys, (node) => {
    if (isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.UpdateExpression) add(node.argument);
    else if (node.type === AST_NODE_TYPES.AssignmentExpression && (node.operator === '+=' || node.operator === '-=')) add(node.left);
    else if (node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === '=' && node.left.type === AST_NODE_TYPES.Identifier) {
      const right = skipTransparent(node.right);
      const name = node.left.name;
      if (right.type === AST_NODE_TYPES.BinaryExpression && (right.operator === '+' || right.operator === '-') && [right.left, right.right].some((side) => side.type === AST_NODE_TYPES.Identifier && side.name === name)) add(node.left);
    }
    return undefined;
  });
  return found;
}

/** `if (!job) break;` (or `return`, `== null`, `=== undefined`): the loop ends when the pass found nothing to take. */
function endsWhenEmpty(analysis: FileAnalysis, loop: LoopNode, variable: Variable): boolean {
  if (loop.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  const isVariable = (node: Node) => {
    const current = skipTransparent(node);
    return current.type === AST_NODE_TYPES.Identifier && findVariable(analysis.sourceCode, current) === variable;
  };
  const nothing = (node: Node) => (node.type === AST_NODE_TYPES.Literal && node.value === null) || (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined');
  const leaves = (statement: TSESTree.Statement): boolean => {
    if (statement.type === AST_NODE_TYPES.BreakStatement && !statement.label) return true;
    if (statement.type === AST_NODE_TYPES.ReturnStatement) return true;
    if (statement.type === AST_NODE_TYPES.BlockStatement) return statement.body.length > 0 && leaves(statement.body.at(-1)!);
    return false;
  };
  return loop.body.body.some((statement) => {
    if (statement.type !== AST_NODE_TYPES.IfStatement || !leaves(statement.consequent)) return false;
    const test = skipTransparent(statement.test);
    if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') return isVariable(test.argument);
    if (test.type !== AST_NODE_TYPES.BinaryExpression || !['==', '==='].includes(test.operator)) return false;
    return (isVariable(test.left) && nothing(test.right)) || (isVariable(test.right) && nothing(test.left as Node));
  });
}

/**
 * Does each pass of `loop` send another request than the pass before: one
 * whose URL or payload (for a wrapper, its arguments) reads the loop's
 * counter (a flow renamed `Checkout 2` after a name clash, the next host of
 * a list), a cursor the pass sets, as a statement of the loop body, from the
 * request's result (`after = page.paging.cursors.after`, the next page), or
 * an item the pass takes and the loop ends without (`const job = await
 * queue.claim(); if (!job) break;`)? A request's options do not count: a
 * timeout or a key scaled by the attempt still sends the same message again.
 */
export function loopSendsNewRequests(analysis: FileAnalysis, loop: LoopNode, call: ProviderCall): boolean {
  const keys = analysis.sourceCode.visitorKeys;
  const request = call.request;
  const sources: Node[] = request && (request.urlNode || request.data) ? [request.urlNode, request.data].filter((n): n is Node => !!n) : [...call.node.arguments];
  if (sources.length === 0) return false;
  const counters = loopCounters(analysis, loop);
  const inLoop = (node: Node) => node.range[0] >= loop.range[0] && node.range[1] <= loop.range[1];
  const seen = new Set<Variable>();
  // `cursor = …;` written directly in the loop's body
  const ownStatement = (id: TSESTree.Identifier | TSESTree.JSXIdentifier): boolean => {
    const assignment = id.parent;
    const statement = assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === id ? assignment.parent : undefined;
    return statement?.type === AST_NODE_TYPES.ExpressionStatement && statement.parent === loop.body;
  };
  // read from the request's result: the call itself, or a constant of the pass made from it (`const next = page.paging?.cursors?.after`)
  const fromResult = (node: Node, depth: number): boolean =>
    (node.range[0] <= call.node.range[0] && call.node.range[1] <= node.range[1]) ||
    (depth < MAX_DEPTH &&
      readsIn(node, keys).some((id) => {
        const def = findVariable(analysis.sourceCode, id)?.defs[0];
        return def?.node.type === AST_NODE_TYPES.VariableDeclarator && inLoop(def.node) && !!def.node.init && fromResult(def.node.init, depth + 1);
      }));
  const varies = (node: Node, depth: number): boolean =>
    readsIn(node, keys).some((id) => {
      const variable = findVariable(analysis.sourceCode, id);
      if (!variable || seen.has(variable)) return false;
      seen.add(variable);
      if (counters.has(variable)) return true;
      const def = variable.defs[0];
      // a cursor the pass sets, as a statement of the loop body, from what this request gave back (`after =
      // page.paging.cursors.after`): the next pass asks for the next page (one set inside the `try`, after the
      // call, stays as it was when the call fails, and the same page is asked for again)
      if (def && !inLoop(def.node) && variable.references.some((ref) => ref.isWrite() && !ref.init && !!ref.writeExpr && ownStatement(ref.identifier) && fromResult(ref.writeExpr, 0))) return true;
      if (!def || def.node.type !== AST_NODE_TYPES.VariableDeclarator || !inLoop(def.node) || depth >= MAX_DEPTH) return false;
      const init = def.node.init;
      if (init && isLookup(analysis, init) && endsWhenEmpty(analysis, loop, variable)) return true;
      if (init && varies(init, depth + 1)) return true;
      return variable.references.some((ref) => ref.isWrite() && !ref.init && !!ref.writeExpr && varies(ref.writeExpr, depth + 1));
    });
  return sources.some((source) => varies(source, 0));
}

/** A value looked up by a call that is not itself a send (`await queue.claim()`, `repo.findOne(…)`). */
function isLookup(analysis: FileAnalysis, init: Node): boolean {
  let value = skipTransparent(init);
  if (value.type === AST_NODE_TYPES.AwaitExpression) value = skipTransparent(value.argument);
  if (value.type !== AST_NODE_TYPES.CallExpression) return false;
  const [start, end] = value.range;
  return !analysis.calls.some((c) => c.node.range[0] >= start && c.node.range[1] <= end);
}
