// The Lab: the example model it opens on (read by the host), its table against the ranks numpy
// recorded, sorting, a row's scree plot, the CSV export, the LoRA
// calculator's chapter example and the attention demo's rank = d_k.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, artifactsDir } from './app-fixture';

const weightsFolder = path.resolve(import.meta.dirname, '../assets/weights');
const expected = JSON.parse(
  readFileSync(path.join(weightsFolder, 'tiny-model.expected.json'), 'utf8'),
) as {
  tensors: {
    name: string;
    dtype: string;
    shape: number[];
    skipped?: boolean;
    rows?: number;
    cols?: number;
    rank?: number;
  }[];
};
const matrices = expected.tensors.filter((tensor) => !tensor.skipped);

async function openLab(page: Page, section: string) {
  await page.getByRole('tab', { name: 'Lab', exact: true }).click();
  await page
    .getByRole('group', { name: 'Lab sections' })
    .getByRole('button', { name: section, exact: true })
    .click();
}

async function columnTexts(page: Page, column: string): Promise<string[]> {
  return page.locator(`[data-testid="weight-row"] td[data-column="${column}"]`).allInnerTexts();
}

// Jobs run on the host's worker pool; on a loaded two-core machine the first ones take a while.
const slow = { timeout: 60_000 };

test.describe('lab', () => {
  test.describe.configure({ timeout: 180_000 });
  test('weight table: the example model opens filled, ranks as numpy says, sorting, a row’s spectrum and the CSV', async ({
    app,
  }) => {
    const { page } = app;
    await openLab(page, 'Weights');
    // The Lab opens on the example model shipped with the app; it is tiny, so both passes run.
    const rows = page.getByTestId('weight-row');
    await expect(rows).toHaveCount(matrices.length, slow);
    await expect(page.locator('[data-testid="weight-row"][data-passes="quick full"]')).toHaveCount(
      matrices.length,
      slow,
    );
    await expect(page.getByTestId('weights-progress')).toHaveCount(0);
    await expect(page.getByTestId('weights-summary')).toContainText('tiny-model.safetensors');
    for (const tensor of matrices) {
      const row = page.locator(`[data-testid="weight-row"][data-name="${tensor.name}"]`);
      await expect(row.locator('td[data-column="rank"]')).toHaveText(String(tensor.rank));
      await expect(row.locator('td[data-column="dtype"]')).toHaveText(tensor.dtype);
      await expect(row.locator('td[data-column="shape"]')).toContainText(tensor.shape.join('×'));
    }
    // The 4-D kernel says how it was reshaped; the bias is listed as not a matrix.
    await expect(page.locator('[data-name="conv.weight"] td[data-column="shape"]')).toHaveAttribute(
      'title',
      /reshaped to 16×72/,
    );
    await expect(page.getByTestId('weights-skipped')).toContainText('layers.0.mlp.up.bias');
    await page.screenshot({ path: path.join(artifactsDir, 'lab-weights-table.png') });

    // Sort by effective rank: descending first, then ascending.
    const header = page.getByRole('columnheader', { name: /effective rank/ });
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    const descending = (await columnTexts(page, 'effectiveRank')).map(Number);
    expect(descending).toHaveLength(matrices.length);
    expect([...descending].sort((a, b) => b - a)).toEqual(descending);
    expect(descending[0]).toBeGreaterThan(descending[descending.length - 1]);
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    const ascending = (await columnTexts(page, 'effectiveRank')).map(Number);
    expect([...ascending].sort((a, b) => a - b)).toEqual(ascending);

    // The filter narrows the rows.
    await page.getByLabel('Filter tensors').fill('attention');
    await expect(rows).toHaveCount(2);
    await page.getByLabel('Filter tensors').fill('');
    await expect(rows).toHaveCount(matrices.length);

    // A row's scree plot: one mark per singular value, with the energy curve and the rank marker.
    await page.locator('[data-testid="weight-row"][data-name="conv.weight"]').click();
    const spectrum = page.getByTestId('tensor-spectrum');
    await expect(spectrum).toContainText('conv.weight');
    await expect(spectrum.getByTestId('scree-marks')).toHaveAttribute('data-count', '16');
    await expect(spectrum.getByTestId('energy-curve')).toHaveCount(1);
    await expect(spectrum.getByTestId('marker-rank')).toHaveCount(1);
    await expect(spectrum).toContainText('Rank 4');
    await spectrum.scrollIntoViewIfNeeded();
    await page.screenshot({
      path: path.join(artifactsDir, 'lab-weights-spectrum.png'),
      fullPage: true,
    });

    // The noise policy re-decides ranks from the same singular values: the noisy layer drops to its planted rank.
    await page.getByLabel('Weight rank policy').selectOption('noise');
    await expect(
      page.locator('[data-name="layers.1.noisy.weight"] td[data-column="rank"]'),
    ).toHaveText('5', slow);
    await page.getByLabel('Weight rank policy').selectOption('default');

    // CSV: every column with its pass, one line per matrix.
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe('tiny-model-ranks.csv');
    const file = path.join(artifactsDir, `lab-${download.suggestedFilename()}`);
    await download.saveAs(file);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(
      'name,shape,dtype,bytes,sigmaMax (quick),frobeniusNorm (quick),stableRank (quick),noiseRank (quick),rank (full),effectiveRank (full),condition (full),energyRank90 (full),energyRank95 (full),energyRank99 (full),factorParameters (full)',
    );
    expect(lines).toHaveLength(matrices.length + 1);
    const conv = lines.find((line) => line.startsWith('conv.weight,'))!;
    expect(conv.split(',').slice(0, 3)).toEqual(['conv.weight', '16×8×3×3', 'F32']);
    expect(conv.split(',')[8]).toBe('4');
    expect(conv.split(',')[14]).toBe(String(4 * (16 + 72)));

    // A row opens in the other views: a tensor that fits the project (64×48) joins it, selected,
    // and its "Spectrum" button lands on the Spectrum tab with its 48 singular values.
    await page
      .locator('[data-testid="weight-row"][data-name="layers.0.attention.query.weight"]')
      .getByRole('button', { name: 'Spectrum', exact: true })
      .click();
    await expect(page.getByRole('tab', { name: 'Spectrum', exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
      slow,
    );
    await expect(page.getByRole('tabpanel')).toContainText('64 × 48, 48 singular values', slow);
    await expect(page.getByTestId('scree-marks')).toHaveAttribute('data-count', '48', slow);
    await expect(page.getByTestId('spectrum-rank')).toHaveText('6');
    await expect(page.getByRole('navigation', { name: 'Matrices' })).toContainText(
      'layers.0.attention.query.weight',
    );
    await page.screenshot({ path: path.join(artifactsDir, 'lab-row-spectrum.png') });

    // "Approximate" on a 40×40 tensor lands on the Approximate view with it selected.
    await page.getByRole('tab', { name: 'Lab', exact: true }).click();
    await page
      .locator('[data-testid="weight-row"][data-name="layers.0.mlp.down.weight"]')
      .getByRole('button', { name: 'Approximate', exact: true })
      .click();
    await expect(page.getByRole('tab', { name: 'Approximate', exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
      slow,
    );
    await expect(page.getByTestId('rank-r')).toBeVisible(slow);

    // A 16×72 tensor is larger than the editor: it joins the project as read-only numbers.
    await page.getByRole('tab', { name: 'Lab', exact: true }).click();
    await page
      .locator('[data-testid="weight-row"][data-name="conv.weight"]')
      .getByRole('button', { name: 'Approximate', exact: true })
      .click();
    await expect(page.getByRole('tab', { name: 'Approximate', exact: true })).toHaveAttribute(
      'aria-selected',
      'true',
      slow,
    );
    await expect(page.getByRole('listitem').filter({ hasText: 'conv.weight' })).toContainText(
      '16×72',
    );
    await expect(page.getByTestId('rank-r')).toBeVisible(slow);
    await page.screenshot({ path: path.join(artifactsDir, 'lab-row-large-in-project.png') });
  });

  test('LoRA calculator: 4096×4096 at r = 8 is 65,536 against 16,777,216', async ({ app }) => {
    const { page } = app;
    await openLab(page, 'LoRA');
    const budgets = page.getByTestId('lora-budgets');
    await expect(budgets.getByTestId('lora-parameters')).toHaveText('65,536');
    await expect(budgets.getByTestId('lora-full')).toHaveText('16,777,216');
    await page.getByLabel('LoRA ranks').fill('1, 4, 8, 16');
    await expect(budgets.getByTestId('lora-parameters')).toHaveText([
      '8,192',
      '32,768',
      '65,536',
      '131,072',
    ]);

    // ΔW = B·A from two project matrices (3×4 times 4×4): its rank is at most 3, with a suggestion.
    await page.getByLabel('B', { exact: true }).selectOption({ label: 'Exercise B (3×4)' });
    await page.getByLabel('A', { exact: true }).selectOption({ label: 'Exercise C (4×4)' });
    await expect(page.getByTestId('delta-rank')).toContainText('3×4 with rank', slow);
    await expect(page.getByTestId('delta-scree').getByTestId('scree-marks')).toHaveAttribute(
      'data-count',
      '3',
    );
    await expect(page.getByTestId('delta-suggestion')).toContainText('Suggested LoRA rank');
    // φ(i, j) between two 3×3 matrices: a heatmap.
    await page.getByLabel('first', { exact: true }).selectOption({ label: 'Worked example (3×3)' });
    await page.getByLabel('second', { exact: true }).selectOption({ label: 'Exercise A (3×3)' });
    await expect(page.getByTestId('similarity-heatmap')).toHaveCount(1, slow);
    await page.screenshot({ path: path.join(artifactsDir, 'lab-lora.png'), fullPage: true });
  });

  test('attention demo: rank(QKᵀ) = d_k = 8 on the scree plot', async ({ app }) => {
    const { page } = app;
    await openLab(page, 'Attention');
    await expect(page.getByTestId('attention-rank')).toHaveText('8', slow);
    await expect(page.getByTestId('attention-claim')).toContainText('rank(QKᵀ) = 8 ≤ d_k = 8');
    await expect(page.getByTestId('attention-scree').getByTestId('scree-marks')).toHaveAttribute(
      'data-count',
      '64',
    );
    await expect(page.getByTestId('attention-scree').getByTestId('marker-rank')).toHaveCount(1);
    await page.getByLabel('Head width d_k').fill('5');
    await expect(page.getByTestId('attention-rank')).toHaveText('5', slow);
    await page.getByLabel('Head width d_k').fill('8');
    await expect(page.getByTestId('attention-rank')).toHaveText('8', slow);
    await expect(page.getByTestId('mla-saved')).toContainText('%');
    await page.screenshot({ path: path.join(artifactsDir, 'lab-attention.png'), fullPage: true });
  });

  test('embedding, collapse and robust PCA sections run', async ({ app }) => {
    const { page } = app;
    await openLab(page, 'Embedding');
    await expect(page.getByTestId('embedding-rank')).toHaveText('32', slow);
    await page.screenshot({ path: path.join(artifactsDir, 'lab-embedding.png'), fullPage: true });

    await openLab(page, 'Robust PCA');
    await page.getByRole('button', { name: 'Separate' }).click();
    await expect(page.getByTestId('rpca-report')).toContainText('Converged', { timeout: 120_000 });
    await page.screenshot({ path: path.join(artifactsDir, 'lab-robust-pca.png'), fullPage: true });

    await openLab(page, 'Collapse');
    const boxes = page.getByRole('group', { name: 'Project matrices' }).getByRole('checkbox');
    const count = Math.min(await boxes.count(), 3);
    for (let index = 0; index < count; index++)
      if (await boxes.nth(index).isEnabled()) await boxes.nth(index).check();
    await expect(page.getByTestId('collapse-effective')).toHaveCount(1, slow);
    await page.screenshot({ path: path.join(artifactsDir, 'lab-collapse.png'), fullPage: true });
  });
});
