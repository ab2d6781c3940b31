import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import * as THREE from 'three';
import { fromRows } from '../../../core/linalg/matrix';
import { fundamentalSubspaces } from '../../../core/rank/subspaces';
import {
  applyMatrix,
  projectOnto,
  realSpace,
  shapeOf,
  spaceLabel,
  splitVector,
} from './subspace-geometry';
import { buildSpaceScene, labelAnchor, sceneExtent } from './subspace-scene';
import { lightTheme } from './theme';

const worked = fromRows([
  [1, 2, 3],
  [2, 4, 6],
  [1, 3, 4],
]);
const spaces = fundamentalSubspaces(worked);
const coordinate = fc.double({ min: -5, max: 5, noNaN: true });

describe('subspace geometry', () => {
  it('names shapes by dimension and labels spaces with their ambient space', () => {
    expect([0, 1, 2, 3].map((dimension) => shapeOf(dimension, 3))).toEqual([
      'point',
      'line',
      'plane',
      'space',
    ]);
    expect(shapeOf(2, 2)).toBe('space');
    expect(realSpace(12)).toBe('ℝ¹²');
    expect(spaceLabel('null space', 3, 1)).toBe('null space ⊂ ℝ³, dim 1 (a line)');
    expect(spaceLabel('left null space', 2, 0)).toBe('left null space ⊂ ℝ², dim 0 (the origin)');
  });

  it('splits x = x_row + x_null with x_row ⟂ x_null, A x_null = 0 and A x = A x_row', () => {
    fc.assert(
      fc.property(fc.tuple(coordinate, coordinate, coordinate), (tuple) => {
        const x = [...tuple];
        const split = splitVector(spaces.row, x);
        const dot = split.row.reduce((sum, value, i) => sum + value * split.null[i], 0);
        expect(Math.abs(dot)).toBeLessThan(
          1e-9 * (1 + x.reduce((sum, value) => sum + value * value, 0)),
        );
        split.row.forEach((value, i) => expect(value + split.null[i]).toBeCloseTo(x[i], 12));
        for (const value of applyMatrix(worked, split.null))
          expect(Math.abs(value)).toBeLessThan(1e-9 * (1 + Math.hypot(...x)));
        const image = applyMatrix(worked, x);
        applyMatrix(worked, split.row).forEach((value, i) =>
          expect(value).toBeCloseTo(image[i], 9),
        );
      }),
    );
  });

  it('projects idempotently', () => {
    fc.assert(
      fc.property(fc.tuple(coordinate, coordinate, coordinate), (tuple) => {
        const once = projectOnto(spaces.column, [...tuple]);
        projectOnto(spaces.column, once).forEach((value, i) =>
          expect(value).toBeCloseTo(once[i], 12),
        );
      }),
    );
  });
});

describe('subspace scene', () => {
  it('builds the domain scene with a plane and a line orthogonal to it', () => {
    const scene = buildSpaceScene(
      3,
      [
        { key: 'row', basis: spaces.row, ambient: 3, colour: '#4f46e5' },
        { key: 'null', basis: spaces.null, ambient: 3, colour: '#d97706' },
      ],
      lightTheme,
    );
    const row = scene.getObjectByName('row')!;
    const line = scene.getObjectByName('null')!;
    expect(row.children).toHaveLength(2);
    const plane = (row.children[0] as THREE.Mesh).geometry.getAttribute('position');
    // Every corner of the drawn plane lies in the row space, so it is ⟂ to the null direction.
    const nullDirection = new THREE.Vector3(
      spaces.null.data[0],
      spaces.null.data[1],
      spaces.null.data[2],
    );
    for (let k = 0; k < plane.count; k++) {
      const corner = new THREE.Vector3(plane.getX(k), plane.getY(k), plane.getZ(k));
      // Float32 vertex positions: about 7 significant digits.
      expect(Math.abs(corner.dot(nullDirection))).toBeLessThan(1e-6);
    }
    const cylinder = line.children[0] as THREE.Mesh;
    const axis = new THREE.Vector3(0, 1, 0).applyQuaternion(cylinder.quaternion);
    expect(Math.abs(Math.abs(axis.dot(nullDirection)) - 1)).toBeLessThan(1e-9);
  });

  it('anchors labels inside the scene', () => {
    for (const basis of [spaces.row, spaces.null, spaces.column, spaces.leftNull]) {
      const anchor = labelAnchor({ key: 'k', basis, ambient: 3, colour: '#000' }, 0);
      expect(Math.hypot(...anchor)).toBeLessThanOrEqual(sceneExtent * Math.sqrt(3));
    }
  });
});
