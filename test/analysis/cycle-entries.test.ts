/**
 * Analyses built in an import cycle: a file met again while it is still
 * being built is gone without, so what such an analysis says depends on
 * where the lint entered the cycle. A later lint of the same run reuses it
 * only where a new build would see the same; the findings are those of a
 * lint of each file alone, in any order.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { analysisBuilds } from '../../src/analysis/imports.js';

/** A new project with these files under src/; each call lints the files given, in order, in one run. */
function project(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'wa-cycle-'));
  writeFileSync(join(root, 'package.json'), '{ "name": "cycle", "private": true, "type": "module" }');
  mkdirSync(join(root, 'src'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'src', name), text);
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] as never });
  return async (...names: string[]) => {
    const findings: Record<string, string[]> = {};
    const builds: number[] = [];
    // one file at a time, as a run lints them, counting the other files' analyses each one builds
    for (const name of names) {
      const before = analysisBuilds();
      const [result] = await eslint.lintFiles([`src/${name}`]);
      builds.push(analysisBuilds() - before);
      findings[name] = result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);
    }
    return { findings, builds };
  };
}

const SEND = `import axios from 'axios';
export async function sendText(senderId: string, to: string, body: string) {
  await axios.post(\`https://graph.facebook.com/v21.0/\${senderId}/messages\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body } });
}
`;

/** A job that retries `call` (imported from `from`) on every error. */
const retryJob = (call: string, from: string) => `import { ${call} } from './${from}';
export async function job(senderId: string, to: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await ${call}(senderId, to);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
`;

// orders.ts and reminders.ts import each other; the jobs import one side each
const FILES = {
  'orders.ts': `import { remindLater } from './reminders';
import { sendText } from './send';
export async function notify(senderId: string, to: string) {
  await sendText(senderId, to, 'Your order shipped');
}
export async function notifyAgain(senderId: string, to: string) {
  await remindLater(senderId, to);
}
`,
  'reminders.ts': `import { notify } from './orders';
export const remindLater = (senderId: string, to: string) => notify(senderId, to);
`,
  'send.ts': SEND,
  'job1.ts': retryJob('remindLater', 'reminders'),
  'job2.ts': retryJob('remindLater', 'reminders'),
  'job3.ts': retryJob('notify', 'orders'),
};
const RETRY = ['3:3 whatsapp-errors/no-blind-retry'];

describe('analyses built in an import cycle', () => {
  it('a later lint that enters the cycle at the same file reuses them', async () => {
    const { findings, builds } = await project(FILES)('job1.ts', 'job2.ts');
    expect(findings).toEqual({ 'job1.ts': RETRY, 'job2.ts': RETRY });
    expect(builds[0]).toBeGreaterThan(0);
    expect(builds[1]).toBe(0);
  });

  it('one that enters it at the other file builds what it sees from there, and finds what a lint of it alone finds', async () => {
    const run = await project(FILES)('job1.ts', 'job3.ts', 'job2.ts');
    const alone = await project(FILES)('job3.ts');
    expect(run.findings).toEqual({ 'job1.ts': RETRY, 'job3.ts': RETRY, 'job2.ts': RETRY });
    expect(alone.findings['job3.ts']).toEqual(run.findings['job3.ts']);
    expect(run.builds[1]).toBeGreaterThan(0);
    // job2 enters where job1 did: what job1's lint built is still there
    expect(run.builds[2]).toBe(0);
  });
});
