import { describe, expect, it } from 'vitest';
import { rankStory } from '../../../../core/rank/rank-story';
import { readingNote, type ReadingNoteFacts } from './reading-note';

// The 4×3 numpy matrix of rank 2: σ₃ = 3.4e−17 under the tolerance 1.5e−15; as written, rank 3.
const story = rankStory([1.668, 0.2478, 3.38e-17], 1.48e-15, 3, 2)!;

const floatingFacts: ReadingNoteFacts = {
  mode: 'guided',
  hasDecimals: true,
  reading: 'floating',
  decimalsAsFloating: true,
  reductionRank: 2,
  story,
  numericalRank: 2,
};

describe('the Reduce view’s line on the decimals’ reading', () => {
  it('says nothing for a matrix without decimals', () => {
    expect(readingNote({ ...floatingFacts, hasDecimals: false })).toBeNull();
  });

  it('says floating data are reduced in floating point, and what the written decimals give', () => {
    const note = readingNote(floatingFacts)!;
    expect(note.arithmetic).toBe('floating');
    expect(note.sentences[0]).toContain('as floating data');
    expect(note.sentences[0]).toContain('as the inspector and Spectrum read them');
    expect(note.sentences.join(' ')).toContain('as the decimals written, 3');
    expect(note.offer).toBe('exact');
    // Elimination agrees with the singular values: no need to send the person elsewhere.
    expect(note.spectrum).toBe(false);
  });

  it('says when floating elimination and the singular values disagree, and which to trust', () => {
    const note = readingNote({ ...floatingFacts, reductionRank: 3 })!;
    expect(note.sentences.join(' ')).toContain(
      'Elimination finds rank 3 here, but the singular values give 2',
    );
    expect(note.spectrum).toBe(true);
  });

  it('says exact reduction of written decimals hides a floating rank of 2', () => {
    const note = readingNote({
      ...floatingFacts,
      reading: 'exact',
      decimalsAsFloating: false,
      reductionRank: 3,
    })!;
    expect(note.arithmetic).toBe('exact');
    expect(note.sentences[0]).toBe(
      'Reducing the decimals as written, exactly; as floating data the rank is 2 — see Spectrum.',
    );
    expect(note.sentences[1]).toBe('σ₃ = 3.38e−17 is below the tolerance 1.48e−15.');
    expect(note.offer).toBe('floating');
    expect(note.spectrum).toBe(true);
  });

  it('stays quiet when both readings give one rank and the steps are exact', () => {
    expect(
      readingNote({ ...floatingFacts, reading: 'exact', decimalsAsFloating: false, story: null }),
    ).toBeNull();
  });

  it('warns that manual mode works on the written decimals when they are read as floating data', () => {
    const note = readingNote({ ...floatingFacts, mode: 'manual', reductionRank: null })!;
    expect(note.arithmetic).toBe('exact');
    expect(note.sentences[0]).toContain('manual mode works on them as written');
    expect(note.offer).toBeNull();
  });
});
