// The weight report: JSON Lines a run appends as it goes, so it outlasts the run. Line 1 is the
// header — the checkpoint (name, format, fingerprint, files, every tensor's name, shape, dtype,
// quantization and size), the settings and the shard — then one line per tensor and pass with its
// singular values, or one per failure. Reading tolerates a cut last line (a killed run) and says
// how many bytes are sound, so a resumed run can cut there and append. Non-finite numbers (a
// condition number of ∞) are written as the strings "Infinity", "-Infinity", "NaN".
import { z } from 'zod';
import { FormatError } from '../formats/format-error';
import { matrixShapeOf } from '../formats/tensor-data';
import { rankPolicySchema } from '../rank/request-schemas';
import type { Checkpoint } from './checkpoint';
import type { FullPass, QuickPass, QuickPassSettings } from './spectrum-passes';

export const reportType = 'rankscope-weight-report';
export const reportVersion = 1;

export type PassName = 'quick' | 'full';

const number = z.union([
  z.number(),
  z.enum(['Infinity', '-Infinity', 'NaN']).transform((text) => Number(text)),
]);
const count = z.number().int().nonnegative();

export const reportSettingsSchema = z.object({
  passes: z.array(z.enum(['quick', 'full'])).min(1),
  policy: rankPolicySchema,
  quick: z.object({
    rank: count,
    oversample: count,
    powerIterations: count,
    seed: z.number().int(),
  }),
  /** 'matrices': every tensor of two or more dimensions; else the names chosen. */
  selection: z.union([z.literal('matrices'), z.array(z.string())]),
});
export type ReportSettings = z.infer<typeof reportSettingsSchema>;

const shardSchema = z.object({
  /** 1-based, as `--shard K/N` writes it. */
  index: z.number().int().positive(),
  count: z.number().int().positive(),
  /** The tensors this shard owns (the assignment of sharding.ts). */
  tensors: z.array(z.string()),
});
export type ReportShard = z.infer<typeof shardSchema>;

export const reportHeaderSchema = z.object({
  type: z.literal(reportType),
  version: z.literal(reportVersion),
  checkpoint: z.object({
    name: z.string(),
    format: z.string(),
    fingerprint: z.string(),
    files: z.array(z.object({ name: z.string(), size: count })),
    tensors: z.array(
      z.object({
        name: z.string(),
        shape: z.array(count),
        dtype: z.string(),
        quantization: z
          .object({ scheme: z.string(), bitsPerWeight: z.number(), blockSize: count })
          .optional(),
        bytes: count,
      }),
    ),
  }),
  settings: reportSettingsSchema,
  shard: shardSchema.nullable(),
  /** Set on a merged report: the shards it joins. */
  merged: z
    .object({ count: z.number().int().positive(), shards: z.array(z.number().int().positive()) })
    .optional(),
  createdBy: z.string(),
  /** Timing: when the run (or the merge) began. */
  startedAt: z.string().optional(),
});
export type ReportHeader = z.infer<typeof reportHeaderSchema>;

const quickSchema = z.object({
  pass: z.literal('quick'),
  topSingularValues: z.array(number),
  sigmaMax: number,
  frobeniusNorm: number,
  stableRank: number,
  noiseLevel: number,
  noiseRank: count,
  noiseRankIsLowerBound: z.boolean(),
  sketch: z.object({
    rank: count,
    oversample: count,
    powerIterations: count,
    seed: z.number().int(),
  }),
});
const fullSchema = z.object({
  pass: z.literal('full'),
  singularValues: z.array(number),
  rank: count,
  policy: z.string(),
  rankReason: z.string(),
  sigmaMax: number,
  frobeniusNorm: number,
  nuclearNorm: number,
  stableRank: number,
  effectiveRank: number,
  condition: number,
  energyRank90: count,
  energyRank95: count,
  energyRank99: count,
  noiseRank: count,
  factorParameters: count,
});

const resultLineSchema = z.object({
  type: z.literal('result'),
  name: z.string(),
  rows: count,
  cols: count,
  reshaped: z.string().optional(),
  /** Timing. */
  seconds: z.number().nonnegative(),
  result: z.discriminatedUnion('pass', [quickSchema, fullSchema]),
});
const failureLineSchema = z.object({
  type: z.literal('failure'),
  name: z.string(),
  pass: z.enum(['quick', 'full']),
  message: z.string(),
});
const lineSchema = z.discriminatedUnion('type', [resultLineSchema, failureLineSchema]);

export type ResultLine = z.infer<typeof resultLineSchema>;
export type FailureLine = z.infer<typeof failureLineSchema>;

// The schemas and the passes' types must agree.
const _quickFits = (pass: QuickPass): z.input<typeof quickSchema> => pass;
const _fullFits = (pass: FullPass): z.input<typeof fullSchema> => pass;
const _settingsFit = (settings: QuickPassSettings): ReportSettings['quick'] => settings;
void _quickFits;
void _fullFits;
void _settingsFit;

/** What one tensor has in a report. */
export interface TensorReport {
  name: string;
  rows: number;
  cols: number;
  reshaped?: string;
  quick?: QuickPass;
  full?: FullPass;
  seconds: { quick?: number; full?: number };
  failures: { pass: PassName; message: string }[];
}

export interface ParsedReport {
  header: ReportHeader;
  /** By tensor name, in the order their first line appeared. */
  tensors: Map<string, TensorReport>;
  /** True when the last line was cut short (and is ignored). */
  truncated: boolean;
  /** UTF-8 bytes of the sound lines: where to cut before appending. */
  soundBytes: number;
  /**
   * The last sound line is complete but its newline was never written (a kill between the two):
   * it counts, and whoever appends writes that newline first.
   */
  endsWithoutNewline: boolean;
}

function stringify(value: unknown): string {
  return JSON.stringify(value, (_key, item) =>
    typeof item === 'number' && !Number.isFinite(item) ? String(item) : item,
  );
}

/** The header of a report for a checkpoint. */
export function reportHeader(
  checkpoint: Checkpoint,
  fingerprint: string,
  settings: ReportSettings,
  shard: ReportShard | null,
  createdBy: string,
  startedAt?: string,
): ReportHeader {
  const header: ReportHeader = {
    type: reportType,
    version: reportVersion,
    checkpoint: {
      name: checkpoint.name,
      format: checkpoint.format,
      fingerprint,
      files: checkpoint.files,
      tensors: checkpoint.tensors.map((tensor) => ({
        name: tensor.name,
        shape: tensor.data.shape,
        dtype: tensor.dtype,
        ...(tensor.quantization ? { quantization: tensor.quantization } : {}),
        bytes: tensor.bytes,
      })),
    },
    settings,
    shard,
    createdBy,
  };
  if (startedAt !== undefined) header.startedAt = startedAt;
  return header;
}

export function headerLine(header: ReportHeader): string {
  return stringify(header) + '\n';
}

export function resultLine(line: Omit<ResultLine, 'type'>): string {
  return stringify({ type: 'result', ...line }) + '\n';
}

export function failureLine(line: Omit<FailureLine, 'type'>): string {
  return stringify({ type: 'failure', ...line }) + '\n';
}

/** A report's header line, checked. */
export function parseReportHeader(line: string, fileName?: string): ReportHeader {
  const result = reportHeaderSchema.safeParse(parseJsonLine(line, 1, fileName));
  if (!result.success)
    throw new FormatError(
      `this is not a Rankscope weight report header (${describeIssue(result.error)})`,
      { file: fileName, line: 1 },
    );
  return result.data;
}

/** One result or failure line, checked against the header's tensors (line numbers from 1). */
export function parseReportLine(
  line: string,
  header: ReportHeader,
  number: number,
  fileName?: string,
): ResultLine | FailureLine {
  const result = lineSchema.safeParse(parseJsonLine(line, number, fileName));
  if (!result.success)
    throw new FormatError(`this line is not a tensor result (${describeIssue(result.error)})`, {
      file: fileName,
      line: number,
    });
  if (!header.checkpoint.tensors.some((tensor) => tensor.name === result.data.name))
    throw new FormatError(
      `tensor ${JSON.stringify(result.data.name)} is not in the header's checkpoint`,
      { file: fileName, line: number },
    );
  return result.data;
}

function parseJsonLine(line: string, number: number, fileName?: string): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    throw new FormatError(`this line is not JSON (${(error as Error).message})`, {
      file: fileName,
      line: number,
    });
  }
}

/** Adds a line's result (or failure) to what is known of its tensor; a result supersedes a failure. */
export function recordReportLine(
  tensors: Map<string, TensorReport>,
  line: ResultLine | FailureLine,
): void {
  let entry = tensors.get(line.name);
  if (!entry) {
    entry = { name: line.name, rows: 0, cols: 0, seconds: {}, failures: [] };
    tensors.set(line.name, entry);
  }
  if (line.type === 'failure') {
    entry.failures.push({ pass: line.pass, message: line.message });
    return;
  }
  entry.rows = line.rows;
  entry.cols = line.cols;
  if (line.reshaped !== undefined) entry.reshaped = line.reshaped;
  if (line.result.pass === 'quick') entry.quick = line.result;
  else entry.full = line.result;
  entry.seconds[line.result.pass] = line.seconds;
  // A resumed run retried it.
  entry.failures = entry.failures.filter((failure) => failure.pass !== line.result.pass);
}

/** Reads a report; a malformed line other than a cut last one is a FormatError naming its line. */
export function parseReport(text: string, fileName?: string): ParsedReport {
  const lines = text.split('\n');
  // A report ends with a newline; anything after the last one is a line the run did not finish.
  const unfinished = lines.pop() ?? '';
  if (lines.length === 0)
    throw new FormatError('the report has no complete header line', { file: fileName, line: 1 });
  const header = parseReportHeader(lines[0], fileName);
  const tensors = new Map<string, TensorReport>();
  const encoder = new TextEncoder();
  let soundBytes = encoder.encode(lines[0]).length + 1;
  for (let k = 1; k < lines.length; k++) {
    if (lines[k].trim() !== '')
      recordReportLine(tensors, parseReportLine(lines[k], header, k + 1, fileName));
    soundBytes += encoder.encode(lines[k]).length + 1;
  }
  let truncated = false;
  let endsWithoutNewline = false;
  if (unfinished.trim() !== '') {
    // A complete line whose newline was not written yet still counts; a cut one is dropped.
    try {
      recordReportLine(tensors, parseReportLine(unfinished, header, lines.length + 1, fileName));
      soundBytes += encoder.encode(unfinished).length;
      endsWithoutNewline = true;
    } catch {
      truncated = true;
    }
  }
  return { header, tensors, truncated, soundBytes, endsWithoutNewline };
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'line'}: ${issue.message}` : 'invalid';
}

/**
 * The tensors a run analyses, in table order, with their matrix shapes: every tensor of two or
 * more dimensions (biases and norm scales are vectors), or the ones chosen by name.
 */
export function analysedTensors(
  tensors: readonly { name: string; shape: readonly number[] }[],
  selection: ReportSettings['selection'],
): { name: string; rows: number; cols: number }[] {
  const chosen = selection === 'matrices' ? undefined : new Set(selection);
  return tensors
    .filter((tensor) => (chosen ? chosen.has(tensor.name) : tensor.shape.length >= 2))
    .map((tensor) => {
      const { rows, cols } = matrixShapeOf(tensor.shape);
      return { name: tensor.name, rows, cols };
    });
}

/** Which (tensor, pass) pairs a report still lacks, for the tensors and passes a run covers. */
export function remainingWork(
  report: ParsedReport | undefined,
  tensors: readonly string[],
  passes: readonly PassName[],
): { name: string; pass: PassName }[] {
  const remaining: { name: string; pass: PassName }[] = [];
  for (const name of tensors) {
    const done = report?.tensors.get(name);
    for (const pass of passes) if (!done?.[pass]) remaining.push({ name, pass });
  }
  return remaining;
}

/**
 * Why a report cannot be resumed for this checkpoint and these settings (undefined: it can). The
 * checkpoint must be the same (fingerprint), and so must everything that shapes the numbers.
 */
export function resumeMismatch(
  report: ParsedReport,
  fingerprint: string,
  settings: ReportSettings,
  shard: ReportShard | null,
): string | undefined {
  const header = report.header;
  if (header.checkpoint.fingerprint !== fingerprint) {
    return 'the report was written for another checkpoint (its fingerprint differs)';
  }
  if (stringify(header.settings) !== stringify(settings)) {
    return 'the report was written with other settings (passes, policy, sketch or selection)';
  }
  if (stringify(header.shard) !== stringify(shard))
    return 'the report was written for another shard';
  return undefined;
}

/** The report as text: header, then every result line in the checkpoint's tensor order. */
export function formatReport(report: Pick<ParsedReport, 'header' | 'tensors'>): string {
  let text = headerLine(report.header);
  for (const tensor of report.header.checkpoint.tensors) {
    const entry = report.tensors.get(tensor.name);
    if (!entry) continue;
    for (const pass of ['quick', 'full'] as const) {
      const result = entry[pass];
      if (result) {
        text += resultLine({
          name: entry.name,
          rows: entry.rows,
          cols: entry.cols,
          ...(entry.reshaped !== undefined ? { reshaped: entry.reshaped } : {}),
          seconds: entry.seconds[pass] ?? 0,
          result,
        });
      }
    }
    for (const failure of entry.failures) text += failureLine({ name: entry.name, ...failure });
  }
  return text;
}

/** A report without its timing fields, tensors in checkpoint order: for comparing two runs. */
export function comparableReport(report: ParsedReport): unknown {
  const { startedAt: _started, merged: _merged, ...header } = report.header;
  return {
    header,
    tensors: report.header.checkpoint.tensors
      .filter((tensor) => report.tensors.has(tensor.name))
      .map((tensor) => {
        const { seconds: _seconds, ...rest } = report.tensors.get(tensor.name)!;
        return rest;
      }),
  };
}
