/**
 * A linted file that calls functions of a module with nothing to say about a
 * provider (no provider named, no HTTP request, no `statuses`, and none in
 * the files it imports) does not build that module's analysis for those
 * calls; handed a function, the module is analysed as before (a callback
 * retry helper). The findings are the same either way.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { analysisBuilds } from '../../src/analysis/imports.js';

const SEND = `import axios from 'axios';
export async function sendText(phoneNumberId: string, to: string, body: string) {
  await axios.post(\`https://graph.facebook.com/v21.0/\${phoneNumberId}/messages\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body } });
}
`;
const FORMAT = `export const digits = (phone: string) => phone.replace(/\\D/g, '');
/** Runs the callback again after any error, up to five times. */
export async function withRetry<T>(run: () => Promise<T>, attempt = 0): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (attempt >= 4) throw error;
    return withRetry(run, attempt + 1);
  }
}
`;
/** A job that calls \`digits\` (and, with \`nudge\`, hands a send to \`withRetry\`). */
const JOB = (nudge: boolean) => `import { sendText } from './send';
import { digits, withRetry } from './format';
export async function remind(phoneNumberId: string, phone: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await sendText(phoneNumberId, digits(phone), 'See you tomorrow');
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
${nudge ? "export const nudge = (phoneNumberId: string, phone: string) => withRetry(() => sendText(phoneNumberId, phone, 'Still there?'));\n" : ''}`;

/** Lints src/job.ts of a new project whose helper module is `format` (with `extra` appended): the findings, and how many other files' analyses were built. */
async function lintJob(extra: string, nudge = false) {
  const root = mkdtempSync(join(tmpdir(), 'wa-silent-'));
  writeFileSync(join(root, 'package.json'), '{ "name": "silent", "private": true, "type": "module" }');
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src/send.ts'), SEND);
  writeFileSync(join(root, 'src/format.ts'), FORMAT + extra);
  writeFileSync(join(root, 'src/job.ts'), JOB(nudge));
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] as never });
  const before = analysisBuilds();
  const [result] = await eslint.lintFiles(['src/job.ts']);
  return { findings: result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`), analysed: analysisBuilds() - before };
}

const RETRY = '4:3 whatsapp-errors/no-blind-retry';

describe('calls of a module with nothing to say about a provider', () => {
  it('are not followed into the module: only the wrapper module is analysed', async () => {
    expect(await lintJob('')).toEqual({ findings: [RETRY], analysed: 1 });
  });

  it('a module that makes requests is followed, with the same findings', async () => {
    expect(await lintJob("export const lookup = (phone: string) => fetch('https://example.com/' + phone);\n")).toEqual({ findings: [RETRY], analysed: 2 });
  });

  it('a module that reads statuses is followed', async () => {
    expect(await lintJob('export const first = (value: { statuses?: unknown[] }) => value.statuses?.[0];\n')).toEqual({ findings: [RETRY], analysed: 2 });
  });

  it("an SDK's send on the module's own client (a chat model's `messages.create`) leaves it quiet", async () => {
    expect(await lintJob("const llm = createModel();\nexport const summarise = (text: string) => llm.messages.create({ input: text });\n")).toEqual({ findings: [RETRY], analysed: 1 });
  });

  it("an SDK's send on a client the module's function is handed: the module is followed", async () => {
    expect(await lintJob('export const post = (options: { client: any; to: string }) => options.client.messages.create({ to: options.to });\n')).toEqual({ findings: [RETRY], analysed: 2 });
  });

  it('handed a function, the module is followed: its helper retries the send', async () => {
    // its analysis as it is, and the one in which the send it is handed is its request
    expect(await lintJob('', true)).toEqual({ findings: [RETRY, '13:64 whatsapp-errors/no-blind-retry'], analysed: 3 });
  });
});

describe('in the analysis of an imported file', () => {
  /** A wrapper module that formats the number with `digits` from format.ts before sending. */
  const WRAPPER = `import axios from 'axios';
import { digits } from './format';
export async function sendText(phoneNumberId: string, to: string, body: string) {
  await axios.post(\`https://graph.facebook.com/v21.0/\${phoneNumberId}/messages\`, { messaging_product: 'whatsapp', to: digits(to), type: 'text', text: { body } });
}
`;
  const project = () => {
    const root = mkdtempSync(join(tmpdir(), 'wa-silent-owner-'));
    writeFileSync(join(root, 'package.json'), '{ "name": "silent-owner", "private": true, "type": "module" }');
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src/send.ts'), WRAPPER);
    // format.ts imports strings.ts, which is quiet too
    writeFileSync(join(root, 'src/format.ts'), `import { tidy } from './strings';\n${FORMAT}export const label = (name: string) => tidy(name);\n`);
    writeFileSync(join(root, 'src/strings.ts'), 'export const tidy = (text: string) => text.trim();\n');
    writeFileSync(join(root, 'src/job.ts'), JOB(false).replace("import { digits, withRetry } from './format';\n", '').replace('digits(phone)', 'phone'));
    const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] as never });
    const lint = async () => {
      const before = analysisBuilds();
      const [result] = await eslint.lintFiles(['src/job.ts']);
      return { findings: result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`), analysed: analysisBuilds() - before };
    };
    return { root, lint };
  };
  const RETRY_HERE = '3:3 whatsapp-errors/no-blind-retry';

  it("the wrapper's call of the quiet module does not build that module's analysis", async () => {
    const { lint } = project();
    expect(await lint()).toEqual({ findings: [RETRY_HERE], analysed: 1 });
  });

  it('the wrapper is analysed again when a file it found quiet changes, the module or one it imports', async () => {
    const { root, lint } = project();
    expect(await lint()).toEqual({ findings: [RETRY_HERE], analysed: 1 });
    // strings.ts now makes a request: the wrapper's analysis, which relied on format.ts's imports being quiet, is built again, and those of format.ts and strings.ts
    writeFileSync(join(root, 'src/strings.ts'), "export const tidy = (text: string) => text.trim();\nexport const lookup = (phone: string) => fetch('https://example.com/' + phone);\n");
    expect(await lint()).toEqual({ findings: [RETRY_HERE], analysed: 3 });
  });
});
