import type { ProviderDefinition } from '../schema.js';

const SEED = 'seeds/000_d69695849498d75c.txt';
const ONEBRICK = 'https://wa.onebrick.io/docs/errors.html';

export const waServer = {
  id: 'wa-server',
  name: 'wa-server',
  hosts: ['wa.sagad.net', 'wa.onebrick.io'],
  codePath: 'error.code',
  codeType: 'string',
  messagePaths: ['error.message', 'error.details'],
  statusReliable: true,
  notable: ['device_not_connected', 'validation_error', 'provider_rate_limit'],
  docs: 'https://wa.mantap.sagad.net/docs/errors.html',
  notes: [
    'Error body: `{ "error": { "code": "<string>", "message": "<string>", "details": { "field": "jid" } }, "request_id": "..." }`.',
    '`wa.onebrick.io` is a sister deployment of the same software; the codes it alone documents are marked with its errors page as source.',
  ],
  errors: [
    { code: 'validation_error', httpStatus: [400], title: 'Payload failed validation', remedy: 'Fix the field named in error.details.field; the same payload fails again.', retry: 'never', source: SEED },
    { code: 'invalid_api_key', httpStatus: [401], title: 'Missing or invalid API key', remedy: 'Send a valid Authorization: Bearer token on every device and message call.', retry: 'after-fix', source: SEED },
    { code: 'unauthorized', httpStatus: [401], title: 'Invalid JWT on /apps endpoints', remedy: 'Send a valid internal JWT as the Bearer token.', retry: 'after-fix', source: SEED },
    { code: 'forbidden', httpStatus: [403], title: 'Access denied', remedy: 'Check that the app, tenant and device belong to this token.', retry: 'after-fix', source: SEED },
    { code: 'group_posting_restricted', httpStatus: [403], title: 'Group settings forbid posting', remedy: 'Do not auto-retry: the group is admin-only or closed to this device until its settings change.', retry: 'after-fix', source: SEED },
    { code: 'not_found', httpStatus: [404], title: 'Resource does not exist', remedy: 'Look the ID up again through the list endpoints before calling.', retry: 'never', source: SEED },
    { code: 'conflict', httpStatus: [409], title: 'Resource already exists', remedy: 'Pick a unique name or delete the existing entry first.', retry: 'never', source: SEED },
    { code: 'device_not_connected', httpStatus: [409], title: 'Device is offline', remedy: 'Regenerate the QR, scan it, and send again once the device is connected.', retry: 'after-fix', source: SEED },
    { code: 'qr_reset_not_allowed', httpStatus: [409], title: 'QR or session still active', remedy: 'Disconnect the device first, or wait for the current QR to expire.', retry: 'after-fix', source: SEED },
    { code: 'too_many_devices', httpStatus: [409], title: 'Too many linked devices', remedy: 'Unlink a device in WhatsApp, then regenerate the QR.', retry: 'after-fix', source: SEED },
    { code: 'client_outdated', httpStatus: [409], title: 'WhatsApp requires a client update', remedy: 'Reconnect the device so that it updates its client version.', retry: 'after-fix', source: SEED },
    { code: 'request_canceled', httpStatus: [408], title: 'Request canceled', remedy: 'Send the request again if it is still needed.', retry: 'transient', source: SEED },
    { code: 'logged_out', httpStatus: [409], title: 'Session logged out remotely', remedy: 'Generate a new QR and relink the device.', retry: 'after-fix', source: SEED },
    { code: 'device_destroyed', httpStatus: [410], title: 'Device was destroyed', remedy: 'Create a new device and link it with a fresh QR.', retry: 'never', source: SEED },
    { code: 'provider_rate_limit', httpStatus: [429], title: 'WhatsApp rate limit (retried by wa-server)', remedy: 'No action: wa-server already retries the request with backoff.', retry: 'provider-retries', source: SEED },
    { code: 'internal_error', httpStatus: [500], title: 'Unexpected server error', remedy: 'Retry with backoff; quote request_id to support if it persists.', retry: 'transient', source: SEED },
    { code: 'provider_error', httpStatus: [502], title: 'Upstream provider error', remedy: 'Retry after a short delay and check the provider status.', retry: 'transient', source: SEED },
    { code: 'whatsapp_connection_aborted', httpStatus: [503], title: 'WhatsApp connection aborted', remedy: 'Retry; if it keeps happening, disconnect and relink the device.', retry: 'transient', source: SEED },
    { code: 'whatsapp_connection_lost', httpStatus: [503], title: 'WhatsApp connection lost', remedy: 'Retry; if it keeps happening, reconnect or relink the device.', retry: 'transient', source: SEED },
    { code: 'group_prekey_timeout', httpStatus: [504], title: 'Timeout preparing group encryption', remedy: 'Retry with backoff; large groups take longer to set up encryption.', retry: 'transient', source: SEED },
    { code: 'upstream_timeout', httpStatus: [504], title: 'Upstream timeout', remedy: 'Retry; for large groups a longer client timeout (70-90 s) helps.', retry: 'transient', source: SEED },
    { code: 'invalid_rotation_pin', httpStatus: [401], title: 'Invalid token rotation PIN', remedy: 'Send the correct rotation PIN.', retry: 'after-fix', source: ONEBRICK },
    { code: 'app_token_rotation_disabled', httpStatus: [403], title: 'App token rotation disabled', remedy: 'Enable token rotation for the app before rotating.', retry: 'after-fix', source: ONEBRICK },
    { code: 'request_too_large', httpStatus: [413], title: 'Request too large', remedy: 'Shrink the payload or send the media by URL.', retry: 'never', source: ONEBRICK },
    { code: 'rate_limit_exceeded', httpStatus: [429], title: 'Rate limit exceeded', remedy: 'Wait, then retry with backoff.', retry: 'rate-limit', source: ONEBRICK },
  ],
} as const satisfies ProviderDefinition;
