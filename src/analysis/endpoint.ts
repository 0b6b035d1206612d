/**
 * What a provider call does, for the wording of messages: a send (a message
 * to a user: `/messages`, an SDK's send method, a `messaging_product`
 * payload), a template send (a Cloud API payload of `type: 'template'`, an
 * SDK's template method or template message), or
 * another request (templates, media, the business profile, a phone number's
 * registration, an SDK's media method, a read receipt). A wrapper does what
 * its first request does.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findProperty } from './ast.js';
import { cloudApiPayload, importOf, isSdk, payloadObject, SDKS, type RequestInfo, type SdkFamily } from './clients.js';
import type { FileAnalysis, ProviderCall } from './file.js';
import type { Endpoint } from './providers.js';
import { resolveExpression } from './values.js';

const SEND_PATH = /\/messages(?:[/?#\u0000]|$)|\/messages\.json|sendmessage|\/send(?:[/?#\u0000]|$)|\/msg(?:[/?#\u0000]|$)/i;

/** What a call does, with read receipts apart (they are requests to the messages endpoint that send no message). */
type Kind = Endpoint | 'receipt';

const cache = new WeakMap<ProviderCall, Kind>();

export function endpointOf(analysis: FileAnalysis, call: ProviderCall | undefined): Endpoint {
  const kind = kindOf(analysis, call, 0);
  return kind === 'receipt' ? 'request' : kind;
}

/**
 * A read receipt: a Cloud API payload of `status: 'read'`, or an SDK's
 * receipt method (whatsapp-api-js's `markAsRead`, Meta's
 * `messages.status(…)`); through a wrapper, its first request. It tells the
 * user's app a message was read and sends no message.
 */
export function isReadReceipt(analysis: FileAnalysis, call: ProviderCall | undefined): boolean {
  return kindOf(analysis, call, 0) === 'receipt';
}

function kindOf(analysis: FileAnalysis, call: ProviderCall | undefined, depth: number): Kind {
  if (!call) return 'send';
  const known = cache.get(call);
  if (known) return known;
  let found: Kind = 'send';
  if (call.request) {
    const text = call.request.url?.text;
    const { family, sdkMethod = '' } = call.request;
    const spec = isSdk(family) ? SDKS[family] : undefined;
    const otherRequest = spec?.requests?.has(sdkMethod) ?? false;
    const payload = otherRequest ? undefined : cloudApiPayload(analysis, call.request.data);
    if (otherRequest) found = 'request';
    else if (spec?.receiptMethods?.has(sdkMethod) || (payload && isReceipt(analysis, payload))) found = 'receipt';
    else if (isSdk(family)) found = sdkTemplate(analysis, call.request, family) ? 'template' : 'send';
    else if (payload || !text || SEND_PATH.test(text)) found = payload && isTemplate(analysis, payload) ? 'template' : 'send';
    else found = /[a-z0-9_\u0000]\/[a-z_]/i.test(text) ? 'request' : 'send';
  } else if (depth < 4) {
    const owner = call.wrapper ? { analysis, fn: call.wrapper } : call.external;
    const inner = owner?.analysis.calls.find((c) => c !== call && c.node.range[0] >= owner.fn.range[0] && c.node.range[1] <= owner.fn.range[1]);
    if (owner && inner) found = kindOf(owner.analysis, inner, depth + 1);
  }
  cache.set(call, found);
  return found;
}

/**
 * An SDK's send of a template: a template method (`wa.messages.template(…)`,
 * `bot.sendTemplate(…)`), the SDK's template message (`new Template(…)` of
 * whatsapp-api-js), or a Cloud API payload of `type: 'template'` (with or
 * without `messaging_product`, which SDKs add themselves).
 */
function sdkTemplate(analysis: FileAnalysis, request: RequestInfo, family: SdkFamily): boolean {
  if (SDKS[family].templateMethods?.has(request.sdkMethod ?? '')) return true;
  if (!request.data) return false;
  const object = payloadObject(analysis, request.data);
  if (object) return isTemplate(analysis, object);
  const made = resolveExpression(analysis, request.data);
  const kind = SDKS[family].templateClass;
  if (!kind || made.type !== AST_NODE_TYPES.NewExpression || made.callee.type !== AST_NODE_TYPES.Identifier) return false;
  const from = importOf(analysis, made.callee);
  return from?.name === kind.name && kind.module.test(from.module);
}

/** A Cloud API payload marking a message read: `status: 'read'`. */
function isReceipt(analysis: FileAnalysis, payload: TSESTree.ObjectExpression): boolean {
  const status = findProperty(payload, 'status');
  const value = status ? resolveExpression(analysis, status.value) : undefined;
  return value?.type === AST_NODE_TYPES.Literal && value.value === 'read';
}

/** A Cloud API payload sending a template: `type: 'template'`. */
function isTemplate(analysis: FileAnalysis, payload: TSESTree.ObjectExpression): boolean {
  const type = findProperty(payload, 'type');
  const value = type ? resolveExpression(analysis, type.value) : undefined;
  return value?.type === AST_NODE_TYPES.Literal && value.value === 'template';
}
