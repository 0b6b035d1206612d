/**
 * Flags comparisons of a provider's error code with a value the provider does
 * not document: a typo, another provider's code, a string against a numeric code.
 */
import { codeComparisonsOf, getAnalysis, type CodeComparison } from '../src/analysis/index.js';
import type { Node } from '../src/analysis/ast.js';
import { nearestCode, nearestCodes } from '../src/analysis/providers.js';
import type { ErrorEntry } from '../src/catalog/schema.js';
import { createRule, formatCode } from '../src/util/create-rule.js';

type MessageId = 'unknownCode' | 'didYouMean' | 'didYouMeanOneOf' | 'wrongType' | 'otherProvider' | 'useCode';

/** Loose equality (`==`) lets `'131047'` match `131047`. */
function looselyDocumented(comparison: CodeComparison): boolean {
  if (comparison.form !== '==' && comparison.form !== '!=') return false;
  const { value, provider } = comparison;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return provider.entry(Number(value)) !== undefined;
  return typeof value === 'number' && provider.entry(String(value)) !== undefined;
}

/** The code as a literal in the style of the one it replaces (its quote character). */
function replacement(raw: string, entry: ErrorEntry): string {
  if (typeof entry.code === 'number') return String(entry.code);
  const quote = /^["'`]/.test(raw) ? raw[0]! : "'";
  return `${quote}${entry.code}${quote}`;
}

export default createRule<[], MessageId>({
  name: 'no-unknown-error-code',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: {
      description: 'Disallow comparing a provider error code with a value the provider does not document',
      recommended: true,
    },
    schema: [],
    messages: {
      unknownCode: '{{value}} is not a documented {{provider}} error code, so this comparison never matches.',
      didYouMean: '{{value}} is not a documented {{provider}} error code, so this comparison never matches; did you mean {{suggestion}} ({{title}})?',
      didYouMeanOneOf: '{{value}} is not a documented {{provider}} error code, so this comparison never matches; did you mean {{suggestions}}?',
      wrongType: '{{provider}} sends this error code as a {{type}}, so {{value}} never equals it; compare with {{suggestion}} ({{title}}).',
      otherProvider: '{{value}} is a {{other}} error code, not a {{provider}} one, so this comparison never matches.',
      useCode: 'Use {{suggestion}} ({{title}}).',
    },
  },

  create(context) {
    const analysis = getAnalysis(context);
    if (!analysis) return {};
    const seen = new Set<Node>();
    const check = (node: Node): void => {
      for (const comparison of codeComparisonsOf(analysis, node)) {
        const { value, provider } = comparison;
        if ((typeof value !== 'string' && typeof value !== 'number') || seen.has(comparison.node)) continue;
        if (provider.entry(value) || looselyDocumented(comparison)) continue;
        seen.add(comparison.node);
        const shown = formatCode(value);
        // '131047' against a numeric code (or 470 against a string one): the same code in the other type, or the nearest one
        const asNumber = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
        const asString = typeof value === 'number' ? String(value) : undefined;
        const retyped =
          (asNumber !== undefined && (provider.entry(asNumber) ?? nearestCode(provider, asNumber))) ||
          (asString !== undefined && provider.def.codeType !== 'number' && provider.entry(asString)) ||
          undefined;
        const candidates = retyped ? [retyped] : nearestCodes(provider, value);
        const nearest = candidates.length === 1 ? candidates[0] : undefined;
        const suggest = (...entries: ErrorEntry[]) =>
          comparison.literal
            ? entries.map((entry) => ({
                messageId: 'useCode' as const,
                data: { suggestion: formatCode(entry.code), title: entry.title },
                fix: (fixer: Parameters<NonNullable<Parameters<typeof context.report>[0]['fix']>>[0]) => fixer.replaceText(comparison.literal!, replacement(context.sourceCode.getText(comparison.literal!), entry)),
              }))
            : [];
        if (retyped) {
          context.report({
            node: comparison.node,
            messageId: 'wrongType',
            data: { provider: provider.id, type: typeof retyped.code, value: shown, suggestion: formatCode(retyped.code), title: retyped.title },
            suggest: suggest(retyped),
          });
          continue;
        }
        const other = analysis.settings.providers.find((p) => p !== provider && p.entry(value));
        if (other && candidates.length === 0) {
          context.report({ node: comparison.node, messageId: 'otherProvider', data: { value: shown, other: other.id, provider: provider.id } });
          continue;
        }
        if (nearest) {
          context.report({
            node: comparison.node,
            messageId: 'didYouMean',
            data: { value: shown, provider: provider.id, suggestion: formatCode(nearest.code), title: nearest.title },
            suggest: suggest(nearest),
          });
          continue;
        }
        if (candidates.length > 1) {
          // equally near codes: name them (up to three, the best-known first) and offer each
          const named = candidates.slice(0, 3);
          const list = named.map((e) => formatCode(e.code));
          const suggestions = candidates.length > 3 ? `${list.join(', ')} (or ${candidates.length - 3} more)` : `${list.slice(0, -1).join(', ')} or ${list.at(-1)}`;
          context.report({ node: comparison.node, messageId: 'didYouMeanOneOf', data: { value: shown, provider: provider.id, suggestions }, suggest: suggest(...named) });
          continue;
        }
        context.report({ node: comparison.node, messageId: 'unknownCode', data: { value: shown, provider: provider.id } });
      }
    };
    return { BinaryExpression: check, SwitchCase: check, CallExpression: check };
  },
});
