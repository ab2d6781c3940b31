// One matrix, two honest ranks: the exact rank of the entries as written and the numerical rank
// under a tolerance. When they differ, the singular value that separates them says why, in one
// sentence every surface (inspector, Spectrum view, CLI) prints the same way.
import { formatNumber } from '../number-shown';

export interface RankStory {
  exactRank: number;
  numericalRank: number;
  /** 1-based index of the singular value on the far side of the tolerance from where exact puts it. */
  separatingIndex: number;
  separatingValue: number;
  tolerance: number;
  sentence: string;
}

const subscriptDigits = '₀₁₂₃₄₅₆₇₈₉';

function sigma(index: number): string {
  return `σ${String(index).replace(/\d/g, (digit) => subscriptDigits[Number(digit)])}`;
}

/**
 * The story when the two ranks differ, else null. `asWritten` names what was read exactly
 * ("the decimals written", "the entries written").
 */
export function rankStory(
  singularValues: ArrayLike<number>,
  tolerance: number,
  exactRank: number,
  numericalRank: number,
  asWritten = 'the decimals written',
): RankStory | null {
  if (exactRank === numericalRank) return null;
  // exact > numerical: σ_{numerical+1} is nonzero yet under the tolerance. exact < numerical:
  // σ_{exact+1} is exactly zero in the written numbers yet rounding lifted it over the tolerance.
  const separatingIndex = Math.min(exactRank, numericalRank) + 1;
  const separatingValue = singularValues[separatingIndex - 1] ?? 0;
  const side = exactRank > numericalRank ? 'below' : 'above';
  const sentence =
    `${sigma(separatingIndex)} = ${formatNumber(separatingValue)} is ${side} the tolerance ` +
    `${formatNumber(tolerance)}: as floating numbers the rank is ${numericalRank}; ` +
    `as ${asWritten}, ${exactRank}.`;
  return {
    exactRank,
    numericalRank,
    separatingIndex,
    separatingValue,
    tolerance,
    sentence,
  };
}
