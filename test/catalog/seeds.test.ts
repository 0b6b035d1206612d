import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { catalog, type Provider } from '../../src/catalog/index.js';
import { SEED_CODES } from '../fixtures/seed-codes.js';
import { SEED_FILES } from './seed-parser.js';

const seedsDir = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));

describe('every seed code is in the catalog with the seed\'s HTTP status', () => {
  for (const [provider, codes] of Object.entries(SEED_CODES)) {
    test(provider, () => {
      const entries = catalog[provider as Provider].errors;
      const missing = codes.filter(({ code }) => !entries.some((e) => e.code === code));
      expect(missing).toEqual([]);
      for (const { code, httpStatus } of codes) {
        const entry = entries.find((e) => e.code === code);
        expect({ code, httpStatus: entry?.httpStatus }).toEqual({ code, httpStatus });
      }
    });
  }

  test('the copy covers all five seeds', () => {
    expect(Object.keys(SEED_CODES).sort()).toEqual(Object.keys(SEED_FILES).sort());
    expect(Object.values(SEED_CODES).flat()).toHaveLength(133);
  });
});

// The copy above must match the seeds themselves when they sit beside the repository.
describe.runIf(existsSync(seedsDir))('the seed copy matches ../shared/seeds', () => {
  for (const [provider, { file, parse }] of Object.entries(SEED_FILES)) {
    test(provider, () => {
      expect(parse(readFileSync(seedsDir + file, 'utf8'))).toEqual(SEED_CODES[provider]);
    });
  }
});
