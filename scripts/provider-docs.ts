/**
 * Renders docs/providers/<id>.md from the catalog. Used by
 * `npm run docs` (writes) and by the freshness test (compares).
 */
import { catalog, PROVIDERS, type ErrorEntry, type MappedApi, type ProviderDefinition, type RetryClass, type Scope } from '../src/catalog/index.js';

const RETRY_LABEL: Record<RetryClass, string> = {
  transient: 'transient: retry with backoff',
  'rate-limit': 'rate-limit: retry only after waiting',
  'after-fix': 'after-fix: retry only after an out-of-band fix',
  never: 'never: the same request cannot succeed',
  'provider-retries': 'provider-retries: the provider already retries it',
};

const SCOPE_HEADING: Record<Scope, string> = {
  messaging: 'Messaging errors',
  management: 'Management API errors (templates, migration, insights)',
  'marketing-messages': 'Marketing Messages API errors',
  webhook: 'Webhook errors',
  legacy: 'Legacy and deprecated codes',
};

const SCOPE_NOTE: Record<Scope, string> = {
  messaging: 'A dispatch on this provider\'s code is exhaustive when it handles all of these.',
  management: 'Documented for other endpoints than sending; `exhaustive-error-codes` does not require them.',
  'marketing-messages': 'Returned by the Marketing Messages API only; `exhaustive-error-codes` does not require them.',
  webhook: 'Returned on the webhook side; `exhaustive-error-codes` does not require them.',
  legacy: 'No longer documented by the provider (or marked deprecated); known to the rules, not required.',
};

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function codeCell(entry: ErrorEntry): string {
  const code = typeof entry.code === 'string' ? `\`${entry.code}\`` : `\`${entry.code}\``;
  return entry.rangeEnd === undefined ? code : `${code}–\`${entry.rangeEnd}\``;
}

const MAPPED_API_LABEL: Record<MappedApi, string> = {
  'meta-cloud': 'Cloud API',
  'meta-on-premises': 'On-Premises',
};

function mapsCell(entry: ErrorEntry): string {
  if (!entry.maps) return '—';
  return `${MAPPED_API_LABEL[entry.maps.api]} ${entry.maps.codes.map((c) => `\`${c}\``).join(', ')}`;
}

function sourceCell(source: string): string {
  return source.startsWith('http') ? `[docs](${source.split(' ')[0]})` : `\`${source}\``;
}

export function renderProviderDoc(def: ProviderDefinition): string {
  const lines: string[] = [];
  const codeKind = def.codeType === 'string-or-number' ? 'string or number' : def.codeType;
  lines.push(`# ${def.name} (\`${def.id}\`)`, '');
  lines.push('<!-- Generated from src/catalog by `npm run docs`. Do not edit by hand. -->', '');
  lines.push(`- Error documentation: ${def.docs}`);
  lines.push(`- Hosts: ${def.hosts.map((h) => `\`${h}\``).join(', ')}`);
  if (def.sharedHosts?.length) {
    lines.push(`- Shared hosts: ${def.sharedHosts.map((h) => `\`${h}\``).join(', ')} also serve APIs other than WhatsApp, so a call to them counts only with WhatsApp evidence (a WhatsApp payload, path or address, or WhatsApp in the names around it)`);
  }
  if (def.whatsappPaths?.length) {
    lines.push(
      `- WhatsApp paths: ${def.whatsappPaths.map((p) => `\`${p.prefix}\` ([docs](${p.source}))`).join(', ')}; WhatsApp evidence on the shared hosts, and the provider's on their own when the base URL comes from configuration`,
    );
  }
  lines.push(
    def.codeEncoding === 'url-fragment'
      ? `- Error code: the fragment (after \`#\`) of the URL in \`body.${def.codePath}\` (${codeKind})`
      : `- Error code: \`body.${def.codePath}\` (${codeKind})`,
  );
  if (def.passesThrough?.length) {
    lines.push(`- Passes through the codes of: ${def.passesThrough.map((id) => `[\`${id}\`](./${id}.md)`).join(', ')} (listed below with the provider's own)`);
  }
  lines.push(`- Human-readable fields (never branch on them): ${def.messagePaths.map((p) => `\`${p}\``).join(', ')}`);
  if (def.successFlag) lines.push(`- Success flag: \`body.${def.successFlag}\` is \`false\` on every error, whatever the HTTP status`);
  if (def.retryAfter?.bodyPath) lines.push(`- Retry wait: \`body.${def.retryAfter.bodyPath}\``);
  if (def.retryAfter?.header) lines.push(`- Retry wait: \`${def.retryAfter.header}\` header`);
  lines.push(
    def.idempotency
      ? `- Idempotency: ${def.idempotency.kind === 'header' ? `\`${def.idempotency.name}\` request header` : `\`${def.idempotency.name}\` request-body field${def.idempotency.aliases?.length ? ` (alias ${def.idempotency.aliases.map((a) => `\`${a}\``).join(', ')})` : ''}`}`
      : '- Idempotency: not documented',
  );
  lines.push(
    def.statusReliable
      ? '- HTTP status: documented per code; a status that maps to several codes still needs the code to decide'
      : def.statusOnlyErrors?.length
        ? '- HTTP status: not a reliable key for the coded errors (branch on the code); for the errors without a code it is the only signal'
        : '- HTTP status: not a reliable key for this provider; branch on the error code only',
  );
  lines.push('');
  if (def.notes?.length) {
    lines.push('## Notes', '');
    for (const note of def.notes) lines.push(`- ${note}`);
    lines.push('');
  }
  const webhook = def.statusWebhook;
  if (webhook) {
    const errorPath = def.codePath.split('.').slice(0, -1).join('.');
    lines.push('## Status webhooks', '');
    lines.push(
      'A send accepted with HTTP 2xx can still fail: the failure arrives later by webhook, as a `failed` message status with an `errors[]` array (and problems of the app or account in the webhook value\'s own `errors[]`).',
      `Each element of such an \`errors[]\` is read like \`body.${errorPath}\` of an error response: its code is at \`code\`; its text fields (never branch on them) are ${webhook.messageFields.map((f) => `\`${f}\``).join(', ')}.`,
      `Sources: ${webhook.sources.map((url) => `[${url.replace(/\/$/, '').split('/').pop()}](${url})`).join(', ')}.`,
      '',
      'The **delivery** column of the tables below says where a code arrives: `response`, `webhook` (only), or `both`. `—` means the documentation does not say; the rules then read it as `both`, so a dispatch on a webhook error code requires every code but the `response` ones.',
      '',
    );
  }
  const callback = def.statusCallback;
  if (callback) {
    const states = callback.failedStates.map((state) => `\`${state}\``);
    lines.push('## Status callbacks', '');
    lines.push(
      `A send accepted with HTTP 2xx can still fail: the failure arrives later in a ${callback.encoding === 'form' ? 'form-encoded ' : ''}status callback, one message at a time. The status is at \`${callback.statusPath}\` (${states.join(' or ')} for a failed send) and the error code at \`${callback.codePath}\`${callback.encoding === 'form' && def.codeType === 'number' ? ` (as text: \`'${callback.notable[0]}'\`, not \`${callback.notable[0]}\`)` : ''}.`,
      `The rules read the callback when the code around it says it is WhatsApp's: ${callback.evidence.map((text) => `\`${text}\``).join(', ')} in the file, or WhatsApp in the handler's name, route or class.`,
      `Sources: ${callback.sources.map((url) => `[${url.replace(/\/$/, '').split('/').pop()}](${url})`).join(', ')}.`,
      '',
    );
  }
  const counts = new Map<RetryClass, number>();
  for (const entry of def.errors) counts.set(entry.retry, (counts.get(entry.retry) ?? 0) + 1);
  for (const entry of def.statusOnlyErrors ?? []) counts.set(entry.retry, (counts.get(entry.retry) ?? 0) + 1);
  lines.push('## Retry classes', '');
  if (def.retryReasons) {
    lines.push('| class | errors | why |', '|---|---|---|');
    for (const [retry, label] of Object.entries(RETRY_LABEL) as [RetryClass, string][]) {
      lines.push(`| ${label} | ${counts.get(retry) ?? 0} | ${cell(def.retryReasons[retry] ?? '—')} |`);
    }
  } else {
    lines.push('| class | codes |', '|---|---|');
    for (const [retry, label] of Object.entries(RETRY_LABEL) as [RetryClass, string][]) {
      lines.push(`| ${label} | ${counts.get(retry) ?? 0} |`);
    }
  }
  lines.push('');
  const mapped = def.errors.some((e) => e.maps);
  for (const scope of Object.keys(SCOPE_HEADING) as Scope[]) {
    const entries = def.errors.filter((e) => (e.scope ?? 'messaging') === scope);
    if (entries.length === 0) continue;
    lines.push(`## ${SCOPE_HEADING[scope]} (${entries.length})`, '', SCOPE_NOTE[scope], '');
    const headers = ['code', 'HTTP', 'retry', 'title', 'remedy', ...(mapped ? ['WhatsApp code'] : []), ...(webhook ? ['delivery'] : []), 'source'];
    lines.push(`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`);
    for (const e of entries) {
      const status = e.httpStatus.length ? e.httpStatus.join(', ') : '—';
      const maps = mapped ? ` ${mapsCell(e)} |` : '';
      const delivery = !webhook ? '' : e.delivery ? ` ${e.delivery}${e.deliverySource ? ` (${sourceCell(e.deliverySource)})` : ''} |` : ' — |';
      lines.push(`| ${codeCell(e)} | ${status} | ${e.retry} | ${cell(e.title)} | ${cell(e.remedy)} |${maps}${delivery} ${sourceCell(e.source)} |`);
    }
    lines.push('');
  }
  if (def.statusOnlyErrors?.length) {
    lines.push(`## Errors without a code (${def.statusOnlyErrors.length})`, '');
    lines.push(
      'The provider documents these with an HTTP status and a message only. The status is the one machine-readable signal; the message is for people and may change. `exhaustive-error-codes` has no code to ask for.',
      '',
    );
    lines.push('| HTTP | retry | title | remedy | scope | source |', '|---|---|---|---|---|---|');
    for (const e of def.statusOnlyErrors) {
      lines.push(`| ${e.httpStatus} | ${e.retry} | ${cell(e.title)} | ${cell(e.remedy)} | ${e.scope ?? 'messaging'} | ${sourceCell(e.source)} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function renderProviderIndex(): string {
  const lines = [
    '# Providers',
    '',
    '<!-- Generated from src/catalog by `npm run docs`. Do not edit by hand. -->',
    '',
    '| id | provider | code at | codes | hosts |',
    '|---|---|---|---|---|',
  ];
  for (const id of PROVIDERS) {
    const def: ProviderDefinition = catalog[id];
    lines.push(`| [\`${id}\`](./${id}.md) | ${def.name} | \`body.${def.codePath}\` | ${def.errors.length} | ${def.hosts.map((h) => `\`${h}\``).join(', ')} |`);
  }
  lines.push('');
  return lines.join('\n');
}

/** Every generated file, by its path relative to the repository root. */
export function providerDocFiles(): Map<string, string> {
  const files = new Map<string, string>();
  files.set('docs/providers/README.md', renderProviderIndex());
  for (const id of PROVIDERS) files.set(`docs/providers/${id}.md`, renderProviderDoc(catalog[id]));
  return files;
}
