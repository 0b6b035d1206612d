/**
 * A retry construct built from the walk of its error path: verdicts per code
 * (computed once), the basis of its decision, and the delay before re-sending.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { ErrorEntry } from '../../catalog/schema.js';
import { findVariable, memberName, skipTransparent, someNode, type Node } from '../ast.js';
import type { FileAnalysis, ProviderCall } from '../file.js';
import type { ProviderInfo } from '../providers.js';
import { resolveExpression, staticValue } from '../values.js';
import { NETWORK_ERROR, type DecisionBasis, type Outcome, type RetryConstruct, type RetryDelay, type RetryVerdict } from './types.js';
import { answer, callsIn, insideWalk, traced, type Trace } from './decision.js';

const DELAY_CALLEE = /^(sleep|delay|wait|pause|backoff|setTimeout|timeout|setTimeoutPromise)$|(Sleep|Delay|Backoff|Wait|Timeout)$/;

/** A delay in the construct: a sleep/timer call, and whether its duration comes from the provider's wait hint. */
export function delayIn(analysis: FileAnalysis, node: Node, provider: ProviderInfo): RetryDelay {
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

export interface Builder {
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

let grouping = true;
let walks = 0;

/**
 * For tests and the bench: walk every code on its own (`false`) instead of
 * once per group of codes that answer alike; and how many walks were run.
 */
export function groupCodes(on: boolean): void {
  grouping = on;
}

export function codeWalks(): number {
  return walks;
}

function verdictOf(outcomes: Set<Outcome>): RetryVerdict {
  return outcomes.has('opaque') ? 'opaque' : outcomes.has('retry') ? 'retried' : 'not-retried';
}

export function construct(builder: Builder): RetryConstruct {
  const verdicts = new Map<ErrorEntry, RetryVerdict>();
  const basis = new Set<DecisionBasis>();
  // the walks so far: a code that answers a walk's questions as its code did gets the same verdict (see `traced`)
  const walked: { readonly trace: Trace; readonly verdict: RetryVerdict }[] = [];
  const verdict = (entry: ErrorEntry): RetryVerdict => {
    // asked from inside another walk: walked again, so that the outer walk records every question
    if (insideWalk()) return verdictOf(traced(entry, () => builder.walk(entry, basis)).result);
    let found = verdicts.get(entry);
    if (!found) {
      if (grouping) found = walked.find(({ trace }) => trace.answers.every(([question, given]) => answer(entry, question) === given))?.verdict;
      if (!found) {
        walks++;
        const { result: outcomes, trace } = traced(entry, () => builder.walk(entry, basis));
        found = verdictOf(outcomes);
        walked.push({ trace, verdict: found });
      }
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
