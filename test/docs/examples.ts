/** The examples of a rule doc page: code blocks under "❌ Incorrect" and "✅ Correct" headings, with options from the info string. */
export interface Example {
  kind: 'incorrect' | 'correct';
  code: string;
  line: number;
  options: unknown[] | undefined;
  settings: Record<string, unknown> | undefined;
}

export function examplesOf(markdown: string): Example[] {
  const examples: Example[] = [];
  let kind: Example['kind'] | undefined;
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^#{2,4}\s/.test(line)) kind = line.includes('❌') ? 'incorrect' : line.includes('✅') ? 'correct' : undefined;
    const fence = /^```(ts|js|typescript|javascript)\b\s*(.*)$/.exec(line);
    if (!fence) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !lines[end]!.startsWith('```')) end++;
    if (kind) {
      const extra = fence[2]?.trim() ? (JSON.parse(fence[2]) as { options?: unknown[]; settings?: Record<string, unknown> }) : {};
      examples.push({ kind, code: lines.slice(start, end).join('\n'), line: start + 1, options: extra.options, settings: extra.settings });
    }
    i = end;
  }
  return examples;
}
