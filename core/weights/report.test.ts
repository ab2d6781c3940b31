import { describe, expect, it } from 'vitest';
import { FormatError } from '../formats/format-error';
import { encodeTensorData, writeSafetensors, type SafetensorsDtype } from '../formats/safetensors';
import { runCheckpointAnalysis } from '../jobs/checkpoint-analysis';
import { CancelledError, type JobContext } from '../job-context';
import { gaussianMatrix } from '../linalg/random';
import { openCheckpoint, type Checkpoint } from './checkpoint';
import { fingerprintCheckpoint } from './fingerprint';
import { mergeReports } from './merge';
import { comparableReport, parseReport, type ReportSettings } from './report';
import { assignShards } from './sharding';
import { defaultQuickPassSettings } from './spectrum-passes';
import { memoryFiles } from './test-support';

const shapes: [string, number[], SafetensorsDtype][] = [
  ['embed.weight', [60, 24], 'F32'],
  ['layers.0.q.weight', [24, 24], 'BF16'],
  ['layers.0.up.weight', [48, 24], 'F16'],
  ['layers.0.down.weight', [24, 48], 'F32'],
  ['layers.0.norm.weight', [24], 'F32'],
  ['conv.weight', [8, 3, 3, 3], 'F32'],
  ['layers.1.q.weight', [24, 24], 'F64'],
  ['head.weight', [10, 24], 'F32'],
];

function modelFile(seed: number): Uint8Array {
  return writeSafetensors(
    shapes.map(([name, shape, dtype], k) => {
      const entries = shape.reduce((product, extent) => product * extent, 1);
      const values = gaussianMatrix(entries, 1, seed * 100 + k).data;
      return { name, dtype, shape, data: encodeTensorData(dtype, values) };
    }),
  );
}

const settings: ReportSettings = {
  passes: ['quick', 'full'],
  policy: { kind: 'default' },
  quick: { ...defaultQuickPassSettings, rank: 6 },
  selection: 'matrices',
};

async function model(seed = 1) {
  const files = memoryFiles({ 'model.safetensors': modelFile(seed) });
  const checkpoint = await openCheckpoint(files, 'model.safetensors');
  return { files, checkpoint, fingerprint: await fingerprintCheckpoint(checkpoint, files) };
}

async function run(
  setup: { files: ReturnType<typeof memoryFiles>; checkpoint: Checkpoint; fingerprint: string },
  extra: Partial<Parameters<typeof runCheckpointAnalysis>[0]> = {},
) {
  let text = '';
  let ticks = 0;
  const result = await runCheckpointAnalysis({
    ...setup,
    settings,
    append: (piece) => {
      text += piece;
    },
    createdBy: 'rankscope test',
    clock: () => ticks++,
    ...extra,
  });
  return { text, result };
}

describe('a report written as the run goes', () => {
  it('holds a header identifying the checkpoint, then both passes of every matrix', async () => {
    const setup = await model();
    const { text, result } = await run(setup);
    const lines = text.trimEnd().split('\n');
    // 7 matrices (the norm scale is a vector) × 2 passes, after the header.
    expect(lines).toHaveLength(1 + 7 * 2);
    const header = JSON.parse(lines[0]);
    expect(header).toMatchObject({
      type: 'rankscope-weight-report',
      version: 1,
      checkpoint: {
        name: 'model.safetensors',
        format: 'safetensors',
        fingerprint: setup.fingerprint,
      },
      shard: null,
    });
    expect(header.checkpoint.tensors).toHaveLength(8);
    expect(header.checkpoint.tensors[1]).toEqual({
      name: 'layers.0.q.weight',
      shape: [24, 24],
      dtype: 'BF16',
      bytes: 24 * 24 * 2,
    });
    const report = parseReport(text);
    expect(report.truncated).toBe(false);
    expect(report.tensors.size).toBe(7);
    const up = report.tensors.get('layers.0.up.weight')!;
    expect([up.rows, up.cols]).toEqual([48, 24]);
    expect(up.quick!.topSingularValues).toHaveLength(6);
    expect(up.full!.singularValues).toHaveLength(24);
    // Quick first: every quick line comes before any full line.
    const passes = lines.slice(1).map((line) => JSON.parse(line).result.pass);
    expect(passes.lastIndexOf('quick')).toBeLessThan(passes.indexOf('full'));
    expect(result.failures).toBe(0);
    const conv = report.tensors.get('conv.weight')!;
    expect([conv.rows, conv.cols]).toEqual([8, 27]);
    expect(conv.reshaped).toMatch(/reshaped to 8×27/);
  });

  it('writes ∞ so that it reads back as ∞', async () => {
    const rankDeficient = writeSafetensors([
      { name: 'w', dtype: 'F64', shape: [2, 2], data: encodeTensorData('F64', [1, 2, 2, 4]) },
    ]);
    const other = memoryFiles({ 'r.safetensors': rankDeficient });
    const { text: deficient } = await run({
      files: other,
      checkpoint: await openCheckpoint(other, 'r.safetensors'),
      fingerprint: 'g',
    });
    expect(deficient).toContain('"condition":"Infinity"');
    expect(parseReport(deficient).tensors.get('w')!.full!.condition).toBe(Infinity);
  });

  it('reads back after a cut at any byte of its last line, and says where the sound part ends', async () => {
    const { text } = await run(await model());
    const complete = parseReport(text);
    const lastLineStart = text.trimEnd().lastIndexOf('\n') + 1;
    for (const cut of [lastLineStart + 1, lastLineStart + 17, text.length - 2]) {
      const report = parseReport(text.slice(0, cut));
      expect(report.truncated).toBe(true);
      expect(report.soundBytes).toBe(new TextEncoder().encode(text.slice(0, lastLineStart)).length);
      expect(report.tensors.size).toBe(complete.tensors.size);
    }
    // A whole last line without its newline is kept, counted as sound, and said to lack it.
    const unterminated = parseReport(text.slice(0, -1));
    expect(unterminated.truncated).toBe(false);
    expect(unterminated.endsWithoutNewline).toBe(true);
    expect(unterminated.soundBytes).toBe(new TextEncoder().encode(text).length - 1);
    expect(unterminated.tensors).toEqual(complete.tensors);
    expect(complete.endsWithoutNewline).toBe(false);
  });

  it('refuses a damaged line that is not the last, naming it', () => {
    const header = '{"type":"rankscope-weight-report"}';
    expect(() => parseReport(header + '\n')).toThrow(
      /line 1: this is not a Rankscope weight report header/,
    );
  });

  it('resumes a killed run from its partial report: the finished report equals an uninterrupted one', async () => {
    const setup = await model();
    const whole = await run(setup);
    // Kill the run after 5 results, cut its last line in half, as a crash mid-write would.
    let results = 0;
    const context: JobContext = {
      progress() {},
      checkCancelled() {
        if (results >= 5) throw new CancelledError();
      },
    };
    let partial = '';
    await expect(
      runCheckpointAnalysis({
        ...setup,
        settings,
        context,
        createdBy: 'rankscope test',
        append: (piece) => {
          partial += piece;
          if (piece.startsWith('{"type":"result"')) results++;
        },
      }),
    ).rejects.toBeInstanceOf(CancelledError);
    const cut = partial.slice(0, partial.length - 40);
    const previous = parseReport(cut);
    expect(previous.truncated).toBe(true);
    let resumed = new TextDecoder().decode(
      new TextEncoder().encode(cut).subarray(0, previous.soundBytes),
    );
    await run(setup, {
      previous,
      append: (piece) => {
        resumed += piece;
      },
    });
    expect(comparableReport(parseReport(resumed))).toEqual(
      comparableReport(parseReport(whole.text)),
    );
  });

  it('refuses to resume a report of another checkpoint', async () => {
    const { text } = await run(await model(1));
    const other = await model(2);
    expect(other.fingerprint).not.toBe(JSON.parse(text.split('\n')[0]).checkpoint.fingerprint);
    await expect(run(other, { previous: parseReport(text) })).rejects.toThrow(/another checkpoint/);
  });

  it('records a tensor that cannot be read as a failure and goes on', async () => {
    const setup = await model();
    const broken = setup.checkpoint.tensors.find((tensor) => tensor.name === 'head.weight')!;
    broken.data = { ...broken.data, byteLength: broken.data.byteLength - 4 };
    const { text, result } = await run(setup);
    expect(result.failures).toBe(2);
    expect(parseReport(text).tensors.get('head.weight')!.failures[0].message).toMatch(
      /cannot hold/,
    );
    expect(parseReport(text).tensors.get('embed.weight')!.full).toBeDefined();
  });
});

describe('shards and their merge', () => {
  it('three shards merged equal one run (timing aside)', async () => {
    const setup = await model();
    const single = await run(setup);
    const parts = [];
    for (let index = 1; index <= 3; index++) {
      const { text } = await run(setup, { shard: { index, count: 3 } });
      parts.push({ file: `shard-${index}.jsonl`, text });
    }
    const shares = parts.map((part) => JSON.parse(part.text.split('\n')[0]).shard.tensors);
    expect(shares.flat().sort()).toEqual(
      shapes
        .filter(([, shape]) => shape.length >= 2)
        .map(([name]) => name)
        .sort(),
    );
    const merged = mergeReports([parts[2], parts[0], parts[1]]);
    expect(merged.missing).toEqual([]);
    expect(merged.missingShards).toEqual([]);
    expect(comparableReport(merged.report)).toEqual(comparableReport(parseReport(single.text)));
    expect(comparableReport(parseReport(merged.text))).toEqual(
      comparableReport(parseReport(single.text)),
    );
    expect(merged.report.header.merged).toEqual({ count: 3, shards: [1, 2, 3] });
  });

  it('refuses shards of different checkpoints, a shard given twice and overlapping shares', async () => {
    const first = await run(await model(1), { shard: { index: 1, count: 2 } });
    const otherModel = await run(await model(2), { shard: { index: 2, count: 2 } });
    expect(() =>
      mergeReports([
        { file: 'a.jsonl', text: first.text },
        { file: 'b.jsonl', text: otherModel.text },
      ]),
    ).toThrow(/b\.jsonl: this shard is of another checkpoint than a\.jsonl/);
    expect(() =>
      mergeReports([
        { file: 'a.jsonl', text: first.text },
        { file: 'c.jsonl', text: first.text },
      ]),
    ).toThrow(/c\.jsonl: shard 1\/2 is also a\.jsonl/);
    // A shard whose header claims a tensor of another share.
    const second = await run(await model(1), { shard: { index: 2, count: 2 } });
    const lines = second.text.split('\n');
    const header = JSON.parse(lines[0]);
    header.shard.tensors.push(JSON.parse(first.text.split('\n')[0]).shard.tensors[0]);
    const tampered = [JSON.stringify(header), ...lines.slice(1)].join('\n');
    const error = (() => {
      try {
        mergeReports([
          { file: 'a.jsonl', text: first.text },
          { file: 'd.jsonl', text: tampered },
        ]);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(FormatError);
    expect((error as Error).message).toMatch(
      /^d\.jsonl: tensor ".*" is in the shares of both a\.jsonl and d\.jsonl/,
    );
  });

  it('merges an incomplete set, listing what is left, into a report a run can resume', async () => {
    const setup = await model();
    const part = await run(setup, { shard: { index: 2, count: 3 } });
    const merged = mergeReports([{ file: 'two.jsonl', text: part.text }]);
    expect(merged.missingShards).toEqual([1, 3]);
    const share = assignShards(
      setup.checkpoint.tensors.filter((tensor) => tensor.data.shape.length >= 2),
      3,
      settings.passes,
    );
    expect(merged.missing.map((item) => item.name)).toEqual(
      setup.checkpoint.tensors
        .filter((tensor) => tensor.data.shape.length >= 2 && !share[1].includes(tensor.name))
        .flatMap((tensor) => [tensor.name, tensor.name]),
    );
  });
});
