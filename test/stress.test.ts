/**
 * A bounded part of `npm run stress`: every rule over real code from
 * node_modules with settings that make the recognition fire everywhere, and
 * over the typed fixture project with type information. No rule may throw.
 */
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { sourceFiles, stressTyped, stressUntyped } from '../scripts/stress.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

test('no rule throws on 400 real source files', () => {
  const files = sourceFiles(`${ROOT}node_modules`, 400);
  expect(files).toHaveLength(400);
  const report = stressUntyped(files, `${ROOT}node_modules`);
  expect(report.crashes).toEqual([]);
  expect(report.files).toBe(400);
}, 120_000);

test('no rule throws with type information on the typed fixture project', async () => {
  const report = await stressTyped(`${ROOT}test/fixtures/typed`, ['src'], []);
  expect(report.crashes).toEqual([]);
  expect(report.files).toBe(5);
}, 120_000);
