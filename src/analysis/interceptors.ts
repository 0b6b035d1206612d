/**
 * Response interceptors: an HTTP client's error callback
 * (`graph.interceptors.response.use(ok, (err) => …)`, axios) receives the
 * errors of every request made through that client. When the client is an
 * instance (`axios.create(…)`; not the library's global default, which also
 * serves the app's other APIs) and a provider's (the file's provider calls go
 * through it, another file's do, or
 * its base URL names a provider: a host of its own, or a shared one with
 * WhatsApp in the instance's options), the callback's
 * parameter is that provider's error, as a `catch` around the calls would be.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { memberName, skipTransparent, type FunctionNode } from './ast.js';
import { clientOf } from './clients.js';
import { isWhatsAppName, namesOf } from './evidence.js';
import type { FileAnalysis, ProviderCall } from './file.js';
import type { ProviderInfo } from './providers.js';
import { hostOfUrl } from './values.js';

/** The provider whose errors `fn` receives as a client's response-interceptor error callback. */
export function interceptedProvider(analysis: FileAnalysis, fn: FunctionNode): { provider: ProviderInfo; call: ProviderCall | undefined } | undefined {
  const parent = fn.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.arguments[1] !== fn) return undefined;
  const client = interceptedClient(parent);
  const ref = client && clientOf(analysis, client);
  // an instance (`axios.create(…)`): the library's global default also serves the app's other APIs
  if (!ref || !isCreation(ref.origin)) return undefined;
  const used = analysis.calls.find((c) => c.request?.clientOrigin === ref.origin);
  if (used) return { provider: used.provider, call: used };
  // a client made here and used by other files
  const remote = analysis.remoteRequests.find((r) => r.origin === ref.origin);
  if (remote) return { provider: remote.provider, call: undefined };
  // its base URL: a provider's own host, or a shared one (graph.facebook.com) with WhatsApp in the instance's options
  const host = ref.base ? hostOfUrl(analysis, ref.base) : undefined;
  if (!host) return undefined;
  const evidence = !host.shared || (ref.instanceConfig !== undefined && namesOf(analysis, ref.instanceConfig).some(isWhatsAppName));
  return evidence ? { provider: host.provider, call: undefined } : undefined;
}

function isCreation(origin: unknown): boolean {
  return typeof origin === 'object' && origin !== null && (origin as { type?: unknown }).type === AST_NODE_TYPES.CallExpression;
}

/** `X` of `X.interceptors.response.use(…)`. */
function interceptedClient(call: TSESTree.CallExpression): TSESTree.Expression | undefined {
  const use = skipTransparent(call.callee);
  if (use.type !== AST_NODE_TYPES.MemberExpression || memberName(use) !== 'use') return undefined;
  const response = skipTransparent(use.object);
  if (response.type !== AST_NODE_TYPES.MemberExpression || memberName(response) !== 'response') return undefined;
  const interceptors = skipTransparent(response.object);
  if (interceptors.type !== AST_NODE_TYPES.MemberExpression || memberName(interceptors) !== 'interceptors') return undefined;
  return interceptors.object;
}
