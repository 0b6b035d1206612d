import { readFileSync } from 'node:fs';

/** Name, version and the supported TypeScript range (peer dependency) from package.json, whether this runs from `src/` (tests) or `dist/src/` (published). */
function readPackage(): { name: string; version: string; typescript: string } {
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version?: string; peerDependencies?: { typescript?: string } };
      if (pkg.name === 'eslint-plugin-whatsapp-errors' && pkg.version) return { name: pkg.name, version: pkg.version, typescript: pkg.peerDependencies?.typescript ?? '*' };
    } catch {
      // not at this depth: try the next one
    }
  }
  throw new Error('eslint-plugin-whatsapp-errors: package.json not found beside the plugin');
}

export const PLUGIN_META = readPackage();
