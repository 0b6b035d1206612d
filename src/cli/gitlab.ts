/**
 * GitLab's code quality report (`artifacts:reports:codequality`) from ESLint
 * results: a JSON array with one issue per finding, with the fields GitLab
 * documents (description, check_name, fingerprint, severity, location.path,
 * location.lines.begin).
 * https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
 */
import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';
import type { ESLint } from 'eslint';

export type GitLabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export interface CodeQualityIssue {
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: GitLabSeverity;
  readonly location: { readonly path: string; readonly lines: { readonly begin: number } };
}

/**
 * The fingerprint identifies a finding across pipelines, so GitLab can tell
 * new findings from fixed ones: file, rule and message, and which occurrence
 * of that triple in the file it is. The line is left out, so that code moving
 * up or down does not make a finding look new.
 */
function fingerprint(path: string, ruleId: string, message: string, occurrence: number): string {
  return createHash('sha256').update(`${path}\0${ruleId}\0${message}\0${occurrence}`).digest('hex').slice(0, 32);
}

export function toGitLab(results: readonly ESLint.LintResult[], root: string): CodeQualityIssue[] {
  const issues: CodeQualityIssue[] = [];
  for (const result of results) {
    const inside = relative(root, result.filePath);
    const path = (inside && !inside.startsWith('..') ? inside : result.filePath).split(sep).join('/');
    const seen = new Map<string, number>();
    for (const message of result.messages) {
      const ruleId = message.ruleId ?? 'parse-error';
      const key = `${ruleId}\0${message.message}`;
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      issues.push({
        description: message.message,
        check_name: ruleId,
        fingerprint: fingerprint(path, ruleId, message.message, occurrence),
        // an error fails the pipeline job; a parse error means the file was not checked at all
        severity: message.fatal ? 'critical' : message.severity === 2 ? 'major' : 'minor',
        location: { path, lines: { begin: Math.max(1, message.line || 1) } },
      });
    }
  }
  return issues;
}
