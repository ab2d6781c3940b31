// The geometry behind the Subspaces view: what shape a subspace is (point, line, plane, whole
// space), its label, orthogonal projection onto an orthonormal basis, and the split
// x = x_row + x_null (Strang, "The Fundamental Theorem of Linear Algebra", 1993). Cost O(n·r).
import type { Matrix } from '../../../core/linalg/matrix';

export type SpaceShape = 'point' | 'line' | 'plane' | 'space';

export function shapeOf(dimension: number, ambient: number): SpaceShape {
  if (dimension <= 0) return 'point';
  if (dimension >= ambient) return 'space';
  return dimension === 1 ? 'line' : 'plane';
}

const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export function realSpace(ambient: number): string {
  return `ℝ${String(ambient)
    .split('')
    .map((digit) => superscripts[Number(digit)])
    .join('')}`;
}

export function spaceLabel(name: string, ambient: number, dimension: number): string {
  const shape = shapeOf(dimension, ambient);
  const described =
    shape === 'space'
      ? `all of ${realSpace(ambient)}`
      : shape === 'point'
        ? 'the origin'
        : `a ${shape}`;
  return `${name} ⊂ ${realSpace(ambient)}, dim ${dimension} (${described})`;
}

/** Column j of a column-major matrix as a plain array. */
export function column(basis: Matrix, j: number): number[] {
  return Array.from(basis.data.subarray(j * basis.rows, (j + 1) * basis.rows));
}

/** P x = Q(Qᵀx) for Q with orthonormal columns. */
export function projectOnto(basis: Matrix, x: readonly number[]): number[] {
  const result = new Array<number>(basis.rows).fill(0);
  for (let j = 0; j < basis.cols; j++) {
    let dot = 0;
    for (let i = 0; i < basis.rows; i++) dot += basis.data[i + j * basis.rows] * x[i];
    for (let i = 0; i < basis.rows; i++) result[i] += dot * basis.data[i + j * basis.rows];
  }
  return result;
}

/** x = x_row + x_null with x_row in the row space (orthonormal basis) and x_null ⟂ it. */
export function splitVector(
  rowBasis: Matrix,
  x: readonly number[],
): { row: number[]; null: number[] } {
  const row = projectOnto(rowBasis, x);
  return { row, null: x.map((value, i) => value - row[i]) };
}

export function applyMatrix(a: Matrix, x: readonly number[]): number[] {
  const result = new Array<number>(a.rows).fill(0);
  for (let j = 0; j < a.cols; j++)
    for (let i = 0; i < a.rows; i++) result[i] += a.data[i + j * a.rows] * x[j];
  return result;
}

/** A vector of ℝ¹, ℝ² or ℝ³ as a point of the 3D scene (missing coordinates are 0). */
export function embed3(vector: readonly number[]): [number, number, number] {
  return [vector[0] ?? 0, vector[1] ?? 0, vector[2] ?? 0];
}

export function norm(vector: readonly number[]): number {
  return Math.hypot(...vector);
}

export function interpolate(from: readonly number[], to: readonly number[], t: number): number[] {
  // From ℝⁿ to ℝᵐ: the shorter side is padded with zeros, so no coordinate of either is lost.
  return Array.from(
    { length: Math.max(from.length, to.length) },
    (_, i) => (1 - t) * (from[i] ?? 0) + t * (to[i] ?? 0),
  );
}
