// rankscope rank FILE… [--policy …] [--tol X] [--tensor NAME] [--json | --csv]
import { hasDecimal } from '../../../core/exact/decimal-reading';
import { exactRank } from '../../../core/exact/exact-rank';
import { rankReport } from '../../../core/jobs/rank-report';
import { largestEditorSize } from '../../../core/project/limits';
import { entriesOf, readMatrixArgument } from '../input';
import type { Command } from 'commander';
import { textFormats, type TextFormat } from '../../../core/formats/text-formats';
import { CliInputError } from '../input-error';
import type { MatrixInput } from '../input';
import { formatNumber } from '../../../core/number-shown';
import { printCsv, printJson, printTable, stylesFor } from '../output';
import {
  addExamples,
  addOutputOptions,
  addPolicyOptions,
  checkTolerance,
  outputFormat,
  type PolicyName,
} from '../options';

/** Text matrices up to the editor's size are also read exactly, to compare the two ranks. */
const writtenCompared = largestEditorSize * largestEditorSize;

interface RankOptions {
  policy: PolicyName;
  tol?: number;
  tensor?: string;
  json?: boolean;
  csv?: boolean;
}

export function registerRank(program: Command): void {
  const command = program
    .command('rank')
    .summary('the rank of a matrix, exact or numerical, with the measures')
    .description(
      'The rank of each matrix: exact (row reduction over the rationals) when every entry is an ' +
        'integer or a fraction, else numerical with the tolerance stated; with the nullity, the ' +
        'stable and effective ranks and the rank every other policy gives.',
    )
    .argument('<files...>', 'matrix files, or "-" for standard input')
    .option('--tensor <name>', 'the tensor to read from a .safetensors file');
  addPolicyOptions(command, ['auto', 'exact', 'default', 'gap', 'noise', 'tol'], 'auto');
  addOutputOptions(command, ['json', 'csv']);
  addExamples(command, [
    ['rankscope rank matrix.csv', 'exact for integers and fractions'],
    ["echo '[1 2 3; 2 4 6; 1 3 4]' | rankscope rank -", 'any notation, from standard input'],
    ['rankscope rank weights.npy --policy gap --json', 'the largest spectral gap, as JSON'],
    ['rankscope rank runs/*.csv --csv > ranks.csv', 'one CSV line per file'],
  ]);
  command.action(async (files: string[], options: RankOptions) => {
    const format = outputFormat(options);
    checkTolerance(options);
    const reports: RankFileReport[] = [];
    for (const file of files) reports.push(await rankOfFile(file, options));
    if (format === 'json') printJson(reports.length === 1 ? reports[0] : reports);
    else if (format === 'csv') printCsv(csvHeader, reports.map(csvLine));
    else printTables(reports);
  });
}

export interface RankFileReport {
  file: string;
  format: string;
  rows: number;
  cols: number;
  rank: number;
  nullity: number;
  policy: string;
  tolerance: number | null;
  exact: boolean;
  reason: string;
  stableRank: number;
  effectiveRank: number;
  gapRank: number;
  noiseRank: number;
  singularValues?: number[];
  pivots?: number[];
}

async function rankOfFile(file: string, options: RankOptions): Promise<RankFileReport> {
  const input = await readMatrixArgument(file, { tensor: options.tensor });
  let policy = options.policy;
  if (policy === 'auto')
    policy = input.entries === 'integers' || input.entries === 'fractions' ? 'exact' : 'default';
  // Written text up to the editor's size is also read exactly: when its exact rank differs from
  // the numerical one, the report says so and names the σ between them (core/rank/rank-story).
  const entries =
    input.binary || input.rows * input.cols > writtenCompared ? undefined : await entriesOf(input);
  const numeric = rankReport(input.matrix, {
    policy: policy === 'exact' ? 'default' : policy,
    tol: options.tol,
    written:
      policy !== 'exact' && entries?.exact && entries.rationals
        ? { rationals: entries.rationals, decimals: writesDecimals(input) }
        : undefined,
  });
  const common = { file: input.name, format: input.format };
  if (policy !== 'exact') return { ...common, ...numeric };
  const exactEntries = entries ?? (await entriesOf(input));
  if (!exactEntries.exact || !exactEntries.rationals)
    throw new CliInputError(
      `${input.name}: some entries are irrational, so the rank cannot be exact`,
    );
  const reduced = exactRank(exactEntries.rationals, { certify: true, columns: input.cols });
  const { singularValues: _values, ...measures } = numeric;
  return {
    ...common,
    ...measures,
    rank: reduced.rank,
    nullity: input.cols - reduced.rank,
    policy: 'exact',
    tolerance: null,
    exact: true,
    reason: exactReason(input),
    pivots: reduced.pivots,
  };
}

function writesDecimals(input: MatrixInput): boolean {
  if (input.entries !== 'expressions') return input.entries === 'decimals';
  return input.cells().some((row) => row.some(hasDecimal));
}

function exactReason(input: MatrixInput): string {
  return input.entries === 'integers' || input.entries === 'fractions'
    ? 'row reduction over the rationals, as every entry is an integer or a fraction'
    : 'row reduction over the rationals (decimals read exactly as written)';
}

const policyWords: Record<string, string> = {
  exact: 'exact',
  default: 'default (numpy, MATLAB)',
  gap: 'largest spectral gap',
  noise: 'Marchenko–Pastur noise edge',
  absolute: 'absolute tolerance',
};

function printTables(reports: RankFileReport[]): void {
  const styles = stylesFor(process.stdout);
  reports.forEach((report, index) => {
    if (reports.length > 1)
      process.stdout.write(`${index > 0 ? '\n' : ''}${styles.bold(report.file)}\n`);
    const notation = textFormats[report.format as TextFormat] ?? report.format;
    printTable(
      [
        ['matrix', `${report.rows} × ${report.cols}, read as ${notation}`],
        ['rank', report.rank],
        ['nullity', report.nullity],
        ['policy', `${policyWords[report.policy] ?? report.policy}: ${report.reason}`],
        [
          'tolerance',
          report.tolerance === null
            ? 'none: exact arithmetic rounds nothing'
            : formatNumber(report.tolerance),
        ],
        ['stable rank', report.stableRank],
        ['effective rank', report.effectiveRank],
        ['other policies', `gap ${report.gapRank}, noise edge ${report.noiseRank}`],
      ],
      { emphasis: ['rank'] },
    );
  });
}

const csvHeader = [
  'file',
  'format',
  'rows',
  'cols',
  'rank',
  'nullity',
  'policy',
  'tolerance',
  'exact',
  'stable_rank',
  'effective_rank',
  'gap_rank',
  'noise_rank',
];

function csvLine(report: RankFileReport): unknown[] {
  return [
    report.file,
    report.format,
    report.rows,
    report.cols,
    report.rank,
    report.nullity,
    report.policy,
    report.tolerance,
    report.exact,
    report.stableRank,
    report.effectiveRank,
    report.gapRank,
    report.noiseRank,
  ];
}
