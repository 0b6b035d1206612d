import type { ProviderDefinition } from '../schema.js';

/** Twilio's Error and Warning Dictionary: one page per code. */
const ERR = 'https://www.twilio.com/docs/api/errors';
/** Twilio's table of Twilio codes and the WhatsApp (On-Premises) codes behind them. */
const MAP = 'https://www.twilio.com/docs/whatsapp/tutorial/error-codes';
/** Formats, exceptions (`code`, `message`, `more_info`, `status`) and HTTP statuses of the REST API. */
const RESPONSE = 'https://www.twilio.com/docs/usage/twilios-response';
/** The status callback: a form-encoded POST with `MessageStatus` and, on failure, `ErrorCode`. */
const CALLBACK = 'https://www.twilio.com/docs/messaging/guides/track-outbound-message-status';
/** Which status changes send a callback; `failed` and `undelivered` are the failures. */
const CALLBACK_STATUSES = 'https://www.twilio.com/docs/messaging/guides/outbound-message-status-in-status-callbacks';

const onPrem = (...codes: number[]) => ({ api: 'meta-on-premises', codes, source: MAP }) as const;

export const twilio = {
  id: 'twilio',
  name: 'Twilio (WhatsApp)',
  hosts: ['api.twilio.com'],
  sharedHosts: ['api.twilio.com'],
  codePath: 'code',
  codeType: 'number',
  messagePaths: ['message', 'more_info'],
  statusReliable: true,
  notable: [63016, 63018, 63024, 20003],
  docs: ERR,
  statusCallback: {
    encoding: 'form',
    statusPath: 'MessageStatus',
    failedStates: ['failed', 'undelivered'],
    codePath: 'ErrorCode',
    rootFields: ['MessageStatus', 'ErrorCode'],
    textMarkers: ['MessageStatus', 'ErrorCode'],
    evidence: ['whatsapp:'],
    notable: [63016, 63024],
    sources: [CALLBACK, CALLBACK_STATUSES],
  },
  notes: [
    'Error body of the REST API (`POST /2010-04-01/Accounts/{AccountSid}/Messages.json`): `{ "code": 21211, "message": "…", "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400 }`. The `twilio` SDK rejects with a `RestException` carrying the same `code`, `status`, `message` and `moreInfo`.',
    '`api.twilio.com` also serves SMS, MMS and voice: a call is a WhatsApp call only with WhatsApp evidence (`whatsapp:` in `From`/`To`, a WhatsApp sender or content template). The codes here are the ones a WhatsApp send can get; SMS carrier delivery codes (30003–30007 and the like) are left out.',
    'Most 63xxx codes are failures after Twilio accepted the message: they arrive in the status callback (`MessageStatus` `failed` or `undelivered` with `ErrorCode`) and on the Message resource (`error_code`), not as an HTTP error. Twilio documents no HTTP status for them.',
    `The HTTP statuses of the request errors (20003, 20404, 20429, the 21xxx validation codes) follow Twilio's API responses page (${RESPONSE}); the per-code pages give none.`,
    'Twilio publishes which WhatsApp On-Premises code each of its codes stands for (e.g. 63016 for 470, 63018 for 429, 471 and 1015); the "WhatsApp code" column keeps that mapping. Twilio publishes no mapping to Cloud API codes (131047 and so on).',
    'The `twilio` SDK can retry 429 responses itself when the client is created with `autoRetry: true` (off by default); with it on, 20429 is retried by the SDK.',
    'Codes 63035 and 63036 (RCS) and 63039 (Facebook Messenger) are channel codes that a WhatsApp send cannot get; 63046 is a template-approved notice, not an error. 63048 and 63050 are not in the dictionary copies consulted and are left out.',
  ],
  retryReasons: {
    transient: 'Twilio or the channel provider failed internally (63009, 63010, 63012, 63023) or the receiver could not fetch a template; the same request can succeed later, with backoff.',
    'rate-limit': 'Throughput limits (20429, 63017, 63018), the daily account limit (63038) and Meta\'s per-user marketing limit (63049): retry only after waiting, as the pages say.',
    'after-fix': 'Credentials, sender set-up, geo permissions, Messaging Service senders, the Business Manager account, certificates, paused templates or a locked account: an operator must act first.',
    never: 'The request itself is wrong (validation, media, template parameters) or the recipient cannot receive it (invalid recipient, opted out, outside the 24-hour window, experiment).',
    'provider-retries': '63037: Twilio says it retries the media upload itself.',
  },
  errors: [
    // Request errors of the Messages API
    { code: 20003, httpStatus: [401], title: 'Permission Denied', remedy: 'Check the Account SID and Auth Token (or API key) and that the account is active.', retry: 'after-fix', source: `${ERR}/20003` },
    { code: 20404, httpStatus: [404], title: 'Not Found', remedy: 'Fix the account SID or path in the URL; the resource does not exist.', retry: 'never', source: `${ERR}/20404` },
    { code: 20429, httpStatus: [429], title: 'Too Many Requests', remedy: 'Too many concurrent requests; wait and retry with backoff (the request was not processed).', retry: 'rate-limit', source: `${ERR}/20429` },
    { code: 21211, httpStatus: [400], title: "Invalid 'To' Phone Number", remedy: "Send 'To' as whatsapp:+E.164 and never to the sender itself.", retry: 'never', source: `${ERR}/21211` },
    { code: 21212, httpStatus: [400], title: "Invalid 'From' Number", remedy: "Send 'From' as the WhatsApp sender in whatsapp:+E.164 form.", retry: 'never', source: `${ERR}/21212` },
    { code: 21408, httpStatus: [400], title: 'Permission not enabled for the region of the To number', remedy: "Enable the destination country in the account's Messaging Geo-Permissions, then resend.", retry: 'after-fix', source: `${ERR}/21408` },
    { code: 21602, httpStatus: [400], title: 'Message body is required', remedy: 'Send a Body, media or a ContentSid; the request had no content.', retry: 'never', source: `${ERR}/21602` },
    { code: 21603, httpStatus: [400], title: "A 'From' or 'MessagingServiceSid' parameter is required", remedy: 'Add the WhatsApp sender as From, or a MessagingServiceSid.', retry: 'never', source: `${ERR}/21603` },
    { code: 21604, httpStatus: [400], title: "The destination 'To' phone number is required", remedy: "Add the recipient as 'To' (whatsapp:+E.164).", retry: 'never', source: `${ERR}/21604` },
    { code: 21606, httpStatus: [400], title: "The 'From' number is not a valid message-capable Twilio number", remedy: 'Send from a sender that is registered for WhatsApp on this account.', retry: 'after-fix', source: `${ERR}/21606` },
    { code: 21608, httpStatus: [400], title: "The 'To' phone number provided is not yet verified for this account", remedy: 'A trial account (or one without an approved primary compliance profile) may only message numbers verified with Twilio: verify the recipient, or upgrade the account.', retry: 'after-fix', source: `${ERR}/21608` },
    { code: 21610, httpStatus: [400], title: 'Attempt to send to unsubscribed recipient', remedy: 'The recipient opted out; do not message them until they opt back in.', retry: 'never', source: `${ERR}/21610` },
    { code: 21614, httpStatus: [400], title: "'To' number is not a valid mobile number", remedy: 'Check the recipient number; it is not a valid mobile number.', retry: 'never', source: `${ERR}/21614` },
    { code: 21617, httpStatus: [400], title: 'The message body exceeds the 1600 character limit', remedy: 'Shorten the body to 1600 characters or split the message.', retry: 'never', source: `${ERR}/21617` },
    { code: 21620, httpStatus: [400], title: 'Invalid media URL(s)', remedy: 'Give every MediaUrl as a full http(s) URL.', retry: 'never', source: `${ERR}/21620` },
    { code: 21623, httpStatus: [400], title: 'Number of media files exceeds allowed limit', remedy: 'Send fewer media files in one message.', retry: 'never', source: `${ERR}/21623` },
    { code: 21656, httpStatus: [400], title: 'The ContentVariables parameter is invalid', remedy: 'Send ContentVariables as a JSON string of the template placeholders.', retry: 'never', source: `${ERR}/21656` },
    { code: 21703, httpStatus: [400], title: 'The Messaging Service has no sender available for this message', remedy: 'Add a WhatsApp-capable sender for this destination to the Messaging Service.', retry: 'after-fix', source: `${ERR}/21703` },
    { code: 21704, httpStatus: [400], title: 'The Messaging Service contains no senders', remedy: 'Add at least one sender to the Messaging Service.', retry: 'after-fix', source: `${ERR}/21704` },
    { code: 21705, httpStatus: [400], title: 'The Messaging Service is invalid', remedy: 'Fix the MessagingServiceSid (MG…); it matches no service.', retry: 'never', source: `${ERR}/21705` },
    // Channels / WhatsApp (63xxx)
    { code: 63001, httpStatus: [], title: 'Channel could not authenticate the request', remedy: 'Reconnect the WhatsApp sender (token rotated, password changed or app removed); re-add it if it persists.', retry: 'after-fix', source: `${ERR}/63001`, maps: onPrem(1005) },
    { code: 63002, httpStatus: [], title: 'Channel could not find the From address', remedy: 'Check that the From address is a sender configured on the channel.', retry: 'after-fix', source: `${ERR}/63002` },
    { code: 63003, httpStatus: [], title: 'Channel could not find To address', remedy: 'The recipient is inactive or mistyped; correct the number or drop it.', retry: 'never', source: `${ERR}/63003`, maps: onPrem(1006, 1013, 1021) },
    { code: 63005, httpStatus: [], title: 'Channel did not accept given content', remedy: 'Read the channel error detail and change the content; it was refused as sent.', retry: 'never', source: `${ERR}/63005`, maps: onPrem(1000) },
    { code: 63006, httpStatus: [], title: 'Could not format given content for the channel', remedy: 'Change the content to a form the channel supports.', retry: 'never', source: `${ERR}/63006` },
    { code: 63007, httpStatus: [], title: "Twilio could not find a Channel with the 'From' address", remedy: 'Send from an approved WhatsApp sender of this account (not one pending approval).', retry: 'after-fix', source: `${ERR}/63007` },
    { code: 63008, httpStatus: [], title: 'Channel module misconfigured', remedy: 'Fix the channel configuration and the address format of From and To.', retry: 'after-fix', source: `${ERR}/63008` },
    { code: 63009, httpStatus: [], title: 'Channel provider returned an internal service error (HTTP 5xx)', remedy: 'Retry later with backoff; the channel provider failed.', retry: 'transient', source: `${ERR}/63009` },
    { code: 63010, httpStatus: [], title: "Twilio's platform encountered an internal error", remedy: 'Retry later with backoff; contact Twilio support if it persists.', retry: 'transient', source: `${ERR}/63010`, maps: onPrem(1022) },
    { code: 63011, httpStatus: [], title: 'Invalid request: Twilio encountered an error while processing it', remedy: 'The channel provider did not return capabilities for the request; retry a few times with backoff.', retry: 'transient', source: `${ERR}/63011` },
    { code: 63012, httpStatus: [], title: 'Channel provider returned an internal service error', remedy: 'Retry later with backoff; the channel provider failed.', retry: 'transient', source: `${ERR}/63012`, maps: onPrem(500, 1011, 1014, 1023, 1025) },
    { code: 63013, httpStatus: [], title: 'Channel policy violation', remedy: "Change the content to comply with WhatsApp's policy (no long runs of whitespace in placeholders).", retry: 'never', source: `${ERR}/63013`, maps: onPrem(1008, 1009) },
    { code: 63014, httpStatus: [], title: 'Channel message blocked by user action', remedy: 'The recipient blocked the message; do not resend.', retry: 'never', source: `${ERR}/63014` },
    { code: 63015, httpStatus: [], title: 'Sandbox can only send to numbers that joined the Sandbox', remedy: 'Have the recipient send the join phrase to the Sandbox first, or use a live sender.', retry: 'after-fix', source: `${ERR}/63015` },
    { code: 63016, httpStatus: [], title: 'Outside messaging window', remedy: 'Send an approved template with ContentSid; free-form needs a user message in the last 24 hours.', retry: 'never', source: `${ERR}/63016`, maps: onPrem(470) },
    { code: 63017, httpStatus: [], title: 'Rate limit exceeded', remedy: 'Slow down and retry after a wait.', retry: 'rate-limit', source: `${ERR}/63017` },
    { code: 63018, httpStatus: [], title: 'Rate limit exceeded for Channel', remedy: 'Throttle sends to the sender and portfolio limits; wait for capacity, then retry.', retry: 'rate-limit', source: `${ERR}/63018`, maps: onPrem(429, 471, 1015) },
    { code: 63019, httpStatus: [], title: 'Media failed to download', remedy: 'Make the media URL reachable and non-empty before sending again.', retry: 'never', source: `${ERR}/63019`, maps: onPrem(400) },
    { code: 63020, httpStatus: [], title: 'Business Manager account error', remedy: 'Fix the payment or account issue of the WhatsApp Business account in Meta Business Manager.', retry: 'after-fix', source: `${ERR}/63020`, maps: onPrem(402) },
    { code: 63021, httpStatus: [], title: 'Channel invalid content error', remedy: 'Use a supported media type and keep template text within 1024 characters.', retry: 'never', source: `${ERR}/63021`, maps: onPrem(408, 410, 1001) },
    { code: 63022, httpStatus: [], title: 'Invalid vname certificate', remedy: 'Renew the sender certificate (display name) with Twilio and WhatsApp.', retry: 'after-fix', source: `${ERR}/63022`, maps: onPrem(430, 432, 433) },
    { code: 63023, httpStatus: [], title: 'Channel generic error', remedy: 'Read ChannelStatusMessage in the status callback; retry with backoff, then contact support.', retry: 'transient', source: `${ERR}/63023` },
    { code: 63024, httpStatus: [], title: 'Invalid message recipient', remedy: 'The number is not a usable WhatsApp user (not on WhatsApp, terms not accepted, old client); reach them another way.', retry: 'never', source: `${ERR}/63024`, maps: onPrem(1002, 1026) },
    { code: 63025, httpStatus: [], title: 'Media already exists', remedy: 'Reuse the uploaded media instead of uploading it again.', retry: 'never', source: `${ERR}/63025`, maps: onPrem(1004) },
    { code: 63026, httpStatus: [], title: 'Channel sender content flagged as spam', remedy: 'Review the content and sending pattern that was flagged before sending more.', retry: 'after-fix', source: `${ERR}/63026` },
    { code: 63027, httpStatus: [], title: 'Template does not exist for a language and locale', remedy: 'Use an approved template that exists for this language and locale.', retry: 'never', source: `${ERR}/63027`, maps: onPrem(2001, 2003) },
    { code: 63028, httpStatus: [], title: 'Number of parameters does not match the template', remedy: 'Pass exactly as many variables as the template has placeholders.', retry: 'never', source: `${ERR}/63028`, maps: onPrem(2000) },
    { code: 63029, httpStatus: [], title: 'The receiver failed to download the template', remedy: 'Retry later; the recipient handset could not fetch the template.', retry: 'transient', source: `${ERR}/63029`, maps: onPrem(2002) },
    { code: 63030, httpStatus: [], title: 'Unsupported parameter for this type of channel message', remedy: 'Drop media from template messages and give link previews a valid URL.', retry: 'never', source: `${ERR}/63030`, maps: onPrem(1010) },
    { code: 63031, httpStatus: [], title: 'Channel message cannot have same From and To', remedy: "Send to a recipient other than the sender's own number.", retry: 'never', source: `${ERR}/63031` },
    { code: 63032, httpStatus: [], title: "User's number is part of a WhatsApp experiment", remedy: 'Skip this recipient; WhatsApp withholds the message.', retry: 'never', source: `${ERR}/63032`, maps: onPrem(472) },
    { code: 63033, httpStatus: [], title: 'Recipient blocked to receive message', remedy: 'Skip this recipient; they blocked the sender.', retry: 'never', source: `${ERR}/63033`, maps: onPrem(1007), scope: 'legacy' },
    { code: 63034, httpStatus: [], title: 'Media exceeds size limit', remedy: 'Send smaller media (5 MB or less).', retry: 'never', source: `${ERR}/63034` },
    { code: 63037, httpStatus: [], title: 'Channel media upload error', remedy: 'No action: Twilio retries the media upload to the channel itself.', retry: 'provider-retries', source: `${ERR}/63037` },
    { code: 63038, httpStatus: [], title: 'Account exceeded the daily messages limit', remedy: 'Wait for the next day or ask Twilio support to raise the limit.', retry: 'rate-limit', source: `${ERR}/63038` },
    { code: 63041, httpStatus: [], title: 'Template paused', remedy: 'Use another template, or edit this one and resubmit it for review.', retry: 'after-fix', source: `${ERR}/63041` },
    { code: 63042, httpStatus: [], title: 'Template disabled', remedy: 'Create a new template; this one is permanently disabled.', retry: 'never', source: `${ERR}/63042` },
    { code: 63049, httpStatus: [], title: 'Meta chose not to deliver this WhatsApp marketing message', remedy: 'Never resend to US numbers; elsewhere retry later with growing delays, or fix a mis-categorised template.', retry: 'rate-limit', source: `${ERR}/63049` },
    { code: 63051, httpStatus: [], title: 'WhatsApp Business Account is locked', remedy: 'WhatsApp locked the account for a policy violation; appeal through Twilio support before sending.', retry: 'after-fix', source: `${ERR}/63051` },
    // Template submission (Content API)
    { code: 63040, httpStatus: [], title: 'Template rejected', remedy: 'Rewrite the template (clear purpose, sequential placeholders) and submit a new one.', retry: 'never', source: `${ERR}/63040`, scope: 'management' },
    { code: 63043, httpStatus: [], title: 'Link to a sample media file returns 403 Forbidden', remedy: 'Give the sample media as a publicly readable URL.', retry: 'never', source: `${ERR}/63043`, scope: 'management' },
    { code: 63044, httpStatus: [], title: 'Link to a sample media file returns 404 Not Found', remedy: 'Fix the sample media URL; the file does not exist there.', retry: 'never', source: `${ERR}/63044`, scope: 'management' },
    { code: 63045, httpStatus: [], title: 'Link to a sample media file returned an unexpected error status', remedy: 'Check that the sample media URL loads, then submit again.', retry: 'never', source: `${ERR}/63045`, scope: 'management' },
    { code: 63047, httpStatus: [], title: 'Link to a sample media file returned an invalid Content-Type', remedy: 'Serve the sample as image/jpeg, image/png, application/pdf or video/mp4.', retry: 'never', source: `${ERR}/63047`, scope: 'management' },
    // Marketing Messages API
    { code: 63062, httpStatus: [], title: 'Terms of Service for Marketing Messages API not accepted', remedy: 'Accept the Marketing Messages API terms for the business portfolio in WhatsApp Manager.', retry: 'after-fix', source: `${ERR}/63062`, scope: 'marketing-messages' },
  ],
} as const satisfies ProviderDefinition;
