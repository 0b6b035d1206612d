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
 * refreshed when it is older than two seconds, which matters only in an
 * editor: a new importer is seen at most two seconds late. Only importers
 * that reach a provider are analysed.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { findProperty, memberName, skipTransparent, walkNodes, type Node } from './ast.js';
import { namesOf } from './evidence.js';
import type { FileAnalysis } from './file.js';
import { analysisAt, importsReachProvider, pathOf, type Project } from './imports.js';
import { Session, specifiersOf, textTest, type CachedFile, type Stamp } from './modules.js';
import type { ProviderInfo } from './providers.js';
import { classOf, evaluateString, resolveExpression, type StringValue } from './values.js';

const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'build', 'coverage', 'out', 'tmp', 'vendor']);
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
const MAX_FILES = 20_000;
const REFRESH_MS = 2_000;

interface Listing {
  readonly at: number;
  readonly files: readonly string[];
  /** The disk view the listing reads files through: each path is checked once per listing. */
  readonly session: Session;
  /** File → the files that import it; built on first use. */
  reverse?: Map<string, string[]>;
}

/** What each file imports (resolved), kept across listings while the file and the project's file list are unchanged. */
const imported = new Map<string, { readonly stamp: Stamp; readonly targets: readonly string[] }>();

const listings = new Map<string, Listing>();

function listProject(root: string): Listing {
  const cached = listings.get(root);
  if (cached && Date.now() - cached.at < REFRESH_MS) return cached;
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
  const listing: Listing = { at: Date.now(), files, session: new Session(root) };
  listings.set(root, listing);
  return listing;
}

/** The project files whose imports name `path` (from a reverse index built once per listing). */
export function importersOf(project: Project, path: string): readonly string[] {
  const listing = listProject(project.session.root);
  if (!listing.reverse) {
    const reverse = new Map<string, string[]>();
    const { session } = listing;
    for (const file of listing.files) {
      const stamp = session.stamp(file);
      if (!stamp) continue;
      let known = imported.get(file);
      if (!known || known.stamp.mtimeMs !== stamp.mtimeMs || known.stamp.size !== stamp.size) {
        const cached = session.file(file);
        const targets = cached ? specifiersOf(cached).flatMap((specifier) => session.resolve(specifier, file) ?? []) : [];
        known = { stamp, targets };
        imported.set(file, known);
      }
      for (const target of known.targets) {
        if (target === file) continue;
        const list = reverse.get(target);
        if (list) {
          if (!list.includes(file)) list.push(file);
        } else reverse.set(target, [file]);
      }
    }
    listing.reverse = reverse;
  }
  return listing.reverse.get(path) ?? [];
}

/** The project's files whose text passes `test` (a pure function of the text: a text search, no parse, kept per version of each file). */
export function projectFilesMatching(project: Project, test: (text: string) => boolean): string[] {
  const found: string[] = [];
  const listing = listProject(project.session.root);
  for (const file of listing.files) {
    // the search is kept with the file's text: a later call costs a stat per file, not a scan
    const cached = listing.session.file(file);
    if (cached && textTest(cached, test)) found.push(file);
  }
  return found;
}

/** Text that may make an HTTP request or create a client: only such files can be a layer that callers use. */
export const HTTP_CLIENT = /\bfetch\s*\(|\baxios\b|\bgot\b|\bky\b|ofetch|\$fetch|undici|superagent|HttpService|\.request\s*\(/;

const usesHttpClient = (text: string): boolean => HTTP_CLIENT.test(text);

/**
 * Is a file that names no provider used for one by a file that imports it (a
 * generic layer, a NestJS service whose module names the host)? A text
 * search of its direct importers.
 */
export function usedForProvider(project: Project, path: string, file: CachedFile): boolean {
  if (!textTest(file, usesHttpClient)) return false;
  return importersOf(project, path).some((importer) => {
    const cached = project.session.file(importer);
    return cached !== undefined && textTest(cached, project.settings.mentionsProvider);
  });
}

/** Where a node is, to find it again in another parse of the same text. */
export type Span = readonly [number, number];

/** What the importers of a file know about it, by source position. */
export interface CallerFacts {
  /** Requests of the file's HTTP layers that callers use for a provider. */
  readonly layers: readonly { readonly request: Span; readonly provider: ProviderInfo }[];
  /** Base URLs given to the `HttpService` injected into the file's classes, by class position. */
  readonly injectedBases: readonly { readonly cls: Span; readonly base: StringValue; readonly names: readonly string[] }[];
  /** Requests made elsewhere through a client created in the file, by the position of its creation. */
  readonly remoteRequests: readonly { readonly origin: Span; readonly provider: ProviderInfo; readonly method: string | undefined }[];
}

const NO_FACTS: CallerFacts = { layers: [], injectedBases: [], remoteRequests: [] };

/** Facts the files importing `path` give about it; only importers that reach a provider are analysed. */
export function callerFacts(project: Project, path: string): CallerFacts {
  const layers: CallerFacts['layers'][number][] = [];
  const injectedBases: CallerFacts['injectedBases'][number][] = [];
  const remoteRequests: CallerFacts['remoteRequests'][number][] = [];
  for (const importer of importersOf(project, path)) {
    const cached = project.session.file(importer);
    if (!cached || !(textTest(cached, project.settings.mentionsProvider) || importsReachProvider(project, importer, cached.text))) continue;
    const analysis = analysisAt(project, importer);
    if (!analysis) continue;
    for (const call of analysis.calls) {
      const external = call.external;
      if (external && pathOf(external.fn) === path) {
        for (const layer of external.analysis.layerRequests) layers.push({ request: layer.request.range, provider: layer.provider });
      }
      const origin = call.request?.clientOrigin;
      if (origin && typeof origin === 'object' && 'type' in origin && pathOf(origin as Node) === path) {
        remoteRequests.push({ origin: (origin as Node).range, provider: call.provider, method: call.request?.method });
      }
    }
    injectedBases.push(...nestHttpBases(analysis, path));
  }
  return layers.length || injectedBases.length || remoteRequests.length ? { layers, injectedBases, remoteRequests } : NO_FACTS;
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
