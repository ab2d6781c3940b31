// Dragging a vector's tip in a Subspaces scene: a press within 16 px of the tip's screen position
// takes it (orbiting pauses), and the tip follows the pointer in the plane through it that faces
// the camera — or in z = 0 for ℝ² and ℝ¹, so the vector stays in its space — within the scene.
import * as THREE from 'three';
import type { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import { sceneExtent } from '../../figures/subspace-scene';

export interface TipDrag {
  /** The tip being dragged now, or undefined when nothing can be dragged. */
  tip(): readonly number[] | undefined;
  onDrag(tip: number[]): void;
}

const grabRadius = 16;

/** Listens on the canvas; returns the function that stops listening. */
export function attachTipDrag(
  canvas: HTMLCanvasElement,
  camera: THREE.PerspectiveCamera,
  controls: OrbitControls,
  ambient: number,
  drag: () => TipDrag | undefined,
): () => void {
  const raycaster = new THREE.Raycaster();
  const pointer = new THREE.Vector2();
  let dragging = false;
  const vectorOf = (tip: readonly number[]) =>
    new THREE.Vector3(tip[0] ?? 0, tip[1] ?? 0, tip[2] ?? 0);

  const onPointerDown = (event: PointerEvent) => {
    const tip = drag()?.tip();
    if (!tip) return;
    const bounds = canvas.getBoundingClientRect();
    const projected = vectorOf(tip).project(camera);
    const x = ((projected.x + 1) / 2) * bounds.width;
    const y = ((1 - projected.y) / 2) * bounds.height;
    if (
      Math.hypot(x - (event.clientX - bounds.left), y - (event.clientY - bounds.top)) > grabRadius
    )
      return;
    dragging = true;
    controls.enabled = false;
    canvas.setPointerCapture(event.pointerId);
    event.preventDefault();
  };
  const onPointerMove = (event: PointerEvent) => {
    const current = drag();
    const tip = current?.tip();
    if (!dragging || !current || !tip) return;
    const bounds = canvas.getBoundingClientRect();
    pointer.set(
      ((event.clientX - bounds.left) / bounds.width) * 2 - 1,
      -((event.clientY - bounds.top) / bounds.height) * 2 + 1,
    );
    raycaster.setFromCamera(pointer, camera);
    const plane =
      ambient < 3
        ? new THREE.Plane(new THREE.Vector3(0, 0, 1), 0)
        : new THREE.Plane().setFromNormalAndCoplanarPoint(
            camera.getWorldDirection(new THREE.Vector3()),
            vectorOf(tip),
          );
    const hit = raycaster.ray.intersectPlane(plane, new THREE.Vector3());
    if (!hit) return;
    current.onDrag(
      [hit.x, hit.y, hit.z]
        .slice(0, ambient)
        .map((value) => Math.max(-sceneExtent, Math.min(sceneExtent, value))),
    );
  };
  const onPointerUp = (event: PointerEvent) => {
    if (!dragging) return;
    dragging = false;
    controls.enabled = true;
    canvas.releasePointerCapture(event.pointerId);
  };
  canvas.addEventListener('pointerdown', onPointerDown);
  canvas.addEventListener('pointermove', onPointerMove);
  canvas.addEventListener('pointerup', onPointerUp);
  return () => {
    canvas.removeEventListener('pointerdown', onPointerDown);
    canvas.removeEventListener('pointermove', onPointerMove);
    canvas.removeEventListener('pointerup', onPointerUp);
  };
}
