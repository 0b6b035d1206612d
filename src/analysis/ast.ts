/** Small AST helpers shared by the analysis. */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

export type Node = TSESTree.Node;
export type Expression = TSESTree.Expression;
export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;
export type Variable = TSESLint.Scope.Variable;

export function isFunction(node: Node | null | undefined): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionDeclaration ||
    node?.type === AST_NODE_TYPES.FunctionExpression
  );
}

/** Strips wrappers that do not change a value: parentheses are already gone; `x!`, `x as T`, `<T>x`, `x satisfies T`, `a?.b` chains. */
export function skipTransparent(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSSatisfiesExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** Is `node` one of the wrappers `skipTransparent` strips (`x!`, `x as T`, `<T>x`, `x satisfies T`, a `?.` chain)? */
export function isTransparentWrapper(node: Node): boolean {
  return skipTransparent(node) !== node;
}

/** The outermost of the wrappers `skipTransparent` strips around `node` (`(x as T)!`, `m?.[1]`'s chain), or `node`. */
export function outermostWrapper(node: Node): Node {
  let current = node;
  while (current.parent && isTransparentWrapper(current.parent)) current = current.parent;
  return current;
}

/** The static name of a member access or property key: `a.b`, `a['b']`, `a[0]`. */
export function memberName(node: TSESTree.MemberExpression): string | number | undefined {
  if (!node.computed) return node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : node.property.name;
  const property = node.property;
  if (property.type === AST_NODE_TYPES.Literal && (typeof property.value === 'string' || typeof property.value === 'number')) return property.value;
  if (property.type === AST_NODE_TYPES.TemplateLiteral && property.expressions.length === 0) return property.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

export function propertyKeyName(property: TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition): string | number | undefined {
  const key = property.key;
  if (!property.computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) return key.value;
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  return undefined;
}

/** The name an import or export specifier gives (`export { a as "b c" }` names `b c`). */
export function moduleExportName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.value;
}

/** The environment object itself: `process.env`, `Bun.env`, `import.meta.env` (not one of its keys). */
export function isEnvironmentObject(node: Node): boolean {
  const value = skipTransparent(node);
  if (value.type !== AST_NODE_TYPES.MemberExpression || memberName(value) !== 'env') return false;
  const object = value.object;
  return (object.type === AST_NODE_TYPES.Identifier && (object.name === 'process' || object.name === 'Bun')) || object.type === AST_NODE_TYPES.MetaProperty;
}

/** The named property of an object literal (last one wins, as at run time); spreads are not followed. */
export function findProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  for (let i = object.properties.length - 1; i >= 0; i--) {
    const property = object.properties[i]!;
    if (property.type === AST_NODE_TYPES.Property && propertyKeyName(property) === name) return property;
  }
  return undefined;
}

/**
 * Other project files parsed by the analysis (imports followed across files):
 * their `Program` node → their SourceCode. A node's scope is looked up in the
 * SourceCode of the file it belongs to, whichever file is being linted.
 */
const foreignFiles = new WeakMap<TSESTree.Program, Readonly<TSESLint.SourceCode>>();

export function registerSourceCode(sourceCode: Readonly<TSESLint.SourceCode>): void {
  foreignFiles.set(sourceCode.ast, sourceCode);
}

/** The root `Program` of a node. */
export function programOf(node: Node): TSESTree.Program {
  let current = node;
  while (current.parent) current = current.parent;
  return current as TSESTree.Program;
}

/** The SourceCode a node belongs to: the linted file's, or that of another project file the analysis parsed. */
export function sourceCodeOf(fallback: Readonly<TSESLint.SourceCode>, node: Node): Readonly<TSESLint.SourceCode> {
  const root = programOf(node);
  return root === fallback.ast ? fallback : (foreignFiles.get(root) ?? fallback);
}

/** `findVariable` by identifier, with the SourceCode whose scopes answered (the answer depends on nothing else). */
const variables = new WeakMap<TSESTree.Identifier, { readonly sourceCode: Readonly<TSESLint.SourceCode>; readonly variable: Variable | null }>();

export function findVariable(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Identifier): Variable | null {
  const known = variables.get(node);
  // asked again with the SourceCode that answered (the node's own file, whose program is registered or linted):
  // the node's file is that one, no climb to its root
  if (known !== undefined && known.sourceCode === sourceCode) return known.variable;
  const own = sourceCodeOf(sourceCode, node);
  if (known?.sourceCode === own) return known.variable;
  const variable = ASTUtils.findVariable(own.getScope(node), node);
  variables.set(node, { sourceCode: own, variable });
  return variable;
}

/** The enclosing function of a node, or undefined at module level. */
export function enclosingFunction(node: Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunction(current)) return current;
  return undefined;
}

/** The name a function is called by: its own (`function send`), its variable's (`const send = …`), or the key of the method or property it is (`{ send() {} }`). */
export function functionName(fn: FunctionNode): string | undefined {
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if ((parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition || parent?.type === AST_NODE_TYPES.Property) && parent.value === fn) {
    const key = propertyKeyName(parent);
    return typeof key === 'string' ? key : undefined;
  }
  return undefined;
}

export function enclosingClass(node: Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) return current;
  }
  return undefined;
}

export type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/** The child nodes of `node`, in source order. */
export function childrenOf(node: Node, keys: VisitorKeys): Node[] {
  const children: Node[] = [];
  for (const key of keys[node.type] ?? []) {
    const child = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(child)) {
      for (const item of child) if (item && typeof (item as Node).type === 'string') children.push(item as Node);
    } else if (child && typeof (child as Node).type === 'string') {
      children.push(child as Node);
    }
  }
  return children;
}

/**
 * Visits `root` and its descendants depth-first, in source order. `visit`
 * returns `false` to skip a node's children, or `'stop'` to end the walk.
 * Returns true when the walk was stopped.
 */
export function walkNodes(root: Node, keys: VisitorKeys, visit: (node: Node) => boolean | 'stop' | undefined): boolean {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const verdict = visit(node);
    if (verdict === 'stop') return true;
    if (verdict === false) continue;
    // the children pushed last to first, so that they are visited in source order (no array per node)
    const nodeKeys = keys[node.type];
    if (!nodeKeys) continue;
    for (let k = nodeKeys.length - 1; k >= 0; k--) {
      const child = (node as unknown as Record<string, unknown>)[nodeKeys[k]!];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) {
          const item = child[i] as Node | null;
          if (item && typeof item.type === 'string') stack.push(item);
        }
      } else if (child && typeof (child as Node).type === 'string') {
        stack.push(child as Node);
      }
    }
  }
  return false;
}

/** Does some node below `root` (nested functions included unless `skip` prunes them) satisfy `test`? */
export function someNode(root: Node, keys: VisitorKeys, test: (node: Node) => boolean, skip: (node: Node) => boolean = () => false): boolean {
  return walkNodes(root, keys, (node) => (test(node) ? 'stop' : skip(node) ? false : undefined));
}

/** A record lookup that ignores inherited keys (`constructor`, `toString`…): names in user code are arbitrary. */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A project's own helper named for a log level: `logError(…)`, `logInfo(…)`, `this.logWarn(…)`. */
const LOG_HELPER = /^log(?:Info|Warn(?:ing)?|Error|Debug|Trace|Verbose|Fatal)$/;

/** A call that writes a log line: `console.warn(…)`, `logger.error(…)`, `this.logger.log(…)`, a log-level helper (`logError(…)`). */
export function isLogCall(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = skipTransparent(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return LOG_HELPER.test(callee.name);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = memberName(callee);
  if (typeof method === 'string' && LOG_HELPER.test(method)) return true;
  const receiver = skipTransparent(callee.object);
  const name = receiver.type === AST_NODE_TYPES.Identifier ? receiver.name : receiver.type === AST_NODE_TYPES.MemberExpression ? memberName(receiver) : undefined;
  return typeof name === 'string' && /^(console|logger|log|_logger)$/i.test(name);
}

/** The executor of a promise made by hand: the function in `new Promise((resolve, reject) => …)`. */
export function isPromiseExecutor(fn: Node): boolean {
  const parent = fn.parent;
  return parent?.type === AST_NODE_TYPES.NewExpression && parent.arguments[0] === fn && parent.callee.type === AST_NODE_TYPES.Identifier && parent.callee.name === 'Promise';
}

/** The executor whose `index`th parameter `callee` is: 0 for its `resolve`, 1 for its `reject` (see {@link isPromiseExecutor}). */
function executorOf(callee: Node, sourceCode: Readonly<TSESLint.SourceCode>, index: number): FunctionNode | undefined {
  if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = findVariable(sourceCode, callee)?.defs[0];
  if (def?.type !== 'Parameter') return undefined;
  const fn = def.node as FunctionNode;
  return isPromiseExecutor(fn) && fn.params[index] === def.name ? fn : undefined;
}

/** `resolve` of a promise made by hand: the first parameter of its executor. */
export function isPromiseResolve(callee: Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return executorOf(callee, sourceCode, 0) !== undefined;
}

/**
 * A call of `reject` of a promise made by hand that the function around it
 * returns or awaits (`return new Promise((resolve, reject) => { …
 * reject(new Error(…)) })`), however deep in the executor's callbacks: the
 * function rejects with what it is given, as if it threw it.
 */
export function isPromiseReject(node: Node, sourceCode: Readonly<TSESLint.SourceCode>): node is TSESTree.CallExpression {
  return node.type === AST_NODE_TYPES.CallExpression && settlesHeldPromise(node, sourceCode, 1);
}

/**
 * A call of `resolve` of a promise made by hand that the function around it
 * returns (`return new Promise((resolve) => { … resolve({ success:
 * false, status: res.statusCode }) })`), however deep in the executor's
 * callbacks: the function gives back what it is given, as if it returned it.
 */
export function isPromiseResolveExit(node: Node, sourceCode: Readonly<TSESLint.SourceCode>): node is TSESTree.CallExpression {
  return node.type === AST_NODE_TYPES.CallExpression && settlesHeldPromise(node, sourceCode, 0);
}

/** The `new Promise(…)` whose `resolve` (0) or `reject` (1) `callee` is. */
export function promiseMadeBy(callee: Node, sourceCode: Readonly<TSESLint.SourceCode>, index: 0 | 1): Node | undefined {
  return executorOf(callee, sourceCode, index)?.parent;
}

/** Does `call` settle (0: resolve, 1: reject) a promise made by hand that the function around it returns or awaits? */
function settlesHeldPromise(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>, index: number): boolean {
  const executor = executorOf(call.callee, sourceCode, index);
  let promise: Node | undefined = executor?.parent;
  while (promise?.parent && (isTransparentWrapper(promise.parent) || promise.parent.type === AST_NODE_TYPES.AwaitExpression)) promise = promise.parent;
  const holder = promise?.parent;
  // awaited where it is made, a rejection is thrown from the function; a resolved value is only the await's
  return !!promise && (holder?.type === AST_NODE_TYPES.ReturnStatement || (holder?.type === AST_NODE_TYPES.ArrowFunctionExpression && holder.body === promise) || (index === 1 && promise.type === AST_NODE_TYPES.AwaitExpression));
}

