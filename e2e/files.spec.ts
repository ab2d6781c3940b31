import path from 'node:path';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
    // A file inside the served folder that is not a project.
    writeFileSync(path.join(app.folder, 'package.json'), '{"name": "not a project"}');
    await open.getByLabel('File path').fill('package.json');
    await open.getByRole('button', { name: 'Open' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'Could not open the project' }),
    ).toBeVisible();
    await expect(page.getByLabel('row 1, column 1', { exact: true })).toHaveValue('4');
  });

  test('after a crash, the next start offers the unsaved work back', async ({ app }) => {
    test.skip(!app.crashAndRestart, 'needs a host that can be killed and restarted');
    // A host killed and started again (with its workers) takes a while on a loaded machine.
    test.setTimeout(150_000);
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

  test('a large file being sent to the host can be cancelled, and nothing is imported', async ({
    app,
  }) => {
    test.skip(app.host === 'electron', 'Electron reads a chosen file where it lies');
    const { page } = app;
    // 320 MB: forty chunks of 8 MB, several seconds on the socket.
    const file = path.join(app.folder, 'huge-upload.csv');
    writeFileSync(file, Buffer.alloc(320 * 1024 ** 2, '1,2\n'));
    // Cancel the moment the progress notice offers it: the whole file can cross the loopback
    // socket in about a second, faster than a click from here is sure to land.
    await page.evaluate(() => {
      new MutationObserver((_, observer) => {
        const cancel = document.querySelector<HTMLButtonElement>(
          '[data-testid="file-notice"] button.notice-action',
        );
        if (cancel?.textContent !== 'Cancel') return;
        observer.disconnect();
        (window as unknown as { noticeSeen: string }).noticeSeen =
          cancel.parentElement!.textContent ?? '';
        cancel.click();
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByLabel('Import matrix files').setInputFiles(file);
    const notice = page.getByTestId('file-notice');
    await expect(notice).toHaveText(/Stopped sending huge-upload\.csv; nothing was imported\./);
    expect(
      await page.evaluate(() => (window as unknown as { noticeSeen: string }).noticeSeen),
    ).toMatch(/^Sending huge-upload\.csv to the host… \d+%/);
    await expect(page.getByRole('button', { name: /huge-upload/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Worked example/ }).first()).toBeVisible();
  });

  test('a matrix pasted from numpy becomes a new matrix, and exports as CSV and LaTeX', async ({
    app,
  }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'Paste matrix…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste a matrix' });
    await dialog.getByLabel('Matrix text').fill('array([[1, 2, 3],\n       [2, 4, 6]])');
    await expect(dialog.getByText('Read as numpy: 2×3.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Add matrix' }).click();
    await expect(page.getByRole('button', { name: /Pasted matrix/ }).first()).toBeVisible();
    await expect(page.getByTestId('rank-value')).toHaveText('1');

    await page.getByRole('button', { name: 'Paste matrix…' }).click();
    await dialog.getByLabel('Matrix text').fill('[1 2; 3]');
    await expect(dialog.getByRole('alert')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Add matrix' })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    const csv = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save file' }).click();
    const download = await csv;
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const saved = path.join(app.folder, download.suggestedFilename());
    await download.saveAs(saved);
    expect(readFileSync(saved, 'utf8').trim()).toBe('1,2,3\n2,4,6');

    await page.getByLabel('Export format').selectOption('latex');
    const latex = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save file' }).click();
    const texFile = path.join(app.folder, 'matrix.tex');
    await (await latex).saveAs(texFile);
    expect(readFileSync(texFile, 'utf8')).toContain('\\begin{bmatrix}');
  });
});
