// Files by the person's choice, in the web host: a path typed in the prompt resolves inside the
// folder the host serves and imports; a path outside it is refused with a sentence; saving over
// a file this run never opened asks first; a damaged backup is offered with what can be
// recovered. (Electron's native dialogs cannot be driven here.)
import path from 'node:path';
import {
  copyFileSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { test, expect, artifactsDir } from './app-fixture';

test.describe('files by handle in the web host', () => {
  test.beforeEach(({ app }) => {
    test.skip(app.host === 'electron', 'native dialogs cannot be driven here');
  });

  test('a matrix picked through the path prompt imports, showing only its path in the folder', async ({
    app,
  }) => {
    const { page } = app;
    mkdirSync(path.join(app.folder, 'week 3'), { recursive: true });
    writeFileSync(path.join(app.folder, 'week 3', 'scores.csv'), '1,2,3\n2,4,6\n1,0,1\n');
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a matrix' });
    await expect(dialog).toContainText(`Path inside ${app.folder}`);
    await dialog.getByLabel('File path').fill('week 3/scores.csv');
    await page.screenshot({ path: path.join(artifactsDir, 'file-handles-path-prompt.png') });
    await dialog.getByRole('button', { name: 'Open' }).click();
    await expect(page.getByText('Imported scores.csv (3×3)')).toBeVisible();
    await expect(page.getByRole('button', { name: /scores/ }).first()).toBeVisible();
    await expect(page.getByTestId('rank-value')).toHaveText('2');
    // The notice goes away by itself and does not cover the views.
    await expect(page.getByTestId('file-notice')).toBeHidden({ timeout: 9000 });

    // Decimals from a file are floating data (README, "Exact or numerical"), even short ones.
    writeFileSync(path.join(app.folder, 'week 3', 'halves.csv'), '0.5,1\n0.25,0.5000001\n');
    await page.getByRole('button', { name: 'Import…' }).click();
    await dialog.getByLabel('File path').fill('week 3/halves.csv');
    await dialog.getByRole('button', { name: 'Open' }).click();
    await expect(page.getByTestId('rank-kind')).toContainText('numerical');
    await expect(page.getByTestId('rank-value')).toHaveText('2');
    await expect(page.getByTestId('decimals-floating')).toHaveAttribute('aria-checked', 'true');
    // And a notice can be closed at once.
    await page.getByRole('button', { name: 'Close notice' }).click();
    await expect(page.getByTestId('file-notice')).toHaveCount(0);
  });

  test('a path outside the served folder is refused with a sentence, and nothing is read', async ({
    app,
  }) => {
    const { page } = app;
    const outside = path.resolve(app.folder, '..', `outside-${Date.now()}.csv`);
    writeFileSync(outside, '9,9\n9,9\n');
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a matrix' });
    for (const typed of [outside, `../${path.basename(outside)}`]) {
      await dialog.getByLabel('File path').fill(typed);
      await dialog.getByRole('button', { name: 'Open' }).click();
      await expect(dialog.getByRole('alert')).toContainText(
        `lies outside the folder this host serves (${app.folder})`,
      );
    }
    await page.screenshot({ path: path.join(artifactsDir, 'file-handles-outside-root.png') });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('button', { name: /outside-/ })).toHaveCount(0);
  });

  test('saving over a file this run never opened asks first; a new folder is created', async ({
    app,
  }) => {
    const { page } = app;
    const existing = path.join(app.folder, 'handout.rankscope');
    writeFileSync(existing, 'bytes another program wrote');
    await page.getByRole('button', { name: 'Save As…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save project as' });
    await dialog.getByLabel('File path').fill('handout');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const question = dialog.getByRole('alertdialog', { name: 'Replace file' });
    await expect(question).toContainText('handout.rankscope already exists');
    await page.screenshot({ path: path.join(artifactsDir, 'file-handles-overwrite-confirm.png') });
    await question.getByRole('button', { name: 'Choose another name' }).click();
    expect(readFileSync(existing, 'utf8')).toBe('bytes another program wrote');

    await dialog.getByLabel('File path').fill('lectures/2026/handout.rankscope');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Saved lectures/2026/handout.rankscope')).toBeVisible();
    expect(existsSync(path.join(app.folder, 'lectures', '2026', 'handout.rankscope'))).toBe(true);

    // Now the existing file, replaced after the person says yes.
    await page.getByRole('button', { name: 'Save As…' }).click();
    await dialog.getByLabel('File path').fill('handout.rankscope');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await question.getByRole('button', { name: 'Replace' }).click();
    await expect(page.getByText('Saved handout.rankscope')).toBeVisible();
    expect(readFileSync(existing).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  test('a backup cut short by a crash is offered with what can still be recovered', async ({
    app,
  }) => {
    test.skip(!app.crashAndRestart || !app.dataFolder, 'needs a host that can be killed');
    test.setTimeout(150_000);
    let page = app.page;
    await page.getByLabel('row 2, column 1', { exact: true }).fill('11/3');
    await page.waitForTimeout(2500);
    // The crash happens while the backup is being written: only part of it reaches the disk.
    const backups = path.join(app.dataFolder!, 'backups');
    const [name] = readdirSync(backups).filter((file) => file.endsWith('.json'));
    const text = readFileSync(path.join(backups, name), 'utf8');
    const cut = text.indexOf('"notes"') > 0 ? text.indexOf('"notes"') - 40 : text.length - 40;
    page = await app.crashAndRestart!();
    writeFileSync(path.join(backups, name), text.slice(0, cut));
    page = await app.restart();
    const banner = page.getByRole('alert').filter({ hasText: 'unsaved work' });
    await expect(banner.getByTestId('backup-problem')).toContainText('cut short');
    await expect(banner.getByTestId('backup-problem')).toContainText('can be recovered');
    await page.screenshot({ path: path.join(artifactsDir, 'file-handles-backup-recovery.png') });
    await banner.getByRole('button', { name: 'Recover what is left' }).click();
    await expect(page.getByLabel('row 2, column 1', { exact: true })).toHaveValue('11/3');
  });

  test('the Lab reads weight files from disk by handle: the prompt, and the bundled example', async ({
    app,
  }) => {
    test.setTimeout(150_000);
    const { page } = app;
    copyFileSync(
      path.resolve(import.meta.dirname, '../assets/weights/tiny-model.safetensors'),
      path.join(app.folder, 'model.safetensors'),
    );
    await page.getByRole('tab', { name: 'Lab', exact: true }).click();
    await page
      .getByRole('group', { name: 'Lab sections' })
      .getByRole('button', { name: 'Weights', exact: true })
      .click();
    // The Lab opens on the bundled example, read by the host from its own assets.
    await expect(page.getByTestId('weights-summary')).toContainText('tiny-model.safetensors', {
      timeout: 90_000,
    });
    await page.getByRole('button', { name: 'Open checkpoint…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /Open a checkpoint/ });
    await dialog.getByLabel(/path/i).fill('model.safetensors');
    await dialog.getByRole('button', { name: 'Open' }).click();
    // The chosen file replaces the example: its name, not the example's, and its six matrices.
    await expect(page.getByTestId('weights-summary')).not.toContainText('tiny-model', {
      timeout: 90_000,
    });
    await expect(page.getByTestId('weights-summary')).toContainText('model.safetensors');
    await expect(page.getByTestId('weight-row')).toHaveCount(6, { timeout: 90_000 });
  });
});
