/** Every rule of the plugin, by name. */
import noStatusBranching from '../rules/no-status-branching.js';
import noUnknownErrorCode from '../rules/no-unknown-error-code.js';

export const rules = {
  'no-status-branching': noStatusBranching,
  'no-unknown-error-code': noUnknownErrorCode,
};
