/**
 * Type-aware recognition on a fixture project (test/fixtures/typed): values
 * typed with the plugin's own types, wrappers declared in other files
 * (directly and through a file that names no provider), and the Cloud API
 * SDKs behind typed receivers. Each rule runs on the same placeholder file;
 * the case's code is its text.
 */
import { describe, test, expect } from 'vitest';
import { Linter } from 'eslint';
import exhaustive from '../../rules/exhaustive-error-codes.js';
import handleFailedStatus from '../../rules/handle-failed-status.js';
import noBlindRetry from '../../rules/no-blind-retry.js';
import noStatusBranching from '../../rules/no-status-branching.js';
import noUncheckedResponse from '../../rules/no-unchecked-response.js';
import noUnknownErrorCode from '../../rules/no-unknown-error-code.js';
import plugin from '../../src/index.js';
import { code } from '../rule-tester.js';
import { FILE, FIXTURE, typedRuleTester } from './typed-rule-tester.js';

const META_EVERY = '131047 (Re-engagement message) and 190 (Access token has expired)';
/** A template send: the template's own code first, not the closed window a template gets past. */
const META_TEMPLATE_EVERY = '132001 (Template does not exist) and 190 (Access token has expired)';

typedRuleTester.run('no-unknown-error-code (typed)', noUnknownErrorCode, {
  valid: [
    { filename: FILE, code: "import type { ErrorCode } from 'eslint-plugin-whatsapp-errors/catalog';\nexport const isOffline = (code: ErrorCode<'wa-server'>) => code === 'device_not_connected';" },
    // a plain string parameter says nothing about a provider
    { filename: FILE, code: "export const isOffline = (code: string) => code === 'device_not_conected';" },
  ],
  invalid: [
    {
      // a parameter typed with the catalog, whatever its name
      filename: FILE,
      code: "import type { ErrorCode } from 'eslint-plugin-whatsapp-errors/catalog';\nexport const isOffline = (x: ErrorCode<'wa-server'>) => x === 'device_not_conected';",
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: "'device_not_conected'", provider: 'wa-server', suggestion: "'device_not_connected'", title: 'Device is offline' },
          line: 2,
          column: 63,
          endLine: 2,
          endColumn: 84,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: "'device_not_connected'", title: 'Device is offline' },
              output: "import type { ErrorCode } from 'eslint-plugin-whatsapp-errors/catalog';\nexport const isOffline = (x: ErrorCode<'wa-server'>) => x === 'device_not_connected';",
            },
          ],
        },
      ],
    },
    {
      // a property of an application error class declared in another file (`code: ErrorCode<'meta-cloud'>`)
      filename: FILE,
      code: "import { WhatsAppError } from './errors.js';\nexport const isWindow = (e: WhatsAppError) => e.code === 131074;",
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: '131074', provider: 'meta-cloud', suggestion: '131047', title: 'Re-engagement message' },
          line: 2,
          column: 58,
          endLine: 2,
          endColumn: 64,
          suggestions: [{ messageId: 'useCode', data: { suggestion: '131047', title: 'Re-engagement message' }, output: "import { WhatsAppError } from './errors.js';\nexport const isWindow = (e: WhatsAppError) => e.code === 131047;" }],
        },
      ],
    },
    {
      // a value returned by a function of another file typed ErrorBody<'wa-server'>
      filename: FILE,
      code: "import { parseFailure } from './errors.js';\nexport const relink = (raw: unknown) => parseFailure(raw).error.code === 'loged_out';",
      errors: [
        {
          messageId: 'didYouMean',
          data: { value: "'loged_out'", provider: 'wa-server', suggestion: "'logged_out'", title: 'Session logged out remotely' },
          line: 2,
          column: 74,
          endLine: 2,
          endColumn: 85,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: "'logged_out'", title: 'Session logged out remotely' },
              output: "import { parseFailure } from './errors.js';\nexport const relink = (raw: unknown) => parseFailure(raw).error.code === 'logged_out';",
            },
          ],
        },
      ],
    },
    {
      // the parsed body returned by a wrapper in another file (fetch + res.json())
      filename: FILE,
      code: code`
        import { sendText } from './graph.js';
        export async function send(to: string) {
          const body = await sendText(to, 'hi');
          return body.error?.code === '131047';
        }
      `,
      errors: [
        {
          messageId: 'wrongType',
          data: { provider: 'meta-cloud', type: 'number', value: "'131047'", suggestion: '131047', title: 'Re-engagement message' },
          line: 4,
          column: 31,
          endLine: 4,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'useCode',
              data: { suggestion: '131047', title: 'Re-engagement message' },
              output: code`
                import { sendText } from './graph.js';
                export async function send(to: string) {
                  const body = await sendText(to, 'hi');
                  return body.error?.code === 131047;
                }
              `,
            },
          ],
        },
      ],
    },
  ],
});

typedRuleTester.run('exhaustive-error-codes (typed)', exhaustive, {
  valid: [],
  invalid: [
    {
      filename: FILE,
      // a lookup on a property typed ErrorCode<'meta-cloud'> in another file
      code: code`
        import { WhatsAppError } from './errors.js';
        const ACTIONS = { 131047: 'send-template', 130429: 'wait' };
        export const actionFor = (e: WhatsAppError) => ACTIONS[e.code] ?? undefined;
      `,
      errors: [
        {
          messageId: 'missingEmptyFallback',
          data: {
            form: 'lookup object',
            provider: 'meta-cloud',
            count: 57,
            groups: '18 never-retry, 25 after-fix, 8 rate-limit, 6 transient',
            examples: '190 and 131026',
          },
          line: 2,
          column: 17,
          endLine: 2,
          endColumn: 18,
          suggestions: [],
        },
      ],
    },
  ],
});

typedRuleTester.run('no-blind-retry (typed)', noBlindRetry, {
  valid: [
    {
      filename: FILE,
      code: code`
        import { isRetryable, errorCodeOf } from 'eslint-plugin-whatsapp-errors/catalog';
        import { sendTemplate } from './graph.js';
        export async function send(to: string) {
          for (let attempt = 0; ; attempt++) {
            try {
              return await sendTemplate(to, 'welcome');
            } catch (err) {
              if (attempt >= 3 || !isRetryable('meta-cloud', errorCodeOf('meta-cloud', (err as { response?: { data?: unknown } }).response?.data))) throw err;
              await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
            }
          }
        }
      `,
    },
  ],
  invalid: [
    {
      // a retry in this file of a wrapper declared in another
      filename: FILE,
      code: code`
        import { sendTemplate } from './graph.js';
        export async function send(to: string) {
          for (let i = 0; i < 3; i++) {
            try {
              return await sendTemplate(to, 'welcome');
            } catch {
              await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** i));
            }
          }
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: META_TEMPLATE_EVERY }, line: 3, column: 3, endLine: 3, endColumn: 6 }],
    },
    {
      // through a file that names no provider itself (relay.ts → graph.ts)
      filename: FILE,
      code: code`
        import { sendWelcome } from './relay.js';
        export async function send(to: string) {
          while (true) {
            try {
              return await sendWelcome(to);
            } catch {
              await new Promise((resolve) => setTimeout(resolve, 500));
            }
          }
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: META_TEMPLATE_EVERY }, line: 3, column: 3, endLine: 3, endColumn: 8 }],
    },
    {
      // a method of a class in another file, on an instance made here
      filename: FILE,
      code: code`
        import pRetry from 'p-retry';
        import { Messenger } from './graph.js';
        const messenger = new Messenger();
        export const send = (to: string) => pRetry(() => messenger.send(to, 'hi'), { retries: 5 });
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: META_EVERY }, line: 4, column: 37, endLine: 4, endColumn: 91 }],
    },
  ],
});

// whatsapp-cloud-api: a client reached through a typed holder (\`ctx.bot: Bot\`), which only the types name
typedRuleTester.run('no-blind-retry (typed, whatsapp-cloud-api)', noBlindRetry, {
  valid: [
    {
      // the interface of another package named Bot
      filename: FILE,
      code: code`
        interface Bot { sendText(to: string, text: string): Promise<void> }
        export async function remind(ctx: { bot: Bot }, to: string) {
          while (true) {
            try {
              return await ctx.bot.sendText(to, 'reminder');
            } catch {
              await new Promise((resolve) => setTimeout(resolve, 500));
            }
          }
        }
      `,
    },
  ],
  invalid: [
    {
      filename: FILE,
      code: code`
        import type { Bot } from 'whatsapp-cloud-api';
        export async function remind(ctx: { bot: Bot }, to: string) {
          while (true) {
            try {
              return await ctx.bot.sendTemplate(to, 'reminder', 'en_US');
            } catch {
              await new Promise((resolve) => setTimeout(resolve, 500));
            }
          }
        }
      `,
      errors: [{ messageId: 'blindRetry', data: { provider: 'meta-cloud', examples: META_TEMPLATE_EVERY }, line: 3, column: 3, endLine: 3, endColumn: 8 }],
    },
  ],
});

typedRuleTester.run('no-unchecked-response (typed)', noUncheckedResponse, {
  valid: [
    {
      filename: FILE,
      code: code`
        import type { WhatsAppAPI } from 'whatsapp-api-js';
        export class Notifier {
          constructor(private readonly api: WhatsAppAPI) {}
          async send(to: string) {
            const res = await this.api.sendMessage('123', to, {} as never);
            if ('error' in res) throw new Error(res.error.message, { cause: res });
            return res.messages[0].id;
          }
        }
      `,
    },
  ],
  invalid: [
    {
      // whatsapp-api-js resolves to the error body instead of throwing
      filename: FILE,
      code: code`
        import type { WhatsAppAPI } from 'whatsapp-api-js';
        export class Notifier {
          constructor(private readonly api: WhatsAppAPI) {}
          async send(to: string) {
            const res = await this.api.sendMessage('123', to, {} as never);
            return res.messages;
          }
        }
      `,
      errors: [
        {
          messageId: 'unchecked',
          data: { provider: 'meta-cloud', field: 'body.error.code', client: 'whatsapp-api-js', check: 'ok', example: '131047 (Re-engagement message)', what: 'send' },
          line: 5,
          column: 23,
          endLine: 5,
          endColumn: 67,
        },
      ],
    },
  ],
});

typedRuleTester.run('no-status-branching (typed)', noStatusBranching, {
  valid: [],
  invalid: [
    {
      // Meta's own SDK resolves to a response with statusCode() for any status
      filename: FILE,
      code: code`
        import type WhatsApp from 'whatsapp';
        export async function send(wa: WhatsApp, to: number) {
          const res = await wa.messages.text({ body: 'hi' }, to);
          if (res.statusCode() === 429) return 'later';
        }
      `,
      errors: [{ messageId: 'unreliableStatus', data: { provider: 'meta-cloud', status: '429', field: 'body.error.code' }, line: 4, column: 7, endLine: 4, endColumn: 31 }],
    },
  ],
});

describe('without type information', () => {
  const linter = new Linter({ configType: 'flat' });
  const CASE = code`
    import { sendTemplate } from './graph.js';
    import type { WhatsAppAPI } from 'whatsapp-api-js';
    export async function send(to: string, api: WhatsAppAPI) {
      for (let i = 0; i < 3; i++) {
        try { return await sendTemplate(to, 'welcome'); } catch { /* next */ }
      }
      const res = await api.sendMessage('123', to, {} as never);
      return res.messages;
    }
  `;

  test('untyped recognition follows the import and the SDK-typed parameter, and agrees with the typed one', () => {
    const run = (typed: boolean) =>
      linter
        .verify(CASE, [
          {
            ...plugin.configs[typed ? 'recommended-type-checked' : 'recommended'],
            languageOptions: {
              ...plugin.configs.recommended.languageOptions,
              ...(typed ? { parserOptions: { projectService: { allowDefaultProject: ['*.ts'] }, tsconfigRootDir: FIXTURE } } : {}),
            },
          } as Linter.Config,
        ], FILE)
        .map((m) => `${m.line}:${m.column} ${m.ruleId}`);
    const expected = ['4:3 whatsapp-errors/no-blind-retry', '7:21 whatsapp-errors/no-unchecked-response'];
    expect(run(false)).toEqual(expected);
    expect(run(true)).toEqual(expected);
  });
});

typedRuleTester.run('handle-failed-status (typed)', handleFailedStatus, {
  valid: [
    {
      // the code is read (kept with the failure, not only printed): nothing to report
      filename: FILE,
      code: code`
        import type { OnStatus } from 'whatsapp-api-js/emitters';
        export const onStatus: OnStatus<void> = ({ id, status, error }) => {
          if (status === 'failed') markFailed(id, error?.code);
        };
      `,
    },
  ],
  invalid: [
    {
      // a handler typed through whatsapp-api-js's OnStatus: its arguments are a status
      filename: FILE,
      code: code`
        import type { OnStatus } from 'whatsapp-api-js/emitters';
        export const onStatus: OnStatus<void> = ({ id, status, error }) => {
          if (status === 'failed') console.warn(id, error?.title);
        };
      `,
      errors: [
        {
          messageId: 'failedWithoutCode',
          data: {
            provider: 'meta-cloud',
            where: '',
            detail: 'keeps only error.title',
            codeField: 'error.code',
            failed: "'failed'",
            example: '131047 (Re-engagement message)',
          },
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 26,
        },
      ],
    },
    {
      // the code only printed: looked at, not acted on
      filename: FILE,
      code: code`
        import type { OnStatus } from 'whatsapp-api-js/emitters';
        export const onStatus: OnStatus<void> = ({ id, status, error }) => {
          if (status === 'failed') console.warn(id, error?.code);
        };
      `,
      errors: [
        {
          messageId: 'failedWithoutCode',
          data: {
            provider: 'meta-cloud',
            where: '',
            detail: 'never reads the code',
            codeField: 'error.code',
            failed: "'failed'",
            example: '131047 (Re-engagement message)',
          },
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 26,
        },
      ],
    },
    {
      // the project's own alias of WebhookStatus, declared in another file
      filename: FILE,
      code: code`
        import type { StatusBatch } from './webhooks.js';
        export function apply(batch: StatusBatch) {
          for (const update of batch.updates) if (update.status === 'read') markRead(update.id);
        }
      `,
      errors: [
        {
          messageId: 'failedIgnored',
          data: { provider: 'meta-cloud', where: '', handled: "'read'", codeField: 'errors[].code', example: '131047 (Re-engagement message)', failed: "'failed'" },
          line: 3,
          column: 43,
          endLine: 3,
          endColumn: 67,
        },
      ],
    },
  ],
});
