/**
 * Flags WhatsApp status webhook handlers that never act on `failed`, or act
 * on it without reading the error code: most Cloud API send failures arrive
 * there, after the send was accepted with HTTP 200.
 */
import { droppedStatuses, getAnalysis, ignoredStatusEvents, statusHandlers, statuslessHandlers } from '../src/analysis/index.js';
import type { ProviderInfo } from '../src/analysis/providers.js';
import type { Node } from '../src/analysis/ast.js';
import { citeCode, createRule, listSome } from '../src/util/create-rule.js';

type MessageId = 'failedIgnored' | 'statusIgnored' | 'failedWithoutCode' | 'failedStateIgnored' | 'statusesUnread' | 'statusDropped' | 'eventsIgnored';

/** `131047 (Re-engagement message)`: the first code the catalog names as an example of a failed send. */
function example(handler: { readonly provider: ProviderInfo; readonly notable: readonly (string | number)[] }): string {
  const [code] = handler.notable;
  if (code === undefined) return 'a documented code';
  const entry = handler.provider.entry(code);
  return entry ? citeCode(entry) : String(code);
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
      failedIgnored: 'This {{provider}} status handler{{where}} acts on {{handled}} but not {{failed}}, missing failures like {{example}}; branch on {{codeField}}.',
      statusIgnored: 'This {{provider}} status handler{{where}} reads the status but never acts on {{failed}}, missing failures like {{example}}; branch on {{codeField}}.',
      failedStateIgnored: 'This {{provider}} status handler acts on {{handled}} but not {{missing}}, which carries {{codeField}} too; handle {{missing}} as well.',
      failedWithoutCode: 'This {{provider}} status handler{{where}} acts on {{failed}} but {{detail}}, so {{example}} looks like any failure; branch on {{codeField}}.',
      statusesUnread:
        "This {{provider}} webhook handler{{where}} reads value.messages but never value.statuses, where failed sends arrive as 'failed' with errors[].code (like {{example}}); handle the statuses too.",
      statusDropped:
        "{{callee}}() returns this {{provider}} webhook's status as '{{key}}', but it is never read here, so failed sends and their errors[].code (like {{example}}) are dropped; handle it.",
      eventsIgnored:
        "This {{provider}} callback handler acts only on {{acted}} events and drops '{{event}}', where failed sends arrive as {{statusField}} {{failed}} with {{codeField}} (like {{example}}); handle '{{event}}' events too.",
    },
  },
  create(context) {
    const analysis = getAnalysis(context);
    if (!analysis) return {};
    return {
      'Program:exit'() {
        for (const handler of statuslessHandlers(analysis)) {
          context.report({ node: handler.node, messageId: 'statusesUnread', data: { provider: handler.provider.id, where: handler.via ? ` (through ${handler.via})` : '', example: example(handler) } });
        }
        for (const ignored of ignoredStatusEvents(analysis)) {
          const { callback } = ignored;
          context.report({
            node: ignored.node,
            messageId: 'eventsIgnored',
            data: {
              provider: ignored.provider.id,
              acted: quoted(ignored.acted, 'and'),
              event: ignored.event,
              statusField: callback.statusPath,
              failed: quoted(callback.failedStates, 'or'),
              codeField: callback.codePath,
              example: example(ignored),
            },
          });
        }
        for (const dropped of droppedStatuses(analysis)) {
          context.report({ node: dropped.call, messageId: 'statusDropped', data: { provider: dropped.provider.id, callee: dropped.callee, key: dropped.key, example: example(dropped) } });
        }
        for (const handler of statusHandlers(analysis)) {
          if (handler.escapes) continue;
          const provider = handler.provider.id;
          const { codeField } = handler;
          // reported at an argument that hands the status to another file's code: name that code
          const where = (node: Node): string => {
            const via = handler.via.get(node);
            return via ? ` (through ${via})` : '';
          };
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
          const cited = example(handler);
          const fallback = handler.tests.find((t) => t.failed === 'fallback');
          const text = handler.texts[0];
          if (!failed && !fallback && handler.recorded.length === 0 && !text) {
            const [test] = handler.tests;
            if (test) {
              const handled = listSome([...new Set(handler.tests.flatMap((t) => t.values))].map((v) => `'${v}'`));
              context.report({ node: test.node, messageId: 'failedIgnored', data: { provider, where: where(test.node), handled, example: cited, codeField, failed: failedLabel } });
            } else if (handler.readsState) {
              // the status read and only printed, or used in a way that decides nothing
              context.report({ node: handler.first, messageId: 'statusIgnored', data: { provider, where: where(handler.first), example: cited, codeField, failed: failedLabel } });
            }
            continue;
          }
          const fields = [...new Set(handler.texts.map((t) => t.field))];
          const detail = fields.length > 0 ? `keeps only ${listSome(fields)}` : 'never reads the code';
          const anchor: Node = failed?.node ?? text?.node ?? fallback?.node ?? handler.recorded[0] ?? handler.first;
          context.report({ node: anchor, messageId: 'failedWithoutCode', data: { provider, where: where(anchor), detail, example: cited, codeField, failed: failedLabel } });
        }
      },
    };
  },
});
