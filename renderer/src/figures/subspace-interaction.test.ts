import { describe, it, expect } from 'vitest';
import * as THREE from 'three';
import { fromRows } from '../../../core/linalg/matrix';
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
    const [imageOfRow, imageOfNull] = codomain;
    expect(imageOfNull.tip.every((value) => Math.abs(value) < 1e-12)).toBe(true);
    // A x_row = A x = (5, 10).
    expect(imageOfRow.tip[0]).toBeCloseTo(5, 12);
    expect(imageOfRow.tip[1]).toBeCloseTo(10, 12);
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
