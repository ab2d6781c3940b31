import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  ManualError,
  applyManualOperation,
  currentMatrix,
  explainRref,
  startManual,
  suggestNextStep,
  undo,
} from './manual';
import { rref } from './rref';
import { rationalGrid, rationalMatrix, textGrid } from './test-support';

const worked = rationalGrid([
  [1, 2, 3],
  [2, 4, 6],
  [1, 3, 4],
]);

describe('manual mode', () => {
  it('applies typed operations exactly and undoes them', () => {
    let session = startManual(worked);
    session = applyManualOperation(session, 'R2 <- R2 - 2R1');
    session = applyManualOperation(session, 'R3 = R3 - R1');
    expect(textGrid(currentMatrix(session))).toEqual([
      ['1', '2', '3'],
      ['0', '0', '0'],
      ['0', '1', '1'],
    ]);
    expect(session.steps[0].notation).toBe('R_2 ← R_2 − 2R_1');
    session = applyManualOperation(session, 'R3 *= 1/2');
    expect(textGrid(currentMatrix(session))[2]).toEqual(['0', '1/2', '1/2']);
    session = undo(session);
    expect(textGrid(currentMatrix(session))[2]).toEqual(['0', '1', '1']);
    session = applyManualOperation(session, { kind: 'swap', rows: [1, 2] });
    session = applyManualOperation(session, 'R1 <- R1 - 2R2');
    expect(explainRref(currentMatrix(session))).toEqual({ isRref: true });
    expect(textGrid(currentMatrix(session))).toEqual(textGrid(rref(worked).rref));
    expect(textGrid(worked)[1]).toEqual(['2', '4', '6']);
    expect(() => undo(startManual(worked))).toThrow('there is nothing to undo');
  });

  it('refuses operations that are not allowed', () => {
    const session = applyManualOperation(startManual(worked), 'R2 <- R2 - 2R1');
    expect(() =>
      applyManualOperation(session, {
        kind: 'scale',
        rows: [0],
        factor: rationalGrid([[0]])[0][0],
      }),
    ).toThrow('scaling by 0 is not allowed');
    expect(() => applyManualOperation(session, 'R4 <-> R1')).toThrow(
      'row 4 does not exist: the matrix has 3 rows',
    );
    expect(() => applyManualOperation(session, 'R2 *= 3')).toThrow(/this row is already zero/);
    expect(() => applyManualOperation(session, 'R1 <- R1 + 2R2')).toThrow(
      /this row is already zero/,
    );
    expect(() => applyManualOperation(session, 'R1 <-> R1')).toThrow(ManualError);
  });

  it('explains why a matrix is not in RREF', () => {
    expect(
      explainRref(
        rationalGrid([
          [1, 0, 2],
          [0, 1, 3],
          [0, 0, 1],
        ]),
      ).reason,
    ).toBe('not yet in RREF: column 3 has a non-zero above its pivot');
    expect(
      explainRref(
        rationalGrid([
          [0, 0],
          [1, 0],
        ]),
      ).reason,
    ).toBe('not yet in RREF: row 1 is zero but row 2 below it is not');
    expect(
      explainRref(
        rationalGrid([
          [2, 0],
          [0, 1],
        ]),
      ).reason,
    ).toBe('not yet in RREF: the pivot of row 1 (column 1) is 2, not 1');
    expect(
      explainRref(
        rationalGrid([
          [1, 0],
          [1, 0],
        ]),
      ).reason,
    ).toBe('not yet in RREF: the pivot of row 2 is not to the right of the pivot of row 1');
    expect(
      explainRref(
        rationalGrid([
          [0, 1, 5],
          [0, 0, 0],
        ]),
      ).isRref,
    ).toBe(true);
    expect(explainRref([]).isRref).toBe(true);
  });

  it('following the suggestions reaches the RREF (property)', () => {
    fc.assert(
      fc.property(rationalMatrix(4, 4), (matrix) => {
        let session = startManual(matrix);
        for (let count = 0; count < 100; count++) {
          const suggestion = suggestNextStep(currentMatrix(session));
          if (!suggestion) break;
          session = applyManualOperation(session, suggestion.operation);
        }
        expect(explainRref(currentMatrix(session)).isRref).toBe(true);
        expect(textGrid(currentMatrix(session))).toEqual(
          textGrid(rref(matrix, { trace: false }).rref),
        );
      }),
      { numRuns: 80 },
    );
  });

  it('explainRref agrees with the RREF itself (property)', () => {
    fc.assert(
      fc.property(rationalMatrix(4, 4), (matrix) => {
        const reduced = rref(matrix, { trace: false }).rref;
        expect(explainRref(reduced).isRref).toBe(true);
        const same = textGrid(reduced).join('|') === textGrid(matrix).join('|');
        expect(explainRref(matrix).isRref).toBe(same);
      }),
    );
  });
});
