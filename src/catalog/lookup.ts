/**
 * Matching codes against catalog entries. Zero dependencies: shared by the
 * runtime helpers users import and by the rules' analysis.
 */
import type { ErrorEntry, ProviderDefinition, RetryClass } from './schema.js';

/** True when `entry` documents `code` (exact, `*suffix` pattern, or numeric range). */
export function entryMatches(entry: ErrorEntry, code: unknown): boolean {
  if (typeof entry.code === 'string' && entry.code.startsWith('*')) {
    return typeof code === 'string' && code.endsWith(entry.code.slice(1));
  }
  if (entry.code === code) return true;
  return (
    entry.rangeEnd !== undefined &&
    typeof code === 'number' &&
    typeof entry.code === 'number' &&
    code >= entry.code &&
    code <= entry.rangeEnd
  );
}

const indexes = new WeakMap<ProviderDefinition, Map<string | number, ErrorEntry>>();

function exactIndex(provider: ProviderDefinition): Map<string | number, ErrorEntry> {
  let index = indexes.get(provider);
  if (!index) {
    index = new Map();
    for (const entry of provider.errors) if (!index.has(entry.code)) index.set(entry.code, entry);
    indexes.set(provider, index);
  }
  return index;
}

/** The catalog entry documenting `code` for `provider`, or `undefined`. */
export function findEntry(provider: ProviderDefinition, code: unknown): ErrorEntry | undefined {
  if (typeof code !== 'string' && typeof code !== 'number') return undefined;
  const exact = exactIndex(provider).get(code);
  if (exact) return exact;
  return provider.errors.find((entry) => entryMatches(entry, code));
}

/** Retry classes under which a client retry of the same request is right. */
export const RETRYABLE_CLASSES: readonly RetryClass[] = ['transient', 'rate-limit'];

export function isRetryableClass(retry: RetryClass): boolean {
  return RETRYABLE_CLASSES.includes(retry);
}

/**
 * The code inside the value read at `provider.codePath`: the value itself, or,
 * for `codeEncoding: 'url-fragment'`, the part of a URL after `#`
 * (`…/api-errors/messages#1020` → `'1020'`).
 */
export function codeIn(provider: Pick<ProviderDefinition, 'codeEncoding'>, value: unknown): unknown {
  if (provider.codeEncoding !== 'url-fragment') return value;
  if (typeof value !== 'string') return undefined;
  const hash = value.indexOf('#');
  return hash === -1 ? undefined : value.slice(hash + 1);
}

/** Splits a body path such as `errors[0].code` into `['errors', 0, 'code']`. */
export function parsePath(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match || (!match[1] && !match[2])) throw new Error(`Invalid body path '${path}'`);
    if (match[1]) segments.push(match[1]);
    for (const index of match[2]?.matchAll(/\[(\d+)\]/g) ?? []) segments.push(Number(index[1]));
  }
  return segments;
}

/** Reads `path` out of a parsed JSON value; `undefined` when any step is missing. */
export function readPath(value: unknown, path: string): unknown {
  let current = value;
  for (const segment of parsePath(path)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
