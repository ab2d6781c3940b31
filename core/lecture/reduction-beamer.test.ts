import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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

  it('writes each operation in the notation the person chose, and the row it now holds', () => {
    const targetFirst = frames(reductionBeamer(reductionLesson(example, { title: 'A' })));
    const targetLast = frames(
      reductionBeamer(reductionLesson(example, { title: 'A', notation: 'target-last' })),
    );
    // Step 2 subtracts row 1 from row 2: on the arrow and in the operation line.
    expect(targetFirst[2]).toContain('\\xrightarrow{R_2 \\leftarrow R_2 - R_1}');
    expect(targetFirst[2]).toContain('\\textbf{Operation:} $R_2 \\leftarrow R_2 - R_1$');
    expect(targetLast[2]).toContain('\\xrightarrow{R_2 - R_1 \\rightarrow R_2}');
    expect(targetLast[2]).toContain('\\textbf{Operation:} $R_2 - R_1 \\rightarrow R_2$');
    expect(targetLast[1]).toContain('$\\frac{1}{2}R_1 \\rightarrow R_1$');
    // The margin note beside the written row says what it now holds, in both notations.
    for (const slides of [targetFirst, targetLast])
      expect(slides[2]).toContain('{\\color{rankscopeMuted}\\leftarrow R_2 - R_1}');
    // Swaps read the same both ways.
    const swapped = reductionBeamer(
      reductionLesson(
        [
          ['0', '1'],
          ['1', '0'],
        ],
        { title: 'P', notation: 'target-last' },
      ),
    );
    expect(swapped).toContain('\\xrightarrow{R_1 \\leftrightarrow R_2}');
    expect(swapped).toContain('\\leftarrow \\text{old } R_{2}');
  });

  const hasTools =
    spawnSync('pdflatex', ['--version']).status === 0 &&
    spawnSync('pdftotext', ['-v']).status === 0;
  it.runIf(hasTools)('compiles with pdflatex in the target-last notation', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'rankscope-beamer-'));
    try {
      const tex = reductionBeamer(
        reductionLesson(example, { title: 'A', notation: 'target-last' }),
      );
      writeFileSync(path.join(folder, 'slides.tex'), tex);
      for (let run = 0; run < 2; run++) {
        const result = spawnSync(
          'pdflatex',
          ['-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', 'slides.tex'],
          { cwd: folder, encoding: 'utf8', timeout: 120_000 },
        );
        expect(result.status, result.stdout.slice(-2000)).toBe(0);
      }
      const log = readFileSync(path.join(folder, 'slides.log'), 'utf8');
      expect(log).not.toMatch(/^! /m);
      const text = spawnSync('pdftotext', [path.join(folder, 'slides.pdf'), '-'], {
        encoding: 'utf8',
      }).stdout;
      const pages = text.split('\f').filter((page) => page.trim() !== '');
      expect(pages.length).toBe(12);
      // pdftotext reads the arrow of "R₂ − R₁ → R₂" back from the math font.
      expect(pages[2]).toMatch(/Operation: R2 − R1 → R2/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
