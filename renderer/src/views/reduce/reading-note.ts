// What the Reduce view says above the stepper about the decimals' reading (core/exact/decimal-
// reading.ts): decimals read as floating data are reduced in floating point, as the inspector and
// Spectrum count them; decimals read as written are reduced exactly. Whenever the other reading
// gives another rank, the line says so and offers the switch, so the view never shows a rank that
// silently disagrees with the inspector's.
import type { DecimalReading } from '../../../../core/exact/decimal-reading';
import { formatNumber } from '../../../../core/number-shown';
import type { RankStory } from '../../../../core/rank/rank-story';
import { subscript } from '../shared/math-text';

export interface ReadingNoteFacts {
  mode: 'guided' | 'manual';
  /** The matrix writes a decimal. */
  hasDecimals: boolean;
  reading: DecimalReading;
  /** The reduction shown ran in floating point because of the reading. */
  decimalsAsFloating: boolean;
  /** Rank found by the reduction shown (guided mode), when there is one. */
  reductionRank: number | null;
  /** The inspector's story (exact as written against numerical), null when the ranks agree. */
  story: RankStory | null;
  /** The inspector's numerical rank (singular values above σ₁·max(m,n)·ε), when known. */
  numericalRank: number | null;
}

export interface ReadingNote {
  /** 'floating': the steps are floating point; 'exact': they are fractions of the decimals. */
  arithmetic: 'floating' | 'exact';
  sentences: string[];
  /** The reading the note offers to switch to, if any. */
  offer: DecimalReading | null;
  /** Point to Spectrum, where the numerical rank is read off the singular values. */
  spectrum: boolean;
}

/** The note for these facts, or null when the reading changes nothing worth saying. */
export function readingNote(facts: ReadingNoteFacts): ReadingNote | null {
  if (!facts.hasDecimals) return null;
  const { story } = facts;
  if (facts.mode === 'guided' && facts.decimalsAsFloating) {
    // The tolerance is in the arithmetic chip beside the strategy; this line says why.
    const sentences = [
      'Reducing the decimals as floating data, as the inspector and Spectrum read them.',
    ];
    // "σ₃ = 3.4e−17 is below the tolerance …: as floating numbers the rank is 2; as the decimals written, 3."
    if (story) sentences.push(story.sentence);
    const disagrees =
      facts.numericalRank !== null &&
      facts.reductionRank !== null &&
      facts.numericalRank !== facts.reductionRank;
    if (disagrees) {
      sentences.push(
        `Elimination finds rank ${facts.reductionRank} here, but the singular values give ` +
          `${facts.numericalRank} (σ above σ₁·max(m,n)·ε), the measure to trust — see Spectrum.`,
      );
    }
    return { arithmetic: 'floating', sentences, offer: 'exact', spectrum: disagrees };
  }
  // Exact steps: guided with decimals read as written, or manual mode, which always works on the
  // written fractions. Worth a line only when floating data would give another rank.
  if (!story) return null;
  const chosen =
    facts.reading === 'floating'
      ? 'The inspector reads these decimals as floating data, but manual mode works on them as written'
      : 'Reducing the decimals as written, exactly';
  return {
    arithmetic: 'exact',
    sentences: [
      `${chosen}; as floating data the rank is ${story.numericalRank} — see Spectrum.`,
      // The reason alone: the story's own sentence would say both ranks a second time.
      `σ${subscript(story.separatingIndex)} = ${formatNumber(story.separatingValue)} is ` +
        `${story.exactRank > story.numericalRank ? 'below' : 'above'} the tolerance ` +
        `${formatNumber(story.tolerance)}.`,
    ],
    offer: facts.reading === 'exact' ? 'floating' : null,
    spectrum: true,
  };
}
