import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, test } from 'vitest';
import rule from '../../rules/exhaustive-error-codes.js';
import { catalog, PROVIDERS, type Provider } from '../../src/catalog/index.js';
import type { ErrorEntry } from '../../src/catalog/schema.js';
import { code, ruleTester } from '../rule-tester.js';

/**
 * `src` whose multi-line interpolations keep the indentation of the line they
 * are written on, so that shared snippets can be dropped into any case.
 */
function src(strings: TemplateStringsArray, ...values: unknown[]): string {
  let text = '';
  strings.forEach((part, i) => {
    text += part;
    if (i < values.length) {
      const indent = /(?:^|\n)([ \t]*)$/.exec(text)?.[1] ?? '';
      text += String(values[i]).replace(/\n/g, `\n${indent}`);
    }
  });
  return code(Object.assign([text], { raw: [text] }) as TemplateStringsArray);
}

const META = 'https://graph.facebook.com/v21.0/1234567890/messages';
const CEQUENS = 'https://apis.cequens.com/conversation-app/api/v1/messages';
const WA = 'https://wa.sagad.net/api/v1/messages/send';
const DIGI = 'https://digichat.digiworld-dev.com/api/whatsapp/TOKEN/sendMessage';
const BUBBLES = 'https://api.msgbubbles.com/v1/messages';
const CONNEX = 'https://api.gateway.connexease.com/v1/messages';
const TWILIO = 'https://api.twilio.com/2010-04-01/Accounts/AC123/Messages.json';
const D360 = 'https://waba-v2.360dialog.io/messages';
const VONAGE = 'https://api.nexmo.com/v1/messages';
const INFOBIP = 'https://xyz123.api.infobip.com/whatsapp/1/message/text';
const GUPSHUP = 'https://api.gupshup.io/wa/api/v1/msg';

// ─── Expectations computed from the catalog ─────────────────────────────────
// Used for the long lists (Meta, CEQUENS). The small providers below are also
// checked against hand-written strings, so a bug shared by this helper and the
// rule still fails a test.

/** The codes a dispatch must handle: messaging scope, no `*pattern`. */
function requiredEntries(provider: Provider): ErrorEntry[] {
  return (catalog[provider].errors as readonly ErrorEntry[]).filter(
    (entry) => (entry.scope ?? 'messaging') === 'messaging' && !(typeof entry.code === 'string' && entry.code.startsWith('*')),
  );
}

function covers(entry: ErrorEntry, value: string | number): boolean {
  if (entry.code === value) return true;
  return entry.rangeEnd !== undefined && typeof value === 'number' && typeof entry.code === 'number' && value >= entry.code && value <= entry.rangeEnd;
}

function missingEntries(provider: Provider, handled: readonly (string | number)[], ignore: readonly (string | number)[] = []): ErrorEntry[] {
  return requiredEntries(provider).filter((entry) => !ignore.includes(entry.code) && !handled.some((value) => covers(entry, value)));
}

const GROUP_ORDER = [
  ['never', 'never-retry'],
  ['after-fix', 'after-fix'],
  ['provider-retries', 'provider-retried'],
  ['rate-limit', 'rate-limit'],
  ['transient', 'transient'],
] as const;

function groupsOf(entries: readonly ErrorEntry[]): string {
  const parts: string[] = [];
  for (const [retry, label] of GROUP_ORDER) {
    const count = entries.filter((e) => e.retry === retry).length;
    if (count) parts.push(`${count} ${label}`);
  }
  return parts.join(', ');
}

/** The message's examples: the first two missing codes in the catalog's `notable` order (the rest keep catalog order). */
function examplesOf(provider: Provider, entries: readonly ErrorEntry[], notable: readonly (string | number)[] = catalog[provider].notable ?? []): string {
  const rank = (e: ErrorEntry) => (notable.includes(e.code) ? notable.indexOf(e.code) : notable.length);
  const two = [...entries].sort((a, b) => rank(a) - rank(b)).slice(0, 2).map((e) => asLiteral(e.code));
  return two.join(' and ');
}

type Form = 'switch' | 'if/else chain' | 'lookup object' | 'membership test';

function dataFor(form: Form, provider: Provider, handled: readonly (string | number)[], ignore: readonly (string | number)[] = []) {
  const missing = missingEntries(provider, handled, ignore);
  return { form, provider, count: String(missing.length), groups: groupsOf(missing), examples: examplesOf(provider, missing) };
}

function suggestionData(provider: Provider, handled: readonly (string | number)[], ignore: readonly (string | number)[] = []) {
  return { provider, count: String(missingEntries(provider, handled, ignore).length) };
}

const asLiteral = (value: string | number) => (typeof value === 'string' ? `'${value}'` : String(value));
const placeholder = (provider: Provider, entry: ErrorEntry) =>
  `throw new Error('Not implemented yet: ${provider} ${entry.code} (${entry.title.replace(/'/g, "\\'")})');`;

/** The `case` clauses the suggestion inserts, one per line, joined with `separator`. */
function casesFor(provider: Provider, handled: readonly (string | number)[], separator: string, ignore: readonly (string | number)[] = []): string {
  return missingEntries(provider, handled, ignore)
    .map((entry) => `case ${asLiteral(entry.code)}: { ${placeholder(provider, entry)} }`)
    .join(separator);
}

/** The object keys the suggestion inserts. */
function keysFor(provider: Provider, handled: readonly (string | number)[], separator: string, ignore: readonly (string | number)[] = []): string {
  return missingEntries(provider, handled, ignore)
    .map((entry) => `${entry.code}: () => { ${placeholder(provider, entry)} },`)
    .join(separator);
}

/** Every provider's code expression on a `fetch` body. */
const SHAPES: Record<Provider, { url: string; code: string }> = {
  'meta-cloud': { url: META, code: 'body.error.code' },
  cequens: { url: CEQUENS, code: 'body.errors[0].code' },
  'wa-server': { url: WA, code: 'body.error.code' },
  digiworld: { url: DIGI, code: 'body.error' },
  msgbubbles: { url: BUBBLES, code: 'body.error' },
  connexease: { url: CONNEX, code: 'body.errors.code' },
  twilio: { url: TWILIO, code: 'body.code' },
  '360dialog': { url: D360, code: 'body.error.code' },
  vonage: { url: VONAGE, code: 'body.type' },
  infobip: { url: INFOBIP, code: 'body.requestError.serviceException.messageId' },
  gupshup: { url: GUPSHUP, code: 'body.payload.payload.code' },
};

/** A `switch` with one `case` per required code (no `default`). */
function exhaustiveSwitch(provider: Provider, codes: readonly (string | number)[] = requiredEntries(provider).map((e) => e.code)): string {
  const { url, code: expression } = SHAPES[provider];
  return [
    `const res = await fetch('${url}', { method: 'POST', body: JSON.stringify(payload) });`,
    'const body = await res.json();',
    `switch (${expression}) {`,
    ...codes.map((c) => `  case ${asLiteral(c)}:`),
    '    await handle(body);',
    '    break;',
    '}',
  ].join('\n');
}

// ─── Hand-written expectations ──────────────────────────────────────────────

/** Connexease's 10 messaging codes with their titles, typed from the provider's docs. */
const CX_TITLE = {
  AUTH_001: 'API key not found, invalid or expired',
  AUTH_002: 'Authorization header missing',
  AUTH_003: 'Invalid token format',
  AUTH_004: 'Authentication service error',
  AUTH_005: 'Corrupted authentication data',
  WABA_001: 'WABA credentials missing or invalid',
  BILL_001: 'Insufficient balance',
  BILL_002: 'No billing account',
  RATE_001: 'Rate limit exceeded',
  GW_001: 'Invalid recipient',
} as const;
type CxCode = keyof typeof CX_TITLE;
const CX_ALL = Object.keys(CX_TITLE) as CxCode[];
const cxCase = (c: CxCode) => `case '${c}': { throw new Error('Not implemented yet: connexease ${c} (${CX_TITLE[c]})'); }`;
const cxKey = (c: CxCode, quoted = false) => `${quoted ? `'${c}'` : c}: () => { throw new Error('Not implemented yet: connexease ${c} (${CX_TITLE[c]})'); },`;
const cxCases = (handled: readonly CxCode[], indent: string) =>
  CX_ALL.filter((c) => !handled.includes(c))
    .map(cxCase)
    .join(`\n${indent}`);

/** Connexease codes left when RATE_001 and AUTH_004 (the retryable ones) are handled. */
const CX_8 = '2 never-retry, 6 after-fix';
/** …when only RATE_001 is handled. */
const CX_9 = `${CX_8}, 1 transient`;
/** …when nothing is handled. */
const CX_10 = `${CX_8}, 1 rate-limit, 1 transient`;
/** …when RATE_001, AUTH_004 and GW_001 are handled. */
const CX_7 = '1 never-retry, 6 after-fix';

const CX_FETCH = `const res = await fetch('${CONNEX}', { method: 'POST', body: JSON.stringify(payload) });
const body = await res.json();`;

/** Connexease's notable codes are BILL_001, AUTH_003, RATE_001: the first two are missing in every expectation below. */
const CX_EXAMPLES = "'BILL_001' and 'AUTH_003'";
/** …and once AUTH_003 is handled too, catalog order decides the second. */
const CX_EXAMPLES_6 = "'BILL_001' and 'AUTH_001'";
const cx = (form: Form, count: number, groups: string, examples = CX_EXAMPLES) => ({ form, provider: 'connexease', count: String(count), groups, examples });

ruleTester.run('exhaustive-error-codes', rule, {
  valid: [
    // ══ Exhaustive dispatches ══════════════════════════════════════════════
    // One `case` per required code, for every provider, built from the catalog.
    // Meta's 200–299 permission range is handled by `case 250`; patterns
    // (`*_failed`), legacy (CEQUENS 1007) and non-messaging codes (Connexease
    // WH_*, Meta management codes) are not required.
    ...PROVIDERS.map((provider) => ({
      name: `exhaustive switch built from the catalog: ${provider}`,
      code: exhaustiveSwitch(
        provider,
        requiredEntries(provider).map((e) => (provider === 'meta-cloud' && e.code === 200 ? 250 : e.code)),
      ),
    })),
    // Connexease, written out: its ten messaging codes, no webhook codes.
    src`
      import axios from 'axios';
      try {
        await axios.post('${CONNEX}', payload);
      } catch (err) {
        switch (err.response.data.errors.code) {
          case 'RATE_001':
          case 'AUTH_004':
            await retryLater(err.response.data.errors.params.retry_after);
            break;
          case 'AUTH_001':
          case 'AUTH_002':
          case 'AUTH_003':
          case 'AUTH_005':
          case 'WABA_001':
            await rotateKey();
            break;
          case 'BILL_001':
          case 'BILL_002':
            await alertBilling();
            break;
          case 'GW_001':
            markInvalid(to);
            break;
        }
      }
    `,
    // The same ten as an if / else-if chain with `||` and a membership test.
    src`
      ${CX_FETCH}
      const AUTH = ['AUTH_001', 'AUTH_002', 'AUTH_003', 'AUTH_005', 'WABA_001'];
      if (body.errors.code === 'RATE_001' || body.errors.code === 'AUTH_004') {
        await retryLater();
      } else if (AUTH.includes(body.errors.code)) {
        await rotateKey();
      } else if (body.errors.code === 'BILL_001' || body.errors.code === 'BILL_002') {
        await alertBilling();
      } else if (body.errors.code === 'GW_001') {
        markInvalid(to);
      }
    `,
    // A lookup object typed with the plugin's ErrorHandlers.
    src`
      import type { ErrorHandlers } from 'eslint-plugin-whatsapp-errors/catalog';
      const handlers = {
        AUTH_001: () => rotateKey(),
        AUTH_002: () => rotateKey(),
        AUTH_003: () => rotateKey(),
        AUTH_004: () => retryLater(),
        AUTH_005: () => callSupport(),
        WABA_001: () => fixWaba(),
        BILL_001: () => alertBilling(),
        BILL_002: () => alertBilling(),
        RATE_001: () => retryLater(),
        GW_001: () => markInvalid(),
      } satisfies ErrorHandlers<'connexease', () => void>;
      ${CX_FETCH}
      handlers[body.errors.code]?.();
    `,
    // Codes written as same-file constants and enum members.
    src`
      const RATE = 'RATE_001';
      const BILLING = { empty: 'BILL_001', none: 'BILL_002' } as const;
      enum Auth { NotFound = 'AUTH_001', Missing = 'AUTH_002', Format = 'AUTH_003', Service = 'AUTH_004', Corrupt = 'AUTH_005' }
      ${CX_FETCH}
      switch (body.errors.code) {
        case RATE:
        case Auth.Service:
          await retryLater();
          break;
        case Auth.NotFound:
        case Auth.Missing:
        case Auth.Format:
        case Auth.Corrupt:
        case 'WABA_001':
          await rotateKey();
          break;
        case BILLING.empty:
        case BILLING.none:
          await alertBilling();
          break;
        case 'GW_001':
          markInvalid(to);
          break;
      }
    `,

    // ══ Fallbacks that act ═════════════════════════════════════════════════
    // switch: default throws
    src`
      ${CX_FETCH}
      switch (body.errors.code) {
        case 'RATE_001':
          await backOff();
          break;
        default:
          throw new Error(\`Connexease \${body.errors.code}\`);
      }
    `,
    // default returns a value
    src`
      async function send(payload) {
        ${CX_FETCH}
        switch (body.errors.code) {
          case 'RATE_001':
            return { retryAfter: body.errors.params.retry_after };
          default:
            return { failed: body.errors.code };
        }
      }
    `,
    // default logs and rethrows
    src`
      import axios from 'axios';
      try {
        await axios.post('${CONNEX}', payload);
      } catch (err) {
        switch (err.response?.data?.errors?.code) {
          case 'RATE_001':
            await backOff();
            break;
          default:
            logger.error(err);
            throw err;
        }
      }
    `,
    // default calls a function (the default clause is not last)
    src`
      ${CX_FETCH}
      switch (body.errors.code) {
        default:
          reportUnhandled(body.errors);
          break;
        case 'RATE_001':
          await backOff();
          break;
      }
    `,
    // if / else-if chain with a final else that acts
    src`
      ${CX_FETCH}
      if (body.errors.code === 'RATE_001') {
        await backOff();
      } else if (body.errors.code === 'AUTH_004') {
        await retryLater();
      } else {
        alertOps(body.errors);
      }
    `,
    // else-if chain without else, followed by a rethrow
    src`
      import axios from 'axios';
      async function send() {
        try {
          await axios.post('${CONNEX}', payload);
        } catch (err) {
          const code = err.response.data.errors.code;
          if (code === 'RATE_001') return backOff();
          else if (code === 'AUTH_004') return retryLater();
          throw err;
        }
      }
    `,
    // a run of early-exit ifs followed by a fallback statement
    src`
      async function send() {
        ${CX_FETCH}
        if (body.errors.code === 'RATE_001') return backOff();
        if (body.errors.code === 'AUTH_004') return retryLater();
        throw new Error(body.errors.code);
      }
    `,
    // switch whose cases all leave, followed by a rethrow: the rethrow is its fallback
    {
      name: 'switch without default whose cases all return, followed by a rethrow',
      code: src`
      import axios from 'axios';
      async function send() {
        try {
          await axios.post('${CONNEX}', payload);
        } catch (err) {
          switch (err.response.data.errors.code) {
            case 'RATE_001':
              return backOff();
            case 'AUTH_004':
              return retryLater();
          }
          throw err;
        }
      }
    `,
    },
    // an early-exit run inside a block, with the rethrow after the block
    {
      name: 'early-exit ifs inside a block, with a rethrow after the block',
      code: src`
      import axios from 'axios';
      async function send() {
        try {
          await axios.post('${CONNEX}', payload);
        } catch (err) {
          if (err.response) {
            const code = err.response.data.errors.code;
            if (code === 'RATE_001') return backOff();
            if (code === 'AUTH_004') return retryLater();
          }
          throw err;
        }
      }
    `,
    },
    // membership test with an else
    src`
      const RETRYABLE = new Set(['RATE_001', 'AUTH_004']);
      ${CX_FETCH}
      if (RETRYABLE.has(body.errors.code)) {
        await retryLater();
      } else {
        alertOps(body.errors);
      }
    `,
    // membership test with code after it: both sides act
    src`
      const RETRYABLE = new Set(['RATE_001', 'AUTH_004']);
      ${CX_FETCH}
      if (RETRYABLE.has(body.errors.code)) {
        await retryLater();
      }
      alertOps(body.errors);
    `,
    // negated membership test that throws
    src`
      const RETRYABLE = ['RATE_001', 'AUTH_004'];
      async function send() {
        ${CX_FETCH}
        if (!RETRYABLE.includes(body.errors.code)) throw new Error(body.errors.code);
        await retryLater();
      }
    `,
    // lookup objects with a fallback
    src`
      const handlers = {
        RATE_001: () => backOff(),
        AUTH_004: () => retryLater(),
      };
      ${CX_FETCH}
      (handlers[body.errors.code] ?? reportUnhandled)();
    `,
    src`
      const handlers = {
        RATE_001: () => backOff(),
        AUTH_004: () => retryLater(),
      };
      ${CX_FETCH}
      const handler = handlers[body.errors.code] || defaultHandler;
      handler(body.errors);
    `,
    src`
      const delays = { RATE_001: 1000, AUTH_004: 500 };
      ${CX_FETCH}
      const delay = delays[body.errors.code] ?? 0;
    `,

    // a lookup guarded with `in`, with an else
    {
      name: 'a lookup guarded with `in` and an else',
      code: src`
        ${CX_FETCH}
        const handlers = { RATE_001: () => backOff(), AUTH_004: () => retryLater() };
        if (body.errors.code in handlers) handlers[body.errors.code]();
        else reportUnhandled(body.errors);
      `,
    },
    // the lookup itself in the test (`if (code && map[code])`), the missing codes handled after the `if`
    {
      name: 'a lookup tested for presence in the if test, with code after the if for the other codes',
      code: src`
        ${CX_FETCH}
        const labels = { RATE_001: 'Slow down', AUTH_004: 'Try again later' };
        function label(code: string) {
          if (code && labels[code]) return labels[code];
          return \`Connexease error \${code}\`;
        }
        const text = label(body.errors.code);
        if (body.errors.code && labels[body.errors.code]) showBanner(labels[body.errors.code]);
        else reportUnhandled(body.errors);
      `,
    },
    // the looked-up handler tested, with an else
    {
      name: 'a looked-up handler tested for presence, with an else',
      code: src`
        ${CX_FETCH}
        const handlers = { RATE_001: () => backOff(), AUTH_004: () => retryLater() };
        const handler = handlers[body.errors.code];
        if (handler) handler();
        else reportUnhandled(body.errors);
      `,
    },
    // a lookup object whose other keys come from a same-file spread
    {
      name: 'a lookup object completed by spreading a same-file object',
      code: src`
        const rotate = () => rotateKey();
        const base = { AUTH_001: rotate, AUTH_002: rotate, AUTH_003: rotate, AUTH_005: rotate, WABA_001: rotate, BILL_001: rotate, BILL_002: rotate, GW_001: rotate };
        const handlers = { ...base, RATE_001: () => backOff(), AUTH_004: () => retryLater() };
        ${CX_FETCH}
        handlers[body.errors.code]?.();
      `,
    },

    // ══ Not a dispatch ═════════════════════════════════════════════════════
    // a single test of the code
    src`
      ${CX_FETCH}
      if (body.errors.code === 'RATE_001') {
        await backOff();
      }
    `,
    // `||` inside one test is still a single test
    src`
      ${CX_FETCH}
      if (body.errors.code === 'RATE_001' || body.errors.code === 'AUTH_004') {
        await retryLater();
      }
    `,
    src`
      const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      if (body.error.code === 131047) await sendTemplate(to);
    `,
    // the HTTP status, the human message, another API's body
    src`
      const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
      const body = await res.json();
      switch (res.status) {
        case 400:
          break;
      }
      switch (body.error.message) {
        case 'Rate limit hit':
          break;
      }
      const other = await (await fetch('https://api.example.com/send', { method: 'POST' })).json();
      switch (other.error.code) {
        case 131047:
          break;
      }
      if (other.error.code === 131047) a();
      else if (other.error.code === 130429) b();
    `,
    // a parameter no provider call feeds
    src`
      await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
      export function handle(body: { error: string }) {
        switch (body.error) {
          case 'rate_limited':
            break;
        }
      }
    `,
    // a file that names no provider
    src`
      const res = await fetch('https://api.example.com/send', { method: 'POST' });
      const body = await res.json();
      switch (body.errors.code) {
        case 'RATE_001':
          break;
      }
    `,

    // ══ Options ════════════════════════════════════════════════════════════
    // `ignore` lists every code the dispatch leaves out
    {
      code: src`
        ${CX_FETCH}
        if (body.errors.code === 'RATE_001') {
          await backOff();
        } else if (body.errors.code === 'AUTH_004') {
          await retryLater();
        }
      `,
      options: [{ ignore: ['AUTH_001', 'AUTH_002', 'AUTH_003', 'AUTH_005', 'WABA_001', 'BILL_001', 'BILL_002', 'GW_001'] }],
    },
    // requireAll with every code handled
    {
      code: `${exhaustiveSwitch('connexease').replace(/\n\}$/, '\n  default:\n    throw new Error(body.errors.code);\n}')}`,
      options: [{ requireAll: true }],
    },
    // requireAll with the rest ignored (numbers for Meta)
    {
      code: src`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        switch (body.error.code) {
          case 131047:
            await sendTemplate(to);
            break;
          default:
            throw new Error(String(body.error.code));
        }
      `,
      options: [{ requireAll: true, ignore: requiredEntries('meta-cloud').map((e) => e.code).filter((c) => c !== 131047) }],
    },
  ],

  invalid: [
    // ══ switch ═════════════════════════════════════════════════════════════
    // no default; Connexease through a caught axios error (written out in full)
    {
      code: src`
        import axios from 'axios';
        try {
          await axios.post('${CONNEX}', payload);
        } catch (err) {
          switch (err.response.data.errors.code) {
            case 'RATE_001':
              await wait(err.response.data.errors.params.retry_after);
              break;
            case 'AUTH_004':
              await retryLater();
              break;
          }
        }
      `,
      errors: [
        {
          messageId: 'missingNoFallback',
          data: {
            form: 'switch',
            provider: 'connexease',
            count: '8',
            groups: '2 never-retry, 6 after-fix',
            examples: "'BILL_001' and 'AUTH_003'",
          },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'addMissingCases',
              data: { provider: 'connexease', count: '8' },
              output: src`
                import axios from 'axios';
                try {
                  await axios.post('${CONNEX}', payload);
                } catch (err) {
                  switch (err.response.data.errors.code) {
                    case 'RATE_001':
                      await wait(err.response.data.errors.params.retry_after);
                      break;
                    case 'AUTH_004':
                      await retryLater();
                      break;
                    case 'AUTH_001': { throw new Error('Not implemented yet: connexease AUTH_001 (API key not found, invalid or expired)'); }
                    case 'AUTH_002': { throw new Error('Not implemented yet: connexease AUTH_002 (Authorization header missing)'); }
                    case 'AUTH_003': { throw new Error('Not implemented yet: connexease AUTH_003 (Invalid token format)'); }
                    case 'AUTH_005': { throw new Error('Not implemented yet: connexease AUTH_005 (Corrupted authentication data)'); }
                    case 'WABA_001': { throw new Error('Not implemented yet: connexease WABA_001 (WABA credentials missing or invalid)'); }
                    case 'BILL_001': { throw new Error('Not implemented yet: connexease BILL_001 (Insufficient balance)'); }
                    case 'BILL_002': { throw new Error('Not implemented yet: connexease BILL_002 (No billing account)'); }
                    case 'GW_001': { throw new Error('Not implemented yet: connexease GW_001 (Invalid recipient)'); }
                  }
                }
              `,
            },
            {
              messageId: 'addDefaultRethrow',
              data: { provider: 'connexease', thrown: 'err' },
              output: src`
                import axios from 'axios';
                try {
                  await axios.post('https://api.gateway.connexease.com/v1/messages', payload);
                } catch (err) {
                  switch (err.response.data.errors.code) {
                    case 'RATE_001':
                      await wait(err.response.data.errors.params.retry_after);
                      break;
                    case 'AUTH_004':
                      await retryLater();
                      break;
                    default:
                      throw err;
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    // empty default
    {
      code: src`
        ${CX_FETCH}
        switch (body.errors.code) {
          case 'RATE_001':
            await backOff();
            break;
          default:
        }
      `,
      errors: [
        {
          messageId: 'missingEmptyFallback',
          data: cx('switch', 9, CX_9),
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'addMissingCases',
              data: { provider: 'connexease', count: '9' },
              output: src`
                ${CX_FETCH}
                switch (body.errors.code) {
                  case 'RATE_001':
                    await backOff();
                    break;
                  ${cxCases(['RATE_001'], '')}
                  default:
                }
              `,
            },
            {
              messageId: 'addDefaultThrow',
              data: { provider: 'connexease', thrown: 'body' },
              output: src`
                const res = await fetch('https://api.gateway.connexease.com/v1/messages', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                switch (body.errors.code) {
                  case 'RATE_001':
                    await backOff();
                    break;
                  default:
                    throw new Error(\`Unhandled connexease error \${String(body.errors.code)}\`, { cause: body });
                }
              `,
            },
          ],
        },
      ],
    },
    // default with a comment only
    {
      code: src`
        ${CX_FETCH}
        switch (body.errors.code) {
          case 'RATE_001':
            await backOff();
            break;
          default:
            // nothing to do
        }
      `,
      errors: [
        {
          messageId: 'missingEmptyFallback',
          data: cx('switch', 9, CX_9),
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'addMissingCases',
              data: { provider: 'connexease', count: '9' },
              output: src`
                ${CX_FETCH}
                switch (body.errors.code) {
                  case 'RATE_001':
                    await backOff();
                    break;
                  ${cxCases(['RATE_001'], '')}
                  default:
                    // nothing to do
                }
              `,
            },
            {
              messageId: 'addDefaultThrow',
              data: { provider: 'connexease', thrown: 'body' },
              output: src`
                const res = await fetch('https://api.gateway.connexease.com/v1/messages', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                switch (body.errors.code) {
                  case 'RATE_001':
                    await backOff();
                    break;
                  default:
                    throw new Error(\`Unhandled connexease error \${String(body.errors.code)}\`, { cause: body });
                    // nothing to do
                }
              `,
            },
          ],
        },
      ],
    },
    // default: return;
    {
      code: src`
        async function send() {
          ${CX_FETCH}
          switch (body.errors.code) {
            case 'RATE_001':
              return backOff();
            default:
              return;
          }
        }
      `,
      errors: [
        {
          messageId: 'missingEmptyFallback',
          data: cx('switch', 9, CX_9),
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'addMissingCases',
              data: { provider: 'connexease', count: '9' },
              output: src`
                async function send() {
                  ${CX_FETCH}
                  switch (body.errors.code) {
                    case 'RATE_001':
                      return backOff();
                    ${cxCases(['RATE_001'], '')}
                    default:
                      return;
                  }
                }
              `,
            },
            {
              messageId: 'addDefaultThrow',
              data: { provider: 'connexease', thrown: 'body' },
              output: src`
                async function send() {
                  const res = await fetch('https://api.gateway.connexease.com/v1/messages', { method: 'POST', body: JSON.stringify(payload) });
                  const body = await res.json();
                  switch (body.errors.code) {
                    case 'RATE_001':
                      return backOff();
                    default:
                      throw new Error(\`Unhandled connexease error \${String(body.errors.code)}\`, { cause: body });
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    // default: break; MsgBubbles (written out; its *_failed pattern is not required)
    {
      code: src`
        const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        switch (body.error) {
          case 'rate_limited':
            await backOff();
            break;
          case 'send_failed':
            await retryWithSameKey();
            break;
          default:
            break;
        }
      `,
      errors: [
        {
          messageId: 'missingEmptyFallback',
          data: {
            form: 'switch',
            provider: 'msgbubbles',
            count: '12',
            groups:
              '7 never-retry, 3 after-fix, 2 transient',
            examples: "'invalid_from_handle' and 'invalid_request'",
          },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'addMissingCases',
              data: { provider: 'msgbubbles', count: '12' },
              output: src`
                const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                switch (body.error) {
                  case 'rate_limited':
                    await backOff();
                    break;
                  case 'send_failed':
                    await retryWithSameKey();
                    break;
                  case 'invalid_request': { throw new Error('Not implemented yet: msgbubbles invalid_request (Invalid request)'); }
                  case 'invalid_handle': { throw new Error('Not implemented yet: msgbubbles invalid_handle (Invalid handle)'); }
                  case 'invalid_from_handle': { throw new Error('Not implemented yet: msgbubbles invalid_from_handle (Sender number not usable)'); }
                  case 'invalid_attachments': { throw new Error('Not implemented yet: msgbubbles invalid_attachments (Invalid attachments)'); }
                  case 'invalid_url': { throw new Error('Not implemented yet: msgbubbles invalid_url (Invalid webhook URL)'); }
                  case 'unauthorized': { throw new Error('Not implemented yet: msgbubbles unauthorized (Missing or invalid API key)'); }
                  case 'forbidden': { throw new Error('Not implemented yet: msgbubbles forbidden (Account inactive)'); }
                  case 'not_found': { throw new Error('Not implemented yet: msgbubbles not_found (Resource not found)'); }
                  case 'conflict': { throw new Error('Not implemented yet: msgbubbles conflict (Action does not apply)'); }
                  case 'not_a_group': { throw new Error('Not implemented yet: msgbubbles not_a_group (Not a group)'); }
                  case 'device_offline': { throw new Error('Not implemented yet: msgbubbles device_offline (Sending number offline)'); }
                  case 'unavailable': { throw new Error('Not implemented yet: msgbubbles unavailable (Temporarily unavailable)'); }
                  default:
                    break;
                }
              `,
            },
            {
              messageId: 'addDefaultThrow',
              data: { provider: 'msgbubbles', thrown: 'body' },
              output: src`
                const res = await fetch('https://api.msgbubbles.com/v1/messages', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                switch (body.error) {
                  case 'rate_limited':
                    await backOff();
                    break;
                  case 'send_failed':
                    await retryWithSameKey();
                    break;
                  default:
                    throw new Error(\`Unhandled msgbubbles error \${String(body.error)}\`, { cause: body });
                }
              `,
            },
          ],
        },
      ],
    },
    // a switch with no clauses at all
    {
      code: src`
        ${CX_FETCH}
        switch (body.errors.code) {
        }
      `,
      errors: [
        {
          messageId: 'missingNoFallback',
          data: cx('switch', 10, CX_10),
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'addMissingCases',
              data: { provider: 'connexease', count: '10' },
              output: src`
                ${CX_FETCH}
                switch (body.errors.code) {
                  ${cxCases([], '')}
                }
              `,
            },
          ],
        },
      ],
    },
    // wa-server, no default (written out)
    {
      code: src`
        const res = await fetch('${WA}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        switch (body.error.code) {
          case 'device_not_connected':
            await relink();
            break;
        }
      `,
      errors: [
        {
          messageId: 'missingNoFallback',
          data: {
            form: 'switch',
            provider: 'wa-server',
            count: '24',
            groups:
              '5 never-retry, 10 after-fix, 1 provider-retried, 1 rate-limit, 7 transient',
            examples: "'validation_error' and 'provider_rate_limit'",
          },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'addMissingCases',
              data: { provider: 'wa-server', count: '24' },
              output: src`
                const res = await fetch('${WA}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                switch (body.error.code) {
                  case 'device_not_connected':
                    await relink();
                    break;
                  case 'validation_error': { throw new Error('Not implemented yet: wa-server validation_error (Payload failed validation)'); }
                  case 'invalid_api_key': { throw new Error('Not implemented yet: wa-server invalid_api_key (Missing or invalid API key)'); }
                  case 'unauthorized': { throw new Error('Not implemented yet: wa-server unauthorized (Invalid JWT on /apps endpoints)'); }
                  case 'forbidden': { throw new Error('Not implemented yet: wa-server forbidden (Access denied)'); }
                  case 'group_posting_restricted': { throw new Error('Not implemented yet: wa-server group_posting_restricted (Group settings forbid posting)'); }
                  case 'not_found': { throw new Error('Not implemented yet: wa-server not_found (Resource does not exist)'); }
                  case 'conflict': { throw new Error('Not implemented yet: wa-server conflict (Resource already exists)'); }
                  case 'qr_reset_not_allowed': { throw new Error('Not implemented yet: wa-server qr_reset_not_allowed (QR or session still active)'); }
                  case 'too_many_devices': { throw new Error('Not implemented yet: wa-server too_many_devices (Too many linked devices)'); }
                  case 'client_outdated': { throw new Error('Not implemented yet: wa-server client_outdated (WhatsApp requires a client update)'); }
                  case 'request_canceled': { throw new Error('Not implemented yet: wa-server request_canceled (Request canceled)'); }
                  case 'logged_out': { throw new Error('Not implemented yet: wa-server logged_out (Session logged out remotely)'); }
                  case 'device_destroyed': { throw new Error('Not implemented yet: wa-server device_destroyed (Device was destroyed)'); }
                  case 'provider_rate_limit': { throw new Error('Not implemented yet: wa-server provider_rate_limit (WhatsApp rate limit (retried by wa-server))'); }
                  case 'internal_error': { throw new Error('Not implemented yet: wa-server internal_error (Unexpected server error)'); }
                  case 'provider_error': { throw new Error('Not implemented yet: wa-server provider_error (Upstream provider error)'); }
                  case 'whatsapp_connection_aborted': { throw new Error('Not implemented yet: wa-server whatsapp_connection_aborted (WhatsApp connection aborted)'); }
                  case 'whatsapp_connection_lost': { throw new Error('Not implemented yet: wa-server whatsapp_connection_lost (WhatsApp connection lost)'); }
                  case 'group_prekey_timeout': { throw new Error('Not implemented yet: wa-server group_prekey_timeout (Timeout preparing group encryption)'); }
                  case 'upstream_timeout': { throw new Error('Not implemented yet: wa-server upstream_timeout (Upstream timeout)'); }
                  case 'invalid_rotation_pin': { throw new Error('Not implemented yet: wa-server invalid_rotation_pin (Invalid token rotation PIN)'); }
                  case 'app_token_rotation_disabled': { throw new Error('Not implemented yet: wa-server app_token_rotation_disabled (App token rotation disabled)'); }
                  case 'request_too_large': { throw new Error('Not implemented yet: wa-server request_too_large (Request too large)'); }
                  case 'rate_limit_exceeded': { throw new Error('Not implemented yet: wa-server rate_limit_exceeded (Rate limit exceeded)'); }
                }
              `,
            },
            {
              messageId: 'addDefaultThrow',
              data: { provider: 'wa-server', thrown: 'body' },
              output: src`
                const res = await fetch('https://wa.sagad.net/api/v1/messages/send', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                switch (body.error.code) {
                  case 'device_not_connected':
                    await relink();
                    break;
                  default:
                    throw new Error(\`Unhandled wa-server error \${String(body.error.code)}\`, { cause: body });
                }
              `,
            },
          ],
        },
      ],
    },
    // CEQUENS: `errors[0].src` of a caught axios error; mixed string and number codes
    {
      code: src`
        import axios from 'axios';
        try {
          await axios.post('${CEQUENS}', payload);
        } catch (err) {
          switch (err.response.data.errors[0].code) {
            case 470:
              await sendTemplate(to);
              break;
            case 429:
              await backOff();
              break;
          }
        }
      `,
      errors: [
        {
          messageId: 'missingNoFallback',
          data: {
            form: 'switch',
            provider: 'cequens',
            count: '59',
            groups:
              '31 never-retry, 17 after-fix, 2 rate-limit, 9 transient',
            examples: "'MISSING_TOKEN' and 'INVALID_ACCESS_TOKEN'",
          },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'addMissingCases',
              data: suggestionData('cequens', [470, 429]),
              output: src`
                import axios from 'axios';
                try {
                  await axios.post('${CEQUENS}', payload);
                } catch (err) {
                  switch (err.response.data.errors[0].code) {
                    case 470:
                      await sendTemplate(to);
                      break;
                    case 429:
                      await backOff();
                      break;
                    ${casesFor('cequens', [470, 429], '\n')}
                  }
                }
              `,
            },
            {
              messageId: 'addDefaultRethrow',
              data: { provider: 'cequens', thrown: 'err' },
              output: src`
                import axios from 'axios';
                try {
                  await axios.post('https://apis.cequens.com/conversation-app/api/v1/messages', payload);
                } catch (err) {
                  switch (err.response.data.errors[0].code) {
                    case 470:
                      await sendTemplate(to);
                      break;
                    case 429:
                      await backOff();
                      break;
                    default:
                      throw err;
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    // CEQUENS with most codes ignored: a title with an apostrophe is escaped in the suggestion
    {
      code: src`
        const res = await fetch('${CEQUENS}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        switch (body.errors[0].code) {
          case 429:
            await backOff();
            break;
        }
      `,
      options: [{ ignore: requiredEntries('cequens').map((e) => e.code).filter((c) => c !== 470 && c !== 472 && c !== 429) }],
      errors: [
        {
          messageId: 'missingNoFallback',
          data: { form: 'switch', provider: 'cequens', count: '2', groups: '2 never-retry', examples: '470 and 472' },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'addMissingCases',
              data: { provider: 'cequens', count: '2' },
              output: src`
                const res = await fetch('${CEQUENS}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                switch (body.errors[0].code) {
                  case 429:
                    await backOff();
                    break;
                  case 470: { throw new Error('Not implemented yet: cequens 470 (Re-engagement message)'); }
                  case 472: { throw new Error('Not implemented yet: cequens 472 (User\\'s number is part of an experiment)'); }
                }
              `,
            },
            {
              messageId: 'addDefaultThrow',
              data: { provider: 'cequens', thrown: 'body' },
              output: src`
                const res = await fetch('https://apis.cequens.com/conversation-app/api/v1/messages', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                switch (body.errors[0].code) {
                  case 429:
                    await backOff();
                    break;
                  default:
                    throw new Error(\`Unhandled cequens error \${String(body.errors[0].code)}\`, { cause: body });
                }
              `,
            },
          ],
        },
      ],
    },
    // Meta Cloud API through fetch: `case 250` handles the 200–299 range entry
    {
      code: src`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        switch (body.error.code) {
          case 131047:
            await sendTemplate(to);
            break;
          case 250:
            await askForPermission();
            break;
        }
      `,
      errors: [
        {
          messageId: 'missingNoFallback',
          data: {
            form: 'switch',
            provider: 'meta-cloud',
            count: '57',
            groups:
              '18 never-retry, 24 after-fix, 9 rate-limit, 6 transient',
            examples: '190 and 130429',
          },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'addMissingCases',
              data: suggestionData('meta-cloud', [131047, 250]),
              output: src`
                const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                switch (body.error.code) {
                  case 131047:
                    await sendTemplate(to);
                    break;
                  case 250:
                    await askForPermission();
                    break;
                  ${casesFor('meta-cloud', [131047, 250], '\n')}
                }
              `,
            },
            {
              messageId: 'addDefaultThrow',
              data: { provider: 'meta-cloud', thrown: 'body' },
              output: src`
                const res = await fetch('https://graph.facebook.com/v21.0/1234567890/messages', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                switch (body.error.code) {
                  case 131047:
                    await sendTemplate(to);
                    break;
                  case 250:
                    await askForPermission();
                    break;
                  default:
                    throw new Error(\`Unhandled meta-cloud error \${String(body.error.code)}\`, { cause: body });
                }
              `,
            },
          ],
        },
      ],
    },
    // Meta Cloud API through a caught axios error, `default: break;`
    {
      code: src`
        import axios from 'axios';
        try {
          await axios.post('${META}', payload);
        } catch (err) {
          switch (err.response?.data?.error?.code) {
            case 131047:
              await sendTemplate(to);
              break;
            default:
              break;
          }
        }
      `,
      errors: [
        {
          messageId: 'missingEmptyFallback',
          data: dataFor('switch', 'meta-cloud', [131047]),
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'addMissingCases',
              data: suggestionData('meta-cloud', [131047]),
              output: src`
                import axios from 'axios';
                try {
                  await axios.post('${META}', payload);
                } catch (err) {
                  switch (err.response?.data?.error?.code) {
                    case 131047:
                      await sendTemplate(to);
                      break;
                    ${casesFor('meta-cloud', [131047], '\n')}
                    default:
                      break;
                  }
                }
              `,
            },
            {
              messageId: 'addDefaultRethrow',
              data: { provider: 'meta-cloud', thrown: 'err' },
              output: src`
                import axios from 'axios';
                try {
                  await axios.post('https://graph.facebook.com/v21.0/1234567890/messages', payload);
                } catch (err) {
                  switch (err.response?.data?.error?.code) {
                    case 131047:
                      await sendTemplate(to);
                      break;
                    default:
                      throw err;
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    // Twilio through a caught axios error: Twilio's own codes are asked for, not Meta's
    {
      code: src`
        import axios from 'axios';
        try {
          await axios.post('${TWILIO}', form);
        } catch (err) {
          switch (err.response?.data?.code) {
            case 63016:
              await sendTemplate(to);
              break;
            default:
              break;
          }
        }
      `,
      errors: [
        {
          messageId: 'missingEmptyFallback',
          data: dataFor('switch', 'twilio', [63016]),
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'addMissingCases',
              data: suggestionData('twilio', [63016]),
              output: src`
                import axios from 'axios';
                try {
                  await axios.post('${TWILIO}', form);
                } catch (err) {
                  switch (err.response?.data?.code) {
                    case 63016:
                      await sendTemplate(to);
                      break;
                    ${casesFor('twilio', [63016], '\n')}
                    default:
                      break;
                  }
                }
              `,
            },
            {
              messageId: 'addDefaultRethrow',
              data: { provider: 'twilio', thrown: 'err' },
              output: src`
                import axios from 'axios';
                try {
                  await axios.post('${TWILIO}', form);
                } catch (err) {
                  switch (err.response?.data?.code) {
                    case 63016:
                      await sendTemplate(to);
                      break;
                    default:
                      throw err;
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    // Meta codes as a same-file constant and enum members
    {
      code: src`
        const REENGAGEMENT = 131047;
        enum Throttle {
          Hit = 130429,
          Pair = 131056,
        }
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        switch (body.error.code) {
          case REENGAGEMENT:
            await sendTemplate(to);
            break;
          case Throttle.Hit:
          case Throttle.Pair:
            await backOff();
            break;
        }
      `,
      errors: [
        {
          messageId: 'missingNoFallback',
          data: dataFor('switch', 'meta-cloud', [131047, 130429, 131056]),
          line: 8,
          column: 1,
          endLine: 8,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'addMissingCases',
              data: suggestionData('meta-cloud', [131047, 130429, 131056]),
              output: src`
                const REENGAGEMENT = 131047;
                enum Throttle {
                  Hit = 130429,
                  Pair = 131056,
                }
                const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                switch (body.error.code) {
                  case REENGAGEMENT:
                    await sendTemplate(to);
                    break;
                  case Throttle.Hit:
                  case Throttle.Pair:
                    await backOff();
                    break;
                  ${casesFor('meta-cloud', [131047, 130429, 131056], '\n')}
                }
              `,
            },
            {
              messageId: 'addDefaultThrow',
              data: { provider: 'meta-cloud', thrown: 'body' },
              output: src`
                const REENGAGEMENT = 131047;
                enum Throttle {
                  Hit = 130429,
                  Pair = 131056,
                }
                const res = await fetch('https://graph.facebook.com/v21.0/1234567890/messages', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                switch (body.error.code) {
                  case REENGAGEMENT:
                    await sendTemplate(to);
                    break;
                  case Throttle.Hit:
                  case Throttle.Pair:
                    await backOff();
                    break;
                  default:
                    throw new Error(\`Unhandled meta-cloud error \${String(body.error.code)}\`, { cause: body });
                }
              `,
            },
          ],
        },
      ],
    },
    // Connexease codes as same-file constants and enum members
    {
      code: src`
        const RATE = 'RATE_001';
        const CODES = { authService: 'AUTH_004' } as const;
        enum Cx { BadRecipient = 'GW_001', BadToken = 'AUTH_003' }
        ${CX_FETCH}
        switch (body.errors.code) {
          case RATE:
            await backOff();
            break;
          case CODES.authService:
          case Cx.BadRecipient:
            await retryLater();
            break;
          case Cx.BadToken:
            await fixToken();
            break;
        }
      `,
      errors: [
        {
          messageId: 'missingNoFallback',
          data: cx('switch', 6, '6 after-fix', CX_EXAMPLES_6),
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'addMissingCases',
              data: { provider: 'connexease', count: '6' },
              output: src`
                const RATE = 'RATE_001';
                const CODES = { authService: 'AUTH_004' } as const;
                enum Cx { BadRecipient = 'GW_001', BadToken = 'AUTH_003' }
                ${CX_FETCH}
                switch (body.errors.code) {
                  case RATE:
                    await backOff();
                    break;
                  case CODES.authService:
                  case Cx.BadRecipient:
                    await retryLater();
                    break;
                  case Cx.BadToken:
                    await fixToken();
                    break;
                  ${cxCases(['RATE_001', 'AUTH_004', 'GW_001', 'AUTH_003'], '')}
                }
              `,
            },
            {
              messageId: 'addDefaultThrow',
              data: { provider: 'connexease', thrown: 'body' },
              output: src`
                const RATE = 'RATE_001';
                const CODES = { authService: 'AUTH_004' } as const;
                enum Cx { BadRecipient = 'GW_001', BadToken = 'AUTH_003' }
                const res = await fetch('https://api.gateway.connexease.com/v1/messages', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                switch (body.errors.code) {
                  case RATE:
                    await backOff();
                    break;
                  case CODES.authService:
                  case Cx.BadRecipient:
                    await retryLater();
                    break;
                  case Cx.BadToken:
                    await fixToken();
                    break;
                  default:
                    throw new Error(\`Unhandled connexease error \${String(body.errors.code)}\`, { cause: body });
                }
              `,
            },
          ],
        },
      ],
    },
    // Digiworld: `body.error` through `fetch(…).then((r) => r.json())`
    {
      code: src`
        const body = await fetch('${DIGI}', { method: 'POST', body: JSON.stringify(payload) }).then((r) => r.json());
        switch (body.error) {
          case 'insufficient_balance':
            await notifyBilling();
            break;
          default:
        }
      `,
      errors: [
        {
          messageId: 'missingEmptyFallback',
          data: dataFor('switch', 'digiworld', ['insufficient_balance']),
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'addMissingCases',
              data: suggestionData('digiworld', ['insufficient_balance']),
              output: src`
                const body = await fetch('${DIGI}', { method: 'POST', body: JSON.stringify(payload) }).then((r) => r.json());
                switch (body.error) {
                  case 'insufficient_balance':
                    await notifyBilling();
                    break;
                  ${casesFor('digiworld', ['insufficient_balance'], '\n')}
                  default:
                }
              `,
            },
            {
              messageId: 'addDefaultThrow',
              data: { provider: 'digiworld', thrown: 'body' },
              output: src`
                const body = await fetch('https://digichat.digiworld-dev.com/api/whatsapp/TOKEN/sendMessage', { method: 'POST', body: JSON.stringify(payload) }).then((r) => r.json());
                switch (body.error) {
                  case 'insufficient_balance':
                    await notifyBilling();
                    break;
                  default:
                    throw new Error(\`Unhandled digiworld error \${String(body.error)}\`, { cause: body });
                }
              `,
            },
          ],
        },
      ],
    },

    // ══ if / else-if chains ════════════════════════════════════════════════
    // two tests, no else
    {
      code: src`
        ${CX_FETCH}
        if (body.errors.code === 'RATE_001') {
          await backOff();
        } else if (body.errors.code === 'AUTH_004') {
          await retryLater();
        }
      `,
      errors: [{ messageId: 'missingNoFallback', data: cx('if/else chain', 8, CX_8), line: 3, column: 1, endLine: 3, endColumn: 3, suggestions: [] }],
    },
    // empty final else
    {
      code: src`
        ${CX_FETCH}
        if (body.errors.code === 'RATE_001') {
          await backOff();
        } else if (body.errors.code === 'AUTH_004') {
          await retryLater();
        } else {
        }
      `,
      errors: [{ messageId: 'missingEmptyFallback', data: cx('if/else chain', 8, CX_8), line: 3, column: 1, endLine: 3, endColumn: 3, suggestions: [] }],
    },
    // wa-server: `||` in the first test, final `else { return; }`
    {
      code: src`
        import axios from 'axios';
        async function send() {
          try {
            await axios.post('${WA}', payload);
          } catch (err) {
            const code = err.response?.data?.error?.code;
            if (code === 'device_not_connected' || code === 'logged_out') {
              await relink();
            } else if (code === 'provider_rate_limit') {
              log('wa-server already retries this');
            } else {
              return;
            }
          }
        }
      `,
      errors: [
        {
          messageId: 'missingEmptyFallback',
          data: {
            form: 'if/else chain',
            provider: 'wa-server',
            count: '22',
            groups:
              '5 never-retry, 9 after-fix, 1 rate-limit, 7 transient',
            examples: "'validation_error' and 'invalid_api_key'",
          },
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 7,
          suggestions: [],
        },
      ],
    },
    // a run of early-exit ifs followed by nothing
    {
      code: src`
        async function send() {
          ${CX_FETCH}
          if (body.errors.code === 'RATE_001') return backOff();
          if (body.errors.code === 'AUTH_004') return retryLater();
        }
      `,
      errors: [{ messageId: 'missingNoFallback', data: cx('if/else chain', 8, CX_8), line: 4, column: 3, endLine: 4, endColumn: 5, suggestions: [] }],
    },
    // a run of early-exit ifs followed by `return;`
    {
      code: src`
        async function send() {
          ${CX_FETCH}
          if (body.errors.code === 'RATE_001') return backOff();
          if (body.errors.code === 'AUTH_004') return retryLater();
          return;
        }
      `,
      errors: [{ messageId: 'missingEmptyFallback', data: cx('if/else chain', 8, CX_8), line: 4, column: 3, endLine: 4, endColumn: 5, suggestions: [] }],
    },
    // `||` in a chain
    {
      code: src`
        ${CX_FETCH}
        if (body.errors.code === 'RATE_001' || body.errors.code === 'AUTH_004') {
          await retryLater();
        } else if (body.errors.code === 'GW_001') {
          markInvalid(to);
        }
      `,
      errors: [{ messageId: 'missingNoFallback', data: cx('if/else chain', 7, CX_7), line: 3, column: 1, endLine: 3, endColumn: 3, suggestions: [] }],
    },
    // `||` in a run of early exits
    {
      code: src`
        async function send() {
          ${CX_FETCH}
          if (body.errors.code === 'RATE_001' || body.errors.code === 'AUTH_004') return retryLater();
          if (body.errors.code === 'GW_001') return markInvalid(to);
        }
      `,
      errors: [{ messageId: 'missingNoFallback', data: cx('if/else chain', 7, CX_7), line: 4, column: 3, endLine: 4, endColumn: 5, suggestions: [] }],
    },
    // the code in a variable, `==` and a reversed comparison
    {
      code: src`
        ${CX_FETCH}
        const { code } = body.errors;
        if (code == 'RATE_001') backOff();
        else if ('AUTH_004' === code) retryLater();
      `,
      errors: [{ messageId: 'missingNoFallback', data: cx('if/else chain', 8, CX_8), line: 4, column: 1, endLine: 4, endColumn: 3, suggestions: [] }],
    },
    // optional chaining in one test and not the other is the same code
    {
      code: src`
        ${CX_FETCH}
        if (body.errors?.code === 'RATE_001') backOff();
        else if (body.errors.code === 'AUTH_004') retryLater();
      `,
      errors: [{ messageId: 'missingNoFallback', data: cx('if/else chain', 8, CX_8), line: 3, column: 1, endLine: 3, endColumn: 3, suggestions: [] }],
    },
    // a membership test as the first branch of a chain
    {
      code: src`
        ${CX_FETCH}
        const RETRYABLE = new Set(['RATE_001', 'AUTH_004']);
        if (RETRYABLE.has(body.errors.code)) {
          await retryLater();
        } else if (body.errors.code === 'GW_001') {
          markInvalid(to);
        }
      `,
      errors: [{ messageId: 'missingNoFallback', data: cx('if/else chain', 7, CX_7), line: 4, column: 1, endLine: 4, endColumn: 3, suggestions: [] }],
    },
    // Digiworld: `data` destructured from an axios response
    {
      code: src`
        import axios from 'axios';
        const { data } = await axios.post('${DIGI}', payload, { validateStatus: () => true });
        if (data.error === 'insufficient_balance') {
          await notifyBilling();
        } else if (data.error === 'rate_limit_exceeded') {
          await backOff();
        }
      `,
      errors: [
        {
          messageId: 'missingNoFallback',
          data: {
            form: 'if/else chain',
            provider: 'digiworld',
            count: '30',
            groups:
              '12 never-retry, 11 after-fix, 2 rate-limit, 5 transient',
            examples: "'invalid_signature' and 'missing_auth_headers'",
          },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 3,
          suggestions: [],
        },
      ],
    },
    // Meta through axios `res.data`
    {
      code: src`
        import axios from 'axios';
        const res = await axios.post('${META}', payload, { validateStatus: () => true });
        if (res.data.error?.code === 131047) {
          await sendTemplate(to);
        } else if (res.data.error?.code === 130429) {
          await backOff();
        }
      `,
      errors: [{ messageId: 'missingNoFallback', data: dataFor('if/else chain', 'meta-cloud', [131047, 130429]), line: 3, column: 1, endLine: 3, endColumn: 3, suggestions: [] }],
    },
    // an early exit followed by an else-if chain on the same code is one dispatch
    {
      name: 'an early-exit if followed by an else-if chain on the same code',
      code: src`
        async function send() {
          ${CX_FETCH}
          if (body.errors.code === 'GW_001') return markInvalid(to);
          if (body.errors.code === 'RATE_001') {
            await backOff();
          } else if (body.errors.code === 'AUTH_004') {
            await retryLater();
          }
        }
      `,
      errors: [{ messageId: 'missingNoFallback', data: cx('if/else chain', 7, CX_7), line: 4, column: 3, endLine: 4, endColumn: 5, suggestions: [] }],
    },
    // a run of early exits inside a `case`, then `break;`
    {
      name: 'a run of early-exit ifs inside a switch case',
      code: src`
        ${CX_FETCH}
        switch (kind) {
          case 'text':
            if (body.errors.code === 'RATE_001') { await backOff(); break; }
            if (body.errors.code === 'AUTH_004') { await retryLater(); break; }
            break;
        }
      `,
      errors: [{ messageId: 'missingEmptyFallback', data: cx('if/else chain', 8, CX_8), line: 5, column: 5, endLine: 5, endColumn: 7, suggestions: [] }],
    },

    // a chain hanging off a test that is not on the code: the chain starts at its first code test
    {
      name: 'an else-if chain on the code after an if on isSuccess',
      code: src`
        ${CX_FETCH}
        if (body.isSuccess) {
          markSent();
        } else if (body.errors.code === 'RATE_001') {
          await backOff();
        } else if (body.errors.code === 'AUTH_004') {
          await retryLater();
        }
      `,
      errors: [{ messageId: 'missingNoFallback', data: cx('if/else chain', 8, CX_8), line: 5, column: 8, endLine: 5, endColumn: 10, suggestions: [] }],
    },

    // ══ Membership tests ═══════════════════════════════════════════════════
    // `has` with nothing for the other codes
    {
      code: src`
        const RETRYABLE = new Set(['RATE_001', 'AUTH_004']);
        ${CX_FETCH}
        if (RETRYABLE.has(body.errors.code)) {
          await retryLater();
        }
      `,
      errors: [{ messageId: 'missingNoFallback', data: cx('membership test', 8, CX_8), line: 4, column: 1, endLine: 4, endColumn: 3, suggestions: [] }],
    },
    // `includes` on an inline array at the end of a function
    {
      code: src`
        async function send() {
          ${CX_FETCH}
          if (['RATE_001', 'AUTH_004'].includes(body.errors.code)) {
            await retryLater();
          }
        }
      `,
      errors: [{ messageId: 'missingNoFallback', data: cx('membership test', 8, CX_8), line: 4, column: 3, endLine: 4, endColumn: 5, suggestions: [] }],
    },
    // empty else
    {
      code: src`
        const RETRYABLE = ['RATE_001', 'AUTH_004'];
        ${CX_FETCH}
        if (RETRYABLE.includes(body.errors.code)) {
          await retryLater();
        } else {}
      `,
      errors: [{ messageId: 'missingEmptyFallback', data: cx('membership test', 8, CX_8), line: 4, column: 1, endLine: 4, endColumn: 3, suggestions: [] }],
    },
    // negated: the other codes `continue`
    {
      code: src`
        const RETRYABLE = ['RATE_001', 'AUTH_004'];
        for (const payload of queue) {
          ${CX_FETCH}
          if (!RETRYABLE.includes(body.errors.code)) continue;
          await retryLater(payload);
        }
      `,
      errors: [{ messageId: 'missingEmptyFallback', data: cx('membership test', 8, CX_8), line: 5, column: 3, endLine: 5, endColumn: 5, suggestions: [] }],
    },
    // negated: the other codes `return;`
    {
      code: src`
        async function send() {
          ${CX_FETCH}
          if (!['RATE_001', 'AUTH_004'].includes(body.errors.code)) return;
          await retryLater();
        }
      `,
      errors: [{ messageId: 'missingEmptyFallback', data: cx('membership test', 8, CX_8), line: 4, column: 3, endLine: 4, endColumn: 5, suggestions: [] }],
    },
    // MsgBubbles: the *_failed pattern in the list counts for nothing required
    {
      code: src`
        const RETRYABLE = new Set(['rate_limited', 'device_offline', 'unavailable', 'send_failed']);
        const res = await fetch('${BUBBLES}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        if (RETRYABLE.has(body.error)) {
          await retryWithSameKey();
        } else {
          // not retryable
        }
      `,
      errors: [
        {
          messageId: 'missingEmptyFallback',
          data: {
            form: 'membership test',
            provider: 'msgbubbles',
            count: '10',
            groups: '7 never-retry, 3 after-fix',
            examples: "'invalid_from_handle' and 'invalid_request'",
          },
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 3,
          suggestions: [],
        },
      ],
    },

    // ══ Lookup objects ═════════════════════════════════════════════════════
    // `handlers[code]?.()` (written out)
    {
      code: src`
        const handlers = {
          RATE_001: () => backOff(),
          AUTH_004: () => retryLater(),
        };
        ${CX_FETCH}
        handlers[body.errors.code]?.();
      `,
      errors: [
        {
          messageId: 'missingNoFallback',
          data: cx('lookup object', 8, CX_8),
          line: 1,
          column: 18,
          endLine: 1,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'addMissingKeys',
              data: { provider: 'connexease', count: '8' },
              output: src`
                const handlers = {
                  RATE_001: () => backOff(),
                  AUTH_004: () => retryLater(),
                  AUTH_001: () => { throw new Error('Not implemented yet: connexease AUTH_001 (API key not found, invalid or expired)'); },
                  AUTH_002: () => { throw new Error('Not implemented yet: connexease AUTH_002 (Authorization header missing)'); },
                  AUTH_003: () => { throw new Error('Not implemented yet: connexease AUTH_003 (Invalid token format)'); },
                  AUTH_005: () => { throw new Error('Not implemented yet: connexease AUTH_005 (Corrupted authentication data)'); },
                  WABA_001: () => { throw new Error('Not implemented yet: connexease WABA_001 (WABA credentials missing or invalid)'); },
                  BILL_001: () => { throw new Error('Not implemented yet: connexease BILL_001 (Insufficient balance)'); },
                  BILL_002: () => { throw new Error('Not implemented yet: connexease BILL_002 (No billing account)'); },
                  GW_001: () => { throw new Error('Not implemented yet: connexease GW_001 (Invalid recipient)'); },
                };
                ${CX_FETCH}
                handlers[body.errors.code]?.();
              `,
            },
          ],
        },
      ],
    },
    // `?? undefined` is no fallback
    {
      code: src`
        const handlers = {
          RATE_001: () => backOff(),
          AUTH_004: () => retryLater(),
        };
        ${CX_FETCH}
        const handler = handlers[body.errors.code] ?? undefined;
        handler?.();
      `,
      errors: [
        {
          messageId: 'missingEmptyFallback',
          data: cx('lookup object', 8, CX_8),
          line: 1,
          column: 18,
          endLine: 1,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'addMissingKeys',
              data: { provider: 'connexease', count: '8' },
              output: src`
                const handlers = {
                  RATE_001: () => backOff(),
                  AUTH_004: () => retryLater(),
                  ${CX_ALL.filter((c) => c !== 'RATE_001' && c !== 'AUTH_004').map((c) => cxKey(c)).join('\n')}
                };
                ${CX_FETCH}
                const handler = handlers[body.errors.code] ?? undefined;
                handler?.();
              `,
            },
          ],
        },
      ],
    },
    // `?? (() => {})` does nothing
    {
      code: src`
        const handlers = {
          RATE_001: () => backOff(),
          AUTH_004: () => retryLater(),
        };
        ${CX_FETCH}
        (handlers[body.errors.code] ?? (() => {}))();
      `,
      errors: [
        {
          messageId: 'missingEmptyFallback',
          data: cx('lookup object', 8, CX_8),
          line: 1,
          column: 18,
          endLine: 1,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'addMissingKeys',
              data: { provider: 'connexease', count: '8' },
              output: src`
                const handlers = {
                  RATE_001: () => backOff(),
                  AUTH_004: () => retryLater(),
                  ${CX_ALL.filter((c) => c !== 'RATE_001' && c !== 'AUTH_004').map((c) => cxKey(c)).join('\n')}
                };
                ${CX_FETCH}
                (handlers[body.errors.code] ?? (() => {}))();
              `,
            },
          ],
        },
      ],
    },
    // a value map without a fallback: no suggestion (the values are not functions)
    {
      code: src`
        const delays = { RATE_001: 1000, AUTH_004: 500 };
        ${CX_FETCH}
        const delay = delays[body.errors.code];
      `,
      errors: [{ messageId: 'missingNoFallback', data: cx('lookup object', 8, CX_8), line: 1, column: 16, endLine: 1, endColumn: 17, suggestions: [] }],
    },
    // a lookup tested for presence in the if test, with nothing for the other codes
    {
      code: src`
        const labels = { RATE_001: 'Slow down', AUTH_004: 'Try again later' };
        ${CX_FETCH}
        if (body.errors.code && labels[body.errors.code]) showBanner(labels[body.errors.code]);
      `,
      errors: [{ messageId: 'missingNoFallback', data: cx('lookup object', 8, CX_8), line: 1, column: 16, endLine: 1, endColumn: 17, suggestions: [] }],
    },
    // a value map with `?? null`
    {
      code: src`
        const delays = { RATE_001: 1000, AUTH_004: 500 };
        ${CX_FETCH}
        const delay = delays[body.errors.code] ?? null;
      `,
      errors: [{ messageId: 'missingEmptyFallback', data: cx('lookup object', 8, CX_8), line: 1, column: 16, endLine: 1, endColumn: 17, suggestions: [] }],
    },
    // the same object looked up twice: the lookup without a fallback is still reported
    {
      name: 'one lookup object looked up twice, first with a fallback, then without',
      code: src`
        const handlers = {
          RATE_001: () => backOff(),
          AUTH_004: () => retryLater(),
        };
        ${CX_FETCH}
        (handlers[body.errors.code] ?? reportUnhandled)();
        handlers[body.errors.code]?.();
      `,
      errors: [
        {
          messageId: 'missingNoFallback',
          data: cx('lookup object', 8, CX_8),
          line: 1,
          column: 18,
          endLine: 1,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'addMissingKeys',
              data: { provider: 'connexease', count: '8' },
              output: src`
                const handlers = {
                  RATE_001: () => backOff(),
                  AUTH_004: () => retryLater(),
                  ${CX_ALL.filter((c) => c !== 'RATE_001' && c !== 'AUTH_004').map((c) => cxKey(c)).join('\n')}
                };
                ${CX_FETCH}
                (handlers[body.errors.code] ?? reportUnhandled)();
                handlers[body.errors.code]?.();
              `,
            },
          ],
        },
      ],
    },
    // computed keys written with enum members count as the codes they hold
    {
      name: 'a lookup object with computed enum-member keys',
      code: src`
        enum Cx { Rate = 'RATE_001', Auth = 'AUTH_004' }
        const handlers = {
          [Cx.Rate]: () => backOff(),
          [Cx.Auth]: () => retryLater(),
        };
        ${CX_FETCH}
        handlers[body.errors.code]?.();
      `,
      errors: [
        {
          messageId: 'missingNoFallback',
          data: cx('lookup object', 8, CX_8),
          line: 2,
          column: 18,
          endLine: 2,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'addMissingKeys',
              data: { provider: 'connexease', count: '8' },
              output: src`
                enum Cx { Rate = 'RATE_001', Auth = 'AUTH_004' }
                const handlers = {
                  [Cx.Rate]: () => backOff(),
                  [Cx.Auth]: () => retryLater(),
                  ${CX_ALL.filter((c) => c !== 'RATE_001' && c !== 'AUTH_004').map((c) => cxKey(c)).join('\n')}
                };
                ${CX_FETCH}
                handlers[body.errors.code]?.();
              `,
            },
          ],
        },
      ],
    },
    // Meta numeric keys through axios `res.data`, most codes ignored (written out, with an escaped apostrophe)
    {
      code: src`
        import axios from 'axios';
        const handlers = {
          131047: () => sendTemplate(),
          130429: () => backOff(),
        };
        const res = await axios.post('${META}', payload, { validateStatus: () => true });
        handlers[res.data.error.code]?.();
      `,
      options: [{ ignore: requiredEntries('meta-cloud').map((e) => e.code).filter((c) => ![131047, 130429, 130472, 133004].includes(c as number)) }],
      errors: [
        {
          messageId: 'missingNoFallback',
          data: { form: 'lookup object', provider: 'meta-cloud', count: '2', groups: '1 never-retry, 1 transient', examples: '130472 and 133004' },
          line: 2,
          column: 18,
          endLine: 2,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'addMissingKeys',
              data: { provider: 'meta-cloud', count: '2' },
              output: src`
                import axios from 'axios';
                const handlers = {
                  131047: () => sendTemplate(),
                  130429: () => backOff(),
                  130472: () => { throw new Error('Not implemented yet: meta-cloud 130472 (User\\'s number is part of an experiment)'); },
                  133004: () => { throw new Error('Not implemented yet: meta-cloud 133004 (Server temporarily unavailable)'); },
                };
                const res = await axios.post('${META}', payload, { validateStatus: () => true });
                handlers[res.data.error.code]?.();
              `,
            },
          ],
        },
      ],
    },
    // Meta numeric keys, caught axios error, nothing ignored
    {
      code: src`
        import axios from 'axios';
        const handlers = {
          131047: async () => sendTemplate(),
          130429: async () => backOff(),
        };
        try {
          await axios.post('${META}', payload);
        } catch (err) {
          await handlers[err.response.data.error.code]?.();
        }
      `,
      errors: [
        {
          messageId: 'missingNoFallback',
          data: dataFor('lookup object', 'meta-cloud', [131047, 130429]),
          line: 2,
          column: 18,
          endLine: 2,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'addMissingKeys',
              data: suggestionData('meta-cloud', [131047, 130429]),
              output: src`
                import axios from 'axios';
                const handlers = {
                  131047: async () => sendTemplate(),
                  130429: async () => backOff(),
                  ${keysFor('meta-cloud', [131047, 130429], '\n')}
                };
                try {
                  await axios.post('${META}', payload);
                } catch (err) {
                  await handlers[err.response.data.error.code]?.();
                }
              `,
            },
          ],
        },
      ],
    },

    // ══ requireAll ═════════════════════════════════════════════════════════
    // a switch with a default that acts (the default is not last)
    {
      code: src`
        ${CX_FETCH}
        switch (body.errors.code) {
          default:
            throw new Error(body.errors.code);
          case 'RATE_001':
            await backOff();
            break;
        }
      `,
      options: [{ requireAll: true }],
      errors: [
        {
          messageId: 'missingRequireAll',
          data: cx('switch', 9, CX_9),
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'addMissingCases',
              data: { provider: 'connexease', count: '9' },
              output: src`
                ${CX_FETCH}
                switch (body.errors.code) {
                  case 'AUTH_001': { throw new Error('Not implemented yet: connexease AUTH_001 (API key not found, invalid or expired)'); }
                  case 'AUTH_002': { throw new Error('Not implemented yet: connexease AUTH_002 (Authorization header missing)'); }
                  case 'AUTH_003': { throw new Error('Not implemented yet: connexease AUTH_003 (Invalid token format)'); }
                  case 'AUTH_004': { throw new Error('Not implemented yet: connexease AUTH_004 (Authentication service error)'); }
                  case 'AUTH_005': { throw new Error('Not implemented yet: connexease AUTH_005 (Corrupted authentication data)'); }
                  case 'WABA_001': { throw new Error('Not implemented yet: connexease WABA_001 (WABA credentials missing or invalid)'); }
                  case 'BILL_001': { throw new Error('Not implemented yet: connexease BILL_001 (Insufficient balance)'); }
                  case 'BILL_002': { throw new Error('Not implemented yet: connexease BILL_002 (No billing account)'); }
                  case 'GW_001': { throw new Error('Not implemented yet: connexease GW_001 (Invalid recipient)'); }
                  default:
                    throw new Error(body.errors.code);
                  case 'RATE_001':
                    await backOff();
                    break;
                }
              `,
            },
          ],
        },
      ],
    },
    // Meta: requireAll and ignore together
    {
      code: src`
        const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
        const body = await res.json();
        switch (body.error.code) {
          case 131047:
            await sendTemplate(to);
            break;
          default:
            throw new Error(String(body.error.code));
        }
      `,
      options: [{ requireAll: true, ignore: [130429, 131056, 131026] }],
      errors: [
        {
          messageId: 'missingRequireAll',
          data: dataFor('switch', 'meta-cloud', [131047], [130429, 131056, 131026]),
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'addMissingCases',
              data: suggestionData('meta-cloud', [131047], [130429, 131056, 131026]),
              output: src`
                const res = await fetch('${META}', { method: 'POST', body: JSON.stringify(payload) });
                const body = await res.json();
                switch (body.error.code) {
                  case 131047:
                    await sendTemplate(to);
                    break;
                  ${casesFor('meta-cloud', [131047], '\n', [130429, 131056, 131026])}
                  default:
                    throw new Error(String(body.error.code));
                }
              `,
            },
          ],
        },
      ],
    },
    // an if / else-if chain with an else that acts
    {
      code: src`
        ${CX_FETCH}
        if (body.errors.code === 'RATE_001') {
          await backOff();
        } else if (body.errors.code === 'AUTH_004') {
          await retryLater();
        } else {
          alertOps(body.errors);
        }
      `,
      options: [{ requireAll: true }],
      errors: [{ messageId: 'missingRequireAll', data: cx('if/else chain', 8, CX_8), line: 3, column: 1, endLine: 3, endColumn: 3, suggestions: [] }],
    },
    // early exits followed by a throw
    {
      code: src`
        async function send() {
          ${CX_FETCH}
          if (body.errors.code === 'RATE_001') return backOff();
          if (body.errors.code === 'AUTH_004') return retryLater();
          throw new Error(body.errors.code);
        }
      `,
      options: [{ requireAll: true }],
      errors: [{ messageId: 'missingRequireAll', data: cx('if/else chain', 8, CX_8), line: 4, column: 3, endLine: 4, endColumn: 5, suggestions: [] }],
    },
    // a membership test with an else
    {
      code: src`
        const RETRYABLE = new Set(['RATE_001', 'AUTH_004']);
        ${CX_FETCH}
        if (RETRYABLE.has(body.errors.code)) {
          await retryLater();
        } else {
          alertOps(body.errors);
        }
      `,
      options: [{ requireAll: true }],
      errors: [{ messageId: 'missingRequireAll', data: cx('membership test', 8, CX_8), line: 4, column: 1, endLine: 4, endColumn: 3, suggestions: [] }],
    },
    // a lookup with `?? fallback`, quoted keys, no trailing comma
    {
      code: src`
        const handlers = {
          'RATE_001': () => backOff(),
          'AUTH_004': () => retryLater()
        };
        ${CX_FETCH}
        (handlers[body.errors.code] ?? reportUnhandled)();
      `,
      options: [{ requireAll: true }],
      errors: [
        {
          messageId: 'missingRequireAll',
          data: cx('lookup object', 8, CX_8),
          line: 1,
          column: 18,
          endLine: 1,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'addMissingKeys',
              data: { provider: 'connexease', count: '8' },
              output: src`
                const handlers = {
                  'RATE_001': () => backOff(),
                  'AUTH_004': () => retryLater(),
                  'AUTH_001': () => { throw new Error('Not implemented yet: connexease AUTH_001 (API key not found, invalid or expired)'); },
                  'AUTH_002': () => { throw new Error('Not implemented yet: connexease AUTH_002 (Authorization header missing)'); },
                  'AUTH_003': () => { throw new Error('Not implemented yet: connexease AUTH_003 (Invalid token format)'); },
                  'AUTH_005': () => { throw new Error('Not implemented yet: connexease AUTH_005 (Corrupted authentication data)'); },
                  'WABA_001': () => { throw new Error('Not implemented yet: connexease WABA_001 (WABA credentials missing or invalid)'); },
                  'BILL_001': () => { throw new Error('Not implemented yet: connexease BILL_001 (Insufficient balance)'); },
                  'BILL_002': () => { throw new Error('Not implemented yet: connexease BILL_002 (No billing account)'); },
                  'GW_001': () => { throw new Error('Not implemented yet: connexease GW_001 (Invalid recipient)'); },
                };
                ${CX_FETCH}
                (handlers[body.errors.code] ?? reportUnhandled)();
              `,
            },
          ],
        },
      ],
    },
    // a lookup with `|| defaultHandler`, methods and function expressions, some codes ignored
    {
      code: src`
        const handlers = {
          RATE_001() { backOff(); },
          AUTH_004: function () { retryLater(); },
        };
        ${CX_FETCH}
        const handler = handlers[body.errors.code] || defaultHandler;
        handler();
      `,
      options: [{ requireAll: true, ignore: ['GW_001', 'AUTH_003'] }],
      errors: [
        {
          messageId: 'missingRequireAll',
          data: cx('lookup object', 6, '6 after-fix', CX_EXAMPLES_6),
          line: 1,
          column: 18,
          endLine: 1,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'addMissingKeys',
              data: { provider: 'connexease', count: '6' },
              output: src`
                const handlers = {
                  RATE_001() { backOff(); },
                  AUTH_004: function () { retryLater(); },
                  ${(['AUTH_001', 'AUTH_002', 'AUTH_005', 'WABA_001', 'BILL_001', 'BILL_002'] as const).map((c) => cxKey(c)).join('\n')}
                };
                ${CX_FETCH}
                const handler = handlers[body.errors.code] || defaultHandler;
                handler();
              `,
            },
          ],
        },
      ],
    },

    // requireAll does not change the message of a dispatch without a fallback
    {
      code: src`
        ${CX_FETCH}
        if (body.errors.code === 'RATE_001') {
          await backOff();
        } else if (body.errors.code === 'AUTH_004') {
          await retryLater();
        }
      `,
      options: [{ requireAll: true }],
      errors: [{ messageId: 'missingNoFallback', data: cx('if/else chain', 8, CX_8), line: 3, column: 1, endLine: 3, endColumn: 3, suggestions: [] }],
    },

    // ══ ignore ═════════════════════════════════════════════════════════════
    {
      code: src`
        ${CX_FETCH}
        if (body.errors.code === 'RATE_001') {
          await backOff();
        } else if (body.errors.code === 'AUTH_004') {
          await retryLater();
        }
      `,
      options: [{ ignore: ['AUTH_003', 'GW_001'] }],
      errors: [
        {
          messageId: 'missingNoFallback',
          data: cx('if/else chain', 6, '6 after-fix', CX_EXAMPLES_6),
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 3,
          suggestions: [],
        },
      ],
    },
  ],
});

// ─── Options schema ─────────────────────────────────────────────────────────

describe('options schema', () => {
  const linter = new Linter({ configType: 'flat' });
  const verify = (options: unknown) =>
    linter.verify(
      `await fetch('${CONNEX}', { method: 'POST' });`,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser, sourceType: 'module' },
          plugins: { 'whatsapp-errors': { rules: { 'exhaustive-error-codes': rule } } as never },
          rules: { 'whatsapp-errors/exhaustive-error-codes': ['error', options] },
        },
      ],
      'example.ts',
    );

  test('accepts valid options', () => {
    expect(verify({ requireAll: true, ignore: ['RATE_001', 131047] })).toEqual([]);
  });

  test('rejects a requireAll that is not a boolean', () => {
    expect(() => verify({ requireAll: 'yes' })).toThrow(/whatsapp-errors\/exhaustive-error-codes[\s\S]*"yes" should be boolean/);
  });

  test('rejects an unknown option, naming it and the known ones', () => {
    expect(() => verify({ requireAll: true, ignoreCodes: ['RATE_001'] })).toThrow(/Unexpected property "ignoreCodes"\. Expected properties: "requireAll", "ignore"/);
  });

  test('rejects an ignore that is not a list of codes', () => {
    expect(() => verify({ ignore: 'RATE_001' })).toThrow(/"RATE_001" should be array/);
    expect(() => verify({ ignore: [{ code: 'RATE_001' }] })).toThrow(/exhaustive-error-codes/);
  });
});

// ─── The helper above agrees with hand-written expectations ─────────────────

describe('expectation helper', () => {
  test('matches the hand-written Connexease groups', () => {
    expect(dataFor('switch', 'connexease', ['RATE_001', 'AUTH_004']).groups).toBe(CX_8);
    expect(dataFor('switch', 'connexease', []).groups).toBe(CX_10);
    expect(casesFor('connexease', ['RATE_001'], '\n')).toBe(cxCases(['RATE_001'], ''));
  });
});

describe('what a Twilio dispatch must handle', () => {
  test("Twilio's 58 messaging codes, none of Meta's", () => {
    const required = requiredEntries('twilio').map((e) => e.code);
    expect(required).toHaveLength(58);
    expect(required).toContain(63016);
    expect(required).not.toContain(131047);
    // template submission, Marketing Messages API and the deprecated 63033 are optional
    expect(required).not.toContain(63040);
    expect(required).not.toContain(63062);
    expect(required).not.toContain(63033);
    expect(dataFor('switch', 'twilio', [63016]).count).toBe('57');
  });
});

// ─── Status webhooks ────────────────────────────────────────────────────────
// A dispatch on `statuses[].errors[].code` is a dispatch on Meta's code: the
// codes required are those that can arrive by webhook (all but response-only
// ones; unset delivery counts as both), and the message says it is the webhook's.

/** The codes a webhook dispatch must handle. */
function webhookMissing(handled: readonly number[]): ErrorEntry[] {
  return missingEntries('meta-cloud', handled).filter((entry) => entry.delivery !== 'response');
}

const webhookData = (form: Form, handled: readonly number[]) => {
  const missing = webhookMissing(handled);
  return { form, provider: 'meta-cloud webhook', count: String(missing.length), groups: groupsOf(missing), examples: examplesOf('meta-cloud', missing) };
};

ruleTester.run('exhaustive-error-codes (status webhooks)', rule, {
  valid: [
    // a default that acts
    code`
      app.post('/webhook', async (req, res) => {
        for (const status of req.body.entry[0].changes[0].value.statuses ?? []) {
          if (status.status !== 'failed') continue;
          switch (status.errors[0].code) {
            case 131047: await sendTemplate(status.recipient_id); break;
            default: await alertOps(status.errors[0]);
          }
        }
        res.sendStatus(200);
      });
    `,
    // a switch on the status string is not a dispatch on a code
    code`
      export function onStatus(body) {
        for (const s of body.entry[0].changes[0].value.statuses) {
          switch (s.status) { case 'read': markRead(s.id); break; }
        }
      }
    `,
  ],
  invalid: [
    {
      code: src`
        app.post('/webhook', async (req, res) => {
          for (const status of req.body.entry[0].changes[0].value.statuses ?? []) {
            if (status.status !== 'failed') continue;
            switch (status.errors[0].code) {
              case 131047: await sendTemplate(status.recipient_id); break;
              case 131026: await markUnreachable(status.recipient_id); break;
            }
          }
          res.sendStatus(200);
        });
      `,
      errors: [
        {
          messageId: 'missingNoFallback',
          data: webhookData('switch', [131047, 131026]),
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'addMissingCases',
              data: suggestionData('meta-cloud', [131047, 131026]),
              output: src`
                app.post('/webhook', async (req, res) => {
                  for (const status of req.body.entry[0].changes[0].value.statuses ?? []) {
                    if (status.status !== 'failed') continue;
                    switch (status.errors[0].code) {
                      case 131047: await sendTemplate(status.recipient_id); break;
                      case 131026: await markUnreachable(status.recipient_id); break;
                      ${casesFor('meta-cloud', [131047, 131026], '\n')}
                    }
                  }
                  res.sendStatus(200);
                });
              `,
            },
          ],
        },
      ],
    },
    {
      // whatsapp-api-js's on.status hands over one error: an if/else chain on its code
      code: src`
        import { WhatsAppAPI } from 'whatsapp-api-js';
        const wa = new WhatsAppAPI({ token: 't', appSecret: 's' });
        wa.on.status = async ({ id, error }) => {
          if (error?.code === 131047) await resendAsTemplate(id);
          else if (error?.code === 131049) await retryTomorrow(id);
        };
      `,
      errors: [{ messageId: 'missingNoFallback', data: webhookData('if/else chain', [131047, 131049]), line: 4, column: 3, endLine: 4, endColumn: 5, suggestions: [] }],
    },
  ],
});

describe('status webhook expectations', () => {
  test('every Meta messaging code can arrive by webhook as far as the docs say (none is response-only)', () => {
    expect(webhookMissing([])).toEqual(missingEntries('meta-cloud', []));
    expect(webhookData('switch', [131047, 131026]).count).toBe('57');
  });
});

// ─── What the code after a dispatch does (issue 15) ─────────────────────────
// Without a `default`, the code after the dispatch runs for every other code by
// accident: it handles them only when it throws or uses the error, its body or
// its code. `return;`, `return undefined;` and `default: break;` do nothing.

ruleTester.run('exhaustive-error-codes: the fallback after a dispatch', rule, {
  valid: [
    // the code after the switch rethrows
    src`
      import axios from 'axios';
      export async function send(payload: object) {
        try {
          return await axios.post('${CONNEX}', payload);
        } catch (err) {
          switch (err.response.data.errors.code) {
            case 'RATE_001':
              return retryLater();
          }
          throw err;
        }
      }
    `,
    // the code after the switch records the code
    src`
      import axios from 'axios';
      export async function send(payload: object) {
        try {
          return await axios.post('${CONNEX}', payload);
        } catch (err) {
          switch (err.response.data.errors.code) {
            case 'RATE_001':
              return retryLater();
          }
          await markFailed(err.response.data.errors.code);
          return 'failed';
        }
      }
    `,
  ],
  invalid: [
    // two cases, then `return 'sent'`: every other code is reported as sent
    {
      code: src`
        import axios from 'axios';
        export async function send(payload: object) {
          try {
            await axios.post('${CONNEX}', payload);
          } catch (err) {
            switch (err.response.data.errors.code) {
              case 'RATE_001':
                return retryLater();
              case 'AUTH_004':
                return retryLater();
            }
          }
          return 'sent';
        }
      `,
      errors: [
        {
          messageId: 'missingNoFallback',
          data: cx('switch', 8, CX_8),
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'addMissingCases',
              data: { provider: 'connexease', count: '8' },
              output: src`
                import axios from 'axios';
                export async function send(payload: object) {
                  try {
                    await axios.post('${CONNEX}', payload);
                  } catch (err) {
                    switch (err.response.data.errors.code) {
                      case 'RATE_001':
                        return retryLater();
                      case 'AUTH_004':
                        return retryLater();
                      ${cxCases(['RATE_001', 'AUTH_004'], '')}
                    }
                  }
                  return 'sent';
                }
              `,
            },
            {
              messageId: 'addDefaultRethrow',
              data: { provider: 'connexease', thrown: 'err' },
              output: src`
                import axios from 'axios';
                export async function send(payload: object) {
                  try {
                    await axios.post('${CONNEX}', payload);
                  } catch (err) {
                    switch (err.response.data.errors.code) {
                      case 'RATE_001':
                        return retryLater();
                      case 'AUTH_004':
                        return retryLater();
                      default:
                        throw err;
                    }
                  }
                  return 'sent';
                }
              `,
            },
          ],
        },
      ],
    },
    // `default: return undefined;` does nothing, like `return;`
    {
      code: src`
        ${CX_FETCH}
        switch (body.errors.code) {
          case 'RATE_001':
            await backOff();
            break;
          default:
            return undefined;
        }
      `,
      errors: [
        {
          messageId: 'missingEmptyFallback',
          data: cx('switch', 9, CX_9),
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'addMissingCases',
              data: { provider: 'connexease', count: '9' },
              output: src`
                ${CX_FETCH}
                switch (body.errors.code) {
                  case 'RATE_001':
                    await backOff();
                    break;
                  ${cxCases(['RATE_001'], '')}
                  default:
                    return undefined;
                }
              `,
            },
            {
              messageId: 'addDefaultThrow',
              data: { provider: 'connexease', thrown: 'body' },
              output: src`
                ${CX_FETCH}
                switch (body.errors.code) {
                  case 'RATE_001':
                    await backOff();
                    break;
                  default:
                    throw new Error(\`Unhandled connexease error \${String(body.errors.code)}\`, { cause: body });
                }
              `,
            },
          ],
        },
      ],
    },
  ],
});

describe('the ignore option is checked against the catalog', () => {
  const linter = new Linter({ configType: 'flat' });
  const verify = (ignore: unknown[], settings?: object) =>
    linter.verify(
      `await fetch('${CONNEX}', { method: 'POST' });`,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser, sourceType: 'module' },
          plugins: { 'whatsapp-errors': { rules: { 'exhaustive-error-codes': rule } } as never },
          rules: { 'whatsapp-errors/exhaustive-error-codes': ['error', { ignore }] },
          ...(settings ? { settings: { 'whatsapp-errors': settings } } : {}),
        },
      ],
      'example.ts',
    );

  test('a code of the wrong type names the entry and the documented code', () => {
    expect(() => verify([131047, '131000'])).toThrow(
      "eslint-plugin-whatsapp-errors: invalid option: exhaustive-error-codes: ignore[1] is '131000'; meta-cloud documents 131000 (write it as a number).",
    );
  });

  test('a code no enabled provider documents is an error that names it', () => {
    expect(() => verify(['RATE_001', 'RATE_LIMIT'], { providers: ['connexease', 'wa-server'] })).toThrow(
      "eslint-plugin-whatsapp-errors: invalid option: exhaustive-error-codes: ignore[1] is 'RATE_LIMIT'; it is not a documented code of connexease, wa-server.",
    );
  });

  test('codes of enabled providers, a range code and a pattern-matched code are accepted', () => {
    expect(verify([131047, 250, 'RATE_001', 'send_failed'])).toEqual([]);
  });
});

// ─── Gateways: Twilio's SDK, Vonage's URL-fragment codes ───────────────────
// Linted as `notify.ts`, so the WhatsApp evidence comes from the code.

ruleTester.run('exhaustive-error-codes (gateways)', rule, {
  valid: [
    // an SMS-only Twilio app: no WhatsApp call, no dispatch on a WhatsApp provider's code
    {
      code: code`
        import twilio from 'twilio';
        const client = twilio(sid, token);
        export async function sendSms(to) {
          try { await client.messages.create({ from: '+14155238886', to, body: 'hi' }); }
          catch (err) { switch (err.code) { case 21211: return drop(to); } }
        }
      `,
      filename: 'sms.ts',
    },
  ],
  invalid: [
    // Twilio SDK: a switch on the RestException's code is asked for Twilio's codes
    {
      code: src`
        import twilio from 'twilio';
        const client = twilio(sid, token);
        export async function notify(to) {
          try {
            await client.messages.create({ from: 'whatsapp:+14155238886', to: 'whatsapp:' + to, body: 'hi' });
          } catch (err) {
            switch (err.code) {
              case 63016: return sendTemplate(to);
              case 21211: return drop(to);
            }
          }
        }
      `,
      filename: 'notify.ts',
      errors: [
        {
          messageId: 'missingNoFallback',
          data: dataFor('switch', 'twilio', [63016, 21211]),
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'addMissingCases',
              data: suggestionData('twilio', [63016, 21211]),
              output: src`
                import twilio from 'twilio';
                const client = twilio(sid, token);
                export async function notify(to) {
                  try {
                    await client.messages.create({ from: 'whatsapp:+14155238886', to: 'whatsapp:' + to, body: 'hi' });
                  } catch (err) {
                    switch (err.code) {
                      case 63016: return sendTemplate(to);
                      case 21211: return drop(to);
                      ${casesFor('twilio', [63016, 21211], '\n')}
                    }
                  }
                }
              `,
            },
            {
              messageId: 'addDefaultRethrow',
              data: { provider: 'twilio', thrown: 'err' },
              output: src`
                import twilio from 'twilio';
                const client = twilio(sid, token);
                export async function notify(to) {
                  try {
                    await client.messages.create({ from: 'whatsapp:+14155238886', to: 'whatsapp:' + to, body: 'hi' });
                  } catch (err) {
                    switch (err.code) {
                      case 63016: return sendTemplate(to);
                      case 21211: return drop(to);
                      default:
                        throw err;
                    }
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    // Vonage: a switch on the whole type URL; its cases count by their fragment. New cases cannot be
    // written from the catalog (the URL differs between Messages API and generic codes): only the default
    {
      code: src`
        import axios from 'axios';
        export async function notify(to) {
          try {
            await axios.post('${VONAGE}', { channel: 'whatsapp', message_type: 'text', to, from, text: 'hi' });
          } catch (err) {
            switch (err.response?.data?.type) {
              case 'https://developer.vonage.com/api-errors/messages#1340': return sendTemplate(to);
              case 'https://developer.vonage.com/api-errors#low-balance': return topUp();
            }
          }
        }
      `,
      filename: 'notify.ts',
      errors: [
        {
          messageId: 'missingNoFallback',
          data: dataFor('switch', 'vonage', ['1340', 'low-balance']),
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'addDefaultRethrow',
              data: { provider: 'vonage', thrown: 'err' },
              output: src`
                import axios from 'axios';
                export async function notify(to) {
                  try {
                    await axios.post('${VONAGE}', { channel: 'whatsapp', message_type: 'text', to, from, text: 'hi' });
                  } catch (err) {
                    switch (err.response?.data?.type) {
                      case 'https://developer.vonage.com/api-errors/messages#1340': return sendTemplate(to);
                      case 'https://developer.vonage.com/api-errors#low-balance': return topUp();
                      default:
                        throw err;
                    }
                  }
                }
              `,
            },
          ],
        },
      ],
    },
    // Vonage: a lookup on the fragment (split('#')[1]) gets keys for the missing codes
    {
      code: src`
        import { Vonage } from '@vonage/server-sdk';
        import { WhatsAppText } from '@vonage/messages';
        const vonage = new Vonage({ apiKey, apiSecret });
        const onError = {
          '1340': (to) => sendTemplate(to),
          'low-balance': () => topUp(),
        };
        export async function notify(to) {
          try {
            await vonage.messages.send(new WhatsAppText({ from, to, text: 'hi' }));
          } catch (err) {
            const body = await err.response.json();
            onError[body.type.split('#')[1]]?.(to);
          }
        }
      `,
      filename: 'notify.ts',
      errors: [
        {
          messageId: 'missingNoFallback',
          data: dataFor('lookup object', 'vonage', ['1340', 'low-balance']),
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'addMissingKeys',
              data: suggestionData('vonage', ['1340', 'low-balance']),
              output: src`
                import { Vonage } from '@vonage/server-sdk';
                import { WhatsAppText } from '@vonage/messages';
                const vonage = new Vonage({ apiKey, apiSecret });
                const onError = {
                  '1340': (to) => sendTemplate(to),
                  'low-balance': () => topUp(),
                  ${missingEntries('vonage', ['1340', 'low-balance']).map((e) => `'${String(e.code)}': () => { ${placeholder('vonage', e)} },`).join('\n')}
                };
                export async function notify(to) {
                  try {
                    await vonage.messages.send(new WhatsAppText({ from, to, text: 'hi' }));
                  } catch (err) {
                    const body = await err.response.json();
                    onError[body.type.split('#')[1]]?.(to);
                  }
                }
              `,
            },
          ],
        },
      ],
    },
  ],
});

// Twilio's status callback: ErrorCode is form-encoded text, so new cases are written as text
ruleTester.run('exhaustive-error-codes (Twilio status callback)', rule, {
  valid: [
    {
      code: code`
        export function onWhatsAppStatus(req, res) {
          switch (req.body.ErrorCode) {
            case '63016': return resendAsTemplate(req.body.MessageSid);
            default: return alertOps(req.body.MessageSid, req.body.ErrorCode);
          }
        }
      `,
      filename: 'hooks.ts',
    },
  ],
  invalid: [
    {
      code: src`
        export function onWhatsAppStatus(req, res) {
          switch (req.body.ErrorCode) {
            case '63016': return resendAsTemplate(req.body.MessageSid);
            case '63024': return markInvalid(req.body.To);
          }
        }
      `,
      filename: 'hooks.ts',
      errors: [
        {
          messageId: 'missingNoFallback',
          data: { ...dataFor('switch', 'twilio', [63016, 63024]), provider: 'twilio webhook' },
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'addMissingCases',
              data: suggestionData('twilio', [63016, 63024]),
              output: src`
                export function onWhatsAppStatus(req, res) {
                  switch (req.body.ErrorCode) {
                    case '63016': return resendAsTemplate(req.body.MessageSid);
                    case '63024': return markInvalid(req.body.To);
                    ${missingEntries('twilio', [63016, 63024]).map((e) => `case '${String(e.code)}': { ${placeholder('twilio', e)} }`).join('\n')}
                  }
                }
              `,
            },
          ],
        },
      ],
    },
  ],
});

describe('what a Vonage dispatch must handle', () => {
  test("the fragments of Vonage's types: its own codes and the generic ones", () => {
    expect(dataFor('switch', 'vonage', ['1340', 'low-balance']).count).toBe('46');
    expect(dataFor('switch', 'vonage', ['1340', 'low-balance']).groups).toBe('28 never-retry, 11 after-fix, 3 rate-limit, 4 transient');
  });
});

// whatsapp-cloud-api rejects with the Cloud API's error body itself: the code is `err.error.code`
const cloudBot = (cases: string, fallback: string) => src`
  import { createBot } from 'whatsapp-cloud-api';
  const bot = createBot(phoneNumberId, token);
  export async function notify(to: string, text: string) {
    try {
      await bot.sendText(to, text);
    } catch (err) {
      switch (err.error?.code) {
        ${cases}
        default:
          ${fallback}
      }
    }
  }
`;

ruleTester.run('exhaustive-error-codes: whatsapp-cloud-api', rule, {
  valid: [
    // the codes it does not name are rethrown
    cloudBot('case 131047:\n  await bot.sendTemplate(to, \'reopen_chat\', \'en\');\n  break;', 'throw err;'),
    // the same switch on a client of another package decides nothing about the Cloud API
    src`
      import { createBot } from 'chat-bot-sdk';
      const bot = createBot(phoneNumberId, token);
      export async function notify(to: string, text: string) {
        try {
          await bot.sendText(to, text);
        } catch (err) {
          switch (err.error?.code) {
            case 131047:
              break;
            default:
              break;
          }
        }
      }
    `,
  ],
  invalid: [
    {
      code: cloudBot('case 131047:\n  await bot.sendTemplate(to, \'reopen_chat\', \'en\');\n  break;', 'break;'),
      errors: [
        {
          messageId: 'missingEmptyFallback',
          data: dataFor('switch', 'meta-cloud', [131047]),
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'addMissingCases',
              data: suggestionData('meta-cloud', [131047]),
              output: cloudBot(`case 131047:\n  await bot.sendTemplate(to, 'reopen_chat', 'en');\n  break;\n${casesFor('meta-cloud', [131047], '\n')}`, 'break;'),
            },
            {
              messageId: 'addDefaultRethrow',
              data: { provider: 'meta-cloud', thrown: 'err' },
              output: cloudBot('case 131047:\n  await bot.sendTemplate(to, \'reopen_chat\', \'en\');\n  break;', 'throw err;'),
            },
          ],
        },
      ],
    },
  ],
});

// ─── The whole error handed on before the dispatch (real code: a diagnostics script) ─
// A dispatch with no `else` lets the codes it does not list go on. When a statement
// before it on the same path has already given the whole error (the caught error, the
// response, the body, or the part of the body that holds the code) to a call, that call
// saw every code: the dispatch only explains some of them. Only the code, or the
// error's message, is not the whole error.
/** A send to Meta whose catch logs `logged` and then explains two codes. */
const explained = (logged: string): string => code`
  import axios from 'axios';
  export async function probe(url: string, to: string) {
    try {
      await axios.post(url, { messaging_product: 'whatsapp', to, type: 'template', template: { name: 'hello', language: { code: 'en' } } });
    } catch (error: any) {
      if (error.response && error.response.data) {
        ${logged}
        if (error.response.data.error.code === 131026) {
          console.log('This number cannot receive WhatsApp messages.');
        } else if (error.response.data.error.code === 131031) {
          console.log('This account is locked.');
        }
      }
    }
  }
`;

ruleTester.run('exhaustive-error-codes: the whole error handed on before the dispatch', rule, {
  valid: [
    // the error object of Meta's body, printed as JSON
    explained("console.log('Meta error:', JSON.stringify(error.response.data.error, null, 2));"),
    // the whole body, inside an object given to a reporter
    explained('console.error({ where: \'probe\', body: error.response.data });'),
    // the caught error itself, in a template literal
    explained('console.error(`send failed: ${error}`);'),
  ],
  invalid: [
    // only the error's message: the codes are not in it
    {
      code: explained("console.log('Meta error:', error.message);"),
      errors: [{ messageId: 'missingNoFallback', data: dataFor('if/else chain', 'meta-cloud', [131026, 131031]), line: 8, column: 7, endLine: 8, endColumn: 9, suggestions: [] }],
    },
    // only the code
    {
      code: explained("console.log('Meta code:', error.response.data.error.code);"),
      errors: [{ messageId: 'missingNoFallback', data: dataFor('if/else chain', 'meta-cloud', [131026, 131031]), line: 8, column: 7, endLine: 8, endColumn: 9, suggestions: [] }],
    },
    // the whole error logged, but in another branch: not on the dispatch's path
    {
      code: code`
        import axios from 'axios';
        export async function probe(url: string, to: string, verbose: boolean) {
          try {
            await axios.post(url, { messaging_product: 'whatsapp', to, type: 'text', text: { body: 'hi' } });
          } catch (error: any) {
            if (verbose) {
              console.log(error.response.data);
            }
            if (error.response.data.error.code === 131026) {
              console.log('This number cannot receive WhatsApp messages.');
            } else if (error.response.data.error.code === 131031) {
              console.log('This account is locked.');
            }
          }
        }
      `,
      errors: [{ messageId: 'missingNoFallback', data: dataFor('if/else chain', 'meta-cloud', [131026, 131031]), line: 9, column: 5, endLine: 9, endColumn: 7, suggestions: [] }],
    },
  ],
});
