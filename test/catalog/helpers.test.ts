import { describe, expect, test } from 'vitest';
import { errorCodeOf, isRetryable, retryClassOf, type Provider } from '../../src/catalog/index.js';

describe('errorCodeOf reads the code where each provider puts it', () => {
  test.each<[Provider, unknown, unknown]>([
    ['meta-cloud', { error: { message: '(#131047) Re-engagement message', type: 'OAuthException', code: 131047, fbtrace_id: 'x' } }, 131047],
    ['cequens', { errors: [{ code: 470, title: 'Re-engagement message' }] }, 470],
    ['cequens', { errors: [{ code: 'MISSING_TOKEN' }] }, 'MISSING_TOKEN'],
    ['wa-server', { error: { code: 'device_not_connected', message: 'offline' }, request_id: 'r' }, 'device_not_connected'],
    ['digiworld', { error: 'insufficient_balance', message: 'Top up your wallet' }, 'insufficient_balance'],
    ['msgbubbles', { error: 'rate_limited', message: 'slow down', request_id: 'req_1' }, 'rate_limited'],
    ['msgbubbles', { error: 'reaction_failed', message: 'upstream' }, 'reaction_failed'],
    ['connexease', { isSuccess: false, errors: { code: 'RATE_001', params: { retry_after: '1s' } } }, 'RATE_001'],
    ['twilio', { code: 63016, message: 'Failed to send freeform message', more_info: 'https://www.twilio.com/docs/errors/63016', status: 400 }, 63016],
    ['360dialog', { error: { message: '(#131047) Re-engagement message', code: 131047 } }, 131047],
    ['vonage', { type: 'https://developer.nexmo.com/api-errors/messages-olympus#1340', title: 'Outside of the allowed window' }, '1340'],
    ['vonage', { type: 'https://developer.vonage.com/api-errors#low-balance', title: 'Low balance' }, 'low-balance'],
    ['infobip', { requestError: { serviceException: { messageId: 'TOO_MANY_REQUESTS', text: 'Too many requests' } } }, 'TOO_MANY_REQUESTS'],
    ['gupshup', { type: 'message-event', payload: { id: 'x', type: 'failed', payload: { code: 1002, reason: 'not on WhatsApp' } } }, 1002],
    ['gupshup', { type: 'message-event', payload: { id: 'x', type: 'failed', payload: { code: 131047, reason: 'Re-engagement message' } } }, 131047],
  ])('%s', (provider, body, code) => {
    expect(errorCodeOf(provider, body)).toBe(code);
  });

  test.each<[Provider, unknown]>([
    ['meta-cloud', null],
    ['meta-cloud', 'error'],
    ['meta-cloud', { error: { code: '131047' } }],
    ['meta-cloud', { error: { code: 999999 } }],
    ['wa-server', { error: 'device_not_connected' }],
    ['digiworld', { error: { code: 'insufficient_balance' } }],
    ['cequens', { errors: [] }],
    ['connexease', { isSuccess: true, data: {} }],
    ['twilio', { code: 131047, message: 'not a Twilio code' }],
    ['360dialog', { meta: { success: false, http_code: 401, developer_message: 'Invalid api_key' } }],
    ['vonage', { type: '1340', title: 'no fragment' }],
    ['vonage', { type: 'https://developer.nexmo.com/api-errors/messages-olympus#9999', title: 'undocumented' }],
    ['vonage', { type: 1340 }],
    ['infobip', { requestError: { serviceException: { messageId: 'NOT_DOCUMENTED' } } }],
  ])('%s: undefined for %j', (provider, body) => {
    expect(errorCodeOf(provider, body)).toBeUndefined();
  });

  test('rejects an unknown provider with a clear error', () => {
    expect(() => errorCodeOf('plivo' as Provider, {})).toThrow(
      "Unknown WhatsApp provider 'plivo'; expected one of meta-cloud, cequens, wa-server, digiworld, msgbubbles, connexease, twilio, 360dialog, vonage, infobip, gupshup",
    );
  });
});

describe('retryClassOf and isRetryable', () => {
  test.each<[Provider, string | number, string, boolean]>([
    ['meta-cloud', 131047, 'never', false],
    ['meta-cloud', 190, 'after-fix', false],
    ['meta-cloud', 130429, 'rate-limit', true],
    ['meta-cloud', 131000, 'transient', true],
    ['meta-cloud', 250, 'after-fix', false],
    ['wa-server', 'provider_rate_limit', 'provider-retries', false],
    ['wa-server', 'upstream_timeout', 'transient', true],
    ['digiworld', 'insufficient_balance', 'after-fix', false],
    ['msgbubbles', 'webhook_failed', 'transient', true],
    ['msgbubbles', 'rate_limited', 'rate-limit', true],
    ['connexease', 'RATE_001', 'rate-limit', true],
    ['cequens', 470, 'never', false],
    ['twilio', 63016, 'never', false],
    ['twilio', 63018, 'rate-limit', true],
    ['twilio', 63037, 'provider-retries', false],
    ['twilio', 20003, 'after-fix', false],
    ['360dialog', 131047, 'never', false],
    ['360dialog', 130429, 'rate-limit', true],
    ['vonage', '1340', 'never', false],
    ['vonage', '1000', 'rate-limit', true],
    ['infobip', 'GENERAL_ERROR', 'transient', true],
    ['gupshup', 4001, 'after-fix', false],
    ['gupshup', 131056, 'rate-limit', true],
  ])('%s %s is %s', (provider, code, retry, retryable) => {
    expect(retryClassOf(provider, code)).toBe(retry);
    expect(isRetryable(provider, code)).toBe(retryable);
  });

  test('undocumented codes have no class and are not retryable', () => {
    expect(retryClassOf('meta-cloud', '131047')).toBeUndefined();
    expect(retryClassOf('msgbubbles', '_failed')).toBe('transient');
    expect(retryClassOf('msgbubbles', 'failed')).toBeUndefined();
    expect(retryClassOf('meta-cloud', 300)).toBeUndefined();
    expect(isRetryable('wa-server', undefined)).toBe(false);
  });
});
