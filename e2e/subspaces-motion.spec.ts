// The 3D subspace scenes as motion for slides: from the Subspaces view's export panel, the scene
// turning and x splitting, each as a looping GIF (frames and delays read block by block) and a
// WebM video that Chromium plays at the chosen size and length; a few GIF frames are decoded and
// saved as PNGs (e2e/artifacts/scene-motion-*.png) to look at.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { readGifBlocks } from '../renderer/src/export/motion/gif-blocks';
import { test, expect, artifactsDir } from './app-fixture';
import { openView, playedVideo } from './view-helpers';

async function saveMotion(
  page: Page,
  format: 'gif' | 'webm',
  motion: 'turn' | 'split',
): Promise<string> {
  await page.getByLabel('Export format').selectOption(format);
  await page.getByLabel('Motion', { exact: true }).selectOption(motion);
  await page.getByLabel('Motion size').selectOption({ label: '640 × 360' });
  await page.getByLabel('Motion length').selectOption('2');
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Save figure' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`worked-example-subspaces-${motion}-640x360.${format}`);
  const saved = path.join(artifactsDir, `scene-motion-${file.suggestedFilename()}`);
  await file.saveAs(saved);
  return saved;
}

/** Decodes frames of a GIF with the page's own decoder (WebCodecs), as PNG data URLs. */
async function gifFrames(page: Page, file: string, frames: number[]): Promise<string[]> {
  const bytes = readFileSync(file).toString('base64');
  return page.evaluate(
    async ({ base64, indices }) => {
      const data = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
      const canvas = document.createElement('canvas');
      const context = canvas.getContext('2d')!;
      const decoder = new ImageDecoder({ data, type: 'image/gif' });
      const shots: string[] = [];
      for (const frameIndex of indices) {
        const { image } = await decoder.decode({ frameIndex });
        canvas.width = image.displayWidth;
        canvas.height = image.displayHeight;
        context.drawImage(image, 0, 0);
        image.close();
        shots.push(canvas.toDataURL('image/png'));
      }
      return shots;
    },
    { base64: bytes, indices: frames },
  );
}

function savePngs(shots: string[], stem: string): Buffer[] {
  return shots.map((shot, index) => {
    const png = Buffer.from(shot.split(',')[1], 'base64');
    writeFileSync(path.join(artifactsDir, `${stem}-${index}.png`), png);
    return png;
  });
}

test.describe('3D scene motion export', () => {
  test('saves the scene turning and x splitting as GIF and WebM of the chosen size and length', async ({
    app,
  }) => {
    // Generous: some 200 frames, each two scenes drawn as vectors, on a machine shared with others.
    test.setTimeout(400_000);
    const { page } = app;
    // The worked example (3×3, rank 2): a plane of row space and a line of null space.
    await openView(page, 'Subspaces');
    await expect(page.getByTestId('domain-scene-canvas')).toBeVisible();
    await page.locator('details.export-panel summary').click();
    await page.getByLabel('Export format').selectOption('gif');
    await expect(page.getByLabel('Motion', { exact: true })).toBeVisible();
    await page.screenshot({ path: path.join(artifactsDir, 'scene-motion-panel.png') });

    // Turning, as a GIF: 2 s at 20 frames a second, each 5 hundredths, looping forever.
    const turnGif = readGifBlocks(readFileSync(await saveMotion(page, 'gif', 'turn')));
    expect([turnGif.width, turnGif.height]).toEqual([640, 360]);
    expect(turnGif.images).toHaveLength(40);
    expect(turnGif.images.every((image) => image.width === 640 && image.height === 360)).toBe(true);
    expect(turnGif.delays).toEqual(Array(40).fill(5));
    expect(turnGif.loops).toBe(0);
    await expect(page.getByTestId('export-status')).toHaveText(
      'Saved worked-example-subspaces-turn-640x360.gif',
    );
    const turnFile = path.join(
      artifactsDir,
      'scene-motion-worked-example-subspaces-turn-640x360.gif',
    );
    // A quarter turn apart, the frames differ; the figure's frame (titles, note) stays put.
    const turnShots = savePngs(
      await gifFrames(page, turnFile, [0, 10, 20]),
      'scene-motion-turn-gif',
    );
    expect(turnShots[0].equals(turnShots[1])).toBe(false);

    // Splitting, as a GIF: holds of 0.3 s, 0.2 s and 0.3 s around two 0.6 s moves of 12 frames.
    const splitFile = await saveMotion(page, 'gif', 'split');
    const splitGif = readGifBlocks(readFileSync(splitFile));
    expect([splitGif.width, splitGif.height]).toEqual([640, 360]);
    expect(splitGif.delays).toEqual([30, ...Array(12).fill(5), 20, ...Array(12).fill(5), 30]);
    expect(splitGif.delays.reduce((sum, delay) => sum + delay, 0)).toBe(200);
    savePngs(await gifFrames(page, splitFile, [0, 13, 26]), 'scene-motion-split-gif');

    // Both as WebM: Chromium plays them at 640×360 for 2 s.
    for (const motion of ['turn', 'split'] as const) {
      const file = await saveMotion(page, 'webm', motion);
      expect(readFileSync(file).subarray(0, 4).toString('hex')).toBe('1a45dfa3');
      const video = await playedVideo(page, file);
      expect([video.width, video.height]).toEqual([640, 360]);
      expect(video.duration).toBeGreaterThan(1.9);
      expect(video.duration).toBeLessThan(2.1);
    }
  });
});
