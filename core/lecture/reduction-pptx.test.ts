import { describe, it, expect } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { reductionLesson } from './reduction-lesson';
import { reductionPptx } from './reduction-pptx';

const example = [
  ['2', '4', '-2', '2'],
  ['1', '3', '1', '5/2'],
  ['3', '7', '-1', '1'],
];

/** The text runs of each slide, in order, as PowerPoint stores them (<a:t>). */
function slideTexts(bytes: Uint8Array): string[][] {
  const files = unzipSync(bytes);
  const slides = Object.keys(files)
    .map((name) => /^ppt\/slides\/slide(\d+)\.xml$/.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .sort((left, right) => Number(left[1]) - Number(right[1]));
  return slides.map((match) =>
    [...strFromU8(files[match[0]]).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((run) =>
      run[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
    ),
  );
}

describe('PowerPoint deck of a reduction', () => {
  it('has a title slide, one slide per step and the result slides, all as text', async () => {
    const lesson = reductionLesson(example, { title: 'Example 1' });
    const slides = slideTexts(await reductionPptx(lesson));
    expect(slides.length).toBe(1 + 8 + 2);
    expect(slides[0]).toContain('Row reduction of Example 1');
    // The matrix is a table of editable text: A's twelve entries, fractions as fractions.
    expect(slides[0]).toEqual(expect.arrayContaining(['2', '4', '−2', '5/2', '−1']));
    const first = slides[1].join(' ');
    expect(first).toContain('Step 1 of 8');
    expect(first).toContain('R₁ ← (1/2)R₁: multiply row 1 by 1/2.');
    expect(first).toContain('make the pivot 1.');
    const second = slides[2].join(' ');
    expect(second).toContain('R₂ ← R₂ − R₁: subtract row 1 from row 2.');
    expect(second).toContain('clear below the pivot in column 1.');
    // Before and after: 2 × 12 entries on each step slide.
    const entries = slides[2].filter((text) => /^[−\d/]+$/.test(text));
    expect(entries.length).toBe(24);
    const result = slides[9].join(' ');
    expect(result).toContain('rank r = 3, nullity n − r = 4 − 3 = 1');
    expect(result).toContain('pivots in columns 1, 2 and 4; free: column 3');
    expect(slides[10].join(' ')).toContain('span{(5, −2, 1, 0)}');
  });

  it('outlines the pivot cell and shades the rows read and written', async () => {
    const lesson = reductionLesson(example, { title: 'A' });
    const files = unzipSync(await reductionPptx(lesson));
    const step2 = strFromU8(files['ppt/slides/slide3.xml']);
    expect(step2).toContain('DBEAFE');
    expect(step2).toContain('FEF3C7');
    expect(step2).toContain('C2410C');
    // Speaker notes carry the operation and the reason.
    const notes = Object.keys(files).filter((name) => name.startsWith('ppt/notesSlides/'));
    expect(notes.length).toBeGreaterThan(8);
  });

  it('adds the solution slide for [A | b]', async () => {
    const lesson = reductionLesson(
      [
        ['1', '1', '1'],
        ['1', '1', '2'],
      ],
      { title: 'S', augmented: true },
    );
    const slides = slideTexts(await reductionPptx(lesson));
    expect(slides[slides.length - 1].join(' ')).toContain(
      'No solution: row 2 of rref[A | b] reads 0 = 1.',
    );
  });

  it('writes the operations in the notation the person chose', async () => {
    const lesson = reductionLesson(example, { title: 'A', notation: 'target-last' });
    const slides = slideTexts(await reductionPptx(lesson));
    const first = slides[1].join(' ');
    expect(first).toContain('(1/2)R₁ → R₁: multiply row 1 by 1/2.');
    expect(first).not.toContain('R₁ ← (1/2)R₁');
    const second = slides[2].join(' ');
    expect(second).toContain('R₂ − R₁ → R₂: subtract row 1 from row 2.');
    // Beside the written row: what it now holds, pointed at the row.
    expect(second).toContain('← R₂ − R₁');
  });
});
