/**
 * An analysis of another file that its importers told something (a generic
 * layer: what they call it with) depends on those importers: when one of
 * them is edited, a later run builds that analysis again rather than
 * reusing the one built with the old importer.
 */
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { afterEach, expect, it, vi } from 'vitest';
import plugin from '../../src/index.js';
import { analysisBuilds } from '../../src/analysis/imports.js';

const FILES = {
  // a generic layer: the URL is its caller's
  'http.ts': `export async function request(url: string, init: RequestInit) {
  return fetch(url, init);
}
`,
  'send.ts': `import { request } from './http';
export const notify = (id: string, to: string) =>
  request(\`https://graph.facebook.com/v21.0/\${id}/messages\`, { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to }) });
`,
  'job.ts': `import { request } from './http';
export async function ping(id: string) {
  const res = await request(\`https://graph.facebook.com/v21.0/\${id}/messages\`, { method: 'POST', body: '{}' });
  return res.ok;
}
`,
};

afterEach(() => {
  vi.restoreAllMocks();
});

it("a cached analysis built with its importers' facts is built again when an importer changes", async () => {
  const root = mkdtempSync(join(tmpdir(), 'wa-importer-deps-'));
  writeFileSync(join(root, 'package.json'), '{ "name": "importer-deps", "private": true, "type": "module" }');
  mkdirSync(join(root, 'src'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(root, 'src', name), text);
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] as never });
  // time moved by hand: each lint of job.ts again starts a new run of lints
  let now = 1_000_000;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  const builds = async () => {
    now += 50;
    const before = analysisBuilds();
    await eslint.lintFiles(['src/job.ts']);
    return analysisBuilds() - before;
  };
  expect(await builds()).toBeGreaterThan(0);
  // nothing changed: the analyses of http.ts (and what its importers told) are reused
  expect(await builds()).toBe(0);
  appendFileSync(join(root, 'src/send.ts'), '// reminders go out at nine\n');
  expect(await builds()).toBeGreaterThan(0);
  expect(await builds()).toBe(0);
});
