// The Lab's checkpoint runs on a real pool: workers read the tensors from disk themselves, report
// lines stream back before the answer, the numbers equal an in-process run's, the page cannot
// run the file-reading job itself, a link out of the folder is refused, and cancel answers at once.
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeTensorData, writeSafetensors } from '../../core/formats/safetensors';
import { runCheckpointAnalysis } from '../../core/jobs/checkpoint-analysis';
import type { CheckpointRunProgress } from '../../core/protocol/checkpoints';
import type { ProgressEvent } from '../../core/protocol/host-api';
import { openCheckpoint } from '../../core/weights/checkpoint';
import { fingerprintCheckpoint } from '../../core/weights/fingerprint';
import { comparableReport, parseReport, type ReportSettings } from '../../core/weights/report';
import { defaultQuickPassSettings } from '../../core/weights/spectrum-passes';
import { fixturesFolder } from '../../core/weights/test-support';
import { checkpointFolder } from './checkpoint-folder';
import { CheckpointService } from './checkpoint-service';
import { ComputeService } from './compute-service';
import { createComputePool } from './create-pool';
import { hostLimits } from './host-settings';

const pool = createComputePool(import.meta.url, { size: 2 });
afterAll(() => pool.close());
const compute = new ComputeService(pool, 'web', hostLimits({}));
const service = new CheckpointService(compute);
const sharded = path.join(fixturesFolder, 'sharded');

function collect() {
  const events: ProgressEvent[] = [];
  return {
    events,
    onProgress: (event: ProgressEvent) => events.push(event),
    lines: () => events.map((event) => (event.partial as CheckpointRunProgress).lines).join(''),
  };
}

describe('checkpoint runs on the pool', () => {
  it('streams the report of a sharded checkpoint as it goes; the numbers equal a run in process', async () => {
    const progress = collect();
    const run = await service.analyze(
      { folder: sharded, entry: 'model.safetensors.index.json' },
      {
        passes: ['quick', 'full'],
        policy: { kind: 'default' },
        jobId: 'test/sharded',
        onProgress: progress.onProgress,
      },
    );
    // Every line of the answer came first as progress, header first.
    expect(progress.lines()).toBe(run.report);
    const report = parseReport(run.report);
    expect(report.header.checkpoint.tensors.map((tensor) => tensor.name)).toContain(
      'lm_head.weight',
    );
    // Matrices only: the norm's scale vector has no row.
    expect([...report.tensors.keys()].sort()).toEqual(
      [
        'embed.weight',
        'layers.0.attn.weight',
        'layers.0.mlp.down.weight',
        'layers.0.mlp.up.weight',
        'lm_head.weight',
      ].sort(),
    );
    for (const tensor of report.tensors.values()) {
      expect(tensor.quick?.pass).toBe('quick');
      expect(tensor.full?.singularValues.length).toBe(Math.min(tensor.rows, tensor.cols));
    }
    const last = progress.events.at(-1)!.partial as CheckpointRunProgress;
    expect(last.progress).toMatchObject({ tensorsDone: 10, tensorsTotal: 10 });
    expect(
      progress.events.some((event) => /of 10 tensor passes · .* read/.test(event.message ?? '')),
    ).toBe(true);

    const files = checkpointFolder(sharded);
    const checkpoint = await openCheckpoint(files, 'model.safetensors.index.json');
    const settings: ReportSettings = {
      passes: ['quick', 'full'],
      policy: { kind: 'default' },
      quick: defaultQuickPassSettings,
      selection: 'matrices',
    };
    const direct = await runCheckpointAnalysis({
      checkpoint,
      files,
      fingerprint: await fingerprintCheckpoint(checkpoint, files),
      settings,
      append: () => {},
      createdBy: report.header.createdBy,
    });
    await files.close();
    const strip = (value: unknown) => {
      const { header, tensors } = value as { header: Record<string, unknown>; tensors: unknown };
      return { header: { ...header, startedAt: undefined }, tensors };
    };
    expect(strip(comparableReport(report))).toEqual(strip(comparableReport(direct.report)));
  });

  it('runs a full pass on demand for chosen tensors only', async () => {
    const run = await service.analyze(
      { folder: sharded },
      {
        passes: ['full'],
        tensors: ['lm_head.weight'],
        policy: { kind: 'gap' },
        jobId: 'test/one',
      },
    );
    const report = parseReport(run.report);
    expect([...report.tensors.keys()]).toEqual(['lm_head.weight']);
    expect(report.tensors.get('lm_head.weight')!.quick).toBeUndefined();
    expect(report.tensors.get('lm_head.weight')!.full?.policy).toMatch(/gap/i);
  });

  it('refuses the file-reading job from a page, and a shard that is a link out of the folder', async () => {
    await expect(
      compute.compute('checkpointTensor', { folder: '/etc' }, { jobId: 'page/1' }),
    ).rejects.toThrow(/only the host runs it/);

    const outside = mkdtempSync(path.join(os.tmpdir(), 'rankscope-outside-'));
    const folder = mkdtempSync(path.join(os.tmpdir(), 'rankscope-linked-'));
    const bytes = writeSafetensors([
      { name: 'w', dtype: 'F32', shape: [2, 2], data: encodeTensorData('F32', [1, 2, 3, 4]) },
    ]);
    writeFileSync(path.join(outside, 'secret.safetensors'), bytes);
    symlinkSync(path.join(outside, 'secret.safetensors'), path.join(folder, 'model.safetensors'));
    await expect(
      service.analyze(
        { folder, entry: 'model.safetensors' },
        { passes: ['quick'], policy: { kind: 'default' }, jobId: 'test/link' },
      ),
    ).rejects.toThrow(/leads out of the checkpoint's folder/);
  });

  it('answers a cancel at once and stops the passes in flight', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'rankscope-cancel-'));
    const size = 900;
    const values = Float32Array.from(
      { length: size * size },
      (_, k) => Math.sin(k * 0.37) + (k % 7),
    );
    const tensors = ['a', 'b', 'c', 'd'].map((name) => ({
      name,
      dtype: 'F32' as const,
      shape: [size, size],
      data: encodeTensorData('F32', values),
    }));
    writeFileSync(path.join(folder, 'big.safetensors'), writeSafetensors(tensors));
    const controller = new AbortController();
    const progress = collect();
    const running = service.analyze(
      { folder, entry: 'big.safetensors' },
      {
        passes: ['full'],
        policy: { kind: 'default' },
        jobId: 'test/cancel',
        onProgress: progress.onProgress,
        signal: controller.signal,
      },
    );
    // Cancel once the header is out and the first passes are on the workers.
    await expect.poll(() => pool.pending, { timeout: 20_000 }).toBeGreaterThan(0);
    const cancelledAt = performance.now();
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: 'CancelledError' });
    expect(performance.now() - cancelledAt).toBeLessThan(1000);
    await expect.poll(() => pool.pending, { timeout: 5_000 }).toBe(0);
    expect(parseReport(progress.lines()).tensors.size).toBeLessThan(4);
  });
});
