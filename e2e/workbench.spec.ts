import path from 'node:path';
import { test, expect, artifactsDir } from './app-fixture';
import { openView } from './view-helpers';

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

  test('long decimals: the inspector and the Spectrum view tell both ranks, either reading', async ({
    app,
  }) => {
    const { page } = app;
    // numpy's rank-2 product of random 3×2 and 2×3 factors, written with 17 digits: as written
    // these decimals are a different matrix, of rank 3.
    const cells = [
      ['0.33112054441842387', '0.20141428655404006', '-0.09394014964127122'],
      ['0.7023683045196992', '0.5411505364529394', '-0.44635288485085234'],
      ['-1.1560830330834593', '-0.7326952293571358', '0.3919126824073731'],
    ];
    for (const [i, row] of cells.entries())
      for (const [j, text] of row.entries())
        await page.getByLabel(`row ${i + 1}, column ${j + 1}`, { exact: true }).fill(text);
    await expect(page.getByTestId('rank-value')).toHaveText('2');
    // A decimal longer than its cell ends in "…" and shows whole on hover.
    const long = page.getByLabel('row 1, column 1', { exact: true });
    await expect(long).toHaveAttribute('title', cells[0][0]);
    expect(await long.evaluate((input) => getComputedStyle(input).textOverflow)).toBe('ellipsis');
    await expect(page.getByTestId('rank-kind')).toContainText('numerical');
    await expect(page.getByTestId('rank-story-sentence')).toHaveText(
      /^σ₃ = [\d.]+e−1\d is below the tolerance [\d.]+e−1\d: as floating numbers the rank is 2; as the decimals written, 3\.$/,
    );
    const tolerance = (await page.getByTestId('rank-kind').innerText()).replace(/^.*tol /, '');
    await expect(page.getByTestId('rank-story-sentence')).toContainText(`tolerance ${tolerance}:`);

    await page.getByTestId('decimals-exact').click();
    await expect(page.getByTestId('rank-value')).toHaveText('3');
    await expect(page.getByTestId('rank-kind')).toHaveText('exact');
    await expect(page.getByTestId('rank-story')).toContainText('shown: as written');

    await openView(page, 'Spectrum');
    await expect(page.getByTestId('spectrum-rank')).toHaveText('2');
    await expect(page.getByRole('tabpanel').getByTestId('rank-story-sentence')).toContainText(
      'as floating numbers the rank is 2; as the decimals written, 3.',
    );
    await page.keyboard.press('ControlOrMeta+z');
    await expect(page.getByTestId('rank-value')).toHaveText('2');
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
    // The first run is waited out before Cancel is tried on a second (see below).
    test.setTimeout(180_000);
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
    // Cancel stops a run at once. The first run may end on its own by now (3.2 s on a quiet
    // machine), so Cancel is tried on a fresh one, cancelled as soon as it shows.
    await expect(progress).toHaveCount(0, { timeout: 120_000 });
    await page.getByRole('button', { name: 'Stress test' }).click();
    await expect(progress).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(progress).toHaveCount(0);
    await expect(page.getByText('Cancelled.')).toBeVisible();
  });
});
