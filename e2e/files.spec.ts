import path from 'node:path';
import { existsSync } from 'node:fs';
import { test, expect, artifactsDir } from './app-fixture';

test.describe('project files', () => {
  test('save, edit, reopen: the saved document comes back and the title tracks unsaved changes', async ({
    app,
  }) => {
    const { page } = app;
    test.skip(
      app.host === 'electron',
      'native dialogs cannot be driven here; the web host prompts for paths',
    );
    const file = path.join(app.folder, 'lecture.rankscope');
    await expect(page.getByTestId('rank-value')).toHaveText('2');

    await page.getByLabel('row 2, column 1', { exact: true }).fill('5');
    await expect(page.getByTestId('rank-value')).toHaveText('3');
    await expect(page).toHaveTitle(/^● /);

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Save project as' });
    await dialog.getByLabel('File path').fill(file);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Saved lecture.rankscope')).toBeVisible();
    await expect(page).toHaveTitle('lecture.rankscope — Rankscope');
    expect(existsSync(file)).toBe(true);

    // Change it again, then open the saved file: the edit after saving is gone, the saved one stays.
    await page.getByLabel('row 1, column 1', { exact: true }).fill('9');
    await expect(page).toHaveTitle(/^● /);
    page.once('dialog', (confirm) => void confirm.accept());
    await page.getByRole('button', { name: 'Open…' }).click();
    const open = page.getByRole('dialog', { name: 'Open project' });
    await open.getByLabel('File path').fill(file);
    await open.getByRole('button', { name: 'Open' }).click();
    await expect(page.getByLabel('row 1, column 1', { exact: true })).toHaveValue('1');
    await expect(page.getByLabel('row 2, column 1', { exact: true })).toHaveValue('5');
    await expect(page.getByTestId('rank-value')).toHaveText('3');
    await expect(page).toHaveTitle('lecture.rankscope — Rankscope');
    await page.screenshot({ path: path.join(artifactsDir, 'files-saved.png') });
  });

  test('opening a file that is not a project says why and keeps the document', async ({ app }) => {
    const { page } = app;
    test.skip(app.host === 'electron', 'native dialogs cannot be driven here');
    await page.getByLabel('row 1, column 1', { exact: true }).fill('4');
    page.once('dialog', (confirm) => void confirm.accept());
    await page.getByRole('button', { name: 'Open…' }).click();
    const open = page.getByRole('dialog', { name: 'Open project' });
    await open.getByLabel('File path').fill(path.resolve('package.json'));
    await open.getByRole('button', { name: 'Open' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'Could not open the project' }),
    ).toBeVisible();
    await expect(page.getByLabel('row 1, column 1', { exact: true })).toHaveValue('4');
  });

  test('after a crash, the next start offers the unsaved work back', async ({ app }) => {
    test.skip(!app.crashAndRestart, 'needs a host that can be killed and restarted');
    let page = app.page;
    await page.getByLabel('row 2, column 1', { exact: true }).fill('11/3');
    await expect(page.getByTestId('rank-value')).toHaveText('3');
    // The backup is written a second after the last change.
    await page.waitForTimeout(2500);
    page = await app.crashAndRestart!();
    const banner = page.getByRole('alert').filter({ hasText: 'unsaved work' });
    await expect(banner).toBeVisible();
    await page.screenshot({ path: path.join(artifactsDir, 'files-restore-offer.png') });
    await banner.getByRole('button', { name: 'Restore' }).click();
    await expect(page.getByLabel('row 2, column 1', { exact: true })).toHaveValue('11/3');
    await expect(page.getByTestId('rank-value')).toHaveText('3');
  });

  test('dropping a malformed matrix file names the problem and loses nothing', async ({ app }) => {
    const { page } = app;
    await page.getByLabel('Import matrix files').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('1,2\n3,abc\n'),
    });
    await expect(page.getByRole('alert').filter({ hasText: 'line 2' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Worked example/ }).first()).toBeVisible();
    await page.getByLabel('Import matrix files').setInputFiles({
      name: 'good.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('1,1/2\n2,1\n'),
    });
    await expect(page.getByRole('button', { name: /good/ }).first()).toBeVisible();
    await expect(page.getByTestId('rank-value')).toHaveText('1');
  });
});
