// Interactive HTML figures exported from the Subspaces, Spectrum and Reduce views, opened from
// disk in Chromium with the network off: nothing is requested but the file itself, and each
// figure answers input (orbit and drag x, hover and policy switch, step) there and in an iframe.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, artifactsDir } from './app-fixture';
import { exportFigure, openView } from './view-helpers';

/** A fresh offline context that records every request any of its pages makes. */
async function offlineContext(
  page: Page,
): Promise<{ context: BrowserContext; requests: string[] }> {
  const context = await page
    .context()
    .browser()!
    .newContext({
      offline: true,
      viewport: { width: 1200, height: 820 },
      deviceScaleFactor: 1,
    });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  return { context, requests };
}

async function openFromDisk(context: BrowserContext, file: string): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(pathToFileURL(file).href);
  await expect(page.locator('#rankscope-figure[data-ready="true"]')).toHaveCount(1);
  expect(errors).toEqual([]);
  return page;
}

/** Calls a method of the figure's window.rankscopeFigure handle. */
function call<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ([name, parameters]) =>
      (
        window as unknown as {
          rankscopeFigure: Record<string, (...values: unknown[]) => unknown>;
        }
      ).rankscopeFigure[name as string](...(parameters as unknown[])) as T,
    [method, args] as const,
  );
}

test.describe('interactive HTML export', () => {
  test('three views save figures that work from disk, offline, and in an iframe', async ({
    app,
  }) => {
    test.setTimeout(180_000);
    const { page } = app;
    // The worked example (3×3, rank 2): the 3D scenes are the spaces themselves.
    await openView(page, 'Subspaces');
    await expect(page.getByTestId('domain-scene')).toBeVisible();
    const subspacesFile = await exportFigure(page, 'subspaces', { format: 'html' });
    await openView(page, 'Spectrum');
    await expect(page.getByTestId('spectrum-figure').locator('svg')).toBeVisible();
    const screeFile = await exportFigure(page, 'scree', { format: 'html', title: 'Scree of A' });
    await openView(page, 'Reduce');
    await page.getByText('Slides, handout and interactive page').click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export as interactive HTML' }).click();
    const reductionFile = path.join(artifactsDir, `export-${(await download).suggestedFilename()}`);
    await (await download).saveAs(reductionFile);
    for (const file of [subspacesFile, screeFile, reductionFile]) {
      const html = readFileSync(file, 'utf8');
      expect(html, file).not.toMatch(
        /<script[^>]+src=|<link[^>]+href=|<(img|iframe)[^>]+src="https?:/,
      );
    }

    const { context, requests } = await offlineContext(page);

    // The 3D scenes: orbiting moves the camera, dragging the tip of x changes x.
    const scenes = await openFromDisk(context, subspacesFile);
    const canvas = scenes.getByTestId('domain-scene-canvas');
    const box = (await canvas.boundingBox())!;
    const cameraBefore = await call<number[]>(scenes, 'cameraPosition', 0);
    await scenes.mouse.move(box.x + 30, box.y + box.height - 30);
    await scenes.mouse.down();
    await scenes.mouse.move(box.x + 130, box.y + box.height - 60, { steps: 8 });
    await scenes.mouse.up();
    const cameraAfter = await call<number[]>(scenes, 'cameraPosition', 0);
    expect(cameraAfter).not.toEqual(cameraBefore);
    // And by keyboard: the codomain scene turns with → and comes closer with +.
    const codomainCanvas = scenes.getByTestId('codomain-scene-canvas');
    await codomainCanvas.focus();
    const distance = (position: number[]) => Math.hypot(...position);
    const codomainBefore = await call<number[]>(scenes, 'cameraPosition', 1);
    await scenes.keyboard.press('ArrowRight');
    const codomainTurned = await call<number[]>(scenes, 'cameraPosition', 1);
    expect(codomainTurned).not.toEqual(codomainBefore);
    expect(distance(codomainTurned)).toBeCloseTo(distance(codomainBefore), 3);
    await scenes.keyboard.press('+');
    expect(distance(await call<number[]>(scenes, 'cameraPosition', 1))).toBeCloseTo(
      0.85 * distance(codomainBefore),
      3,
    );
    await scenes.keyboard.press('Home');
    const codomainHome = await call<number[]>(scenes, 'cameraPosition', 1);
    codomainHome.forEach((value, i) => expect(value).toBeCloseTo(codomainBefore[i], 6));
    const xBefore = await call<number[]>(scenes, 'x');
    const tip = (await call<{ x: number; y: number } | null>(scenes, 'tipOnScreen'))!;
    await scenes.mouse.move(box.x + tip.x, box.y + tip.y);
    await scenes.mouse.down();
    await scenes.mouse.move(box.x + tip.x + 40, box.y + tip.y + 25, { steps: 6 });
    await scenes.mouse.up();
    const xAfter = await call<number[]>(scenes, 'x');
    expect(xAfter).not.toEqual(xBefore);
    await expect(scenes.getByTestId('vector-readout')).toContainText('x_row');
    await scenes.screenshot({
      path: path.join(artifactsDir, 'interactive-subspaces-from-disk.png'),
    });

    // The scree plot: hover names σ₁; the policy switch changes the rank read.
    const scree = await openFromDisk(context, screeFile);
    await expect(scree.locator('h1')).toHaveText('Scree of A');
    await expect(scree.getByTestId('rank')).toHaveText('2');
    const plot = (await scree.getByTestId('scree-figure').locator('svg').boundingBox())!;
    // Where σ₁ is drawn, from the figure's own layout (the page's handle).
    const first = await scree.evaluate(() => {
      const layout = (
        window as unknown as {
          rankscopeFigure: { layout(): { x(index: number): number; y(value: number): number } };
        }
      ).rankscopeFigure.layout();
      const bounds = document
        .querySelector('[data-testid="scree-figure"]')!
        .getBoundingClientRect();
      return { x: bounds.left + layout.x(1), y: bounds.top + layout.y(9.79) };
    });
    await scree.mouse.move(first.x, first.y);
    await expect(scree.getByTestId('scree-tooltip')).toBeVisible();
    await expect(scree.getByTestId('scree-tooltip')).toContainText('σ₁ = 9.79');
    expect(plot.width).toBeGreaterThan(300);
    await scree.getByLabel('Rank policy').selectOption('noise');
    await expect(scree.getByTestId('rank-reason')).toContainText('Noise edge');
    await scree.screenshot({ path: path.join(artifactsDir, 'interactive-scree-from-disk.png') });

    // The reduction stepper: Next, and a clicker's Page Down.
    const stepper = await openFromDisk(context, reductionFile);
    await expect(stepper.getByTestId('step-counter')).toHaveText('start (0 of 4)');
    await stepper.getByRole('button', { name: 'Next step' }).click();
    await expect(stepper.getByTestId('step-counter')).toHaveText('step 1 of 4');
    await stepper.keyboard.press('PageDown');
    await expect(stepper.getByTestId('step-counter')).toHaveText('step 2 of 4');
    await stepper.screenshot({
      path: path.join(artifactsDir, 'interactive-reduction-from-disk.png'),
    });

    // In a course page's iframe, from disk too.
    const course = path.join(path.dirname(screeFile), 'course-page.html');
    writeFileSync(
      course,
      `<!doctype html><meta charset="utf-8"><title>Course</title><h1>Week 3</h1>
<iframe title="scree" src="${path.basename(screeFile)}" width="900" height="620"></iframe>`,
    );
    const coursePage = await context.newPage();
    await coursePage.goto(pathToFileURL(course).href);
    const frame = coursePage.frameLocator('iframe[title="scree"]');
    await expect(frame.locator('#rankscope-figure[data-ready="true"]')).toHaveCount(1);
    await frame.getByLabel('Value axis').selectOption('log');
    await expect(frame.getByTestId('scree-figure').locator('svg')).toBeVisible();
    await coursePage.screenshot({
      path: path.join(artifactsDir, 'interactive-scree-in-iframe.png'),
    });

    // Nothing but the files themselves was asked for.
    expect(requests.length).toBeGreaterThanOrEqual(5);
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    await context.close();
  });
});
