import type { TSESLint } from '@typescript-eslint/utils';
import type { ResolvedSettings } from './settings.js';

/** What every part of the per-file analysis needs. */
export interface AnalysisEnv {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly settings: ResolvedSettings;
}
