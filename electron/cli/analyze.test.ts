// `rankscope analyze CHECKPOINT` without --report, on every committed checkpoint fixture (GGUF,
// PyTorch zips, ONNX with and without external data, .npz, a shard index and a folder of shards):
// each matrix's row holds the shape, σ₁, stable rank and rank of the numbers numpy, torch and onnx
// wrote (expected.json), the rows equal the full pass `--report` writes, and standard input, the
// CSV and the table read the same checkpoint; a broken checkpoint is one line and exit 2.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { valuesFromHex } from '../../core/formats/test-support';
import { weightCsvHeader } from '../../core/weights/weight-table-csv';
import { singularValues } from '../../core/linalg/svd';
import { parseReport } from '../../core/weights/report';
import { fixtureExpectations, fixturesFolder } from '../../core/weights/test-support';
import { buildForTests } from './build-for-tests';
import { rankscope, type Outcome } from './test-support';

beforeAll(() => buildForTests(), 240_000);

interface Row {
  name: string;
  shape: number[];
  rows: number;
  cols: number;
  dtype: string;
  rank: number;
  sigmaMax: number;
  stableRank: number;
  effectiveRank: number;
  noiseRank: number;
  error?: string;
}

function rowsOf(outcome: Outcome): Row[] {
  expect(outcome.code, outcome.stderr).toBe(0);
  expect(outcome.stderr).toBe('');
  return JSON.parse(outcome.stdout) as Row[];
}

const relativelyClose = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected));

// Each fixture is a fresh Node process running the bundled CLI: a second each on a busy machine.
describe('analyze reads every checkpoint format the Lab reads', { timeout: 120_000 }, () => {
  it.each(Object.keys(fixtureExpectations.files))('%s', async (fixture) => {
    const outcome = await rankscope(['analyze', path.join(fixturesFolder, fixture), '--json']);
    const matrices = Object.entries(fixtureExpectations.files[fixture]).filter(
      ([, tensor]) => tensor.shape.length >= 2,
    );
    // float8.safetensors holds NaN and ±∞ (codes those formats have): those rows are errors,
    // each named on stderr, and the exit is 2.
    const unreadable = matrices.filter(([, tensor]) =>
      valuesFromHex(tensor.values).some((value) => !Number.isFinite(value)),
    );
    expect(outcome.code, outcome.stderr).toBe(unreadable.length > 0 ? 2 : 0);
    expect(outcome.stderr.split('\n').filter(Boolean)).toEqual(
      unreadable.map(([name]) =>
        expect.stringMatching(new RegExp(`^rankscope: ${name}: .*non-finite entry`)),
      ),
    );
    const rows = JSON.parse(outcome.stdout) as Row[];
    expect(rows.map((row) => row.name).sort()).toEqual(matrices.map(([name]) => name).sort());
    for (const [name, expected] of matrices) {
      const row = rows.find((candidate) => candidate.name === name)!;
      expect(row, name).toMatchObject({ shape: expected.shape, dtype: expected.dtype });
      if (unreadable.some(([other]) => other === name)) {
        expect(row.error, name).toMatch(/non-finite entry/);
        continue;
      }
      expect(row, name).toMatchObject({ rows: expected.rows, cols: expected.cols });
      // The spectrum of the numbers the writer stored (column-major in expected.json).
      const values = valuesFromHex(expected.values);
      const spectrum = singularValues({ rows: expected.rows, cols: expected.cols, data: values });
      const largest = spectrum[0];
      const frobeniusSquared = values.reduce((sum, value) => sum + value * value, 0);
      relativelyClose(row.sigmaMax, largest);
      relativelyClose(row.stableRank, frobeniusSquared / (largest * largest));
      // The default policy: σ > σ₁·max(m, n)·ε, as numpy's matrix_rank.
      const tolerance = largest * Math.max(expected.rows, expected.cols) * Number.EPSILON;
      expect(row.rank, name).toBe(spectrum.filter((value) => value > tolerance).length);
    }
  });

  it('a folder of shards reads as its index, and the rows are the full pass --report writes', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'rankscope-analyze-'));
    for (const [shards, index] of [
      ['sharded', 'model.safetensors.index.json'],
      ['pytorch-sharded', 'pytorch_model.bin.index.json'],
    ]) {
      const fromFolder = rowsOf(
        await rankscope(['analyze', path.join(fixturesFolder, shards), '--json']),
      );
      const fromIndex = rowsOf(
        await rankscope(['analyze', path.join(fixturesFolder, shards, index), '--json']),
      );
      expect(fromFolder).toEqual(fromIndex);
      const report = path.join(folder, `${shards}.jsonl`);
      const written = await rankscope([
        'analyze',
        path.join(fixturesFolder, shards, index),
        '--report',
        report,
        '--passes',
        'full',
      ]);
      expect(written.code, written.stderr).toBe(0);
      const tensors = parseReport(readFileSync(report, 'utf8')).tensors;
      expect([...tensors.keys()].sort()).toEqual(fromIndex.map((row) => row.name).sort());
      for (const row of fromIndex) {
        const full = tensors.get(row.name)!.full!;
        expect(row, row.name).toMatchObject({
          rank: full.rank,
          sigmaMax: full.sigmaMax,
          stableRank: full.stableRank,
          effectiveRank: full.effectiveRank,
          noiseRank: full.noiseRank,
        });
      }
    }
  });

  it('reads a checkpoint from standard input, and prints it as CSV and as a table', async () => {
    const file = path.join(fixturesFolder, 'model.gguf');
    const fromFile = rowsOf(await rankscope(['analyze', file, '--json']));
    const piped = rowsOf(
      await rankscope(['analyze', '-', '--json'], { stdin: readFileSync(file) }),
    );
    expect(piped).toEqual(fromFile);

    const csv = await rankscope(['analyze', file, '--csv']);
    expect(csv.code, csv.stderr).toBe(0);
    const [header, ...lines] = csv.stdout.trimEnd().split('\n');
    // The Lab's CSV, column for column.
    expect(header).toBe(weightCsvHeader());
    const rankColumn = header.split(',').indexOf('rank');
    expect(lines.map((line) => line.split(',')[0])).toEqual(fromFile.map((row) => row.name));
    expect(lines.map((line) => Number(line.split(',')[rankColumn]))).toEqual(
      fromFile.map((row) => row.rank),
    );

    // The table: one aligned line per matrix (the dtype column as wide as its widest), and on
    // stderr what was left out.
    const table = await rankscope(['analyze', file]);
    expect(table.code, table.stderr).toBe(0);
    const tableLines = table.stdout.trimEnd().split('\n');
    expect(tableLines.map((line) => line.split(/\s+/)[0])).toEqual(fromFile.map((row) => row.name));
    expect(new Set(tableLines.map((line) => line.indexOf(' rank ')))).toHaveLength(1);
    expect(table.stderr).toBe(
      '(1 tensor with fewer than 2 axes was left out: blk.0.attn_norm.weight)\n',
    );
  });

  it('names the tensor asked for with --tensor, and refuses a name the checkpoint lacks', async () => {
    const file = path.join(fixturesFolder, 'onnx-external/model.onnx');
    const one = rowsOf(await rankscope(['analyze', file, '--tensor', 'ext.b', '--json']));
    expect(one.map((row) => row.name)).toEqual(['ext.b']);
    const missing = await rankscope(['analyze', file, '--tensor', 'ext.c']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        /^rankscope: .*model\.onnx: no tensor named "ext\.c" \(it has 2: ext\.a, ext\.b\)$/,
      ),
    ]);
  });

  it('a tensor it cannot decode is named on stderr, the others are printed, and the exit is 2', async () => {
    const outcome = await rankscope([
      'analyze',
      path.join(fixturesFolder, 'model.gguf'),
      path.join(fixturesFolder, 'iq2.gguf'),
      '--json',
    ]);
    expect(outcome.code).toBe(2);
    const rows = JSON.parse(outcome.stdout) as Row[];
    expect(rows.filter((row) => row.error === undefined).map((row) => row.name)).toEqual(
      rowsOf(await rankscope(['analyze', path.join(fixturesFolder, 'model.gguf'), '--json'])).map(
        (row) => row.name,
      ),
    );
    expect(outcome.stderr).toMatch(
      /^rankscope: iq\.weight: .*IQ2_XXS dequantization is not supported/,
    );
  });

  it('a malformed checkpoint of each format is exit 2 with one line naming it', async () => {
    const folder = path.join(fixturesFolder, 'malformed');
    const expected = JSON.parse(readFileSync(path.join(folder, 'expected.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    // One of each format: their readers are core's, tested there case by case.
    const names = ['bad_magic.gguf', 'legacy.pt', 'no_graph.onnx', 'not_arrays.npz'];
    for (const name of names) expect(expected, name).toHaveProperty([name]);
    const outcomes = await Promise.all(
      names.map((name) => rankscope(['analyze', path.join(folder, name)])),
    );
    outcomes.forEach((outcome, k) => {
      expect(outcome.code, names[k]).toBe(2);
      expect(outcome.stdout).toBe('');
      const lines = outcome.stderr.trimEnd().split('\n');
      expect(lines, outcome.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^rankscope: ${names[k].replace('.', '\\.')}`));
    });
  });

  it('a FIFO named like a checkpoint is refused at once, by what it is', async () => {
    const fifo = path.join(mkdtempSync(path.join(tmpdir(), 'rankscope-analyze-')), 'model.gguf');
    execFileSync('mkfifo', [fifo]);
    const outcome = await rankscope(['analyze', fifo]);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toBe(
      `rankscope: ${fifo}: a FIFO (named pipe), not a regular file or a folder\n`,
    );
  });
});
