import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { ruleTester, code } from '../rule-tester.js';
import { NODE_META_OPTIONS, nodeHttpSend } from '../node-http-send.js';
import rule from '../../rules/no-unchecked-response.js';

const META = 'https://graph.facebook.com/v21.0/1234567890/messages';
const CEQUENS = 'https://apis.cequens.com/conversation-app/api/v1/messages';
const WA = 'https://wa.sagad.net/api/v1/messages/send';
const DIGI = 'https://digichat.digiworld-dev.com/api/whatsapp/TOKEN/sendMessage';
const BUBBLES = 'https://api.msgbubbles.com/v1/messages';
const CONNEX = 'https://api.gateway.connexease.com/v1/messages';

// The failed send each `unchecked` message names: the provider's first documented
// never-retry messaging code and its title, lower-cased.
const META_EXAMPLE = '131047 (Re-engagement message)';
const CEQUENS_EXAMPLE = '470 (Re-engagement message)';
// codes made of words are cited bare; numbers and codes with digits with their title
const WA_EXAMPLE = "'validation_error'";
const DIGI_EXAMPLE = "'invalid_signature'";
const BUBBLES_EXAMPLE = "'invalid_request'";
const CONNEX_EXAMPLE = "'AUTH_003' (Invalid token format)";

/** Connexease's success flag, for a client that throws on non-2xx but not on `isSuccess: false`. */

ruleTester.run('no-unchecked-response', rule, {
  valid: [
    // ══ Meta Cloud API (fetch) ══
    // `!res.ok` before the body is read
    code`
      const res = await fetch('${META}', {
        method: 'POST',
        headers: { Authorization: \`Bearer \${token}\`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text: { body: text } }),
      });
      if (!res.ok) throw new Error(\`WhatsApp send failed: \${res.status}\`);
      const body = await res.json();
      await save(body.messages[0].id);
    `,
    // `res.ok` guarding the success path
    code`
      const res = await fetch('${META}', init);
      if (res.ok) {
        const data = await res.json();
        await saveMessageId(data.messages[0].id);
      }
    `,
    // the HTTP status
    code`
      const res = await fetch('${META}', init);
      const data = await res.json();
      if (res.status >= 400) throw new MetaApiError(res.status, data);
      await save(data.messages[0].id);
    `,
    // the error field
    code`
      const res = await fetch('${META}', init);
      const data = await res.json();
      if (data.error) throw new MetaApiError(data.error.code, data.error.message);
      await save(data.messages[0].id);
    `,
    code`
      const res = await fetch('${META}', init);
      const data = await res.json();
      if (data.error?.code === 131047) await sendTemplate(to);
      else await save(data.messages[0].id);
    `,
    // the response handed to a function that may check it
    code`
      const res = await fetch('${META}', init);
      await assertOk(res);
      const data = await res.json();
      await save(data.messages[0].id);
    `,
    code`
      const res = await assertOk(await fetch('${META}', init));
    `,
    code`
      await Promise.all(recipients.map((to) => fetch('${META}', { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to }) })));
    `,
    // the raw response returned; no caller in this file reads its body
    code`
      export function sendRaw(init: RequestInit) {
        return fetch('${META}', init);
      }
    `,
    // a same-file wrapper whose caller checks the error field
    code`
      async function send(payload: unknown) {
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        return res.json();
      }
      export async function notify(to: string) {
        const data = await send({ messaging_product: 'whatsapp', to });
        if (data.error) throw new Error(data.error.message);
        return data.messages[0].id;
      }
    `,
    // a wrapper returning the response, whose caller checks ok
    code`
      async function send(init: RequestInit) {
        return fetch('${META}', init);
      }
      export async function notify(init: RequestInit) {
        const res = await send(init);
        if (!res.ok) throw new Error(String(res.status));
        return (await res.json()).messages[0].id;
      }
    `,
    // a check inside a `.then` chain
    code`
      fetch('${META}', init)
        .then((r) => {
          if (!r.ok) throw new Error(String(r.status));
          return r.json();
        })
        .then((b) => save(b.messages[0].id));
    `,
    // The rule does not check ordering: any check anywhere in the file counts,
    // even one that comes after the body was used.
    code`
      const res = await fetch('${META}', init);
      const data = await res.json();
      await saveMessageId(data.messages[0].id);
      if (!res.ok) throw new Error('send failed');
    `,
    // Any mention counts: the status only stored next to the id is taken as a check.
    code`
      const res = await fetch('${META}', init);
      const data = await res.json();
      await save({ id: data.messages[0].id, status: res.status });
    `,
    // Any check anywhere counts: one caller of the wrapper checks the error
    // field, so the unchecked caller `b` is not reported.
    code`
      async function send(init: RequestInit) {
        const res = await fetch('${META}', init);
        return res.json();
      }
      export async function a(init: RequestInit) {
        const data = await send(init);
        if (data.error) throw new Error(data.error.message);
        return data.messages[0].id;
      }
      export async function b(init: RequestInit) {
        const data = await send(init);
        return data.messages[0].id;
      }
    `,
    // plain axios throws on non-2xx: out of scope, even with the result dropped
    code`
      import axios from 'axios';
      const { data } = await axios.post('${META}', payload, { headers: { Authorization: \`Bearer \${token}\` } });
      await saveMessageId(data.messages[0].id);
      await axios.post('${META}', payload);
    `,

    // ══ CEQUENS ══
    code`
      const res = await fetch('${CEQUENS}', init);
      const data = await res.json();
      if (data.errors?.length) throw new Error(data.errors[0].title);
      await save(data.messages[0].id);
    `,
    // axios instance accepting every status, checked on the error field
    code`
      import axios from 'axios';
      const client = axios.create({ baseURL: 'https://apis.cequens.com/conversation-app/api/v1', validateStatus: () => true });
      const { data } = await client.post('/messages', payload);
      if (data.errors) throw new CequensError(data.errors[0].code);
      await save(data.messages[0].id);
    `,
    // superagent throws on non-2xx
    code`
      import superagent from 'superagent';
      const res = await superagent.post('${CEQUENS}').send(payload);
      await save(res.body.messages[0].id);
    `,

    // ══ wa-server ══
    // undici: `res.statusCode`
    code`
      import { request } from 'undici';
      const res = await request('${WA}', { method: 'POST', body: JSON.stringify(payload) });
      if (res.statusCode >= 400) throw new Error(\`wa-server: \${res.statusCode}\`);
      const data = await res.body.json();
      await save(data.id);
    `,
    // undici: a destructured statusCode that is tested
    code`
      import { request } from 'undici';
      const { statusCode, body } = await request('${WA}', { method: 'POST', body: JSON.stringify(payload) });
      if (statusCode !== 200) throw new Error(\`wa-server: \${statusCode}\`);
      const data = await body.json();
      await save(data.id);
    `,
    // a `.then` chain that tests the error field
    code`
      fetch('${WA}', init)
        .then((r) => r.json())
        .then((b) => {
          if (b.error) throw new Error(b.error.code);
          return b.messages;
        });
    `,
    // got and ky throw on non-2xx
    code`
      import got from 'got';
      const data = await got.post('${WA}', { json: payload }).json();
      await save(data.id);
    `,
    code`
      import ky from 'ky';
      const data = await ky.post('${WA}', { json: payload }).json();
      await save(data.id);
    `,

    // ══ Digiworld ══
    code`
      const res = await fetch('${DIGI}', init);
      const data = await res.json();
      if ('error' in data) throw new DigiworldError(data.error, data.message);
      await save(data.id);
    `,
    // axios with validateStatus, checked on the status
    code`
      import axios from 'axios';
      const res = await axios.post('${DIGI}', payload, { validateStatus: () => true });
      if (res.status !== 200) throw new DigiworldError(res.data.error);
      await save(res.data.id);
    `,

    // ══ MsgBubbles ══
    code`
      import fetch from 'node-fetch';
      const res = await fetch('${BUBBLES}', init);
      if (!res.ok) throw new Error(\`MsgBubbles: \${res.status}\`);
      const data = await res.json();
      await save(data.id);
    `,
    // ofetch throws on non-2xx
    code`
      import { ofetch } from 'ofetch';
      const data = await ofetch('${BUBBLES}', { method: 'POST', body: payload });
      await save(data.id);
    `,

    // ══ Connexease ══
    code`
      const res = await fetch('${CONNEX}', init);
      const data = await res.json();
      if (!data.isSuccess) throw new Error(data.errors.code);
      await save(data.data);
    `,
    code`
      import axios from 'axios';
      const { data } = await axios.post('${CONNEX}', payload);
      if (data.isSuccess === false) throw new ConnexeaseError(data.errors.code, data.errors.params);
      await save(data.data);
    `,
    code`
      import axios from 'axios';
      const res = await axios.post('${CONNEX}', payload);
      if (res.data.errors) throw new ConnexeaseError(res.data.errors.code);
      await save(res.data.data);
    `,
    code`
      import ky from 'ky';
      const data = await ky.post('${CONNEX}', { json: payload }).json();
      if (!('isSuccess' in data) || !data.isSuccess) throw new Error('Connexease send failed');
      await save(data.data);
    `,

    // ══ Not a provider call ══
    // another API's response, in a file that also calls a provider
    code`
      const sent = await fetch('${BUBBLES}', init);
      if (!sent.ok) throw new Error('MsgBubbles send failed');
      const res = await fetch('https://api.example.com/v1/messages', init);
      const data = await res.json();
      await save(data.id);
    `,
    // a file that names no provider
    code`
      const res = await fetch('https://api.example.com/v1/messages', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      await fetch('https://api.example.com/v1/ping');
      await save(body.messages[0].id);
    `,

    // ══ Connexease: every documented error comes with a 4xx/5xx status ══
    // A client that rejects on HTTP errors (axios, got, ky, ofetch) has checked it: no `isSuccess` check on top,
    // also when the result is dropped.
    code`
      import axios from 'axios';
      await axios.post('${CONNEX}', payload);
    `,
    code`
      import axios from 'axios';
      const res = await axios.post('${CONNEX}', { messaging_product: 'whatsapp', to, type: 'text', text });
      await save(res.data.data);
    `,
    code`
      import axios from 'axios';
      const { data, status } = await axios.post('${CONNEX}', payload);
      if (status !== 200) throw new Error('Connexease send failed');
      await save(data.data);
    `,
    code`
      import axios from 'axios';
      const connexease = axios.create({ baseURL: 'https://api.gateway.connexease.com/v1' });
      export async function send(payload: unknown) {
        const { data } = await connexease.post('/messages', payload);
        return data.data;
      }
    `,
    code`
      import got from 'got';
      const data = await got.post('${CONNEX}', { json: payload }).json();
      await save(data.data);
    `,
    code`
      import { ofetch } from 'ofetch';
      const data = await ofetch('${CONNEX}', { method: 'POST', body: payload });
      await save(data);
    `,
  ],

  invalid: [
    // logging only reports a failure as sent: the body (or its fields) printed with no check
    {
      code: code`
        const res = await fetch('${META}', init);
        const data = await res.json();
        console.log(res.status, data);
        logger.info(data.messages[0].id);
      `,
      errors: [{ messageId: 'unchecked', data: { provider: 'meta-cloud', field: 'body.error.code', client: 'fetch', check: 'ok', example: META_EXAMPLE, what: 'send' }, line: 1, column: 19, endLine: 1, endColumn: 86 }],
    },
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', headers, body: JSON.stringify(payload) });
        const body = await res.json();
        console.log(body);
      `,
      errors: [{ messageId: 'unchecked', data: { provider: 'meta-cloud', field: 'body.error.code', client: 'fetch', check: 'ok', example: META_EXAMPLE, what: 'send' }, line: 1, column: 19, endLine: 1, endColumn: 140 }],
    },
    // a template send: its example is the template's own code, not the closed window a template gets past
    {
      code: code`
        const payload = { messaging_product: 'whatsapp', to, type: 'template', template: { name: 'order_update', language: { code: 'en' } } };
        const res = await fetch('${META}', { method: 'POST', headers, body: JSON.stringify(payload) });
        const body = await res.json();
        console.log(body);
      `,
      errors: [{ messageId: 'unchecked', data: { provider: 'meta-cloud', field: 'body.error.code', client: 'fetch', check: 'ok', example: '132001 (Template does not exist)', what: 'send' }, line: 2, column: 19, endLine: 2, endColumn: 140 }],
    },
    // ══ Meta Cloud API (fetch) ══
    // a field of the parsed body read; the report spans the whole call
    {
      code: code`
        const res = await fetch('${META}', {
          method: 'POST',
          headers: { Authorization: \`Bearer \${token}\`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text: { body: text } }),
        });
        const data = await res.json();
        await saveMessageId(data.messages[0].id);
      `,
      errors: [
        {
          messageId: 'unchecked',
          data: { provider: 'meta-cloud', field: 'body.error.code', client: 'fetch', check: 'ok', example: META_EXAMPLE, what: 'send' },
          line: 1,
          column: 19,
          endLine: 5,
          endColumn: 3,
        },
      ],
    },
    {
      code: code`
        export async function sendText(init: RequestInit) {
          const res = await fetch('${META}', init);
          const body = await res.json();
          return body.messages[0].id;
        }
      `,
      errors: [
        {
          messageId: 'unchecked',
          data: { provider: 'meta-cloud', field: 'body.error.code', client: 'fetch', check: 'ok', example: META_EXAMPLE, what: 'send' },
          line: 2,
          column: 21,
          endLine: 2,
          endColumn: 88,
        },
      ],
    },
    // destructured from the parsed body
    {
      code: code`
        const res = await fetch('${META}', init);
        const { messages } = await res.json();
        await saveMessageId(messages[0].id);
      `,
      errors: [
        {
          messageId: 'unchecked',
          data: { provider: 'meta-cloud', field: 'body.error.code', client: 'fetch', check: 'ok', example: META_EXAMPLE, what: 'send' },
          line: 1,
          column: 19,
          endLine: 1,
          endColumn: 86,
        },
      ],
    },
    // `return res.json()`
    {
      code: code`
        export async function send(init: RequestInit) {
          const res = await fetch('${META}', init);
          return res.json();
        }
      `,
      errors: [
        {
          messageId: 'unchecked',
          data: { provider: 'meta-cloud', field: 'body.error.code', client: 'fetch', check: 'ok', example: META_EXAMPLE, what: 'send' },
          line: 2,
          column: 21,
          endLine: 2,
          endColumn: 88,
        },
      ],
    },
    // `return body`
    {
      code: code`
        export async function send(init: RequestInit) {
          const res = await fetch('${META}', init);
          const body = await res.json();
          return body;
        }
      `,
      errors: [
        {
          messageId: 'unchecked',
          data: { provider: 'meta-cloud', field: 'body.error.code', client: 'fetch', check: 'ok', example: META_EXAMPLE, what: 'send' },
          line: 2,
          column: 21,
          endLine: 2,
          endColumn: 88,
        },
      ],
    },
    // an arrow function returning the parsed body
    {
      code: code`
        export const send = async (init: RequestInit) => (await fetch('${META}', init)).json();
      `,
      errors: [
        {
          messageId: 'unchecked',
          data: { provider: 'meta-cloud', field: 'body.error.code', client: 'fetch', check: 'ok', example: META_EXAMPLE, what: 'send' },
          line: 1,
          column: 57,
          endLine: 1,
          endColumn: 124,
        },
      ],
    },
    // `.then(r => r.json()).then(b => b.messages)`
    {
      code: code`
        fetch('${META}', init)
          .then((r) => r.json())
          .then((b) => b.messages);
      `,
      errors: [
        {
          messageId: 'unchecked',
          data: { provider: 'meta-cloud', field: 'body.error.code', client: 'fetch', check: 'ok', example: META_EXAMPLE, what: 'send' },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 68,
        },
      ],
    },
    // a same-file wrapper returning `res.json()`; its callers read fields.
    // One report, at the request inside the wrapper.
    {
      code: code`
        async function send(payload: unknown) {
          const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
          return res.json();
        }
        export async function notify(to: string) {
          const data = await send({ messaging_product: 'whatsapp', to });
          return data.messages[0].id;
        }
        export async function remind(to: string) {
          const { messages } = await send({ messaging_product: 'whatsapp', to });
          await saveMessageId(messages[0].id);
        }
      `,
      errors: [
        {
          messageId: 'unchecked',
          data: { provider: 'meta-cloud', field: 'body.error.code', client: 'fetch', check: 'ok', example: META_EXAMPLE, what: 'send' },
          line: 2,
          column: 21,
          endLine: 2,
          endColumn: 133,
        },
      ],
    },
    // a class method as the wrapper
    {
      code: code`
        class WhatsApp {
          async send(init: RequestInit) {
            const res = await fetch('${META}', init);
            return res.json();
          }
          async notify(init: RequestInit) {
            const body = await this.send(init);
            return body.messages[0].id;
          }
        }
      `,
      errors: [
        {
          messageId: 'unchecked',
          data: { provider: 'meta-cloud', field: 'body.error.code', client: 'fetch', check: 'ok', example: META_EXAMPLE, what: 'send' },
          line: 3,
          column: 23,
          endLine: 3,
          endColumn: 90,
        },
      ],
    },
    // checks are per request: the first request's check does not cover the second
    {
      code: code`
        const first = await fetch('${META}', init);
        if (!first.ok) throw new Error('first send failed');
        const second = await fetch('${META}', init);
        const data = await second.json();
        await saveMessageId(data.messages[0].id);
      `,
      errors: [
        {
          messageId: 'unchecked',
          data: { provider: 'meta-cloud', field: 'body.error.code', client: 'fetch', check: 'ok', example: META_EXAMPLE, what: 'send' },
          line: 3,
          column: 22,
          endLine: 3,
          endColumn: 89,
        },
      ],
    },
    // a status that is only logged, and a header read, are not checks
    {
      code: code`
        const res = await fetch('${META}', init);
        console.log('sent', res.status, res.headers.get('x-fb-trace-id'));
        const data = await res.json();
        await saveMessageId(data.messages[0].id);
      `,
      errors: [
        {
          messageId: 'unchecked',
          data: { provider: 'meta-cloud', field: 'body.error.code', client: 'fetch', check: 'ok', example: META_EXAMPLE, what: 'send' },
          line: 1,
          column: 19,
          endLine: 1,
          endColumn: 86,
        },
      ],
    },
    // the provider recognised from a same-file base URL, and from a Cloud API payload
    {
      code: code`
        const GRAPH = 'https://graph.facebook.com/v21.0';
        const res = await fetch(\`\${GRAPH}/\${phoneNumberId}/messages\`, init);
        const data = await res.json();
        await saveMessageId(data.messages[0].id);
      `,
      errors: [
        {
          messageId: 'unchecked',
          data: { provider: 'meta-cloud', field: 'body.error.code', client: 'fetch', check: 'ok', example: META_EXAMPLE, what: 'send' },
          line: 2,
          column: 19,
          endLine: 2,
          endColumn: 68,
        },
      ],
    },
    {
      code: code`
        const res = await fetch(url, { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text }) });
        const data = await res.json();
        await saveMessageId(data.messages[0].id);
      `,
      errors: [
        {
          messageId: 'unchecked',
          data: { provider: 'meta-cloud', field: 'body.error.code', client: 'fetch', check: 'ok', example: META_EXAMPLE, what: 'send' },
          line: 1,
          column: 19,
          endLine: 1,
          endColumn: 130,
        },
      ],
    },
    // discarded: `await fetch(…);` as a statement, a floating promise, `void`
    {
      code: code`
        await fetch('${META}', { method: 'POST', headers, body: JSON.stringify(payload) });
      `,
      errors: [
        {
          messageId: 'discarded',
          data: { provider: 'meta-cloud', field: 'body.error.code', what: 'send', example: META_EXAMPLE },
          line: 1,
          column: 7,
          endLine: 1,
          endColumn: 128,
        },
      ],
    },
    {
      code: code`
        export function notify(to: string) {
          fetch('${META}', { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text: { body: 'Hi' } }) });
          void fetch('${META}', init);
        }
      `,
      errors: [
        {
          messageId: 'discarded',
          data: { provider: 'meta-cloud', field: 'body.error.code', what: 'send', example: META_EXAMPLE },
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 181,
        },
        {
          messageId: 'discarded',
          data: { provider: 'meta-cloud', field: 'body.error.code', what: 'send', example: META_EXAMPLE },
          line: 3,
          column: 8,
          endLine: 3,
          endColumn: 75,
        },
      ],
    },
    // Logging the error field is not a check of it (a logged status is not one
    // either). FAILS at present: a read of the error field counts as a check
    // even inside console.*/logger.*, unlike a read of the status.
    {
      code: code`
        const res = await fetch('${META}', init);
        const data = await res.json();
        console.error(data.error);
        await saveMessageId(data.messages[0].id);
      `,
      errors: [
        {
          messageId: 'unchecked',
          data: { provider: 'meta-cloud', field: 'body.error.code', client: 'fetch', check: 'ok', example: META_EXAMPLE, what: 'send' },
          line: 1,
          column: 19,
          endLine: 1,
          endColumn: 86,
        },
      ],
    },

    // ══ CEQUENS ══
    // the parsed body passed on
    {
      code: code`
        const res = await fetch('${CEQUENS}', init);
        const body = await res.json();
        await save(body);
      `,
      errors: [
        {
          messageId: 'unchecked',
          data: { provider: 'cequens', field: 'body.errors[0].code', client: 'fetch', check: 'ok', example: CEQUENS_EXAMPLE, what: 'send' },
          line: 1,
          column: 19,
          endLine: 1,
          endColumn: 91,
        },
      ],
    },
    // an axios instance created with `validateStatus: () => true`
    {
      code: code`
        import axios from 'axios';
        const client = axios.create({ baseURL: 'https://apis.cequens.com/conversation-app/api/v1', validateStatus: () => true });
        const { data } = await client.post('/messages', payload);
        await saveMessageId(data.messages[0].id);
      `,
      errors: [
        {
          messageId: 'unchecked',
          data: { provider: 'cequens', field: 'body.errors[0].code', client: 'axios (with validateStatus)', check: 'ok', example: CEQUENS_EXAMPLE, what: 'send' },
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 57,
        },
      ],
    },
    {
      code: code`
        import fetch from 'node-fetch';
        await fetch('${CEQUENS}', init);
      `,
      errors: [
        {
          messageId: 'discarded',
          data: { provider: 'cequens', field: 'body.errors[0].code', what: 'send', example: CEQUENS_EXAMPLE },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 79,
        },
      ],
    },

    // ══ wa-server ══
    {
      code: code`
        fetch('${WA}', { method: 'POST', body: JSON.stringify(payload) })
          .then((r) => r.json())
          .then((b) => b.messages);
      `,
      errors: [
        {
          messageId: 'unchecked',
          data: { provider: 'wa-server', field: 'body.error.code', client: 'fetch', check: 'ok', example: WA_EXAMPLE, what: 'send' },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 102,
        },
      ],
    },
    // undici `request`: `res.body.json()`
    {
      code: code`
        import { request } from 'undici';
        const res = await request('${WA}', { method: 'POST', body: JSON.stringify(payload) });
        const data = await res.body.json();
        await save(data.id);
      `,
      errors: [
        {
          messageId: 'unchecked',
          data: { provider: 'wa-server', field: 'body.error.code', client: 'undici request', check: 'statusCode', example: WA_EXAMPLE, what: 'send' },
          line: 2,
          column: 19,
          endLine: 2,
          endColumn: 122,
        },
      ],
    },
    // got with `throwHttpErrors: false` resolves on HTTP errors too
    {
      code: code`
        import got from 'got';
        const data = await got.post('${WA}', { json: payload, throwHttpErrors: false }).json();
        await save(data.id);
      `,
      errors: [
        {
          messageId: 'unchecked',
          data: { provider: 'wa-server', field: 'body.error.code', client: 'got (with throwHttpErrors: false)', check: 'ok', example: WA_EXAMPLE, what: 'send' },
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 116,
        },
      ],
    },

    // ══ Digiworld ══
    // undici `request`: `{ statusCode, body }` destructured, `body.json()`, statusCode
    // never tested. FAILS at present: the destructuring pattern itself counts as a
    // status check (likewise `const { error } = body` as an error check).
    {
      code: code`
        import { request } from 'undici';
        const { statusCode, body } = await request('${DIGI}', options);
        const data = await body.json();
        await save(data.id);
      `,
      errors: [
        {
          messageId: 'unchecked',
          data: { provider: 'digiworld', field: 'body.error', client: 'undici request', check: 'statusCode', example: DIGI_EXAMPLE, what: 'send' },
          line: 2,
          column: 36,
          endLine: 2,
          endColumn: 121,
        },
      ],
    },
    {
      code: code`
        import { request } from 'undici';
        const { body } = await request('${DIGI}', options);
        const data = await body.json();
        await save(data.id);
      `,
      errors: [
        {
          messageId: 'unchecked',
          data: { provider: 'digiworld', field: 'body.error', client: 'undici request', check: 'statusCode', example: DIGI_EXAMPLE, what: 'send' },
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 109,
        },
      ],
    },
    // undici imported as a namespace
    {
      code: code`
        import * as undici from 'undici';
        const res = await undici.request('${DIGI}', { method: 'POST', body: JSON.stringify(payload) });
        await save((await res.body.json()).id);
      `,
      errors: [
        {
          messageId: 'unchecked',
          data: { provider: 'digiworld', field: 'body.error', client: 'undici request', check: 'statusCode', example: DIGI_EXAMPLE, what: 'send' },
          line: 2,
          column: 19,
          endLine: 2,
          endColumn: 153,
        },
      ],
    },
    {
      code: code`
        import { request } from 'undici';
        await request('${DIGI}', { method: 'POST', body: JSON.stringify(payload) });
      `,
      errors: [
        {
          messageId: 'discarded',
          data: { provider: 'digiworld', field: 'body.error', what: 'send', example: DIGI_EXAMPLE },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 134,
        },
      ],
    },

    // ══ MsgBubbles ══
    // node-fetch
    {
      code: code`
        import fetch from 'node-fetch';
        export async function send(init: RequestInit) {
          const res = await fetch('${BUBBLES}', init);
          const body = await res.json();
          return body.id;
        }
      `,
      errors: [
        {
          messageId: 'unchecked',
          data: { provider: 'msgbubbles', field: 'body.error', client: 'fetch', check: 'ok', example: BUBBLES_EXAMPLE, what: 'send' },
          line: 3,
          column: 21,
          endLine: 3,
          endColumn: 74,
        },
      ],
    },
    // axios with `validateStatus: () => true` in the call config
    {
      code: code`
        import axios from 'axios';
        const res = await axios.post('${BUBBLES}', payload, { validateStatus: () => true });
        await save(res.data.id);
      `,
      errors: [
        {
          messageId: 'unchecked',
          data: { provider: 'msgbubbles', field: 'body.error', client: 'axios (with validateStatus)', check: 'ok', example: BUBBLES_EXAMPLE, what: 'send' },
          line: 2,
          column: 19,
          endLine: 2,
          endColumn: 112,
        },
      ],
    },
    {
      code: code`
        import axios from 'axios';
        await axios.post('${BUBBLES}', payload, { headers: { 'Idempotency-Key': key }, validateStatus: () => true });
      `,
      errors: [
        {
          messageId: 'discarded',
          data: { provider: 'msgbubbles', field: 'body.error', what: 'send', example: BUBBLES_EXAMPLE },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 137,
        },
      ],
    },
    // ofetch with `ignoreResponseError: true` resolves on HTTP errors
    {
      code: code`
        import { ofetch } from 'ofetch';
        const data = await ofetch('${BUBBLES}', { method: 'POST', body: payload, ignoreResponseError: true });
        await save(data.id);
      `,
      errors: [
        {
          messageId: 'unchecked',
          data: { provider: 'msgbubbles', field: 'body.error', client: 'ofetch (with ignoreResponseError)', check: 'ok', example: BUBBLES_EXAMPLE, what: 'send' },
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 130,
        },
      ],
    },
    // the result dropped after a `.catch()`: network errors are handled, HTTP errors
    // are not (a call followed by `.catch()` / `.finally()` is still discarded)
    {
      code: code`
        await fetch('${BUBBLES}', init).catch((err) => logger.warn(err));
      `,
      errors: [
        {
          messageId: 'discarded',
          data: { provider: 'msgbubbles', field: 'body.error', what: 'send', example: BUBBLES_EXAMPLE },
          line: 1,
          column: 7,
          endLine: 1,
          endColumn: 60,
        },
      ],
    },

    // fetch: the generic message, as for the other providers
    {
      code: code`
        const res = await fetch('${CONNEX}', init);
        const data = await res.json();
        await save(data.data);
      `,
      errors: [
        {
          messageId: 'unchecked',
          data: { provider: 'connexease', field: 'body.errors.code', client: 'fetch', check: 'ok', example: CONNEX_EXAMPLE, what: 'send' },
          line: 1,
          column: 19,
          endLine: 1,
          endColumn: 80,
        },
      ],
    },
  ],
});

// ─── A response kept in a `let` written after its declaration ───────────────
// `let res = null; … res = await fetch(…)`: the value a read sees is the last
// write before it (in source order, in the same function), not the declaration's.
ruleTester.run('no-unchecked-response: responses kept in a reassigned let', rule, {
  valid: [
    // the response checked through the reassigned variable
    code`
      export async function send(to: string, init: RequestInit) {
        let res = null;
        try {
          res = await fetch('${META}', init);
          if (!res.ok) throw new Error(\`send failed: \${res.status}\`);
          res = await res.json();
          await save(res.messages[0].id);
        } catch (err) {
          report(err);
        }
      }
    `,
    // the body's error field tested after the variable took the parsed body
    code`
      export async function send(to: string, init: RequestInit) {
        let result: any = null;
        result = await fetch('${META}', init);
        result = await result.json();
        if (result.error) throw new MetaApiError(result.error.code);
        return result.messages[0].id;
      }
    `,
  ],
  invalid: [
    // reassigned twice (response, then its body) and only printed: a failed send is logged as sent
    {
      code: code`
        export async function send(to: string, init: RequestInit) {
          let response = null;
          try {
            response = await fetch('${META}', init);
            response = await response.json();
            console.info('sent', JSON.stringify(response));
          } catch (err) {
            return 500;
          }
          return 200;
        }
      `,
      errors: [{ messageId: 'unchecked', data: { provider: 'meta-cloud', field: 'body.error.code', client: 'fetch', check: 'ok', example: META_EXAMPLE, what: 'send' }, line: 4, column: 22, endLine: 4, endColumn: 89 }],
    },
    // declared as null, written once, its body used
    {
      code: code`
        export async function send(init: RequestInit) {
          let res: Response | null = null;
          res = await fetch('${META}', init);
          const body = await res.json();
          return body.messages[0].id;
        }
      `,
      errors: [{ messageId: 'unchecked', data: { provider: 'meta-cloud', field: 'body.error.code', client: 'fetch', check: 'ok', example: META_EXAMPLE, what: 'send' }, line: 3, column: 15, endLine: 3, endColumn: 82 }],
    },
  ],
});

// ─── Calls inside a function handed to a test assertion ─────────────────────
// `expect(async () => { await send() }).rejects.toThrow()`: the assertion
// examines how the call ends, so its result is not dropped.
const WRAPPER = code`
  import axios from 'axios';
  async function sendWhatsAppMessage(to: string, text: string): Promise<string | null> {
    try {
      const res = await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: text } });
      return res.data.messages[0].id;
    } catch (err) {
      return null;
    }
  }
`;

ruleTester.run('no-unchecked-response: calls inside an asserted function', rule, {
  valid: [
    `${WRAPPER}
${code`
  it('rejects without credentials', async () => {
    await expect(async () => {
      await sendWhatsAppMessage('+15550001111', 'hi');
    }).rejects.toThrow('not configured');
  });
`}`,
  ],
  invalid: [
    // a test that calls the wrapper and asserts nothing about it
    {
      code: `${WRAPPER}
${code`
  it('sends', async () => {
    await sendWhatsAppMessage('+15550001111', 'hi');
  });
`}`,
      errors: [{ messageId: 'failureDropped', data: { wrapper: 'sendWhatsAppMessage', provider: 'meta-cloud', shape: 'null', what: 'send' }, line: 11, column: 9, endLine: 11, endColumn: 50 }],
    },
  ],
});

// ─── @infobip-api/sdk: `channels.whatsapp.send` resolves with the axios error on failure ───
const INFOBIP_CLIENT = `import { AuthType, Infobip } from '@infobip-api/sdk';
const client = new Infobip({ baseUrl: process.env.INFOBIP_BASE_URL, apiKey: process.env.INFOBIP_API_KEY, authType: AuthType.ApiKey });
`;

ruleTester.run('no-unchecked-response: the Infobip SDK', rule, {
  valid: [
    // the status checked before the body is used
    `${INFOBIP_CLIENT}${code`
      export async function send(to: string, text: string) {
        const result = await client.channels.whatsapp.send({ type: 'text', from: SENDER, to, content: { text } });
        if (result.status !== 200) throw new Error('WhatsApp send failed');
        return { success: true, data: result.data };
      }
    `}`,
    // its SMS channel is not WhatsApp
    `${INFOBIP_CLIENT}${code`
      export async function sendSms(to: string, text: string) {
        const result = await client.channels.sms.send({ messages: [{ destinations: [{ to }], text }] });
        return { success: true, data: result.data };
      }
    `}`,
  ],
  invalid: [
    // the try/catch never sees a failed send: the SDK returns the error instead of throwing it
    {
      code: `${INFOBIP_CLIENT}${code`
        export async function send(to: string, text: string) {
          try {
            const result = await client.channels.whatsapp.send({ type: 'text', from: SENDER, to, content: { text } });
            return { success: true, data: result.data };
          } catch (error) {
            return { success: false, error };
          }
        }
      `}`,
      errors: [{ messageId: 'unchecked', data: { provider: 'infobip', client: '@infobip-api/sdk', check: 'ok', what: 'send', example: "'BAD_REQUEST'", field: 'body.requestError.serviceException.messageId' }, line: 5, column: 26, endLine: 5, endColumn: 110 }],
    },
  ],
});

// ─── Guards and wrappers of other files (issue 15) ────────────────────────────
// Snippets with a `filename` are linted as files of the fixture app, so their
// imports resolve there: http/client.ts returns fetch's raw Response,
// whatsapp/bubbles.ts checks the response and throws.
const APP = fileURLToPath(new URL('../fixtures/cross-file/app/', import.meta.url));

ruleTester.run('no-unchecked-response: success-only guards, wrappers of other files', rule, {
  valid: [
    // a guard on a field only a success has is a check: an error body has no such field
    code`
      const res = await fetch(\`https://graph.facebook.com/v21.0/\${phoneNumberId}/messages\`, { method: 'POST', body: JSON.stringify(message) });
      const data = await res.json();
      if (!data.messages?.[0]?.id) throw new WhatsAppError(data);
      await save(data.messages[0].id);
    `,
    // a wrapper of another file that checks the body and throws: nothing to check here
    {
      filename: `${APP}src/jobs/send.ts`,
      code: code`
        import { sendBubble } from '../whatsapp/bubbles';
        export async function job(to: string) {
          const id = await sendBubble(to, 'hi');
          await sendBubble(to, 'again');
          return id;
        }
      `,
    },
    // a wrapper of another file whose failure object has no id: the id tested behind a null guard decides
    {
      filename: `${APP}src/jobs/reply-job.ts`,
      code: code`
        import { sendReply } from '../whatsapp/reply';
        export async function job(phoneNumberId: string, to: string) {
          const sent = await sendReply(phoneNumberId, to, 'Your order shipped');
          if (!sent || !sent.id) return retryLater(to);
          return sent && sent.id ? record(sent.id) : undefined;
        }
      `,
    },
    // a wrapper of another file that returns the call of a same-file helper, whose helper throws on !res.ok
    {
      filename: `${APP}src/jobs/confirm.ts`,
      code: code`
        import { checkedApi } from '../whatsapp/graph-post';
        export async function confirm(phoneNumberId: string, to: string) {
          const sent = await checkedApi.sendText(phoneNumberId, to, 'ok');
          return sent.messages[0].id;
        }
      `,
    },
    // a dispatcher of another file whose senders (of that file) test ok and throw: its result is a success
    {
      filename: `${APP}src/jobs/dispatch-job.ts`,
      code: code`
        import { dispatch } from '../whatsapp/dispatch';
        export async function job(data: { to: string; text: string }) {
          const result = await dispatch(data.to, data.text);
          return { sent: true, result };
        }
      `,
    },
    // a service of another file that tests ok itself and gives failures back as null: a test of null is the check
    {
      filename: `${APP}src/jobs/step.ts`,
      code: code`
        import { GraphApi } from '../whatsapp/graph-api';
        export class Step {
          constructor(private readonly graph: GraphApi) {}
          async run(token: string, phone: string, body: object) {
            const response = await this.graph.messages(token, phone, body);
            if (response !== null) return response.messages[0].id;
            return undefined;
          }
        }
      `,
    },
  ],
  invalid: [
    // the same shape, but the helper the wrapper returns the call of gives fetch's body back untested
    {
      filename: `${APP}src/jobs/confirm.ts`,
      code: code`
        import { rawApi } from '../whatsapp/graph-post';
        export async function confirm(phoneNumberId: string, to: string) {
          const sent = await rawApi.sendText(phoneNumberId, to, 'ok');
          return sent.messages[0].id;
        }
      `,
      errors: [{ messageId: 'unchecked', data: { provider: 'meta-cloud', client: 'fetch', check: 'ok', what: 'request', example: '100 (Invalid parameter)', field: 'body.error.code' }, line: 3, column: 22, endLine: 3, endColumn: 62 }],
    },
    // the same service's result used without the test of null; and templates(), whose catch gives null only for a
    // network error, so an HTTP error comes back as an error body that must be checked like fetch's
    {
      filename: `${APP}src/jobs/step.ts`,
      code: code`
        import { GraphApi } from '../whatsapp/graph-api';
        export class Step {
          constructor(private readonly graph: GraphApi) {}
          async run(token: string, phone: string, body: object) {
            const response = await this.graph.messages(token, phone, body);
            return response.messages[0].id;
          }
          async names(token: string, waba: string) {
            const list = await this.graph.templates(token, waba);
            return list.data.map((t) => t.name);
          }
        }
      `,
      errors: [
        { messageId: 'failureUnchecked', data: { wrapper: 'messages', provider: 'meta-cloud', shape: 'null', what: 'send' }, line: 5, column: 28, endLine: 5, endColumn: 67 },
        {
          messageId: 'unchecked',
          data: { provider: 'meta-cloud', field: 'body.error.code', client: 'fetch', check: 'ok', example: '100 (Invalid parameter)', what: 'request' },
          line: 9,
          column: 24,
          endLine: 9,
          endColumn: 57,
        },
      ],
    },
    // the same file's dispatchRaw() hands on a sender's raw Response, which nothing there tests
    {
      filename: `${APP}src/jobs/dispatch-job.ts`,
      code: code`
        import { dispatchRaw } from '../whatsapp/dispatch';
        export async function job(data: { to: string; text: string }) {
          const res = await dispatchRaw(data.to, data.text);
          const body = await res.json();
          return body.messages[0].id;
        }
      `,
      errors: [
        {
          messageId: 'unchecked',
          data: { provider: 'meta-cloud', field: 'body.error.code', client: 'fetch', check: 'ok', example: '131047 (Re-engagement message)', what: 'send' },
          line: 3,
          column: 21,
          endLine: 3,
          endColumn: 52,
        },
      ],
    },
    // dispatchEither() of that file: one of its senders tests nothing, so its result may be a failed Response
    {
      filename: `${APP}src/jobs/dispatch-job.ts`,
      code: code`
        import { dispatchEither } from '../whatsapp/dispatch';
        export async function job(data: { to: string; text: string }) {
          const result = await dispatchEither(data.to, data.text);
          return { sent: true, id: result.messages[0].id };
        }
      `,
      errors: [
        {
          messageId: 'unchecked',
          data: { provider: 'meta-cloud', field: 'body.error.code', client: 'fetch', check: 'ok', example: '131047 (Re-engagement message)', what: 'send' },
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 58,
        },
      ],
    },
    // a wrapper of another file that returns the raw Response: its caller must check it
    {
      filename: `${APP}src/jobs/register.ts`,
      code: code`
        import { HttpClient } from '../http/client';
        const api = new HttpClient('https://graph.facebook.com/v21.0');
        export async function register(phoneNumberId: string, pin: string) {
          const res = await api.post(\`/\${phoneNumberId}/register\`, { messaging_product: 'whatsapp', pin });
          return (await res.json()).success;
        }
        export async function deregister(phoneNumberId: string) {
          await api.post(\`/\${phoneNumberId}/deregister\`, {});
        }
        export async function checked(phoneNumberId: string) {
          const res = await api.post(\`/\${phoneNumberId}/deregister\`, {});
          if (!res.ok) throw new Error('failed', { cause: await res.json() });
        }
      `,
      errors: [
        {
          messageId: 'unchecked',
          data: { provider: 'meta-cloud', field: 'body.error.code', client: 'fetch', check: 'ok', example: '131047 (Re-engagement message)', what: 'send' },
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 99,
        },
        { messageId: 'discarded', data: { provider: 'meta-cloud', field: 'body.error.code', what: 'send', example: META_EXAMPLE }, line: 8, column: 9, endLine: 8, endColumn: 53 },
      ],
    },
  ],
});

// ─── Failures given back as values (issue 16) ──────────────────────────────────
const dropped = (wrapper: string, shape: string) => ({ wrapper, provider: 'meta-cloud', shape, what: 'send' });

ruleTester.run('no-unchecked-response: failures a wrapper gives back as values', rule, {
  valid: [
    // the wrapper throws on failure: nothing to test at its calls
    code`
      import axios from 'axios';
      async function send(p: object) { try { return await axios.post('https://graph.facebook.com/v21.0/1/messages', { messaging_product: 'whatsapp', ...p }); } catch (e) { throw new Error('x', { cause: e }); } }
      export async function job() { await send({}); }
    `,
    // the wrapper writes the failure into the message's record before giving it back: a caller that drops it loses nothing
    code`
      import axios from 'axios';
      export async function sendReminder(id: string, to: string) {
        try {
          const res = await axios.post('https://graph.facebook.com/v21.0/1/messages', { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'Reminder' } });
          await db.update(reminders).set({ status: 'sent', providerId: res.data.messages[0].id }).where(eq(reminders.id, id));
          return { ok: true as const };
        } catch (error) {
          await db.update(reminders).set({ status: 'failed', failedAt: new Date() }).where(eq(reminders.id, id));
          return { ok: false as const, error };
        }
      }
      export async function dispatch(id: string, to: string) {
        await sendReminder(id, to);
      }
    `,
  ],
  invalid: [
    // a write on the failure path that records no failed status (only when it was tried): the failure is lost
    {
      code: code`
        export async function sendNotice(id: string, to: string) {
          const res = await fetch('https://graph.facebook.com/v21.0/1/messages', { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text: { body: 'Notice' } }) });
          if (!res.ok) { await Notice.updateOne({ _id: id }, { lastAttemptAt: new Date() }); return { ok: false as const }; }
          await Notice.updateOne({ _id: id }, { status: 'sent' });
          return { ok: true as const };
        }
        export async function dispatch(id: string, to: string) {
          await sendNotice(id, to);
        }
      `,
      errors: [{ messageId: 'failureDropped', data: dropped('sendNotice', 'a failure object'), line: 8, column: 9, endLine: 8, endColumn: 27 }],
    },
    // { ok: false, error } dropped: a closed 24-hour window is lost here
    {
      code: code`
        const GRAPH = 'https://graph.facebook.com/v21.0';
        async function sendText(to: string, text: string) {
          const res = await fetch(\`\${GRAPH}/\${process.env.PHONE_NUMBER_ID}/messages\`, { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to, text: { body: text } }) });
          if (!res.ok) return { ok: false as const, error: await res.text() };
          return { ok: true as const };
        }
        export async function a(user: string) {
          await sendText(user, 'Your order shipped');
          const r = await sendText(user, 'hi'); if (!r.ok) log(r.error);
          const unused = await sendText(user, 'x');
          void sendText(user, 'y');
        }
      `,
      errors: [
        { messageId: 'failureDropped', data: dropped('sendText', 'a failure object'), line: 8, column: 9, endLine: 8, endColumn: 45 },
        { messageId: 'failureDropped', data: dropped('sendText', 'a failure object'), line: 10, column: 24, endLine: 10, endColumn: 43 },
        { messageId: 'failureDropped', data: dropped('sendText', 'a failure object'), line: 11, column: 8, endLine: 11, endColumn: 27 },
      ],
    },
    // null from a catch, dereferenced without a test (the caller that tests it is fine)
    {
      code: code`
        import axios from 'axios';
        async function getTemplates(waba: string) {
          try {
            const { data } = await axios.get(\`https://graph.facebook.com/v21.0/\${waba}/message_templates\`);
            return data.data;
          } catch (e) {
            return null;
          }
        }
        export async function names(waba: string) {
          const templates = await getTemplates(waba);
          return templates.map((t) => t.name);
        }
        export async function safe(waba: string) {
          const templates = await getTemplates(waba);
          if (!templates) return [];
          return templates.map((t) => t.name);
        }
      `,
      errors: [{ messageId: 'failureUnchecked', data: dropped('getTemplates', 'null'), line: 11, column: 27, endLine: 11, endColumn: 45 }],
    },
    // .catch(() => null) on the send: dropped, and printed as sent
    {
      code: code`
        import axios from 'axios';
        const send = (payload: object) => axios.post('https://graph.facebook.com/v21.0/1/messages', { messaging_product: 'whatsapp', ...payload }).catch(() => null);
        export async function job() { await send({ to: '1' }); const r = await send({ to: '2' }); console.log('sent', r.data); }
      `,
      errors: [
        { messageId: 'failureDropped', data: dropped('send', 'null'), line: 3, column: 37, endLine: 3, endColumn: 54 },
        { messageId: 'failureUnchecked', data: dropped('send', 'null'), line: 3, column: 72, endLine: 3, endColumn: 89 },
      ],
    },
  ],
});

// ─── Failure values the caller cannot tell from a success ──────────────────────
ruleTester.run('no-unchecked-response: undefined from a catch, truthy failures, handlers that keep their own', rule, {
  valid: [
    // the catch ends the function, but the function returns nothing on success either
    code`
      import axios from 'axios';
      async function notify(to: string) {
        try {
          await axios.post('https://graph.facebook.com/v21.0/1/messages', { messaging_product: 'whatsapp', to });
        } catch (e) {
          console.error(e);
        }
      }
      export async function job(to: string) { const r = await notify(to); res.send(r); }
    `,
    // whatsapp-cloud-api rejects on HTTP errors: its result needs no check
    code`
      import { createBot } from 'whatsapp-cloud-api';
      const bot = createBot(phoneNumberId, token);
      export async function reply(to: string) {
        const sent = await bot.sendText(to, 'Thanks, we got it');
        return sent.messageId;
      }
    `,
    // an early \`return\` gives a value, but the \`try\` also runs to its end on success: \`undefined\` is no failure sign
    code`
      import { createBot } from 'whatsapp-cloud-api';
      const bot = createBot(phoneNumberId, token);
      async function track(to: string, id: string) {
        try {
          if (!/^\\d+$/.test(id)) return await bot.sendText(to, 'That is not an order number');
          await bot.sendText(to, await statusOf(id));
        } catch (err) {
          console.log(err);
        }
      }
      export async function onMessage(from: string, text: string) {
        await track(from, text);
      }
    `,
    // the catch ends in a helper that always throws: nothing falls off the end
    code`
      import axios from 'axios';
      function fail(error: unknown): never {
        log(error);
        throw new ApiError('WhatsApp request failed', { cause: error });
      }
      async function send(to: string) {
        try {
          const { data } = await axios.post('https://graph.facebook.com/v21.0/1/messages', { messaging_product: 'whatsapp', to });
          return data;
        } catch (e) {
          console.log(e);
          fail(e);
        }
      }
      export async function job(to: string) { await send(to); }
    `,
    // undefined from the catch, tested by the caller before the reply
    code`
      import axios from 'axios';
      async function send(to: string) {
        try {
          const { data } = await axios.post('https://graph.facebook.com/v21.0/1/messages', { messaging_product: 'whatsapp', to });
          return data;
        } catch (e) {
          console.error(e);
        }
      }
      export const route = async (req: Request, res: Response) => {
        const data = await send(req.body.to);
        if (!data) return res.status(502).json({ error: 'not sent' });
        res.json(data);
      };
    `,
    // an error body given back, tested on its error field
    code`
      import axios from 'axios';
      async function templates(waba: string) {
        try {
          const { data } = await axios.get(\`https://graph.facebook.com/v21.0/\${waba}/message_templates\`);
          return data;
        } catch (e) {
          if (e.response?.data) return e.response.data;
          throw e;
        }
      }
      export async function list(waba: string) {
        const result = await templates(waba);
        if (!result || result.error) throw new Error('templates', { cause: result });
        return result.data;
      }
    `,
    // \`.catch(() => false)\` on an inner call whose value the function tests itself: it returns nothing
    code`
      import axios from 'axios';
      const reply = (to: string) => axios.post('https://graph.facebook.com/v21.0/1/messages', { messaging_product: 'whatsapp', to }).then(() => true);
      async function onMessage(from: string) {
        const handled = await reply(from).catch(() => false);
        if (handled) return;
        await reply(from).catch((e) => {
          log(e);
          return false;
        });
      }
      export async function hook(from: string) {
        await onMessage(from);
      }
    `,
  ],
  invalid: [
    // the catch falls off the end where a success returns the body; the route replies with \`undefined\`
    {
      code: code`
        import axios from 'axios';
        export async function sendTemplate(to: string, template: object) {
          try {
            const { data } = await axios.post('https://graph.facebook.com/v21.0/1/messages', { messaging_product: 'whatsapp', to, type: 'template', template });
            return data;
          } catch (error) {
            await audit.create({ to, template, status: 'init' });
          }
        }
        export const route = async (req: Request, res: Response) => {
          const data = await sendTemplate(req.body.to, req.body.template);
          res.send(data);
        };
        export async function job(to: string) {
          await sendTemplate(to, {});
        }
      `,
      errors: [
        { messageId: 'failureUnchecked', data: dropped('sendTemplate', 'undefined'), line: 11, column: 22, endLine: 11, endColumn: 66 },
        { messageId: 'failureDropped', data: dropped('sendTemplate', 'undefined'), line: 15, column: 9, endLine: 15, endColumn: 29 },
      ],
    },
    // an error body given back as data: \`!result\` lets it through, and \`.data\` reads it as the list
    {
      code: code`
        import axios from 'axios';
        async function templates(waba: string) {
          try {
            const { data } = await axios.get(\`https://graph.facebook.com/v21.0/\${waba}/message_templates\`);
            return data;
          } catch (e) {
            if (e.response?.data) return e.response.data;
            throw e;
          }
        }
        export async function list(waba: string) {
          const result = await templates(waba);
          if (!result) throw new Error('no templates');
          return result.data;
        }
        export async function count(waba: string) {
          const result = await templates(waba);
          return result ? result.data.length : 0;
        }
      `,
      errors: [
        {
          messageId: 'failurePassesTest',
          data: { ...dropped('templates', 'the error body'), what: 'request' },
          line: 12,
          column: 24,
          endLine: 12,
          endColumn: 39,
        },
        // \`result ? result.data.length : 0\`: the same truth test
        {
          messageId: 'failurePassesTest',
          data: { ...dropped('templates', 'the error body'), what: 'request' },
          line: 17,
          column: 24,
          endLine: 17,
          endColumn: 39,
        },
      ],
    },
    // \`.catch(() => false)\` whose value the function returns: its caller drops it
    {
      code: code`
        import axios from 'axios';
        const reply = (to: string) => axios.post('https://graph.facebook.com/v21.0/1/messages', { messaging_product: 'whatsapp', to }).then(() => true);
        async function tryReply(from: string) {
          const sent = await reply(from).catch(() => false);
          return sent;
        }
        const quickReply = (from: string) => reply(from).catch(() => false);
        export async function hook(from: string) {
          await tryReply(from);
          await quickReply(from);
        }
      `,
      errors: [
        { messageId: 'failureDropped', data: dropped('tryReply', 'false'), line: 9, column: 9, endLine: 9, endColumn: 23 },
        { messageId: 'failureDropped', data: dropped('quickReply', 'false'), line: 10, column: 9, endLine: 10, endColumn: 25 },
      ],
    },
  ],
});

// ─── A result whose declared type includes the error body ──────────────────────
const UNCHECKED_SDK = { provider: 'meta-cloud', field: 'body.error.code', client: 'whatsapp-api-js', check: 'ok', example: META_EXAMPLE, what: 'send' };

ruleTester.run('no-unchecked-response: results declared to include the error body', rule, {
  valid: [
    // whatsapp-api-js resolves with the error body; a helper that only casts it, and a result type with \`error\`
    code`
      import type { WhatsAppAPI } from 'whatsapp-api-js';
      export type SendResult = { messages: [{ id: string }] } | { error: { code: number; message: string } };
      const parse = async (response: unknown): Promise<SendResult> => response as SendResult;
      export async function send(whatsapp: WhatsAppAPI, from: string, to: string, message: object): Promise<SendResult> {
        const response = await whatsapp.sendMessage(from, to, message);
        return await parse(response);
      }
    `,
    // fetch, an interface, the body returned as it is
    code`
      interface GraphFailure { error: { code: number; message: string } }
      type SendResult = { messages: { id: string }[] } | GraphFailure;
      export async function send(phoneNumberId: string, message: object): Promise<SendResult> {
        const res = await fetch(\`https://graph.facebook.com/v21.0/\${phoneNumberId}/messages\`, { method: 'POST', body: JSON.stringify(message) });
        return res.json();
      }
    `,
  ],
  invalid: [
    // the same helper, no declared failure: the body is returned as a success
    {
      code: code`
        import type { WhatsAppAPI } from 'whatsapp-api-js';
        const parse = async (response: unknown) => response;
        export async function send(whatsapp: WhatsAppAPI, from: string, to: string, message: object): Promise<{ messages: [{ id: string }] }> {
          const response = await whatsapp.sendMessage(from, to, message);
          return await parse(response);
        }
      `,
      errors: [{ messageId: 'unchecked', data: UNCHECKED_SDK, line: 4, column: 26, endLine: 4, endColumn: 65 }],
    },
    // a declared failure, but the body is also stored as a sent message on the way
    {
      code: code`
        import type { WhatsAppAPI } from 'whatsapp-api-js';
        export type SendResult = { messages: [{ id: string }] } | { error: { code: number; message: string } };
        export async function send(whatsapp: WhatsAppAPI, from: string, to: string, message: object): Promise<SendResult> {
          const response = await whatsapp.sendMessage(from, to, message);
          await saveSent(response);
          return response;
        }
      `,
      errors: [{ messageId: 'unchecked', data: UNCHECKED_SDK, line: 4, column: 26, endLine: 4, endColumn: 65 }],
    },
  ],
});

// ─── SDK calls: template sends, webhook methods, the package imported by its folder ───
// The example is the template's own code (132001), not the closed 24-hour window a template is the way around.
const TEMPLATE_EXAMPLE = '132001 (Template does not exist)';

ruleTester.run('no-unchecked-response: SDK calls (template sends, webhook methods, the package by its folder)', rule, {
  valid: [
    // whatsapp-api-js's webhook methods are named like verbs but make no request: post(data, raw, signature), get(query)
    // a read receipt sends no message: nothing waits on its dropped result
    code`
      export function markRead(id: string) {
        fetch('${META}', { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', status: 'read', message_id: id }) });
      }
    `,
    code`
      import { WhatsAppAPI } from 'whatsapp-api-js';
      const api = new WhatsAppAPI({ token, appSecret });
      export async function seen(phoneId: string, id: string) {
        await api.markAsRead(phoneId, id);
      }
    `,
    code`
      import WhatsApp from 'whatsapp';
      const wa = new WhatsApp(senderNumber);
      export async function seen(id: string) {
        await wa.messages.status({ status: 'read', message_id: id });
      }
    `,
    code`
      import { WhatsAppAPI } from 'whatsapp-api-js';
      const api = new WhatsAppAPI({ token, appSecret, webhookVerifyToken });
      app.post('/webhook', async (req, res) => {
        await api.post(req.body, JSON.stringify(req.body), req.headers['x-hub-signature-256']);
        res.sendStatus(200);
      });
      app.get('/webhook', (req, res) => res.send(api.get(req.query)));
    `,
  ],
  invalid: [
    // a read receipt's result used without a test is a request's, not a send's
    {
      code: code`
        import { WhatsAppAPI } from 'whatsapp-api-js';
        const api = new WhatsAppAPI({ token, appSecret });
        export async function seen(phoneId: string, id: string) {
          const res = await api.markAsRead(phoneId, id);
          return res.success;
        }
      `,
      errors: [{ messageId: 'unchecked', data: { ...UNCHECKED_SDK, what: 'request', example: '100 (Invalid parameter)' }, line: 4, column: 21, endLine: 4, endColumn: 48 }],
    },
    // the package imported through its own folder (\`'whatsapp-api-js/.'\`) is the package
    {
      code: code`
        import { WhatsAppAPI } from 'whatsapp-api-js/.';
        export class Bot {
          constructor(private readonly phoneId: string, private readonly api: WhatsAppAPI) {}
          async ask(to: string, question: object) {
            await this.api.sendMessage(this.phoneId, to, question);
          }
        }
      `,
      errors: [{ messageId: 'discarded', data: { provider: 'meta-cloud', field: 'body.error.code', what: 'send', example: META_EXAMPLE }, line: 5, column: 11, endLine: 5, endColumn: 59 }],
    },
    // whatsapp-api-js: the SDK's own template message
    {
      code: code`
        import { WhatsAppAPI } from 'whatsapp-api-js';
        import { Template } from 'whatsapp-api-js/messages';
        const api = new WhatsAppAPI({ token, appSecret });
        export async function welcome(to: string) {
          const res = await api.sendMessage(phoneId, to, new Template('welcome', 'en'));
          return res.messages[0].id;
        }
      `,
      errors: [{ messageId: 'unchecked', data: { ...UNCHECKED_SDK, example: TEMPLATE_EXAMPLE }, line: 5, column: 21, endLine: 5, endColumn: 80 }],
    },
    // a class of the project named Template is not the SDK's: an ordinary send
    {
      code: code`
        import { WhatsAppAPI } from 'whatsapp-api-js';
        import { Template } from './templates';
        const api = new WhatsAppAPI({ token, appSecret });
        export async function welcome(to: string) {
          const res = await api.sendMessage(phoneId, to, new Template('welcome', 'en'));
          return res.messages[0].id;
        }
      `,
      errors: [{ messageId: 'unchecked', data: UNCHECKED_SDK, line: 5, column: 21, endLine: 5, endColumn: 80 }],
    },
    // Meta's SDK: \`messages.template(…)\` resolves for any status
    {
      code: code`
        import WhatsApp from 'whatsapp';
        const wa = new WhatsApp(senderNumber);
        export async function subscribe(to: number) {
          await wa.messages.template({ name: 'subscribe', language: { code: 'en_US', policy: 'deterministic' } }, to);
        }
      `,
      errors: [{ messageId: 'discarded', data: { provider: 'meta-cloud', field: 'body.error.code', what: 'send', example: TEMPLATE_EXAMPLE }, line: 4, column: 9, endLine: 4, endColumn: 110 }],
    },
    {
      code: code`
        import WhatsApp from 'whatsapp';
        const wa = new WhatsApp(senderNumber);
        export async function notify(to: number, body: string) {
          await wa.messages.text({ body }, to);
        }
      `,
      errors: [{ messageId: 'discarded', data: { provider: 'meta-cloud', field: 'body.error.code', what: 'send', example: META_EXAMPLE }, line: 4, column: 9, endLine: 4, endColumn: 39 }],
    },
  ],
});

// ─── Requests that send no message (templates, media) ──────────────────────────
// The message says "request" and cites a code any Cloud API request can return.
const REQUEST = { provider: 'meta-cloud', field: 'body.error.code', what: 'request', example: '100 (Invalid parameter)' };

ruleTester.run('no-unchecked-response: requests that are not sends', rule, {
  valid: [],
  invalid: [
    {
      code: code`
        export async function templates(waba: string) {
          const res = await fetch(\`https://graph.facebook.com/v21.0/\${waba}/message_templates\`);
          const body = await res.json();
          return body.data.map((t) => t.name);
        }
      `,
      errors: [{ messageId: 'unchecked', data: { ...REQUEST, client: 'fetch', check: 'ok' }, line: 2, column: 21, endLine: 2, endColumn: 88 }],
    },
    {
      code: code`
        export async function upload(phoneId: string, form: FormData) {
          await fetch(\`https://graph.facebook.com/v21.0/\${phoneId}/media\`, { method: 'POST', body: form });
        }
      `,
      errors: [{ messageId: 'discarded', data: REQUEST, line: 2, column: 9, endLine: 2, endColumn: 99 }],
    },
  ],
});

// ─── Tests that assert on the result ────────────────────────────────────────────
// An assertion (`expect(x)`, `assert.*(x)`, ava's `t.*(x)`) examines the value it
// is given: a test that asserts on the response, its body or a wrapper's result
// has checked it.
ruleTester.run('no-unchecked-response: assertions check', rule, {
  valid: [
    code`
      const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      expect(body).toEqual({ messaging_product: 'whatsapp', messages: [{ id: 'wamid.1' }] });
    `,
    code`
      import assert from 'node:assert/strict';
      const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      assert.deepEqual(await res.json(), { messages: [{ id: 'wamid.1' }] });
    `,
    code`
      test('sends', async (t) => {
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        t.deepEqual(await res.json(), { messages: [{ id: 'wamid.1' }] });
      });
    `,
    code`
      import axios from 'axios';
      async function sendText(to: string) {
        try {
          await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } });
          return true;
        } catch {
          return false;
        }
      }
      it('sends', async () => {
        const sent = await sendText('1');
        expect(sent).toBe(true);
      });
    `,
    // a test that keeps the result in a variable it never reads and asserts on the mocked request instead
    code`
      import axios from 'axios';
      async function sendText(to: string) {
        try {
          await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } });
          return true;
        } catch {
          return false;
        }
      }
      it('posts once', async () => {
        const sent = await sendText('1');
        expect(postSpy).toHaveBeenCalledTimes(1);
      });
    `,
  ],
  invalid: [
    // a value handed to something that is not an assertion is still a use
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        expectations.push(body);
      `,
      errors: [{ messageId: 'unchecked', data: { provider: 'meta-cloud', field: 'body.error.code', client: 'fetch', check: 'ok', example: META_EXAMPLE, what: 'send' }, line: 1, column: 19, endLine: 1, endColumn: 131 }],
    },
  ],
});

// ─── A catch around a call that resolves on HTTP errors (real-code round 2, R12) ─
// fetch and whatsapp-api-js reject only when the network fails: a catch that
// hands what it caught to a logger says nothing about the response, so a
// result dropped inside the try is still dropped.
ruleTester.run('no-unchecked-response: catches of calls that resolve on HTTP errors', rule, {
  valid: [
    // the response is checked in the try; the catch reports network errors
    code`
      export async function send(message: object, report: (what: string, e: unknown) => void) {
        try {
          const res = await fetch(\`https://graph.facebook.com/v21.0/\${phoneNumberId}/messages\`, { method: 'POST', body: JSON.stringify(message) });
          if (!res.ok) throw new WhatsAppError(await res.json());
        } catch (err) {
          report('send failed', err);
        }
      }
    `,
    // axios rejects on HTTP errors: what the catch hands on is the failed response
    code`
      import axios from 'axios';
      export async function send(message: object, report: (what: string, e: unknown) => void) {
        try {
          await axios.post(\`https://graph.facebook.com/v21.0/\${phoneNumberId}/messages\`, message);
        } catch (err) {
          report('send failed', err);
        }
      }
    `,
  ],
  invalid: [
    {
      code: code`
        export async function send(message: object, report: (what: string, e: unknown) => void) {
          try {
            await fetch(\`https://graph.facebook.com/v21.0/\${phoneNumberId}/messages\`, { method: 'POST', body: JSON.stringify(message) });
          } catch (err) {
            report('send failed', err);
          }
        }
      `,
      errors: [{ messageId: 'discarded', data: { provider: 'meta-cloud', field: 'body.error.code', what: 'send', example: META_EXAMPLE }, line: 3, column: 11, endLine: 3, endColumn: 129 }],
    },
    // a wrapper of another file that returns fetch's raw Response, in a try whose catch hands the error on
    {
      filename: `${APP}src/jobs/unregister.ts`,
      code: code`
        import { HttpClient } from '../http/client';
        const api = new HttpClient('https://graph.facebook.com/v21.0');
        export async function unregister(phoneNumberId: string, report: (what: string, e: unknown) => void) {
          try {
            await api.post(\`/\${phoneNumberId}/deregister\`, {});
          } catch (err) {
            report('deregister failed', err);
          }
        }
      `,
      errors: [{ messageId: 'discarded', data: { provider: 'meta-cloud', field: 'body.error.code', what: 'send', example: META_EXAMPLE }, line: 5, column: 11, endLine: 5, endColumn: 55 }],
    },
  ],
});

// A file whose only provider evidence is an env var named for the Cloud API's base URL (its text names no host, path or SDK)
ruleTester.run('no-unchecked-response: a base URL known only by its env var name', rule, {
  valid: [
    // an env var of another service
    {
      filename: 'src/notify.ts',
      code: code`
        export async function notify(to: string, text: string) {
          const res = await fetch(\`\${process.env.SLACK_API_URL}/chat.postMessage\`, { method: 'POST', body: JSON.stringify({ channel: to, text }) });
          return (await res.json()).ts;
        }
      `,
    },
  ],
  invalid: [
    {
      filename: 'src/notifications/send.ts',
      code: code`
        export async function sendText(phoneId: string, to: string, body: string) {
          const res = await fetch(\`\${process.env.FB_GRAPH_API_URL}/v21.0/\${phoneId}/messages\`, { method: 'POST', body: JSON.stringify({ to, text: { body } }) });
          const data = await res.json();
          return data.messages[0].id;
        }
      `,
      errors: [{ messageId: 'unchecked', data: { provider: 'meta-cloud', field: 'body.error.code', client: 'fetch', check: 'ok', example: META_EXAMPLE, what: 'send' }, line: 2, column: 21, endLine: 2, endColumn: 153 }],
    },
  ],
});

ruleTester.run('no-unchecked-response: a wrapper that sends again from its catch', rule, {
  valid: [
    // the catch calls the wrapper itself again (a retry) and otherwise rethrows: its value is always a success
    code`
      import axios from 'axios';
      async function post(phoneId: string, payload: object, attempt = 1): Promise<{ messages: { id: string }[] }> {
        try {
          const res = await axios.post(\`https://graph.facebook.com/v21.0/\${phoneId}/messages\`, payload);
          return res.data;
        } catch (error: any) {
          if (attempt < 3 && !error.response) {
            await pause(1000 * attempt);
            return post(phoneId, payload, attempt + 1);
          }
          throw error;
        }
      }
      declare function pause(ms: number): Promise<void>;
      export async function notify(phoneId: string, to: string) {
        const r = await post(phoneId, { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } });
        return r.messages[0].id;
      }
    `,
    // the same through a method: \`return this.post(…)\`
    code`
      import axios from 'axios';
      export class Sender {
        private async post(payload: object, attempt = 1): Promise<{ messages: { id: string }[] }> {
          try {
            const res = await axios.post('https://graph.facebook.com/v21.0/1/messages', payload);
            return res.data;
          } catch (error) {
            if (attempt < 3) return this.post(payload, attempt + 1);
            throw error;
          }
        }
        async notify(to: string) {
          const r = await this.post({ messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } });
          return r.messages[0].id;
        }
      }
    `,
  ],
  invalid: [
    // the catch falls back to another send that gives null back on failure: its callers get that null
    {
      code: code`
        import axios from 'axios';
        async function plain(to: string) {
          try {
            const res = await axios.post('https://graph.facebook.com/v21.0/1/messages', { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } });
            return res.data;
          } catch {
            return null;
          }
        }
        async function fancy(to: string) {
          try {
            const res = await axios.post('https://graph.facebook.com/v21.0/1/messages', { messaging_product: 'whatsapp', to, type: 'template', template: { name: 'hi', language: { code: 'en' } } });
            return res.data;
          } catch {
            return plain(to);
          }
        }
        export async function notify(to: string) {
          const r = await fancy(to);
          return r.messages[0].id;
        }
      `,
      errors: [{ messageId: 'failureUnchecked', data: dropped('fancy', 'null'), line: 19, column: 19, endLine: 19, endColumn: 28 }],
    },
    // a retry by recursion that gives up with \`return null\`: the null still reaches the callers
    {
      code: code`
        import axios from 'axios';
        async function post(payload: object, attempt = 1): Promise<{ messages: { id: string }[] } | null> {
          try {
            const res = await axios.post('https://graph.facebook.com/v21.0/1/messages', payload);
            return res.data;
          } catch (error: any) {
            if (attempt < 3 && !error.response) return post(payload, attempt + 1);
            return null;
          }
        }
        export async function notify(to: string) {
          const r = await post({ messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } });
          return r!.messages[0].id;
        }
      `,
      errors: [{ messageId: 'failureUnchecked', data: dropped('post', 'null'), line: 12, column: 19, endLine: 12, endColumn: 98 }],
    },
  ],
});

ruleTester.run('no-unchecked-response: a bare return in a wrapper that gives nothing back', rule, {
  valid: [
    // a delete that treats "already gone" as done: `return;` there, and nothing on success either
    code`
      export async function deleteTemplate(waba: string, name: string, token: string): Promise<void> {
        const res = await fetch(\`https://graph.facebook.com/v21.0/\${waba}/message_templates?name=\${name}\`, { method: 'DELETE', headers: { Authorization: \`Bearer \${token}\` } });
        if (!res.ok) {
          const body = await res.json();
          if (body.error?.code === 100) return;
          throw new Error(body.error.message);
        }
      }
      export async function remove(waba: string, name: string, token: string) {
        await deleteTemplate(waba, name, token);
        await forget(name);
      }
      declare function forget(name: string): Promise<void>;
    `,
  ],
  invalid: [
    // the same bare return in a wrapper that gives the message id back on success: its callers get undefined
    {
      code: code`
        export async function send(to: string, token: string): Promise<string | undefined> {
          const res = await fetch('${META}', { method: 'POST', headers: { Authorization: \`Bearer \${token}\` }, body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } }) });
          if (!res.ok) {
            const body = await res.json();
            if (body.error?.code === 131047) return;
            throw new Error(body.error.message);
          }
          const data = await res.json();
          return data.messages[0].id;
        }
        export async function notify(to: string, token: string) {
          const id = await send(to, token);
          await remember(id!.toUpperCase());
        }
        declare function remember(id: string): Promise<void>;
      `,
      errors: [{ messageId: 'failureUnchecked', data: dropped('send', 'undefined'), line: 12, column: 20, endLine: 12, endColumn: 35 }],
    },
  ],
});

ruleTester.run('no-unchecked-response: a request handler called with a stand-in reply', rule, {
  valid: [
    // the handler sends its failure to the client (\`return res.status(400).json(…)\`): a caller that runs it with its own
    // \`res\` reads the outcome there, and the value the handler returns is only the reply
    code`
      import axios from 'axios';
      type Reply = { status(code: number): Reply; json(body: unknown): Reply };
      export async function syncOne(req: { params: { id: string } }, res: Reply) {
        try {
          await axios.post('${META}', { messaging_product: 'whatsapp', to: req.params.id, type: 'text', text: { body: 'synced' } });
          return res.json({ success: true });
        } catch (err: any) {
          return res.status(400).json({ success: false, error: err.response?.data?.error });
        }
      }
      export async function syncAll(ids: string[]) {
        let failed = 0;
        for (const id of ids) {
          const reply: Reply = { status: () => reply, json: (body: any) => { if (!body.success) failed++; return reply; } };
          await syncOne({ params: { id } }, reply);
        }
        return failed;
      }
    `,
  ],
  invalid: [
    // the same handler giving the failure back as its value, beside the reply: its callers must test it
    {
      code: code`
        import axios from 'axios';
        type Reply = { status(code: number): Reply; json(body: unknown): Reply };
        export async function syncOne(req: { params: { id: string } }, res: Reply) {
          try {
            await axios.post('${META}', { messaging_product: 'whatsapp', to: req.params.id, type: 'text', text: { body: 'synced' } });
            return res.json({ success: true });
          } catch (err: any) {
            return { success: false, error: err.response?.data?.error?.message };
          }
        }
        export async function syncAll(ids: string[], reply: Reply) {
          for (const id of ids) await syncOne({ params: { id } }, reply);
        }
      `,
      errors: [{ messageId: 'failureDropped', data: dropped('syncOne', 'a failure object'), line: 12, column: 31, endLine: 12, endColumn: 65 }],
    },
  ],
});

// ─── Results tested in a `.then` callback, or through `?.` in a test (real code, round 7) ─────
ruleTester.run('no-unchecked-response: results tested in .then callbacks and through optional chaining', rule, {
  valid: [
    // the failure object is tested in the `.then` callback (after which `.catch` logs rejections)
    code`
      import axios from 'axios';
      async function notify(to: string) {
        try {
          const { data } = await axios.post('https://graph.facebook.com/v21.0/1/messages', { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'New lead' } });
          return { success: true, id: data.messages[0].id };
        } catch (e: any) {
          return { success: false, code: e.response?.data?.error?.code };
        }
      }
      export function onLead(admin: string) {
        notify(admin)
          .then((result) => {
            if (result.success) audit('sent', result.id);
            else audit('failed', result.code);
          })
          .catch((e) => audit('threw', e));
      }
    `,
    // the chain after \`.catch\` returned (its caller decides) or awaited into a variable that is tested
    code`
      import axios from 'axios';
      async function notify(to: string) {
        try {
          const { data } = await axios.post('https://graph.facebook.com/v21.0/1/messages', { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'New sale' } });
          return { success: true, id: data.messages[0].id };
        } catch (e: any) {
          return { success: false, code: e.response?.data?.error?.code };
        }
      }
      export function onSale(client: string) {
        return notify(client).catch(() => ({ success: false, code: undefined }));
      }
      export async function onRefund(client: string) {
        const result = await notify(client).catch(() => null);
        if (!result?.success) audit('refund notice failed', result?.code);
      }
    `,
    // a null failure read only through \`?.\` in a branch's test: null makes the test false
    code`
      import axios from 'axios';
      async function templateOf(waba: string) {
        try {
          const r = await axios.get(\`https://graph.facebook.com/v21.0/\${waba}/message_templates\`);
          return r.data.data[0] as { category?: string };
        } catch {
          return null;
        }
      }
      export async function categoryOf(waba: string) {
        let category = 'UTILITY';
        const found = await templateOf(waba);
        if (found?.category) category = found.category;
        return category;
      }
    `,
  ],
  invalid: [
    // the `.then` callback uses the result as a success; one that takes no result drops it
    {
      code: code`
        import axios from 'axios';
        async function notify(to: string) {
          try {
            const { data } = await axios.post('https://graph.facebook.com/v21.0/1/messages', { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'New lead' } });
            return { success: true, id: data.messages[0].id };
          } catch (e: any) {
            return { success: false, code: e.response?.data?.error?.code };
          }
        }
        export function onLead(admin: string) {
          notify(admin).then((result) => audit('sent', result.id)).catch(() => undefined);
          notify(admin).then(() => audit('sent'));
        }
      `,
      errors: [
        { messageId: 'failureUnchecked', data: dropped('notify', 'a failure object'), line: 11, column: 3, endLine: 11, endColumn: 16 },
        { messageId: 'failureDropped', data: dropped('notify', 'a failure object'), line: 12, column: 3, endLine: 12, endColumn: 16 },
      ],
    },
    // only rejections handled: \`.catch\` and \`.finally\` pass the failure object on, and the statement drops it;
    // a chain that is returned or awaited into a tested variable hands it on or tests it (valid cases above)
    {
      code: code`
        import axios from 'axios';
        async function notify(to: string) {
          try {
            const { data } = await axios.post('https://graph.facebook.com/v21.0/1/messages', { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'New sale' } });
            return { success: true, id: data.messages[0].id };
          } catch (e: any) {
            return { success: false, code: e.response?.data?.error?.code };
          }
        }
        export function onSale(client: string) {
          notify(client).catch((err) => console.log('notification failed', err));
          notify(client).catch(() => undefined).finally(() => audit('done'));
        }
      `,
      errors: [
        { messageId: 'failureDropped', data: dropped('notify', 'a failure object'), line: 11, column: 3, endLine: 11, endColumn: 17 },
        { messageId: 'failureDropped', data: dropped('notify', 'a failure object'), line: 12, column: 3, endLine: 12, endColumn: 17 },
      ],
    },
    // \`?.\` outside a test is a use: a null result is not told from a template without a category
    {
      code: code`
        import axios from 'axios';
        async function templateOf(waba: string) {
          try {
            const r = await axios.get(\`https://graph.facebook.com/v21.0/\${waba}/message_templates\`);
            return r.data.data[0] as { category?: string };
          } catch {
            return null;
          }
        }
        export async function categoryOf(waba: string) {
          const found = await templateOf(waba);
          return { category: found?.category };
        }
      `,
      errors: [{ messageId: 'failureUnchecked', data: { ...dropped('templateOf', 'null'), what: 'request' }, line: 11, column: 23, endLine: 11, endColumn: 39 }],
    },
    // \`?.\` in a test of a failure object: the object is truthy, so the test lets the failure through
    {
      code: code`
        import axios from 'axios';
        async function notify(to: string) {
          try {
            const { data } = await axios.post('https://graph.facebook.com/v21.0/1/messages', { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'New lead' } });
            return { success: true, id: data.messages[0].id };
          } catch (e: any) {
            return { success: false, code: e.response?.data?.error?.code };
          }
        }
        export async function onLead(admin: string) {
          const sent = await notify(admin);
          if (sent?.id !== undefined || sent?.code) audit('done');
        }
      `,
      errors: [{ messageId: 'failurePassesTest', data: dropped('notify', 'a failure object'), line: 11, column: 22, endLine: 11, endColumn: 35 }],
    },
  ],
});

// A test of a field that no failure value has (`if (sent.id)` where a failure is `{ error }`) tells a failure
// from a success; a field the failure value has does not.
ruleTester.run('no-unchecked-response: tests of a field that every failure value lacks', rule, {
  valid: [
    // the failure object has only `error`: `sent.id` is undefined on a failure, and the code acts on it
    code`
      const GRAPH = 'https://graph.facebook.com/v22.0';
      async function sendText(to: string, body: string): Promise<{ id?: string; error?: string }> {
        const res = await fetch(\`\${GRAPH}/\${process.env.PHONE_ID}/messages\`, { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text: { body } }) });
        const data = await res.json().catch(() => ({}));
        if (res.ok && data?.messages?.[0]?.id) return { id: data.messages[0].id as string };
        return { error: data?.error?.message || \`HTTP \${res.status}\` };
      }
      export async function reply(to: string) {
        const sent = await sendText(to, 'Thanks, we got your order');
        if (sent.id) await saveOutbound(to, sent.id);
      }
    `,
    // the field test behind a guard against a null result (\`r && r.id\`, \`!r || !r.id\`): the field decides
    code`
      const GRAPH = 'https://graph.facebook.com/v22.0';
      async function sendText(to: string, body: string) {
        const res = await fetch(\`\${GRAPH}/\${process.env.PHONE_ID}/messages\`, { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text: { body } }) });
        const data = await res.json();
        if (!res.ok) return { sent: false, error: data.error.message as string };
        return { sent: true, id: data.messages[0].id as string };
      }
      export async function reply(to: string) {
        const first = await sendText(to, 'Thanks, we got your order');
        const shown = first && first.id ? first.id : 'not sent';
        const second = await sendText(to, 'It ships tomorrow');
        if (!second || !second.id) return report(to, shown);
        await saveOutbound(to, second.id);
      }
    `,
    // \`{ ok: false, error }\`: a branch on the list read through \`?.\` (\`undefined\` on a failure)
    code`
      const GRAPH = 'https://graph.facebook.com/v22.0';
      async function graphGet(path: string): Promise<{ ok: boolean; data?: { data?: { name: string }[] }; error?: string }> {
        const r = await fetch(\`\${GRAPH}/\${path}\`, { headers: { Authorization: \`Bearer \${process.env.WA_TOKEN}\` } });
        const d = await r.json().catch(() => ({}));
        if (!r.ok) return { ok: false, error: d?.error?.message ?? String(r.status) };
        return { ok: true, data: d };
      }
      export async function templateNames(waba: string) {
        const r = await graphGet(\`\${waba}/message_templates\`);
        if (!r.data?.data) throw new Error('templates unavailable');
        return r.data.data.map((t) => t.name);
      }
    `,
  ],
  invalid: [
    // the failure object has \`to\` too: \`if (r.to)\` is true on a failure, so the failed send is announced as sent
    {
      code: code`
        const GRAPH = 'https://graph.facebook.com/v22.0';
        async function sendText(to: string, body: string) {
          const res = await fetch(\`\${GRAPH}/\${process.env.PHONE_ID}/messages\`, { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text: { body } }) });
          if (!res.ok) return { to, error: await res.text() };
          return { to, id: (await res.json()).messages[0].id as string };
        }
        export async function reply(user: string) {
          const r = await sendText(user, 'hi');
          if (r.to) announce(r.to);
        }
      `,
      errors: [{ messageId: 'failureUnchecked', data: dropped('sendText', 'a failure object'), line: 8, column: 19, endLine: 8, endColumn: 39 }],
    },
    // a default of a field in a log line decides nothing: the failure object goes to the client as the result
    {
      code: code`
        const GRAPH = 'https://graph.facebook.com/v22.0';
        async function getTemplates(waba: string) {
          const res = await fetch(\`\${GRAPH}/\${waba}/message_templates\`);
          if (!res.ok) return { success: false, error: (await res.json()).error.message as string };
          return { success: true, templates: (await res.json()).data as unknown[] };
        }
        export async function list(req: { waba: string }, res: { json(v: unknown): void }) {
          const result = await getTemplates(req.waba);
          console.log(\`templates: \${result.templates?.length || 0}\`);
          res.json(result);
        }
      `,
      errors: [{ messageId: 'failureUnchecked', data: { ...dropped('getTemplates', 'a failure object'), what: 'request' }, line: 8, column: 24, endLine: 8, endColumn: 46 }],
    },
    // a field test next to a test of the result's truth: \`r?.code\` is set on a failure, so the \`||\` lets it through
    {
      code: code`
        const GRAPH = 'https://graph.facebook.com/v22.0';
        async function sendText(to: string) {
          const res = await fetch(\`\${GRAPH}/\${process.env.PHONE_ID}/messages\`, { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text: { body: 'x' } }) });
          const body = await res.json();
          if (!res.ok) return { error: body.error.message as string, code: body.error.code as number };
          return { id: body.messages[0].id as string };
        }
        export async function reply(user: string) {
          const r = await sendText(user);
          if (r.id || r?.code) done(user);
        }
      `,
      errors: [{ messageId: 'failurePassesTest', data: dropped('sendText', 'a failure object'), line: 9, column: 19, endLine: 9, endColumn: 33 }],
    },
  ],
});

// A test suite sends to a stub and checks what the stub captured: the result it drops is no lost failure.
const suiteSend = (runner: string) => code`
  const GRAPH = 'https://graph.facebook.com/v22.0';
  async function sendText(to: string, body: string): Promise<{ id?: string; error?: string }> {
    const res = await fetch(\`\${GRAPH}/\${process.env.PHONE_ID}/messages\`, { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text: { body } }) });
    const data = await res.json().catch(() => ({}));
    if (res.ok) return { id: data.messages[0].id as string };
    return { error: data?.error?.message ?? String(res.status) };
  }
  ${runner}('sends the text body', async () => {
    await sendText('15550001111', 'hi');
    expect(captured()).toEqual({ body: 'hi' });
  });
  declare function captured(): unknown;
`;

ruleTester.run('no-unchecked-response: results dropped in a test suite', rule, {
  valid: [suiteSend('it'), suiteSend('test.only'), suiteSend('describe')],
  invalid: [
    // a function handed to any other call (a job runner) is no test: the failed send is lost there
    {
      code: suiteSend('schedule'),
      errors: [{ messageId: 'failureDropped', data: dropped('sendText', 'a failure object'), line: 9, column: 9, endLine: 9, endColumn: 38 }],
    },
  ],
});

// ─── Click-to-WhatsApp ads through the Graph helper of a WhatsApp module (real code) ─
// One helper makes every Graph request of the module and gives failures back as
// values. The ads are Marketing API requests (an ad account path, a campaign's id)
// even when their parameters and names say WhatsApp; a send through the same
// helper is a Cloud API request.
const GRAPH_HELPER = `const GRAPH = 'https://graph.facebook.com/v21.0';
async function graph(path: string, params: Record<string, string>) {
  const res = await fetch(\`\${GRAPH}/\${path}\`, { method: 'POST', headers: { Authorization: \`Bearer \${process.env.META_TOKEN}\` }, body: new URLSearchParams(params) });
  const body = await res.json();
  if (!res.ok) return { ok: false as const, error: body.error };
  return { ok: true as const, data: body };
}
export async function createCtwaCampaign(accountId: string, name: string) {
  const r = await graph(\`act_\${accountId}/campaigns\`, { name, objective: 'OUTCOME_ENGAGEMENT', destination: 'WHATSAPP' });
  return r.data.id;
}
export async function whatsAppAdBudget(input: { campaignId: string }) {
  const r = await graph(input.campaignId, { fields: 'daily_budget' });
  return r.data.daily_budget;
}
`;

ruleTester.run('no-unchecked-response: Click-to-WhatsApp ads beside the sends', rule, {
  valid: [{ filename: 'src/meta/ads.ts', code: GRAPH_HELPER }],
  invalid: [
    {
      filename: 'src/meta/ads.ts',
      code: `${GRAPH_HELPER}export async function sendReceipt(phoneNumberId: string, to: string) {
  const r = await graph(\`\${phoneNumberId}/messages\`, { messaging_product: 'whatsapp', to, type: 'text' });
  return r.data.messages[0].id;
}
`,
      errors: [{ messageId: 'failureUnchecked', data: dropped('graph', 'a failure object'), line: 17, column: 19, endLine: 17, endColumn: 106 }],
    },
  ],
});

// A catch that runs to its end only in a branch that tested the caught error's code (Twilio's 21211, an
// invalid `To`) made a decision on that code; every other code is rethrown. The `undefined` it ends with is
// that decision, not a failure lost, so callers that drop it lose nothing.
const decidedCatch = (test: string, elseBranch = 'throw error;') => code`
  import twilio from 'twilio';
  import { isSame } from './compare';
  const client = twilio(process.env.SID, process.env.TOKEN);
  export async function sendWhatsapp(to: string, body: string) {
    try {
      const message = await client.messages.create({ from: 'whatsapp:+14155238886', to: \`whatsapp:\${to}\`, body });
      return message.sid;
    } catch (error) {
      await store({ to, status: 'failed', errorCode: error.code });
      if (${test}) {
        console.log(\`not sent to \${to}: \${error.message}\`);
      } else {
        ${elseBranch}
      }
    }
  }
  export async function job(to: string) {
    await sendWhatsapp(to, 'hi');
  }
  declare function store(row: object): Promise<void>;
`;
const twilioDropped = { wrapper: 'sendWhatsapp', provider: 'twilio', shape: 'undefined', what: 'send' };

ruleTester.run('no-unchecked-response: a catch that falls off its end only after deciding on the code', rule, {
  valid: [
    // the code compared with a documented value
    decidedCatch('error.code === 21211'),
    // compared through a predicate of another file (its values unknown here)
    decidedCatch('isSame(error.code, Codes.toNumberDoesNotExist)'),
    // one of a list of codes
    decidedCatch('[21211, 21614].includes(error.code) && to.length > 0'),
  ],
  invalid: [
    // a truth test of the code decides on no code: every coded failure falls off the end
    {
      code: decidedCatch('error.code'),
      errors: [{ messageId: 'failureDropped', data: twilioDropped, line: 18, column: 9, endLine: 18, endColumn: 31 }],
    },
    // the code decided one branch, but the other branch falls off the end too
    {
      code: decidedCatch('error.code === 21211', 'console.error(error);'),
      errors: [{ messageId: 'failureDropped', data: twilioDropped, line: 18, column: 9, endLine: 18, endColumn: 31 }],
    },
    // no `else`: every other code falls through the `if`
    {
      code: decidedCatch('error.code === 21211').replace(/\} else \{\s*throw error;\s*\}/, '}'),
      errors: [{ messageId: 'failureDropped', data: twilioDropped, line: 16, column: 9, endLine: 16, endColumn: 31 }],
    },
  ],
});

// ─── The body read as text (real-code round 11) ──────
const UNCHECKED_FETCH = { provider: 'meta-cloud', field: 'body.error.code', client: 'fetch', check: 'ok', example: META_EXAMPLE, what: 'send' };

ruleTester.run('no-unchecked-response: the body read with text()', rule, {
  valid: [
    // the text parsed back, and its error field tested
    code`
      export async function send(to: string) {
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to }) });
        const body = JSON.parse(await res.text());
        if (body.error) throw new Error(body.error.message);
        return body.messages[0].id;
      }
    `,
    // ok tested before the text is handed back
    code`
      export async function send(to: string) {
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to }) });
        const text = await res.text();
        if (!res.ok) throw new Error(\`send failed: \${res.status}\`);
        return { result: text };
      }
    `,
  ],
  invalid: [
    // the text handed back as a result: a failed send is returned as if it were one
    {
      code: code`
        export async function send(to: string) {
          const res = await fetch('${META}', { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to }) });
          const text = await res.text();
          return { result: text };
        }
      `,
      errors: [{ messageId: 'unchecked', data: UNCHECKED_FETCH, line: 2, column: 21, endLine: 2, endColumn: 163 }],
    },
    // through .then(), into the resolve() of a promise the function returns
    {
      code: code`
        export function send(to: string) {
          return new Promise((resolve, reject) => {
            fetch('${META}', { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to }) })
              .then((response) => response.text())
              .then((result) => resolve({ result }))
              .catch(reject);
          });
        }
      `,
      errors: [{ messageId: 'unchecked', data: UNCHECKED_FETCH, line: 3, column: 5, endLine: 3, endColumn: 147 }],
    },
  ],
});

// ─── A second request on the error path (real-code round 11) ───────────────────
// A wrapper that, on one code, sends again to a fallback number and returns that request's data: with a client that
// throws on HTTP errors, reaching that `return` means the second request succeeded; the wrapper rethrows otherwise.
ruleTester.run('no-unchecked-response: a fallback request returned from the catch', rule, {
  valid: [
    code`
      import axios from 'axios';
      const url = (id: string) => \`https://graph.facebook.com/v21.0/\${id}/messages\`;
      async function post(payload: object, id: string, fallbackId: string) {
        try {
          const response = await axios.post(url(id), payload);
          return response.data;
        } catch (error: any) {
          if (error.response?.data?.error?.code === 131005 && fallbackId !== id) {
            try {
              const retried = await axios.post(url(fallbackId), payload);
              return retried.data;
            } catch (again) {
              throw again;
            }
          }
          throw error;
        }
      }
      export async function markRead(messageId: string) {
        try {
          await post({ messaging_product: 'whatsapp', status: 'read', message_id: messageId }, '1', '2');
        } catch {
          // a read receipt is not worth failing the turn for
        }
      }
    `,
  ],
  invalid: [
    // decoy: the fallback goes through fetch, which resolves on a failed send, so its error body is handed back
    {
      code: code`
        import axios from 'axios';
        const url = (id: string) => \`https://graph.facebook.com/v21.0/\${id}/messages\`;
        async function post(payload: object, id: string, fallbackId: string) {
          try {
            const response = await axios.post(url(id), payload);
            return response.data;
          } catch (error) {
            const res = await fetch(url(fallbackId), { method: 'POST', body: JSON.stringify(payload) });
            return res.json();
          }
        }
        export async function notify(to: string) {
          await post({ messaging_product: 'whatsapp', to, type: 'text', text: { body: 'Your order shipped' } }, '1', '2');
        }
      `,
      errors: [
        { messageId: 'unchecked', line: 8, column: 23 },
        { messageId: 'failureDropped', data: { wrapper: 'post', provider: 'meta-cloud', shape: 'the error body', what: 'send' }, line: 13, column: 9 },
      ],
    },
  ],
});

// ─── Clients handed in by the callers (real-code round 12) ────────────────────
// test/fixtures/cross-file/handed: deliver.ts sends on the client its options
// hand it and gives failures back as `{ ok: false, error }`; alerts.ts hands it
// a Twilio client. mixed.ts is handed a Twilio client by mixed-twilio.ts and
// another client by mixed-other.ts, so its calls are no provider's.
const HANDED_APP = fileURLToPath(new URL('../fixtures/cross-file/handed/', import.meta.url));
const handedFile = (name: string) => ({ filename: `${HANDED_APP}src/${name}`, code: readFileSync(`${HANDED_APP}src/${name}`, 'utf8') });

ruleTester.run('no-unchecked-response: clients handed in by the callers', rule, {
  valid: [handedFile('mixed-twilio.ts'), handedFile('relay-use.ts')],
  invalid: [
    {
      ...handedFile('alerts.ts'),
      errors: [{ messageId: 'failureDropped', data: { wrapper: 'deliver', provider: 'twilio', shape: 'a failure object', what: 'send' }, line: 7, column: 9, endLine: 7, endColumn: 56 }],
    },
    // in the same file: a send handed the client as a plain parameter
    {
      code: code`
        import twilio from 'twilio';
        const client = twilio(sid, token);
        async function post(sender, to: string) {
          try {
            return await sender.messages.create({ from: 'whatsapp:+14155238886', to: \`whatsapp:\${to}\`, body: 'hi' });
          } catch (err) {
            return null;
          }
        }
        export async function remind(to: string) {
          await post(client, to);
        }
      `,
      filename: 'remind.ts',
      errors: [{ messageId: 'failureDropped', data: { wrapper: 'post', provider: 'twilio', shape: 'null', what: 'send' }, line: 11, column: 9, endLine: 11, endColumn: 25 }],
    },
  ],
});

// ─── A wrapper's failure object tested on its flag (real-code round 12) ────────
ruleTester.run("no-unchecked-response: a wrapper's failure object tested on its flag", rule, {
  valid: [],
  invalid: [
    // `notify` tests `deliver`'s `ok` and gives back a failure object of its own: its callers must test it
    {
      code: code`
        import twilio from 'twilio';
        const client = twilio(sid, token);
        async function deliver(to: string, body: string) {
          try {
            const m = await client.messages.create({ from: 'whatsapp:+14155238886', to: \`whatsapp:\${to}\`, body });
            return { ok: true, sid: m.sid };
          } catch (e) {
            return { ok: false, errorCode: e.code, errorMessage: e.message };
          }
        }
        async function notify(to: string, body: string) {
          const result = await deliver(to, body);
          if (result.ok) return { ok: true, sid: result.sid };
          return { ok: false, error: result.errorMessage, code: result.errorCode };
        }
        export async function onApprove(phone: string) {
          await notify(phone, 'Approved');
          const sent = await notify(phone, 'Approved again');
          if (!sent.ok) console.warn(sent.error);
        }
      `,
      filename: 'notify.ts',
      errors: [{ messageId: 'failureDropped', data: { wrapper: 'notify', provider: 'twilio', shape: 'a failure object', what: 'send' }, line: 17, column: 9, endLine: 17, endColumn: 34 }],
    },
  ],
});

// A wrapper that only logs a failed send and returns nothing: its callers cannot tell a failure from a send.
// Reported where a caller then records a success (a counter or flag named for it, a status that says so).
const swallowed = (wrapper: string, provider: string) => ({ wrapper, provider, what: 'send' });

ruleTester.run('no-unchecked-response: wrappers that only log their failures', rule, {
  valid: [
    // the caller replies and moves on: nothing is recorded as sent
    code`
      import twilio from 'twilio';
      const client = twilio(sid, token);
      async function reply(to: string, body: string) {
        try {
          await client.messages.create({ from: 'whatsapp:+14155238886', to, body });
        } catch (error) {
          console.error('reply failed', error);
        }
      }
      export async function onMessage(from: string) {
        await reply(from, 'Thanks, we got it');
        state.step = 'WAITING';
      }
    `,
    // the wrapper rethrows: the counter after it is reached only on a send
    code`
      import twilio from 'twilio';
      const client = twilio(sid, token);
      async function send(to: string, body: string) {
        try {
          await client.messages.create({ from: 'whatsapp:+14155238886', to, body });
        } catch (error) {
          console.error('send failed', error);
          throw error;
        }
      }
      export async function broadcast(numbers: string[]) {
        let sent = 0;
        for (const to of numbers) {
          try { await send(to, 'Sale starts today'); sent++; } catch { /* counted below */ }
        }
        return sent;
      }
    `,
    // the wrapper keeps the failure in a record of its own
    code`
      import twilio from 'twilio';
      const client = twilio(sid, token);
      async function send(to: string, body: string) {
        try {
          await client.messages.create({ from: 'whatsapp:+14155238886', to, body });
        } catch (error) {
          await failures.insert({ to, error });
        }
      }
      export async function broadcast(numbers: string[]) {
        let sent = 0;
        for (const to of numbers) { await send(to, 'Sale starts today'); sent++; }
        return sent;
      }
    `,
    // a status written in a branch of what follows decides on something else
    code`
      import twilio from 'twilio';
      const client = twilio(sid, token);
      async function send(to: string, body: string) {
        try {
          await client.messages.create({ from: 'whatsapp:+14155238886', to, body });
        } catch (error) {
          console.error(error);
        }
      }
      export async function welcome(user: { phone: string; isNew: boolean }) {
        await send(user.phone, 'Welcome!');
        if (user.isNew) await campaigns.create({ name: 'welcome', status: 'sent' });
      }
    `,
    // a request that sends nothing (a template check that gives up quietly) is no send counted
    code`
      async function checkTemplate(name: string) {
        try {
          const res = await fetch(\`https://graph.facebook.com/v21.0/\${wabaId}/message_templates?name=\${name}\`);
          if (!res.ok) console.warn('could not check the template', res.status);
        } catch {
          return;
        }
      }
      export async function saveRule(rule: { template: string }) {
        await checkTemplate(rule.template);
        report.success = true;
      }
    `,
    // a position in the list counted up is no success
    code`
      import twilio from 'twilio';
      const client = twilio(sid, token);
      async function send(to: string, body: string) {
        try {
          await client.messages.create({ from: 'whatsapp:+14155238886', to, body });
        } catch (error) {
          console.error(error);
        }
      }
      export async function drain(numbers: string[]) {
        let index = 0;
        while (index < numbers.length) { await send(numbers[index], 'Hello'); index++; }
      }
    `,
  ],
  invalid: [
    // a broadcast that counts every call as sent: the catch around it never sees a failure
    {
      code: code`
        import twilio from 'twilio';
        const client = twilio(sid, token);
        async function sendRest(to: string, body: string) {
          try {
            await client.messages.create({ from: 'whatsapp:+14155238886', to, body });
          } catch (error) {
            console.error('send failed', error);
          }
        }
        export async function broadcast(numbers: string[]) {
          let successCount = 0;
          for (const to of numbers) {
            try {
              await sendRest(to, 'Sale starts today');
              successCount++;
            } catch (err) {
              console.error(err);
            }
          }
          return successCount;
        }
      `,
      errors: [{ messageId: 'failureSwallowed', data: swallowed('sendRest', 'twilio'), line: 14, column: 13, endLine: 14, endColumn: 46 }],
    },
    // fetch: the failed response only logged, then the message is stored as sent
    {
      code: code`
        async function sendWhatsApp(payload: object) {
          const res = await fetch('${META}', { method: 'POST', headers: { Authorization: \`Bearer \${token}\` }, body: JSON.stringify(payload) });
          if (!res.ok) console.error('WhatsApp send failed', res.status, await res.text());
        }
        export async function remind(order: { id: string; phone: string }) {
          await sendWhatsApp({ messaging_product: 'whatsapp', to: order.phone, type: 'text', text: { body: 'Your order is ready' } });
          await db.reminders.update(order.id, { status: 'sent' });
        }
      `,
      errors: [{ messageId: 'failureSwallowed', data: swallowed('sendWhatsApp', 'meta-cloud'), line: 6, column: 9, endLine: 6, endColumn: 126 }],
    },
  ],
});

// ─── Clients made by a factory in another file ─────────────────────────────────
// One WhatsApp number per account: `AccountsService.apiFor(id)` returns what `ApiFactory.forAccount` makes,
// a `WaApi`, whose `sendText` gives the error body back (test/fixtures/cross-file/factories).
const FACTORIES = fileURLToPath(new URL('../fixtures/cross-file/factories/', import.meta.url));
const notifyService = (body: string) => code`
  import { AccountsService } from './accounts.service';
  import { channelFor, providerFor, type TwilioAccount } from './api-factory';
  import { channel, fromRegistry, fromTable } from './provider-table';
  import { getProvider } from './provider';
  export class NotifyService {
    constructor(private readonly accounts: AccountsService) {}
    async shipped(accountId: string, to: string, kind: string, twilio: TwilioAccount) {
      ${body}
    }
  }
`;

const TWILIO_DISCARDED = { provider: 'twilio', field: 'body.code', what: 'send', example: '63016 (Outside messaging window)' };
const META_DISCARDED = { provider: 'meta-cloud', field: 'body.error.code', what: 'send', example: META_EXAMPLE };
/** A send in `NotifyService.shipped` whose result is dropped, reported where the body's second line has it by default. */
const discardedIn = (body: string, data: Readonly<Record<string, unknown>>, at = { line: 9, column: 5, endLine: 9, endColumn: 43 }) => ({
  filename: `${FACTORIES}src/notify.service.ts`,
  code: notifyService(body),
  errors: [{ messageId: 'discarded' as const, data, ...at }],
});

ruleTester.run('no-unchecked-response: clients made by a factory in another file', rule, {
  valid: [
    // the factory makes a mail client: no provider
    { filename: `${FACTORIES}src/notify.service.ts`, code: notifyService("const mail = await this.accounts.mailerFor();\n      mail.sendText(to, 'Your order shipped');") },
    // the factory makes one of two classes: which one is not known here
    { filename: `${FACTORIES}src/notify.service.ts`, code: notifyService("const client = await this.accounts.clientFor('whatsapp', accountId);\n      client.sendText(to, 'Your order shipped');") },
    // a factory of a mail client or a stand-in: the mail client
    { filename: `${FACTORIES}src/notify.service.ts`, code: notifyService("const mail = await this.accounts.testMailer();\n      mail.sendText(to, 'Your order shipped');") },
    // a factory of a Twilio client or a mail client: which one is not known here
    { filename: `${FACTORIES}src/notify.service.ts`, code: notifyService("const client = channelFor(kind, twilio);\n      client.sendText(to, 'Your order shipped');") },
    // a factory of a Twilio or a Cloud API client, the result tested
    {
      filename: `${FACTORIES}src/notify.service.ts`,
      code: notifyService("const api = providerFor(kind, { phoneNumberId: accountId, token: '' }, twilio);\n      const sent = await api.sendText(to, 'Your order shipped');\n      if (sent.code) throw new Error(sent.message, { cause: sent });"),
    },
    // a class picked from a table of a Twilio and a mail client: which one is not known here
    { filename: `${FACTORIES}src/notify.service.ts`, code: notifyService("const client = channel(kind as 'whatsapp' | 'mail', { id: accountId, token: '', from: '' });\n      client.sendText(to, 'Your order shipped');") },
    // the mail client, picked with a literal key
    { filename: `${FACTORIES}src/notify.service.ts`, code: notifyService("const client = channel('mail', { id: accountId, token: '', from: '' });\n      client.sendText(to, 'Your order shipped');") },
    // a stand-in and the real client, the result tested
    {
      filename: `${FACTORIES}src/notify.service.ts`,
      code: notifyService("const api = await this.accounts.liveFor(accountId);\n      const sent = await api.sendText(to, 'Your order shipped');\n      if ('error' in sent) throw new Error('send failed', { cause: sent });"),
    },
    // the result is tested
    {
      filename: `${FACTORIES}src/notify.service.ts`,
      code: notifyService("const api = await this.accounts.apiFor(accountId);\n      const sent = await api.sendText(to, 'Your order shipped');\n      if (sent.error) throw new Error(sent.error.message, { cause: sent });"),
    },
  ],
  invalid: [
    discardedIn("const api = await this.accounts.apiFor(accountId);\n      api.sendText(to, 'Your order shipped');", META_DISCARDED),
    // a factory picking a stand-in or the real client: the real one
    discardedIn("const api = await this.accounts.liveFor(accountId);\n      api.sendText(to, 'Your order shipped');", META_DISCARDED),
    // a factory of two providers' clients (a switch on the name): each one sends, the first one names the provider
    discardedIn("const api = providerFor(kind, { phoneNumberId: accountId, token: '' }, twilio);\n      api.sendText(to, 'Your order shipped');", TWILIO_DISCARDED),
    discardedIn("await providerFor(kind, { phoneNumberId: accountId, token: '' }, twilio).sendText(to, 'Your order shipped');", TWILIO_DISCARDED, { line: 8, column: 11, endLine: 8, endColumn: 112 }),
    // a class picked from an object of provider classes, or from a Map of them
    discardedIn("const api = fromTable(kind as 'twilio' | 'meta', { id: accountId, token: '', from: '' });\n      api.sendText(to, 'Your order shipped');", TWILIO_DISCARDED),
    // picked with a literal key: that key's class
    discardedIn("const api = fromTable('meta', { id: accountId, token: '', from: '' });\n      api.sendText(to, 'Your order shipped');", META_DISCARDED),
    discardedIn("const client = channel('whatsapp', { id: accountId, token: '', from: '' });\n      client.sendText(to, 'Your order shipped');", TWILIO_DISCARDED, { line: 9, column: 5, endLine: 9, endColumn: 46 }),
    discardedIn("const api = fromRegistry(kind, { id: accountId, token: '', from: '' });\n      api.sendText(to, 'Your order shipped');", TWILIO_DISCARDED),
    // a module singleton assigned the stand-in or the real client
    discardedIn("const api = getProvider({ phoneNumberId: accountId, token: process.env.WA_TOKEN ?? '' });\n      api.sendText(to, 'Your order shipped');", META_DISCARDED),
  ],
});

// ─── Promises nothing awaits or catches ────────────────────────────────────────
// A client that rejects on a failed send (the Twilio SDK, axios, a wrapper that lets the error out),
// called as a statement: the rejection is unhandled, and its code goes nowhere.
const floatingTwilio = (body: string) => code`
  import twilio from 'twilio';
  const client = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);
  export async function remind(to: string, text: string) {
    ${body}
  }
`;
const floatingAxios = (body: string) => code`
  import axios from 'axios';
  async function sendWhatsApp(to: string, text: string) {
    const res = await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: text } });
    return res.data.messages[0].id;
  }
  export async function broadcast(recipients: string[], text: string) {
    ${body}
  }
`;
const TWILIO_FLOAT = { provider: 'twilio', what: 'send', example: "63016 (Outside messaging window)" };
/** A Twilio send as a statement, with `chain` after it, that nothing awaits: reported at the send. */
const floatsAtSend = (chain: string) => ({
  code: floatingTwilio(`client.messages.create({ from: 'whatsapp:+15550001111', to: \`whatsapp:\${to}\`, body: text })${chain};`),
  errors: [{ messageId: 'floating' as const, data: TWILIO_FLOAT, line: 4, column: 3, endLine: 4, endColumn: 94 }],
});
const META_FLOAT = { provider: 'meta-cloud', what: 'send', example: META_EXAMPLE };

ruleTester.run('no-unchecked-response: promises nothing awaits or catches', rule, {
  valid: [
    floatingTwilio("await client.messages.create({ from: 'whatsapp:+15550001111', to: `whatsapp:${to}`, body: text });"),
    floatingTwilio("return client.messages.create({ from: 'whatsapp:+15550001111', to: `whatsapp:${to}`, body: text });"),
    // handled by .catch(), by .then(…, onRejected), or ignored on purpose with `void`
    floatingTwilio("client.messages.create({ from: 'whatsapp:+15550001111', to: `whatsapp:${to}`, body: text }).catch((err) => logger.error({ code: err.code }, 'reminder failed'));"),
    floatingTwilio("client.messages.create({ from: 'whatsapp:+15550001111', to: `whatsapp:${to}`, body: text }).then((m) => log(m.sid), (err) => log(err.code));"),
    floatingTwilio("void client.messages.create({ from: 'whatsapp:+15550001111', to: `whatsapp:${to}`, body: text });"),
    floatingTwilio("void client.messages.create({ from: 'whatsapp:+15550001111', to: `whatsapp:${to}`, body: text }).then((m) => log(m.sid));"),
    // a chain that ends in a rejection handler
    floatingTwilio("client.messages.create({ from: 'whatsapp:+15550001111', to: `whatsapp:${to}`, body: text }).then((m) => log(m.sid)).catch((err) => log(err.code));"),
    floatingTwilio("client.messages.create({ from: 'whatsapp:+15550001111', to: `whatsapp:${to}`, body: text }).done((m) => log(m.sid), (err) => log(err.code));"),
    // handed a callback: the SDK reports the failure to it
    floatingTwilio("client.messages.create({ from: 'whatsapp:+15550001111', to: `whatsapp:${to}`, body: text }, (err) => { if (err) log(err.code); });"),
    // kept for later
    floatingTwilio("pending.push(client.messages.create({ from: 'whatsapp:+15550001111', to: `whatsapp:${to}`, body: text }));"),
    floatingAxios('await Promise.all(recipients.map((to) => sendWhatsApp(to, text)));'),
    // a script's send at the module's top level: a rejection stops the script at once, printed with its code
    code`
      import twilio from 'twilio';
      const client = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);
      client.messages.create({ from: 'whatsapp:+15550001111', to: 'whatsapp:+15550002222', body: 'Hello from the example' });
    `,
    // a wrapper that catches every failure: nothing rejects
    code`
      import axios from 'axios';
      async function sendWhatsApp(to: string, text: string) {
        try {
          await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: text } });
        } catch (err) {
          logger.error({ err }, 'send failed');
        }
      }
      export function greet(to: string) {
        sendWhatsApp(to, 'Welcome!');
      }
    `,
    // a function that does not give the promise back handles it itself
    code`
      import axios from 'axios';
      function notify(to: string, text: string) {
        axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: text } }).catch(report);
      }
      export function greet(to: string) {
        notify(to, 'Welcome!');
      }
    `,
    // a test that asserts on the stubbed client
    code`
      import twilio from 'twilio';
      const client = twilio('AC123', 'token');
      it('sends the reminder', () => {
        client.messages.create({ from: 'whatsapp:+15550001111', to: 'whatsapp:+15550002222', body: 'hi' });
        expect(create).toHaveBeenCalledOnce();
      });
    `,
  ],
  invalid: [
    floatsAtSend(''),
    // a chain of `.then(onFulfilled)` and `.finally` rejects as the send does
    floatsAtSend('.then((m) => log(m.sid))'),
    floatsAtSend(".finally(() => log('reminder sent'))"),
    // ended with `.done()` (old Twilio samples): what no handler took is thrown, not handled
    floatsAtSend('.then((m) => log(m.sid)).done()'),
    // a wrapper that lets the provider's error out, called as a statement
    {
      code: floatingAxios('for (const to of recipients) sendWhatsApp(to, text);'),
      errors: [{ messageId: 'floating', data: META_FLOAT, line: 7, column: 32, endLine: 7, endColumn: 54 }],
    },
    // forEach drops what its callback gives back
    {
      code: floatingAxios('recipients.forEach((to) => sendWhatsApp(to, text));'),
      errors: [{ messageId: 'floating', data: META_FLOAT, line: 7, column: 30, endLine: 7, endColumn: 52 }],
    },
  ],
});

// Wrappers of another file (test/fixtures/cross-file/error-paths): `postMessage` throws the app's error with the
// code on a failed response, `notify` lets axios's rejection out, `welcome` logs its own failed send.
const PATHS_APP = fileURLToPath(new URL('../fixtures/cross-file/error-paths/', import.meta.url));
const signup = (body: string) => ({
  filename: `${PATHS_APP}src/signup.ts`,
  code: code`
    import { notify, postMessage, welcome } from './cloud';
    export async function signUp(phone: string) {
      ${body}
    }
  `,
});

ruleTester.run('no-unchecked-response: promises of wrappers in another file', rule, {
  valid: [signup('welcome(phone);'), signup("await notify(phone, 'Thanks for signing up');"), signup("notify(phone, 'Thanks').catch(() => undefined);")],
  invalid: [
    { ...signup("postMessage(process.env.PHONE_NUMBER_ID!, { to: phone, type: 'text', text: { body: 'Hi' } });"), errors: [{ messageId: 'floating', data: META_FLOAT, line: 3, column: 3, endLine: 3, endColumn: 95 }] },
    { ...signup("notify(phone, 'Thanks for signing up');"), errors: [{ messageId: 'floating', data: META_FLOAT, line: 3, column: 3, endLine: 3, endColumn: 41 }] },
  ],
});

// A parameter typed with a WhatsApp-named interface (test/fixtures/cross-file/contracts): the one implementation
// that reaches a provider (Twilio; the stand-in reaches none). A mail contract's parameter stays unknown.
const CONTRACTS = fileURLToPath(new URL('../fixtures/cross-file/contracts/', import.meta.url));
const notifier = (body: string) => ({
  filename: `${CONTRACTS}src/notify.ts`,
  code: code`
    import type { MailApi } from './mail-api';
    import type { WhatsAppApi } from './whatsapp-api';
    import { whatsappClient } from './clients';
    export class ApprovalsController {
      private readonly whatsapp = whatsappClient();
      approve(subscribers: { phone: string; email: string }[], mail: MailApi) {
        return notifySubscribers(subscribers, this.whatsapp, mail);
      }
    }
    async function notifySubscribers(subscribers: { phone: string; email: string }[], whatsapp: WhatsAppApi, mail: MailApi) {
      for (const subscriber of subscribers) {
        ${body}
      }
    }
  `,
});

ruleTester.run('no-unchecked-response: clients handed in as a WhatsApp contract', rule, {
  valid: [
    notifier("mail.send(subscriber.email, 'Flight plan approved');"),
    notifier("await whatsapp.sendTemplate(subscriber.phone, 'HX0001', { 1: 'approved' });"),
  ],
  invalid: [
    {
      ...notifier("whatsapp.sendTemplate(subscriber.phone, 'HX0001', { 1: 'approved' });"),
      errors: [{ messageId: 'floating', data: TWILIO_FLOAT, line: 12, column: 5, endLine: 12, endColumn: 73 }],
    },
  ],
});

// A function that drops the send's promise inside: its own promise does not carry the provider's failure, so
// only the send inside is reported, not the call of the function.
ruleTester.run('no-unchecked-response: a promise dropped inside the function called', rule, {
  valid: [],
  invalid: [
    {
      code: code`
        import twilio from 'twilio';
        const client = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);
        async function alertAll(phones: string[], body: string) {
          for (const to of phones) client.messages.create({ from: 'whatsapp:+15550001111', to: \`whatsapp:\${to}\`, body });
          await audit.write('alerted', phones.length);
        }
        export function onIncident(phones: string[]) {
          alertAll(phones, 'Service degraded');
        }
      `,
      errors: [{ messageId: 'floating', data: TWILIO_FLOAT, line: 4, column: 28, endLine: 4, endColumn: 113 }],
    },
  ],
});

// ─── Several classes of one file behind a factory ──────────────────────────────
// The classes, the factory and the send in one file: the call is decided once the classes' methods are followed.
const namedChannel = (name: string, body: string) => `class ${name} {
    async send(to: string, text: string) {
      ${body}
    }
  }`;
/** A channel class that sends WhatsApp through Twilio's REST API with axios. */
const TWILIO_CHANNEL = namedChannel(
  'TwilioChannel',
  "const form = new URLSearchParams({ From: 'whatsapp:+15550001111', To: `whatsapp:${to}`, Body: text });\n      await axios.post(`https://api.twilio.com/2010-04-01/Accounts/${process.env.TWILIO_SID}/Messages.json`, form);",
);
const localChannels = (second: string, body: string) => code`
  import axios from 'axios';
  ${TWILIO_CHANNEL}
  ${second}
  function channelFor(name: string) {
    return name === 'twilio' ? new TwilioChannel() : new OtherChannel();
  }
  export function notify(name: string, to: string) {
    ${body}
  }
`;
const META_CHANNEL = namedChannel('OtherChannel', `await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: text } });`);
const MAIL_CHANNEL = namedChannel('OtherChannel', "await axios.post('https://mail.example.com/v1/send', { to, text });");

// The choice written where the instance is kept: a module's `const channel = … ? new A() : new B()`.
const keptChannel = (second: string, choice: string) => code`
  import axios from 'axios';
  ${TWILIO_CHANNEL}
  ${second}
  const channel = ${choice};
  export function notify(to: string) {
    channel.send(to, 'Your order shipped');
  }
`;

ruleTester.run('no-unchecked-response: a choice of classes kept in a variable', rule, {
  valid: [
    // Logistics is no stand-in: a client of another API, so which one sends is not known here
    keptChannel(namedChannel('LogisticsChannel', "await axios.post('https://logistics.example.com/v1/notify', { to, text });"), 'process.env.TWILIO_SID ? new TwilioChannel() : new LogisticsChannel()'),
  ],
  invalid: [
    // a stand-in that prints (its name starts with the word Log): the Twilio channel
    {
      code: keptChannel(namedChannel('LogChannel', 'console.log(to, text);'), 'process.env.TWILIO_SID ? new TwilioChannel() : new LogChannel()'),
      errors: [{ messageId: 'floating', data: TWILIO_FLOAT, line: 15, column: 3, endLine: 15, endColumn: 41 }],
    },
    // two provider channels: each sends, the first names the provider
    {
      code: keptChannel(namedChannel('MetaChannel', `await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: text } });`), "process.env.WA_PROVIDER === 'twilio' ? new TwilioChannel() : new MetaChannel()"),
      errors: [{ messageId: 'floating', data: TWILIO_FLOAT, line: 15, column: 3, endLine: 15, endColumn: 41 }],
    },
  ],
});

ruleTester.run('no-unchecked-response: several classes of one file behind a factory', rule, {
  valid: [
    // a Twilio and a mail channel: which one is not known here
    localChannels(MAIL_CHANNEL, "channelFor(name).send(to, 'Your order shipped');"),
    localChannels(META_CHANNEL, "channelFor(name).send(to, 'Your order shipped').catch((err) => log(err.code));"),
  ],
  invalid: [
    {
      code: localChannels(META_CHANNEL, "channelFor(name).send(to, 'Your order shipped');"),
      errors: [{ messageId: 'floating', data: TWILIO_FLOAT, line: 17, column: 3, endLine: 17, endColumn: 50 }],
    },
  ],
});

// ══ Node's http.request / https.request: the callback gets the response whatever its status ══
const NODE_UNCHECKED = { provider: 'meta-cloud', field: 'body.error.code', example: META_EXAMPLE, what: 'send' };

ruleTester.run('no-unchecked-response (Node http.request)', rule, {
  valid: [
    // the status is tested before the body is handed on
    nodeHttpSend(NODE_META_OPTIONS, 'if (res.statusCode !== 200) return reject(new Error(data)); resolve(JSON.parse(data));'),
    // the error field of the parsed body is tested
    nodeHttpSend(NODE_META_OPTIONS, 'const body = JSON.parse(data); if (body.error) reject(body.error); else resolve(body.messages[0].id);'),
    // the promise gives the parsed body to a caller in the file, which tests the error field
    nodeHttpSend(NODE_META_OPTIONS, 'resolve(JSON.parse(data));') +
      '\n' +
      code`
        export async function notify(to: string) {
          const result = await sendText(to, 'Your order has shipped');
          if (result.error) return { ok: false, error: result.error };
          return { ok: true, id: result.messages[0].id };
        }
      `,
    // the Messenger Send API on the same host: not WhatsApp
    {
      filename: 'messenger.ts',
      code: code`
        const https = require('https');
        export function reply(psid: string, text: string) {
          const body = JSON.stringify({ recipient: { id: psid }, message: { text } });
          return new Promise((resolve) => {
            const req = https.request({ hostname: 'graph.facebook.com', path: '/v21.0/me/messages', method: 'POST' }, (res) => {
              let data = '';
              res.on('data', (chunk) => (data += chunk));
              res.on('end', () => resolve(JSON.parse(data)));
            });
            req.end(body);
          });
        }
      `,
    },
    // another API: no provider
    nodeHttpSend("{ hostname: 'api.example.com', path: '/v1/notes', method: 'POST' }", 'resolve(JSON.parse(data));').replace("messaging_product: 'whatsapp', to, type: 'text', text: { body: text }", 'owner: to, text'),
    // `request` of another module is no Node request
    nodeHttpSend(NODE_META_OPTIONS, 'resolve(JSON.parse(data));', "import { request as https } from './transport';").replace('https.request(', 'https('),
  ],
  invalid: [
    // the parsed body resolves the promise whatever the status
    {
      code: nodeHttpSend(NODE_META_OPTIONS, 'resolve(JSON.parse(data));'),
      errors: [{ messageId: 'uncheckedCallback', data: NODE_UNCHECKED, line: 5, column: 17, endLine: 9, endColumn: 7 }],
    },
    // `import { request } from 'node:https'`, the URL as text, the payload given to a chained `.end(…)`
    {
      code: code`
        import { request } from 'node:https';
        export function sendTemplate(to: string, name: string): Promise<unknown> {
          const payload = JSON.stringify({ messaging_product: 'whatsapp', to, type: 'template', template: { name, language: { code: 'en_US' } } });
          return new Promise((resolve, reject) => {
            request(\`https://graph.facebook.com/v21.0/\${process.env.WHATSAPP_PHONE_NUMBER_ID}/messages\`, { method: 'POST' }, (res) => {
              let raw = '';
              res.on('data', (chunk: Buffer) => {
                raw += chunk;
              });
              res.on('end', () => resolve(JSON.parse(raw)));
            }).end(payload);
          });
        }
      `,
      errors: [{ messageId: 'uncheckedCallback', data: { ...NODE_UNCHECKED, example: '132001 (Template does not exist)' }, line: 5, column: 5, endLine: 11, endColumn: 7 }],
    },
    // the body's pieces pushed to an array and put together with `Buffer.concat(…).toString()` (also `join('')`)
    ...["JSON.parse(Buffer.concat(chunks).toString('utf8'))", "JSON.parse(chunks.join(''))"].map((parsed) => ({
      code: code`
        import https from 'node:https';
        export function sendText(to: string, text: string): Promise<unknown> {
          const payload = JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text: { body: text } });
          return new Promise((resolve) => {
            const req = https.request(${NODE_META_OPTIONS}, (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (chunk: Buffer) => chunks.push(chunk));
              res.on('end', () => resolve(${parsed}));
            });
            req.end(payload);
          });
        }
      `,
      errors: [{ messageId: 'uncheckedCallback' as const, data: NODE_UNCHECKED, line: 5, column: 17, endLine: 9, endColumn: 7 }],
    })),
    // follow-redirects' `https` (Infobip's own Node samples use it), to an Infobip account's host
    {
      code: code`
        const { https } = require('follow-redirects');
        export function sendWhatsApp(to: string, text: string) {
          const options = { method: 'POST', hostname: 'xyz12.api.infobip.com', path: '/whatsapp/1/message/text' };
          return new Promise((resolve, reject) => {
            const req = https.request(options, (res) => {
              let body = '';
              res.on('data', (chunk) => (body += chunk));
              res.on('end', () => resolve(JSON.parse(body)));
            });
            req.on('error', reject);
            req.end(JSON.stringify({ from: '447860099299', to, content: { text } }));
          });
        }
      `,
      errors: [
        {
          messageId: 'uncheckedCallback',
          data: { provider: 'infobip', field: 'body.requestError.serviceException.messageId', example: "'BAD_REQUEST'", what: 'request' },
          line: 5,
          column: 17,
          endLine: 9,
          endColumn: 7,
        },
      ],
    },
    // the body is only printed as it arrives (the tutorial's send): a failed send looks like any other
    {
      code: code`
        const https = require('https');
        export const sendWhatsApp = (text: string, number: string) => {
          const data = JSON.stringify({ messaging_product: 'whatsapp', to: number, type: 'text', text: { body: text } });
          const options = { host: 'graph.facebook.com', path: '/v15.0/1234567890/messages', method: 'POST' };
          const req = https.request(options, (res) => {
            res.on('data', (d) => process.stdout.write(d));
          });
          req.on('error', (error) => console.error(error));
          req.write(data);
          req.end();
        };
      `,
      errors: [{ messageId: 'uncheckedCallback', data: NODE_UNCHECKED, line: 5, column: 15, endLine: 7, endColumn: 5 }],
    },
    // Twilio's REST API: the message's sid read off an error body too
    {
      code: code`
        const https = require('node:https');
        export function notify(to: string, body: string) {
          const form = new URLSearchParams({ To: \`whatsapp:\${to}\`, From: 'whatsapp:+14155238886', Body: body }).toString();
          return new Promise((resolve) => {
            const req = https.request({ hostname: 'api.twilio.com', path: \`/2010-04-01/Accounts/\${process.env.TWILIO_ACCOUNT_SID}/Messages.json\`, method: 'POST' }, (res) => {
              let text = '';
              res.on('data', (c) => (text += c));
              res.on('end', () => resolve(JSON.parse(text).sid));
            });
            req.end(form);
          });
        }
      `,
      errors: [
        {
          messageId: 'uncheckedCallback',
          data: { provider: 'twilio', field: 'body.code', example: '63016 (Outside messaging window)', what: 'send' },
          line: 5,
          column: 17,
          endLine: 9,
          endColumn: 7,
        },
      ],
    },
  ],
});

// test/fixtures/cross-file/node-https: whatsapp.ts wraps https.request in promises made by hand
const NODE_HTTPS = fileURLToPath(new URL('../fixtures/cross-file/node-https/', import.meta.url));
const reminder = (send: string) => ({
  filename: `${NODE_HTTPS}src/reminders.ts`,
  code: code`
    import { ${send} } from './whatsapp';
    export async function remind(to: string) {
      const sent = await ${send}(to, 'See you tomorrow');
      return sent.messages[0].id;
    }
  `,
});

/** A caller of `sendFlagged`, which resolves with `{ ok: false, status }` on a failed send: `use` is what it does with the result. */
const flaggedReminder = (use: string) => ({
  filename: `${NODE_HTTPS}src/flagged-reminders.ts`,
  code: code`
    import { sendFlagged } from './whatsapp';
    export async function remind(to: string, log: { sent(to: string): void }) {
      ${use}
    }
  `,
});

ruleTester.run('no-unchecked-response: a Node send in another file', rule, {
  valid: [
    // rejects with the error body on a failed send: what it resolves with is a success
    reminder('sendChecked'),
    // resolves with a failure object, and the caller tests it
    flaggedReminder("const r = await sendFlagged(to, 'See you tomorrow'); if (!r.ok) throw new Error(`reminder failed: ${r.status}`); log.sent(to);"),
  ],
  invalid: [
    // resolves with whatever body comes back
    { ...reminder('sendLoose'), errors: [{ messageId: 'uncheckedCallback', data: NODE_UNCHECKED, line: 3, column: 22, endLine: 3, endColumn: 55 }] },
    // `resolve({ ok: false, status })` is how sendFlagged returns a failure: dropping its result loses it
    {
      ...flaggedReminder("await sendFlagged(to, 'See you tomorrow'); log.sent(to);"),
      errors: [{ messageId: 'failureDropped', data: { wrapper: 'sendFlagged', provider: 'meta-cloud', shape: 'a failure object', what: 'send' }, line: 3, column: 9, endLine: 3, endColumn: 44 }],
    },
  ],
});
