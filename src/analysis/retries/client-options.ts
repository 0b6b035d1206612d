/** Retries that a client does by itself: got / ky `retry: { limit, methods, statusCodes }` on a call or its instance. */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { findProperty } from '../ast.js';
import type { FileAnalysis } from '../file.js';
import { type StatusRange } from '../tests.js';
import { resolveExpression, staticList, staticValue } from '../values.js';
import { NETWORK_ERROR, type RetryConstruct } from './types.js';
import { set, statusMatches } from './decision.js';
import { construct } from './construct.js';

const GOT_STATUS = [408, 413, 429, 500, 502, 503, 504, 521, 522, 524];

const KY_STATUS = [408, 413, 429, 500, 502, 503, 504];

const DEFAULT_METHODS = ['GET', 'PUT', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE'];

/** got / ky `retry: { limit, methods, statusCodes }` on a call or its instance. */
export function clientOptionConstructs(analysis: FileAnalysis): RetryConstruct[] {
  const found: RetryConstruct[] = [];
  for (const call of analysis.calls) {
    const request = call.request;
    if (!request || (request.family !== 'got' && request.family !== 'ky')) continue;
    const retry = (request.config && findProperty(request.config, 'retry')) ?? (request.instanceConfig && findProperty(request.instanceConfig, 'retry'));
    if (!retry) continue;
    const value = resolveExpression(analysis, retry.value);
    if (value.type !== AST_NODE_TYPES.ObjectExpression) continue; // a number only sets the limit; POST is still not retried
    const limit = findProperty(value, 'limit');
    if (limit && staticValue(analysis, limit.value) === 0) continue;
    const methodsProperty = findProperty(value, 'methods');
    const methods = methodsProperty ? staticList(analysis, methodsProperty.value)?.map((m) => String(m.value).toUpperCase()) : DEFAULT_METHODS;
    if (!methods?.includes(request.method ?? 'GET')) continue;
    const statusProperty = findProperty(value, 'statusCodes');
    const statuses = statusProperty
      ? (staticList(analysis, statusProperty.value)?.map((s) => s.value).filter((s): s is number => typeof s === 'number') ?? [])
      : request.family === 'got'
        ? GOT_STATUS
        : KY_STATUS;
    found.push(
      construct({
        form: 'client-option',
        library: request.family,
        node: retry,
        provider: call.provider,
        calls: [call],
        region: call.node,
        // got and ky honour a Retry-After header; a wait given in the body (Connexease) they cannot see
        delay: call.provider.def.retryAfter?.bodyPath ? 'some' : 'provider-hint',
        walk: (entry, basis) => {
          if (entry === NETWORK_ERROR) return set('retry'); // got and ky retry network errors for the listed methods
          basis.add('status');
          return statusMatches(entry, statuses.map((s): StatusRange => [s, s])) === 'F' ? set('stop') : set('retry');
        },
      }),
    );
  }
  return found;
}
