import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode, Node } from './ast.js';
import type { ClientRef, ParameterBinding, SdkFamily } from './clients.js';
import type { ImportResolver } from './imports.js';
import type { ResolvedSettings } from './settings.js';
import type { StringValue } from './values.js';

/**
 * Arguments bound to a function's parameters while a call of it is evaluated
 * "as if written inline" (`apiUrl(\`${id}/messages\`)`, `this.post(path)`,
 * a predicate called with the error's status). Frames chain outwards.
 */
export interface Frame {
  readonly fn: FunctionNode;
  readonly args: readonly Node[];
  /** The call (or `new`) being evaluated. */
  readonly site: Node | undefined;
  readonly outer: Frame | undefined;
}

/** What every part of the per-file analysis needs. */
export interface AnalysisEnv {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly settings: ResolvedSettings;
  /** With type information: the SDK client a receiver's declared type is (`api: WhatsAppAPI`). */
  readonly typeClient?: (node: TSESTree.Node) => SdkFamily | undefined;
  /** Other project files, followed through imports. */
  readonly imports?: ImportResolver;
  /** The arguments bound while a call is evaluated inline (see `withFrame`). */
  frame?: Frame | undefined;
  /** Base URLs a NestJS module gives the `HttpService` injected into a class of this file, by class. */
  readonly injectedBases?: ReadonlyMap<Node, StringValue>;
  /** The names around each such base URL (the module class, the options it is given), by class: WhatsApp evidence. */
  readonly injectedBaseNames?: ReadonlyMap<Node, readonly string[]>;
  /**
   * The client a function's parameter (or a property of it) is given by every
   * caller, when they all give one of the same kind (see `parameterBinding`).
   */
  readonly parameterClient?: (binding: ParameterBinding) => ClientRef | undefined;
}

/** Evaluates `run` with `fn`'s parameters bound to `args`. */
export function withFrame<T>(env: AnalysisEnv, fn: FunctionNode, args: readonly Node[], site: Node | undefined, run: () => T): T {
  const saved = env.frame;
  env.frame = { fn, args, site, outer: saved };
  try {
    return run();
  } finally {
    env.frame = saved;
  }
}
