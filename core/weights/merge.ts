// Joining the partial reports of shards into one report, as if one run had made it: refused when
// the shards come from different checkpoints or settings, when two claim the same shard or the
// same tensor, or when a shard's share is not the one the split gives. A missing shard or an
// interrupted one still merges; what is left is listed, and the merged report can be resumed.
import { FormatError } from '../formats/format-error';
import {
  analysedTensors,
  comparableReport,
  formatReport,
  parseReport,
  type ParsedReport,
  type ReportHeader,
} from './report';
import { assignShards } from './sharding';

export interface MergedReport {
  report: ParsedReport;
  /** The merged report as JSON Lines (header, then tensors in checkpoint order). */
  text: string;
  /** Shards (1-based) none of the inputs was. */
  missingShards: number[];
  /** (tensor, pass) pairs no shard has finished. */
  missing: { name: string; pass: 'quick' | 'full' }[];
}

export function mergeReports(
  inputs: readonly { file: string; text: string }[],
  startedAt?: string,
): MergedReport {
  if (inputs.length === 0) throw new FormatError('there are no reports to merge');
  const reports = inputs.map(({ file, text }) => ({ file, report: parseReport(text, file) }));
  const first = reports[0];
  const fail = (file: string, reason: string): never => {
    throw new FormatError(reason, { file });
  };
  const sameCheckpoint = JSON.stringify(
    (comparableReport(first.report) as { header: ReportHeader }).header.checkpoint,
  );
  const sameSettings = JSON.stringify(first.report.header.settings);
  const count = first.report.header.shard?.count;
  const owner = new Map<string, string>();
  const shards = new Map<number, string>();
  for (const { file, report } of reports) {
    const header = report.header;
    if (!header.shard) fail(file, 'this report is not a shard (it has no "shard" in its header)');
    const shard = header.shard!;
    if (header.checkpoint.fingerprint !== first.report.header.checkpoint.fingerprint) {
      fail(
        file,
        `this shard is of another checkpoint than ${first.file} (the fingerprints differ)`,
      );
    }
    if (
      JSON.stringify(header.checkpoint) !== sameCheckpoint ||
      JSON.stringify(header.settings) !== sameSettings
    ) {
      fail(file, `this shard was run with other settings or another table than ${first.file}`);
    }
    if (shard.count !== count)
      fail(
        file,
        `this is shard ${shard.index}/${shard.count}, but ${first.file} is of ${count} shards`,
      );
    const previous = shards.get(shard.index);
    if (previous !== undefined)
      fail(file, `shard ${shard.index}/${shard.count} is also ${previous}`);
    shards.set(shard.index, file);
    for (const name of shard.tensors) {
      const other = owner.get(name);
      if (other !== undefined)
        fail(file, `tensor ${JSON.stringify(name)} is in the shares of both ${other} and ${file}`);
      owner.set(name, file);
    }
    for (const name of report.tensors.keys()) {
      if (!shard.tensors.includes(name))
        fail(file, `tensor ${JSON.stringify(name)} has results, but is not in this shard's share`);
    }
  }
  // Every share must be the split's: a shard run by another version would silently skip tensors.
  const header = first.report.header;
  const eligible = analysedTensors(header.checkpoint.tensors, header.settings.selection);
  const split = assignShards(eligible, count!, header.settings.passes);
  for (const { file, report } of reports) {
    const shard = report.header.shard!;
    if (JSON.stringify(split[shard.index - 1]) !== JSON.stringify(shard.tensors)) {
      fail(
        file,
        `shard ${shard.index}/${shard.count}'s share is not the one this version splits (was it run by another version?)`,
      );
    }
  }

  const tensors = new Map<string, NonNullable<ReturnType<ParsedReport['tensors']['get']>>>();
  for (const name of header.checkpoint.tensors.map((tensor) => tensor.name)) {
    for (const { report } of reports) {
      const entry = report.tensors.get(name);
      if (entry) tensors.set(name, entry);
    }
  }
  const mergedHeader: ReportHeader = {
    ...header,
    shard: null,
    merged: { count: count!, shards: [...shards.keys()].sort((a, b) => a - b) },
  };
  if (startedAt !== undefined) mergedHeader.startedAt = startedAt;
  else delete mergedHeader.startedAt;
  const report: ParsedReport = {
    header: mergedHeader,
    tensors,
    truncated: false,
    soundBytes: 0,
    endsWithoutNewline: false,
  };
  const text = formatReport(report);
  report.soundBytes = new TextEncoder().encode(text).length;
  const missingShards: number[] = [];
  for (let index = 1; index <= count!; index++) if (!shards.has(index)) missingShards.push(index);
  const missing: MergedReport['missing'] = [];
  for (const tensor of eligible) {
    for (const pass of header.settings.passes)
      if (!tensors.get(tensor.name)?.[pass]) missing.push({ name: tensor.name, pass });
  }
  return { report, text, missingShards, missing };
}
