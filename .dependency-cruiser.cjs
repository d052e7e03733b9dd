/**
 * The dependency rule (docs/design.md "Layers"), checked by `npm test`:
 * no import cycles; each layer of core/ imports only the layers below it
 *   cli -> analyze, stream -> run -> engine -> measures, remedies, backends -> domain -> basics
 * (distributed, beside run: imported by the cli, imports backends, domain, basics;
 * sweep, beside analyze: imported by the cli, imports run and below)
 * (remedies may read measures' types); the cli is a leaf; and a domain
 * (populations/<name>/) imports nothing of the core but core/index.ts.
 */
const below = (...layers) => `^core/(?!${layers.map((l) => `${l}/`).join('|')})`;

const layer = (name, allowed) => ({
  name: `layer-${name}`,
  comment: `core/${name}/ imports only ${allowed.length ? allowed.map((l) => `core/${l}/`).join(', ') : 'itself'} of the core (and no domain)`,
  severity: 'error',
  from: { path: `^core/${name}/` },
  to: { path: [below(name, ...allowed), '^populations/'], pathNot: '^node_modules/' },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle ties modules together so neither can be read, tested or moved alone.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'cli-is-a-leaf',
      comment: 'Nothing but the CLI itself, its tests and the benchmark scripts that drive runs as a user would imports core/cli/: commands use the core, never the other way.',
      severity: 'error',
      from: { pathNot: ['^core/cli/', '^test/', '^bin/', '^benchmarks/'] },
      to: { path: '^core/cli/' },
    },
    {
      name: 'domains-import-core-index',
      comment: 'A domain imports the core only through core/index.ts, the public API.',
      severity: 'error',
      from: { path: '^populations/' },
      to: { path: '^core/', pathNot: '^core/index\\.ts$' },
    },
    {
      name: 'core-index-is-for-domains',
      comment: 'core/index.ts is the API for domains; the core itself imports its modules directly, so the facade cannot close a cycle.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^core/index\\.ts$' },
    },
    {
      name: 'web-page-no-node-builtins',
      comment: 'The zero-install page (viewer/src/web/) runs in a browser: it imports no Node built-in (its build, viewer/vite.web.config.ts, also fails on any Node built-in a project module it reaches imports).',
      severity: 'error',
      from: { path: '^viewer/src/web/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'web-page-no-node-side-core',
      comment: 'The page reuses the pure core (engine, measures, config, the stream protocol and frames) and not the modules that read files, open sockets or threads: it has its own run directory, backends and replay.',
      severity: 'error',
      from: { path: '^viewer/src/web/' },
      to: {
        path: [
          '^core/(cli|analyze|distributed|sweep)/',
          '^core/stream/(access|frames-log|hub|live|replay|run-files|server)\\.ts$',
          '^core/run/(checkpoint|champions-log|consistency|files|fs-errors|lock|log-file|loop|record-files|run-dir|versions)\\.ts$',
          '^core/backends/(backend|evaluator|fallback)\\.ts$',
          '^core/backends/wasm/(evaluator|loader|node-thread|worker)\\.',
          '^core/index\\.ts$',
        ],
      },
    },
    layer('basics', []),
    layer('domain', ['basics']),
    layer('measures', ['domain', 'basics']),
    layer('backends', ['domain', 'basics']),
    layer('remedies', ['measures', 'domain', 'basics']),
    layer('engine', ['remedies', 'measures', 'backends', 'domain', 'basics']),
    layer('distributed', ['backends', 'domain', 'basics']),
    layer('sweep', ['run', 'engine', 'measures', 'remedies', 'backends', 'domain', 'basics']),
    {
      name: 'layer-run',
      comment: 'core/run/ does not import what is above it (cli, stream, analyze) nor the domains registry',
      severity: 'error',
      from: { path: '^core/run/' },
      to: { path: ['^core/(cli|stream|analyze)/', '^populations/'] },
    },
    {
      name: 'layer-analyze-stream',
      comment: 'core/analyze/ and core/stream/ do not import the CLI nor each other',
      severity: 'error',
      from: { path: '^core/(analyze|stream)/' },
      to: { path: '^core/(cli)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', 'viewer/dist'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
