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
  /** Where the code arrives; unset when the docs do not say (read as `both`). */
  readonly delivery?: Delivery;
  /** Where `delivery` is documented (set with it). */
  readonly deliverySource?: string;
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

/** Where a group of codes arrives, with the page that says so. */
export interface DeliveryGroup {
  readonly delivery: Delivery;
  readonly codes: readonly (string | number)[];
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
  /** Dotted path of the code inside a parsed error body; `[0]` marks an array element (`errors[0].code`). */
  readonly codePath: string;
  /** The JSON type of the code. */
  readonly codeType: 'string' | 'number' | 'string-or-number';
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
  /** Facts about the body shape that the docs leave open; rendered in the provider doc. */
  readonly notes?: readonly string[];
  /** Set when message statuses arrive by webhook with errors (see StatusWebhook). */
  readonly statusWebhook?: StatusWebhook;
  readonly errors: readonly ErrorEntry[];
}
