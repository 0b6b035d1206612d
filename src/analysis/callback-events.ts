/**
 * Callback handlers that never see the status event. Where a provider's
 * status callback names its event in a field of its own (the catalog's
 * `statusCallback.eventType`: Gupshup's `type`, `message-event` for message
 * statuses), the same endpoint also receives other events (an inbound
 * `message`, a `user-event`). A handler that tests that field only against
 * the other events and lets everything else go (an early `return`, an `else`
 * that only logs, a `switch` with no case for the status event) drops every
 * failed send, whose code arrives only there:
 *
 *     app.post('/webhook', async (req, res) => {
 *       if (req.body.type !== 'message') return;   // message-event: failed, 1002, 1003… dropped
 *       await reply(req.body.payload);
 *     });
 *
 * Such a handler is looked for only in a file that never names the status
 * event (the callback's `textMarkers`; a file that does is judged by the
 * status handlers of `webhook.ts`), only when no other file of the project
 * names it (the events may be handled at an endpoint of their own), and only
 * as the provider's: the body the event field is read off has the callback's
 * root field read off it too (`req.body.payload`), and the file sends through
 * the provider, or the handler's route, name or class, or the file's name,
 * names the provider.
 */
import { basename } from 'node:path';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { enclosingClass, enclosingFunction, findVariable, functionName, isLogCall, memberName, propertyKeyName, skipTransparent, walkNodes, type FunctionNode, type Node } from './ast.js';
import type { StatusCallback } from '../catalog/schema.js';
import type { FileAnalysis } from './file.js';
import { currentProject, pathOf } from './imports.js';
import { projectFilesMatching, TEST_FILE } from './importers.js';
import type { ProviderInfo } from './providers.js';
import { escapeRegExp } from './settings.js';
import { staticValue } from './values.js';

export interface IgnoredStatusEvents {
  /** The test (or `switch` discriminant) that keeps only the other events. */
  readonly node: Node;
  readonly provider: ProviderInfo;
  /** The events the handler acts on, as its tests name them. */
  readonly acted: readonly string[];
  /** The status event it drops (`message-event`). */
  readonly event: string;
  readonly callback: StatusCallback;
  /** Codes messages name as examples of failures that arrive in the dropped event. */
  readonly notable: readonly (string | number)[];
}

type EventTest =
  | { readonly kind: 'compare'; readonly node: TSESTree.BinaryExpression; readonly value: string; readonly equal: boolean }
  | { readonly kind: 'switch'; readonly node: TSESTree.SwitchStatement; readonly values: readonly string[] };

const cache = new WeakMap<FileAnalysis, readonly IgnoredStatusEvents[]>();

/** The callback handlers of a file that act only on other events than the status one (see the module comment). */
export function ignoredStatusEvents(analysis: FileAnalysis): readonly IgnoredStatusEvents[] {
  let found = cache.get(analysis);
  if (!found) {
    found = analysis.settings.providers.flatMap((provider) => ignoredFor(analysis, provider));
    cache.set(analysis, found);
  }
  return found;
}

function ignoredFor(analysis: FileAnalysis, provider: ProviderInfo): IgnoredStatusEvents[] {
  const callback = provider.def.statusCallback;
  const event = callback?.eventType;
  if (!callback || !event) return [];
  const text = analysis.sourceCode.text;
  const field = event.path.split('.').at(-1)!;
  if (callback.textMarkers.some((marker) => text.includes(marker))) return [];
  if (!text.includes(field) || !callback.rootFields.some((root) => text.includes(root))) return [];
  // cheap before the walk: the file sends through the provider or names it somewhere (see `namesProvider`)
  if (!analysis.calls.some((call) => call.provider === provider) && !providerName(provider).test(text)) return [];
  const tests = new Map<FunctionNode, EventTest[]>();
  walkNodes(analysis.sourceCode.ast, analysis.sourceCode.visitorKeys, (node) => {
    const test = eventTest(analysis, node, event.path, callback.rootFields);
    if (!test) return undefined;
    const handler = enclosingFunction(node);
    if (handler) tests.set(handler, [...(tests.get(handler) ?? []), test]);
    return undefined;
  });
  if (tests.size === 0) return [];
  const found: IgnoredStatusEvents[] = [];
  for (const [handler, list] of tests) {
    // a handler that names the status event anywhere (through a constant) is the status handlers' business
    if (list.some((t) => (t.kind === 'compare' ? t.value === event.value : t.values.includes(event.value)))) continue;
    const dropping = list.find((t) => drops(t, handler));
    if (!dropping || !namesProvider(analysis, provider, handler)) continue;
    const acted = [...new Set(list.flatMap((t) => (t.kind === 'compare' ? [t.value] : t.values)))];
    found.push({ node: dropping.kind === 'compare' ? dropping.node : dropping.node.discriminant, provider, acted, event: event.value, callback, notable: callback.notable });
  }
  if (found.length > 0 && handledElsewhere(analysis, callback)) return [];
  return found.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/** `req.body.type !== 'message'`, `kind === 'message'` (with `const kind = req.body.type`), `switch (body.type)`. */
function eventTest(analysis: FileAnalysis, node: Node, path: string, roots: readonly string[]): EventTest | undefined {
  if (node.type === AST_NODE_TYPES.SwitchStatement) {
    if (!isEventRead(analysis, node.discriminant, path, roots, 0)) return undefined;
    const values = node.cases.map((c) => (c.test ? staticValue(analysis, c.test) : undefined)).filter((v): v is string => typeof v === 'string');
    return values.length > 0 ? { kind: 'switch', node, values } : undefined;
  }
  if (node.type !== AST_NODE_TYPES.BinaryExpression || !['===', '==', '!==', '!='].includes(node.operator)) return undefined;
  for (const [read, other] of [
    [node.left, node.right],
    [node.right, node.left],
  ] as const) {
    if (read.type === AST_NODE_TYPES.PrivateIdentifier) continue;
    const value = staticValue(analysis, other);
    if (typeof value === 'string' && isEventRead(analysis, read, path, roots, 0)) return { kind: 'compare', node, value, equal: node.operator.startsWith('=') };
  }
  return undefined;
}

/** `m?.type` and `m.type` alike: an expression's text without optional chaining, non-null marks or spaces. */
function plain(analysis: FileAnalysis, node: Node): string {
  return analysis.sourceCode.getText(node).replace(/\?\./g, '.').replace(/[!\s]/g, '');
}

/**
 * Is a value the callback's event field: a read of it off an object that the
 * callback's root field is read off too in the same function (`req.body.type`
 * beside `req.body.payload`), a variable holding one (also the first of
 * fallbacks: `req.body.type || req.body.event`), or a destructured one
 * (`const { type, payload } = req.body`)?
 */
function isEventRead(analysis: FileAnalysis, node: Node, path: string, roots: readonly string[], depth: number): boolean {
  const current = skipTransparent(node);
  if (depth > 3) return false;
  if (current.type === AST_NODE_TYPES.LogicalExpression) return isEventRead(analysis, current.left, path, roots, depth + 1);
  if (current.type === AST_NODE_TYPES.MemberExpression) {
    const steps = path.split('.');
    let base: Node = current;
    for (let i = steps.length - 1; i >= 0; i--) {
      const step = skipTransparent(base);
      if (step.type !== AST_NODE_TYPES.MemberExpression || memberName(step) !== steps[i]) return false;
      base = step.object;
    }
    return rootReadOff(analysis, base, roots, current);
  }
  if (current.type !== AST_NODE_TYPES.Identifier) return false;
  const def = findVariable(analysis.sourceCode, current)?.defs[0];
  if (def?.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return false;
  const { id, init } = def.node;
  if (id.type === AST_NODE_TYPES.Identifier) return isEventRead(analysis, init, path, roots, depth + 1);
  // `const { type, payload } = req.body`
  if (id.type !== AST_NODE_TYPES.ObjectPattern || path.includes('.')) return false;
  const keys = id.properties.map((p) => (p.type === AST_NODE_TYPES.Property ? propertyKeyName(p) : undefined));
  const own = id.properties.some((p) => p.type === AST_NODE_TYPES.Property && propertyKeyName(p) === path && skipTransparent(p.value as Node) === def.name);
  return own && (keys.some((key) => typeof key === 'string' && roots.includes(key)) || rootReadOff(analysis, init, roots, current));
}

/**
 * Is one of the callback's root fields read off the same object (by its text)
 * in the function around `at`? The object is the callback's body, not what a
 * root field holds (`body.payload.type` is an inbound message's kind, read off
 * Gupshup's `payload`, which has a `payload` of its own).
 */
function rootReadOff(analysis: FileAnalysis, base: Node, roots: readonly string[], at: Node): boolean {
  if (heldByRoot(analysis, base, roots, 0)) return false;
  const text = plain(analysis, base);
  const scope: Node = enclosingFunction(at) ?? analysis.sourceCode.ast;
  let known = rootReads.get(scope);
  if (!known) rootReads.set(scope, (known = new Map()));
  const key = `${roots.join(",")}|${text}`;
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  let found = false;
  walkNodes(scope, analysis.sourceCode.visitorKeys, (node) => {
    if (found) return 'stop';
    if (node.type === AST_NODE_TYPES.MemberExpression && roots.includes(String(memberName(node))) && plain(analysis, node.object) === text) found = true;
    // `const { payload } = req.body`
    if (node.type === AST_NODE_TYPES.VariableDeclarator && node.init && node.id.type === AST_NODE_TYPES.ObjectPattern && plain(analysis, node.init) === text) {
      found = node.id.properties.some((p) => p.type === AST_NODE_TYPES.Property && roots.includes(String(propertyKeyName(p))));
    }
    return found ? 'stop' : undefined;
  });
  known.set(key, found);
  return found;
}

/** `rootReadOff` by function (or program) and the object's text. */
const rootReads = new WeakMap<Node, Map<string, boolean>>();

/** Does the status event, which a test lets through to its other branch, reach only code that does nothing with it? */
function drops(test: EventTest, handler: FunctionNode): boolean {
  if (test.kind === 'switch') {
    const fallback = test.node.cases.find((c) => !c.test);
    if (fallback && !fallback.consequent.every((s) => quiet(s, handler))) return false;
    return quietAfter(test.node, handler);
  }
  // up through `&&` (for an equality: the status event takes the alternate) or `||` (for an inequality: the consequent)
  let node: Node = test.node;
  const joiner = test.equal ? '&&' : '||';
  while (node.parent?.type === AST_NODE_TYPES.LogicalExpression && node.parent.operator === joiner) node = node.parent;
  const statement = node.parent;
  if (statement?.type !== AST_NODE_TYPES.IfStatement || statement.test !== node) return false;
  if (!test.equal) return quiet(statement.consequent, handler) && (exits(statement.consequent) || quietAfter(statement, handler));
  const other = statement.alternate;
  if (other && !quiet(other, handler)) return false;
  return (other !== null && exits(other)) || quietAfter(statement, handler);
}

/** Does a statement only log, answer the request, or return nothing? */
function quiet(statement: TSESTree.Statement | TSESTree.Expression | null, handler: FunctionNode): boolean {
  if (!statement) return true;
  switch (statement.type) {
    case AST_NODE_TYPES.EmptyStatement:
    case AST_NODE_TYPES.BreakStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.every((s) => quiet(s, handler));
    case AST_NODE_TYPES.ReturnStatement:
      return statement.argument === null || quiet(statement.argument, handler);
    case AST_NODE_TYPES.ExpressionStatement:
      return quiet(statement.expression, handler);
    case AST_NODE_TYPES.AwaitExpression:
      return quiet(statement.argument, handler);
    case AST_NODE_TYPES.CallExpression:
      return isLogCall(statement) || answers(statement, handler);
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.Identifier:
      return true;
    default:
      return false;
  }
}

/** `res.sendStatus(200)`, `res.status(200).end()`, `reply.send()`: a call on a parameter of the handler that is not the request. */
function answers(call: TSESTree.CallExpression, handler: FunctionNode): boolean {
  let root: Node = skipTransparent(call.callee);
  while (root.type === AST_NODE_TYPES.MemberExpression || root.type === AST_NODE_TYPES.CallExpression) {
    root = skipTransparent(root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee);
  }
  if (root.type !== AST_NODE_TYPES.Identifier || root === skipTransparent(call.callee)) return false;
  const index = handler.params.findIndex((param) => param.type === AST_NODE_TYPES.Identifier && param.name === (root as TSESTree.Identifier).name);
  // the first parameter is the request (or the event itself)
  return index > 0;
}

function exits(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  return statement.type === AST_NODE_TYPES.BlockStatement && statement.body.length > 0 && exits(statement.body.at(-1)!);
}

/** Do the statements after `statement` up to the end of the handler only log or answer (through a `try` around it)? */
function quietAfter(statement: TSESTree.Statement, handler: FunctionNode): boolean {
  let current: Node = statement;
  for (;;) {
    const block: Node | undefined = current.parent;
    if (block?.type !== AST_NODE_TYPES.BlockStatement) return false;
    const rest = block.body.slice(block.body.indexOf(current as TSESTree.Statement) + 1);
    if (!rest.every((s: TSESTree.Statement) => quiet(s, handler))) return false;
    if (block === handler.body) return true;
    const holder: Node | undefined = block.parent;
    if (holder?.type !== AST_NODE_TYPES.TryStatement || holder.block !== block) return false;
    current = holder;
  }
}

/**
 * Is the handler the provider's: does the file send through it, or do the
 * handler's name, a route it is registered for, its class or the file's name
 * name it?
 */
function namesProvider(analysis: FileAnalysis, provider: ProviderInfo, handler: FunctionNode): boolean {
  if (analysis.calls.some((call) => call.provider === provider)) return true;
  const name = providerName(provider);
  const mentions = (node: Node | null | undefined): boolean => {
    const current = node && skipTransparent(node);
    if (current?.type === AST_NODE_TYPES.Literal) return typeof current.value === 'string' && name.test(current.value);
    if (current?.type === AST_NODE_TYPES.TemplateLiteral) return current.quasis.some((q) => name.test(q.value.raw));
    return false;
  };
  const file = analysis.fileName ?? pathOf(analysis.sourceCode.ast);
  if (file && name.test(basename(file))) return true;
  for (let fn: FunctionNode | undefined = handler; fn; fn = enclosingFunction(fn)) {
    const own = functionName(fn);
    if (own && name.test(own)) return true;
    // registered inline (`app.post('/gupshup/webhook', (req, res) => …)`) or by name
    const parent = fn.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.some((arg) => mentions(arg))) return true;
    const id = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn.id : parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id : null;
    const variable = id ? findVariable(analysis.sourceCode, id) : undefined;
    for (const reference of variable?.references ?? []) {
      const call = reference.identifier.parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.arguments.includes(reference.identifier as TSESTree.CallExpressionArgument) && call.arguments.some((arg) => mentions(arg))) return true;
    }
    const cls = enclosingClass(fn);
    if (cls?.id && name.test(cls.id.name)) return true;
  }
  return false;
}

/** Is a value what a root field holds: `body.payload`, or a variable given it (`const p = req.body.payload || {}`)? */
function heldByRoot(analysis: FileAnalysis, node: Node, roots: readonly string[], depth: number): boolean {
  const current = skipTransparent(node);
  if (current.type === AST_NODE_TYPES.MemberExpression) return roots.includes(String(memberName(current)));
  if (current.type === AST_NODE_TYPES.LogicalExpression) return heldByRoot(analysis, current.left, roots, depth);
  if (current.type !== AST_NODE_TYPES.Identifier || depth > 3) return false;
  const def = findVariable(analysis.sourceCode, current)?.defs[0];
  if (def?.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return false;
  if (def.node.id.type === AST_NODE_TYPES.Identifier) return heldByRoot(analysis, def.node.init, roots, depth + 1);
  // `const { payload: p } = req.body`
  return def.node.id.type === AST_NODE_TYPES.ObjectPattern && def.node.id.properties.some((p) => p.type === AST_NODE_TYPES.Property && roots.includes(String(propertyKeyName(p))) && skipTransparent(p.value as Node) === def.name);
}

const providerNames = new WeakMap<ProviderInfo, RegExp>();

/** The provider's id in any case (`gupshup`, `GupshupService`), made once per provider. */
function providerName(provider: ProviderInfo): RegExp {
  let name = providerNames.get(provider);
  if (!name) providerNames.set(provider, (name = new RegExp(escapeRegExp(provider.id), 'i')));
  return name;
}

/**
 * The text test for a callback's markers, one function per callback: the
 * project's text searches are kept by test, so a new function each time
 * would search every file again.
 */
const markerTests = new WeakMap<StatusCallback, (text: string) => boolean>();

/** Does another file of the project, not a test's, name the status event (its own endpoint for the events)? */
function handledElsewhere(analysis: FileAnalysis, callback: StatusCallback): boolean {
  const project = currentProject();
  const own = pathOf(analysis.sourceCode.ast);
  if (!project) return false;
  let names = markerTests.get(callback);
  if (!names) markerTests.set(callback, (names = (text: string): boolean => callback.textMarkers.some((marker) => text.includes(marker))));
  // a test's payloads name the events; a test handles none
  return projectFilesMatching(project, names).some((file) => file !== own && !TEST_FILE.test(file));
}

