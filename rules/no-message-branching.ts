/**
 * Flags decisions on a provider error's human-readable text (message, title,
 * description) where the stable code should decide.
 */
import { codeExpressionText } from '../src/analysis/tests.js';
import { codeTestedBeside, entriesForText, fromWebhook, getAnalysis, messageTestOf, webhookField } from '../src/analysis/index.js';
import type { Node } from '../src/analysis/ast.js';
import { createRule, formatCode, listSome } from '../src/util/create-rule.js';

const NEGATED = new Set(['!==', '!=']);
/** Forms whose whole expression is a yes/no decision that `code === X` can replace. */
const REPLACEABLE = new Set(['===', '==', '!==', '!=', 'includes', 'startsWith', 'endsWith', 'test']);

export default createRule({
  name: 'no-message-branching',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: {
      description: "Disallow decisions on a provider error's human-readable message instead of its code",
      recommended: true,
    },
    schema: [],
    messages: {
      messageBranching: 'Branching on the {{field}} text of a {{provider}} error breaks when it is reworded; branch on {{codeField}} instead.',
      messageIsTitle: 'Branching on the {{field}} text of a {{provider}} error breaks when it is reworded; this is {{code}} ({{title}}): test {{codeField}} === {{code}}.',
      messageIsRange: 'Branching on the {{field}} text of a {{provider}} error breaks when it is reworded; this is {{codes}} ({{title}}): branch on {{codeField}}.',
      messageMatchesTitles: 'Branching on the {{field}} text of a {{provider}} error breaks when it is reworded; it matches {{codes}}: branch on {{codeField}} instead.',
      useCode: 'Test {{replacement}} instead.',
    },
  },
  create(context) {
    const analysis = getAnalysis(context);
    if (!analysis) return {};
    const seen = new Set<Node>();
    const check = (node: Node): void => {
      const test = messageTestOf(analysis, node);
      if (!test || seen.has(test.node)) return;
      seen.add(test.node);
      if (codeTestedBeside(analysis, test)) return; // the code decides; the text only covers bodies without one
      const { provider } = test;
      // a webhook's error names its fields as the payload does: errors[].title, errors[].code
      const webhook = fromWebhook(analysis, test.message);
      const field = webhook ? webhookField(analysis, test.message, test.path) : test.path.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.').replace(/\.\[/g, '[');
      const codeField = webhook ? webhookField(analysis, test.message, provider.codePath) : provider.codeField;
      const matches = entriesForText(provider, test.text);
      const [only] = matches;
      if (matches.length === 1 && only && only.code === undefined) {
        // a range (Meta 200–299) or a pattern (`*_failed`): no single code to test
        const { entry } = only;
        const codes = entry.rangeEnd !== undefined ? `${entry.code}–${entry.rangeEnd}` : `codes matching ${formatCode(entry.code)}`;
        context.report({ node: test.node, messageId: 'messageIsRange', data: { field, provider: provider.id, codes, title: entry.title, codeField } });
        return;
      }
      if (matches.length === 1 && only && only.code !== undefined) {
        const code = only.code;
        const codeExpression = REPLACEABLE.has(test.form) ? codeExpressionText(analysis, test) : undefined;
        // `!message.includes(x)` becomes `code !== X` (the `!` is absorbed)
        const parent = test.node.parent;
        const negatedByParent = parent?.type === 'UnaryExpression' && parent.operator === '!';
        const negated = NEGATED.has(test.form) !== negatedByParent;
        const target = negatedByParent ? parent : test.node;
        const replacement = codeExpression && `${codeExpression} ${negated ? '!==' : '==='} ${formatCode(code)}`;
        context.report({
          node: test.node,
          messageId: 'messageIsTitle',
          data: { field, provider: provider.id, code: formatCode(code), title: only.entry.title, codeField },
          suggest: replacement ? [{ messageId: 'useCode', data: { replacement }, fix: (fixer) => fixer.replaceText(target, replacement) }] : [],
        });
        return;
      }
      if (matches.length > 1) {
        context.report({
          node: test.node,
          messageId: 'messageMatchesTitles',
          data: { field, provider: provider.id, codes: listSome(matches.map((m) => (m.code === undefined ? String(m.entry.code) : formatCode(m.code)))), codeField },
        });
        return;
      }
      context.report({ node: test.node, messageId: 'messageBranching', data: { field, provider: provider.id, codeField } });
    };
    return { BinaryExpression: check, CallExpression: check, SwitchCase: check };
  },
});
