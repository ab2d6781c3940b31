// Parses the LoRA calculator's list of ranks ("1, 4, 8 16") into whole numbers, or says which
// item is wrong, in a sentence.
export type RankList = { ranks: number[]; error: null } | { ranks: null; error: string };

export function parseRankList(text: string): RankList {
  const items = text.split(/[\s,;]+/).filter(Boolean);
  if (items.length === 0) return { ranks: null, error: 'type one or more ranks, e.g. 1, 4, 8, 16' };
  const ranks: number[] = [];
  for (const item of items) {
    const value = Number(item);
    if (!Number.isSafeInteger(value) || value < 1)
      return { ranks: null, error: `“${item}” is not a whole number ≥ 1` };
    ranks.push(value);
  }
  return { ranks, error: null };
}

/** A positive whole number from a number input, or null. */
export function wholeNumber(text: string, largest = Number.MAX_SAFE_INTEGER): number | null {
  const value = Number(text);
  return Number.isSafeInteger(value) && value >= 1 && value <= largest ? value : null;
}
