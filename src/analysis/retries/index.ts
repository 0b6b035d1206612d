/**
 * Retries around provider calls — hand-written loops, recursion, retry
 * libraries, client retry options, job engines, message queues, status
 * writes a scheduler sends again, records a scheduled job selects again —
 * and what their retry decision does with each documented code. Each kind
 * of construct has its own finder; the per-code decision walk
 * (`decision.ts`) is shared by all of them.
 */
import type { FileAnalysis } from '../file.js';
import { clientOptionConstructs } from './client-options.js';
import { helperConstructs } from './helpers.js';
import { jobConstructs } from './job-engines.js';
import { libraryConstructs } from './libraries.js';
import { loopConstructs } from './loops.js';
import { queueConstructs } from './queues.js';
import { statusConstructs } from './status-writes.js';
import { recursionConstructs } from './recursion.js';
import { reselectConstructs } from './reselect.js';
import type { RetryConstruct } from './types.js';

import { decisionsOf } from './decision.js';
import type { Node } from '../ast.js';

export { decidesOnlyRetry } from './actions.js';
export { innermostTry, rejectsOnError } from './decision.js';
export { ENGINE_STOP, type JobEngine } from './job-engines.js';
export { NETWORK_ERROR, type DecisionBasis, type RetryConstruct, type RetryDelay, type RetryVerdict } from './types.js';

const cache = new WeakMap<FileAnalysis, RetryConstruct[]>();

/** Every retry construct around a provider call in the file (computed once per file). */
export function retryConstructs(analysis: FileAnalysis): readonly RetryConstruct[] {
  let found = cache.get(analysis);
  if (!found) {
    const loops = [...loopConstructs(analysis), ...recursionConstructs(analysis)];
    // a status written inside a loop or recursion that re-sends is bookkeeping of that retry, judged there
    const inside = (node: Node) => loops.some((c) => c.region.range[0] <= node.range[0] && node.range[1] <= c.region.range[1]);
    const statuses = statusConstructs(analysis).filter((c) => !inside(c.node));
    // a record set back to pending in a scheduled job's loop is judged as that status write
    const reselects = reselectConstructs(analysis).filter((c) => !statuses.some((s) => c.region.range[0] <= s.node.range[0] && s.node.range[1] <= c.region.range[1]));
    found = [...loops, ...libraryConstructs(analysis), ...clientOptionConstructs(analysis), ...jobConstructs(analysis), ...queueConstructs(analysis), ...statuses, ...reselects, ...helperConstructs(analysis)];
    cache.set(analysis, found);
  }
  return found;
}

/**
 * The HTTP status tests that decide a retry of a provider call (in the retry
 * condition, or in a predicate it calls): there the retry rule judges the
 * decision, so other rules leave them alone.
 */
export function retryDecisions(analysis: FileAnalysis): ReadonlySet<Node> {
  for (const construct of retryConstructs(analysis)) {
    construct.basis(); // walks every code
    construct.resendsOnNetworkError();
  }
  return decisionsOf(analysis);
}
