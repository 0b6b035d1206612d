/**
 * A generic Graph helper whose importers send WhatsApp messages through it
 * (`post(path, params)`), while the helper's own file also uses it for a
 * Page's feed. Linting the helper's file, what the importers send through it
 * is the Cloud API's (the helper's own failure handling, and that of the
 * function they call it through, are judged for it),
 * but its other calls in that file are decided by their own arguments, as
 * any layer's are: the Page post gets no WhatsApp finding.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { expect, it } from 'vitest';
import plugin from '../../src/index.js';

const GRAPH = `const GRAPH = 'https://graph.facebook.com/v21.0';
async function graph(path: string, params: Record<string, unknown>) {
  const res = await fetch(\`\${GRAPH}/\${path}\`, { method: 'POST', body: JSON.stringify(params) });
  const body = await res.json();
  if (!res.ok) return { ok: false as const, error: body.error?.message };
  return { ok: true as const, data: body };
}
export async function post(path: string, params: Record<string, unknown>) {
  const r = await graph(path, params);
  return r.data;
}
export async function pagePost(pageId: string, message: string) {
  const r = await graph(\`\${pageId}/feed\`, { message });
  return r.data.id;
}
`;

const SEND = `import { post } from './graph';
export async function notify(phoneNumberId: string, to: string) {
  const data = await post(\`\${phoneNumberId}/messages\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } });
  return data.messages[0].id;
}
`;

it("the layer's own file: its importers' sends are the Cloud API's, its Page post is not", async () => {
  const root = mkdtempSync(join(tmpdir(), 'wa-layer-facts-'));
  writeFileSync(join(root, 'package.json'), '{ "name": "layer-facts", "private": true, "type": "module" }');
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src/graph.ts'), GRAPH);
  writeFileSync(join(root, 'src/send.ts'), SEND);
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] as never });
  const [result] = await eslint.lintFiles(['src/graph.ts']);
  expect(result!.messages.map((m) => ({ rule: m.ruleId, line: m.line, column: m.column, endColumn: m.endColumn, message: m.message }))).toEqual([
    {
      rule: 'whatsapp-errors/preserve-error-code',
      line: 5,
      column: 16,
      endColumn: 74,
      message: 'This failure value drops the meta-cloud error code, so callers cannot tell 190 from 100; return body.error.code (or the error body) with it.',
    },
    {
      rule: 'whatsapp-errors/no-unchecked-response',
      line: 9,
      column: 19,
      endColumn: 38,
      message: 'graph() gives meta-cloud failures back as a failure object, and this call uses the result without testing it; test it first.',
    },
  ]);
});
