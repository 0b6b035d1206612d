/**
 * The shape of a provider's catalog entry. Built-in providers and the custom
 * providers a user declares in settings share it.
 */

/** How a client should treat a retry of the same request after this error. */
export const RETRY_CLASSES = ['transient', 'rate-limit', 'after-fix', 'never', 'provider-retries'] as const;
export type RetryClass = (typeof RETRY_CLASSES)[number];

/**
 * Where in the provider's API a code comes from. `messaging` codes answer a
 * send and are what an error dispatch must handle; the others are documented
 * but belong to other endpoints (template management, the Marketing Messages
 * API, webhook verification) or are legacy.
 */
export const SCOPES = ['messaging', 'management', 'marketing-messages', 'webhook', 'legacy'] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * How a code reaches a client: in the `response` to the request, by
 * `webhook` only (a send accepted with HTTP 200 that fails later, in a
 * `failed` status), or `both`. Unset when the provider's docs say neither;
 * rules then treat the code as `both`.
 */
export const DELIVERIES = ['response', 'webhook', 'both'] as const;
export type Delivery = (typeof DELIVERIES)[number];

export interface ErrorEntry {
  /**
   * The code exactly as the API sends it. A string starting with `*` is a
   * pattern: `*_failed` matches any code that ends in `_failed`.
   */
  readonly code: string | number;
  /** For a numeric code that stands for a documented range (Meta 200–299): the last code of the range. */
  readonly rangeEnd?: number;
  /** The HTTP statuses the docs give for this code; empty when they give none. */
  readonly httpStatus: readonly number[];
  /** The provider's own short name for the error. */
  readonly title: string;
  /** What to do about it, in one line. */
  readonly remedy: string;
  readonly retry: RetryClass;
  /** Where the code is documented: a seed file name or a documentation URL. */
  readonly source: string;
  /** Default `messaging`. */
  readonly scope?: Scope;
  /**
   * The WhatsApp API codes this code stands for, as the provider publishes the
   * correspondence (Twilio maps several On-Premises codes onto one of its own).
   */
  readonly maps?: CodeMapping;
  /** Where the code arrives; unset when the docs do not say (read as `both`). */
  readonly delivery?: Delivery;
  /** Where `delivery` is documented (set with it). */
  readonly deliverySource?: string;
}

/**
 * Which WhatsApp API numbers a mapped code: `meta-cloud` is Meta's Cloud API
 * (the `meta-cloud` catalog), `meta-on-premises` the retired On-Premises
 * client (470, 1000–1026, 2000–2013…).
 */
export const MAPPED_APIS = ['meta-cloud', 'meta-on-premises'] as const;
export type MappedApi = (typeof MAPPED_APIS)[number];

export interface CodeMapping {
  readonly api: MappedApi;
  readonly codes: readonly number[];
  /** Where the provider publishes the correspondence. */
  readonly source: string;
}

/**
 * An error the provider documents with an HTTP status and a message but no
 * machine-readable code: the status is the only signal a client can branch on
 * (the message is for people and may change).
 */
export interface StatusOnlyError {
  readonly httpStatus: number;
  /** The provider's wording of the error, shortened. */
  readonly title: string;
  readonly remedy: string;
  readonly retry: RetryClass;
  readonly source: string;
  /** Default `messaging`. */
  readonly scope?: Scope;
}

/**
 * A provider whose message statuses arrive by webhook with an `errors[]`
 * array (Meta's `statuses[].errors[]`). Each element of that array is read as
 * the error object of the provider's error body (the body path of the code
 * without its last step: `error` for Meta's `error.code`), so its `code` sits
 * at the provider's `codePath`.
 */
export interface StatusWebhook {
  /** Fields of a webhook error element that are human-readable text (relative to the element). */
  readonly messageFields: readonly string[];
  /** Codes that messages about status handlers name as examples of failures that arrive by webhook. */
  readonly notable: readonly (string | number)[];
  /** Where the payload shape is documented. */
  readonly sources: readonly string[];
}

/**
 * A provider whose message statuses arrive one message at a time, in a
 * callback with flat fields (Twilio's status callback, Gupshup's message
 * event), rather than in Meta's `statuses[].errors[]`. Paths are dotted paths
 * in the callback body.
 */
export interface StatusCallback {
  /** `form`: an `application/x-www-form-urlencoded` body, so every value (the code too) is a string. */
  readonly encoding: 'form' | 'json';
  /** Where the message status is (`MessageStatus`; `payload.type`). */
  readonly statusPath: string;
  /** The status values that mean the send failed. */
  readonly failedStates: readonly string[];
  /**
   * Where the error code of a failed status is (`ErrorCode`). It is the
   * provider's code, read as the catalog's `codePath`; the callback's other
   * fields at one of the provider's `messagePaths` are its text.
   */
  readonly codePath: string;
  /** Fields that start a callback when read off a value nothing else is known about (`MessageStatus`, `ErrorCode`; Gupshup's `payload`). */
  readonly rootFields: readonly string[];
  /** Text a file must contain for its callbacks to be looked for (cheap pre-filter). */
  readonly textMarkers: readonly string[];
  /**
   * Text in a handler that says the callback is the provider's WhatsApp one:
   * Twilio's `whatsapp:` address prefix, Gupshup's `message-event` type. WhatsApp
   * in the handler's name, route or class counts too.
   */
  readonly evidence: readonly string[];
  /** Codes that messages about status handlers name as examples. */
  readonly notable: readonly (string | number)[];
  /**
   * The callback's own field naming its event, and its value for a status
   * (Gupshup: `type`, `message-event`), where other events reuse the status
   * field for something else (an inbound message's kind in `payload.type`).
   */
  readonly eventType?: { readonly path: string; readonly value: string };
  /** Where the callback is documented. */
  readonly sources: readonly string[];
}

/** Where a group of codes arrives, with the page that says so. */
export interface DeliveryGroup {
  readonly delivery: Delivery;
  readonly codes: readonly (string | number)[];
  readonly source: string;
}

/** A path prefix of a provider's API, with the page that documents it. */
export interface ApiPath {
  readonly prefix: string;
  readonly source: string;
}

/** Idempotency support: a request header or a request-body field. */
export type Idempotency =
  | { readonly kind: 'header'; readonly name: string }
  | { readonly kind: 'body-field'; readonly name: string; readonly aliases?: readonly string[] };

export interface ProviderDefinition {
  readonly id: string;
  /** Display name used in messages and docs. */
  readonly name: string;
  /** API hosts whose URLs identify the provider. */
  readonly hosts: readonly string[];
  /**
   * Hosts of `hosts` that other, non-WhatsApp APIs share (`graph.facebook.com`
   * also serves Pages, Ads, Instagram and Messenger; Twilio's and Vonage's
   * serve SMS and voice): a request to them is the
   * provider's only with WhatsApp evidence (payload, path or names).
   */
  readonly sharedHosts?: readonly string[];
  /**
   * Path prefixes that only the provider's WhatsApp endpoints have (Infobip's
   * `/whatsapp/1/message/`): WhatsApp evidence for a request to one of its
   * shared hosts, and enough on their own for a request whose base URL the code
   * does not show (each Infobip account has a host of its own, usually read
   * from configuration). A literal host that is not the provider's is another API.
   */
  readonly whatsappPaths?: readonly ApiPath[];
  /**
   * Catalog ids whose codes this provider passes through unchanged (360dialog
   * and Gupshup relay Meta's Cloud API codes); those codes are also in `errors`.
   */
  readonly passesThrough?: readonly string[];
  /** Dotted path of the code inside a parsed error body; `[0]` marks an array element (`errors[0].code`). */
  readonly codePath: string;
  /** The JSON type of the code. */
  readonly codeType: 'string' | 'number' | 'string-or-number';
  /**
   * How the code sits in the value at `codePath`, when it is not the value
   * itself: `url-fragment` for a URL whose fragment (after `#`) is the code,
   * as in the RFC 7807 `type` of Vonage (`…/api-errors/messages#1020`).
   */
  readonly codeEncoding?: 'url-fragment';
  /** Paths of the human-readable fields of an error body (messages, titles, details). */
  readonly messagePaths: readonly string[];
  /** A boolean field that is `false` on an error even when the HTTP status is 2xx. */
  readonly successFlag?: string;
  /** Where the provider says how long to wait before retrying a rate-limited request. */
  readonly retryAfter?: { readonly bodyPath?: string; readonly header?: string };
  /** The provider's idempotency mechanism, if it documents one. */
  readonly idempotency?: Idempotency;
  /**
   * False when the provider's own docs say not to key on HTTP status, or when
   * copies of its table disagree on statuses (Meta's Cloud API).
   */
  readonly statusReliable: boolean;
  /** The provider's error documentation. */
  readonly docs: string;
  /** Codes that messages name as examples (the best-known errors first). */
  readonly notable?: readonly (string | number)[];
  /**
   * Codes to name as examples for requests that are not sends (templates,
   * media, the business profile): codes any endpoint can return, where the
   * notable ones are about sending (a closed 24-hour window).
   */
  readonly requestNotable?: readonly (string | number)[];
  /**
   * Codes to name as examples for a template send: the template's own codes
   * first, where the notable ones start with the closed 24-hour window that a
   * template is the way around.
   */
  readonly templateNotable?: readonly (string | number)[];
  /** Facts about the body shape that the docs leave open; rendered in the provider doc. */
  readonly notes?: readonly string[];
  /** Why the codes of each retry class got it; rendered in the provider doc. */
  readonly retryReasons?: { readonly [R in RetryClass]?: string };
  /** Set when message statuses arrive by webhook with errors (see StatusWebhook). */
  readonly statusWebhook?: StatusWebhook;
  /** Set when message statuses arrive one at a time in a callback with flat fields (see StatusCallback). */
  readonly statusCallback?: StatusCallback;
  readonly errors: readonly ErrorEntry[];
  /** Errors documented without a machine-readable code (see `StatusOnlyError`). */
  readonly statusOnlyErrors?: readonly StatusOnlyError[];
}
