import type { ProviderDefinition } from '../schema.js';

const SEED = 'seeds/003_58f53d3e6239b8d2.txt';
const ERROR_CODES = 'https://docs.gateway.connexease.com/api-reference/error-codes';
const ERROR_PAGE = 'https://docs.gateway.connexease.com/api-reference/error';

export const connexease = {
  id: 'connexease',
  name: 'Connexease',
  hosts: ['api.gateway.connexease.com', 'proxy.gateway.connexease.com'],
  codePath: 'errors.code',
  codeType: 'string',
  messagePaths: ['errors.description'],
  successFlag: 'isSuccess',
  retryAfter: { bodyPath: 'errors.params.retry_after' },
  statusReliable: true,
  notable: ['BILL_001', 'AUTH_003', 'RATE_001'],
  docs: ERROR_CODES,
  notes: [
    'Error body: `{ "isSuccess": false, "errors": { "code": "RATE_001", "group": "TOO_MANY_REQUESTS", "description": "…", "params": { "limit_type": "sec", "retry_after": "1s" } } }`; `errors` is one object, not an array.',
    'Check `isSuccess`: it is `false` on every error.',
    'A rate-limited request says how long to wait in `errors.params.retry_after` (a string such as `"1s"` or `"60s"`); there is no Retry-After header.',
    'The request body copies Meta\'s Cloud API format (`messaging_product: "whatsapp"`); the host tells the two apart.',
  ],
  errors: [
    { code: 'AUTH_001', httpStatus: [401], title: 'API key not found, invalid or expired', remedy: 'Use a valid API key (pk_ in production, sk_ in staging).', retry: 'after-fix', source: SEED },
    { code: 'AUTH_002', httpStatus: [401], title: 'Authorization header missing', remedy: 'Send the Authorization header with the API key.', retry: 'after-fix', source: SEED },
    { code: 'AUTH_003', httpStatus: [401], title: 'Invalid token format', remedy: "Prefix the key with 'Bearer ' in the Authorization header.", retry: 'never', source: SEED },
    { code: 'AUTH_004', httpStatus: [500], title: 'Authentication service error', remedy: 'Retry with backoff.', retry: 'transient', source: SEED },
    { code: 'AUTH_005', httpStatus: [500], title: 'Corrupted authentication data', remedy: 'Contact Connexease support; the stored credentials are damaged.', retry: 'after-fix', source: ERROR_CODES },
    { code: 'WABA_001', httpStatus: [401], title: 'WABA credentials missing or invalid', remedy: 'Fix the WhatsApp Business Account credentials in Connexease.', retry: 'after-fix', source: SEED },
    { code: 'BILL_001', httpStatus: [402], title: 'Insufficient balance', remedy: 'Pause campaigns and top up the account before sending again.', retry: 'after-fix', source: SEED },
    { code: 'BILL_002', httpStatus: [400], title: 'No billing account', remedy: 'Associate a billing account with the API key.', retry: 'after-fix', source: SEED },
    { code: 'RATE_001', httpStatus: [429], title: 'Rate limit exceeded', remedy: 'Wait for errors.params.retry_after, then retry.', retry: 'rate-limit', source: SEED },
    { code: 'GW_001', httpStatus: [], title: 'Invalid recipient', remedy: 'Skip this recipient; the same send fails again.', retry: 'never', source: ERROR_CODES },
    { code: 'WH_001', httpStatus: [403], title: 'Webhook verify token mismatch', remedy: 'Configure the same verify token on both sides of the webhook.', retry: 'after-fix', source: ERROR_PAGE, scope: 'webhook' },
    { code: 'WH_002', httpStatus: [], title: 'Webhook signature header missing', remedy: 'Send the webhook signature header.', retry: 'never', source: ERROR_PAGE, scope: 'webhook' },
  ],
} as const satisfies ProviderDefinition;
