/**
 * Flags tests of a provider response's HTTP status that cannot tell apart the
 * documented errors behind that status.
 */
import { decidesOnlyRetry, getAnalysis, handlingGroup, onlyWithoutCode, retryDecisions, statusTestOf, type StatusRange } from '../src/analysis/index.js';
import type { Node } from '../src/analysis/ast.js';
import { createRule, listSome } from '../src/util/create-rule.js';

const FAILURE: StatusRange = [400, 599];

/** The failure statuses a test selects, as written in a message: `409`, `400–499`, `502/503`. */
function statusLabel(ranges: readonly StatusRange[]): string {
  return ranges
    .map(([lo, hi]): StatusRange => [Math.max(lo, FAILURE[0]), Math.min(hi, FAILURE[1])])
    .filter(([lo, hi]) => lo <= hi)
    .map(([lo, hi]) => (lo === hi ? String(lo) : `${lo}–${hi}`))
    .join('/');
}

/** True when the test only tells success from failure: it selects no failure status, or all of them. */
function onlySuccessOrFailure(ranges: readonly StatusRange[]): boolean {
  const failures = ranges.map(([lo, hi]): StatusRange => [Math.max(lo, FAILURE[0]), Math.min(hi, FAILURE[1])]).filter(([lo, hi]) => lo <= hi);
  if (failures.length === 0) return true;
  const covered = failures.reduce((sum, [lo, hi]) => sum + (hi - lo + 1), 0);
  return covered >= FAILURE[1] - FAILURE[0] + 1;
}

export default createRule({
  name: 'no-status-branching',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow branching on an HTTP status that stands for several of a provider's documented errors",
      recommended: true,
    },
    schema: [],
    messages: {
      ambiguousStatus: 'HTTP {{status}} from {{provider}} stands for {{count}} different errors ({{codes}}); branch on {{field}} instead.',
      unreliableStatus: '{{provider}} does not map its errors to HTTP statuses reliably, so HTTP {{status}} does not identify an error; branch on {{field}} instead.',
      codedAndCodeless:
        'HTTP {{status}} from {{provider}} is coded errors ({{codes}}) and its own code-less ones ({{codeless}}); branch on {{field}} when present, on the status otherwise.',
    },
  },

  create(context) {
    const analysis = getAnalysis(context);
    if (!analysis) return {};
    const seen = new Set<Node>();
    const check = (node: Node): void => {
      const test = statusTestOf(analysis, node);
      if (!test || seen.has(test.node) || onlySuccessOrFailure(test.ranges)) return;
      seen.add(test.node);
      // a retry's decision is no-blind-retry's to judge; a fallback where no code came back has only the status
      if (retryDecisions(analysis).has(test.node) || onlyWithoutCode(analysis, test.node)) return;
      const { provider } = test;
      // a provider whose codes all arrive by webhook (Gupshup): the status is all its responses have
      if (!provider.codesInResponses) return;
      const status = statusLabel(test.ranges);
      const messaging = <E extends { readonly scope?: string }>(e: E) => (e.scope ?? 'messaging') === 'messaging';
      // errors documented without a code (360dialog's own): for them the status is the only signal
      const codeless = provider.statusOnlyForStatuses(test.ranges).filter(messaging);
      if (codeless.length > 0) {
        const coded = provider.entriesForStatuses(test.ranges).filter(messaging);
        if (coded.length === 0) return;
        context.report({
          node: test.node,
          ...(test.loc ? { loc: test.loc } : {}),
          messageId: 'codedAndCodeless',
          data: { status, provider: provider.id, codes: listSome(coded.map((e) => String(e.code))), codeless: listSome(codeless.map((e) => e.title)), field: provider.codeField },
        });
        return;
      }
      if (!provider.def.statusReliable) {
        context.report({ node: test.node, ...(test.loc ? { loc: test.loc } : {}), messageId: 'unreliableStatus', data: { provider: provider.id, status, field: provider.codeField } });
        return;
      }
      // two documented errors behind the status are two problems, even when they share a retry class;
      // a branch that only tries again treats them alike on purpose when they do
      const entries = provider.entriesForStatuses(test.ranges).filter((e) => (e.scope ?? 'messaging') === 'messaging');
      const distinct = decidesOnlyRetry(analysis, test.node) ? new Set(entries.map((e) => handlingGroup(e.retry))).size : entries.length;
      if (distinct < 2) return;
      context.report({
        node: test.node,
        ...(test.loc ? { loc: test.loc } : {}),
        messageId: 'ambiguousStatus',
        data: { status, provider: provider.id, count: entries.length, codes: listSome(entries.map((e) => String(e.code))), field: provider.codeField },
      });
    };
    return { BinaryExpression: check, SwitchCase: check, CallExpression: check };
  },
});
