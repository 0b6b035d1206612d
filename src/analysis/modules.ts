/**
 * Untyped, cross-file: the project files a file imports, read from disk and
 * parsed with the typescript-eslint parser, so that recognition can follow
 * an import to what it names (a URL constant, a config object, an HTTP
 * client, a wrapper function, a class) without type information.
 *
 * - Only project files: relative specifiers, `paths` / `baseUrl` aliases
 *   of the nearest `tsconfig.json` / `jsconfig.json` (read with get-tsconfig),
 *   and packages of the project's own workspace by name (npm / yarn / pnpm
 *   workspaces; their `exports` read with resolve-pkg-maps).
 *   Nothing under `node_modules`, nothing outside the project root (ESLint's
 *   `cwd`), no declaration files.
 * - Texts and parsed files are cached per path, keyed by modification time
 *   and size; within one run of lints each path is checked on disk at most
 *   once (the sessions of a run share a view, see `runView`), and a run ends
 *   when a file is linted again, so an editor sees a changed import on the
 *   next lint of the file being edited.
 *   How a specifier resolved is kept for later lints, with the modification
 *   times of the folders where candidates were missing: a later lint checks
 *   the file found and those folders, not every candidate again.
 * - A file that cannot be read or parsed is skipped, never a crash.
 * - The analysis of another file is cached with the files it read; it is
 *   reused only while all of them are unchanged.
 */
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type * as ParserModule from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ESLintModule from 'eslint';
import { createPathsMatcher, findTsconfig, getTsconfig, type TsConfigResult } from 'get-tsconfig';
import { resolveExports, type PathConditions } from 'resolve-pkg-maps';
import type * as ts from 'typescript';
import { childrenOf, registerSourceCode, type Node } from './ast.js';

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** Larger files are generated or vendored code, not where a project keeps its WhatsApp client. */
const MAX_FILE_BYTES = 1_000_000;

/** A file's identity on disk: changes when it is edited. */
interface Stamp {
  readonly mtimeMs: number;
  readonly size: number;
}

interface CachedFile {
  readonly path: string;
  readonly stamp: Stamp;
  readonly text: string;
  specifiers?: readonly string[];
  /** The specifiers it re-exports from (`export * from './x'`, `export { a } from './x'`). */
  reexported?: ReadonlySet<string>;
  /** `null` when the file does not parse. */
  sourceCode?: Readonly<TSESLint.SourceCode> | null;
  /** Results of text searches (by the test that made them), kept with the text they were made on. */
  tests?: Map<unknown, boolean>;
}

const files = new Map<string, CachedFile>();

/**
 * How a specifier resolved in an earlier lint: the file found (checked again
 * on each lint, as its text is), and the modification times of the folders
 * of the candidate paths that were not there (`null`: no such folder).
 * Adding, removing or renaming a file changes its folder's time, so while
 * those times are the same the answer is too: one `stat` per folder instead
 * of one per candidate (`./x` is checked as `x.ts`, `x.tsx`, …,
 * `x/index.ts`, …), none when the first candidate was there.
 */
interface Resolution {
  readonly found: string | null;
  readonly folders: ReadonlyMap<string, number | null>;
}

/** By root, importing folder and specifier. */
const resolutions = new Map<string, Resolution>();

/** `stat` of a path, `undefined` when there is nothing there or it cannot be read (a permission, a broken link). */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** Is there a file at `path` now (not through a session's cache)? */
function isFile(path: string): boolean {
  return statOf(path)?.isFile() ?? false;
}

/** What a session found on disk: file stamps, folder times, and where specifiers resolved. */
interface DiskView {
  readonly stamps: Map<string, Stamp | null>;
  readonly folderTimes: Map<string, number | null>;
  readonly resolutions: Map<string, string | null>;
  /**
   * What the sessions of this view answered, by importing file and
   * specifier, and the texts they gave, by path: the lints of a run ask
   * again for the imports of the files they share. Emptied when the
   * generation changes (a text given may be the old one).
   */
  readonly answered: Map<string, Map<string, string | undefined>>;
  readonly given: Map<string, CachedFile | undefined>;
  /** Changes when a file this view had checked is found changed (see {@link runView}). */
  generation: number;
}

const newView = (): DiskView => ({ stamps: new Map(), folderTimes: new Map(), resolutions: new Map(), answered: new Map(), given: new Map(), generation: 0 });

/** A file's stamp on disk now; `null` when there is no file. */
function stampAt(path: string): Stamp | null {
  const stats = statOf(path);
  return stats?.isFile() ? { mtimeMs: stats.mtimeMs, size: stats.size } : null;
}

/**
 * A run of lints: files linted one after another, each once, the next
 * starting less than {@link RUN_GAP_MS} after the analysis of the one before
 * ended (a CLI run, or the files an editor lints together). The lints of a
 * run share one view of the disk, so each path is checked once per run, not
 * once per linted file. A run ends when a file is linted again (an editor
 * linting the file being edited: the files it imports are checked anew, so
 * an edit saved meanwhile shows) or after a pause. The linted file itself
 * is checked anew when the run has read it (the text linted may be an
 * editor buffer saved just before): if it changed, what the run concluded
 * from it goes too.
 */
const RUN_GAP_MS = 1000;

interface Run {
  readonly root: string;
  readonly view: DiskView;
  readonly linted: Set<string>;
  ended: number;
}

let run: Run | undefined;

/** The disk view for the lint of `path`: the current run's, or a new run's. */
function runView(root: string, path: string): DiskView {
  const now = performance.now();
  if (!run || run.root !== root || run.linted.has(path) || now - run.ended > RUN_GAP_MS) run = { root, view: newView(), linted: new Set(), ended: now };
  run.linted.add(path);
  // the linted file, when the run has read it, is checked anew: facts the run drew from it go if it changed
  const before = run.view.stamps.get(path);
  if (before !== undefined) {
    const now = stampAt(path);
    const same = before === null || now === null ? before === now : sameStamp(before, now);
    if (!same) {
      run.view.generation++;
      run.view.answered.clear();
      run.view.given.clear();
    }
    run.view.stamps.set(path, now);
  }
  return run.view;
}

/** The analysis of the linted file is done: the run goes on if the next lint starts soon. */
export function lintWorkDone(): void {
  if (run) run.ended = performance.now();
}

/**
 * A view of the disk in which each path is checked at most once, so all
 * answers agree with each other: one linted file's within its run (see
 * {@link runView}), or the project listing's (see `importers.ts`).
 */
export class Session {
  private readonly stamps: Map<string, Stamp | null>;
  private readonly folderTimes: Map<string, number | null>;
  private readonly resolutions: Map<string, string | null>;
  /**
   * What this session sees of the disk, shared by the sessions of one run:
   * a key for facts that hold while every file and folder checked so far is
   * as it was checked.
   */
  readonly view: { readonly generation: number };

  /** The root with a trailing separator: paths under it start with this. */
  private readonly prefix: string;

  /** With `linted`, the session of that file's lint, sharing its run's view; without, a view of its own. */
  constructor(
    readonly root: string,
    linted?: string,
  ) {
    this.prefix = root.endsWith(sep) ? root : root + sep;
    const view = linted === undefined ? newView() : runView(root, linted);
    this.view = view;
    this.stamps = view.stamps;
    this.folderTimes = view.folderTimes;
    this.resolutions = view.resolutions;
    this.answered = view.answered;
    this.given = view.given;
  }

  stamp(path: string): Stamp | null {
    let stamp = this.stamps.get(path);
    if (stamp === undefined) {
      stamp = stampAt(path);
      this.stamps.set(path, stamp);
    }
    return stamp;
  }

  /** A folder's modification time, `null` when there is no such folder. */
  private folderTime(path: string): number | null {
    let time = this.folderTimes.get(path);
    if (time === undefined) {
      const stats = statOf(path);
      time = stats?.isDirectory() ? stats.mtimeMs : null;
      this.folderTimes.set(path, time);
    }
    return time;
  }

  /** Is `path` a source file of the project (inside the root, not a dependency, not generated declarations)? */
  inProject(path: string): boolean {
    // a normalized path under the root needs no path.relative (which normalizes both paths on every call)
    const rest = path.startsWith(this.prefix) ? path.slice(this.prefix.length) : undefined;
    const rel = rest !== undefined && !rest.includes('..') && !rest.includes(`${sep}.${sep}`) && !rest.includes(sep + sep) ? rest : relative(this.root, path);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return false;
    if (path.includes(`${sep}node_modules${sep}`)) return false;
    return !/\.d\.[cm]?ts$/.test(path) && SOURCE_EXTENSIONS.includes(extname(path));
  }

  /** What this session's view answered, by importing file and specifier (the same question is asked for each import it follows). */
  private readonly answered: Map<string, Map<string, string | undefined>>;

  /** The project file a specifier names from `fromFile`, if any. */
  resolve(specifier: string, fromFile: string): string | undefined {
    let byFile = this.answered.get(fromFile);
    if (!byFile) this.answered.set(fromFile, (byFile = new Map()));
    if (byFile.has(specifier)) return byFile.get(specifier);
    const found = this.resolveFresh(specifier, fromFile);
    byFile.set(specifier, found);
    return found;
  }

  private resolveFresh(specifier: string, fromFile: string): string | undefined {
    const key = `${dirname(fromFile)}\u0000${specifier}`;
    let found = this.resolutions.get(key);
    if (found === undefined) {
      const global = `${this.root}\u0000${key}`;
      const known = resolutions.get(global);
      if (known && [...known.folders].every(([folder, time]) => this.folderTime(folder) === time) && (known.found === null || this.stamp(known.found))) {
        found = known.found;
      } else {
        const resolution = this.compute(specifier, fromFile);
        found = resolution.found;
        if (resolution.settled) resolutions.set(global, resolution);
      }
      this.resolutions.set(key, found);
    }
    return found ?? undefined;
  }

  /**
   * Resolves a specifier, with the folders of the candidates that were not
   * there; `settled` is false when one of them appeared meanwhile (the
   * answer is then not kept for later lints).
   */
  private compute(specifier: string, fromFile: string): Resolution & { readonly settled: boolean } {
    const bases: string[] = [];
    if (specifier.startsWith('.') || isAbsolute(specifier)) bases.push(resolve(dirname(fromFile), specifier));
    else {
      const matcher = pathsMatcherFor(dirname(fromFile), this.root);
      if (matcher) bases.push(...matcher(specifier));
      // a package of the project's own workspace (`@acme/whatsapp`, `@acme/lib/ky`)
      bases.push(...this.workspaceTargets(specifier, dirname(fromFile)));
    }
    const folders = new Map<string, number | null>();
    let settled = true;
    for (const base of bases) {
      for (const candidate of candidates(base)) {
        if (!this.inProject(candidate)) continue;
        const folder = dirname(candidate);
        const checkedBefore = this.stamps.has(candidate);
        if (!checkedBefore && !this.folderTimes.has(folder)) {
          // most specifiers name their first candidate: it is checked before its folder's time is read (one stat, not two)
          if (this.stamp(candidate)) return { found: candidate, folders, settled };
          const time = this.folderTime(folder);
          // not there, checked before the folder's time was read: had it been added in between, that time would not show it
          if (isFile(candidate)) settled = false;
          if (!folders.has(folder)) folders.set(folder, time);
          continue;
        }
        // the folder's time is read before the candidate is checked, so a file added in between changes that time;
        // a candidate this session checked earlier may have been checked before it: that answer is not kept
        const time = this.folderTime(folder);
        if (this.stamp(candidate)) return { found: candidate, folders, settled };
        // not there: the answer holds while its folder is unchanged
        if (checkedBefore) settled = false;
        if (!folders.has(folder)) folders.set(folder, time);
      }
    }
    return { found: null, folders, settled };
  }

  /**
   * Where a bare specifier points inside a workspace package of the project
   * (npm / yarn `workspaces` in the root package.json, pnpm's
   * pnpm-workspace.yaml): the package's `exports` for the subpath (with the
   * `types`, `import`, `require`, `node` and `default` conditions), else for
   * the package itself its `types`, `module` or `main`; each target also in
   * the source folder it was built from (`dist/index.js` → `src/index.ts`),
   * and `src/index` last. Packages are matched by name, never looked up in
   * `node_modules`.
   */
  private workspaceTargets(specifier: string, fromDir: string): string[] {
    const packages = this.workspaceOf(fromDir);
    let found: WorkspacePackage | undefined;
    for (const pkg of packages) {
      if ((specifier === pkg.name || specifier.startsWith(`${pkg.name}/`)) && (!found || pkg.name.length > found.name.length)) found = pkg;
    }
    if (!found) return [];
    const subpath = specifier.slice(found.name.length + 1);
    const targets: string[] = [];
    if (found.exports !== undefined && found.exports !== null) {
      try {
        targets.push(...resolveExports(found.exports as PathConditions, subpath, EXPORT_CONDITIONS));
      } catch {
        // not exported under this subpath: the fallbacks below
      }
    }
    if (subpath === '') targets.push(...[found.types, found.module, found.main].filter((t): t is string => typeof t === 'string'));
    else targets.push(subpath);
    const bases: string[] = [];
    for (const target of targets) {
      const base = join(found.dir, target.replace(/\.d\.[cm]?ts$/, ''));
      bases.push(base);
      // built output next to its sources: `dist/x.js`, `lib/x.js`, `build/x.js`, `out/x.js` → `src/x`
      const rel = relative(found.dir, base);
      const built = /^(?:dist|lib|build|out|esm|cjs)[\\/](.*)$/.exec(rel);
      if (built) bases.push(join(found.dir, 'src', built[1]!));
      else if (!rel.startsWith('src')) bases.push(join(found.dir, 'src', rel));
    }
    if (subpath === '') bases.push(join(found.dir, 'src', 'index'), join(found.dir, 'index'));
    return bases;
  }

  private readonly workspaceRoots = new Map<string, readonly WorkspacePackage[]>();

  /** The packages of the nearest workspace above `dir` inside the project root (the root itself, or a monorepo in a folder of it). */
  private workspaceOf(dir: string): readonly WorkspacePackage[] {
    let found = this.workspaceRoots.get(dir);
    if (found === undefined) {
      const rel = relative(this.root, dir);
      if (!isAbsolute(dir) || rel.startsWith('..') || isAbsolute(rel) || dirname(dir) === dir) found = [];
      else {
        const own = workspacePackages(dir);
        found = own.length > 0 || dir === this.root ? own : this.workspaceOf(dirname(dir));
      }
      this.workspaceRoots.set(dir, found);
    }
    return found;
  }

  /** What {@link file} gave in this session's view, by path (the stamps it checked do not change within a view's generation). */
  private readonly given: Map<string, CachedFile | undefined>;

  /** The file's text, read once per modification; `undefined` when it cannot be read or is not a project file. */
  file(path: string): CachedFile | undefined {
    if (this.given.has(path)) return this.given.get(path);
    const found = this.fileFresh(path);
    this.given.set(path, found);
    return found;
  }

  private fileFresh(path: string): CachedFile | undefined {
    if (!this.inProject(path)) return undefined;
    const stamp = this.stamp(path);
    if (!stamp || stamp.size > MAX_FILE_BYTES) return undefined;
    const cached = files.get(path);
    if (cached && sameStamp(cached.stamp, stamp)) return cached;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
    const entry: CachedFile = { path, stamp, text };
    files.set(path, entry);
    return entry;
  }

  /** Are the recorded stamps still those on disk? */
  fresh(deps: ReadonlyMap<string, Stamp>): boolean {
    for (const [path, stamp] of deps) {
      const now = this.stamp(path);
      if (!now || !sameStamp(now, stamp)) return false;
    }
    return true;
  }
}

const roots = new Map<string, string>();
/** Whether a folder holds a project marker, kept as long as the roots found with it are. */
const markedFolders = new Map<string, boolean>();

function marked(dir: string): boolean {
  let found = markedFolders.get(dir);
  if (found === undefined) {
    found = ['package.json', 'tsconfig.json', 'jsconfig.json'].some((name) => statOf(join(dir, name))?.isFile());
    markedFolders.set(dir, found);
  }
  return found;
}

/**
 * The root of the project a linted file belongs to: ESLint's cwd when the
 * file is inside it and the cwd is a project (it holds a package.json or a
 * tsconfig.json above the file); otherwise the nearest folder above the file
 * that holds one (RuleTester and some editors lint with the cwd at the
 * filesystem root). Never the filesystem root itself.
 */
export function projectRootFor(cwd: string, file: string): string {
  // by the folder as ESLint names it (an absolute path, but for RuleTester's): no path.resolve per lint
  const folder = dirname(file);
  const key = `${cwd}\u0000${folder}`;
  const cached = roots.get(key);
  if (cached !== undefined) return cached;
  const start = resolve(cwd, folder);
  const inside = (dir: string) => {
    const rel = relative(cwd, dir);
    return !rel.startsWith('..') && !isAbsolute(rel);
  };
  let found: string | undefined;
  let fallback: string | undefined;
  for (let dir = start; ; dir = dirname(dir)) {
    if (dirname(dir) === dir) break; // the filesystem root is never a project
    if (marked(dir)) {
      fallback ??= dir;
      if (dir === cwd) {
        found = cwd;
        break;
      }
    }
    if (dir === cwd) {
      found = fallback ?? cwd;
      break;
    }
  }
  const root = found ?? (inside(start) && dirname(cwd) !== cwd ? cwd : (fallback ?? start));
  roots.set(key, root);
  return root;
}

/** The conditions a workspace package's `exports` are read with: the sources or types first, then what Node would load. */
const EXPORT_CONDITIONS = ['source', 'types', 'import', 'require', 'node', 'default'];
/** How deep a `**` workspace pattern is followed. */
const MAX_WORKSPACE_DEPTH = 4;

interface WorkspacePackage {
  readonly name: string;
  readonly dir: string;
  readonly exports?: unknown;
  readonly types?: unknown;
  readonly module?: unknown;
  readonly main?: unknown;
}

const workspaces = new Map<string, { readonly key: string; readonly packages: readonly WorkspacePackage[] }>();

function readJson(path: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function mtimeOf(path: string): string {
  const stats = statOf(path);
  return stats ? `${stats.mtimeMs}:${stats.size}` : '-';
}

/**
 * The workspace patterns of a project root: `workspaces` (a list, or
 * `{ packages: [...] }`) of its package.json, and the `packages` list of its
 * pnpm-workspace.yaml (read line by line: `- 'packages/*'`).
 */
function workspacePatterns(root: string): string[] {
  const patterns: string[] = [];
  const manifest = readJson(join(root, 'package.json'));
  const declared = manifest?.['workspaces'];
  const list = Array.isArray(declared) ? declared : declared && typeof declared === 'object' ? (declared as Record<string, unknown>)['packages'] : undefined;
  if (Array.isArray(list)) patterns.push(...list.filter((p): p is string => typeof p === 'string'));
  let yaml = '';
  try {
    yaml = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  } catch {
    yaml = '';
  }
  let inPackages = false;
  for (const line of yaml.split(/\r?\n/)) {
    if (/^packages\s*:/.test(line)) inPackages = true;
    else if (/^\S/.test(line)) inPackages = false;
    else if (inPackages) {
      const item = /^\s*-\s*['"]?([^'"#]+?)['"]?\s*(?:#.*)?$/.exec(line);
      if (item) patterns.push(item[1]!);
    }
  }
  return patterns;
}

/** The folders under `root` a workspace pattern matches (`packages/*`, `apps/**`, `tools/cli`); `!` patterns exclude. */
function expandPattern(root: string, pattern: string): string[] {
  const segments = pattern.replace(/^\.\//, '').replace(/\/+$/, '').split('/').filter((s) => s !== '' && s !== '.');
  // a pattern that climbs out of the workspace (`../shared/*`) would list and read folders outside the project
  if (segments.includes('..')) return [];
  const found: string[] = [];
  const walk = (dir: string, index: number, depth: number): void => {
    if (index === segments.length) {
      found.push(dir);
      return;
    }
    const segment = segments[index]!;
    if (segment === '**') {
      walk(dir, index + 1, depth);
      if (depth < MAX_WORKSPACE_DEPTH) for (const child of subfolders(dir)) walk(join(dir, child), index, depth + 1);
      return;
    }
    if (!segment.includes('*')) {
      walk(join(dir, segment), index + 1, depth);
      return;
    }
    const matcher = new RegExp(`^${segment.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
    for (const child of subfolders(dir)) if (matcher.test(child)) walk(join(dir, child), index + 1, depth);
  };
  walk(root, 0, 0);
  return found;
}

function subfolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.'))
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

/** The named packages of the workspace a folder declares (none when it declares none), read again when its package.json or pnpm-workspace.yaml changes. */
function workspacePackages(root: string): readonly WorkspacePackage[] {
  const key = `${mtimeOf(join(root, 'package.json'))}|${mtimeOf(join(root, 'pnpm-workspace.yaml'))}`;
  const cached = workspaces.get(root);
  if (cached?.key === key) return cached.packages;
  const packages: WorkspacePackage[] = [];
  const patterns = workspacePatterns(root);
  const excluded = new Set(patterns.filter((p) => p.startsWith('!')).flatMap((p) => expandPattern(root, p.slice(1))));
  const dirs = new Set(patterns.filter((p) => !p.startsWith('!')).flatMap((p) => expandPattern(root, p)));
  for (const dir of dirs) {
    if (excluded.has(dir)) continue;
    const manifest = readJson(join(dir, 'package.json'));
    const name = manifest?.['name'];
    if (typeof name !== 'string' || name === '') continue;
    packages.push({ name, dir, exports: manifest!['exports'], types: manifest!['types'] ?? manifest!['typings'], module: manifest!['module'], main: manifest!['main'] });
  }
  workspaces.set(root, { key, packages });
  return packages;
}

function sameStamp(a: Stamp, b: Stamp): boolean {
  return a.mtimeMs === b.mtimeMs && a.size === b.size;
}

/**
 * The paths a module base may be written for: `./x` → `./x.ts`, `./x/index.ts`…;
 * `./x.js` → `./x.ts` (TypeScript's ESM style). As TypeScript does, the
 * TypeScript source comes before a JavaScript file of the same name.
 */
function candidates(base: string): string[] {
  const ext = extname(base);
  if (SOURCE_EXTENSIONS.includes(ext)) {
    const stem = base.slice(0, -ext.length);
    const swapped = ext === '.js' ? ['.ts', '.tsx'] : ext === '.jsx' ? ['.tsx'] : ext === '.mjs' ? ['.mts'] : ext === '.cjs' ? ['.cts'] : [];
    return [...swapped.map((e) => stem + e), base];
  }
  return [...SOURCE_EXTENSIONS.map((e) => base + e), ...SOURCE_EXTENSIONS.map((e) => join(base, `index${e}`))];
}

const tsconfigCache = new Map<string, unknown>();
const matchers = new Map<string, ((specifier: string) => string[]) | null>();

/** The `paths` / `baseUrl` matcher of the nearest tsconfig.json or jsconfig.json inside the root. */
function pathsMatcherFor(dir: string, root: string): ((specifier: string) => string[]) | undefined {
  const cached = matchers.get(dir);
  if (cached !== undefined) return cached ?? undefined;
  const config = nearestConfig(dir, root, 'tsconfig.json') ?? nearestConfig(dir, root, 'jsconfig.json');
  const inside = config && !relative(root, config.path).startsWith('..');
  let matcher: ((specifier: string) => string[]) | null = null;
  try {
    matcher = (inside && config ? createPathsMatcher(config) : null) ?? null;
  } catch {
    matcher = null; // a pattern TypeScript would refuse too (two `*`): no aliases
  }
  matchers.set(dir, matcher);
  return matcher ?? undefined;
}

/**
 * The nearest config of that name, with what it extends. When what it
 * extends cannot be read (a preset package that is not installed, as
 * `astro/tsconfigs/strict` in a checkout without `node_modules`), its own
 * `baseUrl` and `paths` still hold; a file that is not JSON with comments
 * gives no aliases.
 */
function nearestConfig(dir: string, root: string, name: string): TsConfigResult | null {
  const cache = tsconfigCache as Map<string, never>;
  try {
    return getTsconfig(dir, name, cache);
  } catch {
    // only a config inside the project is read again
    const found = findTsconfig(dir, name, cache);
    const path = found && !relative(root, found).startsWith('..') ? found : undefined;
    let own: { compilerOptions?: { baseUrl?: unknown; paths?: unknown } } | undefined;
    try {
      // the parser has loaded TypeScript already: its reader of tsconfig files (comments, trailing commas)
      const ts = path ? (createRequire(import.meta.url)('typescript') as typeof import('typescript')) : undefined;
      own = path && ts ? (ts.readConfigFile(path, ts.sys.readFile).config as typeof own) : undefined;
    } catch {
      own = undefined;
    }
    const { baseUrl, paths } = own?.compilerOptions ?? {};
    if (!path || (typeof baseUrl !== 'string' && (typeof paths !== 'object' || paths === null))) return null;
    // without a baseUrl, paths are relative to the config's folder
    return { path, config: { compilerOptions: { baseUrl: typeof baseUrl === 'string' ? baseUrl : '.', ...(typeof paths === 'object' && paths !== null ? { paths: paths as Record<string, string[]> } : {}) } } };
  }
}

/** `import … from 'x'`, `export … from 'x'`, `import 'x'`, `require('x')`, `import('x')`; type-only imports carry no values. */
const SPECIFIER = /\b(?:import|export)\s+(?!type\b)(?:[\w*${}\s,]+?\s+from\s*)?['"]([^'"\n]+)['"]|\b(?:require|import)\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g;

/** A text search of a file (`test` is a pure function of the text), done once per version of the file. */
export function textTest(file: CachedFile, test: (text: string) => boolean): boolean {
  file.tests ??= new Map();
  let found = file.tests.get(test);
  if (found === undefined) {
    found = test(file.text);
    file.tests.set(test, found);
  }
  return found;
}

/** The module specifiers a file's text imports from (found by a text scan, no parse). */
export function specifiersOf(file: CachedFile): readonly string[] {
  file.specifiers ??= scanSpecifiers(file.text);
  return file.specifiers;
}

const REEXPORT = /\bexport\s+(?:\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*['"]([^'"\n]+)['"]/g;

/** The module specifiers a file's text re-exports from (found by a text scan, no parse). */
export function reexportsOf(file: CachedFile): ReadonlySet<string> {
  file.reexported ??= scanReexports(file.text);
  return file.reexported;
}

export function scanReexports(text: string): ReadonlySet<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(REEXPORT)) found.add(match[1]!);
  return found;
}

/** `import type { A } from 'x'`, `export type { A } from 'x'`: what the value scan leaves out. */
const TYPE_SPECIFIER = /\b(?:import|export)\s+type\s+[\w*${}\s,]+?\s+from\s*['"]([^'"\n]+)['"]/g;

/** The modules a file's text imports only types from (found by a text scan, no parse). */
export function scanTypeSpecifiers(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(TYPE_SPECIFIER)) found.add(match[1]!);
  return [...found];
}

export function scanSpecifiers(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(SPECIFIER)) found.add((match[1] ?? match[2])!);
  return [...found];
}

let modules: { parser: typeof ParserModule; eslint: typeof ESLintModule } | undefined;
function parsingModules(): NonNullable<typeof modules> {
  if (!modules) {
    const require = createRequire(import.meta.url);
    modules = { parser: require('@typescript-eslint/parser') as typeof ParserModule, eslint: require('eslint') as typeof ESLintModule };
  }
  return modules;
}

function setParents(node: Node, parent: Node | undefined, keys: Readonly<Record<string, readonly string[] | undefined>>): void {
  (node as { parent?: Node }).parent = parent;
  for (const child of childrenOf(node, keys)) setParents(child, node, keys);
}

/**
 * Parses a file the way ESLint would with the typescript-eslint parser, into
 * a SourceCode registered for scope lookups; with a program, type-aware.
 * `undefined` when the text does not parse.
 */
export function parseProjectFile(path: string, text: string, program?: ts.Program): Readonly<TSESLint.SourceCode> | undefined {
  const { parser, eslint } = parsingModules();
  try {
    const result = parser.parseForESLint(text, {
      filePath: path,
      range: true,
      loc: true,
      // the analysis reads other files' nodes and text, never their tokens or comments: neither is made
      tokens: false,
      comment: false,
      // without a program nothing maps nodes to TypeScript's, and the standard library's globals
      // (`Promise`, `JSON`) are read by name, never through a scope: neither is built
      ...(program ? {} : { preserveNodeMaps: false, lib: [] }),
      sourceType: 'module',
      ecmaVersion: 'latest',
      ecmaFeatures: { jsx: /\.[jt]sx$|\.js$/.test(path) && !path.endsWith('.ts') },
      ...(program ? { programs: [program] } : {}),
    });
    setParents(result.ast as Node, undefined, result.visitorKeys);
    // a SourceCode wants both lists; empty ones make its token index free
    const ast = result.ast as { tokens?: unknown[]; comments?: unknown[] };
    ast.tokens = [];
    ast.comments = [];
    const sourceCode = new eslint.SourceCode({
      text,
      ast: result.ast as never,
      parserServices: result.services as never,
      scopeManager: result.scopeManager as never,
      visitorKeys: result.visitorKeys as never,
    }) as unknown as Readonly<TSESLint.SourceCode>;
    registerSourceCode(sourceCode);
    return sourceCode;
  } catch {
    return undefined;
  }
}

/** How many of ESLint's own parses of linted files are kept for reuse. */
const MAX_LINTED_PARSES = 64;

/** ESLint's parses of files linted earlier in this process, by path, most recent last. */
const lintedParses = new Map<string, Readonly<TSESLint.SourceCode>>();

/**
 * Keeps ESLint's parse of a linted file that concerns a provider, so that a
 * file importing it later reuses it instead of parsing the same text again.
 * Only a parse this module would have made itself is kept: the
 * typescript-eslint parser without a program, as an ES module. The last
 * {@link MAX_LINTED_PARSES} are kept.
 */
export function rememberLintedParse(path: string, sourceCode: Readonly<TSESLint.SourceCode>): void {
  const services = sourceCode.parserServices as { esTreeNodeToTSNodeMap?: unknown; program?: unknown } | undefined;
  if (sourceCode.ast.sourceType !== 'module' || !services?.esTreeNodeToTSNodeMap || services.program) return;
  lintedParses.delete(path);
  lintedParses.set(path, sourceCode);
  if (lintedParses.size > MAX_LINTED_PARSES) lintedParses.delete(lintedParses.keys().next().value!);
}

const parses = { own: 0, reused: 0 };

/** How many imported files were parsed here, and how many reused ESLint's parse (for tests and the bench). */
export function parseCounts(): { readonly own: number; readonly reused: number } {
  return { ...parses };
}

/** The parsed file (untyped), once per modification: ESLint's parse of the same text when it linted the file, else our own. */
export function parsedFile(file: CachedFile): Readonly<TSESLint.SourceCode> | undefined {
  if (file.sourceCode === undefined) {
    const linted = lintedParses.get(file.path);
    if (linted && linted.text === file.text) {
      parses.reused++;
      registerSourceCode(linted);
      file.sourceCode = linted;
    } else {
      parses.own++;
      file.sourceCode = parseProjectFile(file.path, file.text) ?? null;
    }
  }
  return file.sourceCode ?? undefined;
}

export type { CachedFile, Stamp };

/** The `Program` of a parsed file, to stand for a namespace import (`import * as config from './config'`). */
export type ModuleNamespace = TSESTree.Program;
