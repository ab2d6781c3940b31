// The 3D scenes by keyboard (WCAG 2.1.1: nothing by mouse only): the focused canvas turns about
// its vertical axis with ← →, tilts with ↑ ↓, zooms with + and −, and Home brings the camera back.
// Shared by the app's canvases (views/shared/use-three-canvas.ts) and the exported interactive
// page, whose cameras are z-up perspective cameras orbiting a target. Cost O(1) a key.
import * as THREE from 'three';

/** What a person is told about the keys (the canvas's accessible description). */
export const orbitKeyHelp =
  'Arrow keys turn the scene, + and − zoom in and out, Home returns to the first view.';

/** Degrees a key press turns or tilts the camera; the factor one zoom step moves it by. */
const turnDegrees = 10;
const zoomFactor = 0.85;
/** Keeps the camera off the poles, where "turn about the vertical axis" loses its meaning. */
const poleMargin = 0.05;

export interface OrbitLimits {
  minDistance?: number;
  maxDistance?: number;
}

export type OrbitKeyAction = { position: THREE.Vector3 } | 'home' | null;

/**
 * Where `key` moves a z-up camera at `position` orbiting `target`: a new position, 'home', or
 * null for a key the scene does not use.
 */
export function orbitKeyAction(
  key: string,
  position: THREE.Vector3,
  target: THREE.Vector3,
  limits: OrbitLimits = {},
): OrbitKeyAction {
  if (key === 'Home') return 'home';
  const offset = position.clone().sub(target);
  const distance = offset.length();
  if (distance === 0) return null;
  let azimuth = Math.atan2(offset.y, offset.x);
  let polar = Math.acos(Math.min(1, Math.max(-1, offset.z / distance)));
  let radius = distance;
  const turn = THREE.MathUtils.degToRad(turnDegrees);
  switch (key) {
    case 'ArrowLeft':
      azimuth -= turn;
      break;
    case 'ArrowRight':
      azimuth += turn;
      break;
    case 'ArrowUp':
      polar -= turn;
      break;
    case 'ArrowDown':
      polar += turn;
      break;
    case '+':
    case '=':
      radius *= zoomFactor;
      break;
    case '-':
    case '_':
    case '−':
      radius /= zoomFactor;
      break;
    default:
      return null;
  }
  polar = Math.min(Math.PI - poleMargin, Math.max(poleMargin, polar));
  radius = Math.min(limits.maxDistance ?? Infinity, Math.max(limits.minDistance ?? 0, radius));
  const moved = new THREE.Vector3(
    radius * Math.sin(polar) * Math.cos(azimuth),
    radius * Math.sin(polar) * Math.sin(azimuth),
    radius * Math.cos(polar),
  ).add(target);
  return { position: moved };
}

export interface KeyboardOrbitParts {
  camera: THREE.Camera;
  /** OrbitControls or anything with the same target, limits and update. */
  controls: { target: THREE.Vector3; minDistance: number; maxDistance: number; update(): unknown };
  /** Puts the camera back where it started. */
  home(): void;
}

let described = 0;

/**
 * Makes `canvas` a focusable control that orbits by keyboard, described for assistive technology
 * by a visually hidden sentence beside it. Returns the teardown.
 */
export function attachKeyboardOrbit(
  canvas: HTMLCanvasElement,
  parts: KeyboardOrbitParts,
): () => void {
  canvas.tabIndex = 0;
  // An application role: screen readers pass the arrow keys through instead of reading on.
  canvas.setAttribute('role', 'application');
  canvas.setAttribute('aria-roledescription', '3D scene');
  const description = canvas.ownerDocument.createElement('span');
  description.id = `keyboard-orbit-help-${++described}`;
  description.textContent = orbitKeyHelp;
  Object.assign(description.style, {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  });
  canvas.after(description);
  canvas.setAttribute('aria-describedby', description.id);
  const onKey = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const { camera, controls } = parts;
    const action = orbitKeyAction(event.key, camera.position, controls.target, controls);
    if (action === null) return;
    event.preventDefault();
    if (action === 'home') parts.home();
    else {
      camera.position.copy(action.position);
      camera.lookAt(controls.target);
      controls.update();
    }
  };
  canvas.addEventListener('keydown', onKey);
  return () => {
    canvas.removeEventListener('keydown', onKey);
    description.remove();
  };
}
