/**
 * Flags retries around provider calls whose decision lets codes that cannot
 * succeed be re-sent, and retries of rate limits that do not wait.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { byNotability, endpointOf, ENGINE_STOP, getAnalysis, retryConstructs, type Endpoint, type JobEngine, type ProviderInfo } from '../src/analysis/index.js';
import type { ErrorEntry, RetryClass } from '../src/catalog/schema.js';
import { citeCode, createRule, listSome } from '../src/util/create-rule.js';

const NOT_RETRYABLE: readonly RetryClass[] = ['never', 'after-fix', 'provider-retries'];

/** Two telling examples: the best-known never-retry code, then an after-fix or provider-retried one (for the endpoint called). */
function examples(provider: ProviderInfo, hammered: readonly ErrorEntry[], endpoint: Endpoint): string {
  const entries = byNotability(provider, hammered, endpoint);
  const picked: ErrorEntry[] = [];
  for (const retry of NOT_RETRYABLE) {
    const entry = entries.find((e) => e.retry === retry);
    if (entry && picked.length < 2) picked.push(entry);
  }
  for (const entry of entries) if (picked.length < 2 && !picked.includes(entry)) picked.push(entry);
  return picked.map(citeCode).join(' and ');
}

export default createRule({
  name: 'no-blind-retry',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow retries of provider calls that re-send errors which cannot succeed as they are',
      recommended: true,
    },
    schema: [],
    messages: {
      blindRetry: 'This retry re-sends every {{provider}} error, including {{examples}}; retry only transient and rate-limit codes.',
      partialRetry: 'This retry also re-sends {{count}} {{provider}} {{errors}} that cannot succeed as sent, such as {{examples}}; retry only transient and rate-limit codes.',
      clientRetryStatuses: 'This {{library}} retry option re-sends {{count}} {{provider}} {{errors}} that cannot succeed as sent, such as {{examples}}; narrow statusCodes or methods.',
      jobRetry: 'This {{engine}} job runs again on every {{provider}} error it throws, including {{examples}}; {{stop}} for codes that cannot succeed.',
      jobPartialRetry: 'This {{engine}} job runs again on {{count}} {{provider}} {{errors}} that cannot succeed, such as {{examples}}; {{stop}} for them.',
      queueRetry: 'This RabbitMQ consumer re-queues the message with {{action}}() on every {{provider}} error, including {{examples}}; check the code\'s retry class first and send the others to a dead-letter queue.',
      queuePartialRetry: 'This RabbitMQ consumer re-queues the message with {{action}}() on {{count}} {{provider}} {{errors}} that cannot succeed as sent, such as {{examples}}; send them to a dead-letter queue instead.',
      requeueRetry: "This loop puts the item back with {{action}}() on every {{provider}} error, including {{examples}}, so it is sent again; check the code's retry class first and record the others as failed.",
      requeuePartialRetry: 'This loop puts the item back with {{action}}() on {{count}} {{provider}} {{errors}} that cannot succeed as sent, such as {{examples}}; record them as failed instead.',
      reselectRetry: "On every {{provider}} error, including {{examples}}, {{record}} is left as the query selects it ({{fields}} unchanged), so the next run of this scheduled job sends it again; check the code's retry class and record the others as failed.",
      reselectPartialRetry: 'On {{count}} {{provider}} {{errors}} that cannot succeed as sent, such as {{examples}}, {{record}} is left as the query selects it ({{fields}} unchanged), so the next run of this scheduled job sends it again; record them as failed.',
      failedReselectRetry: "This sends each {{record}} again because the query selected it as failed ({{filter}}), whatever {{provider}} error it failed with, including {{examples}}; store the code with the failure and select only records whose code is transient or a rate limit.",
      statusRetry: 'On every {{provider}} error, including {{examples}}, the send is set back to {{status}} with {{counter}} counted up, so it is sent again; check the code\'s retry class first and mark the others failed.',
      statusPartialRetry: 'On {{count}} {{provider}} {{errors}} that cannot succeed as sent, such as {{examples}}, the send is set back to {{status}} with {{counter}} counted up, so it is sent again; mark them failed instead.',
      eventsOnlyRetry: 'This retry re-sends every failed {{provider}} request without looking at the failure, and {{provider}} reports why a message failed, such as {{examples}}, only in its message events; retry here only on 429 and 5xx with backoff, and handle those codes where the events arrive.',
      rateLimitNoWait: 'This retry re-sends {{provider}} rate-limit errors ({{codes}}) at once; wait before the next attempt, with backoff.',
      ignoresRetryAfter: 'This retry of {{provider}} rate-limit errors ({{codes}}) ignores the wait in {{hint}}; wait that long before the next attempt.',
    },
  },
  create(context) {
    const analysis = getAnalysis(context);
    if (!analysis) return {};
    return {
      'Program:exit'() {
        for (const construct of retryConstructs(analysis)) {
          const { provider } = construct;
          // a retry re-sends a request: it is judged by the codes that arrive in a response. A provider with none
          // there (Gupshup: every code comes in a message event) leaves nothing to judge a decision on statuses by,
          // but a retry that looks at nothing re-sends whatever failed, and stays blind
          const looksAtNothing = () => ['nothing', 'attempts'].includes(construct.basis());
          const entries = provider.codesInResponses ? provider.responseErrors : looksAtNothing() ? provider.messagingErrors : [];
          const { node } = construct;
          const loc = construct.form === 'loop' ? context.sourceCode.getFirstToken(node)!.loc : node.loc;
          const hammered = entries.filter((e) => NOT_RETRYABLE.includes(e.retry) && construct.verdict(e) === 'retried');
          if (hammered.length > 0) {
            const basis = construct.basis();
            const every = basis === 'nothing' || basis === 'attempts';
            const count = hammered.length;
            const errors = count === 1 ? 'error' : 'errors';
            const cited = examples(provider, hammered, endpointOf(analysis, construct.calls[0]));
            if (!provider.codesInResponses) {
              // the codes cited arrive in events, never in a response this retry could look at: say so, in any form
              context.report({ node, loc, messageId: 'eventsOnlyRetry', data: { provider: provider.id, examples: cited } });
            } else if (construct.form === 'job') {
              const engine = construct.library as JobEngine;
              const stop = ENGINE_STOP[engine];
              if (every) context.report({ node, loc, messageId: 'jobRetry', data: { engine, provider: provider.id, examples: cited, stop } });
              else context.report({ node, loc, messageId: 'jobPartialRetry', data: { engine, provider: provider.id, examples: cited, stop, count, errors } });
            } else if (construct.form === 'queue' || construct.form === 'requeue') {
              const action = node.type === AST_NODE_TYPES.CallExpression ? context.sourceCode.getText(node.callee) : 'a re-publish';
              const [whole, partial] = construct.form === 'queue' ? (['queueRetry', 'queuePartialRetry'] as const) : (['requeueRetry', 'requeuePartialRetry'] as const);
              if (every) context.report({ node, loc, messageId: whole, data: { action, provider: provider.id, examples: cited } });
              else context.report({ node, loc, messageId: partial, data: { action, provider: provider.id, examples: cited, count, errors } });
            } else if (construct.form === 'reselect' && construct.reselect?.failed) {
              context.report({ node, loc, messageId: 'failedReselectRetry', data: { provider: provider.id, examples: cited, record: construct.reselect.record, filter: construct.reselect.failed } });
            } else if (construct.form === 'reselect' && construct.reselect) {
              const record = construct.reselect.record;
              const fields = listSome(construct.reselect.fields);
              if (every) context.report({ node, loc, messageId: 'reselectRetry', data: { provider: provider.id, examples: cited, record, fields } });
              else context.report({ node, loc, messageId: 'reselectPartialRetry', data: { provider: provider.id, examples: cited, record, fields, count, errors } });
            } else if (construct.form === 'status' && construct.statusWrite) {
              const { status, counter } = construct.statusWrite;
              if (every) context.report({ node, loc, messageId: 'statusRetry', data: { provider: provider.id, examples: cited, status, counter } });
              else context.report({ node, loc, messageId: 'statusPartialRetry', data: { provider: provider.id, examples: cited, status, counter, count, errors } });
            } else if (construct.form === 'client-option') {
              const library = construct.library ?? 'client';
              context.report({ node, loc, messageId: 'clientRetryStatuses', data: { library, provider: provider.id, count, errors, examples: cited } });
            } else if (every) {
              context.report({ node, loc, messageId: 'blindRetry', data: { provider: provider.id, examples: cited } });
            } else {
              context.report({ node, loc, messageId: 'partialRetry', data: { provider: provider.id, count, errors, examples: cited } });
            }
            continue;
          }
          // the next run of a schedule is a wait of its own
          if (construct.form === 'reselect') continue;
          // a client that already waits and re-sends them (Twilio's `autoRetry` for 429) has done the waiting
          const limited = entries.filter((e) => e.retry === 'rate-limit' && construct.verdict(e) === 'retried' && !analysis.clientWaitsFor(construct.calls, e));
          if (limited.length === 0) continue;
          const codes = listSome(limited.map((e) => String(e.code)));
          if (construct.delay === 'none') {
            context.report({ node, loc, messageId: 'rateLimitNoWait', data: { provider: provider.id, codes } });
          } else if (provider.def.retryAfter && construct.delay !== 'provider-hint') {
            const hint = provider.def.retryAfter.bodyPath ? `body.${provider.def.retryAfter.bodyPath}` : `the ${provider.def.retryAfter.header} header`;
            context.report({ node, loc, messageId: 'ignoresRetryAfter', data: { provider: provider.id, codes, hint } });
          }
        }
      },
    };
  },
});
