/** The end-of-run summary: files linted and with findings, findings per rule and per provider. */
import type { ESLint } from 'eslint';

const PREFIX = 'whatsapp-errors/';
/** ESLint's warning for a file named on the command line that the config ignores. */
const IGNORED = /^File ignored\b/;

/** The provider a message names (every rule's message names its provider id). */
function providerOf(text: string, providers: readonly string[]): string {
  return providers.find((id) => new RegExp(`(^|[^\\w-])${id.replace(/[-]/g, '\\-')}([^\\w-]|$)`).test(text)) ?? 'other';
}

export interface Summary {
  /** Files linted (parsed or not). */
  readonly files: number;
  /** Files named on the command line that the config ignores (ESLint warns and skips them). */
  readonly ignored: number;
  /** Files with at least one finding. */
  readonly filesWithFindings: number;
  /** Files that could not be parsed, so were not checked. */
  readonly unparsed: number;
  readonly findings: number;
  /** Findings reported at the `error` level (the rest are warnings). */
  readonly errors: number;
  readonly byRule: ReadonlyMap<string, number>;
  readonly byProvider: ReadonlyMap<string, number>;
}

export function summarise(results: readonly ESLint.LintResult[], providers: readonly string[]): Summary {
  const byRule = new Map<string, number>();
  const byProvider = new Map<string, number>();
  let findings = 0;
  let errors = 0;
  let unparsed = 0;
  let filesWithFindings = 0;
  let ignored = 0;
  for (const result of results) {
    if (result.messages.some((m) => !m.ruleId && !m.fatal && IGNORED.test(m.message))) {
      ignored++;
      continue;
    }
    let found = false;
    let fatal = false;
    for (const message of result.messages) {
      if (message.fatal) {
        fatal = true;
        continue;
      }
      // ESLint's own notes (no rule): not findings of this plugin
      if (!message.ruleId) continue;
      found = true;
      findings++;
      if (message.severity === 2) errors++;
      const rule = message.ruleId.startsWith(PREFIX) ? message.ruleId.slice(PREFIX.length) : message.ruleId;
      byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
      const provider = providerOf(message.message, providers);
      byProvider.set(provider, (byProvider.get(provider) ?? 0) + 1);
    }
    if (found) filesWithFindings++;
    if (fatal) unparsed++;
  }
  return { files: results.length - ignored, ignored, filesWithFindings, unparsed, findings, errors, byRule, byProvider };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function table(title: string, counts: ReadonlyMap<string, number>): string[] {
  const rows = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const width = Math.max(title.length, ...rows.map(([name]) => name.length));
  return [`  ${title.padEnd(width)}  findings`, ...rows.map(([name, count]) => `  ${name.padEnd(width)}  ${String(count).padStart(8)}`)];
}

export function formatSummary(summary: Summary): string {
  const warnings = summary.findings - summary.errors;
  const findings = `${plural(summary.findings, 'finding')}${warnings ? ` (${plural(warnings, 'warning')})` : ''}`;
  const linted = `${summary.files} linted file${summary.files === 1 ? '' : 's'}`;
  const ignored = summary.ignored ? ` (${plural(summary.ignored, 'file')} ignored by the config)` : '';
  const lines = [`whatsapp-errors: ${findings} in ${summary.findings ? `${summary.filesWithFindings} of ${linted}` : linted}${ignored}`];
  if (summary.unparsed) {
    lines.push(`  ${plural(summary.unparsed, 'file')} could not be parsed and ${summary.unparsed === 1 ? 'was' : 'were'} not checked (see the parse errors above)`);
  }
  if (summary.findings > 0) lines.push('', ...table('rule', summary.byRule), '', ...table('provider', summary.byProvider));
  return lines.join('\n');
}
