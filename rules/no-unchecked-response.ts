/**
 * Flags provider requests whose response is taken for a success without any
 * check of `ok`, the HTTP status or the provider's error field.
 */
import { own } from '../src/analysis/ast.js';
import { byNotability, endpointOf, failureValueOf, floats, type Endpoint, getAnalysis, type ProviderInfo, isReadReceipt, isTruthyFailure, outcomeUses, recordsFailures, resolvesOnFailure, resultUse, successRecordedAfter, swallowsFailures } from '../src/analysis/index.js';
import { calleeName, citeCode, createRule } from '../src/util/create-rule.js';

const CLIENT_LABEL: Record<string, string> = {
  fetch: 'fetch',
  'undici-request': 'undici request',
  axios: 'axios (with validateStatus)',
  got: 'got (with throwHttpErrors: false)',
  ky: 'ky (with throwHttpErrors: false)',
  ofetch: 'ofetch (with ignoreResponseError)',
  superagent: 'superagent',
  generic: 'this client',
  'sdk:whatsapp-api-js': 'whatsapp-api-js',
  'sdk:meta': "Meta's whatsapp SDK",
  'sdk:great-detail': '@great-detail/whatsapp',
  'sdk:infobip': '@infobip-api/sdk',
};

/** The provider's most notable error for this endpoint that no retry fixes, as messages cite it. */
const neverRetried = (provider: ProviderInfo, endpoint: Endpoint): string => {
  const [example] = byNotability(provider, provider.messagingErrors.filter((e) => e.retry === 'never'), endpoint);
  return example ? citeCode(example) : 'a validation error';
};

/** A call as messages name it: a send (a template send too) or another request. */
const sendOrRequest = (endpoint: Endpoint): 'send' | 'request' => (endpoint === 'request' ? 'request' : 'send');

export default createRule({
  name: 'no-unchecked-response',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a check of ok, the HTTP status or the error body before a provider response is used as a success',
      recommended: true,
    },
    schema: [],
    messages: {
      unchecked: 'This {{provider}} response is used unchecked, but {{client}} resolves on HTTP errors: a failed {{what}} such as {{example}} passes; check {{check}} or {{field}}.',
      uncheckedCallback:
        "This {{provider}} response is used unchecked, but Node's http.request hands its callback the response whatever the status: a failed {{what}} such as {{example}} passes; check res.statusCode or {{field}}.",
      discarded: 'The result of this {{provider}} {{what}} is dropped, so a failure such as {{example}} goes unnoticed; check ok or {{field}}.',
      floating:
        'Nothing awaits or catches this {{provider}} {{what}}, so a failure such as {{example}} becomes an unhandled rejection (which ends a Node process by default) and its code is lost; await it in a try, or add .catch().',
      failureDropped: '{{wrapper}}() gives {{provider}} failures back as {{shape}}, and this call drops the result, so a failed {{what}} is lost; test what it returns.',
      failureUnchecked: '{{wrapper}}() gives {{provider}} failures back as {{shape}}, and this call uses the result without testing it; test it first.',
      failureSwallowed:
        '{{wrapper}}() only logs {{provider}} failures and returns nothing, so this call counts a failed {{what}} as a success; make it throw or return the failure, and test it here.',
      failurePassesTest:
        "{{wrapper}}() gives {{provider}} failures back as {{shape}}, which is truthy, so this call's test of the result lets a failed {{what}} through; test its error field instead.",
    },
  },
  create(context) {
    const analysis = getAnalysis(context);
    if (!analysis) return {};
    return {
      'Program:exit'() {
        for (const call of analysis.calls) {
          const { provider } = call;
          // a client that rejects on HTTP errors checks for us: every documented error comes with a 4xx/5xx
          const outcome = resolvesOnFailure(call);
          if (!outcome) {
            // a wrapper that turns a failure into a value (`return null`, `{ ok: false, error }`): its callers must test it
            const target = call.wrapper ? { analysis, fn: call.wrapper } : call.external;
            const shape = target && failureValueOf(target.analysis, target.fn);
            if (!shape) {
              // a promise that rejects with the provider's error, and nothing awaits or catches it
              if (floats(analysis, call)) {
                const endpoint = endpointOf(analysis, call);
                context.report({ node: call.node, messageId: 'floating', data: { provider: provider.id, what: sendOrRequest(endpoint), example: neverRetried(provider, endpoint) } });
                continue;
              }
              // a wrapper that only logs its failures, and a caller that then records a success (`sent++`, `{ status: 'sent' }`)
              // (a send: a request that sends nothing, a lookup or a check, may well be best effort)
              if (target && endpointOf(analysis, call) !== 'request' && swallowsFailures(target.analysis, target.fn) && successRecordedAfter(analysis, call.node)) {
                const data = { wrapper: calleeName(context.sourceCode.getText(call.node.callee)), provider: provider.id, what: 'send' };
                context.report({ node: call.node, messageId: 'failureSwallowed', data });
              }
              continue;
            }
            // an error body, `{ ok: false }` or a sentence is truthy: `if (!r)` lets it through
            const use = resultUse(analysis, call.node, isTruthyFailure(shape), target);
            if (use !== 'discarded' && use !== 'used' && use !== 'truthiness-only') continue;
            // dropped after the wrapper wrote the failure into its record, or a read receipt nothing waits on: nothing is lost
            if (use === 'discarded' && (recordsFailures(target.analysis, target.fn) || isReadReceipt(analysis, call))) continue;
            const data = { wrapper: calleeName(context.sourceCode.getText(call.node.callee)), provider: provider.id, shape, what: sendOrRequest(endpointOf(analysis, call)) };
            context.report({ node: call.node, messageId: use === 'discarded' ? 'failureDropped' : use === 'used' ? 'failureUnchecked' : 'failurePassesTest', data });
            continue;
          }
          const uses = outcomeUses(analysis, call);
          if (uses.handedOff || uses.errorChecks.length > 0 || uses.statusChecks.length > 0) continue;
          const endpoint = endpointOf(analysis, call);
          const what = sendOrRequest(endpoint);
          const field = provider.codeField;
          const cited = neverRetried(provider, endpoint);
          if (uses.discarded) {
            // a read receipt sends no message: a dropped one loses nothing the app waits on
            if (!isReadReceipt(analysis, call)) context.report({ node: call.node, messageId: 'discarded', data: { provider: provider.id, field, what, example: cited } });
          } else if (uses.successUses.length > 0 || uses.logged.length > 0) {
            context.report({
              node: call.node,
              messageId: outcome.family === 'node-http' ? 'uncheckedCallback' : 'unchecked',
              data: {
                provider: provider.id,
                field,
                client: own(CLIENT_LABEL, outcome.family) ?? outcome.family,
                // undici's `request` gives a status code, no `ok`
                check: outcome.family === 'undici-request' ? 'statusCode' : 'ok',
                example: cited,
                what,
              },
            });
          }
        }
      },
    };
  },
});
