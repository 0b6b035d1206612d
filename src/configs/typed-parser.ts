/**
 * The parser of the `*-type-checked` configs: typescript-eslint's parser,
 * with type information for TypeScript files and without it for JavaScript
 * files.
 *
 * A typical project's `eslint.config.js` (and other JS config or script files)
 * is in no tsconfig.json, so the project service cannot find it and the parse
 * fails. typescript-eslint's answer is its `disableTypeChecked` config for JS
 * files; doing the same per file here keeps each typed config a single config
 * object, so `[whatsappErrors.configs['recommended-type-checked']]` works as
 * the README shows. The rules use type information only where the parser has
 * a program, so a JS file parsed without one is linted as in the untyped
 * configs.
 */
import * as tsParser from '@typescript-eslint/parser';
import { PLUGIN_META } from '../meta.js';

const JAVASCRIPT = /\.[cm]?jsx?$/i;

type ParseOptions = NonNullable<Parameters<typeof tsParser.parseForESLint>[1]>;

/** The options that make typescript-eslint build a program, removed (as `disableTypeChecked` does). */
function withoutTypeInformation(options: ParseOptions): ParseOptions {
  const { project: _project, projectService: _projectService, programs: _programs, ...rest } = options;
  return { ...rest, project: false, projectService: false, programs: null };
}

export const typedParser = {
  meta: { name: `${PLUGIN_META.name}/typed-parser`, version: PLUGIN_META.version },
  parseForESLint(code: string, options?: ParseOptions | null): ReturnType<typeof tsParser.parseForESLint> {
    const filePath = options?.filePath;
    if (options && filePath && JAVASCRIPT.test(filePath)) return tsParser.parseForESLint(code, withoutTypeInformation(options));
    return tsParser.parseForESLint(code, options);
  },
};
