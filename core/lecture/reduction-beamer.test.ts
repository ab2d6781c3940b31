import { describe, it, expect } from 'vitest';
import { reductionBeamer } from './reduction-beamer';
import { reductionLesson } from './reduction-lesson';
import { escapeLatexText } from './latex-text';

const example = [
  ['2', '4', '-2', '2'],
  ['1', '3', '1', '5/2'],
  ['3', '7', '-1', '1'],
];

function frames(tex: string): string[] {
  return tex.split('\\begin{frame}').slice(1);
}

describe('Beamer slides of a reduction', () => {
  it('has a title frame, one frame per step and the result frames', () => {
    const lesson = reductionLesson(example, { title: 'A' });
    const tex = reductionBeamer(lesson);
    const all = frames(tex);
    // title, 8 steps, result, the ℝⁿ and ℝᵐ subspace frames.
    expect(all.length).toBe(1 + 8 + 3);
    expect(all[0]).toContain('\\titlepage');
    expect(all[1]).toContain('Step 1 of 8');
    expect(all[1]).toContain(
      '$R_1 \\leftarrow \\frac{1}{2}R_1$: multiply row 1 by $\\frac{1}{2}$.',
    );
    expect(all[1]).toContain('\\textbf{Why:} make the pivot 1.');
    expect(all[2]).toContain('subtract row 1 from row 2');
    // Step 2 reads row 1 and writes row 2; the pivot (row 1, column 1) is boxed.
    expect(all[2]).toContain('\\rowcolor{rankscopeRead}\\pivotbox{1}');
    expect(all[2]).toContain('\\rowcolor{rankscopeWritten}');
    expect(all[9]).toContain('rank $r = 3$');
    expect(all[9]).toContain('pivot columns: 1, 2, 4; free columns: 3');
    expect(all[10]).toContain('N(A) &= \\operatorname{span}');
    expect(tex.trim().endsWith('\\end{document}')).toBe(true);
  });

  it('keeps fractions as fractions, never decimals', () => {
    const tex = reductionBeamer(reductionLesson(example, { title: 'A' }));
    expect(tex).toContain('\\frac{5}{2}');
    const bodies = [...tex.matchAll(/\\begin\{array\}\{[c|]+\}(.*?)\\end\{array\}/g)].map(
      (match) => match[1],
    );
    expect(bodies.length).toBeGreaterThan(16);
    for (const body of bodies) expect(body).not.toMatch(/\d\.\d/);
  });

  it('steps through one frame with overlays when asked', () => {
    const tex = reductionBeamer(reductionLesson(example, { title: 'A' }), { mode: 'overlays' });
    expect(frames(tex).length).toBe(1 + 1 + 3);
    for (let k = 1; k <= 8; k++) expect(tex).toContain(`\\only<${k}>{%`);
    expect(tex).not.toContain('\\only<9>');
  });

  it('adds the solution set of [A | b] and draws the bar', () => {
    const tex = reductionBeamer(
      reductionLesson(
        [
          ['1', '2', '3'],
          ['3', '4', '5'],
        ],
        { title: 'S', augmented: true },
      ),
    );
    expect(tex).toContain('\\begin{array}{cc|c}');
    expect(tex).toContain('Solving $A\\mathbf{x} = b$');
    expect(tex).toContain('\\mathbf{x} = \\begin{pmatrix} -1 \\\\ 2 \\end{pmatrix}');
  });

  it('escapes a title a person typed', () => {
    const tex = reductionBeamer(reductionLesson(example, { title: 'Week_3 & 50% {draft} 中' }));
    expect(tex).toContain('\\title{Row reduction of Week\\_3 \\& 50\\% \\{draft\\} ?}');
    expect(escapeLatexText('Ünïcode ✓ x×y')).toBe('Ünïcode ? x$\\times$y');
  });
});
