/** Retries by recursion: the function calls itself again from a catch, a failure branch or a `.catch` handler. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, isFunction, memberName, skipTransparent, walkNodes, type Node, type VisitorKeys } from '../ast.js';
import type { FileAnalysis, ProviderCall } from '../file.js';
import { NETWORK_ERROR, type Outcome, type RetryConstruct, type Walk } from './types.js';
import { baseWalk, callsIn, containsThrow, innermostTry, rejectsOnError, runExpression, runList, runStatement, set } from './decision.js';
import { construct, delayIn } from './construct.js';
import { sendsSameRequest } from './same-request.js';

export function recursionConstructs(analysis: FileAnalysis): RetryConstruct[] {
  // one construct per failure path (a `catch`, a `.catch()` handler): it re-sends every send of its `try` that it sends again
  const found = new Map<Node, { construct: RetryConstruct; calls: ProviderCall[]; checks: ((c: TSESTree.CallExpression) => boolean)[] }>();
  const keys = analysis.sourceCode.visitorKeys;
  // in source order, so that a failure path's construct is the one of its first send
  for (const call of [...analysis.calls].sort((a, b) => a.node.range[0] - b.node.range[0])) {
    const fn = enclosingFunction(call.node);
    if (!fn) continue;
    const same = new Map<TSESTree.CallExpression, boolean>();
    const callsAgain = (c: TSESTree.CallExpression): boolean => {
      let known = same.get(c);
      if (known === undefined) same.set(c, (known = sendsSameRequest(analysis, fn, call, c)));
      return known;
    };
    /** A recursion when `errorPath` sends the same request again; `run` walks it for one code. */
    const add = (errorPath: Node, run: (walk: Walk) => Set<Outcome>): void => {
      const again = callsIn(errorPath, keys).find(callsAgain);
      if (!again) return;
      const existing = found.get(errorPath);
      if (existing) {
        existing.calls.push(call);
        existing.checks.push(callsAgain);
        return;
      }
      const calls = [call];
      const checks = [callsAgain];
      const isRetryCall = (c: TSESTree.CallExpression) => checks.some((check) => check(c));
      found.set(errorPath, { construct: recursion(analysis, calls, again, run, isRetryCall, errorPath), calls, checks });
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
      // a branch on what the call gave back, not any later branch (`if (rows instanceof Error) await send(sorry)`)
      const branchAfter = statementsIn(fn.body, keys).find(
        (statement): statement is TSESTree.IfStatement =>
          statement.type === AST_NODE_TYPES.IfStatement &&
          statement.range[0] > call.node.range[1] &&
          readsOutcome(analysis, statement.test, call) &&
          callsIn(statement, keys).some(callsAgain),
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
  return [...found.values()].map((f) => f.construct);
}

/** Does a test read what the call gave back (its response, body, status or error: `!res.ok`, `body.error`)? */
function readsOutcome(analysis: FileAnalysis, test: Node, call: ProviderCall): boolean {
  let found = false;
  walkNodes(test, analysis.sourceCode.visitorKeys, (n) => {
    if (found) return 'stop';
    if (isFunction(n)) return false;
    if (n.type === AST_NODE_TYPES.Identifier || n.type === AST_NODE_TYPES.MemberExpression) found = analysis.kindOf(n)?.call === call;
    return undefined;
  });
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
  calls: ProviderCall[],
  again: TSESTree.CallExpression,
  run: (walk: Walk) => Set<Outcome>,
  isRetryCall: (c: TSESTree.CallExpression) => boolean,
  errorPath: Node,
): RetryConstruct {
  const call = calls[0]!;
  const provider = call.provider;
  return construct({
    form: 'recursion',
    node: again,
    provider,
    calls,
    region: enclosingFunction(call.node) ?? call.node,
    delay: delayIn(analysis, errorPath, provider),
    walk: (entry, basis) => run(baseWalk(analysis, entry, provider, basis, { isRetryCall })),
  });
}
