/**
 * Which files that name no provider the untyped analysis still takes up,
 * because an import reaches one: only files that name the part of the
 * imported module that concerns the provider (the environment key, the
 * config key, the client, the HTTP helper), not every importer of a module
 * that also holds it (`test/fixtures/cross-file/hubs`).
 */
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
