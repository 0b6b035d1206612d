/**
 * Type-level tests of `eslint-plugin-whatsapp-errors/catalog`, checked against the
 * built declarations (the package's own `exports`), under TypeScript 6 (vitest
 * typecheck) and TypeScript 7 (`npm run typecheck:ts7`). Every
 * `@ts-expect-error` line must stay an error: if the types stop rejecting it,
 * the compiler reports an unused directive and the test fails.
 */
import { describe, expectTypeOf, test } from 'vitest';
import {
  errorCodeOf,
  isRetryable,
  retryClassOf,
  type CodesForStatus,
  type ErrorBody,
  type ErrorCode,
  type ErrorHandlers,
  type NonRetryableCode,
  type Provider,
  type RetryClass,
  type RetryableCode,
  type WebhookError,
  type WebhookErrorCode,
  type WebhookProvider,
  type WebhookStatus,
} from 'eslint-plugin-whatsapp-errors/catalog';

type WaServerCode =
  | 'validation_error' | 'invalid_api_key' | 'unauthorized' | 'forbidden' | 'group_posting_restricted'
  | 'not_found' | 'conflict' | 'device_not_connected' | 'qr_reset_not_allowed' | 'too_many_devices'
  | 'client_outdated' | 'request_canceled' | 'logged_out' | 'device_destroyed' | 'provider_rate_limit'
  | 'internal_error' | 'provider_error' | 'whatsapp_connection_aborted' | 'whatsapp_connection_lost'
  | 'group_prekey_timeout' | 'upstream_timeout' | 'invalid_rotation_pin' | 'app_token_rotation_disabled'
  | 'request_too_large' | 'rate_limit_exceeded';

const waServerHandlers = {
  validation_error: 'fix', invalid_api_key: 'fix', unauthorized: 'fix', forbidden: 'fix',
  group_posting_restricted: 'fix', not_found: 'drop', conflict: 'drop', device_not_connected: 'relink',
  qr_reset_not_allowed: 'wait', too_many_devices: 'relink', client_outdated: 'relink', request_canceled: 'retry',
  logged_out: 'relink', device_destroyed: 'drop', provider_rate_limit: 'drop', internal_error: 'retry',
  provider_error: 'retry', whatsapp_connection_aborted: 'retry', whatsapp_connection_lost: 'retry',
  group_prekey_timeout: 'retry', upstream_timeout: 'retry', invalid_rotation_pin: 'fix',
  app_token_rotation_disabled: 'fix', request_too_large: 'drop', rate_limit_exceeded: 'wait',
} satisfies ErrorHandlers<'wa-server', string>;

describe('ErrorCode', () => {
  test('is exactly the documented union for wa-server', () => {
    expectTypeOf<ErrorCode<'wa-server'>>().toEqualTypeOf<WaServerCode>();
  });

  test('keeps Meta codes numeric: a string never matches', () => {
    expectTypeOf<131047>().toExtend<ErrorCode<'meta-cloud'>>();
    expectTypeOf<'131047'>().not.toExtend<ErrorCode<'meta-cloud'>>();
    // @ts-expect-error 1310470 is not a Meta code
    const typo: ErrorCode<'meta-cloud'> = 1310470;
    void typo;
  });

  test('a family of codes (Meta 200–299) is every code in it, and no code outside it', () => {
    expectTypeOf<200>().toExtend<ErrorCode<'meta-cloud'>>();
    expectTypeOf<250>().toExtend<ErrorCode<'meta-cloud'>>();
    expectTypeOf<299>().toExtend<ErrorCode<'meta-cloud'>>();
    expectTypeOf<250>().toExtend<NonRetryableCode<'meta-cloud'>>();
    expectTypeOf<250>().not.toExtend<RetryableCode<'meta-cloud'>>();
    expectTypeOf<250>().toExtend<CodesForStatus<'meta-cloud', 403>>();
    // the gateways that pass Meta's codes through get the family too
    expectTypeOf<250>().toExtend<ErrorCode<'360dialog'>>();
    expectTypeOf<250>().toExtend<ErrorCode<'gupshup'>>();
    expectTypeOf<ErrorBody<'meta-cloud'>['error']['code']>().toExtend<number>();
    // @ts-expect-error 300 is past the end of the family
    const past: ErrorCode<'meta-cloud'> = 300;
    // @ts-expect-error 199 is before its start
    const before: ErrorCode<'meta-cloud'> = 199;
    void past;
    void before;
  });

  test('turns the *_failed pattern into a template literal type', () => {
    expectTypeOf<'send_failed'>().toExtend<ErrorCode<'msgbubbles'>>();
    expectTypeOf<'anything_else'>().not.toExtend<ErrorCode<'msgbubbles'>>();
  });

  test('lists every provider', () => {
    expectTypeOf<Provider>().toEqualTypeOf<
      'meta-cloud' | 'cequens' | 'wa-server' | 'digiworld' | 'msgbubbles' | 'connexease' | 'twilio' | '360dialog' | 'vonage' | 'infobip' | 'gupshup'
    >();
  });
});

describe('RetryableCode and NonRetryableCode', () => {
  test('a retry list with 131047 does not compile against RetryableCode<meta-cloud>', () => {
    const ok: RetryableCode<'meta-cloud'>[] = [130429, 131000, 131056];
    // @ts-expect-error 131047 (24-hour window) is never retryable
    const bad: RetryableCode<'meta-cloud'>[] = [130429, 131047];
    void ok;
    void bad;
  });

  test('splits the codes into two disjoint groups', () => {
    expectTypeOf<131047>().toExtend<NonRetryableCode<'meta-cloud'>>();
    expectTypeOf<190>().toExtend<NonRetryableCode<'meta-cloud'>>();
    expectTypeOf<Extract<RetryableCode<'meta-cloud'>, NonRetryableCode<'meta-cloud'>>>().toEqualTypeOf<never>();
    expectTypeOf<'provider_rate_limit'>().toExtend<NonRetryableCode<'wa-server'>>();
    expectTypeOf<'rate_limit_exceeded'>().toExtend<RetryableCode<'wa-server'>>();
  });
});

describe('CodesForStatus', () => {
  test('HTTP 409 from wa-server is six different errors', () => {
    expectTypeOf<CodesForStatus<'wa-server', 409>>().toEqualTypeOf<
      'conflict' | 'device_not_connected' | 'qr_reset_not_allowed' | 'too_many_devices' | 'client_outdated' | 'logged_out'
    >();
  });

  test('HTTP 402 from Digiworld is one error', () => {
    expectTypeOf<CodesForStatus<'digiworld', 402>>().toEqualTypeOf<'insufficient_balance'>();
  });
});

describe('ErrorHandlers', () => {
  test('accepts an object naming every documented code', () => {
    expectTypeOf(waServerHandlers.logged_out).toEqualTypeOf<string>();
  });

  test('a handler object missing a code fails to compile', () => {
    const { logged_out: _dropped, ...missingOne } = waServerHandlers;
    // @ts-expect-error logged_out is missing
    missingOne satisfies ErrorHandlers<'wa-server', string>;
  });

  test('a misspelt code is rejected', () => {
    // @ts-expect-error rate_limit is not a wa-server code
    ({ ...waServerHandlers, rate_limit: 'wait' }) satisfies ErrorHandlers<'wa-server', string>;
  });
});

describe('ErrorHandlers with a family of codes', () => {
  type MetaHandlers = ErrorHandlers<'meta-cloud', string>;
  test('the family is required once, under its first code; its other codes may be given', () => {
    expectTypeOf<MetaHandlers>().toHaveProperty(200);
    expectTypeOf<MetaHandlers[200]>().toEqualTypeOf<string>();
    expectTypeOf<MetaHandlers[250]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<keyof MetaHandlers & 300>().toEqualTypeOf<never>();
    // 131030 (a test number's recipient list) is a messaging code: required
    expectTypeOf<MetaHandlers[131030]>().toEqualTypeOf<string>();
    // management codes (Flows, Block Users) may be given, are not required
    expectTypeOf<MetaHandlers[139100]>().toEqualTypeOf<string | undefined>();
  });
});

describe('ErrorBody and runtime helpers', () => {
  test('ErrorBody puts the code where the provider does', () => {
    expectTypeOf<ErrorBody<'meta-cloud'>['error']['code']>().toEqualTypeOf<ErrorCode<'meta-cloud'>>();
    expectTypeOf<ErrorBody<'digiworld'>['error']>().toEqualTypeOf<ErrorCode<'digiworld'>>();
    expectTypeOf<ErrorBody<'connexease'>['errors']['code']>().toEqualTypeOf<ErrorCode<'connexease'>>();
    expectTypeOf<ErrorBody<'cequens'>['errors'][number]['code']>().toEqualTypeOf<ErrorCode<'cequens'>>();
  });

  test('helpers are typed by provider', () => {
    expectTypeOf(errorCodeOf('wa-server', {})).toEqualTypeOf<ErrorCode<'wa-server'> | undefined>();
    expectTypeOf(retryClassOf('meta-cloud', 131047)).toEqualTypeOf<RetryClass | undefined>();
    expectTypeOf(isRetryable('msgbubbles', 'send_failed')).toEqualTypeOf<boolean>();
    // @ts-expect-error not a provider id
    retryClassOf('plivo', 'x');
  });
});

describe('Twilio', () => {
  test('its codes are its own: 63016 is the 24-hour window, 131047 is Meta\'s', () => {
    expectTypeOf<63016>().toExtend<ErrorCode<'twilio'>>();
    expectTypeOf<21211>().toExtend<ErrorCode<'twilio'>>();
    expectTypeOf<131047>().not.toExtend<ErrorCode<'twilio'>>();
    // @ts-expect-error 131047 is a Meta Cloud API code; Twilio reports the closed window as 63016
    const window: ErrorCode<'twilio'> = 131047;
    void window;
  });

  test('retry classes: 63016 never, 63018 rate-limit, 63037 retried by Twilio', () => {
    expectTypeOf<63016>().toExtend<NonRetryableCode<'twilio'>>();
    expectTypeOf<63037>().toExtend<NonRetryableCode<'twilio'>>();
    expectTypeOf<63018>().toExtend<RetryableCode<'twilio'>>();
    expectTypeOf<20429>().toExtend<RetryableCode<'twilio'>>();
    // @ts-expect-error 63016 (outside the 24-hour window) cannot be retried
    const bad: RetryableCode<'twilio'>[] = [63018, 63016];
    void bad;
  });

  test('HTTP 429 and 401 are one code each', () => {
    expectTypeOf<CodesForStatus<'twilio', 429>>().toEqualTypeOf<20429>();
    expectTypeOf<CodesForStatus<'twilio', 401>>().toEqualTypeOf<20003>();
  });

  test('ErrorBody is the REST exception', () => {
    expectTypeOf<ErrorBody<'twilio'>['code']>().toEqualTypeOf<ErrorCode<'twilio'>>();
    expectTypeOf<ErrorBody<'twilio'>['status']>().toEqualTypeOf<number>();
  });
});

describe('360dialog', () => {
  test('passes Meta\'s codes through: the same union as meta-cloud', () => {
    expectTypeOf<ErrorCode<'360dialog'>>().toEqualTypeOf<ErrorCode<'meta-cloud'>>();
    expectTypeOf<RetryableCode<'360dialog'>>().toEqualTypeOf<RetryableCode<'meta-cloud'>>();
  });

  test('ErrorBody has Meta\'s error or 360dialog\'s own meta, which has no code', () => {
    expectTypeOf<NonNullable<ErrorBody<'360dialog'>['error']>['code']>().toEqualTypeOf<ErrorCode<'360dialog'>>();
    expectTypeOf<NonNullable<ErrorBody<'360dialog'>['meta']>>().toEqualTypeOf<{ success: false; http_code: number; developer_message: string }>();
  });
});

describe('Vonage', () => {
  test('codes are the fragments of the problem type: strings, not numbers', () => {
    expectTypeOf<'1340'>().toExtend<ErrorCode<'vonage'>>();
    expectTypeOf<'low-balance'>().toExtend<ErrorCode<'vonage'>>();
    expectTypeOf<1340>().not.toExtend<ErrorCode<'vonage'>>();
  });

  test('ErrorBody.type is a URL ending in a documented code', () => {
    const body: ErrorBody<'vonage'> = { type: 'https://developer.nexmo.com/api-errors/messages-olympus#1340', title: 'Outside of the allowed window' };
    void body;
    // @ts-expect-error 9999 is not a Vonage code
    const unknown: ErrorBody<'vonage'> = { type: 'https://developer.nexmo.com/api-errors/messages-olympus#9999', title: 'x' };
    void unknown;
  });
});

describe('Infobip', () => {
  const infobipHandlers = {
    BAD_REQUEST: 'fix',
    UNAUTHORIZED: 'fix',
    TOO_MANY_REQUESTS: 'wait',
    GENERAL_ERROR: 'retry',
  } satisfies ErrorHandlers<'infobip', string>;

  test('ErrorCode is exactly the four messageIds', () => {
    expectTypeOf<ErrorCode<'infobip'>>().toEqualTypeOf<'BAD_REQUEST' | 'UNAUTHORIZED' | 'TOO_MANY_REQUESTS' | 'GENERAL_ERROR'>();
    expectTypeOf<ErrorBody<'infobip'>['requestError']['serviceException']['messageId']>().toEqualTypeOf<ErrorCode<'infobip'>>();
  });

  test('a handler object without GENERAL_ERROR fails to compile', () => {
    const { GENERAL_ERROR: _dropped, ...missingOne } = infobipHandlers;
    // @ts-expect-error GENERAL_ERROR is missing
    missingOne satisfies ErrorHandlers<'infobip', string>;
  });
});

describe('Gupshup', () => {
  test('its own codes and Meta\'s passed-through codes', () => {
    expectTypeOf<1002>().toExtend<ErrorCode<'gupshup'>>();
    expectTypeOf<131047>().toExtend<ErrorCode<'gupshup'>>();
    expectTypeOf<63016>().not.toExtend<ErrorCode<'gupshup'>>();
  });

  test('4001 (rate limited: stop and contact Gupshup) is not retryable; 4002 is', () => {
    expectTypeOf<4001>().toExtend<NonRetryableCode<'gupshup'>>();
    expectTypeOf<4002>().toExtend<RetryableCode<'gupshup'>>();
  });

  test('ErrorBody is the failed message event', () => {
    expectTypeOf<ErrorBody<'gupshup'>['payload']['payload']['code']>().toEqualTypeOf<ErrorCode<'gupshup'>>();
  });

  test('errorCodeOf and retryClassOf take the new ids', () => {
    expectTypeOf(errorCodeOf('gupshup', {})).toEqualTypeOf<ErrorCode<'gupshup'> | undefined>();
    expectTypeOf(errorCodeOf('vonage', {})).toEqualTypeOf<ErrorCode<'vonage'> | undefined>();
    expectTypeOf(isRetryable('twilio', 63018)).toEqualTypeOf<boolean>();
  });
});

describe('WebhookStatus and WebhookError', () => {
  test('a failed status from the Cloud API webhook fits, its code is a documented Meta code', () => {
    const status = {
      id: 'wamid.HBgL',
      status: 'failed',
      timestamp: '1700000000',
      recipient_id: '16505551234',
      errors: [{ code: 131047, title: 'Re-engagement message', message: 'Re-engagement message', error_data: { details: 'More than 24 hours' }, href: '/docs' }],
    } satisfies WebhookStatus<'meta-cloud'>;
    expectTypeOf(status.errors[0]!.code).toExtend<ErrorCode<'meta-cloud'>>();
    expectTypeOf<WebhookError['code']>().toEqualTypeOf<WebhookErrorCode<'meta-cloud'>>();
  });

  test('every documented code but those given for the response only can arrive by webhook', () => {
    // no Meta code is documented as response-only, so the two unions are the same
    expectTypeOf<WebhookErrorCode<'meta-cloud'>>().toEqualTypeOf<ErrorCode<'meta-cloud'>>();
    expectTypeOf<WebhookProvider>().toEqualTypeOf<'meta-cloud'>();
  });

  test('an undocumented code, an unknown status or a provider without status webhooks does not compile', () => {
    // @ts-expect-error 131074 is not a Meta code
    const typo: WebhookError = { code: 131074, title: 'Re-engagement message' };
    // @ts-expect-error 'bounced' is not a status the webhook sends
    const bounced: WebhookStatus['status'] = 'bounced';
    // @ts-expect-error wa-server sends no status webhooks with errors
    type Gateway = WebhookError<'wa-server'>;
    void typo;
    void bounced;
    void (undefined as Gateway | undefined);
  });
});
