import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateWorksheet } from './worksheet-generator';
import { worksheetPdf } from './worksheet-pdf';

const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;
if (!hasPdftotext && process.env.CI === 'true')
  throw new Error('CI must check the worksheet PDFs with pdftotext: install poppler-utils');

function text(bytes: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'rankscope-worksheet-')), 'sheet.pdf');
  writeFileSync(file, bytes);
  const result = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(result.status).toBe(0);
  return result.stdout;
}

describe('worksheet PDFs without TeX', () => {
  const sheet = generateWorksheet({ rows: 3, cols: 4, rank: 2, count: 10, seed: 7 });

  it('starts as a PDF of the chosen paper', () => {
    const bytes = worksheetPdf(sheet, { paper: 'letter' });
    const head = new TextDecoder('latin1').decode(bytes);
    expect(head.startsWith('%PDF-')).toBe(true);
    expect(head).toMatch(/\/MediaBox \[0 0 612\.? 792\.?\]/);
  });

  it.runIf(hasPdftotext)('lists every exercise under the task', () => {
    const page = text(worksheetPdf(sheet, { title: 'Sheet 3' }));
    expect(page).toContain('Sheet 3');
    expect(page).toContain('3x4, rank 2, entries within ±9, integer answers, seed 7');
    expect(page).toContain('reduce A to its reduced row echelon form R');
    for (let k = 1; k <= 10; k++) expect(page).toMatch(new RegExp(`(^|\\s)${k}\\.\\s+A =`, 'm'));
  });

  it.runIf(hasPdftotext)('answers every exercise in the key', () => {
    const key = text(worksheetPdf(sheet, { title: 'Sheet 3', answers: true }));
    expect(key).toContain('Sheet 3: answers');
    expect(key.match(/Rank r = 2, nullity n – r = 2/g)?.length).toBe(10);
    expect(key).toContain('Exercise 10');
    for (const exercise of sheet.exercises) {
      const special = exercise.analysis.nullspace[0].map(String).join(', ').replace(/-/g, '–');
      expect(key).toContain(`s1 = (${special})^T`);
    }
    const systems = generateWorksheet({
      rows: 3,
      cols: 3,
      rank: 2,
      count: 2,
      seed: 1,
      system: 'inconsistent',
    });
    expect(text(worksheetPdf(systems, { answers: true }))).toContain(
      'No solution: row 3 of rref[A | b] reads 0 = 1.',
    );
  });
});
