/**
 * `npm run bench`: measures the plugin on a generated codebase with ESLint's
 * own per-rule timing (`stats: true`) and prints a table.
 *
 *   npm run bench -- [--variant ordinary|provider-heavy|spread|all] [--files 1000] [--runs 1]
 *                    [--typed-files 240] [--out <dir>] [--factors 1,2,3,4] [--untyped-only]
 *   npm run bench -- --repo <dir> [--runs 3]
 *
 * Variants (see `generate.ts`): `ordinary` (the default: mostly ordinary
 * code, a few percent provider modules), `provider-heavy` (a gateway's own
 * code: most files call a provider), `spread` (provider code spread over
 * config, client, wrapper, index, job and service files); `all` runs the
 * three in turn. For each variant:
 * 1. untyped: all of this plugin's rules together vs ESLint's core
 *    `no-unused-vars` and vs typescript-eslint parsing, on the same files;
 *    the cost per file that names no provider and reaches none, per file
 *    that names none but imports one that does, and per file that names one;
 *    the findings (which must be the same in every run);
 * 2. growth from 1x to 4x the files;
 * 3. ESLint's multithreaded mode (`concurrency: 'auto'`): wall-clock gain and
 *    identical findings.
 * `spread` adds the cost of the first lint of a file whose imports are not
 * read yet vs later lints (cached). `ordinary` adds the typed overhead over
 * typescript-eslint's recommended-type-checked and oxlint beside ESLint.
 *
 * `--repo <dir>` measures an existing project instead (a checkout of real
 * code): its source files (`.ts`, `.tsx`, `.js`, `.jsx`, `.mjs`, `.cjs`,
 * `.mts`, `.cts`; not `node_modules`, `dist`, `build`, `coverage`), linted
 * untyped from its root with the plugin's rules and `no-unused-vars`,
 * `--runs` times: the plugin's time, `no-unused-vars`', parsing, and the
 * findings, which must be the same in every run.
 *
 * `--factors` picks the multiples of `--files` measured in 1 and 2;
 * `--untyped-only` stops after them (no multithreaded, cache, typed or
 * oxlint sections): a shorter run to compare two trees.
 *
 * Every lint runs in a fresh Node process (as a CLI run does: no caches, no
 * JIT warmed by an earlier run); with `--runs N` each measurement is repeated
 * N times and the tables give medians (ratios: the median of the per-run
 * ratios). The 1-minute load average is printed with each row: on a shared
 * machine other processes inflate every figure, so compare ratios within a run.
 * Timing is measured here only; tests never assert on time.
 */
import { cpus, loadavg, tmpdir } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import plugin from '../src/index.js';
import { generate, SPREAD_FOLDER_SIZE, VARIANTS, type GeneratedFile, type Role, type Variant } from './generate.js';

const ROLES: readonly Role[] = ['plain', 'importer', 'provider'];

interface Figures {
  plugin: number;
  noUnusedVars: number;
  parse: number;
  total: number;
  wall: number;
  /** ESLint's own cost of as many rules that do nothing. */
  empty: number;
  /** Plugin time and file count by role (see `Role`). */
  roles: Record<Role, { files: number; time: number }>;
  /** `file:line:column rule message`, sorted. */
  messages: string[];
  /** The 1-minute load average when the lint started. */
  load: number;
}

const argv = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const at = argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(argv[at + 1]);
};
const text = (name: string): string | undefined => {
  const at = argv.indexOf(`--${name}`);
  return at === -1 ? undefined : argv[at + 1];
};
const FILES = option('files', 1000);
const RUNS = Math.max(1, option('runs', 1));
const TYPED_FILES = option('typed-files', 240);
const OUT = text('out') ?? join(tmpdir(), 'whatsapp-errors-bench');
const VARIANT = text('variant') ?? 'ordinary';
const FACTORS = (text('factors') ?? '1,2,3,4').split(',').map(Number);
const UNTYPED_ONLY = argv.includes('--untyped-only');
/** An existing project to measure instead of generated codebases. */
const REPO = text('repo');

const PLUGIN_PREFIX = 'whatsapp-errors/';
const pluginRules = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`${PLUGIN_PREFIX}${name}`, 'error' as const]));

/**
 * With `concurrency`, options must be cloneable, so the config comes from an
 * options module (ESLint.fromOptionsModule) that imports the plugin itself.
 */
async function threadedESLint(dir: string): Promise<ESLint> {
  const file = join(dir, 'eslint-options.mjs');
  const pluginUrl = new URL('../src/index.js', import.meta.url).href;
  const parserUrl = import.meta.resolve('@typescript-eslint/parser');
  writeFileSync(
    file,
    `import plugin from ${JSON.stringify(pluginUrl)};
import parser from ${JSON.stringify(parserUrl)};
const rules = Object.fromEntries(Object.keys(plugin.rules).map((name) => ['whatsapp-errors/' + name, 'error']));
export default {
  cwd: ${JSON.stringify(dir)},
  overrideConfigFile: true,
  concurrency: 'auto',
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser }, plugins: { 'whatsapp-errors': plugin }, rules: { ...rules, 'no-unused-vars': 'error' } }],
};
`,
  );
  return ESLint.fromOptionsModule(pathToFileURL(file));
}

/** As many rules as the plugin has, that do nothing: ESLint's own per-rule cost, for calibration. */
const emptyPlugin = {
  rules: Object.fromEntries(Object.keys(plugin.rules).map((name) => [name, { meta: { schema: [] }, create: () => ({}) }])),
};
const emptyRules = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`empty/${name}`, 'error' as const]));

const untypedConfig: Linter.Config[] = [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: plugin.configs.recommended.languageOptions!.parser as Linter.Parser },
    plugins: { 'whatsapp-errors': plugin as unknown as ESLint.Plugin, empty: emptyPlugin as unknown as ESLint.Plugin },
    rules: { ...pluginRules, ...emptyRules, 'no-unused-vars': 'error' },
  },
];

function typedConfig(dir: string, withPlugin: boolean): Linter.Config[] {
  return [
    ...(tseslint.configs.recommendedTypeChecked as Linter.Config[]),
    { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: dir } } },
    ...(withPlugin ? [{ files: ['**/*.ts'], plugins: { 'whatsapp-errors': plugin as unknown as ESLint.Plugin }, rules: pluginRules }] : []),
  ];
}

/** The roles of a generated codebase's files, kept beside it for the lint processes. */
const ROLES_FILE = 'bench-files.json';

function generateInto(dir: string, count: number, variant: Variant): GeneratedFile[] {
  const files = generate(dir, count, variant);
  writeFileSync(join(dir, ROLES_FILE), JSON.stringify(Object.fromEntries(files.map((f) => [f.path, f.role]))));
  return files;
}

function figuresOf(dir: string, results: readonly ESLint.LintResult[], wall: number, load: number): Figures {
  const roleOf = existsSync(join(dir, ROLES_FILE)) ? (JSON.parse(readFileSync(join(dir, ROLES_FILE), 'utf8')) as Record<string, Role>) : {};
  const roles = Object.fromEntries(ROLES.map((r) => [r, { files: 0, time: 0 }])) as Figures['roles'];
  const figures: Figures = { plugin: 0, noUnusedVars: 0, parse: 0, total: 0, wall, empty: 0, roles, messages: [], load };
  for (const result of results) {
    let own = 0;
    for (const pass of result.stats?.times.passes ?? []) {
      figures.parse += pass.parse?.total ?? 0;
      figures.total += pass.total;
      for (const [rule, time] of Object.entries(pass.rules ?? {})) {
        if (rule.startsWith(PLUGIN_PREFIX)) own += time.total;
        if (rule === 'no-unused-vars') figures.noUnusedVars += time.total;
        if (rule.startsWith('empty/')) figures.empty += time.total;
      }
    }
    figures.plugin += own;
    const role = roles[roleOf[result.filePath] ?? 'plain'];
    role.files++;
    role.time += own;
    // the plugin's findings, and any file that does not parse
    for (const m of result.messages) {
      if (m.ruleId === null || m.ruleId.startsWith(PLUGIN_PREFIX)) figures.messages.push(`${relative(dir, result.filePath)}:${m.line}:${m.column} ${m.ruleId ?? 'fatal'} ${m.message}`);
    }
  }
  figures.messages.sort();
  return figures;
}

type Job =
  | { kind: 'lint'; dir: string; concurrency: 'off' | 'auto'; pluginOnly?: boolean }
  | { kind: 'cache'; dir: string; folders: number }
  | { kind: 'repo'; dir: string };

/** Runs a job in a fresh Node process (this file with `--child`), as a CLI run would be. */
function inChild<T>(job: Job): T {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', JSON.stringify(job)], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`bench child failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout) as T;
}

async function lintJob(job: Extract<Job, { kind: 'lint' }>): Promise<Figures> {
  const config = job.pluginOnly ? [{ ...untypedConfig[0]!, rules: pluginRules }] : untypedConfig;
  const eslint = job.concurrency === 'auto' ? await threadedESLint(job.dir) : new ESLint({ cwd: job.dir, overrideConfigFile: true, overrideConfig: config, stats: true });
  const load = loadavg()[0]!;
  const started = performance.now();
  const results = await eslint.lintFiles(['src/**/*.ts']);
  return figuresOf(job.dir, results, performance.now() - started, load);
}

const REPO_SOURCES = ['**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}'];

/** A real project, linted from its root: the plugin's rules and `no-unused-vars`, untyped. */
async function repoJob(job: Extract<Job, { kind: 'repo' }>): Promise<Figures> {
  const eslint = new ESLint({
    cwd: job.dir,
    overrideConfigFile: true,
    overrideConfig: [
      { ignores: ['**/node_modules/**', '**/dist/**', '**/build/**', '**/coverage/**', '**/*.d.ts'] },
      { ...untypedConfig[0]!, files: REPO_SOURCES, rules: { ...pluginRules, 'no-unused-vars': 'error' } },
    ],
    stats: true,
  });
  const load = loadavg()[0]!;
  const started = performance.now();
  const results = await eslint.lintFiles(['.']);
  return figuresOf(job.dir, results, performance.now() - started, load);
}

async function benchRepo(dir: string, print: (line?: string) => void): Promise<void> {
  const runs: Figures[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(inChild<Figures>({ kind: 'repo', dir }));
  print(`## Project \`${dir}\``);
  print();
  print('| run | files | plugin rules (9) | no-unused-vars | parsing | plugin / no-unused-vars | findings | load |');
  print('|---|---|---|---|---|---|---|---|');
  runs.forEach((f, i) => {
    const files = Object.values(f.roles).reduce((n, r) => n + r.files, 0);
    print(`| ${i + 1} | ${files} | ${ms(f.plugin)} | ${ms(f.noUnusedVars)} | ${ms(f.parse)} | ${ratio(f.plugin, f.noUnusedVars)} | ${f.messages.length} | ${f.load.toFixed(1)} |`);
  });
  print(`| median | | ${ms(median(runs.map((f) => f.plugin)))} | ${ms(median(runs.map((f) => f.noUnusedVars)))} | ${ms(median(runs.map((f) => f.parse)))} | ${ratio(median(runs.map((f) => f.plugin)), median(runs.map((f) => f.noUnusedVars)))} | | |`);
  print();
  const same = runs.every((f) => f.messages.join('\n') === runs[0]!.messages.join('\n'));
  print(`Findings (plugin rules; a file that does not parse counts too): ${runs[0]!.messages.length}; identical in every run: ${same ? 'yes' : 'NO'}`);
  print();
}

interface CacheFigures {
  /** Plugin time of the first lint of a job whose imports were not read yet (ms), per folder. */
  first: number[];
  /** The same file linted again at once (as an editor does), per folder. */
  again: number[];
  /** Another job of the same folder, importing the same files (cached), per folder. */
  sibling: number[];
  /** A plain module of the folder (imports nothing that reaches a provider), per folder. */
  plain: number[];
}

/**
 * The first lint of a file that pulls in imports (the folder's wrappers,
 * index.ts, HTTP module: read and parsed) vs later lints that find them
 * cached. Folder 0 is linted first so that the JIT is warm.
 */
async function cacheJob(job: Extract<Job, { kind: 'cache' }>): Promise<CacheFigures> {
  const eslint = new ESLint({ cwd: job.dir, overrideConfigFile: true, overrideConfig: [{ ...untypedConfig[0]!, rules: pluginRules }], stats: true });
  const pluginTime = async (file: string): Promise<number> => {
    const [result] = await eslint.lintFiles([file]);
    let own = 0;
    for (const pass of result?.stats?.times.passes ?? []) {
      for (const [rule, time] of Object.entries(pass.rules ?? {})) if (rule.startsWith(PLUGIN_PREFIX)) own += time.total;
    }
    return own;
  };
  const roleOf = JSON.parse(readFileSync(join(job.dir, ROLES_FILE), 'utf8')) as Record<string, Role>;
  const folders = [...new Set(Object.keys(roleOf).map((f) => relative(join(job.dir, 'src'), f).split('/')[0]!))].filter((f) => f !== 'config');
  await eslint.lintFiles([`src/${folders[0]}/**/*.ts`]);
  const figures: CacheFigures = { first: [], again: [], sibling: [], plain: [] };
  for (const folder of folders.slice(1, 1 + job.folders)) {
    figures.first.push(await pluginTime(`src/${folder}/jobs/job0.ts`));
    figures.again.push(await pluginTime(`src/${folder}/jobs/job0.ts`));
    figures.sibling.push(await pluginTime(`src/${folder}/jobs/job5.ts`));
    const plain = Object.keys(roleOf).find((f) => roleOf[f] === 'plain' && f.includes(`/src/${folder}/`));
    if (plain) figures.plain.push(await pluginTime(plain));
  }
  return figures;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? 0 : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (n: number) => `${n.toFixed(0)} ms`;
const ratio = (a: number, b: number) => (b === 0 ? 'n/a' : `${(a / b).toFixed(2)}x`);
const perFile = (f: Figures, role: Role) => (f.roles[role].files ? f.roles[role].time / f.roles[role].files : 0);
const us = (n: number) => `${(n * 1000).toFixed(0)} µs`;

/** Medians over runs of the same measurement. */
function medianFigures(runs: readonly Figures[]): Figures & { ratioNuv: number; ratioParse: number } {
  const m = (pick: (f: Figures) => number) => median(runs.map(pick));
  const roles = Object.fromEntries(ROLES.map((r) => [r, { files: runs[0]!.roles[r].files, time: m((f) => f.roles[r].time) }])) as Figures['roles'];
  return {
    plugin: m((f) => f.plugin),
    noUnusedVars: m((f) => f.noUnusedVars),
    parse: m((f) => f.parse),
    total: m((f) => f.total),
    wall: m((f) => f.wall),
    empty: m((f) => f.empty),
    roles,
    messages: runs[0]!.messages,
    load: m((f) => f.load),
    ratioNuv: m((f) => f.plugin / f.noUnusedVars),
    ratioParse: m((f) => f.plugin / f.parse),
  };
}

/** Findings by rule: `rule count, …`. */
function byRule(messages: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const m of messages) {
    const rule = m.split(' ')[1]!.replace(PLUGIN_PREFIX, '');
    counts.set(rule, (counts.get(rule) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([rule, n]) => `${rule} ${n}`).join(', ');
}

async function benchVariant(variant: Variant, print: (line?: string) => void): Promise<void> {
  print(`## Variant \`${variant}\``);
  print();
  // 1 and 2: untyped, 1x to 4x
  print(`### Untyped: all plugin rules vs no-unused-vars and parsing (${RUNS === 1 ? 'one run' : `medians of ${RUNS} runs`})`);
  print();
  print(
    `| files | plugin rules (${Object.keys(pluginRules).length}) | as many empty rules | no-unused-vars | parsing | plugin / no-unused-vars | plugin / parsing | per plain file | per importing file | per provider file | findings | load |`,
  );
  print('|---|---|---|---|---|---|---|---|---|---|---|---|');
  const growth: [number, number][] = [];
  let first: Figures | undefined;
  let stable = true;
  for (const factor of FACTORS) {
    const count = FILES * factor;
    const runs: Figures[] = [];
    for (let run = 0; run < RUNS; run++) {
      // a fresh directory per run: nothing on disk or in memory is left from an earlier one
      const dir = join(OUT, `${variant}-${count}-${run}`);
      generateInto(dir, count, variant);
      runs.push(inChild<Figures>({ kind: 'lint', dir, concurrency: 'off' }));
    }
    if (runs.some((r) => JSON.stringify(r.messages) !== JSON.stringify(runs[0]!.messages))) stable = false;
    const f = medianFigures(runs);
    first ??= f;
    growth.push([count, f.plugin]);
    const roleCell = (role: Role) => (f.roles[role].files ? `${us(perFile(f, role))} (${f.roles[role].files})` : '–');
    print(
      `| ${count} | ${ms(f.plugin)} | ${ms(f.empty)} | ${ms(f.noUnusedVars)} | ${ms(f.parse)} | ${f.ratioNuv.toFixed(2)}x | ${f.ratioParse.toFixed(2)}x | ${roleCell('plain')} | ${roleCell('importer')} | ${roleCell('provider')} | ${f.messages.length} | ${f.load.toFixed(1)} |`,
    );
  }
  const [baseCount, baseTime] = growth[0]!;
  print();
  print(
    'Plugin time per file (number of files): plain = names no provider and imports nothing that reaches one; importing = names none but imports a file that does; provider = names one.',
  );
  print();
  print(`Growth (plugin time per file relative to ${baseCount} files): ${growth.map(([c, t]) => `${c}: ${(t / c / (baseTime / baseCount)).toFixed(2)}`).join(', ')}`);
  print();
  print(`Findings at ${FILES * FACTORS[0]!} files (${first!.messages.length}): ${byRule(first!.messages)}; identical in every run: ${stable ? 'yes' : 'NO'}`);
  print();

  if (UNTYPED_ONLY) return;
  // 3: concurrency
  print("### Multithreaded linting (concurrency: 'auto')");
  print();
  const dir = join(OUT, `${variant}-${FILES}-0`);
  const single = inChild<Figures>({ kind: 'lint', dir, concurrency: 'off' });
  let threaded: Figures | undefined;
  let note = '';
  try {
    threaded = inChild<Figures>({ kind: 'lint', dir, concurrency: 'auto' });
  } catch (error) {
    note = `not available: ${(error as Error).message.split('\n')[0]}`;
  }
  if (threaded) {
    const same = JSON.stringify(single.messages) === JSON.stringify(threaded.messages);
    print(`| files | off | auto | gain | identical findings | load |`);
    print('|---|---|---|---|---|---|');
    print(`| ${FILES} | ${ms(single.wall)} | ${ms(threaded.wall)} | ${ratio(single.wall, threaded.wall)} | ${same ? `yes (${single.messages.length})` : 'NO'} | ${single.load.toFixed(1)}, ${threaded.load.toFixed(1)} |`);
  } else {
    print(note);
  }
  print();

  if (variant === 'spread') {
    print('### Imports read once: the first lint of a file that pulls in imports vs later lints');
    print();
    const folders = Math.min(8, Math.floor(FILES / SPREAD_FOLDER_SIZE) - 1);
    const cache = inChild<CacheFigures>({ kind: 'cache', dir, folders });
    print('| plugin time, median over folders | first lint of a job (its imports read and parsed) | the same job again | another job, same imports | a plain module | folders |');
    print('|---|---|---|---|---|---|');
    const cell = (values: number[]) => `${(median(values) * 1000).toFixed(0)} µs`;
    print(`| | ${cell(cache.first)} | ${cell(cache.again)} | ${cell(cache.sibling)} | ${cell(cache.plain)} | ${cache.first.length} |`);
    print();
  }

  if (variant === 'ordinary') {
    // typed
    print('### Typed: added time over typescript-eslint recommended-type-checked');
    print();
    const typedDir = join(OUT, `typed-${TYPED_FILES}`);
    generateInto(typedDir, TYPED_FILES, 'ordinary');
    const typed = async (config: Linter.Config[]) => {
      const eslint = new ESLint({ cwd: typedDir, overrideConfigFile: true, overrideConfig: config, stats: true });
      const started = performance.now();
      const results = await eslint.lintFiles(['src/**/*.ts']);
      return figuresOf(typedDir, results, performance.now() - started, loadavg()[0]!);
    };
    await typed(typedConfig(typedDir, false)); // warm-up: the first typed run loads TypeScript's lib files
    const baseline = await typed(typedConfig(typedDir, false));
    const withPlugin = await typed(typedConfig(typedDir, true));
    const untypedSame = await typed(untypedConfig);
    print('| files | typed lint (baseline) wall | with plugin wall | plugin rules (typed) | plugin rules (untyped, same files) | added / typed lint total |');
    print('|---|---|---|---|---|---|');
    print(
      `| ${TYPED_FILES} | ${ms(baseline.wall)} | ${ms(withPlugin.wall)} | ${ms(withPlugin.plugin)} | ${ms(untypedSame.plugin)} | ${((withPlugin.plugin / withPlugin.total) * 100).toFixed(1)}% |`,
    );
    print();
    // oxlint running the same rules as a JS plugin, beside ESLint, wall clock on the same files
    print("### oxlint + plugin beside ESLint + plugin (wall clock, same files, only this plugin's rules)");
    print();
    const oxlint = fileURLToPath(new URL('../../node_modules/oxlint/bin/oxlint', import.meta.url));
    const oxConfig = join(dir, '.oxlintrc.json');
    writeFileSync(oxConfig, JSON.stringify({ jsPlugins: [new URL('../src/index.js', import.meta.url).pathname], rules: pluginRules }));
    const oxStarted = performance.now();
    const ox = spawnSync(process.execPath, [oxlint, '-A', 'all', '-c', oxConfig, 'src'], { cwd: dir, encoding: 'utf8' });
    const oxWall = performance.now() - oxStarted;
    const eslintOnly = inChild<Figures>({ kind: 'lint', dir, concurrency: 'off', pluginOnly: true });
    print('| files | ESLint + plugin | oxlint + plugin | oxlint findings | ESLint findings |');
    print('|---|---|---|---|---|');
    // oxlint's default output names each finding `whatsapp-errors(rule)`
    const oxFindings = (ox.stdout.match(/whatsapp-errors\(/g) ?? []).length;
    print(`| ${FILES} | ${ms(eslintOnly.wall)} | ${ms(oxWall)} | ${oxFindings} | ${eslintOnly.messages.length} |`);
    print();
  }
}

async function main(): Promise<void> {
  const variants: Variant[] = VARIANT === 'all' ? [...VARIANTS] : [VARIANT as Variant];
  if (FACTORS.length === 0 || !FACTORS.every((f) => Number.isInteger(f) && f > 0)) throw new Error(`--factors: expected positive integers separated by commas, got ${text('factors')}`);
  if (!variants.every((v) => VARIANTS.includes(v))) throw new Error(`--variant: expected one of ${[...VARIANTS, 'all'].join(', ')}, got ${VARIANT}`);
  const print = (line = '') => console.log(line);
  print(`# eslint-plugin-whatsapp-errors benchmark`);
  print();
  print(`Node ${process.version}, ${cpus().length} cores, ESLint ${ESLint.version}. ${REPO === undefined ? `Generated codebases: ${OUT}` : 'An existing project'}. Load average at start: ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
  print();
  if (REPO !== undefined && !existsSync(resolve(REPO))) throw new Error(`--repo: no such folder: ${REPO}`);
  if (REPO !== undefined) await benchRepo(resolve(REPO), print);
  else for (const variant of variants) await benchVariant(variant, print);
  print(`Load average at end: ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
}

const childAt = argv.indexOf('--child');
if (childAt !== -1) {
  const job = JSON.parse(argv[childAt + 1]!) as Job;
  const result = job.kind === 'lint' ? await lintJob(job) : job.kind === 'repo' ? await repoJob(job) : await cacheJob(job);
  process.stdout.write(JSON.stringify(result));
} else {
  await main();
}
