/**
 * Retries by a scheduled job that selects its work again: a function run on
 * a schedule (`cron.schedule('*\/5 * * * *', fn)`, `setInterval(fn, ms)`,
 * `new CronJob(spec, fn)`, `schedule.scheduleJob(spec, fn)`, a method with
 * NestJS's `@Cron()` or `@Interval()`, and the functions of the file they
 * call; the scheduler here or in a file importing this one) loops over the
 * records a query selected (`await Reminder.find({ sent: false })`, Prisma's
 * `findMany({ where })`, `.eq('sent', false)`, or a function returning
 * one), sends for each, and writes a field of that filter on the record
 * only when the send works:
 *
 *   for (const reminder of await Reminder.find({ sent: false })) {
 *     const result = await sendReminder(reminder);
 *     if (result.success) { reminder.sent = true; await reminder.save(); }
 *   }
 *
 * A failed send leaves the record as the query selects it, so the next run
 * sends it again, whatever the error. Writing a field of the filter on the
 * error path too (`status: 'failed'`, an attempt counter the filter bounds)
 * settles the record; whether it is written is decided code by code, as for
 * any other retry. A loop that never writes a field of its filter (a digest
 * sent to every subscriber on each run) is not a retry.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, findVariable, isFunction, isLogCall, memberName, programOf, propertyKeyName, skipTransparent, sourceCodeOf, walkNodes, type FunctionNode, type Node } from '../ast.js';
import type { FileAnalysis, ProviderCall } from '../file.js';
import { importerAnalyses, savedAsLinted } from '../importers.js';
import { currentProject, pathOf } from '../imports.js';
import { escapeRegExp } from '../settings.js';
import { calleeFunction, functionNamed, returnedExpressions } from '../values.js';
import { construct } from './construct.js';
import { sendLoop } from './loops.js';
import type { RetryConstruct } from './types.js';

/** A cron expression: five or six fields (`*\/5 * * * *`, `0 0 9 * * 1-5`). */
const CRON_SPEC = /^\s*(?:\S+\s+){4,5}\S+\s*$/;
/** Query methods whose first argument names a filtered column (`.eq('sent', false)`, `.where('status', 'pending')`). */
const COLUMN_FILTERS = new Set(['eq', 'neq', 'is', 'not', 'lt', 'lte', 'gt', 'gte', 'in', 'where', 'andWhere', 'whereNull', 'whereIn', 'whereNot', 'filter', 'match']);
/** Keys of a query's options that are not its filter. */
const NOT_FILTER = new Set(['include', 'select', 'orderBy', 'order', 'sort', 'limit', 'skip', 'take', 'offset', 'populate', 'attributes', 'relations', 'lean', 'raw', 'transaction', 'cursor', 'distinct']);
/** Keys an update's fields sit under (`{ data: { sent: true } }`, `{ $set: { sent: true } }`). */
const UPDATE_HOLDERS = new Set(['data', '$set', 'set', 'values', 'update']);
/** A field counting attempts (`attempts`, `retryCount`): written on each failure, it bounds the retries, it does not end them. */
const COUNTER_FIELD = /retr|attempt|tries/i;
/** A field holding a record's state (`status`, `deliveryState`). */
const STATUS_FIELD = /status|state$/i;
/** Depth to which calls of the file's own functions are followed from a scheduled function. */
const CALL_DEPTH = 3;

type Filter = ReadonlyMap<string, string>;

/** A node's text, in this file or in the other project file it is from (a query in an imported module). */
const textOf = (analysis: FileAnalysis, node: Node): string => sourceCodeOf(analysis.sourceCode, node).getText(node);

/** The function a scheduler call or decorator runs, when the file shows it. */
function handlerOf(analysis: FileAnalysis, node: Node): FunctionNode | undefined {
  const current = skipTransparent(node);
  if (isFunction(current)) return current;
  if (current.type === AST_NODE_TYPES.Identifier) return functionNamed(analysis, current);
  // `this.run.bind(this)`
  if (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression && memberName(current.callee) === 'bind') {
    return handlerOf(analysis, current.callee.object);
  }
  if (current.type === AST_NODE_TYPES.MemberExpression) return calleeFunction(analysis, current)?.fn;
  return undefined;
}

const isCronSpec = (node: Node | undefined): boolean => {
  const current = node && skipTransparent(node);
  if (current?.type === AST_NODE_TYPES.Literal) return typeof current.value === 'string' && CRON_SPEC.test(current.value);
  return current?.type === AST_NODE_TYPES.TemplateLiteral && current.expressions.length === 0 && CRON_SPEC.test(current.quasis[0]?.value.cooked ?? '');
};

const calleeName = (callee: Node): string | undefined => {
  const current = skipTransparent(callee);
  if (current.type === AST_NODE_TYPES.Identifier) return current.name;
  if (current.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = memberName(current);
  return typeof name === 'string' ? name : undefined;
};

/** The functions the schedulers of a file run: `cron.schedule(spec, fn)`, `setInterval(fn, ms)`, a `@Cron()` method. */
function scheduledRoots(analysis: FileAnalysis): FunctionNode[] {
  const roots: FunctionNode[] = [];
  const add = (node: Node | undefined) => {
    const fn = node && handlerOf(analysis, node);
    if (fn) roots.push(fn);
  };
  walkNodes(analysis.sourceCode.ast, analysis.sourceCode.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
      const name = calleeName(node.callee);
      const args = node.arguments;
      if (name === 'setInterval' && node.type === AST_NODE_TYPES.CallExpression) add(args[0]);
      // node-cron's `schedule(spec, fn)`, node-schedule's `scheduleJob([name,] spec, fn)`, cron's `new CronJob(spec, fn)`
      else if (name === 'schedule' || name === 'scheduleJob' || name === 'CronJob') {
        const spec = args.findIndex((a) => isCronSpec(a));
        if (spec >= 0) add(args[spec + 1]);
      }
    } else if (node.type === AST_NODE_TYPES.MethodDefinition && node.decorators.length > 0) {
      const scheduled = node.decorators.some((d) => d.expression.type === AST_NODE_TYPES.CallExpression && ['Cron', 'Interval'].includes(calleeName(d.expression.callee) ?? ''));
      if (scheduled && isFunction(node.value)) roots.push(node.value);
    }
    return undefined;
  });
  return roots;
}

/** Text of a file that may schedule a function: searched for in the files importing the one with the loop. */
const SCHEDULER_TEXT = /\bschedule(?:Job)?\s*\(|\bsetInterval\s*\(|\bCronJob\b|@(?:Cron|Interval)\s*\(/;
const schedules = (text: string): boolean => SCHEDULER_TEXT.test(text);

/**
 * `roots` with the file's own functions they call (a few levels); `elsewhere`
 * gets the functions of other files they call.
 */
function withCallees(analysis: FileAnalysis, roots: readonly FunctionNode[], elsewhere?: (fn: FunctionNode) => void): Set<FunctionNode> {
  const found = new Set<FunctionNode>();
  const own = (fn: FunctionNode) => programOf(fn) === analysis.sourceCode.ast;
  // a scheduler handed a function of another file (`schedule(spec, jobs.run)`)
  for (const fn of roots) if (!own(fn)) elsewhere?.(fn);
  let layer = roots.filter(own);
  for (let depth = 0; depth <= CALL_DEPTH && layer.length > 0; depth++) {
    const next: FunctionNode[] = [];
    for (const fn of layer) {
      if (found.has(fn)) continue;
      found.add(fn);
      walkNodes(fn.body, analysis.sourceCode.visitorKeys, (node) => {
        if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
        const callee = calleeFunction(analysis, node.callee)?.fn;
        // a function of another file is its own code; it is scheduled from here, which matters to that file
        if (callee && own(callee)) next.push(callee);
        else if (callee) elsewhere?.(callee);
        return undefined;
      });
    }
    layer = next;
  }
  return found;
}

/**
 * The file's functions that a scheduler in a file importing it runs
 * (`cron.schedule('0 * * * *', sendDueReminders)` in the app's entry, the
 * loop in a jobs module), with the file's functions they call. Read only
 * when the file on disk is the text linted: positions say which function.
 */
function scheduledElsewhere(analysis: FileAnalysis): Set<FunctionNode> {
  const project = currentProject();
  const path = analysis.fileName;
  if (!project || !path || !savedAsLinted(project, path, analysis.sourceCode.text)) return new Set();
  const spans = new Set<string>();
  for (const importer of importerAnalyses(project, path, schedules)) {
    withCallees(importer, scheduledRoots(importer), (fn) => {
      if (pathOf(fn) === path) spans.add(`${fn.range[0]}:${fn.range[1]}`);
    });
  }
  if (spans.size === 0) return new Set();
  const roots: FunctionNode[] = [];
  walkNodes(analysis.sourceCode.ast, analysis.sourceCode.visitorKeys, (node) => {
    if (isFunction(node) && spans.has(`${node.range[0]}:${node.range[1]}`)) roots.push(node);
    return undefined;
  });
  return withCallees(analysis, roots);
}

/** `'sent'` for `sent: false`, `'status'` for `'status': 'pending'`: a property's key as written. */
const keyOf = (property: TSESTree.Property): string | undefined => {
  const name = propertyKeyName(property);
  return typeof name === 'string' ? name : undefined;
};

/** The fields an object of a query filters on, with the value text each is matched against. */
function objectFilter(analysis: FileAnalysis, object: TSESTree.ObjectExpression, into: Map<string, string>): void {
  const where = object.properties.find((p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && keyOf(p) === 'where');
  if (where && skipTransparent(where.value).type === AST_NODE_TYPES.ObjectExpression) {
    objectFilter(analysis, skipTransparent(where.value) as TSESTree.ObjectExpression, into);
    return;
  }
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = keyOf(property);
    if (key === undefined || NOT_FILTER.has(key) || key.startsWith('$')) continue;
    into.set(key, textOf(analysis, property.value));
  }
}

/**
 * What a query selects by: the fields of its filter objects and the columns
 * its chained filters name, with the value text each is matched against.
 */
function filterOf(analysis: FileAnalysis, query: Node): Filter {
  const filter = new Map<string, string>();
  let current: Node = skipTransparent(query);
  if (current.type === AST_NODE_TYPES.AwaitExpression) current = skipTransparent(current.argument);
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const method = calleeName(current.callee);
    const [first, second] = current.arguments;
    const column = first && skipTransparent(first);
    if (method && COLUMN_FILTERS.has(method) && column?.type === AST_NODE_TYPES.Literal && typeof column.value === 'string') {
      filter.set(column.value, second ? textOf(analysis, second) : 'null');
    }
    for (const argument of current.arguments) {
      const value = skipTransparent(argument);
      if (value.type === AST_NODE_TYPES.ObjectExpression) objectFilter(analysis, value, filter);
    }
    if (current.callee.type !== AST_NODE_TYPES.MemberExpression) break;
    current = skipTransparent(current.callee.object);
  }
  return filter;
}

/**
 * The call an expression holds the result of: `await q`, `rows` where
 * `const rows = await q`, `const { data: rows } = await q`, `rows ?? []`,
 * `result.rows`, a `let rows` given the query's result once: `try { rows =
 * await q } catch { return }`.
 */
function resultCall(analysis: FileAnalysis, node: Node): TSESTree.CallExpression | undefined {
  let source: Node = skipTransparent(node);
  if (source.type === AST_NODE_TYPES.LogicalExpression) source = skipTransparent(source.left);
  if (source.type === AST_NODE_TYPES.MemberExpression && !source.computed) source = skipTransparent(source.object);
  if (source.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(analysis.sourceCode, source);
    const def = variable?.defs[0]?.node;
    if (def?.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
    // `let rows; try { rows = await q; } catch { … }`: the one value it is given
    const writes = variable!.references.filter((ref) => ref.isWrite() && !ref.init);
    const value = def.init ?? (writes.length === 1 ? writes[0]!.writeExpr : undefined);
    if (!value || (def.init && writes.length > 0)) return undefined;
    source = skipTransparent(value as Node);
  }
  if (source.type === AST_NODE_TYPES.AwaitExpression) source = skipTransparent(source.argument);
  return source.type === AST_NODE_TYPES.CallExpression ? source : undefined;
}

/**
 * What a query call selects by. A call of a function that gives a query's
 * result (`await this.findDue()`, `getPendingReminders()`, in this file or
 * an imported one) selects by that query's filter.
 */
function selectionOf(analysis: FileAnalysis, call: TSESTree.CallExpression, depth = 0): Filter {
  const filter = filterOf(analysis, call);
  if (filter.size > 0 || depth >= CALL_DEPTH) return filter;
  const callee = calleeFunction(analysis, call.callee)?.fn;
  if (!callee) return filter;
  const selected = new Map<string, string>();
  for (const returned of returnedExpressions(callee)) {
    const query = resultCall(analysis, returned);
    if (query) for (const [field, value] of selectionOf(analysis, query, depth + 1)) selected.set(field, value);
  }
  return selected;
}

/**
 * The statements of the loop's body (not in nested functions) that write a
 * field of the filter on the record to another value than the one selected:
 * `record.sent = true`, or an update naming the record whose fields hold one
 * (`Model.updateOne({ _id: record._id }, { sent: true })`,
 * `prisma.x.update({ where: { id: record.id }, data: { status: 'failed' } })`,
 * `.update({ sent: true }).eq('id', record.id)`). An attempt counter is no
 * mark: the query selects the record again until the count runs out.
 * `handed` gets the statements that hand the record to another function
 * (`await markFailed(record)`, `notify(record.id)`; not a log call), which
 * may mark it there.
 */
function markingStatements(analysis: FileAnalysis, loop: TSESTree.ForOfStatement, record: string, filter: Filter, handed: Set<TSESTree.Statement>): Map<TSESTree.Statement, string[]> {
  const marks = new Map<TSESTree.Statement, string[]>();
  const keys = analysis.sourceCode.visitorKeys;
  const text = (node: Node) => analysis.sourceCode.getText(node);
  const marked = (key: string | undefined, value: Node): key is string => key !== undefined && filter.has(key) && !COUNTER_FIELD.test(key) && filter.get(key) !== text(value);
  const isRecord = (node: Node): boolean => {
    const current = skipTransparent(node);
    if (current.type === AST_NODE_TYPES.Identifier) return current.name === record;
    return current.type === AST_NODE_TYPES.MemberExpression && isRecord(current.object);
  };
  const namesRecord = (node: Node) => {
    let found = false;
    walkNodes(node, keys, (n) => {
      if (n.type === AST_NODE_TYPES.Identifier && n.name === record) found = true;
      return found ? 'stop' : undefined;
    });
    return found;
  };
  const fieldsIn = (object: TSESTree.ObjectExpression): string[] => {
    const fields: string[] = [];
    for (const property of object.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const key = keyOf(property);
      const value = skipTransparent(property.value);
      if (key !== undefined && UPDATE_HOLDERS.has(key) && value.type === AST_NODE_TYPES.ObjectExpression) fields.push(...fieldsIn(value));
      else if (marked(key, property.value)) fields.push(key);
    }
    return fields;
  };
  const visitStatement = (statement: TSESTree.Statement) => {
    const fields: string[] = [];
    walkNodes(statement, keys, (node) => {
      if (isFunction(node)) return false;
      if (node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === '=' && node.left.type === AST_NODE_TYPES.MemberExpression) {
        const object = skipTransparent(node.left.object);
        const name = memberName(node.left);
        if (object.type === AST_NODE_TYPES.Identifier && object.name === record && typeof name === 'string' && marked(name, node.right)) fields.push(name);
      } else if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && /^(update|save|set|patch|upsert|findByIdAndUpdate|findOneAndUpdate)/i.test(String(memberName(node.callee)))) {
        const objects = node.arguments.map((a) => skipTransparent(a)).filter((a): a is TSESTree.ObjectExpression => a.type === AST_NODE_TYPES.ObjectExpression);
        // the update concerns the record: its arguments, or the statement's chain (`.update(…).eq('id', record.id)`), name it
        const written = objects.flatMap(fieldsIn);
        if (written.length > 0 && namesRecord(statement)) fields.push(...written);
      }
      return undefined;
    });
    // the statement's own call (`await markFailed(record, code)`, `const ok = await flag(record.id)`), not one inside it (`String(record.id)` in a log line)
    const own = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : statement.type === AST_NODE_TYPES.VariableDeclaration && statement.declarations.length === 1 ? statement.declarations[0]!.init : null;
    let call = own && skipTransparent(own);
    if (call?.type === AST_NODE_TYPES.AwaitExpression) call = skipTransparent(call.argument);
    if (call?.type === AST_NODE_TYPES.CallExpression && !isLogCall(call) && !analysis.calls.some((c) => c.node === call) && call.arguments.some(isRecord)) handed.add(statement);
    if (fields.length > 0) marks.set(statement, fields);
  };
  walkNodes(loop.body, keys, (node) => {
    if (isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.ExpressionStatement || node.type === AST_NODE_TYPES.VariableDeclaration) {
      visitStatement(node);
      return false;
    }
    return undefined;
  });
  return marks;
}

/** Query methods that look a row up (`findOne`, Prisma's `findFirst`, `count`). */
const LOOKUPS = /^(?:findOne|findFirst|findUnique|findOneBy|count|exists)$/;
/** Methods that add a row (`create`, `insert`, `insertOne`). */
const INSERTS = /^(?:create|insert|insertOne|bulkCreate|createMany)$/;

/**
 * A send log the loop checks before each send: `const sent = await
 * Log.findOne({ where: { lead_id: row.lead_id, step } }); if (sent)
 * continue;`, the lookup naming the record. A row the loop adds to that log
 * (`await Log.create({ …, status: 'FAILED' })`) keeps the record from being
 * sent again as surely as a write on the record itself: those statements.
 */
function sendLogWrites(analysis: FileAnalysis, loop: TSESTree.ForOfStatement, record: string, send: Node): TSESTree.Statement[] {
  if (loop.body.type !== AST_NODE_TYPES.BlockStatement) return [];
  const text = (node: Node) => analysis.sourceCode.getText(node);
  const namesRecord = new RegExp(`(?<![\\w$])${escapeRegExp(record)}(?![\\w$])`);
  const lookupTable = (node: Node | null | undefined): string | undefined => {
    let current = node && skipTransparent(node);
    if (current?.type === AST_NODE_TYPES.AwaitExpression) current = skipTransparent(current.argument);
    if (current?.type !== AST_NODE_TYPES.CallExpression || current.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = memberName(current.callee);
    return typeof method === 'string' && LOOKUPS.test(method) && current.arguments.some((a) => namesRecord.test(text(a))) ? text(current.callee.object) : undefined;
  };
  const tables = new Set<string>();
  const declared = new Map<string, string>();
  for (const statement of loop.body.body) {
    if (statement.range[1] > send.range[0]) break;
    if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const d of statement.declarations) {
        const table = d.id.type === AST_NODE_TYPES.Identifier ? lookupTable(d.init) : undefined;
        if (table && d.id.type === AST_NODE_TYPES.Identifier) declared.set(d.id.name, table);
      }
      continue;
    }
    if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate) continue;
    const skips = statement.consequent.type === AST_NODE_TYPES.ContinueStatement || (statement.consequent.type === AST_NODE_TYPES.BlockStatement && statement.consequent.body.length === 1 && statement.consequent.body[0]!.type === AST_NODE_TYPES.ContinueStatement);
    if (!skips) continue;
    const test = skipTransparent(statement.test);
    const table = test.type === AST_NODE_TYPES.Identifier ? declared.get(test.name) : lookupTable(test);
    if (table) tables.add(table);
  }
  if (tables.size === 0) return [];
  const found: TSESTree.Statement[] = [];
  walkNodes(loop.body, analysis.sourceCode.visitorKeys, (node) => {
    if (isFunction(node)) return false;
    if (node.type !== AST_NODE_TYPES.ExpressionStatement || node.range[0] < send.range[1]) return undefined;
    let call = skipTransparent(node.expression);
    if (call.type === AST_NODE_TYPES.AwaitExpression) call = skipTransparent(call.argument);
    if (call.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = memberName(call.callee);
      if (typeof method === 'string' && INSERTS.test(method) && tables.has(text(call.callee.object))) found.push(node);
    }
    return false;
  });
  return found;
}

/** A state that says a send failed (`'failed'`, `'FAILED'`, `Status.Failed`, `'undelivered'`). */
const FAILED_STATE = /fail|undeliver/i;
/** A filter that keeps records out rather than in (`$ne`, `notIn`, `not: 'failed'`). */
const NEGATED = /\$ne\b|\$nin\b|\bnotIn\b|\bnot\s*:/;
/** Query methods whose match is positive (`.eq('status', 'failed')`, `.in('status', [...])`), not `neq` or `not`. */
const POSITIVE_FILTERS = new Set(['eq', 'is', 'in', 'where', 'andWhere', 'whereIn', 'filter', 'match']);
/** A field holding a provider's code on a stored failure (`error_code`, `errorCode`, `code`, `failureCode`). */
const CODE_FIELD = /^(?:code|\w*(?:error|failure|fail|reason)_?code|\w*_?subcode)$/i;

/**
 * The filter, as written, by which a query selects the records whose send
 * failed: a status column matched positively against a failed state
 * (`.in('status', ['failed', 'undelivered'])`, `.eq('status', 'FAILED')`,
 * `findMany({ where: { status: 'FAILED' } })`, `find({ status: { $in: ['failed'] } })`).
 */
function failedSelection(analysis: FileAnalysis, query: TSESTree.CallExpression): string | undefined {
  let current: Node = query;
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const method = calleeName(current.callee);
    const [first, second] = current.arguments;
    const column = first && skipTransparent(first);
    if (method && POSITIVE_FILTERS.has(method) && second && column?.type === AST_NODE_TYPES.Literal && typeof column.value === 'string' && STATUS_FIELD.test(column.value)) {
      const value = textOf(analysis, second);
      if (FAILED_STATE.test(value)) return `.${textOf(analysis, current).slice(textOf(analysis, current.callee).length - method.length)}`;
    }
    for (const argument of current.arguments) {
      const value = skipTransparent(argument);
      if (value.type !== AST_NODE_TYPES.ObjectExpression) continue;
      const fields = new Map<string, string>();
      objectFilter(analysis, value, fields);
      for (const [field, text] of fields) if (STATUS_FIELD.test(field) && FAILED_STATE.test(text) && !NEGATED.test(text)) return `${field}: ${text}`;
    }
    if (current.callee.type !== AST_NODE_TYPES.MemberExpression) break;
    current = skipTransparent(current.callee.object);
  }
  return undefined;
}

/** Does a node read a code field (`log.error_code`, `row.errorCode`), outside nested functions? */
function readsCodeField(analysis: FileAnalysis, node: Node): boolean {
  let found = false;
  walkNodes(node, analysis.sourceCode.visitorKeys, (n) => {
    if (found) return 'stop';
    if (isFunction(n) && n !== node) return false;
    if (n.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(n);
      if (typeof name === 'string' && CODE_FIELD.test(name)) found = true;
    } else if (n.type === AST_NODE_TYPES.Literal && typeof n.value === 'string' && CODE_FIELD.test(n.value)) found = true;
    return undefined;
  });
  return found;
}

/**
 * A loop over the records a query selected because their send failed, that
 * sends for each record (the call is given the record or one of its fields)
 * and says it is a retry (it counts attempts, or its function is named for
 * one): every stored failure is sent again, whatever its code. Looking at the code
 * stored with the failure (in the query, in the loop before the send, or in
 * a function of the file the loop calls) may decide, and is not judged here.
 */
function failedReselect(analysis: FileAnalysis, loop: TSESTree.ForOfStatement, calls: ProviderCall[], record: string, query: TSESTree.CallExpression): RetryConstruct | undefined {
  const failed = failedSelection(analysis, query);
  if (!failed) return undefined;
  const namesRecord = (node: Node) => {
    let found = false;
    walkNodes(node, analysis.sourceCode.visitorKeys, (n) => {
      if (n.type === AST_NODE_TYPES.Identifier && n.name === record) found = true;
      return found ? 'stop' : undefined;
    });
    return found;
  };
  const resent = calls.filter((call) => call.node.arguments.some(namesRecord));
  const [first] = resent;
  if (!first) return undefined;
  // a retry says so: it counts the attempts (in the query, the loop or the file's function it calls) or is named for it
  // (`retryFailedMessages`, `resendFailed`); a notice to each customer whose payment failed does neither
  const fn = enclosingFunction(loop);
  const name = fn?.id?.name ?? (fn?.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.id.type === AST_NODE_TYPES.Identifier ? fn.parent.id.name : '');
  const wrappers = resent.map((call) => (call.wrapper && programOf(call.wrapper) === analysis.sourceCode.ast ? call.wrapper : undefined)).filter((w): w is FunctionNode => !!w);
  const counted = [query, loop.body, ...wrappers].some((node) => COUNTER_FIELD.test(textOf(analysis, node)));
  if (!counted && !/retr|resend|again/i.test(name)) return undefined;
  const before = loop.body.type === AST_NODE_TYPES.BlockStatement ? loop.body.body.filter((s) => s.range[1] <= first.node.range[0]) : [];
  const decided = readsCodeField(analysis, query) || before.some((s) => readsCodeField(analysis, s)) || wrappers.some((w) => readsCodeField(analysis, w));
  const built = construct({
    form: 'reselect',
    node: first.node,
    provider: first.provider,
    calls: resent,
    region: loop.body,
    delay: 'some', // the failure was stored earlier
    walk: (_entry, basis) => {
      basis.add(decided ? 'opaque' : 'nothing');
      return new Set([decided ? 'opaque' : 'retry']);
    },
  });
  return { ...built, reselect: { record, fields: [], failed } };
}

export function reselectConstructs(analysis: FileAnalysis): RetryConstruct[] {
  const loops = new Map<TSESTree.ForOfStatement, ProviderCall[]>();
  for (const call of analysis.calls) {
    for (let current: Node | undefined = call.node.parent; current; current = current.parent) {
      if (isFunction(current)) break;
      if (current.type === AST_NODE_TYPES.ForOfStatement) {
        loops.set(current, [...(loops.get(current) ?? []), call]);
        break;
      }
      if (current.type === AST_NODE_TYPES.ForStatement || current.type === AST_NODE_TYPES.WhileStatement || current.type === AST_NODE_TYPES.DoWhileStatement || current.type === AST_NODE_TYPES.ForInStatement) break;
    }
  }
  if (loops.size === 0) return [];
  let scheduled: Set<FunctionNode> | undefined;
  let elsewhere: Set<FunctionNode> | undefined;
  const found: RetryConstruct[] = [];
  for (const [loop, calls] of loops) {
    const left = loop.left.type === AST_NODE_TYPES.VariableDeclaration ? loop.left.declarations[0]?.id : loop.left;
    if (left?.type !== AST_NODE_TYPES.Identifier) continue;
    const query = resultCall(analysis, loop.right);
    // records selected because their send failed: each is sent again, scheduled or not
    const again = query && failedReselect(analysis, loop, calls, left.name, query);
    if (again) {
      found.push(again);
      continue;
    }
    const filter = query && selectionOf(analysis, query);
    if (!filter || filter.size === 0) continue;
    const handed = new Set<TSESTree.Statement>();
    const marks = markingStatements(analysis, loop, left.name, filter, handed);
    for (const statement of sendLogWrites(analysis, loop, left.name, calls[0]!.node)) handed.add(statement);
    // a record marked before its send (claimed as `processing`) is out of the selection whatever the send gives
    if (marks.size === 0 || [...marks.keys()].some((m) => m.range[0] < calls[0]!.node.range[0])) continue;
    const fn = enclosingFunction(loop);
    if (!fn) continue;
    scheduled ??= withCallees(analysis, scheduledRoots(analysis));
    if (!scheduled.has(fn) && !(elsewhere ??= scheduledElsewhere(analysis)).has(fn)) continue;
    const fields = [...new Set([...marks.values()].flat())];
    const built = sendLoop(analysis, loop, calls, {
      form: 'reselect',
      node: calls[0]!.node,
      // `continue`, `break`, a `return` or an uncaught `throw` leave the record as selected; marking it settles it
      overrides: { inLoop: true, isStopStatement: (s) => marks.has(s) || handed.has(s), onBreak: 'retry', onReturn: () => new Set(['retry']) },
      atEnd: 'retry',
      uncaught: 'retry',
      delay: 'some', // the next run of the schedule
      extra: { reselect: { record: left.name, fields } },
    });
    if (built) found.push(built);
  }
  return found;
}
