// `rankscope analyze CHECKPOINT --report FILE [--shard K/N] [--passes quick,full]`: the checkpoint's
// analysis (or one shard's share of it, from --shard or a Slurm array / Kubernetes Indexed Job)
// written to a JSON Lines report line by line as each tensor finishes, so a killed run resumes:
// run the same command again and it keeps the sound lines and does only what is left.
import { closeSync, existsSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import { runCheckpointAnalysis } from '../../../core/jobs/checkpoint-analysis';
import type { RankPolicy } from '../../../core/rank/policies';
import { fingerprintCheckpoint } from '../../../core/weights/fingerprint';
import { parseReport, type PassName, type ReportSettings } from '../../../core/weights/report';
import {
  parseShardSpec,
  shardFromEnvironment,
  ShardError,
  type ShardSpec,
} from '../../../core/weights/sharding';
import { defaultQuickPassSettings } from '../../../core/weights/spectrum-passes';
import { appVersion } from '../../services/app-version';
import { CliInputError } from '../input-error';
import { openTarget } from './open-target';

export interface ReportOptions {
  report: string;
  shard?: string;
  /** The shard count for a Kubernetes Indexed Job (its completions). */
  shardCount?: number;
  passes: string;
  tensors?: string[];
  policy: RankPolicy;
}

function passesFrom(text: string): PassName[] {
  const passes = text.split(',').map((pass) => pass.trim());
  if (passes.length === 0 || passes.some((pass) => pass !== 'quick' && pass !== 'full'))
    throw new CliInputError(`--passes ${text}: give quick, full or quick,full`);
  return [...new Set(passes)] as PassName[];
}

function shardFrom(options: ReportOptions): ShardSpec | undefined {
  try {
    if (options.shard !== undefined) return parseShardSpec(options.shard);
    return shardFromEnvironment(process.env, { count: options.shardCount });
  } catch (error) {
    if (error instanceof ShardError) throw new CliInputError(error.message);
    throw error;
  }
}

/**
 * Runs (or resumes) the analysis into the report file. Tensors that fail are written as failure
 * lines and the run goes on; then it throws, so the command exits 1 saying how many.
 */
export async function analyzeIntoReport(target: string, options: ReportOptions): Promise<void> {
  const settings: ReportSettings = {
    passes: passesFrom(options.passes),
    policy: options.policy,
    quick: defaultQuickPassSettings,
    selection: options.tensors && options.tensors.length > 0 ? options.tensors : 'matrices',
  };
  const shard = shardFrom(options);
  const { checkpoint, files } = await openTarget(target);
  try {
    const fingerprint = await fingerprintCheckpoint(checkpoint, files);
    let previous;
    if (existsSync(options.report)) {
      const text = readFileSync(options.report, 'utf8');
      if (text.length > 0) {
        previous = parseReport(text, options.report);
        // A line cut short by the kill is dropped; the run appends after the sound ones.
        truncateSync(options.report, previous.soundBytes);
      }
    }
    const descriptor = openSync(options.report, 'a');
    try {
      if (previous?.endsWithoutNewline) writeSync(descriptor, '\n');
      const result = await runCheckpointAnalysis({
        checkpoint,
        files,
        fingerprint,
        settings,
        shard,
        previous,
        // Each line is on disk before the next tensor starts: a kill loses at most one.
        append: (piece) => void writeSync(descriptor, piece),
        onProgress: (progress) => {
          if (!process.stderr.isTTY) return;
          const left =
            progress.secondsLeft === undefined
              ? ''
              : `, about ${Math.ceil(progress.secondsLeft)} s left`;
          process.stderr.write(
            `\r${progress.tensorsDone}/${progress.tensorsTotal} passes, ${(progress.bytesDone / 1e6).toFixed(0)} of ${(progress.bytesTotal / 1e6).toFixed(0)} MB read${left} `,
          );
        },
        createdBy: `rankscope ${appVersion}`,
        startedAt: new Date().toISOString(),
      });
      if (process.stderr.isTTY) process.stderr.write('\n');
      const what = shard ? `shard ${shard.index}/${shard.count}` : 'the checkpoint';
      process.stderr.write(
        `${options.report}: ${what}, ${result.report.tensors.size} tensors${previous ? ' (resumed)' : ''}${result.failures > 0 ? `, ${result.failures} failed` : ''}\n`,
      );
      if (result.failures > 0)
        throw new Error(
          `${result.failures} tensor passes failed; their reasons are the report's failure lines`,
        );
    } finally {
      closeSync(descriptor);
    }
  } finally {
    await files.close();
  }
}
