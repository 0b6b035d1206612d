import type { ProviderDefinition } from '../schema.js';
import { metaCloud } from './meta-cloud.js';

/** 360dialog's error reference: its own errors, then Meta's Cloud API codes with their HTTP statuses. */
const ERRORS = 'https://docs.360dialog.com/docs/support/api-error-message-list';
/** An older revision of the same page, with example bodies (`meta.httpCode`, `meta.developerMessage`, `meta.success`). */
const OLD_ERRORS = 'https://docs.360dialog.com/docs/~/revisions/syoLocQFO08QYJ1hYSkE/useful/api-error-message-list';

export const dialog360 = {
  id: '360dialog',
  name: '360dialog',
  hosts: ['waba-v2.360dialog.io'],
  passesThrough: ['meta-cloud'],
  codePath: 'error.code',
  codeType: 'number',
  messagePaths: ['error.message', 'error.error_user_msg', 'error.error_user_title', 'error.error_data.details', 'meta.developer_message'],
  statusReliable: false,
  notable: [131047, 130429, 131026, 368],
  requestNotable: [190, 100, 10, 4],
  templateNotable: [132001, 190, 132000, 130429, 131026],
  docs: ERRORS,
  notes: [
    'The Cloud API through 360dialog (`https://waba-v2.360dialog.io/messages`, header `D360-API-KEY`) passes Meta\'s errors through unchanged: the body and codes are those of `meta-cloud` (`{ "error": { "code": 131047, "message": "…", "error_data": { "details": "…" } } }`), and 360dialog\'s own error reference lists the same Meta codes. They are catalogued here from the `meta-cloud` entries, so both providers share one set of facts.',
    `360dialog's own errors (invalid API key, blocked endpoint, unpaid invoices, its endpoint rate limit…) carry no code: the body is \`{ "meta": { "success": false, "http_code": 401, "developer_message": "…" } }\` (an older revision of the page, ${OLD_ERRORS}, shows the same fields in camelCase: \`httpCode\`, \`developerMessage\`). The HTTP status is the only machine signal, and HTTP 400 stands for three of them; they are listed under "Errors without a code".`,
    'The HTTP statuses of the Meta codes are Meta\'s and not reliable (see `meta-cloud`); branch on `error.code` when it is there, and on the status only for 360dialog\'s own errors.',
    'Not catalogued: the older `waba.360dialog.io/v1` API. It fronted Meta\'s On-Premises client (body `{ "errors": [{ "code": 470, … }] }`), which Meta has retired; the error body and codes differ from v2, so it would need its own catalog id. A project still on it can declare it as a custom provider in settings, in the shape of `cequens` (`errors[0].code`).',
    'Failures after acceptance (131047, 131026 and the like) arrive in the webhook\'s `statuses[].errors[]`, as with Meta.',
  ],
  retryReasons: {
    transient: "Meta's transient codes, and 360dialog's 500 and 502 (internal error, API not available), which the page lists without a cause the client could fix.",
    'rate-limit': "Meta's throughput codes, and 360dialog's own endpoint rate limit (HTTP 400), for which the page advises throttling and backoff.",
    'after-fix': "Meta's account and permission codes, and 360dialog's disabled API, unpaid invoices, invalid API key and blocked endpoint, which need support, billing or a new key first.",
    never: "Meta's validation, recipient and 24-hour-window codes.",
  },
  errors: metaCloud.errors,
  statusOnlyErrors: [
    { httpStatus: 400, title: 'WhatsApp Business API has been disabled', remedy: 'Contact 360dialog support; API access for the number was disabled.', retry: 'after-fix', source: ERRORS },
    { httpStatus: 400, title: 'Endpoint rate limit exceeded', remedy: 'Throttle requests and retry with exponential backoff.', retry: 'rate-limit', source: ERRORS },
    { httpStatus: 400, title: 'Message not sent: lack of payment', remedy: 'Settle the overdue 360dialog invoices through your partner or support, then resend.', retry: 'after-fix', source: ERRORS },
    { httpStatus: 401, title: 'Invalid API key', remedy: 'Send a valid key for this number in the D360-API-KEY header; generate a new one if needed.', retry: 'after-fix', source: ERRORS },
    { httpStatus: 403, title: 'The endpoint is blocked', remedy: 'Ask 360dialog support to enable the endpoint for your use case.', retry: 'after-fix', source: ERRORS },
    { httpStatus: 500, title: 'Internal server error', remedy: 'Retry a few times with backoff, then contact 360dialog support.', retry: 'transient', source: ERRORS },
    { httpStatus: 502, title: 'WhatsApp Business API not available', remedy: 'Retry later with backoff; contact support if it stays unavailable.', retry: 'transient', source: ERRORS },
    { httpStatus: 403, title: 'Permission denied for partner', remedy: 'Check the Partner API token and that the user may access this Partner Hub.', retry: 'after-fix', source: ERRORS, scope: 'management' },
  ],
} as const satisfies ProviderDefinition;
