// Steps the view specs share: switching tabs, measuring whether a canvas drew anything,
// exporting the current view's figure through its export panel, and reading the 3D scenes of an
// exported SVG.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { artifactsDir } from './app-fixture';

export async function openView(page: Page, title: string): Promise<void> {
  await page.getByRole('tab', { name: title, exact: true }).click();
}

/** Share of sampled pixels that differ from the corner (background) colour. */
export async function nonBlankFraction(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).evaluate((canvas: HTMLCanvasElement) => {
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext('2d')!;
    context.drawImage(canvas, 0, 0);
    const { data } = context.getImageData(0, 0, copy.width, copy.height);
    const background = [data[0], data[1], data[2]];
    let differing = 0;
    let sampled = 0;
    for (let k = 0; k < data.length; k += 4 * 7) {
      sampled++;
      if (
        Math.abs(data[k] - background[0]) +
          Math.abs(data[k + 1] - background[1]) +
          Math.abs(data[k + 2] - background[2]) >
        30
      )
        differing++;
    }
    return differing / sampled;
  });
}

export interface ExportOptions {
  format: 'svg' | 'png-1' | 'png-2' | 'png-4' | 'tikz' | 'latex' | 'pdf' | 'html';
  title?: string;
  caption?: string;
  print?: boolean;
}

/** Exports the view's figure and saves the download as e2e/artifacts/export-NAME-FILE. */
export async function exportFigure(
  page: Page,
  name: string,
  options: ExportOptions,
): Promise<string> {
  const panel = page.locator('details.export-panel');
  if (!(await panel.evaluate((element: HTMLDetailsElement) => element.open)))
    await panel.locator('summary').click();
  await page.getByLabel('Export format').selectOption(options.format);
  await page.getByLabel('Figure title').fill(options.title ?? '');
  await page.getByLabel('Figure caption').fill(options.caption ?? '');
  await page.getByLabel('Print theme').setChecked(options.print ?? false);
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save figure' }).click();
  const download = await downloadPromise;
  const file = path.join(artifactsDir, `export-${name}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return file;
}

/** What an exported SVG holds of its 3D scenes, read by the page's own XML parser. */
/** The reduction view's LaTeX of the whole trace, as its export bar shows it. */
export async function traceLatex(page: Page): Promise<string> {
  await page
    .locator('.reduce-view > .export-bar > summary')
    .filter({ hasText: /^Export$/ })
    .click();
  await page.getByRole('radio', { name: 'Whole trace' }).check();
  return page.getByRole('textbox', { name: 'LaTeX' }).inputValue();
}

export interface SceneVectors {
  /** <image> elements anywhere in the figure. */
  images: number;
  /** One entry per scene drawn as vectors: its paths' fill colours, opacities and strokes. */
  scenes: { paths: number; strokes: number; fills: { fill: string; opacity: number }[] }[];
  /** Every <text> of the figure. */
  texts: string[];
}

export async function sceneVectors(page: Page, file: string): Promise<SceneVectors> {
  const source = readFileSync(file, 'utf8');
  return page.evaluate((text) => {
    const document = new DOMParser().parseFromString(text, 'image/svg+xml');
    if (document.querySelector('parsererror')) throw new Error('the SVG does not parse');
    const scenes = Array.from(
      document.querySelectorAll('[data-testid="scene-vectors"]'),
      (group) => {
        const paths = Array.from(group.querySelectorAll('path'));
        return {
          paths: paths.length,
          strokes: paths.filter((path) => (path.getAttribute('stroke') ?? 'none') !== 'none')
            .length,
          fills: paths
            .filter((path) => (path.getAttribute('fill') ?? 'none') !== 'none')
            .map((path) => ({
              fill: path.getAttribute('fill')!,
              opacity: Number(path.getAttribute('fill-opacity') ?? 1),
            })),
        };
      },
    );
    return {
      images: document.querySelectorAll('image').length,
      scenes,
      texts: Array.from(document.querySelectorAll('text'), (node) => node.textContent ?? ''),
    };
  }, source);
}

/** A saved video as Chromium's own player reads it, in a page of its own: size and duration. */
export async function playedVideo(
  page: Page,
  file: string,
): Promise<{ width: number; height: number; duration: number }> {
  const player = await page.context().newPage();
  try {
    await player.goto(pathToFileURL(file).href);
    return await player.evaluate(async () => {
      const element = document.querySelector('video')!;
      if (element.readyState < 1)
        await new Promise((resolve) => element.addEventListener('loadedmetadata', resolve));
      return { width: element.videoWidth, height: element.videoHeight, duration: element.duration };
    });
  } finally {
    await player.close();
  }
}
