/**
 * WhatsApp status webhooks as a source of provider errors.
 *
 * The Cloud API accepts most sends with HTTP 200 and reports the failure
 * later, in the webhook: `entry[].changes[].value.statuses[]` with `status:
 * 'failed'` and `errors[]`; system-level problems arrive in `value.errors[]`.
 * This module recognises those payloads however a handler reaches them and
 * hands their errors to the rest of the analysis.
 *
 * The webhook kinds. An element of such an `errors[]` gets the kind the rules
 * already read a response's error object through:
 *
 *     { k: 'body', provider, call: undefined, path: provider.webhookErrorPath, source: 'webhook' }
 *
 * `webhookErrorPath` is the provider's code path without its last step
 * (`['error']` for Meta's `error.code`), so `e.code` lands on the provider's
 * `codePath` and `e.title` / `e.message` / `e.error_data.details` on its
 * `messagePaths` (the catalog's `statusWebhook.messageFields` are added to
 * them). `codeOf`, `messageOf`, dispatches and code comparisons work on webhook
 * errors unchanged; `source: 'webhook'` lets a rule tell them apart (which
 * codes to require, how to name the field). The only hook is one line in
 * `FileAnalysis.kindOf`: when nothing else gives a node a kind, `webhookKind`.
 *
 * Shapes. Everything above an error is tracked here, not in `Kind`: a value is
 * a `WebhookValue`, one of the payload's shapes (payload, entry, change, value,
 * status, the status string, error; `sdk-status` for the arguments of
 * whatsapp-api-js's `on.status` handler, which carry one `error`) with an array
 * depth (`value.statuses` is `status` at depth 1). It is followed through
 * member reads, indexes, destructuring, `for…of`, array callbacks (`forEach`,
 * `map`, `find`…) and their results (`find`, `at`, `filter`, `map`, `flatMap`,
 * `flat`), same-file functions called with such a value, handlers registered
 * with an SDK (whatsapp-api-js `on.status`, Meta's SDK `webhooks.start`), type
 * annotations (the plugin's `WebhookStatus` / `WebhookError`, whatsapp-api-js's
 * `PostData`, `ServerStatusPayload`, `ServerError`, `OnStatusArgs`) and, with
 * type information, the same types wherever the checker finds them.
 *
 * Evidence that it is WhatsApp. A value reached through `changes[].value`, an
 * SDK handler or a type is certain (`entry`, `changes` and `statuses` read off
 * something unknown start a path; only `entry[].changes[].value` makes it
 * certain, a bare `changes` list is anyone's). A
 * `statuses` read off something unknown (`req.body.statuses`, an
 * on-premises style payload) counts only when the file names
 * `whatsapp_business_account` or imports a WhatsApp SDK, or a function around
 * it reads `messaging_product` or is named, routed (`'/webhooks/whatsapp'`),
 * decorated or in a class named for WhatsApp. Other webhooks with a `status`
 * field (Stripe, GitHub) have no such path and are never recognised.
 *
 * Which provider: Meta's Cloud API (`meta-cloud`), whose catalog entry
 * describes a status webhook (`statusWebhook`), and the providers whose entry
 * describes a status callback with flat fields (`statusCallback`): Twilio's
 * form-encoded callback (`MessageStatus` `failed` or `undelivered`, with
 * `ErrorCode` as text) and Gupshup's message event (`payload.type` `failed`,
 * `payload.payload.code`). CEQUENS (on-premises codes) documents no status
 * callback, so none is recognised for it.
 *
 * Callbacks. A callback is tracked with one more shape, `callback`, whose
 * `field` is the path read so far from the callback body; a read of one of
 * the callback's `rootFields` off something unknown starts it (`req.body.MessageStatus`,
 * `const { MessageStatus, ErrorCode } = req.body`; Gupshup's `payload`). The
 * field at the callback's `statusPath` is a status string (like Meta's
 * `status.status`, with the callback's own `failedStates`); the field at its
 * `codePath` gets the provider's code kind (`{ k: 'body', path: codePath,
 * source: 'webhook' }`, `repr: 'text'` when form-encoded and the catalog's
 * code is a number: `'63016'` stands for 63016); a field at one of the
 * provider's `messagePaths` its text. So dispatches, comparisons and
 * handle-failed-status read callbacks through the same kinds. A callback
 * needs WhatsApp evidence like an uncertain Meta path: WhatsApp in the
 * handler's name, route or class, or the callback's own `evidence` text in
 * the file (Twilio's `whatsapp:` address prefix, Gupshup's `message-event`),
 * a sender of another file naming the handler's route, or the status handed
 * to a function or class of another file that holds that evidence.
 * An SMS status callback (same fields, no evidence) is not recognised.
 *
 * Cost: nothing runs unless the file's text names a path step, an SDK handler
 * or one of the types (`POSSIBLE`), or a callback's `textMarkers`, or, with
 * type information, the program declares one of the types.
 *
 * Status strings as the code spells them: a case change (`toUpperCase()`),
 * `trim()`, `String(…)` and a lookup table of strings naming every failed
 * status (`{ failed: 'FAILED', … }[s.status]`) keep a status string one, with
 * the failed statuses respelled (`spelling`), so `=== 'FAILED'` after
 * `toUpperCase()` names `failed`.
 *
 * Status handlers (`statusHandlers`): what each handler does with statuses,
 * for handle-failed-status. A handler is the outermost function around the
 * reads (or the module); a same-file function that is handed a status (or
 * the webhook value) counts as part of its outermost callers, through any
 * chain of such helpers, and the handler is judged as a whole. A function
 * that reads neither a status's `status` nor its `errors` (only its `id` or
 * `recipient_id`, for a key or a contact lookup) is no handler.
 */
import { basename } from 'node:path';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { enclosingClass, enclosingFunction, findVariable, functionName, type FunctionNode, isFunction, isLogCall, memberName, outermostWrapper, type Node, programOf, propertyKeyName, skipTransparent, someNode, walkNodes } from './ast.js';
import { clientOf, importOf } from './clients.js';
import { parsePath } from '../catalog/lookup.js';
import type { ErrorEntry, StatusCallback } from '../catalog/schema.js';
import type { FileAnalysis, Kind } from './file.js';
import { pathMatches, type ProviderInfo } from './providers.js';
import { importersOf, projectFilesMatching, TEST_FILE } from './importers.js';
import { insideTestSuite } from './outcome.js';
import { currentProject, pathOf } from './imports.js';
import { parsedFile } from './modules.js';
import { escapeRegExp } from './settings.js';
import { typescript } from './types.js';
import { calleeFunction, classOf, constructorOf, resolveExpression, returnedExpressions, staticList, staticValue, type ClassNode } from './values.js';

/**
 * The payload's shapes; `state` is a status's `status` string, `sdk-status`
 * the arguments of whatsapp-api-js's `on.status`; `callback` a field (or an
 * object on the way to one) of another provider's status callback, its path
 * in `field` (see `StatusCallback` in the catalog).
 */
export type Shape = 'payload' | 'entry' | 'change' | 'value' | 'status' | 'sdk-status' | 'state' | 'error' | 'callback';

export interface WebhookValue {
  readonly shape: Shape;
  /** 0 for the thing itself, 1 for an array of them (`value.statuses`), 2 for an array of arrays. */
  readonly depth: number;
  /** Reached through `changes[].value`, an SDK handler or a type: WhatsApp without further evidence. */
  readonly certain: boolean;
  /** Comes from the arguments of whatsapp-api-js's `on.status` (one `error`, not `errors[]`). */
  readonly sdk?: boolean;
  /** Inside an error: the fields read so far (`['code']` for `const { code } = status.errors[0]`); in a callback: its path from the body. */
  readonly field?: readonly (string | number)[];
  /** A callback's provider (catalog id); unset for Meta's webhook. */
  readonly provider?: string;
  /** Reached through `entry`: `entry[].changes[].value` is then Meta's webhook (a bare `changes` list is anyone's). */
  readonly rooted?: boolean;
  /**
   * A status string after case changes and lookup tables (`s.status.toUpperCase()`,
   * `LABELS[s.status]`): how each of the failed statuses (`failedStates`, in
   * order) is spelled in it, `undefined` where a table drops one; unset: as the provider spells them.
   */
  readonly spelling?: readonly (string | undefined)[];
  /** A callback object known only by the callback's fields read off its variable (`data` in `data.MessageStatus`). */
  readonly byFields?: boolean;
}

type Step = readonly [Shape, number];

/**
 * What another file hands to this one: webhook values bound to parameters
 * (of a function, a constructor, a hook method a base class calls) and to the
 * fields of `cls` a constructor stores them in.
 */
interface Seeds {
  readonly params: Map<Node, WebhookValue>;
  readonly fields: Map<string, WebhookValue>;
  readonly cls: ClassNode | undefined;
  /** The constructor hands the value to `super(…)`, and the class has hooks that take it (followed instead of the base class). */
  readonly hooks?: boolean;
  /** How many files away from the linted one. */
  readonly depth: number;
}

/** Fields of each shape that lead to another. */
const FIELDS: Readonly<Record<Shape, Readonly<Record<string, Step>>>> = {
  payload: { entry: ['entry', 1] },
  entry: { changes: ['change', 1] },
  change: { value: ['value', 0] },
  value: { statuses: ['status', 1], errors: ['error', 1] },
  status: { status: ['state', 0], errors: ['error', 1] },
  'sdk-status': { status: ['state', 0], error: ['error', 0], raw: ['payload', 0] },
  state: {},
  error: {},
  callback: {},
};
/** Fields of an object nothing is known about that start a webhook path (uncertain until `changes[].value`). */
const ROOT_FIELDS: Readonly<Record<string, Step>> = { entry: ['entry', 1], changes: ['change', 1], statuses: ['status', 1] };

const ELEMENT_RESULTS = new Set(['find', 'findLast', 'at', 'pop', 'shift']);
const SAME_ARRAY = new Set(['filter', 'slice', 'concat', 'sort', 'reverse', 'toSorted', 'toReversed']);
const ELEMENT_CALLBACKS = new Set(['forEach', 'map', 'flatMap', 'find', 'findLast', 'findIndex', 'findLastIndex', 'filter', 'some', 'every']);
/** String methods that keep a status string what it is, with the case change they make. */
const upper = (text: string): string => text.toUpperCase();
const lower = (text: string): string => text.toLowerCase();
const same = (text: string): string => text;
const STRING_METHODS: ReadonlyMap<string, (text: string) => string> = new Map([
  ['toUpperCase', upper],
  ['toLocaleUpperCase', upper],
  ['toLowerCase', lower],
  ['toLocaleLowerCase', lower],
  ['trim', same],
  ['trimStart', same],
  ['trimEnd', same],
  ['toString', same],
  ['valueOf', same],
]);
const META = 'meta-cloud';
const CATALOG_MODULE = 'eslint-plugin-whatsapp-errors/catalog';
const SDK_MODULE = /^whatsapp-api-js(\/|$)/;
/** Types that name a shape, by the module that declares them. */
const CATALOG_TYPES: Readonly<Record<string, Shape>> = { WebhookStatus: 'status', WebhookError: 'error' };
const SDK_TYPES: Readonly<Record<string, Shape>> = { PostData: 'payload', ServerStatusPayload: 'status', ServerError: 'error', OnStatusArgs: 'sdk-status' };

/** Text a file must contain before any of Meta's webhook is looked for (a callback provider's `textMarkers` for its callback). */
const POSSIBLE = /statuses|changes|on\.status|Webhook(?:Status|Error)|ServerStatusPayload|ServerError|OnStatus|PostData|webhooks\.start/;
/** Text that makes every webhook-shaped value of a file WhatsApp's: the webhook's `object`, or an SDK import. */
const FILE_EVIDENCE = /whatsapp_business_account|['"](?:whatsapp-api-js(?:\/[\w/-]*)?|@great-detail\/whatsapp|whatsapp)['"]/;
/** Text that makes the webhook-shaped values of one function WhatsApp's (`value.messaging_product`). */
const FUNCTION_EVIDENCE = /messaging_product/;
const NAMES_WHATSAPP = /whats_?app/i;

function step(value: WebhookValue | undefined, name: string): WebhookValue | undefined {
  if (value && value.depth > 0) return undefined;
  // inside an error the fields are the error body's (`code`, `title`, `error_data.details`)
  if (value?.shape === 'error') return { ...value, field: [...(value.field ?? []), name] };
  const table = value ? FIELDS[value.shape] : ROOT_FIELDS;
  if (!Object.hasOwn(table, name)) return undefined;
  const [shape, depth] = table[name]!;
  // the entry/changes/value path is Meta's webhook and nobody else's
  const rooted = (value?.rooted ?? false) || (!value && name === 'entry') || value?.shape === 'payload';
  const certain = (value?.certain ?? false) || (value?.shape === 'change' && name === 'value' && rooted);
  return { shape, depth, certain, ...(rooted ? { rooted } : {}), ...((value?.sdk ?? false) || shape === 'sdk-status' ? { sdk: true } : {}) };
}

function element(value: WebhookValue | undefined): WebhookValue | undefined {
  return value && value.depth > 0 && !value.field ? { ...value, depth: value.depth - 1 } : undefined;
}

function contains(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** The status Meta's webhook reports for a failed send. */
const META_FAILED: readonly string[] = ['failed'];

/** What a field of a callback is: its status, its error code, an error text, an object on the way to them, or another field. */
type CallbackRole = 'state' | 'code' | 'text' | 'inside' | 'other';

interface CallbackInfo {
  readonly provider: ProviderInfo;
  readonly callback: StatusCallback;
  readonly statusPath: readonly (string | number)[];
  readonly codePath: readonly (string | number)[];
  /** The file holds the callback's own evidence (`whatsapp:`, `message-event`). */
  readonly evidence: boolean;
}

function callbackInfo(provider: ProviderInfo, text: string): CallbackInfo {
  const callback = provider.def.statusCallback!;
  return {
    provider,
    callback,
    statusPath: parsePath(callback.statusPath),
    codePath: parsePath(callback.codePath),
    evidence: callback.evidence.some((marker) => text.includes(marker)),
  };
}

/**
 * The field a form-encoded callback is read by as form data or search
 * params: `'MessageStatus'` in `form.get('MessageStatus')`, where `form` is
 * `await request.formData()`, `new URLSearchParams(…)`, `new FormData(…)` or
 * a URL's `searchParams` (a `Map`'s `get` is not).
 */
function formField(analysis: FileAnalysis, call: TSESTree.CallExpression): string | undefined {
  const callee = skipTransparent(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'get' || call.arguments.length !== 1) return undefined;
  const arg = call.arguments[0]!;
  if (arg.type !== AST_NODE_TYPES.Literal || typeof arg.value !== 'string' || !formLike(analysis, callee.object)) return undefined;
  return arg.value;
}

function formLike(analysis: FileAnalysis, node: Node): boolean {
  let current = skipTransparent(node);
  if (current.type === AST_NODE_TYPES.Identifier) {
    const def = findVariable(analysis.sourceCode, current)?.defs[0];
    const init = def?.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id.type === AST_NODE_TYPES.Identifier ? def.node.init : null;
    if (!init) return false;
    current = skipTransparent(init);
  }
  if (current.type === AST_NODE_TYPES.AwaitExpression) current = skipTransparent(current.argument);
  if (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = skipTransparent(current.callee);
    return callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'formData';
  }
  if (current.type === AST_NODE_TYPES.NewExpression) return current.callee.type === AST_NODE_TYPES.Identifier && (current.callee.name === 'URLSearchParams' || current.callee.name === 'FormData');
  return current.type === AST_NODE_TYPES.MemberExpression && memberName(current) === 'searchParams';
}

/** The path a Next.js file route answers (`app/api/twilio/status/route.ts`, `pages/api/twilio/status.js`: `/api/twilio/status`); none for dynamic segments. */
export function fileRoutePaths(file: string): string[] {
  const normalized = file.replace(/\\/g, '/');
  const app = normalized.lastIndexOf('/app/');
  const pages = normalized.lastIndexOf('/pages/api/');
  let route: string | undefined;
  if (app >= 0 && app > pages) route = /^((?:[^/]+\/)*[^/]+)\/route\.[cm]?[jt]sx?$/.exec(normalized.slice(app + 5))?.[1];
  else if (pages >= 0) route = /^((?:[^/]+\/)*?[^/]+?)(?:\/index)?\.[cm]?[jt]sx?$/.exec(normalized.slice(pages + 7))?.[1];
  if (route === undefined) return [];
  // route groups (`(hooks)`) are not in the URL; a dynamic segment (`[id]`) cannot be named
  const segments = route.split('/').filter((segment) => !/^\(.*\)$/.test(segment));
  if (segments.length === 0 || segments.some((segment) => segment.includes('['))) return [];
  return [`/${segments.join('/')}`];
}

/** Paths of two segments or more that route registrations around `node` are given (`router.post('/hooks/twilio/status', …)`). */
function registeredRoutePaths(node: Node): string[] {
  const paths: string[] = [];
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunction(current) || current.parent?.type !== AST_NODE_TYPES.CallExpression) continue;
    const first = current.parent.arguments[0];
    const path = first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' ? first.value : undefined;
    if (path && /^\/[\w.-]+(?:\/[\w.-]+)+\/?$/.test(path)) paths.push(path.replace(/\/$/, ''));
  }
  return paths;
}

const EVIDENCE_TESTS = new Map<string, (text: string) => boolean>();

/**
 * Does a project file other than `own` (and not a test), holding the callback's own evidence
 * (`whatsapp:`), name `path` at the end of a URL (followed by a quote, a
 * backtick, `?` or the end of a line, not by more of a path)?
 */
function namedBySender(callback: StatusCallback, path: string, own: string | undefined): boolean {
  const project = currentProject();
  if (project === undefined) return false;
  const named = new RegExp(`${escapeRegExp(path)}(?![\\w/.-])`);
  return callback.evidence.some((marker) => {
    let test = EVIDENCE_TESTS.get(marker);
    if (!test) EVIDENCE_TESTS.set(marker, (test = (text: string) => text.includes(marker)));
    return projectFilesMatching(project, test).some((file) => {
      if (file === own || TEST_FILE.test(file)) return false;
      const text = project.session.file(file)?.text;
      return text !== undefined && named.test(text);
    });
  });
}

function samePath(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}

function startsPath(prefix: readonly (string | number)[], path: readonly (string | number)[]): boolean {
  return prefix.length < path.length && prefix.every((segment, i) => segment === path[i]);
}

function roleOf(info: CallbackInfo, field: readonly (string | number)[]): CallbackRole {
  if (samePath(field, info.statusPath)) return 'state';
  if (samePath(field, info.codePath)) return 'code';
  if (info.provider.messagePaths.some((path) => samePath(field, path))) return 'text';
  if (startsPath(field, info.statusPath) || startsPath(field, info.codePath)) return 'inside';
  return 'other';
}

/** `m?.type` and `m.type` alike: an expression's text without optional chaining, non-null marks or spaces. */
function plainText(analysis: FileAnalysis, node: Node): string {
  return analysis.sourceCode.getText(node).replace(/\?\./g, '.').replace(/[!\s]/g, '');
}

/**
 * Does a branch test select the callback's status event (`true`), another
 * event (`false`), or neither, for the branch it leads to? `m.type === 'message'`
 * selects another event for its consequent; `m.type !== 'message-event'` too;
 * `m.type !== 'message'` decides nothing.
 */
function selectsEvent(analysis: FileAnalysis, test: Node, eventField: string, statusEvent: string, consequent: boolean): boolean | undefined {
  const current = skipTransparent(test);
  if (current.type !== AST_NODE_TYPES.BinaryExpression || !['===', '==', '!==', '!='].includes(current.operator)) return undefined;
  const [field, other] = plainText(analysis, current.left) === eventField ? [current.left, current.right] : [current.right, current.left];
  if (plainText(analysis, field) !== eventField) return undefined;
  const compared = staticValue(analysis, other);
  if (typeof compared !== 'string') return undefined;
  const equal = current.operator.startsWith('=') === consequent; // the branch reaches `field === compared`
  if (compared === statusEvent) return equal;
  return equal ? false : undefined;
}

/**
 * Is a read of a callback's status in code only another event reaches? Where
 * the callback names its event in a field of its own (Gupshup's `type`:
 * `message-event` for statuses), the status field may hold other values for
 * other events (an inbound message's kind, `'text'`; a template event's): a
 * read inside `if (m.type === 'message')`, a `case 'template-event':` of
 * `switch (m.type)`, or in a same-file function called only from such
 * branches (with `m` handed to it) is not a status.
 */
function otherEventOnly(state: Webhooks, info: CallbackInfo, read: Node): boolean {
  const event = info.callback.eventType;
  if (!event) return false;
  let base: Node = read;
  for (let i = 0; i < info.statusPath.length; i++) {
    while (base.type === AST_NODE_TYPES.ChainExpression || base.type === AST_NODE_TYPES.TSNonNullExpression) base = base.expression;
    if (base.type !== AST_NODE_TYPES.MemberExpression) return false;
    base = base.object;
  }
  return reachedByOtherEvent(state, base, read, event, 0);
}

function reachedByOtherEvent(state: Webhooks, base: Node, from: Node, event: { readonly path: string; readonly value: string }, depth: number): boolean {
  const { analysis } = state;
  const eventField = `${plainText(analysis, base)}.${event.path}`;
  for (let child: Node = from, parent = from.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.IfStatement && (parent.consequent === child || parent.alternate === child)) {
      const selected = selectsEvent(analysis, parent.test, eventField, event.value, parent.consequent === child);
      if (selected !== undefined) return !selected;
    }
    if (parent.type === AST_NODE_TYPES.SwitchCase && parent.test && parent.parent.type === AST_NODE_TYPES.SwitchStatement && plainText(analysis, parent.parent.discriminant) === eventField) {
      const label = staticValue(analysis, parent.test);
      if (typeof label === 'string') return label !== event.value;
    }
    if (isFunction(parent)) {
      // the value handed to a same-file function: judged where it is called
      const index = parent.params.findIndex((param) => param.type === AST_NODE_TYPES.Identifier && base.type === AST_NODE_TYPES.Identifier && param.name === base.name);
      if (index === -1) continue;
      if (depth >= 3) return false;
      const calls = callsOf(analysis).get(parent) ?? [];
      return calls.length > 0 && calls.every((call) => {
        const argument = call.arguments[index];
        return !!argument && reachedByOtherEvent(state, argument, call, event, depth + 1);
      });
    }
  }
  return false;
}

const callSites = new WeakMap<FileAnalysis, Map<Node, TSESTree.CallExpression[]>>();

/** The same-file functions the file's calls reach, with those calls. */
function callsOf(analysis: FileAnalysis): Map<Node, TSESTree.CallExpression[]> {
  let found = callSites.get(analysis);
  if (!found) {
    const calls = new Map<Node, TSESTree.CallExpression[]>();
    walkNodes(analysis.sourceCode.ast, analysis.sourceCode.visitorKeys, (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
      const fn = analysis.calledFunction(node);
      if (fn) calls.set(fn, [...(calls.get(fn) ?? []), node]);
      return undefined;
    });
    callSites.set(analysis, (found = calls));
  }
  return found;
}

/** The per-file state: value cache, evidence, helper calls. */
class Webhooks {
  private readonly values = new Map<Node, WebhookValue | null>();
  private readonly callSites = new Map<string, WebhookValue | null>();
  /** Same-file functions handed a webhook value, with the calls that hand it. */
  readonly helperCalls = new Map<FunctionNode, TSESTree.CallExpression[]>();
  readonly fileEvidence: boolean;

  /** Callback providers whose callbacks the file may hold, by id, with their parsed paths. */
  readonly callbacks = new Map<string, CallbackInfo>();
  /** Root fields of those callbacks → their provider. */
  private readonly roots = new Map<string, CallbackInfo>();

  constructor(
    readonly analysis: FileAnalysis,
    /** Meta's Cloud API, when its webhook may be in the file. */
    readonly provider: ProviderInfo | undefined,
    callbacks: readonly ProviderInfo[],
    /** Values another file hands to this one's parameters (see `followExternal`). */
    readonly seeds?: Seeds,
  ) {
    const text = analysis.sourceCode.text;
    this.fileEvidence = FILE_EVIDENCE.test(text);
    for (const callbackProvider of callbacks) {
      const info = callbackInfo(callbackProvider, text);
      this.callbacks.set(callbackProvider.id, info);
      for (const field of info.callback.rootFields) if (!this.roots.has(field)) this.roots.set(field, info);
    }
  }

  /** A field read off `value` (or off something unknown): Meta's shapes, or a step into a callback. */
  step(value: WebhookValue | undefined, name: string): WebhookValue | undefined {
    if (value?.shape === 'callback') return { ...value, field: [...(value.field ?? []), name] };
    if (!value) {
      const info = this.roots.get(name);
      if (info) return { shape: 'callback', depth: 0, certain: false, provider: info.provider.id, field: [name] };
      if (!this.provider) return undefined;
    }
    return step(value, name);
  }

  /** The callback a value belongs to, with its role there. */
  callbackRole(value: WebhookValue | undefined): { info: CallbackInfo; role: CallbackRole } | undefined {
    const info = value?.shape === 'callback' && value.provider ? this.callbacks.get(value.provider) : undefined;
    return info && { info, role: roleOf(info, value!.field ?? []) };
  }

  /** Is a value a status string: Meta's `status.status`, a callback's `MessageStatus`? */
  isState(value: WebhookValue | undefined): boolean {
    return value?.shape === 'state' || this.callbackRole(value)?.role === 'state';
  }

  /** The statuses that mean a failed send, for the status string a value is (Meta's `failed`; Twilio's `failed`, `undelivered`). */
  failedStates(value: WebhookValue | undefined): readonly string[] {
    return this.callbackRole(value)?.info.callback.failedStates ?? META_FAILED;
  }

  /** How the failed statuses are spelled in a status string (`'FAILED'` after `toUpperCase()`), in `failedStates` order. */
  failedSpellings(value: WebhookValue | undefined): readonly (string | undefined)[] {
    return value?.spelling ?? this.failedStates(value);
  }

  /** A status string with each failed status respelled (a case change, a lookup table). */
  private respell(value: WebhookValue, change: (spelled: string) => string | undefined): WebhookValue {
    return { ...value, spelling: this.failedSpellings(value).map((spelled) => (spelled === undefined ? undefined : change(spelled))) };
  }

  /**
   * `LABELS[s.status]` with a table of strings that names every failed
   * status: the status string renamed (`{ failed: 'FAILED', … }`). A table
   * without them, or of other values, is a decision on the status (see `stateTest`).
   */
  translation(member: TSESTree.MemberExpression): WebhookValue | undefined {
    if (!member.computed) return undefined;
    const key = this.valueOf(member.property);
    if (!key || key.depth !== 0 || !this.isState(key)) return undefined;
    const table = resolveExpression(this.analysis, member.object);
    if (table.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const names = new Map<string, string>();
    for (const property of table.properties) {
      const name = property.type === AST_NODE_TYPES.Property ? propertyKeyName(property) : undefined;
      const renamed = property.type === AST_NODE_TYPES.Property ? staticValue(this.analysis, property.value) : undefined;
      if (typeof name !== 'string' || typeof renamed !== 'string') return undefined;
      names.set(name, renamed);
    }
    const spelled = this.failedSpellings(key);
    if (!spelled.every((text) => text !== undefined && names.has(text))) return undefined;
    return this.respell(key, (text) => names.get(text));
  }

  /** The kind of a callback's code or text field (`ErrorCode`, Gupshup's `payload.payload.code`), as the provider's error body has it. */
  callbackKind(value: WebhookValue): Kind | undefined {
    const found = this.callbackRole(value);
    if (!found) return undefined;
    const { info, role } = found;
    if (role === 'code') {
      const text = info.callback.encoding === 'form' && info.provider.def.codeType === 'number';
      return { k: 'body', provider: info.provider, call: undefined, path: info.provider.codePath, source: 'webhook', ...(text ? { repr: 'text' as const } : {}) };
    }
    return role === 'text' ? { k: 'body', provider: info.provider, call: undefined, path: value.field!, source: 'webhook' } : undefined;
  }

  /** Is a webhook value WhatsApp's: certain by its path, or with evidence around it (a callback's own evidence in the file counts). */
  isWhatsApp(node: Node, value: WebhookValue): boolean {
    if (value.certain) return true;
    const info = value.provider ? this.callbacks.get(value.provider) : undefined;
    return (info?.evidence ?? false) || this.evidence(node) || (info !== undefined && (this.routeEvidence(info, node) || this.handedToEvidence(info, node) || this.callerEvidence(info, node, 0)));
  }

  /**
   * A read inside a same-file function handed the callback (`toUpdate(body)`
   * reading `body.MessageStatus`, see `helperCalls`) has the evidence of the
   * code that calls it: the route it is called from, or WhatsApp named
   * around a call (through a few helpers of helpers).
   */
  private callerEvidence(info: CallbackInfo, node: Node, depth: number): boolean {
    if (depth > 2) return false;
    for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
      const calls = this.helperCalls.get(fn) ?? [];
      if (calls.some((call) => this.evidence(call) || this.routeEvidence(info, call) || this.callerEvidence(info, call, depth + 1))) return true;
    }
    return false;
  }

  /**
   * A callback field handed as an argument to a function or class of another
   * project file that holds the callback's own evidence (Twilio's
   * `whatsapp:`): a controller that hands `body.MessageStatus` to the service
   * that sends the WhatsApp messages (`this.deliveries.markStatus(sid,
   * status)`). Runs only for a callback field read as a call's argument
   * without evidence in the file; the call is resolved as `followExternal`
   * resolves it, and the other file's text (the session's copy) is tested
   * for the evidence; that file is analysed only when it holds it.
   */
  private handedToEvidence(info: CallbackInfo, node: Node): boolean {
    const use = useOf(node);
    if (use.kind !== 'argument') return false;
    const target = externalTarget(this, use.call, node);
    const path = target && pathOf(programOf(target.fn));
    const text = path !== undefined ? currentProject()?.session.file(path)?.text : undefined;
    return text !== undefined && info.callback.evidence.some((marker) => text.includes(marker));
  }

  private readonly routeEvidences = new Map<string, boolean>();

  /**
   * A callback's route that a WhatsApp sender of another project file names:
   * a file holding the callback's own evidence (Twilio's `whatsapp:`) whose
   * text has the route's path at the end of a URL (`statusCallback:
   * `${BASE}/api/twilio/status``). The route is the file's own under Next.js
   * (`app/api/twilio/status/route.ts`, `pages/api/twilio/status.js`) or the
   * path a route registration around `node` is given (`router.post('/hooks/twilio/status', …)`,
   * two segments at least). Runs only for a callback field read without
   * evidence in the file; the project's files holding the evidence are found
   * once per session (a text test), then searched for the path.
   */
  private routeEvidence(info: CallbackInfo, node: Node): boolean {
    const paths = [...fileRoutePaths(pathOf(this.analysis.sourceCode.ast) ?? ''), ...registeredRoutePaths(node)];
    return paths.some((path) => {
      const key = `${info.provider.id} ${path}`;
      let found = this.routeEvidences.get(key);
      if (found === undefined) {
        found = namedBySender(info.callback, path, pathOf(this.analysis.sourceCode.ast));
        this.routeEvidences.set(key, found);
      }
      return found;
    });
  }

  valueOf(node: Node): WebhookValue | undefined {
    const cached = this.values.get(node);
    if (cached !== undefined) return cached ?? undefined;
    this.values.set(node, null); // cycles: unknown
    const value = this.compute(node);
    this.values.set(node, value ?? null);
    return value;
  }

  private compute(node: Node): WebhookValue | undefined {
    const current = skipTransparent(node);
    if (current !== node) return this.valueOf(current);
    switch (current.type) {
      case AST_NODE_TYPES.MemberExpression: {
        if (current.object.type === AST_NODE_TYPES.ThisExpression) {
          // a field the constructor stored a handed-in status in (`this.status = status`)
          const name = memberName(current);
          return this.seeds && typeof name === 'string' && enclosingClass(current) === this.seeds.cls ? this.seeds.fields.get(name) : undefined;
        }
        const object = this.valueOf(current.object);
        const name = memberName(current);
        const found = typeof name === 'string' ? this.step(object, name) : current.computed ? (element(object) ?? (object ? undefined : this.translation(current))) : undefined;
        // with type information, a property typed with one of the shapes' types (`batch.updates: WebhookStatus[]`)
        return found ?? (object ? undefined : this.typedExpression(current));
      }
      case AST_NODE_TYPES.CallExpression:
        return this.callValue(current);
      case AST_NODE_TYPES.Identifier:
        return this.identifierValue(current);
      case AST_NODE_TYPES.AwaitExpression:
        return this.valueOf(current.argument);
      case AST_NODE_TYPES.LogicalExpression: {
        if (current.operator === '&&') return this.valueOf(current.right);
        const left = this.valueOf(current.left);
        const right = this.valueOf(current.right);
        // `LABELS[raw] || raw`: either spelling can reach what follows
        if (left && right && this.isState(left) && this.isState(right) && (left.spelling || right.spelling)) {
          const other = this.failedSpellings(right);
          return { ...left, spelling: this.failedSpellings(left).map((spelled, i) => spelled ?? other[i]) };
        }
        return left ?? right;
      }
      case AST_NODE_TYPES.ConditionalExpression:
        return this.valueOf(current.consequent) ?? this.valueOf(current.alternate);
      default:
        return undefined;
    }
  }

  private callValue(call: TSESTree.CallExpression): WebhookValue | undefined {
    const callee = skipTransparent(call.callee);
    // `String(s.status)`
    if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String' && call.arguments.length === 1 && !findVariable(this.analysis.sourceCode, callee)?.defs.length) {
      const value = this.valueOf(call.arguments[0]!);
      return value && value.depth === 0 && this.isState(value) ? value : undefined;
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = memberName(callee);
    if (typeof method !== 'string') return undefined;
    // a form-encoded callback read as form data or search params (`form.get('MessageStatus')`)
    const field = formField(this.analysis, call);
    if (field !== undefined) {
      const object = this.valueOf(callee.object);
      if ((!object && this.roots.has(field)) || (object?.shape === 'callback' && (object.field?.length ?? 0) === 0)) return this.step(object, field);
    }
    const array = this.valueOf(callee.object);
    if (!array) return undefined;
    // `s.status.toUpperCase()`, `(s.status || '').trim()`: the same status, spelled another way
    if (array.depth === 0 && this.isState(array) && STRING_METHODS.has(method) && call.arguments.length === 0) return this.respell(array, STRING_METHODS.get(method)!);
    if (array.depth === 0) return undefined;
    if (ELEMENT_RESULTS.has(method)) return element(array);
    if (SAME_ARRAY.has(method)) return array;
    if (method === 'flat') return { ...array, depth: Math.max(1, array.depth - 1) };
    if (method === 'map' || method === 'flatMap') {
      const callback = call.arguments[0];
      const returned = callback && isFunction(callback) ? this.returnValue(callback) : undefined;
      if (!returned) return undefined;
      return { ...returned, depth: method === 'map' ? returned.depth + 1 : Math.max(1, returned.depth) };
    }
    return undefined;
  }

  private returnValue(fn: FunctionNode): WebhookValue | undefined {
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return this.valueOf(fn.body);
    let found: WebhookValue | undefined;
    walkNodes(fn.body, this.analysis.sourceCode.visitorKeys, (node) => {
      if (isFunction(node)) return false;
      if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) found = this.valueOf(node.argument);
      return found ? 'stop' : undefined;
    });
    return found;
  }

  private identifierValue(id: TSESTree.Identifier): WebhookValue | undefined {
    return this.declaredValue(id) ?? this.callbackByFields(id);
  }

  /**
   * A variable nothing else is known about, off which a callback's root field
   * is read somewhere (`data.MessageStatus`, `data.ErrorCode`): the callback
   * itself, so that handing `data` whole (to a helper of the file, or to other
   * code) hands the status and its code with it.
   */
  private callbackByFields(id: TSESTree.Identifier): WebhookValue | undefined {
    if (this.roots.size === 0) return undefined;
    const variable = findVariable(this.analysis.sourceCode, id);
    if (!variable || variable.defs.length === 0) return undefined;
    for (const reference of variable.references) {
      const parent = (reference.identifier as Node).parent;
      if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== reference.identifier || parent.computed) continue;
      const read = parent.parent?.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent ? formField(this.analysis, parent.parent) : undefined;
      const name = read ?? memberName(parent);
      const info = typeof name === 'string' ? this.roots.get(name) : undefined;
      // its status or code read directly (Twilio's `data.MessageStatus`), not a field that other events share (Gupshup's `payload`)
      const role = info && roleOf(info, [name as string]);
      if (info && (role === 'state' || role === 'code')) return { shape: 'callback', depth: 0, certain: false, provider: info.provider.id, field: [], byFields: true };
    }
    return undefined;
  }

  private declaredValue(id: TSESTree.Identifier): WebhookValue | undefined {
    const def = findVariable(this.analysis.sourceCode, id)?.defs[0];
    if (!def || def.name.type !== AST_NODE_TYPES.Identifier) return undefined;
    const name = def.name;
    if (def.type === 'Parameter') return this.parameterValue(def.node as FunctionNode, name);
    if (def.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
    const declarator = def.node;
    const annotated = this.annotationValue(declarator.id);
    if (annotated) return this.project(annotated, declarator.id, name);
    if (declarator.init) return this.project(this.valueOf(declarator.init), declarator.id, name) ?? this.typedValue(declarator.id, name);
    const loop = declarator.parent.parent;
    if (loop?.type === AST_NODE_TYPES.ForOfStatement && loop.left === declarator.parent) {
      return this.project(element(this.valueOf(loop.right)), declarator.id, name) ?? this.typedValue(declarator.id, name);
    }
    return this.typedValue(declarator.id, name);
  }

  /** The value of `target` inside a destructuring `pattern` whose whole value is `value` (`undefined`: nothing known). */
  private project(value: WebhookValue | undefined, pattern: Node, target: TSESTree.Identifier): WebhookValue | undefined {
    switch (pattern.type) {
      case AST_NODE_TYPES.Identifier:
        return pattern.range[0] === target.range[0] ? value : undefined;
      case AST_NODE_TYPES.AssignmentPattern:
        return this.project(value, pattern.left, target);
      case AST_NODE_TYPES.ObjectPattern:
        for (const property of pattern.properties) {
          if (!contains(property, target) || property.type === AST_NODE_TYPES.RestElement) continue;
          const key = propertyKeyName(property);
          return typeof key === 'string' ? this.project(this.step(value, key), property.value, target) : undefined;
        }
        return undefined;
      case AST_NODE_TYPES.ArrayPattern:
        for (const item of pattern.elements) {
          if (item && item.type !== AST_NODE_TYPES.RestElement && contains(item, target)) return this.project(element(value), item, target);
        }
        return undefined;
      case AST_NODE_TYPES.TSParameterProperty:
        return this.project(value, pattern.parameter, target);
      default:
        return undefined;
    }
  }

  private parameterValue(fn: FunctionNode, name: TSESTree.Identifier): WebhookValue | undefined {
    const index = fn.params.findIndex((p) => contains(p, name));
    const param = fn.params[index];
    if (!param) return undefined;
    const seeded = this.seeds?.params.get(param);
    if (seeded) return this.project(seeded, param, name);
    const annotated = this.annotationValue(param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param);
    if (annotated) return this.project(annotated, param, name);
    // `statuses.forEach((status) => …)`, `.find(({ status }) => …)`, `statuses.forEach(handleStatus)`
    const uses = this.usesOf(fn);
    for (const use of index === 0 ? uses : []) {
      const parent = use.parent;
      if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.arguments[0] !== use) continue;
      const callee = skipTransparent(parent.callee);
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
      if (callee.type === AST_NODE_TYPES.MemberExpression && typeof method === 'string' && ELEMENT_CALLBACKS.has(method)) {
        const array = this.valueOf(callee.object);
        if (array && array.depth > 0) {
          if (use !== fn) this.addHelperCall(fn, parent);
          return this.project(element(array), param, name);
        }
      }
    }
    const registered = this.handlerValue(uses, index);
    if (registered) return this.project(registered, param, name);
    return this.project(this.callSiteValue(fn, index), param, name) ?? this.typedValue(param, name);
  }

  /** A handler an SDK calls with webhook data: whatsapp-api-js `sdk.on.status = (args) => …`, Meta's `sdk.webhooks.start((status, headers, body) => …)`. */
  private handlerValue(uses: readonly Node[], index: number): WebhookValue | undefined {
    for (const use of uses) {
      const parent = use.parent;
      if (index === 0 && parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === use && parent.left.type === AST_NODE_TYPES.MemberExpression) {
        const target = parent.left;
        const on = skipTransparent(target.object);
        if (memberName(target) === 'status' && on.type === AST_NODE_TYPES.MemberExpression && memberName(on) === 'on' && this.isWhatsAppApiJs(on.object)) {
          return { shape: 'sdk-status', depth: 0, certain: true, sdk: true };
        }
      }
      if (index === 2 && parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === use) {
        const callee = skipTransparent(parent.callee);
        const webhooks = callee.type === AST_NODE_TYPES.MemberExpression ? skipTransparent(callee.object) : undefined;
        if (
          callee.type === AST_NODE_TYPES.MemberExpression &&
          memberName(callee) === 'start' &&
          webhooks?.type === AST_NODE_TYPES.MemberExpression &&
          memberName(webhooks) === 'webhooks' &&
          clientOf(this.analysis, webhooks.object)?.family === 'sdk:meta'
        ) {
          return { shape: 'payload', depth: 0, certain: true };
        }
      }
    }
    return undefined;
  }

  /** The function itself and the references to the name it is declared under. */
  private usesOf(fn: FunctionNode): Node[] {
    const uses: Node[] = [fn];
    const id = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn.id : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.id.type === AST_NODE_TYPES.Identifier ? fn.parent.id : null;
    const variable = id ? findVariable(this.analysis.sourceCode, id) : null;
    for (const reference of variable?.references ?? []) if (reference.identifier !== id) uses.push(reference.identifier as Node);
    return uses;
  }

  private isWhatsAppApiJs(receiver: Node): boolean {
    if (clientOf(this.analysis, receiver)?.family === 'sdk:whatsapp-api-js') return true;
    const resolved = resolveExpression(this.analysis, receiver);
    if (resolved.type === AST_NODE_TYPES.NewExpression && resolved.callee.type === AST_NODE_TYPES.Identifier) {
      const source = importOf(this.analysis, resolved.callee);
      if (source && SDK_MODULE.test(source.module)) return true;
    }
    // an instance made elsewhere: the file uses the SDK, or the receiver is named for WhatsApp
    return this.fileEvidence || (resolved.type === AST_NODE_TYPES.Identifier && NAMES_WHATSAPP.test(resolved.name));
  }

  /** A parameter of a same-file function: what its calls pass (`handleStatus(status)`). */
  private callSiteValue(fn: FunctionNode, index: number): WebhookValue | undefined {
    const key = `${fn.range[0]}:${index}`;
    const cached = this.callSites.get(key);
    if (cached !== undefined) return cached ?? undefined;
    this.callSites.set(key, null);
    let found: WebhookValue | undefined;
    for (const call of this.analysis.callsOf(fn)) {
      const arg = call.arguments[index];
      if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) continue;
      const value = this.valueOf(arg);
      if (!value) continue;
      found ??= value;
      this.addHelperCall(fn, call);
    }
    this.callSites.set(key, found ?? null);
    return found;
  }

  private addHelperCall(fn: FunctionNode, call: TSESTree.CallExpression): void {
    const calls = this.helperCalls.get(fn) ?? [];
    if (!calls.includes(call)) calls.push(call);
    this.helperCalls.set(fn, calls);
  }

  /** A type annotation naming a shape: `status: WebhookStatus<'meta-cloud'>`, `body: PostData`, `errors: ServerError[]`. */
  private annotationValue(node: Node): WebhookValue | undefined {
    const annotation = 'typeAnnotation' in node && node.typeAnnotation?.type === AST_NODE_TYPES.TSTypeAnnotation ? node.typeAnnotation.typeAnnotation : undefined;
    return annotation && this.typeNodeValue(annotation);
  }

  private typeNodeValue(type: TSESTree.TypeNode, depth = 0): WebhookValue | undefined {
    if (depth > 3) return undefined;
    if (type.type === AST_NODE_TYPES.TSArrayType) {
      const inner = this.typeNodeValue(type.elementType, depth + 1);
      return inner && { ...inner, depth: inner.depth + 1 };
    }
    if (type.type === AST_NODE_TYPES.TSUnionType) {
      // `WebhookStatus | undefined`
      for (const part of type.types) {
        const inner = this.typeNodeValue(part, depth + 1);
        if (inner) return inner;
      }
      return undefined;
    }
    if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
    const argument = type.typeArguments?.params[0];
    if (type.typeName.name === 'Array' && argument) {
      const inner = this.typeNodeValue(argument, depth + 1);
      return inner && { ...inner, depth: inner.depth + 1 };
    }
    const source = importOf(this.analysis, type.typeName);
    const table = source?.module === CATALOG_MODULE ? CATALOG_TYPES : source && SDK_MODULE.test(source.module) ? SDK_TYPES : undefined;
    const shape = table && Object.hasOwn(table, source!.name) ? table[source!.name] : undefined;
    return shape && { shape, depth: 0, certain: true, ...(shape === 'sdk-status' ? { sdk: true } : {}) };
  }

  private readonly typedProperties = new Map<unknown, WebhookValue | null>();

  /** With type information: a member read's type, once per declared property. */
  private typedExpression(node: TSESTree.MemberExpression): WebhookValue | undefined {
    const types = this.analysis.types;
    const tsNode = types?.tsNode(node);
    if (!types || !tsNode) return undefined;
    const t = typescript();
    const symbol = types.checker.getSymbolAtLocation(t.isPropertyAccessExpression(tsNode) ? tsNode.name : tsNode);
    const key = symbol?.valueDeclaration ?? symbol?.declarations?.[0] ?? tsNode;
    const cached = this.typedProperties.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const value = typeShape(types.checker.getTypeAtLocation(tsNode), types.checker);
    this.typedProperties.set(key, value ?? null);
    return value;
  }

  /**
   * With type information: the declared name or pattern (a parameter, a
   * variable) has one of the shapes' types, wherever the type comes from
   * (`const onStatus: OnStatus<void> = ({ status, error }) => …`).
   */
  private typedValue(pattern: Node, target: TSESTree.Identifier): WebhookValue | undefined {
    const types = this.analysis.types;
    let tsNode = types?.tsNode(pattern.type === AST_NODE_TYPES.TSParameterProperty ? pattern.parameter : pattern);
    if (!types || !tsNode) return undefined;
    // a destructuring pattern has no type of its own: its declaration has
    if (tsNode.parent && (typescript().isObjectBindingPattern(tsNode) || typescript().isArrayBindingPattern(tsNode))) tsNode = tsNode.parent;
    const value = typeShape(types.checker.getTypeAtLocation(tsNode), types.checker);
    return value && this.project(value, pattern, target);
  }

  private readonly functionEvidences = new Map<FunctionNode, boolean>();

  /** A function named for WhatsApp, registered for a WhatsApp route, or reading `messaging_product`. */
  private functionEvidence(fn: FunctionNode): boolean {
    let found = this.functionEvidences.get(fn);
    if (found === undefined) {
      const name = functionName(fn);
      const parent = fn.parent;
      found =
        (name !== undefined && NAMES_WHATSAPP.test(name)) ||
        (parent?.type === AST_NODE_TYPES.CallExpression && routeMentionsWhatsApp(parent)) ||
        this.registeredForWhatsApp(fn) ||
        FUNCTION_EVIDENCE.test(this.analysis.sourceCode.getText(fn));
      this.functionEvidences.set(fn, found);
    }
    return found;
  }

  /**
   * A same-file function registered by reference for a WhatsApp route:
   * `app.post('/webhook/whatsapp', receive)`, `router.post('/hooks/whatsapp',
   * controller.onEvent)` where `controller` is an object literal of the file,
   * also through `.bind(…)` and `router.route('/whatsapp').post(…)`.
   */
  private registeredForWhatsApp(fn: FunctionNode): boolean {
    const sourceCode = this.analysis.sourceCode;
    const parent = fn.parent;
    let binding: TSESTree.Identifier | undefined;
    let key: string | undefined;
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) binding = fn.id;
    else if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) binding = parent.id;
    else if (parent?.type === AST_NODE_TYPES.Property && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
      const holder = parent.parent.parent;
      const name = propertyKeyName(parent);
      if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier && typeof name === 'string') {
        binding = holder.id;
        key = name;
      }
    }
    const variable = binding && findVariable(sourceCode, binding);
    if (!variable) return false;
    return variable.references.some((ref) => {
      let node: Node = ref.identifier;
      if (key !== undefined) {
        const member = node.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node || memberName(member) !== key) return false;
        node = member;
      }
      // `handler.bind(controller)`
      const bound = node.parent;
      if (bound?.type === AST_NODE_TYPES.MemberExpression && bound.object === node && memberName(bound) === 'bind' && bound.parent?.type === AST_NODE_TYPES.CallExpression) {
        node = bound.parent;
      }
      const call = node.parent;
      return call?.type === AST_NODE_TYPES.CallExpression && call.arguments.includes(node as TSESTree.CallExpressionArgument) && routeMentionsWhatsApp(call);
    });
  }

  /** Does the code around `node` say it is a WhatsApp webhook? */
  evidence(node: Node): boolean {
    if (this.fileEvidence) return true;
    for (let current = node.parent; current; current = current.parent) {
      if (isFunction(current) && this.functionEvidence(current)) return true;
      if (current.type === AST_NODE_TYPES.MethodDefinition && current.decorators.some((d) => mentionsWhatsApp(d.expression))) return true;
      if ((current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) && current.id && NAMES_WHATSAPP.test(current.id.name)) {
        return true;
      }
    }
    return false;
  }
}

/** The shape a TypeScript type names, if it is one of the catalog's or whatsapp-api-js's webhook types (arrays and `| undefined` included). */
function typeShape(type: import('typescript').Type, checker: import('typescript').TypeChecker, depth = 0): WebhookValue | undefined {
  if (depth > 3) return undefined;
  const solid = checker.getNonNullableType(type);
  if (checker.isArrayType(solid) || checker.isTupleType(solid)) {
    const element = checker.getTypeArguments(solid as import('typescript').TypeReference)[0];
    const inner = element && typeShape(element, checker, depth + 1);
    return inner && { ...inner, depth: inner.depth + 1 };
  }
  // the alias (`OnStatusArgs`, `ServerError`) or the interface (`WebhookStatus`) the type was declared as
  for (const symbol of [solid.aliasSymbol, solid.getSymbol()]) {
    const file = symbol?.declarations?.[0]?.getSourceFile().fileName ?? '';
    const table = /[\\/]catalog[\\/]index\.(d\.)?[cm]?ts$/.test(file) ? CATALOG_TYPES : /[\\/]node_modules[\\/]whatsapp-api-js[\\/]/.test(file) ? SDK_TYPES : undefined;
    const shape = symbol && table && Object.hasOwn(table, symbol.name) ? table[symbol.name] : undefined;
    if (shape) return { shape, depth: 0, certain: true, ...(shape === 'sdk-status' ? { sdk: true } : {}) };
  }
  return undefined;
}

/** A string, template or call argument naming WhatsApp: a route (`'/webhooks/whatsapp'`), a decorator (`@Post('whatsapp')`). */
/** A route registration naming WhatsApp: in its arguments (`app.post('/webhook/whatsapp', …)`) or a route it chains from (`router.route('/whatsapp').post(…)`). */
function routeMentionsWhatsApp(call: TSESTree.CallExpression): boolean {
  if (call.arguments.some((arg) => mentionsWhatsApp(arg))) return true;
  let current: Node = skipTransparent(call.callee);
  for (let depth = 0; depth < 4 && current.type === AST_NODE_TYPES.MemberExpression; depth++) {
    const object = skipTransparent(current.object);
    if (object.type !== AST_NODE_TYPES.CallExpression) return false;
    if (object.arguments.some((arg) => mentionsWhatsApp(arg))) return true;
    current = skipTransparent(object.callee);
  }
  return false;
}

function mentionsWhatsApp(node: Node): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' && NAMES_WHATSAPP.test(node.value);
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.quasis.some((q) => NAMES_WHATSAPP.test(q.value.raw));
  if (node.type === AST_NODE_TYPES.CallExpression) return node.arguments.some((arg) => mentionsWhatsApp(arg));
  return false;
}

const states = new WeakMap<FileAnalysis, Webhooks | null>();
const programs = new WeakMap<object, boolean>();

/** With type information: does the program hold a declaration of one of the shapes' types at all (the catalog, whatsapp-api-js)? */
function programHasShapeTypes(analysis: FileAnalysis): boolean {
  const program = analysis.types?.program;
  if (!program) return false;
  let found = programs.get(program);
  if (found === undefined) {
    found = program.getSourceFiles().some((file) => /[\\/]node_modules[\\/]whatsapp-api-js[\\/]|[\\/]catalog[\\/]index\.d\.[cm]?ts$/.test(file.fileName));
    programs.set(program, found);
  }
  return found;
}

function webhooksOf(analysis: FileAnalysis): Webhooks | undefined {
  let state = states.get(analysis);
  if (state === undefined) {
    const text = analysis.sourceCode.text;
    const meta = analysis.settings.byId.get(META);
    // with type information a shape's type may come from anywhere (an alias in another file): no text test when the program has one
    const provider = meta?.webhookErrorPath && (POSSIBLE.test(text) || programHasShapeTypes(analysis)) ? meta : undefined;
    const callbacks = analysis.settings.providers.filter((p) => p.def.statusCallback?.textMarkers.some((marker) => text.includes(marker)));
    state = provider || callbacks.length > 0 ? new Webhooks(analysis, provider, callbacks) : null;
    states.set(analysis, state);
  }
  return state ?? undefined;
}

/** What a node is in a WhatsApp webhook payload, if anything (uncertain values included). */
export function webhookValueOf(analysis: FileAnalysis, node: Node): WebhookValue | undefined {
  return webhooksOf(analysis)?.valueOf(node);
}

/**
 * The hook of `FileAnalysis.kindOf`: an element of a WhatsApp webhook's
 * `errors[]` (of a status, of the webhook value, or whatsapp-api-js's
 * `error`) is the provider's error object, marked as coming from a webhook.
 */
export function webhookKind(analysis: FileAnalysis, node: Node): Kind | undefined {
  const state = webhooksOf(analysis);
  return state && kindIn(state, node);
}

/** `webhookKind` for one state (a file's own, or one seeded with what another file hands it). */
function kindIn(state: Webhooks, node: Node): Kind | undefined {
  if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression && node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const value = state.valueOf(node);
  if (!value) return undefined;
  // a status callback's code or text field (Twilio's `ErrorCode`, Gupshup's `payload.payload.code`)
  if (value.shape === 'callback') return state.isWhatsApp(node, value) ? state.callbackKind(value) : undefined;
  if (value.shape !== 'error' || value.depth !== 0 || !state.provider || !state.isWhatsApp(node, value)) return undefined;
  return { k: 'body', provider: state.provider, call: undefined, path: [...state.provider.webhookErrorPath!, ...(value.field ?? [])], source: 'webhook' };
}

/** Can a catalog entry's code arrive by webhook? Unless its docs give it for the response only (unset reads as both). */
export function deliverableByWebhook(entry: ErrorEntry): boolean {
  return entry.delivery !== 'response';
}

/** Is `node` (a code, a text, an error) read from a webhook's errors rather than from a response? */
export function fromWebhook(analysis: FileAnalysis, node: Node): boolean {
  const kind = analysis.kindOf(node);
  return kind?.k === 'body' && kind.source === 'webhook';
}

/**
 * How messages name a field of a webhook error: `errors[].code`,
 * `errors[].title`; `error.code` for whatsapp-api-js's `on.status` error; a
 * callback's own field (`ErrorCode`, `payload.payload.reason`).
 * `node` is an expression reading the field (or the error), `path` its body path.
 */
export function webhookField(analysis: FileAnalysis, node: Node, path: readonly (string | number)[]): string {
  return fieldIn(webhooksOf(analysis), analysis.kindOf(node), node, path);
}

function fieldIn(state: Webhooks | undefined, kind: Kind | undefined, node: Node, path: readonly (string | number)[]): string {
  const info = kind?.k === 'body' ? state?.callbacks.get(kind.provider.id) : undefined;
  if (info) return pathMatches(path, info.provider.codePath) ? info.callback.codePath : path.join('.');
  const base = state?.provider?.webhookErrorPath ?? [];
  const rest = path.slice(base.length).map((s) => (typeof s === 'number' ? `[${s}]` : s));
  return `${state && sdkError(state, node) ? 'error' : 'errors[]'}.${rest.join('.').replace(/\.\[/g, '[')}`;
}

/** Is the error behind `node` whatsapp-api-js's single `error`? */
function sdkError(state: Webhooks, node: Node): boolean {
  for (let current: Node | undefined = skipTransparent(node); current; ) {
    const value = state.valueOf(current);
    if (value?.shape === 'error') return value.sdk === true;
    if (current.type === AST_NODE_TYPES.MemberExpression) current = skipTransparent(current.object);
    else if (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression) current = skipTransparent(current.callee.object);
    else return false;
  }
  return false;
}

// --- Status handlers ---------------------------------------------------------

/** A decision on a status's `status` string. */
export interface StateTest {
  /** The comparison, the `switch` discriminant, the `includes` call, the lookup. */
  readonly node: Node;
  /** The statuses the test names, as written. */
  readonly values: readonly string[];
  /** The failed statuses it names, as the provider spells them (`'failed'` for a test of `'FAILED'` after `toUpperCase()`). */
  readonly names: readonly string[];
  /**
   * What it means for the failed statuses (`'failed'`; Twilio's `'failed'`
   * and `'undelivered'`): `named` (one selected by name: `=== 'failed'`,
   * `case 'failed'`, `!== 'failed'` with the rest below), `fallback` (reaches
   * an `else`, a `default` or a `!== 'read'` branch that does something), or `none`.
   */
  readonly failed: 'named' | 'fallback' | 'none';
}

export interface StatusHandler {
  /** The handler: the outermost function around the reads, or the module. */
  readonly node: Node;
  readonly provider: ProviderInfo;
  /** whatsapp-api-js `on.status` arguments: one `error` instead of `errors[]`. */
  readonly sdk: boolean;
  /** The statuses that mean a failed send (`failed`; Twilio's `failed` and `undelivered`). */
  readonly failedStates: readonly string[];
  /** How messages name the error code's field: `errors[].code`, `error.code`, a callback's `ErrorCode`. */
  readonly codeField: string;
  /** Codes messages name as examples of failures that arrive by webhook. */
  readonly notable: readonly (string | number)[];
  /**
   * Failed statuses no test names and no fallback reaches, while others are
   * named (a Twilio handler of `'failed'` that never sees `'undelivered'`);
   * empty when statuses are recorded as data.
   */
  readonly unhandledFailed: readonly string[];
  /** Where a status is first reached, in source order. */
  readonly first: Node;
  readonly tests: readonly StateTest[];
  /** The `status` string used as data (stored, sent on): failed statuses are recorded like the others. */
  readonly recorded: readonly Node[];
  /** An error's code is read, or the errors are handed on whole. */
  readonly readsCode: boolean;
  /** Reads of an error's text (`title`, `message`, `error_data.details`), as messages name them. */
  readonly texts: readonly { readonly node: Node; readonly field: string }[];
  /** Reads of other status fields (`id`, `recipient_id`, `timestamp`…), and statuses printed. */
  readonly fieldReads: readonly Node[];
  /** The delivery status itself is read (tested, stored or only printed). */
  readonly readsState: boolean;
  /** A status, or the list, is handed to code this file cannot see (a queue, another module): nothing to judge here. */
  readonly escapes: boolean;
  /** Arguments that hand a status to another file's function or class, which decided the facts anchored there, with its name and file. */
  readonly via: ReadonlyMap<Node, string>;
}

interface Facts {
  /** The callback the handler reads, if it is one (unset: Meta's webhook). */
  callback: CallbackInfo | undefined;
  sdk: boolean;
  first: Node | undefined;
  hasStatus: boolean;
  /** The delivery status itself (`status.status`, a callback's `MessageStatus`) is read. */
  readsState: boolean;
  tests: StateTest[];
  recorded: Node[];
  readsCode: boolean;
  texts: { node: Node; field: string }[];
  fieldReads: Node[];
  escapes: boolean;
  /** Arguments that hand the value to another file's code, with what they hand it to (`StatusEvent in status-event.ts`). */
  via: Map<Node, string>;
}

const handlerCache = new WeakMap<FileAnalysis, StatusHandler[]>();

/** The status webhook handlers of a file and what each does with statuses. */
export function statusHandlers(analysis: FileAnalysis): readonly StatusHandler[] {
  let found = handlerCache.get(analysis);
  if (!found) {
    const state = webhooksOf(analysis);
    found = state && (STATUSES_POSSIBLE.test(analysis.sourceCode.text) || state.callbacks.size > 0 || programHasShapeTypes(analysis)) ? collectHandlers(state) : [];
    handlerCache.set(analysis, found);
  }
  return found;
}

const STATUSES_POSSIBLE = /statuses|on\.status|WebhookStatus|ServerStatusPayload|OnStatus|PostData|webhooks\.start/;

function collectHandlers(state: Webhooks): StatusHandler[] {
  const { analysis } = state;
  const units = new Map<Node, Facts>();
  const factsOf = (node: Node): Facts => {
    const unit = unitOf(node, analysis.sourceCode.ast);
    let facts = units.get(unit);
    if (!facts) {
      facts = emptyFacts();
      units.set(unit, facts);
    }
    return facts;
  };

  walkNodes(analysis.sourceCode.ast, analysis.sourceCode.visitorKeys, (node) => {
    observe(state, node, factsOf);
    return undefined;
  });

  // a same-file function handed a status belongs to its callers' handlers, through any chain of
  // helpers (`onWebhook` → `handleChange` → `onStatus`): each helper's own facts go to the outermost callers
  const program = analysis.sourceCode.ast;
  const merged = new Map<Node, Facts>(units);
  const helpers = new Set<Node>([...state.helperCalls.keys()].filter((fn) => (state.helperCalls.get(fn) ?? []).some((call) => unitOf(call, program) !== fn)));
  const rootsOf = (unit: Node, seen: Set<Node>): Node[] => {
    if (!helpers.has(unit as FunctionNode)) return [unit];
    if (seen.has(unit)) return [];
    seen.add(unit);
    const callers = (state.helperCalls.get(unit as FunctionNode) ?? []).map((call) => unitOf(call, program)).filter((caller) => caller !== unit);
    return [...new Set(callers.flatMap((caller) => rootsOf(caller, seen)))];
  };
  for (const unit of helpers) {
    const own = units.get(unit);
    merged.delete(unit);
    if (!own) continue;
    for (const root of rootsOf(unit, new Set())) {
      let target = merged.get(root);
      if (!target) merged.set(root, (target = emptyFacts()));
      mergeInto(target, own);
    }
  }
  const handlers: StatusHandler[] = [];
  for (const [node, facts] of merged) {
    // a status's recipient or id read to map an identity or build a key is not a handler: one reads
    // the delivery status (to test it, store it or print it) or the errors
    if (!facts.hasStatus || !facts.first || !(facts.readsState || facts.readsCode || facts.texts.length > 0)) continue;
    const callback = facts.callback;
    const failedStates = callback?.callback.failedStates ?? META_FAILED;
    const named = new Set(facts.tests.flatMap((test) => test.names));
    const reachesAll = facts.recorded.length > 0 || facts.tests.some((test) => test.failed === 'fallback');
    handlers.push({
      node,
      provider: callback?.provider ?? state.provider!,
      sdk: facts.sdk,
      failedStates,
      unhandledFailed: reachesAll ? [] : failedStates.filter((state) => !named.has(state)),
      codeField: callback ? callback.callback.codePath : facts.sdk ? 'error.code' : 'errors[].code',
      notable: callback?.callback.notable ?? state.provider?.def.statusWebhook?.notable ?? [],
      first: facts.first,
      tests: facts.tests,
      recorded: facts.recorded,
      readsCode: facts.readsCode,
      texts: facts.texts,
      fieldReads: facts.fieldReads,
      readsState: facts.readsState,
      escapes: facts.escapes,
      via: facts.via,
    });
  }
  return handlers.sort((a, b) => a.first.range[0] - b.first.range[0]);
}

/**
 * Reads one node into the facts of its handler unit: error codes and texts,
 * status tests, statuses recorded, printed or handed on.
 */
function observe(state: Webhooks, node: Node, factsOf: (node: Node) => Facts): void {
  const { analysis } = state;
  if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression && node.type !== AST_NODE_TYPES.CallExpression) return;
  if (node.type === AST_NODE_TYPES.Identifier && !isReference(node)) return;
  // errors: read through the kinds every rule uses (in another file handed a status, through what it was handed)
  // a call reads a code only as a form field (`form.get('ErrorCode')`)
  const kind = node.type === AST_NODE_TYPES.CallExpression ? (formField(analysis, node) !== undefined ? kindIn(state, node) : undefined) : state.seeds ? kindIn(state, node) : analysis.kindOf(node);
  if (kind?.k === 'body' && kind.source === 'webhook') {
    // the code printed (`console.log('Error:', ErrorCode)`, `logger.warn({ code: s.errors[0].code })`) is looked at, not acted on
    if (pathMatches(kind.path, kind.provider.codePath)) {
      if (!printedOnly(node)) factsOf(node).readsCode = true;
    } else if (analysis.isMessage(kind)) factsOf(node).texts.push({ node, field: state.seeds ? fieldIn(state, kind, node, kind.path) : webhookField(analysis, node, kind.path) });
  }
  const value = state.valueOf(node);
  if (!value || !state.isWhatsApp(node, value)) return;
  const facts = factsOf(node);
  const use = useOf(node);
  // handed to code this file cannot follow (a same-file function is followed: its reads count here)
  let handedOn = use.kind === 'data' || (use.kind === 'argument' && !(use.call.type === AST_NODE_TYPES.CallExpression && analysis.calledFunction(use.call)));
  // a callback known only by its fields, given to a logger (`logger.warn({ data })`): printed, not handled
  if (handedOn && value?.byFields && use.kind === 'argument' && isLogCall(use.call)) handedOn = false;
  // handed to a request signature check (`twilio.validateRequest(token, signature, url, params)`): hashed, not handled
  if (handedOn && use.kind === 'argument' && isSignatureCheck(use.call)) handedOn = false;
  // in a class another file handed the status to, keeping it on the instance hands it to nobody
  if (handedOn && state.seeds && use.kind === 'data' && storedOnThis(node)) handedOn = false;
  // handed to the base class, whose calls of the class's hooks are followed instead
  if (handedOn && use.kind === 'argument' && use.call.callee.type === AST_NODE_TYPES.Super && state.seeds?.hooks) handedOn = false;
  // handed to a function or class of another project file: what that code does with it is this handler's
  if (handedOn && use.kind === 'argument') {
    const followed = followExternal(state, use.call, node, value);
    if (followed) {
      mergeInto(facts, followed);
      handedOn = false;
    }
  }
  const callback = state.callbackRole(value);
  // another event's field at the status's place (Gupshup's inbound `payload.type`): no status read
  if (callback?.role === 'state' && otherEventOnly(state, callback.info, node)) return;
  if (callback) {
    facts.callback ??= callback.info;
    // the callback (or the part of it holding status and code) handed on whole: another module decides
    if (callback.role === 'inside' && handedOn) facts.escapes = true;
    else if (callback.role === 'other' && (use.kind === 'field' || use.kind === 'logged' || handedOn)) facts.fieldReads.push(node);
    if (callback.role !== 'state') return;
  }
  if (value.shape === 'status' || value.shape === 'sdk-status' || state.isState(value)) {
    facts.hasStatus = true;
    facts.first ??= node;
    if (value.sdk) facts.sdk = true;
  }
  if (state.isState(value) && value.depth === 0) {
    facts.readsState = true;
    const test = stateTest(state, node, value);
    if (test) facts.tests.push(test);
    else if (handedOn && !excludesFailed(state, node)) facts.recorded.push(node);
    else if (use.kind === 'logged') facts.fieldReads.push(node);
    return;
  }
  if ((value.shape === 'status' || value.shape === 'sdk-status') && value.depth === 0) {
    if (use.kind === 'field') {
      const name = use.name;
      if (name !== 'status' && name !== 'errors' && name !== 'error' && name !== 'raw') facts.fieldReads.push(node);
    } else if (use.kind === 'logged') {
      facts.fieldReads.push(node);
    } else if (handedOn) {
      facts.escapes = true;
    }
    return;
  }
  if (value.shape === 'status' && value.depth > 0 && handedOn) facts.escapes = true;
  // the errors themselves handed on (stored, sent, serialised): their codes go with them
  if (value.shape === 'error' && !value.field && handedOn) facts.readsCode = true;
}

/** How many files away a handed-on status is followed (the handler's file, a class it constructs, what that class calls). */
const MAX_FOLLOW = 2;

const followed = new WeakMap<Webhooks, Map<string, Facts | null>>();

/**
 * A webhook value (a status, the list, the webhook value) handed as an
 * argument to a function or class of another project file: what that code
 * does with it, as facts of the handler that hands it, anchored at the
 * argument. A function's parameter takes the value; a constructor's too, with
 * the fields it stores it in (`this.status = status`, a parameter property)
 * and, when it hands the parameter to `super(…)`, the class's hook methods a
 * base class calls (a method the class never calls itself, whose parameter
 * has the constructor parameter's name or type: `_init(event: Event)`).
 * `undefined` when nothing can be followed (the value then escapes, as before).
 */
function followExternal(state: Webhooks, call: TSESTree.CallExpression | TSESTree.NewExpression, node: Node, value: WebhookValue): Facts | undefined {
  const target = externalTarget(state, call, node);
  if (!target) return undefined;
  let cache = followed.get(state);
  if (!cache) followed.set(state, (cache = new Map()));
  const key = `${target.fn.range[0]}:${target.index}:${value.shape}:${value.depth}:${value.provider ?? ''}:${JSON.stringify(value.field ?? [])}`;
  const cached = cache.get(key);
  const label = externalLabel(target.fn);
  if (cached !== undefined) return cached ? rehome(cached, node, label) : undefined;
  cache.set(key, null); // recursion: nothing known
  let facts: Facts | undefined;
  walkExternal(state, target, value, (seeded) => {
    facts = emptyFacts();
    const one = facts;
    return (inner) => observe(seeded, inner, () => one);
  });
  cache.set(key, facts ?? null);
  return facts && rehome(facts, node, label);
}

/** The function or class of another project file that `call` hands `node` to, and at which argument (within the follow depth). */
function externalTarget(state: Webhooks, call: TSESTree.CallExpression | TSESTree.NewExpression, node: Node): { fn: FunctionNode | ClassNode; index: number } | undefined {
  if ((state.seeds?.depth ?? 0) >= MAX_FOLLOW) return undefined;
  const { analysis } = state;
  const index = call.arguments.findIndex((arg) => skipTransparent(arg) === skipTransparent(node));
  if (index < 0) return undefined;
  const fn = call.type === AST_NODE_TYPES.NewExpression ? classOf(analysis, call.callee) : calleeFunction(analysis, call.callee)?.fn;
  return fn && programOf(fn) !== analysis.sourceCode.ast ? { fn, index } : undefined;
}

/**
 * Walks the code of another file that a webhook value is handed to, with the
 * value seeded at its parameter: the function (or class) and the same-file
 * helpers it hands the value to. `start` is given the seeded state and gives
 * the visitor. Nothing is walked when that file is not followed.
 */
function walkExternal(state: Webhooks, target: { fn: FunctionNode | ClassNode; index: number }, value: WebhookValue, start: (seeded: Webhooks) => (inner: Node) => void): void {
  const external = state.analysis.imports?.analysisOf(target.fn);
  const seeds = external && seedsFor(external, target.fn, target.index, { ...value, certain: true }, (state.seeds?.depth ?? 0) + 1);
  if (!external || !seeds) return;
  const seeded = new Webhooks(external, state.provider ?? external.settings.byId.get(META), [...state.callbacks.values()].map((info) => info.provider), seeds);
  const visit = start(seeded);
  const walked = new Set<Node>();
  const walk = (unit: Node): void => {
    if (walked.has(unit)) return;
    walked.add(unit);
    walkNodes(unit, external.sourceCode.visitorKeys, (inner) => {
      visit(inner);
      return undefined;
    });
  };
  for (const unit of seeds.units) walk(unit);
  // same-file helpers of that file handed the value: part of it too
  for (let grown = true; grown; ) {
    grown = false;
    for (const helper of seeded.helperCalls.keys()) {
      if (walked.has(helper)) continue;
      walk(helper);
      grown = true;
    }
  }
}

/** What messages call a function or class of another file: `handleStatus() in statuses.ts`. */
function externalLabel(target: FunctionNode | ClassNode): string {
  return `${targetName(target)} in ${basename(pathOf(programOf(target)) ?? '')}`;
}

/** A class's or function's name, as messages name what a status was handed to. */
function targetName(target: FunctionNode | ClassNode): string {
  if (!isFunction(target)) return target.id?.name ?? 'a class';
  const name = functionName(target);
  return name ? `${name}()` : 'a function';
}

/** Facts found in another file, anchored at the argument that hands the value there. */
function rehome(facts: Facts, anchor: Node, label: string): Facts {
  return {
    ...facts,
    via: new Map([[anchor, label]]),
    first: facts.first && anchor,
    tests: facts.tests.map((test) => ({ ...test, node: anchor })),
    recorded: facts.recorded.map(() => anchor),
    texts: facts.texts.map((text) => ({ node: anchor, field: text.field })),
    fieldReads: facts.fieldReads.map(() => anchor),
  };
}

/** The parameters (and fields) a value handed to argument `index` of a function or a class's constructor reaches, and the code to read. */
function seedsFor(external: FileAnalysis, target: FunctionNode | ClassNode, index: number, value: WebhookValue, depth: number): (Seeds & { units: Node[] }) | undefined {
  const { sourceCode } = external;
  if (isFunction(target)) {
    const param = target.params[index];
    return param ? { params: new Map([[param as Node, value]]), fields: new Map(), cls: undefined, depth, units: [target] } : undefined;
  }
  const constructor = constructorOf(target);
  const param = constructor?.params[index];
  if (!constructor || !param) return undefined;
  const params = new Map<Node, WebhookValue>([[param, value]]);
  const fields = new Map<string, WebhookValue>();
  const units: Node[] = [constructor];
  const inner = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
  const id = inner.type === AST_NODE_TYPES.AssignmentPattern ? inner.left : inner;
  if (id.type !== AST_NODE_TYPES.Identifier) return { params, fields, cls: target, depth, units };
  if (param.type === AST_NODE_TYPES.TSParameterProperty) fields.set(id.name, value);
  let toSuper = false;
  let hooks = false;
  walkNodes(constructor.body, sourceCode.visitorKeys, (node) => {
    if (isFunction(node)) return false;
    // `this.status = status`
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.right.type === AST_NODE_TYPES.Identifier && node.right.name === id.name) {
      const left = node.left;
      const name = left.type === AST_NODE_TYPES.MemberExpression && left.object.type === AST_NODE_TYPES.ThisExpression ? memberName(left) : undefined;
      if (typeof name === 'string') fields.set(name, value);
    }
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Super && node.arguments.some((arg) => arg.type === AST_NODE_TYPES.Identifier && arg.name === id.name)) toSuper = true;
    return undefined;
  });
  const annotation = (node: Node): string | undefined => ('typeAnnotation' in node && node.typeAnnotation?.type === AST_NODE_TYPES.TSTypeAnnotation ? sourceCode.getText(node.typeAnnotation.typeAnnotation).replace(/\s+/g, '') : undefined);
  const type = annotation(id);
  for (const element of target.body.body) {
    if (element.type !== AST_NODE_TYPES.MethodDefinition || element.kind !== 'method' || element.static) continue;
    const name = propertyKeyName(element);
    if (typeof name !== 'string') continue;
    // the fields are read by every method
    if (fields.size > 0) units.push(element.value);
    if (!toSuper || callsOwnMethod(sourceCode, target, name)) continue;
    // a hook a base class calls with what the constructor handed it
    for (const hookParam of element.value.params) {
      if (hookParam.type !== AST_NODE_TYPES.Identifier) continue;
      if (hookParam.name !== id.name && (type === undefined || annotation(hookParam) !== type)) continue;
      params.set(hookParam, value);
      hooks = true;
      if (!units.includes(element.value)) units.push(element.value);
    }
  }
  return { params, fields, cls: target, depth, units, hooks };
}

/** Does a class call one of its own methods by name (`this._init(…)`)? */
function callsOwnMethod(sourceCode: FileAnalysis['sourceCode'], cls: ClassNode, name: string): boolean {
  let found = false;
  walkNodes(cls.body, sourceCode.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && node.callee.object.type === AST_NODE_TYPES.ThisExpression && memberName(node.callee) === name) found = true;
    return found ? 'stop' : undefined;
  });
  return found;
}

/** `this.x = value`, `this.state.raw = value`: kept on the instance. */
function storedOnThis(node: Node): boolean {
  let child: Node = node;
  let parent = node.parent;
  while (parent && (parent.type === AST_NODE_TYPES.ChainExpression || parent.type === AST_NODE_TYPES.TSAsExpression || parent.type === AST_NODE_TYPES.TSNonNullExpression)) {
    child = parent;
    parent = parent.parent;
  }
  if (parent?.type !== AST_NODE_TYPES.AssignmentExpression || parent.right !== child) return false;
  let target: Node = parent.left;
  while (target.type === AST_NODE_TYPES.MemberExpression) target = target.object;
  return target.type === AST_NODE_TYPES.ThisExpression;
}

/** The handler unit a node belongs to: its outermost function, or the module. */
function unitOf(node: Node, program: Node): Node {
  return outermostFunction(node) ?? program;
}

function emptyFacts(): Facts {
  return { callback: undefined, sdk: false, first: undefined, hasStatus: false, readsState: false, tests: [], recorded: [], readsCode: false, texts: [], fieldReads: [], escapes: false, via: new Map() };
}

function mergeInto(target: Facts, source: Facts): void {
  target.callback ??= source.callback;
  target.sdk ||= source.sdk;
  target.hasStatus ||= source.hasStatus;
  target.readsState ||= source.readsState;
  if (!target.first || (source.first && source.first.range[0] < target.first.range[0])) target.first = source.first ?? target.first;
  target.tests.push(...source.tests);
  target.recorded.push(...source.recorded);
  target.readsCode ||= source.readsCode;
  target.texts.push(...source.texts);
  target.fieldReads.push(...source.fieldReads);
  target.escapes ||= source.escapes;
  for (const [node, label] of source.via) if (!target.via.has(node)) target.via.set(node, label);
}

function outermostFunction(node: Node): FunctionNode | undefined {
  let found: FunctionNode | undefined;
  for (let current = node.parent; current; current = current.parent) if (isFunction(current)) found = current;
  return found;
}

/** An identifier that reads a variable (not one that declares it, not a property name). */
function isReference(id: TSESTree.Identifier): boolean {
  const parent = id.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === id || parent.computed;
    case AST_NODE_TYPES.Property:
      if (parent.parent.type === AST_NODE_TYPES.ObjectPattern) return false;
      return parent.value === id;
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === id;
    case AST_NODE_TYPES.AssignmentPattern:
      return parent.right === id;
    case AST_NODE_TYPES.ObjectPattern:
    case AST_NODE_TYPES.ArrayPattern:
    case AST_NODE_TYPES.RestElement:
    case AST_NODE_TYPES.CatchClause:
    case AST_NODE_TYPES.TSParameterProperty:
      return false;
    default:
      if (isFunction(parent)) return parent.body === id;
      return !isNameSlot(parent, id);
  }
}

/** Positions where an identifier names something instead of reading it. */
function isNameSlot(parent: Node, id: TSESTree.Identifier): boolean {
  switch (parent.type) {
    case AST_NODE_TYPES.ClassDeclaration:
    case AST_NODE_TYPES.ClassExpression:
    case AST_NODE_TYPES.TSInterfaceDeclaration:
    case AST_NODE_TYPES.TSTypeAliasDeclaration:
    case AST_NODE_TYPES.TSEnumDeclaration:
    case AST_NODE_TYPES.TSModuleDeclaration:
      return parent.id === id;
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.TSPropertySignature:
    case AST_NODE_TYPES.TSMethodSignature:
      return parent.key === id && !parent.computed;
    case AST_NODE_TYPES.ImportSpecifier:
    case AST_NODE_TYPES.ImportDefaultSpecifier:
    case AST_NODE_TYPES.ImportNamespaceSpecifier:
    case AST_NODE_TYPES.ExportSpecifier:
    case AST_NODE_TYPES.LabeledStatement:
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
    case AST_NODE_TYPES.TSTypeReference:
    case AST_NODE_TYPES.TSQualifiedName:
      return true;
    default:
      return false;
  }
}

type Use =
  | { readonly kind: 'field'; readonly name: string | number | undefined }
  /** Handed to a call. */
  | { readonly kind: 'argument'; readonly call: TSESTree.CallExpression | TSESTree.NewExpression }
  /** Stored, returned, put in an object or array, interpolated into data. */
  | { readonly kind: 'data' }
  /** Printed (`console.log`): looked at, not handled. */
  | { readonly kind: 'logged' }
  | { readonly kind: 'other' };

/** Standard checks of a value's shape or type, answered with a boolean: `Array.isArray(x)`, `Number.isFinite(x)`, `Buffer.isBuffer(x)`. */
const SHAPE_CHECKS: Readonly<Record<string, ReadonlySet<string>>> = {
  Array: new Set(['isArray']),
  Number: new Set(['isFinite', 'isInteger', 'isNaN', 'isSafeInteger']),
  Buffer: new Set(['isBuffer']),
  ArrayBuffer: new Set(['isView']),
};

function isShapeCheck(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipTransparent(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === 'isNaN' || callee.name === 'isFinite';
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return false;
  const method = memberName(callee);
  return typeof method === 'string' && (SHAPE_CHECKS[callee.object.name]?.has(method) ?? false);
}

/** What the code does with a value at `node`. */
function useOf(node: Node): Use {
  let child: Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.AwaitExpression:
        continue;
      case AST_NODE_TYPES.LogicalExpression:
        if (parent.operator === '&&' && parent.left === child) return { kind: 'other' };
        continue;
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test === child) return { kind: 'other' };
        continue;
      case AST_NODE_TYPES.MemberExpression:
        return parent.object === child ? { kind: 'field', name: memberName(parent) } : { kind: 'other' };
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        if (parent.callee === child) return { kind: 'other' };
        // a check of the value's shape (`Array.isArray(value)`) tests it and hands it to nobody
        if (isShapeCheck(parent)) return { kind: 'other' };
        return isLogging(parent) ? { kind: 'logged' } : { kind: 'argument', call: parent };
      }
      case AST_NODE_TYPES.TemplateLiteral:
      case AST_NODE_TYPES.BinaryExpression:
        if (parent.type === AST_NODE_TYPES.BinaryExpression && parent.operator !== '+') return { kind: 'other' };
        continue;
      case AST_NODE_TYPES.Property:
        if (parent.value !== child) return { kind: 'other' };
        continue;
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.SpreadElement:
        continue;
      case AST_NODE_TYPES.ReturnStatement:
        return returnedUse(enclosingFunction(parent));
      case AST_NODE_TYPES.YieldExpression:
        return { kind: 'data' };
      case AST_NODE_TYPES.AssignmentExpression:
        return parent.right === child && parent.left.type === AST_NODE_TYPES.MemberExpression ? { kind: 'data' } : { kind: 'other' };
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return parent.body === child ? returnedUse(parent) : { kind: 'other' };
      default:
        // an object or array literal that reached a statement is data (`db.save({ status })` went through CallExpression above)
        return child.type === AST_NODE_TYPES.ObjectExpression || child.type === AST_NODE_TYPES.ArrayExpression || child.type === AST_NODE_TYPES.TemplateLiteral
          ? { kind: 'data' }
          : { kind: 'other' };
    }
  }
  return { kind: 'other' };
}

/** Array methods whose callback's result is a test of the element, not a value handed on. */
const PREDICATE_CALLBACKS = new Set(['find', 'findLast', 'findIndex', 'findLastIndex', 'filter', 'some', 'every']);

/**
 * The use of a value a function returns. From a callback of `map` or
 * `flatMap` it becomes the call's result, followed from there (`const changes
 * = body.entry.flatMap((e) => e.changes)` hands nothing on); from a predicate
 * of `filter`, `find` or `some` it is a test; otherwise it is handed to the
 * function's callers.
 */
function returnedUse(fn: FunctionNode | undefined): Use {
  const call = fn?.parent;
  if (call?.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === fn) {
    const callee = skipTransparent(call.callee);
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    if (method === 'map' || method === 'flatMap') return useOf(call);
    if (typeof method === 'string' && PREDICATE_CALLBACKS.has(method)) return { kind: 'other' };
  }
  return { kind: 'data' };
}

/** A value only handed to a log call: `console.error('failed', code)`, `logger.warn({ code })`, `` this.logger.log(`code ${code}`) ``. */
function printedOnly(node: Node): boolean {
  const use = useOf(node);
  return use.kind === 'logged' || (use.kind === 'argument' && use.call.type === AST_NODE_TYPES.CallExpression && isLogCall(use.call));
}

/** A check of a request's signature (`twilio.validateRequest(…)`, `validateRequestWithBody`, `verifyWebhookSignature(…)`): it reads what it is handed to hash it, and acts on nothing in it. */
const SIGNATURE_CHECK = /^(?:validate|verify)\w*(?:Request|Signature|Webhook)\w*$/i;

function isSignatureCheck(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = skipTransparent(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  return typeof name === 'string' && SIGNATURE_CHECK.test(name);
}

/** `console.log(…)` and friends: reading a value to print it is not handling it. */
function isLogging(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = skipTransparent(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'console';
}

/** Statements that do nothing for the statuses reaching them. */
function doesNothing(statement: TSESTree.Statement | TSESTree.Expression | null | undefined): boolean {
  if (!statement) return true;
  switch (statement.type) {
    case AST_NODE_TYPES.EmptyStatement:
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
      return true;
    case AST_NODE_TYPES.ReturnStatement:
      return statement.argument === null;
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.every((s) => doesNothing(s));
    case AST_NODE_TYPES.ExpressionStatement:
      return doesNothing(statement.expression);
    case AST_NODE_TYPES.CallExpression:
      return isLogging(statement);
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.Identifier:
      return true;
    default:
      return false;
  }
}

/** The failed statuses (as the provider spells them) that `values` name, for a status string spelled as `value` is. */
function failedNamed(state: Webhooks, value: WebhookValue | undefined, values: readonly string[]): string[] {
  const spelled = state.failedSpellings(value);
  return state.failedStates(value).filter((_, i) => spelled[i] !== undefined && values.includes(spelled[i]!));
}

/** The test a read of a status string (`value`) takes part in: `=== 'failed'`, `switch`, `includes`, a lookup. */
function stateTest(state: Webhooks, read: Node, value: WebhookValue): StateTest | undefined {
  const test = (node: Node, values: readonly string[], failed: (namesFailed: boolean) => StateTest['failed']): StateTest => {
    const names = failedNamed(state, value, values);
    return { node, values, names, failed: failed(names.length > 0) };
  };
  const { analysis } = state;
  let node: Node = read;
  while (node.parent && (node.parent.type === AST_NODE_TYPES.ChainExpression || node.parent.type === AST_NODE_TYPES.TSNonNullExpression || node.parent.type === AST_NODE_TYPES.TSAsExpression)) node = node.parent;
  // `status.toLowerCase()`
  const parent = node.parent;
  if (!parent) return undefined;
  if (parent.type === AST_NODE_TYPES.BinaryExpression && ['===', '==', '!==', '!='].includes(parent.operator)) {
    const other = parent.left === node ? parent.right : parent.left;
    const compared = staticValue(analysis, other);
    if (typeof compared !== 'string') return undefined;
    const negated = parent.operator.startsWith('!');
    return test(parent, [compared], (namesFailed) => failedOf(parent, namesFailed, negated));
  }
  if (parent.type === AST_NODE_TYPES.SwitchStatement && parent.discriminant === node) {
    const values: string[] = [];
    let fallback = false;
    parent.cases.forEach((clause, i) => {
      if (clause.test) {
        const label = staticValue(analysis, clause.test);
        if (typeof label === 'string') values.push(label);
        return;
      }
      const statements: TSESTree.Statement[] = [];
      for (const next of parent.cases.slice(i)) {
        statements.push(...next.consequent);
        if (next.consequent.some((s) => s.type === AST_NODE_TYPES.BreakStatement || s.type === AST_NODE_TYPES.ReturnStatement || s.type === AST_NODE_TYPES.ThrowStatement)) break;
      }
      fallback = !statements.every((s) => doesNothing(s));
    });
    return test(node, values, (namesFailed) => (namesFailed ? 'named' : fallback ? 'fallback' : 'none'));
  }
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === node && parent.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = memberName(parent.callee);
    const items = method === 'includes' || method === 'has' ? staticList(analysis, parent.callee.object) : undefined;
    if (!items) return undefined;
    const values = items.map((i) => i.value).filter((v): v is string => typeof v === 'string');
    const negation = parent.parent?.type === AST_NODE_TYPES.UnaryExpression && parent.parent.operator === '!' ? parent.parent : undefined;
    return test(parent, values, (namesFailed) => failedOf(negation ?? parent, namesFailed, negation !== undefined));
  }
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.computed && parent.property === node) {
    // a table that renames the statuses is no decision: the renamed status is followed instead
    if (state.translation(parent)) return undefined;
    const table = resolveExpression(analysis, parent.object);
    if (table.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const values = table.properties.flatMap((p) => (p.type === AST_NODE_TYPES.Property && typeof propertyKeyName(p) === 'string' ? [propertyKeyName(p) as string] : []));
    return test(parent, values, (namesFailed) => (namesFailed ? 'named' : 'none'));
  }
  return undefined;
}

/** Is `node` inside a branch that only some statuses other than the failed ones reach (`if (s.status === 'read') save(s.status)`)? */
function excludesFailed(state: Webhooks, node: Node): boolean {
  for (let child: Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.consequent === child && selectsFailed(state, parent.test) === false) return true;
    if (parent.type === AST_NODE_TYPES.SwitchCase && parent.test && parent.parent.type === AST_NODE_TYPES.SwitchStatement) {
      const discriminant = state.valueOf(parent.parent.discriminant);
      const label = state.isState(discriminant) ? staticValue(state.analysis, parent.test) : undefined;
      if (typeof label === 'string' && failedNamed(state, discriminant, [label]).length === 0) return true;
    }
  }
  return false;
}

/** Does a condition let a failed status through (`s.status === 'a' || s.status === 'b'`, `['a', 'b'].includes(s.status)`)? `undefined` when unknown. */
function selectsFailed(state: Webhooks, test: Node): boolean | undefined {
  const node = skipTransparent(test);
  if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator === '||') {
    const left = selectsFailed(state, node.left);
    const right = left === undefined ? undefined : selectsFailed(state, node.right);
    return right === undefined ? undefined : left! || right;
  }
  if (node.type === AST_NODE_TYPES.BinaryExpression && (node.operator === '===' || node.operator === '==')) {
    for (const [side, other] of [[node.left, node.right], [node.right, node.left]] as const) {
      const value = state.valueOf(side);
      const compared = state.isState(value) ? staticValue(state.analysis, other) : undefined;
      if (typeof compared === 'string') return failedNamed(state, value, [compared]).length > 0;
    }
    return undefined;
  }
  if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && node.arguments[0]) {
    const value = state.valueOf(node.arguments[0]);
    if (!state.isState(value)) return undefined;
    const method = memberName(node.callee);
    const items = method === 'includes' || method === 'has' ? staticList(state.analysis, node.callee.object) : undefined;
    return items && failedNamed(state, value, items.map((i) => i.value).filter((v): v is string => typeof v === 'string')).length > 0;
  }
  return undefined;
}

/** What a yes/no test on the status means for the failed statuses. */
function failedOf(test: Node, namesFailed: boolean, negated: boolean): StateTest['failed'] {
  // `=== 'failed'` selects it; `!== 'failed'` leaves it to what follows
  if (namesFailed) return 'named';
  // `s.status === 'read' || s.status === 'delivered'`: the chain is the condition
  let condition = test;
  while (!negated && condition.parent?.type === AST_NODE_TYPES.LogicalExpression && condition.parent.operator === '||') condition = condition.parent;
  test = condition;
  const parent = test.parent;
  if (parent?.type === AST_NODE_TYPES.IfStatement && parent.test === test) {
    if (negated) return doesNothing(parent.consequent) ? 'none' : 'fallback';
    let last: TSESTree.Statement | null = parent.alternate;
    while (last?.type === AST_NODE_TYPES.IfStatement) last = last.alternate;
    return last && !doesNothing(last) ? 'fallback' : 'none';
  }
  if (parent?.type === AST_NODE_TYPES.ConditionalExpression && parent.test === test) {
    return doesNothing(negated ? parent.consequent : parent.alternate) ? 'none' : 'fallback';
  }
  // `statuses.filter((s) => s.status !== 'read')`: the selection includes failed
  if (negated && parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === test) return 'fallback';
  return 'none';
}

// --- Webhooks that never see a status ----------------------------------------

/** A Cloud API webhook handler that reads `value.messages` and never `value.statuses`. */
export interface StatuslessHandler {
  /** The first `messages` read of the handler, or the argument handing the value to another file's code that reads them. */
  readonly node: Node;
  readonly provider: ProviderInfo;
  /** That other file's code, when the read is there: `handleIncoming() in incoming.ts`. */
  readonly via?: string;
  /** Codes messages name as examples of failures that arrive by webhook. */
  readonly notable: readonly (string | number)[];
}

const statuslessCache = new WeakMap<FileAnalysis, StatuslessHandler[]>();

/**
 * Handlers of the Cloud API webhook (`entry[].changes[].value`) that read
 * `value.messages` in a file that never names `statuses`: failed sends arrive
 * in the same webhook, as statuses, and are dropped. One per handler (the
 * outermost function, with the same-file helpers it hands the webhook to); a
 * handler that hands the webhook (the payload, an entry, a change, the value)
 * to code the file cannot see is left alone. Reads in a test suite (an `it`,
 * `test` or `describe` that asserts) are a fixture's, not a handler's.
 */
export function statuslessHandlers(analysis: FileAnalysis): readonly StatuslessHandler[] {
  let found = statuslessCache.get(analysis);
  if (!found) {
    const text = analysis.sourceCode.text;
    const state = /\b(?:messages|changes)\b/.test(text) && !namesStatusesInCode(analysis.sourceCode, text) ? webhooksOf(analysis) : undefined;
    found = state?.provider ? collectStatusless(state, state.provider) : [];
    // another file of the project handles the statuses: this is a second endpoint (flows, one product), not where they are lost
    if (found.length > 0 && statusesHandledElsewhere(analysis)) found = [];
    statuslessCache.set(analysis, found);
  }
  return found;
}

/** Text of a file that reads the Cloud API webhook's statuses. */
const READS_STATUSES = (text: string): boolean => /\bstatuses\b/.test(text) && /\bchanges\b/.test(text);


/**
 * Does a file name `statuses` in its code (a property, a variable, a
 * string), not only in a comment (one that says why the statuses are
 * dropped)? A text search first; the tree only when the word is there.
 */
function namesStatusesInCode(sourceCode: FileAnalysis['sourceCode'], text: string): boolean {
  if (!/\bstatuses\b/.test(text)) return false;
  return someNode(sourceCode.ast, sourceCode.visitorKeys, namesStatuses);
}

/** An identifier or a string `statuses` (a property, a variable, a key). */
function namesStatuses(node: Node): boolean {
  return (node.type === AST_NODE_TYPES.Identifier && node.name === 'statuses') || (node.type === AST_NODE_TYPES.Literal && node.value === 'statuses');
}

/**
 * Does another file of the project read the webhook's statuses (a text
 * search, run only when a handler without them is found, then a look at
 * the code of the files it finds)? Not a test's file, whose payloads are
 * fixtures.
 */
function statusesHandledElsewhere(analysis: FileAnalysis): boolean {
  const project = currentProject();
  const own = pathOf(analysis.sourceCode.ast);
  if (project === undefined) return false;
  return projectFilesMatching(project, READS_STATUSES).some((file) => {
    if (file === own || TEST_FILE.test(file)) return false;
    const cached = project.session.file(file);
    const sourceCode = cached ? parsedFile(cached) : undefined;
    // a file that does not parse is taken at its word
    return !sourceCode || !cached || namesStatusesInCode(sourceCode, cached.text);
  });
}

const WEBHOOK_SHAPES = new Set<Shape>(['payload', 'entry', 'change', 'value']);

function collectStatusless(state: Webhooks, provider: ProviderInfo): StatuslessHandler[] {
  const { analysis } = state;
  const program = analysis.sourceCode.ast;
  const reads = new Map<Node, Node>();
  walkNodes(program, analysis.sourceCode.visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression || memberName(node) !== 'messages') return undefined;
    const value = state.valueOf(node.object);
    if (value?.shape !== 'value' || value.depth !== 0 || !value.certain) return undefined;
    // a unit test that builds or edits a payload to call a handler with: a fixture, not a handler
    if (insideTestSuite(analysis, node)) return undefined;
    const unit = unitOf(node, program);
    if (!reads.has(unit)) reads.set(unit, node);
    return undefined;
  });
  // the units that hand the webhook on; one that hands it to a function of another file whose code reads
  // `messages` off it and names no `statuses` reads the messages there (`handleIncoming(change.value)`)
  const escapes = new Set<Node>();
  const via = new Map<Node, string>();
  walkNodes(program, analysis.sourceCode.visitorKeys, (node) => {
    const handed = handedOnWebhook(state, node);
    if (!handed) return undefined;
    const unit = unitOf(node, program);
    const reader = handed.use.kind === 'argument' ? externalReader(state, handed.use.call, node, handed.value) : undefined;
    if (reader) {
      if (!reads.has(unit)) reads.set(unit, node);
      via.set(node, reader);
    } else escapes.add(unit);
    return undefined;
  });
  if (reads.size === 0) return [];
  // helpers belong to their outermost callers
  const byRoot = new Map<Node, { node: Node; escapes: boolean }>();
  for (const [unit, node] of reads) {
    for (const root of rootUnits(state, unit)) {
      const known = byRoot.get(root);
      if (!known || node.range[0] < known.node.range[0]) byRoot.set(root, { node, escapes: known?.escapes ?? false });
    }
  }
  for (const unit of escapes) for (const root of rootUnits(state, unit)) {
    const known = byRoot.get(root);
    if (known) known.escapes = true;
  }
  const notable = provider.def.statusWebhook?.notable ?? [];
  return [...byRoot.entries()]
    .filter(([root, handler]) => !handler.escapes && (receivesRequests(state, root) || routeAround(state, handler.node, root)))
    .map(([, handler]) => handler)
    .map((handler) => ({ node: handler.node, provider, notable, ...(via.has(handler.node) ? { via: via.get(handler.node)! } : {}) }))
    .sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/**
 * A webhook value (the payload, an entry, a change, its value) that `node`
 * hands on to code this file does not follow: stored, returned, or given to a
 * call that is not of a same-file function.
 */
function handedOnWebhook(state: Webhooks, node: Node): { value: WebhookValue; use: Use } | undefined {
  if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  if (node.type === AST_NODE_TYPES.Identifier && !isReference(node)) return undefined;
  const value = state.valueOf(node);
  if (!value || !WEBHOOK_SHAPES.has(value.shape)) return undefined;
  const use = useOf(node);
  const handedOn = use.kind === 'data' || (use.kind === 'argument' && !(use.call.type === AST_NODE_TYPES.CallExpression && state.analysis.calledFunction(use.call)));
  return handedOn ? { value, use } : undefined;
}

const externalReadsCache = new WeakMap<Webhooks, Map<string, 'messages' | 'other'>>();

/**
 * What a function of another project file does with the webhook value it is
 * handed (`externalReader`: its label when it reads only the messages):
 * `messages` when it (and the same-file helpers it hands the value
 * to) reads `value.messages` off it, names no `statuses` and hands the value
 * on nowhere else; `other` otherwise (also when it cannot be followed).
 */
function externalReader(state: Webhooks, call: TSESTree.CallExpression | TSESTree.NewExpression, node: Node, value: WebhookValue): string | undefined {
  const target = externalTarget(state, call, node);
  if (!target) return undefined;
  return externalReads(state, target, value) === 'messages' ? externalLabel(target.fn) : undefined;
}

function externalReads(state: Webhooks, target: { fn: FunctionNode | ClassNode; index: number }, value: WebhookValue): 'messages' | 'other' {
  let cache = externalReadsCache.get(state);
  if (!cache) externalReadsCache.set(state, (cache = new Map()));
  const key = `${target.fn.range[0]}:${target.index}:${value.shape}:${value.depth}`;
  const cached = cache.get(key);
  if (cached) return cached;
  cache.set(key, 'other'); // recursion
  let messages = false;
  let other = false;
  walkExternal(state, target, value, (seeded) => (inner) => {
    if (other) return;
    if (namesStatuses(inner)) other = true;
    else if (inner.type === AST_NODE_TYPES.MemberExpression && memberName(inner) === 'messages') {
      const read = seeded.valueOf(inner.object);
      if (read?.shape === 'value' && read.depth === 0) messages = true;
    } else if (handedOnWebhook(seeded, inner)) other = true;
  });
  const result = messages && !other ? 'messages' : 'other';
  cache.set(key, result);
  return result;
}

/** Names of exported functions that frameworks call with requests (Next.js route handlers, serverless `handler`). */
const HTTP_METHODS = /^(?:POST|PUT|handler)$/;

/**
 * Is a handler unit where requests come in (so that the statuses reach it,
 * not only the messages someone handed it): the module, a callback passed to a
 * call (`router.post('/webhook', async (req, res) => …)`) or registered by
 * reference, a decorated method (NestJS `@Post()`), an exported route handler
 * (`export async function POST`), or one that reads the payload from a
 * parameter's `body` (`handleIncoming(req, res)` of a controller object that
 * a routes file registers as `controller.handleIncoming`): it is given the
 * request itself; so is a method or function that a file importing it hands
 * the request's whole body (`handedRequestBody`). A method or function called
 * with the payload from elsewhere (a queue job's data) is not.
 */
function receivesRequests(state: Webhooks, unit: Node): boolean {
  const { analysis } = state;
  if (!isFunction(unit)) return true;
  const parent = unit.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(unit as TSESTree.CallExpressionArgument)) return true;
  if (readsRequestBody(state, unit)) return true;
  const name = functionName(unit);
  if (parent?.type === AST_NODE_TYPES.MethodDefinition) {
    return parent.decorators.length > 0 || unit.params.some((param) => 'decorators' in param && (param.decorators?.length ?? 0) > 0) || (name !== undefined && handedRequestBody(state, name));
  }
  const exported = parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration || parent?.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
  if (exported && (name === undefined || HTTP_METHODS.test(name))) return true;
  // registered by reference: `app.post('/webhook', onWebhook)`
  const binding = unit.type === AST_NODE_TYPES.FunctionDeclaration ? unit.id : parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id : null;
  const variable = binding ? findVariable(analysis.sourceCode, binding) : null;
  const registered = (variable?.references ?? []).some((reference) => {
    const ref = reference.identifier as Node;
    return ref.parent?.type === AST_NODE_TYPES.CallExpression && ref.parent.arguments.includes(ref as TSESTree.CallExpressionArgument);
  });
  return registered || (name !== undefined && handedRequestBody(state, name));
}

/** Methods of an HTTP framework's app or router that register a route. */
const ROUTE_METHODS = new Set(['post', 'put', 'all', 'route']);

/**
 * Is the read inside a route handler registered within the unit (a function
 * that sets up routes: `export async function receiveMessage(app) {
 * app.post('/', { handler: async (req, reply) => … }) }`, `module.exports =
 * (router) => { router.post('/webhook', (req, res) => …) }`)? A function
 * between the read and the unit that is a route method's argument, the
 * `handler` of an options object handed to one, or one that reads the
 * payload as its parameter's `body`.
 */
function routeAround(state: Webhooks, read: Node, unit: Node): boolean {
  for (let current = read.parent; current && current !== unit; current = current.parent) {
    if (!isFunction(current)) continue;
    let argument: Node = current;
    const parent = current.parent;
    // Fastify's `{ schema, handler }` options
    if (parent?.type === AST_NODE_TYPES.Property && parent.value === current && propertyKeyName(parent) === 'handler' && parent.parent.type === AST_NODE_TYPES.ObjectExpression) argument = parent.parent;
    const call = argument.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.arguments.includes(argument as TSESTree.CallExpressionArgument)) {
      const callee = skipTransparent(call.callee);
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
      if (typeof method === 'string' && ROUTE_METHODS.has(method)) return true;
    }
    if (readsRequestBody(state, current)) return true;
  }
  return false;
}

/**
 * Is the function or method named `name` handed a request's whole body by a
 * file that imports this one (a controller or route that does nothing else
 * with the webhook): a route callback's `req.body` (`bot.onUpdate(req.body)`),
 * Koa's `ctx.request.body`, a NestJS `@Body()` parameter
 * (`this.inbound.handle(payload)`), or a variable initialised with one of them.
 * Then it is given everything the webhook carries, statuses included. A text
 * search picks the importers that call the name at all; only those are parsed.
 * A queue job's data or a part of the body is no request body: what reaches
 * the function may have been filtered before. Nor is a body handed on by a
 * caller that reads the webhook itself (its `entry`): that caller is the
 * handler (judged in its own file), and may hand the body on only for a
 * message it picked.
 */
function handedRequestBody(state: Webhooks, name: string): boolean {
  const project = currentProject();
  const own = pathOf(state.analysis.sourceCode.ast);
  if (!project || !own) return false;
  const calls = new RegExp(`\\b${escapeRegExp(name)}\\s*\\(`);
  return importersOf(project, own).some((importer) => {
    const file = project.session.file(importer);
    if (!file || !/body/i.test(file.text) || !calls.test(file.text)) return false;
    const sourceCode = parsedFile(file);
    if (!sourceCode) return false;
    return someNode(sourceCode.ast, sourceCode.visitorKeys, (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = skipTransparent(node.callee);
      const called = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
      if (called !== name || !node.arguments.some((arg) => isRequestBody(sourceCode, arg))) return false;
      // a caller that reads the webhook itself (its `entry`) is the handler, judged in its own file
      const caller = enclosingFunction(node);
      return caller !== undefined && !someNode(caller, sourceCode.visitorKeys, (inner) => inner.type === AST_NODE_TYPES.MemberExpression && memberName(inner) === 'entry');
    });
  });
}

/** `req.body` or `ctx.request.body` of a parameter, a parameter decorated `@Body()`, or a `const` initialised with one of them. */
function isRequestBody(sourceCode: Parameters<typeof findVariable>[0], arg: Node, depth = 0): boolean {
  const node = skipTransparent(arg);
  const isParameter = (id: Node): id is TSESTree.Identifier => id.type === AST_NODE_TYPES.Identifier && findVariable(sourceCode, id)?.defs[0]?.type === 'Parameter';
  if (node.type === AST_NODE_TYPES.MemberExpression && memberName(node) === 'body') {
    const object = skipTransparent(node.object);
    if (isParameter(object)) return true;
    return object.type === AST_NODE_TYPES.MemberExpression && memberName(object) === 'request' && isParameter(skipTransparent(object.object));
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const def = findVariable(sourceCode, node)?.defs[0];
  if (def?.type === 'Parameter') {
    const param = def.name as TSESTree.Identifier;
    return (param.decorators ?? []).some((decorator) => {
      const expression = decorator.expression;
      return expression.type === AST_NODE_TYPES.CallExpression && expression.callee.type === AST_NODE_TYPES.Identifier && expression.callee.name === 'Body' && expression.arguments.length === 0;
    });
  }
  const declarator = def?.node;
  return (
    depth === 0 &&
    declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
    declarator.parent.kind === 'const' &&
    declarator.id === def?.name &&
    declarator.init !== null &&
    enclosingFunction(declarator) !== undefined &&
    isRequestBody(sourceCode, declarator.init, depth + 1)
  );
}

/** Does a function read the webhook payload as the `body` of one of its parameters (`req.body`, `request.body`)? */
function readsRequestBody(state: Webhooks, fn: FunctionNode): boolean {
  return fn.params.some((param) => {
    if (param.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = findVariable(state.analysis.sourceCode, param);
    return (variable?.references ?? []).some((reference) => {
      const read = reference.identifier.parent;
      return read?.type === AST_NODE_TYPES.MemberExpression && read.object === reference.identifier && memberName(read) === 'body' && isPayloadRead(state, read);
    });
  });
}

/** Is `node` the webhook payload: its `entry` is read there (`req.body.entry`), or through a variable (`const body = req.body`)? */
function isPayloadRead(state: Webhooks, node: Node): boolean {
  const entryOf = (read: Node): boolean => {
    // `(req.body as any)?.entry`: through a cast or a non-null mark
    const object = outermostWrapper(read);
    const parent = object.parent;
    return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === object && memberName(parent) === 'entry' && state.valueOf(parent)?.shape === 'entry';
  };
  if (entryOf(node)) return true;
  const declarator = node.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== node || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(state.analysis.sourceCode, declarator.id);
  return (variable?.references ?? []).some((reference) => reference.identifier !== declarator.id && entryOf(reference.identifier));
}

/** The outermost callers of a same-file helper handed a webhook value (the unit itself when it is no helper). */
function rootUnits(state: Webhooks, unit: Node, seen = new Set<Node>()): Node[] {
  const program = state.analysis.sourceCode.ast;
  const calls = state.helperCalls.get(unit as FunctionNode);
  const callers = (calls ?? []).map((call) => unitOf(call, program)).filter((caller) => caller !== unit);
  if (callers.length === 0) return [unit];
  if (seen.has(unit)) return [];
  seen.add(unit);
  return [...new Set(callers.flatMap((caller) => rootUnits(state, caller, seen)))];
}

// --- Statuses returned to a caller that drops them -----------------------------

/** A call of another file's function that returns a webhook status in an object, whose result never passes the status on. */
export interface DroppedStatus {
  readonly call: TSESTree.CallExpression;
  /** The function's name, as called. */
  readonly callee: string;
  /** The property the status is returned under. */
  readonly key: string;
  readonly provider: ProviderInfo;
  readonly notable: readonly (string | number)[];
}

const droppedCache = new WeakMap<FileAnalysis, DroppedStatus[]>();

/**
 * Calls of a function of another project file that returns a WhatsApp
 * status in an object (`return { status: value.statuses[0] }`) whose result
 * is used without that property: not read, not destructured, and handed on
 * only where a test of another property of the result (`r.message && …`,
 * `if (r.message)`) lets through the returns without the status. A call in
 * a test that asserts something is not one: it parses a fixture, and the test
 * checks what its assertions read.
 */
export function droppedStatuses(analysis: FileAnalysis): readonly DroppedStatus[] {
  let found = droppedCache.get(analysis);
  if (!found) {
    found = [];
    for (const call of analysis.externalCallees.keys()) {
      const dropped = droppedAt(analysis, call);
      if (dropped) found.push(dropped);
    }
    droppedCache.set(analysis, found);
  }
  return found;
}

function droppedAt(analysis: FileAnalysis, call: TSESTree.CallExpression): DroppedStatus | undefined {
  // only a result kept in a variable or used as a statement
  let site: Node = call;
  while (site.parent?.type === AST_NODE_TYPES.AwaitExpression || site.parent?.type === AST_NODE_TYPES.ChainExpression) site = site.parent;
  const holder = site.parent;
  const kept = holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === site && holder.id.type === AST_NODE_TYPES.Identifier ? holder.id : undefined;
  if (!kept && holder?.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  const callee = skipTransparent(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  if (typeof name !== 'string') return undefined;
  const target = analysis.externalCallees.get(call);
  if (!target) return undefined;
  // in a test that asserts something, the call parses a fixture and the test checks what its assertions read
  if (insideTestSuite(analysis, call)) return undefined;
  const returned = returnedStatus(target.analysis, target.fn);
  if (!returned) return undefined;
  const { key: statusKey, exclusive, provider } = returned;
  if (kept && !keptDrops(analysis, kept, statusKey, exclusive)) return undefined;
  return { call, callee: name, key: statusKey, provider, notable: provider.def.statusWebhook?.notable ?? [] };
}

const returnedStatuses = new WeakMap<FunctionNode, { key: string; exclusive: ReadonlySet<string>; provider: ProviderInfo } | null>();

/**
 * The property a function returns a WhatsApp status under (`return { status:
 * value.statuses[0] }`), and the properties only its other returns have
 * (`message`): a test of one of those keeps the status out. Once per function.
 */
function returnedStatus(external: FileAnalysis, fn: FunctionNode): { key: string; exclusive: ReadonlySet<string>; provider: ProviderInfo } | undefined {
  const cached = returnedStatuses.get(fn);
  if (cached !== undefined) return cached ?? undefined;
  returnedStatuses.set(fn, null);
  const state = webhooksOf(external);
  if (!state?.provider) return undefined;
  const returns: string[][] = [];
  let key: string | undefined;
  for (const expression of returnedExpressions(fn).map((e) => skipTransparent(e))) {
    if (expression.type !== AST_NODE_TYPES.ObjectExpression) continue;
    const keys: string[] = [];
    for (const property of expression.properties) {
      const name = property.type === AST_NODE_TYPES.Property ? propertyKeyName(property) : undefined;
      if (typeof name !== 'string' || property.type !== AST_NODE_TYPES.Property) continue;
      keys.push(name);
      const value = state.valueOf(property.value);
      if (value && (value.shape === 'status' || value.shape === 'sdk-status') && value.depth <= 1 && state.isWhatsApp(property.value, value)) key ??= name;
    }
    returns.push(keys);
  }
  if (key === undefined) return undefined;
  const statusKey = key;
  const exclusive = new Set(returns.filter((keys) => !keys.includes(statusKey)).flat().filter((k) => !returns.some((keys) => keys.includes(k) && keys.includes(statusKey))));
  const found = { key: statusKey, exclusive, provider: state.provider };
  returnedStatuses.set(fn, found);
  return found;
}

/** Does no use of the variable holding the result pass the status on? */
function keptDrops(analysis: FileAnalysis, id: TSESTree.Identifier, key: string, exclusive: ReadonlySet<string>): boolean {
  const variable = findVariable(analysis.sourceCode, id);
  if (!variable) return false;
  for (const reference of variable.references) {
    const ref = reference.identifier as Node;
    if (ref === id) continue;
    const parent = ref.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === ref) {
      const name = memberName(parent);
      if (name === key || typeof name !== 'string') return false;
      continue;
    }
    // handed on whole: only where a test of a property the status returns lack keeps it out
    if (!guardedOut(ref, id.name, exclusive)) return false;
  }
  return true;
}

/** Is `node` reached only when a property of `name` that the status returns lack is set (`r.message && use(r)`, `if (r.message) use(r)`)? */
function guardedOut(node: Node, name: string, exclusive: ReadonlySet<string>): boolean {
  const tests = (test: Node): boolean => {
    const current = skipTransparent(test);
    if (current.type === AST_NODE_TYPES.LogicalExpression && current.operator === '&&') return tests(current.left) || tests(current.right);
    if (current.type !== AST_NODE_TYPES.MemberExpression) return false;
    const object = skipTransparent(current.object);
    const property = memberName(current);
    return object.type === AST_NODE_TYPES.Identifier && object.name === name && typeof property === 'string' && exclusive.has(property);
  };
  for (let child: Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (isFunction(parent)) return false;
    if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator === '&&' && parent.right === child && tests(parent.left)) return true;
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.consequent === child && tests(parent.test)) return true;
    if (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.consequent === child && tests(parent.test)) return true;
  }
  return false;
}
