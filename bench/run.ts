/**
 * `npm run bench`: measures the plugin on a generated codebase with ESLint's
 * own per-rule timing (`stats: true`) and prints a table.
 *
 *   npm run bench -- [--files 1000] [--typed-files 240] [--out <dir>]
 *
 * 1. untyped: all of this plugin's rules together vs ESLint's core
 *    `no-unused-vars` and vs typescript-eslint parsing, on the same files;
 *    and the cost on files that name no provider;
 * 2. growth from 1x to 4x the files;
 * 3. typed: the plugin's added time over typescript-eslint's own typed
 *    baseline (its recommended-type-checked rules);
 * 4. ESLint's multithreaded mode (`concurrency: 'auto'`): wall-clock gain and
 *    identical findings;
 * 5. oxlint running the same rules as a JS plugin, beside ESLint (wall clock).
 * Timing is measured here only; tests never assert on time.
 */
import { cpus, tmpdir } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import plugin from '../src/index.js';
import { generate } from './generate.js';

interface Figures {
  plugin: number;
  noUnusedVars: number;
  parse: number;
  total: number;
  wall: number;
  /** ESLint's own cost of as many rules that do nothing. */
  empty: number;
  /** Plugin time on files that name no provider, per file (ms). */
  quietPerFile: number;
  /** Plugin time on files that do, per file (ms). */
  busyPerFile: number;
  messages: string[];
}

const argv = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const at = argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(argv[at + 1]);
};
const FILES = option('files', 1000);
const TYPED_FILES = option('typed-files', 240);
const outAt = argv.indexOf('--out');
const OUT = outAt === -1 ? join(tmpdir(), 'whatsapp-errors-bench') : argv[outAt + 1]!;

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

async function lint(dir: string, config: Linter.Config[], concurrency: 'off' | 'auto' = 'off'): Promise<Figures> {
  const eslint = concurrency === 'auto' ? await threadedESLint(dir) : new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config, stats: true });
  const started = performance.now();
  const results = await eslint.lintFiles(['src/**/*.ts']);
  const wall = performance.now() - started;
  const figures: Figures = { plugin: 0, noUnusedVars: 0, parse: 0, total: 0, wall, empty: 0, quietPerFile: 0, busyPerFile: 0, messages: [] };
  let quiet = 0;
  let quietTime = 0;
  let busy = 0;
  let busyTime = 0;
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
    if (/graph\.facebook|msgbubbles|sagad|deliver\d/.test(result.source ?? '')) {
      busy++;
      busyTime += own;
    } else {
      quiet++;
      quietTime += own;
    }
    for (const m of result.messages) figures.messages.push(`${result.filePath}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
  }
  figures.quietPerFile = quiet ? quietTime / quiet : 0;
  figures.busyPerFile = busy ? busyTime / busy : 0;
  return figures;
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

const ms = (n: number) => `${n.toFixed(0)} ms`;
const ratio = (a: number, b: number) => (b === 0 ? 'n/a' : `${(a / b).toFixed(2)}x`);

async function main(): Promise<void> {
  const lines: string[] = [];
  const print = (line = '') => {
    lines.push(line);
    console.log(line);
  };
  print(`# eslint-plugin-whatsapp-errors benchmark`);
  print();
  print(`Node ${process.version}, ${cpus().length} cores, ESLint ${ESLint.version}. Generated codebase: ${OUT}`);
  print();

  // 1 and 2: untyped, 1x to 4x
  print('## Untyped: all plugin rules vs no-unused-vars and parsing');
  print();
  print(
    `| files | plugin rules (${Object.keys(pluginRules).length}) | as many empty rules | no-unused-vars | parsing | plugin / no-unused-vars | plugin / parsing | plugin per file without a provider | per file with one |`,
  );
  print('|---|---|---|---|---|---|---|---|---|');
  const growth: [number, number][] = [];
  for (const factor of [1, 2, 3, 4]) {
    const count = FILES * factor;
    const dir = join(OUT, `untyped-${count}`);
    generate(dir, count);
    const f = await lint(dir, untypedConfig);
    growth.push([count, f.plugin]);
    print(
      `| ${count} | ${ms(f.plugin)} | ${ms(f.empty)} | ${ms(f.noUnusedVars)} | ${ms(f.parse)} | ${ratio(f.plugin, f.noUnusedVars)} | ${ratio(f.plugin, f.parse)} | ${(f.quietPerFile * 1000).toFixed(1)} µs | ${(f.busyPerFile * 1000).toFixed(1)} µs |`,
    );
  }
  const [baseCount, baseTime] = growth[0]!;
  print();
  print(`Growth (plugin time per file relative to ${baseCount} files): ${growth.map(([c, t]) => `${c}: ${((t / c) / (baseTime / baseCount)).toFixed(2)}`).join(', ')}`);
  print();

  // 3: typed
  print('## Typed: added time over typescript-eslint recommended-type-checked');
  print();
  const typedDir = join(OUT, `typed-${TYPED_FILES}`);
  generate(typedDir, TYPED_FILES);
  await lint(typedDir, typedConfig(typedDir, false)); // warm-up: the first typed run loads TypeScript's lib files
  const baseline = await lint(typedDir, typedConfig(typedDir, false));
  const withPlugin = await lint(typedDir, typedConfig(typedDir, true));
  const untypedSame = await lint(typedDir, untypedConfig);
  print('| files | typed lint (baseline) wall | with plugin wall | plugin rules (typed) | plugin rules (untyped, same files) | added / typed lint total |');
  print('|---|---|---|---|---|---|');
  print(
    `| ${TYPED_FILES} | ${ms(baseline.wall)} | ${ms(withPlugin.wall)} | ${ms(withPlugin.plugin)} | ${ms(untypedSame.plugin)} | ${((withPlugin.plugin / withPlugin.total) * 100).toFixed(1)}% |`,
  );
  print();

  // 4: concurrency
  print("## Multithreaded linting (concurrency: 'auto')");
  print();
  const dir = join(OUT, `untyped-${FILES}`);
  const single = await lint(dir, untypedConfig, 'off');
  let threaded: Figures | undefined;
  let note = '';
  try {
    threaded = await lint(dir, untypedConfig, 'auto');
  } catch (error) {
    note = `not available: ${(error as Error).message.split('\n')[0]}`;
  }
  if (threaded) {
    const same = JSON.stringify([...single.messages].sort()) === JSON.stringify([...threaded.messages].sort());
    print(`| files | off | auto | gain | identical findings |`);
    print('|---|---|---|---|---|');
    print(`| ${FILES} | ${ms(single.wall)} | ${ms(threaded.wall)} | ${ratio(single.wall, threaded.wall)} | ${same ? `yes (${single.messages.length})` : 'NO'} |`);
  } else {
    print(note);
  }
  print();
  // 5: oxlint running the same rules as a JS plugin, beside ESLint, wall clock on the same files
  print('## oxlint + plugin beside ESLint + plugin (wall clock, same files, only this plugin\'s rules)');
  print();
  const oxlint = fileURLToPath(new URL('../../node_modules/oxlint/bin/oxlint', import.meta.url));
  const oxConfig = join(dir, '.oxlintrc.json');
  writeFileSync(oxConfig, JSON.stringify({ jsPlugins: [new URL('../src/index.js', import.meta.url).pathname], rules: pluginRules }));
  const oxStarted = performance.now();
  const ox = spawnSync(process.execPath, [oxlint, '-A', 'all', '-c', oxConfig, 'src'], { cwd: dir, encoding: 'utf8' });
  const oxWall = performance.now() - oxStarted;
  const eslintOnly = await lint(dir, [{ ...untypedConfig[0]!, rules: pluginRules }]);
  print('| files | ESLint + plugin | oxlint + plugin | oxlint findings | ESLint findings |');
  print('|---|---|---|---|---|');
  // oxlint's default output names each finding `whatsapp-errors(rule)`
  const oxFindings = (ox.stdout.match(/whatsapp-errors\(/g) ?? []).length;
  print(`| ${FILES} | ${ms(eslintOnly.wall)} | ${ms(oxWall)} | ${oxFindings} | ${eslintOnly.messages.length} |`);
  print();
}

await main();
