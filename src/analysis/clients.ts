/**
 * HTTP clients: which expression is a client (fetch, axios, got, ky, ofetch,
 * undici, superagent, or an instance made from one), and what a call to it
 * sends: URL, payload, options.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { enclosingClass, findProperty, findVariable, isFunction, memberName, own, skipTransparent, type Node } from './ast.js';
import type { AnalysisEnv } from './env.js';
import { assignedValue, boundArgument, calleeFunction, constInit, evaluateString, inline, resolveExpression, returnedExpressions, staticValue, thisMemberInit, type StringValue } from './values.js';

export type ClientFamily = 'fetch' | 'undici-request' | 'axios' | 'got' | 'ky' | 'ofetch' | 'superagent' | 'generic' | SdkFamily;

/**
 * The Cloud API SDKs on npm: `whatsapp-api-js` (`sendMessage` resolves to the
 * error body instead of throwing), `@great-detail/whatsapp` (ky underneath:
 * throws `HTTPError`, resolves to a ky response), and Meta's own `whatsapp`
 * SDK (resolves to a response for any status: `statusCode()`,
 * `responseBodyToJSON()`).
 */
export type SdkFamily = 'sdk:whatsapp-api-js' | 'sdk:great-detail' | 'sdk:meta';

interface SdkSpec {
  /** The sub-object the send methods live on (`sdk.message.createMessage`), if any. */
  readonly namespace?: string;
  readonly methods: ReadonlySet<string>;
  readonly returns: 'response' | 'body';
  readonly throwsOnHttpError: boolean;
  /** Behaves like this HTTP client once sent (`.json()` on a ky response). */
  readonly like: ClientFamily;
}

export const SDKS: Readonly<Record<SdkFamily, SdkSpec>> = {
  'sdk:whatsapp-api-js': { methods: new Set(['sendMessage', 'broadcastMessage', 'markAsRead']), returns: 'body', throwsOnHttpError: false, like: 'fetch' },
  'sdk:great-detail': { namespace: 'message', methods: new Set(['createMessage', 'createStatus']), returns: 'response', throwsOnHttpError: true, like: 'ky' },
  'sdk:meta': {
    namespace: 'messages',
    methods: new Set(['text', 'template', 'image', 'audio', 'video', 'document', 'sticker', 'location', 'contacts', 'interactive', 'reaction', 'status']),
    returns: 'response',
    throwsOnHttpError: false,
    like: 'fetch',
  },
};

/** The module that declares each SDK (and the names its client class is exported under). */
export const SDK_MODULES: Readonly<Record<string, Record<string, SdkFamily>>> = {
  'whatsapp-api-js': { WhatsAppAPI: 'sdk:whatsapp-api-js', default: 'sdk:whatsapp-api-js' },
  '@great-detail/whatsapp': { default: 'sdk:great-detail', Client: 'sdk:great-detail', CloudAPI: 'sdk:great-detail' },
  whatsapp: { default: 'sdk:meta', '*': 'sdk:meta' },
};

export function isSdk(family: string): family is SdkFamily {
  return family.startsWith('sdk:');
}

interface ClientRef {
  readonly family: ClientFamily | 'undici-namespace';
  /** baseURL / prefixUrl of an instance. */
  readonly base?: StringValue;
  /** The instance was created with options that stop it throwing on HTTP errors. */
  readonly acceptsErrors?: boolean;
  /** Identity of the client: the import's variable, the `create()` call, or the global's name. */
  readonly origin: unknown;
  /** The options object of an instance (`axios.create({...})`), where `retry` options may sit. */
  readonly instanceConfig?: TSESTree.ObjectExpression;
  /** Names around where the instance got its base URL (a NestJS module registering `HttpModule`). */
  readonly names?: readonly string[];
}

export interface RequestInfo {
  readonly family: ClientFamily;
  readonly url: StringValue | undefined;
  /** The URL argument as written (or the `url` option), when there is one. */
  readonly urlNode: Node | undefined;
  /** The request options object, when written in place. */
  readonly config: TSESTree.ObjectExpression | undefined;
  /** The payload as written (object literal, identifier, `JSON.stringify(...)`). */
  readonly data: Node | undefined;
  /** What the awaited call gives: an HTTP response, or the parsed body (ofetch). */
  readonly returns: 'response' | 'body';
  /** Whether a non-2xx status rejects the promise. */
  readonly throwsOnHttpError: boolean;
  readonly method: string | undefined;
  /** Identity of the client used (see `clientOf`). */
  readonly clientOrigin: unknown;
  /** The options argument as written (a parameter, a variable, an object literal), when there is one. */
  readonly configSource: Node | undefined;
  readonly instanceConfig: TSESTree.ObjectExpression | undefined;
  /** The instance with a base URL the request goes through (its identity), when it has one. */
  readonly baseOrigin?: unknown;
  /** Names around where that instance got its base URL (see `ClientRef.names`). */
  readonly clientNames?: readonly string[];
}

const MODULE_FAMILIES: Record<string, Record<string, ClientRef['family']>> = {
  // the type names stand for an instance passed in (`constructor(private readonly http: AxiosInstance)`)
  axios: { default: 'axios', '*': 'axios', AxiosInstance: 'axios', Axios: 'axios' },
  got: { default: 'got', got: 'got', Got: 'got' },
  ky: { default: 'ky', KyInstance: 'ky' },
  // NestJS: `constructor(private readonly http: HttpService)`, axios underneath (an Observable, unwrapped with firstValueFrom)
  '@nestjs/axios': { HttpService: 'axios' },
  '@nestjs/common': { HttpService: 'axios' },
  'ky-universal': { default: 'ky' },
  ofetch: { ofetch: 'ofetch', $fetch: 'ofetch' },
  ohmyfetch: { ofetch: 'ofetch', $fetch: 'ofetch' },
  'node-fetch': { default: 'fetch', '*': 'fetch' },
  'cross-fetch': { default: 'fetch', fetch: 'fetch' },
  'isomorphic-fetch': { default: 'fetch' },
  'isomorphic-unfetch': { default: 'fetch' },
  'make-fetch-happen': { default: 'fetch' },
  undici: { fetch: 'fetch', request: 'undici-request', '*': 'undici-namespace', default: 'undici-namespace' },
  superagent: { default: 'superagent', '*': 'superagent' },
};

const GLOBAL_FAMILIES: Record<string, ClientFamily> = { fetch: 'fetch', $fetch: 'ofetch', axios: 'axios' };

/** Classes with `get` / `delete` / `has` that are no HTTP client: `new Map()`, `new LRUCache()`, `new URLSearchParams()`. */
const NOT_HTTP = /(?:Map|Set|Cache|Store|Headers|SearchParams|FormData|Registry)$/;

/** A request by an HTTP client (any provider or none). */
export function isHttpRequest(request: RequestInfo | undefined): request is RequestInfo {
  return request !== undefined;
}

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options']);
const DATA_METHODS = new Set(['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']);
const BUILDER_METHODS = new Set(['create', 'extend']);

/** Where an identifier comes from: `import x from 'm'`, `require('m')`, destructured or namespace imports. */
export function importOf(env: AnalysisEnv, id: TSESTree.Identifier): { module: string; name: string } | undefined {
  const variable = findVariable(env.sourceCode, id);
  const def = variable?.defs[0];
  if (!def) return undefined;
  if (def.type === 'ImportBinding') {
    const declaration = def.parent;
    if (declaration.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
    const spec = def.node;
    const name =
      spec.type === AST_NODE_TYPES.ImportDefaultSpecifier
        ? 'default'
        : spec.type === AST_NODE_TYPES.ImportNamespaceSpecifier
          ? '*'
          : spec.type === AST_NODE_TYPES.ImportSpecifier
            ? spec.imported.type === AST_NODE_TYPES.Identifier
              ? spec.imported.name
              : String(spec.imported.value)
            : 'default';
    return { module: String(declaration.source.value), name };
  }
  if (def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return undefined;
  let init = skipTransparent(def.node.init);
  if (init.type === AST_NODE_TYPES.AwaitExpression) init = skipTransparent(init.argument);
  let viaDefault = false;
  if (init.type === AST_NODE_TYPES.MemberExpression && memberName(init) === 'default') {
    init = skipTransparent(init.object);
    viaDefault = true;
  }
  let source: Node | undefined;
  if (init.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === 'require') {
    source = init.arguments[0];
  } else if (init.type === AST_NODE_TYPES.ImportExpression) {
    source = init.source;
  }
  if (source?.type !== AST_NODE_TYPES.Literal || typeof source.value !== 'string') return undefined;
  if (def.node.id.type === AST_NODE_TYPES.Identifier) return { module: source.value, name: viaDefault || init.type !== AST_NODE_TYPES.ImportExpression ? 'default' : '*' };
  if (def.node.id.type === AST_NODE_TYPES.ObjectPattern) {
    for (const property of def.node.id.properties) {
      if (property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier && property.value.name === id.name) {
        const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : String((property.key as TSESTree.Literal).value);
        return { module: source.value, name: key };
      }
    }
  }
  return undefined;
}

function configBase(env: AnalysisEnv, config: Node | undefined): StringValue | undefined {
  const object = config ? resolveExpression(env, config) : undefined;
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const key of ['baseURL', 'baseUrl', 'prefixUrl', 'prefix', 'url']) {
    const property = findProperty(object, key);
    if (property) return evaluateString(env, property.value);
  }
  return undefined;
}

function acceptsErrors(env: AnalysisEnv, config: Node | undefined): boolean {
  const object = config ? resolveExpression(env, config) : undefined;
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  if (findProperty(object, 'validateStatus')) return true;
  for (const key of ['throwHttpErrors', 'ignoreResponseError']) {
    const property = findProperty(object, key);
    if (property?.value.type === AST_NODE_TYPES.Literal) return property.value.value === (key === 'throwHttpErrors' ? false : true);
  }
  return false;
}

/** The client an expression refers to, following constants, class fields and `create`/`extend`. */
export function clientOf(env: AnalysisEnv, node: Node, depth = 0): ClientRef | undefined {
  if (depth > 8) return undefined;
  let current = skipTransparent(node);
  if (current.type === AST_NODE_TYPES.AwaitExpression) current = skipTransparent(current.argument); // `await getClient()`
  if (current.type === AST_NODE_TYPES.Identifier) {
    const source = importOf(env, current);
    const variable = findVariable(env.sourceCode, current);
    if (source) {
      const family = own(own(MODULE_FAMILIES, source.module), source.name);
      if (family) return { family, origin: variable };
      // a client made in another project file: `import { graph } from './http'`
      const target = env.imports?.resolveImport(current);
      return target ? clientOf(env, target, depth + 1) : undefined;
    }
    const typed = env.typeClient?.(current);
    if (typed) return { family: typed, origin: `type:${typed}` };
    const annotated = annotatedClient(env, variable);
    if (annotated) return annotated;
    if (!variable || variable.defs.length === 0) {
      const family = own(GLOBAL_FAMILIES, current.name);
      return family ? { family, origin: `global:${current.name}` } : undefined;
    }
  }
  if (current.type === AST_NODE_TYPES.MemberExpression && current.object.type === AST_NODE_TYPES.ThisExpression) {
    const init = thisMemberInit(current);
    if (init) return clientOf(env, init, depth + 1);
    const typed = env.typeClient?.(current);
    return typed ? { family: typed, origin: `type:${typed}` } : undefined;
  }
  if (current.type === AST_NODE_TYPES.NewExpression && current.callee.type === AST_NODE_TYPES.Identifier) {
    const source = importOf(env, current.callee);
    const family = source && own(own(SDK_MODULES, source.module), source.name);
    return family ? { family, origin: current } : undefined;
  }
  if (current.type === AST_NODE_TYPES.MemberExpression && current.object.type !== AST_NODE_TYPES.ThisExpression) {
    // a typed receiver that is neither a constant nor a field: `constructor(private api: WhatsAppAPI)`
    const typed = env.typeClient?.(current);
    if (typed) return { family: typed, origin: `type:${typed}` };
  }
  if (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = memberName(current.callee);
    if (typeof method === 'string' && BUILDER_METHODS.has(method) && !calleeFunction(env, current.callee)) {
      const parent = clientOf(env, current.callee.object, depth + 1);
      if (!parent || parent.family === 'fetch' || parent.family === 'undici-namespace' || parent.family === 'undici-request') return undefined;
      const base = configBase(env, current.arguments[0]) ?? parent.base;
      const config = objectArg(env, current.arguments[0]);
      return {
        family: parent.family,
        ...(base ? { base } : {}),
        acceptsErrors: parent.acceptsErrors === true || acceptsErrors(env, current.arguments[0]),
        origin: current,
        ...(config ? { instanceConfig: config } : {}),
      };
    }
  }
  if (current.type === AST_NODE_TYPES.CallExpression) {
    // a factory: `getAxiosInstance()`, `this.client()`, `await getClient()`
    const callee = calleeFunction(env, current.callee);
    if (!callee) return undefined;
    const site = current;
    for (const returned of returnedExpressions(callee.fn)) {
      const found = inline(env, callee, site, () => clientOf(env, returned, depth + 1));
      if (found) return found;
    }
    return undefined;
  }
  const resolved = resolveExpression(env, current);
  return resolved !== current ? clientOf(env, resolved, depth + 1) : undefined;
}

/** A parameter or field declared with a client's or an SDK's type: `constructor(private readonly http: HttpService)`, `api: WhatsAppAPI`. */
function annotatedClient(env: AnalysisEnv, variable: ReturnType<typeof findVariable>): ClientRef | undefined {
  const name = variable?.defs[0]?.name;
  const type = name?.type === AST_NODE_TYPES.Identifier ? name.typeAnnotation?.typeAnnotation : undefined;
  if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  const source = importOf(env, type.typeName);
  const family = source && (own(own(MODULE_FAMILIES, source.module), source.name) ?? own(own(SDK_MODULES, source.module), source.name));
  if (!family) return undefined;
  // NestJS: the module that provides the class registered `HttpModule.register({ baseURL })`
  const cls = name ? enclosingClass(name) : undefined;
  const base = cls && env.injectedBases?.get(cls);
  const names = cls && env.injectedBaseNames?.get(cls);
  return { family, origin: variable, ...(base ? { base } : {}), ...(names ? { names } : {}) };
}

function joinUrl(base: StringValue | undefined, url: StringValue | undefined): StringValue | undefined {
  if (!base) return url;
  if (!url) return base;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url.text)) return url;
  const separator = base.text.endsWith('/') || url.text.startsWith('/') ? '' : '/';
  return { text: base.text + separator + url.text, providers: [...base.providers, ...url.providers] };
}

function objectArg(env: AnalysisEnv, node: Node | undefined): TSESTree.ObjectExpression | undefined {
  if (!node) return undefined;
  const resolved = resolveExpression(env, node);
  return resolved.type === AST_NODE_TYPES.ObjectExpression ? resolved : undefined;
}

function methodOf(env: AnalysisEnv, config: TSESTree.ObjectExpression | undefined, fallback: string | undefined): string | undefined {
  const property = config && findProperty(config, 'method');
  if (property) {
    const value = evaluateString(env, property.value).text;
    if (!value.includes('\u0000')) return value.toUpperCase();
  }
  return fallback?.toUpperCase();
}

function build(
  env: AnalysisEnv,
  client: ClientRef,
  family: ClientFamily,
  urlNode: Node | undefined,
  configSource: Node | undefined,
  data: Node | undefined,
  method: string | undefined,
  returns?: 'response' | 'body',
): RequestInfo {
  const config = objectArg(env, configSource);
  const urlSource = urlNode ?? (config && findProperty(config, 'url')?.value);
  const urlValue = urlSource ? evaluateString(env, urlSource) : undefined;
  const payload = data ?? (config && (findProperty(config, 'body') ?? findProperty(config, 'json') ?? findProperty(config, 'data'))?.value);
  const throwing = family === 'axios' || family === 'got' || family === 'ky' || family === 'ofetch' || family === 'superagent' || family === 'generic';
  return {
    family,
    url: joinUrl(client.base, urlValue),
    urlNode: urlSource,
    config,
    data: payload,
    returns: returns ?? (family === 'ofetch' ? 'body' : 'response'),
    throwsOnHttpError: throwing && !client.acceptsErrors && !acceptsErrors(env, config),
    method: methodOf(env, config, method ?? (family === 'fetch' || family === 'undici-request' ? 'GET' : undefined)),
    clientOrigin: client.origin,
    instanceConfig: client.instanceConfig,
    configSource,
    ...(client.base ? { baseOrigin: client.origin } : {}),
    ...(client.names ? { clientNames: client.names } : {}),
  };
}

/**
 * What an HTTP call sends, or `undefined` when the call is not an HTTP
 * request. Unknown receivers count when they call an HTTP verb
 * (`this.http.post(url, data)`): the caller decides from the URL or payload
 * whether it reaches a provider.
 */
export function classifyRequest(env: AnalysisEnv, call: TSESTree.CallExpression): RequestInfo | undefined {
  const callee = skipTransparent(call.callee);
  const args = call.arguments;
  const direct = clientOf(env, callee);
  if (direct && direct.family !== 'undici-namespace') {
    const family = direct.family;
    const first = args[0];
    const firstObject = first && family !== 'fetch' && family !== 'undici-request' ? objectArg(env, first) : undefined;
    if (family === 'superagent') return build(env, direct, family, args[1], undefined, superagentPayload(call), first ? evaluateString(env, first).text : undefined);
    if (firstObject && (family === 'axios' || family === 'got')) return build(env, direct, family, undefined, first, undefined, undefined);
    return build(env, direct, family, first, args[1], undefined, undefined);
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = memberName(callee);
  if (typeof method !== 'string') return undefined;
  const sdk = sdkRequest(env, call, callee, method);
  if (sdk) return sdk;
  const owner = clientOf(env, callee.object);
  if (owner) {
    if (owner.family === 'undici-namespace') {
      if (method === 'request') return build(env, owner, 'undici-request', args[0], args[1], undefined, undefined);
      if (method === 'fetch') return build(env, owner, 'fetch', args[0], args[1], undefined, undefined);
      return undefined;
    }
    if (owner.family === 'ofetch' && method === 'raw') return build(env, owner, 'ofetch', args[0], args[1], undefined, undefined, 'response');
    if (method === 'request') return build(env, owner, owner.family, undefined, args[0], undefined, undefined);
    if (!HTTP_METHODS.has(method) && !DATA_METHODS.has(method)) return undefined;
    if (owner.family === 'axios' && DATA_METHODS.has(method)) {
      return build(env, owner, 'axios', args[0], args[2], args[1], method.replace(/Form$/, ''));
    }
    if (owner.family === 'axios') return build(env, owner, 'axios', args[0], args[1], undefined, method);
    if (owner.family === 'superagent') return build(env, owner, 'superagent', args[0], undefined, superagentPayload(call), method === 'del' ? 'delete' : method);
    return build(env, owner, owner.family, args[0], args[1], undefined, method === 'del' ? 'delete' : method);
  }
  // An HTTP verb on something this file cannot resolve: a wrapper library, an injected service.
  if (!HTTP_METHODS.has(method) && method !== 'request' && method !== 'fetch') return undefined;
  const receiver = resolveExpression(env, callee.object);
  if (receiver.type === AST_NODE_TYPES.NewExpression && receiver.callee.type === AST_NODE_TYPES.Identifier && NOT_HTTP.test(receiver.callee.name)) return undefined;
  if (isRouteDeclaration(env, call, callee.object)) return undefined;
  if (
    receiver.type === AST_NODE_TYPES.ObjectExpression ||
    receiver.type === AST_NODE_TYPES.ArrayExpression ||
    receiver.type === AST_NODE_TYPES.Literal ||
    receiver.type === AST_NODE_TYPES.TemplateLiteral ||
    receiver.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    receiver.type === AST_NODE_TYPES.FunctionExpression
  ) {
    return undefined; // a same-file object, not an HTTP client
  }
  const generic: ClientRef = { family: 'generic', origin: undefined };
  if (method === 'request') {
    const config = objectArg(env, args[0]);
    return config ? build(env, generic, 'generic', undefined, args[0], undefined, undefined) : build(env, generic, 'generic', args[0], args[1], undefined, undefined);
  }
  if (method === 'fetch') return build(env, generic, 'fetch', args[0], args[1], undefined, undefined);
  // `request.post({ url, json })` (request-style libraries): the options come first
  if (args[0] && objectArg(env, args[0])) return build(env, generic, 'generic', undefined, args[0], undefined, method);
  return build(env, generic, 'generic', args[0], args[2], DATA_METHODS.has(method) ? args[1] : undefined, method);
}

/** Web frameworks whose apps and routers declare routes with HTTP verbs (`router.get('/path', handler)`). */
const ROUTER_MODULES = new Set([
  ...['express', 'router', '@koa/router', 'koa-router', 'fastify', 'hono', 'restify', 'polka', 'h3', 'itty-router', 'elysia'],
  ...['@hapi/hapi', 'next-connect', 'hyper-express', 'ultimate-express', '@tinyhttp/app', 'connect'],
]);

/** Does an expression come from a web framework: `express()`, `express.Router()`, `Router()`, `new Router()`, `new Hono()`, a parameter typed `Router`? */
function fromRouterModule(env: AnalysisEnv, node: Node): boolean {
  let current: Node = resolveExpression(env, node);
  for (let depth = 0; depth < 6; depth++) {
    current = skipTransparent(current);
    if (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression) current = current.callee;
    else if (current.type === AST_NODE_TYPES.MemberExpression) current = current.object;
    else if (current.type === AST_NODE_TYPES.Identifier) {
      const source = importOf(env, current);
      if (source) return ROUTER_MODULES.has(source.module);
      // `(router: Router) => …`, `constructor(private app: Express)`
      const name = findVariable(env.sourceCode, current)?.defs[0]?.name;
      const type = name?.type === AST_NODE_TYPES.Identifier ? name.typeAnnotation?.typeAnnotation : undefined;
      if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return false;
      const typeSource = importOf(env, type.typeName);
      return !!typeSource && ROUTER_MODULES.has(typeSource.module);
    } else return false;
  }
  return false;
}

/**
 * A route declaration, not a request: `router.get('/message_templates',
 * controller.list)` on an app or router of a web framework, or any HTTP verb
 * called with a path and then a handler function (`app.post('/hook', (req,
 * res) => …)`). An HTTP client is never given a handler after the URL.
 */
function isRouteDeclaration(env: AnalysisEnv, call: TSESTree.CallExpression, receiver: Node): boolean {
  if (fromRouterModule(env, receiver)) return true;
  const [path, ...rest] = call.arguments;
  const text = path ? evaluateString(env, path).text : '';
  if (!text.startsWith('/') && text !== '*') return false;
  return rest.some((argument) => isFunction(skipTransparent(resolveExpression(env, argument))));
}

/** `api.sendMessage(…)`, `sdk.message.createMessage(…)`, `wa.messages.text(…)` on an SDK client. */
function sdkRequest(env: AnalysisEnv, call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, method: string): RequestInfo | undefined {
  const receiver = skipTransparent(callee.object);
  const namespace = receiver.type === AST_NODE_TYPES.MemberExpression ? memberName(receiver) : undefined;
  const candidates = [clientOf(env, receiver), receiver.type === AST_NODE_TYPES.MemberExpression ? clientOf(env, receiver.object) : undefined];
  for (const [i, client] of candidates.entries()) {
    if (!client || !isSdk(client.family)) continue;
    const spec = SDKS[client.family];
    const wantsNamespace = spec.namespace !== undefined;
    if (wantsNamespace !== (i === 1) || (wantsNamespace && namespace !== spec.namespace) || !spec.methods.has(method)) continue;
    return {
      family: client.family,
      url: undefined,
      urlNode: undefined,
      config: undefined,
      data: call.arguments[client.family === 'sdk:whatsapp-api-js' ? 2 : 0],
      returns: spec.returns,
      throwsOnHttpError: spec.throwsOnHttpError,
      method: 'POST',
      clientOrigin: client.origin,
      instanceConfig: undefined,
      configSource: undefined,
    };
  }
  return undefined;
}

/** superagent sends its payload through the chain: `superagent.post(url).set(…).send(payload)`. */
function superagentPayload(call: TSESTree.CallExpression): Node | undefined {
  let current: Node = call;
  while (current.parent?.type === AST_NODE_TYPES.MemberExpression && current.parent.object === current && current.parent.parent?.type === AST_NODE_TYPES.CallExpression) {
    const chained: TSESTree.CallExpression = current.parent.parent;
    if (memberName(current.parent) === 'send') return chained.arguments[0];
    current = chained;
  }
  return undefined;
}

/** A payload followed through constants, bound arguments and a `let` assigned before its use (`content = { … }; post(content)`). */
function payloadValue(env: AnalysisEnv, data: Node): Node {
  const node = resolveExpression(env, data);
  const assigned = node.type === AST_NODE_TYPES.Identifier ? assignedValue(env, node) : undefined;
  return assigned ? resolveExpression(env, assigned) : node;
}

/** The object literal a request payload is written as (through `JSON.stringify` and constants), if any. */
export function payloadObject(env: AnalysisEnv, data: Node | undefined): TSESTree.ObjectExpression | undefined {
  if (!data) return undefined;
  let node = payloadValue(env, data);
  if (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(node.callee) === 'stringify' &&
    node.arguments[0]
  ) {
    node = payloadValue(env, node.arguments[0]);
  }
  return node.type === AST_NODE_TYPES.ObjectExpression ? node : undefined;
}

/** Modules that export a `FormData` class (besides the global one), and the names they export it under. */
const FORM_DATA_MODULES: Readonly<Record<string, readonly string[]>> = {
  'form-data': ['default', '*'],
  'formdata-node': ['FormData'],
  undici: ['FormData'],
  'node-fetch': ['FormData'],
};

/** `new FormData()`: the global class or one imported from a form-data module. */
function isFormDataConstruction(env: AnalysisEnv, node: Node): boolean {
  if (node.type !== AST_NODE_TYPES.NewExpression || node.callee.type !== AST_NODE_TYPES.Identifier) return false;
  const source = importOf(env, node.callee);
  if (source) return own(FORM_DATA_MODULES, source.module)?.includes(source.name) === true;
  const variable = findVariable(env.sourceCode, node.callee);
  return node.callee.name === 'FormData' && (!variable || variable.defs.length === 0);
}

/**
 * A multipart payload that says Cloud API: a `FormData` (global or from
 * `form-data`) given `messaging_product: 'whatsapp'` with `append` or `set`,
 * as a media upload sends it.
 */
export function isCloudApiForm(env: AnalysisEnv, data: Node | undefined): boolean {
  let current = data && skipTransparent(data);
  for (let depth = 0; current?.type === AST_NODE_TYPES.Identifier && depth < 8; depth++) {
    const init = constInit(env, current);
    if (init && isFormDataConstruction(env, skipTransparent(init))) {
      const variable = findVariable(env.sourceCode, current);
      return (variable?.references ?? []).some((ref) => {
        const member = ref.identifier.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== ref.identifier) return false;
        const name = memberName(member);
        const call = member.parent;
        if ((name !== 'append' && name !== 'set') || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return false;
        const [key, value] = call.arguments;
        return !!key && !!value && staticValue(env, key) === 'messaging_product' && staticValue(env, value) === 'whatsapp';
      });
    }
    const next = init ?? boundArgument(env, current);
    current = next && skipTransparent(next);
  }
  return false;
}

/**
 * True when a request payload is a Cloud API message (`messaging_product:
 * 'whatsapp'`), also inside the options of a client the file cannot trace
 * (`http.post(url, { json: payload })`).
 */
export function isCloudApiPayload(env: AnalysisEnv, data: Node | undefined, depth = 0): boolean {
  const node = payloadObject(env, data);
  if (!node) return false;
  const property = findProperty(node, 'messaging_product');
  if (!property) {
    const inner = depth === 0 ? (findProperty(node, 'json') ?? findProperty(node, 'body') ?? findProperty(node, 'data')) : undefined;
    return !!inner && isCloudApiPayload(env, inner.value, depth + 1);
  }
  const value = resolveExpression(env, property.value);
  return value.type === AST_NODE_TYPES.Literal && value.value === 'whatsapp';
}
