/**
 * `settings['whatsapp-errors']`: which providers are on, extra hosts, env vars
 * and wrapper names that identify a provider, custom providers, and overrides
 * of a built-in provider's body shape. Validated once per settings object;
 * a bad value throws an error that names the key.
 */
import { catalog, PROVIDERS } from '../catalog/index.js';
import { parsePath } from '../catalog/lookup.js';
import { DELIVERIES, RETRY_CLASSES, SCOPES, type ErrorEntry, type ProviderDefinition } from '../catalog/schema.js';
import { createProviderInfo, type ProviderInfo } from './providers.js';
import { GRAPH_BASE_NAME_IN_TEXT } from './values.js';

export const SETTINGS_KEY = 'whatsapp-errors';

export interface ResolvedSettings {
  readonly providers: readonly ProviderInfo[];
  readonly byId: ReadonlyMap<string, ProviderInfo>;
  /** Host (lower case) → provider. */
  readonly hosts: ReadonlyMap<string, ProviderInfo>;
  /** Hosts that settings map to a provider: trusted without further evidence. */
  readonly mappedHosts: ReadonlySet<string>;
  readonly envVars: ReadonlyMap<string, ProviderInfo>;
  /** Names of functions declared elsewhere that send to a provider. */
  readonly wrappers: ReadonlyMap<string, ProviderInfo>;
  /** Cheap test of a file's text: does it mention anything that could reach a provider? */
  mentionsProvider(text: string): boolean;
}

export class SettingsError extends Error {
  constructor(path: string, problem: string) {
    super(`eslint-plugin-whatsapp-errors: invalid settings['${SETTINGS_KEY}']${path}: ${problem}`);
    this.name = 'SettingsError';
    // a configuration mistake, not a crash: no stack frames from inside the plugin
    this.stack = `${this.name}: ${this.message}`;
  }
}

const TOP_KEYS = ['providers', 'hosts', 'envVars', 'wrappers', 'customProviders', 'overrides'] as const;
const OVERRIDE_KEYS = ['hosts', 'codePath', 'codeType', 'messagePaths', 'successFlag', 'statusReliable'] as const;
const CODE_TYPES = ['string', 'number', 'string-or-number'] as const;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const show = (value: unknown): string => (typeof value === 'string' ? `'${value}'` : JSON.stringify(value) ?? String(value));

function expectRecord(value: unknown, path: string): Record<string, unknown> {
  if (!isRecord(value)) throw new SettingsError(path, `expected an object, got ${show(value)}`);
  return value;
}

function expectString(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new SettingsError(path, `expected a non-empty string, got ${show(value)}`);
  return value;
}

function expectBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new SettingsError(path, `expected true or false, got ${show(value)}`);
  return value;
}

function expectStringArray(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) throw new SettingsError(path, `expected an array of strings, got ${show(value)}`);
  return value.map((item, i) => expectString(item, `${path}[${i}]`));
}

function expectOneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new SettingsError(path, `expected one of ${allowed.join(', ')}, got ${show(value)}`);
  }
  return value as T;
}

function expectBodyPath(value: unknown, path: string): string {
  const text = expectString(value, path);
  try {
    parsePath(text);
  } catch {
    throw new SettingsError(path, `expected a body path such as 'error.code' or 'errors[0].code', got ${show(value)}`);
  }
  return text;
}

function rejectUnknownKeys(value: Record<string, unknown>, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw new SettingsError(`${path}.${key}`, `unknown key; expected one of ${allowed.join(', ')}`);
  }
}

function parseEntry(value: unknown, path: string, codeType: ProviderDefinition['codeType']): ErrorEntry {
  const raw = expectRecord(value, path);
  rejectUnknownKeys(raw, ['code', 'rangeEnd', 'httpStatus', 'title', 'remedy', 'retry', 'source', 'scope', 'delivery'], path);
  const code = raw['code'];
  const codeOk = codeType === 'string' ? typeof code === 'string' : codeType === 'number' ? Number.isInteger(code) : typeof code === 'string' || Number.isInteger(code);
  if (!codeOk || code === '') throw new SettingsError(`${path}.code`, `expected a ${codeType.replace(/-/g, ' ')} code, got ${show(code)}`);
  const httpStatus = raw['httpStatus'] ?? [];
  if (!Array.isArray(httpStatus) || !httpStatus.every((s) => Number.isInteger(s) && s >= 100 && s <= 599)) {
    throw new SettingsError(`${path}.httpStatus`, `expected an array of HTTP statuses (100-599), got ${show(httpStatus)}`);
  }
  if (raw['rangeEnd'] !== undefined && !Number.isInteger(raw['rangeEnd'])) {
    throw new SettingsError(`${path}.rangeEnd`, `expected an integer, got ${show(raw['rangeEnd'])}`);
  }
  return {
    code: code as string | number,
    httpStatus: httpStatus as number[],
    title: expectString(raw['title'], `${path}.title`),
    remedy: expectString(raw['remedy'], `${path}.remedy`),
    retry: expectOneOf(raw['retry'], RETRY_CLASSES, `${path}.retry`),
    source: raw['source'] === undefined ? 'settings' : expectString(raw['source'], `${path}.source`),
    ...(raw['scope'] === undefined ? {} : { scope: expectOneOf(raw['scope'], SCOPES, `${path}.scope`) }),
    ...(raw['rangeEnd'] === undefined ? {} : { rangeEnd: raw['rangeEnd'] as number }),
    ...(raw['delivery'] === undefined ? {} : { delivery: expectOneOf(raw['delivery'], DELIVERIES, `${path}.delivery`) }),
  };
}

function parseCustomProvider(value: unknown, path: string, taken: ReadonlySet<string>): ProviderDefinition {
  const raw = expectRecord(value, path);
  rejectUnknownKeys(
    raw,
    ['id', 'name', 'hosts', 'codePath', 'codeType', 'messagePaths', 'successFlag', 'retryAfter', 'idempotency', 'statusReliable', 'docs', 'notes', 'errors'],
    path,
  );
  const id = expectString(raw['id'], `${path}.id`);
  if (taken.has(id)) throw new SettingsError(`${path}.id`, `'${id}' is already a provider id; use overrides to change a built-in provider`);
  const codeType = raw['codeType'] === undefined ? 'string' : expectOneOf(raw['codeType'], CODE_TYPES, `${path}.codeType`);
  const rawErrors = raw['errors'] ?? [];
  if (!Array.isArray(rawErrors)) throw new SettingsError(`${path}.errors`, `expected an array of error entries, got ${show(raw['errors'])}`);
  const errors = rawErrors.map((entry, i) => parseEntry(entry, `${path}.errors[${i}]`, codeType));
  const def: ProviderDefinition = {
    id,
    name: raw['name'] === undefined ? id : expectString(raw['name'], `${path}.name`),
    hosts: expectStringArray(raw['hosts'] ?? [], `${path}.hosts`).map((h) => h.toLowerCase()),
    codePath: expectBodyPath(raw['codePath'], `${path}.codePath`),
    codeType,
    messagePaths: (raw['messagePaths'] === undefined ? [] : expectStringArray(raw['messagePaths'], `${path}.messagePaths`)).map((p, i) =>
      expectBodyPath(p, `${path}.messagePaths[${i}]`),
    ),
    statusReliable: raw['statusReliable'] === undefined ? true : expectBoolean(raw['statusReliable'], `${path}.statusReliable`),
    docs: raw['docs'] === undefined ? '' : expectString(raw['docs'], `${path}.docs`),
    errors,
    ...(raw['successFlag'] === undefined ? {} : { successFlag: expectBodyPath(raw['successFlag'], `${path}.successFlag`) }),
  };
  let idempotency: ProviderDefinition['idempotency'];
  if (raw['idempotency'] !== undefined) {
    const idem = expectRecord(raw['idempotency'], `${path}.idempotency`);
    const kind = expectOneOf(idem['kind'], ['header', 'body-field'] as const, `${path}.idempotency.kind`);
    idempotency = { kind, name: expectString(idem['name'], `${path}.idempotency.name`) };
  }
  let retryAfter: ProviderDefinition['retryAfter'];
  if (raw['retryAfter'] !== undefined) {
    const wait = expectRecord(raw['retryAfter'], `${path}.retryAfter`);
    retryAfter = {
      ...(wait['bodyPath'] === undefined ? {} : { bodyPath: expectBodyPath(wait['bodyPath'], `${path}.retryAfter.bodyPath`) }),
      ...(wait['header'] === undefined ? {} : { header: expectString(wait['header'], `${path}.retryAfter.header`) }),
    };
  }
  return { ...def, ...(idempotency ? { idempotency } : {}), ...(retryAfter ? { retryAfter } : {}) };
}

function applyOverride(def: ProviderDefinition, value: unknown, path: string): ProviderDefinition {
  const raw = expectRecord(value, path);
  rejectUnknownKeys(raw, OVERRIDE_KEYS, path);
  return {
    ...def,
    ...(raw['hosts'] === undefined ? {} : { hosts: expectStringArray(raw['hosts'], `${path}.hosts`).map((h) => h.toLowerCase()) }),
    ...(raw['codePath'] === undefined ? {} : { codePath: expectBodyPath(raw['codePath'], `${path}.codePath`) }),
    ...(raw['codeType'] === undefined ? {} : { codeType: expectOneOf(raw['codeType'], CODE_TYPES, `${path}.codeType`) }),
    ...(raw['messagePaths'] === undefined
      ? {}
      : { messagePaths: expectStringArray(raw['messagePaths'], `${path}.messagePaths`).map((p, i) => expectBodyPath(p, `${path}.messagePaths[${i}]`)) }),
    ...(raw['successFlag'] === undefined ? {} : { successFlag: expectBodyPath(raw['successFlag'], `${path}.successFlag`) }),
    ...(raw['statusReliable'] === undefined ? {} : { statusReliable: expectBoolean(raw['statusReliable'], `${path}.statusReliable`) }),
  };
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Text that marks a file as worth analysing even when it names no host. */
const ALWAYS_MENTIONS = [
  'messaging_product',
  'whatsapp_business_account',
  'whatsapp-errors/catalog',
  'whatsapp-api-js',
  '@great-detail/whatsapp',
  "'whatsapp-cloud-api'",
  '"whatsapp-cloud-api"',
  "'whatsapp'",
  '"whatsapp"',
  // the SDKs of gateways that also serve SMS (their sends count only with WhatsApp evidence)
  "'twilio'",
  '"twilio"',
  'getTwilioClient', // Twilio Functions' client, with no import
  '@vonage/server-sdk',
  '@vonage/messages',
  '@infobip-api/sdk',
  // Cloud API paths and ids that say WhatsApp where no host is written (a base URL from the environment)
  'message_templates',
  'whatsapp_business_profile',
  'phone_number_id',
  'phoneNumberId',
];

/**
 * A status webhook handler that names none of the above: it reads `statuses`
 * and either walks Meta's `changes` or names WhatsApp (a route, a function).
 * Two word tests, only run when the needles above miss.
 */
const STATUSES = /\bstatuses\b/;
const STATUS_CONTEXT = /\bchanges\b|whats_?app/i;
/** The Cloud API webhook's path to the messages (`entry[].changes[].value.messages`), read without the statuses. */
const WEBHOOK_MESSAGES = [/\bmessages\b/, /\bchanges\b/, /\bentry\b/];

export function parseSettings(value: unknown): ResolvedSettings {
  const raw = value === undefined ? {} : expectRecord(value, '');
  rejectUnknownKeys(raw, TOP_KEYS, '');

  const definitions = new Map<string, ProviderDefinition>(PROVIDERS.map((id) => [id, catalog[id]]));
  if (raw['overrides'] !== undefined) {
    for (const [id, override] of Object.entries(expectRecord(raw['overrides'], '.overrides'))) {
      const def = definitions.get(id);
      if (!def) throw new SettingsError(`.overrides.${id}`, `unknown provider; expected one of ${[...definitions.keys()].join(', ')}`);
      definitions.set(id, applyOverride(def, override, `.overrides.${id}`));
    }
  }
  if (raw['customProviders'] !== undefined) {
    if (!Array.isArray(raw['customProviders'])) throw new SettingsError('.customProviders', `expected an array, got ${show(raw['customProviders'])}`);
    raw['customProviders'].forEach((item, i) => {
      const def = parseCustomProvider(item, `.customProviders[${i}]`, new Set(definitions.keys()));
      definitions.set(def.id, def);
    });
  }

  const known = [...definitions.keys()];
  const enabled = raw['providers'] === undefined ? known : expectStringArray(raw['providers'], '.providers');
  enabled.forEach((id, i) => {
    if (!definitions.has(id)) throw new SettingsError(`.providers[${i}]`, `unknown provider '${id}'; expected one of ${known.join(', ')}`);
  });
  const providers = [...new Set(enabled)].map((id) => createProviderInfo(definitions.get(id)!));
  const byId = new Map(providers.map((p) => [p.id, p]));

  const mapping = (key: 'hosts' | 'envVars' | 'wrappers'): Map<string, ProviderInfo> => {
    const result = new Map<string, ProviderInfo>();
    if (raw[key] === undefined) return result;
    for (const [name, id] of Object.entries(expectRecord(raw[key], `.${key}`))) {
      const path = `.${key}['${name}']`;
      if (typeof id !== 'string' || !definitions.has(id)) throw new SettingsError(path, `unknown provider ${show(id)}; expected one of ${known.join(', ')}`);
      const provider = byId.get(id);
      if (provider) result.set(key === 'hosts' ? name.toLowerCase() : name, provider);
    }
    return result;
  };
  const hosts = new Map<string, ProviderInfo>();
  for (const provider of providers) for (const host of provider.def.hosts) hosts.set(host.toLowerCase(), provider);
  const mappedHosts = mapping('hosts');
  for (const [host, provider] of mappedHosts) hosts.set(host, provider);
  const envVars = mapping('envVars');
  const wrappers = mapping('wrappers');

  const paths = providers.flatMap((provider) => (provider.def.whatsappPaths ?? []).map((path) => path.prefix));
  // status callbacks name no host: their fields (`MessageStatus`) or event type (`message-event`)
  const callbacks = providers.flatMap((provider) => provider.def.statusCallback?.textMarkers ?? []);
  // a callback that names its event in a field of its own is also known by the provider's name (a route, a class), where
  // a handler never names the status event it drops (see callback-events.ts)
  const eventCallbacks = providers.filter((provider) => provider.def.statusCallback?.eventType).map((provider) => provider.id);
  const needles = [...hosts.keys(), ...paths, ...callbacks, ...eventCallbacks, ...envVars.keys(), ...wrappers.keys(), ...ALWAYS_MENTIONS];
  // an env var or config key the analysis reads as the Cloud API's base URL (`WHATSAPP_CLOUD_API_URL`, `META_GRAPH_URL`)
  const names = byId.has('meta-cloud') ? [GRAPH_BASE_NAME_IN_TEXT] : [];
  const mention = new RegExp([...needles.map(escapeRegExp), ...names].join('|'), 'i');
  const mentionsProvider = (text: string): boolean =>
    providers.length > 0 &&
    (mention.test(text) || (byId.has('meta-cloud') && ((STATUSES.test(text) && STATUS_CONTEXT.test(text)) || WEBHOOK_MESSAGES.every((word) => word.test(text)))));
  return {
    providers,
    byId,
    hosts,
    mappedHosts: new Set(mappedHosts.keys()),
    envVars,
    wrappers,
    mentionsProvider,
  };
}

const cache = new WeakMap<object, ResolvedSettings>();
let defaults: ResolvedSettings | undefined;

/** The resolved settings of a lint run, parsed once per settings object. */
export function resolveSettings(settings: Readonly<Record<string, unknown>> | undefined): ResolvedSettings {
  const value = settings?.[SETTINGS_KEY];
  if (value === undefined) return (defaults ??= parseSettings(undefined));
  if (typeof value !== 'object' || value === null) return parseSettings(value);
  let resolved = cache.get(value);
  if (!resolved) {
    resolved = parseSettings(value);
    cache.set(value, resolved);
  }
  return resolved;
}
