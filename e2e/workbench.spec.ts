import path from 'node:path';
import { test, expect, artifactsDir } from './app-fixture';

test.describe('workbench', () => {
  test('opens on the example project with the worked example and the exercises', async ({
    app,
  }) => {
    const { page } = app;
    for (const name of ['Worked example', 'Exercise A', 'Exercise B', 'Exercise C']) {
      await expect(page.getByRole('button', { name: new RegExp(name) }).first()).toBeVisible();
    }
    await expect(page.getByTestId('rank-value')).toHaveText('2');
    await expect(page.getByTestId('subspace-null')).toContainText('null space ⊂ ℝ³');
    await expect(page.getByTestId('subspace-null')).toContainText('dim 1');
    await expect(page.getByTestId('subspace-column')).toContainText('dim 2');
    await expect(page.getByText(/exact/i).first()).toBeVisible();
    await page.screenshot({ path: path.join(artifactsDir, 'main-window.png') });
  });

  test('editing a cell updates the rank, and bad text is marked, never zeroed', async ({ app }) => {
    const { page } = app;
    await expect(page.getByTestId('rank-value')).toHaveText('2');
    const cell = page.getByLabel('row 2, column 1', { exact: true });
    await cell.fill('3');
    await expect(page.getByTestId('rank-value')).toHaveText('3');
    await expect(page.getByTestId('subspace-null')).toContainText('dim 0');

    await cell.fill('2x');
    await expect(cell).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(/Row 2, column 1/).first()).toBeVisible();
    await expect(page.getByTestId('rank-value')).toHaveCount(0);
    await expect(cell).toHaveValue('2x');

    await cell.fill('sqrt(2)');
    await expect(page.getByTestId('rank-value')).toHaveText('3');
    await expect(page.getByText(/numerical/i).first()).toBeVisible();
    await page.screenshot({ path: path.join(artifactsDir, 'editor-numerical.png') });
  });

  test('the other example matrices have their ranks', async ({ app }) => {
    const { page } = app;
    const expected: [string, string][] = [
      ['Exercise A', '1'],
      ['Exercise B', '2'],
      ['Exercise C', '3'],
    ];
    for (const [name, rank] of expected) {
      await page
        .getByRole('button', { name: new RegExp(name) })
        .first()
        .click();
      await expect(page.getByTestId('rank-value')).toHaveText(rank);
    }
  });

  test('one keymap: undo in the grid, save and Help from the keyboard, titles that say the keys', async ({
    app,
  }) => {
    const { page } = app;
    const cell = page.getByLabel('row 2, column 1', { exact: true });
    await cell.fill('5');
    await expect(page.getByTestId('rank-value')).toHaveText('3');
    // In the matrix grid the document's history takes Ctrl+Z, not the input's own undo.
    await cell.press('Control+z');
    await expect(cell).toHaveValue('2');
    await expect(page.getByTestId('rank-value')).toHaveText('2');
    await cell.press('Control+y');
    await expect(cell).toHaveValue('5');

    await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute(
      'title',
      'Undo (Ctrl+Z)',
    );
    await expect(page.getByRole('button', { name: 'Save', exact: true })).toHaveAttribute(
      'title',
      'Save (Ctrl+S)',
    );

    // Ctrl+S saves from anywhere, even while typing in a cell (the web host asks where).
    await cell.press('Control+s');
    const prompt = page.getByRole('dialog', { name: 'Save project as' });
    await expect(prompt).toBeVisible();
    await prompt.getByRole('button', { name: 'Cancel' }).click();

    // F1 lists every shortcut, read from the same keymap.
    await page.getByRole('tab', { name: 'Reduce' }).click();
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await expect(help.getByTestId('shortcut-save')).toHaveText('Ctrl+S');
    await expect(help.getByTestId('shortcut-step-next')).toHaveText('→');
    await page.keyboard.press('Escape');
    await expect(help).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Next step' })).toHaveAttribute(
      'title',
      'Next step (→)',
    );
  });

  test('the interface answers while a 2000×2000 job runs on a worker', async ({ app }) => {
    const { page } = app;
    // The check is a diagnostic: it lives in Help → Diagnostics, not in the inspector.
    await expect(page.getByRole('button', { name: 'Stress test' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Help' }).click();
    await page.getByRole('menuitem', { name: 'Diagnostics' }).click();
    await page.getByRole('button', { name: 'Stress test' }).click();
    const progress = page.getByRole('progressbar');
    await expect(progress).toBeVisible();
    // While the job runs, selecting another matrix and editing a cell work at once.
    await page
      .getByRole('button', { name: /Exercise B/ })
      .first()
      .click();
    await expect(page.getByTestId('rank-value')).toHaveText('2', { timeout: 2000 });
    await page.getByLabel('row 1, column 1', { exact: true }).fill('5');
    await expect(page.getByTestId('rank-value')).toHaveText('3', { timeout: 2000 });
    await expect(progress).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(progress).toHaveCount(0);
  });
});
