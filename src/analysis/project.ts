/**
 * Type-aware, cross-file: the analysis of other project files, built with the
 * same recognition as the file being linted and cached once per file, per
 * program and settings. Also the typed pre-filter: a file that names no
 * provider still needs analysis when it imports, directly or through other
 * project files, a module that reaches one.
 */
import { createRequire } from 'node:module';
import type * as ScopeManager from '@typescript-eslint/scope-manager';
import type * as Estree from '@typescript-eslint/typescript-estree';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as VisitorKeys from '@typescript-eslint/visitor-keys';
import type * as ESLintModule from 'eslint';
import type * as ts from 'typescript';
import { childrenOf, type Node } from './ast.js';
import { FileAnalysis } from './file.js';
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

/** Parsing other files needs typescript-estree and ESLint's SourceCode: loaded on first typed use only. */
let parsing: { estree: typeof Estree; scope: typeof ScopeManager; keys: typeof VisitorKeys; eslint: typeof ESLintModule } | undefined;
function parsingModules(): NonNullable<typeof parsing> {
  if (!parsing) {
    const require = createRequire(import.meta.url);
    parsing = {
      estree: require('@typescript-eslint/typescript-estree') as typeof Estree,
      scope: require('@typescript-eslint/scope-manager') as typeof ScopeManager,
      keys: require('@typescript-eslint/visitor-keys') as typeof VisitorKeys,
      eslint: require('eslint') as typeof ESLintModule,
    };
  }
  return parsing;
}

function setParents(node: Node, parent: Node | undefined, keys: VisitorKeys.VisitorKeys): void {
  (node as { parent?: Node }).parent = parent;
  for (const child of childrenOf(node, keys)) setParents(child, node, keys);
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
  const { estree, scope, keys, eslint } = parsingModules();
  const { ast, services } = estree.parseAndGenerateServices(file.text, {
    programs: [program],
    filePath: fileName,
    range: true,
    loc: true,
    tokens: true,
    comment: true,
    jsx: /x$/.test(fileName),
  });
  setParents(ast as Node, undefined, keys.visitorKeys);
  const scopeManager = scope.analyze(ast, { sourceType: 'module' });
  const sourceCode = new eslint.SourceCode({
    text: file.text,
    ast: ast as never,
    parserServices: services as never,
    scopeManager: scopeManager as never,
    visitorKeys: keys.visitorKeys as never,
  });
  const analysis = createAnalysis(sourceCode as unknown as Readonly<TSESLint.SourceCode>, settings, typeInfoOf(sourceCode as unknown as Readonly<TSESLint.SourceCode>));
  state.analyses.set(fileName, analysis);
  return analysis;
}

/** A file's analysis, with type-aware extras when a program is given. */
export function createAnalysis(sourceCode: Readonly<TSESLint.SourceCode>, settings: ResolvedSettings, types: TypeInfo | undefined): FileAnalysis {
  return new FileAnalysis(sourceCode, settings, types ? { types, fileAnalysis: (fileName) => analysisOfFile(fileName, types, settings) } : {});
}

/** Should a file be analysed at all? Its text names a provider, or (typed) an imported project file reaches one. */
export function needsAnalysis(sourceCode: Readonly<TSESLint.SourceCode>, settings: ResolvedSettings, types: TypeInfo | undefined): boolean {
  if (settings.mentionsProvider(sourceCode.text)) return true;
  if (!types) return false;
  const file = types.tsNode(sourceCode.ast as TSESTree.Node)?.getSourceFile();
  return !!file && importedFiles(file, types.program).some((f) => reachesProvider(f, types.program, settings));
}
