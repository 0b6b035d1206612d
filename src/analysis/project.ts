/**
 * Type-aware, cross-file: the analysis of other project files, built with the
 * same recognition as the file being linted and cached once per file, per
 * program and settings. Also the typed pre-filter: a file that names no
 * provider still needs analysis when it imports, directly or through other
 * project files, a module that reaches one.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type { AnalysisEnv } from './env.js';
import { FileAnalysis } from './file.js';
import { callerFacts, callsHandedSend, callsSdk, handedFunctionsByImporters, handsSdkClients, injectsProviderContract, savedAsLinted, usesHttpClient, type CallerFacts } from './importers.js';
import { beginProject, importsReachProvider, isGathering, Resolver, whileGathering, type Project } from './imports.js';
import { parseProjectFile, Session } from './modules.js';
import type { ResolvedSettings } from './settings.js';
import { isProjectFile, typeInfoOf, typescript, type TypeInfo } from './types.js';

interface ProgramState {
  readonly analyses: Map<string, FileAnalysis | null>;
  readonly reaches: Map<string, boolean>;
}

const states = new WeakMap<ts.Program, WeakMap<ResolvedSettings, ProgramState>>();

function stateOf(program: ts.Program, settings: ResolvedSettings): ProgramState {
  let bySettings = states.get(program);
  if (!bySettings) states.set(program, (bySettings = new WeakMap()));
  let state = bySettings.get(settings);
  if (!state) bySettings.set(settings, (state = { analyses: new Map(), reaches: new Map() }));
  return state;
}

/** The project files a source file imports (ES imports, re-exports, `require`, `import()`). */
function importedFiles(file: ts.SourceFile, program: ts.Program): ts.SourceFile[] {
  const t = typescript();
  const checker = program.getTypeChecker();
  const found: ts.SourceFile[] = [];
  const add = (specifier: ts.Node | undefined): void => {
    if (!specifier || !t.isStringLiteralLike(specifier)) return;
    const symbol = checker.getSymbolAtLocation(specifier);
    const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    const target = declaration && t.isSourceFile(declaration) ? declaration : declaration?.getSourceFile();
    if (target && isProjectFile(target, program)) found.push(target);
  };
  for (const statement of file.statements) {
    if (t.isImportDeclaration(statement) || t.isExportDeclaration(statement)) add(statement.moduleSpecifier);
    if (t.isImportEqualsDeclaration(statement) && t.isExternalModuleReference(statement.moduleReference)) add(statement.moduleReference.expression);
  }
  return found;
}

/**
 * Does a project file reach a provider: its text names one, or a file it
 * imports does (followed transitively, once per file)?
 */
export function reachesProvider(file: ts.SourceFile, program: ts.Program, settings: ResolvedSettings): boolean {
  const { reaches } = stateOf(program, settings);
  const known = reaches.get(file.fileName);
  if (known !== undefined) return known;
  reaches.set(file.fileName, false); // a cycle reaches nothing new
  const result = settings.mentionsProvider(file.text) || importedFiles(file, program).some((f) => reachesProvider(f, program, settings));
  reaches.set(file.fileName, result);
  return result;
}

/** The analysis of another project file, or `undefined` when it reaches no provider. */
export function analysisOfFile(fileName: string, types: TypeInfo, settings: ResolvedSettings): FileAnalysis | undefined {
  const { program } = types;
  const state = stateOf(program, settings);
  const cached = state.analyses.get(fileName);
  if (cached !== undefined) return cached ?? undefined;
  state.analyses.set(fileName, null); // cycles see no wrappers
  const file = program.getSourceFile(fileName);
  if (!file || !isProjectFile(file, program) || !reachesProvider(file, program, settings)) return undefined;
  const sourceCode = parseProjectFile(fileName, file.text, program);
  if (!sourceCode) return undefined;
  const analysis = new FileAnalysis(sourceCode, settings, {
    types: typeInfoOf(sourceCode),
    fileAnalysis: (other) => analysisOfFile(other, types, settings),
    fileName,
  });
  state.analyses.set(fileName, analysis);
  return analysis;
}

/**
 * Starts the lint of one file: a fresh view of the disk (each path checked
 * once) shared by every analysis this lint reads, the linted file's and the
 * cached ones of the files it imports.
 */
export function startLint(file: { path: string; root: string }, settings: ResolvedSettings, types: TypeInfo | undefined): Project {
  const project: Project = {
    session: new Session(file.root, file.path),
    settings,
    validated: new Map(),
    usable: new Map(),
    factory: (sourceCode, path, resolver, layers) => {
      const build = (facts?: CallerFacts) => new FileAnalysis(sourceCode, settings, { fileName: path, imports: resolver, layers, ...(facts ? { callerFacts: facts } : {}) });
      const first = build();
      // what importers know, one level deep (a service whose HttpService base is in its module); not which
      // of its layers they use: other callers of a layer decide its provider for themselves
      return layers.length === 0 ? withCallerFacts(project, path, sourceCode.text, first, (facts) => build({ ...facts, layers: [] })) : first;
    },
  };
  void types;
  beginProject(project);
  return project;
}

/** A file's analysis: cross-file through imports, with type-aware extras when a program is given. */
export function createAnalysis(
  sourceCode: Readonly<TSESLint.SourceCode>,
  settings: ResolvedSettings,
  types: TypeInfo | undefined,
  project?: Project,
  path?: string,
  callerFacts?: CallerFacts,
): FileAnalysis {
  return new FileAnalysis(sourceCode, settings, {
    ...(types ? { types, fileAnalysis: (fileName: string) => analysisOfFile(fileName, types, settings) } : {}),
    ...(project && path ? { fileName: path, imports: (env: AnalysisEnv) => new Resolver(env, undefined) } : {}),
    ...(callerFacts ? { callerFacts } : {}),
  });
}


/**
 * The analysis of the linted file, or `undefined` when it has nothing to do
 * with a provider. A file that makes HTTP requests whose provider it does
 * not show (a generic layer), injects NestJS's `HttpService`, or gives
 * `axiosRetry` an instance is analysed again with what its importers know.
 */
export function analyseLintedFile(sourceCode: Readonly<TSESLint.SourceCode>, settings: ResolvedSettings, types: TypeInfo | undefined, project: Project, path: string): FileAnalysis | undefined {
  const relevant = needsAnalysis(sourceCode, settings, types, project, path);
  // a send it is handed (`startFollowUps({ sendWhatsApp })`): its own text and tree first, then its importers
  const handedFunctions = !relevant && !isGathering() && callsHandedSend(sourceCode, settings) && handedFunctionsByImporters(project, path);
  if (!relevant && !usesHttpClient(sourceCode.text) && !handsSdkClients(sourceCode, settings) && !handedFunctions) return undefined;
  const first = relevant ? createAnalysis(sourceCode, settings, types, project, path) : undefined;
  return withCallerFacts(project, path, sourceCode.text, first, (facts) => createAnalysis(sourceCode, settings, types, project, path, facts), handedFunctions);
}

/**
 * The analysis again with what the file's importers know, when the file may
 * be a generic layer (requests with no provider of their own), injects
 * NestJS's `HttpService`, or gives `axiosRetry` an instance. Importers are
 * analysed without facts of their own (one level).
 */
function withCallerFacts<T extends FileAnalysis | undefined>(project: Project, path: string, text: string, first: T, build: (facts: CallerFacts) => FileAnalysis, handedFunctions = false): T | FileAnalysis {
  if (isGathering() || !(usesHttpClient(text) || callsSdk(text) || handedFunctions)) return first;
  const wanted = !first || first.unresolvedRequests > 0 || /HttpService|axiosRetry|axios-retry/.test(text) || first.handsOpenClients();
  // the importers read the file from disk: their facts fit the text only when it is saved
  if (!wanted || !savedAsLinted(project, path, text)) return first;
  const facts = whileGathering(() => callerFacts(project, path, handedFunctions));
  const hasFacts = facts.layers.length > 0 || facts.injectedBases.length > 0 || facts.remoteRequests.length > 0 || (facts.handed?.length ?? 0) > 0 || (facts.handedFunctions?.length ?? 0) > 0;
  return hasFacts ? build(facts) : first;
}

/**
 * Should a file be analysed at all? Its text names a provider, or a project
 * file it imports reaches one (followed by a text search; with types,
 * through the program), or it injects by token an interface whose
 * implementation reaches one.
 */
export function needsAnalysis(sourceCode: Readonly<TSESLint.SourceCode>, settings: ResolvedSettings, types: TypeInfo | undefined, project?: Project, path?: string): boolean {
  if (settings.mentionsProvider(sourceCode.text)) return true;
  if (project && path && importsReachProvider(project, path, sourceCode.text)) return true;
  // a contract injected by token whose implementation reaches a provider (behind a test of the file's own text)
  if (project && path && injectsProviderContract(project, path, sourceCode.text)) return true;
  if (!types) return false;
  const file = types.tsNode(sourceCode.ast as TSESTree.Node)?.getSourceFile();
  return !!file && importedFiles(file, types.program).some((f) => reachesProvider(f, types.program, settings));
}
