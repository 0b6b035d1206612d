import { describe, expect, test } from 'vitest';
import { catalog, DELIVERIES, MAPPED_APIS, PROVIDERS, RETRY_CLASSES, SCOPES, type ProviderDefinition } from '../../src/catalog/index.js';
import { metaCloudDelivery } from '../../src/catalog/providers/meta-cloud.js';
import { parsePath } from '../../src/catalog/lookup.js';

const definitions: [string, ProviderDefinition][] = PROVIDERS.map((id) => [id, catalog[id]]);

describe.each(definitions)('%s', (id, def) => {
  test('declares its id, hosts and body paths', () => {
    expect(def.id).toBe(id);
    expect(def.hosts.length).toBeGreaterThan(0);
    for (const host of def.hosts) expect(host).toMatch(/^[a-z0-9.-]+\.[a-z]{2,}$/);
    expect(() => parsePath(def.codePath)).not.toThrow();
    for (const path of def.messagePaths) expect(() => parsePath(path)).not.toThrow();
  });

  test('a family of codes (rangeEnd) is a numeric range that no other entry overlaps', () => {
    const families = def.errors.filter((e) => e.rangeEnd !== undefined);
    for (const family of families) {
      expect(typeof family.code, `${id} ${family.code}`).toBe('number');
      expect(family.rangeEnd!, `${id} ${family.code}`).toBeGreaterThan(family.code as number);
      const inside = def.errors.filter((e) => e !== family && typeof e.code === 'number' && e.code >= (family.code as number) && e.code <= family.rangeEnd!);
      expect(inside.map((e) => e.code), `${id}: codes inside ${family.code}–${family.rangeEnd}`).toEqual([]);
    }
  });

  test('gives its WhatsApp paths a source, and a status callback valid paths, failed states, markers and documented examples', () => {
    for (const path of def.whatsappPaths ?? []) {
      expect(path.prefix, id).toMatch(/^\/[\w/.-]+\/$/);
      expect(path.source, id).toMatch(/^https:\/\/\S+$/);
    }
    const callback = def.statusCallback;
    if (!callback) return;
    expect(() => parsePath(callback.statusPath)).not.toThrow();
    expect(() => parsePath(callback.codePath)).not.toThrow();
    expect(callback.failedStates.length).toBeGreaterThan(0);
    expect(callback.rootFields.length).toBeGreaterThan(0);
    // a root field starts the path to the status or the code
    for (const field of callback.rootFields) expect([callback.statusPath, callback.codePath].some((path) => parsePath(path)[0] === field), `${id} ${field}`).toBe(true);
    expect(callback.textMarkers.length).toBeGreaterThan(0);
    expect(callback.evidence.length).toBeGreaterThan(0);
    for (const code of callback.notable) expect(def.errors.some((e) => e.code === code), `${id} ${code}`).toBe(true);
    for (const source of callback.sources) expect(source).toMatch(/^https:\/\/\S+$/);
  });

  test('names only documented codes as notable', () => {
    for (const code of [...(def.notable ?? []), ...(def.requestNotable ?? []), ...(def.templateNotable ?? [])]) expect(def.errors.some((e) => e.code === code), `${id} ${code}`).toBe(true);
  });

  test('documents each code once', () => {
    const codes = def.errors.map((e) => e.code);
    expect(codes.filter((c, i) => codes.indexOf(c) !== i)).toEqual([]);
  });

  test('gives every entry a valid status, title, one-line remedy, retry class, scope and source', () => {
    for (const entry of def.errors) {
      const where = `${id} ${entry.code}`;
      expect(typeof entry.code === 'number' ? 'number' : 'string', where).toBe(
        def.codeType === 'string-or-number' ? (typeof entry.code === 'number' ? 'number' : 'string') : def.codeType,
      );
      for (const status of entry.httpStatus) expect(status, where).toSatisfy((s: number) => s >= 100 && s <= 599);
      expect(entry.title.trim(), where).not.toBe('');
      expect(entry.remedy, where).toMatch(/^[^\n]{10,200}$/);
      expect(RETRY_CLASSES, where).toContain(entry.retry);
      expect(SCOPES, where).toContain(entry.scope ?? 'messaging');
      expect(entry.source, where).toMatch(/^(https:\/\/\S+|seeds\/\d{3}_[0-9a-f]+\.txt)/);
      if (entry.maps) {
        expect(MAPPED_APIS, where).toContain(entry.maps.api);
        expect(entry.maps.codes.length, where).toBeGreaterThan(0);
        for (const mapped of entry.maps.codes) expect(Number.isInteger(mapped), where).toBe(true);
        expect(entry.maps.source, where).toMatch(/^https:\/\/\S+$/);
      }
      if (entry.delivery !== undefined || entry.deliverySource !== undefined) {
        expect(DELIVERIES, where).toContain(entry.delivery);
        expect(entry.deliverySource, where).toMatch(/^https:\/\/\S+$/);
      }
    }
  });

  test('gives every error without a code a valid status, title, remedy, retry class, scope and source', () => {
    for (const entry of def.statusOnlyErrors ?? []) {
      const where = `${id} HTTP ${entry.httpStatus} ${entry.title}`;
      expect(entry.httpStatus, where).toSatisfy((s: number) => Number.isInteger(s) && s >= 400 && s <= 599);
      expect(entry.title.trim(), where).not.toBe('');
      expect(entry.remedy, where).toMatch(/^[^\n]{10,200}$/);
      expect(RETRY_CLASSES, where).toContain(entry.retry);
      expect(SCOPES, where).toContain(entry.scope ?? 'messaging');
      expect(entry.source, where).toMatch(/^https:\/\/\S+$/);
    }
    const titles = (def.statusOnlyErrors ?? []).map((e) => `${e.httpStatus} ${e.title}`);
    expect(titles.filter((t, i) => titles.indexOf(t) !== i)).toEqual([]);
  });

  test('says why for every retry class it uses, when it gives reasons', () => {
    if (!def.retryReasons) return;
    const used = new Set([...def.errors, ...(def.statusOnlyErrors ?? [])].map((e) => e.retry));
    for (const retry of used) expect(def.retryReasons[retry], `${id} ${retry}`).toMatch(/\S{3,}/);
    for (const retry of Object.keys(def.retryReasons)) expect(used, `${id} explains ${retry} but has no such code`).toContain(retry);
  });

  test('includes every code of the providers it passes through', () => {
    for (const other of def.passesThrough ?? []) {
      expect(PROVIDERS, `${id} passes through ${other}`).toContain(other);
      const passed = catalog[other as keyof typeof catalog].errors as readonly { code: unknown }[];
      const own = new Set(def.errors.map((e) => e.code));
      expect(passed.filter((e) => !own.has(e.code as string | number)).map((e) => e.code)).toEqual([]);
    }
  });

  test('describes its status webhook with sources and documented example codes', () => {
    const webhook = def.statusWebhook;
    if (!webhook) return;
    expect(webhook.sources.length).toBeGreaterThan(0);
    for (const source of webhook.sources) expect(source).toMatch(/^https:\/\/\S+$/);
    for (const code of webhook.notable) expect(def.errors.some((e) => e.code === code), `${id} ${code}`).toBe(true);
    expect(webhook.messageFields.length).toBeGreaterThan(0);
  });
});

describe('the providers added in issue 19', () => {
  test('each gives a reason for its retry classes', () => {
    for (const id of ['twilio', '360dialog', 'vonage', 'infobip', 'gupshup'] as const) expect(catalog[id].retryReasons, id).toBeDefined();
  });
});

describe('delivery (where a code arrives)', () => {
  test('every code a delivery group names is documented, once, and carries the group onto its entry', () => {
    const named = metaCloudDelivery.flatMap((group) => group.codes.map((code) => [code, group] as const));
    expect(new Set(named.map(([code]) => code)).size).toBe(named.length);
    for (const [code, group] of named) {
      const entry = catalog['meta-cloud'].errors.find((e) => e.code === code);
      expect(entry, String(code)).toMatchObject({ delivery: group.delivery, deliverySource: group.source });
    }
  });

  test('codes without evidence stay unset: 131047 has no delivery, 130429 arrives in both', () => {
    const find = (code: number) => catalog['meta-cloud'].errors.find((e) => e.code === code);
    expect(find(130429)).toMatchObject({ delivery: 'both' });
    expect(find(131047)).not.toHaveProperty('delivery');
    expect(catalog['meta-cloud'].statusWebhook.notable).toEqual([131047, 131026]);
  });

  test("Gupshup's codes, its own and Meta's passed through, all arrive in failed message events", () => {
    expect(catalog.gupshup.errors.length).toBeGreaterThan(100);
    for (const entry of catalog.gupshup.errors) expect(entry, String(entry.code)).toMatchObject({ delivery: 'webhook', deliverySource: 'https://docs.gupshup.io/docs/message-events' });
  });

  test('only Meta describes a status webhook', () => {
    expect(PROVIDERS.filter((id) => (catalog[id] as ProviderDefinition).statusWebhook)).toEqual(['meta-cloud']);
  });
});

describe('facts the rules rely on', () => {
  const find = (id: keyof typeof catalog, code: string | number) => (catalog[id].errors as readonly { code: unknown }[]).find((e) => e.code === code);

  test('Meta: numeric codes at error.code, statuses unreliable, 131047 never retried', () => {
    expect(catalog['meta-cloud']).toMatchObject({ codePath: 'error.code', codeType: 'number', statusReliable: false, hosts: ['graph.facebook.com'] });
    expect(find('meta-cloud', 131047)).toMatchObject({ retry: 'never', title: 'Re-engagement message' });
    expect(find('meta-cloud', 190)).toMatchObject({ retry: 'after-fix' });
    expect(find('meta-cloud', 130429)).toMatchObject({ retry: 'rate-limit' });
  });

  test('Meta: 131030 (test number, recipient not in its allowed list) is a messaging code fixed out of band; 200-299 is one permissions family', () => {
    expect(find('meta-cloud', 131030)).toMatchObject({ retry: 'after-fix', title: 'Recipient phone number not in allowed list', httpStatus: [], source: 'https://github.com/Neurotech-HQ/heyoo/issues/40' });
    expect((find('meta-cloud', 131030) as { scope?: string }).scope ?? 'messaging').toBe('messaging');
    expect(find('meta-cloud', 200)).toMatchObject({ rangeEnd: 299, retry: 'after-fix' });
  });

  test('Meta (audit): Marketing Messages API codes are not send codes; Flows and Block Users codes come from their own pages', () => {
    const scopeOf = (code: number) => (find('meta-cloud', code) as { scope?: string }).scope ?? 'messaging';
    for (const code of [131055, 132018, 134100, 134101, 134102, 1752041]) expect(scopeOf(code), String(code)).toBe('marketing-messages');
    expect(find('meta-cloud', 132069)).toMatchObject({ retry: 'after-fix', title: 'Flow is throttled' });
    for (const code of [139000, 139001, 139002, 139003, 139004, 139006]) {
      expect(find('meta-cloud', code)).toMatchObject({ scope: 'management', source: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/flows/reference/error-codes' });
    }
    for (const code of [139100, 139101, 139102, 139103]) {
      expect(find('meta-cloud', code)).toMatchObject({ scope: 'management', source: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/block-users' });
    }
    // the gateways that relay Meta's codes relay the audited entries too
    expect(catalog['360dialog'].errors.find((e) => e.code === 139100)).toMatchObject({ scope: 'management' });
  });

  test('CEQUENS: 470 is the 24-hour window', () => {
    expect(find('cequens', 470)).toMatchObject({ retry: 'never', title: 'Re-engagement message' });
    expect(catalog.cequens.codePath).toBe('errors[0].code');
  });

  test('wa-server: 409 is six codes; provider_rate_limit is retried by the provider', () => {
    expect(catalog['wa-server'].errors.filter((e) => (e.httpStatus as readonly number[]).includes(409)).map((e) => e.code)).toEqual([
      'conflict', 'device_not_connected', 'qr_reset_not_allowed', 'too_many_devices', 'client_outdated', 'logged_out',
    ]);
    expect(find('wa-server', 'provider_rate_limit')).toMatchObject({ retry: 'provider-retries' });
  });

  test('idempotency and retry-wait mechanisms', () => {
    expect(catalog.msgbubbles.idempotency).toEqual({ kind: 'header', name: 'Idempotency-Key' });
    expect(catalog.digiworld.idempotency).toEqual({ kind: 'body-field', name: 'idempotencyKey', aliases: ['idempotency_key'] });
    expect(catalog.connexease).toMatchObject({ codePath: 'errors.code', successFlag: 'isSuccess', retryAfter: { bodyPath: 'errors.params.retry_after' } });
    expect(find('msgbubbles', '*_failed')).toMatchObject({ httpStatus: [502, 503], retry: 'transient' });
  });
});

describe('facts of the gateway providers', () => {
  const find = (id: keyof typeof catalog, code: string | number) => (catalog[id].errors as readonly { code: unknown }[]).find((e) => e.code === code);

  test('Twilio: numeric code at body.code; 63016 is the 24-hour window, mapped from On-Premises 470', () => {
    expect(catalog.twilio).toMatchObject({ codePath: 'code', codeType: 'number', hosts: ['api.twilio.com'], sharedHosts: ['api.twilio.com'] });
    expect(find('twilio', 63016)).toMatchObject({ retry: 'never', httpStatus: [], maps: { api: 'meta-on-premises', codes: [470] } });
    expect(find('twilio', 21608)).toMatchObject({ retry: 'after-fix', httpStatus: [400] });
    expect(find('twilio', 63018)).toMatchObject({ retry: 'rate-limit', maps: { api: 'meta-on-premises', codes: [429, 471, 1015] } });
    expect(find('twilio', 20429)).toMatchObject({ retry: 'rate-limit', httpStatus: [429] });
    expect(find('twilio', 20003)).toMatchObject({ retry: 'after-fix', httpStatus: [401] });
    expect(find('twilio', 63037)).toMatchObject({ retry: 'provider-retries' });
    expect(find('twilio', 131047)).toBeUndefined();
    expect(catalog.twilio.errors.filter((e) => (e.httpStatus as readonly number[]).includes(400)).length).toBe(17);
    // the status callback: form-encoded, failed or undelivered, ErrorCode
    expect(catalog.twilio.statusCallback).toMatchObject({ encoding: 'form', statusPath: 'MessageStatus', failedStates: ['failed', 'undelivered'], codePath: 'ErrorCode' });
  });

  test('360dialog: Meta\'s codes, shared with meta-cloud, plus errors without a code', () => {
    expect(catalog['360dialog'].errors.map((e) => e.code)).toEqual(catalog['meta-cloud'].errors.map((e) => e.code));
    expect(catalog['360dialog']).toMatchObject({ codePath: 'error.code', statusReliable: false, passesThrough: ['meta-cloud'], hosts: ['waba-v2.360dialog.io'] });
    expect(catalog['360dialog'].statusOnlyErrors.filter((e) => e.httpStatus === 400).map((e) => e.retry)).toEqual(['after-fix', 'rate-limit', 'after-fix']);
  });

  test('Vonage: the code is the fragment of the RFC 7807 type', () => {
    expect(catalog.vonage).toMatchObject({ codePath: 'type', codeEncoding: 'url-fragment', codeType: 'string', statusReliable: false });
    expect(find('vonage', '1340')).toMatchObject({ retry: 'never', title: 'Outside of the allowed window' });
    expect(find('vonage', '1080')).toBeUndefined();
  });

  test('Infobip: one messageId per HTTP status', () => {
    expect(catalog.infobip.errors.map((e) => [e.code, e.httpStatus[0]])).toEqual([
      ['BAD_REQUEST', 400], ['UNAUTHORIZED', 401], ['TOO_MANY_REQUESTS', 429], ['GENERAL_ERROR', 500],
    ]);
    expect(catalog.infobip.whatsappPaths.map((p) => p.prefix)).toEqual(['/whatsapp/1/message/']);
  });

  test('Gupshup: codes of the failed event, its own first, then Meta\'s', () => {
    expect(catalog.gupshup).toMatchObject({ codePath: 'payload.payload.code', codeType: 'number', passesThrough: ['meta-cloud'] });
    expect(catalog.gupshup.errors.slice(0, 18).map((e) => e.code)).toEqual([500, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012, 4001, 4002, 4003, 4004, 4005]);
    expect(find('gupshup', 4001)).toMatchObject({ retry: 'after-fix' });
    expect(find('gupshup', 131047)).toMatchObject({ retry: 'never' });
    expect(catalog.gupshup.whatsappPaths.map((p) => p.prefix)).toEqual(['/wa/api/v1/']);
    // the failed message event carries the code at the catalog's own code path
    expect(catalog.gupshup.statusCallback).toMatchObject({ encoding: 'json', statusPath: 'payload.type', failedStates: ['failed'], codePath: 'payload.payload.code' });
  });
});

describe('parsePath', () => {
  test('splits dotted paths and array indexes', () => {
    expect(parsePath('errors[0].code')).toEqual(['errors', 0, 'code']);
    expect(parsePath('error')).toEqual(['error']);
    expect(parsePath('errors.params.retry_after')).toEqual(['errors', 'params', 'retry_after']);
  });

  test('rejects malformed paths', () => {
    expect(() => parsePath('errors[x].code')).toThrow("Invalid body path 'errors[x].code'");
  });
});
