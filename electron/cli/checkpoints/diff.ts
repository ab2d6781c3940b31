// `rankscope diff BASE TUNED [--sketch K] [--json]`: a base checkpoint and its fine-tune, layer by
// layer: ‖ΔW‖_F, how far it moved, ΔW's rank by each policy and the LoRA rank that keeps 90/95/99 %
// of its energy. One layer in memory at a time.
import type { Command } from 'commander';
import { CliInputError } from '../input-error';
import { printJson } from '../output';

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('ΔW = TUNED − BASE per layer: its rank and the LoRA rank for 90/95/99 % energy')
    .argument('<base>', 'the base checkpoint (file, *.index.json or folder)')
    .argument('<tuned>', 'the fine-tuned checkpoint')
    .option('--sketch <k>', "ΔW's k leading values by the quick pass instead of all", (text) => {
      const value = Number(text);
      if (!Number.isInteger(value) || value < 1)
        throw new CliInputError(`--sketch ${text}: give a whole number ≥ 1`);
      return value;
    })
    .option('--json', 'print a JSON array, one object per layer')
    .action(
      async (
        baseTarget: string,
        tunedTarget: string,
        options: { sketch?: number; json?: boolean },
      ) => {
        const [
          { diffTensors, pairCheckpointTensors },
          { defaultQuickPassSettings },
          { openTarget },
        ] = await Promise.all([
          import('../../../core/weights/checkpoint-diff'),
          import('../../../core/weights/spectrum-passes'),
          import('./open-target'),
        ]);
        const base = await openTarget(baseTarget);
        try {
          const tuned = await openTarget(tunedTarget);
          try {
            const matrices = (tensors: typeof base.checkpoint.tensors) =>
              tensors.filter((tensor) => tensor.data.shape.length >= 2);
            const pairing = pairCheckpointTensors(
              matrices(base.checkpoint.tensors),
              matrices(tuned.checkpoint.tensors),
            );
            const sketch = options.sketch
              ? { ...defaultQuickPassSettings, rank: options.sketch }
              : undefined;
            const layers = [];
            for (const pair of pairing.pairs) {
              const layer = await diffTensors(base.files, pair.base, tuned.files, pair.tuned, {
                sketch,
              });
              layers.push(layer);
              if (!options.json) {
                const lora = (['p90', 'p95', 'p99'] as const)
                  .map((key) => `${layer.lora[key].atLeast ? '≥' : ''}${layer.lora[key].rank}`)
                  .join('/');
                process.stdout.write(
                  `${layer.name.padEnd(40)} ${`${layer.rows}×${layer.cols}`.padStart(11)}  ‖ΔW‖ ${layer.frobeniusNorm.toPrecision(4).padStart(10)}  moved ${(100 * layer.relativeChange).toFixed(2).padStart(7)} %  rank ${layer.ranks.default.rank}/${layer.ranks.gap.rank}/${layer.ranks.noise.rank} (tol/gap/noise)  LoRA 90/95/99 % ${lora}\n`,
                );
              }
            }
            if (options.json) printJson(layers);
            const notes = [
              ...pairing.onlyInBase.map((name) => `${name} is only in the base`),
              ...pairing.onlyInTuned.map((name) => `${name} is only in the fine-tune`),
              ...pairing.shapeMismatch.map(
                (item) =>
                  `${item.name}: ${item.base.join('×')} in the base, ${item.tuned.join('×')} in the fine-tune`,
              ),
            ];
            for (const note of notes) process.stderr.write(`rankscope: not compared: ${note}\n`);
          } finally {
            await tuned.files.close();
          }
        } finally {
          await base.files.close();
        }
      },
    );
}
