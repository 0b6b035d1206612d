/**
 * Recognition across files, end to end: a Cloud API app whose sends are spread
 * over a config module, an HTTP client module, wrappers and jobs
 * (`test/fixtures/cross-file/app`, each file says what it shows) linted with
 * the untyped `recommended` config, the typed one, and in worker threads, which
 * must all agree; and an edit to an imported file changes the findings of the
 * file that imports it on the next lint, as in an editor.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';
import plugin from '../../src/index.js';
import { parseCounts } from '../../src/analysis/modules.js';

const APP = fileURLToPath(new URL('../fixtures/cross-file/app/', import.meta.url));
const BUILT = new URL('../../dist/src/index.js', import.meta.url).href;

/** `file:line:column rule messageId provider`, one per finding, in file order. */
function findings(root: string, results: ESLint.LintResult[]): string[] {
  return results
    .flatMap((r) =>
      r.messages.map((m) => {
        if (!m.ruleId) return `${relative(root, r.filePath)}:${m.line}:${m.column} fatal ${m.message}`;
        const provider = /\b(meta-cloud|cequens|wa-server|digiworld|msgbubbles|connexease)\b/.exec(m.message)?.[1] ?? '-';
        return `${relative(root, r.filePath)}:${m.line}:${m.column} ${m.ruleId.replace('whatsapp-errors/', '')} ${m.messageId} ${provider}`;
      }),
    )
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** What a careful reviewer finds in the app, and nothing in `good/` and `decoys/`. */
const EXPECTED = [
  // whatsapp-cloud-api: the client made by createBot in bot/bot.ts and imported; its sends reject with the error body
  'src/bot/receipts.ts:9:5 preserve-error-code droppedThrow meta-cloud',
  // the generic layer, used for the Cloud API by jobs/broadcast.ts: its own error path is judged for it
  'src/http/request.ts:5:5 preserve-error-code droppedThrow meta-cloud',
  // a send handed as a callback to an imported retry helper that re-sends every error (the decided one is quiet)
  'src/jobs/nudge.ts:9:10 no-blind-retry blindRetry meta-cloud',
  // a retry loop around a wrapper imported through a tsconfig path alias
  'src/jobs/reminder.ts:5:3 no-blind-retry blindRetry meta-cloud',
  // CommonJS: the URL from required config; a recursive retry of 5xx errors
  'src/legacy/notify.js:19:60 no-blind-retry partialRetry meta-cloud',
  // axios-retry on an instance used for the Cloud API in lib/alerts.ts
  'src/lib/retrying-client.ts:7:1 no-blind-retry blindRetry meta-cloud',
  // NestJS: HttpService with the base URL of whatsapp.module.ts
  'src/nest/whatsapp.service.ts:15:7 preserve-error-code droppedThrow meta-cloud',
  // a base class of another file sets a failed send back to pending with its retry counted (its e-mail subclass is quiet)
  'src/notifications/whatsapp.consumer.ts:20:12 no-blind-retry statusRetry meta-cloud',
  // BullMQ: a worker whose queue (in another file) gives each job five attempts
  'src/queues/whatsapp.worker.ts:7:9 no-blind-retry jobRetry meta-cloud',
  // a send whose wrapper (receipts/cloud-env.ts) knows the Cloud API only by its env var's name, re-sent on every error
  'src/receipts/resend.ts:5:3 no-blind-retry blindRetry meta-cloud',
  // URL helpers: an arrow function, a class getter and method; a same-file predicate decides the retry
  'src/whatsapp/cloud.ts:7:21 no-unchecked-response unchecked meta-cloud',
  'src/whatsapp/cloud.ts:30:5 no-blind-retry partialRetry meta-cloud',
  'src/whatsapp/cloud.ts:33:37 preserve-error-code droppedThrow meta-cloud',
  // a service method that turns only a network error into null: an HTTP error comes back as an error body, unchecked
  // (its messages() tests ok and gives failures back as null, which good/campaign-step.ts tests)
  'src/whatsapp/graph-api.ts:24:30 no-unchecked-response unchecked meta-cloud',
  // a POST helper that gives fetch's body back untested (its checked twin, two calls below a wrapper, is quiet in good/)
  'src/whatsapp/graph-post.ts:14:21 no-unchecked-response unchecked meta-cloud',
  // the generic client class with a Cloud API base: its raw Response used unchecked
  'src/whatsapp/media.ts:8:21 no-unchecked-response unchecked meta-cloud',
  // a client from a factory in another file, found by the message_templates path
  'src/whatsapp/templates.ts:11:5 preserve-error-code droppedThrow meta-cloud',
  // a client class whose private request() builds an Error from the error text (its callers' e.message tests are Meta's wording)
  'src/whatsapp/wa-client.ts:16:7 preserve-error-code droppedThrow meta-cloud',
];

const untyped = () => new ESLint({ cwd: APP, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] as never });

describe('a Cloud API app spread over files', () => {
  test('the untyped recommended config finds what a reviewer finds, and nothing in good/ and decoys/', async () => {
    expect(findings(APP, await untyped().lintFiles(['src']))).toEqual(EXPECTED);
  }, 60_000);

  test('the typed config agrees', async () => {
    const eslint = new ESLint({
      cwd: APP,
      overrideConfigFile: true,
      overrideConfig: [
        {
          ...plugin.configs['recommended-type-checked'],
          languageOptions: {
            ...plugin.configs['recommended-type-checked'].languageOptions,
            parserOptions: { projectService: true, tsconfigRootDir: APP },
          },
        },
      ] as never,
    });
    expect(findings(APP, await eslint.lintFiles(['src']))).toEqual(EXPECTED);
  }, 60_000);

  test("worker threads (concurrency) agree", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wa-cross-'));
    const file = join(dir, 'options.mjs');
    writeFileSync(
      file,
      `import plugin from ${JSON.stringify(BUILT)};\nexport default { cwd: ${JSON.stringify(APP)}, overrideConfigFile: true, concurrency: 2, overrideConfig: [plugin.configs.recommended] };\n`,
    );
    const threaded = await (await ESLint.fromOptionsModule(pathToFileURL(file))).lintFiles(['src']);
    expect(findings(APP, threaded)).toEqual(EXPECTED);
  }, 60_000);

  test("files linted in any order agree: an import reuses ESLint's parse of a file linted before it, or is parsed anew", async () => {
    // two copies, so that neither lint finds the other's caches
    const lintInOrder = async (reverse: boolean) => {
      const root = join(mkdtempSync(join(tmpdir(), 'wa-order-')), 'app');
      cpSync(APP, root, { recursive: true });
      const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] as never });
      const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.[jt]s$/.test(f)).sort();
      if (reverse) files.reverse();
      const before = parseCounts();
      const results: ESLint.LintResult[] = [];
      for (const file of files) {
        const path = join(root, 'src', file);
        results.push(...(await eslint.lintText(readFileSync(path, 'utf8'), { filePath: path })));
      }
      const after = parseCounts();
      return { found: findings(root, results), own: after.own - before.own, reused: after.reused - before.reused };
    };
    const forward = await lintInOrder(false);
    const backward = await lintInOrder(true);
    expect(forward.found).toEqual(EXPECTED);
    expect(backward.found).toEqual(EXPECTED);
    expect(forward.reused).toBeGreaterThan(0);
    expect(backward.reused).toBeGreaterThan(0);
    expect(forward.own + forward.reused).toBeGreaterThan(0);
  }, 60_000);

  test("an imported file's unsaved text in the editor is not what its importers see", async () => {
    const root = join(mkdtempSync(join(tmpdir(), 'wa-unsaved-')), 'app');
    cpSync(APP, root, { recursive: true });
    const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] as never });
    const messages = join(root, 'src/whatsapp/messages.ts');
    // the editor lints the wrapper with an edit not saved yet: it still names the Cloud API, but no longer calls it
    await eslint.lintText('// https://graph.facebook.com\nexport async function sendText(to: string, text: string) {\n  return `${to}: ${text}`;\n}\n', { filePath: messages });
    const reminder = join(root, 'src/jobs/reminder.ts');
    expect(findings(root, await eslint.lintText(readFileSync(reminder, 'utf8'), { filePath: reminder }))).toEqual(['src/jobs/reminder.ts:5:3 no-blind-retry blindRetry meta-cloud']);
  }, 60_000);

  test('an edit to an imported file shows on the next lint of the file that imports it', async () => {
    const root = join(mkdtempSync(join(tmpdir(), 'wa-edit-')), 'app');
    cpSync(APP, root, { recursive: true });
    const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] as never });
    const reminder = 'src/jobs/reminder.ts';
    const lint = async () => findings(root, await eslint.lintFiles([reminder]));
    expect(await lint()).toEqual(['src/jobs/reminder.ts:5:3 no-blind-retry blindRetry meta-cloud']);
    // the wrapper stops calling the provider: the loop is no retry of a send any more
    const messages = join(root, 'src/whatsapp/messages.ts');
    const original = readFileSync(messages, 'utf8');
    writeFileSync(messages, 'export async function sendText(to: string, text: string) {\n  return `${to}: ${text}`;\n}\n');
    expect(await lint()).toEqual([]);
    writeFileSync(messages, original);
    expect(await lint()).toEqual(['src/jobs/reminder.ts:5:3 no-blind-retry blindRetry meta-cloud']);
  }, 60_000);

  test('a file added or removed where an import looks changes what it names on the next lint', async () => {
    const root = join(mkdtempSync(join(tmpdir(), 'wa-resolve-')), 'app');
    cpSync(APP, root, { recursive: true });
    const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] as never });
    const lint = async () => findings(root, await eslint.lintFiles(['src/jobs/reminder.ts']));
    const finding = ['src/jobs/reminder.ts:5:3 no-blind-retry blindRetry meta-cloud'];
    expect(await lint()).toEqual(finding);
    // `@/whatsapp/messages` names no file any more
    const messages = join(root, 'src/whatsapp/messages.ts');
    const original = readFileSync(messages, 'utf8');
    rmSync(messages);
    expect(await lint()).toEqual([]);
    // …then a folder with an index file, which the same specifier names
    mkdirSync(join(root, 'src/whatsapp/messages'));
    writeFileSync(join(root, 'src/whatsapp/messages/index.ts'), original.replaceAll("'../", "'../../"));
    expect(await lint()).toEqual(finding);
    // …and a file that comes first for that specifier, with no provider in it
    writeFileSync(messages, 'export async function sendText(to: string, text: string) {\n  return `${to}: ${text}`;\n}\n');
    expect(await lint()).toEqual([]);
  }, 60_000);
});
