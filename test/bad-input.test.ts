/**
 * Bad input never crashes the plugin: invalid settings and options are
 * configuration errors that name the key (with no stack frames from inside a
 * rule), and broken files or a missing tsconfig leave the rules untouched.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';
import plugin from '../src/index.js';

const SEND = "const res = await fetch('https://graph.facebook.com/v21.0/1/messages', { method: 'POST' });\nif (res.status === 409) throw new Error('x');\n";

function eslintWith(extra: object, cwd = process.cwd()) {
  return new ESLint({ cwd, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended, extra] as never });
}

describe('invalid settings', () => {
  test.each([
    [{ providers: ['plivo'] }, "invalid settings['whatsapp-errors'].providers[0]: unknown provider 'plivo'; expected one of meta-cloud, cequens, wa-server, digiworld, msgbubbles, connexease, twilio, 360dialog, vonage, infobip, gupshup"],
    [{ hosts: { 'wa.example.com': 'nope' } }, "invalid settings['whatsapp-errors'].hosts['wa.example.com']: unknown provider 'nope'"],
    [{ providerz: [] }, "invalid settings['whatsapp-errors'].providerz: unknown key; expected one of providers, hosts, envVars, wrappers, customProviders, overrides"],
    [
      { customProviders: [{ id: 'inhouse', hosts: ['wa.internal'], codePath: 'error.code', errors: [{ code: 'X', title: 't', remedy: 'r', retry: 'sometimes' }] }] },
      "invalid settings['whatsapp-errors'].customProviders[0].errors[0].retry: expected one of transient, rate-limit, after-fix, never, provider-retries, got 'sometimes'",
    ],
  ])('%j is an error naming the key, without a stack trace', async (settings, message) => {
    const error = await eslintWith({ settings: { 'whatsapp-errors': settings } })
      .lintText(SEND, { filePath: 'send.ts' })
      .catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(message);
    expect((error as Error).stack).not.toMatch(/\n\s+at /);
  });
});

describe('invalid rule options', () => {
  test.each([
    [{ requireAll: 'yes' }, 'Value "yes" should be boolean'],
    [{ requireAl: true }, 'Unexpected property "requireAl". Expected properties: "requireAll", "ignore"'],
  ])('%j is an ESLint configuration error', async (options, message) => {
    const error = await eslintWith({ rules: { 'whatsapp-errors/exhaustive-error-codes': ['error', options] } })
      .lintText(SEND, { filePath: 'send.ts' })
      .catch((e: unknown) => e as Error);
    expect((error as Error).message).toContain('Key "whatsapp-errors/exhaustive-error-codes"');
    expect((error as Error).message).toContain(message);
  });
});

describe('files and projects that cannot be analysed', () => {
  test('a syntax error is a parse error, not a crash', async () => {
    const [result] = await eslintWith({}).lintText("const res = await fetch('https://graph.facebook.com/x', {\nif (", { filePath: 'broken.ts' });
    expect(result?.messages).toHaveLength(1);
    expect(result?.messages[0]).toMatchObject({ fatal: true, ruleId: null });
  });

  test('a custom provider with zero codes is linted without errors', async () => {
    const settings = { 'whatsapp-errors': { customProviders: [{ id: 'bare', hosts: ['wa.bare.example'], codePath: 'error' }] } };
    const [result] = await eslintWith({ settings }).lintText(
      "const res = await fetch('https://wa.bare.example/send');\nif (res.status === 409) throw new Error('x');\nconst body = await res.json();\nif (body.error === 'x') retry();\n",
      { filePath: 'bare.ts' },
    );
    expect(result?.messages.map((m) => m.ruleId)).toEqual(['whatsapp-errors/preserve-error-code', 'whatsapp-errors/no-unknown-error-code']);
  });

  test('typed config without a tsconfig: the parser reports it, the plugin does not crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wa-no-tsconfig-'));
    writeFileSync(join(dir, 'send.ts'), SEND);
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [plugin.configs['recommended-type-checked']] as never });
    const [result] = await eslint.lintFiles(['send.ts']);
    expect(result?.messages).toHaveLength(1);
    expect(result?.messages[0]).toMatchObject({ fatal: true, ruleId: null, message: expect.stringContaining('was not found by the project service') });
  }, 60_000);
});
