import { describe, it, expect } from 'vitest';
import { fromRows } from '../linalg/matrix';
import { gaussianMatrix } from '../linalg/random';
import { knownRank } from '../linalg/special-matrices';
import { singularValues } from '../linalg/svd';
import { hasDecimal } from '../exact/decimal-reading';
import { parseEntryMatrix } from '../exact/entry';
import { anglesReport, rankReport, subspacesReport, svdReport } from './rank-report';

/** Cells as the CLI hands them over: parsed exactly, and whether any is a decimal. */
function written(cells: string[][]) {
  return {
    rationals: parseEntryMatrix(cells).rationals!,
    decimals: cells.some((row) => row.some(hasDecimal)),
  };
}

describe('rankscope reports', () => {
  it('rank: JSON fields of a noisy low-rank matrix under each policy', () => {
    const signal = knownRank(80, 60, 7, 4);
    const noise = gaussianMatrix(80, 60, 5);
    const matrix = {
      rows: 80,
      cols: 60,
      data: signal.data.map((value, k) => value + 1e-10 * noise.data[k]),
    };
    const byDefault = rankReport(matrix, { policy: 'default' });
    expect(byDefault).toMatchObject({
      rows: 80,
      cols: 60,
      rank: 60,
      policy: 'default',
      exact: false,
      nullity: 0,
      gapRank: 7,
      noiseRank: 7,
    });
    expect(byDefault.singularValues.length).toBe(60);
    expect(byDefault.stableRank).toBeLessThanOrEqual(7);
    expect(byDefault.effectiveRank).toBeLessThanOrEqual(7);
    expect(rankReport(matrix, { policy: 'gap' })).toMatchObject({ rank: 7, nullity: 53 });
    expect(rankReport(matrix, { policy: 'noise' }).rank).toBe(7);
    const byTolerance = rankReport(matrix, { policy: 'tol', tol: 1e-3 });
    expect(byTolerance).toMatchObject({ rank: 7, tolerance: 1e-3 });
    expect(() => rankReport(matrix, { policy: 'tol' })).toThrow(RangeError);
    const empty = rankReport({ rows: 0, cols: 3, data: new Float64Array(0) }, { policy: 'noise' });
    expect(empty).toMatchObject({
      rank: 0,
      nullity: 3,
      singularValues: [],
      gapRank: 0,
      noiseRank: 0,
    });
    // It survives a JSON round trip unchanged (plain numbers and arrays only).
    expect(JSON.parse(JSON.stringify(byDefault))).toEqual(byDefault);
  });

  it('svd: values always, vectors on request, A = U·diag(σ)·Vᵀ', () => {
    const matrix = fromRows([
      [3, 1],
      [1, 3],
      [0, 0],
    ]);
    expect(svdReport(matrix).U).toBeUndefined();
    const report = svdReport(matrix, { vectors: true });
    expect(report.singularValues[0]).toBeCloseTo(4, 14);
    expect(report.singularValues[1]).toBeCloseTo(2, 14);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 2; j++) {
        const entry = report.U![i][0] * 4 * report.V![j][0] + report.U![i][1] * 2 * report.V![j][1];
        expect(entry).toBeCloseTo(matrix.data[i + j * 3], 13);
      }
    }
  });

  it('subspaces: dimensions and basis vectors of a rank-1 matrix', () => {
    const report = subspacesReport(
      fromRows([
        [1, 2, 3],
        [2, 4, 6],
      ]),
    );
    expect(report.rank).toBe(1);
    expect([
      report.column.dimension,
      report.row.dimension,
      report.null.dimension,
      report.leftNull.dimension,
    ]).toEqual([1, 1, 2, 1]);
    const rowVector = report.row.basis[0];
    const norm = Math.hypot(1, 2, 3);
    expect(Math.abs(rowVector[0] * 1 + rowVector[1] * 2 + rowVector[2] * 3) / norm).toBeCloseTo(
      1,
      14,
    );
    for (const vector of report.null.basis)
      expect(vector[0] + 2 * vector[1] + 3 * vector[2]).toBeCloseTo(0, 14);
  });

  it('angles: radians between column spaces, descending', () => {
    const a = fromRows([
      [1, 0],
      [0, 1],
      [0, 0],
    ]);
    const theta = 0.3;
    const b = fromRows(
      [[1], [0], [0]].map((row, i) => [i === 0 ? 0 : i === 1 ? Math.cos(theta) : Math.sin(theta)]),
    );
    const report = anglesReport(a, b);
    expect(report.angles.length).toBe(1);
    expect(report.angles[0]).toBeCloseTo(theta, 14);
    expect(report.projection).toBe(1); // dimensions 2 and 1 differ
    expect(() => anglesReport(a, gaussianMatrix(4, 1, 1))).toThrow(RangeError);
    expect(singularValues(a)[0]).toBe(1);
  });
});

describe('rankscope rank of written decimals', () => {
  // numpy's rank-2 product written with 17 digits (see analyze.test.ts): exactly rank 3.
  const cells = [
    ['-0.8646237213786667', '7.500849672192317', '2.168114902337521'],
    ['-0.1615315421507098', '1.5490487121920804', '0.47369753340219484'],
    ['0.4676642853786922', '-1.443508609526384', '0.04182674638793969'],
    ['1.8295049113944102', '-6.647173271092445', '-0.30114424943797524'],
  ];
  const matrix = fromRows(cells.map((row) => row.map(Number)));

  it('reports the numerical rank and, beside it, the exact rank as written with the σ between', () => {
    const report = rankReport(matrix, { policy: 'default', written: written(cells) });
    expect(report.rank).toBe(2);
    expect(report.asWritten).toMatchObject({ exactRank: 3, numericalRank: 2, separatingIndex: 3 });
    expect(report.reason).toContain(
      'as floating numbers the rank is 2; as the decimals written, 3.',
    );
  });

  it('says nothing more when the two ranks agree', () => {
    const agreeing = [
      ['1.5', '3'],
      ['0.5', '1'],
    ];
    const report = rankReport(
      fromRows([
        [1.5, 3],
        [0.5, 1],
      ]),
      { policy: 'default', written: written(agreeing) },
    );
    expect(report.rank).toBe(1);
    expect(report.asWritten).toBeUndefined();
  });
});
