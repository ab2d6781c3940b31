// The layers of ARCHITECTURE.md inside each room, and no import cycles, checked over every file
// (benches, tests and type-only imports included) by `npm run check:layers`, part of `npm run lint`.
// ESLint (eslint.config.js) keeps the rules between the rooms and about Node, DOM and Electron.
//
// core:      formats, exact, linalg, rank, weights  <  project  <  jobs  <  lecture, protocol;
//            job-context.ts, quantities.ts and number-shown.ts under everything; bench and tests may read files, never electron/.
// renderer:  host < state < files;  figures < export;  keyboard and dialogs alone;
//            views/shared < views/<name> < workbench < main.tsx; no view imports another view.
const renderer = '^renderer/src/';
const views = `${renderer}views/`;

/** A rule that `from` must not import `to`, with the reason as the message. */
function forbid(name, comment, from, to) {
  return { name, comment, severity: 'error', from, to };
}

module.exports = {
  forbidden: [
    forbid(
      'no-cycle',
      'Import cycles make layers meaningless and load order fragile.',
      {},
      { circular: true },
    ),

    forbid(
      'core-imports-only-core',
      'core/ is pure TypeScript: it imports nothing from the host, the renderer, e2e or scripts ' +
        '(benches and tests included: a host service is measured from electron/).',
      { path: '^core/' },
      { path: '^(electron|renderer|e2e|scripts|bin)/' },
    ),
    forbid(
      'core-algorithms-below-jobs-and-project',
      'formats, exact, linalg and rank are the algorithms: they know no job, project or protocol.',
      { path: '^core/(formats|exact|linalg|rank)/' },
      { path: '^core/(jobs|project|protocol|bench)/' },
    ),
    forbid(
      'core-linalg-lowest',
      'linalg is the dense floating-point base the other algorithms build on.',
      { path: '^core/linalg/' },
      { path: '^core/(formats|exact|rank)/' },
    ),
    forbid(
      'core-weights-below-jobs',
      'Checkpoint reading and its analysis passes are algorithms over formats, linalg and rank; ' +
        'the jobs run them (their tests may drive a job end to end).',
      { path: '^core/weights/', pathNot: '\\.test\\.ts$' },
      { path: '^core/(jobs|project|protocol|lecture)/' },
    ),
    forbid(
      'core-lecture-over-jobs',
      'The lecture kit turns job results into slides and sheets; no algorithm or job depends on it.',
      { path: '^core/(formats|exact|linalg|rank|weights|project|jobs)/' },
      { path: '^core/lecture/' },
    ),
    forbid(
      'core-project-below-jobs',
      'The project document is data: it runs no job and knows no transport.',
      { path: '^core/project/' },
      { path: '^core/(jobs|protocol|bench)/' },
    ),
    forbid(
      'core-protocol-on-top',
      'The contract sits over all of core; nothing in core but benches depends on it.',
      { path: '^core/', pathNot: '^core/(protocol|bench)/' },
      { path: '^core/protocol/' },
    ),
    forbid(
      'core-job-context-at-the-bottom',
      'Progress, cancellation and the wording of sizes, durations and numbers are taken by every layer, ' +
        'so they import none.',
      { path: '^core/(job-context|quantities|number-shown)\\.ts$' },
      { path: '^core/' },
    ),
    forbid(
      'core-bench-private',
      'Benchmarks are run by scripts/bench.ts; no code depends on them.',
      { path: '^(core|electron|renderer)/', pathNot: '^core/bench/' },
      { path: '^core/bench/' },
    ),

    forbid(
      'view-imports-no-sibling-view',
      'A view is one folder: what views share lives in views/shared, never in another view.',
      { path: `${views}([^/]+)/` },
      { path: views, pathNot: [`${views}$1/`, `${views}shared/`] },
    ),
    forbid(
      'views-below-workbench',
      'Views are drawn by the workbench and never reach back into it.',
      { path: views },
      { path: `${renderer}(workbench/|main\\.tsx)` },
    ),
    forbid(
      'workbench-only-from-main',
      'The workbench is the shell: only main.tsx mounts it.',
      { path: renderer, pathNot: `${renderer}(workbench/|main\\.tsx)` },
      { path: `${renderer}workbench/` },
    ),
    forbid(
      'services-know-no-views',
      'State, host, files, figures, export, the keymap and dialogs serve the views; they never import one.',
      { path: `${renderer}(state|host|files|figures|export|keyboard|dialogs)/` },
      { path: `${renderer}(views|workbench)/` },
    ),
    forbid(
      'host-only-core',
      'The host adapters speak core/protocol and nothing of the page.',
      { path: `${renderer}host/` },
      { path: renderer, pathNot: `${renderer}host/` },
    ),
    forbid(
      'state-below-files',
      'The store knows the host, not the file commands, the figures or the keymap.',
      { path: `${renderer}state/` },
      { path: `${renderer}(files|figures|export|keyboard)/` },
    ),
    forbid(
      'figures-are-pure',
      'Figures are builders from data to SVG or a three.js scene; export frames them, not the ' +
        'other way (their tests may check a figure framed as export does).',
      { path: `${renderer}figures/`, pathNot: '\\.test\\.ts$' },
      { path: renderer, pathNot: `${renderer}figures/` },
    ),
    forbid(
      'export-over-figures-only',
      'Export turns figures into files; it knows no view, state or host.',
      { path: `${renderer}export/` },
      { path: renderer, pathNot: `${renderer}(export|figures)/` },
    ),
    forbid(
      'dialogs-alone',
      'The dialog frame is markup and behaviour only; every layer may use it.',
      { path: `${renderer}dialogs/` },
      { path: renderer, pathNot: `${renderer}dialogs/` },
    ),
    forbid(
      'keymap-alone',
      'The keymap is data and one listener; every layer may use it.',
      { path: `${renderer}keyboard/` },
      { path: renderer, pathNot: `${renderer}keyboard/` },
    ),
  ],
  options: {
    // Type-only imports count: a type cycle is still a cycle between concepts.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|node_modules|core/linalg/kernels/wasm/assembly)/' },
  },
};
