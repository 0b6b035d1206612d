/**
 * `npm run demo`: the CLI on examples/demo-app, whose code has a mistake of
 * each kind on purpose. Findings (the CLI's exit code 1) are the expected
 * outcome, so the demo exits 0 on them; a clean run means the demo stopped
 * finding its mistakes (exit 1), and a failure to lint stays a failure (the
 * CLI's own exit code).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = fileURLToPath(new URL('../src/cli/bin.js', import.meta.url));

const run = spawnSync(process.execPath, [CLI, 'examples/demo-app'], { cwd: ROOT, stdio: 'inherit' });
if (run.status === 1) {
  process.exitCode = 0;
} else if (run.status === 0) {
  process.stderr.write('demo: examples/demo-app has mistakes on purpose, but the CLI found none\n');
  process.exitCode = 1;
} else {
  process.stderr.write(`demo: the CLI failed (exit code ${run.status ?? run.signal})\n`);
  process.exitCode = run.status ?? 2;
}
