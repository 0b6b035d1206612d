/**
 * Retries by a message queue: a RabbitMQ consumer (amqplib's channel API,
 * also amqp-connection-manager's) whose catch around a provider send puts the
 * same message back on a queue, so the broker hands it to a consumer again:
 *
 * - `channel.nack(msg)` / `channel.nack(msg, false, true)` and
 *   `channel.reject(msg)` / `channel.reject(msg, true)`: requeued at once
 *   (amqplib's `requeue` defaults to true);
 * - `channel.sendToQueue(queue, content)` / `channel.publish(exchange, key,
 *   content)` of the same message (its `content`, the payload parsed from it,
 *   or that payload spread into a new object) to the consumed queue, to a
 *   queue named for retries or delays (`*.retry`, `*-delay`), or with an
 *   attempt counter in the new payload.
 *
 * What gives up instead: `nack(msg, false, false)` / `reject(msg, false)`
 * (the broker dead-letters or drops it) and a publish to a queue or exchange
 * named for dead letters or failures (`*.dlq`, `dead-letter`, `failed`).
 * Same-file helpers that do either (`enqueueRetry(channel, RETRY_QUEUE,
 * payload)`) are read with their arguments bound.
 *
 * The catch decides; its tests of the code are walked per code as for any
 * other retry. Only files whose text names amqp are searched.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { ErrorEntry } from '../../catalog/schema.js';
import { findVariable, isFunction, memberName, skipTransparent, walkNodes, type FunctionNode, type Node } from '../ast.js';
import type { FileAnalysis } from '../file.js';
import { boundArgument, calleeFunction, constInit, evaluateString, inline, resolveExpression, staticValue } from '../values.js';
import { construct } from './construct.js';
import { baseWalk, evaluate, functionErrorPath, innermostTry } from './decision.js';
import { functionValue, reached } from './library-calls.js';
import type { DecisionBasis, RetryConstruct, Walk } from './types.js';

/** What a call in a consumer's catch does with the message. */
type QueueAction = 'requeue' | 'give-up';

const DEAD_LETTER = /dead|dlq|dlx|fail|error|parking|poison|graveyard|discard/i;
const RETRY_QUEUE = /retr|delay|wait|later|backoff|requeue/i;
const ATTEMPT_FIELD = /attempt|retr|tries/i;
const MAX_FOLLOW = 8;

/** A consumer callback and the parameter that holds the delivered message. */
interface Consumer {
  readonly fn: FunctionNode;
  readonly message: TSESTree.Identifier;
  /** The queue the consumer reads (`consume(queue, …)`). */
  readonly queue: Node | undefined;
}

/** `channel.consume(queue, handler)`; a handler that only hands the message to a same-file function is followed into it. */
function consumers(analysis: FileAnalysis): Consumer[] {
  const found: Consumer[] = [];
  for (const call of analysis.allCalls) {
    const callee = skipTransparent(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'consume' || call.arguments.length < 2) continue;
    let fn = functionValue(analysis, call.arguments[1]);
    let message = fn?.params[0];
    // `(msg) => this.onMessage(msg)`: the function the message is handed to
    const delegate = fn && message?.type === AST_NODE_TYPES.Identifier ? handedTo(analysis, fn, message) : undefined;
    if (delegate) {
      fn = delegate.fn;
      message = delegate.message;
    }
    if (fn && message?.type === AST_NODE_TYPES.Identifier && reached(analysis, fn)?.call) found.push({ fn, message, queue: call.arguments[0] });
  }
  return found;
}

/** When a handler's body is one call that passes the message on (`(msg) => this.handle(msg)`), the called function and its parameter. */
function handedTo(analysis: FileAnalysis, fn: FunctionNode, message: TSESTree.Identifier): { fn: FunctionNode; message: TSESTree.Parameter } | undefined {
  let body: Node = fn.body;
  if (body.type === AST_NODE_TYPES.BlockStatement) {
    if (body.body.length !== 1) return undefined;
    const [only] = body.body;
    body = only?.type === AST_NODE_TYPES.ExpressionStatement ? only.expression : only?.type === AST_NODE_TYPES.ReturnStatement && only.argument ? only.argument : body;
  }
  const call = skipTransparent(body.type === AST_NODE_TYPES.AwaitExpression ? body.argument : body);
  if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const index = call.arguments.findIndex((a) => {
    const value = skipTransparent(a);
    return value.type === AST_NODE_TYPES.Identifier && value.name === message.name;
  });
  const target = index >= 0 ? calleeFunction(analysis, call.callee)?.fn : undefined;
  const param = target?.params[index];
  return target && param ? { fn: target, message: param } : undefined;
}

/** Is `node` the consumer's message parameter? */
function isMessageParam(analysis: FileAnalysis, node: Node, consumer: Consumer): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(analysis.sourceCode, node);
  return !!variable && variable.defs.some((d) => d.name === consumer.message);
}

/** Is `node` the delivered message again: the message, its `content`, the payload parsed from it, or that payload spread into a new object? */
function sameMessage(analysis: FileAnalysis, node: Node, consumer: Consumer, depth = 0): boolean {
  if (depth > MAX_FOLLOW) return false;
  const current = resolveExpression(analysis, skipTransparent(node));
  const again = (n: Node) => sameMessage(analysis, n, consumer, depth + 1);
  switch (current.type) {
    case AST_NODE_TYPES.Identifier:
      return isMessageParam(analysis, current, consumer);
    case AST_NODE_TYPES.MemberExpression:
      return memberName(current) === 'content' && again(current.object);
    case AST_NODE_TYPES.AwaitExpression:
      return again(current.argument);
    case AST_NODE_TYPES.CallExpression: {
      // `Buffer.from(JSON.stringify(payload))`, `JSON.parse(msg.content.toString())`, `parse(msg)`
      const callee = skipTransparent(current.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'toString') return again(callee.object);
      return current.arguments.length > 0 && current.arguments.every((a) => a.type !== AST_NODE_TYPES.SpreadElement) && again(current.arguments[0]!);
    }
    case AST_NODE_TYPES.ObjectExpression:
      return current.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement && again(p.argument));
    default:
      return false;
  }
}

/** Does the new payload count attempts (`{ ...payload, attempt: n + 1 }`)? */
function countsAttempts(analysis: FileAnalysis, node: Node, depth = 0): boolean {
  if (depth > MAX_FOLLOW) return false;
  const current = resolveExpression(analysis, skipTransparent(node));
  if (current.type === AST_NODE_TYPES.CallExpression) return current.arguments.some((a) => a.type !== AST_NODE_TYPES.SpreadElement && countsAttempts(analysis, a, depth + 1));
  if (current.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return current.properties.some((p) => {
    if (p.type !== AST_NODE_TYPES.Property) return false;
    const key = p.key.type === AST_NODE_TYPES.Identifier ? p.key.name : p.key.type === AST_NODE_TYPES.Literal ? String(p.key.value) : '';
    return ATTEMPT_FIELD.test(key);
  });
}

/** The names a queue or exchange goes by: its identifiers (followed through constants and bound parameters) and its known text. */
function namesOf(analysis: FileAnalysis, node: Node): string {
  const names: string[] = [];
  let current: Node = skipTransparent(node);
  for (let i = 0; i < MAX_FOLLOW; i++) {
    if (current.type === AST_NODE_TYPES.Identifier) names.push(current.name);
    else if (current.type === AST_NODE_TYPES.MemberExpression && typeof memberName(current) === 'string') names.push(String(memberName(current)));
    const next = current.type === AST_NODE_TYPES.Identifier || current.type === AST_NODE_TYPES.MemberExpression ? resolveStep(analysis, current) : undefined;
    if (!next || next === current) break;
    current = next;
  }
  names.push(evaluateString(analysis, node).text.replaceAll('\u0000', ' '));
  return names.join(' ');
}

/** One step of resolution (a constant's initializer, a bound parameter's argument), so that every name on the way is seen. */
function resolveStep(analysis: FileAnalysis, node: Node): Node | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return constInit(analysis, node) ?? boundArgument(analysis, node);
  const full = resolveExpression(analysis, node);
  return full === node ? undefined : full;
}

/** Is the queue (or exchange) the one the consumer reads? */
function sameQueue(analysis: FileAnalysis, node: Node, consumer: Consumer): boolean {
  if (!consumer.queue) return false;
  if (resolveExpression(analysis, node) === resolveExpression(analysis, consumer.queue)) return true;
  const a = evaluateString(analysis, node).text;
  return !a.includes('\u0000') && a === evaluateString(analysis, consumer.queue).text;
}

interface Reader {
  readonly analysis: FileAnalysis;
  readonly consumer: Consumer;
  /** The walk (for a `requeue` argument decided by the code: `nack(msg, false, isRetryable(code))`). */
  readonly walk: Walk | undefined;
  /** Same-file functions being read (no recursion). */
  readonly reading: Set<FunctionNode>;
}

/** What a call does with the delivered message, following same-file helpers. */
function actionOf(reader: Reader, call: TSESTree.CallExpression): QueueAction | undefined {
  const { analysis, consumer } = reader;
  const callee = skipTransparent(call.callee);
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  const args = call.arguments;
  const flag = (index: number): QueueAction | undefined => {
    const arg = args[index];
    if (!arg) return 'requeue'; // amqplib requeues unless told not to
    const value = staticValue(analysis, arg);
    if (value === true) return 'requeue';
    if (value === false) return 'give-up';
    if (!reader.walk) return 'requeue'; // looking for the calls that may requeue
    const truth = evaluate(reader.walk, arg);
    return truth === 'T' ? 'requeue' : truth === 'F' ? 'give-up' : undefined;
  };
  const isMessage = (arg: Node | undefined) => !!arg && isMessageParam(analysis, resolveExpression(analysis, arg), consumer);
  if (method === 'nack' && isMessage(args[0])) return flag(2);
  if (method === 'reject' && isMessage(args[0])) return flag(1);
  if (method === 'sendToQueue' || method === 'publish') {
    const targets = method === 'publish' ? args.slice(0, 2) : args.slice(0, 1);
    const content = args[targets.length];
    if (!content || targets.length === 0) return undefined;
    const names = targets.map((t) => namesOf(analysis, t)).join(' ');
    if (DEAD_LETTER.test(names)) return 'give-up';
    if (!sameMessage(analysis, content, consumer)) return undefined;
    if (RETRY_QUEUE.test(names) || targets.some((t) => sameQueue(analysis, t, consumer)) || countsAttempts(analysis, content)) return 'requeue';
    return undefined;
  }
  // a helper of this file (`await enqueueRetry(channel, RETRY_QUEUE, payload, attempt)`), read with its arguments bound
  const target = calleeFunction(analysis, call.callee);
  if (!target || reader.reading.has(target.fn) || analysis.providerCall(call)) return undefined;
  reader.reading.add(target.fn);
  try {
    return inline(analysis, target, call, () => actionIn(reader, target.fn.body));
  } finally {
    reader.reading.delete(target.fn);
  }
}

/** The first thing the calls of a body (outside nested functions) do with the message: giving up wins over requeueing. */
function actionIn(reader: Reader, body: Node): QueueAction | undefined {
  let found: QueueAction | undefined;
  walkNodes(body, reader.analysis.sourceCode.visitorKeys, (node) => {
    if (found === 'give-up') return 'stop';
    if (isFunction(node) && node !== body && node.parent !== body) return false;
    if (node.type === AST_NODE_TYPES.CallExpression) found = actionOf(reader, node) ?? found;
    return undefined;
  });
  return found;
}

/** Every RabbitMQ consumer of the file whose catch around a provider send re-queues the message. */
export function queueConstructs(analysis: FileAnalysis): RetryConstruct[] {
  if (!/amqp/i.test(analysis.sourceCode.text)) return [];
  const found: RetryConstruct[] = [];
  for (const consumer of consumers(analysis)) {
    const target = reached(analysis, consumer.fn)!;
    const call = target.call!;
    const handler = innermostTry(call.node, consumer.fn)?.handler;
    if (!handler) continue;
    // the catch's calls that may requeue, in source order
    const reader: Reader = { analysis, consumer, walk: undefined, reading: new Set() };
    const requeues: TSESTree.CallExpression[] = [];
    walkNodes(handler.body, analysis.sourceCode.visitorKeys, (node) => {
      if (isFunction(node)) return false;
      if (node.type === AST_NODE_TYPES.CallExpression && actionOf(reader, node) === 'requeue') requeues.push(node);
      return undefined;
    });
    if (requeues.length === 0) continue;
    const immediate = requeues.every((n) => n.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.MemberExpression && ['nack', 'reject'].includes(String(memberName(n.callee))));
    const walkFor = (entry: ErrorEntry, basis: Set<DecisionBasis>): Walk => {
      const walk: Walk = baseWalk(analysis, entry, target.provider, basis, {
        isRetryCall: (c) => actionOf({ ...reader, walk }, c) === 'requeue',
        isStopCall: (c) => actionOf({ ...reader, walk }, c) === 'give-up',
        onThrow: () => 'stop', // amqplib leaves a thrown message unacknowledged: it is not handed out again while the channel lives
      });
      return walk;
    };
    const built = construct({
      form: 'queue',
      library: 'amqplib',
      node: requeues[0]!,
      provider: target.provider,
      calls: [call],
      region: consumer.fn,
      delay: immediate ? 'none' : 'some', // a retry queue holds the message for its TTL; a requeue hands it out again at once
      walk: (entry, basis) => functionErrorPath(analysis, consumer.fn, walkFor(entry, basis)),
    });
    // report at the first requeue that a code which cannot succeed can reach (no enclosing test rules it out)
    const first = (): Node => {
      const hammered = target.provider.def.errors.filter((e) => e.retry !== 'transient' && e.retry !== 'rate-limit' && built.verdict(e) === 'retried');
      const reachable = (node: Node, entry: ErrorEntry): boolean => {
        const walk = { ...walkFor(entry, new Set()), decisions: new Set<Node>() };
        for (let current: Node = node; current !== handler.body && current.parent; current = current.parent) {
          const parent: Node = current.parent;
          if (parent.type !== AST_NODE_TYPES.IfStatement || parent.test === current) continue;
          const truth = evaluate(walk, parent.test);
          if ((parent.consequent === current && truth === 'F') || (parent.alternate === current && truth === 'T')) return false;
        }
        return true;
      };
      const hit = requeues.find((n) => hammered.some((e) => reachable(n, e)));
      return hit ?? requeues[0]!;
    };
    let node: Node | undefined;
    found.push(
      Object.defineProperty({ ...built }, 'node', {
        get: () => (node ??= first()),
        enumerable: true,
      }) as RetryConstruct,
    );
  }
  return found;
}
