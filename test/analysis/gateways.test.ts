/**
 * Recognition of the gateways that also serve SMS and other channels (Twilio,
 * Vonage, Infobip, Gupshup) and of 360dialog: their SDKs, their REST APIs,
 * the WhatsApp evidence a call to them needs, and where their error codes
 * sit. Snippets are linted under neutral file names (`notify.ts`), so the
 * evidence has to come from the code itself; decoys are the same calls
 * sending SMS. See `probe.ts` for the line format.
 */
import { describe, expect, it } from 'vitest';
import { probe, probeCalls } from './probe.js';

const FILE = 'notify.ts';
const see = (code: string, filename = FILE): string[] => probe(code, undefined, filename);
const calls = (code: string, filename = FILE): string[] => probeCalls(code, undefined, filename);

describe('Twilio: the twilio SDK', () => {
  it('twilio(sid, token) and client.messages.create with whatsapp: addresses; the caught RestException carries code and status itself', () => {
    expect(
      see(`
        import twilio from 'twilio';
        const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);
        export async function notify(to: string) {
          try {
            const message = await client.messages.create({ from: 'whatsapp:+14155238886', to: \`whatsapp:\${to}\`, body: 'Your order shipped' });
            return message.sid;
          } catch (err) {
            if (err.code === 63016) return sendTemplate(to);
            if (err.status === 429) return later(to);
            throw new Error(err.message);
          }
        }
      `),
    ).toEqual([
      'body twilio message',
      'body twilio await client.messages.create(…)',
      'call twilio sdk:twilio @5:27',
      'promise<body> twilio client.messages.create(…)',
      'body.sid twilio message.sid',
      'body twilio message',
      'error twilio err',
      'body.code twilio err.code #code',
      'error twilio err',
      'status twilio err.status #status',
      'error twilio err',
      'body.message twilio err.message',
      'error twilio err',
    ]);
  });

  it("new Twilio(…), new twilio.Twilio(…), require('twilio')(…), a class field, and nested resources (client.api.v2010.accounts(sid).messages)", () => {
    expect(
      calls(`
        const { Twilio } = require('twilio');
        import * as twilioSdk from 'twilio';
        const a = new Twilio(sid, token);
        const b = new twilioSdk.Twilio(sid, token);
        export const one = () => a.messages.create({ from: 'whatsapp:+14155238886', to, body });
        export const two = () => b.api.v2010.accounts(sid).messages.create({ from: 'whatsapp:+14155238886', to, body });
        export const three = () => require('twilio')(sid, token).messages.create({ from: 'whatsapp:+14155238886', to, body });
        export class Notifier {
          private client = new Twilio(sid, token);
          send(to: string) { return this.client.api.messages.create({ from: 'whatsapp:+14155238886', to, body }); }
        }
      `),
    ).toEqual(['call twilio sdk:twilio @5:26', 'call twilio sdk:twilio @6:26', 'call twilio sdk:twilio @7:28', 'call twilio sdk:twilio @10:29']);
  });

  it('a client made only when configured or on first use: a let that starts as null or unset and is given the client in a branch or a function; a class field set to null and given it in init()', () => {
    expect(
      calls(`
        import twilio from 'twilio';
        let client = null;
        if (process.env.TWILIO_ACCOUNT_SID) {
          try { client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN); } catch (e) { console.error(e); }
        }
        export const send = (to: string) => client.messages.create({ from: 'whatsapp:+14155238886', to, body: 'hi' });
        let cached;
        const get = () => (cached ??= twilio(sid, token));
        export const viaGetter = (to: string) => get().messages.create({ from: 'whatsapp:+14155238886', to, body: 'hi' });
        export const viaCached = (to: string) => cached.messages.create({ from: 'whatsapp:+14155238886', to, body: 'hi' });
        class Service {
          constructor() { this.client = null; }
          async init() {
            try { if (!sid) return; this.client = twilio(sid, token); } catch (e) { this.client = undefined; }
          }
          send(to: string) { return this.client.messages.create({ from: 'whatsapp:+14155238886', to, body: 'hi' }); }
        }
        export default new Service();
      `),
    ).toEqual(['call twilio sdk:twilio @6:37', 'call twilio sdk:twilio @9:42', 'call twilio sdk:twilio @10:42', 'call twilio sdk:twilio @16:29']);
  });

  it('a placeholder later given something else is no client (decoy): another value, two SDKs, a write the code cannot read', () => {
    expect(
      calls(`
        import twilio from 'twilio';
        import { Vonage } from '@vonage/server-sdk';
        let mixed = null;
        if (useVonage) mixed = new Vonage({ apiKey, apiSecret }); else mixed = twilio(sid, token);
        export const one = (to: string) => mixed.messages.create({ from: 'whatsapp:+14155238886', to, body: 'hi' });
        let other = null;
        other = makeClient();
        export const two = (to: string) => other.messages.create({ from: 'whatsapp:+14155238886', to, body: 'hi' });
        let destructured = null;
        ({ destructured } = load());
        destructured = twilio(sid, token);
        export const three = (to: string) => destructured.messages.create({ from: 'whatsapp:+14155238886', to, body: 'hi' });
        class Service {
          constructor() { this.client = null; }
          init() { this.client = createClient(); }
          send(to: string) { return this.client.messages.create({ from: 'whatsapp:+14155238886', to, body: 'hi' }); }
        }
        export default new Service();
      `),
    ).toEqual([]);
  });

  it('WhatsApp evidence: a whatsapp: address (literal, template, concatenation), a WhatsApp sender in the names, WhatsApp in the function or class name', () => {
    expect(
      calls(`
        import twilio from 'twilio';
        const client = twilio(sid, token);
        export const literal = (to: string) => client.messages.create({ from: 'whatsapp:+14155238886', to, body: 'hi' });
        export const concatenated = (to: string) => client.messages.create({ from, to: 'whatsapp:' + to, body: 'hi' });
        export const sender = (to: string) => client.messages.create({ from: process.env.TWILIO_WHATSAPP_NUMBER, to, contentSid: 'HX123' });
        export function sendWhatsAppReminder(to: string) { return client.messages.create({ from, to, body: 'hi' }); }
        export class WhatsAppNotifier { send(to: string) { return client.messages.create({ from, to, body: 'hi' }); } }
      `),
    ).toEqual([
      'call twilio sdk:twilio @3:40',
      'call twilio sdk:twilio @4:45',
      'call twilio sdk:twilio @5:39',
      'call twilio sdk:twilio @6:59',
      'call twilio sdk:twilio @7:59',
    ]);
  });

  it('an SMS-only Twilio app is not a WhatsApp call (decoy): plain numbers, a Messaging Service, an SMS-named sender', () => {
    expect(
      see(`
        import twilio from 'twilio';
        const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);
        export async function sendSms(to: string, body: string) {
          try {
            return await client.messages.create({ from: '+14155238886', to, body });
          } catch (err) {
            if (err.code === 21211) return markInvalid(to);
            throw err;
          }
        }
        export const viaService = (to: string) => client.messages.create({ messagingServiceSid: process.env.TWILIO_SMS_SERVICE_SID, to, body: 'hi' });
      `),
    ).toEqual([]);
  });

  it('the file or folder named for WhatsApp is evidence too', () => {
    expect(
      calls(
        `
        import twilio from 'twilio';
        const client = twilio(sid, token);
        export const send = (to: string) => client.messages.create({ from, to, body: 'hi' });
      `,
        'src/whatsapp/send.ts',
      ),
    ).toEqual(['call twilio sdk:twilio @3:37']);
  });

  it('a wrapper around the SDK: its caller catches the same RestException (err.code is the code)', () => {
    expect(
      probe(
        `
        import twilio from 'twilio';
        const client = twilio(sid, token);
        function sendWhatsApp(to: string, body: string) {
          return client.messages.create({ from: 'whatsapp:+14155238886', to: 'whatsapp:' + to, body });
        }
        export async function remind(to: string) {
          try { await sendWhatsApp(to, 'Reminder'); } catch (e) { return e.code === 63016 ? template(to) : undefined; }
        }
      `,
        undefined,
        FILE,
      ).filter((line) => line.includes(' e') || line.startsWith('call')),
    ).toEqual(['call twilio sdk:twilio @4:10', 'call twilio wrapper @7:15', 'error twilio e', 'body.code twilio e.code #code', 'error twilio e']);
  });
});

describe('Twilio: the REST API', () => {
  const URL = 'https://api.twilio.com/2010-04-01/Accounts/${sid}/Messages.json';

  it('a form body with whatsapp: addresses (URLSearchParams, appended fields, qs.stringify); the error body has code and status', () => {
    expect(
      calls(`
        import axios from 'axios';
        import qs from 'qs';
        export const one = (to: string) => fetch(\`${URL}\`, { method: 'POST', body: new URLSearchParams({ From: 'whatsapp:+14155238886', To: \`whatsapp:\${to}\`, Body: 'hi' }) });
        export function two(to: string) {
          const form = new URLSearchParams();
          form.append('From', 'whatsapp:+14155238886');
          form.append('To', to);
          return fetch(\`${URL}\`, { method: 'POST', body: form });
        }
        export const three = (to: string) => axios.post(\`${URL}\`, qs.stringify({ From: 'whatsapp:+14155238886', To: to }), { auth });
      `),
    ).toEqual(['call twilio fetch @3:36', 'call twilio fetch @8:10', 'call twilio axios @10:38']);
    expect(
      see(`
        export async function send(to: string) {
          const res = await fetch(\`${URL}\`, { method: 'POST', body: new URLSearchParams({ From: 'whatsapp:+14155238886', To: to }) });
          const body = await res.json();
          if (!res.ok) throw Object.assign(new Error(body.message), { code: body.code, status: body.status });
        }
      `).filter((line) => line.startsWith('body')),
    ).toEqual(['body twilio body', 'body twilio await res.json()', 'body.message twilio body.message', 'body twilio body', 'body.code twilio body.code #code', 'body twilio body', 'body.status twilio body.status', 'body twilio body']);
  });

  it('an SMS form body to the same endpoint is not WhatsApp (decoy)', () => {
    expect(
      calls(`
        export const sms = (to: string) => fetch(\`${URL}\`, { method: 'POST', body: new URLSearchParams({ From: '+14155238886', To: to, Body: 'hi' }) });
      `),
    ).toEqual([]);
  });
});

describe('Vonage: the Messages API', () => {
  it('@vonage/server-sdk and @vonage/messages: messages.send with a WhatsApp message class or channel: whatsapp', () => {
    expect(
      calls(`
        import { Vonage } from '@vonage/server-sdk';
        import { Messages, WhatsAppText, WhatsAppTemplate } from '@vonage/messages';
        const vonage = new Vonage({ apiKey, apiSecret, applicationId, privateKey });
        const messages = new Messages({ apiKey, apiSecret });
        export const text = (to: string) => vonage.messages.send(new WhatsAppText({ from, to, text: 'hi' }));
        export const template = (to: string) => messages.send(new WhatsAppTemplate({ from, to, whatsapp: { policy: 'deterministic', locale: 'en' }, template: { name } }));
        export const plain = (to: string) => vonage.messages.send({ channel: 'whatsapp', message_type: 'text', to, from, text: 'hi' });
      `),
    ).toEqual(['call vonage sdk:vonage @5:37', 'call vonage sdk:vonage-messages @6:41', 'call vonage sdk:vonage @7:38']);
  });

  it('SMS, MMS and Viber sends through the same SDK are not WhatsApp (decoy)', () => {
    expect(
      calls(`
        import { Vonage } from '@vonage/server-sdk';
        import { SMS, ViberText } from '@vonage/messages';
        const vonage = new Vonage({ apiKey, apiSecret });
        export const sms = (to: string) => vonage.messages.send(new SMS({ from: 'ACME', to, text: 'hi' }));
        export const viber = (to: string) => vonage.messages.send(new ViberText({ from, to, text: 'hi' }));
        export const plain = (to: string) => vonage.messages.send({ channel: 'sms', message_type: 'text', to, from, text: 'hi' });
      `),
    ).toEqual([]);
  });

  it('the REST API (api.nexmo.com, the sandbox) with channel: whatsapp; an SMS payload to it is not (decoy)', () => {
    expect(
      calls(`
        import axios from 'axios';
        export const live = (to: string) => axios.post('https://api.nexmo.com/v1/messages', { channel: 'whatsapp', message_type: 'text', to, from, text: 'hi' });
        export const sandbox = (to: string) => fetch('https://messages-sandbox.nexmo.com/v1/messages', { method: 'POST', body: JSON.stringify({ channel: 'whatsapp', to, from, message_type: 'text', text: 'hi' }) });
        export const sms = (to: string) => axios.post('https://api.nexmo.com/v1/messages', { channel: 'sms', message_type: 'text', to, from, text: 'hi' });
      `),
    ).toEqual(['call vonage axios @2:37', 'call vonage fetch @3:40']);
  });

  it("the code is the fragment of type: the whole URL is a code in URL form; split('#')[1], .pop(), .at(-1), slice after indexOf('#') are the code itself", () => {
    expect(
      see(`
        import axios from 'axios';
        export async function send(to: string) {
          try {
            await axios.post('https://api.nexmo.com/v1/messages', { channel: 'whatsapp', message_type: 'text', to, from, text: 'hi' });
          } catch (err) {
            const { type } = err.response.data;
            const [, fragment] = type.split('#');
            log(type.split('#')[1], type.split('#').pop(), type.split('#').at(-1), type.slice(type.indexOf('#') + 1), type.split('#')[0]);
          }
        }
      `).filter((line) => line.startsWith('body.type') && !line.startsWith('body.type.')),
    ).toEqual([
      'body.type vonage type #code',
      'body.type~fragment vonage fragment #code',
      'body.type~split vonage type.split(…)',
      'body.type vonage type #code',
      "body.type~fragment vonage type.split('#')[1] #code",
      'body.type~split vonage type.split(…)',
      'body.type vonage type #code',
      "body.type~fragment vonage type.split('#').pop() #code",
      'body.type~split vonage type.split(…)',
      'body.type vonage type #code',
      "body.type~fragment vonage type.split('#').at(…) #code",
      'body.type~split vonage type.split(…)',
      'body.type vonage type #code',
      'body.type~fragment vonage type.slice(…) #code',
      'body.type vonage type #code',
      'body.type vonage type #code',
      'body.type~split vonage type.split(…)',
      'body.type vonage type #code',
    ]);
  });
});

describe('Infobip: the WhatsApp API', () => {
  it("an account's own subdomain of api.infobip.com and api.infobip.com itself, on a WhatsApp path; the error body's messageId is the code", () => {
    expect(
      calls(`
        import axios from 'axios';
        export const own = (payload: object) => axios.post('https://k3x9dd.api.infobip.com/whatsapp/1/message/text', payload, { headers: { Authorization: 'App ' + key } });
        export const shared = (payload: object) => fetch('https://api.infobip.com/whatsapp/1/message/template', { method: 'POST', body: JSON.stringify(payload) });
      `),
    ).toEqual(['call infobip axios @2:41', 'call infobip fetch @3:44']);
    expect(
      see(`
        import axios from 'axios';
        export async function send(payload: object) {
          try { await axios.post('https://k3x9dd.api.infobip.com/whatsapp/1/message/text', payload); }
          catch (err) { return err.response?.data?.requestError?.serviceException?.messageId; }
        }
      `).filter((line) => line.includes('#code')),
    ).toEqual(['body.requestError.serviceException.messageId infobip err.response?.data?.requestError?.serviceException?.messageId #code']);
  });

  it('the base URL from configuration: the WhatsApp path is enough (an env var, a template with an unknown host, a config constant)', () => {
    expect(
      calls(`
        import axios from 'axios';
        export const env = (payload: object) => axios.post(\`\${process.env.INFOBIP_BASE_URL}/whatsapp/1/message/text\`, payload);
        export const host = (payload: object) => fetch(\`https://\${config.infobipHost}/whatsapp/1/message/template\`, { method: 'POST', body: JSON.stringify(payload) });
        const http = axios.create({ baseURL: process.env.INFOBIP_URL });
        export const instance = (payload: object) => http.post('/whatsapp/1/message/image', payload);
      `),
    ).toEqual(['call infobip axios @2:41', 'call infobip fetch @3:42', 'call infobip axios @5:46']);
  });

  it('not Infobip (decoys): SMS on its host, a lookalike host, a literal in-house host with the same path', () => {
    expect(
      calls(`
        import axios from 'axios';
        export const sms = (payload: object) => axios.post('https://k3x9dd.api.infobip.com/sms/2/text/advanced', payload);
        export const lookalike = (payload: object) => axios.post('https://myapi.infobip.com.example.net/whatsapp/1/message/text', payload);
        export const inHouse = (payload: object) => axios.post('https://wa-gateway.internal/whatsapp/1/message/text', payload);
      `),
    ).toEqual([]);
  });
});

describe('Gupshup: the WhatsApp API', () => {
  it('api.gupshup.io on a /wa/api/v1/ path, a channel=whatsapp form, the partner API with a Cloud API payload', () => {
    expect(
      calls(`
        import axios from 'axios';
        export const path = (form: URLSearchParams) => axios.post('https://api.gupshup.io/wa/api/v1/msg', form, { headers: { apikey } });
        export const template = (form: URLSearchParams) => fetch('https://api.gupshup.io/wa/api/v1/template/msg', { method: 'POST', body: form });
        export const channel = (to: string) => axios.post('https://api.gupshup.io/sm/api/v1/msg', new URLSearchParams({ channel: 'whatsapp', source, destination: to, message }));
        export const partner = (appId: string, to: string) => axios.post(\`https://partner.gupshup.io/partner/app/\${appId}/v3/message\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } });
        export const configured = (form: URLSearchParams) => axios.post(\`\${process.env.GUPSHUP_URL}/wa/api/v1/msg\`, form);
      `),
    ).toEqual(['call gupshup axios @2:48', 'call gupshup fetch @3:52', 'call gupshup axios @4:40', 'call gupshup axios @5:55', 'call gupshup axios @6:54']);
  });

  it('SMS through Gupshup is not WhatsApp (decoy)', () => {
    expect(
      calls(`
        import axios from 'axios';
        export const sms = (to: string) => axios.post('https://api.gupshup.io/sm/api/v1/msg', new URLSearchParams({ channel: 'sms', source, destination: to, message }));
        export const enterprise = (to: string) => axios.get('https://enterprise.smsgupshup.com/GatewayAPI/rest', { params: { method: 'SendMessage', send_to: to } });
      `),
    ).toEqual([]);
  });
});

describe('Twilio: an injected client', () => {
  it('a constructor parameter typed Twilio (NestJS): the WhatsApp service is recognised, the SMS service next to it is not', () => {
    expect(
      calls(`
        import { Twilio } from 'twilio';
        export class WhatsAppService {
          constructor(private readonly twilio: Twilio) {}
          send(to: string) { return this.twilio.messages.create({ from: this.from, to: 'whatsapp:' + to, body: 'hi' }); }
        }
        export class SmsService {
          constructor(private readonly client: Twilio) {}
          send(to: string) { return this.client.messages.create({ from: this.from, to, body: 'hi' }); }
        }
      `),
    ).toEqual(['call twilio sdk:twilio @4:29']);
  });
});
