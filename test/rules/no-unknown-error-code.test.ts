import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, test } from 'vitest';
import { ruleTester, code } from '../rule-tester.js';
import rule from '../../rules/no-unknown-error-code.js';

const META = 'https://graph.facebook.com/v21.0/1234567890/messages';
const CEQUENS = 'https://apis.cequens.com/conversation-app/api/v1/messages';
const WA = 'https://wa.sagad.net/api/v1/messages/send';
const DIGI = 'https://digichat.digiworld-dev.com/api/whatsapp/TOKEN/sendMessage';
const BUBBLES = 'https://api.msgbubbles.com/v1/messages';
const CONNEX = 'https://api.gateway.connexease.com/v1/messages';
const TWILIO = 'https://api.twilio.com/2010-04-01/Accounts/AC123/Messages.json';

const REENGAGEMENT = 'Re-engagement message';
const RATE_LIMITED = 'Rate limit exceeded';

/** An in-house gateway declared in settings, with string codes. */
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

ruleTester.run('no-unknown-error-code', rule, {
  valid: [
    // Twilio reports the closed 24-hour window as its own 63016
    code`
      const res = await fetch('${TWILIO}', { method: 'POST', body: form });
      const body = await res.json();
      if (body.code === 63016) sendTemplate();
    `,
    // ── Meta Cloud API: documented codes ──────────────────────────────────
    code`
      const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      if (body.error.code === 131047) sendTemplate();
    `,
    // an empty code is no code: \`code === ''\` asks whether there is one, as \`code == null\` does
    code`
      const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      const code = body.error?.code;
      if (code == null || code === '') return null;
      if (['', 131047].includes(code)) sendTemplate();
      switch (code) {
        case '': return null;
        case 131047: sendTemplate();
      }
    `,
    code`
      import axios from 'axios';
      try {
        await axios.post('${META}', payload);
      } catch (err) {
        switch (err.response?.data?.error?.code) {
          case 130429:
          case 131056:
            backOff();
            break;
          case 131026:
          case 131047:
            skip();
            break;
        }
      }
    `,
    // 200–299 is one documented range (API permission).
    code`
      const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      if (body.error.code === 250) askForPermission();
    `,
    // The same code in both types, side by side: the number half is the right test, the string half only never matches.
    code`
      const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      if (body.error.code === 131047 || body.error.code === '131047') sendTemplate();
      if (['131026', 131026].includes(body.error.code)) skip();
      switch (body.error.code) {
        case '130429':
        case 130429:
          backOff();
          break;
      }
    `,
    // Loose equality converts: '131047' == 131047 is true.
    code`
      const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      if (body.error.code == '131047') sendTemplate();
      if (body.error.code != '130429') report();
    `,
    code`
      import { errorCodeOf } from 'eslint-plugin-whatsapp-errors/catalog';
      export const isWindowClosed = (body: unknown) => errorCodeOf('meta-cloud', body) === 131047;
    `,
    code`
      const NEVER_RETRY = new Set([131047, 131026, 131050] as const);
      const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      if (NEVER_RETRY.has(body.error.code)) skip();
    `,
    code`
      enum MetaError {
        ReEngagement = 131047,
        RateLimit = 130429,
      }
      const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      if (body.error.code === MetaError.ReEngagement) sendTemplate();
    `,
    // Values the file cannot know, and comparisons that are not equality with a code.
    code`
      export async function failedWith(expected: number, codes: number[]) {
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        return body.error.code === expected || codes.includes(body.error.code) || body.error.code === lookup('x');
      }
    `,
    code`
      const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      if (body.error?.code === undefined || body.error.code === null) markSent();
    `,
    code`
      const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      if (body.error.code >= 131000 && typeof body.error.code === 'number') handle();
    `,
    // Not the code path: the deprecated subcode and the human message.
    code`
      const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      if (body.error.error_subcode === 2494055 || body.error.message === 'rate_limit') handle();
    `,

    // ── CEQUENS ───────────────────────────────────────────────────────────
    code`
      const res = await fetch('${CEQUENS}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      if (body.errors[0].code === 470 || body.errors[0].code === 'TOKEN') sendTemplate();
      if (body.errors.find((e) => e.code === 1006)) notFound();
      for (const e of body.errors) {
        if (e.code === 429) backOff();
      }
    `,

    // ── wa-server ─────────────────────────────────────────────────────────
    code`
      import ky from 'ky';
      const body = await ky.post('${WA}', { json: payload, throwHttpErrors: false }).json();
      if (['device_not_connected', 'logged_out'].includes(body.error.code)) relink();
    `,

    // ── Digiworld ─────────────────────────────────────────────────────────
    code`
      import got from 'got';
      const body = await got.post('${DIGI}', { json: payload, throwHttpErrors: false }).json();
      if (body.error === 'insufficient_balance' || body.error === 'send_message_failed') handle();
    `,

    // ── MsgBubbles: documented codes and the *_failed pattern ─────────────
    code`
      import { ofetch } from 'ofetch';
      const body = await ofetch('${BUBBLES}', { method: 'POST', body: payload, ignoreResponseError: true });
      switch (body.error) {
        case 'rate_limited':
          backOff();
          break;
        case 'send_failed':
        case 'webhook_failed':
          retry();
          break;
      }
    `,
    code`
      const RETRYABLE = ['unavailable', 'device_offline', 'reaction_failed'];
      const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      if (RETRYABLE.includes(body.error)) retry();
    `,
    // A template with a hole is not a static value.
    code`
      const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      if (body.error === \`\${action}_failed\`) retry();
    `,

    // ── Connexease ────────────────────────────────────────────────────────
    code`
      import axios from 'axios';
      try {
        await axios.post('${CONNEX}', { messaging_product: 'whatsapp', to, type: 'text', text });
      } catch (err) {
        const { errors } = err.response.data;
        if (errors.code === 'RATE_001' || errors.code === 'GW_001') wait(errors.params.retry_after);
      }
    `,

    // ── Not a provider's code ─────────────────────────────────────────────
    // A file that names no provider is skipped.
    code`
      const res = await fetch('https://api.example.com/send', { method: 'POST' });
      const body = await res.json();
      if (body.error === 'rate_limit' || body.error.code === 131074) retry();
    `,
    // Another API's response in a file that also calls a provider.
    code`
      await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
      const res = await fetch('https://api.example.com/send', { method: 'POST' });
      const body = await res.json();
      if (body.error === 'rate_limit' || body.error.code === 131074) retry();
    `,
    // A parameter that no provider call feeds.
    code`
      await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
      export function isRateLimited(body: { error: string }) {
        return body.error === 'rate_limit';
      }
    `,

    // ── Settings ──────────────────────────────────────────────────────────
    {
      code: code`
        const res = await fetch('https://wa.acme.internal/v1/send', { method: 'POST' });
        const body = await res.json();
        if (body.error.code === 'QUOTA_EXCEEDED' || body.error.code === '1001') handle();
      `,
      settings: customSettings,
    },
  ],

  invalid: [
    // ══ Meta Cloud API (numeric body.error.code): how the body is reached ══
    // fetch, then `await res.json()`
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error.code === 131074) sendTemplate();
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: '131074', provider: 'meta-cloud', suggestion: '131047', title: REENGAGEMENT },
          line: 3,
          column: 25,
          endLine: 3,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '131047', title: REENGAGEMENT },
              output: code`
                const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.error.code === 131047) sendTemplate();
              `,
            },
          ],
        },
      ],
    },
    // `.then(r => r.json()).then(body => …)`
    {
      code: code`
        fetch('${META}', { method: 'POST', body: JSON.stringify(payload) })
          .then((r) => r.json())
          .then((body) => {
            if (body.error.code === 131074) sendTemplate();
          });
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: '131074', provider: 'meta-cloud', suggestion: '131047', title: REENGAGEMENT },
          line: 4,
          column: 29,
          endLine: 4,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '131047', title: REENGAGEMENT },
              output: code`
                fetch('${META}', { method: 'POST', body: JSON.stringify(payload) })
                  .then((r) => r.json())
                  .then((body) => {
                    if (body.error.code === 131047) sendTemplate();
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
        if (res.data.error.code === 131074) sendTemplate();
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: '131074', provider: 'meta-cloud', suggestion: '131047', title: REENGAGEMENT },
          line: 3,
          column: 29,
          endLine: 3,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '131047', title: REENGAGEMENT },
              output: code`
                import axios from 'axios';
                const res = await axios.post('${META}', payload, { validateStatus: () => true });
                if (res.data.error.code === 131047) sendTemplate();
              `,
            },
          ],
        },
      ],
    },
    // axios: `const { data } = await axios.post(…)`
    {
      code: code`
        import axios from 'axios';
        const { data } = await axios.post('${META}', payload, { validateStatus: () => true });
        if (data.error.code === 131074) sendTemplate();
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: '131074', provider: 'meta-cloud', suggestion: '131047', title: REENGAGEMENT },
          line: 3,
          column: 25,
          endLine: 3,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '131047', title: REENGAGEMENT },
              output: code`
                import axios from 'axios';
                const { data } = await axios.post('${META}', payload, { validateStatus: () => true });
                if (data.error.code === 131047) sendTemplate();
              `,
            },
          ],
        },
      ],
    },
    // axios: `err.response.data` in the catch of a try that awaits the call
    {
      code: code`
        import axios from 'axios';
        try {
          await axios.post('${META}', payload);
        } catch (err) {
          if (err.response.data.error.code === 131074) sendTemplate();
        }
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: '131074', provider: 'meta-cloud', suggestion: '131047', title: REENGAGEMENT },
          line: 5,
          column: 40,
          endLine: 5,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '131047', title: REENGAGEMENT },
              output: code`
                import axios from 'axios';
                try {
                  await axios.post('${META}', payload);
                } catch (err) {
                  if (err.response.data.error.code === 131047) sendTemplate();
                }
              `,
            },
          ],
        },
      ],
    },
    // axios: optional chaining all the way down
    {
      code: code`
        import axios from 'axios';
        try {
          await axios.post('${META}', payload);
        } catch (err) {
          if (err.response?.data?.error?.code === 131074) sendTemplate();
        }
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: '131074', provider: 'meta-cloud', suggestion: '131047', title: REENGAGEMENT },
          line: 5,
          column: 43,
          endLine: 5,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '131047', title: REENGAGEMENT },
              output: code`
                import axios from 'axios';
                try {
                  await axios.post('${META}', payload);
                } catch (err) {
                  if (err.response?.data?.error?.code === 131047) sendTemplate();
                }
              `,
            },
          ],
        },
      ],
    },
    // axios: `.catch((err) => …)` on the promise
    {
      code: code`
        import axios from 'axios';
        axios.post('${META}', payload).catch((err) => {
          if (err.response.data.error.code === 131074) sendTemplate();
        });
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: '131074', provider: 'meta-cloud', suggestion: '131047', title: REENGAGEMENT },
          line: 3,
          column: 40,
          endLine: 3,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '131047', title: REENGAGEMENT },
              output: code`
                import axios from 'axios';
                axios.post('${META}', payload).catch((err) => {
                  if (err.response.data.error.code === 131047) sendTemplate();
                });
              `,
            },
          ],
        },
      ],
    },
    // destructuring: `const { error: { code } } = body`
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        const { error: { code } } = body;
        if (code === 131074) sendTemplate();
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: '131074', provider: 'meta-cloud', suggestion: '131047', title: REENGAGEMENT },
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '131047', title: REENGAGEMENT },
              output: code`
                const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                const { error: { code } } = body;
                if (code === 131047) sendTemplate();
              `,
            },
          ],
        },
      ],
    },
    // a same-file wrapper that returns `res.json()`
    {
      code: code`
        async function sendMessage(payload: unknown) {
          const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
          return res.json();
        }
        const body = await sendMessage({ to: '15551234567' });
        if (body.error.code === 131074) sendTemplate();
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: '131074', provider: 'meta-cloud', suggestion: '131047', title: REENGAGEMENT },
          line: 6,
          column: 25,
          endLine: 6,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '131047', title: REENGAGEMENT },
              output: code`
                async function sendMessage(payload: unknown) {
                  const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                  return res.json();
                }
                const body = await sendMessage({ to: '15551234567' });
                if (body.error.code === 131047) sendTemplate();
              `,
            },
          ],
        },
      ],
    },
    // `errorCodeOf('meta-cloud', body)` from the plugin's catalog
    {
      code: code`
        import { errorCodeOf } from 'eslint-plugin-whatsapp-errors/catalog';
        export function isWindowClosed(body: unknown) {
          return errorCodeOf('meta-cloud', body) === 131074;
        }
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: '131074', provider: 'meta-cloud', suggestion: '131047', title: REENGAGEMENT },
          line: 3,
          column: 46,
          endLine: 3,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '131047', title: REENGAGEMENT },
              output: code`
                import { errorCodeOf } from 'eslint-plugin-whatsapp-errors/catalog';
                export function isWindowClosed(body: unknown) {
                  return errorCodeOf('meta-cloud', body) === 131047;
                }
              `,
            },
          ],
        },
      ],
    },
    // the URL comes from configuration; the Cloud API payload names the provider
    {
      code: code`
        const res = await fetch(config.get('WA_URL') + '/messages', {
          method: 'POST',
          body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text }),
        });
        const body = await res.json();
        if (body.error.code === 131074) sendTemplate();
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: '131074', provider: 'meta-cloud', suggestion: '131047', title: REENGAGEMENT },
          line: 6,
          column: 25,
          endLine: 6,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '131047', title: REENGAGEMENT },
              output: code`
                const res = await fetch(config.get('WA_URL') + '/messages', {
                  method: 'POST',
                  body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text }),
                });
                const body = await res.json();
                if (body.error.code === 131047) sendTemplate();
              `,
            },
          ],
        },
      ],
    },

    // a string beside another code's number is still a test that never matches
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error.code === 131026 || body.error.code === '131047') sendTemplate();
      `,
      errors: [
        {
          messageId: 'wrongType',
          data: { provider: 'meta-cloud', type: 'number', value: "'131047'", suggestion: '131047', title: REENGAGEMENT },
          line: 3,
          column: 55,
          endLine: 3,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '131047', title: REENGAGEMENT },
              output: code`
                const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.error.code === 131026 || body.error.code === 131047) sendTemplate();
              `,
            },
          ],
        },
      ],
    },

    // ══ Meta Cloud API: messages ══
    // a string never equals Meta's numeric code
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error.code === '131047') sendTemplate();
      `,
      errors: [
        {
          messageId: 'wrongType',
          data: { provider: 'meta-cloud', type: 'number', value: "'131047'", suggestion: '131047', title: REENGAGEMENT },
          line: 3,
          column: 25,
          endLine: 3,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '131047', title: REENGAGEMENT },
              output: code`
                const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.error.code === 131047) sendTemplate();
              `,
            },
          ],
        },
      ],
    },
    // a CEQUENS (on-premises) code that Meta's Cloud API does not use
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error.code === 470) sendTemplate();
      `,
      errors: [
        {
          messageId: 'otherProvider',
          data: { value: '470', other: 'cequens', provider: 'meta-cloud' },
          line: 3,
          column: 25,
          endLine: 3,
          endColumn: 28,
          suggestions: [],
        },
      ],
    },
    // a gateway's string code
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error.code === 'rate_limited') backOff();
      `,
      errors: [
        {
          messageId: 'otherProvider',
          data: { value: "'rate_limited'", other: 'msgbubbles', provider: 'meta-cloud' },
          line: 3,
          column: 25,
          endLine: 3,
          endColumn: 39,
          suggestions: [],
        },
      ],
    },
    // nothing close
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error.code === 999999) handle();
      `,
      errors: [
        {
          messageId: 'unknownCode',
          data: { value: '999999', provider: 'meta-cloud' },
          line: 3,
          column: 25,
          endLine: 3,
          endColumn: 31,
          suggestions: [],
        },
      ],
    },

    // ══ Meta Cloud API: comparison forms ══
    // `!==`, and the literal on the left
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error.code !== 131074) retry();
        if (131074 === body.error.code) sendTemplate();
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: '131074', provider: 'meta-cloud', suggestion: '131047', title: REENGAGEMENT },
          line: 3,
          column: 25,
          endLine: 3,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '131047', title: REENGAGEMENT },
              output: code`
                const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.error.code !== 131047) retry();
                if (131074 === body.error.code) sendTemplate();
              `,
            },
          ],
        },
        {
          messageId: 'didYouMean',
          data: { value: '131074', provider: 'meta-cloud', suggestion: '131047', title: REENGAGEMENT },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '131047', title: REENGAGEMENT },
              output: code`
                const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.error.code !== 131074) retry();
                if (131047 === body.error.code) sendTemplate();
              `,
            },
          ],
        },
      ],
    },
    // loose `==` with a number that is a typo
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error.code == 131074) sendTemplate();
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: '131074', provider: 'meta-cloud', suggestion: '131047', title: REENGAGEMENT },
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '131047', title: REENGAGEMENT },
              output: code`
                const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.error.code == 131047) sendTemplate();
              `,
            },
          ],
        },
      ],
    },
    // `switch`: each case is reported at its test
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        switch (body.error.code) {
          case 131047:
            sendTemplate();
            break;
          case 131074:
            retry();
            break;
          case '130429':
            backOff();
            break;
        }
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: '131074', provider: 'meta-cloud', suggestion: '131047', title: REENGAGEMENT },
          line: 7,
          column: 8,
          endLine: 7,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '131047', title: REENGAGEMENT },
              output: code`
                const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                switch (body.error.code) {
                  case 131047:
                    sendTemplate();
                    break;
                  case 131047:
                    retry();
                    break;
                  case '130429':
                    backOff();
                    break;
                }
              `,
            },
          ],
        },
        {
          messageId: 'wrongType',
          data: { provider: 'meta-cloud', type: 'number', value: "'130429'", suggestion: '130429', title: 'Rate limit hit' },
          line: 10,
          column: 8,
          endLine: 10,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '130429', title: 'Rate limit hit' },
              output: code`
                const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                switch (body.error.code) {
                  case 131047:
                    sendTemplate();
                    break;
                  case 131074:
                    retry();
                    break;
                  case 130429:
                    backOff();
                    break;
                }
              `,
            },
          ],
        },
      ],
    },
    // `[…].includes(code)` on a literal array
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if ([131026, 131074].includes(body.error.code)) skip();
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: '131074', provider: 'meta-cloud', suggestion: '131047', title: REENGAGEMENT },
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '131047', title: REENGAGEMENT },
              output: code`
                const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if ([131026, 131047].includes(body.error.code)) skip();
              `,
            },
          ],
        },
      ],
    },
    // a const Set: reported (and fixed) where the list is declared
    {
      code: code`
        const NEVER_RETRY = new Set([131026, 131074, 131050]);
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (NEVER_RETRY.has(body.error.code)) skip();
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: '131074', provider: 'meta-cloud', suggestion: '131047', title: REENGAGEMENT },
          line: 1,
          column: 38,
          endLine: 1,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '131047', title: REENGAGEMENT },
              output: code`
                const NEVER_RETRY = new Set([131026, 131047, 131050]);
                const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (NEVER_RETRY.has(body.error.code)) skip();
              `,
            },
          ],
        },
      ],
    },
    // a TS enum member: reported at the use, fixed at the member
    {
      code: code`
        enum MetaError {
          ReEngagement = 131074,
        }
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error.code === MetaError.ReEngagement) sendTemplate();
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: '131074', provider: 'meta-cloud', suggestion: '131047', title: REENGAGEMENT },
          line: 6,
          column: 25,
          endLine: 6,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '131047', title: REENGAGEMENT },
              output: code`
                enum MetaError {
                  ReEngagement = 131047,
                }
                const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.error.code === MetaError.ReEngagement) sendTemplate();
              `,
            },
          ],
        },
      ],
    },
    // a same-file const holding a string: the fix changes the declaration
    {
      code: code`
        const REENGAGEMENT = '131047';
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error.code === REENGAGEMENT) sendTemplate();
      `,
      errors: [
        {
          messageId: 'wrongType',
          data: { provider: 'meta-cloud', type: 'number', value: "'131047'", suggestion: '131047', title: REENGAGEMENT },
          line: 4,
          column: 25,
          endLine: 4,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '131047', title: REENGAGEMENT },
              output: code`
                const REENGAGEMENT = 131047;
                const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.error.code === REENGAGEMENT) sendTemplate();
              `,
            },
          ],
        },
      ],
    },
    // settings: with only Meta enabled, no other provider is named
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error.code === 'rate_limited') backOff();
      `,
      settings: { 'whatsapp-errors': { providers: ['meta-cloud'] } },
      errors: [
        {
          messageId: 'unknownCode',
          data: { value: "'rate_limited'", provider: 'meta-cloud' },
          line: 3,
          column: 25,
          endLine: 3,
          endColumn: 39,
          suggestions: [],
        },
      ],
    },

    // ══ CEQUENS (body.errors[0].code) ══
    // `body.errors[0].code`; a transposed number
    {
      code: code`
        const res = await fetch('${CEQUENS}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.errors[0].code === 740) sendTemplate();
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: '740', provider: 'cequens', suggestion: '470', title: REENGAGEMENT },
          line: 3,
          column: 29,
          endLine: 3,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '470', title: REENGAGEMENT },
              output: code`
                const res = await fetch('${CEQUENS}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.errors[0].code === 470) sendTemplate();
              `,
            },
          ],
        },
      ],
    },
    // `body.errors.find((e) => e.code === …)`
    {
      code: code`
        const res = await fetch('${CEQUENS}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.errors.find((e) => e.code === 1060)) notFound();
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: '1060', provider: 'cequens', suggestion: '1006', title: 'Resource not found' },
          line: 3,
          column: 40,
          endLine: 3,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '1006', title: 'Resource not found' },
              output: code`
                const res = await fetch('${CEQUENS}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.errors.find((e) => e.code === 1006)) notFound();
              `,
            },
          ],
        },
      ],
    },
    // `body.errors.forEach((e) => …)`; a token error is a string code
    {
      code: code`
        const res = await fetch('${CEQUENS}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        body.errors.forEach((e) => {
          if (e.code === 'MISSING_TOKN') refreshToken();
        });
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: "'MISSING_TOKN'", provider: 'cequens', suggestion: "'MISSING_TOKEN'", title: 'MISSING_TOKEN' },
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: "'MISSING_TOKEN'", title: 'MISSING_TOKEN' },
              output: code`
                const res = await fetch('${CEQUENS}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                body.errors.forEach((e) => {
                  if (e.code === 'MISSING_TOKEN') refreshToken();
                });
              `,
            },
          ],
        },
      ],
    },
    // `for (const e of body.errors)` with a switch; a Connexease code
    {
      code: code`
        const res = await fetch('${CEQUENS}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        for (const e of body.errors) {
          switch (e.code) {
            case 470:
              sendTemplate();
              break;
            case 'RATE_001':
              backOff();
              break;
          }
        }
      `,
      errors: [
        {
          messageId: 'otherProvider',
          data: { value: "'RATE_001'", other: 'connexease', provider: 'cequens' },
          line: 8,
          column: 10,
          endLine: 8,
          endColumn: 20,
          suggestions: [],
        },
      ],
    },
    // `body.errors.at(0)?.code`; a numeric code written as a string
    {
      code: code`
        const res = await fetch('${CEQUENS}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.errors.at(0)?.code === '470') sendTemplate();
      `,
      errors: [
        {
          messageId: 'wrongType',
          data: { provider: 'cequens', type: 'number', value: "'470'", suggestion: '470', title: REENGAGEMENT },
          line: 3,
          column: 33,
          endLine: 3,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '470', title: REENGAGEMENT },
              output: code`
                const res = await fetch('${CEQUENS}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.errors.at(0)?.code === 470) sendTemplate();
              `,
            },
          ],
        },
      ],
    },
    // axios catch, `const [first] = …errors`; codes are case-sensitive
    {
      code: code`
        import axios from 'axios';
        try {
          await axios.post('${CEQUENS}', payload);
        } catch (err) {
          const [first] = err.response.data.errors;
          if (first.code === 'token') refreshToken();
        }
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: "'token'", provider: 'cequens', suggestion: "'TOKEN'", title: 'TOKEN' },
          line: 6,
          column: 22,
          endLine: 6,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: "'TOKEN'", title: 'TOKEN' },
              output: code`
                import axios from 'axios';
                try {
                  await axios.post('${CEQUENS}', payload);
                } catch (err) {
                  const [first] = err.response.data.errors;
                  if (first.code === 'TOKEN') refreshToken();
                }
              `,
            },
          ],
        },
      ],
    },
    // a Digiworld code against CEQUENS
    {
      code: code`
        const res = await fetch('${CEQUENS}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.errors[0].code === 'invalid_token') refreshToken();
      `,
      errors: [
        {
          messageId: 'otherProvider',
          data: { value: "'invalid_token'", other: 'digiworld', provider: 'cequens' },
          line: 3,
          column: 29,
          endLine: 3,
          endColumn: 44,
          suggestions: [],
        },
      ],
    },

    // ══ wa-server (string body.error.code) ══
    // fetch
    {
      code: code`
        const res = await fetch('${WA}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error.code === 'device_not_conected') reconnect();
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: "'device_not_conected'", provider: 'wa-server', suggestion: "'device_not_connected'", title: 'Device is offline' },
          line: 3,
          column: 25,
          endLine: 3,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: "'device_not_connected'", title: 'Device is offline' },
              output: code`
                const res = await fetch('${WA}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.error.code === 'device_not_connected') reconnect();
              `,
            },
          ],
        },
      ],
    },
    // ky: `await ky.post(url).json()`
    {
      code: code`
        import ky from 'ky';
        const body = await ky.post('${WA}', { json: payload, throwHttpErrors: false }).json();
        if (body.error.code === 'device_not_conected') reconnect();
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: "'device_not_conected'", provider: 'wa-server', suggestion: "'device_not_connected'", title: 'Device is offline' },
          line: 3,
          column: 25,
          endLine: 3,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: "'device_not_connected'", title: 'Device is offline' },
              output: code`
                import ky from 'ky';
                const body = await ky.post('${WA}', { json: payload, throwHttpErrors: false }).json();
                if (body.error.code === 'device_not_connected') reconnect();
              `,
            },
          ],
        },
      ],
    },
    // ky: the caught error's `response.json()`; nothing close
    {
      code: code`
        import ky from 'ky';
        try {
          await ky.post('${WA}', { json: payload });
        } catch (err) {
          const body = await err.response.json();
          if (body.error.code === 'quota_exceeded') wait();
        }
      `,
      errors: [
        {
          messageId: 'unknownCode',
          data: { value: "'quota_exceeded'", provider: 'wa-server' },
          line: 6,
          column: 27,
          endLine: 6,
          endColumn: 43,
          suggestions: [],
        },
      ],
    },
    // an axios instance with a baseURL; optional chaining in a switch; a MsgBubbles code
    {
      code: code`
        import axios from 'axios';
        const wa = axios.create({ baseURL: 'https://wa.sagad.net/api' });
        try {
          await wa.post('/messages/send', payload);
        } catch (err) {
          switch (err.response?.data?.error?.code) {
            case 'device_not_connected':
              reconnect();
              break;
            case 'rate_limited':
              backOff();
              break;
          }
        }
      `,
      errors: [
        {
          messageId: 'otherProvider',
          data: { value: "'rate_limited'", other: 'msgbubbles', provider: 'wa-server' },
          line: 10,
          column: 10,
          endLine: 10,
          endColumn: 24,
          suggestions: [],
        },
      ],
    },

    // ══ Digiworld (string body.error) ══
    // got: `.json()`
    {
      code: code`
        import got from 'got';
        const body = await got.post('${DIGI}', { json: payload, throwHttpErrors: false }).json();
        if (body.error === 'insuficient_balance') topUp();
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: "'insuficient_balance'", provider: 'digiworld', suggestion: "'insufficient_balance'", title: 'Insufficient wallet balance' },
          line: 3,
          column: 20,
          endLine: 3,
          endColumn: 41,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: "'insufficient_balance'", title: 'Insufficient wallet balance' },
              output: code`
                import got from 'got';
                const body = await got.post('${DIGI}', { json: payload, throwHttpErrors: false }).json();
                if (body.error === 'insufficient_balance') topUp();
              `,
            },
          ],
        },
      ],
    },
    // fetch `.then` chain; a MsgBubbles code
    {
      code: code`
        fetch('${DIGI}', { method: 'POST', body: JSON.stringify(payload) })
          .then((res) => res.json())
          .then((body) => body.error === 'rate_limited' && backOff());
      `,
      errors: [
        {
          messageId: 'otherProvider',
          data: { value: "'rate_limited'", other: 'msgbubbles', provider: 'digiworld' },
          line: 3,
          column: 34,
          endLine: 3,
          endColumn: 48,
          suggestions: [],
        },
      ],
    },
    // axios destructuring; nothing close
    {
      code: code`
        import axios from 'axios';
        const { data } = await axios.post('${DIGI}', payload, { validateStatus: () => true });
        if (data.error === 'wallet_empty') topUp();
      `,
      errors: [
        {
          messageId: 'unknownCode',
          data: { value: "'wallet_empty'", provider: 'digiworld' },
          line: 3,
          column: 20,
          endLine: 3,
          endColumn: 34,
          suggestions: [],
        },
      ],
    },
    // a const object property (`CODES.BALANCE`): fixed where it is declared
    {
      code: code`
        const DIGI_ERRORS = { BALANCE: 'insuficient_balance', SESSION: 'session_not_ready' } as const;
        const res = await fetch('${DIGI}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error === DIGI_ERRORS.BALANCE) topUp();
        if (body.error === DIGI_ERRORS.SESSION) retryLater();
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: "'insuficient_balance'", provider: 'digiworld', suggestion: "'insufficient_balance'", title: 'Insufficient wallet balance' },
          line: 4,
          column: 20,
          endLine: 4,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: "'insufficient_balance'", title: 'Insufficient wallet balance' },
              output: code`
                const DIGI_ERRORS = { BALANCE: 'insufficient_balance', SESSION: 'session_not_ready' } as const;
                const res = await fetch('${DIGI}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.error === DIGI_ERRORS.BALANCE) topUp();
                if (body.error === DIGI_ERRORS.SESSION) retryLater();
              `,
            },
          ],
        },
      ],
    },

    // ══ MsgBubbles (string body.error, `*_failed` pattern) ══
    // ofetch: the awaited call is the body
    {
      code: code`
        import { ofetch } from 'ofetch';
        const body = await ofetch('${BUBBLES}', { method: 'POST', body: payload, ignoreResponseError: true });
        if (body.error === 'rate_limit') backOff();
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: "'rate_limit'", provider: 'msgbubbles', suggestion: "'rate_limited'", title: RATE_LIMITED },
          line: 3,
          column: 20,
          endLine: 3,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: "'rate_limited'", title: RATE_LIMITED },
              output: code`
                import { ofetch } from 'ofetch';
                const body = await ofetch('${BUBBLES}', { method: 'POST', body: payload, ignoreResponseError: true });
                if (body.error === 'rate_limited') backOff();
              `,
            },
          ],
        },
      ],
    },
    // ofetch: the caught error's `data`; a wa-server code
    {
      code: code`
        import { ofetch } from 'ofetch';
        try {
          await ofetch('${BUBBLES}', { method: 'POST', body: payload });
        } catch (err) {
          if (err.data.error === 'device_not_connected') reconnect();
        }
      `,
      errors: [
        {
          messageId: 'otherProvider',
          data: { value: "'device_not_connected'", other: 'wa-server', provider: 'msgbubbles' },
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 48,
          suggestions: [],
        },
      ],
    },
    // `!==`
    {
      code: code`
        const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error !== 'unauthorised') deliver(body);
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: "'unauthorised'", provider: 'msgbubbles', suggestion: "'unauthorized'", title: 'Missing or invalid API key' },
          line: 3,
          column: 20,
          endLine: 3,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: "'unauthorized'", title: 'Missing or invalid API key' },
              output: code`
                const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.error !== 'unauthorized') deliver(body);
              `,
            },
          ],
        },
      ],
    },
    // `switch`: documented, pattern, typo, unknown
    {
      code: code`
        const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        switch (body.error) {
          case 'rate_limited':
          case 'send_failed':
            retry();
            break;
          case 'rate_limit':
            backOff();
            break;
          case 'timeout':
            retry();
            break;
        }
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: "'rate_limit'", provider: 'msgbubbles', suggestion: "'rate_limited'", title: RATE_LIMITED },
          line: 8,
          column: 8,
          endLine: 8,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: "'rate_limited'", title: RATE_LIMITED },
              output: code`
                const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                switch (body.error) {
                  case 'rate_limited':
                  case 'send_failed':
                    retry();
                    break;
                  case 'rate_limited':
                    backOff();
                    break;
                  case 'timeout':
                    retry();
                    break;
                }
              `,
            },
          ],
        },
        {
          messageId: 'unknownCode',
          data: { value: "'timeout'", provider: 'msgbubbles' },
          line: 11,
          column: 8,
          endLine: 11,
          endColumn: 17,
          suggestions: [],
        },
      ],
    },
    // `[…].includes(code)`
    {
      code: code`
        const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (['unavailable', 'device_ofline'].includes(body.error)) retry();
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: "'device_ofline'", provider: 'msgbubbles', suggestion: "'device_offline'", title: 'Sending number offline' },
          line: 3,
          column: 21,
          endLine: 3,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: "'device_offline'", title: 'Sending number offline' },
              output: code`
                const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (['unavailable', 'device_offline'].includes(body.error)) retry();
              `,
            },
          ],
        },
      ],
    },
    // `new Set([…]).has(code)`
    {
      code: code`
        const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (new Set(['rate_limit', 'unavailable']).has(body.error)) retry();
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: "'rate_limit'", provider: 'msgbubbles', suggestion: "'rate_limited'", title: RATE_LIMITED },
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: "'rate_limited'", title: RATE_LIMITED },
              output: code`
                const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (new Set(['rate_limited', 'unavailable']).has(body.error)) retry();
              `,
            },
          ],
        },
      ],
    },
    // a const array used twice: reported once, at its declaration
    {
      code: code`
        const RETRYABLE = ['rate_limit', 'unavailable', 'device_offline'];
        const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (RETRYABLE.includes(body.error)) retry();
        if (!RETRYABLE.includes(body.error)) fail();
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: "'rate_limit'", provider: 'msgbubbles', suggestion: "'rate_limited'", title: RATE_LIMITED },
          line: 1,
          column: 20,
          endLine: 1,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: "'rate_limited'", title: RATE_LIMITED },
              output: code`
                const RETRYABLE = ['rate_limited', 'unavailable', 'device_offline'];
                const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (RETRYABLE.includes(body.error)) retry();
                if (!RETRYABLE.includes(body.error)) fail();
              `,
            },
          ],
        },
      ],
    },
    // a same-file const: reported at the use, fixed at the declaration
    {
      code: code`
        const RATE = 'rate_limit';
        const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error === RATE) backOff();
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: "'rate_limit'", provider: 'msgbubbles', suggestion: "'rate_limited'", title: RATE_LIMITED },
          line: 4,
          column: 20,
          endLine: 4,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: "'rate_limited'", title: RATE_LIMITED },
              output: code`
                const RATE = 'rate_limited';
                const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.error === RATE) backOff();
              `,
            },
          ],
        },
      ],
    },
    // a string enum member
    {
      code: code`
        enum BubblesError {
          RateLimited = 'rate_limit',
        }
        const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error === BubblesError.RateLimited) backOff();
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: "'rate_limit'", provider: 'msgbubbles', suggestion: "'rate_limited'", title: RATE_LIMITED },
          line: 6,
          column: 20,
          endLine: 6,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: "'rate_limited'", title: RATE_LIMITED },
              output: code`
                enum BubblesError {
                  RateLimited = 'rate_limited',
                }
                const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.error === BubblesError.RateLimited) backOff();
              `,
            },
          ],
        },
      ],
    },
    // a template literal keeps its backticks
    {
      code: code`
        const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error === \`rate_limit\`) backOff();
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: "'rate_limit'", provider: 'msgbubbles', suggestion: "'rate_limited'", title: RATE_LIMITED },
          line: 3,
          column: 20,
          endLine: 3,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: "'rate_limited'", title: RATE_LIMITED },
              output: code`
                const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.error === \`rate_limited\`) backOff();
              `,
            },
          ],
        },
      ],
    },
    // a double-quoted literal keeps its double quotes
    {
      code: code`
        const res = await fetch("${BUBBLES}", { method: "POST", body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error === "rate_limit") backOff();
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: "'rate_limit'", provider: 'msgbubbles', suggestion: "'rate_limited'", title: RATE_LIMITED },
          line: 3,
          column: 20,
          endLine: 3,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: "'rate_limited'", title: RATE_LIMITED },
              output: code`
                const res = await fetch("${BUBBLES}", { method: "POST", body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.error === "rate_limited") backOff();
              `,
            },
          ],
        },
      ],
    },
    // a class method wrapper called through `this`
    {
      code: code`
        class Bubbles {
          async send(payload: unknown) {
            const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
            return res.json();
          }
          async notify(payload: unknown) {
            const body = await this.send(payload);
            if (body.error === 'rate_limit') backOff();
          }
        }
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: "'rate_limit'", provider: 'msgbubbles', suggestion: "'rate_limited'", title: RATE_LIMITED },
          line: 8,
          column: 24,
          endLine: 8,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: "'rate_limited'", title: RATE_LIMITED },
              output: code`
                class Bubbles {
                  async send(payload: unknown) {
                    const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
                    return res.json();
                  }
                  async notify(payload: unknown) {
                    const body = await this.send(payload);
                    if (body.error === 'rate_limited') backOff();
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    // `errorCodeOf('msgbubbles', body)`
    {
      code: code`
        import { errorCodeOf } from 'eslint-plugin-whatsapp-errors/catalog';
        export const isRateLimited = (body: unknown) => errorCodeOf('msgbubbles', body) === 'rate_limit';
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: "'rate_limit'", provider: 'msgbubbles', suggestion: "'rate_limited'", title: RATE_LIMITED },
          line: 2,
          column: 85,
          endLine: 2,
          endColumn: 97,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: "'rate_limited'", title: RATE_LIMITED },
              output: code`
                import { errorCodeOf } from 'eslint-plugin-whatsapp-errors/catalog';
                export const isRateLimited = (body: unknown) => errorCodeOf('msgbubbles', body) === 'rate_limited';
              `,
            },
          ],
        },
      ],
    },

    // ══ Connexease (body.errors.code) ══
    // fetch with a Cloud API payload: the host says Connexease, not Meta
    {
      code: code`
        const res = await fetch('${CONNEX}', {
          method: 'POST',
          body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text }),
        });
        const body = await res.json();
        if (!body.isSuccess && body.errors.code === 'RATE_01') wait(body.errors.params.retry_after);
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: "'RATE_01'", provider: 'connexease', suggestion: "'RATE_001'", title: RATE_LIMITED },
          line: 6,
          column: 45,
          endLine: 6,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: "'RATE_001'", title: RATE_LIMITED },
              output: code`
                const res = await fetch('${CONNEX}', {
                  method: 'POST',
                  body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text }),
                });
                const body = await res.json();
                if (!body.isSuccess && body.errors.code === 'RATE_001') wait(body.errors.params.retry_after);
              `,
            },
          ],
        },
      ],
    },
    // axios catch
    {
      code: code`
        import axios from 'axios';
        try {
          await axios.post('${CONNEX}', payload);
        } catch (err) {
          if (err.response?.data?.errors?.code === 'AUTH_01') rotateKey();
        }
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: "'AUTH_01'", provider: 'connexease', suggestion: "'AUTH_001'", title: 'API key not found, invalid or expired' },
          line: 5,
          column: 44,
          endLine: 5,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: "'AUTH_001'", title: 'API key not found, invalid or expired' },
              output: code`
                import axios from 'axios';
                try {
                  await axios.post('${CONNEX}', payload);
                } catch (err) {
                  if (err.response?.data?.errors?.code === 'AUTH_001') rotateKey();
                }
              `,
            },
          ],
        },
      ],
    },
    // destructuring `const { errors: { code } } = body`; a const Set with one typo
    {
      code: code`
        const RETRYABLE = new Set(['RATE_001', 'AUTH_004', 'GW_01']);
        const res = await fetch('${CONNEX}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        const { errors: { code } } = body;
        if (RETRYABLE.has(code)) retry();
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: "'GW_01'", provider: 'connexease', suggestion: "'GW_001'", title: 'Invalid recipient' },
          line: 1,
          column: 52,
          endLine: 1,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: "'GW_001'", title: 'Invalid recipient' },
              output: code`
                const RETRYABLE = new Set(['RATE_001', 'AUTH_004', 'GW_001']);
                const res = await fetch('${CONNEX}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                const { errors: { code } } = body;
                if (RETRYABLE.has(code)) retry();
              `,
            },
          ],
        },
      ],
    },
    // another provider's code; nothing close
    {
      code: code`
        const res = await fetch('${CONNEX}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.errors.code === 'rate_limited') backOff();
        if (body.errors.code === 'SPAM_001') pause();
      `,
      errors: [
        {
          messageId: 'otherProvider',
          data: { value: "'rate_limited'", other: 'msgbubbles', provider: 'connexease' },
          line: 3,
          column: 26,
          endLine: 3,
          endColumn: 40,
          suggestions: [],
        },
        {
          messageId: 'unknownCode',
          data: { value: "'SPAM_001'", provider: 'connexease' },
          line: 4,
          column: 26,
          endLine: 4,
          endColumn: 36,
          suggestions: [],
        },
      ],
    },

    // ══ Custom providers from settings ══
    {
      code: code`
        const res = await fetch('https://wa.acme.internal/v1/send', { method: 'POST' });
        const body = await res.json();
        if (body.error.code === 'QUOTA_EXCEDED') wait();
        if (body.error.code === 1001) skip();
      `,
      settings: customSettings,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: "'QUOTA_EXCEDED'", provider: 'acme-wa', suggestion: "'QUOTA_EXCEEDED'", title: 'Daily quota exceeded' },
          line: 3,
          column: 25,
          endLine: 3,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: "'QUOTA_EXCEEDED'", title: 'Daily quota exceeded' },
              output: code`
                const res = await fetch('https://wa.acme.internal/v1/send', { method: 'POST' });
                const body = await res.json();
                if (body.error.code === 'QUOTA_EXCEEDED') wait();
                if (body.error.code === 1001) skip();
              `,
            },
          ],
        },
        {
          messageId: 'wrongType',
          data: { provider: 'acme-wa', type: 'string', value: '1001', suggestion: "'1001'", title: 'Recipient unknown' },
          line: 4,
          column: 25,
          endLine: 4,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: "'1001'", title: 'Recipient unknown' },
              output: code`
                const res = await fetch('https://wa.acme.internal/v1/send', { method: 'POST' });
                const body = await res.json();
                if (body.error.code === 'QUOTA_EXCEDED') wait();
                if (body.error.code === '1001') skip();
              `,
            },
          ],
        },
      ],
    },
    // Meta's code for the 24-hour window in a Twilio dispatch: Twilio sends 63016
    {
      code: code`
        const res = await fetch('${TWILIO}', { method: 'POST', body: form });
        const body = await res.json();
        if (body.code === 131047) sendTemplate();
      `,
      errors: [
        {
          messageId: 'otherProvider',
          data: { value: '131047', other: 'meta-cloud', provider: 'twilio' },
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 25,
          suggestions: [],
        },
      ],
    },
    // and Twilio's code in a Cloud API dispatch
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error.code === 63016) sendTemplate();
      `,
      errors: [
        {
          messageId: 'otherProvider',
          data: { value: '63016', other: 'twilio', provider: 'meta-cloud' },
          line: 3,
          column: 25,
          endLine: 3,
          endColumn: 30,
          suggestions: [],
        },
      ],
    },
  ],
});

// ─── Status webhooks: the codes of statuses[].errors[] are Meta's ────────────
ruleTester.run('no-unknown-error-code (status webhooks)', rule, {
  valid: [
    code`
      export function onStatus(body) {
        const [status] = body.entry[0].changes[0].value.statuses;
        if (status.errors?.[0]?.code === 131047) sendTemplate(status.recipient_id);
      }
    `,
  ],
  invalid: [
    {
      code: code`
        export function onStatus(body) {
          for (const { value } of body.entry[0].changes) {
            for (const status of value.statuses ?? []) {
              for (const error of status.errors ?? []) if (error.code === 131074) sendTemplate(status.recipient_id);
            }
          }
        }
      `,
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: '131074', provider: 'meta-cloud', suggestion: '131047', title: 'Re-engagement message' },
          line: 4,
          column: 67,
          endLine: 4,
          endColumn: 73,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '131047', title: 'Re-engagement message' },
              output: code`
                export function onStatus(body) {
                  for (const { value } of body.entry[0].changes) {
                    for (const status of value.statuses ?? []) {
                      for (const error of status.errors ?? []) if (error.code === 131047) sendTemplate(status.recipient_id);
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
      // whatsapp-api-js's on.status error: Meta's codes are numbers
      code: code`
        import { WhatsAppAPI } from 'whatsapp-api-js';
        const wa = new WhatsAppAPI({ token: 't', appSecret: 's' });
        wa.on.status = ({ error }) => { if (error?.code === '131026') forget(); };
      `,
      errors: [
        {
          messageId: 'wrongType',
          data: { provider: 'meta-cloud', type: 'number', value: "'131026'", suggestion: '131026', title: 'Message undeliverable' },
          line: 3,
          column: 53,
          endLine: 3,
          endColumn: 61,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '131026', title: 'Message undeliverable' },
              output: code`
                import { WhatsAppAPI } from 'whatsapp-api-js';
                const wa = new WhatsAppAPI({ token: 't', appSecret: 's' });
                wa.on.status = ({ error }) => { if (error?.code === 131026) forget(); };
              `,
            },
          ],
        },
      ],
    },
  ],
});

// ─── Codes read through conditionals and predicates (issue 15) ─────────────────
/** A catch that reads the code with `read` into `code` and compares it with a typo of 131047. */
const codeReadThrough = (read: string) => {
  const source = (compared: string) => code`
    import axios from 'axios';
    export async function send(payload: object) {
      try {
        return await axios.post('${META}', payload);
      } catch (err) {
        const code = ${read};
        if (code === ${compared}) throw err;
      }
    }
  `;
  return {
    code: source('131074'),
    errors: [
      {
        messageId: 'didYouMean' as const,
        data: { value: '131074', provider: 'meta-cloud', suggestion: '131047', title: 'Re-engagement message' },
        line: 7,
        column: 18,
        endLine: 7,
        endColumn: 24,
        suggestions: [{ messageId: 'useCode' as const, data: { suggestion: '131047', title: 'Re-engagement message' }, output: source('131047') }],
      },
    ],
  };
};
ruleTester.run('no-unknown-error-code: codes through a conditional and a predicate', rule, {
  valid: [],
  invalid: [
    // `code` is the provider's code although it is read through a conditional
    codeReadThrough('axios.isAxiosError(err) ? err.response?.data?.error?.code : undefined'),
    // a numeric code read through Number(): still the provider's code
    codeReadThrough('Number(err.response?.data?.error?.code ?? 0)'),
    // a same-file predicate called with the code: its literals are compared with the code (reported where they are written);
    // 1900 is one edit from both 190 and 100: both are named, the better-known first, and each is offered
    {
      code: code`
        import axios from 'axios';
        function isTokenError(code: number) {
          return code === 1900 || code === 190;
        }
        export async function send(payload: object) {
          try {
            return await axios.post('${META}', payload);
          } catch (err) {
            if (isTokenError(err.response?.data?.error?.code)) await renewToken();
            throw err;
          }
        }
      `,
      errors: [
        {
          messageId: 'didYouMeanOneOf',
          data: { value: '1900', provider: 'meta-cloud', suggestions: '190 or 100' },
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '190', title: 'Access token has expired' },
              output: code`
                import axios from 'axios';
                function isTokenError(code: number) {
                  return code === 190 || code === 190;
                }
                export async function send(payload: object) {
                  try {
                    return await axios.post('${META}', payload);
                  } catch (err) {
                    if (isTokenError(err.response?.data?.error?.code)) await renewToken();
                    throw err;
                  }
                }
              `,
            },
            {
              messageId: 'useCode',
              data: { suggestion: '100', title: 'Invalid parameter' },
              output: code`
                import axios from 'axios';
                function isTokenError(code: number) {
                  return code === 100 || code === 190;
                }
                export async function send(payload: object) {
                  try {
                    return await axios.post('${META}', payload);
                  } catch (err) {
                    if (isTokenError(err.response?.data?.error?.code)) await renewToken();
                    throw err;
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    // a number one digit from many codes (13104): the three best-known are named and offered, the rest counted
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error.code === 13104) await reopenWindow();
      `,
      errors: [
        {
          messageId: 'didYouMeanOneOf',
          data: { value: '13104', provider: 'meta-cloud', suggestions: '131047, 131048, 131064 (or 4 more)' },
          line: 3,
          column: 25,
          endLine: 3,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '131047', title: 'Re-engagement message' },
              output: code`
                const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.error.code === 131047) await reopenWindow();
              `,
            },
            {
              messageId: 'useCode',
              data: { suggestion: '131048', title: 'Spam rate limit hit' },
              output: code`
                const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.error.code === 131048) await reopenWindow();
              `,
            },
            {
              messageId: 'useCode',
              data: { suggestion: '131064', title: 'Messaging limit reached for template category violations' },
              output: code`
                const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                if (body.error.code === 131064) await reopenWindow();
              `,
            },
          ],
        },
      ],
    },
  ],
});

// ─── Gateways: Twilio's SDK and status callback, Vonage's URL-fragment codes ──
// Linted as `notify.ts` unless a case says otherwise, so the WhatsApp evidence comes from the code.

const VONAGE_TYPE = 'https://developer.vonage.com/api-errors/messages';

/** A Twilio SDK send to a WhatsApp number, and the lines of its `catch (err)` (indented as written inside it). */
const twilioCatch = (...handling: string[]) => code`
  import twilio from 'twilio';
  const client = twilio(sid, token);
  export async function notify(to) {
    try {
      await client.messages.create({ from: 'whatsapp:+14155238886', to: 'whatsapp:' + to, body: 'hi' });
    } catch (err) {
      ${handling.join('\n      ')}
    }
  }
`;

ruleTester.run('no-unknown-error-code (gateways)', rule, {
  valid: [
    // Twilio SDK: the RestException's own code is Twilio's
    {
      code: twilioCatch('if (err.code === 63016) await sendTemplate(to);', 'else if ([63018, 20429].includes(err.code)) await later(to);'),
      filename: 'notify.ts',
    },
    // 21608: a trial account (or one without an approved compliance profile) sending to an unverified number
    {
      code: twilioCatch(
        "if (err.code === 21608) return { ok: false, reason: 'recipient not verified on the trial account' };",
        "if (err.code === 21610) return { ok: false, reason: 'opted out' };",
        'throw err;',
      ),
      filename: 'notify.ts',
    },
    // Twilio SDK: the error's code is Twilio's, or Node's or the HTTP client's when the request never got there
    {
      code: twilioCatch(
        "if (err.code === 'ECONNRESET' || err.code === 'ETIMEDOUT') return later(to);",
        "if (['EAI_AGAIN', 'ERR_NETWORK', 'UND_ERR_CONNECT_TIMEOUT'].includes(err.code)) return later(to);",
        // the resolver's codes: a lookup of api.twilio.com that failed
        "if (err.code === 'ENOTFOUND' || err.code === 'ESERVFAIL') return later(to);",
        'switch (err.code) {',
        "  case 'ECONNREFUSED': return later(to);",
        '  case 63016: return template(to);',
        '}',
        'throw err;',
      ),
      filename: 'notify.ts',
    },
    // an SMS-only Twilio app: Meta's code in it is none of this rule's business (no WhatsApp call)
    {
      code: code`
        import twilio from 'twilio';
        const client = twilio(sid, token);
        export async function sendSms(to) {
          try { await client.messages.create({ from: '+14155238886', to, body: 'hi' }); }
          catch (err) { if (err.code === 131047) retry(); }
        }
      `,
      filename: 'sms.ts',
    },
    // Vonage: the whole URL, its fragment by endsWith / includes, split('#')[1], split('#').pop(), slice after indexOf('#')
    {
      code: code`
        import { Vonage } from '@vonage/server-sdk';
        import { WhatsAppText } from '@vonage/messages';
        const vonage = new Vonage({ apiKey, apiSecret });
        export async function notify(to) {
          try {
            await vonage.messages.send(new WhatsAppText({ from, to, text: 'hi' }));
          } catch (err) {
            const body = await err.response.json();
            if (body.type === '${VONAGE_TYPE}#1340') return template(to);
            if (body.type.endsWith('#1000') || body.type.includes('#1241')) return later(to);
            if (body.type.split('#')[1] === '1300') return drop(to);
            const [, code] = body.type.split('#');
            if (code === 'low-balance' || body.type.split('#').pop() === 'unauthorized') return alert();
            if (body.type.slice(body.type.indexOf('#') + 1) === '1461') return tomorrow(to);
            throw err;
          }
        }
      `,
      filename: 'notify.ts',
    },
    // Twilio's status callback sends ErrorCode as text: the digits as a string, or the number after Number()
    {
      code: code`
        export function onWhatsAppStatus(req) {
          if (req.body.ErrorCode === '63016') resendAsTemplate(req.body.MessageSid);
          if (Number(req.body.ErrorCode) === 63024) markInvalid(req.body.To);
          if (req.body.ErrorCode == 63032) skip(req.body.To);
        }
      `,
      filename: 'hooks.ts',
    },
    // Vonage's REST API with channel: 'whatsapp'
    {
      code: code`
        import axios from 'axios';
        export async function notify(to) {
          try {
            await axios.post('https://api.nexmo.com/v1/messages', { channel: 'whatsapp', message_type: 'text', to, from, text: 'hi' });
          } catch (err) {
            if (err.response?.data?.type === '${VONAGE_TYPE}#1340') return template(to);
          }
        }
      `,
      filename: 'notify.ts',
    },
  ],
  invalid: [
    // a response body's code is Twilio's alone: a network error's code there is a mistake (and a typo of one in an error still is)
    {
      code: code`
        import twilio from 'twilio';
        const client = twilio(sid, token);
        export async function notify(to) {
          const res = await fetch('${TWILIO}', { method: 'POST', body: new URLSearchParams({ To: 'whatsapp:' + to, Body: 'hi' }) });
          const body = await res.json();
          if (body.code === 'ECONNRESET') return later(to);
          try {
            await client.messages.create({ from: 'whatsapp:+14155238886', to: 'whatsapp:' + to, body: 'hi' });
          } catch (err) {
            if (err.code === 'ECONNRESTE') return later(to);
            throw err;
          }
        }
      `,
      filename: 'notify.ts',
      errors: [
        { messageId: 'unknownCode', data: { value: "'ECONNRESET'", provider: 'twilio' }, line: 6, column: 21, endLine: 6, endColumn: 33, suggestions: [] },
        { messageId: 'unknownCode', data: { value: "'ECONNRESTE'", provider: 'twilio' }, line: 10, column: 22, endLine: 10, endColumn: 34, suggestions: [] },
      ],
    },
    // Twilio SDK: Meta's code for the 24-hour window in a catch of client.messages.create
    {
      code: code`
        import twilio from 'twilio';
        const client = twilio(sid, token);
        export async function notify(to) {
          try {
            await client.messages.create({ from: 'whatsapp:+14155238886', to: \`whatsapp:\${to}\`, contentSid });
          } catch (err) {
            if (err.code === 131047) await sendTemplate(to);
          }
        }
      `,
      filename: 'notify.ts',
      errors: [{ messageId: 'otherProvider', data: { value: '131047', other: 'meta-cloud', provider: 'twilio' }, line: 7, column: 22, endLine: 7, endColumn: 28, suggestions: [] }],
    },
    // 21608 with two digits swapped: the trial account's unverified-recipient code is offered
    {
      code: code`
        import twilio from 'twilio';
        const client = twilio(sid, token);
        export async function notify(to) {
          try {
            await client.messages.create({ from: 'whatsapp:+14155238886', to: 'whatsapp:' + to, body: 'hi' });
          } catch (err) {
            if (err.code === 21680) return { ok: false };
            throw err;
          }
        }
      `,
      filename: 'notify.ts',
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: '21680', provider: 'twilio', suggestion: '21608', title: "The 'To' phone number provided is not yet verified for this account" },
          line: 7,
          column: 22,
          endLine: 7,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '21608', title: "The 'To' phone number provided is not yet verified for this account" },
              output: code`
                import twilio from 'twilio';
                const client = twilio(sid, token);
                export async function notify(to) {
                  try {
                    await client.messages.create({ from: 'whatsapp:+14155238886', to: 'whatsapp:' + to, body: 'hi' });
                  } catch (err) {
                    if (err.code === 21608) return { ok: false };
                    throw err;
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    // a typo in the fragment of a whole Vonage type URL: the fix keeps the URL
    {
      code: code`
        import { Vonage } from '@vonage/server-sdk';
        const vonage = new Vonage({ apiKey, apiSecret });
        export async function notify(to) {
          try {
            await vonage.messages.send({ channel: 'whatsapp', message_type: 'text', to, from, text: 'hi' });
          } catch (err) {
            const body = await err.response.json();
            if (body.type === '${VONAGE_TYPE}#1304') return template(to);
          }
        }
      `,
      filename: 'notify.ts',
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: "'#1304'", provider: 'vonage', suggestion: "'1340'", title: 'Outside of the allowed window' },
          line: 8,
          column: 23,
          endLine: 8,
          endColumn: 78,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: "'1340'", title: 'Outside of the allowed window' },
              output: code`
                import { Vonage } from '@vonage/server-sdk';
                const vonage = new Vonage({ apiKey, apiSecret });
                export async function notify(to) {
                  try {
                    await vonage.messages.send({ channel: 'whatsapp', message_type: 'text', to, from, text: 'hi' });
                  } catch (err) {
                    const body = await err.response.json();
                    if (body.type === '${VONAGE_TYPE}#1340') return template(to);
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    // a typo after endsWith('#…'), and in a split fragment
    {
      code: code`
        import axios from 'axios';
        export async function notify(to) {
          try {
            await axios.post('https://api.nexmo.com/v1/messages', { channel: 'whatsapp', message_type: 'text', to, from, text: 'hi' });
          } catch (err) {
            const type = err.response.data.type;
            if (type.endsWith("#low-balanse")) return topUp();
            if (type.split('#')[1] === 'unauthorised') return renewKey();
          }
        }
      `,
      filename: 'notify.ts',
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: "'#low-balanse'", provider: 'vonage', suggestion: "'low-balance'", title: 'Account balance too low' },
          line: 7,
          column: 23,
          endLine: 7,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: "'low-balance'", title: 'Account balance too low' },
              output: code`
                import axios from 'axios';
                export async function notify(to) {
                  try {
                    await axios.post('https://api.nexmo.com/v1/messages', { channel: 'whatsapp', message_type: 'text', to, from, text: 'hi' });
                  } catch (err) {
                    const type = err.response.data.type;
                    if (type.endsWith("#low-balance")) return topUp();
                    if (type.split('#')[1] === 'unauthorised') return renewKey();
                  }
                }
              `,
            },
          ],
        },
        {
          messageId: 'didYouMean',
          data: { value: "'unauthorised'", provider: 'vonage', suggestion: "'unauthorized'", title: 'Incorrect credentials' },
          line: 8,
          column: 32,
          endLine: 8,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: "'unauthorized'", title: 'Incorrect credentials' },
              output: code`
                import axios from 'axios';
                export async function notify(to) {
                  try {
                    await axios.post('https://api.nexmo.com/v1/messages', { channel: 'whatsapp', message_type: 'text', to, from, text: 'hi' });
                  } catch (err) {
                    const type = err.response.data.type;
                    if (type.endsWith("#low-balanse")) return topUp();
                    if (type.split('#')[1] === 'unauthorized') return renewKey();
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    // a number against Twilio's form-encoded ErrorCode never matches strictly; a typo in its text is caught (and fixed) as text
    {
      code: code`
        export function onWhatsAppStatus(req) {
          if (req.body.ErrorCode === 63016) resendAsTemplate(req.body.MessageSid);
          if (req.body.ErrorCode === '63061') alert();
        }
      `,
      filename: 'hooks.ts',
      errors: [
        {
          messageId: 'wrongType',
          data: { provider: 'twilio', type: 'string', value: '63016', suggestion: "'63016'", title: 'Outside messaging window' },
          line: 2,
          column: 30,
          endLine: 2,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: "'63016'", title: 'Outside messaging window' },
              output: code`
                export function onWhatsAppStatus(req) {
                  if (req.body.ErrorCode === '63016') resendAsTemplate(req.body.MessageSid);
                  if (req.body.ErrorCode === '63061') alert();
                }
              `,
            },
          ],
        },
        {
          messageId: 'didYouMean',
          data: { value: "'63061'", provider: 'twilio', suggestion: "'63016'", title: 'Outside messaging window' },
          line: 3,
          column: 30,
          endLine: 3,
          endColumn: 37,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: "'63016'", title: 'Outside messaging window' },
              output: code`
                export function onWhatsAppStatus(req) {
                  if (req.body.ErrorCode === 63016) resendAsTemplate(req.body.MessageSid);
                  if (req.body.ErrorCode === '63016') alert();
                }
              `,
            },
          ],
        },
      ],
    },
    // the code alone against the whole type URL never matches
    {
      code: code`
        import axios from 'axios';
        export async function notify(to) {
          try {
            await axios.post('https://api.nexmo.com/v1/messages', { channel: 'whatsapp', message_type: 'text', to, from, text: 'hi' });
          } catch (err) {
            switch (err.response.data.type) {
              case '1340': return template(to);
              default: throw err;
            }
          }
        }
      `,
      filename: 'notify.ts',
      errors: [{ messageId: 'fragmentOnly', data: { provider: 'vonage', value: "'1340'", code: '1340' }, line: 7, column: 12, endLine: 7, endColumn: 18 }],
    },
  ],
});

ruleTester.run('no-unknown-error-code: the allow option', rule, {
  valid: [
    // a code Meta sends without documenting it, listed by the project
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error.code === 131058) handle();
      `,
      options: [{ allow: [131058] }],
    },
    // listed as text, compared as a number: the same code
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error.code === 131058) handle();
      `,
      options: [{ allow: ['131058'] }],
    },
  ],
  invalid: [
    // another undocumented code is still reported, with the nearest documented ones
    {
      code: code`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (body.error.code === 999999 || body.error.code === 131058) handle();
      `,
      options: [{ allow: [131058] }],
      errors: [{ messageId: 'unknownCode', data: { value: '999999', provider: 'meta-cloud' }, line: 3, column: 25, endLine: 3, endColumn: 31, suggestions: [] }],
    },
  ],
});

describe('the allow option is checked against the catalog', () => {
  const linter = new Linter({ configType: 'flat' });
  const verify = (allow: unknown[]) =>
    linter.verify(
      `const res = await fetch('${META}', { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp' }) });\nconst body = await res.json();\nif (body.error.code === 131058) handle();`,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser, sourceType: 'module' },
          plugins: { 'whatsapp-errors': { rules: { 'no-unknown-error-code': rule } } as never },
          rules: { 'whatsapp-errors/no-unknown-error-code': ['error', { allow }] },
        },
      ],
      'example.ts',
    );

  test('a documented code is an error that names its provider', () => {
    expect(() => verify([131058, 131047])).toThrow(
      'eslint-plugin-whatsapp-errors: invalid option: no-unknown-error-code: allow[1] is 131047, a documented meta-cloud code; list only codes a provider sends without documenting them.',
    );
  });

  test('a value of the wrong type is refused by the schema', () => {
    expect(() => verify([{ code: 131058 }])).toThrow('Key "rules": Key "whatsapp-errors/no-unknown-error-code":\n\tValue {"code":131058} should be string,number.');
  });

  test('an undocumented code is accepted and its comparison is not reported', () => {
    expect(verify([131058])).toEqual([]);
    // without it, the same file is reported
    expect(verify([]).map((m) => m.message)).toEqual(['131058 is not a documented meta-cloud error code, so this comparison matches no documented error; did you mean 131048, 131056, 131008 (or 6 more)?']);
  });
});

// A field of the app's own error that a wrapper of another file throws with the code in it
// (test/fixtures/cross-file/code-fields): `code` holds `String(body.error.code)`, `details.waCode` the number itself.
const CODE_FIELDS = fileURLToPath(new URL('../fixtures/cross-file/code-fields/', import.meta.url));
const onField = (send: string, error: string, test: string) => code`
  import { ${send} } from './send';
  import { ${error} } from './errors';
  export async function notify(to: string) {
    try {
      return await ${send}(to, 'Your order has shipped.');
    } catch (err) {
      if (err instanceof ${error} && ${test}) return 'closed';
      throw err;
    }
  }
`;

ruleTester.run('no-unknown-error-code: a code field of the error another file throws', rule, {
  valid: [
    // the wrapper made the code text: text is what to compare it with
    { filename: `${CODE_FIELDS}src/jobs.ts`, code: onField('sendText', 'SendError', "err.code === '131047'") },
    // the field holds the channel's name, no code: not compared with the catalog
    { filename: `${CODE_FIELDS}src/jobs.ts`, code: onField('sendNotice', 'SendError', "err.code === '13104'") },
    // the wrapper also puts its own tag there (no answer at all): comparing with the tag is no mistake
    { filename: `${CODE_FIELDS}src/jobs.ts`, code: onField('sendTimed', 'SendError', "err.code === 'TIMEOUT'") },
  ],
  invalid: [
    // a typo, in the text the wrapper made of the code
    {
      filename: `${CODE_FIELDS}src/jobs.ts`,
      code: onField('sendText', 'SendError', "err.code === '13104'"),
      errors: [
        {
          messageId: 'didYouMeanOneOf',
          data: { provider: 'meta-cloud', value: "'13104'", suggestions: "'131047', '131048', '131064' (or 4 more)" },
          line: 7,
          column: 50,
          endLine: 7,
          endColumn: 57,
          suggestions: [
            ['131047', REENGAGEMENT],
            ['131048', 'Spam rate limit hit'],
            ['131064', 'Messaging limit reached for template category violations'],
          ].map(([value, title]) => ({
            messageId: 'useCode' as const,
            data: { suggestion: `'${value}'`, title },
            output: onField('sendText', 'SendError', `err.code === '${value}'`),
          })),
        },
      ],
    },
    // the details keep the number itself: text never equals it
    {
      filename: `${CODE_FIELDS}src/jobs.ts`,
      code: onField('sendNudge', 'UpstreamError', "err.details.waCode === '131047'"),
      errors: [
        {
          messageId: 'wrongType',
          data: { provider: 'meta-cloud', type: 'number', value: "'131047'", suggestion: '131047', title: REENGAGEMENT },
          line: 7,
          column: 64,
          endLine: 7,
          endColumn: 72,
          suggestions: [{ messageId: 'useCode', data: { suggestion: '131047', title: REENGAGEMENT }, output: onField('sendNudge', 'UpstreamError', 'err.details.waCode === 131047') }],
        },
      ],
    },
  ],
});
