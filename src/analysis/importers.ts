/**
 * The other direction of the import graph: what the files that import a file
 * know about it. Some facts about a file are known only to its callers:
 * - a generic HTTP layer (`request(url, init)`, `class HttpClient { post(path) }`)
 *   is a WhatsApp client because a caller passes it a provider's URL; its own
 *   error handling is then judged for that provider;
 * - a NestJS service's injected `HttpService` gets its base URL from the module
 *   that registers `HttpModule.register({ baseURL })` and provides the service;
 * - an axios instance made (and given `axiosRetry`) here is used for a
 *   provider from other files.
 *
 * The project's source files are listed once (no node_modules, dot-folders or
 * build output) and their imports read by a text search; the listing is
 * refreshed when it is older than two seconds, or than twenty times what
 * making it took (a project of thousands of files: a few seconds), which
 * matters only in an editor: a new importer is seen that much late, and a
 * long lint of a large project does not list and index it again every two
 * seconds. Only importers
 * that reach a provider are analysed.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findProperty, isEnvironmentObject, isFunction, memberName, moduleExportName, programOf, propertyKeyName, skipTransparent, walkNodes, type FunctionNode, type Node, type VisitorKeys } from './ast.js';
import { bindingKey, clientOf, handedOf, handedReceivers, parameterBinding, SDK_CALL_TEXT, type HandedClient, type ParameterBinding } from './clients.js';
import type { AnalysisEnv } from './env.js';
import { namesOf } from './evidence.js';
import type { ExternalFunction, FileAnalysis } from './file.js';
import { analysisAt, dependOn, importsReachProvider, pathOf, whileGathering, type Project } from './imports.js';
import { parsedFile, scanSpecifiers, scanTypeSpecifiers, Session, specifiersOf, textTest, type CachedFile, type Stamp } from './modules.js';
import type { ProviderInfo } from './providers.js';
import { escapeRegExp, type ResolvedSettings } from './settings.js';
import { calleeFunction, classOf, evaluateString, functionNamed, resolveExpression, type StringValue } from './values.js';

/** A test's file (`__tests__/`, `x.test.js`, `x.spec.ts`): a payload there is a fixture, not a handler. */
export const TEST_FILE = /(?:^|[\\/])__tests__[\\/]|\.(?:test|spec)\.[cm]?[jt]sx?$/;

const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'build', 'coverage', 'out', 'tmp', 'vendor']);
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
const MAX_FILES = 20_000;
const REFRESH_MS = 2_000;
/** A listing is refreshed no sooner than this many times what it cost to make (a large project: a few seconds late). */
const REFRESH_COST_FACTOR = 20;

interface Listing {
  readonly at: number;
  /** The disk view of the run of lints it was made in: kept for the rest of that run. */
  readonly run: object;
  readonly files: readonly string[];
  /** The disk view the listing reads files through: each path is checked once per listing. */
  readonly session: Session;
  /** File → the files that import it; built on first use. */
  reverse?: Map<string, string[]>;
  /** File → the files that import only types from it; built on first use. */
  typeReverse?: Map<string, string[]>;
  /** What listing the project and indexing its imports took, in milliseconds. */
  cost: number;
  /** `usedForProvider` by the settings' provider test and the version of the file asked about. */
  readonly used: Map<(text: string) => boolean, WeakMap<CachedFile, boolean>>;
}

/** What each file imports (resolved), kept across listings while the file and the project's file list are unchanged. */
const imported = new Map<string, { readonly stamp: Stamp; readonly targets: readonly string[] }>();

const listings = new Map<string, Listing>();

/**
 * The project's files, listed once per run of lints (a CLI run lists a
 * large project once); a later run (the editor linting the file being
 * edited again) lists it again when the listing is older than two seconds
 * or twenty times what it cost, whichever is later.
 */
function listProject(lint: Session): Listing {
  const { root } = lint;
  const cached = listings.get(root);
  if (cached && (cached.run === lint.view || Date.now() - cached.at < Math.max(REFRESH_MS, REFRESH_COST_FACTOR * cached.cost))) return cached;
  const started = performance.now();
  const files: string[] = [];
  const visit = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (files.length >= MAX_FILES) return;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_DIRECTORIES.has(entry.name)) visit(join(dir, entry.name));
      } else if (entry.isFile() && SOURCE.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) {
        files.push(join(dir, entry.name));
      }
    }
  };
  visit(root);
  files.sort();
  // a file added or removed can change what an unchanged file's imports resolve to
  if (cached && (cached.files.length !== files.length || cached.files.some((f, i) => f !== files[i]))) {
    for (const file of imported.keys()) if (file.startsWith(root)) imported.delete(file);
  }
  const listing: Listing = { at: Date.now(), run: lint.view, files, session: new Session(root), used: new Map(), cost: performance.now() - started };
  listings.set(root, listing);
  return listing;
}

/** The project files whose imports name `path` (from a reverse index built once per listing). */
export function importersOf(project: Project, path: string): readonly string[] {
  const listing = listProject(project.session);
  const { session } = listing;
  listing.reverse ??= reverseIndex(listing, (file, reverse) => {
    const stamp = session.stamp(file);
    if (!stamp) return;
    let known = imported.get(file);
    if (!known || known.stamp.mtimeMs !== stamp.mtimeMs || known.stamp.size !== stamp.size) {
      const cached = session.file(file);
      const targets = cached ? specifiersOf(cached).flatMap((specifier) => session.resolve(specifier, file) ?? []) : [];
      known = { stamp, targets };
      imported.set(file, known);
    }
    for (const target of known.targets) addImporter(reverse, target, file);
  });
  return listing.reverse.get(path) ?? [];
}

/** A reverse index of the listing's files, `index` adding what each file imports; its cost is counted in the listing's. */
function reverseIndex(listing: Listing, index: (file: string, reverse: Map<string, string[]>) => void): Map<string, string[]> {
  const started = performance.now();
  const reverse = new Map<string, string[]>();
  for (const file of listing.files) index(file, reverse);
  listing.cost += performance.now() - started;
  return reverse;
}

/** Records that `file` imports `target` (a file importing itself is left out). */
function addImporter(reverse: Map<string, string[]>, target: string, file: string): void {
  if (target === file) return;
  const list = reverse.get(target);
  if (!list) reverse.set(target, [file]);
  else if (!list.includes(file)) list.push(file);
}

/**
 * The files of the project that import only types from `path` (`import type
 * { WhatsAppApi } from './whatsapp-api'`, the usual way to `implements` a
 * contract), which `importersOf` leaves out: no value crosses such an
 * import. Built on first use per listing (asked only for a contract's
 * implementations), with a text search of each file before its scan.
 */
export function typeImportersOf(project: Project, path: string): readonly string[] {
  const listing = listProject(project.session);
  const { session } = listing;
  listing.typeReverse ??= reverseIndex(listing, (file, reverse) => {
    const cached = session.file(file);
    if (!cached || !/\b(?:import|export)\s+type\s/.test(cached.text)) return;
    for (const specifier of scanTypeSpecifiers(cached.text)) {
      const target = session.resolve(specifier, file);
      if (target) addImporter(reverse, target, file);
    }
  });
  return listing.typeReverse.get(path) ?? [];
}

/** `@Inject(TOKEN)` (NestJS), `@inject(TOKEN)` (tsyringe, inversify): the file's own text, tested before anything else is read. */
const INJECTS = /@inject\s*\(/i;
const DECLARES_CONTRACT = (text: string): boolean => /\binterface\s+[\w$]+|\babstract\s+class\b/.test(text);
const IMPLEMENTS = (text: string): boolean => /\b(?:implements|extends)\b/.test(text);

/**
 * Does a file that injects by token (`@Inject(WHATSAPP_PROVIDER) private
 * readonly provider: WhatsAppProvider`) import an interface or abstract class
 * that a class of a file reaching a provider implements? The class bound to
 * the token is then the provider's (see `Resolver.implementation`), and the
 * file calls it, though neither its text nor its imports name a provider.
 * Cost: nothing unless the file's own text says `@Inject(`; then, for each
 * file it imports that declares an interface or an abstract class, a text
 * test of that file's importers (the import index) and the reach search of
 * those that say `implements` or `extends`.
 */
export function injectsProviderContract(project: Project, path: string, text: string): boolean {
  if (!INJECTS.test(text)) return false;
  const { session } = project;
  for (const specifier of scanSpecifiers(text)) {
    const target = session.resolve(specifier, path);
    const declaring = target !== undefined && target !== path ? session.file(target) : undefined;
    if (!target || !declaring || !textTest(declaring, DECLARES_CONTRACT)) continue;
    for (const file of [target, ...importersOf(project, target)]) {
      if (file === path || TEST_FILE.test(file)) continue;
      const other = session.file(file);
      if (other && textTest(other, IMPLEMENTS) && (textTest(other, project.settings.mentionsProvider) || importsReachProvider(project, file, other.text, path))) return true;
    }
  }
  return false;
}

/**
 * Is the file on disk the text being linted (an editor buffer may not be
 * saved yet)? What its importers, read from disk, say about positions in it
 * holds only then.
 */
export function savedAsLinted(project: Project, path: string, text: string): boolean {
  return project.session.file(path)?.text.trimEnd() === text.trimEnd();
}

/**
 * The analyses of the project files importing `path` whose text passes
 * `test`, as they are on disk, built as for `callerFacts` (their calls into
 * other files than `path` not followed). A cached analysis that asks is
 * built again when one of the importers changes.
 */
export function importerAnalyses(project: Project, path: string, test: (text: string) => boolean): FileAnalysis[] {
  const found: FileAnalysis[] = [];
  for (const importer of importersOf(project, path)) {
    dependOn(project, importer);
    const cached = project.session.file(importer);
    if (!cached || !textTest(cached, test)) continue;
    const analysis = whileGathering(() => analysisAt(project, importer, path));
    if (analysis) found.push(analysis);
  }
  return found;
}

/** The project's files whose text passes `test` (a pure function of the text: a text search, no parse, kept per version of each file). */
export function projectFilesMatching(project: Project, test: (text: string) => boolean): string[] {
  const found: string[] = [];
  const listing = listProject(project.session);
  for (const file of listing.files) {
    // the search is kept with the file's text: a later call costs a stat per file, not a scan
    const cached = listing.session.file(file);
    if (cached && textTest(cached, test)) found.push(file);
  }
  return found;
}

/** Text that may make an HTTP request or create a client: only such files can be a layer that callers use. */
export const HTTP_CLIENT = /\bfetch\s*\(|\baxios\b|\bgot\b|\bky\b|ofetch|\$fetch|undici|superagent|HttpService|\.request\s*\(/;

export const usesHttpClient = (text: string): boolean => HTTP_CLIENT.test(text);

/** Text that calls an SDK's send as written (`.messages.create(`), maybe on a client it is handed (see `handsSdkClients`). */
export const callsSdk = (text: string): boolean => SDK_CALL_TEXT.test(text);

/** Text that makes HTTP requests, creates a client or calls an SDK's send: what of a file its importers may tell about. */
const usesClient = (text: string): boolean => usesHttpClient(text) || callsSdk(text);

const handsSdk = new WeakMap<object, boolean>();

/**
 * Does a file make an SDK's send on a client one of its functions is handed
 * (`function send({ client }) { return client.messages.create(…) }`)? Its
 * importers say what they hand it. Only a file whose text calls an SDK's
 * send is parsed to tell; the answer is kept per parse.
 */
export function handsSdkClients(sourceCode: Readonly<TSESLint.SourceCode> | undefined, settings: ResolvedSettings): boolean {
  if (!sourceCode || !callsSdk(sourceCode.text)) return false;
  let known = handsSdk.get(sourceCode.ast);
  if (known === undefined) {
    const env: AnalysisEnv = { sourceCode, settings };
    known = false;
    walkNodes(sourceCode.ast, sourceCode.visitorKeys, (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression || !handedReceivers(env, node)?.sdk) return undefined;
      known = true;
      return 'stop';
    });
    handsSdk.set(sourceCode.ast, known);
  }
  return known;
}

/**
 * Is a file that names no provider used for one by a file that imports it (a
 * generic layer, a NestJS service whose module names the host)? A text
 * search of its direct importers: one that names a provider and names what
 * the file makes requests with. Importers are read as the project listing
 * sees them, and the answer is kept with the listing (a new or changed
 * importer is seen when the listing is refreshed, as a new importer is).
 */
export function usedForProvider(project: Project, path: string, file: CachedFile): boolean {
  if (!textTest(file, usesHttpClient)) return false;
  const listing = listProject(project.session);
  const mentions = project.settings.mentionsProvider;
  let known = listing.used.get(mentions);
  if (!known) listing.used.set(mentions, (known = new WeakMap()));
  let used = known.get(file);
  if (used === undefined) {
    const names = exportUseTest(file, usesHttpClient);
    used = importersOf(project, path).some((importer) => {
      const cached = listing.session.file(importer);
      return cached !== undefined && textTest(cached, names) && textTest(cached, mentions);
    });
    known.set(file, used);
  }
  return used;
}

/** Every importer passes: the file's exports cannot be told apart by name. */
const ANY_IMPORTER = (): boolean => true;
const NO_IMPORTER = (): boolean => false;

const useTests = new WeakMap<CachedFile, Map<(text: string) => boolean, (text: string) => boolean>>();

/**
 * A text test an importer of `file` must pass to use the part of `file`
 * that `marks` concerns (its text names a provider, or makes HTTP
 * requests): it names an export whose declaration is so marked (directly
 * or through another top-level declaration of the file that is). For an
 * exported object literal (`config = { whatsapp: { baseUrl } }`) or an
 * environment read (`env = createEnv({ … })`, `cleanEnv(process.env, …)`),
 * whose values are read by key, it names one of the marked keys
 * instead: every file imports `env`, few read `env.WHATSAPP_API_URL`.
 * An importer that fails the test imports something else from the file
 * (`isDefined` from a utils file that also has a `sendRequest`). Every
 * text passes when the file cannot be read that way: it does not parse,
 * exports CommonJS-style, or exports a marked function, class or value
 * as its default (imported under any name).
 */
export function exportUseTest(file: CachedFile, marks: (text: string) => boolean): (text: string) => boolean {
  let byMarks = useTests.get(file);
  if (!byMarks) useTests.set(file, (byMarks = new Map()));
  let test = byMarks.get(marks);
  if (!test) {
    test = computeUseTest(file, marks);
    byMarks.set(marks, test);
  }
  return test;
}

interface Unit {
  readonly node: Node;
  readonly locals: string[];
  readonly exported: string[];
}

function computeUseTest(file: CachedFile, marks: (text: string) => boolean): (text: string) => boolean {
  if (/\bmodule\.exports\b|\bexports\.[\w$]+\s*=|\bexport\s*=/.test(file.text)) return ANY_IMPORTER;
  const sourceCode = parsedFile(file);
  if (!sourceCode) return ANY_IMPORTER;
  const { units, statements } = topLevelUnits(sourceCode.ast);
  const textOf = (node: Node) => sourceCode.text.slice(node.range[0], node.range[1]);
  // a declaration is marked when its text is, or names one that is, or a marked statement names it
  // (`api.defaults.baseURL = GRAPH_URL` marks `api`)
  const marked = new Set(units.filter((unit) => marks(textOf(unit.node))));
  const byLocal = new Map(units.flatMap((unit) => unit.locals.map((local) => [local, unit] as const)));
  for (const statement of statements) {
    const text = textOf(statement);
    if (!marks(text)) continue;
    for (const [word] of text.matchAll(/[\w$]+/g)) {
      const unit = byLocal.get(word);
      if (unit) marked.add(unit);
    }
  }
  for (let grew = marked.size > 0; grew; ) {
    grew = false;
    const mentions = wordsTest([...marked].flatMap((unit) => unit.locals));
    if (!mentions) break;
    for (const unit of units) {
      if (!marked.has(unit) && mentions(textOf(unit.node))) {
        marked.add(unit);
        grew = true;
      }
    }
  }
  // a key is marked when its value is, or names a marked declaration (`send: (to) => post(GRAPH_URL, to)`)
  const namesMarked = wordsTest([...marked].flatMap((unit) => unit.locals));
  const keyMarks = (text: string) => marks(text) || (namesMarked?.(text) ?? false);
  const names = new Set<string>();
  /** Records named where they are handed on whole (`createClient(config)`): the callee may read the key. */
  const handedOn = new Set<string>();
  for (const unit of marked) {
    if (unit.exported.length === 0) continue;
    // imported under a name of the importer's choosing
    if (unit.exported.includes('default')) return ANY_IMPORTER;
    const record = recordKind(unit.node);
    // read by key: the marked keys of this value and of the declarations it is built from; an environment
    // schema's keys carry their defaults inline, an object's functions may use the file's constants
    const keys = record ? [...marked].flatMap((part) => markedKeys(part.node, record === 'environment' ? marks : keyMarks, textOf, record === 'environment', sourceCode.visitorKeys)) : [];
    if (keys.length === 0) {
      for (const name of unit.exported) names.add(name);
    } else {
      for (const key of keys) names.add(key);
      for (const name of unit.exported) handedOn.add(name);
    }
  }
  const named = wordsTest([...names]);
  const handed = handedOnTest([...handedOn]);
  if (named && handed) return (text) => named(text) || handed(text);
  return named ?? handed ?? NO_IMPORTER;
}

/** A test for any of `names` passed whole as an argument (`createClient(config)`, `new Api(env, token)`); `undefined` for no names. */
function handedOnTest(names: readonly string[]): ((text: string) => boolean) | undefined {
  if (names.length === 0) return undefined;
  const pattern = new RegExp(`[(,]\\s*(?:${names.map(escapeRegExp).join('|')})\\s*[,)]`);
  return (text) => pattern.test(text);
}

/**
 * The top-level declarations of a module (imports included), with the names
 * they declare and export (`'default'` also for `export * from`: any name),
 * and its other top-level statements.
 */
function topLevelUnits(program: TSESTree.Program): { units: Unit[]; statements: Node[] } {
  const units: Unit[] = [];
  const statements: Node[] = [];
  const byLocal = new Map<string, Unit>();
  const add = (node: Node, locals: string[], exported: string[]): void => {
    const unit: Unit = { node, locals, exported };
    units.push(unit);
    for (const name of locals) byLocal.set(name, unit);
  };
  const renamed: { local: string; exported: string }[] = [];
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      if (statement.declaration) {
        const names = declaredNames(statement.declaration);
        add(statement.declaration, names, [...names]);
      } else if (statement.source) {
        // re-exported from another module: marked when the specifier is (a provider's SDK package)
        add(statement, [], statement.specifiers.map((specifier) => moduleExportName(specifier.exported)));
      } else {
        for (const specifier of statement.specifiers) {
          if (specifier.local.type === AST_NODE_TYPES.Identifier) renamed.push({ local: specifier.local.name, exported: moduleExportName(specifier.exported) });
        }
      }
    } else if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      const declaration = statement.declaration as Node;
      const id = 'id' in declaration && declaration.id?.type === AST_NODE_TYPES.Identifier ? [declaration.id.name] : [];
      add(declaration, id, ['default']);
    } else if (statement.type === AST_NODE_TYPES.ExportAllDeclaration) {
      add(statement, [], statement.exported ? [moduleExportName(statement.exported)] : ['default']);
    } else if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      add(statement, statement.specifiers.map((specifier) => specifier.local.name), []);
    } else {
      const names = declaredNames(statement);
      if (names.length > 0) add(statement, names, []);
      else statements.push(statement);
    }
  }
  for (const { local, exported } of renamed) byLocal.get(local)?.exported.push(exported);
  return { units, statements };
}

/** Environment schemas that take the whole environment by themselves: t3-env's `createEnv`, envalid's `cleanEnv`. */
const ENV_SCHEMAS = new Set(['createEnv', 'cleanEnv']);

/**
 * Is a declaration's value read by key: an object literal (`'record'`), or
 * the environment read through a schema (`'environment'`: t3-env's
 * `createEnv({ … })`, envalid's `cleanEnv(process.env, { … })`, a zod or
 * joi schema's `.parse(process.env)`: a call given the environment itself),
 * whose keys are the schema's leaf keys (`env.WHATSAPP_API_URL`, not
 * `server`)? A client made with an option from the environment
 * (`axios.create({ baseURL: process.env.GRAPH_URL })`) is neither: its
 * importers call it, they do not read its options.
 */
function recordKind(node: Node): 'record' | 'environment' | undefined {
  let value: Node | null | undefined = node;
  if (node.type === AST_NODE_TYPES.VariableDeclaration) value = node.declarations.length === 1 ? node.declarations[0]!.init : undefined;
  if (!value) return undefined;
  value = skipTransparent(value as TSESTree.Expression);
  if (value.type === AST_NODE_TYPES.ObjectExpression) return 'record';
  if (value.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = skipTransparent(value.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  if (typeof name === 'string' && ENV_SCHEMAS.has(name)) return 'environment';
  return value.arguments.some((argument) => isEnvironmentObject(argument)) ? 'environment' : undefined;
}

/** The keys of the properties under `node` whose text `marks` (for an environment, only the innermost ones). */
function markedKeys(node: Node, marks: (text: string) => boolean, textOf: (node: Node) => string, leavesOnly: boolean, visitorKeys: VisitorKeys): string[] {
  const keys: { key: string; node: Node }[] = [];
  walkNodes(node, visitorKeys, (child) => {
    if (child.type !== AST_NODE_TYPES.Property) return undefined;
    if (!marks(textOf(child))) return false;
    const key = propertyKeyName(child);
    if (key !== undefined) keys.push({ key: String(key), node: child });
    return undefined;
  });
  if (!leavesOnly) return keys.map((k) => k.key);
  return keys.filter((k) => !keys.some((other) => other !== k && k.node.range[0] <= other.node.range[0] && other.node.range[1] <= k.node.range[1])).map((k) => k.key);
}

/**
 * A test for any of `names` as a whole word of code, outside module
 * specifiers (`from '../graph'` does not name `graph`); `undefined` for no
 * names.
 */
function wordsTest(names: readonly string[]): ((text: string) => boolean) | undefined {
  if (names.length === 0) return undefined;
  const pattern = new RegExp(`(?<![\\w$])(?:${[...new Set(names)].map(escapeRegExp).join('|')})(?![\\w$])`);
  return (text) => pattern.test(withoutSpecifiers(text));
}

const MODULE_SPECIFIER = /(\bfrom\s*|\b(?:require|import)\s*\(\s*|^\s*import\s*)(['"])[^'"\n]*\2/gm;
let lastText = '';
let lastStripped = '';

/** The text with the module specifiers of its imports, re-exports and `require`s blanked (the last text is kept). */
function withoutSpecifiers(text: string): string {
  if (text !== lastText) {
    lastStripped = text.replace(MODULE_SPECIFIER, '$1$2$2');
    lastText = text;
  }
  return lastStripped;
}

/** The names a top-level statement declares (functions, classes, variables, enums, namespaces). */
function declaredNames(node: Node): string[] {
  switch (node.type) {
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.ClassDeclaration:
    case AST_NODE_TYPES.TSEnumDeclaration:
      return node.id ? [node.id.name] : [];
    case AST_NODE_TYPES.TSModuleDeclaration:
      return node.id.type === AST_NODE_TYPES.Identifier ? [node.id.name] : [];
    case AST_NODE_TYPES.VariableDeclaration:
      return node.declarations.flatMap((declarator) => patternNames(declarator.id));
    default:
      return [];
  }
}

function patternNames(pattern: Node): string[] {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      return [pattern.name];
    case AST_NODE_TYPES.ObjectPattern:
      return pattern.properties.flatMap((property) => patternNames(property.type === AST_NODE_TYPES.Property ? property.value : property));
    case AST_NODE_TYPES.ArrayPattern:
      return pattern.elements.flatMap((element) => (element ? patternNames(element) : []));
    case AST_NODE_TYPES.AssignmentPattern:
      return patternNames(pattern.left);
    case AST_NODE_TYPES.RestElement:
      return patternNames(pattern.argument);
    default:
      return [];
  }
}


/** Where a node is, to find it again in another parse of the same text. */
export type Span = readonly [number, number];

/** What the importers of a file know about it, by source position. */
export interface CallerFacts {
  /**
   * Requests of the file's HTTP layers that callers use for a provider, with
   * the file's calls that lead a caller there (from the function it called).
   */
  readonly layers: readonly { readonly request: Span; readonly provider: ProviderInfo; readonly chain: readonly Span[] }[];
  /** Base URLs given to the `HttpService` injected into the file's classes, by class position. */
  readonly injectedBases: readonly { readonly cls: Span; readonly base: StringValue; readonly names: readonly string[] }[];
  /** Requests made elsewhere through a client created in the file, by the position of its creation. */
  readonly remoteRequests: readonly { readonly origin: Span; readonly provider: ProviderInfo; readonly method: string | undefined }[];
  /**
   * What each call of a function of the file hands a parameter the function
   * makes calls on as a client (see `parameterBinding`): the client, or
   * `null` for a value not known to be one.
   */
  readonly handed?: readonly { readonly fn: Span; readonly index: number; readonly path: readonly string[]; readonly client: HandedClient | null }[];
  /**
   * The functions each call of a function of the file hands it (an argument,
   * or a property of an object literal argument: `start({ send: sendWhatsApp })`),
   * each with the analysis of the file declaring it; `null` for one that
   * cannot be analysed. See `FileAnalysis.handedFunction`.
   */
  readonly handedFunctions?: readonly { readonly fn: Span; readonly index: number; readonly path: readonly string[]; readonly target: ExternalFunction | null }[];
}

const NO_FACTS: CallerFacts = { layers: [], injectedBases: [], remoteRequests: [] };

/**
 * Facts the files importing `path` give about it; only importers that reach a
 * provider are analysed. With `calledParameters` (the file calls a send it is
 * handed, see `callsHandedSend` and `handedFunctionsByImporters`), also the
 * functions they hand it.
 */
export function callerFacts(project: Project, path: string, calledParameters = false): CallerFacts {
  const layers: CallerFacts['layers'][number][] = [];
  const injectedBases: CallerFacts['injectedBases'][number][] = [];
  const remoteRequests: CallerFacts['remoteRequests'][number][] = [];
  const handed: NonNullable<CallerFacts['handed']>[number][] = [];
  const handedFunctions: NonNullable<CallerFacts['handedFunctions']>[number][] = [];
  const own = project.session.file(path);
  const receivers = own ? handedBindingsOf(project, own) : [];
  /** Importers that reach no provider: asked what functions they hand only when another importer hands a send. */
  const quietImporters: string[] = [];
  for (const importer of importersOf(project, path)) {
    // a cached analysis built with these facts is built again when an importer changes
    dependOn(project, importer);
    const cached = project.session.file(importer);
    if (!cached) continue;
    // an importer that names nothing the file makes requests with cannot tell anything about them (unless it may
    // hand the file's functions a function to call)
    if (own && !calledParameters && !textTest(cached, exportUseTest(own, usesClient))) continue;
    // an importer that reaches a provider only through this file cannot call it with that provider's URL; it
    // may still hand a function of it a client of another kind, which leaves that client unknown
    const reaches = textTest(cached, project.settings.mentionsProvider) || importsReachProvider(project, importer, cached.text, path);
    if (!reaches && receivers.length === 0) {
      if (calledParameters) quietImporters.push(importer);
      continue;
    }
    const analysis = analysisAt(project, importer, path);
    if (!analysis) continue;
    if (receivers.length > 0) handed.push(...handedAt(analysis, path, receivers));
    // an importer that reaches no provider may hand another function (a stand-in): the callers then disagree
    if (calledParameters) handedFunctions.push(...functionsHandedAt(project, analysis, path));
    if (!reaches) continue;
    for (const call of analysis.calls) {
      const external = call.external;
      if (external && pathOf(external.fn) === path) {
        const chain = chainWithin(external.analysis, external.fn);
        for (const layer of external.analysis.layerRequests) layers.push({ request: layer.request.range, provider: layer.provider, chain });
      }
      const origin = call.request?.clientOrigin;
      if (origin && typeof origin === 'object' && 'type' in origin && pathOf(origin as Node) === path) {
        remoteRequests.push({ origin: (origin as Node).range, provider: call.provider, method: call.request?.method });
      }
    }
    injectedBases.push(...nestHttpBases(analysis, path));
  }
  // what the importers hand as functions matters only when one of them hands a function that reaches a provider
  if (!handedFunctions.some((fact) => fact.target?.analysis.wrappers.has(fact.target.fn))) handedFunctions.length = 0;
  else {
    for (const importer of quietImporters) {
      const analysis = analysisAt(project, importer, path);
      if (analysis) handedFunctions.push(...functionsHandedAt(project, analysis, path));
    }
  }
  return layers.length || injectedBases.length || remoteRequests.length || handed.length || handedFunctions.length
    ? { layers, injectedBases, remoteRequests, ...(handed.length ? { handed } : {}), ...(handedFunctions.length ? { handedFunctions } : {}) }
    : NO_FACTS;
}

/** The function of an analysis's file at a span. */
function functionAt(analysis: FileAnalysis, range: readonly [number, number]): FunctionNode | undefined {
  let found: FunctionNode | undefined;
  walkNodes(analysis.sourceCode.ast, analysis.sourceCode.visitorKeys, (node) => {
    if (found || node.range[1] < range[0] || node.range[0] > range[1]) return false;
    if (isFunction(node) && node.range[0] === range[0] && node.range[1] === range[1]) found = node;
    return found ? 'stop' : undefined;
  });
  return found;
}

/**
 * A word that says a call sends, up to the call's parenthesis: the rest of the
 * callee's name after it (`sendWhatsApp(`, `notify(`, `deliverMessage(`). The
 * search starts at the word, not at every identifier of the text (five times
 * faster than `[\w$]*` before it); the name's start is found from there.
 */
const SEND_WORD_CALL = /(?:send|notify|deliver|message|whats_?app)[\w$]*\s*\(/gi;
const NAME_CHAR = /[\w$]/;

/** Where the callees named as sending start in a text: names not read as a property (`.send(`). */
function sendNamedCalls(text: string): number[] {
  const starts: number[] = [];
  for (const match of text.matchAll(SEND_WORD_CALL)) {
    let start = match.index;
    while (start > 0 && NAME_CHAR.test(text[start - 1]!)) start--;
    if (start === 0 || text[start - 1] !== '.') starts.push(start);
  }
  return starts;
}

/**
 * Does a file call, by a name that says it sends (`send`, `notify`,
 * `deliver`, `message`, `whatsapp` in it), a function it is handed: a
 * parameter, or a property destructured from one (`function run({
 * sendWhatsApp })`)? Its text is searched first; only the places found are
 * looked up in its tree, so a file that calls nothing so named costs one
 * regular expression. A method called on a parameter (`res.send()`,
 * `deps.send(…)`) does not count.
 */
export function callsHandedSend(sourceCode: Readonly<TSESLint.SourceCode>, settings: ResolvedSettings): boolean {
  const env: AnalysisEnv = { sourceCode, settings };
  for (const start of sendNamedCalls(sourceCode.text)) {
    const node = sourceCode.getNodeByRangeIndex(start) as Node | null;
    const call = node?.parent;
    if (node?.type !== AST_NODE_TYPES.Identifier || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== node) continue;
    if (parameterBinding(env, node)) return true;
  }
  return false;
}

/**
 * Is a file that names no provider, and calls a send it is handed
 * (`callsHandedSend`, checked first by the caller), imported by a file that
 * reaches one? A text search of its direct importers (one that names a
 * provider or imports a file that reaches one). Its importers then say what
 * they hand it (`callerFacts`).
 */
export function handedFunctionsByImporters(project: Project, path: string): boolean {
  return importersOf(project, path).some((importer) => {
    const cached = project.session.file(importer);
    return cached !== undefined && (textTest(cached, project.settings.mentionsProvider) || importsReachProvider(project, importer, cached.text, path));
  });
}

/** What an importer's calls of the file's functions hand them as functions (arguments, and properties of object literals). */
function functionsHandedAt(project: Project, analysis: FileAnalysis, path: string): NonNullable<CallerFacts['handedFunctions']>[number][] {
  const found: NonNullable<CallerFacts['handedFunctions']>[number][] = [];
  const targetOf = (value: Node): ExternalFunction | null | undefined => {
    const current = skipTransparent(value);
    const fn = isFunction(current) ? current : current.type === AST_NODE_TYPES.Identifier ? functionNamed(analysis, current) : undefined;
    if (!fn) return current.type === AST_NODE_TYPES.Identifier || current.type === AST_NODE_TYPES.MemberExpression ? null : undefined;
    if (fn === current || programOf(fn) === analysis.sourceCode.ast) return { analysis, fn };
    // a function the importer imports itself (`startNudges({ send: sendWhatsApp })`): its own file's analysis
    // (the importer's was built for this file only), and the function as that analysis parsed it
    const declaring = pathOf(fn);
    const other = declaring ? analysisAt(project, declaring) : undefined;
    const same = other && functionAt(other, fn.range);
    return other && same ? { analysis: other, fn: same } : null;
  };
  for (const call of analysis.allCalls) {
    if (call.arguments.length === 0) continue;
    const fn = calleeFunction(analysis, call.callee)?.fn;
    if (!fn || pathOf(fn) !== path) continue;
    call.arguments.forEach((argument, index) => {
      if (argument.type === AST_NODE_TYPES.SpreadElement) return;
      const object = resolveExpression(analysis, argument);
      if (object.type === AST_NODE_TYPES.ObjectExpression) {
        for (const property of object.properties) {
          if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
          const key = propertyKeyName(property);
          const target = typeof key === 'string' ? targetOf(property.value as Node) : undefined;
          if (target !== undefined) found.push({ fn: fn.range, index, path: [key as string], target });
        }
        return;
      }
      const target = targetOf(argument);
      if (target !== undefined) found.push({ fn: fn.range, index, path: [], target });
    });
  }
  return found;
}

const handedByFile = new WeakMap<CachedFile, readonly ParameterBinding[]>();

/**
 * The parameter bindings the functions of a file send on as clients (an
 * SDK's send, an HTTP verb with a payload: see `handedReceivers`), read once
 * per version of it.
 */
function handedBindingsOf(project: Project, file: CachedFile): readonly ParameterBinding[] {
  let found = handedByFile.get(file);
  if (!found) {
    const sourceCode = parsedFile(file);
    const bindings = new Map<string, ParameterBinding>();
    if (sourceCode) {
      const env: AnalysisEnv = { sourceCode, settings: project.settings };
      walkNodes(sourceCode.ast, sourceCode.visitorKeys, (node) => {
        if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
        const receivers = handedReceivers(env, node);
        if (!receivers?.sends) return undefined;
        for (const binding of receivers.bindings) bindings.set(bindingKey(binding), binding);
        return undefined;
      });
    }
    found = [...bindings.values()];
    handedByFile.set(file, found);
  }
  return found;
}

/**
 * What an importer's calls of the file's functions hand the parameters
 * they make calls on as clients: the argument (or the property of it the
 * function reads, as the call writes it: `send({ client: twilioClient })`)
 * and the client it is here, or `null`.
 */
function handedAt(analysis: FileAnalysis, path: string, receivers: readonly ParameterBinding[]): NonNullable<CallerFacts['handed']>[number][] {
  const found: NonNullable<CallerFacts['handed']>[number][] = [];
  for (const call of analysis.allCalls) {
    if (call.arguments.length === 0) continue;
    const fn = calleeFunction(analysis, call.callee)?.fn;
    if (!fn || pathOf(fn) !== path) continue;
    for (const binding of receivers) {
      if (binding.fn.range[0] !== fn.range[0] || binding.fn.range[1] !== fn.range[1]) continue;
      let value: Node | undefined = call.arguments[binding.index];
      for (const key of binding.path) {
        const object: Node | undefined = value && value.type !== AST_NODE_TYPES.SpreadElement ? resolveExpression(analysis, value) : undefined;
        const property: TSESTree.Property | undefined = object?.type === AST_NODE_TYPES.ObjectExpression ? findProperty(object, key) : undefined;
        value = property ? property.value : undefined;
      }
      const client: HandedClient | null = (value && value.type !== AST_NODE_TYPES.SpreadElement && handedOf(clientOf(analysis, value))) || null;
      found.push({ fn: fn.range, index: binding.index, path: binding.path, client });
    }
  }
  return found;
}

/**
 * The calls of same-file functions that lead from `fn` (the function a
 * caller called) to a layer's requests, in an analysis built for that
 * caller's requests: `post(path) { return graph(path) }` gives the call of
 * `graph`.
 */
function chainWithin(analysis: FileAnalysis, fn: FunctionNode): Span[] {
  const chain: Span[] = [];
  const seen = new Set<FunctionNode>();
  const visit = (current: FunctionNode) => {
    if (seen.has(current)) return;
    seen.add(current);
    for (const call of analysis.calls) {
      if (!call.wrapper || call.node.range[0] < current.range[0] || call.node.range[1] > current.range[1]) continue;
      chain.push(call.node.range);
      visit(call.wrapper);
    }
  };
  visit(fn);
  return chain;
}

/**
 * `@Module({ imports: [HttpModule.register({ baseURL })], providers: [Service] })`:
 * the base URL each provided class of `path` gets with its `HttpService`.
 */
function nestHttpBases(analysis: FileAnalysis, path: string): { cls: Span; base: StringValue; names: readonly string[] }[] {
  const found: { cls: Span; base: StringValue; names: readonly string[] }[] = [];
  walkNodes(analysis.sourceCode.ast, analysis.sourceCode.visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.Decorator) return undefined;
    const call = skipTransparent(node.expression);
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.Identifier || call.callee.name !== 'Module') return false;
    const options = call.arguments[0] && resolveExpression(analysis, call.arguments[0]);
    if (options?.type !== AST_NODE_TYPES.ObjectExpression) return false;
    const registered = httpModuleBase(analysis, findProperty(options, 'imports')?.value);
    if (!registered) return false;
    const { base } = registered;
    // WhatsApp evidence where the base URL is given: the module's name (`WaModule`), the options' names (`WHATSAPP_TOKEN`)
    const moduleClass = node.parent;
    const className = (moduleClass?.type === AST_NODE_TYPES.ClassDeclaration || moduleClass?.type === AST_NODE_TYPES.ClassExpression) && moduleClass.id ? [moduleClass.id.name] : [];
    const names = [...className, ...namesOf(analysis, registered.config)];
    const providers = findProperty(options, 'providers')?.value;
    const list = providers && resolveExpression(analysis, providers);
    if (list?.type !== AST_NODE_TYPES.ArrayExpression) return false;
    for (const element of list.elements) {
      const cls = element && element.type !== AST_NODE_TYPES.SpreadElement ? classOf(analysis, element) : undefined;
      if (cls && pathOf(cls) === path) found.push({ cls: cls.range, base, names });
    }
    return false;
  });
  return found;
}

/** The `baseURL` of `HttpModule.register({ … })` or `registerAsync({ useFactory: () => ({ … }) })` in a module's imports. */
function httpModuleBase(analysis: FileAnalysis, imports: Node | undefined): { base: StringValue; config: TSESTree.ObjectExpression } | undefined {
  const list = imports && resolveExpression(analysis, imports);
  if (list?.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
  for (const element of list.elements) {
    const call = element && skipTransparent(element);
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    if (skipTransparent(call.callee.object).type !== AST_NODE_TYPES.Identifier || (call.callee.object as TSESTree.Identifier).name !== 'HttpModule') continue;
    const method = memberName(call.callee);
    let config = call.arguments[0] && resolveExpression(analysis, call.arguments[0]);
    if (method === 'registerAsync' && config?.type === AST_NODE_TYPES.ObjectExpression) {
      const factory = findProperty(config, 'useFactory')?.value;
      const fn = factory && skipTransparent(factory);
      const returned = fn && (fn.type === AST_NODE_TYPES.ArrowFunctionExpression || fn.type === AST_NODE_TYPES.FunctionExpression) ? factoryResult(fn) : undefined;
      config = returned && resolveExpression(analysis, returned);
    }
    if (config?.type !== AST_NODE_TYPES.ObjectExpression) continue;
    const base = findProperty(config, 'baseURL') ?? findProperty(config, 'baseUrl');
    if (base) return { base: evaluateString(analysis, base.value), config };
  }
  return undefined;
}

function factoryResult(fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression): Node | undefined {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body;
  const returned = fn.body.body.find((s): s is TSESTree.ReturnStatement => s.type === AST_NODE_TYPES.ReturnStatement);
  return returned?.argument ?? undefined;
}
