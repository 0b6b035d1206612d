/**
 * `eslint-plugin-whatsapp-errors/catalog`: every documented error code of the
 * supported WhatsApp APIs, the types derived from them, and small runtime
 * helpers with no dependencies.
 */
import { dialog360 } from './providers/360dialog.js';
import { cequens } from './providers/cequens.js';
import { connexease } from './providers/connexease.js';
import { digiworld } from './providers/digiworld.js';
import { gupshup } from './providers/gupshup.js';
import { infobip } from './providers/infobip.js';
import { metaCloud, metaCloudDelivery, metaCloudStatusWebhook } from './providers/meta-cloud.js';
import { msgbubbles } from './providers/msgbubbles.js';
import { twilio } from './providers/twilio.js';
import { vonage } from './providers/vonage.js';
import { waServer } from './providers/wa-server.js';
import { codeIn, findEntry, isRetryableClass, readPath } from './lookup.js';
import type { DeliveryGroup, ProviderDefinition, RetryClass, StatusWebhook } from './schema.js';

export type { ApiPath, CodeMapping, Delivery, DeliveryGroup, ErrorEntry, Idempotency, MappedApi, ProviderDefinition, RetryClass, Scope, StatusCallback, StatusOnlyError, StatusWebhook } from './schema.js';
export { DELIVERIES, MAPPED_APIS, RETRY_CLASSES, SCOPES } from './schema.js';

/**
 * A provider with its status-webhook facts merged in: `statusWebhook`, and
 * `delivery` (with its source) on the entries a delivery group names. The
 * facts are kept in tables of their own at the end of the provider module.
 */
function withStatusWebhook<D extends ProviderDefinition, W extends StatusWebhook>(
  def: D,
  statusWebhook: W,
  groups: readonly DeliveryGroup[],
): D & { readonly statusWebhook: W } {
  const byCode = new Map<string | number, DeliveryGroup>();
  for (const group of groups) for (const code of group.codes) byCode.set(code, group);
  const errors = def.errors.map((entry) => {
    const group = byCode.get(entry.code);
    return group ? { ...entry, delivery: group.delivery, deliverySource: group.source } : entry;
  });
  return { ...def, statusWebhook, errors } as D & { readonly statusWebhook: W };
}

/** The built-in providers, by catalog id. */
export const catalog = {
  'meta-cloud': withStatusWebhook(metaCloud, metaCloudStatusWebhook, metaCloudDelivery),
  cequens,
  'wa-server': waServer,
  digiworld,
  msgbubbles,
  connexease,
  twilio,
  '360dialog': dialog360,
  vonage,
  infobip,
  gupshup,
} as const;

export type Catalog = typeof catalog;
/** A built-in provider id. */
export type Provider = keyof Catalog;
export const PROVIDERS = Object.keys(catalog) as Provider[];

type Entry<P extends Provider> = Catalog[P]['errors'][number];
/** A catalog code as a type: `*_failed` becomes `${string}_failed`. */
type CodeOf<E> = E extends { readonly code: infer C } ? (C extends `*${infer Suffix}` ? `${string}${Suffix}` : C) : never;
type RetryableEntry<P extends Provider> = Extract<Entry<P>, { readonly retry: 'transient' | 'rate-limit' }>;
type CoreEntry<P extends Provider> = Exclude<Entry<P>, { readonly scope: string } | { readonly code: `*${string}` }>;

/** Every code `P` documents. */
export type ErrorCode<P extends Provider> = CodeOf<Entry<P>>;
/** Codes a client may retry (retry class `transient` or `rate-limit`). */
export type RetryableCode<P extends Provider> = CodeOf<RetryableEntry<P>>;
/** Codes a client must not retry as they are (`never`, `after-fix`, `provider-retries`). */
export type NonRetryableCode<P extends Provider> = CodeOf<Exclude<Entry<P>, RetryableEntry<P>>>;
/** The codes `P` documents for HTTP status `S`. */
export type CodesForStatus<P extends Provider, S extends number> = CodeOf<
  Entry<P> extends infer E ? (E extends { readonly httpStatus: readonly (infer H)[] } ? (S extends H ? E : never) : never) : never
>;

/**
 * An object with one entry per documented messaging code of `P`; use it with
 * `satisfies` so that a missing code is a compile error. Codes of other
 * scopes (management, marketing-messages, webhook, legacy) and pattern codes
 * (`*_failed`) may be given but are not required.
 */
export type ErrorHandlers<P extends Provider, R> = { [K in CodeOf<CoreEntry<P>>]: R } & {
  [K in Exclude<ErrorCode<P>, CodeOf<CoreEntry<P>>>]?: R;
};

interface MetaCloudErrorBody {
  error: {
    code: ErrorCode<'meta-cloud'>;
    message: string;
    type?: string;
    error_subcode?: number;
    error_data?: { messaging_product?: 'whatsapp'; details?: string };
    error_user_title?: string;
    error_user_msg?: string;
    fbtrace_id?: string;
  };
}
interface CequensErrorBody {
  errors: { code: ErrorCode<'cequens'>; title?: string; details?: string; href?: string }[];
}
interface WaServerErrorBody {
  error: { code: ErrorCode<'wa-server'>; message: string; details?: { field?: string } };
  request_id?: string;
}
interface DigiworldErrorBody {
  error: ErrorCode<'digiworld'>;
  message: string;
}
interface MsgBubblesErrorBody {
  error: ErrorCode<'msgbubbles'>;
  message: string;
  request_id?: string;
}
interface ConnexeaseErrorBody {
  isSuccess: false;
  errors: {
    code: ErrorCode<'connexease'>;
    group?: string;
    description?: string;
    params?: { limit_type?: 'sec' | 'min'; retry_after?: string };
  };
}
/** The REST API's exception (`code`, `message`, `more_info`, `status`); the SDK's `RestException` has the same fields (`moreInfo`). */
interface TwilioErrorBody {
  code: ErrorCode<'twilio'>;
  message: string;
  more_info?: string;
  status: number;
  details?: Record<string, unknown>;
}
/** Meta's error passed through (`error`), or 360dialog's own error without a code (`meta`). */
interface Dialog360ErrorBody {
  error?: Omit<MetaCloudErrorBody['error'], 'code'> & { code: ErrorCode<'360dialog'> };
  meta?: { success: false; http_code: number; developer_message: string };
}
/** RFC 7807 problem details; the code is the fragment of `type`. */
interface VonageErrorBody {
  type: `${string}#${ErrorCode<'vonage'>}`;
  title: string;
  detail?: string;
  instance?: string;
  invalid_parameters?: { name: string; reason: string }[];
}
interface InfobipErrorBody {
  requestError: {
    serviceException: { messageId: ErrorCode<'infobip'>; text: string; validationErrors?: Record<string, string[]> };
  };
}
/** A `failed` message event on the app's callback URL (the send API itself answers 2xx). */
interface GupshupErrorBody {
  app?: string;
  timestamp?: number;
  version?: number;
  type: 'message-event';
  payload: { id: string; gsId?: string; type: 'failed'; destination?: string; payload: { code: ErrorCode<'gupshup'>; reason: string } };
}
interface ErrorBodies {
  'meta-cloud': MetaCloudErrorBody;
  cequens: CequensErrorBody;
  'wa-server': WaServerErrorBody;
  digiworld: DigiworldErrorBody;
  msgbubbles: MsgBubblesErrorBody;
  connexease: ConnexeaseErrorBody;
  twilio: TwilioErrorBody;
  '360dialog': Dialog360ErrorBody;
  vonage: VonageErrorBody;
  infobip: InfobipErrorBody;
  gupshup: GupshupErrorBody;
}
/** The parsed JSON error body `P` sends. */
export type ErrorBody<P extends Provider> = ErrorBodies[P];

/** Where each provider with status webhooks says its codes arrive (see `delivery`). */
interface DeliveryTables {
  'meta-cloud': typeof metaCloudDelivery;
}
/** The providers whose message statuses arrive by webhook with an `errors[]` array. */
export type WebhookProvider = keyof DeliveryTables;
type ResponseOnlyCode<P extends WebhookProvider> = Extract<DeliveryTables[P][number], { readonly delivery: 'response' }>['codes'][number];
/** The codes of `P` that can arrive by webhook: every documented code but those its docs give for the response only. */
export type WebhookErrorCode<P extends WebhookProvider> = Exclude<ErrorCode<P>, ResponseOnlyCode<P>>;

/** One element of a status's (or the webhook value's) `errors[]`. */
export interface WebhookError<P extends WebhookProvider = 'meta-cloud'> {
  code: WebhookErrorCode<P>;
  title: string;
  message?: string;
  error_data?: { details: string };
  href?: string;
}

/** The state of a sent message as a status webhook reports it (`played`: a voice message was played). */
export type WebhookStatusValue = 'sent' | 'delivered' | 'read' | 'played' | 'failed';

/** One element of `entry[].changes[].value.statuses[]`: `errors` is set on a `failed` status. */
export interface WebhookStatus<P extends WebhookProvider = 'meta-cloud'> {
  id: string;
  status: WebhookStatusValue;
  timestamp: string;
  recipient_id?: string;
  errors?: WebhookError<P>[];
  biz_opaque_callback_data?: string;
}

function definition(provider: Provider): ProviderDefinition {
  const found: ProviderDefinition | undefined = catalog[provider];
  if (!found) throw new TypeError(`Unknown WhatsApp provider '${String(provider)}'; expected one of ${PROVIDERS.join(', ')}`);
  return found;
}

/**
 * Reads the documented code out of a parsed error body of `provider`.
 * Returns `undefined` when the body carries no code, or a code the catalog
 * does not document.
 */
export function errorCodeOf<P extends Provider>(provider: P, body: unknown): ErrorCode<P> | undefined {
  const def = definition(provider);
  const code = codeIn(def, readPath(body, def.codePath));
  return findEntry(def, code) ? (code as ErrorCode<P>) : undefined;
}

/** The retry class of a code, or `undefined` for a code the catalog does not document. */
export function retryClassOf<P extends Provider>(provider: P, code: ErrorCode<P> | string | number | undefined): RetryClass | undefined {
  return findEntry(definition(provider), code)?.retry;
}

/** True for a documented `transient` or `rate-limit` code: a client retry (with backoff) can succeed. */
export function isRetryable<P extends Provider>(provider: P, code: ErrorCode<P> | string | number | undefined): boolean {
  const retry = retryClassOf(provider, code);
  return retry !== undefined && isRetryableClass(retry);
}
