/**
 * Retries by a status write: a catch around a provider send (or the failure
 * side of a test of a wrapper's failure value, `if (!result.success)`) that
 * sets the record back to a state a scheduler sends again (`pending`, `retry`,
 * `queued`) and counts the attempt on the same record, side by side:
 *
 *   notification.deliveryStatus = DeliveryStatus.PENDING;
 *   notification.retryCount++;
 *
 * or in one update (`repo.update(id, { status: 'pending', attempts: n.attempts + 1 })`,
 * Prisma's `{ retryCount: { increment: 1 } }`, or raw SQL: `UPDATE outbox SET
 * status = 'retry', attempts = attempts + 1`). The two together say "send it
 * again later"; a status alone (a record marked failed, a counter kept for
 * statistics) is no retry. The writes may also sit in a helper of the same
 * file that the catch calls (`await markFailed(job.id, job.attempts, err)`,
 * whose body makes the update). The catch decides, code by code, as for any
 * other retry.
 *
 * A catch around a callback the function was given (`await send()` in a
 * helper of another file) guards that callback's send: it is judged at each
 * call that hands a send over (see `helpers.ts`), with the callback's
 * provider, not for the other calls in the same `try`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, findVariable, isFunction, memberName, programOf, skipTransparent, someNode, walkNodes, type FunctionNode, type Node } from '../ast.js';
import { underFailure } from '../error-paths.js';
import type { FileAnalysis, ProviderCall } from '../file.js';
import { calleeFunction, constInit, evaluateString } from '../values.js';
import { construct } from './construct.js';
import { baseWalk, functionErrorPath, innermostTry, resultPolarity } from './decision.js';
import { isCallbackInvocation } from './helpers.js';
import type { RetryConstruct } from './types.js';

const STATUS_FIELD = /status|state$/i;
const COUNTER_FIELD = /retr|attempt|tries/i;
const SEND_AGAIN = /pending|retry|queued|scheduled|waiting/i;

/** A write that sets a record back to be sent again, with the attempt counted. */
interface RetryWrite {
  readonly statement: TSESTree.Statement;
  readonly status: string;
  readonly counter: string;
}

const fieldName = (node: Node): string | undefined => {
  const current = skipTransparent(node);
  if (current.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = memberName(current);
  return typeof name === 'string' ? name : undefined;
};

const keyName = (property: TSESTree.Property): string | undefined =>
  property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : undefined;

/** Does a value name a state that is sent again (`'pending'`, `Status.RETRY`, a constant holding `'queued'`)? */
function sendsAgain(analysis: FileAnalysis, value: Node): boolean {
  const text = analysis.sourceCode.getText(value);
  return SEND_AGAIN.test(text) || SEND_AGAIN.test(evaluateString(analysis, value).text);
}

/** The state as written: of `tooMany ? 'failed' : 'retry'`, the branch that is sent again. */
function writtenState(analysis: FileAnalysis, value: Node): string {
  const current = skipTransparent(value);
  if (current.type === AST_NODE_TYPES.ConditionalExpression) {
    const again = [current.consequent, current.alternate].filter((branch) => sendsAgain(analysis, branch));
    if (again.length === 1 && again[0]) return writtenState(analysis, again[0]);
  }
  return analysis.sourceCode.getText(value);
}

/** `x.retryCount++`, `x.attempts += 1`, `x.attempts = x.attempts + 1`: the counter and the record's text. */
function increment(analysis: FileAnalysis, statement: TSESTree.Statement): { record: string; counter: string } | undefined {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  const expression = skipTransparent(statement.expression);
  let target: Node | undefined;
  if (expression.type === AST_NODE_TYPES.UpdateExpression && expression.operator === '++') target = expression.argument;
  if (expression.type === AST_NODE_TYPES.AssignmentExpression) {
    if (expression.operator === '+=') target = expression.left;
    const right = skipTransparent(expression.right);
    if (expression.operator === '=' && right.type === AST_NODE_TYPES.BinaryExpression && right.operator === '+' && analysis.sourceCode.getText(right.left) === analysis.sourceCode.getText(expression.left)) {
      target = expression.left;
    }
  }
  const counter = target && fieldName(target);
  const object = target && skipTransparent(target);
  if (!counter || !COUNTER_FIELD.test(counter) || object?.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  return { record: analysis.sourceCode.getText(object.object), counter };
}

/** `x.status = Status.PENDING`: the record's text and the status written. */
function statusAssignment(analysis: FileAnalysis, statement: TSESTree.Statement): { record: string; status: string } | undefined {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  const expression = skipTransparent(statement.expression);
  if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== '=') return undefined;
  const field = fieldName(expression.left);
  const left = skipTransparent(expression.left);
  if (!field || !STATUS_FIELD.test(field) || left.type !== AST_NODE_TYPES.MemberExpression || !sendsAgain(analysis, expression.right)) return undefined;
  return { record: analysis.sourceCode.getText(left.object), status: writtenState(analysis, expression.right) };
}

/** An update whose object sets both (`{ status: 'pending', attempts: job.attempts + 1 }`, `{ retryCount: { increment: 1 } }`). */
function updateObject(analysis: FileAnalysis, statement: TSESTree.Statement): { status: string; counter: string } | undefined {
  let found: { status: string; counter: string } | undefined;
  walkNodes(statement, analysis.sourceCode.visitorKeys, (node) => {
    if (found) return 'stop';
    if (isFunction(node)) return false;
    if (node.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    let status: string | undefined;
    let counter: string | undefined;
    for (const property of node.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const key = keyName(property);
      if (!key) continue;
      if (STATUS_FIELD.test(key) && sendsAgain(analysis, property.value)) status = writtenState(analysis, property.value);
      else if (COUNTER_FIELD.test(key) && counts(analysis, property.value)) counter = key;
    }
    if (status && counter) found = { status, counter };
    return undefined;
  });
  return found;
}

/** The start of an SQL update and its `SET` list (up to `WHERE`, `RETURNING` or the end). */
const SQL_UPDATE = /^\s*UPDATE\s+[\w."`[\]]+\s+SET\s+([\s\S]*?)(?:\s+(?:WHERE|RETURNING|FROM)\b|;|$)/i;
/** A column counted up in SQL: `attempts + 1`, `COALESCE(retry_count, 0) + 1`. */
const SQL_INCREMENT = /^(?:coalesce\s*\(\s*)?["`]?\w+["`]?(?:\s*,\s*0\s*\))?\s*\+\s*\S/i;
/** A time column (`next_attempt_at`, `retry_time`): when the next attempt runs, not how many ran. */
const TIME_COLUMN = /(?:_at|At|time|date)$/i;
/** A placeholder of a template's expression in the SQL text read from it. */
const HOLE = (index: number): string => `\u0000${index}\u0000`;

/** The SQL text of a query call's first argument or a tagged template (`sql\`…\``), with the values its placeholders stand for. */
function sqlText(node: Node): { text: string; values: (index: number, ordinal: number, marker: number | undefined) => Node | undefined } | undefined {
  const holes = (template: TSESTree.TemplateLiteral): string => template.quasis.map((q, i) => (q.value.cooked ?? q.value.raw) + (i < template.expressions.length ? HOLE(i) : '')).join('');
  if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) {
    const template = node.quasi;
    return { text: holes(template), values: (_index, _ordinal, marker) => (marker === undefined ? undefined : template.expressions[marker]) };
  }
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const first = node.arguments[0] && skipTransparent(node.arguments[0]);
  const list = node.arguments[1] && skipTransparent(node.arguments[1]);
  const parameter = (i: number): Node | undefined => {
    const element = list?.type === AST_NODE_TYPES.ArrayExpression ? list.elements[i] : undefined;
    return element && element.type !== AST_NODE_TYPES.SpreadElement ? element : undefined;
  };
  if (first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string') {
    return { text: first.value, values: (index, ordinal) => parameter(index >= 0 ? index : ordinal) };
  }
  if (first?.type === AST_NODE_TYPES.TemplateLiteral) {
    const template = first;
    return { text: holes(template), values: (index, ordinal, marker) => (marker !== undefined ? template.expressions[marker] : parameter(index >= 0 ? index : ordinal)) };
  }
  return undefined;
}

/** The assignments of an SQL `SET` list, split at the commas outside parentheses and quotes. */
function setAssignments(list: string): { column: string; value: string }[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(list.slice(start));
  const found: { column: string; value: string }[] = [];
  for (const part of parts) {
    const match = /^\s*(?:[\w"`]+\.)?["`]?(\w+)["`]?\s*=\s*([\s\S]+?)\s*$/.exec(part);
    if (match?.[1] && match[2]) found.push({ column: match[1], value: match[2] });
  }
  return found;
}

/**
 * A raw SQL update that sets both: `pool.query(\`UPDATE outbox SET status =
 * 'retry', attempts = attempts + 1 WHERE id = $1\`, [id])`, the values as
 * parameters (`SET attempts = $2, status = $3` with `[id, n + 1, last ?
 * 'failed' : 'pending']`, `?` in order, a tagged template's `${…}`), a `CASE`
 * whose one branch is a state sent again.
 */
function sqlUpdate(analysis: FileAnalysis, statement: TSESTree.Statement): { status: string; counter: string } | undefined {
  let found: { status: string; counter: string } | undefined;
  walkNodes(statement, analysis.sourceCode.visitorKeys, (node) => {
    if (found) return 'stop';
    if (isFunction(node)) return false;
    const sql = sqlText(node);
    const set = sql && SQL_UPDATE.exec(sql.text)?.[1];
    if (!sql || !set) return undefined;
    // the ordinal of each `?` in the whole statement (those of the SET list come first)
    let ordinal = (sql.text.slice(0, sql.text.indexOf(set)).match(/\?/g) ?? []).length;
    let status: string | undefined;
    let counter: string | undefined;
    for (const { column, value } of setAssignments(set)) {
      const hole = /^\u0000(\d+)\u0000$/.exec(value);
      const dollar = /^\$(\d+)$/.exec(value);
      const given = hole || dollar || value === '?' ? sql.values(dollar ? Number(dollar[1]) - 1 : -1, ordinal, hole ? Number(hole[1]) : undefined) : undefined;
      // a value computed just before (`const attempts = row.attempts + 1`, `const status = last ? 'failed' : 'pending'`)
      const local = given && skipTransparent(given);
      const bound = local?.type === AST_NODE_TYPES.Identifier ? (constInit(analysis, local) ?? local) : given;
      if (value === '?') ordinal++;
      if (STATUS_FIELD.test(column)) {
        if (bound && sendsAgain(analysis, bound)) status = writtenState(analysis, bound);
        else {
          const literal = [...value.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '').filter((text) => SEND_AGAIN.test(text));
          if (literal.length === 1) status = `'${literal[0]}'`;
        }
      } else if (COUNTER_FIELD.test(column) && !TIME_COLUMN.test(column) && (bound ? counts(analysis, bound) : SQL_INCREMENT.test(value))) counter = column;
    }
    if (status && counter) found = { status, counter };
    return undefined;
  });
  return found;
}

/** `n.attempts + 1`, `{ increment: 1 }`, `attempt + 1`, or a `const` holding one (`const next = item.retry_count + 1; … { retry_count: next }`). */
function counts(analysis: FileAnalysis, value: Node, bound = false): boolean {
  const current = skipTransparent(value);
  if (current.type === AST_NODE_TYPES.Identifier && !bound) {
    const init = constInit(analysis, current);
    return init !== undefined && counts(analysis, init, true);
  }
  if (current.type === AST_NODE_TYPES.BinaryExpression && current.operator === '+') return true;
  if (current.type === AST_NODE_TYPES.ObjectExpression) {
    return current.properties.some((p) => p.type === AST_NODE_TYPES.Property && keyName(p) === 'increment');
  }
  return false;
}

/**
 * The retry write a statement makes through a helper of this file it calls
 * (`await markResult(msg.id, false, msg.attempts)`, the helper's body doing
 * the update): the helper's own writes, one level down. A send is not such a
 * helper, and a helper of another file is not read.
 */
function helperWrite(analysis: FileAnalysis, statement: TSESTree.Statement): { status: string; counter: string } | undefined {
  let expression: Node | undefined;
  if (statement.type === AST_NODE_TYPES.ExpressionStatement) expression = statement.expression;
  else if (statement.type === AST_NODE_TYPES.ReturnStatement) expression = statement.argument ?? undefined;
  if (!expression) return undefined;
  let current = skipTransparent(expression);
  if (current.type === AST_NODE_TYPES.AwaitExpression) current = skipTransparent(current.argument);
  if (current.type !== AST_NODE_TYPES.CallExpression || analysis.providerCall(current)) return undefined;
  const fn = calleeFunction(analysis, current.callee)?.fn;
  if (!fn || fn.body.type !== AST_NODE_TYPES.BlockStatement || programOf(fn) !== analysis.sourceCode.ast) return undefined;
  const [first] = retryWrites(analysis, fn.body, false);
  return first && { status: first.status, counter: first.counter };
}

/** The retry writes of a catch: each statement list's status write beside an increment of the same record, or one update object with both (here, or in a helper it calls when `helpers`). */
function retryWrites(analysis: FileAnalysis, body: TSESTree.BlockStatement, helpers = true): RetryWrite[] {
  const found: RetryWrite[] = [];
  walkNodes(body, analysis.sourceCode.visitorKeys, (node) => {
    if (isFunction(node)) return false;
    const list = node.type === AST_NODE_TYPES.BlockStatement ? node.body : node.type === AST_NODE_TYPES.SwitchCase ? node.consequent : undefined;
    if (!list) {
      return undefined;
    }
    const increments = list.map((s) => increment(analysis, s)).filter((i) => i !== undefined);
    for (const statement of list) {
      const assignment = statusAssignment(analysis, statement);
      const counted = assignment && increments.find((i) => i.record === assignment.record);
      if (assignment && counted) {
        found.push({ statement, status: assignment.status, counter: counted.counter });
        continue;
      }
      const update = statement.type === AST_NODE_TYPES.ExpressionStatement || statement.type === AST_NODE_TYPES.VariableDeclaration || statement.type === AST_NODE_TYPES.ReturnStatement ? (updateObject(analysis, statement) ?? sqlUpdate(analysis, statement)) : undefined;
      if (update) {
        found.push({ statement, ...update });
        continue;
      }
      const delegated = helpers ? helperWrite(analysis, statement) : undefined;
      if (delegated) found.push({ statement, ...delegated });
    }
    return undefined;
  });
  return found;
}

/** Does the `try` run a callback its function was given (`await send()`, `send` a parameter)? */
function runsParameter(analysis: FileAnalysis, block: TSESTree.BlockStatement, fn: FunctionNode): boolean {
  let found = false;
  walkNodes(block, analysis.sourceCode.visitorKeys, (node) => {
    if (found) return 'stop';
    if (isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier) {
      const def = findVariable(analysis.sourceCode, node.callee)?.defs[0];
      found = def?.type === 'Parameter' && def.node === fn;
    }
    return undefined;
  });
  return found;
}

/**
 * The retry writes on the failure side of a test of the call's result, when
 * the call gives failures back as values: `const result = await send(…); if
 * (result.success) { … } else { …update({ status: 'RETRYING', retry_count:
 * n + 1 }) }`. The same "send it again later" as in a catch; the test must
 * read this result (`!result.ok`, `result.success === false`, the `else` of
 * `if (result.success)`), and the writes come after the call in the block
 * that holds it.
 */
function resultWrites(analysis: FileAnalysis, call: ProviderCall): { writes: RetryWrite[]; block: TSESTree.BlockStatement; declarator: TSESTree.VariableDeclarator } | undefined {
  // only a wrapper's failure object is tested this way (a `fetch` response is tested by `ok` or its status)
  if (call.request || (!call.wrapper && !call.external)) return undefined;
  const held = call.node.parent?.type === AST_NODE_TYPES.AwaitExpression ? call.node.parent : call.node;
  const declarator = held.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== held || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const block = declarator.parent?.parent;
  const variable = findVariable(analysis.sourceCode, declarator.id);
  if (block?.type !== AST_NODE_TYPES.BlockStatement || !variable) return undefined;
  const keys = analysis.sourceCode.visitorKeys;
  const readsResult = (test: Node) => someNode(test, keys, (n) => n.type === AST_NODE_TYPES.Identifier && findVariable(analysis.sourceCode, n) === variable);
  const polarity = (test: Node) => (readsResult(test) ? resultPolarity(analysis, test) : undefined);
  const writes = retryWrites(analysis, block).filter((w) => w.statement.range[0] > call.node.range[1] && underFailure(w.statement, block, polarity));
  return writes.length > 0 ? { writes, block, declarator } : undefined;
}

/** Every catch of the file that sets the record of a failed send back to be sent again, with its attempt counted. */
export function statusConstructs(analysis: FileAnalysis): RetryConstruct[] {
  const text = analysis.sourceCode.text;
  if (!COUNTER_FIELD.test(text) || !SEND_AGAIN.test(text)) return [];
  const found: RetryConstruct[] = [];
  const seen = new Set<Node>();
  for (const call of analysis.calls) {
    const fn = enclosingFunction(call.node);
    if (!fn) continue;
    const tryStatement = innermostTry(call.node, fn);
    const handler = tryStatement?.handler;
    let writes: RetryWrite[] = [];
    let region: Node | undefined;
    if (tryStatement && handler && !seen.has(handler)) {
      // a try around a callback the function was given: judged with the callback's send, at the calls that hand it over
      if (!isCallbackInvocation(call) && runsParameter(analysis, tryStatement.block, fn)) continue;
      seen.add(handler);
      writes = retryWrites(analysis, handler.body);
      region = handler;
    }
    // a send that gives its failure back as a value: the writes under a test of its result
    const byResult = writes.length === 0 ? resultWrites(analysis, call) : undefined;
    if (byResult && !seen.has(byResult.declarator)) {
      seen.add(byResult.declarator);
      writes = byResult.writes;
      region = byResult.block;
    }
    const [first] = writes;
    if (!first || !region) continue;
    const statements = new Set<TSESTree.Statement>(writes.map((w) => w.statement));
    found.push({
      ...construct({
        form: 'status',
        node: first.statement,
        provider: call.provider,
        calls: [call],
        region,
        delay: 'some', // sent again by a later run of the scheduler
        walk: (entry, basis) => functionErrorPath(analysis, fn, baseWalk(analysis, entry, call.provider, basis, { isRetryStatement: (s) => statements.has(s) }), call),
      }),
      statusWrite: { status: first.status, counter: first.counter },
    });
  }
  return found;
}
