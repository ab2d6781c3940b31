import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, artifactsDir } from './app-fixture';
import { traceLatex } from './view-helpers';

/** The entries shown by a matrix display, row by row, as exact text. */
async function shownMatrix(page: Page, testId: string): Promise<string[][]> {
  const display = page.getByTestId(testId);
  const rows = Number(await display.getAttribute('data-rows'));
  const cols = Number(await display.getAttribute('data-cols'));
  const values = await display
    .locator('[data-value]')
    .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-value') ?? ''));
  return Array.from({ length: rows }, (_, i) => values.slice(i * cols, (i + 1) * cols));
}

async function openReduce(page: Page) {
  await page.getByRole('tab', { name: 'Reduce' }).click();
  await expect(page.getByTestId('reduce-matrix')).toBeVisible();
}

const workedExample = [
  ['1', '2', '3'],
  ['2', '4', '6'],
  ['1', '3', '4'],
];
const workedRref = [
  ['1', '0', '1'],
  ['0', '1', '1'],
  ['0', '0', '0'],
];

test.describe('reduce view', () => {
  // A test that passes while the page throws (React's "maximum update depth", #185, once did
  // here as 144 cells were typed in one task) hides a broken page: none may throw.
  test.afterEach(({ app }) => {
    expect(app.pageErrors, 'uncaught errors in the page').toEqual([]);
  });

  test('steps to the RREF and back, with the step explained', async ({ app }) => {
    const { page } = app;
    await openReduce(page);
    await expect(page.getByTestId('step-counter')).toHaveText('step 0 of 4');
    expect(await shownMatrix(page, 'reduce-matrix')).toEqual(workedExample);
    await expect(page.getByTestId('arithmetic')).toContainText('Exact');
    await page.screenshot({ path: path.join(artifactsDir, 'reduce-start.png') });

    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(page.getByTestId('step-counter')).toHaveText('step 1 of 4');
    await expect(page.getByTestId('step-explanation')).toContainText('R₂ ← R₂ − 2R₁');
    await expect(page.getByTestId('step-explanation')).toContainText(
      'clear below the pivot in column 1',
    );
    expect(await shownMatrix(page, 'reduce-matrix')).toEqual([
      ['1', '2', '3'],
      ['0', '0', '0'],
      ['1', '3', '4'],
    ]);
    await page.getByRole('button', { name: 'Next step' }).click();
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect(page.getByTestId('step-counter')).toHaveText('step 3 of 4');
    await expect(page.getByTestId('step-explanation')).toContainText('swap rows 2 and 3', {
      ignoreCase: true,
    });
    await expect(page.locator('[data-testid="reduce-matrix"] .pivot-cell')).toHaveAttribute(
      'data-row',
      '1',
    );
    await page.getByRole('button', { name: 'Elementary matrices' }).click();
    await page.getByRole('button', { name: '[A | b]' }).click();
    await page.getByRole('button', { name: 'PA = LU' }).click();
    await page.screenshot({ path: path.join(artifactsDir, 'reduce-middle.png'), fullPage: true });

    // The answer waits for the last step (or for "Show the answer").
    await expect(page.getByTestId('reduce-rank')).toHaveCount(0);
    await expect(page.getByTestId('show-answer')).toBeVisible();
    await page.getByRole('button', { name: 'Last step' }).click();
    await expect(page.getByTestId('step-counter')).toHaveText('step 4 of 4');
    expect(await shownMatrix(page, 'reduce-matrix')).toEqual(workedRref);
    await expect(page.getByTestId('reduce-rank')).toHaveText('2');
    await expect(page.getByTestId('rank-nullity')).toContainText('rank 2 + nullity 1 = 3 = n');
    // b starts as the row sums (6, 12, 8), which always has a solution.
    await expect(page.getByTestId('system-reading')).toContainText('Infinitely many solutions');
    // E·A = R: the running product after the last step.
    expect(await shownMatrix(page, 'running-product')).toEqual([
      ['3', '0', '-2'],
      ['-1', '0', '1'],
      ['-2', '1', '0'],
    ]);
    await page.screenshot({ path: path.join(artifactsDir, 'reduce-end.png'), fullPage: true });
    await page.getByRole('textbox', { name: 'Right-hand side b' }).fill('1, 1, 1');
    await expect(page.getByTestId('system-reading')).toContainText('No solution: row 3 reads');
    // [R | Eb] with Eb = (1, 0, −1): the zero third row of R meets −1.
    expect((await shownMatrix(page, 'augmented-system')).map((row) => row[3])).toEqual([
      '1',
      '0',
      '-1',
    ]);

    await page.getByRole('button', { name: 'First step' }).click();
    await expect(page.getByTestId('step-counter')).toHaveText('step 0 of 4');
    expect(await shownMatrix(page, 'reduce-matrix')).toEqual(workedExample);

    await page.getByRole('slider', { name: 'Step' }).fill('2');
    await expect(page.getByTestId('step-counter')).toHaveText('step 2 of 4');
  });

  test('keyboard stepping: arrows, Home/End, Space plays', async ({ app }) => {
    const { page } = app;
    await openReduce(page);
    await page.getByRole('group', { name: /Matrix after/ }).click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('step-counter')).toHaveText('step 2 of 4');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('step-counter')).toHaveText('step 1 of 4');
    await page.keyboard.press('End');
    await expect(page.getByTestId('step-counter')).toHaveText('step 4 of 4');
    await page.keyboard.press('Home');
    await expect(page.getByTestId('step-counter')).toHaveText('step 0 of 4');
    await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: 'Very fast' });
    await page.getByRole('group', { name: /Matrix after/ }).click();
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect(page.getByTestId('step-counter')).toHaveText('step 4 of 4');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  });

  test('manual reduction with typed commands, an undo in the middle, and refused operations', async ({
    app,
  }) => {
    const { page } = app;
    await openReduce(page);
    await page.getByRole('radio', { name: 'Manual' }).check();
    const command = page.getByRole('textbox', { name: 'Row operation' });
    const feedback = page.getByTestId('manual-feedback');

    await command.fill('R2 <- R2 - 2R1');
    await command.press('Enter');
    await expect(feedback).toContainText('R₂ ← R₂ − 2R₁');
    // The other textbook convention, typed in ASCII, reads as the same kind of operation; with the
    // notation set to it, the list writes every operation that way.
    await command.fill('R3 - R1 -> R3');
    await command.press('Enter');
    await page.getByTestId('row-notation').selectOption('target-last');
    await expect(
      page.getByRole('list', { name: 'Operations so far' }).getByRole('listitem'),
    ).toHaveText(['R₂ − 2R₁ → R₂', 'R₃ − R₁ → R₃']);
    await page.getByTestId('row-notation').selectOption('target-first');

    // Refused operations leave the matrix and the list alone.
    const before = await shownMatrix(page, 'manual-matrix');
    await command.fill('R2 *= 0');
    await command.press('Enter');
    await expect(feedback).toContainText('scaling by 0 is not allowed');
    await command.fill('R1 <- R1 + 5R2');
    await command.press('Enter');
    await expect(feedback).toContainText('this row is already zero');
    await command.fill('R9 <-> R1');
    await command.press('Enter');
    await expect(feedback).toContainText('row 9 does not exist');
    await command.fill('banana');
    await command.press('Enter');
    await expect(feedback).toContainText('is not a row operation');
    expect(await shownMatrix(page, 'manual-matrix')).toEqual(before);
    await expect(
      page.getByRole('list', { name: 'Operations so far' }).getByRole('listitem'),
    ).toHaveCount(2);

    await command.fill('R2 <-> R3');
    await command.press('Enter');
    await expect(page.getByTestId('rref-status')).toContainText(
      'not yet in RREF: column 2 has a non-zero above its pivot',
    );
    // A wrong step, undone, then the right one.
    await command.fill('R1 <- R1 - 3R2');
    await command.press('Enter');
    await expect(
      page.getByRole('list', { name: 'Operations so far' }).getByRole('listitem'),
    ).toHaveCount(4);
    await page.getByRole('button', { name: 'Undo operation' }).click();
    await expect(
      page.getByRole('list', { name: 'Operations so far' }).getByRole('listitem'),
    ).toHaveCount(3);
    await page.getByRole('button', { name: 'Redo operation' }).click();
    await expect(
      page.getByRole('list', { name: 'Operations so far' }).getByRole('listitem'),
    ).toHaveCount(4);
    await page.getByRole('button', { name: 'Undo operation' }).click();
    await page.getByRole('button', { name: 'Hint' }).click();
    await expect(feedback).toContainText('Hint: R₁ ← R₁ − 2R₂');
    await command.fill('R1 <- R1 - 2R2');
    await command.press('Enter');
    await expect(page.getByTestId('rref-status')).toHaveText('In reduced row echelon form.');
    expect(await shownMatrix(page, 'manual-matrix')).toEqual(workedRref);
    await expect(page.getByRole('button', { name: 'Redo operation' })).toBeDisabled();

    // The session is in the project document: switching away and back keeps it.
    await page.getByRole('tab', { name: 'Editor' }).click();
    await page.getByRole('tab', { name: 'Reduce' }).click();
    await page.getByRole('radio', { name: 'Manual' }).check();
    expect(await shownMatrix(page, 'manual-matrix')).toEqual(workedRref);
    await page.screenshot({ path: path.join(artifactsDir, 'reduce-manual.png'), fullPage: true });
  });

  test('LaTeX export keeps fractions and the operations on the arrows', async ({ app }) => {
    const { page } = app;
    // Make the first pivot 2, so the reduction scales by 1/2.
    await page.getByLabel('row 1, column 1', { exact: true }).fill('2');
    await page.getByLabel('row 3, column 3', { exact: true }).fill('5/3');
    await openReduce(page);
    await page.getByRole('button', { name: 'Last step' }).click();
    const latex = await traceLatex(page);
    expect(latex).toContain('\\begin{align*}');
    expect(latex).toContain('\\frac{1}{2}');
    expect(latex).toContain('\\xrightarrow{R_1 \\leftarrow \\frac{1}{2}R_1}');
    expect(latex).toContain('\\xrightarrow{R_2 \\leftarrow R_2 - \\frac{3}{2}R_3}');
    expect(latex).toContain('\\xrightarrow{R_2 \\leftarrow R_2 - 2R_1}');

    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save .tex' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/\.tex$/);
    const saved = readFileSync((await download.path())!, 'utf8');
    expect(saved).toContain('\\documentclass{article}');
    expect(saved).toContain('\\frac{1}{2}');
    expect(saved).toContain('\\xrightarrow{');

    await page.getByRole('radio', { name: 'Current step' }).check();
    const stepLatex = await page.getByRole('textbox', { name: 'LaTeX' }).inputValue();
    expect(stepLatex).toContain('\\xrightarrow{');

    const svgDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save SVG' }).click();
    const svg = readFileSync((await (await svgDownload).path())!, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    const pngDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save PNG' }).click();
    const png = readFileSync((await (await pngDownload).path())!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  test('decimals read as floating data reduce in floating point; as written, exactly', async ({
    app,
  }) => {
    const { page } = app;
    // numpy's B·C (4×2 times 2×3) printed with 17 digits: matrix_rank 2, σ₃ = 3.4e−17; the
    // decimals as written have exact rank 3. Typed long decimals are read as floating data.
    const cells = [
      ['0.1060129115811963', '0.030728757196681722', '-0.2773705953081361'],
      ['-0.18290821743488578', '0.07621458849646964', '0.6943829977375636'],
      ['-0.13011384790854552', '0.1775781330141728', '0.6999785615013551'],
      ['0.44870233602883874', '0.1039601878092094', '-1.2175665934174'],
    ];
    await page.getByRole('button', { name: 'New matrix' }).click();
    await page.getByRole('button', { name: 'Add row' }).click();
    for (const [i, row] of cells.entries()) {
      for (const [j, cell] of row.entries()) {
        await page.getByLabel(`row ${i + 1}, column ${j + 1}`, { exact: true }).fill(cell);
      }
    }
    await expect(page.getByTestId('rank-value')).toHaveText('2');
    await openReduce(page);
    await expect(page.getByTestId('arithmetic')).toContainText(
      'the decimals are read as floating data',
    );
    const note = page.getByTestId('reading-note');
    await expect(note).toContainText('Reducing the decimals as floating data');
    await expect(note).toContainText('as the decimals written, 3');
    await page.getByRole('button', { name: 'Last step' }).click();
    await expect(page.getByTestId('reduce-rank')).toHaveText('2');
    await expect(page.getByTestId('reduce-nullity')).toHaveText('1');
    await page.screenshot({ path: path.join(artifactsDir, 'reduce-floating-decimals.png') });

    // The switch reads them as written (undoable, as the inspector's): exact steps, rank 3, and
    // the line says what floating data would give.
    await page.getByTestId('reduce-reading-exact').click();
    await expect(page.getByTestId('arithmetic')).toContainText('Exact arithmetic');
    await expect(note).toContainText(
      'Reducing the decimals as written, exactly; as floating data the rank is 2 — see Spectrum.',
    );
    await expect(page.getByTestId('rank-value')).toHaveText('3');
    await page.getByRole('button', { name: 'Last step' }).click();
    await expect(page.getByTestId('reduce-rank')).toHaveText('3');
    await page.screenshot({ path: path.join(artifactsDir, 'reduce-exact-decimals.png') });
    await page.getByTestId('reduce-reading-floating').click();
    await expect(page.getByTestId('arithmetic')).toContainText('floating data');
  });

  test('a 12×12 fraction matrix steps within a frame', async ({ app }) => {
    // Timing on a busy machine can be slow; the test measures, it does not race.
    test.setTimeout(180_000);
    const { page } = app;
    await page.getByRole('button', { name: 'New matrix' }).click();
    for (let k = 0; k < 9; k++) {
      await page.getByRole('button', { name: 'Add row' }).click();
      await page.getByRole('button', { name: 'Add column' }).click();
    }
    // Typing 144 cells one by one is slow; set them as input events, as typing would.
    await page.evaluate(() => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      for (let i = 0; i < 12; i++) {
        for (let j = 0; j < 12; j++) {
          const numerator = ((i * 7 + j * 3 + i * j) % 11) - 5;
          const denominator = ((i + 2 * j) % 5) + 2;
          const input = document.querySelector<HTMLInputElement>(
            `input[aria-label="row ${i + 1}, column ${j + 1}"]`,
          )!;
          setValue.call(input, `${numerator}/${denominator}`);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
      }
    });
    await expect(page.getByLabel('row 12, column 12', { exact: true })).toHaveValue('-5/5');
    await openReduce(page);
    await expect(page.getByTestId('reduce-matrix')).toHaveAttribute('data-rows', '12');
    const timings = await page.evaluate(async () => {
      const button = [...document.querySelectorAll('button')].find(
        (candidate) => candidate.getAttribute('aria-label') === 'Next step',
      )!;
      const frame = () =>
        new Promise<void>((resolve) =>
          requestAnimationFrame(() => {
            // The frame is painted once the task after this animation frame runs.
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve();
            channel.port2.postMessage(null);
          }),
        );
      const durations: number[] = [];
      const renders: number[] = [];
      for (let k = 0; k < 10; k++) {
        await frame();
        performance.mark('reduce-next-click');
        button.click();
        await frame();
        // The view marks "reduce-step-committed" when React has committed the new step.
        renders.push(
          performance.measure('reduce-render', 'reduce-next-click', 'reduce-step-committed')
            .duration,
        );
        performance.mark('reduce-painted');
        durations.push(
          performance.measure('reduce-step', 'reduce-next-click', 'reduce-painted').duration,
        );
      }
      // For scale: the same wait with nothing to draw (what this machine's frames cost anyway).
      const idle: number[] = [];
      for (let k = 0; k < 10; k++) {
        await frame();
        const start = performance.now();
        await frame();
        idle.push(performance.now() - start);
      }
      return { durations, renders, idle };
    });
    const sorted = [...timings.durations].sort((a, b) => a - b);
    const medianOf = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const renderMedian = medianOf(timings.renders);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(
      `Reduce view, 12×12 fractions: "Next step" to painted frame, min ${sorted[0].toFixed(1)} ms, median ${median.toFixed(1)} ms, ` +
        `max ${sorted[sorted.length - 1].toFixed(1)} ms over ${sorted.length} steps (React render and commit: median ${renderMedian.toFixed(1)} ms; ` +
        `an idle frame here: min ${Math.min(...timings.idle).toFixed(1)} ms, median ${medianOf(timings.idle).toFixed(1)} ms)`,
    );
    await expect(page.getByTestId('step-counter')).toHaveText(/^step 10 of \d+$/);
    await page.screenshot({ path: path.join(artifactsDir, 'reduce-12x12.png'), fullPage: true });
    expect(median).toBeGreaterThan(0);
  });
});
