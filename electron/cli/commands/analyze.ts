// rankscope analyze FILE... [--tensor NAME] [--policy …] [--json | --csv]
// The Lab's weight table from the command line, one tensor at a time. With --report FILE, a
// checkpoint (file, *.index.json or folder) is analysed into a resumable report, or one shard's
// share of it with --shard K/N (checkpoints/analyze-report.ts).
import { Option, type Command } from 'commander';
import type { RankPolicy } from '../../../core/rank/policies';
import { analyzeWeight, type WeightRow } from '../../../core/jobs/weight-analysis';
import { weightCsvHeader, weightCsvLine } from '../../../core/jobs/weight-table-csv';
import { CliInputError, isInputError } from '../input-error';
import { printJson } from '../output';
import { ProgressBar } from '../progress-bar';
import { listWeights } from '../weight-source';
import { analyzeIntoReport } from '../checkpoints/analyze-report';

function publicRow(row: WeightRow): Record<string, unknown> {
  const { singularValues: _values, rankReason: _reason, denseParameters: _dense, ...rest } = row;
  return rest;
}

function policyFrom(options: { policy: string; tol?: number }): RankPolicy {
  if (options.policy === 'tol') {
    if (options.tol === undefined || !(options.tol >= 0))
      throw new CliInputError('--policy tol needs --tol X with X ≥ 0');
    return { kind: 'absolute', tolerance: options.tol };
  }
  return { kind: options.policy as 'default' | 'gap' | 'noise' };
}

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('a rank table of the weight matrices in .safetensors, .npy, .mtx or text files')
    .argument('<files...>', 'weight files')
    .option(
      '--tensor <name>',
      'only this tensor (repeatable)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .addOption(
      new Option('--policy <policy>', 'how to decide the rank')
        .choices(['default', 'gap', 'noise', 'tol'])
        .default('default'),
    )
    .option('--tol <x>', 'absolute tolerance for --policy tol', parseFloat)
    .option('--json', 'print a JSON array')
    .option('--csv', 'print CSV')
    .option(
      '--report <file>',
      'write a resumable JSON Lines report of a checkpoint (file, *.index.json or folder); rerun to resume',
    )
    .option(
      '--shard <K/N>',
      'with --report: only shard K of N (default from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX)',
    )
    .option('--shard-count <n>', 'the shard count for a Kubernetes Indexed Job', (text) =>
      Number(text),
    )
    .option('--passes <list>', 'with --report: quick, full or quick,full', 'quick,full')
    .action(
      async (
        files: string[],
        options: {
          tensor?: string[];
          policy: string;
          tol?: number;
          json?: boolean;
          csv?: boolean;
          report?: string;
          shard?: string;
          shardCount?: number;
          passes: string;
        },
      ) => {
        const policy = policyFrom(options);
        if (options.report !== undefined) {
          if (files.length !== 1)
            throw new CliInputError('--report takes one checkpoint: a file, its index or a folder');
          await analyzeIntoReport(files[0], {
            report: options.report,
            shard: options.shard,
            shardCount: options.shardCount,
            passes: options.passes,
            tensors: options.tensor,
            policy,
          });
          return;
        }
        if (options.shard !== undefined)
          throw new CliInputError('--shard needs --report FILE for the shard’s partial report');
        const listings = [];
        for (const file of files)
          listings.push({ file, listing: await listWeights(file, options.tensor ?? []) });
        const total = listings.reduce((sum, { listing }) => sum + listing.items.length, 0);
        const bar = new ProgressBar(total);
        const rows: Record<string, unknown>[] = [];
        if (options.csv) process.stdout.write(weightCsvHeader() + '\n');
        let done = 0;
        for (const { listing } of listings) {
          try {
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
              if (options.csv) process.stdout.write(weightCsvLine(row) + '\n');
              else if (!options.json) {
                process.stdout.write(
                  `${String(row.name).padEnd(36)} ${`${row.rows}×${row.cols}`.padStart(11)} ${String(row.dtype).padEnd(5)} rank ${String(row.rank).padStart(5)}  stable ${(row.stableRank as number).toFixed(2).padStart(8)}  effective ${(row.effectiveRank as number).toFixed(1).padStart(7)}  σ₁ ${(row.sigmaMax as number).toPrecision(4)}\n`,
                );
              }
              rows.push(row);
            }
            if (listing.skipped.length > 0 && !options.json && !options.csv) {
              process.stderr.write(
                `(${listing.skipped.length} tensors with fewer than 2 axes were left out: ${listing.skipped.slice(0, 5).join(', ')}${listing.skipped.length > 5 ? ', …' : ''})\n`,
              );
            }
          } finally {
            await listing.close();
          }
        }
        bar.finish();
        if (options.json) printJson(rows);
      },
    );
}
