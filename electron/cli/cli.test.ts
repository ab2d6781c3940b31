// The `rankscope` command line as a person runs it: the built bin/rankscope.mjs in a child process,
// on files and on standard input, checking what it prints, its exit codes and its one-line errors.
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeNpy } from '../../core/formats/npy';
import { readMatrixText } from '../../core/formats/matrix-text';
import { buildForTests, repositoryRoot } from './build-for-tests';
import { rankscope, type Outcome, type RunOptions } from './test-support';

const fixtures = path.join(repositoryRoot, 'core/formats/fixtures');

function scratchFile(name: string, contents: string | Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'rankscope-cli-')), name);
  writeFileSync(file, contents);
  return file;
}

/** A failure as the brief promises it: exit 2, nothing on stdout, one line on stderr. */
function expectOneLineRefusal(outcome: Outcome, ...mentions: string[]): void {
  expect(outcome.code, outcome.stderr).toBe(2);
  expect(outcome.stdout).toBe('');
  const lines = outcome.stderr.trimEnd().split('\n');
  expect(lines, outcome.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^rankscope: /);
  for (const mention of mentions) expect(lines[0]).toContain(mention);
}

beforeAll(() => buildForTests(), 240_000);

describe('every text notation, from a file and from standard input, as the app reads it', () => {
  const folder = path.join(fixtures, 'text-forms');
  const names = readdirSync(folder).filter((name) => name !== 'expected.json');

  it.each(names)('%s', async (name) => {
    const file = path.join(folder, name);
    const bytes = new Uint8Array(readFileSync(file));
    // The app's paste reads the same text with the same reader.
    const pasted = readMatrixText(new TextDecoder().decode(bytes), { source: 'pasted text' });
    const expected = {
      format: pasted.format,
      rows: pasted.rows,
      cols: pasted.cols,
      cells: pasted.cells(),
    };
    const fromFile = await rankscope(['read', file, '--json']);
    const fromStandardInput = await rankscope(['read', '-', '--json'], { stdin: bytes });
    for (const outcome of [fromFile, fromStandardInput]) {
      expect(outcome.code, outcome.stderr).toBe(0);
      const report = JSON.parse(outcome.stdout);
      expect(report).toMatchObject(expected);
      if (pasted.entries !== 'expressions') {
        const values = (report.values as (number | string)[][]).flat().map(Number);
        const rows = pasted.rows;
        const want = Array.from(
          { length: rows * pasted.cols },
          (_, k) => pasted.matrix.data[Math.floor(k / pasted.cols) + (k % pasted.cols) * rows],
        );
        expect(values).toEqual(want);
      }
    }
    expect(JSON.parse(fromStandardInput.stdout).file).toBe('standard input');
  });
});

describe('text that is not a matrix: exit 2 and one line naming the line and column', () => {
  const folder = path.join(fixtures, 'malformed-text');
  const expected = JSON.parse(readFileSync(path.join(folder, 'expected.json'), 'utf8')) as Record<
    string,
    { line: number; column: number }
  >;

  it.each(Object.entries(expected))('%s', async (name, where) => {
    const file = path.join(folder, name);
    const location = `line ${where.line}, column ${where.column}: `;
    expectOneLineRefusal(await rankscope(['rank', file]), `${file}, ${location}`);
    expectOneLineRefusal(
      await rankscope(['rank', '-'], { stdin: readFileSync(file) }),
      `standard input, ${location}`,
    );
  });

  it('the older malformed corpus (binary formats too) is refused the same way', async () => {
    const folder = path.join(fixtures, 'malformed');
    const names = readdirSync(folder).filter((name) => name !== 'expected.json');
    const outcomes = await Promise.all(
      names.map((name) => rankscope(['rank', path.join(folder, name)])),
    );
    outcomes.forEach((outcome, index) => expectOneLineRefusal(outcome, names[index]));
  });
});

describe('rank', () => {
  it('the MATLAB literal of the issue, in a file, is 3×3 of rank 2 and nullity 1', async () => {
    const file = scratchFile('m.txt', '[1 2 3; 2 4 6; 1 3 4]\n');
    const outcome = await rankscope(['rank', file, '--json']);
    expect(outcome.code).toBe(0);
    expect(JSON.parse(outcome.stdout)).toMatchObject({
      format: 'matlab',
      rows: 3,
      cols: 3,
      rank: 2,
      nullity: 1,
      policy: 'exact',
      exact: true,
      tolerance: null,
      pivots: [0, 1],
    });
  });

  it('says rank, policy and tolerance in words on the table, without colour when piped', async () => {
    const file = scratchFile('d.csv', '0.5,1.25\n1,2.5\n0.1,0.3\n');
    const { code, stdout } = await rankscope(['rank', file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^matrix +3 × 2, read as CSV$/m);
    expect(stdout).toMatch(/^rank +2$/m);
    expect(stdout).toMatch(/^policy +default \(numpy, MATLAB\): 2 singular values exceed/m);
    // The app's one number style: three significant digits and a true minus sign.
    expect(stdout).toMatch(/^tolerance +\d\.\d{2}e\u22121\d$/m);
    expect(stdout).not.toContain('\x1b[');
  });

  it('auto is exact for a .npy of integers, numerical for decimals; every policy reports', async () => {
    const integers = scratchFile(
      'i.npy',
      writeNpy({ rows: 3, cols: 2, data: new Float64Array([1, 2, 3, 2, 4, 6]) }),
    );
    const exact = JSON.parse((await rankscope(['rank', integers, '--json'])).stdout);
    expect(exact).toMatchObject({ rank: 1, policy: 'exact', exact: true, format: 'npy' });
    const decimals = scratchFile('d.csv', '0.5,1.25\n1,2.5\n0.1,0.3\n');
    for (const policy of ['default', 'gap', 'noise']) {
      const report = JSON.parse(
        (await rankscope(['rank', decimals, '--policy', policy, '--json'])).stdout,
      );
      expect(report).toMatchObject({ rows: 3, cols: 2, policy, exact: false });
      expect(report.singularValues).toHaveLength(2);
      expect(report.nullity).toBe(2 - report.rank);
    }
    const tolerance = JSON.parse(
      (await rankscope(['rank', decimals, '--policy', 'tol', '--tol', '10', '--json'])).stdout,
    );
    expect(tolerance).toMatchObject({ rank: 0, nullity: 2, tolerance: 10 });
  });

  it('several files: one CSV line each', async () => {
    const a = scratchFile('a.csv', '1,2\n2,4\n');
    const b = scratchFile('b.m', '[1 0; 0 1]');
    const { code, stdout } = await rankscope(['rank', a, b, '--csv']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'file,format,rows,cols,rank,nullity,policy,tolerance,exact,stable_rank,effective_rank,gap_rank,noise_rank',
    );
    expect(lines[1]).toMatch(new RegExp(`^${a},csv,2,2,1,1,exact,,true,`));
    expect(lines[2]).toMatch(new RegExp(`^${b},matlab,2,2,2,0,exact,,true,`));
  });

  it('a text file over a megabyte (read through a window) gives what its .npy gives', async () => {
    // 400 × 300 of rank 7 (a product of thin factors), 17 digits a cell: about 2.6 MB.
    const [rows, cols, inner] = [400, 300, 7];
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
    const left = Array.from({ length: rows * inner }, random);
    const right = Array.from({ length: inner * cols }, random);
    const data = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++)
        for (let k = 0; k < inner; k++)
          data[i + j * rows] += left[i * inner + k] * right[k * cols + j];
    const lines = Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => data[i + j * rows].toPrecision(17)).join(','),
    );
    const csv = scratchFile('large.csv', '# a comment line first\n' + lines.join('\n') + '\n');
    const npy = scratchFile('large.npy', writeNpy({ rows, cols, data }));
    const fromText = JSON.parse((await rankscope(['rank', csv, '--json'])).stdout);
    const fromBinary = JSON.parse((await rankscope(['rank', npy, '--json'])).stdout);
    expect(fromText).toMatchObject({
      format: 'csv',
      rows,
      cols,
      rank: inner,
      nullity: cols - inner,
    });
    expect(fromText.singularValues).toEqual(fromBinary.singularValues);
    // A bad cell near the end is still named by its line and cell.
    lines[rows - 2] = lines[rows - 2].replace(/,[^,]+$/, ',x');
    const bad = scratchFile('bad.csv', lines.join('\n'));
    expectOneLineRefusal(await rankscope(['rank', bad]), `line ${rows - 1}, column ${cols}`, 'x');
  });

  it('arithmetic cells are evaluated (numerically, as they are not all fractions)', async () => {
    const { code, stdout } = await rankscope(['rank', '-', '--json'], {
      stdin: '[1 sqrt(2); sqrt(2) 2]',
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ rows: 2, cols: 2, rank: 1, policy: 'default' });
  });
});

describe('the other commands', () => {
  it('svd --values and angles print the numbers', async () => {
    const diagonal = scratchFile('s.txt', '3 0\n0 4\n0 0\n');
    const values = JSON.parse((await rankscope(['svd', diagonal, '--values', '--json'])).stdout);
    expect(values.singularValues[0]).toBeCloseTo(4, 12);
    expect(values.singularValues[1]).toBeCloseTo(3, 12);
    const csv = (await rankscope(['svd', diagonal, '--values', '--csv'])).stdout;
    expect(csv).toBe('index,singular_value\n1,4\n2,3\n');
    const a = scratchFile('a.txt', '1\n0\n0\n');
    const b = scratchFile('b.txt', '1\n1\n0\n');
    const angles = JSON.parse((await rankscope(['angles', a, b, '--json'])).stdout);
    expect(angles.angles[0]).toBeCloseTo(Math.PI / 4, 12);
    expect((await rankscope(['angles', a, b])).stdout).toMatch(/θ1 +0\.785398 rad +45°/);
  });

  it('rref: exact fractions, the steps, CSV and LaTeX', async () => {
    const file = scratchFile('r.csv', '2,4\n1,3\n');
    const report = JSON.parse((await rankscope(['rref', file, '--json'])).stdout);
    expect(report).toMatchObject({
      rank: 2,
      exact: true,
      rref: [
        ['1', '0'],
        ['0', '1'],
      ],
    });
    expect((await rankscope(['rref', '-', '--csv'], { stdin: '[3 1; 6 2]' })).stdout).toBe(
      'c1,c2\n1,1/3\n0,0\n',
    );
    const latex = (await rankscope(['rref', file, '--latex'])).stdout;
    expect(latex).toContain('\\begin{align*}');
    const table = (await rankscope(['rref', file])).stdout;
    expect(table).toMatch(/^steps\n +1\. R_1 ← \(1\/2\)R_1\n +2\. R_2 ← R_2 − R_1\n/m);
    expect(table).toMatch(/reduced row echelon form\n +1 +0\n +0 +1\n$/);
  });

  it('subspaces: the four dimensions add up', async () => {
    const file = scratchFile('s.csv', '1,2,3\n2,4,6\n');
    const report = JSON.parse((await rankscope(['subspaces', file, '--json'])).stdout);
    expect([
      report.rank,
      report.column.dimension,
      report.null.dimension,
      report.leftNull.dimension,
    ]).toEqual([1, 1, 2, 1]);
  });

  it('read --to writes every notation the reader reads back', async () => {
    const file = scratchFile('x.csv', '1,-1/2\n0.25,3\n');
    for (const to of [
      'csv',
      'tsv',
      'whitespace',
      'numpy',
      'python',
      'matlab',
      'julia',
      'latex',
      'mathematica',
      'r',
    ]) {
      const { code, stdout } = await rankscope(['read', file, '--to', to]);
      expect(code, to).toBe(0);
      expect(readMatrixText(stdout).cells(), to).toEqual([
        ['1', '-1/2'],
        ['0.25', '3'],
      ]);
    }
  });

  it('analyze: one JSON row per matrix tensor, and nothing else on stderr', async () => {
    const { code, stdout, stderr } = await rankscope([
      'analyze',
      'assets/weights/tiny-model.safetensors',
      '--json',
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const rows = JSON.parse(stdout) as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows)
      for (const field of [
        'name',
        'shape',
        'rows',
        'cols',
        'dtype',
        'rank',
        'stableRank',
        'effectiveRank',
        'sigmaMax',
        'noiseRank',
      ])
        expect(row, field).toHaveProperty(field);
  });

  it('analyze: a bad file after a good one is one line, and no file handle is left to warn about', async () => {
    const bad = path.join(fixtures, 'malformed/non_json.safetensors');
    const outcome = await rankscope(['analyze', 'assets/weights/tiny-model.safetensors', bad], {
      env: { NODE_OPTIONS: '--expose-gc' },
    });
    expectOneLineRefusal(outcome, 'non_json.safetensors');
    expect(outcome.stderr).not.toMatch(/file descriptor|Warning/);
  });
});

describe('pipes', () => {
  it('a reader that stops early (| head) ends the run quietly, exit 0', async () => {
    const file = scratchFile(
      'big.txt',
      Array.from({ length: 20_000 }, (_, i) => `${i} ${i % 7}`).join('\n'),
    );
    const child = spawn(process.execPath, [
      path.join(repositoryRoot, 'bin/rankscope.mjs'),
      'read',
      file,
    ]);
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  it('analyze reads a matrix or a safetensors file from standard input', async () => {
    const text = await rankscope(['analyze', '-', '--json'], { stdin: '1,2\n2,4.5\n' });
    expect(JSON.parse(text.stdout)).toMatchObject([
      { name: 'standard input', rows: 2, cols: 2, rank: 2 },
    ]);
    const weights = await rankscope(['analyze', '-', '--json'], {
      stdin: readFileSync(path.join(repositoryRoot, 'assets/weights/tiny-model.safetensors')),
    });
    expect(weights.code).toBe(0);
    expect(JSON.parse(weights.stdout).length).toBeGreaterThan(2);
  });
});

describe('files that are not regular files, and files that cannot be read', () => {
  it('a directory, a FIFO and /dev/zero are refused at once, by name', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'rankscope-cli-'));
    const fifo = path.join(folder, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    expectOneLineRefusal(await rankscope(['rank', folder]), folder, 'a folder, not a regular file');
    // Nobody writes to the FIFO: reading it would wait for ever.
    expectOneLineRefusal(await rankscope(['rank', fifo]), fifo, 'a FIFO');
    expectOneLineRefusal(await rankscope(['rank', '/dev/zero']), '/dev/zero', 'character device');
    expectOneLineRefusal(await rankscope(['analyze', fifo]), fifo, 'a FIFO');
    expectOneLineRefusal(await rankscope(['open', '/dev/zero']), '/dev/zero');
    expectOneLineRefusal(
      await rankscope(['rank', path.join(folder, 'missing.csv')]),
      'missing.csv: no such file',
    );
  });

  it('a file without read permission is exit 2 with its name', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'rankscope-cli-'));
    chmodSync(folder, 0o755);
    const file = path.join(folder, 'secret.csv');
    writeFileSync(file, '1,2\n3,4\n');
    chmodSync(file, 0o000);
    // Root reads any file whatever its mode, so as root the command runs as "nobody" (65534),
    // from a copy of the bundled command that nobody can reach (a checkout in a folder made by
    // mktemp -d is not): the bundle needs no node_modules.
    let asNobody: RunOptions = {};
    if (process.getuid?.() === 0) {
      const copy = mkdtempSync(path.join(tmpdir(), 'rankscope-cli-copy-'));
      for (const part of ['bin', 'dist/cli', 'package.json'])
        cpSync(path.join(repositoryRoot, part), path.join(copy, part), { recursive: true });
      execFileSync('chmod', ['-R', 'a+rX', copy]);
      asNobody = { uid: 65534, gid: 65534, root: copy };
    }
    expectOneLineRefusal(await rankscope(['rank', file], asNobody), `${file}: permission denied`);
  });

  it('standard input can be read once only', async () => {
    const { code, stderr } = await rankscope(['angles', '-', '-'], { stdin: '1\n0\n' });
    expect(code).toBe(2);
    expect(stderr).toContain('standard input ("-") can be read only once');
  });
});

const everyCommand = [
  'rank',
  'rref',
  'svd',
  'subspaces',
  'angles',
  'read',
  'analyze',
  'worksheet',
  'open',
  'serve',
];

describe('help, version and exit codes', () => {
  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8'));
    expect(await rankscope(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('help lists every command with the formats and exit codes; each command has examples', async () => {
    const help = await rankscope(['help']);
    expect(help.code).toBe(0);
    for (const command of everyCommand)
      expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(help.stdout).toContain('Exit codes:');
    for (const command of everyCommand) {
      const own = await rankscope([command, '--help']);
      expect(own.code, command).toBe(0);
      expect(own.stdout, command).toMatch(/\nExamples:\n {2}.*rankscope /);
      expect((await rankscope(['help', command])).stdout).toBe(own.stdout);
    }
  });

  it('on a terminal the rank is bold, and NO_COLOR turns colour off', async () => {
    // script(1) (util-linux) runs the command on a pseudo-terminal, as a person at a shell does.
    const file = scratchFile('t.csv', '1,2\n2,4\n');
    const command = `${process.execPath} bin/rankscope.mjs rank ${file}`;
    const onTerminal = (noColor: string) =>
      execFileSync('script', ['-qec', command, '/dev/null'], {
        cwd: repositoryRoot,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: noColor, TERM: 'xterm' },
      });
    // Labels dim, the rank bold.
    const escape = '\x1b';
    expect(onTerminal('')).toMatch(
      new RegExp(`^${escape}\\[2mrank +${escape}\\[22m +${escape}\\[1m1${escape}\\[22m\\r?$`, 'm'),
    );
    const plain = onTerminal('1');
    expect(plain).toMatch(/^rank +1\r?$/m);
    expect(plain).not.toContain('\x1b[');
  });

  it('usage mistakes are exit 2', async () => {
    expect((await rankscope(['frobnicate'])).code).toBe(2);
    expect((await rankscope(['rank'])).code).toBe(2);
    expect((await rankscope(['rank', 'x.csv', '--policy', 'wild'])).code).toBe(2);
    const file = scratchFile('a.csv', '1,2\n');
    expectOneLineRefusal(
      await rankscope(['rank', file, '--policy', 'tol']),
      '--policy tol needs --tol',
    );
    expectOneLineRefusal(
      await rankscope(['rank', file, '--json', '--csv']),
      'choose one of --json, --csv',
    );
    expectOneLineRefusal(await rankscope(['serve', '--root', '/no/such/folder']), 'not a folder');
  });
});
