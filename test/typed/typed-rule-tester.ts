/** RuleTester with type information: a fixture project and typescript-eslint's project service. */
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';
import '../rule-tester.js'; // vitest hooks for RuleTester

export const FIXTURE = fileURLToPath(new URL('../fixtures/typed/', import.meta.url));
/** The placeholder file every typed case is linted as (its text is the case's code). */
export const FILE = `${FIXTURE}src/file.ts`;

export const typedRuleTester = new RuleTester({
  languageOptions: {
    parserOptions: {
      projectService: { allowDefaultProject: ['*.ts'] },
      tsconfigRootDir: FIXTURE,
    },
  },
});
