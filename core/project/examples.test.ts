// Every example project in assets/examples opens (it validates under the current schema) and
// shows what its note claims: exact ranks by exact elimination, spectra by ml-matrix's SVD.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { Matrix as OracleMatrix, SingularValueDecomposition, QrDecomposition } from 'ml-matrix';
import { parseEntryMatrix } from '../exact/entry';
import { rref } from '../exact/rref';
import { decodeProject } from './container';
import { projectSchema, projectVersion, type ProjectDocument } from './schema';

const folder = new URL('../../assets/examples/', import.meta.url);
const names = readdirSync(folder).filter((name) => name.endsWith('.json'));

function load(name: string): ProjectDocument {
  return decodeProject(new Uint8Array(readFileSync(new URL(name, folder))), name).document;
}

function numbers(document: ProjectDocument, id: string): number[][] {
  const matrix = document.matrices.find((candidate) => candidate.id === id);
  if (!matrix) throw new Error(`no matrix ${id}`);
  return parseEntryMatrix(matrix.entries).approx;
}

function singularValues(rows: number[][]): number[] {
  return new SingularValueDecomposition(new OracleMatrix(rows), {
    computeLeftSingularVectors: false,
    computeRightSingularVectors: false,
  }).diagonal;
}

function exactRank(document: ProjectDocument, id: string, withRightHandSide = false): number {
  const matrix = document.matrices.find((candidate) => candidate.id === id)!;
  const cells = withRightHandSide
    ? matrix.entries.map((row, i) => [...row, matrix.rightHandSide![i]])
    : matrix.entries;
  const parsed = parseEntryMatrix(cells);
  expect(parsed.exact).toBe(true);
  return rref(parsed.rationals!, { trace: false }).rank;
}

describe('example projects', () => {
  it('include the welcome project and one per view', () => {
    for (const name of [
      'welcome',
      'reduce-fractions',
      'subspaces-3x3',
      'spectrum-noisy-low-rank',
      'approximate-image',
      'grassmann-planes',
      'lora',
    ]) {
      expect(names).toContain(`${name}.json`);
    }
  });

  it.each(names)('%s is a valid current-version project with rectangular matrices', (name) => {
    const raw = JSON.parse(readFileSync(new URL(name, folder), 'utf8'));
    expect(raw.version).toBe(projectVersion);
    const document = projectSchema.parse(raw);
    expect(load(name)).toEqual(document);
    expect(document.matrices.some((matrix) => matrix.id === document.selectedMatrixId)).toBe(true);
    for (const matrix of document.matrices) {
      expect(() => parseEntryMatrix(matrix.entries)).not.toThrow();
      if (matrix.rightHandSide) expect(matrix.rightHandSide.length).toBe(matrix.entries.length);
    }
    const reduce = document.views.reduce as { sessions?: Record<string, unknown> } | undefined;
    for (const matrixId of Object.keys(reduce?.sessions ?? {}))
      expect(document.matrices.map((matrix) => matrix.id)).toContain(matrixId);
  });

  it('reduce-fractions: a consistent 4×5 system of rank 3', () => {
    const document = load('reduce-fractions.json');
    expect(numbers(document, 'system').length).toBe(4);
    expect(exactRank(document, 'system')).toBe(3);
    expect(exactRank(document, 'system', true)).toBe(3);
  });

  it('subspaces-3x3: ranks 2 and 1, null space through (1, −2, 1)', () => {
    const document = load('subspaces-3x3.json');
    expect(exactRank(document, 'rank-two')).toBe(2);
    expect(exactRank(document, 'rank-one')).toBe(1);
    const a = numbers(document, 'rank-two');
    for (const row of a) expect(row[0] - 2 * row[1] + row[2]).toBe(0);
  });

  it('spectrum-noisy-low-rank: five singular values far above a noise floor', () => {
    const a = numbers(load('spectrum-noisy-low-rank.json'), 'noisy-low-rank');
    expect([a.length, a[0].length]).toEqual([60, 40]);
    const sigma = singularValues(a);
    [100, 60, 30, 15, 8].forEach((expected, k) =>
      expect(Math.abs(sigma[k] - expected)).toBeLessThan(0.2),
    );
    expect(sigma[5]).toBeLessThan(0.2);
    expect(sigma[39]).toBeGreaterThan(1e-3); // numpy's default tolerance counts all 40
  });

  it('approximate-image: a sharp drop after rank 3', () => {
    const sigma = singularValues(numbers(load('approximate-image.json'), 'image'));
    expect(sigma[2] / sigma[3]).toBeGreaterThan(4);
    expect(sigma[3] / sigma[10]).toBeLessThan(1.01);
  });

  it('grassmann-planes: principal angles of 30° and 60°', () => {
    const document = load('grassmann-planes.json');
    const basis = (id: string) =>
      new QrDecomposition(new OracleMatrix(numbers(document, id))).orthogonalMatrix.subMatrix(
        0,
        3,
        0,
        1,
      );
    const cosines = singularValues(basis('plane-u').transpose().mmul(basis('plane-v')).to2DArray());
    const degrees = cosines
      .map((cosine) => (Math.acos(Math.min(1, cosine)) * 180) / Math.PI)
      .sort((x, y) => x - y);
    expect(Math.abs(degrees[0] - 30)).toBeLessThan(1e-3);
    expect(Math.abs(degrees[1] - 60)).toBeLessThan(1e-3);
  });

  it('lora: W₁ − W₀ and B·A have rank 4 and agree', () => {
    const document = load('lora.json');
    const before = new OracleMatrix(numbers(document, 'weight-before'));
    const after = new OracleMatrix(numbers(document, 'weight-after'));
    const product = new OracleMatrix(numbers(document, 'lora-b')).mmul(
      new OracleMatrix(numbers(document, 'lora-a')),
    );
    const delta = after.sub(before);
    const difference = delta.clone().sub(product).to1DArray();
    expect(Math.max(...difference.map(Math.abs))).toBeLessThan(1e-4);
    const sigma = singularValues(delta.to2DArray());
    expect(sigma[3]).toBeGreaterThan(1);
    expect(sigma[4] / sigma[0]).toBeLessThan(1e-5);
  });
});
