/**
 * Property-based: provider calls, retries and dispatches generated in random
 * forms (clients, URL styles, body paths, code values, retry constructs,
 * status tests). For every program: no rule throws, and every suggestion
 * applies to code that still parses.
 */
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { catalog, PROVIDERS, type Provider } from '../src/catalog/index.js';
import plugin from '../src/index.js';

const CODE_ACCESS: Record<Provider, string> = {
  'meta-cloud': 'body.error?.code',
  cequens: 'body.errors?.[0]?.code',
  'wa-server': 'body.error.code',
  digiworld: 'body.error',
  msgbubbles: 'body.error',
  connexease: 'body.errors?.code',
  twilio: 'body.code',
  '360dialog': 'body.error?.code',
  vonage: 'body.type',
  infobip: 'body.requestError?.serviceException?.messageId',
  gupshup: 'body.payload?.payload?.code',
};

const literal = (value: string | number) => (typeof value === 'number' ? String(value) : JSON.stringify(value));

const providerArb = fc.constantFrom(...PROVIDERS);
const urlFormArb = fc.constantFrom('literal', 'template', 'const', 'concat', 'newURL', 'env');
const clientArb = fc.constantFrom('fetch', 'axios', 'instance', 'got', 'ky', 'ofetch', 'superagent', 'undici');
const retryArb = fc.constantFrom('none', 'for', 'while', 'pRetry', 'recursion', 'catchRecursion', 'backOff', 'cockatiel');
const dispatchArb = fc.constantFrom('none', 'switch', 'ifChain', 'earlyExits', 'lookup', 'includes', 'negatedHas', 'message');

function codesOf(provider: Provider): fc.Arbitrary<string | number> {
  const documented = (catalog[provider].errors as readonly { code: string | number }[]).map((e) => e.code).filter((c) => !(typeof c === 'string' && c.startsWith('*')));
  return fc.oneof(fc.constantFrom(...documented), fc.string({ maxLength: 12 }), fc.integer({ min: -1, max: 2_000_000 }));
}

function url(provider: Provider, form: string): { prelude: string; expr: string } {
  const host = catalog[provider].hosts[0]!;
  switch (form) {
    case 'template':
      return { prelude: '', expr: `\`https://${host}/\${version}/\${id}/messages\`` };
    case 'const':
      return { prelude: `const BASE = 'https://${host}';\nconst API = BASE + '/v1';\n`, expr: "`${API}/messages`" };
    case 'concat':
      return { prelude: '', expr: `'https://${host}' + '/messages/' + id` };
    case 'newURL':
      return { prelude: `const BASE = 'https://${host}/';\n`, expr: "new URL('messages', BASE).toString()" };
    case 'env':
      return { prelude: '', expr: `process.env.WA_URL ?? 'https://${host}/messages'` };
    default:
      return { prelude: '', expr: `'https://${host}/messages'` };
  }
}

function call(client: string, target: string): { imports: string; expr: string; body: string } {
  switch (client) {
    case 'axios':
      return { imports: "import axios from 'axios';\n", expr: `axios.post(${target}, payload)`, body: '(await response).data' };
    case 'instance':
      return { imports: "import axios from 'axios';\nconst http = axios.create({ timeout: 5000 });\n", expr: `http.post(${target}, payload)`, body: '(await response).data' };
    case 'got':
      return { imports: "import got from 'got';\n", expr: `got.post(${target}, { json: payload }).json()`, body: 'await response' };
    case 'ky':
      return { imports: "import ky from 'ky';\n", expr: `ky.post(${target}, { json: payload }).json()`, body: 'await response' };
    case 'ofetch':
      return { imports: "import { ofetch } from 'ofetch';\n", expr: `ofetch(${target}, { method: 'POST', body: payload })`, body: 'await response' };
    case 'superagent':
      return { imports: "import superagent from 'superagent';\n", expr: `superagent.post(${target}).send(payload)`, body: '(await response).body' };
    case 'undici':
      return { imports: "import { request } from 'undici';\n", expr: `request(${target}, { method: 'POST', body: JSON.stringify(payload) })`, body: 'await (await response).body.json()' };
    default:
      return { imports: '', expr: `fetch(${target}, { method: 'POST', body: JSON.stringify(payload) })`, body: 'await (await response).json()' };
  }
}

function dispatch(form: string, access: string, codes: (string | number)[], messageText: string): string {
  const [a = 1, b = 2, c = 3] = codes;
  switch (form) {
    case 'switch':
      return `switch (${access}) {\n    case ${literal(a)}: return 'a';\n    case ${literal(b)}: break;\n    default:\n  }`;
    case 'ifChain':
      return `if (${access} === ${literal(a)}) { handleA(); } else if (${access} === ${literal(b)}) { handleB(); }`;
    case 'earlyExits':
      return `if (${access} === ${literal(a)}) return 'a';\n  if (${access} === ${literal(c)}) return 'c';`;
    case 'lookup':
      return `const handlers = { ${JSON.stringify(String(a))}: () => 1, ${JSON.stringify(String(b))}: () => 2 };\n  handlers[${access}]?.();`;
    case 'includes':
      return `if ([${codes.map(literal).join(', ')}].includes(${access})) retryLater();`;
    case 'negatedHas':
      return `if (!new Set([${codes.map(literal).join(', ')}]).has(${access})) throw new Error('failed: ' + ${access});`;
    case 'message':
      return `if (JSON.stringify(body).includes(${JSON.stringify(messageText)})) return 'm';`;
    default:
      return '';
  }
}

function program(p: {
  provider: Provider;
  urlForm: string;
  client: string;
  retry: string;
  dispatch: string;
  codes: (string | number)[];
  status: number | null;
  messageText: string;
}): string {
  const target = url(p.provider, p.urlForm);
  const sent = call(p.client, target.expr);
  const access = CODE_ACCESS[p.provider];
  const statusTest = p.status === null ? '' : `  if ((await response).status === ${p.status}) throw new Error('HTTP ${p.status}');\n`;
  const handle = `  const body = ${sent.body};\n${statusTest}  ${dispatch(p.dispatch, access, p.codes, p.messageText)}\n  return body;`;
  const once = `async function sendOnce(id: string, version: string, payload: unknown) {\n  const response = ${sent.expr};\n${handle}\n}\n`;
  const imports = `${sent.imports}import pRetry from 'p-retry';\nimport { backOff } from 'exponential-backoff';\nimport { retry as policy, handleAll } from 'cockatiel';\n`;
  let wrapper: string;
  switch (p.retry) {
    case 'for':
      wrapper = 'export async function send(id: string, payload: unknown) {\n  for (let attempt = 0; attempt < 3; attempt++) {\n    try { return await sendOnce(id, "v21.0", payload); } catch (err) { if (err.response?.status === 400) throw err; }\n  }\n}\n';
      break;
    case 'while':
      wrapper = 'export async function send(id: string, payload: unknown) {\n  while (true) {\n    try { return await sendOnce(id, "v21.0", payload); } catch { await new Promise((r) => setTimeout(r, 100)); }\n  }\n}\n';
      break;
    case 'pRetry':
      wrapper = 'export const send = (id: string, payload: unknown) => pRetry(() => sendOnce(id, "v21.0", payload), { retries: 3 });\n';
      break;
    case 'recursion':
      wrapper = 'export async function send(id: string, payload: unknown, n = 0): Promise<unknown> {\n  try { return await sendOnce(id, "v21.0", payload); } catch (e) { if (n < 3) return send(id, payload, n + 1); throw e; }\n}\n';
      break;
    case 'catchRecursion':
      wrapper = 'export function send(id: string, payload: unknown): Promise<unknown> {\n  return sendOnce(id, "v21.0", payload).catch(() => send(id, payload));\n}\n';
      break;
    case 'backOff':
      wrapper = 'export const send = (id: string, payload: unknown) => backOff(() => sendOnce(id, "v21.0", payload), { retry: (e) => e.response?.status >= 500 });\n';
      break;
    case 'cockatiel':
      wrapper = 'const retrying = policy(handleAll, { maxAttempts: 3 });\nexport const send = (id: string, payload: unknown) => retrying.execute(() => sendOnce(id, "v21.0", payload));\n';
      break;
    default:
      wrapper = 'export const send = (id: string, payload: unknown) => sendOnce(id, "v21.0", payload);\n';
  }
  return `${imports}${target.prelude}${once}${wrapper}`;
}

const linter = new Linter({ configType: 'flat' });
const config: Linter.Config[] = [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser as Linter.Parser, sourceType: 'module' },
    plugins: { 'whatsapp-errors': plugin as never },
    rules: Object.fromEntries(Object.keys(plugin.rules).map((name) => [`whatsapp-errors/${name}`, 'error' as const])),
  },
];

test('no rule throws and every suggestion parses, for generated provider code', () => {
  const arbitrary = providerArb.chain((provider) =>
    fc.record({
      provider: fc.constant(provider),
      urlForm: urlFormArb,
      client: clientArb,
      retry: retryArb,
      dispatch: dispatchArb,
      codes: fc.array(codesOf(provider), { minLength: 1, maxLength: 4 }),
      status: fc.option(fc.integer({ min: 100, max: 599 }), { nil: null }),
      messageText: fc.oneof(fc.constantFrom('Re-engagement message', 'Rate limit hit', '(#131047)', 'Generic error'), fc.string({ maxLength: 10 })),
    }),
  );
  let findings = 0;
  fc.assert(
    fc.property(arbitrary, (parameters) => {
      const code = program(parameters);
      const messages = linter.verify(code, config, 'generated.ts');
      expect(messages.filter((m) => m.fatal), code).toEqual([]);
      findings += messages.length;
      for (const message of messages) {
        for (const suggestion of message.suggestions ?? []) {
          const [start, end] = suggestion.fix.range;
          const fixed = code.slice(0, start) + suggestion.fix.text + code.slice(end);
          const reparsed = linter.verify(fixed, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser } }], 'fixed.ts');
          expect(reparsed.filter((m) => m.fatal), `${suggestion.desc}\n${fixed}`).toEqual([]);
        }
      }
    }),
    { numRuns: 250, seed: 20261122 },
  );
  // the generator does reach the rules
  expect(findings).toBeGreaterThan(250);
}, 120_000);
