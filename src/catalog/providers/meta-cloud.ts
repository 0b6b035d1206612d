import type { DeliveryGroup, ProviderDefinition, StatusWebhook } from '../schema.js';

const META = 'https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes';
/** Meta's error codes of the Flow Management API (creating, updating, publishing, deprecating, deleting Flows). */
const FLOWS = 'https://developers.facebook.com/documentation/business-messaging/whatsapp/flows/reference/error-codes';
/** Meta's Block Users API page, with its own error codes. */
const BLOCK_USERS = 'https://developers.facebook.com/documentation/business-messaging/whatsapp/block-users';
const SDK_MAP = 'https://github.com/great-detail/WhatsApp-Nodejs-SDK (src/Error/index.ts, removed 2024-11)';
/** A Cloud API response quoted in full (code, message, error_data.details) in a public issue. */
const ALLOWED_LIST_RESPONSE = 'https://github.com/Neurotech-HQ/heyoo/issues/40';

export const metaCloud = {
  id: 'meta-cloud',
  name: 'Meta Cloud API',
  hosts: ['graph.facebook.com'],
  sharedHosts: ['graph.facebook.com'],
  codePath: 'error.code',
  codeType: 'number',
  messagePaths: ['error.message', 'error.error_user_msg', 'error.error_user_title', 'error.error_data.details'],
  statusReliable: false,
  notable: [131047, 190, 130429, 131026],
  requestNotable: [190, 100, 10, 4],
  templateNotable: [132001, 190, 132000, 130429, 131026],
  docs: META,
  notes: [
    'Error body: `{ "error": { "message": "(#130429) Rate limit hit", "type": "OAuthException", "code": 130429, "error_data": { "messaging_product": "whatsapp", "details": "..." }, "fbtrace_id": "..." } }`; the integer code is the stable key.',
    'Meta asks clients to branch on `error.code` and `error_data.details`; `error_subcode` is deprecated (absent from v16.0 on) and HTTP statuses are not to be relied on.',
    'HTTP statuses: the current error-code page (updated 2026-06-18) gives one only for the Marketing Messages API codes, and Meta\'s Flows page gives 400 for 132068 and 132069; the others come from older versions of Meta\'s page, and codes the old page never listed have none. Third-party copies of the table disagree (429 instead of 400 for throttling codes, 503 for 131016, 402 for 131042); the catalog keeps Meta\'s, and the audit lists every disagreement.',
    'Every entry was compared with Meta\'s current error-code page and with secondary references (the error classes of the pywa SDK, the copies of the table by 360dialog, Niswey, YCloud, Botbee and Dualhook, the ChatSyncs table); the per-code record, the codes only secondary references give and the disagreements are in [meta-cloud-audit.md](meta-cloud-audit.md).',
    'A 2xx with a `wamid` only means the message was accepted: codes such as 131026, 131047, 131049, 131050 and 131053 often arrive later by webhook in `statuses[].errors[]` of a `failed` status.',
    'Codes 200 to 299 all mean a missing or revoked API permission and are catalogued as one range; Meta also lists 200 alone for a request sent without any access token (some GET endpoints answer it with the message "Provide valid app ID"), which the same entry covers.',
    'Flow Management API codes (139000–139006) and Block Users API codes (139100–139103) come from Meta\'s Flows and Block Users pages; they answer management calls, not sends.',
    '131030 comes from a test phone number, which can only message the numbers on its recipient list. Its entry comes from a full Cloud API error response (message, details) quoted in a public issue; the error classes of the pywa SDK (https://github.com/david-lev/pywa/blob/main/pywa/errors.py, keyed to the error-code pages of Meta) and a third-party table (https://docs.chatsyncs.com/meta-api/webhooks/error-handling-and-codes) describe it the same way.',
  ],
  errors: [
    // Authorization
    { code: 0, httpStatus: [401], title: 'AuthException', remedy: 'Generate a new access token; the current one expired, was invalidated or revoked.', retry: 'after-fix', source: META },
    { code: 3, httpStatus: [500], title: 'API method', remedy: 'Inspect the token in the access token debugger and add the missing capability or permission.', retry: 'after-fix', source: META },
    { code: 10, httpStatus: [403], title: 'Permission denied', remedy: 'Grant the missing permission to the token and check that the app and endpoint are eligible.', retry: 'after-fix', source: META },
    { code: 190, httpStatus: [401], title: 'Access token has expired', remedy: 'Obtain a fresh access token (a system user token avoids short expiry) and resend.', retry: 'after-fix', source: META },
    { code: 200, rangeEnd: 299, httpStatus: [403], title: 'API permission', remedy: 'Send a valid Bearer token (200 alone can mean none was sent) that holds the permissions the endpoint needs.', retry: 'after-fix', source: META },
    // Integrity
    { code: 368, httpStatus: [403], title: 'Temporarily blocked for policies violations', remedy: 'Review the violation in WhatsApp Manager and appeal or wait for the restriction to end.', retry: 'after-fix', source: META },
    { code: 130497, httpStatus: [403], title: 'Business account is restricted from messaging users in this country', remedy: 'Do not resend to this country; check which countries the Business Messaging Policy allows.', retry: 'never', source: META },
    { code: 131031, httpStatus: [403], title: 'Account has been locked', remedy: 'Check the account with the Health Status API and resolve the policy or verification issue (e.g. the two-step PIN).', retry: 'after-fix', source: META },
    // Throttling
    { code: 4, httpStatus: [400], title: 'API too many calls', remedy: 'Back off and spread calls out; the app hit its Graph API call limit.', retry: 'rate-limit', source: META },
    { code: 80007, httpStatus: [400], title: 'Rate limit issues', remedy: 'Back off and lower the call rate for this WhatsApp Business Account.', retry: 'rate-limit', source: META },
    { code: 130429, httpStatus: [400], title: 'Rate limit hit', remedy: 'Queue sends and retry with backoff; the number reached its Cloud API throughput.', retry: 'rate-limit', source: META },
    { code: 131048, httpStatus: [400], title: 'Spam rate limit hit', remedy: 'Check number quality in WhatsApp Manager and cut blocked or reported traffic before sending more.', retry: 'after-fix', source: META },
    { code: 131056, httpStatus: [400], title: '(Business account, consumer account) pair rate limit hit', remedy: 'Wait before the next message to this recipient, backing off exponentially; other recipients are unaffected.', retry: 'rate-limit', source: META },
    { code: 133016, httpStatus: [400], title: 'Account register deregister rate limit exceeded', remedy: 'Stop registration attempts for this number until it is unblocked, then try once.', retry: 'rate-limit', source: META },
    { code: 131064, httpStatus: [], title: 'Messaging limit reached for template category violations', remedy: 'Recategorise the offending templates; sends work again once the enforcement period ends.', retry: 'after-fix', source: META },
    // Other
    { code: 1, httpStatus: [400], title: 'API unknown', remedy: 'Check the WhatsApp status page, then retry a few times with backoff before inspecting the request.', retry: 'transient', source: META },
    { code: 2, httpStatus: [503], title: 'API service', remedy: 'Retry with backoff once the status page shows the service is back.', retry: 'transient', source: META },
    { code: 33, httpStatus: [400], title: 'Parameter value is not valid', remedy: 'The business phone number was deleted; send from a valid phone number ID.', retry: 'after-fix', source: META },
    { code: 100, httpStatus: [400], title: 'Invalid parameter', remedy: 'Fix the parameter named in the message (spelling, support, length or phone number ID).', retry: 'never', source: META },
    { code: 130403, httpStatus: [], title: 'Business has blocked this user', remedy: 'Unblock the user in WhatsApp before messaging them again.', retry: 'after-fix', source: META },
    { code: 130472, httpStatus: [400], title: "User's number is part of an experiment", remedy: 'Skip this recipient; Meta withheld the marketing message as part of an experiment.', retry: 'never', source: META },
    { code: 131000, httpStatus: [500], title: 'Something went wrong', remedy: 'Retry with backoff; open a support ticket quoting fbtrace_id if it keeps failing.', retry: 'transient', source: META },
    { code: 131005, httpStatus: [403], title: 'Access denied', remedy: 'Grant the missing permission to the token in Business Manager, then resend.', retry: 'after-fix', source: META },
    { code: 131008, httpStatus: [400], title: 'Required parameter is missing', remedy: 'Add the parameter named in error_data.details to the request.', retry: 'never', source: META },
    { code: 131009, httpStatus: [400], title: 'Parameter value is not valid', remedy: 'Correct the value named in error_data.details; the same payload fails again.', retry: 'never', source: META },
    { code: 131016, httpStatus: [500], title: 'Service unavailable', remedy: 'Check the status page and retry with backoff.', retry: 'transient', source: META },
    { code: 131021, httpStatus: [400], title: 'Recipient cannot be sender', remedy: 'Send to a number other than the business phone number itself.', retry: 'never', source: META },
    { code: 131030, httpStatus: [], title: 'Recipient phone number not in allowed list', remedy: "Add the number to the test number's recipient list in the app dashboard (API Setup), or send from a registered business number.", retry: 'after-fix', source: ALLOWED_LIST_RESPONSE },
    { code: 131026, httpStatus: [400], title: 'Message undeliverable', remedy: 'Reach the user another way; the number is not on WhatsApp, has not accepted the terms or runs an old client.', retry: 'never', source: META },
    { code: 131037, httpStatus: [], title: 'Display name approval needed', remedy: 'Get the display name of the 555 number approved, or change it, before sending.', retry: 'after-fix', source: META },
    { code: 131042, httpStatus: [400], title: 'Business eligibility payment issue', remedy: 'Fix the payment method, credit line, currency or time zone of the WABA in Business Manager.', retry: 'after-fix', source: META },
    { code: 131045, httpStatus: [500], title: 'Incorrect certificate', remedy: 'Register the phone number with the Cloud API, then resend.', retry: 'after-fix', source: META },
    { code: 131047, httpStatus: [400], title: 'Re-engagement message', remedy: 'Send an approved template instead; free-form messages need a user reply within the last 24 hours.', retry: 'never', source: META },
    { code: 131049, httpStatus: [400], title: 'Not delivered to maintain healthy ecosystem engagement', remedy: 'Wait at least 24 hours before sending this user another marketing message; immediate resends fail too.', retry: 'rate-limit', source: META },
    { code: 131050, httpStatus: [400], title: 'User stopped marketing messages', remedy: 'Do not resend marketing to this user; track opt-outs through the user_preferences webhook.', retry: 'never', source: META },
    { code: 131051, httpStatus: [400], title: 'Unsupported message type', remedy: 'Change the message type to one the Cloud API supports.', retry: 'never', source: META },
    { code: 131052, httpStatus: [400], title: 'Media download error', remedy: "The user's media could not be fetched; ask them to send it again another way.", retry: 'never', source: META },
    { code: 131053, httpStatus: [400], title: 'Media upload error', remedy: 'Check the MIME type and size against the supported media list and upload a valid file.', retry: 'never', source: META },
    { code: 131055, httpStatus: [400], title: 'Method not allowed', remedy: 'Use a marketing template on this endpoint; other template categories are refused.', retry: 'never', source: META, scope: 'marketing-messages' },
    { code: 131057, httpStatus: [500], title: 'Account in maintenance mode', remedy: 'Retry later with backoff; the account is being upgraded (e.g. for throughput).', retry: 'transient', source: META },
    { code: 131063, httpStatus: [], title: 'Marketing templates disabled on Cloud API', remedy: 'Send the marketing template through the Marketing Messages API, or re-enable marketing on Cloud API.', retry: 'after-fix', source: META },
    { code: 132000, httpStatus: [400], title: 'Template param count mismatch', remedy: 'Pass exactly as many parameter values as the template has placeholders.', retry: 'never', source: META },
    { code: 132001, httpStatus: [404], title: 'Template does not exist', remedy: 'Use the exact template name and an approved language code.', retry: 'never', source: META },
    { code: 132005, httpStatus: [400], title: 'Template hydrated text too long', remedy: 'Shorten the parameter values so the filled-in text stays within the limit.', retry: 'never', source: META },
    { code: 132007, httpStatus: [400], title: 'Template format character policy violated', remedy: 'Remove the characters or formatting the template policy forbids from the parameters.', retry: 'never', source: META },
    { code: 132012, httpStatus: [400], title: 'Template parameter format mismatch', remedy: 'Send each parameter in the type and format the template declares.', retry: 'never', source: META },
    { code: 132015, httpStatus: [400], title: 'Template is paused', remedy: 'Edit the low-quality template and resend once it is approved again.', retry: 'after-fix', source: META },
    { code: 132016, httpStatus: [400], title: 'Template is disabled', remedy: 'Create and get approval for a new template; this one will not come back.', retry: 'never', source: META },
    { code: 132068, httpStatus: [400], title: 'Flow is blocked', remedy: 'Fix the Flow so it leaves the blocked state, then send it again.', retry: 'after-fix', source: META },
    { code: 132069, httpStatus: [400], title: 'Flow is throttled', remedy: 'Fix the Flow endpoint so the Flow leaves the throttled state; until then only 10 sends an hour go through.', retry: 'after-fix', source: META },
    { code: 133000, httpStatus: [500], title: 'Incomplete deregistration', remedy: 'Deregister the number again, then register it.', retry: 'after-fix', source: META },
    { code: 133004, httpStatus: [503], title: 'Server temporarily unavailable', remedy: 'Read error_data.details and the status page, then retry with backoff.', retry: 'transient', source: META },
    { code: 133005, httpStatus: [400], title: 'Two-step verification PIN mismatch', remedy: 'Send the correct two-step PIN or reset it in WhatsApp Manager.', retry: 'after-fix', source: META },
    { code: 133006, httpStatus: [400], title: 'Phone number re-verification needed', remedy: 'Verify the phone number again before registering it.', retry: 'after-fix', source: META },
    { code: 133008, httpStatus: [400], title: 'Too many two-step verification PIN guesses', remedy: 'Wait for the lockout period given in error_data.details before another attempt.', retry: 'rate-limit', source: META },
    { code: 133009, httpStatus: [400], title: 'Two-step verification PIN guessed too fast', remedy: 'Slow down PIN attempts and wait as error_data.details says.', retry: 'rate-limit', source: META },
    { code: 133010, httpStatus: [400], title: 'Phone number not registered', remedy: 'Register the phone number with the Cloud API before sending from it.', retry: 'after-fix', source: META },
    { code: 133015, httpStatus: [400], title: 'Please wait a few minutes before attempting to register this phone number', remedy: 'The number was just deleted; wait 5 minutes, then register it again.', retry: 'rate-limit', source: META },
    { code: 134011, httpStatus: [], title: 'WhatsApp Payments terms not accepted', remedy: 'Accept the Payments terms of service through the link in the error message.', retry: 'after-fix', source: META },
    { code: 135000, httpStatus: [400], title: 'Generic user error', remedy: 'Recheck the request syntax against the API reference; contact support if it looks right.', retry: 'never', source: META },
    // Marketing Messages API extras
    { code: 134100, httpStatus: [400], title: 'Only marketing messages supported', remedy: 'Send a marketing-category template through the Marketing Messages API.', retry: 'never', source: META, scope: 'marketing-messages' },
    { code: 134101, httpStatus: [400], title: 'Your template is still syncing', remedy: 'Wait about 10 minutes for the template to sync, then resend.', retry: 'rate-limit', source: META, scope: 'marketing-messages' },
    { code: 134102, httpStatus: [500], title: 'Template unavailable for use', remedy: 'Check the onboarding status and eligibility of the account for the Marketing Messages API; contact support if it is onboarded.', retry: 'after-fix', source: META, scope: 'marketing-messages' },
    { code: 132018, httpStatus: [400], title: 'Template validation error', remedy: 'Fix the template parameters described in error_data.details.', retry: 'never', source: META, scope: 'marketing-messages' },
    { code: 1752041, httpStatus: [400], title: 'Duplicate Request', remedy: 'No action needed; another partner already requested onboarding for this business.', retry: 'never', source: META, scope: 'marketing-messages' },
    // Management-side: template creation
    { code: 2388039, httpStatus: [], title: "Message template status can't be changed", remedy: 'Wait until the template review ends (approved or rejected) before editing it; edits are also limited per day.', retry: 'after-fix', source: META, scope: 'management' },
    { code: 2388040, httpStatus: [], title: 'Character limit exceeded', remedy: 'Shorten the template field the message names to its character limit.', retry: 'never', source: META, scope: 'management' },
    { code: 2388047, httpStatus: [], title: 'Message header format is incorrect', remedy: 'Fix the header formatting the error message describes.', retry: 'never', source: META, scope: 'management' },
    { code: 2388072, httpStatus: [], title: 'Message body format is incorrect', remedy: 'Fix the body formatting the error message describes.', retry: 'never', source: META, scope: 'management' },
    { code: 2388073, httpStatus: [], title: 'Message footer format is incorrect', remedy: 'Fix the footer formatting the error message describes.', retry: 'never', source: META, scope: 'management' },
    { code: 2388293, httpStatus: [], title: 'Parameters words ratio exceeds limit', remedy: 'Use fewer variables or make the template text longer.', retry: 'never', source: META, scope: 'management' },
    { code: 2388299, httpStatus: [], title: 'Leading or trailing parameters not allowed', remedy: 'Move the variables away from the very start and end of the template text.', retry: 'never', source: META, scope: 'management' },
    // Management-side: send template, phone migration
    { code: 2388019, httpStatus: [], title: 'Message Template Limit Exceeded', remedy: 'Delete unused templates; the account holds at most 250.', retry: 'after-fix', source: META, scope: 'management' },
    { code: 2388012, httpStatus: [], title: 'This phone number already exists in your list of phone numbers', remedy: 'Skip the migration; the number is already part of this account.', retry: 'never', source: META, scope: 'management' },
    { code: 2388091, httpStatus: [], title: "This phone number isn't eligible to receive/verify a registration code since it is not being migrated", remedy: 'Register and verify the number the ordinary way; the migration verification calls do not apply to it.', retry: 'never', source: META, scope: 'management' },
    { code: 2388093, httpStatus: [], title: "This phone number isn't eligible to receive/verify a registration code since it is not being migrated", remedy: 'Register and verify the number the ordinary way; the migration verification calls do not apply to it.', retry: 'never', source: META, scope: 'management' },
    { code: 2388103, httpStatus: [], title: 'Cannot migrate phone number', remedy: 'Fix the cause the message names (webhooks, display name, payment account, approval) and migrate again.', retry: 'after-fix', source: META, scope: 'management' },
    { code: 2494100, httpStatus: [], title: 'Account is in maintenance mode', remedy: 'Retry in a few minutes with backoff.', retry: 'transient', source: META, scope: 'management' },
    // Management-side: template insights, coexistence synchronization
    { code: 200005, httpStatus: [], title: 'Template insights unavailable', remedy: 'Template insights cannot be enabled for this account yet; do not repeat the call now.', retry: 'never', source: META, scope: 'management' },
    { code: 200006, httpStatus: [], title: 'Cannot disable template insights', remedy: 'Drop the call; template insights stay on once enabled.', retry: 'never', source: META, scope: 'management' },
    { code: 200007, httpStatus: [], title: 'Template Insights not enabled', remedy: 'Enable template insights for the account, then query them again.', retry: 'after-fix', source: META, scope: 'management' },
    { code: 2593107, httpStatus: [], title: 'Synchronization call limit exceeded', remedy: 'Contacts and history can each be synchronized once; offboard and re-onboard the business to sync again.', retry: 'after-fix', source: META, scope: 'management' },
    { code: 2593108, httpStatus: [], title: 'Synchronization outside the 24-hour window', remedy: 'Sync within 24 hours of onboarding; offboard and re-onboard the user to start a new window.', retry: 'after-fix', source: META, scope: 'management' },
    // Flow Management API (Meta's Flows error-code page)
    { code: 139000, httpStatus: [], title: 'Blocked By Integrity', remedy: 'An integrity issue on the account blocks creating or publishing Flows; contact Meta support.', retry: 'after-fix', source: FLOWS, scope: 'management' },
    { code: 139001, httpStatus: [], title: 'Flow update failed', remedy: 'Clone a published Flow instead of updating it; for an internal processing error retry once, then contact support.', retry: 'never', source: FLOWS, scope: 'management' },
    { code: 139002, httpStatus: [], title: 'Flow publishing failed', remedy: 'Fix what the message names (validation errors, endpoint, public key, phone number, app, webhooks) and publish a draft.', retry: 'after-fix', source: FLOWS, scope: 'management' },
    { code: 139003, httpStatus: [], title: 'Flow deprecation failed', remedy: 'Only a published Flow can be deprecated, once; delete an unpublished draft instead.', retry: 'never', source: FLOWS, scope: 'management' },
    { code: 139004, httpStatus: [], title: "Can't delete published Flow", remedy: 'Deprecate the published Flow instead of deleting it.', retry: 'never', source: FLOWS, scope: 'management' },
    { code: 139006, httpStatus: [], title: 'Metrics threshold is not reached', remedy: 'The Flow has too little traffic for metrics; ask again once more users have opened it.', retry: 'after-fix', source: FLOWS, scope: 'management' },
    // Block Users API (Meta's Block Users page)
    { code: 139100, httpStatus: [], title: 'Failed to block/unblock some users', remedy: 'Read failed_users[].errors for the code of each user that was not blocked or unblocked.', retry: 'never', source: BLOCK_USERS, scope: 'management' },
    { code: 139101, httpStatus: [], title: 'Blocklist limit reached', remedy: 'Unblock users first; the blocklist holds at most 64,000.', retry: 'after-fix', source: BLOCK_USERS, scope: 'management' },
    { code: 139102, httpStatus: [], title: 'Blocklist concurrent update', remedy: 'The blocklist changed while paging; restart the listing from the first page.', retry: 'transient', source: BLOCK_USERS, scope: 'management' },
    { code: 139103, httpStatus: [], title: 'Internal error', remedy: 'Retry the block or unblock request with backoff.', retry: 'transient', source: BLOCK_USERS, scope: 'management' },
    // Other codes seen only in SDK maps
    { code: 506, httpStatus: [], title: 'Duplicate post', remedy: 'Do not resend; the same request was already posted.', retry: 'never', source: SDK_MAP, scope: 'legacy' },
    { code: 131043, httpStatus: [], title: 'Message expired', remedy: 'Send a new message if it is still relevant; the old one expired undelivered.', retry: 'never', source: SDK_MAP, scope: 'legacy' },
    { code: 131001, httpStatus: [], title: 'Message too long', remedy: 'Shorten the message body below the length limit.', retry: 'never', source: SDK_MAP, scope: 'legacy' },
    { code: 131002, httpStatus: [], title: 'Invalid recipient type', remedy: 'Set recipient_type to "individual".', retry: 'never', source: SDK_MAP, scope: 'legacy' },
    { code: 131006, httpStatus: [], title: 'Resource not found', remedy: 'Check the ID of the media or resource referenced by the request.', retry: 'never', source: SDK_MAP, scope: 'legacy' },
    { code: 133001, httpStatus: [], title: 'Decryption error', remedy: 'Check the backup or registration data and its password, then try again.', retry: 'after-fix', source: SDK_MAP, scope: 'legacy' },
    { code: 133002, httpStatus: [], title: 'Backup blob decryption error', remedy: 'Check the backup or registration data and its password, then try again.', retry: 'after-fix', source: SDK_MAP, scope: 'legacy' },
    { code: 133003, httpStatus: [], title: 'Recovery token decryption error', remedy: 'Check the backup or registration data and its password, then try again.', retry: 'after-fix', source: SDK_MAP, scope: 'legacy' },
    { code: 133007, httpStatus: [], title: 'Account blocked', remedy: 'Resolve the block on the account with Meta support before sending.', retry: 'after-fix', source: SDK_MAP, scope: 'legacy' },
    { code: 136025, httpStatus: [], title: 'Verify code error', remedy: 'Request a new verification code and enter it correctly.', retry: 'never', source: SDK_MAP, scope: 'legacy' },
  ],
} as const satisfies ProviderDefinition;

// --- Status webhooks ---------------------------------------------------------
// Kept apart from the entries above and merged onto them where the catalog is
// assembled (../index.ts), so that the entries stay as the error-code page has them.

const STATUS_WEBHOOK = 'https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status/';
const ERRORS_WEBHOOK = 'https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/errors';

/**
 * Message statuses arrive in `entry[].changes[].value.statuses[]`; a `failed`
 * status carries `errors[]`, and system- or account-level problems arrive in
 * `value.errors[]`. Each error is `{ code, title, message, error_data: { details }, href }`.
 */
export const metaCloudStatusWebhook = {
  messageFields: ['title', 'message', 'error_data.details'],
  notable: [131047, 131026],
  sources: [STATUS_WEBHOOK, ERRORS_WEBHOOK],
} as const satisfies StatusWebhook;

/**
 * Where codes arrive, per group, as Meta documents it. The error-code page
 * says that errors come back in the response, by webhook, or both, without
 * saying which for most codes; a code not listed here stays unset (read as both).
 */
export const metaCloudDelivery = [
  // the example of the errors webhook (`value.errors[]`); the error-code page lists it as a throughput error of the send request
  { delivery: 'both', codes: [130429], source: ERRORS_WEBHOOK },
] as const satisfies readonly DeliveryGroup[];
