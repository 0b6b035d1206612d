/**
 * handle-failed-status: a WhatsApp status webhook handler must act on
 * `failed` statuses, by their error code. Payload forms: Express, Fastify,
 * Next.js route handlers, NestJS controllers, whatsapp-api-js `on.status`,
 * Meta's SDK, typed parameters, same-file helpers; statuses handed to a
 * function or class of another file, or returned to a caller that drops them;
 * a webhook that reads only `messages`. Decoys: Stripe and GitHub webhooks with
 * a `status`, Messenger and Page feed webhooks.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';
import plugin from '../../src/index.js';
import rule from '../../rules/handle-failed-status.js';
import { code, ruleTester } from '../rule-tester.js';

const EXAMPLE = '131047 (Re-engagement message)';
const ignored = (handled: string, codeField = 'errors[].code', where = '') => ({ provider: 'meta-cloud', where, handled, codeField, example: EXAMPLE, failed: "'failed'" });
const alike = (codeField = 'errors[].code') => ({ provider: 'meta-cloud', where: '', codeField, example: EXAMPLE, failed: "'failed'" });
const withoutCode = (detail: string, codeField = 'errors[].code', where = '') => ({ provider: 'meta-cloud', where, failed: "'failed'", detail, codeField, example: EXAMPLE });

ruleTester.run('handle-failed-status', rule, {
  valid: [
    // failed handled by its code, the rest by a default
    code`
      app.post('/webhook', async (req, res) => {
        for (const entry of req.body.entry) {
          for (const change of entry.changes) {
            for (const status of change.value.statuses ?? []) {
              if (status.status !== 'failed') { await track(status.id, status.status); continue; }
              switch (status.errors?.[0]?.code) {
                case 131047: await resendAsTemplate(status.id); break;
                case 131026: await markUnreachable(status.recipient_id); break;
                default: await alertOps(status.id, status.errors?.[0]?.code);
              }
            }
          }
        }
        res.sendStatus(200);
      });
    `,
    // the code is stored with the failure
    code`
      export async function POST(request: Request) {
        const body = await request.json();
        const failed = body.entry?.[0]?.changes?.[0]?.value?.statuses?.find((s) => s.status === 'failed');
        if (failed) await db.message.update({ where: { wamid: failed.id }, data: { state: 'failed', errorCode: failed.errors?.[0]?.code } });
        return new Response('ok');
      }
    `,
    // the errors handed on whole keep their codes
    code`
      export function onStatus(body) {
        for (const s of body.entry[0].changes[0].value.statuses) if (s.status === 'failed') failures.record(s.id, s.errors);
      }
    `,
    // the status handed to a queue (another module decides)
    code`
      app.post('/webhook', async (req, res) => {
        for (const status of req.body.entry[0].changes[0].value.statuses ?? []) await queue.add('whatsapp-status', status);
        res.sendStatus(200);
      });
    `,
    // the list handed to an imported handler
    code`
      import { handleStatuses } from './statuses';
      export const webhook = (req, res) => { handleStatuses(req.body.entry[0].changes[0].value.statuses); res.end(); };
    `,
    // statuses acknowledged and not read
    code`
      app.post('/webhook', (req, res) => {
        const value = req.body.entry?.[0]?.changes?.[0]?.value;
        if (value?.statuses) return res.sendStatus(200);
        reply(value.messages[0]);
        res.sendStatus(200);
      });
    `,
    // whatsapp-api-js: the error's code decides
    code`
      import { WhatsAppAPI } from 'whatsapp-api-js';
      const wa = new WhatsAppAPI({ token: 't', appSecret: 's' });
      wa.on.status = async ({ id, status, error }) => {
        if (status === 'read') await markRead(id);
        if (status === 'failed') await recordFailure(id, error?.code);
      };
    `,
    // only the failure path, by code
    code`
      export async function handle(payload) {
        const [status] = payload.entry[0].changes[0].value.statuses ?? [];
        if (!status || status.status !== 'failed') return;
        const [{ code, title }] = status.errors;
        await failures.save({ id: status.id, code, title });
      }
    `,
    // decoy: a Stripe webhook with a status, in a file that sends WhatsApp messages
    code`
      export const notify = (to, text) =>
        fetch('https://graph.facebook.com/v21.0/123/messages', { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text: { body: text } }) });
      app.post('/stripe/webhook', async (req, res) => {
        const event = req.body;
        if (event.data.object.status === 'succeeded') await fulfil(event.data.object.id);
        res.sendStatus(200);
      });
    `,
    // decoy: a GitHub webhook with a statuses list
    code`
      router.post('/webhooks/github', (req, res) => {
        for (const s of req.body.statuses) if (s.status === 'success') markGreen(s.sha);
        res.end();
      });
    `,
    // the status string transformed before the test: the code is read anyway
    code`
      interface WhatsAppStatus { id: string; status: 'sent' | 'delivered' | 'read' | 'failed'; errors?: { code: number; title: string }[] }
      interface WebhookBody { object: string; entry: { changes: { value: { statuses?: WhatsAppStatus[] } }[] }[] }
      export async function handle(body: WebhookBody) {
        for (const e of body.entry) for (const c of e.changes) for (const s of c.value.statuses ?? []) {
          if (s.status.toUpperCase() === 'FAILED') await notify(s.id, s.errors?.[0]?.code);
        }
      }
    `,
    // only the webhook value's system errors, no statuses
    code`
      export function onErrors(body) {
        for (const e of body.entry[0].changes[0].value.errors ?? []) alertOps(e.message);
      }
    `,
    // a chain of same-file helpers: the outer one builds a key from the ids, the inner one acts on failed by its code
    code`
      function applyStatus(st) {
        if (st.status !== 'failed') return ledger.mark(st.id, st.status);
        return ledger.fail(st.id, st.errors?.[0]?.code);
      }
      async function applyValue(value) {
        const batch = (value.statuses ?? []).map((st) => st.id + ':' + st.status).sort().join('|');
        if (await ledger.already(batch)) return;
        for (const st of value.statuses ?? []) await applyStatus(st);
      }
      export async function receive(req, res) {
        for (const entry of req.body.entry) for (const change of entry.changes) await applyValue(change.value);
        res.end();
      }
    `,
    // the same chain declared the other way round, with arrow functions
    code`
      export const receive = async (req, res) => {
        await Promise.all(req.body.entry.flatMap((entry) => entry.changes.map((change) => applyValue(change.value))));
        res.end();
      };
      const applyValue = async (value) => {
        console.info('statuses in batch', value.statuses?.map((st) => st.status));
        for (const st of value.statuses ?? []) await applyStatus(st);
      };
      const applyStatus = async (st) => {
        switch (st.status) {
          case 'failed': return ledger.fail(st.id, st.errors?.[0]?.code);
          default: return ledger.mark(st.id, st.status);
        }
      };
    `,
    // a status read only for who it went to (an identity lookup) is no status handler
    code`
      export class Contacts {
        identify(value: any) {
          const first = value?.statuses?.[0];
          return { phone: first?.recipient_id, bsuid: first?.recipient_user_id };
        }
        body(to: string, text: string) {
          return { messaging_product: 'whatsapp', to, type: 'text', text: { body: text } };
        }
      }
    `,
    // nor is one whose delivery status is never read (documented: every status stamped alike is not detected)
    code`
      export async function webhook(req, res) {
        for (const status of req.body.entry[0].changes[0].value.statuses) await Message.updateOne({ wamid: status.id }, { seenAt: Date.now() });
        res.sendStatus(200);
      }
    `,
    // the status upper-cased and renamed through a table, failed acted on by its code
    code`
      const NAMES: Record<string, string> = { SENT: 'sent', DELIVERED: 'delivered', READ: 'seen', FAILED: 'bounced' };
      export async function onWebhook(body: any) {
        for (const st of body.entry[0].changes[0].value.statuses ?? []) {
          const state = NAMES[st.status.toUpperCase()] ?? 'unknown';
          if (state === 'bounced') await bounces.add(st.id, st.errors?.[0]?.code);
          else await progress.set(st.id, state);
        }
      }
    `,
  ],
  invalid: [
    // the failed status acted on, its code only written to the log
    {
      code: code`
        app.post('/webhook', async (req, res) => {
          for (const s of req.body.entry[0].changes[0].value.statuses ?? []) {
            if (s.status === 'failed') {
              logger.error('send failed', { id: s.id, code: s.errors?.[0]?.code });
              console.warn(\`failed: \${s.errors[0].code}\`);
              await db.markFailed(s.id);
            }
          }
          res.sendStatus(200);
        });
      `,
      errors: [{ messageId: 'failedWithoutCode', data: withoutCode('never reads the code'), line: 3, column: 9, endLine: 3, endColumn: 30 }],
    },
    // Express, untyped, nested for…of: only delivered and read are tracked
    {
      code: code`
        app.post('/webhook', (req, res) => {
          for (const entry of req.body.entry) {
            for (const change of entry.changes) {
              for (const status of change.value.statuses ?? []) {
                if (status.status === 'delivered') markDelivered(status.id);
                else if (status.status === 'read') markRead(status.id);
              }
            }
          }
          res.sendStatus(200);
        });
      `,
      errors: [{ messageId: 'failedIgnored', data: ignored("'delivered' and 'read'"), line: 5, column: 13, endLine: 5, endColumn: 42 }],
    },
    // Fastify: destructured payload, forEach, switch on the status
    {
      code: code`
        fastify.post('/whatsapp/webhook', async (request, reply) => {
          const { entry } = request.body as WebhookBody;
          const [{ changes: [{ value }] }] = entry;
          const { statuses = [] } = value;
          statuses.forEach(({ id, status }) => {
            switch (status) {
              case 'sent': track(id, 1); break;
              case 'delivered': track(id, 2); break;
              case 'read': track(id, 3); break;
            }
          });
          return reply.code(200).send();
        });
      `,
      errors: [{ messageId: 'failedIgnored', data: ignored("'sent', 'delivered' and 'read'"), line: 6, column: 13, endLine: 6, endColumn: 19 }],
    },
    // Next.js route handler: the failed status found, marked failed, no code kept
    {
      code: code`
        export async function POST(request: Request) {
          const body = await request.json();
          const value = body.entry?.[0]?.changes?.[0]?.value;
          const failed = value?.statuses?.find((s) => s.status === 'failed');
          if (failed) await db.message.update({ where: { wamid: failed.id }, data: { state: 'failed' } });
          return new Response('ok');
        }
      `,
      errors: [{ messageId: 'failedWithoutCode', data: withoutCode('never reads the code'), line: 4, column: 47, endLine: 4, endColumn: 68 }],
    },
    // only the title stored
    {
      code: code`
        export async function onWebhook(req, res) {
          for (const s of req.body.entry[0].changes[0].value.statuses) {
            if (s.status === 'failed') await markFailed(s.id, s.errors?.[0]?.title);
          }
          res.sendStatus(200);
        }
      `,
      errors: [{ messageId: 'failedWithoutCode', data: withoutCode('keeps only errors[].title'), line: 3, column: 9, endLine: 3, endColumn: 30 }],
    },
    // whatsapp-api-js on.status: the error's title only
    {
      code: code`
        import { WhatsAppAPI } from 'whatsapp-api-js';
        const Whatsapp = new WhatsAppAPI({ token: 't', appSecret: 's' });
        Whatsapp.on.status = async ({ id, status, error }) => {
          if (status === 'failed') await db.markFailed(id, error?.title);
        };
      `,
      errors: [{ messageId: 'failedWithoutCode', data: withoutCode('keeps only error.title', 'error.code'), line: 4, column: 7, endLine: 4, endColumn: 26 }],
    },
    // whatsapp-api-js on.status, registered by name from its Express middleware: read receipts only
    {
      code: code`
        import { WhatsAppAPI } from 'whatsapp-api-js/middleware/express';
        const Whatsapp = new WhatsAppAPI({ token: 't', appSecret: 's' });
        async function onStatus({ id, status }) {
          if (status === 'read') await markRead(id);
        }
        Whatsapp.on.status = onStatus;
      `,
      errors: [{ messageId: 'failedIgnored', data: ignored("'read'", 'error.code'), line: 4, column: 7, endLine: 4, endColumn: 24 }],
    },
    // typed with the plugin's own type, without type information
    {
      code: code`
        import type { WebhookStatus } from 'eslint-plugin-whatsapp-errors/catalog';
        export function onStatus(status: WebhookStatus<'meta-cloud'>) {
          if (status.status === 'read') markRead(status.id);
        }
      `,
      errors: [{ messageId: 'failedIgnored', data: ignored("'read'"), line: 3, column: 7, endLine: 3, endColumn: 31 }],
    },
    // typed with whatsapp-api-js's status payload
    {
      code: code`
        import type { ServerStatusPayload } from 'whatsapp-api-js/types';
        export const onStatuses = (statuses: ServerStatusPayload[]) => statuses.map((s) => (s.status === 'delivered' ? markDelivered(s.id) : undefined));
      `,
      errors: [{ messageId: 'failedIgnored', data: ignored("'delivered'"), line: 2, column: 85, endLine: 2, endColumn: 109 }],
    },
    // a same-file helper handed each status: reported where it tests the status
    {
      code: code`
        function handleStatus(status) {
          if (status.status === 'delivered') markDelivered(status.id);
        }
        export function webhook(req, res) {
          req.body.entry.forEach((e) => e.changes.forEach((c) => c.value.statuses?.forEach(handleStatus)));
          res.end();
        }
      `,
      errors: [{ messageId: 'failedIgnored', data: ignored("'delivered'"), line: 2, column: 7, endLine: 2, endColumn: 36 }],
    },
    // the status recorded as it is: failed rows without a code
    {
      code: code`
        export async function webhook(req, res) {
          for (const s of req.body.entry[0].changes[0].value.statuses) await db.messages.update(s.id, { status: s.status, at: s.timestamp });
          res.end();
        }
      `,
      errors: [{ messageId: 'failedWithoutCode', data: withoutCode('never reads the code'), line: 2, column: 105, endLine: 2, endColumn: 113 }],
    },
    // failed reaches an else that marks it, without the code
    {
      code: code`
        export function onStatus(body) {
          const [status] = body.entry[0].changes[0].value.statuses;
          if (status.status === 'read') markRead(status.id);
          else markUnread(status.id);
        }
      `,
      errors: [{ messageId: 'failedWithoutCode', data: withoutCode('never reads the code'), line: 3, column: 7, endLine: 3, endColumn: 31 }],
    },
    // the same, with the handler registered by reference for the WhatsApp route
    {
      code: code`
        function receive(req, res) {
          for (const s of req.body.statuses) if (s.status === 'delivered') markDelivered(s.id);
          res.end();
        }
        router.post('/webhooks/whatsapp', receive);
      `,
      errors: [{ messageId: 'failedIgnored', data: ignored("'delivered'"), line: 2, column: 42, endLine: 2, endColumn: 66 }],
    },
    // statuses read off the request body of a WhatsApp route (an on-premises style payload)
    {
      code: code`
        router.post('/webhooks/whatsapp', (req, res) => {
          for (const s of req.body.statuses) if (s.status === 'delivered') markDelivered(s.id);
          res.end();
        });
      `,
      errors: [{ messageId: 'failedIgnored', data: ignored("'delivered'"), line: 2, column: 42, endLine: 2, endColumn: 66 }],
    },
    // a NestJS controller: a lookup table of statuses without failed
    {
      code: code`
        const PROGRESS = { sent: 1, delivered: 2, read: 3 };
        @Controller('whatsapp')
        export class WebhookController {
          @Post('webhook')
          receive(@Body() body) {
            for (const s of body.entry[0].changes[0].value.statuses ?? []) this.progress.set(s.id, PROGRESS[s.status]);
          }
        }
      `,
      errors: [{ messageId: 'failedIgnored', data: ignored("'sent', 'delivered' and 'read'"), line: 6, column: 92, endLine: 6, endColumn: 110 }],
    },
    // the status stored only inside a branch that failed never reaches
    {
      code: code`
        const progress = new Map();
        export function onStatus(body) {
          for (const status of body.entry[0].changes[0].value.statuses) {
            if (status.status === 'sent' || status.status === 'delivered' || status.status === 'read') progress.set(status.id, status.status);
          }
        }
      `,
      errors: [{ messageId: 'failedIgnored', data: ignored("'sent', 'delivered' and 'read'"), line: 4, column: 9, endLine: 4, endColumn: 33 }],
    },
    // the else of an || chain acts for failed, without the code
    {
      code: code`
        export function onStatus(body) {
          for (const status of body.entry[0].changes[0].value.statuses) {
            if (status.status === 'delivered' || status.status === 'read') progress.set(status.id, status.status);
            else alertOps(status.id);
          }
        }
      `,
      errors: [{ messageId: 'failedWithoutCode', data: withoutCode('never reads the code'), line: 3, column: 9, endLine: 3, endColumn: 38 }],
    },
    // statuses only printed
    {
      code: code`
        app.post('/webhook', async (req, res) => {
          const statuses = req.body.entry?.[0]?.changes?.[0]?.value?.statuses;
          if (statuses) console.log('status update', statuses[0].status);
          res.sendStatus(200);
        });
      `,
      errors: [{ messageId: 'statusIgnored', data: alike(), line: 2, column: 20, endLine: 2, endColumn: 70 }],
    },
    // a service class: each status goes to a method that stores it as it is
    {
      code: code`
        export class WhatsAppWebhookService {
          constructor(private readonly repo: Repo) {}
          async process(payload: any) {
            const statuses = payload?.entry?.[0]?.changes?.[0]?.value?.statuses ?? [];
            await Promise.all(statuses.map((s: any) => this.updateStatus(s)));
          }
          private async updateStatus(s: any) {
            await this.repo.update({ wamid: s.id }, { status: s.status });
          }
        }
      `,
      errors: [{ messageId: 'failedWithoutCode', data: withoutCode('never reads the code'), line: 8, column: 55, endLine: 8, endColumn: 63 }],
    },
    // a chain of helpers whose innermost one tracks only read receipts: reported where it tests the status
    {
      code: code`
        export async function receive(req, res) {
          for (const entry of req.body.entry) for (const change of entry.changes) await applyValue(change.value);
          res.end();
        }
        async function applyValue(value) {
          const batch = (value.statuses ?? []).map((st) => st.id).join('|');
          if (!(await ledger.already(batch))) for (const st of value.statuses ?? []) applyStatus(st);
        }
        function applyStatus(st) {
          if (st.status === 'read') ledger.mark(st.id, 'read');
        }
      `,
      errors: [{ messageId: 'failedIgnored', data: ignored("'read'"), line: 10, column: 7, endLine: 10, endColumn: 27 }],
    },
    // the status normalised (String, lower-cased, trimmed) before the failed test: acts on failed, without the code
    {
      code: code`
        export async function onWebhook(body: any) {
          if (body.object !== 'whatsapp_business_account') return;
          for (const entry of body.entry ?? []) for (const change of entry.changes ?? []) for (const st of change.value.statuses ?? []) {
            const state = String(st.status ?? '').toLowerCase().trim();
            if (state === 'failed') await campaigns.countFailure(st.id);
          }
        }
      `,
      errors: [{ messageId: 'failedWithoutCode', data: withoutCode('never reads the code'), line: 5, column: 9, endLine: 5, endColumn: 27 }],
    },
    // renamed through a lookup table, upper-cased first; the renamed failure stored with its title only
    {
      code: code`
        const LABELS: Record<string, string> = { SENT: 'Sent', DELIVERED: 'Delivered', READ: 'Read', FAILED: 'Error' };
        export async function onWebhook(body: any) {
          for (const st of body.entry[0].changes[0].value.statuses ?? []) {
            const raw = (st.status || '').toUpperCase();
            const label = LABELS[raw] || raw;
            if (label === 'Error') await outbox.fail(st.id, st.errors?.[0]?.title);
            else await outbox.mark(st.id, label);
          }
        }
      `,
      errors: [{ messageId: 'failedWithoutCode', data: withoutCode('keeps only errors[].title'), line: 6, column: 9, endLine: 6, endColumn: 26 }],
    },
    // upper-cased, and only delivered acted on
    {
      code: code`
        export function onWebhook(body: any) {
          for (const st of body.entry[0].changes[0].value.statuses ?? []) if (st.status.toUpperCase() === 'DELIVERED') outbox.delivered(st.id);
        }
      `,
      errors: [{ messageId: 'failedIgnored', data: ignored("'DELIVERED'"), line: 2, column: 71, endLine: 2, endColumn: 110 }],
    },
    // Meta's SDK: the body handed to webhooks.start
    {
      code: code`
        import WhatsApp from 'whatsapp';
        const wa = new WhatsApp();
        wa.webhooks.start((statusCode, headers, body) => {
          const status = body?.entry?.[0]?.changes?.[0]?.value?.statuses?.[0];
          if (status?.status === 'sent') markSent(status.id);
        });
      `,
      errors: [{ messageId: 'failedIgnored', data: ignored("'sent'"), line: 5, column: 7, endLine: 5, endColumn: 32 }],
    },
  ],
});

// --- other providers' status callbacks: Twilio (form-encoded, 'failed' or 'undelivered' with ErrorCode), Gupshup ---
// Linted as `hooks.ts`: the evidence that a callback is WhatsApp's comes from the code.

const twilio = { provider: 'twilio', where: '', codeField: 'ErrorCode', example: '63016 (Outside messaging window)', failed: "'failed' or 'undelivered'" };
const gupshup = { provider: 'gupshup', where: '', codeField: 'payload.payload.code', failed: "'failed'", example: '1002 (Number Not Exist On WhatsApp)' };

ruleTester.run('handle-failed-status (status callbacks)', rule, {
  valid: [
    // Twilio: the code printed and also acted on (decoy for the printed-only case below)
    {
      code: code`
        router.post('/whatsapp/status', express.urlencoded({ extended: false }), async (req, res) => {
          const { MessageSid, MessageStatus, ErrorCode } = req.body;
          console.log('status', MessageSid, MessageStatus, ErrorCode);
          if (ErrorCode) await messages.markFailed(MessageSid, ErrorCode);
          res.sendStatus(200);
        });
      `,
      filename: 'hooks.js',
    },
    // Twilio, read as form data (a Next.js route): failures acted on by ErrorCode
    {
      code: code`
        export async function POST(request: Request) {
          const form = await request.formData();
          const state = form.get('MessageStatus');
          if (state === 'failed' || state === 'undelivered') await alertOps(form.get('MessageSid'), form.get('ErrorCode'));
          return new Response(null, { status: 204 });
        }
        export const sender = 'whatsapp:+15550001111';
      `,
      filename: 'route.ts',
    },
    // the code handed to a helper named for what it records (logDelivery), not for a log level: handed on
    {
      code: code`
        import { logDelivery } from './deliveries';
        router.post('/whatsapp/status', async (req, res) => {
          const { MessageSid, MessageStatus, ErrorCode } = req.body;
          await logDelivery(MessageSid, MessageStatus, ErrorCode);
          if (MessageStatus === 'failed' || MessageStatus === 'undelivered') await markFailed(MessageSid);
          res.sendStatus(200);
        });
      `,
      filename: 'hooks.ts',
    },
    // the callback checked by the SDK's signature check, then handed whole to a status service: it decides
    {
      code: code`
        import twilio from 'twilio';
        router.post('/whatsapp/status', async (req, res) => {
          const params = req.body;
          if (!twilio.validateRequest(token, req.header('X-Twilio-Signature'), url, params)) return res.sendStatus(403);
          if (params.MessageStatus === 'failed') await statusService.onFailure(params);
          res.sendStatus(200);
        });
      `,
      filename: 'hooks.ts',
    },
    // a map's get of the same names, in a file with no callback field read off a request: nothing to judge
    {
      code: code`
        const labels = new Map([['MessageStatus', 'Status'], ['ErrorCode', 'Code']]);
        export const header = (from = 'whatsapp:+15550001111') => [labels.get('MessageStatus'), labels.get('ErrorCode'), from].join(' ');
      `,
      filename: 'labels.ts',
    },
    // Twilio: the route hands the callback to a same-file helper that re-maps status and code into a record
    // of its own, which another helper stores (the failure with its code)
    {
      code: code`
        function toUpdate(body: Record<string, string>) {
          if (!body.MessageStatus) return null;
          return { sid: body.MessageSid, status: body.MessageStatus, code: body.ErrorCode };
        }
        async function saveUpdate(update: { sid: string; status: string; code?: string }) {
          const failed = update.status === 'failed' || update.status === 'undelivered';
          await db.messages.update(update.sid, { state: failed ? 'failed' : update.status, errorCode: failed ? update.code : null });
        }
        app.post('/twilio/whatsapp/status', async (req, res) => {
          const payload = req.body;
          const isStatus = !!payload.MessageStatus && !payload.Body;
          if (isStatus) {
            const update = toUpdate(payload);
            if (update) await saveUpdate(update);
          }
          res.sendStatus(200);
        });
      `,
      filename: 'hooks.ts',
    },
    // Twilio: failures acted on by ErrorCode
    {
      code: code`
        app.post('/twilio/whatsapp/status', async (req, res) => {
          const { MessageSid, MessageStatus, ErrorCode } = req.body;
          if (MessageStatus === 'failed' || MessageStatus === 'undelivered') {
            if (ErrorCode === '63016') await resendAsTemplate(MessageSid);
            else await alertOps(MessageSid, ErrorCode);
          }
          res.sendStatus(204);
        });
      `,
      filename: 'hooks.ts',
    },
    // Twilio: both failed statuses through a switch, and an else that acts for the rest
    {
      code: code`
        app.post('/twilio/whatsapp/status', (req, res) => {
          switch (req.body.MessageStatus) {
            case 'failed':
            case 'undelivered':
              alertOps(req.body.ErrorCode);
              break;
            case 'read':
              markRead(req.body.MessageSid);
          }
          if (req.body.MessageStatus === 'delivered') markDelivered(req.body.MessageSid);
          else track(req.body.MessageSid, req.body.MessageStatus, req.body.ErrorCode);
          res.end();
        });
      `,
      filename: 'hooks.ts',
    },
    // Twilio: the status and code stored together
    {
      code: code`
        export async function onWhatsAppStatus(req, res) {
          await db.message.update({ where: { sid: req.body.MessageSid }, data: { status: req.body.MessageStatus, errorCode: req.body.ErrorCode } });
          res.end();
        }
      `,
      filename: 'hooks.ts',
    },
    // an SMS status callback (no WhatsApp evidence) is not this rule's business
    {
      code: code`
        app.post('/sms/status', (req, res) => {
          if (req.body.MessageStatus === 'delivered') markDelivered(req.body.MessageSid);
          res.end();
        });
      `,
      filename: 'hooks.ts',
    },
    // Gupshup: the failed event's code decides
    {
      code: code`
        app.post('/gupshup/events', (req, res) => {
          const { type, payload } = req.body;
          if (type === 'message-event' && payload.type === 'failed') {
            if (payload.payload.code === 1002) markNotOnWhatsApp(payload.destination);
            else alert(payload.payload.code);
          }
          res.sendStatus(200);
        });
      `,
      filename: 'hooks.ts',
    },
    // Twilio: the status upper-cased, both failed statuses acted on by ErrorCode
    {
      code: code`
        app.post('/twilio/whatsapp/status', (req, res) => {
          const state = req.body.MessageStatus.toUpperCase();
          if (state === 'FAILED' || state === 'UNDELIVERED') alertOps(req.body.MessageSid, req.body.ErrorCode);
          res.end();
        });
      `,
      filename: 'hooks.ts',
    },
    // Gupshup: the event handed to another module
    {
      code: code`
        import { handleEvent } from './events';
        app.post('/gupshup/events', (req, res) => { if (req.body.type === 'message-event') handleEvent(req.body.payload); res.end(); });
      `,
      filename: 'hooks.ts',
    },
  ],
  invalid: [
    // Twilio: the route hands the callback to a same-file helper that acts on 'delivered' only; the route is
    // the evidence that the helper's reads are WhatsApp's
    {
      code: code`
        function deliveredUpdate(body: Record<string, string>) {
          if (body.MessageStatus === 'delivered') return { sid: body.MessageSid };
          return null;
        }
        app.post('/twilio/whatsapp/status', async (req, res) => {
          const payload = req.body;
          if (!payload.MessageStatus) return res.sendStatus(204);
          const update = deliveredUpdate(payload);
          if (update) await db.messages.update(update.sid, { delivered: true });
          res.sendStatus(200);
        });
      `,
      filename: 'hooks.ts',
      errors: [{ messageId: 'failedIgnored', data: { ...twilio, handled: "'delivered'" }, line: 2, column: 7, endLine: 2, endColumn: 41 }],
    },
    // Twilio: status and code only printed (a TODO where failures should be handled)
    {
      code: code`
        router.post('/whatsapp/status', express.urlencoded({ extended: false }), async (req, res) => {
          const { MessageSid, MessageStatus, ErrorCode, ErrorMessage } = req.body;
          console.log('Status:', MessageStatus);
          console.log('Error:', ErrorCode, ErrorMessage);
          logger.info('status callback', { sid: MessageSid, code: ErrorCode });
          res.status(200).send('OK');
        });
      `,
      filename: 'hooks.js',
      errors: [{ messageId: 'statusIgnored', data: twilio, line: 3, column: 26, endLine: 3, endColumn: 39 }],
    },
    // Twilio: the code handed only to the project's log-level helper (logWarn), the failure stored without it
    {
      code: code`
        import { logWarn } from './log';
        router.post('/whatsapp/status', async (req, res) => {
          const { MessageSid, MessageStatus, ErrorCode } = req.body;
          logWarn('status callback', { sid: MessageSid, code: ErrorCode });
          if (MessageStatus === 'failed' || MessageStatus === 'undelivered') await markFailed(MessageSid);
          res.sendStatus(200);
        });
      `,
      filename: 'hooks.ts',
      errors: [{ messageId: 'failedWithoutCode', data: { ...twilio, detail: 'never reads the code' }, line: 5, column: 7, endLine: 5, endColumn: 33 }],
    },
    // Twilio: the callback handed whole to the SDK's signature check, then failures stored with the text only
    {
      code: code`
        import twilio from 'twilio';
        router.post('/whatsapp/status', async (req, res) => {
          const params = req.body;
          if (!twilio.validateRequest(token, req.header('X-Twilio-Signature'), url, params)) return res.sendStatus(403);
          if (params.MessageStatus === 'failed' || params.MessageStatus === 'undelivered') await markFailed(params.MessageSid, params.ErrorMessage);
          res.sendStatus(200);
        });
      `,
      filename: 'hooks.ts',
      errors: [{ messageId: 'failedWithoutCode', data: { ...twilio, detail: 'never reads the code' }, line: 5, column: 7, endLine: 5, endColumn: 40 }],
    },
    // Twilio, read as search params of the raw body: the status only printed
    {
      code: code`
        export async function POST(request: Request) {
          const fields = new URLSearchParams(await request.text());
          console.log('whatsapp: status', fields.get('MessageSid'), fields.get('MessageStatus'));
          return new Response(null, { status: 204 });
        }
      `,
      filename: 'route.ts',
      errors: [{ messageId: 'statusIgnored', data: twilio, line: 3, column: 61, endLine: 3, endColumn: 88 }],
    },
    // Twilio: only delivered and read are acted on
    {
      code: code`
        app.post('/twilio/whatsapp/status', (req, res) => {
          const { MessageSid, MessageStatus } = req.body;
          if (MessageStatus === 'delivered' || MessageStatus === 'read') markDelivered(MessageSid);
          res.sendStatus(204);
        });
      `,
      filename: 'hooks.ts',
      errors: [{ messageId: 'failedIgnored', data: { ...twilio, handled: "'delivered' and 'read'" }, line: 3, column: 7, endLine: 3, endColumn: 36 }],
    },
    // Twilio: failures acted on without ErrorCode (a whatsapp: prefix in the file is the evidence)
    {
      code: code`
        export function statusCallback(req, res) {
          const { MessageStatus } = req.body;
          if (['failed', 'undelivered'].includes(MessageStatus)) notifyAgent(req.body.To.replace('whatsapp:', ''));
          res.end();
        }
      `,
      filename: 'hooks.ts',
      errors: [
        {
          messageId: 'failedWithoutCode',
          data: { ...twilio, detail: 'never reads the code' },
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 56,
        },
      ],
    },
    // Twilio: 'undelivered' acted on, 'failed' never; and without ErrorCode either: two defects
    {
      code: code`
        export function statusCallback(req, res) {
          if (req.body.MessageStatus === 'undelivered') notifyAgent(req.body.To.replace('whatsapp:', ''));
          res.end();
        }
      `,
      filename: 'hooks.ts',
      errors: [
        {
          messageId: 'failedStateIgnored',
          data: { provider: 'twilio', handled: "'undelivered'", missing: "'failed'", codeField: 'ErrorCode' },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 47,
        },
        {
          messageId: 'failedWithoutCode',
          data: { ...twilio, failed: "'undelivered'", detail: 'never reads the code' },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 47,
        },
      ],
    },
    // Twilio: 'failed' by its code, but 'undelivered' (which carries an ErrorCode too) never looked at
    {
      code: code`
        app.post('/twilio/whatsapp/status', (req, res) => {
          if (req.body.MessageStatus !== 'failed') return res.end();
          if (req.body.ErrorCode === '63016') resendAsTemplate(req.body.MessageSid);
          else alertOps(req.body.ErrorCode);
          res.end();
        });
      `,
      filename: 'hooks.ts',
      errors: [
        {
          messageId: 'failedStateIgnored',
          data: { provider: 'twilio', handled: "'failed'", missing: "'undelivered'", codeField: 'ErrorCode' },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 42,
        },
      ],
    },
    // Twilio: lower-cased, 'failed' acted on by its code, 'undelivered' never
    {
      code: code`
        app.post('/twilio/whatsapp/status', (req, res) => {
          const state = req.body.MessageStatus.toLowerCase();
          if (state === 'failed') alertOps(req.body.MessageSid, req.body.ErrorCode);
          res.end();
        });
      `,
      filename: 'hooks.ts',
      errors: [
        {
          messageId: 'failedStateIgnored',
          data: { provider: 'twilio', handled: "'failed'", missing: "'undelivered'", codeField: 'ErrorCode' },
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 25,
        },
      ],
    },
    // Gupshup: the callback first checked by a same-file type guard (`Array.isArray` inside hands it to nobody),
    // then failed acted on with the reason only
    {
      code: code`
        export class EventParser {
          private static isObject(value: unknown): value is Record<string, any> {
            return typeof value === 'object' && value !== null && !Array.isArray(value);
          }
          static failureOf(event: unknown) {
            if (!this.isObject(event) || event.type !== 'message-event') return null;
            const inner = this.isObject(event.payload) ? event.payload : null;
            if (!inner || inner.type !== 'failed') return null;
            return { id: inner.id, reason: inner.payload?.reason ?? 'failed' };
          }
        }
      `,
      filename: 'gupshup-events.ts',
      errors: [
        {
          messageId: 'failedWithoutCode',
          data: { ...gupshup, detail: 'keeps only payload.payload.reason' },
          line: 8,
          column: 19,
          endLine: 8,
          endColumn: 42,
        },
      ],
    },
    // Gupshup: failed acted on with the reason only
    {
      code: code`
        app.post('/gupshup/events', (req, res) => {
          const { type, payload } = req.body;
          if (type === 'message-event' && payload.type === 'failed') log(payload.payload.reason);
          res.sendStatus(200);
        });
      `,
      filename: 'hooks.ts',
      errors: [
        {
          messageId: 'failedWithoutCode',
          data: { ...gupshup, detail: 'keeps only payload.payload.reason' },
          line: 3,
          column: 35,
          endLine: 3,
          endColumn: 60,
        },
      ],
    },
  ],
});

// Gupshup names each callback's event in its `type`: `payload.type` is a status only in a
// `message-event`; an inbound `message` and a `template-event` keep their own kinds there.
ruleTester.run('handle-failed-status (Gupshup events other than message-event)', rule, {
  valid: [
    // inbound messages by kind, template events in a helper, statuses by code
    {
      code: code`
        export class GupshupHooks {
          async handle(message) {
            if (message.type === 'message') {
              switch (message.payload.type) {
                case 'text': return this.onText(message);
                case 'image': return this.onMedia(message);
              }
            } else if (message.type === 'template-event') {
              await this.onTemplate(message);
            } else if (message.type === 'message-event') {
              switch (message.payload.type) {
                case 'delivered': return this.markDelivered(message.payload.id);
                case 'failed': return this.onFailed(message.payload.id, message.payload.payload.code);
              }
            }
          }
          private async onTemplate(event) {
            if (event.payload?.type !== 'category-update') return;
            await this.notifyCategoryChange(event.payload.category);
          }
        }
      `,
      filename: 'gupshup.service.ts',
    },
  ],
  invalid: [
    // the status event never acts on 'failed'; the inbound branch is no status handler
    {
      code: code`
        export async function handle(message) {
          if (message.type === 'message') {
            if (message.payload.type === 'text') await onText(message);
            return;
          }
          if (message.type === 'message-event') {
            switch (message.payload.type) {
              case 'delivered': return markDelivered(message.payload.id);
              case 'read': return markRead(message.payload.id);
            }
          }
        }
      `,
      filename: 'gupshup.service.ts',
      errors: [{ messageId: 'failedIgnored', data: { ...gupshup, handled: "'delivered' and 'read'" }, line: 7, column: 13, endLine: 7, endColumn: 33 }],
    },
    // a helper called from the inbound branch and from the status event's: its test still counts
    {
      code: code`
        export async function handle(message) {
          if (message.type === 'message') await route(message);
          else if (message.type === 'message-event') await route(message);
        }
        async function route(event) {
          if (event.payload.type === 'delivered') await markDelivered(event.payload.id);
        }
      `,
      filename: 'gupshup.service.ts',
      errors: [{ messageId: 'failedIgnored', data: { ...gupshup, handled: "'delivered'" }, line: 6, column: 7, endLine: 6, endColumn: 41 }],
    },
  ],
});

// A Gupshup callback handler that acts only on other events than `message-event` (an inbound
// `message`), in a file that never names `message-event`: the failed sends, which arrive only as
// message events, are dropped. The handler is Gupshup's by the file's own Gupshup sends (here through
// an imported wrapper), or by its route, name, class or file name. Linted as projects
// (test/fixtures/webhooks/gupshup-inbound, gupshup-split): whether another file handles the
// message events is a question about the project.
const GUPSHUP_INBOUND = fileURLToPath(new URL('../fixtures/webhooks/gupshup-inbound/', import.meta.url));
const GUPSHUP_SPLIT = fileURLToPath(new URL('../fixtures/webhooks/gupshup-split/', import.meta.url));

describe('handle-failed-status: Gupshup handlers that act only on other events', () => {
  const ignored = (acted: string) =>
    `This gupshup callback handler acts only on ${acted} events and drops 'message-event', where failed sends arrive as payload.type 'failed' with payload.payload.code (like 1002 (Number Not Exist On WhatsApp)); handle 'message-event' events too.`;

  test('an early return, an else that only logs and a switch without the event are reported; handlers that hand on, record or go on, a chat widget and a Twilio sender are not', async () => {
    expect(await statusFindings(GUPSHUP_INBOUND, ['src'])).toEqual([
      `src/early-return.js:9:7-9:25 ${ignored("'message'")}`,
      `src/inbound-class.ts:3:13-3:22 ${ignored("'message' and 'user-event'")}`,
      `src/routes.js:5:19-5:46 ${ignored("'message'")}`,
    ]);
  });

  test('an inbound-only endpoint in a project where another file handles the message events is left alone', async () => {
    expect(await statusFindings(GUPSHUP_SPLIT, ['src'])).toEqual([]);
  });
});

// Statuses handed to code in other files (test/fixtures/webhooks/cross-file): what that code does
// with them is the handler's, reported at the argument that hands them over.
const CROSS = fileURLToPath(new URL('../fixtures/webhooks/cross-file/', import.meta.url));

ruleTester.run('handle-failed-status (statuses handed to other files)', rule, {
  valid: [
    // the imported recorder acts on failed by its code
    {
      filename: `${CROSS}src/hooks.ts`,
      code: code`
        import { recordStatuses } from './statuses/record-failures';
        export function onWebhook(body, db) {
          for (const entry of body.entry) for (const change of entry.changes) recordStatuses(change.value.statuses ?? [], db);
        }
      `,
    },
    // each status handed to it, one at a time: the same
    {
      filename: `${CROSS}src/hooks.ts`,
      code: code`
        import { recordStatuses } from './statuses/record-failures';
        export function onWebhook(body, db) {
          for (const status of body.entry[0].changes[0].value.statuses ?? []) recordStatuses([status], db);
        }
      `,
    },
    // the caller reads the returned status
    {
      filename: `${CROSS}src/inbox.controller.ts`,
      code: code`
        import { InboxService } from './services/inbox.service';
        export class InboxController {
          constructor(private readonly inbox: InboxService, private readonly tracker: { track(s: unknown): void }) {}
          receive(body: unknown) {
            const parsed = this.inbox.parse(body);
            if (parsed.status) this.tracker.track(parsed.status);
          }
        }
      `,
    },
    // handed on behind a test of a property no return has: the status may go with it
    {
      filename: `${CROSS}src/inbox.controller.ts`,
      code: code`
        import { InboxService } from './services/inbox.service';
        export class InboxController {
          constructor(private readonly inbox: InboxService, private readonly bot: { reply(x: unknown): void }) {}
          receive(body: unknown) {
            const parsed: any = this.inbox.parse(body);
            if (parsed.ready) this.bot.reply(parsed);
          }
        }
      `,
    },
    // a test that parses a message fixture and asserts on another field of the result
    {
      filename: `${CROSS}src/inbox.service.test.ts`,
      code: code`
        import { InboxService } from './services/inbox.service';
        describe('parse', () => {
          it('keeps the first message', () => {
            const body = { entry: [{ changes: [{ value: { messages: [{ id: 'm1' }] } }] }] };
            const parsed = new InboxService().parse(body);
            expect(parsed.message).toBeDefined();
          });
        });
      `,
    },
    // the whole result handed on, the status with it
    {
      filename: `${CROSS}src/inbox.controller.ts`,
      code: code`
        import { InboxService } from './services/inbox.service';
        export class InboxController {
          constructor(private readonly inbox: InboxService, private readonly queue: { push(x: unknown): void }) {}
          receive(body: unknown) {
            const parsed = this.inbox.parse(body);
            this.queue.push(parsed);
          }
        }
      `,
    },
  ],
  invalid: [
    // the class's base calls setup() with the status: 'failed' falls to the default, its code never read
    {
      filename: `${CROSS}src/hooks.ts`,
      code: code`
        import { StatusEvent } from './events/status-event';
        export function onWebhook(body, owner, emit) {
          for (const entry of body.entry) {
            for (const change of entry.changes) {
              for (const status of change.value.statuses ?? []) emit(new StatusEvent(owner, status));
            }
          }
        }
      `,
      errors: [{ messageId: 'failedWithoutCode', data: withoutCode('never reads the code', 'errors[].code', ' (through StatusEvent in status-event.ts)'), line: 5, column: 85, endLine: 5, endColumn: 91 }],
    },
    // the status kept in a parameter property: only 'read' is applied
    {
      filename: `${CROSS}src/hooks.ts`,
      code: code`
        import { Receipt } from './events/receipt';
        export function onWebhook(body, store) {
          const value = body.entry[0].changes[0].value;
          value.statuses?.forEach((status) => new Receipt(status).apply(store));
        }
      `,
      errors: [{ messageId: 'failedIgnored', data: ignored("'read'", 'errors[].code', ' (through Receipt in receipt.ts)'), line: 4, column: 51, endLine: 4, endColumn: 57 }],
    },
    // the service returns { status } and the controller goes on only with the message
    {
      filename: `${CROSS}src/inbox.controller.ts`,
      code: code`
        import { InboxService } from './services/inbox.service';
        export class InboxController {
          constructor(private readonly inbox: InboxService, private readonly bot: { reply(x: unknown): void }) {}
          receive(body: unknown) {
            const parsed = this.inbox.parse(body);
            parsed.message && this.bot.reply(parsed);
          }
        }
      `,
      errors: [
        {
          messageId: 'statusDropped',
          data: { provider: 'meta-cloud', callee: 'parse', key: 'status', example: EXAMPLE },
          line: 5,
          column: 20,
          endLine: 5,
          endColumn: 42,
        },
      ],
    },
    // a test that asserts nothing checks nothing: the parsed status is dropped there too
    {
      filename: `${CROSS}src/inbox.service.test.ts`,
      code: code`
        import { InboxService } from './services/inbox.service';
        it('parses', () => {
          const parsed = new InboxService().parse({});
          console.log(parsed.message);
        });
      `,
      errors: [
        {
          messageId: 'statusDropped',
          data: { provider: 'meta-cloud', callee: 'parse', key: 'status', example: EXAMPLE },
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 46,
        },
      ],
    },
    // the result not used at all
    {
      filename: `${CROSS}src/inbox.controller.ts`,
      code: code`
        import { InboxService } from './services/inbox.service';
        export const receive = (inbox: InboxService, body: unknown) => {
          inbox.parse(body);
        };
      `,
      errors: [
        {
          messageId: 'statusDropped',
          data: { provider: 'meta-cloud', callee: 'parse', key: 'status', example: EXAMPLE },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 20,
        },
      ],
    },
  ],
});

// Webhook handlers that read only `value.messages`, linted as a project (the fixture folder is the
// working directory: whether another file reads the statuses is a question about the project).
const MESSAGES_ONLY = fileURLToPath(new URL('../fixtures/webhooks/messages-only/', import.meta.url));
// A route whose file, and another file of the project, name the statuses only in comments, beside a test's payload.
const STATUSES_IN_COMMENTS = fileURLToPath(new URL('../fixtures/webhooks/statuses-in-comments/', import.meta.url));
// Handlers whose request body is handed to them by a controller or route of another file.
const HANDED_BODY = fileURLToPath(new URL('../fixtures/webhooks/handed-body/', import.meta.url));
// Routes that walk entry and changes themselves and hand each change's value to a function of another file.
const HANDED_VALUE = fileURLToPath(new URL('../fixtures/webhooks/handed-value/', import.meta.url));

async function statusFindings(cwd: string, files: string[]): Promise<string[]> {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] as never });
  const results = await eslint.lintFiles(files);
  return results.flatMap((r) =>
    r.messages
      .filter((m) => m.ruleId === 'whatsapp-errors/handle-failed-status')
      .map((m) => `${r.filePath.slice(cwd.length)}:${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.message}`),
  );
}

describe('handle-failed-status: webhooks that never read statuses', () => {
  const unread =
    "This meta-cloud webhook handler reads value.messages but never value.statuses, where failed sends arrive as 'failed' with errors[].code (like 131047 (Re-engagement message)); handle the statuses too.";

  test('a route, a controller method given the request (also with the body cast), an exported handler (through a same-file helper) and routes registered inside a setup function (Express, a Fastify handler option) are reported once each; Messenger, Page feed, a value handed on, a method handed the payload, a queue consumer set up in a function and a unit test that edits a fixture are not', async () => {
    expect(await statusFindings(MESSAGES_ONLY, ['src'])).toEqual([
      `src/cast-controller.ts:6:21-6:80 ${unread}`,
      `src/controller.js:5:21-5:69 ${unread}`,
      `src/fastify-plugin.ts:9:23-9:83 ${unread}`,
      `src/next-route.ts:3:25-3:39 ${unread}`,
      `src/routes.js:8:46-8:85 ${unread}`,
      `src/setup-routes.js:6:21-6:64 ${unread}`,
    ]);
  });

  test('statuses named only in comments, or in a test file\'s payload, are not read: the route is reported', async () => {
    expect(await statusFindings(STATUSES_IN_COMMENTS, ['src'])).toEqual([`src/webhook.js:8:19-8:69 ${unread}`]);
  });

  test('a messages-only endpoint in a project where another file reads the statuses is left alone', async () => {
    expect(await statusFindings(CROSS, ['src/flows.controller.ts', 'src/webhook.ts'])).toEqual([]);
  });

  test('a method or function another file hands the request body (a NestJS @Body() parameter, Express req.body) is a handler, also a parser whose file and route name no provider (the webhook\'s entry, changes and messages are its sign); one handed the query, a queue job, or the body by a route that reads the message itself is not, nor a release log with the same words', async () => {
    expect(await statusFindings(HANDED_BODY, ['src'])).toEqual([
      `src/express/bot.js:7:9-7:30 ${unread}`,
      `src/express/commands.js:8:19-8:69 ${unread}`,
      `src/nest/inbound.service.ts:7:10-7:25 ${unread}`,
      `src/plain/parse.js:7:25-7:48 ${unread}`,
    ]);
  });

  test("a route that hands each change's value to another file's function reading only its messages is reported at the argument, naming that function; one whose function reads the statuses too, or hands the value on to a queue, is not; changes gathered with flatMap and filtered are followed", async () => {
    expect(await statusFindings(HANDED_VALUE, ['src'])).toEqual([
      `src/flat.ts:11:46-11:67 ${unread}`,
      `src/routes.ts:11:47-11:59 ${unread.replace('handler reads', 'handler (through onValue() in inbound.ts) reads')}`,
    ]);
  });
});

// Twilio status callbacks whose files hold no WhatsApp evidence, at routes that WhatsApp senders of other
// files name in their statusCallback URLs (test/fixtures/webhooks/callback-routes): Next.js file routes
// (app and pages routers) and an Express route; the same callback for SMS sends only is not WhatsApp's.
const CALLBACK_ROUTES = fileURLToPath(new URL('../fixtures/webhooks/callback-routes/', import.meta.url));

describe('handle-failed-status: callback routes that WhatsApp senders of other files name', () => {
  const ignored = "This twilio status handler reads the status but never acts on 'failed' or 'undelivered', missing failures like 63016 (Outside messaging window); branch on ErrorCode.";
  const withoutCode = "This twilio status handler acts on 'failed' or 'undelivered' but never reads the code, so 63016 (Outside messaging window) looks like any failure; branch on ErrorCode.";

  test('an app-router route read as form data, one read off Object.fromEntries and an Express route are reported; a pages-router route that stores the code, and an SMS-only callback route, are not', async () => {
    expect(await statusFindings(CALLBACK_ROUTES, ['.'])).toEqual([
      `app/api/notify/receipts/route.js:6:7-6:26 ${withoutCode}`,
      `app/api/twilio/delivery/route.ts:5:17-5:42 ${ignored}`,
      `src/routes/callbacks.js:8:25-8:38 ${ignored}`,
    ]);
  });
});

// Twilio status controllers with no WhatsApp evidence and no callback URL in the code, each handing the
// status to a service of another file (test/fixtures/webhooks/callback-services): the service that sends to
// `whatsapp:` numbers makes the callback WhatsApp's; one that sends SMS only does not.
const CALLBACK_SERVICES = fileURLToPath(new URL('../fixtures/webhooks/callback-services/', import.meta.url));

describe('handle-failed-status: callbacks handed to a service of another file that sends WhatsApp messages', () => {
  test('the status handed to a WhatsApp sender that records failures without the code is reported at the argument; one that stores ErrorCode, and one handed to an SMS-only sender, are not', async () => {
    expect(await statusFindings(CALLBACK_SERVICES, ['src'])).toEqual([
      "src/controllers/deliveries.controller.ts:14:55-14:73 This twilio status handler (through markStatus() in deliveries.service.ts) acts on 'failed' or 'undelivered' but never reads the code, so 63016 (Outside messaging window) looks like any failure; branch on ErrorCode.",
    ]);
  });
});

// A callback object known only by the fields read off it (`data.MessageStatus`, `data.ErrorCode`): handed
// whole to a helper of the file, its reads there belong to the caller's handler; handed whole to other code
// (serialised into a stored record, given to another service), the code goes with it. A logger is no such code.
ruleTester.run('handle-failed-status (a callback known by its fields, handed on whole)', rule, {
  valid: [
    // the caller reads ErrorCode; its helper acts on failed and hands the whole callback to another service
    {
      code: code`
        export class StatusService {
          async onWhatsappStatus(data: StatusCallbackDto) {
            if (data.ErrorCode === '63016' && data.MessageStatus === 'undelivered') return this.resend('whatsapp:' + data.To);
            await this.updatePayment(data);
            await this.messages.update({ sid: data.MessageSid }, { status: data.MessageStatus, errorCode: data.ErrorCode });
          }
          private async updatePayment(data: StatusCallbackDto) {
            const relevant = ['delivered', 'read', 'failed', 'undelivered'];
            if (relevant.includes(data.MessageStatus)) {
              const message = await this.messages.findOne({ where: { sid: data.MessageSid } });
              if (!message) return;
              await this.payments.onMessageStatus(data, message.transactionId);
            }
          }
        }
      `,
      filename: 'whatsapp-status.service.ts',
    },
    // the whole callback serialised into the stored record, next to a test of 'delivered'
    {
      code: code`
        export class WhatsappTemplateTests {
          async storeResult(data: StatusCallbackDto) {
            const test = await this.tests.findOne({ where: { sid: data.MessageSid } });
            test.callback = JSON.stringify(data);
            test.success = data.MessageStatus === 'delivered';
            test.to = data.To.replace('whatsapp:', '');
            await this.tests.save(test);
          }
        }
      `,
      filename: 'whatsapp-template-tests.ts',
    },
  ],
  invalid: [
    // handed whole to a logger only: the failed branch still never reads ErrorCode
    {
      code: code`
        export function onWhatsappStatus(data: StatusCallbackDto) {
          logger.warn({ data }, 'status received');
          if (data.MessageStatus === 'failed' || data.MessageStatus === 'undelivered') alertOps(data.MessageSid);
        }
      `,
      filename: 'whatsapp-status.ts',
      errors: [{ messageId: 'failedWithoutCode', data: { ...twilio, detail: 'never reads the code' }, line: 3, column: 7, endLine: 3, endColumn: 38 }],
    },
    // handed whole to a helper of the file that acts on failed; neither reads the code
    {
      code: code`
        export function onWhatsappStatus(data: StatusCallbackDto) {
          saveStatus(data.MessageSid, data.MessageStatus);
          notify(data);
        }
        function notify(data: StatusCallbackDto) {
          if (data.MessageStatus === 'failed') alertOps(data.To.replace('whatsapp:', ''));
        }
      `,
      filename: 'whatsapp-status.ts',
      errors: [{ messageId: 'failedWithoutCode', data: { ...twilio, detail: 'never reads the code' }, line: 6, column: 7, endLine: 6, endColumn: 38 }],
    },
  ],
});
