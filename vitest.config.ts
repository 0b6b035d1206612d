import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// one folder of the system's temporary folder for this run: the tests' throwaway projects (and those of the
// processes they start) go under it, and test/temp-root.ts removes it when the run ends
const tempRoot = (process.env['WA_TESTS_TMPDIR'] ??= mkdtempSync(join(tmpdir(), 'wa-tests-')));

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // tests never measure speed (npm run bench does): on a loaded machine a whole-app lint or a typed program
    // can take longer than vitest's 5 s default without anything being wrong
    testTimeout: 60_000,
    globalSetup: ['test/temp-root.ts'],
    env: { TMPDIR: tempRoot },
    typecheck: {
      enabled: true,
      include: ['test/types/**/*.test-d.ts'],
      tsconfig: 'test/types/tsconfig.json',
      ignoreSourceErrors: false,
    },
  },
});
