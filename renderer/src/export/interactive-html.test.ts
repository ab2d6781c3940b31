// Interactive figure files as a reader gets them: built from real job results, written to disk,
// opened from file:// in Chromium with every network request blocked and recorded, and driven —
// the reduction stepped by buttons and keys (also inside an iframe), the scree plot hovered and
// its policy switched, the 3D scene orbited and x dragged. Set RANKSCOPE_SCREENSHOTS to a folder
// to keep a screenshot of each.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directContext } from '../../../core/jobs/context';
import { spectrumJob } from '../../../core/jobs/spectrum';
import { subspacesJob } from '../../../core/jobs/subspaces';
import { reductionLesson } from '../../../core/lecture/reduction-lesson';
import { fromRows } from '../../../core/linalg/matrix';
import { gaussianMatrix } from '../../../core/linalg/random';
import { multiply } from '../../../core/linalg/products';
import {
  buildInteractiveRuntime,
  interactiveKinds,
  interactiveRuntimePlugin,
  type InteractiveKind,
} from '../../../scripts/interactive-runtime';
import { formatValue } from '../figures/svg';
import { buildInteractiveHtml, scriptJson } from './interactive-html';
import {
  reductionFigureData,
  screeFigureData,
  subspacesFigureData,
  type InteractiveFigureData,
} from './interactive-data';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
if (!hasChromium && process.env.CI === 'true')
  throw new Error(`CI opens the interactive figures in Chromium, and ${chromiumPath} is missing`);

const folder = mkdtempSync(path.join(tmpdir(), 'rankscope-interactive-'));
const runtimes = new Map<InteractiveKind, string>();
let browser: Browser;

/** A figure file on disk, opened in a fresh page that records every request it makes. */
async function open(
  name: string,
  data: InteractiveFigureData,
): Promise<{ page: Page; requests: string[] }> {
  const file = path.join(folder, `${name}.html`);
  writeFileSync(file, buildInteractiveHtml(data, runtimes.get(data.kind)!));
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.route(/^https?:|^wss?:/, (route) => route.abort());
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(pathToFileURL(file).href);
  await page.locator('#rankscope-figure[data-ready]').waitFor();
  expect(errors).toEqual([]);
  return { page, requests };
}

async function keepScreenshot(page: Page, name: string): Promise<void> {
  const keep = process.env.RANKSCOPE_SCREENSHOTS;
  if (keep) await page.screenshot({ path: path.join(keep, `${name}.png`), fullPage: true });
}

function onlyFiles(requests: string[]): void {
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
}

/** Share of sampled canvas pixels that differ from its corner (background) colour. */
function inkShare(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).evaluate((canvas: HTMLCanvasElement) => {
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext('2d')!;
    context.drawImage(canvas, 0, 0);
    const { data } = context.getImageData(0, 0, copy.width, copy.height);
    let differing = 0;
    let sampled = 0;
    for (let k = 0; k < data.length; k += 4 * 11) {
      sampled++;
      if (
        Math.abs(data[k] - data[0]) +
          Math.abs(data[k + 1] - data[1]) +
          Math.abs(data[k + 2] - data[2]) >
        30
      )
        differing++;
    }
    return differing / sampled;
  });
}

describe('interactive HTML figures', () => {
  it('embeds data that cannot close its script element', () => {
    expect(scriptJson({ title: '</script><script>alert(1)</script>' })).not.toContain('</script');
    const html = buildInteractiveHtml(
      reductionFigureData(reductionLesson([['1', '2']], { title: 'a </script> title' })),
      'console.log("</script>")',
    );
    expect(html.match(/<\/script>/g)?.length).toBe(2);
    expect(html).toContain("default-src 'none'");
  });

  it('serves each script to the app as a virtual module, the same as the direct build', async () => {
    const plugin = interactiveRuntimePlugin();
    const resolve = plugin.resolveId as (id: string) => string | null;
    const load = plugin.load as (id: string) => Promise<string | null>;
    const id = resolve('virtual:rankscope-interactive-runtime/reduction');
    expect(id).toBe('\0virtual:rankscope-interactive-runtime/reduction');
    expect(resolve('./other')).toBeNull();
    const module = (await load(id!))!;
    const script = JSON.parse(module.replace(/^export default /, '').replace(/;$/, '')) as string;
    expect(script).toBe(await buildInteractiveRuntime('reduction'));
    await expect(load('\0virtual:rankscope-interactive-runtime/nothing')).rejects.toThrow(
      'no interactive figure of kind "nothing"',
    );
  });

  describe.runIf(hasChromium)('opened from disk in Chromium, network blocked', () => {
    beforeAll(async () => {
      for (const kind of interactiveKinds) runtimes.set(kind, await buildInteractiveRuntime(kind));
      browser = await chromium.launch({
        executablePath: chromiumPath,
        args: [
          '--no-sandbox',
          '--use-gl=swiftshader',
          '--enable-unsafe-swiftshader',
          '--disable-gpu',
        ],
      });
    }, 180_000);
    afterAll(async () => {
      await browser?.close();
    });

    it('the reduction stepper steps with buttons and keys, also inside an iframe', async () => {
      const lesson = reductionLesson(
        [
          ['2', '4', '-2', '2'],
          ['1', '3', '1', '5/2'],
          ['3', '7', '-1', '1'],
        ],
        { title: 'Example 1' },
      );
      const { page, requests } = await open('reduction', reductionFigureData(lesson));
      const counter = page.getByTestId('step-counter');
      await expect.poll(() => counter.textContent()).toBe('start (0 of 8)');
      await page.getByRole('button', { name: 'Next step' }).click();
      expect(await counter.textContent()).toBe('step 1 of 8');
      const figure = page.getByTestId('reduction-figure');
      expect(await figure.locator('rect.pivot').count()).toBe(1);
      expect(await figure.textContent()).toContain('multiply row 1 by 1/2');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('PageDown');
      expect(await counter.textContent()).toBe('step 3 of 8');
      // Step 3 reads row 1 and writes row 3.
      expect(await figure.locator('rect.row-read').count()).toBe(1);
      expect(await figure.locator('rect.row-written').count()).toBe(1);
      await page.keyboard.press('End');
      expect(await counter.textContent()).toBe('step 8 of 8');
      expect(await figure.textContent()).toContain('−5');
      await expect
        .poll(() => page.getByRole('button', { name: 'Next step' }).isDisabled())
        .toBe(true);
      await keepScreenshot(page, 'reduction');
      onlyFiles(requests);

      const parent = path.join(folder, 'course-page.html');
      writeFileSync(
        parent,
        '<!doctype html><title>Course page</title><h1>Week 3</h1><iframe src="reduction.html" width="900" height="600" title="Row reduction"></iframe>',
      );
      await page.goto(pathToFileURL(parent).href);
      const frame = page.frameLocator('iframe');
      await frame.locator('#rankscope-figure[data-ready]').waitFor();
      await frame.getByRole('button', { name: 'Next step' }).click();
      await frame.getByRole('button', { name: 'Next step' }).click();
      expect(await frame.getByTestId('step-counter').textContent()).toBe('step 2 of 8');
      await keepScreenshot(page, 'reduction-in-iframe');
      onlyFiles(requests);
      await page.context().close();
    });

    it('the scree plot shows σᵢ under the mouse and switches rank policy', async () => {
      // Rank 5 plus noise: the policies disagree about the tail.
      const low = multiply(gaussianMatrix(40, 5, 1), gaussianMatrix(5, 30, 2));
      const noise = gaussianMatrix(40, 30, 3);
      for (let k = 0; k < low.data.length; k++) low.data[k] += 0.05 * noise.data[k];
      const result = spectrumJob.run(spectrumJob.request.parse({ matrix: low }), directContext);
      const { page, requests } = await open('scree', screeFigureData(result, 'Rank 5 plus noise'));
      const rank = page.getByTestId('rank');
      expect(await rank.textContent()).toBe(String(result.ranks.default.rank));
      const plot = page.getByTestId('scree-figure');
      const box = (await plot.boundingBox())!;
      const where = await page.evaluate(() => {
        const handle = (
          window as unknown as {
            rankscopeFigure: {
              layout(): { x(i: number): number; plot: { top: number; height: number } };
            };
          }
        ).rankscopeFigure;
        const layout = handle.layout();
        return { x: layout.x(3), y: layout.plot.top + layout.plot.height / 2 };
      });
      await page.mouse.move(box.x + where.x, box.y + where.y);
      const tooltip = page.getByTestId('scree-tooltip');
      await expect.poll(() => tooltip.isVisible()).toBe(true);
      expect(await tooltip.textContent()).toContain(
        `σ₃ = ${formatValue(result.singularValues[2])}`,
      );
      await page.getByRole('combobox', { name: 'Rank policy' }).selectOption('noise');
      expect(await rank.textContent()).toBe(String(result.ranks.noise.rank));
      expect(await page.getByTestId('rank-reason').textContent()).toContain('Noise edge');
      expect(result.ranks.noise.rank).toBe(5);
      await page.getByRole('combobox', { name: 'Value axis' }).selectOption('log');
      await keepScreenshot(page, 'scree');
      onlyFiles(requests);
      await page.context().close();
    });

    it('the 3D scene draws, orbits when dragged, and x follows its dragged tip', async () => {
      const a = fromRows([
        [1, 2, 1],
        [2, 4, 0],
        [1, 2, 2],
      ]);
      const result = subspacesJob.run(subspacesJob.request.parse({ matrix: a }), directContext);
      const { page, requests } = await open(
        'subspaces',
        subspacesFigureData(result, a, [1.5, 0.5, 1], 'Rank 2 in 3D'),
      );
      await expect.poll(() => inkShare(page, 'domain-scene-canvas')).toBeGreaterThan(0.02);
      await expect.poll(() => inkShare(page, 'codomain-scene-canvas')).toBeGreaterThan(0.02);
      type Handle = {
        cameraPosition(which: number): number[];
        tipOnScreen(): { x: number; y: number };
        x(): number[];
      };
      const call = <T>(body: (handle: Handle) => T) =>
        page.evaluate((source) => {
          const handle = (window as unknown as { rankscopeFigure: Handle }).rankscopeFigure;
          return new Function('handle', `return (${source})(handle)`)(handle) as T;
        }, body.toString());
      // Orbit the codomain: drag across its canvas.
      const before = await call((handle) => handle.cameraPosition(1));
      const codomain = (await page.getByTestId('codomain-scene-canvas').boundingBox())!;
      await page.mouse.move(codomain.x + 60, codomain.y + 60);
      await page.mouse.down();
      await page.mouse.move(codomain.x + 200, codomain.y + 100, { steps: 8 });
      await page.mouse.up();
      await expect
        .poll(async () => {
          const after = await call((handle) => handle.cameraPosition(1));
          return Math.hypot(...after.map((value, k) => value - before[k]));
        })
        .toBeGreaterThan(0.5);
      // Drag the tip of x in the domain.
      const readout = page.getByTestId('vector-readout');
      expect(await readout.textContent()).toContain('x = (1.5, 0.5, 1)');
      const tip = await call((handle) => handle.tipOnScreen());
      const domain = (await page.getByTestId('domain-scene-canvas').boundingBox())!;
      await page.mouse.move(domain.x + tip.x, domain.y + tip.y);
      await page.mouse.down();
      await page.mouse.move(domain.x + tip.x - 50, domain.y + tip.y + 30, { steps: 6 });
      await page.mouse.up();
      const moved = await call((handle) => handle.x());
      expect(Math.hypot(moved[0] - 1.5, moved[1] - 0.5, moved[2] - 1)).toBeGreaterThan(0.2);
      expect(await readout.textContent()).not.toContain('x = (1.5, 0.5, 1)');
      // The split stays exact: A x_null = 0 means A x = A x_row.
      expect(await readout.textContent()).toContain('A x_null = 0');
      await keepScreenshot(page, 'subspaces');
      onlyFiles(requests);
      await page.context().close();
    });
  });
});
