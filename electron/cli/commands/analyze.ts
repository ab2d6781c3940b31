// rankscope analyze FILE… [--tensor NAME] [--policy …] [--json | --csv]
// The Lab's weight table from the command line, one tensor at a time. With --report FILE, a
// checkpoint (file, *.index.json or folder) is analysed into a resumable report, or one shard's
// share of it with --shard K/N (checkpoints/analyze-report.ts).
import type { Command } from 'commander';
import type { RankPolicy } from '../../../core/rank/policies';
import type { WeightRow } from '../../../core/weights/weight-row';
import { CliInputError, isInputError } from '../input-error';
import { printJson } from '../output';
import {
  addExamples,
  addOutputOptions,
  addPolicyOptions,
  checkTolerance,
  outputFormat,
} from '../options';
import type { WeightListing } from '../weight-source';

interface AnalyzeOptions {
  tensor?: string[];
  policy: string;
  tol?: number;
  json?: boolean;
  csv?: boolean;
  report?: string;
  shard?: string;
  shardCount?: number;
  passes: string;
}

function publicRow(row: WeightRow): Record<string, unknown> {
  const { singularValues: _values, rankReason: _reason, denseParameters: _dense, ...rest } = row;
  return rest;
}

function policyFrom(options: AnalyzeOptions): RankPolicy {
  if (options.policy === 'tol') return { kind: 'absolute', tolerance: options.tol! };
  return { kind: options.policy as 'default' | 'gap' | 'noise' };
}

export function registerAnalyze(program: Command): void {
  const command = program
    .command('analyze')
    .summary('a rank table of the weight matrices in .safetensors, .npy or text files')
    .description(
      "The Lab's weight table: for every matrix-shaped tensor its shape, dtype, rank, stable and\n" +
        'effective rank, σ₁, condition number, energy ranks and noise-edge rank; one tensor in ' +
        'memory at a time.',
    )
    .argument('<files...>', 'weight files ("-" reads standard input)')
    .option(
      '--tensor <name>',
      'only this tensor (repeatable)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option(
      '--report <file>',
      'write a resumable JSON Lines report of a checkpoint (file, *.index.json or folder); ' +
        'rerun to resume',
    )
    .option(
      '--shard <K/N>',
      'with --report: only shard K of N (default from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX)',
    )
    .option('--shard-count <n>', 'the shard count for a Kubernetes Indexed Job', Number)
    .option('--passes <list>', 'with --report: quick, full or quick,full', 'quick,full');
  addPolicyOptions(command, ['default', 'gap', 'noise', 'tol'], 'default');
  addOutputOptions(command, ['json', 'csv']);
  addExamples(command, [
    ['rankscope analyze model.safetensors', 'one line per tensor'],
    ['rankscope analyze model.safetensors --tensor layer.0.q.weight --json', 'one tensor, as JSON'],
    ['rankscope analyze shard-*.safetensors --csv > table.csv', "the Lab's CSV"],
    ['rankscope analyze model/ --report model.jsonl', 'a resumable report of a sharded checkpoint'],
    ['rankscope analyze model/ --report part-2.jsonl --shard 2/4', "one machine's share"],
  ]);
  command.action(async (files: string[], options: AnalyzeOptions) => {
    const format = outputFormat(options);
    checkTolerance(options);
    if (options.report !== undefined) {
      if (files.length !== 1)
        throw new CliInputError('--report takes one checkpoint: a file, its index or a folder');
      const { analyzeIntoReport } = await import('../checkpoints/analyze-report');
      await analyzeIntoReport(files[0], {
        report: options.report,
        shard: options.shard,
        shardCount: options.shardCount,
        passes: options.passes,
        tensors: options.tensor,
        policy: policyFrom(options),
      });
      return;
    }
    if (options.shard !== undefined)
      throw new CliInputError("--shard needs --report FILE for the shard's partial report");
    const [{ analyzeWeight }, { weightCsvHeader, weightCsvLine }, sources, { ProgressBar }] =
      await Promise.all([
        import('../../../core/weights/weight-row'),
        import('../../../core/weights/weight-table-csv'),
        import('../weight-source'),
        import('../progress-bar'),
      ]);
    const policy = policyFrom(options);
    const listings: WeightListing[] = [];
    try {
      for (const file of files) {
        if (file === '-') {
          const { readStandardInput } = await import('../input');
          const bytes = await readStandardInput();
          listings.push(await sources.listWeightsInMemory(bytes, options.tensor ?? []));
        } else listings.push(await sources.listWeights(file, options.tensor ?? []));
      }
      const total = listings.reduce((sum, listing) => sum + listing.items.length, 0);
      const bar = new ProgressBar(total);
      const rows: Record<string, unknown>[] = [];
      if (format === 'csv') process.stdout.write(weightCsvHeader() + '\n');
      let done = 0;
      for (const listing of listings) {
        for (const item of listing.items) {
          bar.update(done, item.description.name);
          let row: Record<string, unknown>;
          try {
            const { matrix, transposed } = await item.load();
            const context = {
              progress: (fraction: number) => bar.update(done, item.description.name, fraction),
              checkCancelled() {},
            };
            row = publicRow(
              analyzeWeight(matrix, item.description, policy, context, { transposed }),
            );
          } catch (error) {
            // One unreadable tensor (NaN weights, a bad range) must not hide the others.
            if (!isInputError(error)) throw error;
            done++;
            process.stderr.write(
              `rankscope: ${item.description.name}: ${(error as Error).message}\n`,
            );
            rows.push({ ...item.description, error: (error as Error).message });
            continue;
          }
          done++;
          if (format === 'csv') process.stdout.write(weightCsvLine(row) + '\n');
          else if (format === 'table') {
            process.stdout.write(
              `${String(row.name).padEnd(36)} ${`${row.rows}×${row.cols}`.padStart(11)} ${String(row.dtype).padEnd(5)} rank ${String(row.rank).padStart(5)}  stable ${(row.stableRank as number).toFixed(2).padStart(8)}  effective ${(row.effectiveRank as number).toFixed(1).padStart(7)}  σ₁ ${(row.sigmaMax as number).toPrecision(4)}\n`,
            );
          }
          rows.push(row);
        }
        if (listing.skipped.length > 0 && format === 'table') {
          process.stderr.write(
            `(${listing.skipped.length} tensors with fewer than 2 axes were left out: ${listing.skipped.slice(0, 5).join(', ')}${listing.skipped.length > 5 ? ', …' : ''})\n`,
          );
        }
      }
      bar.finish();
      if (format === 'json') printJson(rows);
    } finally {
      await Promise.all(listings.map((listing) => listing.close()));
    }
  });
}
