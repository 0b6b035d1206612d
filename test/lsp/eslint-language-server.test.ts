/**
 * Editor squiggles through the real ESLint language server
 * (`vscode-eslint-language-server` from vscode-langservers-extracted, the
 * server behind VS Code's ESLint extension): pull diagnostics carry this
 * plugin's rule ids, messages and ranges; the "add missing cases" suggestion
 * is offered as a code action whose edit gives code that parses; after an
 * edit that fixes the mistake the diagnostic goes away. Also with the
 * type-checked config (the server's project service).
 */
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applyEdits, EslintServer, type Diagnostic } from './client.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/lsp/', import.meta.url));
const TYPED = fileURLToPath(new URL('../fixtures/lsp-typed/', import.meta.url));

const SEND = `export async function send(deviceId: string, to: string) {
  const res = await fetch(\`https://wa.sagad.net/devices/\${deviceId}/messages\`, { method: 'POST', body: JSON.stringify({ to }) });
  if (res.ok) return 'sent';
  const body = await res.json();
  switch (body.error.code) {
    case 'device_not_connected':
      return 'relink';
  }
}
`;

const code = (d: Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);

function parses(text: string): boolean {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(text, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }], 'x.ts').every((m) => !m.fatal);
}

describe('vscode-eslint-language-server with the recommended config', () => {
  let server: EslintServer;
  beforeAll(async () => {
    server = new EslintServer(FIXTURE);
    await server.initialize();
  }, 30_000);
  afterAll(() => server.close());

  test('diagnostics, the add-missing-cases code action, and a fix that clears it', async () => {
    const uri = server.open(`${FIXTURE}src/send.ts`, SEND);
    const diagnostics = await server.firstDiagnostics(uri);
    const exhaustive = diagnostics.find((d) => code(d) === 'whatsapp-errors/exhaustive-error-codes');
    expect(diagnostics.map((d) => [code(d), d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character])).toEqual([
      ['whatsapp-errors/exhaustive-error-codes', 4, 2, 4, 8],
    ]);
    expect(exhaustive?.message).toBe(
      "This switch on the wa-server error code ignores 24 codes (5 never-retry, 10 after-fix, 1 provider-retried, 1 rate-limit, 7 transient), such as 'validation_error' and 'provider_rate_limit'; handle them or add a fallback.",
    );
    expect(exhaustive?.source).toBe('eslint');

    const actions = await server.codeActions(uri, exhaustive!);
    const titles = actions.map((a) => a.title);
    const title = 'Add a case for each missing wa-server code (24). (whatsapp-errors/exhaustive-error-codes)';
    expect(titles).toEqual([
      title,
      'Add a default that throws an error keeping the wa-server error body as its cause. (whatsapp-errors/exhaustive-error-codes)',
      'Disable whatsapp-errors/exhaustive-error-codes for this line',
      'Disable whatsapp-errors/exhaustive-error-codes for the entire file',
      'Show documentation for whatsapp-errors/exhaustive-error-codes',
    ]);
    const add = actions.find((a) => a.title === title)!;
    expect(add.command?.command).toBe('eslint.applySuggestion');
    const edits = await server.execute(add, uri);
    expect(edits.length).toBeGreaterThan(0);
    const fixed = applyEdits(SEND, edits);
    expect(fixed).toContain("case 'validation_error': { throw new Error('Not implemented yet: wa-server validation_error (Payload failed validation)'); }");
    expect(parses(fixed)).toBe(true);

    // a fallback that acts: the finding goes away
    server.change(uri, SEND.replace("      return 'relink';\n  }", "      return 'relink';\n    default:\n      throw new Error('send failed', { cause: body });\n  }"));
    expect((await server.diagnostics(uri)).filter((d) => code(d) === 'whatsapp-errors/exhaustive-error-codes')).toEqual([]);
  }, 60_000);
});

describe('vscode-eslint-language-server with the type-checked config', () => {
  let server: EslintServer;
  beforeAll(async () => {
    server = new EslintServer(TYPED);
    await server.initialize();
  }, 30_000);
  afterAll(() => server.close());

  test('a retry of a wrapper declared in another file is found through the project service', async () => {
    const text = `import { sendTemplate } from './graph.js';

export async function sendWelcome(to: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await sendTemplate(to, 'welcome');
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
    }
  }
  return undefined;
}
`;
    const uri = server.open(`${TYPED}src/jobs.ts`, text);
    const diagnostics = await server.firstDiagnostics(uri);
    expect(diagnostics.map((d) => [code(d), d.range.start.line, d.range.start.character])).toEqual([['whatsapp-errors/no-blind-retry', 3, 2]]);
    expect(diagnostics[0]?.message).toMatch(/^This retry re-sends every meta-cloud error, including 132001 \(Template does not exist\)/);
  }, 60_000);
});
