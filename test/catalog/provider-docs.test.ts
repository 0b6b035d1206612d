import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
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
