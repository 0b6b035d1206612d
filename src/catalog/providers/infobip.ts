import type { ProviderDefinition } from '../schema.js';

/** Infobip's page on HTTP statuses, API status codes and error codes. */
const ERRORS = 'https://www.infobip.com/docs/developer-resources/errors-and-responses/schema-reference-and-error-handling';
/** The status and error codes of delivery reports (groups, ids, names). */
const STATUS_CODES = 'https://www.infobip.com/docs/essentials/api-essentials/response-status-and-error-codes';
/** Infobip's own SDKs: their tests replay the documented error responses of the WhatsApp and SMS endpoints. */
const RUST_SDK_WHATSAPP = 'https://github.com/infobip-community/infobip-api-rust-sdk/blob/main/src/api/tests/whatsapp.rs';
const JAVA_CLIENT_ERRORS = 'https://github.com/infobip/infobip-api-java-client/blob/master/src/test/java/com/infobip/api/ApiErrorResponsesTest.java';
/** The WhatsApp send endpoints (`POST /whatsapp/1/message/text`, `/template`, `/image`…). */
const SEND = 'https://www.infobip.com/docs/api/channels/whatsapp/whatsapp-outbound-messages/send-whatsapp-text-message';

export const infobip = {
  id: 'infobip',
  name: 'Infobip WhatsApp API',
  hosts: ['api.infobip.com'],
  sharedHosts: ['api.infobip.com'],
  whatsappPaths: [{ prefix: '/whatsapp/1/message/', source: SEND }],
  codePath: 'requestError.serviceException.messageId',
  codeType: 'string',
  messagePaths: ['requestError.serviceException.text', 'requestError.serviceException.validationErrors'],
  statusReliable: true,
  notable: ['BAD_REQUEST', 'UNAUTHORIZED', 'TOO_MANY_REQUESTS'],
  docs: ERRORS,
  notes: [
    'Error body: `{ "requestError": { "serviceException": { "messageId": "BAD_REQUEST", "text": "Bad request", "validationErrors": { "content.text": ["must not be blank"] } } } }`; `messageId` is the code, `text` and `validationErrors` are for people.',
    'Each account has its own base URL, a subdomain of `api.infobip.com` (`https://xxxxx.api.infobip.com`); that host also serves SMS, email and voice, so the WhatsApp evidence is the path (`/whatsapp/1/message/…`).',
    'The send endpoints answer 200 when the message is accepted; a later failure arrives in the delivery report, whose `status` (group and name, e.g. `UNDELIVERABLE_NOT_DELIVERED`) and `error` (`groupName`, `id`, `name`, `description`, `permanent`) are listed on the status and error code page (' + STATUS_CODES + '). Those delivery codes are shared by all channels and are not catalogued here; the `permanent` flag of the report says whether a resend can help.',
    'Infobip says a 4xx must not be retried unchanged and a 5xx may be retried depending on the status; each code here comes with one status, so the status and the code agree.',
  ],
  retryReasons: {
    transient: 'GENERAL_ERROR (500): an error on the API side; retry with backoff and contact support if it persists.',
    'rate-limit': 'TOO_MANY_REQUESTS (429): too many requests for the account; retry after waiting.',
    'after-fix': 'UNAUTHORIZED (401): the API key or credentials must be fixed first.',
    never: 'BAD_REQUEST (400): the request does not match the endpoint\'s model; sending it again gives the same error.',
  },
  errors: [
    { code: 'BAD_REQUEST', httpStatus: [400], title: 'Bad request', remedy: 'Fix the fields named in validationErrors; the same request fails again.', retry: 'never', source: RUST_SDK_WHATSAPP },
    { code: 'UNAUTHORIZED', httpStatus: [401], title: 'Invalid login details', remedy: 'Send a valid API key in the Authorization header (App <key>).', retry: 'after-fix', source: RUST_SDK_WHATSAPP },
    { code: 'TOO_MANY_REQUESTS', httpStatus: [429], title: 'Too many requests', remedy: 'Slow down and retry after waiting.', retry: 'rate-limit', source: RUST_SDK_WHATSAPP },
    { code: 'GENERAL_ERROR', httpStatus: [500], title: 'Something went wrong', remedy: 'Retry with backoff; contact Infobip support if it persists.', retry: 'transient', source: JAVA_CLIENT_ERRORS },
  ],
} as const satisfies ProviderDefinition;
