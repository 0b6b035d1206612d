import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ruleTester, code } from '../rule-tester.js';
import { NODE_META_OPTIONS, nodeHttpSend } from '../node-http-send.js';
import rule from '../../rules/no-blind-retry.js';
import { catalog, type ErrorEntry, type Provider } from '../../src/catalog/index.js';

const META = 'https://graph.facebook.com/v21.0/1234567890/messages';
const CEQUENS = 'https://apis.cequens.com/conversation-app/api/v1/messages';
const WA = 'https://wa.sagad.net/api/v1/messages/send';
const DIGI = 'https://digichat.digiworld-dev.com/api/whatsapp/TOKEN/sendMessage';
const BUBBLES = 'https://api.msgbubbles.com/v1/messages';
const CONNEX = 'https://api.gateway.connexease.com/v1/messages';

/**
 * How a message cites codes, joined by "and": a number or a code with digits
 * with its title (`131047 (Re-engagement message)`, `'AUTH_003' (Invalid token format)`),
 * a code made of words quoted and bare (`'invalid_signature'`).
 */
function cite(provider: Provider, ...codes: (string | number)[]): string {
  const errors: readonly ErrorEntry[] = catalog[provider].errors;
  return codes
    .map((c) => {
      const entry = errors.find((e) => e.code === c);
      if (!entry) throw new Error(`${provider} documents no ${c}`);
      if (typeof c === 'number') return `${c} (${entry.title})`;
      return /\d/.test(c) ? `'${c}' (${entry.title})` : `'${c}'`;
    })
    .join(' and ');
}

/**
 * What a retry of every error cites: the provider's best-known `never` code and
 * its best-known `after-fix` code (the catalog's `notable` codes come first).
 */
/** A template send: the template's own code first (131047, a closed 24-hour window, is what a template is the way around). */
const TEMPLATE_EVERY = cite('meta-cloud', 132001, 190);
const EVERY = {
  'meta-cloud': cite('meta-cloud', 131047, 190),
  cequens: cite('cequens', 470, 'MISSING_TOKEN'),
  'wa-server': cite('wa-server', 'validation_error', 'device_not_connected'),
  digiworld: cite('digiworld', 'invalid_signature', 'insufficient_balance'),
  msgbubbles: cite('msgbubbles', 'invalid_request', 'invalid_from_handle'),
  connexease: cite('connexease', 'AUTH_003', 'BILL_001'),
} as const;

/** Non-retryable (`never`, `after-fix`, `provider-retries`) messaging codes per provider. */
const NON_RETRYABLE = { 'meta-cloud': 44, 'wa-server': 17, digiworld: 24, msgbubbles: 10 } as const;

/** An in-house gateway declared in settings. */
const customSettings = {
  'whatsapp-errors': {
    customProviders: [
      {
        id: 'acme-wa',
        hosts: ['wa.acme.internal'],
        codePath: 'error.code',
        codeType: 'string',
        errors: [
          { code: 'QUOTA_EXCEEDED', httpStatus: [429], title: 'Daily quota exceeded', remedy: 'Wait for the quota to reset.', retry: 'rate-limit' },
          { code: '1001', httpStatus: [400], title: 'Recipient unknown', remedy: 'Check the number.', retry: 'never' },
        ],
      },
    ],
  },
};

ruleTester.run('no-blind-retry', rule, {
  valid: [
    // ══ Not a retry: nothing is re-sent ═══════════════════════════════════
    // A loop over recipients that logs one failure and moves on sends each message once.
    code`
      import axios from 'axios';
      export async function sendAll(recipients: string[]) {
        for (const to of recipients) {
          try {
            await axios.post('${BUBBLES}', { to, text: 'hi' });
          } catch (err) {
            console.error(to, err);
          }
        }
      }
    `,
    // An index loop over a collection sends a different request each time round.
    code`
      import axios from 'axios';
      export async function sendAll(items: unknown[]) {
        for (let i = 0; i < items.length; i++) {
          try {
            await axios.post('${META}', items[i]);
          } catch (err) {
            console.error(i, err);
          }
        }
      }
    `,
    // The same, counting down. (Fails today: isCollectionLoop only knows `i < items.length`.)
    {
      name: 'index loop counting down over a collection',
      code: code`
        import axios from 'axios';
        export async function sendAll(items: unknown[]) {
          for (let i = items.length - 1; i >= 0; i--) {
            try {
              await axios.post('${BUBBLES}', items[i]);
            } catch (err) {
              console.error(i, err);
            }
          }
        }
      `,
    },
    // Draining a queue: each job is sent once. (Fails today, as above.)
    {
      name: 'draining a queue with while (queue.length > 0)',
      code: code`
        import axios from 'axios';
        export async function drain(queue: unknown[]) {
          while (queue.length > 0) {
            const job = queue.shift();
            try {
              await axios.post('${WA}', job);
            } catch (err) {
              console.error(err);
            }
          }
        }
      `,
    },
    // fetch resolves on HTTP errors: this try only catches network failures, where
    // no provider code exists; every documented error is returned, not retried.
    {
      name: 'fetch in a try whose block never throws: only network errors reach the catch',
      code: code`
        export async function send(payload: unknown) {
          for (let attempt = 0; attempt < 3; attempt++) {
            try {
              return await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
            } catch (err) {
              await sleep(1000);
            }
          }
        }
      `,
    },
    // A retry of a call that reaches no provider, in a file that also calls one.
    code`
      import pRetry from 'p-retry';
      import axios from 'axios';
      export const send = (payload: unknown) => axios.post('${META}', payload);
      export const loadTemplates = () => pRetry(() => axios.get('https://api.example.com/templates'));
    `,
    // A file that names no provider is skipped.
    code`
      import pRetry from 'p-retry';
      import axios from 'axios';
      export const send = () => pRetry(() => axios.post('https://api.example.com/send', {}));
    `,

    // ══ Loops whose decision retries only retryable codes ═════════════════
    // Meta Cloud API: isRetryable() from the plugin's catalog.
    code`
      import axios from 'axios';
      import { isRetryable } from 'eslint-plugin-whatsapp-errors/catalog';
      export async function send(payload: unknown) {
        for (let attempt = 1; attempt <= 5; attempt++) {
          try {
            return await axios.post('${META}', payload);
          } catch (err) {
            if (!isRetryable('meta-cloud', err.response?.data?.error?.code) || attempt === 5) throw err;
            await sleep(2 ** attempt * 100);
          }
        }
      }
    `,
    // Meta Cloud API: a switch that retries throttling and outages and rethrows the rest.
    code`
      import axios from 'axios';
      export async function send(payload: unknown) {
        for (let attempt = 1; attempt <= 5; attempt++) {
          try {
            return await axios.post('${META}', payload);
          } catch (err) {
            switch (err.response?.data?.error?.code) {
              case 130429:
              case 131000:
              case 131016:
                await sleep(attempt * 1000);
                continue;
              default:
                throw err;
            }
          }
        }
      }
    `,
    // Meta Cloud API: fetch, the code read from the parsed body.
    code`
      import { isRetryable } from 'eslint-plugin-whatsapp-errors/catalog';
      export async function send(payload: unknown) {
        for (let attempt = 1; attempt <= 5; attempt++) {
          const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
          if (res.ok) return res.json();
          const body = await res.json();
          if (!isRetryable('meta-cloud', body.error?.code)) throw new Error(body.error?.message);
          await sleep(attempt * 1000);
        }
      }
    `,
    // MsgBubbles: a same-file Set of retryable codes, with backoff.
    code`
      import axios from 'axios';
      const RETRYABLE = new Set(['unavailable', 'device_offline', 'rate_limited']);
      export async function send(payload: unknown) {
        for (let attempt = 1; attempt <= 5; attempt++) {
          try {
            return await axios.post('${BUBBLES}', payload);
          } catch (err) {
            if (!RETRYABLE.has(err.response?.data?.error)) throw err;
            await sleep(attempt * 1000);
          }
        }
      }
    `,
    // CEQUENS: an array of its transient codes, `while (true)` with a counter.
    code`
      import axios from 'axios';
      const TRANSIENT = [500, 1000, 1011, 1014, 1017, 1018, 1023, 2002];
      export async function send(payload: unknown) {
        let attempt = 0;
        while (true) {
          try {
            return await axios.post('${CEQUENS}', payload);
          } catch (err) {
            if (++attempt > 3 || !TRANSIENT.includes(err.response?.data?.errors?.[0]?.code)) throw err;
            await sleep(attempt * 1000);
          }
        }
      }
    `,
    // Meta Cloud API: only rate-limit codes, with a growing wait (Meta returns no wait of its own).
    code`
      import axios from 'axios';
      const THROTTLED = new Set([130429, 131056]);
      export async function send(payload: unknown) {
        for (let attempt = 1; attempt <= 5; attempt++) {
          try {
            return await axios.post('${META}', payload);
          } catch (err) {
            if (!THROTTLED.has(err.response?.data?.error?.code)) throw err;
            await sleep(2 ** attempt * 1000);
          }
        }
      }
    `,
    // MsgBubbles: 5xx and 429 only; every code behind them is retryable.
    code`
      import axios from 'axios';
      export async function send(payload: unknown) {
        for (let attempt = 1; attempt <= 5; attempt++) {
          try {
            return await axios.post('${BUBBLES}', payload);
          } catch (err) {
            const status = err.response?.status;
            if (status !== 429 && !(status >= 500)) throw err;
            await sleep(attempt * 1000);
          }
        }
      }
    `,
    // wa-server: 5xx statuses as a list; all its 5xx codes are transient.
    code`
      import axios from 'axios';
      export async function send(payload: unknown) {
        for (let attempt = 1; attempt <= 3; attempt++) {
          try {
            return await axios.post('${WA}', payload);
          } catch (err) {
            if (![500, 502, 503, 504].includes(err.response?.status)) throw err;
            await sleep(attempt * 500);
          }
        }
      }
    `,
    // An imported predicate the rule cannot look into gets the benefit of the doubt.
    code`
      import axios from 'axios';
      import { isTransient } from './errors';
      export async function send(payload: unknown) {
        for (let attempt = 1; attempt <= 5; attempt++) {
          try {
            return await axios.post('${BUBBLES}', payload);
          } catch (err) {
            if (!isTransient(err)) throw err;
            await sleep(attempt * 1000);
          }
        }
      }
    `,

    // ══ Rate limits that wait as the provider says ════════════════════════
    // Connexease: sleep for errors.params.retry_after.
    code`
      import axios from 'axios';
      export async function send(payload: unknown) {
        for (let attempt = 1; attempt <= 5; attempt++) {
          try {
            return await axios.post('${CONNEX}', payload);
          } catch (err) {
            const { errors } = err.response.data;
            if (errors.code !== 'RATE_001') throw err;
            await sleep(parseInt(errors.params.retry_after, 10) * 1000);
          }
        }
      }
    `,
    // Connexease: fetch, `isSuccess`, the wait held in a variable.
    code`
      export async function send(payload: unknown) {
        while (true) {
          const res = await fetch('${CONNEX}', { method: 'POST', body: JSON.stringify(payload) });
          const body = await res.json();
          if (body.isSuccess) return body;
          if (body.errors.code !== 'RATE_001') throw new Error(body.errors.code);
          const wait = body.errors.params.retry_after;
          await sleep(parseInt(wait, 10) * 1000);
        }
      }
    `,

    // ══ Recursion ═════════════════════════════════════════════════════════
    // Meta Cloud API: retryClassOf() === 'transient'.
    code`
      import axios from 'axios';
      import { retryClassOf } from 'eslint-plugin-whatsapp-errors/catalog';
      export async function send(payload: unknown): Promise<unknown> {
        try {
          return await axios.post('${META}', payload);
        } catch (err) {
          if (retryClassOf('meta-cloud', err.response?.data?.error?.code) === 'transient') {
            await sleep(1000);
            return send(payload);
          }
          throw err;
        }
      }
    `,
    // wa-server: a `.catch` handler that rethrows what is not retryable.
    code`
      import axios from 'axios';
      import { isRetryable } from 'eslint-plugin-whatsapp-errors/catalog';
      export function send(payload: unknown): Promise<unknown> {
        return axios.post('${WA}', payload).catch(async (err) => {
          if (!isRetryable('wa-server', err.response?.data?.error?.code)) throw err;
          await sleep(1000);
          return send(payload);
        });
      }
    `,
    // CEQUENS: `setTimeout(() => send(...))` from a catch, for retryable codes only.
    code`
      import axios from 'axios';
      import { isRetryable } from 'eslint-plugin-whatsapp-errors/catalog';
      export async function send(payload: unknown) {
        try {
          await axios.post('${CEQUENS}', payload);
        } catch (err) {
          if (!isRetryable('cequens', err.response?.data?.errors?.[0]?.code)) throw err;
          setTimeout(() => send(payload), 5000);
        }
      }
    `,
    // wa-server: the decision as a conditional expression (transient codes only, so no wait
    // is needed). (Fails today: an expression-bodied handler counts as "always retries"
    // whenever it contains the recursive call.)
    {
      name: 'wa-server: .catch handler deciding with a conditional expression',
      code: code`
        import axios from 'axios';
        import { retryClassOf } from 'eslint-plugin-whatsapp-errors/catalog';
        export function send(payload: unknown): Promise<unknown> {
          return axios.post('${WA}', payload).catch((err) =>
            retryClassOf('wa-server', err.response?.data?.error?.code) === 'transient' ? send(payload) : Promise.reject(err),
          );
        }
      `,
    },

    // ══ Retry libraries ═══════════════════════════════════════════════════
    // p-retry: shouldRetry with isRetryable().
    code`
      import pRetry from 'p-retry';
      import axios from 'axios';
      import { isRetryable } from 'eslint-plugin-whatsapp-errors/catalog';
      export const send = (payload: unknown) =>
        pRetry(() => axios.post('${META}', payload), {
          retries: 5,
          shouldRetry: ({ error }) => isRetryable('meta-cloud', error.response?.data?.error?.code),
        });
    `,
    // p-retry: the same as a block body. (Fails today: a callback with several returns is
    // treated as undecided, so every code counts as retried.)
    {
      name: 'p-retry: shouldRetry with a block body',
      code: code`
        import pRetry from 'p-retry';
        import axios from 'axios';
        import { isRetryable } from 'eslint-plugin-whatsapp-errors/catalog';
        export const send = (payload: unknown) =>
          pRetry(() => axios.post('${META}', payload), {
            shouldRetry: ({ error }) => {
              if (!isRetryable('meta-cloud', error.response?.data?.error?.code)) return false;
              return true;
            },
          });
      `,
    },
    // p-retry: MsgBubbles 5xx only (all transient).
    code`
      import pRetry from 'p-retry';
      import axios from 'axios';
      export const send = (payload: unknown, key: string) =>
        pRetry(() => axios.post('${BUBBLES}', payload, { headers: { 'Idempotency-Key': key } }), {
          shouldRetry: ({ error }) => error.response?.status >= 500,
        });
    `,
    // p-retry: onFailedAttempt throws for what is not retryable, which stops p-retry.
    code`
      import pRetry from 'p-retry';
      import axios from 'axios';
      import { isRetryable } from 'eslint-plugin-whatsapp-errors/catalog';
      export const send = (payload: unknown) =>
        pRetry(() => axios.post('${WA}', payload), {
          retries: 5,
          onFailedAttempt: (error) => {
            if (!isRetryable('wa-server', error.response?.data?.error?.code)) throw error;
          },
        });
    `,
    // p-retry: AbortError for every code that is not retryable.
    code`
      import pRetry, { AbortError } from 'p-retry';
      import axios from 'axios';
      import { isRetryable } from 'eslint-plugin-whatsapp-errors/catalog';
      export const send = (payload: unknown) =>
        pRetry(async () => {
          try {
            return await axios.post('${BUBBLES}', payload);
          } catch (err) {
            if (!isRetryable('msgbubbles', err.response?.data?.error)) throw new AbortError(err.message);
            throw err;
          }
        });
    `,
    // p-retry: Connexease RATE_001, waiting retry_after in onFailedAttempt. (Fails today: a
    // library's delay is never read from its hooks, so this counts as ignoring the wait.)
    {
      name: 'p-retry: onFailedAttempt waits Connexease retry_after',
      code: code`
        import pRetry from 'p-retry';
        import axios from 'axios';
        export const send = (payload: unknown) =>
          pRetry(() => axios.post('${CONNEX}', payload), {
            shouldRetry: ({ error }) => error.response?.data?.errors?.code === 'RATE_001',
            onFailedAttempt: async ({ error }) => {
              await sleep(parseInt(error.response.data.errors.params.retry_after, 10) * 1000);
            },
          });
      `,
    },
    // async-retry: bail() on what is not retryable.
    code`
      import retry from 'async-retry';
      import axios from 'axios';
      import { isRetryable } from 'eslint-plugin-whatsapp-errors/catalog';
      export const send = (payload: unknown) =>
        retry(
          async (bail) => {
            try {
              return await axios.post('${CEQUENS}', payload);
            } catch (err) {
              if (!isRetryable('cequens', err.response?.data?.errors?.[0]?.code)) {
                bail(err);
                return;
              }
              throw err;
            }
          },
          { retries: 3 },
        );
    `,
    // promise-retry: the handler calls retry(err) for transient codes only.
    code`
      import promiseRetry from 'promise-retry';
      import axios from 'axios';
      export const send = (payload: unknown) =>
        promiseRetry((retry) =>
          axios.post('${DIGI}', payload).catch((err) => {
            const code = err.response?.data?.error;
            if (code === 'server_down' || code === 'send_message_failed' || code === 'internal_error') retry(err);
            throw err;
          }),
        );
    `,
    // exponential-backoff: `retry` with isRetryable().
    code`
      import { backOff } from 'exponential-backoff';
      import axios from 'axios';
      import { isRetryable } from 'eslint-plugin-whatsapp-errors/catalog';
      export const send = (payload: unknown) =>
        backOff(() => axios.post('${WA}', payload), {
          numOfAttempts: 5,
          retry: (e) => isRetryable('wa-server', e.response?.data?.error?.code),
        });
    `,
    // exponential-backoff: `retry` with retryClassOf().
    code`
      import { backOff } from 'exponential-backoff';
      import axios from 'axios';
      import { retryClassOf } from 'eslint-plugin-whatsapp-errors/catalog';
      export const send = (payload: unknown) =>
        backOff(() => axios.post('${DIGI}', payload), {
          retry: (e) => retryClassOf('digiworld', e.response?.data?.error) === 'transient',
        });
    `,
    // cockatiel: handleWhen with isRetryable().
    code`
      import { retry, handleWhen, ExponentialBackoff } from 'cockatiel';
      import axios from 'axios';
      import { isRetryable } from 'eslint-plugin-whatsapp-errors/catalog';
      const policy = retry(
        handleWhen((err) => isRetryable('meta-cloud', err.response?.data?.error?.code)),
        { maxAttempts: 3, backoff: new ExponentialBackoff() },
      );
      export const send = (payload: unknown) => policy.execute(() => axios.post('${META}', payload));
    `,
    // cockatiel: handleType with a predicate on MsgBubbles 5xx.
    code`
      import { retry, handleType, ExponentialBackoff } from 'cockatiel';
      import axios, { AxiosError } from 'axios';
      const policy = retry(handleType(AxiosError, (err) => err.response?.status >= 500), { maxAttempts: 3, backoff: new ExponentialBackoff() });
      export const send = (payload: unknown) => policy.execute(() => axios.post('${BUBBLES}', payload));
    `,
    // axios-retry's default retries network errors and idempotent requests only: a POST send is not retried.
    code`
      import axios from 'axios';
      import axiosRetry from 'axios-retry';
      const client = axios.create({ baseURL: 'https://api.msgbubbles.com/v1' });
      axiosRetry(client, { retries: 3 });
      export const send = (payload: unknown) => client.post('/messages', payload);
    `,
    // axios-retry: retryCondition with isRetryable().
    code`
      import axios from 'axios';
      import axiosRetry from 'axios-retry';
      import { isRetryable } from 'eslint-plugin-whatsapp-errors/catalog';
      const client = axios.create({ baseURL: 'https://wa.sagad.net/api/v1' });
      axiosRetry(client, {
        retries: 3,
        retryDelay: axiosRetry.exponentialDelay,
        retryCondition: (error) => isRetryable('wa-server', error.response?.data?.error?.code),
      });
      export const send = (payload: unknown) => client.post('/messages/send', payload);
    `,
    // ky: POST retried on MsgBubbles 502/503 only, whose codes are all transient.
    code`
      import ky from 'ky';
      export const send = (payload: unknown) =>
        ky.post('${BUBBLES}', {
          json: payload,
          retry: { limit: 3, methods: ['post'], statusCodes: [502, 503] },
        });
    `,
    // got and ky never retry POST unless `methods` says so.
    code`
      import got from 'got';
      import ky from 'ky';
      export const viaGot = (payload: unknown) => got.post('${WA}', { json: payload, retry: { limit: 5 } });
      export const viaKy = (payload: unknown) => ky.post('${BUBBLES}', { json: payload, retry: 3 });
    `,
  ],

  invalid: [
    // ══ Hand-written loops ════════════════════════════════════════════════
    // Meta Cloud API: an attempt counter and a sleep, nothing else.
    {
      code: code`
        import axios from 'axios';
        export async function send(payload: unknown) {
          for (let attempt = 0; attempt < 3; attempt++) {
            try {
              return await axios.post('${META}', payload);
            } catch (err) {
              await sleep(1000);
            }
          }
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: EVERY['meta-cloud'] }, line: 3, column: 3, endLine: 3, endColumn: 6 }],
    },
    // Meta Cloud API: fetch without a try, `if (res.ok) return`, otherwise round again.
    {
      code: code`
        export async function send(payload: unknown) {
          while (true) {
            const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
            if (res.ok) return res;
            await sleep(1000);
          }
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: EVERY['meta-cloud'] }, line: 2, column: 3, endLine: 2, endColumn: 8 }],
    },
    // wa-server: `while (true)` with a `break` on success.
    {
      code: code`
        import axios from 'axios';
        export async function send(payload: unknown) {
          let res;
          while (true) {
            try {
              res = await axios.post('${WA}', payload);
              break;
            } catch (err) {
              await sleep(500);
            }
          }
          return res;
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'wa-server', examples: EVERY['wa-server'] }, line: 4, column: 3, endLine: 4, endColumn: 8 }],
    },
    // Digiworld: `do … while (!sent)`, no sleep.
    {
      code: code`
        import axios from 'axios';
        export async function send(payload: unknown) {
          let sent = false;
          do {
            try {
              await axios.post('${DIGI}', payload);
              sent = true;
            } catch (err) {
              console.warn(err);
            }
          } while (!sent);
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'digiworld', examples: EVERY.digiworld }, line: 4, column: 3, endLine: 4, endColumn: 5 }],
    },
    // CEQUENS: the decision looks at the attempt count only.
    {
      code: code`
        import axios from 'axios';
        export async function send(payload: unknown) {
          for (let attempt = 1; ; attempt++) {
            try {
              return await axios.post('${CEQUENS}', payload);
            } catch (err) {
              if (attempt === 3) throw err;
            }
          }
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'cequens', examples: EVERY.cequens }, line: 3, column: 3, endLine: 3, endColumn: 6 }],
    },
    // MsgBubbles: the loop calls a same-file wrapper.
    {
      code: code`
        import axios from 'axios';
        async function post(payload: unknown) {
          return axios.post('${BUBBLES}', payload);
        }
        export async function send(payload: unknown) {
          let tries = 0;
          while (tries++ < 3) {
            try {
              return await post(payload);
            } catch {
              await sleep(1000);
            }
          }
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'msgbubbles', examples: EVERY.msgbubbles }, line: 7, column: 3, endLine: 7, endColumn: 8 }],
    },
    // MsgBubbles: an attempt loop per recipient; the inner loop is the retry.
    {
      code: code`
        import axios from 'axios';
        export async function sendAll(recipients: string[]) {
          for (const to of recipients) {
            for (let attempt = 0; attempt < 3; attempt++) {
              try {
                await axios.post('${BUBBLES}', { to });
                break;
              } catch {
                await sleep(1000);
              }
            }
          }
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'msgbubbles', examples: EVERY.msgbubbles }, line: 4, column: 5, endLine: 4, endColumn: 8 }],
    },
    // An in-house gateway from settings.
    {
      code: code`
        import axios from 'axios';
        export async function send(payload: unknown) {
          for (let attempt = 0; attempt < 3; attempt++) {
            try {
              return await axios.post('https://wa.acme.internal/v1/send', payload);
            } catch {
              await sleep(1000);
            }
          }
        }
      `,
      settings: customSettings,
      errors: [{ messageId: 'blindRetry', data: { provider: 'acme-wa', examples: "'1001' (Recipient unknown)" }, line: 3, column: 3, endLine: 3, endColumn: 6 }],
    },
    // Meta Cloud API: excludes two codes, retries the other 42 that cannot succeed.
    {
      code: code`
        import axios from 'axios';
        export async function send(payload: unknown) {
          for (let attempt = 1; attempt <= 5; attempt++) {
            try {
              return await axios.post('${META}', payload);
            } catch (err) {
              const code = err.response?.data?.error?.code;
              if (code === 131047 || code === 190) throw err;
              await sleep(1000);
            }
          }
        }
      `,
      errors: [
        {
          messageId: 'partialRetry',
          data: { errors: 'errors', count: NON_RETRYABLE['meta-cloud'] - 2, provider: 'meta-cloud', examples: cite('meta-cloud', 131026, 0) },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 6,
        },
      ],
    },
    // Digiworld: a `do … while` that gives up on validation errors only.
    {
      code: code`
        import axios from 'axios';
        export async function send(payload: unknown) {
          let attempts = 0;
          do {
            attempts++;
            try {
              return await axios.post('${DIGI}', payload);
            } catch (err) {
              if (err.response?.data?.error === 'validation_error') throw err;
              continue;
            }
          } while (attempts < 5);
        }
      `,
      errors: [
        {
          messageId: 'partialRetry',
          data: { errors: 'errors', count: NON_RETRYABLE.digiworld - 1, provider: 'digiworld', examples: EVERY.digiworld },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 5,
        },
      ],
    },
    // CEQUENS: a list of "retryable" codes that includes 470 (24-hour window closed).
    {
      code: code`
        import axios from 'axios';
        const RETRY_ON = [500, 1011, 470];
        export async function send(payload: unknown) {
          for (let attempt = 1; attempt <= 3; attempt++) {
            try {
              return await axios.post('${CEQUENS}', payload);
            } catch (err) {
              if (!RETRY_ON.includes(err.response?.data?.errors?.[0]?.code)) throw err;
              await sleep(1000);
            }
          }
        }
      `,
      errors: [
        { messageId: 'partialRetry', data: { errors: 'error', count: 1, provider: 'cequens', examples: cite('cequens', 470) }, line: 4, column: 3, endLine: 4, endColumn: 6 },
      ],
    },
    // wa-server: retries 409, which is six codes and all of them need a fix first.
    {
      code: code`
        import axios from 'axios';
        export async function send(payload: unknown) {
          for (let attempt = 1; attempt <= 5; attempt++) {
            try {
              return await axios.post('${WA}', payload);
            } catch (err) {
              if (err.response?.status === 409) {
                await sleep(1000);
                continue;
              }
              throw err;
            }
          }
        }
      `,
      errors: [
        {
          messageId: 'partialRetry',
          data: { errors: 'errors', count: 6, provider: 'wa-server', examples: cite('wa-server', 'conflict', 'device_not_connected') },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 6,
        },
      ],
    },
    // wa-server: gives up outside 4xx, i.e. retries every 4xx.
    {
      code: code`
        import axios from 'axios';
        export async function send(payload: unknown) {
          for (let attempt = 1; attempt <= 5; attempt++) {
            try {
              return await axios.post('${WA}', payload);
            } catch (err) {
              const status = err.response?.status;
              if (status < 400 || status >= 500) throw err;
              await sleep(1000);
            }
          }
        }
      `,
      errors: [
        {
          messageId: 'partialRetry',
          data: { errors: 'errors', count: NON_RETRYABLE['wa-server'], provider: 'wa-server', examples: EVERY['wa-server'] },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 6,
        },
      ],
    },
    // MsgBubbles: retries a 4xx range written with `&&`. (Fails today: the second bound of
    // the range evaluates as opaque, so the whole test is given the benefit of the doubt.)
    {
      name: 'MsgBubbles: 4xx range written with &&',
      code: code`
        import axios from 'axios';
        export async function send(payload: unknown) {
          for (let attempt = 1; attempt <= 3; attempt++) {
            try {
              return await axios.post('${BUBBLES}', payload);
            } catch (err) {
              const status = err.response?.status;
              if (status >= 400 && status < 500) {
                await sleep(1000);
                continue;
              }
              throw err;
            }
          }
        }
      `,
      errors: [
        {
          messageId: 'partialRetry',
          data: { errors: 'errors', count: NON_RETRYABLE.msgbubbles, provider: 'msgbubbles', examples: EVERY.msgbubbles },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 6,
        },
      ],
    },
    // Digiworld: 5xx and 429, but its 429 also means plan or spending limits and OTP lockouts.
    {
      code: code`
        import axios from 'axios';
        export async function send(payload: unknown) {
          for (let attempt = 1; attempt <= 5; attempt++) {
            try {
              return await axios.post('${DIGI}', payload);
            } catch (err) {
              const status = err.response?.status;
              if (status === 429 || status >= 500) {
                await sleep(attempt * 1000);
                continue;
              }
              throw err;
            }
          }
        }
      `,
      errors: [
        {
          messageId: 'partialRetry',
          data: { errors: 'errors', count: 4, provider: 'digiworld', examples: cite('digiworld', 'otp_resend_limit', 'plan_limit_reached') },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 6,
        },
      ],
    },

    // ══ Rate limits ═══════════════════════════════════════════════════════
    // Meta Cloud API: only 130429, but at once.
    {
      code: code`
        import axios from 'axios';
        export async function send(payload: unknown) {
          for (let attempt = 1; attempt <= 5; attempt++) {
            try {
              return await axios.post('${META}', payload);
            } catch (err) {
              if (err.response?.data?.error?.code !== 130429) throw err;
            }
          }
        }
      `,
      errors: [{ messageId: 'rateLimitNoWait', data: { provider: 'meta-cloud', codes: '130429' }, line: 3, column: 3, endLine: 3, endColumn: 6 }],
    },
    // Meta Cloud API: a zero sleep is no wait.
    {
      code: code`
        import axios from 'axios';
        const THROTTLED = new Set([130429, 131056]);
        export async function send(payload: unknown) {
          for (let attempt = 1; attempt <= 5; attempt++) {
            try {
              return await axios.post('${META}', payload);
            } catch (err) {
              if (!THROTTLED.has(err.response?.data?.error?.code)) throw err;
              await sleep(0);
            }
          }
        }
      `,
      errors: [{ messageId: 'rateLimitNoWait', data: { provider: 'meta-cloud', codes: '130429 and 131056' }, line: 4, column: 3, endLine: 4, endColumn: 6 }],
    },
    // Connexease: a fixed one-second sleep instead of errors.params.retry_after.
    {
      code: code`
        import axios from 'axios';
        export async function send(payload: unknown) {
          for (let attempt = 1; attempt <= 5; attempt++) {
            try {
              return await axios.post('${CONNEX}', payload);
            } catch (err) {
              if (err.response?.data?.errors?.code !== 'RATE_001') throw err;
              await sleep(1000);
            }
          }
        }
      `,
      errors: [
        {
          messageId: 'ignoresRetryAfter',
          data: { provider: 'connexease', codes: 'RATE_001', hint: 'body.errors.params.retry_after' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 6,
        },
      ],
    },
    // Connexease: fetch in `while (true)`, rate limits retried with no wait at all.
    {
      code: code`
        export async function send(payload: unknown) {
          while (true) {
            const res = await fetch('${CONNEX}', { method: 'POST', body: JSON.stringify(payload) });
            const body = await res.json();
            if (body.isSuccess) return body;
            if (body.errors.code !== 'RATE_001') throw new Error(body.errors.code);
          }
        }
      `,
      errors: [{ messageId: 'rateLimitNoWait', data: { provider: 'connexease', codes: 'RATE_001' }, line: 2, column: 3, endLine: 2, endColumn: 8 }],
    },
    // CEQUENS: recursion on its three throttling codes, at once.
    {
      code: code`
        import axios from 'axios';
        export async function send(payload: unknown): Promise<unknown> {
          try {
            return await axios.post('${CEQUENS}', payload);
          } catch (err) {
            const code = err.response?.data?.errors?.[0]?.code;
            if (code === 429 || code === 1015 || code === 1016) return send(payload);
            throw err;
          }
        }
      `,
      errors: [{ messageId: 'rateLimitNoWait', data: { provider: 'cequens', codes: '429, 1015 and 1016' }, line: 7, column: 64, endLine: 7, endColumn: 77 }],
    },

    // ══ Recursion ═════════════════════════════════════════════════════════
    // wa-server: the function calls itself from its catch, with a counter.
    {
      code: code`
        import axios from 'axios';
        export async function send(payload: unknown, attempt = 0): Promise<unknown> {
          try {
            return await axios.post('${WA}', payload);
          } catch (err) {
            if (attempt >= 3) throw err;
            await sleep(1000);
            return send(payload, attempt + 1);
          }
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'wa-server', examples: EVERY['wa-server'] }, line: 8, column: 12, endLine: 8, endColumn: 38 }],
    },
    // MsgBubbles: `.catch(() => send(...))`.
    {
      code: code`
        import axios from 'axios';
        export function send(payload: unknown): Promise<unknown> {
          return axios.post('${BUBBLES}', payload).catch(() => send(payload));
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'msgbubbles', examples: EVERY.msgbubbles }, line: 3, column: 84, endLine: 3, endColumn: 97 }],
    },
    // Meta Cloud API: the rejection handler of `.then(onOk, onError)`.
    {
      code: code`
        import axios from 'axios';
        export function send(payload: unknown): Promise<unknown> {
          return axios.post('${META}', payload).then((res) => res.data, () => send(payload));
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: EVERY['meta-cloud'] }, line: 3, column: 116, endLine: 3, endColumn: 129 }],
    },
    // CEQUENS: `setTimeout(() => send(...))` from a catch.
    {
      code: code`
        import axios from 'axios';
        export async function send(payload: unknown) {
          try {
            await axios.post('${CEQUENS}', payload);
          } catch (err) {
            setTimeout(() => send(payload), 5000);
          }
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'cequens', examples: EVERY.cequens }, line: 6, column: 22, endLine: 6, endColumn: 35 }],
    },
    // Digiworld: `setTimeout(() => send(...))` from a `.catch` handler.
    {
      code: code`
        import axios from 'axios';
        export function send(payload: unknown) {
          axios.post('${DIGI}', payload).catch(() => {
            setTimeout(() => send(payload), 2000);
          });
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'digiworld', examples: EVERY.digiworld }, line: 4, column: 22, endLine: 4, endColumn: 35 }],
    },
    // Meta Cloud API: `setTimeout(() => send(...))` on `!res.ok` with fetch. (Fails today:
    // recursion is only looked for in a catch or a rejection handler.)
    {
      name: 'Meta Cloud API: setTimeout recursion on !res.ok with fetch',
      code: code`
        export async function send(payload: unknown) {
          const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
          if (!res.ok) {
            setTimeout(() => send(payload), 1000);
            return;
          }
          return res.json();
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: EVERY['meta-cloud'] }, line: 4, column: 22, endLine: 4, endColumn: 35 }],
    },
    // Connexease: fetch with `if (!res.ok) throw`, then recursion from the catch.
    {
      code: code`
        export async function send(payload: unknown): Promise<Response> {
          try {
            const res = await fetch('${CONNEX}', { method: 'POST', body: JSON.stringify(payload) });
            if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
            return res;
          } catch (err) {
            await sleep(1000);
            return send(payload);
          }
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'connexease', examples: EVERY.connexease }, line: 8, column: 12, endLine: 8, endColumn: 25 }],
    },
    // wa-server: a method that calls itself through `this`.
    {
      code: code`
        import axios from 'axios';
        export class Sender {
          async send(payload: unknown): Promise<unknown> {
            try {
              return await axios.post('${WA}', payload);
            } catch (err) {
              await sleep(1000);
              return this.send(payload);
            }
          }
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'wa-server', examples: EVERY['wa-server'] }, line: 8, column: 14, endLine: 8, endColumn: 32 }],
    },

    // ══ p-retry ═══════════════════════════════════════════════════════════
    // Meta Cloud API: plain p-retry retries every rejection.
    {
      code: code`
        import pRetry from 'p-retry';
        import axios from 'axios';
        export const send = (payload: unknown) => pRetry(() => axios.post('${META}', payload), { retries: 5 });
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: EVERY['meta-cloud'] }, line: 3, column: 43, endLine: 3, endColumn: 148 }],
    },
    // MsgBubbles: fetch that throws on `!res.ok` inside p-retry.
    {
      code: code`
        import pRetry from 'p-retry';
        export const send = (payload: unknown) =>
          pRetry(async () => {
            const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
            if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
            return res.json();
          });
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'msgbubbles', examples: EVERY.msgbubbles }, line: 3, column: 3, endLine: 7, endColumn: 5 }],
    },
    // wa-server: an onFailedAttempt that only logs stops nothing.
    {
      code: code`
        import pRetry from 'p-retry';
        import axios from 'axios';
        export const send = (payload: unknown) =>
          pRetry(() => axios.post('${WA}', payload), {
            retries: 5,
            onFailedAttempt: (error) => {
              console.warn(\`attempt \${error.attemptNumber} failed\`);
            },
          });
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'wa-server', examples: EVERY['wa-server'] }, line: 4, column: 3, endLine: 9, endColumn: 5 }],
    },
    // MsgBubbles: AbortError for one code only.
    {
      code: code`
        import pRetry, { AbortError } from 'p-retry';
        import axios from 'axios';
        export const send = (payload: unknown) =>
          pRetry(async () => {
            try {
              return await axios.post('${BUBBLES}', payload);
            } catch (err) {
              if (err.response?.data?.error === 'invalid_request') throw new AbortError(err.message);
              throw err;
            }
          });
      `,
      errors: [
        {
          messageId: 'partialRetry',
          data: { errors: 'errors', count: NON_RETRYABLE.msgbubbles - 1, provider: 'msgbubbles', examples: cite('msgbubbles', 'invalid_handle', 'invalid_from_handle') },
          line: 4,
          column: 3,
          endLine: 11,
          endColumn: 5,
        },
      ],
    },
    // Meta Cloud API: rate-limit codes only, but `minTimeout: 0`.
    {
      code: code`
        import pRetry from 'p-retry';
        import axios from 'axios';
        const THROTTLED = new Set([130429, 131056]);
        export const send = (payload: unknown) =>
          pRetry(() => axios.post('${META}', payload), {
            minTimeout: 0,
            shouldRetry: ({ error }) => THROTTLED.has(error.response?.data?.error?.code),
          });
      `,
      errors: [{ messageId: 'rateLimitNoWait', data: { provider: 'meta-cloud', codes: '130429 and 131056' }, line: 5, column: 3, endLine: 8, endColumn: 5 }],
    },

    // ══ async-retry ═══════════════════════════════════════════════════════
    // CEQUENS: no bail at all.
    {
      code: code`
        import retry from 'async-retry';
        import axios from 'axios';
        export const send = (payload: unknown) => retry(() => axios.post('${CEQUENS}', payload), { retries: 3 });
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'cequens', examples: EVERY.cequens }, line: 3, column: 43, endLine: 3, endColumn: 152 }],
    },
    // wa-server: bail on validation errors only.
    {
      code: code`
        import retry from 'async-retry';
        import axios from 'axios';
        export const send = (payload: unknown) =>
          retry(async (bail) => {
            try {
              return await axios.post('${WA}', payload);
            } catch (err) {
              if (err.response?.data?.error?.code === 'validation_error') return bail(err);
              throw err;
            }
          });
      `,
      errors: [
        {
          messageId: 'partialRetry',
          data: { errors: 'errors', count: NON_RETRYABLE['wa-server'] - 1, provider: 'wa-server', examples: cite('wa-server', 'not_found', 'device_not_connected') },
          line: 4,
          column: 3,
          endLine: 11,
          endColumn: 5,
        },
      ],
    },

    // ══ promise-retry ═════════════════════════════════════════════════════
    // Digiworld: `.catch(retry)` retries every rejection.
    {
      code: code`
        import promiseRetry from 'promise-retry';
        import axios from 'axios';
        export const send = (payload: unknown) => promiseRetry((retry) => axios.post('${DIGI}', payload).catch(retry), { retries: 3 });
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'digiworld', examples: EVERY.digiworld }, line: 3, column: 43, endLine: 3, endColumn: 185 }],
    },
    // Connexease: retries only retryable codes, but promise-retry's own backoff ignores retry_after.
    {
      code: code`
        import promiseRetry from 'promise-retry';
        import axios from 'axios';
        import { isRetryable } from 'eslint-plugin-whatsapp-errors/catalog';
        export const send = (payload: unknown) =>
          promiseRetry(async (retry) => {
            try {
              return await axios.post('${CONNEX}', payload);
            } catch (err) {
              if (isRetryable('connexease', err.response?.data?.errors?.code)) retry(err);
              throw err;
            }
          });
      `,
      errors: [
        {
          messageId: 'ignoresRetryAfter',
          data: { provider: 'connexease', codes: 'RATE_001', hint: 'body.errors.params.retry_after' },
          line: 5,
          column: 3,
          endLine: 12,
          endColumn: 5,
        },
      ],
    },

    // ══ exponential-backoff ═══════════════════════════════════════════════
    // Connexease: no `retry` option.
    {
      code: code`
        import { backOff } from 'exponential-backoff';
        import axios from 'axios';
        export const send = (payload: unknown) => backOff(() => axios.post('${CONNEX}', payload));
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'connexease', examples: EVERY.connexease }, line: 3, column: 43, endLine: 3, endColumn: 127 }],
    },
    // wa-server: `retry` looks at the attempt number only.
    {
      code: code`
        import { backOff } from 'exponential-backoff';
        import axios from 'axios';
        export const send = (payload: unknown) =>
          backOff(() => axios.post('${WA}', payload), {
            retry: (e, attemptNumber) => attemptNumber < 5,
          });
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'wa-server', examples: EVERY['wa-server'] }, line: 4, column: 3, endLine: 6, endColumn: 5 }],
    },

    // ══ cockatiel ═════════════════════════════════════════════════════════
    // Meta Cloud API: handleAll.
    {
      code: code`
        import { retry, handleAll, ExponentialBackoff } from 'cockatiel';
        import axios from 'axios';
        const policy = retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() });
        export const send = (payload: unknown) => policy.execute(() => axios.post('${META}', payload));
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: EVERY['meta-cloud'] }, line: 4, column: 43, endLine: 4, endColumn: 140 }],
    },
    // Meta Cloud API: handleWhen that excludes 131047 alone.
    {
      code: code`
        import { retry, handleWhen, ExponentialBackoff } from 'cockatiel';
        import axios from 'axios';
        const policy = retry(handleWhen((err) => err.response?.data?.error?.code !== 131047), { maxAttempts: 3, backoff: new ExponentialBackoff() });
        export const send = (payload: unknown) => policy.execute(() => axios.post('${META}', payload));
      `,
      errors: [
        {
          messageId: 'partialRetry',
          data: { errors: 'errors', count: NON_RETRYABLE['meta-cloud'] - 1, provider: 'meta-cloud', examples: cite('meta-cloud', 131026, 190) },
          line: 4,
          column: 43,
          endLine: 4,
          endColumn: 140,
        },
      ],
    },

    // ══ axios-retry ═══════════════════════════════════════════════════════
    // MsgBubbles: `retryCondition: () => true` retries POST sends on every error.
    {
      code: code`
        import axios from 'axios';
        import axiosRetry from 'axios-retry';
        const client = axios.create({ baseURL: 'https://api.msgbubbles.com/v1' });
        axiosRetry(client, { retries: 3, retryDelay: axiosRetry.exponentialDelay, retryCondition: () => true });
        export const send = (payload: unknown) => client.post('/messages', payload);
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'msgbubbles', examples: EVERY.msgbubbles }, line: 4, column: 1, endLine: 4, endColumn: 104 }],
    },
    // Digiworld: retrying on 429 also retries its plan, spending and OTP limits.
    {
      code: code`
        import axios from 'axios';
        import axiosRetry from 'axios-retry';
        const client = axios.create({ baseURL: 'https://digichat.digiworld-dev.com/api/whatsapp/TOKEN' });
        axiosRetry(client, { retries: 3, retryDelay: axiosRetry.exponentialDelay, retryCondition: (error) => error.response?.status === 429 });
        export const send = (payload: unknown) => client.post('/sendMessage', payload);
      `,
      errors: [
        {
          messageId: 'partialRetry',
          data: { errors: 'errors', count: 4, provider: 'digiworld', examples: cite('digiworld', 'otp_resend_limit', 'plan_limit_reached') },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 135,
        },
      ],
    },

    // ══ got / ky retry options (reported at the `retry` property) ═════════
    // wa-server: 413 (request too large) never succeeds; 429 includes a limit wa-server already retries.
    {
      code: code`
        import got from 'got';
        export const send = (payload: unknown) =>
          got.post('${WA}', {
            json: payload,
            retry: { limit: 3, methods: ['POST'], statusCodes: [413, 429, 500, 502, 503] },
          });
      `,
      errors: [
        {
          messageId: 'clientRetryStatuses',
          data: { errors: 'errors', count: 2, provider: 'wa-server', library: 'got', examples: cite('wa-server', 'request_too_large', 'provider_rate_limit') },
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 83,
        },
      ],
    },
    // wa-server: a ky instance, per-call options.
    {
      code: code`
        import ky from 'ky';
        const api = ky.create({ prefixUrl: 'https://wa.sagad.net/api/v1' });
        export const send = (payload: unknown) => api.post('messages/send', { json: payload, retry: { limit: 2, methods: ['post'], statusCodes: [413, 429] } });
      `,
      errors: [
        {
          messageId: 'clientRetryStatuses',
          data: { errors: 'errors', count: 2, provider: 'wa-server', library: 'ky', examples: cite('wa-server', 'request_too_large', 'provider_rate_limit') },
          line: 3,
          column: 86,
          endLine: 3,
          endColumn: 149,
        },
      ],
    },
    // wa-server: a got instance that retries POST on got's default statuses (408, 413, 429, 5xx).
    {
      code: code`
        import got from 'got';
        const client = got.extend({ prefixUrl: 'https://wa.sagad.net/api/v1', retry: { limit: 2, methods: ['POST'] } });
        export const send = (payload: unknown) => client.post('messages/send', { json: payload });
      `,
      errors: [
        {
          messageId: 'clientRetryStatuses',
          data: { errors: 'errors', count: 2, provider: 'wa-server', library: 'got', examples: cite('wa-server', 'request_too_large', 'provider_rate_limit') },
          line: 2,
          column: 71,
          endLine: 2,
          endColumn: 109,
        },
      ],
    },
    // Connexease: got retries 429 with its own backoff or a Retry-After header; Connexease
    // sends neither, only errors.params.retry_after. (Fails today: got/ky retries always
    // count as honouring the provider's wait.)
    {
      name: 'Connexease: got retry on 429 ignores retry_after',
      code: code`
        import got from 'got';
        export const send = (payload: unknown) =>
          got.post('${CONNEX}', {
            json: payload,
            retry: { limit: 3, methods: ['POST'], statusCodes: [429] },
          });
      `,
      errors: [
        {
          messageId: 'ignoresRetryAfter',
          data: { provider: 'connexease', codes: 'RATE_001', hint: 'body.errors.params.retry_after' },
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 63,
        },
      ],
    },
  ],
});

// --- Twilio's SDK: autoRetry waits for 429s itself --------------------------
// twilio(sid, token, { autoRetry: true }) re-sends HTTP 429 with exponential backoff before it rejects;
// a retry around it that re-sends 20429 at once is not a retry without a wait.

const twilioLoop = (options: string, condition: string) => code`
  import twilio from 'twilio';
  const client = twilio(sid, token${options});
  export async function notify(to) {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        return await client.messages.create({ from: 'whatsapp:+14155238886', to: 'whatsapp:' + to, body: 'hi' });
      } catch (err) {
        ${condition}
      }
    }
  }
`;

ruleTester.run('no-blind-retry (Twilio SDK)', rule, {
  valid: [
    { code: twilioLoop(', { autoRetry: true }', 'if (err.status !== 429) throw err;'), filename: 'notify.ts' },
    { code: twilioLoop(', { autoRetry: true, maxRetries: 5 }', 'if (err.code !== 20429) throw err;'), filename: 'notify.ts' },
    // an SMS-only app: not a WhatsApp call
    {
      code: code`
        import twilio from 'twilio';
        const client = twilio(sid, token);
        export async function sendSms(to) {
          for (let attempt = 0; attempt < 3; attempt++) {
            try { return await client.messages.create({ from: '+14155238886', to, body: 'hi' }); } catch {}
          }
        }
      `,
      filename: 'sms.ts',
    },
  ],
  invalid: [
    // without autoRetry nothing waited: the retry of 20429 must wait
    {
      code: twilioLoop('', 'if (err.status !== 429) throw err;'),
      filename: 'notify.ts',
      errors: [{ messageId: 'rateLimitNoWait', data: { provider: 'twilio', codes: '20429' }, line: 4, column: 3, endLine: 4, endColumn: 6 }],
    },
    // autoRetry: false is off
    {
      code: twilioLoop(', { autoRetry: false }', 'if (err.code !== 20429) throw err;'),
      filename: 'notify.ts',
      errors: [{ messageId: 'rateLimitNoWait', data: { provider: 'twilio', codes: '20429' }, line: 4, column: 3, endLine: 4, endColumn: 6 }],
    },
    // autoRetry covers 429 only: a retry of every error is still blind
    {
      code: twilioLoop(', { autoRetry: true }', 'if (attempt === 2) throw err;'),
      filename: 'notify.ts',
      errors: [{ messageId: 'blindRetry', data: { provider: 'twilio', examples: cite('twilio', 63016, 20003) }, line: 4, column: 3, endLine: 4, endColumn: 6 }],
    },
  ],
});

// ─── Providers whose codes all arrive by webhook ────────────────────────────────
// Gupshup accepts a send with a 2xx and reports its failure later, in a failed message event: a retry decided on
// the HTTP status has no documented code to be judged by. A retry that looks at nothing is still blind.
ruleTester.run('no-blind-retry (codes that arrive by webhook only)', rule, {
  valid: [
    code`
      import axios from 'axios';
      export async function sendText(form: URLSearchParams) {
        for (let attempt = 0; attempt < 3; attempt++) {
          try {
            return await axios.post('https://api.gupshup.io/wa/api/v1/msg', form, { headers: { apikey: key } });
          } catch (err) {
            const status = err.response?.status;
            if (attempt === 2 || (status !== 429 && status < 500)) throw err;
            await sleep(1000 * 2 ** attempt);
          }
        }
      }
    `,
  ],
  invalid: [
    {
      code: code`
        import axios from 'axios';
        export async function sendText(form: URLSearchParams) {
          for (let attempt = 0; attempt < 3; attempt++) {
            try {
              return await axios.post('https://api.gupshup.io/wa/api/v1/msg', form, { headers: { apikey: key } });
            } catch (err) {
              if (attempt === 2) throw err;
              await sleep(1000 * 2 ** attempt);
            }
          }
        }
      `,
      errors: [{ messageId: 'eventsOnlyRetry', data: { provider: 'gupshup', examples: cite('gupshup', 1002, 1003) }, line: 3, column: 3, endLine: 3, endColumn: 6 }],
    },
  ],
});

// ─── Decisions read right (issue 15) ───────────────────────────────────────────
ruleTester.run('no-blind-retry: decisions after a call that resolves, through conditionals and helpers', rule, {
  valid: [
    // p-retry around fetch: the decision written after the call (AbortError for codes that are not retryable) is walked
    code`
      import pRetry, { AbortError } from 'p-retry';
      const RETRYABLE = new Set([1, 2, 4, 130429, 131000, 131016]);
      export function send(payload: object) {
        return pRetry(async () => {
          const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
          const body = await res.json();
          if (!res.ok) {
            if (!RETRYABLE.has(body.error.code)) throw new AbortError(body.error.message);
            throw new Error(body.error.message);
          }
          return body;
        }, { retries: 3 });
      }
    `,
    // p-retry around a bare fetch: an HTTP error resolves, so only a network error is retried
    code`
      import pRetry from 'p-retry';
      export const send = (payload: object) => pRetry(() => fetch('${META}', { method: 'POST', body: JSON.stringify(payload) }), { retries: 3 });
    `,
    // async-retry: bail() after the call stops the codes that are not retryable
    code`
      import retry from 'async-retry';
      export function send(payload: object) {
        return retry(async (bail) => {
          const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
          const body = await res.json();
          if (res.ok) return body;
          if (body.error.code !== 130429 && body.error.code !== 131000) return bail(new Error(body.error.message));
          throw new Error('retry');
        }, { retries: 3 });
      }
    `,
    // a catch that only rethrows changes nothing: the AbortError leaves as thrown
    code`
      import pRetry, { AbortError } from 'p-retry';
      export function send(payload: object) {
        return pRetry(async () => {
          try {
            const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
            if (!res.ok) throw new AbortError('not retried');
            return res.json();
          } catch (err) {
            throw err;
          }
        });
      }
    `,
  ],
  invalid: [
    // the same retry with every failure thrown as a plain Error re-sends them all
    {
      code: code`
      import pRetry from 'p-retry';
      export function send(payload: object) {
        return pRetry(async () => {
          const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
          if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
          return res.json();
        }, { retries: 3 });
      }
    `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: EVERY['meta-cloud'] }, line: 3, column: 10, endLine: 7, endColumn: 21 }],
    },
    // the code read through a conditional is the provider's code: the membership test decides (only 130429 is left unwaited)
    {
      code: code`
      import axios from 'axios';
      const TRANSIENT = new Set([1, 2, 130429, 131000, 131016]);
      export async function send(payload: object) {
        for (let attempt = 0; attempt < 3; attempt++) {
          try {
            return await axios.post('${META}', payload);
          } catch (err) {
            const code = axios.isAxiosError(err) ? err.response?.data?.error?.code : undefined;
            if (code === 13100) throw err;
            if (!TRANSIENT.has(code)) throw err;
          }
        }
      }
    `,
      errors: [{ messageId: 'rateLimitNoWait', data: { provider: 'meta-cloud', codes: '130429' }, line: 4, column: 3, endLine: 4, endColumn: 6 }],
    },
    // a helper reading the code gives the same verdict as a variable and inline
    {
      code: code`
      import axios from 'axios';
      const TRANSIENT = new Set([1, 2, 130429, 131000, 131016]);
      function codeOf(err: unknown) {
        return axios.isAxiosError(err) ? err.response?.data?.error?.code : undefined;
      }
      export async function send(payload: object) {
        for (let attempt = 0; attempt < 3; attempt++) {
          try {
            return await axios.post('${META}', payload);
          } catch (err) {
            const code = codeOf(err);
            if (!TRANSIENT.has(code)) throw err;
          }
        }
      }
      export async function sendInline(payload: object) {
        for (let attempt = 0; attempt < 3; attempt++) {
          try {
            return await axios.post('${META}', payload);
          } catch (err) {
            if (!TRANSIENT.has(codeOf(err))) throw err;
          }
        }
      }
    `,
      errors: [
        { messageId: 'rateLimitNoWait', data: { provider: 'meta-cloud', codes: '130429' }, line: 7, column: 3, endLine: 7, endColumn: 6 },
        { messageId: 'rateLimitNoWait', data: { provider: 'meta-cloud', codes: '130429' }, line: 17, column: 3, endLine: 17, endColumn: 6 },
      ],
    },
    // a loop around a same-file wrapper that returns the Response is a retry
    {
      code: code`
      async function post(payload: object) {
        return fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      }
      export async function send(payload: object) {
        for (let attempt = 0; attempt < 3; attempt++) {
          const res = await post(payload);
          if (res.ok) return res.json();
        }
        throw new Error('failed');
      }
    `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: EVERY['meta-cloud'] }, line: 5, column: 3, endLine: 5, endColumn: 6 }],
    },
    // a same-file predicate on the status, called with the error's status, decides as if written inline
    {
      code: code`
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
      errors: [{ messageId: 'partialRetry', data: { errors: 'error', count: 1, provider: 'wa-server', examples: cite('wa-server', 'provider_rate_limit') }, line: 6, column: 3, endLine: 6, endColumn: 6 }],
    },
    // a status test that only logs decides nothing: the retry is still every error
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
      errors: [{ messageId: 'blindRetry', data: { provider: 'wa-server', examples: EVERY['wa-server'] }, line: 3, column: 3, endLine: 3, endColumn: 6 }],
    },
  ],
});

// ─── Job engines and re-sends in a .catch (issue 16) ───────────────────────────
// A job that throws is run again by its engine: throwing on every provider error
// is a blind retry, reported where the error leaves the job (the rethrow, or the
// call nothing catches). A job that stops the engine for codes that cannot
// succeed, or that is not retried at all, is fine.
const job = (engine: string, stop: string) => ({ engine, provider: 'meta-cloud', examples: EVERY['meta-cloud'], stop });

ruleTester.run('no-blind-retry: job engines', rule, {
  valid: [
    // BullMQ: UnrecoverableError for the codes isRetryable() rejects
    code`
      import { Queue, Worker, UnrecoverableError } from 'bullmq';
      import axios from 'axios';
      import { isRetryable } from 'eslint-plugin-whatsapp-errors/catalog';
      new Queue('whatsapp', { defaultJobOptions: { attempts: 5 } });
      new Worker('whatsapp', async (job) => {
        try {
          await axios.post('${META}', job.data);
        } catch (err) {
          const code = err.response?.data?.error?.code;
          if (!isRetryable('meta-cloud', code)) throw new UnrecoverableError(String(code));
          throw err;
        }
      });
    `,
    // BullMQ: one attempt is no retry
    code`
      import { Queue, Worker } from 'bullmq';
      import axios from 'axios';
      new Queue('whatsapp', { defaultJobOptions: { attempts: 1 } });
      new Worker('whatsapp', async (job) => { await axios.post('${META}', job.data); });
    `,
    // Temporal: ApplicationFailure.nonRetryable for the codes that cannot succeed
    code`
      import { ApplicationFailure } from '@temporalio/activity';
      import axios from 'axios';
      import { isRetryable } from 'eslint-plugin-whatsapp-errors/catalog';
      export async function sendWhatsApp(to: string, text: string) {
        try {
          await axios.post('${META}', { messaging_product: 'whatsapp', to, text: { body: text } });
        } catch (err) {
          const code = err.response?.data?.error?.code;
          if (!isRetryable('meta-cloud', code)) throw ApplicationFailure.nonRetryable(\`WhatsApp \${code}\`);
          throw err;
        }
      }
    `,
    // Inngest: a step in an executor file that stops with NonRetriableError for the codes that cannot succeed
    code`
      import { NonRetriableError } from 'inngest';
      import axios from 'axios';
      import { isRetryable } from 'eslint-plugin-whatsapp-errors/catalog';
      export async function sendStep({ step, to }: { step: any; to: string }) {
        return step.run('send-whatsapp', async () => {
          try {
            return (await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } })).data;
          } catch (err) {
            const code = err.response?.data?.error?.code;
            if (!isRetryable('meta-cloud', code)) throw new NonRetriableError(\`WhatsApp \${code}\`);
            throw err;
          }
        });
      }
    `,
    // Inngest: a step inside a function with retries: 0 is judged with its function, which is not retried
    code`
      import { Inngest } from 'inngest';
      import axios from 'axios';
      const inngest = new Inngest({ id: 'app' });
      export const once = inngest.createFunction({ id: 'send-once', retries: 0 }, { event: 'message/once' }, async ({ event, step }) => {
        await step.run('send', () => axios.post('${META}', event.data));
      });
    `,
    // a step.run of something that is not Inngest (no inngest in the file) is not a job
    code`
      import axios from 'axios';
      export async function migrate(step: { run(name: string, fn: () => Promise<unknown>): Promise<unknown> }) {
        await step.run('send', () => axios.post('${META}', { messaging_product: 'whatsapp', to: '1' }));
      }
    `,
    // a .catch that sends something else (an alert) re-sends nothing
    code`
      import axios from 'axios';
      export function send(payload: object) {
        return axios.post('${META}', payload).catch((err) => axios.post('https://hooks.example.com/alert', { err: String(err) }));
      }
    `,
  ],
  invalid: [
    // BullMQ: attempts in the queue's defaultJobOptions; the catch rethrows every error
    {
      code: code`
        import { Queue, Worker } from 'bullmq';
        import axios from 'axios';
        export const queue = new Queue('whatsapp', { defaultJobOptions: { attempts: 5, backoff: { type: 'exponential', delay: 1000 } } });
        new Worker('whatsapp', async (job) => {
          try {
            await axios.post('${META}', job.data);
          } catch (err) {
            console.error(err);
            throw err;
          }
        });
      `,
      errors: [{ messageId: 'jobRetry', data: job('bullmq', 'throw an UnrecoverableError'), line: 9, column: 5, endLine: 9, endColumn: 15 }],
    },
    // BullMQ: attempts per job in add(); nothing catches the send's rejection
    {
      code: code`
        import { Queue, Worker } from 'bullmq';
        import axios from 'axios';
        const queue = new Queue('whatsapp');
        export const enqueue = (data: object) => queue.add('send', data, { attempts: 3 });
        new Worker('whatsapp', async (job) => {
          await axios.post('${META}', job.data);
        });
      `,
      errors: [{ messageId: 'jobRetry', data: job('bullmq', 'throw an UnrecoverableError'), line: 6, column: 9, endLine: 6, endColumn: 85 }],
    },
    // Temporal: activities are retried by default, without limit
    {
      code: code`
        import { Context } from '@temporalio/activity';
        import axios from 'axios';
        export async function sendWhatsApp(to: string, text: string) {
          Context.current().heartbeat();
          await axios.post('${META}', { messaging_product: 'whatsapp', to, text: { body: text } });
        }
      `,
      errors: [{ messageId: 'jobRetry', data: job('temporal', 'throw ApplicationFailure.nonRetryable()'), line: 5, column: 9, endLine: 5, endColumn: 136 }],
    },
    // Inngest: retried unless retries: 0 (the second function is not)
    {
      code: code`
        import { Inngest } from 'inngest';
        import axios from 'axios';
        const inngest = new Inngest({ id: 'app' });
        export const send = inngest.createFunction({ id: 'send-whatsapp' }, { event: 'message/send' }, async ({ event }) => {
          await axios.post('${META}', event.data);
        });
        export const once = inngest.createFunction({ id: 'send-once', retries: 0 }, { event: 'message/once' }, async ({ event }) => {
          await axios.post('${META}', event.data);
        });
      `,
      errors: [{ messageId: 'jobRetry', data: job('inngest', 'throw a NonRetriableError'), line: 5, column: 9, endLine: 5, endColumn: 87 }],
    },
    // Trigger.dev: stops for 131047 only; the other codes that cannot succeed are re-run
    {
      code: code`
        import { task, AbortTaskRunError } from '@trigger.dev/sdk/v3';
        import axios from 'axios';
        export const send = task({ id: 'send', run: async (payload: { to: string }) => {
          try {
            await axios.post('${META}', payload);
          } catch (err) {
            if (err.response?.data?.error?.code === 131047) throw new AbortTaskRunError('window closed');
            throw err;
          }
        } });
      `,
      errors: [
        {
          messageId: 'jobPartialRetry',
          data: { engine: 'trigger.dev', provider: 'meta-cloud', count: NON_RETRYABLE['meta-cloud'] - 1, errors: 'errors', examples: cite('meta-cloud', 131026, 190), stop: 'throw an AbortTaskRunError' },
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 15,
        },
      ],
    },
    // pg-boss: a retryLimit on the queue's jobs; pg-boss has no error that stops a retry
    {
      code: code`
        import PgBoss from 'pg-boss';
        import axios from 'axios';
        const boss = new PgBoss(process.env.DATABASE_URL!);
        export const enqueue = (data: object) => boss.send('whatsapp', data, { retryLimit: 3 });
        await boss.work('whatsapp', async ([job]) => {
          await axios.post('${META}', job.data);
        });
      `,
      errors: [{ messageId: 'jobRetry', data: job('pg-boss', 'return instead of throwing'), line: 6, column: 9, endLine: 6, endColumn: 85 }],
    },
    // Inngest: a step in an executor file (its function and retries are elsewhere) that rethrows every error
    {
      code: code`
        import { NonRetriableError } from 'inngest';
        import axios from 'axios';
        export async function sendStep({ step, to }: { step: any; to: string }) {
          try {
            return await step.run('send-whatsapp', async () => {
              try {
                return (await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } })).data;
              } catch (err) {
                console.error(err);
                throw err;
              }
            });
          } catch (err) {
            throw new NonRetriableError(String(err));
          }
        }
      `,
      errors: [{ messageId: 'jobRetry', data: job('inngest', 'throw a NonRetriableError'), line: 10, column: 9, endLine: 10, endColumn: 19 }],
    },
    // .catch(() => axios.post(sameUrl, sameBody)) re-sends once on every error
    {
      code: code`
        import axios from 'axios';
        export function send(payload: object) {
          return axios.post('${META}', payload).catch(() => axios.post('${META}', payload));
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: EVERY['meta-cloud'] }, line: 3, column: 98, endLine: 3, endColumn: 173 }],
    },
  ],
});

// ─── Message queues: a RabbitMQ consumer that puts the message back (R7) ───────
// amqplib hands a nacked or rejected message out again unless told not to, and a
// message re-published to a retry queue comes back after the queue's TTL: the
// catch around the send decides the retry, as in a job. Giving up (nack without
// requeue, a dead-letter queue) is not a retry; neither is publishing something
// other than the message (a status event).
const queue = (action: string) => ({ action, provider: 'meta-cloud', examples: EVERY['meta-cloud'] });

ruleTester.run('no-blind-retry: RabbitMQ consumers', rule, {
  valid: [
    // the retry class decides: transient codes go to the delay queue, the others to the dead-letter queue
    code`
      import amqp from 'amqplib';
      import axios from 'axios';
      import { isRetryable } from 'eslint-plugin-whatsapp-errors/catalog';
      const channel = await (await amqp.connect('amqp://localhost')).createChannel();
      await channel.consume('whatsapp.outbox', async (msg) => {
        if (!msg) return;
        try {
          await axios.post('${META}', JSON.parse(msg.content.toString()));
          channel.ack(msg);
        } catch (err) {
          const code = err.response?.data?.error?.code;
          if (isRetryable('meta-cloud', code)) channel.sendToQueue('whatsapp.outbox.delay', msg.content, { expiration: '30000' });
          else channel.sendToQueue('whatsapp.outbox.dlq', msg.content);
          channel.ack(msg);
        }
      });
    `,
    // nack without requeue: the broker dead-letters the message
    code`
      import type { Channel, ConsumeMessage } from 'amqplib';
      import axios from 'axios';
      export async function listen(channel: Channel) {
        await channel.consume('whatsapp', async (msg: ConsumeMessage | null) => {
          if (!msg) return;
          try {
            await axios.post('${META}', JSON.parse(msg.content.toString()));
            channel.ack(msg);
          } catch {
            channel.nack(msg, false, false);
          }
        });
      }
    `,
    // re-published whole, but to the failed queue, with the reason
    code`
      import type { Channel, ConsumeMessage } from 'amqplib';
      import axios from 'axios';
      const FAILED_QUEUE = 'whatsapp.failed';
      export async function listen(channel: Channel) {
        await channel.consume('whatsapp', async (msg: ConsumeMessage | null) => {
          if (!msg) return;
          const job = JSON.parse(msg.content.toString());
          try {
            await axios.post('${META}', job);
          } catch (err) {
            channel.sendToQueue(FAILED_QUEUE, Buffer.from(JSON.stringify({ ...job, reason: String(err) })));
          }
          channel.ack(msg);
        });
      }
    `,
    // what is published is a status event about the message, not the message
    code`
      import type { Channel, ConsumeMessage } from 'amqplib';
      import axios from 'axios';
      export async function listen(channel: Channel) {
        await channel.consume('whatsapp', async (msg: ConsumeMessage | null) => {
          if (!msg) return;
          const job = JSON.parse(msg.content.toString());
          try {
            await axios.post('${META}', job);
          } catch {
            channel.publish('events', 'message.status', Buffer.from(JSON.stringify({ id: job.id, status: 'undelivered' })));
          }
          channel.ack(msg);
        });
      }
    `,
    // the requeue flag is the retry class: codes that cannot succeed are not requeued (and 429 goes to a delay queue)
    code`
      import type { Channel, ConsumeMessage } from 'amqplib';
      import axios from 'axios';
      import { retryClassOf } from 'eslint-plugin-whatsapp-errors/catalog';
      export async function listen(channel: Channel) {
        await channel.consume('whatsapp', async (msg: ConsumeMessage | null) => {
          if (!msg) return;
          try {
            await axios.post('${META}', JSON.parse(msg.content.toString()));
            channel.ack(msg);
          } catch (err) {
            const code = err.response?.data?.error?.code;
            if (retryClassOf('meta-cloud', code) === 'rate-limit') return channel.sendToQueue('whatsapp.retry', msg.content, { expiration: '60000' });
            channel.nack(msg, false, retryClassOf('meta-cloud', code) === 'transient');
          }
        });
      }
    `,
    // a promise's reject in a consumer is not the channel's: nothing is requeued
    code`
      import type { Channel, ConsumeMessage } from 'amqplib';
      import axios from 'axios';
      export function once(channel: Channel, pending: { reject(e: unknown): void }) {
        return channel.consume('whatsapp', async (msg: ConsumeMessage | null) => {
          if (!msg) return;
          try {
            await axios.post('${META}', JSON.parse(msg.content.toString()));
          } catch (err) {
            pending.reject(err);
          }
        });
      }
    `,
  ],
  invalid: [
    // nack with requeue on every error
    {
      code: code`
        import type { Channel, ConsumeMessage } from 'amqplib';
        import axios from 'axios';
        export async function listen(channel: Channel) {
          await channel.consume('whatsapp', async (msg: ConsumeMessage | null) => {
            if (!msg) return;
            try {
              await axios.post('${META}', JSON.parse(msg.content.toString()));
              channel.ack(msg);
            } catch (err) {
              console.error(err);
              channel.nack(msg, false, true);
            }
          });
        }
      `,
      errors: [{ messageId: 'queueRetry', data: queue('channel.nack'), line: 11, column: 7, endLine: 11, endColumn: 37 }],
    },
    // the message handed to a method; reject() requeues by default
    {
      code: code`
        import type { Channel, ConsumeMessage } from 'amqplib';
        import axios from 'axios';
        export class Outbox {
          constructor(private readonly channel: Channel) {}
          start() {
            return this.channel.consume('whatsapp', (msg) => this.handle(msg!));
          }
          private async handle(msg: ConsumeMessage) {
            try {
              await axios.post('${META}', JSON.parse(msg.content.toString()));
              this.channel.ack(msg);
            } catch {
              this.channel.reject(msg);
            }
          }
        }
      `,
      errors: [{ messageId: 'queueRetry', data: queue('this.channel.reject'), line: 13, column: 7, endLine: 13, endColumn: 31 }],
    },
    // a fetch wrapper gives failures back as { ok: false }; the processor throws them; the consumer re-publishes
    // every failure but the app's own rate-limit error to the retry queue until the attempts run out
    {
      code: code`
        import type { Channel, ConsumeMessage } from 'amqplib';
        import { QuotaError, quota } from './quota';
        const QUEUE = process.env.QUEUE ?? 'send';
        const RETRY_QUEUE = \`\${QUEUE}.retry\`;
        const DEAD_QUEUE = \`\${QUEUE}.dlq\`;
        async function sendTemplate(to: string, name: string): Promise<{ ok: true; id: string } | { ok: false; code: string }> {
          const res = await fetch('${META}', { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'template', template: { name } }) });
          const body = await res.json();
          if (!res.ok) return { ok: false, code: String(body.error?.code) };
          return { ok: true, id: body.messages[0].id };
        }
        async function deliver(job: { to: string; template: string }) {
          await quota.take();
          const result = await sendTemplate(job.to, job.template);
          if (!result.ok) throw new Error(result.code);
        }
        function republish(channel: Channel, queue: string, job: object, attempt: number) {
          channel.sendToQueue(queue, Buffer.from(JSON.stringify({ ...job, attempt })), { expiration: String(attempt * 5000) });
        }
        export async function listen(channel: Channel) {
          await channel.consume(QUEUE, async (msg: ConsumeMessage | null) => {
            if (!msg) return;
            const job = JSON.parse(msg.content.toString());
            try {
              await deliver(job);
            } catch (err) {
              if (err instanceof QuotaError) {
                republish(channel, RETRY_QUEUE, job, job.attempt ?? 1);
              } else if ((job.attempt ?? 1) < 5) {
                republish(channel, RETRY_QUEUE, job, (job.attempt ?? 1) + 1);
              } else {
                republish(channel, DEAD_QUEUE, job, job.attempt);
              }
            }
            channel.ack(msg);
          });
        }
      `,
      errors: [{ messageId: 'queueRetry', data: { ...queue('republish'), examples: TEMPLATE_EVERY }, line: 30, column: 9, endLine: 30, endColumn: 69 }],
    },
    // only 131047 is dead-lettered; every other code is published again to the queue it came from
    {
      code: code`
        import type { Channel, ConsumeMessage } from 'amqplib';
        import axios from 'axios';
        export async function listen(channel: Channel) {
          await channel.consume('whatsapp', async (msg: ConsumeMessage | null) => {
            if (!msg) return;
            try {
              await axios.post('${META}', JSON.parse(msg.content.toString()));
            } catch (err) {
              if (err.response?.data?.error?.code === 131047) channel.nack(msg, false, false);
              else channel.publish('', 'whatsapp', msg.content);
              return;
            }
            channel.ack(msg);
          });
        }
      `,
      errors: [
        {
          messageId: 'queuePartialRetry',
          data: { action: 'channel.publish', provider: 'meta-cloud', count: NON_RETRYABLE['meta-cloud'] - 1, errors: 'errors', examples: cite('meta-cloud', 131026, 190) },
          line: 10,
          column: 12,
          endLine: 10,
          endColumn: 56,
        },
      ],
    },
    // the retry class is checked, but nack(msg) hands a rate-limited message out again at once
    {
      code: code`
        import type { Channel, ConsumeMessage } from 'amqplib';
        import axios from 'axios';
        import { isRetryable } from 'eslint-plugin-whatsapp-errors/catalog';
        export async function listen(channel: Channel) {
          await channel.consume('whatsapp', async (msg: ConsumeMessage | null) => {
            if (!msg) return;
            try {
              await axios.post('${META}', JSON.parse(msg.content.toString()));
              channel.ack(msg);
            } catch (err) {
              if (isRetryable('meta-cloud', err.response?.data?.error?.code)) channel.nack(msg);
              else channel.nack(msg, false, false);
            }
          });
        }
      `,
      errors: [{ messageId: 'rateLimitNoWait', data: { provider: 'meta-cloud', codes: '4, 80007, 130429 and 6 more' }, line: 11, column: 71, endLine: 11, endColumn: 88 }],
    },
  ],
});

// ─── Status writes a scheduler sends again (R7, osmo-x) ────────────────────────
// A catch that sets the record of a failed send back to a state that is sent
// again ("pending", "retry", "queued") and counts the attempt on the same record
// retries the send through whatever picks such records up. A status alone, a
// record marked failed, or a counter kept elsewhere is no retry.
const status = (provider: Provider, examples: string, value: string, counter: string) => ({ provider, examples, status: value, counter });

ruleTester.run('no-blind-retry: status writes', rule, {
  valid: [
    // marked failed, attempts only counted
    code`
      import axios from 'axios';
      export async function deliver(job: { payload: object; status: string; attempts: number }) {
        try {
          await axios.post('${META}', job.payload);
          job.status = 'sent';
        } catch {
          job.status = 'failed';
          job.attempts++;
        }
      }
    `,
    // the retry class decides: only transient codes go back to pending
    code`
      import axios from 'axios';
      import { isRetryable } from 'eslint-plugin-whatsapp-errors/catalog';
      export async function deliver(job: { payload: object; status: string; attempts: number }) {
        try {
          await axios.post('${META}', job.payload);
          job.status = 'sent';
        } catch (err) {
          if (isRetryable('meta-cloud', err.response?.data?.error?.code)) {
            job.status = 'pending';
            job.attempts += 1;
          } else {
            job.status = 'failed';
          }
        }
      }
    `,
    // the status and the counter belong to different records: a statistic, not a retry
    code`
      import axios from 'axios';
      const stats = { attempts: 0 };
      export async function deliver(job: { payload: object; status: string }) {
        try {
          await axios.post('${META}', job.payload);
        } catch {
          job.status = 'pending';
          stats.attempts++;
        }
      }
    `,
    // an update that marks the message failed with its attempt counted
    code`
      import axios from 'axios';
      export async function deliver(db: any, id: string, payload: object) {
        try {
          await axios.post('${META}', payload);
        } catch {
          await db.outbox.update({ where: { id }, data: { status: 'FAILED', attempts: { increment: 1 } } });
        }
      }
    `,
  ],
  invalid: [
    // Twilio: back to pending until five attempts, whatever the error
    {
      code: code`
        import twilio from 'twilio';
        const client = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);
        export async function deliver(message: { to: string; body: string; status: string; retryCount: number }) {
          try {
            await client.messages.create({ from: 'whatsapp:+14155238886', to: \`whatsapp:\${message.to}\`, body: message.body });
            message.status = 'sent';
          } catch (err) {
            if (message.retryCount < 5) {
              message.status = 'pending';
              message.retryCount++;
            } else {
              message.status = 'failed';
            }
          }
        }
      `,
      filename: 'notify.ts',
      errors: [{ messageId: 'statusRetry', data: status('twilio', cite('twilio', 63016, 20003), "'pending'", 'retryCount'), line: 9, column: 7, endLine: 9, endColumn: 34 }],
    },
    // one update with both: the status from a constant, the counter incremented by the ORM
    {
      code: code`
        import axios from 'axios';
        const RETRY = 'retry';
        export async function deliver(db: any, id: string, payload: object) {
          try {
            await axios.post('${META}', payload);
          } catch (err) {
            console.error(err);
            await db.outbox.update({ where: { id }, data: { status: RETRY, attempts: { increment: 1 } } });
          }
        }
      `,
      errors: [{ messageId: 'statusRetry', data: status('meta-cloud', EVERY['meta-cloud'], 'RETRY', 'attempts'), line: 8, column: 5, endLine: 8, endColumn: 100 }],
    },
    // a status kept inside a retry loop is the loop's bookkeeping: the loop is reported, once
    {
      code: code`
        import axios from 'axios';
        export async function deliver(job: { payload: object; status: string; attempts: number }) {
          for (let attempt = 0; attempt < 3; attempt++) {
            try {
              return await axios.post('${META}', job.payload);
            } catch {
              job.status = 'retrying';
              job.attempts++;
            }
          }
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: EVERY['meta-cloud'] }, line: 3, column: 3, endLine: 3, endColumn: 6 }],
    },
    // only 131047 is marked failed: every other code is queued again
    {
      code: code`
        import axios from 'axios';
        enum State { Queued = 'queued', Failed = 'failed' }
        export async function deliver(job: { payload: object; state: State; tries: number }) {
          try {
            await axios.post('${META}', job.payload);
          } catch (err) {
            if (err.response?.data?.error?.code === 131047) {
              job.state = State.Failed;
              return;
            }
            job.tries = job.tries + 1;
            job.state = State.Queued;
          }
        }
      `,
      errors: [
        {
          messageId: 'statusPartialRetry',
          data: { ...status('meta-cloud', cite('meta-cloud', 131026, 190), 'State.Queued', 'tries'), count: NON_RETRYABLE['meta-cloud'] - 1, errors: 'errors' },
          line: 12,
          column: 5,
          endLine: 12,
          endColumn: 30,
        },
      ],
    },
  ],
});

// ─── Status writes under a test of a wrapper's failure value (round 16) ──────
// A send that gives its failure back as a value (`{ success: false, errorCode }`)
// never reaches a catch: the caller tests the result, and its failure side sets
// the queue row back to be sent again with the attempt counted. That is the same
// retry as in a catch, judged code by code on the failure side.
const QUEUE_SENDER = code`
  export async function sendTemplate(row: { phone: string; name: string }): Promise<{ success: boolean; messageId?: string; errorCode?: string }> {
    const res = await fetch('${META}', {
      method: 'POST',
      body: JSON.stringify({ messaging_product: 'whatsapp', to: row.phone, type: 'template', template: { name: row.name, language: { code: 'en' } } }),
    });
    const data = await res.json();
    if (res.ok && data.messages?.[0]?.id) return { success: true, messageId: data.messages[0].id };
    return { success: false, errorCode: String(data.error?.code ?? 'UNKNOWN') };
  }
`;
const queueWorker = (failureSide: string) => code`
  ${QUEUE_SENDER}
  export async function drain(db: any, rows: { id: string; phone: string; name: string; retry_count: number; max_retries: number }[]) {
    for (const row of rows) {
      const result = await sendTemplate(row);
      if (result.success) {
        await db.from('queue').update({ status: 'SENT', wa_id: result.messageId }).eq('id', row.id);
      } else {
        ${failureSide}
      }
    }
  }
`;
/** The sender in a module of its own, the worker importing it. */
const queueProject = (worker: string) => jobsProject({ 'whatsapp/send.ts': QUEUE_SENDER, 'jobs/queue.ts': worker });
const QUEUE_IMPORTED = queueProject(code`
  import { sendTemplate } from '../whatsapp/send';
  export async function drain(db: any, rows: { id: string; phone: string; name: string; attempts: number }[]) {
    for (const row of rows) {
      const result = await sendTemplate(row);
      if (!result.success) {
        await db.from('queue').update({ status: 'pending', attempts: row.attempts + 1, error_code: result.errorCode }).eq('id', row.id);
        continue;
      }
      await db.from('queue').update({ status: 'sent' }).eq('id', row.id);
    }
  }
`);

ruleTester.run('no-blind-retry: status writes under a failed result', rule, {
  valid: [
    // the retry class of the code it gave back decides
    queueWorker(
      "if (isRetryable('meta-cloud', Number(result.errorCode)) && row.retry_count < row.max_retries) { await db.from('queue').update({ status: 'RETRYING', retry_count: row.retry_count + 1 }).eq('id', row.id); } else { await db.from('queue').update({ status: 'FAILED', error_code: result.errorCode }).eq('id', row.id); }",
    ).replace('export async function sendTemplate', "import { isRetryable } from 'eslint-plugin-whatsapp-errors/catalog';\nexport async function sendTemplate"),
    // a failed send is marked failed, its attempts only counted
    queueWorker("await db.from('queue').update({ status: 'FAILED', retry_count: row.retry_count + 1 }).eq('id', row.id);"),
    // the count and a queued status on the success side: bookkeeping of a sent message
    code`
      ${QUEUE_SENDER}
      export async function drain(db: any, row: { id: string; phone: string; name: string; attempts: number }) {
        const result = await sendTemplate(row);
        if (result.success) {
          await db.from('queue').update({ status: 'queued', attempts: row.attempts + 1 }).eq('id', row.id);
        }
      }
    `,
    // the test is of another value than this send's result
    code`
      ${QUEUE_SENDER}
      export async function drain(db: any, row: { id: string; phone: string; name: string; attempts: number; ok: boolean }) {
        const result = await sendTemplate(row);
        console.log(result.messageId);
        if (!row.ok) {
          await db.from('queue').update({ status: 'pending', attempts: row.attempts + 1 }).eq('id', row.id);
        }
      }
    `,
  ],
  invalid: [
    // the else of the success test, bounded by the row's own limit: every failure goes back to the queue
    {
      code: queueWorker(
        "if (row.retry_count < row.max_retries) { await db.from('queue').update({ status: 'RETRYING', retry_count: row.retry_count + 1 }).eq('id', row.id); } else { await db.from('queue').update({ status: 'FAILED', error_code: result.errorCode }).eq('id', row.id); }",
      ),
      errors: [{ messageId: 'statusRetry', data: status('meta-cloud', TEMPLATE_EVERY, "'RETRYING'", 'retry_count'), line: 16, column: 50, endLine: 16, endColumn: 155 }],
    },
    // the sender imported from another module, the failure side first
    {
      filename: join(QUEUE_IMPORTED, 'src/jobs/queue.ts'),
      code: readFileSync(join(QUEUE_IMPORTED, 'src/jobs/queue.ts'), 'utf8'),
      errors: [{ messageId: 'statusRetry', data: status('meta-cloud', TEMPLATE_EVERY, "'pending'", 'attempts'), line: 6, column: 7, endLine: 6, endColumn: 135 }],
    },
  ],
});
// ─── Status writes made by a helper the catch calls (round 17) ────────────────
// The catch of an outbox worker often hands the record to a small helper of the
// same file (`await recordOutcome(row.id, false, row.attempts, message)`) whose
// body makes the update: `{ status: tooMany ? 'failed' : 'retry', attempts:
// attempts + 1 }`. That is the same "send it again later" as the update written
// in the catch; the state reported is the branch that is sent again.
const OUTBOX_SENDER = code`
  import twilio from 'twilio';
  const client = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);
  export async function deliverWhatsApp(to: string, body: string) {
    await client.messages.create({ from: process.env.TWILIO_WHATSAPP_FROM, to: \`whatsapp:\${to}\`, body });
  }
`;
const helperOutbox = (helperBody: string) => code`
  import { deliverWhatsApp } from '../messaging/whatsapp';
  declare const db: any;
  const LIMIT = 6;
  async function recordOutcome(id: string, delivered: boolean, attempts: number, reason?: string) {
    ${helperBody}
  }
  export async function drainOutbox(rows: { id: string; to: string; body: string; attempts: number }[]) {
    for (const row of rows) {
      try {
        await deliverWhatsApp(row.to, row.body);
        await recordOutcome(row.id, true, row.attempts);
      } catch (e: any) {
        await recordOutcome(row.id, false, row.attempts, String(e?.message));
      }
    }
  }
`;
/** The outbox job project with the outcome-recording helper's body `record`. */
const outboxJob = (record: string) => jobsProject({ 'messaging/whatsapp.ts': OUTBOX_SENDER, 'jobs/outbox.ts': helperOutbox(record) });
const OUTBOX_RETRY = outboxJob(
  "if (delivered) { await db.from('outbox').update({ status: 'sent' }).eq('id', id); } else { const last = attempts + 1 >= LIMIT; await db.from('outbox').update({ status: last ? 'failed' : 'retry', attempts: attempts + 1, last_error: reason }).eq('id', id); }",
);
const OUTBOX_FAILED = outboxJob(
  "await db.from('outbox').update({ status: delivered ? 'sent' : 'failed', attempts: attempts + 1, last_error: reason ?? null }).eq('id', id);",
);
// the attempt counted in a `const` first (round 20): `const next = attempts + 1` is what the update writes
const OUTBOX_NEXT = outboxJob(
  "const next = attempts + 1; if (delivered) { await db.from('outbox').update({ status: 'sent' }).eq('id', id); } else if (next >= LIMIT) { await db.from('outbox').update({ status: 'failed', last_error: reason }).eq('id', id); } else { await db.from('outbox').update({ status: 'retry', attempts: next, last_error: reason }).eq('id', id); }",
);
// a `const` that only copies the count counts nothing up
const OUTBOX_COPIED = outboxJob(
  "const seen = attempts; if (!delivered) { await db.from('outbox').update({ status: 'retry', attempts: seen, last_error: reason }).eq('id', id); }",
);
const OUTBOX_LOGGED = jobsProject({
  'messaging/whatsapp.ts': OUTBOX_SENDER,
  'jobs/outbox.ts': helperOutbox("console.log('outbox', id, delivered, attempts, reason, LIMIT);"),
});

ruleTester.run('no-blind-retry: status writes in a helper the catch calls', rule, {
  valid: [
    // the helper marks a failed send failed, its attempts only counted
    { filename: join(OUTBOX_FAILED, 'src/jobs/outbox.ts'), code: readFileSync(join(OUTBOX_FAILED, 'src/jobs/outbox.ts'), 'utf8') },
    // the helper only logs
    { filename: join(OUTBOX_LOGGED, 'src/jobs/outbox.ts'), code: readFileSync(join(OUTBOX_LOGGED, 'src/jobs/outbox.ts'), 'utf8') },
    // the status is set back, but the count written is only a copy: no attempt is counted
    { filename: join(OUTBOX_COPIED, 'src/jobs/outbox.ts'), code: readFileSync(join(OUTBOX_COPIED, 'src/jobs/outbox.ts'), 'utf8') },
  ],
  invalid: [
    // the catch hands the failure to a helper that sets the row back to 'retry' with attempts counted
    {
      filename: join(OUTBOX_RETRY, 'src/jobs/outbox.ts'),
      code: readFileSync(join(OUTBOX_RETRY, 'src/jobs/outbox.ts'), 'utf8'),
      errors: [{ messageId: 'statusRetry', data: status('twilio', cite('twilio', 63016, 20003), "'retry'", 'attempts'), line: 13, column: 7, endLine: 13, endColumn: 76 }],
    },
    // the same, the attempt counted in a const before the update that writes it
    {
      filename: join(OUTBOX_NEXT, 'src/jobs/outbox.ts'),
      code: readFileSync(join(OUTBOX_NEXT, 'src/jobs/outbox.ts'), 'utf8'),
      errors: [{ messageId: 'statusRetry', data: status('twilio', cite('twilio', 63016, 20003), "'retry'", 'attempts'), line: 13, column: 7, endLine: 13, endColumn: 76 }],
    },
  ],
});

// ─── Status writes in raw SQL (round 18) ─────────────────────────────────────
// An outbox drained with a database driver writes its records in SQL: the catch
// runs `UPDATE … SET status = 'retry', attempts = attempts + 1`, the values also
// as parameters (`SET attempts = $2, status = $3` with `[id, n + 1, last ?
// 'failed' : 'pending']`) or in a tagged template, the state also in a `CASE`.
// The same "send it again later" as an update object.
const sqlOutbox = (update: string) => code`
  import { sendWa } from '../services/wa';
  declare const pool: { query(text: string, values?: unknown[]): Promise<{ rows: any[] }> };
  declare function sql(parts: TemplateStringsArray, ...values: unknown[]): Promise<unknown>;
  const MAX = 5;
  export async function drainOutbox() {
    const { rows } = await pool.query("SELECT * FROM wa_outbox WHERE status = 'pending' AND attempts < 5");
    for (const row of rows) {
      try {
        await sendWa(row.to, row.text);
        await pool.query("UPDATE wa_outbox SET status = 'sent' WHERE id = $1", [row.id]);
      } catch (err) {
        ${update}
      }
    }
  }
`;
const SQL_PROJECT = jobsProject({
  'services/wa.ts': code`
    export async function sendWa(to: string, text: string) {
      const res = await fetch('${META}', { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text: { body: text } }) });
      const body = await res.json();
      if (!res.ok) throw Object.assign(new Error('send failed'), { body });
      return body;
    }
  `,
});
const SQL_FILE = join(SQL_PROJECT, 'src/jobs/outbox.ts');

/** A catch of the outbox job that writes a re-send in SQL: reported on line 12, from `column` to `endColumn`. */
const sqlRetry = (body: string, state: string, counter: string, column: number, endColumn: number) => ({
  filename: SQL_FILE,
  code: sqlOutbox(body),
  errors: [{ messageId: 'statusRetry' as const, data: status('meta-cloud', EVERY['meta-cloud'], state, counter), line: 12, column, endLine: 12, endColumn }],
});

ruleTester.run('no-blind-retry: status writes in raw SQL', rule, {
  valid: [
    // the record is marked failed; its attempts only counted
    { filename: SQL_FILE, code: sqlOutbox("await pool.query(\"UPDATE wa_outbox SET status = 'failed', attempts = attempts + 1, last_error = $2 WHERE id = $1\", [row.id, String(err)]);") },
    // set back to pending, nothing counted
    { filename: SQL_FILE, code: sqlOutbox("await pool.query(\"UPDATE wa_outbox SET status = 'pending', last_error = $2 WHERE id = $1\", [row.id, String(err)]);") },
    // the parameters are given in another order: the state column gets the error text
    { filename: SQL_FILE, code: sqlOutbox("const attempts = row.attempts + 1; const state = attempts >= MAX ? 'failed' : 'queued'; await pool.query('UPDATE wa_outbox SET attempts = $2, status = $3, last_error = $4 WHERE id = $1', [row.id, attempts, String(err), state]);") },
    // the next attempt's time is not a count of attempts
    { filename: SQL_FILE, code: sqlOutbox("await pool.query('UPDATE wa_outbox SET status = $2, next_attempt_at = $3 WHERE id = $1', [row.id, 'failed', Date.now() + 60_000]);") },
  ],
  invalid: [
    // the state and the count written in the SQL text
    sqlRetry("await pool.query(\"UPDATE wa_outbox SET status = 'retry', attempts = attempts + 1, last_error = $2 WHERE id = $1\", [row.id, String(err)]);", "'retry'", 'attempts', 7, 144),
    // both as numbered parameters, the state the branch that is sent again
    sqlRetry("await pool.query('UPDATE wa_outbox SET attempts = $2, status = $3 WHERE id = $1', [row.id, row.attempts + 1, row.attempts + 1 >= MAX ? 'failed' : 'pending']);", "'pending'", 'attempts', 7, 165),
    // the values computed before the query, handed over as numbered parameters
    sqlRetry("const attempts = row.attempts + 1; const state = attempts >= MAX ? 'failed' : 'queued'; await pool.query('UPDATE wa_outbox SET attempts = $2, status = $3 WHERE id = $1', [row.id, attempts, state]);", "'queued'", 'attempts', 95, 204),
    // a tagged template; the state in a CASE whose one branch is sent again
    sqlRetry("await sql`UPDATE wa_outbox SET retry_count = retry_count + 1, status = CASE WHEN retry_count >= 4 THEN 'failed' ELSE 'pending' END WHERE id = ${row.id}`;", "'pending'", 'retry_count', 7, 160),
  ],
});

// ─── Records selected because their send failed (round 16) ─────────────────────
// A loop over the records a query selected as failed (`.in('status', ['failed'])`,
// `where: { status: 'FAILED' }`) that sends for each record sends every stored
// failure again, whatever its code: no scheduler is needed to see the retry. The
// code stored with the failure, read in the query, in the loop before the send or
// in the file's function the loop calls, may decide, and is left alone.
const resendFailed = (query: string, beforeSend = '') => code`
  import axios from 'axios';
  import { isRetryable } from 'eslint-plugin-whatsapp-errors/catalog';
  export async function resendFailed(db: any) {
    const { data: rows } = await ${query};
    for (const row of rows ?? []) {
      ${beforeSend}
      await axios.post('${META}', { messaging_product: 'whatsapp', to: row.phone, type: 'text', text: { body: row.body } });
    }
  }
`;
/** A sender of its own module that gives failures back as values, and the retry module beside it. */
const RETRY_MODULE = code`
  import { sendMessage } from './whatsapp';
  export async function retryOne(db: any, id: string) {
    const { data: log } = await db.from('message_logs').select('*').eq('id', id).single();
    if (log.retry_count >= 3) return { success: false };
    return sendMessage({ to: log.phone, body: log.body, retryCount: log.retry_count + 1, parentId: id });
  }
  export async function retryAll(db: any) {
    const { data: failedLogs } = await db.from('message_logs').select('id').in('status', ['failed', 'undelivered']).lt('retry_count', 3);
    for (const log of failedLogs ?? []) {
      await retryOne(db, log.id);
    }
  }
`;
const WRAPPER_PROJECT = jobsProject({
  'whatsapp.ts': code`
    export async function sendMessage(m: { to: string; body: string; retryCount?: number; parentId?: string }) {
      const res = await fetch('${META}', { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to: m.to, type: 'text', text: { body: m.body } }) });
      const data = await res.json();
      if (!res.ok) return { success: false, error: data.error?.message };
      return { success: true, id: data.messages[0].id };
    }
  `,
  'retry.ts': RETRY_MODULE,
});
const failedReselect = (record: string, filter: string, examples = EVERY['meta-cloud']) => ({ provider: 'meta-cloud', examples, record, filter });

ruleTester.run('no-blind-retry: records selected because their send failed', rule, {
  valid: [
    // the stored code's retry class decides before the send
    resendFailed("db.from('outbox').select('*').eq('status', 'failed')", "if (!isRetryable('meta-cloud', Number(row.error_code))) continue;"),
    // the query keeps only the codes worth sending again
    resendFailed("db.from('outbox').select('*').eq('status', 'failed').in('error_code', ['130429', '131000'])"),
    // the query keeps the failed records out
    resendFailed("db.from('outbox').select('*').neq('status', 'failed')"),
    resendFailed("db.outbox.findMany({ where: { status: { not: 'FAILED' } } })"),
    // a notice to each customer whose payment failed: no attempt counted, not named a retry
    code`
      import axios from 'axios';
      export async function notifyFailedPayments(db: any) {
        const payments = await db.payment.findMany({ where: { status: 'FAILED' } });
        for (const payment of payments) {
          await axios.post('${META}', { messaging_product: 'whatsapp', to: payment.phone, type: 'text', text: { body: 'Your payment did not go through.' } });
        }
      }
    `,
    // one message about the failures, not a send of each record
    code`
      import axios from 'axios';
      export async function reportFailures(db: any) {
        const failed = await db.outbox.findMany({ where: { status: 'FAILED' } });
        for (const row of failed) {
          console.log(row.id);
          await axios.post('${META}', { messaging_product: 'whatsapp', to: process.env.ADMIN_PHONE, type: 'text', text: { body: \`\${failed.length} messages failed\` } });
        }
      }
    `,
  ],
  invalid: [
    // every failed or undelivered record, through a function of the file given its id
    {
      code: RETRY_MODULE,
      filename: join(WRAPPER_PROJECT, 'src/retry.ts'),
      errors: [{ messageId: 'failedReselectRetry', data: failedReselect('log', ".in('status', ['failed', 'undelivered'])"), line: 10, column: 11, endLine: 10, endColumn: 31 }],
    },
    // Prisma, the send in the loop itself
    {
      code: resendFailed("db.outbox.findMany({ where: { status: 'FAILED' }, take: 50 })"),
      errors: [{ messageId: 'failedReselectRetry', data: failedReselect('row', "status: 'FAILED'"), line: 7, column: 11, endLine: 7, endColumn: 167 }],
    },
  ],
});


// ─── Requests that send no message (templates, media) ──────────────────────────
// 131047 and the other send codes cannot come back from a templates listing: the
// message cites the codes any Cloud API request can return (the catalog's
// `requestNotable`), and a send keeps citing the send codes.
ruleTester.run('no-blind-retry: what a request that is not a send can return', rule, {
  valid: [],
  invalid: [
    {
      code: code`
        import axios from 'axios';
        export async function templates(waba: string) {
          for (let i = 0; i < 3; i++) {
            try {
              return await axios.get(\`https://graph.facebook.com/v21.0/\${waba}/message_templates\`);
            } catch (e) {
              await new Promise((r) => setTimeout(r, 1000));
            }
          }
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: cite('meta-cloud', 100, 190) }, line: 3, column: 3, endLine: 3, endColumn: 6 }],
    },
    {
      code: code`
        import axios from 'axios';
        export async function send(phoneId: string, payload: object) {
          for (let i = 0; i < 3; i++) {
            try {
              return await axios.post(\`https://graph.facebook.com/v21.0/\${phoneId}/messages\`, payload);
            } catch (e) {
              await new Promise((r) => setTimeout(r, 1000));
            }
          }
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: EVERY['meta-cloud'] }, line: 3, column: 3, endLine: 3, endColumn: 6 }],
    },
  ],
});

// ─── Only the same request sent again is a retry (issue 15, real code) ─────────
// A call on a failure path retries only when it sends the same request again:
// the same callee with the same arguments (or the function itself with its
// request parameters passed on unchanged; an attempt counter or a delay may
// change). An apology sent after a failed confirmation, the next recipient of a
// list, or a payload corrected from the error is a new request. One finding per
// re-sending call, however many sends its `try` holds.
const SEND_TEXT = code`
  import axios from 'axios';
  async function sendText(phoneNumberId: string, to: string, body: string) {
    const { data } = await axios.post(\`https://graph.facebook.com/v21.0/\${phoneNumberId}/messages\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body } });
    return data;
  }
`;
/** A case that uses `sendText` (lines 1-5) first. */
const withSendText = (strings: TemplateStringsArray, ...values: unknown[]): string => `${SEND_TEXT}\n${code(strings, ...values)}`;

ruleTester.run('no-blind-retry: only the same request again is a retry', rule, {
  valid: [
    // a send that resolves on failure, then a branch on something else (a lookup's result) that sends: the branch does
    // not read what the send gave back, so it is not a retry of it
    code`
      import { WhatsAppAPI } from 'whatsapp-api-js';
      const api = new WhatsAppAPI({ token, appSecret });
      export async function onAnswer(phoneId: string, from: string, messageId: string, question: object) {
        await api.sendMessage(phoneId, from, question);
        const seats = await loadSeats(from);
        if (seats instanceof Error) {
          await api.sendMessage(phoneId, from, question);
          return;
        }
        await saveSeats(from, seats);
      }
    `,
    code`
      export async function remind(to: string, payload: object) {
        await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const due = await dueReminders(to);
        if (due.length > 0) await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      }
    `,
    // Meta: the catch sends an apology through the same wrapper: another message, not a retry
    withSendText`
      export async function confirm(db: { save(x: object): Promise<void> }, phoneNumberId: string, to: string) {
        try {
          await db.save({ to });
          await sendText(phoneNumberId, to, 'You are confirmed');
          await sendText(phoneNumberId, to, 'See you on Friday');
        } catch (err) {
          console.error(err);
          await sendText(phoneNumberId, to, 'Sorry, something went wrong.');
        }
      }
    `,
    // Meta: the try and the catch each declare their own \`text\`: the same name, another message
    withSendText`
      export async function confirm(phoneNumberId: string, to: string, name: string) {
        try {
          const text = \`Thank you \${name}, you are confirmed.\`;
          await sendText(phoneNumberId, to, text);
        } catch (err) {
          const text = 'Sorry, something went wrong.';
          await sendText(phoneNumberId, to, text);
        }
      }
    `,
    // Meta: the wrapper's own catch turns every failed send into \`{ success: false }\`, so a failed text never
    // reaches the caller's catch: the same text sent there runs only after the flow message threw (real code)
    code`
      import axios from 'axios';
      async function sendText(phoneNumberId: string, to: string, body: string) {
        try {
          await axios.post(\`https://graph.facebook.com/v21.0/\${phoneNumberId}/messages\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body } });
          return { success: true };
        } catch (error) {
          console.error(error);
          return { success: false, error };
        }
      }
      export async function askDetails(flows: { send(to: string): Promise<void> } | undefined, phoneNumberId: string, to: string) {
        try {
          if (flows) await flows.send(to);
          else await sendText(phoneNumberId, to, 'Please send your address.');
        } catch (err) {
          console.error(err);
          await sendText(phoneNumberId, to, 'Please send your address.');
        }
      }
    `,
    // Meta: an interactive message that failed falls back to a text message (direct requests, different payloads)
    code`
      import axios from 'axios';
      export async function offer(url: string, to: string, flow: object) {
        try {
          await axios.post(url, { messaging_product: 'whatsapp', to, type: 'interactive', interactive: flow });
        } catch (err) {
          await axios.post(url, { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'Open the form at example.com' } });
        }
      }
    `,
    // wa-server: the same variable re-sent after it was rebuilt in the catch is a different request
    code`
      import axios from 'axios';
      export async function send(to: string, text: string) {
        let message = { to, text };
        try {
          await axios.post('${WA}', message);
        } catch (err) {
          message = { to, text: text.slice(0, 100) };
          await axios.post('${WA}', message);
        }
      }
    `,
    // Meta: recursion from .then/.catch with the next element of a list is iteration, not a retry
    code`
      import axios from 'axios';
      export function broadcast(url: string, receivers: { phone: string }[], done: (failed: number[]) => void) {
        let i = 0;
        const failed: number[] = [];
        function next(receiver: { phone: string }) {
          axios.post(url, { messaging_product: 'whatsapp', to: receiver.phone, type: 'text', text: { body: 'hi' } }).then(() => {
            i += 1;
            if (i < receivers.length) next(receivers[i]); else done(failed);
          }).catch((err) => {
            failed.push(err.response?.data?.error?.code);
            i += 1;
            if (i < receivers.length) next(receivers[i]); else done(failed);
          });
        }
        next(receivers[0]);
      }
    `,
    // MsgBubbles: the same walk with no argument: the request reads items[i], and i moves on before the call
    code`
      import axios from 'axios';
      export function drain(items: object[]) {
        let i = 0;
        function next() {
          axios.post('${BUBBLES}', items[i]).catch(() => {
            i++;
            if (i < items.length) next();
          });
        }
        next();
      }
    `,
    // Digiworld: an index parameter the request reads is not an attempt counter: index + 1 is the next message
    code`
      import axios from 'axios';
      export async function sendFrom(messages: object[], index: number): Promise<void> {
        try {
          await axios.post('${DIGI}', messages[index]);
        } catch (err) {
          console.error(err);
        }
        if (index + 1 < messages.length) return sendFrom(messages, index + 1);
      }
    `,
    // Meta: on 132000 the template parameters are corrected from error_data.details and the corrected request is sent
    code`
      import axios from 'axios';
      declare function expectedCount(details: string | undefined): number | null;
      async function sendTemplate(phoneNumberId: string, to: string, name: string, params: string[]) {
        return axios.post(\`https://graph.facebook.com/v21.0/\${phoneNumberId}/messages\`, {
          messaging_product: 'whatsapp', to, type: 'template',
          template: { name, language: { code: 'en' }, components: [{ type: 'body', parameters: params.map((text) => ({ type: 'text', text })) }] },
        });
      }
      export async function send(phoneNumberId: string, to: string, name: string, params: string[]) {
        try {
          return await sendTemplate(phoneNumberId, to, name, params);
        } catch (err) {
          if (err.response?.data?.error?.code === 132000) {
            const expected = expectedCount(err.response.data.error.error_data?.details);
            if (expected !== null) return await sendTemplate(phoneNumberId, to, name, params.slice(0, expected));
          }
          throw err;
        }
      }
    `,
    // CEQUENS: recursion with a corrected argument (the template swapped for a text) sends another request
    code`
      import axios from 'axios';
      export async function send(to: string, message: object): Promise<unknown> {
        try {
          return await axios.post('${CEQUENS}', { to, ...message });
        } catch (err) {
          return send(to, { type: 'text', text: { body: 'Please reply to continue.' } });
        }
      }
    `,
    // A helper that runs a callback and rethrows what isRetryable() rejects
    code`
      import axios from 'axios';
      import { isRetryable } from 'eslint-plugin-whatsapp-errors/catalog';
      async function withRetry<T>(fn: () => Promise<T>, attempt = 0): Promise<T> {
        try {
          return await fn();
        } catch (err) {
          if (!isRetryable('meta-cloud', err.response?.data?.error?.code) || attempt >= 4) throw err;
          await new Promise((r) => setTimeout(r, 1000 * 2 ** attempt));
          return withRetry(fn, attempt + 1);
        }
      }
      export const sendText = (phoneId: string, to: string, body: string) =>
        withRetry(() => axios.post(\`https://graph.facebook.com/v21.0/\${phoneId}/messages\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body } }));
    `,
    // A helper stopping for an error class the file creates from the provider's answer: the rule cannot see which codes, benefit of the doubt
    code`
      import axios from 'axios';
      class PermanentError extends Error {}
      async function withRetry<T>(fn: () => Promise<T>, attempt = 0): Promise<T> {
        try {
          return await fn();
        } catch (err) {
          if (err instanceof PermanentError || attempt >= 4) throw err;
          await new Promise((r) => setTimeout(r, 1000));
          return withRetry(fn, attempt + 1);
        }
      }
      export const sendText = (phoneId: string, to: string, body: string) =>
        withRetry(async () => {
          try {
            return await axios.post(\`https://graph.facebook.com/v21.0/\${phoneId}/messages\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body } });
          } catch (e) {
            if (e.response?.status === 400) throw new PermanentError(String(e.response.data.error.code));
            throw e;
          }
        });
    `,
    // A helper that runs a callback once (timing it) retries nothing
    code`
      import axios from 'axios';
      async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
        const start = Date.now();
        try {
          return await fn();
        } finally {
          console.log(label, Date.now() - start);
        }
      }
      export const send = (payload: object) => timed('send', () => axios.post('${META}', payload));
    `,
  ],
  invalid: [
    // a branch on a value made from the response (its parsed body) that sends the same request again is a retry
    {
      code: code`
        export async function remind(payload: object) {
          const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
          const body = await res.json();
          if (body.error) await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: EVERY['meta-cloud'] }, line: 4, column: 25, endLine: 4, endColumn: 137 }],
    },
    // Meta: the catch sends the same text again through the same wrapper
    {
      code: withSendText`
        export async function remind(phoneNumberId: string, to: string, text: string) {
          try {
            await sendText(phoneNumberId, to, text);
          } catch (err) {
            await new Promise((r) => setTimeout(r, 5000));
            await sendText(phoneNumberId, to, text);
          }
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: EVERY['meta-cloud'] }, line: 11, column: 11, endLine: 11, endColumn: 44 }],
    },
    // Meta: the same wrapper with a catch that logs and rethrows: the failed text reaches the caller's catch
    {
      code: code`
        import axios from 'axios';
        async function sendText(phoneNumberId: string, to: string, body: string) {
          try {
            await axios.post(\`https://graph.facebook.com/v21.0/\${phoneNumberId}/messages\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body } });
            return { success: true };
          } catch (error) {
            console.error(error);
            throw error;
          }
        }
        export async function askDetails(flows: { send(to: string): Promise<void> } | undefined, phoneNumberId: string, to: string) {
          try {
            if (flows) await flows.send(to);
            else await sendText(phoneNumberId, to, 'Please send your address.');
          } catch (err) {
            console.error(err);
            await sendText(phoneNumberId, to, 'Please send your address.');
          }
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: EVERY['meta-cloud'] }, line: 17, column: 11, endLine: 17, endColumn: 67 }],
    },
    // Meta: two sends in the try, and the catch runs the whole function again: one finding, not one per send
    {
      code: withSendText`
        export async function welcome(phoneNumberId: string, to: string, attempt = 0): Promise<void> {
          try {
            await sendText(phoneNumberId, to, 'Welcome!');
            await sendText(phoneNumberId, to, 'Reply HELP for help.');
          } catch (err) {
            if (attempt < 3) return welcome(phoneNumberId, to, attempt + 1);
            throw err;
          }
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: EVERY['meta-cloud'] }, line: 11, column: 29, endLine: 11, endColumn: 68 }],
    },
    // Meta: a catch that re-sends both sends of its try is one retry, reported at its first re-send
    {
      code: withSendText`
        export async function greet(phoneNumberId: string, to: string) {
          try {
            await sendText(phoneNumberId, to, 'Hello!');
            await sendText(phoneNumberId, to, 'How can we help?');
          } catch (err) {
            await sendText(phoneNumberId, to, 'Hello!');
            await sendText(phoneNumberId, to, 'How can we help?');
          }
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: EVERY['meta-cloud'] }, line: 11, column: 11, endLine: 11, endColumn: 48 }],
    },
    // wa-server: parameters the request does not read (a counter, a delay) may change; the payload is passed on
    {
      code: code`
        import axios from 'axios';
        export async function send(payload: object, attempt = 0, delay = 500): Promise<unknown> {
          try {
            return await axios.post('${WA}', payload);
          } catch (err) {
            if (attempt >= 3) throw err;
            await new Promise((r) => setTimeout(r, delay));
            return send(payload, attempt + 1, delay * 2);
          }
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'wa-server', examples: EVERY['wa-server'] }, line: 8, column: 12, endLine: 8, endColumn: 49 }],
    },
    // MsgBubbles: a destructured parameter passed on as the same object
    {
      code: code`
        import axios from 'axios';
        export function send({ to, text }: { to: string; text: string }): Promise<unknown> {
          return axios.post('${BUBBLES}', { to, text }).catch(() => send({ to, text }));
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'msgbubbles', examples: EVERY.msgbubbles }, line: 3, column: 89, endLine: 3, endColumn: 107 }],
    },
    // R8: a helper that takes the request as a callback and recurses on failure retries the provider calls passed to it;
    // AuthError is never created, so it stops nothing
    {
      code: code`
        import axios from 'axios';
        class AuthError extends Error {}
        async function withRetry<T>(fn: () => Promise<T>, attempt = 0): Promise<T> {
          try {
            return await fn();
          } catch (error) {
            if (error instanceof AuthError) throw error;
            if (attempt < 4) {
              await new Promise((r) => setTimeout(r, 1000 * 2 ** attempt));
              return withRetry(fn, attempt + 1);
            }
            throw error;
          }
        }
        export function sendText(phoneId: string, to: string, body: string) {
          return withRetry(async () => {
            const { data } = await axios.post(\`https://graph.facebook.com/v21.0/\${phoneId}/messages\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body } });
            return data;
          });
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: EVERY['meta-cloud'] }, line: 10, column: 14, endLine: 10, endColumn: 40 }],
    },
    // R8: the same with a loop, and a named function passed in
    {
      code: code`
        import axios from 'axios';
        async function retrying<T>(times: number, fn: () => Promise<T>): Promise<T> {
          for (let attempt = 1; ; attempt++) {
            try {
              return await fn();
            } catch (err) {
              if (attempt >= times) throw err;
              await new Promise((r) => setTimeout(r, 1000));
            }
          }
        }
        async function post(payload: object) {
          return axios.post('${DIGI}', payload);
        }
        export const send = (payload: object) => retrying(3, () => post(payload));
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'digiworld', examples: EVERY.digiworld }, line: 3, column: 3, endLine: 3, endColumn: 6 }],
    },
  ],
});

// A retry predicate's result held in a variable is read like the call written in place.
const STORED_PREDICATE = (held: boolean) => code`
  import axios, { type AxiosError } from 'axios';
  export class Sender {
    async send(phoneId: string, payload: object) {
      for (let attempt = 0; attempt <= 3; attempt += 1) {
        try {
          return await axios.post(\`https://graph.facebook.com/v21.0/\${phoneId}/messages\`, payload);
        } catch (error) {
          const status = (error as AxiosError).response?.status || 0;
          ${held ? 'const retryable = this.isRetryableStatus(status);' : ''}
          if (${held ? 'retryable' : 'this.isRetryableStatus(status)'} && attempt < 3) {
            await new Promise((r) => setTimeout(r, 1000 * 2 ** attempt));
          } else {
            throw error;
          }
        }
      }
    }
    private isRetryableStatus(status: number): boolean {
      return status === 429 || (status >= 500 && status < 600);
    }
  }
`;

ruleTester.run('no-blind-retry: a decision held in a variable', rule, {
  valid: [
    // the catalog's predicate, held and negated: only retryable codes are re-sent
    code`
      import axios from 'axios';
      import { isRetryable } from 'eslint-plugin-whatsapp-errors/catalog';
      export async function send(phoneId: string, payload: object) {
        for (let attempt = 1; ; attempt++) {
          try {
            return await axios.post(\`https://graph.facebook.com/v21.0/\${phoneId}/messages\`, payload);
          } catch (err) {
            const retryable = isRetryable('meta-cloud', err.response?.data?.error?.code);
            if (!retryable || attempt >= 3) throw err;
            await new Promise((r) => setTimeout(r, 1000 * attempt));
          }
        }
      }
    `,
  ],
  invalid: [true, false].map((held) => ({
    name: held ? 'retry predicate stored in a const' : 'retry predicate called in the condition',
    code: STORED_PREDICATE(held),
    errors: [
      {
        messageId: 'partialRetry' as const,
        data: { provider: 'meta-cloud', count: 3, errors: 'errors', examples: cite('meta-cloud', 3, 131045) },
        line: 4,
        column: 5,
        endLine: 4,
        endColumn: 8,
      },
    ],
  })),
});

// R8 across files: a retry helper of another project file (the fixture app's
// lib/with-retry.ts) that takes the request as a callback is judged with its
// own decision and reported at the call that hands it the request.
const APP = fileURLToPath(new URL('../fixtures/cross-file/app/', import.meta.url));

ruleTester.run('no-blind-retry: callback retry helpers of other files', rule, {
  valid: [
    // retryTransient rethrows what the catalog's isRetryable() rejects
    {
      filename: `${APP}src/jobs/confirm.ts`,
      code: code`
        import axios from 'axios';
        import { retryTransient } from '../lib/with-retry';
        export const confirm = (phoneId: string, to: string) =>
          retryTransient(() => axios.post(\`https://graph.facebook.com/v21.0/\${phoneId}/messages\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'Confirmed' } }));
      `,
    },
    // a base class that sets a failed notification back to pending, handed an e-mail send: no WhatsApp send is retried
    {
      filename: `${APP}src/notifications/email.consumer.ts`,
      code: code`
        import { BaseConsumer, type Notification } from './base.consumer';
        export class SmsConsumer extends BaseConsumer {
          constructor(private readonly sms: { send(to: string, body: string): Promise<void> }) {
            super();
          }
          protected async load(id: string): Promise<Notification> {
            return { id, status: 'queued', retryCount: 0 };
          }
          protected async save(): Promise<void> {}
          deliver(id: string, to: string, body: string) {
            return super.process(id, () => this.sms.send(to, body));
          }
        }
      `,
    },
    // the helper given something that is no provider call retries no send
    {
      filename: `${APP}src/jobs/cleanup.ts`,
      code: code`
        import { withRetry } from '../lib/with-retry';
        export const cleanup = (db: { purge(): Promise<void> }) => withRetry(() => db.purge());
      `,
    },
  ],
  invalid: [
    // withRetry stops only for an error class nothing creates: every error is re-sent, once per call handing it a send
    {
      filename: `${APP}src/jobs/confirm.ts`,
      code: code`
        import axios from 'axios';
        import { withRetry } from '../lib/with-retry';
        const url = (phoneId: string) => \`https://graph.facebook.com/v21.0/\${phoneId}/messages\`;
        export async function confirm(phoneId: string, to: string) {
          await withRetry(() => axios.post(url(phoneId), { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'Confirmed' } }));
          const send = () => axios.post(url(phoneId), { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'See you' } });
          await withRetry(send);
        }
      `,
      errors: [
        { messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: EVERY['meta-cloud'] }, line: 5, column: 9, endLine: 5, endColumn: 132 },
        { messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: EVERY['meta-cloud'] }, line: 7, column: 9, endLine: 7, endColumn: 24 },
      ],
    },
    // a base class of another file (notifications/base.consumer.ts) sets every failed send back to pending
    // with its retry counted: reported at the super call that hands it the send, naming the write
    {
      filename: `${APP}src/notifications/whatsapp.consumer.ts`,
      code: code`
        import { sendText } from '../whatsapp/messages';
        import { BaseConsumer, type Notification } from './base.consumer';
        export class ReminderConsumer extends BaseConsumer {
          protected async load(id: string): Promise<Notification> {
            return { id, status: 'queued', retryCount: 0 };
          }
          protected async save(): Promise<void> {}
          remind(id: string, to: string) {
            return super.process(id, () => sendText(to, 'Your appointment is tomorrow'));
          }
        }
      `,
      errors: [
        {
          messageId: 'statusRetry',
          data: { provider: 'meta-cloud', examples: EVERY['meta-cloud'], status: "'pending'", counter: 'retryCount' },
          line: 9,
          column: 12,
          endLine: 9,
          endColumn: 81,
        },
      ],
    },
  ],
});

// ─── Errors classified in a response interceptor, retried by class (real-code round 4, R8) ──────
// The interceptor's mapper decides which class each Meta code becomes; the retry helper's
// `instanceof` tests are read through it, code by code.
const classifiedRetry = (mapper: string, stop: string) => code`
  import axios, { type AxiosError } from 'axios';
  class AuthError extends Error {}
  class RateLimitError extends Error {}
  class ApiError extends Error {}
  const graph = axios.create({ baseURL: 'https://graph.facebook.com/v21.0' });
  graph.interceptors.response.use((res) => res, (error) => Promise.reject(toAppError(error)));
  function toAppError(error: AxiosError<{ error?: { code?: number; message?: string } }>) {
    ${mapper}
  }
  async function withRetry<T>(fn: () => Promise<T>, attempt = 0): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (${stop} || attempt >= 3) throw e;
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
      return withRetry(fn, attempt + 1);
    }
  }
  export const sendText = (phoneNumberId: string, to: string, body: string) =>
    withRetry(() => graph.post(\`/\${phoneNumberId}/messages\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body } }));
`;

ruleTester.run('no-blind-retry: errors classified in a response interceptor', rule, {
  valid: [
    // only the class built for the throughput codes is retried
    classifiedRetry(
      `const code = error.response?.data?.error?.code;
    if (code === 131056) return new RateLimitError('slow down');
    return new ApiError(error.message);`,
      '!(e instanceof RateLimitError)',
    ),
  ],
  invalid: [
    // 401 (0, 190) and the re-engagement text (131047) become AuthError and stop; the other codes that cannot
    // succeed (131026 first) become ApiError and are retried
    {
      code: classifiedRetry(
        `if (error.response?.status === 401) return new AuthError('Sign in again');
    if ((error.response?.data?.error?.message ?? '').includes('Re-engagement')) return new AuthError('Reply window closed');
    return new ApiError(error.message);`,
        'e instanceof AuthError',
      ),
      errors: [
        {
          messageId: 'partialRetry',
          data: { errors: 'errors', count: NON_RETRYABLE['meta-cloud'] - 3, provider: 'meta-cloud', examples: cite('meta-cloud', 131026, 3) },
          line: 18,
          column: 12,
          endLine: 18,
          endColumn: 38,
        },
      ],
    },
  ],
});

// A file whose only provider evidence is an env var or config key named for the Cloud API's base URL
// (`WHATSAPP_CLOUD_API_URL`, `META_GRAPH_URL`): its text names no host, path or SDK, yet it is analysed.
ruleTester.run('no-blind-retry: a base URL known only by its env var name', rule, {
  valid: [
    // Microsoft Graph's base URL: not Meta's
    {
      filename: 'src/mail/subscriptions.ts',
      code: code`
        export async function renew(id: string) {
          for (let attempt = 0; attempt < 3; attempt++) {
            try {
              return await axios.patch(\`\${process.env.GRAPH_API_BASE}/subscriptions/\${id}\`, { expirationDateTime: soon() });
            } catch {
              await sleep(1000);
            }
          }
        }
      `,
    },
    // Meta's Graph API for a Page: no WhatsApp evidence (the file, its names and its path say Instagram)
    {
      filename: 'src/social/instagram.ts',
      code: code`
        export async function publish(igUserId: string, creationId: string) {
          for (let attempt = 0; attempt < 3; attempt++) {
            try {
              return await axios.post(\`\${process.env.META_GRAPH_URL}/v21.0/\${igUserId}/media_publish\`, { creation_id: creationId });
            } catch {
              await sleep(1000);
            }
          }
        }
      `,
    },
    // WhatsApp only in a comment: an in-house notifier's URL is no provider's
    {
      filename: 'src/notify.ts',
      code: code`
        // Sends the WhatsApp Cloud API notification through our own relay.
        export async function notify(to: string, text: string) {
          for (let attempt = 0; attempt < 3; attempt++) {
            try {
              return await axios.post(\`\${process.env.NOTIFY_URL}/send\`, { to, text });
            } catch {
              await sleep(1000);
            }
          }
        }
      `,
    },
  ],
  invalid: [
    // `env.META_GRAPH_URL` from a validated env module, a phone id in the path: every error sent again
    {
      filename: 'src/notifications/send.ts',
      code: code`
        import axios from 'axios';
        import { env } from '../env';
        export async function sendText(phoneId: string, to: string, body: string) {
          for (let attempt = 0; attempt < 3; attempt++) {
            try {
              return await axios.post(\`\${env.META_GRAPH_URL}/v21.0/\${phoneId}/messages\`, { to, text: { body } });
            } catch (err) {
              await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
            }
          }
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: EVERY['meta-cloud'] }, line: 4, column: 3, endLine: 4, endColumn: 6 }],
    },
  ],
});

// --- whatsapp-cloud-api: the error body itself is thrown ---------------------
// `createBot(…)` sends reject with Meta's error body (`err.error.code`); a loop must decide on that code.

const cloudBotLoop = (decision: string, send = "sendTemplate(to, 'reminder', 'en_US')") => code`
  import { createBot } from 'whatsapp-cloud-api';
  const bot = createBot(phoneNumberId, token);
  export async function remind(to: string) {
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        return await bot.${send};
      } catch (err) {
        ${decision}
        await sleep(attempt * 1000);
      }
    }
  }
`;

ruleTester.run('no-blind-retry (whatsapp-cloud-api)', rule, {
  valid: [
    cloudBotLoop("if (!isRetryable('meta-cloud', err.error?.code) || attempt === 3) throw err;").replace(
      "import { createBot } from 'whatsapp-cloud-api';",
      "import { createBot } from 'whatsapp-cloud-api';\nimport { isRetryable } from 'eslint-plugin-whatsapp-errors/catalog';",
    ),
    // a bot of another library re-sending blindly is not a Cloud API retry
    code`
      import { Bot } from 'grammy';
      const bot = new Bot(token);
      export async function remind(chat: string) {
        for (let attempt = 1; attempt <= 3; attempt++) {
          try {
            return await bot.sendText(chat, 'reminder');
          } catch (err) {
            await sleep(attempt * 1000);
          }
        }
      }
    `,
  ],
  invalid: [
    // a template send: the template's own code first
    {
      code: cloudBotLoop('if (attempt === 3) throw err;'),
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: TEMPLATE_EVERY }, line: 4, column: 3, endLine: 4, endColumn: 6 }],
    },
    {
      code: cloudBotLoop('if (attempt === 3) throw err;', "sendText(to, 'reminder')"),
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: EVERY['meta-cloud'] }, line: 4, column: 3, endLine: 4, endColumn: 6 }],
    },
    // @great-detail/whatsapp: a Cloud API payload of type 'template' (the SDK adds messaging_product itself)
    {
      code: code`
        import { Client } from '@great-detail/whatsapp';
        const sdk = new Client();
        export async function remind(phoneNumberID: string, to: string) {
          for (let attempt = 1; attempt <= 3; attempt++) {
            try {
              return await sdk.message.createMessage({ phoneNumberID, to, type: 'template', template: { name: 'reminder', language: { code: 'en_US' } } });
            } catch (err) {
              if (attempt === 3) throw err;
            }
          }
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: TEMPLATE_EVERY }, line: 4, column: 3, endLine: 4, endColumn: 6 }],
    },
  ],
});

ruleTester.run('no-blind-retry: a loop that walks linked items', rule, {
  valid: [
    // a flow walked node by node: the condition's variable is looked up from itself at the end of each pass,
    // so the send after a failed one is the next node's message, not the same request again
    code`
      import axios from 'axios';
      type Step = { id: string; text?: string };
      export async function runFlow(to: string, steps: Map<string, Step>, next: Map<string, string>, start: string) {
        const seen = new Set<string>();
        let stepId: string | undefined = next.get(start);
        while (stepId && !seen.has(stepId)) {
          seen.add(stepId);
          const step = steps.get(stepId);
          try {
            if (step?.text) await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: step.text } });
          } catch {
            // go on with the next step
          }
          stepId = next.get(stepId);
        }
      }
    `,
    // a flow run by a \`switch\` on the node: each case sends its node's message and moves on to the next node
    code`
      import axios from 'axios';
      type FlowNode = { type: 'message' | 'wait' | 'start'; text?: string; next?: string };
      export async function runFrom(to: string, graph: Map<string, FlowNode>, startId: string) {
        let steps = 0;
        let node = graph.get(startId);
        while (node && steps++ < 50) {
          switch (node.type) {
            case 'message': {
              try {
                await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: node.text } });
              } catch {
                // the next node still runs
              }
              node = graph.get(node.next ?? '');
              continue;
            }
            case 'wait':
              return true;
            default:
              node = graph.get(node.next ?? '');
          }
        }
        return false;
      }
    `,
  ],
  invalid: [
    // a \`switch\` on the send's outcome that moves on only after a success: the failed node is sent again
    {
      code: code`
        import axios from 'axios';
        type FlowNode = { text?: string; next?: string };
        export async function runFrom(to: string, graph: Map<string, FlowNode>, startId: string) {
          let node = graph.get(startId);
          while (node) {
            let sent = false;
            try {
              await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: node.text } });
              sent = true;
            } catch {
              await sleep(1000);
            }
            switch (sent) {
              case true:
                node = graph.get(node.next ?? '');
            }
          }
        }
        declare function sleep(ms: number): Promise<void>;
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: EVERY['meta-cloud'] }, line: 5, column: 3, endLine: 5, endColumn: 8 }],
    },
    // a counter stepped by a lookup of itself, but the send leaves the loop when it works: a retry until it works
    {
      code: code`
        import axios from 'axios';
        export async function send(to: string) {
          let attempt = 0;
          while (attempt < 3) {
            try {
              await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } });
              return;
            } catch {
              await sleep(1000);
            }
            attempt = Math.min(attempt + 1, 3);
          }
        }
        declare function sleep(ms: number): Promise<void>;
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: EVERY['meta-cloud'] }, line: 4, column: 3, endLine: 4, endColumn: 8 }],
    },
  ],
});

ruleTester.run('no-blind-retry: a loop that pages through results', rule, {
  valid: [
    // a class's wrapper that hands failures back, every page or the first: the next page's path comes from each
    // pass's response, so the request after a failed page is not that page again (a failure has no next page)
    code`
      import axios from 'axios';
      const GRAPH = 'https://graph.facebook.com/v21.0';
      export class Templates {
        constructor(private readonly wabaId: string, private readonly token: string) {}
        async call(options: { method: string; path: string; absolute?: boolean }): Promise<any> {
          try {
            return await axios({ method: options.method, url: options.absolute ? options.path : GRAPH + options.path, headers: { Authorization: \`Bearer \${this.token}\` } });
          } catch (err) {
            return err;
          }
        }
        async list(everyPage = true) {
          let path: string | undefined = \`/\${this.wabaId}/message_templates\`;
          let found: unknown[] = [];
          if (everyPage) {
            let absolute = false;
            while (path) {
              const page = await this.call({ method: 'GET', path, absolute });
              found = [...found, ...page.data.data];
              path = page.data?.paging?.next;
              absolute = true;
            }
          } else {
            const page = await this.call({ method: 'GET', path });
            found = page.data.data;
          }
          return found;
        }
      }
    `,
    // the cursor comes from each pass's response: a failure (handed back by the wrapper) has no next page, and the loop ends
    code`
      import axios from 'axios';
      async function graph(url: string): Promise<any> {
        try {
          return await axios.get(url, { headers: { Authorization: 'Bearer token' } });
        } catch (err) {
          return err;
        }
      }
      export async function listTemplates(wabaId: string) {
        const all: unknown[] = [];
        let next: string | undefined = 'https://graph.facebook.com/v21.0/' + wabaId + '/message_templates?limit=50';
        while (next) {
          const page = await graph(next);
          all.push(...(page.data?.data ?? []));
          next = page.data?.paging?.next;
        }
        return all;
      }
    `,
    // \`do … while\` over cursors, the cursor passed as a query option
    code`
      import axios from 'axios';
      async function graph(url: string, params: Record<string, string | undefined>): Promise<any> {
        try {
          return await axios.get(url, { params });
        } catch (err) {
          return err;
        }
      }
      export async function listNumbers(wabaId: string) {
        const numbers: unknown[] = [];
        let after: string | undefined;
        do {
          const res = await graph('https://graph.facebook.com/v21.0/' + wabaId + '/phone_numbers', { after });
          numbers.push(...(res.data?.data ?? []));
          after = res.data?.paging?.cursors?.after;
        } while (after);
        return numbers;
      }
    `,
  ],
  invalid: [
    // the cursor is set only when the page came back: a failed page is asked for again, and again
    {
      code: code`
        import axios from 'axios';
        export async function listTemplates(wabaId: string) {
          let next: string | undefined = 'https://graph.facebook.com/v21.0/' + wabaId + '/message_templates';
          while (next) {
            try {
              const page = await axios.get(next);
              next = page.data.paging?.next;
            } catch {
              await sleep(1000);
            }
          }
        }
        declare function sleep(ms: number): Promise<void>;
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: cite('meta-cloud', 100, 190) }, line: 4, column: 3, endLine: 4, endColumn: 8 }],
    },
  ],
});

ruleTester.run('no-blind-retry: a job with more than one send', rule, {
  valid: [
    // both sends keep their errors in the job: nothing re-runs it
    code`
      import { Queue, Worker } from 'bullmq';
      import axios from 'axios';
      export const queue = new Queue('inbound', { defaultJobOptions: { attempts: 3 } });
      new Worker('inbound', async (job) => {
        try {
          await axios.get(\`https://graph.facebook.com/v21.0/\${job.data.mediaId}\`);
        } catch {
          // the media is optional
        }
        try {
          await axios.post('${META}', { messaging_product: 'whatsapp', to: job.data.from, type: 'text', text: { body: 'thanks' } });
        } catch (err) {
          await record(job.data.id, err);
        }
      });
      declare function record(id: string, err: unknown): Promise<void>;
    `,
  ],
  invalid: [
    // the first send keeps its errors, the second one's leave the job, which runs again on every code
    {
      code: code`
        import { Queue, Worker } from 'bullmq';
        import axios from 'axios';
        export const queue = new Queue('inbound', { defaultJobOptions: { attempts: 3 } });
        new Worker('inbound', async (job) => {
          try {
            await axios.get(\`https://graph.facebook.com/v21.0/\${job.data.mediaId}\`);
          } catch {
            // the media is optional
          }
          await axios.post('${META}', { messaging_product: 'whatsapp', to: job.data.from, type: 'text', text: { body: 'thanks' } });
        });
      `,
      errors: [{ messageId: 'jobRetry', data: job('bullmq', 'throw an UnrecoverableError'), line: 10, column: 9, endLine: 10, endColumn: 169 }],
    },
  ],
});

ruleTester.run('no-blind-retry: NestJS BullMQ processors', rule, {
  valid: [
    // the queue's jobs get one attempt: a processor that rethrows re-runs nothing
    code`
      import { Processor, WorkerHost, BullModule } from '@nestjs/bullmq';
      import { Job } from 'bullmq';
      import axios from 'axios';
      export const queues = BullModule.registerQueue({ name: 'reminders', defaultJobOptions: { attempts: 1 } });
      @Processor('reminders')
      export class ReminderProcessor extends WorkerHost {
        async process(job: Job<{ to: string }>) {
          await axios.post('${META}', { messaging_product: 'whatsapp', to: job.data.to, type: 'text', text: { body: 'see you' } });
        }
      }
    `,
  ],
  invalid: [
    // attempts in the module's registerQueue: the processor's rejection re-runs the job on every code
    {
      code: code`
        import { Processor, WorkerHost, BullModule } from '@nestjs/bullmq';
        import { Job } from 'bullmq';
        import axios from 'axios';
        export const queues = BullModule.registerQueue({ name: 'reminders', defaultJobOptions: { attempts: 3 } });
        @Processor('reminders')
        export class ReminderProcessor extends WorkerHost {
          async process(job: Job<{ to: string }>) {
            try {
              await axios.post('${META}', { messaging_product: 'whatsapp', to: job.data.to, type: 'text', text: { body: 'see you' } });
            } catch (error) {
              console.error(error);
              throw error;
            }
          }
        }
      `,
      errors: [{ messageId: 'jobRetry', data: job('bullmq', 'throw an UnrecoverableError'), line: 12, column: 7, endLine: 12, endColumn: 19 }],
    },
    // attempts given where the jobs are added, on a queue injected with @InjectQueue
    {
      code: code`
        import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
        import { Job, Queue } from 'bullmq';
        import axios from 'axios';
        export class Reminders {
          constructor(@InjectQueue('reminders') private readonly queue: Queue) {}
          schedule(to: string) {
            return this.queue.add('send', { to }, { attempts: 3, backoff: { type: 'exponential', delay: 60000 } });
          }
        }
        @Processor({ name: 'reminders' })
        export class ReminderProcessor extends WorkerHost {
          async process(job: Job<{ to: string }>) {
            await axios.post('${META}', { messaging_product: 'whatsapp', to: job.data.to, type: 'text', text: { body: 'see you' } });
          }
        }
      `,
      errors: [{ messageId: 'jobRetry', data: job('bullmq', 'throw an UnrecoverableError'), line: 13, column: 11, endLine: 13, endColumn: 170 }],
    },
  ],
});

/**
 * A project of its own for a processor whose queue gets no attempts in its
 * file: the analysis then looks for them in the project's other files, which
 * in the plugin's own repository (the tests' cwd) would be all of it.
 */
function nestProject(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'wa-nest-'));
  writeFileSync(join(root, 'package.json'), '{ "name": "nest-app", "private": true }');
  mkdirSync(join(root, 'src'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'src', name), text);
  return root;
}
const NEST_PROJECT = nestProject({});
/** The app module gives every queue three attempts. */
const NEST_APP = nestProject({
  'app.module.ts': `import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
@Module({ imports: [BullModule.forRoot({ connection: { host: 'redis' }, defaultJobOptions: { attempts: 3 } })] })
export class AppModule {}
`,
});

ruleTester.run('no-blind-retry: NestJS BullMQ defaults from BullModule.forRoot', rule, {
  valid: [
    // the root gives every queue three attempts, but this queue's own options give one
    code`
      import { Processor, WorkerHost, BullModule } from '@nestjs/bullmq';
      import { Job } from 'bullmq';
      import axios from 'axios';
      export const root = BullModule.forRoot({ connection: { host: 'redis' }, defaultJobOptions: { attempts: 3 } });
      export const queues = BullModule.registerQueue({ name: 'reminders', defaultJobOptions: { attempts: 1 } });
      @Processor('reminders')
      export class ReminderProcessor extends WorkerHost {
        async process(job: Job<{ to: string }>) {
          await axios.post('${META}', { messaging_product: 'whatsapp', to: job.data.to, type: 'text', text: { body: 'see you' } });
        }
      }
    `,
    // a root without job options: BullMQ's one attempt
    {
      filename: join(NEST_PROJECT, 'src/reminders.processor.ts'),
      code: code`
      import { Processor, WorkerHost, BullModule } from '@nestjs/bullmq';
      import { Job } from 'bullmq';
      import axios from 'axios';
      export const root = BullModule.forRoot({ connection: { host: 'redis' } });
      export const queues = BullModule.registerQueue({ name: 'reminders' });
      @Processor('reminders')
      export class ReminderProcessor extends WorkerHost {
        async process(job: Job<{ to: string }>) {
          await axios.post('${META}', { messaging_product: 'whatsapp', to: job.data.to, type: 'text', text: { body: 'see you' } });
        }
      }
    `,
    },
  ],
  invalid: [
    // attempts for every queue in forRoot: the processor's rejection re-runs the job on every code
    {
      filename: join(NEST_PROJECT, 'src/reminders.processor.ts'),
      code: code`
        import { Processor, WorkerHost, BullModule } from '@nestjs/bullmq';
        import { Job } from 'bullmq';
        import axios from 'axios';
        export const root = BullModule.forRoot({ connection: { host: 'redis' }, defaultJobOptions: { attempts: 3, removeOnComplete: true } });
        export const queues = BullModule.registerQueue({ name: 'reminders' });
        @Processor('reminders')
        export class ReminderProcessor extends WorkerHost {
          async process(job: Job<{ to: string }>) {
            await axios.post('${META}', { messaging_product: 'whatsapp', to: job.data.to, type: 'text', text: { body: 'see you' } });
          }
        }
      `,
      errors: [{ messageId: 'jobRetry', data: job('bullmq', 'throw an UnrecoverableError'), line: 9, column: 11, endLine: 9, endColumn: 170 }],
    },
    // forRootAsync: the options its factory returns
    {
      filename: join(NEST_PROJECT, 'src/reminders.processor.ts'),
      code: code`
        import { Processor, WorkerHost, BullModule } from '@nestjs/bullmq';
        import { Job } from 'bullmq';
        import axios from 'axios';
        export const root = BullModule.forRootAsync({
          useFactory: () => ({ connection: { host: 'redis' }, defaultJobOptions: { attempts: 5 } }),
        });
        @Processor('reminders')
        export class ReminderProcessor extends WorkerHost {
          async process(job: Job<{ to: string }>) {
            await axios.post('${META}', { messaging_product: 'whatsapp', to: job.data.to, type: 'text', text: { body: 'see you' } });
          }
        }
      `,
      errors: [{ messageId: 'jobRetry', data: job('bullmq', 'throw an UnrecoverableError'), line: 10, column: 11, endLine: 10, endColumn: 170 }],
    },
    // the root is in the app module, another file of the project: the queue registered here gives no attempts of its own
    {
      filename: join(NEST_APP, 'src/reminders.processor.ts'),
      code: code`
        import { Processor, WorkerHost, BullModule } from '@nestjs/bullmq';
        import { Job } from 'bullmq';
        import axios from 'axios';
        export const queues = BullModule.registerQueue({ name: 'reminders' });
        @Processor('reminders')
        export class ReminderProcessor extends WorkerHost {
          async process(job: Job<{ to: string }>) {
            await axios.post('${META}', { messaging_product: 'whatsapp', to: job.data.to, type: 'text', text: { body: 'see you' } });
          }
        }
      `,
      errors: [{ messageId: 'jobRetry', data: job('bullmq', 'throw an UnrecoverableError'), line: 8, column: 11, endLine: 8, endColumn: 170 }],
    },
  ],
});

/** Job options kept in a module of their own, used by the file that adds the jobs. */
const jobOptions = (attempts: number) => `import { JobsOptions } from 'bullmq';
export const NOTIFY_OPTIONS: JobsOptions = { attempts: ${attempts}, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true };
`;
const notifyService = `import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { NOTIFY_OPTIONS } from './notify.options';
@Injectable()
export class NotifyService {
  constructor(@InjectQueue('notify') private readonly queue: Queue) {}
  async enqueue(to: string) {
    await this.queue.add('digest', { to }, NOTIFY_OPTIONS);
  }
}
`;
const NEST_OPTIONS_5 = nestProject({ 'notify.options.ts': jobOptions(5), 'notify.service.ts': notifyService });
const NEST_OPTIONS_1 = nestProject({ 'notify.options.ts': jobOptions(1), 'notify.service.ts': notifyService });
/** Plain BullMQ: the queue and its `add` in one module, the options imported from another. */
const BULL_OPTIONS = (attempts: number) =>
  nestProject({
    'notify.options.ts': jobOptions(attempts),
    'notify.queue.ts': `import { Queue } from 'bullmq';
import { NOTIFY_OPTIONS } from './notify.options';
export const notifyQueue = new Queue('notify', { connection: { host: 'redis' } });
export async function enqueue(to: string) {
  await notifyQueue.add('digest', { to }, NOTIFY_OPTIONS);
}
`,
  });
const nestNotifyProcessor = code`
  import { Processor, WorkerHost } from '@nestjs/bullmq';
  import { Job } from 'bullmq';
  import axios from 'axios';
  @Processor('notify')
  export class NotifyProcessor extends WorkerHost {
    async process(job: Job<{ to: string }>) {
      await axios.post('${META}', { messaging_product: 'whatsapp', to: job.data.to, type: 'template', template: { name: 'digest', language: { code: 'en' } } });
    }
  }
`;
const bullNotifyWorker = code`
  import { Worker } from 'bullmq';
  import axios from 'axios';
  export const worker = new Worker('notify', async (job) => {
    await axios.post('${META}', { messaging_product: 'whatsapp', to: job.data.to, type: 'template', template: { name: 'digest', language: { code: 'en' } } });
  }, { connection: { host: 'redis' } });
`;

const FLAGGED_SEND = `await axios.post('${META}', { messaging_product: 'whatsapp', to: payload.to, type: 'text', text: { body: payload.text } });`;

/**
 * A RabbitMQ consumer whose catch sends errors flagged `permanent` to dead letters and requeues the rest;
 * `catchSend` wraps the send in a `try` whose catch gets the provider's error as `e`.
 */
const flaggedConsumer = (prepare: string, extra = '', catchSend?: string) => code`
  import type { Channel, ConsumeMessage } from 'amqplib';
  import axios from 'axios';
  ${extra}
  async function deliver(payload: { to?: string; text: string }) {
    ${prepare}
    ${catchSend === undefined ? FLAGGED_SEND : `try {
      ${FLAGGED_SEND}
    } catch (e: any) {
      ${catchSend}
    }`}
  }
  export function listen(channel: Channel) {
    return channel.consume('outbound', async (msg: ConsumeMessage | null) => {
      if (!msg) return;
      try {
        await deliver(JSON.parse(msg.content.toString()));
        channel.ack(msg);
      } catch (err: any) {
        if (err.permanent) channel.nack(msg, false, false);
        else channel.nack(msg, false, true);
      }
    });
  }
`;

/** Bull (v3) through @nestjs/bull: a service that injects the queue and adds jobs with attempts. */
const BULL_NEST = nestProject({
  'otp.service.ts': `import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bull';
import { Queue } from 'bull';
@Injectable()
export class OtpService {
  constructor(@InjectQueue('otp') private readonly queue: Queue) {}
  async send(phone: string, code: string) {
    return this.queue.add('send-otp', { phone, code }, { attempts: 5, backoff: 5000 });
  }
}
`,
});
const bullProcessor = (body: string, registered = '') => code`
  import { Processor, Process, BullModule } from '@nestjs/bull';
  import { Job } from 'bull';
  import axios from 'axios';
  ${registered}
  @Processor('otp')
  export class OtpProcessor {
    @Process('send-otp')
    async handle(job: Job<{ phone: string; code: string }>) {
      ${body}
    }
  }
`;
const OTP_SEND = `await axios.post('${META}', { messaging_product: 'whatsapp', to: job.data.phone, type: 'template', template: { name: 'otp', language: { code: 'en' } } });`;

ruleTester.run('no-blind-retry: Bull (v3) processors of NestJS (the bull module)', rule, {
  valid: [
    // the job is discarded before the rethrow for codes that cannot succeed
    {
      filename: join(BULL_NEST, 'src/otp.processor.ts'),
      code: bullProcessor(`try {
        ${OTP_SEND}
      } catch (err: any) {
        if (!isRetryable('meta-cloud', err.response?.data?.error?.code)) {
          await job.discard();
          throw err;
        }
        throw err;
      }`).replace("import axios from 'axios';", "import axios from 'axios';\nimport { isRetryable } from 'eslint-plugin-whatsapp-errors/catalog';"),
    },
    // one attempt: Bull's default
    { filename: join(NEST_PROJECT, 'src/otp.processor.ts'), code: bullProcessor(OTP_SEND, "export const queues = BullModule.registerQueue({ name: 'otp' });") },
    // a method of the processor that is no job handler (no @Process)
    {
      filename: join(BULL_NEST, 'src/otp.processor.ts'),
      code: code`
        import { Processor } from '@nestjs/bull';
        import axios from 'axios';
        @Processor('otp')
        export class OtpProcessor {
          async preview(phone: string) {
            await axios.post('${META}', { messaging_product: 'whatsapp', to: phone, type: 'text', text: { body: 'preview' } });
          }
        }
      `,
    },
  ],
  invalid: [
    // the queue's jobs get five attempts where a service of another file adds them; the catch rethrows every error
    {
      filename: join(BULL_NEST, 'src/otp.processor.ts'),
      code: bullProcessor(`try {
        ${OTP_SEND}
      } catch (err) {
        throw err;
      }`),
      errors: [{ messageId: 'jobRetry', data: { ...job('bull', 'call job.discard() before throwing'), examples: TEMPLATE_EVERY }, line: 12, column: 7, endLine: 12, endColumn: 17 }],
    },
    // attempts in the queue's registration; nothing catches the send
    {
      filename: join(NEST_PROJECT, 'src/otp.processor.ts'),
      code: bullProcessor(OTP_SEND, "export const queues = BullModule.registerQueue({ name: 'otp', defaultJobOptions: { attempts: 3 } });"),
      errors: [{ messageId: 'jobRetry', data: { ...job('bull', 'call job.discard() before throwing'), examples: TEMPLATE_EVERY }, line: 9, column: 11, endLine: 9, endColumn: 203 }],
    },
  ],
});

ruleTester.run('no-blind-retry: a flag only the app\'s own errors carry', rule, {
  valid: [
    // the flag is set on the provider's error itself (by status): the decision may look at the provider's failure
    flaggedConsumer(`if (!payload.to) throw Object.assign(new Error('no recipient'), { permanent: true });`, `axios.interceptors.response.use(undefined, (e) => { e.permanent = e.response?.status === 400; return Promise.reject(e); });`),
    // the flag set on the caught provider error in the wrapper, by its code
    flaggedConsumer('', '', 'e.permanent = e.response?.data?.error?.code !== 130429;\n      throw e;'),
    // a wrapper that builds an error of its own from the provider's failure: it may carry the flag
    flaggedConsumer(
      `if (!payload.to) {
    const e: any = new Error('no recipient');
    e.permanent = true;
    throw e;
  }`,
      "import { toDeliveryError } from './errors';",
      'throw new Error(toDeliveryError(e));',
    ),
  ],
  invalid: [
    // set on an error the code creates for a bad payload: every provider failure is requeued
    {
      code: flaggedConsumer(`if (!payload.to) {
    const e: any = new Error('no recipient');
    e.permanent = true;
    throw e;
  }`),
      errors: [{ messageId: 'queueRetry', data: queue('channel.nack'), line: 20, column: 12, endLine: 20, endColumn: 42 }],
    },
    {
      code: flaggedConsumer(`if (!payload.to) throw Object.assign(new Error('no recipient'), { permanent: true });`),
      errors: [{ messageId: 'queueRetry', data: queue('channel.nack'), line: 16, column: 12, endLine: 16, endColumn: 42 }],
    },
  ],
});

ruleTester.run('no-blind-retry: BullMQ job options imported by the file that adds the jobs', rule, {
  valid: [
    // the imported options give one attempt
    { filename: join(NEST_OPTIONS_1, 'src/notify.processor.ts'), code: nestNotifyProcessor },
    { filename: join(BULL_OPTIONS(1), 'src/notify.worker.ts'), code: bullNotifyWorker },
  ],
  invalid: [
    // NestJS: the service that injects the queue adds its jobs with options from another module
    {
      filename: join(NEST_OPTIONS_5, 'src/notify.processor.ts'),
      code: nestNotifyProcessor,
      errors: [{ messageId: 'jobRetry', data: { ...job('bullmq', 'throw an UnrecoverableError'), examples: TEMPLATE_EVERY }, line: 7, column: 11, endLine: 7, endColumn: 203 }],
    },
    // plain BullMQ: the queue's module adds its jobs with options from another module
    {
      filename: join(BULL_OPTIONS(4), 'src/notify.worker.ts'),
      code: bullNotifyWorker,
      errors: [{ messageId: 'jobRetry', data: { ...job('bullmq', 'throw an UnrecoverableError'), examples: TEMPLATE_EVERY }, line: 4, column: 9, endLine: 4, endColumn: 201 }],
    },
  ],
});

ruleTester.run('no-blind-retry: the app\'s own error class passed through first', rule, {
  valid: [
    // the same loop deciding on the code: it re-sends only the rate limit
    code`
      import axios from 'axios';
      class OutboundError extends Error {
        constructor(message: string, readonly kind: 'transient' | 'permanent') { super(message); }
      }
      export async function send(to: string): Promise<string> {
        for (let attempt = 0; ; attempt++) {
          try {
            const res = await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } });
            if (!res.data.messages?.[0]?.id) throw new OutboundError('no message id', 'permanent');
            return res.data.messages[0].id;
          } catch (error: any) {
            if (error instanceof OutboundError) throw error;
            if (error.response?.data?.error?.code !== 130429) throw error;
            const status = error.response?.status;
            if (attempt < 3 && (!status || status === 429 || status >= 500)) {
              await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
              continue;
            }
            throw error;
          }
        }
      }
    `,
  ],
  invalid: [
    // axios rejects with its own error, never the app's class: the test passes on the app's throws only,
    // and the provider's failure goes on to the status decision, which re-sends codes that come with 5xx
    {
      code: code`
        import axios from 'axios';
        class OutboundError extends Error {
          constructor(message: string, readonly kind: 'transient' | 'permanent') { super(message); }
        }
        export async function send(to: string): Promise<string> {
          for (let attempt = 0; ; attempt++) {
            try {
              const res = await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } });
              if (!res.data.messages?.[0]?.id) throw new OutboundError('no message id', 'permanent');
              return res.data.messages[0].id;
            } catch (error: any) {
              if (error instanceof OutboundError) throw error;
              const status = error.response?.status;
              if (attempt < 3 && (!status || status === 429 || status >= 500)) {
                await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
                continue;
              }
              throw error;
            }
          }
        }
      `,
      errors: [{ messageId: 'partialRetry', data: { provider: 'meta-cloud', count: 3, errors: 'errors', examples: '3 (API method) and 131045 (Incorrect certificate)' }, line: 6, column: 3, endLine: 6, endColumn: 6 }],
    },
  ],
});

ruleTester.run('no-blind-retry: a classifier that returns labels', rule, {
  valid: [
    // the classifier calls only the rate limit transient: the loop re-sends nothing that cannot succeed
    code`
      import axios, { AxiosError } from 'axios';
      export class Sender {
        async send(to: string): Promise<string> {
          let attempt = 0;
          while (attempt <= 3) {
            try {
              const res = await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } });
              return res.data.messages[0].id;
            } catch (error) {
              const kind = this.classify(error as AxiosError<{ error?: { code?: number } }>);
              if (kind === 'transient' && attempt < 3) {
                await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
                attempt += 1;
                continue;
              }
              throw error;
            }
          }
          throw new Error('unreachable');
        }
        private classify(error: AxiosError<{ error?: { code?: number } }>): 'transient' | 'permanent' {
          if (error.response?.data?.error?.code === 130429) return 'transient';
          return 'permanent';
        }
      }
    `,
  ],
  invalid: [
    // the classifier calls every 5xx transient: codes Meta answers with a 500 that cannot succeed are re-sent
    {
      code: code`
        import axios, { AxiosError } from 'axios';
        export class Sender {
          async send(to: string): Promise<string> {
            let attempt = 0;
            while (attempt <= 3) {
              try {
                const res = await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } });
                return res.data.messages[0].id;
              } catch (error) {
                const kind = this.classify(error as AxiosError);
                if (kind === 'transient' && attempt < 3) {
                  await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
                  attempt += 1;
                  continue;
                }
                throw error;
              }
            }
            throw new Error('unreachable');
          }
          private classify(error: AxiosError): 'transient' | 'permanent' {
            const status = error.response?.status;
            if (!status) return 'transient';
            if ([429, 500, 502, 503].includes(status)) return 'transient';
            return 'permanent';
          }
        }
      `,
      errors: [{ messageId: 'partialRetry', data: { provider: 'meta-cloud', count: 3, errors: 'errors', examples: '3 (API method) and 131045 (Incorrect certificate)' }, line: 5, column: 5, endLine: 5, endColumn: 10 }],
    },
  ],
});

// ─── A worker's service loop is a schedule, not a retry (real code) ───────────
// `while (this.running)` whose flag only `stop()` sets, and whose work does not
// leave the loop when it succeeds, runs the work again after a success too:
// polling for jobs, not re-sending a failed message.
const worker = (onSuccess: string) => code`
  import axios from 'axios';
  export class CampaignWorker {
    private running = false;
    async start(phoneNumberId: string, to: string) {
      this.running = true;
      while (this.running) {
        try {
          await axios.post(\`https://graph.facebook.com/v21.0/\${phoneNumberId}/messages\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'Your campaign update' } });${onSuccess}
        } catch (error) {
          console.error(error);
        }
        await new Promise((resolve) => setTimeout(resolve, 5000));
      }
    }
    stop() {
      this.running = false;
    }
  }
`;

ruleTester.run('no-blind-retry: a service loop', rule, {
  valid: [worker('')],
  invalid: [
    // the same loop left on success: it sends again only after a failure, every failure
    {
      code: worker('\n          break;'),
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: EVERY['meta-cloud'] }, line: 6, column: 5, endLine: 6, endColumn: 10 }],
    },
  ],
});

ruleTester.run('no-blind-retry: a loop whose request changes with each pass', rule, {
  valid: [
    // cursor pagination: each pass asks for the page after the one it got back (a wrapper that resolves on failure,
    // so a failed page is a value here, and the loop ends on it as there is no next cursor)
    code`
      async function listTemplates(wabaId: string, after: string) {
        const res = await fetch(\`https://graph.facebook.com/v21.0/\${wabaId}/message_templates?limit=100&after=\${after}\`);
        return res.json();
      }
      export async function syncTemplates(wabaId: string) {
        const rows: unknown[] = [];
        let after = '';
        let pages = 0;
        while (pages < 50) {
          pages += 1;
          const page = await listTemplates(wabaId, after);
          rows.push(...(page.data ?? []));
          const next = page.paging?.cursors?.after;
          if (!next) break;
          after = next;
        }
        return rows;
      }
    `,
    // a name clash renames the flow on each pass: each request creates another flow, none is the failed one again
    code`
      import axios from 'axios';
      export async function createFlow(wabaId: string, base: string) {
        for (let i = 1; i <= 5; i++) {
          const name = i === 1 ? base : \`\${base} \${i}\`;
          try {
            const { data } = await axios.post(\`https://graph.facebook.com/v21.0/\${wabaId}/flows\`, { name, categories: ['OTHER'] });
            return data.id as string;
          } catch {
            await sleep(200);
          }
        }
        return undefined;
      }
      declare function sleep(ms: number): Promise<void>;
    `,
    // each pass claims the next queued message and the loop ends when none is left: a drain, not a retry
    code`
      import axios from 'axios';
      type Row = { to: string; text: string };
      export async function drain(limit: number) {
        for (let index = 0; index < limit; index++) {
          const row = await claimNext();
          if (!row) break;
          try {
            await axios.post('${META}', { messaging_product: 'whatsapp', to: row.to, type: 'text', text: { body: row.text } });
          } catch (err) {
            await markFailed(row, err);
          }
        }
      }
      declare function claimNext(): Promise<Row | null>;
      declare function markFailed(row: Row, err: unknown): Promise<void>;
    `,
    // the same through a wrapper: the argument is the claimed item
    code`
      import axios from 'axios';
      type Job = { to: string; text: string };
      async function deliver(job: Job) {
        await axios.post('${META}', { messaging_product: 'whatsapp', to: job.to, type: 'text', text: { body: job.text } });
      }
      export async function work() {
        while (true) {
          const job = await nextJob();
          if (job === null) return;
          try {
            await deliver(job);
          } catch (err) {
            console.error(err);
          }
        }
      }
      declare function nextJob(): Promise<Job | null>;
    `,
  ],
  invalid: [
    // decoy: the cursor is only reset on a failed page, not taken from the result: the same first page is asked for again
    {
      code: code`
        async function listTemplates(wabaId: string, after: string) {
          const res = await fetch(\`https://graph.facebook.com/v21.0/\${wabaId}/message_templates?limit=100&after=\${after}\`);
          return res.json();
        }
        export async function firstPage(wabaId: string) {
          let after = '';
          let pages = 0;
          while (pages < 50) {
            pages += 1;
            const page = await listTemplates(wabaId, after);
            if (page.error) {
              after = '';
              continue;
            }
            return page.data;
          }
          return [];
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: cite('meta-cloud', 100, 190) }, line: 8, column: 3, endLine: 8, endColumn: 8 }],
    },
    // only the timeout grows with the attempt: the same message is sent again
    {
      code: code`
        import axios from 'axios';
        export async function send(to: string) {
          for (let attempt = 1; attempt <= 3; attempt++) {
            try {
              await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } }, { timeout: 1000 * attempt });
              return;
            } catch {
              await sleep(500);
            }
          }
        }
        declare function sleep(ms: number): Promise<void>;
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: EVERY['meta-cloud'] }, line: 3, column: 3, endLine: 3, endColumn: 6 }],
    },
    // the payload is built again on each pass, from the same inputs, and nothing ends the loop when there is none
    {
      code: code`
        import axios from 'axios';
        export async function send(to: string) {
          let sent = false;
          while (!sent) {
            const payload = await buildPayload(to);
            try {
              await axios.post('${META}', payload);
              sent = true;
            } catch {
              await sleep(500);
            }
          }
        }
        declare function buildPayload(to: string): Promise<object>;
        declare function sleep(ms: number): Promise<void>;
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: EVERY['meta-cloud'] }, line: 4, column: 3, endLine: 4, endColumn: 8 }],
    },
  ],
});

// ─── In-memory queues: a drain loop that puts the failed item back (real-code round 11) ───────
// `while (queue.length) { const item = queue.shift(); … }` sends each item once, but putting the
// failed item back into the queue it drains (at once or from a timer) sends it again.
const drain = (onFailure: string) => code`
  import axios from 'axios';
  class Outbox {
    constructor() { this.items = []; this.maxRetries = 3; }
    async drain() {
      while (this.items.length > 0) {
        const item = this.items.shift();
        try {
          await axios.post('${META}', { messaging_product: 'whatsapp', to: item.to, type: 'text', text: { body: item.body } });
        } catch (err) {
          ${onFailure}
        }
      }
    }
  }
  export const outbox = new Outbox();
`;
const requeue = (action: string) => ({ action, provider: 'meta-cloud', examples: EVERY['meta-cloud'] });

ruleTester.run('no-blind-retry: in-memory queues', rule, {
  valid: [
    // the failed item is recorded, not put back
    drain('await store.markFailed(item.id, err.response?.data?.error?.code);'),
    // only retryable codes go back
    drain(`if (isRetryable('meta-cloud', err.response?.data?.error?.code) && item.retryCount < this.maxRetries) { item.retryCount++; setTimeout(() => this.items.push(item), 30_000); }`).replace(
      "import axios from 'axios';",
      "import axios from 'axios';\nimport { isRetryable } from 'eslint-plugin-whatsapp-errors/catalog';",
    ),
    // another item is queued (a follow-up), not the one that failed
    drain("this.items.push({ to: item.to, body: 'We could not reach you' });"),
    // a queue the loop does not drain
    drain('this.deadLetters.push(item);'),
  ],
  invalid: [
    // put back at once, as a copy with its attempts: every code goes round again
    {
      code: drain('this.items.push({ ...item, attempts: (item.attempts ?? 0) + 1 });'),
      errors: [{ messageId: 'requeueRetry', data: requeue('this.items.push'), line: 10, column: 9, endLine: 10, endColumn: 73 }],
    },
    // the code decides for one case only: the others still go back
    {
      code: drain('if (err.response?.data?.error?.code !== 190) this.items.unshift(item);'),
      errors: [
        {
          messageId: 'requeuePartialRetry',
          data: { action: 'this.items.unshift', provider: 'meta-cloud', count: NON_RETRYABLE['meta-cloud'] - 1, errors: 'errors', examples: cite('meta-cloud', 131047, 0) },
          line: 10,
          column: 54,
          endLine: 10,
          endColumn: 78,
        },
      ],
    },
    // a wrapper that gives failures back as values, and the item put back from a timer with its attempt counted
    {
      code: code`
        import axios from 'axios';
        async function sendText(to, body) {
          try {
            const r = await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body } });
            return { success: true, id: r.data.messages[0].id };
          } catch (error) {
            return { success: false, error: error.message };
          }
        }
        class Outbox {
          constructor() { this.items = []; this.maxRetries = 3; }
          async drain() {
            while (this.items.length > 0) {
              const item = this.items.shift();
              const result = await sendText(item.to, item.body);
              if (result.success) continue;
              if (item.retryCount < this.maxRetries) {
                item.retryCount++;
                setTimeout(() => { this.items.unshift(item); this.drain(); }, 5000);
              }
            }
          }
        }
        export const outbox = new Outbox();
      `,
      errors: [{ messageId: 'requeueRetry', data: requeue('this.items.unshift'), line: 19, column: 28, endLine: 19, endColumn: 52 }],
    },
  ],
});

// ─── Scheduled jobs that select failed records again (real-code round 12) ───────
// A job run on a schedule loops over the records a query selected and marks a record only when its
// send works: a failed one is left as the query selects it, and the next run sends it again.
const reminderJob = (query: string, onFailure: string, schedule = "cron.schedule('*/5 * * * *', remind);") => code`
  import cron from 'node-cron';
  import axios from 'axios';
  import { isRetryable } from 'eslint-plugin-whatsapp-errors/catalog';
  async function sendReminder(to, body) {
    try {
      const r = await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body } });
      return { success: true, id: r.data.messages[0].id };
    } catch (error) {
      return { success: false, code: error.response?.data?.error?.code };
    }
  }
  async function remind() {
    const due = await Reminder.find(${query}).sort({ dueAt: 1 });
    for (const reminder of due) {
      const result = await sendReminder(reminder.phone, reminder.text);
      if (result.success) {
        reminder.status = 'sent';
        await reminder.save();
      } else {
        ${onFailure}
      }
    }
  }
  ${schedule}
  declare const Reminder: any;
  declare const router: any;
  declare function markFailed(reminder: unknown, code: unknown): Promise<void>;
`;
const outboxWorker = (onFailure: string, beforeSend = '') => code`
  import axios from 'axios';
  class OutboxWorker {
    start() {
      setInterval(() => this.flush(), 60_000);
    }
    async flush() {
      const pending = await prisma.outbox.findMany({ where: { status: 'PENDING', attempts: { lt: 3 } }, take: 50 });
      for (const msg of pending) {${beforeSend}
        try {
          await axios.post('${META}', { messaging_product: 'whatsapp', to: msg.to, type: 'text', text: { body: msg.body } });
          await prisma.outbox.update({ where: { id: msg.id }, data: { status: 'SENT' } });
        } catch (err) {
          ${onFailure}
        }
      }
    }
  }
  export const worker = new OutboxWorker();
  declare const prisma: any;
`;
const reselected = (record: string, fields: string) => ({ provider: 'meta-cloud', examples: EVERY['meta-cloud'], record, fields });

ruleTester.run('no-blind-retry: scheduled jobs that select failed records again', rule, {
  valid: [
    // a failed send is marked too: the query no longer selects it
    reminderJob("{ status: 'pending' }", "reminder.status = 'failed'; await reminder.save();"),
    // handed to a function that may mark it
    reminderJob("{ status: 'pending' }", 'await markFailed(reminder, result.code);'),
    // only retryable codes are left for the next run
    reminderJob("{ status: 'pending' }", "if (!isRetryable('meta-cloud', result.code)) { reminder.status = 'failed'; await reminder.save(); }"),
    // the query does not select by what the loop writes (a time window): not a selection of unsent records
    reminderJob('{ dueAt: { $lte: new Date() } }', 'console.error(result.code);'),
    // run once, not on a schedule
    reminderJob("{ status: 'pending' }", 'console.error(result.code);', 'setTimeout(remind, 15_000);'),
    // run by a request, not on a schedule
    reminderJob("{ status: 'pending' }", 'console.error(result.code);', "router.post('/reminders/run', async (req, res) => { await remind(); res.sendStatus(204); });"),
    // marked failed with the code in the catch
    outboxWorker("await prisma.outbox.update({ where: { id: msg.id }, data: { status: 'FAILED', error: String(err.response?.data?.error?.code) } });"),
    // claimed before the send: out of the selection whatever the send gives
    outboxWorker('console.error(err);', "\n    await prisma.outbox.update({ where: { id: msg.id }, data: { status: 'PROCESSING' } });"),
    // a digest sent to every subscriber on each run: nothing of the filter is written
    code`
      import cron from 'node-cron';
      import axios from 'axios';
      cron.schedule('0 9 * * *', async () => {
        for (const subscriber of await Subscriber.find({ active: true })) {
          try {
            await axios.post('${META}', { messaging_product: 'whatsapp', to: subscriber.phone, type: 'text', text: { body: 'Today' } });
            subscriber.lastDigestAt = new Date();
            await subscriber.save();
          } catch (err) {
            console.error(err);
          }
        }
      });
      declare const Subscriber: any;
    `,
  ],
  invalid: [
    // the wrapper's failure is only logged (node-cron, a Mongoose query)
    {
      code: reminderJob("{ status: 'pending' }", 'console.error(result.code);'),
      errors: [{ messageId: 'reselectRetry', data: reselected('reminder', 'status'), line: 15, column: 26, endLine: 15, endColumn: 69 }],
    },
    // `continue` leaves it as selected too
    {
      code: reminderJob("{ status: 'pending' }", 'continue;'),
      errors: [{ messageId: 'reselectRetry', data: reselected('reminder', 'status'), line: 15, column: 26, endLine: 15, endColumn: 69 }],
    },
    // an attempt counter bounds the re-sends, it does not decide them
    {
      code: reminderJob("{ status: 'pending', attempts: { $lt: 3 } }", 'reminder.attempts += 1; await reminder.save();'),
      errors: [{ messageId: 'reselectRetry', data: reselected('reminder', 'status'), line: 15, column: 26, endLine: 15, endColumn: 69 }],
    },
    // setInterval in a class, Prisma, and a catch that only logs (the record's id in the log line is not handed on)
    {
      code: outboxWorker("console.error('send failed', String(msg.id), err);"),
      errors: [{ messageId: 'reselectRetry', data: reselected('msg', 'status'), line: 10, column: 15, endLine: 10, endColumn: 168 }],
    },
    // the attempt counted in the catch: still selected until the count runs out
    {
      code: outboxWorker('await prisma.outbox.update({ where: { id: msg.id }, data: { attempts: { increment: 1 } } });'),
      errors: [{ messageId: 'reselectRetry', data: reselected('msg', 'status'), line: 10, column: 15, endLine: 10, endColumn: 168 }],
    },
    // one code is marked failed: the others are left for the next run
    {
      code: outboxWorker("if (err.response?.data?.error?.code === 131026) await prisma.outbox.update({ where: { id: msg.id }, data: { status: 'FAILED' } });"),
      errors: [
        {
          messageId: 'reselectPartialRetry',
          data: { provider: 'meta-cloud', examples: EVERY['meta-cloud'], record: 'msg', fields: 'status', count: NON_RETRYABLE['meta-cloud'] - 1, errors: 'errors' },
          line: 10,
          column: 15,
          endLine: 10,
          endColumn: 168,
        },
      ],
    },
    // cron's CronJob, a Supabase query, and fetch: the record is marked only when the response is ok
    {
      code: code`
        import { CronJob } from 'cron';
        new CronJob('0 * * * *', run).start();
        async function run() {
          const { data: due } = await supabase.from('reminders').select('*').is('sent_at', null).limit(100);
          for (const row of due ?? []) {
            const res = await fetch('${META}', { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to: row.phone, type: 'text', text: { body: row.text } }) });
            if (res.ok) await supabase.from('reminders').update({ sent_at: new Date().toISOString() }).eq('id', row.id);
          }
        }
        declare const supabase: any;
      `,
      errors: [{ messageId: 'reselectRetry', data: reselected('row', 'sent_at'), line: 6, column: 23, endLine: 6, endColumn: 216 }],
    },
    // NestJS's @Cron, and no try: the first error leaves the loop, the rest wait for the next run
    {
      code: code`
        import { Injectable } from '@nestjs/common';
        import { Cron, CronExpression } from '@nestjs/schedule';
        import axios from 'axios';
        @Injectable()
        export class NotificationJob {
          @Cron(CronExpression.EVERY_MINUTE)
          async deliver() {
            const queued = await this.notifications.find({ where: { delivered: false } });
            for (const n of queued) {
              await axios.post('${META}', { messaging_product: 'whatsapp', to: n.phone, type: 'text', text: { body: n.body } });
              await this.notifications.updateOne({ _id: n._id }, { $set: { delivered: true } });
            }
          }
          constructor(private readonly notifications: any) {}
        }
      `,
      errors: [{ messageId: 'reselectRetry', data: reselected('n', 'delivered'), line: 10, column: 13, endLine: 10, endColumn: 165 }],
    },
  ],
});

/** A scheduled job's loop whose query sits in a helper: the filter is the helper's query's. */
const helperQueryJob = (helper: string, call: string) => code`
  import cron from 'node-cron';
  import axios from 'axios';
  ${helper}
  async function run() {
    const due = await ${call};
    for (const reminder of due) {
      try {
        await axios.post('${META}', { messaging_product: 'whatsapp', to: reminder.phone, type: 'text', text: { body: reminder.text } });
        await Reminder.updateOne({ _id: reminder._id }, { $set: { status: 'sent' } });
      } catch (err) {
        console.error(err);
      }
    }
  }
  cron.schedule('*/5 * * * *', run);
  declare const Reminder: any;
`;

/** A project of its own (under the system's temp folder) with files in subfolders of `src`. */
function jobsProject(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'wa-jobs-'));
  writeFileSync(join(root, 'package.json'), '{ "name": "jobs-app", "private": true }');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, 'src', name, '..'), { recursive: true });
    writeFileSync(join(root, 'src', name), text);
  }
  return root;
}
/** The loop in a jobs module; what schedules it is in another file. */
const REMINDER_JOB = code`
  import axios from 'axios';
  import { findDue } from '../db/reminders';
  export async function sendDueReminders() {
    for (const reminder of await findDue()) {
      try {
        await axios.post('${META}', { messaging_product: 'whatsapp', to: reminder.phone, type: 'text', text: { body: reminder.text } });
        await db.reminder.update({ where: { id: reminder.id }, data: { sent: true } });
      } catch (err) {
        console.error('reminder failed', err);
      }
    }
  }
  export async function purgeOld() {}
  declare const db: any;
`;
const REMINDER_QUERIES = code`
  export async function findDue() {
    return db.reminder.findMany({ where: { sent: false, dueAt: { lte: new Date() } }, take: 100 });
  }
  declare const db: any;
`;
const scheduledBy = (entry: string) => jobsProject({ 'jobs/reminders.ts': REMINDER_JOB, 'db/reminders.ts': REMINDER_QUERIES, 'index.ts': entry });
const JOBS_SCHEDULED = scheduledBy(code`
  import cron from 'node-cron';
  import { sendDueReminders } from './jobs/reminders';
  cron.schedule('*/10 * * * *', async () => {
    await sendDueReminders();
  });
`);
const JOBS_BY_NAME = scheduledBy(code`
  import * as schedule from 'node-schedule';
  import * as reminders from './jobs/reminders';
  schedule.scheduleJob('0 * * * *', reminders.sendDueReminders);
`);
/** Run from a route, and the job scheduled is another one. */
const JOBS_UNSCHEDULED = scheduledBy(code`
  import cron from 'node-cron';
  import { sendDueReminders, purgeOld } from './jobs/reminders';
  cron.schedule('0 3 * * *', purgeOld);
  app.post('/reminders/run', async (req: unknown, res: { sendStatus(code: number): void }) => {
    await sendDueReminders();
    res.sendStatus(204);
  });
  declare const app: any;
`);
const JOB_FILE = 'src/jobs/reminders.ts';

ruleTester.run('no-blind-retry: scheduled jobs whose query or schedule is elsewhere', rule, {
  valid: [
    // the helper's query selects by a time window: writing the status does not take the record out of it
    helperQueryJob('function findDue() { return Reminder.find({ dueAt: { $lte: new Date() } }); }', 'findDue()'),
    // the helper gives no query's result
    helperQueryJob('async function findDue() { return cache.get("due") ?? []; } declare const cache: any;', 'findDue()'),
    // scheduled nowhere: run from a route, while the schedule runs another job of the file
    { filename: join(JOBS_UNSCHEDULED, JOB_FILE), code: REMINDER_JOB },
    // the file on disk is not the text linted (an unsaved buffer): its positions say nothing of the schedule
    { filename: join(JOBS_SCHEDULED, JOB_FILE), code: REMINDER_JOB.replace('export async function purgeOld() {}', 'export async function purgeOld() {}\n// edited') },
  ],
  invalid: [
    // the query in a same-file function
    {
      code: helperQueryJob("function findDue() { return Reminder.find({ status: 'pending' }).limit(50); }", 'findDue()'),
      errors: [{ messageId: 'reselectRetry', data: reselected('reminder', 'status'), line: 8, column: 13, endLine: 8, endColumn: 179 }],
    },
    // in a method of the class, through a variable it returns
    {
      code: helperQueryJob(
        "const repo = { async pending() { const rows = await Reminder.find({ status: { $in: ['pending', 'queued'] } }); return rows; } };",
        'repo.pending()',
      ),
      errors: [{ messageId: 'reselectRetry', data: reselected('reminder', 'status'), line: 8, column: 13, endLine: 8, endColumn: 179 }],
    },
    // scheduled by the app's entry, the query in another module
    {
      filename: join(JOBS_SCHEDULED, JOB_FILE),
      code: REMINDER_JOB,
      errors: [{ messageId: 'reselectRetry', data: reselected('reminder', 'sent'), line: 6, column: 13, endLine: 6, endColumn: 179 }],
    },
    // scheduled by name, through a namespace import
    {
      filename: join(JOBS_BY_NAME, JOB_FILE),
      code: REMINDER_JOB,
      errors: [{ messageId: 'reselectRetry', data: reselected('reminder', 'sent'), line: 6, column: 13, endLine: 6, endColumn: 179 }],
    },
  ],
});

// The send a scheduled job makes may be a function its callers hand it (`startNudges({ send: sendWhatsApp })`):
// when every call of the job's function, in its file and in the files importing it, hands the same function, a
// call of the parameter is a call of that function. Fixture app: test/fixtures/cross-file/handed-functions.
const HANDED_FUNCTIONS = fileURLToPath(new URL('../fixtures/cross-file/handed-functions/', import.meta.url));
const handedFunctionFile = (name: string) => ({ filename: `${HANDED_FUNCTIONS}src/${name}`, code: readFileSync(`${HANDED_FUNCTIONS}src/${name}`, 'utf8') });
const reselectedTwilio = (record: string, fields: string) => ({ provider: 'twilio', examples: cite('twilio', 63016, 20003), record, fields });
const handedSweep = (calls: string) => code`
  import twilio from 'twilio';
  import cron from 'node-cron';
  const client = twilio(sid, token);
  const sendWhatsApp = (to: string, body: string) => client.messages.create({ from: 'whatsapp:+14155238886', to: ${'`whatsapp:${to}`'}, body });
  async function sweep({ send: deliver }: { send: (to: string, body: string) => Promise<unknown> }) {
    for (const row of await Reminder.find({ sent: false })) {
      try {
        await deliver(row.phone, 'Your appointment is tomorrow.');
        row.sent = true;
        await row.save();
      } catch (err) {
        console.error(err);
      }
    }
  }
  ${calls}
  declare const Reminder: any, sid: string, token: string;
`;

// A sequence worker that keeps a send log and skips a record the log already holds for this step
// (`const logged = await SendLog.findOne({ where: { enrollment_id: row.id, step } }); if (logged) continue;`):
// a failed send that adds its row to that log is not sent again by the next run, though the record
// itself is left as the query selects it.
const sequenceSweep = (guard: string, onFailure: string) => code`
  import twilio from 'twilio';
  import cron from 'node-cron';
  const client = twilio(sid, token);
  export async function advance() {
    for (const row of await Enrollment.findAll({ where: { step: 2 } })) {
      ${guard}
      try {
        await client.messages.create({ from: 'whatsapp:+14155238886', to: ${'`whatsapp:${row.phone}`'}, body: 'Day 3 of your plan' });
        await SendLog.create({ enrollment_id: row.id, step: 3, status: 'SENT' });
        await row.update({ step: 3 });
      } catch (err: any) {
        ${onFailure}
      }
    }
  }
  cron.schedule('*/10 * * * *', advance);
  declare const Enrollment: any, SendLog: any, Blocklist: any, sid: string, token: string;
`;
const LOGGED_GUARD = 'const logged = await SendLog.findOne({ where: { enrollment_id: row.id, step: 3 } });\n      if (logged) continue;';

ruleTester.run('no-blind-retry: scheduled jobs that check a send log first', rule, {
  valid: [
    // the failure is logged in the table the guard reads: the next run skips the record
    sequenceSweep(LOGGED_GUARD, "await SendLog.create({ enrollment_id: row.id, step: 3, status: 'FAILED', error: String(err.code) });"),
    // the lookup in the guard's test itself
    sequenceSweep("if (await SendLog.findOne({ where: { enrollment_id: row.id, step: 3 } })) continue;", "await SendLog.create({ enrollment_id: row.id, step: 3, status: 'FAILED' });"),
  ],
  invalid: [
    // the catch only logs: the record and the log both stay as they were
    {
      code: sequenceSweep(LOGGED_GUARD, 'console.error(err);'),
      errors: [{ messageId: 'reselectRetry', data: reselectedTwilio('row', 'step'), line: 9, column: 13, endLine: 9, endColumn: 127 }],
    },
    // the guard reads another table than the one the catch writes
    {
      code: sequenceSweep("if (await Blocklist.findOne({ where: { phone: row.phone } })) continue;", "await SendLog.create({ enrollment_id: row.id, step: 3, status: 'FAILED' });"),
      errors: [{ messageId: 'reselectRetry', data: reselectedTwilio('row', 'step'), line: 8, column: 13, endLine: 8, endColumn: 127 }],
    },
  ],
});

ruleTester.run('no-blind-retry: send functions handed in by the callers', rule, {
  valid: [
    // handed an SMS send (no WhatsApp evidence): not a WhatsApp retry
    handedFunctionFile('sms-reminders.ts'),
    // handed the WhatsApp send by one importer and a stand-in by another: unknown
    handedFunctionFile('digest.ts'),
    // the same in one file: the callers disagree
    handedSweep("cron.schedule('0 8 * * *', () => sweep({ send: sendWhatsApp }));\nsweep({ send: async (to: string, body: string) => console.log(to, body) });"),
    // a function no call of is seen
    handedSweep(''),
    // across files, handed the WhatsApp send as `task`: a file that names no provider is looked at for a handed
    // send only when the name it calls says so (send, notify, deliver, message, whatsapp)
    handedFunctionFile('pool.ts'),
  ],
  invalid: [
    // across files: server.ts hands nudges.ts the Twilio WhatsApp send; the query's result kept in a `let` given it in a `try`
    {
      ...handedFunctionFile('nudges.ts'),
      errors: [{ messageId: 'reselectRetry', data: reselectedTwilio('lead', 'nudged'), line: 16, column: 13, endLine: 16, endColumn: 75 }],
    },
    // in one file, through a renamed property of the options
    {
      code: handedSweep("cron.schedule('0 8 * * *', () => sweep({ send: sendWhatsApp }));"),
      errors: [{ messageId: 'reselectRetry', data: reselectedTwilio('row', 'sent'), line: 8, column: 13, endLine: 8, endColumn: 64 }],
    },
    // handed on whole by another function of the file
    {
      code: handedSweep("export function start(deps: { send: (to: string, body: string) => Promise<unknown> }) {\n  cron.schedule('0 8 * * *', () => sweep(deps));\n}\nstart({ send: sendWhatsApp });"),
      errors: [{ messageId: 'reselectRetry', data: reselectedTwilio('row', 'sent'), line: 8, column: 15, endLine: 8, endColumn: 66 }],
    },
  ],
});

// ─── BullMQ: a queue made in one module, its jobs added with attempts in the files that import it ────────────────
/** The send: a wrapper that tests ok and throws with the error body. */
const QUEUED_SEND = code`
  export async function sendWa(to: string, text: string) {
    const res = await fetch('${META}', { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text: { body: text } }) });
    const body = await res.json();
    if (!res.ok) throw Object.assign(new Error('send failed'), { body });
    return body;
  }
`;
/** The queue module (the class imported from `from`) and a controller adding jobs with `options`. */
const queuedProject = (options: string, from = 'bullmq', extra: Record<string, string> = {}) =>
  jobsProject({
    'queue/connection.ts': code`
      import { Queue, Worker } from 'bullmq';
      export const connection = { host: 'redis' };
      export { Queue, Worker };
    `,
    'queue/wa.queue.ts': code`
      import { Queue } from '${from}';
      export const WA_QUEUE = 'wa-send';
      export const waQueue = new Queue(WA_QUEUE, { connection: { host: 'redis' } });
    `,
    'controllers/notify.ts': code`
      import { waQueue } from '../queue/wa.queue';
      export async function notify(to: string, text: string) {
        const job = await waQueue.add('send', { to, text }, ${options});
        return job.id;
      }
    `,
    'services/wa.ts': QUEUED_SEND,
    ...extra,
  });
const QUEUED_WORKER = (from = 'bullmq') => code`
  import { Worker } from '${from}';
  import { WA_QUEUE } from '../queue/wa.queue';
  import { sendWa } from '../services/wa';
  export const worker = new Worker(WA_QUEUE, async (job) => {
    await sendWa(job.data.to, job.data.text);
  });
`;
const WORKER_FILE = 'src/workers/wa.worker.ts';
const QUEUED_FIVE = queuedProject("{ attempts: 5, backoff: { type: 'exponential', delay: 1000 } }");
const QUEUED_ENV_FIVE = queuedProject("{ attempts: parseInt(process.env.QUEUE_ATTEMPTS || '5', 10) }");
const QUEUED_ENV_ONE = queuedProject('{ attempts: Number(process.env.QUEUE_ATTEMPTS ?? 1) }');
const QUEUED_ENV_ONLY = queuedProject('{ attempts: Number(process.env.QUEUE_ATTEMPTS) }');
const QUEUED_REEXPORTED = queuedProject('{ attempts: 3 }', './connection');
/** The controller adds jobs with attempts to another queue of the same module. */
const QUEUED_OTHER = jobsProject({
  'queue/wa.queue.ts': code`
    import { Queue } from 'bullmq';
    export const WA_QUEUE = 'wa-send';
    export const waQueue = new Queue(WA_QUEUE);
    export const mailQueue = new Queue('mail-send');
  `,
  'controllers/notify.ts': code`
    import { mailQueue, waQueue } from '../queue/wa.queue';
    export async function notify(to: string, text: string) {
      await mailQueue.add('send', { to, text }, { attempts: 5 });
      await waQueue.add('send', { to, text });
    }
  `,
  'services/wa.ts': QUEUED_SEND,
});

ruleTester.run('no-blind-retry: BullMQ jobs added with attempts in files importing the queue', rule, {
  valid: [
    // the env var may set the attempts, and the code's default is one
    { filename: join(QUEUED_ENV_ONE, WORKER_FILE), code: QUEUED_WORKER() },
    // the env var alone: nothing says how many
    { filename: join(QUEUED_ENV_ONLY, WORKER_FILE), code: QUEUED_WORKER() },
    // the attempts are given to another queue's jobs
    { filename: join(QUEUED_OTHER, WORKER_FILE), code: QUEUED_WORKER() },
  ],
  invalid: [
    // a controller imports the queue and gives its jobs five attempts
    {
      filename: join(QUEUED_FIVE, WORKER_FILE),
      code: QUEUED_WORKER(),
      errors: [{ messageId: 'jobRetry', data: job('bullmq', 'throw an UnrecoverableError'), line: 5, column: 9, endLine: 5, endColumn: 43 }],
    },
    // five attempts unless the environment says otherwise
    {
      filename: join(QUEUED_ENV_FIVE, WORKER_FILE),
      code: QUEUED_WORKER(),
      errors: [{ messageId: 'jobRetry', data: job('bullmq', 'throw an UnrecoverableError'), line: 5, column: 9, endLine: 5, endColumn: 43 }],
    },
    // the Queue and Worker classes from a module of the project that exports bullmq's again
    {
      filename: join(QUEUED_REEXPORTED, WORKER_FILE),
      code: QUEUED_WORKER('../queue/connection'),
      errors: [{ messageId: 'jobRetry', data: job('bullmq', 'throw an UnrecoverableError'), line: 5, column: 9, endLine: 5, endColumn: 43 }],
    },
  ],
});

// ─── BullMQ: the Worker made by a helper the processor is handed to; a queue made conditionally (round 17) ─────
// A project often wraps `new Worker(…)` in a helper of its queue module
// (`createWorker(QUEUES.WA, async (job) => …)`, `startWhatsAppWorker(handler)`):
// the processor handed to it is the Worker's processor, with the attempts of
// the queue the helper names (its own literal, or the name the call gives).
// A queue made only when Redis is configured (`redis ? new Queue(…) : null`)
// is still the queue whose jobs the importers add with attempts.
const helperQueueModule = (queue: string, adds: string) => ({
  'queue/index.ts': code`
    import { Queue, Worker, type Job } from 'bullmq';
    const redis = process.env.REDIS_URL ? { url: process.env.REDIS_URL } : undefined;
    ${queue}
    export function createWorker(name: string, processor: (job: Job) => Promise<void>) {
      return new Worker(name, processor, { connection: { host: 'redis' }, concurrency: 4 });
    }
    export function startWaWorker(handler: (job: Job) => Promise<void>) {
      return new Worker('wa-send', handler, { connection: { host: 'redis' } });
    }
    export function everyMinute(task: (job: Job) => Promise<void>) {
      return setInterval(() => void task({} as Job), 60_000);
    }
  `,
  'controllers/notify.ts': code`
    import { waQueue } from '../queue/index';
    export async function notify(to: string, text: string) {
      ${adds}
    }
  `,
  'services/wa.ts': QUEUED_SEND,
});
const HELPER_FIVE = jobsProject(helperQueueModule("export const waQueue = new Queue('wa-send', { connection: { host: 'redis' } });", "await waQueue.add('send', { to, text }, { attempts: 5 });"));
const HELPER_ONE = jobsProject(helperQueueModule("export const waQueue = new Queue('wa-send', { connection: { host: 'redis' } });", "await waQueue.add('send', { to, text }, { attempts: 1 });"));
const CONDITIONAL_FIVE = jobsProject(helperQueueModule("export const waQueue = redis ? new Queue('wa-send', { connection: redis }) : null;", "await waQueue?.add('send', { to, text }, { attempts: 5 });"));
const CACHED_FIVE = jobsProject(helperQueueModule("const cached: Queue | undefined = undefined;\n    export const waQueue = cached ?? new Queue('wa-send', { connection: { host: 'redis' } });", "await waQueue.add('send', { to, text }, { attempts: 5 });"));
const helperWorker = (start: string) => `import { createWorker, everyMinute, startWaWorker } from '../queue/index';
import { sendWa } from '../services/wa';
${start}
`;
const PROCESSOR = 'async (job) => {\n  await sendWa(job.data.to, job.data.text);\n}';

ruleTester.run('no-blind-retry: BullMQ Workers made by a helper, queues made conditionally', rule, {
  valid: [
    // the queue's jobs get one attempt
    { filename: join(HELPER_ONE, WORKER_FILE), code: helperWorker(`export const worker = createWorker('wa-send', ${PROCESSOR});`) },
    // the helper runs the function on a timer, not as a Worker's processor
    { filename: join(HELPER_FIVE, WORKER_FILE), code: helperWorker(`export const timer = everyMinute(${PROCESSOR});`) },
    // the helper makes a Worker of another queue (its jobs get the default single attempt)
    { filename: join(HELPER_FIVE, WORKER_FILE), code: helperWorker(`export const worker = createWorker('mail-send', ${PROCESSOR});`) },
  ],
  invalid: [
    // the queue's name given by the call
    {
      filename: join(HELPER_FIVE, WORKER_FILE),
      code: helperWorker(`export const worker = createWorker('wa-send', ${PROCESSOR});`),
      errors: [{ messageId: 'jobRetry', data: job('bullmq', 'throw an UnrecoverableError'), line: 4, column: 9, endLine: 4, endColumn: 43 }],
    },
    // the queue's name in the helper
    {
      filename: join(HELPER_FIVE, WORKER_FILE),
      code: helperWorker(`export const worker = startWaWorker(${PROCESSOR});`),
      errors: [{ messageId: 'jobRetry', data: job('bullmq', 'throw an UnrecoverableError'), line: 4, column: 9, endLine: 4, endColumn: 43 }],
    },
    // the queue made only when Redis is configured; its jobs added with attempts through optional chaining
    {
      filename: join(CONDITIONAL_FIVE, WORKER_FILE),
      code: code`
        import { Worker } from 'bullmq';
        import { sendWa } from '../services/wa';
        export const worker = new Worker('wa-send', async (job) => {
          await sendWa(job.data.to, job.data.text);
        });
      `,
      errors: [{ messageId: 'jobRetry', data: job('bullmq', 'throw an UnrecoverableError'), line: 4, column: 9, endLine: 4, endColumn: 43 }],
    },
    // the queue kept once made (`cached ?? new Queue(…)`)
    {
      filename: join(CACHED_FIVE, WORKER_FILE),
      code: helperWorker(`export const worker = startWaWorker(${PROCESSOR});`),
      errors: [{ messageId: 'jobRetry', data: job('bullmq', 'throw an UnrecoverableError'), line: 4, column: 9, endLine: 4, endColumn: 43 }],
    },
  ],
});

/**
 * A sender injected by token (`@Inject(SENDER) private readonly sender:
 * MessageSender`): the processor's file names no provider and imports only the
 * contract; the class that implements it, in a file of its own, sends to the
 * Cloud API. The notify service adds the jobs with five attempts.
 */
const SENDER_CONTRACT = `export interface SendOutcome {
  readonly ok: boolean;
  readonly reason?: string;
}
export interface MessageSender {
  send(to: string, template: string): Promise<SendOutcome>;
}
export const SENDER = 'SENDER';
`;
const cloudSender = (url: string, payload: string) => `import { Injectable } from '@nestjs/common';
import { MessageSender, SendOutcome } from './sender.contract';
@Injectable()
export class CloudSender implements MessageSender {
  async send(to: string, template: string): Promise<SendOutcome> {
    const res = await fetch('${url}', { method: 'POST', body: JSON.stringify(${payload}) });
    const body = await res.json();
    if (!res.ok) return { ok: false, reason: String(body.error?.code) };
    return { ok: true };
  }
}
`;
const CLOUD_PAYLOAD = `{ messaging_product: 'whatsapp', to, type: 'template', template: { name: template, language: { code: 'en' } } }`;
const injectedProject = (senderFile: string, sender: string) =>
  nestProject({ 'notify.options.ts': jobOptions(5), 'notify.service.ts': notifyService, 'sender.contract.ts': SENDER_CONTRACT, [senderFile]: sender });
/** The implementation sends to the Cloud API. */
const INJECTED_CLOUD = injectedProject('cloud.sender.ts', cloudSender(META, CLOUD_PAYLOAD));
/** The only implementation sends e-mail through a mail service: no provider of the catalog. */
const INJECTED_MAIL = injectedProject('mail.sender.ts', cloudSender('https://mail.example.com/v1/send', `{ to, template }`));
/** The Cloud API implementation is a test's stub. */
const INJECTED_STUB = injectedProject('cloud.sender.spec.ts', cloudSender(META, CLOUD_PAYLOAD));
const injectedProcessor = (decorator: string) => code`
  import { Inject } from '@nestjs/common';
  import { Processor, WorkerHost } from '@nestjs/bullmq';
  import { Job } from 'bullmq';
  import { MessageSender, SENDER } from './sender.contract';
  @Processor('notify')
  export class NotifyProcessor extends WorkerHost {
    constructor(${decorator} private readonly sender: MessageSender) {
      super();
    }
    async process(job: Job<{ to: string }>) {
      const outcome = await this.sender.send(job.data.to, 'digest');
      if (!outcome.ok) throw new Error('digest not sent');
    }
  }
`;

ruleTester.run('no-blind-retry: a sender injected by token, implemented in another file', rule, {
  valid: [
    // the class implementing the contract sends e-mail
    { filename: join(INJECTED_MAIL, 'src/notify.processor.ts'), code: injectedProcessor('@Inject(SENDER)') },
    // the only Cloud API implementation is a test's
    { filename: join(INJECTED_STUB, 'src/notify.processor.ts'), code: injectedProcessor('@Inject(SENDER)') },
  ],
  invalid: [
    // NestJS binds the token to the Cloud API sender: every failure is thrown, and the job runs five times
    {
      filename: join(INJECTED_CLOUD, 'src/notify.processor.ts'),
      code: injectedProcessor('@Inject(SENDER)'),
      errors: [{ messageId: 'jobRetry', data: { ...job('bullmq', 'throw an UnrecoverableError'), examples: TEMPLATE_EVERY }, line: 11, column: 27, endLine: 11, endColumn: 66 }],
    },
  ],
});

/**
 * A flow runner whose steps call the runner again (the next step), in a file of its own; the job that starts
 * it in another. `send` is how a message step sends: every failure caught and logged, or one step that lets
 * the failure out.
 */
const flowRunner = (send: string) => code`
  import axios from 'axios';
  interface Step { text?: string; next?: number }
  async function sendText(to: string, text: string) {
    await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: text } });
  }
  async function trySend(to: string, text: string): Promise<void> {
    try {
      await sendText(to, text);
    } catch (err) {
      console.error('send failed', err);
    }
  }
  async function runStep(steps: Step[], at: number, to: string): Promise<void> {
    const step = steps[at];
    if (!step) return;
    if (step.text) await ${send}(to, step.text);
    if (step.next !== undefined) await runFlow(steps, step.next, to);
  }
  export async function runFlow(steps: Step[], at: number, to: string): Promise<void> {
    await runStep(steps, at, to);
  }
`;
const FLOW_WORKER = code`
  import { Queue, Worker } from 'bullmq';
  import { runFlow } from './flow';
  export const queue = new Queue('inbound', { defaultJobOptions: { attempts: 3 } });
  new Worker('inbound', async (job) => {
    await runFlow(job.data.steps, 0, job.data.to);
  });
`;
const FLOW_CAUGHT = jobsProject({ 'flow.ts': flowRunner('trySend'), 'worker.ts': FLOW_WORKER });
/** The same runner reached through five layers of services, each in a file of its own, before its catching send. */
const layer = (name: string, next: string) => code`
  import { ${next} } from './${next}';
  export async function ${name}(steps: { text?: string; next?: number }[], at: number, to: string): Promise<void> {
    await ${next}(steps, at, to);
  }
`;
const FLOW_DEEP = jobsProject({
  'flow.ts': flowRunner('trySend'),
  'runFlow.ts': "export { runFlow } from './flow';\n",
  'engine.ts': layer('engine', 'runFlow'),
  'bot.ts': layer('bot', 'engine'),
  'inbound.ts': layer('inbound', 'bot'),
  'message.ts': layer('message', 'inbound'),
  'worker.ts': FLOW_WORKER.replace("import { runFlow } from './flow';", "import { message as runFlow } from './message';"),
});
const FLOW_ESCAPES = jobsProject({ 'flow.ts': flowRunner('sendText'), 'worker.ts': FLOW_WORKER });

ruleTester.run('no-blind-retry: a job running a flow whose steps call the runner again', rule, {
  valid: [
    // every send of the flow is caught and logged: the runner calling itself lets nothing out
    { filename: join(FLOW_CAUGHT, 'src/worker.ts'), code: FLOW_WORKER },
    // the same, five calls deeper than the job (the search's answer does not depend on where it started)
    { filename: join(FLOW_DEEP, 'src/worker.ts'), code: FLOW_WORKER.replace("import { runFlow } from './flow';", "import { message as runFlow } from './message';") },
  ],
  invalid: [
    // a step lets the send's failure out, and it goes up through the runner into the job's three attempts
    {
      filename: join(FLOW_ESCAPES, 'src/worker.ts'),
      code: FLOW_WORKER,
      errors: [{ messageId: 'jobRetry', data: job('bullmq', 'throw an UnrecoverableError'), line: 5, column: 9, endLine: 5, endColumn: 48 }],
    },
  ],
});

// ─── A decision on a field of the app's own error that another file's wrapper throws with the code in it ─────────
const CODE_FIELDS = fileURLToPath(new URL('../fixtures/cross-file/code-fields/', import.meta.url));
/** A retry loop around `send` (from the fixture's send.ts) whose catch gives up when `giveUp` holds. */
const retryOnField = (send: string, error: string, giveUp: string) => ({
  filename: `${CODE_FIELDS}src/jobs.ts`,
  code: code`
    import { ${send} } from './send';
    import { ${error} } from './errors';
    export async function notify(to: string) {
      for (let attempt = 1; attempt <= 3; attempt++) {
        try {
          return await ${send}(to, 'Your order has shipped.');
        } catch (err) {
          if (${giveUp}) throw err;
          if (attempt === 3) throw err;
        }
      }
    }
  `,
});

ruleTester.run('no-blind-retry: decisions on a code field of the error a wrapper of another file throws', rule, {
  valid: [
    // only 130429 (rate limit) is sent again: every other code is thrown
    retryOnField('sendText', 'SendError', "!(err instanceof SendError) || err.code !== '130429'"),
    // the field holds the channel's name, no code: the decision cannot be read, nothing is said
    retryOnField('sendNotice', 'SendError', "err instanceof SendError && err.code === 'whatsapp'"),
  ],
  invalid: [
    // `code` is the wrapper's `String(body.error.code)`: 190 and 131047 stop, the rest is sent again
    {
      ...retryOnField('sendText', 'SendError', "err instanceof SendError && (err.code === '190' || err.code === '131047')"),
      errors: [{ messageId: 'partialRetry', data: { errors: 'errors', count: 42, provider: 'meta-cloud', examples: cite('meta-cloud', 131026, 0) }, line: 4, column: 3, endLine: 4, endColumn: 6 }],
    },
    // `details.waCode` is `body.error.code`, kept by the base class of the error through `super(message, details)`
    {
      ...retryOnField('sendNudge', 'UpstreamError', 'err instanceof UpstreamError && err.details.waCode === 190'),
      errors: [{ messageId: 'partialRetry', data: { errors: 'errors', count: 43, provider: 'meta-cloud', examples: cite('meta-cloud', 131047, 0) }, line: 4, column: 3, endLine: 4, endColumn: 6 }],
    },
  ],
});


// ─── BullMQ: queues made by a factory that takes the queue's name (round 18) ─────
// A project often makes every queue through one function of its queue module
// (`getQueue(name)`, kept in a map by name) whose `defaultJobOptions` give the
// jobs attempts; a controller then adds jobs with `getQueue(QUEUE_NAMES.WA).add(…)`
// and a worker runs them through `createWorker(QUEUE_NAMES.WA, async (job) => …)`.
// The factory's attempts are the queue's when a call of it names that queue.
const factoryQueueProject = (attempts: number, adds: string) =>
  jobsProject({
    'lib/queue.ts': code`
      import { Queue, Worker, type Job } from 'bullmq';
      const queues = new Map<string, Queue>();
      export const QUEUE_NAMES = { MAIL: 'mail-send', WA: 'wa-send' } as const;
      export function getQueue<T>(name: string): Queue<T> {
        if (!queues.has(name)) {
          const queue = new Queue<T>(name, { connection: { host: 'redis' }, defaultJobOptions: { attempts: ${attempts}, backoff: { type: 'exponential', delay: 2000 } } });
          queues.set(name, queue as unknown as Queue);
        }
        return queues.get(name) as unknown as Queue<T>;
      }
      export function createWorker<T>(queueName: string, processor: (job: Job<T>) => Promise<void>) {
        return new Worker<T>(queueName, processor, { connection: { host: 'redis' }, concurrency: 5 });
      }
    `,
    'controllers/notify.ts': code`
      import { getQueue, QUEUE_NAMES } from '../lib/queue';
      export async function notify(to: string, text: string) {
        ${adds}
      }
    `,
    'services/wa.ts': QUEUED_SEND,
  });
const FACTORY_THREE = factoryQueueProject(3, "await getQueue(QUEUE_NAMES.WA).add('send', { to, text });");
const FACTORY_KEPT = factoryQueueProject(3, "const waQueue = getQueue(QUEUE_NAMES.WA);\n        await waQueue.add('send', { to, text });");
const FACTORY_ONE = factoryQueueProject(1, "await getQueue(QUEUE_NAMES.WA).add('send', { to, text });");
/** The factory makes only the mail queue; the WhatsApp queue is made nowhere with attempts. */
const FACTORY_MAIL = factoryQueueProject(3, "await getQueue(QUEUE_NAMES.MAIL).add('send', { to, text });");
/** An arrow function makes the queues; a queue module of its own makes the WhatsApp queue with it, once. */
const ARROW_FACTORY = jobsProject({
  'queues/index.ts': code`
    import { Queue } from 'bullmq';
    export const createQueue = (queueName: string) =>
      new Queue(queueName, { connection: { host: 'redis' }, defaultJobOptions: { attempts: 3 } });
  `,
  'queues/wa.queue.ts': code`
    import { createQueue } from './index';
    export const WA_QUEUE = 'wa-send';
    export const waQueue = createQueue(WA_QUEUE);
  `,
  'services/wa.ts': QUEUED_SEND,
});
const arrowWorker = (name: string) => `import { Worker } from 'bullmq';
import { sendWa } from '../services/wa';
export const worker = new Worker(${name}, async (job) => {
  await sendWa(job.data.to, job.data.text);
});
`;
const factoryWorker = (name: string) => `import { createWorker, QUEUE_NAMES } from '../lib/queue';
import { sendWa } from '../services/wa';
export const worker = createWorker(${name}, async (job) => {
  await sendWa(job.data.to, job.data.text);
});
`;

ruleTester.run('no-blind-retry: BullMQ queues made by a factory given the queue name', rule, {
  valid: [
    // the factory gives one attempt
    { filename: join(FACTORY_ONE, WORKER_FILE), code: factoryWorker('QUEUE_NAMES.WA') },
    // no call of the factory makes the WhatsApp queue
    { filename: join(FACTORY_MAIL, WORKER_FILE), code: factoryWorker('QUEUE_NAMES.WA') },
    // the worker runs the mail queue's jobs
    { filename: join(FACTORY_THREE, WORKER_FILE), code: factoryWorker('QUEUE_NAMES.MAIL') },
    // the arrow function makes no queue of that name
    { filename: join(ARROW_FACTORY, WORKER_FILE), code: arrowWorker("'mail-send'") },
  ],
  invalid: [
    // the controller makes the queue through the factory and adds to it at once
    {
      filename: join(FACTORY_THREE, WORKER_FILE),
      code: factoryWorker('QUEUE_NAMES.WA'),
      errors: [{ messageId: 'jobRetry', data: job('bullmq', 'throw an UnrecoverableError'), line: 4, column: 9, endLine: 4, endColumn: 43 }],
    },
    // the queue's name written out by the worker; the queue kept in a variable by the controller
    {
      filename: join(FACTORY_KEPT, WORKER_FILE),
      code: factoryWorker("'wa-send'"),
      errors: [{ messageId: 'jobRetry', data: job('bullmq', 'throw an UnrecoverableError'), line: 4, column: 9, endLine: 4, endColumn: 43 }],
    },
    // an arrow function makes the queue, called by a queue module that imports it; the Worker made here
    {
      filename: join(ARROW_FACTORY, WORKER_FILE),
      code: arrowWorker("'wa-send'"),
      errors: [{ messageId: 'jobRetry', data: job('bullmq', 'throw an UnrecoverableError'), line: 4, column: 9, endLine: 4, endColumn: 43 }],
    },
  ],
});

// ══ a promise made by hand around Node's https.request, retried by its caller ══
/** `sendText` (see `nodeHttpSend`) with `end` as its response handler, and a caller that tries again after `decide` in its catch. */
const retriedNodeSend = (end: string, decide = 'if (attempt === 3) throw error;') =>
  nodeHttpSend(NODE_META_OPTIONS, end) +
  '\n' +
  code`
    export async function sendWithRetry(to: string, text: string) {
      for (let attempt = 1; attempt <= 3; attempt++) {
        try {
          return await sendText(to, text);
        } catch (error) {
          ${decide}
          await new Promise((wake) => setTimeout(wake, 1000 * 2 ** attempt));
        }
      }
    }
  `;

ruleTester.run('no-blind-retry (promise made by hand)', rule, {
  valid: [
    // the promise is rejected with the error body's `error`: the caller retries only the rate limit
    retriedNodeSend('const body = JSON.parse(data); if (res.statusCode !== 200) reject(body.error); else resolve(body);', 'if (error.code !== 130429) throw error;'),
    // a failed send resolves `false`: only network errors reject, and those are worth another try
    retriedNodeSend('resolve(res.statusCode === 200);'),
  ],
  invalid: [
    // a failed send rejects, and the caller tries again whatever the code
    {
      code: retriedNodeSend('if (res.statusCode >= 200 && res.statusCode < 300) resolve(true); else reject(new Error(data));'),
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: EVERY['meta-cloud'] }, line: 16, column: 3, endLine: 16, endColumn: 6 }],
    },
  ],
});

// test/fixtures/cross-file/node-https: `sendChecked` rejects with the error body on a failed send
ruleTester.run('no-blind-retry: a Node send in another file', rule, {
  valid: [],
  invalid: [
    {
      filename: fileURLToPath(new URL('../fixtures/cross-file/node-https/src/reminders.ts', import.meta.url)),
      code: code`
        import { sendChecked } from './whatsapp';
        export async function remind(to: string) {
          for (let attempt = 0; attempt < 3; attempt++) {
            try {
              return await sendChecked(to, 'See you tomorrow');
            } catch (err) {
              console.warn('send failed, trying again', err);
            }
          }
          return undefined;
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: EVERY['meta-cloud'] }, line: 3, column: 3, endLine: 3, endColumn: 6 }],
    },
  ],
});
