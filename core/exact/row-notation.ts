// The two textbook ways to write an elementary row operation, one chosen for every surface:
// 'target-first' "R₂ ← R₂ − 2R₁" (Strang, Lay) and 'target-last' "R₂ − 2R₁ → R₂" (many
// lecture notes). Swaps read "R₁ ↔ R₃" in both. The trace records the target-first form.

export type RowNotation = 'target-first' | 'target-last';

export const rowNotations: readonly { value: RowNotation; label: string }[] = [
  { value: 'target-first', label: 'R₂ ← R₂ − 2R₁' },
  { value: 'target-last', label: 'R₂ − 2R₁ → R₂' },
];

const subscriptDigits = '₀₁₂₃₄₅₆₇₈₉';

function subscripted(text: string): string {
  return text.replace(/_\{?(\d+)\}?/g, (_, digits: string) =>
    digits.replace(/\d/g, (digit) => subscriptDigits[Number(digit)]),
  );
}

/** A traced step's notation ("R_2 ← R_2 − 2R_1") as a person reads it under the convention. */
export function writtenNotation(
  notation: string,
  convention: RowNotation = 'target-first',
): string {
  const [target, expression] = notation.split(' ← ');
  const oriented =
    expression === undefined || convention === 'target-first'
      ? notation
      : `${expression} → ${target}`;
  return subscripted(oriented);
}

/** The LaTeX arrow between target and expression under the convention. */
export function orientLatex(
  target: string,
  expression: string,
  convention: RowNotation = 'target-first',
): string {
  return convention === 'target-first'
    ? `${target} \\leftarrow ${expression}`
    : `${expression} \\rightarrow ${target}`;
}
