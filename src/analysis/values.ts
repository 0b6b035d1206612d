/**
 * Static evaluation within one file: constants followed through declarations,
 * object properties, enum members and class fields; URLs built from literals,
 * templates, concatenation, `new URL()` and environment variables.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { enclosingClass, enclosingFunction, findProperty, findVariable, isEnvironmentObject, isFunction, memberName, programOf, propertyKeyName, skipTransparent, sourceCodeOf, walkNodes, type FunctionNode, type Node } from './ast.js';
import { withFrame, type AnalysisEnv, type Frame } from './env.js';
import type { ProviderInfo } from './providers.js';

const MAX_DEPTH = 12;

/**
 * `constInit` by identifier, with the SourceCode its scope was looked up in
 * (the answer depends on nothing else); asked again and again, e.g. for each
 * code a retry walk tries.
 */
const constInits = new WeakMap<TSESTree.Identifier, { readonly sourceCode: Readonly<TSESLint.SourceCode>; readonly init: TSESTree.Expression | undefined }>();

/** The initializer of a variable that is assigned once (`const`, or a `let` never reassigned). */
export function constInit(env: AnalysisEnv, id: TSESTree.Identifier): TSESTree.Expression | undefined {
  const sourceCode = sourceCodeOf(env.sourceCode, id);
  const known = constInits.get(id);
  if (known?.sourceCode === sourceCode) return known.init;
  const init = computeConstInit(sourceCode, id);
  constInits.set(id, { sourceCode, init });
  return init;
}

function computeConstInit(sourceCode: Readonly<TSESLint.SourceCode>, id: TSESTree.Identifier): TSESTree.Expression | undefined {
  const variable = findVariable(sourceCode, id);
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0]!;
  if (def.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) return undefined;
  if (variable.references.some((ref) => ref.isWrite() && !ref.init)) return undefined;
  return def.node.init;
}

/**
 * The value a class gives `this.name`: a field initializer or the first
 * `this.name = …` in its methods, else what a base class gives it (`class
 * TemplateSender extends GraphApi`, `GraphApi` here or in an imported file
 * setting `this.baseUrl` in its constructor).
 */
export function thisMemberInit(member: TSESTree.MemberExpression, env: AnalysisEnv): Node | undefined {
  const name = memberName(member);
  const cls = enclosingClass(member);
  if (name === undefined || !cls) return undefined;
  return classMemberInit(cls, name) ?? inheritedMemberInit(env, cls, name);
}

/** How many base classes a member or method is looked up through (`A extends B`, `B extends C`). */
const MAX_BASE_DEPTH = 3;

/** The base classes of a class, nearest first, as far as the code shows them (here or in imported files). */
function baseClasses(env: AnalysisEnv, cls: ClassNode): ClassNode[] {
  const found: ClassNode[] = [];
  let current = cls;
  while (found.length < MAX_BASE_DEPTH && current.superClass) {
    const base = classOf(env, current.superClass);
    if (!base || base === cls || found.includes(base)) break;
    found.push(base);
    current = base;
  }
  return found;
}

/**
 * What a base class gives `this.name`, when the class itself does not: the
 * base's field or assignment; a base constructor parameter it is set from
 * stands for what the derived constructor passes to `super(…)` there.
 */
function inheritedMemberInit(env: AnalysisEnv, cls: ClassNode, name: string | number): Node | undefined {
  let derived = cls;
  for (const base of baseClasses(env, cls)) {
    const init = classMemberInit(base, name);
    if (init) return superArgumentFor(env, derived, base, init) ?? init;
    derived = base;
  }
  return undefined;
}

/** `constructor() { super(GRAPH_URL) }` with the base's `constructor(url) { this.url = url }`: the argument for the base's parameter. */
function superArgumentFor(env: AnalysisEnv, derived: ClassNode, base: ClassNode, init: Node): Node | undefined {
  if (init.type !== AST_NODE_TYPES.Identifier) return undefined;
  const ctor = constructorOf(base);
  const def = findVariable(env.sourceCode, init)?.defs[0];
  if (!ctor || def?.type !== 'Parameter' || def.node !== ctor) return undefined;
  const index = ctor.params.findIndex((p) => p.range[0] <= def.name.range[0] && def.name.range[1] <= p.range[1]);
  const superCall = constructorOf(derived)?.body?.body.find(
    (s): s is TSESTree.ExpressionStatement => s.type === AST_NODE_TYPES.ExpressionStatement && s.expression.type === AST_NODE_TYPES.CallExpression && s.expression.callee.type === AST_NODE_TYPES.Super,
  );
  const argument = superCall && (superCall.expression as TSESTree.CallExpression).arguments[index];
  return argument && argument.type !== AST_NODE_TYPES.SpreadElement ? argument : undefined;
}

/** A method a class inherits (`this.request(…)` where a base class, here or in an imported file, declares `request`). */
export function inheritedMethod(env: AnalysisEnv, cls: ClassNode, name: string | number): FunctionNode | undefined {
  for (const base of baseClasses(env, cls)) {
    const fn = classMethod(base, name);
    if (fn) return fn;
  }
  return undefined;
}

/**
 * The value a class gives its instances' `name`: a field initializer, a
 * getter's return, the first `this.name = …` in its methods, or a
 * constructor parameter property (the parameter itself).
 */
function classMemberInit(cls: ClassNode, name: string | number): TSESTree.Expression | undefined {
  for (const element of cls.body.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && !element.static && propertyKeyName(element) === name && element.value) {
      return element.value;
    }
  }
  for (const element of cls.body.body) {
    if (element.type !== AST_NODE_TYPES.MethodDefinition || !element.value.body) continue;
    // `get baseUrl() { return \`${GRAPH}/${VERSION}\`; }`
    if (element.kind === 'get' && propertyKeyName(element) === name) {
      const returned = element.value.body.body.find((s): s is TSESTree.ReturnStatement => s.type === AST_NODE_TYPES.ReturnStatement);
      if (returned?.argument) return returned.argument;
    }
    const found = findThisAssignment(element.value.body, name);
    if (found) return found;
  }
  // `constructor(private readonly baseUrl: string)`: the parameter (bound when the instance's construction is known)
  const constructor = constructorOf(cls);
  for (const param of constructor?.params ?? []) {
    if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
    const inner = param.parameter.type === AST_NODE_TYPES.AssignmentPattern ? param.parameter.left : param.parameter;
    if (inner.type === AST_NODE_TYPES.Identifier && inner.name === name) return inner;
  }
  return undefined;
}

/**
 * `new C(args).name`, reached through a field (`this.api.mediaApi` where
 * `api = new Api()` and `Api` has `mediaApi = new MediaApi(this.graph)`):
 * what class `C` gives the member; a constructor parameter it is set from
 * stands for the argument given to `new`, or the parameter's default.
 */
function instanceMemberInit(env: AnalysisEnv, construction: TSESTree.NewExpression, name: string | number): Node | undefined {
  const cls = classOf(env, construction.callee);
  const init = cls && classMemberInit(cls, name);
  if (!cls || !init || init.type !== AST_NODE_TYPES.Identifier) return init;
  const ctor = constructorOf(cls);
  const def = findVariable(env.sourceCode, init)?.defs[0];
  if (!ctor || def?.type !== 'Parameter' || def.node !== ctor) return init;
  const index = ctor.params.findIndex((p) => p.range[0] <= def.name.range[0] && def.name.range[1] <= p.range[1]);
  const argument = construction.arguments[index];
  if (argument && argument.type !== AST_NODE_TYPES.SpreadElement) return argument;
  const param = ctor.params[index];
  const plain = param?.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
  return plain?.type === AST_NODE_TYPES.AssignmentPattern ? plain.right : undefined;
}

/** A class's constructor function, if it declares one. */
export function constructorOf(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression): TSESTree.FunctionExpression | undefined {
  for (const element of cls.body.body) {
    if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor' && element.value.type === AST_NODE_TYPES.FunctionExpression) return element.value;
  }
  return undefined;
}

/**
 * The argument a parameter is bound to in the current frame (a call being
 * evaluated inline), or its default value when the call leaves it out.
 */
export function boundArgument(env: AnalysisEnv, id: TSESTree.Identifier): Node | undefined {
  if (!env.frame) return undefined;
  const def = findVariable(env.sourceCode, id)?.defs[0];
  if (def?.type !== 'Parameter') return undefined;
  const fn = def.node as FunctionNode;
  for (let frame: Frame | undefined = env.frame; frame; frame = frame.outer) {
    if (frame.fn !== fn) continue;
    const index = fn.params.findIndex((p) => containsNode(p, def.name));
    const param = fn.params[index];
    if (!param) return undefined;
    const plain = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
    const argument = frame.args[index];
    if (plain.type === AST_NODE_TYPES.Identifier) return argument;
    if (plain.type === AST_NODE_TYPES.AssignmentPattern && plain.left.type === AST_NODE_TYPES.Identifier) {
      return argument && !(argument.type === AST_NODE_TYPES.Identifier && argument.name === 'undefined') ? argument : plain.right;
    }
    const pattern = plain.type === AST_NODE_TYPES.AssignmentPattern ? plain.left : plain;
    if (pattern.type === AST_NODE_TYPES.ObjectPattern && def.name.type === AST_NODE_TYPES.Identifier) return destructuredArgument(env, pattern, def.name, argument);
    return undefined; // array patterns and nested destructuring are not followed
  }
  return undefined;
}

/**
 * A parameter destructured from an options object (`function call({ url, body
 * = {} })`): the value the call's object literal gives that property
 * (`call({ url: `${GRAPH}/${id}/messages` })`), or the property's default
 * when the object leaves it out. One level of destructuring, plain keys; an
 * argument that is not an object literal (after constants), or one with a
 * spread, leaves it unknown.
 */
function destructuredArgument(env: AnalysisEnv, pattern: TSESTree.ObjectPattern, name: TSESTree.Identifier, argument: Node | undefined): Node | undefined {
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
    const value = property.value;
    const target = value.type === AST_NODE_TYPES.AssignmentPattern ? value.left : value;
    if (target !== name) continue;
    const keyName = propertyKeyName(property);
    if (keyName === undefined) return undefined;
    const key = String(keyName);
    const fallback = value.type === AST_NODE_TYPES.AssignmentPattern ? value.right : undefined;
    const object = argument && resolveExpression(env, argument);
    if (!object) return fallback;
    if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const given = findProperty(object, key);
    // a spread after the property (or anywhere, when the property is missing) may give it another value
    const spreadFrom = given ? object.properties.indexOf(given) : -1;
    if (object.properties.some((p, i) => i > spreadFrom && p.type === AST_NODE_TYPES.SpreadElement)) return undefined;
    if (given) return given.value.type === AST_NODE_TYPES.AssignmentPattern ? undefined : given.value;
    return fallback;
  }
  return undefined;
}

function containsNode(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1] && programOf(outer) === programOf(inner);
}

export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** A method (or function-valued field) of a class, static ones included. */
export function classMethod(cls: ClassNode, name: string | number): FunctionNode | undefined {
  for (const element of cls.body.body) {
    const accessor = element.type === AST_NODE_TYPES.MethodDefinition && (element.kind === 'get' || element.kind === 'set');
    if ((element.type === AST_NODE_TYPES.MethodDefinition || element.type === AST_NODE_TYPES.PropertyDefinition) && !accessor && propertyKeyName(element) === name) {
      const value = element.value && skipTransparent(element.value);
      if (value && isFunction(value)) return value;
    }
  }
  return undefined;
}

/** The class an expression names (a class declaration or expression, here or in an imported file). */
export function classOf(env: AnalysisEnv, node: Node): ClassNode | undefined {
  const current = skipTransparent(node);
  if (current.type === AST_NODE_TYPES.Identifier) {
    const def = findVariable(env.sourceCode, current)?.defs[0];
    if (def?.type === 'ClassName') return def.node as ClassNode;
  }
  const resolved = resolveExpression(env, current);
  return resolved.type === AST_NODE_TYPES.ClassDeclaration || resolved.type === AST_NODE_TYPES.ClassExpression ? resolved : undefined;
}

/**
 * The class named by a type annotation (`WhatsAppService`, `private readonly wa: WhatsAppService`).
 * Injected by a token (`@Inject(WHATSAPP_PROVIDER) private readonly provider: WhatsAppProvider`,
 * `decorators` given), or named for WhatsApp (`whatsappApi: IWhatsappApi`, handed in by a caller),
 * an interface or abstract class stands for the one project class that implements it and reaches
 * a provider (see `ImportResolver.implementation`); `cls` is the injecting class.
 */
function annotatedClass(env: AnalysisEnv, annotation: TSESTree.TSTypeAnnotation | undefined, decorators?: readonly TSESTree.Decorator[], cls?: ClassNode): ClassNode | undefined {
  const type = annotation?.typeAnnotation;
  if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  const named = classOf(env, type.typeName);
  if ((named && !named.abstract) || !(decorators?.some(isInjection) || WHATSAPP_CONTRACT.test(type.typeName.name))) return named;
  return env.imports?.implementation(type.typeName, cls) ?? named;
}

/** A contract named for WhatsApp (`IWhatsappApi`, `WhatsAppProvider`): a parameter typed with it is looked up like an injected one. */
const WHATSAPP_CONTRACT = /whats?app/i;

/** `@Inject(TOKEN)` (NestJS), `@inject(TOKEN)` (tsyringe, inversify): a value the container binds elsewhere. */
function isInjection(decorator: TSESTree.Decorator): boolean {
  const expression = decorator.expression;
  return expression.type === AST_NODE_TYPES.CallExpression && expression.callee.type === AST_NODE_TYPES.Identifier && /^inject$/i.test(expression.callee.name) && expression.arguments.length === 1;
}

/**
 * The class an untraceable instance is declared as: a parameter or variable
 * with a class type (`constructor(private readonly whatsapp: WhatsAppService)`,
 * NestJS injection), a typed field.
 */
export function declaredClass(env: AnalysisEnv, node: Node): ClassNode | undefined {
  const current = skipTransparent(node);
  if (current.type === AST_NODE_TYPES.Identifier) {
    const def = findVariable(env.sourceCode, current)?.defs[0];
    const name = def?.name;
    if (name?.type === AST_NODE_TYPES.Identifier) return annotatedClass(env, name.typeAnnotation, name.decorators, enclosingClass(name));
    return undefined;
  }
  if (current.type !== AST_NODE_TYPES.MemberExpression || current.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const name = memberName(current);
  const cls = enclosingClass(current);
  if (name === undefined || !cls) return undefined;
  for (const element of cls.body.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && propertyKeyName(element) === name) return annotatedClass(env, element.typeAnnotation ?? undefined, element.decorators, cls);
  }
  for (const param of constructorOf(cls)?.params ?? []) {
    if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
    const inner = param.parameter.type === AST_NODE_TYPES.AssignmentPattern ? param.parameter.left : param.parameter;
    if (inner.type === AST_NODE_TYPES.Identifier && inner.name === name) return annotatedClass(env, inner.typeAnnotation, param.decorators, cls);
  }
  return undefined;
}

/** A called function: the function node, and the construction of the instance it is a method of, when known. */
export interface Callee {
  readonly fn: FunctionNode;
  /** `new Client(base)` behind `client.post(…)`: its arguments bind the constructor's parameters. */
  readonly construction?: TSESTree.NewExpression;
}

/** The function an identifier names: a declaration, a const holding a function, or one imported from a project file. */
export function functionNamed(env: AnalysisEnv, id: TSESTree.Identifier): FunctionNode | undefined {
  const def = findVariable(env.sourceCode, id)?.defs[0];
  if (def?.type === 'FunctionName' && def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
  if (def?.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
    const init = skipTransparent(def.node.init);
    if (isFunction(init)) return init;
  }
  if (def?.type !== 'ImportBinding' && def?.type !== 'Variable') return undefined;
  const resolved = resolveExpression(env, id);
  return isFunction(resolved) ? resolved : undefined;
}

/**
 * The function a class keeps in a field it calls as a method: `this.send =
 * sendText`, or a default for one a caller may hand (`this.send = deps.send
 * ?? sendText`, `options.send || sendText`), so tests can hand another.
 * The default is what runs in the application; a function of this file or an
 * imported one.
 */
function keptFunction(env: AnalysisEnv, member: TSESTree.MemberExpression): FunctionNode | undefined {
  const init = thisMemberInit(member, env);
  if (!init) return undefined;
  let value = skipTransparent(init);
  if (value.type === AST_NODE_TYPES.LogicalExpression && (value.operator === '??' || value.operator === '||')) value = skipTransparent(value.right);
  if (isFunction(value)) return value;
  return value.type === AST_NODE_TYPES.Identifier ? functionNamed(env, value) : undefined;
}

/**
 * The function a call's callee invokes, where the code shows it: a function
 * or method of this file or an imported one, a method of an object literal,
 * of a class instance (`new C()`, `this`, a typed field or parameter), of
 * the base class (`super.send()`), or a static method.
 */
export function calleeFunction(env: AnalysisEnv, callee: Node): Callee | undefined {
  const current = skipTransparent(callee);
  if (current.type === AST_NODE_TYPES.Identifier) {
    const fn = functionNamed(env, current);
    return fn ? { fn } : undefined;
  }
  if (current.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = memberName(current);
  if (name === undefined) return undefined;
  const object = skipTransparent(current.object);
  // `super.process(id, send)`: the method of the base class (here or in an imported file)
  if (object.type === AST_NODE_TYPES.Super) {
    const cls = enclosingClass(current);
    const base = cls?.superClass ? classOf(env, cls.superClass) : undefined;
    const fn = base && classMethod(base, name);
    return fn ? { fn } : undefined;
  }
  if (object.type === AST_NODE_TYPES.ThisExpression) {
    const cls = enclosingClass(current);
    const method = enclosingFunction(current);
    // a method of an object literal calling a sibling: `{ post() {…}, send() { return this.post() } }`
    const holder = method?.parent?.type === AST_NODE_TYPES.Property ? method.parent.parent : undefined;
    if (holder?.type === AST_NODE_TYPES.ObjectExpression && (!cls || cls.range[0] < holder.range[0])) return propertyFunction(env, holder, name);
    const fn = cls ? (classMethod(cls, name) ?? inheritedMethod(env, cls, name)) : undefined;
    if (fn) return { fn };
    const kept = cls ? keptFunction(env, current) : undefined;
    return kept ? { fn: kept } : undefined;
  }
  const resolved = resolveExpression(env, object);
  if (resolved.type === AST_NODE_TYPES.ObjectExpression) return propertyFunction(env, resolved, name);
  // `import * as wa from './whatsapp'; wa.sendText(…)`, `namespace WA { export function send() }; WA.send(…)`
  if (resolved.type === AST_NODE_TYPES.Program || resolved.type === AST_NODE_TYPES.TSModuleDeclaration) {
    const member = resolveExpression(env, current);
    return isFunction(member) ? { fn: member } : undefined;
  }
  if (resolved.type === AST_NODE_TYPES.NewExpression) {
    const cls = classOf(env, resolved.callee);
    const fn = cls && classMethod(cls, name);
    return fn ? { fn, construction: resolved } : undefined;
  }
  if (resolved.type === AST_NODE_TYPES.ClassDeclaration || resolved.type === AST_NODE_TYPES.ClassExpression) {
    const fn = classMethod(resolved, name);
    return fn ? { fn } : undefined;
  }
  const declared = declaredClass(env, object) ?? madeByFactory(env, resolved);
  const fn = declared && classMethod(declared, name);
  return fn ? { fn } : undefined;
}

/** How many factories are followed inside one another (`apiFor` returning `sdk.forAccount(a)`, which returns `new Api(a)`). */
const MAX_FACTORY_DEPTH = 3;
let factoryDepth = 0;

/** A class named as a stand-in for tests or local runs (`WhatsAppMockProvider`, `FakeSender`, `NoopNotifier`). */
const TEST_DOUBLE = /mock|fake|stub|dummy|noop|inmemory/i;
/** A class whose name starts with the word log, console or demo: it prints or answers instead of sending (`LogProvider`, `ConsoleDriver`, `DemoProvider`; not `Logistics`). */
const STAND_IN_WORD = /^(?:Log|Logging|Console|Demo)(?![a-z])/;

function isStandIn(cls: ClassNode): boolean {
  const name = cls.id?.name ?? '';
  return TEST_DOUBLE.test(name) || STAND_IN_WORD.test(name);
}

/**
 * The class of the instance a factory call gives (`const api = await
 * accounts.apiFor(id)`, `apiFor` here or in an imported file): every value
 * its function returns is a `new` of that one class, or a call of another
 * such factory. A factory that picks a test double or the real client
 * (`return useMock ? new MockApi() : new TwilioApi(…)`, or a module's
 * singleton assigned one or the other) gives the real one: the one class
 * among them that is no stand-in (see `isStandIn`). The same holds for a
 * choice written where the instance is kept (`const api = useMeta ? new
 * MetaApi() : new TwilioApi()`).
 */
function madeByFactory(env: AnalysisEnv, node: Node): ClassNode | undefined {
  const made = realFactoryClasses(env, node);
  return made.length === 1 ? made[0] : undefined;
}

/** The classes a factory call makes, without its test doubles when it makes a real class too. */
function realFactoryClasses(env: AnalysisEnv, node: Node): ClassNode[] {
  // a factory's call, or a choice written in place (`useMeta ? new MetaApi() : new TwilioApi()`)
  const chosen = new Set<ClassNode>();
  const made = [...(skipTransparent(node).type === AST_NODE_TYPES.ConditionalExpression ? (addMade(env, node, chosen, 0) ? chosen : []) : (factoryClasses(env, node) ?? []))];
  const real = made.filter((cls) => !isStandIn(cls));
  return real.length > 0 ? real : made;
}

/**
 * The methods a call may invoke when its object comes from a factory that
 * makes one of several real classes (`switch (name) { case 'twilio':
 * return new TwilioProvider(…); case 'meta': return new MetaProvider(…) }`,
 * then `getProvider(name).sendMessage(…)`), in the order the factory
 * returns them. Empty when the call has one callee or none known, or one
 * of the classes declares no such method.
 */
export function factoryCallees(env: AnalysisEnv, callee: Node): Callee[] {
  const current = skipTransparent(callee);
  if (current.type !== AST_NODE_TYPES.MemberExpression) return [];
  const name = memberName(current);
  const object = skipTransparent(current.object);
  if (name === undefined || object.type === AST_NODE_TYPES.Super || object.type === AST_NODE_TYPES.ThisExpression) return [];
  const made = realFactoryClasses(env, resolveExpression(env, object));
  if (made.length < 2 || declaredClass(env, object)) return [];
  const methods = made.map((cls) => classMethod(cls, name));
  return methods.every((fn) => fn !== undefined) ? methods.map((fn) => ({ fn })) : [];
}

/** The classes a factory call's returns make; `undefined` when one of them is something else. */
function factoryClasses(env: AnalysisEnv, node: Node): Set<ClassNode> | undefined {
  let current = skipTransparent(node);
  if (current.type === AST_NODE_TYPES.AwaitExpression) current = skipTransparent(current.argument);
  if (current.type !== AST_NODE_TYPES.CallExpression || factoryDepth >= MAX_FACTORY_DEPTH) return undefined;
  factoryDepth++;
  try {
    const factory = calleeFunction(env, current.callee);
    if (!factory) return undefined;
    const collect = (): Set<ClassNode> | undefined => {
      const made = new Set<ClassNode>();
      for (const returned of returnedExpressions(factory.fn)) if (!addMade(env, returned, made, 0)) return undefined;
      return made;
    };
    // with its arguments bound, a table read with a literal key gives that key's class (`fromTable('meta', …)`)
    const call = current;
    return inline(env, factory, call, collect) ?? collect();
  } finally {
    factoryDepth--;
  }
}

/**
 * Adds the classes a returned value is an instance of: a `new`, each branch
 * of a `?:`, each value a `let` is assigned (a singleton: `instance ??= new
 * Api()`; `null` and `undefined` add none), another factory's call. `false`
 * when one is none of those.
 */
function addMade(env: AnalysisEnv, node: Node, made: Set<ClassNode>, depth: number): boolean {
  if (depth > 4) return false;
  let value = skipTransparent(node);
  if (value.type === AST_NODE_TYPES.AwaitExpression) value = skipTransparent(value.argument);
  if (value.type === AST_NODE_TYPES.ConditionalExpression) return addMade(env, value.consequent, made, depth + 1) && addMade(env, value.alternate, made, depth + 1);
  if ((value.type === AST_NODE_TYPES.Literal && value.value === null) || (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined')) return true;
  if (value.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(env.sourceCode, value);
    const writes = variable && variableWrites(variable);
    if (writes) return writes.every((write) => write === 'unset' || addMade(env, write, made, depth + 1));
  }
  value = resolveExpression(env, value);
  if (value.type === AST_NODE_TYPES.NewExpression) {
    const cls = classOf(env, value.callee);
    const picked = cls ? [cls] : pickedClasses(env, value.callee);
    for (const each of picked) made.add(each);
    return picked.length > 0;
  }
  const inner = factoryClasses(env, value);
  for (const cls of inner ?? []) made.add(cls);
  return !!inner && inner.size > 0;
}

/**
 * The classes a class picked from a table may be (`new PROVIDERS[name](…)`,
 * `const Provider = PROVIDERS[name]; new Provider(…)`, with `PROVIDERS` an
 * object of classes, or `new Map([['twilio', TwilioProvider], …])` read with
 * `.get(name)`): every value of the table, all of them classes; none when
 * one is something else.
 */
function pickedClasses(env: AnalysisEnv, callee: Node): ClassNode[] {
  const picked = resolveExpression(env, skipTransparent(callee));
  let values: (Node | null | undefined)[] = [];
  if (picked.type === AST_NODE_TYPES.MemberExpression && picked.computed) {
    const table = resolveExpression(env, skipTransparent(picked.object));
    if (table.type === AST_NODE_TYPES.ObjectExpression) values = table.properties.map((property) => (property.type === AST_NODE_TYPES.Property ? property.value : property));
  } else if (picked.type === AST_NODE_TYPES.CallExpression && picked.callee.type === AST_NODE_TYPES.MemberExpression && memberName(picked.callee) === 'get') {
    const table = resolveExpression(env, skipTransparent(picked.callee.object));
    const entries = table.type === AST_NODE_TYPES.NewExpression && table.callee.type === AST_NODE_TYPES.Identifier && table.callee.name === 'Map' ? table.arguments[0] : undefined;
    const list = entries && resolveExpression(env, entries);
    if (list?.type === AST_NODE_TYPES.ArrayExpression) values = list.elements.map((entry) => (entry?.type === AST_NODE_TYPES.ArrayExpression ? entry.elements[1] : undefined));
  }
  const classes = values.map((value) => (value && value.type !== AST_NODE_TYPES.SpreadElement ? classOf(env, value) : undefined));
  return classes.length > 0 && classes.every((cls) => cls !== undefined) ? classes : [];
}

function propertyFunction(env: AnalysisEnv, object: TSESTree.ObjectExpression, name: string | number): Callee | undefined {
  const property = findProperty(object, String(name));
  const value = property && skipTransparent(property.value);
  if (value && isFunction(value)) return { fn: value };
  // `module.exports = { notify }`, `{ send: sendText }`
  const fn = value?.type === AST_NODE_TYPES.Identifier ? functionNamed(env, value) : undefined;
  return fn ? { fn } : undefined;
}

/** How many calls are being evaluated inline; deeper chains are not followed. */
export function frameDepth(env: AnalysisEnv): number {
  let depth = 0;
  for (let frame = env.frame; frame; frame = frame.outer) depth++;
  return depth;
}

export const MAX_INLINE_DEPTH = 6;

/** Runs `run` as if the callee's body were written at the call: its parameters (and a constructor's) bound to the arguments. */
export function inline<T>(env: AnalysisEnv, callee: Callee, site: TSESTree.CallExpression | TSESTree.NewExpression, run: () => T): T | undefined {
  const args = site.arguments;
  if (frameDepth(env) >= MAX_INLINE_DEPTH) return undefined;
  for (let frame = env.frame; frame; frame = frame.outer) if (frame.fn === callee.fn) return undefined; // recursion
  const construction = callee.construction;
  const ctor = construction ? classOf(env, construction.callee) : undefined;
  const ctorFn = ctor && constructorOf(ctor);
  const body = () => withFrame(env, callee.fn, args, site, run);
  return ctorFn && construction ? withFrame(env, ctorFn, construction.arguments, construction, body) : body();
}

const returnedByFunction = new WeakMap<FunctionNode, readonly Node[]>();

/**
 * The expressions a function returns (an arrow's body, or each `return`'s
 * argument), outside nested functions. Found once per function: value
 * resolution asks it again for each call it evaluates inline (a client
 * factory called from every function of a large module).
 */
export function returnedExpressions(fn: FunctionNode): readonly Node[] {
  let found = returnedByFunction.get(fn);
  if (!found) {
    found = findReturned(fn);
    returnedByFunction.set(fn, found);
  }
  return found;
}

function findReturned(fn: FunctionNode): Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const found: Node[] = [];
  const visit = (node: Node): void => {
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      if (node.argument) found.push(node.argument);
      return;
    }
    if (isFunction(node) || node.type === AST_NODE_TYPES.ClassBody) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      if (Array.isArray(value)) for (const item of value) if (item && typeof item === 'object' && 'type' in item) visit(item as Node);
      if (value && typeof value === 'object' && 'type' in value && !Array.isArray(value)) visit(value as Node);
    }
  };
  for (const statement of fn.body.body) visit(statement);
  return found;
}

function findThisAssignment(block: TSESTree.BlockStatement, name: string | number): TSESTree.Expression | undefined {
  for (const statement of block.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    const expression = statement.expression;
    if (
      expression.type === AST_NODE_TYPES.AssignmentExpression &&
      expression.operator === '=' &&
      expression.left.type === AST_NODE_TYPES.MemberExpression &&
      expression.left.object.type === AST_NODE_TYPES.ThisExpression &&
      memberName(expression.left) === name
    ) {
      return expression.right;
    }
  }
  return undefined;
}

/** Follows identifiers, `this.field` and `obj.prop` of same-file constants to the expression they hold. */
export function resolveExpression(env: AnalysisEnv, node: Node, depth = 0): Node {
  const current = skipTransparent(node);
  if (depth > MAX_DEPTH) return current;
  if (current.type === AST_NODE_TYPES.Identifier) {
    const init = constInit(env, current) ?? boundArgument(env, current) ?? namespaceNamed(env, current) ?? env.imports?.resolveImport(current);
    return init ? resolveExpression(env, init, depth + 1) : current;
  }
  if (current.type === AST_NODE_TYPES.AwaitExpression && skipTransparent(current.argument).type === AST_NODE_TYPES.ImportExpression) {
    const found = env.imports?.resolveModuleCall(skipTransparent(current.argument) as TSESTree.ImportExpression);
    return found ? resolveExpression(env, found, depth + 1) : current;
  }
  if (isRequire(current)) {
    const found = env.imports?.resolveModuleCall(current);
    return found ? resolveExpression(env, found, depth + 1) : current;
  }
  if (current.type === AST_NODE_TYPES.MemberExpression) {
    if (current.object.type === AST_NODE_TYPES.ThisExpression) {
      const init = thisMemberInit(current, env);
      return init ? resolveExpression(env, init, depth + 1) : current;
    }
    const name = memberName(current) ?? boundKey(env, current);
    if (name === undefined) return current;
    const object = resolveExpression(env, current.object, depth + 1);
    if (object.type === AST_NODE_TYPES.Program) {
      // a namespace: `import * as config from './config'`, `require('./constants').X`
      const exported = typeof name === 'string' ? env.imports?.exportOf(object, name) : undefined;
      return exported ? resolveExpression(env, exported, depth + 1) : current;
    }
    if (object.type === AST_NODE_TYPES.ObjectExpression) {
      const property = findProperty(object, String(name));
      if (property && property.value.type !== AST_NODE_TYPES.AssignmentPattern) return resolveExpression(env, property.value, depth + 1);
    }
    if (object.type === AST_NODE_TYPES.NewExpression) {
      const init = instanceMemberInit(env, object, name);
      if (init) return resolveExpression(env, init, depth + 1);
    }
    if (object.type === AST_NODE_TYPES.TSModuleDeclaration && typeof name === 'string') {
      const exported = namespaceExport(object, name);
      if (exported) return resolveExpression(env, exported, depth + 1);
    }
    const member = enumMember(env, current.object, name);
    if (member) return resolveExpression(env, member, depth + 1);
  }
  return current;
}

/** Inside a call evaluated inline, a computed key that is a parameter bound to a literal (`PROVIDERS[kind]` of `fromTable('meta')`). */
function boundKey(env: AnalysisEnv, member: TSESTree.MemberExpression): string | number | undefined {
  if (!env.frame || !member.computed || member.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const bound = boundArgument(env, member.property);
  const value = bound && staticValue(env, bound);
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

/** The TypeScript namespace a same-file identifier names (`namespace WA { export const API_URL = … }`). */
function namespaceNamed(env: AnalysisEnv, id: TSESTree.Identifier): TSESTree.TSModuleDeclaration | undefined {
  const def = findVariable(env.sourceCode, id)?.defs[0];
  return def?.type === 'TSModuleName' && def.node.type === AST_NODE_TYPES.TSModuleDeclaration ? def.node : undefined;
}

/**
 * What a namespace exports under `name`: `export const X = …` (its
 * initializer), an exported function, class, enum or nested namespace.
 */
export function namespaceExport(namespace: TSESTree.TSModuleDeclaration, name: string): Node | undefined {
  const body = namespace.body;
  if (body?.type !== AST_NODE_TYPES.TSModuleBlock) return undefined;
  for (const statement of body.body) {
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration || !statement.declaration) continue;
    const declaration = statement.declaration;
    if (declaration.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === name) return declarator.init ?? undefined;
      }
    } else if (
      (declaration.type === AST_NODE_TYPES.FunctionDeclaration ||
        declaration.type === AST_NODE_TYPES.ClassDeclaration ||
        declaration.type === AST_NODE_TYPES.TSEnumDeclaration ||
        declaration.type === AST_NODE_TYPES.TSModuleDeclaration) &&
      declaration.id?.type === AST_NODE_TYPES.Identifier &&
      declaration.id.name === name
    ) {
      return declaration;
    }
  }
  return undefined;
}

/** `require('./x')` with a literal specifier. */
export function isRequire(node: Node): node is TSESTree.CallExpression {
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === 'require' &&
    node.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    typeof node.arguments[0].value === 'string'
  );
}

function enumMember(env: AnalysisEnv, object: Node, name: string | number): TSESTree.Expression | undefined {
  if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = findVariable(env.sourceCode, object);
  const def = variable?.defs[0];
  const declaration = def?.node.type === AST_NODE_TYPES.TSEnumDeclaration ? def.node : def?.type === 'ImportBinding' ? env.imports?.resolveImport(object) : undefined;
  if (declaration?.type !== AST_NODE_TYPES.TSEnumDeclaration) return undefined;
  for (const member of declaration.body.members) {
    const key = member.id.type === AST_NODE_TYPES.Identifier ? member.id.name : member.id.value;
    if (key === name) return member.initializer;
  }
  return undefined;
}

export type StaticValue = string | number | boolean | null;
export const UNKNOWN: unique symbol = Symbol('unknown');

/** A literal value, followed through constants: `'x'`, `42`, `-1`, `` `x` ``, `CODES.X`. */
export function staticValue(env: AnalysisEnv, node: Node): StaticValue | typeof UNKNOWN {
  const resolved = resolveExpression(env, node);
  switch (resolved.type) {
    case AST_NODE_TYPES.Literal:
      return typeof resolved.value === 'string' || typeof resolved.value === 'number' || typeof resolved.value === 'boolean' || resolved.value === null
        ? resolved.value
        : UNKNOWN;
    case AST_NODE_TYPES.TemplateLiteral:
      return resolved.expressions.length === 0 ? (resolved.quasis[0]?.value.cooked ?? UNKNOWN) : UNKNOWN;
    case AST_NODE_TYPES.UnaryExpression: {
      if (resolved.operator !== '-' && resolved.operator !== '+') return UNKNOWN;
      const inner = staticValue(env, resolved.argument);
      return typeof inner === 'number' ? (resolved.operator === '-' ? -inner : inner) : UNKNOWN;
    }
    default:
      return UNKNOWN;
  }
}

export interface ListItem {
  readonly value: StaticValue;
  /** The element as written (where a report or a fix goes). */
  readonly node: Node;
}

/**
 * The elements of a literal list: `[a, b]`, `new Set([a, b])`, a constant
 * holding either, `Object.keys({...})`. `undefined` when any element is not static.
 */
export function staticList(env: AnalysisEnv, node: Node): ListItem[] | undefined {
  const resolved = resolveExpression(env, node);
  if (resolved.type === AST_NODE_TYPES.ArrayExpression) {
    const items: ListItem[] = [];
    for (const element of resolved.elements) {
      if (!element || element.type === AST_NODE_TYPES.SpreadElement) return undefined;
      const value = staticValue(env, element);
      if (value === UNKNOWN) return undefined;
      items.push({ value, node: element });
    }
    return items;
  }
  if (resolved.type === AST_NODE_TYPES.NewExpression && resolved.callee.type === AST_NODE_TYPES.Identifier && resolved.callee.name === 'Set') {
    const first = resolved.arguments[0];
    return first ? staticList(env, first) : [];
  }
  // Object.keys({ a: …, b: … })
  if (
    resolved.type === AST_NODE_TYPES.CallExpression &&
    resolved.callee.type === AST_NODE_TYPES.MemberExpression &&
    resolved.callee.object.type === AST_NODE_TYPES.Identifier &&
    resolved.callee.object.name === 'Object' &&
    memberName(resolved.callee) === 'keys' &&
    resolved.arguments[0]
  ) {
    const object = resolveExpression(env, resolved.arguments[0]);
    if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const items: ListItem[] = [];
    for (const property of object.properties) {
      const key = property.type === AST_NODE_TYPES.Property ? propertyKeyName(property) : undefined;
      if (key === undefined) return undefined;
      items.push({ value: String(key), node: (property as TSESTree.Property).key });
    }
    return items;
  }
  return undefined;
}

/** A string known in part: unknown stretches are `\u0000`; env vars that settings map name a provider. */
export interface StringValue {
  readonly text: string;
  readonly providers: readonly ProviderInfo[];
}

const HOLE: StringValue = { text: '\u0000', providers: [] };

function concat(parts: readonly StringValue[]): StringValue {
  return { text: parts.map((p) => p.text).join(''), providers: parts.flatMap((p) => p.providers) };
}

function envVarName(node: Node): string | undefined {
  const current = skipTransparent(node);
  if (current.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  if (!isEnvironmentObject(current.object)) return undefined;
  const name = memberName(current);
  return typeof name === 'string' ? name : undefined;
}

/** Evaluates a URL-ish expression as far as the file allows. */
export function evaluateString(env: AnalysisEnv, node: Node, depth = 0): StringValue {
  if (depth > MAX_DEPTH) return HOLE;
  const current = skipTransparent(node);
  if (current.type === AST_NODE_TYPES.Identifier && priorValues.size > 0) {
    const prior = priorValues.get(findVariable(env.sourceCode, current) ?? undefined);
    if (prior) return prior;
  }
  const envName = envVarName(current);
  if (envName !== undefined) {
    const provider = env.settings.envVars.get(envName);
    return provider ? { text: '\u0000', providers: [provider] } : (graphBaseByName(env, envName) ?? HOLE);
  }
  switch (current.type) {
    case AST_NODE_TYPES.Literal:
      return typeof current.value === 'string' ? { text: current.value, providers: [] } : HOLE;
    case AST_NODE_TYPES.TemplateLiteral: {
      const parts: StringValue[] = [];
      current.quasis.forEach((quasi, i) => {
        parts.push({ text: quasi.value.cooked ?? '', providers: [] });
        const expression = current.expressions[i];
        if (expression) parts.push(evaluateString(env, expression, depth + 1));
      });
      return concat(parts);
    }
    case AST_NODE_TYPES.BinaryExpression:
      return current.operator === '+' ? concat([evaluateString(env, current.left, depth + 1), evaluateString(env, current.right, depth + 1)]) : HOLE;
    case AST_NODE_TYPES.LogicalExpression: {
      const left = evaluateString(env, current.left, depth + 1);
      if (left.providers.length > 0 || left.text !== '\u0000') return left;
      return evaluateString(env, current.right, depth + 1);
    }
    case AST_NODE_TYPES.ConditionalExpression: {
      const consequent = evaluateString(env, current.consequent, depth + 1);
      return consequent.text !== '\u0000' || consequent.providers.length ? consequent : evaluateString(env, current.alternate, depth + 1);
    }
    case AST_NODE_TYPES.NewExpression: {
      if (current.callee.type !== AST_NODE_TYPES.Identifier || current.callee.name !== 'URL' || !current.arguments[0]) return HOLE;
      const path = evaluateString(env, current.arguments[0], depth + 1);
      const base = current.arguments[1];
      return base ? concat([evaluateString(env, base, depth + 1), path]) : path;
    }
    case AST_NODE_TYPES.CallExpression: {
      // url.toString(), String(url), path.join-free concatenations are the common forms
      if (current.callee.type === AST_NODE_TYPES.MemberExpression && memberName(current.callee) === 'toString') {
        return evaluateString(env, current.callee.object, depth + 1);
      }
      if (current.callee.type === AST_NODE_TYPES.Identifier && current.callee.name === 'String' && current.arguments[0]) {
        return evaluateString(env, current.arguments[0], depth + 1);
      }
      if (current.callee.type === AST_NODE_TYPES.MemberExpression && memberName(current.callee) === 'concat') {
        return concat([evaluateString(env, current.callee.object, depth + 1), ...current.arguments.map((a) => evaluateString(env, a, depth + 1))]);
      }
      // `apiUrl(\`${phoneId}/messages\`)`, `this.url(path)`: the helper's returned URL, its parameters bound
      const callee = calleeFunction(env, current.callee);
      const [returned] = callee ? returnedExpressions(callee.fn) : [];
      if (callee && returned) return inline(env, callee, current, () => evaluateString(env, returned, depth + 1)) ?? HOLE;
      return HOLE;
    }
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression: {
      if (current.type === AST_NODE_TYPES.MemberExpression && memberName(current) === 'href') {
        return evaluateString(env, current.object, depth + 1);
      }
      // `url.hostname`, `url.pathname` of a `new URL(…)`: that part of its text (`https.request({ hostname: u.hostname, path: u.pathname })`)
      const part = current.type === AST_NODE_TYPES.MemberExpression ? urlPart(env, current, depth) : undefined;
      if (part) return part;
      const resolved = resolveExpression(env, current);
      if (resolved !== current) return evaluateString(env, resolved, depth + 1);
      if (current.type === AST_NODE_TYPES.MemberExpression) return configuredUrl(env, current) ?? HOLE;
      return (current.type === AST_NODE_TYPES.Identifier && reassigned(env, current, depth)) || HOLE;
    }
    default:
      return HOLE;
  }
}

const URL_PARTS = /^([a-z][a-z0-9+.-]*:)\/\/([^/?#]*)([^?#]*)(.*)$/i;

/** An absolute URL's text split into its scheme (`https:`), host (with any port), path and the rest (query, fragment). */
export function splitUrl(text: string): { readonly protocol: string; readonly host: string; readonly path: string; readonly rest: string } | undefined {
  const parts = URL_PARTS.exec(text);
  return parts ? { protocol: parts[1]!, host: parts[2]!, path: parts[3]!, rest: parts[4]! } : undefined;
}

/** A part of a `new URL(…)` read by its name (`hostname`, `host`, `pathname`, `origin`, `protocol`; `search` is unknown: it may be added to). */
function urlPart(env: AnalysisEnv, member: TSESTree.MemberExpression, depth: number): StringValue | undefined {
  const name = memberName(member);
  if (name !== 'hostname' && name !== 'host' && name !== 'pathname' && name !== 'origin' && name !== 'protocol' && name !== 'search') return undefined;
  const made = skipTransparent(resolveExpression(env, member.object));
  if (made.type !== AST_NODE_TYPES.NewExpression || made.callee.type !== AST_NODE_TYPES.Identifier || made.callee.name !== 'URL') return undefined;
  const whole = evaluateString(env, made, depth + 1);
  const parts = splitUrl(whole.text);
  if (!parts || name === 'search') return HOLE;
  const { protocol, host, path } = parts;
  const text = name === 'hostname' ? host.replace(/:\d+$/, '') : name === 'host' ? host : name === 'pathname' ? path || '/' : name === 'origin' ? `${protocol}//${host}` : protocol;
  return { text, providers: name === 'pathname' ? [] : whole.providers };
}

/**
 * A configuration value read by name that the code does not assign
 * (`env.GRAPH_URL`, `config.metaGraphUrl`): the default its validation
 * schema gives it (`createEnv({ server: { X: z.string().url().default('https://…') } })`,
 * `cleanEnv(process.env, { X: url({ default: '…' }) })`), else the Graph
 * API's host when the name says so (see `graphBaseByName`).
 */
function configuredUrl(env: AnalysisEnv, member: TSESTree.MemberExpression): StringValue | undefined {
  const name = memberName(member);
  if (typeof name !== 'string') return undefined;
  const holder = resolveExpression(env, member.object);
  if (holder.type === AST_NODE_TYPES.CallExpression) {
    const found = schemaDefaults(env, programOf(holder)).get(name);
    if (found !== undefined) return { text: found, providers: [] };
  }
  return graphBaseByName(env, name);
}

/**
 * A name for the Graph API's base URL: Meta's or Facebook's Graph API
 * (`META_GRAPH_URL`, `FB_GRAPH_API_BASE`, `facebookGraphUrl`) or the
 * WhatsApp Cloud API (`WHATSAPP_CLOUD_API_URL`), ending in a URL-ish word
 * (not `META_GRAPH_VERSION`). The Cloud API is served from
 * graph.facebook.com (https://developers.facebook.com/documentation/business-messaging/whatsapp/reference),
 * a host other APIs share: a request there still needs WhatsApp evidence.
 */
const GRAPH_BASE_WORDS = String.raw`(?:(?:facebook|fb|meta)_?graph|graph_?(?:facebook|fb|meta)|(?:whats_?app|wa)_?cloud)(?:_?api)?(?:_?(?:base))?_?(?:url|uri|host|base|endpoint|api|domain|origin)`;
const GRAPH_BASE_NAME = new RegExp(`${GRAPH_BASE_WORDS}$`, 'i');

/**
 * The same names where they end an identifier in a file's text (a source for
 * a case-insensitive RegExp): the text pre-check accepts a file that reads
 * one (`settings.ts`), so a file whose only provider is such an env var or
 * config key is analysed.
 */
export const GRAPH_BASE_NAME_IN_TEXT = String.raw`${GRAPH_BASE_WORDS}(?![\w$])`;

function graphBaseByName(env: AnalysisEnv, name: string): StringValue | undefined {
  if (!GRAPH_BASE_NAME.test(name)) return undefined;
  const host = env.settings.byId.get('meta-cloud')?.def.hosts[0];
  return host ? { text: `https://${host}`, providers: [] } : undefined;
}

/** `schemaDefaults` by file. */
const defaultsByProgram = new WeakMap<TSESTree.Program, ReadonlyMap<string, string>>();

/**
 * The string defaults an environment schema in a file gives its keys: a
 * property whose value is a validator chain with `.default('…')` (zod, joi,
 * yup) or a validator called with `{ default: '…' }` (envalid). The file is
 * the one that builds the configuration object (`export const env =
 * createEnv({ … })`), read once.
 */
function schemaDefaults(env: AnalysisEnv, program: TSESTree.Program): ReadonlyMap<string, string> {
  const known = defaultsByProgram.get(program);
  if (known) return known;
  const found = new Map<string, string>();
  walkNodes(program, env.sourceCode.visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.Property) return undefined;
    const key = propertyKeyName(node);
    const value = typeof key === 'string' ? chainDefault(node.value) : undefined;
    if (value !== undefined && !found.has(key as string)) found.set(key as string, value);
    return undefined;
  });
  defaultsByProgram.set(program, found);
  return found;
}

function chainDefault(value: Node): string | undefined {
  let node: Node = skipTransparent(value);
  for (let steps = 0; steps < 12 && node.type === AST_NODE_TYPES.CallExpression; steps++) {
    const callee = skipTransparent(node.callee);
    const first = node.arguments[0];
    if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'default') {
      return first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' ? first.value : undefined;
    }
    if (first?.type === AST_NODE_TYPES.ObjectExpression) {
      const option = findProperty(first, 'default');
      if (option?.value.type === AST_NODE_TYPES.Literal && typeof option.value.value === 'string') return option.value.value;
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    node = skipTransparent(callee.object);
  }
  return undefined;
}

/** While `url = \`${url}/…\`` is evaluated: the value `url` had before. */
const priorValues = new Map<unknown, StringValue>();

/**
 * A `let` built up before its use: `let url = host; url += \`/${version}\`;
 * url += path;` or `u = \`${u}/${id}\``. The assignments before the use, in
 * source order and in the same function, are applied to the initial value
 * (control flow is not followed). A `let` reassigned only after the use (a
 * pagination loop's `next = page.paging?.next`) holds its initial value there.
 */
function reassigned(env: AnalysisEnv, id: TSESTree.Identifier, depth: number): StringValue | undefined {
  const found = writesBefore(env, id);
  if (!found || (found.writes.length === 0 && !found.declarator.init)) return undefined;
  const { variable, declarator, writes } = found;
  let value = declarator.init ? evaluateString(env, declarator.init, depth + 1) : HOLE;
  for (const assignment of writes) {
    if (assignment.operator === '+=') {
      value = concat([value, evaluateString(env, assignment.right, depth + 1)]);
    } else if (assignment.operator === '=') {
      priorValues.set(variable, value);
      try {
        value = evaluateString(env, assignment.right, depth + 1);
      } finally {
        priorValues.delete(variable);
      }
    } else return undefined;
  }
  return value;
}

/**
 * The assignments to a `let` (declared once, with a plain name) that come
 * before a use of it, in source order and in the function of the use: the
 * writes `reassigned` applies, and `assignedValue` takes the last of.
 * `undefined` when a write is not a plain assignment (`x++`, a destructuring).
 */
export function writesBefore(
  env: AnalysisEnv,
  id: TSESTree.Identifier,
): { variable: NonNullable<ReturnType<typeof findVariable>>; declarator: TSESTree.VariableDeclarator; writes: TSESTree.AssignmentExpression[] } | undefined {
  const variable = findVariable(env.sourceCode, id);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const scope = enclosingFunction(id);
  const refs = variable.references
    .filter((ref) => ref.isWrite() && !ref.init && ref.identifier.range[1] <= id.range[0] && enclosingFunction(ref.identifier) === scope)
    .sort((a, b) => a.identifier.range[0] - b.identifier.range[0]);
  const writes: TSESTree.AssignmentExpression[] = [];
  for (const ref of refs) {
    const assignment = ref.identifier.parent;
    if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== ref.identifier) return undefined;
    writes.push(assignment);
  }
  return { variable, declarator: def.node, writes };
}

/**
 * The value a reassigned `let` holds where it is used: the last plain
 * assignment before the use in the same function (`content = { … };
 * return this.post(content)`). Control flow is not followed, as for the URLs
 * `reassigned` builds up. `undefined` for a variable that is not such a
 * `let`, with no assignment before the use in its function, or whose last
 * one is not a plain `=`.
 */
export function assignedValue(env: AnalysisEnv, id: TSESTree.Identifier): TSESTree.Expression | undefined {
  const found = writesBefore(env, id);
  if (!found) return undefined;
  const last = found.writes[found.writes.length - 1];
  return last?.operator === '=' ? last.right : undefined;
}

/** The provider whose host the string names (or an env var that settings map), if any. */
export function providerOfUrl(env: AnalysisEnv, value: StringValue): ProviderInfo | undefined {
  return hostOfUrl(env, value)?.provider;
}

/**
 * The provider a URL names, and how: through an env var or host that
 * settings map (`shared: false`), or a built-in host that other APIs share
 * (`shared: true`, see `sharedHosts`).
 */
export function hostOfUrl(env: AnalysisEnv, value: StringValue): { provider: ProviderInfo; shared: boolean } | undefined {
  if (value.providers[0]) return { provider: value.providers[0], shared: false };
  const text = value.text.toLowerCase();
  if (!text.includes('.')) return undefined;
  for (const [host, provider] of env.settings.hosts) {
    let index = text.indexOf(host);
    while (index !== -1) {
      const before = index === 0 ? '' : text[index - 1]!;
      const after = text[index + host.length] ?? '';
      if ((before === '' || before === '/' || before === '.' || before === '@' || before === '\u0000') && (after === '' || /[:/?#\u0000]/.test(after))) {
        return { provider, shared: (provider.def.sharedHosts ?? []).includes(host) && !env.settings.mappedHosts.has(host) };
      }
      index = text.indexOf(host, index + 1);
    }
  }
  return undefined;
}

/** A value written to a variable; `'unset'` for a declaration without one. */
export type Write = Node | 'unset';

/** The values written to a `let` or `var`: its initializer (`'unset'` when it has none) and every `=`, `??=` or `||=` of it; `undefined` for any other write. */
export function variableWrites(variable: NonNullable<ReturnType<typeof findVariable>>): Write[] | undefined {
  const def = variable.defs[0];
  if (variable.defs.length !== 1 || def?.type !== 'Variable' || def.parent.kind === 'const' || def.node.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const writes: Write[] = [def.node.init ?? 'unset'];
  for (const reference of variable.references) {
    if (!reference.isWrite() || reference.identifier === def.node.id) continue;
    const parent = reference.identifier.parent;
    if (parent?.type !== AST_NODE_TYPES.AssignmentExpression || parent.left !== reference.identifier || !['=', '??=', '||='].includes(parent.operator)) return undefined;
    writes.push(parent.right);
  }
  return writes.length > 1 || !def.node.init ? writes : undefined;
}
