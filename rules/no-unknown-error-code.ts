/**
 * Flags comparisons of a provider's error code with a value the provider does
 * not document: a typo, another provider's code, a string against a numeric code.
 */
import { codeComparisonsOf, getAnalysis, resolveSettings, spell, valuesComparedBeside, type CodeComparison, type CodeSpelling, type ResolvedSettings } from '../src/analysis/index.js';
import type { Node } from '../src/analysis/ast.js';
import { nearestCode, nearestCodes } from '../src/analysis/providers.js';
import type { ErrorEntry } from '../src/catalog/schema.js';
import { createRule, formatCode, OptionsError } from '../src/util/create-rule.js';

type Options = [{ allow?: (string | number)[] }];
type MessageId = 'unknownCode' | 'didYouMean' | 'didYouMeanOneOf' | 'wrongType' | 'otherProvider' | 'fragmentOnly' | 'useCode';

/** Loose equality (`==`) lets `'131047'` match `131047`. */
function looselyDocumented(comparison: CodeComparison): boolean {
  if (comparison.form !== '==' && comparison.form !== '!=') return false;
  const { value, provider } = comparison;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return provider.entry(Number(value)) !== undefined;
  return typeof value === 'number' && provider.entry(String(value)) !== undefined;
}

/** The code as a literal in the style of the one it replaces (its quote character, the URL before a fragment, text digits). */
function replacement(raw: string, entry: ErrorEntry, spelling: CodeSpelling | undefined): string {
  const written = spell(entry.code, spelling);
  if (typeof written === 'number') return String(written);
  const quote = /^["'`]/.test(raw) ? raw[0]! : "'";
  return `${quote}${written}${quote}`;
}

/** The compared value as the message shows it: `'#1341'` for a URL's fragment, `'63099'` for a form field's text. */
function shownValue(comparison: CodeComparison): string {
  const { value, spelling } = comparison;
  if (spelling?.prefix !== undefined) return `'#${String(value)}'`;
  return formatCode(spelling?.text ? String(value) : (value as string | number));
}

const checked = new WeakMap<ResolvedSettings, Set<string>>();

/** An allowed code that an enabled provider documents is a mistake in the options: it would hide nothing. */
function checkAllow(allow: readonly (string | number)[], settings: ResolvedSettings): void {
  if (allow.length === 0) return;
  let done = checked.get(settings);
  if (!done) checked.set(settings, (done = new Set()));
  const key = JSON.stringify(allow);
  if (done.has(key)) return;
  for (const [i, value] of allow.entries()) {
    const owner = settings.providers.find((p) => p.entry(value) !== undefined);
    if (owner) throw new OptionsError(`no-unknown-error-code: allow[${i}] is ${formatCode(value)}, a documented ${owner.id} code; list only codes a provider sends without documenting them.`);
  }
  done.add(key);
}

export default createRule<Options, MessageId>({
  name: 'no-unknown-error-code',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: {
      description: 'Disallow comparing a provider error code with a value the provider does not document',
      recommended: true,
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            type: 'array',
            items: { type: ['string', 'number'] },
            uniqueItems: true,
            description: 'Codes a provider sends without documenting them (seen in its responses or status webhooks); comparisons with them are not reported.',
          },
        },
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      unknownCode: '{{value}} is not a documented {{provider}} error code, so this comparison matches no documented error.',
      didYouMean: '{{value}} is not a documented {{provider}} error code, so this comparison matches no documented error; did you mean {{suggestion}} ({{title}})?',
      didYouMeanOneOf: '{{value}} is not a documented {{provider}} error code, so this comparison matches no documented error; did you mean {{suggestions}}?',
      wrongType: '{{provider}} sends this error code as a {{type}}, so {{value}} never equals it; compare with {{suggestion}} ({{title}}).',
      otherProvider: '{{value}} is a {{other}} error code, not a {{provider}} one, so this comparison never matches.',
      fragmentOnly:
        "{{provider}} writes its error code as the fragment of a URL (…#{{code}}), so {{value}} never equals the whole value; compare the fragment, e.g. with .endsWith('#{{code}}').",
      useCode: 'Use {{suggestion}} ({{title}}).',
    },
  },

  create(context, [options]) {
    const allow = options.allow ?? [];
    checkAllow(allow, resolveSettings(context.settings));
    const analysis = getAnalysis(context);
    if (!analysis) return {};
    const allowed = new Set(allow.map(String));
    const seen = new Set<Node>();
    const check = (node: Node): void => {
      for (const comparison of codeComparisonsOf(analysis, node)) {
        const { value, provider } = comparison;
        if ((typeof value !== 'string' && typeof value !== 'number') || seen.has(comparison.node)) continue;
        // a network failure's code (`err.code === 'ECONNRESET'`) is not one of the provider's
        if (comparison.transport) continue;
        if (comparison.never === 'bare-fragment') {
          // `body.type === '1340'`: Vonage's type is the whole URL
          seen.add(comparison.node);
          context.report({ node: comparison.node, messageId: 'fragmentOnly', data: { provider: provider.id, value: formatCode(value), code: String(value) } });
          continue;
        }
        // `req.body.ErrorCode === 63016`: a form-encoded callback sends the code as text
        const documented = provider.entry(value);
        if (comparison.never === 'number-for-text' && documented) {
          seen.add(comparison.node);
          const suggestion = formatCode(String(documented.code));
          context.report({
            node: comparison.node,
            messageId: 'wrongType',
            data: { provider: provider.id, type: 'string', value: formatCode(value), suggestion, title: documented.title },
            suggest: comparison.literal
              ? [{ messageId: 'useCode', data: { suggestion, title: documented.title }, fix: (fixer) => fixer.replaceText(comparison.literal!, replacement(context.sourceCode.getText(comparison.literal!), documented, { text: true })) }]
              : [],
          });
          continue;
        }
        if (documented || looselyDocumented(comparison) || allowed.has(String(value))) continue;
        seen.add(comparison.node);
        const shown = shownValue(comparison);
        // an undocumented number against a form field's text: the fix writes the nearest code as text
        const spelling = comparison.never === 'number-for-text' ? { text: true } : comparison.spelling;
        // a code as the suggestion writes it: as text for a form field, the bare fragment for a URL
        const shownCode = (entry: ErrorEntry) => formatCode(spelling?.prefix !== undefined ? entry.code : spell(entry.code, spelling));
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
                data: { suggestion: shownCode(entry), title: entry.title },
                fix: (fixer: Parameters<NonNullable<Parameters<typeof context.report>[0]['fix']>>[0]) =>
                  fixer.replaceText(comparison.literal!, replacement(context.sourceCode.getText(comparison.literal!), entry, spelling)),
              }))
            : [];
        if (retyped) {
          // `code === 21656 || code === '21656'`: the right test is already beside it; the other half only never matches
          if (valuesComparedBeside(analysis, comparison).includes(retyped.code)) continue;
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
            data: { value: shown, provider: provider.id, suggestion: shownCode(nearest), title: nearest.title },
            suggest: suggest(nearest),
          });
          continue;
        }
        if (candidates.length > 1) {
          // equally near codes: name them (up to three, the best-known first) and offer each
          const named = candidates.slice(0, 3);
          const list = named.map((e) => shownCode(e));
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
