/**
 * Runs of lints: files linted one after another, each once, without a pause
 * (a CLI run, the files an editor lints together), share one view of the
 * disk, so a file that many linted files import is checked once per run. A
 * run ends when a file is linted again or after a pause of a second (time
 * is simulated): an edit saved between two lints of the file being edited
 * shows on the second, and one saved during a pause shows on the next lint.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { afterEach, describe, expect, it, vi } from 'vitest';
import plugin from '../../src/index.js';

const SENDS = `import axios from 'axios';
export async function sendText(phoneNumberId: string, to: string, body: string) {
  await axios.post(\`https://graph.facebook.com/v21.0/\${phoneNumberId}/messages\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body } });
}
`;
const SENDS_NOTHING = `export async function sendText(phoneNumberId: string, to: string, body: string) {
  return \`\${phoneNumberId} \${to}: \${body}\`;
}
`;
/** A job that retries the imported wrapper on every error. */
const job = (name: string) => `import { sendText } from './send';
export async function ${name}(phoneNumberId: string, to: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await sendText(phoneNumberId, to, 'See you tomorrow');
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
`;

function project() {
  const root = mkdtempSync(join(tmpdir(), 'wa-runs-'));
  writeFileSync(join(root, 'package.json'), '{ "name": "runs", "private": true, "type": "module" }');
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src/send.ts'), SENDS);
  for (const name of ['a', 'b', 'c', 'd']) writeFileSync(join(root, `src/${name}.ts`), job(name));
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] as never });
  /** The rules that report on one file. */
  const lint = async (name: string) => (await eslint.lintFiles([`src/${name}.ts`]))[0]!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);
  const edit = (text: string) => writeFileSync(join(root, 'src/send.ts'), text);
  return { lint, edit };
}

/** `performance.now()`, moved by hand. */
function clock() {
  let now = 1_000_000;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  return (ms: number) => {
    now += ms;
  };
}

const RETRY = ['3:3 whatsapp-errors/no-blind-retry'];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('runs of lints', () => {
  it('within a run, an imported file is read as it was when the run first checked it', async () => {
    const { lint, edit } = project();
    const later = clock();
    expect(await lint('a')).toEqual(RETRY);
    edit(SENDS_NOTHING);
    later(50);
    // the same run: send.ts was checked for a.ts
    expect(await lint('b')).toEqual(RETRY);
  });

  it('a file linted again starts a new run, which sees the edit', async () => {
    const { lint, edit } = project();
    const later = clock();
    expect(await lint('a')).toEqual(RETRY);
    edit(SENDS_NOTHING);
    later(50);
    expect(await lint('a')).toEqual([]);
    // and the next file linted soon after belongs to that new run
    later(50);
    expect(await lint('b')).toEqual([]);
  });

  it('after a pause of a second a new run starts, which sees the edit', async () => {
    const { lint, edit } = project();
    const later = clock();
    expect(await lint('a')).toEqual(RETRY);
    edit(SENDS_NOTHING);
    later(999);
    expect(await lint('b')).toEqual(RETRY);
    later(1001);
    expect(await lint('c')).toEqual([]);
    edit(SENDS);
    later(1001);
    expect(await lint('d')).toEqual(RETRY);
  });

  it('the linted file itself is checked anew on each lint: an importer linted next reads it from disk', async () => {
    const { lint, edit } = project();
    const later = clock();
    expect(await lint('a')).toEqual(RETRY);
    // send.ts is linted (the editor's buffer is saved as it is linted), then an importer right after
    edit(SENDS_NOTHING);
    later(10);
    expect(await lint('send')).toEqual([]);
    later(10);
    expect(await lint('b')).toEqual([]);
  });
});
