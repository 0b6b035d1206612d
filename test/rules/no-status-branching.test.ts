/**
 * no-status-branching: a test of a provider response's HTTP status is reported
 * when the documented codes behind the selected statuses need different
 * handling (two or more handling groups), and always for providers whose
 * statuses are unreliable (Meta Cloud API, CEQUENS). Tests that only tell
 * success from failure are fine.
 *
 * Expected data comes from the catalog (src/catalog/providers/*.ts): the
 * messaging-scope codes documented for the selected statuses, in catalog order.
 */
import { fileURLToPath } from 'node:url';
import { ruleTester, code } from '../rule-tester.js';
import { NODE_META_OPTIONS, nodeHttpSend } from '../node-http-send.js';
import rule from '../../rules/no-status-branching.js';

// --- expected message data -------------------------------------------------

const waServer = (status: string, count: number, codes: string) => ({ provider: 'wa-server', status, count, codes, field: 'body.error.code' });
const digiworld = (status: string, count: number, codes: string) => ({ provider: 'digiworld', status, count, codes, field: 'body.error' });
const msgbubbles = (status: string, count: number, codes: string) => ({ provider: 'msgbubbles', status, count, codes, field: 'body.error' });
const connexease = (status: string, count: number, codes: string) => ({ provider: 'connexease', status, count, codes, field: 'body.errors.code' });
const meta = (status: string) => ({ provider: 'meta-cloud', status, field: 'body.error.code' });
const cequens = (status: string) => ({ provider: 'cequens', status, field: 'body.errors[0].code' });

/** conflict (never) + five after-fix codes. */
const WA_409 = waServer('409', 6, 'conflict, device_not_connected, qr_reset_not_allowed and 3 more');
/** provider_rate_limit (provider-retries) + rate_limit_exceeded (rate-limit). */
const WA_429 = waServer('429', 2, 'provider_rate_limit and rate_limit_exceeded');
const WA_409_410 = waServer('409/410', 7, 'conflict, device_not_connected, qr_reset_not_allowed and 4 more');
const WA_409_429 = waServer('409/429', 8, 'conflict, device_not_connected, qr_reset_not_allowed and 5 more');
const WA_4XX = waServer('400–499', 19, 'validation_error, invalid_api_key, unauthorized and 16 more');
/** Five after-fix codes + three never codes. */
const DIGIWORLD_401 = digiworld('401', 8, 'missing_auth_headers, invalid_token, token_inactive and 5 more');
/** rate-limit, after-fix and never codes. */
const DIGIWORLD_429 = digiworld('429', 6, 'rate_limit_exceeded, plan_limit_reached, payg_limit_reached and 3 more');
const DIGIWORLD_401_429 = digiworld('401/429', 14, 'missing_auth_headers, invalid_token, token_inactive and 11 more');
const DIGIWORLD_401_TO_429 = digiworld('401–429', 26, 'missing_auth_headers, invalid_token, token_inactive and 23 more');
/** Four never codes + invalid_from_handle (after-fix). */
const MSGBUBBLES_400 = msgbubbles('400', 5, 'invalid_request, invalid_handle, invalid_from_handle and 2 more');
const MSGBUBBLES_401_429 = msgbubbles('401/429', 2, 'unauthorized and rate_limited');
/** Three after-fix codes + AUTH_003 (never). */
const CONNEXEASE_401 = connexease('401', 4, 'AUTH_001, AUTH_002, AUTH_003 and WABA_001');
/** AUTH_004 (transient) + AUTH_005 (after-fix). */
const CONNEXEASE_500 = connexease('500', 2, 'AUTH_004 and AUTH_005');
const CONNEXEASE_5XX = connexease('500–599', 2, 'AUTH_004 and AUTH_005');

const settings = (value: Record<string, unknown>) => ({ 'whatsapp-errors': value });

ruleTester.run('no-status-branching', rule, {
  valid: [
    // --- only success vs failure -------------------------------------------
    code`
      const res = await fetch('https://wa.sagad.net/api/v1/messages', { method: 'POST', body: JSON.stringify(payload) });
      if (!res.ok) throw new Error('send failed');
    `,
    code`
      const res = await fetch('https://wa.sagad.net/api/v1/messages', { method: 'POST' });
      if (res.status >= 400) throw new Error('send failed');
    `,
    code`
      const res = await fetch('https://api.msgbubbles.com/v1/messages', { method: 'POST' });
      if (res.status < 300) markSent();
    `,
    code`
      const res = await fetch('https://digichat.digiworld-dev.com/api/whatsapp/abc/sendMessage', { method: 'POST', body });
      if (res.status >= 200 && res.status < 300) markSent();
    `,
    code`
      const { status } = await fetch('https://wa.sagad.net/api/v1/messages', { method: 'POST' });
      if (status >= 400 && status <= 599) fail();
    `,
    code`
      const res = await fetch('https://api.gateway.connexease.com/v1/messages', { method: 'POST' });
      if (res.status < 400) markSent();
    `,
    code`
      const res = await fetch('https://wa.sagad.net/api/v1/messages', { method: 'POST' });
      if (res.status === 200 || res.status === 201) markSent();
    `,
    code`
      import axios from 'axios';

      try {
        await axios.post('https://wa.sagad.net/api/v1/messages', payload);
      } catch (err) {
        if (err.response?.status > 399) report(err);
      }
    `,
    // Meta: telling success from failure is fine even where statuses are unreliable.
    code`
      const res = await fetch(\`https://graph.facebook.com/v21.0/\${phoneNumberId}/messages\`, { method: 'POST', body: JSON.stringify(message) });
      if (!res.ok || res.status >= 400) throw new Error('send failed');
      if (res.status === 200) markAccepted();
    `,
    code`
      const res = await fetch('https://apis.cequens.com/conversation-app/v1/messages', { method: 'POST' });
      if (res.status < 300) markSent();
    `,

    // --- a status that selects one documented code ---------------------------
    // Digiworld 402 → insufficient_balance
    code`
      const res = await fetch('https://digichat.digiworld-dev.com/api/whatsapp/abc/sendMessage', { method: 'POST', body });
      if (res.status === 402) await topUpWallet();
    `,
    // wa-server 404 → not_found
    code`
      import axios from 'axios';

      try {
        await axios.get('https://wa.sagad.net/api/v1/devices/abc');
      } catch (err) {
        if (err.response.status === 404) forgetDevice();
      }
    `,
    // Digiworld 409 → payg_confirm_required
    code`
      const res = await fetch('https://digichat.digiworld-dev.com/api/whatsapp/abc/sendMessage', { method: 'POST', body });
      if (res.status === 409) await confirmCharge();
    `,
    // Connexease 402 → BILL_001: the host decides, although the payload is in Meta's format.
    code`
      const res = await fetch('https://api.gateway.connexease.com/v1/messages', {
        method: 'POST',
        body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } }),
      });
      if (res.status === 402) pauseCampaigns();
    `,
    // Connexease 429 → RATE_001
    code`
      const res = await fetch('https://api.gateway.connexease.com/v1/messages', { method: 'POST' });
      if (res.status === 429) await sleep(1000);
    `,

    // --- a status with no documented messaging code --------------------------
    code`
      const res = await fetch('https://wa.sagad.net/api/v1/messages', { method: 'POST' });
      if (res.status === 418) teapot();
    `,
    code`
      const res = await fetch('https://api.msgbubbles.com/v1/messages', { method: 'POST' });
      if (res.status === 500) retryLater();
    `,
    // Connexease documents 403 only for webhook verification (WH_001), not for a send.
    code`
      const res = await fetch('https://api.gateway.connexease.com/v1/messages', { method: 'POST' });
      if (res.status === 403) checkKey();
    `,

    // --- statuses whose codes all need the same handling ----------------------
    // MsgBubbles 502/503: *_failed, device_offline, unavailable (all transient)
    code`
      const { status } = await fetch('https://api.msgbubbles.com/v1/messages', { method: 'POST' });
      if ([502, 503].includes(status)) await retryWithBackoff();
    `,
    // MsgBubbles 429 + 503: rate-limit and transient are both "retry"
    code`
      const res = await fetch('https://api.msgbubbles.com/v1/messages', { method: 'POST' });
      if (new Set([429, 503]).has(res.status)) await retryWithBackoff();
    `,
    // wa-server 503 and 504: all transient
    code`
      const res = await fetch('https://wa.sagad.net/api/v1/messages', { method: 'POST' });
      switch (res.status) {
        case 503:
        case 504:
          await retryWithBackoff();
          break;
      }
    `,
    // wa-server 5xx: all transient
    code`
      import axios from 'axios';

      try {
        await axios.post('https://wa.sagad.net/api/v1/messages', payload);
      } catch (err) {
        if (err.response?.status >= 500) await retryWithBackoff();
      }
    `,
    // Digiworld 503: server_down, session_not_ready (transient), maintenance_mode (rate-limit)
    code`
      const res = await fetch('https://digichat.digiworld-dev.com/api/whatsapp/abc/sendMessage', { method: 'POST', body });
      if (res.status === 503) await retryWithBackoff();
    `,

    // --- not a provider response -------------------------------------------
    // A status test on another service's response, in a file that also calls a provider.
    code`
      await fetch('https://wa.sagad.net/api/v1/messages', { method: 'POST' });
      const other = await fetch('https://api.example.com/orders', { method: 'POST' });
      if (other.status === 409) reload();
    `,
    // A file that mentions no provider.
    code`
      const res = await fetch('https://api.example.com/orders', { method: 'POST' });
      if (res.status === 409) reload();
      switch (res.status) {
        case 401:
        case 429:
          break;
      }
    `,
    // An env var without a literal fallback and without a settings mapping.
    code`
      const res = await fetch(process.env.WA_URL + '/messages', { method: 'POST' });
      if (res.status === 409) reload();
    `,
    // A provider left out of settings.providers is not recognised.
    {
      code: code`
        const res = await fetch('https://wa.sagad.net/api/v1/messages', { method: 'POST' });
        if (res.status === 409) reload();
      `,
      settings: settings({ providers: ['meta-cloud'] }),
    },
    // A URL handed in by the caller.
    code`
      export async function send(url: string) {
        const res = await fetch(url, { method: 'POST' });
        if (res.status === 409) reload();
      }
    `,

    // --- a status compared with something that is not a literal ---------------
    code`
      const res = await fetch('https://wa.sagad.net/api/v1/messages', { method: 'POST' });
      if (res.status === expectedStatus) done();
    `,
    code`
      const res = await fetch('https://wa.sagad.net/api/v1/messages', { method: 'POST' });
      if ([409, other].includes(res.status)) done();
    `,
    // The code, not the status, decides.
    code`
      const res = await fetch('https://wa.sagad.net/api/v1/messages', { method: 'POST' });
      if (!res.ok) {
        const body = await res.json();
        if (body.error.code === 'device_not_connected') await reconnect();
      }
    `,
  ],

  invalid: [
    // --- clients: fetch family ------------------------------------------------
    {
      code: code`
        const res = await fetch('https://wa.sagad.net/api/v1/messages', { method: 'POST', body: JSON.stringify(payload) });
        if (res.status === 409) {
          await reconnectDevice();
        }
      `,
      errors: [{ messageId: 'ambiguousStatus', data: WA_409, line: 2, column: 5, endLine: 2, endColumn: 23 }],
    },
    {
      code: code`
        import fetch from 'node-fetch';

        const res = await fetch('https://digichat.digiworld-dev.com/api/whatsapp/abc/sendMessage', { method: 'POST', body });
        if (res.status === 401) await renewToken();
      `,
      errors: [{ messageId: 'ambiguousStatus', data: DIGIWORLD_401, line: 4, column: 5, endLine: 4, endColumn: 23 }],
    },
    {
      code: code`
        import { request } from 'undici';

        const { statusCode } = await request('https://api.msgbubbles.com/v1/messages', { method: 'POST', body: payload });
        if (statusCode === 400) {
          throw new Error('bad request');
        }
      `,
      errors: [{ messageId: 'ambiguousStatus', data: MSGBUBBLES_400, line: 4, column: 5, endLine: 4, endColumn: 23 }],
    },
    {
      code: code`
        import * as undici from 'undici';

        const { statusCode } = await undici.request('https://wa.sagad.net/api/v1/messages', { method: 'POST' });
        if (statusCode === 409) await relink();
      `,
      errors: [{ messageId: 'ambiguousStatus', data: WA_409, line: 4, column: 5, endLine: 4, endColumn: 23 }],
    },
    {
      code: code`
        import { fetch } from 'undici';

        const res = await fetch('https://wa.sagad.net/api/v1/messages', { method: 'POST' });
        if (res.status == 429) await sleep(1000);
      `,
      errors: [{ messageId: 'ambiguousStatus', data: WA_429, line: 4, column: 5, endLine: 4, endColumn: 22 }],
    },

    // --- clients: axios ------------------------------------------------------------
    {
      code: code`
        import axios from 'axios';

        try {
          await axios('https://wa.sagad.net/api/v1/devices/abc/qr');
        } catch (err) {
          if (err.response.status === 409) resetQr();
        }
      `,
      errors: [{ messageId: 'ambiguousStatus', data: WA_409, line: 6, column: 7, endLine: 6, endColumn: 34 }],
    },
    {
      code: code`
        import axios from 'axios';

        try {
          await axios({ url: 'https://api.gateway.connexease.com/v1/messages', method: 'post', data: payload });
        } catch (error) {
          if (error.response?.status === 401) {
            rotateKey();
          }
        }
      `,
      errors: [{ messageId: 'ambiguousStatus', data: CONNEXEASE_401, line: 6, column: 7, endLine: 6, endColumn: 37 }],
    },
    {
      code: code`
        import axios from 'axios';

        try {
          await axios.get('https://wa.sagad.net/api/v1/devices/abc/status');
        } catch (err) {
          if (err.response?.status === 409) await relink();
        }
      `,
      errors: [{ messageId: 'ambiguousStatus', data: WA_409, line: 6, column: 7, endLine: 6, endColumn: 35 }],
    },
    {
      code: code`
        import axios from 'axios';

        await axios
          .post('https://digichat.digiworld-dev.com/api/whatsapp/abc/sendMessage', payload)
          .catch((err) => {
            if (err.response.status === 429) return scheduleLater();
            throw err;
          });
      `,
      errors: [{ messageId: 'ambiguousStatus', data: DIGIWORLD_429, line: 6, column: 9, endLine: 6, endColumn: 36 }],
    },
    {
      code: code`
        import axios from 'axios';

        try {
          await axios.request({ url: 'https://api.msgbubbles.com/v1/messages', method: 'POST', data: payload });
        } catch (err) {
          if ([401, 429].includes(err.response.status)) {
            notifyOps();
          }
        }
      `,
      errors: [{ messageId: 'ambiguousStatus', data: MSGBUBBLES_401_429, line: 6, column: 7, endLine: 6, endColumn: 47 }],
    },
    // axios.create({ baseURL }) held in a local const
    {
      code: code`
        import axios from 'axios';

        export async function sendText(to: string, text: string) {
          const api = axios.create({ baseURL: 'https://wa.sagad.net/api/v1', headers: { Authorization: token } });
          try {
            return await api.post('/messages', { to, text });
          } catch (err) {
            if (err.response?.status === 409) return reconnect();
            throw err;
          }
        }
      `,
      errors: [{ messageId: 'ambiguousStatus', data: WA_409, line: 8, column: 9, endLine: 8, endColumn: 37 }],
    },
    // ...in a module constant; each switch case is reported at its test
    {
      code: code`
        import axios from 'axios';

        const digiworldApi = axios.create({ baseURL: 'https://digichat.digiworld-dev.com/api/whatsapp/abc' });

        export async function send(payload: unknown) {
          try {
            await digiworldApi.post('/sendMessage', payload);
          } catch (err) {
            switch (err.response?.status) {
              case 401:
                return renewToken();
              case 402:
                return topUp();
              case 429:
                return later();
            }
          }
        }
      `,
      errors: [
        { messageId: 'ambiguousStatus', data: DIGIWORLD_401, line: 10, column: 12, endLine: 10, endColumn: 15 },
        { messageId: 'ambiguousStatus', data: DIGIWORLD_429, line: 14, column: 12, endLine: 14, endColumn: 15 },
      ],
    },
    // ...in a class field assigned in the constructor
    {
      code: code`
        import axios, { type AxiosInstance } from 'axios';

        export class WaServerClient {
          private readonly http: AxiosInstance;

          constructor(token: string) {
            this.http = axios.create({ baseURL: 'https://wa.sagad.net/api/v1', headers: { Authorization: token } });
          }

          async send(payload: unknown) {
            try {
              return await this.http.post('/messages', payload);
            } catch (err) {
              if (err.response?.status === 409) await this.reconnect();
              throw err;
            }
          }
        }
      `,
      errors: [{ messageId: 'ambiguousStatus', data: WA_409, line: 14, column: 11, endLine: 14, endColumn: 39 }],
    },
    // ...in a class property initialiser
    {
      code: code`
        import axios from 'axios';

        class MsgBubblesClient {
          http = axios.create({ baseURL: 'https://api.msgbubbles.com/v1' });

          async send(payload: unknown) {
            const res = await this.http.post('/messages', payload, { validateStatus: () => true });
            if (res.status === 400) return this.fix(payload);
            return res.data;
          }
        }
      `,
      errors: [{ messageId: 'ambiguousStatus', data: MSGBUBBLES_400, line: 8, column: 9, endLine: 8, endColumn: 27 }],
    },

    // --- clients: got, ky, ofetch, superagent ----------------------------------------
    {
      code: code`
        import got from 'got';

        try {
          await got.post('https://wa.sagad.net/api/v1/messages', { json: payload });
        } catch (err) {
          if (err.response?.statusCode === 429) {
            await sleep(5000);
          }
        }
      `,
      errors: [{ messageId: 'ambiguousStatus', data: WA_429, line: 6, column: 7, endLine: 6, endColumn: 39 }],
    },
    {
      code: code`
        import got from 'got';

        const client = got.extend({ prefixUrl: 'https://digichat.digiworld-dev.com/api/whatsapp/abc' });

        const res = await client.post('sendMessage', { json: payload, throwHttpErrors: false });
        if (res.statusCode === 401) await renewToken();
      `,
      errors: [{ messageId: 'ambiguousStatus', data: DIGIWORLD_401, line: 6, column: 5, endLine: 6, endColumn: 27 }],
    },
    {
      code: code`
        import ky from 'ky';

        try {
          await ky.post('https://api.gateway.connexease.com/v1/messages', { json: payload });
        } catch (error) {
          if (error.response.status === 500) await retryLater();
        }
      `,
      errors: [{ messageId: 'ambiguousStatus', data: CONNEXEASE_500, line: 6, column: 7, endLine: 6, endColumn: 36 }],
    },
    {
      code: code`
        import ky from 'ky';

        const api = ky.create({ prefixUrl: 'https://wa.sagad.net/api/v1' });

        export async function send(payload: unknown) {
          try {
            return await api.post('messages', { json: payload }).json();
          } catch (error) {
            if (error.response?.status === 409) return relink();
            throw error;
          }
        }
      `,
      errors: [{ messageId: 'ambiguousStatus', data: WA_409, line: 9, column: 9, endLine: 9, endColumn: 39 }],
    },
    {
      code: code`
        import ky from 'ky';

        const api = ky.extend({ prefixUrl: 'https://api.msgbubbles.com/v1' });

        const res = await api.post('messages', { json: payload, throwHttpErrors: false });
        if (res.status === 400) fixPayload();
      `,
      errors: [{ messageId: 'ambiguousStatus', data: MSGBUBBLES_400, line: 6, column: 5, endLine: 6, endColumn: 23 }],
    },
    {
      code: code`
        import { $fetch } from 'ofetch';

        try {
          await $fetch('https://api.msgbubbles.com/v1/messages', { method: 'POST', body: payload });
        } catch (err) {
          if (err.status === 400) fixPayload();
        }
      `,
      errors: [{ messageId: 'ambiguousStatus', data: MSGBUBBLES_400, line: 6, column: 7, endLine: 6, endColumn: 25 }],
    },
    {
      code: code`
        import { ofetch } from 'ofetch';

        async function notify(to: string) {
          try {
            await ofetch('https://wa.sagad.net/api/v1/messages', { method: 'POST', body: { to } });
          } catch (err) {
            if (err.response?.status === 429) queue.push(to);
          }
        }
      `,
      errors: [{ messageId: 'ambiguousStatus', data: WA_429, line: 7, column: 9, endLine: 7, endColumn: 37 }],
    },
    // Nuxt's global $fetch
    {
      code: code`
        try {
          await $fetch('https://digichat.digiworld-dev.com/api/whatsapp/abc/sendMessage', { method: 'POST', body });
        } catch (error) {
          if (error.statusCode === 429) showBanner();
        }
      `,
      errors: [{ messageId: 'ambiguousStatus', data: DIGIWORLD_429, line: 4, column: 7, endLine: 4, endColumn: 31 }],
    },
    {
      code: code`
        import superagent from 'superagent';

        try {
          await superagent.post('https://wa.sagad.net/api/v1/messages').send(payload);
        } catch (err) {
          if (err.status === 409) await reconnect();
        }
      `,
      errors: [{ messageId: 'ambiguousStatus', data: WA_409, line: 6, column: 7, endLine: 6, endColumn: 25 }],
    },
    {
      code: code`
        import superagent from 'superagent';

        const res = await superagent.post('https://api.gateway.connexease.com/v1/messages').send(payload).ok(() => true);
        if (res.status === 401) rotateKey();
      `,
      errors: [{ messageId: 'ambiguousStatus', data: CONNEXEASE_401, line: 4, column: 5, endLine: 4, endColumn: 23 }],
    },

    // --- how the status is read ------------------------------------------------------
    {
      code: code`
        const { status } = await fetch('https://api.msgbubbles.com/v1/messages', { method: 'POST', body: JSON.stringify(payload) });
        if (status === 400) fixPayload();
      `,
      errors: [{ messageId: 'ambiguousStatus', data: MSGBUBBLES_400, line: 2, column: 5, endLine: 2, endColumn: 19 }],
    },
    {
      code: code`
        const res = await fetch('https://wa.sagad.net/api/v1/messages', { method: 'POST' });
        const { status } = res;
        if (status === 409) await relink();
      `,
      errors: [{ messageId: 'ambiguousStatus', data: WA_409, line: 3, column: 5, endLine: 3, endColumn: 19 }],
    },
    {
      code: code`
        const conflict = await fetch('https://wa.sagad.net/api/v1/devices/abc/qr/reset', { method: 'POST' })
          .then((res) => res.status === 409);
      `,
      errors: [{ messageId: 'ambiguousStatus', data: WA_409, line: 2, column: 18, endLine: 2, endColumn: 36 }],
    },
    {
      code: code`
        import axios from 'axios';

        try {
          await axios.post('https://digichat.digiworld-dev.com/api/whatsapp/abc/sendMessage', payload);
        } catch (err) {
          const { status } = err.response;
          if (status === 429) later();
        }
      `,
      errors: [{ messageId: 'ambiguousStatus', data: DIGIWORLD_429, line: 7, column: 7, endLine: 7, endColumn: 21 }],
    },

    {
      code: code`
        import axios from 'axios';

        try {
          await axios.post('https://api.msgbubbles.com/v1/messages', payload);
        } catch ({ response }) {
          if (response?.status === 400) fixPayload();
        }
      `,
      errors: [{ messageId: 'ambiguousStatus', data: MSGBUBBLES_400, line: 6, column: 7, endLine: 6, endColumn: 31 }],
    },

    // --- URL forms --------------------------------------------------------------------
    // template literal
    {
      code: code`
        const res = await fetch(\`https://graph.facebook.com/v21.0/\${phoneNumberId}/messages\`, {
          method: 'POST',
          headers: { Authorization: \`Bearer \${token}\` },
          body: JSON.stringify(message),
        });
        if (res.status === 400) {
          const body = await res.json();
        }
      `,
      errors: [{ messageId: 'unreliableStatus', data: meta('400'), line: 6, column: 5, endLine: 6, endColumn: 23 }],
    },
    // concatenation
    {
      code: code`
        const res = await fetch('https://wa.sagad.net/api/v1/devices/' + deviceId + '/messages', { method: 'POST' });
        if (res.status === 409) await relink(deviceId);
      `,
      errors: [{ messageId: 'ambiguousStatus', data: WA_409, line: 2, column: 5, endLine: 2, endColumn: 23 }],
    },
    // same-file constants, followed through several
    {
      code: code`
        const HOST = 'https://api.msgbubbles.com';
        const API = HOST + '/v1';
        const MESSAGES = \`\${API}/messages\`;

        const res = await fetch(MESSAGES, { method: 'POST', body: JSON.stringify(payload) });
        if (res.status === 400) fixPayload();
      `,
      errors: [{ messageId: 'ambiguousStatus', data: MSGBUBBLES_400, line: 6, column: 5, endLine: 6, endColumn: 23 }],
    },
    // new URL(path, BASE)
    {
      code: code`
        const BASE = 'https://digichat.digiworld-dev.com';
        const res = await fetch(new URL('/api/whatsapp/abc/sendMessage', BASE), { method: 'POST', body });
        if (res.status === 429) await later();
      `,
      errors: [{ messageId: 'ambiguousStatus', data: DIGIWORLD_429, line: 3, column: 5, endLine: 3, endColumn: 23 }],
    },
    // process.env.X ?? 'https://…'
    {
      code: code`
        const WA_URL = process.env.WA_URL ?? 'https://wa.sagad.net/api/v1';
        const res = await fetch(\`\${WA_URL}/messages\`, { method: 'POST', body: JSON.stringify(payload) });
        if (res.status === 409) await relink();
      `,
      errors: [{ messageId: 'ambiguousStatus', data: WA_409, line: 3, column: 5, endLine: 3, endColumn: 23 }],
    },
    // process.env.X || 'https://…', with axios and validateStatus
    {
      code: code`
        import axios from 'axios';

        const res = await axios.post((process.env.CONNEXEASE_URL || 'https://api.gateway.connexease.com') + '/v1/messages', payload, {
          validateStatus: null,
        });
        if (res.status === 401) rotateKey();
      `,
      errors: [{ messageId: 'ambiguousStatus', data: CONNEXEASE_401, line: 6, column: 5, endLine: 6, endColumn: 23 }],
    },
    // an env var mapped in settings
    {
      code: code`
        const res = await fetch(process.env.WA_URL + '/messages', { method: 'POST' });
        if (res.status === 409) await relink();
      `,
      settings: settings({ envVars: { WA_URL: 'wa-server' } }),
      errors: [{ messageId: 'ambiguousStatus', data: WA_409, line: 2, column: 5, endLine: 2, endColumn: 23 }],
    },
    {
      code: code`
        import axios from 'axios';

        const graph = axios.create({ baseURL: process.env.WHATSAPP_API_URL });
        try {
          await graph.post('/messages', message);
        } catch (err) {
          if (err.response?.status === 400) report(err);
        }
      `,
      settings: settings({ envVars: { WHATSAPP_API_URL: 'meta-cloud' } }),
      errors: [{ messageId: 'unreliableStatus', data: meta('400'), line: 7, column: 7, endLine: 7, endColumn: 35 }],
    },
    // a host mapped in settings
    {
      code: code`
        const res = await fetch('https://wa.internal.example.com/api/v1/messages', { method: 'POST' });
        if (res.status === 409) await relink();
      `,
      settings: settings({ hosts: { 'wa.internal.example.com': 'wa-server' } }),
      errors: [{ messageId: 'ambiguousStatus', data: WA_409, line: 2, column: 5, endLine: 2, endColumn: 23 }],
    },
    // messaging_product: 'whatsapp' with a URL from configuration → Meta
    {
      code: code`
        const res = await fetch(config.get('WA_URL') + '/messages', {
          method: 'POST',
          body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text: { body: text } }),
        });
        if (res.status === 429) await backoff();
      `,
      errors: [{ messageId: 'unreliableStatus', data: meta('429'), line: 5, column: 5, endLine: 5, endColumn: 23 }],
    },
    {
      code: code`
        import axios from 'axios';

        const message = { messaging_product: 'whatsapp', recipient_type: 'individual', to, type: 'text', text: { body } };
        try {
          await axios.post(\`\${apiUrl}/\${phoneId}/messages\`, message);
        } catch (err) {
          switch (err.response?.status) {
            case 400:
              break;
            case 401:
              break;
          }
        }
      `,
      errors: [
        { messageId: 'unreliableStatus', data: meta('400'), line: 8, column: 10, endLine: 8, endColumn: 13 },
        { messageId: 'unreliableStatus', data: meta('401'), line: 10, column: 10, endLine: 10, endColumn: 13 },
      ],
    },
    // ...but a known host decides: Connexease copies Meta's payload format
    {
      code: code`
        const res = await fetch('https://api.gateway.connexease.com/v1/messages', {
          method: 'POST',
          body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } }),
        });
        if (res.status === 401) rotateKey();
      `,
      errors: [{ messageId: 'ambiguousStatus', data: CONNEXEASE_401, line: 5, column: 5, endLine: 5, endColumn: 23 }],
    },

    // --- same-file wrappers ------------------------------------------------------------
    // followed transitively
    {
      code: code`
        async function post(path: string, payload: unknown) {
          return fetch('https://wa.sagad.net/api/v1' + path, { method: 'POST', body: JSON.stringify(payload) });
        }

        async function sendText(to: string, text: string) {
          return post('/messages', { to, text });
        }

        const res = await sendText('628123', 'hi');
        if (res.status === 409) await relink();
      `,
      errors: [{ messageId: 'ambiguousStatus', data: WA_409, line: 10, column: 5, endLine: 10, endColumn: 23 }],
    },
    // an arrow function that awaits and returns the response
    {
      code: code`
        const sendRaw = async (payload: unknown) => {
          const res = await fetch('https://api.gateway.connexease.com/v1/messages', { method: 'POST', body: JSON.stringify(payload) });
          return res;
        };

        export async function sendAll(batch: unknown[]) {
          for (const payload of batch) {
            const res = await sendRaw(payload);
            if (res.status >= 500) console.warn('retry later');
          }
        }
      `,
      errors: [{ messageId: 'ambiguousStatus', data: CONNEXEASE_5XX, line: 9, column: 9, endLine: 9, endColumn: 26 }],
    },
    // a class method called on an instance; the caller catches the error
    {
      code: code`
        import axios from 'axios';

        class Digiworld {
          async sendMessage(payload: unknown) {
            return axios.post('https://digichat.digiworld-dev.com/api/whatsapp/abc/sendMessage', payload);
          }
        }

        const client = new Digiworld();
        try {
          await client.sendMessage(payload);
        } catch (err) {
          if (err.response.status === 401) await renewToken();
        }
      `,
      errors: [{ messageId: 'ambiguousStatus', data: DIGIWORLD_401, line: 13, column: 7, endLine: 13, endColumn: 34 }],
    },
    // a method called through this
    {
      code: code`
        class WaService {
          private async request(path: string, body: unknown) {
            return fetch(\`https://wa.sagad.net/api/v1\${path}\`, { method: 'POST', body: JSON.stringify(body) });
          }

          async sendText(to: string, text: string) {
            const res = await this.request('/messages', { to, text });
            if (res.status === 409) await this.reconnect();
            return res.json();
          }
        }
      `,
      errors: [{ messageId: 'ambiguousStatus', data: WA_409, line: 8, column: 9, endLine: 8, endColumn: 27 }],
    },

    // --- test forms --------------------------------------------------------------------
    {
      code: code`
        const res = await fetch('https://wa.sagad.net/api/v1/messages', { method: 'POST' });
        if (res.status !== 409) {
          markSent();
        }
      `,
      errors: [{ messageId: 'ambiguousStatus', data: WA_409, line: 2, column: 5, endLine: 2, endColumn: 23 }],
    },
    // literal on the left
    {
      code: code`
        const res = await fetch('https://wa.sagad.net/api/v1/messages', { method: 'POST' });
        if (409 === res.status) await relink();
      `,
      errors: [{ messageId: 'ambiguousStatus', data: WA_409, line: 2, column: 5, endLine: 2, endColumn: 23 }],
    },
    // a named constant
    {
      code: code`
        const CONFLICT = 409;
        const res = await fetch('https://wa.sagad.net/api/v1/messages', { method: 'POST' });
        if (res.status === CONFLICT) await relink();
      `,
      errors: [{ messageId: 'ambiguousStatus', data: WA_409, line: 3, column: 5, endLine: 3, endColumn: 28 }],
    },
    // only the ambiguous half of an || is reported (410 is device_destroyed alone)
    {
      code: code`
        const res = await fetch('https://wa.sagad.net/api/v1/messages', { method: 'POST' });
        if (res.status === 409 || res.status === 410) await recreateDevice();
      `,
      errors: [{ messageId: 'ambiguousStatus', data: WA_409, line: 2, column: 5, endLine: 2, endColumn: 23 }],
    },
    // switch: each ambiguous case at its test
    {
      code: code`
        const res = await fetch('https://wa.sagad.net/api/v1/messages', { method: 'POST', body: JSON.stringify(payload) });
        switch (res.status) {
          case 200:
            break;
          case 404:
            break;
          case 409:
            await relink();
            break;
          case 429:
            await sleep(1000);
            break;
          case 503:
            break;
        }
      `,
      errors: [
        { messageId: 'ambiguousStatus', data: WA_409, line: 7, column: 8, endLine: 7, endColumn: 11 },
        { messageId: 'ambiguousStatus', data: WA_429, line: 10, column: 8, endLine: 10, endColumn: 11 },
        // doing nothing for 503 treats two different errors alike too
        { messageId: 'ambiguousStatus', data: waServer('503', 2, 'whatsapp_connection_aborted and whatsapp_connection_lost'), line: 13, column: 8, endLine: 13, endColumn: 11 },
      ],
    },
    // Codes that share a retry class still mean different things: MsgBubbles 409 is `conflict` or `not_a_group` (both never-retry).
    {
      code: code`
        const res = await fetch('https://api.msgbubbles.com/v1/messages', { method: 'POST' });
        if (res.status === 409) dropAction();
      `,
      errors: [{ messageId: 'ambiguousStatus', data: msgbubbles('409', 2, 'conflict and not_a_group'), line: 2, column: 5, endLine: 2, endColumn: 23 }],
    },
    // Renewing the token on any 401 also "renews" for a wrong rotation PIN.
    {
      code: code`
        import axios from 'axios';

        try {
          await axios.post('https://wa.sagad.net/api/v1/messages', payload);
        } catch (err) {
          if (err.response?.status === 401) await renewToken();
        }
      `,
      errors: [{ messageId: 'ambiguousStatus', data: waServer('401', 3, 'invalid_api_key, unauthorized and invalid_rotation_pin'), line: 6, column: 7, endLine: 6, endColumn: 35 }],
    },
    // ranges
    {
      code: code`
        const res = await fetch('https://wa.sagad.net/api/v1/messages', { method: 'POST' });
        if (res.status >= 400 && res.status < 500) {
          throw new Error('client error');
        }
      `,
      errors: [{ messageId: 'ambiguousStatus', data: WA_4XX, line: 2, column: 5, endLine: 2, endColumn: 42 }],
    },
    {
      code: code`
        const { status } = await fetch('https://digichat.digiworld-dev.com/api/whatsapp/abc/sendMessage', { method: 'POST', body });
        if (400 < status && 430 > status) giveUp();
      `,
      errors: [{ messageId: 'ambiguousStatus', data: DIGIWORLD_401_TO_429, line: 2, column: 5, endLine: 2, endColumn: 33 }],
    },
    {
      code: code`
        const res = await fetch('https://api.gateway.connexease.com/v1/messages', { method: 'POST' });
        if (res.status > 499) await retryLater();
      `,
      errors: [{ messageId: 'ambiguousStatus', data: CONNEXEASE_5XX, line: 2, column: 5, endLine: 2, endColumn: 21 }],
    },
    // a range inside a longer && chain (the usual axios guard)
    {
      code: code`
        import axios from 'axios';

        try {
          await axios.post('https://wa.sagad.net/api/v1/messages', payload);
        } catch (err) {
          if (err.response && err.response.status >= 400 && err.response.status < 500) throw err;
        }
      `,
      errors: [{ messageId: 'ambiguousStatus', data: WA_4XX, line: 6, column: 23, endLine: 6, endColumn: 78 }],
    },
    // a one-sided bound: the message names the error statuses it selects, 400–499
    {
      code: code`
        import axios from 'axios';

        try {
          await axios.post('https://wa.sagad.net/api/v1/messages', payload);
        } catch (err) {
          if (err.response?.status < 500) throw err;
          await retryWithBackoff();
        }
      `,
      errors: [{ messageId: 'ambiguousStatus', data: WA_4XX, line: 6, column: 7, endLine: 6, endColumn: 33 }],
    },
    // list membership
    {
      code: code`
        const { status } = await fetch('https://wa.sagad.net/api/v1/messages', { method: 'POST' });
        if ([409, 410].includes(status)) {
          await recreateDevice();
        }
      `,
      errors: [{ messageId: 'ambiguousStatus', data: WA_409_410, line: 2, column: 5, endLine: 2, endColumn: 32 }],
    },
    {
      code: code`
        const res = await fetch('https://wa.sagad.net/api/v1/messages', { method: 'POST' });
        if (new Set([409, 429]).has(res.status)) await later();
      `,
      errors: [{ messageId: 'ambiguousStatus', data: WA_409_429, line: 2, column: 5, endLine: 2, endColumn: 40 }],
    },
    {
      code: code`
        import axios from 'axios';

        const NEEDS_ATTENTION = [401, 429] as const;

        try {
          await axios.post('https://digichat.digiworld-dev.com/api/whatsapp/abc/sendMessage', payload);
        } catch (err) {
          if (NEEDS_ATTENTION.includes(err.response?.status)) alertOps();
        }
      `,
      errors: [{ messageId: 'ambiguousStatus', data: DIGIWORLD_401_429, line: 8, column: 7, endLine: 8, endColumn: 53 }],
    },

    // --- Meta Cloud API: every non-success status test ------------------------------------
    {
      code: code`
        import axios from 'axios';

        const graph = axios.create({ baseURL: 'https://graph.facebook.com/v21.0' });

        export async function sendTemplate(phoneNumberId: string, body: unknown) {
          try {
            await graph.post(\`/\${phoneNumberId}/messages\`, body);
          } catch (err) {
            if (err.response?.status === 429) await sleep(60_000);
            if (err.response?.status >= 500) throw new RetryableError();
          }
        }
      `,
      errors: [
        { messageId: 'unreliableStatus', data: meta('429'), line: 9, column: 9, endLine: 9, endColumn: 37 },
        { messageId: 'unreliableStatus', data: meta('500–599'), line: 10, column: 9, endLine: 10, endColumn: 36 },
      ],
    },
    {
      code: code`
        const res = await fetch(\`https://graph.facebook.com/v21.0/\${phoneNumberId}/messages\`, { method: 'POST', body: JSON.stringify(message) });
        if (res.status >= 400 && res.status < 500) giveUp();
        if (res.status === 401) await refreshToken();
      `,
      errors: [
        { messageId: 'unreliableStatus', data: meta('400–499'), line: 2, column: 5, endLine: 2, endColumn: 42 },
        { messageId: 'unreliableStatus', data: meta('401'), line: 3, column: 5, endLine: 3, endColumn: 23 },
      ],
    },

    // --- CEQUENS: its statuses are not documented per code either ---------------------------
    {
      code: code`
        const res = await fetch('https://apis.cequens.com/conversation-app/v1/messages', { method: 'POST', body: JSON.stringify(payload) });
        if (res.status === 401) await refreshToken();
      `,
      errors: [{ messageId: 'unreliableStatus', data: cequens('401'), line: 2, column: 5, endLine: 2, endColumn: 23 }],
    },
    {
      code: code`
        import axios from 'axios';

        try {
          await axios.post('https://apis.cequens.com/conversation-app/v1/messages', payload);
        } catch (err) {
          if ([400, 429].includes(err.response?.status)) report(err);
        }
      `,
      errors: [{ messageId: 'unreliableStatus', data: cequens('400/429'), line: 6, column: 7, endLine: 6, endColumn: 48 }],
    },
  ],
});

// --- gateways: 360dialog's errors without a code, Twilio's SDK error ----------

const D360 = 'https://waba-v2.360dialog.io/messages';

ruleTester.run('no-status-branching (gateways)', rule, {
  valid: [
    // 502 from 360dialog is only its own "API not available", which has no code: the status is the only signal
    code`
      const res = await fetch('${D360}', { method: 'POST', headers: { 'D360-API-KEY': key }, body: JSON.stringify(payload) });
      if (res.status === 502) await retryLater(payload);
    `,
    // the status read only where the body has no code (360dialog's own errors)
    code`
      import axios from 'axios';
      try {
        await axios.post('${D360}', payload, { headers: { 'D360-API-KEY': key } });
      } catch (err) {
        const code = err.response?.data?.error?.code;
        if (code === 131047) return sendTemplate(to);
        if (code) throw err;
        if (err.response?.status === 401) return rotateKey();
        throw err;
      }
    `,
    // Gupshup's codes all arrive in failed message events: an HTTP error of its send API has only its status
    code`
      import axios from 'axios';
      try {
        await axios.post('https://api.gupshup.io/wa/api/v1/msg', form, { headers: { apikey: key } });
      } catch (err) {
        if (err.response?.status === 401) return rotateKey();
        throw err;
      }
    `,
    // an SMS-only Twilio app
    {
      code: code`
        import twilio from 'twilio';
        const client = twilio(sid, token);
        export async function sendSms(to) {
          try { await client.messages.create({ from: '+14155238886', to, body: 'hi' }); }
          catch (err) { if (err.status === 400) return drop(to); }
        }
      `,
      filename: 'sms.ts',
    },
  ],
  invalid: [
    // 401 from 360dialog: Meta's token codes passed through, and 360dialog's own invalid key without a code
    {
      code: code`
        const res = await fetch('${D360}', { method: 'POST', headers: { 'D360-API-KEY': key }, body: JSON.stringify(payload) });
        if (res.status === 401) await rotateKey();
      `,
      errors: [
        {
          messageId: 'codedAndCodeless',
          data: { status: '401', provider: '360dialog', codes: '0 and 190', codeless: 'Invalid API key', field: 'body.error.code' },
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 23,
        },
      ],
    },
    {
      code: code`
        import axios from 'axios';
        try {
          await axios.post('${D360}', payload, { headers: { 'D360-API-KEY': key } });
        } catch (err) {
          const status = err.response?.status;
          if (status >= 400 && status < 500) return report(err);
          throw err;
        }
      `,
      errors: [
        {
          messageId: 'codedAndCodeless',
          data: {
            status: '400–499',
            provider: '360dialog',
            codes: '0, 10, 190 and 42 more',
            codeless: 'WhatsApp Business API has been disabled, Endpoint rate limit exceeded, Message not sent: lack of payment and 2 more',
            field: 'body.error.code',
          },
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 36,
        },
      ],
    },
    // Twilio SDK: the RestException's status, 400 for many validation codes
    {
      code: code`
        import twilio from 'twilio';
        const client = twilio(sid, token);
        export async function notify(to) {
          try {
            await client.messages.create({ from: 'whatsapp:+14155238886', to: 'whatsapp:' + to, body: 'hi' });
          } catch (err) {
            if (err.status === 400) return drop(to);
            throw err;
          }
        }
      `,
      filename: 'notify.ts',
      errors: [
        {
          messageId: 'ambiguousStatus',
          data: { status: '400', provider: 'twilio', count: 17, codes: '21211, 21212, 21408 and 14 more', field: 'body.code' },
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 27,
        },
      ],
    },
  ],
});

// ─── Decisions read right (issue 15) ───────────────────────────────────────────
ruleTester.run('no-status-branching: retry decisions, fallbacks without a code, predicates', rule, {
  valid: [
    // a status test that decides a retry is no-blind-retry's to judge (one finding per defect)
    code`
      import axios from 'axios';
      export async function send(payload: object) {
        for (let attempt = 0; attempt < 3; attempt++) {
          try {
            return await axios.post('https://graph.facebook.com/v21.0/1234567890/messages', payload);
          } catch (err) {
            if (err.response?.status < 500) throw err;
          }
        }
      }
    `,
    // also through a same-file predicate the retry calls
    code`
      import axios from 'axios';
      function isRetryable(status: number) {
        return status === 429 || status >= 500;
      }
      export async function send(payload: object) {
        for (let attempt = 0; attempt < 3; attempt++) {
          try {
            return await axios.post('https://wa.sagad.net/api/v1/messages/send', payload);
          } catch (err) {
            if (!isRetryable(err.response?.status)) throw err;
            await sleep(1000 * 2 ** attempt);
          }
        }
      }
    `,
    // a fallback for errors that came back without a code: the status is all there is
    code`
      import axios from 'axios';
      export async function send(payload: object) {
        try {
          return await axios.post('https://wa.sagad.net/api/v1/messages/send', payload);
        } catch (err) {
          const code = err.response?.data?.error?.code;
          if (!code && err.response?.status === 409) return 'unknown conflict';
          throw err;
        }
      }
    `,
    code`
      const res = await fetch('https://wa.sagad.net/api/v1/messages/send', { method: 'POST' });
      const body = await res.json();
      if (body.error) {
        await handle(body.error.code);
      } else if (res.status === 409) {
        await reportUnknown(res.status);
      }
    `,
    code`
      import axios from 'axios';
      export async function send(payload: object) {
        try {
          return await axios.post('https://wa.sagad.net/api/v1/messages/send', payload);
        } catch (err) {
          const code = err.response?.data?.error?.code;
          if (code) return handleCode(code);
          if (err.response?.status === 409) return 'conflict without a code';
          throw err;
        }
      }
    `,
  ],
  invalid: [
    // inside a retry, a status test that only logs decides nothing about the retry: it is branching
    {
      code: code`
        import axios from 'axios';
        export async function send(payload: object) {
          for (let attempt = 0; attempt < 3; attempt++) {
            try {
              return await axios.post('https://wa.sagad.net/api/v1/messages/send', payload);
            } catch (err) {
              if (err.response?.status === 409) console.warn('conflict');
              if (attempt === 2) throw err;
              await sleep(1000);
            }
          }
        }
      `,
      errors: [{ messageId: 'ambiguousStatus', data: WA_409, line: 7, column: 11, endLine: 7, endColumn: 39 }],
    },
    // a same-file predicate called with the status is judged at the call, as if written there
    {
      code: code`
        function isConflict(status: number) {
          return status === 409;
        }
        const res = await fetch('https://wa.sagad.net/api/v1/messages/send', { method: 'POST' });
        if (isConflict(res.status)) dropAction();
      `,
      errors: [{ messageId: 'ambiguousStatus', data: WA_409, line: 5, column: 5, endLine: 5, endColumn: 27 }],
    },
  ],
});

// ─── Errors classified in a response interceptor (real-code round 4, R8) ─────────────
// The error callback of a provider client's `interceptors.response.use` receives the
// provider's errors, and so does the function it hands them to.
const interceptedClient = (baseURL: string, request = 'client.post(\`/\${phoneNumberId}/messages\`, { messaging_product: \'whatsapp\', to, type: \'text\', text: { body } })') => code`
  import axios, { type AxiosError } from 'axios';
  class AuthError extends Error {}
  class ApiError extends Error {}
  const client = axios.create({ baseURL: '${baseURL}' });
  client.interceptors.response.use((res) => res, (error) => Promise.reject(toAppError(error)));
  function toAppError(error: AxiosError) {
    switch (error.response?.status) {
      case 401:
        return new AuthError('Sign in again');
      default:
        return new ApiError(error.message);
    }
  }
  export const sendText = (phoneNumberId: string, to: string, body: string) =>
    ${request};
`;
const INTERCEPTOR_APP = fileURLToPath(new URL('../fixtures/cross-file/app/', import.meta.url));

ruleTester.run('no-status-branching: response interceptors', rule, {
  valid: [
    // the same mapper on a client of another API, in a file that also sends through the Cloud API
    interceptedClient(
      'https://api.billing.example.com/v1',
      "client.post('/invoices', { to, body }).then(() => axios.post(\`https://graph.facebook.com/v21.0/\${phoneNumberId}/messages\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body } }))",
    ),
    // the global axios default's interceptor also serves the app's own API (its 401 is the session's)
    code`
      import axios from 'axios';
      axios.interceptors.response.use((res) => res, (error) => {
        if (error.response?.status === 401) window.location.assign('/login');
        return Promise.reject(error);
      });
      export const sendText = (phoneNumberId: string, to: string) =>
        axios.post(\`https://graph.facebook.com/v21.0/\${phoneNumberId}/messages\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } });
    `,
    // a request interceptor's error callback gets no response from the provider
    code`
      import axios from 'axios';
      const graph = axios.create({ baseURL: 'https://graph.facebook.com/v21.0' });
      graph.interceptors.request.use((config) => config, (error) => Promise.reject(error.response?.status === 401 ? new Error('auth') : error));
      export const sendText = (phoneNumberId: string, to: string) => graph.post(\`/\${phoneNumberId}/messages\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } });
    `,
  ],
  invalid: [
    {
      code: interceptedClient('https://graph.facebook.com/v21.0'),
      errors: [{ messageId: 'unreliableStatus', data: meta('401'), line: 8, column: 10, endLine: 8, endColumn: 13 }],
    },
    // the client made in another file (src/http/graph.ts, a base URL from the WhatsApp settings), the interceptor here
    {
      filename: `${INTERCEPTOR_APP}src/http/interceptors.ts`,
      code: code`
        import { graph } from './graph';
        graph.interceptors.response.use(undefined, (err) => {
          if (err.response?.status === 403) return Promise.reject(new Error('Not allowed'));
          return Promise.reject(err);
        });
      `,
      errors: [{ messageId: 'unreliableStatus', data: meta('403'), line: 3, column: 7, endLine: 3, endColumn: 35 }],
    },
  ],
});

// A request helper that takes its URL in an options object (`call({ url, body })`): each call site's object gives the
// helper's request its provider, as a positional URL parameter does.
const optionsLayer = (call: string) => code`
  async function callApi({ url, method = 'POST', body }: { url?: string; method?: string; body?: unknown }) {
    const res = await fetch(url!, { method, body: JSON.stringify(body) });
    const result = await res.json();
    if (!res.ok) {
      if (res.status === 401) throw new Error('unauthorized');
      throw new Error('bad request');
    }
    return result;
  }
  export async function sendText(to: string, text: string, base: object) {
    return ${call};
  }
`;

ruleTester.run('no-status-branching: a request helper given its URL in an options object', rule, {
  valid: [
    // the object sends it to another API
    optionsLayer("callApi({ url: 'https://api.stripe.com/v1/charges', body: { to, text } })"),
    // a spread after the URL may replace it: unknown
    optionsLayer("callApi({ url: 'https://graph.facebook.com/v21.0/123/messages', ...base, body: { to, text } })"),
    // the URL comes from an object the helper cannot see
    optionsLayer('callApi(base)'),
  ],
  invalid: [
    {
      code: optionsLayer("callApi({ url: 'https://graph.facebook.com/v21.0/123/messages', body: { messaging_product: 'whatsapp', to, type: 'text', text: { body: text } } })"),
      errors: [{ messageId: 'unreliableStatus', data: meta('401'), line: 5, column: 9, endLine: 5, endColumn: 27 }],
    },
    // the options object is a constant; the property is renamed in the pattern
    {
      code: code`
        const GRAPH = 'https://graph.facebook.com/v21.0';
        async function request({ url: target, payload }: { url: string; payload: unknown }) {
          const res = await fetch(target, { method: 'POST', body: JSON.stringify(payload) });
          if (res.status === 429) throw new Error('slow down');
          return res.json();
        }
        export async function sendText(to: string, text: string) {
          const options = { url: \`\${GRAPH}/123/messages\`, payload: { messaging_product: 'whatsapp', to, type: 'text', text: { body: text } } };
          return request(options);
        }
      `,
      errors: [{ messageId: 'unreliableStatus', data: meta('429'), line: 4, column: 7, endLine: 4, endColumn: 25 }],
    },
    // a default in the pattern, used when the call's object leaves the URL out
    {
      code: code`
        async function request({ url = 'https://graph.facebook.com/v21.0/123/messages', payload }: { url?: string; payload: unknown }) {
          const res = await fetch(url, { method: 'POST', body: JSON.stringify(payload) });
          if (res.status === 400) throw new Error('rejected');
          return res.json();
        }
        export async function sendText(to: string, text: string) {
          return request({ payload: { messaging_product: 'whatsapp', to, type: 'text', text: { body: text } } });
        }
      `,
      errors: [{ messageId: 'unreliableStatus', data: meta('400'), line: 3, column: 7, endLine: 3, endColumn: 25 }],
    },
  ],
});

// ══ Node's https.request: the status is `res.statusCode` in its callback ══
ruleTester.run('no-status-branching (Node http.request)', rule, {
  valid: [
    // a success test only
    nodeHttpSend(NODE_META_OPTIONS, 'if (res.statusCode >= 200 && res.statusCode < 300) resolve(JSON.parse(data)); else reject(JSON.parse(data).error);'),
  ],
  invalid: [
    {
      code: nodeHttpSend(NODE_META_OPTIONS, "if (res.statusCode === 400) return reject(new Error('bad request')); resolve(JSON.parse(data));"),
      errors: [{ messageId: 'unreliableStatus', data: meta('400'), line: 8, column: 33, endLine: 8, endColumn: 55 }],
    },
  ],
});
