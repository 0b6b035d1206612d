/** The end-of-run summary: findings per rule and per provider. */
import type { ESLint } from 'eslint';

const PREFIX = 'whatsapp-errors/';

/** The provider a message names (every rule's message names its provider id). */
function providerOf(text: string, providers: readonly string[]): string {
  return providers.find((id) => new RegExp(`(^|[^\\w-])${id.replace(/[-]/g, '\\-')}([^\\w-]|$)`).test(text)) ?? 'other';
}

export interface Summary {
  readonly files: number;
  readonly findings: number;
  readonly parseErrors: number;
  readonly byRule: ReadonlyMap<string, number>;
  readonly byProvider: ReadonlyMap<string, number>;
}

export function summarise(results: readonly ESLint.LintResult[], providers: readonly string[]): Summary {
  const byRule = new Map<string, number>();
  const byProvider = new Map<string, number>();
  let findings = 0;
  let parseErrors = 0;
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal || !message.ruleId) {
        parseErrors++;
        continue;
      }
      findings++;
      const rule = message.ruleId.startsWith(PREFIX) ? message.ruleId.slice(PREFIX.length) : message.ruleId;
      byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
      const provider = providerOf(message.message, providers);
      byProvider.set(provider, (byProvider.get(provider) ?? 0) + 1);
    }
  }
  return { files: results.length, findings, parseErrors, byRule, byProvider };
}

function table(title: string, counts: ReadonlyMap<string, number>): string[] {
  const rows = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const width = Math.max(title.length, ...rows.map(([name]) => name.length));
  return [`  ${title.padEnd(width)}  findings`, ...rows.map(([name, count]) => `  ${name.padEnd(width)}  ${String(count).padStart(8)}`)];
}

export function formatSummary(summary: Summary): string {
  const lines = [`whatsapp-errors: ${summary.findings} finding${summary.findings === 1 ? '' : 's'} in ${summary.files} file${summary.files === 1 ? '' : 's'}`];
  if (summary.parseErrors) lines.push(`  ${summary.parseErrors} file${summary.parseErrors === 1 ? '' : 's'} could not be parsed`);
  if (summary.findings > 0) lines.push('', ...table('rule', summary.byRule), '', ...table('provider', summary.byProvider));
  return lines.join('\n');
}
