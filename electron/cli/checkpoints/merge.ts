// `rankscope merge PART... [--out FILE]`: joins shards' partial reports into the report one run
// would have written (refusing other checkpoints, other settings, overlapping shares), and says
// which shards or passes are still missing.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { CliInputError } from '../input-error';

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('join the partial reports of `analyze --shard K/N` into one report')
    .argument('<reports...>', 'partial reports (JSON Lines)')
    .option('--out <file>', 'write the merged report here (default: standard output)')
    .action(async (reports: string[], options: { out?: string }) => {
      const { mergeReports } = await import('../../../core/weights/merge');
      const inputs = reports.map((file) => {
        try {
          return { file, text: readFileSync(file, 'utf8') };
        } catch {
          throw new CliInputError(`${file}: cannot be read`);
        }
      });
      const merged = mergeReports(inputs, new Date().toISOString());
      if (options.out) writeFileSync(options.out, merged.text);
      else process.stdout.write(merged.text);
      if (merged.missingShards.length > 0)
        process.stderr.write(`rankscope: shards not given: ${merged.missingShards.join(', ')}\n`);
      if (merged.missing.length > 0)
        process.stderr.write(
          `rankscope: ${merged.missing.length} tensor passes not finished yet (resume with analyze --report on the merged file): ${merged.missing
            .slice(0, 5)
            .map((item) => `${item.name} (${item.pass})`)
            .join(', ')}${merged.missing.length > 5 ? ', …' : ''}\n`,
        );
    });
}
