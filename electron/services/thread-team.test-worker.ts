// A compute worker for the thread-team tests: products on a workspace (split over the team the
// pool lends), and helpers that fail on purpose when a product's alpha says so.
import { workerData } from 'node:worker_threads';
import { kernels } from '../../core/linalg/kernels/kernels';
import { gaussianMatrix } from '../../core/linalg/random';
import { task, runTaskPart } from '../../core/linalg/threads/team-tasks';
import { activeTeam } from '../../core/linalg/threads/thread-team';
import { createWorkspace } from '../../core/linalg/workspace';
import { singularValues } from '../../core/linalg/svd';
import { serveJobs } from '../worker/worker-runtime';

/** alpha values that make helper 1 fail: throw in its piece, or take its whole thread down. */
const faults = (workerData as { faults: { throws: number; exits: number } }).faults;

interface ProductRequest {
  m: number;
  n: number;
  depth: number;
  alpha: number;
  repeat?: number;
}

function product({ m, n, depth, alpha, repeat = 1 }: ProductRequest) {
  const space = createWorkspace(m * depth + depth * n + m * n + 64);
  const a = space.vector(m * depth);
  a.set(gaussianMatrix(m, depth, 1).data);
  const b = space.vector(depth * n);
  b.set(gaussianMatrix(depth, n, 2).data);
  const c = space.vector(m * n);
  const sizes: number[] = [];
  for (let r = 0; r < repeat; r++) {
    kernels.gemm(false, false, m, n, depth, alpha, a, 0, m, b, 0, depth, 0, c, 0, m);
    sizes.push(activeTeam()?.size ?? 1);
  }
  return { c: c.slice(), sizes }; // a copy: the workspace memory is reused
}

/** Singular values of a seeded Gaussian: two-stage reduction, its chase pipelined over the team. */
function values({ m, n }: { m: number; n: number }) {
  const values = singularValues(gaussianMatrix(m, n, 3));
  const team = activeTeam();
  return { values, size: team?.size ?? 1, chases: team?.splitCounts[task.chaseBand] ?? 0 };
}

serveJobs(
  {
    product: (request) => product(request as ProductRequest),
    values: (request) => values(request as { m: number; n: number }),
  },
  {
    helperPart: (exports, args, part, parts) => {
      if (args[0] === task.gemm && part === 1 && args[6] === faults.throws) {
        throw new Error('injected fault');
      }
      if (args[0] === task.gemm && part === 1 && args[6] === faults.exits) process.exit(3);
      runTaskPart(exports, args, part, parts);
    },
  },
);
