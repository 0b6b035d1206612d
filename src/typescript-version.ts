/**
 * Which TypeScript the plugin's parser will load, and whether it is one the
 * plugin supports (the `typescript` peer range in package.json, inside the
 * range typescript-eslint supports).
 *
 * Imported first by the plugin's entry point: with TypeScript 7 installed as
 * `typescript`, typescript-eslint's parser refuses to load, and the plugin
 * would fail with a stack trace. This module fails first, in one line that
 * says what to install.
 */
import { createRequire } from 'node:module';
import semver from 'semver';
import { PLUGIN_META } from './meta.js';

export interface TypeScriptSupport {
  /** The installed version, or undefined when `typescript` cannot be resolved. */
  readonly version: string | undefined;
  /** The supported range (the plugin's peer dependency). */
  readonly range: string;
  readonly supported: boolean;
  /** One line that says what is wrong and what to install; undefined when supported. */
  readonly reason: string | undefined;
}

/** The TypeScript resolved from this package's own location, as @typescript-eslint/parser resolves it. */
export function typescriptSupport(from: string | URL = import.meta.url): TypeScriptSupport {
  const range = PLUGIN_META.typescript;
  let version: string | undefined;
  try {
    version = (createRequire(from)('typescript/package.json') as { version?: string }).version;
  } catch {
    version = undefined;
  }
  const fix = 'install a supported version, e.g. npm install --save-dev typescript@~6.0';
  if (version === undefined) {
    return { version, range, supported: false, reason: `TypeScript is not installed; ${PLUGIN_META.name} needs TypeScript ${range} for its parser (typescript-eslint): ${fix}` };
  }
  if (semver.satisfies(version, range, { includePrerelease: true })) return { version, range, supported: true, reason: undefined };
  return {
    version,
    range,
    supported: false,
    reason: `TypeScript ${version} is installed, but ${PLUGIN_META.name} supports TypeScript ${range}, the versions its parser (typescript-eslint) supports: ${fix}`,
  };
}

/** The first major version typescript-eslint refuses to load at all. */
const UNLOADABLE_MAJOR = 7;

const support = typescriptSupport();
if (support.version !== undefined && (semver.coerce(support.version)?.major ?? 0) >= UNLOADABLE_MAJOR) {
  throw new Error(`${support.reason}`);
}
