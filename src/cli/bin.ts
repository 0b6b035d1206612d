#!/usr/bin/env node
/**
 * The `whatsapp-errors` executable (see ./index.ts). Loading the plugin can
 * fail before main() runs (an unsupported TypeScript, a broken install): that
 * is a failure to lint too, so it exits 2 with one line, not a stack trace.
 */
try {
  const { main } = await import('./index.js');
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`whatsapp-errors: ${message.split('\n').find((line) => line.trim()) ?? message}\n`);
  process.exitCode = 2;
}
