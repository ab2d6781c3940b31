import { describe, expect, it } from 'vitest';
import { gaussianMatrix, seededRandom } from './random';

describe('seededRandom', () => {
  it('repeats for a seed and differs across seeds', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const first = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(first);
  });

  it('draws uniforms in [0, 1) and standard normals with the right moments', () => {
    const random = seededRandom(7);
    let sum = 0;
    let outside = 0;
    for (let k = 0; k < 20000; k++) {
      const u = random.uniform();
      if (u < 0 || u >= 1) outside++;
      sum += u;
    }
    expect(outside).toBe(0);
    expect(sum / 20000).toBeCloseTo(0.5, 1);
    const g = gaussianMatrix(200, 100, 3).data;
    let mean = 0;
    for (const x of g) mean += x;
    mean /= g.length;
    let variance = 0;
    for (const x of g) variance += (x - mean) ** 2;
    variance /= g.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(variance - 1)).toBeLessThan(0.03);
  });
});
