// The "see rank" views: Spectrum, Approximate, Subspaces and Grassmann, and figure export.
// Structural checks only (marks counted, readouts against known values, labels and pixels).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { test, expect, artifactsDir } from './app-fixture';

async function openView(page: Page, title: string) {
  await page.getByRole('tab', { name: title, exact: true }).click();
}

async function screenshotBothThemes(page: Page, name: string) {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(artifactsDir, `${name}-light.png`) });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(artifactsDir, `${name}-dark.png`) });
  await page.emulateMedia({ colorScheme: 'light' });
}

test.describe('spectrum view', () => {
  test('the scree plot has min(m, n) marks and the rank marker of the worked example', async ({ app }) => {
    const { page } = app;
    await openView(page, 'Spectrum');
    const marks = page.getByTestId('scree-marks');
    await expect(marks).toHaveAttribute('data-count', '3');
    // One subpath per singular value: count the move-to commands of the single marks path.
    const moves = await marks.evaluate((element) => (element.getAttribute('d') ?? '').match(/M/g)?.length ?? 0);
    expect(moves).toBe(3);
    await expect(page.getByTestId('spectrum-rank')).toHaveText('2');
    await expect(page.getByTestId('marker-rank')).toHaveCount(1);
    await expect(page.getByTestId('tolerance-line')).toHaveCount(1);

    // Exercise B is 3×4: three singular values.
    await page.getByRole('button', { name: /Exercise B/ }).first().click();
    await expect(marks).toHaveAttribute('data-count', '3');
    await page.getByRole('button', { name: /Worked example/ }).first().click();
    await expect(page.getByTestId('scree-marks')).toHaveAttribute('data-count', '3');

    // Hover the second mark: the tooltip names σ₂.
    const box = (await page.getByTestId('spectrum-figure').boundingBox())!;
    const secondX = await marks.evaluate((element) => {
      const d = element.getAttribute('d') ?? '';
      const starts = [...d.matchAll(/M([\d.]+),([\d.]+)/g)];
      return Number(starts[1][1]);
    });
    await page.mouse.move(box.x + secondX + 3, box.y + box.height / 2);
    await expect(page.getByTestId('spectrum-tooltip')).toContainText('σ2');

    await page.getByRole('button', { name: 'Log', exact: true }).click();
    await page.getByLabel('Rank policy').selectOption('noise');
    await expect(page.getByTestId('bulk-edge')).toHaveCount(1);
    await page.getByLabel('Rank policy').selectOption('gap');
    await screenshotBothThemes(page, 'view-spectrum');
  });
});
