/**
 * Dispatches on a provider's error code: a `switch`, an if / else-if chain (or
 * a run of early-exit `if`s) testing the same code, a code → handler object
 * looked up with the code, and a literal list tested as a branch condition.
 * For each: the codes it handles and what happens to every other code.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, findVariable, propertyKeyName, skipTransparent, someNode, type Node } from './ast.js';
import { alwaysThrows } from './error-paths.js';
import type { CodeForm, FileAnalysis } from './file.js';
import type { ProviderInfo } from './providers.js';
import { codeComparisonsOf, type CodeSpelling } from './tests.js';
import { codeIn } from '../catalog/lookup.js';
import { resolveExpression, staticValue, UNKNOWN, type StaticValue } from './values.js';

export type DispatchForm = 'switch' | 'if-chain' | 'lookup' | 'membership';

/**
 * What other codes meet: `none` (nothing runs for them: no `default`, no
 * final `else`, an optional-call lookup), `empty` (a fallback that does
 * nothing), or `handled` (a fallback that does something).
 */
export type Fallback = 'none' | 'empty' | 'handled';

export interface Dispatch {
  readonly form: DispatchForm;
  /** Where to report: the `switch`, the first `if`, the object literal. */
  readonly node: Node;
  readonly provider: ProviderInfo;
  readonly code: Node;
  readonly handled: readonly StaticValue[];
  readonly fallback: Fallback;
  /** The `switch` statement, for inserting cases. */
  readonly switchStatement?: TSESTree.SwitchStatement;
  /** The lookup object, for inserting keys. */
  readonly object?: TSESTree.ObjectExpression;
  /**
   * How a new case or key must spell a code when the dispatched value is not
   * the catalog code itself: as text (a form field's digits); `null` when it
   * cannot be written from the catalog (a whole Vonage `type`, whose URL
   * differs between the Messages API's codes and the generic ones).
   */
  readonly spelling?: CodeSpelling | null;
}

/** The spelling new cases of a dispatch on a code of this form need (see `Dispatch.spelling`). */
function spellingOf(form: CodeForm | undefined): CodeSpelling | null | undefined {
  return form === 'text' ? { text: true } : form === 'url' ? null : undefined;
}

/**
 * Where a dispatched code comes from, written so that it can be rethrown at
 * the dispatch: the caught error (`err` of `err.response.data.error.code`),
 * or the parsed error body (`body` of `body.error.code`).
 */
export function codeSource(analysis: FileAnalysis, code: Node): { readonly kind: 'error' | 'body'; readonly node: Node } | undefined {
  let current = skipTransparent(code);
  if (current.type === AST_NODE_TYPES.Identifier) {
    // `const code = err.response?.data?.error?.code;` in the same function
    const def = findVariable(analysis.sourceCode, current)?.defs[0];
    const init = def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id.type === AST_NODE_TYPES.Identifier ? def.node.init : undefined;
    if (!init || enclosingFunction(init) !== enclosingFunction(code)) return undefined;
    current = skipTransparent(init);
  }
  let body: Node | undefined;
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const object = skipTransparent(current.object);
    const kind = analysis.kindOf(object);
    if (kind?.k === 'error') return { kind: 'error', node: object };
    if (kind?.k === 'body' && kind.path.length === 0) body = object;
    current = object;
  }
  return body ? { kind: 'body', node: body } : undefined;
}

/** Statements that do nothing for the codes that reach them. */
function doesNothing(statements: readonly TSESTree.Statement[]): boolean {
  return statements.every((statement) => {
    switch (statement.type) {
      case AST_NODE_TYPES.EmptyStatement:
      case AST_NODE_TYPES.BreakStatement:
      case AST_NODE_TYPES.ContinueStatement:
        return true;
      case AST_NODE_TYPES.ReturnStatement:
        // `return;`, `return undefined;` and `return void 0;` give the caller nothing either
        return (
          statement.argument === null ||
          (statement.argument.type === AST_NODE_TYPES.Identifier && statement.argument.name === 'undefined') ||
          (statement.argument.type === AST_NODE_TYPES.UnaryExpression && statement.argument.operator === 'void')
        );
      case AST_NODE_TYPES.BlockStatement:
        return doesNothing(statement.body);
      default:
        return false;
    }
  });
}

function blockStatements(statement: TSESTree.Statement): readonly TSESTree.Statement[] {
  return statement.type === AST_NODE_TYPES.BlockStatement ? statement.body : [statement];
}

/** Does a branch always leave (return / throw / continue / break)? */
export function exits(statement: TSESTree.Statement): boolean {
  const last = blockStatements(statement).at(-1);
  if (!last) return false;
  switch (last.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.ContinueStatement:
    case AST_NODE_TYPES.BreakStatement:
      return true;
    case AST_NODE_TYPES.IfStatement:
      return last.alternate !== null && exits(last.consequent) && exits(last.alternate);
    case AST_NODE_TYPES.BlockStatement:
      return exits(last);
    case AST_NODE_TYPES.SwitchStatement: {
      // with a `default`, and every case leaving past the `switch` (a `break` only ends the `switch`); empty cases fall through
      const cases = last.cases;
      return cases.some((c) => c.test === null) && cases.every((c, i) => (c.consequent.length === 0 ? i < cases.length - 1 : leavesSwitch(c.consequent)));
    }
    default:
      return false;
  }
}

/** Does a `switch` case's code always leave the enclosing function or loop (return / throw / continue, not `break`)? */
function leavesSwitch(statements: readonly TSESTree.Statement[]): boolean {
  const last = statements.at(-1);
  if (!last) return false;
  switch (last.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.ContinueStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement:
      return leavesSwitch(last.body);
    case AST_NODE_TYPES.IfStatement:
      return last.alternate !== null && leavesSwitch(blockStatements(last.consequent)) && leavesSwitch(blockStatements(last.alternate));
    default:
      return false;
  }
}

interface TestInfo {
  provider: ProviderInfo;
  code: Node;
  values: StaticValue[];
  membership: boolean;
}

/** The codes an `if` test selects: `code === X`, `X === code || code === Y`, `LIST.includes(code)`. */
function testedCodes(analysis: FileAnalysis, test: Node): TestInfo | undefined {
  const node = skipTransparent(test);
  if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator === '||') {
    const left = testedCodes(analysis, node.left);
    const right = testedCodes(analysis, node.right);
    if (!left || !right || left.provider !== right.provider || !sameCode(analysis, left.code, right.code)) return undefined;
    return { ...left, values: [...left.values, ...right.values], membership: left.membership || right.membership };
  }
  if (node.type === AST_NODE_TYPES.BinaryExpression && (node.operator === '===' || node.operator === '==')) {
    const [comparison] = codeComparisonsOf(analysis, node);
    return comparison ? { provider: comparison.provider, code: comparison.code, values: [comparison.value], membership: false } : undefined;
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const comparisons = codeComparisonsOf(analysis, node);
    const first = comparisons[0];
    return first ? { provider: first.provider, code: first.code, values: comparisons.map((c) => c.value), membership: true } : undefined;
  }
  return undefined;
}

function sameCode(analysis: FileAnalysis, a: Node, b: Node): boolean {
  const text = (n: Node) => analysis.sourceCode.getText(skipTransparent(n)).replace(/\?\./g, '.');
  return text(a) === text(b);
}

function switchDispatch(analysis: FileAnalysis, node: TSESTree.SwitchStatement): Dispatch | undefined {
  const found = analysis.codeOf(node.discriminant);
  if (!found) return undefined;
  const handled: StaticValue[] = [];
  let fallback: Fallback = 'none';
  node.cases.forEach((clause, i) => {
    if (clause.test) {
      for (const comparison of codeComparisonsOf(analysis, clause)) handled.push(comparison.value);
      return;
    }
    // `default` falls through into the following cases' statements until one breaks.
    const statements: TSESTree.Statement[] = [];
    for (const next of node.cases.slice(i)) {
      statements.push(...next.consequent);
      if (next.consequent.some((s) => s.type === AST_NODE_TYPES.BreakStatement || exits(s))) break;
    }
    fallback = doesNothing(statements) ? 'empty' : 'handled';
  });
  // No `default`: other codes go on after the switch.
  if (!node.cases.some((c) => c.test === null)) fallback = fallbackAround(analysis, node, node, found.provider);
  const spelling = spellingOf(found.form);
  return { form: 'switch', node, provider: found.provider, code: node.discriminant, handled, fallback, switchStatement: node, ...(spelling !== undefined ? { spelling } : {}) };
}

/**
 * What becomes of the codes a dispatch without an `else` or `default` does
 * not select: what runs after it (see `after`); and when nothing after it
 * handles them, a statement before it on the same path that already handed
 * the whole error on (`console.error('Meta error', err.response.data)`,
 * `report(err)`) saw every code, so none is lost.
 */
function fallbackAround(analysis: FileAnalysis, statement: TSESTree.Statement, last: TSESTree.Node, provider: ProviderInfo): Fallback {
  const found = after(analysis, statement, last);
  return found === 'none' && handedOnBefore(analysis, statement, provider) ? 'handled' : found;
}

/** Does an earlier statement of the dispatch's block, or of a block around it (up to its function), hand the whole error to a call? */
function handedOnBefore(analysis: FileAnalysis, statement: TSESTree.Statement, provider: ProviderInfo): boolean {
  const fn = enclosingFunction(statement);
  for (let current: Node = statement; current.parent && current.parent !== fn; current = current.parent) {
    const parent: Node = current.parent;
    const body = parent.type === AST_NODE_TYPES.BlockStatement ? parent.body : parent.type === AST_NODE_TYPES.SwitchCase ? parent.consequent : undefined;
    if (!body) continue;
    if (body.slice(0, body.indexOf(current as TSESTree.Statement)).some((s) => handsOnWholeError(analysis, s, provider))) return true;
  }
  return false;
}

/**
 * `console.error('failed', err)`, `logger.warn(JSON.stringify(err.response.data))`, `await report({ error: body })`:
 * a call statement given the error, the response, or the body (or the part of it) that holds the code.
 */
function handsOnWholeError(analysis: FileAnalysis, statement: TSESTree.Statement, provider: ProviderInfo): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const expression = skipTransparent(statement.expression.type === AST_NODE_TYPES.AwaitExpression ? statement.expression.argument : statement.expression);
  if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
  const whole = (node: Node, depth: number): boolean => {
    const value = skipTransparent(node);
    const kind = analysis.kindOf(value);
    if (kind?.provider === provider) {
      if (kind.k === 'error' || kind.k === 'response') return true;
      if (kind.k === 'body') return kind.path.length < kind.provider.codePath.length && kind.path.every((key, i) => key === kind.provider.codePath[i]);
    }
    if (depth >= 2) return false;
    // what a formatter or a wrapper object is given: `JSON.stringify(body)`, `` `${err}` ``, `{ error: body }`
    if (value.type === AST_NODE_TYPES.CallExpression) return value.arguments.some((a) => whole(a, depth + 1));
    if (value.type === AST_NODE_TYPES.TemplateLiteral) return value.expressions.some((e) => whole(e, depth + 1));
    if (value.type === AST_NODE_TYPES.ObjectExpression) return value.properties.some((p) => p.type === AST_NODE_TYPES.Property && whole(p.value, depth + 1));
    return false;
  };
  return expression.arguments.some((argument) => whole(argument, 0));
}

/**
 * Statements that run after a chain for codes it did not select: its
 * following siblings, or, at the end of a nested block (`if (err.response) {
 * … }`), what follows that block's statement — up to the function's end.
 * Code that merely follows a dispatch without a `default` runs for the other
 * codes by accident: it handles them only when it throws or uses the error,
 * its body or its code (rethrows, returns, passes on or logs it).
 */
function after(analysis: FileAnalysis, statement: TSESTree.Node, last: TSESTree.Node): Fallback {
  const parent = statement.parent;
  if (parent?.type !== AST_NODE_TYPES.BlockStatement && parent?.type !== AST_NODE_TYPES.Program && parent?.type !== AST_NODE_TYPES.SwitchCase) return 'none';
  const body: readonly TSESTree.Node[] = parent.type === AST_NODE_TYPES.SwitchCase ? parent.consequent : parent.body;
  const rest = body.slice(body.indexOf(last) + 1) as TSESTree.Statement[];
  if (rest.length > 0) return doesNothing(rest) ? 'empty' : rest.some((s) => handlesError(analysis, s)) ? 'handled' : 'none';
  // the end of a block nested in a statement (not a function body, not a loop: a loop goes round)
  const holder = parent.type === AST_NODE_TYPES.BlockStatement ? parent.parent : undefined;
  if (holder && (holder.type === AST_NODE_TYPES.IfStatement || holder.type === AST_NODE_TYPES.BlockStatement || holder.type === AST_NODE_TYPES.TryStatement)) {
    return after(analysis, holder, holder);
  }
  if (holder?.type === AST_NODE_TYPES.CatchClause) return after(analysis, holder.parent, holder.parent);
  return 'none';
}

/** Does a statement throw, or use a provider's error, response, body or code (not inside a nested function)? */
function handlesError(analysis: FileAnalysis, statement: Node): boolean {
  return someNode(
    statement,
    analysis.sourceCode.visitorKeys,
    (node) =>
      node.type === AST_NODE_TYPES.ThrowStatement ||
      (node.type === AST_NODE_TYPES.CallExpression && alwaysThrows(analysis, node)) ||
      ((node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) && isOutcome(analysis, node)),
    (node) => node !== statement && (node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration),
  );
}

function isOutcome(analysis: FileAnalysis, node: Node): boolean {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) return false;
  const kind = analysis.kindOf(node);
  return kind !== undefined && kind.k !== 'promise';
}

function siblingsOf(node: Node): readonly Node[] {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.BlockStatement || parent?.type === AST_NODE_TYPES.Program) return parent.body;
  if (parent?.type === AST_NODE_TYPES.SwitchCase) return parent.consequent;
  return [];
}

function ifDispatch(analysis: FileAnalysis, node: TSESTree.IfStatement): Dispatch | undefined {
  const parent = node.parent;
  // An `else if` on the same code belongs to the chain its first `if` starts.
  if (parent?.type === AST_NODE_TYPES.IfStatement && parent.alternate === node) {
    const own = testedCodes(analysis, node.test);
    const above = testedCodes(analysis, parent.test);
    if (!own || (above && above.provider === own.provider && sameCode(analysis, above.code, own.code))) return undefined;
  }
  const test = skipTransparent(node.test);
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') {
    const negated = testedCodes(analysis, test.argument);
    if (!negated?.membership) return undefined;
    // The consequent runs for every code not in the list.
    const fallback: Fallback = doesNothing(blockStatements(node.consequent)) ? 'empty' : 'handled';
    return { form: 'membership', node, provider: negated.provider, code: negated.code, handled: negated.values, fallback };
  }
  const first = testedCodes(analysis, node.test);
  if (!first) return undefined;
  // A previous sibling `if` testing the same code starts the run instead.
  const siblings = siblingsOf(node);
  const previous = siblings[siblings.indexOf(node) - 1];
  if (previous?.type === AST_NODE_TYPES.IfStatement && !previous.alternate && exits(previous.consequent)) {
    const before = testedCodes(analysis, previous.test);
    if (before && before.provider === first.provider && sameCode(analysis, before.code, first.code)) return undefined;
  }
  const handled = [...first.values];
  let tests = 1;
  let membership = first.membership;
  let fallback: Fallback = 'none';
  // else-if chain
  let current: TSESTree.IfStatement = node;
  while (current.alternate) {
    const alternate = current.alternate;
    const next = alternate.type === AST_NODE_TYPES.IfStatement ? testedCodes(analysis, alternate.test) : undefined;
    if (alternate.type === AST_NODE_TYPES.IfStatement && next && next.provider === first.provider && sameCode(analysis, next.code, first.code)) {
      handled.push(...next.values);
      membership ||= next.membership;
      tests++;
      current = alternate;
      continue;
    }
    fallback = doesNothing(blockStatements(alternate)) ? 'empty' : 'handled';
    break;
  }
  // a run of early-exit `if`s without `else`; the last one may end in an else-if chain
  let last: TSESTree.Statement = node;
  if (!node.alternate && exits(node.consequent)) {
    for (const sibling of siblings.slice(siblings.indexOf(node) + 1)) {
      if (sibling.type !== AST_NODE_TYPES.IfStatement) break;
      const next = testedCodes(analysis, sibling.test);
      if (!next || next.provider !== first.provider || !sameCode(analysis, next.code, first.code)) break;
      handled.push(...next.values);
      membership ||= next.membership;
      tests++;
      last = sibling;
      if (sibling.alternate || !exits(sibling.consequent)) {
        current = sibling;
        while (current.alternate) {
          const alternate: TSESTree.Statement = current.alternate;
          const more = alternate.type === AST_NODE_TYPES.IfStatement ? testedCodes(analysis, alternate.test) : undefined;
          if (alternate.type === AST_NODE_TYPES.IfStatement && more && more.provider === first.provider && sameCode(analysis, more.code, first.code)) {
            handled.push(...more.values);
            tests++;
            current = alternate;
            continue;
          }
          fallback = doesNothing(blockStatements(alternate)) ? 'empty' : 'handled';
          break;
        }
        break;
      }
    }
  }
  if (!current.alternate) fallback = fallbackAround(analysis, node, last, first.provider);
  if (tests < 2 && !membership) return undefined;
  return { form: tests < 2 ? 'membership' : 'if-chain', node, provider: first.provider, code: first.code, handled, fallback };
}

/** `handlers[code]`, `handlers[code]?.()`, `map[code] ?? fallback` with a literal object. */
function lookupDispatch(analysis: FileAnalysis, node: TSESTree.MemberExpression): Dispatch | undefined {
  if (!node.computed) return undefined;
  const found = analysis.codeOf(node.property);
  if (!found) return undefined;
  const object = resolveExpression(analysis, node.object);
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const handled: StaticValue[] = [];
  const collect = (target: TSESTree.ObjectExpression, depth: number): void => {
    for (const property of target.properties) {
      if (property.type === AST_NODE_TYPES.SpreadElement) {
        const spread = resolveExpression(analysis, property.argument);
        if (spread.type === AST_NODE_TYPES.ObjectExpression && depth < 5) collect(spread, depth + 1);
        continue;
      }
      const computed = property.computed ? staticValue(analysis, property.key) : UNKNOWN;
      const key = computed !== UNKNOWN && (typeof computed === 'string' || typeof computed === 'number') ? computed : propertyKeyName(property);
      if (key === undefined) continue;
      if (found.form === 'url') {
        // `{ 'https://developer.vonage.com/api-errors/messages#1340': … }`
        const fragment = codeIn(found.provider.def, String(key));
        if (typeof fragment === 'string') handled.push(fragment);
        continue;
      }
      handled.push(typeof key === 'string' && /^\d+$/.test(key) && found.provider.def.codeType !== 'string' ? Number(key) : key);
    }
  };
  collect(object, 0);
  // What happens when the key is missing: `?? x` / `|| x` supplies a fallback.
  let outer: Node = node;
  while (outer.parent?.type === AST_NODE_TYPES.ChainExpression || (outer.parent?.type === AST_NODE_TYPES.CallExpression && outer.parent.callee === outer)) {
    outer = outer.parent;
  }
  const parent = outer.parent;
  let fallback: Fallback = 'none';
  if (parent?.type === AST_NODE_TYPES.LogicalExpression && parent.left === outer && (parent.operator === '??' || parent.operator === '||')) {
    const right = skipTransparent(parent.right);
    const empty =
      (right.type === AST_NODE_TYPES.Identifier && right.name === 'undefined') ||
      (right.type === AST_NODE_TYPES.Literal && right.value === null) ||
      ((right.type === AST_NODE_TYPES.ArrowFunctionExpression || right.type === AST_NODE_TYPES.FunctionExpression) &&
        right.body.type === AST_NODE_TYPES.BlockStatement &&
        doesNothing(right.body.body));
    fallback = empty ? 'empty' : 'handled';
  } else {
    fallback = guardFallback(analysis, outer, node.object) ?? 'none';
  }
  const spelling = spellingOf(found.form);
  return { form: 'lookup', node: object, provider: found.provider, code: node.property, handled, fallback, object, ...(spelling !== undefined ? { spelling } : {}) };
}

/**
 * A lookup guarded by a test of its presence, whose other side handles the
 * missing codes: `if (code in handlers) handlers[code](); else report();`,
 * `const h = handlers[code]; if (h) h(); else report();`.
 */
function guardFallback(analysis: FileAnalysis, lookup: Node, object: Node): Fallback | undefined {
  const objectText = analysis.sourceCode.getText(object);
  const sideOf = (ifStatement: TSESTree.IfStatement, positive: boolean): Fallback => {
    const other = positive ? ifStatement.alternate : ifStatement.consequent;
    if (!other) return after(analysis, ifStatement, ifStatement);
    return doesNothing(blockStatements(other)) ? 'empty' : 'handled';
  };
  // `if (code in handlers)` or `if (code && handlers[code])` around the lookup, or the lookup in such a test
  const guards = (test: Node): boolean =>
    truthyOperands(test).some(
      (operand) =>
        (operand.type === AST_NODE_TYPES.BinaryExpression && operand.operator === 'in' && analysis.sourceCode.getText(operand.right) === objectText) ||
        (operand.type === AST_NODE_TYPES.MemberExpression && operand.computed && analysis.sourceCode.getText(operand.object) === objectText),
    );
  for (let current: Node | undefined = lookup; current?.parent; current = current.parent) {
    const parent: Node = current.parent;
    if (isFunctionLike(parent)) break;
    if (parent.type === AST_NODE_TYPES.IfStatement && (parent.consequent === current || parent.test === current) && guards(parent.test)) return sideOf(parent, true);
  }
  // `const handler = handlers[code]; if (handler) …`
  const declarator = lookup.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== lookup || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = analysis.sourceCode.getDeclaredVariables(declarator)[0];
  for (const reference of variable?.references ?? []) {
    const id = reference.identifier;
    const parent = id.parent;
    if (parent?.type === AST_NODE_TYPES.IfStatement && parent.test === id) return sideOf(parent, true);
    if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === '!' && parent.parent?.type === AST_NODE_TYPES.IfStatement && parent.parent.test === parent) {
      return sideOf(parent.parent, false);
    }
    if (parent?.type === AST_NODE_TYPES.LogicalExpression && parent.left === id && (parent.operator === '??' || parent.operator === '||')) return 'handled';
  }
  return undefined;
}

/** The operands of an `&&` chain (the test itself when it is not one), parentheses and casts skipped. */
function truthyOperands(test: Node): Node[] {
  const current = skipTransparent(test);
  if (current.type === AST_NODE_TYPES.LogicalExpression && current.operator === '&&') return [...truthyOperands(current.left), ...truthyOperands(current.right)];
  return [current];
}

function isFunctionLike(node: Node): boolean {
  return node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration;
}

/** The dispatch `node` starts, if any. */
export function dispatchOf(analysis: FileAnalysis, node: Node): Dispatch | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.SwitchStatement:
      return switchDispatch(analysis, node);
    case AST_NODE_TYPES.IfStatement:
      return ifDispatch(analysis, node);
    case AST_NODE_TYPES.MemberExpression:
      return lookupDispatch(analysis, node);
    default:
      return undefined;
  }
}
