/**
 * The per-file analysis: which calls reach a provider (directly through an HTTP
 * client, or through same-file wrapper functions and methods), and which
 * values carry their outcome (response, parsed body, caught error, HTTP status,
 * error code). Built once per file and shared by every rule.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { enclosingClass, enclosingFunction, findProperty, findVariable, functionName, isFunction, isPromiseExecutor, memberName, programOf, propertyKeyName, skipTransparent, someNode, walkNodes, type FunctionNode, type Node } from './ast.js';
import { bindingKey, boundValue, classifyRequest, clientOf, handedKey, handedOf, handedReceivers, isCloudApiForm, isCloudApiPayload, isHttpRequest, isSdk, parameterBinding, sameHanded, SDKS, sdkRetriedStatuses, type ClientRef, type HandedClient, type ParameterBinding, type RequestInfo, type SdkFamily } from './clients.js';
import type { AnalysisEnv, Frame } from './env.js';
import { baseKeyOf, hasWhatsAppEvidence, hasWhatsAppPath, isHostlessCloudApi, otherGraphProduct, providerOfPath } from './evidence.js';
import { registerPath, type ImportResolver } from './imports.js';
import { pathMatches, type ProviderInfo } from './providers.js';
import { interceptedProvider } from './interceptors.js';
import { retryCallbackProvider } from './retries/library-calls.js';
import { innermostTry } from './retries/decision.js';
import type { ResolvedSettings } from './settings.js';
import type { ErrorEntry } from '../catalog/schema.js';
import { classifyType, isProjectFile, sdkOfType, typescript, type TypeInfo } from './types.js';
import type { CallerFacts } from './importers.js';
import { boundArgument, calleeFunction, classMethod, factoryCallees, functionNamed, hostOfUrl, inline, resolveExpression, returnedExpressions, staticValue, thisMemberInit, writesBefore, type Callee, type StringValue } from './values.js';

/** Calls that take a callback but do not run it once and pass its promise on. */
const NOT_RUNNERS = new Set([
  ...['map', 'forEach', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'findLast', 'flatMap', 'sort', 'then', 'catch', 'finally', 'all', 'allSettled', 'race', 'any'],
  ...['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'nextTick'],
  ...['on', 'once', 'addListener', 'addEventListener', 'subscribe', 'use', 'listen', 'emit', 'process', 'register'],
  ...['get', 'post', 'put', 'patch', 'delete', 'all', 'route', 'head', 'options'],
  ...['it', 'test', 'describe', 'beforeEach', 'afterEach', 'beforeAll', 'afterAll'],
]);

/** Is a call's promise awaited or returned (rather than dropped or registered)? */
function consumesPromise(call: TSESTree.CallExpression): boolean {
  let current: Node = call;
  while (current.parent && (current.parent.type === AST_NODE_TYPES.TSAsExpression || current.parent.type === AST_NODE_TYPES.TSNonNullExpression)) current = current.parent;
  const parent = current.parent;
  return parent?.type === AST_NODE_TYPES.AwaitExpression || parent?.type === AST_NODE_TYPES.ReturnStatement || (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === current);
}

/** Functions known to make (or not make) an HTTP request; AST nodes are shared by every analysis of a parsed file. */
const mayRequestCache = new WeakMap<FunctionNode, boolean>();
import { webhookKind } from './webhook.js'; // webhook: errors of WhatsApp status webhooks
import { swallowedWithin, thrownBodyPath } from './error-paths.js';
import { thrownCodeField } from './failure-values.js';

export interface ProviderCall {
  readonly node: TSESTree.CallExpression;
  readonly provider: ProviderInfo;
  /** Set for a direct HTTP request. */
  readonly request?: RequestInfo;
  /** Set for a call of a same-file function that reaches the provider. */
  readonly wrapper?: FunctionNode;
  /** Set for a call of a function declared in another file (followed through imports, or with type information). */
  readonly external?: ExternalFunction;
}

/** A function of another project file, with that file's analysis. */
export interface ExternalFunction {
  readonly analysis: FileAnalysis;
  readonly fn: FunctionNode;
}

/**
 * A request of a generic HTTP layer (`request(url, init)`, `class HttpClient
 * { post(path) }`) that a caller uses with a provider's URL: in this analysis
 * it is a call to that provider.
 */
export interface LayerRequest {
  readonly request: TSESTree.CallExpression;
  readonly provider: ProviderInfo;
}

export interface AnalysisOptions {
  /** Type information, when the parser has a program. */
  readonly types?: TypeInfo;
  /** The analysis of another project file (type-aware mode), or `undefined` when it reaches no provider. */
  readonly fileAnalysis?: (fileName: string) => FileAnalysis | undefined;
  /** The file's path on disk. */
  readonly fileName?: string;
  /** Follows imports into other project files (created for this analysis). */
  readonly imports?: (env: AnalysisEnv) => ImportResolver;
  /** Requests of this file's HTTP layers that callers use for a provider. */
  readonly layers?: readonly LayerRequest[];
  /** What the files importing this one know about it (see `importers.ts`), by source position. */
  readonly callerFacts?: CallerFacts;
}

/** A request made in another file through a client created in this one (`axios.create` here, `graph.post` there). */
export interface RemoteRequest {
  readonly origin: TSESTree.CallExpression;
  readonly provider: ProviderInfo;
  readonly method: string | undefined;
}

/** A request to a shared host that showed no WhatsApp evidence of its own. */
interface Unevidenced {
  readonly call: TSESTree.CallExpression;
  readonly request: RequestInfo;
  readonly provider: ProviderInfo;
}

/** What a call invokes: a function of this file, one of another file, or a wrapper named in settings. */
type Target =
  | { readonly local: FunctionNode; readonly callee: Callee }
  | { readonly external: ExternalFunction; readonly callee: Callee }
  | { readonly settings: ProviderInfo };

/** What a call waits on to be a provider call: a function of this file, a wrapper named in settings, or each of several classes' methods. */
type PendingTarget = FunctionNode | ProviderInfo | readonly Callee[];

/** A layer found at a call site: the provider, and the calls on the way to its requests. */
interface LayerUse {
  readonly provider: ProviderInfo;
  /** The calls of functions on the way (the site first), and the requests at the end. */
  readonly chain: readonly TSESTree.CallExpression[];
  readonly requests: readonly TSESTree.CallExpression[];
}

/** How many functions of the file a handed function is followed through (`start(deps) → run(deps) → deps.send()`). */
const MAX_HANDED_DEPTH = 3;

/** How deep a layer is followed (`send → post → request → fetch`). */
const MAX_LAYER_DEPTH = 4;

type Path = readonly (string | number)[];

/**
 * A code value written otherwise than the catalog has it: `split` is a
 * Vonage `type` split on `#` (`type.split('#')`), `fragment` the code taken
 * out of it (`type.split('#')[1]`, `type.slice(type.indexOf('#') + 1)`),
 * `text` a numeric code read from a form-encoded callback (Twilio's
 * `ErrorCode`: `'63016'`). Unset: the value at the code path itself (for a
 * provider with `codeEncoding: 'url-fragment'`, the whole URL).
 */
export type CodeRepr = 'split' | 'fragment' | 'text';

/** How a code expression holds the code: as the catalog writes it, as a URL ending in `#code`, or as the digits of a numeric code. */
export type CodeForm = 'code' | 'url' | 'text';

/** What a value is, as far as provider outcomes go. */
export type Kind =
  | { readonly k: 'promise'; readonly of: Kind | undefined; readonly provider: ProviderInfo; readonly call: ProviderCall }
  | { readonly k: 'response'; readonly provider: ProviderInfo; readonly call: ProviderCall | undefined }
  | {
      readonly k: 'body';
      readonly provider: ProviderInfo;
      readonly call: ProviderCall | undefined;
      readonly path: Path;
      readonly source?: 'webhook'; // webhook: source
      /** How the value at the code path is written when not as the catalog has it (see `CodeRepr`). */
      readonly repr?: CodeRepr;
    }
  | { readonly k: 'error'; readonly provider: ProviderInfo; readonly call: ProviderCall | undefined }
  | { readonly k: 'status'; readonly provider: ProviderInfo; readonly call: ProviderCall | undefined }
  | { readonly k: 'ok'; readonly provider: ProviderInfo; readonly call: ProviderCall | undefined }
  | { readonly k: 'headers'; readonly provider: ProviderInfo; readonly call: ProviderCall | undefined };

/**
 * A response's methods that read its body: `json()`, and `text()`, the same
 * body unparsed (an error body's code is in it: `JSON.parse(await
 * res.text())` is the body), and `responseBodyToJSON()` (Meta's SDK).
 */
const BODY_READS = new Set(['json', 'text', 'responseBodyToJSON']);
const PROMISE_PASSTHROUGH = new Set(['catch', 'finally', 'set', 'send', 'query', 'type', 'accept', 'timeout', 'retry', 'auth', 'field', 'attach', 'ok', 'use', 'withCredentials']);
const ARRAY_ELEMENT_CALLBACKS = new Set(['map', 'forEach', 'find', 'findLast', 'some', 'every', 'filter', 'flatMap', 'findIndex']);
const ARRAY_ELEMENT_RESULTS = new Set(['find', 'findLast', 'at', 'pop', 'shift']);
const UNWRAP_CALLS = new Set(['firstValueFrom', 'lastValueFrom']);
/** String methods whose result is still the provider's text (`message.replace(/^\(#\d+\) /, '').toLowerCase()`). */
const STRING_TRANSFORMS = new Set(['replace', 'replaceAll', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'trim', 'trimStart', 'trimEnd', 'slice', 'substring', 'normalize', 'toString']);
const CATALOG_MODULE = 'eslint-plugin-whatsapp-errors/catalog';

export class FileAnalysis implements AnalysisEnv {
  readonly calls: ProviderCall[] = [];
  /** Every call expression of the file, in source order. */
  readonly allCalls: TSESTree.CallExpression[] = [];
  /** Calls of functions of other project files, with those files' analyses (as the calls were resolved while building). */
  readonly externalCallees = new Map<TSESTree.CallExpression, ExternalFunction>();
  /** Every `new` expression of the file, in source order (job workers, queues). */
  readonly allNews: TSESTree.NewExpression[] = [];
  private readonly callByNode = new Map<TSESTree.CallExpression, ProviderCall>();
  /** Same-file functions that reach a provider, and which one. */
  readonly wrappers = new Map<FunctionNode, ProviderInfo>();
  private readonly kinds = new Map<Node, Kind | null>();
  private readonly tryCalls = new Map<TSESTree.BlockStatement, ProviderCall | null>();
  private readonly classes: (TSESTree.ClassDeclaration | TSESTree.ClassExpression)[] = [];
  private readonly callees = new Map<TSESTree.CallExpression, FunctionNode | null>();


  readonly types: TypeInfo | undefined;
  readonly fileName: string | undefined;
  /** Requests of this file's HTTP layers that callers use for a provider (from `options.layers` and caller facts). */
  readonly layerRequests: readonly LayerRequest[];
  /** HTTP requests whose provider this file does not show (a URL from a parameter, an unknown host). */
  unresolvedRequests = 0;
  /** Base URLs that the NestJS module providing a class gives its injected `HttpService`. */
  readonly injectedBases = new Map<Node, StringValue>();
  /** The names around those base URLs (the module that registers them), by class. */
  readonly injectedBaseNames = new Map<Node, readonly string[]>();
  /** Requests other files make through clients created here. */
  readonly remoteRequests: RemoteRequest[] = [];
  readonly imports: ImportResolver | undefined;
  frame: Frame | undefined;
  private readonly fileAnalysis: ((fileName: string) => FileAnalysis | undefined) | undefined;
  readonly typeClient?: (node: TSESTree.Node) => SdkFamily | undefined;

  constructor(
    readonly sourceCode: Readonly<TSESLint.SourceCode>,
    readonly settings: ResolvedSettings,
    options: AnalysisOptions = {},
  ) {
    this.types = options.types;
    this.fileAnalysis = options.fileAnalysis;
    this.fileName = options.fileName;
    if (options.fileName) registerPath(sourceCode.ast, options.fileName);
    this.imports = options.imports?.(this);
    if (this.types) this.typeClient = (node) => this.typedClient(node);
    const calls = this.allCalls;
    const classes = this.classes;
    this.walk(sourceCode.ast, calls, classes);
    const facts = options.callerFacts;
    const callAt = (span: readonly [number, number]) => calls.find((c) => c.range[0] === span[0] && c.range[1] === span[1]);
    const layers = [
      ...(options.layers ?? []),
      ...(facts?.layers ?? []).flatMap((l) => {
        const request = callAt(l.request);
        return request ? [{ request, provider: l.provider }] : [];
      }),
    ];
    this.layerRequests = layers;
    // a layer its importers use for a provider: its requests are that provider's, and so are the calls that lead
    // an importer there; its other calls in this file are decided per call site like any layer's (`pagePost`
    // calling the same `graph(path)` with a Page's path is not made a provider call by an importer's send)
    const factChains: [TSESTree.CallExpression, ProviderInfo][] = [];
    for (const fact of facts?.layers ?? []) {
      const request = callAt(fact.request);
      if (!request) continue;
      const owner = enclosingFunction(request);
      if (owner) this.layers.add(owner);
      for (const span of fact.chain) {
        const link = callAt(span);
        const callee = link && this.calledFunction(link);
        if (!link || !callee) continue;
        factChains.push([link, fact.provider]);
        this.layers.add(callee);
        const from = enclosingFunction(link);
        if (from) this.layers.add(from);
      }
    }
    for (const fact of facts?.injectedBases ?? []) {
      const cls = classes.find((c) => c.range[0] === fact.cls[0] && c.range[1] === fact.cls[1]);
      if (cls) {
        this.injectedBases.set(cls, fact.base);
        this.injectedBaseNames.set(cls, fact.names);
      }
    }
    for (const fact of facts?.handed ?? []) {
      const key = handedKey(fact.fn, fact.index, fact.path);
      const list = this.factClients.get(key);
      if (list) list.push(fact.client);
      else this.factClients.set(key, [fact.client]);
    }
    for (const fact of facts?.handedFunctions ?? []) {
      const key = handedKey(fact.fn, fact.index, fact.path);
      const list = this.factFunctions.get(key);
      if (list) list.push(fact.target);
      else this.factFunctions.set(key, [fact.target]);
    }
    for (const fact of facts?.remoteRequests ?? []) {
      const origin = callAt(fact.origin);
      if (origin) this.remoteRequests.push({ origin, provider: fact.provider, method: fact.method });
    }
    const layerRequests = new Map(layers.map((l) => [l.request, l.provider]));
    const pending: [TSESTree.CallExpression, PendingTarget][] = [];
    /** Requests to a host other APIs share, without WhatsApp evidence of their own. */
    const unevidenced: Unevidenced[] = [];
    /** Calls of functions that reach no provider by themselves: generic layers, decided per call site. */
    const candidates: [TSESTree.CallExpression, Target & { callee: Callee }][] = [];
    for (const call of calls) {
      const target = this.calleeTarget(call);
      if (target && 'local' in target) {
        pending.push([call, target.local]);
        candidates.push([call, target]);
        continue;
      }
      if (target && 'external' in target) {
        this.externalCallees.set(call, target.external);
        // with type information, the program's view of the other file (typed values in it) comes first
        const external = (this.types && this.externalFunction(call)) || target.external;
        const reached = external.analysis.wrappers.get(external.fn);
        if (reached) this.addCall({ node: call, provider: reached, external });
        else candidates.push([call, target]);
        continue;
      }
      const request = classifyRequest(this, call);
      const provider = request && (this.requestProvider(request, call) ?? layerRequests.get(call));
      if (request && provider) {
        this.addCall({ node: call, provider, request });
        continue;
      }
      // a caller runs a provider call through this file's helper (`withRetry(() => send())`): its callback's invocation
      const callback = request ? undefined : layerRequests.get(call);
      if (callback) {
        this.addCall({ node: call, provider: callback });
        continue;
      }
      if (request) {
        this.unresolvedRequests++;
        const host = request.url ? hostOfUrl(this, request.url) : undefined;
        if (host?.shared) unevidenced.push({ call, request, provider: host.provider });
      }
      if (target) {
        pending.push([call, target.settings]);
        continue;
      }
      // one of several classes' methods, some of this file: decided once this file's functions are followed
      const options = request ? [] : factoryCallees(this, call.callee);
      if (options.some((option) => programOf(option.fn) === this.sourceCode.ast)) {
        pending.push([call, options]);
        continue;
      }
      const external = this.types ? this.externalFunction(call) : undefined;
      const reached = external && external.analysis.wrappers.get(external.fn);
      if (external && reached) this.addCall({ node: call, provider: reached, external });
    }
    for (const [link, provider] of factChains) if (!this.callByNode.has(link)) this.addCall({ node: link, provider, wrapper: this.calledFunction(link)! });
    this.addNeighbours(unevidenced);
    this.followWrappers(pending, true);
    // Generic layers: a call whose arguments give the layer's request a provider URL.
    let added = false;
    for (const [call, target] of candidates) {
      if (this.callByNode.has(call)) continue;
      const use = this.layerUse(call, target.callee, 0);
      if (!use) continue;
      if ('external' in target) {
        const layered = this.imports?.layerAnalysis(target.external.fn, use.provider, use.requests);
        if (layered) this.addCall({ node: call, provider: use.provider, external: { analysis: layered, fn: target.external.fn } });
        continue;
      }
      // only this file's nodes: a layer reached through another file's code is judged when that file is linted
      const own = (node: Node) => programOf(node) === this.sourceCode.ast;
      for (const request of use.requests) {
        if (this.callByNode.has(request) || !own(request)) continue;
        const info = classifyRequest(this, request);
        if (info) this.addCall({ node: request, provider: use.provider, request: info });
      }
      for (const link of use.chain) {
        const fn = this.calledFunction(link);
        if (fn && !this.callByNode.has(link) && own(link)) this.addCall({ node: link, provider: use.provider, wrapper: fn });
      }
      added = true;
    }
    if (added) this.followWrappers(pending.filter(([call]) => !this.callByNode.has(call)), true);
    this.addRunners(calls);
    this.addCallbackInvocations(calls);
  }

  /**
   * A function that runs a callback it is given (`withRetry(fn, attempt)`,
   * `timed(label, fn)`) reaches a provider when one of its calls passes it a
   * function that does: the callback's invocation inside (`await fn()`) is a
   * call of that function, so what the helper does with its rejection (retry
   * it, log it, rethrow it) is read as for any other provider call. Calls of
   * the helper are then wrapper calls.
   */
  private addCallbackInvocations(calls: readonly TSESTree.CallExpression[]): void {
    /** Calls of another file's helper whose analysis was rebuilt with the invocations of their callback (once each). */
    const relayered = new Set<TSESTree.CallExpression>();
    for (let changed = true; changed; ) {
      changed = false;
      const before = new Set(this.wrappers.keys());
      for (const site of calls) {
        const target = this.callbackTarget(site);
        if (!target) continue;
        const helper = target.fn;
        site.arguments.forEach((argument, index) => {
          const value = skipTransparent(argument);
          const fn = isFunction(value) ? value : value.type === AST_NODE_TYPES.Identifier ? this.functionOf(value) : undefined;
          const provider = fn && fn !== helper ? this.wrappers.get(fn) : undefined;
          if (!fn || !provider) return;
          const invocations = invocationsOf(target.analysis?.sourceCode ?? this.sourceCode, helper, index);
          if (target.analysis) {
            // a helper of another file: its analysis with these invocations as calls to the provider
            // (a call that `addRunners` took for a runner of this callback, or a call of a helper that
            // reaches a provider by itself too, is now known better)
            const known = this.callByNode.get(site);
            const plain = known?.external;
            const sameHelper = !!plain && !relayered.has(site) && plain.fn.range[0] === helper.range[0] && plain.fn.range[1] === helper.range[1] && plain.analysis.fileName === target.analysis.fileName;
            const replaceable = !known || known.wrapper === fn || sameHelper;
            if (invocations.length === 0 || !replaceable) return;
            relayered.add(site);
            const layered = this.imports?.layerAnalysis(helper, provider, invocations);
            if (!layered?.wrappers.get(helper)) return;
            const call: ProviderCall = { node: site, provider, external: { analysis: layered, fn: helper } };
            if (known) this.calls[this.calls.indexOf(known)] = call;
            this.callByNode.set(site, call);
            if (!known) this.addCall(call);
            changed = true;
            return;
          }
          for (const invocation of invocations) {
            if (this.callByNode.has(invocation)) continue;
            this.addCall({ node: invocation, provider, wrapper: fn });
            changed = true;
          }
        });
      }
      // the helpers that now reach a provider: their calls are calls to it
      for (const site of calls) {
        if (this.callByNode.has(site)) continue;
        const helper = this.calledFunction(site);
        const provider = helper && !before.has(helper) && !this.layers.has(helper) ? this.wrappers.get(helper) : undefined;
        if (helper && provider) {
          this.addCall({ node: site, provider, wrapper: helper });
          changed = true;
        }
      }
    }
  }

  /** The function a call site passes callbacks to: this file's, or another project file's (with that file's analysis). */
  private callbackTarget(site: TSESTree.CallExpression): { fn: FunctionNode; analysis?: FileAnalysis } | undefined {
    const local = this.calledFunction(site);
    if (local) return { fn: local };
    const target = this.calleeTarget(site);
    return target && 'external' in target ? { fn: target.external.fn, analysis: target.external.analysis } : undefined;
  }

  /**
   * A request to a shared host (graph.facebook.com) without WhatsApp evidence
   * of its own is the provider's when its neighbours say so: requests in the
   * same class (or, outside classes, the same file) that go through the same
   * base URL (the same constant, field, URL helper or client instance) and
   * have evidence, as a media lookup by bare id (`${GRAPH}/${mediaId}`) beside
   * the sends of a WhatsApp module. Not when any request on that base there,
   * or the request itself, shows another Graph product (Messenger, Instagram,
   * Pages, the Marketing API).
   */
  private addNeighbours(unevidenced: readonly Unevidenced[]): void {
    if (unevidenced.length === 0) return;
    const scopeOf = (node: Node): Node => enclosingClass(node) ?? this.sourceCode.ast;
    const evidenced = this.calls.filter((c) => c.request);
    const added: ProviderCall[] = [];
    for (const { call, request, provider } of unevidenced) {
      const key = baseKeyOf(this, request);
      if (key === undefined) continue;
      const scope = scopeOf(call);
      const sameBase = (other: RequestInfo, node: Node) => scopeOf(node) === scope && baseKeyOf(this, other) === key;
      const neighbours = evidenced.filter((c) => c.provider === provider && sameBase(c.request!, c.node));
      if (neighbours.length === 0) continue;
      const others = [...neighbours.map((c) => [c.request!, c.node] as const), ...unevidenced.filter((u) => sameBase(u.request, u.call)).map((u) => [u.request, u.call] as const)];
      if (others.some(([other, node]) => otherGraphProduct(this, other, node))) continue;
      added.push({ node: call, provider, request });
    }
    for (const call of added) {
      this.unresolvedRequests--;
      this.addCall(call);
    }
  }
  /**
   * A call that runs an inline function reaching a provider and hands its
   * promise on (`await step.run('send', async () => ky.post(…))`, a queue's
   * `add`, a transaction wrapper): what it rejects with is the provider's
   * error, so a `catch` around it is an error path of the send. Array
   * methods, timers, event and route registrations are not runners.
   */
  private addRunners(calls: readonly TSESTree.CallExpression[]): void {
    for (const call of calls) {
      if (this.callByNode.has(call) || !consumesPromise(call)) continue;
      const callee = skipTransparent(call.callee);
      const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
      if (typeof name !== 'string' || NOT_RUNNERS.has(name)) continue;
      const fn = call.arguments.map((a) => skipTransparent(a)).find((a): a is FunctionNode => isFunction(a) && this.wrappers.has(a));
      const provider = fn && this.wrappers.get(fn);
      if (fn && provider) this.addCall({ node: call, provider, wrapper: fn });
    }
  }

  /**
   * Calls of same-file functions that reach a provider are calls to it, until
   * nothing changes. After layers were found, calls of the layers themselves
   * are not followed: their provider depends on the call site.
   */
  private followWrappers(pending: [TSESTree.CallExpression, PendingTarget][], skipLayers = false): void {
    let changed = true;
    while (changed && pending.length > 0) {
      changed = false;
      for (let i = pending.length - 1; i >= 0; i--) {
        const [call, target] = pending[i]!;
        if (Array.isArray(target)) {
          const found = this.everyOptionSends(target);
          if (!found) continue;
          this.addCall({ node: call, ...found });
          pending.splice(i, 1);
          changed = true;
          continue;
        }
        const isFn = isFunction(target as Node);
        if (skipLayers && isFn && this.layers.has(target as FunctionNode)) continue;
        const provider = isFn ? this.wrappers.get(target as FunctionNode) : (target as ProviderInfo);
        if (!provider) continue;
        this.addCall({ node: call, provider, ...(isFn ? { wrapper: target as FunctionNode } : {}) });
        pending.splice(i, 1);
        changed = true;
      }
    }
  }

  /**
   * Does the call reach a provider once its arguments are bound: a function
   * whose request URL (or payload) comes from its parameters, called with a
   * provider's URL? Followed through further calls (`post → request → fetch`).
   */
  private layerUse(site: TSESTree.CallExpression, callee: Callee, depth: number): LayerUse | undefined {
    if (depth > MAX_LAYER_DEPTH || !this.mayRequest(callee.fn, 0)) return undefined;
    const owner = programOf(callee.fn) === this.sourceCode.ast ? this : this.imports?.analysisOf(callee.fn);
    if (!owner) return undefined;
    const [start, end] = callee.fn.range;
    const inner = owner.callsWithin(start, end);
    return inline(this, callee, site, () => {
      let provider: ProviderInfo | undefined;
      const chain: TSESTree.CallExpression[] = [site];
      const requests: TSESTree.CallExpression[] = [];
      for (const call of inner) {
        const next = calleeFunction(this, call.callee);
        if (next) {
          const found = this.layerUse(call, next, depth + 1);
          if (found && (!provider || found.provider === provider)) {
            provider = found.provider;
            chain.push(...found.chain);
            requests.push(...found.requests);
          }
          continue;
        }
        const request = classifyRequest(this, call);
        const reached = request ? this.requestProvider(request, call) : undefined;
        if (reached && (!provider || reached === provider)) {
          provider = reached;
          requests.push(call);
        }
      }
      if (!provider) return undefined;
      if (depth === 0 && programOf(callee.fn) === this.sourceCode.ast) for (const link of chain) this.markLayer(link);
      return { provider, chain, requests };
    });
  }

  /** Functions whose provider comes from their callers' arguments. */
  private readonly layers = new Set<FunctionNode>();

  /** What the files importing this one hand its functions' parameters, by binding key (`null`: a client not known). */
  private readonly factClients = new Map<string, (HandedClient | null)[]>();
  /** The client each parameter binding was found to be given, by key (`null`: none, or callers that disagree). */
  private readonly handed = new Map<string, ClientRef | null>();
  /** The bindings calls are made on as clients (see `handedReceivers`), by key, and whether one of those calls is an SDK's send. */
  private handedCalls: Map<string, { readonly binding: ParameterBinding; sdk: boolean }> | undefined;
  /** How many handed clients are being worked out (an argument that is a parameter of its own function is followed too). */
  private handedDepth = 0;
  /** This file's calls of each of its functions, as written (`send(…)`, `this.send(…)`, `api.send(…)`). */
  private localSites: Map<FunctionNode, TSESTree.CallExpression[]> | undefined;

  /**
   * The client a parameter (or a property of one) is handed: what every call
   * of the function gives it, in this file and in the files importing this
   * one (see `callerFacts`), when they all give a client of the same kind
   * with the same base URL. A call that gives something else, or something
   * not known to be a client, leaves it unknown; so does a function no call
   * is known of. Asked only of the values calls are made on as clients.
   */
  parameterClient(binding: ParameterBinding): ClientRef | undefined {
    const key = bindingKey(binding);
    if (this.handedDepth === 0 && !this.handedBindings().has(key)) return undefined;
    const known = this.handed.get(key);
    if (known !== undefined) return known ?? undefined;
    this.handed.set(key, null); // recursion
    let agreed: HandedClient | null | undefined;
    const agree = (client: HandedClient | null | undefined) => {
      if (agreed === null) return;
      if (!client) agreed = null;
      else if (agreed === undefined) agreed = client;
      else if (!sameHanded(agreed, client)) agreed = null;
    };
    this.handedDepth++;
    try {
      if (programOf(binding.fn) === this.sourceCode.ast) {
        for (const site of this.sitesOf(binding.fn)) {
          agree(
            inline(this, { fn: binding.fn }, site, () => {
              const value = boundValue(this, binding);
              return value ? handedOf(clientOf(this, value)) : undefined;
            }),
          );
        }
      }
      for (const fact of this.factClients.get(key) ?? []) agree(fact);
    } finally {
      this.handedDepth--;
    }
    const client: ClientRef | null = agreed ? { ...agreed, origin: `handed:${key}` } : null;
    this.handed.set(key, client);
    return client ?? undefined;
  }

  /** The bindings this file's calls are made on as clients (see `handedReceivers`), by key. */
  handedBindings(): ReadonlyMap<string, { readonly binding: ParameterBinding; readonly sdk: boolean }> {
    if (!this.handedCalls) {
      const found = new Map<string, { binding: ParameterBinding; sdk: boolean }>();
      for (const call of this.allCalls) {
        const receivers = handedReceivers(this, call);
        for (const binding of receivers?.bindings ?? []) {
          const key = bindingKey(binding);
          const known = found.get(key);
          if (known) known.sdk ||= receivers!.sdk;
          else found.set(key, { binding, sdk: receivers!.sdk });
        }
      }
      this.handedCalls = found;
    }
    return this.handedCalls;
  }

  /**
   * Does the file make an SDK's send on a client one of its functions is
   * handed, with no client known for it? Its importers may say what they
   * hand it.
   */
  handsOpenClients(): boolean {
    for (const { binding, sdk } of this.handedBindings().values()) if (sdk && !this.parameterClient(binding)) return true;
    return false;
  }

  private sitesOf(fn: FunctionNode): readonly TSESTree.CallExpression[] {
    if (!this.localSites) {
      const sites = new Map<FunctionNode, TSESTree.CallExpression[]>();
      for (const call of this.allCalls) {
        const found = calleeFunction(this, call.callee)?.fn;
        if (!found || programOf(found) !== this.sourceCode.ast) continue;
        const list = sites.get(found);
        if (list) list.push(call);
        else sites.set(found, [call]);
      }
      this.localSites = sites;
    }
    return this.localSites.get(fn) ?? [];
  }

  private markLayer(call: TSESTree.CallExpression): void {
    const fn = this.calledFunction(call);
    if (fn) this.layers.add(fn);
  }

  /** Does a function make an HTTP request, itself or through the functions it calls (a cheap test before binding arguments)? */
  private mayRequest(fn: FunctionNode, depth: number): boolean {
    const known = mayRequestCache.get(fn);
    if (known !== undefined) return known;
    mayRequestCache.set(fn, false); // recursion
    const owner = programOf(fn) === this.sourceCode.ast ? this : this.imports?.analysisOf(fn);
    let found = false;
    if (owner && depth <= MAX_LAYER_DEPTH) {
      const [start, end] = fn.range;
      for (const call of owner.callsWithin(start, end)) {
        const next = calleeFunction(this, call.callee);
        if (next ? this.mayRequest(next.fn, depth + 1) : isHttpRequest(classifyRequest(this, call))) {
          found = true;
          break;
        }
      }
    }
    mayRequestCache.set(fn, found);
    return found;
  }

  /** One pass over the file: its calls (in source order) and classes. */
  private walk(root: Node, calls: TSESTree.CallExpression[], classes: (TSESTree.ClassDeclaration | TSESTree.ClassExpression)[]): void {
    walkNodes(root, this.sourceCode.visitorKeys, (node) => {
      if (node.type === AST_NODE_TYPES.CallExpression) calls.push(node);
      else if (node.type === AST_NODE_TYPES.NewExpression) this.allNews.push(node);
      else if (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) classes.push(node);
    });
  }

  /**
   * The provider a request reaches: an SDK's, the one its URL's host (or a
   * mapped env var) names, or the Cloud API for a `messaging_product:
   * 'whatsapp'` payload. A host other APIs share, and an SDK that also sends
   * SMS (Twilio's, Vonage's), count only with WhatsApp evidence (see `evidence.ts`).
   */
  private requestProvider(request: RequestInfo, call: TSESTree.CallExpression): ProviderInfo | undefined {
    const whatsappPayload = isCloudApiPayload(this, request.data) || isCloudApiForm(this, request.data);
    if (isSdk(request.family)) {
      const spec = SDKS[request.family];
      return !spec.needsEvidence || hasWhatsAppEvidence(this, request, call, whatsappPayload) ? this.settings.byId.get(spec.provider) : undefined;
    }
    const byUrl = request.url ? hostOfUrl(this, request.url) : undefined;
    if (byUrl) {
      const evidence = !byUrl.shared || hasWhatsAppPath(byUrl.provider, request.url!.text) || hasWhatsAppEvidence(this, request, call, whatsappPayload);
      return evidence ? byUrl.provider : undefined;
    }
    const byPath = providerOfPath(this, request);
    if (byPath) return byPath;
    return whatsappPayload || isHostlessCloudApi(this, request) ? this.settings.byId.get('meta-cloud') : undefined;
  }

  private addCall(call: ProviderCall): void {
    this.calls.push(call);
    this.callByNode.set(call.node, call);
    // The function making the call now reaches the provider too; so does the
    // function around an inline callback (`items.map(async (x) => send(x))`).
    for (let fn = enclosingFunction(call.node); fn; ) {
      if (this.wrappers.has(fn)) break;
      this.wrappers.set(fn, call.provider);
      const parent = fn.parent;
      // also the executor of a promise made by hand (`return new Promise((resolve, reject) => { https.request(…) })`)
      const isCallback = (parent.type === AST_NODE_TYPES.CallExpression || isPromiseExecutor(fn)) && (parent as TSESTree.CallExpression).arguments.includes(fn as TSESTree.CallExpressionArgument);
      fn = isCallback ? enclosingFunction(fn) : undefined;
    }
  }

  /**
   * What a call invokes: a function of this file or of an imported project
   * file, or a wrapper named in settings. An instance this file cannot trace
   * (injected, passed in) calls a method of one of the file's classes when
   * exactly one class declares a method of that name.
   */
  private calleeTarget(call: TSESTree.CallExpression): Target | undefined {
    const callee = skipTransparent(call.callee);
    if (this.silentCallee(call, callee)) return undefined;
    const direct = calleeFunction(this, callee);
    const handed = direct ? undefined : this.handedFunction(callee);
    if (handed?.analysis) return { external: { analysis: handed.analysis, fn: handed.fn }, callee: { fn: handed.fn } };
    const found = direct ?? (handed && { fn: handed.fn }) ?? this.oneOfSeveral(callee) ?? this.untracedMethod(callee);
    if (found) {
      if (programOf(found.fn) === this.sourceCode.ast) return { local: found.fn, callee: found };
      const analysis = this.imports?.analysisOf(found.fn);
      return analysis ? { external: { analysis, fn: found.fn }, callee: found } : undefined;
    }
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    const wrapper = typeof name === 'string' ? this.settings.wrappers.get(name) : undefined;
    return wrapper ? { settings: wrapper } : undefined;
  }

  /**
   * The function a parameter (or a property of one, see `parameterBinding`)
   * is called as, when every call of its function hands the same one: the
   * calls of this file (`runSweep({ send: sendWhatsApp })`, also through a
   * parameter of another function of the file handed on: `start(deps) {
   * run(deps) }`) and those of the files importing it (`handedFunctions` of
   * the caller facts, with the importer's analysis). Outside a call being
   * evaluated inline (there the argument itself is followed). A function no
   * call of is seen, a call that hands something else or something unknown,
   * or callers that hand different functions leave it unknown.
   */
  private handedFunction(callee: Node): { fn: FunctionNode; analysis?: FileAnalysis } | undefined {
    const binding = parameterBinding(this, callee);
    if (!binding || programOf(binding.fn) !== this.sourceCode.ast || boundValue(this, binding) !== undefined) return undefined;
    return this.functionHandedTo(binding, 0) ?? undefined;
  }

  private readonly handedFunctions = new Map<string, { fn: FunctionNode; analysis?: FileAnalysis } | null>();
  /** What the importers' calls hand the file's functions, by binding key (see `handedFunction`). */
  private readonly factFunctions = new Map<string, (ExternalFunction | null)[]>();

  private functionHandedTo(binding: ParameterBinding, depth: number): { fn: FunctionNode; analysis?: FileAnalysis } | null {
    const key = bindingKey(binding);
    const known = this.handedFunctions.get(key);
    if (known !== undefined) return known;
    this.handedFunctions.set(key, null); // recursion
    let agreed: { fn: FunctionNode; analysis?: FileAnalysis } | null | undefined;
    const agree = (found: { fn: FunctionNode; analysis?: FileAnalysis } | null): void => {
      if (agreed === undefined) agreed = found;
      else if (agreed && (!found || found.fn !== agreed.fn)) agreed = null;
    };
    for (const site of this.sitesOf(binding.fn)) {
      if (agreed === null) break;
      agree(depth < MAX_HANDED_DEPTH ? this.functionAt(site, binding, depth) : null);
    }
    for (const fact of this.factFunctions.get(key) ?? []) agree(fact && { fn: fact.fn, analysis: fact.analysis });
    const result = agreed ?? null;
    this.handedFunctions.set(key, result);
    return result;
  }

  /** The function a call hands a binding: the argument, or a property of it as the call writes it. */
  private functionAt(site: TSESTree.CallExpression, binding: ParameterBinding, depth: number): { fn: FunctionNode; analysis?: FileAnalysis } | null {
    let value: Node | undefined = site.arguments[binding.index];
    for (let i = 0; i < binding.path.length; i++) {
      if (!value || value.type === AST_NODE_TYPES.SpreadElement) return null;
      // handed on whole: `run(deps)` inside `start(deps)`
      const outer = parameterBinding(this, value);
      if (outer) return this.functionHandedTo({ ...outer, path: [...outer.path, ...binding.path.slice(i)] }, depth + 1);
      const object = resolveExpression(this, value);
      const property = object.type === AST_NODE_TYPES.ObjectExpression ? findProperty(object, binding.path[i]!) : undefined;
      value = property?.value;
    }
    if (!value || value.type === AST_NODE_TYPES.SpreadElement) return null;
    const current = skipTransparent(value);
    if (isFunction(current)) return { fn: current };
    if (current.type === AST_NODE_TYPES.Identifier) {
      const fn = functionNamed(this, current);
      if (fn) return { fn };
    }
    const outer = parameterBinding(this, current);
    return outer ? this.functionHandedTo(outer, depth + 1) : null;
  }

  /**
   * A call of a function imported from a file that has nothing to say about
   * a provider (`formatDate(d)` from a utils module; see
   * `Resolver.silentImport`), handed no function that might send: it cannot
   * reach a provider, so the other file's analysis is not built for it.
   */
  private silentCallee(call: TSESTree.CallExpression, callee: Node): boolean {
    if (!this.imports) return false;
    let root = callee;
    while (root.type === AST_NODE_TYPES.MemberExpression) root = skipTransparent(root.object);
    if (root.type !== AST_NODE_TYPES.Identifier || findVariable(this.sourceCode, root)?.defs[0]?.type !== 'ImportBinding') return false;
    return !call.arguments.some((argument) => this.mayBeCallback(argument)) && this.imports.silentImport(root);
  }

  /** An argument that is, or may hold, a function: a function expression, a function's name, a method (`this.send`), an object with one. */
  private mayBeCallback(argument: Node): boolean {
    const value = skipTransparent(argument);
    switch (value.type) {
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
        return true;
      case AST_NODE_TYPES.CallExpression:
        // `send.bind(client)`
        return value.callee.type === AST_NODE_TYPES.MemberExpression && memberName(value.callee) === 'bind';
      case AST_NODE_TYPES.MemberExpression: {
        // a method of this class or of an imported object (`this.send`, `whatsapp.send`); `user.phone` is data
        let root: Node = value;
        while (root.type === AST_NODE_TYPES.MemberExpression) root = skipTransparent(root.object);
        return root.type === AST_NODE_TYPES.ThisExpression || (root.type === AST_NODE_TYPES.Identifier && findVariable(this.sourceCode, root)?.defs[0]?.type === 'ImportBinding');
      }
      case AST_NODE_TYPES.SpreadElement:
        return this.mayBeCallback(value.argument);
      case AST_NODE_TYPES.ObjectExpression:
        return value.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement || (p.type === AST_NODE_TYPES.Property && (p.method || this.mayBeCallback(p.value))));
      case AST_NODE_TYPES.ArrayExpression:
        return value.elements.some((e) => e !== null && this.mayBeCallback(e));
      case AST_NODE_TYPES.Identifier: {
        const def = findVariable(this.sourceCode, value)?.defs[0];
        if (!def) return false;
        if (def.type === 'Variable') {
          const init = def.node.init && skipTransparent(def.node.init);
          return init?.type === AST_NODE_TYPES.ArrowFunctionExpression || init?.type === AST_NODE_TYPES.FunctionExpression || def.node.id.type !== AST_NODE_TYPES.Identifier;
        }
        return def.type !== 'Parameter';
      }
      default:
        return false;
    }
  }

  /**
   * The provider call a call of one of several classes' methods is (see
   * `oneOfSeveral`), some of them of this file: when each one reaches a
   * provider, the first one's provider and function.
   */
  private everyOptionSends(options: readonly Callee[]): Pick<ProviderCall, 'provider' | 'wrapper' | 'external'> | undefined {
    const reached = options.map((option) => {
      if (programOf(option.fn) === this.sourceCode.ast) return { provider: this.wrappers.get(option.fn), wrapper: option.fn };
      const analysis = this.imports?.analysisOf(option.fn);
      return { provider: analysis?.wrappers.get(option.fn), external: analysis && { analysis, fn: option.fn } };
    });
    const [first] = reached;
    if (!first?.provider || !reached.every((option) => option.provider)) return undefined;
    return first.wrapper ? { provider: first.provider, wrapper: first.wrapper } : first.external ? { provider: first.provider, external: first.external } : undefined;
  }

  /**
   * A method of one of the classes a factory may make (`getProvider(name)
   * .sendMessage(…)`, see `factoryCallees`), when each of them is declared
   * in another file whose analysis has that method reach a provider: the
   * factory picks among providers, and every pick sends. The call is then
   * a call of the first one's provider (one provider per call: a factory of
   * a Twilio and a Meta class, in that order, names Twilio's codes). A
   * factory that can also make a class whose method reaches none (an email
   * or SMS channel) gives no callee: the arguments that pick are not read.
   */
  private oneOfSeveral(callee: Node): Callee | undefined {
    const options = factoryCallees(this, callee);
    if (options.length === 0 || options.some((option) => programOf(option.fn) === this.sourceCode.ast)) return undefined;
    return this.everyOptionSends(options) ? options[0] : undefined;
  }

  private untracedMethod(callee: Node): Callee | undefined {
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const object = skipTransparent(callee.object);
    const name = memberName(callee);
    if (name === undefined || (object.type !== AST_NODE_TYPES.Identifier && object.type !== AST_NODE_TYPES.MemberExpression)) return undefined;
    if (object.type === AST_NODE_TYPES.MemberExpression && object.object.type === AST_NODE_TYPES.ThisExpression && thisMemberInit(object, this)) return undefined;
    const resolved = resolveExpression(this, object);
    if (resolved !== object && resolved.type !== AST_NODE_TYPES.Identifier && resolved.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    if (object.type === AST_NODE_TYPES.Identifier && findVariable(this.sourceCode, object)?.defs[0]?.type === 'ImportBinding') return undefined;
    const candidates = this.classes.map((c) => classMethod(c, name)).filter((fn): fn is FunctionNode => fn !== undefined);
    return candidates.length === 1 ? { fn: candidates[0]! } : undefined;
  }

  /** The same-file function an identifier names (a declaration or a const holding a function). */
  functionOf(id: TSESTree.Identifier): FunctionNode | undefined {
    const fn = functionNamed(this, id);
    return fn && programOf(fn) === this.sourceCode.ast ? fn : undefined;
  }

  /** The same-file function or method a call invokes, if the file declares it. */
  private callsByFunction: Map<FunctionNode, TSESTree.CallExpression[]> | undefined;

  /**
   * The calls of this file that call `fn` (as {@link calledFunction} reads
   * them), in source order: every call's target is found once, not once per
   * function asked about (a bundle of thousands of functions).
   */
  callsOf(fn: FunctionNode): readonly TSESTree.CallExpression[] {
    if (!this.callsByFunction) {
      const byFunction = new Map<FunctionNode, TSESTree.CallExpression[]>();
      for (const call of this.allCalls) {
        const called = this.calledFunction(call);
        if (!called) continue;
        const list = byFunction.get(called);
        if (list) list.push(call);
        else byFunction.set(called, [call]);
      }
      this.callsByFunction = byFunction;
    }
    return this.callsByFunction.get(fn) ?? [];
  }

  private callsByName: Map<string | number, TSESTree.CallExpression[]> | undefined;

  /** The calls of this file whose callee is named `name` (`name(…)`, `x.name(…)`), in source order. */
  callsNamed(name: string | number): readonly TSESTree.CallExpression[] {
    if (!this.callsByName) {
      const byName = new Map<string | number, TSESTree.CallExpression[]>();
      for (const call of this.allCalls) {
        const callee = skipTransparent(call.callee);
        const called = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
        if (called === undefined) continue;
        const list = byName.get(called);
        if (list) list.push(call);
        else byName.set(called, [call]);
      }
      this.callsByName = byName;
    }
    return this.callsByName.get(name) ?? [];
  }

  private sortedCalls: TSESTree.CallExpression[] | undefined;

  /** The calls of this file inside `[start, end]` (a function's range), in source order, found by a binary search. */
  callsWithin(start: number, end: number): TSESTree.CallExpression[] {
    const sorted = (this.sortedCalls ??= [...this.allCalls].sort((a, b) => a.range[0] - b.range[0]));
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (sorted[mid]!.range[0] < start) low = mid + 1;
      else high = mid;
    }
    const found: TSESTree.CallExpression[] = [];
    for (let i = low; i < sorted.length && sorted[i]!.range[0] <= end; i++) {
      if (sorted[i]!.range[1] <= end) found.push(sorted[i]!);
    }
    return found;
  }

  calledFunction(call: TSESTree.CallExpression): FunctionNode | undefined {
    let fn = this.callees.get(call);
    if (fn === undefined) {
      const target = this.calleeTarget(call);
      fn = target && 'local' in target ? target.local : null;
      this.callees.set(call, fn);
    }
    return fn ?? undefined;
  }

  private readonly innerRequests = new Map<ProviderCall, { analysis: FileAnalysis; request: RequestInfo } | null>();

  /**
   * The HTTP or SDK request a provider call makes: its own, or the first one
   * inside the wrapper (or other file's function) it calls, with the analysis
   * of the file that makes it.
   */
  requestOf(call: ProviderCall | undefined, depth = 0): { analysis: FileAnalysis; request: RequestInfo } | undefined {
    if (!call || depth > MAX_LAYER_DEPTH) return undefined;
    const known = this.innerRequests.get(call);
    if (known !== undefined) return known ?? undefined;
    this.innerRequests.set(call, null);
    let found: { analysis: FileAnalysis; request: RequestInfo } | undefined;
    if (call.request) found = { analysis: this, request: call.request };
    else {
      const owner = call.external ? call.external.analysis : this;
      const fn = call.external?.fn ?? call.wrapper;
      const inner = fn && owner.calls.find((c) => c !== call && c.node.range[0] >= fn.range[0] && c.node.range[1] <= fn.range[1]);
      found = inner && owner.requestOf(inner, depth + 1);
    }
    this.innerRequests.set(call, found ?? null);
    return found;
  }

  /**
   * Does a provider call reject with the error body's fields rather than an
   * HTTP client's error with the body under `response`: `fields`, an error
   * that carries them itself (Twilio's `RestException`: `err.code`,
   * `err.status`), or `body`, the parsed body itself (whatsapp-cloud-api:
   * `err.error.code`)? Followed into the wrappers and other files' functions
   * that make the request.
   */
  rejectsWithBody(call: ProviderCall | undefined): 'fields' | 'body' | undefined {
    const family = this.requestOf(call)?.request.family;
    return family !== undefined && isSdk(family) ? SDKS[family].errorIsBody : undefined;
  }

  /**
   * The HTTP statuses the client of a provider call re-sends by itself after a
   * wait: an SDK created with its retry option on (`twilio(sid, token, { autoRetry: true })`
   * re-sends 429s with backoff).
   */
  clientRetriedStatuses(call: ProviderCall | undefined): readonly number[] {
    const found = this.requestOf(call);
    return found ? sdkRetriedStatuses(found.analysis, found.request) : [];
  }

  /**
   * Does the client of every one of these calls already wait and re-send
   * when the provider answers with this error (all its documented statuses
   * are ones the client re-sends by itself)? Then a retry around them need not
   * wait again for it.
   */
  clientWaitsFor(calls: readonly ProviderCall[], entry: ErrorEntry): boolean {
    return entry.httpStatus.length > 0 && calls.length > 0 && calls.every((call) => entry.httpStatus.every((status) => this.clientRetriedStatuses(call).includes(status)));
  }

  /** The provider call a node is, if any. */
  providerCall(node: Node): ProviderCall | undefined {
    return node.type === AST_NODE_TYPES.CallExpression ? this.callByNode.get(node) : undefined;
  }

  /**
   * The first provider call a `try` block awaits: only an awaited rejection
   * reaches the `catch` (`return send()` inside `try` does not).
   */
  providerCallIn(block: TSESTree.BlockStatement): ProviderCall | undefined {
    const cached = this.tryCalls.get(block);
    if (cached !== undefined) return cached ?? undefined;
    const [start, end] = block.range;
    // a call whose failure an inner `catch` handles without throwing sends nothing to this block's catch
    const found = this.calls.find((c) => c.node.range[0] >= start && c.node.range[1] <= end && isAwaitedWithin(c.node, block) && !swallowedWithin(this, c.node, block)) ?? null;
    this.tryCalls.set(block, found);
    return found ?? undefined;
  }

  /** What a value is, as far as provider outcomes go; `undefined` for anything else. */
  kindOf(node: Node): Kind | undefined {
    if (this.frame) {
      // inside a call evaluated inline, parameters stand for the arguments: nothing is cached
      if (this.inFrame.has(node)) return undefined;
      this.inFrame.add(node);
      try {
        return this.computeKind(node) ?? webhookKind(this, node);
      } finally {
        this.inFrame.delete(node);
      }
    }
    const cached = this.kinds.get(node);
    if (cached !== undefined) return cached ?? undefined;
    this.kinds.set(node, null); // cycles resolve to "unknown"
    const kind = this.computeKind(node) ?? webhookKind(this, node); // webhook: an error of a status webhook (src/analysis/webhook.ts)
    this.kinds.set(node, kind ?? null);
    return kind;
  }

  private readonly inFrame = new Set<Node>();

  private computeKind(node: Node): Kind | undefined {
    switch (node.type) {
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.ChainExpression:
        return this.kindOf(node.expression);
      case AST_NODE_TYPES.AwaitExpression:
        return unwrapPromise(this.kindOf(node.argument));
      case AST_NODE_TYPES.LogicalExpression:
        return node.operator === '&&' ? this.kindOf(node.right) : (this.kindOf(node.left) ?? this.kindOf(node.right));
      case AST_NODE_TYPES.ConditionalExpression:
        // `axios.isAxiosError(err) ? err.response?.data?.error?.code : undefined`
        return this.kindOf(node.consequent) ?? this.kindOf(node.alternate);
      case AST_NODE_TYPES.Identifier:
        return this.identifierKind(node) ?? this.typedIdentifierKind(node);
      case AST_NODE_TYPES.MemberExpression: {
        if (node.object.type === AST_NODE_TYPES.ThisExpression) return undefined;
        const name = memberName(node);
        const object = this.kindOf(node.object);
        const thrower = object?.k === 'error' && name === 'message' ? (object.call?.wrapper ? { analysis: this as FileAnalysis, fn: object.call.wrapper } : object.call?.external) : undefined;
        if (object && thrower?.analysis.throwsProviderMessage(thrower.fn)) {
          // `catch (e) { e.message }` around a wrapper (of this file or another) that throws `new Error(body.error.message)`
          return { k: 'body', provider: object.provider, call: object.call, path: object.provider.messagePaths[0] ?? ['message'] };
        }
        const found = object && name !== undefined ? member(object, name, this) : undefined;
        return found ?? this.thrownFieldKind(node) ?? (this.types && !object ? this.typedMemberKind(node) : undefined);
      }
      case AST_NODE_TYPES.CallExpression:
        return this.callKind(node) ?? (this.types ? this.typedKind(node) : undefined);
      case AST_NODE_TYPES.UnaryExpression:
        // `+req.body.ErrorCode`: a form field's digits as the number
        return node.operator === '+' ? asNumber(this.kindOf(node.argument)) : undefined;
      case AST_NODE_TYPES.NewExpression:
        return this.handMadeKind(node);
      default:
        return undefined;
    }
  }

  /**
   * `err.code` or `err.details.waCode` in the `catch` around a wrapper's call
   * (of this file or another), where the wrapper throws an error class of the
   * app that keeps the provider's code in that field (see `thrownCodeField`):
   * the code, as text when the wrapper made it text.
   */
  private thrownFieldKind(node: TSESTree.MemberExpression): Kind | undefined {
    const path: string[] = [];
    let current: Node = node;
    while (current.type === AST_NODE_TYPES.MemberExpression && path.length < 2) {
      const name = memberName(current);
      if (typeof name !== 'string') return undefined;
      path.unshift(name);
      current = skipTransparent(current.object);
    }
    if (current.type !== AST_NODE_TYPES.Identifier) return undefined;
    const error = this.kindOf(current);
    if (error?.k !== 'error' || !error.call || (!error.call.wrapper && !error.call.external)) return undefined;
    const form = thrownCodeField(this, error.call, path);
    if (!form) return undefined;
    const text = form === 'text' && error.provider.def.codeType === 'number';
    return { k: 'body', provider: error.provider, call: error.call, path: error.provider.codePath, ...(text ? { repr: 'text' as const } : {}) };
  }

  private callKind(node: TSESTree.CallExpression): Kind | undefined {
    const call = this.callByNode.get(node);
    if (call) {
      if (call.request) {
        const settled: Kind = call.request.returns === 'body' ? { k: 'body', provider: call.provider, call, path: [] } : { k: 'response', provider: call.provider, call };
        return { k: 'promise', of: settled, provider: call.provider, call };
      }
      const returned = call.wrapper ? this.returnKind(call.wrapper) : call.external ? rehome(call.external.analysis.returnKind(call.external.fn), call) : undefined;
      return { k: 'promise', of: unwrapPromise(returned), provider: call.provider, call };
    }
    const callee = skipTransparent(node.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      if (UNWRAP_CALLS.has(callee.name) && node.arguments[0]) return this.kindOf(node.arguments[0]);
      if (NUMBER_CALLS.has(callee.name) && node.arguments[0] && !findVariable(this.sourceCode, callee)?.defs.length) return asNumber(this.kindOf(node.arguments[0]));
      if (callee.name === 'errorCodeOf' && this.isCatalogImport(callee)) return this.catalogCode(node);
      return this.helperKind(node);
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = memberName(callee);
    if (typeof method !== 'string') return undefined;
    // `JSON.parse(err.response.body)`: got and superagent errors carry the body as text
    if (method === 'parse' && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'JSON' && node.arguments[0]) {
      const text = this.kindOf(node.arguments[0]);
      return text?.k === 'body' && text.path.length === 0 ? text : undefined;
    }
    // `Buffer.concat(chunks)`, `chunks.join('')`: the pieces of a Node response's body put together
    const gathered = (method === 'concat' && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Buffer') ? node.arguments[0] : method === 'join' ? callee.object : undefined;
    const pieces = gathered?.type === AST_NODE_TYPES.Identifier ? this.gatheredBody(gathered) : undefined;
    if (pieces) return pieces;
    const object = this.kindOf(callee.object);
    if (!object) return this.helperKind(node);
    if (object.k === 'promise') {
      if (method === 'then') {
        const handler = node.arguments[0];
        const result = handler && isFunction(handler) ? this.returnKind(handler) : object.of;
        return { ...object, of: unwrapPromise(result) };
      }
      if (BODY_READS.has(method) && object.of?.k === 'response') return { ...object, of: { k: 'body', provider: object.provider, call: object.call, path: [] } };
      return PROMISE_PASSTHROUGH.has(method) ? object : undefined;
    }
    if ((object.k === 'response' && BODY_READS.has(method)) || (object.k === 'body' && object.path.length === 0 && (method === 'json' || method === 'responseBodyToJSON'))) {
      if (!object.call) return undefined;
      return { k: 'promise', of: { k: 'body', provider: object.provider, call: object.call, path: [] }, provider: object.provider, call: object.call };
    }
    if (object.k === 'response' && method === 'statusCode') return { k: 'status', provider: object.provider, call: object.call };
    if (object.k === 'body' && this.isCodeKind(object)) {
      const fragment = this.fragmentCall(object, node, method);
      if (fragment !== undefined) return fragment ?? undefined;
    }
    if (object.k === 'body' && ARRAY_ELEMENT_RESULTS.has(method)) return { ...object, path: [...object.path, 0] };
    if (object.k === 'body' && STRING_TRANSFORMS.has(method) && this.isMessage(object)) return object;
    // `Buffer.concat(chunks).toString()`: the body's text
    if (object.k === 'body' && object.path.length === 0 && method === 'toString') return object;
    return undefined;
  }

  /**
   * A promise made by hand (`new Promise((resolve, reject) => { … resolve(JSON.parse(data)) … })`):
   * a promise of what its executor resolves it with, the first value of a
   * provider's outcome handed to `resolve`.
   */
  private handMadeKind(node: TSESTree.NewExpression): Kind | undefined {
    const executor = node.arguments[0];
    const resolve = executor && isPromiseExecutor(executor) && isFunction(executor) ? executor.params[0] : undefined;
    if (resolve?.type !== AST_NODE_TYPES.Identifier) return undefined;
    for (const reference of findVariable(this.sourceCode, resolve)?.references ?? []) {
      const call = reference.identifier.parent;
      const value = call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier ? call.arguments[0] : undefined;
      const kind = value && value.type !== AST_NODE_TYPES.SpreadElement ? this.kindOf(value) : undefined;
      if (kind?.call) return { k: 'promise', of: kind, provider: kind.provider, call: kind.call };
    }
    return undefined;
  }

  /**
   * What a `catch` around a provider call holds: the call's error, or the part
   * of the error body its wrapper throws as it is (`throw data.error`,
   * `reject(parsed.error)`, see `thrownBodyPath`).
   */
  private caughtKind(call: ProviderCall): Kind {
    const path = thrownBodyPath(this, call);
    return path ? { k: 'body', provider: call.provider, call, path: [...path] } : { k: 'error', provider: call.provider, call };
  }

  /** Is a body kind at the provider's code path (in whatever representation)? */
  isCodeKind(kind: Kind): boolean {
    return kind.k === 'body' && pathMatches(kind.path, kind.provider.codePath);
  }

  /**
   * A Vonage `type` taken apart to reach its fragment: `type.split('#')`, then
   * `.pop()` or `.at(-1)` of it; `type.slice(type.indexOf('#') + 1)` (also
   * `substring`, `lastIndexOf`). `null` for any other method of a split `type`
   * (its elements are not the code), `undefined` when nothing applies.
   */
  private fragmentCall(object: Kind & { k: 'body' }, node: TSESTree.CallExpression, method: string): Kind | null | undefined {
    if (object.provider.def.codeEncoding !== 'url-fragment') return undefined;
    const [first] = node.arguments;
    if (object.repr === 'split') {
      const last = method === 'pop' || (method === 'at' && first !== undefined && staticValue(this, first) === -1);
      return last ? { ...object, repr: 'fragment' } : null;
    }
    if (object.repr !== undefined || !first) return undefined;
    if (method === 'split' && staticValue(this, first) === '#') return { ...object, repr: 'split' };
    if ((method === 'slice' || method === 'substring' || method === 'substr') && node.arguments.length === 1 && isAfterHash(this, first)) return { ...object, repr: 'fragment' };
    return undefined;
  }

  /**
   * A helper that reads a value off its arguments (`codeOf(err)`, `statusOf(e)`,
   * `this.errorBody(err)`): what it returns, with the arguments bound, as if
   * its return expression were written at the call.
   */
  private helperKind(node: TSESTree.CallExpression): Kind | undefined {
    if (node.arguments.length === 0) return undefined;
    const callee = calleeFunction(this, node.callee);
    if (!callee) return undefined;
    return inline(this, callee, node, () => {
      for (const returned of returnedExpressions(callee.fn)) {
        const kind = this.kindOf(returned);
        if (kind) return kind;
      }
      return undefined;
    });
  }

  /** `errorCodeOf('meta-cloud', body)` from the plugin's catalog gives that provider's code. */
  private catalogCode(node: TSESTree.CallExpression): Kind | undefined {
    const id = node.arguments[0] && staticValue(this, node.arguments[0]);
    const provider = typeof id === 'string' ? this.settings.byId.get(id) : undefined;
    return provider ? { k: 'body', provider, call: undefined, path: provider.codePath } : undefined;
  }

  private isCatalogImport(id: TSESTree.Identifier): boolean {
    const def = findVariable(this.sourceCode, id)?.defs[0];
    return def?.type === 'ImportBinding' && def.parent.type === AST_NODE_TYPES.ImportDeclaration && def.parent.source.value === CATALOG_MODULE;
  }

  /** What a function gives back (the first `return` whose value is known). */
  returnKind(fn: FunctionNode): Kind | undefined {
    for (const returned of returnedExpressions(fn)) {
      const kind = this.kindOf(returned);
      if (kind) return kind;
    }
    return undefined;
  }

  private identifierKind(id: TSESTree.Identifier): Kind | undefined {
    const variable = findVariable(this.sourceCode, id);
    if (!variable) return undefined;
    const def = variable.defs[0];
    if (!def || def.name.type !== AST_NODE_TYPES.Identifier) return undefined;
    const defName = def.name;
    if (def.type === 'CatchClause') {
      const clause = def.node as TSESTree.CatchClause;
      const tryStatement = clause.parent;
      const call = tryStatement.type === AST_NODE_TYPES.TryStatement ? this.providerCallIn(tryStatement.block) : undefined;
      if (!call || !clause.param) return undefined;
      return project(this.caughtKind(call), clause.param, defName, this);
    }
    if (def.type === 'Parameter') return this.parameterKind(def.node as FunctionNode, defName);
    if (def.node.type === AST_NODE_TYPES.VariableDeclarator) {
      const declarator = def.node;
      // a `let` written before this use (`let res = null; … res = await send(…)`): what the last write put there
      if (declarator.id.type === AST_NODE_TYPES.Identifier && variable.references.some((ref) => ref.isWrite() && !ref.init)) {
        const appended = this.appendedBody(variable);
        if (appended) return appended;
        const writes = writesBefore(this, id)?.writes.filter((write) => write.range[0] > id.range[0] || write.range[1] < id.range[1]) ?? [];
        const last = writes.at(-1);
        if (last) return last.operator === '=' ? (this.kindOf(last.right) ?? this.triedKind(last, writes)) : undefined;
      }
      if (declarator.init) return project(this.kindOf(declarator.init), declarator.id, defName, this);
      const loop = declarator.parent.parent;
      if (loop?.type === AST_NODE_TYPES.ForOfStatement) {
        const iterated = this.kindOf(loop.right);
        return iterated?.k === 'body' ? project({ ...iterated, path: [...iterated.path, 0] }, declarator.id, defName, this) : undefined;
      }
      for (const ref of variable.references) {
        if (ref.isWrite() && ref.writeExpr && ref.identifier.parent?.type === AST_NODE_TYPES.AssignmentExpression) {
          const kind = this.kindOf(ref.writeExpr);
          if (kind) return kind;
        }
      }
    }
    return undefined;
  }

  /**
   * A `let` whose last write is a fallback in a `catch` (`try { body =
   * JSON.parse(text); } catch { body = { error: { message: text } }; }`): the
   * `try`'s last write is the other value the variable can hold after the
   * statement, and the one the code reads the provider's fields off.
   */
  private triedKind(last: TSESTree.AssignmentExpression, writes: readonly TSESTree.AssignmentExpression[]): Kind | undefined {
    let node: Node = last;
    while (node.parent && node.parent.type !== AST_NODE_TYPES.CatchClause && !isFunction(node.parent)) node = node.parent;
    const clause = node.parent;
    if (clause?.type !== AST_NODE_TYPES.CatchClause || clause.parent.type !== AST_NODE_TYPES.TryStatement) return undefined;
    const block = clause.parent.block;
    const tried = writes.filter((write) => block.range[0] <= write.range[0] && write.range[1] <= block.range[1]).at(-1);
    return tried?.operator === '=' ? this.kindOf(tried.right) : undefined;
  }

  /** A callback parameter: `.then((res) => …)`, `.catch((err) => …)`, `body.errors.forEach((e) => …)`. */
  private parameterKind(fn: FunctionNode, name: TSESTree.Identifier): Kind | undefined {
    // a call evaluated inline (`isRetryable(err.response.status)`): the argument
    const bound = this.frame ? boundArgument(this, name) : undefined;
    if (bound) return this.kindOf(bound);
    const parent = fn.parent;
    // `shouldRetry(error)`, `retryCondition(err)`, `handleWhen((err) => …)`: the error of the retried provider call.
    const retried = fn.params[0] && contains(fn.params[0], name) ? retryCallbackProvider(this, fn) : undefined;
    if (retried) return project({ k: 'error', provider: retried.provider, call: retried.call }, fn.params[0]!, name, this);
    // `client.interceptors.response.use(ok, (err) => …)`: the error of the provider calls made through the client
    const intercepted = fn.params[0] && contains(fn.params[0], name) ? interceptedProvider(this, fn) : undefined;
    if (intercepted) return project({ k: 'error', provider: intercepted.provider, call: intercepted.call }, fn.params[0]!, name, this);
    const passed = this.errorArgument(fn, name);
    if (passed) return passed;
    // Node's `https.request(options, (res) => …)`: the response, whatever its status
    const request = parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.at(-1) === fn ? this.callByNode.get(parent) : undefined;
    if (request?.request?.family === 'node-http' && fn.params[0] && contains(fn.params[0], name)) return project({ k: 'response', provider: request.provider, call: request }, fn.params[0], name, this);
    if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = memberName(parent.callee);
    const index = parent.arguments.indexOf(fn as TSESTree.CallExpressionArgument);
    const param = fn.params.find((p) => p.range[0] <= name.range[0] && name.range[1] <= p.range[1]);
    if (!param || fn.params.indexOf(param) !== 0) return undefined;
    const object = this.kindOf(parent.callee.object);
    if (!object) return undefined;
    if (object.k === 'promise') {
      if (method === 'then' && index === 0) return project(object.of, param, name, this);
      if ((method === 'then' && index === 1) || method === 'catch') return project(object.call ? this.caughtKind(object.call) : { k: 'error', provider: object.provider, call: object.call }, param, name, this);
      return undefined;
    }
    if (object.k === 'body' && typeof method === 'string' && ARRAY_ELEMENT_CALLBACKS.has(method) && index === 0) {
      return project({ ...object, path: [...object.path, 0] }, param, name, this);
    }
    // `res.on('data', (chunk) => …)` on a Node response: a piece of the body's text
    if (object.k === 'response' && method === 'on' && index === 1 && parent.arguments[0] && staticValue(this, parent.arguments[0]) === 'data' && param.type === AST_NODE_TYPES.Identifier) {
      return object.call ? { k: 'body', provider: object.provider, call: object.call, path: [] } : undefined;
    }
    return undefined;
  }

  /**
   * An array a Node response's body is gathered in (`const chunks = [];
   * res.on('data', (chunk) => chunks.push(chunk))`): every value pushed is a
   * piece of one response's body.
   */
  private gatheredBody(id: TSESTree.Identifier): Kind | undefined {
    const pushed: Node[] = [];
    for (const reference of findVariable(this.sourceCode, id)?.references ?? []) {
      const member = reference.identifier.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier || memberName(member) !== 'push') continue;
      const push = member.parent;
      const value = push?.type === AST_NODE_TYPES.CallExpression && push.callee === member ? push.arguments[0] : undefined;
      if (!value) return undefined;
      pushed.push(value);
    }
    return this.oneBody(pushed);
  }

  /**
   * A `let` the body's text is gathered in (`let data = ''; res.on('data',
   * (chunk) => { data += chunk; })`): every write after its declaration
   * appends a piece of one response's body, so once the response has ended
   * it holds the body as text (`JSON.parse(data)` is the body).
   */
  private appendedBody(variable: NonNullable<ReturnType<typeof findVariable>>): Kind | undefined {
    const appended: Node[] = [];
    for (const reference of variable.references) {
      if (!reference.isWrite() || reference.init) continue;
      const write = reference.identifier.parent;
      if (write?.type !== AST_NODE_TYPES.AssignmentExpression || write.operator !== '+=' || write.left !== reference.identifier) return undefined;
      appended.push(write.right);
    }
    return this.oneBody(appended);
  }

  /** The body whose pieces these are, when each is a piece of the same response's body (its text, see `res.on('data', …)`). */
  private oneBody(pieces: readonly Node[]): Kind | undefined {
    let found: Kind | undefined;
    for (const value of pieces) {
      const piece = this.kindOf(value);
      if (piece?.k !== 'body' || piece.path.length > 0 || !piece.call || (found && found.call !== piece.call)) return undefined;
      found = piece;
    }
    return found;
  }

  /** `errorArgument` by function and parameter index (`null`: no call site passes an error). */
  private readonly errorArguments = new Map<FunctionNode, Map<number, Kind | null>>();

  /**
   * A parameter of a function of this file that a call site passes a
   * provider's error (`catch (e) { throw toAppError(e); }`,
   * `(err) => Promise.reject(this.handleError(err))` in an interceptor): the
   * helper that classifies the error reads it as the error itself.
   */
  private errorArgument(fn: FunctionNode, name: TSESTree.Identifier): Kind | undefined {
    const param = fn.params.find((p) => contains(p, name));
    const index = param ? fn.params.indexOf(param) : -1;
    const fnName = functionName(fn);
    if (!param || index < 0 || fnName === undefined) return undefined;
    const passed = (): Kind | null => {
      for (const call of this.callsNamed(fnName)) {
        const callee = skipTransparent(call.callee);
        const arg = call.arguments[index];
        if (!arg || arg.type === AST_NODE_TYPES.SpreadElement || calleeFunction(this, callee)?.fn !== fn) continue;
        const kind = this.kindOf(arg);
        if (kind?.k === 'error') return kind;
      }
      return null;
    };
    let found: Kind | null | undefined;
    if (this.frame) {
      // inside a call evaluated inline, as for `kindOf`: nothing is cached
      const key = `${index}`;
      const busy = this.errorArgumentsInFrame.get(fn);
      if (busy?.has(key)) return undefined;
      const marks = busy ?? new Set<string>();
      this.errorArgumentsInFrame.set(fn, marks.add(key));
      try {
        found = passed();
      } finally {
        marks.delete(key);
      }
    } else {
      let byIndex = this.errorArguments.get(fn);
      if (!byIndex) this.errorArguments.set(fn, (byIndex = new Map()));
      found = byIndex.get(index);
      if (found === undefined) {
        byIndex.set(index, null); // recursion
        found = passed();
        byIndex.set(index, found);
      }
    }
    return found ? project(found, param, name, this) : undefined;
  }

  private readonly errorArgumentsInFrame = new Map<FunctionNode, Set<string>>();

  private readonly messageThrowers = new Map<FunctionNode, boolean>();
  private readonly typedDeclarations = new Map<unknown, Kind | null>();

  /** The kind a node's type gives it: `ErrorCode<P>`, `ErrorBody<P>` (type-aware mode only). */
  private typedKind(node: Node): Kind | undefined {
    const types = this.types;
    const tsNode = types?.tsNode(node);
    if (!types || !tsNode) return undefined;
    return this.kindOfType(types.checker.getTypeAtLocation(tsNode));
  }

  private kindOfType(type: import('typescript').Type): Kind | undefined {
    const checker = this.types!.checker;
    const owners = this.settings.providers.map((p) => ({ id: p.id, ...(p.def.passesThrough ? { passesThrough: p.def.passesThrough } : {}) }));
    const value = classifyType(type, checker, (id, code) => this.settings.byId.get(id)?.entry(code) !== undefined, owners);
    const provider = value && this.settings.byId.get(value.provider);
    if (!value || !provider) return undefined;
    return { k: 'body', provider, call: undefined, path: value.k === 'code' ? provider.codePath : [] };
  }

  /** A variable's kind from its declared type, once per declaration. */
  private typedIdentifierKind(id: TSESTree.Identifier): Kind | undefined {
    if (!this.types) return undefined;
    const variable = findVariable(this.sourceCode, id);
    const declared = variable?.defs[0]?.name;
    if (!variable || !declared) return undefined;
    const cached = this.typedDeclarations.get(variable);
    if (cached !== undefined) return cached ?? undefined;
    const kind = this.typedKind(declared);
    this.typedDeclarations.set(variable, kind ?? null);
    return kind;
  }

  /** A property's kind from its declared type (`err.code` where `code: ErrorCode<'meta-cloud'>`), once per declaration. */
  private typedMemberKind(node: TSESTree.MemberExpression): Kind | undefined {
    const types = this.types!;
    const tsNode = types.tsNode(node);
    if (!tsNode) return undefined;
    const t = typescript();
    const name = t.isPropertyAccessExpression(tsNode) ? tsNode.name : tsNode;
    const symbol = types.checker.getSymbolAtLocation(name);
    const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    if (!declaration) return this.typedKind(node);
    const cached = this.typedDeclarations.get(declaration);
    if (cached !== undefined) return cached ?? undefined;
    const kind = this.kindOfType(types.checker.getTypeAtLocation(tsNode));
    this.typedDeclarations.set(declaration, kind ?? null);
    return kind;
  }

  /** The SDK client a receiver's type is (`constructor(private api: WhatsAppAPI)`). */
  private typedClient(node: TSESTree.Node): SdkFamily | undefined {
    const tsNode = this.types?.tsNode(node);
    return tsNode ? sdkOfType(this.types!.checker.getTypeAtLocation(tsNode)) : undefined;
  }

  /** The function of another project file a call invokes, when that file reaches a provider. */
  private externalFunction(call: TSESTree.CallExpression): ExternalFunction | undefined {
    const types = this.types!;
    const callee = skipTransparent(call.callee);
    const nameNode = callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee;
    if (nameNode.type !== AST_NODE_TYPES.Identifier) return undefined;
    const tsName = types.tsNode(nameNode);
    if (!tsName || !this.fileAnalysis) return undefined;
    const t = typescript();
    let symbol = types.checker.getSymbolAtLocation(tsName);
    if (symbol && symbol.flags & t.SymbolFlags.Alias) symbol = types.checker.getAliasedSymbol(symbol);
    const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    if (!declaration) return undefined;
    const file = declaration.getSourceFile();
    if (file === types.tsNode(this.sourceCode.ast)?.getSourceFile()) return undefined; // same file: handled without types
    if (!isProjectFile(file, types.program)) return undefined;
    const other = this.fileAnalysis(file.fileName);
    if (!other) return undefined;
    // the function node: a declaration, a method, or a variable's function initializer
    const target = t.isVariableDeclaration(declaration) && declaration.initializer ? declaration.initializer : declaration;
    const fn = other.wrapperEndingAt(target.end);
    return fn ? { analysis: other, fn } : undefined;
  }

  /**
   * The wrapper whose source ends at `end` (a TypeScript declaration's end; its
   * start differs from ESTree's by modifiers such as `export async`).
   */
  wrapperEndingAt(end: number): FunctionNode | undefined {
    for (const fn of this.wrappers.keys()) if (fn.range[1] === end) return fn;
    return undefined;
  }

  /**
   * Does a wrapper throw an Error built from the provider's human-readable
   * text? Also when the throw is in a function of this file that it calls
   * outside a `try` (`sendText(…) { return this.request(…) }`, `request`
   * throwing it).
   */
  throwsProviderMessage(fn: FunctionNode): boolean {
    let found = this.messageThrowers.get(fn);
    if (found === undefined) {
      this.messageThrowers.set(fn, false);
      // `throw new Error(msg)`, `throw Object.assign(new Error(msg), …)`, `const e = new Error(msg); … throw e`
      found = someNode(
        fn.body,
        this.sourceCode.visitorKeys,
        (node) => {
          if (node.type === AST_NODE_TYPES.CallExpression) {
            const called = this.calledFunction(node);
            return !!called && called !== fn && this.wrappers.has(called) && !innermostTry(node, fn) && this.throwsProviderMessage(called);
          }
          if (node.type !== AST_NODE_TYPES.ThrowStatement || !node.argument) return false;
          let thrown: Node = resolveExpression(this, node.argument);
          if (thrown.type === AST_NODE_TYPES.CallExpression && thrown.arguments[0]) thrown = resolveExpression(this, thrown.arguments[0]);
          return thrown.type === AST_NODE_TYPES.NewExpression && thrown.arguments.slice(0, 1).some((arg) => this.containsMessage(arg));
        },
        (node) => isFunction(node) && node !== fn,
      );
      this.messageThrowers.set(fn, found);
    }
    return found;
  }

  private containsMessage(node: Node): boolean {
    const kind = this.kindOf(node);
    if (kind?.k === 'body' && this.isMessage(kind)) return true;
    if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.expressions.some((e) => this.containsMessage(e));
    if (node.type === AST_NODE_TYPES.BinaryExpression) return this.containsMessage(node.left) || this.containsMessage(node.right);
    return false;
  }

  /** Is a body kind one of the provider's human-readable fields (message, title, details)? */
  isMessage(kind: Kind): boolean {
    return kind.k === 'body' && kind.provider.messagePaths.some((path) => pathMatches(kind.path, path));
  }

  /** The provider when `node` is a provider error's human-readable text. */
  messageOf(node: Node): { provider: ProviderInfo; call: ProviderCall | undefined; path: Path } | undefined {
    const kind = this.kindOf(node);
    return kind?.k === 'body' && this.isMessage(kind) ? { provider: kind.provider, call: kind.call, path: kind.path } : undefined;
  }

  /**
   * The provider and entry context when `node` is a provider's error code
   * expression, and how it holds the code (`form`: `url` for a whole Vonage
   * `type`, `text` for a form field's digits, else `code`).
   */
  codeOf(node: Node): { provider: ProviderInfo; call: ProviderCall | undefined; form: CodeForm } | undefined {
    const kind = this.kindOf(node);
    if (kind?.k !== 'body' || !pathMatches(kind.path, kind.provider.codePath) || kind.repr === 'split') return undefined;
    const form: CodeForm = kind.repr === 'text' ? 'text' : kind.provider.def.codeEncoding === 'url-fragment' && kind.repr !== 'fragment' ? 'url' : 'code';
    return { provider: kind.provider, call: kind.call, form };
  }

  /** The provider when `node` is the HTTP status of a provider response. */
  statusOf(node: Node): { provider: ProviderInfo; call: ProviderCall | undefined } | undefined {
    const kind = this.kindOf(node);
    return kind?.k === 'status' ? { provider: kind.provider, call: kind.call } : undefined;
  }
}

/** Is the call's promise awaited (directly, or through `.then()` / `.json()` chains) before leaving `block`? */
/** The calls of a function's parameter inside it: `fn()`, `fn.call(this)`, `fn.apply(this, args)`. */
function invocationsOf(sourceCode: Readonly<TSESLint.SourceCode>, helper: FunctionNode, index: number): TSESTree.CallExpression[] {
  const param = helper.params[index];
  const plain = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  if (plain?.type !== AST_NODE_TYPES.Identifier) return [];
  const variable = sourceCode.scopeManager?.acquire(helper)?.set.get(plain.name);
  if (!variable) return [];
  const found: TSESTree.CallExpression[] = [];
  for (const ref of variable.references) {
    let current: Node = ref.identifier;
    const parent = current.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === current && (memberName(parent) === 'call' || memberName(parent) === 'apply')) current = parent;
    if (current.parent?.type === AST_NODE_TYPES.CallExpression && current.parent.callee === current) found.push(current.parent);
  }
  return found;
}

function isAwaitedWithin(call: Node, block: Node): boolean {
  for (let current: Node | undefined = call; current && current !== block; current = current.parent) {
    const parent: Node | undefined = current.parent;
    if (!parent) return false;
    if (parent.type === AST_NODE_TYPES.AwaitExpression || parent.type === AST_NODE_TYPES.YieldExpression) return true;
    if (parent.type === AST_NODE_TYPES.ForOfStatement && parent.await) return true;
    if (parent.type.endsWith('Statement') || parent.type === AST_NODE_TYPES.VariableDeclaration) {
      // `const p = send(); … await p;` is rare; a statement boundary ends the search
      return false;
    }
  }
  return false;
}

/** A kind from another file's analysis, attached to this file's call (so that uses here are its uses). */
function rehome(kind: Kind | undefined, call: ProviderCall): Kind | undefined {
  if (!kind) return undefined;
  if (kind.k === 'promise') return { ...kind, call, of: rehome(kind.of, call) };
  return { ...kind, call };
}

function unwrapPromise(kind: Kind | undefined): Kind | undefined {
  return kind?.k === 'promise' ? kind.of : kind;
}

function member(kind: Kind, name: string | number, env: FileAnalysis): Kind | undefined {
  const { provider, call } = kind;
  const rejection = kind.k === 'error' ? env.rejectsWithBody(call) : undefined;
  // whatsapp-cloud-api rejects with the error body itself: `err.error.code`, and no status
  if (rejection === 'body') return { k: 'body', provider, call, path: [name] };
  if (rejection === 'fields') {
    // Twilio's RestException: `err.code`, `err.message` are the error body's fields; `err.status` the HTTP status
    if (name === 'status' || name === 'statusCode') return { k: 'status', provider, call };
    if (name === 'error' || name === 'cause') return kind;
    return { k: 'body', provider, call, path: [name] };
  }
  switch (kind.k) {
    case 'response':
      if (name === 'status' || name === 'statusCode') return { k: 'status', provider, call };
      if (name === 'ok') return { k: 'ok', provider, call };
      if (name === 'data' || name === 'body') return { k: 'body', provider, call, path: [] };
      if (name === 'headers') return { k: 'headers', provider, call };
      return undefined;
    case 'error':
      if (name === 'response') return { k: 'response', provider, call };
      if (name === 'status' || name === 'statusCode') return { k: 'status', provider, call };
      if (name === 'data') return { k: 'body', provider, call, path: [] };
      if (name === 'error' || name === 'cause') return kind; // p-retry's context object, a wrapped cause
      return undefined;
    case 'body':
      // `type.split('#')[1]`: the fragment; the other element is the URL before it
      if (kind.repr === 'split') return name === 1 ? { ...kind, repr: 'fragment' } : undefined;
      return { ...kind, path: [...kind.path, name] };
    default:
      return undefined;
  }
}

/** The kind of `target` inside a destructuring `pattern` whose whole value has `kind`. */
function project(kind: Kind | undefined, pattern: Node, target: TSESTree.Identifier, env: FileAnalysis): Kind | undefined {
  if (!kind) return undefined;
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      return pattern === target || pattern.range[0] === target.range[0] ? kind : undefined;
    case AST_NODE_TYPES.AssignmentPattern:
      return project(kind, pattern.left, target, env);
    case AST_NODE_TYPES.ObjectPattern:
      for (const property of pattern.properties) {
        if (!contains(property, target)) continue;
        if (property.type === AST_NODE_TYPES.RestElement) return undefined;
        const key = propertyKeyName(property);
        const next = key === undefined ? undefined : member(kind, key, env);
        return project(next, property.value, target, env);
      }
      return undefined;
    case AST_NODE_TYPES.ArrayPattern:
      for (const [i, element] of pattern.elements.entries()) {
        if (element && contains(element, target) && element.type !== AST_NODE_TYPES.RestElement) return project(member(kind, i, env), element, target, env);
      }
      return undefined;
    default:
      return undefined;
  }
}

function contains(node: Node, inner: Node): boolean {
  return node.range[0] <= inner.range[0] && inner.range[1] <= node.range[1];
}

/**
 * `Number(x)`, `parseInt(x, 10)`, `parseFloat(x)`: a code read as text (a
 * form field) becomes the number the catalog has; a numeric code stays the
 * code (`Number(body.error.code ?? 0)`).
 */
const NUMBER_CALLS = new Set(['Number', 'parseInt', 'parseFloat']);

function asNumber(kind: Kind | undefined): Kind | undefined {
  if (kind?.k === 'body' && kind.repr === undefined && kind.provider.def.codeType === 'number' && pathMatches(kind.path, kind.provider.codePath)) return kind;
  if (kind?.k !== 'body' || kind.repr !== 'text') return undefined;
  const { repr: _text, ...number } = kind;
  return number;
}

/** `x.indexOf('#') + 1` (or `lastIndexOf`): the position after a URL's `#`. */
function isAfterHash(env: FileAnalysis, node: Node): boolean {
  const current = skipTransparent(node);
  if (current.type !== AST_NODE_TYPES.BinaryExpression || current.operator !== '+' || staticValue(env, current.right) !== 1) return false;
  const left = skipTransparent(current.left);
  if (left.type !== AST_NODE_TYPES.CallExpression || left.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(left.callee);
  return (method === 'indexOf' || method === 'lastIndexOf') && left.arguments[0] !== undefined && staticValue(env, left.arguments[0]) === '#';
}
