/**
 * no-message-branching: a decision on a provider error's human-readable text
 * (Meta `error.message` / `error_user_msg` / `error_user_title` /
 * `error_data.details`, wa-server `error.message`, Digiworld and MsgBubbles
 * `message`, Connexease `errors.description`, CEQUENS `errors[0].title` /
 * `details`, or an `Error` a same-file wrapper builds from one of them) is
 * reported; logging, displaying, wrapping or rethrowing the text is not.
 *
 * The message depends on the tested text: one documented title (or a
 * `(#131047)` reference) → `messageIsTitle`; several titles →
 * `messageMatchesTitles`; none → `messageBranching`. Only `messageIsTitle`
 * suggests a rewrite, and only for `===` / `!==` / `includes` / `startsWith` /
 * `endsWith` / `test` on a plain member chain off the body, whose code
 * expression the suggestion can spell out. Titles and codes come from
 * src/catalog/providers/*.ts.
 */
import { fileURLToPath } from 'node:url';
import { ruleTester, code } from '../rule-tester.js';
import rule from '../../rules/no-message-branching.js';

const META = 'https://graph.facebook.com/v21.0/1234567890/messages';
const CEQUENS = 'https://apis.cequens.com/conversation-app/api/v1/messages';
const WA = 'https://wa.sagad.net/api/v1/messages/send';
const DIGI = 'https://digichat.digiworld-dev.com/api/whatsapp/TOKEN/sendMessage';
const BUBBLES = 'https://api.msgbubbles.com/v1/messages';
const CONNEX = 'https://api.gateway.connexease.com/v1/messages';

// --- expected message data -------------------------------------------------

/** Which text was tested, whose, and the field to branch on instead. */
const meta = (field = 'error.message') => ({ field, provider: 'meta-cloud', codeField: 'body.error.code' });
const cequens = (field = 'errors[0].title') => ({ field, provider: 'cequens', codeField: 'body.errors[0].code' });
const waServer = () => ({ field: 'error.message', provider: 'wa-server', codeField: 'body.error.code' });
const digiworld = () => ({ field: 'message', provider: 'digiworld', codeField: 'body.error' });
const msgbubbles = () => ({ field: 'message', provider: 'msgbubbles', codeField: 'body.error' });
const connexease = () => ({ field: 'errors.description', provider: 'connexease', codeField: 'body.errors.code' });

/** `messageIsTitle`: the one documented entry the text points at. */
const title = (base: object, code: string, title: string) => ({ ...base, code, title });
/** `messageMatchesTitles`: the entries whose titles the text matches, in catalog order. */
const titles = (base: object, codes: string) => ({ ...base, codes });

const REENGAGEMENT = 'Re-engagement message';
const RATE_LIMIT_HIT = 'Rate limit hit';

ruleTester.run('no-message-branching', rule, {
  valid: [
    // Values pulled out of the text by a regular expression's groups are read, not decided on:
    // the match is tested only to read its own group (`m ? Number(m[1]) : null`, `?.[1]`)
    code`
      import axios from 'axios';
      export async function sendReminder(to: string, payload: object) {
        try {
          await axios.post('${META}', payload);
        } catch (err) {
          const failure = err.response?.data?.error || {};
          const details = failure.error_data?.details || '';
          const wanted = details.match(/expected number of params \\((\\d+)\\)/);
          const wantedCount = wanted ? Number(wanted[1]) : null;
          const given = /localizable_params \\((\\d+)\\)/.exec(details);
          throw new ReminderError(failure.code, wantedCount, given ? Number(given[1]) : 0, { cause: err });
        }
      }
    `,
    code`
      const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      if (!res.ok) {
        const field = body.error.error_data.details.match(/parameter (\\w+)/)?.[1];
        throw new SendError(body.error.code, field);
      }
    `,
    // Logging, displaying, wrapping and rethrowing the text are not decisions
    code`
      const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      if (body.error) throw new Error(body.error.message);
    `,
    code`
      import axios from 'axios';
      try {
        await axios.post('${META}', payload);
      } catch (err) {
        const msg = err.response?.data?.error?.message;
        console.error(msg);
        logger.warn(\`WhatsApp send failed: \${msg} (code \${err.response?.data?.error?.code})\`);
        throw new Error(msg, { cause: err });
      }
    `,
    // an Express handler passing the provider's text on to its own client
    code`
      import axios from 'axios';
      app.post('/notify', async (req, res) => {
        try {
          await axios.post('${META}', req.body);
          res.sendStatus(204);
        } catch (err) {
          const msg = err.response?.data?.error?.message ?? 'WhatsApp error';
          res.status(500).send(msg);
        }
      });
    `,
    // stripping the (#code) prefix for display is a transformation, not a test
    code`
      const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      const text = body.error.message.replace(/^\\(#\\d+\\)\\s*/, '').trim();
      showToast(text);
    `,
    // presence, length and a value known only at run time are not tests of the provider's wording
    code`
      const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      if (body.error?.message) report(body.error.message);
      if (body.error.error_data.details.length > 200) truncate();
      if (body.error.message === lastMessage) suppressDuplicate();
    `,
    // comparing with the empty string only asks whether there is any text
    code`
      const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      if (body.error.message === '') body.error.message = 'Unknown WhatsApp error';
    `,
    // branching on the code, and on fields that are not human-readable text
    code`
      const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      if (body.error.code === 131047) await sendTemplate(to);
      if (body.error.type === 'OAuthException') refreshToken();
    `,
    code`
      const res = await fetch('${CEQUENS}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      if (body.errors[0].code === 470) await sendTemplate(to);
      console.warn(body.errors.map((e) => \`\${e.code}: \${e.title} \${e.details}\`).join('; '));
    `,
    code`
      import axios from 'axios';
      try {
        await axios.post('${WA}', payload);
      } catch (err) {
        const error = err.response?.data?.error;
        if (error?.code === 'validation_error') highlightField(error.details.field);
        else notifyUser(error?.message);
      }
    `,
    code`
      import got from 'got';
      const body = await got.post('${DIGI}', { json: payload, throwHttpErrors: false }).json();
      if (body.error === 'insufficient_balance') alert(\`Top up: \${body.message}\`);
    `,
    code`
      import { ofetch } from 'ofetch';
      try {
        await ofetch('${BUBBLES}', { method: 'POST', body: message });
      } catch (err) {
        if (err.data?.error === 'device_offline') await retryWithSameKey();
        else setStatus({ error: err.data?.error, message: err.data?.message, requestId: err.data?.request_id });
      }
    `,
    code`
      const res = await fetch('${CONNEX}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      if (!body.isSuccess) throw new ConnexeaseError(body.errors.code, body.errors.description);
    `,
    // a wrapper that throws the provider's text, and a caller that only logs it
    code`
      async function send(payload: unknown) {
        const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
        const json = await res.json();
        if (!res.ok) throw new Error(json.message);
        return json;
      }
      try {
        await send({ to, text });
      } catch (e) {
        console.error(e.message);
      }
    `,

    // The message of an Error that does not carry the provider's text
    // fetch's own network error
    code`
      try {
        await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      } catch (e) {
        if (e.message.includes('fetch failed')) markOffline();
      }
    `,
    // axios' own timeout error
    code`
      import axios from 'axios';
      try {
        await axios.post('${WA}', payload, { timeout: 5000 });
      } catch (err) {
        if (err.message.startsWith('timeout of')) retryLater();
      }
    `,
    // an Error from something else in a file that calls a provider
    code`
      await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      try {
        config = JSON.parse(raw);
      } catch (e) {
        if (e.message.includes('Unexpected token')) config = {};
      }
    `,
    // a `try` that parses something else, with a fallback in its `catch`, in a file that calls a provider
    code`
      const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      let saved;
      try {
        saved = JSON.parse(localStorage.getItem('last-error') ?? '');
      } catch {
        saved = { error: { message: '' } };
      }
      if (saved.error?.message?.includes('redirect_uri')) showSetupHelp();
    `,
    // a wrapper that throws its own fixed text, not the provider's
    code`
      async function send(payload: unknown) {
        const res = await fetch('${DIGI}', { method: 'POST', body: JSON.stringify(payload) });
        if (!res.ok) throw new Error('Digiworld send failed');
        return res.json();
      }
      try {
        await send({ to, text });
      } catch (e) {
        if (e.message === 'Digiworld send failed') notify();
      }
    `,

    // Not a provider's body
    // a file that names no provider
    code`
      const res = await fetch('https://api.example.com/send', { method: 'POST' });
      const body = await res.json();
      if (body.error.message.includes('(#131047)') || body.message === 'Rate limit exceeded') retry();
    `,
    // another API's body in a file that also calls a provider
    code`
      await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
      const res = await fetch('https://api.example.com/send', { method: 'POST' });
      const body = await res.json();
      if (body.message === 'Rate limit exceeded') retry();
    `,
    // a parameter no provider call feeds
    code`
      await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      export function isWindowClosed(body: { error: { message: string } }) {
        return body.error.message.includes('(#131047)');
      }
    `,
  ],

  invalid: [
    // ══ Meta Cloud API: how the text is reached ══
    // fetch, then `await res.json()`
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error.message === 'Re-engagement message') await sendTemplate(to);
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(meta(), '131047', REENGAGEMENT),
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'useCode',
              data: { replacement: 'body.error.code === 131047' },
              output: code`
                const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.error.code === 131047) await sendTemplate(to);
              `,
            },
          ],
        },
      ],
    },
    // `.then((r) => r.json()).then((body) => …)`; the `(#131047)` prefix names the code
    {
      code: code`
        fetch('${META}', { method: 'POST', body: JSON.stringify(payload) })
          .then((r) => r.json())
          .then((body) => {
            if (body.error.message.includes('(#131047)')) return sendTemplate(to);
          });
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(meta(), '131047', REENGAGEMENT),
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'useCode',
              data: { replacement: 'body.error.code === 131047' },
              output: code`
                fetch('${META}', { method: 'POST', body: JSON.stringify(payload) })
                  .then((r) => r.json())
                  .then((body) => {
                    if (body.error.code === 131047) return sendTemplate(to);
                  });
              `,
            },
          ],
        },
      ],
    },
    // axios: `res.data`
    {
      code: code`
        import axios from 'axios';
        const res = await axios.post('${META}', payload, { validateStatus: () => true });
        if (res.data.error.message.startsWith('(#131047)')) await sendTemplate(to);
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(meta(), '131047', REENGAGEMENT),
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'useCode',
              data: { replacement: 'res.data.error.code === 131047' },
              output: code`
                import axios from 'axios';
                const res = await axios.post('${META}', payload, { validateStatus: () => true });
                if (res.data.error.code === 131047) await sendTemplate(to);
              `,
            },
          ],
        },
      ],
    },
    // axios: `const { data } = …`, optional chaining kept in the suggestion
    {
      code: code`
        import axios from 'axios';
        const { data } = await axios.post('${META}', payload, { validateStatus: () => true });
        if (data.error?.message?.endsWith('Rate limit hit')) await backOff();
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(meta(), '130429', RATE_LIMIT_HIT),
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'useCode',
              data: { replacement: 'data.error?.code === 130429' },
              output: code`
                import axios from 'axios';
                const { data } = await axios.post('${META}', payload, { validateStatus: () => true });
                if (data.error?.code === 130429) await backOff();
              `,
            },
          ],
        },
      ],
    },
    // axios: the caught `err.response?.data`
    {
      code: code`
        import axios from 'axios';
        try {
          await axios.post('${META}', payload);
        } catch (err) {
          if (err.response?.data?.error?.message?.includes('(#131047)')) await sendTemplate(to);
          else throw err;
        }
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(meta(), '131047', REENGAGEMENT),
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 64,
          suggestions: [
            {
              messageId: 'useCode',
              data: { replacement: 'err.response?.data?.error?.code === 131047' },
              output: code`
                import axios from 'axios';
                try {
                  await axios.post('${META}', payload);
                } catch (err) {
                  if (err.response?.data?.error?.code === 131047) await sendTemplate(to);
                  else throw err;
                }
              `,
            },
          ],
        },
      ],
    },
    // axios: `.catch((err) => …)`, Meta's `error_user_title`
    {
      code: code`
        import axios from 'axios';
        axios.post('${META}', payload).catch((err) => {
          if (err.response.data.error.error_user_title === 'Re-engagement message') return sendTemplate(to);
          throw err;
        });
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(meta('error.error_user_title'), '131047', REENGAGEMENT),
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 75,
          suggestions: [
            {
              messageId: 'useCode',
              data: { replacement: 'err.response.data.error.code === 131047' },
              output: code`
                import axios from 'axios';
                axios.post('${META}', payload).catch((err) => {
                  if (err.response.data.error.code === 131047) return sendTemplate(to);
                  throw err;
                });
              `,
            },
          ],
        },
      ],
    },
    // the body parsed in a `try`, with a fallback object in its `catch`: the text read after it is the provider's
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const text = await res.text();
        let body;
        try {
          body = JSON.parse(text);
        } catch {
          body = { error: { message: text } };
        }
        if (!res.ok && body.error?.message?.includes('redirect_uri')) throw new Error('Fix the app configuration');
      `,
      errors: [
        {
          messageId: 'messageBranching',
          data: meta('error.message'),
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 61,
          suggestions: [],
        },
      ],
    },
    // Meta's `error_user_msg`: no title in it
    {
      code: code`
        import axios from 'axios';
        try {
          await axios.post('${META}', payload);
        } catch (err) {
          if (err.response.data.error.error_user_msg.includes('24 hours')) await sendTemplate(to);
        }
      `,
      errors: [
        {
          messageId: 'messageBranching',
          data: meta('error.error_user_msg'),
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 66,
          suggestions: [],
        },
      ],
    },
    // Meta's `error_data.details`: one text two codes share, one that matches none
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error.error_data.details.startsWith('Parameter value is not valid')) fixPayload();
        if (body.error.error_data.details.includes('more than 24 hours')) await sendTemplate(to);
      `,
      errors: [
        {
          messageId: 'messageMatchesTitles',
          data: titles(meta('error.error_data.details'), '33 and 131009'),
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 77,
          suggestions: [],
        },
        {
          messageId: 'messageBranching',
          data: meta('error.error_data.details'),
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 65,
          suggestions: [],
        },
      ],
    },
    // destructuring: no member chain to rewrite
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        const { error: { message } } = body;
        if (message === 'Rate limit hit') await backOff();
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(meta(), '130429', RATE_LIMIT_HIT),
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 33,
          suggestions: [],
        },
      ],
    },
    // destructuring the caught error's body
    {
      code: code`
        import axios from 'axios';
        try {
          await axios.post('${META}', payload);
        } catch (err) {
          const { message, code } = err.response.data.error;
          if (message.includes('Re-engagement')) await sendTemplate(to);
          else log(code);
        }
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(meta(), '131047', REENGAGEMENT),
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 40,
          suggestions: [],
        },
      ],
    },
    // a variable holding the message
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        const msg = body.error.message;
        if (msg.includes('24 hours')) await sendTemplate(to);
      `,
      errors: [
        {
          messageId: 'messageBranching',
          data: meta(),
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 29,
          suggestions: [],
        },
      ],
    },
    // a destructured catch parameter
    {
      code: code`
        import axios from 'axios';
        try {
          await axios.post('${META}', payload);
        } catch ({ response }) {
          if (response.data.error.message.includes('(#131047)')) await sendTemplate(to);
        }
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(meta(), '131047', REENGAGEMENT),
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'useCode',
              data: { replacement: 'response.data.error.code === 131047' },
              output: code`
                import axios from 'axios';
                try {
                  await axios.post('${META}', payload);
                } catch ({ response }) {
                  if (response.data.error.code === 131047) await sendTemplate(to);
                }
              `,
            },
          ],
        },
      ],
    },
    // a retry library's decision callback
    {
      code: code`
        import pRetry from 'p-retry';
        import axios from 'axios';
        await pRetry(() => axios.post('${META}', payload), {
          shouldRetry: (err) => !err.response.data.error.message.includes('24 hours'),
        });
      `,
      errors: [
        {
          messageId: 'messageBranching',
          data: meta(),
          line: 4,
          column: 26,
          endLine: 4,
          endColumn: 78,
          suggestions: [],
        },
      ],
    },
    // a type assertion on the text
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if ((body.error.message as string).startsWith('(#131047)')) await sendTemplate(to);
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(meta(), '131047', REENGAGEMENT),
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'useCode',
              data: { replacement: 'body.error.code === 131047' },
              output: code`
                const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.error.code === 131047) await sendTemplate(to);
              `,
            },
          ],
        },
      ],
    },

    // ══ Meta Cloud API: transformed text ══
    // `.toLowerCase()` first
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error.message.toLowerCase().includes('re-engagement')) await sendTemplate(to);
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(meta(), '131047', REENGAGEMENT),
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 63,
          suggestions: [],
        },
      ],
    },
    // the `(#131047)` prefix stripped with `.replace(...)`, then the rest matched
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        const text = body.error.message.replace(/^\\(#\\d+\\)\\s*/, '');
        if (text === 'Re-engagement message') await sendTemplate(to);
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(meta(), '131047', REENGAGEMENT),
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 37,
          suggestions: [],
        },
      ],
    },
    // a chain of transformations in place
    {
      code: code`
        import axios from 'axios';
        try {
          await axios.post('${META}', payload);
        } catch (err) {
          if (err.response.data.error.message.replace(/^\\(#\\d+\\)/, '').trim().toLowerCase() === 'rate limit hit') await backOff();
        }
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(meta(), '130429', RATE_LIMIT_HIT),
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 105,
          suggestions: [],
        },
      ],
    },

    // ══ Meta Cloud API: test forms ══
    // `!==` keeps its sense; the full Meta text names the code
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error.message !== '(#130429) Rate limit hit') throw new Error(body.error.message);
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(meta(), '130429', RATE_LIMIT_HIT),
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'useCode',
              data: { replacement: 'body.error.code !== 130429' },
              output: code`
                const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.error.code !== 130429) throw new Error(body.error.message);
              `,
            },
          ],
        },
      ],
    },
    // loose equality, literal on the left
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if ('Re-engagement message' == body.error.message) await sendTemplate(to);
        if (body.error.message != 'Rate limit hit') throw new Error(body.error.message);
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(meta(), '131047', REENGAGEMENT),
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 50,
          suggestions: [
            {
              messageId: 'useCode',
              data: { replacement: 'body.error.code === 131047' },
              output: code`
                const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.error.code === 131047) await sendTemplate(to);
                if (body.error.message != 'Rate limit hit') throw new Error(body.error.message);
              `,
            },
          ],
        },
        {
          messageId: 'messageIsTitle',
          data: title(meta(), '130429', RATE_LIMIT_HIT),
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'useCode',
              data: { replacement: 'body.error.code !== 130429' },
              output: code`
                const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if ('Re-engagement message' == body.error.message) await sendTemplate(to);
                if (body.error.code !== 130429) throw new Error(body.error.message);
              `,
            },
          ],
        },
      ],
    },
    // a negated `includes`: the rewrite absorbs the `!` into `!==`
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (!body.error.message.includes('(#131047)')) throw new Error(body.error.message);
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(meta(), '131047', REENGAGEMENT),
          line: 3,
          column: 6,
          endLine: 3,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useCode',
              data: { replacement: 'body.error.code !== 131047' },
              output: code`
                const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.error.code !== 131047) throw new Error(body.error.message);
              `,
            },
          ],
        },
      ],
    },
    // `indexOf(...) !== -1`: reported on the call; no suggestion
    {
      code: code`
        import axios from 'axios';
        try {
          await axios.post('${META}', payload);
        } catch (err) {
          if (err.response.data.error.message.indexOf('Re-engagement') !== -1) await sendTemplate(to);
        }
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(meta(), '131047', REENGAGEMENT),
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 63,
          suggestions: [],
        },
      ],
    },
    // a regular expression literal's `test`
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (/^\\(#131047\\)/.test(body.error.message)) await sendTemplate(to);
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(meta(), '131047', REENGAGEMENT),
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'useCode',
              data: { replacement: 'body.error.code === 131047' },
              output: code`
                const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.error.code === 131047) await sendTemplate(to);
              `,
            },
          ],
        },
      ],
    },
    // `new RegExp('…').test(...)`
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (new RegExp('Re-engagement message', 'i').test(body.error.message)) await sendTemplate(to);
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(meta(), '131047', REENGAGEMENT),
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 70,
          suggestions: [
            {
              messageId: 'useCode',
              data: { replacement: 'body.error.code === 131047' },
              output: code`
                const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.error.code === 131047) await sendTemplate(to);
              `,
            },
          ],
        },
      ],
    },
    // a regular expression held in a constant
    {
      code: code`
        const WINDOW_CLOSED = /more than 24 hours/;
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (WINDOW_CLOSED.test(body.error.error_data.details)) await sendTemplate(to);
      `,
      errors: [
        {
          messageId: 'messageBranching',
          data: meta('error.error_data.details'),
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 54,
          suggestions: [],
        },
      ],
    },
    // `match`: no suggestion (the result is not a yes/no)
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error.message.match(/Rate limit hit/)) await backOff();
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(meta(), '130429', RATE_LIMIT_HIT),
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 47,
          suggestions: [],
        },
      ],
    },
    // a match kept in a variable and tested by an \`if\` that does something else: still a decision
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        const closed = body.error.error_data.details.match(/24 hours/);
        if (closed) await sendTemplate(to);
      `,
      errors: [
        {
          messageId: 'messageBranching',
          data: meta('error.error_data.details'),
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 63,
          suggestions: [],
        },
      ],
    },
    // a match whose group is read only after a test that also decides (\`if (m) { wait(m[1]); retry() }\`)
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        const wait = body.error.message.match(/retry in (\\d+)s/);
        if (wait) {
          await sleep(Number(wait[1]) * 1000);
          await send(to);
        }
      `,
      errors: [
        {
          messageId: 'messageBranching',
          data: meta(),
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 57,
          suggestions: [],
        },
      ],
    },
    // `search(...) !== -1`
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error.message.search(/24 hours/) !== -1) await sendTemplate(to);
      `,
      errors: [
        {
          messageId: 'messageBranching',
          data: meta(),
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 42,
          suggestions: [],
        },
      ],
    },
    // a regular expression on a variable: no member chain to rewrite
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        const msg = body.error.message;
        if (/re-engagement/i.test(msg)) await sendTemplate(to);
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(meta(), '131047', REENGAGEMENT),
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 31,
          suggestions: [],
        },
      ],
    },
    // text several titles contain
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error.message.toLowerCase().includes('rate limit')) await backOff();
      `,
      errors: [
        {
          messageId: 'messageMatchesTitles',
          data: titles(meta(), '80007, 130429, 131048 and 2 more'),
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 60,
          suggestions: [],
        },
      ],
    },
    // `switch` on the message: each case is a decision
    {
      code: code`
        import axios from 'axios';
        try {
          await axios.post('${META}', payload);
        } catch (err) {
          switch (err.response?.data?.error?.message) {
            case '(#131047) Re-engagement message':
              await sendTemplate(to);
              break;
            case 'Parameter value is not valid':
              fixPayload();
              break;
            case 'Message failed to send':
              await retry();
              break;
          }
        }
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(meta(), '131047', REENGAGEMENT),
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 43,
          suggestions: [],
        },
        {
          messageId: 'messageMatchesTitles',
          data: titles(meta(), '33 and 131009'),
          line: 9,
          column: 10,
          endLine: 9,
          endColumn: 40,
          suggestions: [],
        },
        {
          messageId: 'messageBranching',
          data: meta(),
          line: 12,
          column: 10,
          endLine: 12,
          endColumn: 34,
          suggestions: [],
        },
      ],
    },
    // a code inside Meta's 200–299 range: the text names 250, so the rewrite tests 250
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error.message.includes('(#250)')) await askForPermission();
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(meta(), '250', 'API permission'),
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'useCode',
              data: { replacement: 'body.error.code === 250' },
              output: code`
                const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.error.code === 250) await askForPermission();
              `,
            },
          ],
        },
      ],
    },

    // ══ An Error built from the text in a same-file wrapper ══
    // Meta: the caller tests `e.message`; the wrapper dropped the code, so there is nothing to rewrite to
    {
      code: code`
        async function sendMessage(payload: unknown) {
          const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
          const json = await res.json();
          if (json.error) throw new Error(json.error.message);
          return json;
        }
        try {
          await sendMessage({ to, text });
        } catch (e) {
          if (e.message.includes('(#131047)')) await sendTemplate(to);
        }
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(meta(), '131047', REENGAGEMENT),
          line: 10,
          column: 7,
          endLine: 10,
          endColumn: 38,
          suggestions: [],
        },
      ],
    },
    // the text inside a template, the test in a `.catch` callback
    {
      code: code`
        async function sendMessage(payload: unknown) {
          const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
          const body = await res.json();
          if (!res.ok) throw new Error(\`WhatsApp: \${body.error.message}\`);
          return body;
        }
        sendMessage({ to, text }).catch((e) => {
          if (e.message.includes('24 hours')) return sendTemplate(to);
          throw e;
        });
      `,
      errors: [
        {
          messageId: 'messageBranching',
          data: meta(),
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 37,
          suggestions: [],
        },
      ],
    },
    // Digiworld: `throw new Error(json.message)`
    {
      code: code`
        async function send(payload: unknown) {
          const res = await fetch('${DIGI}', { method: 'POST', body: JSON.stringify(payload) });
          const json = await res.json();
          if (!res.ok) throw new Error(json.message);
          return json;
        }
        try {
          await send({ to, text });
        } catch (e) {
          if (e.message.includes('balance')) await alertFinance();
        }
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(digiworld(), "'insufficient_balance'", 'Insufficient wallet balance'),
          line: 10,
          column: 7,
          endLine: 10,
          endColumn: 36,
          suggestions: [],
        },
      ],
    },
    // MsgBubbles: `throw new Error(json.message)`
    {
      code: code`
        async function send(payload: unknown) {
          const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
          const json = await res.json();
          if (!res.ok) throw new Error(json.message);
          return json;
        }
        try {
          await send({ to, text });
        } catch (e) {
          if (e.message.startsWith('Rate limit')) await wait(60_000);
        }
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(msgbubbles(), "'rate_limited'", 'Rate limit exceeded'),
          line: 10,
          column: 7,
          endLine: 10,
          endColumn: 41,
          suggestions: [],
        },
      ],
    },
    // an Error built first and thrown after its code is attached
    {
      code: code`
        async function send(payload: unknown) {
          const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
          const json = await res.json();
          if (!res.ok) {
            const error = new Error(json.message);
            error.code = json.error;
            throw error;
          }
          return json;
        }
        try {
          await send({ to, text });
        } catch (e) {
          if (e.message.includes('offline')) await retryWithSameKey();
        }
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(msgbubbles(), "'device_offline'", 'Sending number offline'),
          line: 14,
          column: 7,
          endLine: 14,
          endColumn: 36,
          suggestions: [],
        },
      ],
    },

    // ══ CEQUENS: errors[0].title / errors[0].details ══
    {
      code: code`
        const res = await fetch('${CEQUENS}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.errors[0].title === 'Re-engagement message') await sendTemplate(to);
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(cequens(), '470', REENGAGEMENT),
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'useCode',
              data: { replacement: 'body.errors[0].code === 470' },
              output: code`
                const res = await fetch('${CEQUENS}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.errors[0].code === 470) await sendTemplate(to);
              `,
            },
          ],
        },
      ],
    },
    // 'Generic error' is the title of 500 and of 1000
    {
      code: code`
        const res = await fetch('${CEQUENS}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.errors[0].title === 'Generic error') await retry();
      `,
      errors: [
        {
          messageId: 'messageMatchesTitles',
          data: titles(cequens(), '500 and 1000'),
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 45,
          suggestions: [],
        },
      ],
    },
    // `details`, no title in it
    {
      code: code`
        const res = await fetch('${CEQUENS}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.errors[0].details.includes('24 hours')) await sendTemplate(to);
      `,
      errors: [
        {
          messageId: 'messageBranching',
          data: cequens('errors[0].details'),
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 48,
          suggestions: [],
        },
      ],
    },
    // an element of `errors` in a callback: the suggestion uses the element's code
    {
      code: code`
        const res = await fetch('${CEQUENS}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.errors.some((e) => e.title === 'Rate limit hit')) await backOff();
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(cequens(), '429', RATE_LIMIT_HIT),
          line: 3,
          column: 29,
          endLine: 3,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'useCode',
              data: { replacement: 'e.code === 429' },
              output: code`
                const res = await fetch('${CEQUENS}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.errors.some((e) => e.code === 429)) await backOff();
              `,
            },
          ],
        },
      ],
    },
    // an element of `errors` in a `for…of`
    {
      code: code`
        const res = await fetch('${CEQUENS}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        for (const e of body.errors) {
          if (/re-engagement/i.test(e.details)) await sendTemplate(to);
        }
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(cequens('errors[0].details'), '470', REENGAGEMENT),
          line: 4,
          column: 7,
          endLine: 4,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'useCode',
              data: { replacement: 'e.code === 470' },
              output: code`
                const res = await fetch('${CEQUENS}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                for (const e of body.errors) {
                  if (e.code === 470) await sendTemplate(to);
                }
              `,
            },
          ],
        },
      ],
    },
    // axios, caught, optional chaining through the index
    {
      code: code`
        import axios from 'axios';
        try {
          await axios.post('${CEQUENS}', payload);
        } catch (err) {
          if (err.response?.data?.errors?.[0]?.title?.startsWith('Message expired')) await recompose();
        }
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(cequens(), '410', 'Message expired'),
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 76,
          suggestions: [
            {
              messageId: 'useCode',
              data: { replacement: 'err.response?.data?.errors?.[0]?.code === 410' },
              output: code`
                import axios from 'axios';
                try {
                  await axios.post('${CEQUENS}', payload);
                } catch (err) {
                  if (err.response?.data?.errors?.[0]?.code === 410) await recompose();
                }
              `,
            },
          ],
        },
      ],
    },

    // ══ wa-server: error.message ══
    {
      code: code`
        const res = await fetch('${WA}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error.message === 'Device is offline') await relink();
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(waServer(), "'device_not_connected'", 'Device is offline'),
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useCode',
              data: { replacement: "body.error.code === 'device_not_connected'" },
              output: code`
                const res = await fetch('${WA}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.error.code === 'device_not_connected') await relink();
              `,
            },
          ],
        },
      ],
    },
    // axios, caught
    {
      code: code`
        import axios from 'axios';
        try {
          await axios.post('${WA}', payload);
        } catch (err) {
          if (err.response?.data?.error?.message?.includes('logged out')) await relink();
          else if (err.response?.data?.error?.message?.includes('rate limit')) await wait(1000);
          else if (err.response?.data?.error?.message?.includes('not connected')) await reconnect();
        }
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(waServer(), "'logged_out'", 'Session logged out remotely'),
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'useCode',
              data: { replacement: "err.response?.data?.error?.code === 'logged_out'" },
              output: code`
                import axios from 'axios';
                try {
                  await axios.post('${WA}', payload);
                } catch (err) {
                  if (err.response?.data?.error?.code === 'logged_out') await relink();
                  else if (err.response?.data?.error?.message?.includes('rate limit')) await wait(1000);
                  else if (err.response?.data?.error?.message?.includes('not connected')) await reconnect();
                }
              `,
            },
          ],
        },
        {
          messageId: 'messageMatchesTitles',
          data: titles(waServer(), "'provider_rate_limit' and 'rate_limit_exceeded'"),
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 70,
          suggestions: [],
        },
        {
          messageId: 'messageBranching',
          data: waServer(),
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 73,
          suggestions: [],
        },
      ],
    },

    // ══ Digiworld: message ══
    // got, `.json()`
    {
      code: code`
        import got from 'got';
        const body = await got.post('${DIGI}', { json: payload, throwHttpErrors: false }).json();
        if (body.message === 'Insufficient wallet balance') await alertFinance();
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(digiworld(), "'insufficient_balance'", 'Insufficient wallet balance'),
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'useCode',
              data: { replacement: "body.error === 'insufficient_balance'" },
              output: code`
                import got from 'got';
                const body = await got.post('${DIGI}', { json: payload, throwHttpErrors: false }).json();
                if (body.error === 'insufficient_balance') await alertFinance();
              `,
            },
          ],
        },
      ],
    },
    // axios, caught, lower-cased
    {
      code: code`
        import axios from 'axios';
        try {
          await axios.post('${DIGI}', payload);
        } catch (err) {
          const msg = err.response?.data?.message?.toLowerCase() ?? '';
          if (msg.includes('try again later')) await retry();
        }
      `,
      errors: [
        {
          messageId: 'messageBranching',
          data: digiworld(),
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 38,
          suggestions: [],
        },
      ],
    },

    // ══ MsgBubbles: message ══
    // ofetch, caught `err.data`
    {
      code: code`
        import { ofetch } from 'ofetch';
        try {
          await ofetch('${BUBBLES}', { method: 'POST', body: message });
        } catch (err) {
          if (err.data?.message?.includes('offline')) await retryWithSameKey();
        }
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(msgbubbles(), "'device_offline'", 'Sending number offline'),
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'useCode',
              data: { replacement: "err.data?.error === 'device_offline'" },
              output: code`
                import { ofetch } from 'ofetch';
                try {
                  await ofetch('${BUBBLES}', { method: 'POST', body: message });
                } catch (err) {
                  if (err.data?.error === 'device_offline') await retryWithSameKey();
                }
              `,
            },
          ],
        },
      ],
    },
    // fetch, `switch` on the message
    {
      code: code`
        const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(message) });
        const body = await res.json();
        switch (body.message) {
          case 'Rate limit exceeded':
            await wait(60_000);
            break;
          case 'Too many requests, slow down':
            await wait(1000);
            break;
        }
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(msgbubbles(), "'rate_limited'", 'Rate limit exceeded'),
          line: 4,
          column: 8,
          endLine: 4,
          endColumn: 29,
          suggestions: [],
        },
        {
          messageId: 'messageBranching',
          data: msgbubbles(),
          line: 7,
          column: 8,
          endLine: 7,
          endColumn: 38,
          suggestions: [],
        },
      ],
    },
    // the title of the `*_failed` pattern: no literal equals a pattern, so nothing to rewrite to
    {
      code: code`
        const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(message) });
        const body = await res.json();
        if (body.message === 'Upstream action failed') await retryWithSameKey();
      `,
      errors: [
        {
          messageId: 'messageIsRange',
          data: { ...msgbubbles(), codes: "codes matching '*_failed'", title: 'Upstream action failed' },
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 46,
          suggestions: [],
        },
      ],
    },

    // ══ Connexease: errors.description ══
    // axios, caught
    {
      code: code`
        import axios from 'axios';
        try {
          await axios.post('${CONNEX}', { messaging_product: 'whatsapp', to, type: 'text', text });
        } catch (err) {
          if (err.response.data.errors.description === 'Insufficient balance') await pauseCampaigns();
        }
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(connexease(), "'BILL_001'", 'Insufficient balance'),
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 70,
          suggestions: [
            {
              messageId: 'useCode',
              data: { replacement: "err.response.data.errors.code === 'BILL_001'" },
              output: code`
                import axios from 'axios';
                try {
                  await axios.post('${CONNEX}', { messaging_product: 'whatsapp', to, type: 'text', text });
                } catch (err) {
                  if (err.response.data.errors.code === 'BILL_001') await pauseCampaigns();
                }
              `,
            },
          ],
        },
      ],
    },
    // `const { errors } = …`: still a member chain off the body
    {
      code: code`
        import axios from 'axios';
        try {
          await axios.post('${CONNEX}', payload);
        } catch (err) {
          const { errors } = err.response.data;
          if (errors.description.endsWith('Rate limit exceeded')) await wait(errors.params.retry_after);
          if (errors.description.toLowerCase().includes('authentication')) await alertOps();
        }
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(connexease(), "'RATE_001'", 'Rate limit exceeded'),
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 57,
          suggestions: [
            {
              messageId: 'useCode',
              data: { replacement: "errors.code === 'RATE_001'" },
              output: code`
                import axios from 'axios';
                try {
                  await axios.post('${CONNEX}', payload);
                } catch (err) {
                  const { errors } = err.response.data;
                  if (errors.code === 'RATE_001') await wait(errors.params.retry_after);
                  if (errors.description.toLowerCase().includes('authentication')) await alertOps();
                }
              `,
            },
          ],
        },
        {
          messageId: 'messageMatchesTitles',
          data: titles(connexease(), "'AUTH_004' and 'AUTH_005'"),
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 66,
          suggestions: [],
        },
      ],
    },
    // a 2xx with `isSuccess: false`, tested with a regular expression
    {
      code: code`
        const res = await fetch('${CONNEX}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (!body.isSuccess && /api key/i.test(body.errors.description)) await rotateKey();
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(connexease(), "'AUTH_001'", 'API key not found, invalid or expired'),
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 64,
          suggestions: [
            {
              messageId: 'useCode',
              data: { replacement: "body.errors.code === 'AUTH_001'" },
              output: code`
                const res = await fetch('${CONNEX}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (!body.isSuccess && body.errors.code === 'AUTH_001') await rotateKey();
              `,
            },
          ],
        },
      ],
    },
  ],
});

// ─── Status webhooks: errors[].title / message / error_data.details ─────────
ruleTester.run('no-message-branching (status webhooks)', rule, {
  valid: [
    // the code decides in the same condition; the text only covers errors without one
    code`
      export function onStatus(body) {
        for (const s of body.entry[0].changes[0].value.statuses ?? []) {
          if (s.status !== 'failed') continue;
          const windowClosed = s.errors?.some((e) => e.code === 131047 || e.message?.toLowerCase().includes('re-engagement'));
          if (windowClosed) sendTemplate(s.recipient_id);
        }
      }
    `,
    code`
      const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      if (!res.ok && (body.error?.code === 131047 || /re-engagement/i.test(body.error?.message))) await sendTemplate();
    `,
    // storing or logging the title is not a decision
    code`
      export function onStatus(body) {
        for (const s of body.entry[0].changes[0].value.statuses) if (s.status === 'failed') save(s.id, s.errors[0].code, s.errors[0].title);
      }
    `,
  ],
  invalid: [
    // a text test beside a test of something else than the code still decides on the text
    {
      code: code`
        export function onStatus(body) {
          for (const s of body.entry[0].changes[0].value.statuses) {
            const e = s.errors?.[0];
            if (s.recipient_id !== '' && e?.title === 'Re-engagement message') sendTemplate(s.recipient_id);
          }
        }
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: { field: 'errors[].title', provider: 'meta-cloud', code: '131047', title: REENGAGEMENT, codeField: 'errors[].code' },
          line: 4,
          column: 34,
          endLine: 4,
          endColumn: 70,
          suggestions: [
            {
              messageId: 'useCode',
              data: { replacement: 'e?.code === 131047' },
              output: code`
                export function onStatus(body) {
                  for (const s of body.entry[0].changes[0].value.statuses) {
                    const e = s.errors?.[0];
                    if (s.recipient_id !== '' && e?.code === 131047) sendTemplate(s.recipient_id);
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    {
      code: code`
        export function onStatus(body) {
          for (const s of body.entry[0].changes[0].value.statuses) {
            const e = s.errors?.[0];
            if (e?.title === 'Re-engagement message') sendTemplate(s.recipient_id);
          }
        }
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: { field: 'errors[].title', provider: 'meta-cloud', code: '131047', title: REENGAGEMENT, codeField: 'errors[].code' },
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'useCode',
              data: { replacement: 'e?.code === 131047' },
              output: code`
                export function onStatus(body) {
                  for (const s of body.entry[0].changes[0].value.statuses) {
                    const e = s.errors?.[0];
                    if (e?.code === 131047) sendTemplate(s.recipient_id);
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    {
      // whatsapp-api-js's on.status: one error, named as the handler has it
      code: code`
        import { WhatsAppAPI } from 'whatsapp-api-js';
        const wa = new WhatsAppAPI({ token: 't', appSecret: 's' });
        wa.on.status = ({ error }) => { if (error?.error_data.details.includes('24 hours')) resendAsTemplate(); };
      `,
      errors: [
        {
          messageId: 'messageBranching',
          data: { field: 'error.error_data.details', provider: 'meta-cloud', codeField: 'error.code' },
          line: 3,
          column: 37,
          endLine: 3,
          endColumn: 83,
        },
      ],
    },
  ],
});

// --- gateways: Twilio's RestException carries the message itself; Gupshup's failed event has a reason ---

ruleTester.run('no-message-branching (gateways)', rule, {
  valid: [
    // an SMS-only Twilio app
    {
      code: code`
        import twilio from 'twilio';
        const client = twilio(sid, token);
        export async function sendSms(to) {
          try { await client.messages.create({ from: '+14155238886', to, body: 'hi' }); }
          catch (err) { if (err.message.includes('unsubscribed')) optOut(to); }
        }
      `,
      filename: 'sms.ts',
    },
    // the send has its own catch that answers and never throws: the outer catch sees only the handler's own errors
    {
      code: code`
        import twilio from 'twilio';
        const client = twilio(sid, token);
        export async function POST(req) {
          try {
            const company = await findCompany(req);
            if (!company) throw new Error('company not found');
            try {
              await client.messages.create({ from: 'whatsapp:+14155238886', to: 'whatsapp:' + company.phone, body: 'hi' });
            } catch (sendError) {
              return Response.json({ error: 'send failed' }, { status: 502 });
            }
            return Response.json({ ok: true });
          } catch (error) {
            if (error.message.includes('company not found')) return Response.json({ error: 'no company' }, { status: 404 });
            return Response.json({ error: 'internal' }, { status: 500 });
          }
        }
      `,
      filename: 'route.ts',
    },
  ],
  invalid: [
    // the same, with an inner catch that rethrows: the Twilio error reaches the outer text test
    {
      code: code`
        import twilio from 'twilio';
        const client = twilio(sid, token);
        export async function POST(req) {
          try {
            const company = await findCompany(req);
            try {
              await client.messages.create({ from: 'whatsapp:+14155238886', to: 'whatsapp:' + company.phone, body: 'hi' });
            } catch (sendError) {
              log(sendError);
              throw sendError;
            }
            return Response.json({ ok: true });
          } catch (error) {
            if (error.message.includes('24 hours')) return Response.json({ error: 'window closed' }, { status: 409 });
            return Response.json({ error: 'internal' }, { status: 500 });
          }
        }
      `,
      filename: 'route.ts',
      errors: [{ messageId: 'messageBranching', data: { field: 'message', provider: 'twilio', codeField: 'body.code' }, line: 14, column: 9, endLine: 14, endColumn: 43 }],
    },
    {
      code: code`
        import twilio from 'twilio';
        const client = twilio(sid, token);
        export async function notify(to) {
          try { await client.messages.create({ from: 'whatsapp:+14155238886', to: 'whatsapp:' + to, body: 'hi' }); }
          catch (err) { if (err.message.includes('24 hours')) return template(to); throw err; }
        }
      `,
      filename: 'notify.ts',
      errors: [{ messageId: 'messageBranching', data: { field: 'message', provider: 'twilio', codeField: 'body.code' }, line: 5, column: 21, endLine: 5, endColumn: 53 }],
    },
    {
      code: code`
        app.post('/gupshup/events', (req, res) => {
          const { type, payload } = req.body;
          if (type === 'message-event' && payload.type === 'failed' && payload.payload.reason.includes('Number Not Exist')) drop(payload.destination);
          res.sendStatus(200);
        });
      `,
      filename: 'hooks.ts',
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title({ field: 'payload.payload.reason', provider: 'gupshup', codeField: 'payload.payload.code' }, '1002', 'Number Not Exist On WhatsApp'),
          line: 3,
          column: 64,
          endLine: 3,
          endColumn: 115,
          suggestions: [],
        },
      ],
    },
  ],
});

// ─── Errors classified in a response interceptor (real-code round 4, R8) ─────────────
const mapped = (baseURL: string) => code`
  import axios, { type AxiosError } from 'axios';
  class TemplateError extends Error {}
  const graph = axios.create({ baseURL: '${baseURL}' });
  graph.interceptors.response.use((res) => res, (error) => Promise.reject(toAppError(error)));
  function toAppError(error: AxiosError<{ error?: { message?: string } }>) {
    const message = error.response?.data?.error?.message ?? '';
    if (message.includes('Re-engagement')) return new TemplateError(message);
    return error;
  }
  export const sendText = (phoneNumberId: string, to: string) =>
    axios.post(\`https://graph.facebook.com/v21.0/\${phoneNumberId}/messages\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } }).then(() => graph.get('/status'));
`;

ruleTester.run('no-message-branching: response interceptors', rule, {
  valid: [
    // the same mapper on a client of another API
    mapped('https://api.billing.example.com/v1'),
  ],
  invalid: [
    {
      code: mapped('https://graph.facebook.com/v21.0'),
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(meta(), '131047', REENGAGEMENT),
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 40,
          suggestions: [],
        },
      ],
    },
  ],
});

// whatsapp-cloud-api rejects with Meta's error body itself: the text is `err.error.message`, the code `err.error.code`
ruleTester.run('no-message-branching: whatsapp-cloud-api', rule, {
  valid: [
    // the same test on a bot of another package
    code`
      import { createBot } from 'slack-bot-lite';
      const bot = createBot(token);
      export async function nudge(to: string) {
        try {
          await bot.sendText(to, 'Still there?');
        } catch (err) {
          if (err.error.message === 'Re-engagement message') await bot.sendText(to, 'Hi again');
        }
      }
    `,
  ],
  invalid: [
    {
      code: code`
        import { createBot } from 'whatsapp-cloud-api';
        const bot = createBot(phoneNumberId, token);
        export async function nudge(to: string) {
          try {
            await bot.sendText(to, 'Still there?');
          } catch (err) {
            if (err.error.message === 'Re-engagement message') await bot.sendTemplate(to, 'nudge', 'en');
          }
        }
      `,
      errors: [
        {
          messageId: 'messageIsTitle',
          data: title(meta(), '131047', REENGAGEMENT),
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'useCode',
              data: { replacement: 'err.error.code === 131047' },
              output: code`
                import { createBot } from 'whatsapp-cloud-api';
                const bot = createBot(phoneNumberId, token);
                export async function nudge(to: string) {
                  try {
                    await bot.sendText(to, 'Still there?');
                  } catch (err) {
                    if (err.error.code === 131047) await bot.sendTemplate(to, 'nudge', 'en');
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

// ─── An Error built from the text in a helper the wrapper calls, in its file or another ───
// test/fixtures/cross-file/app/src/whatsapp/wa-client.ts: a client class whose private request() throws
// `new Error(\`…\${body.error.message}\`)` and whose public methods return its call.
const APP = fileURLToPath(new URL('../fixtures/cross-file/app/', import.meta.url));

/** A client class of one file: `sendText` returns the call of `request`, which builds the Error from the text. */
const classClient = (sendText: string) => code`
  class WaClient {
    private async request(payload: object) {
      const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      if (!res.ok) throw new Error(\`WhatsApp: \${body.error.message}\`);
      return body;
    }
    ${sendText}
  }
  const wa = new WaClient();
  export async function greet(to: string) {
    try {
      await wa.sendText(to, 'hi');
    } catch (e) {
      if (e.message.includes('24 hours')) return 'template';
      throw e;
    }
  }
`;

ruleTester.run('no-message-branching: the Error built in a helper the wrapper calls', rule, {
  valid: [
    // the wrapper calls the helper inside a try and throws an Error of its own: its text is not the provider's
    classClient(`async sendText(to: string, text: string) {
      try {
        return await this.request({ to, text: { body: text } });
      } catch {
        throw new Error('send failed');
      }
    }`),
  ],
  invalid: [
    {
      code: classClient(`sendText(to: string, text: string) {
      return this.request({ to, text: { body: text } });
    }`),
      errors: [{ messageId: 'messageBranching', data: meta(), line: 17, column: 9, endLine: 17, endColumn: 39, suggestions: [] }],
    },
    // the class in another file, its instance imported
    {
      filename: `${APP}src/jobs/greet.ts`,
      code: code`
        import { waClient } from '../whatsapp/wa-client';
        export async function greet(to: string) {
          try {
            await waClient.sendText(to, 'hi');
          } catch (e) {
            if (e.message.includes('24 hours')) return 'template';
            throw e;
          }
        }
      `,
      errors: [{ messageId: 'messageBranching', data: meta(), line: 6, column: 9, endLine: 6, endColumn: 39, suggestions: [] }],
    },
  ],
});
