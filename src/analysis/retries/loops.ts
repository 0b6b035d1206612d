/** Retry loops: `for (let attempt = 0; …)`, `while (true)` with a `break` on success, `do … while (!sent)`. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isFunction, memberName, skipTransparent, someNode, walkNodes, type Node } from '../ast.js';
import type { FileAnalysis, ProviderCall } from '../file.js';
import { NETWORK_ERROR, type Outcome, type RetryConstruct, type Walk } from './types.js';
import { baseWalk, continueAfter, innermostTry, rejectsOnError, runList, set, statementOf } from './decision.js';
import { construct, delayIn } from './construct.js';
import { loopSendsNewRequests } from './same-request.js';

/**
 * A loop over a collection sends different requests, not the same one again:
 * its condition or counter reads a `.length` / `.size` (`i < items.length`,
 * `i = items.length - 1; i >= 0`, `while (queue.length > 0)`), it walks
 * linked items or serves a worker, or its request changes with each pass
 * (see `loopSendsNewRequests`).
 */
function isCollectionLoop(analysis: FileAnalysis, loop: TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement, call: ProviderCall): boolean {
  const parts: (Node | null | undefined)[] = [loop.test, loop.type === AST_NODE_TYPES.ForStatement ? loop.init : undefined];
  const text = parts.filter((p): p is Node => !!p).map((p) => analysis.sourceCode.getText(p)).join(' ');
  return /\.(length|size)\b/.test(text) || advancesCursor(analysis, loop, call) || isServiceLoop(analysis, loop, call) || loopSendsNewRequests(analysis, loop, call);
}

/** Does the send leave the loop when it works: a `return` or `break` in its `try` (or in the loop's body when there is none)? */
function leavesOnSuccess(analysis: FileAnalysis, loop: TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement, call: ProviderCall): boolean {
  const region = innermostTry(call.node, loop)?.block ?? loop.body;
  return someNode(
    region,
    analysis.sourceCode.visitorKeys,
    (node) => node.type === AST_NODE_TYPES.ReturnStatement || (node.type === AST_NODE_TYPES.BreakStatement && !node.label),
    (node) => isFunction(node) || (region !== node && (node.type === AST_NODE_TYPES.ForStatement || node.type === AST_NODE_TYPES.WhileStatement || node.type === AST_NODE_TYPES.DoWhileStatement || node.type === AST_NODE_TYPES.ForOfStatement || node.type === AST_NODE_TYPES.ForInStatement || node.type === AST_NODE_TYPES.SwitchStatement)),
  );
}

/**
 * A worker's service loop: `while (this.running)` (or `!this.stopped`),
 * whose flag no statement of the loop sets (`stop()` does, elsewhere), and
 * whose work does not leave the loop when it succeeds. It runs the work
 * again after a success as after a failure: a schedule (polling for jobs
 * every few seconds), not a retry of a failed send.
 */
function isServiceLoop(analysis: FileAnalysis, loop: TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement, call: ProviderCall): boolean {
  let test = loop.test && skipTransparent(loop.test);
  if (test?.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') test = skipTransparent(test.argument);
  if (test?.type !== AST_NODE_TYPES.MemberExpression || test.object.type !== AST_NODE_TYPES.ThisExpression || test.computed || test.property.type !== AST_NODE_TYPES.Identifier) return false;
  const field = test.property.name;
  const setsFlag = someNode(loop.body, analysis.sourceCode.visitorKeys, (node) => {
    const target = node.type === AST_NODE_TYPES.AssignmentExpression ? node.left : node.type === AST_NODE_TYPES.UpdateExpression ? node.argument : undefined;
    return target?.type === AST_NODE_TYPES.MemberExpression && target.object.type === AST_NODE_TYPES.ThisExpression && !target.computed && target.property.type === AST_NODE_TYPES.Identifier && target.property.name === field;
  });
  return !setsFlag && !leavesOnSuccess(analysis, loop, call);
}

/**
 * A walk over linked items: a variable the condition reads is set, as a
 * statement of the body's own on every pass, to a value looked up from
 * something (`node = edges.get(node)`, `cursor = page.next`), not counted
 * (`attempt++`, `delay = delay * 2`) nor set to a constant (`sent = true`),
 * and the send does not leave the loop when it works (a `return` or `break`
 * in its `try`, or after it when there is none, marks a retry until it works).
 * Each pass then sends for another item.
 */
function advancesCursor(analysis: FileAnalysis, loop: TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement, call: ProviderCall): boolean {
  if (!loop.test || loop.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  if (leavesOnSuccess(analysis, loop, call)) return false;
  const read = new Set<string>();
  const collect = (node: Node): void => {
    if (node.type === AST_NODE_TYPES.Identifier) read.add(node.name);
    else if (node.type === AST_NODE_TYPES.UnaryExpression || node.type === AST_NODE_TYPES.LogicalExpression || node.type === AST_NODE_TYPES.BinaryExpression) {
      for (const part of node.type === AST_NODE_TYPES.UnaryExpression ? [node.argument] : [node.left, node.right]) collect(part as Node);
    } else if (node.type === AST_NODE_TYPES.CallExpression) for (const arg of node.arguments) collect(arg);
  };
  collect(loop.test);
  // the body's own statements, and those of a `switch` on the item itself (`switch (node.type) { case 'message': …;
  // node = next(node); continue; }`, a flow run node by node: each kind of item moves on in its own case)
  const own: { statement: TSESTree.Statement; on?: TSESTree.Expression }[] = loop.body.body.map((statement) => ({ statement }));
  for (const statement of loop.body.body) {
    if (statement.type !== AST_NODE_TYPES.SwitchStatement) continue;
    for (const branch of statement.cases) {
      for (const inner of branch.consequent) {
        for (const flat of inner.type === AST_NODE_TYPES.BlockStatement ? inner.body : [inner]) own.push({ statement: flat, on: statement.discriminant });
      }
    }
  }
  return own.some(({ statement, on }) => {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
    const assigned = statement.expression;
    if (assigned.type !== AST_NODE_TYPES.AssignmentExpression || assigned.operator !== '=' || assigned.left.type !== AST_NODE_TYPES.Identifier || !read.has(assigned.left.name)) return false;
    const name = assigned.left.name;
    // a `switch` on something else (the send's result) may move on only after a success: a retry until it works
    if (on && !someNode(on, analysis.sourceCode.visitorKeys, (node) => node.type === AST_NODE_TYPES.Identifier && node.name === name)) return false;
    let value = skipTransparent(assigned.right);
    if (value.type === AST_NODE_TYPES.AwaitExpression) value = skipTransparent(value.argument);
    if (value.type !== AST_NODE_TYPES.CallExpression && value.type !== AST_NODE_TYPES.MemberExpression && value.type !== AST_NODE_TYPES.ChainExpression) return false;
    // looked up from the variable itself, and not by sending (`result = await send(result)` is a retry until it works)
    const inside = (node: Node) => node.range[0] >= value.range[0] && node.range[1] <= value.range[1];
    if (analysis.calls.some((call) => inside(call.node))) return false;
    return someNode(value, analysis.sourceCode.visitorKeys, (node) => node.type === AST_NODE_TYPES.Identifier && node.name === name && node !== assigned.left);
  });
}

type Loop = TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement;

const TAKES = new Set(['shift', 'pop']);
const PUTS_BACK = new Set(['unshift', 'push']);

/**
 * A loop that drains an in-memory queue, taking one item on each pass
 * (`const item = this.queue.shift()`, or `.pop()`, a statement of the loop's
 * own body), and the calls in it that put that same item back into that
 * queue (`this.queue.unshift(item)`, `.push(item)`, `.push({ ...item,
 * attempts: n })`), at once or in a timer callback (`setTimeout(() =>
 * this.queue.unshift(item), delay)`): the drain loop sends it again later.
 */
function requeueCalls(analysis: FileAnalysis, loop: Loop): Set<TSESTree.CallExpression> {
  const found = new Set<TSESTree.CallExpression>();
  if (loop.body.type !== AST_NODE_TYPES.BlockStatement) return found;
  const text = (node: Node) => analysis.sourceCode.getText(node);
  const taken: { queue: string; item: string }[] = [];
  for (const statement of loop.body.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      const init = declarator.init && skipTransparent(declarator.init);
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || init?.type !== AST_NODE_TYPES.CallExpression || init.callee.type !== AST_NODE_TYPES.MemberExpression) continue;
      const method = memberName(init.callee);
      if (typeof method === 'string' && TAKES.has(method) && init.arguments.length === 0) taken.push({ queue: text(init.callee.object), item: declarator.id.name });
    }
  }
  if (taken.length === 0) return found;
  const isItem = (argument: Node, item: string): boolean => {
    const current = skipTransparent(argument);
    if (current.type === AST_NODE_TYPES.Identifier) return current.name === item;
    return current.type === AST_NODE_TYPES.ObjectExpression && current.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement && isItem(p.argument, item));
  };
  walkNodes(loop.body, analysis.sourceCode.visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression || node.arguments.length !== 1) return undefined;
    const method = memberName(node.callee);
    const queue = text(node.callee.object);
    if (typeof method === 'string' && PUTS_BACK.has(method) && taken.some((t) => t.queue === queue && isItem(node.arguments[0]!, t.item))) found.add(node);
    return undefined;
  });
  return found;
}

export function loopConstructs(analysis: FileAnalysis): RetryConstruct[] {
  const found: RetryConstruct[] = [];
  const loops = new Map<Node, ProviderCall[]>();
  const drains = new Map<Loop, ProviderCall[]>();
  for (const call of analysis.calls) {
    for (let current: Node | undefined = call.node.parent; current; current = current.parent) {
      if (isFunction(current)) break;
      if (current.type === AST_NODE_TYPES.ForStatement || current.type === AST_NODE_TYPES.WhileStatement || current.type === AST_NODE_TYPES.DoWhileStatement) {
        if (!isCollectionLoop(analysis, current, call)) loops.set(current, [...(loops.get(current) ?? []), call]);
        else drains.set(current, [...(drains.get(current) ?? []), call]);
        break;
      }
      if (current.type === AST_NODE_TYPES.ForOfStatement || current.type === AST_NODE_TYPES.ForInStatement) break;
    }
  }
  for (const [loop, calls] of loops) {
    const built = sendLoop(analysis, loop as Loop, calls, { form: 'loop', node: loop, overrides: { inLoop: true }, atEnd: 'retry' });
    if (built) found.push(built);
  }
  // a drain loop that puts a failed item back into its queue (see `requeueCalls`) re-sends it: the item's send is
  // walked as in a retry loop, where putting it back retries, and the end of the pass, `continue` or `break` move on
  for (const [loop, calls] of drains) {
    const requeues = requeueCalls(analysis, loop);
    const [first] = requeues;
    if (!first) continue;
    const overrides = { inLoop: true, nextPass: 'stop' as const, isRetryCall: (c: TSESTree.CallExpression) => requeues.has(c) };
    const built = sendLoop(analysis, loop, calls, { form: 'requeue', node: first, overrides, atEnd: 'stop' });
    if (built) found.push(built);
  }
  return found;
}

/**
 * A loop around a send, walked from its first call: its `catch` when the
 * send rejects (or for a network error), else what follows the call in the
 * body (fetch resolves on HTTP errors: `if (res.ok) return …` decides); the
 * end of the body is `atEnd`. `undefined` when the first error leaves the
 * loop (no `try`, a client that throws).
 */
export function sendLoop(
  analysis: FileAnalysis,
  loop: Loop | TSESTree.ForOfStatement,
  calls: ProviderCall[],
  shape: {
    form: 'loop' | 'requeue' | 'reselect';
    node: Node;
    overrides: Partial<Walk>;
    atEnd: 'retry' | 'stop';
    /** What a `throw` does that no `try` of the loop's body catches (one that is caught runs its `catch`); by default the walk's `onThrow`. */
    uncaught?: 'retry' | 'stop';
    delay?: RetryConstruct['delay'];
    extra?: Pick<RetryConstruct, 'reselect'>;
  },
): RetryConstruct | undefined {
  const body = loop.body;
  const call = calls[0]!;
  const enclosingTry = innermostTry(call.node, loop);
  const rejects = enclosingTry ? rejectsOnError(analysis, call, enclosingTry.block) : false;
  // fetch, undici, or a wrapper that returns the Response: an HTTP error comes back as a value
  const resolvesOnError = !rejectsOnError(analysis, call, call.node);
  // the first error leaves the loop: no retry here (a reselect's record is left unmarked, so the next run sends it again)
  if (!enclosingTry && !resolvesOnError && !shape.uncaught) return undefined;
  const provider = call.provider;
  const leaves = () => set(shape.uncaught ?? 'stop');
  const built = construct({
    form: shape.form,
    node: shape.node,
    provider,
    calls,
    region: body,
    delay: shape.delay ?? delayIn(analysis, body, provider),
    walk: (entry, basis) => {
      const { uncaught } = shape;
      const onThrow = (statement: TSESTree.ThrowStatement): Set<Outcome> => {
        const caught = innermostTry(statement, body);
        return caught?.handler ? runList(walk, caught.handler.body.body, () => continueAfter(walk, caught, body, atEnd)) : leaves();
      };
      const walk = baseWalk(analysis, entry, provider, basis, uncaught ? { ...shape.overrides, onThrow } : shape.overrides);
      const atEnd = () => set(shape.atEnd);
      if (enclosingTry?.handler && (rejects || entry === NETWORK_ERROR)) {
        return runList(walk, enclosingTry.handler.body.body, () => continueAfter(walk, enclosingTry, body, atEnd));
      }
      if (entry === NETWORK_ERROR) return leaves();
      const holder = statementOf(call.node);
      if (holder.type === AST_NODE_TYPES.ReturnStatement || holder.type === AST_NODE_TYPES.ThrowStatement) return set('stop');
      return resolvesOnError ? continueAfter(walk, holder, body, atEnd) : leaves();
    },
  });
  return shape.extra ? { ...built, ...shape.extra } : built;
}
