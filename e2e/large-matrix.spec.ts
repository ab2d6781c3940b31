// A matrix larger than the editor, end to end: a 200×150 CSV of rank 7 imported, kept as numbers
// (read-only preview), analysed by the inspector and every view, saved and opened again.
// The matrix is built from thin factors with known singular values, so the checks are exact facts.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, artifactsDir } from './app-fixture';
import { openView } from './view-helpers';

const rows = 200;
const cols = 150;
/** σ₁ … σ₇; the rest are zero, so the rank is 7 and ‖A − A₃‖₂ = σ₄ = 20. */
const singularValues = [70, 50, 30, 20, 10, 5, 2];
const shotsDir = '/tmp/shots-dense';

/** Column k of the orthonormal DCT-II basis of ℝⁿ (k < n). */
function cosineVector(n: number, k: number): number[] {
  const scale = Math.sqrt((k === 0 ? 1 : 2) / n);
  return Array.from({ length: n }, (_, i) => scale * Math.cos((Math.PI * (i + 0.5) * k) / n));
}

/** A = B·C with B = U·Σ (200×7) and C = Vᵀ (7×150), U and V orthonormal cosine columns. */
function rankSevenMatrix(): number[][] {
  // Skip the constant vector so no entry pattern is trivially repeated.
  const left = singularValues.map((_, k) => cosineVector(rows, k + 1));
  const right = singularValues.map((_, k) => cosineVector(cols, 2 * k + 1));
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) =>
      singularValues.reduce((sum, sigma, k) => sum + sigma * left[k][i] * right[k][j], 0),
    ),
  );
}

/** Four significant digits, as the editor's preview writes them. */
function previewText(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e5) return Number(value.toPrecision(4)).toString();
  return value.toExponential(2);
}

async function shootBothThemes(page: Page, name: string) {
  mkdirSync(shotsDir, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(scheme === 'dark' ? 300 : 150);
    const file = path.join(artifactsDir, `large-${name}-${scheme}.png`);
    await page.screenshot({ path: file });
    copyFileSync(file, path.join(shotsDir, path.basename(file)));
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const slow = { timeout: 60_000 };

test.describe('a matrix larger than the editor', () => {
  test('imports as numbers, works in every view, and survives save and reopen', async ({ app }) => {
    test.skip(
      app.host === 'electron',
      'native dialogs cannot be driven here; the web host prompts for paths',
    );
    test.setTimeout(240_000);
    let page = app.page;
    const matrix = rankSevenMatrix();
    const csvFile = path.join(app.folder, 'rank-seven.csv');
    // 17 significant digits: every float64 reads back exactly.
    writeFileSync(
      csvFile,
      matrix.map((row) => row.map((value) => value.toPrecision(17)).join(',')).join('\n') + '\n',
    );

    await page.getByLabel('Import matrix files').setInputFiles(csvFile);
    await expect(
      page.getByText('Imported rank-seven.csv (200×150, kept as numbers: larger than the editor)'),
    ).toBeVisible(slow);
    const item = page.getByRole('button', { name: /rank-seven/ }).first();
    await expect(item).toContainText('200×150');

    // The editor: no grid, a sentence, and a read-only preview of the top-left 64×64 block.
    await expect(page.getByTestId('dense-sentence')).toHaveText(
      "A 200×150 matrix kept as numbers; it is larger than the editor's 64×64, so it is read-only. Every view works on it.",
    );
    await expect(page.getByRole('grid')).toHaveCount(0);
    const preview = page.getByTestId('dense-preview');
    await expect(preview.locator('tbody tr')).toHaveCount(64, slow);
    await expect(preview.locator('tbody tr').first().locator('td')).toHaveCount(64);
    await expect(page.getByTestId('dense-preview-caption')).toContainText(
      'top-left 64×64 block of 200×150',
    );
    // Entries (1,1), (2,1) and (1,2): the column-major numbers land in the right cells.
    const firstRow = preview.locator('tbody tr').nth(0).locator('td');
    await expect(firstRow.nth(0)).toHaveText(previewText(matrix[0][0]));
    await expect(firstRow.nth(1)).toHaveText(previewText(matrix[0][1]));
    await expect(preview.locator('tbody tr').nth(1).locator('td').nth(0)).toHaveText(
      previewText(matrix[1][0]),
    );

    // The inspector: a numerical rank of 7, nullity 143.
    await expect(page.getByTestId('rank-value')).toHaveText('7', slow);
    await expect(page.getByTestId('rank-kind')).toContainText('numerical');
    await expect(page.getByTestId('nullity-value')).toHaveText('143');
    await expect(page.getByTestId('inspector-rank-nullity')).toHaveText('7 + 143 = 150');
    await shootBothThemes(page, 'editor');

    // A matrix kept as numbers exports from them: its CSV has 200 lines of 150 numbers.
    const csvDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save file' }).click();
    const exported = path.join(app.folder, 'exported.csv');
    await (await csvDownload).saveAs(exported);
    const lines = readFileSync(exported, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(rows);
    expect(lines[0].split(',')).toHaveLength(cols);
    expect(Number(lines[1].split(',')[0])).toBeCloseTo(matrix[1][0], 12);
    await page.getByLabel('Export format').selectOption('latex');
    await expect(
      page.getByRole('status').filter({ hasText: 'LaTeX is for matrices' }),
    ).toBeVisible();
    await page.getByLabel('Export format').selectOption('csv');

    // Reduce: no exact trace of a floating-point matrix this size, and it says where to look.
    await openView(page, 'Reduce');
    await expect(page.getByTestId('dense-reduce-note')).toContainText('Spectrum');
    await shootBothThemes(page, 'reduce');

    // Spectrum: 150 singular values, numerical rank 7.
    await openView(page, 'Spectrum');
    await expect(page.getByTestId('scree-marks')).toHaveAttribute('data-count', '150', slow);
    await expect(page.getByTestId('spectrum-rank')).toHaveText('7');
    await shootBothThemes(page, 'spectrum');

    // Approximate: at r = 3 the residual's norm is σ₄ = 20, read both ways.
    await openView(page, 'Approximate');
    const slider = page.getByLabel('Rank r');
    await expect(slider).toHaveAttribute('max', '150', slow);
    await slider.fill('3');
    await expect(page.getByTestId('rank-r')).toHaveText('3');
    await expect(page.getByTestId('sigma-next')).toHaveText('20', slow);
    await expect(page.getByTestId('spectral-error')).toHaveText('20', slow);
    await shootBothThemes(page, 'approximate');

    // Subspaces: the big picture with the true dimensions.
    await openView(page, 'Subspaces');
    await expect(page.getByTestId('big-picture')).toContainText('dim n − r = 143', slow);
    await expect(page.getByTestId('big-picture')).toContainText('dim m − r = 193');
    await shootBothThemes(page, 'subspaces');

    // Grassmann: the top-3 left singular vectors lie inside the column space: three 0° angles.
    await openView(page, 'Grassmann');
    const id = await page.getByLabel('Subspace A matrix').inputValue();
    await page.getByLabel('Subspace B matrix').selectOption(id);
    await page.getByLabel('Subspace B subspace').selectOption('top-left');
    await page.getByLabel('Subspace B k').fill('3');
    await expect(page.getByTestId('angles-readout')).toContainText('θ = 0.00°, 0.00°, 0.00°', slow);
    await shootBothThemes(page, 'grassmann');

    // The Lab's pickers offer it with its size, and read its numbers when chosen.
    await page.getByRole('tab', { name: 'Lab', exact: true }).click();
    await page
      .getByRole('group', { name: 'Lab sections' })
      .getByRole('button', { name: 'LoRA', exact: true })
      .click();
    await page.getByLabel('first', { exact: true }).selectOption({ label: 'rank-seven (200×150)' });
    await page
      .getByLabel('second', { exact: true })
      .selectOption({ label: 'rank-seven (200×150)' });
    await expect(page.getByTestId('similarity-heatmap')).toHaveCount(1, slow);
    await page.getByTestId('similarity-heatmap').scrollIntoViewIfNeeded();
    await shootBothThemes(page, 'lab');

    // Save, start again, open the file: the matrix and its numbers come back.
    const file = path.join(app.folder, 'large.rankscope');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Save project as' });
    await dialog.getByLabel('File path').fill(file);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Saved large.rankscope')).toBeVisible(slow);
    expect(existsSync(file)).toBe(true);

    // A new host too where it can be had, so the numbers must come from the file.
    page = app.crashAndRestart ? await app.crashAndRestart() : await app.restart();
    await expect(page.getByRole('button', { name: /rank-seven/ })).toHaveCount(0);
    await page.getByRole('button', { name: 'Open…' }).click();
    const open = page.getByRole('dialog', { name: 'Open project' });
    await open.getByLabel('File path').fill(file);
    await open.getByRole('button', { name: 'Open' }).click();
    const reopened = page.getByRole('button', { name: /rank-seven/ }).first();
    await expect(reopened).toContainText('200×150', slow);
    await reopened.click();
    await expect(page.getByTestId('rank-value')).toHaveText('7', slow);
    await expect(
      page.getByTestId('dense-preview').locator('tbody tr').first().locator('td').first(),
    ).toHaveText(previewText(matrix[0][0]));
    await openView(page, 'Spectrum');
    await expect(page.getByTestId('scree-marks')).toHaveAttribute('data-count', '150', slow);
    await shootBothThemes(page, 'reopened-spectrum');
  });

  test('a pasted matrix larger than the editor is kept as read-only numbers', async ({ app }) => {
    test.skip(
      app.host === 'electron',
      'native dialogs cannot be driven here; the web host prompts for paths',
    );
    const { page } = app;
    // 70×66 of rank 2: row i is (i+1)·u + v with u = (1, 2, …) and v = (1, 0, 1, 0, …).
    const text = Array.from({ length: 70 }, (_, i) =>
      Array.from({ length: 66 }, (_, j) => (i + 1) * (j + 1) + (j % 2 === 0 ? 1 : 0)).join('\t'),
    ).join('\n');
    await page.getByRole('button', { name: 'Paste matrix…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste a matrix' });
    await dialog.getByLabel('Matrix text').fill(text);
    await expect(dialog.getByText(/70×66 — larger than the editor/)).toBeVisible();
    await dialog.getByRole('button', { name: 'Add matrix' }).click();
    const item = page.getByRole('listitem').filter({ hasText: 'Pasted matrix' });
    await expect(item).toContainText('70×66');
    await expect(page.getByText('read-only', { exact: true })).toBeVisible();
    await expect(page.getByTestId('rank-value')).toHaveText('2', slow);
    // The host holds the numbers: the project saves with them.
    const file = path.join(app.folder, 'pasted.rankscope');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const saveDialog = page.getByRole('dialog', { name: 'Save project as' });
    await saveDialog.getByLabel('File path').fill(file);
    await saveDialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Saved pasted.rankscope')).toBeVisible(slow);
    expect(existsSync(file)).toBe(true);
  });
});
