// Three.js scene content for one side of the Subspaces view (domain ℝⁿ or codomain ℝᵐ, n, m ≤ 3):
// axes, a grid, each subspace drawn by its shape (origin dot, line, translucent plane, box for the
// whole space) and vectors as arrows. Plain objects, no renderer, so it builds in node as well.
import * as THREE from 'three';
import type { Matrix } from '../../../core/linalg/matrix';
import type { Point, Segment } from './label-placement';
import { column, embed3, shapeOf } from './subspace-geometry';
import type { FigureTheme } from './theme';

export const sceneExtent = 3;

export interface SceneSpace {
  key: string;
  basis: Matrix;
  ambient: number;
  colour: string;
}

function axisLines(ambient: number, theme: FigureTheme): THREE.Object3D {
  const group = new THREE.Group();
  const colours = ['#d1495b', '#2e9e5b', '#3a6fd8'];
  for (let axis = 0; axis < 3; axis++) {
    // Axes the space does not have are drawn faint: ℝ² lives in the z = 0 plane of the scene.
    const direction = new THREE.Vector3(axis === 0 ? 1 : 0, axis === 1 ? 1 : 0, axis === 2 ? 1 : 0);
    const geometry = new THREE.BufferGeometry().setFromPoints([
      direction.clone().multiplyScalar(-sceneExtent),
      direction.clone().multiplyScalar(sceneExtent),
    ]);
    const material = new THREE.LineBasicMaterial({
      color: axis < ambient ? colours[axis] : theme.grid,
      transparent: axis >= ambient,
      opacity: axis < ambient ? 1 : 0.5,
    });
    group.add(new THREE.Line(geometry, material));
  }
  return group;
}

function grid(theme: FigureTheme): THREE.Object3D {
  const helper = new THREE.GridHelper(2 * sceneExtent, 6, theme.muted, theme.grid);
  // The grid lies in the x–y plane (the scene's z is "up" for ℝ³ drawn with z towards the viewer).
  helper.rotation.x = Math.PI / 2;
  const materials = Array.isArray(helper.material) ? helper.material : [helper.material];
  for (const material of materials) {
    material.transparent = true;
    material.opacity = 0.45;
  }
  return helper;
}

export function spaceObject(space: SceneSpace): THREE.Object3D {
  const dimension = space.basis.cols;
  const shape = shapeOf(dimension, space.ambient);
  const colour = new THREE.Color(space.colour);
  const group = new THREE.Group();
  group.name = space.key;
  if (shape === 'point') {
    group.add(
      new THREE.Mesh(
        new THREE.SphereGeometry(0.09, 16, 12),
        new THREE.MeshBasicMaterial({ color: colour }),
      ),
    );
  } else if (shape === 'line' || (shape === 'space' && space.ambient === 1)) {
    const direction = new THREE.Vector3(...embed3(column(space.basis, 0))).normalize();
    const geometry = new THREE.CylinderGeometry(0.035, 0.035, 2 * sceneExtent, 12);
    const mesh = new THREE.Mesh(geometry, new THREE.MeshBasicMaterial({ color: colour }));
    mesh.quaternion.setFromUnitVectors(new THREE.Vector3(0, 1, 0), direction);
    group.add(mesh);
  } else if (shape === 'plane' || (shape === 'space' && space.ambient === 2)) {
    const u = new THREE.Vector3(...embed3(column(space.basis, 0))).normalize();
    const v = new THREE.Vector3(...embed3(column(space.basis, 1))).normalize();
    const size = sceneExtent * 0.7;
    const corners = [
      u.clone().multiplyScalar(size).add(v.clone().multiplyScalar(size)),
      u.clone().multiplyScalar(-size).add(v.clone().multiplyScalar(size)),
      u.clone().multiplyScalar(-size).add(v.clone().multiplyScalar(-size)),
      u.clone().multiplyScalar(size).add(v.clone().multiplyScalar(-size)),
    ];
    const geometry = new THREE.BufferGeometry().setFromPoints([
      corners[0],
      corners[1],
      corners[2],
      corners[0],
      corners[2],
      corners[3],
    ]);
    geometry.computeVertexNormals();
    group.add(
      new THREE.Mesh(
        geometry,
        new THREE.MeshBasicMaterial({
          color: colour,
          transparent: true,
          opacity: 0.28,
          side: THREE.DoubleSide,
          depthWrite: false,
        }),
      ),
    );
    const outline = new THREE.BufferGeometry().setFromPoints([...corners, corners[0]]);
    group.add(new THREE.Line(outline, new THREE.LineBasicMaterial({ color: colour })));
  } else {
    const box = new THREE.BoxGeometry(
      2 * sceneExtent * 0.8,
      2 * sceneExtent * 0.8,
      2 * sceneExtent * 0.8,
    );
    group.add(
      new THREE.Mesh(
        box,
        new THREE.MeshBasicMaterial({
          color: colour,
          transparent: true,
          opacity: 0.08,
          depthWrite: false,
        }),
      ),
    );
    group.add(
      new THREE.LineSegments(
        new THREE.EdgesGeometry(box),
        new THREE.LineBasicMaterial({ color: colour }),
      ),
    );
  }
  return group;
}

/** An arrow from the origin to `tip`; hidden (not removed) when the vector is 0. */
export function arrow(tip: readonly number[], colour: string, name: string): THREE.ArrowHelper {
  const helper = new THREE.ArrowHelper(
    new THREE.Vector3(1, 0, 0),
    new THREE.Vector3(),
    1,
    new THREE.Color(colour),
    0.22,
    0.12,
  );
  helper.name = name;
  setArrow(helper, tip);
  return helper;
}

export function setArrow(helper: THREE.ArrowHelper, tip: readonly number[]): void {
  const vector = new THREE.Vector3(...embed3(tip));
  const length = vector.length();
  helper.visible = length > 1e-9;
  if (!helper.visible) return;
  helper.setDirection(vector.clone().divideScalar(length));
  helper.setLength(length, Math.min(0.22, length * 0.35), Math.min(0.12, length * 0.2));
}

/** Axes, grid and subspaces of one side; vectors are added by the view. */
export function buildSpaceScene(
  ambient: number,
  spaces: SceneSpace[],
  theme: FigureTheme,
): THREE.Scene {
  const scene = new THREE.Scene();
  scene.background = new THREE.Color(theme.background);
  scene.add(grid(theme));
  scene.add(axisLines(ambient, theme));
  for (const space of spaces) scene.add(spaceObject(space));
  return scene;
}

/** Where a subspace's label sits: out along its first basis vector, or above the origin. */
export function labelAnchor(space: SceneSpace, index: number): [number, number, number] {
  const shape = shapeOf(space.basis.cols, space.ambient);
  if (shape === 'point') return [0.25, 0.25, 0.35 + 0.3 * index];
  if (shape === 'space') return [sceneExtent * 0.8, sceneExtent * 0.8, sceneExtent * 0.8];
  const direction = embed3(column(space.basis, 0));
  const length = Math.hypot(...direction) || 1;
  const reach = sceneExtent * (shape === 'line' ? 0.95 : 0.7);
  return direction.map((value) => (value / length) * reach) as [number, number, number];
}

/** Where a scene point falls on a canvas of this size, in pixels from its top left corner. */
export function screenPoint(
  point: readonly [number, number, number],
  camera: THREE.Camera,
  width: number,
  height: number,
): Point {
  const projected = new THREE.Vector3(...point).project(camera);
  return { x: ((projected.x + 1) / 2) * width, y: ((1 - projected.y) / 2) * height };
}

/**
 * The lines on screen that labels must keep off: each line-shaped space's line through the origin
 * and each vector's shaft (the vectors' at half weight: a label may graze an arrow sooner than
 * the line it names).
 */
export function labelGuides(
  spaces: readonly SceneSpace[],
  tips: readonly (readonly number[])[],
  camera: THREE.Camera,
  width: number,
  height: number,
): Segment[] {
  const segment = (
    from: [number, number, number],
    to: [number, number, number],
    weight: number,
  ): Segment => {
    const start = screenPoint(from, camera, width, height);
    const end = screenPoint(to, camera, width, height);
    return { x1: start.x, y1: start.y, x2: end.x, y2: end.y, weight };
  };
  const guides: Segment[] = [];
  for (const space of spaces) {
    const shape = shapeOf(space.basis.cols, space.ambient);
    if (shape !== 'line' && !(shape === 'space' && space.ambient === 1)) continue;
    const direction = embed3(column(space.basis, 0));
    const length = Math.hypot(...direction) || 1;
    const end = direction.map((value) => (value / length) * sceneExtent) as [
      number,
      number,
      number,
    ];
    guides.push(segment(end.map((value) => -value) as [number, number, number], end, 1));
  }
  for (const tip of tips) guides.push(segment([0, 0, 0], embed3(tip), 0.5));
  return guides;
}
