/**
 * What the reach search and the importers of a layer cost, and that the
 * shortcuts keep the findings:
 * - the reach answers of a run of lints are kept, so a module many linted
 *   files import is searched once per run; an answer that depended on the
 *   linted file (which the search does not follow) is not kept;
 * - the importers of a generic HTTP layer, asked what they call it with,
 *   follow only their calls into the layer (not a router's other handlers);
 * - an importer that reaches a provider only through the layer itself is
 *   not asked.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { analysisBuilds, reachSearches } from '../../src/analysis/imports.js';

/** A new project with these files under src/, linted with the recommended config. */
function project(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'wa-reach-'));
  writeFileSync(join(root, 'package.json'), '{ "name": "reach", "private": true, "type": "module" }');
  mkdirSync(join(root, 'src'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'src', name), text);
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] as never });
  /** Lints the files in this order, in one run: the findings by file, other files' analyses built, files searched. */
  return async (...names: string[]) => {
    const builds = analysisBuilds();
    const searches = reachSearches();
    const results = await eslint.lintFiles(names.map((n) => `src/${n}`));
    const findings = Object.fromEntries(results.map((r) => [r.filePath.slice(root.length + 5), r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)]));
    return { findings, builds: analysisBuilds() - builds, searches: reachSearches() - searches };
  };
}

const SEND = `import axios from 'axios';
export async function sendText(phoneNumberId: string, to: string, body: string) {
  await axios.post(\`https://graph.facebook.com/v21.0/\${phoneNumberId}/messages\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body } });
}
`;

/** A job that retries `call` (imported from `from`) on every error. */
const retryJob = (call: string, from: string) => `import { ${call} } from './${from}';
export async function job(senderId: string, to: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await ${call}(senderId, to);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
`;

describe('the reach answers of a run', () => {
  // p imports b before send; b calls p's function, so b reaches the provider through p
  const files = {
    'p.ts': `import { remindLater } from './b';
import { sendText } from './send';
export async function notify(senderId: string, to: string) {
  await sendText(senderId, to, 'Your order shipped');
}
export const later = remindLater;
`,
    'b.ts': `import { notify } from './p';
export const remindLater = (senderId: string, to: string) => notify(senderId, to);
`,
    'q.ts': retryJob('remindLater', 'b'),
    'send.ts': SEND,
  };

  it('an answer that skipped the linted file is not kept: b reaches the provider through p for q', async () => {
    const lint = project(files);
    const { findings } = await lint('p.ts', 'q.ts');
    expect(findings['q.ts']).toEqual(['3:3 whatsapp-errors/no-blind-retry']);
  });

  it('q alone finds the same', async () => {
    const lint = project(files);
    const { findings } = await lint('q.ts');
    expect(findings['q.ts']).toEqual(['3:3 whatsapp-errors/no-blind-retry']);
  });

  it('an answer that depended on a file still being searched (an import cycle) is not kept, nor one that relied on it', async () => {
    // c1 → m → c2 → c1: searched from x, c2 meets c1 still open, and m relies on c2's answer
    const cycle = {
      'c1.ts': `import { relay } from './m';
import { sendText } from './send';
export async function notifyAll(senderId: string, to: string) {
  await sendText(senderId, to, 'Doors open at nine');
}
export const relayed = relay;
`,
      'm.ts': `import { relayBack } from './c2';\nexport const relay = (senderId: string, to: string) => relayBack(senderId, to);\n`,
      'c2.ts': `import { notifyAll } from './c1';\nexport const relayBack = (senderId: string, to: string) => notifyAll(senderId, to);\n`,
      'x.ts': `import { relayed } from './c1';\nexport const go = () => relayed;\n`,
      // m is as deep in y's search as in x's
      'z.ts': `import { relay } from './m';\nexport const relayOn = (senderId: string, to: string) => relay(senderId, to);\n`,
      'y.ts': retryJob('relayOn', 'z'),
      'send.ts': SEND,
    };
    const { findings } = await project(cycle)('x.ts', 'y.ts');
    expect(findings['y.ts']).toEqual(['3:3 whatsapp-errors/no-blind-retry']);
  });

  it('a module many linted files import is searched once per run', async () => {
    // a hub over a chain of modules, one of which makes requests (so the chain is not quiet); none reaches a provider
    const chain = {
      'hub.ts': `import { one } from './lib1';\nexport const hub = () => one();\n`,
      'lib1.ts': `import { two } from './lib2';\nexport const one = () => two();\n`,
      'lib2.ts': `import { three } from './lib3';\nexport const two = () => three();\n`,
      'lib3.ts': `export const three = () => fetch('https://shop.example.com/ping');\n`,
    };
    const importer = (i: number) => `import { hub } from './hub';\nexport const use${i} = () => hub();\n`;
    const few = project({ ...chain, 'a1.ts': importer(1), 'a2.ts': importer(2) });
    const many = project({ ...chain, ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8].map((i) => [`a${i}.ts`, importer(i)])) });
    const two = await few('a1.ts', 'a2.ts');
    const eight = await many('a1.ts', 'a2.ts', 'a3.ts', 'a4.ts', 'a5.ts', 'a6.ts', 'a7.ts', 'a8.ts');
    expect(Object.values(eight.findings).flat()).toEqual([]);
    // each importer after the first costs one search (its own file), not one per module of the chain
    expect(eight.searches - two.searches).toBe(6);
  });
});

describe('the importers of a generic HTTP layer', () => {
  const LAYER = `export async function request(url: string, body: unknown) {
  const res = await fetch(url, { method: 'POST', body: JSON.stringify(body) });
  return res.json();
}
`;
  const ROUTER = (handlers: boolean) => `import { request } from './http';
${handlers ? "import { syncOrders } from './orders';\nimport { syncStock } from './stock';\n" : ''}export async function route(kind: string, phoneNumberId: string, to: string) {
${handlers ? "  if (kind === 'orders') return syncOrders();\n  if (kind === 'stock') return syncStock();\n" : ''}  return request(\`https://graph.facebook.com/v21.0/\${phoneNumberId}/messages\`, { messaging_product: 'whatsapp', to, type: 'text', text: { body: kind } });
}
`;
  /** A handler of another API: it makes requests, so it is no silent module, and follows a helper of its own. */
  const HANDLER = (name: string) => `import { shop } from './shop';
export async function ${name}() {
  const res = await fetch(shop('${name}'));
  return res.json();
}
`;
  const SHOP = `export const shop = (path: string) => \`https://shop.example.com/api/\${path}\`;\n`;
  const base = { 'http.ts': LAYER, 'orders.ts': HANDLER('syncOrders'), 'stock.ts': HANDLER('syncStock'), 'shop.ts': SHOP };
  const LAYER_FINDING = ['2:21 whatsapp-errors/no-unchecked-response'];

  it("a router's other handlers are not analysed to learn what it calls the layer with", async () => {
    const alone = await project({ ...base, 'router.ts': ROUTER(false) })('http.ts');
    const withHandlers = await project({ ...base, 'router.ts': ROUTER(true) })('http.ts');
    expect(alone.findings['http.ts']).toEqual(LAYER_FINDING);
    expect(withHandlers.findings['http.ts']).toEqual(LAYER_FINDING);
    expect(withHandlers.builds).toBe(alone.builds);
  });

  it('an importer that reaches the provider only through the layer is not asked', async () => {
    const AUDIT = `import { request } from './http';\nexport const ping = () => request('https://status.example.com/ping', {});\n`;
    const without = await project({ ...base, 'router.ts': ROUTER(false) })('http.ts');
    const withAudit = await project({ ...base, 'router.ts': ROUTER(false), 'audit.ts': AUDIT })('http.ts');
    expect(withAudit.findings['http.ts']).toEqual(LAYER_FINDING);
    expect(withAudit.builds).toBe(without.builds);
  });
});
