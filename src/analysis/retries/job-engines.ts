/**
 * Retries by job engines: a queue job or workflow activity that throws is run
 * again by the engine, so a job that throws on every provider error is a
 * blind retry, exactly like a loop.
 *
 * - BullMQ: a `Worker`'s processor (also one handed to a helper of the
 *   project that makes the `Worker` with it, `createWorker(name, async (job)
 *   => …)`), or a function taking a `Job` from bullmq,
 *   when the queue's jobs have `attempts` > 1 (per job in `add(…)`, or in the
 *   queue's `defaultJobOptions`, also those of a function making the queue
 *   of the name a call gives it, `getQueue(name)`; with NestJS, also `registerQueue`, and
 *   `BullModule.forRoot`'s defaults when the queue's own options give none;
 *   BullMQ's default is one attempt). Stops with `UnrecoverableError`.
 * - Bull (v3) through NestJS (`@nestjs/bull`): the `@Process()` methods of a
 *   `@Processor(name)` class, with attempts read as for BullMQ's NestJS
 *   queues (`registerQueue`, `add` on an `@InjectQueue(name)` queue,
 *   `forRoot`). Bull has no error that stops a retry: `job.discard()` before
 *   the throw does (https://github.com/OptimalBits/bull/blob/develop/REFERENCE.md#jobdiscard).
 * - Temporal: activities (the functions of a module that imports
 *   `@temporalio/activity`), retried by default without limit unless every
 *   `proxyActivities` of the project sets `retry.maximumAttempts: 1`. Stops
 *   with `ApplicationFailure.nonRetryable(…)`, `ApplicationFailure.create({
 *   nonRetryable: true })`, or an error class listed in
 *   `nonRetryableErrorTypes`.
 * - Inngest: `createFunction(config, trigger, handler)`, retried unless
 *   `retries: 0`; stops with `NonRetriableError`. A `step.run(id, fn)` outside
 *   a `createFunction` of the file (an executor handed `step` by a function
 *   defined elsewhere) is retried on its own, four times by default.
 * - Trigger.dev: `task({ run })` / `schemaTask`, retried unless
 *   `retry.maxAttempts: 1`; stops with `AbortTaskRunError`.
 * - pg-boss: `boss.work(queue, handler)` when the queue's jobs have a
 *   `retryLimit` > 0 (`send(…, { retryLimit })`, `createQueue(…, {
 *   retryLimit })`); pg-boss has no error that stops a retry: the handler must
 *   return instead of throwing.
 *
 * Option values are read in the file and, for BullMQ, pg-boss and Temporal
 * (where queues and workflows live elsewhere), in the project files that name
 * the engine.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, findProperty, functionName, isEnvironmentObject, isFunction, memberName, moduleExportName, programOf, skipTransparent, walkNodes, type FunctionNode, type Node } from '../ast.js';
import { importOf } from '../clients.js';
import type { FileAnalysis, ProviderCall } from '../file.js';
import { analysisAt, currentProject, pathOf } from '../imports.js';
import { importerAnalyses, projectFilesMatching } from '../importers.js';
import { calleeFunction, evaluateString, resolveExpression, returnedExpressions, staticValue } from '../values.js';
import { baseWalk, functionErrorPath, innermostTry } from './decision.js';
import { construct } from './construct.js';
import { functionValue, reached } from './library-calls.js';
import type { RetryConstruct } from './types.js';

export type JobEngine = 'bullmq' | 'bull' | 'temporal' | 'inngest' | 'trigger.dev' | 'pg-boss';

/** How to stop an engine from retrying a job, as messages say it. */
export const ENGINE_STOP: Readonly<Record<JobEngine, string>> = {
  bullmq: 'throw an UnrecoverableError',
  bull: 'call job.discard() before throwing',
  temporal: 'throw ApplicationFailure.nonRetryable()',
  inngest: 'throw a NonRetriableError',
  'trigger.dev': 'throw an AbortTaskRunError',
  'pg-boss': 'return instead of throwing',
};

/** A job handler and its engine. */
interface Handler {
  readonly engine: JobEngine;
  readonly fn: FunctionNode;
  /** Error class names that stop a retry besides the engine's own (Temporal's `nonRetryableErrorTypes`). */
  readonly stopTypes: readonly string[];
}

/** The module an identifier is imported from, or `undefined`. */
function moduleOf(analysis: FileAnalysis, node: Node): { module: string; name: string } | undefined {
  const current = skipTransparent(node);
  if (current.type === AST_NODE_TYPES.Identifier) return importOf(analysis, current);
  if (current.type === AST_NODE_TYPES.MemberExpression && current.object.type === AST_NODE_TYPES.Identifier) {
    const source = importOf(analysis, current.object);
    const name = memberName(current);
    return source && typeof name === 'string' ? { module: source.module, name } : undefined;
  }
  return undefined;
}

const fromModule = (analysis: FileAnalysis, node: Node, module: RegExp, name: string): boolean => {
  const source = moduleOf(analysis, node);
  if (!source || source.name !== name) return false;
  if (module.test(source.module)) return true;
  // a project module that imports the class and exports it again (`import { Queue } from 'bullmq'; export { Queue }`)
  const current = skipTransparent(node);
  if (!source.module.startsWith('.') || current.type !== AST_NODE_TYPES.Identifier) return false;
  const binding = analysis.imports?.resolveImport(current);
  const specifier = binding?.parent;
  const declaration = specifier?.parent;
  return (
    specifier?.type === AST_NODE_TYPES.ImportSpecifier &&
    specifier.local === binding &&
    moduleExportName(specifier.imported) === name &&
    declaration?.type === AST_NODE_TYPES.ImportDeclaration &&
    module.test(String(declaration.source.value))
  );
};

function numberOption(analysis: FileAnalysis, object: Node | undefined, path: readonly string[]): number | undefined {
  let current = object && resolveExpression(analysis, object);
  for (const key of path) {
    if (current?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const property = findProperty(current, key);
    current = property && resolveExpression(analysis, property.value);
  }
  if (!current) return undefined;
  const value = staticValue(analysis, current);
  return typeof value === 'number' ? value : envDefault(analysis, current);
}

/** The conversions a number read from the environment goes through: `parseInt(…, 10)`, `Number(…)`, `parseFloat(…)`. */
const TO_NUMBER = new Set(['parseInt', 'Number', 'parseFloat']);

/**
 * A number the environment may set, with the code's own default:
 * `parseInt(process.env.QUEUE_ATTEMPTS || '5', 10)`, `Number(process.env.X ?? 3)`, `+(process.env.X || 3)`. The
 * default is what the code does unless configured otherwise, so it counts as the value.
 */
function envDefault(analysis: FileAnalysis, node: Node): number | undefined {
  let current = skipTransparent(node);
  if (current.type === AST_NODE_TYPES.UnaryExpression && current.operator === '+') current = skipTransparent(current.argument);
  else if (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.Identifier && TO_NUMBER.has(current.callee.name) && current.arguments[0]) {
    current = skipTransparent(current.arguments[0]);
  }
  if (current.type !== AST_NODE_TYPES.LogicalExpression || current.operator === '&&') return undefined;
  const read = skipTransparent(current.left);
  if (read.type !== AST_NODE_TYPES.MemberExpression || !isEnvironmentObject(read.object)) return undefined;
  const fallback = staticValue(analysis, current.right);
  const value = typeof fallback === 'string' && /^\s*\d+\s*$/.test(fallback) ? Number(fallback) : fallback;
  return typeof value === 'number' ? value : undefined;
}

/** The static name of a queue (`'send-whatsapp'`, a constant, an imported one). */
function queueName(analysis: FileAnalysis, node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const value = evaluateString(analysis, node);
  return value.text.includes('\u0000') ? undefined : value.text;
}

/** Text of a file that gives jobs attempts, or adds jobs with options that may hold them. */
const ADDS_OR_ATTEMPTS = /attempts|\.add(?:Bulk)?\s*\(/;

/** NestJS's queue modules: `@nestjs/bullmq` (BullMQ) and `@nestjs/bull` (Bull v3), with the same queue registration and injection. */
const NEST_BULL = /^@nestjs\/bull(?:mq)?$/;

/** BullMQ: the largest `attempts` given to jobs of the queue, here or in the project's files that use bullmq. */
function bullAttempts(analysis: FileAnalysis, name: string): number | undefined {
  let best: number | undefined;
  const scan = (file: FileAnalysis) => {
    const queues = new Set<Node>();
    for (const call of file.allNews) {
      if (!fromModule(file, call.callee, /^bullmq$/, 'Queue') || queueName(file, call.arguments[0]) !== name) continue;
      queues.add(call);
      const attempts = numberOption(file, call.arguments[1], ['defaultJobOptions', 'attempts']);
      if (attempts !== undefined) best = Math.max(best ?? 0, attempts);
    }
    for (const call of file.allCalls) {
      const callee = skipTransparent(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || (memberName(callee) !== 'add' && memberName(callee) !== 'addBulk')) continue;
      if (!queueValues(resolveExpression(file, callee.object)).some((value) => queues.has(value))) continue;
      const attempts = numberOption(file, call.arguments[2], ['attempts']);
      if (attempts !== undefined) best = Math.max(best ?? 0, attempts);
    }
  };
  scan(analysis);
  // the attempts every queue gets from `BullModule.forRoot`, unless the queue's own options give some
  let rootBest: number | undefined;
  const nest = (file: FileAnalysis) => {
    const attempts = nestAttempts(file, name);
    if (attempts !== undefined) best = Math.max(best ?? 0, attempts);
    const root = nestRootAttempts(file);
    if (root !== undefined) rootBest = Math.max(rootBest ?? 0, root);
  };
  nest(analysis);
  // the queue is made in another file (its attempts are there), unless this file registers it with Nest
  if (best === undefined && !analysis.allNews.some((node) => fromModule(analysis, node.callee, /^bullmq$/, 'Queue') && queueName(analysis, node.arguments[0]) === name)) {
    // a file that adds jobs may take their options from another module (`queue.add(name, data, JOB_OPTIONS)`)
    forProjectFiles(analysis, /@nestjs\/bull/, ADDS_OR_ATTEMPTS, nest);
    forProjectFiles(analysis, /bullmq/, ADDS_OR_ATTEMPTS, scan);
  }
  // the queue is made in one module and its jobs added in the files that import it (a controller, a service)
  if (best === undefined) best = importedQueueAttempts(analysis, name);
  return best ?? rootBest;
}

/** The values a queue's variable holds: the `new Queue(…)` of `redis ? new Queue(…) : null` or `cached ?? new Queue(…)`. */
function queueValues(node: Node): Node[] {
  const current = skipTransparent(node);
  if (current.type === AST_NODE_TYPES.ConditionalExpression) return [...queueValues(current.consequent), ...queueValues(current.alternate)];
  if (current.type === AST_NODE_TYPES.LogicalExpression) return [...queueValues(current.left), ...queueValues(current.right)];
  return [current];
}

/** Text that adds a job and sets attempts: `queue.add(name, data, { attempts })`. */
const ADDS_WITH_ATTEMPTS = (text: string): boolean => text.length <= MAX_SCANNED && /\.add\s*\(/.test(text) && /attempts/.test(text);

/** Where a node is: its file and offset (the linted file's tree and the one its importers resolve to are two parses). */
const placeOf = (node: Node): string | undefined => {
  const path = pathOf(node);
  return path === undefined ? undefined : `${path}:${node.range[0]}`;
};

/**
 * BullMQ: the largest `attempts` given to jobs of the queue by the files that
 * import the queue from the module making it (`export const mailQueue = new
 * Queue('mail')` in one file, `mailQueue.add('send', data, { attempts: 5 })`
 * in a controller that imports it). Those modules are found among the
 * project's files whose text makes a `new Queue`; of their importers, only
 * those whose text adds a job with attempts are read. A queue factory of
 * those files (`getQueue(name)`, see `queueFactory`) counts with its own
 * attempts when a call of it names the queue.
 */
function importedQueueAttempts(analysis: FileAnalysis, name: string): number | undefined {
  const project = currentProject();
  if (!project) return undefined;
  const makers = new Map<string, Set<string>>();
  let best: number | undefined;
  const collect = (file: FileAnalysis) => {
    const path = file.fileName;
    if (path === undefined) return;
    for (const node of file.allNews) {
      if (!fromModule(file, node.callee, /^bullmq$/, 'Queue')) continue;
      const factory = queueFactory(file, node);
      if (factory) {
        const attempts = factoryAttempts(file, path, factory, name);
        if (attempts !== undefined) best = Math.max(best ?? 0, attempts);
        continue;
      }
      if (queueName(file, node.arguments[0]) !== name) continue;
      const place = placeOf(node);
      if (place === undefined) continue;
      const places = makers.get(path) ?? new Set<string>();
      places.add(place);
      makers.set(path, places);
    }
  };
  collect(analysis);
  // (not only files naming bullmq: the class may come through a module of the project that exports it again)
  for (const path of projectFilesMatching(project, (text) => text.length <= MAX_SCANNED && /new\s+Queue\b/.test(text))) {
    if (path === analysis.fileName) continue;
    const other = analysisAt(project, path);
    if (other) collect(other);
  }
  for (const [path, places] of makers) {
    for (const importer of importerAnalyses(project, path, ADDS_WITH_ATTEMPTS)) {
      for (const call of importer.callsNamed('add')) {
        const callee = skipTransparent(call.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
        if (!queueValues(resolveExpression(importer, callee.object)).some((value) => places.has(placeOf(value) ?? ''))) continue;
        const attempts = numberOption(importer, call.arguments[2], ['attempts']);
        if (attempts !== undefined) best = Math.max(best ?? 0, attempts);
      }
    }
  }
  return best;
}

/**
 * A function that makes a queue of the name it is given, with attempts for
 * every job of it: `function getQueue(name) { … new Queue(name, {
 * defaultJobOptions: { attempts: 3 } }) … }` (often kept in a map by name).
 * `index` is the name's parameter.
 */
type QueueFactory = { fn: FunctionNode; index: number; attempts: number };

function queueFactory(file: FileAnalysis, node: TSESTree.NewExpression): QueueFactory | undefined {
  const first = node.arguments[0] && skipTransparent(node.arguments[0]);
  if (first?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const fn = enclosingFunction(node);
  const index = fn ? fn.params.findIndex((p) => p.type === AST_NODE_TYPES.Identifier && p.name === first.name) : -1;
  if (!fn || index < 0) return undefined;
  const attempts = numberOption(file, node.arguments[1], ['defaultJobOptions', 'attempts']);
  return attempts === undefined ? undefined : { fn, index, attempts };
}

/** The text test of a file that may call a queue factory by its name (one test per name, so each file's answer is kept). */
const CALLER_TESTS = new Map<string, (text: string) => boolean>();
function callerTest(name: string): (text: string) => boolean {
  let test = CALLER_TESTS.get(name);
  if (!test) {
    test = (text: string): boolean => text.length <= MAX_SCANNED && text.includes(name);
    CALLER_TESTS.set(name, test);
  }
  return test;
}

/**
 * The attempts a queue factory gives the queue `name`: its `defaultJobOptions`
 * when a call of it, in its module or in a file importing it, gives that name
 * (`getQueue(QUEUE_NAMES.WHATSAPP).add(…)`). A factory no call names the queue
 * with says nothing about that queue.
 */
function factoryAttempts(file: FileAnalysis, path: string, factory: QueueFactory, name: string): number | undefined {
  const project = currentProject();
  const place = placeOf(factory.fn);
  const called = functionName(factory.fn);
  if (!project || place === undefined || called === undefined) return undefined;
  const names = (other: FileAnalysis): boolean =>
    other.callsNamed(called).some((call) => {
      const argument = call.arguments[factory.index];
      if (!argument || queueName(other, argument) !== name) return false;
      const callee = calleeFunction(other, call.callee)?.fn;
      return !!callee && placeOf(callee) === place;
    });
  return names(file) || importerAnalyses(project, path, callerTest(called)).some(names) ? factory.attempts : undefined;
}

/**
 * NestJS (@nestjs/bullmq): the largest `attempts` a file gives jobs of the
 * queue: `BullModule.registerQueue({ name, defaultJobOptions: { attempts } })`,
 * or `this.queue.add(job, data, { attempts })` on a constructor parameter
 * injected with `@InjectQueue(name)`
 * (https://docs.nestjs.com/techniques/queues).
 */
function nestAttempts(file: FileAnalysis, name: string): number | undefined {
  if (!/@nestjs\/bull/.test(file.sourceCode.text)) return undefined;
  let best: number | undefined;
  const injected = new Set<string>();
  walkNodes(file.sourceCode.ast, file.sourceCode.visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.MethodDefinition || node.kind !== 'constructor') return undefined;
    for (const param of node.value.params) {
      const target = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
      const decorators = [...(param.decorators ?? []), ...(param !== target ? target.decorators ?? [] : [])];
      if (target.type !== AST_NODE_TYPES.Identifier) continue;
      for (const decorator of decorators) {
        const call = decorator.expression;
        if (call.type === AST_NODE_TYPES.CallExpression && fromModule(file, call.callee, NEST_BULL, 'InjectQueue') && queueName(file, call.arguments[0]) === name) injected.add(target.name);
      }
    }
    return false;
  });
  for (const call of file.allCalls) {
    const callee = skipTransparent(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    const method = memberName(callee);
    if (method === 'registerQueue' && fromModule(file, callee.object, NEST_BULL, 'BullModule')) {
      for (const arg of call.arguments) {
        const options = resolveExpression(file, arg);
        const named = options.type === AST_NODE_TYPES.ObjectExpression ? findProperty(options, 'name') : undefined;
        if (!named || queueName(file, named.value) !== name) continue;
        const attempts = numberOption(file, options, ['defaultJobOptions', 'attempts']);
        if (attempts !== undefined) best = Math.max(best ?? 0, attempts);
      }
    } else if ((method === 'add' || method === 'addBulk') && injected.size > 0) {
      const receiver = skipTransparent(callee.object);
      const field = receiver.type === AST_NODE_TYPES.MemberExpression && receiver.object.type === AST_NODE_TYPES.ThisExpression ? memberName(receiver) : undefined;
      if (typeof field !== 'string' || !injected.has(field)) continue;
      const attempts = numberOption(file, call.arguments[2], ['attempts']);
      if (attempts !== undefined) best = Math.max(best ?? 0, attempts);
    }
  }
  return best;
}

/**
 * NestJS (@nestjs/bullmq): the `attempts` of the `defaultJobOptions` that
 * `BullModule.forRoot(options)` / `forRoot(configKey, options)` or
 * `forRootAsync({ useFactory })` (the object its factory returns) gives
 * every queue (https://docs.nestjs.com/techniques/queues); a queue's own
 * options come first.
 */
function nestRootAttempts(file: FileAnalysis): number | undefined {
  if (!/@nestjs\/bull/.test(file.sourceCode.text) || !/forRoot/.test(file.sourceCode.text)) return undefined;
  let best: number | undefined;
  for (const call of file.callsNamed('forRoot').concat(file.callsNamed('forRootAsync'))) {
    const callee = skipTransparent(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !fromModule(file, callee.object, NEST_BULL, 'BullModule')) continue;
    const options: Node[] = [];
    for (const arg of call.arguments) {
      const value = resolveExpression(file, arg);
      if (value.type !== AST_NODE_TYPES.ObjectExpression) continue;
      const factory = memberName(callee) === 'forRootAsync' ? findProperty(value, 'useFactory')?.value : undefined;
      const fn = factory && resolveExpression(file, factory);
      if (fn && (fn.type === AST_NODE_TYPES.ArrowFunctionExpression || fn.type === AST_NODE_TYPES.FunctionExpression)) options.push(...returnedExpressions(fn));
      else options.push(value);
    }
    for (const option of options) {
      const attempts = numberOption(file, option, ['defaultJobOptions', 'attempts']);
      if (attempts !== undefined) best = Math.max(best ?? 0, attempts);
    }
  }
  return best;
}

/** NestJS: the `process` method of each class decorated `@Processor(name)` (@nestjs/bullmq), or its `@Process()` methods (@nestjs/bull), with its queue's name and engine. */
function nestProcessors(analysis: FileAnalysis): { name: string; fn: FunctionNode; engine: 'bullmq' | 'bull' }[] {
  if (!/@nestjs\/bull/.test(analysis.sourceCode.text)) return [];
  const found: { name: string; fn: FunctionNode; engine: 'bullmq' | 'bull' }[] = [];
  walkNodes(analysis.sourceCode.ast, analysis.sourceCode.visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.ClassDeclaration && node.type !== AST_NODE_TYPES.ClassExpression) return undefined;
    for (const decorator of node.decorators ?? []) {
      const call = decorator.expression;
      if (call.type !== AST_NODE_TYPES.CallExpression || !fromModule(analysis, call.callee, NEST_BULL, 'Processor')) continue;
      const bull = fromModule(analysis, call.callee, /^@nestjs\/bull$/, 'Processor');
      const first = call.arguments[0] && resolveExpression(analysis, call.arguments[0]);
      const named = first?.type === AST_NODE_TYPES.ObjectExpression ? findProperty(first, 'name')?.value : first;
      const name = queueName(analysis, named);
      if (name === undefined) continue;
      for (const member of node.body.body) {
        if (member.type !== AST_NODE_TYPES.MethodDefinition || member.value.type !== AST_NODE_TYPES.FunctionExpression) continue;
        // Bull v3: the methods decorated `@Process()` / `@Process(jobName)`; BullMQ: the WorkerHost's `process`
        const handles = bull
          ? member.decorators.some((d) => d.expression.type === AST_NODE_TYPES.CallExpression && fromModule(analysis, d.expression.callee, /^@nestjs\/bull$/, 'Process'))
          : member.key.type === AST_NODE_TYPES.Identifier && member.key.name === 'process';
        if (handles) found.push({ name, fn: member.value, engine: bull ? 'bull' : 'bullmq' });
      }
    }
    return false;
  });
  return found;
}

/** pg-boss: the largest `retryLimit` given to jobs of the queue, here or in the project's files that use pg-boss. */
function bossRetryLimit(analysis: FileAnalysis, name: string): number | undefined {
  let best: number | undefined;
  const scan = (file: FileAnalysis) => {
    for (const call of file.allCalls) {
      const callee = skipTransparent(call.callee);
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
      if ((method !== 'send' && method !== 'createQueue' && method !== 'insert') || queueName(file, call.arguments[0]) !== name) continue;
      const options = method === 'send' ? call.arguments[2] : call.arguments[1];
      const limit = numberOption(file, options, ['retryLimit']);
      if (limit !== undefined) best = Math.max(best ?? 0, limit);
    }
  };
  scan(analysis);
  if (best === undefined) forProjectFiles(analysis, /pg-boss/, /retryLimit/, scan);
  return best;
}

/** Temporal: is every `proxyActivities` of the project told not to retry, and which error types stop a retry? */
function temporalPolicy(analysis: FileAnalysis): { retried: boolean; stopTypes: string[] } {
  const maxima: (number | undefined)[] = [];
  const stopTypes: string[] = [];
  const scan = (file: FileAnalysis) => {
    for (const call of file.allCalls) {
      if (!fromModule(file, call.callee, /^@temporalio\/workflow$/, 'proxyActivities')) continue;
      maxima.push(numberOption(file, call.arguments[0], ['retry', 'maximumAttempts']));
      const options = call.arguments[0] && resolveExpression(file, call.arguments[0]);
      const retry = options?.type === AST_NODE_TYPES.ObjectExpression ? findProperty(options, 'retry') : undefined;
      const policy = retry && resolveExpression(file, retry.value);
      const types = policy?.type === AST_NODE_TYPES.ObjectExpression ? findProperty(policy, 'nonRetryableErrorTypes') : undefined;
      const list = types && resolveExpression(file, types.value);
      if (list?.type === AST_NODE_TYPES.ArrayExpression) {
        for (const element of list.elements) {
          const value = element && element.type !== AST_NODE_TYPES.SpreadElement ? staticValue(file, element) : undefined;
          if (typeof value === 'string') stopTypes.push(value);
        }
      }
    }
  };
  scan(analysis);
  if (maxima.length === 0) forProjectFiles(analysis, /@temporalio\/workflow/, /proxyActivities/, scan);
  return { retried: maxima.length === 0 || maxima.some((m) => m === undefined || m > 1), stopTypes };
}

/** Larger files are not where a project defines its queues. */
const MAX_SCANNED = 100_000;

/** Runs `scan` over the analyses of the project's files whose text matches both patterns (not the file itself). */
function forProjectFiles(analysis: FileAnalysis, first: RegExp, second: RegExp, scan: (file: FileAnalysis) => void): void {
  const project = currentProject();
  if (!project) return;
  const self = analysis.fileName;
  for (const path of projectFilesMatching(project, (text) => text.length <= MAX_SCANNED && first.test(text) && second.test(text))) {
    if (path === self) continue;
    const other = analysisAt(project, path);
    if (other) scan(other);
  }
}

/** The job handlers of the file that reach a provider, with their engine. */
function handlers(analysis: FileAnalysis): Handler[] {
  const found: Handler[] = [];
  const add = (engine: JobEngine, fn: FunctionNode | undefined, stopTypes: readonly string[] = []) => {
    if (fn && reached(analysis, fn)) found.push({ engine, fn, stopTypes });
  };
  // BullMQ: new Worker(name, processor, opts) when the queue's jobs get more than one attempt
  for (const node of analysis.allNews) {
    if (!fromModule(analysis, node.callee, /^bullmq$/, 'Worker')) continue;
    // what the queue's jobs are given is looked up (in other files too) only for a processor that reaches a provider
    const processor = functionValue(analysis, node.arguments[1]);
    if (!processor || !reached(analysis, processor)) continue;
    const name = queueName(analysis, node.arguments[0]);
    const attempts = name === undefined ? undefined : bullAttempts(analysis, name);
    if (attempts !== undefined && attempts > 1) add('bullmq', processor);
  }
  // BullMQ: a processor handed to a helper that makes the Worker with it (`createWhatsAppWorker(async (job) => …)`)
  for (const call of analysis.allCalls) {
    const handed = handedToWorker(analysis, call);
    if (!handed || found.some((h) => h.fn === handed.processor)) continue;
    const attempts = bullAttempts(handed.file, handed.name);
    if (attempts !== undefined && attempts > 1) add('bullmq', handed.processor);
  }
  // NestJS: `@Processor(name) class … extends WorkerHost { process(job) }`, the queue's jobs tried more than once
  for (const { name, fn, engine } of nestProcessors(analysis)) {
    const attempts = bullAttempts(analysis, name);
    if (attempts !== undefined && attempts > 1) add(engine, fn);
  }
  const namesInngest = /\binngest\b/.test(analysis.sourceCode.text);
  const namesPgBoss = /pg-boss/.test(analysis.sourceCode.text);
  for (const call of analysis.allCalls) {
    const callee = skipTransparent(call.callee);
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
    // Inngest: inngest.createFunction(config, trigger, handler)
    if (method === 'createFunction' && call.arguments.length >= 3 && namesInngest) {
      if (numberOption(analysis, call.arguments[0], ['retries']) !== 0) add('inngest', functionValue(analysis, call.arguments[2]));
      continue;
    }
    // Inngest: a step of a function defined in another file (`step.run(id, fn)` in an executor handed `step`)
    if (method === 'run' && call.arguments.length >= 2 && isInngestStep(callee) && namesInngest && !insideCreateFunction(call)) {
      add('inngest', functionValue(analysis, call.arguments[1]));
      continue;
    }
    // Trigger.dev: task({ id, run, retry: { maxAttempts } })
    if ((method === 'task' || method === 'schemaTask') && fromModule(analysis, call.callee, /^@trigger\.dev\/sdk/, method)) {
      const options = call.arguments[0] && resolveExpression(analysis, call.arguments[0]);
      const run = options?.type === AST_NODE_TYPES.ObjectExpression ? findProperty(options, 'run') : undefined;
      if (numberOption(analysis, options, ['retry', 'maxAttempts']) !== 1) add('trigger.dev', run && functionValue(analysis, run.value));
      continue;
    }
    // pg-boss: boss.work(queue, [options,] handler) when the queue's jobs have a retryLimit
    if (method === 'work' && namesPgBoss) {
      const name = queueName(analysis, call.arguments[0]);
      const limit = name === undefined ? undefined : bossRetryLimit(analysis, name);
      if (limit !== undefined && limit > 0) add('pg-boss', functionValue(analysis, call.arguments.at(-1)));
    }
  }
  // Temporal: the exported functions of an activities module
  if (/@temporalio\/activity/.test(analysis.sourceCode.text)) {
    const policy = temporalPolicy(analysis);
    if (policy.retried) for (const fn of exportedFunctions(analysis)) add('temporal', fn, policy.stopTypes);
  }
  // BullMQ: a processor declared with a `Job` parameter, run by a Worker of another file
  for (const fn of exportedFunctions(analysis)) {
    if (found.some((h) => h.fn === fn)) continue;
    const param = fn.params[0];
    const type = param?.type === AST_NODE_TYPES.Identifier ? param.typeAnnotation?.typeAnnotation : undefined;
    if (type?.type !== AST_NODE_TYPES.TSTypeReference || !fromModule(analysis, type.typeName, /^bullmq$/, 'Job')) continue;
    const attempts = workerAttemptsFor(analysis, fn);
    if (attempts !== undefined && attempts > 1) add('bullmq', fn);
  }
  return found;
}

/**
 * A processor that reaches a provider, handed to a helper of the project (or
 * of this file) that makes a BullMQ `Worker` with that parameter:
 * `createWorker(QUEUES.WHATSAPP, async (job) => send(job.data))` with
 * `function createWorker(name, processor) { return new Worker(name,
 * processor, { connection }) }`. The queue's name is the helper's own value,
 * or what the call gives for the helper's parameter; `file` is the helper's
 * module, where the queue's attempts are looked up. Only calls handing over
 * a function that reaches a provider are followed into the helper.
 */
function handedToWorker(analysis: FileAnalysis, call: TSESTree.CallExpression): { processor: FunctionNode; name: string; file: FileAnalysis } | undefined {
  let index = -1;
  let processor: FunctionNode | undefined;
  for (const [i, arg] of call.arguments.entries()) {
    const current = skipTransparent(arg);
    const fn = isFunction(current) ? current : current.type === AST_NODE_TYPES.Identifier ? functionValue(analysis, current) : undefined;
    if (fn && reached(analysis, fn)) {
      index = i;
      processor = fn;
      break;
    }
  }
  if (!processor) return undefined;
  const helper = calleeFunction(analysis, call.callee)?.fn;
  const param = helper?.params[index];
  if (!helper || param?.type !== AST_NODE_TYPES.Identifier) return undefined;
  let file: FileAnalysis | undefined = analysis;
  if (programOf(helper) !== analysis.sourceCode.ast) {
    const project = currentProject();
    const path = pathOf(helper);
    file = project && path !== undefined ? analysisAt(project, path) : undefined;
  }
  if (!file) return undefined;
  const [start, end] = helper.range;
  const paramName = (node: Node | undefined): number => {
    const current = node && skipTransparent(node);
    return current?.type === AST_NODE_TYPES.Identifier ? helper.params.findIndex((p) => p.type === AST_NODE_TYPES.Identifier && p.name === current.name) : -1;
  };
  for (const node of file.allNews) {
    if (node.range[0] < start || node.range[1] > end || !fromModule(file, node.callee, /^bullmq$/, 'Worker')) continue;
    if (paramName(node.arguments[1]) !== index) continue;
    const nameParam = paramName(node.arguments[0]);
    const name = nameParam >= 0 ? queueName(analysis, call.arguments[nameParam]) : queueName(file, node.arguments[0]);
    return name === undefined ? undefined : { processor, name, file };
  }
  return undefined;
}

/**
 * `step.run` where `step` is the step tools Inngest hands a function
 * (`step`, `ctx.step`): each step is retried on its own, four times by default
 * and as often as the function's `retries` says
 * (https://www.inngest.com/docs/durable-execution/primitives/step-run).
 */
function isInngestStep(callee: Node): boolean {
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = skipTransparent(callee.object);
  return (object.type === AST_NODE_TYPES.Identifier && object.name === 'step') || (object.type === AST_NODE_TYPES.MemberExpression && memberName(object) === 'step');
}

/** Is a call inside the handler of a `createFunction(…)` of this file? That function is judged as a whole, with its own `retries`. */
function insideCreateFunction(call: Node): boolean {
  for (let current = call.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression && memberName(current.callee) === 'createFunction') return true;
  }
  return false;
}

/** The attempts of the queue whose Worker (in another project file) runs `fn`. */
function workerAttemptsFor(analysis: FileAnalysis, fn: FunctionNode): number | undefined {
  let best: number | undefined;
  forProjectFiles(analysis, /bullmq/, /new Worker/, (file) => {
    for (const node of file.allNews) {
      if (!fromModule(file, node.callee, /^bullmq$/, 'Worker') || functionValue(file, node.arguments[1]) !== fn) continue;
      const name = queueName(file, node.arguments[0]);
      const attempts = name === undefined ? undefined : bullAttempts(file, name);
      if (attempts !== undefined) best = Math.max(best ?? 0, attempts);
    }
  });
  return best;
}

/** Functions a module exports (declarations, `export const f = () => …`, `export { f }`). */
function exportedFunctions(analysis: FileAnalysis): FunctionNode[] {
  const found: FunctionNode[] = [];
  for (const statement of analysis.sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration && statement.type !== AST_NODE_TYPES.ExportDefaultDeclaration) continue;
    const declaration = statement.declaration;
    if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration || declaration?.type === AST_NODE_TYPES.ArrowFunctionExpression || declaration?.type === AST_NODE_TYPES.FunctionExpression) {
      found.push(declaration);
    } else if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of declaration.declarations) {
        const init = declarator.init && skipTransparent(declarator.init);
        if (init && isFunction(init)) found.push(init);
      }
    } else if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && !statement.source) {
      for (const specifier of statement.specifiers) {
        if (specifier.local.type !== AST_NODE_TYPES.Identifier) continue;
        const fn = analysis.functionOf(specifier.local);
        if (fn) found.push(fn);
      }
    }
  }
  return found;
}

/** Does a thrown value stop the engine's retries? */
function stops(analysis: FileAnalysis, handler: Handler, argument: Node | null): boolean {
  if (!argument) return false;
  if (handler.engine === 'bull') return discardedBefore(handler, argument);
  let thrown = skipTransparent(argument);
  if (thrown.type === AST_NODE_TYPES.Identifier) thrown = resolveExpression(analysis, thrown);
  if (thrown.type === AST_NODE_TYPES.NewExpression) {
    const callee = skipTransparent(thrown.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
    switch (handler.engine) {
      case 'bullmq':
        return fromModule(analysis, callee, /^bullmq$/, 'UnrecoverableError');
      case 'inngest':
        return fromModule(analysis, callee, /^inngest/, 'NonRetriableError');
      case 'trigger.dev':
        return fromModule(analysis, callee, /^@trigger\.dev\/sdk/, 'AbortTaskRunError');
      case 'temporal':
        return name !== undefined && handler.stopTypes.includes(name);
      default:
        return false;
    }
  }
  // Temporal: ApplicationFailure.nonRetryable(…), ApplicationFailure.create({ nonRetryable: true })
  if (handler.engine === 'temporal' && thrown.type === AST_NODE_TYPES.CallExpression && thrown.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = memberName(thrown.callee);
    if (!fromModule(analysis, thrown.callee.object, /^@temporalio\//, 'ApplicationFailure')) return false;
    if (method === 'nonRetryable') return true;
    if (method !== 'create') return false;
    const options = thrown.arguments[0] && resolveExpression(analysis, thrown.arguments[0]);
    const flag = options?.type === AST_NODE_TYPES.ObjectExpression ? findProperty(options, 'nonRetryable') : undefined;
    return !!flag && staticValue(analysis, flag.value) === true;
  }
  return false;
}

/**
 * Bull v3: has the job been discarded (`job.discard()`, `await job.discard()`)
 * in a statement before the `throw`, in its block or an enclosing one of the
 * handler? Then the throw fails the job for good.
 */
function discardedBefore(handler: Handler, argument: Node): boolean {
  for (let current: Node = argument; current !== handler.fn && current.parent; current = current.parent) {
    const parent: Node = current.parent;
    if (parent.type !== AST_NODE_TYPES.BlockStatement) continue;
    for (const statement of parent.body.slice(0, parent.body.indexOf(current as TSESTree.Statement))) {
      if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
      let expression = skipTransparent(statement.expression);
      if (expression.type === AST_NODE_TYPES.AwaitExpression) expression = skipTransparent(expression.argument);
      if (expression.type === AST_NODE_TYPES.CallExpression && expression.callee.type === AST_NODE_TYPES.MemberExpression && memberName(expression.callee) === 'discard') return true;
    }
  }
  return false;
}

/**
 * Where a job leaves a provider error to be re-run: the provider call when
 * nothing catches its rejection, else the catch's first `throw` that does not
 * stop the engine.
 */
function reportAt(analysis: FileAnalysis, handler: Handler, call: TSESTree.CallExpression): Node {
  const tryStatement = innermostTry(call, handler.fn);
  if (!tryStatement?.handler) return call;
  let found: Node | undefined;
  walkNodes(tryStatement.handler.body, analysis.sourceCode.visitorKeys, (node) => {
    if (found) return 'stop';
    if (isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.ThrowStatement && !stops(analysis, handler, node.argument)) found = node;
    return undefined;
  });
  return found ?? call;
}

/** Does some documented code of the construct's provider re-run the job (or leave it unknown)? */
function reRuns(job: RetryConstruct): boolean {
  return job.provider.def.errors.some((entry) => job.verdict(entry) !== 'not-retried');
}

/** Every job handler of the file that an engine re-runs when it throws. */
export function jobConstructs(analysis: FileAnalysis): RetryConstruct[] {
  const found: RetryConstruct[] = [];
  for (const handler of handlers(analysis)) {
    const target = reached(analysis, handler.fn)!;
    if (!target.call) continue;
    const stopped = (statement: TSESTree.ThrowStatement) => stops(analysis, handler, statement.argument);
    const build = (call: ProviderCall): RetryConstruct =>
      construct({
        form: 'job',
        library: handler.engine,
        node: reportAt(analysis, handler, call.node),
        provider: call.provider,
        calls: [call],
        region: handler.fn,
        delay: 'some', // engines back off between attempts
        walk: (entry, basis) => functionErrorPath(analysis, handler.fn, baseWalk(analysis, entry, call.provider, basis, { onThrow: (t) => (stopped(t) ? 'stop' : 'retry') }), call),
      });
    // any provider call of the handler can fail the job: when the first one's errors never leave it (its
    // catch keeps them), the first later call whose errors re-run the job is the one that matters
    let chosen = build(target.call);
    const [start, end] = handler.fn.range;
    for (const call of analysis.calls) {
      if (reRuns(chosen)) break;
      if (call === target.call || call.node.range[0] < start || call.node.range[1] > end) continue;
      const other = build(call);
      if (reRuns(other)) chosen = other;
    }
    found.push(chosen);
  }
  return found;
}
