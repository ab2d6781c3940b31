// The `rankscope` command line as a person runs it: bin/rankscope.mjs in a child process, on
// committed fixtures, checking the JSON it prints, its exit codes and its one-line errors.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { writeNpy } from '../../core/formats/npy';

const root = fileURLToPath(new URL('../..', import.meta.url));
const malformed = path.join(root, 'core/formats/fixtures/malformed');
const run = promisify(execFile);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function rankscope(...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/rankscope.mjs', ...args], {
      cwd: root,
      encoding: 'utf8',
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function scratchFile(name: string, contents: string | Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'rankscope-cli-')), name);
  writeFileSync(file, contents);
  return file;
}

describe('rankscope command line', () => {
  it('rank: exact for a text file of integers and fractions, with the documented JSON fields', async () => {
    const file = scratchFile('a.csv', '1,2,3\n2,4,6\n1/2,0,1\n');
    const { code, stdout } = await rankscope('rank', file, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ rows: 3, cols: 3, rank: 2, policy: 'exact', exact: true });
    expect(report.tolerance).toBeNull();
    expect(report.nullity).toBe(1);
    expect(report.singularValues).toBeUndefined();
    for (const field of ['stableRank', 'effectiveRank', 'gapRank']) {
      expect(typeof report[field]).toBe('number');
    }
  });

  it('rank: auto is exact for a .npy of integers too, numerical (numpy rule) for decimals', async () => {
    const integers = scratchFile(
      'i.npy',
      writeNpy({ rows: 3, cols: 2, data: new Float64Array([1, 2, 3, 2, 4, 6]) }),
    );
    const exact = JSON.parse((await rankscope('rank', integers, '--json')).stdout);
    expect(exact).toMatchObject({ rank: 1, policy: 'exact', exact: true });
    const decimals = scratchFile('d.csv', '0.5,1.25\n1,2.5\n0.1,0.3\n');
    const numerical = JSON.parse(
      (await rankscope('rank', decimals, '--policy', 'default', '--json')).stdout,
    );
    expect(numerical).toMatchObject({ rank: 2, policy: 'default', exact: false });
    expect(numerical.singularValues).toHaveLength(2);
    expect(numerical.tolerance).toBeGreaterThan(0);
  });

  it('svd --values and angles print the numbers', async () => {
    const diagonal = scratchFile('s.txt', '3 0\n0 4\n0 0\n');
    const values = JSON.parse((await rankscope('svd', diagonal, '--values', '--json')).stdout);
    const list = values.singularValues ?? values.values;
    expect(list[0]).toBeCloseTo(4, 12);
    expect(list[1]).toBeCloseTo(3, 12);
    const a = scratchFile('a.txt', '1\n0\n0\n');
    const b = scratchFile('b.txt', '1\n1\n0\n');
    const angles = JSON.parse((await rankscope('angles', a, b, '--json')).stdout);
    const first = angles.angles?.[0] ?? angles.principalAngles?.[0];
    expect(first).toBeCloseTo(Math.PI / 4, 12);
  });

  it('analyze: one JSON row per matrix tensor of the fixture weight file', async () => {
    const { code, stdout } = await rankscope(
      'analyze',
      'assets/weights/tiny-model.safetensors',
      '--json',
    );
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) {
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
        'condition',
        'energyRank90',
        'energyRank95',
        'energyRank99',
        'noiseRank',
      ]) {
        expect(row, field).toHaveProperty(field);
      }
    }
  });

  it('every malformed fixture: exit code 2 and one line on stderr naming the file', async () => {
    const files = readdirSync(malformed).filter((name) => name !== 'expected.json');
    expect(files.length).toBeGreaterThan(20);
    // Four at a time: each run starts Node and tsx.
    for (let start = 0; start < files.length; start += 4) {
      const batch = files.slice(start, start + 4);
      const outcomes = await Promise.all(
        batch.map((name) => rankscope('rank', path.join(malformed, name))),
      );
      outcomes.forEach(({ code, stdout, stderr }, index) => {
        const name = batch[index];
        expect(code, name).toBe(2);
        expect(stdout, name).toBe('');
        const lines = stderr.trim().split('\n');
        expect(lines, name).toHaveLength(1);
        expect(lines[0], name).toContain(name);
      });
    }
  }, 180_000);
});
