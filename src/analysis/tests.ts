/**
 * Decisions on a provider's outcome: tests of the HTTP status and comparisons
 * of the error code with literal values (`===`, `switch` cases, `includes` /
 * `has` on literal lists). Rules judge them; this file only recognises them.
 */
import * as dns from 'node:dns';
import { constants as osConstants } from 'node:os';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findVariable, isFunction, memberName, outermostWrapper, skipTransparent, someNode, walkNodes, type Node } from './ast.js';
import { exits } from './dispatch.js';
import type { CodeForm, FileAnalysis, ProviderCall } from './file.js';
import { isClientError } from './clients.js';
import { alwaysThrows, isForeignErrorClass, isProviderErrorClass } from './error-paths.js';
import type { ProviderInfo } from './providers.js';
import { calleeFunction, inline, resolveExpression, returnedExpressions, staticList, staticValue, UNKNOWN, type StaticValue } from './values.js';

/**
 * A call of a predicate of this file or an imported one (`isRetryable(status)`,
 * `isTokenError(code)`) whose body is one returned expression: `read` sees
 * that expression with the parameters bound to the call's arguments, exactly
 * as if it were written at the call.
 */
function throughPredicate<T>(analysis: FileAnalysis, call: TSESTree.CallExpression, read: (expression: Node) => T | undefined): T | undefined {
  if (call.arguments.length === 0 || analysis.providerCall(call)) return undefined;
  const callee = calleeFunction(analysis, call.callee);
  if (!callee) return undefined;
  const returned = returnedExpressions(callee.fn);
  if (returned.length !== 1) return undefined;
  return inline(analysis, callee, call, () => read(skipTransparent(returned[0]!)));
}

/** The operands of an `||` chain, flattened. */
function orOperands(node: Node): Node[] {
  const current = skipTransparent(node);
  return current.type === AST_NODE_TYPES.LogicalExpression && current.operator === '||' ? [...orOperands(current.left), ...orOperands(current.right)] : [current];
}

export type StatusRange = readonly [number, number];

export interface StatusTest {
  /** Where the test is written (the comparison, the `case` test, the `includes` call); for a range, its first bound. */
  readonly node: Node;
  /** For a range written as two comparisons: from the first to the last. */
  readonly loc?: TSESTree.SourceLocation;
  readonly provider: ProviderInfo;
  /** The statuses the test selects, within 100–599. */
  readonly ranges: readonly StatusRange[];
}

const EQUALITY = new Set(['===', '==', '!==', '!=']);
const RELATIONAL = new Set(['<', '<=', '>', '>=']);
const FLIP: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
const MIN_STATUS = 100;
const MAX_STATUS = 599;

function comparisonRange(operator: string, value: number): StatusRange | undefined {
  switch (operator) {
    case '<':
      return [MIN_STATUS, Math.ceil(value) - 1];
    case '<=':
      return [MIN_STATUS, Math.floor(value)];
    case '>':
      return [Math.floor(value) + 1, MAX_STATUS];
    case '>=':
      return [Math.ceil(value), MAX_STATUS];
    default:
      return EQUALITY.has(operator) && Number.isInteger(value) ? [value, value] : undefined;
  }
}

/** `status OP number` in either order: the provider and the statuses it selects. */
export function simpleStatusComparison(analysis: FileAnalysis, node: TSESTree.BinaryExpression): { provider: ProviderInfo; range: StatusRange; status: Node } | undefined {
  if (!EQUALITY.has(node.operator) && !RELATIONAL.has(node.operator)) return undefined;
  for (const [status, other, operator] of [
    [node.left, node.right, node.operator],
    [node.right, node.left, FLIP[node.operator] ?? node.operator],
  ] as const) {
    const found = analysis.statusOf(status);
    if (!found) continue;
    const value = staticValue(analysis, other);
    const range = typeof value === 'number' ? comparisonRange(operator, value) : undefined;
    return range ? { provider: found.provider, range, status } : undefined;
  }
  return undefined;
}

function sameExpression(analysis: FileAnalysis, a: Node, b: Node): boolean {
  const text = (n: Node) => analysis.sourceCode.getText(skipTransparent(n)).replace(/\?\./g, '.');
  return text(a) === text(b);
}

function sameStatus(analysis: FileAnalysis, comparison: TSESTree.BinaryExpression, status: Node): boolean {
  const other = simpleStatusComparison(analysis, comparison);
  return !!other && sameExpression(analysis, other.status, status);
}

/** The operands of an `&&` chain, flattened: `a && b && c` → [a, b, c]. */
function andOperands(node: Node): Node[] {
  return node.type === AST_NODE_TYPES.LogicalExpression && node.operator === '&&' ? [...andOperands(node.left), ...andOperands(node.right)] : [node];
}

/**
 * The status test `node` is part of, if any. Relational tests of the same
 * status joined by `&&` (`status >= 400 && status < 500`, also inside a longer
 * chain such as `err.response && … && …`) are one range test, keyed on the
 * first of them.
 */
export function statusTestOf(analysis: FileAnalysis, node: Node): StatusTest | undefined {
  if (node.type === AST_NODE_TYPES.BinaryExpression) {
    const own = simpleStatusComparison(analysis, node);
    if (!own) return undefined;
    let top: Node = node;
    while (top.parent?.type === AST_NODE_TYPES.LogicalExpression && top.parent.operator === '&&') top = top.parent;
    if (RELATIONAL.has(node.operator) && top !== node) {
      const related = andOperands(top).filter(
        (operand): operand is TSESTree.BinaryExpression =>
          operand.type === AST_NODE_TYPES.BinaryExpression && RELATIONAL.has(operand.operator) && (operand === node || sameStatus(analysis, operand, own.status)),
      );
      if (related.length > 1) {
        let range: StatusRange = [MIN_STATUS, MAX_STATUS];
        for (const operand of related) {
          const part = simpleStatusComparison(analysis, operand)!.range;
          range = [Math.max(range[0], part[0]), Math.min(range[1], part[1])];
        }
        const first = related[0]!;
        const last = related.at(-1)!;
        return {
          node: first,
          loc: { start: first.loc.start, end: last.loc.end },
          provider: own.provider,
          ranges: range[0] <= range[1] ? [range] : [],
        };
      }
    }
    return { node, provider: own.provider, ranges: [own.range] };
  }
  if (node.type === AST_NODE_TYPES.SwitchCase) {
    if (!node.test || node.parent.type !== AST_NODE_TYPES.SwitchStatement) return undefined;
    const found = analysis.statusOf(node.parent.discriminant);
    const value = found && staticValue(analysis, node.test);
    return found && typeof value === 'number' && Number.isInteger(value) ? { node: node.test, provider: found.provider, ranges: [[value, value]] } : undefined;
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const membership = listMembership(analysis, node);
    if (!membership) {
      // `isRetryable(err.response.status)` where `isRetryable = (s) => s === 429 || s >= 500`
      return throughPredicate(analysis, node, (expression) => {
        const tests = orOperands(expression).map((operand) => statusTestOf(analysis, operand));
        const first = tests[0];
        if (!first || tests.some((t) => !t || t.provider !== first.provider)) return undefined;
        return { node, provider: first.provider, ranges: tests.flatMap((t) => t!.ranges) };
      });
    }
    const found = analysis.statusOf(membership.tested);
    if (!found) return undefined;
    const ranges = membership.items.flatMap((item): StatusRange[] => (typeof item.value === 'number' ? [[item.value, item.value]] : []));
    return ranges.length ? { node, provider: found.provider, ranges } : undefined;
  }
  return undefined;
}

/** `[a, b].includes(x)`, `new Set([a, b]).has(x)`, `LIST.includes(x)` with a literal list. */
function listMembership(analysis: FileAnalysis, node: TSESTree.CallExpression): { tested: Node; items: { value: StaticValue; node: Node }[] } | undefined {
  const callee = skipTransparent(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = memberName(callee);
  const tested = node.arguments[0];
  if ((method !== 'includes' && method !== 'has') || !tested || tested.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const items = staticList(analysis, callee.object);
  return items ? { tested, items } : undefined;
}

export interface CodeComparison {
  readonly provider: ProviderInfo;
  /** The code expression. */
  readonly code: Node;
  /** The compared value as written in the test (a literal, a constant, a list element). */
  readonly node: Node;
  /** The literal behind it, where a fix would change the value. */
  readonly literal: TSESTree.Literal | TSESTree.TemplateLiteral | undefined;
  /**
   * The catalog code the test compares with: the value as written, or the
   * code inside it (the fragment of a Vonage `type` URL, `'63016'` of a
   * form-encoded callback field as Twilio's 63016).
   */
  readonly value: StaticValue;
  /** How the written value spells `value`, when it is not `value` itself (see `CodeSpelling`). */
  readonly spelling?: CodeSpelling;
  /**
   * Set when the value can never equal the code expression, whatever the code:
   * `bare-fragment`, a code without its URL compared with a whole Vonage
   * `type`; `number-for-text`, a number compared strictly with a form field's text.
   */
  readonly never?: 'bare-fragment' | 'number-for-text';
  /** `===`, `!==`, `==`, `!=`, `case`, `includes` / `has` for list membership, `endsWith` / `includes` for a URL's fragment. */
  readonly form: string;
  /**
   * Set when the value is an error code of Node or of an HTTP client
   * (`'ECONNREFUSED'`, `'ETIMEDOUT'`, axios's `'ERR_NETWORK'`, undici's
   * `'UND_ERR_CONNECT_TIMEOUT'`) compared with the `code` of a caught error:
   * an SDK's error carries the provider's code there, and these when the
   * request never reached the provider.
   */
  readonly transport?: boolean;
}

/**
 * Node's system error names (`ECONNRESET`…), from the running Node itself; the
 * codes of its resolver (`ENOTFOUND`, `ESERVFAIL`: `dns.NOTFOUND`…, which a
 * failed lookup of the provider's host carries), and the getaddrinfo ones.
 */
const SYSTEM_ERROR_CODES = new Set([
  ...Object.keys(osConstants.errno),
  ...Object.values(dns as Record<string, unknown>).filter((value): value is string => typeof value === 'string' && /^E[A-Z]+$/.test(value)),
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NONAME',
  'EAI_NODATA',
  'ESOCKETTIMEDOUT',
]);

/** `ERR_NETWORK`, `ERR_BAD_RESPONSE` (axios, Node), `UND_ERR_SOCKET` (undici). */
const CLIENT_ERROR_CODE = /^(?:UND_)?ERR_[A-Z0-9_]+$/;

function transportFlag(analysis: FileAnalysis, code: Node, value: StaticValue): { transport?: true } {
  return transportCompared(analysis, code, value) ? { transport: true } : {};
}

/** A transport error code compared with the `code` field read off an error object (not off a response body). */
function transportCompared(analysis: FileAnalysis, code: Node, value: StaticValue): boolean {
  if (typeof value !== 'string' || !(SYSTEM_ERROR_CODES.has(value) || CLIENT_ERROR_CODE.test(value))) return false;
  const expression = skipTransparent(code);
  return expression.type === AST_NODE_TYPES.MemberExpression && analysis.kindOf(expression.object)?.k === 'error';
}

/** How a value written in the code spells a catalog code: after a prefix (a Vonage `type` URL up to `#`), or as the digits of a numeric code. */
export interface CodeSpelling {
  readonly prefix?: string;
  readonly text?: boolean;
}

/** The written value `code`'s catalog spelling: `written(value, spelling)` is what a fix puts in the literal. */
export function spell(code: string | number, spelling: CodeSpelling | undefined): string | number {
  if (spelling?.prefix !== undefined) return `${spelling.prefix}${code}`;
  return spelling?.text ? String(code) : code;
}

/**
 * A value compared with a code expression of the given form, as the catalog
 * code it stands for: a Vonage `type` URL's fragment, a form field's digits
 * as a number; `strict` for `===`, `!==` and `case`.
 */
function decode(found: { provider: ProviderInfo; form: CodeForm }, value: StaticValue, strict: boolean): Pick<CodeComparison, 'value' | 'spelling' | 'never'> {
  if (found.form === 'url') {
    if (typeof value !== 'string') return { value };
    const hash = value.lastIndexOf('#');
    if (hash === -1) return { value, never: 'bare-fragment' };
    return { value: value.slice(hash + 1), spelling: { prefix: value.slice(0, hash + 1) } };
  }
  if (found.form === 'text' && found.provider.def.codeType === 'number') {
    if (typeof value === 'string' && /^\d+$/.test(value)) return { value: Number(value), spelling: { text: true } };
    if (typeof value === 'number' && strict) return { value, never: 'number-for-text' };
  }
  return { value };
}

function literalBehind(analysis: FileAnalysis, node: Node): TSESTree.Literal | TSESTree.TemplateLiteral | undefined {
  const resolved = resolveExpression(analysis, node);
  return resolved.type === AST_NODE_TYPES.Literal || (resolved.type === AST_NODE_TYPES.TemplateLiteral && resolved.expressions.length === 0) ? resolved : undefined;
}

/** String tests that select a Vonage `type` by its fragment: `type.endsWith('#1340')`, `type.includes('#1340')`. */
const FRAGMENT_TESTS = new Set(['endsWith', 'includes']);

/** The comparisons of a provider's code with static values that `node` makes. */
export function codeComparisonsOf(analysis: FileAnalysis, node: Node): CodeComparison[] {
  if (node.type === AST_NODE_TYPES.BinaryExpression && EQUALITY.has(node.operator)) {
    for (const [code, other] of [
      [node.left, node.right],
      [node.right, node.left],
    ] as const) {
      const found = analysis.codeOf(code);
      if (!found) continue;
      const value = staticValue(analysis, other);
      // `code === ''` asks whether there is a code at all, as `code == null` does: no provider's code is empty
      if (value === UNKNOWN || value === '') return [];
      const strict = node.operator.length === 3;
      return [{ provider: found.provider, code, node: other, literal: literalBehind(analysis, other), ...decode(found, value, strict), form: node.operator, ...transportFlag(analysis, code, value) }];
    }
    return [];
  }
  if (node.type === AST_NODE_TYPES.SwitchCase) {
    if (!node.test || node.parent.type !== AST_NODE_TYPES.SwitchStatement) return [];
    const found = analysis.codeOf(node.parent.discriminant);
    const value = found && staticValue(analysis, node.test);
    if (!found || value === undefined || value === UNKNOWN || value === '') return [];
    return [{ provider: found.provider, code: node.parent.discriminant, node: node.test, literal: literalBehind(analysis, node.test), ...decode(found, value, true), form: 'case', ...transportFlag(analysis, node.parent.discriminant, value) }];
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const fragment = fragmentTest(analysis, node);
    if (fragment) return [fragment];
    const membership = listMembership(analysis, node);
    if (!membership) {
      // `isTokenError(body.error.code)` where `isTokenError = (c) => c === 190 || c === 463`: the comparisons in its body
      return (
        throughPredicate(analysis, node, (expression) => {
          const found = orOperands(expression).flatMap((operand) => codeComparisonsOf(analysis, operand));
          return found.length > 0 ? found : undefined;
        }) ?? []
      );
    }
    const found = analysis.codeOf(membership.tested);
    if (!found) return [];
    const form = memberName(node.callee as TSESTree.MemberExpression) as string;
    return membership.items.filter((item) => item.value !== '').map((item) => ({
      provider: found.provider,
      code: membership.tested,
      node: item.node,
      literal: literalBehind(analysis, item.node),
      ...decode(found, item.value, true),
      form,
      ...transportFlag(analysis, membership.tested, item.value),
    }));
  }
  return [];
}

/** `type.endsWith('#1340')` on a whole Vonage `type`: a comparison of its fragment with `'1340'`. */
function fragmentTest(analysis: FileAnalysis, node: TSESTree.CallExpression): CodeComparison | undefined {
  const callee = skipTransparent(node.callee);
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  const [argument] = node.arguments;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || typeof method !== 'string' || !FRAGMENT_TESTS.has(method) || !argument) return undefined;
  const found = analysis.codeOf(callee.object);
  if (found?.form !== 'url') return undefined;
  const value = staticValue(analysis, argument);
  const hash = typeof value === 'string' ? value.lastIndexOf('#') : -1;
  if (typeof value !== 'string' || hash === -1 || hash === value.length - 1) return undefined;
  return {
    provider: found.provider,
    code: callee.object,
    node: argument,
    literal: literalBehind(analysis, argument),
    value: value.slice(hash + 1),
    spelling: { prefix: value.slice(0, hash + 1) },
    form: method,
  };
}

export interface MessageTest {
  /** The decision: the comparison, the `includes` / `test` call, the `case` test. */
  readonly node: Node;
  readonly provider: ProviderInfo;
  /** The provider's text as tested (`body.error.message`). */
  readonly message: Node;
  /** Body path of the text (`['error', 'message']`). */
  readonly path: readonly (string | number)[];
  /** The string or regular expression source it is tested against. */
  readonly text: string;
  /** `===`, `!==`, `includes`, `startsWith`, `endsWith`, `indexOf`, `match`, `search`, `test`, `case`… */
  readonly form: string;
}

const STRING_TESTS = new Set(['includes', 'startsWith', 'endsWith', 'indexOf', 'lastIndexOf', 'match', 'matchAll', 'search', 'localeCompare']);

/** A regex literal, `new RegExp('…')`, or a constant holding one: its source. */
function regexSource(analysis: FileAnalysis, node: Node): string | undefined {
  const resolved = resolveExpression(analysis, node);
  if (resolved.type === AST_NODE_TYPES.Literal && 'regex' in resolved && resolved.regex) return resolved.regex.pattern;
  if (resolved.type === AST_NODE_TYPES.NewExpression && resolved.callee.type === AST_NODE_TYPES.Identifier && resolved.callee.name === 'RegExp' && resolved.arguments[0]) {
    const value = staticValue(analysis, resolved.arguments[0]);
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

/** The tested text; an empty string only asks whether there is any text, which is no decision on it. */
function textOf(analysis: FileAnalysis, node: Node): string | undefined {
  const value = staticValue(analysis, node);
  const text = typeof value === 'string' ? value : regexSource(analysis, node);
  return text === '' ? undefined : text;
}

/** Expressions a code comparison climbs through to the decision it is part of. */
const DECISION_PARTS = new Set<string>([
  AST_NODE_TYPES.BinaryExpression,
  AST_NODE_TYPES.LogicalExpression,
  AST_NODE_TYPES.ChainExpression,
  AST_NODE_TYPES.UnaryExpression,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.TSAsExpression,
]);

/**
 * The other values compared with the same provider's code in the decision a
 * comparison is part of: the other operands of its `||` / `&&` chain, the
 * other elements of its list, the other cases of its `switch`
 * (`code === 21656 || code === '21656'` gives `21656` for the string half).
 */
export function valuesComparedBeside(analysis: FileAnalysis, comparison: CodeComparison): unknown[] {
  let top: Node = comparison.node;
  while (top.parent) {
    if (top.parent.type === AST_NODE_TYPES.SwitchCase) {
      top = top.parent.parent;
      break;
    }
    if (!DECISION_PARTS.has(top.parent.type)) break;
    top = top.parent;
  }
  const values: unknown[] = [];
  walkNodes(top, analysis.sourceCode.visitorKeys, (node) => {
    if (isFunction(node)) return false;
    for (const other of codeComparisonsOf(analysis, node)) if (other.provider === comparison.provider && other.node !== comparison.node) values.push(other.value);
    return undefined;
  });
  return values;
}

/** A decision on a provider error's human-readable text, if `node` is one. */
/**
 * Is a message test one operand of a condition that also compares the same
 * provider's code (`e.code === 131047 || e.message.includes('re-engagement')`)?
 * Then the code decides and the text is a fallback for bodies without one.
 */
export function codeTestedBeside(analysis: FileAnalysis, test: MessageTest): boolean {
  let top: Node = test.node;
  for (let parent = top.parent; parent; parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.LogicalExpression || parent.type === AST_NODE_TYPES.ChainExpression || (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === '!')) top = parent;
    else break;
  }
  if (top === test.node) return false;
  return someNode(
    top,
    analysis.sourceCode.visitorKeys,
    (node) => node !== test.node && codeComparisonsOf(analysis, node).some((c) => c.provider === test.provider),
    (node) => node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression,
  );
}

/** Is `node` read as a yes/no or compared (an `if`, `? :`, `&&`, `!`, `===`, a `switch`)? */
function isTested(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test === node;
    case AST_NODE_TYPES.SwitchStatement:
      return parent.discriminant === node;
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.BinaryExpression:
      return true;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === '!';
    default:
      return false;
  }
}

/** A read of a captured group off a match result (`m[1]`, `m?.[2]`, `m.groups`), used as a value, not tested. */
function isGroupValue(node: Node): boolean {
  const parent = node.parent;
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== node) return false;
  const name = memberName(parent);
  const group = (typeof name === 'number' && name > 0) || name === 'groups';
  return group && !isTested(outermostWrapper(parent));
}

/**
 * Is a `match` / `exec` of the text read only for what its groups captured?
 * `details.match(/params \((\d+)\)/)?.[1]`, or a match kept in a const whose
 * every use reads a group, or tests the match only to read its own group
 * (`m ? Number(m[1]) : null`, `m && m[1]`). Pulling a value out of the text
 * decides nothing; an `if (m)` that does anything else is a decision.
 */
function readsOnlyGroups(analysis: FileAnalysis, call: TSESTree.CallExpression): boolean {
  const use = outermostWrapper(call);
  if (isGroupValue(call)) return true;
  const declarator = use.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== use || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
  if (declarator.parent.type !== AST_NODE_TYPES.VariableDeclaration || declarator.parent.kind !== 'const') return false;
  const variable = findVariable(analysis.sourceCode, declarator.id);
  if (!variable) return false;
  const reads = variable.references.filter((ref) => ref.identifier !== declarator.id).map((ref) => ref.identifier as Node);
  const readsGroupOf = (branch: Node): boolean => someNode(branch, analysis.sourceCode.visitorKeys, (n) => reads.includes(n) && isGroupValue(n));
  const plain = (branch: Node): boolean => branch.type === AST_NODE_TYPES.Literal || (branch.type === AST_NODE_TYPES.Identifier && branch.name === 'undefined');
  let groups = 0;
  for (const read of reads) {
    if (isGroupValue(read)) {
      groups++;
      continue;
    }
    const parent = read.parent;
    // `m ? Number(m[1]) : null`: the test only guards the read of its own group
    if (parent?.type === AST_NODE_TYPES.ConditionalExpression && parent.test === read && !isTested(outermostWrapper(parent))) {
      if ((readsGroupOf(parent.consequent) || plain(parent.consequent)) && (readsGroupOf(parent.alternate) || plain(parent.alternate))) continue;
    }
    // `m && m[1]`
    if (parent?.type === AST_NODE_TYPES.LogicalExpression && parent.operator === '&&' && parent.left === read && readsGroupOf(parent.right) && !isTested(outermostWrapper(parent))) continue;
    return false;
  }
  return groups > 0;
}

export function messageTestOf(analysis: FileAnalysis, node: Node): MessageTest | undefined {
  if (node.type === AST_NODE_TYPES.BinaryExpression && EQUALITY.has(node.operator)) {
    for (const [side, other] of [
      [node.left, node.right],
      [node.right, node.left],
    ] as const) {
      const found = analysis.messageOf(side);
      const text = found && textOf(analysis, other);
      if (found && text !== undefined) return { node, provider: found.provider, message: side, path: found.path, text, form: node.operator };
    }
    return undefined;
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTransparent(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = memberName(callee);
    const arg = node.arguments[0];
    if (typeof method !== 'string' || !arg) return undefined;
    if (STRING_TESTS.has(method)) {
      const found = analysis.messageOf(callee.object);
      const text = found && textOf(analysis, arg);
      if (method === 'match' && text !== undefined && readsOnlyGroups(analysis, node)) return undefined;
      return found && text !== undefined ? { node, provider: found.provider, message: callee.object, path: found.path, text, form: method } : undefined;
    }
    if (method === 'test' || method === 'exec') {
      const found = analysis.messageOf(arg);
      const text = found && regexSource(analysis, callee.object);
      if (method === 'exec' && text !== undefined && readsOnlyGroups(analysis, node)) return undefined;
      return found && text !== undefined ? { node, provider: found.provider, message: arg, path: found.path, text, form: method } : undefined;
    }
    return undefined;
  }
  if (node.type === AST_NODE_TYPES.SwitchCase && node.test && node.parent.type === AST_NODE_TYPES.SwitchStatement) {
    const found = analysis.messageOf(node.parent.discriminant);
    const text = found && textOf(analysis, node.test);
    return found && text !== undefined ? { node: node.test, provider: found.provider, message: node.parent.discriminant, path: found.path, text, form: 'case' } : undefined;
  }
  return undefined;
}

/**
 * The code expression next to a message expression, as source text:
 * `err.response?.data?.error?.message` → `err.response?.data?.error?.code`.
 * `undefined` when the message is not a plain member chain off the body.
 */
export function codeExpressionText(analysis: FileAnalysis, test: MessageTest): string | undefined {
  const codePath = test.provider.codePath;
  let prefix = 0;
  while (prefix < test.path.length && prefix < codePath.length && (typeof codePath[prefix] === 'number' ? typeof test.path[prefix] === 'number' : test.path[prefix] === codePath[prefix])) prefix++;
  let current = skipTransparent(test.message);
  for (let steps = test.path.length - prefix; steps > 0; steps--) {
    if (current.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    current = skipTransparent(current.object);
  }
  // The stripped expression must be the body itself (not an Error built from its text).
  const base = analysis.kindOf(current);
  if (base?.k !== 'body' || base.path.length !== prefix) return undefined;
  const optional = analysis.sourceCode.getText(test.message).includes('?.');
  const suffix = codePath
    .slice(prefix)
    .map((segment, i) => (typeof segment === 'number' ? `${optional ? '?.' : ''}[${test.path[prefix + i] ?? segment}]` : `${optional ? '?.' : '.'}${segment}`))
    .join('');
  return analysis.sourceCode.getText(current) + suffix;
}

/**
 * What a condition says about the provider's error code, read as an
 * implication: `'present'` when the condition holds whenever a documented
 * code came back (`if (code)`, `if (body.error)`, `!res.ok`, `status >= 400`,
 * `err.response`, `axios.isAxiosError(err)`), `'absent'` when it never holds
 * then (`res.ok`, `!body.error`, `code === undefined`, a field only a success
 * has). Every documented error comes with a 4xx/5xx status and an error body.
 */
export type Presence = 'present' | 'absent' | undefined;

function flipPresence(presence: Presence): Presence {
  return presence === 'present' ? 'absent' : presence === 'absent' ? 'present' : undefined;
}

/** Is a body path the provider's error code, or the error object it lives in (`body.error`)? */
function isCodeOrHolderPath(path: readonly (string | number)[], codePath: readonly (string | number)[]): boolean {
  return path.length > 0 && path.length <= codePath.length && path.every((segment, i) => (typeof codePath[i] === 'number' ? typeof segment === 'number' : segment === codePath[i]));
}

function isNothing(node: Node): boolean {
  const current = skipTransparent(node);
  return (current.type === AST_NODE_TYPES.Identifier && current.name === 'undefined') || (current.type === AST_NODE_TYPES.Literal && current.value === null);
}

/** Where a condition's reading is wanted: only values of this call count (another request's `res.ok` says nothing about it). */
export interface PresenceScope {
  readonly call?: ProviderCall | undefined;
}

/**
 * What a value being truthy says about the code: the error body, its error
 * object or code, the caught error, its response or status are there whenever
 * a code is; `ok`, a success flag and a field only a success has
 * (`data.messages[0].id`) are not.
 */
function valuePresence(analysis: FileAnalysis, node: Node, scope: PresenceScope): Presence {
  const kind = analysis.kindOf(node);
  if (!kind || (scope.call && kind.call && kind.call !== scope.call)) return undefined;
  switch (kind.k) {
    case 'ok':
      return 'absent';
    case 'error':
    case 'response':
    case 'status':
      return 'present';
    case 'body': {
      const provider = kind.provider;
      if (kind.path.length === 0 || isCodeOrHolderPath(kind.path, provider.codePath)) return 'present';
      const flag = provider.successFlagPath;
      if (flag && kind.path.join('.') === flag.join('.')) return 'absent';
      if (kind.source || !kind.call) return undefined;
      // fields an error body has: the error object, its text, the retry wait
      const errorFields = [provider.codePath, ...provider.messagePaths, ...(provider.retryAfterPath ? [provider.retryAfterPath] : [])].map((path) => path[0]);
      return errorFields.includes(kind.path[0]) ? undefined : 'absent';
    }
    default:
      return undefined;
  }
}

/** The documented HTTP statuses of a provider's errors. */
function errorStatuses(provider: ProviderInfo): number[] {
  return [...new Set(provider.def.errors.flatMap((entry) => entry.httpStatus))];
}

/** What the condition says about the provider's code (see `Presence`). */
export function codePresence(analysis: FileAnalysis, test: Node, scope: PresenceScope = {}): Presence {
  const current = skipTransparent(test);
  switch (current.type) {
    case AST_NODE_TYPES.UnaryExpression:
      return current.operator === '!' ? flipPresence(codePresence(analysis, current.argument, scope)) : undefined;
    case AST_NODE_TYPES.LogicalExpression: {
      const left = codePresence(analysis, current.left, scope);
      const right = codePresence(analysis, current.right, scope);
      if (current.operator === '&&') return left === 'absent' || right === 'absent' ? 'absent' : left === 'present' && right === 'present' ? 'present' : undefined;
      if (current.operator === '||') return left === 'present' || right === 'present' ? 'present' : left === 'absent' && right === 'absent' ? 'absent' : undefined;
      return undefined;
    }
    case AST_NODE_TYPES.BinaryExpression:
      return comparisonPresence(analysis, current, scope);
    case AST_NODE_TYPES.CallExpression: {
      // `axios.isAxiosError(err)`, ky's `isHTTPError(err)`: every HTTP error of the client passes
      if (isClientError(analysis, current.callee)) return 'present';
      // `[500, 503].includes(res.status)`, `isServerError(res.status)`
      const status = statusTestOf(analysis, current);
      if (status) return statusPresence(status.provider, status.ranges);
      // a predicate of the project (`isMetaError(err)`): its returned test, with the arguments bound
      return throughPredicate(analysis, current, (expression) => codePresence(analysis, expression, scope));
    }
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.AwaitExpression:
      return valuePresence(analysis, current, scope);
    default:
      return undefined;
  }
}

/** A status test that holds for every documented status says the code may be there; one that holds for none, that it is not. */
function statusPresence(provider: ProviderInfo, ranges: readonly StatusRange[]): Presence {
  const statuses = errorStatuses(provider);
  if (statuses.length === 0) return undefined;
  const inside = statuses.filter((status) => ranges.some(([lo, hi]) => status >= lo && status <= hi));
  return inside.length === statuses.length ? 'present' : inside.length === 0 ? 'absent' : undefined;
}

function comparisonPresence(analysis: FileAnalysis, current: TSESTree.BinaryExpression, scope: PresenceScope): Presence {
  const negated = current.operator === '!==' || current.operator === '!=';
  if (EQUALITY.has(current.operator)) {
    // `code === undefined`, `typeof body.error === 'undefined'`
    const [value, other] = isNothing(current.right) ? [current.left, current.right] : [current.right, current.left];
    const typeofTest = value.type === AST_NODE_TYPES.UnaryExpression && value.operator === 'typeof';
    const tested = typeofTest ? value.argument : value;
    const missing = typeofTest ? staticValue(analysis, other) === 'undefined' : isNothing(other);
    if (missing) return valuePresence(analysis, tested, scope) === 'present' ? (negated ? 'present' : 'absent') : undefined;
    // `res.ok === false`, `body.isSuccess === true`
    for (const [side, literal] of [
      [current.left, current.right],
      [current.right, current.left],
    ] as const) {
      const value = staticValue(analysis, literal);
      if (typeof value !== 'boolean') continue;
      const truthy = valuePresence(analysis, side, scope);
      const p = value ? truthy : flipPresence(truthy);
      return negated ? flipPresence(p) : p;
    }
  }
  if (current.operator === 'in') {
    // `'error' in body`, `'response' in err`
    const kind = analysis.kindOf(current.right);
    const field = staticValue(analysis, current.left);
    if (!kind || (scope.call && kind.call && kind.call !== scope.call)) return undefined;
    if (kind.k === 'body' && kind.path.length === 0 && field === kind.provider.codePath[0]) return 'present';
    if (kind.k === 'error' && field === 'response') return 'present';
    return undefined;
  }
  if (current.operator === 'instanceof') {
    // `err instanceof AxiosError`: every provider failure is one; `err instanceof EntityNotFoundError`: none is
    if (isProviderErrorClass(analysis, current.right, current.left)) return 'present';
    return isForeignErrorClass(analysis, current.right, current.left) ? 'absent' : undefined;
  }
  // `res.status >= 400`, `res.status !== 200`, `status < 300`
  const status = simpleStatusComparison(analysis, current);
  const statusCall = status && analysis.statusOf(status.status)?.call;
  if (!status || (scope.call && statusCall && statusCall !== scope.call)) return undefined;
  const p = statusPresence(status.provider, [status.range]);
  return negated ? flipPresence(p) : p;
}

/**
 * Does a branch leave the function: it ends in `return` or `throw`, or in a
 * call of a function whose last statement is a `throw` (`await
 * throwMetaError(res, 'send failed')`; an `async` one only when awaited, as
 * its rejection otherwise goes unseen).
 */
function leaves(analysis: FileAnalysis, statement: TSESTree.Statement): boolean {
  if (exits(statement)) return true;
  const last = statement.type === AST_NODE_TYPES.BlockStatement ? statement.body.at(-1) : statement;
  if (last?.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  let expression = skipTransparent(last.expression);
  const awaited = expression.type === AST_NODE_TYPES.AwaitExpression;
  if (expression.type === AST_NODE_TYPES.AwaitExpression) expression = skipTransparent(expression.argument);
  if (expression.type !== AST_NODE_TYPES.CallExpression || !alwaysThrows(analysis, expression)) return false;
  return awaited || calleeFunction(analysis, expression.callee)?.fn.async === false;
}

/**
 * Does `node` run only when the provider's error code is missing: a fallback
 * for errors without a body (`if (!code && status >= 500)`, the `else` of
 * `if (body.error)`, after `if (code) return …` or `if (!res.ok) throw …`)?
 * There the status (or nothing at all) is the only signal left. The search
 * goes up to the enclosing function, or to `scope.stop` (a `catch` block:
 * what precedes the `try` says nothing about its error).
 */
export function onlyWithoutCode(analysis: FileAnalysis, node: Node, scope: PresenceScope & { readonly stop?: Node } = {}): boolean {
  for (let current: Node = node; current.parent && current !== scope.stop; current = current.parent) {
    const parent: Node = current.parent;
    if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression || parent.type === AST_NODE_TYPES.FunctionExpression || parent.type === AST_NODE_TYPES.FunctionDeclaration) break;
    if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && parent.test !== current) {
      const presence = codePresence(analysis, parent.test, scope);
      if ((parent.consequent === current && presence === 'absent') || (parent.alternate === current && presence === 'present')) return true;
    }
    if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === current) {
      const presence = codePresence(analysis, parent.left, scope);
      if ((parent.operator === '&&' && presence === 'absent') || (parent.operator === '||' && presence === 'present')) return true;
    }
    if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program) {
      const body = parent.body as readonly Node[];
      for (const sibling of body.slice(0, body.indexOf(current))) {
        if (sibling.type === AST_NODE_TYPES.IfStatement && !sibling.alternate && leaves(analysis, sibling.consequent) && codePresence(analysis, sibling.test, scope) === 'present') return true;
      }
    }
  }
  return false;
}
