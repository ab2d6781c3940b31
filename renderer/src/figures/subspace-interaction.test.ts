import { describe, it, expect } from 'vitest';
import * as THREE from 'three';
import { fromRows } from '../../../core/linalg/matrix';
import { applyMatrix } from './subspace-geometry';
import { sceneExtent } from './subspace-scene';
import { draggedTip, easeInOut, labelCentre, onCanvas, sceneVectors } from './subspace-interaction';

// A = [[1, 2], [2, 4]]: rank 1, row space spanned by (1, 2)/√5, null space by (2, −1)/√5.
const a = fromRows([
  [1, 2],
  [2, 4],
]);
const rowBasis = fromRows([[1 / Math.sqrt(5)], [2 / Math.sqrt(5)]]);

describe('subspace interaction', () => {
  it('splits x into its row and null parts and sends the null part to 0', () => {
    const { domain, codomain } = sceneVectors(a, rowBasis, [3, 1], 1, '#000');
    const [x, row, nil] = domain;
    expect(x.tip).toEqual([3, 1]);
    expect(row.tip[0] + nil.tip[0]).toBeCloseTo(3, 12);
    expect(row.tip[1] + nil.tip[1]).toBeCloseTo(1, 12);
    // x_row = (x·u)u with u = (1, 2)/√5: (1, 2).
    expect(row.tip[0]).toBeCloseTo(1, 12);
    expect(row.tip[1]).toBeCloseTo(2, 12);
    const [imageOfRow, imageOfNull, imageOfX] = codomain;
    expect(imageOfNull.tip.every((value) => Math.abs(value) < 1e-12)).toBe(true);
    // A x_row = A x = (5, 10), both drawn at the codomain's scale: the two tips coincide.
    imageOfRow.tip.forEach((value, i) => expect(value).toBeCloseTo(imageOfX.tip[i], 12));
    expect(imageOfRow.tip[1] / imageOfRow.tip[0]).toBeCloseTo(2, 12);
  });

  it('draws every codomain vector at the one scale, inside the scene', () => {
    // A 3×2 of rank 2 with a long image, and a 3×3 of rank 1: x's parts and their images.
    const cases = [
      {
        a: fromRows([
          [3, 0],
          [0, 2],
          [4, 5],
        ]),
        rowBasis: fromRows([
          [1, 0],
          [0, 1],
        ]),
        x: [2.5, -2],
      },
      {
        a: fromRows([
          [2, 4, 6],
          [1, 2, 3],
          [3, 6, 9],
        ]),
        rowBasis: fromRows([[1 / Math.sqrt(14)], [2 / Math.sqrt(14)], [3 / Math.sqrt(14)]]),
        x: [2, 1, 1.5],
      },
    ];
    for (const { a: matrix, rowBasis: basis, x } of cases) {
      const { domain, codomain, codomainScale } = sceneVectors(matrix, basis, x, 1, '#000');
      expect(codomainScale).toBeGreaterThan(1);
      const part = (name: string) => domain.find((vector) => vector.name === name)!.tip;
      const images: Record<string, readonly number[]> = {
        'A x_row': applyMatrix(matrix, part('x_row')),
        'A x_null': applyMatrix(matrix, part('x_null')),
        Ax: applyMatrix(matrix, x),
      };
      expect(codomain.map((vector) => vector.name)).toEqual(Object.keys(images));
      for (const vector of codomain) {
        // Every coordinate of the image in ℝᵐ, divided by the same factor.
        expect(vector.tip.length).toBe(matrix.rows);
        vector.tip.forEach((value, i) =>
          expect(value).toBeCloseTo(images[vector.name][i] / codomainScale, 12),
        );
        expect(Math.hypot(...vector.tip)).toBeLessThanOrEqual(sceneExtent + 1e-12);
      }
    }
  });

  it('shrinks a long image into the scene and says by how much', () => {
    const { codomain, codomainScale } = sceneVectors(a, rowBasis, [3, 1], 1, '#000');
    expect(codomainScale).toBeCloseTo(Math.hypot(5, 10) / 2.7, 12);
    const ax = codomain[2].tip;
    expect(Math.hypot(...ax)).toBeCloseTo(2.7, 12);
    // Before the animation ends, Ax is not drawn yet.
    expect(sceneVectors(a, rowBasis, [3, 1], 0.5, '#000').codomain[2].tip).toEqual([0, 0, 0]);
  });

  it('eases from 0 to 1 symmetrically', () => {
    expect(easeInOut(0)).toBe(0);
    expect(easeInOut(0.5)).toBe(0.5);
    expect(easeInOut(1)).toBe(1);
    expect(easeInOut(0.25) + easeInOut(0.75)).toBeCloseTo(1, 12);
  });

  it('lands a dragged tip where the pointer is, on the plane facing the camera', () => {
    const camera = new THREE.PerspectiveCamera(40, 1, 0.1, 100);
    camera.up.set(0, 0, 1);
    camera.position.set(0, -10, 0);
    camera.lookAt(0, 0, 0);
    camera.updateMatrixWorld();
    // The pointer over the tip's own screen position gives the tip back.
    const tip = [0.5, 0, 0.8];
    const screen = onCanvas(tip, camera, 200, 200);
    const pointer = new THREE.Vector2(screen.x / 100 - 1, 1 - screen.y / 100);
    const landed = draggedTip(camera, pointer, tip, 3)!;
    landed.forEach((value, k) => expect(value).toBeCloseTo(tip[k], 9));
    // In ℝ² the tip stays in the z = 0 plane; far pointers are clamped to the scene.
    const flat = draggedTip(camera, new THREE.Vector2(0.9, -0.05), [1, 1], 2);
    expect(flat).not.toBeNull();
    expect(flat!.length).toBe(2);
    expect(Math.abs(flat![0])).toBeLessThanOrEqual(3);
  });

  it('keeps a label inside its canvas', () => {
    expect(
      labelCentre({ x: -20, y: 500 }, { width: 100, height: 20 }, { width: 400, height: 300 }),
    ).toEqual({
      x: 54,
      y: 286,
    });
    expect(
      labelCentre({ x: 200, y: 150 }, { width: 100, height: 20 }, { width: 400, height: 300 }),
    ).toEqual({
      x: 200,
      y: 150,
    });
  });
});
