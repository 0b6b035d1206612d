/**
 * SARIF 2.1.0 from ESLint results, for GitHub code scanning. Written here
 * because @microsoft/eslint-formatter-sarif still depends on ESLint 8; the
 * format is small: one run, the tool's rules, one result per message.
 * https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ESLint } from 'eslint';

export interface SarifRuleInfo {
  readonly description: string;
  readonly url?: string;
}

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

function level(severity: number): 'error' | 'warning' {
  return severity === 2 ? 'error' : 'warning';
}

/** A file URI relative to the run's root (what code scanning expects for files in the repository). */
function uri(filePath: string, root: string): { uri: string; uriBaseId?: string } {
  const inside = relative(root, filePath);
  if (inside && !inside.startsWith('..') && !inside.startsWith(sep)) return { uri: inside.split(sep).join('/'), uriBaseId: '%SRCROOT%' };
  return { uri: pathToFileURL(filePath).href };
}

export function toSarif(
  results: readonly ESLint.LintResult[],
  rules: Readonly<Record<string, SarifRuleInfo>>,
  tool: { name: string; version: string; informationUri: string },
  root: string,
): object {
  const ruleIds = [...new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId ?? 'parse-error')))].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            informationUri: tool.informationUri,
            rules: ruleIds.map((id) => {
              const info = rules[id];
              return {
                id,
                shortDescription: { text: info?.description ?? (id === 'parse-error' ? 'The file could not be parsed' : id) },
                ...(info?.url ? { helpUri: info.url } : {}),
              };
            }),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(root.endsWith(sep) ? root : root + sep).href } },
        results: results.flatMap((result) =>
          result.messages.map((message) => {
            const ruleId = message.ruleId ?? 'parse-error';
            const region: Record<string, number> = { startLine: Math.max(1, message.line), startColumn: Math.max(1, message.column) };
            if (message.endLine) region['endLine'] = message.endLine;
            if (message.endColumn) region['endColumn'] = message.endColumn;
            return {
              ruleId,
              ruleIndex: ruleIndex.get(ruleId),
              level: level(message.severity),
              message: { text: message.message },
              locations: [{ physicalLocation: { artifactLocation: uri(result.filePath, root), region } }],
            };
          }),
        ),
      },
    ],
  };
}
