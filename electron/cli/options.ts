// Options several commands share — the output format and the rank policy — and the examples every
// command's --help ends with.
import { Option, type Command } from 'commander';
import { CliInputError } from './input-error';

export type OutputFormat = 'table' | 'json' | 'csv' | 'latex';

const outputDescriptions: Record<Exclude<OutputFormat, 'table'>, string> = {
  json: 'print JSON (for programs)',
  csv: 'print CSV',
  latex: 'print LaTeX',
};

/** --json / --csv / --latex, those that apply to the command. */
export function addOutputOptions(
  command: Command,
  formats: Exclude<OutputFormat, 'table'>[],
): Command {
  for (const format of formats) command.option(`--${format}`, outputDescriptions[format]);
  return command;
}

/** The one output format asked for; the aligned table when none. */
export function outputFormat(options: Partial<Record<OutputFormat, boolean>>): OutputFormat {
  const chosen = (['json', 'csv', 'latex'] as const).filter((format) => options[format]);
  if (chosen.length > 1)
    throw new CliInputError(`choose one of ${chosen.map((format) => `--${format}`).join(', ')}`);
  return chosen[0] ?? 'table';
}

export type PolicyName = 'auto' | 'exact' | 'default' | 'gap' | 'noise' | 'tol';

export function addPolicyOptions(command: Command, choices: PolicyName[], fallback: PolicyName) {
  return command
    .addOption(
      new Option('--policy <policy>', policyHelp(choices)).choices(choices).default(fallback),
    )
    .option(
      '--tol <x>',
      'the absolute tolerance for --policy tol (singular values > x count)',
      parseNumber,
    );
}

function policyHelp(choices: PolicyName[]): string {
  const words: Record<PolicyName, string> = {
    auto: 'auto = exact when every entry is an integer or a fraction, else default',
    exact: 'exact = row reduction over the rationals',
    default: 'default = σ > σ₁·max(m,n)·ε (numpy, MATLAB)',
    gap: 'gap = the largest gap in the spectrum',
    noise: 'noise = above the Marchenko–Pastur noise edge',
    tol: 'tol = σ > --tol',
  };
  return `how to decide the rank: ${choices.map((choice) => words[choice]).join('; ')}`;
}

/** --policy tol needs --tol ≥ 0. */
export function checkTolerance(options: { policy: string; tol?: number }): void {
  if (options.policy === 'tol' && (options.tol === undefined || !(options.tol >= 0)))
    throw new CliInputError('--policy tol needs --tol X with X ≥ 0');
}

function parseNumber(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || Number.isNaN(value))
    throw new CliInputError(`"${text}" is not a number`);
  return value;
}

/** Appends "Examples:" to the command's --help. */
export function addExamples(command: Command, examples: [string, string][]): Command {
  const width = Math.max(...examples.map(([line]) => line.length));
  return command.addHelpText(
    'after',
    '\nExamples:\n' +
      examples.map(([line, what]) => `  ${line.padEnd(width)}  # ${what}`).join('\n') +
      '\n',
  );
}
