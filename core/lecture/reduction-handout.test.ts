import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { reductionHandoutPdf } from './reduction-handout';
import { reductionLesson } from './reduction-lesson';

const example = [
  ['2', '4', '-2', '2'],
  ['1', '3', '1', '5/2'],
  ['3', '7', '-1', '1'],
];

const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;
if (!hasPdftotext && process.env.CI === 'true')
  throw new Error('CI must check the handout with pdftotext: install poppler-utils');

/** The PDF's text, page by page, as pdftotext reads it. */
function pagesText(bytes: Uint8Array): string[] {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'rankscope-handout-')), 'handout.pdf');
  writeFileSync(file, bytes);
  const result = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(result.status).toBe(0);
  return result.stdout.split('\f').filter((page) => page.trim() !== '');
}

describe('PDF handout of a reduction', () => {
  it('is an A4 or Letter PDF', () => {
    const lesson = reductionLesson(example, { title: 'Example 1' });
    const a4 = new TextDecoder('latin1').decode(reductionHandoutPdf(lesson));
    expect(a4.startsWith('%PDF-')).toBe(true);
    expect(a4).toMatch(/\/MediaBox \[0 0 595\.2\d+ 841\.8\d+\]/);
    const letter = new TextDecoder('latin1').decode(
      reductionHandoutPdf(lesson, { paper: 'letter' }),
    );
    expect(letter).toMatch(/\/MediaBox \[0 0 612\.? 792\.?\]/);
  });

  it.runIf(hasPdftotext)('holds every step with its operation and reason, then the result', () => {
    const lesson = reductionLesson(example, { title: 'Example 1' });
    const pages = pagesText(reductionHandoutPdf(lesson));
    const text = pages.join('\n');
    expect(text).toContain('Row reduction of Example 1');
    for (const step of lesson.steps) {
      expect(text).toContain(`Step ${step.number} of 8`);
      expect(text).toContain(`Why: ${step.reason}.`);
      expect(text).toContain(step.words.replace(/−/g, '–'));
    }
    expect(text).toContain('Rank r = 3, nullity n – r = 4 – 3 = 1');
    expect(text).toContain('span{(5, –2, 1, 0)}');
    expect(pages[pages.length - 1]).toContain(`page ${pages.length} of ${pages.length}`);
  });

  it.runIf(hasPdftotext)('breaks a long trace over pages and states the solution set', () => {
    const lesson = reductionLesson(
      [
        ['1', '2', '1', '4'],
        ['2', '4', '0', '6'],
        ['1', '2', '2', '5'],
      ],
      { title: 'System', augmented: true },
    );
    const text = pagesText(reductionHandoutPdf(lesson)).join('\n');
    expect(text).toContain(
      'Infinitely many solutions: x = (3, 0, 1) + t1(–2, 1, 0), with t1 = x2 free.',
    );
    const wide = reductionLesson(
      Array.from({ length: 6 }, (_, i) =>
        Array.from({ length: 9 }, (_, j) =>
          String((((i + 1) * (j + 2)) % 7) - 3 + (i === j ? 1 : 0)),
        ),
      ),
      { title: 'Wide' },
    );
    const pages = pagesText(reductionHandoutPdf(wide, { paper: 'letter' }));
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.join('\n')).toContain(`Step ${wide.steps.length} of ${wide.steps.length}`);
  });
});
