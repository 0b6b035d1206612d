import { describe, expect, test } from 'vitest';
import { catalog, PROVIDERS, RETRY_CLASSES, SCOPES, type ProviderDefinition } from '../../src/catalog/index.js';
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

  test('names only documented codes as notable', () => {
    for (const code of def.notable ?? []) expect(def.errors.some((e) => e.code === code), `${id} ${code}`).toBe(true);
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
    }
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
