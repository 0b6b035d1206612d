/**
 * Following an import to what it names in another project file, without type
 * information: `import { WHATSAPP } from './constants'`, `import config from
 * '../config'`, `const { graph } = require('./http')`, re-exports
 * (`export * from`, `export { X } from`), default exports and CommonJS
 * `module.exports`. The answer is a node of the other file (a constant's
 * initializer, a function, a class, an object literal, or the file's
 * `Program` for a namespace); the rest of the analysis evaluates it like a
 * node of the linted file. Other files' analyses are built with the same
 * recognition and cached with the files they read (see `modules.ts`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { findVariable, memberName, moduleExportName, programOf, skipTransparent, type Node } from './ast.js';
import { importOf } from './clients.js';
import type { AnalysisEnv } from './env.js';
import type { FileAnalysis, LayerRequest } from './file.js';
import { callsSdk, exportUseTest, handsSdkClients, importersOf, TEST_FILE, typeImportersOf, usedForProvider, usesHttpClient } from './importers.js';
import type { ProviderInfo } from './providers.js';
import { parsedFile, reexportsOf, scanReexports, scanSpecifiers, specifiersOf, textTest, type CachedFile, type Session, type Stamp } from './modules.js';
import type { ResolvedSettings } from './settings.js';

/** Re-export chains longer than this are not followed. */
const MAX_REEXPORT_DEPTH = 6;
/** How deep `reaches` follows imports of imports. */
const MAX_REACH_DEPTH = 6;

const filePaths = new WeakMap<TSESTree.Program, string>();

/** Records where a parsed file lives, so that its nodes can name their file. */
export function registerPath(program: TSESTree.Program, path: string): void {
  filePaths.set(program, path);
}

/** The path of the file a node belongs to, when known. */
export function pathOf(node: Node): string | undefined {
  return filePaths.get(programOf(node));
}

/** Answers about imports that the analysis of any file asks. */
export interface ImportResolver {
  /** The node an imported binding names in another project file (a `Program` for a namespace). */
  resolveImport(id: TSESTree.Identifier): Node | undefined;
  /** `require('./x')` / `import('./x')`: the module's default export, or its namespace. */
  resolveModuleCall(node: TSESTree.CallExpression | TSESTree.ImportExpression): Node | undefined;
  /** The export `name` of a namespace (`config.X` where `import * as config`). */
  exportOf(namespace: TSESTree.Program, name: string): Node | undefined;
  /** The analysis of the other project file a node belongs to. */
  analysisOf(node: Node): FileAnalysis | undefined;
  /** Does the file at `path`, or a project file it imports (followed a few levels), name a provider? */
  reaches(path: string): boolean;
  /**
   * Is `id` imported from a project file with nothing to say about a
   * provider (see {@link Resolver.silentImport})?
   */
  silentImport(id: TSESTree.Identifier): boolean;
  /**
   * The analysis of the file declaring `fn` (a generic HTTP layer) in which
   * `requests` are calls to `provider`: what a caller that passes the
   * provider's URL sees of the layer.
   */
  layerAnalysis(fn: Node, provider: ProviderInfo, requests: readonly TSESTree.CallExpression[]): FileAnalysis | undefined;
  /**
   * The one class of the project (outside tests, other than `exclude`) that
   * implements the interface or abstract class `typeName` names, in a file
   * that reaches a provider (see {@link Resolver.implementation}).
   */
  implementation(typeName: TSESTree.Identifier, exclude: Node | undefined): TSESTree.ClassDeclaration | undefined;
}

/** A cached analysis of another file, with what it was built from. */
interface Entry {
  /** Which analysis of which file this is (the same for each version of it), and the entries kept for it. */
  readonly id: string;
  readonly slot: Entry[];
  readonly program: TSESTree.Program;
  readonly stamp: Stamp;
  analysis: FileAnalysis | undefined;
  readonly deps: Map<string, Stamp>;
  /** The analyses it used (not those it found still being built). */
  readonly refs: Set<Entry>;
  building: boolean;
  /**
   * Built in an import cycle: while it was built it asked for analyses that
   * were themselves being built around it (`outer`, by id), which it then
   * went without; or it used such an analysis. What it says depends on where
   * the lint entered the cycle, so another lint reuses it only where a new
   * build would see the same (see `usable`).
   */
  cyclic: boolean;
  readonly outer: Set<string>;
  /** What its build asked for and got (by id): a new build sees the same only while none of them is being built. */
  readonly asked: Set<string>;
  /**
   * Asked, after it was built, for an analysis still being built: what it
   * says depends on when that happened, so it is reused only within the
   * lint that built it.
   */
  incomplete: boolean;
  readonly session: Session;
}

/** The analyses being built, outermost first. */
const buildStack: Entry[] = [];

/** How many entries are kept for one analysis of a file (the ones built where the lint entered a cycle elsewhere). */
const MAX_SLOT_ENTRIES = 4;

/** Builds a FileAnalysis for another file (untyped, or through the program when linting with types). */
export type AnalysisFactory = (
  sourceCode: Readonly<TSESLint.SourceCode>,
  path: string,
  resolver: (env: AnalysisEnv) => ImportResolver,
  layers: readonly LayerRequest[],
) => FileAnalysis;

/** Analyses by path, settings, and layer key (`''` for the file as it is). */
const entries = new Map<string, WeakMap<ResolvedSettings, Map<string, Entry[]>>>();

/** The state every resolver of one lint shares: the session (disk view) and how to build analyses. */
export interface Project {
  readonly session: Session;
  readonly settings: ResolvedSettings;
  readonly factory: AnalysisFactory;
  /** Validity of cached entries, checked once per session. */
  readonly validated: Map<Entry, boolean>;
  /** Whether entries built in import cycles are usable here, by what is being built around them (see `usable`). */
  readonly usable: Map<Entry, Map<string, boolean>>;
}

let current: Project | undefined;

/** The project view of the lint in progress. */
export function currentProject(): Project | undefined {
  return current;
}

/** The root of the project being linted (ESLint's cwd), once a lint has started. */
export function projectRoot(): string | undefined {
  return current?.session.root;
}

/** Starts a lint of one file: all resolvers (also those of cached analyses) use this project view. */
export function beginProject(project: Project): void {
  current = project;
}

function valid(project: Project, entry: Entry): boolean {
  if (entry.incomplete && entry.session !== project.session) return false;
  const known = project.validated.get(entry);
  if (known !== undefined) return known;
  // built in a cycle in another lint: only `usable` can tell whether it holds here
  if (entry.cyclic) return false;
  project.validated.set(entry, true); // cycles: assume valid while checking
  const ok = project.session.fresh(entry.deps) && [...entry.refs].every((ref) => valid(project, ref));
  project.validated.set(entry, ok);
  return ok;
}

/**
 * Is an entry built in an import cycle in another lint what a new build
 * would be now, with the analyses `around` (ids, outermost first) being
 * built? Its files are unchanged; the analyses it went without are being
 * built again, and none it used is; and each analysis it used is the one a
 * new build would get: the one this lint already uses for it, or one
 * usable in turn inside this one.
 */
function usable(project: Project, entry: Entry, around: readonly string[]): boolean {
  if (entry.building || entry.incomplete) return false;
  const key = around.join('\n');
  let memo = project.usable.get(entry);
  if (!memo) project.usable.set(entry, (memo = new Map()));
  const known = memo.get(key);
  if (known !== undefined) return known;
  memo.set(key, true); // cycles: assume usable while checking
  const building = new Set(around);
  const inner = [...around, entry.id];
  const ok =
    project.session.fresh(entry.deps) &&
    [...entry.outer].every((id) => building.has(id)) &&
    ![...entry.asked].some((id) => building.has(id) || id === entry.id) &&
    [...entry.refs].every((ref) => {
      const front = ref.slot[0];
      if (front && !front.building && valid(project, front)) return front === ref;
      return usable(project, ref, inner);
    });
  memo.set(key, ok);
  return ok;
}

/**
 * Records that the analysis being built depends on the text of `path`, a
 * file it consulted without following an import (an importer asked what it
 * knows about the file), so that it is built again when that file changes.
 */
export function dependOn(project: Project, path: string): void {
  const building = buildStack[buildStack.length - 1];
  const stamp = building ? project.session.stamp(path) : null;
  if (building && stamp) building.deps.set(path, stamp);
}

/** Makes an entry found usable the one this lint uses for its analysis, with the entries it used. */
function adopt(project: Project, entry: Entry): void {
  if (project.validated.get(entry) === true && entry.slot[0] === entry) return;
  const index = entry.slot.indexOf(entry);
  if (index > 0) {
    entry.slot.splice(index, 1);
    entry.slot.unshift(entry);
  }
  project.validated.set(entry, true);
  for (const ref of entry.refs) if (ref.cyclic) adopt(project, ref);
}

/** Records that `requester` (an entry being built, or one built earlier) asked for `entry`. */
function record(requester: Entry | undefined, entry: Entry): void {
  if (!requester) return;
  if (entry.building) {
    if (!requester.building) requester.incomplete = true;
    else if (entry !== requester) requester.outer.add(entry.id);
    return;
  }
  requester.refs.add(entry);
  if (requester.building) requester.asked.add(entry.id);
}

/**
 * A resolver owned by one file's analysis: the linted file's (owner
 * `undefined`) or a cached other file's, whose dependencies it records.
 */
export class Resolver implements ImportResolver {
  /**
   * `focus`: the one other file whose analysis this resolver builds (see
   * {@link analysisAt}); calls into any other file are not followed.
   */
  constructor(
    private readonly env: AnalysisEnv,
    private readonly owner: Entry | undefined,
    private readonly focus?: string,
  ) {}

  private get project(): Project | undefined {
    return current;
  }

  private read(path: string) {
    const project = this.project;
    const file = project?.session.file(path);
    if (file) this.owner?.deps.set(path, file.stamp);
    return file;
  }

  private sourceOf(path: string): Readonly<TSESLint.SourceCode> | undefined {
    const file = this.read(path);
    if (!file) return undefined;
    const sourceCode = parsedFile(file);
    if (sourceCode) registerPath(sourceCode.ast, path);
    return sourceCode;
  }

  private target(specifier: string, from: Node): string | undefined {
    const fromPath = pathOf(from);
    return fromPath ? this.project?.session.resolve(specifier, fromPath) : undefined;
  }

  resolveImport(id: TSESTree.Identifier): Node | undefined {
    const source = importOf(this.env, id);
    if (!source) return undefined;
    const path = this.target(source.module, id);
    if (!path) return undefined;
    const sourceCode = this.sourceOf(path);
    if (!sourceCode) return undefined;
    if (source.name === '*') return sourceCode.ast;
    const found = this.exported(sourceCode, source.name, 0);
    // `const config = require('./config')` of an ES module: the namespace
    return found ?? (source.name === 'default' && isRequireBinding(this.env, id) ? sourceCode.ast : undefined);
  }

  resolveModuleCall(node: TSESTree.CallExpression | TSESTree.ImportExpression): Node | undefined {
    const argument = node.type === AST_NODE_TYPES.ImportExpression ? node.source : node.arguments[0];
    if (argument?.type !== AST_NODE_TYPES.Literal || typeof argument.value !== 'string') return undefined;
    const path = this.target(argument.value, node);
    const sourceCode = path ? this.sourceOf(path) : undefined;
    if (!sourceCode) return undefined;
    return node.type === AST_NODE_TYPES.ImportExpression ? sourceCode.ast : (this.exported(sourceCode, 'default', 0) ?? sourceCode.ast);
  }

  exportOf(namespace: TSESTree.Program, name: string): Node | undefined {
    const path = filePaths.get(namespace);
    const sourceCode = path ? this.sourceOf(path) : undefined;
    return sourceCode && sourceCode.ast === namespace ? this.exported(sourceCode, name, 0) : undefined;
  }

  /** The node a file exports under `name`. */
  private exported(sourceCode: Readonly<TSESLint.SourceCode>, name: string, depth: number): Node | undefined {
    if (depth > MAX_REEXPORT_DEPTH) return undefined;
    const program = sourceCode.ast;
    const fromModule = (specifier: string, exportName: string): Node | undefined => {
      const path = this.target(specifier, program);
      const other = path ? this.sourceOf(path) : undefined;
      if (!other) return undefined;
      return exportName === '*' ? other.ast : this.exported(other, exportName, depth + 1);
    };
    const index = exportIndex(sourceCode);
    const entry = index.names.get(name);
    if (entry) return 'node' in entry ? entry.node : fromModule(entry.specifier, entry.name);
    if (name === 'default') return undefined;
    for (const specifier of index.stars) {
      const found = fromModule(specifier, name);
      if (found) return found;
    }
    return undefined;
  }

  analysisOf(node: Node): FileAnalysis | undefined {
    return this.entry(node, [], undefined);
  }

  layerAnalysis(fn: Node, provider: ProviderInfo, requests: readonly TSESTree.CallExpression[]): FileAnalysis | undefined {
    return this.entry(fn, requests, provider);
  }

  private entry(node: Node, requests: readonly TSESTree.CallExpression[], provider: ProviderInfo | undefined): FileAnalysis | undefined {
    const project = this.project;
    const path = pathOf(node);
    if (!project || !path) return undefined;
    const program = programOf(node);
    if (program === this.env.sourceCode.ast) return undefined; // the file itself
    if (this.focus !== undefined && path !== this.focus) return undefined;
    const layers = provider ? requests.map((request) => ({ request, provider })) : [];
    const entry = entryFor(project, path, program, layers);
    if (!entry) return undefined;
    record(this.owner, entry);
    return entry.analysis;
  }

  /**
   * Is `id` imported from a project file whose text names no provider,
   * makes no HTTP request and reads no `statuses`, and whose own imports
   * (as deep as the reach search goes) do none of these either? None of its
   * functions can then reach a provider or make a request, so the linted
   * file need not build that file's analysis to call them (a utils module
   * of forty helpers, imported everywhere). A cached analysis that asks
   * records every file that search read, so it is rebuilt when one changes.
   */
  silentImport(id: TSESTree.Identifier): boolean {
    const project = this.project;
    if (!project) return false;
    const source = importOf(this.env, id);
    const from = source ? pathOf(id) : undefined;
    const path = source && from ? project.session.resolve(source.module, from) : undefined;
    const file = path ? this.read(path) : undefined;
    if (!path || !file) return false;
    if (textTest(file, project.settings.mentionsProvider) || textTest(file, usesHttpClient) || textTest(file, readsStatuses)) return false;
    // a send on a client its callers hand it: what this file hands it decides (parsed only when its text calls an SDK's send)
    if (textTest(file, callsSdk) && handsSdkClients(parsedFile(file), project.settings)) return false;
    const read = quietClosure(project, path, file, MAX_REACH_DEPTH - 1, readsStatuses);
    if (!read) return false;
    // a cached analysis that relied on this is rebuilt when one of those files changes
    for (const other of read) this.read(other);
    return true;
  }

  /**
   * A contract injected by a token (`@Inject(WHATSAPP_PROVIDER) private readonly
   * provider: WhatsAppProvider`, NestJS; tsyringe's and inversify's `@inject`):
   * the type is an interface (or an abstract class) of another project file,
   * and the class that does the work is bound elsewhere (a module's
   * `{ provide, useClass }`). The classes that declare they implement it
   * (`implements WhatsAppProvider`, or `extends` an abstract class) are looked
   * for in the file declaring it and in the files importing it (types only,
   * `import type { WhatsAppProvider }`, too); the one among
   * them (tests and `exclude`, the injecting class itself, left out) whose file
   * reaches a provider is the implementation. None, or several: undefined.
   * Cost: asked only for a decorated parameter or field of a file being
   * analysed; the files read are the declaring file's importers whose text
   * says `implements` or `extends`.
   */
  implementation(typeName: TSESTree.Identifier, exclude: Node | undefined): TSESTree.ClassDeclaration | undefined {
    const project = this.project;
    const source = importOf(this.env, typeName);
    const from = pathOf(typeName);
    const path = project && source && source.name !== '*' && from ? project.session.resolve(source.module, from) : undefined;
    if (!project || !source || !path) return undefined;
    const declaring = this.sourceOf(path);
    const contract = declaring && contractNamed(declaring.ast, source.name);
    if (!contract) return undefined;
    const found: TSESTree.ClassDeclaration[] = [];
    for (const file of new Set([path, ...importersOf(project, path), ...typeImportersOf(project, path)])) {
      if (TEST_FILE.test(file)) continue;
      const cached = this.read(file);
      if (!cached || !textTest(cached, IMPLEMENTS_TEXT) || !this.reaches(file)) continue;
      const sourceCode = this.sourceOf(file);
      if (!sourceCode) continue;
      const names = (id: TSESTree.Node): boolean => {
        if (id.type !== AST_NODE_TYPES.Identifier) return false;
        if (file === path) return id.name === contract.local;
        const imported = importOf(this.env, id);
        return !!imported && imported.name === source.name && project.session.resolve(imported.module, file) === path;
      };
      for (const cls of topLevelClasses(sourceCode.ast)) {
        if (cls === exclude || cls === contract.node) continue;
        const heritage = [...(cls.implements ?? []).map((clause) => clause.expression), ...(contract.node.type === AST_NODE_TYPES.ClassDeclaration && cls.superClass ? [cls.superClass] : [])];
        if (heritage.some(names)) found.push(cls);
      }
    }
    return found.length === 1 ? found[0] : undefined;
  }

  reaches(path: string): boolean {
    const project = this.project;
    if (!project) return false;
    const seen = new Set<string>();
    const visit = (file: string, depth: number): boolean => {
      if (seen.has(file) || depth > MAX_REACH_DEPTH) return false;
      seen.add(file);
      const cached = this.read(file);
      if (!cached) return false;
      if (textTest(cached, project.settings.mentionsProvider)) return true;
      return specifiersOf(cached).some((specifier) => {
        const next = project.session.resolve(specifier, file);
        return next !== undefined && visit(next, depth + 1);
      });
    };
    return visit(path, 0);
  }
}

/**
 * Does a file that names no provider still reach one through its imports
 * (a constant, a client, a wrapper of another project file)? Followed a few
 * levels, by a text search of each file (no parse). An import counts when
 * the imported file names a provider, or is an HTTP layer its importers use
 * for one, and the importing file names what of it concerns the provider
 * (`exportUseTest`: the wrapper's name, `env.WHATSAPP_API_URL` rather than
 * any use of `env`); otherwise the imported file's own imports are followed.
 * `excluded` is a file not followed: a layer whose importers are asked what
 * they call it with reach a provider through it, which says nothing of theirs.
 */
export function importsReachProvider(project: Project, path: string, text: string, excluded?: string): boolean {
  const { mentionsProvider } = project.settings;
  const followed = new Set<string>([path]);
  // answers kept for the run: not while a file is excluded (they would not hold for the other searches)
  const memo = excluded === undefined ? reachMemo(project) : undefined;
  /** Files still being searched, and files whose `false` depended on one (or on the linted file, skipped). */
  const open = new Set<string>();
  const doubtful = new Set<string>();
  /**
   * `up`: whether the files that import this one name what passes `test`
   * (what this file re-exports, its importer names, and so on up).
   */
  const visit = (file: string, fileText: string, cached: CachedFile | undefined, depth: number, up: (test: (text: string) => boolean) => boolean): boolean => {
    const own = (test: (text: string) => boolean) => (cached ? textTest(cached, test) : test(fileText));
    const specifiers = cached ? specifiersOf(cached) : scanSpecifiers(fileText);
    const reexported = cached ? reexportsOf(cached) : scanReexports(fileText);
    const left = MAX_REACH_DEPTH - depth;
    // a file that re-exports nothing gives the same answer whoever imports it: kept for the run
    const kept = memo && cached && reexported.size === 0 ? memo.get(file) : undefined;
    if (kept?.yes !== undefined && kept.yes <= left) return true;
    if (kept?.no !== undefined && kept.no >= left) return false;
    searches++;
    open.add(file);
    let settled = true;
    const found = specifiers.some((specifier) => {
      const next = project.session.resolve(specifier, file);
      if (next === undefined) return false;
      if (next === path || next === excluded) {
        settled = false; // skipped here, followed in the search of another file
        return false;
      }
      const target = project.session.file(next);
      if (!target) return false;
      // what an index file re-exports is named where it is imported
      const passesOn = reexported.has(specifier);
      const names = (test: (text: string) => boolean) => own(test) || (passesOn && up(test));
      if (textTest(target, mentionsProvider) && names(exportUseTest(target, mentionsProvider))) return true;
      if (textTest(target, usesHttpClient) && names(exportUseTest(target, usesHttpClient)) && usedForProvider(project, next, target)) return true;
      if (depth + 1 >= MAX_REACH_DEPTH) return false;
      // nothing the file imports, as deep as the search would go, names a provider or makes requests
      if (quietClosure(project, next, target, MAX_REACH_DEPTH - depth - 2)) return false;
      // a file re-exported is followed again for each chain of importers that may name its exports
      if (!passesOn) {
        if (followed.has(next)) {
          if (open.has(next) || doubtful.has(next)) settled = false;
          return false;
        }
        followed.add(next);
      }
      if (visit(next, target.text, target, depth + 1, names)) return true;
      if (doubtful.has(next)) settled = false;
      return false;
    });
    open.delete(file);
    if (memo && cached && reexported.size === 0) {
      const entry = memo.get(file) ?? {};
      if (found) entry.yes = Math.min(entry.yes ?? left, left);
      else if (settled) entry.no = Math.max(entry.no ?? left, left);
      memo.set(file, entry);
    }
    if (!found && !settled) doubtful.add(file);
    return found;
  };
  return visit(path, text, undefined, 0, () => false);
}

/** What the reach search found from a file: a provider within `yes` levels, none within `no` levels. */
interface Reach {
  yes?: number;
  no?: number;
}

/** By disk view (one run of lints), then by settings, then by path. */
const reaches = new WeakMap<object, { generation: number; bySettings: WeakMap<object, Map<string, Reach>> }>();

/**
 * The reach answers of this run of lints: a module that many linted files
 * import (a router, a shared `lib`) is searched once per run, not once per
 * importer. An answer that depended on a file still being searched (an
 * import cycle) or on the linted file (which is not followed) is not kept.
 */
function reachMemo(project: Project): Map<string, Reach> {
  const { view } = project.session;
  let known = reaches.get(view);
  if (!known || known.generation !== view.generation) reaches.set(view, (known = { generation: view.generation, bySettings: new WeakMap() }));
  let memo = known.bySettings.get(project.settings);
  if (!memo) known.bySettings.set(project.settings, (memo = new Map()));
  return memo;
}

/**
 * What is known of a file's imports: quiet for `levels` levels, and the
 * files that search read; or not quiet within `noisy` levels (a file that
 * names a provider or makes requests is that close, whatever else the
 * search skipped).
 */
type Quiet = { readonly levels: number; readonly files: readonly string[] } | { readonly noisy: number };

/** By disk view (one run of lints), then by the extra test of quiet (none, or `readsStatuses`), then by path. */
const quiet = new WeakMap<object, { generation: number; byTest: Map<unknown, Map<string, Quiet>> }>();

/** A file that reads WhatsApp status objects (a webhook parser returning them to its caller). */
const readsStatuses = (text: string): boolean => /\bstatuses\b/.test(text);

/**
 * Do the files `file` imports, followed `levels` levels deep, all name no
 * provider and make no requests (nor pass `also`)? Then no chain of imports
 * through it can reach a provider, whatever the files importing it name.
 * The answer is the files the search read when `also` is given (for a
 * cached analysis to record as what it depends on; the reach search needs
 * no list), or `undefined` when one of them is not quiet.
 * Kept per run of lints (its files are checked once per run), so a file
 * that many linted files reach through their imports is searched once. An
 * answer that depended on a file whose search was still under way (an
 * import cycle) is not kept.
 */
function quietClosure(project: Project, path: string, file: CachedFile, levels: number, also?: (text: string) => boolean): readonly string[] | undefined {
  const { view } = project.session;
  let known = quiet.get(view);
  if (!known || known.generation !== view.generation) quiet.set(view, (known = { generation: view.generation, byTest: new Map() }));
  const key = also ?? quiet;
  let memo = known.byTest.get(key);
  if (!memo) known.byTest.set(key, (memo = new Map()));
  const open = new Set<string>();
  const search = (at: string, cached: CachedFile, left: number): { files: readonly string[] | undefined; settled: boolean } => {
    if (left < 0) return { files: [], settled: true };
    const kept = memo.get(at);
    if (kept && 'noisy' in kept) {
      if (kept.noisy <= left) return { files: undefined, settled: true };
    } else if (kept && kept.levels >= left) return { files: kept.files, settled: true };
    if (open.has(at)) return { files: [], settled: false };
    searches++;
    open.add(at);
    let settled = true;
    let files: string[] | undefined = [];
    for (const specifier of specifiersOf(cached)) {
      const next = project.session.resolve(specifier, at);
      const target = next === undefined ? undefined : project.session.file(next);
      if (!next || !target) continue;
      if (textTest(target, project.settings.mentionsProvider) || textTest(target, usesHttpClient) || (also && textTest(target, also))) {
        files = undefined;
        break;
      }
      const inner = search(next, target, left - 1);
      settled &&= inner.settled;
      if (!inner.files) {
        files = undefined;
        break;
      }
      // only a silent-import answer is recorded by an analysis; the reach search of a plain file keeps no lists
      if (also) files.push(next, ...inner.files);
    }
    open.delete(at);
    if (files && settled) memo.set(at, { levels: left, files: also ? [...new Set(files)] : files });
    else if (!files && !(kept && 'noisy' in kept && kept.noisy <= left)) memo.set(at, { noisy: left });
    return { files, settled: files ? settled : true };
  };
  return search(path, file, levels).files;
}

/**
 * The analysis of a project file read from disk (as an importer of the
 * linted file sees it). With `focus` (the importers of a file asked what
 * they call it with, see `callerFacts`), calls into other files than
 * `focus` are not followed: what they reach says nothing about `focus`,
 * and following them would build the analyses of everything an importer
 * imports (a router importing forty handlers), each following its own.
 */
export function analysisAt(project: Project, path: string, focus?: string): FileAnalysis | undefined {
  const file = project.session.file(path);
  const sourceCode = file ? parsedFile(file) : undefined;
  if (!sourceCode) return undefined;
  registerPath(sourceCode.ast, path);
  return entryFor(project, path, sourceCode.ast, [], focus)?.analysis;
}

let builds = 0;
let searches = 0;

/** How many files the reach searches of this process have searched (not answered from what the run kept; for tests). */
export function reachSearches(): number {
  return searches;
}

/** How many analyses of other files this process has built (for tests of what is built when). */
export function analysisBuilds(): number {
  return builds;
}

/** The analysis of another file, built once per modification of it and of the files it read. */
function entryFor(project: Project, path: string, program: TSESTree.Program, layers: readonly LayerRequest[], focus?: string): Entry | undefined {
  let bySettings = entries.get(path);
  if (!bySettings) entries.set(path, (bySettings = new WeakMap()));
  let byLayers = bySettings.get(project.settings);
  if (!byLayers) bySettings.set(project.settings, (byLayers = new Map()));
  // while the importers of a file are gathered, their analyses see the plain analyses of their imports
  const key = `${gathering ? 'plain' : 'full'}|${layers.map((l) => `${l.provider.id}@${l.request.range[0]}`).join(',')}${focus === undefined ? '' : `>${focus}`}`;
  let slot = byLayers.get(key);
  if (!slot) byLayers.set(key, (slot = []));
  const cached = slot[0];
  if (cached && (cached.building || valid(project, cached))) return cached;
  // an entry built in an import cycle in another lint, where a new build would be the same
  const around = buildStack.map((e) => e.id);
  const reusable = slot.find((e) => e.cyclic && e.program === program && usable(project, e, around));
  if (reusable) {
    adopt(project, reusable);
    return reusable;
  }
  const file = project.session.file(path);
  const sourceCode = file ? parsedFile(file) : undefined;
  if (!file || !sourceCode || sourceCode.ast !== program) return undefined;
  builds++;
  const entry: Entry = {
    id: `${path}|${key}`,
    slot,
    program,
    stamp: file.stamp,
    analysis: undefined,
    deps: new Map([[path, file.stamp]]),
    refs: new Set(),
    building: true,
    cyclic: false,
    outer: new Set(),
    asked: new Set(),
    incomplete: false,
    session: project.session,
  };
  slot.unshift(entry);
  if (slot.length > MAX_SLOT_ENTRIES) slot.splice(slot.findLastIndex((e) => !e.building), 1);
  project.validated.set(entry, true);
  buildStack.push(entry);
  try {
    entry.analysis = project.factory(sourceCode, path, (env) => new Resolver(env, entry, focus), layers);
  } finally {
    entry.building = false;
    buildStack.pop();
  }
  if ([...entry.refs].some((ref) => ref.incomplete)) entry.incomplete = true;
  entry.cyclic = entry.outer.size > 0 || [...entry.refs].some((ref) => ref.cyclic);
  return entry;
}

let gathering = false;

/** Is the analysis gathering what importers know about a file (see `project.ts`)? */
export function isGathering(): boolean {
  return gathering;
}

/** Runs `run` while gathering facts from importers: analyses built meanwhile are the plain kind. */
export function whileGathering<T>(run: () => T): T {
  const saved = gathering;
  gathering = true;
  try {
    return run();
  } finally {
    gathering = saved;
  }
}


/** What a file exports under a name: a node of its own, or a name of another module (`export { a } from './x'`). */
type ExportEntry = { readonly node: Node | undefined } | { readonly specifier: string; readonly name: string };

/** A file's exports by name (the first statement that gives a name wins), and the modules it re-exports everything of. */
interface ExportIndex {
  readonly names: ReadonlyMap<string, ExportEntry>;
  readonly stars: readonly string[];
}

/**
 * The exports of a parsed file, read once per tree: a lookup by name no
 * longer walks the file's statements (a CommonJS module's `module.exports =
 * { … }` among hundreds of them) for every import of it that an analysis
 * follows. A pure function of the tree, so shared by every analysis of it.
 */
const exportIndexes = new WeakMap<TSESTree.Program, ExportIndex>();

function exportIndex(sourceCode: Readonly<TSESLint.SourceCode>): ExportIndex {
  const known = exportIndexes.get(sourceCode.ast);
  if (known) return known;
  const names = new Map<string, ExportEntry>();
  const stars: string[] = [];
  const give = (name: string, entry: ExportEntry) => {
    if (!names.has(name)) names.set(name, entry);
  };
  for (const statement of sourceCode.ast.body) {
    switch (statement.type) {
      case AST_NODE_TYPES.ExportNamedDeclaration: {
        const declaration = statement.declaration;
        if (declaration) {
          for (const [name, node] of declaredNames(declaration)) give(name, { node });
          continue;
        }
        for (const specifier of statement.specifiers) {
          if (specifier.type !== AST_NODE_TYPES.ExportSpecifier) continue;
          const name = moduleExportName(specifier.exported);
          const local = moduleExportName(specifier.local);
          give(name, statement.source ? { specifier: String(statement.source.value), name: local } : { node: localBinding(sourceCode, local) });
        }
        continue;
      }
      case AST_NODE_TYPES.ExportAllDeclaration:
        if (statement.exported) give(moduleExportName(statement.exported), { specifier: String(statement.source.value), name: '*' });
        else stars.push(String(statement.source.value));
        continue;
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        give('default', { node: statement.declaration.type === AST_NODE_TYPES.Identifier ? localBinding(sourceCode, statement.declaration.name) : statement.declaration });
        continue;
      case AST_NODE_TYPES.TSExportAssignment:
        give('default', { node: statement.expression.type === AST_NODE_TYPES.Identifier ? localBinding(sourceCode, statement.expression.name) : statement.expression });
        continue;
      case AST_NODE_TYPES.ExpressionStatement:
        for (const [name, node] of commonJsExports(sourceCode, statement.expression)) give(name, { node });
        continue;
      default:
    }
  }
  const index = { names, stars };
  exportIndexes.set(sourceCode.ast, index);
  return index;
}

/** The names an `export <declaration>` declares with a value (`export let x;` gives none), and their nodes. */
function declaredNames(declaration: TSESTree.NamedExportDeclarations): [string, Node][] {
  switch (declaration.type) {
    case AST_NODE_TYPES.VariableDeclaration:
      return declaration.declarations.flatMap((declarator): [string, Node][] =>
        declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init ? [[declarator.id.name, declarator.init]] : [],
      );
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.ClassDeclaration:
    case AST_NODE_TYPES.TSEnumDeclaration:
      return declaration.id ? [[declaration.id.name, declaration]] : [];
    case AST_NODE_TYPES.TSModuleDeclaration:
      // `export namespace WA { export const API_URL = … }`: read as `WA.API_URL`, like an exported object
      return declaration.id.type === AST_NODE_TYPES.Identifier ? [[declaration.id.name, declaration]] : [];
    default:
      return [];
  }
}

/** What a module-level name of a file stands for: a constant's initializer, a function, a class, an enum, or an import to follow. */
function localBinding(sourceCode: Readonly<TSESLint.SourceCode>, name: string): Node | undefined {
  const global = sourceCode.scopeManager?.globalScope;
  const scope = global?.childScopes.find((s) => s.type === 'module') ?? global;
  const variable = scope?.set.get(name);
  const def = variable?.defs[0];
  if (!def) return undefined;
  switch (def.type) {
    case 'FunctionName':
    case 'ClassName':
    case 'TSEnumName':
    case 'TSModuleName':
      return def.node;
    case 'Variable': {
      const declarator = def.node;
      if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init) return declarator.init;
      return def.name; // destructured: the binding itself, resolved like any identifier
    }
    case 'ImportBinding':
      return def.name;
    default:
      return undefined;
  }
}

/** What `module.exports = x`, `module.exports.name = x` or `exports.name = x` exports, by name (`x` as `default`, the keys of an object). */
function commonJsExports(sourceCode: Readonly<TSESLint.SourceCode>, expression: TSESTree.Expression): [string, Node][] {
  if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== '=') return [];
  const left = skipTransparent(expression.left);
  if (left.type !== AST_NODE_TYPES.MemberExpression) return [];
  const value = expression.right.type === AST_NODE_TYPES.Identifier ? (localBinding(sourceCode, expression.right.name) ?? expression.right) : expression.right;
  if (isModuleExports(left)) {
    const found: [string, Node][] = [['default', value]];
    if (value.type !== AST_NODE_TYPES.ObjectExpression) return found;
    for (const p of value.properties) {
      if (p.type !== AST_NODE_TYPES.Property || p.computed) continue;
      const key = p.key.type === AST_NODE_TYPES.Identifier ? p.key.name : p.key.type === AST_NODE_TYPES.Literal && typeof p.key.value === 'string' ? p.key.value : undefined;
      if (key === undefined) continue;
      found.push([key, p.value.type === AST_NODE_TYPES.Identifier ? (localBinding(sourceCode, p.value.name) ?? p.value) : p.value]);
    }
    return found;
  }
  const object = skipTransparent(left.object);
  const exportsObject = isModuleExports(object) || (object.type === AST_NODE_TYPES.Identifier && object.name === 'exports');
  const name = memberName(left);
  return exportsObject && typeof name === 'string' ? [[name, value]] : [];
}

function isModuleExports(node: Node): boolean {
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    node.object.name === 'module' &&
    memberName(node) === 'exports'
  );
}

/** `const x = require('…')` (as opposed to an ES import). */
function isRequireBinding(env: AnalysisEnv, id: TSESTree.Identifier): boolean {
  const def = findVariable(env.sourceCode, id)?.defs[0];
  return def?.type === 'Variable' && def.node.init?.type === AST_NODE_TYPES.CallExpression;
}

/** A class that says it implements (or extends) something: the text test before a file is parsed for one. */
const IMPLEMENTS_TEXT = (text: string): boolean => /\b(?:implements|extends)\b/.test(text);

/** The interface or abstract class a file exports under `name` (`default` included), and its local name. */
function contractNamed(program: TSESTree.Program, name: string): { node: TSESTree.TSInterfaceDeclaration | TSESTree.ClassDeclaration; local: string } | undefined {
  const contract = (node: Node | null | undefined) =>
    node?.type === AST_NODE_TYPES.TSInterfaceDeclaration || (node?.type === AST_NODE_TYPES.ClassDeclaration && node.abstract && node.id) ? node : undefined;
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      const node = contract(statement.declaration);
      if (node?.id && node.id.name === name) return { node, local: node.id.name };
    } else if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration && name === 'default') {
      const node = contract(statement.declaration);
      if (node?.id) return { node, local: node.id.name };
    }
  }
  return undefined;
}

/** The classes a file declares at its top level, exported or not. */
function topLevelClasses(program: TSESTree.Program): TSESTree.ClassDeclaration[] {
  return program.body.flatMap((statement) => {
    const node = statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
    return node?.type === AST_NODE_TYPES.ClassDeclaration ? [node] : [];
  });
}
