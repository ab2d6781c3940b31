// The lecture kit in the app: presenter mode driven by a clicker's keys.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, artifactsDir } from './app-fixture';

const counter = (page: Page) => page.getByTestId('step-counter');

test.describe('presenter mode', () => {
  test('shows the view alone, larger, stepped by a clicker, with a black screen', async ({
    app,
  }) => {
    const { page } = app;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByRole('tab', { name: 'Reduce' }).click();
    await expect(counter(page)).toHaveText('step 0 of 4');
    const before = await counter(page).evaluate(
      (element) => element.getBoundingClientRect().height,
    );

    await page.keyboard.press('F5');
    await expect(page.locator('.app.presenting')).toHaveCount(1);
    await expect(page.locator('.titlebar')).toBeHidden();
    await expect(page.getByRole('tablist', { name: 'Views' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Matrices' })).toBeHidden();
    await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeHidden();
    // Type for the back of a hall: 1920×1080 scales the view by 1.68.
    const after = await counter(page).evaluate((element) => element.getBoundingClientRect().height);
    expect(after / before).toBeGreaterThan(1.6);
    expect(after / before).toBeLessThan(1.75);
    await page.screenshot({ path: path.join(artifactsDir, 'presenter-start.png') });

    // A clicker's forward: Page Down, and Space, which outside presenter mode plays.
    await page.keyboard.press('PageDown');
    await expect(counter(page)).toHaveText('step 1 of 4');
    await page.keyboard.press('Space');
    await expect(counter(page)).toHaveText('step 2 of 4');
    await page.keyboard.press('PageUp');
    await expect(counter(page)).toHaveText('step 1 of 4');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await expect(counter(page)).toHaveText('step 3 of 4');
    await page.screenshot({ path: path.join(artifactsDir, 'presenter-step-3.png') });

    // B blacks the screen; the next forward press brings the view back without stepping.
    await page.keyboard.press('b');
    await expect(page.getByTestId('presenter-black')).toBeVisible();
    await page.screenshot({ path: path.join(artifactsDir, 'presenter-black.png') });
    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('presenter-black')).toHaveCount(0);
    await expect(counter(page)).toHaveText('step 3 of 4');
    // "." is the other black-screen key clickers send; B again lifts it.
    await page.keyboard.press('.');
    await expect(page.getByTestId('presenter-black')).toBeVisible();
    await page.keyboard.press('b');
    await expect(page.getByTestId('presenter-black')).toHaveCount(0);
    await page.keyboard.press('PageDown');
    await expect(counter(page)).toHaveText('step 4 of 4');

    // Esc leaves; the workbench is back as it was, on the same step.
    await page.keyboard.press('Escape');
    await expect(page.locator('.app.presenting')).toHaveCount(0);
    await expect(page.locator('.titlebar')).toBeVisible();
    await expect(page.getByRole('tablist', { name: 'Views' })).toBeVisible();
    await expect(counter(page)).toHaveText('step 4 of 4');
    // Out of presenter mode, B means nothing and Page Down does not step.
    await page.getByRole('button', { name: 'First step' }).click();
    await page.keyboard.press('b');
    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('presenter-black')).toHaveCount(0);
    await expect(counter(page)).toHaveText('step 0 of 4');

    // The Lecture menu starts it too, in the current view (here the Spectrum).
    await page.getByRole('tab', { name: 'Spectrum' }).click();
    await page.getByRole('button', { name: 'Lecture' }).click();
    await page.getByRole('menuitem', { name: 'Present' }).click();
    await expect(page.locator('.app.presenting')).toHaveCount(1);
    await expect(page.getByRole('region', { name: 'Spectrum' })).toBeVisible();
    await page.screenshot({ path: path.join(artifactsDir, 'presenter-spectrum.png') });
    await page.getByRole('button', { name: /Leave/ }).click();
    await expect(page.locator('.app.presenting')).toHaveCount(0);
  });
});
