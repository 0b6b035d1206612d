/**
 * Recognition across files without type information: what a file imports
 * from other project files (constants, config objects, clients, factories,
 * wrappers, classes, generic HTTP layers) is followed, through relative
 * paths, tsconfig `paths`, re-exports and CommonJS. Snippets are linted as
 * files of the fixture app (`test/fixtures/cross-file/app`), so their imports
 * resolve to its modules.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { probeCalls } from './probe.js';

const APP = fileURLToPath(new URL('../fixtures/cross-file/app/', import.meta.url));
/** A file of the app's `src/jobs` folder (it need not exist: only its imports are read). */
const JOB = `${APP}src/jobs/snippet.ts`;
const calls = (code: string, file = JOB) => probeCalls(code, undefined, file);

describe('wrappers in other files', () => {
  it('an imported function, by relative path and through a tsconfig paths alias', () => {
    expect(calls(`
      import { sendText } from '../whatsapp/messages';
      import { sendText as viaAlias } from '@/whatsapp/messages';
      export async function job() {
        await sendText('+1555', 'hi');
        await viaAlias('+1555', 'hi');
      }`)).toEqual(['call meta-cloud external:messages.ts @4:9', 'call meta-cloud external:messages.ts @5:9']);
  });

  it('a method of an imported class: constructed here, injected (NestJS), and through a service injected into another', () => {
    expect(calls(`
      import { WhatsappService } from '../nest/whatsapp.service';
      export class Job {
        constructor(private readonly whatsapp: WhatsappService) {}
        run(id: string) { return this.whatsapp.businessProfile(id); }
      }
      export const direct = (id: string) => new WhatsappService(undefined as never).businessProfile(id);`)).toEqual([
      'call meta-cloud external:whatsapp.service.ts @4:28',
      'call meta-cloud external:whatsapp.service.ts @6:39',
    ]);
  });

  it('a CommonJS module.exports function, required whole or destructured', () => {
    expect(calls(`
      const legacy = require('../legacy/notify');
      const { notify } = require('../legacy/notify.js');
      export async function job() {
        await legacy.notify('+1555', 'hi');
        await notify('+1555', 'hi');
      }`)).toEqual(['call meta-cloud external:notify.js @4:9', 'call meta-cloud external:notify.js @5:9']);
  });

  it('an import of a file that reaches no provider is no provider call', () => {
    expect(calls(`
      import { sendText } from '../whatsapp/messages';
      import { charge } from '../decoys/billing';
      export async function job() {
        await charge('cus_1', 100);
        await sendText('+1555', 'paid');
      }`)).toEqual(['call meta-cloud external:messages.ts @5:9']);
  });
});

describe('namespace imports', () => {
  it('a wrapper called through import * as, and a TypeScript namespace of URL constants in another file', () => {
    expect(calls(`
      import * as messages from '../whatsapp/messages';
      import { META } from '../config/namespaced';
      import axios from 'axios';
      export async function job(appId: string) {
        await messages.sendText('+1555', 'hi');
        await axios.post(\`\${META.API_URL}/\${appId}/subscriptions\`, { object: 'whatsapp_business_account', fields: 'messages' });
      }`)).toEqual(['call meta-cloud external:messages.ts @5:9', 'call meta-cloud axios @6:9']);
  });

  it('a namespace import of a module that reaches no provider is no provider call', () => {
    expect(calls(`
      import * as billing from '../decoys/billing';
      export const job = () => billing.charge('cus_1', 100);`)).toEqual([]);
  });
});

describe('workspace packages', () => {
  const WS = fileURLToPath(new URL('../fixtures/workspace/', import.meta.url));

  it('a package by name: main/types pointing at an unbuilt dist/ are read from src/, exports subpath patterns', () => {
    expect(
      calls(
        `
      import { notifyUser } from '@fixture/messaging';
      import { GRAPH_URL } from '@fixture/http/graph';
      import ky from 'ky';
      export async function job(phoneNumberId: string, wabaId: string) {
        await notifyUser(phoneNumberId, '+1555', 'hi');
        await ky.post(new URL(\`\${GRAPH_URL}/\${wabaId}/subscribed_apps\`));
      }`,
        `${WS}apps/api/src/job.ts`,
      ),
    ).toEqual(['call meta-cloud external:index.ts @5:9', 'call meta-cloud ky @6:9']);
  });

  it('a nested pnpm workspace (pnpm-workspace.yaml), exports with conditions', () => {
    expect(
      calls(
        `
      import { sendTemplate } from 'wa-lib';
      export const remind = (phoneNumberId: string, to: string) => sendTemplate(phoneNumberId, to, 'reminder');`,
        `${WS}tools/pnpm-mono/app.ts`,
      ),
    ).toEqual(['call meta-cloud external:index.ts @2:62']);
  });

  it("a validated env package's keys: a schema default (zod .default, envalid { default }) is the URL's host; new URL(path, base)", () => {
    expect(
      calls(
        `
      import { env, legacyEnv } from '@fixture/env';
      import ky from 'ky';
      export async function setup(wabaId: string) {
        await ky.post(new URL(\`\${env.GRAPH_BASE_URL}/v21.0/\${wabaId}/subscribed_apps\`));
        await ky.get(new URL(\`\${wabaId}/phone_numbers\`, legacyEnv.GRAPH_ORIGIN));
        await ky.post(new URL(\`\${env.BILLING_API_URL}/v21.0/\${wabaId}/subscribed_apps\`));
        await ky.post(new URL(\`\${env.PARTNER_API_URL}/v21.0/\${wabaId}/subscribed_apps\`));
      }`,
        `${WS}apps/api/src/setup.ts`,
      ),
    ).toEqual(['call meta-cloud ky @4:9', 'call meta-cloud ky @5:9']);
  });

  it('a workspace package that reaches no provider, and a package of another workspace, are no provider calls', () => {
    expect(
      calls(
        `
      import { charge } from '@fixture/billing';
      import { sendTemplate } from 'wa-lib';
      export async function job() {
        await charge('cus_1', 100);
        await sendTemplate('1', '+1555', 'reminder');
      }`,
        `${WS}apps/api/src/job.ts`,
      ),
    ).toEqual([]);
  });
});

describe('constants and configuration from other files', () => {
  it('a named constant, a default-exported config with an env fallback, a namespace, re-exports', () => {
    expect(calls(`
      import { GRAPH } from '../config/constants';
      import cfg from '../config/whatsapp';
      import * as constants from '../config/constants';
      import { GRAPH as G, settings } from '../config';
      export async function job(payload: object) {
        await fetch(\`\${GRAPH.API_URL}/\${cfg.whatsapp.phoneNumberId}/messages\`, { method: 'POST', body: JSON.stringify(payload) });
        await fetch(\`\${cfg.whatsapp.baseUrl}/\${cfg.whatsapp.phoneNumberId}/messages\`, { method: 'POST', body: JSON.stringify(payload) });
        await fetch(\`\${constants.GRAPH.API_URL}/\${settings.whatsapp.phoneNumberId}/messages\`, { method: 'POST', body: JSON.stringify(payload) });
        await fetch(\`\${G.API_URL}/\${settings.whatsapp.phoneNumberId}/messages\`, { method: 'POST', body: JSON.stringify(payload) });
      }`)).toEqual(['call meta-cloud fetch @6:9', 'call meta-cloud fetch @7:9', 'call meta-cloud fetch @8:9', 'call meta-cloud fetch @9:9']);
  });

  it('CommonJS config, destructured and as a namespace', () => {
    expect(calls(`
      const axios = require('axios');
      const { graphUrl } = require('../legacy/config');
      const config = require('../legacy/config');
      async function job(to) {
        await axios.post(\`\${graphUrl}/\${config.phoneNumberId}/messages\`, { to });
      }`, `${APP}src/legacy/snippet.js`)).toEqual(['call meta-cloud axios @5:9']);
  });
});

describe('clients made elsewhere', () => {
  it('an exported axios instance, and one returned by a factory', () => {
    expect(calls(`
      import { graph, getClient } from '../http/graph';
      export async function job(phoneNumberId: string) {
        await graph.post(\`/\${phoneNumberId}/messages\`, { messaging_product: 'whatsapp' });
        const client = await getClient();
        await client.get(\`/\${phoneNumberId}/whatsapp_business_profile\`);
      }`)).toEqual(['call meta-cloud axios @3:9', 'call meta-cloud axios @5:9']);
  });

  it('NestJS HttpService: the base URL comes from the module that provides the service', () => {
    expect(calls(readFixture('nest/whatsapp.service.ts'), `${APP}src/nest/whatsapp.service.ts`)).toEqual(['call meta-cloud axios @12:45']);
  });

  it('NestJS HttpService: registerAsync gives a base URL with the phone number id, the WhatsApp evidence is in the module', () => {
    expect(calls(readFixture('nest/sender.service.ts'), `${APP}src/nest/sender.service.ts`)).toEqual(['call meta-cloud axios @11:43', 'call meta-cloud axios @16:5']);
  });
});

describe('generic HTTP layers: the call site decides the provider', () => {
  it('a function whose URL is a parameter, called with a Cloud API URL', () => {
    expect(calls(`
      import { request } from '../http/request';
      import { GRAPH } from '../config';
      export async function job(phoneNumberId: string) {
        await request(\`\${GRAPH.API_URL}/\${phoneNumberId}/messages\`, { method: 'POST' });
        await request('https://api.stripe.com/v1/charges', { method: 'POST' });
      }`)).toEqual(['call meta-cloud external:request.ts @4:9']);
  });

  it('a class whose base URL is given at construction', () => {
    expect(calls(`
      import { HttpClient } from '../http/client';
      const whatsapp = new HttpClient('https://graph.facebook.com/v21.0');
      const stripe = new HttpClient('https://api.stripe.com/v1');
      export async function job(phoneNumberId: string) {
        await whatsapp.post(\`/\${phoneNumberId}/messages\`, { messaging_product: 'whatsapp' });
        await stripe.post('/charges', {});
      }`)).toEqual(['call meta-cloud external:client.ts @5:9']);
  });

  it('the layer itself is a provider client when its importers use it so', () => {
    expect(calls(readFixture('http/request.ts'), `${APP}src/http/request.ts`)).toEqual(['call meta-cloud fetch @3:21']);
  });

  it('a same-file layer: a call with the provider URL, not one with another URL', () => {
    expect(calls(`
      async function post(url: string, body: unknown) {
        return fetch(url, { method: 'POST', body: JSON.stringify(body) });
      }
      export const send = (id: string) => post(\`https://graph.facebook.com/v21.0/\${id}/messages\`, { messaging_product: 'whatsapp' });
      export const track = () => post('https://api.example.com/events', {});`, `${APP}src/jobs/layer.ts`)).toEqual([
      'call meta-cloud fetch @2:10',
      'call meta-cloud wrapper @4:37',
    ]);
  });
});

describe('URL helpers in the same file', () => {
  it('an arrow function, a class getter and a method build the URL', () => {
    expect(calls(`
      const GRAPH = 'https://graph.facebook.com/v21.0';
      const apiUrl = (path: string) => \`\${GRAPH}/\${path}\`;
      export const a = (phoneNumberId: string) => fetch(apiUrl(\`\${phoneNumberId}/messages\`), { method: 'POST' });
      export class Api {
        constructor(private readonly phoneNumberId: string) {}
        get baseUrl() { return \`\${GRAPH}/\${this.phoneNumberId}\`; }
        url(path: string) { return \`\${this.baseUrl}/\${path}\`; }
        send() { return fetch(this.url('messages'), { method: 'POST' }); }
      }`, `${APP}src/jobs/helpers.ts`)).toEqual(['call meta-cloud fetch @3:45', 'call meta-cloud fetch @8:19']);
  });
});

describe('graph.facebook.com is a WhatsApp call only with evidence', () => {
  const neutral = `${APP}src/jobs/meta.ts`;
  it('a payload, a WhatsApp path, or WhatsApp in the names around it', () => {
    expect(calls(`
      export async function a(id: string, payload: object) {
        await fetch(\`https://graph.facebook.com/v21.0/\${id}/messages\`, { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to: '1' }) });
        await fetch(\`https://graph.facebook.com/v21.0/\${id}/message_templates\`);
        await fetch(\`https://graph.facebook.com/v21.0/\${process.env.WHATSAPP_PHONE_NUMBER_ID}/messages\`, { method: 'POST', body: JSON.stringify(payload) });
      }
      export async function sendWhatsAppMessage(id: string, payload: object) {
        await fetch(\`https://graph.facebook.com/v21.0/\${id}/messages\`, { method: 'POST', body: JSON.stringify(payload) });
      }`, neutral)).toEqual(['call meta-cloud fetch @2:9', 'call meta-cloud fetch @3:9', 'call meta-cloud fetch @4:9', 'call meta-cloud fetch @7:9']);
  });

  it('the Marketing API, a Page feed, Instagram publishing and Messenger are not WhatsApp', () => {
    for (const file of ['ads.ts', 'pages.ts', 'instagram.ts', 'messenger.ts']) {
      expect(calls(readFixture(`decoys/${file}`), `${APP}src/decoys/${file}`)).toEqual([]);
    }
  });

  it("Messenger's Send API is not WhatsApp even in a file named for WhatsApp", () => {
    expect(calls(`
      export async function reply(psid: string, text: string) {
        await fetch('https://graph.facebook.com/v21.0/me/messages', { method: 'POST', body: JSON.stringify({ recipient: { id: psid }, message: { text } }) });
        await fetch('https://graph.facebook.com/v21.0/12345/messages', { method: 'POST', body: JSON.stringify({ recipient: { id: psid }, message: { text } }) });
      }`, `${APP}src/whatsapp/messenger-bridge.ts`)).toEqual([]);
  });

  it('a Graph URL with no evidence is not a call; the same with a WhatsApp file name is', () => {
    const snippet = `export const get = (id: string) => fetch(\`https://graph.facebook.com/v21.0/\${id}/messages\`);`;
    expect(calls(snippet, neutral)).toEqual([]);
    expect(calls(snippet, `${APP}src/whatsapp/graph.ts`)).toEqual(['call meta-cloud fetch @1:36']);
    expect(calls(snippet, `${APP}src/notifications/whatsapp-graph.ts`)).toEqual(['call meta-cloud fetch @1:36']);
  });
});

/** A file of the app as it is on disk (so that what its importers say about it applies). */
function readFixture(file: string): string {
  return readFileSync(`${APP}src/${file}`, 'utf8');
}

describe('other shapes seen in real code', () => {
  const file = `${APP}src/jobs/shapes.ts`;

  it('a URL built up in a let (`url += …`, `url = `${url}/…``)', () => {
    expect(calls(`
      export async function send(version: string, path: string, data: object) {
        let url = 'https://graph.facebook.com';
        url += \`/\${version}\`;
        url = \`\${url}/\${process.env.PHONE_NUMBER_ID}/\${path}\`;
        return fetch(url, { method: 'POST', body: JSON.stringify(data) });
      }`, file)).toEqual(['call meta-cloud fetch @5:10']);
  });

  it('a Cloud API payload inside the options of a client the file cannot trace', () => {
    expect(calls(`
      import { ky } from '@acme/http';
      export const send = (url: string, to: string) => ky.post(url, { json: { messaging_product: 'whatsapp', to } }).json();`, file)).toEqual([
      'call meta-cloud generic @2:50',
    ]);
  });

  it('a base URL the code does not show: a Cloud API-only path, or /messages under a phone number id', () => {
    expect(calls(`
      export class Connector {
        constructor(private readonly config: { GRAPH_URL: string }) {}
        templates(wabaId: string) { return fetch(\`\${this.config.GRAPH_URL}\${wabaId}/message_templates\`); }
        send(phone_number_id: string, body: object) { return fetch(this.config.GRAPH_URL + phone_number_id + '/messages', { method: 'POST', body: JSON.stringify(body) }); }
        chat(roomId: string, body: object) { return fetch(this.config.GRAPH_URL + roomId + '/messages', { method: 'POST', body: JSON.stringify(body) }); }
        gateway(body: object) { return fetch('https://wa-gateway.internal/messages', { method: 'POST', body: JSON.stringify({ ...body, phone_number_id: '1' }) }); }
      }`, file)).toEqual(['call meta-cloud fetch @3:38', 'call meta-cloud fetch @4:56']);
  });

  it('an inline function handed to a runner whose promise is awaited (step.run), not an array method or a route', () => {
    expect(calls(`
      import ky from 'ky';
      export async function handler(step: { run<T>(name: string, fn: () => Promise<T>): Promise<T> }, app: { post(path: string, fn: () => unknown): void }, ids: string[]) {
        try {
          await step.run('send', async () => ky.post(\`https://graph.facebook.com/v21.0/\${process.env.PHONE_NUMBER_ID}/messages\`, { json: {} }).json());
        } catch (e) {
          throw new Error('send failed');
        }
        await Promise.all(ids.map(async (id) => ky.get(\`https://graph.facebook.com/v21.0/\${id}/whatsapp_business_profile\`).json()));
        app.post('/hook', async () => ky.post(\`https://graph.facebook.com/v21.0/\${process.env.PHONE_NUMBER_ID}/messages\`));
      }`, file)).toEqual([
      'call meta-cloud wrapper @4:11',
      'call meta-cloud ky @4:40',
      'call meta-cloud ky @8:43',
      'call meta-cloud ky @9:33',
    ]);
  });
});

describe('a gateway SDK client made in another file', () => {
  it('a Twilio client imported from the module that makes it: a WhatsApp send is recognised, an SMS send is not', () => {
    expect(calls(`
      import { twilioClient } from '../lib/twilio';
      export const whatsapp = (to: string) => twilioClient.messages.create({ from: 'whatsapp:+14155238886', to: 'whatsapp:' + to, body: 'hi' });
      export const sms = (to: string) => twilioClient.messages.create({ from: '+14155238886', to, body: 'hi' });`)).toEqual(['call twilio sdk:twilio @2:41']);
  });
});
