/**
 * What an error path does with a failure: the statements that leave it
 * (`throw`, `return`, a call of a function that always throws), whether a
 * value reports a failure (`{ ok: false, error }`, a sentence), and whether it
 * keeps the provider's code, error body or original error.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { childrenOf, enclosingFunction, findProperty, findVariable, isFunction, isLogCall, isPromiseResolveExit, memberName, promiseMadeBy, programOf, propertyKeyName, skipTransparent, sourceCodeOf, walkNodes, type FunctionNode, type Node } from './ast.js';
import { exits } from './dispatch.js';
import { alwaysThrows, basePaths, decidedOnCode, errorPaths, providerErrorsEscape, swallowedWithin, TEXT_ERROR_CLASSES, throwsHere, throwsOnEveryFailure, throwsOnFailure, type ErrorPath } from './error-paths.js';
import type { FileAnalysis, ProviderCall } from './file.js';
import { pathMatches } from './providers.js';
import { rejectsOnError } from './retries/index.js';
import { isReply } from './outcome.js';
import { codeComparisonsOf, onlyWithoutCode } from './tests.js';
import { calleeFunction, classOf, constInit, constructorOf, inline, resolveExpression, returnedExpressions, staticValue, variableWrites, type Callee, type ClassNode } from './values.js';

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
    // `new Error(err)`, `Error(body.error)`: JavaScript's error classes turn the message argument into text
    // (`String(err)`), so only the options (`{ cause: err }`) can keep the code; a message that is the error
    // serialised (`new Error(JSON.stringify(body.error))`) can be parsed back, and keeps it
    if ((n.type === AST_NODE_TYPES.NewExpression || n.type === AST_NODE_TYPES.CallExpression) && isTextErrorClass(analysis, n.callee)) {
      const [message, ...rest] = n.arguments;
      // the message is the code itself, as a wrapper's failure object holds it (`new Error(result.errorCode)`): read back as it is
      return (!!message && ((isJsonText(message) && visit(message)) || failureCodeText(analysis, message))) || rest.some(visit);
    }
    if (n.type === AST_NODE_TYPES.Identifier || n.type === AST_NODE_TYPES.MemberExpression || n.type === AST_NODE_TYPES.ChainExpression) {
      // a member chain is one value: `err.message` is not `err`
      const kind = analysis.kindOf(n);
      // a chain that ends in a call (`body.error?.code?.toString()`): read as the call
      if (!kind && n.type === AST_NODE_TYPES.ChainExpression && n.expression.type === AST_NODE_TYPES.CallExpression) return visit(n.expression);
      if (kind) return kind.k === 'error' || kind.k === 'response' || (kind.k === 'body' && isCodeOrAbove(kind.path, kind.provider.codePath));
      if (n.type === AST_NODE_TYPES.Identifier && depth < 3 && attachesCode(analysis, n, depth)) return true;
      // a field of a wrapper's failure object (`result.errorCode` after `const result = await send(…)`): what the
      // wrapper puts there
      const fields = n.type === AST_NODE_TYPES.MemberExpression && depth < 3 ? failureFieldValues(analysis, n) : undefined;
      if (fields) return fields.some((field) => carries(field.analysis, field.node, depth + 1));
      if (n.type === AST_NODE_TYPES.MemberExpression && depth < 3 && filledBy(analysis, n, depth)) return true;
      // a field of the error a wrapper throws (`err.code` where it throws `new WhatsAppError(msg, String(body.error.code))`)
      if (n.type === AST_NODE_TYPES.MemberExpression && depth < 3 && thrownFieldKeeps(analysis, n, depth)) return true;
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
      // so does `code.toString()` (`body.error?.code?.toString() || 'UNKNOWN'`); `err.toString()` keeps only the message
      if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'toString' && isCode(analysis, callee.object)) return true;
      const rebuilt = depth < 3 ? rebuiltBy(analysis, n, depth) : undefined;
      if (rebuilt !== undefined) return rebuilt;
      return n.arguments.some(visit); // the arguments, not the callee: `err.toString()` drops the code
    }
    if (n.type === AST_NODE_TYPES.Property && !n.computed) return visit(n.value); // `{ error: … }`: the key names nothing
    // `err instanceof Error ? err.message : 'Unknown error'`: the value is one of the two sides; the test only picks one
    if (n.type === AST_NODE_TYPES.ConditionalExpression) return visit(n.consequent) || visit(n.alternate);
    // `fbError && texts[fbError.code]`: the value is the right side (a falsy left side carries nothing)
    if (n.type === AST_NODE_TYPES.LogicalExpression && n.operator === '&&') return visit(n.right);
    if (n.type === AST_NODE_TYPES.LogicalExpression && (n.operator === '||' || n.operator === '??')) {
      // `err?.toString() || err`: text is never empty, so the right side is reached only when the chain
      // broke on a missing error, and then it holds nothing either
      const shortCircuit = textShortCircuit(n.left);
      if (shortCircuit !== undefined && (shortCircuit === null || sameValue(analysis, shortCircuit, n.right))) return visit(n.left);
      // `err.response?.data?.error?.message || err`: the provider's error body always has its message, so the
      // right side is reached only for a failure without one, which has no provider code either
      if (analysis.messageOf(n.left) || failureMessage(analysis, n.left)) return visit(n.left);
    }
    // text made from it (`\`send failed: ${err}\``, `'code ' + code`) keeps only text, like `err.message`
    if (n.type === AST_NODE_TYPES.TemplateLiteral || (n.type === AST_NODE_TYPES.BinaryExpression && n.operator === '+')) return false;
    return childrenOf(n, keys).some(visit);
  };
  return visit(node);
}

/**
 * A field of what a helper of this file builds from the error
 * (`toDetails(err).details`, `const d = this.describe(err); … d.body`),
 * where the helper puts a value that keeps the code under that name
 * (`out.details = data`, `return { details: err.response?.data }`), with
 * the arguments bound. A `let` the helper fills in several ways (`let data
 * = null; if (…) data = err.response.data; else …`) keeps it when one of
 * its values does.
 */
function filledBy(analysis: FileAnalysis, member: TSESTree.MemberExpression, depth: number): boolean {
  const name = memberName(member);
  let source = skipTransparent(member.object);
  if (source.type === AST_NODE_TYPES.Identifier) source = resolveExpression(analysis, source);
  if (source.type === AST_NODE_TYPES.AwaitExpression) source = skipTransparent(source.argument);
  if (name === undefined || source.type !== AST_NODE_TYPES.CallExpression || source.arguments.length === 0) return false;
  const call = source;
  const callee = calleeFunction(analysis, call.callee);
  if (!callee || programOf(callee.fn) !== programOf(call) || callee.fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  const keeps = (value: Node): boolean => {
    if (carries(analysis, value, depth + 1)) return true;
    const current = skipTransparent(value);
    const variable = current.type === AST_NODE_TYPES.Identifier ? findVariable(analysis.sourceCode, current) : undefined;
    const writes = variable ? variableWrites(variable) : undefined;
    return !!writes?.some((write) => write !== 'unset' && write !== value && carries(analysis, write, depth + 1));
  };
  const values: Node[] = [];
  walkNodes(callee.fn.body, analysis.sourceCode.visitorKeys, (node) => {
    if (isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === '=' && node.left.type === AST_NODE_TYPES.MemberExpression && memberName(node.left) === name) values.push(node.right);
    else if (node.type === AST_NODE_TYPES.Property && !node.computed && node.parent.type === AST_NODE_TYPES.ObjectExpression && propertyKeyName(node) === name) values.push(node.value);
    return undefined;
  });
  if (values.length === 0) return false;
  // a field the helper picks by the code, each value a constant (`if (code === 131042) return { code: 'BILLING' }`):
  // the code is classified there, as text picked by the code is handled (see `rebuiltBy`)
  const constant = (value: Node) => {
    const current = skipTransparent(value);
    return current.type === AST_NODE_TYPES.Literal || (current.type === AST_NODE_TYPES.TemplateLiteral && current.expressions.length === 0);
  };
  return inline(analysis, callee, call, () => (values.every(constant) ? comparesCode(analysis, callee.fn) : values.some(keeps))) === true;
}

/** An error a call throws, built where it is thrown or by a helper that returns it (`throw classify(res.status, body)`). */
interface ThrownConstruction {
  readonly analysis: FileAnalysis;
  readonly node: TSESTree.NewExpression;
  /** The helper that returns it, and its call: its parameters are bound there. */
  readonly via?: { readonly callee: Callee; readonly site: TSESTree.CallExpression };
}

/**
 * A field of the error a wrapper throws, read in the `catch` around the
 * wrapper's call (`catch (err) { return { ok: false, code: err.code }; }`
 * where the wrapper throws `new WhatsAppError(message, String(body.error.code),
 * body)` and the class keeps its second parameter as `code`, a parameter
 * property or `this.code = code`): it keeps what the wrapper gives that
 * parameter. A constant the wrapper (or the helper that builds the error)
 * picks by the code (`new MetaError(msg, 'auth_error')` when the code is
 * 190) keeps the decision, as a field of a failure object does (`filledBy`).
 * Errors thrown by the wrappers the wrapper calls are followed two levels.
 */
function thrownFieldKeeps(analysis: FileAnalysis, member: TSESTree.MemberExpression, depth: number): boolean {
  const name = memberName(member);
  const object = skipTransparent(member.object);
  if (typeof name !== 'string' || object.type !== AST_NODE_TYPES.Identifier) return false;
  const def = findVariable(analysis.sourceCode, object)?.defs[0];
  const tryStatement = def?.type === 'CatchClause' ? def.node.parent : undefined;
  if (tryStatement?.type !== AST_NODE_TYPES.TryStatement) return false;
  const block = tryStatement.block;
  const inBlock = (node: Node) => node.range[0] >= block.range[0] && node.range[1] <= block.range[1] && programOf(node) === programOf(block);
  const seen = new Set<FunctionNode>();
  return analysis.calls.some((call) => inBlock(call.node) && thrownConstructions(analysis, call, 0, seen).some((built) => thrownFieldHolds(built, name, depth)));
}

/** The errors a call of a wrapper (same file or another) builds and throws, its own and those of the wrappers it calls. */
function thrownConstructions(analysis: FileAnalysis, call: ProviderCall, depth: number, seen: Set<FunctionNode>): ThrownConstruction[] {
  const target = call.wrapper ? { analysis, fn: call.wrapper } : call.external;
  if (!target || seen.has(target.fn)) return [];
  const { fn, analysis: own } = target;
  seen.add(fn);
  const found: ThrownConstruction[] = [];
  const collect = (thrown: Node) => {
    let current = skipTransparent(thrown);
    if (current.type === AST_NODE_TYPES.Identifier) current = skipTransparent(resolveExpression(own, current));
    if (current.type === AST_NODE_TYPES.AwaitExpression) current = skipTransparent(current.argument);
    if (current.type === AST_NODE_TYPES.NewExpression) found.push({ analysis: own, node: current });
    else if (current.type === AST_NODE_TYPES.CallExpression) {
      const callee = calleeFunction(own, current.callee);
      const site = current;
      for (const returned of callee ? returnedExpressions(callee.fn) : []) {
        const made = skipTransparent(returned);
        if (callee && made.type === AST_NODE_TYPES.NewExpression) found.push({ analysis: own, node: made, via: { callee, site } });
      }
    }
  };
  walkNodes(fn.body, own.sourceCode.visitorKeys, (node) => {
    if (node !== fn.body && isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.ThrowStatement) collect(node.argument);
    return undefined;
  });
  if (depth < 2) {
    const inside = (node: Node) => node.range[0] >= fn.range[0] && node.range[1] <= fn.range[1] && programOf(node) === programOf(fn);
    for (const inner of own.calls) if (inside(inner.node)) found.push(...thrownConstructions(own, inner, depth + 1, seen));
  }
  return found;
}

/**
 * The index of the constructor parameter a class keeps as its field `name`:
 * a parameter property, `this.name = param`, or a parameter handed to the
 * base class's constructor (`super(message, status, code, details)`) that
 * keeps it (up to three classes up).
 */
function fieldParameterIndex(analysis: FileAnalysis, cls: ClassNode, name: string, depth = 0): number {
  const ctor = constructorOf(cls);
  if (!ctor) return -1;
  const own = ctor.params.findIndex((param) => {
    if (param.type === AST_NODE_TYPES.TSParameterProperty) {
      const inner = param.parameter.type === AST_NODE_TYPES.AssignmentPattern ? param.parameter.left : param.parameter;
      return inner.type === AST_NODE_TYPES.Identifier && inner.name === name;
    }
    return param.type === AST_NODE_TYPES.Identifier && keepsAs(ctor, param.name, name, analysis);
  });
  if (own >= 0 || depth >= 2 || !cls.superClass) return own;
  const base = classOf(analysis, cls.superClass);
  const superCall = ctor.body?.body.find((s): s is TSESTree.ExpressionStatement => s.type === AST_NODE_TYPES.ExpressionStatement && s.expression.type === AST_NODE_TYPES.CallExpression && s.expression.callee.type === AST_NODE_TYPES.Super);
  const baseIndex = base && base !== cls && superCall ? fieldParameterIndex(analysis, base, name, depth + 1) : -1;
  const handed = baseIndex >= 0 ? skipTransparent((superCall!.expression as TSESTree.CallExpression).arguments[baseIndex] ?? superCall!.expression) : undefined;
  if (handed?.type !== AST_NODE_TYPES.Identifier) return -1;
  return ctor.params.findIndex((param) => {
    const plain = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
    const inner = plain.type === AST_NODE_TYPES.AssignmentPattern ? plain.left : plain;
    return inner.type === AST_NODE_TYPES.Identifier && inner.name === handed.name;
  });
}

/** The argument a thrown construction gives its field `name` (see `fieldParameterIndex`). */
function thrownFieldArgument(built: ThrownConstruction, name: string): Node | undefined {
  const { analysis, node } = built;
  const cls = classOf(analysis, node.callee);
  const index = cls ? fieldParameterIndex(analysis, cls, name) : -1;
  const arg = index >= 0 ? node.arguments[index] : undefined;
  return arg && arg.type !== AST_NODE_TYPES.SpreadElement ? arg : undefined;
}

/**
 * How a field of the errors a wrapper throws holds the provider's code, read
 * in the `catch` around the wrapper's call (`err.code` where the wrapper
 * throws `new WaError(message, String(body.error.code))` and the class keeps
 * that parameter as `code`; `err.details.waCode` where it is given
 * `{ waCode: code }`): `'code'` as the body has it, `'text'` made text
 * (`String(code)`, `code.toString()`, `` `${code}` ``). Undefined when no
 * error it throws holds the code there (a message, a constant, a category).
 */
export function thrownCodeField(analysis: FileAnalysis, call: ProviderCall, path: readonly string[]): 'code' | 'text' | undefined {
  const [name, ...rest] = path;
  if (name === undefined || rest.length > 1) return undefined;
  let found: 'code' | 'text' | undefined;
  for (const built of thrownConstructions(analysis, call, 0, new Set())) {
    const check = (): 'code' | 'text' | 'other' | undefined => {
      let arg = thrownFieldArgument(built, name);
      if (arg && rest.length === 1) {
        const object = skipTransparent(resolveExpression(built.analysis, arg));
        const property = object.type === AST_NODE_TYPES.ObjectExpression ? findProperty(object, rest[0]!) : undefined;
        arg = property && property.value.type !== AST_NODE_TYPES.AssignmentPattern ? property.value : undefined;
      }
      return arg ? (codeForm(built.analysis, arg) ?? 'other') : undefined;
    };
    const form = built.via ? inline(built.analysis, built.via.callee, built.via.site, check) : check();
    // another error of the wrapper puts something else there (`new SendError(msg, 'TIMEOUT')`): the field is
    // the app's own tag as much as the provider's code, and comparing it with a tag is no mistake
    if (form === 'other') return undefined;
    if (form === 'code' || form === 'text') found ??= form;
  }
  return found;
}

/** Is a value the provider's code itself (`'code'`), or that code made text (`'text'`)? Constants holding either are followed. */
function codeForm(analysis: FileAnalysis, node: Node, depth = 0): 'code' | 'text' | undefined {
  const current = skipTransparent(node);
  if (isCode(analysis, current)) return 'code';
  if (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTransparent(current.callee);
    if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String' && current.arguments[0]) return codeForm(analysis, current.arguments[0], depth) ? 'text' : undefined;
    if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'toString') return codeForm(analysis, callee.object, depth) ? 'text' : undefined;
  }
  // `code?.toString() || 'UNKNOWN'`: the code, or a stand-in when there is none
  if (current.type === AST_NODE_TYPES.LogicalExpression && current.operator !== '&&') return codeForm(analysis, current.left, depth);
  if (current.type === AST_NODE_TYPES.TemplateLiteral && current.expressions.length === 1 && current.quasis.every((q) => q.value.cooked === '')) {
    return codeForm(analysis, current.expressions[0]!, depth) ? 'text' : undefined;
  }
  if (current.type === AST_NODE_TYPES.Identifier && depth < 3) {
    const resolved = resolveExpression(analysis, current);
    return resolved !== current ? codeForm(analysis, resolved, depth + 1) : undefined;
  }
  return undefined;
}

/** Does the thrown error keep the provider's code (or a decision on it) in the field `name`? */
function thrownFieldHolds(built: ThrownConstruction, name: string, depth: number): boolean {
  const { analysis, node } = built;
  const arg = thrownFieldArgument(built, name);
  if (!arg) return false;
  const constant = (value: Node) => {
    const current = skipTransparent(value);
    return current.type === AST_NODE_TYPES.Literal || (current.type === AST_NODE_TYPES.TemplateLiteral && current.expressions.length === 0);
  };
  const maker = enclosingFunction(node);
  const check = () => carries(analysis, arg, depth + 1) || (constant(arg) && !!maker && comparesCode(analysis, maker));
  return built.via ? inline(analysis, built.via.callee, built.via.site, check) === true : check();
}

/** Does a constructor keep its parameter `param` as the field `field` (`this.code = code`)? */
function keepsAs(ctor: FunctionNode, param: string, field: string, analysis: FileAnalysis): boolean {
  return walkNodes(ctor.body, analysis.sourceCode.visitorKeys, (node) => {
    if (node !== ctor.body && isFunction(node)) return false;
    if (
      node.type === AST_NODE_TYPES.AssignmentExpression &&
      node.left.type === AST_NODE_TYPES.MemberExpression &&
      node.left.object.type === AST_NODE_TYPES.ThisExpression &&
      memberName(node.left) === field &&
      skipTransparent(node.right).type === AST_NODE_TYPES.Identifier &&
      (skipTransparent(node.right) as TSESTree.Identifier).name === param
    )
      return 'stop';
    return undefined;
  });
}

/** `JSON.stringify(x)`: text from which `x` can be read back. */
function isJsonText(node: Node): boolean {
  const current = skipTransparent(node);
  if (current.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTransparent(current.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'stringify' && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'JSON';
}

/** Is `callee` one of those classes, not a binding of the file with the same name? */
function isTextErrorClass(analysis: FileAnalysis, callee: Node): boolean {
  const current = skipTransparent(callee);
  if (current.type !== AST_NODE_TYPES.Identifier || !TEXT_ERROR_CLASSES.has(current.name)) return false;
  return !findVariable(analysis.sourceCode, current)?.defs.length;
}

/**
 * A helper of this file that builds a new error from what it is given
 * (`throw toError(err)`, `throw this.wrap(err)`, every `return` a `new X(…)`,
 * or a call handing on what it made of its arguments, `return classify(status,
 * JSON.parse(text))`):
 * whether one of its errors keeps the code, with the arguments bound, as if
 * its `return` were written at the call. `undefined` for any other call.
 */
function rebuiltBy(analysis: FileAnalysis, call: TSESTree.CallExpression, depth: number): boolean | undefined {
  if (call.arguments.length === 0) return undefined;
  const callee = calleeFunction(analysis, call.callee);
  if (!callee || programOf(callee.fn) !== programOf(call)) return undefined;
  const returned = returnedExpressions(callee.fn);
  // a helper handing on what another builds (`toError(status, text)` parsing the text and returning
  // `classify(status, body)`): that call carries what its arguments carry, with this helper's bound
  const handedOn = (r: Node) => skipTransparent(r).type === AST_NODE_TYPES.CallExpression;
  if (returned.length === 0 || !returned.every((r) => builtInPlace(r) || handedOn(r))) return undefined;
  const onlyText = !returned.some((r) => skipTransparent(r).type === AST_NODE_TYPES.NewExpression || handedOn(r));
  return inline(analysis, callee, call, () => {
    // text picked by the code (`if (err.code === 190) return 'Reconnect: the token expired'`) has handled it there
    if (onlyText && comparesCode(analysis, callee.fn)) return undefined;
    return returned.some((r) => carries(analysis, r, depth + 1));
  });
}

/** Does the function compare a provider's error code (with its arguments bound, when inlined)? */
function comparesCode(analysis: FileAnalysis, fn: FunctionNode): boolean {
  return walkNodes(fn.body, analysis.sourceCode.visitorKeys, (node) => {
    if (node !== fn.body && isFunction(node)) return false;
    if ((node.type === AST_NODE_TYPES.BinaryExpression || node.type === AST_NODE_TYPES.SwitchCase || node.type === AST_NODE_TYPES.CallExpression) && codeComparisonsOf(analysis, node).length > 0) return 'stop';
    return undefined;
  });
}

/**
 * A value a helper builds where it returns it: a new error, or text (a
 * template, a string, a concatenation), with fallbacks between those and
 * fields of its arguments (`d?.error?.message || \`HTTP ${status}\``). Its
 * result carries what those carry, with the arguments bound. A returned
 * variable, object or call is left to the arguments (`undefined` above).
 */
function builtInPlace(node: Node): boolean {
  const leaves: Node[] = [];
  const collect = (n: Node): void => {
    const current = skipTransparent(n);
    if (current.type === AST_NODE_TYPES.LogicalExpression && current.operator !== '&&') {
      collect(current.left);
      collect(current.right);
    } else if (current.type === AST_NODE_TYPES.ConditionalExpression) {
      collect(current.consequent);
      collect(current.alternate);
    } else leaves.push(current);
  };
  collect(node);
  const made = (n: Node) =>
    n.type === AST_NODE_TYPES.NewExpression ||
    n.type === AST_NODE_TYPES.TemplateLiteral ||
    (n.type === AST_NODE_TYPES.Literal && typeof n.value === 'string') ||
    (n.type === AST_NODE_TYPES.BinaryExpression && n.operator === '+');
  const field = (n: Node) => n.type === AST_NODE_TYPES.MemberExpression || n.type === AST_NODE_TYPES.ChainExpression;
  return leaves.some(made) && leaves.every((n) => made(n) || field(n));
}

/**
 * A helper of this file that always throws, handed the caught error or the
 * failed response (`catch (e) { fail(e) }`, `if (!res.ok) await
 * throwApiError(res)`): the throws in it that drop the code, with the
 * arguments bound, as if written at the call. A throw under a branch that
 * singled out one code (`if (e.code === 21211) throw new BadRequest()`) made
 * its decision there, and one that only errors without a code reach (after
 * `if (axios.isAxiosError(e)) throw …`) has none to lose; a rethrow, or a
 * value this file cannot read, counts as kept. `undefined` for any other call.
 */
export function helperDroppingThrows(analysis: FileAnalysis, call: TSESTree.CallExpression): readonly TSESTree.ThrowStatement[] | undefined {
  const callee = calleeFunction(analysis, call.callee);
  if (!callee || programOf(callee.fn) !== programOf(call) || callee.fn.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const body = callee.fn.body;
  const throws: TSESTree.ThrowStatement[] = [];
  walkNodes(body, analysis.sourceCode.visitorKeys, (node) => {
    if (isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.ThrowStatement) throws.push(node);
    return undefined;
  });
  return inline(analysis, callee, call, () =>
    throws.filter((statement) => {
      // a code-decided branch, or one only errors without a code reach (after `if (isAxiosError(e)) throw …`)
      if (decidedOnCode(analysis, statement, body) || onlyWithoutCode(analysis, statement, { stop: body })) return false;
      const thrown = skipTransparent(statement.argument);
      if (thrown.type !== AST_NODE_TYPES.NewExpression && thrown.type !== AST_NODE_TYPES.CallExpression && !isFailureValue(analysis, thrown)) return false;
      return !carries(analysis, thrown);
    }),
  );
}

/**
 * Is `node` text that is never empty (`x.toString()`, `String(x)`, a
 * template with words in it)? Then `node || other` never reaches `other`,
 * except where `x?.toString()` met a missing `x`: returns `null` when nothing
 * can break it, `x` when that can, and `undefined` when the text may be empty
 * (or a longer chain may break).
 */
function textShortCircuit(node: Node): Node | null | undefined {
  const current = skipTransparent(node);
  if (current.type === AST_NODE_TYPES.TemplateLiteral) return current.quasis.some((q) => (q.value.cooked ?? '') !== '') ? null : undefined;
  if (current.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = current.callee;
  if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String' && current.arguments.length === 1) return null; // String(undefined) is 'undefined'
  if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'toString' || current.arguments.length > 0 || current.optional) return undefined;
  // `err.toString()` throws on a missing `err`; `err?.toString()` gives undefined; a chain that breaks earlier is not followed
  if (optionalWithin(callee.object)) return undefined;
  return callee.optional ? callee.object : null;
}

function optionalWithin(node: Node): boolean {
  for (let current: Node = node; ; ) {
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      if (current.optional) return true;
      current = current.object;
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      if (current.optional) return true;
      current = current.callee;
    } else if (current.type === AST_NODE_TYPES.ChainExpression || current.type === AST_NODE_TYPES.TSNonNullExpression) {
      current = current.expression;
    } else {
      return false;
    }
  }
}

/** Do two expressions read the same value (`err` and `err`, `e.response` and `e?.response`)? */
function sameValue(analysis: FileAnalysis, a: Node, b: Node): boolean {
  const text = (n: Node) => sourceCodeOf(analysis.sourceCode, n).getText(skipTransparent(n)).replace(/\?\./g, '.').replace(/\s+/g, '');
  return text(a) === text(b);
}

/**
 * Was the code, the body or the error attached to the value a variable holds
 * before `id` reads it: `err.meta = body.error`, `error.code = code`,
 * `Object.assign(err, { cause: e })`? The error thrown then keeps it.
 */
function attachesCode(analysis: FileAnalysis, id: TSESTree.Identifier, depth: number): boolean {
  const variable = findVariable(analysis.sourceCode, id);
  if (!variable || variable.defs[0]?.type !== 'Variable') return false;
  return variable.references.some((ref) => {
    if (ref.identifier === id || ref.identifier.range[0] >= id.range[0]) return false;
    // `(err as any).meta`: the same value
    let use: Node = ref.identifier;
    while (use.parent && isTransparentWrapper(use.parent)) use = use.parent;
    const parent = use.parent;
    // `err.meta = response.error`
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === use && parent.parent.type === AST_NODE_TYPES.AssignmentExpression && parent.parent.left === parent) {
      return carries(analysis, parent.parent.right, depth + 1);
    }
    // `Object.assign(err, { code: body.error.code })`
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === use) {
      const callee = skipTransparent(parent.callee);
      const isAssign = callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'assign' && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Object';
      return isAssign && parent.arguments.slice(1).some((arg) => carries(analysis, arg, depth + 1));
    }
    return false;
  });
}

function isTransparentWrapper(node: Node): boolean {
  return (
    node.type === AST_NODE_TYPES.TSAsExpression ||
    node.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.type === AST_NODE_TYPES.TSTypeAssertion ||
    node.type === AST_NODE_TYPES.TSSatisfiesExpression
  );
}

function isCode(analysis: FileAnalysis, node: Node): boolean {
  const kind = analysis.kindOf(node);
  return kind?.k === 'body' && pathMatches(kind.path, kind.provider.codePath);
}

/** A value that reports a failure: a sentence, or an object with `error`, `ok: false`, `success: false`, `status: false`. */
export function isFailureValue(analysis: FileAnalysis, node: Node): boolean {
  const current = skipTransparent(node);
  if (current.type === AST_NODE_TYPES.Literal) return typeof current.value === 'string' && /\s/.test(current.value.trim());
  if (current.type === AST_NODE_TYPES.TemplateLiteral) return current.expressions.length > 0 || /\s/.test(current.quasis[0]?.value.cooked?.trim() ?? '');
  if (current.type === AST_NODE_TYPES.BinaryExpression && current.operator === '+') return true;
  if (current.type === AST_NODE_TYPES.ObjectExpression) {
    if (findProperty(current, 'error')) return true;
    // `status: false` is a flag as surely as `success: false` (a status that is a number or a word is not)
    for (const key of ['ok', 'success', 'status']) {
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
 * translated text, `` return `Sent template "${name}"` `` where it returns a
 * preview). Text made from the function's own inputs is still a stand-in;
 * text made from the error (`err.message`, the status) reports the failure,
 * and so does fixed text where the function otherwise returns a status
 * (`'sent'`).
 */
export function isStandIn(analysis: FileAnalysis, exit: PathExit, path: ErrorPath): boolean {
  if (exit.type !== AST_NODE_TYPES.ReturnStatement || !exit.argument) return false;
  const value = skipTransparent(exit.argument);
  if (value.type !== AST_NODE_TYPES.Literal && !(value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.every((e) => !mentionsOutcome(analysis, e)))) return false;
  const fn = enclosingFunction(exit);
  if (!fn) return false;
  const from = path.after ? path.after.range[1] : path.body.range[0];
  const onPath = (node: Node) => node.range[0] >= from && node.range[1] <= path.body.range[1];
  const successes = returnedExpressions(fn).filter((node) => !onPath(node));
  return successes.length > 0 && successes.every(isData);
}

/** Does an expression read the provider's outcome (the error, the response, its body or status)? */
function mentionsOutcome(analysis: FileAnalysis, node: Node): boolean {
  let found = false;
  walkNodes(node, analysis.sourceCode.visitorKeys, (n) => {
    if (found) return 'stop';
    if (isFunction(n)) return false;
    if ((n.type === AST_NODE_TYPES.Identifier || n.type === AST_NODE_TYPES.MemberExpression) && analysis.kindOf(n)) found = true;
    return undefined;
  });
  return found;
}

/**
 * Can a documented provider code reach `exit` of an error path, so that
 * dropping it there loses it? Not when:
 * - the path is a `catch` around calls whose provider errors never leave them
 *   (a function that catches the failed send itself and logs it): the catch
 *   only sees the other errors (a database's);
 * - the path is a failure branch on a value only a success gives: a 2xx body
 *   from a client that rejects on HTTP errors (`if (!data.success) throw …`
 *   after axios), which has no code;
 * - every way a code gets here has already left: after `if (metaError) throw
 *   …`, `if (!res.ok) return …`, `if (e.response?.data) return e.response.data`,
 *   or in the `else` of `if (err.response)`, only errors without a code
 *   (network, timeouts, a 2xx body missing a field) remain.
 */
export function codeReaches(analysis: FileAnalysis, path: ErrorPath, exit: PathExit): boolean {
  if (!pathSeesCodes(analysis, path)) return false;
  return path.form === 'failure-branch' ? !onlyWithoutCode(analysis, exit, { call: path.call }) : !onlyWithoutCode(analysis, exit, { stop: path.body });
}

const seesCodes = new WeakMap<ErrorPath, boolean>();

function pathSeesCodes(analysis: FileAnalysis, path: ErrorPath): boolean {
  let known = seesCodes.get(path);
  if (known === undefined) {
    seesCodes.set(path, true); // recursion (a wrapper's failure values ask again)
    // a failure flag of a wrapper's result: the code reaches it only in what the wrapper's failure objects keep
    known = path.flag && path.call ? failureObjectsKeepCode(path.call) : path.form === 'failure-branch' ? !onSuccessOnly(analysis, path) : catchSeesCodes(analysis, path);
    seesCodes.set(path, known);
  }
  return known;
}

function contains(outer: Node, inner: Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1] && programOf(inner) === programOf(outer);
}

/** Do the provider errors of the calls a `catch` (or `.catch(…)`) handles reach it? */
function catchSeesCodes(analysis: FileAnalysis, path: ErrorPath): boolean {
  const tryStatement = path.form === 'catch' ? path.body.parent?.parent : undefined;
  if (tryStatement?.type !== AST_NODE_TYPES.TryStatement) return !path.call || providerErrorsEscape(analysis, path.call);
  const block = tryStatement.block;
  if (throwsOnFailure(analysis, block)) return true;
  return analysis.calls.some((call) => contains(block, call.node) && providerErrorsEscape(analysis, call));
}

/** Is `node` in a `catch` (or `.catch(…)` handler) of `call`: there a body is the error's body. */
function inHandlerOf(node: Node, call: ProviderCall): boolean {
  for (let current: Node | undefined = node; current?.parent; current = current.parent) {
    const parent: Node = current.parent;
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.handler === current && contains(parent.block, call.node)) return true;
    if (isFunction(current) && parent.type === AST_NODE_TYPES.CallExpression && parent.callee.type === AST_NODE_TYPES.MemberExpression && contains(parent.callee.object, call.node)) {
      const method = memberName(parent.callee);
      if ((method === 'catch' && parent.arguments[0] === current) || (method === 'then' && parent.arguments[1] === current)) return true;
    }
  }
  return false;
}

/**
 * Is a failure branch taken on a value only a successful response gives: the
 * resolved value of a client that rejects on HTTP errors (axios, got, ky), or
 * of a wrapper that throws on failure and never hands a failure back as a
 * value? Every documented error comes with a 4xx/5xx status, so such a value
 * (`if (!data.success)`, `if (!data.messages?.[0]?.id)`) is a 2xx body: a
 * branch on it reports a surprise in a success, not a provider code.
 */
function onSuccessOnly(analysis: FileAnalysis, path: ErrorPath): boolean {
  const call = path.call;
  if (!call || inHandlerOf(path.body, call)) return false;
  if (call.request) {
    const fn = enclosingFunction(call.node);
    // read where the request is made: only a client that throws on HTTP errors leaves successes there
    if (!fn || contains(fn, path.body)) return call.request.throwsOnHttpError;
    // read through the returns of the function that makes it (`const data = await graphPost(…); if
    // (!data.messages) throw …`): a success when that function gives no failure back as a value and either its
    // client throws on HTTP errors or it throws itself on every failed response (`if (!res.ok) throw …`)
    return !failureValueOf(analysis, fn) && (call.request.throwsOnHttpError || throwsOnEveryFailure(analysis, fn));
  }
  const target: { analysis: FileAnalysis; fn: FunctionNode } | undefined = call.wrapper ? { analysis, fn: call.wrapper } : call.external;
  return !!target && rejectsOnError(analysis, call, call.node) && !failureValueOf(target.analysis, target.fn);
}

/**
 * The value an exit of an error path that does not throw gives back: a
 * `return`'s argument, the value handed to `resolve(…)` of a promise made by
 * hand that the function returns (`resolve({ success: false, status })` in a
 * `https.request` callback), or the expression itself (a `.catch(() => x)`
 * handler's body).
 */
export function exitValue(analysis: FileAnalysis, exit: PathExit): Node | null {
  if (exit.type === AST_NODE_TYPES.ReturnStatement) return exit.argument;
  if (isPromiseResolveExit(exit, analysis.sourceCode)) {
    const [value] = exit.arguments;
    return value && value.type !== AST_NODE_TYPES.SpreadElement ? value : null;
  }
  return exit;
}

/** A `resolve(…)` exit gives `fn`'s value only when the promise it settles is `fn`'s own (made and returned there); any other exit passes. */
function settlesOwnPromise(analysis: FileAnalysis, exit: PathExit, fn: FunctionNode): boolean {
  if (!isPromiseResolveExit(exit, analysis.sourceCode)) return true;
  const promise = promiseMadeBy(exit.callee, analysis.sourceCode, 0);
  return !!promise && enclosingFunction(promise) === fn;
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
    if (n.type === AST_NODE_TYPES.ReturnStatement || throwsHere(analysis, n) || isPromiseResolveExit(n, analysis.sourceCode)) found.push(n);
    return undefined;
  });
  return found;
}

const VALUE_PASSTHROUGH = new Set<string>([
  AST_NODE_TYPES.AwaitExpression,
  AST_NODE_TYPES.ChainExpression,
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSTypeAssertion,
]);

/**
 * Does the value of a `.catch(handler)` (or `.then(ok, handler)`) reach what
 * `fn` returns: `return send().catch(() => null)`, an arrow whose body it is,
 * or a variable `fn` returns (`const r = await send().catch(() => null);
 * return r;`), also through a further `.then(…)`? A `.catch` awaited as a
 * statement, or whose value `fn` tests itself (`const done = await
 * handle().catch(() => false); if (done) return;`), hands nothing back.
 */
function handlerValueReturned(analysis: FileAnalysis, path: ErrorPath, fn: FunctionNode): boolean {
  let value: Node | undefined = path.body.parent?.parent; // handler → the `.catch(…)` call
  if (value?.type !== AST_NODE_TYPES.CallExpression) return true;
  for (;;) {
    while (value.parent && VALUE_PASSTHROUGH.has(value.parent.type)) value = value.parent;
    const parent: Node | undefined = value.parent;
    if (!parent) return false;
    // `.then(…)`, `.finally(…)` on it: the chain's value
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === value && parent.parent.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent) {
      value = parent.parent;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.ReturnStatement) return enclosingFunction(parent) === fn;
    if (parent === fn && fn.body === value) return true; // `(to) => send(to).catch(() => null)`
    if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === value && parent.id.type === AST_NODE_TYPES.Identifier && enclosingFunction(parent) === fn) {
      const variable = findVariable(analysis.sourceCode, parent.id);
      const reads = new Set(variable?.references.filter((ref) => ref.isRead()).map((ref) => ref.identifier as Node));
      return returnedExpressions(fn).some((returned) => reads.has(skipTransparent(returned)));
    }
    return false;
  }
}

/** Can a `catch` block run to its end: no `return`/`throw` at its end, nor a call of a helper that always throws (`this.fail(err)`)? */
function completes(analysis: FileAnalysis, body: Node): boolean {
  if (body.type !== AST_NODE_TYPES.BlockStatement || exits(body)) return false;
  const last = body.body.at(-1);
  if (last?.type !== AST_NODE_TYPES.ExpressionStatement) return true;
  let expression = skipTransparent(last.expression);
  if (expression.type === AST_NODE_TYPES.AwaitExpression) expression = skipTransparent(expression.argument);
  return expression.type !== AST_NODE_TYPES.CallExpression || !alwaysThrows(analysis, expression);
}

/**
 * Can a statement of a `catch` run to its end other than inside a branch
 * whose test decided on the provider's code? `if (e.code === 21211) { log(e) }
 * else { throw e }` ends only where one code was singled out: the wrapper
 * chose to go on for that code, and every other code leaves it. A branch
 * without `else`, or one whose test reads no code (`if (e.code)` only asks
 * whether there is one), lets any failure through to the end.
 */
function endsUndecided(analysis: FileAnalysis, statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.IfStatement) {
    if (!exits(statement.consequent) && endsUndecided(analysis, statement.consequent) && !decidesOnCode(analysis, statement.test)) return true;
    return !statement.alternate || (!exits(statement.alternate) && endsUndecided(analysis, statement.alternate));
  }
  if (statement.type === AST_NODE_TYPES.BlockStatement) {
    const last = statement.body.at(-1);
    if (last?.type === AST_NODE_TYPES.IfStatement && !exits(statement)) return endsUndecided(analysis, last);
    return completes(analysis, statement);
  }
  if (exits(statement)) return false;
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return true;
  let expression = skipTransparent(statement.expression);
  if (expression.type === AST_NODE_TYPES.AwaitExpression) expression = skipTransparent(expression.argument);
  return expression.type !== AST_NODE_TYPES.CallExpression || !alwaysThrows(analysis, expression);
}

/**
 * Does a branch's test compare the provider's code with something: `===` or
 * `==` against it (`e.code === 21211`, also with a value this file cannot
 * read, like another file's enum), or the code given to a call (a predicate,
 * `[…].includes(e.code)`)? A conjunction decides when one of its parts does.
 */
function decidesOnCode(analysis: FileAnalysis, test: Node): boolean {
  const current = skipTransparent(test);
  if (current.type === AST_NODE_TYPES.LogicalExpression && current.operator === '&&') return decidesOnCode(analysis, current.left) || decidesOnCode(analysis, current.right);
  if (current.type === AST_NODE_TYPES.BinaryExpression && (current.operator === '===' || current.operator === '==')) {
    return !!analysis.codeOf(current.left) || !!analysis.codeOf(current.right);
  }
  if (current.type === AST_NODE_TYPES.CallExpression) return current.arguments.some((arg) => arg.type !== AST_NODE_TYPES.SpreadElement && !!analysis.codeOf(arg));
  return false;
}

/**
 * Does a `catch` of `fn` end `fn` without a `return` (`catch (e) { log(e); }`
 * as its last statement) where `fn` returns a value on success? Its callers
 * then get `undefined` for a failure.
 */
function fallsOffEnd(analysis: FileAnalysis, path: ErrorPath, fn: FunctionNode): boolean {
  if (path.form !== 'catch' || !completes(analysis, path.body) || !endsUndecided(analysis, path.body as TSESTree.BlockStatement)) return false;
  const tryStatement = path.body.parent?.parent;
  if (tryStatement?.type !== AST_NODE_TYPES.TryStatement || (tryStatement.finalizer && exits(tryStatement.finalizer))) return false;
  // a `try` whose block may run to its end falls off the end on success too: `undefined` is no failure sign then
  if (completes(analysis, tryStatement.block)) return false;
  // the `try` is the last statement of the function (also inside a last `if`)
  let current: Node = tryStatement;
  for (;;) {
    const parent: Node | undefined = current.parent;
    if (!parent) return false;
    if (parent.type === AST_NODE_TYPES.BlockStatement) {
      if (parent.body.at(-1) !== current) return false;
      if (parent === fn.body) break;
    } else if (parent.type !== AST_NODE_TYPES.IfStatement || (parent.test as Node) === current) {
      return false;
    }
    current = parent;
  }
  // a value on success: a `return x` outside the catch
  const inCatch = (node: Node) => node.range[0] >= path.body.range[0] && node.range[1] <= path.body.range[1];
  return returnedExpressions(fn).some((node) => !inCatch(node) && !(node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined'));
}

/** How a wrapper gives a failure back as a value, in words for messages. */
export type FailureShape = 'null' | 'false' | 'undefined' | 'a failure object' | 'the error body' | 'text';

/** A failure value that is truthy (an object, the error body, a sentence): a test of the result's truth alone lets it through. */
export function isTruthyFailure(shape: FailureShape): boolean {
  return shape === 'a failure object' || shape === 'the error body' || shape === 'text';
}

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

const fullShapes = new WeakMap<FunctionNode, FailureShape | null>();

/** A failure object a wrapper gives back, with the analysis of its file. */
interface FailureObject {
  readonly analysis: FileAnalysis;
  readonly node: TSESTree.ObjectExpression;
}

/** The failure values of each wrapper when every one is an object literal (`unknown` otherwise). */
const fullObjects = new WeakMap<FunctionNode, readonly FailureObject[] | 'unknown'>();

/**
 * The same, read from the error paths other than failure flags (see
 * `basePaths`): what a test of a wrapper's flag asks of the wrapper, so
 * that finding those tests does not ask for the error paths being found.
 * A wrapper whose failures come back through another wrapper's flag is
 * not followed further.
 */
const baseShapes = new WeakMap<FunctionNode, FailureShape | null>();
const baseFields = new WeakMap<FunctionNode, FailureFields>();
const baseObjects = new WeakMap<FunctionNode, readonly FailureObject[] | 'unknown'>();

function mergeObjects(a: readonly FailureObject[] | 'unknown' | undefined, b: readonly FailureObject[] | 'unknown'): readonly FailureObject[] | 'unknown' {
  if (a === undefined) return b;
  return a === 'unknown' || b === 'unknown' ? 'unknown' : [...a, ...b];
}

/**
 * The wrapper call a value holds the result of (`const result = await
 * send(…)`), when that wrapper gives its failures back as object literals,
 * with those objects.
 */
function failureObjectsOf(analysis: FileAnalysis, node: Node): { call: ProviderCall; objects: readonly FailureObject[] } | undefined {
  let current = skipTransparent(node);
  if (current.type === AST_NODE_TYPES.Identifier) {
    const init = constInit(analysis, current);
    if (!init) return undefined;
    current = skipTransparent(init);
  }
  if (current.type === AST_NODE_TYPES.AwaitExpression) current = skipTransparent(current.argument);
  const call = current.type === AST_NODE_TYPES.CallExpression ? analysis.providerCall(current) : undefined;
  const target = call?.wrapper ? { analysis, fn: call.wrapper } : call?.external;
  if (!call || !target || failureValueOf(target.analysis, target.fn, 0, true) !== 'a failure object') return undefined;
  const objects = baseObjects.get(target.fn);
  return objects && objects !== 'unknown' && objects.length > 0 ? { call, objects } : undefined;
}

/**
 * A test of a wrapper's result on a flag every one of its failure objects
 * sets to `false` (`if (result.ok)` where failures are `{ ok: false, … }`):
 * the wrapper's provider call, whose failure the flag being false means.
 */
export function failureFlagTest(analysis: FileAnalysis, node: Node): ProviderCall | undefined {
  const current = skipTransparent(node);
  if (current.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const key = memberName(current);
  const result = typeof key === 'string' ? failureObjectsOf(analysis, current.object) : undefined;
  if (!result) return undefined;
  const flagged = result.objects.every(({ node: object }) => {
    const value = findProperty(object, String(key))?.value;
    const literal = value && skipTransparent(value);
    return literal?.type === AST_NODE_TYPES.Literal && literal.value === false;
  });
  return flagged ? result.call : undefined;
}

/** Does some failure object of the wrapper behind a failure-flag path keep the provider's code? */
export function failureObjectsKeepCode(call: ProviderCall): boolean {
  const target = call.wrapper ? call.wrapper : call.external?.fn;
  const objects = target && baseObjects.get(target);
  return !!objects && objects !== 'unknown' && objects.some((object) => carries(object.analysis, object.node));
}

/** What a wrapper's failure objects put under a field read off its result (`result.errorCode`), when each puts something there. */
function failureFieldValues(analysis: FileAnalysis, member: TSESTree.MemberExpression): { analysis: FileAnalysis; node: Node }[] | undefined {
  const key = memberName(member);
  const result = typeof key === 'string' ? failureObjectsOf(analysis, member.object) : undefined;
  if (!result) return undefined;
  const values: { analysis: FileAnalysis; node: Node }[] = [];
  for (const object of result.objects) {
    const property = findProperty(object.node, String(key));
    if (!property) continue;
    values.push({ analysis: object.analysis, node: property.value });
  }
  return values.length > 0 ? values : undefined;
}

/**
 * The provider's code and nothing else, as a wrapper's failure object holds
 * it (`result.errorCode`, filled with `String(body.error.code)`, or with a
 * code where there is one and a tag of the wrapper's own where there is
 * none): as an error's message it is the code, read back as it is.
 */
function failureCodeText(analysis: FileAnalysis, node: Node): boolean {
  const current = skipTransparent(node);
  if (current.type !== AST_NODE_TYPES.MemberExpression) return false;
  const values = failureFieldValues(analysis, current);
  return !!values && values.some((value) => holdsCode(value.analysis, value.node, 0)) && values.every((value) => holdsCode(value.analysis, value.node, 0) || staticValue(value.analysis, value.node) !== undefined);
}

/** The code itself: `body.error.code`, `String(code)`, a constant holding it, or a conditional with it on one side and a literal on the other. */
function holdsCode(analysis: FileAnalysis, node: Node, depth: number): boolean {
  const current = skipTransparent(node);
  if (isCode(analysis, current)) return true;
  if (depth > 3) return false;
  if (current.type === AST_NODE_TYPES.Identifier) {
    const init = constInit(analysis, current);
    return !!init && holdsCode(analysis, init, depth + 1);
  }
  if (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.Identifier && current.callee.name === 'String' && current.arguments[0]) return isCode(analysis, current.arguments[0]);
  if (current.type === AST_NODE_TYPES.ConditionalExpression) {
    const sides = [current.consequent, current.alternate];
    return sides.some((side) => holdsCode(analysis, side, depth + 1)) && sides.every((side) => holdsCode(analysis, side, depth + 1) || staticValue(analysis, side) !== undefined);
  }
  if (current.type === AST_NODE_TYPES.LogicalExpression && (current.operator === '||' || current.operator === '??')) {
    return holdsCode(analysis, current.left, depth + 1) && (holdsCode(analysis, current.right, depth + 1) || staticValue(analysis, current.right) !== undefined);
  }
  return false;
}

/** A provider error's text, as a wrapper's failure object holds it (`result.errorMessage` set from `err.message`). */
function failureMessage(analysis: FileAnalysis, node: Node): boolean {
  const current = skipTransparent(node);
  if (current.type === AST_NODE_TYPES.LogicalExpression && (current.operator === '||' || current.operator === '??')) return failureMessage(analysis, current.left);
  if (current.type !== AST_NODE_TYPES.MemberExpression) return false;
  const values = failureFieldValues(analysis, current);
  return !!values && values.every((value) => isErrorText(value.analysis, value.node, 0));
}

/** The provider's message or the caught error's (`err.message`, `e.message || String(e)`, a constant holding one). */
function isErrorText(analysis: FileAnalysis, node: Node, depth: number): boolean {
  const current = skipTransparent(node);
  if (analysis.messageOf(current)) return true;
  if (depth > 3) return false;
  if (current.type === AST_NODE_TYPES.Identifier) {
    const init = constInit(analysis, current);
    return !!init && isErrorText(analysis, init, depth + 1);
  }
  if (current.type === AST_NODE_TYPES.LogicalExpression && (current.operator === '||' || current.operator === '??')) return isErrorText(analysis, current.left, depth + 1);
  if (current.type !== AST_NODE_TYPES.MemberExpression || memberName(current) !== 'message') return false;
  const kind = analysis.kindOf(current.object);
  return kind?.k === 'error';
}

/**
 * The fields a wrapper's failure values have, when every one is known: the
 * keys of a `{ ok: false, error }` literal, a string's or `false`'s own
 * methods. `unknown`: a value whose fields cannot be listed (the error body, a
 * spread) or that has none to read (`null`, `undefined`: reading one throws).
 */
type FailureFields = ReadonlySet<string> | 'unknown';
const fullFields = new WeakMap<FunctionNode, FailureFields>();

function fieldsOf(shape: FailureShape, value: Node | null): FailureFields {
  if (shape === 'text') return new Set(Object.getOwnPropertyNames(String.prototype));
  if (shape === 'false') return new Set(Object.getOwnPropertyNames(Boolean.prototype));
  const object = value && skipTransparent(value);
  if (shape !== 'a failure object' || object?.type !== AST_NODE_TYPES.ObjectExpression) return 'unknown';
  const keys = new Set<string>();
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) return 'unknown';
    if (property.key.type === AST_NODE_TYPES.Identifier) keys.add(property.key.name);
    else if (property.key.type === AST_NODE_TYPES.Literal) keys.add(String(property.key.value));
    else return 'unknown';
  }
  return keys;
}

function mergeFields(a: FailureFields | undefined, b: FailureFields): FailureFields {
  if (a === undefined) return b;
  return a === 'unknown' || b === 'unknown' ? 'unknown' : new Set([...a, ...b]);
}

/**
 * Does every failure value `fn` gives back lack `field` (and have fields to
 * read at all)? Then `r.id` of its result is `undefined` on a failure, and a
 * test of it (`if (r.id)`, `r.data?.items ?? []`) tells a failure from a
 * success: `{ error }` has no `id`.
 */
export function failureLacks(analysis: FileAnalysis, fn: FunctionNode, field: string): boolean {
  if (!failureValueOf(analysis, fn)) return false;
  const fields = fullFields.get(fn);
  return fields !== undefined && fields !== 'unknown' && !fields.has(field);
}

/** Does the function give a value back anywhere (a `return x` other than `return undefined`)? */
function givesValue(fn: FunctionNode): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return true;
  return returnedExpressions(fn).some((node) => !(node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined'));
}

/**
 * Is `value` the response or body of another request made on the error path
 * itself (a fallback or a second try), one whose client throws on an HTTP
 * error (axios, ky)? Reaching the `return` means that request succeeded.
 */
function succeededRetryOf(analysis: FileAnalysis, value: Node, path: ErrorPath): boolean {
  const kind = analysis.kindOf(value);
  const settled = kind?.k === 'promise' ? kind.of : kind;
  if ((settled?.k !== 'body' && settled?.k !== 'response') || !settled.call?.request?.throwsOnHttpError || settled.call === path.call) return false;
  const node = settled.call.node;
  return node.range[0] >= path.body.range[0] && node.range[1] <= path.body.range[1] && programOf(node) === programOf(path.body);
}

/** The provider call a value is (`send(…)`, `await this.send(…)`), if it is one. */
function requestIn(analysis: FileAnalysis, value: Node): ProviderCall | undefined {
  let current = skipTransparent(value);
  if (current.type === AST_NODE_TYPES.AwaitExpression) current = skipTransparent(current.argument);
  return current.type === AST_NODE_TYPES.CallExpression ? analysis.providerCall(current) : undefined;
}

/**
 * Does a wrapper give a failed send back as a value instead of throwing it:
 * an error path that returns `null`, `false`, `undefined`, `{ ok: false,
 * error }`, the error body or a message (`catch { return null; }`,
 * `.catch(() => null)`, `if (!res.ok) return { ok: false, error }`), or a
 * return of such a wrapper's result? Its callers must test what they get.
 */
export function failureValueOf(analysis: FileAnalysis, fn: FunctionNode, depth = 0, base = false): FailureShape | undefined {
  const shapes = base ? baseShapes : fullShapes;
  const fieldCache = base ? baseFields : fullFields;
  const objectCache = base ? baseObjects : fullObjects;
  const known = shapes.get(fn);
  if (known !== undefined) return known ?? undefined;
  shapes.set(fn, null);
  fieldCache.set(fn, 'unknown');
  let found: FailureShape | undefined;
  let fields: FailureFields | undefined;
  let objects: readonly FailureObject[] | 'unknown' | undefined;
  objectCache.set(fn, 'unknown');
  // a failure value handed on from another wrapper has that wrapper's fields
  const fieldsFrom = (target: { analysis: FileAnalysis; fn: FunctionNode }) => fieldCache.get(target.fn) ?? 'unknown';
  const inside = (node: Node) => node.range[0] >= fn.range[0] && node.range[1] <= fn.range[1] && programOf(node) === programOf(fn);
  for (const path of base ? basePaths(analysis) : errorPaths(analysis)) {
    if (!inside(path.body)) continue;
    for (const exit of pathExits(analysis, path)) {
      if (throwsHere(analysis, exit)) continue;
      if (!codeReaches(analysis, path, exit)) continue; // no provider failure gets here
      // a `.catch(() => x)` handler's value, or a `return` of the wrapper itself (not of a function inside it)
      if (exit.type === AST_NODE_TYPES.ReturnStatement && enclosingFunction(exit) !== fn && path.form !== 'promise-catch') continue;
      if (!settlesOwnPromise(analysis, exit, fn)) continue;
      // a `.catch(() => false)` whose value the wrapper drops or tests itself gives its callers nothing
      if (path.form === 'promise-catch' && !handlerValueReturned(analysis, path, fn)) continue;
      const value = exitValue(analysis, exit);
      // `return send(…)` on the error path (the wrapper calling itself again, or another request): the value
      // is that request's own outcome, a failure value only when that request gives its failures back as values
      const again = value ? requestIn(analysis, value) : undefined;
      if (again) {
        const target = again.wrapper ? { analysis, fn: again.wrapper } : again.external;
        if (target && target.fn !== fn && depth < 3) {
          const shape = failureValueOf(target.analysis, target.fn, depth + 1, base);
          found ??= shape;
          if (shape) {
            fields = mergeFields(fields, fieldsFrom(target));
            objects = mergeObjects(objects, objectCache.get(target.fn) ?? 'unknown');
          }
        }
        continue;
      }
      // `catch (e) { const r = await axios.post(fallbackUrl, payload); return r.data; }`: the result of another
      // request made on the error path, which throws on its own failure, is that request's success
      if (value && succeededRetryOf(analysis, value, path)) continue;
      // `return res.status(400).json({ error })` in a request handler: the failure goes to the client, and what
      // the handler returns is the reply, not a value its callers are meant to test
      const replied = value && skipTransparent(value);
      if (replied?.type === AST_NODE_TYPES.CallExpression && isReply(replied)) continue;
      const shape = shapeOf(analysis, value);
      // a bare `return` where the wrapper gives no value on success either (`if (res.status === 404) return;`
      // in a delete): `undefined` tells its callers nothing
      if (shape === 'undefined' && !givesValue(fn)) continue;
      found ??= shape;
      if (shape) {
        fields = mergeFields(fields, fieldsOf(shape, value));
        const object = value && skipTransparent(value);
        objects = mergeObjects(objects, object?.type === AST_NODE_TYPES.ObjectExpression ? [{ analysis, node: object }] : 'unknown');
      }
    }
    if (!found && fallsOffEnd(analysis, path, fn) && pathSeesCodes(analysis, path)) {
      found = 'undefined';
      fields = 'unknown';
      objects = 'unknown';
    }
  }
  // `return send(…)` where `send` gives failures back as values
  if (!found && depth < 3) {
    for (const returned of returnedExpressions(fn)) {
      let value = skipTransparent(returned);
      if (value.type === AST_NODE_TYPES.AwaitExpression) value = skipTransparent(value.argument);
      const call = value.type === AST_NODE_TYPES.CallExpression ? analysis.providerCall(value) : undefined;
      const target = call?.wrapper ? { analysis, fn: call.wrapper } : call?.external;
      found = target ? failureValueOf(target.analysis, target.fn, depth + 1, base) : undefined;
      if (found && target) {
        fields = fieldsFrom(target);
        objects = objectCache.get(target.fn) ?? 'unknown';
        break;
      }
    }
  }
  shapes.set(fn, found ?? null);
  fieldCache.set(fn, fields ?? 'unknown');
  objectCache.set(fn, found ? (objects ?? 'unknown') : 'unknown');
  return found;
}

/** Does `body`, before `before`, write a record with a failed status (`db.update(t).set({ status: 'failed', … })`, `Message.create({ state: 'error' })`)? */
function writesFailedStatus(analysis: FileAnalysis, body: Node, before: number): boolean {
  const failedIn = (object: TSESTree.ObjectExpression, depth: number): boolean =>
    object.properties.some((property) => {
      if (property.type !== AST_NODE_TYPES.Property) return false;
      const value = skipTransparent(property.value as Node);
      const key = propertyKeyName(property);
      const text = staticValue(analysis, value);
      if (typeof key === 'string' && STATUS_KEY.test(key) && typeof text === 'string' && FAILED_STATUS.test(text)) return true;
      return value.type === AST_NODE_TYPES.ObjectExpression && depth < 2 && failedIn(value, depth + 1);
    });
  return walkNodes(body, analysis.sourceCode.visitorKeys, (n) => {
    if (isFunction(n) || n.range[0] >= before) return false;
    if (n.type !== AST_NODE_TYPES.CallExpression || isLogCall(n)) return undefined;
    return n.arguments.some((a) => {
      const value = skipTransparent(a as Node);
      return value.type === AST_NODE_TYPES.ObjectExpression && failedIn(value, 0);
    })
      ? 'stop'
      : undefined;
  });
}

/**
 * A wrapper that gives a provider failure back as a value only after writing
 * it down: on every error path a provider failure reaches, a call before the
 * exit writes a record with a failed status (`await db.update(messages).set({
 * status: 'failed', failedAt: new Date() })` before `return { success: false,
 * error }`). A caller that drops its result loses nothing: the failure is
 * already in the record. A path whose value is another request's outcome
 * (`return send(…)`), or that runs off its end (`undefined`), is not such a
 * path.
 */
export function recordsFailures(analysis: FileAnalysis, fn: FunctionNode): boolean {
  const inside = (node: Node) => node.range[0] >= fn.range[0] && node.range[1] <= fn.range[1] && programOf(node) === programOf(fn);
  let seen = false;
  for (const path of errorPaths(analysis)) {
    if (!inside(path.body)) continue;
    for (const exit of pathExits(analysis, path)) {
      if (throwsHere(analysis, exit)) continue;
      if (!codeReaches(analysis, path, exit)) continue;
      if (exit.type === AST_NODE_TYPES.ReturnStatement && enclosingFunction(exit) !== fn && path.form !== 'promise-catch') continue;
      if (!settlesOwnPromise(analysis, exit, fn)) continue;
      const value = exitValue(analysis, exit);
      if (value && requestIn(analysis, value)) return false;
      if (!writesFailedStatus(analysis, path.body, exit.range[0])) return false;
      seen = true;
    }
    // a catch that runs off its end gives `undefined`, the shape of a swallowed failure: judged as such
    if (fallsOffEnd(analysis, path, fn) && pathSeesCodes(analysis, path)) return false;
  }
  return seen;
}

/**
 * A wrapper that only logs a provider failure and gives its callers nothing:
 * no value on success either (`async function send(…) { try { await
 * client.messages.create(…); } catch (e) { console.error(e); } }`, `if
 * (!res.ok) console.error(await res.text());`). Each of its error paths that a
 * provider failure reaches runs to its end without a throw, a returned value,
 * or the code, the body or the error kept anywhere but in a log line, and no
 * provider failure leaves it another way (an unguarded `await axios.post(…)`
 * rejects to its callers). A caller cannot tell a failed send from a sent one.
 */
export function swallowsFailures(analysis: FileAnalysis, fn: FunctionNode): boolean {
  if (givesValue(fn) || fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  const body = fn.body;
  const calls = analysis.calls.filter((c) => enclosingFunction(c.node) === fn);
  if (calls.length === 0) return false;
  let found = false;
  for (const path of errorPaths(analysis)) {
    if (enclosingFunction(path.body) !== fn && !(path.form === 'failure-branch' && enclosingFunction(path.body.parent ?? path.body) === fn)) continue;
    if (!pathSeesCodes(analysis, path)) continue;
    if (path.form === 'promise-catch' || path.after || !onlyLogs(analysis, path.body)) return false;
    found = true;
  }
  if (!found) return false;
  // every provider failure ends in such a path: a rejection is caught inside, a resolved failure is branched on
  return calls.every((call) =>
    rejectsOnError(analysis, call, call.node)
      ? swallowedWithin(analysis, call.node, body)
      : errorPaths(analysis).some((path) => path.call === call && path.form === 'failure-branch'),
  );
}

/** Does an error path's body only log: no `throw`, no returned value, nothing handed on or stored but in a log line? */
function onlyLogs(analysis: FileAnalysis, body: Node): boolean {
  if (body.type !== AST_NODE_TYPES.BlockStatement && body.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  let keeps = false;
  walkNodes(body, analysis.sourceCode.visitorKeys, (n) => {
    if (keeps) return 'stop';
    if (isFunction(n)) return false;
    if (n.type === AST_NODE_TYPES.ThrowStatement || (n.type === AST_NODE_TYPES.ReturnStatement && n.argument)) keeps = true;
    else if (n.type === AST_NODE_TYPES.CallExpression) {
      if (isLogCall(n)) return false;
      if (alwaysThrows(analysis, n) || n.arguments.some((a) => carries(analysis, a))) keeps = true;
    } else if (n.type === AST_NODE_TYPES.AssignmentExpression && carries(analysis, n.right)) keeps = true;
    else if (n.type === AST_NODE_TYPES.VariableDeclarator && n.init && carries(analysis, n.init)) keeps = true;
    return undefined;
  });
  return !keeps;
}

/** A counter or flag named for an outcome that went well: `sent`, `successCount`, `stats.delivered`, `ok`. */
const SUCCESS_NAME = /sent|success|succeeded|delivered|notified|^ok$|^done$/i;
/** A status written for an outcome that went well: `'sent'`, `'DELIVERED'`, `'success'`. */
const SUCCESS_STATUS = /^(?:sent|delivered|success|succeeded|successful|completed|notified)$/i;

/**
 * The first record of a success after a call whose result is dropped, in the
 * statements that follow it in its block (not inside a branch of them): a
 * counter named for it counted up (`successCount++`, `stats.sent += 1`), a
 * flag named for it set (`sent = true`), or a status that says so written
 * (`{ status: 'sent' }`). The caller takes the call to have gone through.
 */
export function successRecordedAfter(analysis: FileAnalysis, call: TSESTree.CallExpression): Node | undefined {
  let site: Node = call;
  while (site.parent?.type === AST_NODE_TYPES.AwaitExpression || site.parent?.type === AST_NODE_TYPES.ChainExpression) site = site.parent;
  const statement = site.parent;
  const block = statement?.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || block?.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const nameOf = (target: Node): string | undefined => {
    const t = skipTransparent(target);
    if (t.type === AST_NODE_TYPES.Identifier) return t.name;
    const name = t.type === AST_NODE_TYPES.MemberExpression ? memberName(t) : undefined;
    return typeof name === 'string' ? name : undefined;
  };
  const named = (target: Node) => SUCCESS_NAME.test(nameOf(target) ?? '');
  let found: Node | undefined;
  for (const next of block.body.slice(block.body.indexOf(statement) + 1)) {
    // what the block does next in any case, not in a branch that decides on something else
    if (next.type !== AST_NODE_TYPES.ExpressionStatement && next.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    walkNodes(next, analysis.sourceCode.visitorKeys, (n) => {
      if (found) return 'stop';
      if (isFunction(n)) return false;
      if (n.type === AST_NODE_TYPES.CallExpression && isLogCall(n)) return false;
      if (n.type === AST_NODE_TYPES.UpdateExpression && n.operator === '++' && named(n.argument)) found = n;
      else if (n.type === AST_NODE_TYPES.AssignmentExpression && named(n.left)) {
        const value = staticValue(analysis, n.right);
        if ((n.operator === '+=' && value === 1) || (n.operator === '=' && value === true)) found = n;
      } else if (n.type === AST_NODE_TYPES.Property && !n.computed && STATUS_KEY.test(String(propertyKeyName(n) ?? ''))) {
        const value = staticValue(analysis, n.value as Node);
        if (typeof value === 'string' && SUCCESS_STATUS.test(value)) found = n;
      }
      return undefined;
    });
    if (found) return found;
  }
  return undefined;
}

/** Is `node` an argument of a log call (`console.log(…)`, `logger.info(…)`), however deep in it, within its statement? */
function insideLogCall(node: Node): boolean {
  for (let current = node.parent; current && !isFunction(current) && !current.type.endsWith('Statement'); current = current.parent) {
    if ((current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression) && isLogCall(current)) return true;
  }
  return false;
}

/**
 * A failure kept only as a flag: the `try` sets a variable declared before it
 * to `true` after the provider call (`sent = true`), the `catch` completes
 * without keeping the code, the body or the error anywhere but in a log line,
 * and the variable is read after the `try` into a record of the outcome
 * (`status: sent ? 'SENT' : 'FAILED'`, `res.json({ success })`). The failure
 * is then recorded as `false`, with its code gone — the same loss as `catch {
 * return { success: false }; }`. A flag only returned or branched on is a
 * status, like `catch { return false; }`. Returns the flag's name.
 */
export function failureFlagOf(analysis: FileAnalysis, path: ErrorPath): TSESTree.Identifier | undefined {
  if (path.form !== 'catch' || !path.call || !completes(analysis, path.body)) return undefined;
  const tryStatement = path.body.parent?.parent;
  if (tryStatement?.type !== AST_NODE_TYPES.TryStatement) return undefined;
  const after = path.call.node.range[1];
  let flag: TSESTree.Identifier | undefined;
  walkNodes(tryStatement.block, analysis.sourceCode.visitorKeys, (n) => {
    if (flag) return 'stop';
    if (isFunction(n)) return false;
    // `sent = true;` after the call, as a statement of its own
    if (
      n.type === AST_NODE_TYPES.AssignmentExpression &&
      n.operator === '=' &&
      n.range[0] > after &&
      n.parent.type === AST_NODE_TYPES.ExpressionStatement &&
      n.left.type === AST_NODE_TYPES.Identifier &&
      staticValue(analysis, n.right) === true
    ) {
      flag = n.left;
    }
    return undefined;
  });
  if (!flag) return undefined;
  const variable = findVariable(analysis.sourceCode, flag);
  const declaration = variable?.defs[0];
  if (!variable || declaration?.type !== 'Variable' || declaration.node.range[1] > tryStatement.range[0]) return undefined;
  // read after the `try` into a record of the outcome: `{ success: sent }`, `{ success }`, `sent ? 'SENT' : 'FAILED'`
  // (a boolean returned or branched on is a status, like `catch { return false; }`)
  // (and a record that only a log line prints, `console.log(\`sent (${usedTemplate ? 'template' : 'text'})\`)`, records nothing)
  const records = (id: Node) => {
    const parent = id.parent;
    const recorded = (parent?.type === AST_NODE_TYPES.Property && parent.value === id) || (parent?.type === AST_NODE_TYPES.ConditionalExpression && parent.test === id);
    return recorded && !insideLogCall(id);
  };
  if (!variable.references.some((ref) => ref.isRead() && ref.identifier.range[0] > tryStatement.range[1] && records(ref.identifier))) return undefined;
  // the catch sets it back to true, or keeps the code somewhere else than a log line
  let keeps = false;
  walkNodes(path.body, analysis.sourceCode.visitorKeys, (n) => {
    if (keeps) return 'stop';
    if (isFunction(n)) return false;
    if (n.type === AST_NODE_TYPES.AssignmentExpression) {
      if (n.left.type === AST_NODE_TYPES.Identifier && n.left.name === flag!.name && staticValue(analysis, n.right) !== false) keeps = true;
      else if (carries(analysis, n.right)) keeps = true;
    }
    if (n.type === AST_NODE_TYPES.CallExpression) {
      if (isLogCall(n)) return false;
      if (n.arguments.some((a) => carries(analysis, a))) keeps = true;
    }
    if (n.type === AST_NODE_TYPES.VariableDeclarator && n.init && carries(analysis, n.init)) {
      // `const code = e.response?.data?.error?.code` is kept only if it is used beyond a log line; be lenient
      keeps = true;
    }
    return undefined;
  });
  // what reaches the end of the catch: not the provider's errors when they were rethrown first
  const last = (path.body as TSESTree.BlockStatement).body.at(-1);
  if (keeps || !last || !codeReaches(analysis, path, last as unknown as PathExit)) return undefined;
  return flag;
}

/** A status that names a failure, as an app writes it into its records: `'failed'`, `'FAILED'`, `'error'`, `'undelivered'`. */
const FAILED_STATUS = /^(?:failed|failure|error|undelivered|bounced)$/i;
/** A record's field for its status: `status`, `deliveryStatus`, `state`. */
const STATUS_KEY = /status|state$/i;

/** `err.message` (also `err?.message`, `err.message || '…'`) of the caught error `caught`. */
function caughtMessage(node: Node, caught: TSESTree.Identifier): boolean {
  let value = skipTransparent(node);
  if (value.type === AST_NODE_TYPES.LogicalExpression) value = skipTransparent(value.left);
  if (value.type === AST_NODE_TYPES.ChainExpression) value = value.expression;
  if (value.type !== AST_NODE_TYPES.MemberExpression || memberName(value) !== 'message') return false;
  const object = skipTransparent(value.object);
  return object.type === AST_NODE_TYPES.Identifier && object.name === caught.name;
}

/**
 * A failure kept only as text in a record: the `catch` of a provider call
 * writes an object with a failed status and the caught error's message
 * (`Analytics.create({ status: 'failed', failureReason: err.message })`,
 * `Object.assign(row, { state: 'error', reason: e.message })`), throws
 * nothing and keeps the code, the body or the error nowhere but in a log
 * line. The record then says the send failed, but not with which code.
 * Returns the property that holds the message.
 */
export function failureRecordOf(analysis: FileAnalysis, path: ErrorPath): TSESTree.Property | undefined {
  const caught = path.caught;
  if (path.form !== 'catch' || !path.call || !caught) return undefined;
  let record: TSESTree.Property | undefined;
  let keeps = false;
  const inspect = (object: TSESTree.ObjectExpression, depth: number): void => {
    let failed = false;
    let message: TSESTree.Property | undefined;
    for (const property of object.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const value = skipTransparent(property.value as Node);
      const text = staticValue(analysis, value);
      if (typeof text === 'string' && FAILED_STATUS.test(text)) failed = true;
      else if (caughtMessage(value, caught)) message ??= property;
      else if (value.type === AST_NODE_TYPES.ObjectExpression && depth < 2) inspect(value, depth + 1);
    }
    if (failed && message) record ??= message;
  };
  walkNodes(path.body, analysis.sourceCode.visitorKeys, (n) => {
    if (keeps) return 'stop';
    if (isFunction(n)) return false;
    if (n.type === AST_NODE_TYPES.ThrowStatement) keeps = true;
    if (n.type === AST_NODE_TYPES.AssignmentExpression && carries(analysis, n.right)) keeps = true;
    if (n.type === AST_NODE_TYPES.VariableDeclarator && n.init && carries(analysis, n.init)) keeps = true;
    if (n.type === AST_NODE_TYPES.CallExpression) {
      if (isLogCall(n)) return false;
      if (n.arguments.some((a) => carries(analysis, a))) keeps = true;
      for (const argument of n.arguments) {
        const value = skipTransparent(argument as Node);
        if (value.type === AST_NODE_TYPES.ObjectExpression) inspect(value, 0);
      }
    }
    if (n.type === AST_NODE_TYPES.ReturnStatement && n.argument && carries(analysis, n.argument)) keeps = true;
    return undefined;
  });
  return keeps ? undefined : record;
}

/** A record that copies a wrapper's failure flag from its result but not the code its failures hold (see `copiedFailureRecords`). */
export interface CopiedFailureRecord {
  readonly record: TSESTree.ObjectExpression;
  /** The wrapper call whose result is copied. */
  readonly call: ProviderCall;
  /** The flag copied (`ok` of `ok: result.ok`). */
  readonly flag: string;
  /** The field of the wrapper's failure objects that keeps the code (`errorCode`, `details`). */
  readonly field: string;
}

/** The variable a result is held in (`result` of `result.ok`), when it is a plain identifier. */
function resultVariable(analysis: FileAnalysis, member: TSESTree.MemberExpression) {
  const object = skipTransparent(member.object);
  return object.type === AST_NODE_TYPES.Identifier ? findVariable(analysis.sourceCode, object) : null;
}

/** Does `node` read the variable (itself or a field of it)? */
function readsVariable(analysis: FileAnalysis, node: Node, variable: NonNullable<ReturnType<typeof findVariable>>): boolean {
  let found = false;
  walkNodes(node, analysis.sourceCode.visitorKeys, (n) => {
    if (found) return 'stop';
    if (n.type === AST_NODE_TYPES.Identifier && variable.references.some((ref) => ref.identifier === n)) found = true;
    return undefined;
  });
  return found;
}

/**
 * Is the record reached only after a test of the result: inside an `if` or a
 * conditional on it, or after an `if` on it that leaves (`if (!r.ok) throw …`)?
 * Such a record is on one side of the test, which the error paths judge.
 */
function afterTestOf(analysis: FileAnalysis, record: Node, variable: NonNullable<ReturnType<typeof findVariable>>): boolean {
  const fn = enclosingFunction(record);
  for (let current: Node = record; current.parent && current !== fn; current = current.parent) {
    const parent: Node = current.parent;
    if ((parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) && parent.test !== current && readsVariable(analysis, parent.test, variable)) return true;
    if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === current && readsVariable(analysis, parent.left, variable)) return true;
    if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program) {
      for (const statement of parent.body) {
        if (statement === current) break;
        if (statement.type === AST_NODE_TYPES.IfStatement && readsVariable(analysis, statement.test, variable) && (exits(statement.consequent) || (statement.alternate !== null && exits(statement.alternate)))) return true;
      }
    }
  }
  return false;
}

/**
 * Records built for every result of a wrapper that gives its failures back as
 * objects, copying the failure flag (`{ phone, ok: result.ok, error:
 * result.errorMessage }`, pushed or returned whatever the outcome) but not the
 * field where the wrapper's failures keep the provider's code: on a failure,
 * the record is the failure value, and it has lost the code the wrapper kept.
 * Not when the record keeps the result whole (`...result`, `result`) or the
 * code, nor when it is reached only after a test of the result (then it is
 * one side of that test), nor when no failure of the wrapper keeps a code,
 * nor for a provider whose codes never come in a response (Gupshup's arrive
 * in its message events).
 */
export function copiedFailureRecords(analysis: FileAnalysis): CopiedFailureRecord[] {
  const found: CopiedFailureRecord[] = [];
  // only a file calling such a wrapper is walked
  const objectFailures = analysis.calls.some((call) => {
    const target = call.wrapper ? { analysis, fn: call.wrapper } : call.external;
    return !!target && failureValueOf(target.analysis, target.fn, 0, true) === 'a failure object';
  });
  if (!objectFailures) return found;
  walkNodes(analysis.sourceCode.ast, analysis.sourceCode.visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    for (const property of node.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
      const value = skipTransparent(property.value);
      if (value.type !== AST_NODE_TYPES.MemberExpression) continue;
      const call = failureFlagTest(analysis, value);
      const flag = memberName(value);
      const variable = call && typeof flag === 'string' ? resultVariable(analysis, value) : null;
      // a provider whose codes all come in status events (Gupshup) gives no code in a response to lose here
      if (!call || typeof flag !== 'string' || !variable || !call.provider.codesInResponses || !failureObjectsKeepCode(call)) continue;
      // the result kept whole: `{ ...result }`, `{ result }`
      const whole = node.properties.some((other) => {
        const kept = skipTransparent(other.type === AST_NODE_TYPES.SpreadElement ? other.argument : other.value);
        return kept.type === AST_NODE_TYPES.Identifier && variable.references.some((ref) => ref.identifier === kept);
      });
      if (whole || carries(analysis, node) || afterTestOf(analysis, node, variable) || codeCopiedElsewhere(analysis, node, variable)) break;
      const field = codeField(call);
      if (field !== undefined) found.push({ record: node, call, flag, field });
      break;
    }
    return undefined;
  });
  return found;
}

/**
 * Does another object of the same function copy the code from the same result
 * (`return { sent: r.success, errorCode: r.errorCode }` beside an audit entry
 * `{ sent: r.success, to }`)? The code is passed on there; the record beside
 * it is a second account of the same failure, not the place it is lost.
 */
function codeCopiedElsewhere(analysis: FileAnalysis, record: TSESTree.ObjectExpression, variable: NonNullable<ReturnType<typeof findVariable>>): boolean {
  const fn = enclosingFunction(record);
  return variable.references.some((ref) => {
    const member = ref.identifier.parent;
    const property = member?.type === AST_NODE_TYPES.MemberExpression && member.object === ref.identifier ? member.parent : undefined;
    const object = property?.type === AST_NODE_TYPES.Property && property.value === member ? property.parent : undefined;
    return !!property && object?.type === AST_NODE_TYPES.ObjectExpression && object !== record && enclosingFunction(object) === fn && carries(analysis, property);
  });
}

/** The field of a wrapper's failure objects that keeps the provider's code (`errorCode: e.code`, `details: data`). */
function codeField(call: ProviderCall): string | undefined {
  const target = call.wrapper ? call.wrapper : call.external?.fn;
  const objects = target && baseObjects.get(target);
  if (!objects || objects === 'unknown') return undefined;
  for (const object of objects) {
    for (const property of object.node.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
      const name = propertyKeyName(property);
      if (typeof name === 'string' && carries(object.analysis, property.value)) return name;
    }
  }
  return undefined;
}
