// A thread team without threads: every piece of a split call runs in turn on the calling thread,
// last piece first (so a piece that read another's output would show). It checks the split —
// pieces, offsets, packing slots — exactly and deterministically, in tests and on the tiers the
// test suites run (RANKSCOPE_TEST_THREADS); real threads are checked against it. Pipelined tasks
// (the band chase) need real threads and run on one here.
import type { WasmKernelInstance } from '../kernels/wasm-module';
import { needsConcurrency, runTaskPart } from './team-tasks';
import type { ThreadTeam } from './thread-team';

export class SequentialTeam implements ThreadTeam {
  /** Calls that were split (tests check that the split happened at all). */
  splitCalls = 0;
  readonly splitCounts: number[] = [];

  constructor(readonly size: number) {}

  run(instance: WasmKernelInstance, args: readonly number[]): boolean {
    if (!instance.shared || instance.slots < this.size) return false;
    // A pipelined task would wait forever for a piece that runs after it.
    if (needsConcurrency(args[0])) return false;
    const values = Float64Array.from(args);
    for (let part = this.size - 1; part >= 0; part--) {
      runTaskPart(instance.exports, values, part, this.size);
    }
    this.splitCalls++;
    this.splitCounts[args[0]] = (this.splitCounts[args[0]] ?? 0) + 1;
    return true;
  }

  dismiss(): void {}
}
