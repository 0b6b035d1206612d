/** `settings['whatsapp-errors']`: parsing, defaults, and an exact error for every bad value. */
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/index.js';
import { parseSettings, resolveSettings, SettingsError } from '../../src/analysis/settings.js';
import { probe, probeCalls } from './probe.js';

const P = "eslint-plugin-whatsapp-errors: invalid settings['whatsapp-errors']";
const BUILT_IN = 'meta-cloud, cequens, wa-server, digiworld, msgbubbles, connexease, twilio, 360dialog, vonage, infobip, gupshup';

/** A valid in-house gateway. */
const ACME = {
  id: 'acme-gateway',
  name: 'Acme WhatsApp gateway',
  hosts: ['WA.Acme.Internal'],
  codePath: 'fault.id',
  codeType: 'string',
  messagePaths: ['fault.text'],
  errors: [
    { code: 'quota_exceeded', httpStatus: [429], title: 'Quota exceeded', remedy: 'Wait for the next window.', retry: 'rate-limit' },
    { code: 'bad_number', httpStatus: [400], title: 'Bad number', remedy: 'Fix the number.', retry: 'never' },
  ],
};
const entry = (overrides: object) => ({ code: 'x', httpStatus: [400], title: 'X', remedy: 'Fix it.', retry: 'never', ...overrides });
const custom = (overrides: object) => ({ customProviders: [{ ...ACME, ...overrides }] });

describe('defaults', () => {
  const settings = parseSettings(undefined);

  it('enables all eleven built-in providers, in catalog order', () => {
    expect(settings.providers.map((p) => p.id)).toEqual([
      'meta-cloud', 'cequens', 'wa-server', 'digiworld', 'msgbubbles', 'connexease', 'twilio', '360dialog', 'vonage', 'infobip', 'gupshup',
    ]);
    expect([...settings.byId.keys()]).toEqual(settings.providers.map((p) => p.id));
    expect(settings.providers.map((p) => p.def)).toEqual(Object.values(catalog));
  });

  it('knows every documented host, and no env var or wrapper', () => {
    expect(Object.fromEntries([...settings.hosts].map(([host, p]) => [host, p.id]))).toEqual({
      'graph.facebook.com': 'meta-cloud',
      'apis.cequens.com': 'cequens',
      'wa.sagad.net': 'wa-server',
      'wa.onebrick.io': 'wa-server',
      'digichat.digiworld-dev.com': 'digiworld',
      'stagging.digichat.digiworld-dev.com': 'digiworld',
      'api.msgbubbles.com': 'msgbubbles',
      'api.gateway.connexease.com': 'connexease',
      'proxy.gateway.connexease.com': 'connexease',
      'api.twilio.com': 'twilio',
      'waba-v2.360dialog.io': '360dialog',
      'api.nexmo.com': 'vonage',
      'messages-sandbox.nexmo.com': 'vonage',
      'api.infobip.com': 'infobip',
      'api.gupshup.io': 'gupshup',
      'partner.gupshup.io': 'gupshup',
    });
    expect(settings.envVars.size).toBe(0);
    expect(settings.wrappers.size).toBe(0);
  });

  it('parses each provider body path', () => {
    expect(Object.fromEntries(settings.providers.map((p) => [p.id, [p.codePath, p.codeField]]))).toEqual({
      'meta-cloud': [['error', 'code'], 'body.error.code'],
      cequens: [['errors', 0, 'code'], 'body.errors[0].code'],
      'wa-server': [['error', 'code'], 'body.error.code'],
      digiworld: [['error'], 'body.error'],
      msgbubbles: [['error'], 'body.error'],
      connexease: [['errors', 'code'], 'body.errors.code'],
      twilio: [['code'], 'body.code'],
      '360dialog': [['error', 'code'], 'body.error.code'],
      vonage: [['type'], 'body.type'],
      infobip: [['requestError', 'serviceException', 'messageId'], 'body.requestError.serviceException.messageId'],
      gupshup: [['payload', 'payload', 'code'], 'body.payload.payload.code'],
    });
  });

  it.each([
    ['await fetch("https://GRAPH.facebook.com/v20.0/1/messages")', true],
    ["{ messaging_product: 'whatsapp' }", true],
    ["import { errorCodeOf } from 'eslint-plugin-whatsapp-errors/catalog'", true],
    ['https://api.gateway.connexease.com/v1', true],
    ["await fetch('https://api.example.com/messages')", false],
    ['const WHATSAPP_API_URL = process.env.WHATSAPP_API_URL', false],
    // env vars and config keys the analysis reads as the Cloud API's base URL (graph.facebook.com)
    ['fetch(`${process.env.WHATSAPP_CLOUD_API_URL}/v21.0/${phoneId}/messages`)', true],
    ['axios.post(env.metaGraphUrl + path)', true],
    ['got(config.FB_GRAPH_API_BASE)', true],
    // not a base URL (a version, a longer name), another Graph (Microsoft's), WhatsApp in a comment
    ['const version = process.env.META_GRAPH_VERSION', false],
    ['const next = process.env.META_GRAPH_URL_V2', false],
    ['fetch(`${process.env.GRAPH_API_BASE}/me/messages`)', false],
    ['// our relay forwards to the WhatsApp Cloud API (Meta Graph API url)', false],
    // status webhooks: the webhook's object, or statuses next to Meta's changes or a WhatsApp name
    ["if (body.object === 'whatsapp_business_account') ack()", true],
    ['for (const change of entry.changes) handle(change.value.statuses)', true],
    ["router.post('/webhooks/whatsapp', (req) => track(req.body.statuses))", true],
    // statuses alone (a GitHub commit status list) or changes alone are not
    ['for (const s of payload.statuses) if (s.state === "failure") alert(s)', false],
    ['const { changes } = diff(a, b)', false],
  ])('mentionsProvider(%s) is %s', (text, expected) => {
    expect(settings.mentionsProvider(text)).toBe(expected);
  });

  it('resolveSettings: no settings and an empty object give the shared defaults', () => {
    expect(resolveSettings(undefined)).toBe(resolveSettings({}));
    expect(resolveSettings({ other: 1 })).toBe(resolveSettings(undefined));
    expect(resolveSettings(undefined).providers.map((p) => p.id)).toEqual(settings.providers.map((p) => p.id));
  });

  it('resolveSettings parses a settings object once', () => {
    const value = { providers: ['wa-server'] };
    const first = resolveSettings({ 'whatsapp-errors': value });
    expect(resolveSettings({ 'whatsapp-errors': value })).toBe(first);
    expect(resolveSettings({ 'whatsapp-errors': { providers: ['wa-server'] } })).not.toBe(first);
  });
});

describe('providers', () => {
  it('restricts the providers (duplicates ignored)', () => {
    const settings = parseSettings({ providers: ['wa-server', 'cequens', 'wa-server'] });
    expect(settings.providers.map((p) => p.id).sort()).toEqual(['cequens', 'wa-server']);
    expect([...settings.hosts.keys()].sort()).toEqual(['apis.cequens.com', 'wa.onebrick.io', 'wa.sagad.net']);
    expect(settings.mentionsProvider('https://graph.facebook.com/v20.0')).toBe(false);
    // a Cloud API base URL by name is Meta's: off with it
    expect(settings.mentionsProvider('process.env.WHATSAPP_CLOUD_API_URL')).toBe(false);
  });

  it('no provider at all: nothing is mentioned', () => {
    const settings = parseSettings({ providers: [] });
    expect(settings.providers).toEqual([]);
    expect(settings.mentionsProvider("{ messaging_product: 'whatsapp' }")).toBe(false);
  });

  it('a disabled provider is not recognised, by host or by Cloud API payload', () => {
    const source = `
      import config from 'config';
      export const a = () => fetch('https://graph.facebook.com/v20.0/1/messages', { method: 'POST' });
      export const b = () => fetch(config.get('WA_URL'), { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp' }) });
      export const c = () => fetch('https://wa.sagad.net/api/send', { method: 'POST' });`;
    expect(probeCalls(source, { providers: ['wa-server'] })).toEqual(['call wa-server fetch @4:24']);
    expect(probe(source.replace(/.*wa\.sagad\.net.*/, ''), { providers: ['wa-server'] })).toEqual([]);
  });
});

describe('hosts, envVars, wrappers', () => {
  it('hosts map an extra host (any case) to a provider', () => {
    const settings = parseSettings({ hosts: { 'WA.Internal.Example.com': 'wa-server' } });
    expect(settings.hosts.get('wa.internal.example.com')?.id).toBe('wa-server');
    expect(settings.hosts.get('wa.sagad.net')?.id).toBe('wa-server');
    expect(settings.mentionsProvider("fetch('https://wa.internal.example.com/api')")).toBe(true);
    expect(probeCalls("export const send = () => fetch('https://wa.internal.example.com/api/send');", { hosts: { 'WA.Internal.Example.com': 'wa-server' } })).toEqual([
      'call wa-server fetch @1:27',
    ]);
  });

  it('a host mapped to a provider that is not enabled is dropped', () => {
    const settings = parseSettings({ providers: ['wa-server'], hosts: { 'x.example.com': 'meta-cloud' } });
    expect(settings.hosts.has('x.example.com')).toBe(false);
  });

  it('envVars map an env var to a provider, and make the file worth analysing', () => {
    const settings = parseSettings({ envVars: { WHATSAPP_API_URL: 'meta-cloud' } });
    expect(settings.envVars.get('WHATSAPP_API_URL')?.id).toBe('meta-cloud');
    expect(settings.mentionsProvider('process.env.WHATSAPP_API_URL')).toBe(true);
    const source = `
      export async function send() {
        const res = await fetch(\`\${process.env.WHATSAPP_API_URL}/messages\`, { method: 'POST' });
        const body = await res.json();
        return body.error.code;
      }`;
    expect(probe(source, { envVars: { WHATSAPP_API_URL: 'meta-cloud' } })).toEqual(
      expect.arrayContaining(['call meta-cloud fetch @2:21', 'body.error.code meta-cloud body.error.code #code']),
    );
  });

  it('wrappers name functions declared elsewhere that send to a provider', () => {
    const settings = parseSettings({ wrappers: { sendWhatsApp: 'cequens' } });
    expect(settings.wrappers.get('sendWhatsApp')?.id).toBe('cequens');
    expect(settings.mentionsProvider('await sendWhatsApp(to)')).toBe(true);
    const source = `
      import { sendWhatsApp } from '../lib/whatsapp.js';
      export const notify = (to: string) => sendWhatsApp(to).catch((err) => err.response.data.errors[0].code);`;
    expect(probe(source, { wrappers: { sendWhatsApp: 'cequens' } })).toEqual(
      expect.arrayContaining(['call cequens settings-wrapper @2:39', 'body.errors[0].code cequens err.response.data.errors[0].code #code']),
    );
  });
});

describe('customProviders', () => {
  it('adds a valid in-house gateway', () => {
    const settings = parseSettings({ customProviders: [ACME] });
    expect(settings.providers.map((p) => p.id)).toEqual(['meta-cloud', 'cequens', 'wa-server', 'digiworld', 'msgbubbles', 'connexease', 'twilio', '360dialog', 'vonage', 'infobip', 'gupshup', 'acme-gateway']);
    const acme = settings.byId.get('acme-gateway')!;
    expect(acme.def).toMatchObject({ name: 'Acme WhatsApp gateway', hosts: ['wa.acme.internal'], codeType: 'string', statusReliable: true, docs: '' });
    expect(acme.def.errors.map((e) => e.source)).toEqual(['settings', 'settings']);
    expect(acme.codeField).toBe('body.fault.id');
    expect(acme.entry('quota_exceeded')?.retry).toBe('rate-limit');
    expect(settings.hosts.get('wa.acme.internal')).toBe(acme);
  });

  it('the gateway is recognised by probe: calls, status and code', () => {
    const source = `
      import axios from 'axios';
      export async function send() {
        try {
          await axios.post('https://wa.acme.internal/v1/send', { to: '1' });
        } catch (err) {
          if (err.response.status === 429) return 'later';
          return err.response.data.fault.id;
        }
      }`;
    expect(probe(source, { customProviders: [ACME] })).toEqual(
      expect.arrayContaining([
        'call acme-gateway axios @4:11',
        'status acme-gateway err.response.status #status',
        'body.fault.id acme-gateway err.response.data.fault.id #code',
      ]),
    );
  });

  it('can be named by hosts, envVars and wrappers', () => {
    const settings = parseSettings({
      customProviders: [ACME],
      hosts: { 'wa2.acme.internal': 'acme-gateway' },
      envVars: { ACME_URL: 'acme-gateway' },
      wrappers: { acmeSend: 'acme-gateway' },
    });
    expect([settings.hosts.get('wa2.acme.internal')?.id, settings.envVars.get('ACME_URL')?.id, settings.wrappers.get('acmeSend')?.id]).toEqual([
      'acme-gateway',
      'acme-gateway',
      'acme-gateway',
    ]);
  });

  it('a custom provider with zero codes is accepted, and its calls recognised', () => {
    const settings = parseSettings({ customProviders: [{ id: 'bare', hosts: ['wa.bare.example'], codePath: 'error', errors: [] }] });
    expect(settings.byId.get('bare')?.def).toMatchObject({ id: 'bare', name: 'bare', codeType: 'string', errors: [], messagePaths: [] });
    expect(probeCalls("export const send = () => fetch('https://wa.bare.example/send');", { customProviders: [{ id: 'bare', hosts: ['wa.bare.example'], codePath: 'error', errors: [] }] })).toEqual([
      'call bare fetch @1:27',
    ]);
  });

  it('accepts numeric and mixed code types, ranges, scopes, delivery, idempotency and retryAfter', () => {
    const settings = parseSettings({
      customProviders: [
        {
          id: 'numeric',
          codePath: 'errors[0].code',
          codeType: 'number',
          successFlag: 'ok',
          retryAfter: { bodyPath: 'errors[0].wait', header: 'Retry-After' },
          idempotency: { kind: 'header', name: 'Idempotency-Key' },
          errors: [entry({ code: 200, rangeEnd: 299, scope: 'legacy', delivery: 'webhook' })],
        },
        { id: 'mixed', codePath: 'code', codeType: 'string-or-number', errors: [entry({ code: 1 }), entry({ code: 'one' })] },
      ],
    });
    const numeric = settings.byId.get('numeric')!;
    expect(numeric.entry(250)).toMatchObject({ code: 200, delivery: 'webhook' });
    expect(numeric.successFlagPath).toEqual(['ok']);
    expect(numeric.retryAfterPath).toEqual(['errors', 0, 'wait']);
    expect(numeric.def.idempotency).toEqual({ kind: 'header', name: 'Idempotency-Key' });
    expect(settings.byId.get('mixed')!.def.errors.map((e) => e.code)).toEqual([1, 'one']);
  });
});

describe('overrides', () => {
  it("changes a built-in provider's code path (CEQUENS errors.code)", () => {
    const settings = parseSettings({ overrides: { cequens: { codePath: 'errors.code' } } });
    const cequens = settings.byId.get('cequens')!;
    expect(cequens.codePath).toEqual(['errors', 'code']);
    expect(cequens.codeField).toBe('body.errors.code');
    expect(catalog.cequens.codePath).toBe('errors[0].code');
    const source = `
      export async function send() {
        const res = await fetch('https://apis.cequens.com/conversation-app/v1/messages');
        const body = await res.json();
        return [body.errors.code, body.errors[0].code];
      }`;
    const codes = probe(source, { overrides: { cequens: { codePath: 'errors.code' } } }).filter((l) => l.endsWith('#code'));
    expect(codes).toEqual(['body.errors.code cequens body.errors.code #code']);
  });

  it("replaces a built-in provider's hosts", () => {
    const settings = parseSettings({ overrides: { 'wa-server': { hosts: ['WA.MyCompany.example'], statusReliable: false } } });
    expect(settings.byId.get('wa-server')!.def).toMatchObject({ hosts: ['wa.mycompany.example'], statusReliable: false });
    expect(settings.hosts.get('wa.mycompany.example')?.id).toBe('wa-server');
    expect(settings.hosts.has('wa.sagad.net')).toBe(false);
  });

  it('changes code type, message paths and success flag', () => {
    const def = parseSettings({ overrides: { digiworld: { codeType: 'string-or-number', messagePaths: ['detail'], successFlag: 'success' } } }).byId.get('digiworld')!;
    expect(def.def).toMatchObject({ codeType: 'string-or-number', messagePaths: ['detail'], successFlag: 'success' });
    expect(def.successFlagPath).toEqual(['success']);
  });
});

describe('bad settings throw an error naming the key', () => {
  const cases: [string, unknown, string][] = [
    // the settings object itself
    ['non-object settings (string)', 'meta-cloud', `${P}: expected an object, got 'meta-cloud'`],
    ['non-object settings (array)', ['meta-cloud'], `${P}: expected an object, got ["meta-cloud"]`],
    ['non-object settings (null)', null, `${P}: expected an object, got null`],
    ['unknown top-level key', { provider: ['meta-cloud'] }, `${P}.provider: unknown key; expected one of providers, hosts, envVars, wrappers, customProviders, overrides`],
    // providers, hosts, envVars, wrappers
    ['providers not an array', { providers: 'meta-cloud' }, `${P}.providers: expected an array of strings, got 'meta-cloud'`],
    ['unknown provider in providers', { providers: ['meta-cloud', 'plivo'] }, `${P}.providers[1]: unknown provider 'plivo'; expected one of ${BUILT_IN}`],
    ['empty provider id in providers', { providers: [''] }, `${P}.providers[0]: expected a non-empty string, got ''`],
    ['hosts not an object', { hosts: ['wa.example.com'] }, `${P}.hosts: expected an object, got ["wa.example.com"]`],
    ['unknown provider in hosts', { hosts: { 'wa.example.com': 'plivo' } }, `${P}.hosts['wa.example.com']: unknown provider 'plivo'; expected one of ${BUILT_IN}`],
    ['unknown provider in envVars', { envVars: { WA_URL: 'meta' } }, `${P}.envVars['WA_URL']: unknown provider 'meta'; expected one of ${BUILT_IN}`],
    ['a non-string provider in wrappers', { wrappers: { sendWhatsApp: 42 } }, `${P}.wrappers['sendWhatsApp']: unknown provider 42; expected one of ${BUILT_IN}`],
    ['unknown provider in wrappers', { wrappers: { sendWhatsApp: 'whatsapp' } }, `${P}.wrappers['sendWhatsApp']: unknown provider 'whatsapp'; expected one of ${BUILT_IN}`],
    // customProviders
    ['customProviders not an array', { customProviders: {} }, `${P}.customProviders: expected an array, got {}`],
    ['a custom provider that is not an object', { customProviders: ['acme'] }, `${P}.customProviders[0]: expected an object, got 'acme'`],
    ['custom provider without id', custom({ id: undefined }), `${P}.customProviders[0].id: expected a non-empty string, got undefined`],
    [
      'custom provider with the id of a built-in',
      custom({ id: 'cequens' }),
      `${P}.customProviders[0].id: 'cequens' is already a provider id; use overrides to change a built-in provider`,
    ],
    [
      'two custom providers with one id',
      { customProviders: [ACME, ACME] },
      `${P}.customProviders[1].id: 'acme-gateway' is already a provider id; use overrides to change a built-in provider`,
    ],
    [
      'custom provider with an unknown key',
      custom({ host: 'wa.acme.internal' }),
      `${P}.customProviders[0].host: unknown key; expected one of id, name, hosts, codePath, codeType, messagePaths, successFlag, retryAfter, idempotency, statusReliable, docs, notes, errors`,
    ],
    [
      'custom provider with a bad codePath',
      custom({ codePath: 'errors[x].code' }),
      `${P}.customProviders[0].codePath: expected a body path such as 'error.code' or 'errors[0].code', got 'errors[x].code'`,
    ],
    ['custom provider without codePath', custom({ codePath: undefined }), `${P}.customProviders[0].codePath: expected a non-empty string, got undefined`],
    [
      'custom provider with a bad codeType',
      custom({ codeType: 'integer' }),
      `${P}.customProviders[0].codeType: expected one of string, number, string-or-number, got 'integer'`,
    ],
    ['custom provider with hosts not an array', custom({ hosts: 'wa.acme.internal' }), `${P}.customProviders[0].hosts: expected an array of strings, got 'wa.acme.internal'`],
    [
      'custom provider with a bad message path',
      custom({ messagePaths: ['fault.text', 'fault[first]'] }),
      `${P}.customProviders[0].messagePaths[1]: expected a body path such as 'error.code' or 'errors[0].code', got 'fault[first]'`,
    ],
    ['errors not an array', custom({ errors: { code: 'x' } }), `${P}.customProviders[0].errors: expected an array of error entries, got {"code":"x"}`],
    ['errors not an array', custom({ errors: 'none' }), `${P}.customProviders[0].errors: expected an array of error entries, got 'none'`],
    [
      'an entry with a bad retry class',
      custom({ errors: [entry({}), entry({ retry: 'sometimes' })] }),
      `${P}.customProviders[0].errors[1].retry: expected one of transient, rate-limit, after-fix, never, provider-retries, got 'sometimes'`,
    ],
    [
      'an entry with an out-of-range httpStatus',
      custom({ errors: [entry({ httpStatus: [429, 700] })] }),
      `${P}.customProviders[0].errors[0].httpStatus: expected an array of HTTP statuses (100-599), got [429,700]`,
    ],
    [
      'an entry with an httpStatus that is not an array',
      custom({ errors: [entry({ httpStatus: 429 })] }),
      `${P}.customProviders[0].errors[0].httpStatus: expected an array of HTTP statuses (100-599), got 429`,
    ],
    ['a string code for a number provider', custom({ codeType: 'number', errors: [entry({ code: '131047' })] }), `${P}.customProviders[0].errors[0].code: expected a number code, got '131047'`],
    ['a number code for a string provider', custom({ errors: [entry({ code: 42 })] }), `${P}.customProviders[0].errors[0].code: expected a string code, got 42`],
    ['an empty string code', custom({ errors: [entry({ code: '' })] }), `${P}.customProviders[0].errors[0].code: expected a string code, got ''`],
    [
      'a boolean code for a string-or-number provider',
      custom({ codeType: 'string-or-number', errors: [entry({ code: true })] }),
      `${P}.customProviders[0].errors[0].code: expected a string or number code, got true`,
    ],
    ['an entry without a title', custom({ errors: [entry({ title: undefined })] }), `${P}.customProviders[0].errors[0].title: expected a non-empty string, got undefined`],
    [
      'an entry with an unknown key',
      custom({ errors: [entry({ retryable: true })] }),
      `${P}.customProviders[0].errors[0].retryable: unknown key; expected one of code, rangeEnd, httpStatus, title, remedy, retry, source, scope, delivery`,
    ],
    [
      'an entry with a bad scope',
      custom({ errors: [entry({ scope: 'sending' })] }),
      `${P}.customProviders[0].errors[0].scope: expected one of messaging, management, marketing-messages, webhook, legacy, got 'sending'`,
    ],
    [
      'an entry with a bad delivery',
      custom({ errors: [entry({ delivery: 'callback' })] }),
      `${P}.customProviders[0].errors[0].delivery: expected one of response, webhook, both, got 'callback'`,
    ],
    ['a bad idempotency kind', custom({ idempotency: { kind: 'query', name: 'key' } }), `${P}.customProviders[0].idempotency.kind: expected one of header, body-field, got 'query'`],
    // overrides
    ['overrides not an object', { overrides: [] }, `${P}.overrides: expected an object, got []`],
    ['unknown provider in overrides', { overrides: { plivo: { codePath: 'error.code' } } }, `${P}.overrides.plivo: unknown provider; expected one of ${BUILT_IN}`],
    [
      'unknown override key',
      { overrides: { cequens: { codepath: 'errors.code' } } },
      `${P}.overrides.cequens.codepath: unknown key; expected one of hosts, codePath, codeType, messagePaths, successFlag, statusReliable`,
    ],
    [
      'an override that is not an object',
      { overrides: { cequens: 'errors.code' } },
      `${P}.overrides.cequens: expected an object, got 'errors.code'`,
    ],
    [
      'a bad codePath override',
      { overrides: { cequens: { codePath: 'errors[].code' } } },
      `${P}.overrides.cequens.codePath: expected a body path such as 'error.code' or 'errors[0].code', got 'errors[].code'`,
    ],
    ['a bad codeType override', { overrides: { 'meta-cloud': { codeType: 'int' } } }, `${P}.overrides.meta-cloud.codeType: expected one of string, number, string-or-number, got 'int'`],
    // names that come from custom providers are listed as known
    [
      'unknown provider, custom ones listed',
      { customProviders: [ACME], envVars: { WA_URL: 'acme' } },
      `${P}.envVars['WA_URL']: unknown provider 'acme'; expected one of ${BUILT_IN}, acme-gateway`,
    ],
  ];

  it.each(cases)('%s', (_, value, message) => {
    expect(() => parseSettings(value)).toThrow(message);
    try {
      parseSettings(value);
    } catch (error) {
      expect(error).toBeInstanceOf(SettingsError);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toBe(message);
    }
  });

  it('resolveSettings rejects the same values', () => {
    expect(() => resolveSettings({ 'whatsapp-errors': true })).toThrow(`${P}: expected an object, got true`);
    expect(() => resolveSettings({ 'whatsapp-errors': { providers: ['plivo'] } })).toThrow(`${P}.providers[0]: unknown provider 'plivo'; expected one of ${BUILT_IN}`);
  });
});

describe('custom providers without an errors list', () => {
  it('are accepted with zero codes', () => {
    const settings = parseSettings({ customProviders: [{ id: 'bare', hosts: ['wa.bare.example'], codePath: 'error' }] });
    expect(settings.byId.get('bare')?.def.errors).toEqual([]);
  });
});
