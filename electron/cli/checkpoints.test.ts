// The checkpoint commands as a cluster runs them: three `analyze --shard K/3` processes at once on
// a sharded fixture, `merge` of their partial reports, equal to one run's report (timing aside);
// a report cut mid-line by a kill resumes to the same report; a Slurm array sets the shard; merge
// refuses overlapping shares; `diff` gives the LoRA ranks numpy gave.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { comparableReport, parseReport } from '../../core/weights/report';
import { fixtureExpectations } from '../../core/weights/test-support';
import { buildForTests } from './build-for-tests';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = path.join(root, 'core/weights/fixtures');
const index = path.join(fixtures, 'sharded/model.safetensors.index.json');
const run = promisify(execFile);

async function rankscope(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/rankscope.mjs', ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(() => buildForTests(), 240_000);

const comparable = (file: string) => comparableReport(parseReport(readFileSync(file, 'utf8')));

// Each command is a fresh Node process running the bundled CLI: a second each on a busy machine.
describe('rankscope analyze --shard, merge and diff', { timeout: 300_000 }, () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'rankscope-shards-'));
  const at = (name: string) => path.join(folder, name);

  it('three shard processes merged equal one run; a cut report resumes to the same', async () => {
    const [single, ...shards] = await Promise.all([
      rankscope(['analyze', index, '--report', at('single.jsonl')]),
      ...[1, 2, 3].map((k) =>
        rankscope(['analyze', index, '--shard', `${k}/3`, '--report', at(`part-${k}.jsonl`)]),
      ),
    ]);
    expect(single).toMatchObject({ code: 0 });
    for (const shard of shards) expect(shard.code, shard.stderr).toBe(0);
    // Each shard owns a share: together every matrix once, none twice.
    const owned = [1, 2, 3].map((k) => [
      ...parseReport(readFileSync(at(`part-${k}.jsonl`), 'utf8')).tensors.keys(),
    ]);
    expect(owned.flat().sort()).toEqual(
      [...parseReport(readFileSync(at('single.jsonl'), 'utf8')).tensors.keys()].sort(),
    );
    expect(owned.filter((share) => share.length > 0).length).toBeGreaterThan(1);

    const merged = await rankscope([
      'merge',
      at('part-1.jsonl'),
      at('part-2.jsonl'),
      at('part-3.jsonl'),
      '--out',
      at('merged.jsonl'),
    ]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(comparable(at('merged.jsonl'))).toEqual(comparable(at('single.jsonl')));

    // A kill mid-line: the cut line is dropped, the rest kept, the run finishes what is left. A
    // kill between a line and its newline: the line is kept and the newline written first.
    const size = statSync(at('single.jsonl')).size;
    const bytes = readFileSync(at('single.jsonl'));
    for (const cut of [bytes.lastIndexOf(0x0a, size - 2) + 40, size - 1]) {
      truncateSync(at('single.jsonl'), cut);
      const resumed = await rankscope(['analyze', index, '--report', at('single.jsonl')]);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stderr).toContain('(resumed)');
      expect(comparable(at('single.jsonl'))).toEqual(comparable(at('merged.jsonl')));
      expect(readFileSync(at('single.jsonl'), 'utf8')).toMatch(/}\n$/);
    }
  });

  it('takes the shard from a Slurm job array, and merge refuses a share given twice', async () => {
    const slurm = await rankscope(['analyze', index, '--report', at('slurm-2.jsonl')], {
      SLURM_ARRAY_TASK_ID: '1',
      SLURM_ARRAY_TASK_MIN: '0',
      SLURM_ARRAY_TASK_COUNT: '3',
    });
    expect(slurm.code, slurm.stderr).toBe(0);
    expect(slurm.stderr).toContain('shard 2/3');
    expect(parseReport(readFileSync(at('slurm-2.jsonl'), 'utf8')).header.shard).toMatchObject({
      index: 2,
      count: 3,
    });
    const twice = await rankscope(['merge', at('slurm-2.jsonl'), at('slurm-2.jsonl')]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/^rankscope: .*slurm-2\.jsonl/);
    const bad = await rankscope(['analyze', index, '--shard', '4/3', '--report', at('x.jsonl')]);
    expect(bad).toMatchObject({ code: 2 });
    expect(bad.stderr).toContain('between 1 and 3');
  });

  it('diff: ΔW per layer, with the LoRA ranks numpy gives', async () => {
    const { code, stdout, stderr } = await rankscope([
      'diff',
      path.join(fixtures, 'diff/base.safetensors'),
      path.join(fixtures, 'diff/tuned.safetensors'),
      '--json',
    ]);
    expect(code, stderr).toBe(0);
    const layers = JSON.parse(stdout) as {
      name: string;
      ranks: { default: { rank: number } };
      lora: Record<'p90' | 'p95' | 'p99', { rank: number }>;
    }[];
    expect(layers.map((layer) => layer.name)).toEqual(['q.weight', 'k.weight', 'v.weight']);
    for (const layer of layers) {
      const expected = fixtureExpectations.diff[layer.name];
      expect(layer.ranks.default.rank).toBe(expected.rank);
      expect(layer.lora.p90.rank).toBe(expected.lora['90']);
      expect(layer.lora.p99.rank).toBe(expected.lora['99']);
    }
    expect(stderr).toContain('head.weight is only in the fine-tune');
  });
});
