/**
 * Generates a realistic TypeScript codebase for the benchmark: mostly ordinary
 * application code (services, repositories, utilities, DTOs), and a few
 * percent of modules that talk to WhatsApp providers in the styles real code
 * uses (fetch, axios instances, retries, dispatches on the error code).
 * Deterministic: the same size gives the same files.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

/** An ordinary module; it imports the previous one when that is ordinary too (short chains, as in real code). */
function ordinaryModule(index: number, next: () => number, importsPrevious: boolean): string {
  const entity = ENTITIES[index % ENTITIES.length]!;
  const name = `${entity}${index}`;
  const fields = ['id', 'createdAt', 'status', 'total', 'ownerId', 'notes'].slice(0, 3 + Math.floor(next() * 4));
  const imports = importsPrevious ? `import { format${ENTITIES[(index - 1) % ENTITIES.length]}${index - 1} } from './module${index - 1}.js';\n` : '';
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
${imports ? `\nexport const describePrevious = format${ENTITIES[(index - 1) % ENTITIES.length]}${index - 1};\n` : ''}`;
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

/** Writes `count` files under `dir` (removed first) and a tsconfig.json; returns the list of files. */
export function generate(dir: string, count: number, providerShare = 0.03): string[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, lib: ['ES2023', 'DOM'], types: [] }, include: ['src'] }, null, 2),
  );
  const next = random(count);
  const every = Math.max(1, Math.round(1 / providerShare));
  const files: string[] = [];
  const isProvider = (i: number) => i % every === every - 1;
  for (let i = 0; i < count; i++) {
    const file = join(dir, 'src', `module${i}.ts`);
    const text = isProvider(i)
      ? PROVIDER_MODULES[i % PROVIDER_MODULES.length]!(i)
      : i > 0 && isProvider(i - 1)
        ? callerModule(i, `${WRAPPER_NAMES[(i - 1) % WRAPPER_NAMES.length]}${i - 1}`)
        : ordinaryModule(i, next, i > 0 && i % 4 !== 0 && !isProvider(i - 1) && !(i > 1 && isProvider(i - 2)));
    writeFileSync(file, text);
    files.push(file);
  }
  return files;
}
