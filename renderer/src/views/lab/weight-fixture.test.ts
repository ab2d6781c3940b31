// The Lab's example model (assets/weights/tiny-model.safetensors, written by make-fixture.py with
// numpy) analysed as the host does for the Lab (both passes, the same report), then shown as the
// Lab's table shows it: the ranks, shapes and σ₁ numpy recorded must agree, under every policy.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../../core/formats/byte-source';
import { runCheckpointAnalysis } from '../../../../core/jobs/checkpoint-analysis';
import { decideRank } from '../../../../core/rank/policies';
import { openCheckpoint } from '../../../../core/weights/checkpoint';
import { fingerprintCheckpoint } from '../../../../core/weights/fingerprint';
import type { ReportSettings } from '../../../../core/weights/report';
import { defaultQuickPassSettings } from '../../../../core/weights/spectrum-passes';
import {
  checkpointColumns,
  checkpointCsv,
  checkpointRows,
  sortCheckpointRows,
} from './checkpoint-table';
import { markersFor } from './lab-markers';

interface ExpectedTensor {
  name: string;
  dtype: string;
  shape: number[];
  skipped?: boolean;
  rows?: number;
  cols?: number;
  rank?: number;
  noiseRank?: number;
  sigmaMax?: number;
  stableRank?: number;
}

const folder = path.resolve(import.meta.dirname, '../../../../assets/weights');
const bytes = new Uint8Array(readFileSync(path.join(folder, 'tiny-model.safetensors')));
const expected = JSON.parse(
  readFileSync(path.join(folder, 'tiny-model.expected.json'), 'utf8'),
) as {
  tensors: ExpectedTensor[];
};
const noisyName = expected.tensors.find((tensor) => tensor.noiseRank !== undefined)!.name;
const checkpoint = await openCheckpoint(
  { open: () => bytesSource(bytes) },
  'tiny-model.safetensors',
);
const files = { open: () => bytesSource(bytes) };
const settings: ReportSettings = {
  passes: ['quick', 'full'],
  policy: { kind: 'default' },
  quick: defaultQuickPassSettings,
  selection: 'matrices',
};
const { report } = await runCheckpointAnalysis({
  checkpoint,
  files,
  fingerprint: await fingerprintCheckpoint(checkpoint, files),
  settings,
  append: () => {},
  createdBy: 'test',
});

describe('tiny-model.safetensors, the Lab’s example model', () => {
  it('lists every matrix numpy wrote, with its dtype and shape, and no vector', () => {
    const rows = checkpointRows(report.header, report.tensors, { kind: 'default' });
    const matrices = expected.tensors.filter((tensor) => !tensor.skipped);
    expect(rows.map((row) => row.name).sort()).toEqual(
      matrices.map((tensor) => tensor.name).sort(),
    );
    for (const want of matrices) {
      const row = rows.find((candidate) => candidate.name === want.name)!;
      expect(row.dtype).toBe(want.dtype);
      expect(row.shape).toEqual(want.shape);
    }
    expect(new Set(rows.map((row) => row.dtype))).toEqual(new Set(['F32', 'F16', 'BF16', 'F64']));
  });

  for (const want of expected.tensors.filter((tensor) => !tensor.skipped)) {
    it(`${want.name} (${want.dtype}): rank ${want.rank}, σ₁ and stable rank as numpy says, in both passes`, () => {
      const [row] = checkpointRows(report.header, report.tensors, { kind: 'default' }).filter(
        (candidate) => candidate.name === want.name,
      );
      expect([row.rows, row.cols]).toEqual([want.rows, want.cols]);
      expect(row.decision?.rank).toBe(want.rank);
      expect(row.full!.sigmaMax).toBeCloseTo(want.sigmaMax!, 9);
      expect(row.full!.stableRank).toBeCloseTo(want.stableRank!, 9);
      // The sketch's σ₁ is a slight underestimate; ‖W‖_F is exact in both.
      expect(row.quick!.sigmaMax).toBeLessThanOrEqual(want.sigmaMax! * (1 + 1e-12));
      expect(row.quick!.sigmaMax).toBeGreaterThan(want.sigmaMax! * 0.99);
      expect(row.quick!.frobeniusNorm).toBeCloseTo(row.full!.frobeniusNorm, 9);
      // Energy ranks never exceed the rank and grow with the share kept.
      expect(row.full!.energyRank90).toBeLessThanOrEqual(row.full!.energyRank95);
      expect(row.full!.energyRank95).toBeLessThanOrEqual(row.full!.energyRank99);
      expect(row.full!.energyRank99).toBeLessThanOrEqual(want.rank!);
      if (want.shape.length > 2) expect(row.reshaped).toMatch(/reshaped to 16×72/);
      else expect(row.reshaped).toBeUndefined();
    });
  }

  it('the table’s policy switch re-decides the rank as the host would; the noise edge finds the planted rank', () => {
    const noisy = expected.tensors.find((tensor) => tensor.noiseRank !== undefined)!;
    const rowUnder = (kind: 'default' | 'gap' | 'noise') =>
      checkpointRows(report.header, report.tensors, { kind }).find(
        (row) => row.name === noisy.name,
      )!;
    expect(rowUnder('noise').decision?.rank).toBe(noisy.noiseRank);
    expect(rowUnder('default').decision!.rank).toBeGreaterThan(noisy.noiseRank!);
    for (const kind of ['gap', 'noise', 'default'] as const) {
      const row = rowUnder(kind);
      const values = Float64Array.from(row.full!.singularValues);
      expect(row.decision).toEqual(decideRank(values, row, { kind }));
      const markers = markersFor(values, row, row.decision!, { kind });
      expect(markers.numericalRank).toBe(row.decision!.rank);
      expect(markers.effectiveRank).toBeCloseTo(row.full!.effectiveRank, 12);
      expect(markers.bulkEdge === null).toBe(kind !== 'noise');
    }
  });

  it('sorts unknown cells last and writes the CSV with each column’s pass', () => {
    const quickOnly = new Map(
      [...report.tensors].map(([name, tensor]) => [
        name,
        name === noisyName ? { ...tensor, full: undefined } : tensor,
      ]),
    );
    const rows = checkpointRows(report.header, quickOnly, { kind: 'default' });
    const byRank = sortCheckpointRows(rows, { key: 'rank', direction: 'descending' });
    expect(byRank.at(-1)!.name).toBe(noisyName);
    const ranks = byRank.slice(0, -1).map((row) => row.decision!.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    const csv = checkpointCsv(rows).trimEnd().split('\n');
    expect(csv[0]).toContain('sigmaMax (quick)');
    expect(csv[0]).toContain('effectiveRank (full)');
    expect(csv).toHaveLength(rows.length + 1);
    // The row without its full pass has empty full cells.
    const noisyLine = csv.find((line) => line.startsWith(`${noisyName},`))!;
    expect(noisyLine.split(',').slice(-7)).toEqual(['', '', '', '', '', '', '']);
  });

  it('shows three digits in the table and writes the CSV in full, with an ASCII minus', () => {
    const rows = checkpointRows(report.header, report.tensors, { kind: 'default' });
    const csv = checkpointCsv(rows).trimEnd().split('\n');
    const header = csv[0].split(',');
    for (const row of rows) {
      const fields = csv.find((line) => line.startsWith(`${row.name},`))!.split(',');
      const field = (key: string) => fields[header.findIndex((name) => name.startsWith(key))];
      const cell = (key: string) =>
        checkpointColumns.find((column) => column.key === key)!.cell(row)!;
      // The cell rounds σ₁ to three significant digits; the CSV keeps every digit of it.
      expect(Number(field('sigmaMax'))).toBe(row.full!.sigmaMax);
      expect(Number(cell('sigmaMax'))).toBeCloseTo(
        row.full!.sigmaMax,
        2 - Math.floor(Math.log10(row.full!.sigmaMax)),
      );
      expect(Number(field('condition'))).toBe(row.full!.condition);
      expect(Number(field('effectiveRank'))).toBe(row.full!.effectiveRank);
      expect(Number(field('stableRank'))).toBe(row.full!.stableRank);
      // An integer in full, never "4.51e7" or a thousands separator that splits the field.
      expect(field('factorParameters')).toBe(String(row.decision!.rank * (row.rows + row.cols)));
      expect(field('bytes')).toBe(String(row.bytes));
      expect(fields.join(',')).not.toContain('\u2212');
    }
    // A large factorization reads in the app's number style in the table.
    const wide = {
      ...rows[0],
      rows: 11008,
      cols: 4096,
      decision: { ...rows[0].decision!, rank: 4096 },
    };
    const parameters = checkpointColumns.find((column) => column.key === 'factorParameters')!;
    expect(parameters.cell(wide)).toBe('6.19e7');
    expect(parameters.csv!(wide)).toBe(String(4096 * (11008 + 4096)));
  });
});
