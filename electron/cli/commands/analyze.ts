// rankscope analyze FILE… [--tensor NAME] [--policy …] [--json | --csv]
// The Lab's weight table from the command line, one tensor at a time, for a checkpoint in every
// format the Lab reads (a file, *.index.json or a folder; weight-source.ts) or a matrix file. With
// --report FILE, a checkpoint is analysed into a resumable report, or one shard's share of it with
// --shard K/N (checkpoints/analyze-report.ts).
import type { Command } from 'commander';
import type { RankPolicy } from '../../../core/rank/policies';
import type { WeightDescription, WeightRow } from '../../../core/weights/weight-row';
import { matrixShapeOf } from '../../../core/formats/tensor-data';
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

/** A table line per tensor, its columns as wide as the longest name and dtype among them. */
function tableLine(descriptions: WeightDescription[]): (row: Record<string, unknown>) => string {
  const nameWidth = Math.min(60, Math.max(4, ...descriptions.map(({ name }) => name.length)));
  const dtypeWidth = Math.max(4, ...descriptions.map(({ dtype }) => dtype.length));
  const shapeWidth = Math.max(
    5,
    ...descriptions.map(({ shape }) => {
      const { rows, cols } = matrixShapeOf(shape);
      return `${rows}×${cols}`.length;
    }),
  );
  return (row) =>
    `${String(row.name).padEnd(nameWidth)}  ${`${row.rows}×${row.cols}`.padStart(shapeWidth)}  ${String(row.dtype).padEnd(dtypeWidth)}  rank ${String(row.rank).padStart(5)}  stable ${(row.stableRank as number).toFixed(2).padStart(8)}  effective ${(row.effectiveRank as number).toFixed(1).padStart(7)}  σ₁ ${(row.sigmaMax as number).toPrecision(4)}`;
}

function policyFrom(options: AnalyzeOptions): RankPolicy {
  if (options.policy === 'tol') return { kind: 'absolute', tolerance: options.tol! };
  return { kind: options.policy as 'default' | 'gap' | 'noise' };
}

export function registerAnalyze(program: Command): void {
  const command = program
    .command('analyze')
    .summary('a rank table of the weight matrices of a checkpoint (or of matrix files)')
    .description(
      "The Lab's weight table: for every matrix-shaped tensor its shape, dtype, rank, stable and\n" +
        'effective rank, σ₁, condition number, energy ranks and noise-edge rank; one tensor in ' +
        'memory at a time. Reads safetensors, GGUF, PyTorch (.pt, .pth, .bin, .ckpt), ONNX, ' +
        '.npz and .npy checkpoints (a file, a shard index *.index.json or a folder of shards), ' +
        'and text or MatrixMarket matrices.',
    )
    .argument(
      '<files...>',
      'checkpoints (files, *.index.json or folders) or matrix files ("-" reads standard input)',
    )
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
    ['rankscope analyze model.gguf', 'quantized weights, dequantized one at a time'],
    ['rankscope analyze model/', 'a folder of shards, or its *.index.json'],
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
      const items = listings.flatMap((listing) => listing.items);
      const bar = new ProgressBar(items.length);
      const rows: Record<string, unknown>[] = [];
      const line = tableLine(items.map((item) => item.description));
      if (format === 'csv') process.stdout.write(weightCsvHeader() + '\n');
      let done = 0;
      let failed = 0;
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
            failed++;
            process.stderr.write(
              `rankscope: ${item.description.name}: ${(error as Error).message}\n`,
            );
            rows.push({ ...item.description, error: (error as Error).message });
            continue;
          }
          done++;
          if (format === 'csv') process.stdout.write(weightCsvLine(row) + '\n');
          else if (format === 'table') process.stdout.write(line(row) + '\n');
          rows.push(row);
        }
        if (format === 'table') {
          const skipped = listing.skipped;
          if (skipped.length > 0)
            process.stderr.write(
              `(${skipped.length === 1 ? '1 tensor with fewer than 2 axes was' : `${skipped.length} tensors with fewer than 2 axes were`} left out: ${skipped.slice(0, 5).join(', ')}${skipped.length > 5 ? ', …' : ''})\n`,
            );
          // What the checkpoint's reader passed over or noticed (a tensor missing from its index).
          for (const note of listing.notes) process.stderr.write(`(${note})\n`);
        }
      }
      bar.finish();
      if (format === 'json') printJson(rows);
      // The other tensors' rows are out; the exit code still says that some could not be read.
      if (failed > 0) process.exitCode = 2;
    } finally {
      await Promise.all(listings.map((listing) => listing.close()));
    }
  });
}
