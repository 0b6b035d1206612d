/**
 * require-idempotency-key: a send that a retry construct re-sends (loop,
 * recursion, retry library, got/ky retry options; blind or not) to a provider
 * with an idempotency mechanism must carry it: MsgBubbles the `Idempotency-Key`
 * header, Digiworld the `idempotencyKey` body field (alias `idempotency_key`).
 * Reported at the request itself, also when the retry goes through a wrapper.
 * Headers, options or payloads the file cannot see (parameters, spreads,
 * function results) are unknown and not reported.
 */
import { fileURLToPath } from 'node:url';
import { ruleTester, code } from '../rule-tester.js';
import rule from '../../rules/require-idempotency-key.js';

const BUBBLES = 'https://api.msgbubbles.com/v1/messages';
const DIGI = 'https://digichat.digiworld-dev.com/api/whatsapp/TOKEN/sendMessage';
const META = 'https://graph.facebook.com/v21.0/1234567890/messages';
const WA = 'https://wa.sagad.net/api/v1/messages/send';

/** Message and suggestion data (the same object for both). */
const HEADER = { provider: 'msgbubbles', name: 'Idempotency-Key' };
const FIELD = { provider: 'digiworld', name: 'idempotencyKey' };

ruleTester.run('require-idempotency-key', rule, {
  valid: [
    // ══ MsgBubbles: the header is there ══
    // One key per message, created before the loop and reused on every attempt.
    code`
      async function send(message: Message) {
        const key = crypto.randomUUID();
        for (let attempt = 1; attempt <= 3; attempt++) {
          try {
            const res = await fetch('${BUBBLES}', {
              method: 'POST',
              headers: { 'Idempotency-Key': key, 'Content-Type': 'application/json' },
              body: JSON.stringify(message),
            });
            if (!res.ok) throw new Error('send failed');
            return res;
          } catch (err) {
            if (attempt === 3) throw err;
          }
        }
      }
    `,
    // Header names are case-insensitive.
    code`
      import pRetry from 'p-retry';
      import axios from 'axios';
      export function send(message: Message, key: string) {
        return pRetry(() => axios.post('${BUBBLES}', message, { headers: { 'idempotency-key': key } }), { retries: 3 });
      }
    `,
    code`
      import got from 'got';
      export function send(message: Message, key: string) {
        return got.post('${BUBBLES}', { json: message, headers: { 'IDEMPOTENCY-KEY': key }, retry: { limit: 2, methods: ['POST'] } });
      }
    `,
    // The header on the axios.create instance applies to every request of it.
    code`
      import axios from 'axios';
      import pRetry from 'p-retry';
      const api = axios.create({ baseURL: 'https://api.msgbubbles.com/v1', headers: { 'Idempotency-Key': key } });
      export const send = (message: Message) => pRetry(() => api.post('/messages', message), { retries: 3 });
    `,
    // Headers in a same-file constant that has the key.
    code`
      import pRetry from 'p-retry';
      import axios from 'axios';
      export function send(message: Message, key: string) {
        const headers = { 'Idempotency-Key': key, Authorization: token };
        return pRetry(() => axios.post('${BUBBLES}', message, { headers }), { retries: 3 });
      }
    `,
    // ── unknown: the file cannot see the headers ──
    // headers from a parameter
    code`
      export async function send(message: Message, headers: Record<string, string>) {
        for (let attempt = 1; ; attempt++) {
          try {
            const res = await fetch('${BUBBLES}', { method: 'POST', headers, body: JSON.stringify(message) });
            if (!res.ok) throw new Error('send failed');
            return res;
          } catch (err) {
            if (attempt >= 3) throw err;
          }
        }
      }
    `,
    // headers from a function call
    code`
      import pRetry from 'p-retry';
      import axios from 'axios';
      export const send = (message: Message) => pRetry(() => axios.post('${BUBBLES}', message, { headers: buildHeaders(message) }), { retries: 3 });
    `,
    // a spread may carry the key
    code`
      import pRetry from 'p-retry';
      import axios from 'axios';
      export const send = (message: Message, base: Record<string, string>) =>
        pRetry(() => axios.post('${BUBBLES}', message, { headers: { ...base, Authorization: token } }), { retries: 3 });
    `,
    // a Headers object
    code`
      import pRetry from 'p-retry';
      export const send = (message: Message, headers: HeadersInit) =>
        pRetry(async () => {
          const res = await fetch('${BUBBLES}', { method: 'POST', headers: new Headers(headers), body: JSON.stringify(message) });
          if (!res.ok) throw new Error('send failed');
        });
    `,
    // a computed header name the rule cannot read as a property name
    code`
      import pRetry from 'p-retry';
      import axios from 'axios';
      const IDEMPOTENCY_HEADER = 'Idempotency-Key';
      export const send = (message: Message, key: string) =>
        pRetry(() => axios.post('${BUBBLES}', message, { headers: { [IDEMPOTENCY_HEADER]: key } }), { retries: 3 });
    `,
    // the whole options object from a parameter
    code`
      import pRetry from 'p-retry';
      import axios from 'axios';
      export const send = (message: Message, config: AxiosRequestConfig) => pRetry(() => axios.post('${BUBBLES}', message, config), { retries: 3 });
    `,
    // the options object spreads one the file cannot see
    code`
      import pRetry from 'p-retry';
      export const send = (message: Message, init: RequestInit) =>
        pRetry(async () => {
          const res = await fetch('${BUBBLES}', { ...init, method: 'POST', body: JSON.stringify(message) });
          if (!res.ok) throw new Error('send failed');
        });
    `,
    // instance headers without the key, request headers unknown
    code`
      import axios from 'axios';
      import pRetry from 'p-retry';
      const api = axios.create({ baseURL: 'https://api.msgbubbles.com/v1', headers: { Authorization: token } });
      export const send = (message: Message, headers: Record<string, string>) => pRetry(() => api.post('/messages', message, { headers }), { retries: 3 });
    `,
    // superagent sets headers through the chain
    code`
      import pRetry from 'p-retry';
      import superagent from 'superagent';
      export const send = (message: Message, key: string) =>
        pRetry(() => superagent.post('${BUBBLES}').set('Idempotency-Key', key).send(message), { retries: 3 });
    `,

    // ══ MsgBubbles: not a retried send ══
    code`
      import axios from 'axios';
      export async function send(message: Message) {
        try {
          await axios.post('${BUBBLES}', message, { headers: { Authorization: token } });
        } catch (err) {
          console.error('send failed', err);
          throw err;
        }
      }
    `,
    // A loop over recipients sends each message once.
    code`
      import axios from 'axios';
      export async function broadcast(messages: Message[]) {
        for (const message of messages) {
          try {
            await axios.post('${BUBBLES}', message, { headers: { Authorization: token } });
          } catch (err) {
            console.error('skipped', message.to, err);
          }
        }
        for (let i = 0; i < messages.length; i++) {
          try {
            await axios.post('${BUBBLES}', messages[i], { headers: { Authorization: token } });
          } catch {
            continue;
          }
        }
      }
    `,
    // got and ky retry GET-like methods only unless told otherwise; a limit of 0 turns retries off.
    code`
      import got from 'got';
      import ky from 'ky';
      export async function send(message: Message) {
        await got.post('${BUBBLES}', { json: message, retry: { limit: 3 } });
        await ky.post('${BUBBLES}', { json: message, retry: 5 });
        await ky.post('${BUBBLES}', { json: message, retry: { limit: 0, methods: ['post'] } });
      }
    `,
    // A loop that never goes round again (success returns, every error is rethrown) is not a retry.
    code`
      import axios from 'axios';
      export async function send(message: Message) {
        while (true) {
          try {
            return await axios.post('${BUBBLES}', message, { headers: { Authorization: token } });
          } catch (err) {
            throw new Error('send failed', { cause: err });
          }
        }
      }
    `,
    // A retried read is not a send: GET cannot deliver a message twice.
    code`
      export async function status(id: string) {
        for (let attempt = 1; ; attempt++) {
          try {
            const res = await fetch('${BUBBLES}/' + id);
            if (!res.ok) throw new Error('lookup failed');
            return await res.json();
          } catch (err) {
            if (attempt >= 3) throw err;
          }
        }
      }
    `,

    // ══ Digiworld: the body field is there ══
    code`
      export async function send(phone: string, text: string) {
        const idempotencyKey = crypto.randomUUID();
        for (let attempt = 1; attempt <= 3; attempt++) {
          try {
            const res = await fetch('${DIGI}', {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ idempotencyKey, phone, message: text }),
            });
            if (!res.ok) throw new Error('send failed');
            return res;
          } catch (err) {
            if (attempt === 3) throw err;
          }
        }
      }
    `,
    // the legacy alias
    code`
      import pRetry from 'p-retry';
      import axios from 'axios';
      export const send = (phone: string, text: string, key: string) =>
        pRetry(() => axios.post('${DIGI}', { phone, message: text, idempotency_key: key }), { retries: 3 });
    `,
    code`
      import got from 'got';
      export const send = (phone: string, text: string, key: string) =>
        got.post('${DIGI}', { json: { 'idempotencyKey': key, phone, message: text }, retry: { limit: 2, methods: ['POST'] } });
    `,
    // unknown: the payload is a parameter, or spreads one
    code`
      import pRetry from 'p-retry';
      import axios from 'axios';
      export const send = (payload: DigiPayload) => pRetry(() => axios.post('${DIGI}', payload), { retries: 3 });
      export const sendText = (payload: DigiPayload, text: string) => pRetry(() => axios.post('${DIGI}', { ...payload, message: text }), { retries: 3 });
    `,

    // ══ Providers without an idempotency mechanism ══
    code`
      import axios from 'axios';
      export async function send(payload: unknown) {
        for (let attempt = 1; ; attempt++) {
          try {
            return await axios.post('${META}', payload, { headers: { Authorization: token } });
          } catch (err) {
            if (attempt >= 3) throw err;
          }
        }
      }
    `,
    code`
      import pRetry from 'p-retry';
      import axios from 'axios';
      export const send = (payload: unknown) => pRetry(() => axios.post('${WA}', payload, { headers: { Authorization: token } }), { retries: 3 });
    `,

    // ══ A file that names no provider ══
    code`
      import pRetry from 'p-retry';
      import axios from 'axios';
      export const send = (payload: unknown) => pRetry(() => axios.post('https://api.example.com/v1/messages', payload), { retries: 3 });
    `,
  ],

  invalid: [
    // ══ MsgBubbles: hand-written loops ══
    // for with an attempt counter; fetch with a headers object: the key goes into it
    {
      code: code`
        async function send(payload: unknown, token: string) {
          for (let attempt = 0; attempt < 3; attempt++) {
            try {
              const res = await fetch('${BUBBLES}', {
                method: 'POST',
                headers: { Authorization: token, 'Content-Type': 'application/json' },
                body: JSON.stringify(payload),
              });
              if (!res.ok) throw new Error('send failed');
              return res;
            } catch {
              await sleep(1000 * 2 ** attempt);
            }
          }
        }
      `,
      errors: [
        {
          messageId: 'missingHeader',
          data: HEADER,
          line: 4,
          column: 25,
          endLine: 8,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'addHeader',
              data: HEADER,
              output: code`
                async function send(payload: unknown, token: string) {
                  for (let attempt = 0; attempt < 3; attempt++) {
                    try {
                      const res = await fetch('${BUBBLES}', {
                        method: 'POST',
                        headers: { 'Idempotency-Key': crypto.randomUUID(), Authorization: token, 'Content-Type': 'application/json' },
                        body: JSON.stringify(payload),
                      });
                      if (!res.ok) throw new Error('send failed');
                      return res;
                    } catch {
                      await sleep(1000 * 2 ** attempt);
                    }
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    // while (!sent); fetch options without headers: a headers property is added
    {
      code: code`
        let sent = false;
        while (!sent) {
          try {
            const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(message) });
            if (!res.ok) throw new Error(String(res.status));
            sent = true;
          } catch (err) {
            console.warn('retrying', err);
          }
        }
      `,
      errors: [
        {
          messageId: 'missingHeader',
          data: HEADER,
          line: 4,
          column: 23,
          endLine: 4,
          endColumn: 121,
          suggestions: [
            {
              messageId: 'addHeader',
              data: HEADER,
              output: code`
                let sent = false;
                while (!sent) {
                  try {
                    const res = await fetch('${BUBBLES}', { headers: { 'Idempotency-Key': crypto.randomUUID() }, method: 'POST', body: JSON.stringify(message) });
                    if (!res.ok) throw new Error(String(res.status));
                    sent = true;
                  } catch (err) {
                    console.warn('retrying', err);
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    // A correct decision (only retryable codes, via isRetryable) still re-sends: the key is still needed.
    {
      code: code`
        import axios from 'axios';
        import { isRetryable } from 'eslint-plugin-whatsapp-errors/catalog';

        let attempt = 0;
        do {
          try {
            await axios.post('${BUBBLES}', message, { headers: { Authorization: token } });
            break;
          } catch (err) {
            if (++attempt >= 5 || !isRetryable('msgbubbles', err.response?.data?.error)) throw err;
            await sleep(500 * attempt);
          }
        } while (true);
      `,
      errors: [
        {
          messageId: 'missingHeader',
          data: HEADER,
          line: 7,
          column: 11,
          endLine: 7,
          endColumn: 111,
          suggestions: [
            {
              messageId: 'addHeader',
              data: HEADER,
              output: code`
                import axios from 'axios';
                import { isRetryable } from 'eslint-plugin-whatsapp-errors/catalog';

                let attempt = 0;
                do {
                  try {
                    await axios.post('${BUBBLES}', message, { headers: { 'Idempotency-Key': crypto.randomUUID(), Authorization: token } });
                    break;
                  } catch (err) {
                    if (++attempt >= 5 || !isRetryable('msgbubbles', err.response?.data?.error)) throw err;
                    await sleep(500 * attempt);
                  }
                } while (true);
              `,
            },
          ],
        },
      ],
    },
    // fetch rejects on a network error, which is the lost-response case itself:
    // a loop that catches it and goes round re-sends, with or without a throw on !res.ok.
    {
      code: code`
        export async function send(message: Message) {
          for (let attempt = 1; attempt <= 3; attempt++) {
            try {
              const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(message) });
              return await res.json();
            } catch {
              await sleep(1000);
            }
          }
        }
      `,
      errors: [
        {
          messageId: 'missingHeader',
          data: HEADER,
          line: 4,
          column: 25,
          endLine: 4,
          endColumn: 123,
          suggestions: [
            {
              messageId: 'addHeader',
              data: HEADER,
              output: code`
                export async function send(message: Message) {
                  for (let attempt = 1; attempt <= 3; attempt++) {
                    try {
                      const res = await fetch('${BUBBLES}', { headers: { 'Idempotency-Key': crypto.randomUUID() }, method: 'POST', body: JSON.stringify(message) });
                      return await res.json();
                    } catch {
                      await sleep(1000);
                    }
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    // A loop that sends to Meta and to MsgBubbles: only the MsgBubbles send needs the key.
    {
      code: code`
        import axios from 'axios';
        for (let attempt = 0; attempt < 3; attempt++) {
          try {
            await axios.post('${BUBBLES}', message, { headers: { Authorization: bubblesToken } });
            await axios.post('${META}', payload, { headers: { Authorization: metaToken } });
            break;
          } catch {
            await sleep(1000);
          }
        }
      `,
      errors: [
        {
          messageId: 'missingHeader',
          data: HEADER,
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 118,
          suggestions: [
            {
              messageId: 'addHeader',
              data: HEADER,
              output: code`
                import axios from 'axios';
                for (let attempt = 0; attempt < 3; attempt++) {
                  try {
                    await axios.post('${BUBBLES}', message, { headers: { 'Idempotency-Key': crypto.randomUUID(), Authorization: bubblesToken } });
                    await axios.post('${META}', payload, { headers: { Authorization: metaToken } });
                    break;
                  } catch {
                    await sleep(1000);
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    // The same, Meta first.
    {
      code: code`
        import axios from 'axios';
        for (let attempt = 0; attempt < 3; attempt++) {
          try {
            await axios.post('${META}', payload, { headers: { Authorization: metaToken } });
            await axios.post('${BUBBLES}', message, { headers: { Authorization: bubblesToken } });
            break;
          } catch {
            await sleep(1000);
          }
        }
      `,
      errors: [
        {
          messageId: 'missingHeader',
          data: HEADER,
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 118,
          suggestions: [
            {
              messageId: 'addHeader',
              data: HEADER,
              output: code`
                import axios from 'axios';
                for (let attempt = 0; attempt < 3; attempt++) {
                  try {
                    await axios.post('${META}', payload, { headers: { Authorization: metaToken } });
                    await axios.post('${BUBBLES}', message, { headers: { 'Idempotency-Key': crypto.randomUUID(), Authorization: bubblesToken } });
                    break;
                  } catch {
                    await sleep(1000);
                  }
                }
              `,
            },
          ],
        },
      ],
    },

    // ══ MsgBubbles: recursion ══
    // the function calls itself from its catch; axios options without headers
    {
      code: code`
        import axios from 'axios';

        export async function sendMessage(message: Message, attempt = 1): Promise<void> {
          try {
            await axios.post('${BUBBLES}', message, { timeout: 10_000 });
          } catch (err) {
            if (attempt < 3) return sendMessage(message, attempt + 1);
            throw err;
          }
        }
      `,
      errors: [
        {
          messageId: 'missingHeader',
          data: HEADER,
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 93,
          suggestions: [
            {
              messageId: 'addHeader',
              data: HEADER,
              output: code`
                import axios from 'axios';

                export async function sendMessage(message: Message, attempt = 1): Promise<void> {
                  try {
                    await axios.post('${BUBBLES}', message, { headers: { 'Idempotency-Key': crypto.randomUUID() }, timeout: 10_000 });
                  } catch (err) {
                    if (attempt < 3) return sendMessage(message, attempt + 1);
                    throw err;
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    // `.catch(() => send(...))` on a ky request
    {
      code: code`
        import ky from 'ky';

        export function send(message: Message): Promise<unknown> {
          return ky.post('${BUBBLES}', { json: message }).json().catch(() => send(message));
        }
      `,
      errors: [
        {
          messageId: 'missingHeader',
          data: HEADER,
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 78,
          suggestions: [
            {
              messageId: 'addHeader',
              data: HEADER,
              output: code`
                import ky from 'ky';

                export function send(message: Message): Promise<unknown> {
                  return ky.post('${BUBBLES}', { headers: { 'Idempotency-Key': crypto.randomUUID() }, json: message }).json().catch(() => send(message));
                }
              `,
            },
          ],
        },
      ],
    },
    // a fetch promise chain that rethrows a failed status and re-sends from `.catch` after a delay
    {
      code: code`
        export function send(message: Message) {
          fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(message) })
            .then((res) => {
              if (!res.ok) throw new Error('send failed');
            })
            .catch(() => setTimeout(() => send(message), 5000));
        }
      `,
      errors: [
        {
          messageId: 'missingHeader',
          data: HEADER,
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 101,
          suggestions: [
            {
              messageId: 'addHeader',
              data: HEADER,
              output: code`
                export function send(message: Message) {
                  fetch('${BUBBLES}', { headers: { 'Idempotency-Key': crypto.randomUUID() }, method: 'POST', body: JSON.stringify(message) })
                    .then((res) => {
                      if (!res.ok) throw new Error('send failed');
                    })
                    .catch(() => setTimeout(() => send(message), 5000));
                }
              `,
            },
          ],
        },
      ],
    },
    // `setTimeout(() => send(...))` from the catch; an empty headers object
    {
      code: code`
        import axios from 'axios';

        export function send(message: Message) {
          axios.post('${BUBBLES}', message, { headers: {} }).catch(() => {
            setTimeout(() => send(message), 5000);
          });
        }
      `,
      errors: [
        {
          messageId: 'missingHeader',
          data: HEADER,
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 81,
          suggestions: [
            {
              messageId: 'addHeader',
              data: HEADER,
              output: code`
                import axios from 'axios';

                export function send(message: Message) {
                  axios.post('${BUBBLES}', message, { headers: { 'Idempotency-Key': crypto.randomUUID() } }).catch(() => {
                    setTimeout(() => send(message), 5000);
                  });
                }
              `,
            },
          ],
        },
      ],
    },

    // ══ MsgBubbles: retry libraries ══
    // p-retry, blind
    {
      code: code`
        import pRetry from 'p-retry';
        import axios from 'axios';

        await pRetry(() => axios.post('${BUBBLES}', message, { headers: { Authorization: token } }), { retries: 3 });
      `,
      errors: [
        {
          messageId: 'missingHeader',
          data: HEADER,
          line: 4,
          column: 20,
          endLine: 4,
          endColumn: 120,
          suggestions: [
            {
              messageId: 'addHeader',
              data: HEADER,
              output: code`
                import pRetry from 'p-retry';
                import axios from 'axios';

                await pRetry(() => axios.post('${BUBBLES}', message, { headers: { 'Idempotency-Key': crypto.randomUUID(), Authorization: token } }), { retries: 3 });
              `,
            },
          ],
        },
      ],
    },
    // p-retry with a decision that only retries 502/503
    {
      code: code`
        import pRetry from 'p-retry';
        import ky from 'ky';

        export const send = (message: Message) =>
          pRetry(() => ky.post('${BUBBLES}', { json: message }).json(), {
            retries: 4,
            shouldRetry: (error) => error.response?.status === 502 || error.response?.status === 503,
          });
      `,
      errors: [
        {
          messageId: 'missingHeader',
          data: HEADER,
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 84,
          suggestions: [
            {
              messageId: 'addHeader',
              data: HEADER,
              output: code`
                import pRetry from 'p-retry';
                import ky from 'ky';

                export const send = (message: Message) =>
                  pRetry(() => ky.post('${BUBBLES}', { headers: { 'Idempotency-Key': crypto.randomUUID() }, json: message }).json(), {
                    retries: 4,
                    shouldRetry: (error) => error.response?.status === 502 || error.response?.status === 503,
                  });
              `,
            },
          ],
        },
      ],
    },
    // async-retry with bail
    {
      code: code`
        import retry from 'async-retry';

        await retry(
          async (bail) => {
            const res = await fetch('${BUBBLES}', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(message) });
            if (res.status === 400) return bail(new Error('invalid request'));
            if (!res.ok) throw new Error('send failed');
          },
          { retries: 5 },
        );
      `,
      errors: [
        {
          messageId: 'missingHeader',
          data: HEADER,
          line: 5,
          column: 23,
          endLine: 5,
          endColumn: 170,
          suggestions: [
            {
              messageId: 'addHeader',
              data: HEADER,
              output: code`
                import retry from 'async-retry';

                await retry(
                  async (bail) => {
                    const res = await fetch('${BUBBLES}', { method: 'POST', headers: { 'Idempotency-Key': crypto.randomUUID(), 'Content-Type': 'application/json' }, body: JSON.stringify(message) });
                    if (res.status === 400) return bail(new Error('invalid request'));
                    if (!res.ok) throw new Error('send failed');
                  },
                  { retries: 5 },
                );
              `,
            },
          ],
        },
      ],
    },
    // cockatiel retry(handleAll); axios without options: nothing to insert into
    {
      code: code`
        import { retry, handleAll, ExponentialBackoff } from 'cockatiel';
        import axios from 'axios';

        const policy = retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() });

        export function send(message: Message) {
          return policy.execute(() => axios.post('${BUBBLES}', message));
        }
      `,
      errors: [
        {
          messageId: 'missingHeader',
          data: HEADER,
          line: 7,
          column: 31,
          endLine: 7,
          endColumn: 92,
          suggestions: [],
        },
      ],
    },
    // cockatiel handleWhen (a decision)
    {
      code: code`
        import { retry, handleWhen } from 'cockatiel';
        import axios from 'axios';

        const policy = retry(handleWhen((err) => err.response?.data?.error === 'unavailable'), { maxAttempts: 3 });

        export function send(message: Message) {
          return policy.execute(() => axios.post('${BUBBLES}', message, { headers: { Authorization: token } }));
        }
      `,
      errors: [
        {
          messageId: 'missingHeader',
          data: HEADER,
          line: 7,
          column: 31,
          endLine: 7,
          endColumn: 131,
          suggestions: [
            {
              messageId: 'addHeader',
              data: HEADER,
              output: code`
                import { retry, handleWhen } from 'cockatiel';
                import axios from 'axios';

                const policy = retry(handleWhen((err) => err.response?.data?.error === 'unavailable'), { maxAttempts: 3 });

                export function send(message: Message) {
                  return policy.execute(() => axios.post('${BUBBLES}', message, { headers: { 'Idempotency-Key': crypto.randomUUID(), Authorization: token } }));
                }
              `,
            },
          ],
        },
      ],
    },
    // exponential-backoff
    {
      code: code`
        import { backOff } from 'exponential-backoff';
        import axios from 'axios';

        await backOff(() => axios.post('${BUBBLES}', message, { headers: { Authorization: token } }), { numOfAttempts: 5 });
      `,
      errors: [
        {
          messageId: 'missingHeader',
          data: HEADER,
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 121,
          suggestions: [
            {
              messageId: 'addHeader',
              data: HEADER,
              output: code`
                import { backOff } from 'exponential-backoff';
                import axios from 'axios';

                await backOff(() => axios.post('${BUBBLES}', message, { headers: { 'Idempotency-Key': crypto.randomUUID(), Authorization: token } }), { numOfAttempts: 5 });
              `,
            },
          ],
        },
      ],
    },
    // promise-retry
    {
      code: code`
        import promiseRetry from 'promise-retry';
        import axios from 'axios';

        await promiseRetry((retry) => axios.post('${BUBBLES}', message, { headers: { Authorization: token } }).catch(retry), { retries: 3 });
      `,
      errors: [
        {
          messageId: 'missingHeader',
          data: HEADER,
          line: 4,
          column: 31,
          endLine: 4,
          endColumn: 131,
          suggestions: [
            {
              messageId: 'addHeader',
              data: HEADER,
              output: code`
                import promiseRetry from 'promise-retry';
                import axios from 'axios';

                await promiseRetry((retry) => axios.post('${BUBBLES}', message, { headers: { 'Idempotency-Key': crypto.randomUUID(), Authorization: token } }).catch(retry), { retries: 3 });
              `,
            },
          ],
        },
      ],
    },
    // axios-retry's default retries a POST after a network error: the lost-response case.
    // The instance has headers without the key; the request options get the header.
    {
      code: code`
        import axios from 'axios';
        import axiosRetry from 'axios-retry';

        const client = axios.create({ baseURL: 'https://api.msgbubbles.com/v1', headers: { Authorization: token } });
        axiosRetry(client, { retries: 3 });

        export const send = (message: Message) => client.post('/messages', message, { timeout: 5000 });
      `,
      errors: [
        {
          messageId: 'missingHeader',
          data: HEADER,
          line: 7,
          column: 43,
          endLine: 7,
          endColumn: 95,
          suggestions: [
            {
              messageId: 'addHeader',
              data: HEADER,
              output: code`
                import axios from 'axios';
                import axiosRetry from 'axios-retry';

                const client = axios.create({ baseURL: 'https://api.msgbubbles.com/v1', headers: { Authorization: token } });
                axiosRetry(client, { retries: 3 });

                export const send = (message: Message) => client.post('/messages', message, { headers: { 'Idempotency-Key': crypto.randomUUID() }, timeout: 5000 });
              `,
            },
          ],
        },
      ],
    },

    // ══ MsgBubbles: got / ky retry options ══
    // got retrying POST, blind (default status codes)
    {
      code: code`
        import got from 'got';

        await got.post('${BUBBLES}', {
          json: message,
          retry: { limit: 3, methods: ['POST'] },
        });
      `,
      errors: [
        {
          messageId: 'missingHeader',
          data: HEADER,
          line: 3,
          column: 7,
          endLine: 6,
          endColumn: 3,
          suggestions: [
            {
              messageId: 'addHeader',
              data: HEADER,
              output: code`
                import got from 'got';

                await got.post('${BUBBLES}', {
                  headers: { 'Idempotency-Key': crypto.randomUUID() }, json: message,
                  retry: { limit: 3, methods: ['POST'] },
                });
              `,
            },
          ],
        },
      ],
    },
    // ky retrying POST on 502/503 only (not blind), headers without the key
    {
      code: code`
        import ky from 'ky';

        const body = await ky
          .post('${BUBBLES}', {
            json: message,
            headers: { Authorization: token },
            retry: { limit: 2, methods: ['post'], statusCodes: [502, 503] },
          })
          .json();
      `,
      errors: [
        {
          messageId: 'missingHeader',
          data: HEADER,
          line: 3,
          column: 20,
          endLine: 8,
          endColumn: 5,
          suggestions: [
            {
              messageId: 'addHeader',
              data: HEADER,
              output: code`
                import ky from 'ky';

                const body = await ky
                  .post('${BUBBLES}', {
                    json: message,
                    headers: { 'Idempotency-Key': crypto.randomUUID(), Authorization: token },
                    retry: { limit: 2, methods: ['post'], statusCodes: [502, 503] },
                  })
                  .json();
              `,
            },
          ],
        },
      ],
    },

    // ══ MsgBubbles: a key that is not the header ══
    // a look-alike header name
    {
      code: code`
        import pRetry from 'p-retry';
        import axios from 'axios';

        await pRetry(() => axios.post('${BUBBLES}', message, { headers: { 'X-Idempotency-Key': key } }), { retries: 3 });
      `,
      errors: [
        {
          messageId: 'missingHeader',
          data: HEADER,
          line: 4,
          column: 20,
          endLine: 4,
          endColumn: 124,
          suggestions: [
            {
              messageId: 'addHeader',
              data: HEADER,
              output: code`
                import pRetry from 'p-retry';
                import axios from 'axios';

                await pRetry(() => axios.post('${BUBBLES}', message, { headers: { 'Idempotency-Key': crypto.randomUUID(), 'X-Idempotency-Key': key } }), { retries: 3 });
              `,
            },
          ],
        },
      ],
    },
    // the Digiworld body field sent to MsgBubbles
    {
      code: code`
        import pRetry from 'p-retry';
        import axios from 'axios';

        await pRetry(() => axios.post('${BUBBLES}', { ...message, idempotencyKey: key }, { headers: { Authorization: token } }), { retries: 3 });
      `,
      errors: [
        {
          messageId: 'missingHeader',
          data: HEADER,
          line: 4,
          column: 20,
          endLine: 4,
          endColumn: 148,
          suggestions: [
            {
              messageId: 'addHeader',
              data: HEADER,
              output: code`
                import pRetry from 'p-retry';
                import axios from 'axios';

                await pRetry(() => axios.post('${BUBBLES}', { ...message, idempotencyKey: key }, { headers: { 'Idempotency-Key': crypto.randomUUID(), Authorization: token } }), { retries: 3 });
              `,
            },
          ],
        },
      ],
    },
    // headers in a same-file constant without the key: the header goes into the constant
    {
      code: code`
        import pRetry from 'p-retry';
        import axios from 'axios';

        export async function send(message: Message) {
          const headers = { Authorization: token };
          return pRetry(() => axios.post('${BUBBLES}', message, { headers }), { retries: 3 });
        }
      `,
      errors: [
        {
          messageId: 'missingHeader',
          data: HEADER,
          line: 6,
          column: 23,
          endLine: 6,
          endColumn: 97,
          suggestions: [
            {
              messageId: 'addHeader',
              data: HEADER,
              output: code`
                import pRetry from 'p-retry';
                import axios from 'axios';

                export async function send(message: Message) {
                  const headers = { 'Idempotency-Key': crypto.randomUUID(), Authorization: token };
                  return pRetry(() => axios.post('${BUBBLES}', message, { headers }), { retries: 3 });
                }
              `,
            },
          ],
        },
      ],
    },

    // ══ MsgBubbles: a retried wrapper: the request inside the wrapper is reported ══
    {
      code: code`
        import pRetry from 'p-retry';
        import axios from 'axios';

        async function postMessage(message: Message) {
          return axios.post('${BUBBLES}', message, { headers: { Authorization: token } });
        }

        export const notify = (message: Message) => pRetry(() => postMessage(message), { retries: 3 });
      `,
      errors: [
        {
          messageId: 'missingHeader',
          data: HEADER,
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 110,
          suggestions: [
            {
              messageId: 'addHeader',
              data: HEADER,
              output: code`
                import pRetry from 'p-retry';
                import axios from 'axios';

                async function postMessage(message: Message) {
                  return axios.post('${BUBBLES}', message, { headers: { 'Idempotency-Key': crypto.randomUUID(), Authorization: token } });
                }

                export const notify = (message: Message) => pRetry(() => postMessage(message), { retries: 3 });
              `,
            },
          ],
        },
      ],
    },
    // a class method retried by a loop in a sibling method and by p-retry elsewhere: reported once
    {
      code: code`
        import pRetry from 'p-retry';
        import axios from 'axios';

        class Bubbles {
          async post(message: Message) {
            return axios.post('${BUBBLES}', message, { timeout: 5000 });
          }
          async send(message: Message) {
            for (let attempt = 1; attempt <= 3; attempt++) {
              try {
                return await this.post(message);
              } catch (err) {
                if (attempt === 3) throw err;
              }
            }
          }
        }

        const bubbles = new Bubbles();
        export const notify = (message: Message) => pRetry(() => bubbles.post(message), { retries: 3 });
      `,
      errors: [
        {
          messageId: 'missingHeader',
          data: HEADER,
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 92,
          suggestions: [
            {
              messageId: 'addHeader',
              data: HEADER,
              output: code`
                import pRetry from 'p-retry';
                import axios from 'axios';

                class Bubbles {
                  async post(message: Message) {
                    return axios.post('${BUBBLES}', message, { headers: { 'Idempotency-Key': crypto.randomUUID() }, timeout: 5000 });
                  }
                  async send(message: Message) {
                    for (let attempt = 1; attempt <= 3; attempt++) {
                      try {
                        return await this.post(message);
                      } catch (err) {
                        if (attempt === 3) throw err;
                      }
                    }
                  }
                }

                const bubbles = new Bubbles();
                export const notify = (message: Message) => pRetry(() => bubbles.post(message), { retries: 3 });
              `,
            },
          ],
        },
      ],
    },

    // ══ Digiworld: the idempotencyKey body field ══
    // fetch in a loop: the field goes into the object inside JSON.stringify
    {
      code: code`
        export async function send(phone: string, text: string) {
          for (let attempt = 1; attempt <= 3; attempt++) {
            try {
              const res = await fetch('${DIGI}', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ phone, message: text }),
              });
              if (!res.ok) throw new Error('send failed');
              return res;
            } catch (err) {
              if (attempt === 3) throw err;
            }
          }
        }
      `,
      errors: [
        {
          messageId: 'missingField',
          data: FIELD,
          line: 4,
          column: 25,
          endLine: 8,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'addField',
              data: FIELD,
              output: code`
                export async function send(phone: string, text: string) {
                  for (let attempt = 1; attempt <= 3; attempt++) {
                    try {
                      const res = await fetch('${DIGI}', {
                        method: 'POST',
                        headers: { 'Content-Type': 'application/json' },
                        body: JSON.stringify({ idempotencyKey: crypto.randomUUID(), phone, message: text }),
                      });
                      if (!res.ok) throw new Error('send failed');
                      return res;
                    } catch (err) {
                      if (attempt === 3) throw err;
                    }
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    // axios data object with p-retry
    {
      code: code`
        import pRetry from 'p-retry';
        import axios from 'axios';

        export const send = (phone: string, text: string) => pRetry(() => axios.post('${DIGI}', { phone, message: text }), { retries: 3 });
      `,
      errors: [
        {
          messageId: 'missingField',
          data: FIELD,
          line: 4,
          column: 67,
          endLine: 4,
          endColumn: 172,
          suggestions: [
            {
              messageId: 'addField',
              data: FIELD,
              output: code`
                import pRetry from 'p-retry';
                import axios from 'axios';

                export const send = (phone: string, text: string) => pRetry(() => axios.post('${DIGI}', { idempotencyKey: crypto.randomUUID(), phone, message: text }), { retries: 3 });
              `,
            },
          ],
        },
      ],
    },
    // got json with retry options
    {
      code: code`
        import got from 'got';

        export const send = (phone: string, text: string) =>
          got.post('${DIGI}', { json: { phone, message: text }, retry: { limit: 2, methods: ['POST'], statusCodes: [503] } });
      `,
      errors: [
        {
          messageId: 'missingField',
          data: FIELD,
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 176,
          suggestions: [
            {
              messageId: 'addField',
              data: FIELD,
              output: code`
                import got from 'got';

                export const send = (phone: string, text: string) =>
                  got.post('${DIGI}', { json: { idempotencyKey: crypto.randomUUID(), phone, message: text }, retry: { limit: 2, methods: ['POST'], statusCodes: [503] } });
              `,
            },
          ],
        },
      ],
    },
    // the payload in a local constant, sent with ky and retried by recursion
    {
      code: code`
        import ky from 'ky';

        export async function send(phone: string, text: string, attempt = 1): Promise<void> {
          const payload = { phone, message: text };
          try {
            await ky.post('${DIGI}', { json: payload });
          } catch (err) {
            if (attempt >= 3) throw err;
            await send(phone, text, attempt + 1);
          }
        }
      `,
      errors: [
        {
          messageId: 'missingField',
          data: FIELD,
          line: 6,
          column: 11,
          endLine: 6,
          endColumn: 106,
          suggestions: [
            {
              messageId: 'addField',
              data: FIELD,
              output: code`
                import ky from 'ky';

                export async function send(phone: string, text: string, attempt = 1): Promise<void> {
                  const payload = { idempotencyKey: crypto.randomUUID(), phone, message: text };
                  try {
                    await ky.post('${DIGI}', { json: payload });
                  } catch (err) {
                    if (attempt >= 3) throw err;
                    await send(phone, text, attempt + 1);
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    // the body string in a constant built with JSON.stringify
    {
      code: code`
        import pRetry from 'p-retry';

        export const send = (phone: string, text: string) =>
          pRetry(async () => {
            const body = JSON.stringify({ phone, message: text });
            const res = await fetch('${DIGI}', { method: 'POST', body });
            if (!res.ok) throw new Error('send failed');
          });
      `,
      errors: [
        {
          messageId: 'missingField',
          data: FIELD,
          line: 6,
          column: 23,
          endLine: 6,
          endColumn: 123,
          suggestions: [
            {
              messageId: 'addField',
              data: FIELD,
              output: code`
                import pRetry from 'p-retry';

                export const send = (phone: string, text: string) =>
                  pRetry(async () => {
                    const body = JSON.stringify({ idempotencyKey: crypto.randomUUID(), phone, message: text });
                    const res = await fetch('${DIGI}', { method: 'POST', body });
                    if (!res.ok) throw new Error('send failed');
                  });
              `,
            },
          ],
        },
      ],
    },
    // an Idempotency-Key header: Digiworld reads the body field, not a header
    {
      code: code`
        import pRetry from 'p-retry';
        import axios from 'axios';

        export const send = (phone: string, text: string, key: string) =>
          pRetry(() => axios.post('${DIGI}', { phone, message: text }, { headers: { 'Idempotency-Key': key } }), { retries: 3 });
      `,
      errors: [
        {
          messageId: 'missingField',
          data: FIELD,
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 162,
          suggestions: [
            {
              messageId: 'addField',
              data: FIELD,
              output: code`
                import pRetry from 'p-retry';
                import axios from 'axios';

                export const send = (phone: string, text: string, key: string) =>
                  pRetry(() => axios.post('${DIGI}', { idempotencyKey: crypto.randomUUID(), phone, message: text }, { headers: { 'Idempotency-Key': key } }), { retries: 3 });
              `,
            },
          ],
        },
      ],
    },
    // JSON body fields are case-sensitive: IdempotencyKey is not idempotencyKey
    {
      code: code`
        import pRetry from 'p-retry';
        import axios from 'axios';

        export const send = (phone: string, text: string, key: string) =>
          pRetry(() => axios.post('${DIGI}', { IdempotencyKey: key, phone, message: text }), { retries: 3 });
      `,
      errors: [
        {
          messageId: 'missingField',
          data: FIELD,
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 142,
          suggestions: [
            {
              messageId: 'addField',
              data: FIELD,
              output: code`
                import pRetry from 'p-retry';
                import axios from 'axios';

                export const send = (phone: string, text: string, key: string) =>
                  pRetry(() => axios.post('${DIGI}', { idempotencyKey: crypto.randomUUID(), IdempotencyKey: key, phone, message: text }), { retries: 3 });
              `,
            },
          ],
        },
      ],
    },
    // a retried wrapper: the request inside it is reported
    {
      code: code`
        import retry from 'async-retry';
        import axios from 'axios';

        async function sendText(phone: string, text: string) {
          const { data } = await axios.post('${DIGI}', { phone, message: text });
          return data;
        }

        export const notify = (phone: string, text: string) => retry(() => sendText(phone, text), { retries: 4 });
      `,
      errors: [
        {
          messageId: 'missingField',
          data: FIELD,
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 131,
          suggestions: [
            {
              messageId: 'addField',
              data: FIELD,
              output: code`
                import retry from 'async-retry';
                import axios from 'axios';

                async function sendText(phone: string, text: string) {
                  const { data } = await axios.post('${DIGI}', { idempotencyKey: crypto.randomUUID(), phone, message: text });
                  return data;
                }

                export const notify = (phone: string, text: string) => retry(() => sendText(phone, text), { retries: 4 });
              `,
            },
          ],
        },
      ],
    },
  ],
});

// ─── Wrappers of other files (issue 15) ────────────────────────────────────────
// The snippet is linted as a file of the fixture app, so its import resolves to
// src/whatsapp/bubbles.ts there, a MsgBubbles wrapper without Idempotency-Key.
const APP = fileURLToPath(new URL('../fixtures/cross-file/app/', import.meta.url));

ruleTester.run('require-idempotency-key: a retried wrapper of another file', rule, {
  valid: [],
  invalid: [
    {
      filename: `${APP}src/jobs/retry-bubble.ts`,
      code: code`
        import { sendBubble } from '../whatsapp/bubbles';
        export async function job(to: string) {
          for (let attempt = 0; attempt < 3; attempt++) {
            try {
              return await sendBubble(to, 'hi');
            } catch {
              await new Promise((r) => setTimeout(r, 1000));
            }
          }
        }
      `,
      // reported at the call of the wrapper: the request is in another file, so there is no fix to offer here
      errors: [{ messageId: 'missingHeader', data: { provider: 'msgbubbles', name: 'Idempotency-Key' }, line: 5, column: 20, endLine: 5, endColumn: 40, suggestions: [] }],
    },
  ],
});

// ─── Scheduled jobs that select failed records again ────────────────────────────────
// A record left unmarked after a lost response is sent again by the next run: the key must be the
// record's own, not one made anew in the loop.
const bubbleJob = (headers: string) => code`
  import cron from 'node-cron';
  import axios from 'axios';
  cron.schedule('*/10 * * * *', async () => {
    for (const msg of await Outbox.find({ sent: false })) {
      try {
        await axios.post('${BUBBLES}', { to: msg.to, text: msg.text }, { headers: ${headers} });
        msg.sent = true;
        await msg.save();
      } catch (err) {
        console.error(err);
      }
    }
  });
  declare const Outbox: any;
`;

ruleTester.run('require-idempotency-key: scheduled jobs that select failed records again', rule, {
  valid: [
    // the record's own key: the same on every run
    bubbleJob("{ 'Idempotency-Key': msg.id }"),
  ],
  invalid: [
    {
      code: bubbleJob("{ Authorization: 'Bearer token' }"),
      errors: [
        {
          messageId: 'missingHeader',
          data: HEADER,
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 145,
          suggestions: [{ messageId: 'addHeader', data: HEADER, output: bubbleJob("{ 'Idempotency-Key': crypto.randomUUID(), Authorization: 'Bearer token' }") }],
        },
      ],
    },
    // a key made in the loop is new on each run
    {
      code: bubbleJob("{ 'Idempotency-Key': crypto.randomUUID() }"),
      errors: [{ messageId: 'keyPerAttempt', data: HEADER, line: 6, column: 130, endLine: 6, endColumn: 149 }],
    },
  ],
});
