import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { projectVersion } from './schema';
import { deepestViewNesting, nestingDepth, repairTruncatedJson, salvageDocument } from './salvage';

const document = {
  type: 'rankscope',
  version: projectVersion,
  title: 'Lecture 3',
  matrices: [
    {
      id: 'a',
      name: 'A',
      entries: [
        ['1', '2'],
        ['3', '4'],
      ],
    },
    { id: 'b', name: 'B', entries: [['1/3']] },
    { id: 'c', name: 'C', entries: [['5', '6', '7']] },
  ],
  views: { spectrum: { policy: 'gap' } },
  notes: 'Rank–nullity on the board.',
};

describe('salvaging a damaged document', () => {
  it('keeps a whole document as it is, with no losses', () => {
    expect(salvageDocument(document)).toEqual({
      document: expect.objectContaining({ title: 'Lecture 3' }),
      losses: [],
    });
  });

  it('keeps the valid matrices of an invalid document and names the others', () => {
    const damaged = {
      ...document,
      matrices: [
        document.matrices[0],
        { id: 'b', name: 'B', entries: 'oops' },
        document.matrices[2],
      ],
    };
    const { document: kept, losses } = salvageDocument(damaged);
    expect(kept?.matrices.map((matrix) => matrix.name)).toEqual(['A', 'C']);
    expect(losses).toEqual(['1 matrix of 3 could not be read (“B”).']);
  });

  it('leaves out view settings nested too deep to save, saying which', () => {
    let deep: unknown = 1;
    for (let k = 0; k < 10_000; k++) deep = { next: deep };
    const { document: kept, losses } = salvageDocument({
      ...document,
      views: { ...document.views, reduce: deep },
    });
    expect(Object.keys(kept!.views)).toEqual(['spectrum']);
    expect(losses).toEqual([
      `The settings of the reduce view nest more than ${deepestViewNesting} levels deep and were left out.`,
    ]);
    // What is kept can be written again (the deep one would overflow JSON.stringify's stack).
    expect(() => JSON.stringify(kept)).not.toThrow();
  });

  it('counts nesting without recursion', () => {
    let deep: unknown = [];
    for (let k = 0; k < 200_000; k++) deep = [deep];
    expect(nestingDepth(deep, 100)).toBe(101);
    expect(nestingDepth({ a: [1, { b: 2 }] })).toBe(3);
  });
});

describe('repairing a truncated JSON text', () => {
  const text = JSON.stringify({ type: 'rankscope-backup', document });

  it('recovers everything written before the cut', () => {
    const cut = text.indexOf('"id":"c"');
    const repaired = repairTruncatedJson(text.slice(0, cut + 5)) as { document: typeof document };
    expect(repaired.document.title).toBe('Lecture 3');
    expect(repaired.document.matrices.slice(0, 2)).toEqual(document.matrices.slice(0, 2));
    const salvaged = salvageDocument(repaired.document);
    expect(salvaged.document?.matrices.map((matrix) => matrix.name)).toEqual(['A', 'B']);
  });

  it('returns a value or null for every cut, never throws (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length }), (at) => {
        const repaired = repairTruncatedJson(text.slice(0, at));
        if (at === text.length) expect(repaired).toEqual(JSON.parse(text));
        if (repaired !== null) expect(typeof repaired).toBe('object');
      }),
      { numRuns: 400 },
    );
  });

  it('recovers more the later the cut', () => {
    const recovered = (at: number) =>
      salvageDocument(
        (repairTruncatedJson(text.slice(0, at)) as { document?: unknown } | null)?.document,
      ).document?.matrices.length ?? 0;
    let previous = 0;
    for (let at = 0; at <= text.length; at += 7) {
      const count = recovered(at);
      expect(count).toBeGreaterThanOrEqual(previous);
      previous = count;
    }
    expect(previous).toBe(3);
  });
});
