import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { SdkFamily } from './clients.js';
import type { ResolvedSettings } from './settings.js';

/** What every part of the per-file analysis needs. */
export interface AnalysisEnv {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly settings: ResolvedSettings;
  /** With type information: the SDK client a receiver's declared type is (`api: WhatsAppAPI`). */
  readonly typeClient?: (node: TSESTree.Node) => SdkFamily | undefined;
}
