import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { ruleTester, code } from '../rule-tester.js';
import { NODE_META_OPTIONS, nodeHttpSend } from '../node-http-send.js';
import rule from '../../rules/preserve-error-code.js';

const META = 'https://graph.facebook.com/v21.0/1234567890/messages';
const CEQUENS = 'https://apis.cequens.com/conversation-app/api/v1/messages';
const WA = 'https://wa.sagad.net/api/v1/messages/send';
const DIGI = 'https://digichat.digiworld-dev.com/api/whatsapp/TOKEN/sendMessage';
const BUBBLES = 'https://api.msgbubbles.com/v1/messages';
const CONNEX = 'https://api.gateway.connexease.com/v1/messages';

/**
 * What the messages say about each provider: its id, the two notable codes
 * that need different handling, and where its code lives.
 */
const META_DATA = { provider: 'meta-cloud', first: '131047', second: '190', codeField: 'body.error.code' };
/** A template send: the pair starts with the template's own code (131047 is what a template is the way around). */
const META_TEMPLATE_DATA = { ...META_DATA, first: '132001' };
/** A Cloud API request that sends no message (templates, media): the pair is from the codes any endpoint returns. */
const META_REQUEST_DATA = { ...META_DATA, first: '190', second: '100' };
const CEQUENS_DATA = { provider: 'cequens', first: '470', second: "'MISSING_TOKEN'", codeField: 'body.errors[0].code' };
const WA_DATA = { provider: 'wa-server', first: "'device_not_connected'", second: "'validation_error'", codeField: 'body.error.code' };
const DIGI_DATA = { provider: 'digiworld', first: "'insufficient_balance'", second: "'invalid_signature'", codeField: 'body.error' };
const BUBBLES_DATA = { provider: 'msgbubbles', first: "'invalid_from_handle'", second: "'invalid_request'", codeField: 'body.error' };
const CONNEX_DATA = { provider: 'connexease', first: "'BILL_001'", second: "'AUTH_003'", codeField: 'body.errors.code' };

/** `droppedThrow` data: with a caught error the message asks for `{ cause: <it> }`, otherwise for the parsed body. */
function thrown(base: typeof META_DATA, caught?: string) {
  return { ...base, keep: caught ? `{ cause: ${caught} }` : 'the parsed error body' };
}

/** A send function kept in a field whose default the class gives, and a catch around its call that throws `thrown`. */
const remindersThrowing = (thrown: string) => code`
  import axios from 'axios';
  async function sendText(to: string, text: string) {
    const res = await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: text } });
    return res.data;
  }
  type Sender = typeof sendText;
  export class Reminders {
    private readonly send: Sender;
    constructor(deps: { send?: Sender } = {}) {
      this.send = deps.send ?? sendText;
    }
    async remind(to: string) {
      try {
        await this.send(to, 'Your visit is tomorrow');
      } catch (err) {
        throw ${thrown};
      }
    }
  }
`;

ruleTester.run('preserve-error-code', rule, {
  valid: [
    // ══ Meta Cloud API ═══════════════════════════════════════════════════
    // Rethrowing the caught error keeps everything.
    code`
      import axios from 'axios';
      try {
        await axios.post('${META}', payload);
      } catch (err) {
        logger.warn('WhatsApp send failed', err.message);
        throw err;
      }
    `,
    // The original error as `cause`.
    code`
      import axios from 'axios';
      try {
        await axios.post('${META}', payload);
      } catch (err) {
        throw new Error('WhatsApp send failed: ' + err.message, { cause: err });
      }
    `,
    // An error class given the error body, or the code.
    code`
      import axios from 'axios';
      try {
        await axios.post('${META}', payload);
      } catch (err) {
        throw new WhatsAppError(err.response?.data);
      }
    `,
    code`
      const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      if (!res.ok) throw new ApiError(body.error.code, body.error.message);
    `,
    code`
      const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      if (body.error) throw new WhatsAppError(body);
    `,
    // An error class given the parsed body straight from `await res.json()`.
    code`
      const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      if (!res.ok) throw new WhatsAppError(await res.json());
    `,
    // `errorCodeOf(...)` from the plugin's catalog passed along.
    code`
      import axios from 'axios';
      import { errorCodeOf } from 'eslint-plugin-whatsapp-errors/catalog';
      export async function send(payload: object) {
        try {
          await axios.post('${META}', payload);
          return { ok: true };
        } catch (err) {
          const code = errorCodeOf('meta-cloud', err.response?.data);
          return { ok: false, error: err.message, code };
        }
      }
    `,
    // Returning the body, the error object, or a failure value that holds the code.
    code`
      export async function send(payload: object) {
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (!res.ok) return body;
        return body.messages[0].id;
      }
    `,
    code`
      export async function send(payload: object) {
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (res.status >= 400) return { ok: false, error: body.error };
        return { ok: true, id: body.messages[0].id };
      }
    `,
    code`
      import axios from 'axios';
      export const send = (payload: object) =>
        axios.post('${META}', payload).catch((e) => ({ ok: false, error: e.message, code: e.response?.data?.error?.code }));
    `,
    code`
      export async function send(payload: object) {
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if ('error' in body) return { ok: false, ...body };
      }
    `,
    // One-word outcome labels are decisions, not messages; null and false say nothing.
    code`
      import axios from 'axios';
      export async function send(payload: object) {
        try {
          await axios.post('${META}', payload);
          return 'sent';
        } catch {
          return 'failed';
        }
      }
    `,
    code`
      import axios from 'axios';
      export const send = (payload: object) => axios.post('${META}', payload).then(() => 'sent', () => 'template_required');
    `,
    code`
      export async function send(payload: object) {
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        if (!res.ok) return null;
        if (res.status !== 200) return false;
        return res.json();
      }
    `,
    // A branch that singled out one documented code has decided on the code.
    code`
      import axios from 'axios';
      try {
        await axios.post('${META}', payload);
      } catch (err) {
        const code = err.response?.data?.error?.code;
        if (code === 131047) throw new Error('template required');
        if (code === 190) {
          return { ok: false, error: 'Refresh the access token' };
        }
        throw err;
      }
    `,
    code`
      const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      if (body.error && body.error.code === 131047) throw new Error('Send a template first');
    `,
    // fetch resolves on HTTP errors: without a throw in the try, the catch only sees network errors.
    code`
      export async function send(payload: object) {
        try {
          const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
          return await res.json();
        } catch (err) {
          throw new Error('Network error: ' + err.message);
        }
      }
    `,
    code`
      export const send = (payload: object) =>
        fetch('${META}', { method: 'POST', body: JSON.stringify(payload) }).catch((err) => {
          throw new Error(\`Network error: \${err.message}\`);
        });
    `,
    // Throws outside any error path, and in a function nested in one.
    code`
      import axios from 'axios';
      if (!payload.to) throw new Error('Recipient missing');
      try {
        await axios.post('${META}', payload);
      } catch (err) {
        queue.onDrain(() => {
          throw new Error('Queue drained after a failure');
        });
        throw err;
      }
    `,

    // ══ String-code gateways ═════════════════════════════════════════════
    // wa-server: a `case` singles out one code; the rest is rethrown.
    code`
      import axios from 'axios';
      try {
        await axios.post('${WA}', payload);
      } catch (err) {
        switch (err.response?.data?.error?.code) {
          case 'logged_out':
            throw new Error('The device was logged out; scan a new QR');
          case 'device_not_connected':
            return { ok: false, error: 'Reconnect the device first' };
          default:
            throw err;
        }
      }
    `,
    code`
      import ky from 'ky';
      try {
        await ky.post('${WA}', { json: payload }).json();
      } catch (err) {
        throw new Error(\`wa-server send failed: \${err.message}\`, { cause: err });
      }
    `,
    // Digiworld: 402 maps to exactly one code (insufficient_balance).
    code`
      const res = await fetch('${DIGI}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      if (!res.ok) {
        if (res.status === 402) throw new Error('Top up the Digiworld wallet');
        throw new DigiworldError(body);
      }
    `,
    code`
      const res = await fetch('${DIGI}', { method: 'POST', body: JSON.stringify(payload) });
      if (res.status === 402) throw new Error('Top up the Digiworld wallet');
    `,
    code`
      const res = await fetch('${DIGI}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      if (!res.ok) {
        switch (res.status) {
          case 402:
            throw new Error('Top up the Digiworld wallet');
          default:
            throw new DigiworldError(body.error, body.message);
        }
      }
    `,
    // Digiworld: `body.error` is the code itself.
    code`
      import got from 'got';
      export async function send(payload: object) {
        const res = await got.post('${DIGI}', { json: payload, throwHttpErrors: false });
        const body = JSON.parse(res.body);
        if (body.error) return { ok: false, error: body.error };
      }
    `,
    // MsgBubbles: the caught error as cause, with the same name as the property.
    code`
      import { ofetch } from 'ofetch';
      try {
        await ofetch('${BUBBLES}', { method: 'POST', body: payload });
      } catch (error) {
        throw new Error('MsgBubbles send failed', { cause: error });
      }
    `,
    // CEQUENS: the errors array passed along.
    code`
      const res = await fetch('${CEQUENS}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      if (!res.ok) throw new CequensError(body.errors);
    `,

    // ══ Connexease ═══════════════════════════════════════════════════════
    code`
      const res = await fetch('${CONNEX}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      if (!body.isSuccess) throw new ConnexeaseError(body.errors);
    `,
    code`
      const res = await fetch('${CONNEX}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      if (body.isSuccess === false) {
        if (body.errors.code === 'BILL_001') throw new Error('Top up the Connexease balance');
        return body;
      }
    `,
    code`
      import axios from 'axios';
      try {
        await axios.post('${CONNEX}', payload);
      } catch (err) {
        return { success: false, error: err.response?.data?.errors?.code };
      }
    `,

    // ══ Not a provider's error path ══════════════════════════════════════
    // Another API's call in a file that also calls a provider.
    code`
      import axios from 'axios';
      await axios.post('${META}', payload);
      try {
        await axios.post('https://api.example.com/audit', entry);
      } catch (err) {
        throw new Error('Audit failed: ' + err.message);
      }
      const res = await fetch('https://api.example.com/status');
      if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
    `,
    // A file that names no provider is skipped.
    code`
      import axios from 'axios';
      try {
        await axios.post('https://api.example.com/send', payload);
      } catch (err) {
        throw new Error('Send failed: ' + err.message);
      }
    `,
  ],

  invalid: [
    // A send function kept in a field whose default the class gives (`this.send = deps.send ?? sendText`,
    // so tests can hand another): the field's calls are the default's.
    {
      code: remindersThrowing("new Error('reminder failed')"),
      errors: [
        {
          messageId: 'droppedThrow',
          data: thrown(META_DATA, 'err'),
          line: 16,
          column: 7,
          endLine: 16,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'addCause',
              data: { caught: 'err' },
              output: remindersThrowing("new Error('reminder failed', { cause: err })"),
            },
          ],
        },
      ],
    },
    // ══ Meta Cloud API ═══════════════════════════════════════════════════
    // axios: the catch keeps only the message.
    {
      code: code`
        import axios from 'axios';
        export async function sendText(to: string, text: string) {
          try {
            await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: text } });
          } catch (err) {
            throw new Error('WhatsApp send failed: ' + err.message);
          }
        }
      `,
      errors: [
        {
          messageId: 'droppedThrow',
          data: thrown(META_DATA, 'err'),
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'addCause',
              data: { caught: 'err' },
              output: code`
                import axios from 'axios';
                export async function sendText(to: string, text: string) {
                  try {
                    await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: text } });
                  } catch (err) {
                    throw new Error('WhatsApp send failed: ' + err.message, { cause: err });
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    // axios: a service returning `{ ok: false, error: e.message }`.
    {
      code: code`
        import axios from 'axios';
        export async function send(payload: object) {
          try {
            const { data } = await axios.post('${META}', payload);
            return { ok: true, id: data.messages[0].id };
          } catch (e) {
            return { ok: false, error: e.message };
          }
        }
      `,
      errors: [{ messageId: 'droppedReturn', data: META_DATA, line: 7, column: 5, endLine: 7, endColumn: 44, suggestions: [] }],
    },
    // `status: false` is a failure flag like `success: false`: the body logged, the code not passed on
    {
      code: code`
        import axios from 'axios';
        export async function sendOfficial(api: string, to: string, text: string) {
          try {
            const { data } = await axios.post(\`\${api}/messages\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body: text } });
            return { status: true, id: data.messages[0].id };
          } catch (err) {
            console.log(err.response);
            return { status: false };
          }
        }
      `,
      errors: [{ messageId: 'droppedReturn', data: META_DATA, line: 8, column: 5, endLine: 8, endColumn: 30, suggestions: [] }],
    },
    // the message's own toString() stands where the code should be: text, not the code
    {
      code: code`
        export async function send(payload: object) {
          const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
          const data = await res.json();
          if (res.ok && data.messages?.[0]?.id) return { success: true, messageId: data.messages[0].id };
          const errorCode = data.error?.message?.toString() || 'UNKNOWN';
          return { success: false, errorCode };
        }
      `,
      errors: [{ messageId: 'droppedReturn', data: META_DATA, line: 6, column: 3, endLine: 6, endColumn: 40, suggestions: [] }],
    },
    // `.catch((err) => { throw … })`
    {
      code: code`
        import axios from 'axios';
        export const send = (payload: object) =>
          axios.post('${META}', payload).catch((err) => {
            throw new Error(\`Cloud API: \${err.message}\`);
          });
      `,
      errors: [
        {
          messageId: 'droppedThrow',
          data: thrown(META_DATA, 'err'),
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'addCause',
              data: { caught: 'err' },
              output: code`
                import axios from 'axios';
                export const send = (payload: object) =>
                  axios.post('${META}', payload).catch((err) => {
                    throw new Error(\`Cloud API: \${err.message}\`, { cause: err });
                  });
              `,
            },
          ],
        },
      ],
    },
    // `.then(ok, (err) => ({ … }))`: the expression body is the failure value.
    {
      code: code`
        import axios from 'axios';
        export const send = (payload: object) =>
          axios.post('${META}', payload).then(
            (res) => ({ ok: true, id: res.data.messages[0].id }),
            (err) => ({ ok: false, error: err.message }),
          );
      `,
      errors: [{ messageId: 'droppedReturn', data: META_DATA, line: 5, column: 15, endLine: 5, endColumn: 48, suggestions: [] }],
    },
    // fetch: `!res.ok` throws the status and never reads the body; nothing was caught.
    {
      code: code`
        export async function send(payload: object) {
          const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
          if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
          return res.json();
        }
      `,
      errors: [{ messageId: 'droppedThrow', data: thrown(META_DATA), line: 3, column: 16, endLine: 3, endColumn: 54, suggestions: [] }],
    },
    // The raw text in a message is not the parsed body: callers would have to parse a string.
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        if (!res.ok) {
          throw new Error(\`Cloud API \${res.status}: \${await res.text()}\`);
        }
      `,
      errors: [{ messageId: 'droppedThrow', data: thrown(META_DATA), line: 3, column: 3, endLine: 3, endColumn: 67, suggestions: [] }],
    },
    // `body.error` set: the message alone loses the code.
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error) throw new Error(body.error.message);
      `,
      errors: [{ messageId: 'droppedThrow', data: thrown(META_DATA), line: 3, column: 17, endLine: 3, endColumn: 53, suggestions: [] }],
    },
    // `'error' in body`: a `{ success: false }` object with the message.
    {
      code: code`
        export async function send(payload: object) {
          const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
          const body = await res.json();
          if ('error' in body) {
            return { success: false, message: body.error.message };
          }
          return { success: true };
        }
      `,
      errors: [{ messageId: 'droppedReturn', data: META_DATA, line: 5, column: 5, endLine: 5, endColumn: 60, suggestions: [] }],
    },
    // `if (res.ok) {…} else {…}`
    {
      code: code`
        export async function send(payload: object) {
          const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
          if (res.ok) {
            return res.json();
          } else {
            throw new Error('Cloud API returned ' + res.status);
          }
        }
      `,
      errors: [{ messageId: 'droppedThrow', data: thrown(META_DATA), line: 6, column: 5, endLine: 6, endColumn: 57, suggestions: [] }],
    },
    // A same-file wrapper; the options object gets the cause.
    {
      code: code`
        import axios from 'axios';
        async function post(payload: object) {
          const { data } = await axios.post('${META}', payload);
          return data;
        }
        export async function notify(to: string) {
          try {
            await post({ messaging_product: 'whatsapp', to, type: 'template' });
          } catch (e) {
            throw new SendError('Could not notify ' + to, { retryable: false });
          }
        }
      `,
      errors: [
        {
          messageId: 'droppedThrow',
          data: thrown(META_DATA, 'e'),
          line: 10,
          column: 5,
          endLine: 10,
          endColumn: 73,
          suggestions: [
            {
              messageId: 'addCause',
              data: { caught: 'e' },
              output: code`
                import axios from 'axios';
                async function post(payload: object) {
                  const { data } = await axios.post('${META}', payload);
                  return data;
                }
                export async function notify(to: string) {
                  try {
                    await post({ messaging_product: 'whatsapp', to, type: 'template' });
                  } catch (e) {
                    throw new SendError('Could not notify ' + to, { cause: e, retryable: false });
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    // A try around fetch that throws: the catch sees the WhatsAppError and drops it.
    {
      code: code`
        export async function send(payload: object) {
          try {
            const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
            const body = await res.json();
            if (!res.ok) throw new WhatsAppError(body);
            return body;
          } catch (err) {
            throw new Error('WhatsApp send failed: ' + err.message);
          }
        }
      `,
      errors: [
        {
          messageId: 'droppedThrow',
          data: thrown(META_DATA, 'err'),
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'addCause',
              data: { caught: 'err' },
              output: code`
                export async function send(payload: object) {
                  try {
                    const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                    const body = await res.json();
                    if (!res.ok) throw new WhatsAppError(body);
                    return body;
                  } catch (err) {
                    throw new Error('WhatsApp send failed: ' + err.message, { cause: err });
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    // An empty options object becomes `{ cause: err }`.
    {
      code: code`
        import axios from 'axios';
        try {
          await axios.post('${META}', payload);
        } catch (err) {
          throw new Error('WhatsApp send failed', {});
        }
      `,
      errors: [
        {
          messageId: 'droppedThrow',
          data: thrown(META_DATA, 'err'),
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'addCause',
              data: { caught: 'err' },
              output: code`
                import axios from 'axios';
                try {
                  await axios.post('${META}', payload);
                } catch (err) {
                  throw new Error('WhatsApp send failed', { cause: err });
                }
              `,
            },
          ],
        },
      ],
    },
    // A cause that is only the message: reported, and no second cause is suggested.
    {
      code: code`
        import axios from 'axios';
        try {
          await axios.post('${META}', payload);
        } catch (err) {
          throw new Error('WhatsApp send failed', { cause: err.message });
        }
      `,
      errors: [{ messageId: 'droppedThrow', data: thrown(META_DATA, 'err'), line: 5, column: 3, endLine: 5, endColumn: 67, suggestions: [] }],
    },
    // No binding, no call with `new`, or more than two arguments: nothing to suggest.
    {
      code: code`
        import axios from 'axios';
        try {
          await axios.post('${META}', payload);
        } catch {
          throw new Error('WhatsApp is unreachable');
        }
      `,
      errors: [{ messageId: 'droppedThrow', data: thrown(META_DATA), line: 5, column: 3, endLine: 5, endColumn: 46, suggestions: [] }],
    },
    {
      code: code`
        import axios from 'axios';
        try {
          await axios.post('${META}', payload);
        } catch (err) {
          throw Error('WhatsApp send failed: ' + err.message);
        }
      `,
      errors: [{ messageId: 'droppedThrow', data: thrown(META_DATA, 'err'), line: 5, column: 3, endLine: 5, endColumn: 55, suggestions: [] }],
    },
    {
      code: code`
        import axios from 'axios';
        try {
          await axios.post('${META}', payload);
        } catch (err) {
          throw new SendError('meta-cloud', to, err.message);
        }
      `,
      errors: [{ messageId: 'droppedThrow', data: thrown(META_DATA, 'err'), line: 5, column: 3, endLine: 5, endColumn: 54, suggestions: [] }],
    },
    // A thrown sentence, and a returned one.
    {
      code: code`
        import axios from 'axios';
        try {
          await axios.post('${META}', payload);
        } catch (err) {
          throw 'WhatsApp send failed';
        }
      `,
      errors: [{ messageId: 'droppedThrow', data: thrown(META_DATA, 'err'), line: 5, column: 3, endLine: 5, endColumn: 32, suggestions: [] }],
    },
    {
      code: code`
        import axios from 'axios';
        export async function send(payload: object) {
          try {
            await axios.post('${META}', payload);
            return 'sent';
          } catch (err) {
            return 'The message could not be sent';
          }
        }
      `,
      errors: [{ messageId: 'droppedReturn', data: META_DATA, line: 7, column: 5, endLine: 7, endColumn: 44, suggestions: [] }],
    },
    // A code test that does not single out a code: `!==`, and the `else` of `===`.
    {
      code: code`
        import axios from 'axios';
        try {
          await axios.post('${META}', payload);
        } catch (err) {
          const code = err.response?.data?.error?.code;
          if (code !== 131047) throw new Error('Unexpected Cloud API error');
          throw err;
        }
      `,
      errors: [
        {
          messageId: 'droppedThrow',
          data: thrown(META_DATA, 'err'),
          line: 6,
          column: 24,
          endLine: 6,
          endColumn: 70,
          suggestions: [
            {
              messageId: 'addCause',
              data: { caught: 'err' },
              output: code`
                import axios from 'axios';
                try {
                  await axios.post('${META}', payload);
                } catch (err) {
                  const code = err.response?.data?.error?.code;
                  if (code !== 131047) throw new Error('Unexpected Cloud API error', { cause: err });
                  throw err;
                }
              `,
            },
          ],
        },
      ],
    },
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error) {
          if (body.error.code === 131047) {
            await sendTemplate(to);
          } else {
            throw new Error('WhatsApp send failed');
          }
        }
      `,
      errors: [{ messageId: 'droppedThrow', data: thrown(META_DATA), line: 7, column: 5, endLine: 7, endColumn: 45, suggestions: [] }],
    },

    // ══ String-code gateways ═════════════════════════════════════════════
    // wa-server, ky: a template with the message.
    {
      code: code`
        import ky from 'ky';
        try {
          await ky.post('${WA}', { json: payload }).json();
        } catch (err) {
          throw new Error(\`wa-server send failed: \${err.message}\`);
        }
      `,
      errors: [
        {
          messageId: 'droppedThrow',
          data: thrown(WA_DATA, 'err'),
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 60,
          suggestions: [
            {
              messageId: 'addCause',
              data: { caught: 'err' },
              output: code`
                import ky from 'ky';
                try {
                  await ky.post('${WA}', { json: payload }).json();
                } catch (err) {
                  throw new Error(\`wa-server send failed: \${err.message}\`, { cause: err });
                }
              `,
            },
          ],
        },
      ],
    },
    // wa-server, fetch: `res.status >= 400`.
    {
      code: code`
        const res = await fetch('${WA}', { method: 'POST', body: JSON.stringify(payload) });
        if (res.status >= 400) {
          throw new Error(\`wa-server responded \${res.status}\`);
        }
      `,
      errors: [{ messageId: 'droppedThrow', data: thrown(WA_DATA), line: 3, column: 3, endLine: 3, endColumn: 56, suggestions: [] }],
    },
    // wa-server: a `case` decides, the `default` drops the code.
    {
      code: code`
        import axios from 'axios';
        try {
          await axios.post('${WA}', payload);
        } catch (err) {
          switch (err.response?.data?.error?.code) {
            case 'logged_out':
              throw new Error('The device was logged out; scan a new QR');
            default:
              throw new Error('wa-server send failed');
          }
        }
      `,
      errors: [
        {
          messageId: 'droppedThrow',
          data: thrown(WA_DATA, 'err'),
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'addCause',
              data: { caught: 'err' },
              output: code`
                import axios from 'axios';
                try {
                  await axios.post('${WA}', payload);
                } catch (err) {
                  switch (err.response?.data?.error?.code) {
                    case 'logged_out':
                      throw new Error('The device was logged out; scan a new QR');
                    default:
                      throw new Error('wa-server send failed', { cause: err });
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    // Digiworld, got: a service returning the message.
    {
      code: code`
        import got from 'got';
        export async function send(payload: object) {
          try {
            return await got.post('${DIGI}', { json: payload }).json();
          } catch (err) {
            return { ok: false, error: err.message };
          }
        }
      `,
      errors: [{ messageId: 'droppedReturn', data: DIGI_DATA, line: 6, column: 5, endLine: 6, endColumn: 46, suggestions: [] }],
    },
    // Digiworld, fetch: `res.status !== 200` with the human message only.
    {
      code: code`
        const res = await fetch('${DIGI}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (res.status !== 200) throw new Error(body.message);
      `,
      errors: [{ messageId: 'droppedThrow', data: thrown(DIGI_DATA), line: 3, column: 25, endLine: 3, endColumn: 55, suggestions: [] }],
    },
    // Digiworld: 402 decides; any other status drops the code.
    {
      code: code`
        const res = await fetch('${DIGI}', { method: 'POST', body: JSON.stringify(payload) });
        if (!res.ok) {
          if (res.status === 402) throw new Error('Top up the Digiworld wallet');
          throw new Error(\`Digiworld error \${res.status}\`);
        }
      `,
      errors: [{ messageId: 'droppedThrow', data: thrown(DIGI_DATA), line: 4, column: 3, endLine: 4, endColumn: 52, suggestions: [] }],
    },
    // MsgBubbles, ofetch: the caught error is named like the property that drops it.
    {
      code: code`
        import { ofetch } from 'ofetch';
        export async function send(payload: object) {
          try {
            return await ofetch('${BUBBLES}', { method: 'POST', body: payload });
          } catch (error) {
            return { ok: false, error: error.message };
          }
        }
      `,
      errors: [{ messageId: 'droppedReturn', data: BUBBLES_DATA, line: 6, column: 5, endLine: 6, endColumn: 48, suggestions: [] }],
    },
    // Digiworld: a `data` property (a key, not the `data` variable) does not keep the body.
    {
      code: code`
        export async function send(payload: object) {
          const res = await fetch('${DIGI}', { method: 'POST', body: JSON.stringify(payload) });
          const data = await res.json();
          if (!res.ok) return { success: false, data: null, error: 'Digiworld send failed' };
          return { success: true, data };
        }
      `,
      errors: [{ messageId: 'droppedReturn', data: DIGI_DATA, line: 4, column: 16, endLine: 4, endColumn: 86, suggestions: [] }],
    },
    // MsgBubbles: `'error' in body`, a template.
    {
      code: code`
        export async function send(payload: object) {
          const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
          const body = await res.json();
          if ('error' in body) return \`MsgBubbles: \${body.message}\`;
          return body.id;
        }
      `,
      errors: [{ messageId: 'droppedReturn', data: BUBBLES_DATA, line: 4, column: 24, endLine: 4, endColumn: 61, suggestions: [] }],
    },
    // Digiworld, got: `.json().catch(...)` further down the chain.
    {
      code: code`
        import got from 'got';
        export const send = (payload: object) =>
          got
            .post('${DIGI}', { json: payload })
            .json()
            .catch((err) => ({ ok: false, error: err.message }));
      `,
      errors: [{ messageId: 'droppedReturn', data: DIGI_DATA, line: 6, column: 22, endLine: 6, endColumn: 55, suggestions: [] }],
    },
    // CEQUENS: the errors array is set, and only its title is kept.
    {
      code: code`
        const res = await fetch('${CEQUENS}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.errors?.length) throw new Error(body.errors[0].title);
      `,
      errors: [{ messageId: 'droppedThrow', data: thrown(CEQUENS_DATA), line: 3, column: 26, endLine: 3, endColumn: 64, suggestions: [] }],
    },
    // CEQUENS, axios `.catch(...)`.
    {
      code: code`
        import axios from 'axios';
        axios.post('${CEQUENS}', payload).catch((err) => {
          throw new Error('CEQUENS send failed: ' + err.message);
        });
      `,
      errors: [
        {
          messageId: 'droppedThrow',
          data: thrown(CEQUENS_DATA, 'err'),
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'addCause',
              data: { caught: 'err' },
              output: code`
                import axios from 'axios';
                axios.post('${CEQUENS}', payload).catch((err) => {
                  throw new Error('CEQUENS send failed: ' + err.message, { cause: err });
                });
              `,
            },
          ],
        },
      ],
    },

    // ══ Connexease ═══════════════════════════════════════════════════════
    // axios: the description (or a fallback sentence) only.
    {
      code: code`
        import axios from 'axios';
        try {
          await axios.post('${CONNEX}', payload);
        } catch (err) {
          throw new Error(err.response?.data?.errors?.description ?? 'Connexease send failed');
        }
      `,
      errors: [
        {
          messageId: 'droppedThrow',
          data: thrown(CONNEX_DATA, 'err'),
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 88,
          suggestions: [
            {
              messageId: 'addCause',
              data: { caught: 'err' },
              output: code`
                import axios from 'axios';
                try {
                  await axios.post('${CONNEX}', payload);
                } catch (err) {
                  throw new Error(err.response?.data?.errors?.description ?? 'Connexease send failed', { cause: err });
                }
              `,
            },
          ],
        },
      ],
    },
    // A 2xx with `isSuccess: false`: `!body.isSuccess`.
    {
      code: code`
        const res = await fetch('${CONNEX}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (!body.isSuccess) throw new Error(body.errors.description);
      `,
      errors: [{ messageId: 'droppedThrow', data: thrown(CONNEX_DATA), line: 3, column: 22, endLine: 3, endColumn: 63, suggestions: [] }],
    },
    // `body.isSuccess === false`: a `{ success: false }` object with the description.
    {
      code: code`
        export async function send(payload: object) {
          const res = await fetch('${CONNEX}', { method: 'POST', body: JSON.stringify(payload) });
          const body = await res.json();
          if (body.isSuccess === false) {
            return { success: false, error: body.errors.description };
          }
          return { success: true };
        }
      `,
      errors: [{ messageId: 'droppedReturn', data: CONNEX_DATA, line: 5, column: 5, endLine: 5, endColumn: 63, suggestions: [] }],
    },
    // `body.errors` set: a fixed sentence.
    {
      code: code`
        export async function send(payload: object) {
          const res = await fetch('${CONNEX}', { method: 'POST', body: JSON.stringify(payload) });
          const body = await res.json();
          if (body.errors) return { ok: false, error: 'Connexease rejected the message' };
        }
      `,
      errors: [{ messageId: 'droppedReturn', data: CONNEX_DATA, line: 4, column: 20, endLine: 4, endColumn: 83, suggestions: [] }],
    },
  ],
});

// ─── Error paths read right (issue 15, 16) ─────────────────────────────────────
ruleTester.run('preserve-error-code: the rest after a success return, network-only catches, helpers, stand-ins', rule, {
  valid: [
    // a Page photo looked up by id (its link read) is no Cloud API request
    {
      filename: 'photos.ts',
      code: code`
        import axios from 'axios';
        const GRAPH = 'https://graph.facebook.com/v21.0';
        export async function photoLink(photoId: string) {
          try {
            const { data } = await axios.get(\`\${GRAPH}/\${photoId}\`);
            return data.link as string;
          } catch (error) {
            throw new Error('lookup failed');
          }
        }
      `,
    },
    // a catch around fetch only sees network errors: no provider code reaches it (the failure returns its body)
    code`
      export async function send(payload: object) {
        try {
          const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
          if (!res.ok) return { ok: false as const, error: await res.json() };
          return { ok: true as const };
        } catch (err) {
          throw new Error('WhatsApp unreachable');
        }
      }
    `,
    // a body parsed through a same-file helper is the parsed error body: passing it whole keeps the code
    code`
      async function readJsonSafe(res: Response) {
        return res.json().catch(() => null);
      }
      export async function send(payload: object) {
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const data = await readJsonSafe(res);
        if (!res.ok) throw new WhatsAppError('send failed', data);
        return data;
      }
    `,
    // the provider's errors are rethrown first: what is wrapped after is a network or parse error
    code`
      import axios from 'axios';
      class WhatsAppApiError extends Error {}
      export async function send(payload: object) {
        try {
          return await axios.post('${META}', payload);
        } catch (e) {
          if (e instanceof WhatsAppApiError) throw e;
          if (axios.isAxiosError(e) && e.response) throw e;
          throw new Error(\`Could not reach WhatsApp: \${(e as Error).message}\`);
        }
      }
    `,
    // a stand-in of the same kind as the success value (text for text) is a degraded result, not a failure report
    code`
      import axios from 'axios';
      export async function templateName(id: string) {
        try {
          const { data } = await axios.get(\`https://graph.facebook.com/v21.0/\${id}/message_templates\`);
          return data.data[0].name;
        } catch {
          return 'Unknown template';
        }
      }
    `,
    // the code kept as text by its own toString(), with a tag of the wrapper's own when there is none
    code`
      export async function send(payload: object): Promise<{ success: boolean; messageId?: string; error?: string; errorCode?: string }> {
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const data = await res.json();
        if (res.ok && data.messages?.[0]?.id) return { success: true, messageId: data.messages[0].id };
        const errorCode = data.error?.code?.toString() || 'UNKNOWN';
        return { success: false, error: data.error?.message ?? 'send failed', errorCode };
      }
    `,
    // a status that is a word is no failure flag: a queued message is a result, not a dropped failure
    code`
      import axios from 'axios';
      export async function enqueue(api: string, to: string, text: string) {
        try {
          await axios.post(\`\${api}/messages\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body: text } });
          return { status: 'sent' };
        } catch {
          return { status: 'queued' };
        }
      }
    `,
    // the code kept through a conditional and String()
    code`
      export async function send(payload: object) {
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (!res.ok) {
          const code = body.error?.code ? String(body.error.code) : 'unknown';
          return { ok: false, errorCode: code };
        }
        return { ok: true, id: body.messages[0].id };
      }
    `,
  ],
  invalid: [
    // after `if (res.ok) return …;` the rest of the function is the error path
    {
      code: code`
        export async function send(payload: object) {
          const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
          if (res.ok) return res.json();
          throw new Error(\`WhatsApp send failed with HTTP \${res.status}\`);
        }
      `,
      errors: [{ messageId: 'droppedThrow', data: thrown(META_DATA), line: 4, column: 3, endLine: 4, endColumn: 67, suggestions: [] }],
    },
    // the same after `if (body.isSuccess) return …;`
    {
      code: code`
        export async function send(payload: object) {
          const res = await fetch('${CONNEX}', { method: 'POST', body: JSON.stringify(payload) });
          const body = await res.json();
          if (body.isSuccess) return body.data;
          return { ok: false, error: 'Connexease send failed' };
        }
      `,
      errors: [{ messageId: 'droppedReturn', data: CONNEX_DATA, line: 5, column: 3, endLine: 5, endColumn: 57 }],
    },
    // a media lookup by bare id (its response's url is read) in a file named for nothing: a Cloud API request
    {
      filename: 'files.ts',
      code: code`
        import axios from 'axios';
        const GRAPH = 'https://graph.facebook.com/v21.0';
        export async function fileUrl(id: string) {
          try {
            const { data } = await axios.get(\`\${GRAPH}/\${id}\`);
            return data.url as string;
          } catch (error) {
            throw new Error('lookup failed');
          }
        }
      `,
      errors: [
        {
          messageId: 'droppedThrow',
          data: thrown(META_REQUEST_DATA, 'error'),
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'addCause',
              data: { caught: 'error' },
              output: code`
                import axios from 'axios';
                const GRAPH = 'https://graph.facebook.com/v21.0';
                export async function fileUrl(id: string) {
                  try {
                    const { data } = await axios.get(\`\${GRAPH}/\${id}\`);
                    return data.url as string;
                  } catch (error) {
                    throw new Error('lookup failed', { cause: error });
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    // a multipart upload whose form says messaging_product whatsapp, under a base URL from configuration
    {
      filename: 'uploads.ts',
      code: code`
        import axios from 'axios';
        import FormData from 'form-data';
        declare const settings: { apiUrl: string };
        export async function upload(id: string, file: Buffer) {
          const form = new FormData();
          form.append('messaging_product', 'whatsapp');
          form.append('file', file);
          return axios.post(\`\${settings.apiUrl}/\${id}/media\`, form).catch(() => {
            throw new Error('upload failed');
          });
        }
      `,
      errors: [{ messageId: 'droppedThrow', data: thrown(META_REQUEST_DATA), line: 9, column: 5, endLine: 9, endColumn: 38, suggestions: [] }],
    },
    // a helper that always throws throws what it is given (a templates request: 190 and 100, not the send codes)
    {
      code: code`
        import axios from 'axios';
        function fail(message: string): never {
          console.error(message);
          throw new Error(message);
        }
        export function listTemplates(wabaId: string) {
          return axios.get(\`https://graph.facebook.com/v21.0/\${wabaId}/message_templates\`).catch((e) => fail(\`templates: \${e.response?.data?.error?.message}\`));
        }
      `,
      errors: [{ messageId: 'droppedThrow', data: thrown(META_REQUEST_DATA, 'e'), line: 7, column: 97, endLine: 7, endColumn: 151 }],
    },
    // the error turned into text keeps only the text, like err.message
    {
      code: code`
        import axios from 'axios';
        export async function send(payload: object) {
          try {
            return await axios.post('${META}', payload);
          } catch (err) {
            throw new Error(\`send failed: \${err}\`);
          }
        }
      `,
      errors: [
        {
          messageId: 'droppedThrow',
          data: thrown(META_DATA, 'err'),
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'addCause',
              data: { caught: 'err' },
              output: code`
                import axios from 'axios';
                export async function send(payload: object) {
                  try {
                    return await axios.post('${META}', payload);
                  } catch (err) {
                    throw new Error(\`send failed: \${err}\`, { cause: err });
                  }
                }
              `,
            },
          ],
        },
      ],
    },
  ],
});

// ─── Where no provider code reaches (issue 15, real-code round 2) ──────────────
// Snippets with a `filename` are linted as files of a small fixture app, so
// their imports resolve there: src/cloud.ts throws the app's CloudApiError
// (src/errors.ts) on a failed send, `welcome` logs its own failed send,
// `notify` lets axios reject.
const PATHS_APP = fileURLToPath(new URL('../fixtures/cross-file/error-paths/', import.meta.url));

ruleTester.run('preserve-error-code: paths no provider code reaches, codes kept on the error, error classes', rule, {
  valid: [
    // Gupshup's codes all arrive in failed message events, never in a response: a rewrap of a send's error loses none
    code`
      import axios from 'axios';
      export async function sendText(to: string, text: string) {
        try {
          const res = await axios.post('https://api.gupshup.io/wa/api/v1/msg', new URLSearchParams({ channel: 'whatsapp', destination: to, message: text }), { headers: { apikey: key } });
          return res.data.messageId;
        } catch (err) {
          throw new Error(\`Gupshup send failed: \${err.message}\`);
        }
      }
    `,
    // a queue that reaches another file's service through a handler and a generic dispatch: the service's own
    // catch is that file's finding, never reported here at the other file's line (src/outbox/notifier.ts)
    {
      filename: `${PATHS_APP}src/outbox/queue.ts`,
      code: code`
        import { Worker } from 'bullmq';
        import { ReminderHandler } from './handler';
        export class Outbox {
          private readonly workers = new Map<string, Worker>();
          constructor(private readonly handler: ReminderHandler) {}
          start(kind: string) {
            if (!this.workers.has(kind)) this.listen(kind);
            return this.workers.get(kind);
          }
          private listen(kind: string) {
            const worker = new Worker(kind, async (job) => {
              switch (kind) {
                case 'reminder':
                  await this.handler.handle(job.data.to);
                  break;
              }
            });
            this.workers.set(kind, worker);
          }
        }
      `,
    },
    // the branch that had the provider's error object kept it and left: what falls through had no code
    code`
      import axios from 'axios';
      export async function publish(wabaId: string, template: object) {
        try {
          return (await axios.post(\`https://graph.facebook.com/v21.0/\${wabaId}/message_templates\`, template)).data;
        } catch (e: any) {
          const details = e.response?.data?.error;
          if (details) {
            throw new TemplateError({ code: details.code, text: details.message });
          }
          throw new TemplateError(e.message || 'Template not published');
        }
      }
    `,
    // a failure branch on a value only a success has, after a client that rejects on HTTP errors: a 2xx body has no code
    code`
      import axios from 'axios';
      export async function verify(phoneNumberId: string, log: (line: string) => void) {
        try {
          const { data } = await axios.post(\`https://graph.facebook.com/v21.0/\${phoneNumberId}/register\`, { messaging_product: 'whatsapp', pin: '000111' });
          if (!data.success) {
            throw new Error('Registration not confirmed');
          }
        } catch (e) {
          log(\`register failed: \${JSON.stringify((e as any).response?.data)}\`);
        }
      }
    `,
    code`
      import axios from 'axios';
      export async function send(to: string, text: string) {
        const { data } = await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: text } });
        if (!data.messages?.[0]?.id) return { ok: false, reason: 'accepted without a message id' };
        return { ok: true, id: data.messages[0].id };
      }
    `,
    // after \`if (!res.ok) return …\` that kept the code, only 2xx bodies get further
    code`
      export async function send(payload: object) {
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (!res.ok) return { ok: false as const, errorCode: body.error?.code };
        const messageId = body.messages?.[0]?.id;
        if (!messageId) return { ok: false as const, errorCode: 'no_message_id' };
        return { ok: true as const, messageId };
      }
    `,
    // the code attached to the error before it is thrown
    code`
      export async function send(payload: object) {
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (!res.ok) {
          const failure = new Error(body.error?.message ?? 'WhatsApp rejected the message');
          (failure as any).details = body.error;
          throw failure;
        }
        return body;
      }
    `,
    code`
      export async function send(payload: object) {
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (!res.ok) {
          const failure = new Error('WhatsApp rejected the message');
          Object.assign(failure, { code: body.error.code });
          throw failure;
        }
        return body;
      }
    `,
    // a wrapper that hands back the error body, or throws when there was no response at all; its caller keeps the code
    code`
      import axios from 'axios';
      async function call(wabaId: string, template: object) {
        try {
          return (await axios.post(\`https://graph.facebook.com/v21.0/\${wabaId}/message_templates\`, template)).data;
        } catch (e: any) {
          if (e.response?.data) return e.response.data;
          throw new Error(\`No answer from Meta: \${e.message}\`);
        }
      }
      export async function publish(wabaId: string, template: object) {
        const result = await call(wabaId, template);
        if (!result || result.error) {
          if (result?.error) {
            const failure = new Error(result.error.message);
            (failure as any).meta = result.error;
            throw failure;
          }
          throw new Error('Template not published');
        }
        return result;
      }
    `,
    // a stand-in made from the function's own inputs, where it returns text
    code`
      import axios from 'axios';
      export async function describeTemplate(wabaId: string, name: string): Promise<string> {
        try {
          const { data } = await axios.get(\`https://graph.facebook.com/v21.0/\${wabaId}/message_templates\`, { params: { name } });
          const found = data.data[0];
          if (!found) throw new Error('Template not found');
          return JSON.stringify(found.components);
        } catch (e) {
          console.debug('no preview', e);
          return \`Template "\${name}"\`;
        }
      }
    `,
    // a catch around a same-file function that logs its own failed send: only the database error reaches it
    code`
      import axios from 'axios';
      declare const db: { insert(row: object): Promise<{ id: string }> };
      async function subscribe(phone: string) {
        const row = await db.insert({ phone });
        try {
          await axios.post('${META}', { messaging_product: 'whatsapp', to: phone, type: 'text', text: { body: 'Subscribed' } });
        } catch (err) {
          console.error('confirmation not sent', err);
        }
        return row;
      }
      export async function handle(phone: string) {
        try {
          return await subscribe(phone);
        } catch (err) {
          throw new HttpError(500, 'Could not subscribe');
        }
      }
    `,
    // the same with the function in another file
    {
      filename: `${PATHS_APP}src/signup.controller.ts`,
      code: code`
        import { welcome } from './cloud';
        export async function signup(phone: string) {
          try {
            return await welcome(phone);
          } catch (error) {
            throw new HttpError(500, 'Signup failed');
          }
        }
      `,
    },
    // the app's own error class that carries the code, rethrown first (class and wrapper in this file)
    code`
      class SendError extends Error {
        constructor(readonly code: number) {
          super(\`WhatsApp error \${code}\`);
        }
      }
      async function post(payload: object) {
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (!res.ok) throw new SendError(body.error.code);
        return body;
      }
      export async function send(payload: object) {
        try {
          return await post(payload);
        } catch (e) {
          if (e instanceof SendError) throw e;
          throw new Error(\`WhatsApp unreachable: \${(e as Error).message}\`);
        }
      }
    `,
    // … thrown in the try block itself on a failed response
    code`
      class SendError extends Error {
        constructor(readonly body: unknown) {
          super('WhatsApp rejected the message');
        }
      }
      export async function send(payload: object) {
        try {
          const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
          if (!res.ok) throw new SendError(await res.json());
          return await res.json();
        } catch (e) {
          if (e instanceof SendError) throw e;
          throw new Error('WhatsApp unreachable');
        }
      }
    `,
    // … and in other files: the class in errors.ts, the wrapper that throws it in cloud.ts
    {
      filename: `${PATHS_APP}src/orders.ts`,
      code: code`
        import { postMessage } from './cloud';
        import { CloudApiError } from './errors';
        export async function confirmOrder(phoneNumberId: string, to: string) {
          try {
            return await postMessage(phoneNumberId, { to, type: 'text', text: { body: 'Order confirmed' } });
          } catch (e) {
            if (e instanceof CloudApiError) throw e;
            throw new Error(\`Order confirmation not sent: \${(e as Error).message}\`);
          }
        }
      `,
    },
    // the body read as text and parsed (`JSON.parse(await res.text())`) is the body: handed to another file's
    // classifier, which keeps its code (src/classify.ts)
    {
      filename: `${PATHS_APP}src/profile.ts`,
      code: code`
        import { classifyGraphError, type GraphErrorBody } from './classify';
        export async function readProfile(phoneNumberId: string) {
          const res = await fetch(\`https://graph.facebook.com/v21.0/\${phoneNumberId}/whatsapp_business_profile\`);
          if (!res.ok) {
            const text = await res.text();
            let body: GraphErrorBody | null = null;
            try {
              body = JSON.parse(text) as GraphErrorBody;
            } catch {
              // an HTML page from a proxy: classified by the status alone
            }
            throw classifyGraphError(res.status, body);
          }
          return res.json();
        }
      `,
    },
    // … with a fallback object in the `catch` instead: the variable still holds the parsed body, handed on whole
    {
      filename: `${PATHS_APP}src/profile.ts`,
      code: code`
        export class GraphError extends Error {
          constructor(readonly body: unknown) {
            super('Graph request failed');
          }
        }
        export async function readProfile(phoneNumberId: string) {
          const res = await fetch(\`https://graph.facebook.com/v21.0/\${phoneNumberId}/whatsapp_business_profile\`);
          const text = await res.text();
          let body: any;
          try {
            body = JSON.parse(text);
          } catch {
            body = { error: { message: text } };
          }
          if (!res.ok) throw new GraphError(body);
          return body;
        }
      `,
    },
    // … parsed in a helper of the file that hands on the classifier's error
    {
      filename: `${PATHS_APP}src/profile.ts`,
      code: code`
        import { classifyGraphError } from './classify';
        export class ProfileApi {
          async update(phoneNumberId: string, about: string) {
            const res = await fetch(\`https://graph.facebook.com/v21.0/\${phoneNumberId}/whatsapp_business_profile\`, {
              method: 'POST',
              body: JSON.stringify({ messaging_product: 'whatsapp', about }),
            });
            if (!res.ok) throw this.toError(res.status, await res.text());
          }
          private toError(status: number, text: string) {
            let body = null;
            try {
              body = JSON.parse(text);
            } catch {
              // not JSON
            }
            return classifyGraphError(status, body);
          }
        }
      `,
    },
    // ky's HTTPError singled out and rethrown
    code`
      import ky, { HTTPError } from 'ky';
      export async function send(payload: object) {
        try {
          return await ky.post('${META}', { json: payload }).json();
        } catch (e) {
          if (e instanceof HTTPError) throw e;
          throw new Error(\`WhatsApp unreachable: \${String(e)}\`);
        }
      }
    `,
  ],
  invalid: [
    // another file's send kept in a field as the default of an injectable one (`options.notify || notify`):
    // axios rejects with the Cloud API body, and the catch keeps only the message
    {
      filename: `${PATHS_APP}src/digest.ts`,
      code: code`
        import { notify } from './cloud';
        type Notify = typeof notify;
        export class DailyDigest {
          private readonly notify: Notify;
          constructor(options: { notify?: Notify } = {}) {
            this.notify = options.notify || notify;
          }
          async send(phone: string, lines: string[]) {
            try {
              await this.notify(phone, lines.join('\\n'));
              return { ok: true };
            } catch (err) {
              return { ok: false, error: err.message };
            }
          }
        }
      `,
      errors: [{ messageId: 'droppedReturn', data: META_DATA, line: 13, column: 7, endLine: 13, endColumn: 48, suggestions: [] }],
    },
    // decoy: the helper hands the classifier only text made of the body, so the code is gone
    {
      filename: `${PATHS_APP}src/profile.ts`,
      code: code`
        import { classifyGraphError } from './classify';
        export class ProfileApi {
          async update(phoneNumberId: string, about: string) {
            const res = await fetch(\`https://graph.facebook.com/v21.0/\${phoneNumberId}/whatsapp_business_profile\`, {
              method: 'POST',
              body: JSON.stringify({ messaging_product: 'whatsapp', about }),
            });
            if (!res.ok) throw this.toError(res.status, await res.text());
          }
          private toError(status: number, text: string) {
            return classifyGraphError(status, { error: { message: \`HTTP \${status}: \${text}\` } });
          }
        }
      `,
      errors: [{ messageId: 'droppedThrow', data: thrown(META_DATA), line: 8, column: 18 }],
    },
    // the branch that had the error object did not leave: the code still falls through to the last throw
    {
      code: code`
        import axios from 'axios';
        export async function publish(wabaId: string, template: object) {
          try {
            return (await axios.post(\`https://graph.facebook.com/v21.0/\${wabaId}/message_templates\`, template)).data;
          } catch (e: any) {
            const details = e.response?.data?.error;
            if (details) console.warn('Meta said', details.code);
            throw new TemplateError(e.message || 'Template not published');
          }
        }
      `,
      errors: [
        {
          messageId: 'droppedThrow',
          data: thrown(META_REQUEST_DATA, 'e'),
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 68,
          suggestions: [
            {
              messageId: 'addCause',
              data: { caught: 'e' },
              output: code`
                import axios from 'axios';
                export async function publish(wabaId: string, template: object) {
                  try {
                    return (await axios.post(\`https://graph.facebook.com/v21.0/\${wabaId}/message_templates\`, template)).data;
                  } catch (e: any) {
                    const details = e.response?.data?.error;
                    if (details) console.warn('Meta said', details.code);
                    throw new TemplateError(e.message || 'Template not published', { cause: e });
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    // fetch resolves on HTTP errors: a branch on a missing success field also sees the error body
    {
      code: code`
        export async function send(payload: object) {
          const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
          const body = await res.json();
          if (!body.messages?.[0]?.id) return { ok: false, reason: 'WhatsApp did not accept the message' };
          return { ok: true, id: body.messages[0].id };
        }
      `,
      errors: [{ messageId: 'droppedReturn', data: META_DATA, line: 4, column: 32, endLine: 4, endColumn: 100 }],
    },
    // the \`!res.ok\` branch only logs: the error body reaches the check that follows
    {
      code: code`
        export async function send(payload: object) {
          const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
          const body = await res.json();
          if (!res.ok) console.warn('send failed', res.status);
          const messageId = body.messages?.[0]?.id;
          if (!messageId) return { ok: false as const, errorCode: 'no_message_id' };
          return { ok: true as const, messageId };
        }
      `,
      errors: [{ messageId: 'droppedReturn', data: META_DATA, line: 6, column: 19, endLine: 6, endColumn: 77 }],
    },
    // only the message attached: the code is still lost
    {
      code: code`
        export async function send(payload: object) {
          const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
          const body = await res.json();
          if (!res.ok) {
            const failure = new Error('WhatsApp rejected the message');
            (failure as any).details = body.error.message;
            throw failure;
          }
          return body;
        }
      `,
      errors: [{ messageId: 'droppedThrow', data: thrown(META_DATA), line: 7, column: 5, endLine: 7, endColumn: 19, suggestions: [] }],
    },
    // a stand-in made from the error reports the failure
    {
      code: code`
        import axios from 'axios';
        export async function describeTemplate(wabaId: string, name: string): Promise<string> {
          try {
            const { data } = await axios.get(\`https://graph.facebook.com/v21.0/\${wabaId}/message_templates\`, { params: { name } });
            return JSON.stringify(data.data[0].components);
          } catch (e: any) {
            return \`Preview failed: \${e.message}\`;
          }
        }
      `,
      errors: [{ messageId: 'droppedReturn', data: META_REQUEST_DATA, line: 7, column: 5, endLine: 7, endColumn: 43 }],
    },
    // without singling out the class, the code thrown in the try reaches the last throw
    {
      code: code`
        class SendError extends Error {
          constructor(readonly body: unknown) {
            super('WhatsApp rejected the message');
          }
        }
        export async function send(payload: object) {
          try {
            const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
            if (!res.ok) throw new SendError(await res.json());
            return await res.json();
          } catch (e) {
            throw new Error('WhatsApp unreachable');
          }
        }
      `,
      errors: [
        {
          messageId: 'droppedThrow',
          data: thrown(META_DATA, 'e'),
          line: 12,
          column: 5,
          endLine: 12,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'addCause',
              data: { caught: 'e' },
              output: code`
                class SendError extends Error {
                  constructor(readonly body: unknown) {
                    super('WhatsApp rejected the message');
                  }
                }
                export async function send(payload: object) {
                  try {
                    const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                    if (!res.ok) throw new SendError(await res.json());
                    return await res.json();
                  } catch (e) {
                    throw new Error('WhatsApp unreachable', { cause: e });
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    // the function in another file lets axios reject: the send's code reaches this catch
    {
      filename: `${PATHS_APP}src/reminder.controller.ts`,
      code: code`
        import { notify } from './cloud';
        export async function remind(phone: string) {
          try {
            await notify(phone, 'Your appointment is tomorrow');
          } catch (error) {
            throw new HttpError(502, 'Reminder failed');
          }
        }
      `,
      errors: [{ messageId: 'droppedThrow', data: thrown(META_DATA, 'error'), line: 6, column: 5, endLine: 6, endColumn: 49, suggestions: [] }],
    },
    // a class that says nothing about the provider (a job engine's) does not single out its errors
    {
      code: code`
        import ky from 'ky';
        import { NonRetriableError } from 'inngest';
        export async function send(payload: object) {
          try {
            return await ky.post('${META}', { json: payload }).json();
          } catch (e) {
            if (e instanceof NonRetriableError) throw e;
            throw new NonRetriableError(\`WhatsApp send failed: \${(e as Error).message}\`);
          }
        }
      `,
      errors: [
        {
          messageId: 'droppedThrow',
          data: thrown(META_DATA, 'e'),
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 82,
          suggestions: [
            {
              messageId: 'addCause',
              data: { caught: 'e' },
              output: code`
                import ky from 'ky';
                import { NonRetriableError } from 'inngest';
                export async function send(payload: object) {
                  try {
                    return await ky.post('${META}', { json: payload }).json();
                  } catch (e) {
                    if (e instanceof NonRetriableError) throw e;
                    throw new NonRetriableError(\`WhatsApp send failed: \${(e as Error).message}\`, { cause: e });
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    // … nor does an app class that the code behind the try never throws for a provider failure
    {
      filename: `${PATHS_APP}src/checkout.ts`,
      code: code`
        import { postMessage } from './cloud';
        import { InputError } from './errors';
        export async function receipt(phoneNumberId: string, to: string) {
          try {
            return await postMessage(phoneNumberId, { to, type: 'text', text: { body: 'Paid' } });
          } catch (e) {
            if (e instanceof InputError) throw e;
            throw new Error(\`Receipt not sent: \${(e as Error).message}\`);
          }
        }
      `,
      errors: [
        {
          messageId: 'droppedThrow',
          data: thrown(META_DATA, 'e'),
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'addCause',
              data: { caught: 'e' },
              output: code`
                import { postMessage } from './cloud';
                import { InputError } from './errors';
                export async function receipt(phoneNumberId: string, to: string) {
                  try {
                    return await postMessage(phoneNumberId, { to, type: 'text', text: { body: 'Paid' } });
                  } catch (e) {
                    if (e instanceof InputError) throw e;
                    throw new Error(\`Receipt not sent: \${(e as Error).message}\`, { cause: e });
                  }
                }
              `,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('preserve-error-code: text that is never empty before `||`', rule, {
  valid: [
    // the provider's error object before \`||\` keeps its code; the error itself is passed only without a body
    code`
      import axios from 'axios';
      export async function notify(to: string) {
        try {
          await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } });
          return { success: true };
        } catch (err) {
          return { success: false, error: err.response?.data?.error || err };
        }
      }
    `,
    // `err.message` can be empty, so `|| err` can pass the error whole
    code`
      import axios from 'axios';
      export async function upload(form: FormData) {
        try {
          const res = await axios.post('${META}', form);
          return res.data.id;
        } catch (err) {
          throw new ServerError(err.message || err);
        }
      }
    `,
    // the chain can break on a missing body, and then the error itself is passed
    code`
      import axios from 'axios';
      export async function upload(form: FormData) {
        try {
          const res = await axios.post('${META}', form);
          return res.data.id;
        } catch (err) {
          throw new ServerError(err.response?.data?.toString() || err);
        }
      }
    `,
  ],
  invalid: [
    // the provider's message before \`||\`: Meta's error body always has one, so the error itself is passed only without a body
    {
      code: code`
        import axios from 'axios';
        export async function notify(to: string) {
          try {
            await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } });
            return { success: true };
          } catch (err) {
            return { success: false, error: err.response?.data?.error?.message || err };
          }
        }
      `,
      errors: [{ messageId: 'droppedReturn', data: META_DATA, line: 7, column: 5, endLine: 7, endColumn: 81, suggestions: [] }],
    },
    // `err?.toString() || err`: the text is never empty, so `err` is passed only when it is missing
    {
      code: code`
        import axios from 'axios';
        export async function upload(form: FormData) {
          try {
            const res = await axios.post('${META}', form);
            return res.data.id;
          } catch (err) {
            throw new ServerError(err?.toString() || err);
          }
        }
      `,
      errors: [
        {
          messageId: 'droppedThrow',
          data: thrown(META_DATA, 'err'),
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'addCause',
              data: { caught: 'err' },
              output: code`
                import axios from 'axios';
                export async function upload(form: FormData) {
                  try {
                    const res = await axios.post('${META}', form);
                    return res.data.id;
                  } catch (err) {
                    throw new ServerError(err?.toString() || err, { cause: err });
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    // `String(e) ?? e` and a template with words: never empty either
    {
      code: code`
        import axios from 'axios';
        export async function upload(form: FormData) {
          try {
            const res = await axios.post('${META}', form);
            return res.data.id;
          } catch (e) {
            if (isTimeout(e)) throw new ServerError(String(e) ?? e);
            throw new ServerError(\`upload: \${e}\` || e);
          }
        }
      `,
      errors: [
        {
          messageId: 'droppedThrow',
          data: thrown(META_DATA, 'e'),
          line: 7,
          column: 23,
          endLine: 7,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'addCause',
              data: { caught: 'e' },
              output: code`
                import axios from 'axios';
                export async function upload(form: FormData) {
                  try {
                    const res = await axios.post('${META}', form);
                    return res.data.id;
                  } catch (e) {
                    if (isTimeout(e)) throw new ServerError(String(e) ?? e, { cause: e });
                    throw new ServerError(\`upload: \${e}\` || e);
                  }
                }
              `,
            },
          ],
        },
        {
          messageId: 'droppedThrow',
          data: thrown(META_DATA, 'e'),
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'addCause',
              data: { caught: 'e' },
              output: code`
                import axios from 'axios';
                export async function upload(form: FormData) {
                  try {
                    const res = await axios.post('${META}', form);
                    return res.data.id;
                  } catch (e) {
                    if (isTimeout(e)) throw new ServerError(String(e) ?? e);
                    throw new ServerError(\`upload: \${e}\` || e, { cause: e });
                  }
                }
              `,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('preserve-error-code: a failure kept only as a flag', rule, {
  valid: [
    // the catch keeps the error beside the flag
    code`
      import axios from 'axios';
      export async function deliver(to: string) {
        let delivered = false;
        let failure: unknown;
        try {
          await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } });
          delivered = true;
        } catch (err) {
          failure = err.response?.data ?? err;
        }
        await db.save({ to, status: delivered ? 'SENT' : 'FAILED', failure });
      }
    `,
    // the flag is never read after the try: nothing reports the failure through it
    code`
      import axios from 'axios';
      export async function deliver(to: string) {
        let delivered = false;
        try {
          await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } });
          delivered = true;
        } catch (err) {
          console.error(err);
        }
      }
    `,
    // the flag is returned or branched on, not recorded: a status, like \`catch { return false; }\`
    code`
      import axios from 'axios';
      export async function deliver(to: string) {
        let delivered = false;
        try {
          await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } });
          delivered = true;
        } catch (err) {
          console.error(err);
        }
        if (!delivered) metrics.increment('wa.failed');
        return delivered;
      }
    `,
    // the flag chooses a fallback send and is printed, never recorded: a log line records nothing
    code`
      import axios from 'axios';
      export async function remind(to: string) {
        let usedTemplate = false;
        try {
          await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'template', template: { name: 'reminder' } });
          usedTemplate = true;
        } catch (err) {
          console.warn('template failed, sending text', err.message);
        }
        if (!usedTemplate) await sendText(to, 'Your appointment is tomorrow');
        console.log(\`reminder sent (\${usedTemplate ? 'template' : 'text'})\`);
      }
    `,
    // fetch rejects only when the network fails: no code reaches the catch
    code`
      export async function deliver(to: string) {
        let delivered = false;
        try {
          const res = await fetch('${META}', { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to }) });
          if (!res.ok) throw new WhatsAppError(await res.json());
          delivered = true;
        } catch (err) {
          if (err instanceof WhatsAppError) throw err;
          console.error(err);
        }
        return delivered;
      }
    `,
  ],
  invalid: [
    // only a log line and \`delivered = false\` survive: the stored status cannot say which code failed
    {
      code: code`
        import axios from 'axios';
        export async function deliver(to: string, reply: { json(v: unknown): void }) {
          let delivered = false;
          try {
            await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } });
            delivered = true;
          } catch (err) {
            console.warn('send failed', err.response?.data?.error?.message ?? err.message);
          }
          await db.save({ to, status: delivered ? 'SENT' : 'FAILED' });
          reply.json({ success: delivered });
        }
      `,
      errors: [{ messageId: 'droppedFlag', data: { ...thrown(META_DATA, 'err'), flag: 'delivered' }, line: 7, column: 12, endLine: 7, endColumn: 15, suggestions: [] }],
    },
  ],
});

// ─── URLs read from configuration, instanceof rethrows in a mixed try (real-code round 4, R6) ──────
// Snippets in the error-paths app read `env` from its src/env.ts, whose schema gives
// GRAPH_BASE_URL the Graph API host as its default (a workspace package is read the
// same way, see test/analysis/cross-file.test.ts).

ruleTester.run('preserve-error-code: URLs from a validated env, a mixed try', rule, {
  valid: [
    // the same catch around a request to a key whose schema default is another API
    {
      filename: `${PATHS_APP}src/billing.ts`,
      code: code`
        import { env } from './env';
        import ky from 'ky';
        export async function invoice(wabaId: string) {
          const url = new URL(\`\${env.BILLING_API_URL}/v21.0/\${wabaId}/subscribed_apps\`);
          try {
            await ky.post(url);
          } catch {
            throw new Error('Could not create the invoice');
          }
        }
      `,
    },
    // a Graph-looking name that is not Meta's (Microsoft Graph's base URL), beside a Cloud API send
    code`
      import ky from 'ky';
      export const sendText = (phoneNumberId: string, to: string, body: string) =>
        ky.post(\`https://graph.facebook.com/v21.0/\${phoneNumberId}/messages\`, { json: { messaging_product: 'whatsapp', to, type: 'text', text: { body } } });
      export async function profile(phoneNumberId: string) {
        try {
          return await ky.get(new URL(\`\${process.env.GRAPH_API_URL}/v1.0/\${phoneNumberId}/profile\`)).json();
        } catch {
          throw new Error('Could not read the profile');
        }
      }
    `,
  ],
  invalid: [
    // the URL's host is the env package's schema default: graph.facebook.com
    {
      filename: `${PATHS_APP}src/setup.ts`,
      code: code`
        import { env } from './env';
        import ky from 'ky';
        export async function subscribe(wabaId: string) {
          const url = new URL(\`\${env.GRAPH_BASE_URL}/v21.0/\${wabaId}/subscribed_apps\`);
          try {
            await ky.post(url);
          } catch {
            throw new Error('Could not subscribe the app to this account');
          }
        }
      `,
      errors: [{ messageId: 'droppedThrow', data: thrown(META_REQUEST_DATA), line: 8, column: 5, endLine: 8, endColumn: 68, suggestions: [] }],
    },
    // an env var named for the Graph API; a paginated URL (`let` reassigned after its use in the loop)
    {
      code: code`
        import ky from 'ky';
        export const sendText = (phoneNumberId: string, to: string, body: string) =>
          ky.post(new URL(\`\${process.env.META_GRAPH_URL}/v21.0/\${phoneNumberId}/messages\`), { json: { messaging_product: 'whatsapp', to, type: 'text', text: { body } } });
        export async function listNumbers(wabaId: string) {
          const first = new URL(\`\${process.env.META_GRAPH_URL}/v21.0/\${wabaId}/phone_numbers\`);
          let next: string | undefined = first.toString();
          const all: unknown[] = [];
          try {
            while (next) {
              const page: { data: unknown[]; paging?: { next?: string } } = await ky.get(new URL(next)).json();
              all.push(...page.data);
              next = page.paging?.next;
            }
          } catch (err) {
            throw new Error('Could not list the phone numbers');
          }
          return all;
        }
      `,
      errors: [
        {
          messageId: 'droppedThrow',
          data: thrown(META_REQUEST_DATA, 'err'),
          line: 15,
          column: 5,
          endLine: 15,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'addCause',
              data: { caught: 'err' },
              output: code`
                import ky from 'ky';
                export const sendText = (phoneNumberId: string, to: string, body: string) =>
                  ky.post(new URL(\`\${process.env.META_GRAPH_URL}/v21.0/\${phoneNumberId}/messages\`), { json: { messaging_product: 'whatsapp', to, type: 'text', text: { body } } });
                export async function listNumbers(wabaId: string) {
                  const first = new URL(\`\${process.env.META_GRAPH_URL}/v21.0/\${wabaId}/phone_numbers\`);
                  let next: string | undefined = first.toString();
                  const all: unknown[] = [];
                  try {
                    while (next) {
                      const page: { data: unknown[]; paging?: { next?: string } } = await ky.get(new URL(next)).json();
                      all.push(...page.data);
                      next = page.paging?.next;
                    }
                  } catch (err) {
                    throw new Error('Could not list the phone numbers', { cause: err });
                  }
                  return all;
                }
              `,
            },
          ],
        },
      ],
    },
    // the app's error class is rethrown, but another call in the try lets axios's own error out (cloud.ts `notify`)
    {
      filename: `${PATHS_APP}src/shipping.ts`,
      code: code`
        import { notify, postMessage } from './cloud';
        import { CloudApiError } from './errors';
        export async function shipped(phoneNumberId: string, to: string) {
          try {
            await postMessage(phoneNumberId, { to, type: 'text', text: { body: 'Shipped' } });
            await notify(to, 'Track your parcel in the app');
          } catch (e) {
            if (e instanceof CloudApiError) throw e;
            throw new Error('Shipping notice not sent');
          }
        }
      `,
      errors: [
        {
          messageId: 'droppedThrow',
          data: thrown(META_DATA, 'e'),
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'addCause',
              data: { caught: 'e' },
              output: code`
                import { notify, postMessage } from './cloud';
                import { CloudApiError } from './errors';
                export async function shipped(phoneNumberId: string, to: string) {
                  try {
                    await postMessage(phoneNumberId, { to, type: 'text', text: { body: 'Shipped' } });
                    await notify(to, 'Track your parcel in the app');
                  } catch (e) {
                    if (e instanceof CloudApiError) throw e;
                    throw new Error('Shipping notice not sent', { cause: e });
                  }
                }
              `,
            },
          ],
        },
      ],
    },
  ],
});

// whatsapp-api-js's Media API resolves with the server's JSON, `{ error }` on failure, like its sends;
// a lookup sends no message, so the message cites the codes any request gets
// Twilio clients made only when configured, and Twilio Functions' own client.
const TWILIO_DATA = { provider: 'twilio', first: '63016', second: '63018', codeField: 'body.code' };

ruleTester.run('preserve-error-code: Twilio clients made conditionally or handed over by the runtime', rule, {
  valid: [
    // the code kept beside the message
    {
      code: code`
        import twilio from 'twilio';
        const client = sid && token ? twilio(sid, token) : null;
        export async function notify(to: string, body: string) {
          try {
            const m = await client.messages.create({ from: 'whatsapp:+14155238886', to: \`whatsapp:\${to}\`, body });
            return { ok: true, sid: m.sid };
          } catch (err) {
            return { ok: false, code: err.code, error: err.message };
          }
        }
      `,
      filename: 'notify.ts',
    },
    // a module-level let given the client only when configured: the code kept
    {
      code: code`
        import twilio from 'twilio';
        let client = null;
        if (sid && token) {
          try { client = twilio(sid, token); } catch (e) { console.error(e); }
        }
        export async function notify(to: string, body: string) {
          try {
            await client.messages.create({ from: 'whatsapp:+14155238886', to: \`whatsapp:\${to}\`, body });
            return { ok: true };
          } catch (err) {
            return { ok: false, code: err.code, error: err.message };
          }
        }
      `,
      filename: 'notify.ts',
    },
    {
      code: code`
        exports.handler = async function (context, event, callback) {
          const client = context.getTwilioClient();
          try {
            await client.messages.create({ from: 'whatsapp:+14155238886', to: event.From, body: 'hi' });
            return { ok: true };
          } catch (err) {
            return { ok: false, code: err.code, error: err.message };
          }
        };
      `,
      filename: 'reply.js',
    },
  ],
  invalid: [
    // \`cond ? twilio(…) : null\`
    {
      code: code`
        import twilio from 'twilio';
        const client = sid && token ? twilio(sid, token) : null;
        export async function notify(to: string, body: string) {
          try {
            const m = await client.messages.create({ from: 'whatsapp:+14155238886', to: \`whatsapp:\${to}\`, body });
            return { ok: true, sid: m.sid };
          } catch (err) {
            return { ok: false, error: err.message };
          }
        }
      `,
      filename: 'notify.ts',
      errors: [{ messageId: 'droppedReturn', data: TWILIO_DATA, line: 8, column: 5, endLine: 8, endColumn: 46, suggestions: [] }],
    },
    // a module-level let given the client only when configured: the code dropped
    {
      code: code`
        import twilio from 'twilio';
        let client = null;
        if (sid && token) {
          try { client = twilio(sid, token); } catch (e) { console.error(e); }
        }
        export async function notify(to: string, body: string) {
          try {
            await client.messages.create({ from: 'whatsapp:+14155238886', to: \`whatsapp:\${to}\`, body });
            return { ok: true };
          } catch (err) {
            return { ok: false, error: err.message };
          }
        }
      `,
      filename: 'notify.ts',
      errors: [{ messageId: 'droppedReturn', data: TWILIO_DATA, line: 11, column: 5, endLine: 11, endColumn: 46, suggestions: [] }],
    },
    // \`cached ?? twilio(…)\`
    {
      code: code`
        import twilio from 'twilio';
        const client = cached ?? twilio(sid, token);
        export async function notify(to: string, body: string) {
          try {
            await client.messages.create({ from: 'whatsapp:+14155238886', to: \`whatsapp:\${to}\`, body });
            return { ok: true };
          } catch (err) {
            return { ok: false, error: err.message };
          }
        }
      `,
      filename: 'notify.ts',
      errors: [{ messageId: 'droppedReturn', data: TWILIO_DATA, line: 8, column: 5, endLine: 8, endColumn: 46, suggestions: [] }],
    },
    // Twilio Functions: \`context.getTwilioClient()\`, no import
    {
      code: code`
        exports.handler = async function (context, event, callback) {
          const client = context.getTwilioClient();
          try {
            await client.messages.create({ from: 'whatsapp:+14155238886', to: event.From, body: 'hi' });
            return { ok: true };
          } catch (err) {
            return { ok: false, error: err.message };
          }
        };
      `,
      filename: 'reply.js',
      errors: [{ messageId: 'droppedReturn', data: TWILIO_DATA, line: 7, column: 5, endLine: 7, endColumn: 46, suggestions: [] }],
    },
  ],
});

ruleTester.run('preserve-error-code: whatsapp-api-js media methods', rule, {
  valid: [
    code`
      import { WhatsAppAPI } from 'whatsapp-api-js';
      const whatsapp = new WhatsAppAPI({ token, appSecret });
      export async function mediaUrl(id: string) {
        const media = await whatsapp.retrieveMedia(id);
        if ('error' in media) throw new MediaError('media lookup failed', { cause: media.error });
        return media.url;
      }
    `,
    // another class's method of the same name is not the SDK's
    code`
      class Storage { async retrieveMedia(id: string) { return { error: { message: 'missing' }, url: '' }; } }
      const storage = new Storage();
      export async function mediaUrl(id: string) {
        const media = await storage.retrieveMedia(id);
        if ('error' in media) throw new Error(media.error.message);
        return media.url;
      }
    `,
  ],
  invalid: [
    {
      code: code`
        import { WhatsAppAPI } from 'whatsapp-api-js';
        const whatsapp = new WhatsAppAPI({ token, appSecret });
        export async function mediaUrl(id: string) {
          const media = await whatsapp.retrieveMedia(id);
          if ('error' in media) throw new Error(\`Media \${id} not found: \${media.error?.message}\`);
          return media.url;
        }
      `,
      errors: [{ messageId: 'droppedThrow', data: thrown(META_REQUEST_DATA), line: 5, column: 25, endLine: 5, endColumn: 91, suggestions: [] }],
    },
  ],
});

// A file whose only provider evidence is an env var named for the Cloud API's base URL (its text names no host, path or SDK)
ruleTester.run('preserve-error-code: a base URL known only by its env var name', rule, {
  valid: [
    // the same catch on a Microsoft Graph request
    {
      filename: 'src/mail/subscriptions.ts',
      code: code`
        import axios from 'axios';
        export async function renew(id: string) {
          try {
            await axios.patch(\`\${process.env.GRAPH_API_BASE}/subscriptions/\${id}\`, { expirationDateTime: soon() });
          } catch {
            throw new Error('Could not renew the subscription');
          }
        }
      `,
    },
  ],
  invalid: [
    {
      filename: 'src/notifications/send.ts',
      code: code`
        import axios from 'axios';
        export async function sendText(phoneId: string, to: string, body: string) {
          try {
            await axios.post(\`\${process.env.WHATSAPP_CLOUD_API_URL}/v21.0/\${phoneId}/messages\`, { to, text: { body } });
          } catch {
            throw new Error('Could not send the message');
          }
        }
      `,
      errors: [{ messageId: 'droppedThrow', data: thrown(META_DATA), line: 6, column: 5, endLine: 6, endColumn: 51, suggestions: [] }],
    },
  ],
});

// whatsapp-cloud-api: `createBot(phoneNumberId, token)` gives a client whose send methods reject with
// the Cloud API's error body itself (`err.error.code`), not with an axios error
ruleTester.run('preserve-error-code: whatsapp-cloud-api', rule, {
  valid: [
    // the caught body goes along as the cause
    code`
      import { createBot } from 'whatsapp-cloud-api';
      const bot = createBot(process.env.PHONE_NUMBER_ID, process.env.TOKEN);
      export async function confirm(to: string) {
        try {
          await bot.sendText(to, 'Your order is confirmed');
        } catch (err) {
          throw new Error('confirmation not sent', { cause: err });
        }
      }
    `,
    // another package's createBot, a chat bot with a sendText of its own
    code`
      import { createBot } from 'telegram-bot-kit';
      const bot = createBot(process.env.TELEGRAM_TOKEN);
      export async function confirm(chatId: string) {
        try {
          await bot.sendText(chatId, 'Your order is confirmed');
        } catch (err) {
          throw new Error('confirmation not sent');
        }
      }
    `,
    // a Discord-style client in a file that also uses the SDK: only the SDK's client counts
    code`
      import { createBot } from 'whatsapp-cloud-api';
      import { Client } from 'discord-lite';
      const whatsapp = createBot(phoneNumberId, token);
      const discord = new Client(discordToken);
      export async function announce(channel: string, text: string) {
        try {
          await discord.sendText(channel, text);
        } catch (err) {
          throw new Error('announcement not sent');
        }
        return whatsapp;
      }
    `,
    // the client's methods that make no request
    code`
      import { createBot } from 'whatsapp-cloud-api';
      const bot = createBot(phoneNumberId, token);
      export async function start() {
        try {
          await bot.startExpressServer({ webhookPath: '/webhook' });
        } catch (err) {
          throw new Error('server not started');
        }
      }
    `,
  ],
  invalid: [
    {
      // the code sits at err.error.code; only a text survives (a template send: the template's own code first)
      code: code`
        import { createBot } from 'whatsapp-cloud-api';
        const bot = createBot(process.env.PHONE_NUMBER_ID, process.env.TOKEN);
        export async function remind(to: string) {
          try {
            await bot.sendTemplate(to, 'appointment_reminder', 'en_US');
          } catch (err) {
            throw new Error(\`reminder failed: \${err.error?.message}\`);
          }
        }
      `,
      errors: [
        {
          messageId: 'droppedThrow',
          data: thrown(META_TEMPLATE_DATA, 'err'),
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'addCause',
              data: { caught: 'err' },
              output: code`
                import { createBot } from 'whatsapp-cloud-api';
                const bot = createBot(process.env.PHONE_NUMBER_ID, process.env.TOKEN);
                export async function remind(to: string) {
                  try {
                    await bot.sendTemplate(to, 'appointment_reminder', 'en_US');
                  } catch (err) {
                    throw new Error(\`reminder failed: \${err.error?.message}\`, { cause: err });
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    {
      // a namespace import, the client kept on \`this\`
      code: code`
        import * as cloud from 'whatsapp-cloud-api';
        export class Notifier {
          private readonly bot = cloud.createBot(phoneNumberId, token, { version: 'v21.0' });
          async shipped(to: string, photo: string) {
            try {
              await this.bot.sendImage(to, photo, { caption: 'On its way' });
            } catch (e) {
              throw new ShippingError('photo not sent');
            }
          }
        }
      `,
      errors: [
        {
          messageId: 'droppedThrow',
          data: thrown(META_DATA, 'e'),
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'addCause',
              data: { caught: 'e' },
              output: code`
                import * as cloud from 'whatsapp-cloud-api';
                export class Notifier {
                  private readonly bot = cloud.createBot(phoneNumberId, token, { version: 'v21.0' });
                  async shipped(to: string, photo: string) {
                    try {
                      await this.bot.sendImage(to, photo, { caption: 'On its way' });
                    } catch (e) {
                      throw new ShippingError('photo not sent', { cause: e });
                    }
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    {
      // a client handed in, annotated with the SDK's type
      code: code`
        import type { Bot } from 'whatsapp-cloud-api';
        export class Replies {
          constructor(private readonly bot: Bot) {}
          async where(to: string) {
            try {
              await this.bot.sendLocation(to, 24.86, 67.0, { name: 'Shop' });
            } catch (err) {
              throw new Error('location not sent: ' + err.error?.message);
            }
          }
        }
      `,
      errors: [
        {
          messageId: 'droppedThrow',
          data: thrown(META_DATA, 'err'),
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'addCause',
              data: { caught: 'err' },
              output: code`
                import type { Bot } from 'whatsapp-cloud-api';
                export class Replies {
                  constructor(private readonly bot: Bot) {}
                  async where(to: string) {
                    try {
                      await this.bot.sendLocation(to, 24.86, 67.0, { name: 'Shop' });
                    } catch (err) {
                      throw new Error('location not sent: ' + err.error?.message, { cause: err });
                    }
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    {
      // CommonJS
      code: code`
        const { createBot } = require('whatsapp-cloud-api');
        const bot = createBot(phoneNumberId, token);
        async function menu(to) {
          try {
            await bot.sendReplyButtons(to, 'Pick one', { a: 'Track', b: 'Help' });
          } catch (err) {
            throw new Error('menu not sent');
          }
        }
        module.exports = { menu };
      `,
      filename: 'whatsapp.js',
      errors: [
        {
          messageId: 'droppedThrow',
          data: thrown(META_DATA, 'err'),
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'addCause',
              data: { caught: 'err' },
              output: code`
                const { createBot } = require('whatsapp-cloud-api');
                const bot = createBot(phoneNumberId, token);
                async function menu(to) {
                  try {
                    await bot.sendReplyButtons(to, 'Pick one', { a: 'Track', b: 'Help' });
                  } catch (err) {
                    throw new Error('menu not sent', { cause: err });
                  }
                }
                module.exports = { menu };
              `,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('preserve-error-code: catalog requests in a WhatsApp module', rule, {
  valid: [
    // a Commerce catalog request (a catalog's products) in a file named for WhatsApp is not a Cloud API request
    {
      filename: 'src/whatsapp-catalog.controller.ts',
      code: code`
        import axios from 'axios';
        export async function addProduct(catalogId: string, token: string, product: object) {
          try {
            await axios.post(\`https://graph.facebook.com/v21.0/\${catalogId}/products\`, product, { headers: { Authorization: \`Bearer \${token}\` } });
          } catch (err: any) {
            throw new Error(\`Catalog sync failed: \${err.response?.data?.error?.message}\`);
          }
        }
      `,
    },
  ],
  invalid: [
    // the WhatsApp Business Account's own catalog edge is a WhatsApp request wherever it is made
    {
      filename: 'src/shop.ts',
      code: code`
        import axios from 'axios';
        export async function connectedCatalog(accountId: string, token: string) {
          try {
            const res = await axios.get(\`https://graph.facebook.com/v21.0/\${accountId}/product_catalogs\`, { headers: { Authorization: \`Bearer \${token}\` } });
            return res.data.data[0]?.id;
          } catch (err: any) {
            throw new Error(\`Catalog lookup failed: \${err.response?.data?.error?.message}\`);
          }
        }
      `,
      errors: [
        {
          messageId: 'droppedThrow',
          data: thrown(META_REQUEST_DATA, 'err'),
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 85,
          suggestions: [
            {
              messageId: 'addCause',
              data: { caught: 'err' },
              output: code`
                import axios from 'axios';
                export async function connectedCatalog(accountId: string, token: string) {
                  try {
                    const res = await axios.get(\`https://graph.facebook.com/v21.0/\${accountId}/product_catalogs\`, { headers: { Authorization: \`Bearer \${token}\` } });
                    return res.data.data[0]?.id;
                  } catch (err: any) {
                    throw new Error(\`Catalog lookup failed: \${err.response?.data?.error?.message}\`, { cause: err });
                  }
                }
              `,
            },
          ],
        },
      ],
    },
  ],
});

// ─── A caller of a wrapper that already replaced the provider's error (real code) ─
// When the wrapper's catch throws a new error without the code, the code is lost
// there, and that is where it is reported; the caller's catch only sees the
// wrapper's error, so rewrapping it drops nothing more. A wrapper that keeps the
// caught error as the cause passes the code on, and the caller's rewrap is reported.
const rewrapped = (cause: string) => code`
  import axios from 'axios';
  async function sendText(to: string, text: string) {
    try {
      await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: text } });
    } catch (e: any) {
      throw new Error(e.response?.data?.error?.message ?? 'send failed'${cause});
    }
  }
  export async function notifyMissedCall(to: string) {
    try {
      await sendText(to, 'You missed a call');
    } catch (err: any) {
      throw new Error(\`notify failed: \${err.message}\`);
    }
  }
`;

ruleTester.run('preserve-error-code: a caller of a wrapper that already dropped the code', rule, {
  valid: [],
  invalid: [
    {
      code: rewrapped(''),
      errors: [
        {
          messageId: 'droppedThrow',
          data: thrown(META_DATA, 'e'),
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 72,
          suggestions: [{ messageId: 'addCause', data: { caught: 'e' }, output: rewrapped(', { cause: e }') }],
        },
      ],
    },
    {
      code: rewrapped(', { cause: e }'),
      errors: [
        {
          messageId: 'droppedThrow',
          data: thrown(META_DATA, 'err'),
          line: 13,
          column: 5,
          endLine: 13,
          endColumn: 54,
          suggestions: [{ messageId: 'addCause', data: { caught: 'err' }, output: rewrapped(', { cause: e }').replace('`notify failed: ${err.message}`)', '`notify failed: ${err.message}`, { cause: err })') }],
        },
      ],
    },
  ],
});

// ─── A `switch` whose every case leaves (real code, round 7) ───────────────────
const switchSend = (cases: string) => code`
  export async function sendTemplate(to: string, name: string) {
    const res = await fetch('${META}', { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'template', template: { name } }) });
    const body: any = await res.json();
    if (!res.ok) {
      const errorCode = body.error?.code;
      switch (errorCode) {
${cases}
      }
    }
    if (body.messages && body.messages[0]) return body.messages[0].id;
    else throw new Error('Meta accepted the send without a message id');
  }
`;

ruleTester.run('preserve-error-code: a failure branch that leaves through a switch', rule, {
  valid: [
    // every case (and the default) throws: after the `if`, only a 2xx body without an id gets to the `else`
    switchSend(`
        case 131047:
          throw new WindowClosedError(to);
        default:
          throw new CloudApiError(body.error);`),
  ],
  invalid: [
    // no default: a code the cases do not name falls out of the switch and reaches the last throw
    {
      code: switchSend(`
        case 131047:
          throw new WindowClosedError(to);
        case 131026:
          throw new UndeliverableError(to);`),
      errors: [{ messageId: 'droppedThrow', data: thrown(META_TEMPLATE_DATA), line: 15, column: 8, endLine: 15, endColumn: 71 }],
    },
    // a case that ends in \`break\` leaves only the switch
    {
      code: switchSend(`
        case 131047:
          await markWindowClosed(to);
          break;
        default:
          throw new CloudApiError(body.error);`),
      errors: [{ messageId: 'droppedThrow', data: thrown(META_TEMPLATE_DATA), line: 16, column: 8, endLine: 16, endColumn: 71 }],
    },
  ],
});

// ─── Errors rebuilt by a helper of the file (real code, round 7) ───────────────
const helperSend = (helper: string, thrown: string) => code`
  import axios from 'axios';
  export class CloudClient {
    private client = axios.create({ baseURL: 'https://graph.facebook.com/v22.0' });
${helper}
    async sendText(to: string, text: string) {
      try {
        const { data } = await this.client.post('/123/messages', { messaging_product: 'whatsapp', to, type: 'text', text: { body: text } });
        return data;
      } catch (error: any) {
        throw ${thrown};
      }
    }
  }
`;

ruleTester.run('preserve-error-code: errors rebuilt by a helper of the file', rule, {
  valid: [
    // text picked by the code: the helper has handled the code there (a reconnect hint for 190)
    code`
      function explain(err: { code?: number; message?: string } | null) {
        if (err?.code === 190) return 'The access token expired: reconnect the number.';
        if (err?.code === 100) return 'That Phone Number ID does not exist.';
        return err?.message ? \`Meta refused: \${err.message}\` : 'Meta refused the request.';
      }
      export async function verify(phoneId: string) {
        const res = await fetch(\`https://graph.facebook.com/v21.0/\${phoneId}/whatsapp_business_profile\`);
        const data = await res.json();
        if (!res.ok) return { ok: false, detail: explain(data.error ?? null) };
        return { ok: true, detail: 'Connected' };
      }
    `,
    // a helper that hands back the error object when there is one keeps the code
    code`
      const errorOf = (d: any, status: number) => d?.error ?? { message: \`HTTP \${status}\` };
      export async function createFlow(wabaId: string, name: string) {
        const res = await fetch(\`https://graph.facebook.com/v21.0/\${wabaId}/message_templates\`, { method: 'POST', body: JSON.stringify({ name }) });
        const data = await res.json();
        if (!res.ok) return { ok: false, error: errorOf(data, res.status) };
        return { ok: true, id: data.id as string };
      }
    `,
    // the helper's error keeps the error body (or the original error): the code goes on
    helperSend(
      `    private toError(error: any) {
      if (error.response) return new CloudApiError(error.response.data?.error);
      return new Error('WhatsApp API unreachable', { cause: error });
    }`,
      'this.toError(error)',
    ),
    // a helper that is not an error builder (it returns the error itself) is passed the error whole
    helperSend(
      `    private logged(error: any) {
      audit(error.message);
      return error;
    }`,
      'this.logged(error)',
    ),
  ],
  invalid: [
    // a helper that builds text from the body's message or the status: the failure value keeps only text
    {
      code: code`
        const errText = (d: any, status: number) => d?.error?.error_user_msg || d?.error?.message || \`HTTP \${status}\`;
        export async function createTemplate(wabaId: string, name: string) {
          const res = await fetch(\`https://graph.facebook.com/v21.0/\${wabaId}/message_templates\`, { method: 'POST', body: JSON.stringify({ name }) });
          const data = await res.json();
          if (!res.ok) return { ok: false, error: errText(data, res.status) };
          return { ok: true, id: data.id as string };
        }
      `,
      errors: [{ messageId: 'droppedReturn', data: META_REQUEST_DATA, line: 5, column: 16, endLine: 5, endColumn: 71, suggestions: [] }],
    },
    // every error the method builds keeps only Meta's message and the HTTP status
    {
      code: helperSend(
        `    private toError(error: any) {
      if (error.response) return new Error(\`WhatsApp API error: \${error.response.data?.error?.message} (\${error.response.status})\`);
      return new Error(\`WhatsApp API error: \${error.message}\`);
    }`,
        'this.toError(error)',
      ),
      errors: [{ messageId: 'droppedThrow', data: thrown(META_DATA, 'error'), line: 13, column: 7, endLine: 13, endColumn: 33 }],
    },
    // the same through a function of the file
    {
      code: code`
        import axios from 'axios';
        function wrap(e: any) {
          return new Error('Cloud API call failed: ' + (e.response?.data?.error?.message ?? e.message));
        }
        export async function sendText(to: string) {
          try {
            return (await axios.post('https://graph.facebook.com/v22.0/1/messages', { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } })).data;
          } catch (e) {
            throw wrap(e);
          }
        }
      `,
      errors: [{ messageId: 'droppedThrow', data: thrown(META_DATA, 'e'), line: 9, column: 5, endLine: 9, endColumn: 19 }],
    },
  ],
});

// ─── A failure branch that ends in a helper which always throws (real code, round 8) ───────────────
const failHelperSend = (branch: string) => code`
  declare class CloudApiError extends Error { constructor(error: unknown); }
  async function fail(res: Response): Promise<never> {
    const body = await res.json().catch(() => ({}));
    throw new CloudApiError(body.error);
  }
  export async function send(to: string) {
    const res = await fetch('${META}', { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } }) });
    if (!res.ok) {
      ${branch}
    }
    const data = await res.json();
    if (!data.messages?.[0]?.id) throw new Error('Meta accepted the message but returned no id');
    return data.messages[0].id as string;
  }
`;

ruleTester.run('preserve-error-code: a failure branch that ends in a helper which always throws', rule, {
  valid: [
    // `await fail(res)` leaves the function on every failed response: only a 2xx body without an id gets further
    failHelperSend('await fail(res);'),
  ],
  invalid: [
    // an async helper called without `await`: its rejection goes unseen and the failed response reaches the last throw
    {
      code: failHelperSend('void fail(res);'),
      errors: [{ messageId: 'droppedThrow', data: thrown(META_DATA), line: 12, column: 32, endLine: 12, endColumn: 96 }],
    },
  ],
});

// A catch that hands the error to a helper of the file that always throws: the helper's own throws decide
// whether the code goes on. One that singles out a code may drop it there (the decision is made); its
// last, catch-all throw must keep it, and is reported there, once for all the helper's calls.
const helperThrows = (last: string) => code`
  import twilio from 'twilio';
  const client = twilio(process.env.SID, process.env.TOKEN);
  function handleTwilioError(err: TwilioApiError): never {
    if (err && err.code === 21211) {
      logger.error('invalid number');
      throw new BadRequestError('Invalid phone number');
    }
    logger.error({ err }, 'Twilio API error');
    ${last}
  }
  export async function sendText(to: string, body: string) {
    try {
      const resp = await client.messages.create({ from: 'whatsapp:+14155238886', to: \`whatsapp:\${to}\`, body });
      return resp.sid;
    } catch (err) {
      handleTwilioError(err as TwilioApiError);
    }
  }
`;

ruleTester.run('preserve-error-code: a catch that hands the error to a helper that always throws', rule, {
  valid: [
    helperThrows("throw new ServiceUnavailableError('Message delivery failed', { cause: err });"),
    helperThrows('throw err;'),
    helperThrows("throw new ServiceUnavailableError(err.code, 'Message delivery failed');"),
    // the catch-all throw is reached only by errors that are not axios's: none of them has a code
    code`
      import axios from 'axios';
      function fail(error: unknown): never {
        if (axios.isAxiosError(error)) {
          throw new HttpException({ message: 'WhatsApp API request failed', details: error.response?.data ?? error.message }, error.response?.status ?? 500);
        }
        throw new HttpException({ message: 'Unexpected error while calling WhatsApp' }, 500);
      }
      export async function send(payload: object) {
        try {
          const { data } = await axios.post('${META}', payload);
          return data;
        } catch (error) {
          fail(error);
        }
      }
    `,
  ],
  invalid: [
    {
      code: helperThrows("throw new ServiceUnavailableError('Message delivery failed');"),
      errors: [{ messageId: 'droppedThrow', data: { ...TWILIO_DATA, keep: '{ cause: err }' }, line: 9, column: 3, endLine: 9, endColumn: 64 }],
    },
    // a helper that only logs before its catch-all throw
    {
      code: helperThrows("throw new Error(`Twilio error: ${err.message}`);").replace(/if \(err && err\.code === 21211\) \{[^}]*\}/, ''),
      errors: [{ messageId: 'droppedThrow', data: { ...TWILIO_DATA, keep: '{ cause: err }' }, line: 6, column: 3, endLine: 6, endColumn: 51 }],
    },
  ],
});

// A client created once and kept in a module `let` typed with the SDK's class, optional until then
// (`let cached: Twilio | undefined`), returned by a getter: the getter's calls are the SDK's.
const cachedClient = (thrown: string) => code`
  import twilio, { Twilio } from 'twilio';
  let cached: Twilio | undefined;
  function getClient(): Twilio {
    if (cached) return cached;
    cached = twilio(process.env.SID, process.env.TOKEN);
    return cached;
  }
  export async function sendText(to: string, body: string) {
    try {
      const client = getClient();
      const message = await client.messages.create({ from: 'whatsapp:+14155238886', to: \`whatsapp:\${to}\`, body });
      return message.sid;
    } catch (err) {
      ${thrown}
    }
  }
`;

ruleTester.run('preserve-error-code: an SDK client cached in an optional module variable', rule, {
  valid: [cachedClient("throw new Error('send failed', { cause: err });")],
  invalid: [
    {
      code: cachedClient("throw new Error('send failed');"),
      errors: [
        {
          messageId: 'droppedThrow',
          data: { ...TWILIO_DATA, keep: '{ cause: err }' },
          line: 14,
          column: 5,
          endLine: 14,
          endColumn: 36,
          suggestions: [{ messageId: 'addCause', data: { caught: 'err' }, output: cachedClient("throw new Error('send failed', { cause: err });") }],
        },
      ],
    },
  ],
});

// A helper that always throws, handed the failed response by every wrapper of the file: the code it
// drops is lost in its own throw, reported there once rather than at each call.
const responseHelper = (helper: string) => code`
  ${helper}
  export async function sendText(to: string, body: string) {
    const res = await fetch('${META}', { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text: { body } }) });
    if (!res.ok) await throwApiError(res, 'send failed');
    return res.json();
  }
  export async function sendTemplate(to: string, name: string) {
    const res = await fetch('${META}', { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'template', template: { name } }) });
    if (!res.ok) await throwApiError(res, 'template failed');
    return res.json();
  }
`;

ruleTester.run('preserve-error-code: a helper that always throws, handed the failed response', rule, {
  valid: [
    responseHelper(`async function throwApiError(res: Response, fallback: string): Promise<never> {
    const data = await res.json().catch(() => null);
    throw new MetaApiError(fallback, data);
  }`),
  ],
  invalid: [
    {
      code: responseHelper(`async function throwApiError(res: Response, fallback: string): Promise<never> {
    let message = fallback;
    try {
      const data = await res.json();
      if (data.error) message = data.error.message + ' (code ' + data.error.code + ')';
    } catch {}
    throw new Error(message);
  }`),
      errors: [{ messageId: 'droppedThrow', data: thrown(META_DATA), line: 7, column: 3, endLine: 7, endColumn: 28 }],
    },
  ],
});

// ─── A helper that maps the code to a text behind `fbError && texts[fbError.code]` (real code, round 9: microrealestate) ───
// `a && b` is b when a is set: the guard `fbError` is not what the text is made of.
const handOff = (helper: string) => code`
  import axios from 'axios';
  export class Sender {
    async sendText(to: string, text: string) {
      try {
        const res = await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: text } });
        return res.data;
      } catch (error) {
        this.handleApiError(error, to);
      }
    }
    handleApiError(error: any, to: string): never {
      ${helper}
    }
  }
`;

ruleTester.run('preserve-error-code: a && b carries what b carries', rule, {
  valid: [
    // b is the error body: kept
    handOff(`const fbError = error.response?.data?.error;
      throw new WhatsAppApiError(fbError && fbError);`),
    handOff(`throw new WhatsAppApiError(error.response && error.response.data);`),
  ],
  invalid: [
    // b is a text chosen by the code: dropped, though a is the error object
    {
      code: handOff(`const fbError = error.response?.data?.error;
      const texts: Record<number, string> = { 190: 'access token expired', 131030: 'recipient not in allowed list' };
      const message = (fbError && texts[fbError.code]) || \`WhatsApp API error: \${error.message}\`;
      throw new Error(message);`),
      errors: [{ messageId: 'droppedThrow', data: thrown(META_DATA, 'error'), line: 15, column: 5, endLine: 15, endColumn: 30 }],
    },
  ],
});

// A catch that first picks out an error class of another library (real code: TypeORM's EntityNotFoundError around a
// template lookup, pondem87/thuso-monorepo): no provider failure of the `try` is one, so what that branch throws
// has no code to lose. A class the `try` itself throws on a failure, or one from the same module, may be.
ruleTester.run('preserve-error-code: instanceof a class no provider failure can be', rule, {
  valid: [
    code`
      import { EntityNotFoundError } from 'typeorm';
      import { HttpException } from '@nestjs/common';
      export async function template(repo: Repo, id: string) {
        try {
          const row = await repo.findOneByOrFail({ id });
          const res = await fetch(\`https://graph.facebook.com/v21.0/\${row.wabaId}/message_templates\`);
          if (!res.ok) throw new Error('template lookup failed', { cause: await res.json() });
          return await res.json();
        } catch (error) {
          if (error instanceof EntityNotFoundError) throw new HttpException('Not found', 404);
          throw error;
        }
      }
    `,
  ],
  invalid: [
    // the failure branch throws a class of @nestjs/common, so a @nestjs/common class tested in the catch may be its parent
    {
      code: code`
        import { BadRequestException, HttpException, InternalServerErrorException } from '@nestjs/common';
        export async function template(wabaId: string) {
          try {
            const res = await fetch(\`https://graph.facebook.com/v21.0/\${wabaId}/message_templates\`);
            if (!res.ok) throw new BadRequestException('template lookup failed', { cause: await res.json() });
            return await res.json();
          } catch (error) {
            if (error instanceof HttpException) throw new InternalServerErrorException(error.message);
            throw error;
          }
        }
      `,
      errors: [
        {
          messageId: 'droppedThrow',
          data: thrown(META_REQUEST_DATA, 'error'),
          line: 8,
          column: 41,
          endLine: 8,
          endColumn: 95,
          suggestions: [
            {
              messageId: 'addCause',
              data: { caught: 'error' },
              output: code`
                import { BadRequestException, HttpException, InternalServerErrorException } from '@nestjs/common';
                export async function template(wabaId: string) {
                  try {
                    const res = await fetch(\`https://graph.facebook.com/v21.0/\${wabaId}/message_templates\`);
                    if (!res.ok) throw new BadRequestException('template lookup failed', { cause: await res.json() });
                    return await res.json();
                  } catch (error) {
                    if (error instanceof HttpException) throw new InternalServerErrorException(error.message, { cause: error });
                    throw error;
                  }
                }
              `,
            },
          ],
        },
      ],
    },
  ],
});

// JavaScript's own error classes turn their first argument into text: `new Error(err)` keeps "AxiosError: Request
// failed with status code 400" and nothing else (real code: `new Error(body.error?.message || err)` in a bulk send).
ruleTester.run('preserve-error-code: the message argument of a built-in error class', rule, {
  valid: [
    // the original error as the cause, or handed whole to a class of the app, is kept
    code`
      import axios from 'axios';
      export async function send(to: string) {
        try {
          await axios.post('${META}', { messaging_product: 'whatsapp', to });
        } catch (err) {
          if (to === '') throw new Error(String(err), { cause: err });
          // the error body serialised into the message: a caller can parse it back (real code does)
          if (err.response?.data?.error) throw new Error(JSON.stringify(err.response.data.error));
          throw new WhatsAppError(err);
        }
      }
    `,
  ],
  invalid: [
    {
      code: code`
        import axios from 'axios';
        export async function send(to: string) {
          try {
            await axios.post('${META}', { messaging_product: 'whatsapp', to });
          } catch (err) {
            if (to === '') throw new Error(err);
            throw TypeError(err.response?.data?.error?.message || err);
          }
        }
      `,
      errors: [
        {
          messageId: 'droppedThrow',
          data: thrown(META_DATA, 'err'),
          line: 6,
          column: 20,
          endLine: 6,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'addCause',
              data: { caught: 'err' },
              output: code`
                import axios from 'axios';
                export async function send(to: string) {
                  try {
                    await axios.post('${META}', { messaging_product: 'whatsapp', to });
                  } catch (err) {
                    if (to === '') throw new Error(err, { cause: err });
                    throw TypeError(err.response?.data?.error?.message || err);
                  }
                }
              `,
            },
          ],
        },
        {
          messageId: 'droppedThrow',
          data: thrown(META_DATA, 'err'),
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 64,
          suggestions: [],
        },
      ],
    },
  ],
});

// ─── Real-code round 11: a class's SDK client made later, a field of a helper's result ──────

/** A class whose Twilio client is a field set to null in the constructor and made in init(); `onError` ends its send's catch. */
const notifier = (onError: string) => code`
  const twilio = require('twilio');
  class Notifier {
    constructor() { this.client = null; }
    init() {
      try { this.client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN); } catch (e) { console.error(e); }
    }
    async send(to, body) {
      try {
        const m = await this.client.messages.create({ from: 'whatsapp:+14155238886', to: \`whatsapp:\${to}\`, body });
        return { success: true, sid: m.sid };
      } catch (error) {
        ${onError}
      }
    }
  }
  module.exports = new Notifier();
`;

ruleTester.run('preserve-error-code: a class field client made later; a field a helper fills from the error', rule, {
  valid: [
    // the client is a field set to null in the constructor and made in init(); the catch keeps the code
    { code: notifier('return { success: false, error: error.message, code: error.code };'), filename: 'notifier.js' },
    // the helper puts the error body under \`body\` (through a let it fills in several ways): reading it keeps the code
    code`
      import axios from 'axios';
      function describe(err: any) {
        const out = { message: err.message, body: null as unknown };
        let data = null;
        if (typeof err.response?.data === 'string') data = JSON.parse(err.response.data);
        else if (err.response) data = err.response.data;
        out.body = data;
        return out;
      }
      export async function send(to: string) {
        try {
          await axios.post('${META}', { messaging_product: 'whatsapp', to });
          return { ok: true };
        } catch (err) {
          const info = describe(err);
          return { ok: false, error: err.message, details: info.body };
        }
      }
    `,
    // the same, the field given in the returned object and read off the call
    code`
      import axios from 'axios';
      const details = (err: any) => { return { status: err.response?.status, body: err.response?.data }; };
      export async function send(to: string) {
        try {
          await axios.post('${META}', { messaging_product: 'whatsapp', to });
          return { ok: true };
        } catch (err) {
          return { ok: false, body: details(err).body };
        }
      }
    `,
  ],
  invalid: [
    // the field client's catch keeps only the message
    {
      code: notifier('return { success: false, error: error.message };'),
      filename: 'notifier.js',
      errors: [{ messageId: 'droppedReturn', data: TWILIO_DATA, line: 12, column: 7, endLine: 12, endColumn: 55, suggestions: [] }],
    },
    // the helper fills the field read here with text only; the body goes under another name
    {
      code: code`
        import axios from 'axios';
        function describe(err: any) {
          const out = { summary: '', body: null as unknown };
          out.summary = err.response?.data?.error?.message ?? err.message;
          out.body = err.response?.data;
          return out;
        }
        export async function send(to: string) {
          try {
            await axios.post('${META}', { messaging_product: 'whatsapp', to });
            return { ok: true };
          } catch (err) {
            return { ok: false, error: describe(err).summary };
          }
        }
      `,
      errors: [{ messageId: 'droppedReturn', data: META_DATA, line: 13, column: 5, endLine: 13, endColumn: 56, suggestions: [] }],
    },
  ],
});

ruleTester.run('preserve-error-code: the axios instance under NestJS HttpService', rule, {
  valid: [
    // the app's own class named like NestJS's: its `axiosRef` is no client
    code`
      import { HttpService } from './http.service';
      export class Sender {
        private readonly http = new HttpService();
        async send(payload: object) {
          try {
            const res = await this.http.axiosRef({ method: 'POST', url: '${META}', data: payload });
            return { ok: true, id: res.data.messages[0].id };
          } catch (e) {
            return { ok: false, error: e.message };
          }
        }
      }
    `,
  ],
  invalid: [
    // an injected HttpService: \`axiosRef\` is axios itself, called with a request config
    {
      code: code`
        import { Injectable } from '@nestjs/common';
        import { HttpService } from '@nestjs/axios';
        @Injectable()
        export class Sender {
          constructor(private readonly http: HttpService) {}
          async send(payload: object) {
            try {
              const res = await this.http.axiosRef({ method: 'POST', url: '${META}', data: payload });
              return { ok: true, id: res.data.messages[0].id };
            } catch (e) {
              return { ok: false, error: e.message };
            }
          }
        }
      `,
      errors: [{ messageId: 'droppedReturn', data: META_DATA, line: 11, column: 7, endLine: 11, endColumn: 46, suggestions: [] }],
    },
    // one made by hand (\`new HttpService()\`) and called with a request config
    {
      code: code`
        import { HttpService } from '@nestjs/axios';
        export class Sender {
          private readonly http: HttpService;
          constructor() {
            this.http = new HttpService();
          }
          async send(payload: object) {
            try {
              const res = await this.http.axiosRef({ method: 'POST', url: '${META}', data: payload });
              return { ok: true, id: res.data.messages[0].id };
            } catch (e) {
              return { ok: false, error: e.message };
            }
          }
        }
      `,
      errors: [{ messageId: 'droppedReturn', data: META_DATA, line: 12, column: 7, endLine: 12, endColumn: 46, suggestions: [] }],
    },
  ],
});

ruleTester.run('preserve-error-code: a failure record with only the message', rule, {
  valid: [
    // the record keeps the code beside the message
    code`
      import axios from 'axios';
      export async function sendAll(db: any, to: string[]) {
        for (const phone of to) {
          try {
            await axios.post('${META}', { messaging_product: 'whatsapp', to: phone, type: 'text', text: { body: 'hi' } });
          } catch (err) {
            await db.logs.create({ phone, status: 'failed', code: err.response?.data?.error?.code, reason: err.message });
          }
        }
      }
    `,
    // the catch rethrows after writing the record: the caller still gets the error
    code`
      import axios from 'axios';
      export async function send(db: any, phone: string) {
        try {
          await axios.post('${META}', { messaging_product: 'whatsapp', to: phone, type: 'text', text: { body: 'hi' } });
        } catch (err) {
          await db.logs.create({ phone, status: 'failed', reason: err.message });
          throw err;
        }
      }
    `,
    // a record without a failed status: a note, not the outcome of the send
    code`
      import axios from 'axios';
      export async function send(db: any, phone: string) {
        try {
          await axios.post('${META}', { messaging_product: 'whatsapp', to: phone, type: 'text', text: { body: 'hi' } });
        } catch (err) {
          await db.notes.create({ phone, text: err.message });
        }
      }
    `,
    // only a log line: nothing is recorded
    code`
      import axios from 'axios';
      export async function send(phone: string) {
        try {
          await axios.post('${META}', { messaging_product: 'whatsapp', to: phone, type: 'text', text: { body: 'hi' } });
        } catch (err) {
          console.error({ phone, status: 'failed', reason: err.message });
        }
      }
    `,
  ],
  invalid: [
    // a bulk send that records each failure with the message alone
    {
      code: code`
        import axios from 'axios';
        export async function sendAll(db: any, to: string[]) {
          for (const phone of to) {
            try {
              await axios.post('${META}', { messaging_product: 'whatsapp', to: phone, type: 'text', text: { body: 'hi' } });
            } catch (err) {
              console.error('send failed', err);
              await db.logs.create({ phone, status: 'failed', reason: err.message });
            }
          }
        }
      `,
      errors: [{ messageId: 'droppedRecord', data: { provider: 'meta-cloud', first: '131047', second: '190', codeField: 'body.error.code' }, line: 8, column: 55, endLine: 8, endColumn: 74 }],
    },
    // the state and the reason copied onto an entity, nested update data
    {
      code: code`
        import axios from 'axios';
        export async function send(repo: any, row: { id: string; phone: string }) {
          try {
            await axios.post('${META}', { messaging_product: 'whatsapp', to: row.phone, type: 'text', text: { body: 'hi' } });
          } catch (e) {
            await repo.update({ where: { id: row.id }, data: { state: 'ERROR', failureReason: e?.message || 'unknown' } });
          }
        }
      `,
      errors: [{ messageId: 'droppedRecord', data: { provider: 'meta-cloud', first: '131047', second: '190', codeField: 'body.error.code' }, line: 6, column: 72, endLine: 6, endColumn: 110 }],
    },
  ],
});

// ─── A wrapper that throws on every failed response (real-code round 11) ───────
// What it returns is a success: a caller's test of a field only a success has (`if (!data.messages?.[0]?.id)
// throw …`) is no error path of the provider's, and has no code to keep.
const GRAPH_POST_THROWS = code`
  async function graphPost<T>(path: string, body: object): Promise<T> {
    const res = await fetch(\`https://graph.facebook.com/v21.0/\${path}\`, { method: 'POST', body: JSON.stringify(body) });
    if (!res.ok) {
      const err = await res.json();
      throw Object.assign(new Error(err.error?.message), { code: err.error?.code });
    }
    return (await res.json()) as T;
  }
`;

ruleTester.run('preserve-error-code: a wrapper that throws on every failed response', rule, {
  valid: [
    `${GRAPH_POST_THROWS}
${code`
  export async function sendText(phoneId: string, to: string, text: string) {
    const data = await graphPost<{ messages?: { id: string }[] }>(\`\${phoneId}/messages\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body: text } });
    if (!data.messages?.[0]?.id) throw new Error('no message id');
    return data.messages[0].id;
  }
`}`,
  ],
  invalid: [
    // decoy: the wrapper throws only on 401, so another failure's body reaches the caller's test
    {
      code: code`
        async function graphPost<T>(path: string, body: object): Promise<T> {
          const res = await fetch(\`https://graph.facebook.com/v21.0/\${path}\`, { method: 'POST', body: JSON.stringify(body) });
          if (res.status === 401) throw new Error('reconnect');
          return (await res.json()) as T;
        }
        export async function sendText(phoneId: string, to: string, text: string) {
          const data = await graphPost<{ messages?: { id: string }[] }>(\`\${phoneId}/messages\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body: text } });
          if (!data.messages?.[0]?.id) throw new Error('no message id');
          return data.messages[0].id;
        }
      `,
      errors: [
        { messageId: 'droppedThrow', data: thrown(META_REQUEST_DATA), line: 3, column: 27 },
        { messageId: 'droppedThrow', data: thrown(META_REQUEST_DATA), line: 8, column: 32 },
      ],
    },
    // decoy: the wrapper does not throw at all
    {
      code: code`
        async function graphPost<T>(path: string, body: object): Promise<T> {
          const res = await fetch(\`https://graph.facebook.com/v21.0/\${path}\`, { method: 'POST', body: JSON.stringify(body) });
          return (await res.json()) as T;
        }
        export async function sendText(phoneId: string, to: string, text: string) {
          const data = await graphPost<{ messages?: { id: string }[] }>(\`\${phoneId}/messages\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body: text } });
          if (!data.messages?.[0]?.id) throw new Error('no message id');
          return data.messages[0].id;
        }
      `,
      errors: [{ messageId: 'droppedThrow', data: thrown(META_REQUEST_DATA), line: 7, column: 32 }],
    },
  ],
});

// ─── Clients handed in by the callers (real-code round 12) ────────────────────
// A function that makes its sends on a client its callers hand it, as a
// parameter or in an options object, is judged for the provider of that
// client when every caller hands it one of the same kind. Snippets with a
// `filename` under HANDED_APP are linted as files of a small fixture app
// (test/fixtures/cross-file/handed): the linted file's importers there say
// what they hand its functions.
const HANDED_APP = fileURLToPath(new URL('../fixtures/cross-file/handed/', import.meta.url));
const handedFile = (name: string) => ({ filename: `${HANDED_APP}src/${name}`, code: readFileSync(`${HANDED_APP}src/${name}`, 'utf8') });

/** Sends on a client handed in an options object, destructured or read off it, and as a plain parameter; `cause` is what the rethrow adds. */
const optionsClients = (cause: string) => code`
  import twilio from 'twilio';
  const twilioClient = sid && token ? twilio(sid, token) : null;
  async function sendWhatsApp(options) {
    const { client, to, body } = options;
    try {
      const m = await client.messages.create({ from: 'whatsapp:+14155238886', to: \`whatsapp:\${to}\`, body });
      return { ok: true, sid: m.sid };
    } catch (err) {
      return { ok: false, error: err.message };
    }
  }
  async function sendOther(options) {
    try {
      await options.client.messages.create({ from: 'whatsapp:+14155238886', to: \`whatsapp:\${options.to}\`, body: 'hi' });
    } catch (err) {
      throw new Error(\`send failed: \${err.message}\`${cause});
    }
  }
  async function sendPlain(client, to: string) {
    try {
      await client.messages.create({ from: 'whatsapp:+14155238886', to: \`whatsapp:\${to}\`, body: 'hi' });
    } catch (err) {
      return { ok: false, error: err.message };
    }
    return { ok: true };
  }
  export const notify = (to: string) => sendWhatsApp({ client: twilioClient, to, body: 'hi' });
  export const other = (to: string) => sendOther({ client: twilioClient, to });
  export const plain = (to: string) => sendPlain(twilioClient, to);
`;

ruleTester.run('preserve-error-code: clients handed in by the callers', rule, {
  valid: [
    // in an options object, with the code kept
    {
      code: code`
        import twilio from 'twilio';
        const client = twilio(sid, token);
        async function send({ client, to, body }) {
          try {
            const m = await client.messages.create({ from: 'whatsapp:+14155238886', to: \`whatsapp:\${to}\`, body });
            return { ok: true, sid: m.sid };
          } catch (err) {
            return { ok: false, code: err.code, error: err.message };
          }
        }
        export const notify = (to: string) => send({ client, to, body: 'hi' });
      `,
      filename: 'notify.ts',
    },
    // a client of another kind: the app's own chat SDK, an axios instance for another API
    {
      code: code`
        import axios from 'axios';
        import { createChatClient } from './chat';
        async function send(options) {
          const { client, to, body } = options;
          try {
            const m = await client.messages.create({ from: 'whatsapp:+14155238886', to: \`whatsapp:\${to}\`, body });
            return { ok: true, sid: m.sid };
          } catch (err) {
            return { ok: false, error: err.message };
          }
        }
        async function post(http, to: string) {
          try {
            return (await http.post('/contacts/whatsapp', { phone: to, channel: 'whatsapp' })).data;
          } catch (err) {
            return { ok: false, error: err.message };
          }
        }
        const crm = axios.create({ baseURL: 'https://api.crm.example.com/v2' });
        export const notify = (to: string) => send({ client: createChatClient(), to, body: 'hi' });
        export const sync = (to: string) => post(crm, to);
      `,
      filename: 'notify.ts',
    },
    // callers that disagree: one hands a Twilio client, the other a client of unknown kind
    {
      code: code`
        import twilio from 'twilio';
        const client = twilio(sid, token);
        async function send(sender, to: string) {
          try {
            const m = await sender.messages.create({ from: 'whatsapp:+14155238886', to: \`whatsapp:\${to}\`, body: 'hi' });
            return { ok: true, sid: m.sid };
          } catch (err) {
            return { ok: false, error: err.message };
          }
        }
        export const notify = (to: string) => send(client, to);
        export const echo = (to: string, other) => send(other, to);
      `,
      filename: 'notify.ts',
    },
    // an options object whose client is something else; a function no call hands anything
    {
      code: code`
        async function send(options) {
          try {
            const m = await options.client.messages.create({ from: 'whatsapp:+14155238886', to: \`whatsapp:\${options.to}\`, body: 'hi' });
            return { ok: true, sid: m.sid };
          } catch (err) {
            return { ok: false, error: err.message };
          }
        }
        export async function unused({ client }) {
          try {
            await client.messages.create({ from: 'whatsapp:+14155238886', to: 'whatsapp:+15550001111', body: 'hi' });
          } catch (err) {
            return { ok: false, error: err.message };
          }
        }
        export const notify = (to: string) => send({ client: { messages: { create: async () => ({ sid: 'x' }) } }, to });
      `,
      filename: 'notify.ts',
    },
    // other files: handed an unknown client (relay.ts), and handed a Twilio client by one importer and another
    // client by the other (mixed.ts)
    handedFile('relay.ts'),
    handedFile('mixed.ts'),
  ],
  invalid: [
    // a property of an options object, read off it or destructured from it; a plain parameter
    {
      code: optionsClients(''),
      filename: 'notify.ts',
      errors: [
        { messageId: 'droppedReturn', data: TWILIO_DATA, line: 9, column: 5, endLine: 9, endColumn: 46, suggestions: [] },
        {
          messageId: 'droppedThrow',
          data: thrown(TWILIO_DATA, 'err'),
          line: 16,
          column: 5,
          endLine: 16,
          endColumn: 52,
          suggestions: [{ messageId: 'addCause', data: { caught: 'err' }, output: optionsClients(', { cause: err }') }],
        },
        { messageId: 'droppedReturn', data: TWILIO_DATA, line: 23, column: 5, endLine: 23, endColumn: 46, suggestions: [] },
      ],
    },
    // another file's send, handed a Twilio client in its options by its one importer (alerts.ts)
    { ...handedFile('deliver.ts'), errors: [{ messageId: 'droppedReturn', data: TWILIO_DATA, line: 14, column: 5, endLine: 14, endColumn: 46, suggestions: [] }] },
  ],
});

// ─── A wrapper's failure object tested on its flag (real-code round 12) ────────
// `deliver` gives Twilio failures back as `{ ok: false, errorCode, errorMessage }`; a
// second wrapper tests `result.ok` and gives back a failure object of its own, which
// must pass the code on: the first wrapper's `errorMessage` is always set, so
// `result.errorMessage || result.errorCode` is the text alone.
/** A Twilio send wrapper giving failures back as objects; `failure` is its catch's body. */
const deliverWith = (failure: string) => code`
  import twilio from 'twilio';
  const client = twilio(sid, token);
  async function deliver(to: string, body: string) {
    try {
      const m = await client.messages.create({ from: 'whatsapp:+14155238886', to: \`whatsapp:\${to}\`, body });
      return { ok: true, sid: m.sid };
    } catch (e) {
${failure}
    }
  }
`;
const DELIVER = deliverWith(`      const message = e.message || String(e);
      return { ok: false, errorCode: e.code, errorMessage: message };`);

ruleTester.run("preserve-error-code: a wrapper's failure object tested on its flag", rule, {
  valid: [
    // the code passed on beside the text
    {
      code: `${DELIVER}
export async function notify(to: string, body: string) {
  const result = await deliver(to, body);
  if (result.ok) return { ok: true, sid: result.sid };
  return { ok: false, error: result.errorMessage, code: result.errorCode };
}`,
      filename: 'notify.ts',
    },
    // the code passed on whole, under another name; or the first wrapper's object itself
    {
      code: `${DELIVER}
export async function notify(to: string, body: string) {
  const result = await deliver(to, body);
  if (!result.ok) return { ok: false, reason: result.errorCode };
  return { ok: true };
}
export async function again(to: string, body: string) {
  const result = await deliver(to, body);
  if (!result.ok) return result;
  return { ok: true };
}`,
      filename: 'notify.ts',
    },
    // a message that is the code itself, as the first wrapper holds it: read back as it is
    {
      code: code`
        import axios from 'axios';
        async function deliver(to: string) {
          try {
            const { data } = await axios.post('https://graph.facebook.com/v21.0/123/messages', { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } });
            return { ok: true, id: data.messages[0].id };
          } catch (e) {
            const code = e.response?.data?.error?.code ? String(e.response.data.error.code) : 'request_failed';
            return { ok: false, errorCode: code };
          }
        }
        export async function job(to: string) {
          const result = await deliver(to);
          if (!result.ok) throw new Error(result.errorCode);
          return result.id;
        }
      `,
      filename: 'notify.ts',
    },
    // a test of a field the failure objects do not set to false (`sent`): no failure branch is read from it
    {
      code: code`
        import twilio from 'twilio';
        const client = twilio(sid, token);
        async function deliver(to: string, body: string) {
          try {
            await client.messages.create({ from: 'whatsapp:+14155238886', to: \`whatsapp:\${to}\`, body });
            return { ok: true };
          } catch (e) {
            return { ok: false, code: e.code, error: e.message };
          }
        }
        export async function notify(to: string, body: string) {
          const result = await deliver(to, body);
          if (result.sent) return { ok: true };
          return { ok: false, error: 'not sent' };
        }
      `,
      filename: 'notify.ts',
    },
  ],
  invalid: [
    // a first wrapper that drops the code itself is reported there; nothing more is lost after it, nor in a catch
    // around a throw on its flag
    {
      code: code`
        import twilio from 'twilio';
        const client = twilio(sid, token);
        async function upload(to: string, url: string) {
          try {
            await client.messages.create({ from: 'whatsapp:+14155238886', to: \`whatsapp:\${to}\`, mediaUrl: [url] });
            return { ok: true };
          } catch (e) {
            return { ok: false, error: e.message };
          }
        }
        export async function share(to: string, url: string) {
          try {
            const sent = await upload(to, url);
            if (!sent.ok) throw new Error('upload failed: ' + sent.error);
          } catch (err) {
            throw new Error('media: ' + err.message);
          }
        }
      `,
      filename: 'notify.ts',
      errors: [{ messageId: 'droppedReturn', data: TWILIO_DATA, line: 8, column: 5, endLine: 8, endColumn: 44, suggestions: [] }],
    },
    // a first wrapper that drops the code itself is reported there; nothing more is lost after it
    {
      code: code`
        import twilio from 'twilio';
        const client = twilio(sid, token);
        async function deliver(to: string, body: string) {
          try {
            await client.messages.create({ from: 'whatsapp:+14155238886', to: \`whatsapp:\${to}\`, body });
            return { ok: true };
          } catch (e) {
            return { ok: false, error: e.message };
          }
        }
        export async function notify(to: string, body: string) {
          const result = await deliver(to, body);
          if (!result.ok) return { ok: false, error: \`not sent: \${result.error}\` };
          return { ok: true };
        }
      `,
      filename: 'notify.ts',
      errors: [{ messageId: 'droppedReturn', data: TWILIO_DATA, line: 8, column: 5, endLine: 8, endColumn: 44, suggestions: [] }],
    },
    {
      code: `${DELIVER}
export async function notify(to: string, body: string) {
  const result = await deliver(to, body);
  if (result.ok) return { ok: true, sid: result.sid };
  return { ok: false, error: result.errorMessage || result.errorCode || 'unknown' };
}
export async function other(to: string, body: string) {
  const result = await deliver(to, body);
  if (!result.ok) {
    return { ok: false, error: \`send failed: \${result.errorMessage}\` };
  }
  return { ok: true };
}`,
      filename: 'notify.ts',
      errors: [
        { messageId: 'droppedReturn', data: TWILIO_DATA, line: 15, column: 3, endLine: 15, endColumn: 85, suggestions: [] },
        { messageId: 'droppedReturn', data: TWILIO_DATA, line: 20, column: 5, endLine: 20, endColumn: 72, suggestions: [] },
      ],
    },
  ],
});

/** A service that throws the app's own error, its code picked by a classifier method from the provider's error. */
const classifiedOtp = (classify: string) => code`
  import axios from 'axios';
  function appError(code: string, message: string, status = 400) {
    return Object.assign(new Error(message), { code, status });
  }
  export class OtpService {
    classify(error: any) {
      ${classify}
    }
    async sendOtp(to: string, otp: string) {
      try {
        await axios.post('${META}', { messaging_product: 'whatsapp', to, type: 'text', text: { body: otp } });
      } catch (error) {
        const mapped = this.classify(error);
        throw appError(mapped.code, 'Could not send the code', mapped.status);
      }
    }
  }
`;

ruleTester.run('preserve-error-code: a code classified by a helper before it is thrown', rule, {
  valid: [
    // each of the app's codes is picked by the provider's code: the code is handled there
    classifiedOtp(`const body = error.response?.data?.error ?? {};
      const code = Number(body.code ?? 0);
      if (code === 131042) return { code: 'PAYMENT_REQUIRED', status: 502 };
      if (code === 190) return { code: 'TOKEN_EXPIRED', status: 502 };
      return { code: 'REJECTED', status: 502 };`),
  ],
  invalid: [
    // constants picked by whether there was a response, not by the code: the code is lost
    {
      code: classifiedOtp(`return error.response ? { code: 'REJECTED', status: 502 } : { code: 'NETWORK', status: 503 };`),
      errors: [{ messageId: 'droppedThrow', data: thrown(META_DATA, 'error'), line: 14, column: 7, endLine: 14, endColumn: 77, suggestions: [] }],
    },
  ],
});

// ─── A record that copies a wrapper's failure flag and message but not its code ─────────────────────────────────
// (`results.push({ phone, ok: r.ok, error: r.errorMessage })` for every result, failed or not)
const copied = (record: string, before = '') => `${DELIVER}
export async function notifyAll(phones: string[], body: string) {
  const results = [];
  for (const phone of phones) {
    const result = await deliver(phone, body);${before}
    results.push(${record});
  }
  return results;
}`;
/** A wrapper whose failure objects keep no code: nothing more is lost after it. */
const DELIVER_TEXT = deliverWith(`      console.error(e);
      return { ok: false, errorMessage: 'send failed' };`);
const COPY_DATA = { provider: 'twilio', first: '63016', second: '63018' };

ruleTester.run('preserve-error-code: a record copying a failure flag without the code', rule, {
  valid: [
    // the code copied too
    { code: copied('{ phone, ok: result.ok, error: result.errorMessage, code: result.errorCode }'), filename: 'notify.ts' },
    // the whole result kept
    { code: copied('{ phone, ...result }'), filename: 'notify.ts' },
    { code: copied('{ phone, ok: result.ok, result }'), filename: 'notify.ts' },
    // failures already left the loop: only successes reach the record
    { code: copied('{ phone, ok: result.ok, sid: result.sid }', '\n    if (!result.ok) throw new Error(result.errorCode);'), filename: 'notify.ts' },
    // a field that is not the failure flag
    { code: copied('{ phone, sid: result.sid }'), filename: 'notify.ts' },
    // an audit entry beside the value the function returns, which copies the code: the code is passed on there
    {
      code: `${DELIVER}
export async function notifyOne(phone: string, body: string) {
  const result = await deliver(phone, body);
  await audit.create({ action: 'notified', sent: result.ok, phone });
  return { phone, ok: result.ok, error: result.errorMessage, code: result.errorCode };
}`,
      filename: 'notify.ts',
    },
    // Gupshup: its codes come only in message events, never in the response the wrapper kept
    {
      code: code`
        import axios from 'axios';
        async function deliver(destination: string, text: string) {
          try {
            const { data } = await axios.post('https://api.gupshup.io/wa/api/v1/msg', new URLSearchParams({ channel: 'whatsapp', destination, message: text }));
            return { ok: true, id: data.messageId };
          } catch (e) {
            return { ok: false, error: e.message, details: e.response?.data };
          }
        }
        export async function notifyAll(phones: string[], text: string) {
          const results = [];
          for (const phone of phones) {
            const result = await deliver(phone, text);
            results.push({ phone, ok: result.ok, error: result.error });
          }
          return results;
        }
      `,
      filename: 'notify.ts',
    },
  ],
  invalid: [
    // the wrapper's failures keep no code: that is reported in the wrapper, and nothing more is lost in the record
    {
      code: `${DELIVER_TEXT}
export async function notifyAll(phones: string[], body: string) {
  const results = [];
  for (const phone of phones) {
    const result = await deliver(phone, body);
    results.push({ phone, ok: result.ok, error: result.errorMessage });
  }
  return results;
}`,
      filename: 'notify.ts',
      errors: [{ messageId: 'droppedReturn', data: { ...COPY_DATA, codeField: 'body.code' }, line: 9, column: 5, endLine: 9, endColumn: 55 }],
    },
    // the flag and the message copied, the code left behind
    {
      code: copied('{ phone, ok: result.ok, error: result.errorMessage }'),
      filename: 'notify.ts',
      errors: [{ messageId: 'droppedCopy', data: { ...COPY_DATA, flag: 'ok', wrapper: 'deliver', field: 'errorCode' }, line: 16, column: 18, endLine: 16, endColumn: 70 }],
    },
    // the value returned beside the audit entry copies only the message: the entry is where the code is lost
    {
      code: `${DELIVER}
export async function notifyOne(phone: string, body: string) {
  const result = await deliver(phone, body);
  await audit.create({ action: 'notified', sent: result.ok, phone });
  return { phone, error: result.errorMessage };
}`,
      filename: 'notify.ts',
      errors: [{ messageId: 'droppedCopy', data: { ...COPY_DATA, flag: 'ok', wrapper: 'deliver', field: 'errorCode' }, line: 14, column: 22, endLine: 14, endColumn: 68 }],
    },
    // in a map over the results, returned from an arrow function
    {
      code: `${DELIVER}
export async function notifyAll(phones: string[], body: string) {
  return Promise.all(phones.map(async (phone) => {
    const result = await deliver(phone, body);
    return { phone, sent: result.ok, error: result.errorMessage };
  }));
}`,
      filename: 'notify.ts',
      errors: [{ messageId: 'droppedCopy', data: { ...COPY_DATA, flag: 'ok', wrapper: 'deliver', field: 'errorCode' }, line: 15, column: 12, endLine: 15, endColumn: 66 }],
    },
  ],
});

const THROWN_APP = fileURLToPath(new URL('../fixtures/cross-file/thrown-fields/', import.meta.url));
/** A note sent through the fixture's wrapper; the catch returns one field of the error it throws. */
const noteSender = (field: string) => code`
  import { sendText } from './wa-send';
  import type { DeliveryError } from './wa-error';
  export async function sendNote(to: string, text: string) {
    try {
      return { success: true, id: await sendText(to, text) };
    } catch (e) {
      return { success: false, ${field}: (e as DeliveryError).${field} };
    }
  }
`;
/** A reminder sent through the fixture's Graph helper; the catch returns one field of the error that helper builds. */
const reminderSender = (field: string) => code`
  import { sendReminder } from './graph-send';
  import type { GraphSendError } from './graph-errors';
  export async function remind(phoneNumberId: string, to: string) {
    try {
      return { ok: true, id: await sendReminder(phoneNumberId, to, 1) };
    } catch (err) {
      return { ok: false, ${field}: (err as GraphSendError).${field} };
    }
  }
`;

ruleTester.run('preserve-error-code: a field of the error another file throws', rule, {
  valid: [
    // the wrapper throws WaError with the code in its `code` parameter property: copying it keeps the code
    {
      filename: `${THROWN_APP}src/receipts.ts`,
      code: code`
        import { sendTemplate } from './wa-send';
        import { WaError } from './wa-error';
        export async function sendReceipt(to: string) {
          try {
            return { ok: true, id: await sendTemplate(to) };
          } catch (err) {
            if (err instanceof WaError) return { ok: false, error: err.message, code: err.code };
            return { ok: false, error: 'receipt not sent' };
          }
        }
      `,
    },
    // a field the constructor keeps by assignment (`this.reason = reason`), given the code as text
    {
      filename: `${THROWN_APP}src/notes.ts`,
      code: noteSender('reason'),
    },
    // a category another file's helper picks by the code (131047, 130429, the rest): the decision is kept
    {
      filename: `${THROWN_APP}src/reminders.ts`,
      code: reminderSender('category'),
    },
  ],
  invalid: [
    // the channel is a constant the wrapper gives every error: no code in it
    {
      filename: `${THROWN_APP}src/notes.ts`,
      code: noteSender('channel'),
      errors: [{ messageId: 'droppedReturn', data: META_DATA, line: 7, column: 5, endLine: 7, endColumn: 70 }],
    },
    // the attempt number the helper is given, not picked by the code
    {
      filename: `${THROWN_APP}src/reminders.ts`,
      code: reminderSender('attempt'),
      errors: [{ messageId: 'droppedReturn', data: META_TEMPLATE_DATA, line: 7, column: 5, endLine: 7, endColumn: 68 }],
    },
  ],
});

// Vonage's generic errors reach every endpoint; the Messages API's own (1340, the closed 24-hour window) only sends.
// A request that sends no message (WhatsApp template management) cites the generic pair.
const VONAGE_DATA = { provider: 'vonage', first: "'1340'", second: "'1000'", codeField: 'body.type', keep: 'the parsed error body' };
const VONAGE_REQUEST_DATA = { ...VONAGE_DATA, first: "'unauthorized'", second: "'invalid-params'" };

ruleTester.run('preserve-error-code: Vonage requests that send no message', rule, {
  valid: [],
  invalid: [
    {
      code: code`
        export async function listTemplates(wabaId: string, auth: string) {
          const res = await fetch(\`https://api.nexmo.com/v2/whatsapp-manager/wabas/\${wabaId}/templates\`, { headers: { Authorization: auth } });
          if (!res.ok) throw new Error(\`Template listing failed with \${res.status}\`);
          return res.json();
        }
      `,
      filename: 'templates.ts',
      errors: [{ messageId: 'droppedThrow', data: VONAGE_REQUEST_DATA, line: 3, column: 16, endLine: 3, endColumn: 78 }],
    },
    {
      code: code`
        export async function notify(to: string, auth: string) {
          const res = await fetch('https://api.nexmo.com/v1/messages', { method: 'POST', headers: { Authorization: auth }, body: JSON.stringify({ channel: 'whatsapp', message_type: 'text', to, from: '447700900000', text: 'hi' }) });
          if (!res.ok) throw new Error(\`Send failed with \${res.status}\`);
          return res.json();
        }
      `,
      filename: 'notify.ts',
      errors: [{ messageId: 'droppedThrow', data: VONAGE_DATA, line: 3, column: 16, endLine: 3, endColumn: 66 }],
    },
  ],
});

// A class that extends a base class of another file: `this.messagesUrl` is what the base sets
// (in its constructor, or from what `super(…)` passes it), and `this.post(…)` is the base's method.
const INHERITED_APP = fileURLToPath(new URL('../fixtures/cross-file/inherited/', import.meta.url));
/** A text sender extending `base` (imported from `./<module>`): it posts to `this.<field>` and returns `failure` from its catch. */
const inheritedSender = (base: string, module: string, field: string, failure: string, constructor = '') => code`
  import axios from 'axios';
  import { ${base} } from './${module}';
  export class TextSender extends ${base} {${constructor}
    async send(to: string, body: string) {
      try {
        const res = await axios.post(this.${field}, { to, type: 'text', text: { body } });
        return { ok: true, id: res.data.messages[0].id };
      } catch (err: any) {
        return ${failure};
      }
    }
  }
`;
const SUPER_URL = `
    constructor() {
      super(\`https://graph.facebook.com/v21.0/\${process.env.WHATSAPP_PHONE_NUMBER_ID}/messages\`);
    }`;

/** A sender extending the Graph client of test/fixtures/cross-file/inherited, whose `post()` makes the request; `error` is what its catch gives back. */
const orderSender = (error: string) => code`
  import { GraphClient } from './graph-client';
  export class OrderSender extends GraphClient {
    async confirm(to: string) {
      try {
        return { ok: true, id: await this.post({ to, type: 'template', template: { name: 'order_confirmed', language: { code: 'en' } } }) };
      } catch (err) {
        return { ok: false, error: ${error} };
      }
    }
  }
`;

ruleTester.run('preserve-error-code: requests of a class through what its base class gives it', rule, {
  valid: [
    // the catch hands on the error body: the code is kept
    {
      filename: `${INHERITED_APP}src/text-sender.ts`,
      code: inheritedSender('GraphApi', 'graph-api', 'messagesUrl', '{ ok: false, error: err.response?.data }'),
    },
    // the base class is a CRM's API: no WhatsApp provider, nothing to keep
    {
      filename: `${INHERITED_APP}src/text-sender.ts`,
      code: inheritedSender('CrmApi', 'crm-api', 'contactsUrl', '{ ok: false, error: err.message }'),
    },
    // the base's method is called and its error handed on whole
    {
      filename: `${INHERITED_APP}src/order-sender.ts`,
      code: orderSender('err'),
    },
  ],
  invalid: [
    // the URL is set in the base class's constructor, in another file
    {
      filename: `${INHERITED_APP}src/text-sender.ts`,
      code: inheritedSender('GraphApi', 'graph-api', 'messagesUrl', '{ ok: false, error: err.message }'),
      errors: [{ messageId: 'droppedReturn', data: META_DATA, line: 9, column: 7, endLine: 9, endColumn: 48 }],
    },
    // two levels up: the base's base sets it
    {
      filename: `${INHERITED_APP}src/text-sender.ts`,
      code: inheritedSender('GraphEndpoint', 'graph-endpoint', 'messagesUrl', '{ ok: false, error: err.message }'),
      errors: [{ messageId: 'droppedReturn', data: META_DATA, line: 9, column: 7, endLine: 9, endColumn: 48 }],
    },
    // the base keeps what the derived constructor passes to `super(…)`
    {
      filename: `${INHERITED_APP}src/text-sender.ts`,
      code: inheritedSender('UrlApi', 'url-api', 'url', '{ ok: false, error: err.message }', SUPER_URL),
      errors: [{ messageId: 'droppedReturn', data: META_DATA, line: 12, column: 7, endLine: 12, endColumn: 48 }],
    },
    // `this.post(…)` is the base class's method, which makes the request
    {
      filename: `${INHERITED_APP}src/order-sender.ts`,
      code: orderSender('(err as Error).message'),
      errors: [{ messageId: 'droppedReturn', data: META_DATA, line: 7, column: 7, endLine: 7, endColumn: 59 }],
    },
  ],
});

/** Twilio's Messages resource, as `https.request` options. */
const NODE_TWILIO_OPTIONS = "{ hostname: 'api.twilio.com', path: `/2010-04-01/Accounts/${process.env.TWILIO_ACCOUNT_SID}/Messages.json`, method: 'POST' }";

// ══ a promise made by hand around Node's https.request: `reject(…)` is how it throws, `resolve(…)` how it returns ══
ruleTester.run('preserve-error-code (promise made by hand)', rule, {
  valid: [
    // rejected with the parsed error body
    nodeHttpSend(NODE_META_OPTIONS, 'const body = JSON.parse(data); if (res.statusCode !== 200) return reject(body.error); resolve(body);'),
    // rejected with an error that keeps the code
    nodeHttpSend(NODE_META_OPTIONS, 'const body = JSON.parse(data); if (body.error) reject(Object.assign(new Error(body.error.message), { code: body.error.code })); else resolve(body);'),
    // a `reject` of a promise the function neither returns nor awaits settles nothing its callers see
    nodeHttpSend(NODE_META_OPTIONS, 'if (res.statusCode >= 400) reject(new Error(`send failed: ${res.statusCode}`)); else resolve(true);').replace('return new Promise(', 'void new Promise('),
    // resolved with a failure value that keeps the parsed error body, or its code
    nodeHttpSend(NODE_META_OPTIONS, 'const body = JSON.parse(data); if (res.statusCode !== 200) resolve({ ok: false, error: body.error }); else resolve({ ok: true, id: body.messages[0].id });'),
    nodeHttpSend(NODE_META_OPTIONS, 'const body = JSON.parse(data); if (body.error) resolve({ ok: false, code: body.error.code }); else resolve({ ok: true });'),
    // a `resolve` of a promise the function does not return gives its callers nothing
    nodeHttpSend(NODE_META_OPTIONS, 'if (res.statusCode >= 400) resolve({ ok: false, status: res.statusCode }); else resolve({ ok: true });').replace('return new Promise(', 'void new Promise('),
  ],
  invalid: [
    // the else of a 2xx test rejects with the status only
    {
      code: nodeHttpSend(NODE_META_OPTIONS, 'if (res.statusCode >= 200 && res.statusCode < 300) resolve(true); else reject(new Error(`WhatsApp send failed: ${res.statusCode}`));'),
      errors: [{ messageId: 'droppedThrow', data: { ...META_DATA, keep: 'the parsed error body' }, line: 8, column: 100, endLine: 8, endColumn: 160 }],
    },
    // the options' host and path read off a `new URL(…)` (a template listing: the host says it is the Cloud API)
    {
      code: code`
        import https from 'node:https';

        const GRAPH = 'https://graph.facebook.com/v21.0';

        export function listTemplates(wabaId: string) {
          const url = new URL(\`\${GRAPH}/\${wabaId}/message_templates\`);
          url.searchParams.append('fields', 'name,status');
          return new Promise((resolve, reject) => {
            const req = https.request({ hostname: url.hostname, path: url.pathname + url.search, method: 'GET' }, (res) => {
              let data = '';
              res.on('data', (chunk) => (data += chunk));
              res.on('end', () => {
                const parsed = JSON.parse(data);
                if (parsed.error) reject(new Error(parsed.error.message));
                else resolve(parsed.data);
              });
            });
            req.end();
          });
        }
      `,
      errors: [{ messageId: 'droppedThrow', data: { provider: 'meta-cloud', first: '190', second: '100', codeField: 'body.error.code', keep: 'the parsed error body' }, line: 14, column: 27, endLine: 14, endColumn: 66 }],
    },
    // the same in an `if` block, after logging the body
    {
      code: nodeHttpSend(NODE_META_OPTIONS, "if (res.statusCode >= 400) { console.error('send failed', data); reject(new Error('send failed')); return; } resolve(JSON.parse(data));"),
      errors: [{ messageId: 'droppedThrow', data: { ...META_DATA, keep: 'the parsed error body' }, line: 8, column: 94, endLine: 8, endColumn: 126 }],
    },
    // `resolve(…)` of the promise the function returns is how it returns: the failure value keeps the status only
    {
      code: nodeHttpSend(NODE_META_OPTIONS, 'if (res.statusCode >= 200 && res.statusCode < 300) resolve({ success: true }); else resolve({ success: false, status: res.statusCode });'),
      errors: [{ messageId: 'droppedReturn', data: META_DATA, line: 8, column: 113, endLine: 8, endColumn: 164 }],
    },
    // Twilio's REST API by hand: the failure value keeps Twilio's message, not its code
    {
      code: nodeHttpSend(NODE_TWILIO_OPTIONS, 'const parsed = JSON.parse(data); if (res.statusCode === 201) resolve({ success: true, sid: parsed.sid }); else resolve({ success: false, error: parsed.message });'),
      errors: [{ messageId: 'droppedReturn', data: TWILIO_DATA, line: 8, column: 140, endLine: 8, endColumn: 190 }],
    },
  ],
});

// ══ a wrapper that throws the error body's part as it is: the catch around its call holds it ══
/** `sendText` throwing (fetch) or rejecting with (Node) `failure` when the send fails, and a caller whose catch handles two codes. */
const thrownBodyApp = (wrapper: 'fetch' | 'node', failure: string) =>
  (wrapper === 'fetch'
    ? code`
        export async function sendText(to: string, text: string) {
          const res = await fetch('https://graph.facebook.com/v21.0/1234567890/messages', { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text: { body: text } }) });
          const data = await res.json();
          if (!res.ok) throw ${failure};
          return data;
        }
      `
    : nodeHttpSend(NODE_META_OPTIONS, `const data = JSON.parse(raw); if (res.statusCode !== 200) reject(${failure}); else resolve(data);`).replace(/\bdata\b(?= \+=|: string| = '')/g, 'raw').replace("let data = '';", "let raw = '';").replace('(data += chunk)', '(raw += chunk)')) +
  '\n' +
  code`
    export async function notify(to: string) {
      try {
        await sendText(to, 'Your order has shipped');
      } catch (err) {
        if (err.code === 131047) return { ok: false, reason: 'outside the 24-hour window' };
        if (err.code === 131026) return { ok: false, reason: 'not on WhatsApp' };
        throw err;
      }
      return { ok: true };
    }
  `;

ruleTester.run('preserve-error-code (a wrapper that throws the error body)', rule, {
  valid: [
    // a send that calls itself again before it gives up ends in a `throw` but does not always throw:
    // `return send(…)` on the failure side hands back that send's outcome, it drops nothing
    code`
      export async function send(to: string, text: string, attempt = 0): Promise<unknown> {
        const res = await fetch('https://graph.facebook.com/v21.0/1234567890/messages', { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text: { body: text } }) });
        const data = await res.json();
        if (res.ok) return data;
        if (attempt < 3) return send(to, text, attempt + 1);
        throw data.error;
      }
    `,
    // `throw data.error`: `err.code` is the code, and each branch decided on one
    thrownBodyApp('fetch', 'data.error'),
    // `reject(data.error)` in a promise made by hand around https.request
    thrownBodyApp('node', 'data.error'),
  ],
  invalid: [
    // the wrapper throws an error of its own: the code is lost there (the caller's `err.code` is not the provider's)
    {
      code: thrownBodyApp('fetch', "new Error('send failed')"),
      errors: [{ messageId: 'droppedThrow', data: { ...META_DATA, keep: 'the parsed error body' }, line: 4, column: 16, endLine: 4, endColumn: 47 }],
    },
  ],
});

// A catch variable of unknown type is read through TypeScript's usual narrowing (`err instanceof Error ? err.message :
// 'Unknown error'`, twentieth round: a Vonage service's failure value): the test only picks a side, and the value is
// one of the two sides. Each side here keeps only text, so the code is dropped as with `err.message` alone.
const VONAGE_VALUE_DATA = { provider: 'vonage', first: "'1340'", second: "'1000'", codeField: 'body.type' };
ruleTester.run('preserve-error-code: a conditional value is one of its sides, not its test', rule, {
  valid: [
    // the side taken for an axios error keeps its body
    code`
      import axios, { AxiosError } from 'axios';
      export async function send(payload: object) {
        try {
          const { data } = await axios.post('${META}', payload);
          return { ok: true, id: data.messages[0].id };
        } catch (e) {
          return { ok: false, error: e instanceof AxiosError ? e.response?.data : String(e) };
        }
      }
    `,
    // the error itself on one side
    code`
      import axios from 'axios';
      export async function send(payload: object) {
        try {
          const { data } = await axios.post('${META}', payload);
          return { ok: true, id: data.messages[0].id };
        } catch (e) {
          return { ok: false, error: e instanceof Error ? e : new Error(String(e)) };
        }
      }
    `,
  ],
  invalid: [
    {
      code: code`
        import axios from 'axios';
        export async function send(payload: object) {
          try {
            const { data } = await axios.post('${META}', payload);
            return { ok: true, id: data.messages[0].id };
          } catch (e) {
            return { ok: false, error: e instanceof Error ? e.message : 'Unknown error' };
          }
        }
      `,
      errors: [{ messageId: 'droppedReturn', data: META_DATA, line: 7, column: 5, endLine: 7, endColumn: 83, suggestions: [] }],
    },
    // Vonage's Messages SDK in a service class: the reason kept as text only
    {
      code: code`
        import { Vonage } from '@vonage/server-sdk';
        import { WhatsAppText } from '@vonage/messages';
        class Notifier {
          private vonage = new Vonage({ applicationId: 'app', privateKey: 'key' });
          async notify(to: string, text: string) {
            try {
              const { messageUUID } = await this.vonage.messages.send(new WhatsAppText({ from: '4470000', to, text }));
              return { success: true, id: messageUUID };
            } catch (error) {
              return { success: false, reason: error instanceof Error ? error.message : 'send failed' };
            }
          }
        }
        export const notifier = new Notifier();
      `,
      errors: [{ messageId: 'droppedReturn', data: VONAGE_VALUE_DATA, line: 10, column: 7, endLine: 10, endColumn: 97, suggestions: [] }],
    },
  ],
});
