import type { ProviderDefinition } from '../schema.js';

const SEED = 'seeds/002_470eedaf90571f9b.txt';

export const msgbubbles = {
  id: 'msgbubbles',
  name: 'MsgBubbles',
  hosts: ['api.msgbubbles.com'],
  codePath: 'error',
  codeType: 'string',
  messagePaths: ['message'],
  idempotency: { kind: 'header', name: 'Idempotency-Key' },
  statusReliable: true,
  notable: ['invalid_from_handle', 'invalid_request', 'rate_limited'],
  docs: 'https://docs.msgbubbles.com/errors',
  notes: [
    'Error body: `{ "error": "<code>", "message": "<human-readable text>", "request_id": "req_…" }`; MsgBubbles says to branch on `error`, never on the HTTP status or the message, which may change.',
    '`*_failed` is a pattern: any code ending in `_failed` (a synchronous upstream action that failed).',
    'Send with an `Idempotency-Key` header: a replayed key returns the original message (200) instead of sending twice.',
  ],
  errors: [
    { code: 'invalid_request', httpStatus: [400], title: 'Invalid request', remedy: 'Fix the missing, unknown or malformed field.', retry: 'never', source: SEED },
    { code: 'invalid_handle', httpStatus: [400], title: 'Invalid handle', remedy: 'Send to and from_handle as E.164 numbers or iMessage emails.', retry: 'never', source: SEED },
    { code: 'invalid_from_handle', httpStatus: [400], title: 'Sender number not usable', remedy: 'Use a number assigned to the account, with a connected WhatsApp session.', retry: 'after-fix', source: SEED },
    { code: 'invalid_attachments', httpStatus: [400], title: 'Invalid attachments', remedy: 'Upload the attachment again; the attachment_id is unknown or already used.', retry: 'never', source: SEED },
    { code: 'invalid_url', httpStatus: [400], title: 'Invalid webhook URL', remedy: 'Use a public http(s) webhook URL.', retry: 'never', source: SEED },
    { code: 'unauthorized', httpStatus: [401], title: 'Missing or invalid API key', remedy: 'Send a valid Authorization: Bearer sk_… key.', retry: 'after-fix', source: SEED },
    { code: 'forbidden', httpStatus: [403], title: 'Account inactive', remedy: 'Reactivate the account; the key is valid.', retry: 'after-fix', source: SEED },
    { code: 'not_found', httpStatus: [404], title: 'Resource not found', remedy: 'Check the ID; it does not exist or belongs to another account.', retry: 'never', source: SEED },
    { code: 'conflict', httpStatus: [409], title: 'Action does not apply', remedy: 'Do not repeat the action: it does not apply to this message.', retry: 'never', source: SEED },
    { code: 'not_a_group', httpStatus: [409], title: 'Not a group', remedy: 'Use group operations on group chats only.', retry: 'never', source: SEED },
    { code: 'rate_limited', httpStatus: [429], title: 'Rate limit exceeded', remedy: 'Wait for the window to reset (120 requests a minute per key), then retry.', retry: 'rate-limit', source: SEED },
    { code: '*_failed', httpStatus: [502, 503], title: 'Upstream action failed', remedy: 'Retry with backoff and the same Idempotency-Key.', retry: 'transient', source: SEED },
    { code: 'device_offline', httpStatus: [502, 503], title: 'Sending number offline', remedy: 'Retry with backoff and the same Idempotency-Key.', retry: 'transient', source: SEED },
    { code: 'unavailable', httpStatus: [502, 503], title: 'Temporarily unavailable', remedy: 'Retry with backoff and the same Idempotency-Key.', retry: 'transient', source: SEED },
  ],
} as const satisfies ProviderDefinition;
