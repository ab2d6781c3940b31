// The projected 3D Subspaces view for matrices larger than 3×3, and LoRA factors as a subspace
// source in the Grassmann view. Structural checks: notice, labels with true dimensions, pixels,
// principal angles against scipy.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, artifactsDir } from './app-fixture';
import { nonBlankFraction, openView } from './view-helpers';

test('Exercise C (4×4, rank 3) is drawn projected, with its true dimensions', async ({ app }) => {
  const { page } = app;
  await page
    .getByRole('button', { name: /Exercise C/ })
    .first()
    .click();
  await openView(page, 'Subspaces');
  const notice = page.getByTestId('projection-notice');
  await expect(notice).toContainText('This 3D view is a projection');
  await expect(notice).toContainText('projected onto coordinates 1, 2, 3');
  // The unprojected labels of the small-matrix view are not shown.
  await expect(page.getByTestId('space-label')).toHaveCount(0);
  const labels = page.getByTestId('projected-space-label');
  await expect(labels).toHaveCount(4);

  await page.getByLabel('Domain z axis', { exact: true }).selectOption('4');
  await page.getByLabel('Codomain z axis', { exact: true }).selectOption('4');
  await expect(notice).toContainText('projected onto coordinates 1, 2, 4');
  await expect(
    page.getByText('Domain ℝ⁴ projected onto coordinates 1, 2, 4', { exact: true }),
  ).toBeVisible();
  const column = page.locator('[data-testid="projected-space-label"][data-space="column"]');
  const nullSpace = page.locator('[data-testid="projected-space-label"][data-space="null"]');
  await expect(column).toContainText('column space ⊂ ℝ⁴, dim 3 (projected');
  await expect(nullSpace).toContainText('null space ⊂ ℝ⁴, dim 1 (projected');
  // null(A) is spanned by (2, −1, 0, 0): on coordinates 1, 2, 4 its shadow is still a line.
  await expect(nullSpace).toContainText('seen as a line');
  await expect(
    page.locator('[data-testid="projected-space-label"][data-space="row"]'),
  ).toContainText('row space ⊂ ℝ⁴, dim 3 (projected');
  await expect(
    page.locator('[data-testid="projected-space-label"][data-space="leftNull"]'),
  ).toContainText('left null space ⊂ ℝ⁴, dim 1 (projected');
  // On coordinates 3 and 4 alone, the null space's shadow collapses to the origin.
  await page.getByLabel('Domain x axis', { exact: true }).selectOption('3');
  await page.getByLabel('Domain y axis', { exact: true }).selectOption('4');
  await expect(nullSpace).toContainText('dim 1 (projected: seen as the origin)');
  await page.getByLabel('Domain x axis', { exact: true }).selectOption('1');
  await page.getByLabel('Domain y axis', { exact: true }).selectOption('2');
  await page.waitForTimeout(1000);
  expect(await nonBlankFraction(page, 'projected-domain-scene-canvas')).toBeGreaterThan(0.01);
  expect(await nonBlankFraction(page, 'projected-codomain-scene-canvas')).toBeGreaterThan(0.01);
  await expect(page.getByTestId('big-picture')).toContainText('dim n − r = 1');
  await page.screenshot({ path: path.join(artifactsDir, 'view-subspaces-projected-light.png') });

  // The exported figure is the projected scenes with their labels and what they are projected onto.
  const panel = page.locator('details.export-panel');
  await panel.locator('summary').click();
  await page.getByLabel('Export format').selectOption('svg');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save figure' }).click();
  const download = await downloadPromise;
  const file = path.join(artifactsDir, `export-projected-${download.suggestedFilename()}`);
  await download.saveAs(file);
  const svg = readFileSync(file, 'utf8');
  // The projected scenes as vectors, not bitmaps.
  expect(svg).not.toContain('<image');
  expect(svg.match(/data-testid="scene-vectors"/g)).toHaveLength(2);
  expect(svg).toContain('null space ⊂ ℝ⁴, dim 1 (projected: seen as a line)');
  expect(svg).toContain('domain onto coordinates 1, 2, 4; codomain onto coordinates 1, 2, 4');
  await panel.locator('summary').click();

  // Onto the top three right singular vectors the 3-dimensional row space fills the picture and
  // the null space, orthogonal to all three, is the origin.
  await page.getByLabel('Top three singular directions').check();
  await expect(notice).toContainText('projected onto the top three right singular vectors');
  await expect(page.getByLabel('Domain z axis', { exact: true })).toHaveCount(0);
  await expect(
    page.locator('[data-testid="projected-space-label"][data-space="row"]'),
  ).toContainText('dim 3 (projected: seen as all of ℝ³)');
  await expect(nullSpace).toContainText('dim 1 (projected: seen as the origin)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(artifactsDir, 'view-subspaces-projected-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
});

test('Grassmann compares the column space of a LoRA update ΔW = BA', async ({ app }) => {
  const { page } = app;
  await openView(page, 'Grassmann');
  // B = worked example (3×3, rank 2), A = Exercise B (3×4): ΔW = BA is 3×4 of rank 2 with
  // col(ΔW) = col(B); against col(Exercise B) that is θ = 75.04°, 0° (scipy.linalg.subspace_angles).
  await page.getByLabel('Subspace A subspace').selectOption('lora-column');
  await page.getByLabel('Subspace A matrix').selectOption('worked-example');
  await page.getByLabel('Subspace A LoRA A').selectOption('exercise-b');
  await page.getByLabel('Subspace B subspace').selectOption('column');
  await page.getByLabel('Subspace B matrix').selectOption('exercise-b');
  await expect(page.getByTestId('angles-readout')).toContainText('θ = 75.04°, 0.00°');
  // The row space of ΔW lives in ℝ⁴: against a subspace of ℝ³ the view says so.
  await page.getByLabel('Subspace A subspace').selectOption('lora-row');
  await expect(page.getByText('The two subspaces live in different spaces')).toBeVisible();
  // Factors whose inner dimensions differ are refused with a sentence.
  await page.getByLabel('Subspace A LoRA A').selectOption('exercise-c');
  await expect(page.getByText(/ΔW = BA needs B's columns to equal A's rows/)).toBeVisible();
  await page.getByLabel('Subspace A LoRA A').selectOption('exercise-b');
  await page.getByLabel('Subspace A subspace').selectOption('lora-column');
  await expect(page.getByTestId('angles-readout')).toContainText('θ = 75.04°, 0.00°');
  await page.screenshot({ path: path.join(artifactsDir, 'view-grassmann-lora-light.png') });
});
