/** RuleTester on vitest, with the typescript-eslint parser (TSX off, ES modules). */
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/**
 * Snippets are linted as `whatsapp.ts`: the WhatsApp module of an app. The
 * file name is WhatsApp evidence for requests to graph.facebook.com (which
 * also serves Pages, Ads, Instagram and Messenger); tests of that evidence
 * name their files themselves.
 */
export const ruleTester = new RuleTester({ defaultFilenames: { ts: 'whatsapp.ts', tsx: 'whatsapp.tsx' } });

/** Drops the common indentation of a template so cases read naturally. */
export function code(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = strings.reduce((out, part, i) => out + part + (i < values.length ? String(values[i]) : ''), '');
  const lines = text.replace(/^\n/, '').replace(/\n\s*$/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}
