/**
 * Status webhooks (src/analysis/webhook.ts): an element of a WhatsApp
 * webhook's `errors[]` is Meta's error object (`body.error`, its code at
 * `body.error.code`), marked `@webhook`, however a handler reaches it. Other
 * webhooks with a `status` field are not.
 */
import { describe, expect, it } from 'vitest';
import { deliverableByWebhook } from '../../src/analysis/index.js';
import { probe } from './probe.js';

/** The lines for values read from a webhook's errors. */
const webhook = (code: string): string[] => probe(code).filter((line) => line.includes('@webhook'));

describe('the payload path, however it is reached', () => {
  it('req.body.entry[0].changes[0].value.statuses[0].errors[0].code, and a variable holding it', () => {
    expect(webhook(`
      app.post('/webhook', (req, res) => {
        const code = req.body.entry[0].changes[0].value.statuses[0].errors[0].code;
        res.sendStatus(code ? 200 : 500);
      });
    `)).toEqual([
      'body.error.code@webhook meta-cloud code #code',
      'body.error.code@webhook meta-cloud req.body.entry[0].changes[0].value.statuses[0].errors[0].code #code',
      'body.error@webhook meta-cloud req.body.entry[0].changes[0].value.statuses[0].errors[0]',
      'body.error.code@webhook meta-cloud code #code',
    ]);
  });

  it('for…of, destructuring in the loop, forEach, and a destructured first error', () => {
    expect(webhook(`
      export function handle(body) {
        for (const entry of body.entry) for (const { value } of entry.changes) value.statuses?.forEach((status) => {
          const [error] = status.errors ?? [];
          log(error.code, error.title, error.error_data.details);
        });
      }
    `)).toEqual([
      'body.error@webhook meta-cloud error',
      'body.error.code@webhook meta-cloud error.code #code',
      'body.error@webhook meta-cloud error',
      'body.error.title@webhook meta-cloud error.title',
      'body.error@webhook meta-cloud error',
      'body.error.error_data.details@webhook meta-cloud error.error_data.details',
      'body.error.error_data@webhook meta-cloud error.error_data',
      'body.error@webhook meta-cloud error',
    ]);
  });

  it('flatMap, map, flat, find and at', () => {
    expect(webhook(`
      export const codeOf = (body) =>
        body.entry.flatMap((e) => e.changes).map((c) => c.value.statuses).flat().find((s) => s.status === 'failed')?.errors?.at(0)?.code;
    `)).toEqual([
      "body.error.code@webhook meta-cloud body.entry.flatMap((e) => e.changes).map((c) => c.value.statuses).flat().find((s) => s.status === 'failed')?.errors?.at(0)?.code #code",
      "body.error@webhook meta-cloud body.entry.flatMap((e) => e.changes).map((c) => c.value.statuses).flat().find((s) => s.status === 'failed')?.errors?.at(…)",
    ]);
  });

  it("the webhook value's own errors (system- and account-level problems)", () => {
    expect(webhook(`
      export function onValue(payload) {
        const { value } = payload.entry[0].changes[0];
        if (value.messaging_product !== 'whatsapp') return;
        for (const e of value.errors ?? []) alert(e.code, e.message);
      }
    `)).toEqual([
      'body.error@webhook meta-cloud e',
      'body.error.code@webhook meta-cloud e.code #code',
      'body.error@webhook meta-cloud e',
      'body.error.message@webhook meta-cloud e.message',
      'body.error@webhook meta-cloud e',
    ]);
  });

  it('a same-file function handed a status', () => {
    expect(webhook(`
      function codeOf(status) { return status.errors?.[0]?.code; }
      export function hook(req) { for (const s of req.body.entry[0].changes[0].value.statuses) save(codeOf(s)); }
    `)).toEqual([
      'body.error.code@webhook meta-cloud status.errors?.[0]?.code #code',
      'body.error@webhook meta-cloud status.errors?.[0]',
      // the helper's call is the code too, as if its body were written there
      'body.error.code@webhook meta-cloud codeOf(…) #code',
    ]);
  });
});

describe('SDK handlers and types', () => {
  it("whatsapp-api-js on.status: the handler's one error", () => {
    expect(webhook(`
      import { WhatsAppAPI } from 'whatsapp-api-js';
      const wa = new WhatsAppAPI({ token: 't', appSecret: 's' });
      wa.on.status = ({ status, error }) => { if (status === 'failed') log(error?.code); };
    `)).toEqual(['body.error@webhook meta-cloud error', 'body.error.code@webhook meta-cloud error?.code #code', 'body.error@webhook meta-cloud error']);
  });

  it("a handler declared first and registered by name, with whatsapp-api-js's middleware class", () => {
    expect(webhook(`
      import { WhatsAppAPI } from 'whatsapp-api-js/middleware/express';
      const Whatsapp = new WhatsAppAPI({ token: 't', appSecret: 's' });
      async function onStatus(args) { await save(args.id, args.error?.code); }
      Whatsapp.on.status = onStatus;
    `)).toEqual(['body.error.code@webhook meta-cloud args.error?.code #code', 'body.error@webhook meta-cloud args.error']);
  });

  it("Meta's SDK: the body handed to webhooks.start", () => {
    expect(webhook(`
      import WhatsApp from 'whatsapp';
      const wa = new WhatsApp();
      wa.webhooks.start((statusCode, headers, body) => {
        const failed = body?.entry?.[0]?.changes?.[0]?.value?.statuses?.[0];
        if (failed?.status === 'failed') record(failed.errors[0].code);
      });
    `)).toEqual(['body.error.code@webhook meta-cloud failed.errors[0].code #code', 'body.error@webhook meta-cloud failed.errors[0]']);
  });

  it("the plugin's WebhookError and whatsapp-api-js's ServerError, without type information", () => {
    expect(webhook(`
      import type { WebhookError } from 'eslint-plugin-whatsapp-errors/catalog';
      export const isWindow = (e: WebhookError) => e.code === 131047;
    `)).toEqual(['body.error@webhook meta-cloud e: WebhookError', 'body.error.code@webhook meta-cloud e.code #code', 'body.error@webhook meta-cloud e']);
    expect(webhook(`
      import type { ServerError } from 'whatsapp-api-js/types';
      export function note(errors: ServerError[]) { return errors.map((e) => e.code); }
    `)).toEqual(['body.error@webhook meta-cloud e', 'body.error.code@webhook meta-cloud e.code #code', 'body.error@webhook meta-cloud e']);
  });
});

describe('evidence that it is WhatsApp', () => {
  it('statuses read off a request body count when the route, the function or the file names WhatsApp', () => {
    const expected = ['body.error.code@webhook meta-cloud s.errors[0].code #code', 'body.error@webhook meta-cloud s.errors[0]'];
    expect(webhook(`router.post('/webhooks/whatsapp', (req) => { for (const s of req.body.statuses) save(s.errors[0].code); });`)).toEqual(expected);
    expect(webhook(`export function onWhatsAppStatus(req) { for (const s of req.body.statuses) save(s.errors[0].code); }`)).toEqual(expected);
    expect(
      webhook(`
        export function receive(req) {
          if (req.body.object !== 'whatsapp_business_account') return;
          for (const s of req.body.statuses) save(s.errors[0].code);
        }
      `),
    ).toEqual(expected);
  });

  it('a handler registered by reference for a WhatsApp route: a function, an object method, through bind, and a chained route', () => {
    const expected = ['body.error.code@webhook meta-cloud s.errors[0].code #code', 'body.error@webhook meta-cloud s.errors[0]'];
    expect(webhook(`
      function receive(req) { for (const s of req.body.statuses) save(s.errors[0].code); }
      app.post('/webhook/whatsapp', receive);`)).toEqual(expected);
    expect(webhook(`
      const controller = { onEvent(req) { for (const s of req.body.statuses) save(s.errors[0].code); } };
      router.post('/hooks/whatsapp', controller.onEvent.bind(controller));`)).toEqual(expected);
    expect(webhook(`
      const onEvent = (req) => { for (const s of req.body.statuses) save(s.errors[0].code); };
      router.route('/whatsapp/events').post(onEvent);`)).toEqual(expected);
  });

  it('a handler registered by reference for another route is not', () => {
    expect(webhook(`
      function receive(req) { for (const s of req.body.statuses) save(s.errors[0].code); }
      app.post('/webhook/github', receive);
      const controller = { onEvent(req) { for (const s of req.body.statuses) save(s.errors[0].code); } };
      router.post('/hooks/deploys', controller.onEvent);
      setWhatsappHandler(controller);`)).toEqual([]);
  });

  it('the same code under another name is not a WhatsApp webhook', () => {
    expect(webhook(`router.post('/webhooks/github', (req) => { for (const s of req.body.statuses) save(s.errors[0].code); });`)).toEqual([]);
  });

  it('a Stripe webhook with a status field, next to a WhatsApp send, is not', () => {
    expect(
      webhook(`
        export const send = (to) => fetch('https://graph.facebook.com/v21.0/1/messages', { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to }) });
        app.post('/stripe', (req) => {
          const event = req.body;
          if (event.data.object.status === 'failed') save(event.data.object.last_payment_error.code);
        });
      `),
    ).toEqual([]);
  });

  it("a bare changes list is anyone's: its value's errors need evidence", () => {
    const source = (name: string) => `export function ${name}(entry) { for (const change of entry.changes) for (const s of change.value.statuses) check(s.errors[0].code); }`;
    expect(webhook(source('validate'))).toEqual([]);
    expect(webhook(source('onWhatsAppEntry'))).toEqual(['body.error.code@webhook meta-cloud s.errors[0].code #code', 'body.error@webhook meta-cloud s.errors[0]']);
    expect(webhook(`export const codes = (diff) => diff.changes.map((c) => c.value.errors[0].code);`)).toEqual([]);
  });

  it('no webhook recognition when settings leave Meta out', () => {
    const lines = probe(`export const c = (body) => body.entry[0].changes[0].value.statuses[0].errors[0].code;`, { providers: ['wa-server'] });
    expect(lines).toEqual([]);
  });
});

describe("other providers' status callbacks (catalog statusCallback)", () => {
  /** The lines for values read from a callback, linted under a neutral file name. */
  const callback = (code: string): string[] => probe(code, undefined, 'hooks.ts').filter((line) => line.includes('@webhook'));

  it("Twilio: ErrorCode of a form-encoded callback is Twilio's code, held as text; Number()/parseInt()/+ make it the number", () => {
    expect(
      callback(`
        app.post('/twilio/whatsapp/status', (req, res) => {
          const { MessageStatus, ErrorCode } = req.body;
          if (MessageStatus === 'failed') alert(ErrorCode, Number(req.body.ErrorCode), parseInt(ErrorCode, 10), +ErrorCode);
          res.sendStatus(204);
        });
      `),
    ).toEqual([
      'body.code~text@webhook twilio ErrorCode #code',
      'body.code~text@webhook twilio ErrorCode #code',
      'body.code@webhook twilio Number(…) #code',
      'body.code~text@webhook twilio req.body.ErrorCode #code',
      'body.code@webhook twilio parseInt(…) #code',
      'body.code~text@webhook twilio ErrorCode #code',
      'body.code~text@webhook twilio ErrorCode #code',
    ]);
  });

  it('Twilio: WhatsApp evidence from a whatsapp: prefix in the file, the route, the function or class name; an SMS callback is not (decoy)', () => {
    const read = (name: string) => `export function ${name}(req) { if (req.body.MessageStatus === 'failed') save(req.body.ErrorCode); }`;
    const expected = ['body.code~text@webhook twilio req.body.ErrorCode #code'];
    expect(callback(read('onWhatsAppStatus'))).toEqual(expected);
    expect(callback(`${read('onStatus')}\nexport const to = (n) => 'whatsapp:' + n;`)).toEqual(expected);
    expect(callback(`router.post('/sms/status', (req) => { if (req.body.MessageStatus === 'undelivered') save(req.body.ErrorCode); });`)).toEqual([]);
    expect(callback(read('onSmsStatus'))).toEqual([]);
  });

  it("Gupshup: the failed message event's payload.payload.code and reason, through the event, its payload, or a same-file helper", () => {
    expect(
      callback(`
        function onFailed(event) { return save(event.payload.payload.code, event.payload.payload.reason); }
        app.post('/gupshup', (req, res) => {
          const { type, payload } = req.body;
          if (type === 'message-event' && payload.type === 'failed') onFailed(req.body);
          res.sendStatus(200);
        });
      `),
    ).toEqual(['body.payload.payload.code@webhook gupshup event.payload.payload.code #code', 'body.payload.payload.reason@webhook gupshup event.payload.payload.reason']);
  });

  it('no Gupshup callback in a file that never names its event type; none for a provider settings leave out', () => {
    expect(callback(`app.post('/hook', (req) => { if (req.body.payload.type === 'failed') save(req.body.payload.payload.code); });`)).toEqual([]);
    const twilioOff = probe(`export function onWhatsAppStatus(req) { save(req.body.ErrorCode); }`, { providers: ['meta-cloud'] }, 'hooks.ts');
    expect(twilioOff).toEqual([]);
  });
});

describe('deliverableByWebhook', () => {
  const entry = { code: 1, httpStatus: [], title: 't', remedy: 'r', retry: 'never', source: 's' } as const;
  it('is false only for codes documented for the response only', () => {
    expect(deliverableByWebhook({ ...entry, delivery: 'response' })).toBe(false);
    expect(deliverableByWebhook({ ...entry, delivery: 'webhook' })).toBe(true);
    expect(deliverableByWebhook({ ...entry, delivery: 'both' })).toBe(true);
    expect(deliverableByWebhook(entry)).toBe(true);
  });
});
