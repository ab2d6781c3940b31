// A worker with misbehaving jobs, to prove the pool survives them.
import { serveJobs } from '../worker/worker-runtime';

function busyWait(milliseconds: number) {
  const end = performance.now() + milliseconds;
  while (performance.now() < end) {
    /* spin */
  }
}

serveJobs({
  echo: (request) => request,
  double: (request) => {
    const { rows, cols, data } = request as { rows: number; cols: number; data: Float64Array };
    const out = new Float64Array(data.length);
    for (let k = 0; k < data.length; k++) out[k] = 2 * data[k];
    return { rows, cols, data: out };
  },
  slowCounter: (request, context) => {
    const { steps } = request as { steps: number };
    for (let step = 0; step < steps; step++) {
      context.checkCancelled();
      context.progress(step / steps, `step ${step}`);
      busyWait(5);
    }
    return steps;
  },
  throws: () => {
    throw new RangeError('row 3 has 2 entries, expected 4');
  },
  exits: () => process.exit(7),
  spinsForever: () => {
    for (;;) busyWait(1000);
  },
  fillShared: (request) => {
    const { data } = request as { data: Float64Array };
    for (let k = 0; k < data.length; k++) data[k] = k;
    return data.length;
  },
});
