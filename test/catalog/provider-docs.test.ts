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
});
