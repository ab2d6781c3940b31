// Nothing overlaps: in every view, at 1280×800 and 1920×1080, in the light and the dark theme, no
// label's box overlaps another's, no marked line or point runs through a label, and readouts meant
// for one line stay on one. Each state is screenshotted into e2e/artifacts for a person to look at.
import path from 'node:path';
import { test, expect, artifactsDir } from './app-fixture';
import { measureLabels, type LabelReport } from './label-boxes';
import { viewStates } from './view-states';

const sizes = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

for (const size of sizes) {
  test(`no label overlaps another at ${size.width}×${size.height}, in both themes`, async ({
    app,
  }) => {
    test.setTimeout(240_000);
    const { page } = app;
    await page.setViewportSize(size);
    const reports: Record<string, LabelReport> = {};
    for (const state of viewStates) {
      await page.emulateMedia({ colorScheme: 'light' });
      await state.open(page);
      for (const theme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: theme });
        // The figures redraw in the new theme on the next frames.
        await page.waitForTimeout(400);
        const key = `${state.name}-${theme}`;
        reports[key] = await measureLabels(page);
        await page.screenshot({
          path: path.join(artifactsDir, `overlap-${size.width}-${key}.png`),
        });
      }
    }
    console.log(JSON.stringify(reports, null, 1));
    for (const [key, report] of Object.entries(reports)) {
      expect.soft(report.collisions, key).toEqual([]);
      expect.soft(report.wrapped, key).toEqual([]);
      expect.soft(report.clipped, key).toEqual([]);
    }
  });
}
