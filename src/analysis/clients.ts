/**
 * HTTP clients: which expression is a client (fetch, axios, got, ky, ofetch,
 * undici, superagent, or an instance made from one), and what a call to it
 * sends: URL, payload, options.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { enclosingClass, findProperty, findVariable, isFunction, memberName, own, propertyKeyName, skipTransparent, walkNodes, type FunctionNode, type Node } from './ast.js';
import type { AnalysisEnv } from './env.js';
import { assignedValue, boundArgument, calleeFunction, constInit, evaluateString, inline, isRequire, resolveExpression, returnedExpressions, staticValue, thisMemberInit, variableWrites, type StringValue, type Write } from './values.js';

export type ClientFamily = 'fetch' | 'undici-request' | 'node-http' | 'axios' | 'got' | 'ky' | 'ofetch' | 'superagent' | 'generic' | SdkFamily;

/**
 * A module whose functions make requests, not a client itself: undici's
 * namespace (`undici.request`, `undici.fetch`), Node's `http` and `https`
 * (`https.request(options, (res) => …)`, `https.get(url, (res) => …)`).
 */
type NamespaceFamily = 'undici-namespace' | 'node-http-namespace';

function isNamespace(family: ClientRef['family']): family is NamespaceFamily {
  return family === 'undici-namespace' || family === 'node-http-namespace';
}

/**
 * The SDKs on npm whose send calls are recognised:
 * - the Cloud API's: `whatsapp-api-js` (`sendMessage` resolves to the error
 *   body instead of throwing), `@great-detail/whatsapp` (ky underneath:
 *   throws `HTTPError`, resolves to a ky response), and Meta's own `whatsapp`
 *   SDK (resolves to a response for any status: `statusCode()`,
 *   `responseBodyToJSON()`);
 * - Twilio's `twilio` (`client.messages.create`): rejects with a
 *   `RestException` that carries the error body's fields itself (`code`,
 *   `status`, `message`, `moreInfo`); the same call sends SMS, so it is a
 *   WhatsApp send only with WhatsApp evidence (`whatsapp:` addresses, names);
 * - Vonage's `@vonage/server-sdk` (`vonage.messages.send`) and
 *   `@vonage/messages` (`messages.send`): rejects with an error whose
 *   `response` is the HTTP response; WhatsApp only with evidence
 *   (`new WhatsAppText(…)`, `channel: 'whatsapp'`);
 * - `whatsapp-cloud-api` (`createBot(phoneNumberId, token)`, then
 *   `bot.sendText(…)`, `bot.sendTemplate(…)`…): every send posts to
 *   `/{phone-number-id}/messages` with axios; a failure with a response
 *   rejects with the Graph error body itself (`err.error.code`), not an
 *   axios error.
 */
export type SdkFamily = 'sdk:whatsapp-api-js' | 'sdk:great-detail' | 'sdk:meta' | 'sdk:twilio' | 'sdk:vonage' | 'sdk:vonage-messages' | 'sdk:whatsapp-cloud-api' | 'sdk:infobip';

interface SdkSpec {
  /** The catalog id of the provider the SDK sends to. */
  readonly provider: string;
  /** The sub-object the send methods live on (`sdk.message.createMessage`), if any. */
  readonly namespace?: string;
  /** Steps between the client and the namespace may be read or called (`client.api.v2010.accounts(sid).messages`). */
  readonly deepNamespace?: boolean;
  readonly methods: ReadonlySet<string>;
  /** Methods that mark a message read: a request to the messages endpoint that sends no message. */
  readonly receiptMethods?: ReadonlySet<string>;
  /** Send methods that send a template (`wa.messages.template(…)`, `bot.sendTemplate(…)`). */
  readonly templateMethods?: ReadonlySet<string>;
  /** The module and class name of the SDK's template message (`new Template(…)` handed to the send). */
  readonly templateClass?: { readonly module: RegExp; readonly name: string };
  /** Methods that make another request than a send (a media lookup, upload or deletion), with their HTTP method; they give back what a send does. */
  readonly requests?: ReadonlyMap<string, string>;
  readonly returns: 'response' | 'body';
  readonly throwsOnHttpError: boolean;
  /** The send method also reaches other channels (SMS…): the call is the provider's only with WhatsApp evidence. */
  readonly needsEvidence?: boolean;
  /**
   * What it rejects with on an HTTP error, when that is not an HTTP client's
   * error with the body under `response`: `fields`, an error that carries the
   * error body's fields itself and the HTTP status (Twilio's `RestException`:
   * `err.code`, `err.status`); `body`, the parsed error body itself, with no
   * status (whatsapp-cloud-api: `err.error.code`).
   */
  readonly errorIsBody?: 'fields' | 'body';
  /** The argument of the client's constructor or factory that holds its options (1 unless said). */
  readonly optionsArgument?: number;
  /** The argument holding the payload (the first unless said); `null` when the SDK builds it from plain arguments (`bot.sendText(to, text)`). */
  readonly payloadArgument?: number | null;
  /** A client option that makes the SDK re-send rate-limited requests itself, after a wait, and the statuses it covers. */
  readonly retryOption?: { readonly name: string; readonly statuses: readonly number[] };
}

export const SDKS: Readonly<Record<SdkFamily, SdkSpec>> = {
  // the Media API resolves to the server's JSON too, `{ error }` on failure (https://whatsappapijs.web.app/interfaces/apis.Media.API.html)
  'sdk:whatsapp-api-js': {
    provider: 'meta-cloud',
    methods: new Set(['sendMessage', 'broadcastMessage', 'markAsRead']),
    requests: new Map([
      ['retrieveMedia', 'GET'],
      ['uploadMedia', 'POST'],
      ['deleteMedia', 'DELETE'],
    ]),
    returns: 'body',
    throwsOnHttpError: false,
    payloadArgument: 2,
    receiptMethods: new Set(['markAsRead']),
    // https://whatsappapijs.web.app: the messages module exports the template message class
    templateClass: { module: /^whatsapp-api-js(?:\/messages)?$/, name: 'Template' },
  },
  'sdk:great-detail': { provider: 'meta-cloud', namespace: 'message', methods: new Set(['createMessage', 'createStatus']), returns: 'response', throwsOnHttpError: true },
  'sdk:meta': {
    provider: 'meta-cloud',
    namespace: 'messages',
    methods: new Set(['text', 'template', 'image', 'audio', 'video', 'document', 'sticker', 'location', 'contacts', 'interactive', 'reaction', 'status']),
    templateMethods: new Set(['template']),
    // https://whatsapp.github.io/WhatsApp-Nodejs-SDK/api-reference/messages/status: marks a message read
    receiptMethods: new Set(['status']),
    returns: 'response',
    throwsOnHttpError: false,
  },
  // twilio-node: `autoRetry` (off by default) re-sends HTTP 429 with exponential backoff (src/base/RequestClient.ts)
  'sdk:twilio': {
    provider: 'twilio',
    namespace: 'messages',
    deepNamespace: true,
    methods: new Set(['create']),
    returns: 'body',
    throwsOnHttpError: true,
    needsEvidence: true,
    errorIsBody: 'fields',
    optionsArgument: 2,
    retryOption: { name: 'autoRetry', statuses: [429] },
  },
  'sdk:vonage': { provider: 'vonage', namespace: 'messages', methods: new Set(['send']), returns: 'body', throwsOnHttpError: true, needsEvidence: true },
  'sdk:vonage-messages': { provider: 'vonage', methods: new Set(['send']), returns: 'body', throwsOnHttpError: true, needsEvidence: true },
  // @infobip-api/sdk 0.3 (https://github.com/infobip-community/infobip-api-node-sdk, commit 5c1fb1f75364c63e264a792e083624e82651b94e):
  // src/apis/whatsapp.ts: `channels.whatsapp.send(message)` POSTs with axios (src/utils/http.ts) and gives back the
  // axios response; its catch *returns* what it caught, so a failed send resolves with the axios error instead of rejecting.
  'sdk:infobip': { provider: 'infobip', namespace: 'whatsapp', deepNamespace: true, methods: new Set(['send']), returns: 'response', throwsOnHttpError: false, optionsArgument: 0 },
  // whatsapp-cloud-api 0.3.1 (https://github.com/tawn33y/whatsapp-cloud-api, commit dac547601e620b6c2a0099ed9e67cc1c3f9dad15):
  // src/createBot.ts: the client `createBot` gives has these send methods (`sendMessage` is `sendText`), each one
  // POST of a message; `startExpressServer`, `on` and `unsubscribe` make no request, and there is no media,
  // mark-as-read or template-management method. src/sendRequestHelper.ts: a failed axios call with a response is
  // rethrown as that response's body (Meta's `{ error: { code, … } }`, no status); without a response, as the
  // error's message (a string). It resolves with `{ messageId, phoneNumber, whatsappId }` taken from the body.
  'sdk:whatsapp-cloud-api': {
    provider: 'meta-cloud',
    methods: new Set([
      ...['sendText', 'sendMessage', 'sendImage', 'sendDocument', 'sendAudio', 'sendVideo', 'sendSticker'],
      ...['sendLocation', 'sendTemplate', 'sendContacts', 'sendReplyButtons', 'sendList'],
    ]),
    templateMethods: new Set(['sendTemplate']),
    returns: 'body',
    throwsOnHttpError: true,
    errorIsBody: 'body',
    optionsArgument: 2,
    payloadArgument: null,
  },
};

/** The module that declares each SDK (and the names its client class is exported under). */
export const SDK_MODULES: Readonly<Record<string, Record<string, SdkFamily>>> = {
  'whatsapp-api-js': { WhatsAppAPI: 'sdk:whatsapp-api-js', default: 'sdk:whatsapp-api-js' },
  '@great-detail/whatsapp': { default: 'sdk:great-detail', Client: 'sdk:great-detail', CloudAPI: 'sdk:great-detail' },
  whatsapp: { default: 'sdk:meta', '*': 'sdk:meta' },
  twilio: { Twilio: 'sdk:twilio' },
  '@vonage/server-sdk': { Vonage: 'sdk:vonage', default: 'sdk:vonage' },
  '@vonage/messages': { Messages: 'sdk:vonage-messages' },
  '@infobip-api/sdk': { Infobip: 'sdk:infobip' },
};

/**
 * Methods of a runtime's own objects that give a ready client: Twilio
 * Functions' `context.getTwilioClient()`
 * (https://www.twilio.com/docs/serverless/functions-assets/functions/invocation).
 */
const RUNTIME_CLIENTS: Readonly<Record<string, SdkFamily>> = { getTwilioClient: 'sdk:twilio' };

/** SDK exports that make a client when called: `twilio(sid, token)`, `require('twilio')(sid, token)`. */
const SDK_FACTORIES: Readonly<Record<string, Record<string, SdkFamily>>> = {
  twilio: { default: 'sdk:twilio', '*': 'sdk:twilio' },
  'whatsapp-cloud-api': { createBot: 'sdk:whatsapp-cloud-api' },
};

/** SDK exports that are only the type of a client (a parameter annotated `bot: Bot`). */
const SDK_TYPES: Readonly<Record<string, Record<string, SdkFamily>>> = {
  'whatsapp-cloud-api': { Bot: 'sdk:whatsapp-cloud-api' },
};

export function isSdk(family: string): family is SdkFamily {
  return family.startsWith('sdk:');
}

export interface ClientRef {
  readonly family: ClientFamily | NamespaceFamily;
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
  /** The SDK method called (`sendMessage`, `retrieveMedia`, `markAsRead`): what it does is in its `SdkSpec`. */
  readonly sdkMethod?: string;
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
  // Node's own: `https.request(options, callback)` resolves nothing and throws nothing on an HTTP error; the callback gets the response
  ...Object.fromEntries(['http', 'https', 'node:http', 'node:https'].map((module) => [module, { default: 'node-http-namespace', '*': 'node-http-namespace', request: 'node-http', get: 'node-http' } as const])),
  // the same API, following redirects (Infobip's own Node samples use it): `const { https } = require('follow-redirects')`
  'follow-redirects': { http: 'node-http-namespace', https: 'node-http-namespace' },
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
    return { module: packageName(String(declaration.source.value)), name };
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
  const module = packageName(source.value);
  if (def.node.id.type === AST_NODE_TYPES.Identifier) return { module, name: viaDefault || init.type !== AST_NODE_TYPES.ImportExpression ? 'default' : '*' };
  if (def.node.id.type === AST_NODE_TYPES.ObjectPattern) {
    for (const property of def.node.id.properties) {
      if (property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier && property.value.name === id.name) {
        const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : String((property.key as TSESTree.Literal).value);
        return { module, name: key };
      }
    }
  }
  return undefined;
}

/** A package's own folder written as a path (`'whatsapp-api-js/.'`, `'axios/'`) is the package (`'whatsapp-api-js'`). */
function packageName(specifier: string): string {
  return specifier.startsWith('.') || specifier.startsWith('/') ? specifier : specifier.replace(/\/\.?$/, '');
}

/**
 * What each HTTP client rejects with on an HTTP error, and its type guards:
 * axios's `AxiosError` / `isAxiosError`, got's `HTTPError` (a `RequestError`),
 * ky's `HTTPError` / `isHTTPError`, ofetch's `FetchError`.
 */
const CLIENT_ERRORS: Readonly<Record<string, ReadonlySet<string>>> = {
  axios: new Set(['AxiosError', 'isAxiosError']),
  got: new Set(['HTTPError', 'RequestError']),
  ky: new Set(['HTTPError', 'isHTTPError']),
  'ky-universal': new Set(['HTTPError', 'isHTTPError']),
  ofetch: new Set(['FetchError']),
  ohmyfetch: new Set(['FetchError']),
};

/**
 * Is `node` an HTTP client's error class or type guard: `AxiosError` or
 * `isAxiosError` imported from axios, `axios.isAxiosError`, `HTTPError`
 * from ky or got? Every HTTP error of that client is one.
 */
export function isClientError(env: AnalysisEnv, node: Node): boolean {
  const current = skipTransparent(node);
  if (current.type === AST_NODE_TYPES.Identifier) {
    const source = importOf(env, current);
    return !!source && !!own(CLIENT_ERRORS, source.module)?.has(source.name);
  }
  if (current.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(current);
  const object = skipTransparent(current.object);
  if (typeof name !== 'string' || object.type !== AST_NODE_TYPES.Identifier) return false;
  const source = importOf(env, object);
  // `axios.isAxiosError(e)`, also with axios as a global (a script tag)
  const module = source ? (source.name === 'default' || source.name === '*' ? source.module : undefined) : findVariable(env.sourceCode, object) ? undefined : object.name;
  return module !== undefined && !!own(CLIENT_ERRORS, module)?.has(name);
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
    const handed = handedClient(env, current, depth);
    if (handed !== undefined) return handed ?? undefined;
    const lazy = variable ? lazyClient(env, variableWrites(variable), depth) : undefined;
    if (lazy) return lazy;
    if (!variable || variable.defs.length === 0) {
      const family = own(GLOBAL_FAMILIES, current.name);
      return family ? { family, origin: `global:${current.name}` } : undefined;
    }
  }
  if (current.type === AST_NODE_TYPES.MemberExpression && current.object.type === AST_NODE_TYPES.ThisExpression) {
    const init = thisMemberInit(current, env);
    if (init && !isPlaceholder(init)) return clientOf(env, init, depth + 1);
    // made later: `this.client = null` in the constructor, `this.client = twilio(…)` in an `init()`
    const lazy = lazyClient(env, fieldWrites(env, current), depth);
    if (lazy) return lazy;
    const typed = env.typeClient?.(current);
    return typed ? { family: typed, origin: `type:${typed}` } : undefined;
  }
  if (current.type === AST_NODE_TYPES.NewExpression && current.callee.type === AST_NODE_TYPES.Identifier) {
    // a client class made by hand: `new HttpService()` (NestJS, outside injection), `new Axios(config)`
    const source = importOf(env, current.callee);
    const family = source && source.name !== 'default' && source.name !== '*' ? own(own(MODULE_FAMILIES, source.module), source.name) : undefined;
    if (family) return { family, origin: current };
  }
  if (current.type === AST_NODE_TYPES.NewExpression || current.type === AST_NODE_TYPES.CallExpression) {
    // an SDK client: `new WhatsAppAPI(…)`, `new Twilio(sid, token, opts)`, `new twilio.Twilio(…)`, `twilio(sid, token)`
    const family = sdkConstructor(env, current);
    if (family) {
      const options = objectArg(env, current.arguments[SDKS[family].optionsArgument ?? 1]);
      return { family, origin: current, ...(options ? { instanceConfig: options } : {}) };
    }
    if (current.type === AST_NODE_TYPES.NewExpression) return undefined;
  }
  if (current.type === AST_NODE_TYPES.MemberExpression && memberName(current) === 'axiosRef') {
    // NestJS's `HttpService` hands out the axios instance under it: `this.http.axiosRef.post(…)`, `this.http.axiosRef(config)`
    const service = clientOf(env, current.object, depth + 1);
    if (service?.family === 'axios') return service;
  }
  if (current.type === AST_NODE_TYPES.MemberExpression && current.object.type !== AST_NODE_TYPES.ThisExpression) {
    // a typed receiver that is neither a constant nor a field: `constructor(private api: WhatsAppAPI)`
    const typed = env.typeClient?.(current);
    if (typed) return { family: typed, origin: `type:${typed}` };
    // a client handed in an options object: `opts.client`
    const handed = handedClient(env, current, depth);
    if (handed !== undefined) return handed ?? undefined;
  }
  if (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = memberName(current.callee);
    // a client a runtime hands over: Twilio Functions' `context.getTwilioClient()`
    const runtime = typeof method === 'string' ? own(RUNTIME_CLIENTS, method) : undefined;
    if (runtime && !calleeFunction(env, current.callee)) return { family: runtime, origin: current };
    if (typeof method === 'string' && BUILDER_METHODS.has(method) && !calleeFunction(env, current.callee)) {
      const parent = clientOf(env, current.callee.object, depth + 1);
      if (!parent || parent.family === 'fetch' || isNamespace(parent.family) || parent.family === 'undici-request' || parent.family === 'node-http') return undefined;
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
  // made only when configured: `sid && token ? twilio(sid, token) : null`, `cached ?? twilio(sid, token)`
  if (current.type === AST_NODE_TYPES.ConditionalExpression) return clientOf(env, current.consequent, depth + 1) ?? clientOf(env, current.alternate, depth + 1);
  if (current.type === AST_NODE_TYPES.LogicalExpression && current.operator !== '&&') return clientOf(env, current.left, depth + 1) ?? clientOf(env, current.right, depth + 1);
  // made on first use and kept: `return (cached ??= twilio(sid, token))`
  if (current.type === AST_NODE_TYPES.AssignmentExpression && ['=', '??=', '||='].includes(current.operator)) return clientOf(env, current.right, depth + 1);
  const resolved = resolveExpression(env, current);
  return resolved !== current ? clientOf(env, resolved, depth + 1) : undefined;
}

/**
 * A value drawn from a function's parameter: the parameter itself
 * (`client`), or a property of it, one or two levels down (`opts.client`,
 * `const { client } = opts`, `function send({ client, to })`). What it is
 * depends on what the function's callers pass.
 */
export interface ParameterBinding {
  readonly fn: FunctionNode;
  /** The parameter's position. */
  readonly index: number;
  /** The properties read off the argument (none for the argument itself). */
  readonly path: readonly string[];
}

const MAX_BINDING_PATH = 2;

/** The key of a binding: the function's position, the parameter and the path (the same in every parse of the file). */
export function bindingKey(binding: ParameterBinding): string {
  return handedKey(binding.fn.range, binding.index, binding.path);
}

/** The key of a binding given by the span of its function (a caller fact carries the span, not the node). */
export function handedKey(fn: readonly [number, number], index: number, path: readonly string[]): string {
  return `${fn[0]}:${fn[1]}:${index}:${path.join('.')}`;
}

/**
 * Where a value comes from a parameter (see {@link ParameterBinding}): a
 * parameter or a constant destructured or read from one, never reassigned.
 */
export function parameterBinding(env: AnalysisEnv, node: Node, depth = 0): ParameterBinding | undefined {
  if (depth > 4) return undefined;
  const current = skipTransparent(node);
  if (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = current.object.type === AST_NODE_TYPES.ThisExpression ? undefined : memberName(current);
    if (typeof name !== 'string') return undefined;
    const inner = parameterBinding(env, current.object, depth + 1);
    return inner && inner.path.length < MAX_BINDING_PATH ? { ...inner, path: [...inner.path, name] } : undefined;
  }
  if (current.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = findVariable(env.sourceCode, current);
  const def = variable?.defs[0];
  if (!variable || !def || variable.defs.length !== 1 || variable.references.some((ref) => ref.isWrite() && !ref.init)) return undefined;
  if (def.type === 'Parameter') {
    const fn = def.node as FunctionNode;
    const index = fn.params.findIndex((p) => p.range[0] <= def.name.range[0] && def.name.range[1] <= p.range[1]);
    const param = fn.params[index];
    if (!param) return undefined;
    const plain = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
    const target = plain.type === AST_NODE_TYPES.AssignmentPattern ? plain.left : plain;
    if (target === def.name) return { fn, index, path: [] };
    const key = target.type === AST_NODE_TYPES.ObjectPattern && def.name.type === AST_NODE_TYPES.Identifier ? patternKey(target, def.name) : undefined;
    return key === undefined ? undefined : { fn, index, path: [key] };
  }
  if (def.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return undefined;
  // `const client = opts.client`
  if (def.node.id === def.name) return parameterBinding(env, def.node.init, depth + 1);
  // `const { client, to } = opts`
  const key = def.node.id.type === AST_NODE_TYPES.ObjectPattern && def.name.type === AST_NODE_TYPES.Identifier ? patternKey(def.node.id, def.name) : undefined;
  const inner = key === undefined ? undefined : parameterBinding(env, def.node.init, depth + 1);
  return inner && inner.path.length < MAX_BINDING_PATH ? { ...inner, path: [...inner.path, key!] } : undefined;
}

/** The key under which an object pattern binds `name` (`{ client }`, `{ client: c }`, `{ client = null }`). */
function patternKey(pattern: TSESTree.ObjectPattern, name: TSESTree.Identifier): string | undefined {
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
    const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    if (value !== name) continue;
    const key = propertyKeyName(property);
    return typeof key === 'string' ? key : undefined;
  }
  return undefined;
}

/**
 * The value a binding has in the call being evaluated inline (the argument,
 * or the property of it, as written at the call: `send({ client: twilioClient
 * })` gives `twilioClient`); `null` when the call passes something whose
 * property cannot be read (a variable of unknown shape, a spread);
 * `undefined` when no call of the function is being evaluated.
 */
export function boundValue(env: AnalysisEnv, binding: ParameterBinding): Node | null | undefined {
  for (let frame = env.frame; frame; frame = frame.outer) {
    if (frame.fn !== binding.fn) continue;
    let value: Node | undefined = frame.args[binding.index];
    if (!value) {
      const param = binding.fn.params[binding.index];
      const plain = param?.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
      value = plain?.type === AST_NODE_TYPES.AssignmentPattern ? plain.right : undefined;
    }
    for (const key of binding.path) {
      if (!value || value.type === AST_NODE_TYPES.SpreadElement) return null;
      const object = resolveExpression(env, value);
      const property = object.type === AST_NODE_TYPES.ObjectExpression ? findProperty(object, key) : undefined;
      if (!property) return null;
      value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.right : property.value;
    }
    return value && value.type !== AST_NODE_TYPES.SpreadElement ? value : null;
  }
  return undefined;
}

/**
 * A client a function is handed by its callers (see {@link
 * ParameterBinding}): in a call being evaluated inline, what that call
 * passes; otherwise what every caller passes, when they agree (see
 * `AnalysisEnv.parameterClient`). `undefined` when the node is no such
 * value; `null` when it is one and no client is known for it.
 */
function handedClient(env: AnalysisEnv, node: Node, depth: number): ClientRef | null | undefined {
  const binding = parameterBinding(env, node);
  if (!binding) return undefined;
  const bound = boundValue(env, binding);
  if (bound === null) return null;
  if (bound) return clientOf(env, bound, depth + 1) ?? null;
  return env.parameterClient?.(binding) ?? undefined;
}

/** The SDK a `new` or a call creates a client of: a class (`new Twilio()`, `new twilio.Twilio()`) or a factory (`twilio()`, `require('twilio')()`). */
function sdkConstructor(env: AnalysisEnv, node: TSESTree.NewExpression | TSESTree.CallExpression): SdkFamily | undefined {
  const table = node.type === AST_NODE_TYPES.NewExpression ? SDK_MODULES : SDK_FACTORIES;
  const callee = skipTransparent(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const source = importOf(env, callee);
    return source && own(own(table, source.module), source.name);
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    // `new twilio.Twilio(…)`, `wca.createBot(…)` with the module's default or namespace import; `require('whatsapp-cloud-api').createBot(…)`
    const object = skipTransparent(callee.object);
    const name = memberName(callee);
    if (typeof name !== 'string') return undefined;
    if (object.type === AST_NODE_TYPES.Identifier) {
      const source = importOf(env, object);
      return source && (source.name === 'default' || source.name === '*') ? own(own(table, source.module), name) : undefined;
    }
    return object.type === AST_NODE_TYPES.CallExpression && isRequire(object) ? own(own(table, (object.arguments[0] as TSESTree.StringLiteral).value), name) : undefined;
  }
  if (node.type === AST_NODE_TYPES.CallExpression && isRequire(callee)) {
    const module = (callee.arguments[0] as TSESTree.StringLiteral).value;
    return own(own(table, module), 'default');
  }
  return undefined;
}

/** `Twilio | undefined`, `Vonage | null`: a client not made yet is the same client once it is. */
function optionalOf(type: TSESTree.TypeNode | undefined): TSESTree.TypeNode | undefined {
  if (type?.type !== AST_NODE_TYPES.TSUnionType) return type;
  const rest = type.types.filter((t) => t.type !== AST_NODE_TYPES.TSUndefinedKeyword && t.type !== AST_NODE_TYPES.TSNullKeyword);
  return rest.length === 1 ? rest[0] : type;
}

/** `null`, `undefined` or `void 0`: what a client made later starts as. */
function isPlaceholder(node: Node): boolean {
  const current = skipTransparent(node);
  return (
    (current.type === AST_NODE_TYPES.Literal && current.value === null && !('regex' in current && current.regex)) ||
    (current.type === AST_NODE_TYPES.Identifier && current.name === 'undefined') ||
    (current.type === AST_NODE_TYPES.UnaryExpression && current.operator === 'void')
  );
}

/**
 * A client made lazily or only when configured: a variable that starts as a
 * placeholder and is given a client later, in any branch or function (`let
 * client = null; if (sid) client = twilio(sid, token)`). `writes` are the
 * values ever written to it (`undefined` when one cannot be read, a
 * destructuring say); it is that client only when at least one of them is a
 * placeholder and every other one is a client of one and the same family.
 * The same for a class's field (`this.client = null` in the constructor,
 * `this.client = twilio(…)` in an `init()`), with {@link fieldWrites}.
 */
function lazyClient(env: AnalysisEnv, writes: readonly Write[] | undefined, depth: number): ClientRef | undefined {
  const unset = (value: Write): value is 'unset' => value === 'unset' || isPlaceholder(value);
  if (!writes || !writes.some(unset)) return undefined;
  let found: ClientRef | undefined;
  for (const value of writes) {
    if (unset(value)) continue;
    const client = clientOf(env, value, depth + 1);
    if (!client || (found && found.family !== client.family)) return undefined;
    found ??= client;
  }
  return found;
}

/**
 * The values written to an instance member in its class: the field's
 * initializer (`'unset'` when it declares none, or when the class declares
 * no field at all: the member is undefined until written), and every `=`,
 * `??=` or `||=` of `this.name` in the class's methods, however nested (a
 * `delete` of it is `'unset'` again); `undefined` for any other write (`+=`).
 * Nested classes have their own `this` and are not read.
 */
function fieldWrites(env: AnalysisEnv, member: TSESTree.MemberExpression): readonly Write[] | undefined {
  const name = memberName(member);
  const cls = enclosingClass(member);
  if (name === undefined || !cls) return undefined;
  const written = methodWrites(env, cls).get(name);
  if (written === null) return undefined;
  const field = cls.body.body.find((e): e is TSESTree.PropertyDefinition => e.type === AST_NODE_TYPES.PropertyDefinition && !e.static && propertyKeyName(e) === name);
  return [field?.value ?? 'unset', ...(written ?? [])];
}

const methodWritesByClass = new WeakMap<TSESTree.ClassDeclaration | TSESTree.ClassExpression, Map<string | number, Write[] | null>>();

/** The values each instance member is given in the class's methods, read in one walk per class; `null` for a member written otherwise. */
function methodWrites(env: AnalysisEnv, cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression): Map<string | number, Write[] | null> {
  let found = methodWritesByClass.get(cls);
  if (found) return found;
  const writes = new Map<string | number, Write[] | null>();
  for (const element of cls.body.body) {
    if (element.type !== AST_NODE_TYPES.MethodDefinition || element.static || !element.value.body) continue;
    walkNodes(element.value.body, env.sourceCode.visitorKeys, (node) => {
      if (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) return false;
      const target = node.type === AST_NODE_TYPES.AssignmentExpression ? node.left : node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'delete' ? node.argument : undefined;
      const name = target?.type === AST_NODE_TYPES.MemberExpression && target.object.type === AST_NODE_TYPES.ThisExpression ? memberName(target) : undefined;
      if (name === undefined) return undefined;
      const list = writes.has(name) ? writes.get(name)! : [];
      if (list === null) return undefined;
      if (node.type !== AST_NODE_TYPES.AssignmentExpression) list.push('unset'); // `delete this.client`: not made again yet
      else if (['=', '??=', '||='].includes(node.operator)) list.push(node.right);
      else {
        writes.set(name, null);
        return undefined;
      }
      writes.set(name, list);
      return undefined;
    });
  }
  methodWritesByClass.set(cls, (found = writes));
  return found;
}

/** A parameter or field declared with a client's or an SDK's type: `constructor(private readonly http: HttpService)`, `api: WhatsAppAPI`. */
function annotatedClient(env: AnalysisEnv, variable: ReturnType<typeof findVariable>): ClientRef | undefined {
  const name = variable?.defs[0]?.name;
  const type = optionalOf(name?.type === AST_NODE_TYPES.Identifier ? name.typeAnnotation?.typeAnnotation : undefined);
  if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  const source = importOf(env, type.typeName);
  const family =
    source &&
    (own(own(MODULE_FAMILIES, source.module), source.name) ?? own(own(SDK_MODULES, source.module), source.name) ?? own(own(SDK_TYPES, source.module), source.name));
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
  if (direct?.family === 'node-http' && callee.type === AST_NODE_TYPES.Identifier) return nodeHttpRequest(env, direct, call, importOf(env, callee));
  if (direct && !isNamespace(direct.family)) {
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
    if (owner.family === 'node-http-namespace') {
      const object = skipTransparent(callee.object);
      const source = object.type === AST_NODE_TYPES.Identifier ? importOf(env, object) : undefined;
      // `{ http, https }` of follow-redirects: the export's name says the scheme
      const module = source && (source.name === 'http' || source.name === 'https' ? source.name : source.module);
      return method === 'request' || method === 'get' ? nodeHttpRequest(env, owner, call, module === undefined ? undefined : { module, name: method }) : undefined;
    }
    if (owner.family === 'undici-namespace') {
      if (method === 'request') return build(env, owner, 'undici-request', args[0], args[1], undefined, undefined);
      if (method === 'fetch') return build(env, owner, 'fetch', args[0], args[1], undefined, undefined);
      return undefined;
    }
    if (owner.family === 'ofetch' && method === 'raw') return build(env, owner, 'ofetch', args[0], args[1], undefined, undefined, 'response');
    if (method === 'request') return build(env, owner, owner.family, undefined, args[0], undefined, undefined);
    // an SDK's own methods named like verbs are not requests (whatsapp-api-js's webhook `post(data, raw, signature)`, `get(params)`)
    if (isSdk(owner.family) || (!HTTP_METHODS.has(method) && !DATA_METHODS.has(method))) return undefined;
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

/**
 * Node's `http.request` / `https.request` (and `.get`), called as `(url,
 * options?, callback?)` or `(options, callback?)`: the URL is the one given,
 * or the options' `protocol` (the module's own by default), `hostname` (or
 * `host`) and `path`; the payload is what is written to the request it
 * returns (`req.write(body)`, `req.end(body)`, also chained); the method the
 * options' `method` (GET by default, and always for `get`). The response
 * comes to the callback whatever its status: nothing rejects or throws on an
 * HTTP error.
 */
function nodeHttpRequest(env: AnalysisEnv, client: ClientRef, call: TSESTree.CallExpression, source: { module: string; name: string } | undefined): RequestInfo {
  const [first, second] = call.arguments;
  const firstOptions = first ? nodeOptions(env, first, source) : undefined;
  const options = firstOptions ?? (second ? nodeOptions(env, second, source) : undefined);
  const info = build(env, client, 'node-http', firstOptions ? undefined : first, options?.node, writtenPayload(env, call), 'GET');
  const method = source?.name === 'get' ? 'GET' : options ? methodOf(env, options.object, 'GET') : info.method;
  const url = options?.url && !info.url ? { url: options.url.value, urlNode: options.url.node } : {};
  return { ...info, ...(options ? { config: options.object } : {}), method, ...url };
}

/**
 * The options of a Node request, as written in place, in a variable, or
 * returned by a helper of the file (`https.request(options(), …)`, read with
 * its arguments bound), and the URL their `protocol` (the module's own by
 * default), `hostname` (or `host`) and `path` make.
 */
function nodeOptions(env: AnalysisEnv, node: Node, source: { module: string } | undefined): { node: Node; object: TSESTree.ObjectExpression; url?: { value: StringValue; node: Node } } | undefined {
  const read = (object: TSESTree.ObjectExpression) => {
    const host = findProperty(object, 'hostname') ?? findProperty(object, 'host');
    if (!host) return { node, object };
    const protocol = findProperty(object, 'protocol');
    const path = findProperty(object, 'path');
    const scheme = protocol ? evaluateString(env, protocol.value).text.replace(/:?$/, ':') : /(?:^|:)http$/.test(source?.module ?? '') ? 'http:' : 'https:';
    const hostValue = evaluateString(env, host.value);
    const pathValue = path ? evaluateString(env, path.value) : { text: '/', providers: [] };
    const value = { text: `${scheme}//${hostValue.text}${pathValue.text}`, providers: [...hostValue.providers, ...pathValue.providers] };
    return { node, object, url: { value, node: path?.value ?? host.value } };
  };
  const object = objectArg(env, node);
  if (object) return read(object);
  const made = skipTransparent(node);
  const helper = made.type === AST_NODE_TYPES.CallExpression ? calleeFunction(env, made.callee) : undefined;
  const returned = helper ? returnedExpressions(helper.fn) : [];
  const only = returned.length === 1 ? skipTransparent(returned[0]!) : undefined;
  if (!helper || only?.type !== AST_NODE_TYPES.ObjectExpression || made.type !== AST_NODE_TYPES.CallExpression) return undefined;
  return inline(env, helper, made, () => read(only));
}

/** What is written to the request a Node `http.request` returns: `req.write(body)` or `req.end(body)` (also chained on the call). */
function writtenPayload(env: AnalysisEnv, call: TSESTree.CallExpression): Node | undefined {
  const written = (object: Node): Node | undefined => {
    const member = object.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== object || member.parent?.type !== AST_NODE_TYPES.CallExpression || member.parent.callee !== member) return undefined;
    const name = memberName(member);
    const [argument] = member.parent.arguments;
    return (name === 'write' || name === 'end') && argument && argument.type !== AST_NODE_TYPES.SpreadElement ? argument : undefined;
  };
  const chained = written(call);
  if (chained) return chained;
  const declarator = call.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== call || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  for (const reference of findVariable(env.sourceCode, declarator.id)?.references ?? []) {
    const found = !reference.init ? written(reference.identifier) : undefined;
    if (found) return found;
  }
  return undefined;
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
/** How many steps may lie between a client and its namespace (`client.api.v2010.accounts(sid).messages`). */
const MAX_NAMESPACE_DEPTH = 4;
const SDK_METHODS = new Set(Object.values(SDKS).flatMap((spec) => [...spec.methods, ...(spec.requests?.keys() ?? [])]));
const DEEP_NAMESPACES = new Set(Object.values(SDKS).flatMap((spec) => (spec.deepNamespace && spec.namespace ? [spec.namespace] : [])));

/**
 * `api.sendMessage(…)`, `sdk.message.createMessage(…)`, `wa.messages.text(…)`,
 * `client.messages.create(…)` (also `client.api.v2010.accounts(sid).messages.create(…)`),
 * `vonage.messages.send(…)` on an SDK client.
 */
function sdkRequest(env: AnalysisEnv, call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, method: string): RequestInfo | undefined {
  if (!SDK_METHODS.has(method)) return undefined;
  const receiver = skipTransparent(callee.object);
  const namespace = receiver.type === AST_NODE_TYPES.MemberExpression ? memberName(receiver) : undefined;
  const candidates: [Node, number][] = [[receiver, 0]];
  // below the namespace: the client itself, or (for SDKs with nested resources) a few steps further down
  let below: Node | undefined = receiver.type === AST_NODE_TYPES.MemberExpression ? skipTransparent(receiver.object) : undefined;
  const deep = typeof namespace === 'string' && DEEP_NAMESPACES.has(namespace) ? MAX_NAMESPACE_DEPTH : 1;
  for (let depth = 1; below && depth <= deep; depth++) {
    candidates.push([below, depth]);
    const next: Node = below.type === AST_NODE_TYPES.CallExpression ? skipTransparent(below.callee) : below;
    below = next.type === AST_NODE_TYPES.MemberExpression ? skipTransparent(next.object) : undefined;
  }
  for (const [node, depth] of candidates) {
    const client = clientOf(env, node);
    if (!client || !isSdk(client.family)) continue;
    const spec = SDKS[client.family];
    const wantsNamespace = spec.namespace !== undefined;
    const other = spec.requests?.get(method);
    if ((!spec.methods.has(method) && !other) || wantsNamespace !== depth > 0 || (wantsNamespace && namespace !== spec.namespace) || (depth > 1 && !spec.deepNamespace)) continue;
    return {
      family: client.family,
      url: undefined,
      urlNode: undefined,
      config: undefined,
      data: other || spec.payloadArgument === null ? undefined : call.arguments[spec.payloadArgument ?? 0],
      returns: spec.returns,
      throwsOnHttpError: spec.throwsOnHttpError,
      method: other ?? 'POST',
      clientOrigin: client.origin,
      instanceConfig: client.instanceConfig,
      configSource: undefined,
      sdkMethod: method,
    };
  }
  return undefined;
}

/**
 * The values from parameters (see {@link ParameterBinding}) a call may be
 * made on as a client: down the receiver chain of an SDK's method
 * (`opts.client.messages.create(…)`) or an HTTP verb (`api.post(…)`).
 */
export function handedReceivers(env: AnalysisEnv, call: TSESTree.CallExpression): { bindings: ParameterBinding[]; sdk: boolean; sends: boolean } | undefined {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = memberName(callee);
  if (typeof method !== 'string' || !(SDK_METHODS.has(method) || HTTP_METHODS.has(method) || DATA_METHODS.has(method) || method === 'request')) return undefined;
  const receiver = skipTransparent(callee.object);
  const namespace = receiver.type === AST_NODE_TYPES.MemberExpression ? memberName(receiver) : undefined;
  // an SDK's send as written (`x.messages.create`, `x.sendMessage`), not a method any object may have (`res.send`)
  const sdk = Object.values(SDKS).some((spec) => (spec.methods.has(method) || spec.requests?.has(method)) && (spec.namespace ? spec.namespace === namespace : method !== 'send'));
  const bindings: ParameterBinding[] = [];
  let below: Node | undefined = skipTransparent(callee.object);
  for (let depth = 0; below && depth <= MAX_NAMESPACE_DEPTH; depth++) {
    const binding = parameterBinding(env, below);
    if (binding) bindings.push(binding);
    const next: Node = below.type === AST_NODE_TYPES.CallExpression ? skipTransparent(below.callee) : below;
    below = next.type === AST_NODE_TYPES.MemberExpression ? skipTransparent(next.object) : undefined;
  }
  // a verb that sends a payload: `http.post(…)`, `http.request(config)` (`get` and `delete` are also a Map's)
  return bindings.length > 0 ? { bindings, sdk, sends: sdk || DATA_METHODS.has(method) || method === 'request' } : undefined;
}

/**
 * Text that calls an SDK's send as written (`.messages.create(`,
 * `.sendMessage(`): a file that does so on a client it is handed is a layer
 * its callers decide the provider of.
 */
export const SDK_CALL_TEXT = new RegExp(
  Object.values(SDKS)
    .map((spec) => {
      const methods = [...spec.methods, ...(spec.requests?.keys() ?? [])].filter((m) => spec.namespace || m !== 'send');
      if (methods.length === 0) return undefined;
      return `${spec.namespace ? `\\.${spec.namespace}\\s*` : ''}\\.\\s*(?:${methods.join('|')})\\s*\\(`;
    })
    .filter((part): part is string => part !== undefined)
    .join('|'),
);

/** What of a client handed to a function is passed between files: its kind and base URL. */
export interface HandedClient {
  readonly family: ClientFamily;
  readonly base?: StringValue;
  readonly acceptsErrors?: boolean;
}

/** The part of a client that says what its calls reach (see {@link HandedClient}); `undefined` for a namespace. */
export function handedOf(client: ClientRef | undefined): HandedClient | undefined {
  if (!client || isNamespace(client.family)) return undefined;
  return { family: client.family, ...(client.base ? { base: client.base } : {}), ...(client.acceptsErrors ? { acceptsErrors: true } : {}) };
}

/** Do two handed clients reach the same place: the same kind, and the same base URL (or none)? */
export function sameHanded(a: HandedClient, b: HandedClient): boolean {
  return a.family === b.family && a.base?.text === b.base?.text && !!a.acceptsErrors === !!b.acceptsErrors;
}

/**
 * The statuses an SDK client re-sends by itself, after a wait, because it was
 * created with its retry option on (`twilio(sid, token, { autoRetry: true })`).
 */
export function sdkRetriedStatuses(env: AnalysisEnv, request: RequestInfo): readonly number[] {
  const option = isSdk(request.family) ? SDKS[request.family].retryOption : undefined;
  const property = option && request.instanceConfig && findProperty(request.instanceConfig, option.name);
  return property && staticValue(env, property.value) === true ? option.statuses : [];
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
export function isCloudApiPayload(env: AnalysisEnv, data: Node | undefined): boolean {
  return cloudApiPayload(env, data) !== undefined;
}

/** The Cloud API payload object of a request (`messaging_product: 'whatsapp'`), itself or under `json`, `body` or `data`. */
export function cloudApiPayload(env: AnalysisEnv, data: Node | undefined, depth = 0): TSESTree.ObjectExpression | undefined {
  const node = payloadObject(env, data);
  if (!node) return undefined;
  const property = findProperty(node, 'messaging_product');
  if (!property) {
    const inner = depth === 0 ? (findProperty(node, 'json') ?? findProperty(node, 'body') ?? findProperty(node, 'data')) : undefined;
    return inner ? cloudApiPayload(env, inner.value, depth + 1) : undefined;
  }
  const value = resolveExpression(env, property.value);
  return value.type === AST_NODE_TYPES.Literal && value.value === 'whatsapp' ? node : undefined;
}
