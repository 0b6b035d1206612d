/**
 * The per-file analysis: which calls reach a provider (directly through an HTTP
 * client, or through same-file wrapper functions and methods), and which
 * values carry their outcome (response, parsed body, caught error, HTTP status,
 * error code). Built once per file and shared by every rule.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  enclosingClass,
  enclosingFunction,
  findProperty,
  findVariable,
  isFunction,
  memberName,
  propertyKeyName,
  skipTransparent,
  someNode,
  walkNodes,
  type FunctionNode,
  type Node,
} from './ast.js';
import { classifyRequest, isCloudApiPayload, isSdk, type RequestInfo, type SdkFamily } from './clients.js';
import { classifyType, isProjectFile, sdkOfType, typescript, type TypeInfo } from './types.js';
import type { AnalysisEnv } from './env.js';
import { pathMatches, type ProviderInfo } from './providers.js';
import type { ResolvedSettings } from './settings.js';
import { retryCallbackProvider } from './retry-libraries.js';
import { providerOfUrl, resolveExpression, staticValue } from './values.js';
import { webhookKind } from './webhook.js'; // webhook: errors of WhatsApp status webhooks

export interface ProviderCall {
  readonly node: TSESTree.CallExpression;
  readonly provider: ProviderInfo;
  /** Set for a direct HTTP request. */
  readonly request?: RequestInfo;
  /** Set for a call of a same-file function that reaches the provider. */
  readonly wrapper?: FunctionNode;
  /** Set for a call of a function declared in another file (found with type information). */
  readonly external?: ExternalFunction;
}

/** A function of another project file, with that file's analysis. */
export interface ExternalFunction {
  readonly analysis: FileAnalysis;
  readonly fn: FunctionNode;
}

export interface AnalysisOptions {
  /** Type information, when the parser has a program. */
  readonly types?: TypeInfo;
  /** The analysis of another project file (type-aware mode), or `undefined` when it reaches no provider. */
  readonly fileAnalysis?: (fileName: string) => FileAnalysis | undefined;
}

type Path = readonly (string | number)[];

/** What a value is, as far as provider outcomes go. */
export type Kind =
  | { readonly k: 'promise'; readonly of: Kind | undefined; readonly provider: ProviderInfo; readonly call: ProviderCall }
  | { readonly k: 'response'; readonly provider: ProviderInfo; readonly call: ProviderCall | undefined }
  | { readonly k: 'body'; readonly provider: ProviderInfo; readonly call: ProviderCall | undefined; readonly path: Path; readonly source?: 'webhook' } // webhook: source
  | { readonly k: 'error'; readonly provider: ProviderInfo; readonly call: ProviderCall | undefined }
  | { readonly k: 'status'; readonly provider: ProviderInfo; readonly call: ProviderCall | undefined }
  | { readonly k: 'ok'; readonly provider: ProviderInfo; readonly call: ProviderCall | undefined }
  | { readonly k: 'headers'; readonly provider: ProviderInfo; readonly call: ProviderCall | undefined };

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
  private readonly callByNode = new Map<TSESTree.CallExpression, ProviderCall>();
  /** Same-file functions that reach a provider, and which one. */
  readonly wrappers = new Map<FunctionNode, ProviderInfo>();
  private readonly kinds = new Map<Node, Kind | null>();
  private readonly tryCalls = new Map<TSESTree.BlockStatement, ProviderCall | null>();
  private readonly classes: (TSESTree.ClassDeclaration | TSESTree.ClassExpression)[] = [];
  private readonly callees = new Map<TSESTree.CallExpression, FunctionNode | null>();

  readonly types: TypeInfo | undefined;
  private readonly fileAnalysis: ((fileName: string) => FileAnalysis | undefined) | undefined;
  readonly typeClient?: (node: TSESTree.Node) => SdkFamily | undefined;

  constructor(
    readonly sourceCode: Readonly<TSESLint.SourceCode>,
    readonly settings: ResolvedSettings,
    options: AnalysisOptions = {},
  ) {
    this.types = options.types;
    this.fileAnalysis = options.fileAnalysis;
    if (this.types) this.typeClient = (node) => this.typedClient(node);
    const calls = this.allCalls;
    const classes = this.classes;
    this.walk(sourceCode.ast, calls, classes);
    const pending: [TSESTree.CallExpression, FunctionNode | ProviderInfo][] = [];
    for (const call of calls) {
      const request = classifyRequest(this, call);
      const provider = request && this.requestProvider(request);
      if (request && provider) {
        this.addCall({ node: call, provider, request });
        continue;
      }
      const target = this.calleeTarget(call, classes);
      if (target) {
        pending.push([call, target]);
        continue;
      }
      const external = this.types ? this.externalFunction(call) : undefined;
      const reached = external && external.analysis.wrappers.get(external.fn);
      if (external && reached) this.addCall({ node: call, provider: reached, external });
    }
    // Wrappers: follow calls of same-file functions until nothing changes.
    let changed = true;
    while (changed && pending.length > 0) {
      changed = false;
      for (let i = pending.length - 1; i >= 0; i--) {
        const [call, target] = pending[i]!;
        const provider = isFunction(target as Node) ? this.wrappers.get(target as FunctionNode) : (target as ProviderInfo);
        if (!provider) continue;
        this.addCall({ node: call, provider, ...(isFunction(target as Node) ? { wrapper: target as FunctionNode } : {}) });
        pending.splice(i, 1);
        changed = true;
      }
    }
  }

  /** One pass over the file: its calls (in source order) and classes. */
  private walk(root: Node, calls: TSESTree.CallExpression[], classes: (TSESTree.ClassDeclaration | TSESTree.ClassExpression)[]): void {
    walkNodes(root, this.sourceCode.visitorKeys, (node) => {
      if (node.type === AST_NODE_TYPES.CallExpression) calls.push(node);
      else if (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) classes.push(node);
    });
  }

  private requestProvider(request: RequestInfo): ProviderInfo | undefined {
    if (isSdk(request.family)) return this.settings.byId.get('meta-cloud');
    const byUrl = request.url ? providerOfUrl(this, request.url) : undefined;
    if (byUrl) return byUrl;
    return isCloudApiPayload(this, request.data) ? this.settings.byId.get('meta-cloud') : undefined;
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
      const isCallback = parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(fn as TSESTree.CallExpressionArgument);
      fn = isCallback ? enclosingFunction(fn) : undefined;
    }
  }

  /** The same-file function a call invokes, or the provider of a wrapper named in settings. */
  private calleeTarget(
    call: TSESTree.CallExpression,
    classes: readonly (TSESTree.ClassDeclaration | TSESTree.ClassExpression)[],
  ): FunctionNode | ProviderInfo | undefined {
    const callee = skipTransparent(call.callee);
    const name =
      callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const fn = this.functionOf(callee);
      if (fn) return fn;
    } else if (callee.type === AST_NODE_TYPES.MemberExpression && typeof name === 'string') {
      const fn = this.methodOf(callee, name, classes);
      if (fn) return fn;
    }
    return typeof name === 'string' ? this.settings.wrappers.get(name) : undefined;
  }

  /** The same-file function an identifier names (a declaration or a const holding a function). */
  functionOf(id: TSESTree.Identifier): FunctionNode | undefined {
    const variable = findVariable(this.sourceCode, id);
    const def = variable?.defs[0];
    if (!def || (def.type !== 'FunctionName' && def.type !== 'Variable')) return undefined;
    if (def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
    if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
      const init = skipTransparent(def.node.init);
      if (isFunction(init)) return init;
    }
    return undefined;
  }

  private methodOf(
    callee: TSESTree.MemberExpression,
    name: string,
    classes: readonly (TSESTree.ClassDeclaration | TSESTree.ClassExpression)[],
  ): FunctionNode | undefined {
    const object = skipTransparent(callee.object);
    const ownClass = object.type === AST_NODE_TYPES.ThisExpression ? enclosingClass(callee) : undefined;
    if (ownClass) return classMethod(ownClass, name);
    if (object.type === AST_NODE_TYPES.ThisExpression) {
      // a method of an object literal calling a sibling: `{ post() {…}, send() { return this.post() } }`
      const method = enclosingFunction(callee);
      const holder = method?.parent?.type === AST_NODE_TYPES.Property ? method.parent.parent : undefined;
      if (holder?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
      const property = findProperty(holder, name);
      const value = property && skipTransparent(property.value);
      return value && isFunction(value) ? value : undefined;
    }
    const resolved = resolveExpression(this, object);
    if (resolved.type === AST_NODE_TYPES.ObjectExpression) {
      const property = findProperty(resolved, name);
      const value = property && skipTransparent(property.value);
      return value && isFunction(value) ? value : undefined;
    }
    if (resolved.type === AST_NODE_TYPES.NewExpression && resolved.callee.type === AST_NODE_TYPES.Identifier) {
      const cls = classes.find((c) => c.id?.name === (resolved.callee as TSESTree.Identifier).name);
      return cls ? classMethod(cls, name) : undefined;
    }
    // An instance this file cannot trace (injected, passed in): a method of that
    // name in one of the file's classes, when exactly one class declares it.
    if (object.type !== AST_NODE_TYPES.Identifier && object.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const candidates = classes.map((c) => classMethod(c, name)).filter((fn): fn is FunctionNode => fn !== undefined);
    return candidates.length === 1 ? candidates[0] : undefined;
  }

  /** The same-file function or method a call invokes, if the file declares it. */
  calledFunction(call: TSESTree.CallExpression): FunctionNode | undefined {
    let fn = this.callees.get(call);
    if (fn === undefined) {
      const target = this.calleeTarget(call, this.classes);
      fn = target && isFunction(target as Node) ? (target as FunctionNode) : null;
      this.callees.set(call, fn);
    }
    return fn ?? undefined;
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
    const found = this.calls.find((c) => c.node.range[0] >= start && c.node.range[1] <= end && isAwaitedWithin(c.node, block)) ?? null;
    this.tryCalls.set(block, found);
    return found ?? undefined;
  }

  /** What a value is, as far as provider outcomes go; `undefined` for anything else. */
  kindOf(node: Node): Kind | undefined {
    const cached = this.kinds.get(node);
    if (cached !== undefined) return cached ?? undefined;
    this.kinds.set(node, null); // cycles resolve to "unknown"
    const kind = this.computeKind(node) ?? webhookKind(this, node); // webhook: an error of a status webhook (src/analysis/webhook.ts)
    this.kinds.set(node, kind ?? null);
    return kind;
  }

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
      case AST_NODE_TYPES.Identifier:
        return this.identifierKind(node) ?? this.typedIdentifierKind(node);
      case AST_NODE_TYPES.MemberExpression: {
        if (node.object.type === AST_NODE_TYPES.ThisExpression) return undefined;
        const name = memberName(node);
        const object = this.kindOf(node.object);
        if (object?.k === 'error' && name === 'message' && object.call?.wrapper && this.throwsProviderMessage(object.call.wrapper)) {
          // `catch (e) { e.message }` around a wrapper that throws `new Error(body.error.message)`
          return { k: 'body', provider: object.provider, call: object.call, path: object.provider.messagePaths[0] ?? ['message'] };
        }
        const found = object && name !== undefined ? member(object, name) : undefined;
        return found ?? (this.types && !object ? this.typedMemberKind(node) : undefined);
      }
      case AST_NODE_TYPES.CallExpression:
        return this.callKind(node) ?? (this.types ? this.typedKind(node) : undefined);
      default:
        return undefined;
    }
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
      if (callee.name === 'errorCodeOf' && this.isCatalogImport(callee)) return this.catalogCode(node);
      return undefined;
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = memberName(callee);
    if (typeof method !== 'string') return undefined;
    // `JSON.parse(err.response.body)`: got and superagent errors carry the body as text
    if (method === 'parse' && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'JSON' && node.arguments[0]) {
      const text = this.kindOf(node.arguments[0]);
      return text?.k === 'body' && text.path.length === 0 ? text : undefined;
    }
    const object = this.kindOf(callee.object);
    if (!object) return undefined;
    if (object.k === 'promise') {
      if (method === 'then') {
        const handler = node.arguments[0];
        const result = handler && isFunction(handler) ? this.returnKind(handler) : object.of;
        return { ...object, of: unwrapPromise(result) };
      }
      if (method === 'json' && object.of?.k === 'response') return { ...object, of: { k: 'body', provider: object.provider, call: object.call, path: [] } };
      return PROMISE_PASSTHROUGH.has(method) ? object : undefined;
    }
    if ((object.k === 'response' || (object.k === 'body' && object.path.length === 0)) && (method === 'json' || method === 'responseBodyToJSON')) {
      if (!object.call) return undefined;
      return { k: 'promise', of: { k: 'body', provider: object.provider, call: object.call, path: [] }, provider: object.provider, call: object.call };
    }
    if (object.k === 'response' && method === 'statusCode') return { k: 'status', provider: object.provider, call: object.call };
    if (object.k === 'body' && ARRAY_ELEMENT_RESULTS.has(method)) return { ...object, path: [...object.path, 0] };
    if (object.k === 'body' && STRING_TRANSFORMS.has(method) && this.isMessage(object)) return object;
    return undefined;
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
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return this.kindOf(fn.body);
    for (const statement of returnStatements(fn.body)) {
      const kind = statement.argument ? this.kindOf(statement.argument) : undefined;
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
      return project({ k: 'error', provider: call.provider, call }, clause.param, defName, this);
    }
    if (def.type === 'Parameter') return this.parameterKind(def.node as FunctionNode, defName);
    if (def.node.type === AST_NODE_TYPES.VariableDeclarator) {
      const declarator = def.node;
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

  /** A callback parameter: `.then((res) => …)`, `.catch((err) => …)`, `body.errors.forEach((e) => …)`. */
  private parameterKind(fn: FunctionNode, name: TSESTree.Identifier): Kind | undefined {
    const parent = fn.parent;
    // `shouldRetry(error)`, `retryCondition(err)`, `handleWhen((err) => …)`: the error of the retried provider call.
    const retried = fn.params[0] && contains(fn.params[0], name) ? retryCallbackProvider(this, fn) : undefined;
    if (retried) return project({ k: 'error', provider: retried.provider, call: retried.call }, fn.params[0]!, name, this);
    if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = memberName(parent.callee);
    const index = parent.arguments.indexOf(fn as TSESTree.CallExpressionArgument);
    const param = fn.params.find((p) => p.range[0] <= name.range[0] && name.range[1] <= p.range[1]);
    if (!param || fn.params.indexOf(param) !== 0) return undefined;
    const object = this.kindOf(parent.callee.object);
    if (!object) return undefined;
    if (object.k === 'promise') {
      if (method === 'then' && index === 0) return project(object.of, param, name, this);
      if ((method === 'then' && index === 1) || method === 'catch') return project({ k: 'error', provider: object.provider, call: object.call }, param, name, this);
      return undefined;
    }
    if (object.k === 'body' && typeof method === 'string' && ARRAY_ELEMENT_CALLBACKS.has(method) && index === 0) {
      return project({ ...object, path: [...object.path, 0] }, param, name, this);
    }
    return undefined;
  }

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
    const ids = this.settings.providers.map((p) => p.id);
    const value = classifyType(type, checker, (id, code) => this.settings.byId.get(id)?.entry(code) !== undefined, ids);
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

  /** Does a wrapper throw an Error built from the provider's human-readable text? */
  private throwsProviderMessage(fn: FunctionNode): boolean {
    let found = this.messageThrowers.get(fn);
    if (found === undefined) {
      this.messageThrowers.set(fn, false);
      // `throw new Error(msg)`, `throw Object.assign(new Error(msg), …)`, `const e = new Error(msg); … throw e`
      found = someNode(
        fn.body,
        this.sourceCode.visitorKeys,
        (node) => {
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

  /** The provider and entry context when `node` is a provider's error code expression. */
  codeOf(node: Node): { provider: ProviderInfo; call: ProviderCall | undefined } | undefined {
    const kind = this.kindOf(node);
    return kind?.k === 'body' && pathMatches(kind.path, kind.provider.codePath) ? { provider: kind.provider, call: kind.call } : undefined;
  }

  /** The provider when `node` is the HTTP status of a provider response. */
  statusOf(node: Node): { provider: ProviderInfo; call: ProviderCall | undefined } | undefined {
    const kind = this.kindOf(node);
    return kind?.k === 'status' ? { provider: kind.provider, call: kind.call } : undefined;
  }
}

/** Is the call's promise awaited (directly, or through `.then()` / `.json()` chains) before leaving `block`? */
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

function classMethod(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string): FunctionNode | undefined {
  for (const element of cls.body.body) {
    if ((element.type === AST_NODE_TYPES.MethodDefinition || element.type === AST_NODE_TYPES.PropertyDefinition) && propertyKeyName(element) === name) {
      const value = element.value && skipTransparent(element.value);
      if (value && isFunction(value)) return value;
    }
  }
  return undefined;
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

function member(kind: Kind, name: string | number): Kind | undefined {
  const { provider, call } = kind;
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
        const next = key === undefined ? undefined : member(kind, key);
        return project(next, property.value, target, env);
      }
      return undefined;
    case AST_NODE_TYPES.ArrayPattern:
      for (const [i, element] of pattern.elements.entries()) {
        if (element && contains(element, target) && element.type !== AST_NODE_TYPES.RestElement) return project(member(kind, i), element, target, env);
      }
      return undefined;
    default:
      return undefined;
  }
}

function contains(node: Node, inner: Node): boolean {
  return node.range[0] <= inner.range[0] && inner.range[1] <= node.range[1];
}

/** `return` statements of a function body, not of nested functions. */
function returnStatements(body: TSESTree.BlockStatement): TSESTree.ReturnStatement[] {
  const found: TSESTree.ReturnStatement[] = [];
  const visit = (node: Node): void => {
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      found.push(node);
      return;
    }
    if (isFunction(node) || node.type === AST_NODE_TYPES.ClassBody) return;
    for (const value of Object.values(node)) {
      if (value === node.parent) continue;
      if (Array.isArray(value)) for (const item of value) if (item && typeof item === 'object' && 'type' in item) visit(item as Node);
      if (value && typeof value === 'object' && 'type' in value && value !== node.parent) visit(value as Node);
    }
  };
  for (const statement of body.body) visit(statement);
  return found;
}
