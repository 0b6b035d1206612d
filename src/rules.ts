/** Every rule of the plugin, by name. */
import exhaustiveErrorCodes from '../rules/exhaustive-error-codes.js';
import handleFailedStatus from '../rules/handle-failed-status.js';
import noBlindRetry from '../rules/no-blind-retry.js';
import noMessageBranching from '../rules/no-message-branching.js';
import noStatusBranching from '../rules/no-status-branching.js';
import noUncheckedResponse from '../rules/no-unchecked-response.js';
import noUnknownErrorCode from '../rules/no-unknown-error-code.js';
import preserveErrorCode from '../rules/preserve-error-code.js';
import requireIdempotencyKey from '../rules/require-idempotency-key.js';

export const rules = {
  'exhaustive-error-codes': exhaustiveErrorCodes,
  'handle-failed-status': handleFailedStatus,
  'no-blind-retry': noBlindRetry,
  'no-message-branching': noMessageBranching,
  'no-status-branching': noStatusBranching,
  'no-unchecked-response': noUncheckedResponse,
  'no-unknown-error-code': noUnknownErrorCode,
  'preserve-error-code': preserveErrorCode,
  'require-idempotency-key': requireIdempotencyKey,
};
