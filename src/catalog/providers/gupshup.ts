import type { ProviderDefinition } from '../schema.js';
import { metaCloud } from './meta-cloud.js';

/** Gupshup's error code table (the same table is on the partner docs: https://partner-docs.gupshup.io/docs/error-codes). */
const ERRORS = 'https://docs.gupshup.io/docs/error-and-status-messages';
/** The send message API: accepted requests always get a 2xx, failures come as message events. */
const SEND_API = 'https://docs.gupshup.io/docs/session-messages';
/** The message events (`enqueued`, `failed`, `sent`, `delivered`, `read`) sent to the app's callback URL. */
const EVENTS = 'https://docs.gupshup.io/docs/message-events';

/** Every Gupshup code, its own and Meta's passed through, arrives in a failed message event, never in a response (see the notes). */
const BY_EVENT = { delivery: 'webhook', deliverySource: EVENTS } as const;

export const gupshup = {
  id: 'gupshup',
  name: 'Gupshup',
  hosts: ['api.gupshup.io', 'partner.gupshup.io'],
  sharedHosts: ['api.gupshup.io', 'partner.gupshup.io'],
  whatsappPaths: [{ prefix: '/wa/api/v1/', source: SEND_API }],
  passesThrough: ['meta-cloud'],
  codePath: 'payload.payload.code',
  codeType: 'number',
  messagePaths: ['payload.payload.reason'],
  statusReliable: false,
  notable: [1002, 1003, 4001, 131047],
  docs: ERRORS,
  statusCallback: {
    encoding: 'json',
    statusPath: 'payload.type',
    failedStates: ['failed'],
    codePath: 'payload.payload.code',
    rootFields: ['payload'],
    textMarkers: ['message-event'],
    evidence: ['message-event'],
    notable: [1002, 131047],
    eventType: { path: 'type', value: 'message-event' },
    sources: [EVENTS],
  },
  notes: [
    `The send message API (\`POST https://api.gupshup.io/wa/api/v1/msg\`, header \`apikey\`) processes requests asynchronously: an accepted request gets a 2xx with a message id, and a failure arrives later as a \`failed\` message event on the app's callback URL (${EVENTS}): \`{ "type": "message-event", "payload": { "id": "…", "type": "failed", "destination": "91…", "payload": { "code": 1002, "reason": "…" } } }\`. The code path above is that event's.`,
    `Gupshup documents no machine-readable code for the HTTP errors of the send API itself (${SEND_API}); a client can only tell them apart by status, so none are catalogued as codes.`,
    "The `code` of a failed event is either one of Gupshup's own codes (500, 1001–1012, 4001–4005) or a Meta error code passed through: Gupshup's table refers to Meta's Cloud API codes (catalogued here from the `meta-cloud` entries) and to the retired On-Premises codes, which are not catalogued. The HTTP statuses shown for the Meta codes are Meta's; in a Gupshup event there is no status.",
    '`api.gupshup.io` also serves SMS and other channels; the WhatsApp paths are `/wa/…` (and `/sm/…` on older apps). `partner.gupshup.io` is the Partner API used by ISVs for the same apps.',
  ],
  retryReasons: {
    transient: '500 (internal server error) and 4002 (invalid response from WhatsApp) are failures on the platform side; retry with backoff.',
    'rate-limit': "Meta's throughput codes passed through (130429, 131056…); Gupshup's own rate-limit code says to stop and contact Gupshup instead (see after-fix).",
    'after-fix': '1003 (wallet balance low), 1004 (template messaging disabled), 4005 (paused template) and 4001 (API rate limited: Gupshup asks you to stop sending and contact its team, so a timed retry is wrong).',
    never: 'Invalid or unreachable recipients, opted-out or inactive users outside the 24-hour window, template mismatches and invalid media: the same message fails again.',
  },
  errors: [
    { code: 500, httpStatus: [], title: 'Internal Server Error', remedy: 'Retry with backoff and contact the Gupshup team if it persists.', retry: 'transient', source: ERRORS, ...BY_EVENT },
    { code: 1001, httpStatus: [], title: 'Last Mapped Bot Failed', remedy: 'The sender details do not match the app last mapped to the number; send the right src.name and source.', retry: 'never', source: ERRORS, ...BY_EVENT },
    { code: 1002, httpStatus: [], title: 'Number Not Exist On WhatsApp', remedy: 'The destination is not on WhatsApp; reach the user another way.', retry: 'never', source: ERRORS, ...BY_EVENT },
    { code: 1003, httpStatus: [], title: 'Wallet Balance Low', remedy: 'Recharge the Gupshup wallet, then resend.', retry: 'after-fix', source: ERRORS, ...BY_EVENT },
    { code: 1004, httpStatus: [], title: 'Template Disabled Failure', remedy: 'The user is outside the session window and template messaging is disabled for the app; enable it.', retry: 'after-fix', source: ERRORS, ...BY_EVENT },
    { code: 1005, httpStatus: [], title: 'Template Match Failed', remedy: 'The user is outside the session window; send text that matches an approved template.', retry: 'never', source: ERRORS, ...BY_EVENT },
    { code: 1006, httpStatus: [], title: 'Template Opt-in Failure', remedy: 'The user is outside the session window and has not opted in to templates; do not resend.', retry: 'never', source: ERRORS, ...BY_EVENT },
    { code: 1007, httpStatus: [], title: 'Template Opt-in Match Failure', remedy: 'The user has not opted in and the template did not match; do not resend.', retry: 'never', source: ERRORS, ...BY_EVENT },
    { code: 1008, httpStatus: [], title: 'Neither Proxied Nor Opted-in', remedy: 'The user is inactive and not opted in; no message can reach them now.', retry: 'never', source: ERRORS, ...BY_EVENT },
    { code: 1009, httpStatus: [], title: 'Required parameter is missing', remedy: 'Add the missing required parameter to the request.', retry: 'never', source: ERRORS, ...BY_EVENT },
    { code: 1010, httpStatus: [], title: 'Invalid Media Url', remedy: 'Give a media URL that is reachable and returns the file.', retry: 'never', source: ERRORS, ...BY_EVENT },
    { code: 1011, httpStatus: [], title: 'Invalid Media Size', remedy: "Send media within WhatsApp's size limits.", retry: 'never', source: ERRORS, ...BY_EVENT },
    { code: 1012, httpStatus: [], title: 'Number Opted Out', remedy: 'The number opted out; do not message it.', retry: 'never', source: ERRORS, ...BY_EVENT },
    { code: 4001, httpStatus: [], title: 'API Rate Limited', remedy: 'Stop sending and contact the Gupshup team with this code, as Gupshup asks.', retry: 'after-fix', source: ERRORS, ...BY_EVENT },
    { code: 4002, httpStatus: [], title: 'Invalid Response From WhatsApp', remedy: 'WhatsApp answered unexpectedly; retry with backoff.', retry: 'transient', source: ERRORS, ...BY_EVENT },
    { code: 4003, httpStatus: [], title: 'No Template Match', remedy: 'Send text that matches an approved template exactly.', retry: 'never', source: ERRORS, ...BY_EVENT },
    { code: 4004, httpStatus: [], title: 'Only CAPI Feature', remedy: "The message type needs Meta's Cloud API; move the number to Cloud API or use another type.", retry: 'never', source: ERRORS, ...BY_EVENT },
    { code: 4005, httpStatus: [], title: 'Paused Template', remedy: 'The template is paused; use another one or wait until it is active again.', retry: 'after-fix', source: ERRORS, ...BY_EVENT },
    ...metaCloud.errors.map((entry) => ({ ...entry, ...BY_EVENT })),
  ],
} as const satisfies ProviderDefinition;
