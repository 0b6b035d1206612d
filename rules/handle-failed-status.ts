/**
 * Flags WhatsApp status webhook handlers that never act on `failed`, or act
 * on it without reading the error code: most Cloud API send failures arrive
 * there, after the send was accepted with HTTP 200.
 */
import { getAnalysis, statusHandlers, type StatusHandler } from '../src/analysis/index.js';
import type { Node } from '../src/analysis/ast.js';
import { createRule, listSome } from '../src/util/create-rule.js';

type MessageId = 'failedIgnored' | 'statusIgnored' | 'failedWithoutCode' | 'failedStateIgnored';

/** `131047 (Re-engagement message)`, for the codes the catalog names as examples of failed sends. */
function examples(handler: StatusHandler): string[] {
  return handler.notable.map((code) => {
    const entry = handler.provider.entry(code);
    return entry ? `${code} (${entry.title})` : String(code);
  });
}

/** `'failed' or 'undelivered'`. */
function quoted(states: readonly string[], joiner: 'and' | 'or'): string {
  const items = states.map((state) => `'${state}'`);
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} ${joiner} ${items.at(-1)}` : (items[0] ?? '');
}

export default createRule<[], MessageId>({
  name: 'handle-failed-status',
  meta: {
    type: 'problem',
    docs: {
      description: "Require WhatsApp status webhook handlers to act on 'failed' statuses by their error code",
      recommended: true,
    },
    schema: [],
    messages: {
      failedIgnored: 'This {{provider}} status handler acts on {{handled}} but never on {{failed}}, so failures after HTTP 200 ({{examples}}) go unnoticed; act on {{codeField}}.',
      statusIgnored: 'This {{provider}} status handler never checks for {{failed}}, so failures after HTTP 200 ({{examples}}) go unnoticed; act on {{codeField}}.',
      failedStateIgnored: 'This {{provider}} status handler acts on {{handled}} but never on {{missing}}, which reports failures with {{codeField}} too; handle {{missing}} as well.',
      failedWithoutCode: 'This {{provider}} status handler acts on {{failed}} but {{detail}}, so {{first}} cannot be told from {{second}}; read {{codeField}} and act on it.',
    },
  },
  create(context) {
    const analysis = getAnalysis(context);
    if (!analysis) return {};
    return {
      'Program:exit'() {
        for (const handler of statusHandlers(analysis)) {
          if (handler.escapes) continue;
          const provider = handler.provider.id;
          const { codeField } = handler;
          const failed = handler.tests.find((t) => t.failed === 'named');
          // Twilio: 'failed' acted on, 'undelivered' (which carries an ErrorCode too) never looked at
          const partly = failed !== undefined && handler.unhandledFailed.length > 0;
          const actedOn = handler.failedStates.filter((state) => !partly || !handler.unhandledFailed.includes(state));
          if (partly) {
            context.report({ node: failed.node, messageId: 'failedStateIgnored', data: { provider, handled: quoted(actedOn, 'and'), missing: quoted(handler.unhandledFailed, 'or'), codeField } });
          }
          if (handler.readsCode) continue;
          // `'failed'`; Twilio's `'failed' or 'undelivered'` (those it acts on, when only some)
          const failedLabel = quoted(actedOn, 'or');
          const named = examples(handler);
          const [first = '', second = ''] = named;
          const fallback = handler.tests.find((t) => t.failed === 'fallback');
          const text = handler.texts[0];
          if (!failed && !fallback && handler.recorded.length === 0 && !text) {
            const [test] = handler.tests;
            if (test) {
              const handled = listSome([...new Set(handler.tests.flatMap((t) => t.values))].map((v) => `'${v}'`));
              context.report({ node: test.node, messageId: 'failedIgnored', data: { provider, handled, examples: listSome(named), codeField, failed: failedLabel } });
            } else if (handler.fieldReads.length > 0) {
              context.report({ node: handler.first, messageId: 'statusIgnored', data: { provider, examples: listSome(named), codeField, failed: failedLabel } });
            }
            continue;
          }
          const fields = [...new Set(handler.texts.map((t) => t.field))];
          const detail = fields.length > 0 ? `keeps only ${listSome(fields)}` : 'never reads the error code';
          const anchor: Node = failed?.node ?? text?.node ?? fallback?.node ?? handler.recorded[0] ?? handler.first;
          context.report({ node: anchor, messageId: 'failedWithoutCode', data: { provider, detail, first, second, codeField, failed: failedLabel } });
        }
      },
    };
  },
});
