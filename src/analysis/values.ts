/**
 * Static evaluation within one file: constants followed through declarations,
 * object properties, enum members and class fields; URLs built from literals,
 * templates, concatenation, `new URL()` and environment variables.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { enclosingClass, findProperty, findVariable, memberName, propertyKeyName, skipTransparent, type Node } from './ast.js';
import type { AnalysisEnv } from './env.js';
import type { ProviderInfo } from './providers.js';

const MAX_DEPTH = 12;

/** The initializer of a variable that is assigned once (`const`, or a `let` never reassigned). */
export function constInit(env: AnalysisEnv, id: TSESTree.Identifier): TSESTree.Expression | undefined {
  const variable = findVariable(env.sourceCode, id);
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0]!;
  if (def.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id.type !== AST_NODE_TYPES.Identifier || !def.node.init) return undefined;
  if (variable.references.some((ref) => ref.isWrite() && !ref.init)) return undefined;
  return def.node.init;
}

/** The value a class gives `this.name`: a field initializer or the first `this.name = …` in its methods. */
export function thisMemberInit(member: TSESTree.MemberExpression): TSESTree.Expression | undefined {
  const name = memberName(member);
  const cls = enclosingClass(member);
  if (name === undefined || !cls) return undefined;
  for (const element of cls.body.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && !element.static && propertyKeyName(element) === name && element.value) {
      return element.value;
    }
  }
  for (const element of cls.body.body) {
    if (element.type !== AST_NODE_TYPES.MethodDefinition || !element.value.body) continue;
    const found = findThisAssignment(element.value.body, name);
    if (found) return found;
  }
  return undefined;
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
    const init = constInit(env, current);
    return init ? resolveExpression(env, init, depth + 1) : current;
  }
  if (current.type === AST_NODE_TYPES.MemberExpression) {
    if (current.object.type === AST_NODE_TYPES.ThisExpression) {
      const init = thisMemberInit(current);
      return init ? resolveExpression(env, init, depth + 1) : current;
    }
    const name = memberName(current);
    if (name === undefined) return current;
    const object = resolveExpression(env, current.object, depth + 1);
    if (object.type === AST_NODE_TYPES.ObjectExpression) {
      const property = findProperty(object, String(name));
      if (property && property.value.type !== AST_NODE_TYPES.AssignmentPattern) return resolveExpression(env, property.value, depth + 1);
    }
    const member = enumMember(env, current.object, name);
    if (member) return resolveExpression(env, member, depth + 1);
  }
  return current;
}

function enumMember(env: AnalysisEnv, object: Node, name: string | number): TSESTree.Expression | undefined {
  if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = findVariable(env.sourceCode, object);
  const def = variable?.defs[0];
  if (def?.node.type !== AST_NODE_TYPES.TSEnumDeclaration) return undefined;
  for (const member of def.node.body.members) {
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
  const object = skipTransparent(current.object);
  const isProcessEnv =
    object.type === AST_NODE_TYPES.MemberExpression &&
    memberName(object) === 'env' &&
    ((object.object.type === AST_NODE_TYPES.Identifier && (object.object.name === 'process' || object.object.name === 'Bun')) ||
      object.object.type === AST_NODE_TYPES.MetaProperty);
  if (!isProcessEnv) return undefined;
  const name = memberName(current);
  return typeof name === 'string' ? name : undefined;
}

/** Evaluates a URL-ish expression as far as the file allows. */
export function evaluateString(env: AnalysisEnv, node: Node, depth = 0): StringValue {
  if (depth > MAX_DEPTH) return HOLE;
  const current = skipTransparent(node);
  const envName = envVarName(current);
  if (envName !== undefined) {
    const provider = env.settings.envVars.get(envName);
    return provider ? { text: '\u0000', providers: [provider] } : HOLE;
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
      return HOLE;
    }
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression: {
      if (current.type === AST_NODE_TYPES.MemberExpression && memberName(current) === 'href') {
        return evaluateString(env, current.object, depth + 1);
      }
      const resolved = resolveExpression(env, current);
      return resolved === current ? HOLE : evaluateString(env, resolved, depth + 1);
    }
    default:
      return HOLE;
  }
}

/** The provider whose host the string names (or an env var that settings map), if any. */
export function providerOfUrl(env: AnalysisEnv, value: StringValue): ProviderInfo | undefined {
  if (value.providers[0]) return value.providers[0];
  const text = value.text.toLowerCase();
  if (!text.includes('.')) return undefined;
  for (const [host, provider] of env.settings.hosts) {
    let index = text.indexOf(host);
    while (index !== -1) {
      const before = index === 0 ? '' : text[index - 1]!;
      const after = text[index + host.length] ?? '';
      if ((before === '' || before === '/' || before === '.' || before === '@' || before === '\u0000') && (after === '' || /[:/?#\u0000]/.test(after))) {
        return provider;
      }
      index = text.indexOf(host, index + 1);
    }
  }
  return undefined;
}
