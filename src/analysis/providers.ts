/**
 * A provider as the rules see it: its catalog definition plus the indexes the
 * analysis needs (body paths, status → entries, handling groups).
 */
import { findEntry, parsePath } from '../catalog/lookup.js';
import type { ErrorEntry, ProviderDefinition, RetryClass, StatusOnlyError } from '../catalog/schema.js';

/** Retry classes that call for the same handling: both retryable classes retry (one waits longer). */
export type HandlingGroup = 'retry' | 'after-fix' | 'never' | 'provider-retries';

export function handlingGroup(retry: RetryClass): HandlingGroup {
  return retry === 'transient' || retry === 'rate-limit' ? 'retry' : retry;
}

export interface ProviderInfo {
  readonly id: string;
  readonly def: ProviderDefinition;
  /** `errors[0].code` as `['errors', 0, 'code']`. */
  readonly codePath: readonly (string | number)[];
  readonly messagePaths: readonly (readonly (string | number)[])[];
  readonly successFlagPath?: readonly (string | number)[];
  readonly retryAfterPath?: readonly (string | number)[];
  /** How to name the code field in a message: `body.error.code`. */
  readonly codeField: string;
  /**
   * With status webhooks: the body path an element of a webhook's `errors[]`
   * stands for (the code's path without its last step: `['error']` for Meta).
   * Its text fields are among `messagePaths`.
   */
  readonly webhookErrorPath?: readonly (string | number)[];
  /** The documented codes of messaging (not of the other scopes a provider documents, such as its account API). */
  readonly messagingErrors: readonly ErrorEntry[];
  /**
   * The documented messaging codes that can arrive in the response to a
   * request (delivery `response`, `both` or unset): what a retry of the
   * request can see and re-send. Empty for a provider whose codes all arrive
   * by webhook (Gupshup's failed message events).
   */
  readonly responseErrors: readonly ErrorEntry[];
  /**
   * Can a code arrive in a response? False only when the provider documents
   * messaging codes and every one of them arrives by webhook: an error of one
   * of its requests then carries no code, only a status and a message. A
   * provider that documents no code at all (a custom one) may still send one
   * at its code path.
   */
  readonly codesInResponses: boolean;
  entry(code: unknown): ErrorEntry | undefined;
  /** Entries whose documented statuses include any status in `[lo, hi]`. */
  entriesForStatuses(ranges: readonly (readonly [number, number])[]): ErrorEntry[];
  /** Errors documented without a code (see `StatusOnlyError`) whose status is in one of the ranges. */
  statusOnlyForStatuses(ranges: readonly (readonly [number, number])[]): StatusOnlyError[];
}

export function createProviderInfo(def: ProviderDefinition): ProviderInfo {
  const byStatus = new Map<number, ErrorEntry[]>();
  for (const entry of def.errors) {
    for (const status of entry.httpStatus) {
      const list = byStatus.get(status) ?? [];
      list.push(entry);
      byStatus.set(status, list);
    }
  }
  const messagingErrors = def.errors.filter((e) => (e.scope ?? 'messaging') === 'messaging');
  const responseErrors = messagingErrors.filter((e) => e.delivery !== 'webhook');
  const codePath = parsePath(def.codePath);
  const webhookErrorPath = def.statusWebhook && codePath.length > 1 ? codePath.slice(0, -1) : undefined;
  const messagePaths = def.messagePaths.map(parsePath);
  // a webhook error's text fields (`title`, …) read as the same provider's error text
  for (const field of webhookErrorPath ? def.statusWebhook!.messageFields : []) {
    const path = [...webhookErrorPath!, ...parsePath(field)];
    if (!messagePaths.some((known) => pathMatches(known, path))) messagePaths.push(path);
  }
  return {
    id: def.id,
    def,
    codePath,
    messagePaths,
    ...(webhookErrorPath ? { webhookErrorPath } : {}),
    ...(def.successFlag ? { successFlagPath: parsePath(def.successFlag) } : {}),
    ...(def.retryAfter?.bodyPath ? { retryAfterPath: parsePath(def.retryAfter.bodyPath) } : {}),
    codeField: `body.${def.codePath}`,
    messagingErrors,
    responseErrors,
    codesInResponses: messagingErrors.length === 0 || responseErrors.length > 0,
    entry: (code) => findEntry(def, code),
    entriesForStatuses(ranges) {
      const found = new Set<ErrorEntry>();
      for (const [status, entries] of byStatus) {
        if (ranges.some(([lo, hi]) => status >= lo && status <= hi)) for (const e of entries) found.add(e);
      }
      return def.errors.filter((e) => found.has(e));
    },
    statusOnlyForStatuses: (ranges) => (def.statusOnlyErrors ?? []).filter((e) => ranges.some(([lo, hi]) => e.httpStatus >= lo && e.httpStatus <= hi)),
  };
}

/** True when a body path (indexes generalised) is the given catalog path. */
export function pathMatches(path: readonly (string | number)[], target: readonly (string | number)[]): boolean {
  if (path.length !== target.length) return false;
  return path.every((segment, i) => {
    const want = target[i];
    return typeof want === 'number' ? typeof segment === 'number' : segment === want;
  });
}

/** Optimal string alignment distance (edits and adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The documented codes closest to an undocumented value of the same type: a
 * string code a couple of edits away (`rate_limit` → `rate_limited`), a
 * number one digit edit away (`131074` → `131047`). Among equally close
 * codes a transposition (the same characters) wins; otherwise all of them are
 * given, in notability order (`13104` → `131047`, `131048`, …). Pattern codes
 * are skipped.
 */
export function nearestCodes(provider: ProviderInfo, value: string | number): readonly ErrorEntry[] {
  let known = nearest.get(provider);
  if (!known) nearest.set(provider, (known = new Map()));
  let found = known.get(value);
  if (!found) known.set(value, (found = Object.freeze(computeNearestCodes(provider, value))));
  return found;
}

/** Answers of `nearestCodes` (an edit distance to every documented code of the value's type) by provider and value. */
const nearest = new WeakMap<ProviderInfo, Map<string | number, readonly ErrorEntry[]>>();

function computeNearestCodes(provider: ProviderInfo, value: string | number): ErrorEntry[] {
  if (typeof value === 'number' && (value < 0 || !Number.isInteger(value))) return []; // -1 is a "no code" placeholder, not a typo
  const text = String(value).toLowerCase();
  const limit = typeof value === 'number' ? 1 : text.length >= 6 ? 2 : 1;
  let best: ErrorEntry[] = [];
  let bestDistance = Infinity;
  for (const entry of provider.def.errors) {
    if (typeof entry.code !== typeof value || (typeof entry.code === 'string' && entry.code.startsWith('*'))) continue;
    const candidate = String(entry.code).toLowerCase();
    const distance = editDistance(text, candidate) - (sameCharacters(text, candidate) ? 0.5 : 0);
    if (distance > limit || distance > bestDistance) continue;
    if (distance < bestDistance) best = [];
    bestDistance = distance;
    best.push(entry);
  }
  return byNotability(provider, best);
}

/** The closest documented code when exactly one is closest. */
export function nearestCode(provider: ProviderInfo, value: string | number): ErrorEntry | undefined {
  const found = nearestCodes(provider, value);
  return found.length === 1 ? found[0] : undefined;
}

function sameCharacters(a: string, b: string): boolean {
  return a.length === b.length && [...a].sort().join('') === [...b].sort().join('');
}

/** Lower-cased text of a tested string or regular expression, without regex syntax. */
function plainText(text: string): string {
  return text
    .replace(/\\([.()[\]{}?*+^$|\\/#-])/g, '$1')
    .replace(/^\^|\$$/g, '')
    .replace(/\.\*|\.\+/g, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A documented entry a text points at, with the code the text names (`(#250)` is 250 in the 200–299 entry). */
export interface TextMatch {
  readonly entry: ErrorEntry;
  /** The single code the text stands for; `undefined` for a range or a pattern entry matched by its title. */
  readonly code: string | number | undefined;
}

/**
 * The documented entries a tested message text points at: a `(#131047)` code
 * reference, a title equal to the text, or a title containing the text (or
 * the text containing a title).
 */
export function entriesForText(provider: ProviderInfo, text: string): TextMatch[] {
  const plain = plainText(text);
  if (plain.length === 0) return [];
  const single = (entry: ErrorEntry): string | number | undefined =>
    entry.rangeEnd !== undefined || (typeof entry.code === 'string' && entry.code.startsWith('*')) ? undefined : entry.code;
  const byCode: TextMatch[] = [];
  for (const match of plain.matchAll(/#(\d+)/g)) {
    const code = Number(match[1]);
    const entry = provider.entry(code);
    if (entry && !byCode.some((m) => m.code === code)) byCode.push({ entry, code });
  }
  if (byCode.length > 0) return byCode;
  const titles = provider.def.errors.map((e) => [e, e.title.toLowerCase()] as const);
  const exact = titles.filter(([, title]) => title === plain).map(([e]) => ({ entry: e, code: single(e) }));
  if (exact.length > 0) return exact;
  return titles
    .filter(([, title]) => (plain.length >= 6 && title.includes(plain)) || (title.length >= 6 && plain.includes(title)))
    .map(([e]) => ({ entry: e, code: single(e) }));
}

/** What a call does: a send (a message), a template send, or another request (listing templates, media, the business profile…). */
export type Endpoint = 'send' | 'template' | 'request';

/**
 * Entries in the order messages should name them: the provider's notable
 * codes first (for a request that is not a send, the codes any endpoint can
 * return; for a template send, the template's own), then catalog order.
 */
export function byNotability(provider: ProviderInfo, entries: readonly ErrorEntry[], endpoint: Endpoint = 'send'): ErrorEntry[] {
  const notable = (endpoint === 'request' ? provider.def.requestNotable : endpoint === 'template' ? provider.def.templateNotable : undefined) ?? provider.def.notable ?? [];
  const rank = (e: ErrorEntry) => {
    const index = notable.indexOf(e.code);
    return index === -1 ? notable.length : index;
  };
  return [...entries].sort((a, b) => rank(a) - rank(b));
}

/** Two codes that need different handling, for "callers cannot tell A from B". */
export function contrastingPair(provider: ProviderInfo, endpoint: Endpoint = 'send'): [ErrorEntry, ErrorEntry] | undefined {
  const ordered = byNotability(provider, provider.messagingErrors, endpoint);
  const first = ordered[0];
  const second = first && ordered.find((e) => handlingGroup(e.retry) !== handlingGroup(first.retry));
  return first && second ? [first, second] : undefined;
}
