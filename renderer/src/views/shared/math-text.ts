// Small pieces of mathematical text the inspector shows: ℝⁿ with real superscripts, tolerances.
import type { SubspaceSummary } from '../../../../core/jobs/analyze';

const superscriptDigits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const subscriptDigits = '₀₁₂₃₄₅₆₇₈₉';

export function superscript(value: number): string {
  const digits = String(Math.trunc(value)).replace(
    /\d/g,
    (digit) => superscriptDigits[Number(digit)],
  );
  return digits.replace('-', '⁻');
}

/** σ₁₂ for 12: subscript digits. */
export function subscript(value: number): string {
  return String(Math.trunc(value)).replace(/\d/g, (digit) => subscriptDigits[Number(digit)]);
}

/** ℝ³ for 3. */
export function realSpace(dimension: number): string {
  return `ℝ${superscript(dimension)}`;
}

/** "column space ⊂ ℝ³, dim 2" */
export function subspaceLine(subspace: SubspaceSummary): string {
  return `${subspace.name} ⊂ ${realSpace(subspace.ambient)}, dim ${subspace.dimension}`;
}
