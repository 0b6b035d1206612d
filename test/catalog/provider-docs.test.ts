import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { catalog, PROVIDERS } from '../../src/catalog/index.js';
import { providerDocFiles } from '../../scripts/provider-docs.js';

describe('docs/providers is generated from the catalog', () => {
  for (const [path, text] of providerDocFiles()) {
    test(`${path} is up to date (run npm run docs)`, () => {
      expect(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')).toBe(text);
    });
  }

  test('lists every code of a provider in its table', () => {
    const metaDoc = providerDocFiles().get('docs/providers/meta-cloud.md')!;
    expect(metaDoc).toContain('| `131047` | 400 | never | Re-engagement message |');
    expect(metaDoc).toContain('| `200`–`299` | 403 | after-fix |');
  });

  test('keeps the WhatsApp code each Twilio code stands for', () => {
    const doc = providerDocFiles().get('docs/providers/twilio.md')!;
    expect(doc).toContain('| code | HTTP | retry | title | remedy | WhatsApp code | source |');
    expect(doc).toContain('| `63016` | — | never | Outside messaging window |');
    expect(doc).toContain('| On-Premises `470` | [docs](https://www.twilio.com/docs/api/errors/63016) |');
    expect(doc).toContain('| `20429` | 429 | rate-limit | Too Many Requests |');
  });

  test('says why for each retry class of the gateway providers', () => {
    const doc = providerDocFiles().get('docs/providers/twilio.md')!;
    expect(doc).toContain('| class | errors | why |');
    expect(doc).toContain('| provider-retries: the provider already retries it | 1 | 63037: Twilio says it retries the media upload itself. |');
  });

  test('lists the errors without a code of 360dialog with their status only', () => {
    const doc = providerDocFiles().get('docs/providers/360dialog.md')!;
    expect(doc).toContain('## Errors without a code (8)');
    expect(doc).toContain('| 401 | after-fix | Invalid API key |');
    expect(doc).toContain('- HTTP status: not a reliable key for the coded errors (branch on the code); for the errors without a code it is the only signal');
    expect(doc).toContain('- Passes through the codes of: [`meta-cloud`](./meta-cloud.md)');
    expect(doc).not.toContain('WhatsApp code');
  });

  test('describes the Vonage code as a URL fragment', () => {
    const doc = providerDocFiles().get('docs/providers/vonage.md')!;
    expect(doc).toContain('- Error code: the fragment (after `#`) of the URL in `body.type` (string)');
    expect(doc).toContain('- Shared hosts: `api.nexmo.com`, `messages-sandbox.nexmo.com` also serve APIs other than WhatsApp, so a call to them counts only with WhatsApp evidence');
  });

  test('shows where Meta codes arrive (delivery, with its source) and only for providers with status webhooks', () => {
    const files = providerDocFiles();
    const metaDoc = files.get('docs/providers/meta-cloud.md')!;
    expect(metaDoc).toContain('## Status webhooks');
    expect(metaDoc).toContain('| code | HTTP | retry | title | remedy | delivery | source |');
    expect(metaDoc).toMatch(/\| `130429` \|[^\n]*\| both \(\[docs\]\(https:\/\/developers\.facebook\.com\/documentation\/business-messaging\/whatsapp\/webhooks\/reference\/messages\/errors\)\) \|/);
    expect(metaDoc).toMatch(/\| `131047` \|[^\n]*\| — \| \[docs\]/);
    expect(files.get('docs/providers/cequens.md')).not.toContain('delivery');
  });
});

describe("the README's provider table", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const rows = readme.split('\n').filter((line) => line.startsWith('| [`'));

  test('has one row per catalog provider, linking its page', () => {
    expect(rows.map((row) => /^\| \[`([^`]+)`\]\(docs\/providers\/\1\.md\)/.exec(row)?.[1]).sort()).toEqual([...PROVIDERS].sort());
  });

  test('gives each provider its number of codes', () => {
    for (const id of PROVIDERS) {
      const row = rows.find((r) => r.startsWith(`| [\`${id}\`]`))!;
      expect(row.split('|').at(-2)!.trim(), id).toMatch(new RegExp(`^${catalog[id].errors.length}\\b`));
    }
  });
});
