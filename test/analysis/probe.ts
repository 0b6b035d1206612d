/**
 * Test-only harness for the recognition layer: lints a snippet with a rule
 * that does nothing but ask `getAnalysis(context)` what it sees, and returns
 * one line per finding, in source order.
 *
 *   call <provider> <client family | wrapper | external:<file> | settings-wrapper> @line:col
 *   <kind> <provider> <source text>[ #code][ #status]
 *
 * `<kind>` is `response`, `error`, `status`, `ok`, `headers`, `promise<…>`
 * (what the promise settles to), or `body` followed by its path
 * (`body.error.code`, `body.errors[0].code`; `@webhook` when it is read from a
 * status webhook's errors; `~split`, `~fragment`, `~text` for a code written
 * otherwise than the catalog has it, see `CodeRepr`). `#code` marks a node
 * `codeOf` accepts, `#status` one `statusOf` accepts. A call's arguments
 * print as `(…)`, and whitespace is collapsed, so lines stay short.
 */
import { Linter, type Rule } from 'eslint';
import * as parser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getAnalysis, type Kind } from '../../src/analysis/index.js';

type Node = TSESTree.Node;

function pathText(path: readonly (string | number)[]): string {
  return path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${segment}`)).join('');
}

function kindLabel(kind: Kind | undefined): string {
  if (!kind) return '?';
  if (kind.k === 'promise') return `promise<${kindLabel(kind.of)}>`;
  if (kind.k === 'body') return `body${pathText(kind.path)}${kind.repr ? `~${kind.repr}` : ''}${kind.source === 'webhook' ? '@webhook' : ''}`;
  return kind.k;
}

/** Source text with whitespace collapsed and call arguments elided. */
function shortText(text: (node: Node) => string, node: Node): string {
  const raw =
    node.type === 'CallExpression'
      ? `${text(node.callee)}${node.optional ? '?.' : ''}(${node.arguments.length ? '…' : ''})`
      : node.type === 'AwaitExpression'
        ? `await ${shortText(text, node.argument)}`
        : text(node);
  return raw.replace(/\s+/g, ' ');
}

/** Identifiers that name a property or member rather than hold a value. */
function isName(node: TSESTree.Identifier): boolean {
  const parent = node.parent;
  if (parent?.type === 'MemberExpression') return parent.property === node && !parent.computed;
  if (parent?.type === 'Property') return parent.key === node && !parent.computed && parent.value !== node;
  if (parent?.type === 'PropertyDefinition' || parent?.type === 'MethodDefinition') return parent.key === node;
  return false;
}

const probeRule: TSESLint.RuleModule<'line'> = {
  defaultOptions: [],
  meta: { type: 'problem', schema: [], messages: { line: '{{line}}' } },
  create(context) {
    const analysis = getAnalysis(context);
    if (!analysis) return {};
    const text = (node: Node): string => context.sourceCode.getText(node);
    const seen = new Set<string>();
    const report = (node: Node, line: string): void => {
      const key = `${node.range[0]}:${node.range[1]}:${line}`;
      if (seen.has(key)) return;
      seen.add(key);
      context.report({ node, messageId: 'line', data: { line } });
    };
    const visit = (node: Node): void => {
      if (node.type === 'Identifier' && isName(node)) return;
      const kind = analysis.kindOf(node);
      if (!kind) return;
      const marks = `${analysis.codeOf(node) ? ' #code' : ''}${analysis.statusOf(node) ? ' #status' : ''}`;
      report(node, `${kindLabel(kind)} ${kind.provider.id} ${shortText(text, node)}${marks}`);
    };
    return {
      Program() {
        for (const call of analysis.calls) {
          const how = call.request
            ? call.request.family
            : call.wrapper
              ? 'wrapper'
              : call.external
                ? `external:${(call.external.analysis.fileName ?? '?').split(/[\\/]/).pop()}`
                : 'settings-wrapper';
          const { line, column } = call.node.loc.start;
          report(call.node, `call ${call.provider.id} ${how} @${line}:${column + 1}`);
        }
      },
      Identifier: visit,
      MemberExpression: visit,
      CallExpression: visit,
      AwaitExpression: visit,
    };
  },
};

const linter = new Linter({ configType: 'flat' });

/** Drops the common indentation of a template literal, so snippets read naturally in tests. */
export function dedent(source: string): string {
  const lines = source.replace(/^\n/, '').replace(/\n\s*$/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/**
 * What the recognition layer sees in `code` (TypeScript), one line per
 * finding, in source order. The snippet is linted as `whatsapp.ts` (WhatsApp
 * evidence for graph.facebook.com requests) unless `filename` says otherwise.
 */
export function probe(code: string, settings?: object, filename = 'whatsapp.ts'): string[] {
  const messages = linter.verify(
    dedent(code),
    [
      {
        files: ['**/*.ts', '**/*.js', '**/*.cjs', '**/*.mjs'],
        languageOptions: { parser, sourceType: 'module' },
        plugins: { probe: { rules: { probe: probeRule as unknown as Rule.RuleModule } } },
        rules: { 'probe/probe': 'error' },
        ...(settings === undefined ? {} : { settings: { 'whatsapp-errors': settings } }),
      },
    ],
    { filename },
  );
  const fatal = messages.find((m) => m.fatal || m.ruleId !== 'probe/probe');
  if (fatal) throw new Error(`probe: ${fatal.message} (${fatal.line}:${fatal.column})`);
  // Source order; a node before the nodes inside it; ties keep report order (calls first).
  return messages
    .map((m, i) => ({ m, i }))
    .sort((a, b) => a.m.line - b.m.line || a.m.column - b.m.column || (b.m.endLine ?? 0) - (a.m.endLine ?? 0) || (b.m.endColumn ?? 0) - (a.m.endColumn ?? 0) || a.i - b.i)
    .map(({ m }) => m.message);
}

/** Only the `call …` lines. */
export function probeCalls(code: string, settings?: object, filename?: string): string[] {
  return probe(code, settings, filename).filter((line) => line.startsWith('call '));
}
