// rankscope rank FILE [--policy auto|exact|default|gap|noise|tol] [--tol X] [--json]
import { Option, type Command } from 'commander';
import { parseEntryMatrix } from '../../../core/exact/entry';
import { exactRank } from '../../../core/exact/exact-rank';
import { rankReport } from '../../../core/jobs/rank-report';
import { CliInputError } from '../input-error';
import { printJson, printReport } from '../output';
import { isIntegerOrFraction, readMatrixFile } from '../read-matrix';

export function registerRank(program: Command): void {
  program
    .command('rank')
    .description('the rank of a matrix, exact or numerical, with the measures')
    .argument('<file>', 'CSV, TSV, whitespace text, MatrixMarket, .npy or safetensors (--tensor)')
    .addOption(
      new Option(
        '--policy <policy>',
        'how to decide the rank (auto: exact when every entry is an integer or a written fraction, else default)',
      )
        .choices(['auto', 'exact', 'default', 'gap', 'noise', 'tol'])
        .default('auto'),
    )
    .option('--tol <x>', 'absolute tolerance for --policy tol', parseFloat)
    .option('--tensor <name>', 'the tensor to read from a safetensors file')
    .option('--json', 'print JSON')
    .action(
      (
        file: string,
        options: { policy: string; tol?: number; json?: boolean; tensor?: string },
      ) => {
        const loaded = readMatrixFile(file, { tensor: options.tensor });
        let policy = options.policy;
        if (policy === 'auto')
          policy = loaded.cells && isIntegerOrFraction(loaded.cells) ? 'exact' : 'default';
        if (policy === 'tol' && (options.tol === undefined || !(options.tol >= 0))) {
          throw new CliInputError('--policy tol needs --tol X with X ≥ 0');
        }
        const numeric = rankReport(loaded.matrix, {
          policy: policy === 'exact' ? 'default' : (policy as 'default' | 'gap' | 'noise' | 'tol'),
          tol: options.tol,
          cells: policy === 'exact' ? undefined : loaded.cells,
        });
        let report: Record<string, unknown> = numeric as unknown as Record<string, unknown>;
        if (policy === 'exact') {
          if (!loaded.cells)
            throw new CliInputError(`${file}: exact rank needs a text file of exact entries`);
          const parsed = parseEntryMatrix(loaded.cells);
          if (!parsed.exact || !parsed.rationals)
            throw new CliInputError(
              `${file}: some entries are irrational, so the rank cannot be exact`,
            );
          const reduced = exactRank(parsed.rationals, { certify: true, columns: loaded.cols });
          const { singularValues: _values, ...measures } = numeric;
          report = {
            ...measures,
            rank: reduced.rank,
            policy: 'exact',
            tolerance: null,
            exact: true,
            nullity: loaded.cols - reduced.rank,
            pivots: reduced.pivots,
            reason: 'Exact row reduction over the rationals.',
          };
        }
        if (options.json) printJson(report);
        else
          printReport([
            ['rows × cols', `${loaded.rows} × ${loaded.cols}`],
            ['rank', report.rank],
            ['policy', report.policy],
            ['tolerance', report.tolerance],
            ['nullity', report.nullity],
            ['stable rank', report.stableRank],
            ['effective rank', report.effectiveRank],
            ['reason', report.reason],
          ]);
      },
    );
}
