/**
 * What an error path does with a failure: the statements that leave it
 * (`throw`, `return`, a call of a function that always throws), whether a
 * value reports a failure (`{ ok: false, error }`, a sentence), and whether it
 * keeps the provider's code, error body or original error.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { childrenOf, enclosingFunction, findProperty, isFunction, programOf, skipTransparent, walkNodes, type FunctionNode, type Node } from './ast.js';
import { alwaysThrows, errorPaths, type ErrorPath } from './error-paths.js';
import type { FileAnalysis } from './file.js';
import { pathMatches } from './providers.js';
import { resolveExpression, returnedExpressions, staticValue } from './values.js';

/** A statement that leaves an error path: a `throw`, a `return`, an arrow's value, or a call of an always-throwing helper. */
export type PathExit = TSESTree.ThrowStatement | TSESTree.ReturnStatement | TSESTree.Expression;

/** The body, `body.error` or `body.error.code`: on the way to the code (or the code itself). */
function isCodeOrAbove(path: readonly (string | number)[], codePath: readonly (string | number)[]): boolean {
  return path.length <= codePath.length && pathMatches(path, codePath.slice(0, path.length));
}

/**
 * Does an expression keep the provider's code, its error body, or the
 * original error? A value counts when it is passed whole (`err`, `body`,
 * `body.error`, `body.error.code`, `{ ...err }`), also through a conditional
 * (`body.error?.code ? String(body.error.code) : 'unknown'`); a projection
 * such as `err.message` or `res.status` does not, nor text made from it
 * (`\`send failed: ${err}\``).
 */
export function carries(analysis: FileAnalysis, node: Node, depth = 0): boolean {
  const keys = analysis.sourceCode.visitorKeys;
  const visit = (n: Node): boolean => {
    if (isFunction(n)) return false;
    if (n.type === AST_NODE_TYPES.Identifier || n.type === AST_NODE_TYPES.MemberExpression || n.type === AST_NODE_TYPES.ChainExpression) {
      // a member chain is one value: `err.message` is not `err`
      const kind = analysis.kindOf(n);
      if (kind) return kind.k === 'error' || kind.k === 'response' || (kind.k === 'body' && isCodeOrAbove(kind.path, kind.provider.codePath));
      // a constant built from it: `const code = body.error?.code ? String(body.error.code) : 'unknown'`
      const resolved = n.type === AST_NODE_TYPES.Identifier && depth < 3 ? resolveExpression(analysis, n) : n;
      return resolved !== n && carries(analysis, resolved, depth + 1);
    }
    if (n.type === AST_NODE_TYPES.CallExpression) {
      const kind = analysis.kindOf(n);
      const value = kind?.k === 'promise' ? kind.of : kind; // `await res.json()`
      if (value?.k === 'body' && isCodeOrAbove(value.path, value.provider.codePath)) return true; // errorCodeOf(…), res.json()
      const callee = skipTransparent(n.callee);
      // String(code) keeps a code (as text); String(err) keeps only the message
      if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String') return n.arguments.some((a) => isCode(analysis, a));
      return n.arguments.some(visit); // the arguments, not the callee: `err.toString()` drops the code
    }
    if (n.type === AST_NODE_TYPES.Property && !n.computed) return visit(n.value); // `{ error: … }`: the key names nothing
    // text made from it (`\`send failed: ${err}\``, `'code ' + code`) keeps only text, like `err.message`
    if (n.type === AST_NODE_TYPES.TemplateLiteral || (n.type === AST_NODE_TYPES.BinaryExpression && n.operator === '+')) return false;
    return childrenOf(n, keys).some(visit);
  };
  return visit(node);
}

function isCode(analysis: FileAnalysis, node: Node): boolean {
  const kind = analysis.kindOf(node);
  return kind?.k === 'body' && pathMatches(kind.path, kind.provider.codePath);
}

/** A value that reports a failure: a sentence, or an object with `error`, `ok: false`, `success: false`. */
export function isFailureValue(analysis: FileAnalysis, node: Node): boolean {
  const current = skipTransparent(node);
  if (current.type === AST_NODE_TYPES.Literal) return typeof current.value === 'string' && /\s/.test(current.value.trim());
  if (current.type === AST_NODE_TYPES.TemplateLiteral) return current.expressions.length > 0 || /\s/.test(current.quasis[0]?.value.cooked?.trim() ?? '');
  if (current.type === AST_NODE_TYPES.BinaryExpression && current.operator === '+') return true;
  if (current.type === AST_NODE_TYPES.ObjectExpression) {
    if (findProperty(current, 'error')) return true;
    for (const key of ['ok', 'success']) {
      const property = findProperty(current, key);
      if (property && staticValue(analysis, property.value) === false) return true;
    }
  }
  return false;
}

/** Data a caller uses as it is (`data.text`, `translated`, `items.map(…)`), unlike a status (`'sent'`, `true`) or an object that says how it went. */
function isData(node: Node): boolean {
  const current = skipTransparent(node);
  switch (current.type) {
    case AST_NODE_TYPES.Identifier:
      return current.name !== 'undefined';
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.ArrayExpression:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return current.expressions.length > 0;
    default:
      return false;
  }
}

/**
 * A degraded result rather than a failure report: fixed text returned from an
 * error path of a function whose successful returns are data of the same kind
 * (`return 'Translation unavailable'` where the function returns the
 * translated text). Fixed text where the function otherwise returns a status
 * (`'sent'`) reports the failure.
 */
export function isStandIn(exit: PathExit, path: ErrorPath): boolean {
  if (exit.type !== AST_NODE_TYPES.ReturnStatement || !exit.argument) return false;
  const value = skipTransparent(exit.argument);
  if (value.type !== AST_NODE_TYPES.Literal && !(value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0)) return false;
  const fn = enclosingFunction(exit);
  if (!fn) return false;
  const from = path.after ? path.after.range[1] : path.body.range[0];
  const onPath = (node: Node) => node.range[0] >= from && node.range[1] <= path.body.range[1];
  const successes = returnedExpressions(fn).filter((node) => !onPath(node));
  return successes.length > 0 && successes.every(isData);
}

/** The statements of an error path that leave it (not inside nested functions), in source order. */
export function pathExits(analysis: FileAnalysis, path: ErrorPath): PathExit[] {
  if (path.form === 'promise-catch' && path.body.type !== AST_NODE_TYPES.BlockStatement) {
    return [path.body as TSESTree.Expression]; // `.catch((e) => ({ ok: false, error: e.message }))`, `.catch(() => null)`
  }
  const start = path.after ? path.after.range[1] : -1;
  const found: PathExit[] = [];
  walkNodes(path.body, analysis.sourceCode.visitorKeys, (n) => {
    if (isFunction(n)) return false;
    if (n.range[1] <= start) return false;
    if (n.range[0] < start) return undefined;
    if (n.type === AST_NODE_TYPES.ThrowStatement || n.type === AST_NODE_TYPES.ReturnStatement) found.push(n);
    else if (n.type === AST_NODE_TYPES.CallExpression && alwaysThrows(analysis, n)) found.push(n);
    return undefined;
  });
  return found;
}

/** How a wrapper gives a failure back as a value, in words for messages. */
export type FailureShape = 'null' | 'false' | 'undefined' | 'a failure object' | 'the error body' | 'text';

function shapeOf(analysis: FileAnalysis, value: Node | null): FailureShape | undefined {
  if (!value) return 'undefined';
  const current = skipTransparent(value);
  if (current.type === AST_NODE_TYPES.Literal && current.value === null) return 'null';
  if (current.type === AST_NODE_TYPES.Literal && current.value === false) return 'false';
  if (current.type === AST_NODE_TYPES.Identifier && current.name === 'undefined') return 'undefined';
  if (current.type === AST_NODE_TYPES.ObjectExpression) return isFailureValue(analysis, current) ? 'a failure object' : undefined;
  if (carries(analysis, current)) return 'the error body';
  return isFailureValue(analysis, current) ? 'text' : undefined;
}

const shapes = new WeakMap<FunctionNode, FailureShape | null>();

/**
 * Does a wrapper give a failed send back as a value instead of throwing it:
 * an error path that returns `null`, `false`, `undefined`, `{ ok: false,
 * error }`, the error body or a message (`catch { return null; }`,
 * `.catch(() => null)`, `if (!res.ok) return { ok: false, error }`), or a
 * return of such a wrapper's result? Its callers must test what they get.
 */
export function failureValueOf(analysis: FileAnalysis, fn: FunctionNode, depth = 0): FailureShape | undefined {
  const known = shapes.get(fn);
  if (known !== undefined) return known ?? undefined;
  shapes.set(fn, null);
  let found: FailureShape | undefined;
  const inside = (node: Node) => node.range[0] >= fn.range[0] && node.range[1] <= fn.range[1] && programOf(node) === programOf(fn);
  for (const path of errorPaths(analysis)) {
    if (!inside(path.body)) continue;
    for (const exit of pathExits(analysis, path)) {
      if (exit.type === AST_NODE_TYPES.ThrowStatement || (exit.type === AST_NODE_TYPES.CallExpression && alwaysThrows(analysis, exit))) continue;
      // a `.catch(() => x)` handler's value, or a `return` of the wrapper itself (not of a function inside it)
      if (exit.type === AST_NODE_TYPES.ReturnStatement && enclosingFunction(exit) !== fn && path.form !== 'promise-catch') continue;
      found ??= shapeOf(analysis, exit.type === AST_NODE_TYPES.ReturnStatement ? exit.argument : exit);
    }
  }
  // `return send(…)` where `send` gives failures back as values
  if (!found && depth < 3) {
    for (const returned of returnedExpressions(fn)) {
      let value = skipTransparent(returned);
      if (value.type === AST_NODE_TYPES.AwaitExpression) value = skipTransparent(value.argument);
      const call = value.type === AST_NODE_TYPES.CallExpression ? analysis.providerCall(value) : undefined;
      const target = call?.wrapper ? { analysis, fn: call.wrapper } : call?.external;
      found = target ? failureValueOf(target.analysis, target.fn, depth + 1) : undefined;
      if (found) break;
    }
  }
  shapes.set(fn, found ?? null);
  return found;
}
