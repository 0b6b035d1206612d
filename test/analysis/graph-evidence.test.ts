/**
 * WhatsApp evidence on graph.facebook.com beyond names: a payload held in a
 * reassigned `let`, a multipart form, Flows paths, a media lookup by bare id,
 * requests beside evidenced ones on the same base, TypeScript namespaces,
 * instances reached through fields; and what stays unrecognised (Messenger,
 * Instagram and Page requests, route declarations). Snippets are linted
 * under file names that say nothing about WhatsApp.
 */
import { describe, expect, it } from 'vitest';
import { probeCalls } from './probe.js';

const calls = (code: string, filename = 'src/service.ts') => probeCalls(code, undefined, filename);

describe('payloads', () => {
  it('a let assigned the payload just before the send, in each branch', () => {
    expect(calls(`
      import axios from 'axios';
      declare const settings: { base: string };
      export class Channel {
        constructor(private readonly id: string) {}
        private async post(body: unknown, path: string) {
          let url = settings.base;
          url = \`\${url}/\${this.id}/\${path}\`;
          return axios.post(url, body);
        }
        async reply(to: string, text?: string) {
          let body: unknown;
          if (text) {
            body = { messaging_product: 'whatsapp', to, type: 'text', text: { body: text } };
            return this.post(body, 'messages');
          }
          body = { messaging_product: 'whatsapp', to, type: 'reaction', reaction: { message_id: 'm', emoji: '' } };
          return this.post(body, 'messages');
        }
      }`)).toEqual(['call meta-cloud axios @8:12', 'call meta-cloud wrapper @14:14', 'call meta-cloud wrapper @17:12']);
  });

  it('a let last assigned something else is not read as the earlier payload', () => {
    expect(calls(`
      import axios from 'axios';
      declare const settings: { base: string };
      export async function post(to: string, other: object) {
        let body: unknown = { messaging_product: 'whatsapp', to };
        body = other;
        return axios.post(\`\${settings.base}/v1/messages\`, body);
      }`)).toEqual([]);
  });

  it('a FormData upload that appends messaging_product whatsapp (form-data and the global class)', () => {
    expect(calls(`
      import axios from 'axios';
      import FormData from 'form-data';
      declare const settings: { base: string };
      export async function upload(id: string, file: Buffer) {
        const form = new FormData();
        form.append('file', file);
        form.append('messaging_product', 'whatsapp');
        return axios.post(\`\${settings.base}/\${id}/media\`, form, { headers: form.getHeaders() });
      }
      export async function uploadBlob(id: string, file: Blob) {
        const form = new FormData();
        form.set('messaging_product', 'whatsapp');
        form.set('file', file);
        return fetch(\`\${settings.base}/\${id}/media\`, { method: 'POST', body: form });
      }`)).toEqual(['call meta-cloud axios @8:10', 'call meta-cloud fetch @14:10']);
  });

  it('a FormData without messaging_product, or a Map given it, is no evidence', () => {
    expect(calls(`
      import axios from 'axios';
      declare const settings: { base: string };
      export async function upload(id: string, file: Buffer) {
        const form = new FormData();
        form.append('source', new Blob([file]));
        const meta = new Map();
        meta.set('messaging_product', 'whatsapp');
        await axios.post(\`\${settings.base}/\${id}/photos\`, form);
        return axios.post(\`\${settings.base}/\${id}/photos\`, meta);
      }`)).toEqual([]);
  });
});

describe('paths', () => {
  it('Flows: a Flow id, /flows, /migrate_flows and the phone_number_id query', () => {
    expect(calls(`
      import axios from 'axios';
      const GRAPH = 'https://graph.facebook.com/v21.0';
      export const publish = (flowId: string) => axios.post(\`\${GRAPH}/\${flowId}/publish\`, {});
      export const assets = (flow_id: string) => axios.get(\`\${GRAPH}/\${flow_id}/assets\`);
      export const list = (account: string) => axios.get(\`\${GRAPH}/\${account}/flows\`);
      export const migrate = (account: string) => axios.post(\`\${GRAPH}/\${account}/migrate_flows\`, {});
      export const remove = (id: string, phone: string) => axios.delete(\`\${GRAPH}/\${id}?phone_number_id=\${phone}\`);`)).toEqual([
      'call meta-cloud axios @3:44',
      'call meta-cloud axios @4:44',
      'call meta-cloud axios @5:42',
      'call meta-cloud axios @6:45',
      'call meta-cloud axios @7:54',
    ]);
  });

  it('a Page, workflow or other id on the same host is no evidence', () => {
    expect(calls(`
      import axios from 'axios';
      const GRAPH = 'https://graph.facebook.com/v21.0';
      export const post = (workflowId: string) => axios.post(\`\${GRAPH}/\${workflowId}/publish\`, {});
      export const run = (WORKFLOW_ID: string) => axios.post(\`\${GRAPH}/\${WORKFLOW_ID}/deprecate\`, {});
      export const feed = (id: string) => axios.get(\`\${GRAPH}/\${id}/feed\`);`)).toEqual([]);
  });
});

describe('Marketing API requests through the Graph helper of a WhatsApp module', () => {
  // one helper makes every Graph request of a module that also runs Click-to-WhatsApp
  // ads, whose payloads and functions say WhatsApp
  const helper = `
      import axios from 'axios';
      const GRAPH = 'https://graph.facebook.com/v21.0';
      async function graphPost(path: string, params: Record<string, unknown>) {
        return axios.post(\`\${GRAPH}/\${path}\`, params, { headers: { Authorization: \`Bearer \${process.env.META_TOKEN}\` } });
      }`;

  it('an ad account path, or the id of a campaign or a Page, is not a Cloud API request', () => {
    expect(calls(`${helper}
      export async function createCtwaAd(accountId: string) {
        return graphPost(\`act_\${accountId}/adcreatives\`, { call_to_action: { type: 'WHATSAPP_MESSAGE', value: { app_destination: 'WHATSAPP' } } });
      }
      export async function pauseWhatsAppAds(input: { campaignId: string }) {
        return graphPost(input.campaignId, { status: 'PAUSED' });
      }
      export async function leadForm(pageId: string) {
        return graphPost(\`\${pageId}/leadgen_forms\`, { name: 'whatsapp leads' });
      }`)).toEqual([]);
  });

  it('the same helper sending a WhatsApp message, or given a phone number id, is', () => {
    expect(calls(`${helper}
      export async function sendText(phoneNumberId: string, to: string) {
        return graphPost(\`\${phoneNumberId}/messages\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } });
      }
      export async function register(campaign: { phoneNumberId: string }) {
        return graphPost(\`\${campaign.phoneNumberId}\`, { pin: '123456' });
      }`)).toEqual(['call meta-cloud axios @4:10', 'call meta-cloud wrapper @7:10', 'call meta-cloud wrapper @10:10']);
  });
});

describe('media lookups by bare id', () => {
  it("a GET of a bare id whose response's url is read: returned, destructured, downloaded, after res.json()", () => {
    expect(calls(`
      import axios from 'axios';
      const GRAPH = 'https://graph.facebook.com/v21.0';
      export async function mediaUrl(mediaId: string) {
        const { data } = await axios.get(\`\${GRAPH}/\${mediaId}\`);
        return data.url as string;
      }
      export async function download(id: string, token: string) {
        const { data: { url } } = await axios.get(\`\${GRAPH}/\${id}\`, { headers: { Authorization: \`Bearer \${token}\` } });
        return axios.get(url, { responseType: 'arraybuffer' });
      }
      export async function viaFetch(id: string) {
        const res = await fetch(\`\${GRAPH}/\${id}\`);
        const body = await res.json();
        return fetch(body.url);
      }`)).toEqual(['call meta-cloud axios @4:26', 'call meta-cloud axios @8:35', 'call meta-cloud fetch @12:21']);
  });

  it('Instagram media (media_url), a Page photo (link), another product named around it, or a POST are not', () => {
    expect(calls(`
      import axios from 'axios';
      const GRAPH = 'https://graph.facebook.com/v21.0';
      export async function igMedia(mediaId: string) {
        const { data } = await axios.get(\`\${GRAPH}/\${mediaId}?fields=media_url\`);
        return data.media_url;
      }
      export async function photo(photoId: string) {
        const { data } = await axios.get(\`\${GRAPH}/\${photoId}\`);
        return data.link;
      }
      export async function instagramAvatar(igUserId: string) {
        const { data } = await axios.get(\`\${GRAPH}/\${igUserId}\`);
        return data.url;
      }
      export async function update(id: string) {
        const { data } = await axios.post(\`\${GRAPH}/\${id}\`, { name: 'x' });
        return data.url;
      }`)).toEqual([]);
  });
});

describe('neighbours on the same base', () => {
  it('a lookup by id beside the sends of the same class through the same base constant', () => {
    expect(calls(`
      import axios from 'axios';
      const GRAPH = 'https://graph.facebook.com/v21.0';
      export class Messaging {
        send(id: string, to: string) {
          return axios.post(\`\${GRAPH}/\${id}/messages\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } });
        }
        info(id: string) {
          return axios.get(\`\${GRAPH}/\${id}\`);
        }
      }`)).toEqual(['call meta-cloud axios @5:12', 'call meta-cloud axios @8:12']);
  });

  it('not when a request on that base shows another Graph product, nor in another class', () => {
    expect(calls(`
      import axios from 'axios';
      const GRAPH = 'https://graph.facebook.com/v21.0';
      export class Messaging {
        send(id: string, to: string) {
          return axios.post(\`\${GRAPH}/\${id}/messages\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } });
        }
        pagePost(pageId: string) {
          return axios.post(\`\${GRAPH}/\${pageId}/feed\`, { message: 'hi' });
        }
        info(id: string) {
          return axios.get(\`\${GRAPH}/\${id}\`);
        }
      }
      export class Profiles {
        info(id: string) {
          return axios.get(\`\${GRAPH}/\${id}\`);
        }
      }`)).toEqual(['call meta-cloud axios @5:12']);
  });
});

describe('Commerce catalog requests beside the sends', () => {
  it("a catalog's products, a product by id and a batch update on the same base are not Cloud API requests", () => {
    expect(calls(`
      import axios from 'axios';
      const GRAPH = 'https://graph.facebook.com/v21.0';
      export class Shop {
        send(id: string, to: string) {
          return axios.post(\`\${GRAPH}/\${id}/messages\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } });
        }
        list(catalogId: string) {
          return axios.get(\`\${GRAPH}/\${catalogId}/products?fields=id,retailer_id\`);
        }
        remove(item: { metaProductId: string }) {
          return axios.delete(\`\${GRAPH}/\${item.metaProductId}\`);
        }
        batch(id: string, requests: object[]) {
          return axios.post(\`\${GRAPH}/\${id}/items_batch\`, { requests });
        }
      }`)).toEqual(['call meta-cloud axios @5:12']);
  });

  it('a lookup by id in a class without catalog requests is still recognised', () => {
    expect(calls(`
      import axios from 'axios';
      const GRAPH = 'https://graph.facebook.com/v21.0';
      export class Messaging {
        send(id: string, to: string, productionNote: string) {
          return axios.post(\`\${GRAPH}/\${id}/messages\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body: productionNote } });
        }
        info(id: string) {
          return axios.get(\`\${GRAPH}/\${id}\`);
        }
      }`)).toEqual(['call meta-cloud axios @5:12', 'call meta-cloud axios @8:12']);
  });
});

describe('values', () => {
  it('a TypeScript namespace of constants, and a member of an instance reached through fields', () => {
    expect(calls(`
      import axios from 'axios';
      namespace META {
        export const VERSION = 'v21.0';
        export const API_URL = \`https://graph.facebook.com/\${VERSION}\`;
      }
      class Graph {
        request(path: string) { return axios.get(\`https://graph.facebook.com/v21.0\${path}\`); }
      }
      class Media {
        constructor(private readonly graph: Graph) {}
        lookup(id: string, phoneNumberId: string) { return this.graph.request(\`/\${id}?phone_number_id=\${phoneNumberId}\`); }
      }
      class Api {
        readonly graph = new Graph();
        readonly media = new Media(this.graph);
      }
      export const subscribe = (appId: string) => axios.post(\`\${META.API_URL}/\${appId}/subscriptions\`, { object: 'whatsapp_business_account' });
      export const media = (id: string, phone: string) => new Api().media.lookup(id, phone);`)).toEqual([
      'call meta-cloud axios @7:34',
      'call meta-cloud wrapper @11:54',
      'call meta-cloud axios @17:45',
      'call meta-cloud wrapper @18:53',
    ]);
  });
});

describe('route declarations are not requests', () => {
  it('an express router, an app, and any verb given a path then a handler', () => {
    expect(calls(`
      import express from 'express';
      import axios from 'axios';
      const controller = { list() {}, receive() {} };
      const router = express.Router();
      router.get('/message_templates', controller.list);
      router.post('/whatsapp/webhook', controller.receive);
      declare const server: { get(path: string, handler: (req: unknown) => void): void };
      server.get('/phone_numbers', (req) => console.log(req));
      export const list = (waba: string) => axios.get(\`https://graph.facebook.com/v21.0/\${waba}/message_templates\`);`)).toEqual([
      'call meta-cloud axios @9:39',
    ]);
  });
});
