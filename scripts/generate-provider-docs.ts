/** `npm run docs`: writes docs/providers/*.md from the catalog. Run from the repository root. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { providerDocFiles } from './provider-docs.js';

for (const [path, text] of providerDocFiles()) {
  const target = join(process.cwd(), path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`wrote ${path}`);
}
