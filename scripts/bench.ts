// `npm run bench [-- name…]`: runs the benchmark suites (never part of `npm test`), which live
// beside the code they measure: core/bench, core/*/…bench, and electron/services for the host.
// Each suite prints its own table: median of at least five runs, ours beside the baselines.
import os from 'node:os';

const suites: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  exact: () => import('../core/bench/exact'),
  linalg: () => import('../core/bench/linalg'),
  rank: () => import('../core/rank/rank.bench'),
  formats: () => import('../core/formats/benchmark'),
  // The host's project files (atomic save with fsync): a host service, so it lives beside it.
  project: () => import('../electron/services/project-file-store.bench'),
  weights: () => import('../core/bench/weights'),
};

const wanted = process.argv.slice(2).filter((name) => !name.startsWith('-'));
const unknown = wanted.filter((name) => !(name in suites));
if (unknown.length > 0) {
  console.error(
    `Unknown benchmark suite(s): ${unknown.join(', ')}. Known: ${Object.keys(suites).join(', ')}.`,
  );
  process.exit(2);
}

console.log(
  `Rankscope benchmarks · node ${process.version} · ${os.cpus()[0]?.model ?? 'unknown CPU'} · ${os.availableParallelism()} cores`,
);
for (const name of wanted.length > 0 ? wanted : Object.keys(suites)) {
  console.log(`\n## ${name}`);
  const suite = await suites[name]();
  await suite.run();
}
