/**
 * Branches that only decide whether to try again: their statements re-send
 * (`await retryWithBackoff()`, `return this.requeue(job)`, `continue` in a
 * loop, a recursive call) and do nothing else. For such a branch, codes that
 * share a retry class are handled alike on purpose.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, memberName, skipTransparent, type Node } from '../ast.js';
import type { FileAnalysis } from '../file.js';

/** Names of functions that re-send or re-schedule. */
const RETRY_ACTION = /retr(?:y|ies)|backoff|requeue|re_?enqueue|reschedule|resend|tryagain/i;

/** The statements that run when a test holds: an `if`'s consequent, a `case`'s statements (with fall-through), the right of `&&`. */
function branchOf(test: Node): readonly Node[] | undefined {
  let current: Node = test;
  while (current.parent && (current.parent.type === AST_NODE_TYPES.LogicalExpression || current.parent.type === AST_NODE_TYPES.UnaryExpression)) {
    if (current.parent.type === AST_NODE_TYPES.LogicalExpression && current.parent.operator === '&&' && current.parent.left === current && current.parent.parent?.type === AST_NODE_TYPES.ExpressionStatement) {
      return [current.parent.right];
    }
    if (current.parent.type === AST_NODE_TYPES.UnaryExpression) return undefined; // a negated test selects the other statuses
    current = current.parent;
  }
  const parent = current.parent;
  if (parent?.type === AST_NODE_TYPES.IfStatement && parent.test === current) {
    return parent.consequent.type === AST_NODE_TYPES.BlockStatement ? parent.consequent.body : [parent.consequent];
  }
  if (parent?.type === AST_NODE_TYPES.SwitchCase && parent.test === current && parent.parent.type === AST_NODE_TYPES.SwitchStatement) {
    const cases = parent.parent.cases;
    const statements: TSESTree.Statement[] = [];
    for (const next of cases.slice(cases.indexOf(parent))) {
      statements.push(...next.consequent);
      if (next.consequent.length > 0) break;
    }
    return statements;
  }
  return undefined;
}

function isRetryAction(analysis: FileAnalysis, node: Node, within: Node): boolean {
  const current = skipTransparent(node);
  switch (current.type) {
    case AST_NODE_TYPES.BreakStatement:
      return true; // leaves the switch: part of the case, not an action
    case AST_NODE_TYPES.ContinueStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement:
      return current.body.length > 0 && current.body.every((s) => isRetryAction(analysis, s, within));
    case AST_NODE_TYPES.ExpressionStatement:
      return isRetryAction(analysis, current.expression, within);
    case AST_NODE_TYPES.ReturnStatement:
      return !!current.argument && isRetryAction(analysis, current.argument, within);
    case AST_NODE_TYPES.AwaitExpression:
      return isRetryAction(analysis, current.argument, within);
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipTransparent(current.callee);
      const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
      if (typeof name === 'string' && RETRY_ACTION.test(name)) return true;
      const fn = enclosingFunction(within);
      return !!fn && analysis.calledFunction(current) === fn; // calls itself again
    }
    default:
      return false;
  }
}

/** Does the branch a status test selects only re-send or re-schedule? */
export function decidesOnlyRetry(analysis: FileAnalysis, test: Node): boolean {
  const statements = branchOf(test);
  if (!statements || statements.length === 0) return false;
  const actions = statements.filter((s) => s.type !== AST_NODE_TYPES.BreakStatement);
  return actions.length > 0 && statements.every((s) => isRetryAction(analysis, s, test));
}
