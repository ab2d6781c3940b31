// The lecture kit from the command line, as a lecturer runs it: worksheets and answer keys as LaTeX
// and as PDF compiled by pdflatex, and a reduction as Beamer (compiled), PowerPoint and a handout.
// The PDFs are read back with pdftotext. CI installs TeX Live, so there a missing pdflatex fails.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { findPdflatex } from './latex-pdf';
import { main } from './main';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
const hasPdflatex = findPdflatex() !== null;
const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;
if (process.env.CI === 'true' && !(hasPdflatex && hasPdftotext))
  throw new Error('CI compiles the lecture kit: .ci/run must install TeX Live and poppler-utils');

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real command in a child process (as a person runs it; slow to start under tsx). */
async function rankscopeProcess(...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/rankscope.mjs', ...args], {
      cwd: root,
      encoding: 'utf8',
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The same program in this process (main(argv) as bin/rankscope.mjs calls it), output captured. */
async function rankscope(...args: string[]): Promise<Outcome> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const capture = (into: string[]) => (chunk: string | Uint8Array) => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture(stdout));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture(stderr));
  try {
    const code = await main(['node', 'rankscope', ...args]);
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const folder = mkdtempSync(path.join(tmpdir(), 'rankscope-lecture-'));
const matrixFile = path.join(folder, 'example.csv');
writeFileSync(matrixFile, '2,4,-2,2\n1,3,1,5/2\n3,7,-1,1\n');

function pdfText(file: string): string {
  const result = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(result.status).toBe(0);
  return result.stdout;
}

function pdfPages(file: string): number {
  const result = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(result.stdout)?.[1]);
}

describe('rankscope worksheet', () => {
  it('prints the same LaTeX sheet for the same seed, with the exercises asked for', async () => {
    const args = 'worksheet --rank 2 --shape 3x4 --count 10 --seed 7 --latex'.split(' ');
    // Once as a person types it, in its own process.
    const first = await rankscopeProcess(...args);
    expect(first.code).toBe(0);
    expect(first.stdout.match(/\\item \$A = /g)?.length).toBe(10);
    expect(first.stdout).toContain('\\begin{document}');
    const again = await rankscope(...args);
    expect(again.stdout).toBe(first.stdout);
  }, 180_000);

  it('gives exercises and project matrices as JSON', async () => {
    const { code, stdout } = await rankscope(
      'worksheet',
      '--rank',
      '2',
      '--shape',
      '3x3',
      '--count',
      '2',
      '--seed',
      '3',
      '--system',
      'inconsistent',
      '--json',
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.exercises).toHaveLength(2);
    expect(report.exercises[0]).toMatchObject({ rank: 2, system: 'inconsistent' });
    expect(report.matrices[0]).toMatchObject({ id: 'exercise-3-1', name: 'Exercise 1' });
    expect(report.matrices[0].rightHandSide).toHaveLength(3);
  });

  it.runIf(hasPdflatex && hasPdftotext)(
    'compiles the sheet and its answer key to PDF',
    async () => {
      const sheet = path.join(folder, 'sheet.pdf');
      const key = path.join(folder, 'key.pdf');
      const common = [
        ...'worksheet --rank 2 --shape 3x4 --count 10 --seed 7 --title'.split(' '),
        'Sheet 3',
      ];
      expect((await rankscope(...common, '--pdf', '--out', sheet)).code).toBe(0);
      expect(
        (await rankscope(...common, '--answers', '--fractions', '3', '--pdf', '--out', key)).code,
      ).toBe(0);
      const sheetText = pdfText(sheet);
      expect(sheetText).toContain('Sheet 3');
      expect(sheetText).toContain('10.');
      const keyText = pdfText(key);
      expect(keyText).toContain('Sheet 3: answers');
      expect(keyText).toContain('Exercise 10');
      expect(keyText.match(/Rank r = 2, nullity n − r = 2/g)?.length).toBe(10);
      expect(keyText).toContain('denominators up to 3');
    },
  );

  it('says in one line which option is impossible (exit 2)', async () => {
    const tooHigh = await rankscope('worksheet', '--rank', '4', '--shape', '3x4');
    expect(tooHigh.code).toBe(2);
    expect(tooHigh.stderr.trim()).toBe('rankscope: rank: a 3×4 matrix has rank at most 3');
    const badShape = await rankscope('worksheet', '--rank', '1', '--shape', 'three');
    expect(badShape.code).toBe(2);
    expect(badShape.stderr).toContain('--shape: "three" is not rows x columns');
    const noOut = await rankscope('worksheet', '--rank', '1', '--shape', '2x2', '--pdf');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('--pdf writes a file');
  });
});

describe('rankscope rref as lecture material', () => {
  it.runIf(hasPdflatex && hasPdftotext)(
    '--beamer --pdf: slides that compile, one page per step',
    async () => {
      const slides = path.join(folder, 'slides.pdf');
      const { code, stderr } = await rankscope(
        'rref',
        matrixFile,
        '--beamer',
        '--pdf',
        '--out',
        slides,
      );
      expect(stderr).toBe('');
      expect(code).toBe(0);
      // Title, eight steps, result, and the two subspace frames.
      expect(pdfPages(slides)).toBe(12);
      const text = pdfText(slides);
      expect(text).toContain('Row reduction of example');
      expect(text).toContain('Step 1 of 8');
      expect(text).toContain('make the pivot 1');
      expect(text).toContain('clear above the pivot in column 2');
      const overlays = path.join(folder, 'overlays.pdf');
      expect(
        (await rankscope('rref', matrixFile, '--beamer', '--overlays', '--pdf', '--out', overlays))
          .code,
      ).toBe(0);
      // One overlay page per step in the stepping frame.
      expect(pdfPages(overlays)).toBe(12);
    },
  );

  it('--beamer prints LaTeX; --pptx and --handout write their files', async () => {
    const tex = await rankscope('rref', matrixFile, '--beamer', '--title', 'Example 1');
    expect(tex.code).toBe(0);
    expect(tex.stdout).toContain('\\documentclass[aspectratio=169,xcolor=table]{beamer}');
    expect(tex.stdout).toContain('\\title{Row reduction of Example 1}');

    const deck = path.join(folder, 'deck.pptx');
    expect((await rankscope('rref', matrixFile, '--pptx', '--out', deck)).code).toBe(0);
    const files = unzipSync(new Uint8Array(readFileSync(deck)));
    const slides = Object.keys(files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
    expect(slides.length).toBe(11);
    expect(strFromU8(files['ppt/slides/slide2.xml'])).toContain('multiply row 1 by 1/2');

    const handout = path.join(folder, 'handout.pdf');
    expect(
      (await rankscope('rref', matrixFile, '--handout', '--paper', 'letter', '--out', handout))
        .code,
    ).toBe(0);
    expect(readFileSync(handout).subarray(0, 5).toString()).toBe('%PDF-');
    if (hasPdftotext) expect(pdfText(handout)).toContain('Step 8 of 8');
  });

  it('refuses what it cannot do, in one line', async () => {
    const noOut = await rankscope('rref', matrixFile, '--pptx');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr.trim()).toBe('rankscope: --pptx writes a file: give it with --out');
    const two = await rankscope(
      'rref',
      matrixFile,
      '--pptx',
      '--beamer',
      '--out',
      path.join(folder, 'x'),
    );
    expect(two.code).toBe(2);
    const big = path.join(folder, 'big.csv');
    writeFileSync(
      big,
      Array.from({ length: 31 }, (_, i) =>
        Array.from({ length: 31 }, (_, j) => (i * j) % 7).join(','),
      ).join('\n'),
    );
    const tooLarge = await rankscope('rref', big, '--beamer');
    expect(tooLarge.code).toBe(2);
    expect(tooLarge.stderr).toContain('steps are recorded only up to 30×30');
  });
});
