/**
 * The recognition layer on its own: which calls reach a provider, and which
 * values carry their outcome. No rule policy here; see `probe.ts` for the
 * line format.
 *
 * In snippets, a marker comment right before a call says what it must be
 * recognised as: `/*@axios*\/` (client family), `/*@wrapper*\/`,
 * `/*@settings-wrapper*\/`, optionally with a provider (`/*@fetch:connexease*\/`).
 */
import { describe, expect, it } from 'vitest';
import { dedent, probe, probeCalls } from './probe.js';

/** The `call …` lines the markers of `source` announce, for `provider` unless a marker names one. */
function marked(source: string, provider: string): string[] {
  const text = dedent(source);
  const calls = [...text.matchAll(/\/\*@([\w$-]+)(?::([\w-]+))?\*\//g)].map((m) => {
    const offset = m.index + m[0].length;
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return `call ${m[2] ?? provider} ${m[1]} @${line}:${column}`;
  });
  if (calls.length === 0) throw new Error('marked: the snippet has no /*@…*/ marker');
  return calls;
}

/** One host per built-in provider, plus the other hosts they document. */
const HOSTS = [
  ['meta-cloud', 'graph.facebook.com'],
  ['cequens', 'apis.cequens.com'],
  ['wa-server', 'wa.sagad.net'],
  ['digiworld', 'digichat.digiworld-dev.com'],
  ['msgbubbles', 'api.msgbubbles.com'],
  ['connexease', 'api.gateway.connexease.com'],
] as const;
const OTHER_HOSTS = [
  ['wa-server', 'wa.onebrick.io'],
  ['digiworld', 'stagging.digichat.digiworld-dev.com'],
  ['connexease', 'proxy.gateway.connexease.com'],
] as const;

/** Each provider's code field, as written after a parsed body, plainly and with optional chaining. */
const CODE_ACCESS: Record<string, { path: string; optional: string }> = {
  'meta-cloud': { path: '.error.code', optional: '?.error?.code' },
  cequens: { path: '.errors[0].code', optional: '?.errors?.[0]?.code' },
  'wa-server': { path: '.error.code', optional: '?.error?.code' },
  digiworld: { path: '.error', optional: '?.error' },
  msgbubbles: { path: '.error', optional: '?.error' },
  connexease: { path: '.errors.code', optional: '?.errors?.code' },
};

describe('client forms, for every provider host', () => {
  const CLIENTS: [string, (h: string) => string][] = [
    [
      'global fetch',
      (h) => `
        export async function send(payload: object) {
          return /*@fetch*/fetch('https://${h}/v1/messages', { method: 'POST', body: JSON.stringify(payload) });
        }`,
    ],
    [
      'node-fetch default import',
      (h) => `
        import fetch from 'node-fetch';
        export const send = () => /*@fetch*/fetch('https://${h}/v1/messages', { method: 'POST' });`,
    ],
    [
      'undici request',
      (h) => `
        import { request } from 'undici';
        export async function send() {
          const { statusCode, body } = await /*@undici-request*/request('https://${h}/v1/messages', { method: 'POST' });
          return { statusCode, data: await body.json() };
        }`,
    ],
    [
      'undici fetch',
      (h) => `
        import { fetch } from 'undici';
        export const send = () => /*@fetch*/fetch('https://${h}/v1/messages', { method: 'POST' });`,
    ],
    [
      'undici namespace request',
      (h) => `
        import * as undici from 'undici';
        export const send = () => /*@undici-request*/undici.request('https://${h}/v1/messages', { method: 'POST' });`,
    ],
    [
      'axios(url)',
      (h) => `
        import axios from 'axios';
        export const send = () => /*@axios*/axios('https://${h}/v1/messages');`,
    ],
    [
      'axios(config)',
      (h) => `
        import axios from 'axios';
        export const send = (data: object) => /*@axios*/axios({ method: 'post', url: 'https://${h}/v1/messages', data });`,
    ],
    ...(['get', 'post', 'put', 'patch', 'delete'] as const).map((method): [string, (h: string) => string] => [
      `axios.${method}`,
      (h) => `
        import axios from 'axios';
        export async function send() {
          const { data } = await /*@axios*/axios.${method}('https://${h}/v1/messages');
          return data;
        }`,
    ]),
    [
      'axios.request(config)',
      (h) => `
        import axios from 'axios';
        export const send = () => /*@axios*/axios.request({ url: 'https://${h}/v1/messages', method: 'POST' });`,
    ],
    [
      'axios.create({ baseURL }) in a const',
      (h) => `
        import axios from 'axios';
        export async function send(payload: object) {
          const http = axios.create({ baseURL: 'https://${h}/v1' });
          return /*@axios*/http.post('/messages', payload);
        }`,
    ],
    [
      'axios.create({ baseURL }) in a module const',
      (h) => `
        import axios from 'axios';
        const api = axios.create({ baseURL: 'https://${h}/v1', timeout: 5000 });
        export class Sender {
          send(payload: object) {
            return /*@axios*/api.post('/messages', payload);
          }
        }`,
    ],
    [
      'axios.create in the constructor (this.http)',
      (h) => `
        import axios, { type AxiosInstance } from 'axios';
        export class WhatsAppClient {
          private readonly http: AxiosInstance;
          constructor(token: string) {
            this.http = axios.create({ baseURL: 'https://${h}/v1', headers: { Authorization: token } });
          }
          async send(payload: object) {
            const res = await /*@axios*/this.http.post('/messages', payload);
            return res.data;
          }
        }`,
    ],
    [
      'axios.create as a class property',
      (h) => `
        import axios from 'axios';
        export class WhatsAppClient {
          private http = axios.create({ baseURL: 'https://${h}/v1' });
          send(payload: object) {
            return /*@axios*/this.http.post('/messages', payload);
          }
        }`,
    ],
    [
      'require("axios")',
      (h) => `
        const axios = require('axios');
        export const send = (payload: object) => /*@axios*/axios.post('https://${h}/v1/messages', payload);`,
    ],
    [
      'got(url)',
      (h) => `
        import got from 'got';
        export const send = () => /*@got*/got('https://${h}/v1/messages', { method: 'POST' });`,
    ],
    [
      'got.post(url, { json }).json()',
      (h) => `
        import got from 'got';
        export const send = (payload: object) => /*@got*/got.post('https://${h}/v1/messages', { json: payload }).json();`,
    ],
    [
      'got.extend({ prefixUrl }) + .json()',
      (h) => `
        import got from 'got';
        const client = got.extend({ prefixUrl: 'https://${h}/v1' });
        export async function send(payload: object) {
          return /*@got*/client.post('messages', { json: payload }).json();
        }`,
    ],
    [
      'ky(url)',
      (h) => `
        import ky from 'ky';
        export const send = () => /*@ky*/ky('https://${h}/v1/messages', { method: 'post' });`,
    ],
    [
      'ky.post(url).json()',
      (h) => `
        import ky from 'ky';
        export const send = (payload: object) => /*@ky*/ky.post('https://${h}/v1/messages', { json: payload }).json();`,
    ],
    [
      'ky.create({ prefixUrl }) + .json()',
      (h) => `
        import ky from 'ky';
        const api = ky.create({ prefixUrl: 'https://${h}/v1' });
        export const send = (payload: object) => /*@ky*/api.post('messages', { json: payload }).json();`,
    ],
    [
      'ky.extend({ prefixUrl }) + .json()',
      (h) => `
        import ky from 'ky';
        const api = ky.extend({ prefixUrl: 'https://${h}/v1' });
        export const send = (payload: object) => /*@ky*/api.post('messages', { json: payload }).json();`,
    ],
    [
      'ofetch',
      (h) => `
        import { ofetch } from 'ofetch';
        export const send = (body: object) => /*@ofetch*/ofetch('https://${h}/v1/messages', { method: 'POST', body });`,
    ],
    [
      '$fetch imported from ofetch',
      (h) => `
        import { $fetch } from 'ofetch';
        export const send = (body: object) => /*@ofetch*/$fetch('https://${h}/v1/messages', { method: 'POST', body });`,
    ],
    [
      'global $fetch (Nuxt)',
      (h) => `
        export const send = (body: object) => /*@ofetch*/$fetch('https://${h}/v1/messages', { method: 'POST', body });`,
    ],
    [
      'superagent.post(url).send(...)',
      (h) => `
        import superagent from 'superagent';
        export const send = (payload: object) => /*@superagent*/superagent.post('https://${h}/v1/messages').send(payload);`,
    ],
  ];

  describe.each(HOSTS)('%s (%s)', (provider, host) => {
    it.each(CLIENTS)('%s', (_, make) => {
      const source = make(host);
      expect(probeCalls(source)).toEqual(marked(source, provider));
    });
  });

  it.each(OTHER_HOSTS)('%s through its other host %s', (provider, host) => {
    const source = `export const send = () => /*@fetch*/fetch('https://${host}/v1/messages', { method: 'POST' });`;
    expect(probeCalls(source)).toEqual(marked(source, provider));
  });

  it('matches hosts without regard to case', () => {
    const source = `export const send = () => /*@fetch*/fetch('HTTPS://Graph.Facebook.com/v20.0/1/messages');`;
    expect(probeCalls(source)).toEqual(marked(source, 'meta-cloud'));
  });
});

describe('URL forms, for every provider host', () => {
  const URLS: [string, (h: string) => string, object?][] = [
    ['a string literal', (h) => `export const send = () => /*@fetch*/fetch('https://${h}/v1/messages');`],
    [
      'a template literal',
      (h) => `
        export const send = (v: string, id: string) => /*@fetch*/fetch(\`https://${h}/\${v}/\${id}/messages\`, { method: 'POST' });`,
    ],
    [
      'a concatenation',
      (h) => `
        export const send = (version: string, id: string) => /*@fetch*/fetch('https://${h}/' + version + '/' + id + '/messages');`,
    ],
    [
      'a constant followed through several constants',
      (h) => `
        const HOST = 'https://${h}';
        const API_VERSION = 'v20.0';
        const API = HOST + '/' + API_VERSION;
        const MESSAGES = \`\${API}/messages\`;
        const ENDPOINT = MESSAGES;
        export async function send(body: string) {
          const url = ENDPOINT;
          return /*@fetch*/fetch(url, { method: 'POST', body });
        }`,
    ],
    [
      'new URL(path, BASE)',
      (h) => `
        const BASE = 'https://${h}';
        export const send = (path: string) => /*@fetch*/fetch(new URL(path, BASE), { method: 'POST' });`,
    ],
    [
      'new URL(literal path, BASE).toString()',
      (h) => `
        const BASE = 'https://${h}/v1/';
        const endpoint = new URL('messages', BASE);
        export const send = () => /*@fetch*/fetch(endpoint.toString(), { method: 'POST' });`,
    ],
    [
      "process.env.X ?? 'https://…'",
      (h) => `
        const BASE = process.env.WA_BASE_URL ?? 'https://${h}';
        export const send = () => /*@fetch*/fetch(\`\${BASE}/v1/messages\`, { method: 'POST' });`,
    ],
    [
      "process.env.X || 'https://…' in place",
      (h) => `
        export const send = () => /*@fetch*/fetch((process.env.WA_BASE_URL || 'https://${h}') + '/v1/messages', { method: 'POST' });`,
    ],
  ];

  describe.each(HOSTS)('%s (%s)', (provider, host) => {
    it.each(URLS)('%s', (_, make) => {
      const source = make(host);
      expect(probeCalls(source)).toEqual(marked(source, provider));
    });

    it('an env var that settings `envVars` map to the provider', () => {
      const source = `
        const BASE = process.env.WHATSAPP_API_URL;
        export const send = () => /*@fetch*/fetch(\`\${BASE}/messages\`, { method: 'POST' });
        export const send2 = () => /*@axios*/axios.post(process.env.WHATSAPP_API_URL + '/messages', {});
        import axios from 'axios';`;
      expect(probeCalls(source, { envVars: { WHATSAPP_API_URL: provider } })).toEqual(marked(source, provider));
    });

    it('a host that settings `hosts` map to the provider', () => {
      const source = `
        import axios from 'axios';
        const http = axios.create({ baseURL: 'https://wa.internal.example.com/api' });
        export const send = () => /*@axios*/http.post('/send', {});`;
      expect(probeCalls(source, { hosts: { 'wa.internal.example.com': provider } })).toEqual(marked(source, provider));
    });
  });

  it('an env var without a literal or a settings entry reaches no provider', () => {
    const source = `
      // talks to graph.facebook.com through a proxy
      export const send = () => fetch(process.env.WHATSAPP_API_URL + '/messages', { method: 'POST' });`;
    expect(probeCalls(source)).toEqual([]);
  });

  describe("a Cloud API payload (messaging_product: 'whatsapp')", () => {
    it('marks a meta-cloud call whose URL comes from configuration', () => {
      const source = `
        import config from 'config';
        import axios from 'axios';
        export async function sendText(to: string, text: string) {
          return /*@fetch*/fetch(config.get('WA_URL') + '/messages', {
            method: 'POST',
            body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text: { body: text } }),
          });
        }
        const payload = { messaging_product: 'whatsapp', to: '1', type: 'text' };
        export const sendAxios = () => /*@axios*/axios.post(config.get('WA_URL') + '/messages', payload);`;
      expect(probeCalls(source)).toEqual(marked(source, 'meta-cloud'));
    });

    it('a Connexease host with the same payload is connexease', () => {
      const source = `
        import config from 'config';
        export async function sendText(to: string) {
          return /*@fetch*/fetch('https://api.gateway.connexease.com/v1/messages', {
            method: 'POST',
            body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text' }),
          });
        }
        export const viaConfig = (to: string) =>
          /*@fetch:meta-cloud*/fetch(config.get('WA_URL') + '/messages', { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to }) });`;
      expect(probeCalls(source)).toEqual(marked(source, 'connexease'));
    });

    it.each([
      ['fetch with JSON.stringify', `/*@fetch*/fetch(URL, { method: 'POST', body: JSON.stringify(PAYLOAD) })`],
      ['node-fetch with a const options object', `/*@fetch*/nodeFetch(URL, OPTIONS)`],
      ['axios.post(url, payload)', `/*@axios*/axios.post(URL, PAYLOAD)`],
      ['axios(config)', `/*@axios*/axios({ url: URL, method: 'post', data: PAYLOAD })`],
      ['axios.request(config)', `/*@axios*/axios.request({ url: URL, method: 'post', data: PAYLOAD })`],
      ['an axios instance on a configured baseURL', `/*@axios*/http.post('/messages', PAYLOAD)`],
      ['got.post(url, { json })', `/*@got*/got.post(URL, { json: PAYLOAD }).json()`],
      ['ky.post(url, { json })', `/*@ky*/ky.post(URL, { json: PAYLOAD }).json()`],
      ['ofetch(url, { body })', `/*@ofetch*/ofetch(URL, { method: 'POST', body: PAYLOAD })`],
      ['undici request(url, { body })', `/*@undici-request*/request(URL, { method: 'POST', body: JSON.stringify(PAYLOAD) })`],
      ['superagent.post(url).send(payload)', `/*@superagent*/superagent.post(URL).send(PAYLOAD)`],
      ['an injected HTTP service (this.http.post)', `/*@generic*/this.http.post(URL, PAYLOAD)`],
    ])('with %s', (_, call) => {
      const source = `
        import config from 'config';
        import axios from 'axios';
        import nodeFetch from 'node-fetch';
        import got from 'got';
        import ky from 'ky';
        import { ofetch } from 'ofetch';
        import { request } from 'undici';
        import superagent from 'superagent';
        const URL = config.get('WA_URL') + '/messages';
        const PAYLOAD = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '15550001111', type: 'text' };
        const OPTIONS = { method: 'POST', body: JSON.stringify(PAYLOAD) };
        const http = axios.create({ baseURL: config.get('WA_URL') });
        export class Sender {
          constructor(private readonly http: { post(url: string, body: unknown): Promise<unknown> }) {}
          send() {
            return ${call};
          }
        }`;
      expect(probeCalls(source)).toEqual(marked(source, 'meta-cloud'));
    });

    it('without the payload, a configured URL reaches no provider', () => {
      const source = `
        import config from 'config';
        // messaging_product is set by the gateway
        export const send = (to: string) => fetch(config.get('WA_URL') + '/messages', { method: 'POST', body: JSON.stringify({ to }) });`;
      expect(probeCalls(source)).toEqual([]);
    });
  });
});

describe('same-file wrappers', () => {
  it('a function declaration', () => {
    const source = `
      import axios from 'axios';
      async function sendMessage(to: string) {
        return /*@axios*/axios.post('https://graph.facebook.com/v20.0/123/messages', { messaging_product: 'whatsapp', to });
      }
      export async function notify(user: { phone: string }) {
        const { data } = await /*@wrapper*/sendMessage(user.phone);
        return data.error.code;
      }`;
    expect(probeCalls(source)).toEqual(marked(source, 'meta-cloud'));
    expect(probe(source)).toEqual(
      expect.arrayContaining(['promise<response> meta-cloud sendMessage(…)', 'body meta-cloud data', 'body.error.code meta-cloud data.error.code #code']),
    );
  });

  it('an arrow function in a const', () => {
    const source = `
      const send = async (to: string) => {
        const res = await /*@fetch*/fetch('https://wa.sagad.net/api/send', { method: 'POST', body: JSON.stringify({ to }) });
        return res.json();
      };
      export async function notify(to: string) {
        const body = await /*@wrapper*/send(to);
        if (body.error.code === 'logged_out') return false;
        return true;
      }`;
    expect(probeCalls(source)).toEqual(marked(source, 'wa-server'));
    expect(probe(source)).toEqual(expect.arrayContaining(['promise<body> wa-server send(…)', 'body.error.code wa-server body.error.code #code']));
  });

  it('a class method called through this.x()', () => {
    const source = `
      import axios from 'axios';
      export class CequensClient {
        private http = axios.create({ baseURL: 'https://apis.cequens.com/conversation-app/v1' });
        private post(path: string, body: object) {
          return /*@axios*/this.http.post(path, body);
        }
        async sendText(to: string, text: string) {
          try {
            return await /*@wrapper*/this.post('/messages', { to, text });
          } catch (err) {
            return err.response.data.errors[0].code;
          }
        }
      }`;
    expect(probeCalls(source)).toEqual(marked(source, 'cequens'));
    expect(probe(source)).toContain('body.errors[0].code cequens err.response.data.errors[0].code #code');
  });

  it('a class method called on an instance made in the file', () => {
    const source = `
      class Digiworld {
        send(to: string) {
          return /*@fetch*/fetch('https://digichat.digiworld-dev.com/api/send', { method: 'POST', body: JSON.stringify({ to }) });
        }
      }
      const client = new Digiworld();
      export const notify = (to: string) => /*@wrapper*/client.send(to);`;
    expect(probeCalls(source)).toEqual(marked(source, 'digiworld'));
  });

  it('an object-literal method', () => {
    const source = `
      export const whatsapp = {
        async send(to: string) {
          const res = await /*@fetch*/fetch('https://api.msgbubbles.com/v1/messages', { method: 'POST', body: JSON.stringify({ to }) });
          return res.json();
        },
      };
      export async function notify(to: string) {
        const body = await /*@wrapper*/whatsapp.send(to);
        return body.error;
      }`;
    expect(probeCalls(source)).toEqual(marked(source, 'msgbubbles'));
    expect(probe(source)).toContain('body.error msgbubbles body.error #code');
  });

  it('an object-literal method called through this.x() from another method', () => {
    const source = `
      export const whatsapp = {
        post(body: object) {
          return /*@fetch*/fetch('https://api.msgbubbles.com/v1/messages', { method: 'POST', body: JSON.stringify(body) });
        },
        sendText(to: string) {
          return /*@wrapper*/this.post({ to });
        },
      };`;
    expect(probeCalls(source)).toEqual(marked(source, 'msgbubbles'));
  });

  it('wrappers chained three deep, declared in any order', () => {
    const source = `
      export async function notifyAll(users: string[]) {
        for (const user of users) await /*@wrapper*/notify(user);
      }
      async function notify(user: string) {
        return /*@wrapper*/sendTemplate(user, 'welcome');
      }
      const sendTemplate = (to: string, name: string) => /*@wrapper*/post({ to, template: { name } });
      function post(body: object) {
        return /*@fetch*/fetch('https://api.gateway.connexease.com/v1/messages', { method: 'POST', body: JSON.stringify(body) });
      }`;
    expect(probeCalls(source)).toEqual(marked(source, 'connexease'));
  });

  it('a function that settings `wrappers` name, imported from another file', () => {
    const source = `
      import { sendWhatsApp } from './whatsapp.js';
      import * as wa from './whatsapp.js';
      export async function notify(to: string) {
        try {
          await /*@settings-wrapper*/sendWhatsApp(to, 'hello');
        } catch (err) {
          if (err.response?.status === 429) return 'later';
          return err.response?.data?.error?.code;
        }
        return /*@settings-wrapper*/wa.sendWhatsApp(to, 'again');
      }`;
    expect(probeCalls(source, { wrappers: { sendWhatsApp: 'meta-cloud' } })).toEqual(marked(source, 'meta-cloud'));
    expect(probe(source, { wrappers: { sendWhatsApp: 'meta-cloud' } })).toEqual(
      expect.arrayContaining(['status meta-cloud err.response?.status #status', 'body.error.code meta-cloud err.response?.data?.error?.code #code']),
    );
  });
});

describe('values that carry the outcome', () => {
  describe.each(HOSTS)('%s (%s)', (provider, host) => {
    const { path, optional } = CODE_ACCESS[provider]!;
    const label = `body${path}`;
    const url = `'https://${host}/v1/messages'`;

    it('the response, its status, and the body of await res.json()', () => {
      const source = `
        export async function send() {
          const res = await fetch(${url}, { method: 'POST' });
          if (!res.ok) {
            const body = await res.json();
            return [res.status, body${path}];
          }
        }`;
      expect(probe(source)).toEqual([
        `response ${provider} res`,
        `response ${provider} await fetch(…)`,
        `call ${provider} fetch @2:21`,
        `promise<response> ${provider} fetch(…)`,
        `ok ${provider} res.ok`,
        `response ${provider} res`,
        `body ${provider} body`,
        `body ${provider} await res.json()`,
        `promise<body> ${provider} res.json()`,
        `response ${provider} res`,
        `status ${provider} res.status #status`,
        `response ${provider} res`,
        ...intermediate(provider, 'body', path),
      ]);
    });

    it('the body of .then((res) => res.json())', () => {
      const source = `
        export async function send() {
          const body = await fetch(${url}).then((res) => res.json());
          return body${path};
        }`;
      expect(probe(source)).toEqual(
        expect.arrayContaining([
          `promise<body> ${provider} fetch(${url}).then(…)`,
          `response ${provider} res`,
          `promise<body> ${provider} res.json()`,
          `${label} ${provider} body${path} #code`,
        ]),
      );
    });

    it('axios data, plain and destructured', () => {
      const source = `
        import axios from 'axios';
        export async function send() {
          const res = await axios.post(${url}, {});
          const { data } = await axios.post(${url}, {});
          return [res.data${path}, data${path}];
        }`;
      expect(probe(source)).toEqual(
        expect.arrayContaining([`${label} ${provider} res.data${path} #code`, `body ${provider} data`, `${label} ${provider} data${path} #code`]),
      );
    });

    it('the caught error of a try that awaits the call, plain and with optional chaining', () => {
      const source = `
        import axios from 'axios';
        export async function send() {
          try {
            await axios.post(${url}, {});
          } catch (err) {
            log(err.response.status, err.response.data${path});
            log(err?.response?.status, err?.response?.data${optional});
          }
        }`;
      expect(probe(source)).toEqual(
        expect.arrayContaining([
          `error ${provider} err`,
          `status ${provider} err.response.status #status`,
          `${label} ${provider} err.response.data${path} #code`,
          `status ${provider} err?.response?.status #status`,
          `${label} ${provider} err?.response?.data${optional} #code`,
        ]),
      );
    });

    it('the error of .catch((err) => ...)', () => {
      const source = `
        import axios from 'axios';
        export const send = () =>
          axios.post(${url}, {}).catch((err) => (err.response?.status === 400 ? err.response?.data${optional} : null));`;
      expect(probe(source)).toEqual(
        expect.arrayContaining([
          `promise<response> ${provider} axios.post(${url}, {}).catch(…)`,
          `error ${provider} err`,
          `status ${provider} err.response?.status #status`,
          `${label} ${provider} err.response?.data${optional} #code`,
        ]),
      );
    });

    it('ofetch: the body directly, and err.data / err.status when caught', () => {
      const source = `
        import { ofetch } from 'ofetch';
        export async function send() {
          try {
            const body = await ofetch(${url}, { method: 'POST' });
            return body${path};
          } catch (err) {
            return [err.status, err.data${path}];
          }
        }`;
      expect(probe(source)).toEqual(
        expect.arrayContaining([
          `promise<body> ${provider} ofetch(…)`,
          `${label} ${provider} body${path} #code`,
          `status ${provider} err.status #status`,
          `${label} ${provider} err.data${path} #code`,
        ]),
      );
    });

    it('undici request: statusCode and await body.json()', () => {
      const source = `
        import { request } from 'undici';
        export async function send() {
          const { statusCode, body } = await request(${url}, { method: 'POST' });
          const data = await body.json();
          return statusCode === 200 ? null : data${path};
        }`;
      expect(probe(source)).toEqual(
        expect.arrayContaining([
          `status ${provider} statusCode #status`,
          `promise<body> ${provider} body.json()`,
          `body ${provider} data`,
          `${label} ${provider} data${path} #code`,
        ]),
      );
    });

    it('ky: await err.response.json() in a catch', () => {
      const source = `
        import ky from 'ky';
        export async function send() {
          try {
            return await ky.post(${url}, { json: {} }).json();
          } catch (err) {
            const body = await err.response.json();
            return [err.response.status, body${path}];
          }
        }`;
      expect(probe(source)).toEqual(
        expect.arrayContaining([
          `promise<body> ${provider} ky.post(${url}, { json: {} }).json()`,
          `promise<body> ${provider} err.response.json()`,
          `status ${provider} err.response.status #status`,
          `${label} ${provider} body${path} #code`,
        ]),
      );
    });
  });

  it('nested destructuring of the axios response: { data: { error: { code } } }', () => {
    const source = `
      import axios from 'axios';
      export async function send() {
        const { data: { error: { code } }, status } = await /*@axios*/axios.post('https://graph.facebook.com/v20.0/1/messages', {});
        return [code, status];
      }`;
    expect(probe(source)).toEqual([
      'body.error.code meta-cloud code #code',
      'status meta-cloud status #status',
      'response meta-cloud await axios.post(…)',
      ...marked(source, 'meta-cloud'),
      'promise<response> meta-cloud axios.post(…)',
      'body.error.code meta-cloud code #code',
      'status meta-cloud status #status',
    ]);
  });

  it.each([
    ['meta-cloud', 'graph.facebook.com', 'const { error: { code } } = body;', 'body.error.code'],
    ['wa-server', 'wa.sagad.net', 'const { error: { code = null } = {} } = body;', 'body.error.code'],
    ['cequens', 'apis.cequens.com', 'const { errors: [{ code }] } = body;', 'body.errors[0].code'],
    ['connexease', 'api.gateway.connexease.com', 'const { errors: { code } } = body;', 'body.errors.code'],
    ['digiworld', 'digichat.digiworld-dev.com', 'const { error: code } = body;', 'body.error'],
  ])('destructuring the parsed body (%s): %s', (provider, host, pattern, label) => {
    const source = `
      export async function send() {
        const res = await fetch('https://${host}/v1/messages');
        const body = await res.json();
        ${pattern}
        return code;
      }`;
    const lines = probe(source);
    expect(lines.filter((l) => l.endsWith(' code #code'))).toEqual([`${label} ${provider} code #code`, `${label} ${provider} code #code`]);
  });

  it('CEQUENS: body.errors[0].code, .find(...), and for (const e of body.errors)', () => {
    const source = `
      export async function send() {
        const res = await fetch('https://apis.cequens.com/conversation-app/v1/messages', { method: 'POST' });
        const body = await res.json();
        const first = body.errors[0].code;
        const rate = body.errors.find((e) => e.code === 429);
        for (const e of body.errors) log(e.code, e.title);
        return [first, rate.code, rate?.title];
      }`;
    expect(probe(source)).toEqual(
      expect.arrayContaining([
        'body.errors[0].code cequens first #code',
        'body.errors[0].code cequens body.errors[0].code #code',
        'body.errors[0] cequens rate',
        'body.errors[0] cequens e',
        'body.errors[0].code cequens e.code #code',
        'body.errors[0].title cequens e.title',
        'body.errors[0].code cequens rate.code #code',
        'body.errors[0].title cequens rate?.title',
      ]),
    );
    // `errors.code` is not CEQUENS' code field (it is Connexease's shape).
    expect(probe(source).some((l) => l.includes('#code') && !l.includes('[0].code'))).toBe(false);
  });

  it('.then((res) => res.json()).then((body) => ...) and .catch((err) => ...) on a chain', () => {
    const source = `
      export const send = () =>
        fetch('https://wa.sagad.net/api/send', { method: 'POST' })
          .then((res) => res.json())
          .then((body) => body.error.code)
          .catch((err) => err.status);`;
    expect(probe(source)).toEqual(
      expect.arrayContaining([
        'body wa-server body',
        'body.error.code wa-server body.error.code #code',
        'error wa-server err',
        'status wa-server err.status #status',
      ]),
    );
  });

  it('ky: a destructured catch ({ response }) and await response.json()', () => {
    const source = `
      import ky from 'ky';
      export async function send() {
        try {
          await ky.post('https://wa.sagad.net/api/send', { json: {} });
        } catch ({ response }) {
          const body = await response.json();
          return [response.status, body.error.code];
        }
      }`;
    expect(probe(source)).toEqual(
      expect.arrayContaining([
        'response wa-server response',
        'promise<body> wa-server response.json()',
        'status wa-server response.status #status',
        'body.error.code wa-server body.error.code #code',
      ]),
    );
  });

  it('.then(onFulfilled, onRejected): the response, then the error', () => {
    const source = `
      export const send = () => fetch('https://wa.onebrick.io/api/send').then((res) => res.status, (err) => err.status);`;
    expect(probe(source)).toEqual([
      "promise<status> wa-server fetch('https://wa.onebrick.io/api/send').then(…)",
      'call wa-server fetch @1:27',
      'promise<response> wa-server fetch(…)',
      'response wa-server res',
      'status wa-server res.status #status',
      'response wa-server res',
      'error wa-server err',
      'status wa-server err.status #status',
      'error wa-server err',
    ]);
  });

  it('a let assigned in a try, and an inline await (await fetch(url)).json()', () => {
    const source = `
      export async function send() {
        let res;
        try {
          res = await fetch('https://api.msgbubbles.com/v1/messages');
        } finally {
          log('sent');
        }
        const body = (await (await fetch('https://api.msgbubbles.com/v1/messages')).json()) as { error?: string };
        return [res.status, body.error];
      }`;
    expect(probe(source)).toEqual(expect.arrayContaining(['status msgbubbles res.status #status', 'body msgbubbles body', 'body.error msgbubbles body.error #code']));
  });

  it('got: statusCode of the response and of a caught error', () => {
    const source = `
      import got from 'got';
      export async function send() {
        try {
          const res = await got.post('https://digichat.digiworld-dev.com/api/send', { json: {} });
          return res.statusCode;
        } catch (err) {
          return err.response?.statusCode;
        }
      }`;
    expect(probe(source)).toEqual(
      expect.arrayContaining(['status digiworld res.statusCode #status', 'status digiworld err.response?.statusCode #status']),
    );
  });

  it("errorCodeOf('wa-server', body) from eslint-plugin-whatsapp-errors/catalog", () => {
    const source = `
      import { errorCodeOf } from 'eslint-plugin-whatsapp-errors/catalog';
      const PROVIDER = 'cequens';
      export function classify(body: unknown, other: unknown) {
        const code = errorCodeOf('wa-server', body);
        return [code, errorCodeOf(PROVIDER, other)];
      }`;
    expect(probe(source)).toEqual([
      'body.error.code wa-server code #code',
      'body.error.code wa-server errorCodeOf(…) #code',
      'body.error.code wa-server code #code',
      'body.errors[0].code cequens errorCodeOf(…) #code',
    ]);
  });

  it('errorCodeOf from another module is not the catalog helper', () => {
    const source = `
      import { errorCodeOf } from './errors.js';
      // graph.facebook.com
      export const classify = (body: unknown) => errorCodeOf('meta-cloud', body);`;
    expect(probe(source)).toEqual([]);
  });
});

describe('what is not a provider call or outcome', () => {
  it('a call to a non-provider URL', () => {
    const source = `
      export async function send() {
        await fetch('https://api.example.com/v1/messages', { method: 'POST' });
        await fetch('https://graph.facebook.com.evil.example/v1/messages');
        await fetch('https://notgraph.facebook.com/v1/messages');
        await fetch('https://example.com/login?next=graph.facebook.com');
        return /*@fetch*/fetch('https://graph.facebook.com/v20.0/1/messages');
      }`;
    expect(probeCalls(source)).toEqual(marked(source, 'meta-cloud'));
  });

  it('a file naming no provider', () => {
    const source = `
      import axios from 'axios';
      export async function send(url: string) {
        try {
          const { data } = await axios.post(url, { to: '1' });
          return data.error.code;
        } catch (err) {
          return err.response.status;
        }
      }`;
    expect(probe(source)).toEqual([]);
  });

  it('a loop over recipients around a call that is not a provider call', () => {
    const source = `
      import axios from 'axios';
      const audit = (to: string) => fetch('https://audit.example.com/log', { method: 'POST', body: to });
      export async function broadcast(recipients: { phone: string; error?: { code: number } }[]) {
        for (const r of recipients) {
          if (r.error?.code === 131047) continue;
          await audit(r.phone);
        }
        recipients.forEach((r) => r.error?.code);
        const failed = recipients.find((r) => r.error);
        return failed?.error?.code;
      }
      // sends nothing to graph.facebook.com itself`;
    expect(probe(source)).toEqual([]);
  });

  it('a loop over recipients around a provider call: only the call is recognised', () => {
    const source = `
      import axios from 'axios';
      export async function broadcast(recipients: { phone: string; error?: { code: number } }[]) {
        for (const r of recipients) {
          if (r.error?.code === 131047) continue;
          await axios.post('https://graph.facebook.com/v20.0/1/messages', { to: r.phone });
        }
      }`;
    expect(probe(source)).toEqual(['response meta-cloud await axios.post(…)', 'call meta-cloud axios @5:11', 'promise<response> meta-cloud axios.post(…)']);
  });

  it('shadowed variables named like clients are not clients', () => {
    const source = `
      function fetch(url: string) {
        return url.trim();
      }
      const got = (url: string) => url.length;
      export function format() {
        return [fetch('https://graph.facebook.com/v20.0/1/messages'), got('https://graph.facebook.com/v20.0/1/messages')];
      }`;
    expect(probe(source)).toEqual([]);
  });

  it('a same-file object named like a client, whose method is a local function, is not a client', () => {
    const source = `
      const ky = { post: (url: string) => url.toUpperCase() };
      export const format = () => ky.post('https://graph.facebook.com/v20.0/1/messages');`;
    expect(probe(source)).toEqual([]);
  });

  it('names shadowed in an inner scope do not carry the outer outcome', () => {
    const source = `
      export async function send() {
        const res = await /*@fetch*/fetch('https://graph.facebook.com/v20.0/1/messages');
        const isBad = (res: { status: number }) => res.status === 400;
        try {
          await /*@fetch*/fetch('https://graph.facebook.com/v20.0/1/messages');
        } catch (err) {
          [new Error('x')].forEach((err) => err.message);
          const wrap = (err: { response: { status: number } }) => err.response.status;
          return err.code;
        }
        return isBad({ status: 1 });
      }`;
    const lines = probe(source);
    expect(lines.filter((l) => l.startsWith('call '))).toEqual(marked(source, 'meta-cloud'));
    expect(lines.filter((l) => l.startsWith('status') || l.includes('#code'))).toEqual([]);
    // the outer `err` is the caught error; the inner ones are not
    expect(lines.filter((l) => l.startsWith('error '))).toEqual(['error meta-cloud err', 'error meta-cloud err']);
  });

  it('calling a parameter is not calling the function that declares it', () => {
    const source = `
      import axios from 'axios';
      export async function send(to: string, log: (message: string) => void) {
        log('sending');
        return /*@axios*/axios.post('https://graph.facebook.com/v20.0/1/messages', { to });
      }`;
    expect(probeCalls(source)).toEqual(marked(source, 'meta-cloud'));
  });

  it('the error of a try whose block starts the call without awaiting it', () => {
    const source = `
      import axios from 'axios';
      export function send() {
        try {
          return /*@axios*/axios.post('https://graph.facebook.com/v20.0/1/messages', {});
        } catch (err) {
          return err.response.status;
        }
      }`;
    const lines = probe(source);
    expect(lines.filter((l) => l.startsWith('call '))).toEqual(marked(source, 'meta-cloud'));
    expect(lines.filter((l) => l.startsWith('error') || l.startsWith('status') || l.startsWith('response'))).toEqual([]);
  });

  it('the error of a try whose block makes no provider call', () => {
    const source = `
      export async function send() {
        const res = await fetch('https://graph.facebook.com/v20.0/1/messages');
        try {
          JSON.parse('{');
        } catch (err) {
          return err.response.status;
        }
        return res;
      }`;
    expect(probe(source).filter((l) => l.startsWith('error') || l.startsWith('status'))).toEqual([]);
  });
});

/** The lines for `root` + `path` (a body code access) and its prefixes, as probe lists them: outer first, then the root. */
function intermediate(provider: string, root: string, path: string): string[] {
  const steps = [...path.matchAll(/\.\w+|\[\d+\]/g)].map((m) => m[0]);
  const lines: string[] = [];
  for (let n = steps.length; n >= 0; n--) {
    const access = steps.slice(0, n).join('');
    const code = n === steps.length ? ' #code' : '';
    lines.push(`body${access} ${provider} ${root}${access}${code}`);
  }
  return lines;
}

describe('bodies and options in less common places', () => {
  it('JSON.parse of a got error body is the parsed body', () => {
    const lines = probe(
      "import got from 'got';\nexport async function s() {\n  try { await got.post('https://wa.sagad.net/devices/1/messages', { json: {} }); }\n  catch (error) { const body = JSON.parse(error.response.body); return body.error.code; }\n}",
    );
    expect(lines.filter((l) => l.includes('#code'))).toEqual(['body.error.code wa-server body.error.code #code']);
  });

  it('request-style options first: request.post({ url, json })', () => {
    const lines = probe("export async function s(request) {\n  const res = await request.post({ url: 'https://graph.facebook.com/v21.0/1/messages', json: { to: 1 } });\n  return res.statusCode;\n}");
    expect(lines.filter((l) => l.startsWith('call') || l.includes('#status'))).toEqual(['call meta-cloud generic @2:21', 'status meta-cloud res.statusCode #status']);
  });
});
