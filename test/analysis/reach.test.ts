/**
 * Which files that name no provider the untyped analysis still takes up,
 * because an import reaches one: only files that name the part of the
 * imported module that concerns the provider (the environment key, the
 * config key, the client, the HTTP helper), not every importer of a module
 * that also holds it (`test/fixtures/cross-file/hubs`).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsReachProvider } from '../../src/analysis/imports.js';
import { startLint } from '../../src/analysis/project.js';
import { resolveSettings } from '../../src/analysis/settings.js';

const ROOT = fileURLToPath(new URL('../fixtures/cross-file/hubs/', import.meta.url));
const FILE = `${ROOT}src/feature/snippet.ts`;

const reaches = (code: string, file = FILE): boolean => {
  const project = startLint({ path: file, root: ROOT.replace(/\/$/, '') }, resolveSettings({}), undefined);
  return importsReachProvider(project, file, code);
};

describe('an environment schema every file imports', () => {
  it('reaches the provider from a file that reads its WhatsApp key', () => {
    expect(reaches(`import { env } from '../env';\nexport const base = env.WHATSAPP_CLOUD_API_URL;`)).toBe(true);
    expect(reaches(`import { env } from '../env';\nconst { WHATSAPP_CLOUD_API_URL: url } = env;\nexport const base = url;`)).toBe(true);
  });

  it('a schema that parses the whole environment: the key holding the URL counts, the others do not', () => {
    expect(reaches(`import { settings } from '../schema-env';\nexport const base = settings.WA_GRAPH_BASE;`)).toBe(true);
    expect(reaches(`import { settings } from '../schema-env';\nexport const port = settings.PORT;`)).toBe(false);
  });

  it('not from a file that reads other keys, nor from the group the key sits in', () => {
    expect(reaches(`import { env } from '../env';\nexport const auth = env.NEXTAUTH_URL;`)).toBe(false);
    expect(reaches(`import { env } from '../env';\nexport const server = 'server';\nexport const lang = env.WHATSAPP_TEMPLATE_LANG;`)).toBe(false);
  });
});

describe('a config object', () => {
  it('reaches the provider from a file that reads the key holding the URL, or the group around it', () => {
    expect(reaches(`import { config } from '../config';\nexport const url = config.whatsapp.baseUrl;`)).toBe(true);
    expect(reaches(`import { config } from '../config';\nexport const wa = config.whatsapp;`)).toBe(true);
  });

  it('not from a file that reads its other keys', () => {
    expect(reaches(`import { config } from '../config';\nexport const port = config.app.port;`)).toBe(false);
  });

  it('an object of functions: the function that uses the host through a constant counts', () => {
    expect(reaches(`import { wa } from '../wa-object';\nexport const go = (id: string, to: string) => wa.send(id, to);`)).toBe(true);
    expect(reaches(`import { wa } from '../wa-object';\nexport const title = wa.label;`)).toBe(false);
  });

  it('from a file that hands it on whole: the callee may read the key', () => {
    expect(reaches(`import { config } from '../config';\nimport { makeClient } from './http';\nexport const client = makeClient(config);`)).toBe(true);
    expect(reaches(`import { env } from '../env';\nexport const api = new Api(env, 'token');`)).toBe(true);
  });
});

describe('a client made in another file', () => {
  it('reaches the provider from a file that uses the client, though it never names its options', () => {
    expect(reaches(`import { graph } from '../graph';\nexport const send = (id: string) => graph.post(\`/\${id}/messages\`, {});`)).toBe(true);
  });

  it('a client whose base URL a later statement sets', () => {
    expect(reaches(`import { api } from '../shared-api';\nexport const send = (id: string) => api.post(\`/\${id}/messages\`, {});`)).toBe(true);
    expect(reaches(`import { retries } from '../shared-api';\nexport const n = retries;`)).toBe(false);
  });

  it('a client made with an option from the environment is still a client: its importers call it', () => {
    expect(reaches(`import { graphApi } from '../graph-env';\nexport const send = (id: string) => graphApi.post(\`/\${id}/messages\`, {});`)).toBe(true);
    expect(reaches(`import { graphTimeoutMs } from '../graph-env';\nexport const t = graphTimeoutMs;`)).toBe(false);
  });

  it('not from a file that imports something else from that module', () => {
    expect(reaches(`import { timeoutMs } from '../graph';\nexport const t = timeoutMs * 2;`)).toBe(false);
  });
});

describe('an HTTP helper among the utilities of a file, used for WhatsApp elsewhere', () => {
  it('reaches the provider from a file that calls the helper', () => {
    expect(reaches(`import { sendRequest } from '../utils';\nexport const go = (url: string) => sendRequest(url, {});`)).toBe(true);
    expect(reaches(`import * as utils from '../utils';\nexport const go = (url: string) => utils.sendRequest(url, {});`)).toBe(true);
  });

  it('not from a file that imports only another utility', () => {
    expect(reaches(`import { isDefined } from '../utils';\nexport const ok = (v?: string) => isDefined(v);`)).toBe(false);
  });

  it('a helper exported as the default is reached under any name', () => {
    expect(reaches(`import postJson from '../http-default';\nexport const go = (url: string) => postJson(url, {});`)).toBe(true);
  });
});

describe('a wrapper re-exported through index files', () => {
  it('reaches the provider from a file that imports the wrapper through them', () => {
    expect(reaches(`import { sendReminder } from '../wa';\nexport const remind = (id: string, to: string) => sendReminder(id, to);`)).toBe(true);
    expect(reaches(`import { sendReminder } from '../channels';\nexport const remind = (id: string, to: string) => sendReminder(id, to);`)).toBe(true);
  });

  it('not from a file that imports something else from the same index', () => {
    expect(reaches(`import { isDefined } from '../channels';\nexport const ok = (v?: string) => isDefined(v);`)).toBe(false);
  });
});

describe('import closures searched once per run of lints', () => {
  /** A project of `files` (path → text) under src/. */
  const project = (files: Record<string, string>) => {
    const root = mkdtempSync(join(tmpdir(), 'wa-quiet-'));
    writeFileSync(join(root, 'package.json'), '{ "name": "quiet", "private": true }');
    mkdirSync(join(root, 'src'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'src', name), text);
    return (file: string) => {
      const path = join(root, 'src', file);
      const project = startLint({ path, root }, resolveSettings({}), undefined);
      return importsReachProvider(project, path, files[file]!);
    };
  };
  const WRAPPER = "import axios from 'axios';\nexport const sendText = (id: string, to: string) => axios.post(`https://graph.facebook.com/v21.0/${id}/messages`, { messaging_product: 'whatsapp', to });\n";

  it('a file on an import cycle is not taken as quiet from a search that started on the cycle', () => {
    const reaches = project({
      'w.ts': WRAPPER,
      // c imports d first, and d imports c back: when c's search reaches d, c's own imports are not all seen yet
      'c.ts': "import { tick } from './d';\nimport { sendText } from './w';\nexport const notify = (id: string, to: string) => { tick(); return sendText(id, to); };\n",
      'd.ts': "import { notify } from './c';\nexport const tick = () => 1;\nexport const ping = (id: string, to: string) => notify(id, to);\n",
      'x1.ts': "import { notify } from './c';\nexport const run = () => notify('1', '2');\n",
      'e.ts': "import { ping } from './d';\nexport const pong = (id: string, to: string) => ping(id, to);\n",
      'x2.ts': "import { pong } from './e';\nexport const run = () => pong('1', '2');\n",
      'quiet.ts': "import { tick } from './d';\nexport const count = () => tick();\n",
    });
    expect(reaches('x1.ts')).toBe(true);
    // e reaches the provider through d and c, although the first search met d while c was still open
    expect(reaches('x2.ts')).toBe(true);
  });

  it('a deep chain of quiet files is quiet, and a provider at its end is found, from every file of the run', () => {
    const chain = (n: number, last: string) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`m${i}.ts`, i === n - 1 ? last : `import { f${i + 1} } from './m${i + 1}';\nexport const f${i} = () => f${i + 1}();\n`]));
    const quiet = project({ ...chain(5, 'export const f4 = () => 4;\n'), 'a.ts': "import { f0 } from './m0';\nexport const a = f0();\n", 'b.ts': "import { f1 } from './m1';\nexport const b = f1();\n" });
    expect(quiet('a.ts')).toBe(false);
    expect(quiet('b.ts')).toBe(false);
    const loud = project({ ...chain(5, "import { sendText } from './w';\nexport const f4 = () => sendText('1', '2');\n"), 'w.ts': WRAPPER, 'a.ts': "import { f0 } from './m0';\nexport const a = f0();\n", 'b.ts': "import { f1 } from './m1';\nexport const b = f1();\n" });
    expect(loud('b.ts')).toBe(true);
    expect(loud('a.ts')).toBe(true);
  });
});
