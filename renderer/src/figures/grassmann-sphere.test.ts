import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fromRows } from '../../../core/linalg/matrix';
import { principalAngles } from '../../../core/rank/angles';
import {
  alignedPair,
  buildGrassmannSphere,
  slerp,
  sphereDirection,
  type Triple,
} from './grassmann-sphere';

const direction = fc
  .tuple(
    fc.double({ min: -1, max: 1, noNaN: true }),
    fc.double({ min: -1, max: 1, noNaN: true }),
    fc.double({ min: -1, max: 1, noNaN: true }),
  )
  .filter((vector) => Math.hypot(...vector) > 0.1)
  .map((vector) => vector.map((value) => value / Math.hypot(...vector)) as Triple);

describe('Grassmannians on the sphere', () => {
  it('slerp stays on the sphere, starts at u, ends at v and moves at constant angular speed', () => {
    fc.assert(
      fc.property(direction, direction, fc.double({ min: 0, max: 1, noNaN: true }), (u, v, t) => {
        const { u: a, v: b, angle } = alignedPair(u, v);
        expect(angle).toBeLessThanOrEqual(Math.PI / 2 + 1e-12);
        const point = slerp(a, b, t);
        expect(Math.hypot(...point)).toBeCloseTo(1, 12);
        const fromStart = Math.acos(
          Math.min(1, point[0] * a[0] + point[1] * a[1] + point[2] * a[2]),
        );
        if (angle > 1e-6) expect(fromStart).toBeCloseTo(t * angle, 6);
        slerp(a, b, 0).forEach((value, i) => expect(value).toBeCloseTo(a[i], 12));
        slerp(a, b, 1).forEach((value, i) => expect(value).toBeCloseTo(b[i], 9));
      }),
      { numRuns: 300 },
    );
  });

  it('pictures a plane by its normal, so the normals’ angle is the planes’ largest principal angle', () => {
    const first = fromRows([
      [1, 2],
      [2, 4],
      [1, 3],
    ]);
    const second = fromRows([
      [1, 0],
      [0, 1],
      [1, 1],
    ]);
    const u = sphereDirection(first)!;
    const v = sphereDirection(second)!;
    const angles = principalAngles(first, second);
    expect(alignedPair(u, v).angle).toBeCloseTo(Math.max(...angles), 10);
    expect(sphereDirection(fromRows([[1], [2]]))).toBeNull();
    const group = buildGrassmannSphere(u, v, {
      sphere: '#888',
      first: '#00f',
      second: '#0f0',
      path: '#000',
    });
    expect(group.getObjectByName('geodesic')).toBeDefined();
  });
});
