import { describe, it, expect } from 'vitest';
import { matrixDocumentSchema } from '../project/schema';
import { generateWorksheet } from './worksheet-generator';
import { answerKeyLatex, worksheetDescription, worksheetLatex } from './worksheet-latex';
import { worksheetMatrices } from './worksheet-matrices';

describe('worksheet LaTeX', () => {
  it('lists every exercise once, and the key answers each', () => {
    const sheet = generateWorksheet({ rows: 3, cols: 4, rank: 2, count: 10, seed: 7 });
    const tex = worksheetLatex(sheet, { title: 'Sheet 3' });
    expect(tex.match(/\\item \$A = /g)?.length).toBe(10);
    expect(tex).toContain(
      '3×4, rank 2, entries within ±9, integer answers, seed 7'
        .replace('×', '$\\times$')
        .replace('±', '$\\pm$'),
    );
    const key = answerKeyLatex(sheet, { title: 'Sheet 3' });
    expect(key.match(/\\subsection\*\{Exercise \d+\}/g)?.length).toBe(10);
    expect(key.match(/Rank \$r = 2\$, nullity \$n - r = 2\$/g)?.length).toBe(10);
    // Each exercise's RREF appears in the key, row by row.
    for (const exercise of sheet.exercises) {
      const firstRow = exercise.analysis.rref[0].map(String).join(' & ');
      expect(key).toContain(firstRow);
    }
  });

  it('writes the solution set of each system in the key', () => {
    const free = generateWorksheet({
      rows: 3,
      cols: 4,
      rank: 2,
      count: 2,
      seed: 5,
      system: 'free',
    });
    const key = answerKeyLatex(free);
    expect(key).toContain('Infinitely many solutions');
    expect(key).toContain('\\begin{array}{cccc|c}');
    const none = answerKeyLatex(
      generateWorksheet({ rows: 3, cols: 3, rank: 2, count: 1, seed: 5, system: 'inconsistent' }),
    );
    expect(none).toMatch(
      /No solution: row 3 of \$\\operatorname\{rref\}\[A \\mid b\]\$ reads \$0 = 1\$/,
    );
    const one = answerKeyLatex(
      generateWorksheet({ rows: 3, cols: 2, rank: 2, count: 1, seed: 5, system: 'unique' }),
    );
    expect(one).toContain('Exactly one solution');
  });

  it('describes the sheet well enough to make it again', () => {
    const sheet = generateWorksheet({
      rows: 2,
      cols: 3,
      rank: 1,
      pivotColumns: [1],
      answers: 'fractions',
      count: 1,
      seed: 9,
      system: 'free',
    });
    expect(worksheetDescription(sheet.options)).toBe(
      '2×3, rank 1, pivots in columns 2, entries within ±9, answers with denominators up to 4, systems with free variables, seed 9',
    );
  });
});

describe('worksheet exercises as project matrices', () => {
  it('gives valid matrix documents with exact entries, b, and ids and names that are free', () => {
    const sheet = generateWorksheet({
      rows: 3,
      cols: 3,
      rank: 2,
      count: 3,
      seed: 4,
      system: 'free',
    });
    const documents = worksheetMatrices(sheet, { ids: ['exercise-4-1'], names: ['Exercise 2'] });
    expect(documents.map((document) => document.id)).toEqual([
      'exercise-4-1-2',
      'exercise-4-2',
      'exercise-4-3',
    ]);
    expect(documents.map((document) => document.name)).toEqual([
      'Exercise 1',
      'Exercise 2 (2)',
      'Exercise 3',
    ]);
    documents.forEach((document, index) => {
      expect(() => matrixDocumentSchema.parse(document)).not.toThrow();
      expect(document.entries).toEqual(sheet.exercises[index].matrix.map((row) => row.map(String)));
      expect(document.rightHandSide).toEqual(sheet.exercises[index].rightHandSide!.map(String));
      expect(document.note).toContain('seed 4');
    });
  });
});
