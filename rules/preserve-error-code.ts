/**
 * Flags error paths of provider calls that throw a new error or return a
 * failure value without the provider's code, body or original error.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { contrastingPair, decidedOnCode, errorPaths, getAnalysis, type ErrorPath, type FileAnalysis } from '../src/analysis/index.js';
import { childrenOf, findProperty, isFunction, propertyKeyName, skipTransparent, walkNodes, type Node } from '../src/analysis/ast.js';
import { pathMatches } from '../src/analysis/providers.js';
import { resolveExpression, staticValue } from '../src/analysis/values.js';
import { createRule, formatCode } from '../src/util/create-rule.js';

/**
 * Does an expression keep the provider's code, its error body, or the
 * original error? A value counts when it is passed whole (`err`, `body`,
 * `body.error`, `body.error.code`, `{ ...err }`); a projection such as
 * `err.message` or `res.status` does not.
 */
function carries(analysis: FileAnalysis, node: Node): boolean {
  const keys = analysis.sourceCode.visitorKeys;
  const visit = (n: Node): boolean => {
    if (isFunction(n)) return false;
    if (n.type === AST_NODE_TYPES.Identifier || n.type === AST_NODE_TYPES.MemberExpression || n.type === AST_NODE_TYPES.ChainExpression) {
      // a member chain is one value: `err.message` is not `err`
      const kind = analysis.kindOf(n);
      return !!kind && (kind.k === 'error' || kind.k === 'response' || (kind.k === 'body' && isCodeOrAbove(kind.path, kind.provider.codePath)));
    }
    if (n.type === AST_NODE_TYPES.CallExpression) {
      const kind = analysis.kindOf(n);
      const value = kind?.k === 'promise' ? kind.of : kind; // `await res.json()`
      if (value?.k === 'body' && isCodeOrAbove(value.path, value.provider.codePath)) return true; // errorCodeOf(…), res.json()
      if (n.callee.type === AST_NODE_TYPES.Identifier && n.callee.name === 'String') return false; // String(err) keeps only the text
      return n.arguments.some(visit); // the arguments, not the callee: `err.toString()` drops the code
    }
    if (n.type === AST_NODE_TYPES.Property && !n.computed) return visit(n.value); // `{ error: … }`: the key names nothing
    return childrenOf(n, keys).some(visit);
  };
  return visit(node);
}

/** The body, `body.error` or `body.error.code`: on the way to the code (or the code itself). */
function isCodeOrAbove(path: readonly (string | number)[], codePath: readonly (string | number)[]): boolean {
  return path.length <= codePath.length && pathMatches(path, codePath.slice(0, path.length));
}

/** A value that reports a failure: a sentence, or an object with `error`, `ok: false`, `success: false`. */
function isFailureValue(analysis: FileAnalysis, node: Node): boolean {
  const current = skipTransparent(node);
  if (current.type === AST_NODE_TYPES.Literal) return typeof current.value === 'string' && /\s/.test(current.value.trim());
  if (current.type === AST_NODE_TYPES.TemplateLiteral) return current.expressions.length > 0 || /\s/.test(current.quasis[0]?.value.cooked?.trim() ?? '');
  if (current.type === AST_NODE_TYPES.BinaryExpression && current.operator === '+') return true;
  if (current.type === AST_NODE_TYPES.ObjectExpression) {
    if (findProperty(current, 'error')) return true;
    for (const key of ['ok', 'success']) {
      const property = findProperty(current, key);
      if (property && staticValue(analysis, property.value) === false) return true;
    }
  }
  return false;
}

/** The statements of an error path that leave it (not inside nested functions). */
function exits(analysis: FileAnalysis, path: ErrorPath): (TSESTree.ThrowStatement | TSESTree.ReturnStatement | TSESTree.Expression)[] {
  if (path.body.type !== AST_NODE_TYPES.BlockStatement && path.body.type.endsWith('Expression')) {
    return [path.body as TSESTree.Expression]; // `.catch((e) => ({ ok: false, error: e.message }))`
  }
  const found: (TSESTree.ThrowStatement | TSESTree.ReturnStatement)[] = [];
  walkNodes(path.body, analysis.sourceCode.visitorKeys, (n) => {
    if (isFunction(n)) return false;
    if (n.type === AST_NODE_TYPES.ThrowStatement || n.type === AST_NODE_TYPES.ReturnStatement) found.push(n);
    return undefined;
  });
  return found;
}

export default createRule({
  name: 'preserve-error-code',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: {
      description: "Require error paths of provider calls to keep the provider's error code, body or original error",
      recommended: true,
    },
    schema: [],
    messages: {
      droppedThrow:
        'The {{provider}} error code is dropped here, so callers cannot tell {{first}} from {{second}}; pass {{keep}} or keep {{codeField}}.',
      droppedReturn:
        'This failure value drops the {{provider}} error code, so callers cannot tell {{first}} from {{second}}; return {{codeField}} (or the error body) with it.',
      addCause: 'Add { cause: {{caught}} } to keep the original error.',
    },
  },
  create(context) {
    const analysis = getAnalysis(context);
    if (!analysis) return {};
    return {
      'Program:exit'() {
        const reported = new Set<Node>();
        for (const path of errorPaths(analysis)) {
          const pair = contrastingPair(path.provider);
          const data = {
            provider: path.provider.id,
            first: pair ? formatCode(pair[0].code) : 'one error',
            second: pair ? formatCode(pair[1].code) : 'another',
            codeField: path.provider.codeField,
            keep: path.caught ? `{ cause: ${path.caught.name} }` : 'the parsed error body',
          };
          for (const exit of exits(analysis, path)) {
            if (reported.has(exit) || decidedOnCode(analysis, exit, path.body)) continue;
            if (exit.type === AST_NODE_TYPES.ThrowStatement) {
              let thrown: Node = skipTransparent(exit.argument);
              if (thrown.type === AST_NODE_TYPES.Identifier) {
                if (analysis.kindOf(thrown)) continue; // rethrowing the caught error
                thrown = resolveExpression(analysis, thrown);
              }
              const built = thrown.type === AST_NODE_TYPES.NewExpression || thrown.type === AST_NODE_TYPES.CallExpression || isFailureValue(analysis, thrown);
              if (!built || carries(analysis, thrown)) continue;
              reported.add(exit);
              context.report({ node: exit, messageId: 'droppedThrow', data, suggest: causeFix(thrown, path) });
              continue;
            }
            const value = exit.type === AST_NODE_TYPES.ReturnStatement ? exit.argument : exit;
            if (!value || !isFailureValue(analysis, value) || carries(analysis, value)) continue;
            reported.add(exit);
            context.report({ node: exit, messageId: 'droppedReturn', data });
          }
        }
      },
    };
  },
});

/** `new Error(msg)` → `new Error(msg, { cause: err })` where an error was caught. */
function causeFix(thrown: Node, path: ErrorPath) {
  const caught = path.caught;
  if (!caught || thrown.type !== AST_NODE_TYPES.NewExpression) return [];
  const args = thrown.arguments;
  const data = { caught: caught.name };
  if (args.length === 1) {
    return [{ messageId: 'addCause' as const, data, fix: (fixer: TSESLint.RuleFixer) => fixer.insertTextAfter(args[0]!, `, { cause: ${caught.name} }`) }];
  }
  const options = args[1];
  if (args.length === 2 && options?.type === AST_NODE_TYPES.ObjectExpression && !options.properties.some((p) => p.type === AST_NODE_TYPES.Property && propertyKeyName(p) === 'cause')) {
    const text = options.properties.length ? `cause: ${caught.name}, ` : `cause: ${caught.name}`;
    return [
      {
        messageId: 'addCause' as const,
        data,
        fix: (fixer: TSESLint.RuleFixer) => (options.properties[0] ? fixer.insertTextBefore(options.properties[0], text) : fixer.replaceText(options, `{ ${text} }`)),
      },
    ];
  }
  return [];
}
