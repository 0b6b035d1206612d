/**
 * Retry helpers of other project files that take the request as a callback
 * (`withRetry(() => send(to, text))` with `withRetry` imported): the helper's
 * file, analysed with the callback's invocation as a call to the provider,
 * holds the retry (a loop or a recursion around `await fn()`); it is reported
 * here, at the call that hands the request over, with the helper's decision.
 * A helper of this file needs none of this: its invocation is a provider call
 * of this file (see `FileAnalysis`), and its own loop or recursion is found.
 */
import type { FileAnalysis, ProviderCall } from '../file.js';
import { retryConstructs } from './index.js';
import type { RetryConstruct } from './types.js';

/** A provider call known only from a caller: the invocation of a callback the caller passed in. */
export function isCallbackInvocation(call: ProviderCall): boolean {
  return !call.request && !call.wrapper && !call.external;
}

export function helperConstructs(analysis: FileAnalysis): RetryConstruct[] {
  const found: RetryConstruct[] = [];
  for (const call of analysis.calls) {
    const external = call.external;
    if (!external) continue;
    const [start, end] = external.fn.range;
    const within = (c: ProviderCall) => c.node.range[0] >= start && c.node.range[1] <= end;
    for (const inner of retryConstructs(external.analysis)) {
      if (!inner.calls.some((c) => isCallbackInvocation(c) && within(c))) continue;
      found.push({
        // a status write keeps its form: its message names the write, wherever it is reported
        form: inner.form === 'status' ? 'status' : 'helper',
        ...(inner.statusWrite ? { statusWrite: inner.statusWrite } : {}),
        node: call.node,
        provider: inner.provider,
        calls: [call],
        verdict: (entry) => inner.verdict(entry),
        basis: () => inner.basis(),
        delay: inner.delay,
        region: call.node,
        resendsOnNetworkError: () => inner.resendsOnNetworkError(),
      });
      break;
    }
  }
  return found;
}
