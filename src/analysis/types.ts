/**
 * Type-aware recognition, used only when the parser gives a TypeScript
 * program (`parserOptions.projectService`). It adds what one file's syntax
 * cannot show:
 * - values typed with the plugin's own types (`ErrorBody<'meta-cloud'>`,
 *   `ErrorCode<P>`, …) wherever they come from;
 * - the Cloud API SDK clients behind typed receivers (`api: WhatsAppAPI`);
 * - wrappers declared in other files: the other file is analysed with the
 *   same recognition (once per file and program) and its wrappers are used.
 * Without a program none of this runs and `typescript` is never loaded.
 */
import { createRequire } from 'node:module';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { own } from './ast.js';
import type { SdkFamily } from './clients.js';

let typescriptModule: typeof ts | undefined;
/** `typescript`, loaded on first typed use (the typed parser has loaded it already). */
export function typescript(): typeof ts {
  typescriptModule ??= createRequire(import.meta.url)('typescript') as typeof ts;
  return typescriptModule;
}

export interface TypeInfo {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  tsNode(node: TSESTree.Node): ts.Node | undefined;
}

interface ParserServicesLike {
  program?: ts.Program | null;
  esTreeNodeToTSNodeMap?: { get(node: TSESTree.Node): ts.Node | undefined };
}

/** The file's type information, or `undefined` when the parser was not given a project. */
export function typeInfoOf(sourceCode: Readonly<TSESLint.SourceCode>): TypeInfo | undefined {
  const services = sourceCode.parserServices as ParserServicesLike | undefined;
  const program = services?.program;
  const map = services?.esTreeNodeToTSNodeMap;
  if (!program || !map) return undefined;
  const checker = program.getTypeChecker();
  return { program, checker, tsNode: (node) => map.get(node) };
}

/** Type names the catalog declares, by what they mean. */
const CODE_ALIASES = new Set(['ErrorCode', 'RetryableCode', 'NonRetryableCode', 'CodesForStatus']);
const BODY_INTERFACES: Readonly<Record<string, string>> = {
  MetaCloudErrorBody: 'meta-cloud',
  CequensErrorBody: 'cequens',
  WaServerErrorBody: 'wa-server',
  DigiworldErrorBody: 'digiworld',
  MsgBubblesErrorBody: 'msgbubbles',
  ConnexeaseErrorBody: 'connexease',
  TwilioErrorBody: 'twilio',
  Dialog360ErrorBody: '360dialog',
  VonageErrorBody: 'vonage',
  InfobipErrorBody: 'infobip',
  GupshupErrorBody: 'gupshup',
};

function declaredInCatalog(symbol: ts.Symbol | undefined): boolean {
  const file = symbol?.declarations?.[0]?.getSourceFile().fileName ?? '';
  return /[\\/]catalog[\\/]index\.(d\.)?[cm]?ts$/.test(file);
}

/** What a type says about a value: the provider's error code, its error body, or nothing. */
export type TypedValue = { readonly k: 'code' | 'body'; readonly provider: string } | undefined;

/**
 * `ErrorCode<'wa-server'>` (and its subsets) is a code of that provider;
 * `ErrorBody<P>` is its body. A union of documented literals that lost its
 * alias (`ErrorCode<P> | undefined`) counts when one provider documents them all.
 */
export function classifyType(
  type: ts.Type,
  checker: ts.TypeChecker,
  documents: (provider: string, code: string | number) => boolean,
  providers: readonly { readonly id: string; readonly passesThrough?: readonly string[] }[],
): TypedValue {
  const t = typescript();
  const alias = type.aliasSymbol;
  if (alias && CODE_ALIASES.has(alias.name) && declaredInCatalog(alias)) {
    const argument = type.aliasTypeArguments?.[0];
    if (argument?.isStringLiteral()) return { k: 'code', provider: argument.value };
  }
  const solid = checker.getNonNullableType(type);
  const symbol = solid.getSymbol();
  const bodyOf = symbol && own(BODY_INTERFACES, symbol.name);
  if (bodyOf && declaredInCatalog(symbol)) return { k: 'body', provider: bodyOf };
  const parts = solid.isUnion() ? solid.types : [solid];
  const literals = parts
    .map((part) => (part.isStringLiteral() || part.isNumberLiteral() ? part.value : undefined))
    .filter((value): value is string | number => value !== undefined);
  if (literals.length >= 2 && literals.length === parts.length && (solid.flags & t.TypeFlags.EnumLiteral) === 0) {
    const all = providers.filter((provider) => literals.every((code) => documents(provider.id, code)));
    // Meta's codes are also 360dialog's and Gupshup's, which pass them through: they are Meta's
    const owners = all.filter((provider) => !all.some((other) => provider.passesThrough?.includes(other.id)));
    if (owners.length === 1) return { k: 'code', provider: owners[0]!.id };
  }
  return undefined;
}

/** Module names the SDK classes are declared in, by class name. */
const SDK_CLASSES: Readonly<Record<string, { module: RegExp; family: SdkFamily }>> = {
  WhatsAppAPI: { module: /whatsapp-api-js/, family: 'sdk:whatsapp-api-js' },
  Client: { module: /@great-detail[\\/]whatsapp/, family: 'sdk:great-detail' },
  WhatsApp: { module: /(^|[\\/"'])whatsapp($|[\\/"'])/, family: 'sdk:meta' },
  // whatsapp-cloud-api's client is an interface: the package itself, not a scoped namesake (`@kapso/whatsapp-cloud-api`)
  Bot: { module: /^whatsapp-cloud-api$|[\\/]node_modules[\\/]whatsapp-cloud-api[\\/]/, family: 'sdk:whatsapp-cloud-api' },
};

/** Where a declaration lives: its file, or the name of the ambient module (`declare module 'whatsapp'`) around it. */
function moduleOf(declaration: ts.Node): string {
  const t = typescript();
  for (let current: ts.Node | undefined = declaration; current; current = current.parent) {
    if (t.isModuleDeclaration(current) && t.isStringLiteral(current.name)) return current.name.text;
  }
  return declaration.getSourceFile().fileName;
}

/** The SDK client a value's declared type is, if any. */
export function sdkOfType(type: ts.Type): SdkFamily | undefined {
  const symbol = type.getSymbol();
  const declaration = symbol?.declarations?.[0];
  if (!symbol || !declaration) return undefined;
  // a default-exported class is a symbol named `default`: use the class's own name
  const named = declaration as ts.Node & { name?: ts.Node };
  const name = symbol.name === 'default' && named.name && typescript().isIdentifier(named.name) ? named.name.text : symbol.name;
  const spec = own(SDK_CLASSES, name);
  return spec && spec.module.test(moduleOf(declaration)) ? spec.family : undefined;
}

/** Is a source file part of the user's project (not a dependency, not a declaration file)? */
export function isProjectFile(file: ts.SourceFile, program: ts.Program): boolean {
  return !file.isDeclarationFile && !program.isSourceFileFromExternalLibrary(file) && !/[\\/]node_modules[\\/]/.test(file.fileName);
}
