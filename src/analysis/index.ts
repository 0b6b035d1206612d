/**
 * The recognition layer every rule stands on. `getAnalysis(context)` returns
 * the file's analysis, built once per file and shared by all rules, or
 * `undefined` when the file mentions no provider (no host, env var, wrapper
 * name from settings, `messaging_product`, `whatsapp_business_account`, the
 * plugin's catalog, nor `statuses` next to `changes` or a WhatsApp name, nor
 * `entry`, `changes` and `messages` together): such a file costs one text
 * search.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { FileAnalysis } from './file.js';
import { lintWorkDone, projectRootFor, rememberLintedParse } from './modules.js';
import { analyseLintedFile, startLint } from './project.js';
import { typeInfoOf } from './types.js';
import { resolveSettings, type ResolvedSettings } from './settings.js';

export { FileAnalysis, type CodeForm, type Kind, type ProviderCall } from './file.js';
export { byNotability, contrastingPair, entriesForText, handlingGroup, nearestCode, type Endpoint, type HandlingGroup, type ProviderInfo } from './providers.js';
export { resolveSettings, SettingsError, type ResolvedSettings } from './settings.js';
export { decidesOnlyRetry, ENGINE_STOP, retryConstructs, retryDecisions, type JobEngine, type DecisionBasis, type RetryConstruct, type RetryDelay, type RetryVerdict } from './retries/index.js';
export { alwaysThrows, catchGetsCode, decidedOnCode, errorPaths, failurePolarity, isProviderErrorClass, providerErrorsEscape, thrownBy, throwsOnFailure, type ErrorPath } from './error-paths.js';
export { carries, codeReaches, copiedFailureRecords, exitValue, failureFlagOf, failureRecordOf, failureValueOf, isFailureValue, isTruthyFailure, isStandIn, pathExits, recordsFailures, successRecordedAfter, swallowsFailures, type CopiedFailureRecord, type FailureShape, type PathExit } from './failure-values.js';
export { floats, outcomeUses, resolvesOnFailure, resultUse, type OutcomeUses, type ResultUse } from './outcome.js';
export { codeSource, dispatchOf, type Dispatch, type DispatchForm, type Fallback } from './dispatch.js';
export { codeComparisonsOf, codePresence, codeTestedBeside, valuesComparedBeside, messageTestOf, onlyWithoutCode, spell, statusTestOf, type CodeComparison, type CodeSpelling, type MessageTest, type StatusRange, type StatusTest } from './tests.js';
export {
  deliverableByWebhook,
  droppedStatuses,
  fromWebhook,
  statusHandlers,
  statuslessHandlers,
  webhookField,
  type DroppedStatus,
  type StateTest,
  type StatusHandler,
  type StatuslessHandler,
} from './webhook.js';

const cache = new WeakMap<object, { settings: ResolvedSettings; analysis: FileAnalysis | undefined }>();

export function getAnalysis(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FileAnalysis | undefined {
  const sourceCode = context.sourceCode;
  const settings = resolveSettings(context.settings);
  const cached = cache.get(sourceCode);
  if (cached?.settings === settings) return cached.analysis;
  const types = typeInfoOf(sourceCode);
  const file = { path: context.physicalFilename, root: projectRootFor(context.cwd, context.physicalFilename) };
  const project = startLint(file, settings, types);
  const analysis = analyseLintedFile(sourceCode, settings, types, project, file.path);
  if (analysis) rememberLintedParse(file.path, sourceCode);
  cache.set(sourceCode, { settings, analysis });
  lintWorkDone();
  return analysis;
}
export { endpointOf, isReadReceipt } from './endpoint.js';
export { ignoredStatusEvents, type IgnoredStatusEvents } from './callback-events.js';
