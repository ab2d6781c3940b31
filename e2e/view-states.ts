// The states of the workbench a person sees, one per view (and the projected Subspaces scenes and
// the end of a reduction), reached from the welcome project in this order: the overlap check and
// the accessibility audit walk the same list.
import type { Page } from '@playwright/test';
import { expect } from './app-fixture';
import { openView } from './view-helpers';

async function chooseMatrix(page: Page, name: RegExp) {
  await page.getByRole('button', { name }).first().click();
}

/** Each state a person sees, reached from the welcome project; resolves once it is drawn. */
export const viewStates: { name: string; open(page: Page): Promise<void> }[] = [
  {
    name: 'editor',
    open: async (page) => {
      await chooseMatrix(page, /Worked example/);
      await openView(page, 'Editor');
    },
  },
  {
    name: 'spectrum',
    open: async (page) => {
      await chooseMatrix(page, /Worked example/);
      await openView(page, 'Spectrum');
      await expect(page.getByTestId('scree-marks')).toHaveAttribute('data-count', '3');
    },
  },
  {
    name: 'approximate',
    open: async (page) => {
      await openView(page, 'Approximate');
      await expect(page.getByTestId('sigma-next')).not.toHaveText('…');
    },
  },
  {
    name: 'subspaces',
    open: async (page) => {
      await openView(page, 'Subspaces');
      await expect(page.getByTestId('space-label')).toHaveCount(4);
      await page.waitForTimeout(800);
    },
  },
  {
    name: 'subspaces-projected',
    open: async (page) => {
      await chooseMatrix(page, /Exercise C/);
      await expect(page.getByTestId('projected-space-label')).toHaveCount(4);
      await page.waitForTimeout(800);
    },
  },
  {
    name: 'grassmann',
    open: async (page) => {
      await chooseMatrix(page, /Worked example/);
      await openView(page, 'Grassmann');
      await page.getByLabel('Subspace A matrix').selectOption('worked-example');
      await page.getByLabel('Subspace B matrix').selectOption('exercise-b');
      await expect(page.getByTestId('angles-readout')).toContainText('75.04°');
      await page.waitForTimeout(500);
    },
  },
  {
    name: 'lab',
    open: async (page) => {
      await openView(page, 'Lab');
      // The example model's passes done: no row's "Full pass" button comes or goes after this.
      await expect(
        page.locator('[data-testid="weight-row"][data-passes="quick full"]'),
      ).toHaveCount(6, { timeout: 120_000 });
      await page.waitForTimeout(500);
    },
  },
  {
    name: 'reduce-floating',
    open: async (page) => {
      // An irrational entry: the long floating-point note beside the toolbar's buttons.
      await chooseMatrix(page, /Fractions and irrationals/);
      await openView(page, 'Reduce');
      await expect(page.getByTestId('arithmetic')).toContainText('Floating point');
    },
  },
  {
    name: 'reduce-end',
    open: async (page) => {
      // Exercise B made [[3, 7, 1, 2], [5, −2, 4, 1], [8, 5, 5, 3]]: rank 2, special solutions
      // (−30/41, 7/41, 1, 0) and (−11/41, −7/41, 0, 1), stacked fractions over each other.
      await chooseMatrix(page, /Exercise B/);
      await openView(page, 'Editor');
      const rows = [
        ['3', '7', '1', '2'],
        ['5', '-2', '4', '1'],
        ['8', '5', '5', '3'],
      ];
      for (const [row, values] of rows.entries())
        for (const [column, value] of values.entries())
          await page
            .getByLabel(`row ${row + 1}, column ${column + 1}`, { exact: true })
            .fill(value);
      await openView(page, 'Reduce');
      await page.getByRole('button', { name: 'Last step' }).click();
      await expect(page.getByTestId('special-solutions')).toBeVisible();
    },
  },
];
