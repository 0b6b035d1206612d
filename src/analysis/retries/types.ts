/**
 * The shared vocabulary of retry analysis: what a retry construct is, what a
 * decision walk returns for one code, and the state of a walk.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { ErrorEntry } from '../../catalog/schema.js';
import type { FileAnalysis, ProviderCall } from '../file.js';
import type { ProviderInfo } from '../providers.js';
import type { Node } from '../ast.js';
import type { JobEngine } from './job-engines.js';
import type { RetryLibrary } from './library-calls.js';

/** What a retry decision looks at. */
export type DecisionBasis = 'nothing' | 'attempts' | 'status' | 'code' | 'classification' | 'opaque';

export type RetryVerdict = 'retried' | 'not-retried' | 'opaque';

/** How long the construct waits before re-sending. */
export type RetryDelay = 'none' | 'some' | 'provider-hint';

export interface RetryConstruct {
  /**
   * `helper`: a retry helper of another file that this call hands the request to as a callback;
   * `requeue`: a loop draining an in-memory queue that puts the failed item back into it;
   * `reselect`: a scheduled job's loop over the records a query selected, which marks a record only when its send
   * works, so the next run selects a failed one again; or a loop over the records a query selected because their
   * send failed, which sends each again.
   */
  readonly form: 'loop' | 'recursion' | 'library' | 'client-option' | 'job' | 'queue' | 'status' | 'helper' | 'requeue' | 'reselect';
  /** The retry library, client, job engine or message-queue client. */
  readonly library?: RetryLibrary | 'got' | 'ky' | JobEngine | 'amqplib';
  /** Where to report: the loop keyword's statement, the recursive call, the library call, the helper call, the put-back call, a reselected record's send. */
  readonly node: Node;
  readonly provider: ProviderInfo;
  /** The provider calls the construct re-sends. */
  readonly calls: readonly ProviderCall[];
  verdict(entry: ErrorEntry): RetryVerdict;
  /** What the decision looked at, over all codes. */
  basis(): DecisionBasis;
  readonly delay: RetryDelay;
  /** For a status write: the status written and the counter counted up (`DeliveryStatus.PENDING`, `retryCount`). */
  readonly statusWrite?: { readonly status: string; readonly counter: string };
  /**
   * For a reselect: the record, and the fields of the query's filter that the loop writes on it when the send works;
   * `failed`: the query selects the records whose send failed (`.in('status', ['failed'])`), the filter as written,
   * and each is sent again whatever its failure was.
   */
  readonly reselect?: { readonly record: string; readonly fields: readonly string[]; readonly failed?: string };
  /** The code that runs again on each attempt (a loop body, the retried function). */
  readonly region: Node;
  /** Does the construct re-send after a network error (no response at all)? That is when a lost response can double a send. */
  resendsOnNetworkError(): boolean;
}

/** A pseudo entry for an error with no response: no code, no status, `err.response` unset. */
export const NETWORK_ERROR: ErrorEntry = { code: '\u0000network', httpStatus: [], title: 'network error', remedy: '', retry: 'never', source: '' };

export type Truth = 'T' | 'F' | 'U' | 'O';

export type Outcome = 'retry' | 'stop' | 'opaque' | 'next';

export interface Walk {
  readonly analysis: FileAnalysis;
  readonly entry: ErrorEntry;
  readonly provider: ProviderInfo;
  /** Calls that re-send (a recursive call, promise-retry's `retry(err)`). */
  readonly isRetryCall: (call: TSESTree.CallExpression) => boolean;
  /** Calls that give up (async-retry's `bail(err)`). */
  readonly isStopCall: (call: TSESTree.CallExpression) => boolean;
  /** What a `throw` means here: the error leaves (`stop`) or the library retries it (`retry`, p-retry unless `AbortError`). */
  readonly onThrow: (statement: TSESTree.ThrowStatement) => Outcome | Set<Outcome>;
  /** What a `return` means; by default it re-sends when its value calls a retry call, else stops. */
  readonly onReturn?: (statement: TSESTree.ReturnStatement) => Set<Outcome>;
  /** Statements that re-send by themselves (a record set back to pending with its attempt counted). */
  readonly isRetryStatement?: (statement: TSESTree.Statement) => boolean;
  /** Statements that settle the send by themselves (a selected record marked, so no later run selects it again). */
  readonly isStopStatement?: (statement: TSESTree.Statement) => boolean;
  /** What `break` does inside the loop: by default it ends the retry (`'stop'`). */
  readonly onBreak?: Outcome;
  /** Inside a loop, `continue` retries and `break` stops. */
  readonly inLoop: boolean;
  /** What the loop's next pass (`continue`) is when not a retry: the next item of a queue the loop drains (`'stop'` for this send). */
  readonly nextPass?: Outcome;
  readonly basis: Set<DecisionBasis>;
  /** Status tests the walk evaluated: they decide a retry (see `retryDecisions`). */
  readonly decisions: Set<Node>;
}
