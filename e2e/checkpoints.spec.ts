// Checkpoints in the Lab, in the web host: the Lab opens on the example model with its table
// filled; a sharded checkpoint typed in the path prompt (its index) fills one table, quick pass
// then full, with no weight bytes crossing the socket (every frame counted); the report saves and
// reopens without the weights; a fine-tune compares layer by layer (ΔW's rank, LoRA ranks).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { encodeTensorData, writeSafetensors } from '../core/formats/safetensors';
import { test, expect, artifactsDir } from './app-fixture';

const slow = { timeout: 120_000 };

/** Seeded numbers in [-1, 1) (a linear congruential generator: same file every run). */
function seeded(seed: number, count: number): Float64Array {
  const values = new Float64Array(count);
  let state = seed >>> 0;
  for (let k = 0; k < count; k++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    values[k] = state / 2 ** 31 - 1;
  }
  return values;
}

interface Tensor {
  name: string;
  dtype: 'F16' | 'BF16' | 'F32';
  shape: number[];
  values: Float64Array;
}

function write(file: string, tensors: Tensor[]): number {
  const bytes = writeSafetensors(
    tensors.map((tensor) => ({
      name: tensor.name,
      dtype: tensor.dtype,
      shape: tensor.shape,
      data: encodeTensorData(tensor.dtype, tensor.values),
    })),
  );
  writeFileSync(file, bytes);
  return bytes.length;
}

/** Eight layers of 768×512 (F16 and BF16) and their norms, in three shards with an index: ~6 MB. */
function writeShardedCheckpoint(folder: string): { bytes: number; matrices: string[] } {
  mkdirSync(folder, { recursive: true });
  const shards: Tensor[][] = [[], [], []];
  const weightMap: Record<string, string> = {};
  const matrices: string[] = [];
  for (let layer = 0; layer < 8; layer++) {
    const name = `model.layers.${layer}.mlp.weight`;
    matrices.push(name);
    shards[layer % 3].push({
      name,
      dtype: layer % 2 === 0 ? 'F16' : 'BF16',
      shape: [768, 512],
      values: seeded(layer + 1, 768 * 512),
    });
    shards[layer % 3].push({
      name: `model.layers.${layer}.norm.weight`,
      dtype: 'F32',
      shape: [512],
      values: seeded(100 + layer, 512),
    });
  }
  let bytes = 0;
  shards.forEach((tensors, index) => {
    const file = `model-0000${index + 1}-of-00003.safetensors`;
    bytes += write(path.join(folder, file), tensors);
    for (const tensor of tensors) weightMap[tensor.name] = file;
  });
  writeFileSync(
    path.join(folder, 'model.safetensors.index.json'),
    JSON.stringify({ metadata: { total_size: bytes }, weight_map: weightMap }),
  );
  return { bytes, matrices };
}

/** Counts every byte of every WebSocket frame, both ways, from now on (the page reconnects). */
async function countSocketBytes(page: Page) {
  const counted = { sent: 0, received: 0, largestFrame: 0 };
  const size = (payload: string | Buffer) =>
    typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
  page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) => {
      counted.sent += size(payload);
      counted.largestFrame = Math.max(counted.largestFrame, size(payload));
    });
    socket.on('framereceived', ({ payload }) => {
      counted.received += size(payload);
      counted.largestFrame = Math.max(counted.largestFrame, size(payload));
    });
  });
  await page.reload();
  return counted;
}

async function openWeights(page: Page) {
  await page.getByRole('tab', { name: 'Lab', exact: true }).click();
  await page
    .getByRole('group', { name: 'Lab sections' })
    .getByRole('button', { name: 'Weights', exact: true })
    .click();
}

async function typePath(page: Page, button: string, dialogName: RegExp, typed: string) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: dialogName });
  await dialog.getByLabel(/path/i).fill(typed);
  await dialog.getByRole('button', { name: 'Open' }).click();
}

test.describe('checkpoints in the Lab', () => {
  test.describe.configure({ timeout: 300_000 });
  test.beforeEach(({ app }) => {
    test.skip(app.host === 'electron', 'the path prompt is the web host’s');
  });

  test('a sharded checkpoint by its index: one table, quick then full, no weights on the socket', async ({
    app,
  }) => {
    const { page } = app;
    const checkpoint = writeShardedCheckpoint(path.join(app.folder, 'sharded'));
    const socket = await countSocketBytes(page);

    // The Lab opens on the example model, its table filled (both passes: it is tiny).
    await openWeights(page);
    const rows = page.getByTestId('weight-row');
    await expect(rows).toHaveCount(6, slow);
    await expect(page.locator('[data-testid="weight-row"][data-passes="quick full"]')).toHaveCount(
      6,
      slow,
    );
    await expect(page.getByTestId('weights-summary')).toContainText('tiny-model.safetensors');

    // Record what the progress line says while the checkpoint streams in.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const line = document.querySelector('[data-testid="weights-progress"]')?.textContent;
        if (line)
          seen.push(
            `${line} | rows with quick: ${document.querySelectorAll('[data-passes^="quick"]').length}`,
          );
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await typePath(
      page,
      'Open checkpoint…',
      /Open a checkpoint/,
      'sharded/model.safetensors.index.json',
    );
    // Every matrix of the three shards is one table, listed before its passes finish.
    await expect(rows).toHaveCount(checkpoint.matrices.length, slow);
    await expect(page.locator('[data-testid="weight-row"][data-passes="quick full"]')).toHaveCount(
      checkpoint.matrices.length,
      slow,
    );
    await expect(page.getByTestId('weights-progress')).toHaveCount(0);
    const seen = await page.evaluate(
      () => (window as unknown as { progressSeen: string[] }).progressSeen,
    );
    expect(seen.some((line) => /\d of 8 tensor passes · .+ read/.test(line))).toBe(true);
    expect(seen.some((line) => /quick pass/.test(line))).toBe(true);
    expect(seen.some((line) => /full pass/.test(line))).toBe(true);
    await expect(page.getByTestId('weights-summary')).toContainText('3 shards and an index');
    // Columns say their pass.
    await expect(page.locator('th[data-pass="quick"]')).toHaveCount(4);
    await expect(page.locator('th[data-pass="full"]')).toHaveCount(7);
    // Random 768×512 weights are of full rank, 512.
    await expect(
      page.locator('[data-name="model.layers.0.mlp.weight"] td[data-column="rank"]'),
    ).toHaveText('512');

    // No weight crossed the socket: everything the page exchanged with the host, both ways,
    // since it loaded is a small fraction of the checkpoint's bytes.
    const total = socket.sent + socket.received;
    console.log(
      `socket: ${socket.sent} bytes sent, ${socket.received} received, largest frame ${socket.largestFrame}; checkpoint ${checkpoint.bytes} bytes`,
    );
    expect(total).toBeLessThan(checkpoint.bytes / 10);

    await page.locator('[data-name="model.layers.3.mlp.weight"]').click();
    await expect(page.getByTestId('tensor-spectrum')).toContainText('All 512 singular values');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: path.join(artifactsDir, `lab-checkpoint-${scheme}.png`) });
      await page.getByTestId('tensor-spectrum').scrollIntoViewIfNeeded();
      await page.screenshot({
        path: path.join(artifactsDir, `lab-checkpoint-spectrum-${scheme}.png`),
      });
      await page.locator('.lab-table-frame').first().scrollIntoViewIfNeeded();
    }
    await page.emulateMedia({ colorScheme: 'light' });

    // The report saves, and reopens without the weights: the same rows and plots.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save report' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('model-report.jsonl');
    const reportFile = path.join(app.folder, 'saved-report.jsonl');
    await saved.saveAs(reportFile);
    const lines = readFileSync(reportFile, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 2 * checkpoint.matrices.length);
    renameSync(path.join(app.folder, 'sharded'), path.join(app.folder, 'moved-away'));
    await typePath(page, 'Open report…', /Open a weight report/, 'saved-report.jsonl');
    await expect(page.getByTestId('weights-summary')).toContainText('without the weights');
    await expect(rows).toHaveCount(checkpoint.matrices.length);
    await expect(page.getByRole('button', { name: 'Full pass for all' })).toBeDisabled();
    await page.locator('[data-name="model.layers.3.mlp.weight"]').click();
    await expect(page.getByTestId('tensor-spectrum')).toContainText('All 512 singular values');
    await expect(page.getByTestId('tensor-scree')).toBeVisible();
  });

  test('a fine-tune compared with its base: ΔW’s rank and the LoRA rank for its energy', async ({
    app,
  }) => {
    const { page } = app;
    // Base: two F32 layers. Fine-tune: the first moved by a rank-3 update, the second untouched.
    const rows = 96;
    const cols = 64;
    const base = seeded(7, rows * cols);
    const left = seeded(8, rows * 3);
    const right = seeded(9, 3 * cols);
    const tuned = Float64Array.from(base);
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++)
        for (let r = 0; r < 3; r++)
          tuned[i * cols + j] += 0.5 * left[i * 3 + r] * right[r * cols + j];
    const other = seeded(10, rows * cols);
    write(path.join(app.folder, 'base.safetensors'), [
      { name: 'q.weight', dtype: 'F32', shape: [rows, cols], values: base },
      { name: 'k.weight', dtype: 'F32', shape: [rows, cols], values: other },
    ]);
    write(path.join(app.folder, 'tuned.safetensors'), [
      { name: 'q.weight', dtype: 'F32', shape: [rows, cols], values: tuned },
      { name: 'k.weight', dtype: 'F32', shape: [rows, cols], values: other },
    ]);
    await openWeights(page);
    await expect(page.getByTestId('weight-row')).toHaveCount(6, slow);
    await typePath(page, 'Open checkpoint…', /Open a checkpoint/, 'base.safetensors');
    await expect(page.locator('[data-passes="quick full"]')).toHaveCount(2, slow);
    await typePath(page, 'Fine-tuned checkpoint…', /fine-tuned/, 'tuned.safetensors');
    const diffRows = page.getByTestId('diff-row');
    await expect(diffRows).toHaveCount(2, slow);
    const moved = page.locator('[data-testid="diff-row"][data-name="q.weight"]');
    // Rounding the sum to F32 leaves noise at 1e-7 that the default tolerance (ε of doubles)
    // counts as rank; the largest gap sees the update's rank 3, and 3 directions hold 99 % of
    // its energy. The untouched layer did not move at all.
    await expect(moved.locator('td[data-column="ranks"]')).toHaveText(/^\d+ \/ 3 \/ \d+$/);
    await expect(moved.locator('td[data-column="lora-p99"]')).toHaveText('3');
    const still = page.locator('[data-testid="diff-row"][data-name="k.weight"]');
    await expect(still.locator('td[data-column="ranks"]')).toHaveText(/^0 \//);
    await expect(still.locator('td[data-column="lora-p99"]')).toHaveText('0');
    await moved.click();
    await expect(page.getByTestId('delta-spectrum')).toContainText('ΔW of q.weight');
    await page.getByTestId('delta-spectrum').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifactsDir, 'lab-checkpoint-compare.png') });
  });
});
