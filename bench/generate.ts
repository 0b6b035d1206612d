/**
 * Generates a realistic TypeScript codebase for the benchmark, in three variants:
 * - `ordinary`: mostly ordinary application code (services, repositories,
 *   utilities, DTOs), and a few percent of modules that talk to WhatsApp
 *   providers in the styles real code uses (fetch, axios instances, retries,
 *   dispatches on the error code), each with a caller in the next file;
 * - `provider-heavy`: a gateway's own code base, where most files call a
 *   provider (Cloud API, Twilio, Vonage, Infobip, Gupshup, wa-server,
 *   MsgBubbles, Digiworld; fetch, axios, got; retries, dispatches on codes,
 *   status webhooks) and the rest route between them;
 * - `spread`: provider code spread over files as apps write it: one config
 *   module (base URLs from the environment with literal fallbacks), and per
 *   feature folder an HTTP module (an axios instance and a generic
 *   `request(url, init)` layer), wrapper modules, an `index.ts` re-exporting
 *   them, jobs and services importing the wrappers (by relative path and by a
 *   tsconfig `paths` alias, chains of two to four imports), a payments client
 *   using the same layer for another API, and ordinary modules, a third of
 *   which import the config.
 * Deterministic: the same size and variant give the same files.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const VARIANTS = ['ordinary', 'provider-heavy', 'spread'] as const;
export type Variant = (typeof VARIANTS)[number];

/**
 * What a generated file is to the plugin: `plain` names no provider and
 * imports nothing that reaches one, `importer` names none but imports a file
 * that does, `provider` names one itself.
 */
export type Role = 'plain' | 'importer' | 'provider';

export interface GeneratedFile {
  readonly path: string;
  readonly role: Role;
}

/** A small deterministic random generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ENTITIES = ['Order', 'Customer', 'Invoice', 'Shipment', 'Product', 'Ticket', 'Payment', 'Subscription', 'Coupon', 'Review'];

/**
 * An ordinary module; it imports the previous one (`previous`, its specifier)
 * when that is ordinary too (short chains, as in real code), and in the
 * spread variant sometimes the app's config (`config`, its specifier).
 */
function ordinaryModule(index: number, next: () => number, previous: string | undefined, config?: string): string {
  const entity = ENTITIES[index % ENTITIES.length]!;
  const name = `${entity}${index}`;
  const fields = ['id', 'createdAt', 'status', 'total', 'ownerId', 'notes'].slice(0, 3 + Math.floor(next() * 4));
  const imports =
    (previous ? `import { format${ENTITIES[(index - 1) % ENTITIES.length]}${index - 1} } from '${previous}';\n` : '') +
    (config ? `import { features } from '${config}';\n` : '');
  return `${imports}
export interface ${name} {
${fields.map((f) => `  ${f}: ${f === 'total' ? 'number' : f === 'createdAt' ? 'Date' : 'string'};`).join('\n')}
}

export type ${name}Filter = Partial<Pick<${name}, ${fields.map((f) => `'${f}'`).join(' | ')}>>;

const cache = new Map<string, ${name}>();

export function format${name}(item: ${name}): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(item)) {
    if (value === undefined || value === null) continue;
    parts.push(\`\${key}=\${value instanceof Date ? value.toISOString() : String(value)}\`);
  }
  return parts.join(', ');
}

export class ${name}Repository {
  private readonly items: ${name}[] = [];

  add(item: ${name}): void {
    this.items.push(item);
    cache.set(item.id, item);
  }

  find(filter: ${name}Filter): ${name}[] {
    return this.items.filter((item) =>
      (Object.keys(filter) as (keyof ${name})[]).every((key) => filter[key] === undefined || item[key] === filter[key]),
    );
  }

  get(id: string): ${name} | undefined {
    return cache.get(id) ?? this.items.find((item) => item.id === id);
  }

  remove(id: string): boolean {
    const at = this.items.findIndex((item) => item.id === id);
    if (at === -1) return false;
    this.items.splice(at, 1);
    cache.delete(id);
    return true;
  }
}

export async function process${name}s(repository: ${name}Repository, ids: readonly string[]): Promise<number> {
  let processed = 0;
  for (const id of ids) {
    const item = repository.get(id);
    if (!item) continue;
    try {
      await new Promise((resolve) => setTimeout(resolve, 0));
      processed += 1;
    } catch (error) {
      console.error('could not process', id, error);
    }
  }
  return processed;
}

export function summarise${name}s(items: readonly ${name}[]): Record<string, number> {
  const summary: Record<string, number> = {};
  for (const item of items) {
    const key = String(${fields.includes('status') ? 'item.status' : 'item.id'});
    summary[key] = (summary[key] ?? 0) + 1;
  }
  return summary;
}
${previous ? `\nexport const describePrevious = format${ENTITIES[(index - 1) % ENTITIES.length]}${index - 1};\n` : ''}${config ? `\nexport const ${name[0]!.toLowerCase()}${name.slice(1)}Enabled = () => features.${entity.toLowerCase()}s !== false;\n` : ''}`;
}

/** A module that uses the provider module before it through its exported wrapper. */
function callerModule(index: number, wrapper: string): string {
  return `import { ${wrapper} } from './module${index - 1}.js';

export async function deliver${index}(ids: readonly string[]) {
  const results: unknown[] = [];
  for (const id of ids) {
    results.push(await ${wrapper}('123', id, 'hello'));
  }
  return results;
}
`;
}

const WRAPPER_NAMES = ['sendTemplate', 'notify', 'sendToDevice'];

const PROVIDER_MODULES = [
  (i: number) => `import axios from 'axios';

const GRAPH = 'https://graph.facebook.com/v21.0';
const http = axios.create({ baseURL: GRAPH, timeout: 10_000 });

export async function sendTemplate${i}(phoneId: string, to: string, name: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const { data } = await http.post(\`/\${phoneId}/messages\`, { messaging_product: 'whatsapp', to, type: 'template', template: { name, language: { code: 'en' } } });
      return data.messages[0].id as string;
    } catch (err) {
      const code = err.response?.data?.error?.code;
      switch (code) {
        case 131047:
          throw new Error('template required');
        case 130429:
          await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
          break;
        default:
      }
    }
  }
  return undefined;
}
`,
  (i: number) => `export async function notify${i}(token: string, to: string, text: string) {
  const res = await fetch(\`https://api.msgbubbles.com/v1/messages\`, {
    method: 'POST',
    headers: { Authorization: \`Bearer \${token}\`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ to, text, channel: 'whatsapp' }),
  });
  if (res.status === 409) return 'conflict';
  const body = await res.json();
  if (body.error === 'rate_limit') return 'later';
  return body.data.id;
}
`,
  (i: number) => `import got from 'got';

const wa = got.extend({ prefixUrl: 'https://wa.sagad.net' });

export async function sendToDevice${i}(device: string, to: string, text: string) {
  try {
    return await wa.post(\`devices/\${device}/messages\`, { json: { to, type: 'text', text } }).json();
  } catch (error) {
    const body = JSON.parse(error.response?.body ?? '{}');
    if (body.error?.code === 'device_not_connected') return { relink: true };
    throw new Error('WhatsApp send failed: ' + error.message);
  }
}
`,
];

/** Writes a file, creating its folder. */
function write(dir: string, path: string, text: string): string {
  const file = join(dir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

function writeTsconfig(dir: string, paths: boolean): void {
  const compilerOptions = {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    lib: ['ES2023', 'DOM'],
    types: [],
    ...(paths ? { module: 'ESNext', moduleResolution: 'Bundler', baseUrl: '.', paths: { '@/*': ['src/*'] } } : {}),
  };
  write(dir, 'tsconfig.json', JSON.stringify({ compilerOptions, include: ['src'] }, null, 2));
}

function ordinary(dir: string, count: number, providerShare: number): GeneratedFile[] {
  const next = random(count);
  const every = Math.max(1, Math.round(1 / providerShare));
  const files: GeneratedFile[] = [];
  const isProvider = (i: number) => i % every === every - 1;
  for (let i = 0; i < count; i++) {
    const path = `src/module${i}.ts`;
    if (isProvider(i)) {
      files.push({ path: write(dir, path, PROVIDER_MODULES[i % PROVIDER_MODULES.length]!(i)), role: 'provider' });
    } else if (i > 0 && isProvider(i - 1)) {
      files.push({ path: write(dir, path, callerModule(i, `${WRAPPER_NAMES[(i - 1) % WRAPPER_NAMES.length]}${i - 1}`)), role: 'importer' });
    } else {
      const importsPrevious = i > 0 && i % 4 !== 0 && !isProvider(i - 1) && !(i > 1 && isProvider(i - 2));
      files.push({ path: write(dir, path, ordinaryModule(i, next, importsPrevious ? `./module${i - 1}.js` : undefined)), role: 'plain' });
    }
  }
  return files;
}

// ---------------------------------------------------------------------------
// provider-heavy: a gateway's own code base

/** Modules of a messaging gateway; `i` makes every name unique. Each names its provider. */
const GATEWAY_MODULES: readonly ((i: number) => string)[] = [
  ...PROVIDER_MODULES,
  // Cloud API with fetch, a same-file predicate deciding the retry, an unknown code
  (i) => `const GRAPH_URL = 'https://graph.facebook.com/v21.0';
const RETRYABLE = new Set([130429, 131000, 131016]);

function isRetryable${i}(code: number | undefined): boolean {
  return code !== undefined && RETRYABLE.has(code);
}

export async function sendText${i}(phoneNumberId: string, token: string, to: string, body: string) {
  for (let attempt = 1; attempt <= 4; attempt++) {
    const res = await fetch(\`\${GRAPH_URL}/\${phoneNumberId}/messages\`, {
      method: 'POST',
      headers: { Authorization: \`Bearer \${token}\`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text: { body } }),
    });
    const payload = await res.json();
    if (res.ok) return payload.messages[0].id as string;
    const code = payload.error?.code;
    if (code === 131074) return sendFallback${i}(to);
    if (!isRetryable${i}(code)) throw Object.assign(new Error(payload.error?.message), { code });
    await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
  }
  return undefined;
}

async function sendFallback${i}(to: string) {
  return \`queued:\${to}\`;
}
`,
  // Twilio's Messages API with a form body, branching on codes
  (i) => `const TWILIO = 'https://api.twilio.com/2010-04-01';

export async function sendWhatsApp${i}(accountSid: string, authToken: string, from: string, to: string, text: string) {
  const form = new URLSearchParams({ From: \`whatsapp:\${from}\`, To: \`whatsapp:\${to}\`, Body: text });
  const res = await fetch(\`\${TWILIO}/Accounts/\${accountSid}/Messages.json\`, {
    method: 'POST',
    headers: { Authorization: \`Basic \${btoa(\`\${accountSid}:\${authToken}\`)}\`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form,
  });
  const body = await res.json();
  if (!res.ok) {
    if (body.code === 21211 || body.code === 21614) return { invalidRecipient: true };
    if (body.code === 20429) return { retryAfter: 1000 };
    throw new Error(\`Twilio error \${body.code}: \${body.message}\`);
  }
  return { sid: body.sid as string };
}
`,
  // Vonage Messages API with axios, branching on the HTTP status
  (i) => `import axios from 'axios';

const vonage = axios.create({ baseURL: 'https://api.nexmo.com', timeout: 8000 });

export async function sendVonage${i}(jwt: string, from: string, to: string, text: string) {
  try {
    const { data } = await vonage.post('/v1/messages', { channel: 'whatsapp', message_type: 'text', from, to, text }, { headers: { Authorization: \`Bearer \${jwt}\` } });
    return data.message_uuid as string;
  } catch (err) {
    if (err.response?.status === 402) return 'low-balance';
    if (err.response?.status === 401) throw new Error('renew the Vonage token');
    throw err;
  }
}
`,
  // Infobip with fetch: a status test where the error's messageId decides
  (i) => `export async function sendInfobip${i}(apiKey: string, sender: string, to: string, text: string) {
  const res = await fetch('https://api.infobip.com/whatsapp/1/message/text', {
    method: 'POST',
    headers: { Authorization: \`App \${apiKey}\`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ from: sender, to, content: { text } }),
  });
  if (res.status === 429) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return sendInfobip${i}(apiKey, sender, to, text);
  }
  const body = await res.json();
  return body.messageId as string;
}
`,
  // Cloud API status webhook that tracks delivery but not failures
  (i) => `interface Store${i} {
  markDelivered(id: string): Promise<void>;
  markRead(id: string): Promise<void>;
}

export async function handleWebhook${i}(body: { entry: { changes: { value: { statuses?: { id: string; status: string }[] } }[] }[] }, store: Store${i}) {
  for (const entry of body.entry) {
    for (const change of entry.changes) {
      for (const status of change.value.statuses ?? []) {
        if (status.status === 'delivered') await store.markDelivered(status.id);
        else if (status.status === 'read') await store.markRead(status.id);
      }
    }
  }
}
`,
  // Digiworld with axios: a retry without an idempotency key
  (i) => `import axios from 'axios';

export async function sendDigichat${i}(token: string, phone: string, text: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await axios.post(\`https://digichat.digiworld-dev.com/api/whatsapp/\${token}/sendMessage\`, { phone, message: text });
    } catch (err) {
      if (attempt >= 3) throw err;
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
    }
  }
}
`,
  // Gupshup with fetch, deciding on the reason text
  (i) => `export async function sendGupshup${i}(apiKey: string, source: string, destination: string, text: string) {
  const res = await fetch('https://api.gupshup.io/wa/api/v1/msg', {
    method: 'POST',
    headers: { apikey: apiKey, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ channel: 'whatsapp', source, destination, message: JSON.stringify({ type: 'text', text }) }),
  });
  const body = await res.json();
  if (body.status === 'error') {
    if (String(body.message).includes('rate')) return { later: true };
    throw new Error(body.message);
  }
  return { id: body.messageId as string };
}
`,
  // wa-server with fetch: the response read without a check
  (i) => `export async function sendDevice${i}(apiKey: string, device: string, jid: string, text: string) {
  const res = await fetch(\`https://wa.sagad.net/api/v1/devices/\${device}/messages\`, {
    method: 'POST',
    headers: { Authorization: \`Bearer \${apiKey}\`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ jid, text }),
  });
  const data = await res.json();
  return data.id as string;
}
`,
];

/** The name of the function each gateway module exports (same order as GATEWAY_MODULES). */
const GATEWAY_EXPORTS = ['sendTemplate', 'notify', 'sendToDevice', 'sendText', 'sendWhatsApp', 'sendVonage', 'sendInfobip', 'handleWebhook', 'sendDigichat', 'sendGupshup', 'sendDevice'];

/** Which gateway module file `i` of the provider-heavy variant holds: the kinds cycle over all templates. */
function gatewayKind(i: number): number {
  return (Math.floor(i / 20) * 17 + (i % 20)) % GATEWAY_MODULES.length;
}

/** A router that picks a provider module by channel: names no provider, imports two modules that do. */
function routerModule(index: number, a: number, b: number): string {
  const fa = `${GATEWAY_EXPORTS[gatewayKind(a)]}${a}`;
  const fb = `${GATEWAY_EXPORTS[gatewayKind(b)]}${b}`;
  return `import { ${fa} } from './module${a}.js';
import { ${fb} } from './module${b}.js';

export type Channel${index} = 'primary' | 'fallback';

export async function route${index}(channel: Channel${index}, args: readonly unknown[]) {
  try {
    switch (channel) {
      case 'primary':
        return await ${fa}(...(args as Parameters<typeof ${fa}>));
      default:
        return await ${fb}(...(args as Parameters<typeof ${fb}>));
    }
  } catch (error) {
    console.error('route ${index} failed', error);
    return undefined;
  }
}
`;
}

/** Out of every 20 files: 17 provider modules, 2 routers over them, 1 ordinary module. */
function providerHeavy(dir: string, count: number): GeneratedFile[] {
  const next = random(count);
  const files: GeneratedFile[] = [];
  for (let i = 0; i < count; i++) {
    const path = `src/module${i}.ts`;
    const slot = i % 20;
    if (slot < 17) {
      files.push({ path: write(dir, path, GATEWAY_MODULES[gatewayKind(i)]!(i)), role: 'provider' });
    } else if (slot === 17) {
      files.push({ path: write(dir, path, routerModule(i, i - 1, i - 5)), role: 'importer' });
    } else if (slot === 18) {
      files.push({ path: write(dir, path, routerModule(i, i - 2, i - 9)), role: 'importer' });
    } else {
      files.push({ path: write(dir, path, ordinaryModule(i, next, undefined)), role: 'plain' });
    }
  }
  return files;
}

// ---------------------------------------------------------------------------
// spread: provider code over config, client, wrapper, index, job and service files

const DOMAINS = ['checkout', 'support', 'marketing', 'shipping', 'accounts'];
/** Files per feature folder (whole folders keep the mix the same at every size). */
export const SPREAD_FOLDER_SIZE = 50;

const CONFIG_WHATSAPP = `// Provider settings: every URL from the environment, with the production default.
export default {
  whatsapp: {
    baseUrl: process.env.WHATSAPP_API_URL ?? 'https://graph.facebook.com/v21.0',
    phoneNumberId: process.env.WHATSAPP_PHONE_NUMBER_ID ?? '',
    businessAccountId: process.env.WHATSAPP_BUSINESS_ACCOUNT_ID ?? '',
    token: process.env.WHATSAPP_TOKEN ?? '',
  },
  gateway: {
    baseUrl: process.env.WA_GATEWAY_URL ?? 'https://wa.sagad.net/api/v1',
    apiKey: process.env.WA_GATEWAY_KEY ?? '',
  },
};
`;

const CONFIG_INDEX = `// The application's configuration, imported everywhere.
export { default as settings } from './whatsapp';

export const payments = {
  baseUrl: process.env.PAYMENTS_URL ?? 'https://api.stripe.com/v1',
  key: process.env.PAYMENTS_KEY ?? '',
};

export const features: Record<string, boolean> = {
${ENTITIES.map((e) => `  ${e.toLowerCase()}s: process.env.DISABLE_${e.toUpperCase()}S !== '1',`).join('\n')}
};
`;

/** The folder's HTTP module: an axios instance for the Cloud API and a generic layer whose URL is a parameter. */
const httpModule = () => `import axios from 'axios';
import { settings } from '@/config';

export const graph = axios.create({
  baseURL: settings.whatsapp.baseUrl,
  timeout: 10_000,
  headers: { Authorization: \`Bearer \${settings.whatsapp.token}\` },
});

export async function request<T>(url: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(url, { ...init, headers: { 'Content-Type': 'application/json', ...init.headers } });
  if (!res.ok) {
    throw new Error(\`Request failed with HTTP \${res.status}\`);
  }
  return (await res.json()) as T;
}
`;

/** Wrappers over both clients; they name the Cloud API by their payload. */
const messagesModule = () => `import { graph, request } from '../http';
import { settings } from '@/config/index.js';

export async function sendText(to: string, text: string) {
  const { data } = await graph.post(\`/\${settings.whatsapp.phoneNumberId}/messages\`, {
    messaging_product: 'whatsapp',
    to,
    type: 'text',
    text: { body: text },
  });
  return data.messages[0].id as string;
}

export async function sendTemplate(to: string, name: string, language = 'en') {
  return request<{ messages: { id: string }[] }>(\`\${settings.whatsapp.baseUrl}/\${settings.whatsapp.phoneNumberId}/messages\`, {
    method: 'POST',
    body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'template', template: { name, language: { code: language } } }),
  });
}
`;

/** Templates through the instance; its catch drops the provider's code. */
const templatesModule = () => `import { graph } from '../http.js';
import { settings } from '@/config';

export async function listTemplates() {
  try {
    const { data } = await graph.get(\`/\${settings.whatsapp.businessAccountId}/message_templates\`);
    return data.data as { name: string; status: string }[];
  } catch (err) {
    throw new Error(\`Could not list templates: \${(err as Error).message}\`);
  }
}
`;

const whatsappIndex = () => `export * from './messages';
export { listTemplates as templates } from './templates.js';
`;

/** A gateway (wa-server) through the generic layer; the host is only in the config. */
const gatewayModule = () => `import { request } from './http';
import { settings } from '@/config';

export async function sendToDevice(device: string, jid: string, text: string) {
  return request<{ id: string }>(\`\${settings.gateway.baseUrl}/devices/\${device}/messages\`, {
    method: 'POST',
    headers: { Authorization: \`Bearer \${settings.gateway.apiKey}\` },
    body: JSON.stringify({ jid, text }),
  });
}
`;

/** Another API through the same layer: not a provider call. */
const paymentsModule = () => `import { request } from './http';
import { payments } from '@/config';

export async function charge(customer: string, amount: number) {
  return request<{ id: string; status: string }>(\`\${payments.baseUrl}/charges\`, {
    method: 'POST',
    headers: { Authorization: \`Bearer \${payments.key}\` },
    body: JSON.stringify({ customer, amount, currency: 'eur' }),
  });
}
`;

/** A status webhook tracking delivery and reads, not failures. */
const webhookModule = (folder: string) => `type Status = { id: string; status: string; timestamp: string };

export async function on${folder[0]!.toUpperCase()}${folder.slice(1)}Statuses(body: { entry: { changes: { value: { statuses?: Status[] } }[] }[] }, mark: (id: string, state: string) => Promise<void>) {
  for (const entry of body.entry) {
    for (const change of entry.changes) {
      for (const status of change.value.statuses ?? []) {
        if (status.status === 'delivered' || status.status === 'read') await mark(status.id, status.status);
      }
    }
  }
}
`;

/** A service over the wrappers (imported by relative path, through index.ts). */
const serviceModule = (folder: string, j: number) => `import { sendText, templates } from '../whatsapp';

export async function notifyCustomer${j}(phone: string, orderId: string) {
  const known = await templates();
  const text = known.some((t) => t.name === 'order_update') ? \`Order \${orderId} was updated\` : \`Update on \${orderId}\`;
  return sendText(phone, text);
}

export const ${folder}Service${j} = { notifyCustomer: notifyCustomer${j} };
`;

/** Jobs: five shapes over the wrappers, the gateway and the services (alias and relative imports). */
const JOBS: readonly ((folder: string, j: number) => string)[] = [
  // a blind retry of a wrapper imported through the alias and index.ts
  (folder, j) => `import { sendText } from '@/${folder}/whatsapp';

export async function remind${j}(phone: string, text: string) {
  for (let attempt = 1; attempt <= 5; attempt++) {
    try {
      return await sendText(phone, text);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, attempt * 1000));
    }
  }
  return undefined;
}
`,
  // a dispatch on the Cloud API code of a wrapper's axios error
  (folder, j) => `import { sendText } from '@/${folder}/whatsapp/index.js';

export async function confirm${j}(phone: string, orderId: string) {
  try {
    return await sendText(phone, \`Order \${orderId} confirmed\`);
  } catch (err: any) {
    switch (err.response?.data?.error?.code) {
      case 131047:
        return 'needs-template';
      case 130429:
        return 'later';
      default:
        throw err;
    }
  }
}
`,
  // the gateway through the generic layer, handled: nothing to report
  (folder, j) => `import { sendToDevice } from '../gateway';

export async function broadcast${j}(device: string, jids: readonly string[], text: string) {
  const sent: string[] = [];
  for (const jid of jids) {
    const { id } = await sendToDevice(device, jid, text);
    sent.push(id);
  }
  return sent;
}
`,
  // a service imported in turn (job → service → index.ts → wrappers → http → config), retried blindly
  (folder, j) => `import { notifyCustomer${Math.floor(j / 5)} } from '../services/notify${Math.floor(j / 5)}';

export async function nudge${j}(phone: string, orderId: string) {
  let attempts = 0;
  while (attempts < 3) {
    try {
      return await notifyCustomer${Math.floor(j / 5)}(phone, orderId);
    } catch {
      attempts++;
    }
  }
  return undefined;
}
`,
  // a template send whose error is rethrown without its code
  (folder, j) => `import { sendTemplate } from '@/${folder}/whatsapp';

export async function welcome${j}(phone: string) {
  try {
    return await sendTemplate(phone, 'welcome');
  } catch (error) {
    throw new Error('welcome message failed: ' + (error as Error).message);
  }
}
`,
];

/** Billing code using the payments client (another API through the same layer). */
const billingModule = (j: number) => `import { charge } from '../payments';

export async function settle${j}(customer: string, cents: readonly number[]) {
  const total = cents.reduce((sum, c) => sum + c, 0);
  const result = await charge(customer, total);
  if (result.status !== 'succeeded') throw new Error(\`charge \${result.id} is \${result.status}\`);
  return result.id;
}
`;

function spread(dir: string, count: number): GeneratedFile[] {
  const next = random(count);
  const files: GeneratedFile[] = [];
  const add = (path: string, text: string, role: Role): boolean => {
    if (files.length >= count) return false;
    files.push({ path: write(dir, path, text), role });
    return true;
  };
  add('src/config/whatsapp.ts', CONFIG_WHATSAPP, 'provider');
  add('src/config/index.ts', CONFIG_INDEX, 'importer');
  let index = 0;
  for (let k = 0; files.length < count; k++) {
    const folder = `${DOMAINS[k % DOMAINS.length]}${k}`;
    const at = (path: string) => `src/${folder}/${path}`;
    add(at('http.ts'), httpModule(), 'importer');
    add(at('whatsapp/messages.ts'), messagesModule(), 'provider');
    add(at('whatsapp/templates.ts'), templatesModule(), 'provider');
    add(at('whatsapp/index.ts'), whatsappIndex(), 'importer');
    add(at('gateway.ts'), gatewayModule(), 'importer');
    add(at('payments.ts'), paymentsModule(), 'importer');
    add(at('webhooks/statuses.ts'), webhookModule(folder), 'provider');
    for (let j = 0; j < 5; j++) add(at(`services/notify${j}.ts`), serviceModule(folder, j), 'importer');
    for (let j = 0; j < 10; j++) add(at(`jobs/job${j}.ts`), JOBS[j % JOBS.length]!(folder, j), 'importer');
    for (let j = 0; j < 3; j++) add(at(`billing/settle${j}.ts`), billingModule(j), 'importer');
    // the rest of the folder: ordinary modules, short chains among them, a third importing the config
    for (let j = 0; j < SPREAD_FOLDER_SIZE - 25; j++, index++) {
      const withConfig = j % 3 === 0;
      const previous = j > 0 && j % 4 !== 0 && (j - 1) % 3 !== 0 ? `./module${index - 1}` : undefined;
      if (!add(at(`lib/module${index}.ts`), ordinaryModule(index, next, previous, withConfig ? '@/config' : undefined), withConfig ? 'importer' : 'plain')) break;
    }
  }
  return files;
}

/**
 * Writes `count` files of a variant under `dir` (removed first) and a
 * tsconfig.json; returns the files with their roles.
 */
export function generate(dir: string, count: number, variant: Variant = 'ordinary'): GeneratedFile[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeTsconfig(dir, variant === 'spread');
  switch (variant) {
    case 'ordinary':
      return ordinary(dir, count, 0.03);
    case 'provider-heavy':
      return providerHeavy(dir, count);
    case 'spread':
      return spread(dir, count);
  }
}
