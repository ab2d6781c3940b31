// The lecture kit in the app: presenter mode driven by a clicker's keys, and the worksheet dialog
// making a sheet, its answer key and project matrices.
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, artifactsDir } from './app-fixture';
import { playedVideo, traceLatex } from './view-helpers';

const counter = (page: Page) => page.getByTestId('step-counter');

test.describe('presenter mode', () => {
  test('shows the view alone, larger, stepped by a clicker, with a black screen', async ({
    app,
  }) => {
    // Generous: a dozen steps, each waiting for a re-render, on a machine shared with others.
    test.setTimeout(120_000);
    const { page } = app;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole('tab', { name: 'Reduce' }).click();
    await expect(counter(page)).toHaveText('step 0 of 4');
    const before = await counter(page).evaluate(
      (element) => element.getBoundingClientRect().height,
    );

    await page.keyboard.press('F5');
    await expect(page.locator('.app.presenting')).toHaveCount(1);
    await expect(page.locator('.titlebar')).toBeHidden();
    await expect(page.getByRole('tablist', { name: 'Views' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Matrices' })).toBeHidden();
    await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeHidden();
    // Type for the back of a hall: 1920×1080 scales the view by 1.68.
    const after = await counter(page).evaluate((element) => element.getBoundingClientRect().height);
    expect(after / before).toBeGreaterThan(1.6);
    expect(after / before).toBeLessThan(1.75);
    await page.screenshot({ path: path.join(artifactsDir, 'presenter-start.png') });

    // A clicker's forward: Page Down, and Space, which outside presenter mode plays.
    await page.keyboard.press('PageDown');
    await expect(counter(page)).toHaveText('step 1 of 4');
    await page.keyboard.press('Space');
    await expect(counter(page)).toHaveText('step 2 of 4');
    await page.keyboard.press('PageUp');
    await expect(counter(page)).toHaveText('step 1 of 4');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await expect(counter(page)).toHaveText('step 3 of 4');
    await page.screenshot({ path: path.join(artifactsDir, 'presenter-step-3.png') });

    // B blacks the screen; the next forward press brings the view back without stepping.
    await page.keyboard.press('b');
    await expect(page.getByTestId('presenter-black')).toBeVisible();
    await page.screenshot({ path: path.join(artifactsDir, 'presenter-black.png') });
    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('presenter-black')).toHaveCount(0);
    await expect(counter(page)).toHaveText('step 3 of 4');
    // "." is the other black-screen key clickers send; B again lifts it.
    await page.keyboard.press('.');
    await expect(page.getByTestId('presenter-black')).toBeVisible();
    await page.keyboard.press('b');
    await expect(page.getByTestId('presenter-black')).toHaveCount(0);
    await page.keyboard.press('PageDown');
    await expect(counter(page)).toHaveText('step 4 of 4');

    // Esc leaves; the workbench is back as it was, on the same step.
    await page.keyboard.press('Escape');
    await expect(page.locator('.app.presenting')).toHaveCount(0);
    await expect(page.locator('.titlebar')).toBeVisible();
    await expect(page.getByRole('tablist', { name: 'Views' })).toBeVisible();
    await expect(counter(page)).toHaveText('step 4 of 4');
    // Out of presenter mode, B means nothing and Page Down does not step.
    await page.getByRole('button', { name: 'First step' }).click();
    await page.keyboard.press('b');
    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('presenter-black')).toHaveCount(0);
    await expect(counter(page)).toHaveText('step 0 of 4');

    // The Lecture menu starts it too, in the current view (here the Spectrum).
    await page.getByRole('tab', { name: 'Spectrum' }).click();
    await page.getByRole('button', { name: 'Lecture' }).click();
    await page.getByRole('menuitem', { name: 'Present' }).click();
    await expect(page.locator('.app.presenting')).toHaveCount(1);
    await expect(page.getByRole('region', { name: 'Spectrum' })).toBeVisible();
    await page.screenshot({ path: path.join(artifactsDir, 'presenter-spectrum.png') });
    await page.getByRole('button', { name: /Leave/ }).click();
    await expect(page.locator('.app.presenting')).toHaveCount(0);
  });

  test('draws the 3D scenes at the zoomed size, so they stay sharp on a projector', async ({
    app,
  }) => {
    test.setTimeout(120_000);
    const { page } = app;
    await page.setViewportSize({ width: 1920, height: 1080 });
    /** Backing-store pixels per drawn pixel: 1 is sharp, below 1 is upscaled and soft. */
    const sharpness = (testId: string) =>
      page.getByTestId(testId).evaluate((canvas: HTMLCanvasElement) => {
        const drawn = canvas.getBoundingClientRect().width * window.devicePixelRatio;
        return canvas.width / drawn;
      });
    for (const [view, testId] of [
      ['Subspaces', 'codomain-scene-canvas'],
      ['Grassmann', 'grassmann-sphere-canvas'],
    ] as const) {
      await page.getByRole('tab', { name: view, exact: true }).click();
      if (view === 'Grassmann')
        await page.getByLabel('Subspace B matrix').selectOption('exercise-b');
      await expect(page.getByTestId(testId)).toBeVisible();
      expect(await sharpness(testId)).toBeCloseTo(1, 1);
      await page.keyboard.press('F5');
      await expect(page.locator('.app.presenting')).toHaveCount(1);
      // The zoom is 1.68 here: the canvas is redrawn with that many more pixels each way.
      await expect.poll(() => sharpness(testId)).toBeGreaterThan(0.97);
      expect(await sharpness(testId)).toBeLessThan(1.03);
      await page.screenshot({
        path: path.join(artifactsDir, `presenter-${view.toLowerCase()}.png`),
      });
      await page.keyboard.press('Escape');
      await expect(page.locator('.app.presenting')).toHaveCount(0);
      await expect.poll(() => sharpness(testId)).toBeLessThan(1.03);
    }
  });
});

test.describe('the Reduce view as slides', () => {
  test('writes every file in the row notation the view is set to', async ({ app }) => {
    test.setTimeout(120_000);
    const { page } = app;
    await page.getByRole('tab', { name: 'Reduce' }).click();
    await page.getByTestId('row-notation').selectOption('target-last');
    await page.getByText('Slides, handout and interactive page').click();
    const save = async (button: string) => {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: button }).click();
      const file = path.join(artifactsDir, `notation-${(await download).suggestedFilename()}`);
      await (await download).saveAs(file);
      return readFileSync(file);
    };
    const tex = (await save('Save Beamer .tex')).toString('utf8');
    // The worked example's first step subtracts 2 times row 1 from row 2.
    expect(tex).toMatch(/\\xrightarrow\{R_2 - 2R_1 \\rightarrow R_2\}/);
    expect(tex).not.toMatch(/\\xrightarrow\{R_\d+ \\leftarrow/);
    const deck = unzipSync(new Uint8Array(await save('Save PowerPoint .pptx')));
    expect(strFromU8(deck['ppt/slides/slide2.xml'])).toContain('R₂ − 2R₁ → R₂');
    // The view's own LaTeX export says it the same way.
    await page.getByRole('button', { name: 'Last step' }).click();
    const latex = await traceLatex(page);
    expect(latex).toContain('\\xrightarrow{R_2 - 2R_1 \\rightarrow R_2}');
    // Back to the default: the files follow.
    await page.getByTestId('row-notation').selectOption('target-first');
    expect((await save('Save Beamer .tex')).toString('utf8')).toMatch(
      /\\xrightarrow\{R_2 \\leftarrow R_2 - 2R_1\}/,
    );
  });
});

test.describe('worksheet dialog', () => {
  test('makes a sheet and its key as PDF and LaTeX, and adds the exercises', async ({ app }) => {
    test.setTimeout(120_000);
    const { page } = app;
    await page.keyboard.press('Control+Shift+E');
    const dialog = page.getByRole('dialog', { name: 'Worksheet' });
    await expect(dialog).toBeVisible();
    const field = (label: string) => dialog.getByLabel(label, { exact: true });
    await field('Columns').fill('5');
    await field('Rank').fill('4');
    await expect(dialog.getByRole('alert')).toHaveText('rank: a 3×5 matrix has rank at most 3');
    await expect(dialog.getByRole('button', { name: 'Add to project' })).toBeDisabled();
    await field('Rank').fill('2');
    await field('Pivot columns').fill('1, 3');
    await field('System Ax = b').selectOption('free');
    await field('Exercises').fill('4');
    await field('Seed').fill('7');
    await expect(dialog.getByRole('figure', { name: 'First exercise' })).toContainText(
      'rank 2 · pivot columns 1, 3 · [A | b], free variables',
    );
    await page.screenshot({ path: path.join(artifactsDir, 'worksheet-dialog.png') });

    const save = async (button: string) => {
      const download = page.waitForEvent('download');
      await dialog.getByRole('button', { name: button }).click();
      const file = await download;
      const saved = path.join(artifactsDir, `worksheet-${file.suggestedFilename()}`);
      await file.saveAs(saved);
      return { name: file.suggestedFilename(), saved };
    };
    const sheetPdf = await save('Save the sheet as PDF');
    expect(sheetPdf.name).toBe('row-reduction-seed-7.pdf');
    expect(readFileSync(sheetPdf.saved).subarray(0, 5).toString()).toBe('%PDF-');
    const keyPdf = await save('Save the answer key as PDF');
    expect(keyPdf.name).toBe('row-reduction-seed-7-answers.pdf');
    const sheetTex = await save('Save the sheet as LaTeX');
    const tex = readFileSync(sheetTex.saved, 'utf8');
    expect(tex).toContain('\\documentclass');
    expect(tex.match(/\\item/g)?.length).toBe(4);
    const keyTex = readFileSync((await save('Save the answer key as LaTeX')).saved, 'utf8');
    expect(keyTex).toContain('rank');

    await dialog.getByRole('button', { name: 'Add to project' }).click();
    await expect(dialog.getByTestId('worksheet-status')).toHaveText(
      'Added Exercise 1 to Exercise 4 to the project.',
    );
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    const matrices = page.getByRole('navigation', { name: 'Matrices' });
    for (const name of ['Exercise 1', 'Exercise 4'])
      await expect(matrices.getByText(name, { exact: true })).toBeVisible();
    // The first exercise is selected: a 3×5 matrix of rank 2.
    await expect(page.getByTestId('rank-value')).toHaveText('2');
    // One undo takes all four away.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(matrices.getByText('Exercise 1', { exact: true })).toHaveCount(0);
  });
});

test.describe('motion export', () => {
  test('saves the reduction as a looping GIF and a WebM video of the chosen size', async ({
    app,
  }) => {
    test.setTimeout(150_000);
    const { page } = app;
    await page.getByRole('tab', { name: 'Reduce' }).click();
    await page.getByText('Slides, handout and interactive page').click();
    const motion = page.getByRole('group', { name: 'Motion' });
    await motion.getByLabel('Motion size').selectOption({ label: '640 × 360' });
    await motion.getByLabel('Seconds per step').selectOption('1');
    const save = async (button: string) => {
      const download = page.waitForEvent('download');
      await motion.getByRole('button', { name: button }).click();
      const file = await download;
      const saved = path.join(artifactsDir, `motion-${file.suggestedFilename()}`);
      await file.saveAs(saved);
      return saved;
    };

    const gif = readFileSync(await save('Save GIF'));
    expect(gif.subarray(0, 6).toString()).toBe('GIF89a');
    expect([gif.readUInt16LE(6), gif.readUInt16LE(8)]).toEqual([640, 360]);

    const webmFile = await save('Save WebM video');
    expect(readFileSync(webmFile).subarray(0, 4).toString('hex')).toBe('1a45dfa3');
    await expect(page.getByTestId('lecture-export-status')).toHaveText(
      'Saved worked-example-reduction-640x360.webm.',
    );
    // Chromium plays it: 640×360, five states of 1 s with the RREF held 2 s.
    const video = await playedVideo(page, webmFile);
    expect([video.width, video.height]).toEqual([640, 360]);
    expect(video.duration).toBeGreaterThan(5.5);
    expect(video.duration).toBeLessThan(6.5);
  });
});
