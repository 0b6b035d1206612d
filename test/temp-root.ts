/**
 * Vitest global setup: removes, when the run ends, the folder that vitest.config.ts made for the run's
 * temporary files and gave the tests as `TMPDIR` (every `mkdtempSync(join(tmpdir(), …))` of the tests and of
 * the CLI and language-server processes they start), so that `npm test` leaves nothing in the system's
 * temporary folder.
 */
import { rmSync } from 'node:fs';

export default function setup(): () => void {
  const root = process.env['WA_TESTS_TMPDIR'];
  return () => {
    if (root) rmSync(root, { recursive: true, force: true });
  };
}
