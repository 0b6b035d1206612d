/**
 * Path aliases of the project's tsconfig.json, read without type
 * information: also when the config extends a preset that cannot be read
 * (a package not installed), whose own `paths` still hold.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

const SEND = `import axios from 'axios';
export async function sendText(phoneNumberId: string, to: string, body: string) {
  await axios.post(\`https://graph.facebook.com/v21.0/\${phoneNumberId}/messages\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body } });
}
`;
/** A job that retries the wrapper, imported through the alias, on every error. */
const JOB = `import { sendText } from '@/lib/send';
export async function remind(senderId: string, to: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await sendText(senderId, to, 'See you tomorrow');
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
`;

async function lintJob(tsconfig: string) {
  const root = mkdtempSync(join(tmpdir(), 'wa-paths-'));
  writeFileSync(join(root, 'package.json'), '{ "name": "paths", "private": true, "type": "module" }');
  writeFileSync(join(root, 'tsconfig.json'), tsconfig);
  mkdirSync(join(root, 'src/lib'), { recursive: true });
  writeFileSync(join(root, 'src/lib/send.ts'), SEND);
  writeFileSync(join(root, 'src/job.ts'), JOB);
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] as never });
  const [result] = await eslint.lintFiles(['src/job.ts']);
  return result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);
}

const RETRY = ['3:3 whatsapp-errors/no-blind-retry'];

describe('tsconfig paths, untyped', () => {
  it('an alias of a tsconfig that extends nothing', async () => {
    expect(await lintJob('{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"] } } }')).toEqual(RETRY);
  });

  it('an alias of a tsconfig that extends a preset not installed (comments, trailing commas, no baseUrl)', async () => {
    const config = `{
  // the preset's package is not in node_modules
  "extends": "astro/tsconfigs/strict",
  "compilerOptions": { "paths": { "@/*": ["./src/*"], }, },
}`;
    expect(await lintJob(config)).toEqual(RETRY);
  });

  it('a preset not installed and a config that is not JSON: no aliases, no crash', async () => {
    expect(await lintJob('{ "extends": "astro/tsconfigs/strict", "compilerOptions": { "paths": ')).toEqual([]);
  });

  it('a pattern with two stars is refused, as TypeScript refuses it: no aliases, no crash', async () => {
    expect(await lintJob('{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*/*": ["src/*/*"] } } }')).toEqual([]);
  });
});
