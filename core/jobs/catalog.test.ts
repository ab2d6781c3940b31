import { describe, expect, it } from 'vitest';
import { directContext } from './context';
import { catalog } from './catalog';
import { fromRows } from '../linalg/matrix';

describe('job catalog', () => {
  it("validates requests with each job's schema before running", () => {
    for (const [name, job] of Object.entries(catalog)) {
      expect(job.request.safeParse(undefined).success, name).toBe(false);
    }
  });

  it('runs the lab jobs through their schemas', async () => {
    const attention = catalog.attentionDemo.run(
      catalog.attentionDemo.request.parse({ sequenceLength: 40, width: 24, headWidth: 6 }),
      directContext,
    );
    expect(attention.rank.rank).toBe(6);
    const b = fromRows([
      [1, 0],
      [0, 1],
      [1, 1],
    ]);
    const a = fromRows([
      [1, 2, 3, 4],
      [0, 1, 0, 1],
    ]);
    const delta = catalog.loraDelta.run(
      catalog.loraDelta.request.parse({ kind: 'factors', b, a }),
      directContext,
    );
    expect(delta.rank.rank).toBe(2);
    expect(delta.rows).toBe(3);
  });
});
