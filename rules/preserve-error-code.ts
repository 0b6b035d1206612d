/**
 * Flags error paths of provider calls that throw a new error or return a
 * failure value without the provider's code, body or original error.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  alwaysThrows,
  carries,
  catchGetsCode,
  codeReaches,
  contrastingPair,
  copiedFailureRecords,
  decidedOnCode,
  endpointOf,
  errorPaths,
  failureFlagOf,
  failureRecordOf,
  getAnalysis,
  isFailureValue,
  isStandIn,
  exitValue,
  pathExits,
  thrownBy,
  type ErrorPath,
  type FileAnalysis,
} from '../src/analysis/index.js';
import { propertyKeyName, skipTransparent, type Node } from '../src/analysis/ast.js';
import { helperDroppingThrows } from '../src/analysis/failure-values.js';
import { calleeFunction, resolveExpression } from '../src/analysis/values.js';
import { calleeName, createRule, formatCode } from '../src/util/create-rule.js';

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
      droppedRecord:
        'This failure record keeps only the message of a failed {{provider}} call, so {{first}} and {{second}} look the same in it; store {{codeField}} (or the error body) beside it.',
      droppedFlag:
        'This catch keeps only {{flag}} = false for a failed {{provider}} call, so callers cannot tell {{first}} from {{second}}; keep {{codeField}} (or the error) beside the flag.',
      droppedCopy:
        'This record copies {{flag}} from the result of {{wrapper}}() but not its {{field}}, so a failed {{provider}} call loses its code here and {{first}} looks like {{second}}; copy {{field}} (or the whole result) too.',
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
          // a catch around a wrapper that already replaced the provider's error with one of its own: nothing to keep here
          if (!catchGetsCode(analysis, path)) continue;
          const pair = contrastingPair(path.provider, endpointOf(analysis, path.call));
          const data = {
            provider: path.provider.id,
            first: pair ? formatCode(pair[0].code) : 'one error',
            second: pair ? formatCode(pair[1].code) : 'another',
            codeField: path.provider.codeField,
            keep: path.caught ? `{ cause: ${path.caught.name} }` : 'the parsed error body',
          };
          for (const exit of pathExits(analysis, path)) {
            // a decision made on the code, or a place no documented code reaches (network errors, a 2xx body)
            if (reported.has(exit) || decidedOnCode(analysis, exit, path.body) || !codeReaches(analysis, path, exit)) continue;
            if (exit.type === AST_NODE_TYPES.CallExpression && alwaysThrows(analysis, exit)) {
              // `fail(\`templates: ${e.message}\`)` where `fail` always throws: what it is given is what it throws
              if (exit.arguments.length === 0) continue;
              if (exit.arguments.some((a) => carries(analysis, a))) {
                // handed the error or the response, the helper's own throws decide: a catch-all `throw new X('failed')`
                // drops the code there, where it is reported once for all its calls
                for (const dropping of helperDroppingThrows(analysis, exit) ?? []) {
                  if (reported.has(dropping)) continue;
                  reported.add(dropping);
                  context.report({ node: dropping, messageId: 'droppedThrow', data: { provider: data.provider, first: data.first, second: data.second, codeField: data.codeField, keep: helperKeep(analysis, exit, path) } });
                }
                continue;
              }
              reported.add(exit);
              context.report({ node: exit, messageId: 'droppedThrow', data });
              continue;
            }
            // `throw new Error(…)`, or `reject(new Error(…))` in a promise made by hand
            const thrownValue = thrownBy(analysis, exit);
            if (thrownValue) {
              let thrown: Node = skipTransparent(thrownValue);
              if (thrown.type === AST_NODE_TYPES.Identifier) {
                // rethrowing the caught error, or an error given the code before (`err.meta = body.error; throw err`)
                if (analysis.kindOf(thrown) || carries(analysis, thrown)) continue;
                thrown = resolveExpression(analysis, thrown);
              }
              const built = thrown.type === AST_NODE_TYPES.NewExpression || thrown.type === AST_NODE_TYPES.CallExpression || isFailureValue(analysis, thrown);
              if (!built || carries(analysis, thrown)) continue;
              reported.add(exit);
              context.report({ node: exit, messageId: 'droppedThrow', data, suggest: causeFix(thrown, path) });
              continue;
            }
            const value = exitValue(analysis, exit);
            if (!value || !isFailureValue(analysis, value) || carries(analysis, value) || isStandIn(analysis, exit, path)) continue;
            reported.add(exit);
            context.report({ node: exit, messageId: 'droppedReturn', data });
          }
          // `catch (e) { await log.create({ status: 'failed', reason: e.message }); }`: the record keeps only the text
          const record = failureRecordOf(analysis, path);
          if (record && !reported.has(record)) {
            reported.add(record);
            const { provider, first, second, codeField } = data;
            context.report({ node: record, messageId: 'droppedRecord', data: { provider, first, second, codeField } });
          }
          // `let sent = false; try { await send(); sent = true; } catch (e) { log(e); }`: the flag is the failure value
          const flag = failureFlagOf(analysis, path);
          const clause = path.body.parent;
          if (flag && clause?.type === AST_NODE_TYPES.CatchClause) {
            const { provider, first, second, codeField } = data;
            context.report({ node: clause.param ?? clause, messageId: 'droppedFlag', data: { provider, first, second, codeField, flag: flag.name } });
          }
        }
        // `results.push({ phone, ok: r.ok, error: r.error })` for every result: a failure's record without its code
        for (const { record, call, flag, field } of copiedFailureRecords(analysis)) {
          if (reported.has(record)) continue;
          reported.add(record);
          const pair = contrastingPair(call.provider, endpointOf(analysis, call));
          const wrapper = calleeName(context.sourceCode.getText(call.node.callee));
          context.report({
            node: record,
            messageId: 'droppedCopy',
            data: { provider: call.provider.id, first: pair ? formatCode(pair[0].code) : 'one error', second: pair ? formatCode(pair[1].code) : 'another', flag, wrapper, field },
          });
        }
      },
    };
  },
});

/** What a helper that always throws should keep: the caught error it is handed, under its parameter's name, or else the body. */
function helperKeep(analysis: FileAnalysis, call: TSESTree.CallExpression, path: ErrorPath): string {
  const caught = path.caught;
  const index = caught
    ? call.arguments.findIndex((a) => {
        const v = skipTransparent(a);
        return v.type === AST_NODE_TYPES.Identifier && v.name === caught.name;
      })
    : -1;
  const param = index >= 0 ? calleeFunction(analysis, call.callee)?.fn.params[index] : undefined;
  return param?.type === AST_NODE_TYPES.Identifier ? `{ cause: ${param.name} }` : 'the parsed error body';
}

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
