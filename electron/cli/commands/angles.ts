// rankscope angles FILE_A FILE_B [--json | --csv]
import { anglesReport } from '../../../core/jobs/rank-report';
import { readMatrixArgument } from '../input';
import type { Command } from 'commander';
import { formatValue, printCsv, printGrid, printJson, printTable } from '../output';
import { addExamples, addOutputOptions, outputFormat } from '../options';

export function registerAngles(program: Command): void {
  const command = program
    .command('angles')
    .summary('principal angles between the column spaces of two matrices')
    .description(
      'Principal angles θ (radians, descending, as scipy.linalg.subspace_angles) between the ' +
        'column spaces of A and B, and the geodesic, chordal and projection distances.',
    )
    .argument('<fileA>', 'the first matrix (or "-")')
    .argument('<fileB>', 'the second matrix, with as many rows');
  addOutputOptions(command, ['json', 'csv']);
  addExamples(command, [
    ['rankscope angles a.csv b.csv', 'θ in radians and degrees'],
    ['rankscope angles lora_a.npy lora_b.npy --json', 'with the Grassmann distances'],
  ]);
  command.action(
    async (fileA: string, fileB: string, options: { json?: boolean; csv?: boolean }) => {
      const format = outputFormat(options);
      const a = await readMatrixArgument(fileA);
      const b = await readMatrixArgument(fileB);
      const report = anglesReport(a.matrix, b.matrix);
      const angles = Array.from(report.angles as ArrayLike<number>);
      const degrees = (radians: number) => (radians * 180) / Math.PI;
      if (format === 'json')
        printJson({ files: [a.name, b.name], formats: [a.format, b.format], ...report });
      else if (format === 'csv')
        printCsv(
          ['index', 'radians', 'degrees'],
          angles.map((angle, i) => [i + 1, angle, degrees(angle)]),
        );
      else {
        printTable([
          ['dimensions', `${report.dimensionA} and ${report.dimensionB} in ℝ^${report.ambient}`],
          ['geodesic distance', report.geodesic],
          ['chordal distance', report.chordal],
          ['projection distance', report.projection],
        ]);
        process.stdout.write('principal angles\n');
        printGrid(
          angles.map((angle, i) => [
            `θ${i + 1}`,
            `${formatValue(angle)} rad`,
            `${formatValue(degrees(angle))}°`,
          ]),
        );
      }
    },
  );
}
