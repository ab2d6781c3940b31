// Frame time while hovering a 4096-point scree plot (issue 7, "Speed"): measured and reported, only
// asserted generously. A 4096-value spectrum needs a matrix with min(m, n) = 4096, which the
// project's editor (at most 64×64) cannot hold and whose SVD would take the host half a minute
// here. So the web host's answer to the Spectrum view's job is replaced, on the socket, by the
// spectrum of the 4096×4096 diagonal matrix diag(σ₁, …, σ₄₀₉₆): its singular values are the σᵢ
// themselves, and its ranks and measures come from the core's own functions. Everything the page
// does with it (drawing 4096 marks, hit-testing, tooltips) is the real view.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { SpectrumResult } from '../core/jobs/spectrum';
import { measures } from '../core/rank/measures';
import { decideRank, estimateNoiseLevel, type RankPolicy } from '../core/rank/policies';
import type { HostRequest } from '../core/protocol/envelope';
import { decodeFrame, encodeFrame } from '../core/protocol/frame';
import { test, expect, artifactsDir } from './app-fixture';
import { openView } from './view-helpers';

const size = 4096;

/** A noisy rank-40 profile: a decaying signal above a Marchenko–Pastur-like bulk (quarter circle). */
function diagonalSpectrum(): Float64Array {
  const values = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const bulk = 2 * Math.sqrt(size) * 0.01 * Math.sqrt(1 - i / size);
    values[i] = bulk + (i < 40 ? 30 * Math.exp(-i / 10) : 0);
  }
  return values;
}

function spectrumOfDiagonal(values: Float64Array, policy: RankPolicy | undefined): SpectrumResult {
  const shape = { rows: size, cols: size };
  const ranks = {
    default: decideRank(values, shape, { kind: 'default' }),
    gap: decideRank(values, shape, { kind: 'gap' }),
    noise: decideRank(values, shape, { kind: 'noise' }),
  };
  return {
    rows: size,
    cols: size,
    singularValues: values,
    rank: policy ? decideRank(values, shape, policy) : ranks.default,
    ranks,
    noiseLevel: estimateNoiseLevel(values, shape),
    measures: measures(values, shape),
  };
}

/** Answers the page's spectrum jobs with the diagonal matrix's spectrum; all else goes through. */
async function answerSpectrumJobs(page: Page): Promise<void> {
  const values = diagonalSpectrum();
  await page.routeWebSocket(/\/socket\?token=/, (socket) => {
    const server = socket.connectToServer();
    socket.onMessage((message) => {
      // The page sends envelopes in binary frames (core/protocol/frame.ts).
      const decoded =
        typeof message === 'string' ? null : (decodeFrame(new Uint8Array(message)) as HostRequest);
      if (decoded?.method === 'compute' && decoded.args[0] === 'spectrum') {
        const request = decoded.args[1] as { policy?: RankPolicy };
        const result = spectrumOfDiagonal(values, request.policy);
        socket.send(Buffer.from(encodeFrame({ id: decoded.id, result })));
        return;
      }
      server.send(message);
    });
  });
}

/** Median and 95th percentile of the intervals between animation frames, in milliseconds. */
function frameStatistics(stamps: number[]) {
  const intervals = stamps
    .slice(1)
    .map((stamp, index) => stamp - stamps[index])
    .sort((a, b) => a - b);
  const at = (fraction: number) =>
    Number(
      intervals[Math.min(intervals.length - 1, Math.floor(intervals.length * fraction))].toFixed(1),
    );
  return { frames: stamps.length, medianMilliseconds: at(0.5), p95Milliseconds: at(0.95) };
}

/** Reads the renderer's main-thread time so far (Chromium's Performance metrics), in milliseconds. */
async function mainThreadClock(page: Page): Promise<() => Promise<Record<string, number>>> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable', { timeDomain: 'threadTicks' });
  return async () => {
    const { metrics } = await session.send('Performance.getMetrics');
    const pick = (name: string) =>
      (metrics.find((metric) => metric.name === name)?.value ?? 0) * 1000;
    return {
      task: pick('TaskDuration'),
      script: pick('ScriptDuration'),
      layout: pick('LayoutDuration'),
      style: pick('RecalcStyleDuration'),
    };
  };
}

/** Main-thread milliseconds per frame between two readings. */
function perFrame(before: Record<string, number>, after: Record<string, number>, frames: number) {
  return Object.fromEntries(
    Object.keys(before).map((key) => [
      key,
      Number(((after[key] - before[key]) / frames).toFixed(2)),
    ]),
  );
}

/** Starts recording animation-frame times in the page for `milliseconds`. */
function recordFrames(page: Page, milliseconds: number): Promise<number[]> {
  return page.evaluate(
    (duration) =>
      new Promise<number[]>((resolve) => {
        const stamps: number[] = [];
        const tick = (now: number) => {
          stamps.push(now);
          if (now - stamps[0] < duration) requestAnimationFrame(tick);
          else resolve(stamps);
        };
        requestAnimationFrame(tick);
      }),
    milliseconds,
  );
}

test('hovering a 4096-point scree plot keeps drawing frames (measured and reported)', async ({
  app,
}) => {
  test.skip(app.host !== 'web', "the spectrum's answer is replaced on the web host's socket");
  const { page } = app;
  await answerSpectrumJobs(page);
  await app.restart();
  await openView(page, 'Spectrum');
  const marks = page.getByTestId('scree-marks');
  await expect(marks).toHaveAttribute('data-count', String(size));
  await expect(page.getByTestId('spectrum-rank')).toHaveText(/^\d+$/);
  const figure = page.getByTestId('spectrum-figure');
  const box = (await figure.boundingBox())!;
  // The plot area, from the layout of the marks: the first and last of the 4096.
  const [first, last] = await marks.evaluate((element) => {
    const starts = [...(element.getAttribute('d') ?? '').matchAll(/M([\d.]+),/g)];
    return [Number(starts[0][1]), Number(starts[starts.length - 1][1])];
  });
  const y = box.y + box.height / 2;

  // For scale: the same recording with the mouse away from the plot.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height + 40);
  const mainThreadMilliseconds = await mainThreadClock(page);
  const idleBefore = await mainThreadMilliseconds();
  const idleStamps = await recordFrames(page, 1000);
  const idle = {
    ...frameStatistics(idleStamps),
    mainThreadPerFrame: perFrame(idleBefore, await mainThreadMilliseconds(), idleStamps.length),
  };

  // Sweep across all 4096 marks and back for about three seconds, several moves per frame.
  await page.mouse.move(box.x + first, y);
  const before = await mainThreadMilliseconds();
  const recording = recordFrames(page, 3000);
  const started = Date.now();
  let sweeps = 0;
  while (Date.now() - started < 2800) {
    const to = sweeps % 2 === 0 ? last : first;
    await page.mouse.move(box.x + to, y, { steps: Math.round((last - first) / 2) });
    sweeps += 1;
  }
  const stamps = await recording;
  const hovering = {
    ...frameStatistics(stamps),
    mainThreadPerFrame: perFrame(before, await mainThreadMilliseconds(), stamps.length),
  };
  // The tooltip follows the mouse: at the right end it names σ₄₀₉₆ or a close neighbour.
  await page.mouse.move(box.x + last, y);
  await expect(page.getByTestId('spectrum-tooltip')).toContainText(/σ40(8\d|9[0-6])/);

  const report = { host: app.host, values: size, sweeps, hovering, idle };
  writeFileSync(
    path.join(artifactsDir, 'frame-time-scree-hover.json'),
    JSON.stringify(report, null, 2),
  );
  test
    .info()
    .annotations.push({ type: 'frame time (scree hover)', description: JSON.stringify(report) });
  console.log(`[frame time] scree hover: ${JSON.stringify(report)}`);
  await page.screenshot({ path: path.join(artifactsDir, 'view-spectrum-4096-hover-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.mouse.move(box.x + first + 40, y);
  await expect(page.getByTestId('spectrum-tooltip')).toBeVisible();
  await page.screenshot({ path: path.join(artifactsDir, 'view-spectrum-4096-hover-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  // Speed targets are reported, not timed-tested: this only says the page kept drawing.
  expect(hovering.frames).toBeGreaterThan(10);
  expect(hovering.medianMilliseconds).toBeLessThan(200);
});
