// The "see rank" views: Spectrum, Approximate, Subspaces and Grassmann, and figure export.
// Structural checks only (marks counted, readouts against known values, labels and pixels).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { test, expect, artifactsDir } from './app-fixture';
import { exportFigure, nonBlankFraction, openView, sceneVectors } from './view-helpers';

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
  test('the scree plot has min(m, n) marks and the rank marker of the worked example', async ({
    app,
  }) => {
    const { page } = app;
    await openView(page, 'Spectrum');
    const marks = page.getByTestId('scree-marks');
    await expect(marks).toHaveAttribute('data-count', '3');
    // One subpath per singular value: count the move-to commands of the single marks path.
    const moves = await marks.evaluate(
      (element) => (element.getAttribute('d') ?? '').match(/M/g)?.length ?? 0,
    );
    expect(moves).toBe(3);
    await expect(page.getByTestId('spectrum-rank')).toHaveText('2');
    await expect(page.getByTestId('marker-rank')).toHaveCount(1);
    await expect(page.getByTestId('tolerance-line')).toHaveCount(1);

    // Exercise B is 3×4: three singular values.
    await page
      .getByRole('button', { name: /Exercise B/ })
      .first()
      .click();
    await expect(marks).toHaveAttribute('data-count', '3');
    await page
      .getByRole('button', { name: /Worked example/ })
      .first()
      .click();
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

test.describe('approximate view', () => {
  test('the readout ‖A − A_r‖₂ equals σ_{r+1} for the worked example', async ({ app }) => {
    const { page } = app;
    await openView(page, 'Approximate');
    const slider = page.getByLabel('Rank r');
    await slider.fill('1');
    await expect(page.getByTestId('rank-r')).toHaveText('1');
    // σ₂ of [[1,2,3],[2,4,6],[1,3,4]] is 0.3956 (numpy.linalg.svd).
    await expect(page.getByTestId('sigma-next')).toHaveText('0.396');
    await expect(page.getByTestId('spectral-error')).toHaveText('0.396');
    await expect(page.getByTestId('frobenius-error')).toHaveText('0.396');
    await expect(page.getByTestId('parameters')).toContainText('6 against 9');
    await slider.fill('2');
    await expect(page.getByTestId('sigma-next')).toHaveText(/e−1[56]|^0$/);
    await expect(page.getByTestId('energy-kept')).toHaveText('100.00%');
    // A canvas per panel, one pixel per entry.
    await expect(page.getByTestId('heatmap-a')).toHaveAttribute('width', '3');
    await slider.fill('1');
    await screenshotBothThemes(page, 'view-approximate');
  });
});

test.describe('subspaces view', () => {
  test('draws both 3D scenes with the four labelled spaces of the worked example', async ({
    app,
  }) => {
    const { page } = app;
    await openView(page, 'Subspaces');
    const labels = page.getByTestId('space-label');
    await expect(labels).toHaveCount(4);
    await expect(page.locator('[data-space="row"]')).toContainText('row space ⊂ ℝ³, dim 2');
    await expect(page.locator('[data-space="null"]')).toContainText('null space ⊂ ℝ³, dim 1');
    await expect(page.locator('[data-space="column"]')).toContainText('column space ⊂ ℝ³, dim 2');
    await expect(page.locator('[data-space="leftNull"]')).toContainText(
      'left null space ⊂ ℝ³, dim 1',
    );
    await page.waitForTimeout(2000);
    expect(await nonBlankFraction(page, 'domain-scene-canvas')).toBeGreaterThan(0.01);
    expect(await nonBlankFraction(page, 'codomain-scene-canvas')).toBeGreaterThan(0.01);
    // x = (1, 0, 0): A x = first column (1, 2, 1), and the split adds back to x.
    await page.getByLabel('x1', { exact: true }).fill('1');
    await page.getByLabel('x2', { exact: true }).fill('0');
    await page.getByLabel('x3', { exact: true }).fill('0');
    await expect(page.getByTestId('vector-readout')).toContainText('Ax = A xrow = (1, 2, 1)');
    await expect(page.getByTestId('big-picture')).toContainText('dim n − r = 1');
    await screenshotBothThemes(page, 'view-subspaces');

    // A 3×4 matrix: the big picture instead of 3D.
    await page
      .getByRole('button', { name: /Exercise C/ })
      .first()
      .click();
    await expect(page.getByTestId('space-label')).toHaveCount(0);
    await expect(page.getByTestId('big-picture')).toContainText('dim m − r = 1');
  });
});

test.describe('grassmann view', () => {
  test('principal angles between two known planes in ℝ³ match scipy', async ({ app }) => {
    const { page } = app;
    await openView(page, 'Grassmann');
    // col(worked example) has normal (2, −1, 0); col(Exercise B) has normal (1, 1, −1):
    // the planes share a line (θ = 0) and meet at arccos(1/√15) = 75.04° (scipy.linalg.subspace_angles).
    await page.getByLabel('Subspace A matrix').selectOption('worked-example');
    await page.getByLabel('Subspace B matrix').selectOption('exercise-b');
    await expect(page.getByTestId('angles-readout')).toContainText('θ = 75.04°, 0.00°');
    await expect(page.getByTestId('angle-bars')).toHaveAttribute('data-count', '2');
    await expect(page.getByTestId('similarity-heatmap')).toHaveAttribute('data-rows', '2');
    // Two planes of ℝ³: pictured on the sphere by their normals.
    await expect(page.getByTestId('grassmann-sphere-canvas')).toHaveCount(1);
    await page.waitForTimeout(500);
    expect(await nonBlankFraction(page, 'grassmann-sphere-canvas')).toBeGreaterThan(0.005);
    // A plane against itself: both angles 0.
    await page.getByLabel('Subspace B matrix').selectOption('worked-example');
    await expect(page.getByTestId('angles-readout')).toContainText('θ = 0.00°, 0.00°');
    await page.getByLabel('Subspace B matrix').selectOption('exercise-b');
    await expect(page.getByTestId('angles-readout')).toContainText('75.04°');
    await screenshotBothThemes(page, 'view-grassmann');
  });
});

/** Parses the SVG in the page's own XML parser; returns its root size. */
async function parseSvg(page: Page, file: string): Promise<{ width: number; height: number }> {
  const source = readFileSync(file, 'utf8');
  const parsed = await page.evaluate((text) => {
    const document = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = document.documentElement;
    return {
      error: document.querySelector('parsererror')?.textContent ?? null,
      name: root.nodeName,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
    };
  }, source);
  expect(parsed.error).toBeNull();
  expect(parsed.name).toBe('svg');
  return parsed;
}

/** Decodes a PNG's header and image data (inflating IDAT) and returns its size. */
function decodePng(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let offset = 8;
  let width = 0;
  let height = 0;
  let bitDepth = 0;
  let colourType = 0;
  const data: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (type === 'IHDR') {
      width = bytes.readUInt32BE(offset + 8);
      height = bytes.readUInt32BE(offset + 12);
      bitDepth = bytes[offset + 16];
      colourType = bytes[offset + 17];
    }
    if (type === 'IDAT') data.push(bytes.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colourType] ?? 0;
  expect(bitDepth).toBe(8);
  const raw = inflateSync(Buffer.concat(data));
  expect(raw.length).toBe(height * (1 + width * channels));
  return { width, height };
}

test.describe('figure export', () => {
  test('every view exports SVG that parses and PNG that decodes at the chosen scale', async ({
    app,
  }) => {
    const { page } = app;

    await openView(page, 'Spectrum');
    await expect(page.getByTestId('scree-marks')).toHaveAttribute('data-count', '3');
    const options = {
      title: 'Scree plot of the worked example',
      caption: 'Rank 2: σ₃ is roundoff.',
      print: true,
    };
    const screeSvg = await exportFigure(page, 'spectrum', { format: 'svg', ...options });
    const screeSize = await parseSvg(page, screeSvg);
    const screeText = readFileSync(screeSvg, 'utf8');
    expect(screeText).toContain('Scree plot of the worked example');
    expect(screeText).toContain('data-theme="print"');
    expect(screeText.match(/data-testid="scree-marks"[^>]*data-count="3"/)).not.toBeNull();
    const screePng = decodePng(
      await exportFigure(page, 'spectrum', { format: 'png-2', ...options }),
    );
    expect(screePng).toEqual({ width: screeSize.width * 2, height: screeSize.height * 2 });
    const tikz = readFileSync(await exportFigure(page, 'spectrum', { format: 'tikz' }), 'utf8');
    expect(tikz).toContain('\\begin{axis}');
    expect(tikz.match(/\(\d+,[^)]+\)/g)).toHaveLength(3);

    await openView(page, 'Approximate');
    await expect(page.getByTestId('sigma-next')).toHaveText('0.396');
    const approximationSvg = await exportFigure(page, 'approximate', { format: 'svg' });
    const approximationSize = await parseSvg(page, approximationSvg);
    expect(readFileSync(approximationSvg, 'utf8').match(/<image /g)).toHaveLength(3);
    const approximationPng = decodePng(
      await exportFigure(page, 'approximate', { format: 'png-4' }),
    );
    expect(approximationPng).toEqual({
      width: approximationSize.width * 4,
      height: approximationSize.height * 4,
    });

    await openView(page, 'Subspaces');
    await expect(page.getByTestId('space-label')).toHaveCount(4);
    await page.waitForTimeout(1000);
    const sceneSvg = await exportFigure(page, 'subspaces', {
      format: 'svg',
      title: 'Four subspaces',
    });
    const sceneSize = await parseSvg(page, sceneSvg);
    // Both scenes as vectors (SVGRenderer's depth-sorted paths), no bitmap; the labels as text.
    const scenes = await sceneVectors(page, sceneSvg);
    expect(scenes.images).toBe(0);
    expect(scenes.scenes).toHaveLength(2);
    const [domain, codomain] = scenes.scenes;
    for (const scene of scenes.scenes) {
      expect(scene.paths).toBeGreaterThan(10);
      // Axes, grid, outlines and arrow shafts are stroked lines.
      expect(scene.strokes).toBeGreaterThan(3);
    }
    // The row space and the column space are translucent planes in their colours.
    expect(domain.fills).toContainEqual({ fill: 'rgb(79,70,229)', opacity: 0.28 });
    expect(codomain.fills).toContainEqual({ fill: 'rgb(15,157,88)', opacity: 0.28 });
    // The null space and the left null space are opaque lines (cylinders) in theirs.
    expect(domain.fills).toContainEqual({ fill: 'rgb(217,119,6)', opacity: 1 });
    expect(codomain.fills).toContainEqual({ fill: 'rgb(219,39,119)', opacity: 1 });
    for (const label of [
      'row space ⊂ ℝ³, dim 2 (a plane)',
      'null space ⊂ ℝ³, dim 1 (a line)',
      'column space ⊂ ℝ³, dim 2 (a plane)',
      'left null space ⊂ ℝ³, dim 1 (a line)',
    ])
      expect(scenes.texts).toContain(label);
    // The print theme redraws the same scene on white, the grid and axes in its own colours.
    const printScenes = await sceneVectors(
      page,
      await exportFigure(page, 'subspaces-print', { format: 'svg', print: true }),
    );
    expect(printScenes.images).toBe(0);
    expect(printScenes.scenes[0].fills).toContainEqual({ fill: 'rgb(79,70,229)', opacity: 0.28 });
    expect(printScenes.texts).toContain('left null space ⊂ ℝ³, dim 1 (a line)');
    const basesTex = readFileSync(
      await exportFigure(page, 'subspaces', { format: 'latex' }),
      'utf8',
    );
    expect(basesTex).toContain('\\begin{align*}');
    expect(basesTex.match(/\\begin\{pmatrix\}/g)).toHaveLength(6);
    const scenePng = decodePng(
      await exportFigure(page, 'subspaces', { format: 'png-1', title: 'Four subspaces' }),
    );
    expect(scenePng).toEqual({ width: sceneSize.width, height: sceneSize.height });

    await openView(page, 'Grassmann');
    await page.getByLabel('Subspace B matrix').selectOption('exercise-b');
    await expect(page.getByTestId('angles-readout')).toContainText('75.04°');
    const anglesSvg = await exportFigure(page, 'grassmann', {
      format: 'svg',
      caption: 'Two planes sharing a line.',
    });
    const anglesSize = await parseSvg(page, anglesSvg);
    expect(readFileSync(anglesSvg, 'utf8')).toContain('75.04°');
    // The sphere under the chart, as vectors; the one image is the φ(i, j) heatmap.
    const sphere = await sceneVectors(page, anglesSvg);
    expect(sphere.scenes).toHaveLength(1);
    expect(sphere.scenes[0].strokes).toBeGreaterThan(3);
    expect(sphere.images).toBe(1);
    expect(sphere.texts).toContain('A: column space of Worked example');
    const anglesPng = decodePng(
      await exportFigure(page, 'grassmann', {
        format: 'png-2',
        caption: 'Two planes sharing a line.',
      }),
    );
    expect(anglesPng).toEqual({ width: anglesSize.width * 2, height: anglesSize.height * 2 });
  });
});

test.describe('frame time', () => {
  test('orbiting the 3D view keeps drawing frames (measured and reported, not asserted)', async ({
    app,
  }) => {
    const { page } = app;
    await openView(page, 'Subspaces');
    await expect(page.getByTestId('space-label')).toHaveCount(4);
    const canvas = page.getByTestId('codomain-scene-canvas');
    const box = (await canvas.boundingBox())!;
    const counting = page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const stamps: number[] = [];
          const tick = (now: number) => {
            stamps.push(now);
            if (now - stamps[0] < 2000) requestAnimationFrame(tick);
            else resolve(stamps);
          };
          requestAnimationFrame(tick);
        }),
    );
    // Orbit: drag across the empty corner of the codomain scene for about two seconds.
    await page.mouse.move(box.x + 20, box.y + box.height - 20);
    await page.mouse.down();
    for (let step = 0; step < 60; step++) {
      await page.mouse.move(box.x + 20 + step * 4, box.y + box.height - 20 - step, { steps: 2 });
    }
    await page.mouse.up();
    const stamps = await counting;
    const intervals = stamps
      .slice(1)
      .map((stamp, index) => stamp - stamps[index])
      .sort((a, b) => a - b);
    const median = intervals[Math.floor(intervals.length / 2)];
    const worst = intervals[Math.floor(intervals.length * 0.95)];
    const report = {
      host: app.host,
      frames: stamps.length,
      medianMilliseconds: median,
      p95Milliseconds: worst,
    };
    writeFileSync(
      path.join(artifactsDir, 'frame-time-orbit.json'),
      JSON.stringify(report, null, 2),
    );
    test
      .info()
      .annotations.push({ type: 'frame time (orbit)', description: JSON.stringify(report) });
    console.log(`[frame time] orbit: ${JSON.stringify(report)}`);
    expect(stamps.length).toBeGreaterThan(10);
  });
});
