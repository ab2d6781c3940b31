// What the interactive subspace scenes compute as a person moves x, free of any framework so the
// Subspaces view and the exported interactive figure share it: the vectors each side draws (x and
// its split, A x_row and A x_null collapsing to 0 as the animation's phase runs from 0 to 1), where
// a dragged tip lands, and where a space's label sits on the canvas. Cost O(m·n) per call.
import * as THREE from 'three';
import type { Matrix } from '../../../core/linalg/matrix';
import { spaceColours } from './big-picture';
import { applyMatrix, interpolate, norm, splitVector } from './subspace-geometry';
import { sceneExtent } from './subspace-scene';

export interface SceneVector {
  name: string;
  tip: readonly number[];
  colour: string;
}

export interface SceneVectors {
  domain: SceneVector[];
  codomain: SceneVector[];
  /** Codomain vectors are drawn shrunk by this factor (≥ 1) to stay inside the scene. */
  codomainScale: number;
}

/**
 * x, x_row, x_null in ℝⁿ; A x_row, A x_null (→ 0 as `phase` → 1) and Ax in ℝᵐ. Each codomain
 * vector leaves from its part of x as drawn in ℝⁿ and arrives at its image drawn at the one
 * codomain scale, so at phase 1 A x_row lands exactly on Ax.
 */
export function sceneVectors(
  a: Matrix,
  rowBasis: Matrix,
  x: readonly number[],
  phase: number,
  ink: string,
): SceneVectors {
  const split = splitVector(rowBasis, x);
  const image = applyMatrix(a, x);
  const codomainScale = Math.max(1, norm(image) / (sceneExtent * 0.9));
  // One factor for every codomain vector: a vector left unshrunk would run off the panel.
  const drawn = (vector: readonly number[]) => vector.map((value) => value / codomainScale);
  return {
    domain: [
      { name: 'x', tip: x, colour: ink },
      { name: 'x_row', tip: split.row, colour: spaceColours.row },
      { name: 'x_null', tip: split.null, colour: spaceColours.null },
    ],
    codomain: [
      {
        name: 'A x_row',
        tip: interpolate(split.row, drawn(applyMatrix(a, split.row)), phase),
        colour: spaceColours.column,
      },
      {
        name: 'A x_null',
        tip: interpolate(split.null, drawn(applyMatrix(a, split.null)), phase),
        colour: spaceColours.null,
      },
      {
        name: 'Ax',
        tip: phase >= 1 ? drawn(image) : [0, 0, 0],
        colour: ink,
      },
    ],
    codomainScale,
  };
}

/** Ease in and out, so the collapse reads as motion rather than a jump. */
export function easeInOut(t: number): number {
  return t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
}

/**
 * Where a tip dragged to the pointer lands: on the plane through the old tip facing the camera
 * (ℝ² and ℝ¹ stay in the z = 0 plane), clamped to the scene. `pointer` is in normalized device
 * coordinates; null when the ray misses the plane.
 */
export function draggedTip(
  camera: THREE.Camera,
  pointer: THREE.Vector2,
  tip: readonly number[],
  ambient: number,
): number[] | null {
  const raycaster = new THREE.Raycaster();
  raycaster.setFromCamera(pointer, camera);
  const through = new THREE.Vector3(tip[0] ?? 0, tip[1] ?? 0, tip[2] ?? 0);
  const plane =
    ambient < 3
      ? new THREE.Plane(new THREE.Vector3(0, 0, 1), 0)
      : new THREE.Plane().setFromNormalAndCoplanarPoint(
          camera.getWorldDirection(new THREE.Vector3()),
          through,
        );
  const hit = raycaster.ray.intersectPlane(plane, new THREE.Vector3());
  if (!hit) return null;
  return [hit.x, hit.y, hit.z]
    .slice(0, ambient)
    .map((value) => Math.max(-sceneExtent, Math.min(sceneExtent, value)));
}

/** A 3D point's position in a canvas of the given size, in pixels from its top-left corner. */
export function onCanvas(
  point: readonly number[],
  camera: THREE.Camera,
  width: number,
  height: number,
): { x: number; y: number } {
  const projected = new THREE.Vector3(point[0] ?? 0, point[1] ?? 0, point[2] ?? 0).project(camera);
  return { x: ((projected.x + 1) / 2) * width, y: ((1 - projected.y) / 2) * height };
}

/** A label's centre near its anchor, moved inside the canvas so the whole label shows. */
export function labelCentre(
  anchor: { x: number; y: number },
  label: { width: number; height: number },
  canvas: { width: number; height: number },
): { x: number; y: number } {
  const halfWidth = label.width / 2 + 4;
  const halfHeight = label.height / 2 + 4;
  return {
    x: Math.min(Math.max(anchor.x, halfWidth), canvas.width - halfWidth),
    y: Math.min(Math.max(anchor.y, halfHeight), canvas.height - halfHeight),
  };
}
